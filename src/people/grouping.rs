//! Grouping mentions into people: one person per document however named.

use std::collections::HashMap;

use crate::gazetteer;
use crate::text::ByteSpan;

use super::mentions::*;
use super::vocabulary::MONARCH_TITLES;
use super::*;

/// Cluster id of every mention.
pub(super) fn cluster(mentions: &[Mention]) -> Vec<usize> {
    let n = mentions.len();
    let mut of: Vec<Option<usize>> = vec![None; n];
    // Per cluster: the tokens of its longest name, every token any of its names has, and the
    // starts of the mentions assigned so far.
    let mut full: Vec<Vec<String>> = Vec::new();
    let mut words: Vec<Vec<String>> = Vec::new();
    let mut starts: Vec<Vec<usize>> = Vec::new();
    // Per cluster: the titles its mentions are given.
    let mut roles: Vec<Vec<String>> = Vec::new();

    let pick_recent = |cands: &[usize], starts: &[Vec<usize>], pos: usize| -> usize {
        // The candidate mentioned last before `pos`; else the one mentioned first after it.
        let before = cands
            .iter()
            .filter_map(|&c| {
                starts[c]
                    .iter()
                    .filter(|&&s| s < pos)
                    .max()
                    .map(|&s| (s, c))
            })
            .max();
        if let Some((_, c)) = before {
            return c;
        }
        cands
            .iter()
            .map(|&c| (starts[c].iter().min().copied().unwrap_or(usize::MAX), c))
            .min()
            .map_or(cands[0], |(_, c)| c)
    };

    // Multi-word names first, longest first: a shorter one joins a longer one it is part of.
    let mut multi: Vec<usize> = (0..n).filter(|&i| mentions[i].tokens.len() >= 2).collect();
    multi.sort_by_key(|&i| {
        (
            std::cmp::Reverse(mentions[i].tokens.len()),
            mentions[i].span.start,
        )
    });
    for i in multi {
        let toks = &mentions[i].tokens;
        let cands: Vec<usize> = (0..full.len())
            .filter(|&c| is_subsequence(toks, &full[c]))
            .collect();
        let c = match cands.len() {
            0 => {
                full.push(toks.clone());
                words.push(Vec::new());
                starts.push(Vec::new());
                roles.push(Vec::new());
                full.len() - 1
            }
            1 => cands[0],
            _ => pick_recent(&cands, &starts, mentions[i].span.start),
        };
        for t in toks {
            if !words[c].contains(t) {
                words[c].push(t.clone());
            }
        }
        roles[c].extend(mentions[i].cue.role.clone());
        starts[c].push(mentions[i].span.start);
        of[i] = Some(c);
    }
    let multi_clusters = full.len();

    // One-word names in text order: join a multi-word name that has the word, else the other
    // one-word mentions of the same word.
    let mut single: HashMap<String, usize> = HashMap::new();
    for i in 0..n {
        if of[i].is_some() {
            continue;
        }
        let Some(tok) = mentions[i].tokens.first() else {
            continue;
        };
        let mut cands: Vec<usize> = (0..multi_clusters)
            .filter(|&c| words[c].iter().any(|w| same_word(w, tok)))
            .collect();
        // A given name alone is weak: "King Abdullah" is not the minister "Abdullah Gul", and
        // once a person is known by the word alone, the word alone names that person.
        // (The word is not the last of the cluster's longest name: a given name, or the family
        // name of a name written family name first, "Xi" in "Xi Jinping".)
        let not_last_word = |c: &usize| !full[*c].last().is_some_and(|w| same_word(w, tok));
        let royal = |role: &str| {
            role.split_whitespace()
                .any(|w| MONARCH_TITLES.contains(&gazetteer::fold(w).as_str()))
        };
        if mentions[i].cue.role.as_deref().is_some_and(royal) {
            // A cluster with a title of another kind only: "Crown Prince Mohammed" after plain
            // "Mohammed bin Salman" is still him.
            cands.retain(|c| {
                !not_last_word(c) || roles[*c].is_empty() || roles[*c].iter().any(|r| royal(r))
            });
        }
        if let Some(&alone) = single.get(tok) {
            if cands.iter().all(not_last_word) {
                cands = vec![alone];
            }
        }
        if cands.is_empty() && mentions[i].handle {
            cands = (0..multi_clusters)
                .filter(|&c| handle_names(tok, &full[c]))
                .collect();
        }
        // "Prime Minister Sharif" after "Prime Minister Nawaz Sharif" and "Chief Minister
        // Shahbaz Sharif": the one with the mention's title.
        if cands.len() > 1 {
            if let Some(role) = mentions[i].cue.role.as_deref() {
                let titled: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&c| roles[c].iter().any(|r| r.eq_ignore_ascii_case(role)))
                    .collect();
                if !titled.is_empty() {
                    cands = titled;
                }
            }
        }
        let c = match cands.len() {
            0 => *single.entry(tok.clone()).or_insert_with(|| {
                full.push(vec![tok.clone()]);
                words.push(vec![tok.clone()]);
                starts.push(Vec::new());
                roles.push(Vec::new());
                full.len() - 1
            }),
            1 => cands[0],
            _ => pick_recent(&cands, &starts, mentions[i].span.start),
        };
        starts[c].push(mentions[i].span.start);
        of[i] = Some(c);
    }
    of.into_iter().map(|c| c.unwrap_or(0)).collect()
}

