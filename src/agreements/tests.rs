use super::*;
use crate::segment::{RuleSegmenter, Segmenter};

/// A document from marked-up text ("[China|GPE] and [Vietnam|GPE] signed ..."), segmented,
/// with dates and people resolved as the pipeline does.
fn doc_at(marked: &str, published: Option<&str>) -> Document {
    let mut d = crate::marked::document(marked);
    d.published = published.map(str::to_string);
    crate::dates::annotate(&mut d);
    crate::people::annotate(&mut d);
    d
}

fn records_at(marked: &str, published: &str) -> Vec<Agreement> {
    extract(&doc_at(marked, Some(published)))
}

fn records(marked: &str) -> Vec<Agreement> {
    records_at(marked, "2024-07-10")
}

fn one(marked: &str) -> Agreement {
    let rs = records(marked);
    assert_eq!(rs.len(), 1, "{marked}\n{rs:#?}");
    rs.into_iter().next().unwrap()
}

fn parties(a: &Agreement) -> Vec<&str> {
    a.parties.iter().map(|p| p.name.as_str()).collect()
}

fn signatories(a: &Agreement) -> Vec<&str> {
    a.signatories.iter().map(|p| p.name.as_str()).collect()
}

/// The records' kinds, in a fixed order.
fn sorted_kinds(rs: &[Agreement]) -> Vec<AgreementKind> {
    let mut kinds: Vec<AgreementKind> = rs.iter().map(|a| a.kind).collect();
    kinds.sort_by_key(|k| format!("{k:?}"));
    kinds
}

fn date(a: &Agreement) -> Option<String> {
    a.date
        .as_ref()
        .and_then(|d| d.value.as_ref())
        .map(|v| v.iso())
}

