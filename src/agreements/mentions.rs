//! Mentions: the noun phrases (and quoted names) of agreements in a sentence.

use super::*;

/// A quantity before documents: "a number of", "a series of", "dozens of".
const QUANTITY_WORDS: &str = r"(?:a\s+(?:number|series|raft|range|package|host|set|couple|total|slew|batch|string)|dozens|scores)";
static QUANTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{QUANTITY_WORDS}\s+of\b")).unwrap());
/// The same at the end of the text before an "of".
static QUANTITY_BEFORE_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{QUANTITY_WORDS}\s+$")).unwrap());

/// A bound before a count of documents: "at least 13", "more than 20", "nearly 30".
static NUMBER_BOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:at\s+least|more\s+than|as\s+many\s+as|up\s+to|nearly|almost|about|around|over|some|close\s+to)\s+$",
    )
    .unwrap()
});

impl<'d> Cx<'d> {
    pub(super) fn mentions(&self, ui: usize) -> Vec<Mention> {
        let u = &self.units[ui];
        let body = self.t(u.span.start, u.span.end);
        let mut out: Vec<Mention> = Vec::new();
        let all: Vec<(usize, usize)> = KIND
            .find_iter(body)
            .take(MAX_MENTIONS * 4)
            .map(|m| (u.span.start + m.start(), u.span.start + m.end()))
            .collect();
        let quotes = self.quotes(ui);
        for (k, &(a, b)) in all.iter().enumerate() {
            // A pathological "sentence" (a table, a list without stops) is read only in part.
            if out.len() >= MAX_MENTIONS {
                break;
            }
            let word = self.t(a, b);
            let Some((kind, plural)) = kind_of(word) else {
                continue;
            };
            let prev = self.word_before(u.span.start, a);
            let lw = word.to_lowercase();
            // "to deal with", "to contract", "accord priority".
            if (lw.starts_with("deal") || lw.starts_with("contract") || lw.starts_with("accord"))
                && prev
                    .as_deref()
                    .is_some_and(|p| MODAL_BEFORE_VERB.contains(&p))
            {
                continue;
            }
            // Not the head: another kind word follows ("partnership agreement"), or a
            // capitalised word inside a name ("Partnership Economic Dialogue").
            let after = self.t(b, u.span.end);
            let next_gap = after.len() - after.trim_start_matches([' ', '-']).len();
            if let Some(&(na, _)) = all.get(k + 1) {
                if na == b + next_gap && next_gap <= 2 {
                    continue;
                }
            }
            if after.starts_with('-') {
                continue;
            }
            if is_capitalised(word)
                && !word.starts_with("MoU")
                && !word.starts_with("MOU")
                && after.starts_with(' ')
            {
                let next = after[1..]
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                if !next.is_empty()
                    && is_capitalised(next)
                    && next.chars().any(|c| c.is_lowercase())
                {
                    continue;
                }
            }
            if lw.starts_with("convention")
                && after.trim_start().to_lowercase().starts_with(['c', 'h'])
            {
                let nx = after.trim_start().to_lowercase();
                if nx.starts_with("center") || nx.starts_with("centre") || nx.starts_with("hall") {
                    continue;
                }
            }
            out.push(self.noun_phrase(ui, &quotes, kind, plural, ByteSpan::new(a, b), false));
        }
        // Quoted names with no kind noun at their head.
        for &(qa, qb, inner_a, inner_b) in quotes.iter().take(MAX_MENTIONS) {
            let inner = self.t(inner_a, inner_b).trim();
            if !looks_like_name(inner) {
                continue;
            }
            if out.iter().any(|m| m.head.start >= qa && m.head.end <= qb) {
                continue;
            }
            let mut m = self.noun_phrase(
                ui,
                &quotes,
                AgreementKind::Agreement,
                false,
                ByteSpan::new(qa, qb),
                true,
            );
            m.title = Some(strip_acronym(inner).to_string());
            out.push(m);
        }
        out.sort_by_key(|m| m.head.start);
        out
    }

