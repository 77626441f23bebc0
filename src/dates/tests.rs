use chrono::Weekday;
use proptest::prelude::*;

use super::*;

#[test]
fn iso_values_read_back() {
    for text in [
        "2024-08-20",
        "2024-08",
        "2024",
        "2024-04-11/2024-04-12",
        "2024-01/2024-07",
        "0999",
    ] {
        assert_eq!(
            DateValue::from_iso(text).map(|v| v.iso()).as_deref(),
            Some(text)
        );
    }
    for bad in [
        "",
        "2024-13",
        "2024-02-30",
        "24-01-01",
        "a/b",
        "2024/2025/2026",
        "2024-1-1",
    ] {
        assert!(DateValue::from_iso(bad).is_none(), "{bad}");
    }
}

/// Friday 20 December 2024, the publication date of the seed article.
fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 12, 20).unwrap()
}

fn at(mention: &str, tense: Tense) -> Option<String> {
    resolve(mention, &DateContext::new(Some(anchor()), tense)).map(|v| v.iso())
}

fn r(mention: &str) -> Option<String> {
    at(mention, Tense::Unknown)
}

fn check(cases: &[(&str, &str)]) {
    for (mention, want) in cases {
        assert_eq!(r(mention).as_deref(), Some(*want), "{mention:?}");
    }
}

#[test]
fn an_ordinal_that_numbers_a_thing_is_no_day() {
    for (mention, after) in [
        ("the 28th", " and 29th ASEAN summits in Vientiane"),
        ("the 60th", " anniversary of relations"),
        ("the 15th", " Extraordinary Session of the Assembly"),
        ("31st", " SCO summit"),
    ] {
        assert!(numbers_a_thing(mention, after), "{mention}{after}");
    }
    for (mention, after) in [
        ("the 28th", ", the ministers met"),
        ("the 28th", " in Vientiane"),
        ("the 28th", " President Xi arrived"),
        ("the 28th", ""),
        ("June 28th", " summit"),
        ("28", " summits"),
    ] {
        assert!(!numbers_a_thing(mention, after), "{mention}{after}");
    }
}

fn none(mentions: &[&str]) {
    for mention in mentions {
        assert_eq!(r(mention), None, "{mention:?}");
    }
}

#[test]
fn anchor_is_a_friday() {
    assert_eq!(anchor().weekday(), Weekday::Fri);
}