#[test]
fn memorandum_between_countries_with_subject_place_and_date() {
    // 2024-04-10 is a Wednesday: "on Monday" in a past clause is 2024-04-08.
    let rs = records_at(
        "[China|GPE] and [Vietnam|GPE] signed a memorandum of understanding on the establishment of a hotline \
         between the two navies in [Beijing|GPE] on [Monday|DATE].",
        "2024-04-10",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    let a = &rs[0];
    assert_eq!(a.kind, AgreementKind::MemorandumOfUnderstanding);
    assert_eq!(a.status, AgreementStatus::Signed);
    assert_eq!(parties(a), ["China", "Vietnam"]);
    assert!(a.parties.iter().all(|p| p.kind == PartyType::Country));
    assert_eq!(
        a.subject.as_deref(),
        Some("establishment of a hotline between the two navies")
    );
    assert_eq!(
        a.location,
        Some(Location {
            name: "Beijing".into(),
            country: Some("China".into())
        })
    );
    assert_eq!(date(a).as_deref(), Some("2024-04-08"));
    assert_eq!(a.date.as_ref().unwrap().text, "Monday");
    assert!(a.id.is_empty());
    assert_eq!(a.sources.len(), 1);
    assert_eq!(a.sources[0].start, 0);
    assert!(a.sources[0]
        .sentence
        .starts_with("China and Vietnam signed"));
    assert!((0.0..=1.0).contains(&a.confidence));
    assert_eq!((a.confidence * 100.0).round() / 100.0, a.confidence);
}

#[test]
fn each_kind() {
    let cases = [
        (
            "[Japan|GPE] and [India|GPE] signed a treaty on extradition.",
            AgreementKind::Treaty,
        ),
        (
            "[Japan|GPE] and [India|GPE] issued a joint communique on trade.",
            AgreementKind::JointStatement,
        ),
        (
            "[Japan|GPE] and [India|GPE] issued a joint statement on trade.",
            AgreementKind::JointStatement,
        ),
        (
            "[Japan|GPE] and [India|GPE] signed a protocol on customs cooperation.",
            AgreementKind::Protocol,
        ),
        (
            "[Japan|GPE] and [India|GPE] adopted a joint declaration on maritime security.",
            AgreementKind::Declaration,
        ),
        (
            "[Japan|GPE] and [India|GPE] signed a declaration on maritime security.",
            AgreementKind::Declaration,
        ),
        (
            "[Japan|GPE] and [India|GPE] upgraded ties to a comprehensive strategic partnership.",
            AgreementKind::Partnership,
        ),
        (
            "[Japan|GPE] and [India|GPE] inked an MoU on railways.",
            AgreementKind::MemorandumOfUnderstanding,
        ),
        (
            "[Japan|GPE] and [India|GPE] signed a memorandum on railways.",
            AgreementKind::MemorandumOfUnderstanding,
        ),
        (
            "[Japan|GPE] and [India|GPE] signed an agreement on fisheries.",
            AgreementKind::Agreement,
        ),
        (
            "[Japan|GPE] and [India|GPE] struck a deal on rare earths.",
            AgreementKind::Agreement,
        ),
        (
            "[Japan|GPE] and [India|GPE] signed an accord on water sharing.",
            AgreementKind::Agreement,
        ),
        (
            "[Japan|GPE] and [India|GPE] sealed a defence pact.",
            AgreementKind::Agreement,
        ),
        (
            "[Japan|GPE] and [India|GPE] signed a comprehensive economic partnership agreement.",
            AgreementKind::Agreement,
        ),
        (
            "[Airbus|ORG] signed a contract with [Vietjet|ORG] to supply 20 aircraft.",
            AgreementKind::Contract,
        ),
    ];
    for (text, kind) in cases {
        let a = one(text);
        assert_eq!(a.kind, kind, "{text}");
        assert_eq!(a.status, AgreementStatus::Signed, "{text}");
    }
}

#[test]
fn a_deal_to_buy_is_a_contract_between_buyer_and_maker() {
    let a = one(
        "A deal for [Vietnam Airlines|ORG] to buy 50 Boeing 737 MAX jets, worth about $7.8 billion, is to be signed \
         in [Hanoi|GPE] on [Monday|DATE], according to a person familiar with the matter.",
    );
    assert_eq!(a.kind, AgreementKind::Contract);
    assert_eq!(a.status, AgreementStatus::Planned);
    assert_eq!(parties(&a), ["Vietnam Airlines", "Boeing"]);
    assert!(a.parties.iter().all(|p| p.kind == PartyType::Organization));
    assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Hanoi"));
    // Published on Wednesday 2024-07-10: the coming Monday.
    assert_eq!(date(&a).as_deref(), Some("2024-07-15"));
}

#[test]
fn signed_statuses() {
    for text in [
        "[Japan|GPE] and [India|GPE] signed an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] inked an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] signed off on an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] concluded an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] exchanged an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] adopted an agreement on fisheries.",
        "The two prime ministers of [Japan|GPE] and [India|GPE] witnessed the signing of an agreement on fisheries.",
        "An agreement on fisheries between [Japan|GPE] and [India|GPE] was signed on [Monday|DATE].",
        "An agreement on fisheries between [Japan|GPE] and [India|GPE] has been signed.",
        "The agreement on fisheries between [Japan|GPE] and [India|GPE] entered into force on [Monday|DATE].",
        "[India|GPE]'s signing of an agreement on fisheries with [Japan|GPE] surprised analysts.",
    ] {
        let a = one(text);
        assert_eq!(a.status, AgreementStatus::Signed, "{text}");
        assert_eq!(a.kind, AgreementKind::Agreement, "{text}");
        let mut ps = parties(&a);
        ps.sort();
        assert_eq!(ps, ["India", "Japan"], "{text}");
        assert_eq!(a.subject.as_deref(), Some("fisheries"), "{text}");
    }
}

#[test]
fn planned_statuses() {
    for text in [
        "An agreement on fisheries between [Japan|GPE] and [India|GPE] is to be signed next month.",
        "An agreement on fisheries between [Japan|GPE] and [India|GPE] will be signed next month.",
        "An agreement on fisheries between [Japan|GPE] and [India|GPE] is due to be signed next month.",
        "[Japan|GPE] and [India|GPE] will sign an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] are expected to sign an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] are due to sign an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] plan to sign an agreement on fisheries.",
        // A time between the modal and the verb.
        "[Japan|GPE] will this week sign an agreement on fisheries with [India|GPE].",
        "[Japan|GPE] and [India|GPE] will on Tuesday sign an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] will later this month sign an agreement on fisheries.",
    ] {
        let a = one(text);
        assert_eq!(a.status, AgreementStatus::Planned, "{text}");
        assert_eq!(parties(&a).len(), 2, "{text}");
    }
}

#[test]
fn discussed_statuses() {
    for text in [
        "[Japan|GPE] and [India|GPE] agreed to negotiate an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] agreed to work towards the signing of an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] agreed to accelerate work towards the signing of an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] agreed to work towards a fisheries agreement at an early date.",
        "[Japan|GPE] and [India|GPE] discussed an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] explored a possible agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] agreed to begin talks on an agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] held negotiations on an agreement on fisheries.",
    ] {
        let a = one(text);
        assert_eq!(a.status, AgreementStatus::Discussed, "{text}");
        assert_eq!(parties(&a).len(), 2, "{text}");
    }
}

#[test]
fn signatories_are_the_signers_not_the_witnesses() {
    let a = one("[Japanese|NORP] Foreign Minister [Yoko Kamikawa|PERSON] and [Philippine|NORP] Defence Secretary \
         [Gilberto Teodoro|PERSON] signed a defence pact in [Manila|GPE], with President [Ferdinand Marcos Jr.|PERSON] \
         witnessing the signing.");
    assert_eq!(signatories(&a), ["Yoko Kamikawa", "Gilberto Teodoro"]);
    assert_eq!(a.signatories[0].role.as_deref(), Some("Foreign Minister"));
    assert_eq!(a.signatories[0].country.as_deref(), Some("Japan"));
    assert_eq!(parties(&a), ["Japan", "Philippines"]);
    assert_eq!(
        a.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("Philippines")
    );

    let a =
        one("The agreement on fisheries was signed by [Japanese|NORP] Foreign Minister [Yoko Kamikawa|PERSON] and \
         [Indian|NORP] Foreign Minister [Subrahmanyam Jaishankar|PERSON].");
    assert_eq!(
        signatories(&a),
        ["Yoko Kamikawa", "Subrahmanyam Jaishankar"]
    );
    assert_eq!(parties(&a), ["Japan", "India"]);

    let a = one(
        "[Kazakh|NORP] President [Kassym-Jomart Tokayev|PERSON] and [Vietnamese|NORP] President [Luong Cuong|PERSON] \
         witnessed the signing of a memorandum of understanding on agriculture.",
    );
    assert!(a.signatories.is_empty(), "{a:#?}");
    assert_eq!(parties(&a), ["Kazakhstan", "Vietnam"]);
}

#[test]
fn leaders_who_sign_give_their_countries() {
    let a = one(
        "The talks follow up on commitments made when [North Korean|NORP] leader [Kim Jong Un|PERSON] and [South Korean|NORP] \
         President [Moon Jae-in|PERSON] met at [Panmunjom|GPE] on [April 27|DATE] and signed the Panmunjom Declaration, \
         in which they pledged to work for denuclearisation.",
    );
    assert_eq!(a.kind, AgreementKind::Declaration);
    assert_eq!(a.title.as_deref(), Some("Panmunjom Declaration"));
    assert_eq!(parties(&a), ["North Korea", "South Korea"]);
    assert_eq!(signatories(&a), ["Kim Jong Un", "Moon Jae-in"]);
    assert_eq!(date(&a).as_deref(), Some("2024-04-27"));
    assert_eq!(
        a.location.as_ref().map(|l| l.name.as_str()),
        Some("Panmunjom")
    );
}

#[test]
fn demonyms_organisations_and_people_as_parties() {
    let a =
        one("[Vietnamese|NORP] and [Chinese|NORP] officials signed an agreement on border trade.");
    assert_eq!(parties(&a), ["Vietnam", "China"]);

    let a =
        one("[Vietnam Airlines|ORG] and [Boeing|ORG] signed a contract for engine maintenance.");
    assert_eq!(parties(&a), ["Vietnam Airlines", "Boeing"]);
    assert!(a.parties.iter().all(|p| p.kind == PartyType::Organization));

    // A state organ stands for its country.
    let a = one("The [Vietnamese Defence Ministry|ORG] and [Japan|GPE] signed a memorandum on cyber security.");
    assert_eq!(parties(&a), ["Vietnam", "Japan"]);
    let a = one("[Kenya|GPE] signed an agreement with [Norway|GPE]'s [Ministry of Energy|ORG] on hydropower.");
    assert_eq!(parties(&a), ["Kenya", "Norway"]);

    // A country word before a company names the company, on either side of the verb.
    let a = one("[Lithuania|GPE] signed a contract with [Sweden|GPE]'s [Saab|ORG] on air defence.");
    assert_eq!(parties(&a), ["Lithuania", "Saab"]);
    let a = one(
        "[Kenya|GPE] signed an agreement with [Norwegian|NORP] firm [Statkraft|ORG] on hydropower.",
    );
    assert_eq!(parties(&a), ["Kenya", "Statkraft"]);

    // People are parties only when nothing names a country or an organisation.
    let a = one("[Ana Lopez|PERSON] and [Ben Carter|PERSON] signed a contract on film rights.");
    assert_eq!(parties(&a), ["Ana Lopez", "Ben Carter"]);
    assert!(a.parties.iter().all(|p| p.kind == PartyType::Person));
    assert_eq!(signatories(&a), ["Ana Lopez", "Ben Carter"]);

    // A bloc is one party.
    let a = one(
        "The [European Union|ORG] signed a free trade agreement with [Vietnam|GPE] in [2019|DATE].",
    );
    assert_eq!(parties(&a), ["European Union", "Vietnam"]);
    assert_eq!(a.parties[0].kind, PartyType::Organization);
    assert_eq!(date(&a).as_deref(), Some("2019"));
}

#[test]
fn a_time_of_its_own_that_cannot_be_pinned_down_borrows_no_date() {
    // No publication date: "Last April" names no day, and the contract's October is not the
    // memorandum's.
    let rs = extract(&doc_at(
        "[Saab|ORG] signed a contract with [Brazil|GPE] in [October 2014|DATE]. [Last April|DATE], [Embraer|ORG] and \
         [Saab|ORG] signed a memorandum of understanding on joint production.",
        None,
    ));
    let mou = rs
        .iter()
        .find(|a| a.kind == AgreementKind::MemorandumOfUnderstanding)
        .expect("memorandum");
    assert_eq!(date(mou), None);
    let contract = rs
        .iter()
        .find(|a| a.kind == AgreementKind::Contract)
        .expect("contract");
    assert_eq!(date(contract).as_deref(), Some("2014-10"));
}

#[test]
fn a_news_agency_is_no_state_organ_and_its_credit_no_party() {
    let rs = records("An agreement on border trade was signed in [Vientiane|GPE] on Monday, the [Vietnam News Agency|ORG] reported.");
    assert!(rs.iter().all(|a| a.parties.is_empty()), "{rs:#?}");
    let a =
        one("[Laos|GPE] signed a trade agreement with [Cambodia|GPE], according to [Kyodo|ORG].");
    assert_eq!(parties(&a), ["Laos", "Cambodia"]);
    // Signing for itself, a news agency is a party in its own name, not its country.
    let a = one(
        "The [Vietnam News Agency|ORG] signed a cooperation agreement with [Prensa Latina|ORG].",
    );
    assert_eq!(parties(&a), ["Vietnam News Agency", "Prensa Latina"]);
}

#[test]
fn the_gathering_a_document_was_signed_at_is_no_party() {
    let a = one(
        "Meeting on the sidelines of the [UN General Assembly|ORG], the two leaders, Prime Minister [Ana Soto|PERSON] of \
         [Laos|GPE] and Prime Minister [Luis Vega|PERSON] of [Cambodia|GPE], issued a joint statement.",
    );
    assert_eq!(parties(&a), ["Laos", "Cambodia"]);
    let a = one(
        "[Laos|GPE] and [Cambodia|GPE] signed a trade agreement during the [ASEAN|ORG] summit.",
    );
    assert_eq!(parties(&a), ["Laos", "Cambodia"]);
}

#[test]
fn the_two_sides_resolve_to_the_countries_named_before() {
    let rs = records_at(
        "[Chinese|NORP] Vice Premier [Ding Xuexiang|PERSON] held talks with his [Vietnamese|NORP] counterpart \
         [Tran Luu Quang|PERSON] in [Hanoi|GPE] on [Wednesday|DATE]. The two deputy prime ministers reviewed cooperation \
         since [Chinese|NORP] President [Xi Jinping|PERSON]'s visit to [Hanoi|GPE] in [December|DATE]. They agreed to \
         accelerate work towards the signing of an agreement on a standard-gauge railway, according to a statement \
         from the [Vietnamese|NORP] government.",
        "2024-03-29",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    let a = &rs[0];
    assert_eq!(a.status, AgreementStatus::Discussed);
    assert_eq!(parties(a), ["China", "Vietnam"]);
    // The date and place of the talks, not of the visit mentioned in passing.
    assert_eq!(date(a).as_deref(), Some("2024-03-27"));
    assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Hanoi"));
    assert_eq!(a.subject.as_deref(), Some("standard-gauge railway"));

    // In the same sentence: "X congratulated Y, and the two leaders agreed ...".
    let a =
        one("[South Korean|NORP] President [Lee Jae-myung|PERSON] had a phone conversation with [U.S.|GPE] President \
         [Donald Trump|PERSON] [last week|DATE]. [Trump|PERSON] congratulated [Lee|PERSON] on his victory, and the two \
         leaders agreed to work towards a tariff agreement at [an early date|DATE].");
    assert_eq!(parties(&a), ["United States", "South Korea"]);
    assert_eq!(date(&a).as_deref(), Some("2024-07-01/2024-07-07"));
    assert_eq!(a.location, None);
}

#[test]
fn pointers_to_an_earlier_event_give_its_date_and_place() {
    // "on the sidelines of the forum": the forum's dates, not the nearer call.
    let rs = records_at(
        "From [April 11 to 12|DATE], Foreign Minister [Cho Tae-yul|PERSON] and [Kazakh|NORP] Foreign Minister \
         [Murat Nurtleu|PERSON] will co-chair the cooperation forum in [Seoul|GPE], the ministry said [Tuesday|DATE]. \
         [Nurtleu|PERSON] is due to call on Prime Minister [Han Duck-soo|PERSON] in [Seoul|GPE] on [April 11|DATE]. \
         A memorandum of understanding between the two countries on critical minerals is to be signed on the sidelines \
         of the forum. Trade between [South Korea|GPE] and [Kazakhstan|GPE] is growing, and [South Korea|GPE] wants \
         more lithium from [Kazakhstan|GPE].",
        "2024-04-09",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    let a = &rs[0];
    assert_eq!(a.status, AgreementStatus::Planned);
    assert_eq!(date(a).as_deref(), Some("2024-04-11/2024-04-12"));
    assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Seoul"));
    assert_eq!(a.subject.as_deref(), Some("critical minerals"));
    let mut ps = parties(a);
    ps.sort();
    assert_eq!(ps, ["Kazakhstan", "South Korea"]);

    // "During the exchange": the exchange's dates; places in two countries make no place.
    let a = one(
        "From [April 11 to 12|DATE], [China|GPE] and [Vietnam|GPE] held a border friendship exchange in [Hekou county|GPE], \
         [Yunnan Province|GPE], and [Lao Cai|GPE] of [Vietnam|GPE]. During the exchange, the two sides signed a memorandum \
         of understanding on a naval hotline.",
    );
    assert_eq!(date(&a).as_deref(), Some("2024-04-11/2024-04-12"));
    assert_eq!(a.location, None);
    assert_eq!(parties(&a), ["China", "Vietnam"]);
}

#[test]
fn a_dateline_places_the_lead_sentence() {
    let a = one(
        "MANILA, July 8 (Reuters) - [Japan|GPE] and the [Philippines|GPE] signed a reciprocal access agreement on [Monday|DATE].",
    );
    assert_eq!(
        a.location,
        Some(Location {
            name: "Manila".into(),
            country: Some("Philippines".into())
        })
    );
    assert_eq!(date(&a).as_deref(), Some("2024-07-08"));
    assert!(!a.sources[0].sentence.is_empty());
}

#[test]
fn a_value_between_the_noun_and_its_counterpart_hides_no_party() {
    for text in [
        "[India|GPE]'s defence ministry signed a contract of 13,500 crore rupees with [Hindustan Aeronautics|ORG] for 12 jets.",
        "[India|GPE] signed a contract worth $2 billion with [Hindustan Aeronautics|ORG] for 12 jets.",
        "[India|GPE] signed a contract valued at about 1.2 billion euros with [Hindustan Aeronautics|ORG].",
    ] {
        let a = one(text);
        assert_eq!(parties(&a), ["India", "Hindustan Aeronautics"], "{text}");
    }
}

#[test]
fn a_minister_and_his_counterpart_of_one_country_sign_for_the_story_s_two() {
    let a = records(
        "[Romania|GPE] and the [United Arab Emirates|GPE] agreed to expand trade. Energy Minister [Virgil Popescu|PERSON] \
         and his counterpart of the [United Arab Emirates|GPE] [Suhail Al Mazrouei|PERSON] signed on [Monday|DATE] a \
         memorandum of understanding on energy.",
    );
    let mou = a
        .iter()
        .find(|a| a.kind == AgreementKind::MemorandumOfUnderstanding)
        .expect("memorandum");
    let mut got = parties(mou);
    got.sort();
    assert_eq!(got, ["Romania", "United Arab Emirates"]);
}

#[test]
fn a_bare_organ_in_a_story_of_one_country_signs_for_it() {
    let text = "NEW DELHI: [Defence Ministry|ORG] on Thursday signed a contract with [Hindustan Aeronautics|ORG] for \
                12 aircraft. The supply will strengthen the [Indian|NORP] air force.";
    let a = one(&text.replace("NEW DELHI", "[NEW DELHI|GPE]"));
    assert_eq!(parties(&a), ["India", "Hindustan Aeronautics"]);
    // In a story of two countries the organ's country is not told: it stays as named.
    let a = one("[Japan|GPE] and [India|GPE] held talks. [Defence Ministry|ORG] signed a contract with [Hindustan \
                 Aeronautics|ORG] for 12 aircraft.");
    assert!(
        parties(&a).contains(&"Defence Ministry"),
        "{:?}",
        parties(&a)
    );
    // A firm whose name holds a state word is no organ.
    let a = one("[India|GPE] signed a contract with [Kongsberg Defence|ORG] for missiles.");
    assert_eq!(parties(&a), ["India", "Kongsberg Defence"]);
}

#[test]
fn a_passive_relative_signs_the_document_it_follows() {
    let a = one(
        "[Rabuka|PERSON] told parliament about the memorandum on development cooperation between [Fiji|GPE] and \
         [Vanuatu|GPE], which was signed by him and [Jotham Napat|PERSON] in [Honiara|GPE].",
    );
    assert_eq!(parties(&a), ["Fiji", "Vanuatu"]);
    assert_eq!(a.status, AgreementStatus::Signed);
}

#[test]
fn a_dateline_abroad_places_no_signing_of_other_countries() {
    // Filed from Mexico City about Chile and Brazil: no signing there.
    let a = one("MEXICO CITY, Aug 6 (Reuters) -- [Chile|GPE] and [Brazil|GPE] signed 12 agreements on energy, the government said.");
    assert_eq!(a.location, None);
    // Filed from a city of one of the parties: there.
    let a = one("SANTIAGO, Aug 6 (Reuters) -- [Chile|GPE] and [Brazil|GPE] signed 12 agreements on energy, the government said.");
    assert_eq!(
        a.location.as_ref().map(|l| l.name.as_str()),
        Some("Santiago")
    );
}

#[test]
fn a_visit_with_its_visitor_named_places_the_signing_over_the_dateline() {
    let a = one(
        "LIMA, Aug 6 (Reuters) -- [Chile|GPE] and [Brazil|GPE] signed 12 agreements during the state visit of [Brazilian|NORP] \
         President [Lula da Silva|PERSON] to [Santiago|GPE].",
    );
    assert_eq!(
        a.location.as_ref().map(|l| l.name.as_str()),
        Some("Santiago")
    );
    // An abbreviation in capitals stays one.
    let a =
        one("[Kenya|GPE] and the [UK|GPE] signed a defence cooperation agreement in the [UK|GPE] on [Monday|DATE].");
    assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("UK"));
}

#[test]
fn a_page_date_stuck_before_the_first_sentence_dates_no_event() {
    let a = one("[2024-07-10|DATE] [Japan|GPE] and the [Philippines|GPE] will sign a reciprocal access agreement.");
    assert_eq!(date(&a), None);
    // Written in the prose, it does.
    let a = one("[Japan|GPE] and the [Philippines|GPE] will sign a reciprocal access agreement on [2024-07-12|DATE].");
    assert_eq!(date(&a).as_deref(), Some("2024-07-12"));
}

#[test]
fn an_organisation_cut_after_a_joining_word_is_no_party() {
    let a = one("The Department of [Trade and|ORG] Industry and [Mitsui|ORG] signed a memorandum of understanding.");
    assert_eq!(parties(&a), ["Mitsui"]);
}

#[test]
fn a_phrase_fronted_before_the_subject_names_no_party() {
    let a =
        one("Amid tension with [Russia|GPE], [Moldova|GPE] signed a defence deal with [Romania|GPE] in [April|DATE].");
    assert_eq!(parties(&a), ["Moldova", "Romania"]);
    let a = one("In [Beijing|GPE], [China|GPE] and [Laos|GPE] signed a rail agreement.");
    assert_eq!(parties(&a), ["China", "Laos"]);
}

#[test]
fn titles_are_proper_names() {
    let a = one("[Japan|GPE] and the [Philippines|GPE] signed the Reciprocal Access Agreement on [Monday|DATE].");
    assert_eq!(a.title.as_deref(), Some("Reciprocal Access Agreement"));
    assert_eq!(a.subject, None);

    let a = one("[Timor-Leste|GPE] signed the Treaty of Amity and Cooperation in Southeast Asia with [Brazil|GPE].");
    assert_eq!(a.kind, AgreementKind::Treaty);
    assert_eq!(
        a.title.as_deref(),
        Some("Treaty of Amity and Cooperation in Southeast Asia")
    );

    // A kind's own name is no title.
    let a = one("[Japan|GPE] and [India|GPE] signed a Memorandum of Understanding on railways.");
    assert_eq!(a.title, None);
    assert_eq!(a.subject.as_deref(), Some("railways"));

    // A quoted name that is signed is an agreement, whatever its last word.
    let a = one(
        "[Vietnam|GPE]’s signing of the “[U.S.|GPE]-[Vietnam|GPE] Comprehensive Strategic Partnership Economic Dialogue \
         ([CSPED|ORG])” with the [United States|GPE] on [June 25|DATE] drew attention.",
    );
    assert_eq!(a.kind, AgreementKind::Agreement);
    assert_eq!(
        a.title.as_deref(),
        Some("U.S.-Vietnam Comprehensive Strategic Partnership Economic Dialogue")
    );
    assert_eq!(parties(&a), ["Vietnam", "United States"]);

    // "partnership" in a trade agreement's name is no partnership; a bracketed acronym is skipped.
    let a = one("The comprehensive economic partnership agreement ([CEPA|ORG]) between [Indonesia|GPE] and the \
         [European Union|ORG] is to be signed in [Bali|GPE] on [Tuesday|DATE], the minister said on [Monday|DATE].");
    assert_eq!(a.kind, AgreementKind::Agreement);
    assert_eq!(a.status, AgreementStatus::Planned);
    assert_eq!(parties(&a), ["Indonesia", "European Union"]);
    assert_eq!(date(&a).as_deref(), Some("2024-07-16"));
    assert_eq!(
        a.location,
        Some(Location {
            name: "Bali".into(),
            country: Some("Indonesia".into())
        })
    );
}

#[test]
fn a_named_agreement_in_force_and_a_dated_background_statement() {
    let rs = records_at(
        "Looking at the joint statement between [Vietnam|GPE] and [China|GPE] in [2023|DATE], many documents were signed. \
         Strictly implement the “Agreement on basic principles guiding the settlement of maritime issues between \
         [Vietnam|GPE] and [China|GPE]”.",
        "2024-09-01",
    );
    assert_eq!(rs.len(), 2, "{rs:#?}");
    assert_eq!(
        (rs[0].kind, rs[0].status),
        (AgreementKind::JointStatement, AgreementStatus::Signed)
    );
    assert_eq!(date(&rs[0]).as_deref(), Some("2023"));
    assert_eq!(parties(&rs[0]), ["Vietnam", "China"]);
    assert_eq!(
        (rs[1].kind, rs[1].status),
        (AgreementKind::Agreement, AgreementStatus::Signed)
    );
    assert_eq!(
        rs[1].title.as_deref(),
        Some("Agreement on basic principles guiding the settlement of maritime issues between Vietnam and China")
    );
    assert_eq!(
        rs[1].subject.as_deref(),
        Some(
            "basic principles guiding the settlement of maritime issues between Vietnam and China"
        )
    );
    assert_eq!(parties(&rs[1]), ["Vietnam", "China"]);
    assert_eq!(rs[1].date, None);
}

#[test]
fn a_joint_statement_and_the_partnership_it_sets_up_are_two_records() {
    let rs = records_at(
        "[U.S.|GPE] President [Joe Biden|PERSON] arrived in [Hanoi|GPE] on [Sunday|DATE] to start a visit to [Vietnam|GPE]. \
         General Secretary [Nguyen Phu Trong|PERSON] of [Vietnam|GPE] hosted [Biden|PERSON] at the party headquarters, \
         where the two leaders held talks. The two sides issued a joint statement upgrading relations to a \
         comprehensive strategic partnership, putting the [United States|GPE] on a par with [China|GPE] and [Russia|GPE].",
        "2023-09-11",
    );
    assert_eq!(rs.len(), 2, "{rs:#?}");
    let kinds: Vec<_> = rs.iter().map(|a| a.kind).collect();
    assert!(
        kinds.contains(&AgreementKind::JointStatement)
            && kinds.contains(&AgreementKind::Partnership)
    );
    for a in &rs {
        assert_eq!(a.status, AgreementStatus::Signed);
        let mut ps = parties(a);
        ps.sort();
        assert_eq!(ps, ["United States", "Vietnam"]);
        assert_eq!(date(a).as_deref(), Some("2023-09-10"));
        assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Hanoi"));
    }
}

#[test]
fn a_partnership_announced_or_established() {
    let a = one(
        "[Vietnam|GPE] and the [United States|GPE] announced their “comprehensive strategic partnership” in [September 2023|DATE].",
    );
    assert_eq!(
        (a.kind, a.status),
        (AgreementKind::Partnership, AgreementStatus::Signed)
    );
    assert_eq!(date(&a).as_deref(), Some("2023-09"));
    let rs = records(
        "[Vietnam|GPE] and [China|GPE] trade a lot, and [China|GPE] invests in [Vietnam|GPE]. Since the establishment of \
         the Comprehensive Strategic Partnership framework in [2008|DATE], the two countries’ relations have been stable.",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(
        (rs[0].kind, rs[0].title.as_deref()),
        (
            AgreementKind::Partnership,
            Some("Comprehensive Strategic Partnership")
        )
    );
    assert_eq!(date(&rs[0]).as_deref(), Some("2008"));
    let mut ps = parties(&rs[0]);
    ps.sort();
    assert_eq!(ps, ["China", "Vietnam"]);
}

#[test]
fn the_bloc_and_the_vague_partners() {
    let rs = records_at(
        "For the [EU|ORG], the agreement is part of a drive to diversify trade. The bloc signed a free trade agreement with \
         [Vietnam|GPE] in [2019|DATE] and has since concluded deals with several other [Asian|NORP] partners.",
        "2025-09-22",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(parties(&rs[0]), ["European Union", "Vietnam"]);
    assert_eq!(date(&rs[0]).as_deref(), Some("2019"));
    assert_eq!(rs[0].location, None);
}

#[test]
fn back_references_fold_into_the_record_they_refer_to() {
    let rs = records_at(
        "[Japan|GPE] and the [Philippines|GPE] signed a reciprocal access agreement on [Monday|DATE]. [Japanese|NORP] \
         Foreign Minister [Yoko Kamikawa|PERSON] and [Philippine|NORP] Defence Secretary [Gilberto Teodoro|PERSON] \
         signed the pact at the presidential palace in [Manila|GPE]. The ministers agreed to negotiate an acquisition and \
         cross-servicing agreement. The reciprocal access agreement must still be ratified by both legislatures.",
        "2024-07-08",
    );
    assert_eq!(rs.len(), 2, "{rs:#?}");
    let raa = &rs[0];
    assert_eq!(raa.status, AgreementStatus::Signed);
    assert_eq!(signatories(raa), ["Yoko Kamikawa", "Gilberto Teodoro"]);
    assert_eq!(
        raa.location.as_ref().map(|l| l.name.as_str()),
        Some("Manila")
    );
    assert_eq!(raa.sources.len(), 1);
    assert!(raa.sources[0]
        .sentence
        .starts_with("Japan and the Philippines"));
    let acsa = &rs[1];
    assert_eq!(acsa.status, AgreementStatus::Discussed);
    assert_eq!(parties(acsa), ["Japan", "Philippines"]);
    assert_eq!(date(acsa).as_deref(), Some("2024-07-08"));
}

#[test]
fn mentions_without_an_act_are_no_records() {
    for text in [
        "The law was passed in accordance with the agreement.",
        "[KCNA|ORG] called the drills a flagrant challenge to the Panmunjom Declaration.",
        "Handle disagreements based on international law, especially the United Nations Convention on the Law of the Sea \
         ([UNCLOS|ORG]) [1982|DATE].",
        "The reciprocal access agreement must still be ratified by the legislatures of both countries.",
        "The deal still needs to be approved by the [European Parliament|ORG].",
        "Under the pact, [Indonesia|GPE] will eliminate tariffs on most [EU|ORG] exports.",
        "The two ministers reaffirmed their commitment to the All-Weather Strategic Cooperative Partnership.",
        "[Pakistan|GPE] wanted to turn the close political understanding into a strong economic partnership.",
        "Analysts agree that the message is aimed at [Seoul|GPE].",
        "Activists held signs that read \"No war on the Korean Peninsula\".",
        "Including 4 agreements on politics and 24 agreements related to investment.",
        "[Vietnam|GPE]'s cooperation with [Japan|GPE] has paved the way for multilateral security agreements.",
        "The two countries need to deal with floods.",
        "The railway MoU could be a game-changer, an expert said.",
        "The agreement opens the door, but not everyone will be able to walk through it.",
    ] {
        let rs = records(text);
        assert!(rs.is_empty(), "{text}\n{rs:#?}");
    }
}

#[test]
fn cancelled_and_refused_deals_are_no_records() {
    for text in [
        "[Washington|GPE] scrapped the nuclear deal with [Iran|GPE].",
        "[Japan|GPE] and [India|GPE] suspended the agreement on fisheries.",
        "[Japan|GPE] withdrew from the agreement on fisheries with [India|GPE].",
        "[Japan|GPE] and [India|GPE] refused to sign the agreement on fisheries.",
        "[Japan|GPE] and [India|GPE] did not sign an agreement on fisheries.",
    ] {
        let rs = records(text);
        assert!(rs.is_empty(), "{text}\n{rs:#?}");
    }
}

#[test]
fn furniture_is_never_read() {
    let mut d = doc_at(
        "Japan, India sign fisheries pact in Tokyo\nPublished: Jul 8, 2024\n[Japan|GPE] and [India|GPE] signed an agreement on fisheries.",
        Some("2024-07-08"),
    );
    let first = d.text.find("Japan and").unwrap();
    d.furniture = vec![ByteSpan::new(0, 41), ByteSpan::new(42, first - 1)];
    let rs = extract(&d);
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert!(rs[0].sources[0].sentence.contains("Japan and India signed"));
    // All furniture: nothing.
    d.furniture = vec![ByteSpan::new(0, d.text.len())];
    assert!(extract(&d).is_empty());
}

#[test]
fn failed_and_empty_documents_have_no_records() {
    assert!(extract(&Document::failed("x", "x", "unreadable")).is_empty());
    assert!(extract(&Document::from_text("x", "")).is_empty());
    let mut d = Document::from_text("x", "Japan and India signed an agreement.");
    annotate(&mut d);
    assert!(d.agreements.is_empty(), "no sentences, no records");
}

#[test]
fn evidence_is_the_sentence_in_code_points() {
    let d = doc_at(
        "Hà Nội – “Việt” 😀 news. [Japan|GPE] and [India|GPE] signed an agreement on fisheries.",
        Some("2024-07-10"),
    );
    let rs = extract(&d);
    assert_eq!(rs.len(), 1, "{rs:#?}");
    let sentence = *d
        .sentences
        .iter()
        .find(|s| d.span_text(**s).starts_with("Japan"))
        .unwrap();
    assert_eq!(
        rs[0].sources,
        vec![Evidence::of(&d, &CharIndex::new(&d.text), sentence)]
    );
}

#[test]
fn output_is_deterministic() {
    let text =
        "[Japan|GPE] and [India|GPE] signed an agreement on fisheries. They also agreed to negotiate a treaty on \
                extradition. A joint declaration is to be signed in [Tokyo|GPE] [next month|DATE].";
    let d = doc_at(text, Some("2024-07-10"));
    let first = extract(&d);
    assert_eq!(first.len(), 3, "{first:#?}");
    for _ in 0..3 {
        assert_eq!(extract(&d), first);
    }
}

fn place(a: &Agreement) -> Option<&str> {
    a.location.as_ref().map(|l| l.name.as_str())
}

#[test]
fn an_initialled_text_awaits_its_signing() {
    // The signing told in a later sentence gives the record its date and place.
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] held talks in [Lima|GPE] on [Monday|DATE], and the two ministers initialled a \
         border agreement. The agreement is expected to be signed by the two presidents in [Santiago|GPE] \
         [next month|DATE].",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(rs[0].status, AgreementStatus::Planned);
    assert_eq!(date(&rs[0]).as_deref(), Some("2024-08"));
    assert_eq!(place(&rs[0]), Some("Santiago"));
    // In the same sentence.
    let a = one(
        "A framework agreement on a border zone was initialled by [Chile|GPE] and [Peru|GPE] and is expected to be \
         signed in [Santiago|GPE] in [September|DATE].",
    );
    assert_eq!(
        (a.status, date(&a).as_deref(), place(&a)),
        (AgreementStatus::Planned, Some("2024-09"), Some("Santiago"))
    );
    // Nothing tells when it will be signed: the initialling's date is not the record's.
    let a = one(
        "[Chile|GPE] and [Peru|GPE] initialled a border agreement in [Lima|GPE] on [Monday|DATE].",
    );
    assert_eq!(
        (a.status, a.date.clone(), a.location.clone()),
        (AgreementStatus::Planned, None, None)
    );
}

#[test]
fn more_ways_to_sign() {
    for (text, kind) in [
        (
            "[Chile|GPE] and [Peru|GPE] exchanged the instruments of ratification of an extradition treaty.",
            AgreementKind::Treaty,
        ),
        ("[Chile|GPE] and [Peru|GPE] put pen to paper on a fisheries deal.", AgreementKind::Agreement),
        ("[Chile|GPE] and [Peru|GPE] hammered out a deal on water.", AgreementKind::Agreement),
        ("[Chile|GPE] and [Peru|GPE] released a joint communique on trade.", AgreementKind::JointStatement),
        (
            "The two presidents of [Chile|GPE] and [Peru|GPE] said in a joint statement that ties would deepen.",
            AgreementKind::JointStatement,
        ),
        (
            "In a joint communique released after the call, [Chile|GPE] and [Peru|GPE] pledged closer ties.",
            AgreementKind::JointStatement,
        ),
        (
            "A memorandum on tourism between [Chile|GPE] and [Peru|GPE] was also signed on [Monday|DATE].",
            AgreementKind::MemorandumOfUnderstanding,
        ),
        (
            "The agreement, signed in [Lima|GPE] on [Monday|DATE] by [Chile|GPE] and [Peru|GPE], cuts tariffs.",
            AgreementKind::Agreement,
        ),
        (
            "[Chile|GPE] and [Peru|GPE] signed a statement of intent on defence and an agreement on aviation safety.",
            AgreementKind::Agreement,
        ),
    ] {
        let a = one(text);
        assert_eq!((a.kind, a.status), (kind, AgreementStatus::Signed), "{text}");
        let mut ps = parties(&a);
        ps.sort();
        assert_eq!(ps, ["Chile", "Peru"], "{text}");
    }
    let a =
        one("[Chile|GPE] and [Peru|GPE] agreed to launch negotiations on a free trade agreement.");
    assert_eq!(a.status, AgreementStatus::Discussed);
    let a = one("[Chile|GPE] and [Peru|GPE] are working on a free trade agreement.");
    assert_eq!(a.status, AgreementStatus::Discussed);
}

#[test]
fn background_agreements_that_say_when_they_were_signed() {
    // An object relative: its subject names the parties, its clause the date and place.
    let a =
        one("The deal builds on the maritime boundary agreement that [Chile|GPE] and [Peru|GPE] signed in [Lima|GPE] \
         in [2014|DATE].");
    assert_eq!(
        (a.status, date(&a).as_deref(), place(&a)),
        (AgreementStatus::Signed, Some("2014"), Some("Lima"))
    );
    assert_eq!(parties(&a), ["Chile", "Peru"]);
    let a = one("[Next year|DATE] marks the anniversary of the Treaty of Good Neighbourship, which [Chile|GPE] and \
         [Peru|GPE] signed in [June 1991|DATE].");
    assert_eq!(
        (a.title.as_deref(), date(&a).as_deref()),
        (Some("Treaty of Good Neighbourship"), Some("1991-06"))
    );
    // A reduced relative whose agents are two names joined by "and": the date after them is
    // the signing's (the "and" between two names ends no clause).
    for text in [
        "The accord signed by [Sudan|GPE] and [South Sudan|GPE] in [2019|DATE] cut oil transit fees.",
        "Under the accord signed by [Sudan|GPE] and [South Sudan|GPE] in [2019|DATE], oil transit fees were cut.",
    ] {
        let a = one(text);
        assert_eq!((a.status, date(&a).as_deref()), (AgreementStatus::Signed, Some("2019")), "{text}");
        assert_eq!(parties(&a), ["Sudan", "South Sudan"], "{text}");
    }
    // A year before the name, both parties after it.
    let a = one("[This year|DATE] marks the anniversary of the [1984|DATE] Treaty of Peace and Friendship between \
         [Chile|GPE] and [Argentina|GPE].");
    assert_eq!(
        (a.kind, date(&a).as_deref(), a.location.clone()),
        (AgreementKind::Treaty, Some("1984"), None)
    );
    assert_eq!(a.title.as_deref(), Some("Treaty of Peace and Friendship"));
    // A bloc the entity model missed, in the relative's subject.
    let a = one("Exporters may use the free trade agreement that Mercosur and the [European Union|ORG] concluded in \
         [Montevideo|GPE] in [December 2024|DATE].");
    assert_eq!(parties(&a), ["European Union", "Mercosur"]);
    // A partnership forged in a given year.
    let a = one(
        "[Chile|GPE] and [Peru|GPE] trade. The partnership, which the two countries forged in [2015|DATE], matured.",
    );
    assert_eq!(
        (a.kind, date(&a).as_deref()),
        (AgreementKind::Partnership, Some("2015"))
    );
    // Two dates, two verbs.
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] established a strategic partnership in [2013|DATE] and upgraded it to a \
         comprehensive strategic partnership in [2024|DATE].",
    );
    assert_eq!(
        rs.iter()
            .map(|a| date(a).unwrap_or_default())
            .collect::<Vec<_>>(),
        ["2013", "2024"]
    );
}

#[test]
fn coordinated_and_listed_items_share_their_act() {
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] held talks in [Lima|GPE] on [Monday|DATE]. An agreement on mining and a \
         memorandum of understanding on tourism were signed in the presence of the two presidents.",
    );
    assert_eq!(rs.len(), 2, "{rs:#?}");
    for text in [
        "[Chile|GPE] and [Peru|GPE] held talks in [Lima|GPE] on [Monday|DATE]. Twelve documents were signed at the \
         talks, among them a protocol on health and an agreement on visas.",
        "[Chile|GPE] and [Peru|GPE] held talks in [Lima|GPE] on [Monday|DATE]. Among the documents signed were a \
         protocol on health and an agreement on visas.",
    ] {
        let rs = records(text);
        assert_eq!(rs.len(), 2, "{text}\n{rs:#?}");
        for a in &rs {
            assert_eq!(
                (a.status, date(a).as_deref(), place(a)),
                (AgreementStatus::Signed, Some("2024-07-08"), Some("Lima"))
            );
        }
    }
}

