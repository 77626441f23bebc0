//! The meetings stage's word lists, lower case, kept as data in `data/meetings/` (what each
//! list is for is said there).

use super::*;

/// Adverbs between a subject and its verb ("The ministers then held ...").
pub(super) static ADVERBS: LazyLock<Vec<&str>> = words!("meetings/adverbs.txt");

/// Verbs of travel: their subject takes part in the event they travel for ("arrived in Lima
/// for talks with X", "will travel to Lima to meet X").
pub(super) static TRAVEL: LazyLock<Vec<&str>> = words!("meetings/travel.txt");
/// Words that introduce a spouse coming along ("accompanied by first lady X").
pub(super) static SPOUSE_WORDS: LazyLock<Vec<&str>> = words!("meetings/spouse_words.txt");

/// Verbs that tell a visit by its end.
pub(super) static END_VERBS: LazyLock<Vec<&str>> = words!("meetings/end_verbs.txt");

pub(super) static SUBORD_LEFT: LazyLock<Vec<&str>> = words!("meetings/subord_left.txt");

pub(super) static SUBORD_RIGHT: LazyLock<Vec<&str>> = words!("meetings/subord_right.txt");

/// Words before "as" that make it no clause opener ("known as", "such as").
pub(super) static AS_NOT_OPENER: LazyLock<Vec<&str>> = words!("meetings/as_not_opener.txt");

pub(super) static REPORTING: LazyLock<Vec<&str>> = words!("meetings/reporting.txt");

/// Finite verbs and auxiliaries that open a new predicate after ", " or "and".
pub(super) static FINITE: LazyLock<Vec<&str>> = words!("meetings/finite.txt");
pub(super) static BASE_VERBS: LazyLock<Vec<&str>> = words!("meetings/base_verbs.txt");

/// Words between a light verb and its event noun ("held a round of talks").
pub(super) static MODIFIERS: LazyLock<Vec<&str>> = words!("meetings/modifiers.txt");

pub(super) static MODIFIER_SUFFIXES: LazyLock<Vec<&str>> = words!("meetings/modifier_suffixes.txt");

pub(super) static DEFINITE: LazyLock<Vec<&str>> = words!("meetings/definite.txt");

pub(super) static SHIP_WORDS: LazyLock<Vec<&str>> = words!("meetings/ship_words.txt");

pub(super) static GROUP_WORDS: LazyLock<Vec<&str>> = words!("meetings/group_words.txt");

/// Bodies whose meeting a noun phrase names ("a cabinet meeting", "the board meeting"): the
/// body's, not the meeting of the people in the clause around it.
pub(super) const GROUP_MEETING_WORDS: [&str; 10] = [
    "cabinet",
    "board",
    "party",
    "council",
    "committee",
    "staff",
    "shareholders",
    "town-hall",
    "parliamentary",
    "security",
];
pub(super) static OFFICE_PLURALS: LazyLock<Vec<&str>> = words!("meetings/office_plurals.txt");
pub(super) static COUNTERPART_PLURALS: LazyLock<Vec<&str>> =
    words!("meetings/counterpart_plurals.txt");

pub(super) static CANCEL_ONE: LazyLock<Vec<&str>> = words!("meetings/cancel_one.txt");

pub(super) static FUTURE_BEFORE_TO: LazyLock<Vec<&str>> = words!("meetings/future_before_to.txt");
pub(super) static RECEIVED_THINGS: LazyLock<Vec<&str>> = words!("meetings/received_things.txt");
pub(super) static PLAN_BEFORE_NOUN: LazyLock<Vec<&str>> = words!("meetings/plan_before_noun.txt");

pub(super) static FUTURE_ADJ: LazyLock<Vec<&str>> = words!("meetings/future_adj.txt");

pub(super) static PAST_WORDS: LazyLock<Vec<&str>> = words!("meetings/past_words.txt");

pub(super) static PLURAL_ANAPHORA: LazyLock<Vec<&str>> = words!("meetings/plural_anaphora.txt");

pub(super) static BACK_REF_NOUNS: LazyLock<Vec<&str>> = words!("meetings/back_ref_nouns.txt");

/// Single words that are titles or offices, never a whole name.
pub(super) static TITLE_WORDS: LazyLock<Vec<&str>> = words!("meetings/title_words.txt");

pub(super) static WEEKDAYS: LazyLock<Vec<&str>> = words!("meetings/weekdays.txt");

pub(super) static MONTHS: LazyLock<Vec<&str>> = words!("meetings/months.txt");

/// Place nouns before "of" that make "of X" a location ("the village of Panmunjom").
pub(super) static PLACE_NOUNS: LazyLock<Vec<&str>> = words!("meetings/place_nouns.txt");

/// Topic cues: the words after which a list of topics follows.
pub(super) static TOPIC_VERBS: LazyLock<Vec<&str>> = words!("meetings/topic_verbs.txt");

/// Nouns of buildings where meetings are held.
pub(super) static BUILDINGS: LazyLock<Vec<&str>> = words!("meetings/buildings.txt");

pub(super) static PREPOSITIONS: LazyLock<Vec<&str>> = words!("meetings/prepositions.txt");

/// Words before "in"/"at" that make the meeting after them an attitude, not one held ("saw no
/// point in talks with Y", "expressed interest in a meeting with Y").
pub(super) static ATTITUDE_NOUNS: LazyLock<Vec<&str>> = words!("meetings/attitude_nouns.txt");

/// Offices a head of state or government is named by in place of the name ("met the emir",
/// "received the Saudi king").
pub(super) static OBJECT_OFFICES: LazyLock<Vec<&str>> = words!("meetings/object_offices.txt");
