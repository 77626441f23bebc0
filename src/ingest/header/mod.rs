//! The header block of a plain-text article: headline, section label, "Published:" lines,
//! bylines, and the dateline that opens the first paragraph.
//!
//! ```text
//! CHINA / DIPLOMACY                                  <- section label    (furniture)
//! Vietnam's party general secretary meets ...        <- title            (headline, read apart)
//! Published: Dec 20, 2024 11:19 PM                   <- publication date (furniture)
//! China Vietnam Photo: VCG                           <- photo credit     (furniture, see furniture.rs)
//!  General Secretary ... To Lam met ...              <- first paragraph: prose, scan stops
//! ```
//!
//! The headline is not furniture but is marked (`title_line`): it mostly repeats what the body
//! says, telegraphically, so its records are kept only where the body tells nothing of the
//! same people ([`crate::headline`]).

use super::furniture;
use super::hdate::{self, HeaderDate};
use crate::text::ByteSpan;

mod classify;
mod patterns;
mod scan;

use classify::*;
use patterns::*;
use scan::*;

/// How many non-empty lines the header block can have at most.
const MAX_HEADER_LINES: usize = 12;

/// What the header block says about the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub title: Option<String>,
    /// The headline's line (trimmed), when a title was found in the text.
    pub title_line: Option<ByteSpan>,
    /// Best publication date: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    pub published: Option<String>,
    /// A URL standing alone (or after "URL:"/"Source:") on a header line.
    pub url: Option<String>,
    /// Header lines that are not prose: section label, title, date lines, bylines, URL lines.
    pub furniture: Vec<ByteSpan>,
    pub warnings: Vec<String>,
}

/// One line of `text`: its trimmed content and where that lies.
#[derive(Debug, Clone, Copy)]
pub struct Line<'t> {
    pub span: ByteSpan,
    pub text: &'t str,
}

/// Non-empty lines of `text`, trimmed, with their byte spans.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let at = start;
        start += raw.len();
        let trimmed = raw.trim_start();
        let lead = raw.len() - trimmed.len();
        let content = trimmed.trim_end();
        if content.is_empty() {
            None
        } else {
            Some(Line {
                span: ByteSpan::new(at + lead, at + lead + content.len()),
                text: content,
            })
        }
    })
}

/// The line without Markdown decoration: leading `#`, `>`, list marks, and `*`/`_` emphasis.
pub fn plain(line: &str) -> &str {
    line.trim_start_matches(['#', '>'])
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
}

/// A dateline at the start of `line`: its date, with or without a year.
pub fn dateline(line: &str) -> Option<(HeaderDate, String)> {
    let c = DATELINE.captures(plain(line))?;
    let written = c.name("date")?.as_str();
    let (date, _) = hdate::find_date(written)?;
    Some((date, written.to_string()))
}

/// The full date a headline closes with after a comma or dash, as releases stamp their
/// titles: "Minister holds calls with three Pacific leaders - Readout, 30 November 2020". A
/// date inside a headline ("Leaders to meet 16 November 2006") is an event's, not the page's.
fn date_closing_title(title: &str) -> Option<HeaderDate> {
    let title = title.trim_end_matches(['.', ' ']);
    let (date, range) = hdate::dates_in(title).last()?;
    let before = title[..range.start].trim_end();
    // "4-5 Februari 2021", "4 - 5 February": a span of days, an event's, not a separator
    // before the date.
    static DAY_SPAN: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"[0-9]\s*[-–—]$").unwrap());
    let day_span = DAY_SPAN.is_match(before);
    (range.end == title.len()
        && date.day.is_some()
        && date.year.is_some()
        && before.ends_with([',', '-', '–', '—'])
        && !day_span)
        .then_some(date)
}

/// A dated byline run onto the end of the headline's line, as some captures join them: "Le
/// Président ghanéen en visite officielle au Sénégal Rédigé par leral.net le Vendredi 17
/// Janvier 2025 à 12:37". Where the byline starts, and its date (read as a byline line is).
fn byline_closing_title(title: &str) -> Option<(usize, HeaderDate)> {
    let start = BYLINE_OPENER_INSIDE.find_iter(title).last()?.start();
    match classify(&title[start..]) {
        Kind::Dates {
            published: Some(date),
            ..
        } if start > 0 => Some((start, date)),
        _ => None,
    }
}

