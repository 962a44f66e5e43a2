"""The dates stage: TIMEX3 normalisation (pure, no model), tense and clause attachment on
hand-built parses, extraction with the full pipeline, and the MEANTIME benchmark."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from docbuild import build

from pipeline import api
from pipeline.claims.attributes.date import clause_date, is_dateline, tense_class
from pipeline.dates import absolute as timex_absolute
from pipeline.dates.normalise import normalise
from pipeline.dates.tense import span_tense
from pipeline.doc import DATES_KEY

WED = dt.date(2023, 8, 9)  # the seed's published date, a Wednesday
SUN = dt.date(2023, 8, 13)
JAN = dt.date(2024, 1, 15)


def case(text, tense, anchor, type_, value):
    return pytest.param(text, tense, anchor, type_, value, id=f"{text}|{tense}|{anchor}")


# --------------------------------------------------------------------------- normalise (no model)

WEEKDAYS = [
    case("Monday", "PAST", WED, "DATE", "2023-08-07"),
    case("Monday", "PAST", SUN, "DATE", "2023-08-07"),
    case("Monday", "FUTURE", SUN, "DATE", "2023-08-14"),
    case("Thursday", "FUTURE", WED, "DATE", "2023-08-10"),
    case("Thursday", "PAST", WED, "DATE", "2023-08-03"),
    case("This Thursday", "FUTURE", WED, "DATE", "2023-08-10"),
    case("Last Sunday", "PAST", WED, "DATE", "2023-08-06"),
    case("next Monday", "NONE", WED, "DATE", "2023-08-14"),
    case("Wednesday", "PAST", WED, "DATE", "2023-08-09"),
    case("Tuesday", "NONE", WED, "DATE", "2023-08-08"),
    case("Thursday night", "PAST", WED, "TIME", "2023-08-03TNI"),
]
DAYS_OF_MONTH = [
    case("the 6th", "PAST", WED, "DATE", "2023-08-06"),
    case("the 12th", "PAST", WED, "DATE", "2023-07-12"),
    case("the 12th", "FUTURE", WED, "DATE", "2023-08-12"),
    case("the 6th", "FUTURE", WED, "DATE", "2023-09-06"),
    case("July 26th", "PAST", WED, "DATE", "2023-07-26"),
    case("August 8th", "PAST", WED, "DATE", "2023-08-08"),
    case("January 15", "FUTURE", dt.date(2013, 12, 10), "DATE", "2014-01-15"),
    case("December 28", "PAST", JAN, "DATE", "2023-12-28"),
    case("December 10, 2013", "NONE", WED, "DATE", "2013-12-10"),
    case("8 August 2023", "NONE", WED, "DATE", "2023-08-08"),
    case("7/8/07", "NONE", WED, "DATE", "2007-07-08"),
]
MONTHS = [
    case("July", "PAST", WED, "DATE", "2023-07"),
    case("last month", "PAST", JAN, "DATE", "2023-12"),
    case("last month", "PAST", WED, "DATE", "2023-07"),
    case("the end of last month", "PAST", WED, "DATE", "2023-07"),
    case("December", "PAST", JAN, "DATE", "2023-12"),
    case("January", "FUTURE", dt.date(2023, 12, 10), "DATE", "2024-01"),
    case("October", "FUTURE", dt.date(2009, 6, 5), "DATE", "2009-10"),
    case("March", "FUTURE", WED, "DATE", "2024-03"),
    case("July 30th", "FUTURE", WED, "DATE", "2023-07-30"),
    case("early June", "FUTURE", dt.date(2009, 5, 14), "DATE", "2009-06"),
    case("November 2010", "NONE", WED, "DATE", "2010-11"),
    case("next month", "FUTURE", JAN, "DATE", "2024-02"),
    # a past clause never means a month still to come, however far the last one is
    case("July", "PAST", dt.date(2024, 4, 20), "DATE", "2023-07"),
    case("September 5", "PAST", dt.date(2024, 4, 20), "DATE", "2023-09-05"),
    case("March", "PAST", dt.date(2024, 4, 20), "DATE", "2024-03"),
    # a month (and day) with a relative year
    case("March last year", "PAST", dt.date(2023, 5, 12), "DATE", "2022-03"),
    case("July 26 last year", "PAST", dt.date(2024, 6, 14), "DATE", "2023-07-26"),
    case("June 3 next year", "FUTURE", WED, "DATE", "2024-06-03"),
]
YEARS = [
    case("2019", "PAST", WED, "DATE", "2019"),
    case("the 2023 fiscal year", "PAST", WED, "DATE", "2023"),
    case("2023 fiscal year", "PAST", WED, "DATE", "2023"),
    case("fiscal 2021", "PAST", WED, "DATE", "2021"),
    case("late 2006", "PAST", WED, "DATE", "2006"),
    case("last year", "PAST", JAN, "DATE", "2023"),
    case("next year", "FUTURE", WED, "DATE", "2024"),
    case("two years ago", "PAST", WED, "DATE", "2021"),
]
DECADES = [
    case("the 1990s", "PAST", WED, "DATE", "199X"),
    case("the '90s", "PAST", WED, "DATE", "199X"),
    case("the 70s", "PAST", WED, "DATE", "197X"),
    case("the 20th century", "PAST", WED, "DATE", "19"),
]
WEEKS_QUARTERS_SEASONS = [
    case("this week", "PAST", WED, "DATE", "2023-W32"),
    case("last week", "PAST", dt.date(2024, 1, 3), "DATE", "2023-W52"),
    case("the weekend", "PAST", WED, "DATE", "2023-W31-WE"),
    case("the weekend", "PAST", SUN, "DATE", "2023-W32-WE"),
    case("this weekend", "FUTURE", WED, "DATE", "2023-W32-WE"),
    case("the first quarter of 2009", "NONE", WED, "DATE", "2009-Q1"),
    case("the fourth quarter", "PAST", dt.date(2007, 3, 13), "DATE", "2006-Q4"),
    case("the last quarter", "PAST", dt.date(2007, 1, 18), "DATE", "2006-Q4"),
    case("summer 2020", "NONE", WED, "DATE", "2020-SU"),
    case("last winter", "PAST", WED, "DATE", "2022-WI"),
    case("this morning", "PAST", WED, "TIME", "2023-08-09TMO"),
    case("16:08 UTC", "PAST", WED, "TIME", "2023-08-09T16:08Z"),
    case("today", "PAST", WED, "DATE", "2023-08-09"),
    case("yesterday", "PAST", JAN, "DATE", "2024-01-14"),
]
DURATIONS = [
    case("two weeks", "NONE", WED, "DURATION", "P2W"),
    case("Two weeks", "NONE", None, "DURATION", "P2W"),
    case("a week", "NONE", WED, "DURATION", "P1W"),
    case("two-hour", "NONE", WED, "DURATION", "PT2H"),
    case("33 years", "NONE", WED, "DURATION", "P33Y"),
    case("several months", "NONE", WED, "DURATION", "PXM"),
    case("almost two and a half years", "NONE", WED, "DURATION", "P2.5Y"),
    case("the past decade", "PAST", WED, "DURATION", "P10Y"),
    case("the next four years", "FUTURE", WED, "DURATION", "P4Y"),
    case("thirty minutes", "NONE", WED, "DURATION", "PT30M"),
    case("over six years", "NONE", WED, "DURATION", "P6Y"),
]
REFS_AND_SETS = [
    case("recently", "PAST", WED, "DATE", "PAST_REF"),
    case("recent years", "PAST", WED, "DATE", "PAST_REF"),
    case("currently", "PRESENT", WED, "DATE", "PRESENT_REF"),
    case("now", "PRESENT", WED, "DATE", "PRESENT_REF"),
    case("the future", "FUTURE", WED, "DATE", "FUTURE_REF"),
    case("weekly", "NONE", WED, "SET", "P1W"),
    case("every year", "NONE", WED, "SET", "P1Y"),
    case("every Monday", "NONE", WED, "SET", "XXXX-WXX-1"),
    case("every winter", "NONE", WED, "SET", "XXXX-WI"),
]
WITHOUT_ANCHOR = [
    case("on Monday", "PAST", None, "DATE", None),
    case("last month", "PAST", None, "DATE", None),
    case("the 6th", "PAST", None, "DATE", None),
    case("July", "PAST", None, "DATE", None),
    case("this week", "NONE", None, "DATE", None),
    case("December 10, 2013", "NONE", None, "DATE", "2013-12-10"),
    case("in 2019", "PAST", None, "DATE", "2019"),
    case("the 1990s", "PAST", None, "DATE", "199X"),
]


@pytest.mark.parametrize(
    "text,tense,anchor,type_,value",
    WEEKDAYS
    + DAYS_OF_MONTH
    + MONTHS
    + YEARS
    + DECADES
    + WEEKS_QUARTERS_SEASONS
    + DURATIONS
    + REFS_AND_SETS
    + WITHOUT_ANCHOR,
)
def test_normalise_gives_timex3_type_and_value(text, tense, anchor, type_, value):
    assert tuple(normalise(text, tense=tense, anchor=anchor)) == (type_, value)


def test_normalise_anaphora_uses_the_date_in_focus():
    ref = dt.date(2009, 4, 3)
    assert normalise("the same day", anchor=dt.date(2009, 4, 4), ref=ref).value == "2009-04-03"
    assert normalise("a year earlier", anchor=WED, ref=dt.date(2009, 10, 1)).value == "2008"


@pytest.mark.parametrize("text", ["about 40%", "Niger", "the coup leaders", "300 troops", "$2.2 billion"])
def test_normalise_rejects_text_that_is_not_temporal(text):
    assert normalise(text, tense="PAST", anchor=WED) is None


# --------------------------------------------------------------------------- tense and clause (hand-built)

WILL_MEET = """
ECOWAS ECOWAS PROPN NNP 2 nsubj  # 0
will will AUX MD 2 aux  # 1
meet meet VERB VB 2 ROOT  # 2
on on ADP IN 2 prep  # 3
Thursday Thursday PROPN NNP 3 pobj  # 4
. . PUNCT . 2 punct  # 5
"""
MET = """
ECOWAS ECOWAS PROPN NNP 1 nsubj  # 0
met meet VERB VBD 1 ROOT  # 1
on on ADP IN 1 prep  # 2
Thursday Thursday PROPN NNP 2 pobj  # 3
. . PUNCT . 1 punct  # 4
"""
SET_TO = """
On on ADP IN 6 prep  # 0
July July PROPN NNP 2 compound  # 1
30th 30th NOUN NN 0 pobj  # 2
, , PUNCT , 6 punct  # 3
CAR CAR PROPN NNP 6 nsubjpass  # 4
is be AUX VBZ 6 auxpass  # 5
set set VERB VBN 6 ROOT  # 6
to to PART TO 8 aux  # 7
hold hold VERB VB 6 xcomp  # 8
a a DET DT 10 det  # 9
referendum referendum NOUN NN 8 dobj  # 10
. . PUNCT . 6 punct  # 11
"""

# a headline: no verb above the date, the walk up stops at the root
HEADLINE = """
Niger Niger PROPN NNP 1 compound  # 0
coup coup NOUN NN 1 ROOT  # 1
on on ADP IN 1 prep  # 2
Sunday Sunday PROPN NNP 2 pobj  # 3
"""


@pytest.mark.parametrize(
    "table,span,tense",
    [
        pytest.param(WILL_MEET, (4, 5), "FUTURE", id="will meet on Thursday"),
        pytest.param(MET, (3, 4), "PAST", id="met on Thursday"),
        pytest.param(SET_TO, (1, 3), "FUTURE", id="On July 30th, CAR is set to hold"),
        pytest.param(HEADLINE, (3, 4), "NONE", id="headline without a verb"),
    ],
)
def test_span_tense_reads_the_clause(vocab_nlp, table, span, tense):
    doc = build(vocab_nlp.vocab, table)
    assert span_tense(doc[span[0] : span[1]]) == tense


ALLEGED_CLOSING = """
Last last ADJ JJ 1 amod  # 0
Sunday Sunday PROPN NNP 5 npadvmod  # 1
, , PUNCT , 5 punct  # 2
these these DET DT 4 det  # 3
leaders leader NOUN NNS 5 nsubj  # 4
alleged allege VERB VBD 5 ROOT  # 5
threats threat NOUN NNS 5 dobj  # 6
, , PUNCT , 5 punct  # 7
subsequently subsequently ADV RB 9 advmod  # 8
closing close VERB VBG 5 advcl  # 9
airspace airspace NOUN NN 9 dobj  # 10
. . PUNCT . 5 punct  # 11
"""
VISITED_SAID_MET = """
On on ADP IN 3 prep  # 0
Monday Monday PROPN NNP 0 pobj  # 1
Nuland Nuland PROPN NNP 3 nsubj  # 2
visited visit VERB VBD 3 ROOT  # 3
Niger Niger PROPN NNP 3 dobj  # 4
after after SCONJ IN 8 mark  # 5
the the DET DT 7 det  # 6
junta junta NOUN NN 8 nsubj  # 7
said say VERB VBD 3 advcl  # 8
it it PRON PRP 10 nsubj  # 9
met meet VERB VBD 8 ccomp  # 10
the the DET DT 12 det  # 11
envoy envoy NOUN NN 10 dobj  # 12
on on ADP IN 10 prep  # 13
Tuesday Tuesday PROPN NNP 13 pobj  # 14
. . PUNCT . 3 punct  # 15
"""
TWO_SENTENCES = """
On on ADP IN 3 prep  # 0
Monday Monday PROPN NNP 0 pobj  # 1
Nuland Nuland PROPN NNP 3 nsubj  # 2
arrived arrive VERB VBD 3 ROOT  # 3
. . PUNCT . 3 punct  # 4
She she PRON PRP 6 nsubj  # 5
met meet VERB VBD 6 ROOT  # 6
officials official NOUN NNS 6 dobj  # 7
. . PUNCT . 6 punct  # 8
"""


RELEASED_AND_URGED = """
Last last ADJ JJ 1 amod  # 0
month month NOUN NN 3 npadvmod  # 1
Prigozhin Prigozhin PROPN NNP 3 nsubj  # 2
released release VERB VBD 3 ROOT  # 3
a a DET DT 5 det  # 4
video video NOUN NN 3 dobj  # 5
and and CCONJ CC 3 cc  # 6
urged urge VERB VBD 3 conj  # 7
members member NOUN NNS 7 dobj  # 8
. . PUNCT . 3 punct  # 9
"""
REDUCED_RELATIVE = """
The the DET DT 1 det  # 0
U.S. U.S. PROPN NNP 2 nsubj  # 1
operates operate VERB VBZ 2 ROOT  # 2
bases base NOUN NNS 2 dobj  # 3
, , PUNCT , 3 punct  # 4
one one NUM CD 3 appos  # 5
launched launch VERB VBN 5 acl  # 6
in in ADP IN 6 prep  # 7
2019 2019 NUM CD 7 pobj  # 8
. . PUNCT . 2 punct  # 9
"""
UNTIL_FRIDAY = """
Markets market NOUN NNS 1 nsubj  # 0
stay stay VERB VBP 1 ROOT  # 1
closed closed ADJ JJ 1 acomp  # 2
until until ADP IN 1 prep  # 3
Friday Friday PROPN NNP 3 pobj  # 4
. . PUNCT . 1 punct  # 5
"""
TWO_HOUR_TALKS = """
They they PRON PRP 1 nsubj  # 0
held hold VERB VBD 1 ROOT  # 1
a a DET DT 5 det  # 2
two two NUM CD 4 nummod  # 3
- - PUNCT HYPH 4 punct  # 4
hour hour NOUN NN 5 compound  # 5
talks talk NOUN NNS 1 dobj  # 6
. . PUNCT . 1 punct  # 7
"""
VERBLESS_ROOT = """
This this DET DT 1 det  # 0
week week NOUN NN 4 npadvmod  # 1
, , PUNCT , 4 punct  # 2
the the DET DT 4 det  # 3
military military NOUN NN 4 ROOT  # 4
named name VERB VBN 4 acl  # 5
Zeine Zeine PROPN NNP 5 oprd  # 6
as as ADP IN 5 prep  # 7
minister minister NOUN NN 7 pobj  # 8
. . PUNCT . 4 punct  # 9
"""


@pytest.mark.parametrize(
    "table,dates,trigger,expected",
    [
        pytest.param(ALLEGED_CLOSING, [(0, 2)], 5, (0, 2), id="alleged <- Last Sunday"),
        pytest.param(RELEASED_AND_URGED, [(0, 2)], 7, (0, 2), id="verbs under one subject share the date"),
        pytest.param(REDUCED_RELATIVE, [(8, 9)], 2, None, id="operates: 2019 belongs to the reduced relative"),
        pytest.param(REDUCED_RELATIVE, [(8, 9)], 6, (8, 9), id="launched <- 2019"),
        pytest.param(UNTIL_FRIDAY, [(4, 5)], 1, None, id="until Friday bounds the event, is not its date"),
        pytest.param(TWO_HOUR_TALKS, [(3, 6, "DURATION")], 1, None, id="a duration is not the event's date"),
        pytest.param(VERBLESS_ROOT, [(0, 2)], 5, (0, 2), id="participle under a verbless root is the main verb"),
        pytest.param(ALLEGED_CLOSING, [(0, 2)], 9, (0, 2), id="participle closing shares its governor's date"),
        pytest.param(VISITED_SAID_MET, [(1, 2), (14, 15)], 3, (1, 2), id="visited <- Monday"),
        pytest.param(VISITED_SAID_MET, [(1, 2), (14, 15)], 10, (14, 15), id="met <- Tuesday (own clause)"),
        pytest.param(VISITED_SAID_MET, [(1, 2), (14, 15)], 8, None, id="said: no date of its own"),
        pytest.param(TWO_SENTENCES, [(1, 2)], 6, None, id="no date from another sentence"),
        pytest.param(WILL_MEET, [(4, 5)], 2, (4, 5), id="meet <- Thursday"),
    ],
)
def test_clause_date_stays_in_the_trigger_clause(vocab_nlp, table, dates, trigger, expected):
    doc = build(vocab_nlp.vocab, table, spans={DATES_KEY: [(d[0], d[1], (*d, "DATE")[2]) for d in dates]})
    found = clause_date(doc[trigger], doc.spans[DATES_KEY])
    assert (None if found is None else (found.start, found.end)) == expected


# --------------------------------------------------------------------------- clause_date in news prose
# (scoping rules on hand-built parses of invented sentences)

ENDING_A_WEEK = """
She she PRON PRP 1 nsubj  # 0
resigned resign VERB VBD 1 ROOT  # 1
, , PUNCT , 1 punct  # 2
ending end VERB VBG 1 advcl  # 3
a a DET DT 6 det  # 4
long long ADJ JJ 6 amod  # 5
week week NOUN NN 3 dobj  # 6
. . PUNCT . 1 punct  # 7
"""
ARRESTED_AND_REMAINS = """
The the DET DT 1 det  # 0
minister minister NOUN NN 3 nsubjpass  # 1
was be AUX VBD 3 auxpass  # 2
arrested arrest VERB VBN 3 ROOT  # 3
in in ADP IN 3 prep  # 4
May May PROPN NNP 4 pobj  # 5
and and CCONJ CC 3 cc  # 6
remains remain VERB VBZ 3 conj  # 7
in in ADP IN 7 prep  # 8
custody custody NOUN NN 8 pobj  # 9
. . PUNCT . 3 punct  # 10
"""
MET_AND_SIGNED = """
They they PRON PRP 1 nsubj  # 0
met meet VERB VBD 1 ROOT  # 1
the the DET DT 3 det  # 2
envoy envoy NOUN NN 1 dobj  # 3
and and CCONJ CC 1 cc  # 4
signed sign VERB VBD 1 conj  # 5
a a DET DT 7 det  # 6
deal deal NOUN NN 5 dobj  # 7
on on ADP IN 5 prep  # 8
Friday Friday PROPN NNP 8 pobj  # 9
. . PUNCT . 1 punct  # 10
"""
CONDEMNED_AND_EXPECTED = """
The the DET DT 1 det  # 0
bloc bloc NOUN NN 2 nsubj  # 1
condemned condemn VERB VBD 2 ROOT  # 2
the the DET DT 4 det  # 3
move move NOUN NN 2 dobj  # 4
and and CCONJ CC 2 cc  # 5
is be AUX VBZ 7 auxpass  # 6
expected expect VERB VBN 2 conj  # 7
to to PART TO 9 aux  # 8
send send VERB VB 7 xcomp  # 9
envoys envoy NOUN NNS 9 dobj  # 10
this this DET DT 12 det  # 11
week week NOUN NN 9 npadvmod  # 12
. . PUNCT . 2 punct  # 13
"""
OPERATES_AND_EXPANDED = """
Italy Italy PROPN NNP 1 nsubj  # 0
operates operate VERB VBZ 1 ROOT  # 1
a a DET DT 3 det  # 2
base base NOUN NN 1 dobj  # 3
, , PUNCT , 3 punct  # 4
one one NUM CD 3 appos  # 5
rebuilt rebuild VERB VBN 5 acl  # 6
and and CCONJ CC 1 cc  # 7
expanded expand VERB VBN 1 conj  # 8
in in ADP IN 8 prep  # 9
2018 2018 NUM CD 9 pobj  # 10
. . PUNCT . 1 punct  # 11
"""
WEEK_IN_WHICH = """
It it PRON PRP 1 nsubj  # 0
was be AUX VBD 1 ROOT  # 1
a a DET DT 3 det  # 2
week week NOUN NN 1 attr  # 3
in in ADP IN 7 prep  # 4
which which PRON WDT 4 pobj  # 5
rebels rebel NOUN NNS 7 nsubj  # 6
took take VERB VBD 3 relcl  # 7
the the DET DT 9 det  # 8
town town NOUN NN 7 dobj  # 9
. . PUNCT . 1 punct  # 10
"""
MARCH_WHEN = """
Talks talk NOUN NNS 1 nsubj  # 0
resumed resume VERB VBD 1 ROOT  # 1
in in ADP IN 1 prep  # 2
March March PROPN NNP 2 pobj  # 3
, , PUNCT , 3 punct  # 4
when when SCONJ WRB 8 advmod  # 5
both both DET DT 7 det  # 6
sides side NOUN NNS 8 nsubj  # 7
agreed agree VERB VBD 3 relcl  # 8
to to ADP IN 8 prep  # 9
a a DET DT 11 det  # 10
truce truce NOUN NN 9 pobj  # 11
. . PUNCT . 1 punct  # 12
"""
STARTED_WHEN = """
The the DET DT 1 det  # 0
crisis crisis NOUN NN 2 nsubj  # 1
started start VERB VBD 2 ROOT  # 2
in in ADP IN 2 prep  # 3
June June PROPN NNP 3 pobj  # 4
, , PUNCT , 2 punct  # 5
when when SCONJ WRB 9 advmod  # 6
the the DET DT 8 det  # 7
army army NOUN NN 9 nsubj  # 8
closed close VERB VBD 2 advcl  # 9
the the DET DT 11 det  # 10
border border NOUN NN 9 dobj  # 11
. . PUNCT . 2 punct  # 12
"""
SAID_ON_FRIDAY_THEY = """
Officials official NOUN NNS 1 nsubj  # 0
said say VERB VBD 1 ROOT  # 1
on on ADP IN 6 prep  # 2
Friday Friday PROPN NNP 2 pobj  # 3
they they PRON PRP 6 nsubj  # 4
were be AUX VBD 6 aux  # 5
leaving leave VERB VBG 1 ccomp  # 6
the the DET DT 8 det  # 7
bloc bloc NOUN NN 6 dobj  # 8
. . PUNCT . 1 punct  # 9
"""
SAID_THAT_ON_FRIDAY = """
Officials official NOUN NNS 1 nsubj  # 0
said say VERB VBD 1 ROOT  # 1
that that SCONJ IN 6 mark  # 2
on on ADP IN 6 prep  # 3
Friday Friday PROPN NNP 3 pobj  # 4
they they PRON PRP 6 nsubj  # 5
left leave VERB VBD 1 ccomp  # 6
the the DET DT 8 det  # 7
bloc bloc NOUN NN 6 dobj  # 8
. . PUNCT . 1 punct  # 9
"""
MESSAGE_POSTED = """
The the DET DT 1 det  # 0
general general NOUN NN 2 nsubj  # 1
thanked thank VERB VBD 2 ROOT  # 2
Moscow Moscow PROPN NNP 2 dobj  # 3
in in ADP IN 2 prep  # 4
a a DET DT 6 det  # 5
message message NOUN NN 4 pobj  # 6
posted post VERB VBN 6 acl  # 7
on on ADP IN 7 prep  # 8
Sunday Sunday PROPN NNP 8 pobj  # 9
. . PUNCT . 2 punct  # 10
"""
SOLDIERS_DEPLOYED = """
The the DET DT 1 det  # 0
general general NOUN NN 2 nsubj  # 1
praised praise VERB VBD 2 ROOT  # 2
soldiers soldier NOUN NNS 2 dobj  # 3
deployed deploy VERB VBN 3 acl  # 4
in in ADP IN 4 prep  # 5
2019 2019 NUM CD 5 pobj  # 6
. . PUNCT . 2 punct  # 7
"""
DATELINE = """
NIAMEY NIAMEY PROPN NNP 6 npadvmod  # 0
, , PUNCT , 0 punct  # 1
May May PROPN NNP 6 npadvmod  # 2
4 4 NUM CD 2 nummod  # 3
- - PUNCT : 6 punct  # 4
Troops troop NOUN NNS 6 nsubj  # 5
left leave VERB VBD 6 ROOT  # 6
the the DET DT 8 det  # 7
base base NOUN NN 6 dobj  # 8
. . PUNCT . 6 punct  # 9
"""
ACCUSED_OF_BURNING = """
Rights rights NOUN NNS 1 compound  # 0
groups group NOUN NNS 2 nsubj  # 1
accused accuse VERB VBD 2 ROOT  # 2
the the DET DT 4 det  # 3
militia militia NOUN NN 2 dobj  # 4
of of ADP IN 2 prep  # 5
burning burn VERB VBG 5 pcomp  # 6
villages village NOUN NNS 6 dobj  # 7
in in ADP IN 6 prep  # 8
recent recent ADJ JJ 10 amod  # 9
months month NOUN NNS 8 pobj  # 10
. . PUNCT . 2 punct  # 11
"""

SCRAPPED_A_2019_ACCORD = """
The the DET DT 1 det  # 0
army army NOUN NN 2 nsubj  # 1
scrapped scrap VERB VBD 2 ROOT  # 2
a a DET DT 5 det  # 3
2019 2019 NUM CD 5 nummod  # 4
accord accord NOUN NN 2 dobj  # 5
. . PUNCT . 2 punct  # 6
"""
CONDEMNED_THE_JUNE_COUP = """
They they PRON PRP 1 nsubj  # 0
condemned condemn VERB VBD 1 ROOT  # 1
the the DET DT 4 det  # 2
June June PROPN NNP 4 compound  # 3
coup coup NOUN NN 1 dobj  # 4
. . PUNCT . 1 punct  # 5
"""
SAID_ON_MONDAY_AND_URGED = """
The the DET DT 1 det  # 0
leader leader NOUN NN 2 nsubj  # 1
said say VERB VBD 2 ROOT  # 2
on on ADP IN 2 prep  # 3
Monday Monday PROPN NNP 3 pobj  # 4
that that SCONJ IN 7 mark  # 5
talks talk NOUN NNS 7 nsubj  # 6
failed fail VERB VBD 2 ccomp  # 7
and and CCONJ CC 2 cc  # 8
urged urge VERB VBD 2 conj  # 9
calm calm NOUN NN 9 dobj  # 10
. . PUNCT . 2 punct  # 11
"""


@pytest.mark.parametrize(
    "table,dates,trigger,expected",
    [
        pytest.param(ENDING_A_WEEK, [(4, 7)], 1, None, id="a date that is an object is no time"),
        pytest.param(SCRAPPED_A_2019_ACCORD, [(4, 5)], 2, None, id="a 2019 accord: the accord's year"),
        pytest.param(CONDEMNED_THE_JUNE_COUP, [(3, 4)], 4, (3, 4), id="the June coup: the event noun's date"),
        pytest.param(SAID_ON_MONDAY_AND_URGED, [(4, 5)], 9, None, id="said on Monday ... and urged: Monday stays"),
        pytest.param(SAID_ON_MONDAY_AND_URGED, [(4, 5)], 2, (4, 5), id="said <- Monday"),
        pytest.param(ARRESTED_AND_REMAINS, [(5, 6)], 7, None, id="remains: May stays in the past conjunct"),
        pytest.param(ARRESTED_AND_REMAINS, [(5, 6)], 3, (5, 6), id="arrested <- May"),
        pytest.param(MET_AND_SIGNED, [(9, 10)], 1, (9, 10), id="same tense: conjuncts share Friday"),
        pytest.param(CONDEMNED_AND_EXPECTED, [(11, 13)], 2, None, id="condemned: this week is the future conjunct's"),
        pytest.param(CONDEMNED_AND_EXPECTED, [(11, 13)], 9, (11, 13), id="send <- this week"),
        pytest.param(OPERATES_AND_EXPANDED, [(10, 11)], 1, None, id="bare participle conjunct keeps 2018"),
        pytest.param(WEEK_IN_WHICH, [(2, 4)], 7, (2, 4), id="a week in which ...: the clause takes the week"),
        pytest.param(MARCH_WHEN, [(3, 4)], 8, (3, 4), id="March, when ...: the clause takes March"),
        pytest.param(STARTED_WHEN, [(4, 5)], 9, (4, 5), id="when-clause shares its governor's June"),
        pytest.param(SAID_ON_FRIDAY_THEY, [(3, 4)], 6, None, id="said on Friday they ...: the report's date"),
        pytest.param(SAID_THAT_ON_FRIDAY, [(4, 5)], 6, (4, 5), id="said that on Friday they ...: the report"),
        pytest.param(MESSAGE_POSTED, [(9, 10)], 2, (9, 10), id="in a message posted on Sunday dates the act"),
        pytest.param(SOLDIERS_DEPLOYED, [(6, 7)], 2, None, id="a participle on the object keeps its date"),
        pytest.param(DATELINE, [(2, 4)], 6, None, id="a dateline dates no event"),
        pytest.param(ACCUSED_OF_BURNING, [(9, 11)], 2, None, id="accused of V-ing: the date is the act's"),
        pytest.param(ACCUSED_OF_BURNING, [(9, 11)], 6, (9, 11), id="burning <- recent months"),
    ],
)
def test_clause_date_scopes_of_news_prose(vocab_nlp, table, dates, trigger, expected):
    doc = build(vocab_nlp.vocab, table, spans={DATES_KEY: [(d[0], d[1], "DATE") for d in dates]})
    found = clause_date(doc[trigger], doc.spans[DATES_KEY])
    assert (None if found is None else (found.start, found.end)) == expected


def test_tense_class_reads_auxiliaries(vocab_nlp):
    doc = build(vocab_nlp.vocab, CONDEMNED_AND_EXPECTED)
    assert (tense_class(doc[2]), tense_class(doc[7]), tense_class(doc[9])) == ("past", "present", None)
    assert tense_class(build(vocab_nlp.vocab, OPERATES_AND_EXPANDED)[8]) == "participle"
    dateline = build(vocab_nlp.vocab, DATELINE)
    assert is_dateline(dateline[2:4]) and not is_dateline(build(vocab_nlp.vocab, MET_AND_SIGNED)[9:10])


# --------------------------------------------------------------------------- extraction (full pipeline)


def _dates(nlp, text, published=WED):
    result = api.extract_text(text, published=published, nlp=nlp)
    return [(d.text, d.type, d.value) for d in result.dates], result.warnings


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        ("The junta closed the airspace on Sunday.", [("Sunday", "DATE", "2023-08-06")]),
        ("ECOWAS will meet on Thursday to discuss the crisis.", [("Thursday", "DATE", "2023-08-10")]),
        ("This ECOWAS ultimatum expired on the 6th, yet it refrained from force.", [("the 6th", "DATE", "2023-08-06")]),
        ("Tinubu served as a legislator in the 1990s.", [("the 1990s", "DATE", "199X")]),
        ("Over the weekend, the Senate held a session.", [("the weekend", "DATE", "2023-W31-WE")]),
        ("At the end of last month, Prigozhin released a video.", [("the end of last month", "DATE", "2023-07")]),
        ("The coup leaders held a two-hour discussion with Nuland.", [("two-hour", "DURATION", "PT2H")]),
        ("The U.S. launched a drone base in 2019.", [("2019", "DATE", "2019")]),
        ("She has been with the company for 33 years.", [("33 years", "DURATION", "P33Y")]),
        ("Mali has turned to Wagner in recent years.", [("recent years", "DATE", "PAST_REF")]),
        ("Italy currently has troops there.", [("currently", "DATE", "PRESENT_REF")]),
        (
            "The 2024 elections were postponed after the 2020 and 2021 coups.",
            [("2024", "DATE", "2024"), ("2020", "DATE", "2020"), ("2021", "DATE", "2021")],
        ),
        ("Talks are due to begin on Friday morning.", [("Friday morning", "TIME", "2023-08-11TMO")]),
        ("The mission will leave by the end of the year.", [("the end of the year", "DATE", "2023")]),
        ("Officials said the plan was announced two weeks ago.", [("two weeks ago", "DATE", "2023-W30")]),
        ("Soldiers seized the town on June 2 last year.", [("June 2 last year", "DATE", "2022-06-02")]),
        ("The army killed dozens in March last year.", [("March last year", "DATE", "2022-03")]),
    ],
)
def test_extract_finds_and_normalises(nlp, text, expected):
    assert _dates(nlp, text)[0] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Niger relies on foreign aid for about 40% of its budget.",
        "Niger relies on Nigeria for 70% of its power.",
        "The budget amounts to approximately $2.2 billion.",
        "Nigeria shares a 1,500-kilometer border with Niger.",
        "Italy has 300 troops stationed in Niger.",
        "A 51-year-old officer led 2000 soldiers.",
        "She is the 35th most powerful woman in the world.",
        "You may leave if you march on.",
    ],
)
def test_extract_rejects_numbers_that_are_not_times(nlp, text):
    assert _dates(nlp, text)[0] == []


@pytest.mark.slow
def test_no_published_date_gives_null_values_and_one_warning(nlp):
    dates, warnings = _dates(nlp, "The junta met the envoy on Monday.", published=None)
    assert dates == [("Monday", "DATE", None)]
    assert sum("published" in w for w in warnings) == 1


@pytest.mark.slow
def test_component_warns_when_the_api_did_not(nlp):
    doc = nlp.make_doc("They met last month.")
    doc._.published, doc._.sahel_warnings = None, []
    doc = nlp(doc)
    assert [s._.timex_value for s in doc.spans[DATES_KEY]] == [None]
    assert len(doc._.sahel_warnings) == 1 and "published" in doc._.sahel_warnings[0]


@pytest.mark.slow
def test_dateparser_only_ever_sees_short_spans(nlp, monkeypatch):
    from dateparser.date import DateDataParser

    seen: list[str] = []
    original = DateDataParser.get_date_data

    def recording(self, date_string, date_formats=None):
        seen.append(date_string)
        return original(self, date_string, date_formats)

    monkeypatch.setattr(DateDataParser, "get_date_data", recording)
    timex_absolute.parse_calendar_date.cache_clear()
    text = (
        "Two weeks have passed since the upheaval on July 26th. The UN planned to send envoys on August 8th, "
        "and on 8 August 2023 the talks failed. About 40% of the budget, some $2.2 billion, is aid. "
        "The accord of 7/8/07 lapsed."
    )
    dates, _ = _dates(nlp, text, published=dt.date(2023, 8, 10))
    assert ("July 26th", "DATE", "2023-07-26") in dates and ("7/8/07", "DATE", "2007-07-08") in dates
    assert seen == ["7/8/07"], "plain month-day dates are read directly, the rest by dateparser"


# --------------------------------------------------------------------------- benchmark


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "dates_meantime", Path(__file__).parent.parent / "benchmarks" / "dates_meantime.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_skips_cleanly_without_shared_data(tmp_path, capsys, monkeypatch):
    module = _benchmark()
    monkeypatch.setattr(module, "run_seed", lambda show_errors: None)
    assert module.main(["--data", str(tmp_path / "absent")]) == 0
    assert "not found" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text,type_,value,cls",
    [
        ("Monday", "DATE", "2023-08-07", "weekday"),
        ("July 26th", "DATE", "2023-07-26", "day of month"),
        ("the 6th", "DATE", "2023-08-06", "day of month"),
        ("last month", "DATE", "2023-07", "month"),
        ("2019", "DATE", "2019", "year"),
        ("the 1990s", "DATE", "199X", "decade"),
        ("two weeks", "DURATION", "P2W", "duration"),
        ("recently", "DATE", "PAST_REF", "vague/ref"),
        ("this week", "DATE", "2023-W32", "other"),
    ],
)
def test_benchmark_classes(text, type_, value, cls):
    assert _benchmark().expression_class(text, type_, value) == cls


@pytest.mark.slow
def test_meantime_value_f1_reaches_the_target(meantime_dir):
    module = _benchmark()
    totals, _ = module.tally(module.meantime_pairs(meantime_dir))
    assert totals["gold"] == 488
    assert module.f1(totals, "value_f1") >= 0.80


@pytest.mark.parametrize(
    "text",
    [
        "july 26",
        "sept. 30",
        "oct 3",
        "jan. 28",
        "june 01 2009",
        "december 10 2013",
        "august 8th",
        "8 august 2023",
        "3rd of march",
        "may 5",
        "february 29 2024",
    ],
)
@pytest.mark.parametrize("anchor", [dt.date(2023, 8, 9), None])
def test_plain_calendar_dates_read_as_dateparser_reads_them(text, anchor):
    from pipeline.dates.absolute import NO_ANCHOR, _parser, _plain_date, parse_calendar_date

    data = _parser(anchor or NO_ANCHOR).get_date_data(text)
    assert _plain_date(text, anchor) is not None  # read without dateparser
    assert parse_calendar_date(text, anchor) == (data.date_obj.date(), data.period)


@pytest.mark.parametrize(
    "words,span,expected",
    [
        (["about", "3", "days", "."], (0, 4), (0, 3)),  # "about" before a number stays
        (["over", "more", "years"], (0, 3), (0, 3)),  # ... and before "more"
        (["about", "the", "week"], (0, 3), (1, 3)),  # otherwise an outer preposition goes
        (["about"], (0, 1), None),  # nothing after it: the span is empty
        (["since", "Monday", "'s"], (0, 3), (1, 2)),
        (["just", "two", "weeks", "and"], (0, 4), (1, 3)),
    ],
)
def test_trim_drops_outer_words(vocab_nlp, words, span, expected):
    from spacy.tokens import Doc, Span

    from pipeline.dates.candidates import trim

    doc = Doc(vocab_nlp.vocab, words=words)
    trimmed = trim(Span(doc, *span, label="DURATION"))
    assert (None if trimmed is None else (trimmed.start, trimmed.end)) == expected
    assert trimmed is None or trimmed.label_ == "DURATION"


@pytest.mark.parametrize(
    "words,span,label,expected",
    [
        (["$", "2019"], (1, 2), "YEAR", False),  # money
        (["a", "51", "years", "old", "man"], (1, 3), "DURATION", False),  # an age ("years old")
        (["he", "is", "51", "years", "old"], (2, 4), "DURATION", False),
        (["2000", "percent"], (0, 1), "YEAR", False),
        (["in", "2019", "per", "capita"], (1, 2), "YEAR", False),
        (["3", "days", "later"], (0, 2), "DURATION", True),
        (["in", "2019", "."], (1, 2), "YEAR", True),
    ],
)
def test_not_a_measure_rejects_money_ages_and_percentages(vocab_nlp, words, span, label, expected):
    from spacy.tokens import Doc, Span

    from pipeline.dates.candidates import _not_a_measure

    doc = Doc(vocab_nlp.vocab, words=words)
    assert _not_a_measure(Span(doc, *span), label) is expected