#[test]
fn documents_listed_after_a_dated_signing_or_in_the_next_sentence() {
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] signed three agreements on [Monday|DATE] in [Lima|GPE], including a memorandum of \
         understanding on fisheries, an agreement on tourism and a protocol on education.",
    );
    assert_eq!(
        sorted_kinds(&rs),
        [
            AgreementKind::Agreement,
            AgreementKind::MemorandumOfUnderstanding,
            AgreementKind::Protocol
        ],
        "{rs:#?}"
    );
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] signed seven memoranda on [Monday|DATE]. The Memoranda of Understanding (MoU) \
         include an MoU on fisheries, an MoU on tourism and an MoU on education.",
    );
    assert!(rs.len() >= 3, "{rs:#?}");
    assert!(rs
        .iter()
        .all(|a| parties(a) == ["Chile", "Peru"] && a.status == AgreementStatus::Signed));
    // Without a signing before, such a sentence lists nothing signed.
    assert!(
        records("The Memoranda of Understanding (MoU) include an MoU on fisheries.").is_empty()
    );
    // "They" for the documents.
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] signed several agreements on [Monday|DATE]. They include a memorandum of understanding on \
         tourism, an agreement on visas and a protocol on fisheries.",
    );
    assert_eq!(
        sorted_kinds(&rs),
        [
            AgreementKind::Agreement,
            AgreementKind::MemorandumOfUnderstanding,
            AgreementKind::Protocol
        ],
        "{rs:#?}"
    );
    assert!(records("They include a memorandum of understanding on tourism.").is_empty());
}

