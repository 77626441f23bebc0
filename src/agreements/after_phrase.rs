//! The words after a noun phrase: where it ends, the parties it lists, and a seller.

use super::*;

/// A sum of money after an agreement's noun: "worth $2 billion", "valued at 1.2 billion euros",
/// "of 13,500 crore rupees", "worth about Rs 500 crore".
static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:worth|valued\s+at|totall?ing|amounting\s+to|of)\s+(?:about|around|nearly|some|over|almost|more\s+than|up\s+to|an\s+estimated)?\s*(?:US\$|A\$|C\$|HK\$|S\$|\$|€|£|¥|₹|Rs\.?|INR|USD|EUR)?\s*\d[\d.,]*(?:\s*(?:billion|million|trillion|bn|mn|crore|lakh|thousand)\b)?(?:\s+(?:rupees|dollars|euros|yuan|renminbi|pounds|yen|riyals|dirhams|naira|rand|shillings|won|rubles|roubles|USD|EUR)\b)?",
    )
    .unwrap()
});

impl<'d> Cx<'d> {
    /// Where the phrase starting at `a` ends: the first clause boundary.
    pub(super) fn phrase_end(&self, a: usize, b: usize, subject: bool) -> usize {
        let s = self.t(a, b);
        static END: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)[,;:(\[”]|\.(?:\s|$)|\s(?:which|that|who|is|are|was|were|will|would|has|have|had|according\s+to|said|says|and\s+an?)\b").unwrap()
        });
        static END_PARTY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"(?i)[,;:(\[”"]|\.(?:\s|$)|\s(?:on|in|to|for|is|are|was|were|will|would|that|which|who|at|has|have|had|from|since|according\s+to|said|says)\b"#).unwrap()
        });
        let re = if subject { &*END } else { &*END_PARTY };
        let mut end = b;
        // "in the capital" ends a subject as a place does.
        static CAPITAL_END: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\s(?:in|at)\s+the\s+(?:[A-Z][\w'’-]+\s+)?capital\b").unwrap()
        });
        let s = if subject {
            match CAPITAL_END.find(s) {
                Some(m) => {
                    end = a + m.start();
                    &s[..m.start()]
                }
                None => s,
            }
        } else {
            s
        };
        for m in re.find_iter(s) {
            // A list goes on: "on trade, energy and education".
            if subject && m.as_str() == "," && list_continues(&s[m.start()..]) {
                continue;
            }
            // The last period of "U.S." or "U.K." ends the name, not the phrase.
            if m.as_str().starts_with('.') && dotted_acronym_before(&s[..m.start()]) {
                continue;
            }
            end = a + m.start();
            break;
        }
        if subject {
            // A date or a "in <place>" ends the subject too.
            for (span, _) in self.dates_in(a, end) {
                if span.start > a && span.start < end {
                    let pre = self.t(a, span.start).trim_end();
                    let cut = pre
                        .rsplit_once(' ')
                        .filter(|(_, w)| {
                            matches!(
                                w.to_lowercase().as_str(),
                                "on" | "in" | "at" | "by" | "from" | "since"
                            )
                        })
                        .map_or(pre.len(), |(p, _)| p.len());
                    end = a + cut;
                    break;
                }
            }
            for e in self.ents_in(a, end) {
                if matches!(e.label, EntityLabel::Gpe)
                    && gazetteer::canonical_country(self.t(e.span.start, e.span.end)).is_none()
                {
                    let pre = self.t(a, e.span.start).trim_end();
                    if let Some((p, w)) = pre.rsplit_once(' ') {
                        if matches!(w.to_lowercase().as_str(), "in" | "at") {
                            end = a + p.len();
                            break;
                        }
                    }
                }
            }
        }
        end.max(a)
    }

    /// Parties named in `[a, b)`: entities, "the two countries", "the bloc".
    pub(super) fn parties_in(&self, a: usize, b: usize, parties: &mut Vec<Party>) -> bool {
        let ents = self.ents_in(a, b);
        for (k, e) in ents.iter().enumerate() {
            if self.modifies_an_organisation(&ents, k)
                || self.organ_of_the_country_before(&ents, k)
                || self.title_of_person(&ents, k)
            {
                continue;
            }
            if let Some(p) = self.bloc_as_person(e) {
                push_party(parties, p);
            } else if e.label == EntityLabel::Person {
                if let Some(c) = self.person_country(e) {
                    push_party(parties, country(&c));
                }
            } else if let Some(p) = self.party_of(e) {
                push_party(parties, p);
            }
        }
        ANAPHOR.is_match(self.t(a, b))
    }

    /// "between X and Y", "with Y", the subject phrase and a purchase, after `from`.
    pub(super) fn post_np(&self, ui: usize, from: usize) -> Post {
        let u = &self.units[ui];
        let mut post = Post {
            end: from,
            ..Default::default()
        };
        let mut at = from;
        for _ in 0..4 {
            let rest = self.t(at, u.span.end);
            let lead = rest.len() - rest.trim_start().len();
            let word_start = at + lead;
            let rest = &rest[lead..];
            let first = rest
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            // Its value between the noun and its parties: "a contract worth $2 billion with X",
            // "a contract of 13,500 crore rupees with X".
            if let Some(m) = VALUE.find(rest) {
                at = word_start + m.end();
                post.end = at;
                continue;
            }
            match first.as_str() {
                "between" | "with" if post.subject.is_none() || first == "with" => {
                    let a = word_start + first.len();
                    let end = self.phrase_end(a, u.span.end, false);
                    if end <= a {
                        break;
                    }
                    let mut ps = Vec::new();
                    let anaphor = self.parties_in(a, end, &mut ps);
                    if first == "between" {
                        post.between = ps;
                        post.between_anaphor = anaphor;
                    } else {
                        if VAGUE.is_match(self.t(a, end)) {
                            post.vague = true;
                        }
                        post.with = ps;
                    }
                    at = end;
                    post.end = end;
                }
                "on" | "for" | "to" | "regarding" | "concerning" | "covering" | "about"
                    if post.subject.is_none() =>
                {
                    let a = word_start + first.len();
                    let a = a
                        + (self.t(a, u.span.end).len() - self.t(a, u.span.end).trim_start().len());
                    // "on Monday" is a date, "to the" no infinitive; a purchase or the counterpart may
                    // follow it ("signed a deal on Wednesday to buy 210 jets").
                    if self.date_at(a).is_some() {
                        static GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
                            Regex::new(r"(?i)^\s*,?\s*(?:(?:for\s+[^,;.]{1,60}?\s+)?to\s+(?:buy|purchase|acquire|order|procure|lease)\b|with\s|between\s)").unwrap()
                        });
                        let i = self.dates.partition_point(|(s, _)| s.start < a);
                        let Some(&(span, _)) = self.dates.get(i) else {
                            break;
                        };
                        if span.end <= u.span.end && GOES_ON.is_match(self.t(span.end, u.span.end))
                        {
                            at = span.end;
                            continue;
                        }
                        break;
                    }
                    let next = self
                        .t(a, u.span.end)
                        .split(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    if first == "to"
                        && (DETERMINERS.contains(&next.as_str())
                            || next.is_empty()
                            || next == "that")
                    {
                        break;
                    }
                    let end = self.phrase_end(a, u.span.end, true);
                    if end <= a {
                        break;
                    }
                    let whole = self.t(word_start, end);
                    if first == "for" || first == "to" {
                        if let Some(c) = PURCHASE.captures(whole) {
                            let buyer = c.get(1).map(|g1| {
                                self.ents_in(word_start + g1.start(), word_start + g1.end())
                                    .iter()
                                    .find_map(|e| self.party_of(e))
                                    .unwrap_or(Party {
                                        name: g1.as_str().trim().to_string(),
                                        kind: PartyType::Organization,
                                    })
                            });
                            let g2 = c.get(2).unwrap();
                            let seller =
                                self.seller(word_start + g2.start(), word_start + g2.end());
                            post.purchase = Some((buyer, seller));
                        }
                    }
                    // "on fisheries between Japan and India": a trailing "between" that names
                    // only countries (or "the two countries") names the parties.
                    let mut subject_end = end;
                    if let Some(i) = self.t(a, end).find(" between ") {
                        let (ba, bb) = (a + i + 9, end);
                        let ents = self.ents_in(ba, bb);
                        let countries_only = ents.iter().all(|e| {
                            matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp)
                                && self.party_of(e).is_some()
                        });
                        let mut ps = Vec::new();
                        let anaphor = self.parties_in(ba, bb, &mut ps);
                        if countries_only && (anaphor || ps.len() >= 2) && post.between.is_empty() {
                            post.between = ps;
                            post.between_anaphor = anaphor;
                            subject_end = a + i;
                        }
                    }
                    // "on fisheries with Japan": the counterpart, read as a "with" phrase next.
                    let mut next_at = end;
                    if let Some(i) = self.t(a, subject_end).find(" with ") {
                        let wa = a + i + 6;
                        let wa = wa
                            + (self.t(wa, end).len()
                                - self.t(wa, end).trim_start_matches("the ").len());
                        if self
                            .ents_in(wa, end)
                            .first()
                            .is_some_and(|e| e.span.start == wa && self.party_of(e).is_some())
                        {
                            subject_end = a + i;
                            next_at = a + i;
                        }
                    }
                    post.subject = Some(ByteSpan::new(a, subject_end));
                    at = next_at;
                    post.end = end;
                }
                _ => break,
            }
        }
        post
    }

    /// The maker or seller in a purchase's object: an organisation entity, "from X", or the
    /// capitalised name after a number ("50 Boeing 737 MAX jets").
    pub(super) fn seller(&self, a: usize, b: usize) -> Option<Party> {
        if let Some(p) = self
            .ents_in(a, b)
            .iter()
            .filter(|e| e.label == EntityLabel::Org)
            .find_map(|e| self.party_of(e))
        {
            return Some(p);
        }
        let s = self.t(a, b);
        let ws: Vec<&str> = s.split_whitespace().collect();
        if let Some(i) = ws.iter().position(|w| w.eq_ignore_ascii_case("from")) {
            let name: Vec<&str> = ws[i + 1..]
                .iter()
                .take_while(|w| is_capitalised(w))
                .copied()
                .collect();
            if !name.is_empty() {
                return Some(Party {
                    name: name.join(" ").trim_end_matches([',', '.']).to_string(),
                    kind: PartyType::Organization,
                });
            }
        }
        let mut i = 0;
        while i < ws.len()
            && (ws[i].chars().all(|c| c.is_ascii_digit() || c == ',')
                || matches!(
                    ws[i].to_lowercase().as_str(),
                    "more" | "new" | "additional" | "up" | "to" | "about" | "some"
                ))
        {
            i += 1;
        }
        let name: Vec<&str> = ws[i..]
            .iter()
            .take_while(|w| {
                is_capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&')
            })
            .copied()
            .collect();
        (!name.is_empty() && i > 0).then(|| Party {
            name: name.join(" "),
            kind: PartyType::Organization,
        })
    }
}

/// Whether `s` ends with a dotted acronym short of its last period ("the U.S", "U.N").
fn dotted_acronym_before(s: &str) -> bool {
    let tail: Vec<char> = s.chars().rev().take(4).collect();
    matches!(tail.as_slice(), [c, '.', d, ..] if c.is_uppercase() && d.is_uppercase())
        && tail.get(3).is_none_or(|c| !c.is_alphanumeric())
}
