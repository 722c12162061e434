"""Name rules on sentences written to probe their edges (other names, other numbers)."""

import pytest

from etl.lang.knowledge import load_knowledge
from etl.lang.names import name_lists, parse_item, surname_key

KB = load_knowledge()


def lists(text: str) -> list[list[str]]:
    return [[n.written for n in found.names] for found in name_lists(text, 0, len(text), KB)]


def test_list_in_brackets_with_initials_and_alias():
    text = (
        "Nine men (A. Petrov, I.K. Sidorenko, Boris Kuzmin, Hans Weber [Volkov] and Zhukov) stood."
    )
    assert lists(text) == [
        ["A. Petrov", "I.K. Sidorenko", "Boris Kuzmin", "Hans Weber [Volkov]", "Zhukov"]
    ]
    weber = name_lists(text, 0, len(text), KB)[0].names[3]
    assert (weber.given, weber.surname, weber.alias) == ("Hans", "Weber", "Volkov")


def test_list_between_em_dashes():
    text = "Four of the accused —Orlov, Belov, Gusev and Titov— were shot."
    assert lists(text) == [["Orlov", "Belov", "Gusev", "Titov"]]


def test_list_with_titles_keeps_titles_out_of_the_names():
    text = "Izvestia said that Marshal Egorov and the generals Dybenko, Fedko and Belov were held."
    assert lists(text) == [["Egorov", "Dybenko", "Fedko", "Belov"]]


def test_list_running_over_a_line_end():
    text = "the accused (Orlov, Belov,\nGusev and Titov) confessed"
    assert lists(text) == [["Orlov", "Belov", "Gusev", "Titov"]]


def test_places_and_short_lists_are_not_name_lists():
    assert lists("They travelled (Berlin, Copenhagen and Moscow) often.") == []
    assert lists("Orlov and Belov were shot.") == []


def test_possessive_is_not_part_of_the_name():
    text = "Sidorenko’s"
    assert parse_item(text, 0, len(text), KB).written == "Sidorenko"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Golzman", "Holtzman"),
        ("Goltsman", "Golzman"),
        ("Pickle", "Pikel"),
        ("Bakayev", "Bakaev"),
        ("Lurye", "Lurie"),
        ("Iakir", "Yakir"),
        ("Tukhachevskii", "Tukhachevsky"),
        # Made-up spellings of the same kind:
        ("Hertsen", "Gerzen"),
        ("Zaitsev", "Zaitzev"),
        ("Beloussov", "Belousov"),
    ],
)
def test_transliterations_share_a_key(a: str, b: str):
    assert surname_key(a, KB) == surname_key(b, KB)


@pytest.mark.parametrize(
    ("a", "b"), [("Ivanov", "Ivanova"), ("Radek", "Rakovsky"), ("Lurie", "Levin")]
)
def test_different_surnames_keep_different_keys(a: str, b: str):
    assert surname_key(a, KB) != surname_key(b, KB)


def test_numbered_list_with_surnames_first_and_aliases():
    from etl.lang.names import numbered_items

    text = (
        "The court heard the case against: 1. Orlov, Pavel Ivanovich, born 1890, employee;\n"
        "2. Belov, Semyon Petrovich, born 1888;\n"
        "3. Hans Weber, alias Volkov, Karl Ottovich, born 1901;\n"
        "4. Gusev, Anna Fyodorovna, born 1899.\n"
        "Articles 17 and 58 apply. 5. This is not an item of the list.\n"
    )
    (run,) = numbered_items(text, 0, len(text), KB)
    assert [(i.number, i.name.full, i.name.alias) for i in run] == [
        (1, "Pavel Ivanovich Orlov", ""),
        (2, "Semyon Petrovich Belov", ""),
        (3, "Hans Weber", "Volkov"),
        (4, "Anna Fyodorovna Gusev", ""),
    ]
    assert text[run[1].start : run[1].end] == "2. Belov, Semyon Petrovich, born 1888;"


def test_numbers_that_do_not_start_at_one_are_not_a_list():
    from etl.lang.names import numbered_items

    text = "See 7. Orlov, Pavel and 8. Belov, Semyon and 9. Gusev, Ivan."
    assert numbered_items(text, 0, len(text), KB) == []
