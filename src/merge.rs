//! One event, one record: folds the records that several sentences or several documents make
//! of the same meeting or agreement, and gives each merged record its id.
//!
//! Two meetings are the same event when their kinds belong to one family (a meeting and talks
//! are one family; visits, calls and conferences are each their own), their statuses agree,
//! they share a participant (names compared without case, diacritics or a missing given name:
//! "Ishaq Dar" = "Mohammad Ishaq Dar"), their dates overlap or one is unknown, and their places
//! are the same, one contains the other (Hanoi is in Vietnam) or one is unknown. Agreements
//! likewise, with the same kind and a shared party. A record without participants (or
//! parties) joins only a record of the same document.
//!
//! Records are taken in a fixed order (document id, then position) and each joins the first
//! compatible group, so the result never depends on the thread count; merging outputs of
//! shards runs this same fold over the same per-document records.

use std::collections::{BTreeSet, HashMap, HashSet};

use sha2::{Digest, Sha256};

use crate::dates::DateValue;
use crate::gazetteer;
use crate::records::{
    Agreement, DateField, Evidence, Location, Meeting, MeetingKind, Participant, Party,
};

/// Merges per-document meetings (given in document order) into events with ids.
pub fn merge_meetings(records: Vec<Meeting>) -> Vec<Meeting> {
    let mut groups = fold(
        records,
        |m| {
            index_keys(
                m.participants
                    .iter()
                    .map(|p| p.name.as_str())
                    .chain(m.gathering.as_deref()),
                &m.sources,
            )
        },
        same_meeting,
        absorb_meeting,
    );
    for g in &mut groups {
        finish_sources(&mut g.sources);
        g.topics.sort();
        g.topics.dedup();
        g.id = format!("mtg-{}", meeting_key(g));
    }
    groups.sort_by(|a, b| {
        a.sources[0]
            .cmp(&b.sources[0])
            .then_with(|| a.id.cmp(&b.id))
    });
    make_unique(groups.iter_mut().map(|g| &mut g.id), "mtg");
    groups
}

/// Merges per-document agreements into one record per agreement, with ids.
pub fn merge_agreements(records: Vec<Agreement>) -> Vec<Agreement> {
    let mut groups = fold(
        records,
        |a| index_keys(a.parties.iter().map(|p| p.name.as_str()), &a.sources),
        same_agreement,
        absorb_agreement,
    );
    for g in &mut groups {
        finish_sources(&mut g.sources);
        g.id = format!("agr-{}", agreement_key(g));
    }
    groups.sort_by(|a, b| {
        a.sources[0]
            .cmp(&b.sources[0])
            .then_with(|| a.id.cmp(&b.id))
    });
    make_unique(groups.iter_mut().map(|g| &mut g.id), "agr");
    groups
}

/// Two records can share everything their id is made of ("signed three agreements: a
/// memorandum on border management, a protocol and an agreement on labour" gives records that
/// differ only in what they are about): a repeated id is hashed again with how many times it
/// was seen before, in output order, so ids stay unique and the same from run to run.
fn make_unique<'a>(ids: impl Iterator<Item = &'a mut String>, prefix: &str) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    let ids: Vec<&mut String> = ids.collect();
    for id in &ids {
        taken.insert((*id).clone());
    }
    for id in ids {
        let n = seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut k = *n;
            loop {
                let candidate = format!("{prefix}-{}", hex12(&[id.clone(), k.to_string()]));
                if taken.insert(candidate.clone()) {
                    *id = candidate;
                    break;
                }
                k += 1;
            }
        }
    }
}

