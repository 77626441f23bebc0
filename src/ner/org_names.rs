//! Organisation names kept whole. The tagger often stops an organisation's name short or
//! leaves its country word alone:
//!
//! - a tag that ends on "of", "for" or "and" was cut: "[Economic Community of] [West African
//!   States]" is one organisation, and so is "[Ministry of Trade and] [Integration]";
//! - a nationality, place or organisation followed by capitalised words that end in an
//!   organisation's head noun is one organisation: "[Chinese] Foreign Ministry", "[African
//!   Union] Commission", "[China] Coast Guard" (`eval/ner/GUIDELINES.md`: the country word of a
//!   name stays inside);
//! - an organisation ending in a head noun and followed by "of (the)" and a place is one name:
//!   "[Armed Forces] of the [Philippines]", "Ministry of Foreign Affairs" after a nationality.
//!
//! Titles end the name ("European Commission President Ursula von der Leyen"), and headlines
//! written in title case are left alone ("Chinese Leader Meets Army Chiefs").

use std::sync::LazyLock;

use crate::doc::{Document, Entity, EntityLabel};
use crate::text::ByteSpan;
use crate::wordlist::words;

static HEADS: LazyLock<Vec<&str>> = words!("ner/organisation_heads.txt");
static JOINERS: LazyLock<Vec<&str>> = words!("ner/organisation_joiners.txt");
static TITLES: LazyLock<Vec<&str>> = words!("ner/title_stops.txt");
static PORTFOLIOS: LazyLock<Vec<&str>> = words!("ner/portfolios.txt");

/// At most this many untagged capitalised words join a name (a long title-case run is a
/// headline or a list, not one organisation).
const MAX_RUN: usize = 4;

/// Bytes beyond which a sentence is not a headline.
const MAX_HEADLINE: usize = 300;

/// Repairs the organisation names of `doc` (entities sorted by span, as the NER stage leaves
/// them; they stay sorted and disjoint).
pub fn annotate(doc: &mut Document) {
    let text = doc.text.as_str();
    let entities = &doc.entities;
    let mut whole: Vec<Entity> = Vec::with_capacity(entities.len());
    let mut i = 0;
    while i < entities.len() {
        let entity = &entities[i];
        let (span, next) = whole_name(text, &doc.sentences, entities, i);
        if span == entity.span {
            whole.push(entity.clone());
        } else if !span.is_empty() {
            let score = entities[i..next]
                .iter()
                .map(|e| e.score)
                .fold(entity.score, f32::min);
            whole.push(Entity {
                span,
                label: EntityLabel::Org,
                score,
            });
        }
        i = next;
    }
    doc.entities = whole;
}

/// The span entity `i` names once repaired, and the index of the first entity it does not
/// swallow.
fn whole_name(
    text: &str,
    sentences: &[ByteSpan],
    entities: &[Entity],
    i: usize,
) -> (ByteSpan, usize) {
    let entity = &entities[i];
    let mut span = entity.span;
    let mut next = i + 1;
    let mut label = entity.label;
    // Each pass may open the way for another ("[Economic Community of] [West African States]"
    // then nothing more); three are plenty and keep the time bounded.
    for _ in 0..3 {
        let before = (span, next);
        if label == EntityLabel::Org && last_word(text, span).is_some_and(|w| is_in(&JOINERS, w)) {
            (span, next) = past_joiner(text, entities, span, next);
            if span.is_empty() {
                break;
            }
        } else if matches!(
            label,
            EntityLabel::Norp | EntityLabel::Gpe | EntityLabel::Org
        ) {
            // The headline test reads the whole sentence: only when there is a name to join.
            if let Some(end) = head_run_end(text, entities, span.end)
                .filter(|_| !in_headline(text, sentences, entities, span))
            {
                span.end = end;
            }
        }
        if (label == EntityLabel::Org || span != entity.span)
            && last_word(text, span).is_some_and(|w| is_in(&HEADS, w))
        {
            (span, next) = past_place_of(text, entities, span, next);
        }
        if (span, next) == before {
            break;
        }
        label = EntityLabel::Org;
    }
    (span, next)
}

