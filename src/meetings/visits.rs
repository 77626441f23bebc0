//! Visits across the document, once every sentence is read: a visit told by its end spans its
//! days, meetings within a visit take its place, a building with no town takes the dateline's
//! city.

use super::*;
use regex::Regex;

impl<'d> Reader<'d> {
    /// "Pompeo cancelled his trip to Berlin. ... Pompeo was expected to meet Maas": a meeting
    /// the text plans in the past tense, of someone whose visit it tells as cancelled, was
    /// called off with the visit.
    pub(super) fn plans_of_cancelled_trips(&mut self) {
        static PAST_PLAN: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(
                r"(?i)\b(?:was|were)\s+(?:\w+ly\s+|also\s+)?(?:expected|due|scheduled|set|slated|planned|meant)\s+to\b",
            )
            .unwrap()
        });
        for i in 0..self.recs.len() {
            let m = &self.recs[i].meeting;
            if m.kind == MeetingKind::Visit
                || m.status != MeetingStatus::Planned
                || !m.sources.iter().any(|e| PAST_PLAN.is_match(&e.sentence))
            {
                continue;
            }
            let called_off = self.recs.iter().any(|v| {
                v.meeting.kind == MeetingKind::Visit
                    && v.meeting.status == MeetingStatus::Cancelled
                    && crate::merge::shares_participant(&v.meeting, m)
            });
            if called_off {
                self.recs[i].meeting.status = MeetingStatus::Cancelled;
            }
        }
    }

    /// "X arrived in Nairobi on Monday ... X wrapped up the visit on Wednesday": both records
    /// of the visit get the span, so that merging makes them one.
    pub(super) fn join_visit_ends(&mut self) {
        for i in 0..self.recs.len() {
            if !self.recs[i].ends_visit {
                continue;
            }
            let Some(DateValue::Day(end)) = self.recs[i]
                .meeting
                .date
                .as_ref()
                .and_then(|d| d.value.clone())
            else {
                continue;
            };
            let start = (0..i).rev().find_map(|j| {
                let (a, b) = (&self.recs[j].meeting, &self.recs[i].meeting);
                let fits = a.kind == MeetingKind::Visit
                    && a.status == b.status
                    && crate::merge::shares_participant(a, b)
                    && places_fit(a.location.as_ref(), b.location.as_ref());
                match a.date.as_ref().and_then(|d| d.value.as_ref()) {
                    Some(DateValue::Day(d)) if fits && *d < end && (end - *d).num_days() <= 14 => {
                        Some((j, *d))
                    }
                    _ => None,
                }
            });
            let Some((j, start)) = start else { continue };
            let Some(span) = DateValue::interval(DateValue::Day(start), DateValue::Day(end)) else {
                continue;
            };
            for k in [j, i] {
                if let Some(d) = self.recs[k].meeting.date.as_mut() {
                    d.value = Some(span.clone());
                }
            }
        }
    }

    /// A meeting with no place of its own that one of its people holds during a visit takes
    /// the visit's place (seed 001: talks during Qin Gang's visit are in Beijing), however far
    /// apart the sentences: "Al Busaidi also met ... on Monday" after "The Omani minister
    /// arrived in Doha on Sunday on a two-day visit". The meeting must fall within the visit
    /// (its length, at least three days, from the arrival), or, undated, be told after it: up
    /// to eight sentences after, or any distance when its clause says "during his visit".
    pub(super) fn places_from_visits(&mut self) {
        for i in 0..self.recs.len() {
            let r = &self.recs[i];
            if matches!(r.meeting.kind, MeetingKind::Visit | MeetingKind::Call)
                || r.meeting.location.is_some()
                || r.place_ambiguous
            {
                continue;
            }
            let own = r.meeting.date.as_ref().and_then(|d| d.value.as_ref());
            let mut candidates: Vec<(usize, usize)> = Vec::new();
            for (j, v) in self.recs.iter().enumerate() {
                let m = &v.meeting;
                if !may_place(m, r.meeting.status)
                    || !crate::merge::shares_participant(m, &r.meeting)
                {
                    continue;
                }
                // Only days can be placed within a visit; an undated meeting told after it may be.
                let within = match (own, within_visit(m, v.visit_days, own)) {
                    (None, _) => {
                        v.sentence < r.sentence
                            && (r.during_visit || r.sentence - v.sentence <= VISIT_REACH)
                    }
                    (Some(d), Some(w)) => w && is_days(d),
                    (Some(_), None) => false,
                };
                if within {
                    candidates.push((v.sentence.abs_diff(r.sentence), j));
                }
            }
            let hosts = host_countries(r.meeting.participants.iter());
            let place_of = |j: usize| self.recs[j].meeting.location.as_ref();
            if let Some(j) = placing_visit(&candidates, &hosts, place_of) {
                let loc = self.recs[j].meeting.location.clone();
                let m = &mut self.recs[i].meeting;
                m.location = loc;
                m.confidence = round2((m.confidence + 0.03).min(0.99));
            }
        }
    }

    /// A meeting at a building the text does not place ("held talks at the Akorda presidential
    /// residence", "at State House") is in the dateline's city ("ASTANA, June 12 (Kazinform)
    /// --"): wire reports are filed from where such meetings take place. So is a meeting that
    /// happened, told with no place in the dateline's own sentence ("RAMALLAH, November 21
    /// (WAFA) - President Abbas Monday received King Abdullah II"): the lead is the story the
    /// dateline places. Not a planned one: "LONDON (Reuters) - X and Y will meet next week" is
    /// filed from London, not about it.
    pub(super) fn places_from_dateline(&mut self) {
        let Some(city) = self.dateline.clone() else {
            return;
        };
        let lead = self.dateline_sentence;
        for r in &mut self.recs {
            let m = &mut r.meeting;
            let lead_event = lead == Some(r.sentence) && m.status == MeetingStatus::Occurred;
            if (r.venue || lead_event)
                && m.location.is_none()
                && !r.place_ambiguous
                && !matches!(m.kind, MeetingKind::Call | MeetingKind::Visit)
                && m.status != MeetingStatus::Cancelled
            {
                m.location = Some(city.clone());
            }
        }
    }

    /// The dateline city a sentence opens with ("ASTANA, June 12 (Kazinform) --", "BRASÍLIA
    /// (AFP) -"): a place in capitals followed by a comma, a bracket or a dash.
    pub(super) fn read_dateline(&mut self, si: usize, units: &[Unit]) {
        if self.dateline.is_some() {
            return;
        }
        let (Some(first), Some(second)) = (units.first(), units.get(1)) else {
            return;
        };
        let text = self.text(first.span);
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let capitals = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
        // "BISHKEK. March 13 (Interfax) -": Interfax closes the place with a period.
        static PERIOD_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\p{Lu}[\p{Lu} '’-]+\.\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\s*\([^)\n]{1,30}\)\s*[-–—]").unwrap()
        });
        let period = second.is_p('.')
            && self
                .doc
                .text
                .get(first.span.start..)
                .is_some_and(|t| PERIOD_DATELINE.is_match(t));
        // "DOHA: The Amir received ...", as Gulf papers write it: a colon after a city in
        // capitals (not a country: "KENYA: ..." labels a roundup's item).
        let colon = capitals && second.is_p(':') && gazetteer::canonical_country(text).is_none();
        let opener = [',', '(', '-', '—', '–', '/']
            .iter()
            .any(|&c| second.is_p(c))
            || period
            || colon;
        // A city in title case needs the dateline's date and credit: "Bucharest, 4 May
        // /Agerpres/ -", "Lima, Jul. 2 (Andina) -".
        static TITLE_CASE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\p{Lu}[\p{L} .'’-]{1,40}?,\s*(?:\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?|\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:\([^)\n]{1,30}\)|/[^/\n]{1,30}/)\s*[-–—]")
                .unwrap()
        });
        // Or the agency between slashes right after it: "Ulaanbaatar/MONTSAME/ On July 20, ...".
        static CITY_SLASH_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\p{Lu}[\p{L} .'’-]{1,40}?/\p{Lu}[\p{Lu}\p{N} .&-]{1,20}/").unwrap()
        });
        let titled = || {
            let end = units.last().map_or(first.span.end, |u| u.span.end);
            self.doc
                .text
                .get(first.span.start..end)
                .is_some_and(|t| TITLE_CASE.is_match(t) || CITY_SLASH_AGENCY.is_match(t))
        };
        if first.is_place()
            && (capitals || titled())
            && opener
            && gazetteer::country_of_place(text).is_some()
        {
            let name = gazetteer::name_case(text);
            self.dateline = Some(Location {
                name,
                country: gazetteer::country_of_place(text).map(str::to_string),
            });
            self.dateline_sentence = Some(si);
        }
    }

    /// The span and arrival place of a visit told by its end: the arrival's date and place
    /// ("that began with his arrival in Nairobi on Monday") and the end's date (`end`).
    pub(super) fn visit_span(
        &mut self,
        s: &Sentence,
        r: &Read,
        end: &Option<DateInfo>,
    ) -> Option<(Option<DateInfo>, Option<usize>)> {
        let units = s.units;
        let a = (r.t.core_end..r.end)
            .find(|&k| units[k].is_wi(&["arrival", "arrived"]))
            .or_else(|| {
                (r.t.core_end..r.end).find(|&k| units[k].is_wi(&["began", "begun", "started"]))
            })?;
        let place = (a + 1..(a + 6).min(r.end))
            .find(|&k| units[k].is_place() && !units[k].poss && units[k - 1].is_wi(&["in", "at"]));
        let start_unit = (a + 1..(a + 10).min(r.end)).find(|&k| units[k].is(EntityLabel::Date));
        let start = start_unit.map(|k| self.date_of(&units[k], Tense::Past));
        // The end: the day nearest the verb, before the arrival phrase.
        let head = r.t.head;
        let mut near: Vec<usize> = (r.cs..a)
            .filter(|&k| units[k].is(EntityLabel::Date) && !s.excluded[k])
            .collect();
        near.sort_by_key(|&k| k.abs_diff(head));
        let end = near
            .into_iter()
            .map(|k| self.date_of(&units[k], Tense::Past))
            .find(|d| matches!(d.field.value, Some(DateValue::Day(_))))
            .or_else(|| {
                end.clone()
                    .filter(|e| start.as_ref().is_none_or(|s| s.field != e.field))
            });
        let span = match (start, end) {
            (Some(s0), Some(e0)) => match (s0.field.value.as_ref(), e0.field.value.as_ref()) {
                (Some(DateValue::Day(x)), Some(DateValue::Day(y)))
                    if x < y && (*y - *x).num_days() <= 31 =>
                {
                    DateValue::interval(DateValue::Day(*x), DateValue::Day(*y)).map(|v| DateInfo {
                        field: DateField {
                            text: format!("{} to {}", s0.field.text, e0.field.text),
                            value: Some(v),
                        },
                        resolved: true,
                    })
                }
                _ => None,
            },
            _ => None,
        };
        Some((span, place))
    }
}

