//! Multilateral gatherings as records: "the G20 summit in Pittsburgh this weekend", "the 31st
//! Arab League (AL) Summit concluded here on Wednesday", "Pakistan postponed the SAARC summit".
//!
//! A summit of a bloc is a meeting an analyst counts even when the report names nobody who
//! took part, so it is written with no participants (as `eval/records/README.md` keeps
//! "events with no named person"), its place and date when the sentence gives them, and its
//! status from the words around it. What is not a record:
//! - a summit named only as the setting of another meeting ("on the sidelines of the AU
//!   summit"): that meeting is the record;
//! - a summit of two countries ("the Japan-U.S. summit", "a Russian-American summit"): a
//!   meeting of their leaders, which the readers read with its people;
//! - a summit denied ("there has not been a Portugal-Brazil summit since 2016").
//!
//! A gathering a named person attended is a record with that person, whether the tagger read
//! its name as one organisation ("attending the Tokyo International Conference on African
//! Development") or not ("attended the Pacific Alliance Foreign Ministers Meeting", "the
//! summit of South American leaders", "the first regional natural gas conference").
//!
//! Mentions of one bloc's summit in a document are one record, its evidence every sentence
//! that names it. The word lists are data: `data/gatherings.tsv`.

use std::sync::LazyLock;

use crate::dates::{self, DateValue};
use crate::doc::{Document, Entity, EntityLabel};
use crate::gazetteer;
use crate::records::{
    DateField, Evidence, Location, Meeting, MeetingKind, MeetingStatus, Participant,
};
use crate::text::{ByteSpan, CharIndex};

static DATA: &str = include_str!("../data/gatherings.tsv");

/// How sure a gathering record is: below a clause the rules read with its people.
const CONFIDENCE: f64 = 0.75;
/// Bytes after the gathering's noun in which its place or date may follow.
const REACH_AFTER: usize = 70;

#[derive(Default)]
struct Lists {
    nouns: Vec<String>,
    joiners: Vec<String>,
    settings: Vec<String>,
    cancelled: Vec<String>,
    planned: Vec<String>,
    denied: Vec<String>,
    to_place: Vec<String>,
    body_nouns: Vec<String>,
    body_verbs: Vec<String>,
    bodies: Vec<String>,
    attend: Vec<String>,
    named: Vec<String>,
    heads: Vec<String>,
    phrase_stops: Vec<String>,
    groups: Vec<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists::default();
    for line in DATA
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let Some((kind, text)) = line.split_once('\t') else {
            continue;
        };
        let list = match kind {
            "N" => &mut lists.nouns,
            "J" => &mut lists.joiners,
            "S" => &mut lists.settings,
            "C" => &mut lists.cancelled,
            "P" => &mut lists.planned,
            "X" => &mut lists.denied,
            "L" => &mut lists.to_place,
            "M" => &mut lists.body_nouns,
            "V" => &mut lists.body_verbs,
            "B" => &mut lists.bodies,
            "A" => &mut lists.attend,
            "G" => &mut lists.named,
            "H" => &mut lists.heads,
            "T" => &mut lists.phrase_stops,
            "W" => &mut lists.groups,
            _ => continue,
        };
        list.push(words(text));
    }
    lists
});

/// A character of a word as the lists read it: apostrophes and hyphens stay inside words
/// ("leaders'", "mini-summit").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// Lower-cased words joined by single spaces, with a space at each end, so that a phrase is
/// found as whole words by `contains`. Apostrophes stay inside words ("leaders'").
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for w in text
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        out.push_str(&w.to_lowercase());
        out.push(' ');
    }
    out
}

fn has_any(haystack: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| haystack.contains(p.as_str()))
}

/// What names the gathering.
#[derive(Debug, Clone, PartialEq)]
enum Host {
    /// A bloc or a group ("G20", "Arab League", "EU-African Union", "Arab-Islamic"): its folded
    /// name identifies the gathering in the document.
    Bloc(String),
    /// A city ("The Hague summit", "the Summit in Abidjan").
    Place(String),
}

/// One sentence's mention of a gathering.
#[derive(Debug)]
struct Mention {
    host: Host,
    /// The gathering as the text names it ("Group of Seven summit", "Foreign Affairs Council").
    name: String,
    kind: MeetingKind,
    sentence: ByteSpan,
    status: MeetingStatus,
    place: Option<String>,
    date: Option<DateField>,
    /// A meeting of bodies ("a meeting between the African Union and the European Commission")
    /// may be one the readers read with its people from the same sentence: then it is theirs.
    of_bodies: bool,
    /// The person the sentence says attended it ("Buhari has returned from Ethiopia where he
    /// had attended the 35th Ordinary Session of the Assembly"), an index into `doc.people`.
    attendee: Option<usize>,
}

/// The gatherings stage: adds one participant-less meeting per gathering the document names.
pub fn annotate(doc: &mut Document) {
    let lists = &*LISTS;
    let anchor = doc.published.as_deref().and_then(dates::publication_anchor);
    let mut mentions: Vec<Mention> = Vec::new();
    for &sentence in &doc.sentences {
        if doc.is_furniture(sentence) {
            continue;
        }
        let text = sentence.slice(&doc.text);
        let lower = text.to_lowercase();
        let entities = doc.entities_in(sentence);
        let sentence_words = words(text);
        if lists.nouns.iter().any(|n| lower.contains(n.trim())) {
            for noun in nouns_in(text, &lists.nouns) {
                let noun = ByteSpan::new(sentence.start + noun.start, sentence.start + noun.end);
                if let Some(m) = read_mention(
                    doc,
                    sentence,
                    &sentence_words,
                    entities,
                    noun,
                    anchor,
                    lists,
                ) {
                    mentions.push(m);
                }
            }
        }
        let summit_told = mentions.last().is_some_and(|m| m.sentence == sentence);
        mentions.extend(body_mentions(
            doc,
            sentence,
            &sentence_words,
            entities,
            anchor,
            summit_told,
            lists,
        ));
    }
    if mentions.is_empty() {
        return;
    }
    let index = CharIndex::new(&doc.text);
    let mut records: Vec<(Host, Meeting)> = Vec::new();
    for m in mentions {
        if told_by_a_reader(doc, &index, m.sentence, m.of_bodies || m.attendee.is_some()) {
            continue;
        }
        let participant = m.attendee.map(|i| {
            let p = &doc.people[i];
            Participant {
                name: p.name.clone(),
                role: p.role.clone(),
                country: p.country.clone(),
                organization: p.organization.clone(),
            }
        });
        let evidence = Evidence::of(doc, &index, m.sentence);
        let location = m.place.map(|name| {
            let country = gazetteer::country_of_place(&name).map(str::to_string);
            Location { name, country }
        });
        if let Some((_, record)) = records
            .iter_mut()
            .find(|(host, r)| *host == m.host && same_plan(r.status, m.status))
        {
            if m.status == MeetingStatus::Cancelled {
                record.status = m.status;
            }
            if record.location.is_none() {
                record.location = location;
            }
            if record.date.as_ref().is_none_or(|d| d.value.is_none()) && m.date.is_some() {
                record.date = m.date;
            }
            if let Some(p) = participant {
                if !record.participants.iter().any(|q| q.name == p.name) {
                    record.participants.push(p);
                }
            }
            if !record.sources.contains(&evidence) {
                record.sources.push(evidence);
            }
            continue;
        }
        records.push((
            m.host,
            Meeting {
                id: String::new(),
                kind: m.kind,
                status: m.status,
                participants: participant.into_iter().collect(),
                location,
                date: m.date,
                topics: Vec::new(),
                gathering: Some(m.name),
                sources: vec![evidence],
                confidence: CONFIDENCE,
            },
        ));
    }
    doc.meetings.extend(records.into_iter().map(|(_, r)| r));
}

