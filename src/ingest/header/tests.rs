use super::*;

fn lines_of(text: &str, spans: &[ByteSpan]) -> Vec<String> {
    spans.iter().map(|s| s.slice(text).to_string()).collect()
}

/// Each text's publication date as `parse` reads it, against the one given.
fn assert_published(cases: &[(&str, Option<&str>)]) {
    for &(text, want) in cases {
        assert_eq!(parse(text, None).published.as_deref(), want, "{text}");
    }
}

const GLOBAL_TIMES: &str = "CHINA\u{a0}/\u{a0}DIPLOMACY\nVietnam's party general secretary meets Chinese defense minister amid high level of political mutual trust\nPublished: Dec 20, 2024 11:19 PM\nChina Vietnam Photo: VCG\n\nChina Vietnam Photo: VCG\n\n\n\n General Secretary of the Communist Party of Vietnam Central Committee To Lam met with Chinese Defense Minister Dong Jun in Hanoi on Thursday. Dong and his delegation attended a grand gathering.\n\nSince the beginning of this year, there have been frequent exchanges.\n";

#[test]
fn seed_header_with_section_label_title_and_published_line() {
    let h = parse(GLOBAL_TIMES, None);
    assert_eq!(
        h.title.as_deref(),
        Some("Vietnam's party general secretary meets Chinese defense minister amid high level of political mutual trust")
    );
    assert_eq!(h.published.as_deref(), Some("2024-12-20"));
    assert_eq!(
        lines_of(GLOBAL_TIMES, &h.furniture),
        [
            "CHINA\u{a0}/\u{a0}DIPLOMACY",
            "Vietnam's party general secretary meets Chinese defense minister amid high level of political mutual trust",
            "Published: Dec 20, 2024 11:19 PM",
            "China Vietnam Photo: VCG",
            "China Vietnam Photo: VCG",
        ]
    );
    assert_eq!(
        h.title_line.map(|s| s.slice(GLOBAL_TIMES)),
        h.title.as_deref()
    );
    assert!(h.warnings.is_empty());
}

#[test]
fn a_breadcrumb_trail_is_furniture() {
    let t =
        "Example News \u{bb} World \u{bb} India and Nepal ink a pact\n\nIndia and Nepal signed a pact on Monday.\n";
    let h = parse(t, None);
    assert_eq!(
        lines_of(t, &h.furniture)[0],
        "Example News \u{bb} World \u{bb} India and Nepal ink a pact"
    );
    // One separator is no trail.
    assert!(!is_breadcrumb("Prices \u{bb} up"));
    assert!(is_breadcrumb("Home > Politics > Ties"));
}

#[test]
fn headline_without_label() {
    let t = "Xi Jinping’s Visit to Vietnam Shows Stable Relations\nAccording to Globely News, Before the U.S. and Vietnam announced their partnership in September 2023, some thought China would react poorly.\n";
    let h = parse(t, None);
    assert_eq!(
        h.title.as_deref(),
        Some("Xi Jinping’s Visit to Vietnam Shows Stable Relations")
    );
    assert_eq!(h.published, None);
    assert!(h.warnings.is_empty());
}

#[test]
fn prose_first_line_is_not_a_title() {
    let t = "China is willing to work with Vietnam to promote high-level communication, Chinese Defense Minister Li Shangfu said on Tuesday.\nExperts said the meeting was a response.\n";
    let h = parse(t, None);
    assert_eq!(h.title, None);
    assert!(h.furniture.is_empty());
    // A one-line document has no headline either.
    assert_eq!(parse("Vietnam and China sign deal", None).title, None);
}

#[test]
fn date_stuck_before_the_first_sentence() {
    let h = parse(" date 2023-12-14 Foreign Ministers of Vietnam, Benin hold talks in Hanoi on Thursday with many officials present.\nMore.", None);
    assert_eq!(h.published.as_deref(), Some("2023-12-14"));
    let h = parse("Updating the date of the meeting is hard.\n", None);
    assert_eq!(h.published, None);
}

#[test]
fn dateline_that_leads_with_a_full_date() {
    let h = parse("AU confirms postponement of mini-summit\nJan 3, 2005 (ABUJA) — African Union Chairman Olusegun Obasanjo on Tuesday confirmed the postponement.\n", None);
    assert_eq!(h.published.as_deref(), Some("2005-01-03"));
}

#[test]
fn updated_line() {
    let t = "Pakistan, China agree to boost ties\nUpdated: 2019-02-22 07:51\nIslamabad and Beijing agreed to expand cooperation in trade, officials said.\n";
    let h = parse(t, None);
    assert_eq!(h.published.as_deref(), Some("2019-02-22"));
    assert_eq!(
        lines_of(t, &h.furniture),
        [
            "Pakistan, China agree to boost ties",
            "Updated: 2019-02-22 07:51"
        ]
    );
}

#[test]
fn posted_on_line_and_byline() {
    let t = "Defence ministers meet in Beijing\nBy Nguyen Van An and Li Wei\nPosted on August 21, 2024\nThe defence ministers of China and Vietnam met in Beijing on Tuesday, state media said.\n";
    let h = parse(t, None);
    assert_eq!(h.published.as_deref(), Some("2024-08-21"));
    assert_eq!(h.furniture.len(), 3);
}

#[test]
fn a_stuck_date_a_day_off_the_shown_one_gives_way() {
    let t = " date 2019-09-27 Leaders meet in New York\n\n26 September 2019\nShabelle Media Network (Mogadishu)\n\nThe president held talks with the UN chief in New York on the sidelines of the assembly.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2019-09-26"));
    // Farther apart, the shown date may be another event's: the stuck one stays.
    let t = " date 2019-09-27 Leaders meet in New York\n\n20 September 2019\n\nThe president held talks with the UN chief in New York on the sidelines of the assembly.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2019-09-27"));
}