#[test]
fn full_dates_in_every_common_form() {
    let cases = [
        ("August 20, 2024", "2024-08-20"),
        ("20 August 2024", "2024-08-20"),
        ("Aug. 20, 2024", "2024-08-20"),
        ("2024-08-20", "2024-08-20"),
        ("2024/08/20", "2024-08-20"),
        ("12.20.2024", "2024-12-20"),
        ("20/08/2024", "2024-08-20"),
        ("20.08.2024", "2024-08-20"),
        ("Dec 20, 2024", "2024-12-20"),
        ("Dec 20, 2024 11:19 PM", "2024-12-20"),
        ("2019-02-22T07:51:00Z", "2019-02-22"),
        ("August 20th, 2024", "2024-08-20"),
        ("the 20th of August, 2024", "2024-08-20"),
        ("Thursday, December 19, 2024", "2024-12-19"),
        ("Thu., Dec. 19, 2024", "2024-12-19"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("SEPTEMBER 3 2024", "2024-09-03"),
        ("Feb 06, 2025", "2025-02-06"),
        ("on 29 February 2024", "2024-02-29"),
    ];
    for (mention, want) in cases {
        assert_eq!(
            parse_explicit(mention).map(|v| v.iso()).as_deref(),
            Some(want),
            "{mention:?}"
        );
        assert_eq!(r(mention).as_deref(), Some(want), "{mention:?}");
    }
}

#[test]
fn ambiguous_numeric_dates_read_day_first() {
    assert_eq!(parse_explicit("05/06/2024").unwrap().iso(), "2024-06-05");
    assert_eq!(parse_explicit("20/08/24").unwrap().iso(), "2024-08-20");
}

#[test]
fn impossible_dates_are_none() {
    for text in [
        "29 February 2023",
        "31/04/2024",
        "2024-13-01",
        "April 31, 2024",
        "32 May 2024",
    ] {
        assert_eq!(parse_explicit(text), None, "{text:?}");
    }
}

#[test]
fn explicit_parsing_needs_no_anchor_but_partial_dates_do() {
    assert_eq!(parse_explicit("May 2023").unwrap().iso(), "2023-05");
    assert_eq!(parse_explicit("2024").unwrap().iso(), "2024");
    assert_eq!(
        parse_explicit("April 11-12, 2024").unwrap().iso(),
        "2024-04-11/2024-04-12"
    );
    for text in [
        "August 20",
        "Thursday",
        "this year",
        "last week",
        "May",
        "12",
        "",
    ] {
        assert_eq!(parse_explicit(text), None, "{text:?}");
    }
}

#[test]
fn partial_dates_take_the_anchor_year() {
    check(&[
        ("August 20", "2024-08-20"),
        ("Dec. 19", "2024-12-19"),
        ("on May 23", "2024-05-23"),
        ("20th August", "2024-08-20"),
        ("the 20th of August", "2024-08-20"),
    ]);
}

#[test]
fn year_less_dates_follow_the_tense_across_new_year() {
    assert_eq!(
        at("January 5", Tense::Future).as_deref(),
        Some("2025-01-05")
    );
    assert_eq!(
        at("December 19", Tense::Future).as_deref(),
        Some("2024-12-19")
    );
    assert_eq!(at("January 5", Tense::Past).as_deref(), Some("2024-01-05"));
    // Unknown tense: January is a month away next year, eleven months back this year.
    assert_eq!(r("January").as_deref(), Some("2025-01"));
    let jan = DateContext::new(NaiveDate::from_ymd_opt(2025, 1, 3), Tense::Past);
    assert_eq!(resolve("Dec 30", &jan).unwrap().iso(), "2024-12-30");
    assert_eq!(resolve("in May", &jan).unwrap().iso(), "2024-05");
    let jan = DateContext::new(NaiveDate::from_ymd_opt(2025, 1, 3), Tense::Unknown);
    assert_eq!(resolve("December 28", &jan).unwrap().iso(), "2024-12-28");
}

#[test]
fn weekdays_follow_the_tense() {
    assert_eq!(
        at("on Thursday", Tense::Past).as_deref(),
        Some("2024-12-19")
    );
    assert_eq!(at("Monday", Tense::Future).as_deref(), Some("2024-12-23"));
    assert_eq!(at("on Monday", Tense::Past).as_deref(), Some("2024-12-16"));
    assert_eq!(at("Friday", Tense::Future).as_deref(), Some("2024-12-20"));
    assert_eq!(at("Friday", Tense::Past).as_deref(), Some("2024-12-20"));
    // Unknown tense: the most recent one within the week, the anchor day included.
    check(&[
        ("Thursday", "2024-12-19"),
        ("Friday", "2024-12-20"),
        ("Saturday", "2024-12-14"),
        ("on Tuesday morning", "2024-12-17"),
        ("Thursday's", "2024-12-19"),
        ("THURSDAY", "2024-12-19"),
        ("Thurs.", "2024-12-19"),
    ]);
}

#[test]
fn qualified_weekdays() {
    check(&[
        ("last Thursday", "2024-12-19"),
        ("last Friday", "2024-12-13"),
        ("next Monday", "2024-12-23"),
        ("next Friday", "2024-12-27"),
        ("this Monday", "2024-12-16"),
        ("this coming Monday", "2024-12-23"),
        ("this past Monday", "2024-12-16"),
        ("Thursday last week", "2024-12-12"),
        ("Monday next week", "2024-12-23"),
        ("Monday of next week", "2024-12-23"),
    ]);
    assert_eq!(
        at("this Monday", Tense::Future).as_deref(),
        Some("2024-12-23")
    );
}

#[test]
fn ranges() {
    check(&[
        ("From April 11 to 12", "2024-04-11/2024-04-12"),
        ("April 11 to 12", "2024-04-11/2024-04-12"),
        ("April 11-12, 2024", "2024-04-11/2024-04-12"),
        ("April 11 – 12, 2024", "2024-04-11/2024-04-12"),
        ("11-12 April 2024", "2024-04-11/2024-04-12"),
        ("October 24 to 26", "2024-10-24/2024-10-26"),
        ("March 26-29", "2024-03-26/2024-03-29"),
        ("between 2 and 4 May", "2024-05-02/2024-05-04"),
        ("from August 18 to 20", "2024-08-18/2024-08-20"),
        ("Dec 30, 2024 to Jan 2, 2025", "2024-12-30/2025-01-02"),
        ("Dec 30 to Jan 2, 2025", "2024-12-30/2025-01-02"),
        ("April 28 to May 2", "2024-04-28/2024-05-02"),
        ("28 April - 2 May 2023", "2023-04-28/2023-05-02"),
        ("May to July 2024", "2024-05/2024-07"),
        ("2023-2024", "2023/2024"),
        ("2023-24", "2023/2024"),
        ("from 2020 to 2024", "2020/2024"),
        ("late May to early June", "2024-05-21/2024-06-10"),
        ("mid-July to mid-August", "2024-07-11/2024-08-20"),
    ]);
    assert_eq!(
        at("Dec 30 to Jan 2", Tense::Future).as_deref(),
        Some("2024-12-30/2025-01-02")
    );
    assert_eq!(
        at("Monday to Wednesday", Tense::Future).as_deref(),
        Some("2024-12-23/2024-12-25")
    );
    assert_eq!(
        at("Friday to Sunday", Tense::Future).as_deref(),
        Some("2024-12-20/2024-12-22")
    );
    none(&["April 12 to 11, 2024", "2 and 4 May", "12 to 14"]);
}

#[test]
fn months() {
    check(&[
        ("in May", "2024-05"),
        ("May 2023", "2023-05"),
        ("May, 2023", "2023-05"),
        ("December", "2024-12"),
        ("Sept.", "2024-09"),
        ("last May", "2024-05"),
        ("next May", "2025-05"),
        ("this May", "2024-05"),
        ("May last year", "2023-05"),
        ("May 20 last year", "2023-05-20"),
        ("December 2023", "2023-12"),
    ]);
}

#[test]
fn parts_of_months_and_years() {
    check(&[
        ("late May", "2024-05-21/2024-05-31"),
        ("in late May", "2024-05-21/2024-05-31"),
        ("early June", "2024-06-01/2024-06-10"),
        ("mid-July", "2024-07-11/2024-07-20"),
        ("mid July", "2024-07-11/2024-07-20"),
        ("the middle of July", "2024-07-11/2024-07-20"),
        ("the end of May", "2024-05-21/2024-05-31"),
        ("at the end of the month", "2024-12-21/2024-12-31"),
        ("the beginning of May", "2024-05-01/2024-05-10"),
        ("late February 2024", "2024-02-21/2024-02-29"),
        ("the end of February 2023", "2023-02-21/2023-02-28"),
        ("early 2024", "2024-01/2024-04"),
        ("mid-2024", "2024-05/2024-08"),
        ("late last year", "2023-09/2023-12"),
        ("the beginning of this year", "2024-01"),
        ("since the beginning of the year", "2024-01"),
        ("the end of the year", "2024-12"),
        ("by the end of next year", "2025-12"),
        ("year-end", "2024-12"),
        ("early next week", "2024-12-23/2024-12-25"),
        ("late this week", "2024-12-20/2024-12-22"),
        ("late Thursday", "2024-12-19"),
        ("the early 1990s", "1990/1993"),
    ]);
}

#[test]
fn spans_quarters_halves_and_seasons() {
    check(&[
        ("the first 7 months of 2024", "2024-01/2024-07"),
        ("the first seven months of this year", "2024-01/2024-07"),
        ("the first seven months", "2024-01/2024-07"),
        ("the last three months of 2023", "2023-10/2023-12"),
        ("the first 10 days of December", "2024-12-01/2024-12-10"),
        ("the last week of May", "2024-05-25/2024-05-31"),
        ("the second week of May", "2024-05-08/2024-05-14"),
        ("the first day of May", "2024-05-01"),
        ("the first half of May", "2024-05-01/2024-05-15"),
        ("the second half of May", "2024-05-16/2024-05-31"),
        ("the first quarter of 2024", "2024-01/2024-03"),
        ("the 4th quarter of last year", "2023-10/2023-12"),
        ("the third quarter", "2024-07/2024-09"),
        ("Q3 2024", "2024-07/2024-09"),
        ("Q1", "2024-01/2024-03"),
        ("H2 2023", "2023-07/2023-12"),
        ("the second half of the year", "2024-07/2024-12"),
        ("the first half of 2025", "2025-01/2025-06"),
        ("this quarter", "2024-10/2024-12"),
        ("last quarter", "2024-07/2024-09"),
        ("summer 2024", "2024-06/2024-08"),
        ("the summer of 2023", "2023-06/2023-08"),
        ("this summer", "2024-06/2024-08"),
        ("last winter", "2023-12/2024-02"),
        ("this winter", "2024-12/2025-02"),
        ("next spring", "2025-03/2025-05"),
        ("autumn", "2024-09/2024-11"),
        ("the 1990s", "1990/1999"),
    ]);
    assert_eq!(
        at("spring", Tense::Future).as_deref(),
        Some("2025-03/2025-05")
    );
    none(&[
        "the first week",
        "the fifth quarter of 2024",
        "the first 13 months of 2024",
        "Q5",
    ]);
}

#[test]
fn years() {
    check(&[
        ("2024", "2024"),
        ("in 2024", "2024"),
        ("2024's", "2024"),
        ("the year 2024", "2024"),
        ("this year", "2024"),
        ("last year", "2023"),
        ("next year", "2025"),
        ("the current year", "2024"),
    ]);
}

#[test]
fn relative_days_and_weeks() {
    check(&[
        ("today", "2024-12-20"),
        ("tonight", "2024-12-20"),
        ("this morning", "2024-12-20"),
        ("yesterday", "2024-12-19"),
        ("yesterday afternoon", "2024-12-19"),
        ("last night", "2024-12-19"),
        ("tomorrow", "2024-12-21"),
        ("the day before yesterday", "2024-12-18"),
        ("the day after tomorrow", "2024-12-22"),
        ("last week", "2024-12-09/2024-12-15"),
        ("this week", "2024-12-16/2024-12-22"),
        ("next week", "2024-12-23/2024-12-29"),
        ("this past week", "2024-12-09/2024-12-15"),
        ("two weeks ago", "2024-12-02/2024-12-08"),
        ("a week ago", "2024-12-09/2024-12-15"),
        ("three days ago", "2024-12-17"),
        ("3 days ago", "2024-12-17"),
        ("twenty-one days ago", "2024-11-29"),
        ("a couple of days ago", "2024-12-18"),
        ("three days from now", "2024-12-23"),
        ("in two weeks", "2024-12-30/2025-01-05"),
        ("in three days", "2024-12-23"),
        ("earlier this month", "2024-12-01/2024-12-20"),
        ("earlier this year", "2024-01-01/2024-12-20"),
        ("earlier this week", "2024-12-16/2024-12-20"),
        ("later this month", "2024-12-20/2024-12-31"),
        ("later today", "2024-12-20"),
        ("last month", "2024-11"),
        ("this month", "2024-12"),
        ("next month", "2025-01"),
        ("two months ago", "2024-10"),
        ("a year ago", "2023"),
        ("two years ago", "2022"),
        ("last weekend", "2024-12-14/2024-12-15"),
        ("this weekend", "2024-12-21/2024-12-22"),
        ("next weekend", "2024-12-28/2024-12-29"),
        ("the weekend", "2024-12-14/2024-12-15"),
        ("LAST WEEK", "2024-12-09/2024-12-15"),
    ]);
    assert_eq!(
        at("over the weekend", Tense::Future).as_deref(),
        Some("2024-12-21/2024-12-22")
    );
}

#[test]
fn ordinal_days_and_holidays() {
    assert_eq!(
        at("on the 18th", Tense::Past).as_deref(),
        Some("2024-12-18")
    );
    assert_eq!(at("the 22nd", Tense::Past).as_deref(), Some("2024-11-22"));
    assert_eq!(
        at("on the 5th", Tense::Future).as_deref(),
        Some("2025-01-05")
    );
    check(&[("Christmas", "2024-12-25"), ("Christmas Eve", "2024-12-24")]);
    assert_eq!(
        at("New Year's Day", Tense::Future).as_deref(),
        Some("2025-01-01")
    );
    none(&["12", "on the 12"]);
}

#[test]
fn durations_and_vague_phrases_are_none() {
    none(&[
        "the past 10 years",
        "10 years",
        "two days",
        "the last week",
        "the past week",
        "the past month",
        "over the past 10 years",
        "the next two weeks",
        "recently",
        "the previous week",
        "the following week",
        "two days later",
        "a few days ago",
        "several years",
        "days",
        "now",
        "the 80th anniversary",
        "",
        "   ",
        "-",
    ]);
}

#[test]
fn relative_phrases_need_an_anchor() {
    let ctx = DateContext::new(None, Tense::Past);
    for mention in [
        "Thursday",
        "August 20",
        "this year",
        "last week",
        "late May",
        "today",
        "the first quarter",
    ] {
        assert_eq!(resolve(mention, &ctx), None, "{mention:?}");
    }
    assert_eq!(
        resolve("late May 2023", &ctx).unwrap().iso(),
        "2023-05-21/2023-05-31"
    );
    assert_eq!(
        resolve("the first 7 months of 2024", &ctx).unwrap().iso(),
        "2024-01/2024-07"
    );
}

#[test]
fn value_helpers() {
    let month = DateValue::Month {
        year: 2024,
        month: 2,
    };
    assert_eq!(month.first_day(), NaiveDate::from_ymd_opt(2024, 2, 1));
    assert_eq!(month.last_day(), NaiveDate::from_ymd_opt(2024, 2, 29));
    assert_eq!(
        DateValue::Year(2023).last_day(),
        NaiveDate::from_ymd_opt(2023, 12, 31)
    );
    let span = DateValue::interval(month.clone(), DateValue::Year(2025)).unwrap();
    assert_eq!(span.iso(), "2024-02-01/2025-12-31");
    assert_eq!(
        DateValue::interval(month.clone(), month.clone()),
        Some(month.clone())
    );
    assert_eq!(DateValue::interval(DateValue::Year(2025), month), None);
    assert_eq!(
        serde_json::to_string(&DateValue::Year(2024)).unwrap(),
        "\"2024\""
    );
    assert_eq!(
        DateValue::Month {
            year: 13,
            month: 12
        }
        .iso(),
        "0013-12"
    );
}

fn tense_of(sentence: &str, mention: &str) -> Tense {
    let start = sentence.find(mention).expect("mention in sentence");
    clause_tense(sentence, ByteSpan::new(start, start + mention.len()))
}

#[test]
fn clause_tense_reads_the_verb_nearest_the_mention() {
    use Tense::*;
    let cases = [
        (
            "To Lam met with Chinese Defense Minister Dong Jun in Hanoi on Thursday.",
            "Thursday",
            Past,
        ),
        ("The two ministers will meet on Monday in Beijing.", "Monday", Future),
        ("They'll meet on Monday.", "Monday", Future),
        ("The president is due to visit Hanoi on Monday.", "Monday", Future),
        ("The summit is scheduled for next week.", "next week", Future),
        ("The talks are scheduled for Monday.", "Monday", Future),
        ("Li Shangfu said on Tuesday when meeting his counterpart.", "Tuesday", Past),
        ("The ministry said the leaders will sign the deal on Friday.", "Friday", Future),
        ("The meeting will be held on Monday.", "Monday", Future),
        ("The agreement, signed on Friday, will take effect in January.", "Friday", Past),
        ("The agreement, signed on Friday, will take effect in January.", "January", Future),
        ("On Thursday, the two sides signed a memorandum.", "Thursday", Past),
        ("Xi meets Lam on Thursday", "Thursday", Unknown),
        ("She told him in a call on Monday that trade would grow.", "Monday", Past),
        ("He said on Tuesday that the two leaders will meet.", "Tuesday", Past),
        ("Talks are expected to take place next month.", "next month", Future),
        (
            "The pact is to be signed in Bali on Tuesday, the minister said on Monday.",
            "Tuesday",
            Future,
        ),
        (
            "The pact is to be signed in Bali on Tuesday, the minister said on Monday.",
            "Monday",
            Past,
        ),
        ("Talks that had been scheduled for Wednesday were called off.", "Wednesday", Future),
        ("The delegation arrived on Sunday.", "Sunday", Past),
        ("The forum was organized on Sunday.", "Sunday", Past),
        (
            "Ding, who paid a visit to Vietnam on March 26-29, pledged support.",
            "March 26-29",
            Past,
        ),
        // A verb before the date governs it; a reporting clause after it does not.
        ("Ann Lee will host Bo Park in Bali on Tuesday, he told reporters in Jakarta.", "Tuesday", Future),
        ("Lee is due to host the minister in Warsaw on July 17, the ministry said.", "July 17", Future),
        ("He is scheduled to call on Ishiba on Thursday afternoon before returning home.", "Thursday", Future),
        // A perfect infinitive after "was to" is a plan; the main clause's verb is not read.
        (
            "A meeting that was to have brought Ann and Bo together in Paris on Friday was scrapped on Wednesday.",
            "Friday",
            Future,
        ),
        (
            "A meeting that was to have brought Ann and Bo together in Paris on Friday was scrapped on Wednesday.",
            "Wednesday",
            Past,
        ),
        // Another time phrase is no tense: "concluded ... quotas for next year in Torshavn on
        // Wednesday".
        ("They concluded an agreement on quotas for next year in Torshavn on Wednesday.", "Wednesday", Past),
        ("Ann, who met Bo last year, will visit Lima on Friday.", "Friday", Future),
        ("The prime minister may travel to Beijing in April for talks.", "April", Future),
        ("She may have met him in April.", "April", Past),
        // A time clause under a future.
        ("They are poised to sign the pact when Ann visits Lima on Thursday.", "Thursday", Future),
        ("They signed the pact when Ann visited Lima on Thursday.", "Thursday", Past),
        // A clause of its own after ", and" or a dash.
        ("Ann met Bo last year, and on Friday they will sign the pact.", "Friday", Future),
        ("Ann met Bo last year \u{2014} on Friday they will sign the pact.", "Friday", Future),
        ("HANOI, Dec 19 (Reuters) -- The leaders will meet on Friday.", "Dec 19", Unknown),
        ("Talks on April 11-12 were held in Hanoi.", "April 11-12", Past),
        ("Ann told reporters on Monday that ties were strong.", "Monday", Past),
    ];
    for (sentence, mention, want) in cases {
        assert_eq!(
            tense_of(sentence, mention),
            want,
            "{mention:?} in {sentence:?}"
        );
    }
}

#[test]
fn record_values_follow_the_record_conventions() {
    let a = NaiveDate::from_ymd_opt(2025, 7, 10); // a Thursday
    let ctx = DateContext::new(a, Tense::Unknown);
    let rec = |text: &str| resolve(text, &ctx).map(|v| record_value(text, v, a).iso());
    assert_eq!(rec("late May").as_deref(), Some("2025-05"));
    assert_eq!(rec("mid-June").as_deref(), Some("2025-06"));
    assert_eq!(rec("earlier this month").as_deref(), Some("2025-07"));
    assert_eq!(rec("later this month").as_deref(), Some("2025-07"));
    assert_eq!(
        rec("earlier this week").as_deref(),
        Some("2025-07-07/2025-07-13")
    );
    assert_eq!(
        rec("later this week").as_deref(),
        Some("2025-07-07/2025-07-13")
    );
    assert_eq!(rec("earlier this year").as_deref(), Some("2025"));
    assert_eq!(rec("later this year").as_deref(), Some("2025"));
    assert_eq!(rec("early next year").as_deref(), Some("2026"));
    assert_eq!(rec("two weeks ago").as_deref(), Some("2025-06-26"));
    assert_eq!(rec("a week ago").as_deref(), Some("2025-07-03"));
    // Everything else is the dates stage's value.
    assert_eq!(rec("last week").as_deref(), Some("2025-06-30/2025-07-06"));
    assert_eq!(rec("next month").as_deref(), Some("2025-08"));
    assert_eq!(
        rec("April 11 to 12").as_deref(),
        Some("2025-04-11/2025-04-12")
    );
    assert_eq!(rec("Tuesday").as_deref(), Some("2025-07-08"));
    assert_eq!(
        rec("the first seven months of 2024").as_deref(),
        Some("2024-01/2024-07")
    );
    // Without an anchor, "ago" stays what it was.
    let v = DateValue::Year(2024);
    assert_eq!(record_value("two weeks ago", v.clone(), None), v);
}

#[test]
fn clause_tense_survives_bad_spans() {
    let s = "Hà Nội hosted talks on Thursday";
    assert_eq!(clause_tense(s, ByteSpan { start: 2, end: 1 }), Tense::Past);
    assert_eq!(
        clause_tense(
            s,
            ByteSpan {
                start: 500,
                end: 900
            }
        ),
        Tense::Past
    );
    assert_eq!(
        clause_tense("", ByteSpan { start: 3, end: 4 }),
        Tense::Unknown
    );
}

#[test]
fn context_for_a_mention_uses_the_clause() {
    let sentence = "The leaders will meet on Monday.";
    let start = sentence.find("Monday").unwrap();
    let ctx = DateContext::for_mention(Some(anchor()), sentence, ByteSpan::new(start, start + 6));
    assert_eq!(resolve("Monday", &ctx).unwrap().iso(), "2024-12-23");
}

#[test]
fn explicit_dates_in_text_with_spans() {
    let text =
        "Published: Dec 20, 2024 11:19 PM. On August 20, 2024, and 20/08/2024 but not May 23.";
    let found = find_explicit(text);
    let spans: Vec<&str> = found.iter().map(|(s, _)| s.slice(text)).collect();
    assert_eq!(spans, ["Dec 20, 2024", "August 20, 2024", "20/08/2024"]);
    assert_eq!(found[1].1.iso(), "2024-08-20");
    let at = text.find("May 23").unwrap();
    assert_eq!(
        nearest_explicit(&found, at),
        NaiveDate::from_ymd_opt(2024, 8, 20)
    );
    assert_eq!(nearest_explicit(&[], at), None);
}

fn anchors() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        Just(Some(NaiveDate::MIN)),
        Just(Some(NaiveDate::MAX)),
        (1900i32..2100, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    ]
}

