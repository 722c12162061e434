"""Clauses of a verdict sentence and the names they apply to: subjects before the verb,
objects after it, pronouns, "respectively", "in respect of", entry heads."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from etl.extract.persons import given_names
from etl.extract.sentences.author import addressee, first_person, second_person, writer
from etl.extract.sentences.forms import (
    BARE_CAPS,
    CAPS_SURNAME,
    REGISTER_INITIALS,
    TRAILING,
    bare_caps_name,
    has_patronymic,
    initials_caps_name,
    list_item_name,
    names_regex,
    opening_names,
    patronymic_endings,
    register_heads,
    surname_ending,
)
from etl.extract.sentences.kin import Relative, full_name, kin_genders, kin_references
from etl.extract.sentences.penalties import (
    CLAUSE_BREAK,
    ORDER,
    RESPECTIVE_TERMS,
    negated,
    passed_penalties,
    penalties_in,
    penalty_terms,
    respective_terms,
    term_pattern,
    years_in,
)
from etl.lang.bounds import MAX_TERM
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.literals import quick_search
from etl.lang.names import (
    UPPER,
    WORD,
    Name,
    name_lists,
    not_names,
    parse_item,
    title_pattern,
)
from etl.lang.text import NUMBER_WORD, Block, lines, parse_count, text_memo

PRONOUN = re.compile(r"\b(?:(?P<subject>he|she|him)|his|her)\b", re.IGNORECASE)
NEAR = 60  # a subject's verb and its penalty stand this close ("Orlov was sentenced by the GPU to")
# A word of a role before a name (not a preposition, a pronoun or a verb).
_ROLE_WORD = r"(?!(?:to|in|on|by|at|for|from|with|and|him|her|them|under|as|during|without)\b)"
# "the chief mechanic ", not "the village of " (a place's name follows) nor "the rumour that "
ROLE_PREFIX_WORD = rf"{_ROLE_WORD}(?!(?:of|that|which|who|whom|whose|when|where|if|whether)\b)"
ROLE = rf"(?:(?:the\s+)?(?:{ROLE_PREFIX_WORD}[a-z-]+\s+){{1,3}}(?=[A-Z]))"
ROLE_BEFORE = re.compile(ROLE)
# A faction's member as a role, capitalised: "the Trotskyists A and B", "the Menshevik C"
FACTION = r"[A-Z][a-z]+(?:ists?|ites?|eviks?)"
# The person a verdict verb takes as object, after an article and a role or two:
# "sentenced the saboteur Surname of the factory to ten years".
OBJECT = re.compile(
    r"\b(shooting|shot|executed|exiled|cost|sentenced|gave|given\s+to|awarded\s+to)\s+"
    # "… the former chairman of the kolkhoz X", "sentenced engineer X"
    rf"(?:(?:the|a|an|former|my|his|her|their|our)\s+"
    rf"(?:{_ROLE_WORD}(?:[a-z-]+|\"[^\"\n]{{1,30}}\"|«[^»\n]{{1,30}}»)\s+){{1,7}}"
    rf"|(?<=sentenced ){_ROLE_WORD}[a-z]+\s+)?"
    rf"({WORD}(?:\s+{WORD}){{0,2}})\b"  # "exiled my brother-in-law Given Surname"
)


@dataclass
class Clause:
    """One verdict statement: a sentence (or two, for a pronoun) with its penalty."""

    start: int
    end: int
    trial_id: str | None
    penalties: list[str]
    terms: list[float | None]
    names: list[tuple[Name, list[str], float | None]] = field(default_factory=list)
    collective: bool = False
    count: int | None = None
    trial_named: bool = False  # the sentence itself names the trial
    # persons inferred, by where their name stands: (rule, the passage it was inferred from):
    # an entry's head for its "he", a relative's introduction for "Father"
    inferred: dict[int, tuple[str, str]] = field(default_factory=dict)
    # where each penalty word and each term stands, to pair them: "8 years ITL followed by
    # 3 years of exile"
    placed: list[tuple[str, int]] = field(default_factory=list)
    terms_at: list[tuple[float, int]] = field(default_factory=list)

    def terms_of(self, penalty: str) -> list[float | None]:
        """The clause's terms for one of its penalties: all of them, or, when it names
        several penalties and several terms, the term nearest that penalty's word."""
        at = [a for p, a in self.placed if p == penalty]
        if len({p for p, _ in self.placed}) < 2 or len(self.terms_at) < 2 or not at:
            return self.terms
        return [min(self.terms_at, key=lambda t: min(abs(t[1] - a) for a in at))[0]]


# "get eight years each", "receives ten years": the present tense of newspaper reports.
SUBJECT_VERBS = (
    r"was|were|is|are|had been|has been|have been|received|got|each received|gets?|receives?"
    r"|(?:have|has|had) (?:received|got)"
)
SENTENCING_VERBS = (
    rf"{SUBJECT_VERBS}|received|got|each received|were each given|were given|was given"
)
# The verbs after a sentence's subject that a later "he" can refer back to.
ANTECEDENT_VERBS = r"was|were|is|are|had|has|did|went|became|remained|[a-z]+ed"
PARTITIVE = re.compile(
    rf"\b({NUMBER_WORD}|\d+) of (?:the|these|those) (?:\w+ )?(?:accused|defendants|condemned)\b",
    re.IGNORECASE,
)


def clause_starts(text: str, sentence: Block, kb: Knowledge) -> list[int]:
    """Where the clauses of a sentence begin: its start, after ";", a dash, ", and", a
    colon ("The file gives another term: Surname was exiled …"), a "that" before a
    capital ("It is clear that Surname was …"), a verb of learning's "that" ("we learned
    that surname …"), and after introductory phrases ("In June 1937, after the arrest, …")."""
    memo = text_memo(text, kb)  # asked again for each name of a sentence
    key = ("clause_starts", sentence.start, sentence.end)
    if key not in memo:
        memo[key] = _clause_starts(text, sentence, kb)
    return list(memo[key])


def _clause_starts(text: str, sentence: Block, kb: Knowledge) -> list[int]:
    starts = [sentence.start]
    for m in re.finditer(
        r";\s*|\s*[—–]\s*(?:and\s+)?|,\s+(?:and|while|whereas)\s+|:\s+|\bthat\s+(?=[A-Z])",
        text[sentence.start : sentence.end],
    ):
        starts.append(sentence.start + m.end())
    reported = term_pattern(kb, "reported").finditer(text, sentence.start, sentence.end)
    starts += [m.end() for m in reported]
    for start in list(starts):  # "…; in 1930 Surname, then a civilian, was sentenced"
        for pattern in (INTRODUCTION, DATED, BY_VERDICT, THIS_TIME, MONTHED):
            intro = re.compile(pattern).match(text, start, sentence.end)
            if intro:
                starts.append(intro.end())
    return sorted(set(starts))


# "In June 1937, after the arrest, " or "In 1911, after a brief imprisonment, " before a
# clause's subject.
INTRODUCTION = (
    # "However, in a coup launched by A with help from B in June 1953, Surname was …"
    r"(?:(?:However|Moreover|Nevertheless|Eventually|Finally|Subsequently|Meanwhile),\s*"
    r"(?:in|on|at|after|during)\b[^,;.]{0,120}?,\s*"
    r"|(?:In|On|At|After|During|By|Within|Later|Then|Soon|Of|Among|Under|Following|Upon"
    r"|Pursuant to|According to|As|Like|For|Because of|Despite|Together with|Along with"
    r"|Without)\b[^,;.]{0,60},\s*)"  # "As the wife of a traitor, Surname was sent …"
    r"(?:(?i:in|on|at|after|during|by|within|later|then|soon|following|before)\b[^,;.]{0,60},\s*)?"
)
# A date before a clause's subject without a comma: "In 1938 Surname was sentenced …",
# "On 3 May 1937 Surname …", "By the decision of the tribunal of 5 May 1938 Surname …".
DATED = (
    r"(?:(?:[Ii]n|[Oo]n|[Bb]y|[Dd]uring)\b[^,;.]{0,80}?"
    r"|[A-Z][a-z]*(?: [a-z]+){1,5} "  # "As far back as 1930 Surname was …", "Back in 1930 …"
    r")\b\d{4}\s+(?=[A-Z])"
)
# A month before a clause's subject without a comma: "In October Surname was sentenced …",
# "on 3 October Surname …"
MONTHED = (
    r"(?:[Ii]n|[Oo]n|[Bb]y|[Ii]n\s+early|[Ii]n\s+late)\s+(?:\d{1,2}\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+(?=[A-Z])"
)
# A time before a clause's subject without a comma: "this time Surname had been given exile"
THIS_TIME = (
    r"(?:[Tt]his|[Tt]hat|[Nn]ext|[Tt]he\s+(?:next|following|same))\s+"
    r"(?:time|year|month|week|day|autumn|spring|summer|winter)\s+(?=[A-Z])"
)
# A verdict named before a clause's subject without a comma: "By the verdict of the court
# Surname is to be shot", "Under the troika's decision Surname was …".
BY_VERDICT = (
    r"(?:[Bb]y|[Uu]nder|[Aa]ccording to|[Pp]ursuant to)\s+(?:(?:the|a|its|their)\s+)?"
    r"(?:[\w’']+\s+){0,2}?(?:verdict|sentence|decision|resolution|sitting|session)"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?i:court|tribunal|troika|collegium|board))?"
    # "… of the troika of the UNKVD for Placename oblast of 14.03.1938 Surname was …"
    r"(?:\s+(?:of|for|at)\s+[^,;]{1,60}?\s+of\s+(?:\d{1,2}\.(?:\d{1,2}|[IVX]{1,4})\.\d{4}"
    r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))?"
    r"\s+(?=[A-Z])"
)


def split_subjects(text: str, start: int, end: int, kb: Knowledge) -> list[Name] | None:
    """Names separated by commas and "and", each maybe with its initials after it, as
    registers and verdicts write them ("Surname A. B. and Othername C. D.")."""
    names, cursor = [], start
    for sep in [*re.finditer(r"\s*,\s*(?:and\s+)?|\s+and\s+", text[start:end]), None]:
        a, b = cursor, start + sep.start() if sep else end
        cursor = start + sep.end() if sep else end
        a += len(text[a:b]) - len(text[a:b].lstrip())
        bracket = re.search(r"\s*\([^()]{1,40}\)\s*$", text[a:b])
        b -= len(bracket[0]) if bracket else 0  # "Kolos (tractor driver)"
        role = ROLE_BEFORE.match(text, a, b)
        if role and (
            re.match(CAPS_SURNAME + r"\b", text[role.end() : b])
            or parse_item(text, role.end(), b, kb)
        ):
            a = role.end()  # "… and the foreman Surname", "his deputy SURNAME A. B."
        elif names and re.match(r"(?:an?\s+|the\s+)?[a-z]|\d{1,3}(?:\s+[a-z]+)*\s*$", text[a:b]):
            # an apposition or an age: "A, former director of the MTS, B, …", "A, 36, …",
            # "A, 67 years old, and B"
            continue
        title = re.match(rf"(?:{title_pattern(kb)})\s+(?={CAPS_SURNAME}\b)", text[a:b])
        a += title.end() if title else 0  # "Citizen KOVAL …": the title is not the name
        if re.match(CAPS_SURNAME + r"\b", text[a:b]):
            name = list_item_name(text, a, b, kb) or bare_caps_name(text, a, b, kb)
            if name is None:
                return None
            names.append(name)
            continue
        given_first = re.fullmatch(rf"({WORD}\s+{WORD})\s+({CAPS_SURNAME})", text[a:b])
        if given_first and has_patronymic(given_first[1], kb):  # "Given Patronymic SURNAME"
            names.append(Name(text[a:b], a, b, given_first[2].title(), given=given_first[1]))
            continue
        last = names[-1] if names else None
        if last and not last.given and not last.initials and has_patronymic(text[a:b], kb):
            # "Surname, Given Patronymic": the given names after the comma are the surname's
            names[-1] = Name(text[last.start : b], last.start, b, last.surname, given=text[a:b])
            continue
        if re.fullmatch(rf"{WORD}\s+{WORD}\s+{WORD}", text[a:b]) and has_patronymic(
            text[a:b].split(maxsplit=1)[1], kb
        ):  # "Surname Given Patronymic", as registers write it
            names.append(list_item_name(text, a, b, kb) or parse_item(text, a, b, kb))
            continue
        caps = initials_caps_name(text, a, b, kb)  # "A. S. SURNAME"
        if caps is not None and not text[caps.end : b].strip():
            names.append(caps)
            continue
        after = re.search(rf"\s+({REGISTER_INITIALS})\s*$", text[a:b])
        name = parse_item(text, a, b - len(after[0]) if after else b, kb)
        if name is None:
            return None
        if after:
            name = Name(text[a:b].strip(), name.start, b, name.surname, initials=after[1].strip())
        names.append(name)
    return shared_surnames(text, names, kb)


def shared_surnames(text: str, names: list[Name], kb: Knowledge) -> list[Name]:
    """A given name alone before "and" and a full name bears that name's surname ("the
    brothers Ivan and Pyotr Sokolov", "Matvei and Kuzma ZHILIN")."""
    given = given_names(kb)
    for i, (name, after) in enumerate(pairwise(names)):
        if (
            name.surname in given
            and not (name.given or name.initials)
            and after.given
            and re.fullmatch(r"\s+and\s+", text[name.end : after.start])
        ):
            names[i] = Name(name.written, name.start, name.end, after.surname, given=name.surname)
    return names


# What a register or a newspaper writes after a subject's name: "(tractor driver)", or a
# post between commas, in lowercase words and acronyms (", former director of the MTS").
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# ", born 1887,", ", arr. in November 1937,"
_POST_WORD = rf"(?:[a-z][a-z-]*\.?|[A-Z]{{2,5}}|1[89]\d\d|\d{{1,2}}|{MONTH_NAMES})"
# "(tractor driver)", "(1897–1964), arr. in November 1937,": a bracket, a post, or both
APPOSED = (
    rf"(?:\s*\([^()]{{1,40}}\)"
    rf"|,\s+(?!(?:who|whom|whose|which|that)\b)(?:{_POST_WORD}\s+){{0,6}}{_POST_WORD}(?=,)){{0,2}}"
)


