//! Dates: an act's date from its clause, the story's days, a visit or talks it belongs to, or
//! the event it is part of.

use super::*;

impl<'d> Cx<'d> {
    /// The resolved dates of `[a, b)` that may date an event there.
    pub(super) fn event_dates(&self, a: usize, b: usize) -> Vec<(ByteSpan, DateValue)> {
        let asides = self.asides(a, b);
        let skip = self.attributions(a, b);
        self.dates_in(a, b)
            .iter()
            .filter(|(s, _)| {
                !asides
                    .iter()
                    .chain(skip.iter())
                    .any(|&(x, y)| s.start >= x && s.end <= y)
            })
            .filter(|(s, _)| {
                let prev = self.word_before(a, s.start).unwrap_or_default();
                let prev2 = {
                    let pre = self.t(a, s.start);
                    let ws = lower_words(pre);
                    ws.len()
                        .checked_sub(2)
                        .map(|i| ws[i].clone())
                        .unwrap_or_default()
                };
                // A page's date stuck before its first sentence ("2022-09-01 PHILIPPINE
                // President ..."): the page's, not an event's.
                let stuck = {
                    let before = self.t(a, s.start).trim();
                    (before.is_empty() || before.eq_ignore_ascii_case("date"))
                        && self
                            .t(s.start, s.end)
                            .bytes()
                            .all(|c| c.is_ascii_digit() || c == b'-')
                };
                if stuck {
                    return false;
                }
                let reporting =
                    |w: &str| matches!(w, "said" | "says" | "reported" | "told" | "announced");
                // A bound ("a strategy till 2025", "by 2030"), before the mention or as its
                // first word, is no date of the act.
                let first = lower_words(self.t(s.start, s.end))
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                let bounded = crate::dates::bounded_by(self.t(a, s.start))
                    || crate::dates::bounded_by(&first);
                !(bounded || reporting(&prev) || (prev == "on" && reporting(&prev2)))
            })
            .filter_map(|(s, v)| v.clone().map(|v| (*s, v)))
            .collect()
    }

    /// Whether `[a, b)` tells its own time in a phrase the page gives no anchor for ("Last
    /// April, X and Y signed ..." on a page with no date): a day the text cannot pin down, so
    /// none is borrowed from the events told around it. Durations ("a five-year pact") and days
    /// counted from the story ("the same day") are no such time.
    pub(super) fn unanchored_time(&self, a: usize, b: usize) -> bool {
        let anchor = NaiveDate::from_ymd_opt(2000, 6, 15);
        self.dates_in(a, b).iter().any(|(s, v)| {
            let text = self.t(s.start, s.end);
            v.is_none()
                && story_offset(&text.to_lowercase()).is_none()
                && crate::dates::resolve(
                    text,
                    &crate::dates::DateContext::new(anchor, crate::dates::Tense::Past),
                )
                .is_some()
        })
    }

    /// A record's date: the mention as written, its value at the precision the event was
    /// reported with (as meetings do: "later this year" is the year).
    pub(super) fn date_field(&self, span: ByteSpan, value: DateValue) -> DateField {
        let text = self.t(span.start, span.end);
        let value = crate::dates::record_value(&text.to_lowercase(), value, self.anchor);
        DateField {
            text: text.to_string(),
            value: Some(value),
        }
    }

    /// Whether a record's date lies within two weeks before (or a day after) publication: an
    /// event of the story, not background.
    pub(super) fn recent(&self, date: Option<&DateField>) -> bool {
        let (Some(anchor), Some(v)) = (self.anchor, date.and_then(|d| d.value.as_ref())) else {
            return false;
        };
        let (Some(first), Some(last)) = (v.first_day(), v.last_day()) else {
            return false;
        };
        last >= anchor - chrono::Duration::days(14) && first <= anchor + chrono::Duration::days(1)
    }

