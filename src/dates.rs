//! Date resolution: gives each DATE mention the ISO 8601 value of SPEC.md "Dates everywhere"
//! (a day `2024-08-20`, a month `2024-08`, a year `2024`, or an interval
//! `2024-04-11/2024-04-12`), or `None` when the text does not pin one down.
//!
//! A mention is lexed into words, numbers and a little punctuation; leading fillers ("on",
//! "from", "the") are dropped, and what is left must match one of a small set of phrase shapes
//! *in full*. Anything else (durations such as "the past 10 years", vague words such as
//! "recently") resolves to `None`: a wrong date in the output is worse than none.
//!
//! Relative phrases need an anchor (the publication date, or the nearest explicit date in the
//! text: [`find_published`], [`find_explicit`], [`nearest_explicit`]) and, for bare weekdays
//! and year-less dates, the tense of the clause ([`clause_tense`]). Records (meetings,
//! agreements) report an event at the precision the writer meant: [`record_value`].
//!
//! Readings chosen for ambiguous phrases, so that analysts can rely on them:
//! - Weeks run Monday to Sunday (ISO 8601): "last week" is the previous Monday..Sunday.
//! - A bare weekday is the most recent one when the clause is past or of unknown tense, the
//!   next one when it is future; either way the anchor day itself counts (a Friday article's
//!   "on Friday" is that day). "last Thursday" / "next Monday" never mean the anchor day.
//!   "this Monday" follows the tense, or means the anchor's week when the tense is unknown.
//! - "N weeks ago" is the Monday..Sunday week holding the day 7N days before the anchor (so "a
//!   week ago" is "last week"): writers round to weeks, and the interval says so. "N days
//!   ago" is a day, "N months ago" a month, "N years ago" a year; "in N weeks" mirrors them.
//! - Year-less dates and months take the anchor's year. In a past clause one that falls after
//!   the anchor's month moves back a year, in a future clause one before it moves forward; with
//!   unknown tense only a date 10+ months away that is within 2 months in the adjacent year
//!   moves ("January" in a December article is the coming January; "May" is last May).
//! - Parts of a month: early/beginning/start = days 1-10, mid/middle = 11-20, late/end =
//!   21-last. Parts of a year are month intervals: early = Jan-Apr, mid = May-Aug, late =
//!   Sep-Dec; but "the beginning/start of <year>" is January and "the end of <year>" December,
//!   single months, which is what writers mean by them. Parts of a week: early = Mon-Wed,
//!   mid = Tue-Thu, late/end = Fri-Sun.
//! - Spans of a year are month-granular: "the first 7 months of 2024" = `2024-01/2024-07`, and
//!   so are quarters, halves and seasons; spans of a month or a week are day-granular.
//! - "earlier this month" = the first of the month .. the anchor, both included; "later this
//!   year" = the anchor .. 31 December.
//! - Durations ("10 years", "the past 10 years", "the last week", "the past month") and phrases
//!   relative to the story rather than to the anchor ("the previous week", "two days later")
//!   are `None`. Without "the", "last week" / "past week" is the previous calendar week.
//! - All-numeric dates are read year-first when they start with four digits, otherwise
//!   whichever of day-first / month-first is valid; when both are (05/06/2024), day-first, as
//!   most of the world (and the Asian press this tool reads) writes them.
//! - Seasons are meteorological, northern hemisphere: spring Mar-May, summer Jun-Aug,
//!   autumn/fall Sep-Nov, and the winter of Y is Dec Y .. Feb Y+1.
//! - "next weekend" is the Saturday..Sunday of next week; "the weekend" follows the tense.

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Serialize, Serializer};

use crate::text::ByteSpan;

/// A resolved date at the precision the text gave it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DateValue {
    Day(NaiveDate),
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    /// From the start of the first value to the end of the second. Built by
    /// [`DateValue::interval`], both ends have one precision and neither is an interval.
    Interval(Box<DateValue>, Box<DateValue>),
}

impl DateValue {
    /// The value as written in the output: `2024-08-20`, `2024-08`, `2024`, `a/b`.
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::Interval(a, b) => format!("{}/{}", a.iso(), b.iso()),
        }
    }

    /// The first day the value covers (`None` only for values outside chrono's calendar).
    pub fn first_day(&self) -> Option<NaiveDate> {
        match self {
            DateValue::Day(d) => Some(*d),
            DateValue::Month { year, month } => NaiveDate::from_ymd_opt(*year, *month, 1),
            DateValue::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
            DateValue::Interval(a, _) => a.first_day(),
        }
    }

    /// The last day the value covers (`None` only for values outside chrono's calendar).
    pub fn last_day(&self) -> Option<NaiveDate> {
        match self {
            DateValue::Day(d) => Some(*d),
            DateValue::Month { year, month } => NaiveDate::from_ymd_opt(*year, *month, 1)?
                .checked_add_months(Months::new(1))?
                .pred_opt(),
            DateValue::Year(y) => NaiveDate::from_ymd_opt(*y, 12, 31),
            DateValue::Interval(_, b) => b.last_day(),
        }
    }

    /// The interval from the start of `start` to the end of `end`; `None` when it would run
    /// backwards. Equal ends collapse to one value, and ends of different precision ("May 5 to
    /// June") become days, so that every interval reads at one precision.
    pub fn interval(start: DateValue, end: DateValue) -> Option<DateValue> {
        let start = start.into_first();
        let end = end.into_last();
        let (first, last) = (start.first_day()?, end.last_day()?);
        if first > last {
            return None;
        }
        if start == end {
            return Some(start);
        }
        if start.precision() == end.precision() {
            Some(DateValue::Interval(Box::new(start), Box::new(end)))
        } else if first == last {
            Some(DateValue::Day(first))
        } else {
            Some(DateValue::Interval(
                Box::new(DateValue::Day(first)),
                Box::new(DateValue::Day(last)),
            ))
        }
    }

    fn into_first(self) -> DateValue {
        match self {
            DateValue::Interval(a, _) => a.into_first(),
            v => v,
        }
    }

    fn into_last(self) -> DateValue {
        match self {
            DateValue::Interval(_, b) => b.into_last(),
            v => v,
        }
    }

    fn precision(&self) -> u8 {
        match self {
            DateValue::Day(_) => 0,
            DateValue::Month { .. } => 1,
            DateValue::Year(_) => 2,
            DateValue::Interval(a, _) => a.precision(),
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl DateValue {
    /// Reads back what [`DateValue::iso`] writes (`2024-08-20`, `2024-08`, `2024`, `a/b`).
    pub fn from_iso(text: &str) -> Option<DateValue> {
        if let Some((a, b)) = text.split_once('/') {
            let (a, b) = (DateValue::from_iso(a)?, DateValue::from_iso(b)?);
            if matches!(a, DateValue::Interval(..)) || matches!(b, DateValue::Interval(..)) {
                return None;
            }
            return Some(DateValue::Interval(Box::new(a), Box::new(b)));
        }
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str| if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() { s.parse::<i64>().ok() } else { None };
        match parts.as_slice() {
            [y] if y.len() == 4 => Some(DateValue::Year(number(y)? as i32)),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let month = number(m)? as u32;
                (1..=12).contains(&month).then_some(DateValue::Month { year: number(y)? as i32, month })
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                NaiveDate::from_ymd_opt(number(y)? as i32, number(m)? as u32, number(d)? as u32).map(DateValue::Day)
            }
            _ => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for DateValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        DateValue::from_iso(&text).ok_or_else(|| serde::de::Error::custom(format!("not an ISO date value: {text:?}")))
    }
}

/// Serialises as the ISO string, the form SPEC.md's `value` fields take.
impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// Tense of the clause a mention sits in; decides which way bare weekdays and year-less dates
/// point from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tense {
    Past,
    Future,
    #[default]
    Unknown,
}

/// What a mention is resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateContext {
    /// The publication date, or lacking one the nearest explicit date in the text.
    pub anchor: Option<NaiveDate>,
    pub tense: Tense,
}

impl DateContext {
    pub fn new(anchor: Option<NaiveDate>, tense: Tense) -> Self {
        DateContext { anchor, tense }
    }

    /// The context of a mention at `mention` (bytes, relative to `sentence`) in `sentence`.
    pub fn for_mention(anchor: Option<NaiveDate>, sentence: &str, mention: ByteSpan) -> Self {
        DateContext { anchor, tense: clause_tense(sentence, mention) }
    }
}

/// A DATE entity of a document with its resolved value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub span: ByteSpan,
    pub value: Option<DateValue>,
}

/// The dates stage: resolves every DATE entity of `doc` against its publication date, or,
/// lacking one, the explicit full date nearest the mention, in the tense of its clause.
pub fn annotate(doc: &mut crate::doc::Document) {
    let published = doc.published.as_deref().and_then(publication_anchor);
    let explicit = if published.is_none() { find_explicit(&doc.text) } else { Vec::new() };
    let mut found = Vec::new();
    for entity in doc.entities.iter().filter(|e| e.label == crate::doc::EntityLabel::Date) {
        let anchor = published.or_else(|| nearest_explicit(&explicit, entity.span.start));
        let sentence = doc.sentence_at(entity.span.start).unwrap_or(entity.span);
        let relative = ByteSpan::new(entity.span.start - sentence.start, entity.span.end.min(sentence.end) - sentence.start);
        let ctx = DateContext::for_mention(anchor, sentence.slice(&doc.text), relative);
        let mention = entity.span.slice(&doc.text);
        let after = doc.text.get(entity.span.end..sentence.end.max(entity.span.end)).unwrap_or("");
        let value = if numbers_a_thing(mention, after) { None } else { resolve(mention, &ctx) };
        found.push(DateMention { span: entity.span, value });
    }
    doc.dates = found;
}

/// Whether a bare ordinal ("the 28th", "29th") numbers what follows it rather than naming a
/// day: "the 28th and 29th ASEAN summits", "the 60th anniversary", "the 15th Session".
fn numbers_a_thing(mention: &str, after: &str) -> bool {
    static NOUNS: std::sync::LazyLock<Vec<&str>> = crate::wordlist::words!("dates/numbered_nouns.txt");
    let bare = mention.trim();
    let bare = bare.strip_prefix("the ").or_else(|| bare.strip_prefix("The ")).unwrap_or(bare);
    let digits = bare.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &bare[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if !matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
        return false;
    }
    let mut words = after.split_whitespace();
    let Some(mut next) = words.next() else { return false };
    // "the 28th and 29th ASEAN summits": the second ordinal, then the noun.
    if matches!(next, "and" | "or" | "to") {
        match words.next() {
            Some(w) if w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).bytes().all(|b| b.is_ascii_digit()) => {
                match words.next() {
                    Some(w) => next = w,
                    None => return false,
                }
            }
            _ => return false,
        }
    }
    let clean = |w: &str| w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
    let is_noun = |w: &str| NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n));
    let first = clean(next);
    if is_noun(&first) || (first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase())) {
        return true;
    }
    // "the 15th Extraordinary Session": a name that ends in such a noun (not "on the 28th
    // President Xi arrived").
    if next.len() != first.len() || !first.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    for w in words.take(3) {
        let c = clean(w);
        if is_noun(&c) {
            return true;
        }
        if c.len() != w.len() || !c.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// The day a publication date (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known, then
/// its last day is the latest the article can be) anchors relative dates to.
pub fn publication_anchor(published: &str) -> Option<NaiveDate> {
    match parse_explicit(published)? {
        DateValue::Day(day) => Some(day),
        value @ DateValue::Month { .. } => value.last_day(),
        _ => None,
    }
}

/// Resolves one DATE mention's text against `ctx`; `None` when it names no definite date or
/// needs an anchor that `ctx` lacks.
pub fn resolve(mention: &str, ctx: &DateContext) -> Option<DateValue> {
    let toks = lex(mention);
    if toks.len() > MAX_TOKENS {
        return None;
    }
    let (toks, lead) = strip(&toks);
    if lead.the && is_duration(toks) {
        return None;
    }
    parse_item(toks, ctx, lead)
        .and_then(|item| resolve_item(item, ctx))
        .or_else(|| resolve_range(toks, ctx, lead))
}

/// A date that needs no anchor, in any common form: "August 20, 2024", "20 August 2024",
/// "Aug. 20, 2024", "2024-08-20", "12.20.2024", "20/08/2024", "Dec 20, 2024 11:19 PM", and
/// also "May 2023", "2024", "April 11-12, 2024". The whole text must be the date.
pub fn parse_explicit(text: &str) -> Option<DateValue> {
    resolve(text, &DateContext::default())
}

/// Every full explicit date (day, month and year) in `text`, in text order, with its byte span.
/// The pipeline's fallback anchor is the one nearest a mention ([`nearest_explicit`]).
pub fn find_explicit(text: &str) -> Vec<(ByteSpan, DateValue)> {
    let toks = lex(text);
    let none = DateContext::default();
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let hit = may_start_date(&toks[i].kind)
            .then(|| {
                // The longest window that is a full date: "Thursday, Dec. 19, 2024" is 6 tokens.
                (i + 1..=(i + 7).min(toks.len())).rev().find_map(|j| {
                    let p = full(&toks[i..j], |c| parse_cal(c, &none))?;
                    let date = NaiveDate::from_ymd_opt(p.year?, p.month?, p.day?)?;
                    Some((j, date))
                })
            })
            .flatten();
        match hit {
            Some((j, date)) => {
                found.push((ByteSpan::new(toks[i].start, toks[j - 1].end), DateValue::Day(date)));
                i = j;
            }
            None => i += 1,
        }
    }
    found
}

