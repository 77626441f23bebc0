use super::*;

#[test]
fn a_ship_named_like_a_person_is_a_ship() {
    let text = "The USS Ronald Reagan arrived in Da Nang. The arrival of the Reagan was hyped. Reagan met no one.";
    let person = |name: &str| Person {
        name: name.into(),
        mentions: vec![],
        role: None,
        country: None,
        organization: None,
        vessel: false,
    };
    assert!(names_a_vessel(text, &person("Reagan")));
    assert!(names_a_vessel(text, &person("Ronald Reagan")));
    assert!(!names_a_vessel(text, &person("Nancy Pelosi")));
    assert!(!names_a_vessel(
        "Ronald Reagan met Mikhail Gorbachev in Reykjavik.",
        &person("Ronald Reagan")
    ));
    let exercise =
        "delegations had a planning conference for the Exercise Aman Youyi-2023 in Guangzhou.";
    assert!(names_a_vessel(exercise, &person("Aman Youyi")));
    assert!(!names_a_vessel(
        "Aman Youyi-Smith met the delegation.",
        &person("Aman Youyi")
    ));
}
use crate::doc::{Entity, EntityLabel};
use crate::segment::{RuleSegmenter, Segmenter};

/// A document from marked-up text: "[Dong Jun|PERSON] met ..." marks an entity; sentences
/// come from the rule segmenter.
fn doc(marked: &str) -> Document {
    crate::marked::document(marked)
}

fn find<'p>(people: &'p [Person], name: &str) -> &'p Person {
    people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name} in {people:#?}"))
}

fn check(p: &Person, role: Option<&str>, country: Option<&str>, org: Option<&str>) {
    assert_eq!(p.role.as_deref(), role, "role of {}", p.name);
    assert_eq!(p.country.as_deref(), country, "country of {}", p.name);
    assert_eq!(p.organization.as_deref(), org, "organization of {}", p.name);
}

#[test]
fn spelling_variants_and_handles_name_one_person() {
    let d = doc("[Volodymyr Zelenskyy|PERSON] spoke with [Donald Trump|PERSON]. [Zelensky|PERSON] said the call \
         went well. [Zelenskiy|PERSON] thanked him. — [@ZelenskyyUa|PERSON] and [@realDonaldTrump|PERSON] posted. \
         [Martin|PERSON] met [Marten|PERSON].");
    let people = resolve_people(&d);
    let zelenskyy = find(&people, "Volodymyr Zelenskyy");
    assert_eq!(zelenskyy.mentions.len(), 4, "{people:#?}");
    assert_eq!(
        find(&people, "Donald Trump").mentions.len(),
        2,
        "{people:#?}"
    );
    // Short names one letter apart stay two people.
    assert_eq!(people.len(), 4, "{people:#?}");
}

#[test]
fn a_title_set_off_by_a_comma_before_the_name() {
    let d = doc("[Kenya|GPE]'s Cabinet Secretary for [Defence|ORG], Dr [Monica Juma|PERSON], and \
         Minister of Foreign Affairs, Professor [David Francis|PERSON], signed. In [Nairobi|GPE], [Ruto|PERSON] spoke.");
    let people = resolve_people(&d);
    assert_eq!(
        find(&people, "Monica Juma").role.as_deref(),
        Some("Cabinet Secretary for Defence"),
        "{people:#?}"
    );
    assert_eq!(
        find(&people, "David Francis").role.as_deref(),
        Some("Minister of Foreign Affairs"),
        "{people:#?}"
    );
    assert_eq!(find(&people, "Ruto").role, None, "{people:#?}");
}

#[test]
fn honorific_and_office_abbreviations_name_no_one() {
    assert!(!is_name("HH"));
    assert!(!is_name("MoFA"));
    assert!(!is_name("MoD"));
    assert!(is_name("McCain"));
    assert!(is_name("HH Sheikh Mohamed"));
    assert!(is_name("DeSantis"));
}

#[test]
fn a_surname_with_a_title_is_the_person_of_that_title() {
    let d = doc("Prime Minister [Nawaz Sharif|PERSON] arrived. Chief Minister [Shahbaz Sharif|PERSON] came too. \
         Prime Minister [Sharif|PERSON] will visit [Hangzhou|GPE]. [Sharif|PERSON] spoke.");
    let people = resolve_people(&d);
    // With no title, the one named last: the prime minister again.
    assert_eq!(
        find(&people, "Nawaz Sharif").mentions.len(),
        3,
        "{people:#?}"
    );
    assert_eq!(
        find(&people, "Shahbaz Sharif").mentions.len(),
        1,
        "{people:#?}"
    );
}

#[test]
fn a_title_tagged_as_a_nationality_is_still_a_title() {
    let d = doc("[Qatar|GPE] [Emir|NORP] Sheikh [Tamim bin Hamad|PERSON] spoke. [Iranian|NORP] envoy [Ali Reza|PERSON] listened.");
    let people = resolve_people(&d);
    assert_eq!(
        find(&people, "Tamim bin Hamad").role.as_deref(),
        Some("Emir"),
        "{people:#?}"
    );
    // A real nationality stays one.
    assert_eq!(
        find(&people, "Ali Reza").country.as_deref(),
        Some("Iran"),
        "{people:#?}"
    );
}

