//! Records: the subject of an act and the draft record of one mention.

use super::*;

impl<'d> Cx<'d> {
    /// Two entities with at most two words between them and no comma, "and" or "with".
    /// A possessive may hold a longer description: "Britain's biggest utility Centrica".
    pub(super) fn close_entities(&self, x: &Entity, y: &Entity) -> bool {
        let gap = self.t(x.span.end, y.span.start);
        let ws = lower_words(gap);
        let possessive = gap.starts_with("'s ") || gap.starts_with("’s ");
        let reach = if possessive && gap.chars().all(|c| !c.is_uppercase()) {
            5
        } else {
            2
        };
        ws.len() <= reach && !gap.contains(',') && !ws.iter().any(|w| w == "and" || w == "with")
    }

    /// An organ with no country word of its own: "Vietnam's Defence Ministry".
    pub(super) fn bare_organ(&self, org: &Entity) -> bool {
        let name = self.t(org.span.start, org.span.end);
        names_a_state_organ(&name.to_lowercase()) && self.organ_country(name).is_none()
    }

    /// A country word modifying the organisation after it ("Indian airline IndiGo", "Sweden's
    /// Saab"): the organisation is the party, not the country (unless it is a bare state organ,
    /// which stands for the country).
    /// Country words joined by a hyphen or slash ("the U.S.-Turkish consortium Bechtel-Enka",
    /// "Anglo-French oil company Perenco") modify it together.
    pub(super) fn modifies_an_organisation(&self, ents: &[Entity], k: usize) -> bool {
        let e = &ents[k];
        let country_word = |x: &Entity| matches!(x.label, EntityLabel::Gpe | EntityLabel::Norp);
        country_word(e)
            && ents.get(k + 1).is_some_and(|n| {
                (n.label == EntityLabel::Org && self.close_entities(e, n) && !self.bare_organ(n))
                    || (country_word(n)
                        && matches!(self.t(e.span.end, n.span.start), "-" | "/" | "\u{2013}")
                        && self.modifies_an_organisation(ents, k + 1))
            })
    }

