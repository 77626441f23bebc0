//! Calls: one caller phoning several people is as many calls ("Trump made his first phone
//! calls to African heads of state, speaking with Nigerian President Buhari and South African
//! President Zuma": a call with Buhari and one with Zuma). Runs on every reader's records.

use crate::doc::Document;
use crate::records::{Meeting, MeetingKind};

/// The calls stage.
pub fn annotate(doc: &mut Document) {
    if doc.meetings.iter().any(|m| m.kind == MeetingKind::Call && m.participants.len() >= 3) {
        let meetings = std::mem::take(&mut doc.meetings);
        doc.meetings = meetings.into_iter().flat_map(split).collect();
    }
}

/// A call of three people or more, split by callee. Only when the caller alone is named before
/// "with" and the others after it, and nothing says the call was joint ("a three-way call",
/// "a conference call", "a video conference").
fn split(m: Meeting) -> Vec<Meeting> {
    if m.kind != MeetingKind::Call || m.participants.len() < 3 {
        return vec![m];
    }
    let Some(sentence) = m.sources.first().map(|e| e.sentence.as_str()) else { return vec![m] };
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
    // Where each person is named: the last word of the name, first found.
    let at = |name: &str| name.split_whitespace().last().and_then(|w| sentence.find(w));
    let Some(with) = sentence.find(" with ") else { return vec![m] };
    let places: Vec<Option<usize>> = m.participants.iter().map(|p| at(&p.name)).collect();
    let caller_before = places[0].is_some_and(|a| a < with);
    let others_after = places[1..].iter().all(|p| p.is_some_and(|a| a > with));
    if !(caller_before && others_after) {
        return vec![m];
    }
    m.participants[1..]
        .iter()
        .map(|other| {
            let mut call = m.clone();
            call.participants = vec![m.participants[0].clone(), other.clone()];
            call
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
                .map(|n| Participant { name: (*n).into(), role: None, country: None, organization: None })
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
        ms.iter().map(|m| m.participants.iter().map(|p| p.name.as_str()).collect()).collect()
    }

    #[test]
    fn a_caller_phoning_two_people_made_two_calls() {
        let m = call(
            "Ana Soto made phone calls on Monday, speaking with President Luis Vega and Prime Minister Eva Ruiz.",
            &["Ana Soto", "Luis Vega", "Eva Ruiz"],
        );
        assert_eq!(pairs(&split(m)), [vec!["Ana Soto", "Luis Vega"], vec!["Ana Soto", "Eva Ruiz"]]);
    }

    #[test]
    fn a_joint_call_or_two_callers_stay_one_call() {
        let m =
            call("Ana Soto held a three-way call with Luis Vega and Eva Ruiz.", &["Ana Soto", "Luis Vega", "Eva Ruiz"]);
        assert_eq!(split(m).len(), 1);
        let m = call("Ana Soto and Luis Vega spoke by phone with Eva Ruiz.", &["Ana Soto", "Luis Vega", "Eva Ruiz"]);
        assert_eq!(split(m).len(), 1);
        let m = call("Ana Soto spoke by phone with Luis Vega.", &["Ana Soto", "Luis Vega"]);
        assert_eq!(split(m).len(), 1);
    }
}
