//! The parties of agreements as a reader would list them, from what the readers found: a seat
//! of government stands for its country ("the White House" is the United States), an office
//! of a government (a ministry, "State House") is left out beside a country that signed, and
//! the title of a document ("MoU on Wildlife and Tourism") is what was signed, not a party.
//!
//! The word lists are data: `data/parties.tsv`.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::gazetteer;
use crate::records::{Agreement, Party, PartyType};

static DATA: &str = include_str!("../data/parties.tsv");

struct Lists {
    /// Folded seat name -> country.
    seats: HashMap<String, String>,
    /// Folded words (or phrases) that make an organisation an office of a government.
    offices: Vec<String>,
    /// Folded words (or phrases) that open a document's title.
    titles: Vec<String>,
    /// Folded name of a grouping of states -> its members (canonical country names).
    members: HashMap<String, Vec<String>>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        seats: HashMap::new(),
        offices: Vec::new(),
        titles: Vec::new(),
        members: HashMap::new(),
    };
    for line in DATA
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split('\t');
        match (fields.next(), fields.next(), fields.next()) {
            (Some("S"), Some(text), Some(country)) => {
                lists
                    .seats
                    .insert(gazetteer::fold(text), country.to_string());
            }
            (Some("O"), Some(text), _) => lists.offices.push(gazetteer::fold(text)),
            (Some("T"), Some(text), _) => lists.titles.push(gazetteer::fold(text)),
            (Some("M"), Some(text), Some(members)) => {
                let members = members
                    .split(',')
                    .map(str::trim)
                    .map(|m| gazetteer::canonical_country(m).unwrap_or(m).to_string())
                    .collect();
                lists.members.insert(gazetteer::fold(text), members);
            }
            _ => {}
        }
    }
    lists
});

/// Whether `phrase` (folded) appears in `name` (folded) as whole words.
fn has_words(name: &str, phrase: &str) -> bool {
    format!(" {name} ").contains(&format!(" {phrase} "))
}

fn starts_with_words(name: &str, phrase: &str) -> bool {
    name == phrase || name.starts_with(&format!("{phrase} "))
}

/// Canonical parties of one agreement, in their order, each once.
pub fn canonical(parties: Vec<Party>) -> Vec<Party> {
    let lists = &*LISTS;
    let folded = |p: &Party| {
        let f = gazetteer::fold(&p.name);
        f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
    };
    let mut out: Vec<Party> = Vec::new();
    let mut offices: Vec<Party> = Vec::new();
    for mut party in parties {
        // Stray punctuation the tagger left around a name ("European Union -EU-" cut to
        // "European Union -"), and a bare article the tagger took for one ("The").
        let trimmed = party.name.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',' | ';' | ':')
        });
        // An organisation is named without the capitalised article a sentence opened with ("The
        // European Union" beside "European Union").
        let trimmed = match party.kind {
            PartyType::Organization => trimmed.strip_prefix("The ").unwrap_or(trimmed),
            _ => trimmed,
        };
        if trimmed.len() != party.name.len() {
            party.name = trimmed.to_string();
        }
        // ("G20", "G7" are names: letters and digits count.)
        let letters = party.name.chars().filter(|c| c.is_alphabetic()).count();
        let alphanumeric = party.name.chars().filter(|c| c.is_alphanumeric()).count();
        if letters == 0 || alphanumeric < 2 || matches!(folded(&party).as_str(), "the" | "a" | "an")
        {
            continue;
        }
        let party = match party.kind {
            PartyType::Organization => {
                let name = folded(&party);
                if let Some(country) = lists.seats.get(&name) {
                    Party {
                        name: country.clone(),
                        kind: PartyType::Country,
                    }
                } else if lists.titles.iter().any(|t| starts_with_words(&name, t)) {
                    continue;
                } else if lists.offices.iter().any(|o| has_words(&name, o)) {
                    offices.push(party);
                    continue;
                } else {
                    party
                }
            }
            _ => party,
        };
        if !out.iter().any(|p| p.name == party.name) {
            out.push(party);
        }
    }
    // Beside a grouping of states that signs as one, its members are not parties of their own
    // ("the BRICS nations, namely Brazil, Russia, ..., adopted the declaration").
    let members: Vec<&String> = out
        .iter()
        .filter(|p| p.kind == PartyType::Organization)
        .filter_map(|p| lists.members.get(&folded(p)))
        .flatten()
        .collect();
    out.retain(|p| p.kind != PartyType::Country || !members.contains(&&p.name));
    // An office is a party only when no country is: then it is all the text says of who signed.
    if !out.iter().any(|p| p.kind == PartyType::Country) {
        for office in offices {
            if !out.iter().any(|p| p.name == office.name) {
                out.push(office);
            }
        }
    }
    // An acronym of another party's name ("DTI" with "Department of Trade and Industry",
    // which the text writes side by side) is that party again.
    let names: Vec<String> = out.iter().map(|p| p.name.clone()).collect();
    out.retain(|p| {
        !names
            .iter()
            .any(|other| other != &p.name && is_acronym_of(&p.name, other))
    });
    out
}