#[test]
fn an_aggregator_line_with_the_page_age() {
    for line in [
        "Story by Jane Roe • 2d • Mar 13, 2024",
        "Reuters • 5 hrs ago • Mar 13, 2024",
    ] {
        let t = format!(
            "Talks open in Hanoi\n{line}\nThe talks opened in Hanoi on Monday and are expected to last two days.\n"
        );
        assert_eq!(
            parse(&t, None).published.as_deref(),
            Some("2024-03-13"),
            "{line}"
        );
    }
    // An age alone dates nothing.
    let t = "Talks open in Hanoi\nReuters • 2d\nThe talks opened in Hanoi on Monday and are expected to last two days.\n";
    assert_eq!(parse(t, None).published, None);
}

#[test]
fn combined_line_with_parts() {
    let t = "Talks open in Hanoi\nBy Tran Minh | Published: 20 December 2024 | Updated: 21 December 2024\nThe talks opened in Hanoi on Friday and are expected to last two days.\n";
    let h = parse(t, None);
    assert_eq!(h.published.as_deref(), Some("2024-12-20"));
    assert_eq!(h.furniture.len(), 2);
}

#[test]
fn site_today_above_the_article_stamp() {
    // The site prints the day it was read on top; the article's stamp is below the title.
    let t = "12 Feb 2025\nWednesday 3 April 2019 - 10:15\nStory Code : 1234\n\nMinisters meet in Lima\n\nThe two ministers met in Lima on Tuesday to discuss fishing rights, the ministry said.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2019-04-03"));
    let widget = "March 02, 2026 08:40 am (IST)\nFollow us:\nTop stories | Rain floods the capital | Markets close higher on Monday after a slow week\nMinisters meet in Lima\n| | Apr 3, 2019, at 10:15 am\nThe two ministers met in Lima on Tuesday to discuss fishing rights.\n";
    assert_eq!(parse(widget, None).published.as_deref(), Some("2019-04-03"));
    // A first-line date with nothing earlier below it stays the page's date.
    let plain_page = "Wednesday 3 April 2019 - 10:15\nMinisters meet in Lima\nThe ministers met on 12 February 2025, the ministry said.\n";
    assert_eq!(
        parse(plain_page, None).published.as_deref(),
        Some("2019-04-03")
    );
    // The site's clock, then its today, then the article's own (earlier) stamp.
    let clock = "• 20:15\n  • Thursday ,15 October 2009\n\nPresident starts tour today\n\nWednesday ,14 October 2009\n\nPresident starts tour today\n\nThe president today starts a trip to three countries, the first by a head of state.\n";
    assert_eq!(parse(clock, None).published.as_deref(), Some("2009-10-14"));
    // Under a site's name instead of its clock, the first date line is the page's.
    let no_clock = clock.replacen("• 20:15\n", "Daily Courier\n", 1);
    assert_eq!(
        parse(&no_clock, None).published.as_deref(),
        Some("2009-10-15")
    );
}

#[test]
fn foreign_clock_after_a_bare_date() {
    let t = "Notícias\n\n2017-02-09 às 15h43\n\nMinistro em visita oficial a Angola\n\nO Ministro desloca-se a Angola, a convite do seu homólogo, numa visita oficial.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2017-02-09"));
}

#[test]
fn numeric_dateline_with_agency() {
    let t = "Bruxelles, 06/03/2009 (Agence Europe) - Après six mois de discussions, l'UE et le Canada se sont entendus.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2009-03-06"));
}

#[test]
fn a_stamp_closing_the_last_paragraph() {
    let t = "Site name\n\nBolivia plans meetings\n\nBolivia is planning meetings with five countries, the foreign minister said on 12 May.\n\nHe added that Spain had invited him. (24/09/2017)";
    assert_eq!(parse(t, None).published.as_deref(), Some("2017-09-24"));
    // A date in prose is an event's.
    let t = "Site name\n\nBolivia plans meetings\n\nBolivia is planning meetings with five countries.\n\nThe visit is set for the summit (24/09/2017)";
    assert_eq!(parse(t, None).published, None);
}

#[test]
fn a_comment_counter_beside_the_date() {
    let t = "Title here\n\n23 Abr, 2018  |  Economía y finanzas  |  0 comentarios\n\nThe ministers met on Tuesday in Mexico City to discuss trade.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2018-04-23"));
    let t = "Title here\n\nMarch 23, 2018 | Politics | 4 Comments\n\nThe ministers met on Tuesday in Mexico City to discuss trade.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2018-03-23"));
}

#[test]
fn bare_date_line() {
    let t = "Leaders meet\nFriday, December 20, 2024 11:19 PM GMT+8\nThe leaders met on Friday in Hanoi to discuss trade, officials said.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2024-12-20"));
}

#[test]
fn date_beside_a_time_with_its_am_glued() {
    let t = "Leaders to sign trade pact\n12 October 2022 • 5:30am\nThe leaders are poised to sign the pact on Thursday.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2022-10-12"));
}

#[test]
fn numeric_date_with_a_separate_time_part() {
    let t =
        "Leaders meet\nPublished 24.10.2024 | 10:15\nThe leaders met on Thursday in Tashkent, officials said.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2024-10-24"));
    let t = "Leaders meet in Dakar\n13/01/2025\nDAKAR - The presidents met on Monday, officials said.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2025-01-13"));
}

#[test]
fn reuters_dateline_takes_year_from_header() {
    let t = "Vietnam, China hold talks\nUpdated: 2025-01-02 07:51\nHANOI, Dec. 19 (Reuters) - Vietnam and China held talks on Thursday, officials said.\n";
    let h = parse(t, None);
    assert_eq!(h.published.as_deref(), Some("2024-12-19"));
    assert!(h.warnings.is_empty());
}

#[test]
fn dateline_without_year_stays_unknown_with_a_warning() {
    let t =
        "HANOI, Dec. 19 (Reuters) - Vietnam and China held talks on Thursday, officials said.\n";
    let h = parse(t, None);
    assert_eq!(h.published, None);
    assert_eq!(h.title, None);
    assert_eq!(h.warnings.len(), 1);
    assert!(h.warnings[0].contains("Dec. 19"), "{:?}", h.warnings);
}

