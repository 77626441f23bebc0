//! Documents a bloc or a gathering adopts, as agreements with the bloc as their party: "the
//! 31st Arab League (AL) Summit concluded with the adoption of the Algiers Declaration", "the
//! leaders of the BRICS nations have adopted a Moscow Declaration, Counter-Terrorism Strategy
//! and a BRICS Economic Partnership Strategy" (three documents), "the ASEAN Foreign Ministers
//! issued the Statement on the Situation in the Korean Peninsula".
//!
//! The clause rules read what two sides sign; a bloc adopting its own declaration has one
//! party, the bloc, which they leave out. A document is read only when it is named (a
//! capitalised "Declaration") or joint ("a joint communique"), and only when an organisation
//! named before the verb adopts it: "it adopted a statement" names no one. The place is that of
//! the gathering read from the same sentence ([`crate::gatherings`]); the date the one the
//! sentence gives. The word lists are data: `data/adopted.tsv`.

use std::sync::LazyLock;

use crate::dates;
use crate::doc::{Document, Entity, EntityLabel};
use crate::gazetteer;
use crate::records::{
    Agreement, AgreementKind, AgreementStatus, DateField, Evidence, Party, PartyType,
};
use crate::text::{ByteSpan, CharIndex};

static DATA: &str = include_str!("../data/adopted.tsv");

/// How sure an adopted document is.
const CONFIDENCE: f64 = 0.75;

#[derive(Default)]
struct Lists {
    verbs: Vec<String>,
    documents: Vec<(String, AgreementKind)>,
    future: Vec<String>,
    done: Vec<String>,
    members: Vec<String>,
    inner: Vec<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists::default();
    for line in DATA
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let text = fields.get(1).map(|t| t.to_lowercase()).unwrap_or_default();
        match fields[0] {
            "V" => lists.verbs.push(text),
            "D" => {
                if let Some(kind) = fields.get(2).and_then(|k| kind_named(k)) {
                    lists.documents.push((text, kind));
                }
            }
            "F" => lists.future.push(text),
            "A" => lists.done.push(text),
            "T" => lists.members.push(text),
            "W" => lists.inner.push(text),
            _ => {}
        }
    }
    // Longest first, so that "action plan" wins over a shorter noun.
    lists
        .documents
        .sort_by_key(|(d, _)| std::cmp::Reverse(d.len()));
    lists
});

fn kind_named(kind: &str) -> Option<AgreementKind> {
    Some(match kind {
        "declaration" => AgreementKind::Declaration,
        "joint statement" => AgreementKind::JointStatement,
        "agreement" => AgreementKind::Agreement,
        "protocol" => AgreementKind::Protocol,
        "treaty" => AgreementKind::Treaty,
        _ => return None,
    })
}

/// A word of a sentence with its byte span in the document.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    span: ByteSpan,
}

fn words_of(text: &str, within: ByteSpan) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let slice = within.slice(text);
    let mut start = None;
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        let part = c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | 'é');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    text: &slice[s..i],
                    span: ByteSpan::new(within.start + s, within.start + i),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The adopted-documents stage.
