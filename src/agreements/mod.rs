//! The agreements stage: a sentence that reports an act on an agreement (signing, planning to
//! sign, negotiating) becomes one [`Agreement`] record, read from that sentence and its
//! neighbours. [`crate::merge`] later folds the records of one agreement together.
//!
//! How a sentence is read:
//! - **Kind nouns** come first: "memorandum of understanding" / "MoU" / "memorandum",
//!   "agreement" / "deal" / "accord" / "pact", "treaty" / "convention", "joint statement" /
//!   "joint communique", "joint declaration" / "declaration", "partnership", "contract",
//!   "protocol". Only the head of a noun phrase counts ("partnership agreement" is an
//!   agreement; the "Partnership" of "... Partnership Economic Dialogue" is part of a name). A
//!   quoted proper name with no kind noun ("the “U.S.-Vietnam ... Economic Dialogue”") is an
//!   agreement only when it is what was signed. A deal "for X to buy" / "to buy" something is a
//!   contract.
//! - **An act** must govern the noun phrase, or the mention is no record ("in accordance with
//!   the agreement", "a challenge to the Panmunjom Declaration", "the 1982 UNCLOS", "the deal
//!   could lift exports"). Before the phrase: "signed", "inked", "put pen to paper on",
//!   "witnessed the signing of", "concluded", "issued", "released", "adopted", "exchanged",
//!   "exchanged the instruments of ratification of", "agreed on", "reached", "sealed",
//!   "hammered out" (signed); "will sign", "to sign", "ahead of the signing of" (planned; but
//!   "to sign" as the purpose of a gathering told as past, "met X on Monday to sign", is signed);
//!   "initialled" (planned: the text is agreed, the signing is to come); "agreed to negotiate",
//!   "talks on", "negotiations on", "talks with X on", "negotiations with X over" (X a party),
//!   "work towards", "towards the early conclusion of", "to draft", "are working on",
//!   "towards the signing of",
//!   "discussed", "explored" (discussed); "upgraded relations to (the level of)" (signed,
//!   partnerships only), "establishment of", "announced" (signed); "implement", "abide by"
//!   (signed: in force; named agreements only); "said in a joint statement" (issued). After it,
//!   when the phrase opens its clause: "was (also) signed", "has been signed" (signed), "is to be
//!   signed", "will be signed", "is due to be signed", "was initialled" (planned), "entered into
//!   force" (signed); duties ("must still be ratified") and negations ("would not be issued")
//!   are no act. A reduced relative ("the agreement signed in 2019", "a joint communique
//!   released after the call") counts anywhere when it tells its own date or the event it came
//!   out of. An object relative ("the Special Status Agreement that the two countries signed in
//!   2012", "the treaty, which X and Y signed in Bonn in June 1991"; for partnerships also
//!   "forged", "established") is signed, its subject naming the parties and its own clause the
//!   date and place; with no pronoun the subject may be a name ("a framework agreement Poland
//!   signed with the company in 2022"), and a year in the phrase ("a 2019 memorandum ... that
//!   Libya signed") dates it when the clause does not. Such a relative outweighs a verb of talk
//!   before the phrase ("considers void a memorandum that ..."). A singular "arrangement" is an
//!   agreement. A signing told as a noun follows what its clause says of it ("The signing
//!   of X ... has been postponed": planned; "... was called off": none). Between a verb and its
//!   noun only determiners and modifiers may stand. Items listed after a signing ("exchanged
//!   several documents, including a memorandum on ...", "eight documents were signed during
//!   the visit, among them ...", "Among the documents signed were ...", or the next sentence:
//!   "The memoranda include an MoU on ..."; the count that announced them then gives way to
//!   them), phrases coordinated
//!   with a governed one ("signed an MoU on X, an agreement on Y and a protocol on Z"),
//!   coordinated subjects of one passive ("an agreement on X and an MoU on Y were signed") and
//!   the second object of a signing whose first is no agreement ("signed a statement of intent
//!   on X and an agreement on Y") share its act. A partnership that a declaration sets up ("a
//!   Joint Declaration on the establishment of a strategic partnership") is a record of its own.
//! - **Cancelled or suspended** agreements ("scrapped", "suspended", "withdrew from", "refused
//!   to sign", "did not sign") make no record: the schema has no cancelled status, and calling
//!   them signed or discussed would misreport them. A sentence that also says when the deal was
//!   signed ("the deal, signed in 2015, ...") still yields that signed record.
//! - **Background** agreements are records when the text says they were signed ("signed a free
//!   trade agreement with Vietnam in 2019"), or when a singular mention names both parties and a
//!   date with no verb at all ("the joint statement between Vietnam and China in 2023", "the
//!   1965 Treaty on Basic Relations between Japan and the Republic of Korea": the date says it
//!   happened).
//! - **Parties** come from the subject of the act ("Japan and the Philippines signed",
//!   "Vietnamese and Chinese officials signed"; "Kim Jong Un and Moon Jae-in signed" gives their
//!   countries), from "between X and Y" and "with Y" after the noun, and from country names in
//!   the phrase ("the U.S.-Vietnam ..."). Countries are canonical gazetteer names; a state
//!   organ stands for its country ("the Vietnamese Defence Ministry"); other organisations are
//!   organisation parties ("Vietnam Airlines", "Boeing"; "Indian airline IndiGo" is IndiGo);
//!   places and buildings after a preposition are not parties; people are parties only when
//!   nothing names a country or organisation. Country words that describe a firm ("the
//!   U.S.-Turkish consortium Bechtel-Enka", "Britain's biggest utility Centrica") are no
//!   parties. A reduced relative names its counterpart ("a contract signed with Bombardier"),
//!   and one acted "under" takes the actor of its clause as the other party ("Air Tanzania's
//!   fleet revival began under a contract signed with Bombardier"). A back-reference that names
//!   no party itself adds none to the record it refers to. Bloc names the entity model missed are read from
//!   the text ("Mercosur"). Passives name parties after "by" or "between" ("signed in 2019
//!   between X and Y"); a fronted phrase ("In a joint statement released after the call, X and
//!   Y pledged") takes the main clause's subject. "The two sides", "they", "the ministers"
//!   resolve to the two countries named just before (this sentence before the clause, then back
//!   up to three sentences), or to the document's main pair when what is named fits it or when
//!   the pair named before holds one of the main pair and a third country (an aside). "The bloc"
//!   is the last regional bloc named (blocs are organisation parties). A deal "with several
//!   other partners" is too vague for a record, and a record with no party at all is dropped.
//! - **Signatories** are the people in the subject of "signed"/"inked"/"will sign" or after
//!   "signed (in X) by"; witnesses ("witnessing the signing", "witnessed the signing of") are
//!   not. Their role and country come from [`crate::people`].
//! - **Subject** is the "on ..." / "for ..." / "to ..." / "regarding ..." phrase after the noun
//!   (or after "was signed"), cut at the end of its clause, before a date or "in" and a place, and
//!   before a "between"/"with" that names the parties; a name "Agreement on X" gives X.
//!   **Title** is a capitalised ("Reciprocal Access Agreement", "Treaty of Amity and
//!   Cooperation"), quoted, or "known as" name; a kind's own name ("Memorandum of
//!   Understanding") is none.
//! - **Date and place** come from the clause, or a phrase trailing it (", during a visit to
//!   Jakarta by ..."). Otherwise, for signed and discussed agreements, from the event the text
//!   points back to ("on the sidelines of the forum", "following the talks", "during the
//!   exchange"), else from the nearest earlier talks or meeting (its date and place; when it has
//!   no date, the next earlier dated event gives the date), else the story's first dated event.
//!   "Also signed" first looks for the signing told just before; a pointer to a visit of several
//!   days takes the day of its talks ("paid a visit on June 11-12, sat down for talks ... on
//!   June 12"), "at the end of the visit" its last day. Planned agreements take them only from
//!   a pointer or their own sentence ("is due to visit Singapore on Wednesday, where ... are
//!   expected to sign"). An event met in person with no place of its own is in its sentence's
//!   dateline city ("ASTANA, June 12 (Kazinform) -- X held talks with Y at the Akorda"); one by
//!   phone or video has no place. A record with its own date takes no place from its
//!   neighbours, except the dateline city of its own sentence (not for planned ones) and: a
//!   signing of these days (up to two weeks before publication) with no place yet was where
//!   talks held in person that day were, else where the visit it belongs to was (a city over
//!   its country), when that place is in a party's country; not after "Meanwhile," or
//!   "Separately,". "In the capital" is the dateline city or the city last named (of the
//!   country named: "the Kazakh capital"); a building named after a place ("Al-Yamamah Palace")
//!   is no place. A place listed with places of another country ("in Hekou county, Yunnan
//!   Province ... and Lao Cai of Vietnam") is no single place. Dates keep the precision the
//!   event was reported with ([`crate::dates::record_value`]: "later this year" is the year);
//!   dates relative to the story ("The following day") that the dates stage left open count
//!   from the last day named before them; a date before "and" belongs to the verb before it.
//! - **Back-references** ("Kamikawa and Teodoro signed the pact in Manila") add their
//!   signatories, place and date to the earlier record of the same kind instead of making a
//!   new one. One that moves the record to a later stage ("concluded negotiations on an FTA ...
//!   The deal is expected to be signed later this year") gives it its own date and place, and so
//!   does the signing an initialled text awaits; an initialled text whose signing nothing
//!   schedules has no date or place.
//! - **Confidence** starts at 0.9 for an explicit signing verb, 0.8 for softer verbs
//!   ("concluded", "announced"), 0.7 for in-force names and 0.6 for verb-less dated mentions,
//!   and drops for parties resolved from context (0.1) or the main pair (0.15), plurals
//!   ("relevant agreements", 0.15), discussions (0.05) and a missing date (0.05).
//!
//! Every step is a bounded scan of one sentence (at most `MAX_MENTIONS` phrases, looking back
//! at most `LOOKBACK` bytes) or a few neighbours, so the stage is linear in the document; it
//! never panics on any document (spans out of range or off char boundaries are ignored) and
//! its output depends on nothing but the document.