/// A name as a reader would write it: brackets ("(AL)") and a leading article or ordinal
/// dropped, spaces collapsed.
fn display_name(written: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in written.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let mut words: Vec<&str> = out.split_whitespace().collect();
    while words.first().is_some_and(|w| {
        w.eq_ignore_ascii_case("the") || w.chars().next().is_some_and(|c| c.is_ascii_digit())
    }) {
        words.remove(0);
    }
    words.join(" ")
}

/// Whether two mentions of one bloc's summit can be one gathering: the same status, or a
/// summit called off and the same summit told as it was planned ("the summit scheduled for
/// November" in the story of its postponement).
fn same_plan(a: MeetingStatus, b: MeetingStatus) -> bool {
    use MeetingStatus::*;
    a == b || matches!((a, b), (Cancelled, Planned) | (Planned, Cancelled))
}

/// Byte spans (within `text`) of the gathering nouns, as whole words.
fn nouns_in(text: &str, nouns: &[String]) -> Vec<ByteSpan> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lower-casing changed byte lengths (rare scripts): offsets would not map back.
        return Vec::new();
    }
    let mut out = Vec::new();
    for noun in nouns.iter().map(|n| n.trim()) {
        for (i, _) in lower.match_indices(noun) {
            let end = i + noun.len();
            let before = lower[..i].chars().next_back();
            let after = lower[end..].chars().next();
            // "mini-summit" is its own noun; "summit" inside it is not counted twice.
            let whole = before.is_none_or(|c| !c.is_alphanumeric() && c != '-')
                && after.is_none_or(|c| !c.is_alphanumeric() && c != '-');
            if whole && !out.iter().any(|s: &ByteSpan| s.start <= i && end <= s.end) {
                out.push(ByteSpan::new(i, end));
            }
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

fn read_mention(
    doc: &Document,
    sentence: ByteSpan,
    sentence_words: &str,
    entities: &[Entity],
    noun: ByteSpan,
    anchor: Option<chrono::NaiveDate>,
    lists: &Lists,
) -> Option<Mention> {
    let text = &doc.text;
    let (host, name_start) = host_of(text, sentence, entities, noun, lists)?;

    // A summit with a meeting "on its sidelines" in the same sentence is that meeting's setting,
    // wherever the phrase stands ("Rama will host the summit, and he and Meloni will meet on
    // the sidelines").
    if has_any(sentence_words, &lists.settings) || has_any(sentence_words, &lists.denied) {
        return None;
    }
    let after_end = floor(text, (noun.end + REACH_AFTER).min(sentence.end));
    let place = match &host {
        Host::Place(city) => Some(city.clone()),
        Host::Bloc(_) => place_after(text, entities, noun, after_end, lists)
            .or_else(|| here(doc, sentence, entities, noun, after_end)),
    };
    let date = date_near(doc, entities, noun, name_start, after_end, anchor);
    let status = status_of(sentence_words, date.as_ref(), anchor, lists);
    let attendee = attendee_of(doc, sentence, entities, name_start, lists);
    let name = match &host {
        Host::Place(city) if name_start == noun.start => {
            format!("{} in {city}", &text[noun.start..noun.end])
        }
        _ => display_name(&text[name_start..noun.end]),
    };
    Some(Mention {
        host,
        name,
        kind: MeetingKind::Meeting,
        sentence,
        status,
        place,
        date,
        of_bodies: false,
        attendee,
    })
}

/// The largest char boundary of `text` at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Who or what hosts the gathering whose noun is at `noun`, and where its name starts.
fn host_of(
    text: &str,
    sentence: ByteSpan,
    entities: &[Entity],
    noun: ByteSpan,
    lists: &Lists,
) -> Option<(Host, usize)> {
    // The tagger read the whole name as one organisation: "the ASEAN Summit", "LXV MERCOSUR Summit".
    if let Some(e) = entities.iter().find(|e| {
        e.label == EntityLabel::Org && e.span.start < noun.start && noun.end <= e.span.end
    }) {
        let name = &text[e.span.start..noun.start];
        return Some((Host::Bloc(gazetteer::fold(name.trim())), e.span.start));
    }
    let chain = chain_before(text, sentence, entities, noun.start, lists);
    if !chain.is_empty() {
        let start = chain[0].span.start;
        let names: Vec<&str> = chain.iter().map(|e| e.span.slice(text).trim()).collect();
        if chain.iter().any(|e| e.label == EntityLabel::Org) {
            return Some((Host::Bloc(gazetteer::fold(&names.join("-"))), start));
        }
        let countries: Vec<Option<&str>> = chain
            .iter()
            .zip(&names)
            .map(|(e, n)| gazetteer::country_named(n, e.label == EntityLabel::Norp))
            .collect();
        if chain.len() == 1
            && matches!(chain[0].label, EntityLabel::Gpe | EntityLabel::Loc)
            && countries[0].is_none()
        {
            let city = names[0].strip_prefix("the ").unwrap_or(names[0]);
            return Some((Host::Place(city.to_string()), start));
        }
        // A people that is no country ("Arab", "African", "Nordic") names a group of states;
        // one or two countries name their own or a bilateral summit, read with its people.
        if chain
            .iter()
            .zip(&countries)
            .any(|(e, c)| e.label == EntityLabel::Norp && c.is_none())
        {
            return Some((Host::Bloc(gazetteer::fold(&names.join("-"))), start));
        }
        return None;
    }
    // "the Summit in Abidjan": a capitalised Summit with no bloc, named by its city.
    let written = &text[noun.start..noun.end];
    if written.starts_with('S')
        && text[sentence.start..noun.start]
            .to_lowercase()
            .trim_end()
            .ends_with("the")
    {
        let after_end = floor(text, (noun.end + REACH_AFTER).min(sentence.end));
        if let Some(city) = place_after(text, entities, noun, after_end, lists) {
            return Some((Host::Place(city), noun.start));
        }
    }
    None
}

/// The entities written right before `at`, joined by hyphens ("EU-African Union"), skipping the
/// words a name may carry before its noun ("leaders'", "(AL)").
fn chain_before<'a>(
    text: &str,
    sentence: ByteSpan,
    entities: &'a [Entity],
    at: usize,
    lists: &Lists,
) -> Vec<&'a Entity> {
    let mut end = skip_back(text, sentence.start, at, lists);
    let mut chain: Vec<&Entity> = Vec::new();
    loop {
        let Some(e) = entities.iter().find(|e| {
            let stem = possessive_stem(text, e.span);
            e.span.end <= end
                && (e.span.end == end || stem == end)
                && e.label != EntityLabel::Date
                && e.label != EntityLabel::Person
        }) else {
            break;
        };
        chain.insert(0, e);
        let before = text[sentence.start..e.span.start].trim_end_matches(' ');
        match before.chars().next_back() {
            Some('-' | '–') => {
                end = floor(
                    text,
                    sentence.start + before.len()
                        - before.chars().next_back().map_or(0, char::len_utf8),
                )
            }
            _ => break,
        }
    }
    chain
}

