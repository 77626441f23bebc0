//! Agreements signed as a bundle and named one by one: one record each.
//!
//! "The ministers presided over the signing of seven memoranda. The memoranda include an MoU on
//! trade, an MoU on tourism and an MoU on youth education." A reader gives one record for the
//! signing; the sentence that names the documents one by one makes it three, each with its
//! subject.
//!
//! Runs after the readers, on every agreement of a document. A list names the documents when
//! it repeats the document noun before each item ("an MoU on X, an MoU on Y"), or when a count
//! of documents comes with as many subjects ("signed three memorandums, on X, on Y and on Z";
//! "... signed three memoranda. They cover A, B and C"). A bundle only counted, "signed 12
//! agreements in tourism, energy and health", stays one record: nothing names its documents.
//! The list stands in the record's own sentence or one of the two after it, and the record's
//! sentence must speak of documents in the plural.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::Document;
use crate::records::{Agreement, Evidence};
use crate::text::{ByteSpan, CharIndex};

/// The head of one named document of a list: "an MoU on", "a memorandum of understanding for",
/// "an agreement regarding".
static ITEM_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\ban?\s+(?:MoU|memorandum(?:\s+of\s+understanding)?|agreement|accord|protocol|convention)\s+(?:on|for|in|regarding|concerning)\s+",
    )
    .unwrap()
});

/// Documents in the plural: what a sentence says of a bundle.
static PLURAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:memoranda|memorandums|MoUs|agreements|accords|protocols|deals|documents|instruments|pacts|conventions)\b").unwrap()
});

/// How many sentences before a list its bundle's record may be read from.
const BACK: usize = 2;

/// Items of one list, at most: a longer run is not a bundle of one ceremony.
const MAX_ITEMS: usize = 20;

/// The bundles stage.
pub fn annotate(doc: &mut Document) {
    if doc.agreements.is_empty() {
        return;
    }
    let index = CharIndex::new(&doc.text);
    let sentence_chars = doc.sentence_chars(&index);
    let lists: Vec<(usize, Vec<String>)> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !doc.is_furniture(**s))
        .filter_map(|(i, s)| {
            let sentence = s.slice(&doc.text);
            // A "They cover ..." list takes its count from one of the sentences before, the
            // nearest first ("signed six MoUs. The office said talks began. The MoUs were
            // signed on the areas of ...").
            // The nearest sentence with a count is the one: an older count does not stand in
            // when its number does not fit.
            let counted = (i.saturating_sub(BACK)..i)
                .rev()
                .map(|p| doc.sentences[p].slice(&doc.text))
                .find(|b| count_of_documents(&COUNTED_BEFORE, b).is_some());
            named_items(sentence)
                .or_else(|| counted_items(sentence, None))
                .or_else(|| counted_items(sentence, counted))
                .or_else(|| bulleted_items(doc, i))
                .map(|items| (i, items))
        })
        .collect();
    if lists.is_empty() {
        return;
    }
    let sentence_of = |a: &Agreement| {
        a.sources
            .iter()
            .find(|e| e.doc_id == doc.id)
            .and_then(|e| sentence_chars.holding(e.start))
    };
    let mut records = std::mem::take(&mut doc.agreements);
    for (at, items) in lists {
        let evidence = Evidence::of(doc, &index, doc.sentences[at]);
        // Split already (the hybrid reader finishes records twice): leave it.
        let split = records.iter().filter(|a| {
            a.sources.contains(&evidence) && a.subject.as_ref().is_some_and(|s| items.contains(s))
        });
        if split.count() >= items.len() {
            continue;
        }
        // The record the list spells out: read from the list's sentence or one of the two
        // before, the nearest first, where documents are spoken of in the plural ("the signing
        // of seven memoranda"): a single agreement told before a list is not its bundle.
        let bundle_at = |s: usize| {
            let plural = PLURAL.is_match(doc.sentences[s].slice(&doc.text));
            records
                .iter()
                .position(|a| sentence_of(a) == Some(s))
                .filter(|_| plural)
        };
        let Some(which) = (at.saturating_sub(BACK)..=at).rev().find_map(bundle_at) else {
            continue;
        };
        let bundle = records.remove(which);
        for (k, subject) in items.into_iter().enumerate() {
            let mut one = bundle.clone();
            one.subject = Some(subject);
            if !one.sources.contains(&evidence) {
                one.sources.push(evidence.clone());
            }
            records.insert(which + k, one);
        }
    }
    doc.agreements = records;
}

