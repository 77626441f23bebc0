//! The meetings stage: meetings, talks, visits, calls and conferences read from one document,
//! one [`Meeting`] per mention of an event (merging is [`crate::merge`]'s job).
//!
//! How a sentence is read:
//! 1. It becomes a list of *units*: each entity is one unit (with a flag for a possessive
//!    "'s"), every other word or punctuation mark another.
//! 2. Triggers are found by their words: verbs ("met (with)", "received", "hosted", "was
//!    received by", "sat down with", "called on", "visited", "co-chaired", "chaired by" after
//!    a session, "spoke by phone", "telephoned", "arrived in X ... to start a visit",
//!    "travelled to X for a visit", "was in X for talks", "is on a visit to X", and a named
//!    traveller's journey alone: "Premier X flew to Cairo", "X arrived in Lima"), light verbs
//!    with an event noun ("held talks", "sat down for talks", "paid a visit", "began a working
//!    visit", "wrapped up a visit", "called off a trip", "had a phone conversation", "led
//!    delegations attending the event") and event nouns ("a meeting between X and Y", "the
//!    summit with X", "X's visit to Y", "a visit to Y by X"). What is held by video, online
//!    or by phone ("a video conference", "a virtual meeting", "talks via video link") is a
//!    call.
//! 3. Each trigger gets its clause: the subject side runs back to the nearest clause opener
//!    (sentence start, ";", ":", a dash, "when", "after", "where", "who", a reporting verb ...),
//!    the object side forward to the nearest clause end (a subordinator, a reporting clause
//!    such as ", the ministry said", "and" + another verb, a participle after a comma, "ahead
//!    of" ...). Relative clauses on people (", who won an election on June 3,"), "according
//!    to ..." and parentheses are left out; a trigger inside one reads only it. Participants
//!    are the people of that clause only, so reporters, quoted experts and news agencies stay
//!    out.
//! 4. Pronouns ("he", also beside a name: "he and Premier Li held talks"), plural anaphors
//!    ("they", "the two leaders"; "the two presidents" and "the ministers" name an office
//!    their people hold, looked for further back), definite descriptions ("the prime
//!    minister's visit", "the Omani minister", "the Mongolian leader", a bare title tagged as
//!    a name: "the [Amir]"), the coordinated antecedent of "who" ("X and Y, who met ..."),
//!    the one invited ("invited Y to visit") and the traveller of a trip ("arrived in Lima
//!    for talks with X", "pay a visit to Tokyo for a summit with X") are resolved to people;
//!    names are the people stage's fullest forms (titles and honorifics such as "Sheikh",
//!    "Sayyid", "HE" left out). Tagger slips are repaired where a person must stand: a name
//!    cut at a hyphen ("Moon Jae-|in"), a country word swallowed into a name ("China Xi
//!    Jinping"), a surname tagged as a place or left untagged ("between [Kim|GPE] and
//!    Trump", "Ahn called on"), a title word tagged as a name ("Minister of Industry and
//!    [Trade]"), pronouns and bare titles tagged as names ("[His] Royal Highness", "[Crown
//!    Prince]"), and buildings tagged as people ("at [Wisma Putra] in Kuching").
//!    "met X on Monday and Y on Tuesday" is two meetings; so is "met separately with X and Y".
//! 5. Place and date come from the clause, the sentence's fronted phrase ("On August 20,
//!    ..."), an earlier trigger of the same sentence ("... and met with Y the same day",
//!    "visited X, where he held talks"), what "where" points back to ("travelled to Lima on
//!    Monday, where she met X"), a trip's destination ("will travel to Lima to meet X",
//!    "during her visit to Lima"), the visit under way (a meeting just after "X arrived in
//!    Beijing to start a visit" is in Beijing), or, when the sentence points back ("before
//!    the ceremony", "earlier in the day", "the event", "the following day"), the sentences
//!    just before it. "during their meeting in Beijing" fills the place of the meeting it
//!    points back to and makes no record of its own. A visit that is the backdrop of a dated
//!    event ("upgraded ties in March, during a visit to Jakarta by X") takes its date.
//!    Once the document is read: a meeting of a visitor that falls within the visit (its
//!    length, at least three days from the arrival) takes the visit's place however far
//!    apart the sentences are; a meeting at a building with no town ("at State House") takes
//!    the dateline's city; "in the capital" is the dateline's city or the city named last; a
//!    building or quarter before its city ("at the Kuksaroy residence in Tashkent", "in
//!    Baluwatar, Kathmandu") gives way to the city. A visit told by its end ("concluded a
//!    three-day visit on Wednesday that began with his arrival in Nairobi on Monday", or an
//!    arrival and a later "wrapped up the visit") spans both days.
//! 6. Status: cancelled ("called off", "postponed", "cancelled", "scrapped"), planned ("will",
//!    "is due to", "is expected to", "is to", "plans to", "a planned visit", "ahead of the
//!    summit", or a date after publication), else occurred. Negated verbs ("did not meet")
//!    make no record. A summit of countries whose leaders go unnamed ("Japan is to host a
//!    summit with South Korea and China") is kept with no participants, and so is a meeting of
//!    unnamed officials of two or three named countries ("the foreign ministers of Iran and
//!    Saudi Arabia held a meeting"); "agreed on a meeting", "preparations for a summit" are
//!    plans.
//! 7. Dates are the dates stage's values (weekdays and year-less dates in their clause's
//!    tense, [`dates::clause_tense`]), read once more where the record knows better: a
//!    planned record's such date is never before publication; a cancelled event's bare
//!    weekday is the occurrence nearer publication; no value for a bare weekday in an
//!    undated article; the latest year the text names for a year-less date in an undated
//!    article; and [`dates::record_value`]'s precision ("late May" is the month, "earlier
//!    this week" the week, "early next year" the year).
//!
//! Not meetings: ships arriving or "visiting", "was met with protests", "meets the
//! standards", experts talking to newspapers ("told the Global Times"), news conferences,
//! port calls, summits named only as a setting, a visit mentioned without place or date
//! ("Lam praised Dong Jun's visit"), and back-references that add nothing ("the talks").
//!
//! The stage reads text, sentences, furniture, entities, dates and people; it never panics
//! whatever the spans (invalid ones are skipped) and runs in time linear in the sentence
//! length (units per sentence and triggers per sentence are capped).

