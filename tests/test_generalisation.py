"""Phrasing families the extractors must read in any text, on short texts written for
these tests; each expected value was read off the test text, not the extractor."""

from __future__ import annotations

import pytest

from etl.extract import extract_source
from etl.lang.corpus import Source
from etl.lang.knowledge import load_knowledge
from etl.resolve.persons import resolve_persons


def rows(text: str, resource: str) -> list[dict]:
    source = Source.from_text("test-text", text)
    found = []
    for record in extract_source(source, load_knowledge()):
        if record.resource != resource:
            continue
        row = {**record.fields, "line": record.span.line_start}
        if "name" in record.refs:
            row["surname"] = record.refs["name"].surname
            row["initials"] = record.refs["name"].initials
            row["given"] = record.refs["name"].given
        assert source.text[record.span.char_start : record.span.char_end] == record.span.quote
        found.append(row)
    return found


def sentenced(text: str) -> set[tuple]:
    return {(r["surname"], r["penalty"], r["term_years"]) for r in rows(text, "sentences")}


def figures(text: str) -> set[tuple]:
    return {(r["value"], r["measure"], r["subject"]) for r in rows(text, "expulsion_stats")}


# Sentences.


def test_a_troika_protocol_list_in_brackets_gives_each_item_the_heading_penalty():
    text = (
        "By the decision of the NKVD troika, protocol No. 12 of 2 November 1937, the "
        "following were sentenced to the supreme measure of punishment, shooting:\n"
        "(1) Zhukov, Ilya Petrovich, born 1890;\n"
        "(2) Lapina M. S., born 1899;\n"
        "(3) Sorokin Fedor Ilyich.\n"
        "\n"
        "The protocol was signed by the chairman.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"]) for r in found} == {
        ("Zhukov", "death"),
        ("Lapina", "death"),
        ("Sorokin", "death"),
    }
    assert {r["date"] for r in found} == {"1937-11-02"}
    assert all("troika" in r["sentencing_body"] for r in found)


@pytest.mark.parametrize("mark", ["1.", "1)", "a)", "–", "-"])
def test_every_common_list_mark_opens_an_item(mark: str):
    second = {"1.": "2.", "1)": "2)", "a)": "b)"}.get(mark, mark)
    text = f"Sentenced to ten years ITL:\n{mark} Osipov, Gleb Markovich;\n{second} Rudina A. V.\n"
    assert sentenced(text) == {("Osipov", "imprisonment", 10.0), ("Rudina", "imprisonment", 10.0)}


def test_terms_given_respectively_go_to_each_name_in_turn():
    text = "Gromov and Ulyanova received fifteen and ten years in labour camps respectively.\n"
    assert sentenced(text) == {("Gromov", "imprisonment", 15.0), ("Ulyanova", "imprisonment", 10.0)}


def test_legal_formulas_name_the_penalty():
    text = (
        "The Military Collegium sentenced Marshal Vetrov to VMN.\n"
        "Kolesova was sentenced to eight years of deprivation of liberty.\n"
        "T. I. Burov was sentenced by the Special Board of the NKVD to five years of exile.\n"
    )
    assert sentenced(text) == {
        ("Vetrov", "death", None),
        ("Kolesova", "imprisonment", 8.0),
        ("Burov", "exile", 5.0),
    }


def test_lost_political_rights_are_not_a_penalty_of_their_own():
    text = (
        "Gavrilov was sentenced to ten years of deprivation of liberty with loss of "
        "political rights for five years.\n"
    )
    found = rows(text, "sentences")
    assert [(r["penalty"], r["term_years"]) for r in found] == [("imprisonment", 10.0)]
    assert found[0]["rights_deprivation_years"] == 5.0


@pytest.mark.parametrize(
    "text",
    [
        "The prosecutor demanded that Lavrov and Pirogov be shot.\n",
        "The meeting resolved that the traitor Sitnikov deserved to be shot.\n",
        "Had he not fled, Golubev would have been shot.\n",
        "After the war Kornev was released; he had served eight years in the camps.\n",
        "Belyaev was saved from execution by the arrival of the Red Army.\n",
        "Rumours said that Glebov had been shot.\n",
        "She did her time in the camp; Aunt Vera Lapina never spoke of it.\n",
    ],
)
def test_demands_hypotheticals_and_terms_served_give_no_sentence(text: str):
    assert sentenced(text) == set()


def test_newspaper_verdicts_with_roles_initials_and_bare_terms():
    text = (
        "The court sentenced the former brigade leader S. I. Lobanov to six years, and the "
        "storekeeper Gerasimova to four years.\n"
        "\n"
        "Vetrova was sentenced to ten years' deprivation of liberty, Bulgakov to eight years.\n"
        "\n"
        "The accused Fomin and Kruglova were sentenced to 7 and 5 years respectively.\n"
        "\n"
        "The court sentenced the wife of the former chairman Orekhov to five years.\n"
    )
    assert sentenced(text) == {
        ("Lobanov", "imprisonment", 6.0),
        ("Gerasimova", "imprisonment", 4.0),
        ("Vetrova", "imprisonment", 10.0),
        ("Bulgakov", "imprisonment", 8.0),
        ("Fomin", "imprisonment", 7.0),
        ("Kruglova", "imprisonment", 5.0),
    }


def test_a_subject_clause_beside_a_name_with_its_own_term():
    # with_own_terms reads "Tikhonov got ten years"; the first clause's subject is read too
    text = "Lavrov was shot; Tikhonov got ten years.\n"
    assert sentenced(text) == {("Lavrov", "death", None), ("Tikhonov", "imprisonment", 10.0)}


def test_a_penalty_before_its_names_and_a_lone_shooting_after_a_dash():
    text = (
        "The tribunal condemned to death Lavrov, Tikhonov and Ryabov.\n"
        "\n"
        "The court sentenced to ten years' imprisonment Gusev and Orekhov.\n"
        "\n"
        "The sentence: Zaitsev - shooting; Morozov - 10 years.\n"
        "\n"
        "Belov was condemned to death as a Trotskyist.\n"
        "\n"
        "Kuzmin was sentenced to five years of exile in Kazakhstan.\n"
    )
    assert sentenced(text) == {
        ("Lavrov", "death", None),
        ("Tikhonov", "death", None),
        ("Ryabov", "death", None),
        ("Gusev", "imprisonment", 10.0),
        ("Orekhov", "imprisonment", 10.0),
        ("Zaitsev", "death", None),
        ("Morozov", "imprisonment", 10.0),
        ("Belov", "death", None),
        ("Kuzmin", "exile", 5.0),
    }


def test_a_decision_in_the_infinitive_but_not_a_proposal_or_a_threat():
    text = (
        "The troika decided to shoot Zaitsev and Morozov and to imprison Belov for ten years.\n"
        "\n"
        "The verdict of the court: to shoot Kuzmin and Orlov.\n"
        "\n"
        "The Special Board decided to exile Gusev to Kazakhstan for five years.\n"
        "\n"
        "The prosecutor proposed to shoot Lavrov. The workers threatened to shoot Ryabov.\n"
    )
    assert sentenced(text) == {
        ("Zaitsev", "death", None),
        ("Morozov", "death", None),
        ("Belov", "imprisonment", 10.0),
        ("Kuzmin", "death", None),
        ("Orlov", "death", None),
        ("Gusev", "exile", 5.0),
    }


def test_an_elided_clause_with_a_bare_term_after_received():
    text = (
        "Of the remaining accused, Sokolov received ten years, and Yegorov and Mishin eight "
        "years each.\n"
    )
    assert sentenced(text) == {
        ("Sokolov", "imprisonment", 10.0),
        ("Yegorov", "imprisonment", 8.0),
        ("Mishin", "imprisonment", 8.0),
    }


def test_a_subjects_role_wrapped_over_a_line_break():
    text = (
        "We expelled 9.4 per cent of the organisation. And still the enemy sat among\n"
        "us. The former chairman of the city soviet, Sokolovsky, who headed the\n"
        "Trotskyist centre, was sentenced by the Military Collegium to the supreme\n"
        "measure of punishment - shooting. (Applause.)\n"
    )
    assert sentenced(text) == {("Sokolovsky", "death", None)}


def test_newspaper_forms_have_received_a_participle_and_a_role_with_a_comma():
    text = (
        "The court established that Moroshkin had been convicted before: in 1931 the "
        "people's court sentenced him to one year of forced labour.\n"
        "\n"
        "In March the same collegium sentenced the former head of the raion land "
        "department, Zhelnin, to ten years for sabotage.\n"
        "\n"
        "Sorokin, Gusev and Lapin have received the sentence they deserved - death by "
        "shooting.\n"
        "\n"
        "The Presidium rejected the petitions for pardon of I. P. Sorokin and A. V. Lapin, "
        "sentenced by the Special Collegium to the highest measure of punishment.\n"
        "\n"
        "Citizen KOSTROV Pavel Nikolaevich, born 1896, sentenced by the NKVD troika for the "
        "Kursk oblast on 17 September 1937 to the supreme measure of punishment.\n"
        "\n"
        "The workers said that Belov deserved to be shot.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"]) for r in found} == {
        ("Moroshkin", "other"),
        ("Zhelnin", "imprisonment"),
        ("Sorokin", "death"),
        ("Gusev", "death"),
        ("Lapin", "death"),
        ("Kostrov", "death"),
    }
    assert {r["date"] for r in found if r["surname"] == "Kostrov"} == {"1937-09-17"}


def test_a_pronoun_joined_to_a_named_subject_and_a_participle_with_its_year():
    text = (
        "KOVALEV Ivan Petrovich (1890-1938), Soviet official. In 1937 he was arrested.\n"
        "He and his deputy A. B. Petrov were shot in 1938.\n"
        "\n"
        "The case of the kulak SHEREMETEV Pavel Ilyich, previously sentenced in 1930 to five "
        "years of exile, was sent to the troika.\n"
    )
    assert sentenced(text) == {
        ("Kovalev", "death", None),
        ("Petrov", "death", None),
        ("Sheremetev", "exile", 5.0),
    }


def test_a_memoirs_relatives_called_by_their_kin_words_are_inferred_from_the_introduction():
    text = (
        "My father, Pavel Sergeevich Lomov, was a turner at the works. Father's younger "
        "brother, Ilya Sergeevich Lomov, our Uncle Ilyusha, lived with us.\n"
        "\n"
        "They came for Father in August 1937. In November we learned that the troika had "
        "sentenced him to ten years. Uncle Ilyusha, luckier than Father, got five years of "
        "exile.\n"
        "\n"
        "My mother, Vera Antonovna Lomova, was arrested in 1938; the Special Board gave her "
        "eight years as the wife of a traitor. My brother served in the army.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Lomov", "imprisonment", 10.0),
        ("Lomov", "exile", 5.0),
        ("Lomova", "imprisonment", 8.0),
    }
    # "Father" and "Uncle Ilyusha" are named in an earlier paragraph; "her" has her full
    # name in its own sentence
    assert {(r["surname"], r["basis"], r["inference_rule"]) for r in found} == {
        ("Lomov", "inferred", "kin_reference"),
        ("Lomova", "explicit", None),
    }


def test_a_reports_own_list_of_the_accused_and_all_of_them_or_the_others():
    everyone = (
        "From 10 to 14 November 1937 the Special Collegium of the Vologda oblast court heard "
        "the case of a wrecking group at the flax mill. Before the court stood the former\n"
        "director of the mill Tarasov, the chief engineer Kulikov, the foreman Osipov, the "
        "storekeeper Lebedeva and the bookkeeper Frolov.\n"
        "\n"
        "The court sentenced all five accused to the supreme measure of punishment - shooting.\n"
    )
    found = rows(everyone, "sentences")
    assert {(r["surname"], r["penalty"]) for r in found} == {
        (surname, "death") for surname in ("Tarasov", "Kulikov", "Osipov", "Lebedeva", "Frolov")
    }
    assert {r["inference_rule"] for r in found} == {"collective_verdict"}
    others = (
        "In 1937 the oblast court heard the case of the mill. In the dock were Tarasov, "
        "Kulikov,\nOsipov, Lebedeva and Frolov.\n"
        "\n"
        "The court sentenced Tarasov, Kulikov and Osipov to be shot. The other accused "
        "received ten years each.\n"
    )
    assert sentenced(others) == {
        ("Tarasov", "death", None),
        ("Kulikov", "death", None),
        ("Osipov", "death", None),
        ("Lebedeva", "imprisonment", 10.0),
        ("Frolov", "imprisonment", 10.0),
    }


def test_a_relative_in_apposition_is_not_the_person_sentenced():
    text = (
        "The certificate is issued to ORLOVA Nina Sergeevna, daughter of ORLOV Sergei "
        "Pavlovich, sentenced by the Military Collegium on 3 March 1938 to the supreme "
        "measure of punishment.\n"
    )
    assert sentenced(text) == {("Orlov", "death", None)}


def test_newspaper_present_tense_passed_on_found_guilty_and_him_and_elided_penalties():
    text = (
        "The court sentences Tarasov, Kulikov and Osipov to death by shooting.\n"
        "\n"
        "The oblast court sentences the former chairman Gusev to ten years.\n"
        "\n"
        "Zuev and Demin have been sentenced to be shot, Lebedeva to ten years in a corrective "
        "labour camp, and Frolov to eight years.\n"
        "\n"
        "The court found Sedov guilty and sentenced him to ten years.\n"
        "\n"
        "The death sentence was passed on Panin and Repin. The court passed sentences of six "
        "years on Surikov and four years on Serov.\n"
    )
    assert sentenced(text) == {
        ("Tarasov", "death", None),
        ("Kulikov", "death", None),
        ("Osipov", "death", None),
        ("Gusev", "imprisonment", 10.0),
        ("Zuev", "death", None),
        ("Demin", "death", None),
        ("Lebedeva", "imprisonment", 10.0),
        ("Frolov", "imprisonment", 8.0),
        ("Sedov", "imprisonment", 10.0),
        ("Panin", "death", None),
        ("Repin", "death", None),
        ("Surikov", "imprisonment", 6.0),
        ("Serov", "imprisonment", 4.0),
    }


def test_a_verdict_heading_over_lines_of_names_and_their_penalties_after_a_dash():
    text = (
        "THE VERDICT\n"
        "\n"
        "Sorokin, Gusev and Lapin - to be shot.\n"
        "Dvoryaninov - ten years of deprivation of liberty.\n"
        "\n"
        "The sentence is final.\n"
        "\n"
        "THE SENTENCE OF THE PEOPLE\n"
        "\n"
        "I. P. Sorokina - the supreme measure of punishment, shooting;\n"
        "N. F. Shchukina - 8 years in a corrective labour camp.\n"
    )
    assert sentenced(text) == {
        ("Sorokin", "death", None),
        ("Gusev", "death", None),
        ("Lapin", "death", None),
        ("Dvoryaninov", "imprisonment", 10.0),
        ("Sorokina", "death", None),
        ("Shchukina", "imprisonment", 8.0),
    }


def test_surname_comma_given_names_before_a_singular_verb_and_a_subject_after_a_clause():
    text = (
        "5. The former kulak Penner, Gerhard Jakob, was sentenced in December to exile to the "
        "Narym Krai for five years.\n"
        "\n"
        "In the case of the group at the institute (Professor L. B. Rosenthal, docent O. M. "
        "Yaroshenko and the student Dzhumagaliev), which conducted propaganda among students, "
        "Rosenthal received the supreme measure of punishment, while Yaroshenko and "
        "Dzhumagaliev were given 10 and 8 years respectively.\n"
    )
    assert sentenced(text) == {
        ("Penner", "exile", 5.0),
        ("Rosenthal", "death", None),
        ("Yaroshenko", "imprisonment", 10.0),
        ("Dzhumagaliev", "imprisonment", 8.0),
    }


def test_the_first_and_second_categories_of_order_00447_are_penalties():
    text = (
        "Protocol No. 45 of the session of the Troika of the UNKVD of 14 October 1937\n"
        "\n"
        "Those listed below are assigned to the first category:\n"
        "1. GORSHKOV Ivan Petrovich, b. 1889\n"
        "2. ZOTOV Fyodor Ilyich, b. 1902\n"
        "\n"
        "Assigned to the second category (8 years ITL):\n"
        "3. MELNIKOV Pavel Andreevich, b. 1897\n"
    )
    assert sentenced(text) == {
        ("Gorshkov", "death", None),
        ("Zotov", "death", None),
        ("Melnikov", "imprisonment", 8.0),
    }


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f"])
def test_a_text_spaced_with_no_break_or_thin_spaces_reads_as_with_plain_ones(space: str):
    text = (
        "The court sentenced the former brigade leader S. I. Lobanov to six years.\n"
        "\n"
        "Sentenced to be shot: the former secretary of the raikom Ya. M. Sherstnev and the "
        "former procurator Dolgikh.\n"
        "\n"
        "The number of expelled in the city organisation reached 486, that is, 6.1 per cent "
        "of its membership; in the rural raions - 718 (5.4 per cent).\n"
    )
    odd = text.replace(" ", space)
    assert sentenced(odd) == sentenced(text) != set()
    assert figures(odd) == figures(text) != set()
    source = Source.from_text("odd", odd)
    for record in extract_source(source, load_knowledge()):
        assert odd[record.span.char_start : record.span.char_end] == record.span.quote


def test_a_list_under_a_heading_that_ends_with_a_dash_and_a_place_in_brackets():
    text = (
        "Among those sentenced:\n"
        "   to be shot -\n"
        "      SAVINYKH Pyotr Afanasyevich, 1884, former merchant, kulak;\n"
        "      KUZOVKIN D. T., 1899, member of a church-monarchist group;\n"
        "   to imprisonment in a corrective labour camp -\n"
        "      DROZDOVA Yevdokiya Pavlovna, 1905, for 10 years;\n"
        "      ZHIGALIN Kuzma Petrovich, 1910, for 8 years.\n"
        "\n"
        "BELYAEVA, Anna Stepanovna (1902-1979)\n"
        "By decision of the OSO of 11.03.1938 sentenced to 8 years ITL; served her term in "
        "Temlag (Mordovia).\n"
    )
    assert sentenced(text) == {
        ("Savinykh", "death", None),
        ("Kuzovkin", "death", None),
        ("Drozdova", "imprisonment", 10.0),
        ("Zhigalin", "imprisonment", 8.0),
        ("Belyaeva", "imprisonment", 8.0),
    }


def test_a_pronoun_agrees_by_the_patronymic_and_the_surname_not_a_given_name_in_a():
    text = (
        "VORONIN, Ilya Markovich (1878-1937)\n"
        "Priest of the Church of St Nicholas in the village of Nikolskoye. In 1930 he was "
        "sentenced by the troika of the PP OGPU to 3 years in a concentration camp.\n"
        "\n"
        "After Stalin's death in March 1953, Pavel Orlov became head of the ministry. However, "
        "in a coup launched by Nikita Sokolov with help from Marshal Georgy Zubov in June 1953, "
        "Orlov was removed from power and arrested. He was sentenced to death.\n"
    )
    assert sentenced(text) == {("Voronin", "imprisonment", 3.0), ("Orlov", "death", None)}


def test_an_arrest_long_before_the_verdict_a_place_in_apposition_and_sent_into_exile():
    text = (
        "Levitin was arrested in 1939 as a participant in a conspiracy within the organs of "
        "the NKVD and on 7 July 1941 was condemned by the Military Collegium to the supreme "
        "measure of punishment.\n"
        "\n"
        "- O. I. Harasymenko, a teacher from Zmiiv, who had been given ten years by the OSO.\n"
        "\n"
        "Tyrtov Ivan Petrovich was released in 1947. On 14 May 1949 he was arrested again, and "
        "the Special Board on 23 July 1949 sent him into exile for settlement.\n"
    )
    assert {(s, p) for s, p, _ in sentenced(text)} == {
        ("Levitin", "death"),
        ("Harasymenko", "imprisonment"),
        ("Tyrtov", "exile"),
    }


def test_a_sentence_reduced_in_the_active_voice_is_a_sentence_too():
    text = (
        "MITROFANOV, Konstantin Ilyich (1897-1964)\n"
        "Agronomist of the Sokol MTS. Arr. 10.03.1938.\n"
        "He was sentenced by the Vologda oblast court 17.06.1938 to 6 years of deprivation "
        "of liberty. On his cassation appeal the Supreme Court of the RSFSR on 29.09.1938 "
        "reduced the term to 3 years. Released 1941.\n"
    )
    assert sentenced(text) == {
        ("Mitrofanov", "imprisonment", 6.0),
        ("Mitrofanov", "imprisonment", 3.0),
    }


def test_a_participle_in_brackets_after_a_name_is_that_persons_sentence():
    text = (
        "GLUKHOV, Nikolai Petrovich (1899-1938)\n"
        "Arr. 3.11.1937. According to the testimony of cellmates, he was beaten during "
        "interrogations by the head of the raion department of the NKVD, S. A. Kostrov "
        "(himself sentenced in 1940 by a military tribunal to 10 years ITL). He died during "
        "the investigation.\n"
    )
    assert sentenced(text) == {("Kostrov", "imprisonment", 10.0)}


def test_a_colon_list_with_its_penalty_after_the_names_under_a_headline_but_not_a_demand():
    text = (
        "THE ENEMIES HAVE GOT WHAT THEY DESERVED\n"
        "The court's answer: Pankratov, Zheludev and Bredikhin to be shot\n"
        "\n"
        "The verdict: Sorokin and Gusev to ten years each.\n"
        "\n"
        "The workers' demand: Lapin and Frolov to be shot!\n"
    )
    assert sentenced(text) == {
        ("Pankratov", "death", None),
        ("Zheludev", "death", None),
        ("Bredikhin", "death", None),
        ("Sorokin", "imprisonment", 10.0),
        ("Gusev", "imprisonment", 10.0),
    }


def test_a_resolution_quoted_in_prose_names_its_person_before_to_be():
    text = (
        "Her case was considered by the Special Board of the NKVD of the USSR, which on 29 "
        'April 1938 resolved: "SHCHEGLOVA Nina Arkadyevna, as a socially dangerous element, '
        'to be confined in a corrective labour camp for a term of eight years." She died in '
        "1943.\n"
    )
    assert sentenced(text) == {("Shcheglova", "imprisonment", 8.0)}


def test_a_capitalised_post_before_a_verdicts_object_is_not_the_person():
    text = (
        "The military tribunal of the garrison sentenced the Red Army man Chistov to 8 years. "
        "The court sentenced Ivanov and Petrov to five years each.\n"
    )
    assert sentenced(text) == {
        ("Chistov", "imprisonment", 8.0),
        ("Ivanov", "imprisonment", 5.0),
        ("Petrov", "imprisonment", 5.0),
    }


def test_colon_lists_of_surnames_with_initials_after_them_two_in_one_sentence():
    text = (
        "Vozhega RO. Sentenced by the troika on 11 March to VMN: Gromov I. P., Lukin S. S. "
        "Sentenced to 10 years: Belova A. M.\n"
    )
    assert sentenced(text) == {
        ("Gromov", "death", None),
        ("Lukin", "death", None),
        ("Belova", "imprisonment", 10.0),
    }


def test_each_object_with_its_post_a_sentence_passed_on_a_post_and_one_replaced():
    text = (
        "The tribunal sentenced the former depot chief Yakhontov S. A. to be shot, the engine "
        "driver Lebedkin to ten years, and the fitter Kolosov to eight years in a corrective "
        "labour camp.\n"
        "\n"
        "The death sentence passed on the wrecker Tsvetkov has been carried out. The Supreme "
        "Court of the RSFSR replaced the shooting of Bakhmetyev with ten years of "
        "imprisonment.\n"
    )
    found = rows(text, "sentences")
    assert sorted((r["surname"], r["penalty"], r["term_years"]) for r in found) == [
        ("Bakhmetyev", "imprisonment", 10.0),
        ("Kolosov", "imprisonment", 8.0),
        ("Lebedkin", "imprisonment", 10.0),
        ("Tsvetkov", "death", None),
        ("Yakhontov", "death", None),
    ]


def test_a_subject_with_a_relative_clause_and_a_post_in_capitals_in_a_dash_item():
    text = (
        "6. Surin, whom the troika of the PP OGPU had sentenced in 1933 to 3 years of exile, "
        "returned without permission.\n"
        "\n"
        "4. By the garrison military tribunal: Red Army man Fedotov - 7 years ITL.\n"
        "\n"
        "The decision of the Special Board, by which members of families were exiled to "
        "Kazakhstan for 5 years each, among them Raisa LEIKINA.\n"
    )
    found = sentenced(text)
    assert {("Surin", "exile", 3.0), ("Fedotov", "imprisonment", 7.0)} <= found
    assert not any(p == "imprisonment" and s != "Fedotov" for s, p, _ in found)


def test_a_reply_about_your_father_named_in_capitals_earlier_in_the_letter():
    text = (
        "In reply to your enquiry we inform you that your father, GORBUNOV Pavel Kuzmich, "
        "born 1896, was arrested on 2 August 1937.\n"
        "\n"
        "In correction of our letter of 1957 we inform you that your father was in fact "
        "sentenced by the troika on 14.10.1937 to the highest measure of punishment - "
        "shooting.\n"
    )
    found = rows(text, "sentences")
    assert [(r["surname"], r["penalty"], r["date"], r["inference_rule"]) for r in found] == [
        ("Gorbunov", "death", "1937-10-14", "kin_reference")
    ]


def test_each_of_two_penalties_keeps_its_own_term():
    text = (
        "Orlov was sentenced to 8 years ITL followed by 3 years of exile.\n"
        "\n"
        "Sidorov was sentenced to 5 years of exile in Kazakhstan with deprivation of rights "
        "for 3 years.\n"
    )
    found = rows(text, "sentences")
    assert sorted((r["surname"], r["penalty"], r["term_years"]) for r in found) == [
        ("Orlov", "exile", 3.0),
        ("Orlov", "imprisonment", 8.0),
        ("Sidorov", "exile", 5.0),
    ]


def test_a_pronoun_opening_a_later_clause_that_cannot_be_the_subject():
    text = (
        "BELOVA, Anna Ivanovna (1901-1970), teacher. Her husband, the economist M. S. Belov, "
        "was shot in 1937; she herself was exiled to Kazakhstan as a member of the family of "
        "a traitor.\n"
    )
    assert sentenced(text) == {("Belov", "death", None), ("Belova", "exile", None)}


def test_the_other_accused_are_those_not_sentenced_by_name_anywhere_nor_nobody():
    # everyone named already: "the other accused" are nobody (and no error)
    nobody = (
        "On trial were Ivanov, Petrov and Sidorov. Ivanov was shot. Petrov and Sidorov were "
        "acquitted. The other accused received ten years.\n"
    )
    assert sentenced(nobody) == {("Ivanov", "death", None)}
    same_sentence = (
        "On trial were Ivanov, Petrov and Sidorov. Ivanov was sentenced to death; the other "
        "accused received ten years each.\n"
    )
    assert sentenced(same_sentence) == {
        ("Ivanov", "death", None),
        ("Petrov", "imprisonment", 10.0),
        ("Sidorov", "imprisonment", 10.0),
    }


def test_no_row_for_decisions_answers_and_categories_that_are_not_verdicts():
    for text in (
        "In 1944 the government decided to deport Chechens and Ingush to Kazakhstan.\n",
        "The resolution of the general meeting of the workers: to shoot Ivanov and Petrov!\n",
        "The workers' answer: Ivanov, Petrov and Sidorov to be shot!\n",
        "The prosecutor asked: Ivanov and Petrov to be shot.\n",
        "Called as witnesses before the court were Ivanov, Petrov and Sidorov. All the "
        "accused were sentenced to ten years.\n",
    ):
        assert sentenced(text) == set(), text
    modifiers = (
        "Petrov, a first category fitter at the plant, was sentenced to ten years. Ivanov, an "
        "invalid of the second category, was sentenced to be shot.\n"
    )
    assert sentenced(modifiers) == {("Petrov", "imprisonment", 10.0), ("Ivanov", "death", None)}


def test_two_persons_a_comma_apart_and_a_new_subject_after_an_arrest():
    text = (
        "The secretary of A. I. Rykov, Petrov, was sentenced to ten years.\n"
        "\n"
        "Ivanov was arrested in 1937 as a member of the group and his wife Anna was later "
        "sentenced to eight years.\n"
    )
    found = sentenced(text)
    assert ("Petrov", "imprisonment", 10.0) in found
    assert not any(s == "Ivanov" for s, _, _ in found)


def test_kin_words_of_clerics_and_of_other_peoples_relatives_and_a_feminine_given_name():
    for text in (
        "Stalin's wife, Nadezhda Alliluyeva, died in 1932. My wife was sentenced to eight years.\n",
        "The priest Father Pavel Florensky taught at the academy. In 1937 Father was shot.\n",
        "Ivan Petrov was an engineer. In 1935 the trust sent him to the labour camp at "
        "Karaganda as chief engineer.\n",
    ):
        assert sentenced(text) == set(), text
    text = "Anna Rubin was a teacher in Kharkov. In 1937 she was sentenced to eight years.\n"
    assert sentenced(text) == {("Rubin", "imprisonment", 8.0)}


def test_a_verdict_in_a_relative_clause_is_its_objects_not_the_subjects():
    text = (
        "Orlov was the chairman of the troika that sentenced Belov to death.\n"
        "\n"
        "Zotov was the judge who sentenced Kuzin to ten years.\n"
    )
    assert sentenced(text) == {("Belov", "death", None), ("Kuzin", "imprisonment", 10.0)}


def test_an_inference_is_the_inferred_persons_alone():
    text = (
        "Mother's brother, Pyotr Stepanovich Kovalenko, Uncle Petya, stayed on the land.\n"
        "\n"
        "In 1937 Uncle Petya and the chairman S. I. Gromov were shot.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["basis"], r["inference_rule"]) for r in found} == {
        ("Kovalenko", "inferred", "kin_reference"),
        ("Gromov", "explicit", None),
    }


def test_register_entries_with_a_body_a_date_and_a_colon_or_a_dash():
    text = (
        "3. ANTIPOVA Klavdiya Ivanovna, b. 1905, Vichuga, teacher.\n"
        "Arr. 03.11.1937. OSO NKVD USSR 26.01.1938: as a ChSIR, 8 years ITL. Released 1946.\n"
        "\n"
        "10. KAZAKOV Grigory Yefimovich, b. 1886, carpenter.\n"
        "Arr. 14.09.1937. Troika 29.09.1937 - 8 yrs. Released 1945.\n"
        "\n"
        "11. LEBEDEVA Antonina Pavlovna, b. 1914, typist.\n"
        "Arr. again 1949; OSO MGB 25 May 1949 - exile to a settlement in Krasnoyarsk krai.\n"
    )
    assert sentenced(text) == {
        ("Antipova", "imprisonment", 8.0),
        ("Kazakov", "imprisonment", 8.0),
        ("Lebedeva", "exile", None),
    }


def test_an_items_names_after_words_in_lowercase_and_a_comma():
    text = (
        "The Special Collegium of the Kursk Oblast Court sentenced:\n"
        "LOBANOV Anisim Kuzmich - to deprivation of liberty for a term of ten years;\n"
        "the remaining accused, DEMCHENKO Fyodor Lukich and BURLAK Ivan Trofimovich, - to five "
        "years each, to be served in a corrective labour camp.\n"
    )
    assert sentenced(text) == {
        ("Lobanov", "imprisonment", 10.0),
        ("Demchenko", "imprisonment", 5.0),
        ("Burlak", "imprisonment", 5.0),
    }


def test_a_pronouns_person_opens_its_clause_after_an_article_and_a_word():
    text = (
        "The acquitted Kozyrev did not stay free for long: he was arrested again in February "
        "1938, and on 11 March 1938 the troika of the UNKVD sentenced him to ten years ITL.\n"
    )
    assert sentenced(text) == {("Kozyrev", "imprisonment", 10.0)}


