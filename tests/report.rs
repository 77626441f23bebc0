//! `report.html` as analysts open it: built by a run over articles that include a hostile one,
//! loaded in a real headless Chromium (`--dump-dom`, `--screenshot`). The page must show its
//! table and counts, render the hostile article as text only, and load nothing from outside.
//!
//! Skips (with a message) when no Chromium is installed; `.ci/run` installs Debian's
//! `chromium`, so CI runs it. `ATTACHE_CHROMIUM` names another browser binary.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-report-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The hostile article: markup in its headline and body that must stay text.
const HOSTILE: &str = "Defense chiefs meet <script>window.__pwned=1;document.documentElement.setAttribute('data-pwned','1')</script>\n\
Updated: 2024-12-20 09:00\n\
HANOI, Dec. 19 (Reuters) - Vietnam's Defense Minister Phan Van Giang met Chinese Defense Minister Dong Jun in Hanoi on Thursday.\n\
<img src=x onerror=\"window.__pwned=1;document.body.appendChild(document.createElement('pwned-marker'))\">\n\
The two ministers discussed border security. <script>document.body.appendChild(document.createElement('pwned-marker'))</script>\n";

fn find_chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("ATTACHE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Runs headless Chromium on `url` with `args`; its stdout, or a panic after 120 s.
fn chromium(browser: &Path, profile: &Path, args: &[&str], url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).ok();
        s
    });
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

fn attr<'a>(dom: &'a str, name: &str) -> Option<&'a str> {
    let at = dom.find(&format!("{name}=\""))? + name.len() + 2;
    dom[at..].split('"').next()
}

/// The value shown on the count card `key`.
fn count_card(dom: &str, key: &str) -> String {
    let at = dom
        .find(&format!("data-count=\"{key}\""))
        .unwrap_or_else(|| panic!("no count card {key}"));
    let rest = &dom[at..];
    let b = rest.find("<b>").unwrap() + 3;
    rest[b..b + rest[b..].find("</b>").unwrap()].to_string()
}

/// Every tag of the page's own markup (the data blocks hold no raw `<`), checked for
/// anything that would load from outside.
fn assert_no_external_loads(html: &str) {
    let lower = html.to_lowercase();
    for tag in lower
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        for bad in ["http:", "https:", "src=\"//", "href=\"//", "ftp:"] {
            assert!(!tag.contains(bad), "a tag loads from outside: <{tag}>");
        }
        let name = tag.split_whitespace().next().unwrap_or("");
        for bad in ["link", "img", "iframe", "object", "embed", "base"] {
            assert!(name != bad, "the report has a <{name}> tag");
        }
    }
    let style = &lower[lower.find("<style>").unwrap()..lower.find("</style>").unwrap()];
    assert!(
        !style.contains("@import") && !style.contains("url("),
        "styles load nothing"
    );
}