/// A first-paragraph line: sentence-like, or too long for a headline, so the header is over.
fn is_prose(line: &str) -> bool {
    let w = words(line);
    w > 30
        || (w >= 6
            && line
                .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
                .ends_with(['.', '!', '?']))
}

/// Reads the header block of `text`. `url` is the document's own URL when known (its path may
/// carry the date).
pub fn parse(text: &str, url: Option<&str>) -> Header {
    let mut header = Header::default();
    let mut published_line: Option<HeaderDate> = None;
    let mut updated_line: Option<HeaderDate> = None;
    let mut dateline_found: Option<(HeaderDate, String)> = None;
    let mut title_dated: Option<HeaderDate> = None;
    let mut title_allowed = true;
    let mut prose_lines = 0;
    let all: Vec<Line<'_>> = lines(text).take(MAX_HEADER_LINES + 1).collect();
    // A stuck date with the month only stands for any day of it: a full date of that month
    // among the first lines gives the day ("date 2019-06 ... Trumpem 0 11 czerwca 2019").
    let mut stuck_month: Option<HeaderDate> = None;
    if let Some(c) = all.first().and_then(|l| LEADING_DATE.captures(l.text)) {
        let number = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let year = number(1).and_then(|y| i32::try_from(y).ok());
        match (number(2), number(3)) {
            (Some(month), Some(day)) => published_line = HeaderDate::new(year, month, Some(day)),
            (Some(month), None) => {
                stuck_month = HeaderDate::new(year, month, None);
                published_line = stuck_month.and_then(|m| day_in_month(&all, &m));
            }
            _ => {}
        }
    }
    // The capture's stuck date may be a day off the date the page shows (another time zone):
    // the page's own date line then wins.
    let stuck = published_line;
    // The patterns take any word for a month; the date must read as one.
    let datelines = [
        &*DATE_FIRST_DATELINE,
        &*PAREN_DATELINE,
        &*CREDIT_DATELINE,
        &*PLACE_DATE_AGENCY_DATELINE,
        &*AGENCY_PLACE_DATE_DATELINE,
        &*PLACE_FULL_DATE_DATELINE,
    ];
    for line in &all {
        let p = plain(line.text);
        let dated = datelines
            .iter()
            .find_map(|re| re.captures(p).and_then(|c| hdate::find_date(&c["date"])));
        if let Some((date, _)) = dated {
            published_line = published_line.or(Some(date));
            break;
        }
        if let Some(d) = short_year_dateline(p) {
            published_line = published_line.or(Some(d));
            break;
        }
    }
    // Whether the published date came from the page's first line, where a site prints
    // today's date (the day the page was fetched) above the article's own.
    let mut published_on_first_line = false;
    for (i, line) in all.iter().enumerate().take(MAX_HEADER_LINES) {
        match classify(line.text) {
            Kind::SectionLabel => header.furniture.push(line.span),
            Kind::Dates { .. } if after_weather(&all, i) => header.furniture.push(line.span),
            Kind::Dates { published, updated } => {
                // A site's clock above the date ("• 21:31" over "Wednesday, 14 October 2009")
                // shows the same: the day the page was read.
                let first = i == 0 || (i == 1 && BARE_CLOCK.is_match(all[0].text));
                published_on_first_line |= first && published_line.is_none() && published.is_some();
                if let (Some(stuck), Some(shown)) =
                    (stuck.filter(|s| published_line == Some(*s)), published)
                {
                    if day_apart(&shown, &stuck) {
                        published_line = Some(shown);
                    }
                }
                published_line = published_line.or(published);
                updated_line = updated_line.or(updated);
                header.furniture.push(line.span);
            }
            Kind::Byline => header.furniture.push(line.span),
            Kind::Url(u) => {
                header.url.get_or_insert(u);
                header.furniture.push(line.span);
            }
            _ if furniture::is_furniture_line(line.text) => header.furniture.push(line.span),
            _ => {
                if dateline_found.is_none() {
                    dateline_found = dateline(line.text);
                }
                let p = plain(line.text);
                let is_title = title_allowed
                    && header.title.is_none()
                    && i + 1 < all.len()
                    && dateline_found.is_none()
                    && looks_like_headline(p);
                title_allowed = false;
                if is_title {
                    let (p, byline_date) = match byline_closing_title(p) {
                        Some((start, date)) => (p[..start].trim_end(), Some(date)),
                        None => (p, None),
                    };
                    header.title = Some(p.to_string());
                    title_dated = date_closing_title(p).or(byline_date);
                    header.title_line = Some(line.span);
                    header.furniture.push(line.span);
                } else if is_prose(line.text) {
                    prose_lines += 1;
                    // A standfirst may come before the date line ("Updated:" below it); two
                    // paragraphs of prose end the header.
                    if prose_lines >= 2 || published_line.is_some() || updated_line.is_some() {
                        break;
                    }
                }
            }
        }
    }

    if published_on_first_line {
        if let Some(earlier) = published_line.and_then(|today| earlier_stamp(text, &today)) {
            published_line = Some(earlier);
        }
    }
    // A first-line date that the story's own year-less dateline contradicts ("Sunday, November
    // 24, 2024" over "Havana, Aug 6 (Prensa Latina)") was the site's "today".
    // A date more than a week from the dateline's month and day: the dateline tells the story's
    // day (a week allows for a caption's or a weekly's date).
    // A date with no day, or a dateline a year-end away ("Jan 1" under "December 31"), does
    // not contradict.
    let contradicted = |date: &HeaderDate| match (&dateline_found, date.day(), date.year) {
        (Some((told, _)), Some(day), Some(year)) if told.year.is_none() && told.day.is_some() => {
            let near = (year - 1..=year + 1)
                .filter_map(|y| HeaderDate::new(Some(y), told.month, told.day)?.day())
                .any(|t| (day - t).num_days().abs() <= 7);
            !near
        }
        _ => false,
    };
    if published_on_first_line && published_line.is_some_and(|first| contradicted(&first)) {
        published_line = None;
    }
    let url_date = url.or(header.url.as_deref()).and_then(hdate::from_url);
    let url_day = url_date.filter(|d| d.day.is_some());
    let dateline_dated = dateline_found
        .as_ref()
        .map(|(d, _)| *d)
        .filter(|d| d.year.is_some());
    let reference = published_line.or(url_day).or(updated_line).or(url_date);
    let dateline_inferred = dateline_found
        .as_ref()
        .and_then(|(d, _)| reference.and_then(|r| d.with_year_from(&r)));
    // A dateline without its year is no date the page shows for itself: an "Updated:" stamp a
    // day after it is ("Updated: 2006-04-02 08:52" over "PERTH, Australia, April 1 --", the
    // night's story posted the next morning); one weeks later is a later edit.
    let chosen = published_line
        .or(url_day)
        .or(dateline_dated)
        .or(updated_line.filter(|u| dateline_inferred.is_some_and(|d| day_after(u, &d))))
        .or(dateline_inferred)
        .or(title_dated)
        .or(updated_line)
        .or(url_date)
        // A stamp found below the header (a related story's, the site's today) must not
        // contradict the dateline either, nor a stuck month ("date 2016-11" over "Door ANP -
        // 8-11-2016"), which is the last resort.
        .or_else(|| {
            wider_scan(text)
                .map(|d| numeric_order_as_shown(&all, d))
                .filter(|d| !contradicted(d))
                .filter(|d| stuck_month.is_none_or(|m| d.year == m.year && d.month == m.month))
        })
        .or(stuck_month);
    let chosen = chosen.map(|d| numeric_order_as_shown(&all, d));
    header.published = chosen.and_then(|d| d.iso());
    if header.published.is_none() {
        if let Some((_, written)) = &dateline_found {
            header.warnings.push(format!(
                "dateline date \"{written}\" has no year and no other date in the header gives one: publication date unknown"
            ));
        }
    }
    header
}

