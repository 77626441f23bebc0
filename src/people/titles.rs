//! Reading titles: the role, country and organisation the words before and after a mention give.

use crate::doc::EntityLabel;
use crate::gazetteer;

use super::mentions::*;
use super::vocabulary::*;

/// Number of items at the end of `items[..end]` that are a military rank.
pub(super) fn rank_len(items: &[Item], end: usize) -> usize {
    if end == 0 || !items[end - 1].is_word() {
        return 0;
    }
    let key = items[end - 1].key();
    let Some((_, before)) = RANKS.iter().find(|(r, _)| *r == key) else {
        return 0;
    };
    if key == "general" && end >= 2 && items[end - 2].is_word_in(&GENERAL_TAKERS) {
        return 0;
    }
    let mut n = 1;
    while end > n
        && items[end - n - 1].is_word()
        && before.contains(&items[end - n - 1].key().as_str())
    {
        n += 1;
    }
    n
}

/// Whether an item may be part of a title read leftwards from a name.
pub(super) fn allowed_left(item: &Item) -> bool {
    match item.kind {
        Kind::Ent(EntityLabel::Person | EntityLabel::Date) => false,
        Kind::Ent(_) | Kind::Poss => true,
        Kind::Punct => item.text == "&",
        Kind::Word => {
            let key = item.key();
            if is_in(FUNCTION, &key) || is_title_word(&key) || is_in(&TEMPORAL, &key) {
                return true;
            }
            if is_in(DETERMINERS, &key)
                || is_in(&STOP_CAPITALISED, &key)
                || is_in(&HONORIFICS, &key)
            {
                return false;
            }
            is_capitalised(item.text)
                && !item.text.chars().next().is_some_and(|c| c.is_ascii_digit())
        }
    }
}

/// The cue of the words before a name.
pub(super) fn left_cue(items: &[Item]) -> Cue {
    let mut end = items.len();
    loop {
        if end > 0 && items[end - 1].is_word_in(&HONORIFICS) {
            end -= 1;
            continue;
        }
        let r = rank_len(items, end);
        if r > 0 {
            end -= r;
            continue;
        }
        break;
    }
    // A title set off by a comma before the name: "Kenya's Cabinet Secretary for Defence, Dr
    // Monica Juma", "Minister of Foreign Affairs, Professor David Francis".
    if end > 1 && items[end - 1].kind == Kind::Punct && items[end - 1].text == "," {
        let cue = left_cue(&items[..end - 1]);
        if cue.role.is_some() && !cue.counterpart {
            return cue;
        }
        return Cue::default();
    }
    // A lower-case function word next to the name ends any title: "delivered justice to bin
    // Laden". (A capitalised one may be a name part the tagger left out: "To Lam".)
    if end > 0 && items[end - 1].is_word_in(FUNCTION) && !is_capitalised(items[end - 1].text) {
        return Cue::default();
    }
    let mut start = end;
    while start > 0 && allowed_left(&items[start - 1]) {
        start -= 1;
    }
    let span = &items[start..end];
    let Some(head) = span
        .iter()
        .position(|it| it.is_word() && is_head(&it.key()))
    else {
        // No title: a bare national modifier still gives the country ("Vietnam's To Lam").
        return Cue {
            country: trailing_country(span),
            ..Cue::default()
        };
    };
    let mut core = head;
    while core > 0 && span[core - 1].is_word() && is_title_word(&span[core - 1].key()) {
        core -= 1;
    }
    let mut cue = modifiers_cue(&span[..core]);
    if is_counterpart(&span[head].key()) {
        cue.counterpart = true;
        return cue;
    }
    apply_title(&mut cue, &span[core..]);
    cue
}

