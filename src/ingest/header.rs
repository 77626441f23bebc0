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

use std::sync::LazyLock;

use regex::Regex;

use super::furniture;
use super::hdate::{self, HeaderDate};
use crate::text::ByteSpan;

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
            Some(Line { span: ByteSpan::new(at + lead, at + lead + content.len()), text: content })
        }
    })
}

/// The line without Markdown decoration: leading `#`, `>`, list marks, and `*`/`_` emphasis.
pub fn plain(line: &str) -> &str {
    line.trim_start_matches(['#', '>']).trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
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

static DATE_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:(?:first|originally)\s+)?
          (published|posted|updated|last\s+updated|modified|last\s+modified|date|publication\s+date|
           release\s+date|released|issued|created|
           publicado|publicada|publié|publiée|publie|veröffentlicht|pubblicato|
           última\s+atualização|atualizado|actualizado|mis\s+à\s+jour|aktualisiert|aggiornato)(?:\b|\s|$)
          (?:\s*(?:on|at|em|el|le|am|il|a|às))?\s*[:：|\-–—]?\s*(.*)$",
    )
    .unwrap()
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Bb]y|BY|(?:Written|Reported|Reporting|Editing|Posted|Story|Words|Text) by)\s+\p{Lu}[\p{L}.'’\-]*(?:(?:\s+|,\s*|\s+and\s+)\p{Lu}[\p{L}.'’\-]*)*(?:\s*[,|/]\s*.{0,40})?$").unwrap()
});
static CREDIT_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*(?:source|editor|edited\s+by|author|reporter|writer|correspondent|translated\s+by|compiled\s+by)\s*[:：]\s*\S").unwrap()
});
static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"https?://[^\s<>()\[\]]+").unwrap());
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:url|link|source|source\s+url|original|read\s+(?:it\s+)?online)\s*[:：]\s*)?(https?://\S+)$")
        .unwrap()
});
/// "HANOI, Dec. 19 (Reuters) -", "ISLAMABAD, March 27 (APP):", "BEIJING, Aug. 20, 2024 (Xinhua) --".
/// A date stuck before the first sentence, as page captures often carry it:
/// " date 2023-12-14 Foreign Ministers of ...".
static LEADING_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?i:date)[:\s]\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\b").unwrap());
/// A dateline that leads with a full date: "Jan 3, 2005 (ABUJA) —", or with the date alone
/// before the first sentence: "January 06, 2009: Prime Minister ...".
static DATE_FIRST_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<date>(?i:[a-z]{3,9})\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}|[0-9]{1,2}\.?\s+\p{L}{3,9}\.?,?\s+[0-9]{4})\s*(?:\([\p{Lu}][\p{L} .,'’\-]{1,40}\)\s*(?:--|-|—|–|:)|(?:--|—|–|:)\s*\p{Lu})").unwrap()
});

/// A dateline whose credits in parentheses end with the full date: "DUBAI, (UrduPoint / WAM -
/// 31st Dec, 2020) His Highness ...": syndicated agency copy stamps the item this way.
static CREDIT_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu} .'’\-]{1,30},?\s*\([^()]{1,80}?\s[-–—]\s*(?P<date>[0-9]{1,2}(?:st|nd|rd|th)?\s+(?i:[a-z]{3,9})\.?,?\s+[0-9]{4}|(?i:[a-z]{3,9})\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4})\)\s*\p{Lu}").unwrap()
});

/// Font-size and print widgets printed right after a date ("Xinhua, May 13, 2016 Adjust font
/// size:").
static WIDGET_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*(?:adjust\s+)?(?:font|text)(?:\s+size)?\s*:?\s*(?:[-+]\s*)*$").unwrap());

/// A first paragraph that opens with its full date in parentheses: "(Apr. 2, 2008) In February ...".
/// Legal and agency bulletins date each item this way; it is the item's date, not an event's
/// (an event date in prose is never set apart in parentheses before the first word).
static PAREN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\((?P<date>(?i:[a-z]{3,9})\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}|[0-9]{1,2}\s+(?i:[a-z]{3,9})\.?,?\s+[0-9]{4})\)\s+\p{Lu}").unwrap()
});
/// A dateline with the month abbreviated and a two-digit year, in Spanish or English: "Lima
/// (Perú), (jun. 26/14).", "Ciudad de México (mar. 10/20)." (ministry releases date their
/// items this way).
static SHORT_YEAR_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L} .,()]{1,50}?\((?P<m>\p{L}{3,4})\.\s*(?P<d>[0-9]{1,2})/(?P<y>[0-9]{2})\)\.?\s+\p{Lu}").unwrap()
});

/// The date of a [`SHORT_YEAR_DATELINE`].
fn short_year_dateline(line: &str) -> Option<HeaderDate> {
    let c = SHORT_YEAR_DATELINE.captures(line)?;
    let abbr = c["m"].to_lowercase();
    const SPANISH: [(&str, u32); 5] = [("ene", 1), ("abr", 4), ("ago", 8), ("set", 9), ("dic", 12)];
    let month = SPANISH.iter().find(|(a, _)| *a == abbr).map(|&(_, m)| m).or_else(|| hdate::month_number(&abbr))?;
    HeaderDate::new(Some(2000 + c["y"].parse::<i32>().ok()?), month, c["d"].parse().ok())
}