pub fn annotate(doc: &mut Document) {
    let lists = &*LISTS;
    let anchor = doc.published.as_deref().and_then(dates::publication_anchor);
    let mut found: Vec<Agreement> = Vec::new();
    let index = CharIndex::new(&doc.text);
    for &sentence in &doc.sentences {
        if doc.is_furniture(sentence) {
            continue;
        }
        let lower = sentence.slice(&doc.text).to_lowercase();
        if !lists
            .documents
            .iter()
            .any(|(d, _)| lower.contains(d.as_str()))
            || !lists.verbs.iter().any(|v| lower.contains(v.as_str()))
        {
            continue;
        }
        let words = words_of(&doc.text, sentence);
        let entities = doc.entities_in(sentence);
        let mut i = 0;
        while i < words.len() {
            let Some(verb_len) = verb_at(&words, i, lists) else {
                i += 1;
                continue;
            };
            let after = i + verb_len;
            let titles = documents_after(&doc.text, entities, &words, after, lists);
            if titles.is_empty() {
                i = after;
                continue;
            }
            let Some(party) = bloc_before(doc, entities, words[i].span.start, lists) else {
                i = after;
                continue;
            };
            let status = if planned(&words, i, lists) {
                AgreementStatus::Planned
            } else {
                AgreementStatus::Signed
            };
            let evidence = Evidence::of(doc, &index, sentence);
            let date = date_in(doc, entities, anchor);
            let location = doc
                .meetings
                .iter()
                .filter(|m| {
                    m.participants.is_empty()
                        && m.sources
                            .iter()
                            .any(|e| e.start == evidence.start && e.doc_id == doc.id)
                })
                .find_map(|m| m.location.clone());
            for (title, kind) in titles {
                if told_by_the_rules(doc, &evidence, kind) {
                    continue;
                }
                if let Some(same) = found.iter_mut().find(|a| {
                    a.title.as_deref().map(gazetteer::fold) == Some(gazetteer::fold(&title))
                }) {
                    if !same.sources.contains(&evidence) {
                        same.sources.push(evidence.clone());
                    }
                    continue;
                }
                found.push(Agreement {
                    id: String::new(),
                    kind,
                    status,
                    title: Some(title),
                    parties: vec![party.clone()],
                    signatories: Vec::new(),
                    subject: None,
                    date: date.clone(),
                    location: location.clone(),
                    sources: vec![evidence.clone()],
                    confidence: CONFIDENCE,
                });
            }
            i = after;
        }
    }
    doc.agreements.extend(found);
}

/// How many words the adopting verb at word `i` spans ("adoption of": two), if one is there.
fn verb_at(words: &[Word], i: usize, lists: &Lists) -> Option<usize> {
    lists.verbs.iter().find_map(|v| {
        let parts: Vec<&str> = v.split(' ').collect();
        let matches = parts.iter().enumerate().all(|(k, p)| {
            words
                .get(i + k)
                .is_some_and(|w| w.text.to_lowercase() == *p)
        });
        matches.then_some(parts.len())
    })
}

/// The named documents listed from word `at`: "a Moscow Declaration, Counter-Terrorism
/// Strategy and a BRICS Economic Partnership Strategy" gives three, each with its kind; "the
/// Statement on the Situation in the Korean Peninsula" one.
///
/// An item is a run of capitalised words and the small words of titles ("of", "on", "the"),
/// ended by a comma, "and" or any other word; it is a document when it holds a capitalised
/// document noun and another word, or a document noun after "joint".
fn documents_after(
    text: &str,
    entities: &[Entity],
    words: &[Word],
    at: usize,
    lists: &Lists,
) -> Vec<(String, AgreementKind)> {
    let mut out = Vec::new();
    let mut i = at;
    loop {
        while words.get(i).is_some_and(|w| {
            matches!(
                w.text.to_lowercase().as_str(),
                "a" | "an" | "the" | "its" | "their" | "new"
            )
        }) {
            i += 1;
        }
        let start = i;
        while let Some(w) = words.get(i) {
            let lower = w.text.to_lowercase();
            let capital = w.text.chars().next().is_some_and(char::is_uppercase);
            let joined = i == start
                || !text[words[i - 1].span.end..w.span.start]
                    .contains([',', ';', ':', '(', ')', '"', '“', '”']);
            let after_joint = i > start
                && words[i - 1].text.eq_ignore_ascii_case("joint")
                && lists.documents.iter().any(|(d, _)| d.starts_with(&lower));
            // A date ends a title ("the Action Plan on Monday").
            let dated = entities.iter().any(|e| {
                e.label == EntityLabel::Date
                    && e.span.start <= w.span.start
                    && w.span.end <= e.span.end
            });
            if lower == "and"
                || !joined
                || dated
                || !(capital || after_joint || lists.inner.contains(&lower))
                || i - start >= 14
            {
                break;
            }
            i += 1;
        }
        let mut end = i;
        while end > start
            && lists.inner.contains(&words[end - 1].text.to_lowercase())
            && words[end - 1].text.to_lowercase() != "joint"
        {
            end -= 1;
        }
        let item = &words[start..end];
        let kind = item.iter().enumerate().find_map(|(k, w)| {
            let capital = w.text.chars().next().is_some_and(char::is_uppercase);
            let after_joint = k > 0 && item[k - 1].text.eq_ignore_ascii_case("joint");
            lists
                .documents
                .iter()
                .find(|(d, _)| {
                    let parts: Vec<&str> = d.split(' ').collect();
                    parts
                        .iter()
                        .enumerate()
                        .all(|(n, p)| item.get(k + n).is_some_and(|w| w.text.to_lowercase() == *p))
                })
                .filter(|_| (capital && item.len() >= 2) || after_joint)
                .map(|(_, kind)| *kind)
        });
        let Some(kind) = kind else { break };
        out.push((
            item.iter().map(|w| w.text).collect::<Vec<_>>().join(" "),
            kind,
        ));
        // The list goes on after a comma or "and".
        let Some(next) = words.get(i) else { break };
        let gap = &text[words[i - 1].span.end..next.span.start];
        if next.text.eq_ignore_ascii_case("and") {
            i += 1;
        } else if !gap.contains(',') {
            break;
        }
    }
    out
}

