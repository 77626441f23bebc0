//! Dates: a record's date from the dates stage's mentions, read in its clause's tense, relative
//! to the story ("the following day") or to another event, or from a fronted phrase.

use super::*;

impl<'d> Reader<'d> {
    pub(super) fn date_mention(&self, span: ByteSpan) -> Option<&'d dates::DateMention> {
        let i = self
            .doc
            .dates
            .partition_point(|d| d.span.start < span.start);
        self.doc.dates.get(i).filter(|d| d.span == span)
    }

    /// The latest year the text names (for documents without a publication date).
    pub(super) fn fallback_year(&mut self) -> Option<i32> {
        if let Some(y) = self.fallback_year {
            return y;
        }
        let y = if self.anchor.is_some() {
            None
        } else {
            self.doc
                .dates
                .iter()
                .filter_map(|d| d.value.as_ref())
                .filter_map(|v| v.last_day())
                .map(|d| d.year())
                .filter(|&y| (1900..=2100).contains(&y))
                .max()
        };
        self.fallback_year = Some(y);
        y
    }

    /// For an undated document: the one full day the text names that falls on the weekday
    /// `lower` names (several weekdays, or several such days: none).
    pub(super) fn named_day_on(&mut self, lower: &str) -> Option<NaiveDate> {
        let mut named = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|t| WEEKDAYS.iter().position(|w| *w == t));
        let weekday = named.next()?;
        if named.any(|other| other != weekday) {
            return None;
        }
        let days = self.named_days.get_or_insert_with(|| {
            let mut days: Vec<NaiveDate> = dates::find_explicit(&self.doc.text)
                .into_iter()
                .filter_map(|(_, v)| match v {
                    DateValue::Day(d) => Some(d),
                    _ => None,
                })
                .collect();
            days.sort();
            days.dedup();
            days
        });
        let mut on = days
            .iter()
            .filter(|d| d.weekday().num_days_from_monday() as usize == weekday);
        match (on.next(), on.next()) {
            (Some(&day), None) => Some(day),
            _ => None,
        }
    }

    /// A bare weekday of a cancelled event ("talks that had been scheduled for Saturday were
    /// called off") may lie on either side of publication: the occurrence nearer to it (the
    /// past one on a tie). Other dates are left as they are.
    pub(super) fn nearest_weekday(&self, u: &Unit, info: DateInfo) -> DateInfo {
        let Some(anchor) = self.anchor else {
            return info;
        };
        let lower = u.low.as_str();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let bare = words.iter().any(|w| is_in(&WEEKDAYS, w))
            && !words.iter().any(|w| {
                is_in(&["next", "last", "this", "coming", "previous", "past"], w)
                    || is_in(&MONTHS, w)
            });
        if !bare {
            return info;
        }
        let text = self.text(u.span);
        let past = dates::resolve(text, &DateContext::new(Some(anchor), Tense::Past))
            .and_then(|v| v.first_day());
        let future = dates::resolve(text, &DateContext::new(Some(anchor), Tense::Future))
            .and_then(|v| v.first_day());
        let (Some(p), Some(f)) = (past, future) else {
            return info;
        };
        let day = if (f - anchor).num_days() < (anchor - p).num_days() {
            f
        } else {
            p
        };
        DateInfo {
            field: DateField {
                text: info.field.text,
                value: Some(DateValue::Day(day)),
            },
            resolved: true,
        }
    }

    /// The date field of a DATE unit as a record date (see [`dates::record_value`]).
    pub(super) fn date_of(&mut self, u: &Unit, tense: Tense) -> DateInfo {
        let text = self.text(u.span).to_string();
        let mut value = self.date_mention(u.span).and_then(|d| d.value.clone());
        let lower = text.to_lowercase();
        let weekday = WEEKDAYS
            .iter()
            .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w));
        // The dates stage reads weekdays and year-less dates in their clause's tense
        // ([`dates::clause_tense`]). A planned record is still to come whatever its clause
        // says: one such date that fell before publication is the next one ("is due to meet
        // ... on July 3" where a reporting clause comes between).
        let has_year = lower
            .split(|c: char| !c.is_ascii_digit())
            .any(|t| t.len() == 4);
        let movable = weekday || (has_month(&lower) && !has_year);
        if let (Some(anchor), true, Some(v)) = (self.anchor, movable, value.as_ref()) {
            let wrong_way = tense == Tense::Future && v.last_day().is_some_and(|d| d < anchor);
            if wrong_way {
                if let Some(again) = dates::resolve(&text, &DateContext::new(Some(anchor), tense)) {
                    value = Some(again);
                }
            }
        }
        // Undated documents: a bare weekday has no anchor (the nearest date in the text is not
        // the day the article speaks from), unless the text names exactly one full day that
        // falls on that weekday ("met on Wednesday morning" under a caption dated "March 24,
        // 2021", a Wednesday): that day.
        if self.anchor.is_none() && weekday && !has_month(&lower) {
            value = self.named_day_on(&lower).map(DateValue::Day);
        }
        // Undated documents: a year-less calendar date takes the latest year the text names.
        if value.is_none() && self.anchor.is_none() && !weekday && has_month(&lower) {
            if let Some(y) = self.fallback_year() {
                let anchor = NaiveDate::from_ymd_opt(y, 12, 31);
                value = dates::resolve(&text, &DateContext::new(anchor, Tense::Past));
            }
        }
        let value = value.map(|v| dates::record_value(&lower, v, self.anchor));
        let resolved = value.is_some();
        DateInfo {
            field: DateField { text, value },
            resolved,
        }
    }
}