/// Each record joins the first (oldest) compatible group, else starts one. Groups are found
/// through an index of the words of their names and their documents, since two records of one
/// event always share one of those: merging stays near-linear on corpora of many thousands
/// of documents.
fn fold<R>(
    records: Vec<R>,
    keys: impl Fn(&R) -> Vec<String>,
    same: impl Fn(&R, &R) -> bool,
    absorb: impl Fn(&mut R, R),
) -> Vec<R> {
    let mut groups: Vec<R> = Vec::new();
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for record in records {
        let record_keys = keys(&record);
        let mut candidates: Vec<usize> = record_keys
            .iter()
            .filter_map(|k| index.get(k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let target = candidates.into_iter().find(|&g| same(&groups[g], &record));
        let g = match target {
            Some(g) => {
                absorb(&mut groups[g], record);
                g
            }
            None => {
                groups.push(record);
                groups.len() - 1
            }
        };
        for k in keys(&groups[g]) {
            let list = index.entry(k).or_default();
            if list.last() != Some(&g) && !list.contains(&g) {
                list.push(g);
            }
        }
    }
    groups
}

fn index_keys<'a>(names: impl Iterator<Item = &'a str>, sources: &[Evidence]) -> Vec<String> {
    let mut keys: Vec<String> = names
        .flat_map(|n| {
            gazetteer::fold(n)
                .split_whitespace()
                .map(|w| format!("w:{w}"))
                .collect::<Vec<_>>()
        })
        .collect();
    keys.extend(sources.iter().map(|s| format!("d:{}", s.doc_id)));
    keys.sort();
    keys.dedup();
    keys
}

fn family(kind: MeetingKind) -> u8 {
    match kind {
        MeetingKind::Meeting | MeetingKind::Talks => 0,
        MeetingKind::Visit => 1,
        MeetingKind::Call => 2,
        MeetingKind::Conference => 3,
    }
}

fn shares_document(a: &[Evidence], b: &[Evidence]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.doc_id == y.doc_id))
}

/// "Talks" in a headline and "a phone call" in the body are often one encounter: the two kinds
/// fold when both are dated to the same day, or one report tells both and one of them is
/// undated (a call "earlier this month" is not the talks of the 20th).
fn talks_by_phone(a: &Meeting, b: &Meeting) -> bool {
    let pair = matches!(
        (a.kind, b.kind),
        (MeetingKind::Talks, MeetingKind::Call) | (MeetingKind::Call, MeetingKind::Talks)
    );
    let undated = |m: &Meeting| m.date.as_ref().and_then(|d| d.value.as_ref()).is_none();
    pair && (same_day(a.date.as_ref(), b.date.as_ref())
        || ((undated(a) || undated(b)) && shares_document(&a.sources, &b.sources)))
}

fn same_meeting(a: &Meeting, b: &Meeting) -> bool {
    if (family(a.kind) != family(b.kind) && !talks_by_phone(a, b)) || a.status != b.status {
        return false;
    }
    if !dates_compatible(a.date.as_ref(), b.date.as_ref())
        || !places_compatible(a.location.as_ref(), b.location.as_ref())
    {
        return false;
    }
    // Across reports, an undated meeting of the same people is the same one only at the same
    // place: leaders meet again and again ("Abdullah met Abbas" in 2022 and in 2011), but "the
    // talks of To Lam and Dong Jun in Hanoi" in a follow-up are the talks another report dated.
    let dated = |m: &Meeting| m.date.as_ref().is_some_and(|d| d.value.is_some());
    if !shares_document(&a.sources, &b.sources)
        && !(dated(a) && dated(b))
        && !(a.location.is_some() && b.location.is_some())
    {
        return false;
    }
    // One named gathering told by several reports ("the G20 summit in Pittsburgh"): across
    // documents only when both give a date or both a place (which then agree), since a bloc
    // meets every year.
    if let (Some(x), Some(y)) = (&a.gathering, &b.gathering) {
        let anchored = (a.date.is_some() && b.date.is_some())
            || (a.location.is_some() && b.location.is_some());
        if gazetteer::fold(x) == gazetteer::fold(y)
            && (a.participants.is_empty() || b.participants.is_empty())
            && (anchored || shares_document(&a.sources, &b.sources))
        {
            return true;
        }
    }
    if a.participants.is_empty() || b.participants.is_empty() {
        // Nothing to recognise the event by: only a record of the same document, which then
        // must agree on a date or a place so that two unrelated anonymous events stay apart.
        let anchored = (a.date.is_some() && b.date.is_some())
            || (a.location.is_some() && b.location.is_some());
        return shares_document(&a.sources, &b.sources) && anchored;
    }
    let shared = a
        .participants
        .iter()
        .filter(|p| b.participants.iter().any(|q| same_name(&p.name, &q.name)))
        .count();
    // "X and Y held separate meetings with Z and W": two records told apart in one sentence,
    // each with someone the other lacks, are two meetings.
    let one_sentence = a.sources.iter().any(|x| {
        b.sources
            .iter()
            .any(|y| x.doc_id == y.doc_id && x.start == y.start)
    });
    if one_sentence && shared < a.participants.len() && shared < b.participants.len() {
        return false;
    }
    // Meetings of more than one person must share more than one of them when both sides name
    // two or more: "X met Y" and "X met Z" on one day are two meetings.
    let needed = if a.participants.len() >= 2 && b.participants.len() >= 2 {
        2
    } else {
        1
    };
    shared >= needed
}

