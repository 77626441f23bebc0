//! Ingest as a whole: discovery, each format, furniture on documents, decoding.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;

use super::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/corpus")
}

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "attache-ingest-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Undo chmod 000 from the unreadable-folder test so the folder can be removed.
            if let Ok(entries) = fs::read_dir(&self.0) {
                for e in entries.flatten() {
                    let _ = fs::set_permissions(e.path(), fs::Permissions::from_mode(0o755));
                }
            }
        }
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn read_one(dir: &TempDir, rel: &str, bytes: &[u8]) -> Document {
    let path = dir.write(rel, bytes);
    let sources = discover(&[path]).unwrap();
    assert_eq!(sources.len(), 1, "{sources:?}");
    read(&sources[0])
}

fn furniture_of(doc: &Document) -> Vec<&str> {
    doc.furniture.iter().map(|s| doc.span_text(*s)).collect()
}

// ---- discovery ---------------------------------------------------------------------------

#[test]
fn discovery_over_the_fixture_corpus() {
    let found = discover_all(&[fixtures()]).unwrap();
    let ids: Vec<&str> = found.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "a_article.txt",
            "b_page.html",
            "c_record.json",
            "d_records.jsonl#1",
            "d_records.jsonl#3",
            "d_records.jsonl#4",
            "d_records.jsonl#5",
            "sub/nested.md"
        ]
    );
    assert_eq!(found.skipped, [fixtures().join("e_notes.pdf")]);
    assert!(found.unreadable.is_empty());
    let warnings = found.warnings();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("skipped 1 file"), "{warnings:?}");
    // The plain API gives the same list.
    assert_eq!(discover(&[fixtures()]).unwrap(), found.sources);
}

