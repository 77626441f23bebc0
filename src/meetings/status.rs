//! Status: cancelled, planned or occurred.

use super::*;

/// Status from the clause's words: cancelled, planned, or occurred (the bool: a cue said so).
pub(super) fn status_of(s: &Sentence, r: &Read) -> (MeetingStatus, bool) {
    let units = s.units;
    let t = &r.t;
    let lo = r.cs.min(r.np_start);
    for k in lo..r.end.min(units.len()) {
        if calls_off(s, k) {
            return (MeetingStatus::Cancelled, true);
        }
    }
    if called_off_after(s, r.end) || counterfactual(s, t.head) {
        return (MeetingStatus::Cancelled, true);
    }
    if t.form == Form::Past {
        return (MeetingStatus::Occurred, true);
    }
    // "is expected in Khartoum for a visit", "is due in Beijing for talks": still to come.
    if matches!(s.word(t.head), "expected" | "due") && s.word(t.head + 1) == "in" {
        return (MeetingStatus::Planned, true);
    }
    // Back from the governing verb (or the noun phrase).
    let governing = if t.form == Form::Noun {
        r.np_start
    } else {
        t.head
    };
    // Inside the noun phrase: "A planned visit".
    for k in r.np_start..t.head {
        if s.word(k).is_empty() {
            continue;
        }
        if is_in(&FUTURE_ADJ, s.word(k)) {
            return (MeetingStatus::Planned, true);
        }
    }
    // "agreed on a meeting between ...", "preparations for a summit": a plan.
    if t.form == Form::Noun {
        let before: Vec<&str> = (governing.saturating_sub(3)..governing)
            .rev()
            .map(|k| s.word(k))
            .collect();
        for n in 1..=before.len() {
            let phrase = before[..n]
                .iter()
                .rev()
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            if is_in(&PLAN_BEFORE_NOUN, &phrase) {
                return (MeetingStatus::Planned, true);
            }
        }
    }
    let mut k = governing;
    while k > r.cs.min(governing) && governing - k < 10 {
        k -= 1;
        let Some(w) = units[k].word() else { continue };
        match w {
            "will" | "shall" | "would" | "ll" => return (MeetingStatus::Planned, true),
            "to" => {
                let back = |n: usize| if k >= n { s.word(k - n) } else { "" };
                // Past an adverb: "are also to meet", "is now expected to visit".
                let adverb = |w: &str| {
                    w == "also" || w == "now" || w == "then" || w == "still" || w.ends_with("ly")
                };
                let skip = usize::from(k >= 2 && adverb(back(1)));
                let prev = back(1 + skip);
                let back = |n: usize| back(n + skip);
                // "were supposed to meet", "had been expected to visit": a plan that did not
                // happen.
                let was = |n: usize| {
                    matches!(back(n), "was" | "were")
                        || (adverb(back(n)) && matches!(back(n + 1), "was" | "were"))
                };
                let unrealised = (prev == "supposed" && was(2))
                    || (is_in(&FUTURE_BEFORE_TO, prev) && back(2) == "been" && back(3) == "had");
                if unrealised {
                    return (MeetingStatus::Cancelled, true);
                }
                if is_in(&FUTURE_BEFORE_TO, prev) {
                    return (MeetingStatus::Planned, true);
                }
                // "inviting Kadhimi to visit Doha", "asked X to meet Y": the one invited has
                // yet to come.
                let invitee = k >= 2 && units[k - 1].is(EntityLabel::Person);
                if invitee
                    && matches!(
                        s.word(k - 2),
                        "invited" | "inviting" | "invites" | "invite" | "asked" | "urged"
                    )
                {
                    return (MeetingStatus::Planned, true);
                }
                // The purpose of a journey under way: "is flying to Paris to meet X", "are
                // travelling to Lima to hold talks": the encounter is still to come.
                let before_to = |n: usize| if k >= n { s.word(k - n) } else { "" };
                let journey_under_way = (1..=6).any(|n| {
                    let w = before_to(n);
                    let auxiliary = (n + 1..=n + 2).map(before_to).find(|b| !adverb(b));
                    w.ends_with("ing")
                        && is_in(&TRAVEL, w)
                        && matches!(auxiliary, Some("is" | "are" | "am"))
                });
                if journey_under_way {
                    return (MeetingStatus::Planned, true);
                }
            }
            _ => {
                let participle_after_be = k > 0 && s.word(k - 1) == "be";
                if !participle_after_be
                    && (is_in(&PAST_WORDS, w)
                        || (w.len() > 3 && w.ends_with("ed") && !units[k].cap))
                {
                    return (MeetingStatus::Occurred, true);
                }
            }
        }
    }
    // A present tense in a time clause under a future one is the future: "will host his first
    // state visit when he welcomes X to Buckingham Palace on Tuesday".
    if matches!(t.form, Form::Present | Form::Base) {
        let opener = (t.head.saturating_sub(8)..t.head)
            .rev()
            .find(|&k| s.word(k) == "when" || s.word(k) == "once");
        if let Some(k) = opener {
            // "will sign ... when", "are poised to sign ... when".
            let future = |j: usize| {
                matches!(s.word(j), "will" | "shall")
                    || (s.word(j + 1) == "to" && is_in(&FUTURE_BEFORE_TO, s.word(j)))
            };
            if (k.saturating_sub(20)..k).any(future) {
                return (MeetingStatus::Planned, true);
            }
        }
    }
    // "is meeting X on Wednesday", "are holding talks tomorrow": an encounter in the present
    // progressive with a time is arranged and still to come. With no time it may be under way
    // ("Putin is meeting with Fico during his visit", a caption); and a visit, "is visiting
    // China this week", is.
    if matches!(t.form, Form::Present | Form::Gerund | Form::Noun)
        && t.kind != MeetingKind::Visit
        && s.word(t.head).ends_with("ing")
    {
        let before = (t.head.saturating_sub(3)..t.head)
            .rev()
            .map(|k| s.word(k))
            .find(|w| !(w.ends_with("ly") || *w == "also"));
        let timed = (r.cs..r.end.min(units.len())).any(|k| units[k].is(EntityLabel::Date));
        if matches!(before, Some("is" | "are" | "am")) && timed {
            return (MeetingStatus::Planned, true);
        }
    }
    if t.form == Form::Noun {
        // The noun's own predicate: "The summit ... is due to take place".
        let mut k = t.core_end;
        while k + 1 < r.end.min(units.len()) {
            let w = s.word(k);
            let nx = s.word(k + 1);
            if matches!(w, "is" | "are" | "was" | "were")
                && matches!(
                    nx,
                    "due"
                        | "scheduled"
                        | "expected"
                        | "set"
                        | "slated"
                        | "to"
                        | "planned"
                        | "likely"
                )
            {
                return (MeetingStatus::Planned, true);
            }
            if w == "will" {
                return (MeetingStatus::Planned, true);
            }
            if matches!(w, "took" | "was" | "were") && matches!(nx, "place" | "held") {
                return (MeetingStatus::Occurred, true);
            }
            k += 1;
        }
    }
    (MeetingStatus::Occurred, false)
}