def subject_names(
    text: str, sentence: Block, kb: Knowledge, verbs: str = SUBJECT_VERBS, anywhere: bool = False
) -> list[Name]:
    """Names that open a clause as its subject: "Orlov was sentenced", "Belov and
    Gusev, old friends of Lenin, are now imprisoned", "The murderer
    Nikolajev and his companions were condemned". With the verdict verbs (the default)
    the clause must name a penalty after its verb. `anywhere` looks for a subject in the
    whole sentence, not only where its clauses begin."""
    item = object_item(kb)
    subject = re.compile(
        # "The remaining four, A and B", "The former state-farm inspector, Surname, …"
        rf"(?:(?:The|the)\s+(?:{ROLE_PREFIX_WORD}[a-z-]+\s+){{1,3}}(?=[A-Z])"
        rf"|Former\s+(?:[a-z-]+\s+){{1,3}}(?=[A-Z])"  # a dispatch's "Former director A and …"
        # 'The former chairman of the kolkhoz "Name" SURNAME was …'
        rf"|(?:The|the)\s+(?:[a-z-]+\s+){{1,6}}[\"“][^\"”\n]{{1,30}}[\"”]\s+(?=[A-Z])"
        rf"|(?:The|the)(?:\s+(?:[a-z-]+|[A-Z]{{2,5}}\b)){{1,6}},\s+"  # "The director of the MTS, A"
        # "The members of the cell, the special settlers A, B and C were …"
        rf"(?:the\s+(?:{_ROLE_WORD}[a-z-]+\s+){{1,3}}(?=[A-Z]))?"
        # "So I, Surname, was given ten years", "I, Surname Given Patronymic, was sentenced"
        rf"|(?:(?:So|And|Thus|Then)\s+)?I,\s+(?=[{UPPER}])"
        rf"|(?:Its|its|His|his|Her|her|Their|their|My|my|Our|our)\s+[a-z]+(?:\s+[a-z]+)?"
        rf"(?:,\s+|\s+(?=[A-Z]))"  # "My brother Pavel was sentenced", "his deputy, A, was"
        # "Given Surname's widow, Othergiven Surname, was …": the one after the comma
        rf"|(?:[{UPPER}][\w’'-]+\s+)?[{UPPER}][\w’'-]+['’]s\s+[a-z]+(?:\s+[a-z]+)?,\s+"
        rf")?"
        # "the chief mechanic A and the foreman B received …": a role before each name
        rf"(?P<names>{item}{APPOSED}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){ROLE}?{item}{APPOSED})*)"
        rf"(?:\s+and\s+(?:his|her|their|other|several)\s+\w+|\s+and\s+others"
        # "A, born 1884, and 14 active participants were sentenced"
        rf"|,?\s+and\s+(?:{NUMBER_WORD}|\d+)\s+(?:[a-z-]+\s+){{0,2}}?"
        rf"(?:others|participants|members|accomplices|persons|people|accused))?"
        # an apposition or relative clause: ", who led the case and others,"
        # or both: ", former member of the Party-name, who had been sentenced in 1908 …, was"
        rf"(?:,(?!\s+who\b)[^,;.]{{1,120}}(?=,))?(?:,\s+who\b[^;.]{{1,160}}?(?=,))?"
        rf"(?:\s+(?:himself|herself|themselves|too|also))?,?\s+(?:{verbs})\b"
    )
    names: list[Name] = []
    starts = clause_starts(text, sentence, kb)
    # "…, which conducted propaganda among students, Surname received …": a subject after
    # a comma that ends a clause of lowercase words (looked at in a short window before the
    # comma, and for a matched subject only, so that a long sentence costs no more)
    after_clause = (
        []
        if anywhere
        else [
            c.end()
            for c in COMMA_BEFORE_CAPITAL.finditer(text, sentence.start, sentence.end)
            if LOWER_WORD_END.search(text[max(sentence.start, c.start() - 30) : c.start()])
            # not a relative's apposition: "The widow of the former director, Surname, was …"
            and not kin_before(text, max(sentence.start, c.start() - 80), c.start(), kb)
        ][:MAX_AFTER_CLAUSE]
    )
    for start in sorted({*starts, *after_clause}):
        m = (subject.search if anywhere else subject.match)(text, start, sentence.end)
        if m and kin_before(text, m.start(), m.start("names"), kb):
            continue  # "The widow of the former director, Surname, was sentenced"
        if m:
            found = split_subjects(text, m.start("names"), m.end("names"), kb)
            found = one_subject(text, found, m.end(), kb)
            # "was sentenced by the Special Board of the NKVD to five years": a verdict verb
            # reaches to the end of its clause.
            # (after an arrest, further: "was arrested in 1939 as a participant in … and
            # on DATE was condemned by the Military Collegium to …")
            arrested = re.match(r"\s*(?:arrested|detained|tried)\b", text[m.end() : m.end() + 20])
            verdict_verb = re.search(
                r"\b(?:sentenced|condemned|convicted)\b",
                text[m.end() : m.end() + (160 if arrested else 60)],
            )
            if (
                arrested
                and verdict_verb
                and NEW_SUBJECT.search(text[m.end() : m.end() + verdict_verb.start()])
            ):
                verdict_verb = None  # "… was arrested … and his wife Anna was later sentenced"
            reach = sentence.end if verdict_verb else m.end() + NEAR
            clause_end = min([c for c in starts if c > m.end()] + [sentence.end, reach])
            if verbs != SUBJECT_VERBS or penalties_in(text, m.start("names"), clause_end, kb):
                names += found or []
    # a name read from two clause starts counts once; a word right after "the" is no
    # person's name ("a former member of the Society, who had been sentenced …, was …")
    return [n for n in {n.start: n for n in names}.values() if not after_article(text, n.start)]


def after_article(text: str, at: int) -> bool:
    """Whether the name at `at` (spaces before it skipped) follows "the" at once: an
    organisation or a thing ("a former member of the Society"), not a person."""
    while at < len(text) and text[at].isspace():
        at += 1
    return bool(ARTICLE_BEFORE.search(text, max(0, at - 5), at))


COMMA_BEFORE_CAPITAL = re.compile(r",\s+(?=[A-Z])")
ARTICLE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# Words that open a phrase after a name, not the last word of a post before one.
PHRASE_WORDS = (
    r"(?:or|of|from|after|before|via|through|because|despite|since|until|upon|over|"
    r"against|following|per|who|whom|which|that)\b"
)
RELATIVE_WORD = re.compile(r"\b(?:that|who|whom|which)\b")
NEW_SUBJECT = re.compile(r"\band\s+(?:his|her|their|[A-Z])")  # another person's clause
LOWER_WORD_END = re.compile(r"(?:^|\s)[a-z]+$")
MAX_AFTER_CLAUSE = 8  # subjects after a clause of lowercase words read in one sentence

Named = list[tuple[Name, list[str], float | None]]  # (name, penalties, term) of a clause
SINGULAR = re.compile(r"\b(?:was|is|has\s+been)\b")


def fuller_name(
    entry: tuple[Name, list[str], float | None], subjects: Named
) -> tuple[Name, list[str], float | None]:
    """A name an earlier rule read in part ("Zhilin" of "Ivan Zhilin received two years"),
    as the subject reads it whole, with the penalties and term read for it."""
    name, penalties, term = entry
    whole = [
        n
        for n, _, _ in subjects
        if n.start <= name.start and name.end <= n.end and n.surname == name.surname
    ]
    return (max(whole, key=lambda n: n.end - n.start), penalties, term) if whole else entry


def one_subject(
    text: str, names: list[Name] | None, verb_end: int, kb: Knowledge
) -> list[Name] | None:
    """ "Surname, Given Given, was sentenced": two names a comma apart before a verb in
    the singular are one person, the given names after the surname."""
    if not names or len(names) != 2:
        return names
    first, given = names
    if not re.fullmatch(r",\s*", text[first.end : given.start]):
        return names
    words = given.written.split()
    if len(words) < 2:
        return names  # "Surname, Othername, who was …": two persons
    if len(words) > 2 and given.given:
        return [given]  # "Uncle Misha, Given Patronymic Surname, was …": the name in full
    # (a register's "Surname, Given Patronymic, born …, sentenced …" is one person whatever
    # the verb's form)
    if not SINGULAR.search(text, given.end, verb_end) and not has_patronymic(given.written, kb):
        return names
    merged = Name(text[first.start : given.end], first.start, given.end, first.surname)
    return [replace(merged, given=given.written)]


def clause_of(
    source: Source,
    paragraph: list[Block],
    index: int,
    kb: Knowledge,
    trial_id: str | None,
    above: list[Block] = (),
) -> Clause | None:
    """The verdict statement of paragraph[index], if it is one; `above` holds the
    sentences of the lines just above the paragraph (texts that put one sentence a line).
    The rules that name its persons run in order, most specific first; most run only while
    no earlier rule has named anyone."""
    text = source.text
    sentence = paragraph[index]
    # The rules below read a sentence with no penalty its verdict rules accept, or no verb;
    # a demand, a threat or a condition in it is no verdict ("… – to be shot, the crowd
    # demanded", "… each to 5 years if they do not confess").
    denied = bool(
        quick_search(term_pattern(kb, "not_verdict"), text, sentence.start, sentence.end, kb)
        or quick_search(CONDITION, text, sentence.start, sentence.end, kb)
    )
    if not denied and (
        named := former_and_latter(text, sentence, [*above, *paragraph[:index]], kb)
    ):
        clause = Clause(sentence.start, sentence.end, trial_id, [], [None])
        clause.names = named
        clause.start = min(clause.start, named[0][0].start)
        return clause
    found = verdict_penalties(text, sentence, kb)
    if found is None:  # "B and C each to 5 years.", "they gave me another five years"
        # a participle tells its own verdict, whatever the sentence asks: "I request a
        # review of the case of A, sentenced by the troika to the supreme measure"
        if participles := participle_objects(text, sentence, kb):
            clause = Clause(sentence.start, sentence.end, trial_id, [], [None])
            clause.names = participles
            return clause
        if denied:
            return None
        return (
            verbless(text, sentence, paragraph[:index], kb, trial_id)
            or writer_term(source, sentence, kb, trial_id)
            or added_term(text, sentence, kb, trial_id)
        )

    terms = penalty_terms(text, sentence, sentence.start, kb)
    penalties = sorted({p for p, _, _ in found}, key=ORDER.index)
    clause = Clause(
        sentence.start, sentence.end, trial_id, penalties, [t for t, _, _ in terms] or [None]
    )
    clause.placed = [(p, a) for p, a, _ in found]
    clause.terms_at = [(t, a) for t, a, _ in terms]
    verdict = term_pattern(kb, "verdict").search(text, sentence.start, sentence.end)
    if verdict:
        clause.names += listed_in_verdict(text, sentence, kb, clause.penalties)
    clause.names += bracketed_penalties(text, sentence, kb)
    clause.names = with_own_terms(text, sentence, kb, clause.names)
    respective = respectively(text, sentence, kb, clause.penalties)
    if respective:  # "… sentenced A to shooting; B and C … eight and five years respectively"
        first = min(n.start for n, _, _ in respective)
        read = {n.start for n, _, _ in clause.names}
        clause.names += [
            v
            for v in sentenced_objects(text, sentence, kb)
            if v[0].end <= first and v[0].start not in read
        ]
    clause.names += respective
    rules = (
        sentenced_objects,
        items_and_respects,
        names_among,
        found_guilty,
        decided,
        passed_on,
        applied_to,
        quoted_resolution,
        replaced_with,
        carried_out,
    )
    for rule in rules:
        if not clause.names:
            clause.names += rule(text, sentence, kb)
    clause.names += verdict_objects(text, sentence, kb, clause.names)
    if not clause.names and verdict and collective_verdict(text, sentence, kb, clause):
        return clause
    # The subjects no earlier rule read, and a pronoun's person: "A was shot; B got ten
    # years", "He was shot; his deputy, A. B. Surname, received eight years".
    read = list(clause.names)
    found_subjects = subjects(source, paragraph, index, above, kb, clause, found)
    clause.names = [fuller_name(entry, found_subjects) for entry in clause.names]
    clause.names += [
        named
        for named in found_subjects
        if not any(n.start < named[0].end and named[0].start < n.end for n, _, _ in read)
        # "Surname, Given Patronymic, he was …": the given names of a name already read
        and not (read and has_patronymic(named[0].written, kb))
        # "A was the chairman of the troika that sentenced B to death": B's verdict
        and not any(
            named[0].end < n.start and RELATIVE_WORD.search(text, named[0].end, n.start)
            for n, _, _ in read
        )
    ]
    if not clause.names:
        clause.names += kin_verdicts(source, sentence, kb, clause)
    # "A, sentenced … to 10 years, and his wife B, sentenced … to 8 years": each participle
    read = {n.start for n, _, _ in clause.names}
    clause.names += [v for v in participle_objects(text, sentence, kb) if v[0].start not in read]
    if not clause.names:
        clause.names += writer_verdicts(source, sentence, kb, clause)
    if not clause.names:
        clause.names += left_in_force(text, sentence, [*above, *paragraph[:index]], kb, clause)
    if not clause.names:
        heads = entry_of_subjectless(source, sentence, kb)
        if heads:  # "SURNAME Given Patronymic, b. 1897. … Sentenced by … to VMN."
            clause.start = min(clause.start, heads[0].start)
            for head in heads:
                clause.names += entry_verdicts(text, sentence, head, kb)
    if (
        not clause.names
        and not denied
        and (elliptic := verbless(text, sentence, paragraph[:index], kb, trial_id))
    ):
        clause = elliptic  # "… sentenced to 8 years. B and C – to be shot."
    elided = elided_verdicts(text, sentence, kb, clause.names)
    if elided:  # "A was sentenced to ten years, B to eight": A's penalty and term are
        cut = min(n.start for n, _, _ in elided)  # before B's clause
        clause.names = [
            (n, p, t) if n.start > cut else before_elided(text, sentence, kb, (n, p, t), cut)
            for n, p, t in clause.names
        ] + elided
    clause.names += commuted(source, paragraph[:index], above, sentence, kb, clause)
    # one row per name, penalty and term, whichever rules read it; "Uncle Given" as the
    # relative the text introduced so
    clause.names = [(called(source, kb, clause, n), p, t) for n, p, t in clause.names]
    clause.names = list({(n.start, tuple(p), t): (n, p, t) for n, p, t in clause.names}.values())
    partitive = PARTITIVE.search(text, sentence.start, sentence.end)
    if clause.names and partitive:
        count = parse_count(partitive[1], kb)
        clause.count = count if count and count > len(clause.names) else None
    return clause


# "A and B each to 5 years." after a verdict: a sentence without its verb
VERBLESS = re.compile(r"\s+(?:each\s+)?(?:to|[—–])\s+")
NEAR_TERM = 10  # characters between "to" and the term or penalty ("to be shot")
OPENING = " \t\n\"“«'"  # a decision quoted in a memoir or letter opens with a quotation mark
# Between a decision's names and its penalty: the body ('"Surname, Given Patronymic, by
# decision of the Special Board: five years"') or why ("Surname A. B., as a former convict,
# to be exiled")
DECIDED_INSERT = re.compile(
    r",\s+(?:(?P<body>by\s+(?:the\s+)?(?:decision|decree|resolution|verdict|sentence|order)\s+of"
    r"\s+[^:;.\n]{3,80}?)|as\s+(?:an?\s+|the\s+)?[a-z][a-z -]{2,60}?)"
    r"(?:,\s+for\s+[^,;:.\n]{3,80}?)?"  # "…, for counter-revolutionary agitation, five years"
    rf"(?=\s*:|,?\s+to\b|,\s+(?:{NUMBER_WORD}|\d+)\s+years?\b)"
)
AFTER_INSERT = re.compile(
    rf"\s*:\s+|,?\s+(?:each\s+)?to\s+|,\s+(?=(?:{NUMBER_WORD}|\d+)\s+years?\b)"
)
QUOTED_AFTER_COLON = re.compile(r":\s*[\"“«]")
LEGAL_VERB = re.compile(
    r"be\s+(?:subjected|sentenced|condemned)\s+to\s+(?:the\s+)?"
)  # "to be subjected to"


def verbless(
    text: str, sentence: Block, before: list[Block], kb: Knowledge, trial_id: str | None
) -> Clause | None:
    """A sentence of names and a term only, after a verdict's sentence in its paragraph
    ("… A is sentenced to 8 years. B and C each to 5 years."), or of
    names in full and a penalty ("Surname V. A. to be shot"): the verdict's verb is elided (a
    bare term is prison), or None."""
    names = re.compile(object_list(kb))
    piece = text[sentence.start : sentence.end]
    # the sentence's start, or a decision quoted after a colon ('read from a slip: "Surname,
    # Given Patronymic, by decision of …, five years of camps."')
    starts = [sentence.start + len(piece) - len(piece.lstrip(OPENING))]
    starts += [q.end() for q in QUOTED_AFTER_COLON.finditer(text, sentence.start, sentence.end)]
    for start in starts:
        group = names.match(text, start, sentence.end)
        insert = group and DECIDED_INSERT.match(text, group.end(), sentence.end)
        to = group and (VERBLESS if not insert else AFTER_INSERT).match(
            text, insert.end() if insert else group.end(), sentence.end
        )
        if to:
            break
    if not to:
        return None
    stop = CLAUSE_BREAK.search(text, to.end(), sentence.end)
    rest = Block(to.end(), stop.start() if stop else sentence.end)
    years = years_in(text, rest.start, rest.end, kb)
    found = passed_penalties(text, rest.start, rest.end, sentence, kb)
    first_said = min([y[1] for y in years[:1]] + [f[1] for f in found[:1]], default=None)
    if first_said is None or not (
        first_said - rest.start <= NEAR_TERM or LEGAL_VERB.fullmatch(text, rest.start, first_said)
    ):
        return None  # the term or penalty follows at once: "each to 5 years", "to be shot"
    term = years[0][0] if years else None
    penalties = sorted({p for p, _, _ in found}, key=ORDER.index) or ["imprisonment"]
    clause = Clause(sentence.start, sentence.end, trial_id, penalties, [term])
    named = verdicts_of(text, Block(group.start(), group.end()), penalties, term, kb)
    # a person, not "Kulaks – to be shot": initials, given names or a surname's ending
    if not all(n.given or n.initials or surname_ending(n.surname, kb) for n, _, _ in named):
        return None
    # with no verdict before it, a protocol's or report's own item: names in full and a
    # penalty's words ("Surname V. A. to be subjected to the supreme measure – shooting")
    # (the sentences before searched last, only if needed: quadratic in a paragraph's length)
    decided = to[0].strip(" ,") == "to" or (insert and insert["body"])
    verdict = term_pattern(kb, "verdict")
    if not (found and all(n.given or n.initials for n, _, _ in named) and decided) and not any(
        verdict.search(text, b.start, b.end) for b in before
    ):
        return None
    clause.names = named
    return clause if named else None


