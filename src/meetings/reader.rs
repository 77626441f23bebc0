//! The reader of one document: its state, the sentences read one by one, and a sentence's
//! candidate records merged, completed from the sentences before and finished into [`Meeting`]s.

use super::*;

/// A participant with where it was named (for ordering) and a key (for de-duplication).
#[derive(Debug, Clone)]
pub(super) struct PRef {
    pub(super) key: String,
    pub(super) pos: usize,
    pub(super) part: Participant,
}

#[derive(Debug, Clone)]
pub(super) struct DateInfo {
    pub(super) field: DateField,
    /// Whether the date is precise enough to resolve relative phrases against.
    pub(super) resolved: bool,
}

/// How many sentences back "X also met Y" looks for the dated encounter it adds to.
const ALSO_REACH: usize = 6;

/// One record in the making.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub(super) kind: MeetingKind,
    pub(super) status: MeetingStatus,
    pub(super) parts: Vec<PRef>,
    /// Some participant came from a pronoun, an anaphor, a role or another sentence.
    pub(super) indirect: bool,
    pub(super) group: bool,
    pub(super) place: Option<Location>,
    /// The clause names several places in different countries: no location, none inherited.
    pub(super) place_ambiguous: bool,
    pub(super) date: Option<DateInfo>,
    /// The clause's date is relative to the story ("the same day"): inherit one.
    pub(super) date_relative: bool,
    /// The relative phrase and its offset in days ("The following day": 1).
    pub(super) relative: Option<(String, i64)>,
    pub(super) inherited: bool,
    pub(super) topics: Vec<String>,
    pub(super) strength: f64,
    /// Subject participants (coordinated verbs share them).
    pub(super) subject: Vec<PRef>,
    /// Status came from words (not the default).
    pub(super) status_cue: bool,
    /// The event has a time of its own, not the sentence's ("ahead of the summit"): no date
    /// is inherited.
    pub(super) own_time: bool,
    /// A visit's length in days ("a three-day visit").
    pub(super) visit_days: Option<i64>,
    /// A visit told by its end ("concluded a visit on Wednesday").
    pub(super) ends_visit: bool,
    /// The clause names a building but no town ("at State House", "at the presidential
    /// residence").
    pub(super) venue: bool,
    /// The clause sets the event in a visit it does not place ("during his visit").
    pub(super) during_visit: bool,
    /// "X also met Y": one more encounter of the occasion told before.
    pub(super) also: bool,
}

pub(super) struct Rec {
    pub(super) meeting: Meeting,
    pub(super) sentence: usize,
    pub(super) place_ambiguous: bool,
    pub(super) visit_days: Option<i64>,
    pub(super) ends_visit: bool,
    pub(super) venue: bool,
    pub(super) during_visit: bool,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Scene {
    pub(super) sentence: usize,
    pub(super) place: Option<Location>,
    pub(super) place_ambiguous: bool,
    pub(super) date: Option<DateInfo>,
}

pub(super) struct Reader<'d> {
    pub(super) doc: &'d Document,
    pub(super) anchor: Option<NaiveDate>,
    /// For documents without a publication date: the latest year the text names.
    pub(super) fallback_year: Option<Option<i32>>,
    /// For documents without a publication date: the full days the text names (found once).
    pub(super) named_days: Option<Vec<NaiveDate>>,
    pub(super) names: Vec<Option<String>>,
    pub(super) recs: Vec<Rec>,
    pub(super) scenes: Vec<Scene>,
    /// First person named in the previous read sentence: (sentence index, participant).
    pub(super) prev_first: Option<(usize, PRef)>,
    /// Byte starts of the sentences read, by sentence index.
    pub(super) sentence_starts: Vec<usize>,
    /// The city of the article's dateline, if it has one.
    pub(super) dateline: Option<Location>,
    /// The sentence that opens with the dateline: the story's lead.
    pub(super) dateline_sentence: Option<usize>,
    /// Code-point offsets of the evidence.
    pub(super) index: CharIndex<'d>,
}

impl<'d> Reader<'d> {
    pub(super) fn new(doc: &'d Document) -> Self {
        Reader {
            doc,
            anchor: doc.published.as_deref().and_then(dates::publication_anchor),
            fallback_year: None,
            named_days: None,
            names: vec![None; doc.people.len()],
            recs: Vec::new(),
            scenes: Vec::new(),
            prev_first: None,
            sentence_starts: Vec::new(),
            dateline: None,
            dateline_sentence: None,
            index: CharIndex::new(&doc.text),
        }
    }

