//! What one header line is: a date line, a byline, a section label, a URL, or other.

use std::sync::LazyLock;

use regex::Regex;

use super::super::hdate::{self, HeaderDate};
use super::*;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    SectionLabel,
    /// A line carrying dates: publication-like (Published/Posted/a bare date) and updates.
    Dates {
        published: Option<HeaderDate>,
        updated: Option<HeaderDate>,
    },
    Byline,
    Url(String),
    Other,
}

pub(super) fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

pub(super) fn is_section_label(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || line.chars().count() > 50 || letters.iter().any(|c| c.is_lowercase()) {
        return false;
    }
    let separated = line.contains(['/', '|', '>', '›', '»', '·']);
    let ok_chars = line
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || "/|>›»·&,-–'’.".contains(c));
    ok_chars && (separated || words(line) <= 3)
}

/// A line that reads like a headline: short, no sentence-final period, starts like a name.
pub fn looks_like_headline(line: &str) -> bool {
    let n = line.chars().count();
    let w = words(line);
    if !(8..=200).contains(&n) || !(2..=30).contains(&w) {
        return false;
    }
    let first = line.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || "\"“‘'".contains(first)) {
        return false;
    }
    let last = line.chars().last().unwrap_or(' ');
    if ".,;:-–—".contains(last) && !line.ends_with("...") {
        return false;
    }
    if line.ends_with("...") || URL.is_match(line) || DATELINE.is_match(line) {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters * 2 >= n
}