# "… sentenced the former to six years …, and the latter to exile for three years"
# who defends, accuses or judges in a case is not one of its accused
OFFICIAL_BEFORE = re.compile(r"\b(?:lawyer|counsel|defended by|prosecutor|procurator|judge)\s+$")
FORMER = re.compile(r"\b[Tt]he\s+former\s+(?:to|for|received|got|was)\b")
LATTER = re.compile(r"\b[Tt]he\s+latter\s+(?:to|for|received|got|was)\b")


def former_and_latter(text: str, sentence: Block, before: list[Block], kb: Knowledge) -> Named:
    """ "… the case of A, …, and of her brother B, …, sentenced the former to six years …,
    and the latter to exile": the last two persons named before "the former" (in its
    sentence, else the one before it), each with the penalty and term of their part."""
    first = FORMER.search(text, sentence.start, sentence.end)
    second = first and LATTER.search(text, first.end(), sentence.end)
    if not second:
        return []
    persons = [
        n
        for n in full_names(text, Block(sentence.start, first.start()), kb, patronymic=True)
        if not OFFICIAL_BEFORE.search(text, max(sentence.start, n.start - 30), n.start)
    ]
    if len(persons) < 2 and before:
        persons = full_names(text, before[-1], kb, patronymic=True)
    if len(persons) < 2:
        return []
    stop = CLAUSE_BREAK.search(text, second.end(), sentence.end)
    parts = [
        Block(first.start(), second.start()),
        Block(second.start(), stop.start() if stop else sentence.end),
    ]
    named: Named = []
    for person, part in zip(persons[-2:], parts, strict=True):
        penalties = [p for p, _, _ in passed_penalties(text, part.start, part.end, sentence, kb)]
        term = first_term(text, part.start, part.end, kb)
        if (
            term is not None
            and not penalties
            and not re.match(r"\S+\s+\S+\s+to\b", text[part.start : part.end])
        ):
            term = None  # "the latter for eight months was kept in solitary": no sentence
        if term is None:  # "…, the latter for eight": the years of the term before
            bare = re.search(
                rf"\b(?:to|for)\s+({NUMBER_WORD}|\d{{1,2}})\b(?!\s+[a-z])",
                text[part.start : part.end],
            )
            count = parse_count(bare[1], kb) if bare and named else None
            term = float(count) if count and count <= MAX_TERM else None
        penalties = sorted(set(penalties), key=ORDER.index) or (["imprisonment"] if term else [])
        if not penalties:
            return []
        named.append((person, penalties, term))
    return named


def verdict_penalties(
    text: str, sentence: Block, kb: Knowledge
) -> list[tuple[str, int, int]] | None:
    """The penalties a sentence passes (not those demanded, threatened or served), or None
    when it passes none and names no verdict's object ("sentenced Orlov")."""
    found = passed_penalties(text, sentence.start, sentence.end, sentence, kb)
    if not found and not OBJECT.search(text, sentence.start, sentence.end):
        return None
    return found


def bracketed_penalties(text: str, sentence: Block, kb: Knowledge) -> Named:
    """Names each followed by its own penalty in brackets, as summaries list them: "among
    them the kulak A (VMN) and the priest B (10 years ITL)", "C. D. Surname (exile, 5
    years)"."""
    found: Named = []
    pattern = kb.derived(
        "bracketed",
        lambda kb: re.compile(
            rf"(?:({object_item(kb)})|(?<=\s)(?P<two>{object_item(kb)}\s+and\s+{object_item(kb)}))"
            r"\s*\(([^()]{1,60})\)"
        ),
    )
    for m in pattern.finditer(text, sentence.start, sentence.end):
        own = penalties_in(text, m.start(3), m.end(3), kb)
        if not own:
            continue
        if m["two"]:  # "the White officers A and B (first category)": both
            names = split_subjects(text, m.start("two"), m.end("two"), kb) or []
        else:
            one = list_item_name(text, m.start(1), m.end(1), kb) or parse_item(
                text, m.start(1), m.end(1), kb
            )
            names = [one] if one else []
        years = years_in(text, m.start(3), m.end(3), kb)
        for name in names:
            if name.surname in not_names(kb):
                continue
            for penalty in sorted({p for p, _, _ in own}, key=ORDER.index):
                term = years[0][0] if years and penalty != "death" else None
                found.append((name, [penalty], term))
    return found


def listed_in_verdict(text: str, sentence: Block, kb: Knowledge, penalties: list[str]) -> Named:
    """A bracketed or dashed list in a verdict: "(A, B and C)", "– A, B and C –", "— A. B.
    Surname, C. D. Othername and E. F. Third —"."""
    found: Named = []
    for names in name_lists(text, sentence.start, sentence.end, kb, minimum=1):
        before = text[max(0, names.start - 2) : names.start]
        single = names.names[0] if len(names.names) == 1 else None
        if single and not (single.initials or single.given):
            continue  # "served her term in Campname (Placename)": one bare word is a gloss
        if "(" in before or "—" in before or "–" in before or before == "- ":
            found += [(name, penalties, None) for name in names.names]
    if found:
        return found
    for m in re.finditer(r"[—–]\s*([^—–;]{3,300}?)\s*[—–]", text[sentence.start : sentence.end]):
        a, b = sentence.start + m.start(1), sentence.start + m.end(1)
        listed = split_subjects(text, a, b, kb) or []  # "Surname A. B., Othername C. D."
        if len(listed) > 1 and all(n.initials or n.given for n in listed):
            found += [(name, penalties, None) for name in listed]
    return found


# "found A, B and C guilty and sentenced them to …"
FOUND_GUILTY = (
    r"\bfound\s+(?P<names>[^;.]{3,200}?)\s+guilty\b[^;.]{0,40}?"
    r"\b(?P<verb>sentenced|condemned|gave)\s+(?:them|him|her)\b"
)


def found_guilty(text: str, sentence: Block, kb: Knowledge) -> Named:
    """The persons a court "found … guilty and sentenced them (him, her) to" a penalty, or
    "gave him" one."""
    m = re.search(FOUND_GUILTY, text[sentence.start : sentence.end])
    if m is None:
        return []
    a, b = sentence.start + m.start("names"), sentence.start + m.end("names")
    b -= len(text[a:b]) - len(text[a:b].rstrip(", "))
    # "found the former chairman of the kolkhoz, Surname, guilty": the name after its post
    post = re.match(r"(?:the|a|an)\s+[^,]{1,80},\s+(?=[A-Z])", text[a:b])
    names = split_subjects(text, a + (post.end() if post else 0), b, kb) or []
    after = sentence.start + m.start("verb")
    own = passed_penalties(text, after, sentence.end, sentence, kb)
    years = years_in(text, after, sentence.end, kb)
    penalties = sorted({p for p, _, _ in own}, key=ORDER.index)
    term = years[0][0] if years else None
    return [(n, [p], term if p != "death" else None) for n in names for p in penalties]


PER_NAME = re.compile(
    rf"({WORD})\s+(?:(?P<verb>received|got|gets|receives|was given)\s+)?"
    rf"((?:{NUMBER_WORD}|\d+))\s+years\b"
)


def with_own_terms(text: str, sentence: Block, kb: Knowledge, named: Named) -> Named:
    """Names written with their own terms: "(Pletnev 25 years, Rakovsky 20 years and
    Bessonov 15 years)", "A received ten years, B eight years of exile"; such a name
    replaces the same name read without its term."""
    named = list(named)
    for m in PER_NAME.finditer(text, sentence.start, sentence.end):
        joined = re.search(r"\band\s+$", text[sentence.start : m.start()])
        if joined and (m["verb"] or re.match(r"\s+each\b", text[m.end() : sentence.end])):
            continue  # "A and B received ten years each": the subjects' rule reads both
        name = parse_item(text, m.start(1), m.end(1), kb)
        said = years_in(text, m.start(3), min(sentence.end, m.end() + 30), kb)
        value = said[0][0] if said else None  # "2 years and 3 months" is 2.25
        if name and value and value <= MAX_TERM:
            named = [n for n in named if n[0].start != name.start]
            # "… ten years of exile": the penalty its own words name, else prison
            stop = re.search(r"[,;]|\band\b", text[m.end() : sentence.end])
            own = penalties_in(text, m.end(), m.end() + stop.start() if stop else sentence.end, kb)
            if not own and re.match(r"\s+of\s+\w", text[m.end() : sentence.end]):
                continue  # "X received ten years of funding": years of something else
            penalty = next((p for p, _, _ in own if p != "death"), "imprisonment")
            named.append((name, [penalty], value))
            named += subsequent_penalty(text, sentence, kb, name, m.end(), penalty)
    return named


# A second penalty served after the first: "… ten years of camps with subsequent exile for
# three years", "… followed by three years of exile"
SUBSEQUENT = re.compile(r"\b(?:with\s+subsequent|followed\s+by|and\s+then)\s+", re.IGNORECASE)


def subsequent_penalty(
    text: str, sentence: Block, kb: Knowledge, name: Name, at: int, first: str
) -> Named:
    """The penalty (with its own term) that a verdict adds after the first one's term."""
    then = SUBSEQUENT.search(text, at, sentence.end)
    if then is None or re.search(r"[;.]", text[at : then.start()]):
        return []
    end = re.search(r"[;]|$", text[then.end() : sentence.end])
    stop = then.end() + end.start() if end else sentence.end
    own = [p for p, _, _ in passed_penalties(text, then.end(), stop, sentence, kb) if p != first]
    years = years_in(text, then.end(), stop, kb)
    return [(name, [own[0]], years[0][0] if years and own[0] != "death" else None)] if own else []


def items_and_respects(text: str, sentence: Block, kb: Knowledge) -> Named:
    """Numbered items inside the sentence, and "in respect of A and B"."""
    return inline_items(text, sentence, kb) + names_in_respect(text, sentence, kb)


def verdict_objects(text: str, sentence: Block, kb: Knowledge, named: Named) -> Named:
    """The object of a verdict's verb not yet read: "from shooting Orlov", "cost Orlov a
    sentence of ten years" (a title alone is not the person: "sentenced Professor X")."""
    titles = {row["title"] for row in kb["titles"]}
    found: Named = []
    for m in OBJECT.finditer(text, sentence.start, sentence.end):
        name = parse_item(text, m.start(2), m.end(2), kb)  # "Given Surname"
        # "sentenced the Red Army man Surname": the capitals were a post's, the person after
        # (a post's last word is a noun, not a word that starts a phrase: "sentenced A after
        # B's testimony" keeps A)
        post = re.match(
            rf"\s+{_ROLE_WORD}(?!{PHRASE_WORDS})[a-z]+\s+({WORD})\b(?![’']s\b)",
            text[m.end(2) : sentence.end],
        )
        if post:
            name = parse_item(text, m.end(2) + post.start(1), m.end(2) + post.end(1), kb)
        if name is None:  # the words are not one name: the first alone ("Orlov Moscow")
            name = parse_item(text, m.start(2), m.start(2) + len(m[2].split()[0]), kb)
        if name is None or name.surname in not_names(kb) or name.surname in titles:
            continue
        if re.match(r"['’]s\b", text[name.end : name.end + 2]):
            continue  # "sentenced A's deputy, B, …": B, not A
        if any(n.start <= name.start < n.end for n, _, _ in [*named, *found]):
            continue  # already read, with its title or initials
        if kin_before(text, m.start(1), m.start(2), kb):
            continue  # "sentenced the wife of the former chairman X": she, not X
        if m[1] == "gave" and not re.match(rf"\s+(?:{NUMBER_WORD}|\d+)\s+years\b", text[m.end() :]):
            continue  # "gave X permission", "gave X a reprimand": no term, no verdict
        after = penalties_in(text, m.start(), min(sentence.end, m.end() + 60), kb)
        if m[1] in ("shooting", "shot", "executed"):
            penalty = ["death"]
        elif m[1] == "sentenced":  # "sentenced the former chairman … X to the supreme measure"
            penalty = [p for p, _, _ in after][:1]
        else:
            penalty = [p for p, _, _ in after if p != "death"][:1]
        if penalty:
            years = years_in(text, m.end(), min(sentence.end, m.end() + 60), kb)
            found.append((name, penalty, years[0][0] if years else None))
    return found


def kin_before(text: str, start: int, end: int, kb: Knowledge) -> bool:
    """Whether a relative's word stands in text[start:end], the words between a verb and
    a name ("the wife of the former chairman", "The widow of the director,")."""
    return bool(term_pattern(kb, "kin").search(text, start, end))


def collective_verdict(text: str, sentence: Block, kb: Knowledge, clause: Clause) -> bool:
    """ "found the sixteen guilty and convicted them": the verdict is on the trial's list;
    the count it gives, if any, is kept to check against the list."""
    if not term_pattern(kb, "collective").search(text, sentence.start, sentence.end):
        return False
    clause.collective = True
    words = re.search(rf"\bthe ({NUMBER_WORD}|\d+)\b", text[sentence.start : sentence.end])
    clause.count = parse_count(words[1], kb) if words else None
    return True


JOINED_PRONOUN = re.compile(
    r"\b(?:he|she)\s+and\s+(?:(?:his|her|the)\s+(?:[a-z-]+\s+){0,4})?", re.I
)


def subjects(
    source: Source,
    paragraph: list[Block],
    index: int,
    above: list[Block],
    kb: Knowledge,
    clause: Clause,
    found: list[tuple[str, int, int]],
) -> Named:
    """The sentence's subjects, each with its own clause's penalties and the clauses that
    continue it; and a pronoun's person for the penalties before the first subject's
    clause (all of them, if there is no subject): "He was … sentenced to death …; his
    deputy, A. B. Surname, received eight years"."""
    text = source.text
    sentence = paragraph[index]
    subject = subject_names(text, sentence, kb)
    if subject and AND_BEFORE.search(text, sentence.start, subject[0].start):
        # "A, and the church warden B were each condemned": A is a subject too
        before = names_before_verdict(text, sentence, kb)
        if {n.start for n in subject} < {n.start for n in before}:
            subject = before
    subject = subject or names_before_verdict(text, sentence, kb)
    if not subject and (group := both_of(text, [*above, *paragraph[:index]], sentence, kb)):
        stop = CLAUSE_BREAK.search(text, sentence.start, sentence.end)
        own = passed_penalties(
            text, sentence.start, stop.start() if stop else sentence.end, sentence, kb
        )
        if not own:
            return []  # "Both received the Order of Lenin; the accused were shot."
        clause.start = min(clause.start, group[0].start)  # the span quotes their names
        return [(n, sorted({p for p, _, _ in own}, key=ORDER.index), None) for n in group]
    named: Named = [
        own_clause(text, sentence, name, clause, kb)
        if sentence.start <= name.start < sentence.end
        else (name, clause.penalties, None)
        for name in subject
    ]
    if len(subject) == 1:
        named += continued_verdicts(text, sentence, subject[0], kb)
    first = min((n.start for n in subject), default=sentence.end)
    early = [f for f in found if f[1] < first and CLAUSE_BREAK.search(text, f[2], first)]
    pronoun = pronoun_near_penalty(text, sentence, early if subject else found, kb)
    # "He and his deputy A. B. Surname were shot": the pronoun is one of the subjects
    joined = JOINED_PRONOUN.search(text, max(sentence.start, first - 60), first)
    if subject and pronoun is None and joined and joined.end() == first:
        pronoun, early = joined.start(), []
    if pronoun is not None:
        penalties = sorted({p for p, _, _ in early}, key=ORDER.index) if subject else None
        antecedent = resolve_pronoun(
            source, paragraph[:index], above, sentence, pronoun, kb, clause
        )
        named += [(n, penalties or clause.penalties, None) for n in antecedent]
    elif subject:

        def resolve(at: int) -> list[Name]:
            return resolve_pronoun(source, paragraph[:index], above, sentence, at, kb, clause)

        named += later_pronoun(text, sentence, found, subject, resolve)
    return named


AND_BEFORE = re.compile(r",?\s+and\s+(?:the\s+(?:[a-z-]+\s+){1,3})?$")
# "Both received the supreme measure", "All three were shot": the persons named just before
BOTH = re.compile(
    rf"\s*(?:(?P<both>Both)(?:\s+of\s+them)?|(?:The|All|all)\s+(?P<count>{NUMBER_WORD}))"
    r"(?:\s+of\s+them)?\s+(?:were|was|received|got|have|had|are)\b"
)