    pub(super) fn finish(mut self) -> Vec<Meeting> {
        self.join_visit_ends();
        self.plans_of_cancelled_trips();
        self.places_from_visits();
        self.places_from_dateline();
        self.recs.into_iter().map(|r| r.meeting).collect()
    }

    pub(super) fn text(&self, s: ByteSpan) -> &'d str {
        if valid_span(&self.doc.text, s) {
            &self.doc.text[s.start..s.end]
        } else {
            ""
        }
    }
}

pub(super) fn push_unique(out: &mut Vec<PRef>, p: PRef) {
    if !out.iter().any(|q| q.key == p.key) {
        out.push(p);
    }
}

pub(super) fn family(kind: MeetingKind) -> u8 {
    match kind {
        MeetingKind::Meeting | MeetingKind::Talks => 0,
        MeetingKind::Visit => 1,
        MeetingKind::Call => 2,
        MeetingKind::Conference => 3,
    }
}

pub(super) fn priority(kind: MeetingKind) -> u8 {
    match kind {
        MeetingKind::Conference => 4,
        MeetingKind::Talks => 3,
        MeetingKind::Call => 2,
        MeetingKind::Meeting => 1,
        MeetingKind::Visit => 0,
    }
}

impl<'d> Reader<'d> {
    pub(super) fn sentence(&mut self, si: usize, sent: ByteSpan, next: Option<ByteSpan>) {
        let units = tokenize(self.doc, sent);
        if units.is_empty() {
            return;
        }
        self.read_dateline(si, &units);
        let s = Sentence::new(&units);
        let triggers = find_triggers(&units);
        let mut cands = if triggers.is_empty() {
            Vec::new()
        } else {
            self.read_triggers(si, &s, triggers, next)
        };
        merge_in_sentence(&mut cands);
        let back_ref = has_back_ref(&s);
        for i in 0..cands.len() {
            let (before, rest) = cands.split_at_mut(i);
            let c = &mut rest[0];
            self.inherit(si, c, before, back_ref);
        }
        // Scene of this sentence, for the sentences after it.
        let mut scene = Scene {
            sentence: si,
            ..Default::default()
        };
        if let Some(c) = cands
            .iter()
            .rev()
            .find(|c| c.place.is_some() || c.place_ambiguous)
        {
            scene.place = c.place.clone();
            scene.place_ambiguous = c.place_ambiguous && c.place.is_none();
        } else if let Some((k, ambiguous)) = self.locative(&s, 0, units.len()) {
            scene.place = (!ambiguous).then(|| self.location_of(&units[k]));
            scene.place_ambiguous = ambiguous;
        }
        scene.date = cands
            .iter()
            .rev()
            .find_map(|c| c.date.clone().filter(|d| d.resolved));
        if scene.date.is_none() {
            for u in units.iter().filter(|u| u.is(EntityLabel::Date)) {
                let resolved = self
                    .date_mention(u.span)
                    .and_then(|d| d.value.as_ref())
                    .is_some_and(|v| !matches!(v, DateValue::Year(_)));
                if resolved {
                    scene.date = Some(self.date_of(u, Tense::Unknown));
                    break;
                }
            }
        }
        self.scenes.push(scene);
        if self.scenes.len() > LOOK_BACK.max(STORY_DAY_REACH) + 1 {
            self.scenes.remove(0);
        }
        // Records.
        for c in cands {
            if let Some(m) = self.finish_cand(c.clone(), sent) {
                self.recs.push(Rec {
                    meeting: m,
                    sentence: si,
                    place_ambiguous: c.place_ambiguous,
                    visit_days: c.visit_days,
                    ends_visit: c.ends_visit,
                    venue: c.venue,
                    during_visit: c.during_visit,
                });
            }
        }
        // The first person named, for a "He" opening the next sentence. A "She" before any
        // name is still the one named before: "She had flown to Cairo to meet X ... Before
        // flying home, she conferred with Y" is not X's.
        let first = (0..units.len()).find(|&k| {
            (units[k].is(EntityLabel::Person)
                && !s.excluded[k]
                && !(k > 0 && s.word(k - 1) == "the"))
                || (units[k].is_wi(&["he", "she"]) && !s.excluded[k])
        });
        self.prev_first = match first {
            Some(k) if units[k].is(EntityLabel::Person) => {
                self.pref_of_unit(&units[k]).map(|p| (si, p))
            }
            Some(_) => self
                .prev_first
                .take()
                .filter(|(i, _)| si.saturating_sub(*i) < LOOK_BACK)
                .map(|(_, p)| (si, p)),
            None => self
                .prev_first
                .take()
                .filter(|(i, _)| si.saturating_sub(*i) < LOOK_BACK),
        };
    }