#[test]
fn a_name_without_its_arabic_article_is_the_same_person() {
    let d = doc("Sheikh [Muhammad bin Abdul Rahman al-Thani|PERSON] arrived in [Iraq|GPE]. [Thani|PERSON] met \
         [Mustafa al-Kadhimi|PERSON]. [Kadhimi|PERSON] thanked him.");
    let people = resolve_people(&d);
    assert_eq!(
        find(&people, "Muhammad bin Abdul Rahman al-Thani")
            .mentions
            .len(),
        2,
        "{people:#?}"
    );
    assert_eq!(
        find(&people, "Mustafa al-Kadhimi").mentions.len(),
        2,
        "{people:#?}"
    );
    assert_eq!(people.len(), 2, "{people:#?}");
}

#[test]
fn demonym_title_and_counterpart() {
    let d = doc("[Chinese|NORP] Defense Minister [Dong Jun|PERSON] met with his [Vietnamese|NORP] \
         counterpart [Phan Van Giang|PERSON] in [Beijing|GPE] on [August 20, 2024|DATE]. \
         [Dong|PERSON] stated that efforts should be made. [Lam|PERSON] praised [Dong Jun|PERSON]'s visit.");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 3, "{people:#?}");
    let dong = find(&people, "Dong Jun");
    check(dong, Some("Defense Minister"), Some("China"), None);
    assert_eq!(dong.mentions.len(), 3);
    let phan = find(&people, "Phan Van Giang");
    check(phan, Some("Defense Minister"), Some("Vietnam"), None);
    check(find(&people, "Lam"), None, None, None);
    // Sorted by first mention.
    assert_eq!(
        people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Dong Jun", "Phan Van Giang", "Lam"]
    );
}

#[test]
fn possessive_country_and_rank() {
    for apostrophe in ["'", "\u{2019}"] {
        let d = doc(&format!(
            "[Vietnam|GPE]{apostrophe}s Defense Minister General [Phan Van Giang|PERSON] attended. \
             [Phan|PERSON] told reporters."
        ));
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1, "{people:#?}");
        check(&people[0], Some("Defense Minister"), Some("Vietnam"), None);
        assert_eq!(people[0].mentions.len(), 2);
    }
    // The rank is no role on its own either.
    let d = doc("Senior Lieutenant General [Hoang Xuan Chien|PERSON] arrived.");
    check(&resolve_people(&d)[0], None, None, None);
    // Untagged possessive country.
    let d = doc("Vietnam's Defense Minister [Phan Van Giang|PERSON] attended.");
    check(
        &resolve_people(&d)[0],
        Some("Defense Minister"),
        Some("Vietnam"),
        None,
    );
}

#[test]
fn of_phrase_title_with_organization() {
    let d = doc(" General Secretary of the [Communist Party of Vietnam|ORG] Central Committee [To Lam|PERSON] \
         met with [Chinese|NORP] Defense Minister [Dong Jun|PERSON] in [Hanoi|GPE] on [Thursday|DATE]. \
         [Lam|PERSON] said that [Vietnam|GPE] and [China|GPE] are socialist neighbors.");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 2, "{people:#?}");
    let lam = find(&people, "To Lam");
    check(
        lam,
        Some("General Secretary of the Communist Party of Vietnam Central Committee"),
        Some("Vietnam"),
        Some("Communist Party of Vietnam"),
    );
    assert_eq!(lam.mentions.len(), 2);
    check(
        find(&people, "Dong Jun"),
        Some("Defense Minister"),
        Some("China"),
        None,
    );
}

#[test]
fn apposition_after_the_name() {
    let d = doc(
        "From [October 24 to 26|DATE], [Zhang Youxia|PERSON], vice chairman of the \
         [Central Military Commission|ORG], visited [Vietnam|GPE] at the invitation of the \
         [Vietnamese|NORP] side, where he held talks with [Vietnamese|NORP] Defense Minister \
         [Phan Van Giang|PERSON].",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 2);
    check(
        find(&people, "Zhang Youxia"),
        Some("Vice Chairman of the Central Military Commission"),
        None,
        Some("Central Military Commission"),
    );
    check(
        find(&people, "Phan Van Giang"),
        Some("Defense Minister"),
        Some("Vietnam"),
        None,
    );
}

#[test]
fn apposition_with_nationality_and_coordination() {
    let d = doc(
        "[Song Zhongping|PERSON], a [Chinese|NORP] military expert and TV commentator, told the \
         [Global Times|ORG] on [Tuesday|DATE] that it was so. [Song|PERSON] said more.",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1);
    check(
        &people[0],
        Some("Military Expert and TV Commentator"),
        Some("China"),
        None,
    );
    assert_eq!(people[0].mentions.len(), 2);

    let d = doc(
        "[Ding Duo|PERSON], a deputy director of the [Institute of Maritime Law and Policy|ORG] \
         at the [China Institute for South China Sea Studies|ORG], told the [Global Times|ORG] so.",
    );
    let p = &resolve_people(&d)[0];
    assert_eq!(
        p.role.as_deref(),
        Some("Deputy Director of the Institute of Maritime Law and Policy at the China Institute for South China Sea Studies")
    );
    assert_eq!(
        p.organization.as_deref(),
        Some("Institute of Maritime Law and Policy")
    );
}