#[test]
fn documents_of_the_fixture_corpus() {
    let docs: Vec<Document> = discover(&[fixtures()]).unwrap().iter().map(read).collect();
    let by_id = |id: &str| {
        docs.iter()
            .find(|d| d.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };

    let txt = by_id("a_article.txt");
    assert_eq!(
        txt.title.as_deref(),
        Some("Vietnam's party general secretary meets Chinese defense minister")
    );
    assert_eq!(txt.published.as_deref(), Some("2024-12-20"));
    assert_eq!(
        furniture_of(txt),
        [
            "CHINA / DIPLOMACY",
            "Published: Dec 20, 2024 11:19 PM",
            "China Vietnam Photo: VCG",
            "READ ALSO: China, Vietnam hold border talks"
        ]
    );
    assert_eq!(txt.headline.map(|s| txt.span_text(s)), txt.title.as_deref());
    assert!(txt.path.ends_with("a_article.txt"));

    let page = by_id("b_page.html");
    assert_eq!(page.title.as_deref(), Some("Ministers meet in Beijing"));
    assert_eq!(page.published.as_deref(), Some("2024-08-20"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://example.com/2024/08/20/ministers-meet")
    );
    assert_eq!(
        page.text,
        "Ministers meet in Beijing\nBEIJING, Aug. 20 (Xinhua) -- Chinese Defense Minister Dong Jun met Vietnamese Defense Minister Phan Van Giang in Beijing on Tuesday."
    );
    assert!(furniture_of(page).is_empty());
    assert_eq!(
        page.headline.map(|s| page.span_text(s)),
        Some("Ministers meet in Beijing")
    );

    let json = by_id("rec-1");
    assert_eq!(json.title.as_deref(), Some("Hotline agreed"));
    assert_eq!(json.published.as_deref(), Some("2024-04-12"));
    assert!(json.path.ends_with("c_record.json"));

    let l1 = by_id("l1");
    assert_eq!(l1.text, "To Lam visited Beijing.");
    assert!(l1.is_ok());
    let l3 = by_id("d_records.jsonl#3");
    assert_eq!(
        l3.url.as_deref(),
        Some("https://example.com/news/202408/123.html")
    );
    assert_eq!(l3.published.as_deref(), Some("2024-08"));
    let bad = by_id("d_records.jsonl#4");
    assert!(
        bad.error
            .as_deref()
            .unwrap()
            .starts_with("line 4: not valid JSON"),
        "{:?}",
        bad.error
    );
    assert!(bad.path.ends_with("d_records.jsonl"));
    let l5 = by_id("d_records.jsonl#5");
    assert_eq!(l5.published.as_deref(), Some("2024-08-21"));

    let md = by_id("sub/nested.md");
    assert_eq!(
        md.title.as_deref(),
        Some("Markdown headline for the nested note")
    );
    assert_eq!(docs.iter().filter(|d| !d.is_ok()).count(), 1);
}

#[test]
fn single_files_keep_their_name_and_unknown_named_files_are_read_as_text() {
    let dir = TempDir::new();
    let doc = read_one(&dir, "x/notes.text", b"Ministers met in Hanoi.\n");
    assert_eq!(doc.id, "notes.text");
    assert!(doc.is_ok());
    assert!(
        doc.warnings.iter().any(|w| w.contains("plain text")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn missing_input_is_an_error() {
    assert!(discover(&[PathBuf::from("/nonexistent/attache/input")]).is_err());
}

#[test]
fn same_relative_path_under_two_roots_gets_two_ids() {
    let (a, b) = (TempDir::new(), TempDir::new());
    a.write("x.txt", b"From A.");
    b.write("x.txt", b"From B.");
    let sources = discover(&[a.0.clone(), b.0.clone()]).unwrap();
    assert_eq!(sources.len(), 2);
    assert_ne!(sources[0].id, sources[1].id);
    assert!(sources.iter().any(|s| s.id == "x.txt"));
    // The same root twice is one set of documents.
    assert_eq!(discover(&[a.0.clone(), a.0.clone()]).unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_linked_files_are_read_once() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new();
    dir.write("a/one.txt", b"One.");
    symlink(dir.0.join("a"), dir.0.join("a/loop")).unwrap();
    symlink(&dir.0, dir.0.join("a/up")).unwrap();
    symlink(dir.0.join("a/one.txt"), dir.0.join("same.txt")).unwrap();
    symlink(dir.0.join("missing.txt"), dir.0.join("broken.txt")).unwrap();
    let found = discover_all(std::slice::from_ref(&dir.0)).unwrap();
    let ids: Vec<&str> = found.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a/one.txt"]);
    assert_eq!(found.unreadable.len(), 1, "{:?}", found.unreadable);
    assert!(found.unreadable[0].0.ends_with("broken.txt"));
}

#[cfg(unix)]
#[test]
fn unreadable_folders_are_recorded_not_fatal() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new();
    dir.write("ok.txt", b"Fine.");
    dir.write("locked/x.txt", b"Locked.");
    fs::set_permissions(dir.0.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let found = discover_all(std::slice::from_ref(&dir.0)).unwrap();
    if fs::read_dir(dir.0.join("locked")).is_ok() {
        return; // running as root: permissions do not bind, nothing to test
    }
    assert_eq!(found.sources.len(), 1);
    assert_eq!(found.unreadable.len(), 1);
    assert!(found.warnings()[0].contains("locked"));
}

#[test]
fn hidden_entries_are_skipped() {
    let dir = TempDir::new();
    dir.write(".git/x.txt", b"Nope.");
    dir.write(".draft.txt", b"Nope.");
    dir.write("ok.txt", b"Yes.");
    let ids: Vec<String> = discover(std::slice::from_ref(&dir.0))
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["ok.txt"]);
}

#[test]
fn jsonl_indexing_handles_bom_crlf_blank_lines_and_no_final_newline() {
    let dir = TempDir::new();
    let path = dir.write(
        "r.jsonl",
        b"\xEF\xBB\xBF{\"text\": \"A.\"}\r\n  \r\n{\"text\": \"B.\", \"id\": 5}",
    );
    let sources = discover(&[path]).unwrap();
    let docs: Vec<Document> = sources.iter().map(read).collect();
    assert_eq!(
        docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["r.jsonl#1", "5"]
    );
    assert_eq!(docs[0].text, "A.");
    assert_eq!(docs[1].text, "B.");
    assert!(
        docs.iter().all(|d| d.is_ok() && d.warnings.is_empty()),
        "{docs:?}"
    );
}

#[test]
fn jsonl_without_records_is_one_failed_document() {
    let dir = TempDir::new();
    let doc = read_one(&dir, "empty.jsonl", b"\n  \n");
    assert_eq!(doc.id, "empty.jsonl");
    assert!(doc.error.is_some());
}

#[test]
fn jsonl_line_with_invalid_utf8_is_read_with_a_warning() {
    let dir = TempDir::new();
    let doc = read_one(&dir, "r.jsonl", b"{\"text\": \"Hanoi \xFF met\"}\n");
    assert_eq!(doc.text, "Hanoi \u{FFFD} met");
    assert_eq!(doc.warnings.len(), 1);
}

// ---- formats ------------------------------------------------------------------------------

#[test]
fn json_file_errors_are_failed_documents() {
    let dir = TempDir::new();
    for (name, body) in [
        ("a.json", &b"[{\"text\": \"x\"}]"[..]),
        ("b.json", b"{\"title\": \"no text\"}"),
        ("c.json", b"{oops"),
    ] {
        let doc = read_one(&dir, name, body);
        assert!(doc.error.is_some(), "{name}");
        assert_eq!(doc.id, name);
    }
}

#[test]
fn json_record_header_fills_what_fields_lack() {
    let dir = TempDir::new();
    let doc = read_one(
        &dir,
        "a.json",
        br#"{"text": "Defence ministers meet\nPosted on August 21, 2024\nThe defence ministers of China and Vietnam met in Beijing on Tuesday, state media said."}"#,
    );
    assert_eq!(doc.id, "a.json");
    assert_eq!(doc.title.as_deref(), Some("Defence ministers meet"));
    assert_eq!(doc.published.as_deref(), Some("2024-08-21"));
    assert_eq!(furniture_of(&doc), ["Posted on August 21, 2024"]);
    assert_eq!(
        doc.headline.map(|s| doc.span_text(s)),
        Some("Defence ministers meet")
    );
}

#[test]
fn html_without_visible_text_fails() {
    let dir = TempDir::new();
    let doc = read_one(&dir, "a.htm", b"<html><head><title>T</title><script>x()</script></head><body><nav>Menu</nav></body></html>");
    assert!(doc.error.as_deref().unwrap().contains("no visible text"));
}

#[test]
fn html_modification_date_is_a_last_resort() {
    let dir = TempDir::new();
    let doc = read_one(
        &dir,
        "a.html",
        b"<meta property=\"article:modified_time\" content=\"2024-12-21T08:00:00Z\"><p>The two sides met in Hanoi on Friday to discuss trade and security issues.</p>",
    );
    assert_eq!(doc.published.as_deref(), Some("2024-12-21"));
}

#[test]
fn dateline_without_year_warns_on_the_document() {
    let dir = TempDir::new();
    let doc = read_one(
        &dir,
        "a.txt",
        b"HANOI, Dec. 19 (Reuters) - Vietnam and China held talks on Thursday, officials said.\n",
    );
    assert_eq!(doc.published, None);
    assert_eq!(doc.warnings.len(), 1);
    let doc = read_one(&dir, "b.json", br#"{"text": "HANOI, Dec. 19 (Reuters) - Vietnam and China held talks.", "published": "2024-12-19"}"#);
    assert!(doc.warnings.is_empty());
    assert_eq!(doc.published.as_deref(), Some("2024-12-19"));
}

// ---- furniture on the real seeds ----------------------------------------------------------

#[test]
fn seed_documents() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        return;
    }
    let docs: Vec<Document> = discover(&[seeds]).unwrap().iter().map(read).collect();
    let get = |prefix: &str| docs.iter().find(|d| d.id.starts_with(prefix)).unwrap();
    let gt = get("002_");
    assert_eq!(gt.published.as_deref(), Some("2024-12-20"));
    assert_eq!(
        furniture_of(gt),
        [
            "CHINA\u{a0}/\u{a0}DIPLOMACY",
            "Published: Dec 20, 2024 11:19 PM",
            "China Vietnam Photo: VCG",
            "China Vietnam Photo: VCG"
        ]
    );
    let notes = get("000_");
    assert_eq!(notes.title, None);
    assert_eq!(notes.published, None);
    let f = furniture_of(notes);
    assert_eq!(f.len(), 4, "{f:?}");
    assert!(f.iter().all(|l| l.starts_with('[')));
    assert_eq!(
        get("004_").title.as_deref(),
        Some("Xi Jinping’s Visit to Vietnam Shows Stable Relations")
    );
    assert_eq!(
        furniture_of(get("004_")),
        [
            "READ ALSO: US Lawmakers Are Planning A Trip To China This Fall As Encouraged By Biden Administration"
        ]
    );
    for prefix in ["001_", "003_"] {
        let d = get(prefix);
        assert_eq!(d.title, None, "{prefix}");
        assert!(d.furniture.is_empty(), "{prefix}: {:?}", furniture_of(d));
    }
    assert!(docs.iter().all(|d| d.is_ok() && d.warnings.is_empty()));
}

// ---- decoding -----------------------------------------------------------------------------

#[test]
fn bom_is_dropped_and_invalid_bytes_are_replaced_with_a_warning() {
    let (text, warnings) = decode_text(b"\xEF\xBB\xBFHanoi \xFF met").unwrap();
    assert_eq!(text, "Hanoi \u{FFFD} met");
    assert_eq!(warnings.len(), 1);
    let dir = TempDir::new();
    let doc = read_one(&dir, "bom.txt", b"\xEF\xBB\xBFTo Lam met Dong Jun.");
    assert_eq!(doc.text, "To Lam met Dong Jun.");
    assert!(doc.warnings.is_empty());
    let doc = read_one(&dir, "bad.txt", b"Hanoi \xC3\x28 met.");
    assert!(doc.is_ok());
    assert!(doc.warnings[0].contains("invalid UTF-8"));
}

#[test]
fn empty_and_binary_files_are_errors() {
    assert!(decode_text(b"").is_err());
    assert!(decode_text(b"  \n\t").is_err());
    assert!(decode_text(b"PK\x03\x04\x00\x00").is_err());
    let dir = TempDir::new();
    assert!(read_one(&dir, "empty.txt", b"")
        .error
        .as_deref()
        .unwrap()
        .contains("empty"));
    assert!(read_one(&dir, "bin.txt", b"\x00\x01\x02")
        .error
        .as_deref()
        .unwrap()
        .contains("binary"));
}

#[test]
fn utf16_with_bom_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Hà Nội".encode_utf16().flat_map(u16::to_le_bytes));
    let (text, warnings) = decode_text(&bytes).unwrap();
    assert_eq!(text, "Hà Nội");
    assert_eq!(warnings.len(), 1);
}

#[test]
fn furniture_spans_are_sorted_disjoint_and_on_char_boundaries() {
    let text = "WORLD\nÉtats-Unis et Việt Nam signent un accord\nPublished: 2024-12-20\nPhoto: VNA\nLe texte de l’accord a été signé à Hà Nội vendredi par les deux ministres.\n[1] Source.";
    let doc = assemble("x".into(), text.into(), Known::default(), vec![]);
    // The headline is marked apart, not furniture.
    assert_eq!(doc.furniture.len(), 4, "{:?}", furniture_of(&doc));
    assert_eq!(
        doc.headline.map(|s| doc.span_text(s)),
        Some("États-Unis et Việt Nam signent un accord")
    );
    for pair in doc.furniture.windows(2) {
        assert!(pair[0].end <= pair[1].start);
    }
    for s in &doc.furniture {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600), ext in prop::sample::select(vec!["txt", "md", "html", "json", "jsonl"])) {
        let dir = TempDir::new();
        let path = dir.write(&format!("a.{ext}"), &bytes);
        for source in discover(&[path]).unwrap() {
            let doc = read(&source);
            for s in &doc.furniture {
                prop_assert!(s.start <= s.end && s.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
            }
        }
    }

    #[test]
    fn header_parsing_never_panics(text in "(?s)[A-Za-z0-9 ,.:/|()\\[\\]\\-–—’'\"\n#*éộ😀]{0,400}") {
        let h = header::parse(&text, Some(&text));
        for s in &h.furniture {
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        let _ = furniture::scan(&text);
        let _ = hdate::from_url(&text);
        let _ = html::extract(&text);
    }

    #[test]
    fn header_lines_with_dates_never_panic(
        key in prop::sample::select(vec!["Published: ", "Updated: ", "Posted on ", "", "HANOI, ", "ISLAMABAD, "]),
        month in prop::sample::select(vec!["Dec", "Dec.", "March", "Sept.", "Feb", "May"]),
        day in 0u32..40, year in 0i32..3000, tail in "[ A-Za-z():\\-]{0,20}",
    ) {
        let text = format!("Headline for a test\n{key}{month} {day}, {year}{tail}\nBody text of the article goes here, long enough to be prose for the parser.\n");
        let h = header::parse(&text, None);
        if let Some(p) = h.published {
            prop_assert!(p.len() == 10 || p.len() == 7);
        }
    }
}

#[test]
fn an_all_numeric_date_is_month_first_when_a_header_line_shows_it_so() {
    let text = "Lima to host the binational cabinet in July\n\n10:38 | Lima, Jul. 2.\n\nPeru's Foreign Ministry said the meeting will take place in Lima on July 7.\n\nPublished: 7/2/2017\n";
    assert_eq!(
        header::parse(text, None).published.as_deref(),
        Some("2017-07-02")
    );
    // Nothing shows the order: day first, as most of the world writes it.
    let text = "Lima to host the binational cabinet in July\n\nPeru's Foreign Ministry said the meeting will take place in Lima on July 7.\n\nPublished: 7/2/2017\n";
    assert_eq!(
        header::parse(text, None).published.as_deref(),
        Some("2017-02-07")
    );
}

#[test]
fn datelines_with_ordinal_days_and_dates_that_open_the_story() {
    let text = "Foreign minister visits Vilnius\n\n\nVilnius, 6th September 2021 (TDI): The foreign minister landed in Vilnius on an official visit.\n";
    assert_eq!(
        header::parse(text, None).published.as_deref(),
        Some("2021-09-06")
    );
    let text = "Bhutan invites Maldives to the summit\n\n\nJanuary 06, 2009: The prime minister has sent an invitation to the president to attend the summit.\n";
    assert_eq!(
        header::parse(text, None).published.as_deref(),
        Some("2009-01-06")
    );
    // A day with a dot, as central European pages write it.
    let text = "Minister confers with his Hungarian counterpart\n\n29. Sep 2023.\nThe minister met his counterpart today in Belgrade for talks on energy.\n";
    assert_eq!(
        header::parse(text, None).published.as_deref(),
        Some("2023-09-29")
    );
    // A date in a sentence of the story is no dateline.
    let text = "Summit opens\n\nOn January 6, 2009, the leaders met in Thimphu for the summit.\n";
    assert_eq!(header::parse(text, None).published, None);
}

#[test]
fn numeric_datelines_and_numeric_stamps_a_dateline_spells_out() {
    let body = "Switzerland and Malta on Friday initialled a protocol to their tax agreement.";
    let dir = TempDir::new();
    let d = read_one(
        &dir,
        "bern.txt",
        format!("Finance ministry press releases\n\nBern, 12.11.2012 - {body}\n").as_bytes(),
    );
    assert_eq!(d.published.as_deref(), Some("2012-11-12"));
    // A day-first stamp with a 12-hour clock, under a dateline that spells the day out.
    let text = "WORLD > NEWS\n\nChile and Brazil sign 12 agreements\n\n06/08/2024 05:29 PM\n\nMEXICO CITY, Aug 6 (Bernama) -- Chile and Brazil signed 12 agreements on Monday.\n";
    assert_eq!(
        read_one(&dir, "chile.txt", text.as_bytes())
            .published
            .as_deref(),
        Some("2024-08-06")
    );
}

#[test]
fn a_first_paragraph_led_by_a_day_first_date_dates_the_page() {
    let dir = TempDir::new();
    let text = "04. Oktober 2014 – Regierungssprecher Yongyuth Mayalarp hat angekündigt, dass der Ministerpräsident Myanmar besuchen wird.\n";
    assert_eq!(
        read_one(&dir, "de.txt", text.as_bytes())
            .published
            .as_deref(),
        Some("2014-10-04")
    );
}