fn same_agreement(a: &Agreement, b: &Agreement) -> bool {
    if a.kind != b.kind || a.status != b.status {
        return false;
    }
    if !dates_compatible(a.date.as_ref(), b.date.as_ref())
        || !places_compatible(a.location.as_ref(), b.location.as_ref())
    {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.subject, &b.subject) {
        if !subjects_compatible(x, y) {
            return false;
        }
    }
    // Two items of one list ("(i) MoU on ...", "(ii) MoU between ..."; "the first memorandum",
    // "the second memorandum") are two documents.
    let position = |e: &Evidence| crate::agreements::list_position(&e.sentence);
    let apart = |x: &Evidence, y: &Evidence| {
        x.doc_id == y.doc_id
            && x.start != y.start
            && matches!((position(x), position(y)), (Some(p), Some(q)) if p != q)
    };
    if a.sources
        .iter()
        .any(|x| b.sources.iter().any(|y| apart(x, y)))
    {
        return false;
    }
    // Two named documents are two agreements ("a Moscow Declaration and a Counter-Terrorism
    // Strategy" adopted at one summit).
    if a.title.is_some() && b.title.is_some() && !same_title(a, b) {
        return false;
    }
    if a.parties.is_empty() || b.parties.is_empty() {
        return shares_document(&a.sources, &b.sources)
            && (a.date.is_some() || a.subject.is_some())
            && (b.date.is_some() || b.subject.is_some());
    }
    let shared = a
        .parties
        .iter()
        .filter(|p| b.parties.iter().any(|q| same_name(&p.name, &q.name)))
        .count();
    if a.parties.len() >= 2 && b.parties.len() >= 2 {
        return shared >= 2;
    }
    // One known party is a weak key: across documents ("the UK signed a deal in 2012" and "Kenya
    // and the UK signed a defence pact") it joins reports only when both name the document or
    // both date it to the same day.
    shared >= 1
        && (shares_document(&a.sources, &b.sources)
            || same_title(a, b)
            || same_day(a.date.as_ref(), b.date.as_ref()))
}

fn same_title(a: &Agreement, b: &Agreement) -> bool {
    matches!((&a.title, &b.title), (Some(x), Some(y)) if gazetteer::fold(x) == gazetteer::fold(y))
}

fn same_day(a: Option<&DateField>, b: Option<&DateField>) -> bool {
    matches!(
        (a.and_then(|d| d.value.as_ref()), b.and_then(|d| d.value.as_ref())),
        (Some(x @ DateValue::Day(_)), Some(y)) if x == y
    )
}

/// Subjects of one agreement share most of their content words.
fn subjects_compatible(a: &str, b: &str) -> bool {
    let words = |s: &str| -> BTreeSet<String> {
        gazetteer::fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .map(str::to_string)
            .collect()
    };
    let (x, y) = (words(a), words(b));
    if x.is_empty() || y.is_empty() {
        return true;
    }
    let shared = x.intersection(&y).count();
    shared * 2 >= x.len().min(y.len())
}

/// Whether two meetings share a participant (names compared as [`same_name`] does).
pub fn shares_participant(a: &Meeting, b: &Meeting) -> bool {
    a.participants
        .iter()
        .any(|p| b.participants.iter().any(|q| same_name(&p.name, &q.name)))
}