def test_second_review_phrases_after_a_name_terms_of_other_penalties_and_other_subjects():
    assert sentenced(
        "The Military Collegium sentenced Ivanov after Petrov's testimony to death.\n"
    ) == {("Ivanov", "death", None)}
    assert sentenced("Ivanov and Petrov were exiled to Kazakhstan, five years each.\n") == {
        ("Ivanov", "exile", 5.0),
        ("Petrov", "exile", 5.0),
    }
    assert (
        sentenced(
            "IVANOV Ivan Ivanovich, b. 1890. In the party since 1920 - 17 years. Arrested 1937.\n"
        )
        == set()
    )
    assert sentenced(
        "In 1939 the Supreme Court replaced the shooting of I. I. Ivanov with ten years of "
        "imprisonment.\n"
    ) == {("Ivanov", "imprisonment", 10.0)}
    assert (
        sentenced(
            "A. B. Smirnov was arrested in 1937 and his wife Anna was later sentenced to 5 years.\n"
        )
        == set()
    )
    # a surname inside another word is not that person named ("Lin" in "Berlin")
    text = (
        "In the dock were Lin, Orlov and Zubov. Orlov, back from Berlin, was shot; the other "
        "accused received ten years each.\n"
    )
    assert sentenced(text) == {
        ("Orlov", "death", None),
        ("Lin", "imprisonment", 10.0),
        ("Zubov", "imprisonment", 10.0),
    }


def test_a_long_run_of_names_before_a_verdicts_verb():
    names = ", ".join(f"Kal{chr(97 + i)}ov A. B." for i in range(24))
    text = f"{names} were sentenced to death.\n"
    assert {s for s, _, _ in sentenced(text)} == {f"Kal{chr(97 + i)}ov" for i in range(24)}


def test_a_plain_list_after_including_in_a_clause_with_its_penalty():
    text = (
        "3. The sentences of the troika of 15 December in respect of the persons assigned to "
        "the first category, including Savin, Ogurtsov and Kuzovkin, were carried out on 18 "
        "December 1937.\n"
    )
    assert sentenced(text) == {
        ("Savin", "death", None),
        ("Ogurtsov", "death", None),
        ("Kuzovkin", "death", None),
    }


def test_surnames_in_capitals_alone_as_newspapers_print_the_accused():
    text = (
        "THE TRAITORS HAVE BEEN SENTENCED\n\n"
        "The court found all the accused guilty and sentenced GRACHEV, LUZGIN and TOMILOVA "
        "to be shot, and VETROV to ten years' deprivation of liberty.\n\n"
        "By the verdict of the court of 4 May 1938, PETUKHOV was sentenced to ten years, "
        "SAVKIN to eight years, and DOROFEEVA was acquitted.\n\n"
        "Deputy Procurator of the RSFSR, KRYLOV\n"
    )
    assert sentenced(text) == {
        ("Grachev", "death", None),
        ("Luzgin", "death", None),
        ("Tomilova", "death", None),
        ("Vetrov", "imprisonment", 10.0),
        ("Petukhov", "imprisonment", 10.0),
        ("Savkin", "imprisonment", 8.0),
    }


def test_a_verdicts_later_objects_with_an_article_an_apposition_or_a_dash_before_to():
    text = (
        "On 19 March 1938 the troika sentenced: the accountant LAPSHINA Yevdokia Markovna, "
        "born 1902, under Art. 58-7 of the Criminal Code - to 10 years ITL; the smith "
        "KOLTUNOV Aleksei, a recidivist, under the second category - to eight years; the "
        "watchman Pyotr Zhurba, a former kulak, to five years.\n\n"
        "On 7 February the oblast court sentenced the chief of the port, B. L. Rozman, to the "
        "highest measure of punishment; the dispatcher Timashev - to ten years each; and his "
        "wife, L. S. Timasheva, charged with failure to denounce, to five years' exile.\n"
    )
    assert sentenced(text) == {
        ("Lapshina", "imprisonment", 10.0),
        ("Koltunov", "imprisonment", 8.0),
        ("Zhurba", "imprisonment", 5.0),
        ("Rozman", "death", None),
        ("Timashev", "imprisonment", 10.0),
        ("Timasheva", "exile", 5.0),
    }


def test_a_given_name_alone_before_and_bears_the_next_names_surname():
    text = (
        "The court sentenced the brothers Ivan and Pyotr Sokolin to ten years each.\n\n"
        "Anna and Vera Lozinskaya were sentenced to five years of exile.\n"
    )
    assert sorted((r["surname"], r["given"], r["term_years"]) for r in rows(text, "sentences")) == [
        ("Lozinskaya", "Anna", 5.0),
        ("Lozinskaya", "Vera", 5.0),
        ("Sokolin", "Ivan", 10.0),
        ("Sokolin", "Pyotr", 10.0),
    ]


def test_a_bare_number_after_a_term_of_years_is_the_next_persons_term():
    text = (
        "The verdict was met with applause. POLUEKTOV received ten years, ZAKHAROVA eight.\n\n"
        "The court gave Mikhalev ten years and Osintsev seven.\n\n"
        "Gorshkov had served five years, Lapin two.\n"
    )
    assert sentenced(text) == {
        ("Poluektov", "imprisonment", 10.0),
        ("Zakharova", "imprisonment", 8.0),
        ("Mikhalev", "imprisonment", 10.0),
        ("Osintsev", "imprisonment", 7.0),
    }


def test_a_body_ruled_that_they_be_shot_and_a_sentence_on_a_person():
    text = (
        "The tribunal ruled that Zimin and Kapustin be shot.\n\n"
        "The meeting demanded that Kapustin be shot.\n\n"
        "The sentence on Yeliseev: death by shooting.\n\n"
        "The court imposed on Rodionov a sentence of ten years.\n\n"
        "The court's sentence on Vorobyova was five years of exile.\n\n"
        "The sentence on Chumakov is unfounded, the procurator writes.\n"
    )
    assert sentenced(text) == {
        ("Zimin", "death", None),
        ("Kapustin", "death", None),
        ("Yeliseev", "death", None),
        ("Rodionov", "imprisonment", 10.0),
        ("Vorobyova", "exile", 5.0),
    }


def test_a_verdict_before_its_subject_and_an_elided_clause_after_a_role_and_a_comma():
    text = (
        "By the verdict of the court Sychev is to be shot.\n\n"
        "Of the nine accused, Antipov, Gusev and Bykov were sentenced to be shot; the "
        "remaining accused, Dyatlov and Lunin, to ten years each.\n\n"
        "RESOLVED: Trofimov, Ivan Petrovich, to be confined in a corrective labour camp for "
        "eight years.\n\n"
        "The Special Board sentenced Shumilov to five years; Kaverina, Anna Ilyinichna, to "
        "three years of exile.\n"
    )
    assert sentenced(text) == {
        ("Sychev", "death", None),
        ("Antipov", "death", None),
        ("Gusev", "death", None),
        ("Bykov", "death", None),
        ("Dyatlov", "imprisonment", 10.0),
        ("Lunin", "imprisonment", 10.0),
        ("Trofimov", "imprisonment", 8.0),
        ("Shumilov", "imprisonment", 5.0),
        ("Kaverina", "exile", 3.0),
    }


def test_a_telegram_in_capitals_pairs_each_run_of_surnames_with_the_penalty_next_to_it():
    text = (
        "PERM, 3.XII.1937. Oblast court. CASE WRECKERS LYSVA WORKS CONCLUDED STOP SENTENCED "
        "SHOOT KOCHURIN BEZDENEZHNYKH SIX YEARS ITL OVCHINNIKOVA STOP ENGINEER V. A. LOOS "
        "VMN STOP FOREMEN ZUBAREV KIRYANOVA FOUR YEARS ITL EACH STOP CHEMIST RAUDSEPP "
        "ACQUITTED STOP\n\n"
        "TOMSK, 9.XII.1937. SENTENCED VMN 8 YEARS ITL 3 YEARS EXILE PLOTNIKOV SHEVELEV "
        "MOISEENKO RESPECTIVELY STOP GAVRILYUK SELIVANOV NINE SEVEN YEARS ITL RESPECTIVELY "
        "STOP PROCURATOR DEMANDED VMN SELIVANOV STOP CONVOY LEFT FOR THE CAMP STOP\n\n"
        "OMSK, 2.I.1938. SUPREME COURT RULING STOP VMN V. A. LOOS COMMUTED TEN YEARS ITL STOP "
        "SENTENCE ZUBAREV REDUCED FROM FOUR TO TWO YEARS ITL STOP ACCUSED TIKHONRAVOV REMAIN "
        "IN CUSTODY STOP\n"
    )
    assert sentenced(text) == {
        ("Kochurin", "death", None),
        ("Bezdenezhnykh", "death", None),
        ("Ovchinnikova", "imprisonment", 6.0),
        ("Loos", "death", None),
        ("Zubarev", "imprisonment", 4.0),
        ("Kiryanova", "imprisonment", 4.0),
        ("Plotnikov", "death", None),
        ("Shevelev", "imprisonment", 8.0),
        ("Moiseenko", "exile", 3.0),
        ("Gavrilyuk", "imprisonment", 9.0),
        ("Selivanov", "imprisonment", 7.0),
        ("Loos", "imprisonment", 10.0),
        ("Zubarev", "imprisonment", 2.0),
    }


def test_items_under_a_heading_that_names_the_troika_each_with_its_category_after_a_dash():
    text = (
        "Of the persons whose cases the troika considered at its session of 9 December 1937, "
        "I report:\n"
        "– KRIVOSHEIN Arkady Lukich, born 1890, a former gendarme — first category;\n"
        "– Yudina E. S., born 1902, sister of a kulak deported in 1931 — second category, "
        "8 years ITL;\n"
        "– P. N. Sukhikh, born 1911, fled from places of confinement — second category, "
        "10 years ITL;\n"
        "– Borisov A. A., born 1899, a kolkhoznik — case returned for further investigation.\n"
    )
    assert sentenced(text) == {
        ("Krivoshein", "death", None),
        ("Yudina", "imprisonment", 8.0),
        ("Sukhikh", "imprisonment", 10.0),
    }


def test_given_names_before_a_surname_in_capitals_and_a_penalty_for_each_respectively():
    text = (
        "The members of the group, the former traders Savva Ilyich KOROBOV, born 1885, "
        "Pyotr Lukich ZYKOV, born 1890, and Daria Semyonovna KOROBOVA, born 1893, were "
        "sentenced by the troika on 2 November 1937 to shooting, to 10 years and to 5 years "
        "of corrective labour camp respectively.\n\n"
        "The former miller Afanasy Kuzmich ROZHNOV, born 1879, was convicted in 1930. Having "
        "returned to the village, he organised a group of former kulaks. He was sentenced by "
        "the troika to be shot.\n"
    )
    assert sentenced(text) == {
        ("Korobov", "death", None),
        ("Zykov", "imprisonment", 10.0),
        ("Korobova", "imprisonment", 5.0),
        ("Rozhnov", "death", None),
    }


def test_a_sentence_without_its_verb_after_a_verdict_and_news_in_brief_under_a_dateline():
    text = (
        "The court sentenced Sukhorukov to ten years. Polikarpov and Tyurin – to be shot. "
        "Kuvshinova and Belousov each to 5 years. Kulaks – to be shot.\n\n"
        "IN BRIEF\n"
        "— Boguchar. The raion court has sentenced the storekeeper Yeremin to 3 years.\n"
        "— Kalach. Kulak Gorbunov, who set fire to the barn, has been sentenced to be shot.\n"
    )
    assert sentenced(text) == {
        ("Sukhorukov", "imprisonment", 10.0),
        ("Polikarpov", "death", None),
        ("Tyurin", "death", None),
        ("Kuvshinova", "imprisonment", 5.0),
        ("Belousov", "imprisonment", 5.0),
        ("Yeremin", "imprisonment", 3.0),
        ("Gorbunov", "death", None),
    }


def test_a_participle_or_relative_clause_that_sentences_the_name_before_it():
    text = (
        "The Military Collegium has rejected the appeal of Samsonov, sentenced by the oblast "
        "court on 4 August to the supreme measure of punishment.\n\n"
        "The petition of Kudryavtseva, sentenced to eight years, was refused.\n\n"
        "I shared a bunk with Ruppert, a German communist, who had been given ten years by "
        "the OSO.\n\n"
        "Lyakhov, a former member of the Bund, who had been sentenced in 1909 to three years "
        "of exile, was arrested again.\n\n"
        "Trushin, who had served ten years, came home.\n"
    )
    assert sentenced(text) == {
        ("Samsonov", "death", None),
        ("Kudryavtseva", "imprisonment", 8.0),
        ("Ruppert", "imprisonment", 10.0),
        ("Lyakhov", "exile", 3.0),
    }


def test_a_verdict_the_writer_tells_of_themselves_is_the_writers_by_inference():
    text = (
        "From the memoirs of Yefim Lazarevich Gurvich, written in 1966\n\n"
        "I was arrested in April 1937. In August I was given five years by the Special "
        "Board. My brother Naum was sentenced to three years of exile in 1938.\n\n"
        "In 1942 they gave me another three years, without any trial.\n\n"
        "I was given a bowl of soup and a piece of bread.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"], r["inference_rule"]) for r in found} == {
        ("Gurvich", "imprisonment", 5.0, "writer"),
        ("Gurvich", "imprisonment", 3.0, "writer"),
        ("Naum", "exile", 3.0, None),
    }


def test_no_writer_no_row_and_two_writers_no_row():
    text = (
        "I was given five years by the Special Board.\n\n"
        "Letter of Boris Gurvich to his sister. In 1938 I was given eight years.\n\n"
        "Yours, Anna Lemberg\n"
    )
    assert sentenced(text) == set()


def test_groups_of_names_each_with_its_penalty_after_a_courts_colon_and_a_factions_role():
    text = (
        "The court has decreed: Prokudin, Sablin and Yegorova to be shot; Zverev and Lapina "
        "to be deprived of liberty for ten years each.\n\n"
        "The oblast court has sentenced the wreckers: Fadeev and Shilov to be shot, Gorina to "
        "eight years.\n\n"
        "The court sentenced the Trotskyists Vlasenko and Ushakov to death.\n\n"
        "Six years each were given to Kurochkin and Seleznyova.\n\n"
        "The meeting's demand: Fadeev and Shilov to be shot.\n"
    )
    assert sentenced(text) == {
        ("Prokudin", "death", None),
        ("Sablin", "death", None),
        ("Yegorova", "death", None),
        ("Zverev", "imprisonment", 10.0),
        ("Lapina", "imprisonment", 10.0),
        ("Fadeev", "death", None),
        ("Shilov", "death", None),
        ("Gorina", "imprisonment", 8.0),
        ("Vlasenko", "death", None),
        ("Ushakov", "death", None),
        ("Kurochkin", "imprisonment", 6.0),
        ("Seleznyova", "imprisonment", 6.0),
    }


def test_two_participles_in_one_sentence_each_sentence_the_name_before_it():
    text = (
        "The case of ZHELEZNOV Ilya Markovich, born 1899, sentenced on 2 December 1937 by the "
        "Special Board to 10 years of corrective labour camps, and of his wife ZHELEZNOVA Rosa "
        "Abramovna, sentenced on 7 March 1938 by the Special Board to 8 years, has been "
        "reviewed. Both are rehabilitated.\n\n"
        "Kirsanov, given his age, was released.\n"
    )
    assert sentenced(text) == {
        ("Zheleznov", "imprisonment", 10.0),
        ("Zheleznova", "imprisonment", 8.0),
    }


def test_a_courts_report_in_the_legal_formulas_of_its_verdicts():
    text = (
        "a) The case of the wreckers of the Alekseevka MTS. Kuleshov and Demin were "
        "subjected to VMN, Sorokina to 8 years of deprivation of liberty.\n\n"
        "b) The case of the Trotskyist group. Gavrikov V. A. to be subjected to the supreme "
        "measure of punishment – shooting; Lisitsyna E. K. to be deprived of liberty for 10 "
        "years with loss of rights for 5 years.\n\n"
        "c) The case of the arson of the barn. Both received the supreme measure.\n\n"
        "d) The workers demand: Gavrikov V. A. to be shot.\n"
    )
    assert sentenced(text) == {
        ("Kuleshov", "death", None),
        ("Demin", "death", None),
        ("Sorokina", "imprisonment", 8.0),
        ("Gavrikov", "death", None),
        ("Lisitsyna", "imprisonment", 10.0),
    }


def test_both_or_all_three_stand_for_as_many_names_in_the_sentence_before():
    text = (
        "d) The case of Yakunin and Semykin (arson of the kolkhoz barn). Both received the "
        "supreme measure.\n\n"
        "The court heard the case of Lobanov, Shirokov and Klimova. All three were sentenced "
        "to ten years.\n\n"
        "The case of Tarasov and Zybin. All three were sentenced to five years.\n"
    )
    assert sentenced(text) == {
        ("Yakunin", "death", None),
        ("Semykin", "death", None),
        ("Lobanov", "imprisonment", 10.0),
        ("Shirokov", "imprisonment", 10.0),
        ("Klimova", "imprisonment", 10.0),
    }


def test_a_digest_of_dispatches_each_opening_with_its_place():
    text = (
        "1. Kalinin oblast. The UNKVD reports that the troika has sentenced the kulak "
        "Gubarev P. S. to be shot.\n"
        "2. Orel. The director Chernykh was sentenced to death; the chief mechanic Zimovets "
        "and the foreman Tolmachev received eight years each.\n"
        "3. Gorky krai. Among those sentenced by the troika on 8 March were the former White "
        "officers Rogachev and Tarakanov (first category) and the trader Fishel (second "
        "category, 10 years).\n"
        "4. Smolensk. Sentenced by the Military Tribunal: Kuzovkin, commander of a battery, to "
        "death; Prokhorenko, political instructor, to 10 years.\n"
    )
    assert sentenced(text) == {
        ("Gubarev", "death", None),
        ("Chernykh", "death", None),
        ("Zimovets", "imprisonment", 8.0),
        ("Tolmachev", "imprisonment", 8.0),
        ("Rogachev", "death", None),
        ("Tarakanov", "death", None),
        ("Fishel", "imprisonment", 10.0),
        ("Kuzovkin", "death", None),
        ("Prokhorenko", "imprisonment", 10.0),
    }


def test_a_relative_clause_with_its_time_or_its_body_and_an_elided_term_after_a_role():
    text = (
        "In March the collegium sentenced the former head of the land department, Kholodilin, "
        "to ten years, and his accomplice, the seed inspector Rybakov, to six.\n\n"
        "A witness, the former chairman of the kolkhoz Tsaplin, who in 1933 was given five "
        "years by the oblast court, spoke first.\n\n"
        "He had drawn in the zootechnician ZAVYALOV, whom the oblast court sentenced in April "
        "to ten years' deprivation of liberty.\n"
    )
    assert sentenced(text) == {
        ("Kholodilin", "imprisonment", 10.0),
        ("Rybakov", "imprisonment", 6.0),
        ("Tsaplin", "imprisonment", 5.0),
        ("Zavyalov", "imprisonment", 10.0),
    }


def test_a_court_chronicle_the_former_and_the_latter_likewise_and_terms_in_months():
    text = (
        "The collegium, having examined the case of the teacher Vera Nikolaevna GORBATOVA, "
        "who praised the enemies of the people, and of her brother, the bookkeeper Pavel "
        "Nikolaevich GORBATOV, who kept her notebooks, sentenced the former to six years of "
        "deprivation of liberty, and the latter to exile for a term of three years.\n\n"
        "The collegium pronounced its sentence:\n"
        "RYZHOV M. A. – the supreme measure of punishment, shooting;\n"
        "SHTOLTS N. K. – likewise;\n"
        "DOLGOVA T. K. – 8 years of deprivation of liberty.\n\n"
        "Ten years in camps – such is the sentence passed on 29 December on the former manager "
        "of the grain collection point, Stepan Fomich LUKASHUK. Back in 1934 the people's court "
        "sentenced him to one year of corrective labour.\n\n"
        "The people's court gave Tsaregorodsky seven years in a labour colony; Frolikova got "
        "three. Kozhina was deprived of liberty for one year and six months.\n"
    )
    assert sentenced(text) == {
        ("Gorbatova", "imprisonment", 6.0),
        ("Gorbatov", "exile", 3.0),
        ("Ryzhov", "death", None),
        ("Shtolts", "death", None),
        ("Dolgova", "imprisonment", 8.0),
        ("Lukashuk", "imprisonment", 10.0),
        ("Lukashuk", "other", 1.0),
        ("Tsaregorodsky", "imprisonment", 7.0),
        ("Frolikova", "imprisonment", 3.0),
        ("Kozhina", "imprisonment", 1.5),
    }


def test_notes_on_persons_with_abbreviations_and_heads_with_the_surname_first():
    text = (
        "SAVELYEVA Olga Dmitrievna (1908–1990). Komsomol worker. Arr. in 1949 for "
        '"anti-Soviet talk" and sentenced by the oblast court on 12.10.1949 to 10 years ITL. '
        "Rehab. 1955.\n"
        "Kondratenko, Pavel Antonovich (1902–?). Kolkhoz chairman. In 1933 a visiting session "
        "of the oblast court sentenced him to VMN.\n"
        "Lapshina, Rakhil Borisovna (1899–1983). Physician. Arr. 2.12.1937; by decision of "
        "the OSO of 4.3.1938 confined in a corrective labour camp for 5 years.\n"
        "Getty, J. A. (1985). Origins of the Great Purges. He was sentenced to nothing.\n"
    )
    assert sentenced(text) == {
        ("Savelyeva", "imprisonment", 10.0),
        ("Kondratenko", "death", None),
        ("Lapshina", "imprisonment", 5.0),
    }


def test_years_added_to_a_persons_term_are_a_new_term():
    text = (
        "In 1942 they added another five years to Kruglikov's term.\n\n"
        "In 1943 they added a new wing to Kruglikov's barrack.\n"
    )
    assert sentenced(text) == {("Kruglikov", "imprisonment", 5.0)}


def test_a_certificates_case_of_a_person_arrested_and_sentenced_by_the_troika():
    text = (
        "The case of GOLOVANOV Ivan Ivanovich, born 1902, native of the village of Grebenki, "
        "arrested on 11 August 1937 and sentenced by the resolution of the NKVD troika of 2 "
        "October 1937 to the supreme measure of punishment – shooting, has been reviewed.\n\n"
        "The case of Rudnev, arrested on 3 May 1938 and released for lack of evidence, is "
        "closed.\n"
    )
    assert sentenced(text) == {("Golovanov", "death", None)}


def test_dictionary_entries_shot_by_sentence_and_a_head_with_initials_after_a_comma():
    text = (
        "BUDNIKOV Andrei Sergeyevich (1884–1938), party and state figure. Arrested "
        "17.10.1937; shot 1.8.1938 by sentence of the VKVS.\n\n"
        "Mezentsev, V. I. (1893–1938). Sentenced to VMN on 29.7.1938.\n\n"
        "Kosarev, A. V. (1903–1939). Shot by the Whites in 1919 but survived.\n"
    )
    assert sentenced(text) == {
        ("Budnikov", "death", None),
        ("Mezentsev", "death", None),
    }


def test_a_sentence_left_in_force_on_appeal_is_the_appellants():
    text = (
        "The cassation appeal of Darya Kuzminichna OSINTSEVA, the former head of the post "
        "office, has also been rejected. The sentence of the raion people's court – seven "
        "years of deprivation of liberty for embezzlement – remains in force.\n\n"
        "The appeal of the kolkhozniks was discussed. The sentence remains in force: ten "
        "years.\n"
    )
    assert sentenced(text) == {("Osintseva", "imprisonment", 7.0)}


def test_a_verdicts_object_before_a_clause_with_respectively():
    text = (
        "On 7 January the court sentenced KRIVONOS to the supreme measure of social "
        "protection – shooting, with confiscation of property; SAVOSKIN and ZHUKOVSKAYA were "
        "deprived of liberty for a term of eight and five years respectively.\n"
    )
    assert sentenced(text) == {
        ("Krivonos", "death", None),
        ("Savoskin", "imprisonment", 8.0),
        ("Zhukovskaya", "imprisonment", 5.0),
    }


def test_no_writers_row_for_news_others_words_or_a_near_miss():
    for text in (
        "From the memoirs of Yefim Lazarevich Gurvich\n\nI received word that my husband had "
        "been shot.\n",
        "From the memoirs of Yefim Lazarevich Gurvich\n\nI was given a copy of the verdict "
        "which sentenced my brother to ten years.\n",
        'From the memoirs of Yefim Lazarevich Gurvich\n\nShe told me, "I was given eight '
        'years by the Special Board."\n',
        "From the memoirs of Yefim Lazarevich Gurvich\n\nI was nearly sentenced to be shot.\n",
    ):
        assert sentenced(text) == set(), text


def test_no_row_for_a_demand_or_a_condition_without_a_verdicts_verb():
    for text in (
        "Shchukina was sentenced to 8 years. Savelyev and Pronin – to be shot, the crowd "
        "demanded.\n",
        "Shchukina was sentenced to 8 years. Savelyev and Pronin each to 5 years if they do "
        "not confess.\n",
        "If he complained, they added five years to Sorokin's term.\n",
        "ASK SANCTION SHOOT IVANOV PETROV STOP\n",
        "GIVE ORLOV FIVE YEARS STOP YEZHOV\n",
        "COURT SENTENCED KULAKS OF KOLKHOZ LENIN TEN YEARS ITL STOP\n",
        "WIFE OF KRYLOV SENTENCED EIGHT YEARS ITL STOP\n",
    ):
        assert {r for r in sentenced(text) if r[0] not in ("Shchukina",)} == set(), text


def test_bare_terms_places_list_items_and_likewise_reviewed():
    text = (
        "Ivanov received ten years, and his son, Petya, eight, was sent to an orphanage.\n\n"
        "Kolosov was exiled to Kazakhstan for five years, Pakhomov three.\n\n"
        "Lobov and Sizov were sentenced to ten years; by oblast, Kiev 12, Odessa 7.\n\n"
        "The troika sentenced the following:\n"
        "1. Petrakov. Kulak, born 1890. To be shot.\n"
        "2. Sidorkin. Priest. To be shot.\n\n"
        "The troika considered the cases of the following persons:\n"
        "– ZUBOVA Anna Ivanovna, born 1901 — first category;\n"
        "– LESKOV Pyotr Ilyich, born 1899 — likewise released.\n"
    )
    assert sentenced(text) == {
        ("Ivanov", "imprisonment", 10.0),
        ("Kolosov", "exile", 5.0),
        ("Pakhomov", "exile", 3.0),
        ("Lobov", "imprisonment", 10.0),
        ("Sizov", "imprisonment", 10.0),
        ("Petrakov", "death", None),
        ("Sidorkin", "death", None),
        ("Zubova", "death", None),
    }


def test_respectively_in_the_active_voice_the_former_and_latter_and_both_reviewed():
    text = (
        "The court sentenced Ivashov, Petrunkin and Sidelnikov to shooting, to 10 years and "
        "to 8 years of camp respectively.\n\n"
        "The court heard the case of Anna Petrovna Ivleva and of her brother Pyotr Ivanovich "
        "Orekhov, defended by the lawyer Ilya Davydovich Braude, and sentenced the former to "
        "six years and the latter to exile for three years.\n\n"
        "Stalin praised Vyshinsky and Ulrikh. Both received the Order of Lenin; the accused "
        "were shot.\n\n"
        "The proletarian court has sentenced the BANDITS to be shot.\n"
    )
    assert sentenced(text) == {
        ("Ivashov", "death", None),
        ("Petrunkin", "imprisonment", 10.0),
        ("Sidelnikov", "imprisonment", 8.0),
        ("Ivleva", "imprisonment", 6.0),
        ("Orekhov", "exile", 3.0),
    }


def test_a_name_list_that_runs_past_its_sentence_breaks_nothing():
    # "İ" lowercases to two characters: the sentence ends before the names' match does
    # (found by the hostile test's mutations of a seed text)
    text = "İLeon Trotsky\n\nTrotsky Cables Denial to\nAP on Daily WorkerLies\n"
    assert sentenced(text) == set()


# Statistics.


def test_a_pipe_table_reads_each_column_by_its_own_number_convention():
    text = (
        "Results of the verification of party documents, 1935\n"
        "\n"
        "| Oblast | Checked | Expelled | % expelled |\n"
        "|---|---|---|---|\n"
        "| Ryazan | 21 417 | 2,208 | 10,3 |\n"
    )
    assert figures(text) == {
        (21417.0, "count", "investigated"),
        (2208.0, "count", "expelled"),
        (10.3, "percent", "expelled"),
    }


def test_a_grid_table_in_thousands_multiplies_its_cells():
    text = (
        "Party membership of the krai organisation (in thousands)\n"
        "+------+---------+\n"
        "| Year | Members |\n"
        "+------+---------+\n"
        "| 1933 | 3.406   |\n"
        "+------+---------+\n"
    )
    found = rows(text, "expulsion_stats")
    assert [(r["value"], r["measure"], r["subject"], r["year_start"]) for r in found] == [
        (3406.0, "count", "members", 1933)
    ]


def test_a_tab_separated_table_under_an_expulsion_caption_counts_the_expelled():
    text = (
        "Expelled during the exchange of party cards, 1936\n"
        "District\tMembers\tCandidates\n"
        "Zarechny\t1,204\t312\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["subject"], r["population"]) for r in found} == {
        (1204.0, "expelled", "members"),
        (312.0, "expelled", "candidates"),
    }
    assert {r["geography"] for r in found} == {"Zarechny"}


@pytest.mark.parametrize(
    "caption, header, cells",
    [
        ("Sowing plan of the party cell's kolkhoz, 1935", "Crop\tHectares", "Wheat\t1,200"),
        ("District party budget, 1936", "Item\tRoubles", "Printing\t12,500"),
        ("Delegates to the oblast party conference", "Region\tDelegates", "Tver\t312"),
    ],
)
def test_a_table_about_something_else_gives_no_figure(caption: str, header: str, cells: str):
    assert figures(f"{caption}\n{header}\n{cells}\n") == set()


def test_prose_figures_in_every_common_form():
    text = (
        "In 1933 the purge commission checked 21 417 members; about 3.7 thousand were "
        "expelled, and between 400 and 500 candidates were expelled too.\n"
        "Party membership fell to 1.9 million by 1939.\n"
    )
    assert figures(text) == {
        (21417.0, "count", "investigated"),
        (3700.0, "count", "expelled"),
        (400.0, "count", "expelled"),
        (1900000.0, "count", "members"),
    }


def test_page_article_order_numbers_money_and_delegates_are_not_figures():
    text = (
        "Kuznetsov (p. 2,310; pp. 8-9) shows that under Article 58-10 and Order No. 00447 "
        "the purge of the party cost the district 12,500 roubles, and that 312 delegates "
        "attended the conference on the expulsions.\n"
    )
    assert figures(text) == set()


def test_a_troika_protocol_in_heard_and_resolved_form():
    text = (
        "HEARD: 1. The case of Nosov, Pavel Ilyich, born 1890, accused under Article 58-10.\n"
        "RESOLVED: Nosov, Pavel Ilyich, to be shot. His personal property to be confiscated.\n"
        "HEARD: 2. The case of Orlova, Vera Sergeevna, born 1901.\n"
        "RESOLVED: Orlova, Vera Sergeevna, to be confined in a corrective labour camp for a "
        "term of ten (10) years.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"], r["line"]) for r in found} == {
        ("Nosov", "death", None, 2),
        ("Orlova", "imprisonment", 10.0, 4),
    }
    assert next(r for r in found if r["surname"] == "Nosov")["confiscation"] is True


def test_a_resolution_whose_decisions_stand_a_line_each_under_its_word():
    text = (
        "Protocol No. 41 of the session of the troika of the UNKVD dated 9 October 1937\n\n"
        "RESOLVED:\n"
        "LOBOV Semen Arkhipovich - to be shot. Property to be confiscated.\n"
        "GRACHEV Aleksei Stepanovich and PUSTOVALOV Nikifor Ilyich - to be confined in a "
        "corrective labour camp for a term of ten (10) years each,\n"
        "the term to be counted from 11 August 1937.\n"
        "Tarabrin Ya. S., as a socially dangerous element, - to exile to the Kazakh\n"
        "SSR for a term of 5 (five) years.\n"
    )
    assert sentenced(text) == {
        ("Lobov", "death", None),
        ("Grachev", "imprisonment", 10.0),
        ("Pustovalov", "imprisonment", 10.0),
        ("Tarabrin", "exile", 5.0),
    }