/// A record's own date given as "<what>: debated/delivered/dated on <date>" ("Volume 12: debated
/// on Monday 3 May 2010"): parliamentary records and speech transcripts date the page this way.
static ON_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[\p{L}\p{N} ]{1,20}:\s*)?(?:debated|delivered|dated)\s+on\s+(.{6,40})$").unwrap()
});
/// A title that names a speech and its delivery date ("Speech by the Minister ..., 3 May 2010, at
/// ..."): the transcript is published as the speech's record, so that date is the page's.
static SPEECH_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:keynote|opening|closing|welcome)\s+)?(?:speech|remarks|address|statement|toast|lecture)\s+(?:\S+\s+){0,3}?by\b").unwrap()
});
/// A weather widget's temperature ("16.2 C", "24°C", "75 °F"): themes print it above the
/// visitor's current date, which is not the article's.
static TEMPERATURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-?[0-9]{1,3}(?:[.,][0-9])?\s*°?\s*[CF]$").unwrap());
/// A clock time right after a date: "| 09:28", "[12:09]", ", 12:25:34", " 8:13 PM".
static TIME_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[,|@\-–]\s*)?\[?\s*[0-9]{1,2}:[0-9]{2}\b").unwrap());
/// "at 4:00 p.m.", "at 14.05", "at 9am" after a date: the time of the stamp; also in the
/// Portuguese, French, Spanish, Italian and German manner ("às 15h43", "à 10h05", "a las
/// 10:30", "alle 9.15", "um 14:05 Uhr").
static AT_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:at|às|as|à|a\s+las|alle|ore|um)\s+[0-9]{1,2}(?:(?:[:.]|h)[0-9]{2})?\s*(?:[ap]\.?m\.?|uhr)?").unwrap()
});
/// A dotted "a.m." / "p.m.", read as "am" / "pm".
static DOTTED_MERIDIEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b([ap])\.m\.").unwrap());
/// A reading-time note beside the date ("3 min read", "5 minutes read").
static READING_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b[0-9]{1,3}\s*(?:min|mins|minutes?)\.?\s+read\b").unwrap());
/// A blog's filing note beside its date: "Filed under: Water, Diplomacy", "Tags: ...".
static FILED_UNDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:filed\s+(?:under|in)|posted\s+in|tags?|categor(?:y|ies)|topics?|sections?)\s*:").unwrap());
/// How long ago a page was posted: "2d", "5h", "3 hrs ago", "1 day ago".
static PAGE_AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[0-9]{1,3}\s*(?:[smhdw]|mins?|minutes?|hrs?|hours?|days?|weeks?)(?:\s+ago)?$").unwrap()
});
/// A blog's comment counter beside its date: "0 comments", "3 Comentarios", "12 réponses".
static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[0-9]+|no)\s+(?:comments?|comentarios?|comentários?|commentaires?|kommentare?|commenti|commento|responses?|replies|reply|réponses?|respuestas?)$").unwrap()
});
/// A byline that carries the date: "By Jane Roe on 12 March 2021", "Written by Staff Writer on
/// March 12, 2021." (the name part is checked apart: capitalised words only).
static BYLINE_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Bb]y|BY|(?:Written|Reported|Posted|Published) by)\s+(?P<who>\p{Lu}[^|;]{0,60}?)\s+on\s+(?P<date>[^|;]{6,60}?)\.?$").unwrap()
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?P<place>\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,2})?)
          \s*,\s*
          (?P<date>(?i:[a-z]{3,9})\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\s+[0-9]{4})?|[0-9]{1,2}(?:st|nd|rd|th)?\s+(?i:[a-z]{3,9})\.?(?:,?\s+[0-9]{4})?|[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4})
          \s*(?:\((?P<agency>[^)]{1,40})\))?
          \s*(?:--|-|—|–|:|/)",
    )
    .unwrap()
});

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn is_section_label(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || line.chars().count() > 50 || letters.iter().any(|c| c.is_lowercase()) {
        return false;
    }
    let separated = line.contains(['/', '|', '>', '›', '»', '·']);
    let ok_chars = line.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || "/|>›»·&,-–'’.".contains(c));
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

fn classify(line: &str) -> Kind {
    let p = plain(line);
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
    for part in p.split(['|', '·', '•', '\t', ';']).map(str::trim).filter(|s| !s.is_empty()) {
        let without_reading_time = READING_TIME.replace_all(part, " ");
        let part = without_reading_time.trim();
        if part.is_empty() {
            continue;
        }
        if let Some(date) = BYLINE_ON
            .captures(part)
            .filter(|c| {
                c["who"]
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_LINKS.contains(&w))
            })
            .and_then(|c| hdate::find_date(&c["date"]).filter(|(d, r)| full(d) && r.start == 0).map(|(d, _)| d))
        {
            published = published.or(Some(date));
            dated_parts += 1;
            continue;
        }
        if let Some(c) = DATE_KEY.captures(part).filter(|_| words(part) <= 12) {
            if let Some((date, _)) = hdate::find_date(&c[2]) {
                let key = c[1].to_lowercase();
                let updated_key = ["updated", "modified", "atualiza", "actualizado", "mis à jour", "aktualisiert", "aggiornato"];
                if updated_key.iter().any(|k| key.contains(k)) {
                    updated = updated.or(Some(date));
                } else {
                    published = published.or(Some(date));
                }
                dated_parts += 1;
                continue;
            }
        }
        if let Some(date) =
            ON_KEY.captures(part).and_then(|c| hdate::find_date(&c[1])).map(|(d, _)| d).filter(|d| d.year.is_some())
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
            let after = WIDGET_TAIL.find(after).map_or(after, |m| &after[..m.start()]);
            let extra_words = |s: &str| -> Vec<String> {
                s.split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.len() >= 2)
                    .filter(|w| !is_weekday_or_time_word(w))
                    .map(str::to_string)
                    .collect()
            };
            let (wb, wa) = (extra_words(before), extra_words(after));
            // "on March 12, 2021" alone on a line: a post's date under its byline; "10:06 am on
            // 4 September 2017": the stamp's time first.
            let wb = if wb == ["on"] { Vec::new() } else { wb };
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
                ws.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_LINKS.contains(&w.as_str()))
                    && ws.iter().filter(|w| !NAME_LINKS.contains(&w.as_str())).count() <= 6
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
        if byline || (CREDIT_KEY.is_match(part) && words(part) <= 10) {
            continue;
        }
        if words(part) <= 3 && part.chars().next().is_some_and(|c| c.is_uppercase()) && !part.ends_with(['.', '!', '?'])
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
fn is_breadcrumb(line: &str) -> bool {
    ["»", " › ", " > "].iter().any(|sep| line.matches(sep).count() >= 2)
}

