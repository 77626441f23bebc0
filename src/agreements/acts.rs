//! Acts: the verbs (signed, initialled, concluded, ...) linked to the mentions they act on.

use super::*;

/// How many lines of a list [`Cx::enumerated_item_act`] steps back over.
const MAX_LISTED_ITEMS: usize = 12;

/// The mark of a numbered list item: "(ii)", "iv.", "3)", "b)".
pub(super) const LIST_MARK: &str = r"\(?(?:[ivxl]{1,6}|[0-9]{1,2}|[a-h])[.)]";

/// A bullet before a list item.
const BULLET: &str = r"[-•*–—·▪●]";

/// The nouns a document of a list opens with.
pub(super) const LISTED_DOCUMENTS: &str = r"(?:mou|memorandum|memoranda|agreement|treaty|protocol|contract|declaration|joint\s+statement|convention|accord|deal)";

/// Ordinals that number documents ("the second memorandum").
pub(super) const ORDINALS: &str =
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)";

/// What may stand before a listed item on its line: "(ii)", "iv.", "3)", "b)", "-", "•", or nothing.
pub(super) static ENUMERATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*(?:{LIST_MARK}|{BULLET})?\s*$")).unwrap());

/// A line that is an item of such a list: an enumerator, then an agreement noun (or a
/// programme, plan or letter of the same list).
pub(super) static ENUMERATED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:{LIST_MARK}|{BULLET})?\s*(?:an?\s+|the\s+)?(?:{LISTED_DOCUMENTS}|programme|program|plan|letter)\b"
    ))
    .unwrap()
});

/// A line announcing a list of documents: "The five MoUs ... are namely:", "The following
/// agreements were signed:".
static ANNOUNCES_DOCUMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{DOCUMENT_PLURALS}|memorand(?:a|ums)\s+of\s+understanding)\b[^:]{{0,160}}:$"
    ))
    .unwrap()
});

/// How many sentences back a document numbered by its ordinal finds its count.
const ORDINAL_ITEM_REACH: usize = 8;

/// A sentence opening with a document numbered by its ordinal: "The second deal ...".
static OPENING_ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*the\s+{ORDINALS}\s+$")).unwrap());

/// A count of documents: "three bilateral agreements", "five MoUs".
static DOCUMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|[1-9][0-9])\s+(?:[\w-]+\s+){{0,2}}(?:{DOCUMENT_PLURALS}|memorand(?:a|ums)\s+of\s+understanding)\b"
    ))
    .unwrap()
});

impl<'d> Cx<'d> {
    pub(super) fn acts(&self, ui: usize) -> Vec<Act> {
        let u = &self.units[ui];
        let body = self.t(u.span.start, u.span.end);
        let mut out = Vec::new();
        for (class, re) in ACTS.iter() {
            for m in re.find_iter(body) {
                let (start, end) = (u.span.start + m.start(), u.span.start + m.end());
                let class = match class {
                    ActClass::Plan if self.purpose_of_past_gathering(ui, start) => {
                        if m.as_str().to_lowercase().starts_with("to sign") {
                            ActClass::Sign
                        } else {
                            ActClass::Witness
                        }
                    }
                    other => *other,
                };
                out.push(Act::new(start, end, class));
            }
        }
        out
    }