/// Whether the verb at word `i` is put in the future ("will adopt", "to adopt") and not
/// done ("agreed to adopt").
fn planned(words: &[Word], i: usize, lists: &Lists) -> bool {
    let before = |n: usize| -> String {
        words[i.saturating_sub(n)..i]
            .iter()
            .map(|w| w.text.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let ends = |phrase: &str| {
        let n = phrase.split(' ').count();
        i >= n && before(n) == phrase
    };
    lists.future.iter().any(|f| ends(f)) && !lists.done.iter().any(|d| ends(d))
}

/// The organisation that adopts: the nearest named before the verb, not one in brackets (an
/// acronym repeated or a news agency's credit), with the words naming its members dropped.
fn bloc_before(doc: &Document, entities: &[Entity], verb: usize, lists: &Lists) -> Option<Party> {
    let text = &doc.text;
    let e = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Org && e.span.end <= verb && !bracketed(text, e.span))
        .last()?;
    let mut name = e.span.slice(text).trim().to_string();
    loop {
        let lower = name.to_lowercase();
        let Some(member) = lists
            .members
            .iter()
            .find(|m| lower.ends_with(&format!(" {m}")))
        else {
            break;
        };
        name.truncate(name.len() - member.len() - 1);
    }
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(&name)
        .trim()
        .to_string();
    // Drop an ordinal left in front ("31st Arab League").
    let name = match name.split_once(' ') {
        Some((first, rest)) if first.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            rest.to_string()
        }
        _ => name,
    };
    (!name.is_empty()).then(|| Party {
        name,
        kind: PartyType::Organization,
    })
}

fn bracketed(text: &str, span: ByteSpan) -> bool {
    text[..span.start].ends_with('(') && text[span.end..].starts_with(')')
}

/// The date the sentence gives, when one resolves (the first that is no bound of a period: "a
/// strategy till the year 2025" was not adopted in 2025).
fn date_in(
    doc: &Document,
    entities: &[Entity],
    anchor: Option<chrono::NaiveDate>,
) -> Option<DateField> {
    let bound = |e: &Entity| {
        let from = crate::text::floor_char_boundary(&doc.text, e.span.start.saturating_sub(24));
        doc.text
            .get(from..e.span.start)
            .is_some_and(dates::bounded_by)
            || doc
                .text
                .get(e.span.start..e.span.end)
                .is_some_and(|t| dates::bounded_by(t.split_whitespace().next().unwrap_or("")))
    };
    entities
        .iter()
        .filter(|e| e.label == EntityLabel::Date && !bound(e))
        .find_map(|e| dates::record_field(doc, e.span, anchor))
}