    /// Reads every trigger of a sentence into candidate records.
    pub(super) fn read_triggers(
        &mut self,
        si: usize,
        s: &Sentence,
        triggers: Vec<Trigger>,
        next: Option<ByteSpan>,
    ) -> Vec<Cand> {
        let units = s.units;
        let verb_heads: Vec<usize> = triggers
            .iter()
            .filter(|t| t.form != Form::Noun)
            .map(|t| t.head)
            .collect();
        let all_heads: Vec<usize> = triggers.iter().map(|t| t.head).collect();
        // Clauses, left to right.
        let mut reads: Vec<Read> = Vec::new();
        let mut floor = 0;
        for t in &triggers {
            let read = if t.form == Form::Noun {
                let (np_start, definite, possessor) = noun_phrase(units, t.head);
                let (cs, opener) = s.clause_start(np_start, 0);
                let heads: Vec<usize> = all_heads.iter().copied().filter(|&h| h > t.head).collect();
                let end = s.clause_end(t.core_end, &heads, true);
                Read {
                    t: t.clone(),
                    cs,
                    opener,
                    np_start,
                    end,
                    definite,
                    possessor,
                    for_visit: false,
                }
            } else {
                let (cs, opener) = s.clause_start(t.head, floor.min(t.head));
                let heads: Vec<usize> =
                    verb_heads.iter().copied().filter(|&h| h > t.head).collect();
                let mut end = s.clause_end(t.core_end, &heads, false);
                // "met and conferred with X": a meeting verb with no object of its own shares
                // the next verb's ("conferred with", "discussed ... with").
                if end == t.core_end
                    && s.word(end) == "and"
                    && !heads.contains(&(end + 1))
                    && s.is_verbish(end + 1)
                {
                    end = s.clause_end(end + 2, &heads, false);
                }
                // A verb inside a relative clause (", who paid a visit to X on June 11-12,") ends
                // with it.
                let own = s.aside.get(t.head).copied().unwrap_or(0);
                if own != 0 {
                    if let Some(k) = (t.head..end).find(|&k| s.aside[k] != own) {
                        end = end.min(k.max(t.core_end));
                    }
                }
                floor = end;
                Read {
                    t: t.clone(),
                    cs,
                    opener,
                    np_start: t.head,
                    end,
                    definite: false,
                    possessor: None,
                    for_visit: false,
                }
            };
            reads.push(read);
        }
        // "X met and held talks with Y": two meeting verbs with one subject are one encounter,
        // read from the second with the first's subject (the first has no object of its own).
        let mut absorbed = vec![false; reads.len()];
        for i in 0..reads.len().saturating_sub(1) {
            let (a, b) = (&reads[i], &reads[i + 1]);
            let shared = a.t.form != Form::Noun
                && b.t.form != Form::Noun
                && a.end == a.t.core_end
                && s.word(a.t.core_end) == "and"
                && b.t.head == a.t.core_end + 1
                && a.t.kind != MeetingKind::Visit
                && b.t.kind != MeetingKind::Visit;
            if shared {
                absorbed[i] = true;
                let (cs, opener) = (a.cs, a.opener);
                reads[i + 1].cs = cs;
                reads[i + 1].opener = opener;
            }
        }
        // Event nouns inside a verb's object ("co-chaired the ... meeting", "will meet on the
        // sidelines of the summit", "arrived ... to start a visit") are that verb's.
        for i in 0..reads.len() {
            if reads[i].t.form != Form::Noun {
                continue;
            }
            let at = reads[i].t.head;
            if let Some(v) = (0..reads.len()).find(|&v| {
                reads[v].t.form != Form::Noun && reads[v].t.head < at && at < reads[v].end
            }) {
                let inner = reads[i].t.kind;
                let np = reads[i].np_start;
                // "held talks ... ahead of the summit between X and Y": another event.
                if np >= 2 && s.word(np - 1) == "of" && s.word(np - 2) == "ahead" {
                    continue;
                }
                // "met X twice, including during Y's visit to Ottawa": the visit names its
                // visitor, a record of its own.
                let named_visitor = reads[i].possessor.is_some_and(|p| {
                    s.units[p].is(EntityLabel::Person)
                        || (s.units[p].is_wi(&["majesty", "highness"])
                            && p > 0
                            && s.units[p - 1].is_wi(&["his", "her"]))
                });
                if inner == MeetingKind::Visit
                    && reads[v].t.kind != MeetingKind::Visit
                    && named_visitor
                {
                    continue;
                }
                // "received X on his first visit to Ramallah": the visit of the one received,
                // with a place of its own, is a record of its own.
                if inner == MeetingKind::Visit && received_on_visit(s, reads[v].t.head, np) {
                    continue;
                }
                if reads[v].t.kind == MeetingKind::Visit
                    && matches!(
                        inner,
                        MeetingKind::Meeting | MeetingKind::Talks | MeetingKind::Conference
                    )
                    && serves_the_trip(s, np)
                {
                    reads[i].for_visit = true;
                    continue;
                }
                absorbed[i] = true;
                let outer = &mut reads[v].t;
                if outer.kind == MeetingKind::Meeting
                    && matches!(
                        inner,
                        MeetingKind::Talks | MeetingKind::Call | MeetingKind::Conference
                    )
                {
                    outer.kind = inner;
                }
            }
        }
        let fronted = fronted_date(s, &reads);
        let mut cands: Vec<Cand> = Vec::new();
        for (i, r) in reads.iter().enumerate() {
            if absorbed[i] {
                continue;
            }
            let mut focused = s.clone();
            focused.focus(r.np_start.min(r.t.head));
            self.read_one(si, &focused, r, fronted, next, &mut cands);
        }
        cands
    }

