"""resolve_sources: merging mentions of one source and typing it."""
import re

import pytest
from hypothesis import example, given, settings, strategies as st

from scoring.attribution import find_attributions
from scoring.quotes import find_quotes
from scoring.sources import _Article, _occurrences, resolve_sources
from tests.unit.helpers import case


def _sources(segmenter, lexicons, text):
    doc = segmenter.segment(text)
    attributions = find_attributions(doc, lexicons)
    sources, source_of = resolve_sources(doc, attributions, lexicons)
    ids = {s.id for s in sources}
    assert set(source_of.values()) <= ids
    for s in sources:
        for m in s.mentions:
            assert doc.text[m.start:m.end] == m.text
        for aid in s.attribution_ids:
            assert source_of[aid] == s.id
    return sources


def _owner(sources, mention):
    hits = [s for s in sources if any(m.text == mention for m in s.mentions)]
    assert hits, (mention, sources)
    return hits[0]


# (id, text, mentions that must end in one source)
MERGES = [
    case("merge-apostrophes-of-two-desks",  # copy mixing ’ and ' in one article
         "NYPD Commissioner James O\u2019Neill said the blast was deliberate. O'Neill said no group had claimed it.",
         ["NYPD Commissioner James O\u2019Neill", "O'Neill"]),
    case("merge-bare-and-shared-modifier-heads",  # a bare head, or one sharing a word, is the same body
         "The Iraqi interior ministry said 12 people were arrested. The interior ministry said the curfew would hold. "
         "The ministry later said it was lifted.",
         ["The Iraqi interior ministry", "The interior ministry", "The ministry"]),
    case("merge-centcom",
         'US Central Command said the drone was shot down over the gulf. CENTCOM said no personnel were hurt. '
         '"The aircraft was unmanned," US CENTCOM said in a statement. The CENTCOM statement said an inquiry had begun.',
         ["US Central Command", "CENTCOM", "US CENTCOM", "The CENTCOM statement"]),
    case("merge-news-agency",
         "Reuters reported that the port was closed. Officials denied it. "
         "The port would reopen on Monday, the news agency said.",
         ["Reuters", "the news agency"]),
    case("merge-invented-agency",
         "The Halvik News Agency reported that the port was closed. The news agency said two ships were stuck.",
         ["The Halvik News Agency", "The news agency"]),
    case("merge-group",
         "The Red Dune militia claimed responsibility for the attack. Mayor Ilse Varn said the town was calm. "
         "The group said more attacks would follow.",
         ["The Red Dune militia", "The group"]),
    case("src-brigade-group",
         "The Red Dune Brigade claimed responsibility for the attack. The group said more attacks would follow.",
         ["The Red Dune Brigade", "The group"]),
    case("merge-stenger",
         'William Stenger said the resort was sound. Mr. Stenger said investors were paid. '
         '"We did nothing wrong," Stenger said.',
         ["William Stenger", "Mr. Stenger", "Stenger"]),
    case("merge-pronoun-he",
         "Oskar Lind said the mine was safe. The company said production would resume. He said the miners were resting.",
         ["Oskar Lind", "He"]),
    # a person typed by a role apposition is still a person: a surname, a title and "he" refer to them
    case("merge-surname-after-typed-apposition",
         "Dana Pirlo, an economist at the Halden Institute, said prices would rise. Ms. Pirlo said wages lagged behind.",
         ["Dana Pirlo, an economist at the Halden Institute,", "Ms. Pirlo"]),
    case("merge-pronoun-after-typed-apposition",
         "Oren Kask, a former foreign minister, said the treaty was dead. He said talks would not resume.",
         ["Oren Kask, a former foreign minister,", "He"]),
    case("merge-apposed-name",
         "The minister of the economy, Mr. Ruiz Vela, said the peso was stable. Mr. Ruiz Vela said exports grew.",
         ["The minister of the economy, Mr. Ruiz Vela,", "Mr. Ruiz Vela"]),
    case("merge-full-name-after-surname",
         "Quill said the ad was false. Republican nominee Gov. Ada Quill said the race was close.",
         ["Quill", "Republican nominee Gov. Ada Quill"]),
    case("merge-role-description",
         "Sen. Ada Quill said the bill was dead. The senator later said talks would go on.",
         ["Sen. Ada Quill", "The senator"]),
    case("merge-surname-past-a-possessive-role",  # "Vale's spokeswoman, Amy Chen," is Amy Chen, not Vale
         "Teresa Vale said the poll was wrong. Vale's spokeswoman, Amy Chen, said the campaign was confident. "
         "Vale said she would win.",
         ["Teresa Vale", "Vale"]),
    case("merge-surname-after-a-capitalised-role",  # "Councillor" is a role, not part of her name
         "Councillor Ilse Brandvold said the levy was fair. Brandvold said it would pass.",
         ["Councillor Ilse Brandvold", "Brandvold"]),
    case("merge-pronoun-after-a-capitalised-role",
         "City Manager Paul Hendricks said the branch would close. He said the budget was short.",
         ["City Manager Paul Hendricks", "He"]),
    case("merge-it-for-a-described-body",
         "The regional health authority said cases rose. It said beds were short.",
         ["The regional health authority", "It"]),
    case("merge-bare-head-by-its-type",
         "Carrow Motors said the plant would close. The carmaker said 300 jobs would go.",
         ["Carrow Motors", "The carmaker"]),
    case("merge-role-description-with-place",
         "Gov. Ada Quill said the bill was dead. The Vermont governor later said talks would go on.",
         ["Gov. Ada Quill", "The Vermont governor"]),
    # a name apposed to a description is the source's name, whatever capitals or particles the two hold
    case("merge-apposed-name-after-a-capitalised-description",
         "The White House press secretary, Dana Whitcomb, said the bill was dead. Ms. Whitcomb said talks would go "
         "on.", ["The White House press secretary, Dana Whitcomb,", "Ms. Whitcomb"]),
    case("merge-apposed-name-with-a-particle",
         "The group, Kataib al-Nasr, said it fired the drones. Kataib al-Nasr said more would follow.",
         ["The group, Kataib al-Nasr,", "Kataib al-Nasr"]),
    case("merge-apposed-name-after-role-words",
         "Its organiser, retired engineer Margaret Doyle, said the council had ignored the plan. Doyle said she "
         "would go on.", ["Its organiser, retired engineer Margaret Doyle,", "Doyle"]),
    # an acronym the article defines in brackets, letters in common or not
    case("merge-acronym-defined-in-brackets",
         "The Portuguese Institute for Sea and Atmosphere (IPMA) said more rain was due. IPMA warned that rivers "
         "could rise.", ["The Portuguese Institute for Sea and Atmosphere (IPMA)", "IPMA"]),
    # a title before a personal name introduced without a quote: "She" is the judge
    case("merge-pronoun-to-a-titled-name-not-quoted",
         "Judge Elena Vasquez set a trial date. She warned both sides that she expects the case to proceed.",
         ["She", "she"]),
    # the source mentioned last, not the one first quoted last
    case("merge-pronoun-to-the-source-mentioned-last",
         "Hollings said he lost. Alvarez said the state won. Hollings said it was close. He said he had called "
         "Alvarez.", ["Hollings", "He"]),
    case("merge-her-not-his", "A council spokesman said the change was about safety. His daughter, Siobhan "
         'Brennan, said he was upset. "He will not say it," she said.', ["His daughter, Siobhan Brennan,", "she"]),
    case("merge-surname-after-a-compound-title", "Brightwater co-founder and CEO Tomas Lindqvist said the deal "
         'would help. "Our team is happy," Lindqvist said.',
         ["Brightwater co-founder and CEO Tomas Lindqvist", "Lindqvist"]),
    case("merge-company-by-its-first-word", "Halvorsen Analytics plc said it had signed a deal. Halvorsen said it "
         "plans to retain all staff.", ["Halvorsen Analytics plc", "Halvorsen"]),
    case("merge-pronoun-to-a-subject-named-since",
         'Jenna Cole called the analysis "fake math." Ohio Gov. Frank Delacroix declined to say whom he would vote '
         'for. "I am focused on governing," he said.', ["he"]),
    case("merge-description-to-its-introduction",
         "The moderator, Elena Ruiz of Canal 9, said the debate would start late. Later the moderator said time was "
         "up.", ["The moderator, Elena Ruiz of Canal 9,", "the moderator"]),
    case("merge-they-to-people-described", "The authors wrote that the findings support modest exercise. They "
         "cautioned that the study was small.", ["The authors", "They"]),
    # an unnamed person quoted last is whom "he" means, not a named person quoted before
    case("merge-pronoun-to-an-unnamed-person",
         "Rami Haddad, the director of the monitoring group, said two were killed. A senior security official "
         "said the militia had moved west. He said the roads were closed.",
         ["A senior security official", "He"]),
]

