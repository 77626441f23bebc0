//! The tense of the clause a date mention sits in, read from the cues around it (auxiliaries,
//! past forms, plans): it decides which way bare weekdays and year-less dates point.

use super::lex::{lex, Kind};
use super::Tense;
use crate::text::{floor_char_boundary, ByteSpan};

/// Cues further than this (in tokens, penalties included) say nothing about the mention.
pub(super) const MAX_CUE_DISTANCE: usize = 20;

/// Tense of the clause a mention sits in, from the sentence and the mention's byte span in it
/// ("will meet", "is due to", "is scheduled", "was to have", "next" => Future; "met", "held",
/// "said", "last" => Past).
///
/// How the cues are weighed:
/// - Only the mention's own clause is read. It starts after the last clause boundary before
///   the mention (";", ":", a dash, a quote, a relative or subordinating word such as "that",
///   "which", "who", "when", "while", or ", and" / ", but") and ends at the first hard
///   boundary after it. "Talks that had been scheduled for Wednesday were called off" reads
///   "had been scheduled for" for Wednesday.
/// - A verb usually comes before its date, so when the clause has a strong cue before the
///   mention, cues after it are not read: in "X will host Y in Bali on Tuesday, he told
///   reporters", Tuesday is the coming one, whatever the reporting verb after it says.
///   Otherwise ("On Thursday, the two sides signed ...") the cues after it count too, a
///   little less than those before.
/// - The cue nearest the mention wins; weak cues (reporting verbs such as "said" or "told",
///   and any "-ed" word) count less, because "X said the leaders will meet on Monday" is
///   about Monday's meeting, not about the saying.
/// - "was to have brought", "is to have finished": a perfect infinitive after "to" is a plan,
///   not a past event.
pub fn clause_tense(sentence: &str, mention: ByteSpan) -> Tense {
    let start = floor_char_boundary(sentence, mention.start.min(mention.end));
    let end = floor_char_boundary(sentence, mention.end.max(mention.start)).max(start);
    let toks = lex(sentence);
    let words: Vec<&str> = toks
        .iter()
        .map(|t| match &t.kind {
            Kind::Word(w) => w.as_str(),
            _ => "",
        })
        .collect();
    let lower_initial: Vec<bool> = toks
        .iter()
        .map(|t| sentence[t.start..].starts_with(char::is_lowercase))
        .collect();
    let before = toks.iter().take_while(|t| t.end <= start).count();
    let after = before + toks[before..].iter().take_while(|t| t.start < end).count();
    // Hard boundaries the lexer drops (";", ":", quotes, brackets), between tokens k-1 and k.
    // A dash with space around it (" -- ", " — ") parts clauses; one inside a range does not.
    let spaced_dash = |k: usize| -> bool {
        toks.get(k).is_some_and(|t| {
            t.kind == Kind::Dash
                && sentence[..t.start].ends_with(char::is_whitespace)
                && sentence[t.end..].starts_with(|c: char| c.is_whitespace() || c == '-')
        })
    };
    let hard_between = |k: usize| -> bool {
        let from = if k == 0 { 0 } else { toks[k - 1].end };
        let to = toks.get(k).map_or(sentence.len(), |t| t.start);
        (k > 0 && spaced_dash(k - 1))
            || spaced_dash(k)
            || (from < to && sentence[from..to].contains(HARD_BOUNDARIES))
    };
    // The clause: back from the mention to its opener, forward to the next hard boundary.
    let mut clause_start = 0;
    let mut k = before;
    while k > 0 {
        if hard_between(k) {
            clause_start = k;
            break;
        }
        let w = words[k - 1];
        if CLAUSE_OPENERS.contains(&w) && !(w == "that" && k >= 2 && words[k - 2] == "so") {
            clause_start = k;
            break;
        }
        if matches!(w, "and" | "but") && k >= 2 && toks[k - 2].kind == Kind::Comma {
            clause_start = k;
            break;
        }
        k -= 1;
    }
    // "told X on Monday that trade would grow": a clause opened after the mention is another
    // verb's.
    let clause_end = (after.max(before + 1)..toks.len())
        .find(|&k| hard_between(k) || (k >= after && CLAUSE_OPENERS.contains(&words[k])))
        .unwrap_or(toks.len());
    let clause_end = clause_end.max(after);
    let mut best: Option<(usize, Tense)> = None;
    let mut strong_before = false;
    for k in clause_start..after.min(toks.len()) {
        if let Some((_, true)) = cue(&words, &lower_initial, k) {
            strong_before = true;
        }
    }
    // "quotas for next year in Torshavn on Wednesday": another time phrase of the clause tells
    // its own time, not the verb's.
    let other_time = |k: usize| {
        (k < before || k >= after)
            && matches!(words[k], "next" | "last" | "coming")
            && words.get(k + 1).is_some_and(|w| TIME_UNITS.contains(w))
    };
    for k in clause_start..clause_end {
        if strong_before && k >= after {
            break;
        }
        if other_time(k) {
            continue;
        }
        let Some((tense, strong)) = cue(&words, &lower_initial, k) else {
            continue;
        };
        let distance = if k < before {
            before - k
        } else if k >= after {
            k - after + 3
        } else {
            0
        };
        let score = distance + if strong { 0 } else { 4 };
        if score <= MAX_CUE_DISTANCE && best.is_none_or(|(s, _)| score < s) {
            best = Some((score, tense));
        }
    }
    // "are poised to sign the pact when the prime minister visits Abu Dhabi on Thursday": a
    // time clause with no tense cue of its own takes a future from the clause it times.
    if best.is_none()
        && clause_start > 0
        && matches!(words[clause_start - 1], "when" | "once" | "until")
    {
        let main_from = clause_start.saturating_sub(13);
        let future = (main_from..clause_start - 1).any(|k| {
            !other_time(k) && matches!(cue(&words, &lower_initial, k), Some((Tense::Future, true)))
        });
        if future {
            return Tense::Future;
        }
    }
    best.map_or(Tense::Unknown, |(_, tense)| tense)
}