    /// A country word in an apposition that describes the organisation before it ("the Bank
    /// of Tokyo-Mitsubishi UFJ, Japan's largest bank,", "Mizuho, a Japanese lender,"): the
    /// organisation is the party. Only lowercase words follow the country word up to the comma
    /// (a list "Acme, Japan and Korea" goes on with names).
    pub(super) fn describes_an_organisation(&self, ents: &[Entity], k: usize, end: usize) -> bool {
        let e = &ents[k];
        if !matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp)
            || k == 0
            || ents[k - 1].label != EntityLabel::Org
        {
            return false;
        }
        let gap = self
            .t(ents[k - 1].span.end, e.span.start)
            .trim()
            .to_lowercase();
        if !matches!(gap.as_str(), "," | ", a" | ", an" | ", the") {
            return false;
        }
        let after = self.t(e.span.end, end);
        let possessive = after.starts_with("'s ") || after.starts_with("’s ");
        let rest = if possessive {
            &after[after.find(' ').unwrap_or(0)..]
        } else {
            after
        };
        let (description, after_comma) = rest.split_once(',').unwrap_or((rest, ""));
        let words: Vec<&str> = description.split_whitespace().collect();
        // "Microsoft, Kenya's government, and the World Bank": a list's item, not a description.
        let list_goes_on = matches!(after_comma.split_whitespace().next(), Some("and" | "or"));
        (possessive || e.label == EntityLabel::Norp)
            && rest.contains(',')
            && !list_goes_on
            && (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_lowercase))
    }

    /// A bare state organ after a country word ("Norway's Ministry of Energy"): the country
    /// before it is the party.
    pub(super) fn organ_of_the_country_before(&self, ents: &[Entity], k: usize) -> bool {
        let e = &ents[k];
        e.label == EntityLabel::Org
            && k > 0
            && matches!(ents[k - 1].label, EntityLabel::Gpe | EntityLabel::Norp)
            && self.close_entities(&ents[k - 1], e)
            && self.bare_organ(e)
    }

    /// An organisation inside a minister's title: "Botswana's Minister of Minerals and Water
    /// Resources Kitso Mokgethi", "Namibian Agriculture and Water Minister Johannes Shikongo" (the
    /// tagger takes "Minerals", "Namibian Agriculture" for organisations). Only title words,
    /// capitalised words, "and", "of" and other such organisations stand between it and the
    /// person, and "Minister of" comes before it or a ministerial title between.
    pub(super) fn title_of_person(&self, ents: &[Entity], k: usize) -> bool {
        const TITLE: &[&str] = &[
            "minister",
            "ministers",
            "secretary",
            "chief",
            "executive",
            "deputy",
            "vice",
            "director",
            "general",
            "commissioner",
            "governor",
            "state",
            "cabinet",
            "chairman",
            "chairwoman",
            "chair",
            "president",
            "head",
        ];
        let e = &ents[k];
        if e.label != EntityLabel::Org {
            return false;
        }
        let Some((j, person)) = ents
            .iter()
            .enumerate()
            .skip(k + 1)
            .find(|(_, x)| x.label == EntityLabel::Person)
        else {
            return false;
        };
        if person.span.start > e.span.end + 80
            || ents[k + 1..j].iter().any(|x| x.label != EntityLabel::Org)
        {
            return false;
        }
        // The gap's words, with the organisations in it taken out: title words, capitalised
        // words of the title ("and Water Minister"), "and", "of".
        let mut gap = String::new();
        let mut at = e.span.end;
        for x in ents[k + 1..j].iter().chain(std::iter::once(person)) {
            gap.push_str(self.t(at, x.span.start));
            gap.push(' ');
            at = x.span.end;
        }
        let words: Vec<&str> = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let is_title = |w: &str| TITLE.contains(&w.to_lowercase().as_str());
        // Back over organisations joined by "and" ("of Minerals and Water Resources") to the
        // words before the first.
        let mut first = k;
        while first > 0
            && ents[first - 1].label == EntityLabel::Org
            && self
                .t(ents[first - 1].span.end, ents[first].span.start)
                .trim()
                == "and"
        {
            first -= 1;
        }
        let start = ents[first].span.start;
        let before =
            lower_words(self.t(floor_boundary(self.text, start.saturating_sub(16)), start));
        let titled_before = before.ends_with(&["minister".to_string(), "of".to_string()])
            || before.ends_with(&["minister".to_string(), "for".to_string()]);
        // A portfolio names a ministry, not a firm ("Airbus and Air India chief executive X"
        // are the parties).
        let portfolio = |w: &&str| {
            matches!(
                w.to_lowercase().as_str(),
                "minister" | "ministers" | "secretary" | "commissioner"
            )
        };
        words.iter().all(|w| {
            is_title(w) || matches!(*w, "and" | "of" | "for") || w.starts_with(char::is_uppercase)
        }) && (titled_before || words.iter().any(portfolio))
    }

    /// Past a phrase fronted before the subject ("Amid tension with Russia, Moldova signed
    /// ..."; "In Beijing, China and Laos signed ..."): a subject never opens with a preposition.
    fn after_fronted_phrase(&self, a: usize, b: usize) -> usize {
        static OPENERS: LazyLock<Vec<&str>> =
            crate::wordlist::words!("meetings/fronted_openers.txt");
        let span = self.t(a, b);
        let body = span.trim_start();
        let first = body
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !OPENERS.iter().any(|w| *w == first) {
            return a;
        }
        match body.find(", ") {
            Some(i) => a + (span.len() - body.len()) + i + 2,
            None => a,
        }
    }

    pub(super) fn subject(&self, a: usize, b: usize, signs: bool) -> Subject {
        let mut out = Subject::default();
        let a = self.after_fronted_phrase(a, b);
        let skip = self.attributions(a, b);
        let ents = self.ents_in(a, b);
        for (k, e) in ents.iter().enumerate() {
            if skip
                .iter()
                .any(|&(x, y)| e.span.start >= x && e.span.end <= y)
            {
                continue;
            }
            // Places and buildings after a preposition ("met at Panmunjom", "at the Merdeka
            // Palace") are not parties.
            let mut prev = self.word_before(a, e.span.start).unwrap_or_default();
            if prev == "the" {
                let pre = self.t(a, e.span.start).trim_end();
                prev = self
                    .word_before(a, a + pre.len().saturating_sub(3))
                    .unwrap_or_default();
            }
            if matches!(
                e.label,
                EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Org
            ) && matches!(
                prev.as_str(),
                "in" | "at"
                    | "to"
                    | "from"
                    | "near"
                    | "into"
                    | "across"
                    | "through"
                    | "via"
                    | "on"
                    | "outside"
                    | "inside"
            ) {
                continue;
            }
            // A country word modifying an organisation ("Indian airline IndiGo", "Saudi Arabia's
            // Riyadh Air"): the organisation is the party; but a bare state organ stands for the
            // country named before it.
            if self.modifies_an_organisation(&ents, k) {
                continue;
            }
            if self.organ_of_the_country_before(&ents, k) || self.title_of_person(&ents, k) {
                continue;
            }
            if self.describes_an_organisation(&ents, k, b) {
                continue;
            }
            if let Some(p) = self.bloc_as_person(e) {
                push_party(&mut out.parties, p);
                continue;
            }
            if e.label == EntityLabel::Person {
                let p = self.participant(e);
                match &p.country {
                    Some(c) => push_party(&mut out.parties, country(c)),
                    None => push_party(
                        &mut out.people,
                        Party {
                            name: p.name.clone(),
                            kind: PartyType::Person,
                        },
                    ),
                }
                if signs && !out.signatories.iter().any(|s| s.name == p.name) {
                    out.signatories.push(p);
                }
            } else if let Some(p) = self.party_of(e) {
                push_party(&mut out.parties, p);
            }
        }
        // Blocs the entity model missed ("Mercosur and the European Union concluded").
        for (x, y, bloc) in blocs_in(self.t(a, b)) {
            let (x, y) = (a + x, a + y);
            if !ents.iter().any(|e| e.span.start < y && x < e.span.end) {
                push_party(
                    &mut out.parties,
                    Party {
                        name: bloc.into(),
                        kind: PartyType::Organization,
                    },
                );
            }
        }
        let region = self.t(a, b);
        out.anaphor = ANAPHOR.is_match(region);
        out.bloc_ref = BLOC_ANAPHOR.is_match(region);
        out
    }

    pub(super) fn draft(
        &self,
        ui: usize,
        mentions: &[Mention],
        links: &[Option<Act>],
        mi: usize,
    ) -> Option<Draft> {
        let m = &mentions[mi];
        let act = links.get(mi).copied().flatten()?;
        let mut status = act.class.status()?;
        let u = &self.units[ui];
        if act.class == ActClass::Sign {
            match self.nominal_signing(ui, &act) {
                Some(Some(s)) => status = s,
                Some(None) => return None,
                None => {}
            }
        }
        match act.class {
            ActClass::Implement if m.title.is_none() => return None,
            ActClass::Upgrade if m.kind != AgreementKind::Partnership => return None,
            // To discuss a partnership is to discuss relations ("discuss the partnership
            // between Europe and Africa"); one negotiated or worked towards is a plan.
            ActClass::Discuss
                if m.kind == AgreementKind::Partnership && {
                    let verb = self.t(act.start, act.end).to_lowercase();
                    ["discuss", "explor", "consider", "stud", "mull"]
                        .iter()
                        .any(|v| verb.starts_with(v))
                } =>
            {
                return None
            }
            _ => {}
        }
        if m.name_only
            && !matches!(
                act.class,
                ActClass::Sign
                    | ActClass::Witness
                    | ActClass::Plan
                    | ActClass::PassiveSigned
                    | ActClass::PassivePlanned
            )
        {
            return None;
        }
        // A kind noun inside another mention's subject ("a joint declaration on strategic
        // partnership") is that subject, not an agreement; but a partnership the other sets up
        // ("a joint declaration on the establishment of a strategic partnership") is a record
        // of its own, at the stage of the document that sets it up.
        let outer = mentions.iter().enumerate().find(|&(k, o)| {
            k != mi && o.head.start < m.head.start && {
                let p = self.post_np(ui, o.np_end);
                p.subject
                    .is_some_and(|s| s.start <= m.head.start && m.head.end <= s.end)
            }
        });
        if let Some((k, _)) = outer {
            match act.class {
                ActClass::Upgrade => {}
                ActClass::Establish if m.kind == AgreementKind::Partnership => {
                    status = links
                        .get(k)
                        .copied()
                        .flatten()
                        .and_then(|a| a.class.status())?;
                }
                _ => return None,
            }
        }
        let post = self.post_np(ui, m.np_end);
        if post.vague {
            return None;
        }
        let kind = if post.purchase.is_some()
            && matches!(m.kind, AgreementKind::Agreement | AgreementKind::Contract)
        {
            AgreementKind::Contract
        } else {
            m.kind
        };
        let mut confidence: f64 = match act.class {
            ActClass::Dated => 0.6,
            ActClass::Implement => 0.7,
            ActClass::Establish | ActClass::Conclude => 0.8,
            ActClass::Initial
            | ActClass::PassiveInitial
            | ActClass::RelInitial
            | ActClass::RelPlanned => 0.8,
            _ => 0.9,
        };
        if m.plural {
            confidence -= 0.15;
        }
        if status == AgreementStatus::Discussed {
            confidence -= 0.05;
        }

        let clause_start = self.clause_start(ui, act.start.min(m.np_start));
        let Subject {
            mut parties,
            people,
            mut signatories,
            mut anaphor,
            bloc_ref,
        } = if act.class.relative() {
            self.subject(act.start, act.verb, true)
        } else if act.class.before() && act.start > clause_start {
            self.subject(clause_start, act.start, act.class.signs())
        } else {
            Subject::default()
        };
        // "in talks with Georgian Railway on a maintenance agreement": the counterpart named
        // inside the act.
        if act.class == ActClass::Discuss {
            let act_text = self.t(act.start, act.end);
            if let Some(i) = act_text.to_ascii_lowercase().find(" with ") {
                let mut ps = Vec::new();
                anaphor |= self.parties_in(act.start + i + 6, act.end, &mut ps);
                for p in ps {
                    push_party(&mut parties, p);
                }
            }
        }
        // "the peace agreement that Rwanda signed with the DRC": the counterpart right after
        // the relative's verb.
        if act.class.relative() {
            let rest = self.t(act.end, u.span.end);
            let lead = rest.len() - rest.trim_start().len();
            if rest[lead..]
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("with "))
            {
                let a = act.end + lead + 5;
                let end = self.phrase_end(a, u.span.end, false);
                if end > a {
                    let mut ps = Vec::new();
                    anaphor |= self.parties_in(a, end, &mut ps);
                    for p in ps {
                        push_party(&mut parties, p);
                    }
                }
            }
        }
        // A phrase with no determiner must not reach back over its verb.
        let np_start = if act.class.before() {
            m.np_start.max(act.end)
        } else {
            m.np_start
        };
        // Names inside the phrase: "the U.S.-Vietnam ...", "a Kazakh-Vietnamese agreement".
        for e in self.ents_in(np_start, m.np_end) {
            if matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp) {
                if let Some(p) = self.party_of(e) {
                    push_party(&mut parties, p);
                }
            }
        }
        if !m.name_only && m.title.is_some() {
            // A proper name's words are its own ("Panmunjom Declaration"), not parties, unless
            // they are countries.
            parties.retain(|p| {
                p.kind == PartyType::Country || !self.t(np_start, m.np_end).contains(&p.name)
            });
        }
        // "chaired the exchange of memorandums between Morocco and the UAE": two or more
        // parties named after "between" are the document's; the subject's names are those who
        // signed or presided.
        if post.between.len() >= 2 {
            parties.clear();
        }
        for p in post.between.iter().chain(post.with.iter()) {
            push_party(&mut parties, p.clone());
        }
        anaphor |= post.between_anaphor;
        if let Some((buyer, seller)) = &post.purchase {
            if let Some(b) = buyer {
                push_party(&mut parties, b.clone());
            }
            if let Some(s) = seller {
                push_party(&mut parties, s.clone());
            }
        }
        // Passive: "signed by X and Y", "signed in Bangkok by X and Y".
        if !act.class.before() && !act.class.relative() {
            let reach = self.clause_end(ui, act.end);
            let rest = self.t(act.end, reach).to_lowercase();
            let by = if rest.trim_start().starts_with("by ") {
                Some(rest.len() - rest.trim_start().len())
            } else {
                rest.find(" by ").map(|i| i + 1)
            };
            if let Some(lead) = by {
                let a = act.end + lead + 3;
                let end = self.phrase_end(a, u.span.end, false);
                let ents = self.ents_in(a, end);
                for (k, e) in ents.iter().enumerate() {
                    if e.label != EntityLabel::Person {
                        // "signed by Chile and Peru", "signed by the two governments"; not by
                        // "Minister of Minerals and Water Resources X".
                        if self.title_of_person(ents, k) {
                            continue;
                        }
                        if let Some(p) = self.party_of(e) {
                            push_party(&mut parties, p);
                        }
                        continue;
                    }
                    let p = self.participant(e);
                    if let Some(c) = &p.country {
                        push_party(&mut parties, country(c));
                    }
                    if !signatories.iter().any(|s| s.name == p.name) {
                        signatories.push(p);
                    }
                }
                anaphor |= ANAPHOR.is_match(self.t(a, end));
            }
            // "signed in 2019 between Chile and Peru"; not a "between" inside what it is about
            // ("signed regarding a hotline between the two navies").
            if let Some(i) = rest.find(" between ") {
                let a = act.end + i + 9;
                let end = self.phrase_end(a, u.span.end, false);
                let before = lower_words(&rest[..i]);
                let about = before.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "regarding" | "concerning" | "of" | "for" | "about" | "covering"
                    )
                });
                let countries_only = self.ents_in(a, end).iter().all(|e| {
                    matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp)
                        && self.party_of(e).is_some()
                        || self.bloc_as_person(e).is_some()
                });
                if !about && countries_only {
                    let mut ps = Vec::new();
                    anaphor |= self.parties_in(a, end, &mut ps);
                    for p in ps {
                        push_party(&mut parties, p);
                    }
                }
            }
        }
        // "a contract signed with Bombardier in 2016", "the MoU that Libya signed with Turkey":
        // the counterpart after the verb.
        if !act.class.before() {
            let rest = self.t(act.end, self.clause_end(ui, act.end));
            if rest
                .trim_start()
                .get(..5)
                .is_some_and(|p| p.eq_ignore_ascii_case("with "))
            {
                let a = act.end + (rest.len() - rest.trim_start().len()) + 5;
                let end = self.phrase_end(a, u.span.end, false);
                let mut ps = Vec::new();
                anaphor |= self.parties_in(a, end, &mut ps);
                for p in ps {
                    push_party(&mut parties, p);
                }
            }
        }
        // The subject phrase.
        let mut subject_span = post.subject;
        if subject_span.is_none() && !act.class.before() && !act.class.relative() {
            // "was signed regarding the establishment of ...".
            let rest = self.t(act.end, u.span.end);
            let lead = rest.len() - rest.trim_start().len();
            let first = rest[lead..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if matches!(
                first.as_str(),
                "regarding" | "concerning" | "on" | "covering"
            ) {
                let a = act.end + lead + first.len();
                let a =
                    a + (self.t(a, u.span.end).len() - self.t(a, u.span.end).trim_start().len());
                if self.date_at(a).is_none() {
                    let end = self.phrase_end(a, u.span.end, true);
                    if end > a {
                        subject_span = Some(ByteSpan::new(a, end));
                    }
                }
            }
        }
        // Countries named in a subject ("... between Vietnam and China"), when nothing else names
        // the parties.
        if parties.is_empty() && !anaphor {
            if let Some(s) = subject_span {
                let t = self.t(s.start, s.end).to_lowercase();
                if let Some(i) = t.find(" between ") {
                    let a = s.start + i + 9;
                    let mut found = Vec::new();
                    for e in self.ents_in(a, s.end) {
                        let c = match e.label {
                            EntityLabel::Person => None,
                            EntityLabel::Org => self
                                .organ_country(self.t(e.span.start, e.span.end))
                                .map(str::to_string),
                            _ => self.country_of_entity(e),
                        };
                        if let Some(c) = c {
                            if !found.contains(&c) {
                                found.push(c);
                            }
                        }
                    }
                    if found.len() == 2 {
                        parties = found.iter().map(|c| country(c)).collect();
                    }
                }
            }
        }
        // A fronted phrase names no one; the main clause's subject after it does: "In a joint
        // statement released after the call, Chile and Peru pledged ...".
        let fronted = {
            let pre = self
                .t(u.span.start, m.np_start.min(act.start))
                .trim()
                .to_lowercase();
            matches!(
                pre.as_str(),
                "" | "in" | "under" | "through" | "with" | "by" | "via"
            )
        };
        if parties.is_empty() && !anaphor && fronted {
            let ce = self.clause_end(ui, act.end.max(post.end).max(m.np_end));
            if let Some((a, b)) = self.main_subject(ui, ce) {
                let sub = self.subject(a, b, false);
                parties = sub.parties;
                anaphor = sub.anaphor;
            }
        }
        // "Air Tanzania's fleet revival began under a contract signed with Bombardier in 2016":
        // who acts under the document is its other party.
        if parties.len() < 2
            && act.class == ActClass::PassiveSigned
            && self.word_before(u.span.start, m.np_start).as_deref() == Some("under")
        {
            let under = floor_boundary(self.text, m.np_start.saturating_sub(6));
            let main = self.subject(clause_start, under.max(clause_start), false);
            for p in main
                .parties
                .into_iter()
                .filter(|p| p.kind != PartyType::Person)
            {
                push_party(&mut parties, p);
            }
        }
        let mut source = PartySource::Clause;
        if bloc_ref {
            if let Some(b) = self.last_bloc(ui, clause_start) {
                parties.insert(0, b);
            }
        }
        if anaphor || parties.is_empty() {
            let (pair, src) = self.context_pair(ui, clause_start);
            if !pair.is_empty()
                && (parties.iter().all(|p| p.kind == PartyType::Country) || parties.is_empty())
            {
                let before_len = parties.len();
                for p in pair {
                    push_party(&mut parties, p);
                }
                if parties.len() > before_len {
                    source = src;
                }
            }
        } else if parties.len() == 1
            && parties[0].kind == PartyType::Country
            // "Minister X and his counterpart of the UAE, Y, signed": X is of the story's
            // other country.
            && (people.is_empty() || self.t(clause_start, act.start.max(clause_start)).contains("counterpart"))
        {
            let (pair, src) = self.context_pair(ui, clause_start);
            if pair.iter().any(|p| p.name == parties[0].name) {
                for p in pair {
                    push_party(&mut parties, p);
                }
                source = src;
            }
        }
        if parties.is_empty() {
            parties = people;
        }
        if parties.is_empty() {
            return None;
        }
        confidence -= match source {
            PartySource::Clause => 0.0,
            PartySource::Context => 0.1,
            PartySource::MainPair => 0.15,
        };

        // Date and place of the clause.
        let np_or_act_end = post.end.max(act.end).max(m.np_end);
        let mut clause_end = self
            .clause_end(ui, np_or_act_end)
            .max(np_or_act_end.min(u.span.end));
        // Objects of one act share its time and place: "signed an MoU on X and an agreement on
        // Y in Rabat on March 4".
        let mut k = mi;
        while let Some(next) = mentions.get(k + 1) {
            let same_act = links
                .get(k + 1)
                .copied()
                .flatten()
                .is_some_and(|a| a.start == act.start && a.end == act.end);
            let between = self.t(clause_end.min(next.np_start), next.np_start).trim();
            if !same_act
                || next.np_start < clause_end
                || !matches!(between, "and" | "," | ", and" | "as well as")
            {
                break;
            }
            let next_end = self.post_np(ui, next.np_end).end.max(next.np_end);
            clause_end = self.clause_end(ui, next_end).max(next_end.min(u.span.end));
            k += 1;
        }
        let subject_excl = subject_span;
        let in_subject =
            |s: &ByteSpan| subject_excl.is_some_and(|x| s.start >= x.start && s.end <= x.end);
        let anchor = if act.class.before() {
            act.start
        } else {
            act.end
        };
        // An object relative tells its own time and place: "the treaty, which X and Y signed in
        // Bonn in June 1991", not the "next year" of the anniversary it is cited for.
        let own_start = if act.class.relative() {
            act.start
        } else {
            clause_start
        };
        let mut date = self
            .event_dates(own_start, clause_end)
            .into_iter()
            .filter(|(s, _)| !in_subject(s))
            .min_by_key(|(s, _)| {
                if s.start >= anchor {
                    s.start - anchor
                } else {
                    // A date before "and" belongs to the verb before it: "established a
                    // partnership in 2013 and upgraded it to ... in 2024".
                    let gap = self.t(s.end.min(anchor), anchor);
                    let other_verb =
                        act.class.before() && (gap.contains(" and ") || gap.contains(" but "));
                    anchor - s.end.min(anchor) + if other_verb { 10_000 } else { 0 }
                }
            })
            .map(|(s, v)| self.date_field(s, v));
        // A relative's agents may run past the clause's first comma: "..., which was signed by
        // him and the Prime Minister of Vanuatu, Jotham Napat, on 10 September 2025 during the
        // Pacific Leaders' Meeting in Honiara": the relative's date and place follow them.
        let relative_end = if act.class.relative() {
            let next_mention = mentions
                .iter()
                .map(|x| x.np_start)
                .filter(|&at| at > act.end)
                .min()
                .unwrap_or(u.span.end);
            let rest = self.t(act.end, next_mention);
            // The end of the last of the first RELATIVE_WORDS words (offsets within `rest`).
            let cut = rest
                .split_whitespace()
                .take(RELATIVE_WORDS)
                .last()
                .map_or(0, |w| {
                    w.as_ptr() as usize - rest.as_ptr() as usize + w.len()
                });
            (act.end + cut).max(clause_end)
        } else {
            clause_end
        };
        if date.is_none() && relative_end > clause_end {
            date = self
                .event_dates(clause_end, relative_end)
                .into_iter()
                .next()
                .map(|(s, v)| self.date_field(s, v));
        }
        // "a 2019 memorandum ... that Libya signed with Turkey": the year the phrase carries.
        if date.is_none() && act.class.relative() {
            date = self
                .event_dates(m.np_start, m.head.start)
                .into_iter()
                .next()
                .map(|(s, v)| self.date_field(s, v));
        }
        let mut weak_location = false;
        let mut location = match self.place_in(own_start, relative_end, subject_excl) {
            Some(Place::Found(l)) => Some(l),
            _ => None,
        };
        let background = matches!(act.class, ActClass::Dated | ActClass::Implement);
        // A phrase trailing the clause tells where and when: "upgraded their ties ... in March,
        // during a visit to Jakarta by ...".
        let trail_end = if background {
            clause_end
        } else {
            self.trailer_end(ui, clause_end)
        };
        if trail_end > clause_end {
            if location.is_none() {
                if let Some(Place::Found(l)) = self.place_in(clause_end, trail_end, None) {
                    location = Some(l);
                }
            }
            if date.is_none() {
                date = self
                    .event_dates(clause_end, trail_end)
                    .into_iter()
                    .next()
                    .map(|(s, v)| self.date_field(s, v));
            }
        }
        let mut weak_date = false;
        // The event the record took its date from was a phone call or video conference: no place.
        let mut remote = false;
        if date.is_none() && !background && !self.unanchored_time(clause_start, trail_end) {
            let clause_text = self.t(clause_start, trail_end);
            let captures = POINTER.captures(clause_text);
            let pointer = captures
                .as_ref()
                .and_then(|c| c.get(1))
                .map(|g| g.as_str().to_lowercase());
            let at_end = captures.as_ref().and_then(|c| c.get(0)).is_some_and(|g| {
                let l = g.as_str().to_lowercase();
                l.contains("end of") || l.contains("close of") || l.contains("conclusion of")
            });
            static ALSO: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)\balso\b|^\W*(?:in\s+addition|additionally)\b").unwrap()
            });
            let also = ALSO.is_match(self.t(clause_start, act.end.max(clause_start)))
                || ALSO.is_match(self.t(u.span.start, (u.span.start + 20).min(u.span.end)));
            let (d, l, r) = self.context_event(
                ui,
                clause_start,
                pointer.as_deref(),
                at_end,
                also,
                status == AgreementStatus::Planned,
            );
            remote = r;
            // A dateline city stands for an event of the parties only in their countries.
            let l = l.filter(|l| {
                let from_dateline = self
                    .units
                    .iter()
                    .any(|u| u.dateline.as_deref() == Some(l.name.as_str()));
                !from_dateline || of_parties_country(&parties, l.country.as_deref())
            });
            date = d;
            weak_date = date.is_some();
            if location.is_none() && l.is_some() {
                location = l;
                weak_location = true;
            }
        }
        // The dateline city, for a lead signing of parties of its country (or of no country):
        // a wire filed from "MEXICO CITY" about Chile and Brazil tells no signing there.
        let in_parties_country = |city: &str| {
            let country = gazetteer::country_of_place(city);
            of_parties_country(&parties, country)
                // A country the sentence names that the record's parties missed ("Surinamese
                // President X").
                || self.ents_in(u.span.start, u.span.end).iter().any(|e| {
                    matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp | EntityLabel::Person)
                        && self.country_of_entity(e).as_deref().is_some_and(|c| Some(c) == country)
                })
        };
        if location.is_none() && !background && status != AgreementStatus::Planned {
            if let Some(city) = u.dateline.as_ref().filter(|c| in_parties_country(c)) {
                location = Some(Location {
                    name: city.clone(),
                    country: gazetteer::country_of_place(city).map(str::to_string),
                });
                weak_location = true;
            }
        }
        // A signing of these days with no place of its own was where the visit or talks it
        // belongs to were: the place of the visit told before, else the dateline city, when
        // that place is in one of the parties' countries.
        // A signing dated by its own clause with no place: the place of talks held in person the
        // same day ("Earlier on Thursday, X and Y signed a contract ...").
        if location.is_none() && !background && !weak_date && status != AgreementStatus::Planned {
            if let Some(l) = date.as_ref().and_then(|d| self.same_day_place(ui, d)) {
                location = Some(l);
                weak_location = true;
            }
        }
        // "Meanwhile, ..." and "Separately, ..." tell of another occasion.
        static ASIDE_OPENER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)^\W*(?:meanwhile|separately|elsewhere|in\s+other\s+news|in\s+a\s+separate)\b",
            )
            .unwrap()
        });
        let aside = ASIDE_OPENER.is_match(self.t(u.span.start, u.span.end));
        if location.is_none()
            && !background
            && !remote
            && !aside
            && status != AgreementStatus::Planned
            && self.recent(date.as_ref())
        {
            if let Some(l) = self.story_place(ui, &parties) {
                location = Some(l);
                weak_location = true;
            }
        }
        // An initialled text whose signing this sentence schedules: "was initialled ... and is
        // expected to be signed in Putrajaya in June".
        let mut provisional = act.class.initial();
        if provisional {
            static TO_BE_SIGNED: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)\b(?:(?:expected|due|set|scheduled|slated|likely|planned)\s+to|will|would|is\s+to|are\s+to)\s+be\s+(?:formally\s+|officially\s+)?(?:signed|inked)\b").unwrap()
            });
            if let Some(f) = TO_BE_SIGNED.find(self.t(act.end, u.span.end)) {
                let (a, b) = (act.end + f.end(), self.clause_end(ui, act.end + f.end()));
                let d = self
                    .event_dates(a, b)
                    .into_iter()
                    .next()
                    .map(|(s, v)| self.date_field(s, v));
                let l = match self.place_in(a, b, None) {
                    Some(Place::Found(l)) => Some(l),
                    _ => None,
                };
                if d.is_some() || l.is_some() {
                    date = d;
                    location = l;
                    weak_location = false;
                    provisional = false;
                }
            }
        }
        if date.is_none() {
            confidence -= 0.05;
        }

        let subject = subject_span
            .map(|s| clean_subject(self.t(s.start, s.end)))
            .or_else(|| m.title.as_deref().and_then(subject_of_title))
            .filter(|s| !s.is_empty());
        let reference = m.definite
            && m.title.is_none()
            && subject.is_none()
            && post.between.is_empty()
            && post.with.is_empty();
        let summary = m.plural && m.title.is_none() && subject.is_none();
        Some(Draft {
            kind,
            status,
            title: m.title.clone(),
            parties,
            signatories,
            subject,
            date,
            location,
            weak_location,
            weak_date,
            provisional,
            sentence: u.sentence,
            confidence,
            reference,
            summary,
            parties_from_context: source != PartySource::Clause,
            listed: self.enumerated_item_act(ui, m).is_some(),
            ordinal: ORDINAL.is_match(self.t(m.np_start, m.head.start)),
        })
    }
}