# (id, text, mentions that must each be a source of their own)
APART = [
    case("apart-word-before-a-title",  # "Stein" is whose spokeswoman she is, not her name
         "Stein spokeswoman Mara Lind said the rally was peaceful. Stein said she would appeal.",
         ["Stein spokeswoman Mara Lind", "Stein"]),
    case("apart-possessive-role-with-a-name",
         "Teresa Vale said the poll was wrong. Vale's spokeswoman, Amy Chen, said the campaign was confident.",
         ["Teresa Vale", "Vale's spokeswoman, Amy Chen,"]),
    case("apart-pronoun-of-the-other-gender",
         "Ms. Pirlo said wages lagged. He said prices would rise.",
         ["Ms. Pirlo", "He"]),
    case("apart-a-modified-head-is-another-body",
         "The Interior Ministry said the dam held. The water authority said levels fell.",
         ["The Interior Ministry", "The water authority"]),
    case("apart-live-blog-entries",
         "16:05 GMT - The ministry says the curfew will be lifted at dawn.\n\n16:20 GMT - Police say two people "
         "were arrested.", ["The ministry", "Police"]),
    case("apart-two-ministries",
         "The interior ministry said 12 people were arrested. The defence ministry said troops were deployed.",
         ["The interior ministry", "The defence ministry"]),
    case("apart-two-ministries-one-named",
         "The Interior Ministry said 12 people were arrested. The defence ministry said troops were deployed.",
         ["The Interior Ministry", "The defence ministry"]),
    case("apart-the-writer-is-not-the-last-source",
         "Mayor Hal Jennings said the park was safe. I think he is wrong.",
         ["Mayor Hal Jennings", "I"]),
    case("apart-capitals-modifying-a-noun",  # "A Halden judge" is not "the Halden Times"
         "The Halden Times reported that the deal was signed. A Halden judge said it was void.",
         ["The Halden Times", "A Halden judge"]),
    case("apart-other-party",
         "Democratic nominee Tim Vale said the plan was sound. The Republican nominee said it was not.",
         ["Democratic nominee Tim Vale", "The Republican nominee"]),
    case("apart-role-never-given",
         "Lindsey Morrow said the bill was dead. The senator later said talks would go on.",
         ["Lindsey Morrow", "The senator"]),
    case("apart-pronoun-of-the-other-gender-unnamed",  # "a spokeswoman" is a woman: "he" is someone else
         "Rami Haddad said the talks were over. A spokeswoman for the ministry said they would resume. He said "
         "the ministry was wrong.", ["A spokeswoman for the ministry", "He"]),
    case("apart-plural-people-are-not-he",
         "Dana Pirlo said the race was close. Critics of both candidates said the debate was empty. She said the "
         "polls would move.", ["Critics of both candidates", "She"]),
    case("apart-the-judge-is-no-prosecutor",
         "Prosecutors said the ledgers were forged. The judge said the trial would resume.",
         ["Prosecutors", "The judge"]),
    case("apart-one-surname-two-people",
         '"It is about people," Elias Brennan said. His daughter, Siobhan Brennan, said he was tired.',
         ["Elias Brennan", "His daughter, Siobhan Brennan,"]),
    case("apart-description-is-not-a-person",
         "The Tide Lance, an armed group, said it fired the missile. The group said more would follow. "
         "Mara Lind said the port was calm.",
         ["Mara Lind", "The group"]),
]