use std::sync::LazyLock;

use regex::Regex;

use chrono::NaiveDate;

use crate::dates::DateValue;
use crate::doc::{Document, Entity, EntityLabel};
use crate::gazetteer;
use crate::people::person_at;
use crate::records::{
    Agreement, AgreementKind, AgreementStatus, DateField, Evidence, Location, Participant, Party,
    PartyType,
};
use crate::text::{ByteSpan, CharIndex};
use crate::wordlist::{self, words};

/// Fills `doc.agreements`.
pub fn annotate(doc: &mut Document) {
    doc.agreements = extract(doc);
}

/// The agreements one document reports, one per mention (back-references folded in), in text
/// order, without ids.
pub fn extract(doc: &Document) -> Vec<Agreement> {
    if !doc.is_ok() || doc.text.is_empty() {
        return Vec::new();
    }
    let cx = Cx::new(doc);
    let mut drafts: Vec<Draft> = Vec::new();
    for ui in 0..cx.units.len() {
        let mentions = cx.mentions(ui);
        if mentions.is_empty() {
            continue;
        }
        let acts = cx.acts(ui);
        let links = cx.link(ui, &mentions, &acts);
        for mi in 0..mentions.len() {
            if let Some(d) = cx.draft(ui, &mentions, &links, mi) {
                absorb(&mut drafts, d);
            }
        }
    }
    drop_spelled_out_summaries(&mut drafts, &doc.text);
    // Code-point offsets through one index per document.
    let index = CharIndex::new(&doc.text);
    drafts.into_iter().map(|d| d.finish(doc, &index)).collect()
}