/// Country of national modifiers at the very end of `items` ("Vietnamese", "Vietnam 's").
pub(super) fn trailing_country(items: &[Item]) -> Option<&'static str> {
    let mut end = items.len();
    if end > 0 && items[end - 1].kind == Kind::Poss {
        end -= 1;
    }
    let last = items[..end].last()?;
    match last.kind {
        Kind::Ent(EntityLabel::Norp | EntityLabel::Gpe) => country_of_modifier(last.text),
        Kind::Word if is_capitalised(last.text) => gazetteer::country_of_demonym(last.text)
            .or_else(|| gazetteer::canonical_country(last.text)),
        _ => None,
    }
}

/// Country and organisation from the words before a title's core.
pub(super) fn modifiers_cue(items: &[Item]) -> Cue {
    // Leading function words, determiners and "former" say nothing.
    let skip = items
        .iter()
        .take_while(|it| {
            it.is_word() && (is_in(FUNCTION, &it.key()) || is_in(&TEMPORAL, &it.key()))
        })
        .count();
    let items = &items[skip..];
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Country(&'static str),
        Org,
        OrgWord,
        Poss,
        Other,
    }
    let mut classes = vec![Class::Other; items.len()];
    let mut i = 0;
    while i < items.len() {
        let it = &items[i];
        match it.kind {
            Kind::Ent(EntityLabel::Norp | EntityLabel::Gpe) => {
                classes[i] = country_of_modifier(it.text).map_or(Class::OrgWord, Class::Country);
            }
            Kind::Ent(EntityLabel::Org) => classes[i] = Class::Org,
            Kind::Poss => classes[i] = Class::Poss,
            Kind::Word if is_capitalised(it.text) => {
                // Longest run of capitalised words naming a country ("South Korean", "U.S.").
                let mut matched = 0;
                for len in (1..=3).rev() {
                    if i + len > items.len()
                        || !items[i..i + len]
                            .iter()
                            .all(|w| w.is_word() && is_capitalised(w.text))
                    {
                        continue;
                    }
                    let phrase: Vec<&str> = items[i..i + len].iter().map(|w| w.text).collect();
                    let phrase = phrase.join(" ");
                    if let Some(c) = gazetteer::country_of_demonym(&phrase)
                        .or_else(|| gazetteer::canonical_country(&phrase))
                    {
                        for class in &mut classes[i..i + len] {
                            *class = Class::Country(c);
                        }
                        matched = len;
                        break;
                    }
                }
                if matched > 0 {
                    i += matched;
                    continue;
                }
                classes[i] = Class::OrgWord;
            }
            Kind::Word if is_title_word(&it.key()) => classes[i] = Class::OrgWord,
            _ => {}
        }
        i += 1;
    }

    let mut cue = Cue::default();
    // Organisation words right before the core ("Defense Ministry" spokesperson), named with
    // the country word they are attached to ("Chinese Defense Ministry").
    // The run may hold country words and "of" ("Communist Party of Vietnam Central Committee").
    let ends_in_org_noun = items.last().is_some_and(|it| {
        it.is_word() && classes[items.len() - 1] == Class::OrgWord && is_in(&ORG_NOUNS, &it.key())
    });
    let mut run = items.len();
    while ends_in_org_noun
        && run > 0
        && (matches!(classes[run - 1], Class::OrgWord | Class::Country(_))
            || items[run - 1].is_word_in(&["of", "and", "&"]))
    {
        run -= 1;
    }
    while run < items.len() && items[run].is_word_in(&["of", "and", "&"]) {
        run += 1;
    }
    if ends_in_org_noun && run < items.len() {
        cue.organization = Some(join_items(&items[run..], false));
    } else if let Some(org) = (0..items.len()).rev().find(|&k| classes[k] == Class::Org) {
        cue.organization = Some(items[org].text.trim().to_string());
    }
    cue.country = classes.iter().rev().find_map(|c| match c {
        Class::Country(c) => Some(*c),
        _ => None,
    });
    if cue.country.is_none() {
        cue.country = cue.organization.as_deref().and_then(country_inside);
    }
    cue
}

