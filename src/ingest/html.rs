//! HTML pages: the visible text, and the title, date and URL the page declares about itself.
//!
//! Dropped: `<head>`, scripts, styles, templates, `<nav>`, `<header>`, `<footer>`, `<aside>`
//! (and their ARIA roles), form controls, embedded media, and anything `hidden`. Block elements
//! (`<p>`, `<div>`, `<li>`, `<h1>`, `<br>` ...) end a line, runs of white space inside a line
//! become one space, entities are decoded by the parser, `<pre>` keeps its line breaks.

use scraper::node::Element;
use scraper::{Html, Node};

use super::hdate;

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    /// From `<meta>`/JSON-LD publication dates, as `YYYY-MM-DD` (or `YYYY-MM`).
    pub published: Option<String>,
    /// From modification dates: a last resort for `published`.
    pub modified: Option<String>,
    /// `<link rel="canonical">`, else `og:url`.
    pub url: Option<String>,
}

const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "menu",
    "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio", "button", "select",
    "textarea", "input", "dialog",
];
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
];
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];
/// `<meta>` names for the publication date, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article:published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "pub_date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
];
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
    "last-modified",
];

fn is_skipped(e: &Element) -> bool {
    SKIPPED.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || e.attr("role")
            .is_some_and(|r| SKIPPED_ROLES.contains(&r.to_ascii_lowercase().as_str()))
        || e.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Collects lines of visible text.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
    space: bool,
}

impl Lines {
    fn text(&mut self, t: &str, pre: bool) {
        if pre {
            for (i, part) in t.split('\n').enumerate() {
                if i > 0 {
                    self.end_line();
                }
                self.current.push_str(part.trim_end_matches('\r'));
            }
            return;
        }
        for c in t.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(c);
            }
        }
    }

    fn end_line(&mut self) {
        let line = self.current.trim();
        if !line.is_empty() {
            self.lines.push(line.to_string());
        }
        self.current.clear();
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.lines.join("\n")
    }
}

fn collapse(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// Looks for `datePublished`/`dateModified` in JSON-LD, at any depth (`@graph` arrays).
fn json_ld_dates(
    v: &serde_json::Value,
    published: &mut Option<String>,
    modified: &mut Option<String>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("datePublished", serde_json::Value::String(s)) if published.is_none() => {
                        *published = hdate::normalize(s)
                    }
                    ("dateModified", serde_json::Value::String(s)) if modified.is_none() => {
                        *modified = hdate::normalize(s)
                    }
                    _ => json_ld_dates(v, published, modified, depth + 1),
                }
            }
        }
        serde_json::Value::Array(items) => items
            .iter()
            .for_each(|v| json_ld_dates(v, published, modified, depth + 1)),
        _ => {}
    }
}