/// An entity followed by "'s": where the possessive ends.
fn possessive_stem(text: &str, span: ByteSpan) -> usize {
    let rest = &text[span.end..];
    for s in ["'s", "’s"] {
        if rest.starts_with(s) {
            return span.end + s.len();
        }
    }
    span.end
}

/// Moves back from `at` over spaces, joiner words and a parenthesised acronym.
fn skip_back(text: &str, floor_at: usize, at: usize, lists: &Lists) -> usize {
    let mut end = at;
    loop {
        let trimmed = text[floor_at..end].trim_end();
        let new_end = floor_at + trimmed.len();
        if trimmed.ends_with(')') {
            if let Some(open) = trimmed.rfind('(') {
                let inner = &trimmed[open + 1..trimmed.len() - 1];
                if !inner.is_empty()
                    && inner.len() <= 8
                    && inner
                        .chars()
                        .all(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    end = floor_at + open;
                    continue;
                }
            }
            return new_end;
        }
        let word_start = trimmed.rfind(' ').map_or(0, |i| i + 1);
        let word = &trimmed[word_start..];
        let two_words_start = trimmed[..word_start]
            .trim_end()
            .rfind(' ')
            .map_or(0, |i| i + 1);
        let two_words = &trimmed[two_words_start..];
        if !word.is_empty()
            && lists
                .joiners
                .iter()
                .any(|j| j.trim() == word.to_lowercase())
        {
            end = floor_at + word_start;
            continue;
        }
        if lists
            .joiners
            .iter()
            .any(|j| j.trim() == two_words.to_lowercase())
            && two_words.contains(' ')
        {
            end = floor_at + two_words_start;
            continue;
        }
        return new_end;
    }
}

/// The first place entity after the noun that a place word leads to ("in", "at", "hosted by").
fn place_after(
    text: &str,
    entities: &[Entity],
    noun: ByteSpan,
    until: usize,
    lists: &Lists,
) -> Option<String> {
    for e in entities
        .iter()
        .filter(|e| e.span.start >= noun.end && e.span.end <= until)
    {
        if !matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc) {
            continue;
        }
        let between = &text[noun.end..e.span.start];
        if between.contains([';', '.', '"', '“', '”']) {
            return None;
        }
        let between = words(between);
        let led = lists
            .to_place
            .iter()
            .any(|l| between.ends_with(l.as_str()) || between.ends_with(&format!("{}the ", l)));
        if led {
            let name = e.span.slice(text).trim();
            return Some(name.strip_prefix("the ").unwrap_or(name).to_string());
        }
    }
    None
}