/// Whether `short` ("DTI", "MoF") is made of the initials of `name`'s words ("Department of
/// Trade and Industry", "Ministry of Finance"), with or without its small words.
fn is_acronym_of(short: &str, name: &str) -> bool {
    let letters: String = short
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if letters.len() < 2
        || short.contains(' ')
        || short.chars().filter(|c| c.is_uppercase()).count() < 2
    {
        return false;
    }
    let name = name.replace("'s ", " ").replace("’s ", " ");
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let initials = |ws: &mut dyn Iterator<Item = &String>| {
        ws.filter_map(|w| w.chars().next()).collect::<String>()
    };
    let all = initials(&mut words.iter());
    let content = initials(&mut words.iter().filter(|w| {
        !matches!(
            w.as_str(),
            "of" | "and" | "the" | "for" | "on" | "in" | "de"
        )
    }));
    letters == all || letters == content
}

/// The parties stage: canonical parties for every agreement of a document whose text is
/// `text`; a party named by an acronym the text spells out is named in full.
pub fn annotate(agreements: &mut [Agreement], text: &str) {
    if agreements.is_empty() {
        return;
    }
    let spelled = spelled_out_acronyms(text);
    for agreement in agreements {
        for party in agreement
            .parties
            .iter_mut()
            .filter(|p| p.kind == PartyType::Organization)
        {
            if let Some(full) = spelled.get(party.name.as_str()) {
                party.name = full.clone();
            }
        }
        agreement.parties = canonical(std::mem::take(&mut agreement.parties));
    }
}