def both_of(text: str, before: list[Block], sentence: Block, kb: Knowledge) -> list[Name]:
    """The persons "Both" or "All three" opening a sentence stand for: the list of as many
    names in the sentence just before it ("The case of A and B (arson). Both received the
    supreme measure."), or none."""
    m = BOTH.match(text, sentence.start, sentence.end)
    if m is None or not before:
        return []
    count = 2 if m["both"] else parse_count(m["count"], kb)
    last = before[-1]
    for listing in reversed(name_lists(text, last.start, last.end, kb, minimum=2)):
        if len(listing.names) == count:
            return list(listing.names)
    return []


# "…; she herself was exiled": a pronoun that opens a later clause as its subject
LATER_PRONOUN = re.compile(
    r"[;,]\s+(?:and\s+|but\s+)?(?P<pronoun>he|she)\s+(?:(?:himself|herself)\s+)?"
    r"(?:was|were|had\s+been|has\s+been|got|received)\b",
    re.IGNORECASE,
)


def later_pronoun(
    text: str,
    sentence: Block,
    found: list[tuple[str, int, int]],
    subject: list[Name],
    resolve: Callable[[int], list[Name]],
) -> Named:
    """The person of a pronoun that opens a later clause, when it cannot be the sentence's
    subject: "Her husband, A. B. Surname, was shot; she herself was exiled"."""
    m = LATER_PRONOUN.search(text, max(n.end for n in subject), sentence.end)
    if m is None or any(agrees(n, m["pronoun"]) for n in subject):
        return []
    own = sorted({p for p, a, _ in found if a > m.start()}, key=ORDER.index)
    if not own:
        return []
    persons = resolve(m.start("pronoun"))
    return [(n, own, None) for n in persons if all(n.start != s.start for s in subject)]


def commuted(
    source: Source,
    earlier: list[Block],
    above: list[Block],
    sentence: Block,
    kb: Knowledge,
    clause: Clause,
) -> Named:
    """ "Two months later the sentence was commuted to fifteen years", "…; by the ruling of
    … the term was reduced to 7 years": the penalty after the commutation (a bare term is
    prison), for the person the clause names or a pronoun there would stand for."""
    text = source.text
    m = term_pattern(kb, "commutation").search(text, sentence.start, sentence.end)
    if m is None or REQUESTED.search(text[sentence.start : m.start()]):
        return []  # "the procurator asked to reduce the measure of punishment for A to …"
    end = text.find(";", m.end(), sentence.end)
    after = Block(m.end(), sentence.end if end < 0 else end)
    penalties = sorted(
        {p for p, _, _ in passed_penalties(text, after.start, after.end, sentence, kb)},
        key=ORDER.index,
    )
    years = years_in(text, after.start, after.end, kb)
    penalties = penalties or (["imprisonment"] if years else [])
    term = years[0][0] if years else None
    before = sorted({n.start: n for n, _, _ in clause.names if n.start < m.start()}.items())
    persons = [before[-1][1]] if before else []  # "…, but for Petrov the sentence was …"
    owner = TERM_OWNER.search(text, m.start(), m.end())  # "the term of Surname was reduced"
    group = next((g for g in (1, 2, 3) if owner[g]), 0) if owner else 0
    owned = (
        None
        if owner is None
        # "SURNAME Given …", else "Surname", "Surname A. B." or "Given Surname"
        else list_item_name(text, owner.start(3), owner.end(3), kb)
        or parse_item(text, owner.start(3), owner.end(3), kb)
        if group == 3
        else parse_item(text, owner.start(group), owner.end(group), kb)
    )
    persons = [owned] if owned and owned.surname not in not_names(kb) else persons
    persons = persons or resolve_pronoun(source, earlier, above, sentence, m.start(), kb, clause)
    # Read already with this term, or without one (the clause's terms then apply).
    read = {(n.start, p, t) for n, ps, t in clause.names for p in ps}
    found = [(n, p, term if p != "death" else None) for n in persons[:1] for p in penalties]
    return [
        (n, [p], t)
        for n, p, t in found
        if (n.start, p, t) not in read and (n.start, p, None) not in read
    ]


# A request for a commutation is none: "the procurator … asked to reduce …", "the defence
# asked the court to reduce …" (not "on the protest of the procurator the court reduced …")
REQUESTED = re.compile(
    r"\b(?:ask|request|propos|petition|demand|plead|urg)\w*\s+(?:the\s+\w+\s+)?to\s+$"
)


# Whose sentence a commutation names: "the term of Surname A. B. was reduced", "Surname's
# sentence was commuted", "to reduce the measure of punishment for SURNAME Given Patronymic to"
TERM_OWNER = re.compile(
    rf"(?:sentence|term)\s+of\s+((?:[{UPPER}][\w’'-]+\s+){{1,3}}?(?:[{UPPER}]\.\s*){{0,2}})"
    rf"(?=(?:was|had|has|were)\b)|\b([{UPPER}][\w-]+)['’]s\s+(?:\w+\s+){{0,2}}?(?:sentence|term)\b"
    rf"|(?:punishment|sentence|term)\s+(?:for|of|in\s+respect\s+of)\s+"
    rf"((?:[{UPPER}][\w’'-]+\s+){{1,3}}?(?:[{UPPER}]\.\s*){{0,2}})(?=to\b)"
)


VERDICT_VERB = (
    # "…, who in YEAR was given N years by the oblast court"
    r"(?:,?\s+(?:who\s+(?:(?:in|on)\s+[^,;.]{1,30}?\s+)?)?"
    r"(?:was|were|are|is|(?:had|have|has)\s+(?:again\s+|also\s+)?been"
    r"|(?:are|is|were) to be)\s+"
    r"(?:(?:later|then|also|again|all|both|each|subsequently|summarily|duly|in fact|actually"
    r"|eventually|finally|immediately|secretly)\s+)?"
    # "was arrested and on DATE sentenced": the arrest, then the verdict
    r"(?:(?:arrested|tried|detained)\b[^.;]{0,100}?\band\s+(?!(?:his|her|their)\b|[A-Z])"
    r"(?:[^.;,]{0,40}?\s)?)?"
    r"(?:shot|executed|sentenced|condemned|convicted|given(?=\s+(?:\w+\s+){1,2}years))\b"
    # "…, whom the Military Collegium sentenced in June 1937 to …": the object of a relative
    r"|,\s+whom\s+(?:[^,;.]{0,100}?\s)?(?:shot|executed|sentenced|condemned|convicted)\b"
    # "A. B. Surname (himself sentenced in YEAR by a tribunal to …)": a participle in brackets
    r"|\s*\((?:(?:himself|herself|themselves|also|later)\s+)?(?:sentenced|condemned|convicted)\b"
    # "the petitions of A, B and C, sentenced by the collegium to …": a participle
    r"|,\s+(?:(?:both|all|each|previously|earlier|already|once|twice|later)\s+)?"
    r"(?:sentenced|condemned|convicted):?\s+(?=(?:by|to|in|on)\b))"  # "convicted: in 1929 by"
)


# The words a verdict's verb ends with (VERDICT_VERB), to look for names before each.
VERDICT_WORDS = re.compile(r"\b(?:shot|executed|sentenced|condemned|convicted|given)\b")
NAMES_BEFORE_VERB = 600  # characters of names, posts and an apposition before the verb


NAME_AT_END = re.compile(rf"\s([{UPPER}][a-z’'-]+)$")


def names_before_verdict(text: str, sentence: Block, kb: Knowledge) -> list[Name]:
    """Names anywhere in a sentence right before a verdict verb, in apposition or with
    their ranks: "His three deputies, A, B and C, were shot", "the corps commander
    A. B. Surname, the division commander C. D. Othername and … were shot", "A. B.
    Surname, who was shot in the same year"."""
    item = object_item(kb)
    # "the former director of the MTS", "the chairman of the kolkhoz "Red Dawn""
    word = r"(?:[a-z()]+|[A-Z]{2,5}|\"[^\"\n]{1,30}\")"
    role = (
        r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Ff]ormer)\s+"
        rf"(?:{word}\s+){{0,8}}(?:{word},\s+)?"  # "the former director of the MTS, Surname"
    )
    # "his accomplice, the brigade leader Surname"; each role matched whole (an atomic group:
    # "former director of the MTS, " split as two roles made a list of them exponential)
    role_item = rf"(?>{role}){{0,2}}{item}"
    # ", an old friend of the family," between a name and "who had been sentenced"
    # (not a relative: "A, daughter of B, sentenced …" sentences B)
    kin = term_pattern(kb, "kin").pattern
    # (up to four of them: ", b. 1886, native of the vil. Ust-Olkha, former priest,")
    apposition = (
        rf"(?P<apposition>(?:,\s+(?!who\b|whose\b|which\b|(?:the\s+|his\s+|her\s+)?(?:{kin}))"
        r"[^,;()]{1,120}?(?=,)){1,4})?"
    )
    pattern = re.compile(
        rf"(?P<names>{role_item}(?:(?:\s*,\s*|\s*,?\s+and\s+){role_item})*)"
        rf"{apposition}{VERDICT_VERB}"
    )
    # The names stand before a verdict's verb: look for them only in a window before each
    # (a long list of names with no verb after it would otherwise cost exponential time).
    m = None
    for verb in VERDICT_WORDS.finditer(text, sentence.start, sentence.end):
        window = max(sentence.start, verb.start() - NAMES_BEFORE_VERB)
        m = pattern.search(text, window, min(sentence.end, verb.end() + 40))
        # not a clause that ends with a name of its own ("A, B, all of us wait for news of
        # C, who was given …": the verdict is C's)
        last = m and m["apposition"] and NAME_AT_END.search(m["apposition"])
        if last and last[1] not in not_names(kb):
            m = None
        if m is not None:
            break
    if m is None or negated(text, sentence, m.end(), kb):
        return []
    banned = not_names(kb)
    names = []
    # Each name without its post ("the former director of the MTS A. S. Surname").
    pieces = list(
        re.finditer(rf"(?:{role})?(?P<item>{item})", text[m.start("names") : m.end("names")])
    )
    for index, piece in enumerate(pieces):
        start = m.start("names") + piece.start("item")
        found = split_subjects(text, start, m.start("names") + piece.end("item"), kb)
        of = re.search(r"\bof\s+$", text[m.start("names") : start])
        if of and index + 1 < len(pieces) and not any(n.initials for n in found or []):
            continue  # "the priest of the village of Placename, Surname …": a place
        place = re.search(r"\b(?:from|in|at|near)\s+$", text[m.start("names") : start])
        if place and not any(n.initials or n.given for n in found or []):
            continue  # "A, a teacher from Placename, who had been given …"
        after = m.start("names") + piece.end("item")
        if index + 1 < len(pieces) and kin_before(text, after, after + 20, kb):
            continue  # "Surname A., daughter of Othername B., sentenced …": the relative
        names += [
            n for n in found or [] if n.surname not in banned and not after_article(text, n.start)
        ]
    given = {row["name"] for row in kb["given_names"]}
    one = names[0] if len(names) == 1 else None
    # the subject of its sentence, a relative clause after it, is a person ("Surname, whom
    # the troika had sentenced in 1933 to three years of exile, returned")
    opens = one and re.fullmatch(r"[\s\d.)(–—-]*", text[sentence.start : one.start])
    relative = opens and re.match(r",\s+(?:who|whom)\b", text[one.end : one.end + 8])
    # "The accused MIRONYUK, previously convicted …": a title before the name, as its post
    titled = one and re.search(rf"\b(?:{title_pattern(kb)})\s+$", text[sentence.start : one.start])
    if one and not (
        one.initials or one.title or titled or one.given in given or register_name(one) or relative
    ):
        return []  # one capitalised phrase ("the High Command") is not surely a person
    return one_subject(text, names, m.end(), kb) or []


def surely_a_person(name: Name, given: set[str]) -> bool:
    """A name with initials, a title or a known given name is a person's."""
    return bool(name.initials or name.title or name.given.split()[:1] in ([g] for g in given))


def register_name(name: Name) -> bool:
    """ "SURNAME Given Patronymic": the surname in capitals, as registers write a person."""
    return bool(name.given and re.match(CAPS_SURNAME + r"\b", name.written))


ANTECEDENT_REACH = 8  # sentences back, up to a blank line, that a pronoun's person may stand


def resolve_pronoun(
    source: Source,
    earlier: list[Block],
    above: list[Block],
    sentence: Block,
    pronoun: int,
    kb: Knowledge,
    clause: Clause,
) -> list[Name]:
    """The person a pronoun stands for: a full name before it in its sentence, else the
    subject (or last full name) of the nearest sentence before it, up to a blank line,
    that has one, else the person
    the entry is about (an inference, recorded in `clause.inferred`). The clause's
    span grows back to the sentence that names them."""
    text = source.text
    word = text[pronoun : pronoun + 3]
    here = Block(sentence.start, pronoun)
    # Inside a relative clause, its antecedent: "… Tsvetkov, who had concealed that in 1929
    # he was sentenced …"
    owner = RELATIVE_OWNER.search(text, sentence.start, pronoun)
    owned = parse_item(text, owner.start(1), owner.end(1), kb) if owner else None
    if owned is not None and owned.surname not in not_names(kb) and agrees(owned, word):
        return [called(source, kb, clause, owned)]
    # In its own sentence: a full name, or the bare surname a clause opens with as its
    # subject ("Surname, it turned out, had been tried before: … sentenced him", "In 1930
    # Surname was arrested; in 1937 he was sentenced").
    found = [
        n
        for n in subject_names(text, here, kb, ANTECEDENT_VERBS, anywhere=True)
        if agrees_as_kin(n, word, kb)
        and (n.given or n.initials or n.title or opens_clause(text, sentence, n, kb))
    ][-1:]
    # else a full name before it: "The case of Surname A. P. The court sentenced her …"
    found = found or [n for n in patients(text, here, kb) if agrees_as_kin(n, word, kb)][-1:]
    kin = None if found else kin_after(text, here, kb, word, here.start)
    if kin or found:
        return (
            [relative_named(source, clause, kin)] if kin else [called(source, kb, clause, found[0])]
        )
    # The sentences before it up to a blank line: a memoir's paragraph keeps to one person.
    for before in [*reversed(earlier), *reversed(above)][:ANTECEDENT_REACH]:
        subject = subject_names(text, before, kb, ANTECEDENT_VERBS)
        found = [
            n for n in subject or patients(text, before, kb)[-1:] if agrees_as_kin(n, word, kb)
        ]
        # a relative called by their kin word after the last full name ("… they came for
        # Mother"), unless the sentence's subject is the person
        kin = (
            None
            if subject and found
            else kin_after(text, before, kb, word, found[0].start if found else before.start)
        )
        if kin:
            return [relative_named(source, clause, kin)]
        if found:
            clause.start = before.start
            return [called(source, kb, clause, found[0])]
    if not re.match(r"(?:he|she|him)\b", text[pronoun : pronoun + 4], re.IGNORECASE):
        return []
    lead = article_subject(source, kb, pronoun)
    if lead is not None and agrees(lead[0], word):
        clause.inferred[lead[0].start] = ("article_subject", lead[1])
        return [lead[0]]
    return []


RELATIVE_OWNER = re.compile(
    rf"([{UPPER}][\w’'-]+(?:\s+[{UPPER}]\.\s*){{0,2}}),\s+who\b[^.;]{{0,160}}\bthat\s+[^.;]{{0,40}}$"
)
# "… by General Surname", "by the investigator Surname": the agent of a passive verb
AGENT_BEFORE = re.compile(
    r"\b(?:[a-z]+ed|shot|taken|killed|beaten|given|seen|made|done|struck)\b[^.;]{0,60}?"
    r"\bby\s+(?:the\s+)?(?:[A-Za-z]+\s+){0,3}$"
)  # not "In the corner by the bucket lay A": a passive verb's "by"


def patients(text: str, sentence: Block, kb: Knowledge) -> list[Name]:
    """The full names of a sentence that a later pronoun may stand for: not the agent of a
    passive verb ("he was shot by General Surname"; "his" after it is the one shot)."""
    return [
        n
        for n in full_names(text, sentence, kb)
        if not AGENT_BEFORE.search(text, max(sentence.start, n.start - 120), n.start)
    ]


# The words before a name that make it a place ("prisoners from Placename, sentenced …")
PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|towards?)\s*$", re.IGNORECASE)