#[test]
fn report_renders_in_headless_chromium_and_runs_no_article_markup() {
    let dir = scratch("chromium");
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    for name in [
        "2024-hanoi-beijing-talks.txt",
        "2025-lee-ishiba-phone-call.txt",
        "2025-app-pakistan-kazakhstan-mou.txt",
    ] {
        fs::copy(root().join("input").join(name), input.join(name)).unwrap();
    }
    fs::write(input.join("hostile.txt"), HOSTILE).unwrap();
    let out = dir.join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args([
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--quiet",
            "--fresh",
        ])
        .status()
        .unwrap();
    assert!(status.success());

    // The file itself: self-contained, payload escaped, nothing to fetch.
    let report = out.join("report.html");
    let html = fs::read_to_string(&report).expect("every run writes report.html");
    assert!(
        !html.contains("<script>window") && !html.contains("<img src=x"),
        "article markup is escaped in the data"
    );
    assert!(
        html.contains("\\u003cscript\\u003ewindow.__pwned"),
        "the hostile text is in the data, escaped"
    );
    assert_no_external_loads(&html);
    let meetings = fs::read_to_string(out.join("meetings.jsonl"))
        .unwrap()
        .lines()
        .count();
    let agreements = fs::read_to_string(out.join("agreements.jsonl"))
        .unwrap()
        .lines()
        .count();
    assert!(
        meetings >= 2 && agreements >= 1,
        "the corpus has records: {meetings} meetings, {agreements} agreements"
    );

    // `attache report DIR` rebuilds the same bytes from the datasets.
    fs::remove_file(&report).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["report", out.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        fs::read_to_string(&report).unwrap(),
        html,
        "attache report DIR writes what the run wrote"
    );

    let Some(browser) = find_chromium() else {
        eprintln!("SKIPPED report_renders_in_headless_chromium: no chromium on PATH (apt-get install chromium; .ci/run installs it)");
        return;
    };
    let url = format!("file://{}", fs::canonicalize(&report).unwrap().display());
    let profile = dir.join("profile");

    let dom = chromium(&browser, &profile, &["--dump-dom"], &url);
    assert_eq!(
        attr(&dom, "data-ready"),
        Some("1"),
        "the page's script ran to the end: {}",
        &dom[..dom.len().min(2000)]
    );
    let rows = dom.matches("<tr class=\"row\"").count();
    assert_eq!(
        rows,
        (meetings + agreements).min(50),
        "one table row per record on the first page"
    );
    assert_eq!(
        attr(&dom, "data-shown-records"),
        Some((meetings + agreements).to_string().as_str())
    );
    assert_eq!(count_card(&dom, "documents"), "4");
    assert_eq!(count_card(&dom, "meetings"), meetings.to_string());
    assert_eq!(count_card(&dom, "agreements"), agreements.to_string());
    assert!(
        dom.contains("<mark class=\"hit\">"),
        "evidence sentences have their names marked"
    );
    assert!(
        dom.contains("href=\"#doc=hostile.txt\""),
        "rows link to their documents"
    );
    assert!(
        !dom.contains("<pwned-marker") && !dom.contains("data-pwned=\""),
        "hostile markup ran"
    );
    let first_table_ms: f64 = attr(&dom, "data-first-table-ms").unwrap().parse().unwrap();
    assert!(first_table_ms > 0.0);

    // The hostile article's own view: its markup shown as text, entities marked.
    let dom = chromium(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("{url}#doc=hostile.txt"),
    );
    assert_eq!(attr(&dom, "data-ready"), Some("1"));
    let view = &dom[dom.find("id=\"view-doc\"").expect("document view")..];
    assert!(
        view.contains("&lt;script&gt;window.__pwned=1;"),
        "the script tag is shown as text"
    );
    assert!(
        view.contains("&lt;img src=x onerror="),
        "the img tag is shown as text"
    );
    assert!(
        view.contains("class=\"ent l-PERSON\""),
        "entities are marked: {}",
        &view[..view.len().min(3000)]
    );
    assert!(
        view.contains("class=\"ev\""),
        "the evidence of its records is marked"
    );
    assert!(view.contains("record(s) from this document"));
    assert!(
        !dom.contains("<pwned-marker") && !dom.contains("data-pwned=\""),
        "hostile markup ran in the document view"
    );

    // The charts view builds, and a screenshot shows a page.
    let dom = chromium(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("{url}#charts"),
    );
    assert!(dom.contains("class=\"month\""), "the timeline has months");
    assert!(
        dom.contains("China ("),
        "the country matrix lists countries"
    );
    let shot = dir.join("report.png");
    chromium(
        &browser,
        &profile,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1400,1000",
            "--hide-scrollbars",
        ],
        &url,
    );
    let png = fs::read(&shot).expect("chromium wrote a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "a non-trivial PNG ({} bytes)",
        png.len()
    );
    eprintln!(
        "report test: first table after {first_table_ms} ms; screenshot {} ({} bytes)",
        shot.display(),
        png.len()
    );
    fs::remove_dir_all(dir).ok();
}
