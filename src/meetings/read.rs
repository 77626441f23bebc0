//! One trigger read: its clause, participants, place, date, kind and topics, into a candidate
//! record.

use super::*;

/// A trigger with its clause.
#[derive(Debug, Clone)]
pub(super) struct Read {
    pub(super) t: Trigger,
    /// First unit of the clause (subject side).
    pub(super) cs: usize,
    pub(super) opener: Opener,
    /// First unit of the event noun's phrase ("A planned visit"), or the head.
    pub(super) np_start: usize,
    /// End of the object side.
    pub(super) end: usize,
    pub(super) definite: bool,
    pub(super) possessor: Option<usize>,
    /// An event noun after "for" inside a visit's clause ("pay a visit to Tokyo on Saturday
    /// for a summit with X"): an event of its own, whose subject is the visitor.
    pub(super) for_visit: bool,
}

impl<'d> Reader<'d> {
    pub(super) fn read_one(
        &mut self,
        si: usize,
        s: &Sentence,
        r: &Read,
        fronted: Option<usize>,
        next: Option<ByteSpan>,
        cands: &mut Vec<Cand>,
    ) {
        let units = s.units;
        let t = &r.t;
        let is_noun = t.form == Form::Noun;
        let mut kind = t.kind;
        // "held talks via video link", "met by video": at a distance, a call.
        if matches!(kind, MeetingKind::Meeting | MeetingKind::Talks) {
            let remote = (t.core_end..r.end.min(units.len()).saturating_sub(1)).any(|k| {
                units[k].is_wi(&["via", "by", "over"])
                    && (k + 1..(k + 3).min(r.end)).any(|j| {
                        units[j].is_wi(&[
                            "video",
                            "videolink",
                            "video-link",
                            "phone",
                            "telephone",
                            "videoconference",
                        ])
                    })
            });
            if remote {
                kind = MeetingKind::Call;
            }
        }
        // Ships and carriers do not visit.
        let subject_from = r.cs;
        let subject_to = if is_noun { r.np_start } else { t.head };
        if (subject_from..subject_to)
            .chain(r.np_start..t.head.max(r.np_start))
            .any(|k| units[k].is_wi(&SHIP_WORDS))
        {
            return;
        }
        // "After the meeting, X emphasised ...": the meeting told before, no record of its own.
        if is_noun && crate::assemble::points_back(&self.doc.text, units[t.head].span) {
            return;
        }
        // "did not meet", "will never visit": no event.
        // "have yet to hold a meeting": not so far, and no plan either.
        let negated = (t.head.saturating_sub(3)..t.head).any(|k| {
            units[k].is_wi(&["not", "never", "n't", "nt"])
                || (units[k].is_w("no") && s.word(k + 1) == "longer")
                || (units[k].is_w("yet") && s.word(k + 1) == "to")
        });
        if negated && !is_noun {
            return;
        }
        let mut indirect = false;
        // Subject.
        let takes_subject = if is_noun {
            kind != MeetingKind::Visit
                && r.np_start > 0
                && units[r.np_start - 1].word().is_some_and(|w| {
                    !is_in(&PREPOSITIONS, w) && !is_in(&SUBORD_LEFT, w) && !is_in(&REPORTING, w)
                })
        } else {
            t.has_subject
        };
        // "Following the visits of X ..., Y arrived": the fronted phrase is no subject.
        let subject_from = fronted_end(s, subject_from, subject_to);
        let mut subject: Vec<PRef> = Vec::new();
        // "In a telephone call with X, Y said ...": Y took part.
        // So does "Speaking after talks with X in Lima, Y said": a fronted phrase that holds
        // the event noun, and the main clause's subject; "In a phone call on Monday, Y told X"
        // adds the one told.
        // So does "While meeting with X, Y said" and "Meeting with X on Monday, Y said".
        let with_after = s.word(t.core_end) == "with";
        let ends_at_comma = units.get(r.end).is_some_and(|u| u.is_p(','));
        let opener_of = |p: usize| {
            (0..p)
                .rev()
                .find(|&k| is_stop_punct(&units[k]))
                .map_or(0, |k| k + 1)
        };
        let fronted_pp = is_noun
            && r.np_start > 0
            && (units[r.np_start - 1].is_wi(&["in", "during"])
                || (units[r.np_start - 1].is_wi(&["after", "following", "before", "at"])
                    && kind != MeetingKind::Visit
                    && with_after)
                || (units[r.np_start - 1].is_wi(&["while", "when"])
                    && s.word(t.head) == "meeting"
                    && with_after))
            && {
                let p = r.np_start - 1;
                let opener = opener_of(p);
                // Only the preposition, or a participle ("Speaking"), before it.
                p == opener
                    || (p == opener + 1
                        && s.word(opener).ends_with("ing")
                        && s.word(opener).len() > 4)
            }
            && ends_at_comma;
        // The participle's phrase holds no verb of its own ("Meeting with X postponed, Y says"
        // is a heading).
        let fronted_participle = is_noun
            && s.word(t.head) == "meeting"
            && with_after
            && r.np_start == opener_of(r.np_start)
            && ends_at_comma
            && (t.core_end..r.end)
                .all(|k| !s.word(k).ends_with("ed") && !is_in(&FINITE, s.word(k)));
        let fronted_pp = fronted_pp || fronted_participle;
        if fronted_pp {
            let after = (r.end + 1..(r.end + 10).min(units.len()))
                .find(|&k| units[k].is(EntityLabel::Person) || units[k].punct);
            if let Some(k) = after.filter(|&k| units[k].is(EntityLabel::Person)) {
                if let Some(p) = self.pref_of_unit(&units[k]) {
                    subject.push(p);
                }
                let told = units.get(k + 1).is_some_and(|u| {
                    u.is_wi(&["told", "assured", "urged", "asked", "thanked", "invited"])
                });
                if told {
                    if let Some(j) = person_soon(units, k + 2, 4) {
                        if let Some(p) = self.pref_of_unit(&units[j]) {
                            push_unique(&mut subject, p);
                        }
                    }
                }
            }
        }
        if takes_subject {
            subject = self.persons_in(s, subject_from, subject_to);
            // "he and Premier Li Qiang held talks": the pronoun is a participant too.
            if !subject.is_empty() {
                for k in subject_from..subject_to {
                    let coordinated = units[k].is_wi(&["he", "she"])
                        && (s.word(k + 1) == "and" || (k > subject_from && s.word(k - 1) == "and"));
                    if coordinated && !s.excluded[k] {
                        if let Some(p) = self.pronoun_referent(si, s, k) {
                            push_unique(&mut subject, p);
                            indirect = true;
                        }
                    }
                }
                // "The Foreign Secretary and Secretary Tillerson will meet": a title phrase
                // coordinated with a name stands for the holder named before.
                let and = (subject_from + 2..subject_to).find(|&k| units[k].is_w("and"));
                if let Some(a) = and.filter(|_| units[subject_from].is_wi(&["the"])) {
                    let title: Option<Vec<&str>> = (subject_from + 1..a)
                        .map(|k| {
                            units[k].word().filter(|w| {
                                !units[k].punct && units[k].label.is_none() && !is_in(&FINITE, w)
                            })
                        })
                        .collect();
                    if let Some(words) = title.filter(|w| (1..=3).contains(&w.len())) {
                        if let Some(p) =
                            self.person_by_role(&words.join(" "), units[subject_from].span.start)
                        {
                            push_unique(&mut subject, p);
                            indirect = true;
                        }
                    }
                }
            }
            if subject.is_empty() {
                if let Some((found, ind)) = self.subject_fallback(si, s, r, cands) {
                    subject = found;
                    indirect |= ind;
                }
            }
        }
        // "X and Y signed the deal after talks", "was signed by X and Y at a meeting in Lima":
        // the signers met.
        if is_noun
            && subject.is_empty()
            && !with_after
            && units[t.head].is_wi(&["talks", "meeting", "consultations"])
            && r.np_start > 0
            && units[r.np_start - 1].is_wi(&["after", "following", "at", "during"])
        {
            if let Some(signers) = self.signers_before(s, r.np_start - 1) {
                subject = signers;
            } else if r.np_start >= 2
                && units[r.np_start - 1].is_wi(&["after", "following", "during"])
                // "a meeting of NATO leaders", "a cabinet meeting": a body's meeting, not theirs.
                && s.word(t.head + 1) != "of"
                && !(r.np_start..t.head).any(|k| units[k].is_wi(&GROUP_MEETING_WORDS))
            {
                // "X and Y reconciled following a private meeting": the clause's joint subject met.
                if let Some(joint) = self.clause_subject_before(s, r.np_start - 1, false) {
                    subject = joint;
                }
            }
        }
        // "X said after talks with Y", "X sought closer ties during a meeting with Y": the
        // clause's one subject held the talks with Y.
        if is_noun
            && subject.is_empty()
            && with_after
            && kind != MeetingKind::Visit
            && r.np_start >= 2
            && units[r.np_start - 1].is_wi(&["after", "following", "during", "in", "at"])
            // "saw no point in talks with Y", "expressed interest in a meeting with Y": an
            // attitude to a meeting, not one held.
            && !(units[r.np_start - 1].is_wi(&["in", "at"]) && units[r.np_start - 2].is_wi(&ATTITUDE_NOUNS))
        {
            if let Some(one) = self.clause_subject_before(s, r.np_start - 1, true) {
                subject = one;
            }
        }
        // "pay a visit to Tokyo for a summit with X", "arrived in Hanoi for talks with X": the
        // traveller takes part, and the trip gives the place and the day.
        let mut trip: Option<usize> = None;
        if is_noun && subject.is_empty() && serves_the_trip(s, r.np_start) {
            if r.for_visit {
                if let Some(v) = cands.iter().rev().find(|c| c.kind == MeetingKind::Visit) {
                    subject = v.parts.clone();
                }
            } else if let Some(v) = (r.cs..r.np_start).find(|&k| {
                units[k].is_wi(&TRAVEL)
                    || (units[k].is_wi(&["is", "was", "are", "were"]) && s.word(k + 1) == "in")
                    || (units[k].is_w("been")
                        && k > 0
                        && matches!(s.word(k - 1), "has" | "had" | "have")
                        && s.word(k + 1) == "in")
            }) {
                if let Some(p) = self.persons_in(s, r.cs, v).into_iter().next() {
                    subject.push(p);
                    trip = Some(v);
                }
            }
        }
        // "X invited Y to visit Peru": Y is the one who would visit.
        if !is_noun && t.head >= 3 && s.word(t.head - 1) == "to" {
            let inviter = (r.cs..t.head - 1).rev().take(8).find(|&k| {
                units[k].is_wi(&[
                    "invited",
                    "invites",
                    "invite",
                    "inviting",
                    "asked",
                    "urged",
                    "encouraged",
                ])
            });
            if let Some(v) = inviter {
                let invitees = self.persons_in(s, v + 1, t.head - 1);
                if !invitees.is_empty() {
                    subject = invitees;
                }
            }
        }
        let group = (subject_from..subject_to).any(|k| {
            units[k].is_wi(&GROUP_WORDS)
                || (units[k].is_w("group") && k > 0 && units[k - 1].is_w("working"))
        });
        // Possessor: "Xi Jinping's visit", "the prime minister's visit".
        let mut owners: Vec<PRef> = Vec::new();
        if let Some(p) = r.possessor {
            let u = &units[p];
            if u.is(EntityLabel::Person) {
                // "Tillerson and Foreign Secretary Johnson's meeting": both own it (titles may
                // stand between "and" and the second name).
                let and = (p.saturating_sub(5)..p)
                    .rev()
                    .find(|&k| units[k].is_w("and"));
                let titles_only = |a: usize| {
                    (a + 1..p).all(|k| units[k].cap && units[k].label.is_none() && !units[k].punct)
                };
                let first = and
                    .filter(|&a| a >= 1 && titles_only(a))
                    .map(|a| &units[a - 1]);
                if let Some(v) = first.filter(|v| v.is(EntityLabel::Person) && !v.poss) {
                    if let Some(x) = self.pref_of_unit(v) {
                        owners.push(x);
                    }
                }
                if let Some(x) = self.pref_of_unit(u) {
                    push_unique(&mut owners, x);
                }
            } else if u.label.is_none() {
                let mut j = p;
                while j > 0
                    && units[j - 1].word().is_some_and(|w| {
                        !is_in(&DEFINITE, w) && !units[j - 1].cap && !is_in(&PREPOSITIONS, w)
                    })
                    && p - j < 4
                {
                    j -= 1;
                }
                if j > 0 && units[j - 1].is_w("the") {
                    let phrase: Vec<&str> = (j..=p).filter_map(|k| units[k].word()).collect();
                    if let Some(x) = self.person_by_role(&phrase.join(" "), units[p].span.start) {
                        owners.push(x);
                        indirect = true;
                    }
                }
            }
        }
        // "Qureshi arrived in Beijing after his visits to Afghanistan and Iran", "held a
        // meeting ... in conjunction with His Majesty's special visit to Malaysia": a visit owned
        // by a pronoun, governed by a preposition, belongs to the sentence's first person (who
        // is not just reporting). Not an apposition: "arrived in Suva on a visit, her first
        // trip to the Pacific island nation" is the same visit.
        // "His Majesty's", tagged as a person, is such a pronoun too.
        let honorific_owner = r.possessor.is_some_and(|p| {
            let text = self.text(units[p].span);
            units[p].is(EntityLabel::Person)
                && (text.starts_with("His ") || text.starts_with("Her "))
                && !crate::people::is_name(text)
        });
        // The pronoun, or the honorific, and the two words before it.
        let owner_at = if honorific_owner {
            r.possessor
        } else {
            Some(r.np_start)
        };
        let before_owner = |back: usize| {
            owner_at
                .and_then(|k| k.checked_sub(back))
                .map_or("", |k| s.word(k))
        };
        // So do bare plural visits ("arrived in Rome after visits to Spain and France"), unless
        // their visitor follows ("visits to Spain by ministers").
        let bare_visits = r.np_start == t.head
            && units[t.head].is_wi(&["visits", "trips"])
            && !(t.core_end..r.end).any(|k| units[k].is_wi(&["by", "of"]));
        // And so does another event of theirs with someone: "arrived in Astana ahead of her
        // consultations with X".
        let owned_with = kind != MeetingKind::Visit
            && with_after
            && units
                .get(r.np_start)
                .is_some_and(|u| u.is_wi(&["his", "her"]));
        if owners.is_empty()
            && (kind == MeetingKind::Visit || owned_with)
            && is_noun
            && (units
                .get(r.np_start)
                .is_some_and(|u| u.is_wi(&["his", "her"]))
                || honorific_owner
                || bare_visits)
            && (matches!(
                before_owner(1),
                "during" | "after" | "before" | "following" | "on" | "since"
            ) || (before_owner(1) == "of" && before_owner(2) == "ahead")
                || (before_owner(1) == "with" && before_owner(2) == "conjunction"))
        {
            // ... unless a verb of receiving in its own clause comes first: the one received
            // is the visitor.
            let receiving = (r.cs..r.np_start)
                .rev()
                .find(|&k| super::reader::received_on_visit(s, k, r.np_start));
            let received = receiving
                .and_then(|verb| self.persons_in(s, verb + 1, r.np_start).into_iter().next());
            let owner = received.or_else(|| self.persons_in(s, 0, r.np_start).into_iter().next());
            if let Some(first) = owner {
                owners.push(first);
                indirect = true;
            }
        }
        // "X hosted Y for an official visit", "received Y for a working visit": the one hosted
        // is the visitor (as with "on his visit" above).
        let hosted_for = kind == MeetingKind::Visit
            && is_noun
            && owners.is_empty()
            && super::reader::for_a(s, r.np_start);
        if hosted_for {
            let receiving = (r.cs..r.np_start - 1)
                .rev()
                .find(|&k| super::reader::received_on_visit(s, k, r.np_start));
            // The one received stands right after the verb, titles aside: not "received an
            // invitation from X for a state visit".
            let guest = receiving.and_then(|verb| {
                let at = (verb + 1..r.np_start - 1).find(|&k| units[k].is(EntityLabel::Person))?;
                let titles_only = (verb + 1..at).all(|k| {
                    (units[k].cap
                        || units[k].is(EntityLabel::Norp)
                        || units[k].is(EntityLabel::Org)
                        || units[k].is_wi(&["of", "the", "and"]))
                        && !units[k].is_wi(&RECEIVED_THINGS)
                        && !units[k].is_wi(&["invitation", "invitations", "from", "by"])
                });
                (titles_only && !units[at].poss).then_some(at)
            });
            if let Some(p) = guest.and_then(|at| self.pref_of_unit(&units[at])) {
                owners.push(p);
                indirect = true;
            }
        }
        // Object side.
        let mut object: Vec<PRef> = Vec::new();
        if kind == MeetingKind::Visit {
            if is_noun || t.noun.is_some() {
                // "a visit to Seoul by X", "the visit of X".
                let mut k = t.core_end;
                while k < r.end {
                    // "at the invitation of X", "on behalf of X": not the visitor.
                    let owner = k > 0
                        && units[k - 1].is_wi(&["invitation", "behalf", "request", "invitations"]);
                    if units[k].is_wi(&["by", "of"]) && !owner {
                        let found = self.persons_in(s, k + 1, r.end);
                        if let Some(first) = found.into_iter().next() {
                            object.push(first);
                        }
                        break;
                    }
                    k += 1;
                }
            }
        } else {
            object = self.persons_in(s, t.core_end, r.end);
            // "met the emir", "will meet with the Kenyan president": someone named before, by
            // the office (not the subject again).
            if object.is_empty() && !is_noun && s.word(t.core_end) == "the" {
                if let Some(p) = self.object_by_office(s, t.core_end + 1, r.end) {
                    if !subject.iter().any(|q| q.key == p.key) {
                        object.push(p);
                        indirect = true;
                    }
                }
            }
            // "held a bilateral meeting with his Omani counterpart": the one named before.
            if object.is_empty() && kind != MeetingKind::Visit {
                if let Some(p) = self.unnamed_counterpart(s, t.core_end, r.end, &subject) {
                    object.push(p);
                    indirect = true;
                }
            }
            // "X received him at the airport": the one received was named before.
            if object.is_empty() && !is_noun && matches!(s.word(t.core_end), "him" | "her") {
                if let Some(p) = self.previous_first(si, s, t.core_end) {
                    object.push(p);
                    indirect = true;
                }
            }
        }
        // Place.
        let mut place: Option<Location> = None;
        let mut place_ambiguous = false;
        // The place a "where" clause points back to, and so the clause's date.
        let mut where_from: Option<usize> = None;
        let mut where_after_done = false;
        let mut destinations: Vec<usize> = Vec::new();
        if kind == MeetingKind::Visit {
            if let Some(a) = t.arrival {
                destinations.push(named_capital(s, a));
            } else {
                let mut k = t.core_end;
                // "the first visit of an Israeli minister to Egypt": the visitor phrase stands
                // between the noun and its destination.
                if t.noun.is_some() && units.get(k).is_some_and(|u| u.is_w("of")) {
                    let reach = (k + 7).min(r.end);
                    if let Some(to) = (k + 2..reach).find(|&j| units[j].is_w("to")) {
                        let plain = units[k + 1..to].iter().all(|u| {
                            !u.punct && !u.is_place() && !u.is_wi(&["and", "or", "by", "with"])
                        });
                        if plain {
                            k = to;
                        }
                    }
                }
                if units.get(k).is_some_and(|u| u.is_wi(&["to", "of"]))
                    || (t.noun.is_some() && k < r.end)
                {
                    // "to China", or after modifiers/"to" for a noun.
                    let stop = (k + 3).min(r.end);
                    while k < stop && !units[k].is_place() {
                        if !units[k].is_wi(&["to", "of", "the"]) {
                            break;
                        }
                        k += 1;
                    }
                } else if units.get(k).is_some_and(|u| u.is_w("the")) {
                    k += 1;
                }
                while k < r.end && units[k].is_place() && !units[k].poss {
                    k = named_capital(s, k);
                    destinations.push(k);
                    k += 1;
                    // ", ", " and ", ", and ", each maybe before "the" ("Tonga, the Cook
                    // Islands and Samoa").
                    let mut next = k;
                    if units.get(next).is_some_and(|u| u.is_p(',')) {
                        next += 1;
                    }
                    if units.get(next).is_some_and(|u| u.is_w("and")) {
                        next += 1;
                    } else if [s.word(next), s.word(next + 1), s.word(next + 2)]
                        == ["as", "well", "as"]
                    {
                        next += 3;
                    }
                    if next > k && units.get(next).is_some_and(|u| u.is_w("the")) {
                        next += 1;
                    }
                    if next > k && units.get(next).is_some_and(|u| u.is_place()) {
                        k = next;
                    } else {
                        break;
                    }
                }
                // "Da Nang, Vietnam": a city and its country is one place.
                if destinations.len() == 2 {
                    let a = self.text(units[destinations[0]].span);
                    let b = self.text(units[destinations[1]].span);
                    if gazetteer::is_country(b)
                        && gazetteer::country_of_place(a) == gazetteer::canonical_country(b)
                        && !gazetteer::is_country(a)
                    {
                        destinations.truncate(1);
                    }
                }
            }
        }
        if destinations.is_empty() {
            let found = self.locative(s, t.core_end, r.end).or_else(|| {
                if is_noun {
                    None
                } else {
                    self.locative(s, r.cs, t.head)
                }
            });
            if let Some((k, ambiguous)) = found {
                if ambiguous {
                    place_ambiguous = true;
                } else {
                    place = Some(self.location_of(&units[named_capital(s, k)]));
                }
            }
            // "welcomed X to Ankara": where the guest was welcomed.
            if place.is_none() && !place_ambiguous && s.word(t.head).starts_with("welcom") {
                let to = (t.core_end..r.end.min(units.len()).saturating_sub(1)).find(|&k| {
                    units[k].is_w("to") && units[k + 1].is_place() && !units[k + 1].poss
                });
                if let Some(k) = to {
                    place = Some(self.location_of(&units[named_capital(s, k + 1)]));
                }
            }
            // "arrived in Lima on Monday for talks with X": the trip's destination.
            if let Some(v) = trip.filter(|_| place.is_none() && !place_ambiguous) {
                if s.word(v + 1) == "to" || s.word(v + 1) == "in" {
                    if let Some(u) = units.get(v + 2).filter(|u| u.is_place() && !u.poss) {
                        place = Some(self.location_of(u));
                    }
                }
            }
            // "travelled to Lima on Monday, where she met X", "is visiting China until Friday,
            // where he will meet X": the place "where" stands for.
            if let Opener::Subord(w) = r.opener {
                if place.is_none()
                    && !place_ambiguous
                    && s.word(w) == "where"
                    && kind != MeetingKind::Call
                {
                    let k = (w.saturating_sub(8)..w).rev().find(|&k| {
                        units[k].is_place()
                            && !units[k].poss
                            && k > 0
                            && units[k - 1].is_wi(&[
                                "in", "to", "at", "visiting", "visited", "visits", "touring",
                                "toured",
                            ])
                    });
                    if let Some(k) = k {
                        place = Some(self.location_of(&units[k]));
                        where_from = Some(k);
                        // "arrived in Erbil on Wednesday, where he will meet X": the clause
                        // "where" hangs on tells a journey done.
                        let before = k.saturating_sub(4)..k;
                        where_after_done = before.clone().any(|j| {
                            is_in(&PAST_WORDS, s.word(j))
                                || (s.word(j).ends_with("ed") && !units[j].cap)
                        }) && !before
                            .into_iter()
                            .any(|j| matches!(s.word(j), "will" | "would" | "shall" | "to"));
                    }
                }
            }
            // "will meet X during her visit to Lima": the visit's destination.
            if place.is_none()
                && !place_ambiguous
                && !matches!(kind, MeetingKind::Visit | MeetingKind::Call)
            {
                let from = if is_noun { t.core_end } else { r.cs };
                if let Some(k) = visit_destination(s, from, r.end) {
                    place = Some(self.location_of(&units[k]));
                }
            }
            // "in the capital", "in the Thai capital": the city that names it.
            if place.is_none() && !place_ambiguous && kind != MeetingKind::Call {
                let (a, b) = if is_noun {
                    (t.core_end, r.end)
                } else {
                    (r.cs, r.end)
                };
                place = self.capital_ref(s, a, b);
            }
            // "will travel to Beijing next week to meet X": the trip's destination.
            if place.is_none() && !place_ambiguous && !is_noun && kind != MeetingKind::Visit {
                let to = (r.cs..t.head).find(|&k| {
                    units[k].is_wi(&TRAVEL)
                        && s.word(k + 1) == "to"
                        && units.get(k + 2).is_some_and(|u| u.is_place())
                });
                if let Some(k) = to {
                    if s.word(t.head.saturating_sub(1)) == "to"
                        || (k + 3..t.head).any(|j| units[j].is_w("to"))
                    {
                        place = Some(self.location_of(&units[k + 2]));
                    }
                }
            }
        }
        // Status and date.
        let (mut status, mut status_cue) = status_of(s, r);
        // "ahead of the first summit between X and Y": an event still to come, with a time of
        // its own (not the clause's).
        let ahead = is_noun
            && r.np_start >= 2
            && ((s.word(r.np_start - 1) == "of" && s.word(r.np_start - 2) == "ahead")
                || (s.word(r.np_start - 1) == "for"
                    && s.word(r.np_start - 2).starts_with("preparation")));
        if ahead && status == MeetingStatus::Occurred {
            status = MeetingStatus::Planned;
            status_cue = true;
        }
        // "arrived in Beijing on Monday after his visits to Kabul and Tehran": an earlier event,
        // with a time of its own too.
        let earlier =
            is_noun && r.np_start >= 1 && matches!(s.word(r.np_start - 1), "after" | "following");
        // A cancelled event's date is when it was to happen, before or after the cancelling:
        // the dates stage's reading of its clause stands ("was to have brought ... on Friday").
        let tense = match status {
            MeetingStatus::Planned => Tense::Future,
            MeetingStatus::Cancelled => Tense::Unknown,
            _ if status_cue => Tense::Past,
            _ => Tense::Unknown,
        };
        let mut date: Option<DateInfo> = None;
        let mut date_relative = false;
        let mut relative: Option<(String, i64)> = None;
        // "upgraded their ties in March, during a visit to Jakarta by X": the event the visit
        // is the backdrop of dates it too.
        let during = is_noun
            && r.np_start > 0
            && (units[r.np_start - 1].is_wi(&["during", "amid"]) || trip.is_some());
        let subject_side: Vec<usize> = if let Some(k) = where_from {
            (r.cs..t.head)
                .rev()
                .chain((k..(k + 6).min(r.cs)).filter(|&j| j < r.cs))
                .collect()
        } else if during {
            (r.cs..r.np_start - 1).rev().collect()
        } else if is_noun {
            Vec::new()
        } else {
            (r.cs..t.head).rev().collect()
        };
        let object_side = t.core_end..r.end;
        // "arrived on Wednesday in Baghdad": a time inside the trigger's own words comes first.
        let inside = t.head + 1..t.core_end;
        // "an Oct. 17 meeting": the day in the noun phrase (not a duration: "a three-day visit").
        let in_phrase =
            (if is_noun { r.np_start..t.head } else { 0..0 }).filter(|&k| !is_modifier(&units[k]));
        let order = in_phrase
            .chain(inside)
            .chain(object_side)
            .chain(subject_side)
            .chain(fronted);
        for k in order {
            let Some(u) = units.get(k) else { continue };
            if !u.is(EntityLabel::Date) || s.excluded[k] {
                continue;
            }
            // "the 1950-53 Korean War": a date that modifies a name.
            if k > 0
                && s.word(k - 1) == "the"
                && units.get(k + 1).is_some_and(|v| v.cap && !v.punct)
            {
                continue;
            }
            // "arrived in Erbil on Wednesday evening, where he will meet X": the time of the
            // clause the relative hangs on is the arrival's, not the plan's.
            if where_after_done && k < r.cs && status == MeetingStatus::Planned {
                continue;
            }
            // "agreed on a roadmap on Tuesday for linking the grids by 2014, during talks": a
            // deadline in the clause the talks close is no time of theirs.
            if during && k < r.np_start && s.word(k.wrapping_sub(1)) == "by" {
                continue;
            }
            let lower = u.low.clone();
            if let Some(off) = story_offset(&lower) {
                date_relative = true;
                relative = Some((self.text(u.span).to_string(), off));
                continue;
            }
            let mut info = self.date_of(u, tense);
            if status == MeetingStatus::Cancelled {
                info = self.nearest_weekday(u, info);
            }
            let named = WEEKDAYS
                .iter()
                .chain(MONTHS.iter())
                .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w));
            if info.resolved || named {
                date = Some(info);
                break;
            }
        }
        // "X said yesterday after meeting with Y", "signed the pact on Tuesday after talks": an
        // encounter with no time of its own took place the day of the clause it follows, told
        // by the time right before "after". Not a journey's time ("arrived in Beijing on Monday
        // after his visits to Kabul": the visits were before the arrival).
        if date.is_none() && !date_relative && kind != MeetingKind::Visit {
            let from = r.np_start.min(t.head);
            let after = (from.saturating_sub(3)..from)
                .rev()
                .find(|&k| s.word(k) == "after" || s.word(k) == "following");
            let between_ok = after.is_some_and(|a| {
                (a + 1..from).all(|j| {
                    s.units[j].is_wi(&["his", "her", "their", "the", "a", "holding", "brief"])
                })
            });
            // The clause's verb before the time: not a journey's ("returned to Madrid on
            // Monday after his meeting in Lima").
            let journey = |d: usize| (d.saturating_sub(10)..d).any(|j| is_in(&TRAVEL, s.word(j)));
            if let Some(d) = after
                .filter(|_| between_ok)
                .and_then(|a| a.checked_sub(1))
                .filter(|&d| !journey(d))
            {
                let u = &units[d];
                if u.is(EntityLabel::Date) && !s.excluded[d] && story_offset(&u.low).is_none() {
                    let info = self.date_of(u, Tense::Past);
                    if info.resolved {
                        date = Some(info);
                    }
                }
            }
        }
        // "concluded a three-day visit to Kenya on Wednesday that began with his arrival in
        // Nairobi on Monday": the visit spans both days and is in the arrival city.
        let ends_visit = kind == MeetingKind::Visit && !is_noun && units[t.head].is_wi(&END_VERBS);
        if ends_visit {
            if let Some((span, arrival)) = self.visit_span(s, r, &date) {
                if let Some(a) = arrival {
                    let inside = destinations.iter().all(|&d| {
                        let dest = self.text(units[d].span);
                        gazetteer::country_of_place(self.text(units[a].span))
                            == gazetteer::canonical_country(dest)
                                .or_else(|| gazetteer::country_of_place(dest))
                    });
                    if inside && destinations.len() <= 1 {
                        destinations = vec![a];
                    }
                }
                if let Some(span) = span {
                    date = Some(span);
                }
            }
        }
        let visit_days = if kind == MeetingKind::Visit {
            visit_days(units, r.np_start.min(t.head), r.end)
        } else {
            None
        };
        // A noun visit needs a place or a date of its own ("Lam praised Dong Jun's visit" is
        // not a record).
        if is_noun
            && kind == MeetingKind::Visit
            && destinations.is_empty()
            && place.is_none()
            && date.is_none()
        {
            return;
        }
        let topics = topics_after(s, t, r.end.max(t.core_end));
        let parties = if is_noun || t.noun.is_some() {
            (r.cs..r.end)
                .filter(|&k| {
                    units[k].is(EntityLabel::Gpe) && gazetteer::is_country(self.text(units[k].span))
                })
                .count()
        } else {
            0
        };
        // Participants by kind.
        let mut cands_here: Vec<Cand> = Vec::new();
        let base = Cand {
            kind,
            status,
            parts: Vec::new(),
            indirect,
            group,
            place,
            place_ambiguous,
            date,
            date_relative,
            relative,
            inherited: false,
            topics,
            strength: t.strength,
            subject: subject.clone(),
            status_cue,
            own_time: ahead || earlier,
            visit_days,
            ends_visit,
            venue: has_venue(s, r.cs.min(r.np_start), r.end),
            during_visit: during_unplaced_visit(s, 0, r.end),
            also: !is_noun && t.head > 0 && units[t.head - 1].is_w("also"),
        };
        if kind == MeetingKind::Visit {
            let mut visitors = subject.clone();
            for o in owners.iter().chain(object.iter()) {
                push_unique(&mut visitors, o.clone());
            }
            if visitors.is_empty() && !group {
                return;
            }
            // "X and Y are expected in Kenya for official visits": a visit each.
            let groups = if t.each {
                visitors.iter().map(|v| vec![v.clone()]).collect()
            } else {
                vec![visitors]
            };
            for visitors in &groups {
                if destinations.is_empty() {
                    cands_here.push(Cand {
                        parts: visitors.clone(),
                        ..base.clone()
                    });
                }
                for &d in &destinations {
                    let loc = self.location_of(&units[d]);
                    cands_here.push(Cand {
                        parts: visitors.clone(),
                        place: Some(loc),
                        ..base.clone()
                    });
                }
            }
            let visitors = groups.concat();
            // "X visited Vietnam soon after President Biden": Biden visited too.
            if let Some(other) = self.elided_visitor(s, r) {
                if !visitors.iter().any(|v| v.key == other.key) {
                    let place = cands_here.first().and_then(|c| c.place.clone());
                    cands_here.push(Cand {
                        parts: vec![other],
                        place,
                        date: None,
                        strength: 0.4,
                        ..base.clone()
                    });
                }
            }
        } else {
            let mut all = subject.clone();
            for o in owners.iter() {
                push_unique(&mut all, o.clone());
            }
            // "met X and Y separately", "held separate meetings with X and Y", "will hold
            // bilateral meetings with X and Y": one meeting each.
            let noun_at = t.noun.unwrap_or(t.head);
            let several = units.get(noun_at).is_some_and(|u| u.is_w("meetings"))
                || (noun_at.saturating_sub(3)..noun_at).any(|k| units[k].is_w("separate"));
            let separately = ((t.core_end..r.end).any(|k| units[k].is_w("separately")) || several)
                && object.len() >= 2;
            // "met X on Monday and Y on Tuesday": two meetings, each with its day.
            let dated = if separately || object.len() < 2 {
                None
            } else {
                self.dated_objects(s, r, &object, tense)
            };
            if let Some(dated) = dated {
                for (o, d) in dated {
                    let mut parts = all.clone();
                    push_unique(&mut parts, o);
                    cands_here.push(Cand {
                        parts,
                        date: Some(d),
                        ..base.clone()
                    });
                }
            } else if separately {
                for o in &object {
                    let mut parts = all.clone();
                    push_unique(&mut parts, o.clone());
                    cands_here.push(Cand {
                        parts,
                        ..base.clone()
                    });
                }
            } else {
                for o in object {
                    push_unique(&mut all, o);
                }
                // "The meeting was attended by X and Y": those present at the encounter told
                // before, who are no participants of a new one.
                let attended = is_noun
                    && r.definite
                    && matches!(s.word(t.core_end), "was" | "were")
                    && s.word(t.core_end + 1) == "attended"
                    && s.word(t.core_end + 2) == "by";
                if attended && subject.is_empty() {
                    self.amend(si, s, r);
                    return;
                }
                // A definite event noun with nobody named is a back-reference ("the talks",
                // "during their meeting in Beijing"): it may fill the place or date of the
                // meeting it points to, and makes no record.
                if all.is_empty() && is_noun && !group {
                    if r.definite || r.possessor.is_some() {
                        self.amend(si, s, r);
                    }
                    if parties >= 2 && kind != MeetingKind::Conference {
                        if let Some(named) = next.and_then(|n| self.delegation_heads(n)) {
                            let c = Cand {
                                parts: named,
                                indirect: true,
                                ..base.clone()
                            };
                            cands.push(c);
                            return;
                        }
                    }
                    if !r.definite
                        && r.possessor.is_none()
                        && (self.summit_of_countries(s, r) || self.officials_of_countries(s, r))
                    {
                        match self.officials_named(s, r) {
                            Some(parts) => cands.push(Cand {
                                parts,
                                indirect: true,
                                ..base.clone()
                            }),
                            None => cands.push(Cand {
                                strength: 0.35,
                                ..base.clone()
                            }),
                        }
                    }
                    return;
                }
                if all.is_empty() && !group {
                    // "Japan is to host a summit with South Korea and China", "the foreign
                    // ministers of Iran and Saudi Arabia met": kept unnamed.
                    let summit = kind == MeetingKind::Meeting && self.summit_of_countries(s, r);
                    let officials = !summit
                        && matches!(kind, MeetingKind::Meeting | MeetingKind::Talks)
                        && self.officials_of_countries(s, r);
                    if summit || officials {
                        match self.officials_named(s, r).filter(|_| officials) {
                            Some(parts) => cands.push(Cand {
                                parts,
                                indirect: true,
                                ..base.clone()
                            }),
                            None => cands.push(Cand {
                                strength: 0.35,
                                ..base.clone()
                            }),
                        }
                    }
                    return;
                }
                cands_here.push(Cand {
                    parts: all,
                    ..base.clone()
                });
            }
        }
        for c in cands_here {
            let enough = match c.kind {
                MeetingKind::Visit => !c.parts.is_empty() || c.group,
                MeetingKind::Conference => !c.parts.is_empty() || c.group,
                // One named person and counterparts the text leaves unnamed.
                MeetingKind::Meeting | MeetingKind::Talks
                    if c.parts.len() == 1 && self.counterparts_by_office(s, r) =>
                {
                    true
                }
                // An unnamed summit of countries (see `summit_of_countries`).
                _ => c.parts.len() >= 2 || (c.parts.is_empty() && c.strength <= 0.35),
            };
            if enough {
                cands.push(c);
            }
        }
    }

    /// The objects of a verb that each come with a date of their own ("met X on Monday and Y
    /// on Tuesday"), with those dates; `None` unless every object has one and they differ.
    pub(super) fn dated_objects(
        &mut self,
        s: &Sentence,
        r: &Read,
        object: &[PRef],
        tense: Tense,
    ) -> Option<Vec<(PRef, DateInfo)>> {
        let units = s.units;
        let starts: Vec<usize> = object
            .iter()
            .map(|o| (r.t.core_end..r.end).find(|&k| units[k].span.start == o.pos))
            .collect::<Option<Vec<_>>>()?;
        let mut out = Vec::new();
        for (i, o) in object.iter().enumerate() {
            let until = starts.get(i + 1).copied().unwrap_or(r.end);
            let d = (starts[i] + 1..until).find(|&k| units[k].is(EntityLabel::Date))?;
            let info = self.date_of(&units[d], tense);
            if !info.resolved {
                return None;
            }
            out.push((o.clone(), info));
        }
        let distinct = out
            .windows(2)
            .all(|w| w[0].1.field.value != w[1].1.field.value);
        distinct.then_some(out)
    }

    /// Whether the trigger's clause is a summit of countries whose leaders go unnamed: "a summit
    /// between Japan and China", "(Japan) is to host a summit with South Korea and China" — a
    /// summit word in the trigger's phrase, and two or more countries in the sentence up to
    /// the clause's end, one of them after "with" / "between" / "of".
    pub(super) fn summit_of_countries(&self, s: &Sentence, r: &Read) -> bool {
        let units = s.units;
        let t = &r.t;
        let summit = (t.head..t.core_end.max(t.head + 1) + 4).any(|k| {
            units
                .get(k)
                .is_some_and(|u| u.is_wi(&["summit", "summits"]))
        });
        if !summit {
            return false;
        }
        let mut countries: Vec<&str> = Vec::new();
        let mut after_with = false;
        let mut linked = false;
        for k in 0..r.end.min(units.len()) {
            let u = &units[k];
            if u.is_wi(&["with", "between", "of"]) && k >= t.head {
                linked = true;
            }
            if u.is(EntityLabel::Gpe) && !u.poss && !s.excluded[k] {
                if let Some(c) = gazetteer::canonical_country(self.text(u.span)) {
                    if !countries.contains(&c) {
                        countries.push(c);
                    }
                    after_with |= linked;
                }
            }
        }
        countries.len() >= 2 && after_with
    }

    /// Counterparts the trigger's object names only by office: "held talks in Pristina with
    /// executives of Bechtel-Enka", "met German officials", "a meeting with his EU
    /// counterparts". The office word comes within a few words after the trigger or a "with"
    /// in its clause, with no person named in between.
    pub(super) fn counterparts_by_office(&self, s: &Sentence, r: &Read) -> bool {
        let units = s.units;
        let end = r.end.min(units.len());
        let starts = std::iter::once(r.t.core_end)
            .chain((r.t.core_end..end).filter(|&k| units[k].is_w("with")));
        for from in starts {
            for k in from..(from + 5).min(end) {
                // A person, a comma ("held talks in Geneva, officials said") or an aside ends
                // the object.
                if units[k].is(EntityLabel::Person) || s.excluded[k] || units[k].is_p(',') {
                    break;
                }
                let reported = units
                    .get(k + 1)
                    .is_some_and(|u| u.is_wi(&["said", "say", "says", "told"]));
                if (units[k].is_wi(&OFFICE_PLURALS) || units[k].is_wi(&COUNTERPART_PLURALS))
                    && !reported
                {
                    return true;
                }
            }
        }
        false
    }

    /// Whether the trigger's clause names unnamed officials of two or three countries: "the
    /// foreign ministers of Iran and Saudi Arabia held a meeting", "Iranian and Saudi officials
    /// met", "a meeting between the defence ministers of A and B". The countries are places or
    /// nationalities in the clause; the office word is a plural ([`OFFICE_PLURALS`]).
    pub(super) fn officials_of_countries(&self, s: &Sentence, r: &Read) -> bool {
        let units = s.units;
        // Not in the headline (the body names them), not when anyone in the sentence is named
        // (they are the meeting's people), not "meetings" in general.
        let in_headline = self.doc.headline.is_some_and(|h| {
            units
                .first()
                .is_some_and(|u| h.start <= u.span.start && u.span.start < h.end)
        });
        if in_headline
            || units.iter().any(|u| u.is(EntityLabel::Person))
            || units.get(r.t.head).is_some_and(|u| u.is_w("meetings"))
        {
            return false;
        }
        let clause = r.cs.min(r.np_start)..r.end.min(units.len());
        let Some(office) = clause
            .clone()
            .find(|&k| units[k].is_wi(&OFFICE_PLURALS) && !s.excluded[k])
        else {
            return false;
        };
        // The countries whose officials they are: next to the office word ("Iranian and Saudi
        // officials", "the ministers of Iran and Saudi Arabia"), two or three of them (a longer
        // list is a multilateral gathering's membership).
        let near = office.saturating_sub(6).max(clause.start)..(office + 7).min(clause.end);
        self.countries_in(s, near).len() >= 2 && self.countries_in(s, clause).len() <= 3
    }
}