/// Whether the clause after `end` tells the event off: "were due to hold talks on Wednesday,
/// but the round was called off", "..., but the meeting has been postponed".
fn called_off_after(s: &Sentence, end: usize) -> bool {
    let units = s.units;
    let Some(but) = (end..units.len().min(end + 4)).find(|&k| units[k].is_w("but")) else {
        return false;
    };
    let mut k = but + 1;
    if matches!(s.word(k), "the" | "that" | "this" | "their" | "his" | "her") {
        k += 1;
    }
    const EVENTS: &[&str] = &[
        "meeting",
        "talks",
        "round",
        "visit",
        "trip",
        "summit",
        "call",
        "session",
        "consultations",
        "negotiations",
        "encounter",
    ];
    if !EVENTS.contains(&s.word(k)) {
        return false;
    }
    k += 1;
    if matches!(s.word(k), "has" | "had" | "have") && s.word(k + 1) == "been" {
        k += 2;
    } else if matches!(s.word(k), "was" | "were" | "is" | "are") {
        k += 1;
    } else {
        return false;
    }
    if s.word(k).ends_with("ly") || s.word(k) == "later" {
        k += 1;
    }
    calls_off(s, k) || s.word(k) == "dropped"
}

/// Whether the word at `k` calls an event off: "postponed", "cancelled", "called off", "put off".
fn calls_off(s: &Sentence, k: usize) -> bool {
    let w = s.word(k);
    is_in(&CANCEL_ONE, w)
        || (matches!(w, "called" | "call" | "calls" | "calling" | "put" | "puts")
            && s.word(k + 1) == "off")
}

/// A counterfactual opens the sentence: "Had the talks gone ahead, they would have ...".
fn counterfactual(s: &Sentence, head: usize) -> bool {
    let first = (0..head).find(|&k| s.units[k].word().is_some());
    first.is_some_and(|k| s.word(k) == "had" && head - k <= 6)
        && (head + 1..(head + 4).min(s.units.len()))
            .any(|k| matches!(s.word(k), "gone" | "taken" | "happened" | "been"))
}
