//! Countries and parties of entities: who a person or an organisation signs for, and the main
//! pair of countries of a document.

use super::*;

impl<'d> Cx<'d> {
    /// The country a person entity's person belongs to.
    pub(super) fn person_country(&self, e: &Entity) -> Option<String> {
        person_at(&self.doc.people, e.span)
            .and_then(|i| self.doc.people.get(i))
            .and_then(|p| p.country.clone())
    }

    pub(super) fn participant(&self, e: &Entity) -> Participant {
        match person_at(&self.doc.people, e.span).and_then(|i| self.doc.people.get(i)) {
            Some(p) => Participant {
                name: p.name.clone(),
                role: p.role.clone(),
                country: p.country.clone(),
                organization: p.organization.clone(),
            },
            None => Participant {
                name: self.t(e.span.start, e.span.end).to_string(),
                role: None,
                country: None,
                organization: None,
            },
        }
    }

    /// The country an organisation's name stands for when it is a state organ.
    pub(super) fn organ_country(&self, name: &str) -> Option<&'static str> {
        let lower = name.to_lowercase();
        if !names_a_state_organ(&lower) {
            return None;
        }
        let ws: Vec<&str> = name
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        for n in (1..=3).rev() {
            for win in ws.windows(n) {
                let phrase = win.join(" ");
                if let Some(c) = gazetteer::canonical_country(&phrase)
                    .or_else(|| gazetteer::country_of_demonym(&phrase))
                {
                    return Some(c);
                }
            }
        }
        None
    }

    /// A bloc the entity model took for a person ("Mercosur").
    pub(super) fn bloc_as_person(&self, e: &Entity) -> Option<Party> {
        if e.label != EntityLabel::Person {
            return None;
        }
        bloc_name(self.t(e.span.start, e.span.end)).map(|b| Party {
            name: b.into(),
            kind: PartyType::Organization,
        })
    }

    /// The party a non-person entity names, if any: countries, blocs, state organs (as their
    /// country), other organisations.
    pub(super) fn party_of(&self, e: &Entity) -> Option<Party> {
        let name = self.t(e.span.start, e.span.end);
        match e.label {
            EntityLabel::Gpe => gazetteer::canonical_country(name).map(country).or_else(|| {
                bloc_name(name).map(|b| Party {
                    name: b.into(),
                    kind: PartyType::Organization,
                })
            }),
            EntityLabel::Norp => gazetteer::country_of_demonym(name)
                .map(country)
                .or_else(|| {
                    bloc_name(name).map(|b| Party {
                        name: b.into(),
                        kind: PartyType::Organization,
                    })
                }),
            EntityLabel::Org if self.is_credit(e) || self.is_setting(e) => None,
            EntityLabel::Org => {
                if let Some(b) = bloc_name(name) {
                    return Some(Party {
                        name: b.into(),
                        kind: PartyType::Organization,
                    });
                }
                if let Some(c) = self.organ_country(name) {
                    return Some(country(c));
                }
                // "Defence Ministry signed a contract with HAL" in a story of India alone.
                if let Some(c) = self.home_country.filter(|_| BARE_ORGAN.is_match(name)) {
                    return Some(country(c));
                }
                if gazetteer::canonical_country(name).is_some() {
                    return gazetteer::canonical_country(name).map(country);
                }
                let name = name.trim_end_matches("'s").trim_end_matches("’s");
                // A name the tagger cut after a joining word ("[Trade and] Industry"): no one.
                let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
                if name.contains(' ') && matches!(last.as_str(), "and" | "of" | "for" | "&" | "the")
                {
                    return None;
                }
                Some(Party {
                    name: name.to_string(),
                    kind: PartyType::Organization,
                })
            }
            // Island countries and territories the tagger reads as places ("the Faroe Islands",
            // "the Solomon Islands").
            EntityLabel::Loc => gazetteer::canonical_country(name).map(country),
            _ => None,
        }
    }

    /// An organisation credited with the report, not a party to what it reports: ", the Vietnam
    /// News Agency reported.", ", Xinhua said", "according to Kyodo".
    fn is_credit(&self, e: &Entity) -> bool {
        let before = self.t(0, e.span.start).trim_end();
        let before = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
            .unwrap_or(before)
            .trim_end();
        let after = self.t(e.span.end, self.doc.text.len()).trim_start();
        let reports = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| {
                matches!(
                    w,
                    "reported" | "reports" | "said" | "says" | "quoted" | "cited"
                )
            });
        let tail =
            &before[crate::text::floor_char_boundary(before, before.len().saturating_sub(12))..];
        (before.ends_with(',') && reports) || tail.to_lowercase().ends_with("according to")
    }

    /// An organisation whose gathering is where a document was signed, not a party to it: "on
    /// the sidelines of the UN General Assembly", "on the margins of the AU summit", "during
    /// the ASEAN meeting".
    fn is_setting(&self, e: &Entity) -> bool {
        let before = self.t(0, e.span.start).trim_end();
        let before = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
            .unwrap_or(before)
            .trim_end();
        let tail =
            &before[crate::text::floor_char_boundary(before, before.len().saturating_sub(24))..];
        let tail = tail.to_lowercase();
        [
            "sidelines of",
            "sideline of",
            "margins of",
            "margin of",
            "during",
            "on the occasion of",
        ]
        .iter()
        // Whole words: "the enduring [NATO] alliance" is no setting.
        .any(|setting| {
            tail.strip_suffix(setting)
                .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
        })
    }

    /// The country an entity points to, for resolving "the two sides" (people by their
    /// country, countries, demonyms, state organs; no cities).
    pub(super) fn country_of_entity(&self, e: &Entity) -> Option<String> {
        let name = self.t(e.span.start, e.span.end);
        match e.label {
            EntityLabel::Person => self.person_country(e),
            EntityLabel::Gpe => gazetteer::canonical_country(name).map(str::to_string),
            EntityLabel::Norp => gazetteer::country_of_demonym(name).map(str::to_string),
            EntityLabel::Org => self.organ_country(name).map(str::to_string),
            _ => None,
        }
    }

    /// Spans of "according to ..." attributions inside `[a, b)`: their names are sources, not
    /// parties or places.
    pub(super) fn attributions(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        static ACCORDING: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\baccording\s+to\b[^,;]*").unwrap());
        ACCORDING
            .find_iter(self.t(a, b))
            .map(|m| (a + m.start(), a + m.end()))
            .collect()
    }

    pub(super) fn countries_in(&self, a: usize, b: usize, out: &mut Vec<String>) {
        let skip = self.attributions(a, b);
        for e in self.ents_in(a, b) {
            if skip
                .iter()
                .any(|&(x, y)| e.span.start >= x && e.span.end <= y)
            {
                continue;
            }
            if let Some(c) = self.country_of_entity(e) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }

    /// The two countries a document is mostly about, when two stand out.
    pub(super) fn compute_main_pair(&self) -> Option<[String; 2]> {
        let mut counts: Vec<(String, f64, usize)> = Vec::new();
        let mut add = |c: String, w: f64, at: usize| match counts.iter_mut().find(|x| x.0 == c) {
            Some(x) => x.1 += w,
            None => counts.push((c, w, at)),
        };
        let mut spans: Vec<ByteSpan> = self.units.iter().map(|u| u.sentence).collect();
        // The headline, though furniture, says what the story is about.
        if let Some(title) = self.doc.title.as_deref() {
            let title = title.trim().trim_start_matches('#').trim();
            if let Some(s) = self
                .doc
                .sentences
                .iter()
                .find(|s| !title.is_empty() && slice(self.text, s.start, s.end).contains(title))
            {
                spans.push(*s);
            }
        }
        for s in spans {
            for e in self.ents_in(s.start, s.end) {
                let name = self.t(e.span.start, e.span.end);
                if let Some(c) = self.country_of_entity(e) {
                    add(c, 1.0, e.span.start);
                } else if e.label == EntityLabel::Gpe {
                    if let Some(c) = gazetteer::country_of_place(name) {
                        add(c.to_string(), 0.5, e.span.start);
                    }
                }
            }
        }
        counts.sort_by(|a, b| {
            b.1.partial_cmp(&a.1)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.2.cmp(&b.2))
        });
        let top2 = counts.get(1)?;
        let third = counts.get(2).map_or(0.0, |c| c.1);
        (top2.1 >= 2.0 && top2.1 > third).then(|| [counts[0].0.clone(), top2.0.clone()])
    }

    /// The two countries "the two sides" refers to from `before` in unit `ui`: the two named
    /// in this sentence before that point and the previous sentence (going back up to three),
    /// or the document's main pair when what is named fits it.
    pub(super) fn context_pair(&self, ui: usize, before: usize) -> (Vec<Party>, PartySource) {
        let mut found: Vec<String> = Vec::new();
        if self.units.get(ui).is_some() {
            self.countries_in(self.window(ui, before, LOOKBACK), before, &mut found);
        }
        if found.len() == 2 {
            return (
                found.iter().map(|c| country(c)).collect(),
                PartySource::Context,
            );
        }
        for back in 1..=3 {
            if let Some(u) = ui.checked_sub(back).and_then(|i| self.units.get(i)) {
                self.countries_in(u.span.start, u.span.end, &mut found);
            }
            if found.len() == 2 {
                // A pair named in an aside that has one of the story's two countries and a
                // third ("Vietnam signed a deal with Russia in 2024. The two countries
                // established ...") is not what "the two countries" of the story are.
                if let Some(pair) = &self.main_pair {
                    if found.iter().filter(|c| pair.contains(c)).count() == 1 {
                        return (
                            pair.iter().map(|c| country(c)).collect(),
                            PartySource::MainPair,
                        );
                    }
                }
                return (
                    found.iter().map(|c| country(c)).collect(),
                    PartySource::Context,
                );
            }
            if let Some(pair) = &self.main_pair {
                let inside = found.iter().all(|c| pair.contains(c));
                let covers = pair.iter().all(|c| found.contains(c));
                if (!found.is_empty() && inside) || covers || (found.is_empty() && back == 3) {
                    return (
                        pair.iter().map(|c| country(c)).collect(),
                        PartySource::MainPair,
                    );
                }
            }
            if found.len() > 2 {
                break;
            }
        }
        (Vec::new(), PartySource::Context)
    }

    /// The last bloc named before `before` (this unit and three before).
    pub(super) fn last_bloc(&self, ui: usize, before: usize) -> Option<Party> {
        for back in 0..=3 {
            let u = ui.checked_sub(back).and_then(|i| self.units.get(i))?;
            let end = if back == 0 { before } else { u.span.end };
            for e in self.ents_in(u.span.start, end).iter().rev() {
                if let Some(b) = bloc_name(self.t(e.span.start, e.span.end)) {
                    return Some(Party {
                        name: b.into(),
                        kind: PartyType::Organization,
                    });
                }
            }
        }
        None
    }
}