pub(super) fn classify(line: &str) -> Kind {
    let p = plain(line);
    // Digits of other scripts read as ASCII ("প্রকাশিত: ৪:৫২ অপরাহ্ণ, ফেব্রুয়ারি ১৮, ২০১৯").
    let folded = if p.is_ascii() {
        None
    } else {
        hdate::ascii_digits(p)
    };
    let p = folded.as_deref().unwrap_or(p);
    if let Some(c) = URL_LINE.captures(p) {
        return Kind::Url(c[1].trim_end_matches(['.', ',', ';']).to_string());
    }
    // Date lines, possibly with several parts: "By Li Wei | Published: ... | Updated: ...".
    let mut published = None;
    let mut updated = None;
    let mut dated_parts = 0;
    let mut other_parts = 0;
    // Short name-like parts beside a date ("PTI | New Delhi | Updated: ..."): agency, place.
    let mut short_parts = 0;
    for part in p
        .split(['|', '·', '•', '\t', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let without_reading_time = READING_TIME.replace_all(part, " ");
        let part = without_reading_time.trim();
        if part.is_empty() {
            continue;
        }
        // The author is a name, or a site's domain ("Rédigé par leral.net le Vendredi 17
        // Janvier 2025 à 12:37"); the date may follow a weekday.
        let author = |who: &str| {
            let domain = !who.contains(' ')
                && who.contains('.')
                && who
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
            domain
                || who.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase) || NAME_LINKS.contains(&w)
                })
        };
        let opens_with_date = |s: &str| {
            hdate::find_date(s)
                .filter(|(d, r)| {
                    full(d)
                        && s[..r.start]
                            .split(|c: char| !c.is_alphabetic())
                            .all(|w| w.is_empty() || is_weekday_or_time_word(w))
                })
                .map(|(d, _)| d)
        };
        if let Some(date) = BYLINE_ON
            .captures(part)
            .filter(|c| author(&c["who"]))
            .and_then(|c| opens_with_date(&c["date"]))
        {
            published = published.or(Some(date));
            dated_parts += 1;
            continue;
        }
        // "BY JANE ROE Senior staff reporter jroe@example.com  Thursday, June 09, 2016": a byline
        // whose last words are a full date (a weekday and a clock may stand around it).
        if let Some(date) = BYLINE_THEN_DATE
            .is_match(part)
            .then(|| ends_with_date(part))
            .flatten()
        {
            published = published.or(Some(date));
            dated_parts += 1;
            continue;
        }
        if let Some(c) = DATE_KEY.captures(part).filter(|_| words(part) <= 12) {
            if let Some((date, _)) = hdate::find_date(&c["rest"]) {
                if c.name("updated").is_some() {
                    updated = updated.or(Some(date));
                } else {
                    published = published.or(Some(date));
                }
                dated_parts += 1;
                continue;
            }
        }
        if let Some(date) = ON_KEY
            .captures(part)
            .and_then(|c| hdate::find_date(&c[1]))
            .map(|(d, _)| d)
            .filter(|d| d.year.is_some())
        {
            published = published.or(Some(date));
            dated_parts += 1;
            continue;
        }
        // Page captures glue neighbouring elements together ("Jane Roe25 March 2025": the
        // author's name and the date span): a lowercase letter right before a digit is split.
        let unglued = unglue(part);
        if let Some((date, range)) = hdate::find_date(&unglued) {
            // A bare date, with at most a weekday, a time and a time zone around it.
            let before = &unglued[..range.start];
            let after = &unglued[range.end..];
            let after = AT_CLOCK.find(after).map_or(after, |m| &after[m.end()..]);
            let after = WIDGET_TAIL
                .find(after)
                .map_or(after, |m| &after[..m.start()]);
            let extra_words = |s: &str| -> Vec<String> {
                s.split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.len() >= 2)
                    .filter(|w| !is_weekday_or_time_word(w))
                    .map(str::to_string)
                    .collect()
            };
            // An outlet's host name beside the date stands for its name ("nasional.kompas.com
            // 2021/02/03 19:00").
            let (before, after) = (
                HOST_NAME.replace_all(before, "Host"),
                HOST_NAME.replace_all(after, "Host"),
            );
            let (wb, mut wa) = (extra_words(&before), extra_words(&after));
            // "11 janvier 2021 à 19h19 par AFP", "11 January 2021 at 19:19 by AFP": the
            // agency that filed it, after its time.
            if wa.len() >= 2
                && matches!(wa[0].as_str(), "by" | "par" | "por" | "von" | "door" | "di")
            {
                wa.remove(0);
            }
            // "on March 12, 2021" alone on a line: a post's date under its byline; "10:06 am on
            // 4 September 2017": the stamp's time first; "by March 23, 2017 Diplomacy": a
            // byline whose template left the author's name out.
            let wb = if matches!(wb.as_slice(), [w] if w == "on" || w.eq_ignore_ascii_case("by")) {
                Vec::new()
            } else {
                wb
            };
            // A short label in a script without capitals before the date: the page's own
            // "date:" in Thai, Arabic or Hindi ("วันที่นำเข้าข้อมูล 1 Jul 2024"); not a sentence
            // of Chinese or Japanese, written without spaces.
            let label = wb.len() <= 4
                && wb.iter().all(|w| w.chars().all(caseless_letter))
                && wb.iter().map(|w| w.chars().count()).sum::<usize>() <= 20;
            let wb = if label { Vec::new() } else { wb };
            if date.year.is_some() && wb.is_empty() && wa.is_empty() && part.chars().count() <= 60 {
                published = published.or(Some(date));
                dated_parts += 1;
                continue;
            }
            // A full date beside only a name: an author or outlet and maybe a place ("By Jane
            // Roe in Lisbon March 3, 2021", "3 May 2010 [10:05] - NEWS.XY", "28 April 2017,
            // Manila, Republic of Ruritania"). Such a line stamps the page; a date inside
            // prose always has lowercase words around it. The date must open or close the
            // part, so that a title-case phrase is not split around it.
            let names_only = |ws: &[String]| {
                ws.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || NAME_LINKS.contains(&w.as_str())
                }) && ws
                    .iter()
                    .filter(|w| !NAME_LINKS.contains(&w.as_str()))
                    .count()
                    <= 6
            };
            if date.year.is_some()
                && date.day.is_some()
                && (wb.is_empty() || wa.is_empty())
                && names_only(&wb)
                && names_only(&wa)
                && wb.first().or(wa.first()).is_some_and(|w| !NAME_LINKS.contains(&w.as_str()))
                && part.chars().count() <= 100
                && !part.ends_with(['.', '!', '?'])
                // An embedded post's signature ("— Jane Roe (@jroe) July 8, 2022") dates the
                // post, not the page.
                && !part.starts_with(['—', '–', '-'])
                && !part.contains('@')
            {
                published = published.or(Some(date));
                dated_parts += 1;
                continue;
            }
        }
        // A page's age ("2d", "5 hrs ago") beside its date, as aggregators write it ("Story by
        // Jane Roe • 2d • Mar 13, 2024"): no part of its own. Nor is a blog's filing note
        // ("Filed under: Water, Diplomacy", "Tags: ...").
        if PAGE_AGE.is_match(part) || FILED_UNDER.is_match(part) || COMMENT_COUNT.is_match(part) {
            continue;
        }
        // A part that is only a time ("10:15", "9:05 AM GMT") belongs to the date beside it.
        // "6:03 a.m.": the clock's dotted "a.m." is one time word.
        let part_clock = DOTTED_MERIDIEM.replace_all(part, "${1}m");
        let time_only = part.chars().any(|c| c.is_ascii_digit())
            && part_clock
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(|w| {
                    // "5:30am": the clock's "am" glued to its minutes.
                    let unit = w.trim_start_matches(|c: char| c.is_ascii_digit());
                    unit.is_empty() || is_weekday_or_time_word(unit)
                });
        if time_only {
            continue;
        }
        let byline = BYLINE.is_match(part) && words(part) <= 8 && !part.ends_with('.');
        let credit = CREDIT_KEY.is_match(part) && words(part) <= 10;
        // A credit that carries the item's full date right after its label or its host name:
        // "Source: www.example.com 3/20/2013, Location: Middle East" (syndication pages stamp
        // the copy this way); not "Source: UN report on refugees, 3 May 2012".
        let stamped = |(d, r): &(HeaderDate, std::ops::Range<usize>)| {
            let before = part[..r.start]
                .split_once([':', '：'])
                .map_or("", |(_, b)| b)
                .trim();
            full(d)
                && (before.is_empty()
                    || HOST_NAME.find(before).is_some_and(|m| m.as_str() == before))
        };
        if let Some((date, _)) = credit
            .then(|| hdate::find_date(part))
            .flatten()
            .filter(stamped)
        {
            published = published.or(Some(date));
            dated_parts += 1;
            continue;
        }
        if byline || credit {
            continue;
        }
        // A titled name of up to five capitalised words ("PM Lee Hsien Loong | 13 December
        // 2016"): the speaker or author a release is filed under (not a related story's
        // headline: "Modi Meets Xi In Wuhan | 28 April 2018").
        let titled = part
            .split_whitespace()
            .next()
            .is_some_and(|w| SPEAKER_TITLES.contains(&w.trim_end_matches('.')));
        let name = titled
            && words(part) <= 5
            && part
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && part.chars().all(|c| {
                c.is_alphabetic() || c == ' ' || c == '.' || c == '\'' || c == '’' || c == '-'
            });
        if (name || words(part) <= 3)
            && part.chars().next().is_some_and(|c| c.is_uppercase())
            && !part.ends_with(['.', '!', '?'])
        {
            short_parts += 1;
            continue;
        }
        other_parts += 1;
    }
    if dated_parts > 0 && other_parts == 0 {
        return Kind::Dates { published, updated };
    }
    if dated_parts == 0 && other_parts == 0 && short_parts == 0 {
        return Kind::Byline;
    }
    if is_section_label(p) || is_breadcrumb(p) {
        return Kind::SectionLabel;
    }
    Kind::Other
}

