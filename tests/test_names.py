"""Name rules on sentences written to probe their edges (other names, other numbers)."""

import pytest

from etl.knowledge import load_knowledge
from etl.names import name_lists, parse_item, surname_key

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