def places(kb: Knowledge) -> frozenset[str]:
    """The places of etl/knowledge/places.csv."""
    return kb.derived("place_names", lambda k: frozenset(r["place"] for r in k["places"]))


def agrees_as_kin(name: Name, pronoun: str, kb: Knowledge) -> bool:
    """Whether a name agrees with a pronoun, a kin word before it giving its gender
    ("Uncle Given" is a man, whatever his name ends in)."""
    gender = kin_genders(kb).get(name.title.lower()) if name.title else None
    if gender and re.match(r"(?:he|she|him|his|her)\b", pronoun, re.IGNORECASE):
        return (gender == "f") == pronoun.lower().startswith(("she", "her"))
    return agrees(name, pronoun, given_names(kb))


def opens_clause(text: str, sentence: Block, name: Name, kb: Knowledge) -> bool:
    """Whether a name opens a clause, maybe after an article and a word or two ("The
    acquitted Surname did not stay free for long: he …")."""
    return any(
        c <= name.start
        and re.fullmatch(r"(?:(?:The|the)\s+(?:[a-z-]+\s+){1,3})?", text[c : name.start])
        for c in clause_starts(text, sentence, kb)
    )


def kin_after(
    text: str, sentence: Block, kb: Knowledge, pronoun: str, after: int
) -> Relative | None:
    """The relative a pronoun may stand for: the last one the sentence calls by their kin
    word ("they came for Mother"), of the pronoun's gender, after position `after`."""
    she = pronoun.lower().startswith(("she", "her"))
    found = [
        k.relative
        for k in kin_references(text, kb, sentence.start, sentence.end)
        if k.start >= after and (k.relative.gender == "f") == she
    ]
    return found[-1] if found else None


def relative_named(source: Source, clause: Clause, relative: Relative) -> Name:
    """The name a relative was introduced with, the clause recording where: an inference."""
    ref = source.span(relative.name.start, relative.name.end).ref
    clause.inferred[relative.name.start] = ("kin_reference", ref)
    return relative.name


def called(source: Source, kb: Knowledge, clause: Clause, name: Name) -> Name:
    """A name, or the full name of the relative it calls by kin word and given name ("Uncle
    Given"), which the text gave elsewhere: an inference, recorded in the clause."""
    full = full_name(source.text, kb, name)
    if full is not name:
        clause.inferred[full.start] = ("kin_reference", source.span(full.start, full.end).ref)
    return full


def kin_verdicts(source: Source, sentence: Block, kb: Knowledge, clause: Clause) -> Named:
    """A relative called by their kin word as a verdict's subject or object: "My father was
    condemned to death", "the troika gave Father ten years"."""
    text = source.text
    starts = clause_starts(text, sentence, kb)
    for ref in kin_references(text, kb, sentence.start, sentence.end):
        subject = ref.start in starts and re.match(rf"\s+(?:{SUBJECT_VERBS})\b", text[ref.end :])
        object_of = VERDICT_ON_HIM.search(text[max(sentence.start, ref.start - 20) : ref.start])
        if not (subject or object_of):
            continue
        ends = [c for c in starts if c > ref.end] + [sentence.end]
        penalties = sorted(
            {p for p, _, _ in passed_penalties(text, ref.end, ends[0], sentence, kb)},
            key=ORDER.index,
        )
        if penalties:
            name = relative_named(source, clause, ref.relative)
            return [(name, penalties, first_term(text, ref.end, ends[0], kb))]
    return []


IN_FORCE = re.compile(
    r"\bsentence\b[^.;]{0,200}?\b(?:remains|remained|was\s+left|is\s+left|left)\s+in\s+force\b"
)
APPEALED = re.compile(r"\b(?:appeals?|cassation|protest|petition|complaint)\b", re.IGNORECASE)


def left_in_force(
    text: str, sentence: Block, before: list[Block], kb: Knowledge, clause: Clause
) -> Named:
    """A sentence restated as left in force on appeal: "The cassation appeal of A has been
    rejected. The sentence of the raion court – seven years – remains in force.": the
    person whose appeal the sentence before names (the span grows back to it)."""
    said = IN_FORCE.search(text, sentence.start, sentence.end)
    if said is None or not before or not APPEALED.search(text, before[-1].start, before[-1].end):
        return []
    persons = full_names(text, before[-1], kb, patronymic=True)
    if len(persons) != 1:
        return []
    found = passed_penalties(text, sentence.start, sentence.end, sentence, kb)
    penalties = sorted({p for p, _, _ in found}, key=ORDER.index)
    if not penalties:
        return []
    clause.start = min(clause.start, before[-1].start)
    return [(persons[0], penalties, first_term(text, sentence.start, sentence.end, kb))]


OTHERS_VERDICT = re.compile(
    r"\b(?:which|that|who|whom)\s+(?:\w+\s+){0,2}?(?:sentenced|condemned|gave|had\s+sentenced)\b"
)


def writer_verdicts(source: Source, sentence: Block, kb: Knowledge, clause: Clause) -> Named:
    """A verdict the writer of a memoir or letter tells of themselves ("I was given eight
    years by the Special Board", "they gave me five years"), given to the one person the
    text names as its writer: an inference from where that name stands."""
    text = source.text
    said, rule = first_person(text, sentence), "writer"
    person = writer(text, kb, said.start()) if said else None
    if said is None and (said := second_person(text, sentence)):  # "You were sentenced …"
        person, rule = addressee(text, kb, said.start()), "addressee"
    if person is None:
        return []
    ends = [c for c in clause_starts(text, sentence, kb) if c > said.end()] + [sentence.end]
    # "… a copy of the verdict which sentenced my husband to ten years": not the writer's
    stop = OTHERS_VERDICT.search(text, said.end(), ends[0])
    end = stop.start() if stop else ends[0]
    found = passed_penalties(text, said.start(), end, sentence, kb)
    term = first_term(text, said.start(), end, kb)
    penalties = sorted({p for p, _, _ in found}, key=ORDER.index) or (
        ["imprisonment"] if term else []
    )
    if not penalties:
        return []
    clause.inferred[person.start] = (rule, source.span(person.start, person.end).ref)
    return [(person, penalties, term)]


CONDITION = re.compile(r"\b(?:if|unless|threaten\w*)\b", re.IGNORECASE)
ADDED_TO = re.compile(r"\badded\s+(?:another\s+|a\s+further\s+)?(?P<term>[^.;,]{3,30}?)\s+to\s+")


def added_term(text: str, sentence: Block, kb: Knowledge, trial_id: str | None) -> Clause | None:
    """ "In 1942 they added another five years to Surname's term": a new term of prison."""
    m = ADDED_TO.search(text, sentence.start, sentence.end)
    if m is None:
        return None
    name = re.compile(
        rf"({object_item(kb)})['’]s?\s+(?:term|sentence)\b(?!\s+of\s+(?:service|office))"
    ).match(text, m.end(), sentence.end)
    years = years_in(text, m.start("term"), m.end("term"), kb)
    if name is None or not years:
        return None
    clause = Clause(sentence.start, sentence.end, trial_id, ["imprisonment"], [years[0][0]])
    clause.names = verdicts_of(
        text, Block(name.start(1), name.end(1)), ["imprisonment"], years[0][0], kb
    )
    return clause if clause.names else None


def writer_term(
    source: Source, sentence: Block, kb: Knowledge, trial_id: str | None
) -> Clause | None:
    """A term of years without a penalty's word that the writer tells of themselves ("in
    1946 they gave me another five years"): prison, as a bare term is."""
    if first_person(source.text, sentence) is None and second_person(source.text, sentence) is None:
        return None
    clause = Clause(sentence.start, sentence.end, trial_id, ["imprisonment"], [None])
    clause.names = writer_verdicts(source, sentence, kb, clause)
    return clause if clause.names else None


def full_names(text: str, sentence: Block, kb: Knowledge, patronymic: bool = False) -> list[Name]:
    """Names in a sentence that are surely persons: with initials, a title or a known given
    name ("The first secretary …, A. B. Surname, then forty years old, …"), or written as
    registers write them ("SURNAME Given Patronymic", "Surname A. B.", "Given Patronymic
    SURNAME"); with `patronymic`, also "Given Patronymic Surname" whatever the given name
    (in a list of the sentenced; in prose such a name is as often a relative or a
    witness as the person a pronoun stands for)."""
    given = {row["name"] for row in kb["given_names"]}
    banned = not_names(kb)
    found = []
    for m in re.finditer(names_regex(kb), text[sentence.start : sentence.end]):
        name = parse_item(text, sentence.start + m.start(), sentence.start + m.end(), kb)
        if name is None or name.surname in banned:
            continue
        before = text[sentence.start : name.start]
        if before.count("(") > before.count(")"):
            continue  # a name in brackets is another spelling, not the sentence's person
        if surely_a_person(name, given) or (patronymic and has_patronymic(name.given, kb)):
            found.append(name)
    piece = text[sentence.start : sentence.end]
    # A register's "SURNAME Given Patronymic", "Surname A. B." or "Surname(,) Given Patronymic"
    # (not the "Given Patronymic" inside it), and "Given Patronymic SURNAME".
    inverted = (
        rf"{WORD}(?=\s+{REGISTER_INITIALS}|,?\s+{WORD}\s+{WORD}(?:{patronymic_endings(kb)})\b)"
    )
    for m in re.finditer(rf"\b(?:{CAPS_SURNAME}|{inverted})\b", piece):
        name = list_item_name(text, sentence.start + m.start(), sentence.end, kb)
        if name is not None and (name.given or name.initials) and name.surname not in banned:
            # its given names after a comma are not a name of their own ("Surname, Given
            # Patronymic": not "Given" and the surname "Patronymic")
            tail = re.match(rf",?\s+{re.escape(name.given)}", text[name.end : sentence.end])
            stop = name.end + (tail.end() if name.given and tail else 0)
            found = [n for n in found if not name.start <= n.start < stop] + [name]
    for m in re.finditer(rf"\b({WORD}\s+{WORD})\s+({CAPS_SURNAME})\b", piece):
        a, b = sentence.start + m.start(), sentence.start + m.end()
        # the whole name, not its "Given Patronymic" read as a given name and a surname
        found = [n for n in found if not (n.start <= a < n.end or a <= n.start < b)]
        found.append(Name(m[0], a, b, m[2].title(), given=m[1]))
    return sorted(found, key=lambda n: n.start)


def own_clause(
    text: str, sentence: Block, name: Name, clause: Clause, kb: Knowledge
) -> tuple[Name, list[str], float | None]:
    """A subject's penalties and term are those of its own clause when it states any:
    "All but two … were sentenced to death; A and B received ten years"."""
    starts = clause_starts(text, sentence, kb)
    if len(starts) == 1:  # one clause: the sentence's penalties, whatever follows the name
        return name, clause.penalties, None
    ends = [c for c in starts if c > name.end] + [sentence.end]
    # the clause runs on over a joined subject ("A, born 1884, and 14 participants were
    # sentenced to VMN; …") up to its first penalty, never past a ";"
    end = ends[0]
    found = [p for p, _, _ in passed_penalties(text, name.end, end, sentence, kb)]
    for later in ends[1:]:
        if found or text[:end].rstrip().endswith(";"):
            break
        end = later
        found = [p for p, _, _ in passed_penalties(text, name.end, end, sentence, kb)]
    if not found:
        return name, clause.penalties, None
    years = years_in(text, name.end, end, kb)
    penalties = sorted(set(found), key=ORDER.index)
    return name, penalties, years[0][0] if years else None


# A later clause of the same subject, its verb without a subject: "…, and on 5 October
# 1937 condemned by the Military Collegium to death", "…; later sentenced to ten years".
CONTINUED = re.compile(
    r"(?:(?:and|but)\s+)?(?:(?:on|in|at)\s+[^,;]{1,40}?\s+)?(?:was\s+)?"
    r"(?:(?:later|then|again|subsequently)\s+)?(?:re-?)?(?:sentenced|condemned|convicted)\b"
)


def continued_verdicts(
    text: str, sentence: Block, name: Name, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """The penalties of the clauses after a subject's own that continue its verb without a
    subject of their own, each with its term."""
    starts = [c for c in clause_starts(text, sentence, kb) if c > name.end]
    found: list[tuple[Name, list[str], float | None]] = []
    for start, end in zip(starts, [*starts[1:], sentence.end][: len(starts)], strict=True):
        if not CONTINUED.match(text, start, end):
            continue
        own = [p for p, _, _ in passed_penalties(text, start, end, sentence, kb)]
        terms = penalty_terms(text, Block(start, end), start, kb)
        for penalty in sorted(set(own), key=ORDER.index):
            found.append((name, [penalty], terms[0][0] if terms and penalty != "death" else None))
    return found


RESPECTIVELY = re.compile(r"\brespectively\b")


def respectively(
    text: str, sentence: Block, kb: Knowledge, penalties: list[str]
) -> list[tuple[Name, list[str], float | None]]:
    """ "A and B received fifteen and ten years … respectively": the n-th
    name gets the n-th term, when the counts agree (the names of the whole sentence, or
    of the clause that says "respectively": "C received death, while A and B …")."""
    if not RESPECTIVELY.search(text, sentence.start, sentence.end):
        return []  # respective_terms reads no terms without the word
    names = subject_names(text, sentence, kb, SENTENCING_VERBS)
    terms = respective_terms(text, sentence, kb, len(names))
    earlier: Named = []
    mixed = respective_verdicts(text, sentence, kb, names) if terms is None and names else []
    if mixed:  # "A, B and C … to shooting, to 10 years and to 8 years … respectively"
        return [(n, [p], t) for n, (p, t) in zip(names, mixed, strict=True)]
    if terms is None:
        names, terms, earlier = respective_clause(text, sentence, kb)
    written = RESPECTIVE_TERMS.search(text, sentence.start, sentence.end)
    if terms is None and written:  # with their posts: "A. B. Surname and the chairman … C. X"
        names = full_names(text, Block(sentence.start, written.start()), kb)
        terms = respective_terms(text, sentence, kb, len(names))
    if terms is None:
        return []
    penalty = next((p for p in penalties if p != "death"), "imprisonment")
    return earlier + [(n, [penalty], v) for n, v in zip(names, terms, strict=True)]


TO_PIECE = re.compile(r",?\s+(?:and\s+)?(?=to\s)")
SEMICOLON_PIECE = re.compile(r";\s*(?:and\s+)?(?=to\s)")
AND_PIECE = re.compile(
    rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?=(?:{NUMBER_WORD}|\d+)[\s-]+years?\b|death\b|exile\b)"
)


def respective_verdicts(
    text: str, sentence: Block, kb: Knowledge, names: list[Name]
) -> list[tuple[str, float | None]]:
    """ "… to shooting, to 10 years and to 8 years of camp respectively": one penalty and
    term per "to", if there are as many as names (a bare term is prison), else none."""
    end = text.find("respectively", names[-1].end, sentence.end)
    if end == -1 or len(names) < 2:
        return []
    first = re.search(r"\bto\s", text[names[-1].end : end])
    if first is None:
        return []
    start = names[-1].end + first.start()
    # pieces set apart by semicolons are cut only there ("to shooting; to … camps for 10
    # years; and to exile to Kazakhstan for 5 years, respectively")
    cutter = SEMICOLON_PIECE if ";" in text[start:end] else TO_PIECE
    parts = re.split(r";\s*(?:and\s+)?", text[start:end])
    if cutter is SEMICOLON_PIECE and not all(p.startswith("to") for p in parts):
        return []  # "A and B to …; C and D to eight and five years respectively": not theirs
    cuts = [start, *(m.end() for m in cutter.finditer(text, start, end)), end]
    pieces = [Block(a, b) for a, b in pairwise(cuts) if text[a:b].startswith("to")]
    if len(pieces) == 1:  # "to death and eight years respectively": one "to" for all
        cuts = [start, *(m.end() for m in AND_PIECE.finditer(text, start, end)), end]
        pieces = [Block(a, b) for a, b in pairwise(cuts)]
    found = []
    for piece in pieces:
        penalties = [p for p, _, _ in penalties_in(text, piece.start, piece.end, kb)]
        if not penalties and re.match(r"(?:to\s+)?death\b", text[piece.start : piece.end]):
            penalties = ["death"]  # "to death and eight years respectively"
        term = first_term(text, piece.start, piece.end, kb)
        if not penalties and term is None:
            return []
        penalty = penalties[0] if penalties else "imprisonment"
        found.append((penalty, term if penalty != "death" else None))
    if len(found) != len(names):
        return []
    # the last piece names what the bare terms before it are ("to 10 years and to 8 years of
    # camp"); a piece with words of its own keeps its own ("to 10 years of camp")
    last = next((p for p, _ in reversed(found) if p != "death"), "imprisonment")
    return [
        (
            last
            if p == "imprisonment" and BARE_PIECE.fullmatch(text, piece.start, piece.end)
            else p,
            t,
        )
        for (p, t), piece in zip(found, pieces, strict=True)
    ]


