//! Header dates: the few date forms that article headers, datelines, `<meta>` tags and URLs
//! use ("Dec 20, 2024 11:19 PM", "2019-02-22 07:51", "20 December 2024", "Dec. 19", `/2024/08/20/`,
//! `/202412/`).
//!
//! This is deliberately narrower than a general date parser: it only has to find the one
//! publication date of a document, and it must never guess (no two-digit years, no numeric
//! day/month orders other than year first).

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

/// A date as far as the source tells it: always a month, maybe a year and a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
}

const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2100;

impl HeaderDate {
    /// A checked date: the month (and day, when given) must exist, the year must be plausible.
    pub fn new(year: Option<i32>, month: u32, day: Option<u32>) -> Option<HeaderDate> {
        if !(1..=12).contains(&month) {
            return None;
        }
        if let Some(y) = year {
            if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
                return None;
            }
        }
        if let Some(d) = day {
            // 2000 is a leap year, so Feb 29 without a year is accepted.
            NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, d)?;
        }
        Some(HeaderDate { year, month, day })
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` when the day is unknown; `None` without a year.
    pub fn iso(&self) -> Option<String> {
        let year = self.year?;
        Some(match self.day {
            Some(d) => format!("{year:04}-{:02}-{d:02}", self.month),
            None => format!("{year:04}-{:02}", self.month),
        })
    }

    /// The day, when the date names one and its year.
    pub fn day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day?)
    }

    /// The latest day this date can stand for (last day of the month when the day is unknown).
    fn latest_day(&self) -> Option<NaiveDate> {
        let year = self.year?;
        match self.day {
            Some(d) => NaiveDate::from_ymd_opt(year, self.month, d),
            None => {
                let (ny, nm) = if self.month == 12 {
                    (year + 1, 1)
                } else {
                    (year, self.month + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
            }
        }
    }

    /// Gives a year-less date (a dateline's "Dec. 19") the year of `reference`, the year
    /// before when that would put it more than a month after the reference (a story dated
    /// Dec 31 and updated Jan 2).
    pub fn with_year_from(&self, reference: &HeaderDate) -> Option<HeaderDate> {
        if self.year.is_some() {
            return Some(*self);
        }
        let ref_day = reference.latest_day()?;
        let year = ref_day.year();
        let candidate = HeaderDate::new(Some(year), self.month, self.day)?;
        let day = candidate.latest_day()?;
        if day > ref_day + Duration::days(31) {
            HeaderDate::new(Some(year - 1), self.month, self.day)
        } else {
            Some(candidate)
        }
    }
}

/// English month names and abbreviations, and the other languages' names of
/// `data/ingest/month_names.tsv`, as one alternation (longest first, so that "juni" is not read
/// as "jun"), followed by an optional period.
static MONTH: LazyLock<String> = LazyLock::new(|| {
    const ENGLISH: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
    ];
    let names = ENGLISH
        .iter()
        .copied()
        .chain(FOREIGN_MONTHS.iter().map(|&(name, _)| name))
        .filter(|n| latin(n));
    format!(
        r"(?i:{})\b\.?",
        alternation(names.map(str::to_string).collect())
    )
});

/// Names as one regex alternation, longest first (so that "juni" is not read as "jun"), each
/// once.
fn alternation(mut names: Vec<String>) -> String {
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    names.dedup();
    names
        .iter()
        .map(|name| regex::escape(name))
        .collect::<Vec<_>>()
        .join("|")
}

/// Whether a text (a month name, a header line) is all in the Latin script (other scripts'
/// month names are read by [`OTHER_SCRIPT_DATE`]).
fn latin(name: &str) -> bool {
    name.chars().all(|c| (c as u32) < 0x250)
}

/// A day and month in another script, maybe with its year: "28 सितंबर 2023", "15 فبراير/شباط
/// 2024", "12 марта 2024". Kept apart from [`MONTH`]: a case-insensitive alternation of every
/// script's names is several times slower on the English pages that make most of the input,
/// so this one runs only on text outside the Latin script.
static OTHER_SCRIPT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<String> = FOREIGN_MONTHS
        .iter()
        .map(|&(name, _)| name)
        .filter(|n| !latin(n))
        .flat_map(|name| {
            let mut chars = name.chars();
            let capitalised: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            [name.to_string(), capitalised]
        })
        .collect();
    let names = alternation(names);
    // A whole name: "১০ জুনিয়র" ("junior") is not "10 June".
    Regex::new(&format!(r"\b([0-9]{{1,2}})\.?\s+({names})\b(?:\s*,?\s*([0-9]{{4}})\b)?|({names})\s+([0-9]{{1,2}}),?\s+([0-9]{{4}})\b")).unwrap()
});

/// Year first: "2024-12-20", "2024/8/20", "2024.12.20", and with spaces between two-digit
/// month and day: "2009 11 06".
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])([0-9]{4})(?:[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})|[ ]([0-9]{2})[ ]([0-9]{2}))",
    )
    .unwrap()
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    // "noviembre 16 de 2014": Spanish month-first dates put "de" before the year; "October
    // 6/2022", as the Ethiopian News Agency writes, a slash.
    Regex::new(&format!(
        r"\b({month})\s*([0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:(?:,?\s*|\s+de\s+|/)([0-9]{{4}})\b)?",
        month = MONTH.as_str()
    ))
    .unwrap()
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    // "20 December 2024", "31st of Dec, 2020", "29. Sep 2023", with hyphens "27-Jan-2011", and
    // the Spanish and Portuguese "18 de dezembro de 2024", a weekday between: "13th Saturday,
    // September 2025", the month twice: "19 February / Feb 2018", a comma after the
    // ordinal: "5th, December 2023".
    Regex::new(&format!(r"\b([0-9]{{1,2}})(?:(?:st|nd|rd|th),?|\.)?(?:\s+(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?)?(?:\s+(?:of\s+|de\s+)?|-)({month})(?:\s*/\s*(?:{month}))?(?:(?:\s+de\s+|\s*,?\s*|-)([0-9]{{4}})\b)?", month = MONTH.as_str())).unwrap()
});
/// A date in Chinese or Japanese characters: "2019年9月24日", or by a Japanese era:
/// "令和元年9月24日" (Reiwa 1 = 2019; 元 is its first year), "平成30年5月1日".
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(令和|平成)\s*(元|[0-9]{1,2})|([0-9]{4}))\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日").unwrap()
});
/// All-numeric day and month before the year: "13/01/2025", "24.10.2024", "12.20.2024".
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9./-])([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})(?:[^0-9]|$)").unwrap()
});
/// A 12-hour clock right after an all-numeric date, with no zone or a US one: "5:31 PM",
/// "9:05 a.m. ET". Indian and other pages that write "05:30 PM IST" are day first.
static US_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:at\s+)?[0-9]{1,2}:[0-9]{2}\s*[ap]\.?m\.?(?:\s+(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT))?\s*(?:$|[|·•,;)])").unwrap()
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({month}),?\s+([0-9]{{4}})\b",
        month = MONTH.as_str()
    ))
    .unwrap()
});

/// Month names of the other languages news pages are dated in (`data/ingest/month_names.tsv`):
/// whole words only (an abbreviation such as "mar" is English's).
static FOREIGN_MONTHS: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(|| {
    crate::wordlist::parse(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/ingest/month_names.tsv"
    )))
    .into_iter()
    .filter_map(|line| {
        let (name, month) = line.split_once('\t')?;
        Some((name, month.parse().ok()?))
    })
    .collect()
});

/// Month number of an English month name or its usual abbreviation ("Sept.", "Dec"), or of a
/// month name of `data/ingest/month_names.tsv`.
pub fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_lowercase();
    let english = || {
        NAMES
            .iter()
            .position(|n| w.chars().count() >= 3 && n.starts_with(&w))
            .map(|i| i as u32 + 1)
    };
    english().or_else(|| {
        FOREIGN_MONTHS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|&(_, m)| m)
    })
}

fn number<T: std::str::FromStr>(m: Option<regex::Match<'_>>) -> Option<T> {
    m.and_then(|m| m.as_str().parse().ok())
}

/// `s` with the decimal digits of other scripts (Bengali, Devanagari, Arabic-Indic, Persian)
/// written as ASCII digits, which the date patterns read; `None` when it has none.
pub fn ascii_digits(s: &str) -> Option<String> {
    const ZEROS: [u32; 4] = [0x09E6, 0x0966, 0x0660, 0x06F0];
    let digit = |c: char| {
        ZEROS
            .iter()
            .find(|&&z| (z..z + 10).contains(&(c as u32)))
            .map(|&z| c as u32 - z)
    };
    s.chars().any(|c| digit(c).is_some()).then(|| {
        s.chars()
            .map(|c| digit(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c))
            .collect()
    })
}

/// The first date written in `s`, with the byte range it occupies. Year-less forms
/// ("Dec. 19") are found too; a year alone is not a date.
pub fn find_date(s: &str) -> Option<(HeaderDate, Range<usize>)> {
    let mut best: Option<(HeaderDate, Range<usize>)> = None;
    let mut consider = |date: Option<HeaderDate>, range: Range<usize>| {
        if let Some(date) = date {
            let better = match &best {
                None => true,
                Some((b, r)) => {
                    range.start < r.start
                        || (range.start == r.start
                            && (date.day.is_some() as u8 + date.year.is_some() as u8)
                                > (b.day.is_some() as u8 + b.year.is_some() as u8))
                }
            };
            if better {
                best = Some((date, range));
            }
        }
    };
    // The first that is a date ("Ref 2345 67 89" is not).
    for c in ISO.captures_iter(s) {
        let (y, m, d) = (
            c.get(1).unwrap(),
            c.get(2).or(c.get(4)),
            c.get(3).or(c.get(5)).unwrap(),
        );
        let date = HeaderDate::new(number(Some(y)), number(m).unwrap_or(0), number(Some(d)));
        // No digit may follow (the match leaves the next character to the next match).
        let ends = !s[d.end()..].starts_with(|c: char| c.is_ascii_digit());
        if date.is_some() && ends {
            consider(date, y.start()..d.end());
            break;
        }
    }
    if let Some(c) = NUMERIC.captures(s) {
        let (a, b, y) = (c.get(1).unwrap(), c.get(2).unwrap(), c.get(3).unwrap());
        let (first, second): (u32, u32) =
            (number(Some(a)).unwrap_or(0), number(Some(b)).unwrap_or(0));
        // The order is told by a number over 12; when both could be months, day first, as in
        // most of the world's news outside the United States, unless a 12-hour clock in a US
        // manner follows ("Updated 6/2/2016 5:31 PM", "6/2/2016 5:31 PM ET").
        let us = || {
            let after = &s[y.end()..];
            US_CLOCK.is_match(after)
        };
        let (day, month) = if second > 12 || (first <= 12 && us()) {
            (second, first)
        } else {
            (first, second)
        };
        consider(
            HeaderDate::new(number(Some(y)), month, Some(day)),
            a.start()..y.end(),
        );
    }
    if let Some(c) = CJK.captures(s) {
        let year = match (c.get(1).map(|m| m.as_str()), c.get(2).map(|m| m.as_str())) {
            (Some(era), Some(n)) => {
                let n: i32 = if n == "元" {
                    1
                } else {
                    n.parse().unwrap_or(0)
                };
                Some(if era == "令和" { 2018 + n } else { 1988 + n })
            }
            _ => number(c.get(3)),
        };
        consider(
            HeaderDate::new(year, number(c.get(4)).unwrap_or(0), number(c.get(5))),
            c.get(0).unwrap().range(),
        );
    }
    for c in MONTH_DAY.captures_iter(s) {
        let whole = c.get(0).unwrap();
        let date = month_number(&c[1])
            .and_then(|m| HeaderDate::new(number(c.get(3)), m, number(c.get(2))));
        if date.is_some() {
            consider(date, whole.range());
            break;
        }
    }
    for c in DAY_MONTH.captures_iter(s) {
        let whole = c.get(0).unwrap();
        let date = month_number(&c[2])
            .and_then(|m| HeaderDate::new(number(c.get(3)), m, number(c.get(1))));
        if date.is_some() {
            consider(date, whole.range());
            break;
        }
    }
    if !latin(s) {
        if let Some(c) = OTHER_SCRIPT_DATE.captures(s) {
            // Day first, or month first with its year ("ফেব্রুয়ারি 18, 2019").
            let (day, month, year) = match c.get(2) {
                Some(month) => (c.get(1), month, c.get(3)),
                None => (c.get(5), c.get(4).unwrap(), c.get(6)),
            };
            let date = month_number(month.as_str())
                .and_then(|m| HeaderDate::new(number(year), m, number(day)));
            consider(date, c.get(0).unwrap().range());
        }
    }
    for c in MONTH_YEAR.captures_iter(s) {
        let whole = c.get(0).unwrap();
        let date = month_number(&c[1]).and_then(|m| HeaderDate::new(number(c.get(2)), m, None));
        if date.is_some() {
            consider(date, whole.range());
            break;
        }
    }
    best
}

/// Every date written in `s`, left to right, with the byte range each occupies (the next is
/// looked for after the end of the one before).
pub fn dates_in(s: &str) -> impl Iterator<Item = (HeaderDate, Range<usize>)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= s.len() {
            return None;
        }
        let (date, range) = find_date(&s[pos..])?;
        let (start, end) = (pos + range.start, pos + range.end);
        pos = end.max(start + 1);
        while !s.is_char_boundary(pos) {
            pos += 1;
        }
        Some((date, start..end))
    })
}

/// A date with a year in `s` as `YYYY-MM-DD` / `YYYY-MM` (for `<meta>` contents and JSON
/// `published` fields: "2024-12-20T23:19:00+08:00", "Dec 20, 2024").
pub fn normalize(s: &str) -> Option<String> {
    find_date(s).and_then(|(d, _)| d.iso())
}

/// The date a URL's path carries: `/2024/08/20/`, `/2024/8/`, `/20240820/`, `/202412/`,
/// `/2024-08-20-slug`. Only path segments count (not the host, query or fragment).
pub fn from_url(url: &str) -> Option<HeaderDate> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let path = match rest.find('/') {
        Some(i) => &rest[i..],
        None => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    for (i, seg) in segments.iter().enumerate() {
        if seg.len() == 4 && digits(seg) {
            let year: i32 = seg.parse().ok()?;
            if !(1990..=MAX_YEAR).contains(&year) {
                continue;
            }
            let Some(month_seg) = segments.get(i + 1).filter(|s| s.len() <= 2 && digits(s)) else {
                continue;
            };
            let month: u32 = month_seg.parse().ok()?;
            let day = segments
                .get(i + 2)
                .filter(|s| s.len() <= 2 && digits(s))
                .and_then(|s| s.parse::<u32>().ok());
            if let Some(d) = day.and_then(|d| HeaderDate::new(Some(year), month, Some(d))) {
                return Some(d);
            }
            if let Some(d) = HeaderDate::new(Some(year), month, None) {
                return Some(d);
            }
            continue;
        }
        let lead: String = seg.chars().take_while(|c| c.is_ascii_digit()).collect();
        let after = seg[lead.len()..].chars().next();
        let cut = matches!(after, None | Some('-' | '_' | '.'));
        if lead.len() == 8 && cut {
            let (y, m, d) = (
                lead[..4].parse().ok(),
                lead[4..6].parse().ok()?,
                lead[6..].parse().ok(),
            );
            if y.is_some_and(|y: i32| y >= 1990) {
                if let Some(date) = HeaderDate::new(y, m, d) {
                    return Some(date);
                }
            }
        } else if lead.len() == 6 && after.is_none() {
            let (y, m) = (lead[..4].parse().ok(), lead[4..].parse().ok()?);
            if y.is_some_and(|y: i32| y >= 1990) {
                if let Some(date) = HeaderDate::new(y, m, None) {
                    return Some(date);
                }
            }
        } else if lead.len() == 4 && seg.len() >= 10 {
            // "2024-08-20" or "2024-08-20-slug"
            let b = seg.as_bytes();
            if b[4] == b'-'
                && b[7] == b'-'
                && b[5..7].iter().all(u8::is_ascii_digit)
                && b[8..10].iter().all(u8::is_ascii_digit)
                && (seg.len() == 10 || matches!(b[10], b'-' | b'_' | b'.'))
            {
                if let Some(date) = HeaderDate::new(
                    seg[..4].parse().ok(),
                    seg[5..7].parse().ok()?,
                    seg[8..10].parse().ok(),
                ) {
                    return Some(date);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        normalize(s)
    }

    #[test]
    fn header_date_forms() {
        assert_eq!(iso("Dec 20, 2024 11:19 PM").as_deref(), Some("2024-12-20"));
        assert_eq!(iso("2019-02-22 07:51").as_deref(), Some("2019-02-22"));
        assert_eq!(iso("August 21, 2024").as_deref(), Some("2024-08-21"));
        assert_eq!(
            iso("Friday, 20 December 2024, 09:00 GMT").as_deref(),
            Some("2024-12-20")
        );
        assert_eq!(iso("Sept. 3rd, 2023").as_deref(), Some("2023-09-03"));
        assert_eq!(
            iso("2024-12-20T23:19:00+08:00").as_deref(),
            Some("2024-12-20")
        );
        assert_eq!(iso("2024/8/5").as_deref(), Some("2024-08-05"));
        assert_eq!(iso("August 2024").as_deref(), Some("2024-08"));
        assert_eq!(iso("Dec 20 2024").as_deref(), Some("2024-12-20"));
        assert_eq!(iso("5th, December 2023 GMT").as_deref(), Some("2023-12-05"));
        // A bare number and a comma before a month is no date.
        assert_eq!(iso("page 5, December 2023").as_deref(), Some("2023-12"));
    }

    #[test]
    fn foreign_month_names_and_abbreviations() {
        assert_eq!(
            iso("6 Agustus 2021, 10:20 WIB").as_deref(),
            Some("2021-08-06")
        );
        assert_eq!(iso("23 Abr, 2018").as_deref(), Some("2018-04-23"));
        assert_eq!(iso("9 févr. 2020").as_deref(), Some("2020-02-09"));
        assert_eq!(iso("12 maart 2019").as_deref(), Some("2019-03-12"));
        // English words beside numbers stay no months.
        assert_eq!(iso("3 ago 2019"), None);
        assert_eq!(iso("set 2019"), None);
    }

    #[test]
    fn all_numeric_dates_day_or_month_first() {
        assert_eq!(iso("13/01/2025").as_deref(), Some("2025-01-13"));
        assert_eq!(
            iso("Published 24.10.2024 | 10:15").as_deref(),
            Some("2024-10-24")
        );
        assert_eq!(iso("12.20.2024").as_deref(), Some("2024-12-20"));
        assert_eq!(iso("05/06/2024").as_deref(), Some("2024-06-05"));
        assert_eq!(iso("31/02/2024"), None);
    }

    #[test]
    fn impossible_and_yearless_dates() {
        assert_eq!(iso("Feb 30, 2024"), None);
        assert_eq!(iso("2024-13-01"), None);
        assert_eq!(iso("in 2024"), None);
        let (d, _) = find_date("HANOI, Dec. 19 (Reuters)").unwrap();
        assert_eq!(
            d,
            HeaderDate {
                year: None,
                month: 12,
                day: Some(19)
            }
        );
        assert_eq!(d.iso(), None);
        assert!(find_date("marching on 12 people").is_none());
    }

    #[test]
    fn year_is_taken_from_a_reference() {
        let dec19 = HeaderDate::new(None, 12, Some(19)).unwrap();
        let r = HeaderDate::new(Some(2024), 12, Some(20)).unwrap();
        assert_eq!(
            dec19.with_year_from(&r).unwrap().iso().unwrap(),
            "2024-12-19"
        );
        let jan2 = HeaderDate::new(Some(2019), 1, Some(2)).unwrap();
        assert_eq!(
            dec19.with_year_from(&jan2).unwrap().iso().unwrap(),
            "2018-12-19"
        );
        let month = HeaderDate::new(Some(2024), 12, None).unwrap();
        assert_eq!(
            dec19.with_year_from(&month).unwrap().iso().unwrap(),
            "2024-12-19"
        );
        let feb29 = HeaderDate::new(None, 2, Some(29)).unwrap();
        assert!(feb29
            .with_year_from(&HeaderDate::new(Some(2023), 3, Some(1)).unwrap())
            .is_none());
    }

    #[test]
    fn url_dates() {
        let u = |s| from_url(s).and_then(|d| d.iso());
        assert_eq!(
            u("https://example.com/news/2024/08/20/china-vietnam.html").as_deref(),
            Some("2024-08-20")
        );
        assert_eq!(
            u("https://www.globaltimes.cn/page/202412/1325481.shtml").as_deref(),
            Some("2024-12")
        );
        assert_eq!(
            u("https://english.news.cn/20240820/404afd7760a449feb99933917ac01aa0/c.html")
                .as_deref(),
            Some("2024-08-20")
        );
        assert_eq!(u("https://example.com/2024/8/").as_deref(), Some("2024-08"));
        assert_eq!(
            u("https://example.com/world/2024-08-20-talks").as_deref(),
            Some("2024-08-20")
        );
        assert_eq!(u("https://example.com/article/1325481"), None);
        assert_eq!(u("https://example.com/2024/"), None);
        assert_eq!(u("https://example.com/a?date=2024/08/20"), None);
        assert_eq!(u("https://2024.example.com"), None);
    }
}