#[test]
fn partnerships_a_declaration_sets_up() {
    let rs = records(
        "The two presidents signed a joint declaration on the establishment of a strategic partnership between \
         [Chile|GPE] and [Peru|GPE] on [Monday|DATE].",
    );
    let kinds: Vec<_> = rs.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [AgreementKind::Declaration, AgreementKind::Partnership],
        "{rs:#?}"
    );
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] agreed to raise relations to the level of a strategic partnership and signed a \
         joint declaration to that effect on [Monday|DATE].",
    );
    assert_eq!(rs.len(), 2, "{rs:#?}");
    assert!(rs.iter().all(|a| a.subject.is_none()), "{rs:#?}");
    assert_eq!(date(&rs[1]).as_deref(), Some("2024-07-08"));
}

#[test]
fn a_signing_takes_the_date_and_place_of_the_visit_or_talks_it_belongs_to() {
    // Talks at a building: the visit's city.
    let a = one(
        "[Chilean|NORP] President [Gabriel Boric|PERSON] arrived in [Lima|GPE] on [Sunday|DATE] for a state visit \
         to [Peru|GPE]. On [Monday|DATE], he held talks with [Peruvian|NORP] President [Dina Boluarte|PERSON] at \
         the [Government Palace|ORG]. After the talks, the two presidents witnessed the signing of an agreement on trade.",
    );
    assert_eq!(
        (date(&a).as_deref(), place(&a)),
        (Some("2024-07-08"), Some("Lima"))
    );
    // A visit to a country that began in its capital.
    let a = one(
        "[Boric|PERSON] concluded a visit to [Peru|GPE] that began with his arrival in [Lima|GPE] on [Monday|DATE]. \
         [Chile|GPE] and [Peru|GPE] signed a memorandum on energy on [Tuesday|DATE].",
    );
    assert_eq!(
        (date(&a).as_deref(), place(&a)),
        (Some("2024-07-09"), Some("Lima"))
    );
    // Talks in the dateline city.
    let a = one("LIMA, July 8 (Reuters) - [Chile|GPE] and [Peru|GPE] held talks at the [Government Palace|ORG] on \
         [Monday|DATE]. The two sides signed a memorandum on energy.");
    assert_eq!(
        (date(&a).as_deref(), place(&a)),
        (Some("2024-07-08"), Some("Lima"))
    );
    // "In the capital".
    let a =
        one("SANTIAGO, July 9 (Reuters) - [Chile|GPE] and [Peru|GPE] signed an agreement on water in the capital on \
         [Monday|DATE].");
    assert_eq!(
        (a.subject.as_deref(), place(&a)),
        (Some("water"), Some("Santiago"))
    );
    // A trailing phrase: ", during a visit to X".
    let a = one("[Chile|GPE] and [Peru|GPE] upgraded their ties to a strategic partnership in [March|DATE], during a \
         visit to [Lima|GPE] by the [Chilean|NORP] president.");
    assert_eq!(
        (date(&a).as_deref(), place(&a)),
        (Some("2024-03"), Some("Lima"))
    );
    // A statement released after a phone call has no place; a separate occasion takes none from the story.
    let a = one(
        "[Peruvian|NORP] President [Dina Boluarte|PERSON] and [Chilean|NORP] President [Gabriel Boric|PERSON] spoke \
         by phone on [Monday|DATE]. In a joint statement issued after the call, the two leaders pledged closer ties.",
    );
    assert_eq!((date(&a).as_deref(), place(&a)), (Some("2024-07-08"), None));
    let rs = records(
        "[Boric|PERSON] arrived in [Lima|GPE] on [Monday|DATE] for a visit to [Peru|GPE]. Meanwhile, [Chile|GPE] and \
         [Peru|GPE] agreed on [Tuesday|DATE] to begin talks on a treaty on electricity trade.",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(place(&rs[0]), None);
}

#[test]
fn the_latest_stage_gives_the_date() {
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] on [Tuesday|DATE] concluded negotiations on a free trade agreement. The deal is \
         expected to be signed [later this year|DATE].",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(
        (rs[0].status, date(&rs[0]).as_deref()),
        (AgreementStatus::Planned, Some("2024"))
    );
    // "The following day" counts from the day told before it.
    let a = one(
        "[Chilean|NORP] minister [Ana Soto|PERSON] arrived in [Lima|GPE] on [Sunday|DATE]. [The following day|DATE], \
         she and [Peruvian|NORP] minister [Luis Rojas|PERSON] co-chaired a meeting of the joint commission. A \
         memorandum on education was also signed after the commission meeting.",
    );
    assert_eq!(date(&a).as_deref(), Some("2024-07-08"));
}

