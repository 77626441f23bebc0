//! The wider scan for a page date when the header block gives none: further down the top of
//! the page, a speech title, the last lines.

use super::super::hdate::{self, HeaderDate};
use super::*;

/// How many lines from the top [`wider_scan`] reads, and from the bottom.
pub(super) const WIDE_HEAD_LINES: usize = 30;
pub(super) const TRAILER_LINES: usize = 8;

/// A full date (year and day) in `d`.
pub(super) fn full(d: &HeaderDate) -> bool {
    d.year.is_some() && d.day.is_some()
}

/// A date stamped with a clock time in `line` ("Tuesday, May 4, 2010 | 09:28", "3 May 2010
/// [12:09]", "on: May 4, 2010, 12:25:34"): a time of day printed beside a full date is the
/// page's timestamp. Prose that gives an event's time says "on May 4 at 9:00", and a date after
/// a preposition ("on", "from", ...) is left alone.
pub(super) fn timestamp(line: &str) -> Option<HeaderDate> {
    const PREPOSITIONS: &[&str] = &[
        "on", "at", "by", "from", "until", "till", "since", "before", "after", "of", "to",
        "between", "and", "for",
    ];
    hdate::dates_in(line).find_map(|(date, range)| {
        if !full(&date) || !TIME_AFTER.is_match(&line[range.end..]) {
            return None;
        }
        let before = line[..range.start]
            .split_whitespace()
            .rev()
            .find(|w| !is_weekday_or_time_word(w.trim_end_matches(',')))
            .unwrap_or("")
            .to_ascii_lowercase();
        (!PREPOSITIONS.contains(&before.as_str())).then_some(date)
    })
}

/// When the header block gives no date: page captures often put boilerplate (cookie and browser
/// notices, forum chrome, a standfirst) before the date, glue the header onto the first
/// paragraph, or print the date under the article. This reads, in order: the first
/// [`WIDE_HEAD_LINES`] lines for a date line or a timestamp; a speech title's date; the last
/// [`TRAILER_LINES`] lines for a keyed date ("Published Date: ..."), a credit with a date
/// ("(Some News Agency June 7, 2007)"), or a bare date beside a blog's "Posted by" line.
/// Only explicit forms count: a date in prose is an event's date.
pub(super) fn wider_scan(text: &str) -> Option<HeaderDate> {
    let all: Vec<Line<'_>> = lines(text).collect();
    // A site's menu set out as a list ("• An Giang", "• Binh Duong", ...) does not use up the
    // lines the page's date may come within (up to four times as many lines in all).
    let menu_item = |l: &Line<'_>| l.text.starts_with(['•', '·', '*', '-']) && words(l.text) <= 4;
    // Nor do teasers of other stories, each a headline over "Read more".
    let read_more = |i: usize| {
        all.get(i)
            .is_some_and(|l| plain(l.text).eq_ignore_ascii_case("read more"))
    };
    let within = all
        .iter()
        .enumerate()
        .take(4 * WIDE_HEAD_LINES)
        .scan(0, |counted, (i, l)| {
            if !menu_item(l) && !read_more(i) && !read_more(i + 1) {
                *counted += 1;
            }
            Some(*counted)
        });
    let head = within.take_while(|&n| n <= WIDE_HEAD_LINES).count();
    for (i, line) in all.iter().enumerate().take(head) {
        if read_more(i) || read_more(i + 1) {
            continue;
        }
        let p = plain(line.text);
        if let Kind::Dates { published, updated } = classify(p) {
            if let Some(d) = published
                .or(updated)
                .filter(full)
                .filter(|_| !after_weather(&all, i))
            {
                return Some(d);
            }
        }
        if let Some(d) = timestamp(p).filter(|_| !after_weather(&all, i)) {
            return Some(d);
        }
        if let Some(d) = stamped_at_clock(p) {
            return Some(d);
        }
    }
    if let Some(first) = all
        .first()
        .map(|l| plain(l.text))
        .filter(|t| SPEECH_TITLE.is_match(t))
    {
        if let Some((d, _)) = hdate::find_date(first).filter(|(d, _)| full(d)) {
            return Some(d);
        }
    }
    let from = all.len().saturating_sub(TRAILER_LINES);
    for i in from..all.len() {
        let p = plain(all[i].text);
        let inner = p
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .unwrap_or(p);
        let Kind::Dates { published, updated } = classify(inner) else {
            continue;
        };
        let Some(d) = published.or(updated).filter(full) else {
            continue;
        };
        // A bare date under an article can be a related story's; a blog prints the post's
        // date next to its "Posted by" line.
        let worded = inner.split(|c: char| !c.is_alphabetic()).any(|w| {
            w.len() >= 2 && !is_weekday_or_time_word(w) && hdate::month_number(w).is_none()
        });
        let posted = |j: usize| {
            all.get(j)
                .is_some_and(|l| plain(l.text).to_ascii_lowercase().starts_with("posted by"))
        };
        if worded || posted(i + 1) || (i > 0 && posted(i - 1)) {
            return Some(d);
        }
    }
    all.last().and_then(|line| closing_stamp(plain(line.text)))
}

/// A full date in parentheses after the last sentence of the text: "... junto al Mandatario
/// boliviano. (24/09/2017)". Ministry and agency pages stamp their items this way; a date in
/// prose sits inside a sentence, not after its full stop.
pub(super) fn closing_stamp(line: &str) -> Option<HeaderDate> {
    let inside = line.strip_suffix(')')?;
    let open = inside.rfind('(')?;
    let (before, stamp) = (inside[..open].trim_end(), inside[open + 1..].trim());
    if !before.ends_with(['.', '!', '?', '"', '”']) {
        return None;
    }
    hdate::find_date(stamp)
        .filter(|(d, range)| full(d) && range.start == 0 && range.end == stamp.len())
        .map(|(d, _)| d)
}

/// A live page's entry stamp, the clock before the date, often glued to the entry's title,
/// closing its line: "The main developments so farpublished at 15:00 British Summer Time 11
/// June 2021", "... posted at 9:05 on 3 May 2020". A time and date inside a sentence go on.
fn stamped_at_clock(line: &str) -> Option<HeaderDate> {
    static STAMP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?:published|posted|updated)\s+at\s+[0-9]{1,2}[:.][0-9]{2}\s*(?:[ap]\.?m\.?)?\s+([\p{L} ]{0,40}?)\s*(?:on\s+)?([0-9]{1,2}\s+\p{L}+\s+[0-9]{4})\s*$").unwrap()
    });
    let c = STAMP.captures(line)?;
    // Only time-zone words between the clock and the date.
    let zone_only = c[1]
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    zone_only
        .then(|| hdate::find_date(&c[2]).map(|(d, _)| d).filter(full))
        .flatten()
}