def test_a_subject_after_a_colon_or_a_that_opens_a_clause_of_its_own():
    text = (
        "[2] The file gives a different term: by the decision of the troika of 4 April 1931 "
        "Kostylev was exiled to the Northern krai for 5 years.\n\n"
        "It is clear that Sukhov was sentenced to eight years in a camp.\n\n"
        "Note: Ryabinin was shot.\n\n"
        "The prosecutor demanded that Orekhov be shot.\n"
    )
    assert sentenced(text) == {
        ("Kostylev", "exile", 5.0),
        ("Sukhov", "imprisonment", 8.0),
        ("Ryabinin", "death", None),
    }


def test_a_term_reduced_names_whose_term_it_was():
    text = (
        "[9] By a decision of the Special Board of the NKVD of the USSR of 21 June 1940\n"
        "the term of Zherebtsov was reduced to 5 years; he was released in July 1942.\n\n"
        "Kalinin's sentence was commuted to ten years.\n"
    )
    assert sentenced(text) == {
        ("Zherebtsov", "imprisonment", 5.0),
        ("Kalinin", "imprisonment", 10.0),
    }


def test_a_protocols_numbered_heard_and_resolved_with_a_decision_a_line_for_each_accused():
    text = (
        "PROTOCOL No. 87\n"
        "of the session of the troika of the NKVD of the Chuvash ASSR\n"
        "20 November 1937\n\n"
        "2. HEARD: The case No. 1430 against Vasilyeva, Marfa Ilyinichna, b. 1902, and Vasilyev, "
        "Ivan Petrovich,\nb. 1899, both of the village of Kugesi, accused of sabotage.\n"
        "   RESOLVED: Vasilyeva, Marfa Ilyinichna - to imprison in a corrective labour camp for "
        "a term of 8 (eight) years.\n"
        "   Vasilyev, Ivan Petrovich - to imprison in a corrective labour camp for a term of 10 "
        "(ten) years.\n\n"
        "3. HEARD: The case No. 1431 against Gerasimov, Nikolai Fyodorovich, b. 1911.\n"
        "   RESOLVED: The case to be returned to the NKVD for further investigation.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Vasilyeva", "imprisonment", 8.0),
        ("Vasilyev", "imprisonment", 10.0),
    }
    assert {r["date"] for r in found} == {"1937-11-20"}


def test_a_verdict_whose_operative_part_names_its_body_takes_the_preambles_date():
    text = (
        "On 3 March 1938 the Military Collegium of the Supreme Court of the USSR, in closed "
        "session, heard the case of DOLGOV Semyon Markovich and ALIEVA Fatima Gasanovna.\n\n"
        "The Military Collegium of the Supreme Court of the USSR SENTENCED:\n\n"
        "DOLGOV Semyon Markovich to the supreme measure of criminal punishment - shooting;\n"
        "ALIEVA Fatima Gasanovna to deprivation of liberty for a term of ten years.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"], r["date"]) for r in found} == {
        ("Dolgov", "death", None, "1938-03-03"),
        ("Alieva", "imprisonment", 10.0, "1938-03-03"),
    }


def test_a_second_clause_with_its_own_article_shares_the_verdicts_verb():
    text = (
        "On 12 October the people's court sentenced the chairman of the kolkhoz Karpov D. I. "
        "under Art. 109 of the Criminal Code to 2 years of deprivation of liberty; the kolkhoz "
        "bookkeeper Yakovleva M. S. under Art. 111 to 1 year of corrective labour works. The "
        "storekeeper Zuev was acquitted.\n"
    )
    assert sentenced(text) == {("Karpov", "imprisonment", 2.0), ("Yakovleva", "other", 1.0)}


def test_an_nkvd_reports_cases_objects_with_roles_ages_and_a_joined_count():
    text = (
        "1. By decision of the troika of 11 March 1938 the organizer, the former kulak "
        "ZAVYALOV Trofim Ilyich, born 1884, and 14 active participants were sentenced to VMN; "
        "8 rank-and-file participants received 10 years ITL each.\n\n"
        "2. On 17 March 1938 the troika sentenced PROSVIRIN, his deputy LIPATOV S. K. and the "
        "senior mechanic EGGERT R. F. under the first category; the remaining six participants "
        "were given 8 years ITL.\n\n"
        "3. On 19 March the troika sentenced TIKHOVIDOV Nikolai Vasilyevich, 67 years old, and "
        "the former churchwarden SHCHEGLOV P. A. to the highest measure of punishment.\n\n"
        "– Olena Harasymenko, a teacher from Zmiiv, who had been given ten years by the OSO.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Zavyalov", "death", None),
        ("Prosvirin", "death", None),
        ("Lipatov", "death", None),
        ("Eggert", "death", None),
        ("Tikhovidov", "death", None),
        ("Shcheglov", "death", None),
        ("Harasymenko", "imprisonment", 10.0),
    }


def test_colon_lists_of_names_in_register_form_after_a_long_head_with_an_apposition():
    text = (
        "23.3.38. Zarechensky RO NKVD. By the troika decision of 19 March the following were "
        "also sentenced to the highest measure of punishment: ROSTOVTSEV Pavel Ilyich,\n"
        "VOLOKH Semyon Fyodorovich and DEREVYANKO Ivan Petrovich. Sentenced under the second\n"
        "category, to 10 years each: ROSTOVTSEVA Maria Fominichna, wife of the first-named, and "
        "the\nformer trader BAKHMETYEV L. S. The sentence on the first three was carried out.\n"
    )
    assert sentenced(text) == {
        ("Rostovtsev", "death", None),
        ("Volokh", "death", None),
        ("Derevyanko", "death", None),
        ("Rostovtseva", "imprisonment", 10.0),
        ("Bakhmetyev", "imprisonment", 10.0),
    }


def test_a_telegrams_first_category_before_stop_and_a_surname_in_nik():
    text = (
        "14.3.38. SOSNOVKA. TROIKA PROTOCOL 63 OF 12 MARCH RECEIVED STOP ZHMYKHOV NOVOSELTSEV "
        "BARANNIK FIRST CATEGORY STOP KOLKHOZNIK PETROV SECOND CATEGORY EIGHT YEARS STOP\n\n"
        "He was a first category fitter.\n"
    )
    assert sentenced(text) == {
        ("Zhmykhov", "death", None),
        ("Novoseltsev", "death", None),
        ("Barannik", "death", None),
        ("Petrov", "imprisonment", 8.0),
    }


def test_a_named_leader_and_others_take_their_penalty_and_the_rest_theirs():
    text = (
        "13.3.38. Received the troika decision of 9 March on the group of former kulaks "
        "VOROTNIKOV A. B. and 6 others: VOROTNIKOV A. B. and 3 others - VMN, the rest 10 years "
        "ITL each.\n"
    )
    assert sentenced(text) == {("Vorotnikov", "death", None)}


def test_i_with_my_surname_and_a_subject_after_this_time():
    text = (
        "So I, Krasnikov, was given ten years.\n\n"
        'He too was a repeater; this time Kuzmin had been given exile to settlement "in '
        'perpetuity".\n'
    )
    assert sentenced(text) == {("Krasnikov", "imprisonment", 10.0), ("Kuzmin", "exile", None)}


def test_a_month_before_the_subject_and_a_body_after_of_liberty():
    text = (
        "Among the expelled is the former storekeeper, who had embezzled goods worth 4,300 "
        "roubles; in October Shilov was sentenced to three years' deprivation of liberty by the "
        "people's court under Art. 116 of the Criminal Code.\n\n"
        "On 3 October Gorshkov was sentenced to five years.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Shilov", "imprisonment", 3.0),
        ("Gorshkov", "imprisonment", 5.0),
    }
    assert {r.get("sentencing_body") for r in found} == {"people's court", None}


def test_a_pronoun_inside_a_relative_clause_stands_for_its_antecedent():
    text = (
        "Comrade Bespalov dwelt in particular on individual organisations. Among the expelled "
        "was the former head of the repair workshop Tsvetkov, who had concealed that in 1929 he "
        "was sentenced by the people's court to two years' deprivation of liberty.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Tsvetkov", "imprisonment", 2.0)
    }


def test_the_supreme_measure_of_social_protection_and_its_abbreviation():
    text = (
        "RESOLVED: Levin Mark Isaakovich to be subjected to the supreme measure of social "
        "protection - shooting.\n\n"
        "Mironov was sentenced to VMSZ.\n"
    )
    assert sentenced(text) == {("Levin", "death", None), ("Mironov", "death", None)}


def test_a_term_with_subsequent_exile_gives_both_penalties():
    text = (
        "Kulikov received five years of corrective labour camps with subsequent exile for three "
        "years.\n"
    )
    assert sentenced(text) == {("Kulikov", "imprisonment", 5.0), ("Kulikov", "exile", 3.0)}


def test_penalties_of_three_kinds_respectively_set_apart_by_semicolons():
    text = (
        "The Special Collegium SENTENCED: Zhivagin Yegor Matveyevich, Poluektov Kuzma "
        "Ignatyevich and Samsonova Praskovya Ilyinichna, under art. 58-7 of the UK: to the "
        "supreme measure of criminal punishment - shooting; to deprivation of liberty in "
        "corrective labour camps for 10 (ten) years with loss of rights for 5 (five) years; and "
        "to exile to Kazakhstan for 5 (five) years, respectively.\n\n"
        "The court sentenced Dronov Pavel Kuzmich and Shilkin Ivan Petrovich to the supreme "
        "measure of punishment - shooting; Zaitseva Anna Mikhailovna and Kopytova Evdokiya "
        "Ivanovna to eight and five years respectively.\n"
    )
    assert sentenced(text) == {
        ("Zhivagin", "death", None),
        ("Poluektov", "imprisonment", 10.0),
        ("Samsonova", "exile", 5.0),
        ("Dronov", "death", None),
        ("Shilkin", "death", None),
        ("Zaitseva", "imprisonment", 8.0),
        ("Kopytova", "imprisonment", 5.0),
    }


def test_a_quoted_verdicts_items_whose_last_stands_on_a_line_of_its_own():
    text = (
        '"... the Special Collegium of the Krai Court SENTENCED: GORBUNOV Aleksandr Fyodorovich '
        "under art. 58-7 of the UK - to the supreme measure of punishment, shooting, with "
        "confiscation of all property belonging to him personally; YAKUSHEV Pyotr Danilovich "
        "under art. 58-7 of the UK - to deprivation of liberty for 10 (ten) years with loss of "
        "rights for 5 (five) years;\n"
        "ZAITSEVA Maria Kuzminichna under art. 58-12 of the UK - to deprivation of liberty for 3 "
        '(three) years. The verdict is final."\n'
    )
    assert sentenced(text) == {
        ("Gorbunov", "death", None),
        ("Yakushev", "imprisonment", 10.0),
        ("Zaitseva", "imprisonment", 3.0),
    }


def test_a_procuracy_digests_clipped_entries():
    text = (
        "1. Lyubshino r-n. GORBUNKOV A. F., b. 1888, ed., ex-kulak. Now art. 58-10 - GORBUNKOV "
        "8 yrs ITL, p/p 3 yrs (sp. coll., 3.VIII.37). Cass. appeal rejected.\n\n"
        "2. Same r-n. TYURIN V. S., b. 1902, kolkh., art. 58-7, 58-10 - VMN, conf. (sp. coll., "
        "5.VIII.37).\n\n"
        "3. MARKOV S. A., b. 1897, & KUZIN I. P., b. 1910, art. 58-9. MARKOV & KUZIN - VMN & 10 "
        "yrs ITL resp. (sp. coll., 7.VIII.37). Proc. had demanded VMN for both.\n\n"
        "4. DEDYULINA K. M., b. 1894, art. 58-10 - ret. (sp. coll., 7.VIII.37).\n\n"
        "5. KOZLOVA A. D., b. 1910, storekeeper - art. 111 - 1 yr i/r at place of work.\n\n"
        "6. ZOTOVA P. F., b. 1919, kolkh., art. 74 - 6 mos. l/s.\n\n"
        "7. MIRONOVA-BLYUM L. E., b. 1911, & LAPTEV I. S., b. 1907 - art. 58-10.\n"
        "   Sp. coll. 4.VI.37: MIRONOVA-BLYUM - 3 yrs ITL, LAPTEV - 5 yrs ITL.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Gorbunkov", "imprisonment", 8.0),
        ("Tyurin", "death", None),
        ("Markov", "death", None),
        ("Kuzin", "imprisonment", 10.0),
        ("Kozlova", "other", 1.0),
        ("Zotova", "imprisonment", 0.5),
        ("Mironova-Blyum", "imprisonment", 3.0),
        ("Laptev", "imprisonment", 5.0),
    }
    assert {r["date"] for r in found if r["surname"] == "Tyurin"} == {"1937-08-05"}


def test_an_nkvd_svodkas_lists_under_shot_and_a_colon_list_before_the_next_heading():
    text = (
        "By troika decision of 2.XI.37 (protocol No. 31) shot:\n"
        "   MOKROUSOV Pavel Ilyich, b. 1886, former kulak, returned from exile;\n"
        "   BELYAKIN Terenty Savvich, b. 1890, former White officer.\n"
        "By the same decision to 10 yrs ITL: ZAVYALOV I. P., USHAKOV R. F.\n"
        "By troika decision of 5.XI.37 (protocol No. 32):\n"
        "   KUZOVKIN F. D. - VMN;\n"
        "   PESTOV G. I. - 8 yrs ITL;\n"
        "   PESTOVA N. G., wife of the above - 8 yrs ITL.\n"
    )
    found = rows(text, "sentences")
    assert sorted((r["surname"], r["penalty"], r["term_years"]) for r in found) == sorted(
        [
            ("Mokrousov", "death", None),
            ("Belyakin", "death", None),
            ("Zavyalov", "imprisonment", 10.0),
            ("Ushakov", "imprisonment", 10.0),
            ("Kuzovkin", "death", None),
            ("Pestov", "imprisonment", 8.0),
            ("Pestova", "imprisonment", 8.0),
        ]
    )


def test_a_digests_entries_with_names_as_registers_write_them():
    text = (
        "1. Belyi r-n. Sidorov P. K., b. 1899, kolkh., art. 58-10 - 5 yrs ITL (obl. court, "
        "12.X.37).\n"
        "2. Do. Markov S. A. & Kuzin I. P. - VMN & 10 yrs ITL resp. (sp. coll., 17.X.37).\n"
        "3. Rzhev. Orlov N. I., teacher, art. 58-10 - acq. (sp. coll., 18.X.37).\n"
        "The Director of the MTS Semenov - ordered to repair 12 tractors by 1 November.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"], r["date"]) for r in found} == {
        ("Sidorov", "imprisonment", 5.0, "1937-10-12"),
        ("Markov", "death", None, "1937-10-17"),
        ("Kuzin", "imprisonment", 10.0, "1937-10-17"),
    }


def test_a_digests_near_misses_and_units_with_a_stop():
    text = (
        "1. KOZLOV S. M. - Proc. demanded VMN; court - 8 yrs ITL.\n"
        "2. VOLKOV A. A. - served 5 yrs ITL, released.\n"
        "3. MAKAROV P. P. - freed after 5 yrs ITL.\n"
        "4. ZUBOV A. A. - ITR 5 years at the plant.\n"
        "5. RUDENKO I. I. - 10 l. ITL (troika, 1.IX.37). ZHUKOV I. I. - 10 yrs. ITL.\n"
        "6. NIKITIN A. A., VORONIN B. B., and SOKOLOV C. C. - 10 yrs ITL each.\n"
        "7. IVANOV I. I. - 10 yrs ITL\tPETROV P. P. - VMN\n"
    )
    assert sentenced(text) == {
        ("Rudenko", "imprisonment", 10.0),
        ("Zhukov", "imprisonment", 10.0),
        ("Nikitin", "imprisonment", 10.0),
        ("Voronin", "imprisonment", 10.0),
        ("Sokolov", "imprisonment", 10.0),
        ("Ivanov", "imprisonment", 10.0),
        ("Petrov", "death", None),
    }


def test_a_digests_verdict_ends_at_the_next_name_and_a_bare_term_after_a_court():
    # A term after "court -" is a verdict where after another word it may be a span of
    # time; a verdict ends before the next name even after a unit's stop; brothers of one
    # surname are two persons.
    text = (
        "4. Lipki r-n. SOMOV P. E., b. 1891; KRUTOV F. T., b. 1900 - art. 58-10. For SOMOV\n"
        "   court - 8 yrs. KRUTOV - 6 yrs ITL (obl. court, 12.VIII.37).\n"
        "5. Same r-n. DEMIN A. A., chairman since 1920 - 17 years in the post.\n"
        "6. Orekhovo r-n. GUSEV S. N. & GUSEV K. N., kolkh., art. 107. Nar. court 22.V.37:\n"
        "   GUSEV S. N. & GUSEV K. N. - 5 yrs l/s each.\n"
    )
    found = sorted((r["surname"], r["initials"], r["term_years"]) for r in rows(text, "sentences"))
    assert found == [
        ("Gusev", "K. N.", 5.0),
        ("Gusev", "S. N.", 5.0),
        ("Krutov", "", 6.0),
        ("Somov", "", 8.0),
    ]


def test_a_tab_register_joins_words_only_and_reads_no_acquittal_or_demand():
    text = (
        "No.\tSurname\tArticle\tSentence\n"
        "1\tPetrov P. P.\t58-7\tacquitted\n"
        "\t\t\tafter 3 years in prison\n"
        "2\tSidorov S. S.\t58-8\tprosecutor demanded VMN;\n"
        "\t\t\tcourt: 8 years ITL\n"
    )
    assert sentenced(text) == {("Sidorov", "imprisonment", 8.0)}


def test_a_capitals_verdict_after_itl_and_a_given_name_in_another_transliteration():
    text = "TROIKA UNKVD SENTENCED IVANOV PETR SERGEEVICH TEN YEARS ITL. PETROV, SIDOROV TO VMN.\n"
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Ivanov", "imprisonment", 10.0),
        ("Petrov", "death", None),
        ("Sidorov", "death", None),
    }


def test_terms_in_months_titles_and_a_clause_of_its_own():
    text = (
        "The people's court sentenced Dyakov to 18 months of corrective labour.\n"
        "Mrs. Olga Fedorova was given three years' imprisonment.\n"
        "All but two of the nine accused were sentenced to death; Markin and Zuev received "
        "ten years each.\n"
    )
    assert sentenced(text) == {
        ("Dyakov", "other", 1.5),
        ("Fedorova", "imprisonment", 3.0),
        ("Markin", "imprisonment", 10.0),
        ("Zuev", "imprisonment", 10.0),
    }


def test_a_heading_in_capitals_without_a_colon_heads_its_list():
    text = (
        "SENTENCED TO EIGHT YEARS ITL EACH\n"
        "1. Rybakova, Nina Ivanovna, wife of the above;\n"
        "2. Osipova, Klavdia Petrovna, sister of the above.\n"
    )
    assert sentenced(text) == {
        ("Rybakova", "imprisonment", 8.0),
        ("Osipova", "imprisonment", 8.0),
    }


def test_nine_of_the_eleven_listed_accused_get_the_penalty_the_two_named_do_not():
    names = [
        "Abakumov",
        "Belkin",
        "Vorontsov",
        "Gusakov",
        "Danilin",
        "Yermakov",
        "Zhukova",
        "Ilyina",
        "Karpov",
        "Lapshin",
        "Maslov",
    ]
    items = "".join(f"{chr(97 + i)}) {n}, Ivan Petrovich, 1900;\n" for i, n in enumerate(names))
    text = (
        "Accused, eleven persons:\n"
        + items
        + "Nine of the eleven accused were sentenced to the supreme measure of punishment.\n"
        "The accused Karpov I. P. and Maslov I. P. were sentenced to ten years ITL each.\n"
    )
    found = rows(text, "sentences")
    death = {r["surname"] for r in found if r["penalty"] == "death"}
    assert death == set(names) - {"Karpov", "Maslov"}
    assert all(r["basis"] == "inferred" for r in found if r["penalty"] == "death")
    assert {(r["surname"], r["term_years"]) for r in found if r["penalty"] == "imprisonment"} == {
        ("Karpov", 10.0),
        ("Maslov", 10.0),
    }


def test_numbered_items_inside_one_sentence_and_the_person_a_verdict_is_in_respect_of():
    text = (
        "The court sentenced: (1) Lavrov, Pyotr Ilyich, to be shot; (2) Sergeeva, Olga "
        "Ivanovna, to ten years ITL; (3) Frolov Ivan Petrovich to five years of exile.\n"
        "By the verdict of the Military Collegium of 3 November 1937 in respect of Koshkin, "
        "Andrei Fedorovich, he was sentenced to the supreme measure of punishment.\n"
    )
    assert sentenced(text) == {
        ("Lavrov", "death", None),
        ("Sergeeva", "imprisonment", 10.0),
        ("Frolov", "exile", 5.0),
        ("Koshkin", "death", None),
    }


def test_all_but_two_of_the_accused_named_in_prose():
    text = (
        "In the dock were the district officials Gromyko, Pankratov, Sviridov, Tolstykh "
        "and Ulanov.\n"
        "All but two of the accused were sentenced to be shot. Tolstykh and Ulanov "
        "received ten years each.\n"
    )
    assert sentenced(text) == {
        ("Gromyko", "death", None),
        ("Pankratov", "death", None),
        ("Sviridov", "death", None),
        ("Tolstykh", "imprisonment", 10.0),
        ("Ulanov", "imprisonment", 10.0),
    }


def test_a_newspaper_trial_report_with_roles_elisions_and_an_absentee():
    text = (
        "The prosecutor, Comrade Rudakov, demanded the supreme measure of punishment.\n"
        "Former head of the department I. P. Kornilov and his deputy S. T. Babkin were "
        "sentenced to be shot.\n"
        "The agronomist Lyubov Zakharova was sentenced to eight years of deprivation of "
        "liberty; the bookkeeper Anisimov and the storekeeper Danilchenko to five years each.\n"
        "Veterinary surgeon Glebov was acquitted.\n"
        "The accused Yermilov, who is in hiding, was sentenced in absentia to ten years.\n"
        "The decision of the troika of 9 October 1937, by which Pavlenko S. I. was sentenced "
        "to be shot, is quashed.\n"
    )
    assert sentenced(text) == {
        ("Kornilov", "death", None),
        ("Babkin", "death", None),
        ("Zakharova", "imprisonment", 8.0),
        ("Anisimov", "imprisonment", 5.0),
        ("Danilchenko", "imprisonment", 5.0),
        ("Yermilov", "imprisonment", 10.0),
        ("Pavlenko", "death", None),
    }


def test_a_table_with_years_as_columns_and_what_is_counted_as_rows():
    text = (
        "Table 2. Party membership by year\n"
        "\n"
        "| No. | Indicator              | 1934   | 1935   |\n"
        "|-----|------------------------|--------|--------|\n"
        "| 1   | Members                | 12 004 | 10 877 |\n"
        "| 2   | Expelled in the year   | 1 201  | 1 590  |\n"
        "| 3   | Expelled, % of members | 10,0   | 14,6   |\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["measure"], r["subject"], r["year_start"]) for r in found} == {
        (12004.0, "count", "members", 1934),
        (10877.0, "count", "members", 1935),
        (1201.0, "count", "expelled", 1934),
        (1590.0, "count", "expelled", 1935),
        (10.0, "percent", "expelled", 1934),
        (14.6, "percent", "expelled", 1935),
    }


def test_a_register_table_of_names_and_sentences():
    text = (
        "List of persons sentenced by the troika, protocol No. 12 of 20 September 1937\n"
        "\n"
        "| No. | Surname, name, patronymic | Born | Sentence |\n"
        "|-----|---------------------------|------|----------|\n"
        "| 1 | Kuzmina Olga Petrovna | 1899 | 8 years ITL |\n"
        "| 2 | Zorin Pyotr Ilyich | 1887 | VMN |\n"
        "| 3 | Shevchuk Anton Mykolayovych | 1901 | 5 years exile |\n"
    )
    assert sentenced(text) == {
        ("Kuzmina", "imprisonment", 8.0),
        ("Zorin", "death", None),
        ("Shevchuk", "exile", 5.0),
    }


def test_a_memoir_names_no_kinship_word_as_a_person():
    text = (
        "Father was arrested in August 1937; he had been given ten years.\n"
        "On 3.XI.1937 the military collegium sentenced Antonov V. P. to VMN.\n"
        "The investigator threatened that we would all be shot.\n"
    )
    assert sentenced(text) == {("Antonov", "death", None)}


def test_markdown_bold_totals_per_cent_signs_and_appeal_columns():
    text = (
        "Results of the purge in the Ural oblast, 1933\n"
        "\n"
        "| Okrug | Members checked | Members expelled | Expelled, % |\n"
        "|:------|----------------:|-----------------:|------------:|\n"
        "| Perm | 8 412 | 1 009* | 12.5% |\n"
        "| **Total** | **14 532** | **1 799** | **13,1%** |\n"
        "\n"
        "Appeals against expulsion, 1934\n"
        "\n"
        "Region         Appeals lodged    Upheld    Per cent upheld\n"
        "Perm             1,204              410         34.1\n"
    )
    assert figures(text) == {
        (8412.0, "count", "investigated"),
        (1009.0, "count", "expelled"),
        (12.5, "percent", "expelled"),
        (14532.0, "count", "investigated"),
        (1799.0, "count", "expelled"),
        (13.1, "percent", "expelled"),
        (1204.0, "count", "other"),
        (410.0, "count", "other"),
        (34.1, "percent", "other"),
    }


def test_prose_of_a_regional_report():
    text = (
        "Of the 4,512 communists who passed the verification, 387 (8.6 per cent) were "
        "expelled and 112 had their cards withheld.\n"
        "The number of party members in the oblast fell from 45,300 on 1 January 1933 to "
        "38,100 on 1 January 1935.\n"
        "Expelled: 1,204 members and 312 candidates.\n"
        "In total, 2.3 thousand persons were expelled from the party, of whom 0.4 thousand "
        "were candidates.\n"
        "The conference elected 45 members of the obkom and 12 candidates to it.\n"
    )
    assert figures(text) == {
        (4512.0, "count", "investigated"),
        (387.0, "count", "expelled"),
        (8.6, "percent", "expelled"),
        (112.0, "count", "other"),
        (45300.0, "count", "members"),
        (38100.0, "count", "members"),
        (1204.0, "count", "expelled"),
        (312.0, "count", "expelled"),
        (2300.0, "count", "expelled"),
        (400.0, "count", "expelled"),
    }


def test_verdicts_with_capitalised_surnames_and_a_term_for_each():
    text = (
        "The Military Collegium of the Supreme Court of the USSR SENTENCED: KOTOV A. I., "
        "SERGEEV P. N. and BELYAEV I. V. to the supreme measure of criminal punishment – "
        "shooting, with confiscation of all property belonging to them personally.\n"
        "The regional court sentenced MAKAROV Ivan Fedorovich to ten years' imprisonment and "
        "KLIMOVA Anna Petrovna to seven years' imprisonment.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Kotov", "death", None),
        ("Sergeev", "death", None),
        ("Belyaev", "death", None),
        ("Makarov", "imprisonment", 10.0),
        ("Klimova", "imprisonment", 7.0),
    }
    bodies = {r["sentencing_body"] for r in found if r["penalty"] == "death"}
    assert bodies == {"Military Collegium of the Supreme Court of the USSR"}


def test_thin_space_thousands_and_a_per_cent_caption_over_year_columns():
    text = (
        "Party organisations of the krai, 1936\n"
        "\n"
        "| Organisation | Members | Expelled |\n"
        "|---|---|---|\n"
        "| Krasnoyarsk city | 12\u2009404 | 1\u202f022 |\n"
        "\n"
        "Table 4. Composition of the expelled (per cent)\n"
        "\n"
        "Social origin    1933    1935\n"
        "Workers          41.2    38.0\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["measure"], r["year_start"]) for r in found} == {
        (12404.0, "count", 1936),
        (1022.0, "count", 1936),
        (41.2, "percent", 1933),
        (38.0, "percent", 1935),
    }


def test_deportation_fines_and_suspended_sentences():
    text = (
        "Lebedeva was sentenced to deportation to Kazakhstan.\n"
        "Orlova was fined 500 roubles.\n"
        "Sinitsyn received a suspended sentence of two years.\n"
    )
    assert sentenced(text) == {
        ("Lebedeva", "exile", None),
        ("Orlova", "other", None),
        ("Sinitsyn", "other", 2.0),
    }


def test_troika_resolutions_in_the_imperative():
    text = (
        "LISTENED: 14. Case of IVANOV Ivan Ivanovich, born 1888, kolkhoz member.\n"
        "DECREED: IVANOV Ivan Ivanovich – SHOOT. Personal property to be confiscated.\n"
        "LISTENED: 15. Case of SEMENOVA Darya Petrovna, born 1901.\n"
        "DECREED: SEMENOVA Darya Petrovna – CONFINE in a corrective labour camp for a term "
        "of 10 years.\n"
        "The investigator said he would shoot the witness.\n"
    )
    assert sentenced(text) == {("Ivanov", "death", None), ("Semenova", "imprisonment", 10.0)}


# Rules added with the third round of evaluation texts.


def test_a_sentence_hard_wrapped_over_three_lines_is_read_whole():
    text = (
        "4. The former secretary of the raion committee P. S. Lomakin, expelled in\n"
        "November 1935 for concealing his past, was arrested and on 14 May 1936\n"
        "sentenced by the Special Board of the NKVD of the USSR to five years in a\n"
        "corrective labour camp. His case is closed, and the raion committee has\n"
        "elected a new secretary in his place; the figures follow below in full.\n"
    )
    found = rows(text, "sentences")
    assert [(r["surname"], r["penalty"], r["term_years"], r["line"]) for r in found] == [
        ("Lomakin", "imprisonment", 5.0, 1)
    ]


def test_a_register_in_the_abbreviations_of_the_time_with_its_date_and_body_columns():
    text = (
        "| No. | Surname   | Name, patronymic   | Date        | Body      | Sentence             |\n"
        "|-----|-----------|--------------------|-------------|-----------|----------------------|\n"
        "| 1   | Bondus    | Yelena Karpovna    | 23.IX.1937  | Tr. UNKVD | ITL 10 l.            |\n"
        "| 2   | Yeremchuk | Sofiya Lvovna      | 09.XII.1937 | OS NKVD   | 5 l. ssylki          |\n"
        "| 3   | Makukha   | Vera Ivanovna      | 02.III.1938 | Nar. sud  | 1 g. ITR             |\n"
        "| 4   | Oliinyk   | Zakhar Petrovich   | 14.IV.1938  | Lin. sud  | 3 g. l/s             |\n"
        "| 5   | Pugach    | Yevdokim Ivanovich | 14.IV.1938  | OS NKVD   | 5 l. vysylki         |\n"
        "| 6   | Sova      | Khariton Markovich | 21.IX.1938  | Tr. UNKVD | ITL 10 l. + 5 l. p/p |\n\n"
        "No.  Surname     Name      Born  Sentenced   Body          Sentence\n"
        "1    Lubentsov   Ivan      1889  14.09.1937  troika UNKVD  shooting\n"
        "2    Tyutyunnik  Grigorii  1899  19.11.1937  oblast court  6 years depr. of liberty\n\n"
        "The engineers and technicians (ITR) of the depot were checked; Petrov, ITR, was arrested.\n"
    )
    found = {
        (r["surname"], r["penalty"], r["term_years"], r["date"], r["sentencing_body"])
        for r in rows(text, "sentences")
    }
    assert found == {
        ("Bondus", "imprisonment", 10.0, "1937-09-23", "Tr. UNKVD"),
        ("Yeremchuk", "exile", 5.0, "1937-12-09", "OS NKVD"),
        ("Makukha", "other", 1.0, "1938-03-02", "Nar. sud"),
        ("Oliinyk", "imprisonment", 3.0, "1938-04-14", "Lin. sud"),
        ("Pugach", "exile", 5.0, "1938-04-14", "OS NKVD"),
        ("Sova", "imprisonment", 10.0, "1938-09-21", "Tr. UNKVD"),
        ("Lubentsov", "death", None, "1937-09-14", "troika UNKVD"),
        ("Tyutyunnik", "imprisonment", 6.0, "1937-11-19", "oblast court"),
    }