    /// A back-reference with a place or date of its own ("during their meeting in Beijing")
    /// fills that field of the record it points to.
    pub(super) fn amend(&mut self, si: usize, s: &Sentence, r: &Read) {
        let units = s.units;
        let t = &r.t;
        // "the last round of talks, held in Georgetown in January": another, earlier event.
        let other = (t.head.saturating_sub(4)..t.head)
            .any(|k| units[k].is_wi(&["last", "previous", "earlier", "prior", "next"]));
        if other {
            return;
        }
        let stop = (t.core_end + 4).min(r.end);
        let place = self
            .locative(s, t.core_end, stop)
            .filter(|(_, ambiguous)| !ambiguous)
            .map(|(k, _)| self.location_of(&units[k]));
        let Some(loc) = place else { return };
        let fam = family(t.kind);
        let target = self
            .recs
            .iter_mut()
            .rev()
            .take_while(|rec| si.saturating_sub(rec.sentence) <= LOOK_BACK + 1)
            .find(|rec| family(rec.meeting.kind) == fam);
        if let Some(rec) = target {
            if rec.meeting.location.is_none() && !rec.place_ambiguous {
                rec.meeting.location = Some(loc);
                rec.meeting.confidence = round2((rec.meeting.confidence + 0.05).min(0.99));
            }
        }
    }

