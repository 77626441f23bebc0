//! The lexer of date phrases: words (lower-cased), numbers, all-numeric dates and a little
//! punctuation, with times of day dropped; and the cursor the grammar reads them with.

use chrono::{NaiveDate, Weekday};

/// "one" .. "twelve" as a number.
pub(super) fn number_word(w: &str) -> Option<u32> {
    SMALL_NUMBERS
        .iter()
        .position(|n| *n == w)
        .map(|i| i as u32)
        .filter(|&n| n <= 12)
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// Lower-cased letters; periods of abbreviations and a possessive "'s" are dropped.
    Word(String),
    /// Digits, with an ordinal suffix ("20th") noted.
    Num {
        value: u32,
        digits: usize,
        ordinal: bool,
    },
    /// An all-numeric date: "2024-08-20", "12.20.2024", "20/08/2024".
    Numeric(NaiveDate),
    /// "1990s", "1990's".
    Decade(i32),
    Dash,
    Comma,
    /// A clock time, dropped before parsing: "11:19 PM" adds nothing to a date.
    Time,
}

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Words that belong to a clock time ("11:19 PM GMT", "9 a.m. local time").
pub(super) const TIME_WORDS: &[&str] = &[
    "am", "pm", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest",
    "ict", "jst", "kst", "hkt", "sgt", "ist", "pkt", "et", "pt", "local", "time", "hours", "hrs",
];

pub(super) fn lex(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let start = i;
        if c.is_ascii_digit() {
            i = lex_number(text, i, &mut toks);
            continue;
        }
        if c.is_alphabetic() {
            i = lex_word(text, i, &mut toks);
            continue;
        }
        i += c.len_utf8();
        let kind = match c {
            '-' | '–' | '—' | '‐' | '‑' | '‒' | '−' | '~' => Kind::Dash,
            ',' => Kind::Comma,
            // A UTC offset after a time: "+07:00".
            '+' if bytes.get(i).is_some_and(u8::is_ascii_digit) => {
                i = digit_run(bytes, i);
                if bytes.get(i) == Some(&b':') {
                    i = digit_run(bytes, i + 1);
                }
                Kind::Time
            }
            // Periods, brackets, quotes, slashes: the shapes that matter are lexed above.
            _ => continue,
        };
        toks.push(Tok {
            kind,
            start,
            end: i,
        });
    }
    drop_times(toks)
}

pub(super) fn digit_run(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

pub(super) fn lex_number(text: &str, i: usize, toks: &mut Vec<Tok>) -> usize {
    let bytes = text.as_bytes();
    let j = digit_run(bytes, i);
    let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    // A clock time: hh:mm[:ss].
    if bytes.get(j) == Some(&b':') && digit_at(j + 1) {
        let mut k = digit_run(bytes, j + 1);
        if bytes.get(k) == Some(&b':') && digit_at(k + 1) {
            k = digit_run(bytes, k + 1);
        }
        toks.push(Tok {
            kind: Kind::Time,
            start: i,
            end: k,
        });
        return k;
    }
    // An all-numeric date: three runs joined by one separator.
    if let Some(&sep) = bytes.get(j) {
        if matches!(sep, b'-' | b'/' | b'.') && digit_at(j + 1) {
            let k = digit_run(bytes, j + 1);
            if bytes.get(k) == Some(&sep) && digit_at(k + 1) {
                let l = digit_run(bytes, k + 1);
                if let Some(date) = numeric_date(&text[i..j], &text[j + 1..k], &text[k + 1..l]) {
                    let mut end = l;
                    // An ISO date-time ("2019-02-22T07:51:00Z") carries its time along.
                    if matches!(bytes.get(l), Some(b'T' | b't')) && digit_at(l + 1) {
                        end = text[l..]
                            .find(char::is_whitespace)
                            .map_or(text.len(), |p| l + p);
                    }
                    toks.push(Tok {
                        kind: Kind::Numeric(date),
                        start: i,
                        end,
                    });
                    return end;
                }
            }
        }
    }
    let digits = j - i;
    let value = if digits > 9 {
        u32::MAX
    } else {
        text[i..j].parse().unwrap_or(u32::MAX)
    };
    let num = |ordinal| Kind::Num {
        value,
        digits,
        ordinal,
    };
    let letters_end = j + text[j..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len() - j);
    let suffix = text[j..letters_end].to_ascii_lowercase();
    let (kind, end) = match suffix.as_str() {
        "st" | "nd" | "rd" | "th" => (num(true), letters_end),
        "s" if digits == 4 && value % 10 == 0 => (Kind::Decade(value as i32), letters_end),
        "am" | "pm" => (Kind::Time, letters_end),
        "" => {
            // "1990's" is a decade; "2024's" a possessive, which adds nothing.
            let apostrophe = ['\'', '’'].into_iter().find(|&a| text[j..].starts_with(a));
            let s = j + apostrophe.map_or(0, char::len_utf8);
            let rest = &text[s..];
            let possessive = apostrophe.is_some()
                && rest.starts_with(['s', 'S'])
                && !rest[1..].starts_with(|c: char| c.is_alphabetic());
            match possessive {
                true if digits == 4 && value % 10 == 0 => (Kind::Decade(value as i32), s + 1),
                true => (num(false), s + 1),
                false => (num(false), j),
            }
        }
        // Other letters ("10km") are lexed as a word of their own.
        _ => (num(false), j),
    };
    toks.push(Tok {
        kind,
        start: i,
        end,
    });
    end
}

/// Reads three digit runs as a date: year first when the first has four digits, else day and
/// month in whichever order is valid, day first when both are.
pub(super) fn numeric_date(a: &str, b: &str, c: &str) -> Option<NaiveDate> {
    let n = |s: &str| {
        if s.len() <= 4 {
            s.parse::<u32>().ok()
        } else {
            None
        }
    };
    let (x, y, z) = (n(a)?, n(b)?, n(c)?);
    if a.len() == 4 && (1..=2).contains(&b.len()) && (1..=2).contains(&c.len()) {
        return NaiveDate::from_ymd_opt(x as i32, y, z);
    }
    if !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) {
        return None;
    }
    let year = match c.len() {
        4 => z as i32,
        2 if z < 70 => 2000 + z as i32,
        2 => 1900 + z as i32,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, y, x).or_else(|| NaiveDate::from_ymd_opt(year, x, y))
}