/// What "next", "last" or "coming" make a time phrase of ("next year", "last week").
pub(super) const TIME_UNITS: &[&str] = &[
    "week", "weekend", "month", "year", "season", "decade", "century",
];

/// Marks that part clauses whatever the words: semicolons, colons, quotes, brackets, dashes.
pub(super) const HARD_BOUNDARIES: [char; 9] = [
    ';', ':', '"', '\u{201c}', '\u{201d}', '(', ')', '\u{2014}', '\u{2013}',
];

/// Words that open a clause of their own: the cues before them belong to another verb.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "whereas", "although", "though",
    "because",
];

/// Past-tense verbs that often carry a meeting's or signing's date.
pub(super) const PAST_VERBS: &[&str] = &[
    "met",
    "held",
    "took",
    "made",
    "came",
    "went",
    "gave",
    "saw",
    "led",
    "left",
    "paid",
    "spoke",
    "began",
    "became",
    "sent",
    "brought",
    "won",
    "sought",
    "found",
    "stood",
    "hosted",
    "signed",
    "visited",
    "attended",
    "agreed",
    "concluded",
    "reached",
    "received",
    "discussed",
    "expressed",
    "welcomed",
    "arrived",
    "returned",
    "ended",
    "opened",
    "launched",
    "convened",
    "pledged",
    "vowed",
    "emphasized",
    "emphasised",
    "stressed",
    "inked",
    "completed",
    "finished",
    "started",
    "called",
    "talked",
    "exchanged",
    "witnessed",
];
/// Reporting verbs: they date the report, which is only a weak hint about the event.
pub(super) const REPORTING_VERBS: &[&str] = &[
    "said",
    "stated",
    "noted",
    "added",
    "reported",
    "announced",
    "says",
    "according",
    "told",
    "tells",
    "wrote",
    "writes",
    "quoted",
    "cited",
];
/// "-ed" words that are not verbs of the clause.
pub(super) const NOT_PAST: &[&str] = &[
    "based",
    "related",
    "limited",
    "advanced",
    "armed",
    "united",
    "detailed",
    "experienced",
    "interested",
    "concerned",
    "involved",
    "supposed",
    "used",
    "hundred",
    "sacred",
    "aged",
    "beloved",
    "naked",
    "wicked",
    "kindred",
    "skilled",
    "qualified",
    "developed",
    "called",
];
/// Words between an auxiliary and its verb: "will also sign", "has already met".
pub(super) const ADVERBS: &[&str] = &[
    "also",
    "not",
    "already",
    "just",
    "jointly",
    "formally",
    "officially",
    "successfully",
    "recently",
    "then",
    "still",
    "never",
    "reportedly",
    "finally",
    "first",
    "both",
    "all",
    "again",
    "previously",
    "earlier",
    "once",
];
/// Before a participle these make it a future, passive-present or infinitive form.
pub(super) const NOT_PAST_AUX: &[&str] = &[
    "will", "shall", "ll", "would", "could", "may", "might", "can", "should", "must", "be", "to",
    "is", "are", "am", "being",
];
pub(super) const BE: &[&str] = &["is", "are", "am", "was", "were", "be", "been", "being"];
/// After "was"/"were", these make a future-in-the-past: "was due to", "were scheduled to".
pub(super) const PLANNED: &[&str] = &[
    "due",
    "scheduled",
    "expected",
    "set",
    "slated",
    "going",
    "planned",
    "supposed",
    "to",
];

