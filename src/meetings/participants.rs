//! Participants: the people of a clause, pronouns and plural anaphors resolved, descriptions
//! ("the Omani minister") matched to people, and tagger slips repaired where a person must stand.

use super::*;

/// Where `person` was last mentioned before `pos`, if anywhere.
fn last_mention_before(person: &crate::people::Person, pos: usize) -> Option<usize> {
    person
        .mentions
        .iter()
        .filter(|m| m.start < pos)
        .map(|m| m.start)
        .max()
}

impl<'d> Reader<'d> {
    pub(super) fn person_name(&mut self, idx: usize) -> String {
        if let Some(Some(n)) = self.names.get(idx) {
            return n.clone();
        }
        let doc = self.doc;
        let p = &doc.people[idx];
        let mut name = p.name.clone();
        // A name the tagger cut at a hyphen: "Moon Jae-" + "in".
        for m in &p.mentions {
            let t = self.text(*m);
            if t.len() > 1 && t.ends_with('-') {
                let rest: String = doc.text[m.end..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                if !rest.is_empty()
                    && gazetteer::fold(t.trim_end_matches('-')) == gazetteer::fold(&name)
                {
                    name = format!("{t}{rest}");
                    break;
                }
            }
        }
        // A country word swallowed into the name: "China Xi Jinping".
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 3 && gazetteer::canonical_country(words[0]).is_some() {
            name = words[1..].join(" ");
        }
        if let Some(slot) = self.names.get_mut(idx) {
            *slot = Some(name.clone());
        }
        name
    }

    pub(super) fn pref_of_person(&mut self, idx: usize, pos: usize) -> Option<PRef> {
        let p = self.doc.people.get(idx)?;
        // A ship or an exercise the tagger read as a person takes part in nothing.
        if p.vessel {
            return None;
        }
        let (role, country, organization) =
            (p.role.clone(), p.country.clone(), p.organization.clone());
        let name = self.person_name(idx);
        if name.trim().is_empty() {
            return None;
        }
        Some(PRef {
            key: gazetteer::fold(&name),
            pos,
            part: Participant {
                name,
                role,
                country,
                organization,
            },
        })
    }

    /// The participant a PERSON unit names.
    pub(super) fn pref_of_unit(&mut self, u: &Unit) -> Option<PRef> {
        if let Some(idx) = person_at(&self.doc.people, u.span) {
            return self.pref_of_person(idx, u.span.start);
        }
        let name = self.text(u.span).trim().trim_end_matches('-').to_string();
        // "His", "Crown Prince": the tagger's PERSON holds no name.
        if name.is_empty() || !name.chars().any(char::is_alphabetic) || !people::is_name(&name) {
            return None;
        }
        Some(PRef {
            key: gazetteer::fold(&name),
            pos: u.span.start,
            part: Participant {
                name,
                role: None,
                country: None,
                organization: None,
            },
        })
    }

    /// Whether a PERSON unit's text holds more than its person's name: a title or honorific
    /// the tagger left inside ("Amir Sheikh Tamim bin Hamad").
    pub(super) fn titled_span(&self, u: &Unit) -> bool {
        let Some(idx) = person_at(&self.doc.people, u.span) else {
            return false;
        };
        let raw = gazetteer::fold(self.text(u.span));
        let name = gazetteer::fold(&self.doc.people[idx].name);
        raw.len() > name.len()
            && raw.ends_with(&name)
            && raw.split_whitespace().count() > name.split_whitespace().count()
    }

    /// A one-word entity of another label that is the surname of a person named before it
    /// ("between Kim and Trump" with Kim tagged as a place): that person.
    pub(super) fn person_like(&mut self, u: &Unit) -> Option<PRef> {
        let untagged_name = u.label.is_none() && !u.punct && u.cap;
        if !untagged_name
            && !matches!(
                u.label,
                Some(EntityLabel::Gpe | EntityLabel::Org | EntityLabel::Norp | EntityLabel::Loc)
            )
        {
            return None;
        }
        let t = self.text(u.span);
        if t.contains(char::is_whitespace)
            || !t.starts_with(char::is_uppercase)
            || t.len() < 2
            || gazetteer::canonical_country(t).is_some()
        {
            return None;
        }
        let key = gazetteer::fold(t);
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in self.doc.people.iter().enumerate() {
            let words: Vec<String> = p.name.split_whitespace().map(gazetteer::fold).collect();
            if words.len() < 2 || !words.contains(&key) {
                continue;
            }
            // The latest mention before it, else the first after it.
            let before = p
                .mentions
                .iter()
                .filter(|m| m.start < u.span.start)
                .map(|m| m.start)
                .max();
            let rank = match before {
                Some(m) => Some(m + self.doc.text.len()),
                None => p
                    .mentions
                    .iter()
                    .map(|m| m.start)
                    .min()
                    .map(|m| self.doc.text.len().saturating_sub(m)),
            };
            if let Some(r) = rank {
                if best.is_none_or(|(b, _)| r > b) {
                    best = Some((r, i));
                }
            }
        }
        let (_, idx) = best?;
        self.pref_of_person(idx, u.span.start)
    }

    /// The person whose role is `phrase` ("prime minister", "Amir"), most recently named before
    /// `pos`; failing that, the one a looser description fits (see [`Reader::person_described`]).
    pub(super) fn person_by_role(&mut self, phrase: &str, pos: usize) -> Option<PRef> {
        let key = gazetteer::fold(phrase);
        if key.is_empty() {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in self.doc.people.iter().enumerate() {
            if p.role.as_deref().map(gazetteer::fold).as_deref() != Some(key.as_str()) {
                continue;
            }
            let Some(m) = last_mention_before(p, pos) else {
                continue;
            };
            if best.is_none_or(|(b, _)| m > b) {
                best = Some((m, i));
            }
        }
        match best {
            Some((_, idx)) => self.pref_of_person(idx, pos),
            None => {
                let words: Vec<String> = key.split_whitespace().map(str::to_string).collect();
                self.person_described(&words, None, pos)
            }
        }
    }

    /// The person a definite description stands for ("the Omani minister", "the Mongolian
    /// leader", "the foreign minister"): the most recently named person before `pos` whose
    /// role has the description's head noun ("minister"; "premier" also fits "prime minister";
    /// "leader" fits any role) and its other words, and whose country is `country` when the
    /// description names one.
    pub(super) fn person_described(
        &mut self,
        words: &[String],
        country: Option<&str>,
        pos: usize,
    ) -> Option<PRef> {
        let best = self.described(words, country, pos).into_iter().next()?;
        self.pref_of_person(best, pos)
    }

    /// The people (indices, latest mention first) that a description fits; see
    /// [`Reader::person_described`].
    pub(super) fn described(
        &self,
        words: &[String],
        country: Option<&str>,
        pos: usize,
    ) -> Vec<usize> {
        static IDLE: LazyLock<Vec<&str>> = words!("meetings/idle_description_words.txt");
        let Some(head) = words.last().map(|w| singular(w)) else {
            return Vec::new();
        };
        let rest: Vec<&str> = words[..words.len() - 1]
            .iter()
            .map(String::as_str)
            .filter(|w| !is_in(&IDLE, w))
            .collect();
        let found = self.described_from(&head, &rest, country, false, pos);
        if !found.is_empty() || country.is_none() {
            return found;
        }
        // "the Polish leader" after "President Andrzej Duda": someone whose country the text
        // never gives may be the one described, when nobody of that country fits.
        self.described_from(&head, &rest, country, true, pos)
    }

    /// See [`Reader::described`]; `unknown_country`: people of no known country also fit.
    fn described_from(
        &self,
        head: &str,
        rest: &[&str],
        country: Option<&str>,
        unknown_country: bool,
        pos: usize,
    ) -> Vec<usize> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (i, p) in self.doc.people.iter().enumerate() {
            let Some(last) = last_mention_before(p, pos) else {
                continue;
            };
            let country_fits =
                p.country.as_deref() == country || (unknown_country && p.country.is_none());
            if country.is_some() && !country_fits {
                continue;
            }
            let Some(role) = p.role.as_deref().map(gazetteer::fold) else {
                continue;
            };
            let role_words: Vec<&str> = role.split_whitespace().collect();
            let head_fits = match head {
                "leader" | "head" => true,
                "premier" => role_words.contains(&"premier") || role.contains("prime minister"),
                h => role_words.contains(&h),
            };
            if head_fits && rest.iter().all(|w| role_words.contains(w)) {
                found.push((last, i));
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.into_iter().map(|(_, i)| i).collect()
    }

    /// People named in units `from..to` of the sentence (not in excluded parts): PERSON units,
    /// and surnames tagged as something else when they stand in a list of people.
    /// The two or more people who signed in the clause that ends at `at`: the subject of
    /// "signed" ("X and Y signed the deal in Astana"), or its agents ("was signed by X and Y").
    pub(super) fn signers_before(&mut self, s: &Sentence, at: usize) -> Option<Vec<PRef>> {
        let units = s.units;
        let floor = clause_floor(s, at);
        let verb = (floor..at)
            .rev()
            .find(|&k| units[k].is_wi(&["signed", "inked"]))?;
        let signers = if s.word(verb + 1) == "by" {
            // The agents end at a preposition ("by X and Y in Dresden"); "and" joins them.
            let end = (verb + 2..at)
                .find(|&k| {
                    s.word(k) != "and" && (units[k].is_p(';') || is_in(&PREPOSITIONS, s.word(k)))
                })
                .unwrap_or(at);
            self.persons_in(s, verb + 2, end)
        } else {
            self.persons_in(s, floor, verb)
        };
        (signers.len() >= 2).then_some(signers)
    }

    /// The people named as the subject of the clause that an event noun at `at` closes ("X
    /// and Y reconciled following a two-hour meeting", "X and Y discussed trade during their
    /// meeting", "X said after talks with Y"): the names that open the clause, with their
    /// titles and "and", before its first lowercase word. Two or more joined by "and"; one
    /// when `alone` (the noun names the other: "talks with Y").
    pub(super) fn clause_subject_before(
        &mut self,
        s: &Sentence,
        at: usize,
        alone: bool,
    ) -> Option<Vec<PRef>> {
        let units = s.units;
        let floor = clause_floor(s, at);
        let lowercase = |k: usize| {
            let u = &units[k];
            let w = u.word()?;
            // The sentence's first word is capitalised whatever it is ("After", "The").
            let opener = k == floor && (is_in(&PREPOSITIONS, w) || is_in(&SUBORD_LEFT, w));
            Some((!u.cap || opener) && !matches!(w, "and" | "of" | "the"))
        };
        let end = (floor..at).find(|&k| lowercase(k) == Some(true))?;
        if end == floor {
            return None;
        }
        let mut people = self.persons_in(s, floor, end);
        // "X said after talks with Y": a speaker is no participant to `persons_in`, but here
        // the speaker held the talks.
        if alone && people.is_empty() && is_in(&REPORTING, s.word(end)) {
            let speaker = (floor..end)
                .rev()
                .find(|&k| units[k].is(EntityLabel::Person) && !s.excluded[k]);
            people.extend(speaker.and_then(|k| self.pref_of_unit(&units[k])));
        }
        let joined = (floor..end).any(|k| s.word(k) == "and");
        // Two who acted together ("discussed", "reconciled"), not two who were acted on or
        // acted apart ("were arrested", "resigned").
        static JOINT_VERBS: LazyLock<Vec<&str>> = words!("meetings/joint_verbs.txt");
        let enough = if alone {
            people.len() == 1
        } else {
            people.len() >= 2 && joined && is_in(&JOINT_VERBS, s.word(end))
        };
        enough.then_some(people)
    }

    pub(super) fn persons_in(&mut self, s: &Sentence, from: usize, to: usize) -> Vec<PRef> {
        let mut out: Vec<PRef> = Vec::new();
        let to = to.min(s.units.len());
        for k in from..to {
            if s.excluded[k] {
                continue;
            }
            let u = &s.units[k];
            let prev = if k > 0 { s.word(k - 1) } else { "" };
            let next = s.word(k + 1);
            if is_in(&REPORTING, next) && !u.poss {
                continue; // "Kang said"
            }
            if u.is(EntityLabel::Person) {
                if prev == "the" && !u.poss {
                    // "the Amir": a title the tagger took for a name stands for its holder.
                    let t = self.text(u.span);
                    if !people::is_name(t) {
                        if let Some(p) = self.person_by_role(t, u.span.start) {
                            push_unique(&mut out, p);
                        }
                        continue;
                    }
                    // "the [Amir Sheikh Tamim ...]": "the" goes with a title inside the span.
                    if !self.titled_span(u) {
                        continue; // "the Carl Vinson": a ship or a thing named after a person
                    }
                }
                if names_a_site(s, k) {
                    continue; // "at [Wisma Putra] in Kuching", "the Yntymak [Ordo] residence"
                }
                // "met Y and his wife Z", "accompanied by first lady Z": a spouse along with
                // someone already named is company ("met with First Lady Z" is not).
                let before = |n: usize| if k >= n { s.word(k - n) } else { "" };
                let companion = is_in(&SPOUSE_WORDS, prev)
                    && (matches!(before(2), "his" | "her" | "their")
                        || (2..=5).any(|n| before(n) == "accompanied"));
                if companion
                    && (!out.is_empty() || s.units[..k].iter().any(|v| v.is(EntityLabel::Person)))
                {
                    continue;
                }
                // "Minister of Industry and [Trade] [Ho Thanh Hung]": a title word tagged as a name.
                let glued = s
                    .units
                    .get(k + 1)
                    .is_some_and(|v| v.is(EntityLabel::Person))
                    && !u.poss;
                if glued || is_in(&TITLE_WORDS, &u.low) {
                    continue;
                }
                if let Some(p) = self.pref_of_unit(u) {
                    push_unique(&mut out, p);
                }
            } else if (u.label.is_some() || (u.cap && !u.punct))
                && !u.poss
                && u.label != Some(EntityLabel::Date)
            {
                // A surname the tagger missed or took for a place: only where a person stands.
                let listed = matches!(
                    prev,
                    "and"
                        | "between"
                        | "with"
                        | "by"
                        | "on"
                        | "upon"
                        | "met"
                        | "meet"
                        | "meets"
                        | "received"
                        | "receive"
                        | "receives"
                        | "hosted"
                        | "host"
                        | "hosts"
                        | "for"
                ) || (k > 0 && s.units[k - 1].is_p(','));
                let before_person = next == "and"
                    && s.units[k + 1..to.min(k + 8)]
                        .iter()
                        .any(|v| v.is(EntityLabel::Person));
                let subject = k + 1 == to
                    || matches!(
                        next,
                        "met"
                            | "meets"
                            | "called"
                            | "calls"
                            | "held"
                            | "holds"
                            | "received"
                            | "hosted"
                            | "visited"
                            | "will"
                            | "is"
                            | "was"
                            | "has"
                            | "had"
                            | "also"
                            | "spoke"
                            | "paid"
                            | "co-chaired"
                            | "arrived"
                    );
                let untagged = u.label.is_none();
                // Untagged words only as a clause's first word before its verb ("Ahn called on").
                let ok = if untagged {
                    subject && (k == 0 || s.units[k - 1].punct || is_in(&SUBORD_LEFT, prev))
                } else {
                    listed || before_person || subject
                };
                if ok && !names_a_site(s, k) {
                    if let Some(p) = self.person_like(u) {
                        push_unique(&mut out, p);
                    }
                }
            }
        }
        out
    }
}

/// Whether the relative pronoun at `w` follows a plural common noun ("intellectuals, who").
fn plural_antecedent(s: &Sentence, w: usize) -> bool {
    let mut k = w;
    if k > 0 && s.units[k - 1].is_p(',') {
        k -= 1;
    }
    let Some(u) = k.checked_sub(1).map(|j| &s.units[j]) else {
        return false;
    };
    let word = s.word(k - 1);
    u.label.is_none()
        && !u.cap
        && word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
}

/// A plural role noun's singular ("presidents" -> "president", "premiers" -> "premier").
pub(super) fn singular(w: &str) -> String {
    match w {
        "men" => "man".to_string(),
        "chiefs" => "chief".to_string(),
        "secretaries" => "secretary".to_string(),
        _ if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") => w[..w.len() - 1].to_string(),
        _ => w.to_string(),
    }
}

impl<'d> Reader<'d> {
    /// Subject when the clause names none: a relative clause's antecedent, the main clause's
    /// subject for "when meeting", a pronoun, a plural anaphor, a coordinated verb's subject.
    pub(super) fn subject_fallback(
        &mut self,
        si: usize,
        s: &Sentence,
        r: &Read,
        cands: &[Cand],
    ) -> Option<(Vec<PRef>, bool)> {
        let units = s.units;
        let head = r.t.head;
        let nearest_person_before = |me: &mut Self, at: usize| -> Option<PRef> {
            let mut k = at;
            while k > 0 && at - k < 40 {
                k -= 1;
                let u = &units[k];
                if u.is(EntityLabel::Person) && !(k > 0 && s.word(k - 1) == "the") {
                    return me.pref_of_unit(u);
                }
            }
            None
        };
        match r.opener {
            // "received a group of intellectuals, who had visited Shusha": the antecedent is
            // the plural noun, not the person named before it.
            Opener::Relative(w) if plural_antecedent(s, w) => return None,
            Opener::Relative(w) => {
                if let Some(p) = nearest_person_before(self, w) {
                    // "X and Y, who met in Lima": both.
                    let mut found = vec![p];
                    let at = (0..w).rev().find(|&k| units[k].is(EntityLabel::Person));
                    let pair = at.filter(|&k| {
                        k >= 2 && units[k - 1].is_w("and") && units[k - 2].is(EntityLabel::Person)
                    });
                    if let Some(k) = pair {
                        if let Some(q) = self.pref_of_unit(&units[k - 2]) {
                            push_unique(&mut found, q);
                        }
                    }
                    return Some((found, false));
                }
            }
            Opener::Subord(w) if r.t.form == Form::Gerund || head == w + 1 => {
                if let Some(p) = nearest_person_before(self, w) {
                    return Some((vec![p], false));
                }
                // "While meeting with X, Y said": a fronted clause's subject is the main
                // clause's, first after the comma.
                if r.t.form == Form::Gerund {
                    let comma = (head..units.len()).find(|&k| units[k].is_p(','));
                    if let Some(k) = comma.and_then(|c| person_soon(units, c + 1, 6)) {
                        if let Some(p) = self.pref_of_unit(&units[k]) {
                            return Some((vec![p], false));
                        }
                    }
                }
            }
            _ => {}
        }
        // An infinitive of purpose: "X arrived in Doha on Monday to meet Y", "X flew to
        // Muscat to hold a meeting with Y": the traveller's.
        if head >= 1 && s.word(head - 1) == "to" && r.t.form != Form::Noun {
            if let Some(prev) = cands
                .iter()
                .rev()
                .find(|c| c.kind == MeetingKind::Visit && !c.subject.is_empty())
            {
                return Some((prev.subject.clone(), false));
            }
        }
        // Coordinated verbs: "X called on Y ... and met with Z"; "held talks ... and agreed to
        // meet again".
        let mut j = head;
        while j > r.cs && units[j - 1].is_wi(&["also", "later", "then", "subsequently", "again"]) {
            j -= 1;
        }
        const RESOLVE: &[&str] = &[
            "agreed", "decided", "promised", "pledged", "vowed", "resolved",
        ];
        let resolved = j >= 2 && units[j - 1].is_w("to") && units[j - 2].is_wi(RESOLVE);
        if resolved {
            j -= 2;
        }
        if j > 0
            && (units[j - 1].is_w("and")
                || units[j - 1].is_p(',')
                || (resolved && units[j - 1].is_w("but")))
        {
            if let Some(prev) = cands.iter().rev().find(|c| !c.subject.is_empty()) {
                return Some((prev.subject.clone(), false));
            }
            // "Both sides described the round as difficult but agreed to meet again": the
            // sentence's own subject.
            if resolved {
                let opener = (0..j).find(|&k| units[k].word().is_some());
                if let Some(k) = opener.filter(|&k| units[k].is_wi(&["both", "they"])) {
                    return self
                        .anaphor(si, cands, units[k].span.start, None)
                        .map(|v| (v, true));
                }
            }
        }
        for k in r.cs..head {
            let u = &units[k];
            match u.word() {
                Some("he" | "she") => {
                    return self.pronoun_referent(si, s, k).map(|p| (vec![p], true))
                }
                // "Both leaders met at a closed-door session": as "the two leaders" ("both
                // sides", "both delegations" stay with the records before: teams are sides too).
                Some("both")
                    if units.get(k + 1).is_some_and(|v| {
                        v.is_wi(&PLURAL_ANAPHORA) && !v.is_wi(&["sides", "delegations"])
                    }) =>
                {
                    let noun = units[k + 1].low.clone();
                    return self
                        .anaphor(si, cands, u.span.start, Some(&noun))
                        .map(|v| (v, true));
                }
                Some("they" | "both") => {
                    return self
                        .anaphor(si, cands, u.span.start, None)
                        .map(|v| (v, true))
                }
                Some("two" | "three" | "four")
                    if k > r.cs
                        && s.word(k - 1) == "the"
                        && units.get(k + 1).is_some_and(|v| v.word().is_some()) =>
                {
                    let mut m = k + 1;
                    while m < head && !units[m].is_wi(&PLURAL_ANAPHORA) {
                        m += 1;
                    }
                    if m < head {
                        let noun = units[m].low.clone();
                        return self
                            .anaphor(si, cands, u.span.start, Some(&noun))
                            .map(|v| (v, true));
                    }
                    // A bare "the two" before the verb: "Instead, the two held a video call".
                    if (k + 1..head).all(|j| units[j].is_wi(&ADVERBS)) {
                        return self
                            .anaphor(si, cands, u.span.start, None)
                            .map(|v| (v, true));
                    }
                }
                Some("the") if !matches!(s.word(k + 1), "two" | "three" | "four" | "both") => {
                    // "the prime minister", "the Omani minister", "the Mongolian leader": a role,
                    // with the country a demonym gives.
                    let mut m = k + 1;
                    let mut words = Vec::new();
                    let mut country: Option<&'static str> = None;
                    while m < head && words.len() < 5 {
                        let v = &units[m];
                        if v.is(EntityLabel::Norp) && words.is_empty() && country.is_none() {
                            country = gazetteer::country_of_demonym(self.text(v.span));
                            if country.is_none() {
                                break;
                            }
                        } else if v.word().is_some_and(|w| {
                            !is_in(&PREPOSITIONS, w) && !is_in(&FINITE, w) && !is_in(&ADVERBS, w)
                        }) {
                            words.push(v.low.clone());
                        } else {
                            break;
                        }
                        m += 1;
                    }
                    // "the Presidents of Poland and Lithuania", "the President of Kenya": the
                    // holder of that office for each country.
                    let mut of_countries: Vec<&'static str> = Vec::new();
                    if country.is_none() && !words.is_empty() && m < head && units[m].is_w("of") {
                        if let Some((found, end)) = self.countries_listed(s, m + 1, head) {
                            of_countries = found;
                            m = end;
                        }
                    }
                    while m < head && units[m].is_wi(&ADVERBS) {
                        m += 1;
                    }
                    let ends = m == head
                        || units[m].punct
                        || units[m].word().is_some_and(|w| is_in(&FINITE, w));
                    // "the ministers", "the pair": people of a record just before.
                    let plural = words.last().is_some_and(|w| {
                        is_in(&PLURAL_ANAPHORA, w) || matches!(w.as_str(), "pair" | "duo")
                    });
                    if !of_countries.is_empty() && ends && words.len() <= 2 {
                        let office = [singular(&words[words.len() - 1])];
                        let mut found = Vec::new();
                        let countries = of_countries.len();
                        for c in of_countries {
                            if let Some(p) = self.person_described(&office, Some(c), u.span.start) {
                                push_unique(&mut found, p);
                            }
                        }
                        // Some of the countries' holders not named yet ("The foreign ministers of
                        // Nigeria and Niger held talks Wednesday" after a caption naming Niger's):
                        // the encounter of the offices, its people unnamed, not one person's.
                        if !found.is_empty()
                            && found.len() < countries
                            && words.last().is_some_and(|w| w.ends_with('s'))
                        {
                            return Some((Vec::new(), true));
                        }
                        if !found.is_empty() {
                            return Some((found, true));
                        }
                    }
                    if plural && ends && words.len() <= 2 {
                        let noun = words.last().filter(|w| is_in(&PLURAL_ANAPHORA, w)).cloned();
                        return self
                            .anaphor(si, cands, u.span.start, noun.as_deref())
                            .map(|v| (v, true));
                    }
                    if !words.is_empty() && ends {
                        let found = match country {
                            Some(c) => self.person_described(&words, Some(c), u.span.start),
                            None => self.person_by_role(&words.join(" "), u.span.start),
                        };
                        if let Some(p) = found {
                            return Some((vec![p], true));
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The countries listed from unit `from` ("Poland and Lithuania", "Peru, Chile and
    /// Bolivia"), up to `to`, and the unit after the last one; `None` unless a country ends
    /// the list.
    fn countries_listed(
        &self,
        s: &Sentence,
        from: usize,
        to: usize,
    ) -> Option<(Vec<&'static str>, usize)> {
        let units = s.units;
        let mut found = Vec::new();
        let mut j = from;
        while j < to {
            let v = &units[j];
            if v.is(EntityLabel::Gpe) {
                match gazetteer::canonical_country(self.text(v.span)) {
                    Some(c) => found.push(c),
                    None => break,
                }
            } else if !(v.is_w("and") || v.is_p(',')) {
                break;
            }
            j += 1;
        }
        (!found.is_empty() && units[j - 1].is(EntityLabel::Gpe)).then_some((found, j))
    }

    /// The person "he" / "she" at unit `k` stands for: the nearest person named before it in the
    /// sentence, else the first person named in the sentence before.
    pub(super) fn pronoun_referent(&mut self, si: usize, s: &Sentence, k: usize) -> Option<PRef> {
        let units = s.units;
        let mut j = k;
        while j > 0 && k - j < 40 {
            j -= 1;
            let u = &units[j];
            if u.is(EntityLabel::Person) && !(j > 0 && s.word(j - 1) == "the") {
                if let Some(p) = self.pref_of_unit(u) {
                    return Some(p);
                }
            }
        }
        self.previous_first(si, s, k)
    }

    /// The first person named in the sentence before (at most [`LOOK_BACK`] sentences back),
    /// as mentioned at unit `k`: whom "He" opening a sentence, or an object pronoun ("received
    /// him at the airport": not anyone of its own clause, that would be "himself"), stands for.
    pub(super) fn previous_first(&self, si: usize, s: &Sentence, k: usize) -> Option<PRef> {
        let (i, p) = self.prev_first.as_ref()?;
        if si.saturating_sub(*i) > LOOK_BACK {
            return None;
        }
        let mut p = p.clone();
        p.pos = s.units.get(k).map_or(p.pos, |u| u.span.start);
        Some(p)
    }

    /// The person "his Omani counterpart", with no name after it, stands for (units
    /// `from..to`): someone of that country named before `from`, not one of `subject`; the one
    /// named last.
    pub(super) fn unnamed_counterpart(
        &mut self,
        s: &Sentence,
        from: usize,
        to: usize,
        subject: &[PRef],
    ) -> Option<PRef> {
        let units = s.units;
        let to = to.min(units.len());
        let k = (from..to.min(from + 4)).find(|&k| units[k].is_wi(&["his", "her"]))?;
        let demonym = units.get(k + 1).filter(|u| u.is(EntityLabel::Norp))?;
        if !units.get(k + 2).is_some_and(|u| u.is_w("counterpart"))
            || units.get(k + 3).is_some_and(|u| u.is(EntityLabel::Person))
        {
            return None;
        }
        let country = gazetteer::country_of_demonym(self.text(demonym.span))?;
        let pos = units[k].span.start;
        let mut found: Vec<(usize, usize)> = (self.doc.people.iter().enumerate())
            .filter(|(_, p)| p.country.as_deref() == Some(country))
            .filter_map(|(i, p)| last_mention_before(p, pos).map(|m| (m, i)))
            .collect();
        found.sort_by(|a, b| b.cmp(a));
        // The latest named who is not the subject (compared as the participants are).
        found
            .into_iter()
            .filter_map(|(_, i)| self.pref_of_person(i, pos))
            .find(|p| !subject.iter().any(|q| q.key == p.key))
    }

    /// The person an object like "the emir" or "the Kenyan president" (units `from..to`, after
    /// "the") stands for: up to three words ending in an office, a demonym or country giving
    /// the person's country; someone named before (see [`Reader::person_described`]).
    pub(super) fn object_by_office(
        &mut self,
        s: &Sentence,
        from: usize,
        to: usize,
    ) -> Option<PRef> {
        let units = s.units;
        let mut words: Vec<String> = Vec::new();
        let mut country: Option<&'static str> = None;
        let mut k = from;
        while k < to.min(from + 4) {
            let u = &units[k];
            // "the Qatari [Emir]": an office the tagger took for a name or a nationality.
            let office_as_name = u.label.is_some() && u.names_office();
            if let Some(w) = u.word() {
                if is_in(&PREPOSITIONS, w) {
                    break;
                }
                words.push(w.to_string());
            } else if office_as_name {
                words.push(u.low.clone());
            } else if u.is(EntityLabel::Norp) || u.is(EntityLabel::Gpe) {
                let text = self.text(u.span);
                country = gazetteer::country_of_demonym(text)
                    .or_else(|| gazetteer::canonical_country(text))
                    .or(country);
            } else {
                break;
            }
            k += 1;
        }
        if !words.last().is_some_and(|w| is_in(&OBJECT_OFFICES, w)) {
            return None;
        }
        // "the Emir of Qatar", "the President of Kenya".
        if country.is_none()
            && s.word(k) == "of"
            && units.get(k + 1).is_some_and(|u| u.is(EntityLabel::Gpe))
        {
            country = gazetteer::canonical_country(self.text(units[k + 1].span));
        }
        self.person_described(&words, country, units.get(from)?.span.start)
    }

    /// The participants "they" / "the two leaders" / "the two presidents" (`noun`: the plural
    /// noun) point back to: the latest record of two or more people in this sentence or the
    /// one before it; when the noun names an office, the latest such record up to
    /// [`ANAPHOR_REACH`] sentences back whose people all hold it, else the two holders of that
    /// office named most recently.
    pub(super) fn anaphor(
        &mut self,
        si: usize,
        cands: &[Cand],
        pos: usize,
        noun: Option<&str>,
    ) -> Option<Vec<PRef>> {
        // "the two presidents" names an office: the people referred to hold it. "the two
        // leaders", "they", "both sides" name no office.
        static GENERIC: LazyLock<Vec<&str>> = words!("meetings/generic_plural_nouns.txt");
        let office = noun.filter(|n| !is_in(&GENERIC, n)).map(singular);
        let fits_role = |role: Option<&str>| -> bool {
            let Some(office) = office.as_deref() else {
                return true;
            };
            // Someone whose role the text never gives may hold the office.
            let Some(role) = role.map(gazetteer::fold) else {
                return true;
            };
            let words: Vec<&str> = role.split_whitespace().collect();
            match office {
                "premier" => words.contains(&"premier") || role.contains("prime minister"),
                o => words.contains(&o),
            }
        };
        if let Some(c) = cands.iter().rev().find(|c| {
            c.kind != MeetingKind::Visit
                && c.parts.len() >= 2
                && c.parts.iter().all(|p| fits_role(p.part.role.as_deref()))
        }) {
            return Some(c.parts.clone());
        }
        // A record of the sentences just before (further back when the office says whom).
        let reach = if office.is_some() { ANAPHOR_REACH } else { 1 };
        let rec = self
            .recs
            .iter()
            .rev()
            .take_while(|r| si.saturating_sub(r.sentence) <= reach)
            .find(|r| {
                r.meeting.kind != MeetingKind::Visit
                    && r.meeting.participants.len() >= 2
                    && r.meeting
                        .participants
                        .iter()
                        .all(|p| fits_role(p.role.as_deref()))
            });
        if let Some(rec) = rec {
            return Some(
                rec.meeting
                    .participants
                    .iter()
                    .enumerate()
                    .map(|(i, p)| PRef {
                        key: gazetteer::fold(&p.name),
                        pos: pos + i,
                        part: p.clone(),
                    })
                    .collect(),
            );
        }
        // Else the two people who hold that office, named most recently; "the two leaders"
        // with no record before it: the last two people named in the sentences just before.
        let found = match office {
            Some(office) => self.described(&[office], None, pos),
            None if noun.is_some() => self.last_named(si, pos),
            None => Vec::new(),
        };
        if found.len() < 2 {
            return None;
        }
        let mut out = Vec::new();
        for (i, idx) in found.into_iter().take(2).enumerate() {
            if let Some(p) = self.pref_of_person(idx, pos + i) {
                out.push(p);
            }
        }
        (out.len() == 2).then_some(out)
    }

    /// People (indices) named before `pos` in this sentence and the [`LOOK_BACK`] before it,
    /// the latest named first.
    pub(super) fn last_named(&self, si: usize, pos: usize) -> Vec<usize> {
        let from = self
            .sentence_starts
            .get(si.saturating_sub(LOOK_BACK))
            .copied()
            .unwrap_or(0);
        let mut found: Vec<(usize, usize)> = self
            .doc
            .people
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let last = p
                    .mentions
                    .iter()
                    .filter(|m| m.start >= from && m.start < pos)
                    .map(|m| m.start)
                    .max();
                last.map(|m| (m, i))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.into_iter().map(|(_, i)| i).collect()
    }

    /// "X visited Vietnam soon after President Biden.": the person the clause ends with.
    pub(super) fn elided_visitor(&mut self, s: &Sentence, r: &Read) -> Option<PRef> {
        let units = s.units;
        let mut k = r.end;
        if !units.get(k).is_some_and(|u| u.is_wi(&["after", "before"])) {
            return None;
        }
        k += 1;
        let mut person = None;
        while k < units.len() {
            let u = &units[k];
            if u.is(EntityLabel::Person) {
                person = Some(k);
            } else if u.is_p('.') || u.is_p(';') {
                break;
            } else if person.is_some() || !(u.cap || u.is(EntityLabel::Norp)) {
                return None;
            }
            k += 1;
        }
        let p = person?;
        self.pref_of_unit(&units[p])
    }

    /// People named in the next sentence as heads of the delegations ("X had been due to
    /// lead Seoul's delegation, while the North's side was to be headed by Y").
    pub(super) fn delegation_heads(&mut self, next: ByteSpan) -> Option<Vec<PRef>> {
        let units = tokenize(self.doc, next);
        let s = Sentence::new(&units);
        let has_group = units
            .iter()
            .any(|u| u.is_wi(&["delegation", "delegations", "side"]));
        let has_lead = units
            .iter()
            .any(|u| u.is_wi(&["lead", "led", "head", "headed", "heads", "leads", "leading"]));
        if !has_group || !has_lead {
            return None;
        }
        let people = self.persons_in(&s, 0, units.len());
        (people.len() >= 2).then_some(people)
    }
}

/// Where the clause ending at `at` begins, looking back at most 30 units: after the last
/// stop punctuation ("signed ... after talks", "X and Y reconciled following a meeting").
fn clause_floor(s: &Sentence, at: usize) -> usize {
    (0..at)
        .rev()
        .take(30)
        .find(|&k| is_stop_punct(&s.units[k]))
        .map_or(at.saturating_sub(30), |k| k + 1)
}