#[test]
fn more_mentions_that_are_no_records() {
    for text in [
        "[Chile|GPE] said a joint statement on [Peru|GPE] would not be issued.",
        "In line with the agreement signed by their coast guards, [Chile|GPE] and [Peru|GPE] will hold a drill.",
        "Investors in the capital markets of [Chile|GPE] and [Peru|GPE] cheered the deal.",
        "The signing of an agreement between [Chile|GPE] and [Peru|GPE] was called off on [Monday|DATE].",
        "The treaty that he signed was popular in [Chile|GPE] and [Peru|GPE].",
    ] {
        let rs = records(text);
        assert!(rs.is_empty(), "{text}\n{rs:#?}");
    }
    let a =
        one("The signing of an agreement between [Chile|GPE] and [Peru|GPE] has been postponed.");
    assert_eq!(a.status, AgreementStatus::Planned);
}

/// Time on large documents (run by hand: `cargo test --release --lib
/// agreements::tests::large -- --ignored --nocapture`); the stage must stay linear.
#[test]
#[ignore]
fn large_documents_stay_linear() {
    let para = "[Chinese|NORP] Defense Minister [Dong Jun|PERSON] held talks with his [Vietnamese|NORP] counterpart \
                [Phan Van Giang|PERSON] in [Hanoi|GPE] on [Monday|DATE]. The two sides signed a memorandum of understanding \
                on a hotline, an agreement on training and a protocol on border patrols. They agreed to negotiate a treaty \
                on the boundary, and the pact was praised. ";
    for n in [250usize, 500, 1000, 2000] {
        let d = doc_at(&para.repeat(n), Some("2024-07-10"));
        let t = std::time::Instant::now();
        let rs = extract(&d);
        println!(
            "{n} paragraphs ({} KB): {} records in {:?}",
            d.text.len() / 1024,
            rs.len(),
            t.elapsed()
        );
    }
    // One "sentence" with no stops, 300 KB long.
    let mut d = doc_at(
        &"[Japan|GPE] and [India|GPE] signed an agreement on fisheries and a treaty on trade, "
            .repeat(3000),
        None,
    );
    d.sentences = vec![ByteSpan::new(0, d.text.len())];
    let t = std::time::Instant::now();
    let rs = extract(&d);
    println!(
        "one long sentence ({} KB): {} records in {:?}",
        d.text.len() / 1024,
        rs.len(),
        t.elapsed()
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "signed",
        "inked",
        "will",
        "sign",
        "to",
        "be",
        "is",
        "was",
        "an",
        "a",
        "the",
        "agreement",
        "MoU",
        "memorandum",
        "of",
        "understanding",
        "joint",
        "statement",
        "declaration",
        "partnership",
        "treaty",
        "deal",
        "pact",
        "contract",
        "protocol",
        "on",
        "between",
        "and",
        "with",
        "for",
        "buy",
        "50",
        "the two sides",
        "they",
        "agreed",
        "negotiate",
        "towards",
        "signing",
        "witnessed",
        "upgraded",
        "relations",
        "ties",
        "During",
        "talks",
        "forum",
        "held",
        "met",
        "in",
        "at",
        "visit",
        "“",
        "”",
        "\"",
        "(",
        ")",
        ",",
        ";",
        ":",
        ".",
        "-",
        "MANILA, July 8 (Reuters) -",
        "Việt",
        "Hà Nội",
        "😀",
        "\n",
        "’s",
        "[1]",
        "Reciprocal",
        "Access",
        "Agreement",
        "Treaty",
        "on Monday",
        "several",
        "bloc",
    ];

    fn text_and_entities(picks: &[(usize, u8)]) -> (String, Vec<Entity>) {
        let mut text = String::new();
        let mut entities = Vec::new();
        let names = [
            ("Japan", EntityLabel::Gpe),
            ("Vietnamese", EntityLabel::Norp),
            ("Boeing", EntityLabel::Org),
            ("Dong Jun", EntityLabel::Person),
            ("Monday", EntityLabel::Date),
            ("2019", EntityLabel::Date),
            ("Hanoi", EntityLabel::Gpe),
            ("European Union", EntityLabel::Org),
            ("South China Sea", EntityLabel::Loc),
        ];
        for &(w, e) in picks {
            if !text.is_empty() {
                text.push(' ');
            }
            if e % 3 == 0 {
                let (name, label) = names[(w + e as usize) % names.len()];
                let start = text.len();
                text.push_str(name);
                entities.push(Entity {
                    span: ByteSpan::new(start, text.len()),
                    label,
                    score: 1.0,
                });
            } else {
                text.push_str(WORDS[w % WORDS.len()]);
            }
        }
        (text, entities)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Any text the pipeline could produce, run through the real stages before this one.
        #[test]
        fn pipeline_documents(picks in proptest::collection::vec((0usize..200, 0u8..8), 0..80), published in proptest::option::of(prop::sample::select(vec!["2024-07-10", "2024-07", "bogus"]))) {
            let (text, entities) = text_and_entities(&picks);
            let mut d = Document::from_text("p", text);
            d.entities = entities;
            d.published = published.map(str::to_string);
            RuleSegmenter.annotate(&mut d);
            crate::dates::annotate(&mut d);
            crate::people::annotate(&mut d);
            let first = extract(&d);
            for a in &first {
                prop_assert!((0.0..=1.0).contains(&a.confidence));
                prop_assert!(!a.parties.is_empty());
                prop_assert_eq!(a.sources.len(), 1);
                let chars: Vec<char> = d.text.chars().collect();
                let s = &a.sources[0];
                prop_assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.sentence.clone());
            }
            prop_assert_eq!(extract(&d), first);
        }

        /// Spans that no stage would make (out of range, inside a character, overlapping,
        /// unsorted) and arbitrary text.
        #[test]
        fn hostile_spans(text in "\\PC{0,200}", spans in proptest::collection::vec((0usize..260, 0usize..260, 0u8..6), 0..24)) {
            let mut d = Document::from_text("h", text);
            let label = |k: u8| EntityLabel::ALL[k as usize % 6];
            d.entities = spans.iter().map(|&(a, b, k)| Entity { span: ByteSpan { start: a, end: b }, label: label(k), score: 0.5 }).collect();
            d.sentences = spans.iter().map(|&(a, b, _)| ByteSpan { start: a.min(b), end: a.max(b) }).collect();
            d.furniture = spans.iter().take(3).map(|&(a, b, _)| ByteSpan { start: b, end: a }).collect();
            d.dates = spans.iter().map(|&(a, b, _)| crate::dates::DateMention { span: ByteSpan { start: a, end: b }, value: None }).collect();
            let _ = extract(&d);
        }
    }
}