fn tenses() -> impl Strategy<Value = Tense> {
    prop_oneof![Just(Tense::Past), Just(Tense::Future), Just(Tense::Unknown)]
}

/// Date-shaped token soup, to reach deep into the parser.
fn date_soup() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("May".to_string()),
        Just("Dec.".to_string()),
        Just("Thursday".to_string()),
        Just("to".to_string()),
        Just("-".to_string()),
        Just("and".to_string()),
        Just("between".to_string()),
        Just("the".to_string()),
        Just("of".to_string()),
        Just("first".to_string()),
        Just("last".to_string()),
        Just("next".to_string()),
        Just("this".to_string()),
        Just("late".to_string()),
        Just("mid-".to_string()),
        Just("end".to_string()),
        Just("week".to_string()),
        Just("weeks".to_string()),
        Just("months".to_string()),
        Just("year".to_string()),
        Just("quarter".to_string()),
        Just("half".to_string()),
        Just("ago".to_string()),
        Just("in".to_string()),
        Just("winter".to_string()),
        Just("Q".to_string()),
        Just("twenty-".to_string()),
        Just("1990s".to_string()),
        Just(",".to_string()),
        "[0-9]{1,10}".prop_map(|s| s),
        "[0-9]{1,4}[-/.][0-9]{1,4}[-/.][0-9]{1,4}".prop_map(|s| s),
        "[0-9]{1,3}(st|th|:00)".prop_map(|s| s),
    ];
    prop::collection::vec(word, 0..12).prop_map(|w| w.join(" "))
}

