"""Explainable lexical indicators of grooming and sextortion in single chat messages.

A rule is pure data (presidio style): a stable lower_snake name, a category, the grooming stage it
evidences, a few regular expressions, a base score and optional context words that raise the score
when they occur elsewhere in the same message.  :class:`IndicatorDetector` compiles a registry of rules
once and reports, per message, at most one :class:`IndicatorHit` per category -- the best one -- and
every hit says why it fired (rule, matched span, context words found).

Stages follow the online-grooming literature (O'Connell 2003; Black et al. 2015) with sextortion added:
friendship -> relationship -> risk_assessment -> exclusivity -> sexual -> meeting, and sextortion.

Patterns run over :func:`childsafe.text.normalize.normalize_text` output (lower case, chat spellings
expanded: "r u alone" arrives as "are you alone").  They still accept a few raw spellings, because the
normaliser only expands whole whitespace-separated words ("u?" with its punctuation stays "u?").
Every pattern is wrapped in word boundaries at compile time, so "class" cannot match "ass" and
"upgrade" cannot match "grade".

The word lists are deliberately clinical and minimal: they describe indicators, not content.
"""

# long-module: the English rule tables are data kept next to the few functions that compile and apply them

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from childsafe.errors import ConfigError
from childsafe.text.normalize import normalize_text

__all__ = [
    "STAGES",
    "CATEGORIES",
    "DEFAULT_RULES",
    "IndicatorRule",
    "IndicatorHit",
    "IndicatorDetector",
]

#: Grooming stages (O'Connell 2003 / Black et al. 2015) plus sextortion, in conversational order.
STAGES: tuple[str, ...] = (
    "friendship", "relationship", "risk_assessment", "exclusivity", "sexual", "meeting", "sextortion",
)

_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class IndicatorRule:
    """One detector as pure data.  Validated on construction; compiled by :class:`IndicatorDetector`."""

    name: str
    category: str
    stage: str
    patterns: tuple[str, ...]
    score: float
    context: tuple[str, ...] = ()
    context_boost: float = 0.15

    def __post_init__(self) -> None:
        where = f"indicator rule {self.name!r}"
        if not _NAME.fullmatch(self.name):
            raise ConfigError(f"{where}: the name must be lower_snake_case")
        if not _NAME.fullmatch(self.category):
            raise ConfigError(f"{where}: the category {self.category!r} must be lower_snake_case")
        if self.stage not in STAGES:
            raise ConfigError(f"{where}: the stage {self.stage!r} is not one of {', '.join(STAGES)}")
        if not self.patterns or not all(isinstance(p, str) and p for p in self.patterns):
            raise ConfigError(f"{where}: give at least one non-empty pattern")
        if not 0.0 < self.score <= 1.0:
            raise ConfigError(f"{where}: the score {self.score} must be in (0, 1]")
        if not 0.0 <= self.context_boost <= 1.0:
            raise ConfigError(f"{where}: the context_boost {self.context_boost} must be in [0, 1]")
        if not all(isinstance(w, str) and w.strip() for w in self.context):
            raise ConfigError(f"{where}: context words must be non-empty strings")


@dataclass(frozen=True)
class IndicatorHit:
    """A finding in one message, with everything a reviewer needs to see why it was flagged."""

    category: str
    stage: str
    score: float
    rule: str
    matched: str
    context: tuple[str, ...]

    def explanation(self) -> str:
        """One human sentence: which rule, what it matched, which stage, what raised the score."""
        text = f"{self.rule} matched {self.matched!r} (stage {self.stage})"
        if self.context:
            words = ", ".join(repr(w) for w in self.context)
            text += f"; context {words} raised the score to {self.score:.2f}"
        return text


# --------------------------------------------------------------------------------------------------
# Pattern fragments.  Kept private: a rule's patterns are plain strings once the module is loaded.

