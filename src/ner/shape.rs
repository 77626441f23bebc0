//! Case/shape classes: how capitalisation reaches the uncased encoder.
//!
//! The numbering is part of the model format (`labels.json` "shapes") and must match
//! `training/features.py::word_shape`.

pub const SPECIAL: u32 = 0;

/// Shape class of a whole pre-tokenizer word; every word piece of the word gets it.
pub fn word_shape(word: &str) -> u32 {
    let mut letters = 0usize;
    let mut uppers = 0usize;
    let mut first_upper = false;
    let mut has_digit = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            if c.is_uppercase() {
                if letters == 0 {
                    first_upper = true;
                }
                uppers += 1;
            }
            letters += 1;
        } else if c.is_numeric() {
            has_digit = true;
        }
    }
    match () {
        _ if letters == 0 && has_digit => 6,
        _ if letters == 0 => 7,
        _ if has_digit => 8,
        _ if uppers == letters && letters > 1 => 3,
        _ if uppers == letters => 4,
        _ if uppers == 0 => 1,
        _ if first_upper && uppers == 1 => 2,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::word_shape;

    #[test]
    fn shapes_match_the_training_featuriser() {
        // Expected values are those of training/features.py for the same words.
        let cases = [
            ("met", 1),
            ("Dong", 2),
            ("DPRK", 3),
            ("U", 4),
            ("iPhone", 5),
            ("2024", 6),
            (".", 7),
            ("Covid19", 8),
            ("’", 7),
            ("Việt", 2),
            ("越", 1),
            ("McDonald", 5),
        ];
        for (word, shape) in cases {
            assert_eq!(word_shape(word), shape, "{word}");
        }
    }
}
