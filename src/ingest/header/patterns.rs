//! The line patterns of page headers: date labels, bylines, credits, datelines, clocks.

use std::sync::LazyLock;

use regex::Regex;

use super::super::hdate::{self, HeaderDate};

/// A labelled date ("Published:", "Updated on", "Publicado em", the Arabic "تم نشره في"); `updated`
/// is set for the labels of a later revision, `rest` holds what follows the label. A short
/// banner may stand before the label: "Old News! Published on: 2010.04.13".
pub(super) static DATE_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:[\p{L}\ ]{1,20}!\s*)?(?:(?:first|originally)\s+)?
          (?:(?P<updated>updated|last\s+updated|(?:latest|last)\s+update|modified|last\s+modified|
              última\s+atualização|atualizado|actualizado|mis\s+à\s+jour|aktualisiert|aggiornato)
           |published|posted|date|publication\s+date|release\s+date|released|issued|created|
           publicado|publicada|publié|publiée|publie|veröffentlicht|pubblicato|
           (?:تم\s+)?نشره?\s+في)(?:\b|\s|$)
          (?:\s*(?:on|at|em|el|le|am|il|a|às))?\s*[:：|\-–—]?\s*(?P<rest>.*)$",
    )
    .unwrap()
});
/// What opens a byline, in English and the languages of the pages English news aggregates: "By",
/// "Written by", "Rédigé par", "Escrito por" ... (shared by the three byline patterns). A
/// release service's stamp reads as one: "Distributed by Public on 01/21/2026 13:01".
const BY: &str = r"[Bb]y|BY|(?:Written|Reported|Reporting|Editing|Posted|Published|Distributed|Story|Words|Text) by|Rédigé par|Publié par|Écrit par|Escrito por|Publicado por|Redactado por|Geschrieben von|Scritto da|Pubblicato da";
/// A byline's opener inside a line, after a word: the longer openers only ("Rédigé par",
/// "Written by"), since a bare "by" is common in headlines.
pub(super) static BYLINE_OPENER_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:Written|Reported|Posted|Published) by|Rédigé par|Publié par|Écrit par|Escrito por|Publicado por|Redactado por|Geschrieben von|Scritto da|Pubblicato da)\s").unwrap()
});
pub(super) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{BY})\s+\p{{Lu}}[\p{{L}}.'’\-]*(?:(?:\s+|,\s*|\s+and\s+)\p{{Lu}}[\p{{L}}.'’\-]*)*(?:\s*[,|/]\s*.{{0,40}})?$")).unwrap()
});
pub(super) static CREDIT_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*(?:source|editor|edited\s+by|author|reporter|writer|correspondent|translated\s+by|compiled\s+by|location)\s*[:：]\s*\S").unwrap()
});
pub(super) static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://[^\s<>()\[\]]+").unwrap());
pub(super) static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:url|link|source|source\s+url|original|read\s+(?:it\s+)?online)\s*[:：]\s*)?(https?://\S+)$")
        .unwrap()
});
/// "HANOI, Dec. 19 (Reuters) -", "ISLAMABAD, March 27 (APP):", "BEIJING, Aug. 20, 2024 (Xinhua) --".
/// A date stuck before the first sentence, as page captures often carry it:
/// " date 2023-12-14 Foreign Ministers of ...", or with the month only: " date 2019-06 ...".
pub(super) static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:date)[:\s]\s*([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?\b").unwrap()
});
/// A full date with its year, month first or day first ("August 11, 2023", "29 March 2022",
/// "31st Dec, 2020", "9. Februar 2021"): the date part of the datelines below.
const FULL_DATE: &str = r"(?i:[a-z]{3,9})\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}|[0-9]{1,2}(?:st|nd|rd|th|\.)?\s+\p{L}{3,9}\.?,?\s+[0-9]{4}";

/// A dateline that leads with a full date: "Jan 3, 2005 (ABUJA) —", or with the date alone
/// before the first sentence: "January 06, 2009: Prime Minister ...".
pub(super) static DATE_FIRST_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<date>{FULL_DATE})\s*(?:\([\p{{Lu}}][\p{{L}} .,'’\-]{{1,40}}\)\s*(?:--|-|—|–|:)|\(?\s*(?:--|—|–|:)\s*\p{{Lu}})")).unwrap()
});

/// A dateline whose credits in parentheses end with the full date: "DUBAI, (UrduPoint / WAM -
/// 31st Dec, 2020) His Highness ...": syndicated agency copy stamps the item this way.
pub(super) static CREDIT_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\p{{Lu}}[\p{{Lu}} .'’\-]{{1,30}},?\s*\([^()]{{1,80}}?\s[-–—]\s*(?P<date>{FULL_DATE})\)\s*\p{{Lu}}")).unwrap()
});