#[test]
fn relative_clause_is_no_apposition() {
    let d = doc("[Chinese|NORP] Defense Minister [Li Shangfu|PERSON] said on [Tuesday|DATE] when meeting \
         his [Vietnamese|NORP] counterpart [Phan Van Giang|PERSON], who agreed to push bilateral military \
         ties to a new level.");
    let people = resolve_people(&d);
    check(
        find(&people, "Li Shangfu"),
        Some("Defense Minister"),
        Some("China"),
        None,
    );
    check(
        find(&people, "Phan Van Giang"),
        Some("Defense Minister"),
        Some("Vietnam"),
        None,
    );
    // And a clause after a comma that is no title.
    let d = doc("Foreign Minister [Bui Thanh Son|PERSON], bilateral relations are at their best.");
    check(&resolve_people(&d)[0], Some("Foreign Minister"), None, None);
}

#[test]
fn kazakh_president() {
    let d = doc(
        "[Kazakh|NORP] President [Kassym-Jomart Tokayev|PERSON] received the delegation in \
         [Astana|GPE]. [Tokayev|PERSON] said the talks went well.",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1);
    check(&people[0], Some("President"), Some("Kazakhstan"), None);
    assert_eq!(people[0].name, "Kassym-Jomart Tokayev");
    assert_eq!(people[0].mentions.len(), 2);
    // Untagged demonym.
    let d = doc("Kazakh President [Kassym-Jomart Tokayev|PERSON] spoke.");
    check(
        &resolve_people(&d)[0],
        Some("President"),
        Some("Kazakhstan"),
        None,
    );
}

#[test]
fn honorific_is_no_role() {
    let d = doc("Before that, Mr. [To Lam|PERSON] visited [Laos|GPE] and [Cambodia|GPE].");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1);
    check(&people[0], None, None, None);
    assert_eq!(people[0].name, "To Lam");

    let d = doc(
        "General Secretary [To Lam|PERSON] of [Vietnam|GPE] visited [China|GPE] from \
         [August 18 to 20|DATE]. Before then, Mr. [To Lam|PERSON] visited [Laos|GPE].",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1);
    check(&people[0], Some("General Secretary"), Some("Vietnam"), None);
    assert_eq!(people[0].mentions.len(), 2);
}

#[test]
fn gulf_honorifics_and_pronouns() {
    let d = doc("[His|PERSON] Highness the [Amir Sheikh Tamim bin Hamad Al Thani|PERSON] received \
         Foreign Minister of the [Sultanate|GPE] of [Oman Sayyid Badr bin Hamad Al Busaidi|PERSON]. \
         [HE Saad Sherida Al Kaabi|PERSON] and [Al Busaidi|PERSON] met [Crown Prince|PERSON] \
         [Mohammed bin Salman|PERSON]. The [Amir|PERSON] spoke.");
    let people = resolve_people(&d);
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Tamim bin Hamad Al Thani",
            "Badr bin Hamad Al Busaidi",
            "Saad Sherida Al Kaabi",
            "Mohammed bin Salman"
        ]
    );
    assert_eq!(
        find(&people, "Tamim bin Hamad Al Thani").role.as_deref(),
        Some("Amir")
    );
    assert_eq!(find(&people, "Badr bin Hamad Al Busaidi").mentions.len(), 2);
    // Given names that look like titles or ranks stay names.
    let d =
        doc("[Amir Peretz|PERSON] met [Gen Nakatani|PERSON] and [Gen. Li Wei|PERSON]. [He Lifeng|PERSON] came. \
         [Sheikh Hasina|PERSON] met [Datuk Seri Anwar Ibrahim|PERSON].");
    let names: Vec<String> = resolve_people(&d).into_iter().map(|p| p.name).collect();
    assert_eq!(
        names,
        [
            "Amir Peretz",
            "Gen Nakatani",
            "Li Wei",
            "He Lifeng",
            "Sheikh Hasina",
            "Anwar Ibrahim"
        ]
    );
    assert!(is_name("Ann Lee") && !is_name("His") && !is_name("Crown Prince") && !is_name("Amir"));
    // A country swallowed into the span ends the title before it.
    let d = doc("He met President of [Kazakhstan Kassym-Jomart Tokayev|PERSON] and Foreign Minister of the \
         [Sultanate|GPE] of [Oman Sayyid Badr Al Busaidi|PERSON].");
    let people = resolve_people(&d);
    check(
        find(&people, "Kassym-Jomart Tokayev"),
        Some("President"),
        Some("Kazakhstan"),
        None,
    );
    check(
        find(&people, "Badr Al Busaidi"),
        Some("Foreign Minister"),
        Some("Oman"),
        None,
    );
}

#[test]
fn counterpart_borrows_role_from_previous_sentence() {
    let d = doc(
        "[Chinese|NORP] Foreign Minister [Qin Gang|PERSON] spoke first. His [Vietnamese|NORP] \
         counterpart [Bui Thanh Son|PERSON], who accompanied the prime minister, replied.",
    );
    let people = resolve_people(&d);
    check(
        find(&people, "Qin Gang"),
        Some("Foreign Minister"),
        Some("China"),
        None,
    );
    check(
        find(&people, "Bui Thanh Son"),
        Some("Foreign Minister"),
        Some("Vietnam"),
        None,
    );

    // Two sentences back is too far: only the country is known.
    let d = doc(
        "[Chinese|NORP] Foreign Minister [Qin Gang|PERSON] spoke first. Talks went on. His \
         [Vietnamese|NORP] counterpart [Bui Thanh Son|PERSON] replied.",
    );
    let people = resolve_people(&d);
    check(find(&people, "Bui Thanh Son"), None, Some("Vietnam"), None);

    // The nearest person with a role wins, skipping one without.
    let d = doc("[Vietnamese|NORP] Defense Minister General [Phan Van Giang|PERSON] and aide [Tran|PERSON] \
         met his [Chinese|NORP] counterpart [Dong Jun|PERSON].");
    let people = resolve_people(&d);
    check(
        find(&people, "Dong Jun"),
        Some("Defense Minister"),
        Some("China"),
        None,
    );
}

