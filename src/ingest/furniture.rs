//! Page furniture: lines that are in the text but are not article prose, so record mining
//! must skip them: photo credits, "READ ALSO:"/"Related:" links, share and subscribe
//! boilerplate, "Source:"/"Editor:" tags, and the footnote list at the end.
//!
//! Only whole lines are furniture, and only short ones where the pattern could also start a
//! sentence ("Share prices rose ..." stays prose). A photo caption that ends with its credit
//! ("Kazakh President Tokayev reviews the guard of honour ... Photo: VNA") is furniture whatever
//! its length: captions describe a picture, in the present tense and without dates, and the
//! body reports the same event with its context.

use std::sync::LazyLock;

use regex::Regex;

use super::header::{lines, plain};
use crate::text::ByteSpan;

/// Photo credits: "Photo: VCG", "China Vietnam Photo: VCG", "File photo", "(Photo by Li Gang)",
/// "Photo/Xinhua", "Image credit: Reuters".
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\(\[]?\s*(?:
            (?:.{0,80}?\b)?(?:file\s+)?(?:photos?|photograph|images?|pictures?|pic|video|graphic|illustration)
                (?:\s+credits?)?\s*(?::|：|/|\bby\b|\bcourtesy\b|\bsource\b)
          | file\s+(?:photo|picture|image)s?\b
          | (?:photo\s+)?credits?\s*:
          | (?:getty\s+images|afp|reuters|ap|xinhua|vcg|epa|anadolu|vna)(?:\s*/\s*[^\)\]]{1,40})?\s*[\)\]]?\s*$
        )",
    )
    .unwrap()
});

/// A credit closing a caption: "... in Hanoi. Photo: VNA", "... House. - Photo: PID",
/// "... (Photo: Xinhua)", "... (Xinhua/Li Gang)".
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)(?:^|[.!?”"\s])\s*(?:[-–—|]\s*)?
          (?:
            [\(\[]?\s*(?i:(?:file\s+)?(?:photos?|photograph|images?|pictures?)(?:\s+credits?)?)\s*(?::|：|/|\bby\b)\s*[^\s:][^:.!?]{0,60}[\)\]]?
          | \(\s*(?:Xinhua|Reuters|AFP|AP|VNA|VCG|Yonhap|Kyodo|EPA|Getty\s+Images|PID|APP)\s*/\s*[^\)]{1,40}\)
          )\s*$"#,
    )
    .unwrap()
});

/// Links to other articles: "READ ALSO: ...", "Related: ...", "See also ...".
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\W*(?:
            read\s+(?:also|more|next)|also\s+read|see\s+also|related(?:\s+(?:articles?|stories|story|news|coverage|reading|posts?|content|links?))?
          | recommended(?:\s+(?:for\s+you|reading|stories|articles))?|you\s+(?:may|might)\s+also\s+like|further\s+reading
          | more\s+(?:stories|news|articles)|most\s+(?:read|popular)|trending(?:\s+now)?|top\s+stories|editor'?s?\s+picks?
        )\s*(?:$|[:：»>|\-–—])",
    )
    .unwrap()
});

/// Share, subscribe and site boilerplate (checked on short lines only).
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\W*(?:
            share(?:\s+(?:this|on|via|to)\b.*|\s*:.*)?
          | subscribe\b.* | sign\s+up\b.* | follow\s+us\b.* | click\s+here\b.* | join\s+(?:our|us)\b.*
          | (?:get\s+(?:our|the)\s+)?newsletter\b.* | download\s+(?:the|our)\s+app\b.*
          | advertisement | sponsored(?:\s+content)? | tags?\s*:.* | keywords?\s*:.*
          | print(?:\s+this)?(?:\s+(?:article|page|story))? | e-?mail(?:\s+this)?(?:\s+(?:article|page|story))?
          | copy\s+(?:the\s+)?link | comments? | leave\s+a\s+(?:comment|reply) | back\s+to\s+top
          | all\s+rights\s+reserved\b.* | copyright\b.* | ©.* | \(c\)\s*[0-9]{4}.*
          | \(?\s*(?:source|editor|edited\s+by|author|reporter|writer|correspondent|translated\s+by|compiled\s+by)\s*[:：]\s*.*
        )\s*$",
    )
    .unwrap()
});

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "e-mail",
    "print",
    "share",
    "reddit",
    "weibo",
    "wechat",
    "copy",
    "link",
    "pinterest",
    "tweet",
    "messenger",
    "line",
    "vk",
];

/// Footnote entries: "[1] ...", "[12]", "^3 ...".
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\[[0-9]{1,3}\]|\^[0-9]{1,3}\b)").unwrap());
/// Headings that open a trailing apparatus: "Notes:", "References", "Sources:".
static NOTES_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:notes?|references?|sources?|footnotes?|endnotes?|bibliography|works\s+cited|citations?)\s*:?$")
        .unwrap()
});

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether one (trimmed) line is a credit, a related-link line or boilerplate.
pub fn is_furniture_line(line: &str) -> bool {
    let p = plain(line);
    if p.is_empty() {
        return false;
    }
    let w = words(p);
    if RELATED.is_match(p) {
        return true;
    }
    if w <= 12 && CREDIT.is_match(p) && !p.ends_with(['.', '!', '?']) {
        return true;
    }
    if TRAILING_CREDIT.is_match(p) {
        return true;
    }
    if w <= 12 && BOILERPLATE.is_match(p) {
        return true;
    }
    // "Facebook Twitter WhatsApp Email"
    w <= 10
        && p.split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == ',')
            .filter(|s| !s.is_empty())
            .all(|s| SOCIAL.contains(&s.to_ascii_lowercase().as_str()))
}