    /// The last day of a visit told in `[a, b)`: the end of its span, or its arrival day `d`
    /// and its length ("arrived on Tuesday for a two-day visit").
    pub(super) fn visit_last_day(&self, a: usize, b: usize, d: &DateField) -> Option<DateField> {
        static LENGTH: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(two|three|four|five|six|seven|2|3|4|5|6|7)-day\b").unwrap()
        });
        let last = match d.value.as_ref()? {
            DateValue::Interval(_, end) => end.last_day()?,
            DateValue::Day(day) => {
                let n = match LENGTH
                    .captures(self.t(a, b))?
                    .get(1)?
                    .as_str()
                    .to_lowercase()
                    .as_str()
                {
                    "two" | "2" => 2,
                    "three" | "3" => 3,
                    "four" | "4" => 4,
                    "five" | "5" => 5,
                    "six" | "6" => 6,
                    _ => 7,
                };
                day.checked_add_days(chrono::Days::new(n - 1))?
            }
            _ => return None,
        };
        Some(DateField {
            text: d.text.clone(),
            value: Some(DateValue::Day(last)),
        })
    }

    /// The day of the talks told in `[a, b)`, when it lies inside the span `d` of a visit.
    pub(super) fn talks_day_within(&self, a: usize, b: usize, d: &DateField) -> Option<DateField> {
        static TALKS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:talks|met|meeting|sat\s+down|held\s+talks)\b").unwrap()
        });
        let Some(DateValue::Interval(..)) = d.value.as_ref() else {
            return None;
        };
        let span = d.value.as_ref()?;
        let (first, last) = (span.first_day()?, span.last_day()?);
        let at = a + TALKS.find(self.t(a, b))?.start();
        let (s, v) = self.event_dates(a, b).into_iter().min_by_key(|(s, _)| {
            if s.start >= at {
                s.start - at
            } else {
                at - s.end.min(at)
            }
        })?;
        match &v {
            DateValue::Day(day) if *day >= first && *day <= last => Some(self.date_field(s, v)),
            _ => None,
        }
    }

    /// The date and place of the event a clause points back to, or of the nearest earlier
    /// talks; `pointer` is the pointed-at noun ("forum", "talks"), if any.
    pub(super) fn context_event(
        &self,
        ui: usize,
        before: usize,
        pointer: Option<&str>,
        at_end: bool,
        also: bool,
        planned: bool,
    ) -> (Option<DateField>, Option<Location>, bool) {
        // The spans to look at, nearest first: this sentence before the clause, then earlier ones.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        if let Some(u) = self.units.get(ui) {
            if before > u.span.start {
                spans.push((self.window(ui, before, LOOKBACK), before));
            }
        }
        for back in 1..=8 {
            if let Some(u) = ui.checked_sub(back).and_then(|i| self.units.get(i)) {
                spans.push((u.span.start, u.span.end));
            }
        }
        let date_near = |a: usize, b: usize, at: usize| -> Option<DateField> {
            self.event_dates(a, b)
                .into_iter()
                .min_by_key(|(s, _)| {
                    if s.start >= at {
                        s.start - at
                    } else {
                        at - s.end.min(at)
                    }
                })
                .map(|(s, v)| self.date_field(s, v))
        };
        // The place of an event told in `[a, b)`; for one met in person, the dateline city of
        // its sentence when the sentence names none ("ASTANA, June 12 (Kazinform) -- X held
        // talks with Y at the Akorda presidential residence").
        let place = |a: usize, b: usize, in_person: bool| match self.place_in(a, b, None) {
            Some(Place::Found(l)) => Some(Some(l)),
            Some(Place::Mixed) => Some(None),
            None => {
                let u = self
                    .units
                    .get(self.units.partition_point(|u| u.span.end <= a))?;
                let city = u
                    .dateline
                    .as_ref()
                    .filter(|_| in_person && u.span.start <= a)?;
                Some(Some(Location {
                    name: city.clone(),
                    country: gazetteer::country_of_place(city).map(str::to_string),
                }))
            }
        };
        if let Some(noun) = pointer {
            static POINTED: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
                let r = |s: &str| Regex::new(s).unwrap();
                let talks = r"(?i)\b(?:talks|discussions|meetings?|met|negotiations|dialogue|sat\s+down|co-chair(?:ed|s)?|hosted|received)\b";
                let visit = r"(?i)\b(?:visit(?:ed|ing|s)?|trip|tour|arrived)\b";
                let call = r"(?i)\b(?:call|conversation|(?:tele)?phone|video\s*-?\s*conferenc\w*|videoconferenc\w*)\b";
                let mut v: Vec<(&'static str, Regex)> = Vec::new();
                for n in [
                    "talks",
                    "discussions",
                    "meeting",
                    "meetings",
                    "negotiations",
                    "dialogue",
                ] {
                    v.push((n, r(talks)));
                }
                for n in ["visit", "trip", "tour"] {
                    v.push((n, r(visit)));
                }
                for n in ["call", "conversation"] {
                    v.push((n, r(call)));
                }
                for n in [
                    "forum",
                    "summit",
                    "conference",
                    "session",
                    "exchange",
                    "ceremony",
                    "event",
                ] {
                    v.push((n, r(&format!(r"(?i)\b{n}s?\b"))));
                }
                v
            });
            if let Some((_, re)) = POINTED.iter().find(|(n, _)| *n == noun) {
                for &(a, b) in &spans {
                    if let Some(m) = re.find(self.t(a, b)) {
                        if let Some(mut d) = date_near(a, b, a + m.start()) {
                            // Documents signed during a visit of several days are signed at its
                            // talks: "paid a state visit on June 11-12, sat down for talks ... on
                            // June 12".
                            if matches!(noun, "visit" | "trip" | "tour") {
                                let day = if at_end {
                                    self.visit_last_day(a, b, &d)
                                } else {
                                    self.talks_day_within(a, b, &d)
                                };
                                if let Some(day) = day {
                                    d = day;
                                }
                            }
                            let remote = matches!(noun, "call" | "conversation");
                            return (Some(d), place(a, b, !remote).flatten(), remote);
                        }
                    }
                }
            }
        }
        if planned {
            // Only this sentence may tell when and where: "Lam is due to visit Singapore on
            // Wednesday, where the two countries are expected to sign ...".
            if let Some(&(a, b)) = spans
                .first()
                .filter(|_| before > self.units.get(ui).map_or(before, |u| u.span.start))
            {
                let cue = MEETING_CUE
                    .find(self.t(a, b))
                    .or_else(|| OTHER_CUE.find(self.t(a, b)));
                if let Some(cue) = cue {
                    if let Some(d) = date_near(a, b, a + cue.start()) {
                        return (Some(d), place(a, b, false).flatten(), false);
                    }
                }
            }
            return (None, None, false);
        }
        // "X and Y also signed ...": at the signing told just before.
        if also {
            static SIGNING: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"(?i)\b(?:signed|inked|signing)\b").unwrap());
            for &(a, b) in spans.iter().take(3) {
                if let Some(m) = SIGNING.find(self.t(a, b)) {
                    if let Some(d) = date_near(a, b, a + m.start()) {
                        return (Some(d), place(a, b, true).flatten(), false);
                    }
                }
            }
        }
        let nearest = spans
            .iter()
            .take(6)
            .position(|&(a, b)| MEETING_CUE.is_match(self.t(a, b)))
            .or_else(|| {
                spans
                    .iter()
                    .take(6)
                    .position(|&(a, b)| OTHER_CUE.is_match(self.t(a, b)))
            });
        let mut location: Option<Option<Location>> = None;
        if let Some(i) = nearest {
            for &(a, b) in spans.iter().skip(i).take(5) {
                let cue = MEETING_CUE
                    .find(self.t(a, b))
                    .or_else(|| OTHER_CUE.find(self.t(a, b)));
                // Places come only from sentences that tell of an event.
                if location.is_none() {
                    if let Some(c) = &cue {
                        let c = c.as_str().to_lowercase();
                        location = place(a, b, !(c.contains("phone") || c.contains("video")));
                    }
                }
                if let Some(cue) = cue {
                    if let Some(d) = date_near(a, b, a + cue.start()) {
                        let c = cue.as_str().to_lowercase();
                        let remote = c.contains("phone") || c.contains("video");
                        return (Some(d), location.flatten(), remote);
                    }
                }
            }
        }
        // The lead event of the story, when it comes before.
        if let Some((lead, span, value)) = self.lead.clone() {
            if lead < ui || (lead == ui && span.end <= before) {
                return (
                    Some(self.date_field(span, value)),
                    location.flatten(),
                    false,
                );
            }
        }
        (None, location.flatten(), false)
    }
}

/// Days after the story's last named day that a relative date means: "the same day" 0, "the
/// following day" / "the next day" / "a day later" 1, "two days later" 2; `None` otherwise.
pub(super) fn story_offset(lower: &str) -> Option<i64> {
    let lower = lower.trim().trim_start_matches("on ").trim();
    if matches!(
        lower,
        "the same day" | "that same day" | "later that day" | "later the same day" | "that day"
    ) {
        return Some(0);
    }
    if matches!(
        lower,
        "the following day" | "the next day" | "a day later" | "the day after" | "one day later"
    ) {
        return Some(1);
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let [n, "days", "later"] = words.as_slice() {
        return match *n {
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            d => d.parse::<i64>().ok().filter(|d| (1..=14).contains(d)),
        };
    }
    None
}
