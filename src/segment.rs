//! Sentence segmentation: rules tuned for news prose.
//!
//! Line breaks end a sentence (headlines, datelines and bylines stand on their own lines),
//! except inside a hard-wrapped paragraph: a long line that stops mid-sentence and a next line
//! that goes on (see [`continues_on_next_line`]) are one line. Inside a line a sentence ends
//! at `.`, `!` or `?` (plus closing quotes, brackets and footnote marks such as `[1]`) followed
//! by space and an upper-case letter, digit or opening quote, unless the word before the
//! period is a known abbreviation or an initial.

use crate::doc::Document;
use crate::text::ByteSpan;

/// A sentence splitter; the trait lets a model-based splitter replace the rules.
pub trait Segmenter: Send + Sync {
    fn split(&self, text: &str) -> Vec<ByteSpan>;

    fn annotate(&self, doc: &mut Document) {
        doc.sentences = self.split(&doc.text);
    }
}

/// The rule-based splitter described in the module docs.
#[derive(Debug, Default, Clone)]
pub struct RuleSegmenter;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "sen", "rep", "gov", "pres", "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "corp",
    "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "e.g", "i.e", "u.s",
    "u.k", "u.n", "a.m", "p.m", "h.e", "approx", "dept", "est", "fig", "vol",
    // Titles of address before names: "Rt. Hon. Mark Field", "Amb. Linda Thomas", "Brig.
    // Gen.", "Rev.", "Messrs.", "Smt." and "Sh." (Indian press).
    "rt", "hon", "amb", "brig", "rev", "messrs", "smt", "sh",
];

impl Segmenter for RuleSegmenter {
    fn split(&self, text: &str) -> Vec<ByteSpan> {
        let mut sentences = Vec::new();
        // A page capture's date stamp stuck before the first line ("date 2021-04-27 Iranian
        // Foreign Minister ..."): a piece of its own, so that the first sentence (or dateline)
        // starts where the page's text does.
        let body = CAPTURE_STAMP
            .find(text)
            .map(|m| m.end())
            .filter(|&end| text[end..].starts_with(|c: char| !c.is_whitespace()))
            .unwrap_or(0);
        if body > 0 {
            push_trimmed(text, 0, body, &mut sentences);
        }
        // Runs of lines that are one hard-wrapped paragraph, each split as one line.
        let mut run_start = body;
        let mut line_start = body;
        let mut lines = text[body..].split_inclusive('\n').peekable();
        while let Some(line) = lines.next() {
            let line_end = line_start + line.len();
            // A run stops growing at a paragraph's length: text with no sentence end for
            // thousands of characters is no wrapped prose, and the stages after read it line by
            // line as before.
            let in_run = run_start < line_start;
            let wrapped = line_end - run_start < MAX_WRAPPED_RUN
                && lines
                    .peek()
                    .is_some_and(|next| continues_on_next_line(line, next, in_run));
            if !wrapped {
                split_line(text, run_start, line_end, &mut sentences);
                run_start = line_end;
            }
            line_start = line_end;
        }
        sentences
    }
}

/// The date stamp a page capture puts before the page's first line, followed on that line by
/// the page's text.
static CAPTURE_STAMP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^[ \t]*(?i:date)[: \t][ \t]*[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?[ \t]+").unwrap()
});

/// The longest run of hard-wrapped lines read as one (bytes).
const MAX_WRAPPED_RUN: usize = 2_000;