/// "Concluded here": the city of the sentence's dateline ("ALGIERS, Nov. 2 (Xinhua) --"), in
/// the case a reader writes it.
fn here(
    doc: &Document,
    sentence: ByteSpan,
    entities: &[Entity],
    noun: ByteSpan,
    until: usize,
) -> Option<String> {
    let text = &doc.text;
    if !words(&text[noun.end..until]).contains(" here ") {
        return None;
    }
    let first = entities
        .first()
        .filter(|e| matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc))?;
    let name = first.span.slice(text);
    let at_start = text[sentence.start..first.span.start].trim().is_empty();
    let dateline = at_start
        && text[first.span.end..].starts_with(',')
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    dateline.then(|| {
        name.split(' ')
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|c| {
                        c.to_uppercase()
                            .chain(cs.flat_map(char::to_lowercase))
                            .collect::<String>()
                    })
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The date of the gathering: a resolved date after its noun in the same clause ("in The
/// Hague on 24-25 June"), or a possessive day right before its name ("Tuesday's BRICS summit").
fn date_near(
    doc: &Document,
    entities: &[Entity],
    noun: ByteSpan,
    name_start: usize,
    until: usize,
    anchor: Option<chrono::NaiveDate>,
) -> Option<DateField> {
    let text = &doc.text;
    let resolved = |e: &Entity| dates::record_field(doc, e.span, anchor);
    for e in entities
        .iter()
        .filter(|e| e.label == EntityLabel::Date && e.span.start >= noun.end && e.span.end <= until)
    {
        let between = &text[noun.end..e.span.start];
        if between.contains([';', '"', '“', '”']) {
            break;
        }
        if let Some(field) = resolved(e) {
            return Some(field);
        }
    }
    // Only a date that ends before the name can stand right before it.
    let before = entities.iter().find(|e| {
        let stem = possessive_stem(text, e.span);
        e.label == EntityLabel::Date
            && stem != e.span.end
            && stem <= name_start
            && text[stem..name_start].trim().is_empty()
    })?;
    resolved(before)
}

/// Whether a reader already wrote a participant-less meeting from this sentence (or, with
/// `any`, any meeting but a visit).
pub(crate) fn told_by_a_reader(
    doc: &Document,
    index: &CharIndex,
    sentence: ByteSpan,
    any: bool,
) -> bool {
    let chars = index.char_span(sentence);
    doc.meetings.iter().any(|m| {
        // A visit is another record than the gathering its visitor attended.
        ((any && m.kind != MeetingKind::Visit) || m.participants.is_empty())
            && m.sources
                .iter()
                .any(|e| e.doc_id == doc.id && e.start < chars.end && chars.start < e.end)
    })
}

/// Meetings of bodies rather than of people: "a meeting of the Ukraine Defence Contact Group",
/// "a meeting between the African Union and the European Commission in Brussels on 23 May",
/// "the Foreign Affairs Council met in an extraordinary session". Not when a person is named
/// right after the noun ("a meeting between the presidents, Xi and Lula": the readers' case).
fn body_mentions(
    doc: &Document,
    sentence: ByteSpan,
    sentence_words: &str,
    entities: &[Entity],
    anchor: Option<chrono::NaiveDate>,
    summit_told: bool,
    lists: &Lists,
) -> Vec<Mention> {
    let text = &doc.text;
    let mut out = Vec::new();
    if has_any(sentence_words, &lists.settings) || has_any(sentence_words, &lists.denied) {
        return out;
    }
    let is_body = |e: &Entity| {
        e.label == EntityLabel::Org && {
            let name = words(e.span.slice(text));
            lists.bodies.iter().any(|b| name.ends_with(b.as_str()))
        }
    };
    let mut found: Vec<(ByteSpan, Host, usize, String)> = Vec::new();
    // "<noun> of|between [the] <entities>"
    for noun in nouns_in(sentence.slice(text), &lists.body_nouns) {
        let noun = ByteSpan::new(sentence.start + noun.start, sentence.start + noun.end);
        let rest = &text[noun.end..sentence.end];
        let lead = ["of the ", "between the ", "of ", "between "]
            .iter()
            .find_map(|l| {
                rest.strip_prefix(' ')
                    .and_then(|r| r.strip_prefix(l))
                    .map(|_| l.len() + 1)
            });
        let Some(lead) = lead else { continue };
        let from = noun.end + lead;
        let until = floor(text, (from + REACH_AFTER).min(sentence.end));
        if entities.iter().any(|e| {
            e.label == EntityLabel::Person && e.span.start >= noun.end && e.span.start < until
        }) {
            continue;
        }
        let named: Vec<&Entity> = entities
            .iter()
            .filter(|e| {
                e.span.start >= from
                    && e.span.end <= until
                    && matches!(
                        e.label,
                        EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Norp | EntityLabel::Loc
                    )
            })
            .collect();
        let Some(first) = named.first() else { continue };
        if text[from..first.span.start].trim().len() > 2 {
            continue;
        }
        // The bodies listed: entities joined by commas, "and", possessives ("NATO's").
        let mut list = vec![*first];
        for e in named.iter().skip(1) {
            let last = list[list.len() - 1];
            let gap = words(&text[possessive_stem(text, last.span)..e.span.start]);
            if matches!(gap.as_str(), " " | " and " | " and the " | " the ")
                || gap.trim().is_empty()
            {
                list.push(e);
            } else {
                break;
            }
        }
        let bodies = list.iter().filter(|e| e.label == EntityLabel::Org).count();
        let countries = list.iter().filter(|e| e.label != EntityLabel::Org).count();
        // One country alone is no gathering ("a meeting of Kenya's cabinet" is domestic); a
        // meeting of countries whose people the readers already have meeting is that meeting
        // told again ("the recent meeting between China and Vietnam").
        if bodies == 0 && (countries < 2 || met_already(doc, &list)) {
            continue;
        }
        let names: Vec<String> = list
            .iter()
            .map(|e| gazetteer::fold(e.span.slice(text).trim()))
            .collect();
        let shown = display_name(&text[list[0].span.start..list[list.len() - 1].span.end]);
        let shown = if bodies == 1 && countries == 0 && list.len() == 1 {
            shown
        } else {
            format!("{} between {shown}", &text[noun.start..noun.end])
        };
        found.push((noun, Host::Bloc(names.join("-")), noun.start, shown));
    }
    // "<body> met|meets|will meet"
    for e in entities.iter().filter(|e| is_body(e)) {
        let after = words(&text[e.span.end..floor(text, (e.span.end + 24).min(sentence.end))]);
        if lists
            .body_verbs
            .iter()
            .any(|v| after.starts_with(v.as_str()))
        {
            found.push((
                e.span,
                Host::Bloc(gazetteer::fold(e.span.slice(text).trim())),
                e.span.start,
                display_name(e.span.slice(text)),
            ));
        }
    }
    // One meeting of bodies per sentence: "the final meeting of the Ministerial, a regular
    // meeting of the Nuclear Planning Group" tells one gathering twice.
    if let Some((noun, host, name_start, name)) = found.into_iter().next() {
        let until = floor(text, (noun.end + REACH_AFTER).min(sentence.end));
        let place = place_after(text, entities, noun, until, lists);
        let date = date_near(doc, entities, noun, name_start, until, anchor);
        let status = status_of(sentence_words, date.as_ref(), anchor, lists);
        let attendee = attendee_of(doc, sentence, entities, name_start, lists);
        let place =
            place.or_else(|| attendee.and_then(|a| place_of_journey(doc, entities, a, name_start)));
        out.push(Mention {
            host,
            name,
            kind: MeetingKind::Meeting,
            sentence,
            status,
            place,
            date,
            of_bodies: true,
            attendee,
        });
    }
    if out.is_empty() {
        out.extend(
            attended_gathering(doc, sentence, sentence_words, entities, anchor, lists)
                // A summit the sentence names was read above, with its attendee.
                .or_else(|| {
                    if summit_told {
                        None
                    } else {
                        attended_phrase(doc, sentence, sentence_words, entities, anchor, lists)
                    }
                }),
        );
    }
    out
}

/// A named gathering a person attended: "Ruto is in Yokohama, attending the Tokyo
/// International Conference on African Development". The organisation's name holds a
/// gathering word, the attending verb stands right before it (an article or an ordinal
/// between), and a person before that.
fn attended_gathering(
    doc: &Document,
    sentence: ByteSpan,
    sentence_words: &str,
    entities: &[Entity],
    anchor: Option<chrono::NaiveDate>,
    lists: &Lists,
) -> Option<Mention> {
    let text = &doc.text;
    for e in entities.iter().filter(|e| e.label == EntityLabel::Org) {
        let name = words(e.span.slice(text));
        let Some(word) = lists.named.iter().find(|g| name.contains(g.as_str())) else {
            continue;
        };
        let mut gap = words(&text[sentence.start..e.span.start]);
        for filler in [" the ", " an ", " a "] {
            if gap.ends_with(filler) {
                gap.truncate(gap.len() - filler.len() + 1);
            }
        }
        // An ordinal before the name ("the 35th Ordinary Session").
        if let Some((rest, last)) = gap.trim_end().rsplit_once(' ') {
            if last.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                gap = format!("{rest} ");
                if gap.ends_with(" the ") {
                    gap.truncate(gap.len() - 4);
                }
            }
        }
        if !lists.attend.iter().any(|a| gap.ends_with(a.as_str())) {
            continue;
        }
        let Some(attendee) = attendee_of(doc, sentence, entities, e.span.start, lists) else {
            continue;
        };
        let until = floor(text, (e.span.end + REACH_AFTER).min(sentence.end));
        let place = place_after(text, entities, e.span, until, lists);
        let date = date_near(doc, entities, e.span, e.span.start, until, anchor);
        let status = status_of(sentence_words, date.as_ref(), anchor, lists);
        let kind = if word.trim() == "conference" {
            MeetingKind::Conference
        } else {
            MeetingKind::Meeting
        };
        let host = Host::Bloc(gazetteer::fold(e.span.slice(text).trim()));
        let name = display_name(e.span.slice(text));
        return Some(Mention {
            host,
            name,
            kind,
            sentence,
            status,
            place,
            date,
            of_bodies: true,
            attendee: Some(attendee),
        });
    }
    None
}

/// Words of a gathering's name after an attending verb, at most: "attended the [15th ASEAN
/// Political-Security Community Council Meeting]".
const PHRASE_WORDS: usize = 9;

/// A gathering a person attended, named by a phrase the tagger did not read as one
/// organisation: "attended the Pacific Alliance Foreign Ministers Meeting in Lima", "arrived in
/// Quito to attend the Andean Community ministerial meeting", "has returned from Brasilia where
/// he attended the summit of South American leaders", "participated in the first regional
/// natural gas conference". The phrase runs from the verb (an article or ordinal between) to
/// its first head noun, and on over "of" and capitalised words; it must hold a capitalised
/// word or two words before its head, so "attended the meeting" (one told before) is none.
/// The place is one after the name, else one the person came to or from before the verb.
fn attended_phrase(
    doc: &Document,
    sentence: ByteSpan,
    sentence_words: &str,
    entities: &[Entity],
    anchor: Option<chrono::NaiveDate>,
    lists: &Lists,
) -> Option<Mention> {
    let text = &doc.text;
    if !has_any(sentence_words, &lists.attend) {
        return None;
    }
    let body = sentence.slice(text);
    let tokens: Vec<(usize, &str)> = body
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            (
                sentence.start + (w.as_ptr() as usize - body.as_ptr() as usize),
                w,
            )
        })
        .collect();
    let lower: Vec<String> = tokens.iter().map(|(_, w)| w.to_lowercase()).collect();
    let is = |i: usize, list: &[String]| {
        lower
            .get(i)
            .is_some_and(|w| list.iter().any(|x| x.trim() == w))
    };
    let verbs: Vec<Vec<&str>> = lists
        .attend
        .iter()
        .map(|a| a.split_whitespace().collect())
        .collect();
    for v in 0..tokens.len() {
        // The attending verb: one word ("attended") or two ("took part in").
        let span = verbs.iter().find(|a| {
            a.iter()
                .enumerate()
                .all(|(k, w)| lower.get(v + k).is_some_and(|x| x == w))
        });
        let Some(verb) = span else { continue };
        let mut i = v + verb.len();
        while lower
            .get(i)
            .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an") || is_ordinal(w))
        {
            i += 1;
        }
        let start = i;
        let Some(mut head) =
            (start..(start + PHRASE_WORDS).min(tokens.len())).find(|&k| is(k, &lists.heads))
        else {
            continue;
        };
        // "ministerial meeting", "summit meeting": the last head of a run.
        while is(head + 1, &lists.heads) {
            head += 1;
        }
        let words_between = &lower[start..head];
        if words_between
            .iter()
            .any(|w| lists.phrase_stops.iter().any(|s| s.trim() == w))
        {
            continue;
        }

        let (from, to) = (tokens[v].0, tokens[head].0 + tokens[head].1.len());
        // A comma, bracket or quote between verb and head ends the phrase before its head.
        if text[from..to].contains([',', ';', ':', '(', ')', '"', '“', '”']) {
            continue;
        }
        // "of (the) Capitalised Words" after the head names whose gathering it is.
        let mut end = head + 1;
        if lower.get(end).is_some_and(|w| w == "of") {
            let mut k = end + 1;
            if lower.get(k).is_some_and(|w| w == "the") {
                k += 1;
            }
            // Names, and the people who meet: "of EU foreign ministers", "of South American leaders".
            let part = |w: &str| {
                w.starts_with(char::is_uppercase)
                    || matches!(w, "and" | "of" | "the")
                    || lists.groups.iter().any(|g| g.trim() == w)
            };
            let run = tokens[k.min(tokens.len())..]
                .iter()
                .take_while(|(_, w)| part(w))
                .count()
                .min(PHRASE_WORDS);
            let run = (0..run)
                .rev()
                .find(|&r| !matches!(tokens[k + r].1, "and" | "of" | "the"))
                .map_or(0, |r| r + 1);
            if run > 0
                && !text[tokens[end].0..tokens[k + run - 1].0].contains([',', ';', '.', '(', ')'])
            {
                end = k + run;
            }
        }
        let named = tokens[start..end]
            .iter()
            .any(|(_, w)| w.starts_with(char::is_uppercase));
        let leads = head - start + (end - head - 1);
        if !(named || leads >= 2) {
            continue;
        }
        let name_span = ByteSpan::new(tokens[start].0, tokens[end - 1].0 + tokens[end - 1].1.len());
        if entities.iter().any(|e| {
            e.label == EntityLabel::Person
                && e.span.start < name_span.end
                && name_span.start < e.span.end
        }) {
            continue;
        }
        let name_start = tokens[start].0;
        let Some(attendee) = attendee_of(doc, sentence, entities, name_start, lists) else {
            continue;
        };
        let until = floor(text, (name_span.end + REACH_AFTER).min(sentence.end));
        let place = place_after(text, entities, name_span, until, lists)
            .or_else(|| place_of_journey(doc, entities, attendee, tokens[v].0));
        let date = date_near(doc, entities, name_span, name_start, until, anchor);
        let status = status_of(sentence_words, date.as_ref(), anchor, lists);
        let kind = if lower[head] == "conference" || lower[head] == "meet" {
            MeetingKind::Conference
        } else {
            MeetingKind::Meeting
        };
        let name = display_name(name_span.slice(text));
        let host = Host::Bloc(gazetteer::fold(&name));
        return Some(Mention {
            host,
            name,
            kind,
            sentence,
            status,
            place,
            date,
            of_bodies: true,
            attendee: Some(attendee),
        });
    }
    None
}

