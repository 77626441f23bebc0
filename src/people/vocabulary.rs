//! The people stage's vocabulary: titles, honorifics, ranks and the words around names.
//! All entries are lower case; words are compared after `gazetteer::fold`.

use std::sync::LazyLock;

use crate::gazetteer;

/// Words that name an office or function: a title needs one of them to be a role.
pub(super) static HEADS: LazyLock<Vec<&str>> = crate::wordlist::words!("people/heads.txt");

/// Words that qualify a head inside a title ("Defense", "Prime", "Vice", "party").
pub(super) static MODIFIERS: LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/title_modifiers.txt");

/// Words before a title that say when, not what ("former", "late"): allowed, left out.
pub(super) static TEMPORAL: LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/temporal_title_words.txt");

/// Function words allowed inside a title ("Minister of National Defense").
pub(super) const FUNCTION: &[&str] = &["of", "the", "and", "for", "to", "&"];

/// Extra function words allowed in an apposition's complement ("expert at the School ...").
pub(super) const COMPLEMENT_FUNCTION: &[&str] =
    &["of", "the", "and", "for", "to", "&", "at", "in", "on"];

pub(super) const DETERMINERS: &[&str] = &[
    "his", "her", "their", "its", "a", "an", "this", "that", "these", "those", "our", "my", "your",
];

/// Capitalised words that start sentences and clauses but never titles.
pub(super) static STOP_CAPITALISED: LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/stop_capitalised.txt");
pub(super) static SPAN_OPENERS: LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/span_openers.txt");

/// Titles of monarchs and royals (`data/people/monarch_titles.txt`).
pub(super) static MONARCH_TITLES: LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/monarch_titles.txt");
pub(super) static HONORIFICS: LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/honorifics.txt");

/// Honorifics that are also part of some names ("Sheikh Hasina", "Sheikh Mujibur Rahman"):
/// left out only before a name of two words or more ("Sheikh Tamim bin Hamad").
pub(super) const NAME_PART_HONORIFICS: &[&str] = &[
    "sheikh", "sheikha", "shaikh", "shaikha", "sayyid", "sayyida", "tun", "seri",
];

/// Titles that are also common given names ("Amir Peretz", "Emir Kusturica"): inside a name
/// span they are read as a title only before an honorific or another title word ("Amir Sheikh
/// Tamim ...").
pub(super) const NAME_LIKE_TITLES: &[&str] = &["amir", "emir"];

/// Abbreviated ranks that are also given names ("Gen Nakatani", "Col"): without their period
/// they are read as a rank only when a name of two words or more follows.
pub(super) const NAME_LIKE_RANKS: &[&str] =
    &["gen", "col", "maj", "capt", "adm", "lt", "brig", "sgt"];

/// Pronouns the tagger sometimes takes for a name ("His Highness"): never a person alone.
pub(super) const PRONOUNS: &[&str] = &[
    "he", "his", "him", "she", "her", "hers", "they", "them", "their", "it", "its",
];

/// Military ranks: (rank, words that may precede it within the rank).
pub(super) const RANKS: &[(&str, &[&str])] = &[
    (
        "general",
        &[
            "senior",
            "lieutenant",
            "lt",
            "major",
            "maj",
            "brigadier",
            "colonel",
        ],
    ),
    ("gen", &["lieutenant", "lt", "major", "maj", "brig"]),
    ("admiral", &["vice", "rear", "fleet"]),
    ("adm", &["vice", "rear"]),
    ("colonel", &["senior", "lieutenant", "lt"]),
    ("col", &["lt"]),
    ("marshal", &["field", "air", "chief"]),
    ("captain", &[]),
    ("capt", &[]),
    ("commodore", &[]),
    ("brigadier", &[]),
    ("sergeant", &[]),
    ("lieutenant", &["first", "second"]),
    ("major", &[]),
    ("maj", &[]),
];

/// Titles whose second word is "General" ("Secretary General"): there it is no rank.
pub(super) static GENERAL_TAKERS: LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/general_takers.txt");

/// Last words of organisation names, to tell "Defense Ministry spokesperson" from noise.
pub(super) static ORG_NOUNS: LazyLock<Vec<&str>> = crate::wordlist::words!("people/org_nouns.txt");

/// Words of a state's formal name ("the Sultanate of Oman", "the People's Republic of China").
pub(super) static STATE_FORMS: LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/state_forms.txt");

/// Name suffixes that never identify a person on their own.
pub(super) const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

pub(super) fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// A word as the vocabularies spell it: folded, without a trailing period or "then-"/"ex-".
pub(super) fn vocab_key(word: &str) -> String {
    let mut w = gazetteer::fold(word);
    while w.ends_with('.') {
        w.pop();
    }
    for prefix in ["then-", "ex-", "former-"] {
        if let Some(rest) = w.strip_prefix(prefix) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    w
}

pub(super) fn is_head(key: &str) -> bool {
    is_in(&HEADS, key) || is_counterpart(key)
}

pub(super) fn is_counterpart(key: &str) -> bool {
    key == "counterpart" || key == "counterparts"
}

pub(super) fn is_title_word(key: &str) -> bool {
    is_head(key) || is_in(&MODIFIERS, key)
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Country named or implied by a modifier: a demonym, a country name, or a place.
pub(super) fn country_of_modifier(text: &str) -> Option<&'static str> {
    gazetteer::country_of_demonym(text)
        .or_else(|| gazetteer::canonical_country(text))
        .or_else(|| gazetteer::country_of_place(text))
}

/// First country named inside an organisation's name ("Communist Party of Vietnam",
/// "Chinese Defense Ministry"): demonyms and country names only, longest words first.
pub(super) fn country_inside(name: &str) -> Option<&'static str> {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .map(strip_possessive)
        .collect();
    for start in 0..words.len() {
        for len in (1..=4.min(words.len() - start)).rev() {
            let part = &words[start..start + len];
            if !part.iter().all(|w| is_capitalised(w)) {
                continue;
            }
            let phrase = part.join(" ");
            if let Some(c) = gazetteer::country_of_demonym(&phrase)
                .or_else(|| gazetteer::canonical_country(&phrase))
            {
                return Some(c);
            }
        }
    }
    None
}

pub(super) fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S", "'", "\u{2019}"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    w
}