/// The subjects of a list naming two or more documents one by one in `sentence`, in order.
fn named_items(sentence: &str) -> Option<Vec<String>> {
    let heads: Vec<ByteSpan> = ITEM_HEAD
        .find_iter(sentence)
        .map(|m| ByteSpan::new(m.start(), m.end()))
        .take(MAX_ITEMS + 1)
        .collect();
    if heads.len() < 2 || heads.len() > MAX_ITEMS {
        return None;
    }
    // Items must follow each other: only a comma and "and" between one item's subject and the
    // next head, checked by the subject's length (a long stretch is prose, not a list).
    let mut items = Vec::with_capacity(heads.len());
    for (k, head) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(sentence.len(), |next| next.start);
        let subject = trim_item(until_other_document(&sentence[head.end..end]));
        if subject.is_empty() || subject.split_whitespace().count() > 12 {
            return None;
        }
        items.push(subject.to_string());
    }
    Some(items)
}

/// A count of documents and a list of as many subjects, with no document noun repeated:
/// "signed three memorandums of understanding, on maritime security, on fisheries and on
/// tourism", or the next sentence after "signed three memoranda": "They cover customs, health
/// and ports", "The MoUs were signed on the areas of customs, health and ports". The count must match, so that "12 agreements in tourism, education and energy"
/// stays one record; the count is the one nearest the documents, with no verb or party noun
/// between ("The two sides signed three memoranda" counts three).
fn counted_items(sentence: &str, before: Option<&str>) -> Option<Vec<String>> {
    static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:[\w'’-]+\s+){0,3}?(?:memoranda|memorandums|MoUs|agreements|accords|protocols|documents|deals|contracts|treaties|pacts)(?:\s+of\s+understanding)?(?:\s*\([^)]{1,12}\))?\s*,?\s*(on|covering|regarding|concerning)\s+([^;.]+)").unwrap()
    });
    static THEY_COVER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:they|these|the\s+documents|the\s+memoranda|the\s+memorandums|the\s+mous|the\s+agreements)\s+(?:cover|covered|concern|concerned|deal\s+with|dealt\s+with|relate\s+to|related\s+to|(?:were|are)\s+signed\s+(?:on|in)\s+(?:the\s+)?(?:areas|fields|sectors)\s+of)\s+([^;.]+)").unwrap()
    });
    let (count, list, preposition) = if let Some(c) = count_of_documents(&COUNTED, sentence) {
        (count_word(&c[1]), c.get(3)?.as_str(), c[2].to_lowercase())
    } else {
        let c = THEY_COVER.captures(sentence)?;
        let told = count_of_documents(&COUNTED_BEFORE, before?)?;
        (count_word(&told[1]), c.get(1)?.as_str(), String::new())
    };
    // The list ends where the clause goes on to the time or place of the signing.
    static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+(?:during|after|before|at\s+the|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d))\b").unwrap()
    });
    let list = TRAILER.find(list).map_or(list, |m| &list[..m.start()]);
    let items: Vec<String> = ITEM_BREAK
        .split(list)
        .map(|item| {
            let item = item.trim();
            let item = item
                .strip_prefix(&format!("{preposition} "))
                .filter(|_| !preposition.is_empty())
                .unwrap_or(item);
            trim_item(item).to_string()
        })
        .collect();
    let short = items
        .iter()
        .all(|i| !i.is_empty() && i.split_whitespace().count() <= 8);
    (count >= 2 && items.len() == count && short).then_some(items)
}