/// Whether `visit` is a placed visit that an event of `status` may be part of: not cancelled,
/// and not still to come when the event happened.
pub(super) fn may_place(visit: &Meeting, status: MeetingStatus) -> bool {
    visit.kind == MeetingKind::Visit
        && visit.status != MeetingStatus::Cancelled
        && !(visit.status == MeetingStatus::Planned && status == MeetingStatus::Occurred)
        && visit.location.is_some()
}

/// Whether a date lies within a visit: a day or days from the arrival to the visit's length
/// after it (at least three days: a "two-day visit" from Wednesday still covers a Friday
/// meeting the writer places in it), a month or year that overlaps it. `None` when either
/// date is unknown.
pub(super) fn within_visit(
    visit: &Meeting,
    days: Option<i64>,
    own: Option<&DateValue>,
) -> Option<bool> {
    let own = own?;
    let v = visit.date.as_ref()?.value.as_ref()?;
    let start = v.first_day()?;
    let end = match v {
        DateValue::Day(d) => {
            d.checked_add_days(chrono::Days::new(days.unwrap_or(0).max(3) as u64))?
        }
        _ => v.last_day()?,
    };
    let (a, b) = (own.first_day()?, own.last_day()?);
    Some(if is_days(own) {
        start <= a && b <= end
    } else {
        a <= end && start <= b
    })
}

