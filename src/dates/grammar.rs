//! The grammar of date phrases: what is left of a mention after its leading fillers must match
//! one of these shapes in full (a calendar date, a weekday, a relative day or unit, "N ago",
//! a part, span, season or decade, or a range of two of them).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lex::*;
use super::{DateContext, DateValue, Tense, MAX_TOKENS};

/// Runs `f` over all of `t`; `None` unless it consumed every token.
pub(super) fn full<'a, T>(t: &'a [Tok], f: impl FnOnce(&mut Cur<'a>) -> Option<T>) -> Option<T> {
    let mut c = Cur { t, i: 0 };
    let v = f(&mut c)?;
    c.done().then_some(v)
}

/// What the fillers in front of a mention said.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Lead {
    /// "the past week" is a duration, "past week" a calendar week.
    pub(super) the: bool,
    /// "between 2 and 4 May": "and" joins a range.
    pub(super) between: bool,
    /// "in two weeks" points forward.
    pub(super) in_: bool,
}

pub(super) fn strip(t: &[Tok]) -> (&[Tok], Lead) {
    let mut lead = Lead::default();
    let mut t = t;
    while let Some(first) = t.first() {
        match &first.kind {
            Kind::Comma | Kind::Dash => {}
            Kind::Word(w) if FILLERS.contains(&w.as_str()) => {
                let next = t.get(1).map(|t| &t.kind);
                if w == "beginning" && matches!(next, Some(Kind::Word(n)) if n == "of") {
                    break;
                }
                match w.as_str() {
                    "the" => lead.the = true,
                    "between" => lead.between = true,
                    "in" => lead.in_ = true,
                    _ => {}
                }
            }
            _ => break,
        }
        t = &t[1..];
    }
    while let Some(last) = t.last() {
        match &last.kind {
            Kind::Comma | Kind::Dash => {}
            Kind::Word(w) if matches!(w.as_str(), "onwards" | "onward" | "on") => {}
            _ => break,
        }
        t = &t[..t.len() - 1];
    }
    (t, lead)
}

/// "the last week", "the past month": a stretch of time ending now, not a calendar unit.
pub(super) fn is_duration(t: &[Tok]) -> bool {
    let word = |k: usize| match t.get(k).map(|t| &t.kind) {
        Some(Kind::Word(w)) => w.as_str(),
        _ => "",
    };
    t.len() == 2
        && matches!(word(0), "last" | "past")
        && matches!(
            word(1),
            "week" | "month" | "year" | "weeks" | "months" | "years" | "days"
        )
}

/// A parsed mention (or one side of a range) before it meets the anchor. Calendar dates and
/// weekdays stay unresolved so that a range can share month and year between its ends.
#[derive(Debug, Clone)]
pub(super) enum Item {
    Cal(Partial),
    Weekday(Weekday, Rel),
    Value(DateValue),
}

/// A calendar date with any of its fields missing: "April 11", "12, 2024", "May".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Partial {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u32>,
    pub(super) day: Option<u32>,
    /// The day was written as an ordinal ("the 20th"), so it stands for a date alone.
    pub(super) ordinal: bool,
    /// The whole item is a bare two-digit number: the "24" of "2023-24".
    pub(super) short: Option<u32>,
}

/// How a weekday, month or unit is qualified: "Thursday", "this/last/next Thursday".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rel {
    Plain,
    This,
    Last,
    Next,
}

pub(super) fn eat_rel(c: &mut Cur) -> Rel {
    if c.eat("this") {
        if c.eat("coming") {
            Rel::Next
        } else if c.eat("past") {
            Rel::Last
        } else {
            Rel::This
        }
    } else if c.eat("current") {
        Rel::This
    } else if c.eat("last") || c.eat("past") {
        Rel::Last
    } else if c.eat("next") || c.eat("coming") {
        Rel::Next
    } else {
        Rel::Plain
    }
}