@pytest.mark.parametrize("text, mentions", APART)
def test_apart(segmenter, lexicons, text, mentions):
    sources = _sources(segmenter, lexicons, text)
    owners = [_owner(sources, m).id for m in mentions]
    assert len(set(owners)) == len(owners), [(s.name, [m.text for m in s.mentions]) for s in sources]


@pytest.mark.parametrize("text, mentions", MERGES)
def test_merges(segmenter, lexicons, text, mentions):
    sources = _sources(segmenter, lexicons, text)
    owners = {_owner(sources, m).id for m in mentions}
    assert len(owners) == 1, [(s.name, [m.text for m in s.mentions]) for s in sources]


def test_centcom_best_name_and_type(segmenter, lexicons):
    sources = _sources(segmenter, lexicons,
                       "US Central Command said the drone was down. CENTCOM said no personnel were hurt.")
    assert len(sources) == 1
    assert sources[0].name == "US Central Command" and sources[0].type == "military" and sources[0].named
    assert len(sources[0].merge_evidence) == 2


def test_pronoun_not_merged_with_company(segmenter, lexicons):
    sources = _sources(segmenter, lexicons,
                       "Oskar Lind said the mine was safe. Kestrel Mining Company said output would resume. "
                       "He said the miners were resting.")
    assert _owner(sources, "He") is _owner(sources, "Oskar Lind")
    assert _owner(sources, "Kestrel Mining Company") is not _owner(sources, "He")