def test_a_tab_register_whose_long_cells_run_on_to_the_next_line_and_a_summary_by_penalty():
    text = (
        "No.\tFull name\tBorn\tDate\tBody\tSentence\tRemarks\n"
        "1\tFilonenko Arsenii Kuzmich\t1897\t16.08.1937\tMilitary Collegium\tVMN, conf.\treh. 1956\n"
        "\t\t\t\tof the Supreme Court\t\t\n"
        "2\tKhomutova Raisa Efimovna\t1909\t16.08.1937\tMilitary Collegium\t10 years ITL with\t\n"
        "\t\t\t\t\tloss of rights for 5 years\t\n"
        "3\tYatsuba Matvei Lavrentievich\t1890\t03.03.1938\tmilitary tribunal\t15 years ITL\t\n\n"
        "Penalty                           1937    1938   Total\n"
        "Shooting (VMN)                     612     298     910\n"
        "Camp (ITL), 10 years and more      544     317     861\n"
    )
    found = {
        (r["surname"], r["penalty"], r["term_years"], r.get("date"))
        for r in rows(text, "sentences")
    }
    assert found == {
        ("Filonenko", "death", None, "1937-08-16"),
        ("Khomutova", "imprisonment", 10.0, "1937-08-16"),
        ("Yatsuba", "imprisonment", 15.0, "1938-03-03"),
    }


def test_a_register_entry_gives_its_head_to_verdicts_that_name_nobody():
    text = (
        "KOSTENKO Hryhorii Ivanovych, b. 1897, foreman. Arrested 12.08.1937.\n"
        "Sentenced by the NKVD troika on 29.09.1937 under Art. 58-10 to VMN. Rehabilitated 1958.\n"
        "\n"
        "LAUER Emma Adolfovna, b. 1903, housewife.\n"
        "In 1930 sentenced by the Collegium of the OGPU to 3 years in a concentration camp; "
        "in 1933 exiled by the OSO for 5 years.\n"
        "Released 1945.\n"
        "\n"
        "MINTS Boris Lvovich, b. 1901. Released in 1939 for lack of evidence.\n"
    )
    assert sentenced(text) == {
        ("Kostenko", "death", None),
        ("Lauer", "imprisonment", 3.0),
        ("Lauer", "exile", 5.0),
    }


def test_a_term_of_lost_rights_written_before_the_rights_is_not_a_second_term():
    text = (
        "ROMANOV Ilya Petrovich, b. 1905, driver. Sentenced by the oblast court on 15 Apr. 1938 "
        "to 6 years of deprivation of liberty with 3 years' loss of rights.\n"
    )
    assert sentenced(text) == {("Romanov", "imprisonment", 6.0)}


def test_a_resolution_names_joined_and_the_unlabelled_line_after_it():
    text = (
        "HEARD: Group case No. 12 against Lisitsyn, Kaufman and Dolgova.\n"
        "DECIDED: LISITSYN N. B. and KAUFMAN J. S. - to be shot.\n"
        "DOLGOVA F. M., in view of her age, to be confined in a corrective labour camp for "
        "a term of 5 (five) years.\n"
        "Extract checked by: POPOV E. G.\n"
    )
    assert sentenced(text) == {
        ("Lisitsyn", "death", None),
        ("Kaufman", "death", None),
        ("Dolgova", "imprisonment", 5.0),
    }


def test_a_verdict_object_after_an_article_and_a_role():
    text = (
        "Only last year the same court sentenced the saboteur Kuzmin of the sawmill to ten "
        "years' deprivation of liberty.\n"
    )
    assert sentenced(text) == {("Kuzmin", "imprisonment", 10.0)}


def test_a_subject_after_two_introductory_phrases_and_exile_as_a_period():
    text = (
        "In 1911, after a brief imprisonment, Petrov was exiled to Onega but soon escaped "
        "to Hanover, where he met Ivan Sidorov. During the exile, he continued his "
        "education.\n"
    )
    assert sentenced(text) == {("Petrov", "exile", None)}


def test_a_register_name_in_apposition_before_who_had_been_sentenced():
    text = (
        "My uncle Yakov Berman, my mother's brother, who had been sentenced in 1911 to four "
        "years of hard labour, was arrested again in April 1937.\n"
    )
    assert sentenced(text) == {("Berman", "imprisonment", 4.0)}


# Statistics.


def test_a_table_with_years_across_reads_its_row_labels():
    text = (
        "Table 3. Strength and losses of the Nizhnyaya okrug party organisation (persons)\n"
        "\n"
        "                                   1933        1934        1935\n"
        "Members on 1 January             11 402      10 208       9 733\n"
        "Expelled                          2 512*        418       1 140\n"
        "Readmitted on appeal                188          42         131\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["subject"], r["year_start"]) for r in found} == {
        (11402.0, "members", 1933),
        (10208.0, "members", 1934),
        (9733.0, "members", 1935),
        (2512.0, "expelled", 1933),
        (418.0, "expelled", 1934),
        (1140.0, "expelled", 1935),
        (188.0, "other", 1933),
        (42.0, "other", 1934),
        (131.0, "other", 1935),
    }


def test_a_wrapped_paragraph_above_a_blank_line_is_not_the_tables_caption():
    text = (
        "In 1937 the primary organisations expelled 1 406 persons, or 5.2 per cent of the\n"
        "membership at the start of the year. The reasons are given in Table 1.\n"
        "\n"
        "Table 1. Expulsions from the VKP(b), Gorevsk oblast organisation, 1937\n"
        "| Reason for expulsion          | Members | Candidates | Total |\n"
        "|-------------------------------|---------|------------|-------|\n"
        "| Links with enemies            |     318 |         64 |   382 |\n"
        "| Total                         |   1 093 |        313 | 1 406 |\n"
    )
    table = {(r["value"], r["measure"]) for r in rows(text, "expulsion_stats") if r["line"] > 4}
    assert table == {
        (318.0, "count"),
        (64.0, "count"),
        (382.0, "count"),
        (1093.0, "count"),
        (313.0, "count"),
        (1406.0, "count"),
    }


def test_a_breakdown_by_reason_continues_after_of_whom():
    text = (
        "Of 17 845 members and candidates checked, 2 318 were expelled, of whom 512 as alien "
        "elements, 437 for passivity, and the remainder, some 680 persons, for moral "
        "corruption.\n"
    )
    expelled = {r["value"] for r in rows(text, "expulsion_stats") if r["subject"] == "expelled"}
    assert expelled == {2318.0, 512.0, 437.0, 680.0}


def test_four_and_a_half_thousand_is_a_count_not_a_half():
    text = "The purge commission expelled more than four and a half thousand party members.\n"
    assert figures(text) == {(4500.0, "count", "expelled")}


def test_a_verdicts_date_in_figures_after_its_body():
    text = (
        "TKACHUK Ivan Fedorovych, b. 1897, foreman. Arrested 12.VIII.1937.\n"
        "Sentenced by the NKVD troika of the oblast on 29.09.1937 to VMN. Shot 03.10.1937.\n"
        "\n"
        "ORLOVA Vera Ilyinichna, b. 1903. By decision of the Special Board of 22 Jan. 1938 "
        "sentenced to 8 years ITL.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["date"]) for r in found} == {
        ("Tkachuk", "death", "1937-09-29"),
        ("Orlova", "imprisonment", "1938-01-22"),
    }


def test_a_fixed_width_register_read_by_its_rule_of_dashes():
    text = (
        "REGISTER OF CASES HEARD BY THE SPECIAL COLLEGIUM, FIRST QUARTER OF 1938\n"
        "\n"
        "No. Name                          Born Charge (Art.)  Date of sentence Sentence\n"
        "--- ----------------------------- ---- -------------- ---------------- -------------\n"
        "1   Arutyunyan Sergo Avetikovich  1893 58-7, 58-11    04.01.1938       VMN\n"
        "2   Bondar Olena Mykhailivna      1905 58-10 pt. 1    04.01.1938       5 yrs exile\n"
        "3   Galieva Magira Zakirovna      1910 58-10 pt. 1    11.01.1938       acquitted\n"
        "4   Lomtadze Tamar Shalvovna      1908 58-10 pt. 1    09.02.1938       18 months ITL\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"], r["date"], r["line"]) for r in found} == {
        ("Arutyunyan", "death", None, "1938-01-04", 5),
        ("Bondar", "exile", 5.0, "1938-01-04", 6),
        ("Lomtadze", "imprisonment", 1.5, "1938-02-09", 8),
    }


def test_a_hard_wrapped_verdict_has_sentenced_each_item_a_register_name():
    text = (
        "Guided by Art. 319 and 320 of the Code of Criminal Procedure, the Collegium\n"
        "                              HAS SENTENCED:\n"
        "KALNINS Ansis Karlovich, under Art. 58-7, 58-8 and 58-11 of the Criminal\n"
        "Code of the RSFSR, to the supreme measure of criminal punishment --\n"
        "shooting, with confiscation of all property belonging to him personally.\n"
        "KOSTROVA Varvara Mitrofanovna, under Art. 58-7 and 58-11, to eight (8)\n"
        "years of deprivation of liberty, with loss of rights under Art. 31 for\n"
        "three (3) years.\n"
        "LEHTO Toivo Matveyevich is ACQUITTED for want of proof of his\n"
        "participation in the crime and is to be released from custody.\n"
    )
    assert sentenced(text) == {
        ("Kalnins", "death", None),
        ("Kostrova", "imprisonment", 8.0),
    }


def test_names_listed_after_including_or_among_those_shot():
    text = (
        "On 14.X.1937 the troika considered the case of the insurgent group (22 persons). "
        "Sentenced to VMN - 15, including the organiser of the group, the former lieutenant "
        "Avetisyan G. M., and his deputy Pshenko S. D.; sentenced to 8 years ITL - 7, among "
        "them Agafya Semyonovna PSHENKO, wife of the above.\n"
        "Among those shot: ZAGORUIKO Nikolai Vasilievich, former priest; the former mullah "
        "KHABIBULLIN Z. Kh.; and the former colonist J. H. Mohr.\n"
    )
    assert sentenced(text) == {
        ("Avetisyan", "death", None),
        ("Pshenko", "death", None),
        ("Pshenko", "imprisonment", 8.0),
        ("Zagoruiko", "death", None),
        ("Khabibullin", "death", None),
        ("Mohr", "death", None),
    }


def test_rehabilitation_certificates_citizen_register_name_and_a_later_clause():
    text = (
        "Citizen KOVALENKO Ivan Petrovich, born 1899, a native of the village of Sobolevka, "
        "was arrested on 12 August 1937 and by the decision of the NKVD troika of the oblast "
        "of 3 September 1937 was sentenced to VMN (shooting). The sentence was carried out "
        "on 10 September 1937.\n"
        "\n"
        "Citizen GRINBAUM Lev Solomonovich, born 1890, was convicted in 1916 by the district "
        "court to 2 years of fortress for anti-war agitation, and on 5 October 1937 condemned "
        "by the Military Collegium of the Supreme Court of the USSR to death.\n"
        "\n"
        "Ivanenko was sentenced to three years of exile in Siberia.\n"
    )
    assert sentenced(text) == {
        ("Kovalenko", "death", None),
        ("Grinbaum", "imprisonment", 2.0),
        ("Grinbaum", "death", None),
        ("Ivanenko", "exile", 3.0),
    }


def test_a_newspaper_verdict_with_posts_before_names_and_colon_lists():
    text = (
        "On 14 September the special collegium of the oblast court pronounced its verdict in\n"
        "the case of the wreckers of the district. The former chairman of the district executive\n"
        "committee I. P. Mukhanov, the former director of the MTS A. S. Belyakov and the\n"
        "agronomist K. K. Zuyev are to be shot. The former secretary of the district committee\n"
        'P. P. Lutsyk and the chairman of the kolkhoz "Red Dawn" S. S. Oliynyk received ten and\n'
        "eight years of deprivation of liberty respectively. The rest of the accused - G. G.\n"
        "Zaitsev, T. T. Kravchuk and V. V. Morozko - were sentenced to five years each in\n"
        "corrective labour camps. The people demanded the supreme measure for all the traitors.\n"
        "\n"
        "Sentenced to be shot: Mukhanov, Belyakov, Zuyev. To ten years: Lutsyk.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found if r["line"] < 9} == {
        ("Mukhanov", "death", None),
        ("Belyakov", "death", None),
        ("Zuyev", "death", None),
        ("Lutsyk", "imprisonment", 10.0),
        ("Oliynyk", "imprisonment", 8.0),
        ("Zaitsev", "imprisonment", 5.0),
        ("Kravchuk", "imprisonment", 5.0),
        ("Morozko", "imprisonment", 5.0),
    }
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found if r["line"] == 10} == {
        ("Mukhanov", "death", None),
        ("Belyakov", "death", None),
        ("Zuyev", "death", None),
        ("Lutsyk", "imprisonment", 10.0),
    }


def test_a_columns_own_unit_outranks_the_caption_and_a_table_above_is_no_caption():
    text = (
        "Table 3. Expulsions from the party by raion, 1936 (membership in thousands)\n"
        "\n"
        "Raion\tMembers (thous.)\tExpelled (persons)\tExpelled, %\n"
        "Lesnoy\t12.4\t1 204\t9.7\n"
        "\n"
        "Raion | Checked | Expelled | %\n"
        "------|---------|----------|----\n"
        "Lesnoy | 2 104 | 183 | 8.7%\n"
        "\n"
        "Table 4. Party purge results (persons; per cent)\n"
        "\n"
        "Year    Members and candidates    Expelled    % expelled\n"
        "1935          36 410            c. 4 000         11.0\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["subject"], r["measure"], r["line"]) for r in found} == {
        (12400.0, "members", "count", 4),
        (1204.0, "expelled", "count", 4),
        (9.7, "expelled", "percent", 4),
        (2104.0, "investigated", "count", 8),
        (183.0, "expelled", "count", 8),
        (8.7, "expelled", "percent", 8),
        (36410.0, "members", "count", 13),
        (4000.0, "expelled", "count", 13),
        (11.0, "expelled", "percent", 13),
    }
    assert {r["qualifier"] for r in found if r["value"] == 4000.0} == {"approx"}


def test_an_aligned_table_whose_header_runs_over_two_lines():
    nbsp, thin = "\u00a0", "\u2009"
    text = (
        "Table 5. Verification of party documents in the gorkoms of the oblast, 1935\n"
        "\n"
        "                      Members and     Checked     Expelled    of them       Readmitted\n"
        " Gorkom               candidates                              candidates    on appeal\n"
        f" 1. Lesnoy              4{nbsp}512         4{nbsp}300          512          131            44\n"
        f" 2. Zarechny            2{thin}104         2{thin}050          188           57            --\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["subject"], r["population"], r["geography"]) for r in found} == {
        (4512.0, "members", None, "Lesnoy"),
        (4300.0, "investigated", None, "Lesnoy"),
        (512.0, "expelled", None, "Lesnoy"),
        (131.0, "expelled", "candidates", "Lesnoy"),
        (44.0, "other", None, "Lesnoy"),
        (2104.0, "members", None, "Zarechny"),
        (2050.0, "investigated", None, "Zarechny"),
        (188.0, "expelled", None, "Zarechny"),
        (57.0, "expelled", "candidates", "Zarechny"),
    }


def test_ages_orders_tables_and_page_numbers_are_not_counts():
    text = (
        "The Nizhnetorsk gorkom is the weak point. Its secretary, comrade Vasko, aged 38, "
        "accepted the results, and the gorkom has not yet reviewed 96 appeals from expelled "
        "members. Order No. 0112 of the krai committee instructs the gorkoms to finish the "
        "review of appeals by 1 September. The social position of the expelled is shown in "
        "Table 1. A further 73 persons were transferred from members to candidates and 45 to "
        "sympathisers; nearly a fifth of the members were expelled.\n"
    )
    assert figures(text) == {
        (96.0, "count", "other"),
        (73.0, "count", "other"),
        (45.0, "count", "other"),
        (20.0, "percent", "expelled"),
    }


def test_a_biographical_dictionary_with_abbreviations():
    text = (
        "ANTONENKO, Pavel Ilyich (1895-1937). Party worker. Memb. of the RCP(b) from 1917. Arr. "
        "12 Mar. 1937; sent. by the Mil. Coll. of the Sup. Court of the USSR to death 2 Oct. "
        "1937; shot the same day. Rehab. 1957.\n"
        "BELOUSOVA, Anna Markovna (1899-1975). Teacher. Arr. 1937; sent. by the OSO to 8 yrs' "
        "imprisonment in a labour camp; released 1945.\n"
        "CHERNYSH, Grigory Fyodorovich (1880-1938). Before the revolution sentenced to penal "
        "servitude (katorga) for 6 yrs (1907). In 1937 arr. and condemned to death by the NKVD "
        "troika; shot 1938.\n"
        "EIDELS, Rosa Solomonovna (1905-1987). Wife of the above. Exiled for 5 yrs to Kazakhstan "
        "(1938) as a member of the family of a traitor to the motherland.\n"
    )
    assert sentenced(text) == {
        ("Antonenko", "death", None),
        ("Belousova", "imprisonment", 8.0),
        ("Chernysh", "imprisonment", 6.0),
        ("Chernysh", "death", None),
        ("Eidels", "exile", 5.0),
    }


def test_a_procurators_review_objects_pronouns_and_hypotheticals():
    text = (
        "1. In the case of Kovalenko I. S., a brigadier, the troika of the UNKVD on 12 October "
        "1937 sentenced Kovalenko to eight years of ITL, though the evidence was a neighbour's.\n"
        "2. The case of Gromyko A. P. The oblast court sentenced her on 3 March 1938 to six "
        "years.\n"
        "4. Petrenko M. F. should have been sentenced under Article 109, not 58-7.\n"
        "5. By the decision of the military tribunal of 5 May 1938 Sidorchuk was condemned to "
        "be shot.\n"
    )
    assert sentenced(text) == {
        ("Kovalenko", "imprisonment", 8.0),
        ("Gromyko", "imprisonment", 6.0),
        ("Sidorchuk", "death", None),
    }


def test_gapped_verdict_groups_after_semicolons_with_respective_terms():
    text = (
        "On 14 September the court sentenced Mukhin, Belets and Zuyenko to be shot; Lysyk and "
        "Olenich to ten and eight years of deprivation of liberty respectively.\n"
    )
    assert sentenced(text) == {
        ("Mukhin", "death", None),
        ("Belets", "death", None),
        ("Zuyenko", "death", None),
        ("Lysyk", "imprisonment", 10.0),
        ("Olenich", "imprisonment", 8.0),
    }


def test_a_troika_list_without_marks_and_a_decision_with_items_after_a_colon():
    text = (
        "The troika sentenced:\n"
        "IVANENKO Ivan Ivanovich, b. 1890 – VMN.\n"
        "PETRUK Anna Petrovna, b. 1902 – 10 years ITL.\n"
        "SIDORCHUK S. S., b. 1885 – 8 (eight) years of corrective labour camp.\n"
        "KUZMENKO K. K. – acquitted.\n"
        "\n"
        "Decision of the OSO of 12.I.1938: HOLUB Mikhail Yakovlevich – exile to Kazakhstan for "
        "5 years; LEVINSON Sara Isaakovna – 3 years ITL.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Ivanenko", "death", None),
        ("Petruk", "imprisonment", 10.0),
        ("Sidorchuk", "imprisonment", 8.0),
        ("Holub", "exile", 5.0),
        ("Levinson", "imprisonment", 3.0),
    }
    assert {r["date"] for r in found if r["line"] == 7} == {"1938-01-12"}


def test_a_cell_with_a_count_and_its_share_in_brackets():
    text = (
        "Table 6. Results of the exchange of party documents, Zarechnaya oblast, 1936\n"
        "\n"
        "| Raion | Members | Cards issued | Expelled (% of members) |\n"
        "|---|---|---|---|\n"
        "| Lesnoy | 4 512 | 4 120 | 211 (4.7%) |\n"
    )
    assert figures(text) == {
        (4512.0, "count", "members"),
        (4120.0, "count", "cards_issued"),
        (211.0, "count", "expelled"),
        (4.7, "percent", "expelled"),
    }


def test_review_findings_sent_ends_a_sentence_and_two_groups_keep_their_penalties():
    assert sentenced("The parcel was never sent. Orlik was shot in 1938.\n") == {
        ("Orlik", "death", None)
    }
    assert sentenced("The court sentenced Ivanenko to ten years and Petrik to death.\n") == {
        ("Ivanenko", "imprisonment", 10.0),
        ("Petrik", "death", None),
    }
    assert sentenced("The court sentenced Sidorik to ten years and Belik to seven years.\n") == {
        ("Sidorik", "imprisonment", 10.0),
        ("Belik", "imprisonment", 7.0),
    }


def test_a_memoirs_pronoun_reaches_back_to_its_paragraphs_person_and_a_commutation():
    text = (
        "My uncle Boris Markovich Feldman, a tailor, was arrested in May 1937.\n"
        "They kept him in the cellar of the district NKVD for three months.\n"
        "The investigator, a man called Rudakov, shouted at him every night.\n"
        "He signed nothing.\n"
        "In August a troika gave him ten years.\n"
        "His wife, Aunt Sima Goldberg, got five years as a member of the family.\n"
        "\n"
        "Our neighbour Olga Kireeva was sentenced to death in 1938.\n"
        "A month later the sentence was commuted to ten years of camps.\n"
        "\n"
        "KUDRIN Pavel Semyonovich, b. 1899, fitter.\n"
        "Sentenced by the oblast court on 3.3.1938 to 15 years of deprivation of liberty; "
        "by the ruling of the Supreme Court of 5.5.1938 the term was reduced to 7 years.\n"
        "Previously convicted: in 1930 a people's court sentenced him to 1 (one) year of "
        "forced labour without confinement.\n"
        "\n"
        "The case of LAPTEV Ivan Kuzmich, whom the Military Collegium sentenced in June 1937 "
        "to the supreme measure of punishment, was reviewed in 1956.\n"
    )
    assert sentenced(text) == {
        ("Feldman", "imprisonment", 10.0),  # "gave him", five sentences after the name
        ("Goldberg", "imprisonment", 5.0),  # "Aunt" is a kinship title, not the name
        ("Kireeva", "death", None),
        ("Kireeva", "imprisonment", 10.0),  # the commutation, a sentence of its own
        ("Kudrin", "imprisonment", 15.0),
        ("Kudrin", "imprisonment", 7.0),  # "the term was reduced to 7 years"
        ("Kudrin", "other", 1.0),  # forced labour *without* confinement: no prison
        ("Laptev", "death", None),  # the object of "whom … sentenced"
    }


def test_a_newspapers_surname_comma_given_patronymic_after_a_long_post_and_a_dated_opening():
    text = (
        "The former state-farm grain inspector, Zotov, Arkady Nilovich, got eight years "
        "in corrective-labour camps.\n"
        "As far back as 1929 Zotov had been sentenced by the OGPU troika to three years' exile.\n"
        "Back in 1931 Kazakova was sentenced to one year of forced labour.\n"
    )
    assert sentenced(text) == {
        ("Zotov", "imprisonment", 8.0),  # one person, not "Zotov" and "Arkady Nilovich"
        ("Zotov", "exile", 3.0),
        ("Kazakova", "other", 1.0),  # a year of labour without custody (years of it: camps)
    }


def test_a_count_whose_share_and_its_base_stand_before_the_verb():
    text = (
        "In the krai as a whole 1,318 persons, or 6.2 per cent of the members and "
        "candidates checked, were expelled.\n"
    )
    assert figures(text) == {(1318.0, "count", "expelled"), (6.2, "percent", "expelled")}


def test_a_semicolon_separated_table_and_a_per_cent_column_after_its_count():
    text = (
        "Table 2. Results of the purge in the okrug, 1933\n"
        "\n"
        "Raion;Checked;Expelled;Per cent\n"
        "Berezniki;2 314;298;12,9\n"
        "Total;4 120;511;12,4\n"
        "\n"
        "The commission sat until December; its chairman reported to the okrug committee.\n"
    )
    assert figures(text) == {
        (2314.0, "count", "investigated"),
        (298.0, "count", "expelled"),
        (12.9, "percent", "expelled"),  # the share of the column before it
        (4120.0, "count", "investigated"),
        (511.0, "count", "expelled"),
        (12.4, "percent", "expelled"),
    }


def test_a_row_numbering_the_columns_and_a_list_with_dot_leaders():
    text = (
        "Table 5. Expulsions in the raions, 1937\n"
        "\n"
        "| Raion    | Expelled | Readmitted |\n"
        "|    1     |    2     |     3      |\n"
        "|----------|----------|------------|\n"
        "| Zarechny |   118    |     12     |\n"
        "\n"
        "Expelled in the purge of 1929 (by social position):\n"
        "    workers from the bench ........... 214\n"
        "    office employees ................. 630\n"
    )
    assert {(value, subject) for value, _, subject in figures(text)} == {
        (118.0, "expelled"),
        (12.0, "other"),  # readmitted
        (214.0, "expelled"),
        (630.0, "expelled"),
    }  # and nothing from the "1 2 3" under the header


def test_an_operative_part_takes_the_preambles_body_and_date_and_an_imperative_item():
    text = (
        "PROTOCOL No. 19\n"
        "of the session of the Troika of the UNKVD for the Tomsk Oblast of 4 October 1937\n"
        "\n"
        "RESOLVED:\n"
        "SAVIN Yegor Lukich — to be SHOT.\n"
        "ORLOVA Nina Petrovna — to confine in a corrective labour camp for a term of EIGHT "
        "years, counting the term from 2 August 1937.\n"
        "To exile BRANDT K. F. to Kazakhstan for a term of five years.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Savin", "death", None),
        ("Orlova", "imprisonment", 8.0),
        ("Brandt", "exile", 5.0),  # the item opens with the resolution's verb
    }
    # the session's date, not the day the term is counted from
    assert {r["date"] for r in found} == {"1937-10-04"}
    assert all("Troika" in r["sentencing_body"] for r in found)


def test_a_newspaper_verdict_with_long_posts_elided_verbs_and_terms_per_name():
    text = (
        'The oblast court sentenced the former chairman of the "Iskra" kolkhoz Shvets to the '
        "supreme measure of punishment.\n"
        "The wreckers Panin and Rogova were sentenced to death, and their accomplice Gulko to "
        "ten years in a labour camp.\n"
        "Of the others, Demchuk received ten years, Sayko eight years of exile and Borisenko "
        "five years of deprivation of liberty.\n"
        "All three accused — Kalinin, Buryak and Osipova — were sentenced to be shot.\n"
        "Yesterday the visiting session sentenced engineer Vitkovsky to death.\n"
        "Under the decision of the Special Board of 2 April 1938, Nosova V. V. was deported "
        "to the Karaganda region for 5 years.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Shvets", "death", None),
        ("Panin", "death", None),
        ("Rogova", "death", None),
        ("Gulko", "imprisonment", 10.0),  # the verb of the clause before: ", and … to"
        ("Demchuk", "imprisonment", 10.0),
        ("Sayko", "exile", 8.0),  # the term's own penalty
        ("Borisenko", "imprisonment", 5.0),
        ("Kalinin", "death", None),
        ("Buryak", "death", None),
        ("Osipova", "death", None),
        ("Vitkovsky", "death", None),
        ("Nosova", "exile", 5.0),
    }
    assert len(found) == 12  # each once, though two rules read the dashed list


def test_a_verb_shared_by_members_and_candidates_and_a_list_after_expelled_were():
    text = (
        "In the purge 2,104 members and 688 candidates were checked in the raion.\n"
        "Expelled were: traders and kulaks – 96, passive – 141, violators of discipline – 58.\n"
    )
    assert figures(text) == {
        (2104.0, "count", "investigated"),  # the verb after the candidates is both counts'
        (688.0, "count", "investigated"),
        (96.0, "count", "expelled"),
        (141.0, "count", "expelled"),
        (58.0, "count", "expelled"),
    }


def test_a_register_table_takes_its_captions_body_and_date_and_a_bare_shoot():
    text = (
        "LIST of persons sentenced by the NKVD Troika for the Omsk Oblast, protocol No. 7 "
        "of 2 November 1937\n"
        "\n"
        "| No. | Surname, name, patronymic | Born | Decision of the troika |\n"
        "|-----|---------------------------|------|------------------------|\n"
        "| 1   | Vdovin Semyon Ilyich      | 1890 | shoot                  |\n"
        "| 2   | Gusakova Vera Pavlovna    | 1903 | 10 years ITL           |\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Vdovin", "death", None),
        ("Gusakova", "imprisonment", 10.0),
    }
    assert {(r["date"], r["sentencing_body"]) for r in found} == {("1937-11-02", "NKVD Troika")}


def test_a_pronoun_takes_a_surname_given_patronymic_named_before_it():
    text = (
        "Information on the fate of Kravchuk Olena Ivanivna: arrested on 3 March 1938; by "
        "decision of the Special Board of the NKVD of 19 May 1938 she was sentenced to 8 "
        "years in a corrective labour camp. Released in 1946.\n"
    )
    found = rows(text, "sentences")
    assert [(r["surname"], r["penalty"], r["term_years"], r["date"]) for r in found] == [
        ("Kravchuk", "imprisonment", 8.0, "1938-05-19")
    ]


def test_a_part_of_column_with_its_own_subject_and_shares_in_brackets_without_a_sign():
    text = (
        "Table 4. Exchange of party documents in the raions, 1936\n"
        "\n"
        "                      On the register      New cards not issued\n"
        "Raion               members  candidates     total   of them expelled\n"
        "Sosnovsky             1 204         388       121                 96\n"
        "\n"
        "Table 5. Expelled by year (per cent of the membership in brackets)\n"
        "\n"
        "Year     Expelled\n"
        "1933     2 316 (14.2)\n"
    )
    assert figures(text) == {
        (1204.0, "count", "members"),
        (388.0, "count", "members"),
        (121.0, "count", "other"),  # cards not issued: not cards issued
        (96.0, "count", "expelled"),  # "of them expelled" says what it counts itself
        (2316.0, "count", "expelled"),
        (14.2, "percent", "expelled"),
    }


def test_a_tribunals_operative_part_in_infinitive_clauses_a_blank_line_apart():
    text = (
        "On the basis of the above, the Military Tribunal DETERMINED:\n"
        "\n"
        "to apply to SOKOL Pavel Andreyevich and LIPKA Ivan Yurievich the supreme measure of "
        "criminal punishment -- execution by shooting,\n"
        "with confiscation of all property belonging to them personally;\n"
        "\n"
        "to deprive MAZUR Oleg Petrovich of liberty for a term of 8 (eight) years, with "
        "serving the term in a corrective labour camp;\n"
        "\n"
        "to consider ZUEVA Nina Ilyinichna acquitted;\n"
        "\n"
        "to sentence DROZD A. P. and BILYK N. N. each to 6 (six) years of deprivation of "
        "liberty.\n"
        "\n"
        "Keller was careless; in 1931 Shapiro, then a clerk, was sentenced by a people's "
        "court to one year of deprivation of liberty.\n"
    )
    assert sentenced(text) == {
        ("Sokol", "death", None),
        ("Lipka", "death", None),
        ("Mazur", "imprisonment", 8.0),  # "deprive … of liberty"; "serving" denies nothing
        ("Drozd", "imprisonment", 6.0),
        ("Bilyk", "imprisonment", 6.0),
        ("Shapiro", "imprisonment", 1.0),  # a dated clause after ";"
    }  # and no row for the acquitted