fn well_formed(v: &DateValue) -> bool {
    match (v.first_day(), v.last_day()) {
        (Some(f), Some(l)) => f <= l && !v.iso().is_empty(),
        _ => true,
    }
}

proptest! {
    #[test]
    fn nothing_panics_on_any_text(s in "\\PC{0,60}", start in 0usize..80, end in 0usize..80,
                                  anchor in anchors(), tense in tenses()) {
        let ctx = DateContext::new(anchor, tense);
        if let Some(v) = resolve(&s, &ctx) {
            prop_assert!(well_formed(&v));
        }
        let _ = parse_explicit(&s);
        let _ = clause_tense(&s, ByteSpan { start, end });
        let _ = find_explicit(&s);
    }

    #[test]
    fn nothing_panics_on_date_shaped_text(s in date_soup(), anchor in anchors(), tense in tenses()) {
        let ctx = DateContext::new(anchor, tense);
        if let Some(v) = resolve(&s, &ctx) {
            prop_assert!(well_formed(&v), "{s:?} -> {v:?}");
        }
        let _ = parse_explicit(&s);
        let _ = clause_tense(&s, ByteSpan { start: 0, end: s.len() / 2 });
        let _ = find_explicit(&s);
    }
}

#[test]
fn bounds_of_periods_are_no_event_days() {
    for before in [
        "ties grew since",
        "to be done by",
        "a strategy till the year",
        "valid until",
        "Until",
    ] {
        assert!(bounded_by(before), "{before:?}");
    }
    for before in [
        "signed on",
        "met in",
        "in the year",
        "the year",
        "",
        "by the",
    ] {
        assert!(!bounded_by(before), "{before:?}");
    }
}