/// Names of one person: equal after folding, or one's words all appear in the other in order
/// ("Ishaq Dar" in "Mohammad Ishaq Dar").
pub fn same_name(a: &str, b: &str) -> bool {
    let (fa, fb) = (gazetteer::fold(a), gazetteer::fold(b));
    if fa == fb {
        return true;
    }
    // Words without the punctuation around them ("Ferdinand R. Marcos, Jr." holds "Marcos")
    // and without the Arabic article ("Muhammad al-Thani" holds "Thani").
    fn words(f: &str) -> Vec<&str> {
        f.split_whitespace()
            .map(|w| gazetteer::without_article(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .filter(|w| !w.is_empty())
            .collect()
    }
    let (wa, wb) = (words(&fa), words(&fb));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.len() < 2 && long.len() > 1 {
        // One word alone is too weak across documents ("Kim", "Lee").
        return false;
    }
    let mut at = 0;
    for w in short.iter() {
        match long[at..].iter().position(|x| x == w) {
            Some(p) => at += p + 1,
            None => return false,
        }
    }
    !short.is_empty()
}

fn dates_compatible(a: Option<&DateField>, b: Option<&DateField>) -> bool {
    let (Some(x), Some(y)) = (
        a.and_then(|d| d.value.as_ref()),
        b.and_then(|d| d.value.as_ref()),
    ) else {
        return true;
    };
    match (x.first_day(), x.last_day(), y.first_day(), y.last_day()) {
        (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}

fn places_compatible(a: Option<&Location>, b: Option<&Location>) -> bool {
    let (Some(x), Some(y)) = (a, b) else {
        return true;
    };
    if same_name(&x.name, &y.name) {
        return true;
    }
    // A city and its country, or two places of one country when one of them is the country.
    let is_country = |l: &Location| gazetteer::is_country(&l.name);
    match (&x.country, &y.country) {
        (Some(cx), Some(cy)) if cx == cy => is_country(x) || is_country(y),
        _ => false,
    }
}

/// How specific a date is, for choosing the best of several reports of one event: a span
/// says most, then a day, a month, a year.
fn date_rank(d: &Option<DateField>) -> u8 {
    match d.as_ref().and_then(|d| d.value.as_ref()) {
        Some(DateValue::Interval(..)) => 4,
        Some(DateValue::Day(_)) => 3,
        Some(DateValue::Month { .. }) => 2,
        Some(DateValue::Year(_)) => 1,
        None if d.is_some() => 0,
        None => 0,
    }
}

fn better_date(current: &mut Option<DateField>, other: Option<DateField>) {
    if current.is_none() || date_rank(&other) > date_rank(current) {
        if other.is_some() {
            *current = other;
        }
    }
}

fn better_location(current: &mut Option<Location>, other: Option<Location>) {
    match (current.as_ref(), other) {
        (None, Some(o)) => *current = Some(o),
        // A city beats its country.
        (Some(c), Some(o)) if gazetteer::is_country(&c.name) && !gazetteer::is_country(&o.name) => {
            *current = Some(o)
        }
        _ => {}
    }
}

fn absorb_participants(into: &mut Vec<Participant>, from: Vec<Participant>) {
    for p in from {
        match into.iter_mut().find(|q| same_name(&q.name, &p.name)) {
            Some(q) => {
                if p.name.chars().count() > q.name.chars().count() {
                    q.name = p.name;
                }
                if q.role.as_ref().map_or(0, |r| r.len()) < p.role.as_ref().map_or(0, |r| r.len()) {
                    q.role = p.role;
                }
                q.country = q.country.take().or(p.country);
                q.organization = q.organization.take().or(p.organization);
            }
            None => into.push(p),
        }
    }
}

fn absorb_meeting(group: &mut Meeting, record: Meeting) {
    let documents_before = distinct_documents(&group.sources);
    // Talks held by phone are a call: the more specific kind wins.
    if record.kind == MeetingKind::Call {
        group.kind = MeetingKind::Call;
    }
    absorb_participants(&mut group.participants, record.participants);
    if group.gathering.is_none() {
        group.gathering = record.gathering;
    }
    better_location(&mut group.location, record.location);
    better_date(&mut group.date, record.date);
    group.topics.extend(record.topics);
    group.sources.extend(record.sources);
    group.confidence = combined_confidence(
        group.confidence,
        record.confidence,
        distinct_documents(&group.sources) > documents_before,
    );
}

fn absorb_agreement(group: &mut Agreement, record: Agreement) {
    let documents_before = distinct_documents(&group.sources);
    for p in record.parties {
        if !group
            .parties
            .iter()
            .any(|q: &Party| same_name(&q.name, &p.name))
        {
            group.parties.push(p);
        }
    }
    absorb_participants(&mut group.signatories, record.signatories);
    if group.title.is_none() {
        group.title = record.title;
    }
    if group.subject.as_ref().map_or(0, |s| s.len())
        < record.subject.as_ref().map_or(0, |s| s.len())
    {
        group.subject = record.subject;
    }
    better_location(&mut group.location, record.location);
    better_date(&mut group.date, record.date);
    group.sources.extend(record.sources);
    group.confidence = combined_confidence(
        group.confidence,
        record.confidence,
        distinct_documents(&group.sources) > documents_before,
    );
}

fn distinct_documents(sources: &[Evidence]) -> usize {
    sources
        .iter()
        .map(|s| s.doc_id.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

/// Another independent report raises confidence; another sentence of the same report keeps
/// the best of the two.
fn combined_confidence(a: f64, b: f64, new_document: bool) -> f64 {
    let c = if new_document {
        1.0 - (1.0 - a) * (1.0 - b)
    } else {
        a.max(b)
    };
    (c.min(0.99) * 100.0).round() / 100.0
}

fn finish_sources(sources: &mut Vec<Evidence>) {
    sources.sort();
    sources.dedup();
}

fn hex12(parts: &[String]) -> String {
    let mut hasher = Sha256::new();
    for p in parts {
        hasher.update(p.as_bytes());
        hasher.update([0u8]);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn sorted_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let set: BTreeSet<String> = names.map(gazetteer::fold).collect();
    set.into_iter().collect::<Vec<_>>().join("|")
}

/// What identifies a meeting: what it is, who, when, and the first place it was reported
/// (which tells apart two otherwise identical anonymous records).
fn meeting_key(m: &Meeting) -> String {
    let first = &m.sources[0];
    hex12(&[
        serde_json::to_string(&m.kind).unwrap_or_default(),
        serde_json::to_string(&m.status).unwrap_or_default(),
        sorted_names(m.participants.iter().map(|p| p.name.as_str())),
        m.date
            .as_ref()
            .and_then(|d| d.value.as_ref())
            .map(|v| v.iso())
            .unwrap_or_default(),
        m.location
            .as_ref()
            .map(|l| l.name.clone())
            .unwrap_or_default(),
        first.doc_id.clone(),
        first.start.to_string(),
    ])
}

fn agreement_key(a: &Agreement) -> String {
    let first = &a.sources[0];
    hex12(&[
        serde_json::to_string(&a.kind).unwrap_or_default(),
        serde_json::to_string(&a.status).unwrap_or_default(),
        sorted_names(a.parties.iter().map(|p| p.name.as_str())),
        a.date
            .as_ref()
            .and_then(|d| d.value.as_ref())
            .map(|v| v.iso())
            .unwrap_or_default(),
        first.doc_id.clone(),
        first.start.to_string(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{AgreementKind, AgreementStatus, MeetingStatus, PartyType};
    use chrono::NaiveDate;

    fn person(name: &str) -> Participant {
        Participant {
            name: name.into(),
            role: None,
            country: None,
            organization: None,
        }
    }

    fn day(y: i32, m: u32, d: u32) -> Option<DateField> {
        Some(DateField {
            text: format!("{y}-{m}-{d}"),
            value: Some(DateValue::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())),
        })
    }

    /// A signed agreement between countries, on a subject, from the start of `doc`.
    fn signed(kind: AgreementKind, countries: &[&str], doc: &str, subject: &str) -> Agreement {
        Agreement {
            id: String::new(),
            kind,
            status: AgreementStatus::Signed,
            title: None,
            parties: countries
                .iter()
                .map(|c| Party {
                    name: c.to_string(),
                    kind: PartyType::Country,
                })
                .collect(),
            signatories: vec![],
            subject: Some(subject.into()),
            date: None,
            location: None,
            sources: vec![Evidence {
                doc_id: doc.into(),
                sentence: "s".into(),
                start: 0,
                end: 1,
            }],
            confidence: 0.7,
        }
    }

    fn meeting(
        doc: &str,
        at: usize,
        names: &[&str],
        date: Option<DateField>,
        place: Option<&str>,
    ) -> Meeting {
        Meeting {
            id: String::new(),
            kind: MeetingKind::Meeting,
            status: MeetingStatus::Occurred,
            participants: names.iter().map(|n| person(n)).collect(),
            location: place.map(|p| Location {
                name: p.into(),
                country: gazetteer::country_of_place(p).map(str::to_string),
            }),
            date,
            topics: vec![],
            gathering: None,
            sources: vec![Evidence {
                doc_id: doc.into(),
                sentence: "s".into(),
                start: at,
                end: at + 1,
            }],
            confidence: 0.8,
        }
    }

    #[test]
    fn undated_reports_of_the_same_people_merge_only_at_one_place() {
        let dated = meeting(
            "a.txt",
            0,
            &["Abdullah II", "Mahmoud Abbas"],
            day(2011, 11, 21),
            Some("Ramallah"),
        );
        // Another report, undated, no place: another of their many meetings, for all we know.
        let undated = meeting("b.txt", 0, &["Abdullah II", "Mahmoud Abbas"], None, None);
        assert_eq!(
            merge_meetings(vec![dated.clone(), undated.clone()]).len(),
            2
        );
        // Undated but at the same place: the follow-up of the same meeting.
        let there = meeting(
            "c.txt",
            0,
            &["Abdullah II", "Mahmoud Abbas"],
            None,
            Some("Ramallah"),
        );
        assert_eq!(merge_meetings(vec![dated.clone(), there]).len(), 1);
        // In one report, an undated mention is the dated meeting told again.
        let same_report = meeting("a.txt", 50, &["Abdullah II", "Mahmoud Abbas"], None, None);
        assert_eq!(merge_meetings(vec![dated, same_report]).len(), 1);
    }

    #[test]
    fn gatherings_merge_by_name_when_reports_agree_on_date_or_place() {
        let summit = |doc: &str, date: Option<DateField>, place: Option<&str>| {
            let mut m = meeting(doc, 0, &[], date, place);
            m.gathering = Some("G20 summit".into());
            m
        };
        let merged = merge_meetings(vec![
            summit("a.txt", day(2009, 9, 24), Some("Pittsburgh")),
            summit("b.txt", None, Some("Pittsburgh")),
        ]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].gathering.as_deref(), Some("G20 summit"));
        // A summit of the bloc named with neither date nor place is not known to be that one.
        assert_eq!(
            merge_meetings(vec![
                summit("a.txt", day(2009, 9, 24), Some("Pittsburgh")),
                summit("b.txt", None, None)
            ])
            .len(),
            2
        );
        // Another year's summit elsewhere stays apart.
        assert_eq!(
            merge_meetings(vec![
                summit("a.txt", day(2009, 9, 24), Some("Pittsburgh")),
                summit("b.txt", day(2024, 11, 18), Some("Rio de Janeiro"))
            ])
            .len(),
            2
        );
    }

    #[test]
    fn talks_in_the_headline_and_a_call_in_the_body_are_one_call() {
        let mut talks = meeting("a.txt", 0, &["Lee Jae-myung", "Shigeru Ishiba"], None, None);
        talks.kind = MeetingKind::Talks;
        let mut call = meeting(
            "a.txt",
            90,
            &["Lee Jae-myung", "Shigeru Ishiba"],
            day(2025, 6, 9),
            None,
        );
        call.kind = MeetingKind::Call;
        let merged = merge_meetings(vec![talks.clone(), call.clone()]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].kind, MeetingKind::Call);
        assert_eq!(merged[0].sources.len(), 2);
        // Other reports on other days stay apart; a meeting is not a call.
        let mut elsewhere = call.clone();
        elsewhere.sources[0].doc_id = "b.txt".into();
        elsewhere.date = day(2025, 7, 1);
        let mut met = talks.clone();
        met.kind = MeetingKind::Meeting;
        met.sources[0].doc_id = "c.txt".into();
        let mut talks_b = talks.clone();
        talks_b.sources[0].doc_id = "b.txt".into();
        talks_b.date = day(2025, 6, 9);
        assert_eq!(merge_meetings(vec![talks_b.clone(), elsewhere]).len(), 2);
        assert_eq!(merge_meetings(vec![met, call.clone()]).len(), 2);
        // Two reports that date them to the same day: one.
        assert_eq!(merge_meetings(vec![talks_b, call]).len(), 1);
    }

    #[test]
    fn one_event_in_two_documents_is_one_record_with_both_sources() {
        let merged = merge_meetings(vec![
            meeting(
                "a.txt",
                10,
                &["Dong Jun", "Phan Van Giang"],
                day(2024, 8, 20),
                Some("Beijing"),
            ),
            meeting(
                "b.txt",
                99,
                &["Phan Van Giang", "Dong Jun"],
                None,
                Some("China"),
            ),
        ]);
        assert_eq!(merged.len(), 1);
        let m = &merged[0];
        assert_eq!(
            m.sources
                .iter()
                .map(|s| s.doc_id.as_str())
                .collect::<Vec<_>>(),
            ["a.txt", "b.txt"]
        );
        assert_eq!(m.location.as_ref().unwrap().name, "Beijing");
        assert_eq!(
            m.date.as_ref().unwrap().value.as_ref().unwrap().iso(),
            "2024-08-20"
        );
        assert!(m.confidence > 0.8);
        assert!(m.id.starts_with("mtg-") && m.id.len() == 16);
    }

    #[test]
    fn different_days_places_or_pairs_stay_apart() {
        let merged = merge_meetings(vec![
            meeting(
                "a.txt",
                1,
                &["Dong Jun", "Phan Van Giang"],
                day(2024, 8, 20),
                None,
            ),
            meeting(
                "a.txt",
                5,
                &["Dong Jun", "Phan Van Giang"],
                day(2024, 4, 11),
                None,
            ),
            meeting("a.txt", 9, &["Dong Jun", "To Lam"], day(2024, 8, 20), None),
            meeting(
                "b.txt",
                9,
                &["Dong Jun", "Phan Van Giang"],
                day(2024, 8, 20),
                Some("Hanoi"),
            ),
            meeting(
                "c.txt",
                9,
                &["Dong Jun", "Phan Van Giang"],
                day(2024, 8, 20),
                Some("Beijing"),
            ),
        ]);
        // b (Hanoi) and c (Beijing) both fit a (no place) but not each other: a takes b.
        assert_eq!(merged.len(), 4);
    }

    #[test]
    fn separate_meetings_told_in_one_sentence_stay_apart() {
        // "X and Y held separate meetings with Z and W": each record has someone the other lacks.
        let merged = merge_meetings(vec![
            meeting(
                "a.txt",
                3,
                &["Josep Borrell", "Miroslav Lajcak", "Aleksandar Vucic"],
                None,
                Some("Brussels"),
            ),
            meeting(
                "a.txt",
                3,
                &["Josep Borrell", "Miroslav Lajcak", "Albin Kurti"],
                None,
                Some("Brussels"),
            ),
        ]);
        assert_eq!(merged.len(), 2);
        // Told in two sentences, the two reports are one meeting (one missed a name).
        let merged = merge_meetings(vec![
            meeting(
                "a.txt",
                3,
                &["Josep Borrell", "Miroslav Lajcak", "Aleksandar Vucic"],
                None,
                Some("Brussels"),
            ),
            meeting(
                "a.txt",
                9,
                &["Josep Borrell", "Miroslav Lajcak", "Albin Kurti"],
                None,
                Some("Brussels"),
            ),
        ]);
        assert_eq!(merged.len(), 1);
    }

    #[test]
    fn shorter_names_match_fuller_ones_but_one_word_does_not_across_documents() {
        assert!(same_name("Ishaq Dar", "Mohammad Ishaq Dar"));
        assert!(same_name("Phạm Minh Chính", "Pham Minh Chinh"));
        assert!(!same_name("Kim", "Kim Jong Un"));
        assert!(!same_name("Dar Ishaq", "Mohammad Ishaq Dar"));
        // Punctuation around a word is not part of the name.
        assert!(same_name("Ferdinand R. Marcos", "Ferdinand R. Marcos, Jr."));
        assert!(same_name("Ferdinand R Marcos", "Ferdinand R. Marcos"));
        assert!(!same_name("Marcos,", "Ferdinand Marcos"));
        // The Arabic article joined to a word is optional; a short rest keeps it.
        assert!(same_name("Mustafa Kadhimi", "Mustafa al-Kadhimi"));
        assert!(same_name(
            "Abdul Rahman al-Thani",
            "Muhammad bin Abdul Rahman Thani"
        ));
        assert!(!same_name("Mustafa Kadhimi", "Mustafa al-Kadhim"));
        assert!(!same_name("Ali Ab", "Ali al-Ab"));
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let make = || {
            merge_meetings(vec![
                meeting("a.txt", 1, &["X Y"], day(2024, 1, 1), None),
                meeting("b.txt", 1, &["Z W"], day(2024, 1, 1), None),
            ])
        };
        let (first, second) = (make(), make());
        assert_eq!(
            first.iter().map(|m| &m.id).collect::<Vec<_>>(),
            second.iter().map(|m| &m.id).collect::<Vec<_>>()
        );
        assert_ne!(first[0].id, first[1].id);
    }

    #[test]
    fn one_shared_party_joins_reports_of_two_documents_only_by_title_or_day() {
        let pact = signed(
            AgreementKind::Agreement,
            &["Kenya", "United Kingdom"],
            "a.txt",
            "defence cooperation",
        );
        let mut deal = signed(
            AgreementKind::Agreement,
            &["United Kingdom"],
            "b.txt",
            "defence supplies",
        );
        deal.date = Some(DateField {
            text: "2012".into(),
            value: DateValue::from_iso("2012"),
        });
        assert_eq!(merge_agreements(vec![pact.clone(), deal.clone()]).len(), 2);
        // The same day, or the same title, is the same signing.
        let (mut pact_day, mut deal_day) = (pact.clone(), deal.clone());
        pact_day.date = day(2021, 7, 27);
        deal_day.date = day(2021, 7, 27);
        assert_eq!(merge_agreements(vec![pact_day, deal_day]).len(), 1);
        let (mut titled, mut also) = (pact.clone(), deal.clone());
        titled.title = Some("Defence Cooperation Agreement".into());
        also.title = Some("Defence Cooperation Agreement".into());
        also.date = None;
        assert_eq!(merge_agreements(vec![titled, also]).len(), 1);
        // Within one document, one party still joins a report to its repeat.
        let mut repeat = deal.clone();
        repeat.sources = pact.sources.clone();
        assert_eq!(merge_agreements(vec![pact, repeat]).len(), 1);
    }

    #[test]
    fn agreements_merge_on_kind_parties_and_compatible_subjects() {
        let agreement = |doc: &str, subject: &str| {
            signed(
                AgreementKind::MemorandumOfUnderstanding,
                &["China", "Vietnam"],
                doc,
                subject,
            )
        };
        let merged = merge_agreements(vec![
            agreement("a", "establishment of a hotline between the navies"),
            agreement("b", "the establishment of a naval hotline"),
            agreement("b", "cooperation in rice exports"),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].sources.len(), 2);
    }

    #[test]
    fn records_that_differ_only_in_subject_get_distinct_stable_ids() {
        let agreement = |subject: &str| {
            signed(
                AgreementKind::Agreement,
                &["Indonesia", "Malaysia"],
                "a.txt",
                subject,
            )
        };
        let make = || {
            merge_agreements(vec![
                agreement("border management"),
                agreement("labour"),
                agreement("fisheries"),
            ])
        };
        let (first, second) = (make(), make());
        assert_eq!(first.len(), 3);
        let ids: HashSet<&String> = first.iter().map(|a| &a.id).collect();
        assert_eq!(
            ids.len(),
            3,
            "{:?}",
            first.iter().map(|a| &a.id).collect::<Vec<_>>()
        );
        assert!(first
            .iter()
            .all(|a| a.id.starts_with("agr-") && a.id.len() == 16));
        assert_eq!(
            first.iter().map(|a| &a.id).collect::<Vec<_>>(),
            second.iter().map(|a| &a.id).collect::<Vec<_>>()
        );
    }

    #[test]
    fn items_of_one_list_stay_apart_but_plain_sentences_merge() {
        let at = |sentence: &str, start: usize, subject: &str| {
            let mut a = signed(
                AgreementKind::MemorandumOfUnderstanding,
                &["Fiji", "Vanuatu"],
                "d",
                subject,
            );
            a.sources = vec![Evidence {
                doc_id: "d".into(),
                sentence: sentence.into(),
                start,
                end: start + 10,
            }];
            a
        };
        let listed = vec![
            at(
                "(i) MoU on cooperation in health between the two ministries;",
                0,
                "cooperation in health between the two ministries",
            ),
            at(
                "(ii) MoU on cooperation in education between the two ministries;",
                70,
                "cooperation in education between the two ministries",
            ),
        ];
        assert_eq!(merge_agreements(listed).len(), 2);
        let told_twice = vec![
            at(
                "The MoU on cooperation in health was signed in Suva.",
                0,
                "cooperation in health",
            ),
            at(
                "An MoU on cooperation in health was also signed.",
                70,
                "cooperation in health",
            ),
        ];
        assert_eq!(merge_agreements(told_twice).len(), 1);
    }
}
