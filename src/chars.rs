//! Character classes the per-character loops ask for, answered by range checks for the
//! letters of the common scripts (Latin, Greek, Cyrillic, kana, CJK ideographs, Hangul) and
//! for general punctuation (quotes, dashes), and by the Unicode tables of `char` otherwise.
//! The answers are `char::is_alphabetic` and `char::is_alphanumeric` exactly. Also the scripts
//! written without spaces between words ([`is_han_or_kana`], [`is_unspaced_southeast_asian`]),
//! whose words the classifier and the splitter count by characters.

/// Whether `c` is in one of the ranges of letters that are all alphabetic: Latin-1 letters,
/// Latin Extended-A and -B, Greek capitals and small letters, Cyrillic, hiragana, katakana,
/// the CJK unified ideographs and the Hangul syllables.
#[inline]
fn in_letter_ranges(c: u32) -> bool {
    matches!(c,
        0xC0..=0xD6
        | 0xD8..=0xF6
        | 0xF8..=0x24F
        | 0x391..=0x3A1
        | 0x3A3..=0x3CE
        | 0x400..=0x481
        | 0x48A..=0x52F
        | 0x3041..=0x3096
        | 0x30A1..=0x30FA
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7A3)
}

/// General punctuation (spaces, dashes, quotes, the ellipsis, format characters): neither
/// alphabetic nor numeric.
#[inline]
fn in_punctuation(c: u32) -> bool {
    (0x2000..=0x206F).contains(&c)
}

/// The class of `c` by ranges first: `ascii` for ASCII, true in [`in_letter_ranges`], false
/// in [`in_punctuation`], and `tables` (the Unicode tables) otherwise. Always inlined, so each
/// caller's two functions are known at compile time.
#[inline(always)]
fn by_ranges(c: char, ascii: fn(&char) -> bool, tables: fn(char) -> bool) -> bool {
    let u = c as u32;
    if u < 0x80 {
        ascii(&c)
    } else if in_letter_ranges(u) {
        true
    } else if in_punctuation(u) {
        false
    } else {
        tables(c)
    }
}

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    by_ranges(c, char::is_ascii_alphabetic, char::is_alphabetic)
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    by_ranges(c, char::is_ascii_alphanumeric, char::is_alphanumeric)
}

/// Whether `c` is a Han ideograph or a kana (full or halfwidth): Chinese and Japanese, written
/// without spaces between words, so a character stands for about a word (or half of one).
pub fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF66..=0xFF9F // halfwidth katakana
        | 0x20000..=0x2FA1F) // supplementary ideographs
}

/// Characters of a Southeast Asian script written without spaces ([`is_unspaced_southeast_asian`])
/// that make about one word: the splitter and dedup count their words so.
pub const SOUTHEAST_ASIAN_CHARS_PER_WORD: usize = 3;

/// Whether `c` is a character of a Southeast Asian script written without spaces between
/// words: Thai, Lao, Myanmar, Khmer (their blocks, extensions included). A space there ends a
/// phrase or a sentence, so one token holds many words.
pub fn is_unspaced_southeast_asian(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x19E0..=0x19FF // Khmer symbols
        | 0xA9E0..=0xA9FF // Myanmar extended-B
        | 0xAA60..=0xAA7F) // Myanmar extended-A
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_the_unicode_ones_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:X}", c as u32);
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:X}", c as u32);
        }
    }

    #[test]
    fn unspaced_scripts() {
        assert!("漢字かなカナｶﾅ𠀋".chars().all(is_han_or_kana));
        assert!("ภาษาไทยພາສາລາວမြန်မာខ្មែរ"
            .chars()
            .all(is_unspaced_southeast_asian));
        assert!(!"a é Ж 한 ا ह"
            .chars()
            .any(|c| is_han_or_kana(c) || is_unspaced_southeast_asian(c)));
    }
}