/// Whether `short` appears in `long` in order (not necessarily contiguously).
pub(super) fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|t| it.any(|l| same_word(l, t)))
}

/// Two folded name words of one person: equal, or long spellings of one name that differ by
/// one letter ("Zelensky", "Zelenskyy", "Zelenskiy"; "Abdelfattah", "Abdelfatah"), or
/// one with the Arabic article and one without ("al-Thani", "Thani").
pub(super) fn same_word(a: &str, b: &str) -> bool {
    let (a, b) = (gazetteer::without_article(a), gazetteer::without_article(b));
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.min(lb) >= 6
        && la.abs_diff(lb) <= 1
        && a.chars().next() == b.chars().next()
        && strsim::damerau_levenshtein(a, b) <= 1
}

/// A handle ("@ZelenskyyUa", "@realDonaldTrump") names the person whose surname it spells out.
pub(super) fn handle_names(handle: &str, words: &[String]) -> bool {
    words
        .last()
        .is_some_and(|w| w.chars().count() >= 4 && handle.contains(w.as_str()))
}

/// The longest role among `cues`, with its country and organisation.
pub(super) fn best_role<'c>(cues: impl Iterator<Item = &'c Cue>) -> Option<(&'c str, &'c Cue)> {
    let mut best: Option<(&str, &Cue)> = None;
    for cue in cues {
        if let Some(role) = cue.role.as_deref() {
            if best.is_none_or(|(b, _)| role.chars().count() > b.chars().count()) {
                best = Some((role, cue));
            }
        }
    }
    best
}

pub(super) fn person_of(members: &[&Mention]) -> Option<Person> {
    let first = members.first()?;
    // Fullest name: most words (then most words with suffixes: "Abdullah II" over
    // "Abdullah"), then the spelling written most often ("Alassane Ouattara" twice in the body
    // over "Alasane Ouattara" once in the headline), then first seen.
    let written = |m: &Mention| members.iter().filter(|x| x.name == m.name).count();
    let key = |m: &Mention| {
        (
            m.tokens.len(),
            m.name.split_whitespace().count(),
            written(m),
        )
    };
    let mut name_of = *first;
    for m in members {
        if key(m) > key(name_of) {
            name_of = m;
        }
    }
    let best = best_role(members.iter().map(|m| &m.cue));
    let role = best.map(|(r, _)| r.to_string());
    let country = best
        .and_then(|(_, c)| c.country)
        .or_else(|| most_common(members.iter().filter_map(|m| m.cue.country)));
    let organization = best
        .and_then(|(_, c)| c.organization.clone())
        .or_else(|| members.iter().find_map(|m| m.cue.organization.clone()));
    let mut mentions: Vec<ByteSpan> = members.iter().map(|m| m.span).collect();
    mentions.sort_by_key(|s| (s.start, s.end));
    Some(Person {
        name: name_of.name.clone(),
        mentions,
        role,
        country: country.map(str::to_string),
        organization,
        vessel: false,
    })
}

/// The most frequent value, the earliest among equals.
pub(super) fn most_common(values: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let max = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(v, _)| v)
}
