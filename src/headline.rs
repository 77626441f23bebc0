//! The headline: read like the body, kept only for what the body does not tell.
//!
//! A headline mostly repeats the story's lead in telegraphic form ("Biden in Hanoi to upgrade
//! ties", "Trump, Zelensky hold hour-long phone call"); the body's sentence says it better
//! (kind, date, place, status). But some pages state an event only there: a call the body
//! gives as a quoted post, a summit named only in the title. So a record read from the
//! headline alone is dropped when a record from the body shares one of its people (or, for an
//! agreement, one of its parties; for a gathering, its name), and kept otherwise.

use crate::doc::Document;
use crate::merge::same_name;
use crate::records::{Agreement, Evidence, Meeting};
use crate::text::CharIndex;

/// Drops the headline's records that the body also tells.
pub fn annotate(doc: &mut Document) {
    let Some(headline) = doc.headline else { return };
    if doc.meetings.is_empty() && doc.agreements.is_empty() {
        return;
    }
    let line = CharIndex::new(&doc.text).char_span(headline);
    drop_told(&mut doc.meetings, line, |m| &m.sources, meeting_names);
    drop_told(&mut doc.agreements, line, |a| &a.sources, party_names);
}

/// Drops the records read from `line` alone (char span) whose names one of the other
/// records shares.
fn drop_told<T>(
    records: &mut Vec<T>,
    line: crate::text::CharSpan,
    sources: impl Fn(&T) -> &[Evidence],
    names: impl for<'a> Fn(&'a T) -> Vec<&'a str>,
) {
    let in_headline = |r: &T| {
        let s = sources(r);
        !s.is_empty() && s.iter().all(|e| line.start <= e.start && e.end <= line.end)
    };
    let body: Vec<Vec<&str>> = records
        .iter()
        .filter(|r| !in_headline(r))
        .map(&names)
        .collect();
    let told: Vec<bool> = records
        .iter()
        .map(|r| {
            in_headline(r) && {
                let own = names(r);
                body.iter()
                    .any(|b| own.iter().any(|x| b.iter().any(|y| same_name(x, y))))
            }
        })
        .collect();
    let mut told = told.into_iter();
    records.retain(|_| !told.next().unwrap_or(false));
}

fn meeting_names(m: &Meeting) -> Vec<&str> {
    m.participants
        .iter()
        .map(|p| p.name.as_str())
        .chain(m.gathering.as_deref())
        .collect()
}

fn party_names(a: &Agreement) -> Vec<&str> {
    a.parties.iter().map(|p| p.name.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Evidence, MeetingKind, MeetingStatus, Participant};
    use crate::text::ByteSpan;

    const TEXT: &str = "Lam, Biden hold talks in Hanoi\n\nTo Lam met Joe Biden in Hanoi on Sunday. Xi called Putin.";

    fn meeting(kind: MeetingKind, people: &[&str], sentence: &str) -> Meeting {
        let start = TEXT.find(sentence).unwrap();
        Meeting {
            id: String::new(),
            kind,
            status: MeetingStatus::Occurred,
            participants: people
                .iter()
                .map(|p| Participant {
                    name: p.to_string(),
                    role: None,
                    country: None,
                    organization: None,
                })
                .collect(),
            location: None,
            date: None,
            topics: Vec::new(),
            gathering: None,
            sources: vec![Evidence {
                doc_id: "d".into(),
                sentence: sentence.into(),
                start: TEXT[..start].chars().count(),
                end: TEXT[..start + sentence.len()].chars().count(),
            }],
            confidence: 0.9,
        }
    }

    #[test]
    fn headline_records_stay_only_for_people_the_body_does_not_mention_in_a_record() {
        let mut doc = Document::from_text("d", TEXT);
        doc.headline = Some(ByteSpan::new(0, TEXT.find('\n').unwrap()));
        let headline = "Lam, Biden hold talks in Hanoi";
        doc.meetings = vec![
            meeting(MeetingKind::Talks, &["To Lam", "Joe Biden"], headline),
            meeting(
                MeetingKind::Meeting,
                &["To Lam", "Joe Biden"],
                "To Lam met Joe Biden in Hanoi on Sunday.",
            ),
            meeting(MeetingKind::Call, &["Kim Jong Un"], headline),
        ];
        annotate(&mut doc);
        let kinds: Vec<MeetingKind> = doc.meetings.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [MeetingKind::Meeting, MeetingKind::Call]);

        // Without a headline nothing is dropped.
        let mut doc = Document::from_text("d", TEXT);
        doc.meetings = vec![meeting(
            MeetingKind::Talks,
            &["To Lam", "Joe Biden"],
            headline,
        )];
        annotate(&mut doc);
        assert_eq!(doc.meetings.len(), 1);
    }
}