pub(super) fn has_month(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|t| is_in(&MONTHS, t))
}

/// Days from the story's last date that a date relative to the story points to: "the same
/// day" 0, "the following day" / "the next day" / "a day later" 1, "two days later" 2; `None`
/// for a date that is not relative to the story.
pub(super) fn story_offset(lower: &str) -> Option<i64> {
    let same = lower.contains("same day")
        || lower.contains("that day")
        || lower == "the day"
        || lower.ends_with(" the day")
        || lower.contains("that evening")
        || lower.contains("same evening");
    if same {
        return Some(0);
    }
    static NEXT: LazyLock<Vec<&str>> = words!("meetings/next_day_phrases.txt");
    if NEXT.iter().any(|p| lower.contains(p)) || lower == "a day later" || lower == "the day after"
    {
        return Some(1);
    }
    static BEFORE: LazyLock<Vec<&str>> = words!("meetings/day_before_phrases.txt");
    if BEFORE
        .iter()
        .any(|p| lower == *p || lower.ends_with(&format!(" {p}")))
    {
        return Some(-1);
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let [n, "days", later @ ("later" | "earlier")] = words.as_slice() {
        let n = match *n {
            "two" => 2,
            "three" => 3,
            "four" => 4,
            d => d.parse::<i64>().ok().filter(|&d| (1..=14).contains(&d))?,
        };
        return Some(if *later == "later" { n } else { -n });
    }
    None
}

/// An inherited date read through the candidate's own relative phrase: "The following day"
/// after a Sunday is the Monday, written as the phrase.
pub(super) fn relative_to(c: &Cand, d: DateInfo) -> DateInfo {
    let Some((text, off)) = &c.relative else {
        return d;
    };
    match d.field.value.as_ref() {
        Some(DateValue::Day(day)) => {
            let shifted = if *off >= 0 {
                day.checked_add_days(chrono::Days::new(*off as u64))
            } else {
                day.checked_sub_days(chrono::Days::new(off.unsigned_abs()))
            };
            DateInfo {
                field: DateField {
                    text: text.clone(),
                    value: shifted.map(DateValue::Day),
                },
                resolved: shifted.is_some(),
            }
        }
        // A span or a month shifted by days is no longer what the text says.
        _ if *off == 0 => d,
        _ => DateInfo {
            field: DateField {
                text: text.clone(),
                value: None,
            },
            resolved: false,
        },
    }
}

/// The DATE of a fronted phrase ("On Monday, ...", "From April 11 to 12, ...") that governs
/// the whole sentence.
pub(super) fn fronted_date(s: &Sentence, reads: &[Read]) -> Option<usize> {
    let first = reads.first()?;
    let start = (0..first.t.head.min(s.units.len()))
        .rev()
        .find(|&k| is_stop_punct(&s.units[k]))
        .map_or(0, |k| k + 1);
    let mut k = start;
    while k < s.units.len() && k < start + 10 {
        let u = &s.units[k];
        if u.is_p(',') {
            return (start..k).find(|&j| s.units[j].is(EntityLabel::Date));
        }
        if u.is(EntityLabel::Person) || reads.iter().any(|r| r.t.head == k) {
            return None;
        }
        k += 1;
    }
    None
}

/// The first unit after a fronted prepositional or participial phrase that opens the clause
/// at `from` ("Following the visits ..., ", "Before holding the position of ..., "), or
/// `from`.
pub(super) fn fronted_end(s: &Sentence, from: usize, to: usize) -> usize {
    static OPENERS: LazyLock<Vec<&str>> = words!("meetings/fronted_openers.txt");
    let Some(w) = s.units.get(from).and_then(|u| u.word()) else {
        return from;
    };
    let participle = w.ends_with("ing") && w.len() > 4;
    if !is_in(&OPENERS, w) && !participle {
        return from;
    }
    (from..to.min(s.units.len()))
        .find(|&k| s.units[k].is_p(','))
        .map_or(from, |k| k + 1)
}

/// Whether the sentence points back at an event told before ("before the ceremony", "the
/// event", "at the palace").
/// Not when it says how far apart the two are ("The signing comes six months after the two
/// ministers met"): the event told here is not of that day.
pub(super) fn has_back_ref(s: &Sentence) -> bool {
    let units = s.units;
    let apart = (0..units.len()).any(|k| {
        units[k].is(EntityLabel::Date)
            && is_in(
                &["after", "before", "earlier", "later", "prior"],
                s.word(k + 1),
            )
    });
    if apart {
        return false;
    }
    (0..units.len()).any(|k| {
        units[k].is_wi(&["the", "this", "that"])
            && (k + 1..(k + 3).min(units.len())).any(|j| {
                units[j].is_wi(&BACK_REF_NOUNS)
                    && !units
                        .get(j + 1)
                        .is_some_and(|v| v.is_wi(&["between", "with", "of", "by"]))
            })
    })
}