    /// Whether "to sign" (or "to witness the signing of") at `at` is the purpose of a gathering
    /// its sentence tells as past: "met Peru's president on Monday to sign", "arrived in Lima
    /// to sign". News writes so of a signing that took place. A modal, a plan or a negation
    /// before the gathering keeps it to come ("was expected to meet ... to sign", "will travel
    /// to Lima to sign"), and so does a verb of intent right before "to" ("met and agreed to
    /// sign", "met, hoping to sign").
    fn purpose_of_past_gathering(&self, ui: usize, at: usize) -> bool {
        static GATHERED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)\b(?:met|gathered|convened|arrived|travell?ed|flew|came|went|visited|hosted|received|welcomed)\b",
            )
            .unwrap()
        });
        static TO_COME: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:will|would|shall|could|can|may|might|should|must|expected|due|set|scheduled|slated|plans?|planned|planning|hopes?|hoped|intends?|intended|supposed|going|(?:is|are|was|were)\s+to|if|unless|not|never|failed|refused|declined|yet|tomorrow|next)\b|n't\b").unwrap()
        });
        let u = &self.units[ui];
        let s = self.t(u.span.start, at);
        if !self.t(at, u.span.end).to_lowercase().starts_with("to ") {
            return false;
        }
        let Some(verb) = GATHERED.find_iter(s).last() else {
            return false;
        };
        let gap = &s[verb.end()..];
        let gap_words = lower_words(gap);
        let last = gap
            .split_whitespace()
            .last()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        let intent = !last.starts_with(char::is_uppercase)
            && (last.ends_with("ed")
                || last.ends_with("ing")
                || matches!(last, "agree" | "plan" | "want" | "hope"));
        gap_words.len() <= 16
            && !intent
            && !gap.contains([';', ':'])
            && !gap_words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "said" | "says" | "but" | "who" | "which" | "that"
                )
            })
            && !TO_COME.is_match(&s[..verb.end()])
            && !TO_COME.is_match(gap)
    }

    /// Whether the unit before `ui` tells of signing documents ("Chile and Peru signed seven
    /// memoranda"): a signing or concluding act in it.
    pub(super) fn previous_sentence_signs(&self, ui: usize) -> bool {
        ui.checked_sub(1).is_some_and(|prev| {
            self.acts(prev).iter().any(|a| {
                matches!(
                    a.class,
                    ActClass::Sign | ActClass::Conclude | ActClass::Witness
                )
            })
        })
    }

    /// Whether a noun phrase starting at `np_start` opens its clause (so it can be the subject
    /// of a passive act after it).
    pub(super) fn opens_clause(&self, ui: usize, np_start: usize) -> bool {
        let u = &self.units[ui];
        let before = self.t(u.span.start, np_start);
        let trimmed = before
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\''));
        if trimmed
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '—')
            })
            .is_empty()
        {
            return true;
        }
        if trimmed.ends_with([',', ';', ':', '-', '–', '—']) {
            return true;
        }
        let lw = trimmed
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        matches!(
            lw.as_str(),
            "that"
                | "and"
                | "said"
                | "but"
                | "while"
                | "when"
                | "after"
                | "since"
                | "as"
                | "because"
                | "before"
                | "whereas"
                | "where"
                | "once"
                | "if"
                | "until"
                | "though"
                | "although"
                | "whether"
        )
    }

    /// Links each mention to the act that governs it, if any.
    pub(super) fn link(&self, ui: usize, mentions: &[Mention], acts: &[Act]) -> Vec<Option<Act>> {
        let mut links: Vec<Option<Act>> = Vec::with_capacity(mentions.len());
        for (k, m) in mentions.iter().enumerate() {
            // Before: the act that ends nearest the phrase (the longest of those), with nothing
            // but modifiers between.
            let before = acts
                .iter()
                .filter(|a| a.class.before() && a.end <= m.lead)
                .max_by(|x, y| x.end.cmp(&y.end).then(y.start.cmp(&x.start)))
                .copied()
                .filter(|a| self.np_gap_ok(a.end, m.lead, 7, mentions));
            let after = self.passive_act(ui, m, mentions);
            let chosen = match (before, after) {
                // What a relative clause says was done to the document outweighs a verb of
                // talk before it: "Athens considers void a memorandum that Libya signed with
                // Turkey". A signing still to come does not: "launched negotiations on an
                // agreement, which both sides hope to conclude" is under negotiation.
                (Some(b), Some(a))
                    if b.class == ActClass::Discuss
                        && a.class.relative()
                        && a.class != ActClass::RelPlanned =>
                {
                    Some(a)
                }
                (Some(b), Some(a)) => {
                    if m.np_start.saturating_sub(b.end) <= a.start.saturating_sub(m.np_end) {
                        Some(b)
                    } else {
                        Some(a)
                    }
                }
                (b, a) => b.or(a),
            };
            // Coordination: "signed a memorandum ... and an agreement ...".
            let chosen = chosen.or_else(|| {
                let prev = k.checked_sub(1)?;
                let pa = links.get(prev).copied().flatten()?;
                if !pa.class.before() {
                    return None;
                }
                let pm = &mentions[prev];
                let pend = self
                    .post_np(ui, pm.np_end)
                    .end
                    .max(pm.np_end)
                    .min(m.np_start);
                let gap = self.t(pend, m.np_start);
                static COORD: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"^\s*(?:,|,?\s*and|,?\s*as\s+well\s+as)\s*$").unwrap()
                });
                COORD.is_match(gap).then_some(pa)
            });
            // A list after a signing: "witnessed the exchange of several documents, including a
            // memorandum of understanding on fisheries".
            let chosen = chosen.or_else(|| self.listed_after_act(ui, m, acts, mentions, &links));
            // An item of a list set out line by line after the signing: "(ii) MoU on ...;".
            let chosen = chosen.or_else(|| self.enumerated_item_act(ui, m));
            // Or a sentence that opens with one of them by its ordinal: "The second deal
            // involves ..." after "three agreements were signed".
            let chosen = chosen.or_else(|| self.ordinal_item_act(ui, m));
            // The second object of a signing whose first is no agreement: "signed a statement
            // of intent on defence and an agreement on aviation security".
            let chosen = chosen.or_else(|| self.second_object_act(m, acts, mentions));
            // No act: a dated mention with explicit parties ("the joint statement between
            // Vietnam and China in 2023").
            let chosen = chosen.or_else(|| {
                self.dated_mention(ui, m)
                    .map(|at| Act::new(at, at, ActClass::Dated))
            });
            // A joint statement as what was said in: "the two presidents said in a joint
            // communique", "In a joint statement released ..., the leaders said": it was issued.
            let chosen = chosen.or_else(|| {
                if m.kind != AgreementKind::JointStatement || m.plural || m.definite || m.name_only
                {
                    return None;
                }
                let floor = self.window(ui, m.np_start, 40);
                let before = self.t(floor, m.np_start);
                static IN_A: LazyLock<Regex> =
                    LazyLock::new(|| Regex::new(r"(?i)\bin\s+$").unwrap());
                let hit = IN_A.find(before)?;
                Some(Act::new(
                    floor + hit.start(),
                    floor + hit.start() + 2,
                    ActClass::Conclude,
                ))
            });
            links.push(chosen);
        }
        // Coordinated subjects of one passive: "an agreement on X and a memorandum on Y were
        // signed in the presence of the two presidents".
        for k in (0..mentions.len().saturating_sub(1)).rev() {
            if links[k].is_some() {
                continue;
            }
            let Some(next) = links[k + 1]
                .filter(|a| !a.class.before() && a.class != ActClass::Dated && !a.class.relative())
            else {
                continue;
            };
            let (m, n) = (&mentions[k], &mentions[k + 1]);
            if next.start < n.np_end || !self.opens_clause(ui, m.np_start) {
                continue;
            }
            let pend = self.post_np(ui, m.np_end).end.max(m.np_end).min(n.np_start);
            static COORD_AND: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^\s*(?:,|,?\s*and|,?\s*as\s+well\s+as)\s*$").unwrap()
            });
            if COORD_AND.is_match(self.t(pend, n.np_start)) {
                links[k] = Some(next);
            }
        }
        links
    }

    /// The subject of the main clause after a fronted phrase that ends at `at` (", Chile and
    /// Peru pledged"): from the comma to the first word that is no name or noun of people.
    pub(super) fn main_subject(&self, ui: usize, at: usize) -> Option<(usize, usize)> {
        let u = self.units.get(ui)?;
        let rest = self.t(at, u.span.end);
        let lead = rest.len() - rest.trim_start_matches([',', ' ']).len();
        if !rest.trim_start().starts_with(',') {
            return None;
        }
        let from = at + lead;
        let s = self.t(from, u.span.end);
        let mut end = None;
        for (count, &(a, b)) in words(s).iter().enumerate() {
            let w = &s[a..b];
            let lw = w.to_lowercase();
            let nominal = is_capitalised(w)
                || matches!(
                    lw.as_str(),
                    "and"
                        | "the"
                        | "two"
                        | "both"
                        | "of"
                        | "sides"
                        | "countries"
                        | "leaders"
                        | "presidents"
                        | "ministers"
                        | "governments"
                        | "prime"
                        | "foreign"
                        | "heads"
                        | "state"
                        | "their"
                        | "its"
                );
            if !nominal || count > 12 {
                end = Some(from + a);
                break;
            }
        }
        let end = end?;
        (end > from).then_some((from, end))
    }

    /// The act a phrase coordinated with the object of an act inherits, when that object is
    /// no kind noun of its own: "signed a statement of intent on X and an agreement on Y".
    pub(super) fn second_object_act(
        &self,
        m: &Mention,
        acts: &[Act],
        mentions: &[Mention],
    ) -> Option<Act> {
        static INSIDE: LazyLock<Vec<&str>> = words!("agreements/inside_name_prepositions.txt");
        static AND_END: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)(?:,\s*|\s+)(?:and|as\s+well\s+as)\s*$").unwrap());
        let act = acts
            .iter()
            .filter(|a| {
                a.end <= m.np_start
                    && matches!(
                        a.class,
                        ActClass::Sign
                            | ActClass::Conclude
                            | ActClass::Plan
                            | ActClass::Witness
                            | ActClass::Initial
                    )
            })
            .max_by_key(|a| a.end)
            .copied()?;
        if acts
            .iter()
            .any(|a| a.start >= act.end && a.start < m.np_start)
        {
            return None;
        }
        let gap = self.t(act.end, m.np_start);
        let and = AND_END.find(gap)?;
        let object = &gap[..and.start()];
        let ws = lower_words(object);
        let first = ws.first().map(String::as_str).unwrap_or("");
        if ws.is_empty()
            || ws.len() > 14
            || !DETERMINERS.contains(&first)
            || object.contains([';', ':', '(', ')'])
            || object.contains(". ")
            || ws
                .iter()
                .any(|w| STOP.contains(&w.as_str()) && !INSIDE.contains(&w.as_str()))
            || mentions
                .iter()
                .any(|x| x.head.start >= act.end && x.head.end <= m.np_start)
        {
            return None;
        }
        Some(act)
    }

    /// The act a listed item inherits: "signed N documents, including X and Y" -> X, Y.
    pub(super) fn listed_after_act(
        &self,
        ui: usize,
        m: &Mention,
        acts: &[Act],
        mentions: &[Mention],
        links: &[Option<Act>],
    ) -> Option<Act> {
        static INCLUDING: LazyLock<Regex> = LazyLock::new(|| {
            // A few words may follow the documents before the list: "signed three agreements on
            // Monday in Lima, including ...".
            // Or a bare colon: "signed three agreements: an MoU on X, a protocol and ...".
            Regex::new(&format!(r"(?i)\b{DOCUMENT_PLURALS}(?:\s+[^\s,;:.]+){{0,6}}?(?:\s*,?\s*(?:including|among\s+them|such\s+as|namely)\s*:?|\s*:)\s*$")).unwrap()
        });
        let u = &self.units[ui];
        let start = self.clause_start(ui, m.np_start);
        // A colon ends a clause, but not the one whose documents it lists.
        let start = self
            .t(u.span.start, start)
            .trim_end()
            .strip_suffix(':')
            .map(|before| self.clause_start(ui, u.span.start + before.len()))
            .filter(|&earlier| INCLUDING.is_match(self.t(earlier, start)))
            .unwrap_or(start);
        let text = self.t(start, m.np_start);
        // Earlier items of the list may stand between: "including A, B and C".
        let mut cut = text.len();
        // "N documents were signed during the visit, among them X".
        static LISTED_PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"(?i)\b{DOCUMENT_PLURALS}\s+(?:were|have\s+been|had\s+been)\s+(?:also\s+)?(signed|inked|exchanged|concluded)\b[^;:.,]{{0,80}},\s*(?:including|among\s+them|among\s+which|such\s+as|namely)\s*:?\s*$")).unwrap()
        });
        // "Among the documents signed were X", "The agreements signed include X".
        static LISTED_INVERTED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"(?i)\b{DOCUMENT_PLURALS}\s+(signed|inked|exchanged|concluded)\b[^;:.,]{{0,60}}?\s+(?:were|was|are|include|included|includes)\s*:?\s*$")).unwrap()
        });
        // "The memoranda include an MoU on X, ...": the list of the documents the sentence
        // before told of signing.
        static LISTED_NEXT: LazyLock<Regex> = LazyLock::new(|| {
            // Or a pronoun for them: "They include an MoU on X, ...".
            Regex::new(&format!(r"(?i)^\s*(?:(?:the|these|those)\s+{DOCUMENT_PLURALS}(?:\s+of\s+understanding)?(?:\s*\([^)]{{1,12}}\))?|they|these)\s+(include|included|includes|cover|covered|covers|are|were)\s*:?\s*$")).unwrap()
        });
        let mut tries = 0;
        loop {
            let head = &text[..cut];
            if let Some(c) = LISTED_NEXT
                .captures(head)
                .filter(|_| self.previous_sentence_signs(ui))
            {
                let v = c.get(1)?;
                return Some(Act::new(
                    start + v.start(),
                    start + v.end(),
                    ActClass::PassiveSigned,
                ));
            }
            if let Some(c) = LISTED_INVERTED.captures(head) {
                let v = c.get(1)?;
                return Some(Act::new(
                    start + v.start(),
                    start + v.end(),
                    ActClass::PassiveSigned,
                ));
            }
            if let Some(c) = LISTED_PASSIVE.captures(head) {
                let items = &text[c.get(0).map_or(0, |g| g.end())..];
                if items.contains(';') || items.split(',').any(|p| lower_words(p).len() > 12) {
                    return None;
                }
                let v = c.get(1)?;
                return Some(Act::new(
                    start + v.start(),
                    start + v.end(),
                    ActClass::PassiveSigned,
                ));
            }
            if let Some(hit) = INCLUDING.find(head) {
                let items = &text[hit.end()..];
                let items_ok = items
                    .split([','])
                    .flat_map(|p| p.split(" and "))
                    .all(|p| lower_words(p).len() <= 12)
                    && !items.contains(';');
                if !items_ok {
                    return None;
                }
                let at = start + hit.start();
                let act = acts
                    .iter()
                    .filter(|a| a.class.before() && a.end <= at && a.end + 60 >= at)
                    .max_by_key(|a| a.end)
                    .copied()
                    .filter(|a| {
                        self.np_gap_ok(a.end, at, 6, mentions)
                            || self.t(a.end, at).split_whitespace().count() <= 4
                    })?;
                return Some(act);
            }
            // Step back over one earlier listed mention.
            let prev = mentions
                .iter()
                .zip(links)
                .rev()
                .find(|(x, _)| x.np_end <= start + cut && x.np_start >= start)?;
            cut = prev.0.np_start - start;
            tries += 1;
            if tries > 6 || cut == 0 || u.span.end < start {
                return None;
            }
        }
    }

    /// The act an item of a list set out one item a line inherits: "The five MoUs ... are
    /// namely:" then "(i) MoU on cooperation in ...;", "(ii) MoU between ...;". The item opens
    /// its line (after an enumerator, if any), the lines before it back to the announcing line
    /// (one that names the documents and ends with a colon) are items too, and the announcing
    /// line or one of the three before it tells of signing them (or of signing to come).
    pub(super) fn enumerated_item_act(&self, ui: usize, m: &Mention) -> Option<Act> {
        let u = &self.units[ui];
        if !ENUMERATOR.is_match(self.t(u.span.start, m.np_start)) {
            return None;
        }
        let mut k = ui;
        for _ in 0..MAX_LISTED_ITEMS {
            k = k.checked_sub(1)?;
            let line = self
                .t(self.units[k].span.start, self.units[k].span.end)
                .trim_end();
            if line.ends_with(':') {
                if !ANNOUNCES_DOCUMENTS.is_match(line) {
                    return None;
                }
                let class = self.inherited_class(k.saturating_sub(3)..=k)?;
                return Some(Act::new(u.span.start, m.np_start, class));
            }
            // An earlier item: it opens with an agreement noun (after its enumerator).
            if !ENUMERATED_ITEM.is_match(line) {
                return None;
            }
        }
        None
    }

    /// The act a document numbered by its ordinal inherits from the count of documents told
    /// up to [`ORDINAL_ITEM_REACH`] sentences before: "In total, three bilateral agreements
    /// were signed." then "The first deal focuses on ...", "The second deal involves ...". The
    /// ordinal opens the sentence; the count's sentence tells of signing (or of signing to
    /// come).
    pub(super) fn ordinal_item_act(&self, ui: usize, m: &Mention) -> Option<Act> {
        let u = &self.units[ui];
        if !OPENING_ORDINAL.is_match(self.t(u.span.start, m.head.start)) {
            return None;
        }
        (ui.saturating_sub(ORDINAL_ITEM_REACH)..ui)
            .rev()
            .find_map(|k| {
                let unit = &self.units[k];
                if !DOCUMENT_COUNT.is_match(self.t(unit.span.start, unit.span.end)) {
                    return None;
                }
                let class = self.inherited_class(k..=k)?;
                Some(Act::new(u.span.start, m.np_start, class))
            })
    }

    /// What an item of a list (set out line by line, or numbered by its ordinal) inherits from
    /// the sentences that announce or count the documents: signed when one of them tells of
    /// signing, planned when one tells of a signing to come, nothing otherwise.
    fn inherited_class(&self, units: std::ops::RangeInclusive<usize>) -> Option<ActClass> {
        let classes: Vec<ActClass> = units.flat_map(|j| self.acts(j)).map(|a| a.class).collect();
        if classes
            .iter()
            .any(|c| matches!(c, ActClass::Sign | ActClass::Conclude | ActClass::Witness))
        {
            Some(ActClass::PassiveSigned)
        } else if classes.contains(&ActClass::Plan) {
            Some(ActClass::PassivePlanned)
        } else {
            None
        }
    }

    /// A passive or in-force act after the phrase, when the phrase is its subject.
    pub(super) fn passive_act(&self, ui: usize, m: &Mention, mentions: &[Mention]) -> Option<Act> {
        let u = &self.units[ui];
        let opens = self.opens_clause(ui, m.np_start);
        let rest = self.t(m.np_end, u.span.end);
        // Kind nouns inside the phrase's own subject ("a joint declaration on strategic
        // partnership is to be signed") do not stop the search.
        let own = self.post_np(ui, m.np_end).end;
        if let Some(act) = self.relative_act(ui, m, own) {
            return Some(act);
        }
        let limit = mentions
            .iter()
            .find(|x| x.head.start >= own)
            .map_or(u.span.end, |x| x.head.start);
        let stop_at = |at: usize| -> bool {
            let gap = self.t(m.np_end, at);
            at > limit
                || gap.contains(';')
                || gap.contains(". ")
                || lower_words(gap).len() > 30
                || lower_words(gap)
                    .iter()
                    .any(|w| matches!(w.as_str(), "said" | "says" | "told"))
        };
        if let Some(p) = PARTICIPLE.find(rest) {
            let at = m.np_end + p.start();
            let initial = p.as_str().to_lowercase().starts_with("initial");
            if !stop_at(at) {
                let pre = self.t(m.np_end, at);
                if let Some(c) = AUX.captures(pre).filter(|_| opens) {
                    let aux = c.get(1).map_or("", |x| x.as_str()).to_lowercase();
                    let aux_words: Vec<&str> = aux.split_whitespace().collect();
                    let class = if aux_words.iter().any(|w| {
                        matches!(
                            *w,
                            "must"
                                | "should"
                                | "need"
                                | "needs"
                                | "yet"
                                | "still"
                                | "not"
                                | "never"
                        )
                    }) {
                        ActClass::PassiveDuty
                    } else if aux_words.iter().any(|w| {
                        matches!(
                            *w,
                            "to" | "will"
                                | "would"
                                | "could"
                                | "may"
                                | "might"
                                | "shall"
                                | "due"
                                | "expected"
                                | "set"
                                | "scheduled"
                                | "slated"
                                | "being"
                        )
                    }) || aux == "be"
                    {
                        ActClass::PassivePlanned
                    } else if initial {
                        ActClass::PassiveInitial
                    } else {
                        ActClass::PassiveSigned
                    };
                    return Some(Act::new(
                        m.np_end + c.get(0).map_or(0, |x| x.start()),
                        m.np_end + p.end(),
                        class,
                    ));
                }
                // Reduced relative right after the phrase: "the agreement signed in 2019". Inside
                // another phrase ("in line with the agreement signed by ...") it must tell its
                // own date, or the event it came out of ("released after the call").
                if pre
                    .trim_matches(|c: char| c.is_whitespace() || c == ',')
                    .is_empty()
                {
                    let after = self.t(m.np_end + p.end(), u.span.end).to_lowercase();
                    let next = after.split_whitespace().next().unwrap_or("");
                    let pe = m.np_end + p.end();
                    let own_date = || {
                        let end = self.clause_end(ui, pe);
                        self.dates_in(pe, end).iter().any(|(_, v)| v.is_some())
                    };
                    let pointing = matches!(next, "after" | "following" | "during" | "at");
                    if !(opens || pointing || own_date()) {
                        return None;
                    }
                    if matches!(
                        next,
                        "in" | "on"
                            | "by"
                            | "at"
                            | "last"
                            | "earlier"
                            | "between"
                            | "with"
                            | "during"
                            | "this"
                            | "that"
                            | "two"
                            | "three"
                            | "years"
                            | "after"
                            | "following"
                    ) {
                        let class = if initial {
                            ActClass::PassiveInitial
                        } else {
                            ActClass::PassiveSigned
                        };
                        return Some(Act::new(at, m.np_end + p.end(), class));
                    }
                }
            }
        }
        if let Some(f) = IN_FORCE.find(rest).filter(|_| opens) {
            let at = m.np_end + f.start();
            if !stop_at(at) && lower_words(self.t(m.np_end, at)).len() <= 12 {
                return Some(Act::new(at, m.np_end + f.end(), ActClass::PassiveSigned));
            }
        }
        None
    }

    /// A signing told as a noun that its own clause puts off or schedules: "The signing of the
    /// agreement, planned for Friday, has been postponed" (planned), "the planned signing of"
    /// (planned), "The signing ... was called off" (no record: `Some(None)`); `None` when
    /// the act is no such noun or nothing modifies it.
    pub(super) fn nominal_signing(&self, ui: usize, act: &Act) -> Option<Option<AgreementStatus>> {
        static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(planned|scheduled|upcoming|forthcoming|proposed|expected|postponed|delayed|cancell?ed|aborted)\s+$").unwrap()
        });
        static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:has|have|had|was|were|is|are|will|would|could|may|might)\s+(?:\w+ly\s+)?(?:been\s+|be\s+|now\s+)?(postponed|delayed|put\s+off|pushed\s+back|rescheduled|deferred|called\s+off|cancell?ed|scrapped|shelved|suspended|aborted|scheduled|planned|set|due|expected|slated|take\s+place)\b").unwrap()
        });
        let u = self.units.get(ui)?;
        if !self
            .t(act.start, act.end)
            .to_lowercase()
            .starts_with("signing")
        {
            return None;
        }
        let floor = self.window(ui, act.start, 40);
        let pre = self.t(floor, act.start);
        if let Some(c) = BEFORE.captures(pre) {
            let w = c.get(1).map_or("", |g| g.as_str()).to_lowercase();
            return Some(if w.starts_with("cancel") || w == "aborted" {
                None
            } else {
                Some(AgreementStatus::Planned)
            });
        }
        // The noun heads its clause: the predicate after it says what became of the signing.
        let np_start = match words(pre).last() {
            Some(&(a, b)) if DETERMINERS.contains(&pre[a..b].to_lowercase().as_str()) => floor + a,
            _ => act.start,
        };
        if !self.opens_clause(ui, np_start) {
            return None;
        }
        let end = floor_boundary(self.text, (act.end + 240).min(u.span.end));
        let rest = self.t(act.end, end);
        let cut = rest.find(['.', ';']).unwrap_or(rest.len());
        let c = PREDICATE.captures(&rest[..cut])?;
        let w = c.get(1).map_or("", |g| g.as_str()).to_lowercase();
        Some(match w.as_str() {
            "called off" | "cancelled" | "canceled" | "scrapped" | "shelved" | "suspended"
            | "aborted" => None,
            _ => Some(AgreementStatus::Planned),
        })
    }

    /// An object relative after the phrase (and its "between"/"on" phrases, ending at `own`):
    /// "the Special Status Agreement that the two countries signed in 2012", "the treaty, which
    /// Poland and Germany signed in Bonn". The relative's subject is a short noun phrase.
    pub(super) fn relative_act(&self, ui: usize, m: &Mention, own: usize) -> Option<Act> {
        static REL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*,?\s*(?:that|which)\s+((?:[\w'’.-]+\s+){1,8}?)(?:(?:had|have|has|jointly|also|formally|officially|eventually|finally)\s+)*(signed|inked|concluded|sealed|penned|initial(?:l)?ed|established|forged|launched|set\s+up|adopted|issued)\b").unwrap()
        });
        // With no pronoun: "the communique they adopted", "the statement the two sides issued",
        // "a framework agreement Poland signed with the company in 2022".
        static BARE_REL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s+((?:they|the\s+two\s+(?:sides|leaders|countries|ministers|presidents|governments|companies|firms|nations|neighbours|neighbors|states|banks)|(?-i:\p{Lu}[\p{L}'’.-]*)(?:\s+(?-i:\p{Lu}[\p{L}'’.-]*)){0,2})\s+)(?:(?:had|have|jointly|also|formally)\s+)*(signed|inked|concluded|adopted|issued)\b").unwrap()
        });
        // A signing to come: "the agreement that Australia and China are expected to sign",
        // "the deal, which the two sides hope to conclude".
        static PLANNED_REL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*,?\s*(?:that|which)\s+((?:[\w'’.-]+\s+){1,8}?)(?:(?:are|is|were|was)\s+(?:expected|due|set|scheduled|poised|slated|likely|going)\s+to|will|plans?\s+to|hopes?\s+to|intends?\s+to)\s+(sign|ink|conclude|seal)\b").unwrap()
        });
        // Passive: "the memorandum between Fiji and Vanuatu, which was signed by him and ...":
        // the phrase names the parties, the "by" phrase the signers.
        static PASSIVE_REL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*,?\s*(?:that|which)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:(?:jointly|formally|officially|also|finally|eventually)\s+)?(signed|inked|concluded|sealed|penned|initial(?:l)?ed)\b").unwrap()
        });
        let u = &self.units[ui];
        let from = own.max(m.np_end);
        let rest = self.t(from, u.span.end);
        if let Some(verb) = PASSIVE_REL.captures(rest).and_then(|c| c.get(1)) {
            let initial = verb.as_str().to_lowercase().starts_with("initial");
            let class = if initial {
                ActClass::RelInitial
            } else {
                ActClass::RelSigned
            };
            return Some(Act {
                start: from + verb.start(),
                end: from + verb.end(),
                class,
                verb: from + verb.start(),
            });
        }
        let planned = PLANNED_REL.captures(rest);
        let is_planned = planned.is_some();
        let c = planned
            .or_else(|| REL.captures(rest))
            .or_else(|| BARE_REL.captures(rest))?;
        let subj = c.get(1)?;
        let verb = c.get(2)?;
        let ws = lower_words(subj.as_str());
        // The subject is a noun phrase of names: no clause words ("that is to be signed" is
        // a passive, "which said it signed" another clause).
        if ws.is_empty()
            || ws.iter().any(|w| {
                (STOP.contains(&w.as_str()) && w != "of")
                    || matches!(
                        w.as_str(),
                        "it" | "he" | "she" | "we" | "i" | "you" | "also"
                    )
            })
        {
            return None;
        }
        let v = verb.as_str().to_lowercase();
        // Partnerships are set up, not signed: "the partnership, which the two countries forged
        // in 2015".
        if (matches!(v.as_str(), "established" | "forged" | "launched") || v.starts_with("set"))
            && m.kind != AgreementKind::Partnership
        {
            return None;
        }
        let class = if is_planned {
            ActClass::RelPlanned
        } else if v.starts_with("initial") {
            ActClass::RelInitial
        } else {
            ActClass::RelSigned
        };
        Some(Act {
            start: from + subj.start(),
            end: from + verb.end(),
            class,
            verb: from + verb.start(),
        })
    }
}