#[test]
fn org_based_role() {
    let d = doc("[Chinese Defense Ministry|ORG] spokesperson [Zhang Xiaogang|PERSON] said on [Thursday|DATE].");
    check(
        &resolve_people(&d)[0],
        Some("Spokesperson"),
        Some("China"),
        Some("Chinese Defense Ministry"),
    );
    // The same without an ORG entity.
    let d = doc("[Chinese|NORP] Defense Ministry spokesperson [Zhang Xiaogang|PERSON] said so.");
    check(
        &resolve_people(&d)[0],
        Some("Spokesperson"),
        Some("China"),
        Some("Chinese Defense Ministry"),
    );
    // A possessive country stays out of the organisation.
    let d = doc("[Vietnam|GPE]'s Foreign Ministry spokeswoman [Pham Thu Hang|PERSON] said so.");
    check(
        &resolve_people(&d)[0],
        Some("Spokeswoman"),
        Some("Vietnam"),
        Some("Foreign Ministry"),
    );
}

#[test]
fn org_before_title() {
    let d = doc("[Vietnam Communist Party Central Committee|ORG] Secretary General [To Lam|PERSON] met guests.");
    check(
        &resolve_people(&d)[0],
        Some("Secretary General"),
        Some("Vietnam"),
        Some("Vietnam Communist Party Central Committee"),
    );
    let d = doc("[Vietnam|GPE] Communist Party Central Committee Secretary General [To Lam|PERSON] met guests.");
    check(
        &resolve_people(&d)[0],
        Some("Secretary General"),
        Some("Vietnam"),
        Some("Vietnam Communist Party Central Committee"),
    );
}

#[test]
fn lowercase_titles_and_temporal_words() {
    let d = doc("Following the visits to [China|GPE] of [Vietnam|GPE]'s communist party chief \
         [Nguyen Phu Trong|PERSON] and others, [Vietnamese|NORP] Prime Minister [Pham Minh Chinh|PERSON] arrived.");
    let people = resolve_people(&d);
    check(
        find(&people, "Nguyen Phu Trong"),
        Some("Communist Party Chief"),
        Some("Vietnam"),
        None,
    );
    check(
        find(&people, "Pham Minh Chinh"),
        Some("Prime Minister"),
        Some("Vietnam"),
        None,
    );

    let d = doc("After the passing of the late General Secretary [Nguyen Phu Trong|PERSON], questions arose.");
    check(
        &resolve_people(&d)[0],
        Some("General Secretary"),
        None,
        None,
    );

    let d = doc("He met former [U.S.|GPE] President [Barack Obama|PERSON] there.");
    check(
        &resolve_people(&d)[0],
        Some("President"),
        Some("United States"),
        None,
    );
}

#[test]
fn country_complement_leaves_the_role() {
    let d = doc(
        "The visit by General Secretary and President of [China|GPE] [Xi Jinping|PERSON] ended.",
    );
    check(
        &resolve_people(&d)[0],
        Some("General Secretary and President"),
        Some("China"),
        None,
    );
    let d = doc("On [August 20|DATE], [China|GPE]'s Minister of National Defense [Dong Jun|PERSON] met him.");
    check(
        &resolve_people(&d)[0],
        Some("Minister of National Defense"),
        Some("China"),
        None,
    );
    // "to" names the host, not the envoy's country.
    let d = doc("[U.S.|GPE] Ambassador to [China|GPE] [Nicholas Burns|PERSON] spoke.");
    check(
        &resolve_people(&d)[0],
        Some("Ambassador to China"),
        Some("United States"),
        None,
    );
    let d = doc("Ambassador to [China|GPE] [Nicholas Burns|PERSON] spoke.");
    check(
        &resolve_people(&d)[0],
        Some("Ambassador to China"),
        None,
        None,
    );
}

#[test]
fn longest_role_is_kept() {
    let d = doc("[Chinese|NORP] Defense Minister [Dong Jun|PERSON] arrived. On [August 20|DATE], \
         [China|GPE]'s Minister of National Defense [Dong Jun|PERSON] met him. [Dong|PERSON] spoke.");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1);
    check(
        &people[0],
        Some("Minister of National Defense"),
        Some("China"),
        None,
    );
    assert_eq!(people[0].mentions.len(), 3);
}

#[test]
fn diacritics_do_not_split_a_person() {
    let d = doc("[Vietnamese|NORP] Prime Minister [Phạm Minh Chính|PERSON] arrived. [Pham Minh Chinh|PERSON] \
         then left, and [CHÍNH|PERSON] said so. [Chinh|PERSON] smiled.");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0].name, "Phạm Minh Chính");
    assert_eq!(people[0].mentions.len(), 4);
    check(&people[0], Some("Prime Minister"), Some("Vietnam"), None);
}