def test_distinct_sources_stay_apart(segmenter, lexicons):
    sources = _sources(segmenter, lexicons,
                       "Anna Berg said the strike would go on. Tomas Lind said the talks had failed.")
    assert len(sources) == 2


# (id, sentence, source mention, type, named)
TYPES = [
    case("type-military-name", "Colonel Ada Fenn said the army had withdrawn.", "Colonel Ada Fenn", "military", True),
    case("type-military-ministry", "The Defence Ministry said the drill was routine.", "The Defence Ministry", "military", True),
    case("type-news-agency", "Reuters reported that the minister had resigned.", "Reuters", "news_agency", True),
    case("type-football-club-is-no-person", "Harwick Rovers said the striker had signed a new contract.",
         "Harwick Rovers", "company", True),
    case("type-expert-role-before-a-company", "Marta Kovac, an economist at Baltic Capital, said rates would fall.",
         "Marta Kovac, an economist at Baltic Capital,", "expert", True),
    case("type-spokeswoman-for-a-body-is-the-body", "Ana Ruiz, a spokeswoman for the port authority, said it docked.",
         "Ana Ruiz, a spokeswoman for the port authority,", "government", True),
    case("type-polled-by-a-news-agency", "Economists polled by Reuters expect the bank to hold rates.",
         "Economists polled by Reuters", "expert", False),
    case("type-interviewed-by-a-paper", "Voters interviewed by the Halden Post said the race was close.",
         "Voters interviewed by the Halden Post", "person", False),
    case("type-news-agency-invented", "The Halvik News Agency reported that the port was closed.",
         "The Halvik News Agency", "news_agency", True),
    case("type-armed-group", "The Red Dune militia claimed responsibility for the attack.",
         "The Red Dune militia", "armed_group", True),
    case("type-anonymous", "Officials familiar with the matter said the captain was arrested.",
         "Officials familiar with the matter", "anonymous", False),
    case("type-anonymous-condition", "Two officials, who spoke on condition of anonymity, said the port would close.",
         "Two officials, who spoke on condition of anonymity,", "anonymous", False),
    case("type-person", "Lena Ortiz said she was relieved.", "Lena Ortiz", "person", True),
    case("type-government", "Mayor Ilse Varn said the town was calm.", "Mayor Ilse Varn", "government", True),
    case("type-company", "Dornmark Shipping Company said the tanker was empty.", "Dornmark Shipping Company", "company", True),
    case("type-law-enforcement", "Police said the suspect had been arrested.", "Police", "law_enforcement", False),
    case("type-ngo", "Amnesty International said the arrests were unlawful.", "Amnesty International", "ngo", True),
    case("type-expert", "Professor Tomas Reyes said the quake was shallow.", "Professor Tomas Reyes", "expert", True),
    case("src-description-type-lost", "The ministry said the talks had failed.", "The ministry", "government", False),
    case("src-anonymous-description", "A source familiar with the matter said the talks had stalled.",
         "A source familiar with the matter", "anonymous", False),
    case("type-document-named", "The Velmar Basin Survey report said emissions had risen.",
         "The Velmar Basin Survey report", "document", True),
    case("src-document-description", "The report said emissions had risen.", "The report", "document", False),
    case("src-officials-named", "Officials said the vote was delayed.", "Officials", "anonymous", False),
    case("src-spokeswoman-company", '"Everyone is safe," said Ingrid Halloway, a spokeswoman for the company.',
         "Ingrid Halloway, a spokeswoman for the company", "company", True),
    case("type-country", "Russia denied the report.", "Russia", "government", True),
    case("type-country-with-article", "The United States said the talks had failed.", "The United States",
         "government", True),
    case("type-people-of-a-country", "Many Mexicans say the wall is an insult.", "Many Mexicans", "person", False),
    case("type-nationality-adjective", "American business leaders said the tariffs hurt.",
         "American business leaders", "anonymous", False),
    case("type-not-a-people-word-inside-a-title", "French President Anne Roux said the summit was over.",
         "French President Anne Roux", "government", True),
    case("type-campaign-camp", "The Varga camp said the ad was false.", "The Varga camp", "party_campaign", True),
    case("type-company-not-a-general", "General Motors said sales fell.", "General Motors", "company", True),
    case("type-governor-title", "Gov. Ada Quill said the bill was dead.", "Gov. Ada Quill", "government", True),
    # a capital that only opens the sentence makes no name: a determiner, a number, a word the article also
    # writes in lower case
    case("type-opener-is-no-name", "Another critic said the plan would fail.", "Another critic", "anonymous", False),
    case("type-number-is-no-name", "Twelve percent said they were undecided.", "Twelve percent", "anonymous", False),
    case("type-word-also-in-lower-case", "Forecast models said the race was tied, though forecast models often err.",
         "Forecast models", "anonymous", False),
    case("type-party-adjective-after-a-number", "Two Democratic aides said the vote was close.",
         "Two Democratic aides", "anonymous", False),
    case("type-title-after-the", "The Rev. Ada Quill said the church would reopen.", "The Rev. Ada Quill",
         "person", True),
    case("type-surname-that-is-a-title", "Mr. King said the vote was close.", "Mr. King", "person", True),
    case("type-age-apposition", "Dana Yoder, 68, who has diabetes, said the clinic was a lifeline.",
         "Dana Yoder, 68, who has diabetes,", "person", True),
    # unnamed officials, whatever opens the sentence or follows the head
    case("type-unnamed-officials-capitalised", "Hospital officials said the ward was full.", "Hospital officials",
         "anonymous", False),
    case("type-unnamed-officials-with-complement", "Officials on both sides said the talks had stalled.",
         "Officials on both sides", "anonymous", False),
    case("type-unnamed-diplomat", "A senior diplomat involved in the negotiations said a deal was close.",
         "A senior diplomat involved in the negotiations", "anonymous", False),
    # type words are whole words, and a longer one found there wins over the shorter inside it
    case("type-marker-inside-a-word", "Sundale Resources said output rose.", "Sundale Resources", "company", True),
    case("type-longer-phrase-wins", "Lena Varga, a political scientist at Corvell State University, said the "
         "race was close.", "Lena Varga, a political scientist at Corvell State University,", "expert", True),
    case("type-company-group", "Norvik Foods Group said sales rose.", "Norvik Foods Group", "company", True),
    # a plural possessive inside a name is no closing quote: the source runs on to "Trust"
    case("type-plural-possessive-in-a-name", "The sale was a disgrace, said Kelly Brannigan of the Redport "
         "Supporters' Trust.", "Kelly Brannigan of the Redport Supporters' Trust", "ngo", True),
    case("type-friends-of", "Friends of Riverton Libraries said the cuts were short-sighted.",
         "Friends of Riverton Libraries", "ngo", True),
    # a common word opening the sentence names nobody: "Critics", "Others", an adjective before a type word
    case("type-critics-unnamed", "Critics said the plan was flawed.", "Critics", "person", False),
    case("type-others-unnamed", "Others say the slowdown is temporary.", "Others", "anonymous", False),
    case("type-adjective-before-a-type-word", "Legal experts said the appeal would fail.", "Legal experts",
         "expert", False),
    # a longer title wins over the rank word inside it ("general", "officer")
    case("type-general-manager", "General manager Priya Shah said the deal was done.", "General manager Priya Shah",
         "company", True),
    case("type-chief-financial-officer", "Chief Financial Officer Henrik Dahl said margins rose.",
         "Chief Financial Officer Henrik Dahl", "company", True),
    case("type-us-attorney", "Assistant U.S. Attorney Mark Whitfield said the case was strong.",
         "Assistant U.S. Attorney Mark Whitfield", "law_enforcement", True),
    case("type-campaign-spokesman", "Hollings campaign spokesman Derek Tate said the result was fair.",
         "Hollings campaign spokesman Derek Tate", "party_campaign", True),
    case("type-court-filings", "Court filings show the firm paid twice.", "Court filings", "document", False),
]