#[test]
fn app_dateline_with_colon_and_url_month() {
    let t = "ISLAMABAD, March 27 (APP): Pakistan and China signed an agreement on Wednesday.\n";
    let h = parse(t, Some("https://www.app.com.pk/national/202403/pak-china"));
    assert_eq!(h.published.as_deref(), Some("2024-03-27"));
    let t = "ISLAMABAD, March 27, 2023 (APP): Pakistan and China signed an agreement.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2023-03-27"));
}

#[test]
fn url_dates_day_and_month() {
    let t = "The ministers met in Beijing on Tuesday, a statement said.\nIt was their second meeting this year.\n";
    assert_eq!(
        parse(t, Some("https://example.com/2024/08/20/ministers-meet"))
            .published
            .as_deref(),
        Some("2024-08-20")
    );
    assert_eq!(
        parse(
            t,
            Some("https://www.globaltimes.cn/page/202412/1325481.shtml")
        )
        .published
        .as_deref(),
        Some("2024-12")
    );
}

#[test]
fn url_line_in_header() {
    let t = "Ministers meet in Beijing\nhttps://example.com/world/2024/08/20/ministers-meet\nThe ministers met in Beijing on Tuesday, a statement said.\n";
    let h = parse(t, None);
    assert_eq!(
        h.url.as_deref(),
        Some("https://example.com/world/2024/08/20/ministers-meet")
    );
    assert_eq!(h.published.as_deref(), Some("2024-08-20"));
    assert_eq!(h.furniture.len(), 2);
}

#[test]
fn footnote_urls_in_the_body_do_not_date_the_article() {
    let mut t = String::from("Vietnam Communist Party Central Committee Secretary General To Lam met with Chinese Defense Minister Dong Jun in Hanoi on Thursday.[1]\n");
    t.push_str("[1] “Vietnam’s party general secretary meets”, Global Times, https://www.globaltimes.cn/page/202412/1325481.shtml\n");
    assert_eq!(parse(&t, None).published, None);
}

#[test]
fn markdown_heading_title() {
    let t = "# China and Vietnam sign hotline deal\n\n*Published: 2024-04-12*\n\nThe two navies agreed to set up a hotline, the ministry said on Friday.\n";
    let h = parse(t, None);
    assert_eq!(
        h.title.as_deref(),
        Some("China and Vietnam sign hotline deal")
    );
    assert_eq!(h.published.as_deref(), Some("2024-04-12"));
}

#[test]
fn all_caps_headline_is_a_title_not_a_label() {
    let t = "CHINA AND VIETNAM SIGN HOTLINE DEAL\nThe two navies agreed to set up a hotline, the ministry said on Friday.\n";
    assert_eq!(
        parse(t, None).title.as_deref(),
        Some("CHINA AND VIETNAM SIGN HOTLINE DEAL")
    );
}

#[test]
fn date_line_after_browser_notices() {
    // Two prose lines of page chrome end the strict header before the date line.
    let t = "The Daily Lantern\nYour browser is out of date and may not work well with this site.\nPlease update it to read our pages in full.\nFerns and ministers agree on garden pact\nJane Roe (The Daily Lantern)\nMon, March 4, 2019\nThe ministers of Ruritania and Freedonia agreed on Monday to share garden seeds, officials said.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2019-03-04"));
}

#[test]
fn weather_widget_date_is_not_the_publication_date() {
    let t = "21.5 C\nLisbon\nJune 3, 2024\nRuritanian leader returns home\nThe president of Ruritania returned home on Friday after a summit, aides said.\n";
    assert_eq!(parse(t, None).published, None);
    let t = "Lisbon\nJune 3, 2024\nRuritanian leader returns home\nThe president of Ruritania returned home on Friday after a summit, aides said.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2024-06-03"));
}

#[test]
fn date_beside_a_name_or_place() {
    assert_eq!(parse("Talks end\nBy Jane Roe in Lisbon March 3, 2021\nThe talks ended on Wednesday without a deal, envoys said.\n", None).published.as_deref(), Some("2021-03-03"));
    assert_eq!(
        parse("Talks end\nJane Roe3 March 2021\nThe talks ended on Wednesday without a deal, envoys said.\n", None)
            .published
            .as_deref(),
        Some("2021-03-03")
    );
    assert_eq!(
        parse(
            "Talks end\n3 May 2010 [12:09] - NEWS.XY\nThe talks ended on Wednesday without a deal, envoys said.\n",
            None
        )
        .published
        .as_deref(),
        Some("2010-05-03")
    );
    assert_eq!(parse("Press Release\n28 April 2017, Sunport, Republic of Ruritania\nThe ministers met on Friday and agreed on a plan.\n", None).published.as_deref(), Some("2017-04-28"));
    // A date with lowercase words around it is prose; an embedded post's signature dates the post.
    assert_eq!(
        classify("Talks were held on March 3, 2021 in Lisbon"),
        Kind::Other
    );
    let t = "Lisbon: The ministers met on Friday in Lisbon and talked about trade and seeds for an hour.\n— Jane Roe (@janeroe) July 8, 2022\nThey will meet again next year, aides said.\n";
    assert_eq!(parse(t, None).published, None);
}

#[test]
fn parenthesised_date_opens_the_first_paragraph() {
    let t = "Ruritania; Freedonia: Accords Signed\n(Apr. 2, 2008) In February 2008 the presidents of Ruritania and Freedonia signed accords on seeds.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2008-04-02"));
}

#[test]
fn debated_on_line() {
    let t = "Skip to main content\nGarden Summit\nVolume 12: debated on Monday 3 May 2010\nThe minister has made the following statement.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2010-05-03"));
}

#[test]
fn timestamp_in_a_glued_header() {
    let mut t = String::from("Business Ruritania and Freedonia sign papers The pact was signed in Sunport on Monday. Source: Lantern Tuesday, May 4, 2010 | 09:28 Share");
    t.push_str(" and more words follow here to make this a long line of prose that ends.\nMore prose follows here, officials said.\n");
    assert_eq!(parse(&t, None).published.as_deref(), Some("2010-05-04"));
    // A time after "on <date> at" is an event's time.
    assert_eq!(
        timestamp("The talks open on May 4, 2010 at 09:00 in Sunport."),
        None
    );
    assert_eq!(
        timestamp("The talks open on May 4, 2010, 09:00 in Sunport."),
        None
    );
    assert_eq!(
        timestamp("« on: May 4, 2010, 12:25:34 »")
            .and_then(|d| d.iso())
            .as_deref(),
        Some("2010-05-04")
    );
}