/// Whether the clause rules already wrote an agreement of this kind from this sentence.
fn told_by_the_rules(doc: &Document, evidence: &Evidence, kind: AgreementKind) -> bool {
    doc.agreements.iter().any(|a| {
        a.kind == kind
            && a.sources.iter().any(|e| {
                e.doc_id == evidence.doc_id && e.start < evidence.end && evidence.start < e.end
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    fn doc(text: &str, entities: &[(&str, EntityLabel)], published: Option<&str>) -> Document {
        let mut doc = Document::from_text("d", text);
        doc.published = published.map(str::to_string);
        doc.sentences = vec![ByteSpan::new(0, text.len())];
        let mut at = 0;
        doc.entities = entities
            .iter()
            .map(|(t, label)| {
                let i = at + text[at..].find(t).unwrap();
                at = i + t.len();
                Entity {
                    span: ByteSpan::new(i, i + t.len()),
                    label: *label,
                    score: 0.9,
                }
            })
            .collect();
        crate::dates::annotate(&mut doc);
        doc
    }

    #[test]
    fn a_bloc_adopting_a_list_of_documents_gives_one_agreement_each() {
        let text = "The leaders of the Andean Community have adopted a Quito Declaration, Water Strategy and a Andean Trade Action Plan on Monday.";
        let mut d = doc(
            text,
            &[("Andean Community", Org), ("Monday", Date)],
            Some("2024-03-06"),
        );
        annotate(&mut d);
        let got: Vec<(Option<&str>, AgreementKind)> = d
            .agreements
            .iter()
            .map(|a| (a.title.as_deref(), a.kind))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Quito Declaration"), AgreementKind::Declaration),
                (Some("Water Strategy"), AgreementKind::Agreement),
                (Some("Andean Trade Action Plan"), AgreementKind::Agreement)
            ]
        );
        assert!(d.agreements.iter().all(|a| a.parties
            == [Party {
                name: "Andean Community".into(),
                kind: PartyType::Organization
            }]));
        assert!(d
            .agreements
            .iter()
            .all(|a| a.status == AgreementStatus::Signed));
        assert_eq!(
            d.agreements[0]
                .date
                .as_ref()
                .unwrap()
                .value
                .as_ref()
                .unwrap()
                .to_string(),
            "2024-03-04"
        );
        assert_eq!(
            (
                d.agreements[0].sources[0].start,
                d.agreements[0].sources[0].end
            ),
            (0, text.chars().count())
        );
    }

    #[test]
    fn the_bloc_is_named_before_the_verb_without_brackets_ordinals_or_members() {
        let text = "LOME, May 2 (Xinhua) -- The 12th ECOWAS Foreign Ministers (EFM) meeting closed with the adoption of the Lome Declaration.";
        let mut d = doc(
            text,
            &[
                ("Xinhua", Org),
                ("12th ECOWAS Foreign Ministers", Org),
                ("EFM", Org),
            ],
            None,
        );
        annotate(&mut d);
        assert_eq!(d.agreements.len(), 1);
        assert_eq!(d.agreements[0].parties[0].name, "ECOWAS");
        assert_eq!(d.agreements[0].title.as_deref(), Some("Lome Declaration"));
    }

    #[test]
    fn a_future_adoption_is_planned_but_agreed_to_adopt_is_done() {
        let text = "The Nordic Council will adopt the Oslo Declaration. The Baltic Council agreed to adopt the Riga Declaration.";
        let mut d = doc(
            text,
            &[("Nordic Council", Org), ("Baltic Council", Org)],
            None,
        );
        annotate(&mut d);
        let statuses: Vec<AgreementStatus> = d.agreements.iter().map(|a| a.status).collect();
        assert_eq!(
            statuses,
            [AgreementStatus::Planned, AgreementStatus::Signed]
        );
    }

    #[test]
    fn an_unnamed_document_or_no_organisation_gives_nothing() {
        for (text, entities) in [
            (
                "The Arctic Council adopted a declaration on shipping.",
                vec![("Arctic Council", Org)],
            ),
            ("It adopted the Sofia Declaration.", vec![]),
        ] {
            let mut d = doc(text, &entities, None);
            annotate(&mut d);
            assert!(d.agreements.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_joint_communique_is_a_joint_statement() {
        let text = "The Mekong Commission issued a joint communique.";
        let mut d = doc(text, &[("Mekong Commission", Org)], None);
        annotate(&mut d);
        assert_eq!(d.agreements.len(), 1);
        assert_eq!(d.agreements[0].kind, AgreementKind::JointStatement);
    }

    #[test]
    fn any_text_is_read_without_panic() {
        for text in [
            "adopted",
            "adoption of",
            "adopted the Declaration",
            "X adopted a joint",
            "é adopted é Declaration and",
            "adopted a A B C D E F G H I J K L M N O P Declaration",
        ] {
            let mut d = doc(text, &[], None);
            annotate(&mut d);
        }
    }
}