/// A count of documents before a colon, then as many lines each marked as a list item:
/// "Bangladesh and Sri Lanka have signed six MoUs which are: / *Youth development /
/// *Agricultural research / ...". The lines are the sentences after `at`; the count must match.
fn bulleted_items(doc: &Document, at: usize) -> Option<Vec<String>> {
    let sentence = doc.sentences[at].slice(&doc.text).trim_end();
    if !sentence.ends_with(':') {
        return None;
    }
    let counted = count_of_documents(&COUNTED_BEFORE, sentence)?;
    let count = count_word(&counted[1]);
    let items: Vec<String> = doc.sentences[at + 1..]
        .iter()
        .take(MAX_ITEMS)
        .map(|s| s.slice(&doc.text).trim())
        .map_while(|line| {
            let rest = line.strip_prefix(['*', '\u{2022}', '-', '\u{2013}', '\u{b7}'])?;
            Some(trim_item(rest).to_string())
                .filter(|item| !item.is_empty() && item.split_whitespace().count() <= 12)
        })
        .collect();
    (count >= 2 && items.len() == count).then_some(items)
}

/// The number a count of documents gives ("six", "6"); 0 for a word that is none.
fn count_word(w: &str) -> usize {
    match w.to_lowercase().as_str() {
        "two" | "2" => 2,
        "three" | "3" => 3,
        "four" | "4" => 4,
        "five" | "5" => 5,
        "six" | "6" => 6,
        "seven" | "7" => 7,
        "eight" | "8" => 8,
        "nine" | "9" => 9,
        "ten" => 10,
        _ => 0,
    }
}

/// The first match of `counted` (group 1 the count, then at most three words before the
/// documents' noun) whose words between count and noun are modifiers: no verb ("signed") and
/// no noun of the parties ("sides", "countries"), so that "The two sides signed three
/// memoranda" counts three, not two.
fn count_of_documents<'s>(counted: &Regex, text: &'s str) -> Option<regex::Captures<'s>> {
    const NOT_MODIFIERS: &[&str] = &[
        "sides",
        "countries",
        "nations",
        "leaders",
        "ministers",
        "presidents",
        "governments",
        "parties",
        "states",
        "companies",
        "firms",
        "also",
        "have",
        "has",
        "had",
        "were",
        "was",
    ];
    let mut at = 0;
    while let Some(c) = counted.captures_at(text, at) {
        let count = c.get(1)?;
        let filler = &text[count.end()..c.get(0)?.end()];
        let words: Vec<String> = filler.split_whitespace().map(str::to_lowercase).collect();
        // The last word is the documents' noun itself.
        let modifiers = &words[..words.len().saturating_sub(1)];
        let plain = modifiers
            .iter()
            .all(|w| !NOT_MODIFIERS.contains(&w.as_str()) && !(w.ends_with("ed") && w.len() > 4));
        if plain {
            return Some(c);
        }
        at = count.end();
    }
    None
}

/// A count of documents in the plural, in the sentence before a "They cover ..." list.
static COUNTED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:[\w'’-]+\s+){0,3}?(?:memoranda|memorandums|MoUs|agreements|accords|protocols|documents|deals|contracts|treaties|pacts)\b").unwrap()
});

/// Between two items of a list: a comma, "and", or both.
static ITEM_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*,\s*(?:and\s+)?|\s+and\s+").unwrap());

/// An item's words up to another document the list names without a subject ("on fisheries, a
/// trade protocol and an agreement on tourism": the protocol is no part of the fisheries).
fn until_other_document(s: &str) -> &str {
    static OTHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:,|,?\s+and)\s+an?\s+(?:[\w'’-]+\s+){0,3}?(?:MoU|memorandum|agreement|accord|protocol|convention|treaty|deal|contract|declaration|statement|pact)\b").unwrap()
    });
    OTHER.find(s).map_or(s, |m| &s[..m.start()])
}