#[test]
fn trailer_dates() {
    let body = "The ministers of Ruritania and Freedonia met in Sunport on Wednesday to ease tension.\nThey discussed trade and seeds, aides said.\n";
    assert_eq!(
        parse(&format!("{body}(Lantern News Agency June 7, 2007)\n"), None)
            .published
            .as_deref(),
        Some("2007-06-07")
    );
    assert_eq!(
        parse(&format!("{body}Published Date:2018-07-23\n"), None)
            .published
            .as_deref(),
        Some("2018-07-23")
    );
    assert_eq!(
        parse(
            &format!("{body}May 22, 2005 8:13 PM\nPosted By:\nCategories: World\n"),
            None
        )
        .published
        .as_deref(),
        Some("2005-05-22")
    );
    // A bare date under the article may be a related story's.
    let related = format!(
        "{body}{}Related posts\nSeeds sold out in Sunport\nJune 9, 2007\n",
        "Filler sentence number one is here.\n".repeat(30)
    );
    assert_eq!(parse(&related, None).published, None);
}

#[test]
fn speech_title_date() {
    let t = "Speech by Prime Minister Jane Roe, at the dinner for the President of Freedonia, 16 November 2006, at the Palace\nExcellencies\nOn behalf of the Government, I welcome you. We remember your last visit well and warmly.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2006-11-16"));
    let t = "Leaders to meet 16 November 2006\nThe leaders will meet in Sunport next week, aides said on Monday.\n";
    assert_eq!(parse(t, None).published, None);
}

#[test]
fn by_the_end_is_prose_not_a_byline() {
    assert_ne!(
        classify("By the end of the year, the two sides had met four times."),
        Kind::Byline
    );
    assert_eq!(classify("By Li Wei"), Kind::Byline);
    assert_eq!(classify("Source: Xinhua"), Kind::Byline);
}

/// Header forms of news and blog pages (our own examples): a clock time after "at", a
/// reading-time note, a byline that carries the date, a credit line after ";", a post's date
/// alone under its byline.
#[test]
fn date_lines_and_datelines_of_pages_in_other_languages() {
    let t = "Ministros conversam por telefone\n\nPublicado em 18 de dezembro de 2024 às 07h20.\n\nÚltima atualização em 19 de dezembro de 2024 às 07h24.\n\nO ministro falou com o chanceler do México na terça-feira, informou o governo.\n";
    let h = parse(t, None);
    assert_eq!(h.published.as_deref(), Some("2024-12-18"));
    let t = "Sunport (Ruritania), (jun. 26/14). La ministra sostuvo una reunión bilateral con su homólogo de Freedonia.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2014-06-26"));
    let t = "Ciudad de Sunport (dic. 10/20). Los gobiernos de Ruritania y Freedonia acordaron este martes un gabinete binacional.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2020-12-10"));
    // A fraction in a bracket in prose dates nothing.
    let t = "The ministers met in Sunport. Turnout was high (jun. 26/14 of the seats).\n";
    assert_eq!(parse(t, None).published, None);
}

#[test]
fn dateline_credits_ending_with_the_date() {
    let t = "SUNPORT, (Lantern Wire / Ruritania News Agency - 12th Mar, 2021) The minister of Ruritania today received the envoy of Freedonia, who delivered a message from his president.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2021-03-12"));
    // Credits with no date, or a date that is not at their end, date nothing.
    for t in [
        "SUNPORT, (Lantern Wire) The minister of Ruritania today received the envoy of Freedonia, who delivered a message.\n",
        "SUNPORT, (Talks of 12 March 2021 - resumed) The minister of Ruritania today received the envoy of Freedonia, who delivered a message.\n",
    ] {
        assert_eq!(parse(t, None).published, None, "{t}");
    }
}

#[test]
fn date_lines_with_times_reading_notes_and_bylines() {
    let body = "The ministers of three countries agreed on Friday to share water from the river.";
    for (line, want) in [
        ("September 5, 2019 at 4:00 p.m. EDT", "2019-09-05"),
        ("Sep. 5, 2019 at 16.05", "2019-09-05"),
        ("Mar 12, 2021 \u{b7} 3 min read", "2021-03-12"),
        ("Jane Roe | 12 March 2021 | 5 min read", "2021-03-12"),
        ("Written by Staff Writer on 12 March 2021.", "2021-03-12"),
        ("By Jane Roe on March 12, 2021", "2021-03-12"),
        ("Reporting by Jane Roe; March 12, 2021", "2021-03-12"),
        ("on March 12, 2021", "2021-03-12"),
        ("Updated March 12, 2021, 2:05 PM ET", "2021-03-12"),
        ("10:06 am on 12 March 2021", "2021-03-12"),
        ("12-Mar-2021 11:30 AM", "2021-03-12"),
        (
            "Lantern News, March 12, 2021 Adjust font size:",
            "2021-03-12",
        ),
        ("March 12, 2021 Text size: - +", "2021-03-12"),
        ("Sept. 12, 2021 \u{b7} 6:03 a.m.", "2021-09-12"),
        (
            "Posted by Jane Roe \u{b7} 12 March 2021 \u{b7} Filed under: Water, Diplomacy",
            "2021-03-12",
        ),
        // A US clock tells a US order; a clock with another zone does not.
        ("Updated 6/2/2016 5:31 PM", "2016-06-02"),
        ("Updated 6/2/2016 5:31 PM IST", "2016-02-06"),
        ("Updated 6/2/2016 17:31", "2016-02-06"),
        // Aggregated pages in other languages.
        ("Mardi 27 Septembre 2022", "2022-09-27"),
        ("12. März 2021 | 10:15", "2021-03-12"),
        // A byline template with no author's name, then the category.
        ("by March 12, 2021 Diplomacy", "2021-03-12"),
        ("By March 12, 2021 Diplomacy", "2021-03-12"),
        // A label in another script before an ordinal day with a comma.
        (
            "\u{62a}\u{627}\u{631}\u{64a}\u{62e}: 12th, March 2021 GMT",
            "2021-03-12",
        ),
    ] {
        let t = format!("Ministers agree on new water pact\n{line}\n{body}\n");
        assert_eq!(parse(&t, None).published.as_deref(), Some(want), "{line}");
    }
    // Still prose: a date after "on" in a sentence, a byline whose "on" is followed by a
    // topic, a time after "at" that follows no date.
    for line in [
        "The talks will resume on March 12, 2021 at 4:00 p.m. in Geneva, officials said.",
        "By Jane Roe on the water talks",
        "Talks at 4:00 p.m. on the river",
        "Ministers met on 12 March 2021 to adjust the font of the treaty.",
        "The deal is to be signed by March 12, 2021, the ministry said.",
    ] {
        let t = format!("Ministers agree on new water pact\n{line}\n{body}\n");
        assert_eq!(parse(&t, None).published, None, "{line}");
    }
}

