//! Calls: one caller phoning several people is as many calls ("Trump made his first phone
//! calls to African heads of state, speaking with Nigerian President Buhari and South African
//! President Zuma": a call with Buhari and one with Zuma). So is one person meeting several
//! where the sentence says the encounters were several ("paid courtesy calls on A, B and C",
//! "held separate talks with A and B": `data/meetings/several_encounters.txt`). Runs on every
//! reader's records.

use std::sync::LazyLock;

use crate::doc::Document;
use crate::records::{Meeting, MeetingKind};
use crate::wordlist::words;

static SEVERAL_ENCOUNTERS: LazyLock<Vec<&str>> = words!("meetings/several_encounters.txt");

/// The calls stage.
pub fn annotate(doc: &mut Document) {
    if doc.meetings.iter().any(|m| m.participants.len() >= 3) {
        let meetings = std::mem::take(&mut doc.meetings);
        doc.meetings = meetings
            .into_iter()
            .flat_map(|m| {
                if m.kind == MeetingKind::Call {
                    split(m)
                } else {
                    split_several(m)
                }
            })
            .collect();
    }
}

/// A meeting of three people or more, split by the other side, when its sentence says there
/// were several encounters and names the one person before saying so and the others after.
fn split_several(m: Meeting) -> Vec<Meeting> {
    if m.kind == MeetingKind::Visit || m.participants.len() < 3 {
        return vec![m];
    }
    let Some(sentence) = m.sources.first().map(|e| e.sentence.clone()) else {
        return vec![m];
    };
    // (ASCII lower-casing keeps every byte offset.)
    let lower = sentence.to_ascii_lowercase();
    // One encounter of them all: "to meet A and B for trilateral talks".
    const TOGETHER: [&str; 6] = [
        "trilateral",
        "three-way",
        "joint",
        "together",
        "summit",
        "all three",
    ];
    if TOGETHER.iter().any(|w| lower.contains(w)) {
        return vec![m];
    }
    let whole_words = |at: usize, len: usize| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + len..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let Some(anchor) = SEVERAL_ENCOUNTERS
        .iter()
        .filter_map(|p| {
            lower
                .match_indices(p)
                .map(|(at, _)| at)
                .find(|&at| whole_words(at, p.len()))
        })
        .min()
    else {
        return vec![m];
    };
    split_around(m, &sentence, anchor, true)
}

/// A call of three people or more, split by callee. Only when the caller alone is named before
/// "with" and the others after it, and nothing says the call was joint ("a three-way call",
/// "a conference call", "a video conference").
fn split(m: Meeting) -> Vec<Meeting> {
    if m.kind != MeetingKind::Call || m.participants.len() < 3 {
        return vec![m];
    }
    let Some(sentence) = m.sources.first().map(|e| e.sentence.clone()) else {
        return vec![m];
    };
    let lower = sentence.to_lowercase();
    let joint = [
        "three-way",
        "four-way",
        "trilateral",
        "conference call",
        "video conference",
        "videoconference",
        "joint call",
        "group call",
        "virtual",
    ];
    if joint.iter().any(|j| lower.contains(j)) {
        return vec![m];
    }
    let Some(with) = sentence.find(" with ") else {
        return vec![m];
    };
    split_around(m, &sentence, with, false)
}