/// "signed three agreements, including an MoU on X, an agreement on Y and a protocol on Z", or
/// the list in the next sentence ("The memoranda include ..."): the listed documents are the
/// records, and the count that announced them is none. A summary goes when two or more drafts
/// after it, in its sentence or the next, name a subject or title with the same parties and
/// status; or when two or more items of a list set out line by line follow it (within
/// [`LISTED_REACH`] bytes, same kind and status), which then take its date and place where
/// they have none of their own ("signed five MoUs ... The MoUs were signed this morning in Port
/// Louis ... namely: (i) MoU on ...").
fn drop_spelled_out_summaries(drafts: &mut Vec<Draft>, text: &str) {
    let spelled_out = |i: usize| {
        let s = &drafts[i];
        let next_sentence = |d: &Draft| {
            d.sentence.start >= s.sentence.end
                && text
                    .get(s.sentence.end..d.sentence.start)
                    .is_some_and(|gap| gap.trim().is_empty())
        };
        let same_parties = |d: &Draft| {
            d.parties
                .iter()
                .map(|p| &p.name)
                .eq(s.parties.iter().map(|p| &p.name))
        };
        // Drafts are in text order: the ones of this sentence and the next come first.
        drafts[i + 1..]
            .iter()
            .take_while(|d| d.sentence == s.sentence || next_sentence(d))
            .filter(|d| {
                (d.subject.is_some() || d.title.is_some())
                    && d.status == s.status
                    && same_parties(d)
            })
            .count()
            >= 2
    };
    let items_of = |i: usize| -> Vec<usize> {
        let s = &drafts[i];
        (i + 1..drafts.len())
            .take_while(|&j| drafts[j].sentence.start <= s.sentence.end + LISTED_REACH)
            .filter(|&j| {
                drafts[j].listed && drafts[j].kind == s.kind && drafts[j].status == s.status
            })
            .collect()
    };
    let spelled: Vec<bool> = (0..drafts.len())
        .map(|i| drafts[i].summary && spelled_out(i))
        .collect();
    let listed: Vec<Vec<usize>> = (0..drafts.len())
        .map(|i| {
            if drafts[i].summary {
                items_of(i)
            } else {
                Vec::new()
            }
        })
        .collect();
    let mut drop = spelled;
    for (i, items) in listed.into_iter().enumerate() {
        if items.len() >= 2 {
            let (date, location) = (drafts[i].date.clone(), drafts[i].location.clone());
            for j in items {
                let d = &mut drafts[j];
                if d.date.is_none() || d.weak_date {
                    d.date = date.clone().or(d.date.take());
                }
                if d.location.is_none() || d.weak_location {
                    d.location = location.clone().or(d.location.take());
                }
            }
            drop[i] = true;
        }
    }
    let mut at = 0;
    drafts.retain(|_| {
        at += 1;
        !drop[at - 1]
    });
}