    /// Place and date a candidate lacks, from the sentence, the visit under way, or the
    /// sentences it points back to.
    pub(super) fn inherit(&mut self, si: usize, c: &mut Cand, before: &[Cand], back_ref: bool) {
        let own = c.date.as_ref().and_then(|d| d.field.value.clone());
        let visits: Vec<(usize, usize)> = (0..self.recs.len())
            .rev()
            .take_while(|&j| si.saturating_sub(self.recs[j].sentence) <= LOOK_BACK)
            .filter(|&j| {
                let r = &self.recs[j];
                may_place(&r.meeting, c.status)
                    && within_visit(&r.meeting, r.visit_days, own.as_ref()) != Some(false)
            })
            .map(|j| (si.saturating_sub(self.recs[j].sentence), j))
            .collect();
        let hosts = visits::host_countries(c.parts.iter().map(|p| &p.part));
        // The most recent visit gives the date; the place only when the tour's stops say which.
        let recent_visit = visits.first().map(|&(_, recent)| {
            match visits::placing_visit(&visits, &hosts, |j| self.recs[j].meeting.location.as_ref())
            {
                Some(j) => (
                    self.recs[j].meeting.location.clone(),
                    self.recs[j].meeting.date.clone(),
                ),
                None => (None, self.recs[recent].meeting.date.clone()),
            }
        });
        let same_sentence = before
            .iter()
            .rev()
            .find(|b| b.place.is_some() || b.date.is_some())
            .cloned();
        let points_back = back_ref || c.date_relative;
        if c.kind == MeetingKind::Call {
            // Phone calls have no place.
            c.place = None;
        } else if c.place.is_none() && !c.place_ambiguous {
            if let Some(b) = before.iter().rev().find(|b| b.place.is_some()) {
                c.place = b.place.clone();
            } else if c.kind != MeetingKind::Visit && recent_visit.is_some() {
                let (loc, date) = recent_visit.clone().unwrap_or((None, None));
                c.place = loc;
                c.inherited = true;
                if c.date.is_none() && !c.own_time {
                    if let Some(d) = date.filter(|d| d.value.is_some()) {
                        c.date = Some(relative_to(
                            c,
                            DateInfo {
                                field: d,
                                resolved: true,
                            },
                        ));
                    }
                }
            } else if points_back {
                for sc in self
                    .scenes
                    .iter()
                    .rev()
                    .take_while(|sc| si.saturating_sub(sc.sentence) <= LOOK_BACK)
                {
                    if sc.place_ambiguous {
                        c.place_ambiguous = true;
                        break;
                    }
                    if let Some(p) = &sc.place {
                        c.place = Some(p.clone());
                        c.inherited = true;
                        break;
                    }
                }
            }
        }
        // "Prince Faisal also met the Crown Prince at Bayan Palace": the day of the dated
        // encounter told before that one of its participants took part in.
        if c.date.is_none() && !c.own_time && c.also && c.kind != MeetingKind::Visit {
            let keys: Vec<&str> = c.parts.iter().map(|p| p.key.as_str()).collect();
            let told = (0..self.recs.len())
                .rev()
                .take_while(|&j| si.saturating_sub(self.recs[j].sentence) <= ALSO_REACH)
                .map(|j| &self.recs[j].meeting)
                .find(|m| {
                    m.kind != MeetingKind::Visit
                        && m.date.as_ref().is_some_and(|d| d.value.is_some())
                });
            if let Some(m) = told.filter(|m| {
                m.participants
                    .iter()
                    .any(|p| keys.contains(&crate::gazetteer::fold(&p.name).as_str()))
            }) {
                if let Some(d) = m.date.clone() {
                    c.date = Some(relative_to(
                        c,
                        DateInfo {
                            field: d,
                            resolved: true,
                        },
                    ));
                    c.inherited = true;
                }
            }
        }
        // Not a plan from a done event's time: "arrived on Wednesday, where she will meet X".
        let same_sentence = same_sentence.filter(|b| {
            !(c.status == MeetingStatus::Planned && b.status == MeetingStatus::Occurred)
        });
        if c.date.is_none() && !c.own_time {
            if let Some(d) = same_sentence.and_then(|b| b.date) {
                c.date = Some(relative_to(c, d));
            } else if points_back {
                let reach = if c.date_relative {
                    STORY_DAY_REACH
                } else {
                    LOOK_BACK
                };
                if let Some(d) = self
                    .scenes
                    .iter()
                    .rev()
                    .take_while(|sc| si.saturating_sub(sc.sentence) <= reach)
                    .find_map(|sc| sc.date.clone())
                {
                    c.date = Some(relative_to(c, d));
                    c.inherited = true;
                }
            }
        }
    }

    pub(super) fn finish_cand(&self, mut c: Cand, sent: ByteSpan) -> Option<Meeting> {
        c.parts
            .sort_by(|a, b| a.pos.cmp(&b.pos).then_with(|| a.key.cmp(&b.key)));
        let mut status = c.status;
        // A date after publication is still to come.
        if status == MeetingStatus::Occurred {
            if let (Some(anchor), Some(v)) = (
                self.anchor,
                c.date.as_ref().and_then(|d| d.field.value.as_ref()),
            ) {
                if v.first_day().is_some_and(|d| d > anchor) {
                    status = MeetingStatus::Planned;
                }
            }
        }
        let complete = match c.kind {
            MeetingKind::Visit => !c.parts.is_empty(),
            MeetingKind::Conference => !c.parts.is_empty(),
            _ => c.parts.len() >= 2,
        };
        let mut conf = c.strength;
        conf += if complete {
            0.2
        } else if c.group {
            0.05
        } else {
            0.0
        };
        conf += match &c.date {
            Some(d) if d.resolved => 0.1,
            Some(_) => 0.03,
            None => 0.0,
        };
        if c.place.is_some() {
            conf += 0.08;
        }
        if c.status_cue {
            conf += 0.02;
        }
        if c.indirect {
            conf -= 0.07;
        }
        if c.inherited {
            conf -= 0.05;
        }
        Some(Meeting {
            id: String::new(),
            kind: c.kind,
            status,
            participants: c.parts.into_iter().map(|p| p.part).collect(),
            location: c.place,
            date: c.date.map(|d| d.field),
            topics: c.topics,
            gathering: None,
            sources: vec![Evidence::of(self.doc, &self.index, sent)],
            confidence: round2(conf.clamp(0.05, 0.99)),
        })
    }
}