pub(super) fn parse_item(t: &[Tok], ctx: &DateContext, lead: Lead) -> Option<Item> {
    let t = match t.first().map(|t| &t.kind) {
        Some(Kind::Word(w)) if w == "the" => &t[1..],
        _ => t,
    };
    if t.is_empty() || t.len() > MAX_TOKENS {
        return None;
    }
    if let Some(p) = full(t, |c| parse_cal(c, ctx)) {
        return Some(Item::Cal(p));
    }
    if let Some(item) = full(t, |c| parse_weekday(c, ctx)) {
        return Some(item);
    }
    full(t, |c| parse_relative_day(c, ctx))
        .or_else(|| full(t, |c| parse_unit(c, ctx)))
        .or_else(|| full(t, |c| parse_ago(c, ctx, lead.in_)))
        .or_else(|| full(t, |c| parse_earlier_later(c, ctx)))
        .or_else(|| full(t, |c| parse_part(c, ctx)))
        .or_else(|| full(t, |c| parse_span(c, ctx)))
        .or_else(|| full(t, |c| parse_season(c, ctx)))
        .or_else(|| full(t, parse_decade))
        .map(Item::Value)
}

pub(super) fn resolve_item(item: Item, ctx: &DateContext) -> Option<DateValue> {
    match item {
        Item::Cal(p) => cal_value(p, ctx),
        Item::Weekday(wd, rel) => weekday_date(wd, rel, ctx).map(DateValue::Day),
        Item::Value(v) => Some(v),
    }
}

/// Whether token `k` joins the two ends of a range.
pub(super) fn is_connector(t: &[Tok], k: usize, between: bool) -> bool {
    match &t[k].kind {
        // "mid-July", "year-end", "twenty-one": a hyphen, not a range.
        Kind::Dash => !matches!(&t[k - 1].kind, Kind::Word(w)
            if part_of(w).is_some() || w == "year" || TENS.iter().any(|(n, _)| n == w)),
        Kind::Word(w) => match w.as_str() {
            "to" | "through" | "thru" | "until" | "till" => true,
            "and" => between,
            _ => false,
        },
        _ => false,
    }
}

pub(super) fn resolve_range(t: &[Tok], ctx: &DateContext, lead: Lead) -> Option<DateValue> {
    (1..t.len().saturating_sub(1))
        .filter(|&k| is_connector(t, k, lead.between))
        .find_map(|k| {
            let left = parse_item(&t[..k], ctx, Lead::default())?;
            let right = parse_item(&t[k + 1..], ctx, Lead::default())?;
            combine(left, right, ctx)
        })
}

pub(super) fn combine(left: Item, right: Item, ctx: &DateContext) -> Option<DateValue> {
    match (left, right) {
        (Item::Cal(a), Item::Cal(b)) => combine_cal(a, b, ctx),
        // "Monday to Wednesday": the end is the first such weekday from the start on.
        (Item::Weekday(w1, r1), Item::Weekday(w2, Rel::Plain)) => {
            let start = weekday_date(w1, r1, ctx)?;
            let gap = (w2.num_days_from_monday() + 7 - w1.num_days_from_monday()) % 7;
            days(start, add_days(start, gap as i64)?)
        }
        (l, r) => DateValue::interval(resolve_item(l, ctx)?, resolve_item(r, ctx)?),
    }
}

/// The ends of a calendar range lend each other what they lack: "April 11 to 12", "2 and 4
/// May", "April 11-12, 2024"; a year written once covers a range that crosses New Year
/// ("Dec 30 to Jan 2, 2025").
pub(super) fn combine_cal(mut a: Partial, mut b: Partial, ctx: &DateContext) -> Option<DateValue> {
    // "2023-24"
    if let (Some(y), None, None, Some(s)) = (a.year, a.month, a.day, b.short) {
        let mut year = y - y.rem_euclid(100) + s as i32;
        if year <= y {
            year += 100;
        }
        b = Partial {
            year: Some(year),
            ..Partial::default()
        };
    }
    if a.month.is_none() && a.day.is_some() {
        a.month = b.month;
    }
    if b.month.is_none() && b.day.is_some() {
        b.month = a.month;
    }
    if a.day.is_some() && a.month.is_none() || b.day.is_some() && b.month.is_none() {
        return None;
    }
    // A year written once rolls over only for a range that crosses New Year (a later month
    // to an earlier one, at least six apart): "April 12 to 11, 2024" is a mistake, not a year.
    let crosses = match (a.month, b.month) {
        (Some(m1), Some(m2)) => m1 >= m2 + 6,
        _ => false,
    };
    match (a.year, b.year) {
        (Some(_), Some(_)) => {}
        (None, Some(y)) => {
            a.year = Some(if crosses { y - 1 } else { y });
        }
        (Some(y), None) => {
            b.year = Some(if crosses { y + 1 } else { y });
        }
        (None, None) => {
            let y = pick_year(a.month?, ctx)?;
            a.year = Some(y);
            b.year = Some(if crosses { y + 1 } else { y });
        }
    }
    DateValue::interval(cal_full(&a)?, cal_full(&b)?)
}

