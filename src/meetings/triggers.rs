//! Triggers: the verbs, light verbs with an event noun, and event nouns that tell a meeting,
//! visit, call or conference, found by their words.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Past,
    Base,
    Present,
    Gerund,
    /// An event noun with no light verb.
    Noun,
}

#[derive(Debug, Clone)]
pub(super) struct Trigger {
    pub(super) kind: MeetingKind,
    /// First unit: the verb, the light verb, or the event noun.
    pub(super) head: usize,
    /// Unit after the trigger phrase.
    pub(super) core_end: usize,
    /// The event noun, when there is one.
    pub(super) noun: Option<usize>,
    pub(super) form: Form,
    /// The arrival place of "arrived in X ... to start a visit".
    pub(super) arrival: Option<usize>,
    /// 0..1: how surely the words name a meeting.
    pub(super) strength: f64,
    /// Whether the clause subject takes part (verbs and light verbs).
    pub(super) has_subject: bool,
    /// One event for each of several subjects: "X and Y are expected in Kenya for official
    /// visits".
    pub(super) each: bool,
}

/// Verbs of being somewhere that make a visit only with "in" and "for a visit/talks" after the
/// place: "was in Beijing for talks", "stayed in Cairo for a working visit", "is expected in
/// Khartoum for a visit".
const BEING: [&str; 10] = [
    "was", "is", "were", "are", "been", "stayed", "stays", "staying", "expected", "due",
];

pub(super) fn verb_form(w: &str) -> Form {
    static PAST: LazyLock<Vec<&str>> = words!("meetings/past_trigger_verbs.txt");
    if is_in(&PAST, w) {
        Form::Past
    } else if w.ends_with("ing") {
        Form::Gerund
    } else if w.ends_with('s') {
        Form::Present
    } else {
        Form::Base
    }
}

pub(super) fn is_modifier(u: &Unit) -> bool {
    if u.is(EntityLabel::Norp) {
        return true;
    }
    // "a [three-day|DATE] state visit": a duration the tagger took for a date.
    if u.is(EntityLabel::Date)
        && !u.low.contains(' ')
        && MODIFIER_SUFFIXES.iter().any(|s| u.low.ends_with(s))
    {
        return true;
    }
    match u.word() {
        Some(w) => {
            // "held the 8th round": an ordinal in digits.
            let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| {
                w.strip_suffix(s)
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            });
            is_in(&MODIFIERS, w)
                || MODIFIER_SUFFIXES.iter().any(|s| w.ends_with(s))
                || w.chars().all(|c| c.is_ascii_digit())
                || ordinal
        }
        None => false,
    }
}

/// The event noun after a light verb at `i`, with at most five modifiers between.
pub(super) fn noun_after(units: &[Unit], i: usize, nouns: &[&str]) -> Option<usize> {
    let mut j = i + 1;
    while j < units.len() && j <= i + 6 {
        let u = &units[j];
        if u.is_wi(nouns) {
            return Some(j);
        }
        // Modifiers in pairs: "began his official and working visit", "held a brief but warm
        // meeting".
        let paired = (u.is_w("and") || u.is_w("but"))
            && j > i + 1
            && is_modifier(&units[j - 1])
            && units.get(j + 1).is_some_and(is_modifier);
        // A modifier in quotes: held a "cordial" meeting.
        let quote = u.punct && matches!(u.low.as_str(), "\"" | "“" | "”" | "‘" | "’" | "'");
        if !is_modifier(u) && !u.is_p('-') && !paired && !quote {
            return None;
        }
        j += 1;
    }
    None
}

pub(super) fn noun_kind(units: &[Unit], j: usize) -> Option<MeetingKind> {
    let w = units[j].word()?;
    let prev = j.checked_sub(1).and_then(|p| units[p].word()).unwrap_or("");
    match w {
        // Held by video or online: a call ("held a video conference with", "a virtual summit").
        "talks" | "meeting" | "meetings" | "summit" | "summits" | "conference" | "conferences"
            if matches!(
                prev,
                "video" | "virtual" | "online" | "videolink" | "phone" | "telephone" | "telephonic"
            ) =>
        {
            Some(MeetingKind::Call)
        }
        "talks" | "consultations" => Some(MeetingKind::Talks),
        // "had an official talk with X"; "gave a talk" is a lecture.
        // (A noun: an article or a modifier before it; "ready to talk with X" is the verb.)
        "talk"
            if units.get(j + 1).and_then(|u| u.word()) == Some("with")
                && (matches!(prev, "a" | "an" | "the")
                    || j.checked_sub(1).is_some_and(|p| is_modifier(&units[p]))) =>
        {
            Some(MeetingKind::Talks)
        }
        "meeting" | "meetings" | "summit" | "summits" => Some(MeetingKind::Meeting),
        "visit" | "visits" | "trip" | "tour" => Some(MeetingKind::Visit),
        "conversation" | "conversations" | "call" | "calls"
            if matches!(prev, "phone" | "telephone" | "video" | "telephonic") =>
        {
            Some(MeetingKind::Call)
        }
        "videoconference" | "video-conference" | "teleconference" | "phone-call" => {
            Some(MeetingKind::Call)
        }
        "conference" | "conferences" if matches!(prev, "planning" | "preparatory") => {
            Some(MeetingKind::Conference)
        }
        // "held a joint news conference with X": two people who met and spoke together after.
        "conference" | "briefing" if joint_press(units, j) => Some(MeetingKind::Meeting),
        "co-chairmanship" | "co-chairship" | "cochairmanship" => Some(MeetingKind::Conference),
        _ => None,
    }
}

/// Whether the noun at `j` ends "joint news ..." / "joint press ...".
fn joint_press(units: &[Unit], j: usize) -> bool {
    j >= 2 && units[j - 1].is_wi(&["news", "press"]) && units[j - 2].is_wi(&["joint"])
}