/// `m` as one record per person named after `anchor` (a byte offset into `sentence`), each
/// with the first participant, who must be named before it, or, where `pronoun_ok`, stand
/// there as "he" or "she" (else `m` unchanged). Where each person is named: the last word of
/// the name, first found.
fn split_around(m: Meeting, sentence: &str, anchor: usize, pronoun_ok: bool) -> Vec<Meeting> {
    let at = |name: &str| {
        name.split_whitespace()
            .last()
            .and_then(|w| sentence.find(w))
    };
    let places: Vec<Option<usize>> = m.participants.iter().map(|p| at(&p.name)).collect();
    // The first may be named earlier and stand here as a pronoun ("He would also pay courtesy
    // calls on ...").
    let pronoun_before = || {
        sentence[..anchor]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "He" | "he" | "She" | "she"))
    };
    let caller_before = places[0].map_or_else(|| pronoun_ok && pronoun_before(), |a| a < anchor);
    let others_after = places[1..].iter().all(|p| p.is_some_and(|a| a > anchor));
    if !(caller_before && others_after) {
        return vec![m];
    }
    m.participants[1..]
        .iter()
        .map(|other| {
            let mut one = m.clone();
            one.participants = vec![m.participants[0].clone(), other.clone()];
            one
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Evidence, MeetingStatus, Participant};

    fn call(sentence: &str, names: &[&str]) -> Meeting {
        Meeting {
            id: String::new(),
            kind: MeetingKind::Call,
            status: MeetingStatus::Occurred,
            participants: names
                .iter()
                .map(|n| Participant {
                    name: (*n).into(),
                    role: None,
                    country: None,
                    organization: None,
                })
                .collect(),
            location: None,
            date: None,
            topics: vec![],
            gathering: None,
            sources: vec![Evidence {
                doc_id: "d".into(),
                sentence: sentence.into(),
                start: 0,
                end: sentence.chars().count(),
            }],
            confidence: 0.9,
        }
    }

    fn pairs(ms: &[Meeting]) -> Vec<Vec<&str>> {
        ms.iter()
            .map(|m| m.participants.iter().map(|p| p.name.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_caller_phoning_two_people_made_two_calls() {
        let m = call(
            "Ana Soto made phone calls on Monday, speaking with President Luis Vega and Prime Minister Eva Ruiz.",
            &["Ana Soto", "Luis Vega", "Eva Ruiz"],
        );
        assert_eq!(
            pairs(&split(m)),
            [vec!["Ana Soto", "Luis Vega"], vec!["Ana Soto", "Eva Ruiz"]]
        );
    }

    #[test]
    fn courtesy_calls_on_several_people_are_several_meetings() {
        let mut m = call(
            "He would also pay courtesy calls on Vice-President Luis Vega, Speaker Eva Ruiz, and the Leader of Opposition Bo Park.",
            &["Ana Soto", "Luis Vega", "Eva Ruiz", "Bo Park"],
        );
        m.kind = MeetingKind::Meeting;
        let three = [
            vec!["Ana Soto", "Luis Vega"],
            vec!["Ana Soto", "Eva Ruiz"],
            vec!["Ana Soto", "Bo Park"],
        ];
        // The caller named in an earlier sentence ("He"), or in this one.
        assert_eq!(pairs(&split_several(m.clone())), three);
        m.sources[0].sentence = m.sources[0].sentence.replace("He would", "Ana Soto would");
        assert_eq!(pairs(&split_several(m.clone())), three);
        // Someone else before the phrase: no split.
        m.sources[0].sentence = m.sources[0]
            .sentence
            .replace("Ana Soto would", "Ana Soto said Luis Vega would");
        assert_eq!(split_several(m.clone()).len(), 1);
        // A meeting of four with nothing saying the encounters were several stays one.
        m.sources[0].sentence = "Ana Soto met Luis Vega, Eva Ruiz and Bo Park.".into();
        assert_eq!(split_several(m.clone()).len(), 1);
        // A trip's purpose: each named after it is met.
        m.kind = MeetingKind::Talks;
        m.sources[0].sentence =
            "Ana Soto will visit Varno on Friday for talks with Luis Vega, Eva Ruiz and Bo Park."
                .into();
        assert_eq!(pairs(&split_several(m.clone())), three);
        m.sources[0].sentence =
            "Ana Soto arrived in Lindor to meet Luis Vega, Eva Ruiz and Bo Park.".into();
        assert_eq!(pairs(&split_several(m.clone())), three);
        // One encounter of them all, or the phrase inside a longer word: no split.
        m.sources[0].sentence =
            "Ana Soto flew to Lindor to meet Luis Vega, Eva Ruiz and Bo Park for trilateral talks."
                .into();
        assert_eq!(split_several(m.clone()).len(), 1);
        m.sources[0].sentence =
            "Ana Soto flew to Lindor to meetings of Luis Vega, Eva Ruiz and Bo Park.".into();
        assert_eq!(split_several(m).len(), 1);
    }

    #[test]
    fn a_joint_call_or_two_callers_stay_one_call() {
        let m = call(
            "Ana Soto held a three-way call with Luis Vega and Eva Ruiz.",
            &["Ana Soto", "Luis Vega", "Eva Ruiz"],
        );
        assert_eq!(split(m).len(), 1);
        let m = call(
            "Ana Soto and Luis Vega spoke by phone with Eva Ruiz.",
            &["Ana Soto", "Luis Vega", "Eva Ruiz"],
        );
        assert_eq!(split(m).len(), 1);
        let m = call(
            "Ana Soto spoke by phone with Luis Vega.",
            &["Ana Soto", "Luis Vega"],
        );
        assert_eq!(split(m).len(), 1);
        // A call's caller must be named in its sentence.
        let m = call(
            "He took part in a call with Luis Vega and Eva Ruiz.",
            &["Ana Soto", "Luis Vega", "Eva Ruiz"],
        );
        assert_eq!(split(m).len(), 1);
    }
}
