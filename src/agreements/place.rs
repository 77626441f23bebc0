//! Place: where an act happened, from its clause, the capital named, the same day's place or
//! the story's.

use super::*;

impl<'d> Cx<'d> {
    /// The place of `[a, b)`: the first place after "in", "at", "visit to", "visited",
    /// "arrived in"; mixed when it is listed with places of another country.
    pub(super) fn place_in(&self, a: usize, b: usize, exclude: Option<ByteSpan>) -> Option<Place> {
        let ents = self.ents_in(a, b);
        let skip = self.attributions(a, b);
        // Whether a place entity is where something happens: "in X", "at the X", "visited X",
        // "a visit to (the) X".
        let at_place = |e: &Entity| -> bool {
            if !matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc) {
                return false;
            }
            if exclude.is_some_and(|x| e.span.start >= x.start && e.span.end <= x.end)
                || skip
                    .iter()
                    .any(|&(x, y)| e.span.start >= x && e.span.end <= y)
            {
                return false;
            }
            // A building named after a place ("at Al-Yamamah Palace", "at the Malacanang
            // presidential palace in Manila") is no place of its own.
            static BUILDING: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^\s+(?:(?:presidential|royal|imperial|state|official|government|historic)\s+)?(?:Palace|House|Hall|Hotel|Centre|Center|Residence|Building|Stadium|Mansion|Complex|Castle|Tower|Guest\s+House|Convention|palace|residence|mansion)\b").unwrap()
            });
            if BUILDING.is_match(self.t(e.span.end, (e.span.end + 24).min(b.max(e.span.end)))) {
                return false;
            }
            let mut pre = lower_words(self.t(a.max(e.span.start.saturating_sub(48)), e.span.start));
            if pre.last().is_some_and(|w| w == "the") {
                pre.pop();
            }
            let n = pre.len();
            let p1 = pre.last().map(String::as_str).unwrap_or("");
            let p2 = if n >= 2 { pre[n - 2].as_str() } else { "" };
            let capital =
                p1 == "capital" && pre.iter().rev().take(4).any(|w| w == "in" || w == "at");
            // "the state visit of Brazilian President Lula to Santiago": the visitor between.
            let visit_of = p1 == "to" && {
                let wide = lower_words(self.t(
                    a.max(floor_boundary(self.text, e.span.start.saturating_sub(96))),
                    e.span.start,
                ));
                wide.windows(2)
                    .rev()
                    .take(10)
                    .any(|w| matches!(w[0].as_str(), "visit" | "trip") && w[1] == "of")
            };
            capital
                || visit_of
                || matches!(
                    p1,
                    "in" | "at" | "visited" | "visiting" | "visit" | "visits" | "toured"
                )
                || (p1 == "to"
                    && matches!(p2, "visit" | "trip" | "travel" | "travelled" | "traveled"))
        };
        for (i, e) in ents.iter().enumerate() {
            if !at_place(e) {
                continue;
            }
            let name = gazetteer::name_case(self.t(e.span.start, e.span.end).trim());
            let country = gazetteer::country_of_place(&name).map(str::to_string);
            // Places listed together: "in Hekou county, Yunnan Province ... and Lao Cai of Vietnam".
            let mut end = e.span.end;
            for f in &ents[i + 1..] {
                if !matches!(f.label, EntityLabel::Gpe | EntityLabel::Loc) {
                    break;
                }
                let gap = lower_words(self.t(end, f.span.start));
                let glue = self
                    .t(end, f.span.start)
                    .chars()
                    .all(|c| c.is_whitespace() || c == ',');
                if !(glue
                    || gap
                        .iter()
                        .all(|w| matches!(w.as_str(), "and" | "in" | "of" | "the" | "as" | "well")))
                {
                    break;
                }
                let other = gazetteer::country_of_place(self.t(f.span.start, f.span.end));
                if let (Some(c), Some(o)) = (&country, other) {
                    if c != o {
                        return Some(Place::Mixed);
                    }
                }
                end = f.span.end;
            }
            // A country, then a city of it: "a visit to Kenya that began with his arrival in
            // Nairobi" is in Nairobi.
            if gazetteer::is_country(&name) {
                let city = ents[i + 1..].iter().find(|f| {
                    f.label == EntityLabel::Gpe
                        && at_place(f)
                        && !gazetteer::is_country(self.t(f.span.start, f.span.end))
                        && gazetteer::country_of_place(self.t(f.span.start, f.span.end))
                            == country.as_deref()
                });
                if let Some(f) = city {
                    let name = gazetteer::name_case(self.t(f.span.start, f.span.end).trim());
                    return Some(Place::Found(Location { name, country }));
                }
            }
            return Some(Place::Found(Location { name, country }));
        }
        self.capital_in(a, b, exclude).map(Place::Found)
    }

    /// "in the capital", "in the Kazakh capital", "in Kenya's capital" with no name: the
    /// dateline city, else the city last named before, of that country when one is given, else
    /// that country's capital.
    pub(super) fn capital_in(
        &self,
        a: usize,
        b: usize,
        exclude: Option<ByteSpan>,
    ) -> Option<Location> {
        static CAPITAL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:in|at)\s+(?:the\s+(?:([A-Z][\w'’-]+)\s+)?|([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’-]+)?)['’]s\s+)capital\b").unwrap()
        });
        let s = self.t(a, b);
        let c = CAPITAL.captures(s)?;
        let whole = c.get(0)?;
        let at = a + whole.start();
        if exclude.is_some_and(|x| at >= x.start && at < x.end) {
            return None;
        }
        // Named right after ("in the capital, Hanoi"): the entity check took it already.
        let next = s[whole.end()..].trim_start_matches([',', ' ']);
        if next.starts_with(|ch: char| ch.is_uppercase()) {
            return None;
        }
        // "capital markets", "capital spending": no place.
        let nw = next
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if next.starts_with(|ch: char| ch.is_alphanumeric())
            && !STOP.contains(&nw.as_str())
            && !is_calendar_word(&nw)
            && !matches!(
                nw.as_str(),
                "last" | "this" | "earlier" | "later" | "and" | "yesterday" | "today" | "next"
            )
        {
            return None;
        }
        let country: Option<&str> = match c.get(1).or_else(|| c.get(2)).map(|g| g.as_str()) {
            Some(w) => {
                Some(gazetteer::country_of_demonym(w).or_else(|| gazetteer::canonical_country(w))?)
            }
            None => None,
        };
        let fits = |name: &str| {
            !gazetteer::is_country(name)
                && gazetteer::country_of_place(name).is_some()
                && country.is_none_or(|c| gazetteer::country_of_place(name) == Some(c))
        };
        let ui = self.units.partition_point(|u| u.span.end <= at);
        let dateline = self
            .units
            .iter()
            .take(ui + 1)
            .find_map(|u| u.dateline.as_ref())
            .filter(|d| fits(d));
        let name = match dateline {
            Some(d) => d.clone(),
            None => {
                let first = self.ents.partition_point(|e| e.span.start < at);
                let named_before = self.ents[..first].iter().rev().take(200).find(|e| {
                    e.label == EntityLabel::Gpe && fits(self.t(e.span.start, e.span.end))
                });
                match named_before {
                    Some(e) => gazetteer::name_case(self.t(e.span.start, e.span.end).trim()),
                    None => gazetteer::capital_of(country?)?.to_string(),
                }
            }
        };
        let country = gazetteer::country_of_place(&name).map(str::to_string);
        Some(Location { name, country })
    }

    /// The place of talks or a meeting held in person on the day `d`, told near unit `ui` (up to
    /// eight sentences before, three after): its own place or its sentence's dateline city.
    pub(super) fn same_day_place(&self, ui: usize, d: &DateField) -> Option<Location> {
        let Some(DateValue::Day(day)) = d.value.as_ref() else {
            return None;
        };
        let order = (1..=8usize)
            .filter_map(|k| ui.checked_sub(k))
            .chain((1..=3).map(|k| ui + k));
        for i in order {
            let Some(u) = self.units.get(i) else { continue };
            let (a, b) = (u.span.start, u.span.end);
            let Some(cue) = MEETING_CUE.find(self.t(a, b)) else {
                continue;
            };
            let c = cue.as_str().to_lowercase();
            if c.contains("phone") || c.contains("video") {
                continue;
            }
            let at = a + cue.start();
            let near = self.event_dates(a, b).into_iter().min_by_key(|(s, _)| {
                if s.start >= at {
                    s.start - at
                } else {
                    at - s.end.min(at)
                }
            });
            if !matches!(near, Some((_, DateValue::Day(x))) if x == *day) {
                continue;
            }
            match self.place_in(a, b, None) {
                Some(Place::Found(l)) => return Some(l),
                Some(Place::Mixed) => return None,
                None => {}
            }
            if let Some(city) = &u.dateline {
                return Some(Location {
                    name: city.clone(),
                    country: gazetteer::country_of_place(city).map(str::to_string),
                });
            }
        }
        None
    }

    /// The place the story's events of unit `ui` took place in: the place of the nearest visit
    /// or arrival (a city over its country), when it is in the country of one of `parties`.
    pub(super) fn story_place(&self, ui: usize, parties: &[Party]) -> Option<Location> {
        static VISIT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:visit(?:ed|ing|s)?|arriv(?:ed|es|ing|al)|trip|tour)\b").unwrap()
        });
        let fits = |l: &Location| {
            l.country.as_deref().is_some_and(|c| {
                parties
                    .iter()
                    .any(|p| p.kind == PartyType::Country && p.name == c)
            })
        };
        // Nearest first: this sentence, up to twelve before, then up to four after ("The
        // Mongolian leader arrived in Astana on Wednesday" told after the signing).
        let order = (0..=12usize)
            .filter_map(|k| ui.checked_sub(k))
            .chain((1..=4).map(|k| ui + k));
        for i in order {
            let Some(u) = self.units.get(i) else { continue };
            let (a, b) = (u.span.start, u.span.end);
            if !VISIT.is_match(self.t(a, b)) {
                continue;
            }
            if let Some(Place::Found(l)) = self.place_in(a, b, None) {
                if fits(&l) {
                    return Some(l);
                }
            }
        }
        None
    }
}