/// The explicit date nearest byte offset `at` (the earlier one on a tie), as an anchor.
pub fn nearest_explicit(dates: &[(ByteSpan, DateValue)], at: usize) -> Option<NaiveDate> {
    dates
        .iter()
        .filter_map(|(span, value)| {
            let distance =
                if at < span.start { span.start - at } else { at.saturating_sub(span.end) };
            Some((distance, value.first_day()?))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, date)| date)
}

/// Finds a publication date in an article's header text. In order of trust: a labelled date
/// ("Published: Dec 20, 2024 11:19 PM", then "Updated: 2019-02-22 07:51"), a date in a URL
/// (`/2024/08/20/`), a full date on a line of its own, a dateline ("HANOI, Dec. 19 (Reuters)
/// -", "ISLAMABAD, March 27 (APP):") whose year comes from the dateline or `year_hint`, and
/// last a URL month (`/202412/`). `None` when nothing is found.
pub fn find_published(header: &str, year_hint: Option<i32>) -> Option<DateValue> {
    let mut best = None;
    for line in header.lines().take(HEADER_LINES) {
        let lower = line.to_ascii_lowercase();
        if let Some((label_end, trust)) = date_label(&lower) {
            if let Some((_, v)) = find_explicit(&line[label_end..]).into_iter().next() {
                keep(&mut best, trust, v);
            }
        }
        for word in line.split_whitespace().filter(|w| w.contains('/')) {
            if let Some(v) = url_date(word) {
                let trust = if matches!(v, DateValue::Day(_)) { 2 } else { 5 };
                keep(&mut best, trust, v);
            }
        }
        if let Some((_, v)) = find_explicit(line).into_iter().next() {
            keep(&mut best, 3, v);
        }
        if let Some(v) = dateline(line, year_hint) {
            keep(&mut best, 4, v);
        }
    }
    best.map(|(_, v)| v)
}

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
    let start = floor_boundary(sentence, mention.start.min(mention.end));
    let end = floor_boundary(sentence, mention.end.max(mention.start)).max(start);
    let toks = lex(sentence);
    let words: Vec<&str> = toks
        .iter()
        .map(|t| match &t.kind {
            Kind::Word(w) => w.as_str(),
            _ => "",
        })
        .collect();
    let lower_initial: Vec<bool> =
        toks.iter().map(|t| sentence[t.start..].starts_with(char::is_lowercase)).collect();
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
    if best.is_none() && clause_start > 0 && matches!(words[clause_start - 1], "when" | "once" | "until") {
        let main_from = clause_start.saturating_sub(13);
        let future = (main_from..clause_start - 1)
            .any(|k| !other_time(k) && matches!(cue(&words, &lower_initial, k), Some((Tense::Future, true))));
        if future {
            return Tense::Future;
        }
    }
    best.map_or(Tense::Unknown, |(_, tense)| tense)
}

/// What "next", "last" or "coming" make a time phrase of ("next year", "last week").
const TIME_UNITS: &[&str] = &["week", "weekend", "month", "year", "season", "decade", "century"];

/// Marks that part clauses whatever the words: semicolons, colons, quotes, brackets, dashes.
const HARD_BOUNDARIES: [char; 9] = [';', ':', '"', '\u{201c}', '\u{201d}', '(', ')', '\u{2014}', '\u{2013}'];

/// Words that open a clause of their own: the cues before them belong to another verb.
const CLAUSE_OPENERS: &[&str] =
    &["that", "which", "who", "whom", "whose", "when", "while", "whereas", "although", "though", "because"];

/// The value of a DATE mention as the date of an *event record* (a meeting, a visit, a
/// signing), at the precision the record conventions use (`eval/records/README.md`), given
/// the mention's text, the value [`resolve`] gave it, and the anchor (publication date).
///
/// [`resolve`] reads a phrase as exactly as it can ("late May" = May 21-31, "earlier this
/// week" = Monday .. the anchor); a record says when the *event* happened, at the precision
/// the writer meant:
/// - a vague part of a month ("late May", "early June", "mid-July", "the end of May",
///   "earlier this month", "later this month") is the month: `2025-05`;
/// - a vague part of a week ("earlier this week", "later this week", "early next week") is
///   that whole Monday-to-Sunday week: `2025-07-07/2025-07-13`;
/// - a vague part of a year ("earlier this year", "later this year", "early next year",
///   "late last year") is the year: `2026`;
/// - "N weeks ago" (N up to 8) is the day 7N days before the anchor, not the week holding it:
///   writers count back from the day they write;
/// - anything else is `value` unchanged.
pub fn record_value(mention: &str, value: DateValue, anchor: Option<NaiveDate>) -> DateValue {
    let lower = mention.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    if let Some(a) = anchor {
        if has("ago") && (has("weeks") || has("week")) {
            let n = match words.first().copied() {
                Some("a" | "one") => Some(1),
                Some(d) => number_word(d).or_else(|| d.parse::<u32>().ok()).filter(|&n| (1..=8).contains(&n)),
                None => None,
            };
            if let Some(day) = n.and_then(|n| add_days(a, -7 * i64::from(n))) {
                return DateValue::Day(day);
            }
        }
    }
    let (Some(first), Some(last)) = (value.first_day(), value.last_day()) else { return value };
    let vague = ["early", "mid", "late", "earlier", "later", "middle", "end", "beginning", "start"]
        .iter()
        .any(|w| has(w));
    if !vague || first == last {
        return value;
    }
    let names_month = words.iter().any(|w| month_of(w).is_some());
    if has("year") && !names_month && first.year() == last.year() {
        return DateValue::Year(first.year());
    }
    if has("week") && !names_month {
        if let (Some(m), Some(n)) = (monday_of(first), monday_of(last)) {
            if m == n {
                return week_of(first).unwrap_or(value);
            }
        }
        return value;
    }
    if first.year() == last.year() && first.month() == last.month() && matches!(value, DateValue::Interval(..)) {
        return DateValue::Month { year: first.year(), month: first.month() };
    }
    value
}

/// The record date of the DATE mention at `span` of `doc`, as written and resolved (through
/// [`record_value`]); `None` when the mention resolved to nothing.
pub fn record_field(doc: &crate::doc::Document, span: ByteSpan, anchor: Option<NaiveDate>) -> Option<crate::records::DateField> {
    let value = doc.dates.iter().find(|d| d.span == span)?.value.clone()?;
    let written = span.slice(&doc.text).to_string();
    let value = record_value(&written, value, anchor);
    Some(crate::records::DateField { text: written, value: Some(value) })
}

/// "one" .. "twelve" as a number.
fn number_word(w: &str) -> Option<u32> {
    SMALL_NUMBERS.iter().position(|n| *n == w).map(|i| i as u32).filter(|&n| n <= 12)
}

/// Longer "mentions" are not date phrases; the cap also bounds the parser's work.
const MAX_TOKENS: usize = 32;
/// Lines of a header searched for its publication date.
const HEADER_LINES: usize = 60;
/// Cues further than this (in tokens, penalties included) say nothing about the mention.
const MAX_CUE_DISTANCE: usize = 20;

// ---------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// Lower-cased letters; periods of abbreviations and a possessive "'s" are dropped.
    Word(String),
    /// Digits, with an ordinal suffix ("20th") noted.
    Num {
        value: u32,
        digits: usize,
        ordinal: bool,
    },
    /// An all-numeric date: "2024-08-20", "12.20.2024", "20/08/2024".
    Numeric(NaiveDate),
    /// "1990s", "1990's".
    Decade(i32),
    Dash,
    Comma,
    /// A clock time, dropped before parsing: "11:19 PM" adds nothing to a date.
    Time,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Words that belong to a clock time ("11:19 PM GMT", "9 a.m. local time").
const TIME_WORDS: &[&str] = &[
    "am", "pm", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest",
    "ict", "jst", "kst", "hkt", "sgt", "ist", "pkt", "et", "pt", "local", "time", "hours", "hrs",
];

fn lex(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let start = i;
        if c.is_ascii_digit() {
            i = lex_number(text, i, &mut toks);
            continue;
        }
        if c.is_alphabetic() {
            i = lex_word(text, i, &mut toks);
            continue;
        }
        i += c.len_utf8();
        let kind = match c {
            '-' | '–' | '—' | '‐' | '‑' | '‒' | '−' | '~' => Kind::Dash,
            ',' => Kind::Comma,
            // A UTC offset after a time: "+07:00".
            '+' if bytes.get(i).is_some_and(u8::is_ascii_digit) => {
                i = digit_run(bytes, i);
                if bytes.get(i) == Some(&b':') {
                    i = digit_run(bytes, i + 1);
                }
                Kind::Time
            }
            // Periods, brackets, quotes, slashes: the shapes that matter are lexed above.
            _ => continue,
        };
        toks.push(Tok { kind, start, end: i });
    }
    drop_times(toks)
}