/// How many words after a relative's verb its date and place may stand.
const RELATIVE_WORDS: usize = 25;

/// An ordinal before the noun: "the second memorandum", "The third agreement", "the last
/// MoU": one of several documents counted before.
static ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*the\s+{}\s+$", super::acts::ORDINALS)).unwrap());

/// A subject as written, without a leading article, brackets of citations or closing quotes.
pub(super) fn clean_subject(s: &str) -> String {
    static CITE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\d+\]").unwrap());
    let s = CITE.replace_all(s, "");
    let s = s
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '”', '"', '’'])
        .trim();
    let mut ws: Vec<&str> = s.split_whitespace().collect();
    // A phrase cut before a date or place leaves its preposition: "a plan for".
    while ws.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "for"
                | "on"
                | "in"
                | "at"
                | "by"
                | "of"
                | "from"
                | "to"
                | "and"
                | "the"
                | "a"
                | "an"
                | "with"
        )
    }) {
        ws.pop();
    }
    let s = ws.join(" ");
    for art in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = s.strip_prefix(art) {
            return rest.to_string();
        }
    }
    if s.chars().count() > 240 {
        return s
            .chars()
            .take(240)
            .collect::<String>()
            .trim_end()
            .to_string();
    }
    s
}

/// Whether a place in `country` can be where `parties` signed: in one of their countries, or
/// anywhere when no party is a country (a dateline city stands for a signing of its own
/// country's parties only).
fn of_parties_country(parties: &[Party], country: Option<&str>) -> bool {
    parties.iter().all(|p| p.kind != PartyType::Country)
        || parties.iter().any(|p| Some(p.name.as_str()) == country)
}