/// The acronyms a text defines, as "Oil and Gas Development Company Limited (OGDCL)" does,
/// with the names they stand for (the shortest run of words before the parenthesis whose
/// initials make the acronym). A party named "OGDCL" where the text spelled it out is that
/// company, under the name a reader would look for.
fn spelled_out_acronyms(text: &str) -> HashMap<&str, String> {
    static DEFINED: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"\(([\p{Lu}][\p{Lu}\p{N}&\-]{1,9})\)").unwrap());
    let mut out = HashMap::new();
    for c in DEFINED.captures_iter(text) {
        let (whole, acronym) = (c.get(0).unwrap(), c.get(1).unwrap().as_str());
        let before = &text[..whole.start()];
        let words: Vec<&str> = before.split_whitespace().rev().take(12).collect();
        // The shortest run of words that spells the acronym, opened by a capitalised word.
        for n in 1..=words.len() {
            let first = words[n - 1];
            if !first.starts_with(char::is_uppercase) {
                continue;
            }
            let name = words[..n]
                .iter()
                .rev()
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            if is_acronym_of(acronym, &name) {
                out.entry(acronym).or_insert(name);
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str) -> Party {
        Party {
            name: name.into(),
            kind: PartyType::Organization,
        }
    }
    fn country(name: &str) -> Party {
        Party {
            name: name.into(),
            kind: PartyType::Country,
        }
    }
    fn names(parties: &[Party]) -> Vec<&str> {
        parties.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn stray_punctuation_and_bare_articles_are_no_parties() {
        let got = canonical(vec![
            org("The"),
            org("European Union -"),
            org("European Union"),
            country("Guatemala"),
            org("-"),
        ]);
        assert_eq!(names(&got), ["European Union", "Guatemala"]);
        let got = canonical(vec![org("G7"), org("G20")]);
        assert_eq!(names(&got), ["G7", "G20"]);
    }

    #[test]
    fn seats_stand_for_countries() {
        let got = canonical(vec![
            org("White House"),
            country("Mexico"),
            org("the Kremlin"),
        ]);
        assert_eq!(names(&got), ["United States", "Mexico", "Russia"]);
        assert!(got.iter().all(|p| p.kind == PartyType::Country));
    }

    #[test]
    fn offices_give_way_to_their_country_and_titles_are_not_parties() {
        let got = canonical(vec![
            org("State House"),
            country("Kenya"),
            org("Foreign Affairs and International Cooperation"),
            org("MoU on Wildlife and Tourism"),
            country("Sierra Leone"),
        ]);
        assert_eq!(names(&got), ["Kenya", "Sierra Leone"]);
        // With no country, an office is all there is.
        let got = canonical(vec![
            org("Department of Trade and Industry"),
            org("Bank of Tokyo-Mitsubishi UFJ"),
        ]);
        assert_eq!(
            names(&got),
            [
                "Bank of Tokyo-Mitsubishi UFJ",
                "Department of Trade and Industry"
            ]
        );
        // Companies and blocs stay.
        let got = canonical(vec![
            org("Statoil"),
            org("African Union"),
            org("European Union"),
        ]);
        assert_eq!(names(&got), ["Statoil", "African Union", "European Union"]);
    }

    #[test]
    fn members_beside_their_grouping_are_not_parties() {
        let got = canonical(vec![
            org("BRICS"),
            country("Brazil"),
            country("Russia"),
            country("South Africa"),
        ]);
        assert_eq!(names(&got), ["BRICS"]);
        let got = canonical(vec![
            org("the G20"),
            country("United States"),
            country("Kenya"),
        ]);
        assert_eq!(names(&got), ["the G20", "Kenya"]);
        let got = canonical(vec![
            org("Mercosur"),
            country("Uruguay"),
            org("European Union"),
            country("France"),
        ]);
        assert_eq!(names(&got), ["Mercosur", "European Union", "France"]);
        // Without the grouping, members are parties.
        let got = canonical(vec![country("Brazil"), country("Russia")]);
        assert_eq!(names(&got), ["Brazil", "Russia"]);
    }

    #[test]
    fn an_acronym_the_text_spells_out_is_named_in_full() {
        let text = "Oil and Gas Development Company Limited (OGDCL) is a major company. \
                    On July 4, Gazprom International and OGDCL signed a MoU. The UN (UN) spoke; XYZ signed too.";
        let spelled = spelled_out_acronyms(text);
        assert_eq!(
            spelled.get("OGDCL").map(String::as_str),
            Some("Oil and Gas Development Company Limited")
        );
        assert_eq!(spelled.len(), 1, "{spelled:?}");
        let mut agreements = vec![Agreement {
            id: String::new(),
            kind: crate::records::AgreementKind::MemorandumOfUnderstanding,
            status: crate::records::AgreementStatus::Signed,
            title: None,
            parties: vec![org("Gazprom International"), org("OGDCL"), org("XYZ")],
            signatories: vec![],
            subject: None,
            date: None,
            location: None,
            sources: vec![],
            confidence: 0.9,
        }];
        annotate(&mut agreements, text);
        assert_eq!(
            names(&agreements[0].parties),
            [
                "Gazprom International",
                "Oil and Gas Development Company Limited",
                "XYZ"
            ]
        );
    }

    #[test]
    fn an_acronym_beside_its_name_is_one_party() {
        let parties = canonical(vec![
            org("DTI"),
            org("Acme Corp"),
            org("Department of Trade and Industry"),
        ]);
        assert_eq!(
            parties.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Acme Corp", "Department of Trade and Industry"]
        );
        assert!(is_acronym_of("MoF", "Ministry of Finance"));
        assert!(is_acronym_of(
            "UNDP",
            "United Nations Development Programme"
        ));
        assert!(!is_acronym_of("UN", "World Trade Organization"));
        assert!(
            !is_acronym_of("Acme", "Acme Corp Meridian Energy"),
            "a word is no acronym"
        );
        assert!(is_acronym_of(
            "DPRK",
            "Democratic People's Republic of Korea"
        ));
    }
}