/// A dateline whose date, with its year, is followed by the agency in parentheses and the
/// first sentence with no dash between: "Addis Ababa, August 11, 2023 (Addis Walta) Ethiopian
/// Prime Minister ...".
pub(super) static PLACE_DATE_AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\p{{Lu}}[\p{{L}}.'’\-]*(?:\s+\p{{Lu}}[\p{{L}}.'’\-]*){{0,3}},\s*(?P<date>{FULL_DATE})\s*\([\p{{Lu}}][\p{{L}} .,'’\-]{{1,40}}\)\s+\p{{Lu}}")).unwrap()
});

/// An agency's name, then the place and the full date in parentheses: "RSS (KATHMANDU, 29
/// March 2022) – Foreign Affairs Minister ...".
pub(super) static AGENCY_PLACE_DATE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\p{{Lu}}[\p{{Lu}}\p{{L}}.&\-]{{1,15}}\s*\(\p{{Lu}}[\p{{L}} .'’\-]{{1,30}},\s*(?P<date>{FULL_DATE})\)\s*(?:--|-|—|–|:)")).unwrap()
});

/// A place, a dash or a comma, and the full date with a month in any language, then the first
/// sentence after a colon, comma or dash: "LE CAIRE – 30 janvier 2023 : Le ministre ...",
/// "मनामा, 28 सितंबर 2023, बहरीन ...", "هافانا، 15 فبراير/شباط 2024 (راديو هافانا كوبا): ...".
/// The place is in capitals, or in a script without them; the month must be one
/// [`hdate::find_date`] knows.
pub(super) static PLACE_FULL_DATE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{Lu} .'’\-]{1,30}\s+[–—-]|[\p{Lo}\p{M}]+(?:\s[\p{Lo}\p{M}]+){0,2}\s*[,،])\s*(?P<date>[0-9]{1,2}\.?\s+[\p{L}\p{M}]+(?:[/ ][\p{L}\p{M}]+){0,2}\s+[0-9]{4})\s*(?:\([^()]{1,40}\))?\s*[:,،–—-]").unwrap()
});

/// Font-size and print widgets printed right after a date ("Xinhua, May 13, 2016 Adjust font
/// size:").
pub(super) static WIDGET_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:adjust\s+)?(?:font|text)(?:\s+size)?\s*:?\s*(?:[-+]\s*)*$").unwrap()
});

/// A first paragraph that opens with its full date in parentheses: "(Apr. 2, 2008) In February
/// ...", "(22/02-2010) In a letter ..." (an all-numeric one is read as [`hdate::find_date`] reads it).
/// Legal and agency bulletins date each item this way; it is the item's date, not an event's
/// (an event date in prose is never set apart in parentheses before the first word).
pub(super) static PAREN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\((?P<date>{FULL_DATE}|[0-9]{{1,2}}[./-][0-9]{{1,2}}[./-][0-9]{{4}})\)\s+\p{{Lu}}"
    ))
    .unwrap()
});
/// A dateline with the month abbreviated and a two-digit year, in Spanish or English: "Lima
/// (Perú), (jun. 26/14).", "Ciudad de México (mar. 10/20)." (ministry releases date their
/// items this way).
pub(super) static SHORT_YEAR_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L} .,()]{1,50}?\((?P<m>\p{L}{3,4})\.\s*(?P<d>[0-9]{1,2})/(?P<y>[0-9]{2})\)\.?\s+\p{Lu}").unwrap()
});

/// The date of a [`SHORT_YEAR_DATELINE`].
pub(super) fn short_year_dateline(line: &str) -> Option<HeaderDate> {
    let c = SHORT_YEAR_DATELINE.captures(line)?;
    let abbr = c["m"].to_lowercase();
    const SPANISH: [(&str, u32); 5] = [("ene", 1), ("abr", 4), ("ago", 8), ("set", 9), ("dic", 12)];
    let month = SPANISH
        .iter()
        .find(|(a, _)| *a == abbr)
        .map(|&(_, m)| m)
        .or_else(|| hdate::month_number(&abbr))?;
    HeaderDate::new(
        Some(2000 + c["y"].parse::<i32>().ok()?),
        month,
        c["d"].parse().ok(),
    )
}

