//! Clauses: where a trigger's subject side starts and its object side ends.

use super::*;

/// How a trigger's clause was opened (what is left of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opener {
    Start,
    Punct,
    /// A subordinator; the unit index of the word.
    Subord(usize),
    /// "who"/"whom"/"whose": the unit index of the relative pronoun.
    Relative(usize),
    Reporting,
    /// The end of the previous trigger's clause.
    Previous,
}

#[derive(Clone)]
pub(super) struct Sentence<'u> {
    pub(super) units: &'u [Unit],
    /// Units in asides: relative clauses on people, "according to ...", parentheses, "since
    /// ...": each aside has its own number (0: none). A trigger inside an aside reads it.
    pub(super) aside: Vec<u16>,
    /// What is left out for the trigger being read: asides other than its own.
    pub(super) excluded: Vec<bool>,
}

pub(super) fn is_stop_punct(u: &Unit) -> bool {
    if !u.punct {
        return false;
    }
    match u.low.chars().next().unwrap_or(' ') {
        // A '.' inside a sentence ends an abbreviation ("U.S. Defense Secretary"), not a clause;
        // the one that ends the sentence ends every clause anyway.
        '!' | '?' | ';' | ':' | '"' | '“' | '”' | '—' | '–' | '•' | '*' | '#' | '|' => {
            true
        }
        '-' => u.spaced,
        _ => false,
    }
}

impl<'u> Sentence<'u> {
    pub(super) fn new(units: &'u [Unit]) -> Self {
        let n = units.len();
        let mut aside = vec![0u16; n];
        let mut id = 0u16;
        let mut k = 0;
        while k < n {
            let u = &units[k];
            // ", who ... ," on a person: a relative clause.
            if u.is_p(',')
                && units
                    .get(k + 1)
                    .is_some_and(|v| v.is_wi(&["who", "whom", "whose"]))
            {
                id = id.saturating_add(1);
                let mut j = k + 1;
                while j < n && !units[j].is_p(',') && !is_stop_punct(&units[j]) {
                    aside[j] = id;
                    j += 1;
                }
                k = j;
                continue;
            }
            // "X, an adviser to Supreme Leader Y, arrived": an apposition on a person, closed by
            // its comma; the people in it describe, they do not act.
            if u.is(EntityLabel::Person)
                && !u.poss
                && units.get(k + 1).is_some_and(|v| v.is_p(','))
                && units
                    .get(k + 2)
                    .is_some_and(|v| v.is_wi(&["a", "an", "the"]))
            {
                let close = (k + 3..(k + 20).min(n))
                    .take_while(|&j| !is_stop_punct(&units[j]))
                    .find(|&j| units[j].is_p(','));
                if let Some(c) = close {
                    id = id.saturating_add(1);
                    for e in aside.iter_mut().take(c).skip(k + 2) {
                        *e = id;
                    }
                    k = c;
                    continue;
                }
            }
            if u.is_w("according") && units.get(k + 1).is_some_and(|v| v.is_w("to")) {
                id = id.saturating_add(1);
                let mut j = k;
                while j < n && !units[j].is_p(',') && !is_stop_punct(&units[j]) {
                    aside[j] = id;
                    j += 1;
                }
                k = j;
                continue;
            }
            if u.is_p('(') {
                let close = (k + 1..(k + 16).min(n)).find(|&j| units[j].is_p(')'));
                if let Some(c) = close {
                    id = id.saturating_add(1);
                    for e in aside.iter_mut().take(c + 1).skip(k) {
                        *e = id;
                    }
                    k = c + 1;
                    continue;
                }
            }
            // "since Friday", "since 2019": a time phrase, no aside; the clause goes on ("had
            // been in New York since Friday for talks with X": Friday is when the stay began).
            if u.is_w("since") && units.get(k + 1).is_some_and(|v| v.is(EntityLabel::Date)) {
                k += 2;
                continue;
            }
            if u.is_w("since") {
                id = id.saturating_add(1);
                let mut j = k;
                while j < n && !units[j].is_p(',') && !is_stop_punct(&units[j]) {
                    aside[j] = id;
                    j += 1;
                }
                k = j;
                continue;
            }
            k += 1;
        }
        let excluded = aside.iter().map(|&a| a != 0).collect();
        Sentence {
            units,
            aside,
            excluded,
        }
    }

    /// Leaves out the asides other than the one holding unit `at`.
    pub(super) fn focus(&mut self, at: usize) {
        let own = self.aside.get(at).copied().unwrap_or(0);
        for (e, &a) in self.excluded.iter_mut().zip(&self.aside) {
            *e = a != 0 && a != own;
        }
    }

    pub(super) fn word(&self, k: usize) -> &str {
        self.units.get(k).and_then(|u| u.word()).unwrap_or("")
    }

    /// Where the clause of a trigger starting at `head` begins.
    pub(super) fn clause_start(&self, head: usize, floor: usize) -> (usize, Opener) {
        let mut k = head;
        while k > floor {
            k -= 1;
            let u = &self.units[k];
            if is_stop_punct(u) {
                return (k + 1, Opener::Punct);
            }
            if let Some(w) = u.word() {
                if matches!(w, "who" | "whom" | "whose") {
                    return (k + 1, Opener::Relative(k));
                }
                if is_in(&SUBORD_LEFT, w) {
                    if w == "as" && k > 0 && is_in(&AS_NOT_OPENER, self.word(k - 1)) {
                        continue;
                    }
                    // "since Friday": a preposition of time, no clause.
                    if w == "since"
                        && self
                            .units
                            .get(k + 1)
                            .is_some_and(|v| v.is(EntityLabel::Date))
                    {
                        continue;
                    }
                    return (k + 1, Opener::Subord(k));
                }
                if is_in(&REPORTING, w) {
                    return (k + 1, Opener::Reporting);
                }
            }
        }
        if floor > 0 {
            (floor, Opener::Previous)
        } else {
            (0, Opener::Start)
        }
    }