/// "15th", "first": an ordinal before a gathering's name.
fn is_ordinal(word: &str) -> bool {
    (word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| word.ends_with(s)))
        || ORDINAL_WORDS.contains(&word)
}

const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "last",
    "latest",
    "inaugural",
    "annual",
];

/// The place an attendee came to or from before the attending verb at `verb`: "arrived in
/// Quito to attend", "returned from Brasilia where he attended", "headed to Brussels to attend".
fn place_of_journey(
    doc: &Document,
    entities: &[Entity],
    attendee: usize,
    verb: usize,
) -> Option<String> {
    let text = &doc.text;
    let person_end = doc.people[attendee]
        .mentions
        .iter()
        .map(|m| m.end)
        .filter(|&e| e <= verb)
        .max()?;
    entities
        .iter()
        .filter(|e| {
            matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc)
                && e.span.start >= person_end
                && e.span.end <= verb
        })
        .find(|e| {
            let before = words(&text[person_end..e.span.start]);
            [" in ", " to ", " from ", " in the ", " to the "]
                .iter()
                .any(|p| before.ends_with(p))
                && !text[person_end..e.span.start].contains([',', ';', '.'])
        })
        .map(|e| {
            let name = e.span.slice(text).trim();
            name.strip_prefix("the ").unwrap_or(name).to_string()
        })
}