#[test]
fn shared_surname_goes_to_the_most_recent() {
    let d = doc(
        "[Chinese|NORP] Defense Minister [Li Shangfu|PERSON] spoke. Premier [Li Qiang|PERSON] \
         arrived later. [Li|PERSON] said the economy was strong. Then [Li Shangfu|PERSON] replied. \
         [Li|PERSON] added that the army was ready.",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 2, "{people:#?}");
    let shangfu = find(&people, "Li Shangfu");
    let qiang = find(&people, "Li Qiang");
    let li: Vec<ByteSpan> = d
        .entities
        .iter()
        .filter(|e| d.span_text(e.span) == "Li")
        .map(|e| e.span)
        .collect();
    assert!(qiang.mentions.contains(&li[0]));
    assert!(shangfu.mentions.contains(&li[1]));
    check(shangfu, Some("Defense Minister"), Some("China"), None);
    check(qiang, Some("Premier"), None, None);
}

#[test]
fn shared_given_name_and_single_names() {
    let d = doc(
        "[Dong Jun|PERSON] met [Li Jun|PERSON]. [Jun|PERSON] spoke. [Biden|PERSON] called. \
         President [Biden|PERSON] spoke again.",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 3, "{people:#?}");
    assert_eq!(find(&people, "Li Jun").mentions.len(), 2);
    assert_eq!(find(&people, "Dong Jun").mentions.len(), 1);
    let biden = find(&people, "Biden");
    assert_eq!(biden.mentions.len(), 2);
    assert_eq!(biden.role.as_deref(), Some("President"));
}

#[test]
fn short_name_before_full_name_and_subsequences() {
    let d = doc(
        "[Lam|PERSON] spoke first. Later General Secretary [To Lam|PERSON] closed the meeting. \
         [Antony Blinken|PERSON] met [Antony J. Blinken|PERSON].",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 2, "{people:#?}");
    assert_eq!(find(&people, "To Lam").mentions.len(), 2);
    assert_eq!(find(&people, "Antony J. Blinken").mentions.len(), 2);
}

#[test]
fn titles_and_possessives_inside_the_span() {
    let d = doc("[President Xi Jinping|PERSON] visited. [Mr. To Lam|PERSON] met [Xi|PERSON]. \
         [Dong Jun's|PERSON] trip and [Dong Jun\u{2019}s|PERSON] plane. [General Phan Van Giang|PERSON] came. [defense minister Li Shangfu|PERSON] left.");
    let people = resolve_people(&d);
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Xi Jinping",
            "To Lam",
            "Dong Jun",
            "Phan Van Giang",
            "Li Shangfu"
        ]
    );
    check(
        find(&people, "Li Shangfu"),
        Some("Defense Minister"),
        None,
        None,
    );
    check(find(&people, "Xi Jinping"), Some("President"), None, None);
    assert_eq!(find(&people, "Xi Jinping").mentions.len(), 2);
    check(find(&people, "To Lam"), None, None, None);
    assert_eq!(find(&people, "Dong Jun").mentions.len(), 2);
    check(find(&people, "Phan Van Giang"), None, None, None);
}

#[test]
fn long_apposition_with_organizations() {
    let d = doc("[Zhuo Hua|PERSON], an international affairs expert at the [School of International Relations \
         and Diplomacy|ORG] of [Beijing Foreign Studies University|ORG], told the [Global Times|ORG] on \
         [Tuesday|DATE] that it was wishful thinking. [Zhuo|PERSON] pointed out more.");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1);
    check(
        &people[0],
        Some("International Affairs Expert at the School of International Relations and Diplomacy of Beijing Foreign Studies University"),
        None,
        Some("School of International Relations and Diplomacy"),
    );
    assert_eq!(people[0].mentions.len(), 2);
}

#[test]
fn clause_openers_are_not_titles() {
    let d = doc("Yesterday President [Biden|PERSON] spoke. Meanwhile [Vietnamese|NORP] Foreign Minister \
         [Bui Thanh Son|PERSON] met with [Chinese|NORP] Defense Minister [Dong Jun|PERSON] in [Hanoi|GPE].");
    let people = resolve_people(&d);
    check(find(&people, "Biden"), Some("President"), None, None);
    check(
        find(&people, "Bui Thanh Son"),
        Some("Foreign Minister"),
        Some("Vietnam"),
        None,
    );
    check(
        find(&people, "Dong Jun"),
        Some("Defense Minister"),
        Some("China"),
        None,
    );
}

#[test]
fn lowercase_noun_before_a_preposition_is_no_title() {
    let d = doc("And we delivered justice to [bin Laden|PERSON].");
    check(&resolve_people(&d)[0], None, None, None);
    // The tagger left "To" out of "To Lam": the title still counts.
    let d = doc("General Secretary To [Lam|PERSON] visited [China|GPE].");
    check(
        &resolve_people(&d)[0],
        Some("General Secretary"),
        None,
        None,
    );
    let d = doc("It was sent by the minister of [Dong|PERSON].");
    check(&resolve_people(&d)[0], None, None, None);
}