    /// Quoted stretches of a unit: (open, close end, inner start, inner end).
    pub(super) fn quotes(&self, ui: usize) -> Vec<(usize, usize, usize, usize)> {
        let u = &self.units[ui];
        let body = self.t(u.span.start, u.span.end);
        let mut out = Vec::new();
        let mut open: Option<(usize, char)> = None;
        for (i, c) in body.char_indices() {
            match (open, c) {
                (None, '“') | (None, '"') => open = Some((i, c)),
                (Some((o, oc)), '”') | (Some((o, oc)), '"')
                    if oc == '“' && c == '”' || oc == '"' && c == '"' =>
                {
                    let inner_a = o + oc.len_utf8();
                    out.push((
                        u.span.start + o,
                        u.span.start + i + c.len_utf8(),
                        u.span.start + inner_a,
                        u.span.start + i,
                    ));
                    open = None;
                }
                _ => {}
            }
        }
        out
    }

    /// The noun phrase around a kind head: its start, end, determiner, and a proper name.
    pub(super) fn noun_phrase(
        &self,
        ui: usize,
        quotes: &[(usize, usize, usize, usize)],
        kind: AgreementKind,
        plural: bool,
        head: ByteSpan,
        name_only: bool,
    ) -> Mention {
        let u = &self.units[ui];
        let mut definite = false;
        let mut title: Option<String> = None;
        let mut np_end = head.end;
        // Inside quotes: the whole quoted name is the phrase.
        let mut quoted: Option<(usize, usize, usize, usize)> = None;
        if !name_only {
            // Speech is no name: a quote that ends a clause ("We will negotiate a new trade
            // agreement," he said) or runs long is read as the sentence it is.
            quoted = quotes.iter().copied().find(|&(qa, qb, ia, ib)| {
                let inner = self.t(ia, ib).trim();
                qa < head.start
                    && head.end <= qb
                    && qb - qa < 400
                    && !inner.ends_with([',', '.', '!', '?', ';', ':'])
                    && inner.split_whitespace().count() <= 24
            });
        }
        let head_start = match quoted {
            Some((qa, qb, ia, ib)) => {
                let inner = self.t(ia, ib).trim();
                if is_capitalised(inner) && inner.split_whitespace().count() >= 2 {
                    title = Some(strip_acronym(inner).to_string());
                }
                np_end = qb;
                qa
            }
            None => head.start,
        };
        if name_only {
            np_end = head.end;
        }
        // Modifiers before the head, back to a determiner.
        let window = self.window(ui, head_start, 240);
        let before = self.t(window, head_start);
        let mut run_capital: Vec<&str> = Vec::new();
        let mut capital_run_open = quoted.is_none() && !name_only;
        let mut cursor = before.len();
        let mut run_first = head_start;
        for (count, &(a, b)) in words(before).iter().rev().enumerate() {
            // Punctuation between this word and the phrase so far ends the phrase.
            if before[b..cursor]
                .chars()
                .any(|c| !(c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\'' | '’' | '-')))
            {
                break;
            }
            let w = &before[a..b];
            let lw = w.to_lowercase();
            // "a number of agreements", "a series of memoranda": the quantity opens the phrase.
            if lw == "of" {
                if let Some(q) = QUANTITY_BEFORE_OF.find(&before[..a]) {
                    cursor = q.start();
                    break;
                }
            }
            if DETERMINERS.contains(&lw.as_str()) {
                definite = DEFINITE.contains(&lw.as_str());
                cursor = a;
                break;
            }
            // "At least 13 agreements", "more than 20 deals": the bound opens the phrase.
            if lw.chars().all(|c| c.is_ascii_digit()) {
                if let Some(q) = NUMBER_BOUND.find(&before[..a]) {
                    cursor = q.start();
                    break;
                }
            }
            if STOP.contains(&lw.as_str()) || count >= 7 {
                break;
            }
            if capital_run_open && is_capitalised(w) {
                run_capital.push(w);
                run_first = window + a;
            } else {
                capital_run_open = false;
            }
            cursor = a;
        }
        let np_start = window + cursor;
        // An acronym in brackets after the phrase: "(CEPA)".
        static ACRONYM: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\s*\(\s*[A-Z][A-Za-z0-9&.-]{1,12}\s*\)").unwrap());
        if let Some(m) = ACRONYM.find(self.t(np_end, u.span.end)) {
            np_end += m.end();
        }
        // A capitalised name: "Panmunjom Declaration", "Comprehensive Strategic Partnership",
        // "Treaty of Amity and Cooperation".
        let head_text = self.t(head.start, head.end);
        if title.is_none()
            && !name_only
            && is_capitalised(head_text)
            && !head_text.starts_with("MoU")
            && !head_text.starts_with("MOU")
        {
            run_capital.reverse();
            // The first word of a sentence is capitalised anyway.
            let at_start = self
                .t(u.span.start, run_first)
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty();
            let evidence = run_capital.len() >= 2 || (run_capital.len() == 1 && !at_start);
            static TAIL: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|of|on|for|the|in)\s+){0,2}[A-Z][\w'’-]*)*").unwrap()
            });
            // Not a date: "Agreement on Monday".
            let tail = TAIL
                .find(self.t(head.end, u.span.end))
                .map(|m| {
                    // A date or a month ends the name: "Treaty on the Creation of the Union
                    // State in December 1999".
                    let t = m.as_str();
                    let cut = words(t)
                        .into_iter()
                        .skip(1)
                        .find(|&(a, b)| {
                            is_calendar_word(&t[a..b]) || self.date_at(head.end + a).is_some()
                        })
                        .map_or(t.len(), |(a, _)| a);
                    let mut kept = t[..cut].trim_end().to_string();
                    while let Some((rest, last)) = kept.rsplit_once(' ') {
                        if matches!(last, "and" | "of" | "on" | "for" | "the" | "in") {
                            kept = rest.trim_end().to_string();
                        } else {
                            break;
                        }
                    }
                    kept
                })
                .filter(|t| {
                    let first = t.split_whitespace().nth(1).unwrap_or("");
                    !first.is_empty() && t.split_whitespace().count() >= 2
                });
            if evidence || tail.is_some() {
                let mut t = if evidence {
                    format!("{} {}", run_capital.join(" "), head_text)
                } else {
                    head_text.to_string()
                };
                if let Some(tail) = &tail {
                    t.push_str(tail);
                    np_end = np_end.max(head.end + tail.len());
                }
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !is_generic_name(&t) {
                    title = Some(t);
                }
            }
        }
        // "a pact known as GSOMIA", "the accord dubbed the “Panda Deal”".
        static KNOWN_AS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"^\s*,?\s*(?:known|called|dubbed|named)\s+(?:as\s+)?(?:the\s+)?["“]?([A-Z][\w.'’&-]*(?:\s+(?:(?:of|on|for|and|the)\s+)?[A-Z][\w.'’&-]*)*)["”]?"#).unwrap()
        });
        if title.is_none() && !name_only {
            if let Some(c) = KNOWN_AS.captures(self.t(np_end, u.span.end)) {
                let name = c.get(1).map_or("", |g| g.as_str());
                let at = np_end + c.get(1).map_or(0, |g| g.start());
                if self.date_at(at).is_none()
                    && !is_calendar_word(name.split_whitespace().next().unwrap_or(""))
                {
                    title = Some(name.to_string());
                    np_end += c.get(0).map_or(0, |g| g.end());
                }
            }
        }
        Mention {
            kind,
            head,
            np_start,
            np_end,
            lead: head_start,
            plural,
            definite,
            title,
            name_only,
        }
    }

    /// Whether only noun-phrase material stands in `[a, b)`: at most `max` words, no clause
    /// punctuation, prepositions or verbs of other clauses, no other kind head.
    pub(super) fn np_gap_ok(&self, a: usize, b: usize, max: usize, mentions: &[Mention]) -> bool {
        if a > b {
            return false;
        }
        let a = self.after_time(a, b);
        let gap = self.t(a, b);
        if gap.chars().any(|c| {
            !(c.is_alphanumeric()
                || c.is_whitespace()
                || matches!(
                    c,
                    '“' | '”' | '"' | '‘' | '’' | '\'' | '-' | '.' | '&' | '$' | '%'
                ))
        }) {
            return false;
        }
        if gap.contains(". ") {
            return false;
        }
        // "signed a number of agreements", "a series of memoranda": the quantity is no gap;
        // nor is a premodifier that holds "of" ("a status of forces agreement").
        static OF_COMPOUNDS: LazyLock<Vec<&str>> =
            crate::wordlist::words!("agreements/of_compounds.txt");
        let mut gap = QUANTITY.replace_all(gap, " ");
        // Only a gap that holds "of" can hold such a premodifier: no copies on the common path.
        if gap
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b" of "))
        {
            let mut lower = gap.to_lowercase();
            for compound in OF_COMPOUNDS.iter() {
                lower = lower.replace(compound, " ");
            }
            gap = lower.into();
        }
        let ws = lower_words(&gap);
        if ws.len() > max || ws.iter().any(|w| STOP.contains(&w.as_str())) {
            return false;
        }
        !mentions
            .iter()
            .any(|m| m.head.start >= a && m.head.end <= b)
    }

    /// Where a time adjunct that opens `[a, b)` ends ("signed on Monday a memorandum",
    /// "signed Tuesday an agreement"), else `a`.
    fn after_time(&self, a: usize, b: usize) -> usize {
        let gap = self.t(a, b);
        let mut at = a + (gap.len() - gap.trim_start().len());
        let rest = self.t(at, b);
        if rest.starts_with("on ") {
            at += 3;
        }
        match self.dates_in(at, b).first() {
            Some((span, _)) if span.start == at => span.end,
            _ => a,
        }
    }

    /// A singular mention followed by "between X and Y" naming two parties and then a date.
    /// Or a year modifying a phrase that names both parties: "the 1965 Treaty on Basic
    /// Relations between Japan and the Republic of Korea", "the 2012 Kenya-Ethiopia
    /// agreement". Returns where the date is.
    pub(super) fn dated_mention(&self, ui: usize, m: &Mention) -> Option<usize> {
        if m.plural || m.name_only || m.kind == AgreementKind::Partnership {
            return None;
        }
        let post = self.post_np(ui, m.np_end);
        // The year inside the phrase, before its head.
        let year = self
            .dates_in(m.np_start, m.lead)
            .iter()
            .find(|(_, v)| matches!(v, Some(DateValue::Year(_))))
            .map(|(s, _)| s.start);
        if let Some(at) = year {
            let mut named: Vec<String> = Vec::new();
            for e in self.ents_in(m.np_start, m.np_end) {
                if matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp) {
                    if let Some(p) = self.party_of(e).filter(|p| p.kind == PartyType::Country) {
                        if !named.contains(&p.name) {
                            named.push(p.name);
                        }
                    }
                }
            }
            for p in &post.between {
                if !named.contains(&p.name) {
                    named.push(p.name.clone());
                }
            }
            if named.len() >= 2 {
                return Some(at);
            }
        }
        if post.between.len() < 2 {
            return None;
        }
        let after = self.t(post.end, self.units[ui].span.end);
        let lead = after.len() - after.trim_start().len();
        let rest = &after[lead..];
        let prep = rest.split_whitespace().next()?;
        if !matches!(prep.to_lowercase().as_str(), "in" | "on" | "of") {
            return None;
        }
        let at = post.end + lead + prep.len();
        let at = at
            + (self.t(at, self.units[ui].span.end).len()
                - self.t(at, self.units[ui].span.end).trim_start().len());
        self.date_at(at)
            .is_some_and(|v| v.is_some())
            .then_some(m.np_end)
    }
}