BARE_PIECE = re.compile(rf"to\s+(?:{NUMBER_WORD}|\d+)\s+years?\s*(?:and\s*)?,?\s*")


def respective_clause(
    text: str, sentence: Block, kb: Knowledge
) -> tuple[list[Name], list[float] | None, Named]:
    """The names and terms of the clause that says "respectively" ("C received death,
    while A and B were given 10 and 8 years respectively"), and the subjects of the
    clauses before it with their own penalties."""
    starts = clause_starts(text, sentence, kb)
    for start, end in zip(starts, [*starts[1:], sentence.end], strict=True):
        if "respectively" not in text[start:end]:
            continue
        own = Block(start, sentence.end)
        names = subject_names(text, own, kb, SENTENCING_VERBS)
        terms = respective_terms(text, own, kb, len(names))
        before = Block(sentence.start, start)
        found = passed_penalties(text, before.start, before.end, sentence, kb)
        given = sorted({p for p, _, _ in found}, key=ORDER.index)
        earlier = [(n, given, None) for n in subject_names(text, before, kb)] if given else []
        return names, terms, earlier
    return [], None, []


def sentenced_objects(
    text: str, sentence: Block, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """ "The court sentenced General X to VMN", "sentenced the accused A and B to ten years",
    "SENTENCED: SURNAME A. B., OTHERNAME C. D. … to the supreme measure", "sentenced A to
    ten years and B to seven years": the names after a verdict verb, each group with the
    penalty and term that follow it up to the next group."""
    names = object_list(kb)
    first = re.compile(
        rf"\b(?:sentenced|condemned|convicted|gave|sentences|condemns|SENTENCED|CONDEMNED):?\s+"
        # "the accused", "the former brigade leader" (a role in lowercase words), "the former
        # head of the land department, Surname, to ten years" (a role and a comma)
        rf"(?:(?:the|former)\s+(?:(?:{_ROLE_WORD}[a-z-]+\s+){{0,5}}(?:{FACTION}\s+)?"
        rf"|(?:{_ROLE_WORD}[a-z-]+\s+){{0,8}}{_ROLE_WORD}[a-z-]+,\s+))?(?P<names>{names})"
        # "condemned A, the former head of the land department, to death", "sentenced A, who
        # stole 12 centners of grain, to 6 years"
        rf"(?:,\s+(?:the|a|an|his|her|their|who)\s+[^,;]{{1,80}}?(?=,\s+(?:to|for)\b))?"
        # "… to", "A - to", "gave A and B five years", 'gave A the "vyshka"', "gave A the
        # highest measure", "sentenced A under the first category"
        rf"(?:,?(?:\s+[-–—])?\s+(?:to|for|under)\b|\s+(?=(?:{NUMBER_WORD}|\d+)\s+years\b)"
        rf"|\s+(?=(?:the\s+)?[\"“'](?=\w)|the\s+(?:highest|supreme|death|capital|maximum)\b))"
    )
    more = re.compile(
        rf"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)"
        # "…, and the fitter B to eight years", "…, and his deputy B to ten years", "…; B, a
        # recidivist, to eight years", "…; B - to eight years"
        rf"(?:(?:the|his|her|their)\s+(?:{_ROLE_WORD}[a-z-]+\s+){{0,5}})?(?P<names>{names})"
        rf"(?:,?\s+under\s+[^;]{{1,80}}?)?,?(?:\s+[-–—])?\s+to\b"  # "…, under Art. 58-7, to"
    )
    found = []
    for m in first.finditer(text, sentence.start, sentence.end):
        if kin_before(text, m.start(), m.start("names"), kb):
            continue  # "sentenced the wife of the former chairman X": she, not X
        groups = [m]
        while (following := more.search(text, groups[-1].end(), sentence.end)) is not None:
            groups.append(following)
        for group, after in zip(groups, [*groups[1:], None], strict=True):
            end = after.start() if after else sentence.end
            semicolon = text.find(";", group.end(), end)  # "…; and the wife, C, …": not theirs
            end = semicolon if semicolon != -1 else end
            penalties = sorted(
                {p for p, _, _ in penalties_in(text, group.end(), end, kb)}, key=ORDER.index
            )
            years = years_in(text, group.end(), end, kb)
            if (
                not penalties
            ):  # the verb is the first group's: "… and B to death", "… to seven years"
                to_death = re.match(r"\s*death\b", text[group.end() : end])
                penalties = ["death"] if to_death else (["imprisonment"] if years else [])
            group_names = split_subjects(text, group.start("names"), group.end("names"), kb) or []
            group_names = [
                n
                for n in group_names
                if n.surname not in not_names(kb)
                and not after_article(text, n.start)  # "sentenced the BANDITS to be shot"
                and not re.match(r"['’]s\b", text[n.end : n.end + 2])  # "A's wife"
            ]
            # "A, B and C to shooting, to 10 years and to 8 years … respectively"
            mixed = respective_verdicts(text, sentence, kb, group_names) if group_names else []
            if mixed:
                found += [(n, [p], t) for n, (p, t) in zip(group_names, mixed, strict=True)]
                continue
            # "A and B to ten and eight years respectively": each name its own term
            own = respective_terms(text, Block(group.end(), end), kb, len(group_names))
            for name, term in zip(group_names, own or [None] * len(group_names), strict=True):
                term = term or (years[0][0] if years else None)
                found += [(name, [p], term if p != "death" else None) for p in penalties]
    return found or inverted_objects(text, sentence, kb)


# "… which on DATE resolved: "SURNAME Given Patronymic, as a socially dangerous
# element, to be confined in a corrective labour camp for eight years."": a resolution quoted
RESOLVED_QUOTE = re.compile(
    r"\b(?:resolved|decided|decreed|ruled|sentenced)\s*:\s*[\"“«„]?\s*(?P<names>[^,;:\"”»]{3,80}?)"
    r"(?:,[^;:\"”»]{1,100}?,)?\s*(?:[–—-]\s*)?(?=to\s+be\b)"
)


def verdicts_of(
    text: str, names: Block, penalties: list[str], term: float | None, kb: Knowledge
) -> Named:
    """One row per person of text[names] and penalty, the term for all but death; the
    persons as registers and verdicts write them, never a word that is no name."""
    persons = split_subjects(text, names.start, names.end, kb) or []
    ordered = sorted(set(penalties), key=ORDER.index)
    return [
        (n, [p], term if p != "death" else None)
        for n in persons
        if n.surname not in not_names(kb)
        for p in ordered
    ]


def quoted_resolution(text: str, sentence: Block, kb: Knowledge) -> Named:
    """The person of a resolution quoted in prose, before its "to be …" (the penalty)."""
    m = RESOLVED_QUOTE.search(text, sentence.start, sentence.end)
    if m is None:
        return []
    # its own words: up to the next ";" or the closing quote
    stop = re.search(r"[;\"”»]", text[m.end() : sentence.end])
    end = m.end() + stop.start() if stop else sentence.end
    penalties = [p for p, _, _ in passed_penalties(text, m.end(), end, sentence, kb)]
    term = first_term(text, m.end(), end, kb)
    return verdicts_of(text, Block(m.start("names"), m.end("names")), penalties, term, kb)


PASSED = re.compile(r"\b(?:passed|pronounced|imposed|handed\s+down)\b")
APPLIED = re.compile(r"\b(?:applied|apply|applies)\s+to\s+")
NEXT_INFINITIVE = re.compile(r";|,\s+to\s+")
APPLYING_BODY = re.compile(
    r"\b(?:court|tribunal|[Cc]ollegium|troika|[Tt]roika|[Bb]oard|OSO|DETERMINED|DECIDED|RESOLVED)\b"
)


def applied_to(text: str, sentence: Block, kb: Knowledge) -> Named:
    """ "The court applied to the accused A and B the supreme measure of punishment, and to
    C deprivation of liberty for 10 years": each group of names with the penalty after it."""
    names = object_list(kb)
    # "To A the court applied the supreme measure": the names first
    fronted = re.compile(
        rf"\s*To\s+(?:the\s+(?:accused|defendants?|convicted)\s+)?(?P<names>{names})\s+"
        r"(?:the\s+)?(?:[\w']+\s+){0,3}?(?i:court|tribunal|collegium|troika|board)\s+applied\b"
    ).match(text, sentence.start, sentence.end)
    if fronted:
        penalties = [
            p for p, _, _ in passed_penalties(text, fronted.end(), sentence.end, sentence, kb)
        ]
        term = first_term(text, fronted.end(), sentence.end, kb)
        return verdicts_of(
            text, Block(fronted.start("names"), fronted.end("names")), penalties, term, kb
        )
    first = APPLIED.search(text, sentence.start, sentence.end)
    if first is None or term_pattern(kb, "not_verdict").search(text, sentence.start, first.start()):
        return []  # "the prosecutor asked the court to apply to A …": a demand
    if not APPLYING_BODY.search(text, sentence.start, first.start()):
        return []  # "The same rules applied to A as to the others": no body applies them
    group = re.compile(
        rf"(?:\b(?:applied|apply|applies)\s+to|,?\s+and\s+to)\s+"
        rf"(?:the\s+(?:accused|defendants?|convicted)\s+)?(?P<names>{names})"
    )
    groups = list(group.finditer(text, first.start(), sentence.end))
    if not groups:
        return []
    found: Named = []
    for m, after in zip(groups, [*groups[1:], None], strict=True):
        end = after.start() if after else sentence.end
        other = NEXT_INFINITIVE.search(text, m.end(), end)  # "…, to sentence B to …"
        end = other.start() if other else end
        penalties = [p for p, _, _ in passed_penalties(text, m.end(), end, sentence, kb)]
        found += verdicts_of(
            text,
            Block(m.start("names"), m.end("names")),
            penalties,
            first_term(text, m.end(), end, kb),
            kb,
        )
    return found


def passed_on(text: str, sentence: Block, kb: Knowledge) -> Named:
    """A sentence passed on its persons, the penalty before each: "The death sentence was
    passed on A and B", "passed sentences of ten years on C and eight years on D"; or
    after them: "imposed on A a sentence of ten years", "The sentence on B: death", "The
    court's sentence on C was five years of exile"."""
    on_names = f"({object_list(kb)})"
    verb = PASSED.search(text, sentence.start, sentence.end)
    sentence_on = re.compile(rf"\bsentences?\s+(?:on|for)\s+{on_names}(?:\s*[:—–]|\s+(?:was|is)\b)")
    if verb is None:
        stated = sentence_on.search(text, sentence.start, sentence.end)
        return after_names(text, sentence, kb, stated) if stated else []
    if not re.search(r"\bsentences?\b", text[sentence.start : sentence.end]):
        return []
    names = re.compile(
        # "on the wrecker A", "on the former manager of the B grain point, Given SURNAME"
        rf"\bon\s+(?:the\s+[^,;:]{{0,80}}?\b[a-z][a-z-]*,\s+"
        rf"|the\s+(?:{_ROLE_WORD}[a-z-]+\s+){{0,4}})?{on_names}"
    )
    found: Named = []
    cursor = sentence.start
    for m in names.finditer(text, verb.start(), sentence.end):
        penalties = sorted(
            {p for p, _, _ in penalties_in(text, cursor, m.start(), kb)}, key=ORDER.index
        )
        if not penalties and not found:  # "imposed on A a sentence of ten years"
            return after_names(text, sentence, kb, m)
        term = first_term(text, cursor, m.start(), kb)
        penalties = penalties or (["imprisonment"] if term else [])
        found += verdicts_of(text, Block(m.start(1), m.end(1)), penalties, term, kb)
        cursor = m.end()
    return found


# "the appeal of A, sentenced by the oblast court to …", "B, who had been given ten years
# by the OSO": a participle or a relative clause after a name
PARTICIPLE = re.compile(
    # "who in 1933 was given", "who had later been sentenced"
    r",\s+(?:who\s+(?:in\s+\d{4}\s+|[a-z]+ly\s+)?(?:had\s+)?(?:[a-z]+ly\s+)?"
    # the passive ("who had been sentenced"), not "who had sentenced A and B to death"
    r"(?:(?:been|was|were)\s+(?:sentenced|condemned|convicted|given)|got|received)"
    # "whom the oblast court sentenced in April to ten years"
    r"|whom\s+(?:the\s+)?(?:[\w'’-]+\s+){1,6}?(?:sentenced|condemned|convicted|gave)"
    # "…, arrested on 11 August 1937 and sentenced by the troika …"
    r"|(?:arrested|detained)\b[^,;]{0,60}?\s+and\s+(?:sentenced|condemned|convicted)"
    r"|(?:having\s+been\s+)?(?:sentenced|condemned|convicted))\b"
)
# what ends the participle's phrase: ", was refused", ", died in the camp"
PHRASE_END = re.compile(
    r",\s+(?:was|were|is|are|had|has|have|died|returned|came|went|remained|and|but|who)\b"
)
NAME_REACH = 120  # characters before the comma where the name and its apposition stand


def participle_objects(text: str, sentence: Block, kb: Knowledge) -> Named:
    """The name before a participle or relative clause that sentences it, with the
    penalties and term of that clause: "the appeal of A, sentenced by the oblast
    court on 2 September to the supreme measure", "B, sentenced in 1937 to ten
    years", "C, a German communist, who had been given ten years by the OSO"."""
    # its appositions: "…, a German communist,", "…, born 1902, native of the village of …,"
    apposed = (
        r"(?:,\s+(?:(?:an?|the|his|her)\s+|born\b|b\.|native\b|resident\b|former\b)[^,;.]{0,60})"
        r"{0,3}"
    )
    # one name or several: "the appeals of A. B. SURNAME and C. D. OTHERNAME, former …, whom"
    before = re.compile(rf"({object_list(kb)}){apposed}$")
    found: Named = []
    for m in PARTICIPLE.finditer(text, sentence.start, sentence.end):
        head = before.search(text, max(sentence.start, m.start() - NAME_REACH), m.start())
        if (
            head is None
            or has_patronymic(head[1], kb)  # "Surname, Given Patronymic, got …": read before
            # a place: "fifty kulaks from Placename, sentenced by the troika"
            or PLACE_BEFORE.search(text, max(sentence.start, head.start(1) - 8), head.start(1))
            or head[1].strip() in places(kb)
            # not an organisation after its article: "a former member of the Society, who had …"
            or after_article(text, head.start(1))
            or kin_before(text, max(sentence.start, head.start() - 30), head.start(), kb)
        ):
            continue
        stop = PHRASE_END.search(text, m.end(), sentence.end)
        brk = CLAUSE_BREAK.search(text, m.end(), sentence.end)
        end = min([x.start() for x in (stop, brk) if x] + [sentence.end])
        # a participle tells its own: "I request a review of the case of A, sentenced …"
        phrase = Block(m.start(), end)
        penalties = [p for p, _, _ in passed_penalties(text, m.start(), end, phrase, kb)]
        term = first_term(text, m.end(), end, kb)
        penalties = penalties or (["imprisonment"] if term else [])
        found += verdicts_of(text, Block(head.start(1), head.end(1)), penalties, term, kb)
    return found


def after_names(text: str, sentence: Block, kb: Knowledge, named: re.Match) -> Named:
    """The persons of `named` (its group 1) with the penalties and term of their clause
    after them (a bare term is prison)."""
    end = CLAUSE_BREAK.search(text, named.end(), sentence.end)
    end = end.start() if end and end.start() > named.end() else sentence.end
    penalties = [p for p, _, _ in penalties_in(text, named.end(), end, kb)]
    term = first_term(text, named.end(), end, kb)
    penalties = penalties or (["imprisonment"] if term else [])
    return verdicts_of(text, Block(named.start(1), named.end(1)), penalties, term, kb)


def replaced_pattern(kb: Knowledge) -> re.Pattern:
    """ "replaced the shooting of A. B. Surname with …": the old penalty, then the names."""
    names = object_list(kb)
    return re.compile(
        r"\breplaced\s+(?:the\s+)?(?P<old>[^,;.]{2,60}?)\s+(?:of|for|on)\s+"
        rf"(?:the\s+(?:[a-z-]+\s+){{0,3}})?(?P<names>{names})\s+(?:with|by)\s+"
    )


REPLACED_WHAT = re.compile(r"shooting|death|execution|sentence|term|punishment|VMN", re.I)


def replaced_with(text: str, sentence: Block, kb: Knowledge) -> Named:
    """A sentence replaced by another: "the Supreme Court replaced the shooting of A with
    ten years of imprisonment": the new penalty is A's."""
    m = replaced_pattern(kb).search(text, sentence.start, sentence.end)
    if m is None or not REPLACED_WHAT.search(m["old"]):
        return []
    own = [p for p, _, _ in penalties_in(text, m.end(), sentence.end, kb)]
    term = first_term(text, m.end(), sentence.end, kb)
    own = own or (["imprisonment"] if term else [])
    return verdicts_of(text, Block(m.start("names"), m.end("names")), own, term, kb)


# A body that passes sentences, or a verdict's own word, before a decision in the infinitive.
DECIDING_BODY = re.compile(
    r"\b(?:troika|Special\s+Board|OSO|tribunal|court|Collegium|verdict|sentence)\b", re.I
)


# "The court ruled that A and B be shot": a body's decision in the subjunctive
RULED_THAT = re.compile(r"\b(?:ruled|ordered|decided|resolved|decreed|directed)\s+that\s+")


def decided(text: str, sentence: Block, kb: Knowledge) -> Named:
    """A decision's penalties in the infinitive, each before its names: "the troika
    decided to shoot A and B and to imprison C for ten years", "The verdict: to shoot A";
    or in the subjunctive after them: "the court ruled that A and B be shot"."""
    names = re.compile(object_list(kb))
    ruled = RULED_THAT.search(text, sentence.start, sentence.end)
    if ruled and DECIDING_BODY.search(text, sentence.start, ruled.start()):
        group = names.match(text, ruled.end(), sentence.end)
        be = group and re.compile(r",?\s+(?:should\s+)?be\s+").match(
            text, group.end(), sentence.end
        )
        if be:
            end = CLAUSE_BREAK.search(text, be.end(), sentence.end)
            end = end.start() if end else sentence.end
            penalties = [p for p, _, _ in penalties_in(text, group.end(), end, kb)]
            term = first_term(text, group.end(), end, kb)
            return verdicts_of(text, Block(group.start(), group.end()), penalties, term, kb)
    decision = term_pattern(kb, "decision").search(text, sentence.start, sentence.end)
    if not decision or not DECIDING_BODY.search(text, sentence.start, decision.end()):
        return []  # a body's decision: not "Stalin decided to deport …", not a meeting's
    verbs = [
        v
        for v in term_pattern(kb, "imperative").finditer(text, decision.end(), sentence.end)
        if v.start() == decision.end()
        or text[max(0, v.start() - 6) : v.start()].rstrip().endswith(" and")
    ]
    found: Named = []
    for verb, after in zip(verbs, [*verbs[1:], None][: len(verbs)], strict=True):
        group = names.match(text, verb.end(), sentence.end)
        if not group:
            continue
        end = after.start() if after else sentence.end
        words = text[verb.start() : verb.end()].strip()  # "to shoot", read without its context
        penalties = [p for p, _, _ in penalties_in(words, 0, len(words), kb)]
        penalties += [p for p, _, _ in penalties_in(text, group.end(), end, kb)]
        term = first_term(text, group.end(), end, kb)
        found += verdicts_of(text, Block(group.start(), group.end()), penalties, term, kb)
    return found


def inverted_objects(text: str, sentence: Block, kb: Knowledge) -> Named:
    """The penalty before the names, as translations keep the Russian order: "condemned
    to death A, B and C", "sentenced to ten years' imprisonment A and B"."""
    names = object_list(kb)
    inverted = re.compile(
        rf"\b(?:sentenced|condemned)\s+(?P<penalty>to\s+[a-z0-9 ,'’–—-]{{2,80}}?)\s+"
        rf"(?P<names>{names})\s*(?=[.;]|$)"
    )
    found: Named = []
    for m in inverted.finditer(text, sentence.start, sentence.end):
        named = penalties_in(text, m.start(), m.end("penalty"), kb)
        if not named or not re.fullmatch(
            r"['’]?(?:\s+in absentia)?", text[max(e for _, _, e in named) : m.end("penalty")]
        ):
            continue  # the names must follow the penalty: not "… to death as a Trotskyist"
        penalties = [p for p, _, _ in named]
        term = first_term(text, m.start("penalty"), m.end("penalty"), kb)
        found += verdicts_of(text, Block(m.start("names"), m.end("names")), penalties, term, kb)
    given_to = re.compile(rf"\b(?:was|were)\s+(?:given|awarded)\s+to\s+(?P<names>{names})")
    for m in given_to.finditer(text, sentence.start, sentence.end):  # "Ten years each were
        said = passed_penalties(text, sentence.start, m.start(), sentence, kb)  # given to A"
        term = first_term(text, sentence.start, m.start(), kb)
        penalties = [p for p, _, _ in said] or (["imprisonment"] if term else [])
        found += verdicts_of(text, Block(m.start("names"), m.end("names")), penalties, term, kb)
    return found


def object_item(kb: Knowledge) -> str:
    """A name as verdicts write it after their verb: the usual forms with initials after
    the surname, or a surname in capitals with initials, given names or alone."""
    caps = (
        rf"(?:(?:{title_pattern(kb)})\s+)?"  # "Citizen SURNAME Given Patronymic"
        rf"{CAPS_SURNAME}(?:\s+{REGISTER_INITIALS}(?=\s|,|$)|\s+{WORD}(?:\s+{WORD})?)"
        rf"|{WORD}\s+{WORD}\s+{CAPS_SURNAME}\b"  # "Given Patronymic SURNAME"
        rf"|{REGISTER_INITIALS}\s*{CAPS_SURNAME}\b"  # "A. S. SURNAME"
    )
    return rf"(?:{caps}|{BARE_CAPS}|{names_regex(kb)}{TRAILING})"


def object_list(kb: Knowledge) -> str:
    """Names as verdicts write them, joined by commas and "and" ("A, B and C"), a later
    one with its role ("A, his deputy B and the senior mechanic C") and any with a short
    apposition ("A, 67 years old, and B")."""
    return kb.derived(
        "object_list",
        lambda k: (
            rf"{object_item(k)}{OBJECT_APPOSED}"
            rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){ROLE}?{object_item(k)}{OBJECT_APPOSED})*"
        ),
    )