_A = "['’]?"  # straight, curly or missing apostrophe: "don't", "don’t", "dont"
_YOU = r"(?:you|u|ya|yu)"
_ARE = r"(?:are|r)"
_YOUR = r"(?:your|ur|yr)"
_YOURE = rf"(?:you{_A}re|you are|{_YOU} {_ARE}|ur|your|yr)"  # "ur so cute" arrives as "your so cute"
_WHAT = r"(?:what|wat|wut|wht|wot)"
_WHATS = rf"(?:{_WHAT}{_A}s|{_WHAT} is|{_WHAT})"
_DONT = rf"(?:don{_A}t|dnt|do not|never)"
_SO = r"(?:so|soo|really|rly|very|super|such an?|the most|literally|actually)"
_ANYONE = r"(?:any ?one|any ?body|ne1|some ?one|some ?body)"
_NOONE = r"(?:no ?one|no ?body)"
_PARENT = (
    r"(?:parents?|mom|mum|mommy|mother|dad|daddy|father|folks|rents|family|step ?(?:mom|dad)|"
    r"grandma|grandpa|guardians?)"
)
_PIC = r"(?:pic(?:ture)?s?|pix|photos?|selfies?|vid(?:eo)?s?|snaps|nudes?)"
_PIC_ADJ = r"(?:(?:cute|quick|new|nice|real|private|special|full body|pretty|sexy|hot|naughty|current|recent) )"
_CHAT = r"(?:messages?|msgs?|texts?|chats?|convos?|conversations?|dms?|history|screenshots?)"
_PLATFORM = (
    r"(?:snap(?:chat)?|sc|kik|telegram|tele|whats ?app|wa|discord|insta(?:gram)?|ig|skype|signal|wickr|"
    r"viber|tiktok|facebook|fb|messenger|wechat|line|session|threema|omegle)"
)
_PLATFORM_STRICT = r"(?:snap(?:chat)?|kik|telegram|whats ?app|discord|insta(?:gram)?|skype|wickr|viber|wechat)"
_MONEY = r"(?:\$\s?\d[\d,.]*|\d[\d,.]*\s?(?:\$|dollars|bucks|usd|euros?|pounds|£|€)|£\s?\d[\d,.]*|€\s?\d[\d,.]*)"
_CHANNEL = (
    r"(?:gift ?cards?|(?:steam|itunes|apple|google play|amazon|visa) (?:gift )?cards?|bitcoins?|btc|crypto|"
    r"cash ?app|paypal|venmo|zelle|western union|moneygram)"
)
_FUTURE = rf"(?:i{_A}ll|i will|i{_A}m going to|i{_A}m gonna|i am going to|i am gonna|i{_A}m|i am|or i|i)"
_OFFER = rf"i(?:{_A}ll| will| can| could|{_A}d| would| want to| wanna| am going to|{_A}m going to|{_A}m gonna)"
_COUNT = r"(?:\d{1,3}|an?|one|two|three|four|five|six|ten|twelve|fifteen|twenty|thirty|forty ?eight|twenty ?four)"
_UNIT = r"(?:hours?|hrs?|h|minutes?|mins?|seconds?|secs?)"  # not days: "2 days to finish the essay"

_LOOKS = r"(?:pretty|cute|beautiful|gorgeous|hot|stunning|adorable|perfect)"
_END = r"(?=\s*(?:$|[^\w\s]|and\b|too\b|af\b|tbh\b|lol\b|omg\b))"  # end of the clause

_PIC_CONTEXT = ("picture", "pictures", "photo", "photos", "video", "videos", "nudes")
_PAY_CONTEXT = ("pay", "money", "cash", "bitcoin", "paypal", "venmo", "gift card", "gift cards")
_DEMAND_CONTEXT = ("now", "hours", "minutes", "tonight", "or else", "pictures", "photos", "video", "friends")

_R = IndicatorRule