/// An organisation cut on a joining word: joined with the entity or capitalised words right
/// after, or, with nothing to join, the joining word dropped.
fn past_joiner(text: &str, entities: &[Entity], span: ByteSpan, next: usize) -> (ByteSpan, usize) {
    // "Minister of [Industry and] Trade": the portfolio of a title, no organisation at all.
    if after_title_of(text, span.start) {
        return (ByteSpan::new(span.start, span.start), next);
    }
    if let Some(follower) = entities.get(next).filter(|e| {
        matches!(
            e.label,
            EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Org | EntityLabel::Norp
        ) && text.get(span.end..e.span.start) == Some(" ")
    }) {
        return (ByteSpan::new(span.start, follower.span.end), next + 1);
    }
    let run = capitalised_run(text, entities, span.end);
    if let Some(last) = run.last() {
        let joined = ByteSpan::new(span.start, last.end);
        // "[Trade and] Industry Minister Rob Davies": a portfolio before a title, no
        // organisation at all.
        let portfolio = text[joined.start..joined.end]
            .split_whitespace()
            .all(|w| is_in(&JOINERS, w) || is_in(&PORTFOLIOS, w));
        if portfolio && followed_by_title(text, joined.end) {
            return (ByteSpan::new(span.start, span.start), next);
        }
        return (joined, next);
    }
    let joiner_start = span.start
        + text[span.start..span.end]
            .trim_end()
            .rfind(' ')
            .map_or(0, |at| at);
    (
        ByteSpan::new(
            span.start,
            span.start + text[span.start..joiner_start].trim_end().len(),
        ),
        next,
    )
}

/// The end of the last head noun in the run of untagged capitalised words right after `end`
/// ("[Chinese] Foreign Ministry spokesperson" -> after "Ministry").
fn head_run_end(text: &str, entities: &[Entity], end: usize) -> Option<usize> {
    capitalised_run(text, entities, end)
        .into_iter()
        .filter(|w| is_in(&HEADS, &text[w.start..w.end]))
        .map(|w| w.end)
        .last()
}

/// "[Armed Forces] of the [Philippines]": an organisation's head noun followed by "of", an
/// optional "the" and a place, or capitalised words, is one name.
fn past_place_of(
    text: &str,
    entities: &[Entity],
    span: ByteSpan,
    next: usize,
) -> (ByteSpan, usize) {
    let rest = &text[span.end..];
    let Some(after_of) = rest.strip_prefix(" of ") else {
        return (span, next);
    };
    let at = span.end + 4;
    let at_name = if after_of.starts_with("the ") {
        at + 4
    } else {
        at
    };
    // "Committee of China's Yunnan Province": a possessive starts a new name.
    let possessive = |e: &Entity| {
        text[e.span.end..].starts_with("'s") || text[e.span.end..].starts_with("\u{2019}s")
    };
    if let Some(place) = entities.get(next).filter(|e| {
        e.span.start == at_name
            && matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc)
            && !possessive(e)
    }) {
        return (ByteSpan::new(span.start, place.span.end), next + 1);
    }
    // Untagged words ("Ministry of Foreign Affairs"), without "the": "the Ministry of the
    // Interior" is rare beside "the Council of the European Union", two names.
    if at_name == at && entities.get(next).is_none_or(|e| e.span.start > at) {
        if let Some(last) = capitalised_run(text, entities, at - 1).last() {
            return (ByteSpan::new(span.start, last.end), next);
        }
    }
    (span, next)
}

/// Untagged capitalised words one space apart right after `end`, up to a title, a tagged
/// entity or anything else (at most [`MAX_RUN`]).
fn capitalised_run(text: &str, entities: &[Entity], end: usize) -> Vec<ByteSpan> {
    let mut run = Vec::new();
    let mut at = end;
    while run.len() < MAX_RUN {
        let Some(rest) = text.get(at..).and_then(|r| r.strip_prefix(' ')) else {
            break;
        };
        let word_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}')))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..word_len];
        let span = ByteSpan::new(at + 1, at + 1 + word_len);
        if !word.chars().next().is_some_and(char::is_uppercase)
            || is_in(&TITLES, word)
            || tagged(entities, span)
        {
            break;
        }
        run.push(span);
        at = span.end;
    }
    run
}

/// Whether "<title> of " comes right before `start` ("Minister of ").
fn after_title_of(text: &str, start: usize) -> bool {
    let mut before = text[..start].split_whitespace().rev();
    before.next() == Some("of") && before.next().is_some_and(|w| is_in(&TITLES, w))
}

fn followed_by_title(text: &str, end: usize) -> bool {
    text[end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| is_in(&TITLES, w.trim_end_matches(|c: char| !c.is_alphabetic())))
}

fn tagged(entities: &[Entity], span: ByteSpan) -> bool {
    let k = entities.partition_point(|e| e.span.start < span.end);
    k > 0 && entities[k - 1].span.end > span.start
}

