//! Units: a sentence as a list of entities (one unit each, with a flag for a possessive "'s")
//! and of the other words and punctuation marks, one unit each.

use super::*;

#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub(super) span: ByteSpan,
    /// Lower-cased text.
    pub(super) low: String,
    pub(super) label: Option<EntityLabel>,
    /// Followed by a possessive "'s" / "'" (consumed).
    pub(super) poss: bool,
    pub(super) punct: bool,
    /// White space (or the sentence start) before it.
    pub(super) spaced: bool,
    /// Starts with an upper-case letter.
    pub(super) cap: bool,
}

impl Unit {
    /// Whether the unit names an office in [`OBJECT_OFFICES`], also where the tagger took the
    /// office for a name or a nationality ("the Qatari [Emir]").
    pub(super) fn names_office(&self) -> bool {
        self.word().is_some_and(|w| is_in(&OBJECT_OFFICES, w))
            || (self.label.is_some() && is_in(&OBJECT_OFFICES, &self.low))
    }

    pub(super) fn word(&self) -> Option<&str> {
        (self.label.is_none() && !self.punct).then_some(self.low.as_str())
    }

    pub(super) fn is_w(&self, w: &str) -> bool {
        self.word() == Some(w)
    }

    pub(super) fn is_wi(&self, list: &[&str]) -> bool {
        self.word().is_some_and(|w| is_in(list, w))
    }

    pub(super) fn is_p(&self, c: char) -> bool {
        self.punct && self.low.starts_with(c)
    }

    pub(super) fn is(&self, l: EntityLabel) -> bool {
        self.label == Some(l)
    }

    pub(super) fn is_place(&self) -> bool {
        matches!(self.label, Some(EntityLabel::Gpe) | Some(EntityLabel::Loc))
    }
}

pub(super) fn tokenize(doc: &Document, sent: ByteSpan) -> Vec<Unit> {
    let text = doc.text.as_str();
    let mut ents: Vec<(ByteSpan, EntityLabel)> = Vec::new();
    let mut last = sent.start;
    for e in doc.entities_in(sent) {
        let s = e.span;
        if s.start < last || s.start >= s.end || s.end > sent.end || !valid_span(text, s) {
            continue;
        }
        ents.push((s, e.label));
        last = s.end;
    }
    let mut units = Vec::new();
    let mut pos = sent.start;
    let mut ei = 0;
    let mut spaced = true;
    while pos < sent.end && units.len() < MAX_UNITS {
        while ei < ents.len() && ents[ei].0.start < pos {
            ei += 1;
        }
        let limit = ents.get(ei).map_or(sent.end, |e| e.0.start);
        if ei < ents.len() && ents[ei].0.start == pos {
            let (s, label) = ents[ei];
            ei += 1;
            let raw = &text[s.start..s.end];
            let mut unit = Unit {
                span: s,
                low: raw.to_lowercase(),
                label: Some(label),
                poss: false,
                punct: false,
                spaced,
                cap: raw.starts_with(char::is_uppercase),
            };
            pos = s.end;
            let rest = &text[pos..sent.end];
            for suffix in ["'s", "’s", "'", "’"] {
                if let Some(after) = rest.strip_prefix(suffix) {
                    if !after.starts_with(char::is_alphanumeric) {
                        unit.poss = true;
                        pos += suffix.len();
                        break;
                    }
                }
            }
            units.push(unit);
            spaced = false;
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            pos += c.len_utf8();
            spaced = true;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = pos;
            let slice = &text[pos..limit.max(pos)];
            let mut it = slice.char_indices().peekable();
            while let Some((i, ch)) = it.next() {
                if ch.is_alphanumeric() {
                    end = pos + i + ch.len_utf8();
                    continue;
                }
                if matches!(ch, '-' | '\'' | '’' | '.' | '&') && end == pos + i {
                    if let Some(&(_, nx)) = it.peek() {
                        if nx.is_alphanumeric() {
                            continue;
                        }
                    }
                }
                // A clock time is one word: "9:27", not "9", ":" (a colon ends a clause), "27".
                if ch == ':'
                    && end == pos + i
                    && text[pos..end].ends_with(|c: char| c.is_ascii_digit())
                {
                    if let Some(&(_, nx)) = it.peek() {
                        if nx.is_ascii_digit() {
                            continue;
                        }
                    }
                }
                break;
            }
            if end == pos {
                end = pos + c.len_utf8();
            }
            let mut word = &text[pos..end];
            let mut poss = false;
            for suffix in ["'s", "’s"] {
                if word.len() > suffix.len() && word.ends_with(suffix) {
                    word = &word[..word.len() - suffix.len()];
                    poss = true;
                    break;
                }
            }
            let mut next = end;
            // The period that closes "a.m." / "p.m." ends no clause: "received this Friday at
            // 9:27 a.m. his counterpart".
            if matches!(word, "a.m" | "p.m" | "A.M" | "P.M") && text[end..sent.end].starts_with('.')
            {
                next = end + 1;
            }
            if !poss && word.ends_with('s') {
                let rest = &text[end..sent.end];
                for q in ["'", "’"] {
                    if let Some(after) = rest.strip_prefix(q) {
                        if !after.starts_with(char::is_alphanumeric) {
                            poss = true;
                            next = end + q.len();
                        }
                        break;
                    }
                }
            }
            units.push(Unit {
                span: ByteSpan::new(pos, pos + word.len()),
                low: word.to_lowercase(),
                label: None,
                poss,
                punct: false,
                spaced,
                cap: word.starts_with(char::is_uppercase),
            });
            pos = next;
            spaced = false;
            continue;
        }
        units.push(Unit {
            span: ByteSpan::new(pos, pos + c.len_utf8()),
            low: c.to_string(),
            label: None,
            poss: false,
            punct: true,
            spaced,
            cap: false,
        });
        pos += c.len_utf8();
        spaced = false;
    }
    without_date_brackets(units)
}

/// A date in brackets is an aside the clause reads through: "met this afternoon (Sunday), 19
/// June 2005 with X", "concluded their meeting in Brussels today (13 February 2025)". The
/// brackets go and the date stays (a bracket ends a clause elsewhere: "(AFP)", "(left)").
fn without_date_brackets(units: Vec<Unit>) -> Vec<Unit> {
    // Only a day ("(Sunday)", "(13 February 2025)"): a span of years after a name ("Obasanjo
    // (1999-2007)") is a term of office, not the clause's time.
    let opens_date = |k: usize| {
        units[k].is_p('(')
            && units
                .get(k + 1)
                .is_some_and(|u| u.is(EntityLabel::Date) && u.low.chars().any(char::is_alphabetic))
            && units.get(k + 2).is_some_and(|u| u.is_p(')'))
    };
    let mut drop = vec![false; units.len()];
    for k in 0..units.len() {
        if opens_date(k) {
            drop[k] = true;
            drop[k + 2] = true;
        }
    }
    units
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(u, _)| u)
        .collect()
}
