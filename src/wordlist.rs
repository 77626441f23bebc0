//! Word lists kept as data: the stages' vocabularies live in `data/<stage>/*.txt`, one entry a
//! line, so that they can be read, reviewed and extended without reading the rules that use
//! them. The files are compiled into the binary (`include_str!`) and parsed on first use.

/// The entries of a word-list file: every line that is neither empty nor a `#` comment, exactly
/// as written and in file order (a few lists are searched in order, first match wins).
pub fn parse(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// `words!("meetings/travel.txt")`: a `LazyLock<Vec<&'static str>>` initialiser over the word
/// list `data/meetings/travel.txt`.
macro_rules! words {
    ($path:literal) => {
        std::sync::LazyLock::new(|| {
            $crate::wordlist::parse(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/",
                $path
            )))
        })
    };
}
pub(crate) use words;