/// The person a sentence says attended the gathering named from `name_start`: the nearest
/// person before an attending verb ("attended", "took part in") that comes before the name,
/// with no other person between verb and name.
fn attendee_of(
    doc: &Document,
    sentence: ByteSpan,
    entities: &[Entity],
    name_start: usize,
    lists: &Lists,
) -> Option<usize> {
    let text = &doc.text;
    let before = &text[sentence.start..name_start];
    let lower = words(before);
    let verb = lists
        .attend
        .iter()
        .filter_map(|a| lower.rfind(a.as_str()).map(|i| (i, a)))
        .max_by_key(|(i, _)| *i)?;
    // `lower` has a leading space and single spaces: find the verb's byte offset in `before` by
    // its word count.
    let words_before_verb = lower[..verb.0].split_whitespace().count();
    let verb_at = before
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(words_before_verb)
        .last()
        // `before` borrows from `text`: a word's address gives its offset there.
        .map_or(sentence.start, |w| {
            w.as_ptr() as usize - text.as_ptr() as usize + w.len()
        });
    let people: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .collect();
    if people
        .iter()
        .any(|e| e.span.start >= verb_at && e.span.end <= name_start)
    {
        return None;
    }
    let person = people.iter().filter(|e| e.span.end <= verb_at).last()?;
    let i = crate::people::person_at(&doc.people, person.span)?;
    (!doc.people[i].vessel).then_some(i)
}

/// Whether the document already has a meeting of people from two of these countries.
fn met_already(doc: &Document, named: &[&Entity]) -> bool {
    let countries: Vec<&str> = named
        .iter()
        .filter_map(|e| {
            gazetteer::country_named(e.span.slice(&doc.text).trim(), e.label == EntityLabel::Norp)
        })
        .collect();
    doc.meetings.iter().any(|m| {
        let theirs: Vec<&str> = m
            .participants
            .iter()
            .filter_map(|p| p.country.as_deref())
            .collect();
        countries.iter().filter(|c| theirs.contains(c)).count() >= 2
    })
}

/// The status of a gathering told in `sentence` (its words called off, put in the future, or
/// its date after publication), for the other stages that write gatherings.
pub(crate) fn gathering_status(
    sentence: &str,
    date: Option<&DateField>,
    anchor: Option<chrono::NaiveDate>,
) -> MeetingStatus {
    status_of(&words(sentence), date, anchor, &LISTS)
}