/// "Aug. 20, 2024", "20th of August", "Thursday, Dec. 19", "May 2023", "2024", "12, 2024",
/// "Christmas", "May 20 last year".
pub(super) fn parse_cal(c: &mut Cur, ctx: &DateContext) -> Option<Partial> {
    // A weekday in front of a date adds nothing to it.
    if c.word().and_then(weekday_of).is_some() {
        c.bump();
        c.eat_kind(&Kind::Comma);
        if c.done() {
            return None;
        }
    }
    let mut p = Partial::default();
    match c.peek()? {
        Kind::Numeric(d) => {
            c.bump();
            return Some(Partial {
                year: Some(d.year()),
                month: Some(d.month()),
                day: Some(d.day()),
                ..p
            });
        }
        Kind::Word(w) => {
            if let Some(m) = month_of(w) {
                c.bump();
                p.month = Some(m);
                if let Some((d, ordinal)) = day_num(c) {
                    p.day = Some(d);
                    p.ordinal = ordinal;
                }
            } else if let Some((m, d)) = holiday(c) {
                p.month = Some(m);
                p.day = Some(d);
            } else {
                // "the year 2024"
                if w == "year" {
                    c.bump();
                }
                p.year = Some(year_num(c)?);
                return Some(p);
            }
        }
        Kind::Num {
            value,
            digits: 2,
            ordinal: false,
        } if c.t.len() - c.i == 1 => {
            // A lone two-digit number: a day ("April 11 to 12") or the end of "2023-24".
            c.bump();
            p.short = Some(*value);
            p.day = (1..=31).contains(value).then_some(*value);
            return Some(p);
        }
        Kind::Num { .. } => {
            if let Some(y) = year_num(c) {
                p.year = Some(y);
                return Some(p);
            }
            let (d, ordinal) = day_num(c)?;
            p.day = Some(d);
            p.ordinal = ordinal;
            let save = *c;
            c.eat("of");
            match c.word().and_then(month_of) {
                Some(m) => {
                    c.bump();
                    p.month = Some(m);
                }
                None => *c = save,
            }
        }
        _ => return None,
    }
    year_tail(c, ctx, &mut p)?;
    Some(p)
}

/// An optional year after a day and/or month: ", 2024", "of 2024", "last year".
pub(super) fn year_tail(c: &mut Cur, ctx: &DateContext, p: &mut Partial) -> Option<()> {
    let save = *c;
    c.eat_kind(&Kind::Comma);
    c.eat("of");
    if let Some(y) = year_num(c) {
        p.year = Some(y);
        return Some(());
    }
    if let Some(off) = rel_year(c) {
        p.year = Some(ctx.anchor?.year() + off);
        return Some(());
    }
    *c = save;
    Some(())
}

pub(super) fn rel_year(c: &mut Cur) -> Option<i32> {
    let save = *c;
    let off = match eat_rel(c) {
        Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::Plain => return None,
    };
    if c.eat("year") {
        Some(off)
    } else {
        *c = save;
        None
    }
}

pub(super) fn holiday(c: &mut Cur) -> Option<(u32, u32)> {
    let save = *c;
    let found = if c.eat("christmas") {
        if c.eat("eve") {
            Some((12, 24))
        } else {
            c.eat("day");
            Some((12, 25))
        }
    } else if c.eat("new") && c.eat("year") {
        if c.eat("day") {
            Some((1, 1))
        } else if c.eat("eve") {
            Some((12, 31))
        } else {
            None
        }
    } else {
        None
    };
    if found.is_none() {
        *c = save;
    }
    found
}

pub(super) fn day_num(c: &mut Cur) -> Option<(u32, bool)> {
    match c.peek()? {
        Kind::Num {
            value,
            digits,
            ordinal,
        } if *digits <= 2 && (1..=31).contains(value) => {
            c.bump();
            Some((*value, *ordinal))
        }
        _ => None,
    }
}

pub(super) fn year_num(c: &mut Cur) -> Option<i32> {
    match c.peek()? {
        Kind::Num {
            value,
            digits: 4,
            ordinal: false,
        } if (1000..=2999).contains(value) => {
            c.bump();
            Some(*value as i32)
        }
        _ => None,
    }
}

