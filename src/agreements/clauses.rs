//! Clauses: where an act's clause starts and ends, its asides and trailers.

use super::*;

impl<'d> Cx<'d> {
    /// Start of the clause that holds `at`: after the last ";", ": ", ". X", ", and the ...",
    /// "when", "that", "where" before it.
    pub(super) fn clause_start(&self, ui: usize, at: usize) -> usize {
        let floor = self.window(ui, at, LOOKBACK);
        let s = self.t(floor, at);
        static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i);\s*|:\s+|\.\s+|,\s+(?:and|but|while|whereas|as)\s+|\b(?:when|whereas|after\s+which|that|where)\s+|,\s+(?:which|who)\s+").unwrap()
        });
        let mut start = floor;
        for m in BOUNDARY.find_iter(s) {
            let txt = m.as_str();
            let next = &s[m.end()..];
            let next_word = next
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if txt.starts_with('.') {
                // Not after an abbreviation ("U.S. President", "Jr. witnessing").
                let prev = s[..m.start()]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("");
                if !is_capitalised(next_word)
                    || prev.len() < 3
                    || prev.contains('.')
                    || is_abbreviation(prev)
                {
                    continue;
                }
            }
            if txt.starts_with(',')
                && matches!(
                    txt.trim_start_matches(',').trim().to_lowercase().as_str(),
                    "and" | "but" | "while" | "whereas" | "as"
                )
            {
                let lw = next_word.to_lowercase();
                let new_subject = is_capitalised(next_word)
                    || matches!(
                        lw.as_str(),
                        "the"
                            | "they"
                            | "both"
                            | "it"
                            | "he"
                            | "she"
                            | "we"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                    );
                if !new_subject {
                    continue;
                }
            }
            start = floor + m.end();
        }
        start
    }

    /// End of the clause after `at`.
    pub(super) fn clause_end(&self, ui: usize, at: usize) -> usize {
        let u = &self.units[ui];
        let at = at.min(u.span.end);
        let s = self.t(at, u.span.end);
        static END: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)[,;]|\.\s+[A-Z]|\s(?:and|but|which|that|while|before|after|as|when)\s")
                .unwrap()
        });
        for m in END.find_iter(s) {
            // "after the next round of talks" is a phrase of this clause; "before flying" is not.
            let word = m.as_str().trim().to_lowercase();
            // The comma inside a name or a date ("on June 27, 2025", "Washington, D.C.").
            let pos = at + m.start();
            if word == ","
                && self
                    .ents_in(u.span.start, u.span.end)
                    .iter()
                    .any(|e| e.span.start < pos && pos < e.span.end)
            {
                continue;
            }
            // "a pact known as GSOMIA in November 2016".
            if word == "as"
                && lower_words(&s[..m.start()])
                    .last()
                    .is_some_and(|w| matches!(w.as_str(), "known" | "called" | "dubbed" | "such"))
            {
                continue;
            }
            // "to that effect", "of that kind": a determiner, not a clause.
            if word == "that"
                && lower_words(&s[..m.start()]).last().is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "to" | "of" | "in" | "on" | "at" | "for" | "by" | "with" | "from" | "under"
                    )
                })
            {
                continue;
            }
            // "signed by Sudan and South Sudan in 2019": two names joined, not two clauses.
            if word == "and" {
                let (x, y) = (at + m.start(), at + m.end());
                let ends_name = self
                    .ents_in(u.span.start, x)
                    .last()
                    .is_some_and(|e| e.span.end == x);
                // "... of Peru and his Chilean counterpart Ed Fox on Tuesday": a determiner may
                // open the second name.
                let starts_name = self.ents_in(y, u.span.end).first().is_some_and(|e| {
                    let gap = self.t(y, e.span.start).trim().to_lowercase();
                    e.span.start == y
                        || matches!(gap.as_str(), "his" | "her" | "their" | "its" | "the")
                });
                if ends_name && starts_name {
                    continue;
                }
            }
            if word == "after" || word == "before" {
                let next = s[m.end()..]
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if DETERMINERS.contains(&next.as_str())
                    || matches!(next.as_str(), "next" | "last" | "two" | "three" | "several")
                {
                    continue;
                }
            }
            return at + m.start();
        }
        u.span.end
    }

    /// Spans of relative clauses (", who ...,", ", which ...") and reporting tails (", X
    /// said on Monday") in `[a, b)`: dates there are not the event's.
    pub(super) fn asides(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        static ASIDE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i),\s+(?:who|which|whose)\b[^,;]*").unwrap());
        let s = self.t(a, b);
        ASIDE
            .find_iter(s)
            .map(|m| (a + m.start(), a + m.end()))
            .collect()
    }

    /// Where a phrase trailing the clause that ends at `at` ends: ", during a visit to Jakarta
    /// by ...", ", on the sidelines of the summit in ...", ", at the end of the talks"; `at`
    /// when none follows.
    pub(super) fn trailer_end(&self, ui: usize, at: usize) -> usize {
        static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
            // Or a time clause: "are poised to sign a pact when X visits Abu Dhabi on Thursday".
            Regex::new(r"(?i)^\s*(?:,\s*(?:during|on\s+the\s+(?:sidelines|margins)\s+of|at\s+the\s+(?:end|close|conclusion)\s+of|in\s+the\s+course\s+of|following|at|in|(?:planned|scheduled|set|slated|due)\s+(?:for|on|in))|,?\s*when)\s").unwrap()
        });
        let Some(u) = self.units.get(ui) else {
            return at;
        };
        if at >= u.span.end {
            return at;
        }
        match TRAIL.find(self.t(at, u.span.end)) {
            Some(m) => self.clause_end(ui, at + m.end()).max(at),
            None => at,
        }
    }
}