pub mod corpus {
    use std::path::PathBuf;

    use crate::doc::Document;

    /// The sample articles and seeds, analysed with the shipped model.
    pub fn load(dirs: &[&str]) -> Vec<Document> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let inputs: Vec<PathBuf> = dirs
            .iter()
            .map(|d| root.join(d))
            .filter(|p| p.exists())
            .collect();
        let sources = crate::ingest::discover(&inputs).unwrap();
        let mut docs: Vec<Document> = sources.iter().map(crate::ingest::read).collect();
        let model = crate::ner::NerModel::load(&crate::pipeline::default_model_dir()).unwrap();
        crate::pipeline::annotate_documents(&mut docs, &model).unwrap();
        docs
    }
}

/// Prints mentions, their acts and the records of the sample articles (for tuning:
/// `cargo test --release --lib agreements::tests::dump -- --ignored --nocapture`).
#[test]
#[ignore]
fn dump() {
    let filter = std::env::var("AGR_DOC").unwrap_or_default();
    let dirs = std::env::var("AGR_DIRS").unwrap_or_else(|_| "input,../shared/seeds".to_string());
    let dirs: Vec<&str> = dirs.split(',').collect();
    for d in corpus::load(&dirs) {
        if !d.id.contains(&filter) {
            continue;
        }
        println!("===== {}", d.id);
        let cx = Cx::new(&d);
        println!("main pair {:?}", cx.main_pair);
        for ui in 0..cx.units.len() {
            let ms = cx.mentions(ui);
            if ms.is_empty() {
                continue;
            }
            let acts = cx.acts(ui);
            let links = cx.link(ui, &ms, &acts);
            println!(
                "  U{ui} {:?}",
                cx.t(cx.units[ui].span.start, cx.units[ui].span.end)
            );
            for (m, l) in ms.iter().zip(&links) {
                println!(
                    "    M {:?} {:?} np={:?} title={:?} def={} -> {:?}",
                    cx.t(m.head.start, m.head.end),
                    m.kind,
                    cx.t(m.np_start, m.np_end),
                    m.title,
                    m.definite,
                    l.map(|a| (a.class, cx.t(a.start, a.end)))
                );
            }
        }
        for a in &d.agreements {
            println!(
                "  R {:?} {:?} {:?} {:?} {:?} {:?}",
                a.kind,
                a.status,
                a.parties.iter().map(|p| &p.name).collect::<Vec<_>>(),
                a.date.as_ref().map(|x| &x.text),
                a.location.as_ref().map(|l| &l.name),
                a.subject
            );
        }
    }
}

#[test]
fn a_palace_named_after_its_place_gives_way_to_the_city() {
    let a = one(
        "[Yoko Kamikawa|PERSON] and [Gilberto Teodoro|PERSON] signed the [Japan|GPE]-[Philippines|GPE] agreement at the [Malacanang|GPE] presidential palace in [Manila|GPE] on [Monday|DATE].",
    );
    assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Manila"));
}

#[test]
fn a_quantity_before_the_documents() {
    let a = one("[Chile|GPE] and [Peru|GPE] signed a number of agreements on [Monday|DATE].");
    assert_eq!(
        (parties(&a), a.status),
        (vec!["Chile", "Peru"], AgreementStatus::Signed)
    );
    let a =
        one("[Ana Soto|PERSON] is set to sign a series of cooperation treaties between [Chile|GPE] and [Peru|GPE].");
    assert_eq!(
        (a.kind, a.status, parties(&a)),
        (
            AgreementKind::Treaty,
            AgreementStatus::Planned,
            vec!["Chile", "Peru"]
        )
    );
    let a = one(
        "A number of agreements between [Chile|GPE] and [Peru|GPE] were signed on [Monday|DATE].",
    );
    assert_eq!(
        (parties(&a), a.status),
        (vec!["Chile", "Peru"], AgreementStatus::Signed)
    );
    // Other words between the verb and the documents still break the link.
    assert!(
        records("[Chile|GPE] signed a letter of intent about a number of the agreements.")
            .iter()
            .all(|a| a.kind != AgreementKind::Agreement)
    );
}

#[test]
fn a_signing_to_be_witnessed_is_planned() {
    let a = one("President [Ana Soto|PERSON] will witness the signing of defence agreements between [Chile|GPE] and [Peru|GPE].");
    assert_eq!(
        (a.status, parties(&a)),
        (AgreementStatus::Planned, vec!["Chile", "Peru"])
    );
    let a = one(
        "President [Ana Soto|PERSON] witnessed the signing of defence agreements between [Chile|GPE] and [Peru|GPE].",
    );
    assert_eq!(a.status, AgreementStatus::Signed);
}

#[test]
fn the_purpose_of_a_gathering_told_as_past_is_signed() {
    for s in [
        "Mexican President [Ana Soto|PERSON] met with Peruvian President [Luis Vega|PERSON] on [Monday|DATE] to sign a free trade agreement between [Mexico|GPE] and [Peru|GPE].",
        "The leaders of [Colombia|GPE] and [Ecuador|GPE] met in [Quito|GPE] on [Thursday|DATE] to sign a border treaty.",
        "[Chile|GPE]'s foreign minister arrived in [Lima|GPE] to sign a fisheries accord with [Peru|GPE].",
    ] {
        assert_eq!(one(s).status, AgreementStatus::Signed, "{s}");
    }
    // A gathering still to come, or an intent before "to", keeps the signing to come.
    for s in [
        "Uruguayan President [Luis Lacalle|PERSON] will meet Argentine President [Alberto Rios|PERSON] on [Friday|DATE] to sign a trade pact between [Uruguay|GPE] and [Argentina|GPE].",
        "[Venezuela|GPE]'s foreign minister was expected to travel to [Lima|GPE] to sign a migration agreement with [Peru|GPE].",
        "The presidents of [Brazil|GPE] and [Paraguay|GPE] met on [Monday|DATE] and agreed to sign a water accord.",
        "The presidents of [Brazil|GPE] and [Paraguay|GPE] met on [Monday|DATE], hoping to sign a water accord.",
    ] {
        assert_eq!(one(s).status, AgreementStatus::Planned, "{s}");
    }
}

#[test]
fn a_bound_is_no_date_of_the_signing() {
    for s in [
        "[Chile|GPE] and [Peru|GPE] signed a fisheries agreement valid [till the year 2030|DATE].",
        "[Chile|GPE] and [Peru|GPE] signed a fisheries agreement valid till [the year 2030|DATE].",
    ] {
        assert_eq!(one(s).date, None, "{s}");
    }
    let a = one("[Chile|GPE] and [Peru|GPE] signed a fisheries agreement in [2021|DATE].");
    assert_eq!(
        a.date
            .and_then(|d| d.value)
            .map(|v| v.to_string())
            .as_deref(),
        Some("2021")
    );
}