def test_posts_in_apposition_places_after_of_and_a_while_clause():
    text = (
        "The former director of the MTS, Kolosov P. S., and his accomplice, the brigade "
        "leader Danilin, were sentenced to be shot.\n"
        "The priest of the village of Ozerki, Rybin Pavel Iosifovich, and the church warden "
        "Shmeleva Anna Ilyinichna were each condemned to ten years' confinement in a camp.\n"
        "Lerner received the supreme measure of punishment, while Gorelik and Tsoi were given "
        "10 and 8 years respectively.\n"
    )
    assert sentenced(text) == {
        ("Kolosov", "death", None),
        ("Danilin", "death", None),
        ("Rybin", "imprisonment", 10.0),
        ("Shmeleva", "imprisonment", 10.0),  # and no row for the village
        ("Lerner", "death", None),
        ("Gorelik", "imprisonment", 10.0),
        ("Tsoi", "imprisonment", 8.0),
    }


def test_a_memorial_books_entries_with_a_sentence_label():
    text = (
        "ANTONOV Ilya Sergeevich. Born 1895, Tula. Worker. Arrested 12.08.1937. Charge: "
        "Art. 58-10. Sentence: VMN. Shot 20.09.1937.\n"
        "\n"
        "BORISOVA Nina Petrovna. Born 1910. Arrested 3.02.1938. Sentence: 10 years ITL.\n"
        "\n"
        "DEMINA Olga Sergeevna (1902-1976). Decision of the OSO of 5.07.1938: 5 years ITK.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Antonov", "death", None),  # the execution is not a second sentence
        ("Borisova", "imprisonment", 10.0),
        ("Demina", "imprisonment", 5.0),  # ITK, a labour colony
    }
    assert {r["date"] for r in found if r["surname"] == "Demina"} == {"1938-07-05"}


def test_cards_issued_after_the_verb_and_a_paragraph_number_is_no_count():
    text = (
        "In 1936 the gorkom issued 4 118 new party cards and 276 candidate cards; 93 cards "
        "were withdrawn (protocol No. 7, para. 3).\n"
    )
    assert figures(text) == {
        (4118.0, "count", "cards_issued"),
        (276.0, "count", "cards_issued"),
        (93.0, "count", "expelled"),  # withdrawn cards are expulsions
    }


def test_a_count_in_brackets_after_expulsions_and_members_not_checked():
    text = (
        "The expulsions among candidates (612) ran higher than among members.\n"
        "Of the members, 154 were not checked because they were away with the army.\n"
        "The grounds are listed as (1) alien elements and (2) passive members.\n"
    )
    assert figures(text) == {
        (612.0, "count", "expelled"),  # "(1)" and "(2)" are an enumeration, not counts
        (154.0, "count", "other"),  # not checked: a purge outcome, not a check
    }


def test_a_list_of_the_expelled_by_group_with_shares_and_a_transfer_is_no_membership():
    text = (
        "Expelled: workers – 122 (6.4%); peasants – 287 (12.9%); office employees – 415 "
        "(21.3%).\n"
        "Some 96 members were transferred to candidates.\n"
    )
    assert figures(text) == {
        (122.0, "count", "expelled"),
        (6.4, "percent", "expelled"),
        (287.0, "count", "expelled"),  # past the first ";"
        (12.9, "percent", "expelled"),
        (415.0, "count", "expelled"),
        (21.3, "percent", "expelled"),
        (96.0, "count", "other"),  # a transfer, not the size of the party
    }


def test_a_register_table_wider_than_two_hundred_characters_and_roman_month_dates():
    header = ["Raion", "Members 1.I.33", "Checked", "Expelled", "Per cent", "Transferred"]
    cells = ["Ozyorsky", "1 412", "1 650", "211", "12.8", "37"]
    wide = 45  # each column far to the right of the one before: lines of 239 characters

    def line(row: list[str]) -> str:
        return row[0].ljust(14) + "".join(c.rjust(wide) for c in row[1:])

    text = f"Table 2. The purge in the raions, 1933\n\n{line(header)}\n{line(cells)}\n"
    assert len(line(cells)) > 200
    assert figures(text) == {
        (1412.0, "count", "members"),  # and no 1 or 33 from the header's "1.I.33"
        (1650.0, "count", "investigated"),
        (211.0, "count", "expelled"),
        (12.8, "percent", "expelled"),
        (37.0, "count", "other"),  # transferred to candidates: not expelled
    }


def test_a_newspapers_verdict_items_with_plain_surnames_and_the_present_tense():
    text = (
        "The court sentenced: Kulik, Sheremet and Varenik — to the supreme measure of "
        "punishment, shooting; Bogach — to ten years of deprivation of liberty.\n"
        "The sentence of the court: Yefimov – death; Lapa – 10 years.\n"
        "The enemies of the people Pronko and Myt are sentenced to be shot.\n"
        "The chairman Kuchinsky A. A. was sentenced to death, the brigade leaders Vovk and "
        "Dyak to eight years each.\n"
    )
    assert sentenced(text) == {
        ("Kulik", "death", None),
        ("Sheremet", "death", None),  # a plain surname after a comma, not a given name
        ("Varenik", "death", None),
        ("Bogach", "imprisonment", 10.0),
        ("Yefimov", "death", None),
        ("Lapa", "imprisonment", 10.0),  # a bare term after the dash is prison
        ("Pronko", "death", None),
        ("Myt", "death", None),
        ("Kuchinsky", "death", None),
        ("Vovk", "imprisonment", 8.0),  # the verb of the clause before, after a comma
        ("Dyak", "imprisonment", 8.0),
    }


def test_a_list_under_were_convicted_with_a_bare_term_after_a_colon():
    text = (
        "By the resolution of the NKVD troika of 10 November 1937 the following were "
        "convicted in this case:\n"
        "1) Petrenko I. S. – VMN;\n"
        "2) Gogidze, Shalva Ilyich: 8 years.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Petrenko", "death", None),
        ("Gogidze", "imprisonment", 8.0),  # under a verdict's heading a bare term is prison
    }
    assert {r["date"] for r in found} == {"1937-11-10"}


def test_a_summarys_second_sentence_of_one_person_takes_its_own_body():
    text = (
        "1. Ozols Janis Karlovich, born 1890, foreman. In 1930 he was deported by decision "
        "of the OGPU troika to the Northern Krai. Arrested again on 2 December 1937 and by "
        "decision of the NKVD troika of 20 December 1937 sentenced to be shot.\n"
        "\n"
        "2. Kuzmina Anna Fyodorovna, born 1902. By decision of the NKVD troika of 20 December "
        "1937 she was sentenced to ten years in a corrective labour camp.\n"
        "\n"
        "Mikhail Pronin was sentenced to death and executed by NKVD near Moscow.\n"
    )
    found = {(r["surname"], r["penalty"]): r for r in rows(text, "sentences")}
    assert set(found) == {
        ("Ozols", "exile"),
        ("Ozols", "death"),  # a verdict after "Arrested again … and"
        ("Kuzmina", "imprisonment"),  # the surname first, as registers write it
        ("Pronin", "death"),
    }
    assert len(rows(text, "sentences")) == 4  # each once
    assert found["Kuzmina", "imprisonment"]["term_years"] == 10.0
    assert found["Ozols", "death"]["sentencing_body"] == "NKVD troika"
    assert found["Ozols", "death"]["date"] == "1937-12-20"
    assert found["Pronin", "death"].get("sentencing_body") is None  # NKVD carried it out


def test_newspaper_subjects_with_posts_in_apposition_brackets_and_gave():
    text = (
        "Garkusha, former director of the MTS, Burma, chief mechanic, and Lapko, an "
        "agronomist, are sentenced to be shot.\n"
        "Kolos (tractor driver) and Zhmur (brigade leader) received ten years each.\n"
        "Sentenced to be shot: the former chairman of the kolkhoz Dovbnya, the storekeeper "
        "Tyutyun.\n"
        "The court gave Nosik and Taran five years each.\n"
    )
    assert sentenced(text) == {
        ("Garkusha", "death", None),
        ("Burma", "death", None),
        ("Lapko", "death", None),
        ("Kolos", "imprisonment", 10.0),
        ("Zhmur", "imprisonment", 10.0),
        ("Dovbnya", "death", None),
        ("Tyutyun", "death", None),
        ("Nosik", "imprisonment", 5.0),
        ("Taran", "imprisonment", 5.0),
    }


def test_a_troika_protocols_resolutions_take_its_title_and_a_protocol_set_as_a_table():
    text = (
        "PROTOCOL No. 31 of the session of the NKVD Troika for the Kalinin Oblast, "
        "14 October 1937\n"
        "\n"
        "1. HEARD: the case of SHIPOV Matvei Ivanovich, born 1885, priest.\n"
        "   RESOLVED: SHIPOV Matvei Ivanovich to be SHOT. Property to be confiscated.\n"
        "\n"
        "2. HEARD: the case of LAPINA Yevdokia Semyonovna, born 1898, nun.\n"
        "   RESOLVED: to confine LAPINA Ye. S. in a corrective labour camp for a term of TEN "
        "years.\n"
        "\n"
        "3. HEARD: the case of OREKHOV Pavel Stepanovich.\n"
        "   RESOLVED: the case to be sent for further investigation.\n"
        "\n"
        "| No. | Case | Heard | Resolved |\n"
        "| 6 | 4512 | KOSTIN Andrei Petrovich, b. 1895 | 8 (eight) years ITL |\n"
        "| 7 | 4513 | KOSTINA Maria Fyodorovna, b. 1899 | to deport to the Narym Krai |\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Shipov", "death", None),
        ("Lapina", "imprisonment", 10.0),  # the resolution's verb before the name
        ("Kostin", "imprisonment", 8.0),  # a table of "Heard" and "Resolved"
        ("Kostina", "exile", None),
    }  # and nothing for the case sent for investigation
    dated = {r["surname"]: (r["date"], r["sentencing_body"]) for r in found}
    assert dated["Shipov"] == dated["Lapina"] == ("1937-10-14", "NKVD Troika")


def test_penalties_in_brackets_after_names_and_items_a_comma_apart():
    text = (
        "In the raion the troika sentenced 27 persons, among them the kulak Fomichev (VMN) "
        "and the priest Ryabtsev (10 years ITL).\n"
        "Arrested and convicted: Gromyko N. I. (VMN), Sotnik A. A. (exile, 5 years).\n"
        "On 12.X.1937 the troika sentenced the church group: Archpriest Nikolsky — VMN, deacon "
        "Uspensky — 10 years ITL.\n"
        "The former SR Dergun A. A. has again been sentenced to the supreme measure.\n"
    )
    assert sentenced(text) == {
        ("Fomichev", "death", None),
        ("Ryabtsev", "imprisonment", 10.0),
        ("Gromyko", "death", None),
        ("Sotnik", "exile", 5.0),
        ("Nikolsky", "death", None),
        ("Uspensky", "imprisonment", 10.0),  # not the archpriest's second penalty
        ("Dergun", "death", None),
    }


def test_a_summarys_labelled_lines_read_as_a_one_line_table():
    text = (
        "SUMMARY No. 4 on the exchange of party documents in the oblast\n"
        "\n"
        "Members and candidates on the register: 10 315\n"
        "New party cards issued: 9 402\n"
        "Cards not issued: 913\n"
        "  of them expelled from the party: 588\n"
        "Per cent of cards issued: 91,1\n"
        "\n"
        "In the Kirovsky raion 2 114 cards were issued.\n"
    )
    assert figures(text) == {
        (10315.0, "count", "members"),
        (9402.0, "count", "cards_issued"),
        (913.0, "count", "other"),  # a line about cards, though the word "party" is missing
        (588.0, "count", "expelled"),
        (91.1, "percent", "cards_issued"),  # the label says per cent: a decimal comma
        (2114.0, "count", "cards_issued"),
    }


def test_a_verb_and_its_object_before_the_count_and_a_share_named_before_its_figure():
    text = (
        "The purge removed from the party 1,235 persons, of whom 388 were candidates.\n"
        "The percentage of expelled in the okrug organisation was 18.4.\n"
    )
    assert figures(text) == {
        (1235.0, "count", "expelled"),
        (388.0, "count", "expelled"),  # of whom: a part of the expelled
        (18.4, "percent", "expelled"),
    }


def test_a_letters_subject_after_that_and_a_threat_gives_no_row():
    text = (
        "Yesterday I learned that Kolya was sentenced to ten years.\n"
        "Papa writes that Aunt Liza may be exiled too, if the investigator keeps his word.\n"
    )
    assert sentenced(text) == {("Kolya", "imprisonment", 10.0)}


def test_an_age_range_of_the_expelled_is_no_figure():
    text = "Of the 96 expelled, 64 were aged between 23 and 30.\n"
    assert figures(text) == {(96.0, "count", "expelled"), (64.0, "count", "expelled")}


def test_a_comma_separated_export_and_a_captions_subject_with_a_column_of_its_own():
    text = (
        "Table 3. Expulsions by raion, 1937\n"
        "\n"
        "Raion,Members,Expelled,Per cent\n"
        "Sosnovsky,1204,96,8.0\n"
        '"Total","2,081","166","7.9"\n'
        "\n"
        "20,000 Oppositionists Expelled from the Party\n"
    )
    assert figures(text) == {
        (1204.0, "count", "members"),  # the caption's "Expulsions" has its own column
        (96.0, "count", "expelled"),
        (8.0, "percent", "expelled"),
        (2081.0, "count", "members"),  # a quoted cell keeps its thousands comma
        (166.0, "count", "expelled"),
        (7.9, "percent", "expelled"),
        (20000.0, "count", "expelled"),  # a headline, not a row of two cells
    }


def test_a_verdicts_opening_date_before_its_body_and_verb():
    text = (
        "On 3 March 1938 the Military Collegium sentenced twenty-one defendants; eighteen of "
        "them, including Bukhtin and Rykalov, were shot.\n"
        "In 1930 Dronov was arrested; in 1937 he was sentenced to ten years.\n"
    )
    found = {r["surname"]: r for r in rows(text, "sentences")}
    assert set(found) == {"Bukhtin", "Rykalov", "Dronov"}
    assert found["Bukhtin"]["date"] == found["Rykalov"]["date"] == "1938-03-03"
    assert found["Dronov"].get("date") != "1930"  # the arrest's year, a clause away


def test_no_row_for_a_denial_a_rumour_a_relative_or_a_favour():
    for text in (
        "It is not true that Petrov was sentenced to death.\n",
        "The rumour that Petrov was shot proved false.\n",
        "Few people know that Petrov was never sentenced to death.\n",
        "The troika sentenced the wife of the former chairman Orlov to five years in a camp.\n",
        "The widow of the former director, Petrov, was sentenced to eight years.\n",
        "Stalin gave Yezhov permission to send the kulaks to the camps.\n",
        "The trust was reorganised; Dalstroy received ten years of funding for the camps.\n",
        "The commission determined that the victims (Petrov, Sidorov and Kuznetsov) had died "
        "in the camps.\n",
    ):
        assert sentenced(text) == set(), text


def test_unmarked_register_lines_under_a_heading_are_items_of_their_own():
    text = (
        "The following were sentenced to the supreme measure of punishment, shooting:\n"
        "IVANOV Ivan Ivanovich, b. 1890, fitter\n"
        "PETROV Pyotr Petrovich, b. 1891, turner\n"
        "SIDOROV Semyon Semyonovich, b. 1892\n"
    )
    assert sentenced(text) == {
        ("Ivanov", "death", None),
        ("Petrov", "death", None),
        ("Sidorov", "death", None),
    }


def test_figures_compared_with_against_and_an_organisations_count_is_no_series():
    text = (
        "At the end of 1938 the oblast party organisation numbered 21,412 members and 6,305 "
        "candidates, against 28,117 and 9,876 at the beginning of 1937.\n"
        "On 1 January 1936 the city organisation numbered 6 418 members and candidates in 83 "
        "primary party organisations.\n"
    )
    assert figures(text) == {
        (21412.0, "count", "members"),
        (6305.0, "count", "members"),
        (28117.0, "count", "members"),  # the figures the first are compared with
        (9876.0, "count", "members"),
        (6418.0, "count", "members"),
    }  # and not the 83 organisations


def test_an_aligned_header_over_five_lines_with_one_word_lines_and_an_arrests_column():
    text = (
        "Table 4. Results of the verification of party documents by raion, 1935\n"
        "\n"
        "                 Members      Party        Expelled    Of them     Per cent\n"
        "                 and          documents    (documents  arrested    of those\n"
        "                 candidates   checked      withdrawn)              checked\n"
        "Raion            on 1.V.35                                         expelled\n"
        "                 in all\n"
        "Sosnovsky         1 204         1 190         96          31          8,1\n"
    )
    assert figures(text) == {
        (1204.0, "count", "members"),
        (1190.0, "count", "investigated"),
        (96.0, "count", "expelled"),
        (31.0, "count", "other"),  # arrested: not an expulsion
        (8.1, "percent", "expelled"),
    }


def test_a_group_header_heads_the_columns_after_it():
    text = (
        "Table 2. Expulsions in the raions, 1933\n"
        "\n"
        "                        Checked           Expelled\n"
        "Raion                              members   candidates   total\n"
        "Sosnovsky                 1 204        70           26       96\n"
    )
    assert figures(text) == {
        (1204.0, "count", "investigated"),
        (70.0, "count", "expelled"),
        (26.0, "count", "expelled"),  # expelled candidates, not the candidates on the rolls
        (96.0, "count", "expelled"),
    }


def test_a_dashed_list_of_names_with_initials_and_found_guilty_and_sentenced_them():
    text = (
        "The visiting session of the oblast court has sentenced the three accused — Kobzar "
        "I. S., Tkach P. P. and Rudyk S. S. — to the supreme measure of punishment, "
        "shooting.\n"
        "The court found Moroz, Lytvyn and Pashko guilty and sentenced them to ten years "
        "each.\n"
    )
    assert sentenced(text) == {
        ("Kobzar", "death", None),
        ("Tkach", "death", None),
        ("Rudyk", "death", None),
        ("Moroz", "imprisonment", 10.0),
        ("Lytvyn", "imprisonment", 10.0),
        ("Pashko", "imprisonment", 10.0),
    }


def test_a_summarys_line_of_labelled_figures_after_a_raion():
    text = (
        "SUMMARY on the exchange of party documents in the oblast, 1936\n"
        "\n"
        "Kirovsky raion: on the register 2 114, cards issued 2 018, not issued 96 (4.5%), "
        "of them expelled 71.\n"
    )
    assert figures(text) == {
        (2114.0, "count", "members"),
        (2018.0, "count", "cards_issued"),
        (96.0, "count", "other"),  # cards not issued
        (4.5, "percent", "other"),  # the share of the count before it
        (71.0, "count", "expelled"),
    }


def test_a_row_label_wrapped_onto_an_indented_line_of_a_years_across_table():
    text = (
        "Table 1. Expelled from the city organisation, 1936-1938\n"
        "\n"
        "                               1936      1937\n"
        "Expelled from the party         142      1 204\n"
        "Members and candidates\n"
        "  at the end of the year      6 418      5 306\n"
    )
    assert figures(text) == {
        (142.0, "count", "expelled"),
        (1204.0, "count", "expelled"),
        (6418.0, "count", "members"),  # the label's first line says what the row counts
        (5306.0, "count", "members"),
    }


def test_a_footnote_letter_on_a_cell_and_nil_for_none():
    text = (
        "Table 6. Purge of the party cells of the okrug, 1929\n"
        "\n"
        "Group of cells          Checked    Expelled\n"
        "Factory cells             3 412       204a\n"
        "Red Army cells              412       nil\n"
    )
    assert figures(text) == {
        (3412.0, "count", "investigated"),
        (204.0, "count", "expelled"),  # "a" is the mark of a footnote
        (412.0, "count", "investigated"),
    }


def test_memorial_book_lines_with_a_body_date_and_dash_or_a_year_and_dash():
    text = (
        "Abramtsev Sergei Ivanovich (1895-1937), worker of the tannery; arrested 12.08.1937; "
        "sentenced by the troika 15.09.1937 to VMN; shot 20.09.1937.\n"
        "Belousova Nadezhda Petrovna (b. 1910), teacher; arrested 3.02.1938; OSO 22.05.1938 "
        "– 10 years ITL; released 1946.\n"
        "Chernykh P. P., b. 1888, kolkhoz member. 1937 – 5 years of exile.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Abramtsev", "death", None),
        ("Belousova", "imprisonment", 10.0),  # her own line's head, not the line above's
        ("Chernykh", "exile", 5.0),
    }
    assert [r["date"] for r in found if r["surname"] == "Abramtsev"] == ["1937-09-15"]


def test_disqualification_is_lost_rights_and_a_term_before_rights_of_its_own():
    text = (
        "Kharlamov E. E. was sentenced to deprivation of liberty for a term of 10 years with "
        "subsequent disqualification for 5 years.\n"
        "Kravtsov A. A. was sentenced to 8 years ITL with 5 years' loss of rights.\n"
    )
    assert sentenced(text) == {
        ("Kharlamov", "imprisonment", 10.0),  # not a second term of 5 years
        ("Kravtsov", "imprisonment", 8.0),
    }


def test_a_plans_fulfilment_in_per_cent_is_no_party_figure():
    text = (
        "The Leninsky district, where the tractor works fulfilled its May plan by 87.4 per "
        "cent, has expelled only 38 communists.\n"
    )
    assert figures(text) == {(38.0, "count", "expelled")}


def test_a_breakdown_of_the_expelled_by_reason_after_divided_thus():
    text = (
        "In 1929 the okrug control commission expelled 1 175 communists from the party.\n"
        "\n"
        "By reasons for expulsion the 1 175 expelled are divided thus: as alien elements - "
        "287; for passivity - 341; for drunkenness - 218; for other reasons - 329.\n"
    )
    assert figures(text) == {
        (1175.0, "count", "expelled"),
        (287.0, "count", "expelled"),
        (341.0, "count", "expelled"),
        (218.0, "count", "expelled"),
        (329.0, "count", "expelled"),
    }
    reasons = {r["category"] for r in rows(text, "expulsion_stats") if r["value"] < 1000}
    assert reasons == {"as alien elements", "for passivity", "for drunkenness", "for other reasons"}


def test_a_small_count_in_words_before_its_verb_and_a_count_between_dashes():
    text = (
        "Since January the gorkom has expelled 486 people. About a third - 163 people - "
        "were expelled as Trotskyists. Twelve were readmitted on appeal. The secretary had "
        "two sons and three weeks of leave.\n"
    )
    assert figures(text) == {
        (486.0, "count", "expelled"),
        (163.0, "count", "expelled"),
        (100 / 3, "percent", "expelled"),
        (12.0, "count", "other"),
    }


def test_a_heading_word_with_its_period_and_a_clause_without_its_verb():
    text = (
        "8. Total expelled since the beginning of the proverka in 1935: 3 911 persons, "
        "including 2 707 in 1935 and 1 204 in 1936.\n"
        "\n"
        "4. The number of expelled in the city organisation reached 486, that is, 6.1 per "
        "cent of its membership; in the rural raions - 718 (5.4 per cent).\n"
    )
    assert {(v, s) for v, m, s in figures(text) if m == "count"} == {
        (3911.0, "expelled"),
        (2707.0, "expelled"),
        (1204.0, "expelled"),
        (486.0, "expelled"),
        (718.0, "expelled"),
    }


def test_a_change_from_one_count_to_another_is_not_a_range_nor_a_half_year_a_share():
    text = (
        "During the period under review the city party organisation grew from 8 114 to 8 902 "
        "members and candidates. Expulsions in the first half of 1937 were three times as "
        "many as in 1936, when 392 were expelled. Some 2 300 communists took part in the "
        "meetings.\n"
    )
    assert figures(text) == {
        (8114.0, "count", "members"),
        (8902.0, "count", "members"),
        (392.0, "count", "expelled"),
    }


def test_the_expelled_included_and_a_list_of_places_with_their_counts():
    text = (
        "The bureau examined many cases in 1937. The expelled included 61 Trotskyists and "
        "Zinovievites, 44 persons who had concealed their social origin, and 287 others.\n"
        "\n"
        "Primary organisations of the Krasny Oktyabr works expelled 58 members, of the tram "
        "depot 23, of the pedagogical institute 17.\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["subject"], r["category"]) for r in found} == {
        (61.0, "expelled", "Trotskyists and Zinovievites"),
        (44.0, "expelled", "persons who had concealed their social origin"),
        (287.0, "expelled", "others"),
        (58.0, "expelled", None),
        (23.0, "expelled", None),
        (17.0, "expelled", None),
    }


def test_expulsions_as_a_noun_and_a_verification_in_which_members_lost_their_cards():
    text = (
        "Expulsions peaked in 1937. The obkom reported 4 215 expulsions for that year.\n"
        "\n"
        "The verification of 1935 was less severe: in the oblast as a whole 9.1 per cent of "
        "those checked lost their cards.\n"
    )
    assert figures(text) == {(4215.0, "count", "expelled"), (9.1, "percent", "expelled")}


def test_labelled_outcomes_of_a_purge_reprimands_among_them():
    text = (
        "Expelled from the party: 1 282 persons (15,2 per cent of those checked). Transferred "
        "from members to candidates: 86. Given reprimands and warnings: 412.\n"
    )
    assert figures(text) == {
        (1282.0, "count", "expelled"),
        (15.2, "percent", "expelled"),
        (86.0, "count", "other"),
        (412.0, "count", "other"),
    }


def test_a_count_instead_of_an_earlier_one_and_members_who_won_their_way_back():
    text = (
        "After the purge the organisation entered 1934 with 19 114 members and candidates "
        "instead of the 24 517 it had had a year earlier.\n"
        "\n"
        "Appeals mattered. In 1935 alone 431 people won their way back.\n"
    )
    assert figures(text) == {
        (19114.0, "count", "members"),
        (24517.0, "count", "members"),
        (431.0, "count", "other"),
    }


def test_a_table_with_places_across_and_what_is_counted_down_the_rows():
    text = (
        "Table 1. Party organisations of the okrug in the purge of 1929 (thousands)\n"
        "\n"
        "                          Kamensk   Belovo   Okrug total\n"
        "Members and candidates       4,2      2,8          7,0\n"
        "Checked                      3,9      2,6          6,5\n"
        "Expelled                     0,5      0,4          0,9\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["subject"], r["geography"]) for r in found if r["value"] < 600} == {
        (500.0, "expelled", "Kamensk"),
        (400.0, "expelled", "Belovo"),
    }
    assert {(r["value"], r["subject"]) for r in found if r["geography"] == "Kamensk"} == {
        (4200.0, "members"),
        (3900.0, "investigated"),
        (500.0, "expelled"),
    }


def test_dated_column_headers_a_column_of_changes_and_places_after_a_row_number():
    text = (
        "Table 6. Membership of the raion organisations of the party\n"
        "\n"
        "No.  Raion          1.1.1934   1.1.1935   Change\n"
        "1    Kirovsky          2 114      1 873     -241\n"
        "2    Leninsky          1 790      1 802      +12\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["year_start"], r["geography"], r["category"]) for r in found} == {
        (2114.0, 1934, "Kirovsky", None),
        (1873.0, 1935, "Kirovsky", None),
        (1790.0, 1934, "Leninsky", None),
        (1802.0, 1935, "Leninsky", None),
    }


def test_a_hedged_share_between_a_count_and_its_verb():
    text = (
        "Of the communists due to exchange their documents, 14 960 had received new party "
        "cards by 1 June; the cards of 1 322 persons, or some 8 per cent, have been held back "
        "pending further examination.\n"
    )
    assert (1322.0, "count", "other") in figures(text)


def test_a_svodka_of_the_exchange_of_documents():
    text = (
        "SVODKA on the exchange of party documents as of 15 May 1936\n"
        "\n"
        "Total to be exchanged: 24 117 members and 6 302 candidates. Exchanged: members - "
        "21 980 (91.1%), candidates - 5 410 (85.8%).\n"
        "\n"
        "Of those not exchanged: refused new documents - 1 640; postponed - 911.\n"
        "\n"
        "In the Rzhev raion 1 212 party cards and 340 candidate cards were issued; 97 "
        "communists were refused cards, of whom 41 were expelled from the party.\n"
    )
    assert {(v, m, s) for v, m, s in figures(text)} == {
        (24117.0, "count", "members"),
        (6302.0, "count", "members"),
        (21980.0, "count", "cards_issued"),
        (91.1, "percent", "cards_issued"),
        (5410.0, "count", "cards_issued"),
        (85.8, "percent", "cards_issued"),
        (1640.0, "count", "other"),
        (911.0, "count", "other"),
        (1212.0, "count", "cards_issued"),
        (340.0, "count", "cards_issued"),
        (97.0, "count", "other"),
        (41.0, "count", "expelled"),
    }


def test_a_pipe_table_whose_years_span_two_columns_each():
    text = (
        "Table 9. Expulsions from the party in the oblast, 1933-1934\n"
        "\n"
        "             |      1933       |      1934\n"
        "Raion        |  abs.  |   %    |  abs.  |   %\n"
        "-------------+--------+--------+--------+-------\n"
        "Kirovsky     |   412  |  14.2  |   118  |  4.1\n"
        "Leninsky     |   367  |  12.9  |    96  |  3.5\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["measure"], r["year_start"]) for r in found} == {
        (412.0, "count", 1933),
        (14.2, "percent", 1933),
        (118.0, "count", 1934),
        (4.1, "percent", 1934),
        (367.0, "count", 1933),
        (12.9, "percent", 1933),
        (96.0, "count", 1934),
        (3.5, "percent", 1934),
    }


def test_a_table_with_groups_across_gives_each_cell_its_group_not_a_place():
    text = (
        "Table 2. Results of the purge of 1933, persons\n"
        "\n"
        "              Workers   Peasants   Employees   Total\n"
        "Checked          412        388         291    1091\n"
        "Expelled          41         66          38     145\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["subject"], r["category"]) for r in found if r["value"] < 100} == {
        (41.0, "expelled", "Workers"),
        (66.0, "expelled", "Peasants"),
        (38.0, "expelled", "Employees"),
    }
    assert {r["geography"] for r in found} == {"USSR"}


def test_counts_that_are_no_breakdown_nor_a_clause_without_its_verb():
    assert figures("Every one of them was expelled in 1937 by the raikom.\n") == set()
    assert figures("In 1936 the kolkhoz readmitted 40 households to the farm.\n") == set()
    included = (
        "In 1937 the expelled included 61 Trotskyists, 44 kulaks and 287 others; 90 were "
        "later readmitted.\n"
    )
    assert (90.0, "count", "other") in figures(included)
    remaining = (
        "The raikom expelled 58 members in 1937, of the remaining 1 204 only 96 were verified.\n"
    )
    assert (1204.0, "count", "expelled") not in figures(remaining)


def test_a_table_of_the_exchange_of_documents_by_raion():
    text = (
        "5. The position in the main raions is shown below (persons):\n"
        "\n"
        "Raion            | Due for exchange | Documents issued | Refused | Postponed\n"
        "-----------------|------------------|------------------|---------|----------\n"
        "Kursk (city)     |            8 906 |            8 114 |     297 |       311\n"
        "Total for oblast |           38 427 |           33 190 |   1 614 |     2 085\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["subject"], r["geography"]) for r in found if r["value"] < 9000} == {
        (8906.0, "members", "Kursk (city)"),
        (8114.0, "cards_issued", "Kursk (city)"),
        (297.0, "other", "Kursk (city)"),
        (311.0, "other", "Kursk (city)"),
        (1614.0, "other", "USSR"),
        (2085.0, "other", "USSR"),
    }


def test_a_list_of_labelled_figures_with_dot_leaders_and_shares_in_brackets():
    text = (
        "The purge of 1933 in the city organisation. Of the 16 318 persons checked:\n"
        "   expelled from the party ............................  2 137   (13,1 per cent)\n"
        "   transferred from members to candidates .............    618   ( 3,8 per cent)\n"
        "   given reprimands and warnings ......................  1 044   ( 6,4 per cent)\n"
    )
    found = rows(text, "expulsion_stats")
    assert {(r["value"], r["measure"], r["subject"]) for r in found if r["line"] > 1} == {
        (2137.0, "count", "expelled"),
        (13.1, "percent", "expelled"),
        (618.0, "count", "other"),
        (3.8, "percent", "other"),
        (1044.0, "count", "other"),
        (6.4, "percent", "other"),
    }