impl Reader<'_> {
    /// The countries named in units `range` (places and nationalities, not excluded), each once,
    /// in text order.
    pub(super) fn countries_in(
        &self,
        s: &Sentence,
        range: std::ops::Range<usize>,
    ) -> Vec<&'static str> {
        let mut countries: Vec<&'static str> = Vec::new();
        for k in range {
            let u = &s.units[k];
            if s.excluded[k] {
                continue;
            }
            let text = self.text(u.span);
            let country = if u.is(EntityLabel::Gpe) {
                gazetteer::canonical_country(text)
            } else if u.is(EntityLabel::Norp) {
                gazetteer::country_of_demonym(text)
            } else {
                None
            };
            if let Some(c) = country.filter(|c| !countries.contains(c)) {
                countries.push(c);
            }
        }
        countries
    }

    /// The officials "the foreign ministers of Peru and Chile" stand for when the article named
    /// them before: for each country, the person of that country whose role fits the office
    /// and its qualifier ("foreign minister"); `None` unless every country has one.
    pub(super) fn officials_named(&mut self, s: &Sentence, r: &Read) -> Option<Vec<PRef>> {
        let units = s.units;
        let clause = r.cs.min(r.np_start)..r.end.min(units.len());
        let office = clause
            .clone()
            .find(|&k| units[k].is_wi(&OFFICE_PLURALS) && !s.excluded[k])?;
        // The office with its qualifier: "foreign ministers", "defence chiefs".
        let mut words: Vec<String> = Vec::new();
        let mut k = office;
        while k > clause.start && office - k < 2 {
            let Some(w) = units[k - 1].word() else { break };
            if is_in(&DEFINITE, w)
                || matches!(w, "a" | "an" | "two" | "both" | "and" | "of")
                || units[k - 1].cap
            {
                break;
            }
            words.insert(0, w.to_string());
            k -= 1;
        }
        // An office with no qualifier ("the ministers of A and B") could be anyone's.
        if words.is_empty() {
            return None;
        }
        words.push(units[office].word()?.to_string());
        let near = office.saturating_sub(6).max(clause.start)..(office + 7).min(clause.end);
        let countries = self.countries_in(s, near);
        if !(2..=3).contains(&countries.len()) {
            return None;
        }
        let pos = units[office].span.start;
        let mut parts: Vec<PRef> = Vec::new();
        for (i, country) in countries.into_iter().enumerate() {
            let p = self.person_described(&words, Some(country), pos + i)?;
            if parts.iter().any(|q| q.key == p.key) {
                return None;
            }
            parts.push(p);
        }
        Some(parts)
    }
}