#[test]
fn a_byline_that_ends_with_the_date() {
    let t = "Holness seeks more co-operation\n\nBY JANE ROE Senior staff reporter jroe@example.com  Thursday, June 09, 2016\nPRIME Minister Andrew Holness says he expects a number of high-level visits.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2016-06-09"));
    // A date inside a byline's prose is no stamp.
    let t = "Holness seeks more co-operation\n\nBy Jane Roe, who covered the talks held on March 3, 2020 in Lima and more\nThe ministers met in Lima to discuss trade.\n";
    assert_eq!(parse(t, None).published, None);
}

#[test]
fn a_foreign_byline_with_a_site_and_a_weekday_before_the_date() {
    let t = "Le président en visite au Sénégal\n\nRédigé par leral.net le Vendredi 17 Janvier 2025 à 12:37\n\nLe président du Ghana effectuera une visite de courtoisie au Sénégal.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2025-01-17"));
}

/// Datelines of releases in Spanish, and of agencies that give a Hijri date before the
/// Gregorian one; dates in Chinese or Japanese characters, a Japanese era included.
#[test]
fn datelines_in_spanish_or_two_calendars_and_cjk_dates() {
    let t = "DECLARACIÓN CONJUNTA DE LOS PRESIDENTES\nSunport, Ruritania, 3 de marzo de 2022. Hoy los presidentes se reunieron para tratar temas de comercio.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2022-03-03"));
    let t = "Sunport, 17 Dzulhijjah 1436/30 September 2015 (Lantern) – The foreign minister held bilateral meetings on the second day of the assembly.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2015-09-30"));
    let t = "外相会談\n令和元年9月24日\n外務大臣は会談を行いました。The ministers met in Sunport on Tuesday.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2019-09-24"));
    let t = "外相会談\n2021年10月5日\nThe ministers met in Sunport on Tuesday.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2021-10-05"));
    // A sentence that happens to begin with a place and a comma is no dateline.
    let t = "Sunport, 3 de marzo de la semana pasada. Hoy los presidentes se reunieron.\n";
    assert_eq!(parse(t, None).published, None);
}

/// A dateline with no comma after the place; a day written before its weekday ("13th
/// Saturday, September 2025"); Polish month names; a release title closing with its date.
#[test]
fn more_header_date_forms() {
    let t = "Latest News\n\nSunport December 28, 2022 (SD) – The president today welcomed his counterpart in Sunport.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2022-12-28"));
    let t = "Trade deal ready to be signed next week\n\n13th Saturday, September 2025 - 10:55 UTC\n\nThe bloc is to sign a trade agreement next Tuesday in Sunport, it was announced on Friday.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2025-09-13"));
    let t = "12 października 2007\nThe presidents of Ruritania and Freedonia met in Sunport on Friday.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2007-10-12"));
    let t = "Minister holds calls with three Pacific leaders - Readout, 30 November 2020\n\nThe minister and the prime minister of Ruritania discussed the partnership between their countries.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2020-11-30"));
    // A headline that names an event's date is not dated by it.
    let t = "Leaders to meet in Sunport, 16 November 2026 or later\n\nThe leaders will meet in Sunport, aides said on Monday.\n";
    assert_eq!(parse(t, None).published, None);
}

#[test]
fn datelines_of_agency_copy_with_the_agency_around_the_date() {
    // The agency in parentheses after the full date, and no dash before the first sentence.
    let t = "Ruritania receives Freedonian minister\n\nMarston, August 11, 2023 (Ruritania Walta) Prime Minister Ana \
             Costa received Foreign Minister Rui Lopes at her office earlier today.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2023-08-11"));
    // The agency first, the place and the date in its parentheses.
    let t = "Minister meets counterpart\n\nRNA (MARSTON, 29 March 2022) – Foreign Minister Ana Costa today held a \
             meeting with her counterpart Rui Lopes.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2022-03-29"));
    // The agency that filed the story after the time of its date line.
    for line in [
        "11 janvier 2021 à 19h19 par AFP",
        "11 January 2021 at 19:19 by AFP",
    ] {
        let t = format!("Marston and Freedonia want a partnership\n{line}\nThe Prime Minister spoke by phone on Monday.\n");
        assert_eq!(
            parse(&t, None).published.as_deref(),
            Some("2021-01-11"),
            "{line}"
        );
    }
    // A date in prose with "by" after it is no date line.
    let t = "Title of the story\nThe deal was signed on 11 January 2021 by the two ministers.\nMore text here.\n";
    assert_eq!(parse(t, None).published, None);
}