# An object's apposition: its age or post, not its reason ("A, as a former convict, to …"),
# its penalty (", to ten years, and …") or the next object (", and his accomplice, …")
OBJECT_APPOSED = APPOSED.replace("|that)", "|that|as|to|for|under|and|or|but|by|with)").replace(
    "(?=,)",
    r"(?=,|\s[-–—]\s)",  # "A, a recidivist - to eight years"
)


def elided_verdicts(
    text: str, sentence: Block, kb: Knowledge, named: list
) -> list[tuple[Name, list[str], float | None]]:
    """A clause after ";" whose verb is the sentence's: "A was sentenced to eight years;
    the bookkeeper B and the storekeeper C to five years each", "A received ten years,
    B eight" (a bare number after a term of years is a term of years)."""
    found = bare_terms(text, sentence, kb, named)
    if not term_pattern(kb, "verdict").search(text, sentence.start, sentence.end):
        return found
    role = r"(?:(?:the|a|his|her|their)\s+(?:[a-z]+\s+){1,3})?"
    item = rf"{role}(?:{BARE_CAPS}|{names_regex(kb)}{TRAILING})"
    clause = re.compile(
        # "; the remaining accused, A and B, to ten years each": a role and a comma
        rf"(?:;|,\s+and|,)\s+(?:(?:the|a|his|her|their)(?:\s+[a-z]+){{1,5}},\s+)?"
        rf"(?P<names>{item}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){item})*)"
        rf"{UNDER_ARTICLE}"  # "; the bookkeeper B under Art. 111 to 1 year of …"
        rf"(?:,?(?:\s+|\s*[—–]\s*)to\s+"  # "…, the accountant A. Fink — to six years"
        rf"|\s+(?=(?:{NUMBER_WORD}|\d+)\s+(?:years|months)\b)"  # "…, and B eight years each"
        rf"|\s*[—–]\s*(?=(?:{NUMBER_WORD}|\d+)\s+(?:years|months)\b))"  # "; his wife B – 5 years"
    )
    seen = {n.start for n, _, _ in named}
    for m in clause.finditer(text, sentence.start, sentence.end):
        end = text.find(";", m.end(), sentence.end)
        end = sentence.end if end == -1 else end
        penalties = [p for p, _, _ in penalties_in(text, m.end() - 3, end, kb)]
        years = years_in(text, m.end(), end, kb)
        if not penalties and years:
            penalties = ["imprisonment"]  # "to five years each": a bare term is prison
        if has_patronymic(m["names"], kb):
            continue  # "Surname, Given Patronymic, to …": the given names of the name before
        # "Surname, Given Patronymic" is one person; "the bookkeeper A and the storekeeper
        # B" are the names of their roles
        listed = split_subjects(text, m.start("names"), m.end("names"), kb) or [
            parse_item(text, m.start("names") + piece.start(), m.start("names") + piece.end(), kb)
            for piece in re.finditer(names_regex(kb), m["names"])
        ]
        names = [
            n
            for n in listed
            if n
            and n.surname not in not_names(kb)
            and n.start not in seen
            # "…, a collective farmer from Placename, to five years": a place
            and not PLACE_BEFORE.search(text, max(sentence.start, n.start - 8), n.start)
        ]
        terms = respective_terms(text, Block(m.end(), end), kb, len(names))
        for name, own in zip(names, terms or [None] * len(names), strict=True):
            for penalty in sorted(set(penalties), key=ORDER.index):
                term = own or (years[0][0] if years else None)
                found.append((name, [penalty], term if penalty != "death" else None))
    return found


# The article a verdict applies, between a name and its penalty
UNDER_ARTICLE = (
    r"(?:,?\s+under\s+(?:Arts?\.|Articles?)\s*\d[\w.-]*(?:\s+(?:and|,)\s*\d[\w.-]*)*"
    r"(?:\s+of\s+the\s+Criminal\s+Code(?:\s+of\s+the\s+[A-Z]+)?)?)?"
)


# "…, B eight", "… and B seven" after a clause that named its persons and a term of years
BARE_TERM = re.compile(
    rf"(?:;|,\s+and|,|\s+and)\s+"
    # "…, and his accomplice, the seed inspector B, to six"
    r"(?:(?:his|her|their|the)\s+[a-z]+(?:\s+[a-z]+)?,\s+)?(?:the\s+(?:[a-z-]+\s+){1,3})?"
    rf"(?P<name>{BARE_CAPS}|{WORD})(?:\s+(?:got|received))?,?\s+(?:to\s+)?"  # "B got three"
    rf"(?P<count>{NUMBER_WORD}|\d{{1,2}})"
    # the count ends its clause: not "and his son, Given, eight, was sent to an orphanage"
    r"(?=\s*(?:[.;]|,\s+(?:and\s+)?[A-Z]|,?\s+and\s+[A-Z]|$))"
)
TERM_OF_YEARS = re.compile(rf"\b(?:{NUMBER_WORD}|\d+)\s+years\b")


def bare_terms(
    text: str, sentence: Block, kb: Knowledge, named: list
) -> list[tuple[Name, list[str], float | None]]:
    """ "A received ten years, B eight", "gave A ten years and B seven": a surname and a bare
    number after a clause that named its persons and a term of years are another term of
    years (prison, as a bare term is)."""
    if not named:
        return []
    seen = {n.start for n, _, _ in named}
    found = []
    for m in BARE_TERM.finditer(text, sentence.start, sentence.end):
        count = parse_count(m["count"], kb)
        a, b = m.start("name"), m.end("name")
        name = bare_caps_name(text, a, b, kb) or parse_item(text, a, b, kb)
        if (
            count is None
            or not 0 < count <= MAX_TERM
            or name is None
            or name.surname in not_names(kb)
            or name.surname in places(kb)  # "by oblast, Placename 12, Othername 9"
            or not (name.initials or surname_ending(name.surname, kb))
            or name.start in seen
            or not TERM_OF_YEARS.search(text, sentence.start, m.start())
        ):
            continue
        # the penalty of the term before: "exiled for five years, Petrov three" is exile
        before = [p for p, _, _ in passed_penalties(text, sentence.start, m.start(), sentence, kb)]
        penalty = next((p for p in reversed(before) if p != "death"), "imprisonment")
        found.append((name, [penalty], float(count)))
    return found


def before_elided(
    text: str, sentence: Block, kb: Knowledge, named: tuple[Name, list[str], float | None], cut: int
) -> tuple[Name, list[str], float | None]:
    """A name's penalties and term from its own words, up to the elided clause at `cut`."""
    name, penalties, term = named
    own = sorted(
        {p for p, _, _ in passed_penalties(text, name.end, cut, sentence, kb)}, key=ORDER.index
    )
    years = first_term(text, name.end, cut, kb)
    if not own and years is not None:
        own = ["imprisonment"]  # "A to five years; B to three years of exile": a bare term
    return name, own or penalties, term if term is not None else years


def first_term(text: str, start: int, end: int, kb: Knowledge) -> float | None:
    """The first term of years in text[start:end], or None."""
    years = years_in(text, start, end, kb)
    return years[0][0] if years else None


INLINE_MARK = re.compile(r"(?:^|(?<=[\s:;,]))\(?\d{1,2}\)\s+")