@pytest.mark.parametrize("text, mention, type_", [
    ("The bill was backed by Sen. Marla Quint on Monday. Quint said it would pass.", "Quint", "government"),
    ("Shares in Carrow Motors fell. Carrow said the plant would close.", "Carrow", "company"),
    ("Baylane agreed to the sale. Its chairman, Erik Dahl, signed the papers. Dahl said talks had been "
     "long.", "Dahl", "company"),
    # a headline carries the name bare; the first sentence introduces it
    ("Quint Backs Levy\n\nThe levy was backed by Sen. Marla Quint on Monday. Quint said it would pass.", "Quint",
     "government"),
    ("The core was drilled by Petra Lindqvist, a glaciologist at the Tallis institute. Lindqvist said the ice was "
     "old.", "Lindqvist", "expert"),
])
def test_short_name_typed_by_its_introduction(segmenter, lexicons, text, mention, type_):
    """A source quoted only by a short name takes the type the article gave that name when it introduced it,
    even where that introduction quoted nobody."""
    s = _owner(_sources(segmenter, lexicons, text), mention)
    assert s.type == type_ and "introduced earlier as" in s.type_evidence, s.type_evidence


def test_a_possessive_is_not_a_person(segmenter, lexicons):
    """ "Ada Quill’s tweet" is something of hers, not her: it must not be typed as a person (nor take "she")."""
    sources = _sources(segmenter, lexicons, "Ada Quill’s tweet said the count was rigged. She said more would follow.")
    tweet = _owner(sources, "Ada Quill’s tweet")
    assert tweet.type != "person"
    assert "She" not in [m.text for m in tweet.mentions]