#[test]
fn a_bounded_count_opens_the_phrase() {
    for s in [
        "At least 13 agreements between [Chile|GPE] and [Peru|GPE] are expected to be signed.",
        "More than 20 agreements between [Chile|GPE] and [Peru|GPE] are expected to be signed.",
    ] {
        let a = one(s);
        assert_eq!(
            (a.status, parties(&a)),
            (AgreementStatus::Planned, vec!["Chile", "Peru"]),
            "{s}"
        );
    }
}

#[test]
fn speech_in_quotes_is_read_as_a_sentence_and_a_short_quoted_name_as_a_name() {
    let a = one(
        "\"[Chile|GPE] and [Peru|GPE] will negotiate a new trade agreement,\" the minister said.",
    );
    assert_eq!(
        (a.status, parties(&a)),
        (AgreementStatus::Discussed, vec!["Chile", "Peru"])
    );
    let a = one("[Chile|GPE] and [Peru|GPE] signed the \"Agreement on Fisheries Cooperation\" on [Monday|DATE].");
    assert_eq!(
        (a.status, a.title.as_deref()),
        (
            AgreementStatus::Signed,
            Some("Agreement on Fisheries Cooperation")
        )
    );
}

#[test]
fn a_partnership_discussed_is_relations_not_a_record() {
    assert!(records("[Chile|GPE] and [Peru|GPE] discussed the partnership between [Europe|LOC] and [Africa|LOC].")
        .is_empty());
    let a = one("[Chile|GPE] and [Peru|GPE] agreed to negotiate a strategic partnership.");
    assert_eq!(a.status, AgreementStatus::Discussed);
}

#[test]
fn a_time_between_the_act_and_the_phrase_and_memorandums() {
    let a = one("[Romania|GPE] and [Qatar|GPE] signed on [Monday|DATE] a memorandum of understanding on energy.");
    assert_eq!(
        (a.kind, parties(&a), date(&a).as_deref()),
        (
            AgreementKind::MemorandumOfUnderstanding,
            vec!["Romania", "Qatar"],
            Some("2024-07-08")
        )
    );
    let a = one("[Iraq|GPE] and [Qatar|GPE] signed two memorandums of understanding in the cultural fields.");
    assert_eq!(
        (a.kind, parties(&a)),
        (
            AgreementKind::MemorandumOfUnderstanding,
            vec!["Iraq", "Qatar"]
        )
    );
    // Only a time right after the act: "signed with Chile a memorandum" is another reading.
    assert!(records("[Peru|GPE] signed in [Lima|GPE] on [Monday|DATE] that memo.").is_empty());
}

#[test]
fn parties_named_after_between_are_the_documents_own() {
    let a = one(
        "President [Ali Reza|PERSON] of [Kenya|GPE] chaired the exchange of several memorandums \
         between [Morocco|GPE] and the [United Arab Emirates|GPE].",
    );
    assert_eq!(parties(&a), ["Morocco", "United Arab Emirates"]);
}

#[test]
fn a_determiner_opening_the_second_signatory_ends_no_clause() {
    let a = one("The agreement was signed by Foreign Minister [Cy Dow|PERSON] of [Peru|GPE] and his [Chilean|NORP] \
         counterpart [Ed Fox|PERSON] on [Tuesday|DATE].");
    assert_eq!(
        (parties(&a), date(&a).as_deref()),
        (vec!["Peru", "Chile"], Some("2024-07-09"))
    );
}

#[test]
fn documents_listed_after_a_colon() {
    let rs = records(
        "[Chile|GPE] and [Peru|GPE] signed three agreements: a memorandum of understanding on fisheries, a \
         trade protocol and an agreement on tourism.",
    );
    let mut got: Vec<(AgreementKind, Option<String>)> =
        rs.iter().map(|a| (a.kind, a.subject.clone())).collect();
    got.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(
        got,
        [
            (AgreementKind::Agreement, Some("tourism".to_string())),
            (
                AgreementKind::MemorandumOfUnderstanding,
                Some("fisheries".to_string())
            ),
            (AgreementKind::Protocol, None)
        ],
        "{rs:#?}"
    );
}

#[test]
fn portfolios_in_a_ministers_title_are_no_parties() {
    let a = one(
        "The memorandum was signed on [Thursday|DATE] by [Botswana|GPE]'s Minister of [Minerals|ORG] and [Water \
         Resources|ORG] [Kitso Mokgethi|PERSON] and [Namibian Agriculture|ORG] and Water Minister [Johannes \
         Shikongo|PERSON].",
    );
    assert!(
        !parties(&a)
            .iter()
            .any(|p| ["Minerals", "Water Resources", "Namibian Agriculture"].contains(p)),
        "{a:#?}"
    );
    // Firms beside a chief executive's title stay parties.
    let a = one("The contract was signed on [Monday|DATE] by [Airbus|ORG] and [Air India|ORG] chief executive [Campbell Wilson|PERSON].");
    assert!(
        parties(&a).contains(&"Airbus") && parties(&a).contains(&"Air India"),
        "{a:#?}"
    );
}

#[test]
fn a_relative_with_no_pronoun_tells_the_act() {
    let rs = records("[France|GPE] and [India|GPE] held talks. The agreement the two countries signed covers defence.");
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(
        (rs[0].status, parties(&rs[0])),
        (AgreementStatus::Signed, vec!["France", "India"])
    );
    // No act after the phrase: a mention of the agreement, no signing.
    assert!(records("[France|GPE] and [India|GPE] held talks. The agreement the two countries want covers defence.").is_empty());
}

#[test]
fn island_countries_tagged_as_places_are_parties() {
    let a = one("[Norway|GPE] and the [Faroe Islands|LOC] concluded an agreement on fishing quotas on [Wednesday|DATE].");
    assert_eq!(parties(&a), vec!["Norway", "Faroe Islands"]);
    // Where it was signed is no party.
    let a = one("[Japan|GPE] and [Palau|GPE] signed an agreement in the [Marshall Islands|LOC] on [Wednesday|DATE].");
    assert_eq!(parties(&a), vec!["Japan", "Palau"]);
}

#[test]
fn country_words_describing_a_firm_and_bare_dash_datelines_are_not_parties() {
    for (text, want) in [
        // Hyphenated country words together.
        (
            "[Kosovo|GPE] signed a contract with the [U.S.|GPE]-[Turkish|NORP] consortium [Bechtel-Enka|ORG] on [Monday|DATE].",
            ["Kosovo", "Bechtel-Enka"],
        ),
        // A possessive with a longer description.
        (
            "[Britain|GPE]'s biggest utility [Centrica|ORG] signed a gas deal with [Gazprom|ORG] on [Monday|DATE].",
            ["Centrica", "Gazprom"],
        ),
        // A dateline with a bare dash.
        (
            "[PRISTINA|ORG] - [Kosovo|GPE] expects to sign a contract with [Bechtel-Enka|ORG] [next month|DATE].",
            ["Kosovo", "Bechtel-Enka"],
        ),
    ] {
        assert_eq!(parties(&one(text)), want, "{text}");
    }
}