mod acts;
mod after_phrase;
mod clauses;
mod countries;
mod dating;
mod document;
mod draft;
mod mentions;
mod place;
#[cfg(test)]
mod tests;
mod text_helpers;
mod types;
mod vocabulary;

// The submodules share their free items (each `pub(super)`) through this module: they read
// one sentence and one document together, like the single file they were split from. The
// methods they add to [`Cx`] need no import.
use dating::*;
use draft::*;
use text_helpers::*;
use types::*;
use vocabulary::*;

/// How far after a count of documents ("signed five MoUs") its items set out line by line may
/// follow (bytes).
const LISTED_REACH: usize = 1_500;

/// Where a sentence puts its document in a list of several: the enumerator of a line set out
/// one item a line ("(ii) MoU on ...;" gives "(ii)"), or an ordinal ("The second memorandum
/// ..." gives "second"). Documents at two positions are two documents, whatever their
/// subjects share.
pub(crate) fn list_position(sentence: &str) -> Option<String> {
    static ORDINAL_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\bthe\s+({})\s+(?:mou|memorandum|agreement|treaty|protocol|contract|declaration|accord|deal)\b",
            acts::ORDINALS
        ))
        .unwrap()
    });
    // Only a written enumerator tells a position: a line that merely opens with "The
    // agreement" is no item of a list.
    static ENUMERATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^\s*({})\s*(?:an?\s+|the\s+)?{}\b",
            acts::LIST_MARK,
            acts::LISTED_DOCUMENTS
        ))
        .unwrap()
    });
    if let Some(c) = ENUMERATED.captures(sentence) {
        return Some(c[1].to_lowercase());
    }
    ORDINAL_DOCUMENT
        .captures(sentence)
        .map(|c| c[1].to_lowercase())
}

/// Mentions read per sentence.
const MAX_MENTIONS: usize = 24;

/// How far back (bytes) a scan inside one sentence looks for a clause's start.
const LOOKBACK: usize = 600;