#: The built-in rules, grouped by category in conversational order.  Stronger, more specific rules
#: score higher; context words raise a score by ``context_boost`` (once, capped at 1).
DEFAULT_RULES: tuple[IndicatorRule, ...] = (
    # ---- age_identity (risk_assessment) -------------------------------------------------------
    _R("age_question", "age_identity", "risk_assessment", (
        rf"h(?:o|ow)?w old {_ARE} {_YOU}",
        rf"how old {_YOU}",
        rf"{_WHATS} {_YOUR} age",
        rf"{_WHAT} age {_ARE} {_YOU}",
    ), 0.5, context=("hbu", "asl", "wyd")),
    _R("asl", "age_identity", "risk_assessment", (
        r"^asl",
        r"asl\s*\?",
        r"a\s*/\s*s\s*/\s*l",
        r"asl (?:please|pls|plz)",
    ), 0.55, context=("hbu",)),
    _R("grade_question", "age_identity", "risk_assessment", (
        rf"{_WHAT} (?:grade|year|class) (?:{_ARE} )?{_YOU} in",
        rf"{_ARE} {_YOU} in (?:\d{{1,2}}(?:st|nd|rd|th)|middle school|high school|junior high|elementary|primary)",
    ), 0.5),
    _R("gender_question", "age_identity", "risk_assessment", (
        rf"{_ARE} {_YOU} a (?:boy|guy) or (?:a )?girl",
        r"(?:boy|guy) or (?:a )?girl\s*\?",
        r"m or f\s*\?",
        r"m\s*/\s*f\s*\?",
    ), 0.45, context=("asl", "hbu")),
    _R("age_guess", "age_identity", "risk_assessment", (
        rf"{_ARE} {_YOU} (?:only |like |about )?(?:1[0-7]|[89])(?=\s*(?:\?|$|or\b|years\b|yrs\b|yet\b))",
        rf"{_YOU} (?:1[0-7]|[89])\s*\?",
        rf"{_ARE} {_YOU} (?:under ?age|a minor|under 1[0-8])",
        rf"how many years old {_ARE} {_YOU}",
        rf"(?:{_ARE} )?{_YOU} old enough to",
    ), 0.55),
    # ---- personal_details (risk_assessment) ---------------------------------------------------
    _R("school_question", "personal_details", "risk_assessment", (
        r"(?:what|wat|wut|which) (?:school|skool|skul)(?! (?:night|holiday|supplies|bus|year|day))",
        rf"where do {_YOU} go to (?:school|skool|skul)",
        rf"{_WHATS} (?:the name of )?{_YOUR} (?:school|skool|skul)(?:{_A}s name| called| name)?\s*\?",
    ), 0.5),
    _R("address_question", "personal_details", "risk_assessment", (
        rf"where do {_YOU} (?:live|stay)",
        rf"{_WHATS} {_YOUR} (?:address|home address|street|zip ?code|postcode)",
        rf"{_WHAT} (?:city|town|street|state|neighbou?rhood|area) (?:do )?{_YOU} (?:live|stay) in",
        rf"{_WHAT} (?:city|town|street|neighbou?rhood|area) {_ARE} {_YOU} in",
    ), 0.5),
    _R("location_request", "personal_details", "risk_assessment", (
        rf"(?:send|share|drop|give|text) (?:me )?{_YOUR} (?:location|loc|live location|address|coordinates|pin)",
        rf"(?:turn on|share) (?:{_YOUR} |the )?location",
    ), 0.6),
    _R("phone_request", "personal_details", "risk_assessment", (
        rf"{_WHATS} {_YOUR} (?:phone |cell |mobile )?(?:number|#|digits)",
        rf"(?:give|send|text|dm) me {_YOUR} (?:phone |cell |mobile )?(?:number|#|digits)",
        rf"can i (?:have|get) {_YOUR} (?:phone |cell |mobile )?(?:number|#|digits)",
    ), 0.5),
    # ---- isolation_check (risk_assessment) ----------------------------------------------------
    _R("alone_question", "isolation_check", "risk_assessment", (
        rf"{_ARE} {_YOU} (?:home |all |by yourself |on your own )?alone",
        rf"{_YOU} (?:home |all )?alone\s*\?",
        r"home alone",
        rf"{_ARE} {_YOU} by (?:yourself|{_YOUR} ?self)",
        rf"(?:{_YOURE}|{_YOU}) (?:on|by) {_YOUR} own",
    ), 0.6, context=("wyd", "tonight", "right now", "parents", "mom", "dad")),
    _R("parents_whereabouts", "isolation_check", "risk_assessment", (
        rf"where {_ARE} {_YOUR} {_PARENT}",
        rf"{_ARE} {_YOUR} {_PARENT} (?:home|around|awake|asleep|out|gone|there|at work|still up|away)",
        rf"when (?:do|does|will) {_YOUR} {_PARENT} "
        r"(?:get home|get back|come home|come back|leave|go to (?:bed|sleep|work))",
        rf"is {_YOUR} {_PARENT} (?:home|around|awake|asleep|out|gone|there|at work|still up|away|nearby)",
        rf"{_YOUR} {_PARENT} (?:is |are )?(?:asleep|at work|away|out) (?:yet|now|right now)?\s*\?",
    ), 0.55, context=("alone", "wyd", "tonight")),
    _R("company_question", "isolation_check", "risk_assessment", (
        rf"is (?:{_ANYONE}|any1) (?:else )?(?:with {_YOU}|home|around|nearby|watching|in the room|in {_YOUR} room)",
        rf"who{_A}s (?:there |home )?with {_YOU}",
        rf"who is (?:there |home )?with {_YOU}",
        rf"(?:can|could) (?:{_ANYONE}|any1) (?:see|hear|read) (?:this|us|{_YOUR} (?:screen|phone))",
    ), 0.55, context=("alone", "wyd", "parents")),
    _R("device_monitoring", "isolation_check", "risk_assessment", (
        rf"(?:do|does|will|would|can|could) (?:{_YOUR} )?(?:{_PARENT}|{_ANYONE}) (?:ever )?"
        rf"(?:check|look at|read|go through|monitor|see) {_YOUR} (?:phone|messages|texts|chats|dms|computer|"
        r"laptop|tablet|ipad|history|account)",
        rf"who (?:checks|reads|looks at|goes through) {_YOUR} (?:phone|messages|texts|chats|dms)",
    ), 0.6),
    # ---- compliments_trust (friendship / relationship) ----------------------------------------
    _R("looks_compliment", "compliments_trust", "friendship", (
        rf"{_YOURE} {_SO} {_LOOKS}",
        rf"(?:you{_A}re|you are|{_YOU} {_ARE}) (?:cute|beautiful|gorgeous|stunning|adorable|hot)",
        rf"(?:your|ur) {_LOOKS}{_END}",
    ), 0.3, context=("😍", "🥰", "😘", "❤️", "❤", "💕", "😻", "🔥", "baby", "honey", "sweetie")),
    _R("maturity_compliment", "compliments_trust", "relationship", (
        rf"mature for {_YOUR} age",
        rf"{_YOURE} (?:so |really |very |super )?mature",
        rf"{_YOU} (?:act|seem|look|sound|talk) (?:so |a lot |way |much )?older(?: than {_YOUR} age)?",
        rf"{_DONT} (?:act|seem|look|sound|talk) (?:like )?{_YOUR} age",
    ), 0.5),
    _R("trust_building", "compliments_trust", "relationship", (
        rf"{_YOU} can (?:always |totally )?trust me",
        rf"i (?:really |totally |truly )?(?:understand|get) {_YOU}(?=\s*(?:$|[^\w\s]|better|more|like))",
        rf"(?:i{_A}m|i am) the only one (?:who|that) (?:really )?(?:gets|understands|cares about|knows) {_YOU}",
        rf"{_NOONE} (?:else )?(?:gets|understands|cares about|loves) {_YOU} like (?:i do|me)",
        rf"{_YOURE} (?:so |really |very )?special(?: to me)?",
    ), 0.35),
    _R("romantic_bond", "compliments_trust", "relationship", (
        rf"(?:be|you{_A}re|you are) my (?:girlfriend|boyfriend|gf|bf|baby)",
        rf"(?:i{_A}m|i am|i think i{_A}m) (?:falling|in love) (?:for|with) {_YOU}",
        rf"i (?:love|luv|miss) {_YOU} so (?:much|bad)",
    ), 0.4),
    # ---- secrecy (exclusivity) ----------------------------------------------------------------
    _R("dont_tell", "secrecy", "exclusivity", (
        rf"{_DONT} (?:ever )?(?:tell|show|say anything to|mention (?:this|us|me) to) "
        rf"(?:{_ANYONE}|{_NOONE}|any1|people|{_YOUR} (?:\w+ )?{_PARENT}|{_YOUR} (?:friends|teachers?|sister|brother)|"
        rf"{_PARENT})(?! (?:that )?i (?:like|have a crush on|fancy) (?:him|her|them))",  # teens' gossip
        rf"{_DONT} (?:let|want) {_YOUR} {_PARENT} (?:to )?(?:know|find out|see)",
        rf"{_DONT} mention (?:me|us|this|it)",
    ), 0.7, context=("us", "secret")),
    _R("secret_keeping", "secrecy", "exclusivity", (
        r"our (?:little )?secret",
        r"keep (?:this|it|that|us|these|them)? ?(?:a |our )?secret",
        r"keep (?:this|it|that|us) (?:just )?between (?:us|you and me|me and you|the two of us)",
        r"(?:just|only|stays?) between (?:us|you and me|me and you|the two of us)",
        rf"{_NOONE} (?:else )?(?:needs|has|will ever need) to know",
        rf"(?:people|they|others|{_YOUR} {_PARENT}) (?:wouldn{_A}t|won{_A}t|would not|will not|don{_A}t|do not) "
        r"(?:understand|get) (?:us|what we have|this|it)",
    ), 0.7),
    _R("delete_evidence", "secrecy", "exclusivity", (
        rf"(?:delete|erase|clear|remove|wipe|unsend) (?:all )?(?:of )?(?:this|these|that|those|the|our|{_YOUR}|my) "
        rf"(?:\w+ )?(?:{_CHAT}|{_PIC})",
        rf"(?:delete|erase|wipe) (?:this|it|them|everything) (?:after|once|when|right after|as soon as) {_YOU}",
        r"(?:vanish mode|disappearing messages)",
    ), 0.75),
    # ---- platform_move (exclusivity) ----------------------------------------------------------
    _R("add_me", "platform_move", "exclusivity", (
        rf"(?:add|follow|hmu|hit me up|message|msg|text|dm|find|call) me on {_PLATFORM}",
        rf"(?:add|follow) me (?:back )?on {_PLATFORM}",
        rf"(?:hmu|hit me up) on {_PLATFORM}",
    ), 0.55, context=("private", "😘", "😉")),
    _R("handle_request", "platform_move", "exclusivity", (
        rf"{_WHATS} {_YOUR} (?:{_PLATFORM_STRICT}|sc|ig)(?: (?:name|username|handle|user|@|id))?",
        rf"do {_YOU} (?:have|got|use) (?:a |an )?{_PLATFORM_STRICT}",
        rf"(?:give|send|drop) me {_YOUR} (?:{_PLATFORM_STRICT}|sc|ig)",
    ), 0.5, context=("private", "add")),
    _R("move_private", "platform_move", "exclusivity", (
        rf"(?:let{_A}s|we should|can we|could we|want to|we can) (?:move|go|switch|talk|chat|continue|take this) "
        rf"(?:this |it )?(?:to|on|over to|onto) (?:{_PLATFORM}|somewhere (?:more )?private|private|dms?|pm|"
        r"another app|a different app)",
        r"(?:private|secret) (?:chat|message|messages|convo|room)",
        r"text me (?:at|on)",
        r"(?:call|facetime) me (?:at|on)",
    ), 0.55),
    _R("dm_me", "platform_move", "exclusivity", (
        r"(?:dm|pm|inbox) me",
    ), 0.4, context=("private", "secret")),
    # ---- image_request (sexual) ---------------------------------------------------------------
    _R("picture_request", "image_request", "sexual", (
        rf"(?:send|snd|sned|give|show) (?:me|us) (?:a |an |some |another |more |one more |{_YOUR} )?{_PIC_ADJ}?{_PIC}",
        rf"(?:send|snd|sned) (?:a|an|some|another|more|one more) {_PIC_ADJ}?{_PIC}",
        rf"can i (?:see|get|have) (?:a |an |some |more |another |{_YOUR} )?{_PIC_ADJ}?{_PIC}",
        rf"{_PIC} of (?:yourself|{_YOUR} ?self)",
    ), 0.6, context=("private", "only", "special", "now", "😉", "😏", "🔥")),
    _R("camera_request", "image_request", "sexual", (
        rf"(?:turn|switch|put) (?:on )?{_YOUR} (?:camera|cam|webcam|video)(?: on)?",
        rf"turn on (?:the |{_YOUR} )?(?:camera|cam|webcam)",
        r"(?:go|get|hop) on (?:camera|cam|video|facetime)",
        r"(?:video ?call|facetime|video chat) (?:me|with me)",
        r"can we (?:video ?call|facetime|video chat)",
    ), 0.55, context=("alone", "private", "now")),
    _R("show_me", "image_request", "sexual", (
        rf"show me (?:{_YOUR}|yourself|what {_YOU} look like|more|something)",
        rf"(?:can|could) i see (?:{_YOU}|yourself|{_YOUR}|more|what {_YOU} look like)",
        rf"let me see (?:{_YOU}|yourself|{_YOUR}|more)",
        rf"i (?:want|need|wanna) (?:to )?see (?:{_YOU}|yourself|{_YOUR}|more|how {_YOU} look|what {_YOU} look)",
    ), 0.4, context=("camera", "picture", "pictures", "video", "now")),
    # ---- sexualisation (sexual) -- clinical, minimal ---------------------------------------------
    _R("sexual_terms", "sexualisation", "sexual", (
        r"(?:sexy|naked|nudes?|undress(?:ed|ing)?|horny|bra|panties|underwear|lingerie|topless|sexual|sex)",
        r"virgin(?! (?:olive|media|islands?|atlantic|mobile|active|records|galactic|mojito|margarita|coconut))",
    ), 0.65, context=("🔥", "😈", "😏", "🍆", "🍑", "💦", "picture", "pictures", "video", "camera")),
    _R("body_talk", "sexualisation", "sexual", (
        rf"{_YOUR} body",
        rf"{_WHAT} {_ARE} {_YOU} wearing",
        rf"take (?:it|that|{_YOUR} (?:clothes|shirt|top)) off",
        rf"(?:has|have) {_YOUR} body (?:developed|changed)",
    ), 0.45, context=("🔥", "😈", "😏", "🍑", "picture", "camera", "alone")),
    _R("sexual_experience", "sexualisation", "sexual", (
        rf"touch (?:yourself|{_YOUR} ?self)",
        rf"turns? {_YOU} on",
        rf"turned {_YOU} on",
        rf"(?:have|ever) {_YOU} (?:ever )?been kissed",
    ), 0.65),
    # ---- gifts_money (relationship) -----------------------------------------------------------
    _R("gift_offer", "gifts_money", "relationship", (
        rf"{_OFFER} buy {_YOU}",
        rf"{_OFFER} (?:get|send|give) {_YOU} (?:a |an |some |the |that |those |new |more |free )*"
        r"(?:anything|whatever|something|phone|iphone|gifts?|presents?|clothes|shoes|makeup|money|cash|robux|"
        r"v-?bucks|skins?|gift ?cards?|games?|nitro|tickets?|ps5|xbox|airpods)",
        r"(?:a |free )gift ?cards? for (?:you|u)",
    ), 0.45, context=("new phone", "secret", "if you", "only if")),
    _R("game_currency", "gifts_money", "relationship", (
        r"(?:robux|v-?bucks|vbucks|discord nitro|battle pass|free skins?)",
    ), 0.35, context=("free", "give", "buy", "send", "get", "if you")),
    _R("money_offer", "gifts_money", "relationship", (
        rf"(?:send|give|pay|venmo|cash ?app) {_YOU} (?:some )?(?:money|cash|{_MONEY})",
        rf"pay for {_YOUR} (?:phone|bill|ticket|uber|bus|train|ride|nails|hair|clothes|stuff|data|plan|trip)",
    ), 0.5, context=("secret", "meet", "picture", "pictures")),
    # ---- meeting (meeting) --------------------------------------------------------------------
    _R("meet_proposal", "meeting", "meeting", (
        rf"(?:let{_A}s|we should|we could|can we|could we|want to|wanna|we can|i want to|i{_A}d like to|"
        r"where (?:can|should|could) we|when (?:can|should|could) we) (?:finally |just )?"
        r"(?:meet(?: up)?|hang out|see each other|link up)"
        r"(?! (?:the )?(?:deadline|requirements?|goals?|targets?|criteria|expectations?|standards?|needs))",
        r"meet (?:me|irl|in person|in real life)",
    ), 0.6, context=("alone", "secret", "sneak", "nobody", "parents")),
    _R("pickup_offer", "meeting", "meeting", (
        rf"i (?:can|could|will|would|{_A}ll|{_A}d) (?:come )?pick {_YOU} up",
        rf"i (?:can|could|will|would|{_A}ll|{_A}d) (?:come (?:to )?(?:get|see) {_YOU}|come to {_YOUR} "
        r"(?:house|place|school)|get you an uber)",
        rf"i{_A}ll drive (?:you|to you|over|there|to {_YOUR})",
        r"i (?:can|could|will) drive (?:to )?(?:you|there|over)",
    ), 0.6, context=("alone", "secret", "tonight")),
    _R("come_over", "meeting", "meeting", (
        r"come (?:over|to my (?:place|house|apartment|flat|car|room|hotel))",
        r"(?:visit|stay at|sleep over at) my (?:place|house|apartment)",
    ), 0.45, context=("alone", "secret", "tonight", "parents")),
    _R("sneak_out", "meeting", "meeting", (
        r"sneak (?:out|away|off)",
        rf"without {_YOUR} {_PARENT} (?:knowing|finding out|seeing)",
        rf"tell {_YOUR} {_PARENT} (?:{_YOU}{_A}re|you are) (?:at|with|going to) (?:a |{_YOUR} )?friends?",
    ), 0.75),
    # ---- sextortion_threat (sextortion) -------------------------------------------------------
    _R("leak_threat", "sextortion_threat", "sextortion", (
        rf"{_FUTURE} (?:(?:going to|gonna|about to|just|literally|then|now|definitely|really) )*"
        rf"(?:send|post|share|leak|show|upload|spread|forward|expose|release|publish|sending|posting|sharing|"
        rf"leaking|showing|uploading|exposing)(?: all(?: of)?)? {_YOUR} (?:\w+ )?(?:{_PIC}|{_CHAT})",
        rf"(?:post|leak|upload|spread|expose|publish) {_YOUR} (?:\w+ )?{_PIC} (?:online|everywhere|on the internet)",
    ), 0.9, context=_PAY_CONTEXT),
    _R("audience_threat", "sextortion_threat", "sextortion", (
        r"(?:send|post|share|leak|upload|forward|sending|posting|sharing|leaking)"
        rf"(?: \S+){{1,4}}? to (?:all (?:of )?{_YOUR} (?:\w+ )?(?:friends|followers|contacts|family|classmates)|"
        rf"every ?(?:one|body) (?:you know|in {_YOUR})|{_YOUR} (?:whole |entire )?"
        r"(?:family|parents|school|followers|contacts|classmates|friends list|teachers?))",
        rf"every ?(?:one|body) (?:you know |in {_YOUR} \w+ )?(?:will|is going to|is gonna|gonna|{_A}ll|{_A}s going to) "
        rf"see (?:them|it|this|these|those|{_YOUR}|what {_YOU})",
    ), 0.7, context=_PIC_CONTEXT + _PAY_CONTEXT),
    _R("leverage_claim", "sextortion_threat", "sextortion", (
        rf"(?:ruin|destroy) {_YOUR} (?:life|reputation|future)",
        rf"(?:i have|i got|i{_A}ve got|i saved|i screenshotted|i recorded) (?:all )?(?:of )?{_YOUR} (?:\w+ )?{_PIC}",
    ), 0.75, context=_PIC_CONTEXT + _PAY_CONTEXT),
    _R("expose_threat", "sextortion_threat", "sextortion", (
        rf"{_FUTURE} (?:(?:going to|gonna|about to|just|literally|then|now|definitely|really) )*"
        rf"(?:expose|humiliate|destroy) {_YOU}",
        rf"(?:send|post|share|leak|forward|show|upload|sending|posting|sharing|leaking|showing)"
        rf" (?:it|them|this|these|those|everything|all of (?:it|this|them)|our (?:\w+ )?(?:{_CHAT}|{_PIC})|"
        rf"the (?:{_CHAT}|{_PIC})) to (?:every ?(?:one|body)|{_YOUR} (?:\w+ )?(?:{_PARENT}|friends|school|"
        r"teachers?|followers|contacts|classmates|boss|work|coach))",
        rf"every ?(?:one|body) (?:(?:at|in|from) {_YOUR} \w+ )?(?:will|is going to|is gonna|gonna|{_A}ll) "
        r"(?:know|find out|(?:get|see|read) (?:it|this|them|everything|all|what|the|our|your|ur))",
        rf"{_YOUR} (?:whole |entire )?(?:family|parents|{_PARENT}|friends|school|followers|classmates|teachers?) "
        rf"(?:will|is going to|are going to|is gonna|are gonna|gonna|{_A}ll) (?:see|get|know|find out|read)",
        r"(?:make|go) (?:it|this|them|everything) (?:public|viral)",
        rf"{_FUTURE} (?:(?:going to|gonna|about to|just|literally|then|now|definitely|really) )*"
        r"(?:post|leak|upload|share|put|spread|publish) (?:it|them|this|these|those|everything|it all|all of "
        r"(?:it|this|them)|all) (?:online|everywhere|on the internet|(?:on|all over) (?:social media|the internet|"
        r"insta|ig|instagram|twitter|tiktok|"
        r"facebook|fb|snap|snapchat|reddit|discord))",
    ), 0.7, context=_PAY_CONTEXT),
    _R("short_threat", "sextortion_threat", "sextortion", (
        rf"(?:share|send|dm|forward|show|tag|post|leak|sending|sharing|showing|posting|leaking) "
        rf"(?:it|them|these|those|this|everything|(?:the|your|ur|yr|all the) (?:\w+ )?(?:{_CHAT}|{_PIC})) "
        rf"(?:with|to) (?:all (?:of )?)?{_YOUR} (?:whole |entire )?(?:\w+ )?(?:{_PARENT}|friends|school|class|"
        r"classmates|followers|contacts|group chats?|teachers?)",
        rf"(?:tag|dm|message|text) (?:all (?:of )?)?{_YOUR} (?:whole |entire )?(?:{_PARENT}|friends|followers|"
        r"contacts|classmates|class|school)",
        rf"or (?:every ?(?:one|body)|{_YOUR} (?:whole |entire )?(?:{_PARENT}|friends|school|class|followers)) "
        r"(?:sees?|gets?|finds? out|will (?:see|know|find out))",
        r"or i (?:post|send|share|leak|show|upload|forward) (?:it|them|these|those|this|everything)",
        rf"{_YOUR} (?:\w+ )?(?:{_PIC}|{_CHAT}|secrets?) (?:go|goes|are going|is going|will go|gonna go) "
        r"(?:public|viral|everywhere|online)",
        rf"{_YOUR} (?:whole |entire )?(?:{_PARENT}|friends|school|class|followers) (?:gets?|will get|(?:is|are) "
        rf"getting|sees?) (?:it|them|these|those|this|everything|a copy|the (?:\w+ )?(?:{_PIC}|{_CHAT}))",
        rf"say (?:bye|goodbye) to {_YOUR} (?:reputation|life|future)",
        rf"i{_A}ll (?:ruin|destroy|expose) {_YOU}(?!\w)",
        rf"(?:i have|i got|i{_A}ve got|i took|i saved) (?:the )?screenshots? of (?:everything|it all|all of it|"
        rf"{_YOU}|our)",
    ), 0.7, context=_PAY_CONTEXT),
    _R("bare_demand", "sextortion_payment", "sextortion", (
        r"pay up",
        rf"pay (?:me )?or (?:else|everyone|every ?body|i|your|ur|they|it{_A}s over)",
        r"i want (?:\$\s?)?\d[\d,.]*(?=\s*(?:$|[^\w\s]|dollars|bucks|euros?|pounds|now|or|by|today|tonight))",
        r"send (?:me )?(?:the )?money",
        r"transfer (?:it|the money|the cash)",
        r"(?:you|u) (?:have|got|get) (?:till|until|til) (?:tonight|tomorrow|midnight|morning|\d{1,2})",
        r"(?:midnight|tonight|tomorrow) or (?:else|it{_A}s done|everyone|every ?body|i)".replace("{_A}", _A),
    ), 0.6, context=_DEMAND_CONTEXT),
    # ---- sextortion_payment (sextortion) ------------------------------------------------------
    _R("money_demand", "sextortion_payment", "sextortion", (
        rf"(?:send|give|transfer|wire) me (?:{_MONEY}|money|cash|the money|{_CHANNEL})",
        rf"(?:send|transfer|wire) (?:me |the )?{_MONEY}",
        r"(?:you (?:need to|have to|must|better|gotta|got to)|now) (?:pay|send)",
        r"pay me(?! back)",
        rf"{_MONEY} (?:in|of|worth of|via|on|through) {_CHANNEL}",
    ), 0.8, context=_DEMAND_CONTEXT + ("gift card", "gift cards", "bitcoin", "cash app", "paypal")),
    _R("channel_demand", "sextortion_payment", "sextortion", (
        rf"(?:send|pay|transfer|wire|give) (?:me|it|them|that|the money) (?:\S+ ){{0,3}}?"
        rf"(?:in|via|through|with|on|by|using) {_CHANNEL}",
        rf"(?:send|transfer) (?:it|the money|money|payment) to my {_CHANNEL}",
        rf"(?:buy|get) (?:me )?(?:a |some )?{_CHANNEL} (?:and|then) send",
    ), 0.7, context=_DEMAND_CONTEXT),
    # ---- sextortion_deadline (sextortion) -----------------------------------------------------
    _R("time_limit", "sextortion_deadline", "sextortion", (
        rf"{_YOU} (?:only )?(?:have|got|get|have got) (?:only |just )?{_COUNT} (?:more )?{_UNIT}",
        rf"(?:only|just) {_COUNT} (?:more )?{_UNIT} left",
        rf"within (?:the next )?{_COUNT} {_UNIT}",
    ), 0.5, context=("pay", "send", "money", "or else", "pictures", "photos", "everyone", "friends", "⏳", "⏰")),
    _R("ultimatum", "sextortion_deadline", "sextortion", (
        r"or else(?=\s*(?:$|[^\w\s]))",  # the threat ends its clause: "pay up or else!"
        r"last (?:chance|warning)",
        rf"(?:time is|clock is|{_YOU}{_A}re|you are) (?:running out|ticking)",
        r"tick\W*tock",
        rf"before it{_A}s too late",
    ), 0.55, context=("pay", "send", "money", "pictures", "photos", "everyone", "friends", "⏳", "⏰")),
    _R("vague_deadline", "sextortion_deadline", "sextortion", (
        r"by (?:tonight|midnight|tomorrow|the end of (?:the )?(?:day|night))",
        r"countdown",
    ), 0.35, context=("pay", "send", "money", "or else", "pictures", "photos", "everyone", "friends", "⏳", "⏰")),
    # ---- csam_discussion (sexual) -- trading or asking for abuse material; indicator phrases only -----
    _R("csam_trade", "csam_discussion", "sexual", (
        r"(?:trade|trading|swap|swapping|sell|selling|buy|buying|have|got|want|looking for|any|links? (?:to|for)) "
        r"(?:some |any |more |new )?(?:cp|pthc|jailbait|hurtcore)",
        r"(?:pthc|hurtcore)",
    ), 0.8),
    _R("csam_request", "csam_discussion", "sexual", (
        r"(?:pictures|videos|links?|folders?|collections?|content|stuff|mega) (?:of|with) "
        r"(?:young|little|underage|preteen|pre-teen) (?:girls|boys|kids|children|ones)",
        r"(?:underage|preteen|pre-teen) (?:pictures|videos|content|material|collections?|folders?|links?)",
    ), 0.8),
)