pub(super) fn lex_word(text: &str, i: usize, toks: &mut Vec<Tok>) -> usize {
    let mut word = String::new();
    let mut j = i;
    let mut segment = 0;
    loop {
        let rest = &text[j..];
        match rest.chars().next() {
            Some(c) if c.is_alphabetic() => {
                word.extend(c.to_lowercase());
                j += c.len_utf8();
                segment += 1;
            }
            // Dotted abbreviations of single letters read as one word: "a.m.", "U.S.".
            Some('.') if segment == 1 && rest[1..].starts_with(|c: char| c.is_alphabetic()) => {
                j += 1;
                segment = 0;
            }
            _ => break,
        }
    }
    let mut end = j;
    // A possessive "'s" adds nothing ("Thursday's meeting"); other clitics ("they'll")
    // become words of their own when lexing resumes after the apostrophe.
    for apostrophe in ['\'', '’'] {
        if let Some(rest) = text[j..].strip_prefix(apostrophe) {
            if rest.starts_with(['s', 'S']) && !rest[1..].starts_with(|c: char| c.is_alphabetic()) {
                end = j + apostrophe.len_utf8() + 1;
            }
        }
    }
    toks.push(Tok {
        kind: Kind::Word(word),
        start: i,
        end: j,
    });
    end
}

/// Drops clock times and the words that go with them ("11 a.m. local time").
pub(super) fn drop_times(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut after_time = false;
    let mut k = 0;
    while k < toks.len() {
        let next_is_meridiem = matches!(toks.get(k + 1).map(|t| &t.kind),
            Some(Kind::Word(w)) if w == "am" || w == "pm");
        match &toks[k].kind {
            Kind::Num {
                value,
                digits,
                ordinal: false,
            } if *value <= 24 && *digits <= 2 && next_is_meridiem => {
                after_time = true;
                k += 2;
                continue;
            }
            Kind::Time => after_time = true,
            Kind::Word(w) if after_time && TIME_WORDS.contains(&w.as_str()) => {}
            _ => {
                after_time = false;
                out.push(toks[k].clone());
            }
        }
        k += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

pub(super) fn month_of(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

pub(super) fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" | "weds" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// First month of a season (see the module docs).
pub(super) fn season_of(w: &str) -> Option<u32> {
    Some(match w {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    })
}

pub(super) const SMALL_NUMBERS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
pub(super) const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
pub(super) const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// Words dropped from the front of a mention: they frame a date without changing it.
pub(super) const FILLERS: &[&str] = &[
    "on",
    "in",
    "from",
    "since",
    "between",
    "during",
    "by",
    "at",
    "until",
    "till",
    "through",
    "throughout",
    "around",
    "about",
    "approximately",
    "circa",
    "sometime",
    "before",
    "after",
    "as",
    "of",
    "over",
    "for",
    "within",
    "the",
    "starting",
    "beginning",
    "effective",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Early,
    Mid,
    Late,
    Beginning,
    End,
}

pub(super) fn part_of(w: &str) -> Option<Part> {
    Some(match w {
        "early" => Part::Early,
        "mid" | "middle" => Part::Mid,
        "late" => Part::Late,
        "beginning" | "start" => Part::Beginning,
        "end" | "close" => Part::End,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// The cursor the grammar reads tokens with
// ---------------------------------------------------------------------------------------------

/// A cursor over tokens; parsers advance it and [`full`] checks that they used everything.
#[derive(Clone, Copy)]
pub(super) struct Cur<'a> {
    pub(super) t: &'a [Tok],
    pub(super) i: usize,
}

impl<'a> Cur<'a> {
    pub(super) fn done(&self) -> bool {
        self.i >= self.t.len()
    }
    pub(super) fn peek(&self) -> Option<&'a Kind> {
        self.t.get(self.i).map(|t| &t.kind)
    }
    pub(super) fn word(&self) -> Option<&'a str> {
        match self.peek() {
            Some(Kind::Word(w)) => Some(w),
            _ => None,
        }
    }
    pub(super) fn bump(&mut self) {
        self.i += 1;
    }
    pub(super) fn eat(&mut self, w: &str) -> bool {
        let hit = self.word() == Some(w);
        if hit {
            self.bump();
        }
        hit
    }
    pub(super) fn eat_kind(&mut self, kind: &Kind) -> bool {
        let hit = self.peek() == Some(kind);
        if hit {
            self.bump();
        }
        hit
    }
    pub(super) fn rest(&self) -> &'a [Tok] {
        &self.t[self.i.min(self.t.len())..]
    }
    pub(super) fn finish(&mut self) {
        self.i = self.t.len();
    }
}