/// Reads a title core ("Minister of National Defense", "General Secretary of the Communist
/// Party of Vietnam Central Committee") into `cue`: role, and the country or organisation of
/// its "of" complement.
pub(super) fn apply_title(cue: &mut Cue, items: &[Item]) {
    let mut items = items;
    while let Some(last) = items.last() {
        if last.kind == Kind::Poss
            || last.is_word_in(COMPLEMENT_FUNCTION)
            || last.kind == Kind::Punct
        {
            items = &items[..items.len() - 1];
        } else {
            break;
        }
    }
    if items.is_empty() {
        return;
    }
    let last_head = items
        .iter()
        .rposition(|it| it.is_word() && is_head(&it.key()))
        .unwrap_or(0);
    let first_of = (last_head..items.len()).find(|&k| items[k].is_word_in(&["of"]));
    let last_of = (last_head..items.len())
        .rev()
        .find(|&k| items[k].is_word_in(&["of"]));
    let mut role_items = items;
    if let Some(of) = last_of {
        // "President of China", "Minister of Foreign Affairs of Vietnam": a complement that is
        // just a country gives the country and is left out of the role.
        let body: Vec<&Item> = items[of + 1..]
            .iter()
            .filter(|it| !it.is_word_in(&["the"]))
            .collect();
        let phrase: Vec<&str> = body.iter().map(|it| it.text).collect();
        let bare = !body.is_empty()
            && body
                .iter()
                .all(|it| it.is_ent(EntityLabel::Gpe) || (it.is_word() && is_capitalised(it.text)));
        if let Some(country) = bare
            .then(|| gazetteer::canonical_country(&phrase.join(" ")))
            .flatten()
        {
            cue.country = cue.country.or(Some(country));
            role_items = &items[..of];
            // "Foreign Minister of the Sultanate of Oman": the state's formal name goes too.
            if let Some(first) = first_of.filter(|&f| f < of) {
                let formal = items[first + 1..of].iter().all(|it| {
                    it.is_word_in(&["the", "of", "and"])
                        || STATE_FORMS
                            .iter()
                            .any(|f| gazetteer::fold(it.text.trim_end_matches("'s")) == *f)
                });
                if formal {
                    role_items = &items[..first];
                }
            }
        }
    }
    if cue.organization.is_none() {
        cue.organization = items[last_head..]
            .iter()
            .find(|it| it.is_ent(EntityLabel::Org))
            .map(|it| it.text.trim().to_string());
    }
    if cue.country.is_none() {
        // Only an "of" complement says whose the office is ("Ambassador to China" does not).
        if let Some(of) = first_of {
            cue.country = items[of + 1..].iter().find_map(|it| match it.kind {
                Kind::Ent(EntityLabel::Gpe | EntityLabel::Norp) => country_of_modifier(it.text),
                _ => None,
            });
        }
    }
    if cue.country.is_none() {
        if let Some(org) = cue.organization.as_deref() {
            cue.country = country_inside(org);
        }
    }
    let role = join_items(role_items, true);
    if role.chars().any(char::is_alphabetic) {
        cue.role = Some(role);
    }
}