#[test]
fn country_without_title() {
    let d = doc("[Vietnam|GPE]'s [To Lam|PERSON] and [Chinese|NORP] [Xi Jinping|PERSON] met.");
    let people = resolve_people(&d);
    check(find(&people, "To Lam"), None, Some("Vietnam"), None);
    check(find(&people, "Xi Jinping"), None, Some("China"), None);
}

#[test]
fn seed_paragraphs() {
    let d = doc("[Vietnam Communist Party Central Committee|ORG] Secretary General [To Lam|PERSON] met with \
         [Chinese|NORP] Defense Minister [Dong Jun|PERSON] in [Hanoi|GPE] on [Thursday|DATE]. According to \
         the [Xinhua News Agency|ORG], [Dong|PERSON] and his accompanying delegation attended a grand meeting.\n\
         On [April 11-12, 2024|DATE], the eighth [Vietnam-China Border Defense Friendship Exchange|ORG] was \
         held under the co-chairmanship of [Vietnamese|NORP] Defense Minister General [Phan Van Giang|PERSON] \
         and his [Chinese|NORP] counterpart [Dong Jun|PERSON].\n\
         Phan told [Li|PERSON] that the [Vietnamese|NORP] military is willing. [Phan|PERSON] agreed.");
    let people = resolve_people(&d);
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["To Lam", "Dong Jun", "Phan Van Giang", "Li"]);
    check(
        find(&people, "To Lam"),
        Some("Secretary General"),
        Some("Vietnam"),
        Some("Vietnam Communist Party Central Committee"),
    );
    check(
        find(&people, "Dong Jun"),
        Some("Defense Minister"),
        Some("China"),
        None,
    );
    assert_eq!(find(&people, "Dong Jun").mentions.len(), 3);
    check(
        find(&people, "Phan Van Giang"),
        Some("Defense Minister"),
        Some("Vietnam"),
        None,
    );
    assert_eq!(find(&people, "Phan Van Giang").mentions.len(), 2);
}

#[test]
fn person_at_finds_exact_and_overlapping_mentions() {
    let d =
        doc("[Chinese|NORP] Defense Minister [Dong Jun|PERSON] met [Phan Van Giang|PERSON]. [Dong|PERSON] spoke.");
    let people = resolve_people(&d);
    let spans: Vec<ByteSpan> = d
        .entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .map(|e| e.span)
        .collect();
    assert_eq!(person_at(&people, spans[0]), Some(0));
    assert_eq!(person_at(&people, spans[1]), Some(1));
    assert_eq!(person_at(&people, spans[2]), Some(0));
    // "Dong Jun's" covering the mention, or a part of it.
    assert_eq!(
        person_at(&people, ByteSpan::new(spans[0].start, spans[0].end + 2)),
        Some(0)
    );
    assert_eq!(
        person_at(&people, ByteSpan::new(spans[1].start + 5, spans[1].end)),
        Some(1)
    );
    assert_eq!(person_at(&people, ByteSpan::new(0, 7)), None);
    assert_eq!(person_at(&[], spans[0]), None);
}

#[test]
fn empty_and_broken_documents() {
    assert!(resolve_people(&Document::default()).is_empty());
    assert!(resolve_people(&Document::failed("x", "x", "unreadable")).is_empty());
    let d = doc("No people here, only [Hanoi|GPE].");
    assert!(resolve_people(&d).is_empty());

    // Spans out of range, off char boundaries, empty, reversed, overlapping, unsorted; no
    // sentences at all.
    let text = "Phạm Minh Chính met Dong Jun in Hà Nội.".to_string();
    let mut d = Document::from_text("x", text.clone());
    let e = |s: usize, t: usize, label| Entity {
        span: ByteSpan { start: s, end: t },
        label,
        score: 1.0,
    };
    let dong = text.find("Dong Jun").unwrap();
    d.entities = vec![
        e(dong, dong + 8, EntityLabel::Person),
        e(0, 2, EntityLabel::Person),  // inside "ạ"
        e(0, 19, EntityLabel::Person), // the whole name
        e(3, 10, EntityLabel::Person), // overlaps the previous
        e(30, 5, EntityLabel::Person), // reversed
        e(35, 500, EntityLabel::Gpe),  // out of range
        e(7, 7, EntityLabel::Person),  // empty
    ];
    d.sentences = vec![
        ByteSpan { start: 10, end: 3 },
        ByteSpan {
            start: 0,
            end: 9999,
        },
    ];
    let people = resolve_people(&d);
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Phạm Minh Chính", "Dong Jun"]);
}

#[test]
fn a_quoted_nickname_joins_the_name_it_stands_in() {
    let d = doc(
        "President [Joko|PERSON] \"[Jokowi|PERSON]\" [Widodo|PERSON] met [Malcolm Turnbull|PERSON]. Later [Jokowi|PERSON] flew home.",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 2, "{people:#?}");
    let jokowi = find(&people, "Joko Widodo");
    assert_eq!(jokowi.mentions.len(), 2);
    assert_eq!(jokowi.mentions[0].slice(&d.text), "Joko \"Jokowi\" Widodo");
    assert_eq!(jokowi.role.as_deref(), Some("President"));

    // Curly quotes, the opening one inside the first span; "Tom Lembong" and "Tom" later.
    let d = doc("[Thomas \u{201c}|PERSON][Tom|PERSON]\u{201d} [Lembong|PERSON] said so. [Tom Lembong|PERSON] and [Tom|PERSON] left.");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(
        (people[0].name.as_str(), people[0].mentions.len()),
        ("Thomas Lembong", 3)
    );

    // One span holding the nickname.
    let d = doc("[Ferdinand \"Bongbong\" Marcos Jr.|PERSON] spoke. [Bongbong|PERSON] smiled.");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(
        (people[0].name.as_str(), people[0].mentions.len()),
        ("Ferdinand Marcos Jr.", 2)
    );
}