pub(super) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Merges candidates of one sentence that are one event: the same people ("hosted X, after
/// which the two presidents held talks"), or one visitor's visit told twice.
pub(super) fn merge_in_sentence(cands: &mut Vec<Cand>) {
    let mut i = 0;
    while i < cands.len() {
        let mut j = i + 1;
        while j < cands.len() {
            let (a, b) = (&cands[i], &cands[j]);
            let visits = (a.kind == MeetingKind::Visit) == (b.kind == MeetingKind::Visit);
            let mut ka: Vec<&str> = a.parts.iter().map(|p| p.key.as_str()).collect();
            let mut kb: Vec<&str> = b.parts.iter().map(|p| p.key.as_str()).collect();
            ka.sort_unstable();
            kb.sort_unstable();
            let same_people = !ka.is_empty() && ka == kb;
            let places_fit = match (&a.place, &b.place) {
                (Some(x), Some(y)) => x.name == y.name,
                _ => true,
            };
            let dates_fit = match (&a.date, &b.date) {
                (Some(x), Some(y)) => x.field.value == y.field.value,
                _ => true,
            };
            if visits && same_people && places_fit && dates_fit {
                let b = cands.remove(j);
                let a = &mut cands[i];
                if priority(b.kind) > priority(a.kind) {
                    a.kind = b.kind;
                }
                if a.place.is_none() && !a.place_ambiguous {
                    a.place = b.place;
                    a.place_ambiguous = b.place_ambiguous;
                }
                if a.date.is_none() {
                    a.date = b.date;
                    a.date_relative = b.date_relative;
                    a.relative = b.relative;
                }
                if a.status != MeetingStatus::Cancelled
                    && b.status_cue
                    && (!a.status_cue || b.status == MeetingStatus::Cancelled)
                {
                    a.status = b.status;
                    a.status_cue = true;
                }
                for t in b.topics {
                    if !a.topics.contains(&t) {
                        a.topics.push(t);
                    }
                }
                a.strength = a.strength.max(b.strength);
                a.indirect &= b.indirect;
                continue;
            }
            j += 1;
        }
        i += 1;
    }
}

/// Whether the event noun phrase starting at `np` is what a trip is for: "arrived in Doha for
/// talks with X", "arrived in Doha to hold a meeting with X", "flew to Muscat to co-chair the
/// first meeting of the council with X".
pub(super) fn serves_the_trip(s: &Sentence, np: usize) -> bool {
    const PURPOSE_VERBS: [&str; 7] = [
        "hold", "have", "chair", "co-chair", "attend", "conduct", "lead",
    ];
    np > 0
        && (s.word(np - 1) == "for"
            || (np > 1 && s.word(np - 2) == "to" && PURPOSE_VERBS.contains(&s.word(np - 1))))
}

/// Whether the event noun starting at `np` is "on/during his/her ... visit" or "for a/an ...
/// visit" after a verb of receiving at `verb` ("received X on his first visit to Y", "hosted X
/// for an official visit"): the visit is the received one's.
pub(super) fn received_on_visit(s: &Sentence, verb: usize, np: usize) -> bool {
    np >= 1
        && s.units[verb].is_wi(&[
            "received", "welcomed", "hosted", "greeted", "receives", "welcomes", "hosts", "greets",
            "host", "receive", "welcome",
        ])
        && ((s.units[np].is_wi(&["his", "her"]) && s.units[np - 1].is_wi(&["on", "during"]))
            || for_a(s, np))
}

/// Whether the noun phrase starting at `np` is "for a/an ...".
pub(super) fn for_a(s: &Sentence, np: usize) -> bool {
    np >= 1 && s.units[np].is_wi(&["a", "an"]) && s.units[np - 1].is_w("for")
}