@pytest.mark.parametrize("text, mention, type_, named", TYPES)
def test_types(segmenter, lexicons, text, mention, type_, named):
    s = _owner(_sources(segmenter, lexicons, text), mention)
    assert (s.type, s.named) == (type_, named), s.type_evidence
    assert s.type_evidence


def test_many_of_whom_is_part_of_the_group_before_it(segmenter, lexicons):
    (source,) = _sources(segmenter, lexicons, "The levy angered the growers, many of whom say it is unfair.")
    assert (source.name, source.type, source.named) == ("many of the growers", "anonymous", False)


def test_relative_that_takes_the_description_around_its_head(segmenter, lexicons):
    sources = _sources(segmenter, lexicons,
                       "Donors funded Civic Forward, a super PAC that intends to fight the levy.")
    assert [s.name for s in sources] == ["super PAC"]


def test_transcript_labels_are_people_named_in_title_case(segmenter, lexicons):
    """ "QUILL: ..." in a transcript is a speaker, not an acronym: one person per label, named "Quill"."""
    sources = _sources(segmenter, lexicons, "Transcript follows.\nQUILL: We will win.\nMORROW: You will not.\n"
                                            "QUILL: We will.")
    assert sorted((s.name, s.type, len(s.mentions)) for s in sources) == [("Morrow", "person", 1),
                                                                          ("Quill", "person", 2)]


def test_first_person_outside_quotes_is_the_writer(segmenter, lexicons):
    sources = _sources(segmenter, lexicons, "Mayor Hal Jennings said the park was safe. I think he is wrong. "
                                            "We believe the city should close it.")
    writer = _owner(sources, "I")
    assert (writer.name, writer.type, writer.named) == ("the writer", "person", False)
    assert [m.text for m in writer.mentions] == ["I", "We"]