/// The nearest word before `k` that is not an adverb ("" if none within reach).
pub(super) fn prev_word<'w>(words: &[&'w str], k: usize) -> &'w str {
    (k.saturating_sub(4)..k)
        .rev()
        .map(|j| words[j])
        .find(|w| !ADVERBS.contains(w))
        .unwrap_or("")
}

/// The tense that word `k` signals, and whether the signal is strong.
pub(super) fn cue(words: &[&str], lower_initial: &[bool], k: usize) -> Option<(Tense, bool)> {
    let word = words[k];
    if word.is_empty() {
        return None;
    }
    let at = |j: usize| words.get(j).copied().unwrap_or("");
    let prev = prev_word(words, k);
    let next = at(k + 1);
    let future = Some((Tense::Future, true));
    let past = Some((Tense::Past, true));
    match word {
        "will"
            if !matches!(
                k.checked_sub(1).map(at),
                Some("the" | "political" | "good" | "free" | "own")
            ) =>
        {
            return future;
        }
        "shall" | "ll" | "would" | "upcoming" | "forthcoming" | "next" | "tomorrow"
        | "scheduled" | "slated" | "planned" => return future,
        "won" if next == "t" => return future,
        // "may travel to Beijing in April"; not the month, nor "may have met".
        "may" | "might" if lower_initial.get(k).copied().unwrap_or(false) && next != "have" => {
            return future
        }
        "due" if BE.contains(&prev) => return future,
        "expected" | "set"
            if next == "to" || BE.contains(&prev) && matches!(next, "for" | "on" | "in") =>
        {
            return future;
        }
        "plans" | "plan" | "planning" | "intends" | "intend" | "aims" | "hopes" | "going"
        | "poised" | "likely"
            if next == "to" =>
        {
            return future;
        }
        "be" if prev == "to" => return future,
        // "was to have brought", "is to have finished": a plan.
        "have" if prev == "to" => return future,
        "is" | "are" if next == "to" => return future,
        "soon" | "coming" => return Some((Tense::Future, false)),
        "last" | "ago" | "yesterday" | "earlier" | "previously" | "had" | "did" => return past,
        "was" | "were" => {
            return if PLANNED.contains(&next) || PLANNED.contains(&at(k + 2)) {
                None
            } else {
                past
            };
        }
        _ => {}
    }
    if REPORTING_VERBS.contains(&word) {
        return Some((Tense::Past, false));
    }
    // A participle after "to have" belongs to the plan ("was to have brought").
    if prev == "have" {
        let have = (k.saturating_sub(4)..k)
            .rev()
            .find(|&j| !ADVERBS.contains(&words[j]));
        if have.is_some_and(|h| prev_word(words, h) == "to") {
            return None;
        }
    }
    let strong = PAST_VERBS.contains(&word);
    let weak = !strong
        && lower_initial.get(k).copied().unwrap_or(false)
        && word.len() >= 5
        && word.ends_with("ed")
        && !word.ends_with("eed")
        && !NOT_PAST.contains(&word);
    ((strong || weak) && !NOT_PAST_AUX.contains(&prev)).then_some((Tense::Past, strong))
}