    /// Where the clause of a trigger whose phrase ends at `from` ends. `noun`: the trigger is
    /// an event noun, whose predicate follows it ("A planned visit ..., which had been
    /// scheduled for next week, has been postponed").
    pub(super) fn clause_end(&self, from: usize, heads: &[usize], noun: bool) -> usize {
        let n = self.units.len();
        let cap = (from + MAX_REGION).min(n);
        let mut k = from;
        while k < cap {
            let u = &self.units[k];
            if heads.contains(&k) && !self.sidelines_of(k) {
                return k;
            }
            if u.is_p('(') {
                if let Some(c) = (k + 1..(k + 16).min(n)).find(|&j| self.units[j].is_p(')')) {
                    k = c + 1;
                    continue;
                }
                return k;
            }
            if is_stop_punct(u) {
                return k;
            }
            if let Some(w) = u.word() {
                if is_in(&SUBORD_RIGHT, w) {
                    let known_as = w == "as" && k > 0 && is_in(&AS_NOT_OPENER, self.word(k - 1));
                    let well = w == "as" && self.word(k + 1) == "well";
                    if !known_as && !well {
                        return k;
                    }
                }
                // "... ahead of the summit between X and Y": another event's phrase.
                if w == "ahead" && self.word(k + 1) == "of" {
                    return k;
                }
                if w == "which"
                    && k > 0
                    && self.units[k - 1]
                        .is_wi(&["in", "during", "under", "of", "at", "by", "after", "with"])
                {
                    return k - 1;
                }
                if is_in(&REPORTING, w) {
                    return k;
                }
                if matches!(w, "and" | "but" | "or") {
                    let mut j = k + 1;
                    while self.units.get(j).is_some_and(|v| {
                        v.is_wi(&["also", "later", "then", "subsequently", "again", "jointly"])
                    }) {
                        j += 1;
                    }
                    // "..., and they agreed that ...": a subject pronoun opens a new clause (it
                    // cannot be one of the people "with" names).
                    let subject_pronoun = self
                        .units
                        .get(j)
                        .is_some_and(|v| v.is_wi(&["they", "he", "she", "we"]));
                    if heads.contains(&j) || self.is_verbish(j) || subject_pronoun {
                        return k;
                    }
                }
            }
            if u.is_p(',') {
                let first = self.word(k + 1);
                // ", known as the "2+2"," / ", meaning ...": an aside, skipped.
                if matches!(
                    first,
                    "known"
                        | "meaning"
                        | "dubbed"
                        | "called"
                        | "named"
                        | "titled"
                        | "officially"
                        | "also"
                ) {
                    let mut j = k + 1;
                    while j < n && !self.units[j].is_p(',') && j < k + 14 {
                        j += 1;
                    }
                    j += 1;
                    while j < n && self.units[j].punct && !self.units[j].is_p('.') {
                        j += 1;
                    }
                    k = j;
                    continue;
                }
                if first.ends_with("ing") && first != "including" && first.len() > 4 {
                    return k;
                }
                // A new clause after the comma: a reporting clause (", the ministry said"), or a
                // verb before any name or "and" (", pledged that", ", the two sides agreed").
                let mut j = k + 1;
                let mut listed = false;
                while j < n
                    && j < k + 16
                    && !self.units[j].is_p(',')
                    && !is_stop_punct(&self.units[j])
                {
                    if heads.contains(&j) {
                        return k;
                    }
                    let u = &self.units[j];
                    if u.is(EntityLabel::Person) {
                        listed = true;
                    }
                    if let Some(v) = u.word() {
                        if is_in(&REPORTING, v) {
                            return k;
                        }
                        if matches!(v, "and" | "or") {
                            listed = true;
                        }
                        let called_not_on = v == "called" && self.word(j + 1) != "on";
                        if !noun && !listed && is_in(&FINITE, v) && !called_not_on {
                            return k;
                        }
                    }
                    j += 1;
                }
            }
            k += 1;
        }
        cap
    }

    /// Whether the event noun at `k` is where another event took place: "met on the
    /// sidelines of the 28th and 29th ASEAN summits in Vientiane on Sept. 8" (its place and
    /// day are the meeting's too).
    fn sidelines_of(&self, k: usize) -> bool {
        let from = k.saturating_sub(8);
        (from..k)
            .rev()
            .take_while(|&j| !self.units[j].punct)
            .any(|j| {
                self.units[j].is_wi(&["sidelines", "sideline", "margins", "margin"])
                    && self.word(j + 1) == "of"
            })
    }

    pub(super) fn is_verbish(&self, k: usize) -> bool {
        let Some(u) = self.units.get(k) else {
            return false;
        };
        let Some(w) = u.word() else { return false };
        if u.cap && k > 0 {
            return false;
        }
        is_in(&FINITE, w)
            || is_in(&REPORTING, w)
            || (is_in(&BASE_VERBS, w) && self.word(k + 1) != "of")
            || (w.len() > 4
                && w.ends_with("ed")
                && !matches!(
                    w,
                    "related"
                        | "armed"
                        | "united"
                        | "advanced"
                        | "detailed"
                        | "limited"
                        | "concerned"
                ))
    }
}
