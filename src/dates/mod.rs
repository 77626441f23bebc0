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

mod grammar;
mod lex;
mod tense;
#[cfg(test)]
mod tests;
mod value;

use chrono::{Datelike, NaiveDate};

use crate::text::ByteSpan;
use grammar::*;
use lex::*;
pub use tense::clause_tense;
pub use value::DateValue;

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
        DateContext {
            anchor,
            tense: clause_tense(sentence, mention),
        }
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
    let explicit = if published.is_none() {
        find_explicit(&doc.text)
    } else {
        Vec::new()
    };
    let mut found = Vec::new();
    for entity in doc
        .entities
        .iter()
        .filter(|e| e.label == crate::doc::EntityLabel::Date)
    {
        let anchor = published.or_else(|| nearest_explicit(&explicit, entity.span.start));
        let sentence = doc.sentence_at(entity.span.start).unwrap_or(entity.span);
        let relative = ByteSpan::new(
            entity.span.start - sentence.start,
            entity.span.end.min(sentence.end) - sentence.start,
        );
        let ctx = DateContext::for_mention(anchor, sentence.slice(&doc.text), relative);
        let mention = entity.span.slice(&doc.text);
        let after = doc
            .text
            .get(entity.span.end..sentence.end.max(entity.span.end))
            .unwrap_or("");
        let value = if numbers_a_thing(mention, after) {
            None
        } else {
            resolve(mention, &ctx)
        };
        found.push(DateMention {
            span: entity.span,
            value,
        });
    }
    doc.dates = found;
}

/// Whether a bare ordinal ("the 28th", "29th") numbers what follows it rather than naming a
/// day: "the 28th and 29th ASEAN summits", "the 60th anniversary", "the 15th Session".
fn numbers_a_thing(mention: &str, after: &str) -> bool {
    static NOUNS: std::sync::LazyLock<Vec<&str>> =
        crate::wordlist::words!("dates/numbered_nouns.txt");
    let bare = mention.trim();
    let bare = bare
        .strip_prefix("the ")
        .or_else(|| bare.strip_prefix("The "))
        .unwrap_or(bare);
    let digits = bare.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &bare[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if !matches!(
        suffix.to_ascii_lowercase().as_str(),
        "st" | "nd" | "rd" | "th"
    ) {
        return false;
    }
    let mut words = after.split_whitespace();
    let Some(mut next) = words.next() else {
        return false;
    };
    // "the 28th and 29th ASEAN summits": the second ordinal, then the noun.
    if matches!(next, "and" | "or" | "to") {
        match words.next() {
            Some(w)
                if w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
            {
                match words.next() {
                    Some(w) => next = w,
                    None => return false,
                }
            }
            _ => return false,
        }
    }
    let clean = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
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

/// Whether the text just before a date mention makes it a bound of a period, not an event's
/// day: "since 2019", "by 2030", "until March", "a strategy till the year 2025".
pub fn bounded_by(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut last = words.next();
    if last.is_some_and(|w| w.eq_ignore_ascii_case("year")) {
        last = words
            .next()
            .filter(|w| w.eq_ignore_ascii_case("the"))
            .and_then(|_| words.next());
    }
    last.is_some_and(|w| {
        ["since", "by", "until", "till", "within", "for"]
            .iter()
            .any(|b| w.eq_ignore_ascii_case(b))
    })
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
                found.push((
                    ByteSpan::new(toks[i].start, toks[j - 1].end),
                    DateValue::Day(date),
                ));
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
            let distance = if at < span.start {
                span.start - at
            } else {
                at.saturating_sub(span.end)
            };
            Some((distance, value.first_day()?))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, date)| date)
}

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
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    if let Some(a) = anchor {
        if has("ago") && (has("weeks") || has("week")) {
            let n = match words.first().copied() {
                Some("a" | "one") => Some(1),
                Some(d) => number_word(d)
                    .or_else(|| d.parse::<u32>().ok())
                    .filter(|&n| (1..=8).contains(&n)),
                None => None,
            };
            if let Some(day) = n.and_then(|n| add_days(a, -7 * i64::from(n))) {
                return DateValue::Day(day);
            }
        }
    }
    let (Some(first), Some(last)) = (value.first_day(), value.last_day()) else {
        return value;
    };
    let vague = [
        "early",
        "mid",
        "late",
        "earlier",
        "later",
        "middle",
        "end",
        "beginning",
        "start",
    ]
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
    if first.year() == last.year()
        && first.month() == last.month()
        && matches!(value, DateValue::Interval(..))
    {
        return DateValue::Month {
            year: first.year(),
            month: first.month(),
        };
    }
    value
}

/// The record date of the DATE mention at `span` of `doc`, as written and resolved (through
/// [`record_value`]); `None` when the mention resolved to nothing.
pub fn record_field(
    doc: &crate::doc::Document,
    span: ByteSpan,
    anchor: Option<NaiveDate>,
) -> Option<crate::records::DateField> {
    let value = doc.dates.iter().find(|d| d.span == span)?.value.clone()?;
    let written = span.slice(&doc.text).to_string();
    let value = record_value(&written, value, anchor);
    Some(crate::records::DateField {
        text: written,
        value: Some(value),
    })
}

/// Longer "mentions" are not date phrases; the cap also bounds the parser's work.
pub(super) const MAX_TOKENS: usize = 32;
