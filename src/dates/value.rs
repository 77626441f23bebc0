//! The value a date resolves to ([`DateValue`]): a day, a month, a year or an interval, read
//! and written as ISO 8601.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Serialize, Serializer};

/// A resolved date at the precision the text gave it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DateValue {
    Day(NaiveDate),
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    /// From the start of the first value to the end of the second. Built by
    /// [`DateValue::interval`], both ends have one precision and neither is an interval.
    Interval(Box<DateValue>, Box<DateValue>),
}

impl DateValue {
    /// The value as written in the output: `2024-08-20`, `2024-08`, `2024`, `a/b`.
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::Interval(a, b) => format!("{}/{}", a.iso(), b.iso()),
        }
    }

    /// The first day the value covers (`None` only for values outside chrono's calendar).
    pub fn first_day(&self) -> Option<NaiveDate> {
        match self {
            DateValue::Day(d) => Some(*d),
            DateValue::Month { year, month } => NaiveDate::from_ymd_opt(*year, *month, 1),
            DateValue::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
            DateValue::Interval(a, _) => a.first_day(),
        }
    }

    /// The last day the value covers (`None` only for values outside chrono's calendar).
    pub fn last_day(&self) -> Option<NaiveDate> {
        match self {
            DateValue::Day(d) => Some(*d),
            DateValue::Month { year, month } => NaiveDate::from_ymd_opt(*year, *month, 1)?
                .checked_add_months(Months::new(1))?
                .pred_opt(),
            DateValue::Year(y) => NaiveDate::from_ymd_opt(*y, 12, 31),
            DateValue::Interval(_, b) => b.last_day(),
        }
    }

    /// The interval from the start of `start` to the end of `end`; `None` when it would run
    /// backwards. Equal ends collapse to one value, and ends of different precision ("May 5 to
    /// June") become days, so that every interval reads at one precision.
    pub fn interval(start: DateValue, end: DateValue) -> Option<DateValue> {
        let start = start.into_first();
        let end = end.into_last();
        let (first, last) = (start.first_day()?, end.last_day()?);
        if first > last {
            return None;
        }
        if start == end {
            return Some(start);
        }
        if start.precision() == end.precision() {
            Some(DateValue::Interval(Box::new(start), Box::new(end)))
        } else if first == last {
            Some(DateValue::Day(first))
        } else {
            Some(DateValue::Interval(
                Box::new(DateValue::Day(first)),
                Box::new(DateValue::Day(last)),
            ))
        }
    }

    fn into_first(self) -> DateValue {
        match self {
            DateValue::Interval(a, _) => a.into_first(),
            v => v,
        }
    }

    fn into_last(self) -> DateValue {
        match self {
            DateValue::Interval(_, b) => b.into_last(),
            v => v,
        }
    }

    fn precision(&self) -> u8 {
        match self {
            DateValue::Day(_) => 0,
            DateValue::Month { .. } => 1,
            DateValue::Year(_) => 2,
            DateValue::Interval(a, _) => a.precision(),
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl DateValue {
    /// Reads back what [`DateValue::iso`] writes (`2024-08-20`, `2024-08`, `2024`, `a/b`).
    pub fn from_iso(text: &str) -> Option<DateValue> {
        if let Some((a, b)) = text.split_once('/') {
            let (a, b) = (DateValue::from_iso(a)?, DateValue::from_iso(b)?);
            if matches!(a, DateValue::Interval(..)) || matches!(b, DateValue::Interval(..)) {
                return None;
            }
            return Some(DateValue::Interval(Box::new(a), Box::new(b)));
        }
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str| {
            if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() {
                s.parse::<i64>().ok()
            } else {
                None
            }
        };
        match parts.as_slice() {
            [y] if y.len() == 4 => Some(DateValue::Year(number(y)? as i32)),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let month = number(m)? as u32;
                (1..=12).contains(&month).then_some(DateValue::Month {
                    year: number(y)? as i32,
                    month,
                })
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                NaiveDate::from_ymd_opt(number(y)? as i32, number(m)? as u32, number(d)? as u32)
                    .map(DateValue::Day)
            }
            _ => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for DateValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        DateValue::from_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO date value: {text:?}")))
    }
}

/// Serialises as the ISO string, the form SPEC.md's `value` fields take.
impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}