fn digit_run(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

fn lex_number(text: &str, i: usize, toks: &mut Vec<Tok>) -> usize {
    let bytes = text.as_bytes();
    let j = digit_run(bytes, i);
    let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    // A clock time: hh:mm[:ss].
    if bytes.get(j) == Some(&b':') && digit_at(j + 1) {
        let mut k = digit_run(bytes, j + 1);
        if bytes.get(k) == Some(&b':') && digit_at(k + 1) {
            k = digit_run(bytes, k + 1);
        }
        toks.push(Tok { kind: Kind::Time, start: i, end: k });
        return k;
    }
    // An all-numeric date: three runs joined by one separator.
    if let Some(&sep) = bytes.get(j) {
        if matches!(sep, b'-' | b'/' | b'.') && digit_at(j + 1) {
            let k = digit_run(bytes, j + 1);
            if bytes.get(k) == Some(&sep) && digit_at(k + 1) {
                let l = digit_run(bytes, k + 1);
                if let Some(date) = numeric_date(&text[i..j], &text[j + 1..k], &text[k + 1..l]) {
                    let mut end = l;
                    // An ISO date-time ("2019-02-22T07:51:00Z") carries its time along.
                    if matches!(bytes.get(l), Some(b'T' | b't')) && digit_at(l + 1) {
                        end = text[l..].find(char::is_whitespace).map_or(text.len(), |p| l + p);
                    }
                    toks.push(Tok { kind: Kind::Numeric(date), start: i, end });
                    return end;
                }
            }
        }
    }
    let digits = j - i;
    let value = if digits > 9 { u32::MAX } else { text[i..j].parse().unwrap_or(u32::MAX) };
    let num = |ordinal| Kind::Num { value, digits, ordinal };
    let letters_end =
        j + text[j..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(text.len() - j);
    let suffix = text[j..letters_end].to_ascii_lowercase();
    let (kind, end) = match suffix.as_str() {
        "st" | "nd" | "rd" | "th" => (num(true), letters_end),
        "s" if digits == 4 && value % 10 == 0 => (Kind::Decade(value as i32), letters_end),
        "am" | "pm" => (Kind::Time, letters_end),
        "" => {
            // "1990's" is a decade; "2024's" a possessive, which adds nothing.
            let apostrophe = ['\'', '’'].into_iter().find(|&a| text[j..].starts_with(a));
            let s = j + apostrophe.map_or(0, char::len_utf8);
            let rest = &text[s..];
            let possessive = apostrophe.is_some()
                && rest.starts_with(['s', 'S'])
                && !rest[1..].starts_with(|c: char| c.is_alphabetic());
            match possessive {
                true if digits == 4 && value % 10 == 0 => (Kind::Decade(value as i32), s + 1),
                true => (num(false), s + 1),
                false => (num(false), j),
            }
        }
        // Other letters ("10km") are lexed as a word of their own.
        _ => (num(false), j),
    };
    toks.push(Tok { kind, start: i, end });
    end
}

/// Reads three digit runs as a date: year first when the first has four digits, else day and
/// month in whichever order is valid, day first when both are.
fn numeric_date(a: &str, b: &str, c: &str) -> Option<NaiveDate> {
    let n = |s: &str| {
        if s.len() <= 4 {
            s.parse::<u32>().ok()
        } else {
            None
        }
    };
    let (x, y, z) = (n(a)?, n(b)?, n(c)?);
    if a.len() == 4 && (1..=2).contains(&b.len()) && (1..=2).contains(&c.len()) {
        return NaiveDate::from_ymd_opt(x as i32, y, z);
    }
    if !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) {
        return None;
    }
    let year = match c.len() {
        4 => z as i32,
        2 if z < 70 => 2000 + z as i32,
        2 => 1900 + z as i32,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, y, x).or_else(|| NaiveDate::from_ymd_opt(year, x, y))
}

fn lex_word(text: &str, i: usize, toks: &mut Vec<Tok>) -> usize {
    let mut word = String::new();
    let mut j = i;
    let mut segment = 0;
    loop {
        let rest = &text[j..];
        match rest.chars().next() {
            Some(c) if c.is_alphabetic() => {
                word.extend(c.to_lowercase());
                j += c.len_utf8();
                segment += 1;
            }
            // Dotted abbreviations of single letters read as one word: "a.m.", "U.S.".
            Some('.') if segment == 1 && rest[1..].starts_with(|c: char| c.is_alphabetic()) => {
                j += 1;
                segment = 0;
            }
            _ => break,
        }
    }
    let mut end = j;
    // A possessive "'s" adds nothing ("Thursday's meeting"); other clitics ("they'll")
    // become words of their own when lexing resumes after the apostrophe.
    for apostrophe in ['\'', '’'] {
        if let Some(rest) = text[j..].strip_prefix(apostrophe) {
            if rest.starts_with(['s', 'S']) && !rest[1..].starts_with(|c: char| c.is_alphabetic()) {
                end = j + apostrophe.len_utf8() + 1;
            }
        }
    }
    toks.push(Tok { kind: Kind::Word(word), start: i, end: j });
    end
}

/// Drops clock times and the words that go with them ("11 a.m. local time").
fn drop_times(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut after_time = false;
    let mut k = 0;
    while k < toks.len() {
        let next_is_meridiem = matches!(toks.get(k + 1).map(|t| &t.kind),
            Some(Kind::Word(w)) if w == "am" || w == "pm");
        match &toks[k].kind {
            Kind::Num { value, digits, ordinal: false }
                if *value <= 24 && *digits <= 2 && next_is_meridiem =>
            {
                after_time = true;
                k += 2;
                continue;
            }
            Kind::Time => after_time = true,
            Kind::Word(w) if after_time && TIME_WORDS.contains(&w.as_str()) => {}
            _ => {
                after_time = false;
                out.push(toks[k].clone());
            }
        }
        k += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

fn month_of(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" | "weds" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// First month of a season (see the module docs).
fn season_of(w: &str) -> Option<u32> {
    Some(match w {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    })
}

const SMALL_NUMBERS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// Words dropped from the front of a mention: they frame a date without changing it.
const FILLERS: &[&str] = &[
    "on",
    "in",
    "from",
    "since",
    "between",
    "during",
    "by",
    "at",
    "until",
    "till",
    "through",
    "throughout",
    "around",
    "about",
    "approximately",
    "circa",
    "sometime",
    "before",
    "after",
    "as",
    "of",
    "over",
    "for",
    "within",
    "the",
    "starting",
    "beginning",
    "effective",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
    Beginning,
    End,
}

fn part_of(w: &str) -> Option<Part> {
    Some(match w {
        "early" => Part::Early,
        "mid" | "middle" => Part::Mid,
        "late" => Part::Late,
        "beginning" | "start" => Part::Beginning,
        "end" | "close" => Part::End,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

/// A cursor over tokens; parsers advance it and [`full`] checks that they used everything.
#[derive(Clone, Copy)]
struct Cur<'a> {
    t: &'a [Tok],
    i: usize,
}

impl<'a> Cur<'a> {
    fn done(&self) -> bool {
        self.i >= self.t.len()
    }
    fn peek(&self) -> Option<&'a Kind> {
        self.t.get(self.i).map(|t| &t.kind)
    }
    fn word(&self) -> Option<&'a str> {
        match self.peek() {
            Some(Kind::Word(w)) => Some(w),
            _ => None,
        }
    }
    fn bump(&mut self) {
        self.i += 1;
    }
    fn eat(&mut self, w: &str) -> bool {
        let hit = self.word() == Some(w);
        if hit {
            self.bump();
        }
        hit
    }
    fn eat_kind(&mut self, kind: &Kind) -> bool {
        let hit = self.peek() == Some(kind);
        if hit {
            self.bump();
        }
        hit
    }
    fn rest(&self) -> &'a [Tok] {
        &self.t[self.i.min(self.t.len())..]
    }
    fn finish(&mut self) {
        self.i = self.t.len();
    }
}

/// Runs `f` over all of `t`; `None` unless it consumed every token.
fn full<'a, T>(t: &'a [Tok], f: impl FnOnce(&mut Cur<'a>) -> Option<T>) -> Option<T> {
    let mut c = Cur { t, i: 0 };
    let v = f(&mut c)?;
    c.done().then_some(v)
}

/// What the fillers in front of a mention said.
#[derive(Debug, Clone, Copy, Default)]
struct Lead {
    /// "the past week" is a duration, "past week" a calendar week.
    the: bool,
    /// "between 2 and 4 May": "and" joins a range.
    between: bool,
    /// "in two weeks" points forward.
    in_: bool,
}

fn strip(t: &[Tok]) -> (&[Tok], Lead) {
    let mut lead = Lead::default();
    let mut t = t;
    while let Some(first) = t.first() {
        match &first.kind {
            Kind::Comma | Kind::Dash => {}
            Kind::Word(w) if FILLERS.contains(&w.as_str()) => {
                let next = t.get(1).map(|t| &t.kind);
                if w == "beginning" && matches!(next, Some(Kind::Word(n)) if n == "of") {
                    break;
                }
                match w.as_str() {
                    "the" => lead.the = true,
                    "between" => lead.between = true,
                    "in" => lead.in_ = true,
                    _ => {}
                }
            }
            _ => break,
        }
        t = &t[1..];
    }
    while let Some(last) = t.last() {
        match &last.kind {
            Kind::Comma | Kind::Dash => {}
            Kind::Word(w) if matches!(w.as_str(), "onwards" | "onward" | "on") => {}
            _ => break,
        }
        t = &t[..t.len() - 1];
    }
    (t, lead)
}

/// "the last week", "the past month": a stretch of time ending now, not a calendar unit.
fn is_duration(t: &[Tok]) -> bool {
    let word = |k: usize| match t.get(k).map(|t| &t.kind) {
        Some(Kind::Word(w)) => w.as_str(),
        _ => "",
    };
    t.len() == 2
        && matches!(word(0), "last" | "past")
        && matches!(word(1), "week" | "month" | "year" | "weeks" | "months" | "years" | "days")
}

/// A parsed mention (or one side of a range) before it meets the anchor. Calendar dates and
/// weekdays stay unresolved so that a range can share month and year between its ends.
#[derive(Debug, Clone)]
enum Item {
    Cal(Partial),
    Weekday(Weekday, Rel),
    Value(DateValue),
}

/// A calendar date with any of its fields missing: "April 11", "12, 2024", "May".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Partial {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    /// The day was written as an ordinal ("the 20th"), so it stands for a date alone.
    ordinal: bool,
    /// The whole item is a bare two-digit number: the "24" of "2023-24".
    short: Option<u32>,
}

/// How a weekday, month or unit is qualified: "Thursday", "this/last/next Thursday".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Plain,
    This,
    Last,
    Next,
}

fn eat_rel(c: &mut Cur) -> Rel {
    if c.eat("this") {
        if c.eat("coming") {
            Rel::Next
        } else if c.eat("past") {
            Rel::Last
        } else {
            Rel::This
        }
    } else if c.eat("current") {
        Rel::This
    } else if c.eat("last") || c.eat("past") {
        Rel::Last
    } else if c.eat("next") || c.eat("coming") {
        Rel::Next
    } else {
        Rel::Plain
    }
}

fn parse_item(t: &[Tok], ctx: &DateContext, lead: Lead) -> Option<Item> {
    let t = match t.first().map(|t| &t.kind) {
        Some(Kind::Word(w)) if w == "the" => &t[1..],
        _ => t,
    };
    if t.is_empty() || t.len() > MAX_TOKENS {
        return None;
    }
    if let Some(p) = full(t, |c| parse_cal(c, ctx)) {
        return Some(Item::Cal(p));
    }
    if let Some(item) = full(t, |c| parse_weekday(c, ctx)) {
        return Some(item);
    }
    full(t, |c| parse_relative_day(c, ctx))
        .or_else(|| full(t, |c| parse_unit(c, ctx)))
        .or_else(|| full(t, |c| parse_ago(c, ctx, lead.in_)))
        .or_else(|| full(t, |c| parse_earlier_later(c, ctx)))
        .or_else(|| full(t, |c| parse_part(c, ctx)))
        .or_else(|| full(t, |c| parse_span(c, ctx)))
        .or_else(|| full(t, |c| parse_season(c, ctx)))
        .or_else(|| full(t, parse_decade))
        .map(Item::Value)
}

fn resolve_item(item: Item, ctx: &DateContext) -> Option<DateValue> {
    match item {
        Item::Cal(p) => cal_value(p, ctx),
        Item::Weekday(wd, rel) => weekday_date(wd, rel, ctx).map(DateValue::Day),
        Item::Value(v) => Some(v),
    }
}

/// Whether token `k` joins the two ends of a range.
fn is_connector(t: &[Tok], k: usize, between: bool) -> bool {
    match &t[k].kind {
        // "mid-July", "year-end", "twenty-one": a hyphen, not a range.
        Kind::Dash => !matches!(&t[k - 1].kind, Kind::Word(w)
            if part_of(w).is_some() || w == "year" || TENS.iter().any(|(n, _)| n == w)),
        Kind::Word(w) => match w.as_str() {
            "to" | "through" | "thru" | "until" | "till" => true,
            "and" => between,
            _ => false,
        },
        _ => false,
    }
}

fn resolve_range(t: &[Tok], ctx: &DateContext, lead: Lead) -> Option<DateValue> {
    (1..t.len().saturating_sub(1)).filter(|&k| is_connector(t, k, lead.between)).find_map(|k| {
        let left = parse_item(&t[..k], ctx, Lead::default())?;
        let right = parse_item(&t[k + 1..], ctx, Lead::default())?;
        combine(left, right, ctx)
    })
}

fn combine(left: Item, right: Item, ctx: &DateContext) -> Option<DateValue> {
    match (left, right) {
        (Item::Cal(a), Item::Cal(b)) => combine_cal(a, b, ctx),
        // "Monday to Wednesday": the end is the first such weekday from the start on.
        (Item::Weekday(w1, r1), Item::Weekday(w2, Rel::Plain)) => {
            let start = weekday_date(w1, r1, ctx)?;
            let gap = (w2.num_days_from_monday() + 7 - w1.num_days_from_monday()) % 7;
            days(start, add_days(start, gap as i64)?)
        }
        (l, r) => DateValue::interval(resolve_item(l, ctx)?, resolve_item(r, ctx)?),
    }
}

/// The ends of a calendar range lend each other what they lack: "April 11 to 12", "2 and 4
/// May", "April 11-12, 2024"; a year written once covers a range that crosses New Year
/// ("Dec 30 to Jan 2, 2025").
fn combine_cal(mut a: Partial, mut b: Partial, ctx: &DateContext) -> Option<DateValue> {
    // "2023-24"
    if let (Some(y), None, None, Some(s)) = (a.year, a.month, a.day, b.short) {
        let mut year = y - y.rem_euclid(100) + s as i32;
        if year <= y {
            year += 100;
        }
        b = Partial { year: Some(year), ..Partial::default() };
    }
    if a.month.is_none() && a.day.is_some() {
        a.month = b.month;
    }
    if b.month.is_none() && b.day.is_some() {
        b.month = a.month;
    }
    if a.day.is_some() && a.month.is_none() || b.day.is_some() && b.month.is_none() {
        return None;
    }
    // A year written once rolls over only for a range that crosses New Year (a later month
    // to an earlier one, at least six apart): "April 12 to 11, 2024" is a mistake, not a year.
    let crosses = match (a.month, b.month) {
        (Some(m1), Some(m2)) => m1 >= m2 + 6,
        _ => false,
    };
    match (a.year, b.year) {
        (Some(_), Some(_)) => {}
        (None, Some(y)) => {
            a.year = Some(if crosses { y - 1 } else { y });
        }
        (Some(y), None) => {
            b.year = Some(if crosses { y + 1 } else { y });
        }
        (None, None) => {
            let y = pick_year(a.month?, ctx)?;
            a.year = Some(y);
            b.year = Some(if crosses { y + 1 } else { y });
        }
    }
    DateValue::interval(cal_full(&a)?, cal_full(&b)?)
}

/// "Aug. 20, 2024", "20th of August", "Thursday, Dec. 19", "May 2023", "2024", "12, 2024",
/// "Christmas", "May 20 last year".
fn parse_cal(c: &mut Cur, ctx: &DateContext) -> Option<Partial> {
    // A weekday in front of a date adds nothing to it.
    if c.word().and_then(weekday_of).is_some() {
        c.bump();
        c.eat_kind(&Kind::Comma);
        if c.done() {
            return None;
        }
    }
    let mut p = Partial::default();
    match c.peek()? {
        Kind::Numeric(d) => {
            c.bump();
            return Some(Partial {
                year: Some(d.year()),
                month: Some(d.month()),
                day: Some(d.day()),
                ..p
            });
        }
        Kind::Word(w) => {
            if let Some(m) = month_of(w) {
                c.bump();
                p.month = Some(m);
                if let Some((d, ordinal)) = day_num(c) {
                    p.day = Some(d);
                    p.ordinal = ordinal;
                }
            } else if let Some((m, d)) = holiday(c) {
                p.month = Some(m);
                p.day = Some(d);
            } else {
                // "the year 2024"
                if w == "year" {
                    c.bump();
                }
                p.year = Some(year_num(c)?);
                return Some(p);
            }
        }
        Kind::Num { value, digits: 2, ordinal: false } if c.t.len() - c.i == 1 => {
            // A lone two-digit number: a day ("April 11 to 12") or the end of "2023-24".
            c.bump();
            p.short = Some(*value);
            p.day = (1..=31).contains(value).then_some(*value);
            return Some(p);
        }
        Kind::Num { .. } => {
            if let Some(y) = year_num(c) {
                p.year = Some(y);
                return Some(p);
            }
            let (d, ordinal) = day_num(c)?;
            p.day = Some(d);
            p.ordinal = ordinal;
            let save = *c;
            c.eat("of");
            match c.word().and_then(month_of) {
                Some(m) => {
                    c.bump();
                    p.month = Some(m);
                }
                None => *c = save,
            }
        }
        _ => return None,
    }
    year_tail(c, ctx, &mut p)?;
    Some(p)
}

/// An optional year after a day and/or month: ", 2024", "of 2024", "last year".
fn year_tail(c: &mut Cur, ctx: &DateContext, p: &mut Partial) -> Option<()> {
    let save = *c;
    c.eat_kind(&Kind::Comma);
    c.eat("of");
    if let Some(y) = year_num(c) {
        p.year = Some(y);
        return Some(());
    }
    if let Some(off) = rel_year(c) {
        p.year = Some(ctx.anchor?.year() + off);
        return Some(());
    }
    *c = save;
    Some(())
}

fn rel_year(c: &mut Cur) -> Option<i32> {
    let save = *c;
    let off = match eat_rel(c) {
        Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::Plain => return None,
    };
    if c.eat("year") {
        Some(off)
    } else {
        *c = save;
        None
    }
}

fn holiday(c: &mut Cur) -> Option<(u32, u32)> {
    let save = *c;
    let found = if c.eat("christmas") {
        if c.eat("eve") {
            Some((12, 24))
        } else {
            c.eat("day");
            Some((12, 25))
        }
    } else if c.eat("new") && c.eat("year") {
        if c.eat("day") {
            Some((1, 1))
        } else if c.eat("eve") {
            Some((12, 31))
        } else {
            None
        }
    } else {
        None
    };
    if found.is_none() {
        *c = save;
    }
    found
}

fn day_num(c: &mut Cur) -> Option<(u32, bool)> {
    match c.peek()? {
        Kind::Num { value, digits, ordinal } if *digits <= 2 && (1..=31).contains(value) => {
            c.bump();
            Some((*value, *ordinal))
        }
        _ => None,
    }
}

fn year_num(c: &mut Cur) -> Option<i32> {
    match c.peek()? {
        Kind::Num { value, digits: 4, ordinal: false } if (1000..=2999).contains(value) => {
            c.bump();
            Some(*value as i32)
        }
        _ => None,
    }
}

/// A count: "3", "three", "twenty-one", "a", "a couple of".
fn count(c: &mut Cur) -> Option<u32> {
    match c.peek()? {
        Kind::Num { value, digits, ordinal: false } if *digits <= 6 => {
            c.bump();
            Some(*value)
        }
        Kind::Word(w) => {
            if w == "a" || w == "an" {
                c.bump();
                if c.eat("couple") {
                    c.eat("of");
                    return Some(2);
                }
                return Some(1);
            }
            if let Some(n) = SMALL_NUMBERS.iter().position(|s| s == w) {
                c.bump();
                return Some(n as u32);
            }
            let (_, tens) = TENS.iter().find(|(s, _)| s == w)?;
            c.bump();
            let save = *c;
            c.eat_kind(&Kind::Dash);
            match c.word().and_then(|w| SMALL_NUMBERS[1..10].iter().position(|s| *s == w)) {
                Some(unit) => {
                    c.bump();
                    Some(tens + unit as u32 + 1)
                }
                None => {
                    *c = save;
                    Some(*tens)
                }
            }
        }
        _ => None,
    }
}

fn eat_time_of_day(c: &mut Cur) {
    if matches!(c.word(), Some("morning" | "afternoon" | "evening" | "night" | "noon" | "midday")) {
        c.bump();
    }
}

/// "Thursday", "last Thursday", "Tuesday morning", "Thursday last week".
fn parse_weekday(c: &mut Cur, ctx: &DateContext) -> Option<Item> {
    let rel = eat_rel(c);
    let wd = weekday_of(c.word()?)?;
    c.bump();
    eat_time_of_day(c);
    if c.done() {
        return Some(Item::Weekday(wd, rel));
    }
    if rel != Rel::Plain {
        return None;
    }
    c.eat("of");
    let weeks = match eat_rel(c) {
        Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::Plain => return None,
    };
    if !c.eat("week") {
        return None;
    }
    let monday = add_days(monday_of(ctx.anchor?)?, 7 * weeks)?;
    Some(Item::Value(DateValue::Day(add_days(monday, wd.num_days_from_monday() as i64)?)))
}

/// "today", "yesterday", "tomorrow", "tonight", "last night", "this morning", "the day before
/// yesterday".
fn parse_relative_day(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let a = ctx.anchor?;
    let word = c.word()?;
    c.bump();
    let off = match word {
        "today" | "tonight" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        "this" if matches!(c.word(), Some("morning" | "afternoon" | "evening")) => 0,
        "last" if c.word() == Some("night") => -1,
        "day" if c.eat("before") && c.eat("yesterday") => -2,
        "day" if c.eat("after") && c.eat("tomorrow") => 2,
        _ => return None,
    };
    eat_time_of_day(c);
    add_days(a, off).map(DateValue::Day)
}

/// "this week", "last month", "next year", "the weekend", "last quarter", "last May".
fn parse_unit(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let a = ctx.anchor?;
    let rel = eat_rel(c);
    let off = match rel {
        Rel::Plain | Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
    };
    let word = c.word()?;
    c.bump();
    if let Some(m) = month_of(word) {
        let y = a.year();
        let year = match rel {
            Rel::Plain => return None,
            Rel::This => y,
            Rel::Last if m < a.month() => y,
            Rel::Last => y - 1,
            Rel::Next if m > a.month() => y,
            Rel::Next => y + 1,
        };
        return month_value(year, m);
    }
    match word {
        "weekend" => weekend(a, rel, ctx.tense),
        _ if rel == Rel::Plain => None,
        "week" => week(a, off),
        "month" => month_off(a, off),
        "year" => year_value(a.year() + off as i32),
        "quarter" => quarter(a, off),
        _ => None,
    }
}

/// "three days ago", "two weeks ago", "a year ago", "in two weeks", "three days from now".
fn parse_ago(c: &mut Cur, ctx: &DateContext, lead_in: bool) -> Option<DateValue> {
    let a = ctx.anchor?;
    let n = count(c)? as i64;
    let unit = c.word()?;
    c.bump();
    let sign = if c.eat("ago") {
        -1
    } else if c.eat("from") && (c.eat("now") || c.eat("today")) || lead_in && c.done() {
        1
    } else {
        return None;
    };
    let n = sign * n;
    match unit {
        "day" | "days" => add_days(a, n).map(DateValue::Day),
        "week" | "weeks" => week_of(add_days(a, 7 * n)?),
        "fortnight" | "fortnights" => week_of(add_days(a, 14 * n)?),
        "month" | "months" => month_off(a, n),
        "year" | "years" => year_value(i32::try_from(a.year() as i64 + n).ok()?),
        _ => None,
    }
}

/// "earlier this month", "later this year", "earlier in the week", "later today".
fn parse_earlier_later(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let a = ctx.anchor?;
    let later = if c.eat("earlier") {
        false
    } else if c.eat("later") {
        true
    } else {
        return None;
    };
    if c.eat("today") {
        return Some(DateValue::Day(a));
    }
    if !(c.eat("this") || c.eat("in") && c.eat("the")) {
        return None;
    }
    let base = match c.word()? {
        "week" => week(a, 0)?,
        "month" => month_off(a, 0)?,
        "year" => year_value(a.year())?,
        _ => return None,
    };
    c.bump();
    if later {
        days(a, base.last_day()?)
    } else {
        days(base.first_day()?, a)
    }
}

/// "late May", "mid-July", "the end of the month", "the beginning of this year", "early next
/// week", "mid-2024", "year-end".
fn parse_part(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    if c.eat("year") {
        c.eat_kind(&Kind::Dash);
        return if c.eat("end") { month_value(ctx.anchor?.year(), 12) } else { None };
    }
    let part = part_of(c.word()?)?;
    c.bump();
    c.eat_kind(&Kind::Dash);
    c.eat("of");
    let base = parse_base(c.rest(), ctx)?;
    c.finish();
    apply_part(part, &base)
}

/// What a part or a span is taken of: any mention, or a bare "the month" / "the year" / "the
/// week" meaning the anchor's.
fn parse_base(t: &[Tok], ctx: &DateContext) -> Option<DateValue> {
    let t = match t.first().map(|t| &t.kind) {
        Some(Kind::Word(w)) if w == "the" => &t[1..],
        _ => t,
    };
    if let [Tok { kind: Kind::Word(w), .. }] = t {
        match w.as_str() {
            "week" => return week(ctx.anchor?, 0),
            "month" => return month_off(ctx.anchor?, 0),
            "year" => return year_value(ctx.anchor?.year()),
            _ => {}
        }
    }
    resolve_item(parse_item(t, ctx, Lead::default())?, ctx)
}

fn apply_part(part: Part, base: &DateValue) -> Option<DateValue> {
    use Part::*;
    match base {
        DateValue::Year(y) => match part {
            Beginning => month_value(*y, 1),
            End => month_value(*y, 12),
            Early => month_range(*y, 1, 4),
            Mid => month_range(*y, 5, 8),
            Late => month_range(*y, 9, 12),
        },
        DateValue::Month { .. } => {
            let (first, last) = (base.first_day()?, base.last_day()?);
            let (d1, d2) = match part {
                Early | Beginning => (1, 10),
                Mid => (11, 20),
                Late | End => (21, last.day()),
            };
            days(first.with_day(d1)?, first.with_day(d2)?)
        }
        DateValue::Day(d) => Some(DateValue::Day(*d)),
        DateValue::Interval(a, b) => match (&**a, &**b) {
            (DateValue::Day(first), DateValue::Day(last)) if (*last - *first).num_days() == 6 => {
                let (o1, o2) = match part {
                    Early | Beginning => (0, 2),
                    Mid => (1, 3),
                    Late | End => (4, 6),
                };
                days(add_days(*first, o1)?, add_days(*first, o2)?)
            }
            (DateValue::Year(first), DateValue::Year(last)) if last - first == 9 => {
                let (o1, o2) = match part {
                    Early | Beginning => (0, 3),
                    Mid => (3, 6),
                    Late | End => (6, 9),
                };
                DateValue::interval(year_value(first + o1)?, year_value(first + o2)?)
            }
            _ => None,
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nth {
    K(u32),
    Last,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SpanUnit {
    Day,
    Week,
    Month,
    Quarter,
    Half,
}

fn ordinal(c: &mut Cur) -> Option<Nth> {
    let nth = match c.peek()? {
        Kind::Num { value, ordinal: true, .. } => Nth::K(*value),
        Kind::Word(w) if w == "last" || w == "final" => Nth::Last,
        Kind::Word(w) => Nth::K(ORDINALS.iter().position(|s| s == w)? as u32 + 1),
        _ => return None,
    };
    c.bump();
    Some(nth)
}

fn span_unit(w: &str) -> Option<SpanUnit> {
    Some(match w {
        "day" | "days" => SpanUnit::Day,
        "week" | "weeks" => SpanUnit::Week,
        "month" | "months" => SpanUnit::Month,
        "quarter" | "quarters" => SpanUnit::Quarter,
        "half" | "halves" => SpanUnit::Half,
        _ => return None,
    })
}

/// "the first 7 months of 2024", "the first quarter", "the second half of the year", "the last
/// week of May", "the first 10 days of December", "Q3 2024", "H1".
fn parse_span(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let (nth, n, unit) = match c.word() {
        Some(code @ ("q" | "h")) => {
            c.bump();
            let k = match c.peek()? {
                Kind::Num { value, digits: 1, ordinal: false } => *value,
                _ => return None,
            };
            c.bump();
            (Nth::K(k), None, if code == "q" { SpanUnit::Quarter } else { SpanUnit::Half })
        }
        _ => {
            let nth = ordinal(c)?;
            let mut n = None;
            if matches!(nth, Nth::K(1) | Nth::Last) {
                let save = *c;
                n = count(c);
                if n.is_none() {
                    *c = save;
                }
            }
            let unit = span_unit(c.word()?)?;
            c.bump();
            (nth, n, unit)
        }
    };
    let base = if c.done() {
        // "the first quarter": of the anchor's year. "the first week" of what is unknown.
        match unit {
            SpanUnit::Month | SpanUnit::Quarter | SpanUnit::Half => year_value(ctx.anchor?.year())?,
            SpanUnit::Day | SpanUnit::Week => return None,
        }
    } else {
        let _ = c.eat("of") || c.eat("in");
        let base = parse_base(c.rest(), ctx)?;
        c.finish();
        base
    };
    select(&base, unit, nth, n)
}

fn select(base: &DateValue, unit: SpanUnit, nth: Nth, n: Option<u32>) -> Option<DateValue> {
    let n = n.map(u64::from);
    if n == Some(0) || nth == Nth::K(0) {
        return None;
    }
    let months = match unit {
        SpanUnit::Month => Some(1u64),
        SpanUnit::Quarter => Some(3),
        SpanUnit::Half => Some(6),
        _ => None,
    };
    if let (Some(size), DateValue::Year(y)) = (months, base) {
        let (m1, m2) = match (nth, n) {
            (Nth::K(1), Some(n)) => (1, n * size),
            (Nth::Last, Some(n)) => (13u64.checked_sub(n * size)?, 12),
            (Nth::K(k), None) => ((u64::from(k) - 1) * size + 1, u64::from(k) * size),
            (Nth::Last, None) => (13 - size, 12),
            _ => return None,
        };
        if !(1..=12).contains(&m1) || !(m1..=12).contains(&m2) {
            return None;
        }
        return month_range(*y, m1 as u32, m2 as u32);
    }
    let (first, last) = (base.first_day()?, base.last_day()?);
    if unit == SpanUnit::Half && matches!(base, DateValue::Month { .. }) {
        return match (nth, n) {
            (Nth::K(1), None) => days(first, first.with_day(15)?),
            (Nth::K(2) | Nth::Last, None) => days(first.with_day(16)?, last),
            _ => None,
        };
    }
    let len: i64 = match unit {
        SpanUnit::Day => 1,
        SpanUnit::Week => 7,
        _ => return None,
    };
    let total = |n: u64| i64::try_from(n).ok()?.checked_mul(len);
    let (start, end) = match (nth, n) {
        (Nth::K(1), Some(n)) => (first, add_days(first, total(n)? - 1)?),
        (Nth::Last, Some(n)) => (add_days(last, 1 - total(n)?)?, last),
        (Nth::K(k), None) => {
            let start = add_days(first, total(u64::from(k) - 1)?)?;
            (start, add_days(start, len - 1)?)
        }
        (Nth::Last, None) => (add_days(last, 1 - len)?, last),
        _ => return None,
    };
    let (start, end) = (start.max(first), end.min(last));
    if start > end {
        return None;
    }
    days(start, end)
}

/// "summer 2024", "the summer of 2024", "this winter", "last spring", "autumn".
fn parse_season(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let rel = eat_rel(c);
    let start_month = season_of(c.word()?)?;
    c.bump();
    let mut year = None;
    if !c.done() {
        c.eat_kind(&Kind::Comma);
        c.eat("of");
        year = Some(match year_num(c) {
            Some(y) => y,
            None => ctx.anchor?.year() + rel_year(c)?,
        });
        if rel != Rel::Plain {
            return None;
        }
    }
    let year = match year {
        Some(y) => y,
        None => season_year(start_month, rel, ctx)?,
    };
    season(year, start_month)
}

fn season(year: i32, start_month: u32) -> Option<DateValue> {
    let start = NaiveDate::from_ymd_opt(year, start_month, 1)?;
    let end = start.checked_add_months(Months::new(2))?;
    DateValue::interval(month_value(year, start_month)?, month_value(end.year(), end.month())?)
}

/// Which year's season a year-less season phrase means (see the module docs).
fn season_year(start_month: u32, rel: Rel, ctx: &DateContext) -> Option<i32> {
    let a = ctx.anchor?;
    // The season containing the anchor, or else the anchor year's.
    let this = if start_month == 12 && a.month() <= 2 { a.year() - 1 } else { a.year() };
    let bounds = |y: i32| {
        let s = season(y, start_month)?;
        Some((y, s.first_day()?, s.last_day()?))
    };
    let candidates: Vec<_> = (this - 1..=this + 1).filter_map(bounds).collect();
    let latest = |ok: &dyn Fn(NaiveDate, NaiveDate) -> bool| {
        candidates.iter().rev().find(|(_, f, l)| ok(*f, *l)).map(|(y, _, _)| *y)
    };
    let earliest = |ok: &dyn Fn(NaiveDate, NaiveDate) -> bool| {
        candidates.iter().find(|(_, f, l)| ok(*f, *l)).map(|(y, _, _)| *y)
    };
    match (rel, ctx.tense) {
        (Rel::Last, _) => latest(&|_, l| l < a),
        (Rel::Next, _) => earliest(&|f, _| f > a),
        (Rel::Plain, Tense::Past) => latest(&|f, _| f <= a),
        (Rel::Plain, Tense::Future) => earliest(&|_, l| l >= a),
        (Rel::This | Rel::Plain, _) => Some(this),
    }
}

/// "the 1990s".
fn parse_decade(c: &mut Cur) -> Option<DateValue> {
    match c.peek()? {
        Kind::Decade(y) => {
            c.bump();
            DateValue::interval(year_value(*y)?, year_value(y + 9)?)
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (all through chrono, all checked: no input may panic)
// ---------------------------------------------------------------------------------------------

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(months)
    } else {
        d.checked_sub_months(months)
    }
}

fn month_value(year: i32, month: u32) -> Option<DateValue> {
    NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(DateValue::Month { year, month })
}

fn year_value(year: i32) -> Option<DateValue> {
    NaiveDate::from_ymd_opt(year, 12, 31)?;
    NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some(DateValue::Year(year))
}

fn month_range(year: i32, m1: u32, m2: u32) -> Option<DateValue> {
    DateValue::interval(month_value(year, m1)?, month_value(year, m2)?)
}

fn days(first: NaiveDate, last: NaiveDate) -> Option<DateValue> {
    DateValue::interval(DateValue::Day(first), DateValue::Day(last))
}

fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -(d.weekday().num_days_from_monday() as i64))
}

/// The Monday..Sunday week holding `d`.
fn week_of(d: NaiveDate) -> Option<DateValue> {
    let monday = monday_of(d)?;
    days(monday, add_days(monday, 6)?)
}

/// The week `off` weeks from the anchor's.
fn week(a: NaiveDate, off: i64) -> Option<DateValue> {
    week_of(add_days(a, off.checked_mul(7)?)?)
}

fn month_off(a: NaiveDate, off: i64) -> Option<DateValue> {
    let d = add_months(a.with_day(1)?, off)?;
    month_value(d.year(), d.month())
}

fn quarter(a: NaiveDate, off: i64) -> Option<DateValue> {
    let first = NaiveDate::from_ymd_opt(a.year(), (a.month() - 1) / 3 * 3 + 1, 1)?;
    let start = add_months(first, off.checked_mul(3)?)?;
    let end = add_months(start, 2)?;
    DateValue::interval(
        month_value(start.year(), start.month())?,
        month_value(end.year(), end.month())?,
    )
}

fn weekend(a: NaiveDate, rel: Rel, tense: Tense) -> Option<DateValue> {
    let saturday = add_days(monday_of(a)?, 5)?;
    let weeks = match rel {
        Rel::This if tense == Tense::Past && a < saturday => -1,
        Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::Plain if tense == Tense::Future || a >= saturday => 0,
        Rel::Plain => -1,
    };
    let saturday = add_days(saturday, 7 * weeks)?;
    days(saturday, add_days(saturday, 1)?)
}

/// The year of a year-less month (see the module docs).
fn pick_year(month: u32, ctx: &DateContext) -> Option<i32> {
    let a = ctx.anchor?;
    let y = a.year();
    let months_from_anchor =
        |year: i32| (year as i64 - y as i64) * 12 + month as i64 - a.month() as i64;
    let here = months_from_anchor(y);
    Some(match ctx.tense {
        Tense::Past if here > 0 => y - 1,
        Tense::Future if here < 0 => y + 1,
        Tense::Unknown if here >= 10 && months_from_anchor(y - 1).abs() <= 2 => y - 1,
        Tense::Unknown if here <= -10 && months_from_anchor(y + 1).abs() <= 2 => y + 1,
        _ => y,
    })
}

fn cal_full(p: &Partial) -> Option<DateValue> {
    match (p.year?, p.month, p.day) {
        (y, Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(DateValue::Day),
        (y, Some(m), None) => month_value(y, m),
        (y, None, None) => year_value(y),
        _ => None,
    }
}

fn cal_value(p: Partial, ctx: &DateContext) -> Option<DateValue> {
    match (p.year, p.month, p.day) {
        (Some(_), _, _) => cal_full(&p),
        (None, Some(m), _) => cal_full(&Partial { year: Some(pick_year(m, ctx)?), ..p }),
        // "the 20th": a day of the anchor's month, or of the one before or after by tense.
        (None, None, Some(d)) if p.ordinal => {
            let a = ctx.anchor?;
            let off = match ctx.tense {
                Tense::Past if d > a.day() => -1,
                Tense::Future if d < a.day() => 1,
                _ => 0,
            };
            add_months(a.with_day(1)?, off)?.with_day(d).map(DateValue::Day)
        }
        _ => None,
    }
}

fn weekday_date(wd: Weekday, rel: Rel, ctx: &DateContext) -> Option<NaiveDate> {
    let a = ctx.anchor?;
    let (target, today) =
        (wd.num_days_from_monday() as i64, a.weekday().num_days_from_monday() as i64);
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let off = match (rel, ctx.tense) {
        (Rel::Last, _) if back == 0 => -7,
        (Rel::Last, _) => -back,
        (Rel::Next, _) if ahead == 0 => 7,
        (Rel::Next, _) => ahead,
        (Rel::Plain | Rel::This, Tense::Future) => ahead,
        (Rel::Plain | Rel::This, Tense::Past) | (Rel::Plain, Tense::Unknown) => -back,
        (Rel::This, Tense::Unknown) => target - today,
    };
    add_days(a, off)
}

// ---------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------

fn may_start_date(kind: &Kind) -> bool {
    match kind {
        Kind::Num { .. } | Kind::Numeric(_) => true,
        Kind::Word(w) => month_of(w).is_some() || weekday_of(w).is_some(),
        _ => false,
    }
}

fn keep(best: &mut Option<(u8, DateValue)>, trust: u8, v: DateValue) {
    if best.as_ref().is_none_or(|(t, _)| trust < *t) {
        *best = Some((trust, v));
    }
}

/// The end of a date label in a lower-cased line, and how far its date is trusted (0 best).
fn date_label(lower: &str) -> Option<(usize, u8)> {
    const LABELS: [(&str, u8); 6] = [
        ("published", 0),
        ("posted", 0),
        ("date:", 0),
        ("dated", 0),
        ("updated", 1),
        ("modified", 1),
    ];
    // Whole words only: "updated" contains "dated".
    LABELS.iter().find_map(|(label, trust)| {
        let at = lower
            .match_indices(label)
            .map(|(at, _)| at)
            .find(|&at| !lower[..at].ends_with(|c: char| c.is_ascii_alphabetic()))?;
        Some((at + label.len(), *trust))
    })
}

/// A date in a URL path: `/2024/08/20/`, `/2024-08-20`, `/20240820`, `/202412/`, `/2024/08/`.
fn url_date(word: &str) -> Option<DateValue> {
    let bytes = word.as_bytes();
    let num = |from: usize, to: usize| word.get(from..to)?.parse::<u32>().ok();
    let plausible = |y: u32| (1990..=2100).contains(&y);
    for (slash, _) in word.match_indices('/') {
        let s = slash + 1;
        let e = digit_run(bytes, s);
        let found = match e - s {
            8 => {
                let (y, m, d) = (num(s, s + 4)?, num(s + 4, s + 6)?, num(s + 6, s + 8)?);
                plausible(y)
                    .then(|| NaiveDate::from_ymd_opt(y as i32, m, d).map(DateValue::Day))
                    .flatten()
            }
            6 => {
                let (y, m) = (num(s, s + 4)?, num(s + 4, s + 6)?);
                plausible(y).then(|| month_value(y as i32, m)).flatten()
            }
            4 if plausible(num(s, e)?) && matches!(bytes.get(e), Some(b'/' | b'-' | b'_')) => {
                let y = num(s, e)? as i32;
                let me = digit_run(bytes, e + 1);
                let m = if (1..=2).contains(&(me - e - 1)) { num(e + 1, me) } else { None };
                let de = digit_run(bytes, me + 1);
                let d = (matches!(bytes.get(me), Some(b'/' | b'-' | b'_'))
                    && (1..=2).contains(&(de - me - 1)))
                .then(|| num(me + 1, de))
                .flatten();
                match (m, d) {
                    (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(DateValue::Day),
                    (Some(m), None) => month_value(y, m),
                    _ => None,
                }
            }
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A wire-service dateline: an upper-case place, a comma, a date, then the agency or a dash.
fn dateline(line: &str, year_hint: Option<i32>) -> Option<DateValue> {
    let line = line.trim_start();
    let comma = line.find(',')?;
    let place = &line[..comma];
    if place.len() > 40
        || !place.chars().any(char::is_alphabetic)
        || place.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
    {
        return None;
    }
    let rest = &line[comma + 1..];
    let end = [rest.find(['(', '–', '—', ':']), rest.find(" -")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    let toks = lex(&rest[..end]);
    let p = full(&toks, |c| parse_cal(c, &DateContext::default()))?;
    NaiveDate::from_ymd_opt(p.year.or(year_hint)?, p.month?, p.day?).map(DateValue::Day)
}

// ---------------------------------------------------------------------------------------------
// Tense cues
// ---------------------------------------------------------------------------------------------

/// Past-tense verbs that often carry a meeting's or signing's date.
const PAST_VERBS: &[&str] = &[
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
const REPORTING_VERBS: &[&str] = &[
    "said", "stated", "noted", "added", "reported", "announced", "says", "according", "told", "tells", "wrote",
    "writes", "quoted", "cited",
];
/// "-ed" words that are not verbs of the clause.
const NOT_PAST: &[&str] = &[
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
const ADVERBS: &[&str] = &[
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
const NOT_PAST_AUX: &[&str] = &[
    "will", "shall", "ll", "would", "could", "may", "might", "can", "should", "must", "be", "to",
    "is", "are", "am", "being",
];
const BE: &[&str] = &["is", "are", "am", "was", "were", "be", "been", "being"];
/// After "was"/"were", these make a future-in-the-past: "was due to", "were scheduled to".
const PLANNED: &[&str] =
    &["due", "scheduled", "expected", "set", "slated", "going", "planned", "supposed", "to"];

/// The nearest word before `k` that is not an adverb ("" if none within reach).
fn prev_word<'w>(words: &[&'w str], k: usize) -> &'w str {
    (k.saturating_sub(4)..k).rev().map(|j| words[j]).find(|w| !ADVERBS.contains(w)).unwrap_or("")
}

/// The tense that word `k` signals, and whether the signal is strong.
fn cue(words: &[&str], lower_initial: &[bool], k: usize) -> Option<(Tense, bool)> {
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
        "may" | "might" if lower_initial.get(k).copied().unwrap_or(false) && next != "have" => return future,
        "due" if BE.contains(&prev) => return future,
        "expected" | "set"
            if next == "to" || BE.contains(&prev) && matches!(next, "for" | "on" | "in") =>
        {
            return future;
        }
        "plans" | "plan" | "planning" | "intends" | "intend" | "aims" | "hopes" | "going" | "poised" | "likely"
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
        let have = (k.saturating_sub(4)..k).rev().find(|&j| !ADVERBS.contains(&words[j]));
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

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod iso_tests {
    use super::*;

    #[test]
    fn iso_values_read_back() {
        for text in ["2024-08-20", "2024-08", "2024", "2024-04-11/2024-04-12", "2024-01/2024-07", "0999"] {
            assert_eq!(DateValue::from_iso(text).map(|v| v.iso()).as_deref(), Some(text));
        }
        for bad in ["", "2024-13", "2024-02-30", "24-01-01", "a/b", "2024/2025/2026", "2024-1-1"] {
            assert!(DateValue::from_iso(bad).is_none(), "{bad}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Friday 20 December 2024, the publication date of the seed article.
    fn anchor() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 12, 20).unwrap()
    }

    fn at(mention: &str, tense: Tense) -> Option<String> {
        resolve(mention, &DateContext::new(Some(anchor()), tense)).map(|v| v.iso())
    }

    fn r(mention: &str) -> Option<String> {
        at(mention, Tense::Unknown)
    }

    fn check(cases: &[(&str, &str)]) {
        for (mention, want) in cases {
            assert_eq!(r(mention).as_deref(), Some(*want), "{mention:?}");
        }
    }

    #[test]
    fn an_ordinal_that_numbers_a_thing_is_no_day() {
        for (mention, after) in [
            ("the 28th", " and 29th ASEAN summits in Vientiane"),
            ("the 60th", " anniversary of relations"),
            ("the 15th", " Extraordinary Session of the Assembly"),
            ("31st", " SCO summit"),
        ] {
            assert!(numbers_a_thing(mention, after), "{mention}{after}");
        }
        for (mention, after) in [
            ("the 28th", ", the ministers met"),
            ("the 28th", " in Vientiane"),
            ("the 28th", " President Xi arrived"),
            ("the 28th", ""),
            ("June 28th", " summit"),
            ("28", " summits"),
        ] {
            assert!(!numbers_a_thing(mention, after), "{mention}{after}");
        }
    }

    fn none(mentions: &[&str]) {
        for mention in mentions {
            assert_eq!(r(mention), None, "{mention:?}");
        }
    }

    #[test]
    fn anchor_is_a_friday() {
        assert_eq!(anchor().weekday(), Weekday::Fri);
    }

    #[test]
    fn full_dates_in_every_common_form() {
        let cases = [
            ("August 20, 2024", "2024-08-20"),
            ("20 August 2024", "2024-08-20"),
            ("Aug. 20, 2024", "2024-08-20"),
            ("2024-08-20", "2024-08-20"),
            ("2024/08/20", "2024-08-20"),
            ("12.20.2024", "2024-12-20"),
            ("20/08/2024", "2024-08-20"),
            ("20.08.2024", "2024-08-20"),
            ("Dec 20, 2024", "2024-12-20"),
            ("Dec 20, 2024 11:19 PM", "2024-12-20"),
            ("2019-02-22T07:51:00Z", "2019-02-22"),
            ("August 20th, 2024", "2024-08-20"),
            ("the 20th of August, 2024", "2024-08-20"),
            ("Thursday, December 19, 2024", "2024-12-19"),
            ("Thu., Dec. 19, 2024", "2024-12-19"),
            ("Sept. 3, 2024", "2024-09-03"),
            ("SEPTEMBER 3 2024", "2024-09-03"),
            ("Feb 06, 2025", "2025-02-06"),
            ("on 29 February 2024", "2024-02-29"),
        ];
        for (mention, want) in cases {
            assert_eq!(
                parse_explicit(mention).map(|v| v.iso()).as_deref(),
                Some(want),
                "{mention:?}"
            );
            assert_eq!(r(mention).as_deref(), Some(want), "{mention:?}");
        }
    }

    #[test]
    fn ambiguous_numeric_dates_read_day_first() {
        assert_eq!(parse_explicit("05/06/2024").unwrap().iso(), "2024-06-05");
        assert_eq!(parse_explicit("20/08/24").unwrap().iso(), "2024-08-20");
    }

    #[test]
    fn impossible_dates_are_none() {
        for text in
            ["29 February 2023", "31/04/2024", "2024-13-01", "April 31, 2024", "32 May 2024"]
        {
            assert_eq!(parse_explicit(text), None, "{text:?}");
        }
    }

    #[test]
    fn explicit_parsing_needs_no_anchor_but_partial_dates_do() {
        assert_eq!(parse_explicit("May 2023").unwrap().iso(), "2023-05");
        assert_eq!(parse_explicit("2024").unwrap().iso(), "2024");
        assert_eq!(parse_explicit("April 11-12, 2024").unwrap().iso(), "2024-04-11/2024-04-12");
        for text in ["August 20", "Thursday", "this year", "last week", "May", "12", ""] {
            assert_eq!(parse_explicit(text), None, "{text:?}");
        }
    }

    #[test]
    fn partial_dates_take_the_anchor_year() {
        check(&[
            ("August 20", "2024-08-20"),
            ("Dec. 19", "2024-12-19"),
            ("on May 23", "2024-05-23"),
            ("20th August", "2024-08-20"),
            ("the 20th of August", "2024-08-20"),
        ]);
    }

    #[test]
    fn year_less_dates_follow_the_tense_across_new_year() {
        assert_eq!(at("January 5", Tense::Future).as_deref(), Some("2025-01-05"));
        assert_eq!(at("December 19", Tense::Future).as_deref(), Some("2024-12-19"));
        assert_eq!(at("January 5", Tense::Past).as_deref(), Some("2024-01-05"));
        // Unknown tense: January is a month away next year, eleven months back this year.
        assert_eq!(r("January").as_deref(), Some("2025-01"));
        let jan = DateContext::new(NaiveDate::from_ymd_opt(2025, 1, 3), Tense::Past);
        assert_eq!(resolve("Dec 30", &jan).unwrap().iso(), "2024-12-30");
        assert_eq!(resolve("in May", &jan).unwrap().iso(), "2024-05");
        let jan = DateContext::new(NaiveDate::from_ymd_opt(2025, 1, 3), Tense::Unknown);
        assert_eq!(resolve("December 28", &jan).unwrap().iso(), "2024-12-28");
    }

    #[test]
    fn weekdays_follow_the_tense() {
        assert_eq!(at("on Thursday", Tense::Past).as_deref(), Some("2024-12-19"));
        assert_eq!(at("Monday", Tense::Future).as_deref(), Some("2024-12-23"));
        assert_eq!(at("on Monday", Tense::Past).as_deref(), Some("2024-12-16"));
        assert_eq!(at("Friday", Tense::Future).as_deref(), Some("2024-12-20"));
        assert_eq!(at("Friday", Tense::Past).as_deref(), Some("2024-12-20"));
        // Unknown tense: the most recent one within the week, the anchor day included.
        check(&[
            ("Thursday", "2024-12-19"),
            ("Friday", "2024-12-20"),
            ("Saturday", "2024-12-14"),
            ("on Tuesday morning", "2024-12-17"),
            ("Thursday's", "2024-12-19"),
            ("THURSDAY", "2024-12-19"),
            ("Thurs.", "2024-12-19"),
        ]);
    }

    #[test]
    fn qualified_weekdays() {
        check(&[
            ("last Thursday", "2024-12-19"),
            ("last Friday", "2024-12-13"),
            ("next Monday", "2024-12-23"),
            ("next Friday", "2024-12-27"),
            ("this Monday", "2024-12-16"),
            ("this coming Monday", "2024-12-23"),
            ("this past Monday", "2024-12-16"),
            ("Thursday last week", "2024-12-12"),
            ("Monday next week", "2024-12-23"),
            ("Monday of next week", "2024-12-23"),
        ]);
        assert_eq!(at("this Monday", Tense::Future).as_deref(), Some("2024-12-23"));
    }

    #[test]
    fn ranges() {
        check(&[
            ("From April 11 to 12", "2024-04-11/2024-04-12"),
            ("April 11 to 12", "2024-04-11/2024-04-12"),
            ("April 11-12, 2024", "2024-04-11/2024-04-12"),
            ("April 11 – 12, 2024", "2024-04-11/2024-04-12"),
            ("11-12 April 2024", "2024-04-11/2024-04-12"),
            ("October 24 to 26", "2024-10-24/2024-10-26"),
            ("March 26-29", "2024-03-26/2024-03-29"),
            ("between 2 and 4 May", "2024-05-02/2024-05-04"),
            ("from August 18 to 20", "2024-08-18/2024-08-20"),
            ("Dec 30, 2024 to Jan 2, 2025", "2024-12-30/2025-01-02"),
            ("Dec 30 to Jan 2, 2025", "2024-12-30/2025-01-02"),
            ("April 28 to May 2", "2024-04-28/2024-05-02"),
            ("28 April - 2 May 2023", "2023-04-28/2023-05-02"),
            ("May to July 2024", "2024-05/2024-07"),
            ("2023-2024", "2023/2024"),
            ("2023-24", "2023/2024"),
            ("from 2020 to 2024", "2020/2024"),
            ("late May to early June", "2024-05-21/2024-06-10"),
            ("mid-July to mid-August", "2024-07-11/2024-08-20"),
        ]);
        assert_eq!(at("Dec 30 to Jan 2", Tense::Future).as_deref(), Some("2024-12-30/2025-01-02"));
        assert_eq!(
            at("Monday to Wednesday", Tense::Future).as_deref(),
            Some("2024-12-23/2024-12-25")
        );
        assert_eq!(at("Friday to Sunday", Tense::Future).as_deref(), Some("2024-12-20/2024-12-22"));
        none(&["April 12 to 11, 2024", "2 and 4 May", "12 to 14"]);
    }

    #[test]
    fn months() {
        check(&[
            ("in May", "2024-05"),
            ("May 2023", "2023-05"),
            ("May, 2023", "2023-05"),
            ("December", "2024-12"),
            ("Sept.", "2024-09"),
            ("last May", "2024-05"),
            ("next May", "2025-05"),
            ("this May", "2024-05"),
            ("May last year", "2023-05"),
            ("May 20 last year", "2023-05-20"),
            ("December 2023", "2023-12"),
        ]);
    }

    #[test]
    fn parts_of_months_and_years() {
        check(&[
            ("late May", "2024-05-21/2024-05-31"),
            ("in late May", "2024-05-21/2024-05-31"),
            ("early June", "2024-06-01/2024-06-10"),
            ("mid-July", "2024-07-11/2024-07-20"),
            ("mid July", "2024-07-11/2024-07-20"),
            ("the middle of July", "2024-07-11/2024-07-20"),
            ("the end of May", "2024-05-21/2024-05-31"),
            ("at the end of the month", "2024-12-21/2024-12-31"),
            ("the beginning of May", "2024-05-01/2024-05-10"),
            ("late February 2024", "2024-02-21/2024-02-29"),
            ("the end of February 2023", "2023-02-21/2023-02-28"),
            ("early 2024", "2024-01/2024-04"),
            ("mid-2024", "2024-05/2024-08"),
            ("late last year", "2023-09/2023-12"),
            ("the beginning of this year", "2024-01"),
            ("since the beginning of the year", "2024-01"),
            ("the end of the year", "2024-12"),
            ("by the end of next year", "2025-12"),
            ("year-end", "2024-12"),
            ("early next week", "2024-12-23/2024-12-25"),
            ("late this week", "2024-12-20/2024-12-22"),
            ("late Thursday", "2024-12-19"),
            ("the early 1990s", "1990/1993"),
        ]);
    }

    #[test]
    fn spans_quarters_halves_and_seasons() {
        check(&[
            ("the first 7 months of 2024", "2024-01/2024-07"),
            ("the first seven months of this year", "2024-01/2024-07"),
            ("the first seven months", "2024-01/2024-07"),
            ("the last three months of 2023", "2023-10/2023-12"),
            ("the first 10 days of December", "2024-12-01/2024-12-10"),
            ("the last week of May", "2024-05-25/2024-05-31"),
            ("the second week of May", "2024-05-08/2024-05-14"),
            ("the first day of May", "2024-05-01"),
            ("the first half of May", "2024-05-01/2024-05-15"),
            ("the second half of May", "2024-05-16/2024-05-31"),
            ("the first quarter of 2024", "2024-01/2024-03"),
            ("the 4th quarter of last year", "2023-10/2023-12"),
            ("the third quarter", "2024-07/2024-09"),
            ("Q3 2024", "2024-07/2024-09"),
            ("Q1", "2024-01/2024-03"),
            ("H2 2023", "2023-07/2023-12"),
            ("the second half of the year", "2024-07/2024-12"),
            ("the first half of 2025", "2025-01/2025-06"),
            ("this quarter", "2024-10/2024-12"),
            ("last quarter", "2024-07/2024-09"),
            ("summer 2024", "2024-06/2024-08"),
            ("the summer of 2023", "2023-06/2023-08"),
            ("this summer", "2024-06/2024-08"),
            ("last winter", "2023-12/2024-02"),
            ("this winter", "2024-12/2025-02"),
            ("next spring", "2025-03/2025-05"),
            ("autumn", "2024-09/2024-11"),
            ("the 1990s", "1990/1999"),
        ]);
        assert_eq!(at("spring", Tense::Future).as_deref(), Some("2025-03/2025-05"));
        none(&["the first week", "the fifth quarter of 2024", "the first 13 months of 2024", "Q5"]);
    }

    #[test]
    fn years() {
        check(&[
            ("2024", "2024"),
            ("in 2024", "2024"),
            ("2024's", "2024"),
            ("the year 2024", "2024"),
            ("this year", "2024"),
            ("last year", "2023"),
            ("next year", "2025"),
            ("the current year", "2024"),
        ]);
    }

    #[test]
    fn relative_days_and_weeks() {
        check(&[
            ("today", "2024-12-20"),
            ("tonight", "2024-12-20"),
            ("this morning", "2024-12-20"),
            ("yesterday", "2024-12-19"),
            ("yesterday afternoon", "2024-12-19"),
            ("last night", "2024-12-19"),
            ("tomorrow", "2024-12-21"),
            ("the day before yesterday", "2024-12-18"),
            ("the day after tomorrow", "2024-12-22"),
            ("last week", "2024-12-09/2024-12-15"),
            ("this week", "2024-12-16/2024-12-22"),
            ("next week", "2024-12-23/2024-12-29"),
            ("this past week", "2024-12-09/2024-12-15"),
            ("two weeks ago", "2024-12-02/2024-12-08"),
            ("a week ago", "2024-12-09/2024-12-15"),
            ("three days ago", "2024-12-17"),
            ("3 days ago", "2024-12-17"),
            ("twenty-one days ago", "2024-11-29"),
            ("a couple of days ago", "2024-12-18"),
            ("three days from now", "2024-12-23"),
            ("in two weeks", "2024-12-30/2025-01-05"),
            ("in three days", "2024-12-23"),
            ("earlier this month", "2024-12-01/2024-12-20"),
            ("earlier this year", "2024-01-01/2024-12-20"),
            ("earlier this week", "2024-12-16/2024-12-20"),
            ("later this month", "2024-12-20/2024-12-31"),
            ("later today", "2024-12-20"),
            ("last month", "2024-11"),
            ("this month", "2024-12"),
            ("next month", "2025-01"),
            ("two months ago", "2024-10"),
            ("a year ago", "2023"),
            ("two years ago", "2022"),
            ("last weekend", "2024-12-14/2024-12-15"),
            ("this weekend", "2024-12-21/2024-12-22"),
            ("next weekend", "2024-12-28/2024-12-29"),
            ("the weekend", "2024-12-14/2024-12-15"),
            ("LAST WEEK", "2024-12-09/2024-12-15"),
        ]);
        assert_eq!(at("over the weekend", Tense::Future).as_deref(), Some("2024-12-21/2024-12-22"));
    }

    #[test]
    fn ordinal_days_and_holidays() {
        assert_eq!(at("on the 18th", Tense::Past).as_deref(), Some("2024-12-18"));
        assert_eq!(at("the 22nd", Tense::Past).as_deref(), Some("2024-11-22"));
        assert_eq!(at("on the 5th", Tense::Future).as_deref(), Some("2025-01-05"));
        check(&[("Christmas", "2024-12-25"), ("Christmas Eve", "2024-12-24")]);
        assert_eq!(at("New Year's Day", Tense::Future).as_deref(), Some("2025-01-01"));
        none(&["12", "on the 12"]);
    }

    #[test]
    fn durations_and_vague_phrases_are_none() {
        none(&[
            "the past 10 years",
            "10 years",
            "two days",
            "the last week",
            "the past week",
            "the past month",
            "over the past 10 years",
            "the next two weeks",
            "recently",
            "the previous week",
            "the following week",
            "two days later",
            "a few days ago",
            "several years",
            "days",
            "now",
            "the 80th anniversary",
            "",
            "   ",
            "-",
        ]);
    }

    #[test]
    fn relative_phrases_need_an_anchor() {
        let ctx = DateContext::new(None, Tense::Past);
        for mention in [
            "Thursday",
            "August 20",
            "this year",
            "last week",
            "late May",
            "today",
            "the first quarter",
        ] {
            assert_eq!(resolve(mention, &ctx), None, "{mention:?}");
        }
        assert_eq!(resolve("late May 2023", &ctx).unwrap().iso(), "2023-05-21/2023-05-31");
        assert_eq!(resolve("the first 7 months of 2024", &ctx).unwrap().iso(), "2024-01/2024-07");
    }

    #[test]
    fn value_helpers() {
        let month = DateValue::Month { year: 2024, month: 2 };
        assert_eq!(month.first_day(), NaiveDate::from_ymd_opt(2024, 2, 1));
        assert_eq!(month.last_day(), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(DateValue::Year(2023).last_day(), NaiveDate::from_ymd_opt(2023, 12, 31));
        let span = DateValue::interval(month.clone(), DateValue::Year(2025)).unwrap();
        assert_eq!(span.iso(), "2024-02-01/2025-12-31");
        assert_eq!(DateValue::interval(month.clone(), month.clone()), Some(month.clone()));
        assert_eq!(DateValue::interval(DateValue::Year(2025), month), None);
        assert_eq!(serde_json::to_string(&DateValue::Year(2024)).unwrap(), "\"2024\"");
        assert_eq!(DateValue::Month { year: 13, month: 12 }.iso(), "0013-12");
    }

    fn tense_of(sentence: &str, mention: &str) -> Tense {
        let start = sentence.find(mention).expect("mention in sentence");
        clause_tense(sentence, ByteSpan::new(start, start + mention.len()))
    }

    #[test]
    fn clause_tense_reads_the_verb_nearest_the_mention() {
        use Tense::*;
        let cases = [
            (
                "To Lam met with Chinese Defense Minister Dong Jun in Hanoi on Thursday.",
                "Thursday",
                Past,
            ),
            ("The two ministers will meet on Monday in Beijing.", "Monday", Future),
            ("They'll meet on Monday.", "Monday", Future),
            ("The president is due to visit Hanoi on Monday.", "Monday", Future),
            ("The summit is scheduled for next week.", "next week", Future),
            ("The talks are scheduled for Monday.", "Monday", Future),
            ("Li Shangfu said on Tuesday when meeting his counterpart.", "Tuesday", Past),
            ("The ministry said the leaders will sign the deal on Friday.", "Friday", Future),
            ("The meeting will be held on Monday.", "Monday", Future),
            ("The agreement, signed on Friday, will take effect in January.", "Friday", Past),
            ("The agreement, signed on Friday, will take effect in January.", "January", Future),
            ("On Thursday, the two sides signed a memorandum.", "Thursday", Past),
            ("Xi meets Lam on Thursday", "Thursday", Unknown),
            ("She told him in a call on Monday that trade would grow.", "Monday", Past),
            ("He said on Tuesday that the two leaders will meet.", "Tuesday", Past),
            ("Talks are expected to take place next month.", "next month", Future),
            (
                "The pact is to be signed in Bali on Tuesday, the minister said on Monday.",
                "Tuesday",
                Future,
            ),
            (
                "The pact is to be signed in Bali on Tuesday, the minister said on Monday.",
                "Monday",
                Past,
            ),
            ("Talks that had been scheduled for Wednesday were called off.", "Wednesday", Future),
            ("The delegation arrived on Sunday.", "Sunday", Past),
            ("The forum was organized on Sunday.", "Sunday", Past),
            (
                "Ding, who paid a visit to Vietnam on March 26-29, pledged support.",
                "March 26-29",
                Past,
            ),
            // A verb before the date governs it; a reporting clause after it does not.
            ("Ann Lee will host Bo Park in Bali on Tuesday, he told reporters in Jakarta.", "Tuesday", Future),
            ("Lee is due to host the minister in Warsaw on July 17, the ministry said.", "July 17", Future),
            ("He is scheduled to call on Ishiba on Thursday afternoon before returning home.", "Thursday", Future),
            // A perfect infinitive after "was to" is a plan; the main clause's verb is not read.
            (
                "A meeting that was to have brought Ann and Bo together in Paris on Friday was scrapped on Wednesday.",
                "Friday",
                Future,
            ),
            (
                "A meeting that was to have brought Ann and Bo together in Paris on Friday was scrapped on Wednesday.",
                "Wednesday",
                Past,
            ),
            // Another time phrase is no tense: "concluded ... quotas for next year in Torshavn on
            // Wednesday".
            ("They concluded an agreement on quotas for next year in Torshavn on Wednesday.", "Wednesday", Past),
            ("Ann, who met Bo last year, will visit Lima on Friday.", "Friday", Future),
            ("The prime minister may travel to Beijing in April for talks.", "April", Future),
            ("She may have met him in April.", "April", Past),
            // A time clause under a future.
            ("They are poised to sign the pact when Ann visits Lima on Thursday.", "Thursday", Future),
            ("They signed the pact when Ann visited Lima on Thursday.", "Thursday", Past),
            // A clause of its own after ", and" or a dash.
            ("Ann met Bo last year, and on Friday they will sign the pact.", "Friday", Future),
            ("Ann met Bo last year \u{2014} on Friday they will sign the pact.", "Friday", Future),
            ("HANOI, Dec 19 (Reuters) -- The leaders will meet on Friday.", "Dec 19", Unknown),
            ("Talks on April 11-12 were held in Hanoi.", "April 11-12", Past),
            ("Ann told reporters on Monday that ties were strong.", "Monday", Past),
        ];
        for (sentence, mention, want) in cases {
            assert_eq!(tense_of(sentence, mention), want, "{mention:?} in {sentence:?}");
        }
    }

    #[test]
    fn record_values_follow_the_record_conventions() {
        let a = NaiveDate::from_ymd_opt(2025, 7, 10); // a Thursday
        let ctx = DateContext::new(a, Tense::Unknown);
        let rec = |text: &str| resolve(text, &ctx).map(|v| record_value(text, v, a).iso());
        assert_eq!(rec("late May").as_deref(), Some("2025-05"));
        assert_eq!(rec("mid-June").as_deref(), Some("2025-06"));
        assert_eq!(rec("earlier this month").as_deref(), Some("2025-07"));
        assert_eq!(rec("later this month").as_deref(), Some("2025-07"));
        assert_eq!(rec("earlier this week").as_deref(), Some("2025-07-07/2025-07-13"));
        assert_eq!(rec("later this week").as_deref(), Some("2025-07-07/2025-07-13"));
        assert_eq!(rec("earlier this year").as_deref(), Some("2025"));
        assert_eq!(rec("later this year").as_deref(), Some("2025"));
        assert_eq!(rec("early next year").as_deref(), Some("2026"));
        assert_eq!(rec("two weeks ago").as_deref(), Some("2025-06-26"));
        assert_eq!(rec("a week ago").as_deref(), Some("2025-07-03"));
        // Everything else is the dates stage's value.
        assert_eq!(rec("last week").as_deref(), Some("2025-06-30/2025-07-06"));
        assert_eq!(rec("next month").as_deref(), Some("2025-08"));
        assert_eq!(rec("April 11 to 12").as_deref(), Some("2025-04-11/2025-04-12"));
        assert_eq!(rec("Tuesday").as_deref(), Some("2025-07-08"));
        assert_eq!(rec("the first seven months of 2024").as_deref(), Some("2024-01/2024-07"));
        // Without an anchor, "ago" stays what it was.
        let v = DateValue::Year(2024);
        assert_eq!(record_value("two weeks ago", v.clone(), None), v);
    }

    #[test]
    fn clause_tense_survives_bad_spans() {
        let s = "Hà Nội hosted talks on Thursday";
        assert_eq!(clause_tense(s, ByteSpan { start: 2, end: 1 }), Tense::Past);
        assert_eq!(clause_tense(s, ByteSpan { start: 500, end: 900 }), Tense::Past);
        assert_eq!(clause_tense("", ByteSpan { start: 3, end: 4 }), Tense::Unknown);
    }

    #[test]
    fn context_for_a_mention_uses_the_clause() {
        let sentence = "The leaders will meet on Monday.";
        let start = sentence.find("Monday").unwrap();
        let ctx =
            DateContext::for_mention(Some(anchor()), sentence, ByteSpan::new(start, start + 6));
        assert_eq!(resolve("Monday", &ctx).unwrap().iso(), "2024-12-23");
    }

    #[test]
    fn published_dates_from_headers() {
        let header =
            "CHINA / DIPLOMACY\nVietnam's party general secretary meets Chinese defense minister\n\
                      Published: Dec 20, 2024 11:19 PM\nChina Vietnam Photo: VCG";
        assert_eq!(find_published(header, None).unwrap().iso(), "2024-12-20");
        let header = "North Korea calls off talks\nUpdated: 2019-02-22 07:51\nSEOUL, May 16 (Reuters) - North";
        assert_eq!(find_published(header, None).unwrap().iso(), "2019-02-22");
        assert_eq!(
            find_published("HANOI, Dec. 19 (Reuters) - Vietnam", Some(2024)).unwrap().iso(),
            "2024-12-19"
        );
        assert_eq!(find_published("HANOI, Dec. 19 (Reuters) - Vietnam", None), None);
        assert_eq!(
            find_published("ISLAMABAD, March 27 (APP): Deputy Prime Minister", Some(2023))
                .unwrap()
                .iso(),
            "2023-03-27"
        );
        assert_eq!(
            find_published("JAKARTA, Sept 22, 2025 (Reuters) -", None).unwrap().iso(),
            "2025-09-22"
        );
        assert_eq!(
            find_published("See https://www.example.com/news/2024/08/20/story.html", None)
                .unwrap()
                .iso(),
            "2024-08-20"
        );
        assert_eq!(
            find_published("http://en.example.vn/20240820-talks", None).unwrap().iso(),
            "2024-08-20"
        );
        assert_eq!(
            find_published("http://en.example.vn/202412/some-story.html", None).unwrap().iso(),
            "2024-12"
        );
        // "Published" outranks "Updated", wherever they stand.
        let header = "Updated: Dec 21, 2024\nPublished: Dec 20, 2024";
        assert_eq!(find_published(header, None).unwrap().iso(), "2024-12-20");
        assert_eq!(find_published("Vietnam's party general secretary meets", Some(2024)), None);
    }

    #[test]
    fn explicit_dates_in_text_with_spans() {
        let text =
            "Published: Dec 20, 2024 11:19 PM. On August 20, 2024, and 20/08/2024 but not May 23.";
        let found = find_explicit(text);
        let spans: Vec<&str> = found.iter().map(|(s, _)| s.slice(text)).collect();
        assert_eq!(spans, ["Dec 20, 2024", "August 20, 2024", "20/08/2024"]);
        assert_eq!(found[1].1.iso(), "2024-08-20");
        let at = text.find("May 23").unwrap();
        assert_eq!(nearest_explicit(&found, at), NaiveDate::from_ymd_opt(2024, 8, 20));
        assert_eq!(nearest_explicit(&[], at), None);
    }

    fn anchors() -> impl Strategy<Value = Option<NaiveDate>> {
        prop_oneof![
            Just(None),
            Just(Some(NaiveDate::MIN)),
            Just(Some(NaiveDate::MAX)),
            (1900i32..2100, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        ]
    }

    fn tenses() -> impl Strategy<Value = Tense> {
        prop_oneof![Just(Tense::Past), Just(Tense::Future), Just(Tense::Unknown)]
    }

    /// Date-shaped token soup, to reach deep into the parser.
    fn date_soup() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("May".to_string()),
            Just("Dec.".to_string()),
            Just("Thursday".to_string()),
            Just("to".to_string()),
            Just("-".to_string()),
            Just("and".to_string()),
            Just("between".to_string()),
            Just("the".to_string()),
            Just("of".to_string()),
            Just("first".to_string()),
            Just("last".to_string()),
            Just("next".to_string()),
            Just("this".to_string()),
            Just("late".to_string()),
            Just("mid-".to_string()),
            Just("end".to_string()),
            Just("week".to_string()),
            Just("weeks".to_string()),
            Just("months".to_string()),
            Just("year".to_string()),
            Just("quarter".to_string()),
            Just("half".to_string()),
            Just("ago".to_string()),
            Just("in".to_string()),
            Just("winter".to_string()),
            Just("Q".to_string()),
            Just("twenty-".to_string()),
            Just("1990s".to_string()),
            Just(",".to_string()),
            "[0-9]{1,10}".prop_map(|s| s),
            "[0-9]{1,4}[-/.][0-9]{1,4}[-/.][0-9]{1,4}".prop_map(|s| s),
            "[0-9]{1,3}(st|th|:00)".prop_map(|s| s),
        ];
        prop::collection::vec(word, 0..12).prop_map(|w| w.join(" "))
    }

    fn well_formed(v: &DateValue) -> bool {
        match (v.first_day(), v.last_day()) {
            (Some(f), Some(l)) => f <= l && !v.iso().is_empty(),
            _ => true,
        }
    }

    proptest! {
        #[test]
        fn nothing_panics_on_any_text(s in "\\PC{0,60}", start in 0usize..80, end in 0usize..80,
                                      anchor in anchors(), tense in tenses()) {
            let ctx = DateContext::new(anchor, tense);
            if let Some(v) = resolve(&s, &ctx) {
                prop_assert!(well_formed(&v));
            }
            let _ = parse_explicit(&s);
            let _ = clause_tense(&s, ByteSpan { start, end });
            let _ = find_published(&s, Some(2024));
            let _ = find_explicit(&s);
        }

        #[test]
        fn nothing_panics_on_date_shaped_text(s in date_soup(), anchor in anchors(), tense in tenses()) {
            let ctx = DateContext::new(anchor, tense);
            if let Some(v) = resolve(&s, &ctx) {
                prop_assert!(well_formed(&v), "{s:?} -> {v:?}");
            }
            let _ = parse_explicit(&s);
            let _ = clause_tense(&s, ByteSpan { start: 0, end: s.len() / 2 });
            let _ = find_published(&s, None);
            let _ = find_explicit(&s);
        }
    }
}