#[test]
fn a_back_reference_naming_no_party_adds_none() {
    let rs = records(
        "[Poland|GPE] signed a contract with [Hanwha Aerospace|ORG] on [Monday|DATE]. The contract was signed in the \
         presence of Deputy Minister [Pawel Grabski|PERSON] and [Hanwha|ORG]'s chief executive, [Kim Dong-hyuk|PERSON], \
         of [South Korea|GPE].",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(parties(&rs[0]), ["Poland", "Hanwha Aerospace"]);
}

#[test]
fn a_document_acted_under_has_the_actor_as_party() {
    let a = one("[Air Tanzania|ORG]'s fleet revival began under a contract signed with [Bombardier|ORG] in [2016|DATE].");
    assert_eq!(parties(&a), ["Bombardier", "Air Tanzania"]);
    assert_eq!(a.status, AgreementStatus::Signed);
    // Not "under" anything: a reduced relative names only its own counterpart.
    let rs = records("[Air Tanzania|ORG]'s fleet grew after a contract signed with [Bombardier|ORG] in [2016|DATE].");
    assert!(
        rs.iter().all(|a| !parties(a).contains(&"Air Tanzania")),
        "{rs:#?}"
    );
}

#[test]
fn datelines_in_more_forms_place_and_are_no_parties() {
    let a = one("[Bucharest|GPE], 4 May /[Agerpres|ORG]/ - [Romania|GPE] and [Argentina|GPE] signed an agreement on [Tuesday|DATE].");
    assert_eq!(parties(&a), ["Romania", "Argentina"]);
    assert_eq!(
        a.location.as_ref().map(|l| l.name.as_str()),
        Some("Bucharest")
    );
    let a = one("[BOGOR|GPE], [West Java|GPE] — [Indonesia|GPE] and [Serbia|GPE] signed an agreement on [Monday|DATE].");
    assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Bogor"));
    let a = one(
        "[OSLO|GPE]/[SEOUL|GPE] ([Bloomberg|ORG]) -- [Nordvik Shipping|ORG] inked a contract with [Haesong Heavy \
         Industries|ORG] on [Monday|DATE].",
    );
    assert_eq!(
        parties(&a),
        ["Nordvik Shipping", "Haesong Heavy Industries"]
    );
    // The agency after "by", and the name cut by the tagger around "-EU-".
    let a = one(
        "[Guatemala City|GPE], by [AGN|ORG] – [The European Union -|ORG]EU- and [Guatemala|GPE] signed on [Tuesday|DATE] \
         a memorandum of understanding on bilateral consultations.",
    );
    let canonical = crate::parties::canonical(a.parties.clone());
    assert_eq!(
        canonical
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["European Union", "Guatemala"]
    );
    // A dotted country name ends with a period that ends no phrase.
    for (text, other) in [
        ("[Papua New Guinea|GPE] signed a defence cooperation agreement with the [U.S.|GPE] during the visit.", "United States"),
        ("[Papua New Guinea|GPE] signed a defence agreement with the [U.K.|GPE] on [Monday|DATE].", "United Kingdom"),
    ] {
        let a = one(text);
        assert_eq!(parties(&a), ["Papua New Guinea", other], "{text}");
    }
    // A month-first date's comma ends no clause; a relative's counterpart after its verb.
    let a =
        one("[Rwanda|GPE] signed a peace agreement with [Burundi|GPE] on [June 27, 2025|DATE].");
    assert_eq!(
        (parties(&a), date(&a).as_deref()),
        (vec!["Rwanda", "Burundi"], Some("2025-06-27"))
    );
    let a = one("The deal accompanies the peace agreement that [Rwanda|GPE] signed with [Burundi|GPE] on [June 27, 2025|DATE].");
    assert_eq!(
        (parties(&a), date(&a).as_deref()),
        (vec!["Rwanda", "Burundi"], Some("2025-06-27"))
    );
    // Interfax closes the place with a period.
    let a = one("[BISHKEK|GPE]. [March 13|DATE] ([Interfax|ORG]) - [Kyrgyzstan|GPE] and [Tajikistan|GPE] signed a border treaty.");
    assert_eq!(parties(&a), ["Kyrgyzstan", "Tajikistan"]);
    assert_eq!(
        a.location.as_ref().map(|l| l.name.as_str()),
        Some("Bishkek")
    );
}

#[test]
fn talks_with_a_counterpart_on_a_document_are_discussed_with_it() {
    for text in [
        "[Hanwha Aerospace|ORG] is also in talks with [Romania|GPE] over a contract for a howitzer line.",
        "[Gabon|GPE] said negotiations with [Sinowave Energy|ORG] over a refinery contract have stalled.",
        "[India|GPE] and [Bahrain|GPE] agreed to work towards the early conclusion of a bilateral investment treaty.",
        "[Kuwait|GPE] and [Jordan|GPE] also agreed to draft an agreement on the recruitment of nurses.",
    ] {
        let a = one(text);
        assert_eq!(a.status, AgreementStatus::Discussed, "{text}");
        assert_eq!(parties(&a).len(), 2, "{text}: {:?}", parties(&a));
    }
    // A draft text signed is signed, not discussed.
    let a = one("[India|GPE] and [Bahrain|GPE] signed a draft agreement on [Monday|DATE].");
    assert_eq!(a.status, AgreementStatus::Signed);
}

#[test]
fn documents_cited_with_who_signed_them_are_signed_records() {
    let date = |a: &Agreement| {
        a.date
            .as_ref()
            .and_then(|d| d.value.as_ref())
            .map(|v| v.to_string())
    };
    // A relative clause outweighs a verb of talk before the phrase; the phrase's year dates it.
    let a = one("[Athens|GPE] considers void a [2019|DATE] memorandum of understanding that [Libya|GPE] signed with [Turkey|GPE].");
    assert_eq!(
        (a.status, parties(&a), date(&a)),
        (
            AgreementStatus::Signed,
            vec!["Libya", "Turkey"],
            Some("2019".into())
        )
    );
    // A bare relative with a name for its subject, and an arrangement.
    let a = one("It is the second contract under a framework agreement [Poland|GPE] signed with [Hanwha|ORG] in [2022|DATE].");
    assert_eq!(
        (a.status, parties(&a), date(&a)),
        (
            AgreementStatus::Signed,
            vec!["Poland", "Hanwha"],
            Some("2022".into())
        )
    );
    let a = one(
        "[Bangladesh|GPE] and [Myanmar|GPE] officials met. The talks were held under the repatriation arrangement the \
         two countries signed in [Naypyitaw|GPE] in [November 2017|DATE].",
    );
    assert_eq!(
        (a.kind, parties(&a), date(&a)),
        (
            AgreementKind::Agreement,
            vec!["Bangladesh", "Myanmar"],
            Some("2017-11".into())
        )
    );
    // Security arrangements in the plural are no document.
    assert!(records(
        "[Bangladesh|GPE] and [Myanmar|GPE] signed off on security arrangements on [Monday|DATE]."
    )
    .is_empty());
}

#[test]
fn a_premodifier_holding_of_does_not_part_verb_and_noun() {
    let a = one("[New Zealand|GPE] and [Fiji|GPE] will sign a status of forces agreement [next week|DATE] in [Suva|GPE].");
    assert_eq!(
        (a.status, parties(&a)),
        (AgreementStatus::Planned, vec!["New Zealand", "Fiji"])
    );
    // Any other "of" still does: the minutes are what was signed.
    assert!(records(
        "[New Zealand|GPE] and [Fiji|GPE] signed the minutes of the agreement on [Monday|DATE]."
    )
    .is_empty());
}

#[test]
fn documents_listed_one_a_line_are_a_record_each() {
    let text = "[Mauritius|GPE] and [Seychelles|GPE] signed four memoranda of understanding in [Port Louis|GPE] on [Tuesday|DATE].\n\
                The four MoUs, which reinforce cooperation in several sectors, are namely:\n\
                (i) MoU on cooperation in the field of prison staff training between the two prison services;\n\
                (ii) MoU between the Government of [Mauritius|GPE] and the Government of [Seychelles|GPE] on twinning;\n\
                (iii) MoU on health cooperation whereby [Mauritius|GPE] will send doctors to [Seychelles|GPE]; and\n\
                (iv) MoU on recruitment of teachers.\n\
                The ceremony ended with a lunch.";
    let rs = records(text);
    assert_eq!(rs.len(), 4, "{rs:#?}");
    for r in &rs {
        assert_eq!(r.kind, AgreementKind::MemorandumOfUnderstanding);
        assert_eq!(r.status, AgreementStatus::Signed);
        assert_eq!(
            r.date
                .as_ref()
                .and_then(|d| d.value.as_ref())
                .map(|v| v.iso())
                .as_deref(),
            Some("2024-07-09")
        );
        assert_eq!(
            r.location.as_ref().map(|l| l.name.as_str()),
            Some("Port Louis")
        );
        assert!(r.sources[0].sentence.starts_with('('), "{r:#?}");
    }
    // Items of one list stay apart when the records are merged, whatever their subjects share.
    assert_eq!(crate::merge::merge_agreements(rs).len(), 4);
    // Lines that open with an agreement noun but follow no announcing line are read as usual.
    assert!(
        records("Talks went on.\n(i) MoU on health cooperation;\n(ii) MoU on trade.").is_empty()
    );
}

#[test]
fn ordinal_documents_after_a_count_are_a_record_each() {
    let text = "[Morocco|GPE] and the [UAE|GPE] exchanged several memorandums of understanding in [Abu Dhabi|GPE] on [Monday|DATE]. \
                The first memorandum was exchanged between the energy ministers. The second memorandum was signed by the water \
                ministers. The third memorandum, which relates to tourism, was exchanged between the tourism ministers.";
    let rs = crate::merge::merge_agreements(records(text));
    assert_eq!(rs.len(), 3, "{rs:#?}");
    assert!(rs
        .iter()
        .all(|r| r.location.as_ref().map(|l| l.name.as_str()) == Some("Abu Dhabi")));
    // With no count before it, "the first memorandum" is the one told before.
    let rs = crate::merge::merge_agreements(records(
        "[Morocco|GPE] and the [UAE|GPE] signed a memorandum of understanding on [Monday|DATE]. The first memorandum of its kind was signed by the energy ministers.",
    ));
    assert_eq!(rs.len(), 1, "{rs:#?}");
}

#[test]
fn a_passive_relative_dates_and_places_its_signing_past_its_agents() {
    let a = one(
        "Prime Minister [Sitiveni Rabuka|PERSON] updated Parliament about the Memorandum of Understanding between [Fiji|GPE] and \
         [Vanuatu|GPE], which was signed by him and the Prime Minister of [Vanuatu|GPE], [Jotham Napat|PERSON], on \
         [10 September 2025|DATE] during the leaders' meeting in [Honiara|GPE].",
    );
    assert_eq!(parties(&a), ["Fiji", "Vanuatu"]);
    assert_eq!(
        a.date
            .as_ref()
            .and_then(|d| d.value.as_ref())
            .map(|v| v.iso())
            .as_deref(),
        Some("2025-09-10")
    );
    assert_eq!(
        a.location.as_ref().map(|l| l.name.as_str()),
        Some("Honiara")
    );
}

#[test]
fn documents_numbered_after_a_count_in_sentences_of_their_own_are_a_record_each() {
    let text = "In total, three bilateral agreements were signed between [Chile|GPE] and [Peru|GPE] in [Lima|GPE] on [Monday|DATE]. \
                The first deal focuses on vaccines. The second deal involves the border crossings. The third agreement concerns \
                driving licences.";
    let rs = crate::merge::merge_agreements(records(text));
    assert_eq!(rs.len(), 3, "{rs:#?}");
    // With no count before them, ordinal sentences tell no new documents.
    let rs = crate::merge::merge_agreements(records(
        "[Chile|GPE] and [Peru|GPE] signed an agreement in [Lima|GPE] on [Monday|DATE]. The first deal of its kind focuses on vaccines.",
    ));
    assert_eq!(rs.len(), 1, "{rs:#?}");
}

#[test]
fn signed_in_the_capital_of_a_demonym_with_no_city_named() {
    let a = one("[Chile|GPE] and [Peru|GPE] signed a trade agreement in the [Mexican|NORP] capital on [Monday|DATE].");
    assert_eq!(
        a.location.as_ref().map(|l| l.name.as_str()),
        Some("Mexico City")
    );
}

#[test]
fn a_country_describing_an_organisation_in_apposition_is_no_party() {
    let a = one("[Acme Corp|ORG] and the [Bank of Tokyo|ORG], [Japan|GPE]'s largest bank, have signed a memorandum of understanding on investment.");
    assert_eq!(parties(&a), ["Acme Corp", "Bank of Tokyo"]);
    let a = one("[Acme Corp|ORG] and [Mizuho Bank|ORG], a [Japanese|NORP] lender, have signed a memorandum of understanding.");
    assert_eq!(parties(&a), ["Acme Corp", "Mizuho Bank"]);
    // A list of parties goes on with names: the country signs.
    let a = one("[Acme Corp|ORG], [Japan|GPE] and [Korea|GPE] signed an agreement on trade.");
    assert!(parties(&a).contains(&"Japan"), "{:?}", parties(&a));
}

#[test]
fn a_relative_with_a_signing_to_come_is_a_planned_agreement() {
    let a = one(
        "The focus of his visit will be a nuclear safeguards agreement that [Australia|GPE] and [China|GPE] are expected \
         to sign when he visits [Canberra|GPE] on [Monday|DATE].",
    );
    assert_eq!(
        (a.status, parties(&a)),
        (AgreementStatus::Planned, vec!["Australia", "China"])
    );
    // Negotiations launched on it: discussed, whatever the sides hope.
    let a = one(
        "[Ann Lee|PERSON] and [Bo Park|PERSON] launched negotiations on a bilateral agreement between [Canada|GPE] and \
         [Mexico|GPE], which both sides hope to conclude within a year.",
    );
    assert_eq!(a.status, AgreementStatus::Discussed);
    // Signed in the relative: signed.
    let a = one("The agreement that [Australia|GPE] and [China|GPE] signed on [Monday|DATE] opens the way for sales.");
    assert_eq!(a.status, AgreementStatus::Signed);
}