def test_pronoun_reaches_a_person_named_but_not_quoted_before(segmenter, lexicons):
    """ "A spokesman for the council, Piet Vandermolen, declined to give figures. He said ...": "He" is
    Vandermolen although nothing before quoted him; a word the article also writes in lower case is no name."""
    sources = _sources(segmenter, lexicons, "A spokesman for the council, Piet Vandermolen, declined to give "
                                            "figures. He said the talks would resume.")
    he = _owner(sources, "He")
    assert he.name == "Piet Vandermolen" and he.named
    sources = _sources(segmenter, lexicons, "In March the Small Fry festival closed in the rain. He said it was "
                                            "a pity, a small loss.")
    assert _owner(sources, "He").name == "He"


@pytest.mark.parametrize("names", [("Recep Tayyip Erdogan", "Recep Tayyip Erdo\u011fan"),
                                   ("Zoe Olafsdottir", "Zo\u00eb \u00d3lafsd\u00f3ttir"),
                                   ("Angel Gomez", "\u00c1ngel G\u00f3mez")])
def test_a_name_beyond_ascii_merges_like_its_ascii_twin(segmenter, lexicons, names):
    """Capitals and letters beyond ASCII make names too: the pronoun and the surname find "Erdoğan" as they find
    "Erdogan" (the patterns' [A-Z] and [a-z] once missed them, leaving "He" unresolved)."""
    template = ("The envoy met {full} on Monday, the ministry said. He said the talks had gone "
                "well. {last} added that a deal was close.")
    groups = []
    for full in names:
        sources = _sources(segmenter, lexicons, template.format(full=full, last=full.split()[-1]))
        he = _owner(sources, "He")
        assert he.named and he.type in ("person", "government"), (he.name, he.type)
        assert full.split()[-1] in he.name
        groups.append(sorted((m.start, m.end) for m in he.mentions))
    assert groups[0] == groups[1]


_SCRAP = "ab.A_-’' é1\n,"


@settings(max_examples=400, deadline=None)
@given(st.text(_SCRAP, max_size=14), st.text(_SCRAP.replace(" ", "").replace("\n", ""), min_size=1, max_size=3),
       st.integers(0, 14))
def test_occurrences_finds_what_the_word_pattern_finds(text, word, end):
    """The earlier introductions of a name are found with str.find; they must be exactly what the pattern
    ``(?<![\\w.])word\\b`` finds in ``text[:end]``."""
    end = min(end, len(text))
    expected = [(m.start(), m.end()) for m in re.finditer(r"(?<![\w.])" + re.escape(word) + r"\b", text[:end])]
    assert list(_occurrences(text, word, end)) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(_SCRAP + "x", max_size=14), st.lists(st.text(_SCRAP + "x", min_size=1, max_size=4), max_size=3))
def test_lower_case_words_are_the_words_the_pattern_lists(lexicons, text, words):
    """A word the article writes in lower case is looked up where it stands; the answer must be membership in
    the list ``\\b[a-z][a-z’'-]+`` makes of the whole text ("ray" is not one in "x-ray")."""
    listed = set(re.findall(r"\b[a-z][a-z’'-]+", text))
    article = _Article(text, lexicons)
    for word in words + sorted(listed):
        assert article.writes_in_lower_case(word) == (word in listed)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", " ", "\n", "\n", "\t", ",", '"', "“", "”", "''", "«", "»", "„", "‘", "’",
                                 "s’ a", "‘9"]), max_size=30))
@example(["‘", "a", "\n", "\n", "‘", "a", "’"])  # a single quote running on into the next paragraph
def test_inside_quote_reads_the_paragraph_as_find_quotes_reads_the_article(lexicons, pieces):
    """Whether a position is inside a quotation is worked out from its paragraph alone; it must be what the
    quotes ``find_quotes`` finds in the whole text say, at every position."""
    text = "".join(pieces)
    quotes = find_quotes(text)
    article = _Article(text, lexicons)
    for pos in range(len(text) + 1):
        assert article.inside_quote(pos) == any(q.start < pos < q.end for q in quotes)