/// "Published: 7/2/2017" on a page whose short "Lima, Jul. 2." line gives the month and day
/// the other way round: an all-numeric date that was read day first (both numbers could be
/// months) is month first when a short header line or a dateline spells out that reading (its
/// month in words) and none spells out the other; and the other way round ("06/08/2024 05:29
/// PM" over "MEXICO CITY, Aug 6 (Bernama) --").
fn numeric_order_as_shown(all: &[Line<'_>], d: HeaderDate) -> HeaderDate {
    let Some(day) = d.day.filter(|&day| day <= 12 && day != d.month) else {
        return d;
    };
    let spelled = |t: &str| {
        if words(t) <= 8 {
            hdate::find_date(t)
                .filter(|(_, at)| t[at.clone()].contains(char::is_alphabetic))
                .map(|(x, _)| x)
        } else {
            // A dateline spells it too: "MEXICO CITY, Aug 6 (Bernama) -- ...".
            dateline(t)
                .filter(|(_, written)| written.contains(char::is_alphabetic))
                .map(|(x, _)| x)
        }
    };
    let shown: Vec<HeaderDate> = all
        .iter()
        .take(WIDE_HEAD_LINES)
        .map(|l| plain(l.text))
        .filter_map(spelled)
        .filter(|x| x.year.is_none() || x.year == d.year)
        .collect();
    let swapped = shown
        .iter()
        .any(|x| x.month == day && x.day == Some(d.month));
    let as_read = shown
        .iter()
        .any(|x| x.month == d.month && x.day == Some(day));
    if swapped && !as_read {
        HeaderDate::new(d.year, day, Some(d.month)).unwrap_or(d)
    } else {
        d
    }
}

/// The first full date of `month`'s year and month on the header lines before the first
/// paragraph of prose (a date in the story is an event's).
fn day_in_month(all: &[Line<'_>], month: &HeaderDate) -> Option<HeaderDate> {
    // A date that closes its line, as a stamp does ("... Trumpem 0 11 czerwca 2019"), or a date
    // line; not a headline's event ("Modi to meet Trump on 28 June 2019 at G20").
    let stamp = |line: &str| -> Option<HeaderDate> {
        let p = plain(line).trim_end_matches(['.', ' ']);
        let closing = hdate::dates_in(p)
            .last()
            .filter(|(_, r)| r.end == p.len())
            .map(|(d, _)| d);
        let dated = match classify(line) {
            Kind::Dates { published, .. } => published,
            _ => None,
        };
        closing.or(dated)
    };
    all.iter()
        .take_while(|l| !is_prose(l.text))
        .filter_map(|l| stamp(l.text))
        .find(|d| full(d) && d.year == month.year && d.month == month.month)
}

/// Two full dates one day apart.
fn day_apart(a: &HeaderDate, b: &HeaderDate) -> bool {
    day_after(a, b) || day_after(b, a)
}

/// Whether `a` is the day after `b`.
fn day_after(a: &HeaderDate, b: &HeaderDate) -> bool {
    a.day()
        .zip(b.day())
        .is_some_and(|(x, y)| (x - y).num_days() == 1)
}

/// A page's own date stamp below a first-line date that is later than it: the first line was
/// the site's "today" (a page cannot be stamped after the day it was read). Only explicit date
/// lines and timestamps count, as in [`wider_scan`].
fn earlier_stamp(text: &str, first: &HeaderDate) -> Option<HeaderDate> {
    let key = |d: &HeaderDate| (d.year, d.month, d.day);
    if !full(first) {
        return None;
    }
    let all: Vec<Line<'_>> = lines(text).take(WIDE_HEAD_LINES).collect();
    all.iter().enumerate().skip(1).find_map(|(i, line)| {
        let p = plain(line.text);
        let stamp = match classify(p) {
            Kind::Dates { published, updated } => published.or(updated),
            _ => timestamp(p),
        };
        stamp
            .filter(full)
            .filter(|d| key(d) < key(first))
            .filter(|_| !after_weather(&all, i))
    })
}

/// The line at `i` follows a weather widget's temperature (one or two lines above).
fn after_weather(all: &[Line<'_>], i: usize) -> bool {
    all[i.saturating_sub(2)..i]
        .iter()
        .any(|l| TEMPERATURE.is_match(plain(l.text)))
}

#[cfg(test)]
mod tests;