/// Lowercase words that can sit inside a name or a byline ("Republic of Ruritania", "By Jane
/// Roe in Lisbon").
const NAME_LINKS: &[&str] = &["in", "of", "the", "and", "de", "da", "del", "van", "von"];

/// `s` with a space put between a lowercase letter and a digit that follows it directly.
fn unglue(s: &str) -> String {
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

fn is_weekday_or_time_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "am",
        "pm",
        "gmt",
        "utc",
        "bjt",
        "ict",
        "pkt",
        "ist",
        "est",
        "edt",
        "cst",
        "cet",
        "pst",
        "pdt",
        "jst",
        "kst",
        "hkt",
        "sgt",
        "local",
        "time",
        "et",
        "pt",
        "ct",
        "bst",
        "cest",
        "aest",
        "aedt",
        "wib",
        "eat",
        "cat",
        "wat",
        "sast",
        "msk",
        "ast",
        "nzst",
        "nzdt",
        "pht",
        "myt",
        "irst",
        "gst",
        // Weekdays of the French, Spanish, Portuguese, German and Italian pages that English
        // news aggregates ("Mardi 27 Septembre 2022").
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "segunda", "terça", "quarta", "quinta", "sexta", "feira",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    ];
    let w = w.to_lowercase();
    WORDS.contains(&w.as_str())
}

/// A dateline at the start of `line`: its date, with or without a year.
pub fn dateline(line: &str) -> Option<(HeaderDate, String)> {
    let c = DATELINE.captures(plain(line))?;
    let written = c.name("date")?.as_str();
    let (date, _) = hdate::find_date(written)?;
    Some((date, written.to_string()))
}

/// A first-paragraph line: sentence-like, or too long for a headline, so the header is over.
fn is_prose(line: &str) -> bool {
    let w = words(line);
    w > 30 || (w >= 6 && line.trim_end_matches(['"', '”', '’', '\'', ')', ']']).ends_with(['.', '!', '?']))
}