fn last_word(text: &str, span: ByteSpan) -> Option<&str> {
    text.get(span.start..span.end)?
        .split_whitespace()
        .next_back()
}

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the sentence holding `span` is written in title case, as a headline: most of its
/// longer words outside the tagged names capitalised.
fn in_headline(text: &str, sentences: &[ByteSpan], entities: &[Entity], span: ByteSpan) -> bool {
    let i = sentences.partition_point(|s| s.end < span.end);
    let Some(sentence) = sentences.get(i).filter(|s| s.start <= span.start) else {
        return false;
    };
    // A headline is short; a long "sentence" (a page without breaks) is not read through for
    // every name in it.
    if sentence.end - sentence.start > MAX_HEADLINE {
        return false;
    }
    let (mut long, mut capitalised) = (0, 0);
    let mut at = sentence.start;
    for word in text[sentence.start..sentence.end].split(' ') {
        let word_span = ByteSpan::new(at, at + word.len());
        at += word.len() + 1;
        if word.chars().filter(|c| c.is_alphabetic()).count() < 4 || tagged(entities, word_span) {
            continue;
        }
        long += 1;
        capitalised += usize::from(word.chars().next().is_some_and(char::is_uppercase));
    }
    long >= 3 && capitalised * 10 >= long * 7
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{RuleSegmenter, Segmenter};

    /// `tagged` lists (mention, label) in text order; each mention is found after the last.
    fn repaired(text: &str, tagged: &[(&str, EntityLabel)]) -> Vec<(String, EntityLabel)> {
        let mut doc = Document::with_mentions_for_test(text, tagged);
        RuleSegmenter.annotate(&mut doc);
        annotate(&mut doc);
        doc.entities
            .iter()
            .map(|e| (text[e.span.start..e.span.end].to_string(), e.label))
            .collect()
    }

    use EntityLabel::{Gpe, Norp, Org, Person};

    fn org(name: &str) -> (String, EntityLabel) {
        (name.to_string(), Org)
    }

    #[test]
    fn a_name_cut_on_a_joining_word_is_joined_with_what_follows() {
        let text = "Mali quit the Economic Community of West African States last year.";
        assert_eq!(
            repaired(
                text,
                &[
                    ("Mali", Gpe),
                    ("Economic Community of", Org),
                    ("West African States", Gpe)
                ]
            )[1],
            org("Economic Community of West African States")
        );
        let text = "Kazakhstan's Ministry of Trade and Integration said trade grew.";
        assert_eq!(
            repaired(
                text,
                &[
                    ("Kazakhstan", Gpe),
                    ("Ministry of Trade and", Org),
                    ("Integration", Org)
                ]
            )[1],
            org("Ministry of Trade and Integration")
        );
        let text = "He spoke at the Ministry of Foreign Affairs on Monday.";
        assert_eq!(
            repaired(text, &[("Ministry of", Org)]),
            vec![org("Ministry of Foreign Affairs")]
        );
    }

    #[test]
    fn a_portfolio_before_a_title_is_no_organisation() {
        let text = "It was signed by Trade and Industry Deputy Director-General Pumla Ncapayi.";
        assert_eq!(
            repaired(text, &[("Trade and", Org), ("Pumla Ncapayi", Person)]),
            vec![("Pumla Ncapayi".to_string(), Person)]
        );
        let text = "Vietnamese Minister of Industry and Trade Tran Tuan Anh met them.";
        assert_eq!(
            repaired(
                text,
                &[
                    ("Vietnamese", Norp),
                    ("Industry and", Org),
                    ("Tran Tuan Anh", Person)
                ]
            ),
            vec![
                ("Vietnamese".to_string(), Norp),
                ("Tran Tuan Anh".to_string(), Person)
            ]
        );
        let text = "It was signed by the Ministry of Trade and Industry Deputy Director-General Pumla Ncapayi.";
        assert_eq!(
            repaired(text, &[("Ministry of Trade and", Org)]),
            vec![org("Ministry of Trade and Industry")]
        );
    }

    #[test]
    fn a_joining_word_with_nothing_to_join_is_dropped() {
        let text = "They met the Board of trustees.";
        assert_eq!(repaired(text, &[("Board of", Org)]), vec![org("Board")]);
    }

    #[test]
    fn a_country_word_before_a_head_noun_joins_the_organisation() {
        let text = "Chinese Foreign Ministry spokesperson Mao Ning said the China Coast Guard acted lawfully.";
        assert_eq!(
            repaired(
                text,
                &[("Chinese", Norp), ("Mao Ning", Person), ("China", Gpe)]
            ),
            vec![
                org("Chinese Foreign Ministry"),
                ("Mao Ning".to_string(), Person),
                org("China Coast Guard")
            ]
        );
        let text = "African Union Commission chairperson Mahmoud Ali Youssouf arrived.";
        assert_eq!(
            repaired(
                text,
                &[("African Union", Org), ("Mahmoud Ali Youssouf", Person)]
            )[0],
            org("African Union Commission")
        );
    }

    #[test]
    fn a_title_ends_the_organisation() {
        let text = "European Commission President Ursula von der Leyen spoke.";
        assert_eq!(
            repaired(
                text,
                &[("European", Norp), ("Ursula von der Leyen", Person)]
            )[0],
            org("European Commission")
        );
        let text = "Chinese Defence Minister Dong Jun arrived in Hanoi.";
        assert_eq!(
            repaired(
                text,
                &[("Chinese", Norp), ("Dong Jun", Person), ("Hanoi", Gpe)]
            )[0],
            ("Chinese".into(), Norp)
        );
    }

    #[test]
    fn lower_case_and_headlines_are_left_alone() {
        let text = "The talks covered the Vietnamese navy and the army.";
        assert_eq!(
            repaired(text, &[("Vietnamese", Norp)]),
            vec![("Vietnamese".into(), Norp)]
        );
        let text = "Chinese Leader Meets Army Chiefs In Beijing Amid Tensions";
        assert_eq!(
            repaired(text, &[("Chinese", Norp), ("Beijing", Gpe)])[0],
            ("Chinese".into(), Norp)
        );
        let text = "Hu Meets Japanese Party Officials";
        assert_eq!(
            repaired(text, &[("Hu", Person), ("Japanese", Norp)])[1],
            ("Japanese".into(), Norp)
        );
    }

    #[test]
    fn a_head_noun_of_a_place_is_one_name() {
        let text = "A sailor was hurt, the Armed Forces of the Philippines said.";
        assert_eq!(
            repaired(text, &[("Armed Forces", Org), ("Philippines", Gpe)]),
            vec![org("Armed Forces of the Philippines")]
        );
        let text =
            "The Chinese Ministry of National Defense said on Friday that the drills would go on.";
        assert_eq!(
            repaired(text, &[("Chinese", Norp)]),
            vec![org("Chinese Ministry of National Defense")]
        );
        // A possessive starts a new name; two organisations stay two.
        let text =
            "He met the Secretary of the Party Committee of China's Yunnan Province on Monday.";
        assert_eq!(
            repaired(text, &[("Party Committee", Org), ("China", Gpe)])[0],
            org("Party Committee")
        );
        let text = "The Security Council of the United Nations met.";
        assert_eq!(
            repaired(text, &[("Security Council", Org), ("United Nations", Org)]),
            vec![org("Security Council"), org("United Nations")]
        );
    }

    #[test]
    fn a_long_run_of_names_without_breaks_is_repaired_in_linear_time() {
        let sentence =
            "Chinese Navy and Indian Army met in Hanoi, Ministry of Trade and Industry said ";
        let text = sentence.repeat(20_000);
        let mut doc = Document::from_text("t", text.clone());
        RuleSegmenter.annotate(&mut doc);
        let mut at = 0;
        for _ in 0..20_000 {
            for (word, label) in [
                ("Chinese", Norp),
                ("Indian", Norp),
                ("Hanoi", Gpe),
                ("Ministry of Trade and", Org),
            ] {
                let start = at + sentence.find(word).unwrap();
                doc.entities.push(Entity {
                    span: ByteSpan::new(start, start + word.len()),
                    label,
                    score: 0.9,
                });
            }
            at += sentence.len();
        }
        let started = std::time::Instant::now();
        annotate(&mut doc);
        assert!(
            started.elapsed().as_secs() < 20,
            "took {:?}",
            started.elapsed()
        );
        assert_eq!(doc.entities.len(), 80_000);
        assert_eq!(
            &text[doc.entities[0].span.start..doc.entities[0].span.end],
            "Chinese Navy"
        );
    }

    #[test]
    fn no_panic_and_valid_spans_on_odd_text() {
        for text in [
            "Ministry of",
            "Chinese Ministry",
            "of Ministry of  Trade and",
            "Ä Ministry of Ö Ü é",
        ] {
            let mut doc = Document::from_text("t", text.to_string());
            RuleSegmenter.annotate(&mut doc);
            doc.entities.push(Entity {
                span: ByteSpan::new(0, text.find(' ').unwrap_or(text.len())),
                label: Org,
                score: 0.5,
            });
            annotate(&mut doc);
            for e in &doc.entities {
                assert!(
                    text.is_char_boundary(e.span.start)
                        && text.is_char_boundary(e.span.end)
                        && e.span.start < e.span.end
                );
            }
        }
    }
}