/// Furniture lines anywhere in `text` (header lines are found by [`super::header`]), in text
/// order, each the trimmed line's span.
pub fn scan(text: &str) -> Vec<ByteSpan> {
    let all: Vec<_> = lines(text).collect();
    let mut spans: Vec<ByteSpan> = all
        .iter()
        .filter(|l| is_furniture_line(l.text))
        .map(|l| l.span)
        .collect();

    // Trailing footnote list: "[1] ...", "[2] Ibid." up to the end, with its heading if any.
    let mut first = all.len();
    while first > 0 && FOOTNOTE.is_match(all[first - 1].text) {
        first -= 1;
    }
    // A "Notes:" heading in the last part of the text opens an apparatus that runs to the end.
    let tail_start = all.len() * 2 / 5;
    if let Some(h) = (tail_start..all.len()).find(|&i| NOTES_HEADING.is_match(plain(all[i].text))) {
        first = first.min(h);
    } else if first > 0 && first < all.len() && NOTES_HEADING.is_match(plain(all[first - 1].text)) {
        first -= 1;
    }
    // The text must keep some prose: a document that is only "[1] ..." lines is not all furniture.
    if first > 0 {
        spans.extend(all[first..].iter().map(|l| l.span));
    }
    spans.sort();
    spans.dedup();
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture_lines(text: &str) -> Vec<&str> {
        scan(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn credits() {
        for line in [
            "Photo: VCG",
            "China Vietnam Photo: VCG",
            "File photo",
            "File Photo: Reuters",
            "(Photo by Li Gang)",
            "Photo/Xinhua",
            "Image credit: Reuters",
            "Credit: AFP",
            "(Xinhua/Li Gang)",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
        // Captions that end with their credit.
        for line in [
            "Chinese Defense Minister Dong Jun meets Vietnamese Defense Minister Phan Van Giang in Beijing on August 20, 2024. Photo: Xinhua",
            "Prime Minister Muhammad Shehbaz Sharif receives Kazakh Deputy Prime Minister Murat Nurtleu at the PM House. - Photo: PID",
            "*U.S. President Joe Biden and Vietnamese Communist Party General Secretary Nguyen Phu Trong at the party headquarters in Hanoi. Photo: AFP*",
            "Chinese Defense Minister Dong Jun meets Phan Van Giang in Beijing, Aug. 20, 2024. (Xinhua/Li Gang)",
            "Delegates pose for a group photo in Hanoi (Photo: VNA)",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
        for line in [
            "The photographer said the pictures were taken in Hanoi.",
            "Photographs of the meeting were released on Friday.",
            "The two sides posed for a photo: it was the first since 2019.",
            "He said the images by the ministry showed the ships in Da Nang.",
            "Reuters reported that the talks went well (Reuters)",
        ] {
            assert!(!is_furniture_line(line), "{line}");
        }
    }

    #[test]
    fn related_and_boilerplate() {
        for line in [
            "READ ALSO: China, Vietnam hold border talks",
            "Related:",
            "Related Articles",
            "See also: Vietnam's leader visits Beijing",
            "Share this article",
            "Share:",
            "Subscribe to our newsletter",
            "Follow us on Twitter",
            "Advertisement",
            "Tags: China, Vietnam",
            "© 2024 Global Times",
            "Source: Xinhua",
            "(Editor: Li Xiang)",
            "Facebook Twitter WhatsApp Email",
            "Share",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
        for line in ["Share prices of Vietnamese firms rose after the visit.", "Related talks will be held next month in Hanoi, officials said.", "Subscribers to the agreement include China and Vietnam, which signed it in 2002 in Phnom Penh."] {
            assert!(!is_furniture_line(line), "{line}");
        }
    }

    #[test]
    fn trailing_footnotes() {
        let t = "To Lam met Dong Jun in Hanoi on Thursday.[1]\nThe meeting was friendly.[2]\n[1] “Vietnam’s party general secretary meets”, Global Times, https://www.globaltimes.cn/page/202412/1325481.shtml, (Accessed date: 12.20.2024).\n[2] Ibid.\n";
        assert_eq!(
            furniture_lines(t),
            ["[1] “Vietnam’s party general secretary meets”, Global Times, https://www.globaltimes.cn/page/202412/1325481.shtml, (Accessed date: 12.20.2024).", "[2] Ibid."]
        );
    }

    #[test]
    fn notes_heading_runs_to_the_end() {
        let t = "To Lam met Dong Jun in Hanoi.\nThey discussed border cooperation.\nThe two sides signed an agreement.\nNotes:\n1. Global Times, December 20, 2024.\n2. Xinhua, August 20, 2024.\n";
        assert_eq!(
            furniture_lines(t),
            [
                "Notes:",
                "1. Global Times, December 20, 2024.",
                "2. Xinhua, August 20, 2024."
            ]
        );
    }

    #[test]
    fn plain_prose_has_no_furniture() {
        let t = "To Lam met Dong Jun in Hanoi.\nThey shared views on the South China Sea.\n";
        assert!(scan(t).is_empty());
        assert!(scan("[1] only a footnote").is_empty());
    }
}