def test_documents_handed_out_to_a_count_and_the_outcomes_of_an_exchange():
    text = (
        "2. By 1 July 1936 new documents had been handed out to 33 190 communists. Of the "
        "33 190 who received documents, women account for 5 127.\n"
        "\n"
        "Issue of documents was refused to 1 614 persons. For 2 085 comrades the decision has "
        "been postponed pending additional verification; a further 1 538 have not yet "
        "appeared at the raikoms for the exchange.\n"
    )
    found = figures(text)
    assert (33190.0, "count", "cards_issued") in found
    assert {
        (1614.0, "count", "other"),
        (2085.0, "count", "other"),
        (1538.0, "count", "other"),
    } <= found


def test_statements_and_signals_about_those_purged_are_accusations():
    text = (
        "The purge of 1933 held 640 open meetings; the workers who attended them raised 4 318 "
        "statements and signals about the persons being purged.\n"
    )
    assert (4318.0, "count", "accusations") in figures(text)


def test_over_a_thousand_is_a_count():
    text = "Over a thousand communists were expelled in the raion.\n"
    assert figures(text) == {(1000.0, "count", "expelled")}
    assert {r["qualifier"] for r in rows(text, "expulsion_stats")} == {"more_than"}


def test_an_aligned_table_whose_header_runs_on_to_a_line_with_a_date():
    text = (
        "Table 3. Verification of party documents by raions\n\n"
        "Raion                 Members and candidates   Checked   Expelled\n"
        "                          on 1.I.1936\n"
        "Fatezh raion                          2 214     2 150        188\n"
        "Dmitriev raion                          906       871         64\n"
    )
    assert figures(text) == {
        (2214.0, "count", "members"),
        (2150.0, "count", "investigated"),
        (188.0, "count", "expelled"),
        (906.0, "count", "members"),
        (871.0, "count", "investigated"),
        (64.0, "count", "expelled"),
    }


def test_a_share_that_has_fallen_from_one_per_cent_to_another():
    text = (
        "Among the expelled, the share of passive elements has fallen from 28.4 to 21.2 per "
        "cent, while the share of aliens has grown from 3.1 to 5.5 per cent.\n"
    )
    assert figures(text) == {
        (28.4, "percent", "expelled"),
        (21.2, "percent", "expelled"),
        (3.1, "percent", "expelled"),
        (5.5, "percent", "expelled"),
    }


def test_a_column_of_how_many_party_organisations_there_are_gives_no_figure():
    text = (
        "Table 1. Results of the 1933 purge by groups of organisations\n\n"
        "| Group | Number of primary party organisations | Members and candidates | Expelled |\n"
        "| Industry | 231 | 12 480 | 1 602 |\n"
        "| Transport | 88 | 4 115 | 574 |\n"
    )
    assert figures(text) == {
        (12480.0, "count", "members"),
        (1602.0, "count", "expelled"),
        (4115.0, "count", "members"),
        (574.0, "count", "expelled"),
    }


def test_figures_in_a_plenums_speeches_every_fifth_and_those_refused_a_card():
    text = (
        "Comrade Makarenko: Since January 87 have been expelled. Every fifth expelled was a "
        "former kulak.\n\n"
        "Comrade Borisova: In 1936, at the exchange of documents, another 46 did not receive "
        "new cards.\n"
    )
    assert figures(text) == {
        (87.0, "count", "expelled"),
        (20.0, "percent", "expelled"),
        (46.0, "count", "other"),
    }


def test_the_expelled_divide_as_follows_and_a_share_with_the_count_it_comes_to():
    text = (
        "The expelled divide as follows: alien elements – 298, swindlers – 91, for passivity "
        "– 388.\n\n"
        "Some 17 per cent of the party's members were expelled in 1933, about 790,000 people.\n"
    )
    assert figures(text) == {
        (298.0, "count", "expelled"),
        (91.0, "count", "expelled"),
        (388.0, "count", "expelled"),
        (17.0, "percent", "expelled"),
        (790000.0, "count", "expelled"),
    }


def test_a_historians_estimates_of_the_expelled_and_of_the_partys_size():
    text = (
        "Rigby put the number expelled in 1933 at 854,300.\n\n"
        "Between 1933 and 1935 the party lost many of its members, falling from 3.5 million to "
        "2.35 million.\n\n"
        "By 1939 the membership had recovered to 2.3 million, of whom 1.5 million were full "
        "members.\n\n"
        "Of the 1,966 delegates to the Congress, 1,108 were arrested.\n"
    )
    assert figures(text) == {
        (854300.0, "count", "expelled"),
        (3500000.0, "count", "members"),
        (2350000.0, "count", "members"),
        (2300000.0, "count", "members"),
        (1500000.0, "count", "members"),
    }


def test_outcomes_of_appeals_told_with_verbs_in_ing_and_counted_in_cases():
    text = (
        "The party collegium has received 512 appeals from the expelled. It has examined 498 "
        "of them, reinstating 64 in the party, transferring 41 to candidates and 22 to "
        "sympathisers.\n\n"
        "Of the appeals of the expelled examined, in 71 cases the decision of the raikom was "
        "overturned.\n\n"
        "In Kursk city 91,1 per cent of documents have been issued.\n"
    )
    found = figures(text)
    assert {(v, m) for v, m, _ in found} == {
        (512.0, "count"),
        (498.0, "count"),
        (64.0, "count"),
        (41.0, "count"),
        (22.0, "count"),
        (71.0, "count"),
        (91.1, "percent"),
    }
    assert {s for v, _, s in found if v in (64.0, 41.0, 22.0, 71.0)} == {"other"}


def test_a_memoirs_cellmates_each_with_the_words_they_were_given_in():
    text = (
        "Nearest the door slept Pavel Sukhanov, an agronomist from Tambov. In March the "
        "troika sentenced him to ten years.\n\n"
        "Gorbunov, a boy of seventeen, had been given eighteen months by the people's court.\n\n"
        'Fedotov, the tram conductor, got "KRTD" and five years.\n\n'
        'A visiting session of the Military Collegium gave the engineer Rudenko the "vyshka".\n\n'
        "As the wife of a traitor, Vera Shubina was sent by the OSO to a camp for eight years.\n\n"
        "Uncle Misha, Mikhail Lvovich Rosen, was condemned by the Military Collegium to death.\n\n"
        "The court sentenced Dorofeev's deputy, Semyon Glukhov, to seven years.\n"
    )
    assert sentenced(text) == {
        ("Sukhanov", "imprisonment", 10.0),
        ("Gorbunov", "imprisonment", 1.5),
        ("Fedotov", "imprisonment", 5.0),
        ("Rudenko", "death", None),
        ("Shubina", "imprisonment", 8.0),
        ("Rosen", "death", None),
        ("Glukhov", "imprisonment", 7.0),
    }


def test_a_decision_quoted_with_its_body_or_its_reason_between_name_and_penalty():
    text = (
        "A lieutenant read it to me in the corridor:\n"
        '"Shubin, Aleksei Petrovich, by decision of the Special Board: five years of camps."\n\n'
        "In 1948 there was only a form:\n"
        '"Shubin A. P., as a former convict, to be exiled to the Krasnoyarsk region."\n\n'
        '"Orlov, Pavel Ivanovich, as the chairman of the kolkhoz, was praised."\n'
    )
    assert sentenced(text) == {("Shubin", "imprisonment", 5.0), ("Shubin", "exile", None)}


def test_a_pronoun_stands_for_the_one_who_underwent_it_not_the_agent():
    # "Kvaratskhelia" ends in -a, but no Russian feminine ending: it agrees with "he"; the
    # commandant after "by" is the agent of the shooting, not whom "he" stands for.
    text = (
        "In June 1937 Kvaratskhelia, the chairman, was removed from office by order of Pavel "
        "Ivanov. He was sentenced to ten years.\n\n"
        "Rudnev was taken out of the cell on 3 May 1938 by the commandant Pavel Blokhin. He had "
        "been sentenced to death by the troika.\n"
    )
    assert sentenced(text) == {
        ("Kvaratskhelia", "imprisonment", 10.0),
        ("Rudnev", "death", None),
    }


def test_a_bare_surname_two_other_texts_name_in_full_is_a_person_of_its_own_text():
    kb = load_knowledge()
    texts = {
        "a": "The court sentenced Ivan Petrovich Gorbunov to ten years.\n",
        "b": "The court sentenced Pyotr Ilyich Gorbunov to eight years.\n",
        "c": "Gorbunov was given five years by the people's court.\n",
    }
    sources = {sid: Source.from_text(sid, text) for sid, text in texts.items()}
    records = [r for s in sources.values() for r in extract_source(s, kb)]
    persons, resolved, warnings, _ = resolve_persons(records, sources, kb)
    terms = {
        r.span.source_id: (r.fields["person_id"], r.fields["term_years"])
        for r in resolved
        if r.resource == "sentences"
    }
    assert warnings == []
    assert len({person for person, _ in terms.values()}) == 3
    assert terms["c"][1] == 5.0
    names = {p["person_id"]: p["name"] for p in persons}
    assert names[terms["c"][0]] == "Gorbunov"


def test_a_protocol_set_side_by_side_heard_and_resolved():
    text = (
        "PROTOCOL No. 12\n"
        "of the session of the Troika of the UNKVD for Kalinin Oblast of 14 September 1937\n\n"
        "HEARD                                    RESOLVED\n"
        "Case of PETROV Ivan Sergeevich, born     PETROV Ivan Sergeevich to be\n"
        "1890, kulak, charged under Art. 58-10.   shot.\n"
        "Case of LOZOVAYA Anna Petrovna, born     LOZOVAYA Anna Petrovna to be confined\n"
        "1899, wife of a traitor.                 in a corrective labour camp for a\n"
        "                                         term of eight years.\n"
        "Case of GRISHIN N. K., 1901.             Case to be sent back for further\n"
        "                                         investigation.\n\n"
        "| HEARD                              | DECREED                              |\n"
        "|------------------------------------|--------------------------------------|\n"
        "| Case No. 2390 of ORLOV P. I.       | ORLOV P. I. - ITL 1 year 6 months.   |\n"
        "| Case of the kolkhoz MAYAK          | To be dissolved.                     |\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Petrov", "death", None),
        ("Lozovaya", "imprisonment", 8.0),
        ("Orlov", "imprisonment", 1.5),
    }
    assert {r["date"] for r in found} == {"1937-09-14"}


def test_comrades_restored_to_the_party_but_not_how_often_a_commission_met():
    text = (
        "The appeals commission met 62 times during the year. In all, about 1 200 comrades "
        "were restored to the party on appeal.\n"
    )
    assert figures(text) == {(1200.0, "count", "other")}


def test_a_petition_and_letters_tell_the_writers_and_their_relatives_sentences():
    text = (
        "Letter 4. Anna Grigorievna Voronova to her sister, 3 March 1938\n\n"
        "Yesterday I was summoned and told that as the wife of a traitor I am to be exiled to "
        "Kazakhstan for five years.\n\n"
        "Letter 9. Anna Voronova to the Procurator of the USSR, 1955\n\n"
        "I request a review of the case of my husband, Konstantin Ivanovich Voronov, born "
        "1899, sentenced on 28 December 1937 by the troika to the supreme measure of "
        "punishment.\n\n"
        "The former director of the MTS, I. F. Kozlov, and the chief mechanic, P. D. "
        "Semyonov, are to be shot.\n"
    )
    assert sentenced(text) == {
        ("Voronova", "exile", 5.0),
        ("Voronov", "death", None),
        ("Kozlov", "death", None),
        ("Semyonov", "death", None),
    }
    assert {r["basis"] for r in rows(text, "sentences") if r["surname"] == "Voronova"} == {
        "inferred"
    }


def test_a_verdicts_preamble_names_the_body_and_date_of_its_operative_part():
    text = (
        "The Military Tribunal of the Volga Military District, in closed session in the city "
        "of Kuibyshev on 19 April 1938, composed of the presiding judge and two members, heard "
        "the case against:\n\n"
        "1) GOLUBEV Nikolai Petrovich, born 1896,\n"
        "2) RYBAKOVA Olga Petrovna, born 1905,\n\n"
        "On the basis of the above, the Military Tribunal\n"
        "SENTENCED:\n"
        "GOLUBEV Nikolai Petrovich to the supreme measure of criminal punishment – shooting.\n"
        "RYBAKOVA Olga Petrovna to be considered acquitted.\n"
    )
    found = rows(text, "sentences")
    assert [(r["surname"], r["penalty"], r["date"], r["sentencing_body"]) for r in found] == [
        ("Golubev", "death", "1938-04-19", "Military Tribunal")
    ]


def test_appeals_rejected_are_not_the_expelled_ejected():
    text = (
        "Table 3. Appeals of the expelled (thousands)\n"
        "Year | Lodged | Granted | Rejected\n"
        "1936 | 4.2    | 1.1     | 2.9\n\n"
        "In 1937, 412 appeals of the expelled were rejected.\n"
    )
    assert figures(text) == {
        (4200.0, "count", "other"),
        (1100.0, "count", "other"),
        (2900.0, "count", "other"),
        (412.0, "count", "other"),
    }


def test_a_protocols_date_on_a_line_of_its_own_not_an_earlier_cases():
    text = (
        "PROTOCOL No. 9\n"
        "of the session of the Troika of the UNKVD for Nizhnekamensk Oblast\n"
        "14.IX.1937\n\n"
        "Chairman of the Troika: Major of State Security GRUZDEV\n\n"
        "1. HEARD: Case No. 1150 on the charge of\n"
        "SHUBINA Praskovya Titovna, born 1889, widow, church warden,\n"
        "previously convicted in 1931 by the Troika of the PP OGPU under Art. 58-10.\n"
        "RESOLVED: SHUBINA Praskovya Titovna to be shot.\n"
    )
    found = rows(text, "sentences")
    assert [(r["surname"], r["penalty"], r["date"]) for r in found] == [
        ("Shubina", "death", "1937-09-14")
    ]


def test_appositions_ages_and_initials_before_a_surname_in_capitals():
    text = (
        "His wife, Abramova Klavdiya Petrovna (1897–1964), arr. in November 1937, was "
        "sentenced by the OSO of the NKVD of the USSR to 8 years ITL.\n\n"
        "My brother, Fyodor Ivanovich Sokolov, 36, a fitter, was sentenced to ten years.\n\n"
        "The Collegium has examined the cassation appeals of A. S. PANKRATOV and F. I. MELNIK, "
        "whom the oblast court on 17 November 1937 sentenced to shooting for wrecking.\n\n"
        "HEARD: the case of I. M. ZUEV, 1901, kolkhoznik.\n"
        "RESOLVED: I. M. ZUEV to be exiled to Kazakhstan for three years.\n\n"
        "Dear Vera, Kostya got ten years.\n\n"
        "Yesterday, 14 March, Ivan Petrov was sentenced to five years.\n\n"
        "Mama, Lida, Kolya, all of us wait for news of Petya, who was given five years.\n"
    )
    assert sentenced(text) == {
        ("Abramova", "imprisonment", 8.0),
        ("Sokolov", "imprisonment", 10.0),
        ("Pankratov", "death", None),
        ("Melnik", "death", None),
        ("Zuev", "exile", 3.0),
        ("Kostya", "imprisonment", 10.0),
        ("Petrov", "imprisonment", 5.0),
        ("Petya", "imprisonment", 5.0),
    }


def test_a_birth_year_and_a_count_of_raions_are_no_figures():
    text = (
        "The former chairman of the kolkhoz, Yegor BASHKATOV, born 1896, was expelled from the "
        "VKP(b) in 1930 as an alien element.\n\n"
        "The obkom considers it necessary to finish the exchange of party documents in all 68 "
        "raions by 1 August; 412 members have not yet received new cards.\n"
    )
    assert figures(text) == {(412.0, "count", "other")}


def test_a_share_of_checked_is_of_the_expelled_and_a_total_down_the_side_of_members():
    text = (
        "Results of the purge in the okrugs (1933)\n\n"
        "| Okrug   | Checked | Expelled | Of them: alien | % of checked |\n"
        "|---------|---------|----------|----------------|--------------|\n"
        "| Ishim   | 8 412   | 1 102    | 311            | 13,1         |\n\n"
        "Membership of the gorkom organisation\n"
        "                      1.1.1933    1.1.1934\n"
        "Members                  6 115       5 480\n"
        "Candidates               2 004       1 312\n"
        "Total                    8 119       6 792\n"
    )
    assert figures(text) == {
        (8412.0, "count", "investigated"),
        (1102.0, "count", "expelled"),
        (311.0, "count", "expelled"),
        (13.1, "percent", "expelled"),
        (6115.0, "count", "members"),
        (5480.0, "count", "members"),
        (2004.0, "count", "members"),
        (1312.0, "count", "members"),
        (8119.0, "count", "members"),
        (6792.0, "count", "members"),
    }


def test_members_and_candidates_under_a_caption_of_the_expelled_by_grounds_are_expelled():
    text = (
        "Table 2. Expelled by grounds of expulsion (persons), 1933\n\n"
        "Grounds for expulsion                      | Members | Candidates | Total\n"
        "-------------------------------------------|---------|------------|------\n"
        "Alien and hostile elements                 | 611     | 203        | 814\n"
    )
    assert figures(text) == {
        (611.0, "count", "expelled"),
        (203.0, "count", "expelled"),
        (814.0, "count", "expelled"),
    }


def test_uncle_and_aunt_by_a_diminutive_are_the_one_person_named_in_full_with_that_name():
    text = (
        "Mother's younger sister, our Aunt Masha, became Maria Sergeevna Shirokova when she "
        "married Nikolai Petrovich Shirokov in 1922.\n"
        "Uncle Kolya was secretary of the district committee. He was arrested in June 1937. "
        "In December 1937 he was given ten years by the Special Board of the NKVD.\n\n"
        "In April 1938 Aunt Masha got eight years as the wife of a traitor to the Motherland. "
        "She did her time in the camp near Akmolinsk.\n\n"
        "Kolya Zuev, a neighbour, got five years.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Shirokov", "imprisonment", 10.0),
        ("Shirokova", "imprisonment", 8.0),
        ("Zuev", "imprisonment", 5.0),
    }
    assert {r["basis"] for r in found if r["surname"] != "Zuev"} == {"inferred"}


def test_a_relative_called_by_a_short_name_then_in_full_and_a_list_of_call_names():
    text = (
        "My sister Shura, Alexandra Nikolaevna Lapina, was sentenced in 1941 to six months "
        "of corrective labour.\n\n"
        "Grandfather Sergei, Uncle Kolya, Aunt Masha: none of them came back.\n"
    )
    assert sentenced(text) == {("Lapina", "other", 0.5)}


def test_petitions_of_several_writers_and_a_subject_with_an_apposition_and_a_relative_clause():
    text = (
        "To the Procurator of the USSR\n"
        "from Zavyalov Tikhon Ilyich, former director of the MTS, Kalinin\n\n"
        "On 14 May 1938 I was sentenced by the Special Board to eight years of camps.\n\n"
        "To the Procurator of the USSR\n\n"
        "I, Antonina Yegorovna KORNILOVA, worked before my arrest as a teacher. On 9.XII.1937 "
        "the Military Collegium sentenced me to ten years in prison.\n\n"
        "Dymshits, Khaim Mordukhovich, born 1885, former member of the Bund, who had been "
        "sentenced in 1908 by the Vilna Judicial Chamber to four years of exile, was sentenced "
        "to the supreme measure of punishment.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Zavyalov", "imprisonment", 8.0),
        ("Kornilova", "imprisonment", 10.0),
        ("Dymshits", "exile", 4.0),
        ("Dymshits", "death", None),
    }
    assert {r["surname"] for r in found if r["basis"] == "inferred"} == {"Zavyalov", "Kornilova"}


def test_a_separator_or_an_address_line_ends_the_reach_of_the_letter_writer_above():
    text = (
        "Letters from the camps, 1938-1940\n\n"
        "From Anna Petrova to her sister, Karaganda, 1938\n"
        "Dear Olya, I am alive. I was given eight years by the Special Board.\n\n"
        "* * *\n\n"
        "Dear Mama, they moved us again. I was given five years by the troika.\n\n"
        "To the Procurator of the USSR\n"
        "I ask you to review my case. I was sentenced to ten years in 1937.\n"
    )
    assert sentenced(text) == {("Petrova", "imprisonment", 8.0)}


def test_a_widow_named_after_her_husbands_name_years_of_forced_labour_and_a_further_term():
    text = (
        "Erich Mühsam's widow, Zenzl Mühsam, emigrated to Moscow in 1935. She was arrested in "
        "1936 and sentenced to eight years of forced labour.\n\n"
        "Berta Daniel was arrested in 1935 and sentenced to five years' imprisonment. In 1942 "
        "she was sentenced to a further ten years.\n\n"
        "Agafya Kuzmina was sentenced to six months of forced labour at her place of work.\n"
    )
    assert sentenced(text) == {
        ("Mühsam", "imprisonment", 8.0),
        ("Daniel", "imprisonment", 5.0),
        ("Daniel", "imprisonment", 10.0),
        ("Kuzmina", "other", 0.5),
    }


def test_an_exchange_table_in_thousands_with_its_header_over_two_lines_and_column_of_roll():
    text = (
        "Table 4. Exchange of party documents, 1 February - 1 September 1936 (in thousands)\n\n"
        "                     Subject to     New documents    Documents\n"
        "                     exchange       issued           withheld\n"
        "Members                 15.6            15.0             0.6\n"
        "Candidates               5.3             4.9             0.4\n"
    )
    assert figures(text) == {
        (15600.0, "count", "members"),
        (15000.0, "count", "cards_issued"),
        (600.0, "count", "other"),
        (5300.0, "count", "members"),
        (4900.0, "count", "cards_issued"),
        (400.0, "count", "other"),
    }


def test_documents_lost_an_organisation_purged_of_some_and_of_a_further_and_an_average_age():
    text = (
        "In all, about 3,500 persons lost their party documents in the course of the "
        "verification.\n\n"
        "The verification has purged the oblast organisation of 3 470 alien persons in 1935 "
        "and of a further 1,012 in 1936.\n\n"
        "Among the morally corrupt the average age was 38.\n"
    )
    assert figures(text) == {
        (3500.0, "count", "expelled"),
        (3470.0, "count", "expelled"),
        (1012.0, "count", "expelled"),
    }


def test_a_total_column_beside_members_and_candidates_counts_members():
    text = (
        "1. Number of members and candidates on the roll:\n\n"
        "   Raion              Members    Candidates    Total\n"
        "   -----------------  ---------  ------------  -------\n"
        "   Kozmodemyansk           411          153        564\n"
        "   Sernur                  298           97        395\n"
    )
    assert {(v, s) for v, _, s in figures(text)} == {
        (411.0, "members"),
        (153.0, "members"),
        (564.0, "members"),
        (298.0, "members"),
        (97.0, "members"),
        (395.0, "members"),
    }


def test_a_list_of_labelled_figures_with_dotted_leaders_under_a_section_title():
    text = (
        "IV. APPEALS AND READMISSION (as on 1 July 1936)\n\n"
        "Appeals against expulsion in the 1933 purge lodged with the obkom ............ 1 386\n"
        "   of them examined by the party collegium ............ 1 204\n"
        "   readmitted to membership ............ 241\n"
        "Sittings of the party collegium held on appeals ............ 44\n"
    )
    assert figures(text) == {
        (1386.0, "count", "other"),
        (1204.0, "count", "investigated"),
        (241.0, "count", "other"),
    }


def test_a_raikom_information_covered_withheld_and_appeals_counted_in_words():
    text = (
        "The verification covered 791 communists; in its course 94 persons were expelled.\n\n"
        "Party documents were withheld from a further 17 pending additional inquiries.\n\n"
        "Forty-two of the expelled lodged appeals with the obkom.\n"
    )
    assert figures(text) == {
        (791.0, "count", "investigated"),
        (94.0, "count", "expelled"),
        (17.0, "count", "other"),
        (42.0, "count", "other"),
    }


def test_a_range_with_a_hyphen_and_a_multiplier_and_circa_before_a_count():
    text = (
        "Approximately 2-3 thousand members were expelled in the oblast in 1933.\n\n"
        "In 1934, c. 4 000 members were expelled.\n\n"
        "The charges fell under Article 58-10.\n"
    )
    found = {
        (r["value"], r.get("value_max"), r["qualifier"]) for r in rows(text, "expulsion_stats")
    }
    assert found == {(2000.0, 3000.0, "range"), (4000.0, None, "approx")}


def test_an_export_whose_column_is_dated_by_its_day_and_an_unquoted_thousands_comma():
    text = (
        "Raion,Members 1.1.1934,Expelled in 1933,Reinstated\n"
        'Bezhetsk,"1,204",187,23\n'
        "Kirovsky,1,520,214\n"
    )
    found = {(r["value"], r["subject"], r["year_start"]) for r in rows(text, "expulsion_stats")}
    # the unquoted "1,520" cannot be told from two cells: that row gives nothing
    assert found == {(1204.0, "members", 1934), (187.0, "expelled", 1933), (23.0, "other", None)}


def test_a_raikom_speakers_figures_and_a_komsomol_a_plan_and_delegates_that_are_none():
    text = (
        "At the sawmill 16 were expelled and 7 transferred to sympathisers. The cell of the "
        "consumers' union lost nearly a third of its members: of 23 only 16 remain.\n\n"
        "In the neighbouring raion the purge of 1933 removed some 400 people.\n\n"
        "The Komsomol organisation of the raion, which has 612 members, carried out its own "
        "check and expelled 27 of them.\n\n"
        "The kolkhoz, where the verification found no one to expel, fulfilled the plan of "
        "grain deliveries only by 87 per cent.\n\n"
        "To elect 4 delegates to the conference of the party (one delegate per 300 "
        "communists).\n"
    )
    found = {(round(r["value"], 1), r["subject"]) for r in rows(text, "expulsion_stats")}
    assert found == {
        (16.0, "expelled"),
        (7.0, "other"),
        (33.3, "members"),
        (23.0, "members"),
        (16.0, "members"),
        (400.0, "expelled"),
    }


def test_a_breakdown_by_reason_a_line_each_under_its_heading():
    text = (
        "In the okrug as a whole, the expelled are divided by reason of expulsion as follows:\n"
        "  for passivity and loss of contact with the party - 164;\n"
        "  as alien elements (kulaks, traders, former officers, the clergy) - 127;\n"
        "  for other reasons - 72.\n\n"
        "The kolkhozes of the okrug number 212.\n"
    )
    found = {(r["value"], r["subject"]) for r in rows(text, "expulsion_stats")}
    assert found == {(164.0, "expelled"), (127.0, "expelled"), (72.0, "expelled")}


def test_a_short_line_whose_sentence_runs_on_in_lowercase_and_n_of_the_m_verified():
    text = (
        "Mokhovoy raion. In Mokhovoy raion 519 of the 528 communists have been verified, and\n"
        "all the cells have reported on the work of their commissions to the bureau. Of them\n"
        "66 were expelled, that is, more than one in\n"
        "eight of those verified, of whom 12 held party cards belonging to other persons who\n"
        "had died or had been expelled earlier, or cards obtained by deceit or by forgery.\n"
    )
    found = {(r["value"], r["subject"], r["qualifier"]) for r in rows(text, "expulsion_stats")}
    assert found == {
        (519.0, "investigated", "exact"),
        (528.0, "members", "exact"),
        (66.0, "expelled", "exact"),
        (12.5, "expelled", "more_than"),
        (12.0, "expelled", "exact"),
    }


def test_the_commissions_checked_persons_and_reasons_whose_verb_the_first_states():
    text = (
        "By 1 May 1930 the commissions had checked 35 806 persons, or 93.2 per cent of the "
        "organisation.\n\n"
        "For passivity and loss of all contact with the party 712 were expelled; for "
        "violations of party discipline, above all in the procurement campaign, 521; for the "
        "performance of religious rites 211.\n\n"
        "The inspectors checked 400 tonnes of seed grain.\n"
    )
    found = {(r["value"], r["measure"], r["subject"]) for r in rows(text, "expulsion_stats")}
    assert found == {
        (35806.0, "count", "investigated"),
        (93.2, "percent", "investigated"),
        (712.0, "count", "expelled"),
        (521.0, "count", "expelled"),
        (211.0, "count", "expelled"),
    }


def test_an_organisation_grown_in_the_past_year_from_one_count_to_another():
    text = (
        "In Staro-Ilyinsky raion the party organisation has grown in the past year from 410 to "
        "487 communists.\n"
    )
    found = {(r["value"], r.get("value_max"), r["subject"]) for r in rows(text, "expulsion_stats")}
    assert found == {(410.0, None, "members"), (487.0, None, "members")}


def test_a_grid_table_whose_one_column_gives_counts_with_their_shares_in_brackets():
    text = (
        "Table 7. Expelled in 1937 by raion\n\n"
        "+-----------+-------------------+\n"
        "| Raion     | Expelled in 1937  |\n"
        "+===========+===================+\n"
        "| Rzhev     | 214 (12,1%)       |\n"
        "| Torzhok   | 96 (8,4%)         |\n"
        "+-----------+-------------------+\n"
    )
    assert figures(text) == {
        (214.0, "count", "expelled"),
        (12.1, "percent", "expelled"),
        (96.0, "count", "expelled"),
        (8.4, "percent", "expelled"),
    }


def test_a_long_list_among_the_expelled_and_the_number_of_the_expelled_amounting_to():
    text = (
        "Among the expelled were 38 kulaks and sub-kulak elements who had hidden their social "
        "origin, 9 former whiteguards and members of anti-Soviet parties, 12 swindlers and "
        "holders of other people's or forged documents, 14 Trotskyist and double-dealing "
        "elements, and 61 persons expelled for passivity.\n\n"
        "We shall prove that the number of the expelled Bolshevik-Leninists during the last "
        "purge alone (the latter part of 1935) amounted to no fewer than 10,000.\n"
    )
    found = {(r["value"], r["subject"], r["qualifier"]) for r in rows(text, "expulsion_stats")}
    assert found == {
        (38.0, "expelled", "exact"),
        (9.0, "expelled", "exact"),
        (12.0, "expelled", "exact"),
        (14.0, "expelled", "exact"),
        (61.0, "expelled", "exact"),
        (10000.0, "expelled", "at_least"),
    }


def test_a_count_in_words_with_hundreds_and_tens():
    text = (
        "Of the three hundred and fifty-nine expelled at the exchange, most were workers.\n\n"
        "In 1936 twenty-nine communists were expelled.\n"
    )
    assert {v for v, _, _ in figures(text)} == {359.0, 29.0}


def test_small_counts_in_words_as_the_object_of_an_expulsion_or_a_refusal():
    text = (
        "The sawmill gave the worst results: eleven expelled out of seventy-five.\n\n"
        "New documents were refused to forty-seven persons.\n\n"
        "He had two sons and spent three weeks in the raion centre.\n\n"
        "Since the exchange a further forty-odd communists have been expelled.\n"
    )
    assert {v for v, _, _ in figures(text)} == {11.0, 75.0, 47.0, 40.0}


def test_fractions_with_a_numerator_above_one():
    text = (
        "Of the 359 expelled, some three-fifths were workers; two-thirds of the expelled were "
        "under thirty.\n"
    )
    assert {round(v, 1) for v, m, _ in figures(text) if m == "percent"} == {60.0, 66.7}


def test_a_header_over_two_lines_heads_each_column_it_stands_over_abs_and_per_cent():
    text = (
        "Table 2. Composition of the expelled (abs. and per cent of all expelled)\n\n"
        "                      Purge 1933          Verification 1935\n"
        "Social position      abs.       %         abs.        %\n"
        "Workers             1 204    40.0           815     35.5\n"
        "Peasants            1 806    60.0         1 481     64.5\n"
    )
    found = {(r["value"], r["measure"], r["year_start"]) for r in rows(text, "expulsion_stats")}
    assert found == {
        (1204.0, "count", 1933),
        (40.0, "percent", 1933),
        (815.0, "count", 1935),
        (35.5, "percent", 1935),
        (1806.0, "count", 1933),
        (60.0, "percent", 1933),
        (1481.0, "count", 1935),
        (64.5, "percent", 1935),
    }