/// Our own lines in the shapes real pages in other languages date their stories with.
#[test]
fn datelines_and_labels_in_other_languages_and_scripts() {
    let cases = [
        // A dash after the place in capitals, a French month, a colon before the story.
        ("Photo du ministère\nLE CAIRE – 30 janvier 2023 : Le ministre se rendra lundi à Moscou.\n", Some("2023-01-30")),
        // Devanagari: a place, a comma, the date, a comma.
        ("मनामा, 28 सितंबर 2023, राजा ने मंत्री का स्वागत किया।\n", Some("2023-09-28")),
        // Arabic: the Arabic comma, both month names joined by a slash, the agency in brackets.
        ("هافانا، 15 فبراير/شباط 2024 (راديو): استقبل الوزير السفير.\n", Some("2024-02-15")),
        // Icelandic month, day with a period.
        ("Utanríkisráðuneytið\n20. júní 2002\nThe minister met his counterpart in Reykjavik today.\n", Some("2002-06-20")),
        // A Thai "date" label before the date.
        ("The minister pays a visit\n\nวันที่นำเข้าข้อมูล 1 Jul 2024\n\nThe minister paid an official visit to the kingdom on 27 June 2024.\n", Some("2024-07-01")),
        // The outlet's host name beside the date.
        ("The prime minister to visit\n\nexample.co.id 2021/02/03 19:00\n\nThe prime minister will visit the country next week, the ministry said.\n", Some("2021-02-03")),
        // A span of days closing the headline is the event's, not the page's.
        ("Prime minister to visit on 4-5 February 2021\n\nThe prime minister will visit the country next week, the ministry said.\n", None),
        // An English sentence that opens with a place and a date is no dateline of this kind.
        ("Paris was busy.\nParis, the 30 January 2023 meeting was held.\n", None),
    ];
    assert_published(&cases);
}

#[test]
fn month_names_of_other_languages_come_from_the_data_file() {
    use super::super::hdate::month_number;
    assert_eq!(month_number("janvier"), Some(1));
    assert_eq!(
        month_number("آب"),
        Some(8),
        "two letters, still a month in Arabic"
    );
    assert_eq!(month_number("سبتمبر/أيلول"), Some(9));
    assert_eq!(month_number("दिसंबर"), Some(12));
    assert_eq!(month_number("марта"), Some(3));
    // Other scripts' dates are read apart from the Latin ones, capitalised too.
    assert_eq!(
        super::super::hdate::normalize("Москва, 12 Марта 2024").as_deref(),
        Some("2024-03-12")
    );
    assert_eq!(
        super::super::hdate::normalize("12 марта").as_deref(),
        None,
        "no year, no ISO date"
    );
    assert_eq!(month_number("Sept."), Some(9));
    assert_eq!(
        month_number("ju"),
        None,
        "two Latin letters are no English month"
    );
    assert_eq!(
        month_number("mart"),
        None,
        "Turkish 'mart' is not in the list (a word in English names)"
    );
}

#[test]
fn numeric_and_date_first_datelines_real_pages_write() {
    let cases = [
        // Place, country, a dash glued to a numeric date, a colon.
        ("The president seeks stronger ties\n\nJeddah, KSA-10.12.2014: The president seeks stronger ties with the bank.\n", Some("2014-12-10")),
        // Year, month and day apart, alone on a line.
        ("Prime ministers discuss the crisis\n\n\n2009 11 06\n\n\nThe prime minister met his two counterparts in Vilnius.\n", Some("2009-11-06")),
        // A date-first dateline whose agency was lost, leaving its bracket.
        ("Presidents mend fences\n\nThe two presidents reconciled after a private meeting on Friday.\n\nJuly 12, 2008 (— The president of one country said they had moved on.\n", Some("2008-07-12")),
        // Four digits and two pairs in prose are no date: the month must exist.
        ("Figures\n\nThe count was 2009 13 06 in total across the region and the year.\n", None),
    ];
    assert_published(&cases);
}

#[test]
fn a_first_line_date_the_dateline_contradicts_is_the_sites_today() {
    // The site's "today" above a story whose dateline, with no year, names another month.
    let widget = "Sunday, November 24, 2024\nNews\n\nCuba strengthens ties\n\nHavana, Aug 6 (Prensa Latina) The recent visits of the prime minister will strengthen ties, an official said.\n";
    assert_eq!(parse(widget, None).published, None);
    // A dateline a day before the first line agrees with it: the page's own date.
    let own = "Sunday, November 24, 2024\nNews\n\nCuba strengthens ties\n\nHavana, Nov 23 (Prensa Latina) The recent visits of the prime minister will strengthen ties, an official said.\n";
    assert_eq!(parse(own, None).published.as_deref(), Some("2024-11-24"));
    // The agency in brackets with no dash before the story still makes a dateline.
    assert_eq!(
        dateline("Havana, Aug 6 (Prensa Latina) The recent visits ...")
            .map(|(d, _)| (d.month, d.day)),
        Some((8, Some(6)))
    );
}

#[test]
fn a_date_below_a_long_menu_and_a_space_before_the_years_comma() {
    let mut menu: String = (0..45).map(|i| format!("  • Province {i}\n")).collect();
    menu.push_str("\nApril 13, 2010 9:40 AM GMT+7\n\nThe prime minister met his counterpart in the capital on Monday to talk about trade.\n");
    assert_eq!(parse(&menu, None).published.as_deref(), Some("2010-04-13"));
    // Without the menu's items the same date 45 lines down is too far to be the page's.
    let far: String = (0..45)
        .map(|i| format!("Paragraph {i} of a long story goes on here.\n"))
        .collect::<String>()
        + "April 13, 2010 9:40 AM GMT+7\n";
    assert_eq!(parse(&far, None).published, None);
    assert_eq!(
        super::super::hdate::normalize("Tuesday, 14 November , 2006  08:27:00").as_deref(),
        Some("2006-11-14")
    );
}

#[test]
fn a_live_pages_entry_stamp_with_the_clock_before_the_date() {
    let page = "Summary\n\n  • Leaders meet at the summit\n\nLive Reporting\n\n  1. The main developments so farpublished at 15:00 British Summer Time 11 June 2021\n\n     Leaders held talks today at the seaside resort where the summit is being held this year.\n";
    assert_eq!(parse(page, None).published.as_deref(), Some("2021-06-11"));
    // Prose between the clock and the date: an event's time, not a stamp.
    let prose = "Summary\n\nThe talks were published at 15:00 after the leaders met on 11 June 2021 in the resort.\n";
    assert_eq!(parse(prose, None).published, None);
}