/// A count: "3", "three", "twenty-one", "a", "a couple of".
pub(super) fn count(c: &mut Cur) -> Option<u32> {
    match c.peek()? {
        Kind::Num {
            value,
            digits,
            ordinal: false,
        } if *digits <= 6 => {
            c.bump();
            Some(*value)
        }
        Kind::Word(w) => {
            if w == "a" || w == "an" {
                c.bump();
                if c.eat("couple") {
                    c.eat("of");
                    return Some(2);
                }
                return Some(1);
            }
            if let Some(n) = SMALL_NUMBERS.iter().position(|s| s == w) {
                c.bump();
                return Some(n as u32);
            }
            let (_, tens) = TENS.iter().find(|(s, _)| s == w)?;
            c.bump();
            let save = *c;
            c.eat_kind(&Kind::Dash);
            match c
                .word()
                .and_then(|w| SMALL_NUMBERS[1..10].iter().position(|s| *s == w))
            {
                Some(unit) => {
                    c.bump();
                    Some(tens + unit as u32 + 1)
                }
                None => {
                    *c = save;
                    Some(*tens)
                }
            }
        }
        _ => None,
    }
}

pub(super) fn eat_time_of_day(c: &mut Cur) {
    if matches!(
        c.word(),
        Some("morning" | "afternoon" | "evening" | "night" | "noon" | "midday")
    ) {
        c.bump();
    }
}

/// "Thursday", "last Thursday", "Tuesday morning", "Thursday last week".
pub(super) fn parse_weekday(c: &mut Cur, ctx: &DateContext) -> Option<Item> {
    let rel = eat_rel(c);
    let wd = weekday_of(c.word()?)?;
    c.bump();
    eat_time_of_day(c);
    if c.done() {
        return Some(Item::Weekday(wd, rel));
    }
    if rel != Rel::Plain {
        return None;
    }
    c.eat("of");
    let weeks = match eat_rel(c) {
        Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::Plain => return None,
    };
    if !c.eat("week") {
        return None;
    }
    let monday = add_days(monday_of(ctx.anchor?)?, 7 * weeks)?;
    Some(Item::Value(DateValue::Day(add_days(
        monday,
        wd.num_days_from_monday() as i64,
    )?)))
}

/// "today", "yesterday", "tomorrow", "tonight", "last night", "this morning", "the day before
/// yesterday".
pub(super) fn parse_relative_day(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let a = ctx.anchor?;
    let word = c.word()?;
    c.bump();
    let off = match word {
        "today" | "tonight" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        "this" if matches!(c.word(), Some("morning" | "afternoon" | "evening")) => 0,
        "last" if c.word() == Some("night") => -1,
        "day" if c.eat("before") && c.eat("yesterday") => -2,
        "day" if c.eat("after") && c.eat("tomorrow") => 2,
        _ => return None,
    };
    eat_time_of_day(c);
    add_days(a, off).map(DateValue::Day)
}

/// "this week", "last month", "next year", "the weekend", "last quarter", "last May".
pub(super) fn parse_unit(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let a = ctx.anchor?;
    let rel = eat_rel(c);
    let off = match rel {
        Rel::Plain | Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
    };
    let word = c.word()?;
    c.bump();
    if let Some(m) = month_of(word) {
        let y = a.year();
        let year = match rel {
            Rel::Plain => return None,
            Rel::This => y,
            Rel::Last if m < a.month() => y,
            Rel::Last => y - 1,
            Rel::Next if m > a.month() => y,
            Rel::Next => y + 1,
        };
        return month_value(year, m);
    }
    match word {
        "weekend" => weekend(a, rel, ctx.tense),
        _ if rel == Rel::Plain => None,
        "week" => week(a, off),
        "month" => month_off(a, off),
        "year" => year_value(a.year() + off as i32),
        "quarter" => quarter(a, off),
        _ => None,
    }
}