/// Whether a value is a day or a span of days.
pub(super) fn is_days(v: &DateValue) -> bool {
    match v {
        DateValue::Day(_) => true,
        DateValue::Interval(a, _) => matches!(**a, DateValue::Day(_)),
        _ => false,
    }
}

/// Whether two places can be one: either unknown, the same, or one inside the other's country.
pub(super) fn places_fit(a: Option<&Location>, b: Option<&Location>) -> bool {
    let (Some(x), Some(y)) = (a, b) else {
        return true;
    };
    gazetteer::fold(&x.name) == gazetteer::fold(&y.name)
        || (x.country.is_some()
            && x.country == y.country
            && (gazetteer::is_country(&x.name) || gazetteer::is_country(&y.name)))
}

/// A visit's length in days from its phrase: "a three-day visit", "a 2-day trip", "a
/// week-long tour".
pub(super) fn visit_days(units: &[Unit], from: usize, to: usize) -> Option<i64> {
    for u in units.get(from..to.min(units.len()))? {
        let w = u.low.as_str();
        if w == "week-long" || w == "weeklong" {
            return Some(7);
        }
        let Some(n) = w.strip_suffix("-day") else {
            continue;
        };
        let days = match n {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            d => match d.parse::<i64>() {
                Ok(d) if (1..=31).contains(&d) => d,
                _ => continue,
            },
        };
        return Some(days);
    }
    None
}