#[test]
fn a_stamp_below_the_story_that_the_dateline_contradicts_is_another_storys() {
    let story = "NEW DELHI, March 27: The trade minister has cancelled a visit to Beijing after a summons of the envoy.\n\nThe minister was due to travel to Beijing on April 1 for talks but cancelled the trip.\n\nOpinion\n\nA related editorial\nUpdated 12 Dec, 2024\n\nAnother related story\n12 Dec, 2024\n";
    assert_eq!(parse(story, None).published, None);
    // A stamp a few days from the dateline is the page's own.
    let own = story.replace("12 Dec, 2024", "28 Mar, 2008");
    assert_eq!(parse(&own, None).published.as_deref(), Some("2008-03-28"));
}

/// The review's cases: each read as before the round's changes.
#[test]
fn header_dates_the_review_found_misread() {
    let cases = [
        // A dateline a year-end away from the first line does not contradict it.
        ("Tuesday, December 31, 2024\nNews\n\nMarkets close the year\n\nTOKYO, Jan 1 (Reuters) - Markets closed the year higher, traders said on Wednesday.\n", Some("2024-12-31")),
        // A month with no day contradicts nothing.
        ("March 2021\n\nTOKYO, March 4 (Reuters) - The minister met his counterpart in the capital on Thursday.\n", Some("2021-03")),
        // A title whose "month" is no month does not end the search for a dateline.
        ("ANALYSIS - 20 years after 2003, Iraq still struggles\n\nJan 3, 2005 (ABUJA) - The chairman confirmed the postponement of the summit on Tuesday.\n", Some("2005-01-03")),
        // A comma before a headline's closing date is a separator; a spaced day span is not.
        ("Weekly bulletin no. 12, 5 March 2021\n\nThe ministry published its weekly bulletin on foreign visits and talks today.\n", Some("2021-03-05")),
        ("Prime minister to visit Jakarta, 4 - 5 February 2021\n\nThe prime minister will visit the country next week, the ministry said.\n", None),
        // A clock and a date inside a sentence are an event's time.
        ("Figures\n\nThe figures, first posted at 09:00 GMT 3 May 2020 by the ministry, show a rise in trade.\n", None),
        // Two sentences glued at a full stop are no host name.
        ("Summit news\n\nTalks ended.In 5 March 2021\n\nThe leaders met for two hours and agreed to meet again.\n", None),
        // A sentence of Chinese before a date is no label.
        ("新闻\n\n中国外交部长王毅在北京会见了俄罗斯外交部长 5 March 2021\n\n王毅表示，双方应加强合作。\n", None),
        // Turkish capitals fold to ASCII.
        ("Haber\n\n15 KASIM 2021\n\nThe ministers met in Ankara on Monday, the ministry said in a statement.\n", Some("2021-11-15")),
    ];
    assert_published(&cases);
    // Four digits and two pairs that are no date do not hide an ISO date after them.
    assert_eq!(
        super::super::hdate::normalize("Ref 2345 67 89 2021-03-05").as_deref(),
        Some("2021-03-05")
    );
}

#[test]
fn speaker_name_and_release_service_stamps() {
    // A release filed under its speaker's name, four words long.
    let t = "Leaders meet at the annual retreat\n\nPM Jane Ruth Roe | 4 March 2016\n\nRemarks by the Prime Minister at the joint press conference.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2016-03-04"));
    // A release service's stamp beside the release date.
    let t = "4 March 2016 | Press release | Distributed by Public on 4 March 2016 13:01\nDear Prime Minister,\nWe write ahead of your visit to urge you to raise the matter.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2016-03-04"));
    // A headline-like phrase of more than five words beside a date is no name.
    let t = "Talks open in Lima\n\nMinisters Say Talks Went Well For Both Sides | 4 March 2016\n\nThe talks opened on Friday.\n";
    assert_ne!(parse(t, None).published.as_deref(), Some("2016-03-04"));
    // Nor is a related story's headline of five words with no title.
    let t = "Talks open in Lima\n\nModi Meets Xi In Wuhan | 4 March 2016\n\nThe talks opened on Friday.\n";
    assert_ne!(parse(t, None).published.as_deref(), Some("2016-03-04"));
}

#[test]
fn credit_with_the_date_and_digits_of_other_scripts() {
    let t = "Ministers discuss relations\n\nSource: www.example-news.com  3/20/2013, Location: Middle East\n\nShare |\nThe president received the foreign minister at the palace.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2013-03-20"));
    // A credit with no date dates nothing.
    let t = "Ministers discuss relations\n\nSource: www.example-news.com, Location: Middle East\n\nThe president received the foreign minister at the palace on 3 May 2012.\n";
    assert_eq!(parse(t, None).published, None);
    // A source's own date after words of its title is no stamp of this page.
    let t = "Ministers discuss relations\n\nSource: UN report on refugees, 3 May 2012\n\nThe president received the foreign minister at the palace.\n";
    assert_eq!(parse(t, None).published, None);
    // "য়" as one character; May.
    let t = "দুই দেশের চুক্তি স্বাক্ষর\n\nপ্রকাশিত: ফেব্রু\u{09DF}ারি ১৮, ২০১৯\n\nদুই দেশের মধ্যে চারটি সমঝোতা স্মারক স্বাক্ষরিত হয়েছে।\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2019-02-18"));
    let t = "দুই দেশের চুক্তি স্বাক্ষর\n\nপ্রকাশিত: মে ১৮, ২০১৯\n\nদুই দেশের মধ্যে চারটি সমঝোতা স্মারক স্বাক্ষরিত হয়েছে।\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2019-05-18"));
    // Bengali label, clock and digits; month first.
    let t = "দুই দেশের চুক্তি স্বাক্ষর\n\nপ্রকাশিত: ৪:৫২ অপরাহ্ণ, ফেব্রুয়ারি ১৮, ২০১৯\n\nদুই দেশের মধ্যে চারটি সমঝোতা স্মারক স্বাক্ষরিত হয়েছে।\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2019-02-18"));
}