/// The unit after a time adjunct starting at `k` ("on Wednesday", "Wednesday", "this Friday at
/// 9:27 a.m."), else `k`.
fn after_time(units: &[Unit], k: usize) -> usize {
    let date_at = |j: usize| units.get(j).is_some_and(|u| u.is(EntityLabel::Date));
    let after = if date_at(k) {
        k + 1
    } else if units.get(k).is_some_and(|u| u.is_w("on")) && date_at(k + 1) {
        k + 2
    } else {
        return k;
    };
    // A clock time after the day: "at 9:27 a.m.", "at 14.30 local time".
    let clockish = |u: &Unit| {
        u.is_wi(&[
            "a.m", "p.m", "am", "pm", "a.m.", "p.m.", "local", "time", "gmt", "hrs",
        ]) || u.is_p(':')
            || u.is_p('.')
            || (!u.low.is_empty()
                && u.low
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.'))
    };
    let clock_from = if units.get(after).is_some_and(|u| u.is_w("at")) {
        after + 1
    } else {
        after
    };
    let mut j = clock_from;
    while j < units.len() && j < clock_from + 6 && clockish(&units[j]) {
        j += 1;
    }
    if j > clock_from
        && units[clock_from]
            .low
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    {
        j
    } else {
        after
    }
}

/// Whether the verb at `i` follows its subject, a named person or "he"/"she": right before
/// it, before an adverb ("Thani previously travelled"), or before an apposition set off by
/// commas ("X, an adviser to Y, arrived"); or a delegation whose apposition names its head
/// ("A Pakistani delegation, led by Minister X, arrived").
fn traveller_before(units: &[Unit], i: usize) -> bool {
    let mut k = i;
    while k > 0 && units[k - 1].is_wi(&ADVERBS) {
        k -= 1;
    }
    let Some(prev) = k.checked_sub(1).map(|j| &units[j]) else {
        return false;
    };
    if prev.is(EntityLabel::Person) || prev.is_wi(&["he", "she"]) {
        return true;
    }
    if !prev.is_p(',') {
        return false;
    }
    // The comma that opens the apposition, right after the person.
    let mut j = k - 1;
    while j > 0 && k - j < 25 {
        j -= 1;
        let u = &units[j];
        if is_stop_punct(u) || u.is_w("and") {
            return false;
        }
        if u.is_p(',') {
            let led = j > 0
                && units[j - 1].is_wi(&GROUP_WORDS)
                && units
                    .get(j + 1)
                    .is_some_and(|v| v.is_wi(&["led", "headed"]))
                && units.get(j + 2).is_some_and(|v| v.is_w("by"))
                && units
                    .get(j + 3..k - 1)
                    .is_some_and(|r| r.iter().any(|v| v.is(EntityLabel::Person)));
            return led || (j > 0 && units[j - 1].is(EntityLabel::Person) && !units[j - 1].poss);
        }
    }
    false
}

/// The "by" that leads a passive trigger's agent, when a person follows it: "was received by
/// President X", "was received at the airport (on Friday) by X", "was visited in the Historic
/// Center by X" (where and when may come before the agent).
fn passive_agent(units: &[Unit], i: usize) -> Option<usize> {
    let n = units.len();
    // When may come first: "was received this afternoon by", "was received yesterday at".
    let mut i = i;
    while i + 1 < n
        && (units[i + 1].is(EntityLabel::Date)
            || units[i + 1].is_wi(&["yesterday", "today", "earlier", "later", "also"]))
    {
        i += 1;
    }
    let next = units.get(i + 1).and_then(|u| u.word()).unwrap_or("");
    let by_at = if next == "by" {
        Some(i + 1)
    } else if matches!(next, "at" | "in" | "on") {
        (i + 2..(i + 12).min(n))
            .take_while(|&k| {
                !is_stop_punct(&units[k])
                    && (units[k].label.is_some()
                        || units[k].cap
                        || units[k].is_wi(&[
                            "at",
                            "in",
                            "on",
                            "the",
                            "airport",
                            "international",
                            "by",
                        ]))
            })
            .find(|&k| units[k].is_w("by"))
    } else {
        None
    };
    // A long title may stand before the name ("by the Ethiopian Minister of Education, Prof.
    // Berhanu Nega"); not a whole clause ("by thousands of supporters who chanted ... President X").
    by_at.filter(|&by| person_soon(units, by + 1, 10).is_some())
}

/// The PERSON unit that follows `from` within `window` units, not a possessive, with only
/// title-like units before it: nationalities, countries, capitalised words and `words` ("his
/// Azerbaijani counterpart Ilham Aliyev", "U.S. President Donald Trump").
fn person_after_title(units: &[Unit], from: usize, window: usize, words: &[&str]) -> Option<usize> {
    person_soon(units, from, window).filter(|&j| {
        !units[j].poss
            && units[from..j].iter().all(|u| {
                u.is(EntityLabel::Norp)
                    || u.is(EntityLabel::Gpe)
                    || (u.cap && u.label.is_none())
                    || u.is_wi(words)
            })
    })
}

/// The person a verb of visiting takes as its object ("visited former Cuban President Fidel
/// Castro", "visited Cuba's revolutionary leader and former President X"): only titles, their
/// modifiers, countries and nationalities before the name; no preposition ("visited the home
/// of X" visits a place) and no clause ("visited troops that President X had deployed").
fn person_visited(units: &[Unit], i: usize) -> Option<usize> {
    const BEFORE_A_TITLE: [&str; 12] = [
        "former",
        "late",
        "the",
        "his",
        "her",
        "their",
        "and",
        "then",
        "outgoing",
        "new",
        "revolutionary",
        "leader",
    ];
    for (j, u) in units.iter().enumerate().skip(i).take(8) {
        if u.is(EntityLabel::Person) {
            return (!u.poss).then_some(j);
        }
        let fits = u.is(EntityLabel::Gpe)
            || u.is(EntityLabel::Norp)
            || u.is_p('-')
            || u.word()
                .is_some_and(|w| is_in(&TITLE_WORDS, w) || BEFORE_A_TITLE.contains(&w));
        if !fits {
            return None;
        }
    }
    None
}

/// Whether a PERSON (or a title leading to one) follows `i` within a few units.
pub(super) fn person_soon(units: &[Unit], i: usize, window: usize) -> Option<usize> {
    let mut j = i;
    while j < units.len() && j < i + window {
        let u = &units[j];
        if u.is(EntityLabel::Person) {
            return Some(j);
        }
        if is_stop_punct(u) || u.is_p('(') {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether a PERSON follows `i` after nothing but place and time adjuncts and a title: "received
/// at the Amiri Diwan in Doha on Sunday Foreign Minister of Oman X".
pub(super) fn adjuncts_then_person(units: &[Unit], i: usize) -> bool {
    let mut j = i;
    while j < units.len() && j < i + 18 {
        let u = &units[j];
        if u.is(EntityLabel::Person) {
            return j > i;
        }
        let adjunct = u.label.is_some_and(|l| l != EntityLabel::Person)
            || u.cap
            || u.is_wi(&["at", "in", "on", "the", "of", "and"]);
        if !adjunct {
            return false;
        }
        j += 1;
    }
    false
}

/// Whether a PERSON follows adjuncts set off by commas, the first opened by a preposition (or
/// "accompanied"):
/// "received, in the presence of the Minister of Foreign Affairs, Mr. X, on Friday 11 March
/// 2022, at the headquarters of the Government in Rabat, Mr. Y" (releases in the manner of
/// Moroccan and Gulf agencies give who else was there, when and where before the guest).
pub(super) fn set_off_adjuncts_then_person(units: &[Unit], i: usize) -> bool {
    if !units.get(i).is_some_and(|u| u.is_p(','))
        || !units
            .get(i + 1)
            .is_some_and(|u| u.is_wi(&["in", "on", "at", "during", "accompanied"]))
    {
        return false;
    }
    // Segment by segment: one opened by a preposition ("on Friday", "at the headquarters"), or
    // the rest of a title cut by commas ("African Cooperation", "and Moroccan Expatriates"),
    // goes on; one opened by a person (after "Mr.", "H.E.") is the guest; anything else ("the
    // Nobel Peace Prize", "a letter") ends the search.
    let mut j = i;
    for _ in 0..8 {
        let start = j + 1;
        let mut k = start;
        while k < start + 5
            && units
                .get(k)
                .is_some_and(|u| u.is_p('.') || u.is_wi(&["mr", "mrs", "ms", "dr", "h.e"]))
        {
            k += 1;
        }
        if units
            .get(k)
            .is_some_and(|u| u.is(EntityLabel::Person) && !u.poss)
        {
            return true;
        }
        let opens = |u: &Unit| {
            u.is_wi(&["in", "on", "at", "during", "accompanied", "and"])
                || u.cap
                || u.label.is_some()
        };
        if !units.get(start).is_some_and(opens) {
            return false;
        }
        // To the segment's closing comma.
        j = start + 1;
        while j < units.len() && j < start + 25 && !units[j].is_p(',') {
            if is_stop_punct(&units[j]) {
                return false;
            }
            j += 1;
        }
        if !units.get(j).is_some_and(|u| u.is_p(',')) {
            return false;
        }
    }
    false
}

/// Whether a head of state or government named before stands at `i` by the office: "the
/// king", "the Saudi king", "the visiting president" (`data/meetings/object_offices.txt`).
pub(super) fn office_after_the(units: &[Unit], i: usize) -> bool {
    if !units.get(i).is_some_and(|u| u.is_w("the")) {
        return false;
    }
    for (k, u) in units.iter().enumerate().skip(i + 1).take(3) {
        if u.names_office() {
            // Not "the president's announcement", nor "the president of the Football
            // Federation" (the office of a country is: "the President of Kenya").
            let of_something_else = units.get(k + 1).is_some_and(|u| u.is_w("of"))
                && !units.get(k + 2).is_some_and(|u| u.is(EntityLabel::Gpe));
            return !u.poss && !of_something_else;
        }
        let modifier =
            u.is(EntityLabel::Norp) || u.is(EntityLabel::Gpe) || u.is_wi(&["visiting", "new"]);
        if !modifier {
            return false;
        }
    }
    false
}

pub(super) fn find_triggers(units: &[Unit]) -> Vec<Trigger> {
    let n = units.len();
    let mut out: Vec<Trigger> = Vec::new();
    let mut consumed = vec![false; n];
    let word = |k: usize| units.get(k).and_then(|u| u.word()).unwrap_or("");
    let mut i = 0;
    while i < n && out.len() < MAX_TRIGGERS {
        if consumed[i] {
            i += 1;
            continue;
        }
        let Some(w) = units[i].word() else {
            i += 1;
            continue;
        };
        let prev = if i > 0 { word(i - 1) } else { "" };
        // Where a journey's preposition stands: "arrived on Wednesday in Baghdad" puts the day
        // before the place (verbs of being take the place right after them).
        // ("stopped over in Kiribati": the particle before the preposition.)
        let prep = if BEING.contains(&w) {
            i + 1
        } else if w.starts_with("stop") && word(i + 1) == "over" {
            after_time(units, i + 2)
        } else {
            after_time(units, i + 1)
        };
        let next = word(i + 1);
        let verb = |kind, core_end: usize, strength: f64| Trigger {
            kind,
            head: i,
            core_end,
            noun: None,
            form: verb_form(w),
            arrival: None,
            strength,
            has_subject: true,
            each: false,
        };
        let mut found: Option<Trigger> = None;
        match w {
            "met" | "meet" | "meets" => {
                let passive = matches!(
                    prev,
                    "was" | "were" | "is" | "are" | "be" | "been" | "being"
                ) && w == "met";
                let idiom = (i + 1..(i + 5).min(n)).any(|k| {
                    matches!(
                        word(k),
                        "halfway"
                            | "expectations"
                            | "standards"
                            | "demands"
                            | "needs"
                            | "requirements"
                            | "criteria"
                            | "targets"
                            | "deadline"
                    )
                });
                if !passive && !idiom {
                    let core = if next == "with" || next == "up" {
                        i + 2
                    } else {
                        i + 1
                    };
                    found = Some(verb(MeetingKind::Meeting, core, 0.6));
                }
            }
            // "welcomed his Azerbaijani counterpart Ilham Aliyev to Ankara": a meeting, as
            // "received" is; the object is a person, through a title ("welcomed the decision",
            // "welcomed X's visit" are none).
            // So is "greeted the Saudi king at the airport".
            "welcomed" | "welcomes" | "welcoming" | "greeted" | "greets" | "greeting" => {
                let person = person_after_title(
                    units,
                    i + 1,
                    7,
                    &[
                        "his",
                        "her",
                        "their",
                        "visiting",
                        "counterpart",
                        "the",
                        "of",
                    ],
                );
                let office = w.starts_with("greet") && office_after_the(units, i + 1);
                if (person.is_some() || office)
                    && !is_in(&DEFINITE, prev)
                    && !matches!(prev, "a" | "an" | "warm")
                {
                    found = Some(verb(MeetingKind::Meeting, i + 1, 0.55));
                }
            }
            // "Macri will also see German Chancellor Angela Merkel on Thursday": a meeting to
            // come, with a person right after the verb ("will see the plan", "saw Merkel as a
            // partner" are none).
            "see"
                if (1..=2)
                    .any(|b| i >= b && matches!(word(i - b), "will" | "to" | "ll" | "would")) =>
            {
                let person =
                    person_after_title(units, i + 1, 6, &["his", "her", "the"]).filter(|&j| {
                        !matches!(word(j + 1), "as" | "win" | "lose" | "fall" | "go" | "leave")
                    });
                if person.is_some() {
                    found = Some(verb(MeetingKind::Meeting, i + 1, 0.5));
                }
            }
            // "discussed bilateral issues with his South Korean counterpart Cho Tae Yong": a
            // meeting; the topic, no clause, stands between the verb and "with", and a person
            // follows it ("discussed the plan with reporters" is none; ", with Modi calling
            // for ..." is another clause).
            // So is "exchanged views on Sunday with X".
            "discussed" | "discuss" | "discusses" | "discussing" | "exchanged" | "exchange"
            | "exchanges" | "exchanging"
                if w.starts_with("disc")
                    || matches!(next, "views" | "opinions" | "ideas" | "notes") =>
            {
                let with = (i + 1..(i + 9).min(n))
                    .take_while(|&k| !is_stop_punct(&units[k]) && !units[k].is_p(','))
                    .find(|&k| word(k) == "with");
                let clause_word = |k: usize| {
                    matches!(
                        word(k),
                        "that" | "which" | "who" | "but" | "how" | "whether" | "what"
                    )
                };
                if let Some(with) = with.filter(|&w| !(i + 1..w).any(clause_word)) {
                    if person_soon(units, with + 1, 8).is_some() {
                        found = Some(verb(MeetingKind::Meeting, with + 1, 0.5));
                    }
                }
            }
            // "conferred with his Jordanian counterpart": a meeting (a title may come between).
            "conferred" | "confer" | "confers" | "conferring"
                if next == "with" && person_soon(units, i + 2, 8).is_some() =>
            {
                found = Some(verb(MeetingKind::Meeting, i + 2, 0.55));
            }
            "meeting"
                if matches!(
                    prev,
                    "when" | "while" | "after" | "before" | "since" | "by" | "on"
                ) && person_soon(units, i + 1, 8).is_some() =>
            {
                let mut t = verb(
                    MeetingKind::Meeting,
                    if next == "with" { i + 2 } else { i + 1 },
                    0.55,
                );
                t.form = Form::Gerund;
                found = Some(t);
            }
            "received" | "receive" | "receives" | "receiving" | "hosted" | "host" | "hosts"
            | "hosting" => {
                let noun_host = is_in(&DEFINITE, prev) || matches!(prev, "a" | "an" | "as" | "co");
                let passive = matches!(prev, "was" | "were" | "been" | "be" | "being");
                // "he was received by President X": the agent is the other side; the status
                // comes from the auxiliaries ("was", "will be").
                // So is "was received at the airport (on Friday) by X": where and when may come
                // before the agent.
                if let Some(by) = passive_agent(units, i).filter(|_| !noun_host && passive) {
                    let mut t = verb(MeetingKind::Meeting, by + 1, 0.5);
                    t.form = Form::Base;
                    found = Some(t);
                }
                // "received a cable from President X": a thing received, no meeting.
                let mut k = i + 1;
                while k < n
                    && k <= i + 3
                    && is_modifier(&units[k])
                    && !units[k].is_wi(&RECEIVED_THINGS)
                {
                    k += 1;
                }
                let thing = units.get(k).is_some_and(|u| u.is_wi(&RECEIVED_THINGS));
                if !noun_host && !passive && !thing {
                    let object_person = person_soon(units, after_time(units, i + 1), 10).is_some()
                        || (w.starts_with("rece") && matches!(next, "him" | "her"))
                        || adjuncts_then_person(units, i + 1)
                        || set_off_adjuncts_then_person(units, i + 1)
                        || office_after_the(units, i + 1)
                        || (i + 1..(i + 6).min(n))
                            .take_while(|&k| !units[k].punct)
                            .find(|&k| units[k].label.is_some())
                            .is_some_and(|k| {
                                !units[k].is(EntityLabel::Date)
                                    && !units[k].poss
                                    && units[k].span.len() > 1
                            });
                    let hosts_event = w.starts_with("host")
                        && (i + 1..(i + 7).min(n)).any(|k| {
                            matches!(
                                word(k),
                                "meeting"
                                    | "talks"
                                    | "summit"
                                    | "ceremony"
                                    | "dinner"
                                    | "banquet"
                                    | "luncheon"
                                    | "reception"
                            )
                        });
                    if object_person || hosts_event {
                        found = Some(verb(MeetingKind::Meeting, i + 1, 0.45));
                    }
                }
            }
            // "called on X" (not "a phone call on Monday").
            "called" | "call" | "calls" | "calling"
                if matches!(next, "on" | "upon")
                    && !is_in(&DEFINITE, prev)
                    && !matches!(
                        prev,
                        "a" | "an"
                            | "phone"
                            | "telephone"
                            | "telephonic"
                            | "video"
                            | "courtesy"
                            | "brief"
                            | "farewell"
                            | "conference"
                            | "introductory"
                    ) =>
            {
                // A person, or a surname the tagger took for something else.
                let named = person_soon(units, i + 2, 10).or_else(|| {
                    (i + 2..(i + 8).min(n))
                        .take_while(|&k| !units[k].punct)
                        .find(|&k| units[k].label.is_some_and(|l| l != EntityLabel::Date))
                });
                if let Some(p) = named {
                    // "called on X to do" is urging, not a courtesy call.
                    let mut k = p + 1;
                    if k < n && units[k].is_p(',') {
                        k = n; // an apposition follows: still a call
                    }
                    let urging = k < n && units[k].is_w("to");
                    if !urging {
                        found = Some(verb(MeetingKind::Meeting, i + 2, 0.55));
                    }
                }
            }
            // "X phoned Y", "X telephoned Y".
            "phoned" | "phones" | "phone" | "telephoned" | "telephones" | "telephone"
                if person_soon(units, i + 1, 4).is_some()
                    && !is_in(&DEFINITE, prev)
                    && !matches!(prev, "a" | "an" | "by" | "via" | "over")
                    && !matches!(
                        next,
                        "call" | "calls" | "conversation" | "conversations" | "talks" | "line"
                    ) =>
            {
                let mut t = verb(MeetingKind::Call, i + 1, 0.55);
                if matches!(w, "phoned" | "telephoned") {
                    t.form = Form::Past;
                }
                found = Some(t);
            }
            "spoke" | "speak" | "speaks" | "speaking" | "talked" | "talk" | "talks"
                if matches!(next, "by" | "on" | "over" | "via") =>
            {
                let mut k = i + 2;
                if word(k) == "the" {
                    k += 1;
                }
                if matches!(word(k), "phone" | "telephone" | "video" | "videolink") {
                    found = Some(verb(MeetingKind::Call, k + 1, 0.6));
                }
            }
            // "Han spoke with U.S. President Donald Trump on the 8th", "Kerry spoke with Mr Putin
            // at his residence": two officials speaking is an encounter (a call when the sentence
            // says so). The person must follow with only titles and nationalities between:
            // "spoke to reporters", "spoke to CNN's Jake Tapper" are interviews.
            // ("talks with" is the noun; "talk with" a verb only after a modal.)
            "spoke" | "speak" | "speaks" | "speaking" | "talked" | "talk"
                if matches!(next, "with" | "to")
                    && (w != "talk"
                        || matches!(prev, "will" | "would" | "could" | "may" | "might"))
                    && !is_in(&DEFINITE, prev)
                    && !matches!(prev, "a" | "an") =>
            {
                // An official: a title or honorific before the name, or an office after it ("He
                // also spoke with X, Director of ..."); "spoke to Tucker Carlson", "speaking to
                // Laura Kuenssberg" are interviews.
                let office_after = |j: usize| {
                    units.get(j + 1).is_some_and(|u| u.is_p(','))
                        && units.get(j + 2).is_some_and(|u| {
                            u.cap || u.is(EntityLabel::Norp) || u.is(EntityLabel::Gpe)
                        })
                };
                let person = person_after_title(
                    units,
                    i + 2,
                    6,
                    &[
                        "his",
                        "her",
                        "their",
                        "counterpart",
                        "the",
                        "of",
                        "then",
                        "former",
                    ],
                )
                .filter(|&j| j > i + 2 || office_after(j));
                if person.is_some() {
                    let phoned = units.iter().any(|u| {
                        u.is_wi(&[
                            "phone",
                            "telephone",
                            "telephonic",
                            "videoconference",
                            "videolink",
                        ])
                    });
                    let kind = if phoned {
                        MeetingKind::Call
                    } else {
                        MeetingKind::Talks
                    };
                    found = Some(verb(kind, i + 2, 0.5));
                }
            }
            "visited" | "visit" | "visits" | "visiting" => {
                let mut k = i + 1;
                if word(k) == "the" {
                    k += 1;
                }
                // "will next week visit", "will on Tuesday visit": the modal before the time.
                let mut before_time = i;
                if before_time > 0 && units[before_time - 1].is(EntityLabel::Date) {
                    before_time -= 1;
                    if before_time > 0 && word(before_time - 1) == "on" {
                        before_time -= 1;
                    }
                }
                let modal = |k: usize| {
                    matches!(word(k), "will" | "would" | "shall" | "may" | "might" | "to")
                };
                let modal_before_time =
                    before_time < i && before_time > 0 && modal(before_time - 1);
                // "will next visit Russia": an adverb after the modal.
                let modal_before_adverb = i >= 2
                    && matches!(
                        prev,
                        "next" | "also" | "then" | "later" | "soon" | "first" | "now"
                    )
                    && modal(i - 2);
                let verbal = w == "visited"
                    || modal_before_time
                    || modal_before_adverb
                    || matches!(
                        prev,
                        "to" | "will"
                            | "would"
                            | "shall"
                            | "may"
                            | "might"
                            | "could"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "also"
                            | "then"
                            | "later"
                            | "and"
                            | "last"
                            | "recently"
                            | "first"
                            | "had"
                            | "has"
                            | "have"
                            | "who"
                    )
                    || (i > 0
                        && (units[i - 1].is(EntityLabel::Person)
                            || matches!(prev, "he" | "she" | "they")));
                // "he was visited in the Historic Center by the president of Chile, X": X came to
                // meet him, a meeting between the two.
                let passive =
                    w == "visited" && matches!(prev, "was" | "were" | "been" | "being" | "be");
                if let Some(by) = passive_agent(units, i).filter(|_| passive) {
                    let mut t = verb(MeetingKind::Meeting, by + 1, 0.5);
                    t.form = Form::Base;
                    found = Some(t);
                } else if verbal && units.get(k).is_some_and(|u| u.is_place() && !u.poss) {
                    let mut t = verb(MeetingKind::Visit, i + 1, 0.6);
                    if w == "visiting" {
                        t.form = if matches!(prev, "is" | "are") {
                            Form::Present
                        } else {
                            Form::Gerund
                        };
                    }
                    found = Some(t);
                } else if verbal && person_visited(units, i + 1).is_some() {
                    // "visited Cuba's revolutionary leader and former President Fidel Castro on
                    // Sunday": a call on a person, a meeting with them.
                    let mut t = verb(MeetingKind::Meeting, i + 1, 0.5);
                    if w == "visiting" {
                        t.form = if matches!(prev, "is" | "are") {
                            Form::Present
                        } else {
                            Form::Gerund
                        };
                    }
                    found = Some(t);
                }
            }
            "arrived" | "arrive" | "arrives" | "arriving" | "travel" | "travels" | "traveled"
            | "travelled" | "traveling" | "travelling" | "fly" | "flies" | "flew" | "flying"
            | "headed" | "heads" | "was" | "is" | "were" | "are" | "been" | "landed" | "lands"
            | "land" | "stayed" | "stays" | "staying" | "expected" | "due" | "stopped"
            | "stops" | "stopping"
                if matches!(word(prep), "in" | "at" | "to")
                    && (word(prep) != "to"
                        || !(w.starts_with("arriv") || w.starts_with("land"))
                        || units.get(prep + 1).is_some_and(|u| u.is_place()))
                    && (!BEING.contains(&w) || next == "in")
                    && (!matches!(w, "expected" | "due") || matches!(prev, "is" | "are" | "was" | "were"))
                    // "had been in New York since Friday for talks with X": a perfect of being.
                    && (w != "been" || matches!(prev, "has" | "have" | "had")) =>
            {
                let place = (prep + 1..(prep + 7).min(n))
                    .take_while(|&k| !units[k].punct || units[k].is_p('-'))
                    .find(|&k| units[k].is_place());
                if let Some(p) = place {
                    // Only an arrival that starts a visit: "to start a visit", "on a visit".
                    // "was in Beijing for talks": a visit only with "for (a visit|talks)" right after.
                    let being = BEING.contains(&w);
                    // "is in London (this week) for talks", "had been in New York since Friday for
                    // talks": the "for" after the place or its date.
                    let date_at = |k: usize| units.get(k).is_some_and(|u| u.is(EntityLabel::Date));
                    let for_at = if date_at(p + 1) {
                        p + 2
                    } else if matches!(
                        word(p + 1),
                        "on" | "in" | "at" | "last" | "this" | "next" | "since"
                    ) && date_at(p + 2)
                    {
                        p + 3
                    } else {
                        p + 1
                    };
                    // "is in Beijing on the third leg of his four-nation tour", "is in Suva on an
                    // official visit": "on" leads to the journey's noun a little farther.
                    let on_journey = being && word(for_at) == "on";
                    let tail = p + 1
                        ..(for_at
                            + if on_journey {
                                10
                            } else if being {
                                6
                            } else {
                                15
                            })
                        .min(n);
                    let mut visit_at = None;
                    for k in tail {
                        if being {
                            if word(for_at) == "for"
                                && units[k].is_wi(&[
                                    "talks", "meetings", "visit", "visits", "trip", "trips",
                                ])
                            {
                                visit_at = Some(k);
                                break;
                            }
                            if on_journey && units[k].is_wi(&["visit", "trip", "tour"]) {
                                visit_at = Some(k);
                                break;
                            }
                            if units[k].is_p('.') || units[k].is_p(';') || units[k].is_p(',') {
                                break;
                            }
                            continue;
                        }
                        if units[k].is_wi(&["visit", "trip", "tour"]) {
                            let lead = (k.saturating_sub(6)..k).any(|m| {
                                matches!(
                                    word(m),
                                    "start"
                                        | "begin"
                                        | "kick"
                                        | "on"
                                        | "for"
                                        | "pay"
                                        | "make"
                                        | "starting"
                                        | "beginning"
                                )
                            });
                            if lead {
                                visit_at = Some(k);
                            }
                            break;
                        }
                        // "arrived in Beijing on Monday after his visits to Kabul and Tehran":
                        // the visits are earlier trips of their own.
                        if units[k].is_p('.')
                            || units[k].is_p(';')
                            || units[k].is_wi(&["after", "before", "following"])
                        {
                            break;
                        }
                    }
                    if let Some(v) = visit_at {
                        let mut t = verb(MeetingKind::Visit, p + 1, 0.55);
                        t.arrival = Some(p);
                        t.each = units[v].is_wi(&["visits", "trips"]);
                        // "was in London for talks with X": the talks are a meeting of their own.
                        consumed[v] = !units[v].is_wi(&["talks", "meetings"]);
                        found = Some(t);
                    } else if !being
                        && matches!(
                            w,
                            "arrived" | "travelled" | "traveled" | "flew" | "landed" | "stopped"
                        )
                        && (w != "stopped" || next == "over")
                        && (traveller_before(units, i)
                            || (w == "stopped" && i >= 2 && traveller_before(units, i - 1)))
                    {
                        // A named traveller's trip told by the journey alone ("Premier X flew to
                        // Cairo on Tuesday", "X arrived in Lima on Monday", "X has stopped over
                        // in Kiribati"; a stop on the way, "stopped in Tbilisi and met Y", is only
                        // where the meeting was): a visit.
                        let mut t = verb(MeetingKind::Visit, p + 1, 0.5);
                        t.arrival = Some(p);
                        found = Some(t);
                    }
                }
            }
            // "X is on a three-day official visit to Peru".
            "is" | "are" | "was" | "were" if next == "on" => {
                let noun = noun_after(units, i + 1, &["visit", "visits", "trip", "tour"])
                    .filter(|&j| !consumed[j]);
                if let Some(j) = noun {
                    consumed[j] = true;
                    let mut t = verb(MeetingKind::Visit, j + 1, 0.55);
                    t.noun = Some(j);
                    t.form = if matches!(w, "was" | "were") {
                        Form::Past
                    } else {
                        Form::Present
                    };
                    found = Some(t);
                }
            }
            "co-chaired" | "co-chair" | "co-chairs" | "co-chairing" | "cochaired" | "cochair"
            | "co-hosted" | "co-host" | "co-hosts"
                if !is_in(&DEFINITE, prev) && !matches!(prev, "a" | "an") =>
            {
                let mut t = verb(MeetingKind::Conference, i + 1, 0.6);
                // ", co-chaired by X": a participle; the status is the main clause's.
                if next == "by" {
                    t.form = if i > 0 && units[i - 1].is_p(',') {
                        Form::Gerund
                    } else {
                        Form::Base
                    };
                }
                found = Some(t);
            }
            // "a session ..., chaired by X" / "the session was chaired by X": a conference led by
            // X (not "X chaired a cabinet meeting", which is no encounter between parties).
            "chaired" if next == "by" && person_soon(units, i + 2, 10).is_some() => {
                let session = (i.saturating_sub(14)..i)
                    .rev()
                    .take_while(|&k| !is_stop_punct(&units[k]))
                    .any(|k| {
                        units[k].is_wi(&[
                            "session",
                            "sessions",
                            "meeting",
                            "committee",
                            "commission",
                            "council",
                            "forum",
                            "dialogue",
                            "conference",
                            "summit",
                        ])
                    });
                if session {
                    let mut t = verb(MeetingKind::Conference, i + 2, 0.5);
                    t.form = if i > 0 && units[i - 1].is_p(',') {
                        Form::Gerund
                    } else {
                        Form::Base
                    };
                    found = Some(t);
                }
            }
            // "sat down with X" meets X; "sat down for (official) talks with X" holds talks.
            "sat" | "sit" | "sits" | "sitting" if next == "down" => {
                if word(i + 2) == "with" && person_soon(units, i + 3, 10).is_some() {
                    found = Some(verb(MeetingKind::Meeting, i + 3, 0.55));
                } else if word(i + 2) == "for" {
                    let noun = noun_after(
                        units,
                        i + 2,
                        &["talks", "meeting", "meetings", "discussions"],
                    )
                    .filter(|&j| !consumed[j]);
                    if let Some(j) = noun {
                        consumed[j] = true;
                        let kind = if units[j].is_w("talks") || units[j].is_w("discussions") {
                            MeetingKind::Talks
                        } else {
                            MeetingKind::Meeting
                        };
                        let mut t = verb(kind, j + 1, 0.6);
                        t.noun = Some(j);
                        found = Some(t);
                    }
                }
            }
            "led" | "lead" | "leads" | "leading" | "headed" | "head" | "heads" | "heading" => {
                if let Some(d) = noun_after(units, i, &GROUP_WORDS) {
                    let after = d + 1;
                    let attends = matches!(word(after), "attending" | "at" | "in")
                        || (word(after) == "to" && word(after + 1) == "attend");
                    let to_place =
                        word(after) == "to" && units.get(after + 1).is_some_and(|u| u.is_place());
                    if attends {
                        found = Some(verb(MeetingKind::Conference, after + 1, 0.5));
                    } else if to_place {
                        found = Some(verb(MeetingKind::Visit, after + 1, 0.5));
                    }
                }
            }
            "held" | "hold" | "holds" | "holding" | "had" | "have" | "has" | "having"
            | "conducted" | "conduct" | "conducts" | "paid" | "pay" | "pays" | "paying"
            | "made" | "make" | "makes" | "making" | "attended" | "attend" | "attends"
            | "attending" | "began" | "opened" | "resumed" | "concluded" | "wrapped"
            | "concludes" | "concluding" | "wraps" | "wrapping" | "wound" | "winds" | "winding"
            | "completed" | "completes" | "ending" | "begin" | "begins" | "beginning"
            | "started" | "start" | "starts" | "starting" | "undertook" | "undertake"
            | "undertakes" | "ended" | "ends" | "cancelled" | "canceled" | "cancel" | "cancels"
            | "postponed" | "postpone" | "postpones" | "scrapped" | "delayed" | "cut"
            | "kicked" | "kicks" | "kick" | "called" | "calls" | "call" | "calling" => {
                static PAY: LazyLock<Vec<&str>> = words!("meetings/pay_verbs.txt");
                static VISIT_ONLY: LazyLock<Vec<&str>> = words!("meetings/visit_only_verbs.txt");
                let nouns: &[&str] = if is_in(&PAY, w) {
                    &["visit", "visits", "trip", "call", "calls"]
                } else if is_in(&VISIT_ONLY, w)
                    || matches!(w, "called" | "calls" | "call" | "calling")
                {
                    &["visit", "visits", "trip", "tour"]
                } else if matches!(
                    w,
                    "began"
                        | "concluded"
                        | "wrapped"
                        | "concludes"
                        | "concluding"
                        | "wraps"
                        | "wrapping"
                ) {
                    &[
                        "talks",
                        "meeting",
                        "summit",
                        "conversation",
                        "call",
                        "conference",
                        "videoconference",
                        "visit",
                        "visits",
                        "trip",
                        "tour",
                    ]
                } else {
                    // "held negotiations with X": talks only after a verb of holding (below).
                    &[
                        "talks",
                        "talk",
                        "consultations",
                        "negotiations",
                        "negotiation",
                        "meeting",
                        "meetings",
                        "summit",
                        "conversation",
                        "call",
                        "conference",
                        "videoconference",
                    ]
                };
                // "called off a visit": the verb is two words.
                let call_off = matches!(w, "called" | "calls" | "call" | "calling");
                // "wrapped up a visit", "kicked off a tour", "cut short a trip": a particle.
                let particle = !call_off && matches!(next, "up" | "off" | "short");
                let mut from = if call_off || particle { i + 1 } else { i };
                // "has canceled at the last minute an official trip": an adverbial between.
                for phrase in [
                    &["at", "the", "last", "minute"][..],
                    &["at", "short", "notice"],
                    &["at", "the", "eleventh", "hour"],
                ] {
                    if phrase
                        .iter()
                        .enumerate()
                        .all(|(k, p)| word(from + 1 + k) == *p)
                    {
                        from += phrase.len();
                    }
                }
                let noun = if call_off && next != "off" {
                    None
                } else {
                    // "calls" only as courtesy calls: "made phone calls to X" is calls, "made
                    // repeated calls on X to halt" urging.
                    noun_after(units, from, nouns)
                        .filter(|&j| !consumed[j])
                        .filter(|&j| {
                            !units[j].is_w("calls") || (j > 0 && units[j - 1].is_w("courtesy"))
                        })
                };
                // "had lunch with X", "held a working dinner with X": a meal with someone.
                let meal = if noun.is_none()
                    && matches!(
                        w,
                        "had" | "has" | "have" | "having" | "held" | "hold" | "holds"
                    ) {
                    noun_after(units, i, &["lunch", "dinner", "breakfast", "luncheon"]).filter(
                        |&j| {
                            !consumed[j]
                                && word(j + 1) == "with"
                                && person_soon(units, j + 2, 8).is_some()
                        },
                    )
                } else {
                    None
                };
                let noun = noun.or(meal);
                if let Some(j) = noun {
                    let kind = if is_in(&PAY, w) {
                        // "paid a courtesy call on X" meets X; "paid a visit to Y" visits Y.
                        let courtesy = j > 0 && units[j - 1].is_w("courtesy");
                        if units[j].is_wi(&["call", "calls"])
                            && (matches!(word(j + 1), "on" | "upon") || courtesy)
                        {
                            Some(MeetingKind::Meeting)
                        } else {
                            Some(MeetingKind::Visit)
                        }
                    } else if Some(j) == meal {
                        Some(MeetingKind::Meeting)
                    } else if units[j].is_wi(&["negotiations", "negotiation"]) {
                        // "held the eighth round of negotiations": talks; the noun alone, or
                        // after "began" or "had", is a process, not an encounter.
                        matches!(
                            w,
                            "held"
                                | "hold"
                                | "holds"
                                | "holding"
                                | "conducted"
                                | "conduct"
                                | "conducts"
                        )
                        .then_some(MeetingKind::Talks)
                    } else {
                        noun_kind(units, j)
                    };
                    // "begin talks on a protocol" is a negotiation, not a meeting.
                    let negotiation =
                        matches!(w, "began" | "opened" | "resumed") && word(j + 1) == "on";
                    if let (Some(kind), false) = (kind, negotiation) {
                        consumed[j] = true;
                        found = Some(Trigger {
                            kind,
                            head: i,
                            core_end: j + 1,
                            noun: Some(j),
                            form: verb_form(w),
                            arrival: None,
                            strength: if kind == MeetingKind::Visit || kind == MeetingKind::Talks {
                                0.6
                            } else {
                                0.55
                            },
                            // "attended the meeting of the council": the attendee's, not a
                            // meeting of theirs; "attended a meeting with X" is.
                            has_subject: !matches!(
                                w,
                                "attended" | "attend" | "attends" | "attending"
                            ) || kind == MeetingKind::Conference
                                || word(j + 1) == "with",
                            each: false,
                        });
                    }
                }
            }
            _ => {}
        }
        if found.is_none() {
            if let Some(kind) = noun_kind(units, i) {
                // "begin talks on", "talks on a protocol" after "agreed to": negotiations.
                let negotiation = kind == MeetingKind::Talks
                    && (matches!(
                        prev,
                        "begin" | "start" | "launch" | "resume" | "negotiate" | "hold"
                    ) && word(i + 1) == "on");
                // "told a news conference" is no meeting; "a joint news conference with X" is.
                let press = matches!(prev, "news" | "press") && !joint_press(units, i);
                if !negotiation && !press {
                    found = Some(Trigger {
                        kind,
                        head: i,
                        core_end: i + 1,
                        noun: Some(i),
                        form: Form::Noun,
                        arrival: None,
                        strength: 0.5,
                        has_subject: false,
                        each: false,
                    });
                }
            }
        }
        if let Some(t) = found {
            out.push(t);
        }
        i += 1;
    }
    out
}