/// "three days ago", "two weeks ago", "a year ago", "in two weeks", "three days from now".
pub(super) fn parse_ago(c: &mut Cur, ctx: &DateContext, lead_in: bool) -> Option<DateValue> {
    let a = ctx.anchor?;
    let n = count(c)? as i64;
    let unit = c.word()?;
    c.bump();
    let sign = if c.eat("ago") {
        -1
    } else if c.eat("from") && (c.eat("now") || c.eat("today")) || lead_in && c.done() {
        1
    } else {
        return None;
    };
    let n = sign * n;
    match unit {
        "day" | "days" => add_days(a, n).map(DateValue::Day),
        "week" | "weeks" => week_of(add_days(a, 7 * n)?),
        "fortnight" | "fortnights" => week_of(add_days(a, 14 * n)?),
        "month" | "months" => month_off(a, n),
        "year" | "years" => year_value(i32::try_from(a.year() as i64 + n).ok()?),
        _ => None,
    }
}

/// "earlier this month", "later this year", "earlier in the week", "later today".
pub(super) fn parse_earlier_later(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let a = ctx.anchor?;
    let later = if c.eat("earlier") {
        false
    } else if c.eat("later") {
        true
    } else {
        return None;
    };
    if c.eat("today") {
        return Some(DateValue::Day(a));
    }
    if !(c.eat("this") || c.eat("in") && c.eat("the")) {
        return None;
    }
    let base = match c.word()? {
        "week" => week(a, 0)?,
        "month" => month_off(a, 0)?,
        "year" => year_value(a.year())?,
        _ => return None,
    };
    c.bump();
    if later {
        days(a, base.last_day()?)
    } else {
        days(base.first_day()?, a)
    }
}

/// "late May", "mid-July", "the end of the month", "the beginning of this year", "early next
/// week", "mid-2024", "year-end".
pub(super) fn parse_part(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    if c.eat("year") {
        c.eat_kind(&Kind::Dash);
        return if c.eat("end") {
            month_value(ctx.anchor?.year(), 12)
        } else {
            None
        };
    }
    let part = part_of(c.word()?)?;
    c.bump();
    c.eat_kind(&Kind::Dash);
    c.eat("of");
    let base = parse_base(c.rest(), ctx)?;
    c.finish();
    apply_part(part, &base)
}

/// What a part or a span is taken of: any mention, or a bare "the month" / "the year" / "the
/// week" meaning the anchor's.
pub(super) fn parse_base(t: &[Tok], ctx: &DateContext) -> Option<DateValue> {
    let t = match t.first().map(|t| &t.kind) {
        Some(Kind::Word(w)) if w == "the" => &t[1..],
        _ => t,
    };
    if let [Tok {
        kind: Kind::Word(w),
        ..
    }] = t
    {
        match w.as_str() {
            "week" => return week(ctx.anchor?, 0),
            "month" => return month_off(ctx.anchor?, 0),
            "year" => return year_value(ctx.anchor?.year()),
            _ => {}
        }
    }
    resolve_item(parse_item(t, ctx, Lead::default())?, ctx)
}