def test_a_clipped_svodka_under_its_heading():
    text = (
        "I. VERIFICATION OF PARTY DOCUMENTS (V-XII.1935)\n\n"
        "1. Obl. party org. on 1.V.1935: mem. - 11 208; cand. - 1 432.\n"
        "2. Checked - 12 406 (98,1%).\n"
        "3. Excl. - 1 204 (9,7% of checked), of them cand. - 312; transf. to sympath. - 96.\n"
        "4. Reinst. - 74.\n\n"
        "II. KOLKHOZES\n\n"
        "5. Sown - 12 400 ha.\n"
    )
    found = {(r["value"], r["measure"], r["subject"]) for r in rows(text, "expulsion_stats")}
    assert found == {
        (11208.0, "count", "members"),
        (1432.0, "count", "members"),
        (12406.0, "count", "investigated"),
        (98.1, "percent", "investigated"),
        (1204.0, "count", "expelled"),
        (9.7, "percent", "expelled"),
        (312.0, "count", "members"),
        (96.0, "count", "other"),
        (74.0, "count", "other"),
    }


def test_a_clipped_svodkas_breakdown_by_grounds_and_its_exchange_figures():
    text = (
        "I. VERIFICATION OF PARTY DOCUMENTS (1935)\n\n"
        "4. Excl., by grounds:\n"
        "   a) alien and hostile elements (kulaks, traders, clergy) - 388;\n"
        "   b) Trotskyists and Zinovievites - 47.\n\n"
        "IV. EXCHANGE OF PARTY DOCUMENTS (from 1.II.1936)\n\n"
        "11. Subject to exchange on 1.II.1936 - 11 298 (mem. 10 331, cand. 967).\n"
        "12. Exchanged by 1.V.1936 - 10 483 (92,8%); of them p/c issued - 9 611.\n"
    )
    found = {
        (r["value"], r["subject"]) for r in rows(text, "expulsion_stats") if r["measure"] == "count"
    }
    assert found == {
        (388.0, "expelled"),
        (47.0, "expelled"),
        (11298.0, "members"),
        (10331.0, "members"),
        (967.0, "members"),
        (10483.0, "cards_issued"),
        (9611.0, "cards_issued"),
    }


def test_a_clipped_svodkas_raion_lines_under_a_later_section():
    text = (
        "IV. EXCHANGE OF PARTY DOCUMENTS (from 1.II.1936)\n\n"
        "12. Exchanged by 1.V.1936 - 10 483.\n\n"
        "V. EXCHANGE BY RAIONS (selection)\n\n"
        "Krutoyarsky: p/c issued 917; n/e 31;\n"
        "Zaborsky: p/c issued 701; n/e 44, of them excl. 9;\n\n"
        "VI. SOWING\n\n"
        "Krutoyarsky: sown 917 ha.\n"
    )
    found = {(r["value"], r["subject"]) for r in rows(text, "expulsion_stats")}
    assert found == {
        (10483.0, "cards_issued"),
        (917.0, "cards_issued"),
        (31.0, "other"),
        (701.0, "cards_issued"),
        (44.0, "other"),
        (9.0, "expelled"),
    }


def test_membership_that_had_fallen_to_one_figure_from_another():
    text = (
        "By 1 January 1938 party membership had fallen to 1.9 million, from 2.8 million in 1933.\n"
    )
    assert figures(text) == {(1900000.0, "count", "members"), (2800000.0, "count", "members")}


def test_expulsions_from_the_komsomol_a_kolkhoz_a_union_or_an_institute_are_no_party_figures():
    text = (
        "The Komsomol organisation expelled 312 members in 1937.\n"
        "The kolkhoz expelled 14 households as kulaks in 1930.\n"
        "The Writers' Union expelled 12 of its members in 1937.\n"
        "In 1937, 45 students were expelled from the institute as children of kulaks.\n"
        "In 1937 the raikom expelled 96 members from the party.\n"
        "In 1938, 17 students were expelled from the institute and from the party as "
        "Trotskyists.\n"
    )
    assert figures(text) == {(96.0, "count", "expelled"), (17.0, "count", "expelled")}


def test_a_chronicle_by_its_writer_and_a_detention_that_is_no_term():
    text = (
        "A family chronicle by Vera Pavlovna Gorbunova, written in 1984\n\n"
        "In October 1949 I myself was exiled to Kazakhstan by a decision of the Special Board.\n\n"
        "Uncle Fyodor Gorbunov was arrested in April 1938. He was kept in prison for almost "
        "two years, and in March 1940 the tribunal acquitted him.\n"
    )
    assert sentenced(text) == {("Gorbunova", "exile", None)}


def test_a_newspapers_verdict_list_with_commas_appositions_and_a_sentence_named_alone():
    text = (
        "The court pronounced its sentence on the group of wreckers in the Kashin MTS:\n"
        "BELOV, P. I., former director of the MTS – to be shot;\n"
        "MOROZOVA, A. S., bookkeeper – 10 years' deprivation of liberty.\n\n"
        "The court found the former chairman of the kolkhoz, Terentyev, guilty of sabotage and "
        "gave him the supreme measure of punishment.\n\n"
        "The court condemned Smirnov, the former head of the district land department, to "
        "death by shooting, and his deputy Orekhov to ten years of imprisonment.\n\n"
        "The sentence on Golovanov is shooting.\n\n"
        "The sentence for Yudin is eight years in a labour camp.\n"
    )
    assert sentenced(text) == {
        ("Belov", "death", None),
        ("Morozova", "imprisonment", 10.0),
        ("Terentyev", "death", None),
        ("Smirnov", "death", None),
        ("Orekhov", "imprisonment", 10.0),
        ("Golovanov", "death", None),
        ("Yudin", "imprisonment", 8.0),
    }


def test_a_prisoners_memoir_handed_terms_hyphenated_numbers_and_a_place_after_a_post():
    text = (
        "Semyon Belkin had been handed ten years by the OSO for a joke about the Kremlin.\n"
        "Arkady Mironov, the former editor, had received a sentence of twenty-five years.\n"
        "The troika had sentenced Fyodor Lazutin, a collective farmer from Tver, to five years.\n"
    )
    assert sentenced(text) == {
        ("Belkin", "imprisonment", 10.0),
        ("Mironov", "imprisonment", 25.0),
        ("Lazutin", "imprisonment", 5.0),
    }


def test_a_dispatch_with_roles_and_no_articles():
    text = (
        "Smolensk. Former director Sedov and chief engineer Grach were sentenced to be shot, "
        "the foreman Lyakhov to 10 years, the storekeeper Popova to 6 years.\n"
    )
    assert sentenced(text) == {
        ("Sedov", "death", None),
        ("Grach", "death", None),
        ("Lyakhov", "imprisonment", 10.0),
        ("Popova", "imprisonment", 6.0),
    }


def test_trotskyists_unmasked_and_expelled_but_not_an_instructions_item_number():
    text = (
        "In the city of Ostrogorsk alone 31 Trotskyists were unmasked and expelled.\n\n"
        "The kraikom instructs the okrug committees:\n"
        "1. to complete the examination of appeals by 15 February 1936;\n"
        "2. to prepare for the exchange of party documents.\n"
    )
    assert figures(text) == {(31.0, "count", "expelled")}


def test_a_court_report_applies_penalties_to_names_and_a_demand_to_apply_one_is_none():
    text = (
        "In the case of the wrecking group at the textile mill the court applied to the accused "
        "Rodin S. P. and Golubkov A. A. the supreme measure of punishment, and to Bezrukov N. N. "
        "deprivation of liberty for 10 years.\n\n"
        "Under Art. 58-8 the court passed a sentence of death on Lavrov V. I.\n\n"
        "The accused Klimenko P. A. received 8 years ITL; his wife Klimenko O. V. – 5 years ITL.\n\n"
        "Comrade Rybakov asked the court to apply to Hrytsenko and Zakirov the supreme measure "
        "of punishment, to sentence Ozolina to ten years.\n"
    )
    assert sentenced(text) == {
        ("Rodin", "death", None),
        ("Golubkov", "death", None),
        ("Bezrukov", "imprisonment", 10.0),
        ("Lavrov", "death", None),
        ("Klimenko", "imprisonment", 8.0),
        ("Klimenko", "imprisonment", 5.0),
    }


def test_of_them_down_the_side_of_a_table_is_a_part_of_the_row_above():
    text = (
        "Table 6. Verification of party documents in the krai, 1935 (in thousands)\n\n"
        "Category                      Members    Candidates\n"
        "Checked                        48,3        12,1\n"
        "Expelled                        5,2         1,9\n"
        "  of them alien elements        1,1         0,4\n"
    )
    assert figures(text) == {
        (48300.0, "count", "investigated"),
        (12100.0, "count", "investigated"),
        (5200.0, "count", "expelled"),
        (1900.0, "count", "expelled"),
        (1100.0, "count", "expelled"),
        (400.0, "count", "expelled"),
    }


def test_a_troikas_minutes_ruled_determined_parts_between_semicolons_and_mixed_case():
    text = (
        "PROTOCOL No. 7 of the session of the NKVD Troika for the Omsk Oblast of 2 November 1937\n\n"
        "LISTENED: Case No. 311 against KUZNETSOV Ivan Petrovich, born 1889, former kulak.\n"
        "RULED: KUZNETSOV Ivan Petrovich to be shot.\n\n"
        "LISTENED: Case No. 312 against ORLOVA Anna Ivanovna, born 1901.\n"
        "DETERMINED: ORLOVA Anna Ivanovna to be imprisoned in a corrective labour camp for 10 "
        "years.\n\n"
        "HEARD: Case No. 314 against LAPIN I. K. and LAPINA E. S.\n"
        "RESOLVED: LAPIN I. K. - VMN; LAPINA E. S. - 8 years ITL.\n\n"
        "Listened: the case of ZHUKOV, Pavel Semyonovich, born 1895.\n"
        "Resolved: Zhukov P. S. to be shot.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Kuznetsov", "death", None),
        ("Orlova", "imprisonment", 10.0),
        ("Lapin", "death", None),
        ("Lapina", "imprisonment", 8.0),
        ("Zhukov", "death", None),
    }
    assert {r["date"] for r in found} == {"1937-11-02"}


def test_a_protocols_items_right_under_its_title_with_the_decision_on_an_indented_line():
    text = (
        "EXTRACT FROM PROTOCOL No. 45\n"
        "of the session of the Troika of the UNKVD for the Western Oblast\n"
        "of 29 October 1937\n\n"
        "1. ALEKSEEV Grigory Fomich, b. 1880, priest. Charged: agitation (Art. 58-10).\n"
        "   To be shot.\n"
        "2. BORISOVA Klavdia Petrovna, b. 1903. Charged: Art. 58-12.\n"
        "   Imprisonment in ITL for a term of 8 years.\n"
        "3. VASIN Fyodor Ilyich, b. 1895. Charged: Art. 58-7.\n"
        "   Case returned for further investigation.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Alekseev", "death", None),
        ("Borisova", "imprisonment", 8.0),
    }
    assert {r["date"] for r in found} == {"1937-10-29"}


def test_a_protocol_items_earlier_sentence_is_not_the_protocols_verdict():
    text = (
        "EXTRACT FROM PROTOCOL No. 12\n"
        "of the session of the Troika of the UNKVD\n"
        "of 29.X.37\n\n"
        "1. IVANOV Pyotr Semyonovich, b. 1890, priest.\n"
        "   To be shot.\n"
        "2. KOZLOV Anton Ilyich, b. 1901, kolkhoznik.\n"
        "   Previously sentenced in 1930 by the OGPU troika to 5 years.\n"
        "   Case to be sent for further investigation.\n"
    )
    found = {
        (r["surname"], r["penalty"], r["term_years"], r.get("date"))
        for r in rows(text, "sentences")
    }
    assert ("Ivanov", "death", None, "1937-10-29") in found
    assert ("Kozlov", "imprisonment", 5.0, "1937-10-29") not in found


def test_a_text_with_crlf_line_endings_gives_the_rows_of_its_lf_twin():
    text = (
        "EXTRACT FROM PROTOCOL No. 12\n"
        "of the session of the Troika of the UNKVD\n"
        "of 29.X.37\n\n"
        "1. IVANOV Pyotr Semyonovich, b. 1890, priest.\n"
        "   To be shot.\n"
        "2. KOZLOV Anton Ilyich, b. 1901, kolkhoznik, to be\n"
        "   imprisoned in a camp for 8 years.\n\n"
        "Table 2. Expelled from the party in 1935\n\n"
        "| Raion    | Expelled |\n"
        "|----------|----------|\n"
        "| Ostrov   |      212 |\n"
        "| Lugovoy  |       97 |\n"
    )
    lf = {(r["line"], r["surname"], r["penalty"], r["term_years"]) for r in rows(text, "sentences")}
    assert {row[1:] for row in lf} == {("Ivanov", "death", None), ("Kozlov", "imprisonment", 8.0)}
    crlf = text.replace("\n", "\r\n")
    assert {
        (r["line"], r["surname"], r["penalty"], r["term_years"]) for r in rows(crlf, "sentences")
    } == lf
    assert {(r["line"], r["value"]) for r in rows(crlf, "expulsion_stats")} == {
        (14, 212.0),
        (15, 97.0),
    }


def test_a_protocols_long_items_an_earlier_case_an_accusation_of_rumours_and_a_dated_line():
    text = (
        "                               PROTOCOL No. 47\n"
        "          of the session of the Troika of the UNKVD for Ostrogorsk Oblast\n\n"
        "29.X.37                                                          town of Ostrogorsk\n\n"
        "Having examined the materials of the raion branches, the Troika resolved:\n\n"
        "1. KOROBEINIKOV Stepan Lukich, born 1889, previously convicted in 1931 by the troika of "
        "the PP OGPU to 3 years of exile in the North, a watchman, charged with agitation, TO BE "
        "SHOT. Personal property to be confiscated.\n"
        "2. GALUSHKINA Matryona Efimovna, born 1896, not previously convicted, charged with "
        "spreading provocative rumours of a coming famine, to be confined in a corrective-labour "
        "camp for a term of TEN years.\n"
    )
    found = rows(text, "sentences")
    assert ("Korobeinikov", "death", None, "1937-10-29") in {
        (r["surname"], r["penalty"], r["term_years"], r.get("date")) for r in found
    }
    assert ("Galushkina", "imprisonment", 10.0, "1937-10-29") in {
        (r["surname"], r["penalty"], r["term_years"], r.get("date")) for r in found
    }
    assert {r["surname"] for r in found} == {"Korobeinikov", "Galushkina"}


def test_a_heard_and_decided_protocol_set_as_a_grid_and_a_decision_that_names_nobody():
    text = (
        "PROTOCOL No. 112 of the session of the Troika of the UNKVD of 14/XII-1937\n\n"
        "+--------------------------------------+------------------------------+\n"
        "| HEARD                                | DECIDED                      |\n"
        "+======================================+==============================+\n"
        "| 1. Case No. 4410. PASTUKHOV Yakov    | PASTUKHOV Yakov Ilyich TO BE |\n"
        "| Ilyich, b. 1901, a stoker.           | SHOT.                        |\n"
        "+--------------------------------------+------------------------------+\n"
        "| 2. Case No. 4422 of the RO NKVD.     | To be shot. Property to be   |\n"
        "| KHAZIEV Gabdulla Shakirovich, b. 1887| confiscated.                 |\n"
        "+--------------------------------------+------------------------------+\n"
        "| 3. Case No. 4430. SOLODILOV Trofim   | SOLODILOV T. E. - to a camp  |\n"
        "| Egorovich, b. 1915, a cart driver.   | for 8 (eight) years.         |\n"
        "+--------------------------------------+------------------------------+\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"], r["date"]) for r in found} == {
        ("Pastukhov", "death", None, "1937-12-14"),
        ("Khaziev", "death", None, "1937-12-14"),
        ("Solodilov", "imprisonment", 8.0, "1937-12-14"),
    }


def test_a_protocols_decisions_by_item_number_after_its_list_of_cases():
    text = (
        "PROTOCOL No. 9\n"
        "of the session of the Troika of the UNKVD for Ostrogorsk Oblast\n"
        "17 February 1938\n\n"
        "HEARD: the cases submitted by the 3rd department of the UGB UNKVD.\n\n"
        "1. ZAVYALOV Kuzma Ignatyevich, born 1893, head of the raion land department.\n"
        "2. LAPSHINA Evdokiya Semyonovna, born 1905, typist.\n"
        "3. ERMOLAEV Dementy Lukyanovich, born 1908, groom at the stud farm.\n"
        "4. SALIKHOV Rashit Gareevich, born 1912, a fitter. Did not confess.\n\n"
        "DECIDED:\n"
        "Under items 1 and 3 - to be shot. Personal property to be confiscated.\n"
        "Under item 2 - to be confined in a corrective-labour camp for a term of 10 (ten)\n"
        "years.\n"
        "Under item 4 - the case to be returned for further investigation.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"], r["date"]) for r in found} == {
        ("Zavyalov", "death", None, "1938-02-17"),
        ("Ermolaev", "death", None, "1938-02-17"),
        ("Lapshina", "imprisonment", 10.0, "1938-02-17"),
    }


def test_all_but_two_keep_their_own_clause_and_death_and_years_respectively():
    text = (
        "The accused in the case were Orlov, Belov, Sergeev, Kuzmina and Tikhonov.\n"
        "All but two of the accused were sentenced to be shot; Kuzmina and Tikhonov received "
        "ten years each.\n\n"
        "Zotov and Krylov were sentenced to death and eight years respectively.\n"
    )
    assert sentenced(text) == {
        ("Orlov", "death", None),
        ("Belov", "death", None),
        ("Sergeev", "death", None),
        ("Kuzmina", "imprisonment", 10.0),
        ("Tikhonov", "imprisonment", 10.0),
        ("Zotov", "death", None),
        ("Krylov", "imprisonment", 8.0),
    }


def test_n_of_the_accused_minus_the_one_sentenced_after_the_semicolon():
    text = (
        "In the dock were Antonov, Burov, Vlasov and Gromova.\n"
        "Three of the four accused were sentenced to death; Gromova was sentenced to eight "
        "years.\n"
    )
    assert sentenced(text) == {
        ("Antonov", "death", None),
        ("Burov", "death", None),
        ("Vlasov", "death", None),
        ("Gromova", "imprisonment", 8.0),
    }


def test_dictionary_entries_with_a_birth_year_only_a_body_and_a_dash_and_a_term_after_a_comma():
    text = (
        "KRAUSE, Margarethe (b. 1904). German communist, emigrated 1933. Arrested 1938; OSO – 5 "
        "years ITL.\n\n"
        "Petrovsky, S. A. (1888–?). Engineer. Convicted 1930 (Industrial Party), 10 years. "
        "Further fate unknown.\n"
    )
    assert sentenced(text) == {("Krause", "imprisonment", 5.0), ("Petrovsky", "imprisonment", 10.0)}


def test_a_date_right_before_its_clauses_verdict_verb_dates_it():
    text = (
        "Marshal Kurganov was arrested on 2 February 1938; on 22 February 1938 the Military "
        "Collegium sentenced him to death, and he was shot the same night.\n\n"
        "Levitin was arrested in 1939 as a participant in a conspiracy and on 7 July 1941 was "
        "condemned by the Military Collegium to death.\n\n"
        "Zhikharev was exposed in May; on 2 October 1935 the krai court sentenced Zhikharev to "
        "three years' imprisonment.\n"
    )
    found = {(r["surname"], r["date"], r["sentencing_body"]) for r in rows(text, "sentences")}
    assert found == {
        ("Kurganov", "1938-02-22", "Military Collegium"),
        ("Levitin", "1941-07-07", "Military Collegium"),
        ("Zhikharev", "1935-10-02", "krai court"),
    }


def test_a_verdict_told_in_a_heard_item_is_not_the_protocols_preamble():
    text = (
        "EXTRACT FROM PROTOCOL No. 112\n"
        "of the session of the Troika of the UNKVD for the Verkhnedonsk oblast, 14 October 1937\n\n"
        "4. HEARD: Case No. 4488 against SHARAFUTDINOVA Zagida Minnullovna, b. 1902,\n"
        "wife of SHARAFUTDINOV Rauf, whom the Military Collegium sentenced in June 1937 to the "
        "supreme measure of punishment.\n"
        "DECIDED: SHARAFUTDINOVA Zagida Minnullovna to be confined in a corrective labour camp "
        "for a term of 8 years.\n"
    )
    found = rows(text, "sentences")
    assert sorted(
        (r["surname"], r["term_years"], r["date"], r["sentencing_body"]) for r in found
    ) == [
        ("Sharafutdinov", None, "1937-06", "Military Collegium"),  # the husband's, told
        ("Sharafutdinova", 8.0, "1937-10-14", "Troika"),
    ]


def test_a_memoirs_list_of_fellow_prisoners_slang_terms_and_a_decision_read_from_a_slip():
    text = (
        'On 19 February 1938 a sergeant read from a slip of paper: "Zaretsky, Lev Ilyich, by '
        "decision of the Special Board of the NKVD, for counter-revolutionary agitation, five "
        'years of corrective labour camps."\n\n'
        "The elder of the cell was Arkady Semyonovich Pirogov, once the chief engineer.\n"
        "He had a tenner under 58-7, wrecking.\n\n"
        "In the corner by the latrine bucket lay Ivan Kuzmich Dyomin, a carpenter.\n"
        "In October 1937 the troika had given him ten years.\n\n"
        "Krapivina got two and a half years from the people's court.\n\n"
        "Pirogov, Arkady Semyonovich: Military Collegium, 1937, ten years. Died 1942.\n"
        "Yelagin, Vadim Petrovich: tribunal of the Kiev Military District, 1938, death.\n"
        "Samsonov, Georgy: six years, then ten more from the camp tribunal, 1942.\n"
        "Loginov, Pyotr Avdeyevich (Petya the Stoker): five years; then, in 1949, a quarter.\n"
        "Krapivina, Zinaida: people's court, a year and a half.\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Zaretsky", "imprisonment", 5.0),
        ("Pirogov", "imprisonment", 10.0),
        ("Dyomin", "imprisonment", 10.0),
        ("Krapivina", "imprisonment", 2.5),
        ("Yelagin", "death", None),
        ("Samsonov", "imprisonment", 6.0),
        ("Samsonov", "imprisonment", 10.0),
        ("Loginov", "imprisonment", 5.0),
        ("Loginov", "imprisonment", 25.0),
        ("Krapivina", "imprisonment", 1.5),
    }
    dated = {(r["surname"], r["date"], r["sentencing_body"]) for r in found if r["line"] >= 11}
    assert ("Pirogov", "1937", "Military Collegium") in dated
    # the tenner (told on line 4 of the man named on line 3) is a row of its own, not hidden
    # by the list's ten years (line 11)
    assert sorted(r["line"] for r in found if r["surname"] == "Pirogov") == [3, 11]


def test_certificates_a_line_broken_after_a_comma_and_a_decision_with_its_body_and_date_first():
    text = (
        "SPRAVKA\n"
        "Issued to citizen Gorbunova Yevdokia Savvichna, village of Borki, 30 August 1957.\n"
        "Gorbunova Yevdokia Savvichna, born 1911, collective farmer of the Put' k Sotsializmu "
        "collective farm, native of the village of Borki, whose brother was a kolkhoz chairman "
        "in the raion from 1930 to 1936,\n"
        "was convicted on 27.12.1937 by the Ozyorsk oblast court under article 58-10, part 1, "
        "to 2 years 6 months' deprivation of liberty.\n\n"
        "By the decision of the troika of the UNKVD for Ozyorsk oblast of 14.03.1938 Rudnev "
        "Semyon Lukich was sentenced to VMN - shooting.\n\n"
        "You were sentenced by the Special Board on 2 April 1939 to 5 years ITL.\n"
    )
    assert sentenced(text) == {
        ("Gorbunova", "imprisonment", 2.5),
        ("Rudnev", "death", None),
        ("Gorbunova", "imprisonment", 5.0),  # "You": the certificate's addressee
    }


def test_a_newspapers_verdicts_with_names_in_capitals_fronted_and_after_a_quoted_kolkhoz():
    text = (
        "Taking into account his full confession, the court gave DEMIDOV five years.\n\n"
        "To VOROBYOV the court applied the supreme measure of social defence - shooting.\n\n"
        'The former chairman of the kolkhoz "Put’ Lenina" ZIMIN was condemned to exile in '
        "remote localities for a term of five years.\n\n"
        "The people's court has sentenced the kolkhoz storeman I. K. BORTNIK, who stole 12 "
        "centners of grain, to 6 years' deprivation of liberty.\n"
    )
    assert sentenced(text) == {
        ("Demidov", "imprisonment", 5.0),
        ("Vorobyov", "death", None),
        ("Zimin", "exile", 5.0),
        ("Bortnik", "imprisonment", 6.0),
    }


def test_a_certificates_you_is_the_person_it_is_issued_to_by_inference():
    text = (
        "SPRAVKA\n"
        "Issued to citizen Danilova Maria Konstantinovna, born 1906, Karaganda.\n"
        "You were sentenced by the Special Board at the NKVD of the USSR on 2 April 1939 as a "
        "member of the family of a traitor to the motherland to 5 years ITL.\n"
        "On 17 May 1949 you were again sentenced by the Special Board at the MGB of the USSR, "
        "as a former convict, to exile for settlement in Karaganda oblast.\n\n"
        "Letter 4. Anna Voronova to her sister\n\n"
        "Yesterday I was told that I am to be exiled for five years.\n\n"
        "Letter 5. From the camp, May 1939\n\n"
        "I got eight years, not ten as you were told. Your Misha\n"
    )
    found = rows(text, "sentences")
    assert {(r["surname"], r["penalty"], r["term_years"], r["inference_rule"]) for r in found} == {
        ("Danilova", "imprisonment", 5.0, "addressee"),
        ("Danilova", "exile", None, "addressee"),
        ("Voronova", "exile", 5.0, "writer"),
    }


def test_a_newspapers_headline_in_capitals_sentences_by_name():
    text = (
        "THE ENEMIES OF THE KOLKHOZ PEASANTRY KOZLOV AND RYABOV SENTENCED TO BE SHOT\n"
        "THE VERDICT OF THE SOVIET COURT IS THE VERDICT OF THE WHOLE PEOPLE\n\n"
        "WRECKERS OF THE ZARYA MTS SENTENCED\n\n"
        "The trial lasted three days.\n"
    )
    assert sentenced(text) == {("Kozlov", "death", None), ("Ryabov", "death", None)}


def test_a_protocol_in_capitals_reads_surname_given_and_patronymic_as_one_person():
    text = (
        "EXTRACT FROM PROTOCOL NO. 12 OF THE SESSION OF THE TROIKA OF THE UNKVD\n\n"
        "HEARD: CASE OF IVANOV PYOTR SEMYONOVICH, B. 1890, PRIEST.\n"
        "RESOLVED: IVANOV PYOTR SEMYONOVICH TO BE SHOT.\n"
    )
    found = rows(text, "sentences")
    assert [(r["line"], r["surname"], r["penalty"]) for r in found] == [(4, "Ivanov", "death")]


def test_a_verdict_typed_in_capitals_without_stop_and_a_tenure_in_capitals():
    text = (
        "VERDICT. THE MILITARY TRIBUNAL OF THE SIBERIAN MILITARY DISTRICT SENTENCED: LOMOV PAVEL\n"
        "ANDREEVICH TO THE SUPREME MEASURE OF PUNISHMENT - SHOOTING; KISELEV IVAN TO 10 YEARS "
        "ITL.\n\n"
        "KOSTIN TEN YEARS AT THE HEAD OF THE KOLKHOZ: SENTENCE OF HONOUR\n"
    )
    assert sentenced(text) == {("Lomov", "death", None), ("Kiselev", "imprisonment", 10.0)}


def test_a_slogan_in_capitals_is_no_entrys_person():
    text = (
        "WORKERS OF ALL COUNTRIES, UNITE!\n\n"
        "The chief organizer was N. P. VOROBYOV. It was he who shielded the wrecker PAKHOMOV, "
        "sentenced by the Oblast Court in 1936 to eight years.\n"
    )
    assert sentenced(text) == {("Pakhomov", "imprisonment", 8.0)}


def test_half_of_a_bodys_personnel_is_no_party_figure_but_employees_among_the_expelled_are():
    text = (
        "The NKVD was purged next, with half of its personnel replaced by loyalists.\n\n"
        "Among the 860 expelled in 1933 there were 388 workers, 296 peasants and 176 employees "
        "and others.\n"
    )
    assert {v for v, _, _ in figures(text)} == {860.0, 388.0, 296.0, 176.0}


def test_a_protocols_date_typed_with_a_stroke_and_a_dash():
    text = (
        "PROTOCOL No. 33\n"
        "of the session of the troika of the UNKVD for the Kursk oblast\n"
        "of 29/X-1937\n\n"
        "1. GOLUBEV Ivan Sergeevich, born 1884, native of the village of Kromy, former trader. "
        "TO BE SHOT. Personal property to be confiscated.\n"
    )
    found = rows(text, "sentences")
    assert [(r["surname"], r["penalty"], r["date"]) for r in found] == [
        ("Golubev", "death", "1937-10-29")
    ]


def test_a_date_with_a_roman_month_and_a_two_digit_year():
    text = (
        "EXTRACT FROM PROTOCOL No. 45\n"
        "of the session of the Troika of the UNKVD for the Western Oblast\n"
        "of 29.X.37\n\n"
        "RESOLVED: ALEKSEEV Grigory Fomich to be shot.\n\n"
        "Orlov was sentenced under Art. 58.10.37 to ten years.\n"
    )
    assert sorted((r["surname"], r.get("date")) for r in rows(text, "sentences")) == [
        ("Alekseev", "1937-10-29"),
        ("Orlov", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Cellmates:\n\nIvanov, Pyotr: a quiet man, he had served in the Civil War, ten years in "
        "the army.\nBerg, Otto: he told us of his trial, where the prosecutor demanded death; it "
        "never came.\nPetrov, Ivan: a fiver in his pocket, he bribed the guard.\nZaitsev, Oleg: "
        "five years of study at the institute, then ten years as a teacher.\n",
        "Contents:\n\nVolkov, Semyon: Notes on the prison regime; the death of Gorky, 1936.\n",
        "The same rules applied to Zaitsev as to the others: ten years of camps were the norm.\n",
        "Our teacher was Anna Petrovna Sokolova. She had a fiver in her purse and gave it away.\n",
        "In 1937 Orlov rented a corner from a widow in Karaganda for a fiver a month.\n",
    ],
)
def test_lines_of_names_and_colons_rules_and_slang_that_tell_no_verdict(text: str):
    assert sentenced(text) == set()


def test_a_resolutions_part_without_a_name_runs_on_and_a_later_part_keeps_its_own_date():
    text = (
        "EXTRACT FROM PROTOCOL No. 45 of the Special Board of the NKVD of 14.IX.1937\n\n"
        "RESOLVED: Ivanov Pyotr Semyonovich, for counter-revolutionary agitation; to confine in "
        "a corrective labour camp for a term of 8 years.\n\n"
        "RESOLVED: Sokolova Anna Petrovna to exile to Kazakhstan for 5 years; Sokolov Ivan "
        "Petrovich, her husband, was sentenced to be shot on 10.X.1937.\n\n"
        "Orlov was sentenced to ten years six months after his arrest.\n"
    )
    found = {
        (r["surname"], r["penalty"], r["term_years"], r.get("date"))
        for r in rows(text, "sentences")
    }
    assert found == {
        ("Ivanov", "imprisonment", 8.0, "1937-09-14"),
        ("Sokolova", "exile", 5.0, "1937-09-14"),
        ("Sokolov", "death", None, "1937-10-10"),
        ("Orlov", "imprisonment", 10.0, None),
    }