/// A trail of links to the page ("Rediff.com » News » India-Afghanistan ink pact"): two
/// separators or more.
pub(super) fn is_breadcrumb(line: &str) -> bool {
    ["»", " › ", " > "]
        .iter()
        .any(|sep| line.matches(sep).count() >= 2)
}

/// A host name in lowercase: a generic top-level domain ("www.export-egypt.com",
/// "nasional.kompas.com", "example.com.au"), or three labels before a country's ("example.co.id").
static HOST_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|info|news)(?:\.[a-z]{2})?\b|\b[a-z0-9-]+\.[a-z0-9-]+\.[a-z]{2}\b").unwrap()
});

/// A letter of a script that has no capitals (Thai, Arabic, Devanagari, Chinese), or a mark
/// that goes with one.
fn caseless_letter(c: char) -> bool {
    !c.is_ascii() && !c.is_uppercase() && !c.is_lowercase()
}

/// Titles a release's speaker is filed under ("PM Lee Hsien Loong | 13 December 2016").
const SPEAKER_TITLES: [&str; 22] = [
    "PM",
    "President",
    "Minister",
    "Prime",
    "Dr",
    "Secretary",
    "Ambassador",
    "Chancellor",
    "Governor",
    "Senator",
    "Mr",
    "Mrs",
    "Ms",
    "Deputy",
    "Vice",
    "Foreign",
    "King",
    "Queen",
    "Premier",
    "Speaker",
    "Sheikh",
    "Prof",
];

/// Lowercase words that can sit inside a name or a byline ("Republic of Ruritania", "By Jane
/// Roe in Lisbon").
pub(super) const NAME_LINKS: &[&str] = &["in", "of", "the", "and", "de", "da", "del", "van", "von"];

/// `s` with a space put between a lowercase letter and a digit that follows it directly.
pub(super) fn unglue(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c.is_ascii_digit() && prev.is_some_and(char::is_lowercase) {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

pub(super) fn is_weekday_or_time_word(w: &str) -> bool {
    static WORDS: LazyLock<Vec<&str>> =
        crate::wordlist::words!("ingest/weekday_and_time_words.txt");
    let w = w.to_lowercase();
    WORDS.contains(&w.as_str())
}

/// The full date `part` ends with, when only a clock time or time-zone words follow it.
fn ends_with_date(part: &str) -> Option<HeaderDate> {
    let (date, range) = hdate::dates_in(part).filter(|(d, _)| full(d)).last()?;
    let tail_is_clock = part[range.end..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().all(|c| c.is_ascii_digit()) || is_weekday_or_time_word(w));
    tail_is_clock.then_some(date)
}