#[test]
fn bannered_arabic_labelled_parenthesised_and_title_glued_dates() {
    assert_published(&[
        // A banner before the label; the date year first with dots.
        (
            "Council to hear two reports on rights\n\nOld News! Published on: 2011.05.14\n\nThe council will hear the ministry's report on June 2 and a separate one from the groups.\n",
            Some("2011-05-14"),
        ),
        // An Arabic label over an English date that gives its month twice.
        (
            "King Receives Visiting Minister\n\nتم نشره في Tue 20 March / Mar 2018. 02:00 AM\n\nAMMAN — The King received the visiting minister at the palace today, Tuesday, to discuss ties.\n",
            Some("2018-03-20"),
        ),
        // A lead that opens with its all-numeric date in parentheses (day first: 23 is no month).
        (
            "Forum sends its recommendations for the year\n\nForum sends its recommendations for the year\n\n(23/03-2011) In a letter to the minister, the forum presents its recommendations on the sessions of the council this year.\n",
            Some("2011-03-23"),
        ),
        // A dated byline run onto the headline's line.
        (
            "Le Président en visite officielle au Mali pour renforcer les liens Rédigé par exemple.net le Jeudi 16 Janvier 2025 à 11:05\n\nLe président de la République effectuera une visite de courtoisie ce jeudi, dans l'après-midi, selon la présidence.\n",
            Some("2025-01-16"),
        ),
    ]);
    // The byline is not part of the title.
    let h = parse("Le Président en visite officielle au Mali Rédigé par exemple.net le Jeudi 16 Janvier 2025 à 11:05\n\nLe président de la République effectuera une visite de courtoisie ce jeudi, dans l'après-midi, selon la présidence.\n", None);
    assert_eq!(
        h.title.as_deref(),
        Some("Le Président en visite officielle au Mali")
    );
    // Not a label after a banner that is a sentence, nor a byline without a date; a bare "by"
    // inside a headline opens no byline.
    assert_published(&[
        (
            "Bill passed by Senate on Monday after long debate\n\nThe Senate passed the bill after a long debate that ran into the night, officials said.\n",
            None,
        ),
        (
            "Leaders meet in the capital Written by Staff Writer\n\nThe leaders met in the capital on Friday to discuss trade and security, officials said on the day.\n",
            None,
        ),
    ]);
}

#[test]
fn a_stuck_month_takes_its_day_from_the_header_and_spanish_month_first_dates() {
    assert_published(&[
        // The month alone, and a full date of it on the first line.
        (
            " date 2019-06 President to visit the United States; will meet his counterpart 0 12 June 2019\n\nThe president left on Tuesday afternoon for a visit of several days, his office said on Monday.\n",
            Some("2019-06-12"),
        ),
        // The month alone and nothing more: the month.
        (
            " date 2025-03 Read on the site\n\nRome, 3 Mar. (agency) - The president landed in the capital for his first state visit there in sixteen years, officials said.\n",
            Some("2025-03"),
        ),
        // A stamp below the first paragraph, in the stuck month, gives the day.
        (
            " date 2016-11 Premier to address parliament\n\nThe premier will address the parliament later this month, the first head of government to do so.\n\nBy ANP - 8-11-2016, 19:09\n\nIt is not usual for foreign ministers to address the parliament, the information service said.\n",
            Some("2016-11-08"),
        ),
        // A date in the story, of the same month, is an event's, not the page's.
        (
            " date 2016-11 Premier to address parliament\n\nThe premier will address the parliament on 23 November 2016, the first head of government to do so.\n",
            Some("2016-11"),
        ),
        // A headline's event date is no stamp.
        (
            " date 2019-06 Leaders to meet on 28 June 2019 at the summit in Osaka\n\nThe two leaders will meet on the sidelines of the summit, officials said on Monday.\n",
            Some("2019-06"),
        ),
        // Spanish, month first, "de" before the year.
        (
            "Colombia firma convenios con Emiratos\n\nNoticias RCN\n\nnoviembre 17 de 2014\n11:06 a. m.\n\nLa ministra de Relaciones Exteriores suscribió tres convenios para impulsar los lazos bilaterales, informó hoy la Embajada.\n",
            Some("2014-11-17"),
        ),
    ]);
}

#[test]
fn datelines_with_a_weekday_between_or_a_slashed_year() {
    assert_published(&[
        // French and Spanish releases name the weekday after the place.
        (
            "Site du gouvernement\n\nLe ministre sera en visite officielle\n\nSunport, le jeudi 30 mai 1996 - Le ministre de la Ruritanie effectuera une visite.\n",
            Some("1996-05-30"),
        ),
        ("Sunport, el martes 4 de junio de 2019 - El ministro de Ruritania llegó a la capital.\n", Some("2019-06-04")),
        // An agency writes the year after a slash.
        (
            "Sunport October 6/2022 (RNA) The prime minister held talks with the delegation of Freedonia.\n",
            Some("2022-10-06"),
        ),
    ]);
}

#[test]
fn an_updated_stamp_outranks_a_dateline_without_its_year() {
    let t = "Top News\n\nPremier arrives in Ruritania\n\nUpdated: 2006-04-02 08:52\n\nSUNPORT, Ruritania, April 1 -- The premier arrived in Sunport on Saturday night for a four-day visit.\n";
    assert_eq!(parse(t, None).published.as_deref(), Some("2006-04-02"));
    // A stamp the day before the dateline is no later posting: the dateline's day stands.
    let t = t.replace("2006-04-02 08:52", "2006-03-31 08:52");
    assert_eq!(parse(&t, None).published.as_deref(), Some("2006-04-01"));
}

#[test]
fn teasers_of_other_stories_do_not_use_up_the_header() {
    let mut t = String::from("Don't miss\n\n");
    for k in 0..20 {
        t.push_str(&format!(
            "Another story number {k} about something else\n\nRead more\n\n"
        ));
    }
    // A teaser's own date is the other story's.
    t.push_str("Older story on trade\n\nPosted: 2009-07-01\n\nRead more\n\n");
    t.push_str("Middle east\n\nPremier in Sunport for talks\n\nLatest update : 2009-08-18\n\nThe premier met the president for talks in Sunport on Tuesday, officials said.\n");
    assert_eq!(parse(&t, None).published.as_deref(), Some("2009-08-18"));
}