pub(super) fn apply_part(part: Part, base: &DateValue) -> Option<DateValue> {
    use Part::*;
    match base {
        DateValue::Year(y) => match part {
            Beginning => month_value(*y, 1),
            End => month_value(*y, 12),
            Early => month_range(*y, 1, 4),
            Mid => month_range(*y, 5, 8),
            Late => month_range(*y, 9, 12),
        },
        DateValue::Month { .. } => {
            let (first, last) = (base.first_day()?, base.last_day()?);
            let (d1, d2) = match part {
                Early | Beginning => (1, 10),
                Mid => (11, 20),
                Late | End => (21, last.day()),
            };
            days(first.with_day(d1)?, first.with_day(d2)?)
        }
        DateValue::Day(d) => Some(DateValue::Day(*d)),
        DateValue::Interval(a, b) => match (&**a, &**b) {
            (DateValue::Day(first), DateValue::Day(last)) if (*last - *first).num_days() == 6 => {
                let (o1, o2) = match part {
                    Early | Beginning => (0, 2),
                    Mid => (1, 3),
                    Late | End => (4, 6),
                };
                days(add_days(*first, o1)?, add_days(*first, o2)?)
            }
            (DateValue::Year(first), DateValue::Year(last)) if last - first == 9 => {
                let (o1, o2) = match part {
                    Early | Beginning => (0, 3),
                    Mid => (3, 6),
                    Late | End => (6, 9),
                };
                DateValue::interval(year_value(first + o1)?, year_value(first + o2)?)
            }
            _ => None,
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Nth {
    K(u32),
    Last,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SpanUnit {
    Day,
    Week,
    Month,
    Quarter,
    Half,
}

pub(super) fn ordinal(c: &mut Cur) -> Option<Nth> {
    let nth = match c.peek()? {
        Kind::Num {
            value,
            ordinal: true,
            ..
        } => Nth::K(*value),
        Kind::Word(w) if w == "last" || w == "final" => Nth::Last,
        Kind::Word(w) => Nth::K(ORDINALS.iter().position(|s| s == w)? as u32 + 1),
        _ => return None,
    };
    c.bump();
    Some(nth)
}

pub(super) fn span_unit(w: &str) -> Option<SpanUnit> {
    Some(match w {
        "day" | "days" => SpanUnit::Day,
        "week" | "weeks" => SpanUnit::Week,
        "month" | "months" => SpanUnit::Month,
        "quarter" | "quarters" => SpanUnit::Quarter,
        "half" | "halves" => SpanUnit::Half,
        _ => return None,
    })
}

/// "the first 7 months of 2024", "the first quarter", "the second half of the year", "the last
/// week of May", "the first 10 days of December", "Q3 2024", "H1".
pub(super) fn parse_span(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let (nth, n, unit) = match c.word() {
        Some(code @ ("q" | "h")) => {
            c.bump();
            let k = match c.peek()? {
                Kind::Num {
                    value,
                    digits: 1,
                    ordinal: false,
                } => *value,
                _ => return None,
            };
            c.bump();
            (
                Nth::K(k),
                None,
                if code == "q" {
                    SpanUnit::Quarter
                } else {
                    SpanUnit::Half
                },
            )
        }
        _ => {
            let nth = ordinal(c)?;
            let mut n = None;
            if matches!(nth, Nth::K(1) | Nth::Last) {
                let save = *c;
                n = count(c);
                if n.is_none() {
                    *c = save;
                }
            }
            let unit = span_unit(c.word()?)?;
            c.bump();
            (nth, n, unit)
        }
    };
    let base = if c.done() {
        // "the first quarter": of the anchor's year. "the first week" of what is unknown.
        match unit {
            SpanUnit::Month | SpanUnit::Quarter | SpanUnit::Half => year_value(ctx.anchor?.year())?,
            SpanUnit::Day | SpanUnit::Week => return None,
        }
    } else {
        let _ = c.eat("of") || c.eat("in");
        let base = parse_base(c.rest(), ctx)?;
        c.finish();
        base
    };
    select(&base, unit, nth, n)
}

pub(super) fn select(
    base: &DateValue,
    unit: SpanUnit,
    nth: Nth,
    n: Option<u32>,
) -> Option<DateValue> {
    let n = n.map(u64::from);
    if n == Some(0) || nth == Nth::K(0) {
        return None;
    }
    let months = match unit {
        SpanUnit::Month => Some(1u64),
        SpanUnit::Quarter => Some(3),
        SpanUnit::Half => Some(6),
        _ => None,
    };
    if let (Some(size), DateValue::Year(y)) = (months, base) {
        let (m1, m2) = match (nth, n) {
            (Nth::K(1), Some(n)) => (1, n * size),
            (Nth::Last, Some(n)) => (13u64.checked_sub(n * size)?, 12),
            (Nth::K(k), None) => ((u64::from(k) - 1) * size + 1, u64::from(k) * size),
            (Nth::Last, None) => (13 - size, 12),
            _ => return None,
        };
        if !(1..=12).contains(&m1) || !(m1..=12).contains(&m2) {
            return None;
        }
        return month_range(*y, m1 as u32, m2 as u32);
    }
    let (first, last) = (base.first_day()?, base.last_day()?);
    if unit == SpanUnit::Half && matches!(base, DateValue::Month { .. }) {
        return match (nth, n) {
            (Nth::K(1), None) => days(first, first.with_day(15)?),
            (Nth::K(2) | Nth::Last, None) => days(first.with_day(16)?, last),
            _ => None,
        };
    }
    let len: i64 = match unit {
        SpanUnit::Day => 1,
        SpanUnit::Week => 7,
        _ => return None,
    };
    let total = |n: u64| i64::try_from(n).ok()?.checked_mul(len);
    let (start, end) = match (nth, n) {
        (Nth::K(1), Some(n)) => (first, add_days(first, total(n)? - 1)?),
        (Nth::Last, Some(n)) => (add_days(last, 1 - total(n)?)?, last),
        (Nth::K(k), None) => {
            let start = add_days(first, total(u64::from(k) - 1)?)?;
            (start, add_days(start, len - 1)?)
        }
        (Nth::Last, None) => (add_days(last, 1 - len)?, last),
        _ => return None,
    };
    let (start, end) = (start.max(first), end.min(last));
    if start > end {
        return None;
    }
    days(start, end)
}

/// "summer 2024", "the summer of 2024", "this winter", "last spring", "autumn".
pub(super) fn parse_season(c: &mut Cur, ctx: &DateContext) -> Option<DateValue> {
    let rel = eat_rel(c);
    let start_month = season_of(c.word()?)?;
    c.bump();
    let mut year = None;
    if !c.done() {
        c.eat_kind(&Kind::Comma);
        c.eat("of");
        year = Some(match year_num(c) {
            Some(y) => y,
            None => ctx.anchor?.year() + rel_year(c)?,
        });
        if rel != Rel::Plain {
            return None;
        }
    }
    let year = match year {
        Some(y) => y,
        None => season_year(start_month, rel, ctx)?,
    };
    season(year, start_month)
}

pub(super) fn season(year: i32, start_month: u32) -> Option<DateValue> {
    let start = NaiveDate::from_ymd_opt(year, start_month, 1)?;
    let end = start.checked_add_months(Months::new(2))?;
    DateValue::interval(
        month_value(year, start_month)?,
        month_value(end.year(), end.month())?,
    )
}

/// Which year's season a year-less season phrase means (see the module docs).
pub(super) fn season_year(start_month: u32, rel: Rel, ctx: &DateContext) -> Option<i32> {
    let a = ctx.anchor?;
    // The season containing the anchor, or else the anchor year's.
    let this = if start_month == 12 && a.month() <= 2 {
        a.year() - 1
    } else {
        a.year()
    };
    let bounds = |y: i32| {
        let s = season(y, start_month)?;
        Some((y, s.first_day()?, s.last_day()?))
    };
    let candidates: Vec<_> = (this - 1..=this + 1).filter_map(bounds).collect();
    let latest = |ok: &dyn Fn(NaiveDate, NaiveDate) -> bool| {
        candidates
            .iter()
            .rev()
            .find(|(_, f, l)| ok(*f, *l))
            .map(|(y, _, _)| *y)
    };
    let earliest = |ok: &dyn Fn(NaiveDate, NaiveDate) -> bool| {
        candidates
            .iter()
            .find(|(_, f, l)| ok(*f, *l))
            .map(|(y, _, _)| *y)
    };
    match (rel, ctx.tense) {
        (Rel::Last, _) => latest(&|_, l| l < a),
        (Rel::Next, _) => earliest(&|f, _| f > a),
        (Rel::Plain, Tense::Past) => latest(&|f, _| f <= a),
        (Rel::Plain, Tense::Future) => earliest(&|_, l| l >= a),
        (Rel::This | Rel::Plain, _) => Some(this),
    }
}

/// "the 1990s".
pub(super) fn parse_decade(c: &mut Cur) -> Option<DateValue> {
    match c.peek()? {
        Kind::Decade(y) => {
            c.bump();
            DateValue::interval(year_value(*y)?, year_value(y + 9)?)
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (all through chrono, all checked: no input may panic)
// ---------------------------------------------------------------------------------------------

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(months)
    } else {
        d.checked_sub_months(months)
    }
}

pub(super) fn month_value(year: i32, month: u32) -> Option<DateValue> {
    NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(DateValue::Month { year, month })
}

pub(super) fn year_value(year: i32) -> Option<DateValue> {
    NaiveDate::from_ymd_opt(year, 12, 31)?;
    NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some(DateValue::Year(year))
}

pub(super) fn month_range(year: i32, m1: u32, m2: u32) -> Option<DateValue> {
    DateValue::interval(month_value(year, m1)?, month_value(year, m2)?)
}

pub(super) fn days(first: NaiveDate, last: NaiveDate) -> Option<DateValue> {
    DateValue::interval(DateValue::Day(first), DateValue::Day(last))
}

pub(super) fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -(d.weekday().num_days_from_monday() as i64))
}

/// The Monday..Sunday week holding `d`.
pub(super) fn week_of(d: NaiveDate) -> Option<DateValue> {
    let monday = monday_of(d)?;
    days(monday, add_days(monday, 6)?)
}

/// The week `off` weeks from the anchor's.
pub(super) fn week(a: NaiveDate, off: i64) -> Option<DateValue> {
    week_of(add_days(a, off.checked_mul(7)?)?)
}

pub(super) fn month_off(a: NaiveDate, off: i64) -> Option<DateValue> {
    let d = add_months(a.with_day(1)?, off)?;
    month_value(d.year(), d.month())
}

pub(super) fn quarter(a: NaiveDate, off: i64) -> Option<DateValue> {
    let first = NaiveDate::from_ymd_opt(a.year(), (a.month() - 1) / 3 * 3 + 1, 1)?;
    let start = add_months(first, off.checked_mul(3)?)?;
    let end = add_months(start, 2)?;
    DateValue::interval(
        month_value(start.year(), start.month())?,
        month_value(end.year(), end.month())?,
    )
}

pub(super) fn weekend(a: NaiveDate, rel: Rel, tense: Tense) -> Option<DateValue> {
    let saturday = add_days(monday_of(a)?, 5)?;
    let weeks = match rel {
        Rel::This if tense == Tense::Past && a < saturday => -1,
        Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::Plain if tense == Tense::Future || a >= saturday => 0,
        Rel::Plain => -1,
    };
    let saturday = add_days(saturday, 7 * weeks)?;
    days(saturday, add_days(saturday, 1)?)
}

/// The year of a year-less month (see the module docs).
pub(super) fn pick_year(month: u32, ctx: &DateContext) -> Option<i32> {
    let a = ctx.anchor?;
    let y = a.year();
    let months_from_anchor =
        |year: i32| (year as i64 - y as i64) * 12 + month as i64 - a.month() as i64;
    let here = months_from_anchor(y);
    Some(match ctx.tense {
        Tense::Past if here > 0 => y - 1,
        Tense::Future if here < 0 => y + 1,
        Tense::Unknown if here >= 10 && months_from_anchor(y - 1).abs() <= 2 => y - 1,
        Tense::Unknown if here <= -10 && months_from_anchor(y + 1).abs() <= 2 => y + 1,
        _ => y,
    })
}

pub(super) fn cal_full(p: &Partial) -> Option<DateValue> {
    match (p.year?, p.month, p.day) {
        (y, Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(DateValue::Day),
        (y, Some(m), None) => month_value(y, m),
        (y, None, None) => year_value(y),
        _ => None,
    }
}

pub(super) fn cal_value(p: Partial, ctx: &DateContext) -> Option<DateValue> {
    match (p.year, p.month, p.day) {
        (Some(_), _, _) => cal_full(&p),
        (None, Some(m), _) => cal_full(&Partial {
            year: Some(pick_year(m, ctx)?),
            ..p
        }),
        // "the 20th": a day of the anchor's month, or of the one before or after by tense.
        (None, None, Some(d)) if p.ordinal => {
            let a = ctx.anchor?;
            let off = match ctx.tense {
                Tense::Past if d > a.day() => -1,
                Tense::Future if d < a.day() => 1,
                _ => 0,
            };
            add_months(a.with_day(1)?, off)?
                .with_day(d)
                .map(DateValue::Day)
        }
        _ => None,
    }
}

pub(super) fn weekday_date(wd: Weekday, rel: Rel, ctx: &DateContext) -> Option<NaiveDate> {
    let a = ctx.anchor?;
    let (target, today) = (
        wd.num_days_from_monday() as i64,
        a.weekday().num_days_from_monday() as i64,
    );
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let off = match (rel, ctx.tense) {
        (Rel::Last, _) if back == 0 => -7,
        (Rel::Last, _) => -back,
        (Rel::Next, _) if ahead == 0 => 7,
        (Rel::Next, _) => ahead,
        (Rel::Plain | Rel::This, Tense::Future) => ahead,
        (Rel::Plain | Rel::This, Tense::Past) | (Rel::Plain, Tense::Unknown) => -back,
        (Rel::This, Tense::Unknown) => target - today,
    };
    add_days(a, off)
}

// ---------------------------------------------------------------------------------------------
// Explicit dates in running text
// ---------------------------------------------------------------------------------------------

/// Whether a token can open a date, where [`super::find_explicit`] tries to read one.
pub(super) fn may_start_date(kind: &Kind) -> bool {
    match kind {
        Kind::Num { .. } | Kind::Numeric(_) => true,
        Kind::Word(w) => month_of(w).is_some() || weekday_of(w).is_some(),
        _ => false,
    }
}
