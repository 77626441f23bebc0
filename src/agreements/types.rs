//! Working types: acts, mentions, drafts of records, units of a sentence, and the reader's
//! context [`Cx`].

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ActClass {
    Cancel,
    Plan,
    Discuss,
    Witness,
    Sign,
    Conclude,
    Upgrade,
    Establish,
    Implement,
    /// "initialled": the text is agreed, the signing is still to come.
    Initial,
    /// "was signed" and friends, after the noun phrase.
    PassiveSigned,
    /// "was initialled".
    PassiveInitial,
    /// An object relative after the noun phrase: "the treaty that the two countries signed in
    /// 2012", "the deal, which X and Y concluded in Montevideo".
    RelSigned,
    /// The same with "initialled".
    RelInitial,
    /// The same with a signing to come: "the agreement that Australia and China are expected
    /// to sign".
    RelPlanned,
    PassivePlanned,
    /// "must still be ratified": no act.
    PassiveDuty,
    /// A date and explicit parties, no verb.
    Dated,
}

impl ActClass {
    pub(super) fn status(self) -> Option<AgreementStatus> {
        match self {
            ActClass::Cancel | ActClass::PassiveDuty => None,
            ActClass::Plan
            | ActClass::PassivePlanned
            | ActClass::Initial
            | ActClass::PassiveInitial
            | ActClass::RelInitial
            | ActClass::RelPlanned => Some(AgreementStatus::Planned),
            ActClass::Discuss => Some(AgreementStatus::Discussed),
            _ => Some(AgreementStatus::Signed),
        }
    }

    /// Whether the act's subject are the people who sign.
    pub(super) fn signs(self) -> bool {
        matches!(self, ActClass::Sign | ActClass::Plan)
    }

    pub(super) fn before(self) -> bool {
        !matches!(
            self,
            ActClass::PassiveSigned
                | ActClass::PassivePlanned
                | ActClass::PassiveDuty
                | ActClass::PassiveInitial
                | ActClass::RelSigned
                | ActClass::RelInitial
                | ActClass::RelPlanned
                | ActClass::Dated
        )
    }

    /// Whether the act is an initialling: the date and place the record takes are provisional
    /// until the text tells when and where the signing will be.
    pub(super) fn initial(self) -> bool {
        matches!(
            self,
            ActClass::Initial | ActClass::PassiveInitial | ActClass::RelInitial
        )
    }