def test_a_verdicts_decision_ends_with_its_sentence_and_a_glossed_term_may_open_a_line():
    text = (
        "in closed court session in the town of Verkhnedvinsk on 3 March 1938 heard the case of\n"
        "SAMOILOV Yakov Petrovich and KRUGLOV Ilya Nikitich, under Article 58-7 of the Criminal\n"
        "Code of the RSFSR, and on the basis of the above the Special Collegium\n"
        "                                 SENTENCED:\n"
        "SAMOILOV Yakov Petrovich to the supreme measure of criminal punishment - shooting;\n"
        "KRUGLOV Ilya Nikitich to deprivation of liberty in corrective labour camps for a term of seven\n"
        "(7) years, with disenfranchisement for three years. The sentence is final.\n"
        "The sentence in respect of SAMOILOV is to be executed at once.\n"
        "CERTIFICATE. The sentence of shooting in respect of SAMOILOV Ya. P. was carried out\n"
        "on 5 March 1938. Act kept in the special archive of the NKVD.\n"
    )
    assert sentenced(text) == {("Samoilov", "death", None), ("Kruglov", "imprisonment", 7.0)}


def test_a_verdict_without_a_date_of_its_own_takes_the_session_date_its_preamble_states():
    text = (
        "                                  VERDICT\n"
        "The Military Tribunal of the Volga Military District, composed of: presiding military\n"
        "jurist A. N. Ryzhov, members Fomin and Glazkov, secretary Utkin, in closed court\n"
        "session in the city of Syzran on\n"
        "9 June 1938 heard the case of the charge of ZAVYALOV Timofei Ilyich, born 1890,\n"
        "previously convicted in 1931 by the OGPU troika to five years of exile.\n"
        "The procurator's demand: the supreme measure of punishment.\n"
        "                                 SENTENCED:\n"
        "ZAVYALOV Timofei Ilyich to deprivation of liberty for a term of eight years.\n"
        "\n"
        "                                  VERDICT\n"
        "1938, July 2nd, the Special Collegium of the Kuibyshev Oblast Court, in open session\n"
        "in the town of Buguruslan, heard the case of LAPIN Gavriil Osipovich, born 1902.\n"
        "                                 SENTENCED:\n"
        "LAPIN Gavriil Osipovich to exile for a term of three years.\n"
    )
    found = {
        (r["surname"], r["penalty"], r["term_years"], r.get("date"))
        for r in rows(text, "sentences")
    }
    assert {
        ("Zavyalov", "imprisonment", 8.0, "1938-06-09"),
        ("Lapin", "exile", 3.0, "1938-07-02"),
    } <= found
    # the earlier case the preamble tells is a claim of its own, not dated by this session
    assert ("Zavyalov", "exile", 5.0, "1938-06-09") not in found


def test_a_verdict_of_a_body_no_rule_knows_takes_the_date_of_its_session():
    text = (
        "On 4 February 1937 the Water Transport Court of the Kama Basin, in a session at Sarapul\n"
        "pier, presiding Lomov, examined the case of the sinking of the barge No. 44 in which the\n"
        "cargo of 900 tonnes of salt was lost and the river traffic stopped for two full days.\n"
        "\n"
        "Guided by arts. 319 and 320 of the UPK of the RSFSR, the court sentenced the defendants:\n"
        "(1) BUROV Platon Savelyevich, captain of the tug - to 5 (five) years of deprivation of\n"
        "liberty;\n"
        "(2) KLESHCHEV Andrei Ilyich, pilot - to 2 (two) years of deprivation of liberty.\n"
    )
    found = {
        (r["surname"], r["penalty"], r["term_years"], r.get("date"))
        for r in rows(text, "sentences")
    }
    assert found == {
        ("Burov", "imprisonment", 5.0, "1937-02-04"),
        ("Kleshchev", "imprisonment", 2.0, "1937-02-04"),
    }


def test_a_term_whose_number_is_written_out_after_it_is_no_count_of_members():
    text = (
        "In 1937 the raikom expelled 48 members from the party. The oblast court reduced the\n"
        "measure of punishment for the expelled Zotov to 7 (seven) years of deprivation of\n"
        "liberty, and for Grishin to 4 (four) years.\n"
    )
    assert {(value, measure) for value, measure, _ in figures(text)} == {(48.0, "count")}


@pytest.mark.parametrize("heading", ["the Special Collegium has SENTENCED:", "SENTENCED:"])
def test_a_verdicts_line_may_open_with_the_accused_before_the_name(heading: str):
    text = (
        f"{heading}\n"
        "LEVCHENKO Matvei Osipovich - under Art. 58-10 to 6 (six) years of deprivation of liberty.\n"
        "The accused Rudakova M.F., taking into account her age, to 2 (two) years of exile.\n"
    )
    assert sentenced(text) == {("Levchenko", "imprisonment", 6.0), ("Rudakova", "exile", 2.0)}


def test_an_items_name_may_put_the_surname_in_capitals_after_given_name_and_patronymic():
    text = (
        "The following were sentenced:\n"
        "1. Yevgeny Lavrentyevich SOSNIN, born 1893, carter - to be shot;\n"
        "2. Klavdiya Ivanovna MERKULOVA, born 1908, teacher - to 5 years of exile.\n"
    )
    found = {(r["surname"], r["given"], r["penalty"]) for r in rows(text, "sentences")}
    assert found == {
        ("Sosnin", "Yevgeny Lavrentyevich", "death"),
        ("Merkulova", "Klavdiya Ivanovna", "exile"),
    }


@pytest.mark.parametrize(
    "ruling, expected",
    [
        (
            "to reduce the measure of punishment for LOSEV Pyotr Ivanovich to 4 (four) years of "
            "deprivation of liberty; the verdict in respect of GORIN, sentenced to shooting, to "
            "be left unchanged.",
            {("Losev", "imprisonment", 4.0), ("Gorin", "death", None)},
        ),
        (
            "to commute the sentence of Losev P. I. to exile for a term of three years.",
            {("Losev", "exile", 3.0)},
        ),
    ],
)
def test_a_cassation_ruling_that_reduces_a_named_persons_punishment(ruling: str, expected: set):
    text = (
        "The Judicial Collegium for Criminal Cases of the Supreme Court of the RSFSR, having "
        "heard the cassation appeals, DETERMINED: " + ruling + "\n"
    )
    assert sentenced(text) == expected


@pytest.mark.parametrize("subject", ["The accused KOZLITIN", "The defendant Kozlitin"])
def test_an_earlier_conviction_told_of_a_titled_surname_is_a_claim_of_its_own(subject: str):
    text = (
        f"{subject}, previously convicted in 1932 by the troika of the PP OGPU to 3 years of "
        "exile, after serving his term returned to Lipetsk.\n"
    )
    assert sentenced(text) == {("Kozlitin", "exile", 3.0)}


def test_an_earlier_conviction_recited_after_a_colon_on_the_next_line():
    text = (
        "in closed court session in the town of Kirov on 5 May 1938 heard the case of the charge of:\n"
        "1. SEVRYUGIN Kuzma Petrovich, born 1890, former storekeeper of the flax works, previously convicted:\n"
        "   in 1930 by the troika of the PP OGPU under Article 58-10 to five years of exile;\n"
        "2. ZUYEVA Anna Ilyinichna, born 1905, former typist of the same works, not previously convicted,\n"
        "both of crimes under Articles 58-7 and 58-11 of the Criminal Code of the RSFSR.\n"
    )
    assert sentenced(text) == {("Sevryugin", "exile", 5.0)}


@pytest.mark.parametrize(
    "relative, expected",
    [
        ("brother-in-law Karasev", {("Karasev", "imprisonment", 3.0)}),
        ("brother-in-law, Karasev,", {("Karasev", "imprisonment", 3.0)}),
        ("wife,", set()),
    ],
)
def test_the_case_of_one_persons_relative_is_the_relatives(relative: str, expected: set):
    text = (
        f"On 9 June 1938 the court heard the case of Ryndin's {relative} previously "
        "convicted on 3 May 1929 by the Collegium of the OGPU to 3 years ITL.\n"
    )
    assert sentenced(text) == expected


def test_a_verdict_told_with_a_year_alone_is_dated_by_that_year_unless_two_verdicts_share_it():
    text = (
        "In 1931 Ryndin was sentenced by the OGPU troika to five years of exile.\n\n"
        "On 9 June 1938 the court heard the case of Karasev, previously convicted in 1929 by the "
        "Collegium of the OGPU to 3 years ITL.\n\n"
        "Shirokov, who had been sentenced in 1908 by the Vilna Judicial Chamber to four years of "
        "exile, was sentenced to the supreme measure of punishment.\n"
    )
    found = {(r["surname"], r["penalty"], r.get("date")) for r in rows(text, "sentences")}
    assert ("Ryndin", "exile", "1931") in found
    assert ("Karasev", "imprisonment", "1929") in found
    assert ("Shirokov", "death", None) in found


def test_a_subject_with_its_given_name_gives_one_row_not_one_per_reading():
    text = "Ivan Zhilin received two years in a labour colony.\n"
    found = [
        (r["surname"], r["given"], r["penalty"], r["term_years"]) for r in rows(text, "sentences")
    ]
    assert found == [("Zhilin", "Ivan", "imprisonment", 2.0)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lidiya FROLOVA was sentenced to three years.", {("Frolova", "Lidiya", 3.0)}),
        ("The court sentenced Lidiya FROLOVA to three years.", {("Frolova", "Lidiya", 3.0)}),
        (
            "The brothers Matvei and Kuzma ZHILIN were sentenced to two years each.",
            {("Zhilin", "Matvei", 2.0), ("Zhilin", "Kuzma", 2.0)},
        ),
    ],
)
def test_a_given_name_before_a_surname_in_capitals_as_newspapers_set_it(text: str, expected: set):
    assert {
        (r["surname"], r["given"], r["term_years"]) for r in rows(text, "sentences")
    } == expected


def test_a_clipped_summary_line_ends_its_counts_with_their_total():
    text = (
        "I. VERIFICATION OF PARTY DOCUMENTS (V-XII.1935)\n\n"
        "1. Gor. party org. on 1.VI.1935: mem. - 4 310; cand. - 702; total - 5 012. PPO - 311.\n"
    )
    assert figures(text) == {  # (not the 311 primary organisations)
        (4310.0, "count", "members"),
        (702.0, "count", "members"),
        (5012.0, "count", "members"),
    }


def test_a_tables_cells_may_hold_a_count_and_its_share_after_a_stroke_or_with_a_note_mark():
    text = (
        "Table 4. Verification of party documents by raions (as at 1.XII.1935)\n\n"
        "| Raion      | On the register | Verified | Expelled (% of verified) | Appeals / % of expelled |\n"
        "|------------|------|------|-----------|-----------|\n"
        "| Kamensky   | 1 240 | 1 200 | 96 (8,0%)   | 12 / 12.5% |\n"
        "| Total      | 3 010 | 2 900 | 301* (10,4%) | 40 / 13.3% |\n\n"
        "* With 11 expelled before the commission came.\n"
    )
    found = {(v, m, s) for v, m, s in figures(text)}
    assert {
        (1240.0, "count", "members"),
        (1200.0, "count", "investigated"),
        (96.0, "count", "expelled"),
        (8.0, "percent", "expelled"),
        (12.0, "count", "other"),
        (12.5, "percent", "other"),
        (3010.0, "count", "members"),
        (301.0, "count", "expelled"),
        (10.4, "percent", "expelled"),
        (40.0, "count", "other"),
        (13.3, "percent", "other"),
    } <= found
    assert (12.0, "percent", "expelled") not in found and (40.0, "percent", "other") not in found


def test_an_aligned_table_with_a_wrapped_long_label_a_none_row_and_count_dash_share_cells():
    text = (
        "Table 5. Expelled in the course of the exchange, by reasons, 1936\n"
        "                                                              Expelled\n"
        "   Reason for expulsion                                   number - % of all\n"
        "   -------------------------------------------------------------------------\n"
        "   Alien and hostile elements (kulaks, former traders,\n"
        "     priests and their relatives)                               94-36%\n"
        "   Trotskyists, Zinovievists and other double-dealers           -\n"
        "   Passive, having lost contact with the party                 166-64%\n"
        "   -------------------------------------------------------------------------\n"
        "   Total                                                       260-100%\n"
    )
    assert figures(text) == {
        (94.0, "count", "expelled"),
        (36.0, "percent", "expelled"),
        (166.0, "count", "expelled"),
        (64.0, "percent", "expelled"),
        (260.0, "count", "expelled"),
        (100.0, "percent", "expelled"),
    }


def test_a_part_row_under_a_place_is_a_place_within_it_or_a_part_of_its_figures():
    text = (
        "Table 1. Results of the exchange of party documents by raions, 1936\n\n"
        "Raion                Members      Checked     Expelled\n"
        "Krai, total           24 310       23 906        1 842\n"
        "  incl. Belsky raion   3 104        3 050          240\n"
        "  incl. candidates     4 020        3 990          310\n"
        "  of them kulaks           -            -          161\n"
        "  incl. Mensky         1 204        1 190           96\n"
    )
    places = {r["value"]: r["geography"] for r in rows(text, "expulsion_stats")}
    assert places[3104.0] == "Belsky raion" and places[240.0] == "Belsky raion"
    assert places[4020.0] == places[1842.0] == places[161.0] == "Krai, total"
    assert places[1204.0] == "Krai, total"  # (a part without a region's word: within the krai)


def test_a_line_that_goes_on_with_the_accused_in_lowercase_is_no_decision_of_its_own():
    text = (
        "                                 SENTENCED:\n"
        "ROGOV Semyon Fyodorovich, who together with the former storekeeper and\n"
        "the accused BELKIN P. S. stole the seed grain, to 6 (six) years of deprivation of liberty;\n"
        "The accused Belkin P. S., taking into account his youth, to 2 (two) years of exile.\n"
    )
    assert sentenced(text) == {("Rogov", "imprisonment", 6.0), ("Belkin", "exile", 2.0)}


@pytest.mark.parametrize(
    "text",
    [
        "Lebedkin was sentenced to eight years of ITL and rehabilitated in 1958.",
        "Lebedkin was sentenced to eight years of camps and died in the Kolyma in 1941.",
        "In 1919 Lebedkin was arrested and later sentenced to eight years of camps.",
        "Lebedkin was convicted in 1930 to three years of exile and in 1934 to eight years.",
    ],
)
def test_a_year_alone_of_another_event_or_of_two_verdicts_dates_no_verdict(text: str):
    assert {r.get("date") for r in rows(text + "\n", "sentences")} == {None}


def test_a_date_in_what_the_court_found_is_not_the_session_that_sentenced():
    text = (
        "                                  VERDICT\n"
        "The Special Collegium of the Oryol Oblast Court, composed of the presiding Gusev,\n"
        "members Pyatov and Lomova, in closed court session in the town of Livny,\n"
        "heard the case of DROZDOV Kirill Petrovich, born 1899, charged under Article 58-10.\n"
        "                                 ESTABLISHED:\n"
        "DROZDOV, at a session of the village soviet on 2 April 1937, spoke against the loan.\n"
        "                                 SENTENCED:\n"
        "DROZDOV Kirill Petrovich to deprivation of liberty for a term of 5 (five) years.\n"
        "\n"
        "The Military Tribunal of the Volga Military District heard the case of SHUVALOV I. P.\n"
        "in closed session on 3 and 4 June 1938.\n"
        "                                 SENTENCED:\n"
        "SHUVALOV Ivan Pavlovich to the supreme measure of punishment - shooting.\n"
    )
    found = {(r["surname"], r.get("date")) for r in rows(text, "sentences")}
    assert found == {("Drozdov", None), ("Shuvalov", "1938-06-04")}


@pytest.mark.parametrize(
    "decision, expected",
    [
        (
            "RESOLVED: GUSKOV Timofei Ilyich to be confined in a corrective labour camp. "
            "Term - 6 (six) years, counting from 4.XI.1937.",
            {("Guskov", "imprisonment", 6.0)},
        ),
        (
            "RESOLVED: GUSKOV Timofei Ilyich to be exiled. Exile to be served in the Narym "
            "Krai for a term of 4 (four) years.",
            {("Guskov", "exile", 4.0)},
        ),
    ],
)
def test_a_resolutions_term_may_follow_in_the_sentence_after_its_penalty(decision, expected):
    text = (
        "EXTRACT FROM PROTOCOL No. 12 of the session of the troika of the UNKVD for the "
        "Chelyabinsk Oblast of 9 November 1937\n"
        "HEARD: the case of GUSKOV Timofei Ilyich, born 1890, former trader.\n"
        f"{decision}\n"
    )
    assert sentenced(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The procurator protested the verdict and asked to reduce the measure of punishment "
            "for ZOTOV Pavel Ilyich to 3 (three) years of deprivation of liberty.",
            set(),
        ),
        (
            "On the protest of the procurator the Supreme Court reduced the measure of punishment "
            "for Zotov P. I. to 3 (three) years of deprivation of liberty.",
            {("Zotov", "imprisonment", 3.0)},
        ),
    ],
)
def test_a_request_to_reduce_a_punishment_is_no_commutation_a_ruling_is(text: str, expected):
    assert sentenced(text + "\n") == expected


def test_a_share_with_its_number_written_out_before_per_cent_is_a_share():
    text = "In 1935 the gorkom expelled from the party 11 (eleven) per cent of its members.\n"
    assert figures(text) == {(11.0, "percent", "expelled")}


@pytest.mark.parametrize(
    "years",
    [
        "                       1934              1936              1937",  # over the "%"
        "                 1934              1936              1937",  # over the "abs."
    ],
)
def test_a_year_centred_over_its_count_and_share_columns_heads_both(years: str):
    text = (
        "Table 2. Expelled from the party in the okrug (abs. and per cent)\n\n"
        f"{years}\n"
        "Category           abs.      %       abs.      %       abs.      %\n"
        "Workers             412    30.0       390    28.5       301    25.1\n"
    )
    assert_years_of_groups(text)


def test_a_year_between_its_count_and_share_columns_heads_both():
    text = (
        "Table 3. Expulsions from the party by raion\n\n"
        "                      1934              1936              1937\n"
        "Raion             abs.     %       abs.     %       abs.     %\n"
        "Workers            412    30.0      390    28.5      301    25.1\n"
    )
    assert_years_of_groups(text)


def assert_years_of_groups(text: str) -> None:
    found = {(r["value"], r["measure"]): r["year_start"] for r in rows(text, "expulsion_stats")}
    assert found == {
        (412.0, "count"): 1934,
        (30.0, "percent"): 1934,
        (390.0, "count"): 1936,
        (28.5, "percent"): 1936,
        (301.0, "count"): 1937,
        (25.1, "percent"): 1937,
    }


def test_words_broken_over_a_line_by_a_hyphen_are_read_whole_and_quoted_as_written():
    text = (
        "On 3 May 1937 the Special Collegium of the Penza Oblast Court at a visiting ses-\n"
        "sion in the village of Kamenka, presiding LAPIN, examined the case against the\n"
        'storekeeper and the carters of the kolkhoz "Zarya" and the Special Collegium\n'
        "SENTENCED: SOROKIN Ivan Petrovich to deprivation of liberty for 6 (six) years;\n"
        "ZOTOVA Anna Ilyinichna to one year of correc-\n"
        "tive labour at the place of work; GLU-\n"
        "SHKOV Pyotr Ivanovich to depri-\n"
        "vation of liberty for 3 (three) years.\n"
    )
    found = rows(text, "sentences")  # (rows() checks every quote against the text)
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Sorokin", "imprisonment", 6.0),
        ("Zotova", "other", 1.0),
        ("Glushkov", "imprisonment", 3.0),
    }


def test_terms_given_respectively_may_each_have_their_number_written_out():
    text = (
        "                              SENTENCED:\n"
        "LUKIN Pavel Ivanovich, GORSHKOV Ilya Petrovich and TYURIN Semyon Ilyich, under\n"
        "art. 58-7 UK RSFSR, to deprivation of liberty in ITL for terms of 10 (ten), 6 (six)\n"
        "and 8 (eight) years respectively.\n"
    )
    assert sentenced(text) == {
        ("Lukin", "imprisonment", 10.0),
        ("Gorshkov", "imprisonment", 6.0),
        ("Tyurin", "imprisonment", 8.0),
    }


def test_a_resolution_to_banish_is_exile():
    text = (
        "RESOLVED:\n"
        "KRASNOV Yegor Ilyich to banish to the Northern Krai for 3 (three) yrs, counting "
        "from 2.XI.33.\n"
    )
    assert sentenced(text) == {("Krasnov", "exile", 3.0)}


def test_a_term_of_years_and_months_each_written_out_is_one_term():
    text = (
        "RESOLVED:\n"
        "PLOTNIKOV Ivan Fyodorovich for k.-r. agitation to confine in ITL for 1 (one) yr "
        "6 (six) months.\n"
    )
    assert sentenced(text) == {("Plotnikov", "imprisonment", 1.5)}


def test_a_troikas_request_to_the_special_board_passes_no_sentence():
    text = (
        "HEARD:\n"
        "3. Case No. 2011 on BELOV Yefim Danilovich, b. 1905, accused of wrecking (art. 58-7).\n"
        "RESOLVED:\n"
        "The materials being insufficient, to ask the OSO pri NKVD SSSR to apply to BELOV Ye.D. "
        "5 yrs ITL. The case to be forwarded to the OSO.\n"
    )
    assert sentenced(text) == set()


def test_an_earlier_conviction_after_a_persons_particulars_in_a_protocols_case():
    text = (
        "HEARD:\n"
        "1. Case No. 4410 on the charge of RYAZANOV Kuzma Ilyich, b. 1884, native of the vil. "
        "Krasnaya Gorka, former trader, previously convicted in 1930 by the PP OGPU troika to "
        "3 yrs of concentration camp, accused under art. 58-10.\n"
        "RESOLVED:\n"
        "RYAZANOV Kuzma Ilyich to be shot.\n"
    )
    found = {
        (r["surname"], r["penalty"], r["term_years"], r.get("date"))
        for r in rows(text, "sentences")
    }
    assert ("Ryazanov", "imprisonment", 3.0, "1930") in found
    assert ("Ryazanov", "death", None) in {f[:3] for f in found}


def test_characters_that_show_nothing_part_no_word_and_stay_in_the_quote():
    text = (
        "\ufeffSENTENCED:\n"
        "GLA\u00adZUNOV Dmitry Stepanovich to deprivation of liberty for 5 (five) years.\n"
        "SE\u200bMIN Ivan Petrovich to be shot.\n"
    )
    found = rows(text, "sentences")  # (rows() checks every quote against the text)
    assert {(r["surname"], r["penalty"], r["term_years"]) for r in found} == {
        ("Glazunov", "imprisonment", 5.0),
        ("Semin", "death", None),
    }


def test_a_header_word_broken_over_the_headers_lines_is_read_whole():
    text = (
        "Table 3. Results of the exchange of party documents by raions, 1936\n\n"
        "                        Members       Checked   Expelled   Rein-\n"
        "Raion                   at 1.I.1936                        stated\n"
        "Belsky raion               3,104       3,050       240        11\n"
    )
    assert figures(text) == {
        (3104.0, "count", "members"),
        (3050.0, "count", "investigated"),
        (240.0, "count", "expelled"),
        (11.0, "count", "other"),  # reinstated: not expelled
    }


def test_a_table_titled_without_a_year_takes_its_sections_heading_year_not_a_reports_date():
    text = (
        "VERIFICATION OF PARTY DOCUMENTS IN THE CITY ORGANISATION, 1935\n\n"
        "Table 2\n\n"
        "Raion          Verified   Expelled\n"
        "Zavodskoy         4 102        388\n\n"
        "II. KIROVSKY RAIKOM\n"
        "4 January 1936\n\n"
        "Table 3\n\n"
        "Raion          Verified   Expelled\n"
        "Kirovsky          2 050        140\n"
    )
    years = {r["value"]: r["year_start"] for r in rows(text, "expulsion_stats")}
    assert years[4102.0] == years[388.0] == 1935
    assert years[2050.0] is None and years[140.0] is None


def test_a_certificate_of_execution_states_the_sentence_it_carried_out():
    text = (
        "CERTIFICATE. The sentence of shooting in respect of SEDOV P. I. and KLIMOVA A. N. was "
        "carried out on 9 March 1938. Act kept in the special archive.\n\n"
        "The sentence in respect of BORISOV is to be carried out immediately.\n"
    )
    found = {(r["surname"], r["penalty"], r.get("date")) for r in rows(text, "sentences")}
    assert found == {("Sedov", "death", None), ("Klimova", "death", None)}  # 9 March: the act


def test_a_digests_sentence_changed_on_appeal_is_a_row_of_its_own():
    text = (
        "8. Same r-n. ZUBOV E. K., b. 1904, teacher, 58-10 - ZUBOV 7 yrs ITL (sp. coll., "
        "14.VIII.37). Added 2.X: on cass. reduced to 5 yrs (Sup. Ct., 28.IX.37).\n\n"
        "9. Krasnoyar r-n. LOSKUTOVA P. F., b. 1919, kolkh., art. 74 - 6 mos. l/s (nar. court, "
        "19.VIII.37). On Proc.'s protest LOSKUTOVA's l/s replaced by 6 mos. i/r (obl. court, "
        "27.VIII.37).\n"
    )
    found = {
        (r["surname"], r["penalty"], r["term_years"], r.get("date"))
        for r in rows(text, "sentences")
    }
    assert found == {
        ("Zubov", "imprisonment", 7.0, "1937-08-14"),
        ("Zubov", "imprisonment", 5.0, "1937-09-28"),
        ("Loskutova", "imprisonment", 0.5, "1937-08-19"),
        ("Loskutova", "other", 0.5, "1937-08-27"),
    }


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_broken_word_is_joined_where_it_keeps_its_line_whole(newline: str):
    text = newline.join(
        [
            "By the verdict of the Military Collegium of 14 October 1937 the following were "
            "sentenced:",
            "1. BE-",
            "LOUSOV Ivan Petrovich - to be shot;",
            "2. GRACHEV Pyotr-",
            "to be confined in a corrective labour camp for 10 years;",
            "3. MINAEV Anton - to 8 years of cor-",
            "rective labour camps with con-",
            "fiscation of property.",
            "",
            "In 1938 Nikolai Ivanovich Ostrov-",
            "skii was sentenced by the Special Board to 5 years of exile.",
            "",
        ]
    )
    found = {
        (r["surname"], r["given"], r["penalty"], r["term_years"]) for r in rows(text, "sentences")
    }
    assert found == {
        ("Belousov", "Ivan Petrovich", "death", None),
        ("Grachev", "Pyotr", "imprisonment", 10.0),
        ("Minaev", "Anton", "imprisonment", 8.0),
        ("Ostrovskii", "Nikolai Ivanovich", "exile", 5.0),
    }


def test_a_tables_header_word_broken_at_its_lines_end_heads_its_own_column():
    text = (
        "Table 2. Results of the verification, Belsky raion, 1935\n\n"
        "Category            Checked   Expel-   Rein-\n"
        "                              led      stated\n"
        "Members                 604      87       12\n"
    )
    assert figures(text) == {
        (604.0, "count", "investigated"),
        (87.0, "count", "expelled"),
        (12.0, "count", "other"),
    }


def test_a_verdicts_preamble_is_not_looked_for_past_an_earlier_verdicts_operative_part():
    text = (
        "On 14 October 1937 the Military Collegium of the Supreme Court of the USSR in closed\n"
        "court session heard the case of KOZLOV Ivan Petrovich.\n"
        "SENTENCED:\n"
        "KOZLOV Ivan Petrovich to the supreme measure of punishment - shooting.\n\n"
        "The case of DEMIN Pyotr Ilyich was heard without witnesses.\n"
        "SENTENCED:\n"
        "DEMIN Pyotr Ilyich to 10 years of deprivation of liberty.\n"
    )
    found = {
        r["surname"]: (r.get("date"), r.get("sentencing_body")) for r in rows(text, "sentences")
    }
    assert found["Kozlov"][0] == "1937-10-14"
    assert found["Demin"] == (None, None)


@pytest.mark.parametrize(
    "text, year",
    [
        ("In 1937, Pavel Zuyev was sentenced by the troika to 10 years in the camps.", "1937"),
        ("Pavel Zuyev was sentenced to 10 years in the camps in 1938.", "1938"),
        ("In 1936 Pavel Zuyev, a teacher, was sentenced to 5 years in the camps.", "1936"),
    ],
)
def test_a_year_alone_dates_a_verdict_told_in_these_common_wordings(text: str, year: str):
    assert {r.get("date") for r in rows(text + "\n", "sentences")} == {year}


def test_a_session_line_that_goes_on_with_the_findings_keeps_its_date():
    text = (
        "In closed session of 5 May 1938 the court heard the case of ORLIK Pyotr and found that\n"
        "on 2 April 1937 he spoke against the state loan at a meeting of the kolkhoz.\n"
        "SENTENCED:\n"
        "ORLIK Pyotr to 10 years of deprivation of liberty.\n"
    )
    assert {r.get("date") for r in rows(text, "sentences")} == {"1938-05-05"}


def test_a_tables_year_is_not_taken_from_an_earlier_sections_heading():
    text = (
        "I. RESULTS OF THE PURGE OF 1929\n\n"
        "The purge commission worked for four months.\n\n"
        "II. VERIFICATION OF PARTY DOCUMENTS\n\n"
        "Table 2\n\n"
        "Raion          Verified   Expelled\n"
        "Zavodskoy         4 102        388\n"
    )
    assert {r["year_start"] for r in rows(text, "expulsion_stats")} == {None}


@pytest.mark.parametrize(
    "decision, expected",
    [
        (
            "RESOLVED: GUSKOV Timofei Ilyich to be confined in a corrective labour camp. The "
            "unserved part of his earlier term of 5 years to be added.",
            {("Guskov", "imprisonment", None)},
        ),
        (
            "RESOLVED: GUSKOV Timofei Ilyich to be confined in a corrective labour camp. Keep "
            "him in custody for 2 years pending review.",
            {("Guskov", "imprisonment", None)},
        ),
    ],
)
def test_a_resolutions_later_sentence_about_something_else_gives_it_no_term(decision, expected):
    text = (
        "EXTRACT FROM PROTOCOL No. 12 of the session of the troika of the UNKVD for the "
        "Chelyabinsk Oblast of 9 November 1937\n"
        "HEARD: the case of GUSKOV Timofei Ilyich, born 1890, former trader.\n"
        f"{decision}\n"
    )
    assert sentenced(text) == expected


def test_a_column_of_counts_and_shares_reads_a_small_count_before_a_larger_share():
    text = (
        "RESULTS OF THE VERIFICATION OF PARTY DOCUMENTS IN THE RAIONS, 1935\n\n"
        "Raion            Members    Expelled\n"
        "Kirovsky          1003      312-31%\n"
        "Lesnoy              57      8-14%\n\n"
        "Table 2. Expelled in the oblast, 1935 (per cent of those checked)\n\n"
        "Raion            Expelled\n"
        "Sosnovsky        20-25%\n"
    )
    assert figures(text) == {
        (1003.0, "count", "members"),
        (312.0, "count", "expelled"),
        (31.0, "percent", "expelled"),
        (57.0, "count", "members"),
        (8.0, "count", "expelled"),
        (14.0, "percent", "expelled"),
        (20.0, "percent", "expelled"),  # a range of shares, 20-25%, where no cell is a pair
    }


def test_a_tables_label_wrapped_with_a_hyphen_over_its_row_is_not_joined_into_the_row():
    text = (
        "Category of              Members and      Documents    New docu-      Refused\n"
        "primary organisation     cand. 1.I.1936   checked      ments issued   (expelled)\n"
        "-------------------------------------------------------------------------------\n"
        "Industrial and trans-\n"
        "  port organisations          143             143          131            12\n"
        "Soviet institutions            96              96           90             6\n"
    )
    assert figures(text) == {
        (143.0, "count", "members"),
        (143.0, "count", "investigated"),
        (131.0, "count", "cards_issued"),
        (12.0, "count", "expelled"),
        (96.0, "count", "members"),
        (96.0, "count", "investigated"),
        (90.0, "count", "cards_issued"),
        (6.0, "count", "expelled"),
    }


def test_a_registers_surname_comma_given_patronymic_before_a_participle_is_one_person():
    text = (
        "Persons on the list: 2. Orekhov, Pavel Semyonovich, b. 1899, bookkeeper of the MTS, "
        "convicted by the OSO on 12.III.1935 to five years of exile;\n"
    )
    found = {(r["surname"], r["given"], r["term_years"]) for r in rows(text, "sentences")}
    assert found == {("Orekhov", "Pavel Semyonovich", 5.0)}
