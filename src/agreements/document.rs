//! The document read: its units, the story's days, and the entities and dates of a span.

use super::*;

impl<'d> Cx<'d> {
    pub(super) fn new(doc: &'d Document) -> Self {
        let text = doc.text.as_str();
        let valid = |s: ByteSpan| {
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let mut ents: Vec<Entity> = doc
            .entities
            .iter()
            .filter(|e| valid(e.span))
            .cloned()
            .collect();
        ents.sort_by_key(|e| (e.span.start, e.span.end));
        let mut dates: Vec<(ByteSpan, Option<DateValue>)> = doc
            .dates
            .iter()
            .filter(|d| valid(d.span))
            .map(|d| (d.span, d.value.clone()))
            .collect();
        dates.sort_by_key(|(s, _)| (s.start, s.end));
        let anchor = doc
            .published
            .as_deref()
            .and_then(crate::dates::publication_anchor);
        let home_country = home_country(text, &ents);
        let mut cx = Cx {
            doc,
            text,
            ents,
            dates,
            units: Vec::new(),
            main_pair: None,
            anchor,
            lead: None,
            home_country,
        };
        cx.units = cx.make_units();
        cx.resolve_story_days();
        cx.main_pair = cx.compute_main_pair();
        cx.lead = cx.units.iter().enumerate().find_map(|(i, u)| {
            let (a, b) = (u.span.start, u.span.end);
            let cue = MEETING_CUE
                .find(cx.t(a, b))
                .or_else(|| OTHER_CUE.find(cx.t(a, b)))?;
            let at = a + cue.start();
            cx.event_dates(a, b)
                .into_iter()
                .min_by_key(|(s, _)| s.start.abs_diff(at))
                .map(|(s, v)| (i, s, v))
        });
        cx
    }

    pub(super) fn make_units(&self) -> Vec<Unit> {
        let mut units = Vec::new();
        let mut sentences: Vec<ByteSpan> = self
            .doc
            .sentences
            .iter()
            .copied()
            .filter(|s| {
                s.start < s.end
                    && s.end <= self.text.len()
                    && self.text.is_char_boundary(s.start)
                    && self.text.is_char_boundary(s.end)
            })
            .collect();
        sentences.sort_by_key(|s| (s.start, s.end));
        let mut furniture: Vec<ByteSpan> = self
            .doc
            .furniture
            .iter()
            .copied()
            .filter(|f| f.start < f.end)
            .collect();
        furniture.sort_by_key(|f| (f.start, f.end));
        // Furniture spans may nest; the longest end so far bounds the search from the left.
        let mut reach = Vec::with_capacity(furniture.len());
        let mut far = 0;
        for f in &furniture {
            far = far.max(f.end);
            reach.push(far);
        }
        for s in sentences {
            // Cut off furniture lines the sentence lies in or runs into (a headline glued to
            // the lead); a sentence inside furniture is cut away whole.
            let (mut a, mut b) = (s.start, s.end);
            let first = reach.partition_point(|&r| r <= a);
            let end = s.end;
            for f in furniture[first..].iter().take_while(|f| f.start < end) {
                if f.end <= a || f.start >= b {
                    continue;
                }
                if f.start <= a {
                    a = a.max(f.end);
                } else if f.end >= b {
                    b = b.min(f.start);
                } else if f.start - a < b - f.end {
                    a = f.end;
                } else {
                    b = f.start;
                }
            }
            if a >= b {
                continue;
            }
            let a = floor_boundary(self.text, a);
            let b = floor_boundary(self.text, b).max(a);
            let body = slice(self.text, a, b);
            let lead = body.len() - body.trim_start().len();
            let (mut start, mut dateline) = (a + lead, None);
            if let Some(c) = DATELINE.captures(slice(self.text, start, b)) {
                let city = c
                    .get(1)
                    .or_else(|| c.get(2))
                    .or_else(|| c.get(3))
                    .or_else(|| c.get(4))
                    .or_else(|| c.get(5));
                let city = city.map(|m| {
                    m.as_str()
                        .split('/')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_string()
                });
                if let Some(city) = city.filter(|c| gazetteer::country_of_place(c).is_some()) {
                    dateline = Some(gazetteer::name_case(&city));
                    start += c.get(0).map_or(0, |m| m.end());
                } else if c.get(1).or_else(|| c.get(4)).or_else(|| c.get(5)).is_some() {
                    // A credited dateline of a place we do not know ("OSLO/SEOUL (Bloomberg)
                    // --") is still no part of the prose: its credit is no party.
                    start += c.get(0).map_or(0, |m| m.end());
                }
            }
            units.push(Unit {
                sentence: s,
                span: ByteSpan::new(start.min(b), b),
                dateline,
            });
        }
        units
    }

    /// Dates told relative to the story ("The following day", "two days later", "the same
    /// day") that the dates stage left unresolved: days counted from the last day the prose
    /// named before them.
    pub(super) fn resolve_story_days(&mut self) {
        let mut last: Option<NaiveDate> = None;
        let mut unit = 0;
        for k in 0..self.dates.len() {
            let span = self.dates[k].0;
            while unit < self.units.len() && self.units[unit].span.end <= span.start {
                unit += 1;
            }
            let in_prose = self
                .units
                .get(unit)
                .is_some_and(|u| u.span.start <= span.start && span.end <= u.span.end);
            if !in_prose {
                continue;
            }
            match &self.dates[k].1 {
                Some(DateValue::Day(d)) => last = Some(*d),
                Some(DateValue::Interval(_, end)) => last = end.last_day(),
                Some(_) => {}
                None => {
                    let lower = slice(self.text, span.start, span.end).to_lowercase();
                    if let (Some(offset), Some(day)) = (story_offset(&lower), last) {
                        if let Some(d) = day.checked_add_signed(chrono::Duration::days(offset)) {
                            self.dates[k].1 = Some(DateValue::Day(d));
                            last = Some(d);
                        }
                    }
                }
            }
        }
    }

    pub(super) fn ents_in(&self, a: usize, b: usize) -> &[Entity] {
        let first = self.ents.partition_point(|e| e.span.start < a);
        let last = self.ents.partition_point(|e| e.span.start < b).max(first);
        let slice = &self.ents[first..last];
        let keep = slice.iter().take_while(|e| e.span.end <= b).count();
        &slice[..keep.min(slice.len())]
    }

    /// The DATE mentions inside `[a, b)`.
    pub(super) fn dates_in(&self, a: usize, b: usize) -> &[(ByteSpan, Option<DateValue>)] {
        let first = self.dates.partition_point(|(s, _)| s.start < a);
        let last = self.dates.partition_point(|(s, _)| s.start < b).max(first);
        let slice = &self.dates[first..last];
        let keep = slice.iter().take_while(|(s, _)| s.end <= b).count();
        &slice[..keep.min(slice.len())]
    }

    /// The value of the DATE mention starting at `at`, if one does (`Some(None)`: unresolved).
    pub(super) fn date_at(&self, at: usize) -> Option<Option<&DateValue>> {
        let i = self.dates.partition_point(|(s, _)| s.start < at);
        self.dates
            .get(i)
            .filter(|(s, _)| s.start == at)
            .map(|(_, v)| v.as_ref())
    }

    /// The start of unit `ui` or `max` bytes before `at`, whichever is later: how far back
    /// a scan from `at` looks, so that a sentence with no stops costs linear time.
    pub(super) fn window(&self, ui: usize, at: usize, max: usize) -> usize {
        let start = self.units.get(ui).map_or(0, |u| u.span.start);
        start
            .max(floor_boundary(self.text, at.saturating_sub(max)))
            .min(at)
    }

    pub(super) fn t(&self, a: usize, b: usize) -> &'d str {
        slice(self.text, a, b)
    }

    /// The previous word before `at` (lower case), within `floor`.
    pub(super) fn word_before(&self, floor: usize, at: usize) -> Option<String> {
        let floor = floor.max(floor_boundary(self.text, at.saturating_sub(64)));
        let s = self.t(floor, at);
        words(s).last().map(|&(a, b)| s[a..b].to_lowercase())
    }
}

/// The country of every place, demonym and country the entities name, when there is exactly
/// one ("NEW DELHI ... the Indian Air Force"); `None` for a story of two or more countries, or
/// of none.
fn home_country(text: &str, ents: &[Entity]) -> Option<&'static str> {
    let mut found: Option<&'static str> = None;
    for e in ents
        .iter()
        .filter(|e| matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp))
    {
        let name = &text[e.span.start..e.span.end];
        let Some(c) = gazetteer::canonical_country(name)
            .or_else(|| gazetteer::country_of_demonym(name))
            .or_else(|| gazetteer::country_of_place(name))
        else {
            continue;
        };
        match found {
            None => found = Some(c),
            Some(f) if f != c => return None,
            _ => {}
        }
    }
    found
}