/// Parses `source` and extracts what [`Page`] lists.
pub fn extract(source: &str) -> Page {
    let doc = Html::parse_document(source);
    let mut out = Lines::default();
    let mut skip = 0usize;
    let mut pre = 0usize;
    let mut title = None;
    let mut og_title = None;
    let mut h1 = None;
    let mut canonical = None;
    let mut og_url = None;
    let mut published: Option<(usize, String)> = None;
    let mut modified: Option<(usize, String)> = None;
    let mut ld_published = None;
    let mut ld_modified = None;

    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    match e.name() {
                        "title" if title.is_none() => title = collapse(&text_of(node)),
                        "h1" if h1.is_none() && skip == 0 => h1 = collapse(&text_of(node)),
                        "meta" => {
                            let key = e
                                .attr("property")
                                .or(e.attr("name"))
                                .or(e.attr("itemprop"))
                                .map(str::to_ascii_lowercase);
                            let content = e.attr("content").or(e.attr("datetime"));
                            if let (Some(key), Some(content)) = (key, content) {
                                if let Some(rank) = PUBLISHED_KEYS.iter().position(|k| *k == key) {
                                    if let Some(date) = hdate::normalize(content) {
                                        if published.as_ref().is_none_or(|(r, _)| rank < *r) {
                                            published = Some((rank, date));
                                        }
                                    }
                                } else if let Some(rank) =
                                    MODIFIED_KEYS.iter().position(|k| *k == key)
                                {
                                    if let Some(date) = hdate::normalize(content) {
                                        if modified.as_ref().is_none_or(|(r, _)| rank < *r) {
                                            modified = Some((rank, date));
                                        }
                                    }
                                } else if key == "og:url" && og_url.is_none() {
                                    og_url = collapse(content);
                                } else if (key == "og:title" || key == "twitter:title")
                                    && og_title.is_none()
                                {
                                    og_title = collapse(content);
                                }
                            }
                        }
                        "link"
                            if canonical.is_none()
                                && e.attr("rel").is_some_and(|r| {
                                    r.split_whitespace()
                                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                                }) =>
                        {
                            canonical = e.attr("href").and_then(collapse);
                        }
                        "time" => {
                            let is_pub = e
                                .attr("itemprop")
                                .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
                                || e.attr("pubdate").is_some();
                            if is_pub && ld_published.is_none() {
                                ld_published = e.attr("datetime").and_then(hdate::normalize);
                            }
                        }
                        "script"
                            if e.attr("type").is_some_and(|t| {
                                t.trim().eq_ignore_ascii_case("application/ld+json")
                            }) =>
                        {
                            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text_of(node))
                            {
                                json_ld_dates(&v, &mut ld_published, &mut ld_modified, 0);
                            }
                        }
                        _ => {}
                    }
                    if skip > 0 || is_skipped(e) {
                        skip += 1;
                        continue;
                    }
                    match e.name() {
                        "br" => out.end_line(),
                        "pre" => {
                            out.end_line();
                            pre += 1;
                        }
                        "td" | "th" => out.space = true,
                        name if BLOCKS.contains(&name) => out.end_line(),
                        _ => {}
                    }
                }
                Node::Text(t) if skip == 0 => out.text(t, pre > 0),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    if e.name() == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                    if e.name() == "pre" || BLOCKS.contains(&e.name()) {
                        out.end_line();
                    }
                }
            }
        }
    }

    // "Headline - Site" in <title> and "Headline" in og:title: keep the headline.
    let title = match (title, og_title) {
        (Some(t), Some(og)) if t.starts_with(&og) => Some(og),
        (Some(t), _) => Some(t),
        (None, og) => og.or(h1),
    };
    Page {
        text: out.finish(),
        title,
        published: published.map(|(_, d)| d).or(ld_published),
        modified: modified.map(|(_, d)| d).or(ld_modified),
        url: canonical.or(og_url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Vietnam&#39;s leader meets Chinese defense minister - Global Times</title>
<meta property="og:title" content="Vietnam's leader meets Chinese defense minister">
<meta property="article:published_time" content="2024-12-20T23:19:00+08:00">
<meta property="article:modified_time" content="2024-12-21T08:00:00+08:00">
<meta property="og:url" content="https://www.globaltimes.cn/page/202412/1325481.shtml">
<link rel="canonical" href="https://www.globaltimes.cn/page/202412/1325481.shtml">
<style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script>
</head>
<body>
<header><a href="/">Global Times</a> <nav><a>China</a> <a>World</a></nav></header>
<article>
<h1>Vietnam&rsquo;s leader meets   Chinese defense minister</h1>
<p>General Secretary <b>To Lam</b> met with Chinese Defense Minister
   Dong&nbsp;Jun in Hanoi on Thursday.<br>Dong attended a gathering.</p>
<div hidden>Hidden text</div>
<figure><img src="a.jpg"><figcaption>Photo: VCG</figcaption></figure>
<p>Lam said relations are &quot;a strategic choice&quot; &amp; top priority.</p>
<pre>line one
  line two</pre>
</article>
<aside>Most read: something else</aside>
<footer>&copy; Global Times</footer>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"datePublished":"2019-01-01"}]}</script>
</body></html>"#;

    #[test]
    fn visible_text_and_metadata() {
        let page = extract(PAGE);
        assert_eq!(
            page.text,
            "Vietnam’s leader meets Chinese defense minister\n\
             General Secretary To Lam met with Chinese Defense Minister Dong Jun in Hanoi on Thursday.\n\
             Dong attended a gathering.\n\
             Photo: VCG\n\
             Lam said relations are \"a strategic choice\" & top priority.\n\
             line one\n\
             line two"
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Vietnam's leader meets Chinese defense minister")
        );
        assert_eq!(page.published.as_deref(), Some("2024-12-20"));
        assert_eq!(page.modified.as_deref(), Some("2024-12-21"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://www.globaltimes.cn/page/202412/1325481.shtml")
        );
    }

    #[test]
    fn json_ld_and_itemprop_dates() {
        let page = extract(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-08-20T10:00:00Z"}]}</script></head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(page.published.as_deref(), Some("2024-08-20"));
        assert_eq!(page.title, None);
        let page = extract(
            r#"<meta itemprop="datePublished" content="August 21, 2024"><meta name="date" content="2020-01-01"><p>Text</p>"#,
        );
        assert_eq!(page.published.as_deref(), Some("2024-08-21"));
    }

    #[test]
    fn fragments_tables_and_roles() {
        let page = extract("<div role=\"navigation\">Home | News</div><table><tr><td>Hanoi</td><td>Beijing</td></tr></table><p>A<p>B");
        assert_eq!(page.text, "Hanoi Beijing\nA\nB");
        assert_eq!(page.title, None);
    }

    #[test]
    fn title_falls_back_to_h1() {
        let page = extract("<body><h1>  Talks  in Hanoi </h1><p>They met.</p></body>");
        assert_eq!(page.title.as_deref(), Some("Talks in Hanoi"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(20_000) + "deep" + &"</div>".repeat(20_000);
        assert_eq!(extract(&html).text, "deep");
    }
}
