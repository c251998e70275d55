"""Indicator rules: table-driven positives and negatives, explanations, and a conformance suite.

Every phrase here is a short, synthetic, non-explicit indicator or an ordinary chat line.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from childsafe.errors import ConfigError
from childsafe.text.indicators import (
    CATEGORIES,
    DEFAULT_RULES,
    STAGES,
    IndicatorDetector,
    IndicatorHit,
    IndicatorRule,
)
from childsafe.text.normalize import normalize_text

DETECTOR = IndicatorDetector()

# (phrase, the exact set of categories it must raise).  Chat spellings are deliberate.
POSITIVES: list[tuple[str, set[str]]] = [
    # age_identity
    ("how old are you", {"age_identity"}),
    ("hw old r u", {"age_identity"}),
    ("how old r u?", {"age_identity"}),
    ("asl?", {"age_identity"}),
    ("a/s/l", {"age_identity"}),
    ("what's ur age", {"age_identity"}),
    ("what grade are you in", {"age_identity"}),
    ("wat grade r u in", {"age_identity"}),
    ("are you in middle school?", {"age_identity"}),
    ("are you a boy or a girl", {"age_identity"}),
    ("m or f?", {"age_identity"}),
    ("u 13?", {"age_identity"}),
    ("are you 14?", {"age_identity"}),
    ("are you underage", {"age_identity"}),
    ("how many years old r u", {"age_identity"}),
    ("u old enough to drive yet?", {"age_identity"}),
    # personal_details
    ("what school do you go to", {"personal_details"}),
    ("wut skool u go 2", {"personal_details"}),
    ("where do u live?", {"personal_details"}),
    ("what city do you live in", {"personal_details"}),
    ("send me your location", {"personal_details"}),
    ("send me ur addy", {"personal_details"}),
    ("what's your phone number", {"personal_details"}),
    ("can i have ur number", {"personal_details"}),
    # isolation_check
    ("are you home alone", {"isolation_check"}),
    ("r u alone", {"isolation_check"}),
    ("u home alone?", {"isolation_check"}),
    ("where are your parents", {"isolation_check"}),
    ("are ur parents home?", {"isolation_check"}),
    ("when does your mom get home", {"isolation_check"}),
    ("is anyone with you", {"isolation_check"}),
    ("who's there with you", {"isolation_check"}),
    ("do your parents check your phone", {"isolation_check"}),
    ("is ur mom around", {"isolation_check"}),
    ("when do ur parents get back", {"isolation_check"}),
    ("so ur on ur own tonight?", {"isolation_check"}),
    # compliments_trust
    ("you're so pretty", {"compliments_trust"}),
    ("ur so cute 😍", {"compliments_trust"}),
    ("ur cute", {"compliments_trust"}),
    ("you're so mature for your age", {"compliments_trust"}),
    ("you seem way older", {"compliments_trust"}),
    ("you can trust me", {"compliments_trust"}),
    ("i'm the only one who gets you", {"compliments_trust"}),
    ("nobody understands you like i do", {"compliments_trust"}),
    ("you're so special to me", {"compliments_trust"}),
    ("i think i'm falling for you", {"compliments_trust"}),
    # secrecy
    ("don't tell your mom about us", {"secrecy"}),
    ("dont tell ur mom", {"secrecy"}),
    ("don’t tell anyone", {"secrecy"}),
    ("this is our little secret", {"secrecy"}),
    ("keep this between us", {"secrecy"}),
    ("nobody needs to know", {"secrecy"}),
    ("dont mention me to them", {"secrecy"}),
    ("ppl wouldnt understand what we have", {"secrecy"}),
    ("delete these messages", {"secrecy"}),
    ("clear your chat history", {"secrecy"}),
    ("delete this after you read it", {"secrecy"}),
    # platform_move
    ("add me on snap 😘", {"platform_move"}),
    ("add me on snapchat", {"platform_move"}),
    ("hmu on kik", {"platform_move"}),
    ("whats ur snap", {"platform_move"}),
    ("do you have discord", {"platform_move"}),
    ("let's move to telegram", {"platform_move"}),
    ("we should talk on whatsapp", {"platform_move"}),
    ("private chat?", {"platform_move"}),
    ("text me at this number", {"platform_move"}),
    ("dm me", {"platform_move"}),
    # image_request
    ("send me a pic", {"image_request"}),
    ("snd me a pic", {"image_request"}),
    ("send me a selfie", {"image_request"}),
    ("can i see a picture of you", {"image_request"}),
    ("turn on your camera", {"image_request"}),
    ("can we facetime", {"image_request"}),
    ("show me what you look like", {"image_request"}),
    ("can i see you", {"image_request"}),
    # sexualisation (clinical, minimal)
    ("you look sexy", {"sexualisation"}),
    ("are you a virgin", {"sexualisation"}),
    ("what are you wearing", {"sexualisation"}),
    ("do you touch yourself", {"sexualisation"}),
    ("does that turn you on", {"sexualisation"}),
    ("ur body 🔥", {"sexualisation"}),
    # gifts_money
    ("i'll buy you a new phone", {"gifts_money"}),
    ("i can get you robux", {"gifts_money"}),
    ("want free vbucks?", {"gifts_money"}),
    ("i'll send you $50", {"gifts_money"}),
    ("i'll pay for your phone bill", {"gifts_money"}),
    # meeting
    ("let's meet at the mall", {"meeting"}),
    ("wanna meet up this weekend?", {"meeting"}),
    ("where can we meet", {"meeting"}),
    ("i can pick you up", {"meeting"}),
    ("i'll drive over", {"meeting"}),
    ("come over to my place", {"meeting"}),
    ("what time can you sneak out", {"meeting"}),
    # sextortion_threat
    ("i will send your photos to all your friends", {"sextortion_threat"}),
    ("i'll post ur pics", {"sextortion_threat"}),
    ("or i leak your video", {"sextortion_threat"}),
    ("everyone will see them", {"sextortion_threat"}),
    ("i'll send them to your whole family", {"sextortion_threat"}),
    ("or everyone sees", {"sextortion_threat"}),
    ("ur pics go public", {"sextortion_threat"}),
    ("ill tag ur whole family", {"sextortion_threat"}),
    ("pay up", {"sextortion_payment"}),
    ("i want 300", {"sextortion_payment"}),
    ("i will ruin your life", {"sextortion_threat"}),
    ("i have your pics", {"sextortion_threat"}),
    ("i'll expose you", {"sextortion_threat"}),
    ("ur family is going to see everything", {"sextortion_threat"}),
    ("everyone at ur school will get this chat", {"sextortion_threat"}),
    ("i will send it to your mom", {"sextortion_threat"}),
    # csam_discussion (indicator phrases only)
    ("got any cp to trade", {"csam_discussion"}),
    ("links to preteen content?", {"csam_discussion"}),
    # sextortion_payment
    ("pay me $500 in gift cards", {"sextortion_payment"}),
    ("send $200 now", {"sextortion_payment"}),
    ("send me 100 dollars", {"sextortion_payment"}),
    ("send it through bitcoin", {"sextortion_payment"}),
    ("you need to pay", {"sextortion_payment"}),
    # sextortion_deadline
    ("you have 24 hours", {"sextortion_deadline"}),
    ("u have 24 hrs", {"sextortion_deadline"}),
    ("you have 10 minutes to pay", {"sextortion_deadline"}),
    ("only 2 hours left", {"sextortion_deadline"}),
    ("do it or else", {"sextortion_deadline"}),
    ("last chance", {"sextortion_deadline"}),
    ("tick tock", {"sextortion_deadline"}),
    ("by tonight", {"sextortion_deadline"}),
    # several categories in one message
    ("r u home alone? dont tell ur mom", {"isolation_check", "secrecy"}),
    ("how old are you? add me on snap", {"age_identity", "platform_move"}),
    (
        "pay me $500 in gift cards or i will send your photos to all your friends. you have 24 hours",
        {"sextortion_payment", "sextortion_threat", "sextortion_deadline"},
    ),
]

# Ordinary chat that must raise nothing.  Decisions worth knowing:
# - "pay for" only counts with a personal item ("pay for your phone bill"), so the pizza is fine.
# - "meet" is a proposal only after "let's/can we/wanna..." and never before "the deadline"; "meeting" is
#   another word.  The normaliser turns "meetup" into "meet up", which alone is not a proposal.
# - "asl" alone is American Sign Language; only "asl?", "a/s/l" or a message that opens with it count.
# - "your <looks word>" counts only at the end of a clause ("ur cute"), not before a noun ("your cute dog").
# - "virgin" is not counted before olive/media/islands and the like.
# - "go viral" and "post the photos online" are ordinary; a threat needs "your" pictures or an audience.
NEGATIVES: list[str] = [
    "how was school today",
    "i want 2 more minutes",
    "i'll share the recipe with ur mom",
    "i'll tag u in the pics from the trip",
    "the class starts at nine",
    "what a skill",
    "let's upgrade the app",
    "see you at the meeting tomorrow",
    "i'll pay for the pizza",
    "i took a snapshot of the graph",
    "the meetup is cancelled",
    "let's meet the deadline",
    "let's move to the next slide",
    "i understand your concern",
    "how old is your dog",
    "i'm learning asl at school",
    "you have 3 new messages",
    "what's your name",
    "can you send me the notes",
    "send me the address of the restaurant",
    "the secret ingredient is love",
    "this video will go viral",
    "i'll post the photos online",
    "happy birthday 🎉",
    "great game, well played",
    "my mom said dinner is at six",
    "i'll pick up the kids at five",
    "extra virgin olive oil",
    "he embraced his brother",
    "your cute dog is barking",
    "you're pretty good at this",
    "are you there?",
    "is anyone there?",
    "you're so sweet thank you",
    "hurry or else we'll be late",
    "you have 2 days to finish the project",
    "we go to the same school",
    "i'll drive to work",
    "she has a sunny disposition",
    "the assassin's creed trailer dropped",
    "dont tell anyone i like him",
]


def categories(text: str) -> set[str]:
    return {hit.category for hit in DETECTOR.detect(text)}


@pytest.mark.parametrize(("phrase", "expected"), POSITIVES, ids=[p for p, _ in POSITIVES])
def test_positive_phrases_raise_exactly_their_categories(phrase: str, expected: set[str]) -> None:
    assert categories(phrase) == expected


@pytest.mark.parametrize("phrase", NEGATIVES)
def test_ordinary_chat_raises_nothing(phrase: str) -> None:
    assert DETECTOR.detect(phrase) == [], [h.explanation() for h in DETECTOR.detect(phrase)]


@pytest.mark.parametrize("phrase", ["u have 24hrs", "r u in 7th grade"])
def test_known_normaliser_gaps(phrase: str) -> None:
    assert categories(phrase)


# ---- the hit: explanation, score, one per category ------------------------------------------------


def test_explanation_names_rule_span_and_stage() -> None:
    [hit] = DETECTOR.detect("How old are you")
    assert hit == IndicatorHit("age_identity", "risk_assessment", 0.5, "age_question", "how old are you", ())
    assert hit.explanation() == "age_question matched 'how old are you' (stage risk_assessment)"


def test_explanation_names_the_context_that_raised_the_score() -> None:
    [hit] = DETECTOR.detect("add me on snap 😘")
    assert hit.rule == "add_me" and hit.context == ("😘",)
    assert hit.score == pytest.approx(0.55 + 0.15)
    assert hit.explanation() == (
        "add_me matched 'add me on snap' (stage exclusivity); context '😘' raised the score to 0.70"
    )
    [plain] = DETECTOR.detect("add me on snap")
    assert plain.score == 0.55 and plain.context == ()


def test_matched_span_comes_from_the_normalised_text() -> None:
    [hit] = DETECTOR.detect("R U HOME ALONE???")
    assert hit.matched == "are you home alone"
    assert hit.matched in normalize_text("R U HOME ALONE???")


def test_context_words_inside_the_match_do_not_count() -> None:
    # "alone" is a context word of parents_whereabouts; here it is not in the message at all.
    [hit] = DETECTOR.detect("where are your parents")
    assert hit.context == () and hit.score == 0.55


def test_at_most_one_hit_per_category_and_it_is_the_best() -> None:
    text = "is anyone with you? where are your parents? r u alone"
    hits = DETECTOR.detect(text)
    assert [h.category for h in hits] == ["isolation_check"]
    singles = [IndicatorDetector([r]).detect(text) for r in DEFAULT_RULES if r.category == "isolation_check"]
    assert hits[0].score == max(h[0].score for h in singles if h)
    assert hits[0].rule == "alone_question"


def test_hits_are_sorted_by_score_descending() -> None:
    text = "pay me $500 in gift cards or i will send your photos to all your friends. you have 24 hours"
    scores = [h.score for h in DETECTOR.detect(text)]
    assert scores == sorted(scores, reverse=True)
    assert DETECTOR.detect(text)[0].category == "sextortion_threat"


@pytest.mark.parametrize(("phrase", "_"), POSITIVES, ids=[p for p, _ in POSITIVES])
def test_every_hit_is_well_formed(phrase: str, _: set[str]) -> None:
    normalized = normalize_text(phrase)
    hits = DETECTOR.detect(phrase)
    assert len({h.category for h in hits}) == len(hits)
    for h in hits:
        assert 0.0 < h.score <= 1.0
        assert h.stage in STAGES and h.category in CATEGORIES
        start = normalized.find(h.matched)
        assert start >= 0, "the matched span is a piece of the normalised text"
        end = start + len(h.matched)
        # word-bounded: the span neither starts nor ends inside a word
        assert not (start > 0 and normalized[start - 1].isalnum() and h.matched[0].isalnum())
        assert not (end < len(normalized) and normalized[end].isalnum() and h.matched[-1].isalnum())
        assert h.rule in h.explanation() and repr(h.matched) in h.explanation()


def test_stronger_categories_outrank_weaker_ones() -> None:
    base = {r.name: r.score for r in DEFAULT_RULES}
    assert base["leak_threat"] == 0.9
    assert base["dont_tell"] == base["secret_keeping"] == 0.7
    assert base["age_question"] == 0.5
    assert base["looks_compliment"] == 0.3


def test_detect_normalises_and_detect_normalized_does_not() -> None:
    raw = "send me ur addy"
    assert DETECTOR.detect(raw) == DETECTOR.detect_normalized(normalize_text(raw))
    assert [h.rule for h in DETECTOR.detect(raw)] == ["location_request"]
    assert DETECTOR.detect_normalized(raw) == []  # "addy" -> "address" is the normaliser's job


def test_hits_are_frozen() -> None:
    [hit] = DETECTOR.detect("how old are you")
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.score = 1.0  # type: ignore[misc]


def test_huge_message_is_fast_enough_to_not_hang() -> None:
    DETECTOR.detect("what a skill " * 1500)  # 19,500 characters; bounded patterns, no backtracking blow-up


# ---- custom rules and validation -------------------------------------------------------------------


def test_custom_rules_and_context_boost_is_capped() -> None:
    rule = IndicatorRule("test_rule", "test_category", "meeting", (r"zebra crossing",), 0.95, ("now",), 0.15)
    detector = IndicatorDetector([rule])
    assert detector.categories == ("test_category",) and detector.rules == (rule,)
    [hit] = detector.detect("meet at the Zebra Crossing now")
    assert hit.score == 1.0 and hit.context == ("now",)
    assert detector.detect("zebra crossings") == []  # word-bounded even though the pattern is not


@pytest.mark.parametrize(
    "changes",
    [
        {"stage": "grooming"},
        {"score": 0.0},
        {"score": 1.5},
        {"patterns": ()},
        {"patterns": ("",)},
        {"name": "Bad Name"},
        {"category": "Bad-Category"},
        {"context_boost": -0.1},
        {"context": ("",)},
    ],
)
def test_invalid_rules_are_refused(changes: dict[str, object]) -> None:
    fields: dict[str, object] = {
        "name": "ok", "category": "ok", "stage": "meeting", "patterns": ("x",), "score": 0.5,
    }
    fields.update(changes)
    with pytest.raises(ConfigError):
        IndicatorRule(**fields)  # type: ignore[arg-type]


def test_bad_regex_and_duplicate_names_are_refused_by_the_detector() -> None:
    with pytest.raises(ConfigError, match="does not compile"):
        IndicatorDetector([IndicatorRule("broken", "c", "meeting", ("(unclosed",), 0.5)])
    rule = IndicatorRule("twice", "c", "meeting", ("x",), 0.5)
    with pytest.raises(ConfigError, match="twice"):
        IndicatorDetector([rule, rule])


# ---- conformance: every default rule is valid, compiles and is exercised --------------------------


def test_categories_and_stages_are_the_documented_ones() -> None:
    assert STAGES == ("friendship", "relationship", "risk_assessment", "exclusivity", "sexual", "meeting",
                      "sextortion")
    assert CATEGORIES == (
        "age_identity", "personal_details", "isolation_check", "compliments_trust", "secrecy", "platform_move",
        "image_request", "sexualisation", "gifts_money", "meeting", "sextortion_threat", "sextortion_payment",
        "sextortion_deadline", "csam_discussion",
    )
    assert DETECTOR.categories == CATEGORIES


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=[r.name for r in DEFAULT_RULES])
def test_default_rule_conforms(rule: IndicatorRule) -> None:
    assert rule.stage in STAGES and rule.category in CATEGORIES
    assert 0.0 < rule.score <= 1.0 and 0.0 <= rule.context_boost <= 1.0
    for pattern in rule.patterns:
        re.compile(pattern)
    # context words must be in normalised form, or they could never be seen
    for word in rule.context:
        assert normalize_text(word) == word, word
    # exercised: at least one positive phrase triggers this rule on its own
    alone = IndicatorDetector([rule])
    assert any(alone.detect(phrase) for phrase, _ in POSITIVES), f"no positive phrase exercises {rule.name}"
    # and no ordinary phrase does
    assert not any(alone.detect(phrase) for phrase in NEGATIVES)


def test_rule_names_are_unique_and_every_category_has_several_rules() -> None:
    names = [r.name for r in DEFAULT_RULES]
    assert len(names) == len(set(names))
    for category in CATEGORIES:
        assert sum(r.category == category for r in DEFAULT_RULES) >= 2, category