/// A list item's subject without the punctuation and conjunction before the next item.
fn trim_item(s: &str) -> &str {
    let mut s =
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    for tail in [" and", " as well as", ","] {
        if let Some(rest) = s.strip_suffix(tail) {
            s = rest.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        }
    }
    s.trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{AgreementKind, Party, PartyType};

    #[test]
    fn items_named_one_by_one() {
        let s = "The documents include an MoU on fisheries, an MoU on Trade and Investment, Tourism and Art, and an MoU on youth sports.";
        assert_eq!(
            named_items(s).unwrap(),
            vec![
                "fisheries".to_string(),
                "Trade and Investment, Tourism and Art".into(),
                "youth sports".into()
            ]
        );
        // Counted, not named: one record.
        assert_eq!(
            named_items("They signed 12 agreements in tourism, education and energy."),
            None
        );
        // A document with no subject of its own between two named ones is no part of either.
        assert_eq!(
            named_items("They signed three agreements: an MoU on fisheries, a trade protocol and an agreement on tourism.").unwrap(),
            vec!["fisheries".to_string(), "tourism".into()]
        );
        // One document named: nothing to split.
        assert_eq!(
            named_items("They signed an agreement on fisheries and a protocol."),
            None
        );
        // Two heads far apart in prose are no list.
        let prose = "An agreement on fisheries was signed after the ministers, who had spent two days in talks that went on late into the night over quotas and inspections and subsidies and ports and fleets, discussed an accord on ports.";
        assert_eq!(named_items(prose), None);
    }

    #[test]
    fn counted_lists_name_as_many_documents() {
        let s = "The two sides signed three memorandums of understanding, on maritime security, on fisheries and on tourism promotion.";
        assert_eq!(
            counted_items(s, None).unwrap(),
            ["maritime security", "fisheries", "tourism promotion"]
        );
        let s = "They signed three MoUs on customs, health and ports at the State House on Monday.";
        assert_eq!(
            counted_items(s, None).unwrap(),
            ["customs", "health", "ports"]
        );
        let they = "They cover customs data exchange, livestock health certification and the training of port workers.";
        let before = "The two sides also signed three memoranda of understanding.";
        assert_eq!(counted_items(they, Some(before)).unwrap().len(), 3);
        // The count must match the items.
        assert_eq!(
            counted_items(
                "They signed 12 agreements in tourism, education and energy.",
                None
            ),
            None
        );
        assert_eq!(
            counted_items(
                "They signed two agreements on trade, investment and energy.",
                None
            ),
            None
        );
        // A count of the parties is no count of documents.
        assert_eq!(
            counted_items(
                "The two countries signed agreements on trade and energy.",
                None
            ),
            None
        );
        let before = "The two sides signed three memoranda.";
        assert_eq!(
            counted_items("They cover customs, health and ports.", Some(before))
                .unwrap()
                .len(),
            3
        );
        let areas = "The MoUs were signed on the areas of customs, the training of port workers, and for a youth exchange programme.";
        assert_eq!(counted_items(areas, Some(before)).unwrap().len(), 3);
        // Two areas for three documents: nothing names them one by one.
        assert!(counted_items(
            "The MoUs were signed in the fields of customs and health.",
            Some(before)
        )
        .is_none());
        assert_eq!(
            counted_items(they, Some("The two sides also signed four memoranda.")),
            None
        );
        assert_eq!(counted_items(they, None), None);
    }

    #[test]
    fn a_bundle_becomes_one_record_per_named_document() {
        let text = "Lindor and Varno signed four memoranda on Monday. They include an MoU on fisheries, an MoU on rail links and an MoU on culture. Lindor also signed a loan deal.";
        let mut doc = Document::from_text("d", text);
        let first = ByteSpan::new(0, text.find(" They").unwrap());
        let second = ByteSpan::new(first.end + 1, text.find(" Lindor also").unwrap());
        let third = ByteSpan::new(second.end + 1, text.len());
        doc.sentences = vec![first, second, third];
        let index = CharIndex::new(text);
        let party = |n: &str| Party {
            name: n.into(),
            kind: PartyType::Country,
        };
        let record = |at: ByteSpan| {
            let parties = vec![party("Lindor"), party("Varno")];
            Agreement::signed_for_test(
                AgreementKind::MemorandumOfUnderstanding,
                parties,
                vec![Evidence::of(&doc, &index, at)],
            )
        };
        doc.agreements = vec![record(first), record(third)];
        annotate(&mut doc);
        let subjects: Vec<Option<&str>> = doc
            .agreements
            .iter()
            .map(|a| a.subject.as_deref())
            .collect();
        assert_eq!(
            subjects,
            vec![Some("fisheries"), Some("rail links"), Some("culture"), None]
        );
        // Finishing again (as the hybrid reader does) splits nothing more.
        annotate(&mut doc);
        assert_eq!(doc.agreements.len(), 4);

        for a in &doc.agreements[..3] {
            assert_eq!(a.sources.len(), 2);
            let listed = &a.sources[1];
            assert_eq!(&text[listed.start..listed.end], listed.sentence);
            assert!(listed.sentence.starts_with("They include"));
        }
    }

    /// A document of three sentences, cut where `second` and `third` begin (after a space),
    /// with one signed MoU between Lindor and Varno read from sentence `record_in`.
    fn three_sentences(text: &str, second: &str, third: &str, record_in: usize) -> Document {
        let mut doc = Document::from_text("d", text);
        let a = ByteSpan::new(0, text.find(second).unwrap() - 1);
        let b = ByteSpan::new(a.end + 1, text.find(third).unwrap() - 1);
        let c = ByteSpan::new(b.end + 1, text.len());
        doc.sentences = vec![a, b, c];
        let index = CharIndex::new(text);
        let parties = vec![
            Party {
                name: "Lindor".into(),
                kind: PartyType::Country,
            },
            Party {
                name: "Varno".into(),
                kind: PartyType::Country,
            },
        ];
        let evidence = Evidence::of(&doc, &index, doc.sentences[record_in]);
        doc.agreements = vec![Agreement::signed_for_test(
            AgreementKind::MemorandumOfUnderstanding,
            parties,
            vec![evidence],
        )];
        doc
    }

    #[test]
    fn a_count_two_sentences_before_its_list_still_counts() {
        let text = "Lindor and Varno signed three memoranda on Monday. The office said talks began. The MoUs were signed on the areas of fisheries, rail links and culture.";
        let mut doc = three_sentences(text, "The office", "The MoUs", 0);
        annotate(&mut doc);
        let subjects: Vec<Option<&str>> = doc
            .agreements
            .iter()
            .map(|a| a.subject.as_deref())
            .collect();
        assert_eq!(
            subjects,
            vec![Some("fisheries"), Some("rail links"), Some("culture")]
        );
    }

    #[test]
    fn a_count_before_a_bulleted_list_names_its_documents() {
        // The lines as the segmenter cuts them; the record read from the count's line.
        let listed = |text: &str| {
            let mut doc = three_sentences(text, "*Fisheries", "*Rail", 0);
            doc.sentences = crate::segment::Segmenter::split(&crate::segment::RuleSegmenter, text);
            annotate(&mut doc);
            doc
        };
        let doc = listed("Lindor and Varno signed three MoUs which are:\n*Fisheries\n*Rail links\n*Culture\nThe talks went well.");
        let subjects: Vec<Option<&str>> = doc
            .agreements
            .iter()
            .map(|a| a.subject.as_deref())
            .collect();
        assert_eq!(
            subjects,
            vec![Some("Fisheries"), Some("Rail links"), Some("Culture")]
        );
        // A count that the lines do not fit names nothing.
        let doc = listed("Lindor and Varno signed four MoUs which are:\n*Fisheries\n*Rail links\n*Culture\nThe talks went well.");
        assert_eq!(doc.agreements.len(), 1);
    }

    #[test]
    fn an_older_count_does_not_stand_in_for_the_nearest() {
        let text = "In 2019 they signed three agreements. On Monday they signed five MoUs. They cover trade, energy and health.";
        let mut doc = three_sentences(text, "On Monday", "They cover", 1);
        annotate(&mut doc);
        assert_eq!(doc.agreements.len(), 1);
    }

    #[test]
    fn a_single_agreement_before_a_list_is_not_its_bundle() {
        let text = "Lindor and Varno signed a memorandum on Monday. Talks covered an accord on fisheries and an accord on ports.";
        let mut doc = Document::from_text("d", text);
        let first = ByteSpan::new(0, text.find(" Talks").unwrap());
        doc.sentences = vec![first, ByteSpan::new(first.end + 1, text.len())];
        let index = CharIndex::new(text);
        let sources = vec![Evidence::of(&doc, &index, first)];
        doc.agreements = vec![Agreement::signed_for_test(
            AgreementKind::MemorandumOfUnderstanding,
            vec![],
            sources,
        )];
        let before = doc.agreements.clone();
        annotate(&mut doc);
        assert_eq!(doc.agreements, before);
    }
}