/// A record's own date given as "<what>: debated/delivered/dated on <date>" ("Volume 12: debated
/// on Monday 3 May 2010"): parliamentary records and speech transcripts date the page this way.
pub(super) static ON_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[\p{L}\p{N} ]{1,20}:\s*)?(?:debated|delivered|dated)\s+on\s+(.{6,40})$")
        .unwrap()
});
/// A title that names a speech and its delivery date ("Speech by the Minister ..., 3 May 2010, at
/// ..."): the transcript is published as the speech's record, so that date is the page's.
pub(super) static SPEECH_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:keynote|opening|closing|welcome)\s+)?(?:speech|remarks|address|statement|toast|lecture)\s+(?:\S+\s+){0,3}?by\b").unwrap()
});
/// A weather widget's temperature ("16.2 C", "24°C", "75 °F"): themes print it above the
/// visitor's current date, which is not the article's.
pub(super) static TEMPERATURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-?[0-9]{1,3}(?:[.,][0-9])?\s*°?\s*[CF]$").unwrap());
/// A line that is only a clock, maybe as a list item: "• 21:31", "9:05 PM".
pub(super) static BARE_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[•·*-]?\s*[0-9]{1,2}:[0-9]{2}(?:\s*[ap]\.?m\.?)?$").unwrap()
});
/// A clock time right after a date: "| 09:28", "[12:09]", ", 12:25:34", " 8:13 PM".
pub(super) static TIME_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[,|@\-–]\s*)?\[?\s*[0-9]{1,2}:[0-9]{2}\b").unwrap());
/// "at 4:00 p.m.", "at 14.05", "at 9am" after a date: the time of the stamp; also in the
/// Portuguese, French, Spanish, Italian and German manner ("às 15h43", "à 10h05", "a las
/// 10:30", "alle 9.15", "um 14:05 Uhr").
pub(super) static AT_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:at|às|as|à|a\s+las|alle|ore|um)\s+[0-9]{1,2}(?:(?:[:.]|h)[0-9]{2})?\s*(?:[ap]\.?m\.?|uhr)?").unwrap()
});
/// A dotted "a.m." / "p.m.", read as "am" / "pm".
pub(super) static DOTTED_MERIDIEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b([ap])\.m\.").unwrap());
/// A reading-time note beside the date ("3 min read", "5 minutes read").
pub(super) static READING_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b[0-9]{1,3}\s*(?:min|mins|minutes?)\.?\s+read\b").unwrap());
/// A blog's filing note beside its date: "Filed under: Water, Diplomacy", "Tags: ...".
pub(super) static FILED_UNDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:filed\s+(?:under|in)|posted\s+in|tags?|categor(?:y|ies)|topics?|sections?)\s*:",
    )
    .unwrap()
});
/// How long ago a page was posted: "2d", "5h", "3 hrs ago", "1 day ago".
pub(super) static PAGE_AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[0-9]{1,3}\s*(?:[smhdw]|mins?|minutes?|hrs?|hours?|days?|weeks?)(?:\s+ago)?$")
        .unwrap()
});
/// A blog's comment counter beside its date: "0 comments", "3 Comentarios", "12 réponses".
pub(super) static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[0-9]+|no)\s+(?:comments?|comentarios?|comentários?|commentaires?|kommentare?|commenti|commento|responses?|replies|reply|réponses?|respuestas?)$").unwrap()
});
/// A byline that carries the date: "By Jane Roe on 12 March 2021", "Written by Staff Writer on
/// March 12, 2021." (the name part is checked apart: capitalised words only).
pub(super) static BYLINE_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{BY})\s+(?P<who>[\p{{Lu}}\p{{Ll}}][^|;]{{0,60}}?)\s+(?:on|le|el|em|am|il)\s+(?P<date>[^|;]{{6,60}}?)\.?$")).unwrap()
});

/// A byline that ends with the page's full date, whatever stands between: "BY JANE ROE Senior
/// staff reporter jroe@example.com  Thursday, June 09, 2016".
pub(super) static BYLINE_THEN_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:{BY})\s+\p{{Lu}}[^|;]{{0,120}}$")).unwrap());

/// The dateline that opens a story: a place, then its date, maybe an agency, then a dash,
/// colon or full stop: "SUNPORT, Oct. 13, 2017 (Wire) --", "San Pedro, Belice, 3 de marzo de
/// 2022. Hoy ...", "Sunport, 17 Dzulhijjah 1436/30 September 2015 (Agency) –" (an Islamic or
/// other calendar's date may come first; the Gregorian one is read).
pub(super) static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?P<place>\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,2})?)
          (?:\s*,\s*|\s+|[-–—])   # or no comma: Sunport December 28, 2022 (the date must still read as one); or a dash: Jeddah, KSA-10.12.2014:
          (?:[0-9]{1,2}\s+\p{L}+(?:\s+\p{L}+)?\s+[0-9]{4}\s*/\s*)?   # a date in another calendar first: 17 Dzulhijjah 1436/
          (?:(?i:le|el)\s+(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo),?\s+)?   # the weekday French and Spanish releases put first: Québec, le jeudi 30 mai 1996
          (?P<date>(?i:[a-z]{3,9})\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\s+[0-9]{4}|/[0-9]{4})?|[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:de\s+)?(?i:[a-z]{3,9})\.?(?:,?\s+(?:de\s+)?[0-9]{4})?|[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4})
          (?:\s*\((?P<agency>[^)]{1,40})\)\s*(?:--|-|—|–|:|/|\.\s|\p{Lu})   # the agency, then the story: Havana, Aug 6 (Prensa Latina) The ...
          |\s*(?:--|-|—|–|:|/|\.\s))",
    )
    .unwrap()
});
