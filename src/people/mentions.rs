//! Mentions and their cues: the document's PERSON spans made safe, each with the title,
//! country and organisation the words around it give.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Document, EntityLabel};
use crate::gazetteer;
use crate::text::ByteSpan;

use super::titles::*;
use super::vocabulary::*;

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Cue {
    pub(super) role: Option<String>,
    pub(super) country: Option<&'static str>,
    pub(super) organization: Option<String>,
    /// "his Vietnamese counterpart": the role is to be borrowed.
    pub(super) counterpart: bool,
}

impl Cue {
    /// Fills what this cue lacks from `other` (a role only when this has none).
    pub(super) fn merge_missing(&mut self, other: Cue) {
        if self.role.is_none() && !self.counterpart && (other.role.is_some() || other.counterpart) {
            self.role = other.role;
            self.counterpart = other.counterpart;
            if let Some(org) = other.organization.clone() {
                self.organization = Some(org);
            }
        }
        if self.country.is_none() {
            self.country = other.country;
        }
        if self.organization.is_none() {
            self.organization = other.organization;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Ent(EntityLabel),
    Word,
    Punct,
    /// A possessive "'s" (or a bare apostrophe after a plural).
    Poss,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Item<'t> {
    pub(super) kind: Kind,
    pub(super) text: &'t str,
}

impl Item<'_> {
    pub(super) fn key(&self) -> String {
        vocab_key(self.text)
    }
    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub(super) fn is_word_in(&self, list: &[&str]) -> bool {
        self.is_word() && is_in(list, &self.key())
    }
    pub(super) fn is_ent(&self, label: EntityLabel) -> bool {
        self.kind == Kind::Ent(label)
    }
}

// ---------------------------------------------------------------------------------------------
// Mentions.

#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) span: ByteSpan,
    /// Display name: the entity text without honorifics, leading titles or possessive.
    pub(super) name: String,
    /// Folded name words used for matching.
    pub(super) tokens: Vec<String>,
    pub(super) sentence: Option<usize>,
    /// A title the NER left inside the PERSON span ("President Xi Jinping").
    pub(super) inner_title: Option<String>,
    /// A country the NER swallowed into the span before the name ("Foreign Minister of the
    /// Sultanate of [Oman Sayyid Badr ...]"): it ends the title before the span.
    pub(super) swallowed_country: Option<ByteSpan>,
    /// Written as a social-media handle ("@ZelenskyyUa").
    pub(super) handle: bool,
    pub(super) cue: Cue,
}

/// The document, with its spans made safe to use.
pub(super) struct Context<'d> {
    pub(super) text: &'d str,
    pub(super) sentences: Vec<ByteSpan>,
    /// Valid entities, sorted, non-overlapping.
    pub(super) entities: Vec<(ByteSpan, EntityLabel)>,
}

pub(super) const MAX_LEFT: usize = 400;
pub(super) const MAX_RIGHT: usize = 400;
/// Without sentence spans, "the same or previous sentence" becomes "this many bytes before".
pub(super) const NEAR_BYTES: usize = 600;