/// Whether `line` is hard-wrapped into `next` (wire copy and e-mailed releases wrap at 70-80
/// columns): it is a long line of prose that stops mid-sentence (no closing punctuation) and
/// the next line goes on in lower case. A headline or byline is short or followed by a
/// capitalised line, so it still stands alone. Inside a paragraph already wrapped
/// (`in_run`), a line that stops mid-sentence goes on whatever the case of the next line: the
/// wrap falls anywhere, between "Irakli" and "Garibashvili" as well.
fn continues_on_next_line(line: &str, next: &str, in_run: bool) -> bool {
    let line = line.trim_end();
    let next = next.trim_start_matches([' ', '\t']);
    // A line that stops on a word no sentence ends with ("said on", "the", "and") goes on
    // whatever the case of the next line ("... said on / Tuesday.").
    const NEVER_LAST: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "of", "on", "in", "at", "to", "for", "with", "by",
        "from", "as", "said", "says", "has", "have", "had", "was", "were", "is", "are", "will",
        "would", "its", "their", "his", "her",
    ];
    let last_word = line.rsplit(' ').next().unwrap_or("");
    // Or a line that stops on a lower-case word, over a next line of about its width: the
    // column a wire story wraps at ("... Lee Myung-bak arrived / Wednesday in Australia where
    // he and ... are set"); a headline stands over a byline or a longer paragraph.
    let width = line.chars().count();
    let same_column = || {
        let next_width = next.trim_end().chars().count();
        width >= 60 && next_width >= 50 && width.abs_diff(next_width) <= 20
    };
    let next_goes_on = next.chars().next().is_some_and(|c| c.is_lowercase())
        || ((in_run
            || NEVER_LAST.contains(&last_word)
            || (line.ends_with(char::is_lowercase) && same_column()))
            && next.chars().next().is_some_and(char::is_alphanumeric));
    width >= 40
        && line.contains(' ')
        && !line.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']', '|'])
        && next_goes_on
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<ByteSpan>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(ByteSpan::new(start + lead, end - trail));
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<ByteSpan>) {
    let line = &text[start..end];
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut sentence_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Extend over closing punctuation and footnote marks: `."`, `.)`, `.[3]`.
            let mut j = i + 1;
            loop {
                if j < chars.len() && is_closing(chars[j].1) {
                    j += 1;
                } else if j < chars.len() && chars[j].1 == '[' {
                    let mut k = j + 1;
                    while k < chars.len() && chars[k].1.is_ascii_digit() {
                        k += 1;
                    }
                    if k > j + 1 && k < chars.len() && chars[k].1 == ']' {
                        j = k + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            // A page that lost the space after a period: "confirmed to The New Times.The
            // meeting is ...". Only before a word that opens sentences ("ASP.NET", "Yahoo.Com"
            // and "e.g.The" stay whole).
            if c == '.' && j == i + 1 && glued_sentence_start(line, &chars, i) {
                let boundary = chars[j].0;
                push_trimmed(text, start + sentence_start, start + boundary, out);
                sentence_start = boundary;
                i = j;
                continue;
            }
            if followed_by_space
                && c == '.'
                && (is_abbreviation(line, &chars, i) || ends_dateline_place(line, chars[i].0))
            {
                i = j;
                continue;
            }
            if followed_by_space {
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                let starts_sentence = k < chars.len() && {
                    let n = chars[k].1;
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[')
                };
                if starts_sentence {
                    let boundary = chars[j].0;
                    push_trimmed(text, start + sentence_start, start + boundary, out);
                    sentence_start = boundary;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start + sentence_start, end, out);
}

/// Whether the period at `chars[dot]`, with no space after it, ends a sentence glued to the
/// next: a word ending in three lower-case letters or more before it, and after it a capitalised
/// word that opens sentences, then a space.
fn glued_sentence_start(line: &str, chars: &[(usize, char)], dot: usize) -> bool {
    const OPENERS: [&str; 16] = [
        "The", "He", "She", "It", "They", "This", "These", "In", "On", "At", "But", "A", "An",
        "We", "His", "Her",
    ];
    let lower_before = chars[..dot]
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_lowercase())
        .count();
    if lower_before < 3 {
        return false;
    }
    let after = &line[chars[dot].0 + 1..];
    OPENERS.iter().any(|w| {
        after
            .strip_prefix(w)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// Whether the period at byte `dot` closes the place of an agency dateline in capitals that
/// opens the line: "BISHKEK. March 13 (Interfax) - ..." (Interfax writes its datelines so).
fn ends_dateline_place(line: &str, dot: usize) -> bool {
    static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\p{Lu}[\p{Lu} '’-]{2,30}\.\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+[0-9]{1,2}\b").unwrap()
    });
    DATELINE.find(line).is_some_and(|_| {
        line[..dot]
            .chars()
            .all(|c| c.is_uppercase() || " '’-".contains(c))
    })
}

/// Whether the period at `chars[dot]` ends an abbreviation or an initial rather than a sentence.
fn is_abbreviation(line: &str, chars: &[(usize, char)], dot: usize) -> bool {
    let mut k = dot;
    while k > 0 && (chars[k - 1].1.is_alphanumeric() || chars[k - 1].1 == '.') {
        k -= 1;
    }
    let word = &line[chars[k].0..chars[dot].0];
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut letters = word.chars();
    // A single capital letter is an initial ("J. Smith"); "U.S"-style words are acronyms.
    let single = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    single
        || (word.contains('.')
            && word.chars().all(|c| c == '.' || c.is_alphabetic())
            && word.len() <= 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        RuleSegmenter
            .split(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn splits_on_periods_but_not_titles_or_initials() {
        let text =
            "Mr. To Lam met Gen. Phan Van Giang in Hanoi. They held talks. J. Smith said so.";
        assert_eq!(
            sentences(text),
            vec![
                "Mr. To Lam met Gen. Phan Van Giang in Hanoi.",
                "They held talks.",
                "J. Smith said so."
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_but_headlines_stand_alone() {
        let text = "Utility signs gas deal\nBy Jane Roe\nLONDON, March 2 - British utility Northgas has\nsigned a six-year gas supply deal with Fjordgas\nfor 500,000 therms a day, Northgas said on\nTuesday. The deal starts in October.\nShare this article\n";
        let got: Vec<&str> = RuleSegmenter
            .split(text)
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            got,
            [
                "Utility signs gas deal",
                "By Jane Roe",
                "LONDON, March 2 - British utility Northgas has\nsigned a six-year gas supply deal with Fjordgas\nfor 500,000 therms a day, Northgas said on\nTuesday.",
                "The deal starts in October.",
                "Share this article",
            ]
        );
    }

    #[test]
    fn inside_a_wrapped_paragraph_a_name_may_be_cut_by_the_wrap() {
        let text = "The head of state noted the role of his regular meetings with\nthe Georgian Prime Minister, including his meeting with Irakli\nGaribashvili during the summit held in Baku.\nAliyev then left.\nSummit news roundup for the week\nLeaders gather in Baku";
        assert_eq!(
            sentences(text),
            vec![
                "The head of state noted the role of his regular meetings with\nthe Georgian Prime Minister, including his meeting with Irakli\nGaribashvili during the summit held in Baku.",
                "Aliyev then left.",
                "Summit news roundup for the week",
                "Leaders gather in Baku",
            ]
        );
    }

    #[test]
    fn a_wire_story_wrapped_before_a_capitalised_word() {
        let text = "Leaders to hold talks on trade and climate in the capital this week\nBy Staff Writer\nSUNPORT, March 4 (Lantern) -- Ruritanian President Amal Rahim arrived\nWednesday in Freedonia where she and Prime Minister Said Nasser are set\nto hold official talks.\nThe summit will be held on Thursday.\n";
        let got = sentences(text);
        assert_eq!(
            got[0],
            "Leaders to hold talks on trade and climate in the capital this week"
        );
        assert_eq!(got[1], "By Staff Writer");
        assert!(
            got[2].starts_with("SUNPORT") && got[2].ends_with("official talks."),
            "{got:?}"
        );
        // A headline that ends on a lower-case word stands over a paragraph much longer than it.
        let text = "Ruritania and Freedonia put five trade pacts on hold\nThe leaders of Ruritania and Freedonia agreed on Monday to put five trade pacts on hold until the next summit, officials said.\n";
        assert_eq!(
            sentences(text)[0],
            "Ruritania and Freedonia put five trade pacts on hold"
        );
    }

    #[test]
    fn a_run_of_wrapped_lines_stays_paragraph_sized() {
        let line = "the ministers met in the capital on monday and said that";
        let text = vec![line; 500].join("\n");
        let sentences = RuleSegmenter.split(&text);
        assert!(sentences.len() > 1);
        assert!(
            sentences
                .iter()
                .all(|s| s.end - s.start <= MAX_WRAPPED_RUN + line.len()),
            "{sentences:?}"
        );
        // Every line is in exactly one sentence.
        let covered: usize = sentences
            .iter()
            .map(|s| s.slice(&text).lines().count())
            .sum();
        assert_eq!(covered, 500);
    }

    #[test]
    fn titles_of_address_do_not_split() {
        let text =
            "He met the delegates led by Rt. Hon. Mark Field, MP. Amb. Linda Thomas was there.";
        let got: Vec<&str> = RuleSegmenter
            .split(text)
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            got,
            vec![
                "He met the delegates led by Rt. Hon. Mark Field, MP.",
                "Amb. Linda Thomas was there."
            ]
        );
    }

    #[test]
    fn an_agency_dateline_place_in_capitals_does_not_split() {
        assert_eq!(
            sentences("BISHKEK. March 13 (Interfax) - The two presidents signed a treaty. It was the first."),
            vec!["BISHKEK. March 13 (Interfax) - The two presidents signed a treaty.", "It was the first."]
        );
        // A shouted word that ends a sentence still ends it.
        assert_eq!(
            sentences("They said STOP. March 13 was the day."),
            vec!["They said STOP.", "March 13 was the day."]
        );
    }

    #[test]
    fn acronyms_and_month_abbreviations_do_not_split() {
        let text = "HANOI, Dec. 19 (Reuters) - The U.S. Navy arrived. It left.";
        assert_eq!(
            sentences(text),
            vec![
                "HANOI, Dec. 19 (Reuters) - The U.S. Navy arrived.",
                "It left."
            ]
        );
    }

    #[test]
    fn lines_are_sentences_and_footnotes_stay_attached() {
        let text =
            "CHINA / DIPLOMACY\nPublished: Dec 20, 2024\n\nIt ended.[1] Then “we left.” Next one";
        assert_eq!(
            sentences(text),
            vec![
                "CHINA / DIPLOMACY",
                "Published: Dec 20, 2024",
                "It ended.[1]",
                "Then “we left.”",
                "Next one"
            ]
        );
    }

    #[test]
    fn a_period_that_lost_its_space_still_ends_a_sentence() {
        assert_eq!(
            sentences(
                "Sources confirmed it to The New Times.The meeting is a culmination of efforts."
            ),
            [
                "Sources confirmed it to The New Times.",
                "The meeting is a culmination of efforts."
            ]
        );
        assert_eq!(
            sentences("He uses ASP.NET and Yahoo.Com daily."),
            ["He uses ASP.NET and Yahoo.Com daily."]
        );
        assert_eq!(
            sentences("See e.g.The Hague rules."),
            ["See e.g.The Hague rules."]
        );
        assert_eq!(
            sentences("It went.Then more."),
            ["It went.Then more."],
            "only a word that opens sentences"
        );
    }

    #[test]
    fn a_capture_date_stamp_before_the_first_line_is_a_piece_of_its_own() {
        assert_eq!(
            sentences(
                " date 2021-04-27 KABUL, April 27 (AFP) - Ministers met. They talked.\nMore."
            ),
            [
                "date 2021-04-27",
                "KABUL, April 27 (AFP) - Ministers met.",
                "They talked.",
                "More."
            ]
        );
        // On its own line, or with nothing after it, it is a line as before.
        assert_eq!(
            sentences(" date 2021-04-27\nMinisters met."),
            ["date 2021-04-27", "Ministers met."]
        );
        assert_eq!(
            sentences("The date 2021-04-27 was set."),
            ["The date 2021-04-27 was set."]
        );
    }

    #[test]
    fn no_text_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\t\n ").is_empty());
    }

    #[test]
    fn spans_are_char_boundaries_on_any_text() {
        let text = "😀. É. 越南。 a.b. ?! \u{0}\u{7}. Ünïcödé. ";
        for span in RuleSegmenter.split(text) {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(!span.slice(text).trim().is_empty());
        }
    }
}