def inline_items(
    text: str, sentence: Block, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """Numbered items inside one sentence: "sentenced: (1) A, to be shot; (2) B, to ten
    years ITL": each item's name with the penalty and term it states."""
    marks = list(INLINE_MARK.finditer(text, sentence.start, sentence.end))
    if len(marks) < 2:
        return []
    found = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else sentence.end
        name = list_item_name(text, mark.end(), end, kb)
        own = passed_penalties(text, mark.end(), end, sentence, kb)
        if name is None or name.surname in not_names(kb) or not own:
            continue
        years = penalty_terms(text, Block(mark.end(), end), mark.end(), kb)
        for penalty in sorted({p for p, _, _ in own}, key=ORDER.index):
            found.append((name, [penalty], years[0][0] if years and penalty != "death" else None))
    return found


# Names a verdict's clause lists after its count: "Sentenced to VMN – 15, including the
# organiser A. B. Surname …", "among them C. D. Othername", "Among those shot: SURNAME
# Given Patronymic, …; the former teacher SURNAME A. B.; …".
AMONG = re.compile(
    r"\b(?:among (?:those|them|whom|these)\b[^:;,.]{0,40}?\s*:|among them|including)\s+",
    re.IGNORECASE,
)


def names_among(
    text: str, sentence: Block, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """The persons a clause names after "including", "among them" or "among those …:",
    with the penalties and term of that clause (up to the next ";", or, after a colon,
    the items up to the sentence's end)."""
    found: list[tuple[Name, list[str], float | None]] = []
    for m in AMONG.finditer(text, sentence.start, sentence.end):
        clause_start = max(text.rfind(";", sentence.start, m.start()) + 1, sentence.start)
        own = passed_penalties(text, clause_start, m.end(), sentence, kb)
        if not own:
            continue
        colon = m.group(0).rstrip().endswith(":")
        stop = text.find(";", m.end(), sentence.end)
        end = sentence.end if colon or stop < 0 else stop
        terms = penalty_terms(text, Block(clause_start, m.start()), clause_start, kb)
        term = terms[0][0] if terms else None
        penalties = sorted({p for p, _, _ in own}, key=ORDER.index)
        named = full_names(text, Block(m.end(), end), kb, patronymic=True)
        plain = None if named else plain_list(kb).match(text, m.end(), end)
        if plain:  # "…, including Surname, Othername and Thirdname, were …": the list itself
            named = split_subjects(text, plain.start(), plain.end(), kb) or []
        for name in named:
            if name.surname not in not_names(kb):
                found += [(name, [p], term if p != "death" else None) for p in penalties]
    return found


def plain_list(kb: Knowledge) -> re.Pattern:
    """A list of names alone, closed by a comma and a verb or by the clause's end."""
    return re.compile(
        rf"{names_regex(kb)}(?:(?:\s*,\s*|\s+and\s+){names_regex(kb)})*"
        r"(?=\s*,\s+(?:were|was|had|have|are|is)\b|\s*[.;]|\s*$)"
    )


IN_RESPECT = re.compile(
    r"\b(?:in respect of|in the case of|the case of|concerning|regarding|against)\s+"
)


def names_in_respect(
    text: str, sentence: Block, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """ "The verdict … in respect of Surname, Given Patronymic, sentenced to VMN": the
    person a certificate or a case is about, when the sentence passes a penalty."""
    verdict = term_pattern(kb, "verdict")
    if not verdict.search(text, sentence.start, sentence.end):
        return []
    for m in IN_RESPECT.finditer(text, sentence.start, sentence.end):
        name = list_item_name(text, m.end(), sentence.end, kb)
        if name is None or name.surname in not_names(kb):
            continue
        # "the case of A's brother B": the case is B's, A names whose relative he is
        possessive = re.match(r"['’]s\s+(?:[a-z-]+,?\s+){1,3}", text[name.end : sentence.end])
        if possessive:
            name = list_item_name(text, name.end + possessive.end(), sentence.end, kb)
            if name is None or name.surname in not_names(kb):
                continue
        # not another's verdict told in a relative clause: "…, wife of B, whom the
        # Military Collegium sentenced … to the supreme measure"
        other = RELATIVE_CLAUSE.search(text, name.end, sentence.end)
        another = other and re.search(
            rf"\b[{UPPER}]{{2,}}|\b{WORD}\b", text[name.end : other.start()]
        )
        end = other.start() if another else sentence.end  # "…, who was …" is the name's own
        found = passed_penalties(text, name.end, end, sentence, kb)
        years = penalty_terms(text, Block(sentence.start, end), name.end, kb)
        penalties = sorted({p for p, _, _ in found}, key=ORDER.index)
        return [(name, [p], years[0][0] if years and p != "death" else None) for p in penalties]
    return []


RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whom|whose|which)\b")


# A certificate of execution: "The sentence of shooting in respect of A. B. SURNAME and C. D.
# OTHERNAME was carried out on …" states the sentence it carried out
CARRIED_OUT = re.compile(
    r"\b[Ss]entence\s+of\s+(?P<penalty>[^.;]{3,80}?)\s+in\s+respect\s+of\s+(?P<names>[^;]{3,120}?)"
    r"\s+(?:was|were|has\s+been|have\s+been)\s+(?:carried\s+out|executed)\b"
)


def carried_out(text: str, sentence: Block, kb: Knowledge) -> Named:
    """The persons of a certificate that the sentence of a penalty it names was carried out
    in respect of them, with that penalty."""
    m = CARRIED_OUT.search(text, sentence.start, sentence.end)
    if m is None:
        return []
    penalties = sorted(
        {
            p
            for p, _, _ in passed_penalties(
                text, m.start("penalty"), m.end("penalty"), sentence, kb
            )
        },
        key=ORDER.index,
    )
    names = opening_names(text, m.start("names"), m.end("names"), kb)
    if not penalties or not names or names[-1].end < m.end("names") - 1:
        return []  # the words before "was carried out" are not the names alone
    return [(name, penalties[:1], None) for name in names]


# Surname endings that show a man (-ov, -ev, -in, -sky); others (-ko, -enko,
# -uk, -yan, -dze) are a man's or a woman's alike.
MASCULINE_SURNAME = re.compile(r"(?:ov|ev|ёv|in|yn|sky|skiy|skii|skoi|oy|iy)$")


def agrees(name: Name, pronoun: str, known: frozenset[str] = frozenset()) -> bool:
    """A pronoun and its antecedent agree in gender, as Russian names show it: by the
    patronymic (-ovich, -ovna), else the surname (Larin, Larina), else the given
    name (Yekaterina); a bare surname that shows no gender ("Beria") agrees with either."""
    if not re.match(r"(?:he|she|him|his|her)\b", pronoun, re.IGNORECASE):
        return True  # "the sentence was commuted": no gender to agree with
    she = pronoun.lower().startswith(("she", "her"))
    given = name.given.split()
    # a patronymic says it surely ("Given Patronymic-ich", "Given Patronymic-na"), then the surname
    if len(given) > 1 and re.search(r"(?:ich|ych|na)$", given[-1]):
        return given[-1].endswith("na") == she
    if re.search(r"(?:ova|eva|ina|yna|aya)$", name.surname):
        return she
    # a surname surely Russian and masculine ("Khrushchev"), before a given name in -a
    # (Nikita, Ilya); "-in" alone is no sign (Anna Rubin, Clara Zetkin)
    if re.search(r"(?:ov|ev|ёv|sky|skiy|skii|skoi)$", name.surname):
        return not she
    if not given:
        return True  # "Beria", "Surname-enko": a surname of no Russian ending shows no gender
    if known and given[0] not in known and not given[0].endswith("a"):
        return True  # a given name not of `known` ("Zenzl"), not in -a: either gender
    return bool(re.search(r"(?:a|aya)$", given[0])) == she


CAPITALS = re.compile(
    rf"[{UPPER}][{UPPER}’'-]+(?: [{UPPER}][{UPPER}’'-]+){{0,3}}(?=\s*[(,\[]|\s+was\b)"
)


# A dictionary's head with initials after the surname, then its dates or its first sentence
# (life dates, not a citation's year: "Surname, J. A. (1985). Title …" is no entry)
LIFE_DATES = r"(?=\s*\((?:b\.|born|c\.\s*)?\s*\d{4}\s*[–—)-])"
INVERTED_HEAD = re.compile(
    rf"({WORD}),\s+(?:(?P<initials>(?:[{UPPER}][a-z]?\.\s?){{1,3}})|(?P<given>{WORD}\s+{WORD})){LIFE_DATES}"
)


# Words of a phrase in capitals, never of a person's name
CAPITAL_PHRASE_WORDS = re.compile(r"\b(?:OF|THE|ALL|AND|FOR|TO|IN|ON|A|AN|WITH|BY)\b")


@lru_cache(maxsize=4)
def entry_heads(text: str, item: str) -> tuple[tuple[int, Name], ...]:
    """(offset, name) of every line that opens with the person it is about: an
    encyclopaedic lead ("Given Surname (1890–1950) was …", "GIVEN SURNAME (born …)") or a
    dictionary entry ("SURNAME, Given (1890-1937).")."""
    heads = []
    for line in lines(text):
        start = (
            line.start
            + len(text[line.start : line.end])
            - len(text[line.start : line.end].lstrip())
        )
        capitals = CAPITALS.match(text, start, line.end)
        if capitals and CAPITAL_PHRASE_WORDS.search(capitals[0]):
            capitals = None  # "WORKERS OF THE WORLD, …!": a slogan, no name
        if capitals:
            words = capitals[0].split()
            given = re.match(rf",\s*({WORD})", text[capitals.end() : line.end])
            surname = words[0] if given else words[-1]
            first = given[1] if given else words[0].title() if len(words) > 1 else ""
            if first:
                name = Name(
                    capitals[0], start, capitals.end(), surname.title(), given=first.title()
                )
                heads.append((start, name))
            continue
        inverted = INVERTED_HEAD.match(text, start, line.end)
        # "Surname, P. K. (1894–1944).", "Surname, Given Patronymic (1902–?)."
        if inverted:
            name = Name(
                inverted[0].strip(),
                start,
                start + len(inverted[0].strip()),
                inverted[1],
                initials=(inverted["initials"] or "").strip(),
                given=inverted["given"] or "",
            )
            heads.append((start, name))
            continue
        m = re.compile(item).match(text, start, line.end)
        if m and re.match(r"\s*\((?:born|b\.|\d|[^)]*\d{4})", text[m.end() : line.end]):
            words = m[0].split()
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                heads.append((start, Name(m[0], start, m.end(), words[-1], given=words[0])))
    return tuple(heads)


# A verdict without a subject: "Sentenced by the troika … to VMN", "In 1907 sentenced by
# the Court Chamber to …", "By decision of the Special Board of … sentenced, as …, to …",
# "previously sentenced in 1930 by …", "sent. by the Mil. Coll. …" (dictionaries), "Exiled
# for 5 yrs to Kazakhstan".
# "BODY DD.MM.YYYY – N years", "BODY DD Month YYYY – exile", "BODY DD.MM.YYYY: N years
# ITL": a body, the date and a dash or a colon
DATED_VERDICT = (
    r"(?:[A-Z][\w.]*\s+){0,4}(?:\d{1,2}\.\d{1,2}\.|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+)?\d{4}"
    r"\s*(?:[–—-]\s|:\s)"
)
# "… kolkhoz member. 1937 – 5 years of exile": a dated verdict within an entry's sentence
DATED_DASH = re.compile(rf"(?<=[.;,]\s){DATED_VERDICT}")
SUBJECTLESS = re.compile(
    # "Arrested again on 2.12.1937 and by decision of the troika … sentenced to be shot"
    # "Arr. in 1949 … and sentenced": a dictionary's abbreviation
    r"(?:(?:re-?)?(?:arrested\b|detained\b|arr\.)(?:(?!\b(?:was|were|is|are|he|she)\b)[^;]){0,120}?"
    r"\band\s+)?"
    r"(?:(?:[A-Z][a-z]+ [\d.]+(?: \w+\.?)?"
    r"|(?:in|on|by|at|before|after|during)\b(?:(?!\b(?:was|were|is|are|had|has)\b)[^;]){0,160}?)"
    r"[,;]?\s+)?"  # no verb of its own before: "By decision of … of 1938 X was" has a subject
    r"(?:(?:previously|later|subsequently|again|then|also|once)\s+)?"
    r"(?:(?:re-?)?(?:sentenced|condemned|convicted|sent\.|exiled|banished|deported|confined"
    r"|sent\s+(?:in)?to\s+exile)"
    # "shot 1.8.1938 by sentence of the VKVS"
    r"|shot\b(?:[^;.]|\.(?=\d)){0,30}?\bby\s+(?:the\s+)?(?:sentence|verdict|decision)\b"
    # a memorial book's label: "Sentence: VMN.", "Decision of the OSO of 5.07.1938: 5 years"
    r"|(?:sentence|verdict|decision|punishment)\b[^:;]{0,80}?:"
    # or its date, maybe after the body, and a dash: "OSO 22.05.1938 – 10 years", "1937 – 5
    # years of exile"
    rf"|{DATED_VERDICT}"
    # a body and a dash: "Arrested 1938; OSO – 5 years ITL"
    r"|(?:OSO|troika|Special Board|VKVS|Military Collegium|Collegium of the OGPU)\s*[–—-]\s)",
    re.IGNORECASE,
)
VERDICT_WORD = re.compile(r"\b(?:sentenced|condemned|convicted|exiled|banished|sent\.)")
ENTRY_LINES = 8  # how far above a verdict an entry's head may stand


def entry_of_subjectless(source: Source, sentence: Block, kb: Knowledge) -> list[Name]:
    """The persons a register, protocol or dictionary entry is about, for a verdict of it
    that names nobody else: the names the sentence itself opens with when written in full
    as registers write them ("SURNAME Given Patronymic", "Surname, Given Patronymic", "A,
    B and C: … all three were sentenced"), else (for a verdict without a subject) those of
    the nearest line above, in the same entry, that opens with such names."""
    text = source.text
    own = register_heads(text, sentence.start, sentence.end, kb)
    verdict = VERDICT_WORD.search(text, own[-1].end, sentence.end) if own else None
    if verdict and NEW_SUBJECT.search(text, own[-1].end, verdict.start()):
        return []  # "A. B. Surname was arrested and his wife Anna was later sentenced": hers
    if own and (verdict or DATED_DASH.search(text, own[-1].end, sentence.end)):
        return own
    piece = text[sentence.start : sentence.end]
    clauses = [0] + [m.end() for m in re.finditer(r";\s*", piece)]
    if not any(SUBJECTLESS.match(piece, at) for at in clauses):
        return []
    colon = re.search(r":\s+", piece)
    if colon and register_heads(text, sentence.start + colon.end(), sentence.end, kb):
        return []  # "Sentenced … to 10 years each: SURNAME Given …": its own names, after it
    line_start = text.rfind("\n", 0, sentence.start) + 1
    for _ in range(ENTRY_LINES):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start:line_end].strip():
            return []  # a blank line ends the entry
        heads = [
            h for h in register_heads(text, line_start, line_end, kb) if h.start <= sentence.start
        ]
        if heads:
            return heads
        if line_start == 0:
            return []
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return []


def entry_verdicts(
    text: str, sentence: Block, head: Name, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """The penalties of each clause of an entry's verdict (clauses end at ";" and at each
    verdict verb), each with the term nearest it in its clause: "In YEAR sentenced … to N
    years in a camp; in YEAR exiled … for N years" is two sentences of one person."""
    cuts = [sentence.start]
    cuts += [m.end() for m in re.compile(";").finditer(text, sentence.start, sentence.end)]
    cuts += [m.start() for m in VERDICT_WORD.finditer(text, sentence.start, sentence.end)]
    cuts = sorted(set(cuts))
    found: list[tuple[Name, list[str], float | None]] = []
    for a, b in zip(cuts, [*cuts[1:], sentence.end], strict=True):
        piece = Block(a, b)
        terms = penalty_terms(text, piece, a, kb)
        for penalty, start, _ in penalties_in(text, a, b, kb):
            if negated(text, sentence, start, kb):
                continue
            near = min(terms, key=lambda t: abs(t[1] - start), default=None)
            term = near[0] if near and penalty != "death" else None
            if (head, [penalty], term) not in found:
                found.append((head, [penalty], term))
    return found


def article_subject(source: Source, kb: Knowledge, at: int) -> tuple[Name, str] | None:
    """The person the entry that `at` stands in is about: the last line before it that
    opens with a person's full name, as encyclopaedias and biographical dictionaries begin
    their entries; a "she" no sentence before resolves refers to them. With the span the
    name stands at, since a row that uses it is an inference."""
    heads = [h for h in entry_heads(source.text, names_regex(kb)) if h[0] <= at]
    if not heads:
        return None
    name = heads[-1][1]
    return name, source.span(name.start, name.end).ref


# A subject pronoun that undergoes the verdict ("he was sentenced", "she, with eleven
# others, were shot", "he received ten years") or an object of one ("sentenced him").
PRONOUN_ROLE = re.compile(
    r"(?:he|she)(?:,[^,]{1,120},)?[^.;]{0,60}?\b(?:was|were|had been|has been|is|received|got"
    r"|sentenced|condemned|convicted)\b"
    # a memoir's "he had a tenner", "she had eight years": the term they were serving
    rf"|(?:he|she)\s+had\s+(?:a\s+(?:tenner|fiver)|(?:{NUMBER_WORD}|\d+)\s+years)\b"
    r"|him\b",
    re.IGNORECASE,
)
# "sentenced him", "gave him eight years", "cost him ten years", a board that "sent him into
# exile" (not "nothing could spare him").
VERDICT_ON_HIM = re.compile(
    r"\b(?:sentenced|condemned|convicted|exiled|banished|deported|shot|executed|gave|give|given|cost"
    r"|sent)\s+$",
    re.IGNORECASE,
)


def pronoun_near_penalty(
    text: str, sentence: Block, penalties: list[tuple[str, int, int]], kb: Knowledge
) -> int | None:
    """A pronoun that the penalty is about: "he, along with eleven other officers …, were
    shot" (a subject within 80 characters), "the original five-year sentence for his
    alleged participation" (a possessive within 20). Returns where the pronoun stands."""
    for m in PRONOUN.finditer(text, sentence.start, sentence.end):
        relative = term_pattern(kb, "relative")
        if not m["subject"] and relative.match(text, m.end()):
            continue  # "her husband was executed": the relative is sentenced, not she
        if m["subject"] and not PRONOUN_ROLE.match(text, m.start(), sentence.end):
            continue  # "he mobilized the people imprisoned": not a sentence passed on him
        object_of = text[max(sentence.start, m.start() - 20) : m.start()]
        if m[0].lower() == "him" and not VERDICT_ON_HIM.search(object_of):
            continue  # "nothing could spare him that punishment"
        if re.search(r"\bsent\s+$", object_of) and not DECIDING_BODY.search(
            text, sentence.start, m.start()
        ):
            continue  # "the trust sent him to the camp as chief engineer": no body, no verdict
        if m[0].lower() == "her" and VERDICT_ON_HIM.search(object_of):
            return m.start()  # "the court sentenced her on 3 March 1938 to six years"
        reach = 200 if m["subject"] else 20
        for _, a, b in penalties:
            near = min(abs(m.start() - b), abs(a - m.end())) <= reach
            if near and not CLAUSE_BREAK.search(text, min(m.end(), a), max(m.start(), a)):
                return m.start()
    return None