pub(super) fn valid(text: &str, s: ByteSpan) -> bool {
    s.start < s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl<'d> Context<'d> {
    pub(super) fn new(doc: &'d Document) -> Self {
        let text = doc.text.as_str();
        let mut entities: Vec<(ByteSpan, EntityLabel)> = doc
            .entities
            .iter()
            .filter(|e| valid(text, e.span))
            .map(|e| (e.span, e.label))
            .collect();
        entities.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut kept: Vec<(ByteSpan, EntityLabel)> = Vec::with_capacity(entities.len());
        for e in entities {
            if kept.last().is_none_or(|last| last.0.end <= e.0.start) {
                kept.push(e);
            }
        }
        let mut sentences: Vec<ByteSpan> = doc
            .sentences
            .iter()
            .copied()
            .filter(|s| valid(text, *s))
            .collect();
        sentences.sort_by_key(|s| (s.start, s.end));
        let mut clean: Vec<ByteSpan> = Vec::with_capacity(sentences.len());
        for s in sentences {
            if clean.last().is_none_or(|last| last.end <= s.start) {
                clean.push(s);
            }
        }
        Context {
            text,
            sentences: clean,
            entities: kept,
        }
    }

    pub(super) fn sentence_of(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        (i > 0 && pos < self.sentences[i - 1].end).then(|| i - 1)
    }

    /// Whether `earlier` is in the same sentence as `later` or the one before.
    pub(super) fn near(&self, earlier: &Mention, later: &Mention) -> bool {
        match (earlier.sentence, later.sentence) {
            (Some(a), Some(b)) => a <= b && b - a <= 1,
            _ => later.span.start.saturating_sub(earlier.span.end) <= NEAR_BYTES,
        }
    }

    pub(super) fn mentions(&self) -> Vec<Mention> {
        let persons: Vec<ByteSpan> = self
            .entities
            .iter()
            .filter(|(_, label)| *label == EntityLabel::Person)
            .map(|&(span, _)| span)
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < persons.len() {
            let (span, used) = self.nickname_run(&persons[i..]).unwrap_or((persons[i], 1));
            out.extend(self.mention(span));
            i += used;
        }
        out
    }

    /// `Joko "Jokowi" Widodo`, `Thomas “Tom” Lembong`: the tagger splits a name with a quoted
    /// nickname into two or three PERSON spans. The run from the first span to the span that
    /// starts after the closing quote is one mention (and the count of spans it covers).
    pub(super) fn nickname_run(&self, persons: &[ByteSpan]) -> Option<(ByteSpan, usize)> {
        static NICKNAMED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*(\s*)["“‘]\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?["”’]\s+"#)
                .expect("nickname pattern")
        });
        let first = *persons.first()?;
        let caps = NICKNAMED.captures(self.text.get(first.start..)?)?;
        // The opening quote follows the first span, or the tagger put it inside.
        let quote = first.start + caps.get(1)?.start();
        if first.end < quote {
            return None;
        }
        let last_start = first.start + caps.get(0)?.end();
        let k = persons.iter().take(4).position(|s| s.start == last_start)?;
        Some((ByteSpan::new(first.start, persons[k].end), k + 1))
    }

    pub(super) fn mention(&self, span: ByteSpan) -> Option<Mention> {
        let raw = span.slice(self.text);
        let (name, tokens, inner_title) = match without_nickname(raw) {
            Some((rest, nickname)) => {
                let (name, mut tokens, inner_title) = clean_name(&rest)?;
                // The nickname is one of the person's words (for "Jokowi" alone later), not
                // part of the name shown; it goes after the given name, where it was written,
                // so that "Tom Lembong" stays a part of "Thomas Tom Lembong".
                let at = tokens.len().min(1);
                tokens.splice(at..at, nickname.split_whitespace().map(gazetteer::fold));
                (name, tokens, inner_title)
            }
            None => clean_name(raw)?,
        };
        let swallowed_country = raw
            .find(name.as_str())
            .filter(|&at| at > 0)
            .and_then(|at| swallowed_country(&raw[..at]))
            .map(|(a, b)| ByteSpan::new(span.start + a, span.start + b));
        Some(Mention {
            span,
            name,
            tokens,
            sentence: self.sentence_of(span.start),
            inner_title,
            swallowed_country,
            handle: raw.starts_with('@') || self.text[..span.start].ends_with('@'),
            cue: Cue::default(),
        })
    }

    /// Entities lying wholly inside `[from, to)`.
    pub(super) fn entities_in(&self, from: usize, to: usize) -> &[(ByteSpan, EntityLabel)] {
        let a = self.entities.partition_point(|(s, _)| s.start < from);
        let b = self.entities.partition_point(|(s, _)| s.start < to);
        let mut slice = &self.entities[a..b.max(a)];
        while let Some(last) = slice.last() {
            if last.0.end > to {
                slice = &slice[..slice.len() - 1];
            } else {
                break;
            }
        }
        slice
    }

    /// Items (words, punctuation, whole entities) of `[from, to)`.
    pub(super) fn items(&self, from: usize, to: usize) -> Vec<Item<'d>> {
        let mut out = Vec::new();
        let mut pos = from;
        for &(span, label) in self.entities_in(from, to) {
            if span.start < pos {
                continue;
            }
            tokenize(self.text, pos, span.start, &mut out);
            // A title the tagger took for a nationality ("Qatar [Emir|NORP] Sheikh Tamim") is
            // read as the word it is.
            let title = label == EntityLabel::Norp && is_head(&vocab_key(span.slice(self.text)));
            if title {
                tokenize(self.text, span.start, span.end, &mut out);
            } else {
                out.push(Item {
                    kind: Kind::Ent(label),
                    text: span.slice(self.text),
                });
            }
            pos = span.end;
        }
        tokenize(self.text, pos, to, &mut out);
        out
    }

    /// Start of the text to read left of `pos`: its sentence's start, at most `MAX_LEFT` bytes
    /// back, never inside an entity.
    pub(super) fn left_start(&self, pos: usize) -> usize {
        let sentence = self.sentence_of(pos).map_or(0, |i| self.sentences[i].start);
        let mut from = floor_boundary(self.text, pos.saturating_sub(MAX_LEFT))
            .max(sentence)
            .min(pos);
        let i = self.entities.partition_point(|(s, _)| s.end <= from);
        if let Some((s, _)) = self.entities.get(i) {
            if s.start < from && s.end <= pos {
                from = s.end;
            }
        }
        from
    }

    /// End of the text to read right of `pos`.
    pub(super) fn right_end(&self, pos: usize) -> usize {
        let sentence = self
            .sentence_of(pos.saturating_sub(1))
            .map_or(self.text.len(), |i| self.sentences[i].end);
        let mut to = floor_boundary(self.text, pos.saturating_add(MAX_RIGHT))
            .min(sentence)
            .max(pos);
        let i = self.entities.partition_point(|(s, _)| s.end <= to);
        if let Some((s, _)) = self.entities.get(i) {
            if s.start < to && s.start >= pos {
                to = s.start.max(pos);
            }
        }
        to
    }

    pub(super) fn left_cue(&self, span: ByteSpan) -> Cue {
        let from = self.left_start(span.start);
        let items = self.items(from, span.start);
        left_cue(&items)
    }

    /// The left cue when the tagger swallowed the end of the title, a country, into the name:
    /// read as if the country stood before the span.
    pub(super) fn left_cue_with_country(&self, span: ByteSpan, country: ByteSpan) -> Cue {
        let from = self.left_start(span.start);
        let mut items = self.items(from, span.start);
        if !valid(self.text, country) {
            return left_cue(&items);
        }
        items.push(Item {
            kind: Kind::Ent(EntityLabel::Gpe),
            text: country.slice(self.text),
        });
        left_cue(&items)
    }

    pub(super) fn right_cue(&self, span: ByteSpan) -> Cue {
        let to = self.right_end(span.end);
        let items = self.items(span.end, to);
        right_cue(&items)
    }
}