    /// An object relative: its own subject names the signers.
    pub(super) fn relative(self) -> bool {
        matches!(
            self,
            ActClass::RelSigned | ActClass::RelInitial | ActClass::RelPlanned
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Act {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) class: ActClass,
    /// Where the verb starts: for an object relative, its subject is `[start, verb)`.
    pub(super) verb: usize,
}

impl Act {
    pub(super) fn new(start: usize, end: usize, class: ActClass) -> Act {
        Act {
            start,
            end,
            class,
            verb: start,
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) kind: AgreementKind,
    /// The kind word(s), or the quoted name of a name-only mention.
    pub(super) head: ByteSpan,
    /// Where the noun phrase starts (its determiner or first modifier).
    pub(super) np_start: usize,
    /// Where the name starts: the opening quote of a quoted name, else the head.
    pub(super) lead: usize,
    /// After the head, a closing quote and an acronym in brackets.
    pub(super) np_end: usize,
    pub(super) plural: bool,
    pub(super) definite: bool,
    pub(super) title: Option<String>,
    /// A quoted name with no kind noun: a record only when it is what was signed.
    pub(super) name_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PartySource {
    Clause,
    Context,
    MainPair,
}

/// A record on its way: the fields of [`Agreement`] and what is needed to fold references.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) kind: AgreementKind,
    pub(super) status: AgreementStatus,
    pub(super) title: Option<String>,
    pub(super) parties: Vec<Party>,
    pub(super) signatories: Vec<Participant>,
    pub(super) subject: Option<String>,
    pub(super) date: Option<DateField>,
    pub(super) location: Option<Location>,
    /// The place came from a dateline or a neighbouring sentence, not from the clause.
    pub(super) weak_location: bool,
    /// The date came from a neighbouring sentence, not from the clause.
    pub(super) weak_date: bool,
    /// An initialled text: its date and place are those of the signing still to come, which a
    /// later sentence may tell ("is expected to be signed in Kuala Lumpur later this month");
    /// until then, unknown.
    pub(super) provisional: bool,
    pub(super) sentence: ByteSpan,
    pub(super) confidence: f64,
    /// A definite noun phrase with no name of its own ("the pact"): may refer to a record before.
    pub(super) reference: bool,
    /// A plural phrase with no name or subject ("signed seven memoranda"): a count that the
    /// documents listed after it may spell out.
    pub(super) summary: bool,
    /// The parties were read from the sentences before, not from this one's clause.
    pub(super) parties_from_context: bool,
    /// An item of a list set out one item a line ("(ii) MoU on ...;").
    pub(super) listed: bool,
    /// "the second memorandum": one of several documents a count before announced.
    pub(super) ordinal: bool,
}

impl Draft {
    pub(super) fn finish(mut self, doc: &Document, index: &CharIndex) -> Agreement {
        if self.provisional {
            self.date = None;
            self.location = None;
        }
        let span = index.char_span(self.sentence);
        let evidence = Evidence {
            doc_id: doc.id.clone(),
            sentence: slice(&doc.text, self.sentence.start, self.sentence.end).to_string(),
            start: span.start,
            end: span.end,
        };
        Agreement {
            id: String::new(),
            kind: self.kind,
            status: self.status,
            title: self.title,
            parties: self.parties,
            signatories: self.signatories,
            subject: self.subject,
            date: self.date,
            location: self.location,
            sources: vec![evidence],
            confidence: (self.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
        }
    }
}

pub(super) fn stage(s: AgreementStatus) -> u8 {
    match s {
        AgreementStatus::Discussed => 0,
        AgreementStatus::Planned => 1,
        AgreementStatus::Signed => 2,
    }
}

/// Adds a draft, or folds a back-reference into the record it refers to.
pub(super) fn absorb(drafts: &mut Vec<Draft>, mut d: Draft) {
    // "exchanged several memorandums ... The first memorandum aims ... the third memorandum,
    // which ...": after a count of documents, each ordinal one is an item of its own, not the
    // count told again.
    if d.reference
        && d.ordinal
        && drafts.iter().rev().take(64).any(|t| {
            t.summary
                && t.kind == d.kind
                && d.sentence.start <= t.sentence.end + super::LISTED_REACH
        })
    {
        d.reference = false;
        d.listed = true;
    }
    if d.reference {
        let target = drafts.iter_mut().rev().take(64).find(|t| {
            t.kind == d.kind
                && (d.parties.is_empty()
                    || t.parties
                        .iter()
                        .any(|p| d.parties.iter().any(|q| q.name == p.name)))
                && d.subject
                    .as_ref()
                    .is_none_or(|s| t.subject.as_ref().is_none_or(|ts| ts == s))
        });
        if let Some(t) = target {
            // The signing an initialled text awaits: its date and place are the record's.
            let own_date = d.date.is_some() && !d.weak_date;
            let own_place = d.location.is_some() && !d.weak_location;
            if t.provisional
                && !d.provisional
                && d.status != AgreementStatus::Discussed
                && (own_date || own_place)
            {
                t.date = if own_date { d.date.clone() } else { None };
                t.location = if own_place { d.location.clone() } else { None };
                t.weak_location = false;
                t.provisional = false;
            } else if stage(d.status) > stage(t.status) {
                // The latest stage tells when and where: "concluded negotiations on Tuesday ...
                // The deal is expected to be signed later this year".
                t.date = d.date.clone();
                t.location = d.location.clone();
                t.weak_location = d.weak_location;
            }
            if stage(d.status) > stage(t.status) {
                t.status = d.status;
            }
            for s in d.signatories {
                if !t.signatories.iter().any(|x| x.name == s.name) {
                    t.signatories.push(s);
                }
            }
            if d.location.is_some()
                && (t.location.is_none() || (t.weak_location && !d.weak_location))
            {
                t.location = d.location;
                t.weak_location = d.weak_location;
            }
            if t.date.is_none() {
                t.date = d.date;
            }
            if t.subject.is_none() {
                t.subject = d.subject;
            }
            // A back-reference that names no party itself ("The contract was signed in the
            // presence of X and Y") adds none to a record that has its pair.
            let adds_parties = !(d.parties_from_context && t.parties.len() >= 2);
            if adds_parties {
                for p in d.parties {
                    if !t.parties.iter().any(|q| q.name == p.name) {
                        t.parties.push(p);
                    }
                }
            }
            t.confidence = (t.confidence + 0.03).min(0.97);
            return;
        }
    }
    drafts.push(d);
}

/// A sentence that records may be read from: the sentence (for evidence) and the part of it
/// that is prose (furniture lines and a dateline cut off).
#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub(super) sentence: ByteSpan,
    pub(super) span: ByteSpan,
    pub(super) dateline: Option<String>,
}

#[derive(Debug, Clone)]
pub(super) enum Place {
    Found(Location),
    /// Several places of different countries: no single place.
    Mixed,
}

/// What the subject of an active act names.
#[derive(Debug, Default)]
pub(super) struct Subject {
    pub(super) parties: Vec<Party>,
    /// People with no known country: parties only when nothing else is.
    pub(super) people: Vec<Party>,
    pub(super) signatories: Vec<Participant>,
    /// "the two sides", "they".
    pub(super) anaphor: bool,
    /// "the bloc".
    pub(super) bloc_ref: bool,
}

/// What the words after a noun phrase say.
#[derive(Debug, Default)]
pub(super) struct Post {
    pub(super) between: Vec<Party>,
    pub(super) between_anaphor: bool,
    pub(super) with: Vec<Party>,
    pub(super) vague: bool,
    pub(super) subject: Option<ByteSpan>,
    /// A purchase: the buyer when named ("for X to buy"), the seller or maker.
    pub(super) purchase: Option<(Option<Party>, Option<Party>)>,
    /// Where these phrases end.
    pub(super) end: usize,
}

/// The document and what the stage computes once per document.
pub(super) struct Cx<'d> {
    pub(super) doc: &'d Document,
    pub(super) text: &'d str,
    /// Valid entities, sorted by start.
    pub(super) ents: Vec<Entity>,
    /// Resolved DATE mentions.
    pub(super) dates: Vec<(ByteSpan, Option<DateValue>)>,
    pub(super) units: Vec<Unit>,
    pub(super) main_pair: Option<[String; 2]>,
    /// The publication date relative dates were resolved against.
    pub(super) anchor: Option<chrono::NaiveDate>,
    /// The story's first dated event: its unit, date span and value.
    pub(super) lead: Option<(usize, ByteSpan, DateValue)>,
    /// The one country a story names, when it names only one (its places, demonyms and
    /// countries all of one country): whose "Defence Ministry" a bare organ is.
    pub(super) home_country: Option<&'static str>,
}