/// The cue of the words after a name: "of Vietnam", or an apposition ", vice chairman of the
/// Central Military Commission,".
pub(super) fn right_cue(items: &[Item]) -> Cue {
    let mut cue = Cue::default();
    let Some(first) = items.first() else {
        return cue;
    };
    if first.kind == Kind::Poss {
        return cue;
    }
    if first.is_word_in(&["of"]) {
        let rest: Vec<&Item> = items[1..]
            .iter()
            .skip_while(|it| it.is_word_in(&["the"]))
            .collect();
        if let Some(it) = rest.first() {
            if it.is_ent(EntityLabel::Gpe) || (it.is_word() && is_capitalised(it.text)) {
                cue.country = gazetteer::canonical_country(it.text);
            }
        }
        return cue;
    }
    if !(first.kind == Kind::Punct && (first.text == "," || first.text == "(")) {
        return cue;
    }
    // ", [a|the] [former] [Chinese|Vietnam's] <title words with a head> [complement]"
    let mut k = 1;
    while k < items.len()
        && items[k].is_word()
        && (is_in(DETERMINERS, &items[k].key())
            || items[k].key() == "the"
            || is_in(&TEMPORAL, &items[k].key()))
    {
        k += 1;
    }
    let mods_start = k;
    while let Some(it) = items.get(k) {
        let next_is_poss = items.get(k + 1).is_some_and(|n| n.kind == Kind::Poss);
        match it.kind {
            Kind::Ent(EntityLabel::Norp) => k += 1,
            Kind::Ent(EntityLabel::Gpe | EntityLabel::Org) if next_is_poss => k += 2,
            Kind::Ent(EntityLabel::Org) => k += 1,
            Kind::Word if matches!(it.key().as_str(), "country" | "nation") && next_is_poss => {
                k += 2
            }
            Kind::Word
                if is_capitalised(it.text)
                    && !is_title_word(&it.key())
                    && (gazetteer::country_of_demonym(it.text).is_some()
                        || gazetteer::canonical_country(it.text).is_some()) =>
            {
                k += 1 + usize::from(next_is_poss)
            }
            _ => break,
        }
    }
    let mods = &items[mods_start..k];
    let core_start = k;
    while k < items.len() && items[k].is_word() && is_title_word(&items[k].key()) {
        k += 1;
    }
    let core = &items[core_start..k];
    if !core.iter().any(|it| is_head(&it.key())) {
        return cue;
    }
    // Complement: to the end of the clause.
    while let Some(it) = items.get(k) {
        let ok = match it.kind {
            Kind::Ent(EntityLabel::Person | EntityLabel::Date) | Kind::Punct => it.text == "&",
            Kind::Ent(_) | Kind::Poss => true,
            Kind::Word => {
                let key = it.key();
                if matches!(key.as_str(), "who" | "which" | "that" | "whose" | "whom") {
                    false
                } else {
                    is_in(COMPLEMENT_FUNCTION, &key)
                        || is_title_word(&key)
                        || is_capitalised(it.text)
                }
            }
        };
        if !ok {
            break;
        }
        k += 1;
    }
    let mut mod_cue = modifiers_cue(mods);
    if core.iter().any(|it| is_counterpart(&it.key())) {
        mod_cue.counterpart = true;
        return mod_cue;
    }
    apply_title(&mut mod_cue, &items[core_start..k]);
    mod_cue
}

/// Text of `items`: entities verbatim, words re-cased as a title when `title_case`.
pub(super) fn join_items(items: &[Item], title_case: bool) -> String {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if it.kind != Kind::Poss && !out.is_empty() {
            out.push(' ');
        }
        match it.kind {
            Kind::Word if title_case => out.push_str(&title_word(it.text, i == 0)),
            Kind::Poss => out.push_str(it.text),
            _ => out.push_str(it.text.trim()),
        }
    }
    out
}

/// Title-cases role words: "vice chairman of the" -> "Vice Chairman of the".
pub(super) fn normalise_words(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&title_word(w, i == 0));
    }
    out
}

pub(super) fn title_word(word: &str, first: bool) -> String {
    let key = vocab_key(word);
    let word = ["then-", "ex-", "Then-", "Ex-"]
        .iter()
        .find_map(|p| word.strip_prefix(p).filter(|r| !r.is_empty()))
        .unwrap_or(word);
    if !first && is_in(COMPLEMENT_FUNCTION, &key) {
        return word.to_lowercase();
    }
    // Acronyms and mixed case ("TV", "ASEAN", "McDonald") stay as written.
    if word.chars().skip(1).any(|c| c.is_uppercase()) || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    word.split('-')
        .map(|part| {
            let mut cs = part.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}