/// Splits `text[from..to]` into words and punctuation items.
pub(super) fn tokenize<'t>(text: &'t str, from: usize, to: usize, out: &mut Vec<Item<'t>>) {
    if from >= to || to > text.len() || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
        return;
    }
    let is_word_char =
        |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.') || is_mark(c);
    let mut start: Option<usize> = None;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        if is_word_char(c) {
            start.get_or_insert(at);
            continue;
        }
        if let Some(s) = start.take() {
            push_word(&text[s..at], out);
        }
        if c == '\n' || !c.is_whitespace() {
            out.push(Item {
                kind: Kind::Punct,
                text: &text[at..at + c.len_utf8()],
            });
        }
    }
    if let Some(s) = start {
        push_word(&text[s..to], out);
    }
}

pub(super) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Abbreviations whose final period belongs to the word.
#[rustfmt::skip]
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "sen",
    "rep", "gov", "pres", "st", "jr", "sr", "brig", "amb", "hon", "rev", "h.e", "u.s", "u.k", "u.n",
    "mme", "messrs",
];

pub(super) fn push_word<'t>(word: &'t str, out: &mut Vec<Item<'t>>) {
    let is_apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    // Leading apostrophes: a possessive right after an entity ("Vietnam’s") or a quote mark.
    let body = word.trim_start_matches(is_apostrophe);
    if body.len() != word.len() {
        let lead = &word[..word.len() - body.len()];
        let lower = body.to_lowercase();
        if lower == "s" || lower.starts_with("s.") {
            out.push(Item {
                kind: Kind::Poss,
                text: &word[..lead.len() + 1],
            });
            let rest = &word[lead.len() + 1..];
            if !rest.is_empty() {
                push_word(rest, out);
            }
            return;
        }
        if body.is_empty() {
            out.push(Item {
                kind: Kind::Poss,
                text: word,
            });
            return;
        }
        out.push(Item {
            kind: Kind::Punct,
            text: lead,
        });
        return push_word(body, out);
    }
    // Trailing periods: kept on abbreviations and initials, else a sentence mark.
    let stem = word.trim_end_matches('.');
    if stem.len() != word.len() && !stem.is_empty() {
        let key = gazetteer::fold(stem);
        let keep = stem.contains('.') || stem.chars().count() == 1 || is_in(ABBREVIATIONS, &key);
        if !keep {
            push_word(stem, out);
            out.push(Item {
                kind: Kind::Punct,
                text: &word[stem.len()..],
            });
            return;
        }
    } else if stem.is_empty() {
        out.push(Item {
            kind: Kind::Punct,
            text: word,
        });
        return;
    }
    // Trailing possessive: "Vietnam's", "ministers'".
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(s) = word.strip_suffix(suffix) {
            if !s.is_empty() {
                out.push(Item {
                    kind: Kind::Word,
                    text: s,
                });
                out.push(Item {
                    kind: Kind::Poss,
                    text: &word[s.len()..],
                });
                return;
            }
        }
    }
    if let Some(s) = word.strip_suffix(is_apostrophe) {
        if !s.is_empty() {
            out.push(Item {
                kind: Kind::Word,
                text: s,
            });
            out.push(Item {
                kind: Kind::Poss,
                text: &word[s.len()..],
            });
            return;
        }
    }
    out.push(Item {
        kind: Kind::Word,
        text: word,
    });
}