def test_a_no_break_space_after_a_title_types_like_a_space(segmenter, lexicons):
    for text in ("Rep.\u00a0Jim Clyburn said the vote was close. He said it was fair.",
                 "Dr.\u00a0Jonah Kimura, the study\u2019s lead author, said the signal was strong."):
        plain = _sources(segmenter, lexicons, text.replace("\u00a0", " "))
        spaced = _sources(segmenter, lexicons, text)
        assert [(s.type, s.named, [(m.start, m.end) for m in s.mentions]) for s in spaced] == \
            [(s.type, s.named, [(m.start, m.end) for m in s.mentions]) for s in plain]
        assert spaced[0].type in ("government", "expert")


def test_pronoun_reaches_a_titled_name(segmenter, lexicons):
    """ "Judge Elena Vasquez set a trial date. She warned ...": a title before the name keeps it a person's."""
    sources = _sources(segmenter, lexicons, "Judge Elena Vasquez set a trial date. She warned both sides that the "
                                            "case would proceed.")
    assert _owner(sources, "She").name == "Judge Elena Vasquez"


def test_relative_which_takes_a_bare_plural_antecedent(segmenter, lexicons):
    sources = _sources(segmenter, lexicons, "The plan has drawn criticism from patient groups, which say access "
                                            "remains limited.")
    assert _owner(sources, "which").name == "patient groups"


def test_first_word_of_a_company_is_not_a_named_person(segmenter, lexicons):
    """ "Trump" is not "Trump Hotels" where the article names "Donald Trump"."""
    sources = _sources(segmenter, lexicons, "Trump Hotels said bookings were up. Donald Trump said he was proud. "
                                            "Trump said the hotels were great.")
    assert _owner(sources, "Trump") is _owner(sources, "Donald Trump")
    assert _owner(sources, "Trump") is not _owner(sources, "Trump Hotels")


def test_pronoun_reaches_a_subject_named_since_the_last_source(segmenter, lexicons):
    sources = _sources(segmenter, lexicons, 'Jenna Cole called the analysis "fake math." Ohio Gov. Frank Delacroix '
                                            'declined to say whom he would vote for. "I am focused on governing," he '
                                            'said.')
    assert _owner(sources, "he").name == "Frank Delacroix"


def test_the_writer_is_never_he(segmenter, lexicons):
    sources = _sources(segmenter, lexicons, 'I think the plan is wrong. "Nobody went broke paying cash," he said.')
    assert _owner(sources, "he") is not _owner(sources, "I")


def test_apposed_name_with_an_affiliation(segmenter, lexicons):
    sources = _sources(segmenter, lexicons, "That economist, Raymond Osei of the University of Michigan, believes "
                                            "the reckoning has barely started.")
    s = _owner(sources, "economist, Raymond Osei of the University of Michigan,")
    assert s.name == "Raymond Osei" and s.named


_NAME_PIECES = st.sampled_from(["Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Prof", "M", "S", "G", "R", "P",
                                "D", "J", "Ana", "Maria", "Lee", "van", "de", "\u00c9mile", "\u00d6zil", "O’Neil",
                                "Smith-Jones", ".", ". ", " ", "  ", "\n", ",", "x", "1", "_", "-", "’", "'",
                                "\u00e9", "\u00a0"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=25).map("".join), st.integers(0, 40), st.integers(0, 40))
@example("Mrs. Ana Lee and Prof. \u00c9mile Durand", 0, 0)
def test_person_name_pattern_finds_what_the_plain_pattern_finds(text, cut_start, cut_end):
    """_PERSON_NAME is written to open with its capital (a faster search); it must find what the pattern written
    plainly finds, in any window of the text (the pronoun rule searches the 400 characters before a pronoun)."""
    from scoring.chars import LOWER
    from scoring.sources import _PERSON_NAME, _U

    plain = re.compile(rf"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+)?{_U}[{LOWER}’'-]+(?:\s+{_U}\.)?"
                       rf"(?:\s+{_U}[{LOWER}’'-]+){{1,2}}\b")
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert [m.span() for m in _PERSON_NAME.finditer(text, start, end)] == \
        [m.span() for m in plain.finditer(text, start, end)]