#[test]
fn quotes_between_two_people_join_nothing() {
    let d = doc(
        "[Modi|PERSON] told \"[Sharif|PERSON]\" [Xi|PERSON] nothing. [Biden|PERSON] \"Great\" said [Trump|PERSON].",
    );
    let names: Vec<String> = resolve_people(&d).into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["Modi", "Sharif", "Xi", "Biden", "Trump"]);
}

#[test]
fn mentions_without_name_are_skipped() {
    let d = doc("He met [Mr.|PERSON] and ['s|PERSON] and [,|PERSON] and [His Majesty|PERSON] and [Lam|PERSON].");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name, "Lam");
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "Sheikh ",
        "HE ",
        "His ",
        "Amir ",
        "Gen ",
        "Oman ",
        "Sultanate of ",
        "Dong Jun",
        "Dong",
        "Phạm Minh Chính",
        "Pham",
        "Chinese",
        "Vietnam",
        "'s",
        "\u{2019}s",
        " ",
        " ",
        ", ",
        ". ",
        "\n",
        "Defense Minister",
        "General",
        "Secretary",
        "of the",
        "Mr.",
        "his",
        "counterpart",
        "vice chairman",
        "Communist Party",
        "who",
        "Hà Nội",
        "😀",
        "越南",
        "(",
        ")",
        "&",
        "-",
        "U.S.",
        "Li",
        "Lam",
        "To",
        "and",
        "President",
        "[1]",
        "’",
        "'",
        ".",
    ];

    fn arb_doc() -> impl Strategy<Value = Document> {
        (
            prop::collection::vec(prop::sample::select(PIECES), 0..60),
            prop::collection::vec((any::<prop::sample::Index>(), 0usize..40, 0usize..6), 0..25),
            prop::collection::vec((any::<prop::sample::Index>(), 0usize..200), 0..6),
        )
            .prop_map(|(pieces, ents, sents)| {
                let text: String = pieces.concat();
                let bounds: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                let entities = ents
                    .into_iter()
                    .map(|(at, len, label)| {
                        let a = at.index(bounds.len());
                        let b = (a + len).min(bounds.len() - 1);
                        Entity {
                            span: ByteSpan {
                                start: bounds[a],
                                end: bounds[b],
                            },
                            label: EntityLabel::ALL[label],
                            score: 0.5,
                        }
                    })
                    .collect();
                let sentences = sents
                    .into_iter()
                    .map(|(at, len)| {
                        let a = at.index(bounds.len());
                        let b = (a + len).min(bounds.len() - 1);
                        ByteSpan {
                            start: bounds[a],
                            end: bounds[b],
                        }
                    })
                    .collect();
                let mut d = Document::from_text("p", text);
                d.entities = entities;
                d.sentences = sentences;
                d
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn never_panics_and_mentions_are_consistent(d in arb_doc()) {
            let people = resolve_people(&d);
            let mut seen = std::collections::HashSet::new();
            for (i, p) in people.iter().enumerate() {
                prop_assert!(!p.name.is_empty());
                prop_assert!(!p.mentions.is_empty());
                prop_assert!(p.mentions.windows(2).all(|w| w[0].start <= w[1].start));
                for m in &p.mentions {
                    prop_assert!(seen.insert(*m), "mention in two people");
                    prop_assert_eq!(person_at(&people, *m), Some(i));
                    prop_assert!(d.entities.iter().any(|e| e.span == *m && e.label == EntityLabel::Person));
                }
                if let Some(c) = &p.country {
                    prop_assert!(crate::gazetteer::canonical_country(c).is_some());
                }
            }
            prop_assert!(people.windows(2).all(|w| w[0].mentions[0].start <= w[1].mentions[0].start));
        }

        #[test]
        fn segmented_docs_never_panic(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..80),
                                      marks in prop::collection::vec(0usize..6, 0..80)) {
            // Entities on word boundaries, as a tagger would put them.
            let mut text = String::new();
            let mut entities = Vec::new();
            for (piece, label) in pieces.iter().zip(marks.iter().chain(std::iter::repeat(&0))) {
                let start = text.len();
                text.push_str(piece);
                if piece.chars().any(char::is_alphabetic) && *label < EntityLabel::ALL.len() && label % 2 == 0 {
                    entities.push(Entity { span: ByteSpan::new(start, text.len()), label: EntityLabel::ALL[*label], score: 1.0 });
                }
                text.push(' ');
            }
            let mut d = Document::from_text("p", text);
            d.entities = entities;
            RuleSegmenter.annotate(&mut d);
            let _ = resolve_people(&d);
        }
    }
}

#[test]
fn the_spelling_written_most_often_names_the_person() {
    let people = resolve_people(&doc(
        "President [Alasane Ouattara|PERSON] seeks ties\n[Alassane Ouattara|PERSON] met the bank. [Alassane Ouattara|PERSON] said so.",
    ));
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0].name, "Alassane Ouattara");
}