/// The byte range of a country name among the words `prefix` (what [`clean_name`] left out
/// before the name) holds: "Oman" in "Oman Sayyid ", "Kazakhstan" in "Kazakhstan ".
pub(super) fn swallowed_country(prefix: &str) -> Option<(usize, usize)> {
    let words: Vec<(usize, &str)> = prefix
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - prefix.as_ptr() as usize, w))
        .collect();
    for len in (1..=3.min(words.len())).rev() {
        for start in 0..=words.len() - len {
            let (a, _) = words[start];
            let (b, last) = words[start + len - 1];
            let end = b + last.len();
            if gazetteer::canonical_country(&prefix[a..end]).is_some() {
                return Some((a, end));
            }
        }
    }
    None
}

/// Display name, match tokens and any title inside a PERSON span's text; `None` when no name
/// is left.
pub(super) fn clean_name(raw: &str) -> Option<(String, Vec<String>, Option<String>)> {
    let mut t = raw
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .trim_start_matches('.');
    t = strip_possessive(t).trim_end_matches(['\'', '\u{2019}']);
    // A trailing period is kept on an initial or suffix ("Jr.", "J."), dropped after a name.
    if t.ends_with('.')
        && t.split_whitespace()
            .last()
            .is_some_and(|w| w.chars().count() > 4)
    {
        t = t.trim_end_matches('.');
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut first = 0;
    let mut title_end = 0;
    // An honorific inside the span ends what comes before it, titles and countries included:
    // "Amir Sheikh Tamim bin Hamad", "Oman Sayyid Badr bin Hamad", "His Royal Highness Prince
    // X", "HE Saad Al Kaabi" (an upper-case "HE" only: "He" is also a surname).
    let honorific = |w: &str| is_in(&HONORIFICS, &vocab_key(w)) || w == "HE";
    // An honorific that may be part of the name counts only before two words or more.
    let strips = |i: usize| {
        honorific(words[i])
            && (!is_in(NAME_PART_HONORIFICS, &vocab_key(words[i])) || words.len() - i > 2)
    };
    if let Some(h) = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&i| strips(i))
    {
        first = h + 1;
        if words[..h].iter().any(|w| is_title_word(&vocab_key(w))) {
            title_end = h;
        }
    }
    // Honorifics, ranks and title words the NER left inside the span.
    while first + 1 < words.len() {
        let key = vocab_key(words[first]);
        let next_key = vocab_key(words[first + 1]);
        let name_follows = words.len() - first > 2;
        let bare_rank =
            is_in(NAME_LIKE_RANKS, &key) && !words[first].ends_with('.') && !name_follows;
        if strips(first)
            || (RANKS.iter().any(|(r, _)| *r == key) && !bare_rank)
            || is_in(&TEMPORAL, &key)
            || is_in(&SPAN_OPENERS, &key)
        {
            first += 1;
        } else if is_title_word(&key)
            && !is_counterpart(&key)
            && (!is_in(NAME_LIKE_TITLES, &key)
                || honorific(words[first + 1])
                || is_title_word(&next_key))
        {
            first += 1;
            title_end = first;
        } else {
            break;
        }
    }
    // A country the tagger swallowed into the span ("President of [Kazakhstan Kassym-Jomart
    // Tokayev]"), when a name of two words or more is left.
    for len in [2, 1] {
        if words.len() >= first + len + 2
            && words[first..first + len].iter().all(|w| is_capitalised(w))
            && gazetteer::canonical_country(&words[first..first + len].join(" ")).is_some()
        {
            first += len;
            break;
        }
    }
    let name_words = &words[first..];
    // Two people the tagger took as one ("Condoleezza Rice og Ingibjörg Sólrún Gísladóttir",
    // a caption in Icelandic; "Putin and Xi"): no one name. Each is named on their own.
    if name_words.len() >= 3
        && name_words[1..name_words.len() - 1]
            .iter()
            .any(|w| matches!(*w, "and" | "og" | "och" | "und" | "et" | "&"))
    {
        return None;
    }
    let name = name_words.join(" ");
    let tokens: Vec<String> = name_words
        .iter()
        .flat_map(|w| split_initial(w))
        .map(|w| gazetteer::fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|t| !t.is_empty() && !is_in(NAME_SUFFIXES, t))
        .collect();
    // A name needs a word of two letters or more that is not a title, honorific or pronoun
    // ("Mr.", "'s", "President" and "His Majesty" name nobody).
    let namelike = |t: &String| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !is_in(&HONORIFICS, t)
            && !is_in(PRONOUNS, t)
            && !is_title_word(t)
            && !RANKS.iter().any(|(r, _)| r == t)
    };
    if !tokens.iter().any(namelike) || (tokens.len() == 1 && is_in(PRONOUNS, &tokens[0])) {
        return None;
    }
    // An office's abbreviation written with small letters inside ("MoFA", "MoD"): no one.
    if let [only] = name_words {
        let letters: Vec<char> = only.chars().filter(|c| c.is_alphabetic()).collect();
        let ends_in_capital = letters.last().is_some_and(|c| c.is_uppercase());
        if letters.iter().any(|c| c.is_lowercase()) && ends_in_capital && letters.len() <= 6 {
            return None;
        }
    }
    let title_words: Vec<&str> = words[..title_end]
        .iter()
        .copied()
        .filter(|w| is_title_word(&vocab_key(w)))
        .collect();
    let inner_title = title_words
        .iter()
        .any(|w| is_head(&vocab_key(w)))
        .then(|| normalise_words(&title_words));
    Some((name, tokens, inner_title))
}