/// The phrase of an event noun: its first unit, whether it is definite, and its possessor.
pub(super) fn noun_phrase(units: &[Unit], noun: usize) -> (usize, bool, Option<usize>) {
    let mut start = noun;
    let mut definite = false;
    let mut possessor = None;
    while start > 0 && noun - start < 6 {
        let u = &units[start - 1];
        if u.poss {
            possessor = Some(start - 1);
            definite = true;
            break;
        }
        if let Some(w) = u.word() {
            if is_in(&DEFINITE, w) {
                definite = true;
                start -= 1;
                break;
            }
            if matches!(w, "a" | "an") {
                start -= 1;
                break;
            }
            // Modifiers in pairs: "his official and working visit".
            let paired = w == "and"
                && start >= 2
                && is_modifier(&units[start - 2])
                && is_modifier(&units[start]);
            if is_modifier(u)
                || paired
                || (!u.cap
                    && !is_in(&PREPOSITIONS, w)
                    && !is_in(&FINITE, w)
                    && !is_in(&REPORTING, w)
                    && !is_in(&SUBORD_LEFT, w)
                    && !w.ends_with("ed")
                    && !is_in(&["called", "off"], w))
            {
                start -= 1;
                continue;
            }
            break;
        }
        // "a [Chinese|NORP] delegation", "Kenyatta's [three-day|DATE] state visit"; "an [Oct.
        // 17|DATE] meeting": the day it was held, right after the article.
        let day_after_article = u.is(EntityLabel::Date)
            && start >= 2
            && (units[start - 2].is_wi(&["a", "an", "the"]) || units[start - 2].poss);
        if u.is(EntityLabel::Norp)
            || u.is(EntityLabel::Gpe)
            || u.is_p('-')
            || is_modifier(u)
            || day_after_article
        {
            start -= 1;
            continue;
        }
        break;
    }
    (start, definite, possessor)
}