/// Reads the header block of `text`. `url` is the document's own URL when known (its path may
/// carry the date).
pub fn parse(text: &str, url: Option<&str>) -> Header {
    let mut header = Header::default();
    let mut published_line: Option<HeaderDate> = None;
    let mut updated_line: Option<HeaderDate> = None;
    let mut dateline_found: Option<(HeaderDate, String)> = None;
    let mut title_allowed = true;
    let mut prose_lines = 0;
    let all: Vec<Line<'_>> = lines(text).take(MAX_HEADER_LINES + 1).collect();
    if let Some(c) = all.first().and_then(|l| LEADING_DATE.captures(l.text)) {
        published_line = hdate::find_date(&c[1]).map(|(d, _)| d);
    }
    // The capture's stuck date may be a day off the date the page shows (another time zone):
    // the page's own date line then wins.
    let stuck = published_line;
    for line in &all {
        let p = plain(line.text);
        if let Some(c) = DATE_FIRST_DATELINE
            .captures(p)
            .or_else(|| PAREN_DATELINE.captures(p))
            .or_else(|| CREDIT_DATELINE.captures(p))
        {
            published_line = published_line.or(hdate::find_date(&c["date"]).map(|(d, _)| d));
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
                published_on_first_line |= i == 0 && published_line.is_none() && published.is_some();
                if let (Some(stuck), Some(shown)) = (stuck.filter(|s| published_line == Some(*s)), published) {
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
                    header.title = Some(p.to_string());
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
    let url_date = url.or(header.url.as_deref()).and_then(hdate::from_url);
    let url_day = url_date.filter(|d| d.day.is_some());
    let dateline_dated = dateline_found.as_ref().map(|(d, _)| *d).filter(|d| d.year.is_some());
    let reference = published_line.or(url_day).or(updated_line).or(url_date);
    let dateline_inferred = dateline_found.as_ref().and_then(|(d, _)| reference.and_then(|r| d.with_year_from(&r)));
    let chosen = published_line
        .or(url_day)
        .or(dateline_dated)
        .or(dateline_inferred)
        .or(updated_line)
        .or(url_date)
        .or_else(|| wider_scan(text));
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
    let Some(day) = d.day.filter(|&day| day <= 12 && day != d.month) else { return d };
    let spelled = |t: &str| {
        if words(t) <= 8 {
            hdate::find_date(t).filter(|(_, at)| t[at.clone()].contains(char::is_alphabetic)).map(|(x, _)| x)
        } else {
            // A dateline spells it too: "MEXICO CITY, Aug 6 (Bernama) -- ...".
            dateline(t).filter(|(_, written)| written.contains(char::is_alphabetic)).map(|(x, _)| x)
        }
    };
    let shown: Vec<HeaderDate> = all
        .iter()
        .take(WIDE_HEAD_LINES)
        .map(|l| plain(l.text))
        .filter_map(spelled)
        .filter(|x| x.year.is_none() || x.year == d.year)
        .collect();
    let swapped = shown.iter().any(|x| x.month == day && x.day == Some(d.month));
    let as_read = shown.iter().any(|x| x.month == d.month && x.day == Some(day));
    if swapped && !as_read {
        HeaderDate::new(d.year, day, Some(d.month)).unwrap_or(d)
    } else {
        d
    }
}

/// Two full dates one day apart.
fn day_apart(a: &HeaderDate, b: &HeaderDate) -> bool {
    a.day().zip(b.day()).is_some_and(|(x, y)| (x - y).num_days().abs() == 1)
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
        stamp.filter(full).filter(|d| key(d) < key(first)).filter(|_| !after_weather(&all, i))
    })
}

/// The line at `i` follows a weather widget's temperature (one or two lines above).
fn after_weather(all: &[Line<'_>], i: usize) -> bool {
    all[i.saturating_sub(2)..i].iter().any(|l| TEMPERATURE.is_match(plain(l.text)))
}

/// How many lines from the top [`wider_scan`] reads, and from the bottom.
const WIDE_HEAD_LINES: usize = 30;
const TRAILER_LINES: usize = 8;

/// A full date (year and day) in `d`.
fn full(d: &HeaderDate) -> bool {
    d.year.is_some() && d.day.is_some()
}

/// A date stamped with a clock time in `line` ("Tuesday, May 4, 2010 | 09:28", "3 May 2010
/// [12:09]", "on: May 4, 2010, 12:25:34"): a time of day printed beside a full date is the
/// page's timestamp. Prose that gives an event's time says "on May 4 at 9:00", and a date after
/// a preposition ("on", "from", ...) is left alone.
fn timestamp(line: &str) -> Option<HeaderDate> {
    let mut pos = 0;
    while pos < line.len() {
        let (date, range) = hdate::find_date(&line[pos..])?;
        let (start, end) = (pos + range.start, pos + range.end);
        if full(&date) && TIME_AFTER.is_match(&line[end..]) {
            let before = line[..start]
                .split_whitespace()
                .rev()
                .find(|w| !is_weekday_or_time_word(w.trim_end_matches(',')))
                .unwrap_or("")
                .to_ascii_lowercase();
            const PREPOSITIONS: &[&str] = &[
                "on", "at", "by", "from", "until", "till", "since", "before", "after", "of", "to", "between", "and",
                "for", "until",
            ];
            if !PREPOSITIONS.contains(&before.as_str()) {
                return Some(date);
            }
        }
        pos = end.max(pos + 1);
        while !line.is_char_boundary(pos) {
            pos += 1;
        }
    }
    None
}

/// When the header block gives no date: page captures often put boilerplate (cookie and browser
/// notices, forum chrome, a standfirst) before the date, glue the header onto the first
/// paragraph, or print the date under the article. This reads, in order: the first
/// [`WIDE_HEAD_LINES`] lines for a date line or a timestamp; a speech title's date; the last
/// [`TRAILER_LINES`] lines for a keyed date ("Published Date: ..."), a credit with a date
/// ("(Some News Agency June 7, 2007)"), or a bare date beside a blog's "Posted by" line.
/// Only explicit forms count: a date in prose is an event's date.
fn wider_scan(text: &str) -> Option<HeaderDate> {
    let all: Vec<Line<'_>> = lines(text).collect();
    for (i, line) in all.iter().enumerate().take(WIDE_HEAD_LINES) {
        let p = plain(line.text);
        if let Kind::Dates { published, updated } = classify(p) {
            if let Some(d) = published.or(updated).filter(full).filter(|_| !after_weather(&all, i)) {
                return Some(d);
            }
        }
        if let Some(d) = timestamp(p).filter(|_| !after_weather(&all, i)) {
            return Some(d);
        }
    }
    if let Some(first) = all.first().map(|l| plain(l.text)).filter(|t| SPEECH_TITLE.is_match(t)) {
        if let Some((d, _)) = hdate::find_date(first).filter(|(d, _)| full(d)) {
            return Some(d);
        }
    }
    let from = all.len().saturating_sub(TRAILER_LINES);
    for i in from..all.len() {
        let p = plain(all[i].text);
        let inner = p.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(p);
        let Kind::Dates { published, updated } = classify(inner) else { continue };
        let Some(d) = published.or(updated).filter(full) else { continue };
        // A bare date under an article can be a related story's; a blog prints the post's
        // date next to its "Posted by" line.
        let worded = inner
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() >= 2 && !is_weekday_or_time_word(w) && hdate::month_number(w).is_none());
        let posted = |j: usize| all.get(j).is_some_and(|l| plain(l.text).to_ascii_lowercase().starts_with("posted by"));
        if worded || posted(i + 1) || (i > 0 && posted(i - 1)) {
            return Some(d);
        }
    }
    all.last().and_then(|line| closing_stamp(plain(line.text)))
}

/// A full date in parentheses after the last sentence of the text: "... junto al Mandatario
/// boliviano. (24/09/2017)". Ministry and agency pages stamp their items this way; a date in
/// prose sits inside a sentence, not after its full stop.
fn closing_stamp(line: &str) -> Option<HeaderDate> {
    let inside = line.strip_suffix(')')?;
    let open = inside.rfind('(')?;
    let (before, stamp) = (inside[..open].trim_end(), inside[open + 1..].trim());
    if !before.ends_with(['.', '!', '?', '"', '”']) {
        return None;
    }
    hdate::find_date(stamp).filter(|(d, range)| full(d) && range.start == 0 && range.end == stamp.len()).map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str, spans: &[ByteSpan]) -> Vec<String> {
        spans.iter().map(|s| s.slice(text).to_string()).collect()
    }

    const GLOBAL_TIMES: &str = "CHINA\u{a0}/\u{a0}DIPLOMACY\nVietnam's party general secretary meets Chinese defense minister amid high level of political mutual trust\nPublished: Dec 20, 2024 11:19 PM\nChina Vietnam Photo: VCG\n\nChina Vietnam Photo: VCG\n\n\n\n General Secretary of the Communist Party of Vietnam Central Committee To Lam met with Chinese Defense Minister Dong Jun in Hanoi on Thursday. Dong and his delegation attended a grand gathering.\n\nSince the beginning of this year, there have been frequent exchanges.\n";

    #[test]
    fn seed_header_with_section_label_title_and_published_line() {
        let h = parse(GLOBAL_TIMES, None);
        assert_eq!(
            h.title.as_deref(),
            Some("Vietnam's party general secretary meets Chinese defense minister amid high level of political mutual trust")
        );
        assert_eq!(h.published.as_deref(), Some("2024-12-20"));
        assert_eq!(
            lines_of(GLOBAL_TIMES, &h.furniture),
            [
                "CHINA\u{a0}/\u{a0}DIPLOMACY",
                "Vietnam's party general secretary meets Chinese defense minister amid high level of political mutual trust",
                "Published: Dec 20, 2024 11:19 PM",
                "China Vietnam Photo: VCG",
                "China Vietnam Photo: VCG",
            ]
        );
        assert_eq!(h.title_line.map(|s| s.slice(GLOBAL_TIMES)), h.title.as_deref());
        assert!(h.warnings.is_empty());
    }

    #[test]
    fn a_breadcrumb_trail_is_furniture() {
        let t =
            "Example News \u{bb} World \u{bb} India and Nepal ink a pact\n\nIndia and Nepal signed a pact on Monday.\n";
        let h = parse(t, None);
        assert_eq!(lines_of(t, &h.furniture)[0], "Example News \u{bb} World \u{bb} India and Nepal ink a pact");
        // One separator is no trail.
        assert!(!is_breadcrumb("Prices \u{bb} up"));
        assert!(is_breadcrumb("Home > Politics > Ties"));
    }

    #[test]
    fn headline_without_label() {
        let t = "Xi Jinping’s Visit to Vietnam Shows Stable Relations\nAccording to Globely News, Before the U.S. and Vietnam announced their partnership in September 2023, some thought China would react poorly.\n";
        let h = parse(t, None);
        assert_eq!(h.title.as_deref(), Some("Xi Jinping’s Visit to Vietnam Shows Stable Relations"));
        assert_eq!(h.published, None);
        assert!(h.warnings.is_empty());
    }

    #[test]
    fn prose_first_line_is_not_a_title() {
        let t = "China is willing to work with Vietnam to promote high-level communication, Chinese Defense Minister Li Shangfu said on Tuesday.\nExperts said the meeting was a response.\n";
        let h = parse(t, None);
        assert_eq!(h.title, None);
        assert!(h.furniture.is_empty());
        // A one-line document has no headline either.
        assert_eq!(parse("Vietnam and China sign deal", None).title, None);
    }

    #[test]
    fn date_stuck_before_the_first_sentence() {
        let h = parse(" date 2023-12-14 Foreign Ministers of Vietnam, Benin hold talks in Hanoi on Thursday with many officials present.\nMore.", None);
        assert_eq!(h.published.as_deref(), Some("2023-12-14"));
        let h = parse("Updating the date of the meeting is hard.\n", None);
        assert_eq!(h.published, None);
    }

    #[test]
    fn dateline_that_leads_with_a_full_date() {
        let h = parse("AU confirms postponement of mini-summit\nJan 3, 2005 (ABUJA) — African Union Chairman Olusegun Obasanjo on Tuesday confirmed the postponement.\n", None);
        assert_eq!(h.published.as_deref(), Some("2005-01-03"));
    }

    #[test]
    fn updated_line() {
        let t = "Pakistan, China agree to boost ties\nUpdated: 2019-02-22 07:51\nIslamabad and Beijing agreed to expand cooperation in trade, officials said.\n";
        let h = parse(t, None);
        assert_eq!(h.published.as_deref(), Some("2019-02-22"));
        assert_eq!(lines_of(t, &h.furniture), ["Pakistan, China agree to boost ties", "Updated: 2019-02-22 07:51"]);
    }

    #[test]
    fn posted_on_line_and_byline() {
        let t = "Defence ministers meet in Beijing\nBy Nguyen Van An and Li Wei\nPosted on August 21, 2024\nThe defence ministers of China and Vietnam met in Beijing on Tuesday, state media said.\n";
        let h = parse(t, None);
        assert_eq!(h.published.as_deref(), Some("2024-08-21"));
        assert_eq!(h.furniture.len(), 3);
    }

    #[test]
    fn a_stuck_date_a_day_off_the_shown_one_gives_way() {
        let t = " date 2019-09-27 Leaders meet in New York\n\n26 September 2019\nShabelle Media Network (Mogadishu)\n\nThe president held talks with the UN chief in New York on the sidelines of the assembly.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2019-09-26"));
        // Farther apart, the shown date may be another event's: the stuck one stays.
        let t = " date 2019-09-27 Leaders meet in New York\n\n20 September 2019\n\nThe president held talks with the UN chief in New York on the sidelines of the assembly.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2019-09-27"));
    }

    #[test]
    fn an_aggregator_line_with_the_page_age() {
        for line in ["Story by Jane Roe • 2d • Mar 13, 2024", "Reuters • 5 hrs ago • Mar 13, 2024"] {
            let t = format!(
                "Talks open in Hanoi\n{line}\nThe talks opened in Hanoi on Monday and are expected to last two days.\n"
            );
            assert_eq!(parse(&t, None).published.as_deref(), Some("2024-03-13"), "{line}");
        }
        // An age alone dates nothing.
        let t = "Talks open in Hanoi\nReuters • 2d\nThe talks opened in Hanoi on Monday and are expected to last two days.\n";
        assert_eq!(parse(t, None).published, None);
    }

    #[test]
    fn combined_line_with_parts() {
        let t = "Talks open in Hanoi\nBy Tran Minh | Published: 20 December 2024 | Updated: 21 December 2024\nThe talks opened in Hanoi on Friday and are expected to last two days.\n";
        let h = parse(t, None);
        assert_eq!(h.published.as_deref(), Some("2024-12-20"));
        assert_eq!(h.furniture.len(), 2);
    }

    #[test]
    fn site_today_above_the_article_stamp() {
        // The site prints the day it was read on top; the article's stamp is below the title.
        let t = "12 Feb 2025\nWednesday 3 April 2019 - 10:15\nStory Code : 1234\n\nMinisters meet in Lima\n\nThe two ministers met in Lima on Tuesday to discuss fishing rights, the ministry said.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2019-04-03"));
        let widget = "March 02, 2026 08:40 am (IST)\nFollow us:\nTop stories | Rain floods the capital | Markets close higher on Monday after a slow week\nMinisters meet in Lima\n| | Apr 3, 2019, at 10:15 am\nThe two ministers met in Lima on Tuesday to discuss fishing rights.\n";
        assert_eq!(parse(widget, None).published.as_deref(), Some("2019-04-03"));
        // A first-line date with nothing earlier below it stays the page's date.
        let plain_page = "Wednesday 3 April 2019 - 10:15\nMinisters meet in Lima\nThe ministers met on 12 February 2025, the ministry said.\n";
        assert_eq!(parse(plain_page, None).published.as_deref(), Some("2019-04-03"));
    }

    #[test]
    fn foreign_clock_after_a_bare_date() {
        let t = "Notícias\n\n2017-02-09 às 15h43\n\nMinistro em visita oficial a Angola\n\nO Ministro desloca-se a Angola, a convite do seu homólogo, numa visita oficial.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2017-02-09"));
    }

    #[test]
    fn numeric_dateline_with_agency() {
        let t = "Bruxelles, 06/03/2009 (Agence Europe) - Après six mois de discussions, l'UE et le Canada se sont entendus.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2009-03-06"));
    }

    #[test]
    fn a_stamp_closing_the_last_paragraph() {
        let t = "Site name\n\nBolivia plans meetings\n\nBolivia is planning meetings with five countries, the foreign minister said on 12 May.\n\nHe added that Spain had invited him. (24/09/2017)";
        assert_eq!(parse(t, None).published.as_deref(), Some("2017-09-24"));
        // A date in prose is an event's.
        let t = "Site name\n\nBolivia plans meetings\n\nBolivia is planning meetings with five countries.\n\nThe visit is set for the summit (24/09/2017)";
        assert_eq!(parse(t, None).published, None);
    }

    #[test]
    fn a_comment_counter_beside_the_date() {
        let t = "Title here\n\n23 Abr, 2018  |  Economía y finanzas  |  0 comentarios\n\nThe ministers met on Tuesday in Mexico City to discuss trade.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2018-04-23"));
        let t = "Title here\n\nMarch 23, 2018 | Politics | 4 Comments\n\nThe ministers met on Tuesday in Mexico City to discuss trade.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2018-03-23"));
    }

    #[test]
    fn bare_date_line() {
        let t = "Leaders meet\nFriday, December 20, 2024 11:19 PM GMT+8\nThe leaders met on Friday in Hanoi to discuss trade, officials said.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2024-12-20"));
    }

    #[test]
    fn date_beside_a_time_with_its_am_glued() {
        let t = "Leaders to sign trade pact\n12 October 2022 • 5:30am\nThe leaders are poised to sign the pact on Thursday.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2022-10-12"));
    }

    #[test]
    fn numeric_date_with_a_separate_time_part() {
        let t =
            "Leaders meet\nPublished 24.10.2024 | 10:15\nThe leaders met on Thursday in Tashkent, officials said.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2024-10-24"));
        let t = "Leaders meet in Dakar\n13/01/2025\nDAKAR - The presidents met on Monday, officials said.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2025-01-13"));
    }

    #[test]
    fn reuters_dateline_takes_year_from_header() {
        let t = "Vietnam, China hold talks\nUpdated: 2025-01-02 07:51\nHANOI, Dec. 19 (Reuters) - Vietnam and China held talks on Thursday, officials said.\n";
        let h = parse(t, None);
        assert_eq!(h.published.as_deref(), Some("2024-12-19"));
        assert!(h.warnings.is_empty());
    }

    #[test]
    fn dateline_without_year_stays_unknown_with_a_warning() {
        let t = "HANOI, Dec. 19 (Reuters) - Vietnam and China held talks on Thursday, officials said.\n";
        let h = parse(t, None);
        assert_eq!(h.published, None);
        assert_eq!(h.title, None);
        assert_eq!(h.warnings.len(), 1);
        assert!(h.warnings[0].contains("Dec. 19"), "{:?}", h.warnings);
    }

    #[test]
    fn app_dateline_with_colon_and_url_month() {
        let t = "ISLAMABAD, March 27 (APP): Pakistan and China signed an agreement on Wednesday.\n";
        let h = parse(t, Some("https://www.app.com.pk/national/202403/pak-china"));
        assert_eq!(h.published.as_deref(), Some("2024-03-27"));
        let t = "ISLAMABAD, March 27, 2023 (APP): Pakistan and China signed an agreement.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2023-03-27"));
    }

    #[test]
    fn url_dates_day_and_month() {
        let t = "The ministers met in Beijing on Tuesday, a statement said.\nIt was their second meeting this year.\n";
        assert_eq!(
            parse(t, Some("https://example.com/2024/08/20/ministers-meet")).published.as_deref(),
            Some("2024-08-20")
        );
        assert_eq!(
            parse(t, Some("https://www.globaltimes.cn/page/202412/1325481.shtml")).published.as_deref(),
            Some("2024-12")
        );
    }

    #[test]
    fn url_line_in_header() {
        let t = "Ministers meet in Beijing\nhttps://example.com/world/2024/08/20/ministers-meet\nThe ministers met in Beijing on Tuesday, a statement said.\n";
        let h = parse(t, None);
        assert_eq!(h.url.as_deref(), Some("https://example.com/world/2024/08/20/ministers-meet"));
        assert_eq!(h.published.as_deref(), Some("2024-08-20"));
        assert_eq!(h.furniture.len(), 2);
    }

    #[test]
    fn footnote_urls_in_the_body_do_not_date_the_article() {
        let mut t = String::from("Vietnam Communist Party Central Committee Secretary General To Lam met with Chinese Defense Minister Dong Jun in Hanoi on Thursday.[1]\n");
        t.push_str("[1] “Vietnam’s party general secretary meets”, Global Times, https://www.globaltimes.cn/page/202412/1325481.shtml\n");
        assert_eq!(parse(&t, None).published, None);
    }

    #[test]
    fn markdown_heading_title() {
        let t = "# China and Vietnam sign hotline deal\n\n*Published: 2024-04-12*\n\nThe two navies agreed to set up a hotline, the ministry said on Friday.\n";
        let h = parse(t, None);
        assert_eq!(h.title.as_deref(), Some("China and Vietnam sign hotline deal"));
        assert_eq!(h.published.as_deref(), Some("2024-04-12"));
    }

    #[test]
    fn all_caps_headline_is_a_title_not_a_label() {
        let t = "CHINA AND VIETNAM SIGN HOTLINE DEAL\nThe two navies agreed to set up a hotline, the ministry said on Friday.\n";
        assert_eq!(parse(t, None).title.as_deref(), Some("CHINA AND VIETNAM SIGN HOTLINE DEAL"));
    }

    #[test]
    fn date_line_after_browser_notices() {
        // Two prose lines of page chrome end the strict header before the date line.
        let t = "The Daily Lantern\nYour browser is out of date and may not work well with this site.\nPlease update it to read our pages in full.\nFerns and ministers agree on garden pact\nJane Roe (The Daily Lantern)\nMon, March 4, 2019\nThe ministers of Ruritania and Freedonia agreed on Monday to share garden seeds, officials said.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2019-03-04"));
    }

    #[test]
    fn weather_widget_date_is_not_the_publication_date() {
        let t = "21.5 C\nLisbon\nJune 3, 2024\nRuritanian leader returns home\nThe president of Ruritania returned home on Friday after a summit, aides said.\n";
        assert_eq!(parse(t, None).published, None);
        let t = "Lisbon\nJune 3, 2024\nRuritanian leader returns home\nThe president of Ruritania returned home on Friday after a summit, aides said.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2024-06-03"));
    }

    #[test]
    fn date_beside_a_name_or_place() {
        assert_eq!(parse("Talks end\nBy Jane Roe in Lisbon March 3, 2021\nThe talks ended on Wednesday without a deal, envoys said.\n", None).published.as_deref(), Some("2021-03-03"));
        assert_eq!(
            parse("Talks end\nJane Roe3 March 2021\nThe talks ended on Wednesday without a deal, envoys said.\n", None)
                .published
                .as_deref(),
            Some("2021-03-03")
        );
        assert_eq!(
            parse(
                "Talks end\n3 May 2010 [12:09] - NEWS.XY\nThe talks ended on Wednesday without a deal, envoys said.\n",
                None
            )
            .published
            .as_deref(),
            Some("2010-05-03")
        );
        assert_eq!(parse("Press Release\n28 April 2017, Sunport, Republic of Ruritania\nThe ministers met on Friday and agreed on a plan.\n", None).published.as_deref(), Some("2017-04-28"));
        // A date with lowercase words around it is prose; an embedded post's signature dates the post.
        assert_eq!(classify("Talks were held on March 3, 2021 in Lisbon"), Kind::Other);
        let t = "Lisbon: The ministers met on Friday in Lisbon and talked about trade and seeds for an hour.\n— Jane Roe (@janeroe) July 8, 2022\nThey will meet again next year, aides said.\n";
        assert_eq!(parse(t, None).published, None);
    }

    #[test]
    fn parenthesised_date_opens_the_first_paragraph() {
        let t = "Ruritania; Freedonia: Accords Signed\n(Apr. 2, 2008) In February 2008 the presidents of Ruritania and Freedonia signed accords on seeds.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2008-04-02"));
    }

    #[test]
    fn debated_on_line() {
        let t = "Skip to main content\nGarden Summit\nVolume 12: debated on Monday 3 May 2010\nThe minister has made the following statement.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2010-05-03"));
    }

    #[test]
    fn timestamp_in_a_glued_header() {
        let mut t = String::from("Business Ruritania and Freedonia sign papers The pact was signed in Sunport on Monday. Source: Lantern Tuesday, May 4, 2010 | 09:28 Share");
        t.push_str(" and more words follow here to make this a long line of prose that ends.\nMore prose follows here, officials said.\n");
        assert_eq!(parse(&t, None).published.as_deref(), Some("2010-05-04"));
        // A time after "on <date> at" is an event's time.
        assert_eq!(timestamp("The talks open on May 4, 2010 at 09:00 in Sunport."), None);
        assert_eq!(timestamp("The talks open on May 4, 2010, 09:00 in Sunport."), None);
        assert_eq!(timestamp("« on: May 4, 2010, 12:25:34 »").and_then(|d| d.iso()).as_deref(), Some("2010-05-04"));
    }

    #[test]
    fn trailer_dates() {
        let body = "The ministers of Ruritania and Freedonia met in Sunport on Wednesday to ease tension.\nThey discussed trade and seeds, aides said.\n";
        assert_eq!(
            parse(&format!("{body}(Lantern News Agency June 7, 2007)\n"), None).published.as_deref(),
            Some("2007-06-07")
        );
        assert_eq!(parse(&format!("{body}Published Date:2018-07-23\n"), None).published.as_deref(), Some("2018-07-23"));
        assert_eq!(
            parse(&format!("{body}May 22, 2005 8:13 PM\nPosted By:\nCategories: World\n"), None).published.as_deref(),
            Some("2005-05-22")
        );
        // A bare date under the article may be a related story's.
        let related = format!(
            "{body}{}Related posts\nSeeds sold out in Sunport\nJune 9, 2007\n",
            "Filler sentence number one is here.\n".repeat(30)
        );
        assert_eq!(parse(&related, None).published, None);
    }

    #[test]
    fn speech_title_date() {
        let t = "Speech by Prime Minister Jane Roe, at the dinner for the President of Freedonia, 16 November 2006, at the Palace\nExcellencies\nOn behalf of the Government, I welcome you. We remember your last visit well and warmly.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2006-11-16"));
        let t = "Leaders to meet 16 November 2006\nThe leaders will meet in Sunport next week, aides said on Monday.\n";
        assert_eq!(parse(t, None).published, None);
    }

    #[test]
    fn by_the_end_is_prose_not_a_byline() {
        assert_ne!(classify("By the end of the year, the two sides had met four times."), Kind::Byline);
        assert_eq!(classify("By Li Wei"), Kind::Byline);
        assert_eq!(classify("Source: Xinhua"), Kind::Byline);
    }

    /// Header forms of news and blog pages (our own examples): a clock time after "at", a
    /// reading-time note, a byline that carries the date, a credit line after ";", a post's date
    /// alone under its byline.
    #[test]
    fn date_lines_and_datelines_of_pages_in_other_languages() {
        let t = "Ministros conversam por telefone\n\nPublicado em 18 de dezembro de 2024 às 07h20.\n\nÚltima atualização em 19 de dezembro de 2024 às 07h24.\n\nO ministro falou com o chanceler do México na terça-feira, informou o governo.\n";
        let h = parse(t, None);
        assert_eq!(h.published.as_deref(), Some("2024-12-18"));
        let t = "Sunport (Ruritania), (jun. 26/14). La ministra sostuvo una reunión bilateral con su homólogo de Freedonia.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2014-06-26"));
        let t = "Ciudad de Sunport (dic. 10/20). Los gobiernos de Ruritania y Freedonia acordaron este martes un gabinete binacional.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2020-12-10"));
        // A fraction in a bracket in prose dates nothing.
        let t = "The ministers met in Sunport. Turnout was high (jun. 26/14 of the seats).\n";
        assert_eq!(parse(t, None).published, None);
    }

    #[test]
    fn dateline_credits_ending_with_the_date() {
        let t = "SUNPORT, (Lantern Wire / Ruritania News Agency - 12th Mar, 2021) The minister of Ruritania today received the envoy of Freedonia, who delivered a message from his president.\n";
        assert_eq!(parse(t, None).published.as_deref(), Some("2021-03-12"));
        // Credits with no date, or a date that is not at their end, date nothing.
        for t in [
            "SUNPORT, (Lantern Wire) The minister of Ruritania today received the envoy of Freedonia, who delivered a message.\n",
            "SUNPORT, (Talks of 12 March 2021 - resumed) The minister of Ruritania today received the envoy of Freedonia, who delivered a message.\n",
        ] {
            assert_eq!(parse(t, None).published, None, "{t}");
        }
    }

    #[test]
    fn date_lines_with_times_reading_notes_and_bylines() {
        let body = "The ministers of three countries agreed on Friday to share water from the river.";
        for (line, want) in [
            ("September 5, 2019 at 4:00 p.m. EDT", "2019-09-05"),
            ("Sep. 5, 2019 at 16.05", "2019-09-05"),
            ("Mar 12, 2021 \u{b7} 3 min read", "2021-03-12"),
            ("Jane Roe | 12 March 2021 | 5 min read", "2021-03-12"),
            ("Written by Staff Writer on 12 March 2021.", "2021-03-12"),
            ("By Jane Roe on March 12, 2021", "2021-03-12"),
            ("Reporting by Jane Roe; March 12, 2021", "2021-03-12"),
            ("on March 12, 2021", "2021-03-12"),
            ("Updated March 12, 2021, 2:05 PM ET", "2021-03-12"),
            ("10:06 am on 12 March 2021", "2021-03-12"),
            ("12-Mar-2021 11:30 AM", "2021-03-12"),
            ("Lantern News, March 12, 2021 Adjust font size:", "2021-03-12"),
            ("March 12, 2021 Text size: - +", "2021-03-12"),
            ("Sept. 12, 2021 \u{b7} 6:03 a.m.", "2021-09-12"),
            ("Posted by Jane Roe \u{b7} 12 March 2021 \u{b7} Filed under: Water, Diplomacy", "2021-03-12"),
            // A US clock tells a US order; a clock with another zone does not.
            ("Updated 6/2/2016 5:31 PM", "2016-06-02"),
            ("Updated 6/2/2016 5:31 PM IST", "2016-02-06"),
            ("Updated 6/2/2016 17:31", "2016-02-06"),
            // Aggregated pages in other languages.
            ("Mardi 27 Septembre 2022", "2022-09-27"),
            ("12. März 2021 | 10:15", "2021-03-12"),
        ] {
            let t = format!("Ministers agree on new water pact\n{line}\n{body}\n");
            assert_eq!(parse(&t, None).published.as_deref(), Some(want), "{line}");
        }
        // Still prose: a date after "on" in a sentence, a byline whose "on" is followed by a
        // topic, a time after "at" that follows no date.
        for line in [
            "The talks will resume on March 12, 2021 at 4:00 p.m. in Geneva, officials said.",
            "By Jane Roe on the water talks",
            "Talks at 4:00 p.m. on the river",
            "Ministers met on 12 March 2021 to adjust the font of the treaty.",
        ] {
            let t = format!("Ministers agree on new water pact\n{line}\n{body}\n");
            assert_eq!(parse(&t, None).published, None, "{line}");
        }
    }
}
