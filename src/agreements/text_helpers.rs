//! Small text helpers (all offsets are bytes of the document text).

use super::*;

pub(super) fn slice(text: &str, a: usize, b: usize) -> &str {
    text.get(a..b).unwrap_or("")
}

pub(super) fn floor_boundary(text: &str, at: usize) -> usize {
    crate::text::floor_char_boundary(text, at)
}

/// Words of `s` (runs of letters, digits and inner apostrophes, hyphens, periods), with their
/// offsets relative to `s`.
pub(super) fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '’' | '-' | '.' | '&')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push((st, i));
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

pub(super) fn lower_words(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .map(|(a, b)| s[a..b].to_lowercase())
        .collect()
}

pub(super) fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn kind_of(word: &str) -> Option<(AgreementKind, bool)> {
    let w = word
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // "memoranda of understanding", "memorandums of understanding": the plural is the first word's.
    let plural = (w.ends_with('s') && !w.ends_with("ss"))
        || w.starts_with("memoranda")
        || w.starts_with("memorandums");
    let kind = if w.starts_with("memorand") || w.starts_with("mou") {
        AgreementKind::MemorandumOfUnderstanding
    } else if w.starts_with("joint statement") || w.starts_with("joint communiq") {
        AgreementKind::JointStatement
    } else if w.contains("declaration") {
        AgreementKind::Declaration
    } else if w.starts_with("agreement")
        || w == "arrangement"
        || w.starts_with("deal")
        || w.starts_with("accord")
        || w.starts_with("pact")
    {
        AgreementKind::Agreement
    } else if w.starts_with("treat") || w.starts_with("convention") {
        AgreementKind::Treaty
    } else if w.starts_with("partnership") {
        AgreementKind::Partnership
    } else if w.starts_with("contract") {
        AgreementKind::Contract
    } else if w.starts_with("protocol") {
        AgreementKind::Protocol
    } else {
        return None;
    };
    Some((kind, plural))
}

pub(super) fn push_party(parties: &mut Vec<Party>, p: Party) {
    if !parties.iter().any(|q| q.name == p.name) {
        parties.push(p);
    }
}

pub(super) fn country(name: &str) -> Party {
    Party {
        name: name.to_string(),
        kind: PartyType::Country,
    }
}

/// A quoted stretch that reads as a proper name: 2 to 14 words, no sentence punctuation, every
/// word but the small ones capitalised ("U.S.-Vietnam Comprehensive Strategic Partnership
/// Economic Dialogue (CSPED)"; not "No war on the Korean Peninsula").
pub(super) fn looks_like_name(s: &str) -> bool {
    static SMALL: LazyLock<Vec<&str>> = words!("agreements/small_title_words.txt");
    let ws: Vec<&str> = s.split_whitespace().collect();
    (2..=14).contains(&ws.len())
        && !s.contains([',', '!', '?', ';'])
        && !s.trim_end().ends_with('.')
        && ws.iter().all(|w| {
            SMALL.contains(&w.to_lowercase().as_str()) || !w.starts_with(|c: char| c.is_lowercase())
        })
        && is_capitalised(s)
}

pub(super) fn is_calendar_word(w: &str) -> bool {
    static NAMES: LazyLock<Vec<&str>> = words!("agreements/calendar_words.txt");
    NAMES.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str())
}

pub(super) fn is_abbreviation(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Jr" | "Sr"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sen"
            | "Rep"
            | "St"
            | "Prof"
            | "No"
            | "Adm"
            | "Capt"
            | "Maj"
            | "Sgt"
            | "Gov"
            | "Amb"
    )
}

/// Whether `rest` (starting at a comma) continues a list of short noun phrases that ends with
/// "and X": ", energy and education".
pub(super) fn list_continues(rest: &str) -> bool {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^,\s*(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?:,\s*(?:[\w'’-]+\s+){0,3}?[\w'’-]+)*,?\s+and\s+[\w'’-]+")
            .unwrap()
    });
    let Some(m) = LIST.find(rest) else {
        return false;
    };
    let ws = lower_words(m.as_str());
    let first = ws.first().map(String::as_str).unwrap_or("");
    !first.ends_with("ing")
        && !ws
            .iter()
            .any(|w| STOP.contains(&w.as_str()) || DETERMINERS.contains(&w.as_str()) && w != "the")
}

/// A kind's own name is no title ("Memorandum of Understanding", "Joint Statement").
pub(super) fn is_generic_name(t: &str) -> bool {
    let l = t.to_lowercase();
    let l = l
        .trim_start_matches("the ")
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    matches!(
        l,
        "memorandum of understanding"
            | "memorandum"
            | "agreement"
            | "joint statement"
            | "joint declaration"
            | "declaration"
            | "treaty"
            | "protocol"
            | "contract"
            | "partnership"
            | "deal"
            | "arrangement"
            | "pact"
            | "accord"
            | "convention"
            | "joint communique"
            | "joint communiqué"
    )
}

/// The subject a name gives: "Agreement on basic principles guiding ..." -> "basic principles
/// guiding ...".
pub(super) fn subject_of_title(title: &str) -> Option<String> {
    static OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:[\w.'’-]+\s+){0,6}?(?:agreement|treaty|memorandum\s+of\s+understanding|memorandum|declaration|statement|protocol|accord|pact|convention|contract)\s+(?:on|for|regarding|concerning)\s+(.+)$").unwrap()
    });
    OF.captures(title)
        .and_then(|c| c.get(1))
        .map(|g| clean_subject(g.as_str()))
}

/// "U.S.-Vietnam ... Economic Dialogue (CSPED)" -> without the bracketed acronym.
pub(super) fn strip_acronym(s: &str) -> &str {
    let t = s.trim();
    if t.ends_with(')') {
        if let Some(i) = t.rfind(" (") {
            return t[..i].trim();
        }
    }
    t
}