/// Topics after the trigger: "discussed X, Y and Z", "talks on X", "exchange views on X",
/// "cooperation in X".
pub(super) fn topics_after(s: &Sentence, t: &Trigger, end: usize) -> Vec<String> {
    let units = s.units;
    let n = units.len();
    let from = t.core_end;
    // The clause, and a verb coordinated with the trigger's ("held talks ... and discussed").
    let limit =
        if t.form != Form::Noun && s.word(end) == "and" && is_in(&TOPIC_VERBS, s.word(end + 1)) {
            end + 2
        } else {
            end
        }
        .min(n);
    let on_after = matches!(t.kind, MeetingKind::Talks | MeetingKind::Call);
    let mut start = None;
    let mut k = from;
    while k < limit {
        let w = s.word(k);
        if is_in(&TOPIC_VERBS, w) {
            start = Some(k + 1);
            break;
        }
        if w == "on" && ((k == from && on_after) || matches!(s.word(k.saturating_sub(1)), "views"))
        {
            start = Some(k + 1);
            break;
        }
        if matches!(w, "in" | "on") && s.word(k.saturating_sub(1)) == "cooperation" {
            start = Some(k + 1);
            break;
        }
        if is_stop_punct(&units[k]) {
            break;
        }
        k += 1;
    }
    let Some(start) = start else {
        return Vec::new();
    };
    let mut items: Vec<Vec<usize>> = vec![Vec::new()];
    let mut k = start;
    while k < n {
        let u = &units[k];
        if is_stop_punct(u) || u.is_p('(') {
            break;
        }
        if let Some(w) = u.word() {
            if is_in(&SUBORD_RIGHT, w)
                || is_in(&REPORTING, w)
                || matches!(w, "with" | "between" | "which" | "that" | "while")
            {
                break;
            }
            if matches!(w, "and" | "or") {
                if s.is_verbish(k + 1) {
                    break;
                }
                items.push(Vec::new());
                k += 1;
                continue;
            }
        }
        if u.is_p(',') {
            let first = s.word(k + 1);
            if first.ends_with("ing") && first.len() > 4 {
                break;
            }
            items.push(Vec::new());
            k += 1;
            continue;
        }
        if u.is(EntityLabel::Date) || u.is(EntityLabel::Person) {
            break;
        }
        if let Some(last) = items.last_mut() {
            last.push(k);
        }
        k += 1;
    }
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let mut words: Vec<&str> = item
            .iter()
            .filter_map(|&k| {
                let u = &units[k];
                if u.punct && !u.is_p('-') {
                    None
                } else {
                    Some(u.low.as_str())
                }
            })
            .collect();
        while words.first().is_some_and(|w| {
            is_in(
                &[
                    "the", "a", "an", "their", "its", "his", "her", "various", "issues", "areas",
                    "fields",
                ],
                w,
            ) && words.len() > 1
        }) {
            if matches!(words[0], "issues" | "areas" | "fields") && words.get(1) != Some(&"of") {
                break;
            }
            words.remove(0);
            if words.first() == Some(&"of") {
                words.remove(0);
            }
        }
        if let Some(p) = words
            .iter()
            .position(|w| is_in(&["of", "for", "in", "on", "to", "between", "with"], w))
        {
            let head = &words[..p];
            let generic = head.len() == 1
                && is_in(
                    &[
                        "possibility",
                        "ways",
                        "issue",
                        "issues",
                        "matters",
                        "prospects",
                        "question",
                        "situation",
                        "spectrum",
                        "development",
                    ],
                    head[0],
                );
            words = if generic {
                words[p + 1..].to_vec()
            } else {
                head.to_vec()
            };
        }
        while words.first().is_some_and(|w| is_in(&["the", "a", "an"], w)) {
            words.remove(0);
        }
        let only_names = item
            .iter()
            .all(|&k| units[k].label.is_some() || units[k].punct);
        if words.is_empty()
            || words.len() > 5
            || only_names
            || (words.len() == 1
                && is_in(
                    &["sidelines", "sideline", "occasion", "way", "it", "them"],
                    words[0],
                ))
        {
            continue;
        }
        let topic = words.join(" ").replace(" - ", "-");
        if !out.contains(&topic) && out.len() < 8 {
            out.push(topic);
        }
    }
    out
}