use chrono::{Datelike, NaiveDate};

use crate::dates::{self, DateContext, DateValue, Tense};
use crate::doc::{Document, EntityLabel};
use crate::gazetteer;
use crate::people::{self, person_at};
use crate::records::{
    DateField, Evidence, Location, Meeting, MeetingKind, MeetingStatus, Participant,
};
use crate::text::{ByteSpan, CharIndex};
use crate::wordlist::words;

use std::sync::LazyLock;

/// Fills `doc.meetings`.
pub fn annotate(doc: &mut Document) {
    doc.meetings = extract(doc);
}

/// The meetings of one document, in the order of their evidence sentences.
pub fn extract(doc: &Document) -> Vec<Meeting> {
    if !doc.is_ok() || doc.text.is_empty() {
        return Vec::new();
    }
    let mut reader = Reader::new(doc);
    let sentences: Vec<ByteSpan> = doc
        .sentences
        .iter()
        .copied()
        .filter(|s| valid_span(&doc.text, *s) && !s.is_empty())
        .collect();
    reader.sentence_starts = sentences.iter().map(|s| s.start).collect();
    for (si, &sent) in sentences.iter().enumerate() {
        if doc.is_furniture(sent) {
            continue;
        }
        let next = sentences
            .get(si + 1)
            .copied()
            .filter(|s| !doc.is_furniture(*s));
        reader.sentence(si, sent, next);
    }
    reader.finish()
}

mod clauses;
mod dating;
mod participants;
mod place;
mod read;
mod reader;
mod status;
#[cfg(test)]
mod tests;
mod triggers;
mod units;
mod visits;
mod vocabulary;

// The submodules share their free items (each `pub(super)`) through this module: they read
// one sentence and one document together, like the single file they were split from. The
// methods they add to [`Reader`] need no import.
use clauses::*;
use dating::*;
use place::*;
use read::*;
use reader::*;
use status::*;
use triggers::*;
use units::*;
use visits::*;
use vocabulary::*;

/// Sentences longer than this many units are read only up to it.
const MAX_UNITS: usize = 240;

/// Triggers read per sentence.
const MAX_TRIGGERS: usize = 16;

/// Object regions are cut after this many units.
const MAX_REGION: usize = 48;

/// How many sentences back a visit, a scene or an antecedent is looked for.
const LOOK_BACK: usize = 2;

/// How many sentences back a date relative to the story ("The same day", "Later that day")
/// looks for the day it counts from: past a paragraph of what was said at the meeting.
const STORY_DAY_REACH: usize = 5;

/// How many sentences back "the two presidents" looks for a record of two presidents.
const ANAPHOR_REACH: usize = 4;

/// How many sentences after a visit an undated meeting of the visitor is taken to be part of it.
const VISIT_REACH: usize = 8;

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

fn valid_span(text: &str, s: ByteSpan) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}