/// A word with an initial stuck to it ("J.Erdenebat", as Mongolian and some other outlets
/// write names) as the initial and the name, so that "Erdenebat" alone names the same person.
fn split_initial(word: &str) -> Vec<&str> {
    let mut chars = word.char_indices();
    match (chars.next(), chars.next(), chars.next()) {
        (Some((_, initial)), Some((dot, '.')), Some((rest, next)))
            if initial.is_uppercase()
                && next.is_uppercase()
                && word[rest..].chars().any(char::is_lowercase) =>
        {
            vec![&word[..dot + 1], &word[rest..]]
        }
        _ => vec![word],
    }
}

/// A name with a quoted nickname between its words, split into the name without it and the
/// nickname: `Joko "Jokowi" Widodo` -> ("Joko Widodo", "Jokowi").
pub(super) fn without_nickname(raw: &str) -> Option<(String, String)> {
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\s*["“‘](\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?)["”’]\s+"#)
            .expect("quoted nickname")
    });
    let caps = QUOTED.captures(raw)?;
    let whole = caps.get(0)?;
    if !raw[..whole.start()].chars().any(char::is_alphabetic)
        || !raw[whole.end()..].chars().any(char::is_alphabetic)
    {
        return None;
    }
    Some((
        format!("{} {}", &raw[..whole.start()], &raw[whole.end()..]),
        caps[1].to_string(),
    ))
}