fn status_of(
    sentence_words: &str,
    date: Option<&DateField>,
    anchor: Option<chrono::NaiveDate>,
    lists: &Lists,
) -> MeetingStatus {
    if has_any(sentence_words, &lists.cancelled) {
        MeetingStatus::Cancelled
    } else if has_any(sentence_words, &lists.planned)
        || date
            .and_then(|d| d.value.as_ref())
            .and_then(DateValue::first_day)
            .zip(anchor)
            .is_some_and(|(day, a)| day > a)
    {
        MeetingStatus::Planned
    } else {
        MeetingStatus::Occurred
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document with the given sentences and entities (each found at its first occurrence
    /// after the previous one), dates resolved against `published`.
    fn doc(
        text: &str,
        sentences: &[&str],
        entities: &[(&str, EntityLabel)],
        published: Option<&str>,
    ) -> Document {
        let mut doc = Document::from_text("d", text);
        doc.published = published.map(str::to_string);
        let mut at = 0;
        doc.sentences = sentences
            .iter()
            .map(|s| {
                let i = at + text[at..].find(s).unwrap();
                at = i + s.len();
                ByteSpan::new(i, i + s.len())
            })
            .collect();
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
        crate::people::annotate(&mut doc);
        doc
    }

    #[test]
    fn a_possessive_date_after_the_name_dates_nothing_and_panics_nothing() {
        // (A real page had a possessive date after the gathering's name: slicing the gap
        // before the name from that date's end panicked.)
        let text = "A summit of the Arab League opened. Tuesday's vote followed.";
        let d = doc(
            text,
            &[
                "A summit of the Arab League opened.",
                "Tuesday's vote followed.",
            ],
            &[
                ("Arab League", EntityLabel::Org),
                ("Tuesday", EntityLabel::Date),
            ],
            Some("2024-05-08"),
        );
        let noun = ByteSpan::new(2, 8);
        assert_eq!(date_near(&d, &d.entities, noun, 16, 35, None), None);
    }

    #[test]
    fn a_body_that_meets_is_a_gathering_and_one_who_attended_takes_part() {
        let text = "The Foreign Affairs Council met in Brussels on Monday. President Ada Obi has returned from Addis Ababa where she attended the 35th Session of the Assembly of the African Union.";
        let sentences = ["The Foreign Affairs Council met in Brussels on Monday.", "President Ada Obi has returned from Addis Ababa where she attended the 35th Session of the Assembly of the African Union."];
        let mut d = doc(
            text,
            &sentences,
            &[
                ("Foreign Affairs Council", Org),
                ("Brussels", Gpe),
                ("Monday", Date),
                ("Ada Obi", Person),
                ("Addis Ababa", Gpe),
                ("Assembly of the African Union", Org),
            ],
            Some("2024-02-14"),
        );
        annotate(&mut d);
        assert_eq!(d.meetings.len(), 2);
        assert_eq!(d.meetings[0].location.as_ref().unwrap().name, "Brussels");
        assert_eq!(
            d.meetings[0]
                .date
                .as_ref()
                .unwrap()
                .value
                .as_ref()
                .unwrap()
                .to_string(),
            "2024-02-12"
        );
        assert!(d.meetings[0].participants.is_empty());
        let names: Vec<&str> = d.meetings[1]
            .participants
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["Ada Obi"]);
    }

    #[test]
    fn a_named_conference_a_person_attends_is_a_conference_with_that_person() {
        let text = "President Ada Obi is in Osaka, attending the 9th Osaka Conference on Ocean Trade (OCOT 9).";
        let mut d = doc(
            text,
            &[text],
            &[
                ("Ada Obi", Person),
                ("Osaka", Gpe),
                ("Osaka Conference on Ocean Trade", Org),
            ],
            None,
        );
        annotate(&mut d);
        assert_eq!(d.meetings.len(), 1);
        assert_eq!(d.meetings[0].kind, MeetingKind::Conference);
        assert_eq!(d.meetings[0].participants[0].name, "Ada Obi");
        // Named but not attended: no record from this pattern.
        let text = "Ada Obi praised the Osaka Conference on Ocean Trade.";
        let mut d = doc(
            text,
            &[text],
            &[
                ("Ada Obi", Person),
                ("Osaka Conference on Ocean Trade", Org),
            ],
            None,
        );
        annotate(&mut d);
        assert!(d.meetings.is_empty());
    }

    #[test]
    fn a_meeting_of_two_countries_whose_people_met_is_told_again() {
        let text =
            "Li met Pham in Hanoi. The recent meeting between China and Vietnam was fruitful.";
        let sentences = [
            "Li met Pham in Hanoi.",
            "The recent meeting between China and Vietnam was fruitful.",
        ];
        let mut d = doc(
            text,
            &sentences,
            &[
                ("Li", Person),
                ("Pham", Person),
                ("Hanoi", Gpe),
                ("China", Gpe),
                ("Vietnam", Gpe),
            ],
            None,
        );
        let person = |name: &str, country: &str| Participant {
            name: name.into(),
            role: None,
            country: Some(country.into()),
            organization: None,
        };
        d.meetings.push(Meeting {
            id: String::new(),
            kind: MeetingKind::Meeting,
            status: MeetingStatus::Occurred,
            participants: vec![person("Li", "China"), person("Pham", "Vietnam")],
            location: None,
            date: None,
            topics: vec![],
            gathering: None,
            sources: vec![],
            confidence: 0.9,
        });
        annotate(&mut d);
        assert_eq!(d.meetings.len(), 1);
        // Without that meeting, two countries meeting is a gathering of its own.
        d.meetings.clear();
        annotate(&mut d);
        assert_eq!(d.meetings.len(), 1);
        assert!(d.meetings[0].participants.is_empty());
    }

    use EntityLabel::*;

    #[test]
    fn a_bloc_summit_is_a_meeting_with_its_place_date_and_status() {
        let text = "Ministers met in Brussels to prepare the NATO summit due to be held in Vilnius on 11-12 July.";
        let mut d = doc(
            text,
            &[text],
            &[
                ("Brussels", Gpe),
                ("NATO", Org),
                ("Vilnius", Gpe),
                ("11-12 July", Date),
            ],
            Some("2023-06-20"),
        );
        annotate(&mut d);
        assert_eq!(d.meetings.len(), 1);
        let m = &d.meetings[0];
        assert!(m.participants.is_empty());
        assert_eq!(m.kind, MeetingKind::Meeting);
        assert_eq!(m.status, MeetingStatus::Planned);
        assert_eq!(m.location.as_ref().unwrap().name, "Vilnius");
        assert_eq!(
            m.date.as_ref().unwrap().value.as_ref().unwrap().to_string(),
            "2023-07-11/2023-07-12"
        );
        // Offsets are code points into the text.
        assert_eq!(
            (m.sources[0].start, m.sources[0].end),
            (0, text.chars().count())
        );
    }

    #[test]
    fn a_summit_held_here_is_in_the_dateline_city() {
        let text = "NEW DELHI, May 3 (Xinhua) -- The 12th SAARC Summit concluded here on Friday.";
        let mut d = doc(
            text,
            &[text],
            &[
                ("NEW DELHI", Gpe),
                ("May 3", Date),
                ("Xinhua", Org),
                ("SAARC Summit", Org),
                ("Friday", Date),
            ],
            None,
        );
        annotate(&mut d);
        assert_eq!(d.meetings[0].location.as_ref().unwrap().name, "New Delhi");
    }

    #[test]
    fn a_summit_as_the_setting_of_another_meeting_is_no_record() {
        let text = "Ruto met Lula on the sidelines of the G20 summit in Rio de Janeiro.";
        let mut d = doc(
            text,
            &[text],
            &[
                ("Ruto", Person),
                ("Lula", Person),
                ("G20", Org),
                ("Rio de Janeiro", Gpe),
            ],
            None,
        );
        annotate(&mut d);
        assert!(d.meetings.is_empty());
    }

    #[test]
    fn a_summit_of_two_countries_is_left_to_the_readers_and_a_bloc_of_peoples_is_kept() {
        let text = "The Kenya-Ghana summit ended. Leaders gathered for the Arab-Islamic summit hosted by Doha.";
        let sentences = [
            "The Kenya-Ghana summit ended.",
            "Leaders gathered for the Arab-Islamic summit hosted by Doha.",
        ];
        let mut d = doc(
            text,
            &sentences,
            &[
                ("Kenya", Gpe),
                ("Ghana", Gpe),
                ("Arab", Norp),
                ("Islamic", Norp),
                ("Doha", Gpe),
            ],
            None,
        );
        annotate(&mut d);
        assert_eq!(d.meetings.len(), 1);
        assert_eq!(d.meetings[0].location.as_ref().unwrap().name, "Doha");
        assert_eq!(d.meetings[0].status, MeetingStatus::Occurred);
    }

    #[test]
    fn a_postponed_summit_is_cancelled_and_mentions_of_one_summit_are_one_record() {
        let text = "The capital postponed the 12th SADC (SADC) summit. The SADC summit was to open in Maputo on Monday.";
        let sentences = [
            "The capital postponed the 12th SADC (SADC) summit.",
            "The SADC summit was to open in Maputo on Monday.",
        ];
        let mut d = doc(
            text,
            &sentences,
            &[
                ("SADC", Org),
                ("SADC", Org),
                ("SADC", Org),
                ("Maputo", Gpe),
                ("Monday", Date),
            ],
            None,
        );
        annotate(&mut d);
        // The second sentence tells the plan of the summit called off: one record, cancelled,
        // with the place the plan gives.
        assert_eq!(d.meetings.len(), 1);
        assert_eq!(d.meetings[0].status, MeetingStatus::Cancelled);
        assert_eq!(d.meetings[0].location.as_ref().unwrap().name, "Maputo");
        assert_eq!(d.meetings[0].sources.len(), 2);
    }

    #[test]
    fn one_summit_named_twice_folds_and_takes_the_place_it_is_given() {
        let text = "Leaders of the Pacific Forum (PIF) summit arrived. The Pacific Forum summit in Nadi closed.";
        let sentences = [
            "Leaders of the Pacific Forum (PIF) summit arrived.",
            "The Pacific Forum summit in Nadi closed.",
        ];
        let mut d = doc(
            text,
            &sentences,
            &[
                ("Pacific Forum", Org),
                ("Pacific Forum", Org),
                ("Nadi", Gpe),
            ],
            None,
        );
        annotate(&mut d);
        assert_eq!(d.meetings.len(), 1);
        assert_eq!(d.meetings[0].sources.len(), 2);
        assert_eq!(d.meetings[0].location.as_ref().unwrap().name, "Nadi");
    }

    #[test]
    fn a_denied_summit_and_an_unnamed_one_are_no_record() {
        let text = "There has not been a EU summit since 2016. A summit was mentioned.";
        let sentences = [
            "There has not been a EU summit since 2016.",
            "A summit was mentioned.",
        ];
        let mut d = doc(text, &sentences, &[("EU", Org), ("2016", Date)], None);
        annotate(&mut d);
        assert!(d.meetings.is_empty());
    }

    #[test]
    fn a_capitalised_summit_is_named_by_its_city_and_a_possessive_day_dates_it() {
        let text =
            "The declaration of the Summit in Lome was welcomed. Tuesday's BRICS summit closed.";
        let sentences = [
            "The declaration of the Summit in Lome was welcomed.",
            "Tuesday's BRICS summit closed.",
        ];
        let mut d = doc(
            text,
            &sentences,
            &[("Lome", Gpe), ("Tuesday", Date), ("BRICS", Org)],
            Some("2020-11-18"),
        );
        annotate(&mut d);
        assert_eq!(d.meetings.len(), 2);
        assert_eq!(d.meetings[0].location.as_ref().unwrap().name, "Lome");
        assert_eq!(
            d.meetings[1]
                .date
                .as_ref()
                .unwrap()
                .value
                .as_ref()
                .unwrap()
                .to_string(),
            "2020-11-17"
        );
    }

    #[test]
    fn a_gathering_a_person_attended_is_named_by_the_phrase_after_the_verb() {
        let said = [
            "Foreign Minister Ana Rios attended the Pacific Alliance Foreign Ministers Meeting in Lima on Monday.",
            "President Luis Vega has returned from Brasilia where he attended the summit of South American leaders.",
            "Minister Juan Arce arrived in Quito to attend the first regional natural gas conference.",
            "Minister Rosa Paz will participate in the meeting of foreign ministers of the Amazon Cooperation Treaty Organization.",
            "Minister Eva Sol attended the meeting.",
            "Minister Pia Lund attended talks with officials before the Nordic ministerial meeting.",
        ];
        let text = said.join(" ");
        let entities = [
            ("Ana Rios", Person),
            ("Lima", Gpe),
            ("Monday", Date),
            ("Luis Vega", Person),
            ("Brasilia", Gpe),
            ("Juan Arce", Person),
            ("Quito", Gpe),
            ("Rosa Paz", Person),
            ("Amazon Cooperation Treaty Organization", Org),
            ("Eva Sol", Person),
            ("Pia Lund", Person),
            ("Nordic", Norp),
        ];
        let mut d = doc(&text, &said, &entities, Some("2024-03-06"));
        annotate(&mut d);
        let read: Vec<(String, Vec<&str>, Option<&str>, MeetingKind, MeetingStatus)> = d
            .meetings
            .iter()
            .map(|m| {
                (
                    m.gathering.clone().unwrap_or_default(),
                    m.participants.iter().map(|p| p.name.as_str()).collect(),
                    m.location.as_ref().map(|l| l.name.as_str()),
                    m.kind,
                    m.status,
                )
            })
            .collect();
        use MeetingKind::{Conference, Meeting};
        use MeetingStatus::{Occurred, Planned};
        assert_eq!(
            read,
            [
                (
                    "Pacific Alliance Foreign Ministers Meeting".to_string(),
                    vec!["Ana Rios"],
                    Some("Lima"),
                    Meeting,
                    Occurred
                ),
                (
                    "summit of South American leaders".to_string(),
                    vec!["Luis Vega"],
                    Some("Brasilia"),
                    Meeting,
                    Occurred
                ),
                (
                    "regional natural gas conference".to_string(),
                    vec!["Juan Arce"],
                    Some("Quito"),
                    Conference,
                    Occurred
                ),
                (
                    "meeting of foreign ministers of the Amazon Cooperation Treaty Organization"
                        .to_string(),
                    vec!["Rosa Paz"],
                    None,
                    Meeting,
                    Planned
                ),
            ]
        );
        assert_eq!(
            d.meetings[0]
                .date
                .as_ref()
                .and_then(|f| f.value.as_ref())
                .map(|v| v.to_string())
                .as_deref(),
            Some("2024-03-04")
        );
    }

    #[test]
    fn any_text_is_read_without_panic() {
        for text in [
            "summit",
            "Summit",
            "(AL) summit",
            "é summit é",
            "--summit--",
            "Ünïcödé SUMMIT s",
            "the Summit in",
            "attended",
            "attended the",
            "took part in the Meeting of",
            "attended the 5th meeting of the and of",
            "Ünï attended Ünï Ünï meeting of Ü",
        ] {
            let mut d = doc(text, &[text], &[], None);
            annotate(&mut d);
        }
    }
}