/// The countries of a meeting's people: a tour's stop in one of them is where they met.
pub(super) fn host_countries<'p>(people: impl Iterator<Item = &'p Participant>) -> Vec<&'p str> {
    people.filter_map(|p| p.country.as_deref()).collect()
}

/// Of the visits that could place a meeting (`(distance in sentences, visit)`), the nearest;
/// but a tour of several countries places a meeting in the country of its host ("visits to
/// Indonesia and Singapore ... would meet Indonesian President Joko Widodo": Indonesia), and
/// nearest visits to different countries with no host to tell them apart place it nowhere.
pub(super) fn placing_visit<'l>(
    candidates: &[(usize, usize)],
    hosts: &[&str],
    place_of: impl Fn(usize) -> Option<&'l Location>,
) -> Option<usize> {
    let country_of = |j: usize| {
        place_of(j).and_then(|l| {
            l.country
                .as_deref()
                .or_else(|| gazetteer::country_of_place(&l.name))
        })
    };
    let in_host: Vec<(usize, usize)> = candidates
        .iter()
        .copied()
        .filter(|&(_, j)| country_of(j).is_some_and(|c| hosts.contains(&c)))
        .collect();
    let pool = if in_host.is_empty() {
        candidates
    } else {
        &in_host[..]
    };
    let nearest = pool.iter().map(|&(d, _)| d).min()?;
    let at_nearest: Vec<usize> = pool
        .iter()
        .filter(|&&(d, _)| d == nearest)
        .map(|&(_, j)| j)
        .collect();
    // Stops in one country ("arrived in Beijing ... the visits to China") are one place, told
    // most precisely by a city.
    let one_country = at_nearest
        .iter()
        .all(|&j| country_of(j) == country_of(at_nearest[0]));
    let city = at_nearest
        .iter()
        .copied()
        .find(|&j| place_of(j).is_some_and(|l| !gazetteer::is_country(&l.name)));
    one_country.then(|| city.unwrap_or(at_nearest[0]))
}