#: Every category of :data:`DEFAULT_RULES`, in the order the rules declare them.
CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(r.category for r in DEFAULT_RULES))


def _bounded(pattern: str) -> str:
    """Wrap a pattern so it can neither start nor end inside a word.

    One wrapper around a rule's whole alternation rather than one per pattern: same meaning, and
    twice as fast, because the engine then tests the boundary once per position.
    """
    return rf"(?<!\w)(?:{pattern})(?!\w)"


@dataclass(frozen=True)
class _Compiled:
    rule: IndicatorRule
    order: int
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None


class IndicatorDetector:
    """A registry of :class:`IndicatorRule`, compiled once; finds indicator hits in single messages."""

    def __init__(self, rules: Sequence[IndicatorRule] = DEFAULT_RULES) -> None:
        names: set[str] = set()
        compiled: list[_Compiled] = []
        for order, rule in enumerate(rules):
            if rule.name in names:
                raise ConfigError(f"indicator rule {rule.name!r} is registered twice; rule names must be unique")
            names.add(rule.name)
            try:
                pattern = re.compile(_bounded("|".join(f"(?:{p})" for p in rule.patterns)))
            except re.error as exc:
                raise ConfigError(f"indicator rule {rule.name!r}: a pattern does not compile: {exc}") from exc
            context = None
            if rule.context:
                words = sorted(set(rule.context), key=len, reverse=True)
                context = re.compile(_bounded("|".join(re.escape(w) for w in words)))
            compiled.append(_Compiled(rule, order, pattern, context))
        self._compiled = tuple(compiled)
        self.rules: tuple[IndicatorRule, ...] = tuple(rules)
        self.categories: tuple[str, ...] = tuple(dict.fromkeys(r.category for r in self.rules))

    def detect(self, text: str) -> list[IndicatorHit]:
        """Normalise ``text`` and return its hits: at most one per category, best score first."""
        return self.detect_normalized(normalize_text(text))

    def detect_normalized(self, normalized: str) -> list[IndicatorHit]:
        """Hits in text already passed through :func:`normalize_text` (to share one normalisation)."""
        best: dict[str, tuple[IndicatorHit, int]] = {}
        for c in self._compiled:
            m = c.pattern.search(normalized)
            if m is None:
                continue
            rule = c.rule
            found: tuple[str, ...] = ()
            score = rule.score
            if c.context is not None:
                outside = f"{normalized[: m.start()]} \n {normalized[m.end() :]}"
                found = tuple(dict.fromkeys(w.group(0) for w in c.context.finditer(outside)))
                if found:
                    score = round(min(1.0, rule.score + rule.context_boost), 4)
            held = best.get(rule.category)
            if held is not None and held[0].score >= score:
                continue  # ties keep the rule declared first
            hit = IndicatorHit(rule.category, rule.stage, score, rule.name, m.group(0), found)
            best[rule.category] = (hit, c.order)
        ranked = sorted(best.values(), key=lambda pair: (-pair[0].score, pair[1]))
        return [hit for hit, _ in ranked]