#[test]
fn a_regnal_number_keeps_the_fuller_name_however_often_the_bare_one_is_written() {
    let people = resolve_people(&doc("[King Abdullah II|PERSON] met [Abbas|PERSON]. [Abdullah|PERSON] spoke. [Abdullah|PERSON] left."));
    assert!(
        people.iter().any(|p| p.name == "Abdullah II"),
        "{people:#?}"
    );
}

#[test]
fn a_function_word_the_tagger_took_into_a_name_is_left_out() {
    let d = doc("First Call [Between Han|PERSON] and [Trump|PERSON] in 152 Days\nPrime Minister [Han Duck-soo|PERSON] spoke with \
         [Donald Trump|PERSON].");
    let people = resolve_people(&d);
    assert!(
        people.iter().all(|p| !p.name.starts_with("Between")),
        "{people:#?}"
    );
    assert_eq!(
        find(&people, "Han Duck-soo").mentions.len(),
        2,
        "{people:#?}"
    );
}

#[test]
fn a_country_tagged_as_a_person_is_no_one() {
    let d = doc("[Wang Yi|PERSON] met [Kiribati|PERSON]'s President [Taneti Maamau|PERSON] in [Tarawa|GPE].");
    let people = resolve_people(&d);
    assert!(people.iter().all(|p| p.name != "Kiribati"), "{people:#?}");
    assert!(
        people.iter().any(|p| p.name == "Taneti Maamau"),
        "{people:#?}"
    );
}

#[test]
fn two_names_joined_by_a_hyphen_are_a_pair_not_a_person() {
    let d = doc("[Han|PERSON] called [Trump|PERSON] after the [Yoon-Trump|PERSON] call. [Donald Trump|PERSON] spoke \
         with [Yoon Seok-youl|PERSON] in November. [Lee Jae-myung|PERSON] won. [Sahle-Work|PERSON] spoke.");
    let people = resolve_people(&d);
    assert!(people.iter().all(|p| p.name != "Yoon-Trump"), "{people:#?}");
    assert!(
        people.iter().any(|p| p.name == "Lee Jae-myung"),
        "{people:#?}"
    );
    assert!(
        people.iter().any(|p| p.name == "Sahle-Work"),
        "a hyphenated name of its own stays: {people:#?}"
    );
}

#[test]
fn two_people_tagged_as_one_name_no_one() {
    let d = doc("[Condoleezza Rice og Ingibjörg Sólrún Gísladóttir|PERSON]\n[Condoleezza Rice|PERSON] met today with \
         [Ingibjörg Sólrún Gísladóttir|PERSON].");
    let people = resolve_people(&d);
    assert_eq!(people.len(), 2, "{people:#?}");
    assert_eq!(
        find(&people, "Condoleezza Rice").mentions.len(),
        1,
        "{people:#?}"
    );
}

#[test]
fn a_surname_that_is_a_country_stays_a_person_when_the_story_names_them() {
    let d = doc("Rep. [Jim Jordan|PERSON] spoke. [Jordan|PERSON] said the bill would pass. [Than Swe|PERSON] met [Wang Yi|PERSON].");
    let people = resolve_people(&d);
    assert_eq!(find(&people, "Jim Jordan").mentions.len(), 2, "{people:#?}");
    assert!(people.iter().any(|p| p.name == "Than Swe"), "{people:#?}");
}

#[test]
fn a_monarch_named_by_his_given_name_is_not_a_minister_who_shares_it() {
    // "King Abdullah" is not "Abdullah Gul", though the name is his first word; a bare
    // "Abdullah" is then the king, the one known by that word alone (the minister is "Gul").
    let d = doc("Talks between King [Abdullah|PERSON] and President [Ahmed Sezer|PERSON] began. \
         [Abdullah|PERSON], the first Saudi king to visit in 40 years, arrived yesterday. \
         Foreign Minister [Abdullah Gul|PERSON] greeted the king. Later [Gul|PERSON] said [Abdullah|PERSON] spoke.");
    let people = resolve_people(&d);
    assert_eq!(find(&people, "Abdullah").mentions.len(), 3, "{people:#?}");
    assert_eq!(
        find(&people, "Abdullah Gul").mentions.len(),
        2,
        "{people:#?}"
    );
    // A full name given with no title at all, then the royal title with the given name.
    let d = doc("[Mohammed bin Salman|PERSON] said so. Crown Prince [Mohammed|PERSON] added more.");
    assert_eq!(resolve_people(&d).len(), 1, "{:#?}", resolve_people(&d));
    // A title of the same kind still joins the given name to its full name.
    let d = doc(
        "King [Abdullah bin Abdulaziz|PERSON] arrived. King [Abdullah|PERSON] met the president.",
    );
    let people = resolve_people(&d);
    assert_eq!(people.len(), 1, "{people:#?}");
}

#[test]
fn an_initial_stuck_to_the_name_is_still_the_surname_alone() {
    let d =
        doc("Prime Minister [J.Erdenebat|PERSON] arrived. Later [Erdenebat|PERSON] met the press.");
    let people = resolve_people(&d);
    assert_eq!(
        find(&people, "J.Erdenebat").mentions.len(),
        2,
        "{people:#?}"
    );
    assert_eq!(people.len(), 1, "{people:#?}");
}
