//! The normalised key of a paragraph, and its xxh3 hash: what "the same paragraph" means.
//!
//! The key is case folded, Unicode-normalised (compatibility forms folded, so ligatures and
//! full-width forms match), quote and dash styles unified, punctuation dropped, soft hyphens read
//! through (`be\u{AD}ste\u{AD}hen` is `bestehen`), and whitespace collapsed: `“Hello,”  she said
//! —` and `"hello" she said -` share a key.

use std::cell::RefCell;

use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64;

use crate::chars::{is_unspaced_southeast_asian, SOUTHEAST_ASIAN_CHARS_PER_WORD};

thread_local! {
    static KEY_BUF: RefCell<String> = const { RefCell::new(String::new()) };
    static ASCII_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Appends the normalised key of `text` to `out`: lowercase alphanumeric words separated by
/// single spaces. ASCII text takes a byte-level path; other text is NFKC-normalised only when it
/// is not already in NFKC form.
pub fn push_key(text: &str, out: &mut String) {
    let mut v = Vec::with_capacity(text.len());
    if push_key_fast(text, &mut v) {
        out.push_str(std::str::from_utf8(&v).unwrap_or_default());
    } else {
        push_key_nfkc(text, out);
    }
}

/// Byte-level pass: ASCII bytes handled directly, other characters decoded one at a time;
/// appends whole UTF-8 characters to `out`. Returns false (leaving partial output) when a
/// character needs NFKC.
fn push_key_fast(text: &str, out: &mut Vec<u8>) -> bool {
    let start = out.len();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // a run of ASCII bytes (most of a line with a curly quote or an accent), keyed as
            // [`push_ascii_key`] keys it: written in place into room for the run and a space
            // before it, without a capacity check per byte
            let end = ascii_run_end(bytes, i);
            let n = out.len();
            out.resize(n + (end - i) + 1, 0);
            let (n, _) = key_ascii_run(&bytes[i..end], out, start, n, &mut pending_space);
            out.truncate(n);
            i = end;
            continue;
        }
        // the typographic quotes and dashes of most scraped text (U+2013..U+201D, U+2026),
        // told by their bytes: the curly apostrophes join words, the others separate them
        if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) {
            match bytes.get(i + 2) {
                Some(0x98 | 0x99) => {
                    i += 3;
                    continue;
                }
                Some(0x93 | 0x94 | 0x9C | 0x9D | 0xA6) => {
                    i += 3;
                    pending_space = true;
                    continue;
                }
                _ => {}
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if !nfkc_is_nfc(c) {
            return false;
        }
        if crate::chars::is_alphanumeric(c) {
            if pending_space && out.len() > start {
                out.push(b' ');
            }
            pending_space = false;
            let mut utf8 = [0u8; 4];
            for l in c.to_lowercase() {
                out.extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
            }
        } else if !is_apostrophe(c) && c != '\u{AD}' {
            pending_space = true;
        }
    }
    true
}

/// The end of the run of ASCII bytes of `bytes` that starts at `i`: eight bytes at a time,
/// then byte by byte.
#[inline]
fn ascii_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    i
}

/// The general path: NFKC first, then the same folding.
fn push_key_nfkc(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    for c in text.nfkc() {
        if crate::chars::is_alphanumeric(c) {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if !is_apostrophe(c) && c != '\u{AD}' {
            // whitespace and punctuation both separate words; apostrophes join them
            pending_space = true;
        }
    }
}

/// Whether NFKC leaves `c` as NFC does (for already NFC text), by cheap range checks over the
/// scripts scraped text is mostly in: ASCII, Latin-1 letters, Latin Extended-A (minus its few
/// compatibility letters), Greek, Cyrillic, general punctuation, CJK ideographs, and (checked
/// against NFKC one by one) the Latin-1 signs without compatibility forms, kana without the
/// voicing marks, Hangul syllables and the replacement character. Anything else goes through
/// the full NFKC check.
fn nfkc_is_nfc(c: char) -> bool {
    matches!(c as u32,
        0..=0x9F
        | 0xA1..=0xA7
        | 0xA9
        | 0xAB..=0xAE
        | 0xB0..=0xB1
        | 0xB6..=0xB7
        | 0xBB
        | 0xBF
        | 0x3041..=0x3096
        | 0x30A1..=0x30FA
        | 0xAC00..=0xD7A3
        | 0xFFFD
        | 0xC0..=0x131
        | 0x134..=0x13E
        | 0x141..=0x148
        | 0x14A..=0x17E
        | 0x386..=0x3CE
        | 0x400..=0x4FF
        | 0x2010..=0x205E
        | 0x4E00..=0x9FFF)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

/// The normalised key of `text` as a new string.
pub fn key(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    push_key(text, &mut s);
    s
}

/// xxh3 of the normalised key; 0 is reserved for "no content" (a blank or punctuation-only line
/// hashes to a fixed non-zero value so it still compares equal to itself).
pub fn line_key_hash(text: &str) -> u64 {
    line_key(text).0
}

/// [`line_key_hash`] and the number of words of the key, from one pass.
pub fn line_key(text: &str) -> (u64, u32) {
    ASCII_BUF.with(|b| {
        let mut b = b.borrow_mut();
        if text.is_ascii() {
            let spaces = push_ascii_key(text.as_bytes(), &mut b);
            return finish_key(text, &b, spaces, (0, 0));
        }
        b.clear();
        if push_key_fast(text, &mut b) {
            let spaces = memchr::memchr_iter(b' ', &b).count();
            return finish_key(text, &b, spaces, unspaced_chars(&b));
        }
        KEY_BUF.with(|k| {
            let mut k = k.borrow_mut();
            k.clear();
            push_key_nfkc(text, &mut k);
            let spaces = memchr::memchr_iter(b' ', k.as_bytes()).count();
            finish_key(text, k.as_bytes(), spaces, unspaced_chars(k.as_bytes()))
        })
    })
}

/// The normalised key of `text` as bytes into `out` (cleared first): ASCII text on bytes,
/// other text through [`push_key`]. The same bytes as [`key`].
pub fn key_bytes(text: &str, out: &mut Vec<u8>) {
    if text.is_ascii() {
        push_ascii_key(text.as_bytes(), out);
        return;
    }
    out.clear();
    if push_key_fast(text, out) {
        return;
    }
    out.clear();
    KEY_BUF.with(|k| {
        let mut k = k.borrow_mut();
        k.clear();
        push_key_nfkc(text, &mut k);
        out.extend_from_slice(k.as_bytes());
    });
}

/// `hash` of each word of `text`'s normalised key, in order, into `words` (cleared first): what
/// [`key_bytes`] and then [`for_each_word`] give. An ASCII line's words are hashed as its key is
/// built, in the one pass over its bytes (there are no CJK characters to cut out of its words);
/// other text takes the two steps, with `key` as the key's buffer.
pub fn key_word_hashes(
    text: &str,
    key: &mut Vec<u8>,
    words: &mut Vec<u64>,
    hash: impl Fn(&[u8]) -> u64,
) {
    words.clear();
    if !text.is_ascii() {
        key_bytes(text, key);
        for_each_word(key, |w| words.push(hash(w)));
        return;
    }
    // [`push_ascii_key`], hashing each word where the space after it would be written
    key.clear();
    key.resize(text.len(), 0);
    let (mut n, mut word_start) = (0, 0);
    let mut pending_space = false;
    for &b in text.as_bytes() {
        let k = ASCII_KEY[usize::from(b)];
        if k > BREAK {
            if pending_space && n > 0 {
                words.push(hash(key.get(word_start..n).unwrap_or_default()));
                word_start = n;
            }
            pending_space = false;
            if let Some(o) = key.get_mut(n) {
                *o = k;
            }
            n += 1;
        } else {
            pending_space |= k == BREAK;
        }
    }
    // the last word (an empty key is one empty word, as `for_each_word` splits it)
    words.push(hash(key.get(word_start..n).unwrap_or_default()));
}

/// The hash and word count of a built key holding `spaces` spaces and `(cjk, southeast)`
/// Chinese or Japanese and Thai, Lao, Myanmar or Khmer characters. Those scripts write no
/// spaces between words: a word is about two characters of the first, about
/// [`SOUTHEAST_ASIAN_CHARS_PER_WORD`] of the others, so that a sentence of theirs is as long to
/// dedup as it is to a reader.
fn finish_key(
    text: &str,
    key: &[u8],
    spaces: usize,
    (cjk, southeast): (usize, usize),
) -> (u64, u32) {
    let (h, words) = if key.is_empty() {
        // punctuation-only lines compare by their raw text
        (xxh3_64(text.as_bytes()), 0)
    } else {
        let unspaced = cjk / 2 + southeast / SOUTHEAST_ASIAN_CHARS_PER_WORD;
        (xxh3_64(key), (spaces + 1 + unspaced) as u32)
    };
    (h.max(1), words)
}

/// Characters of a key in U+3000..=U+9FFF (kana, CJK ideographs and their punctuation): the
/// lead bytes 0xE3..=0xE9 of their three-byte UTF-8 form, which no other character starts with.
#[cfg(test)]
fn cjk_chars(key: &[u8]) -> usize {
    unspaced_chars(key).0
}

/// The characters of a key that are words, or parts of words, of their own (see
/// [`for_each_word`]): those in U+3000..=U+9FFF (kana, CJK ideographs and their punctuation),
/// told by the lead bytes 0xE3..=0xE9 of their three-byte UTF-8 form, which no other character
/// starts with; and those of the Southeast Asian scripts written without spaces
/// ([`is_unspaced_southeast_asian`]), decoded only in a key that holds one of their lead bytes.
fn unspaced_chars(key: &[u8]) -> (usize, usize) {
    let cjk = key.iter().filter(|&&b| is_cjk_lead(b)).count();
    // every byte tested, with no early exit, so that the compiler vectorises the test: a
    // search stopping at the first lead byte goes a byte at a time, and most keys hold none
    if !key
        .iter()
        .fold(false, |any, &b| any | is_southeast_asian_lead(b))
    {
        return (cjk, 0);
    }
    let southeast = (0..key.len())
        .filter(|&i| southeast_asian_char_at(key, i))
        .count();
    (cjk, southeast)
}

/// The lead bytes of the three-byte UTF-8 forms of [`is_unspaced_southeast_asian`]'s
/// characters: U+0E00..=U+0FFF (0xE0), U+1000..=U+1FFF (0xE1), U+A000..=U+AFFF (0xEA).
#[inline]
fn is_southeast_asian_lead(b: u8) -> bool {
    matches!(b, 0xE0 | 0xE1 | 0xEA)
}

/// Whether a character of [`is_unspaced_southeast_asian`] starts at byte `i` of `key`.
#[inline]
fn southeast_asian_char_at(key: &[u8], i: usize) -> bool {
    is_southeast_asian_lead(key[i])
        && key
            .get(i..i + 3)
            .and_then(|c| std::str::from_utf8(c).ok())
            .and_then(|c| c.chars().next())
            .is_some_and(is_unspaced_southeast_asian)
}

/// Calls `f` with each word of a built key, in order: the words the spaces separate, except
/// that a Chinese or Japanese character (U+3000..=U+9FFF) and a Thai, Lao, Myanmar or Khmer one
/// (see [`unspaced_chars`]) is a word of its own. Those scripts write no spaces between words, so
/// a whole sentence would otherwise be one word, and near matching (shingles, the word diff
/// ratio) could never tell two versions of it apart from two different sentences.
pub fn for_each_word(key: &[u8], mut f: impl FnMut(&[u8])) {
    if key.is_ascii() {
        // no CJK lead byte is ASCII: the words are the spaces' pieces, and most keys (every key
        // of an ASCII line) skip the per-token search for one
        key.split(|&b| b == b' ').for_each(f);
        return;
    }
    for token in key.split(|&b| b == b' ') {
        if !token
            .iter()
            .any(|&b| is_cjk_lead(b) || is_southeast_asian_lead(b))
        {
            f(token);
            continue;
        }
        let (mut start, mut i) = (0, 0);
        while i < token.len() {
            if is_cjk_lead(token[i]) || southeast_asian_char_at(token, i) {
                if start < i {
                    f(&token[start..i]);
                }
                let end = (i + 3).min(token.len());
                f(&token[i..end]);
                (start, i) = (end, end);
            } else {
                i += 1;
            }
        }
        if start < token.len() {
            f(&token[start..]);
        }
    }
}

/// The lead byte of a character in U+3000..=U+9FFF (no continuation byte is in this range).
#[inline]
fn is_cjk_lead(b: u8) -> bool {
    (0xE3..=0xE9).contains(&b)
}

/// Whether `c` is one of the characters dedup takes for a word of its own: U+3000..=U+9FFF,
/// the characters whose UTF-8 starts with an [`is_cjk_lead`] byte.
pub fn is_cjk_word_char(c: char) -> bool {
    ('\u{3000}'..='\u{9FFF}').contains(&c)
}

/// What [`push_ascii_key`] does with a byte: [`SKIP`] for the apostrophes that join words,
/// [`BREAK`] for anything that separates them, else the lowercase letter or digit it keeps.
static ASCII_KEY: [u8; 256] = {
    let mut t = [BREAK; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        } else if c == b'\'' || c == b'`' {
            t[b] = SKIP;
        }
        b += 1;
    }
    t
};
const SKIP: u8 = 0;
const BREAK: u8 = 1;

/// [`push_key`] of ASCII text, on bytes (the same key: the ASCII branch of the fast path),
/// written over `out`; returns the number of spaces in the key. The key is never longer than
/// the text (every space stands for at least one dropped byte), so it is written in place into a
/// buffer of the text's length, without a capacity check per byte.
fn push_ascii_key(text: &[u8], out: &mut Vec<u8>) -> usize {
    out.clear();
    out.resize(text.len(), 0);
    let (n, spaces) = key_ascii_run(text, out, 0, 0, &mut false);
    out.truncate(n);
    spaces
}

/// Keys the ASCII bytes `text` as [`ASCII_KEY`] says, written over `out` from `n` on (the
/// caller makes room: a run's key is never longer than the run and one space before it); a
/// space goes before a word when a break is pending and the key already holds a word past
/// `start`. Returns the key's new end and the number of spaces written. The one ASCII loop of
/// both [`push_key_fast`] and [`push_ascii_key`].
#[inline(always)]
fn key_ascii_run(
    text: &[u8],
    out: &mut [u8],
    start: usize,
    mut n: usize,
    pending_space: &mut bool,
) -> (usize, usize) {
    let mut spaces = 0;
    for &b in text {
        let k = ASCII_KEY[usize::from(b)];
        if k > BREAK {
            if *pending_space && n > start {
                if let Some(o) = out.get_mut(n) {
                    *o = b' ';
                }
                n += 1;
                spaces += 1;
            }
            *pending_space = false;
            if let Some(o) = out.get_mut(n) {
                *o = k;
            }
            n += 1;
        } else {
            *pending_space |= k == BREAK;
        }
    }
    (n, spaces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_join_the_word_they_break() {
        let hyphenated = "Es be\u{AD}ste\u{AD}hen mar\u{AD}kante Un\u{AD}ter\u{AD}schiede.";
        let plain = "Es bestehen markante Unterschiede.";
        assert_eq!(key(hyphenated), "es bestehen markante unterschiede");
        assert_eq!(line_key(hyphenated), line_key(plain));
        // the general (NFKC) path too: a full-width letter sends the line there
        assert_eq!(key("ｘ be\u{AD}ste\u{AD}hen"), "x bestehen");
        let hashes = |t: &str| {
            let (mut k, mut w) = (Vec::new(), Vec::new());
            key_word_hashes(t, &mut k, &mut w, xxh3_64);
            w
        };
        assert_eq!(hashes(hyphenated), hashes(plain));
    }

    #[test]
    fn cjk_characters_are_words_of_their_own() {
        let words = |k: &str| {
            let mut v = Vec::new();
            for_each_word(k.as_bytes(), |w| {
                v.push(String::from_utf8(w.to_vec()).unwrap())
            });
            v
        };
        assert_eq!(words("hello big world"), ["hello", "big", "world"]);
        assert_eq!(words(""), [""]);
        assert_eq!(
            words("東京タワー 2024年 abc"),
            ["東", "京", "タ", "ワ", "ー", "2024", "年", "abc"]
        );
        assert_eq!(words("a東b"), ["a", "東", "b"]);
        // other scripts without CJK: split on spaces only
        assert_eq!(words("москва город 한국어"), ["москва", "город", "한국어"]);
        // the key of a CJK sentence: one word per character
        let zh = key("当地居民对新预算的反应不一，一些人欢迎。");
        assert_eq!(words(&zh).len(), zh.chars().filter(|c| *c != ' ').count());
    }

    #[test]
    fn styles_fold_together() {
        assert_eq!(key("“Hello,”  she   said —"), "hello she said");
        assert_eq!(key("\"hello\" she said -"), "hello she said");
        assert_eq!(key("Algeria’s army"), key("Algeria's ARMY"));
        assert_eq!(key("ﬁne"), "fine");
        assert_eq!(key("Ünïcode  ÉTÉ!"), "ünïcode été");
        assert_eq!(key("it's"), key("its"));
        assert_eq!(key("Ⅻ ™ ²"), "xii tm 2");
        assert_eq!(key("Москва — “город”"), "москва город");
    }

    #[test]
    fn southeast_asian_characters_are_words_of_their_own() {
        let words = |k: &str| {
            let mut v = Vec::new();
            for_each_word(k.as_bytes(), |w| {
                v.push(String::from_utf8(w.to_vec()).unwrap())
            });
            v
        };
        // Thai, Lao, Khmer and Myanmar letters one by one, other letters by the spaces
        assert_eq!(words("กขค abc"), ["ก", "ข", "ค", "abc"]);
        assert_eq!(words("xກຂy"), ["x", "ກ", "ຂ", "y"]);
        assert_eq!(words("កខ មន"), ["ក", "ខ", "ម", "ន"]);
        assert_eq!(words("ကခ"), ["က", "ခ"]);
        // Devanagari shares the lead byte 0xE0 and stays one word
        assert_eq!(words("नमस्ते दुनिया"), ["नमस्ते", "दुनिया"]);
        let th = key("สวนสาธารณะกลางเมืองเปิดทุกวัน");
        assert_eq!(words(&th).len(), th.chars().filter(|c| *c != ' ').count());
        // the key's words: about one word per three characters
        assert_eq!(unspaced_chars("กขค 東".as_bytes()), (1, 3));
        assert_eq!(line_key("กขคงจฉ").1, 1 + 6 / 3);
        // other scripts: the words of the key, as the spaces separate them
        let hi = "नमस्ते दुनिया";
        assert_eq!(line_key(hi).1 as usize, key(hi).split(' ').count());
    }

    /// Chinese and Japanese sentences count about a word per two characters, so that exact
    /// dedup (four key words at least) compares them; a short CJK label stays under it.
    #[test]
    fn cjk_lines_count_words_by_characters() {
        let zh = "当地居民对新预算的反应不一，一些人欢迎公共交通的改善。";
        assert!(line_key(zh).1 >= 10, "{:?}", line_key(zh));
        assert!(line_key("第一篇").1 < 4);
        assert_eq!(line_key("東京 2024 年").1, 3 + 1);
        // other scripts as before: words are what the spaces separate
        assert_eq!(line_key("Москва — город").1, 2);
        assert_eq!(line_key("한국어 문장 입니다").1, 3);
        assert_eq!(cjk_chars("a東b".as_bytes()), 1);
    }

    #[test]
    fn key_word_hashes_are_the_words_of_the_key() {
        let h = |w: &[u8]| xxh3_64(w);
        for t in [
            "Hello, World!",
            "it's `quoted` -- x",
            "  a  b ",
            "''",
            "",
            "A1 b2-C3 ",
            "“Hello,”  she   said —",
            "東京タワー 2024年 abc",
            "ﬁne Ⅻ",
        ] {
            let (mut key, mut got) = (vec![b'x'], vec![7]);
            key_word_hashes(t, &mut key, &mut got, h);
            let mut want = Vec::new();
            let mut k = Vec::new();
            key_bytes(t, &mut k);
            for_each_word(&k, |w| want.push(h(w)));
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn ascii_path_is_the_general_key() {
        for t in [
            "Hello, World!",
            "it's `quoted` -- x",
            "  a  b ",
            "''",
            "A1 b2-C3",
        ] {
            let mut v = vec![b'x'];
            let spaces = push_ascii_key(t.as_bytes(), &mut v);
            assert_eq!(spaces, key(t).matches(' ').count(), "{t:?}");
            assert_eq!(String::from_utf8(v).unwrap(), key(t), "{t:?}");
        }
    }

    #[test]
    fn ascii_runs_key_as_the_character_path() {
        // runs shorter and longer than the eight bytes read at a time, between non-ASCII
        // letters, quotes and dashes, with the breaks before and after them
        for t in [
            "Ünïcode  ÉTÉ! and then a long plain ASCII run, with punctuation -- here",
            "“Hello,” she said — twelve chars“x”y",
            "café,cafe  Café...  ÇA VA? it's l’homme d'Orsay",
            "москва -- the capital (Москва) of 2024: done",
            "a—b–c“d”e‘f’g ab—cd abcdefgh—ijklmnop— qrstuvwx —yz",
            " — leading and trailing breaks — ",
            "東京 is 333 m tall 2024年 abc",
        ] {
            let mut fast = b"prefix ".to_vec();
            assert!(push_key_fast(t, &mut fast), "{t:?}");
            let mut general = String::from("prefix ");
            push_key_nfkc(t, &mut general);
            assert_eq!(std::str::from_utf8(&fast).unwrap(), general, "{t:?}");
        }
        for (i, want) in [(0, 8), (3, 8), (8, 8), (9, 9)] {
            assert_eq!(ascii_run_end("abcdefgh\u{e9}".as_bytes(), i), want);
        }
        assert_eq!(ascii_run_end(b"abcdefghijklmnopq", 1), 17);
    }

    #[test]
    fn quotes_and_dashes_by_bytes_are_their_characters() {
        // the byte shortcuts of push_key_fast give what the character path gives
        for c in ['‘', '’', '–', '—', '“', '”', '…'] {
            assert!(nfkc_is_nfc(c) && !c.is_alphanumeric());
            let joins = is_apostrophe(c);
            assert_eq!(joins, matches!(c, '‘' | '’'), "{c:?}");
            let t = format!("a{c}b «x{c}» {c}");
            let mut v = Vec::new();
            assert!(push_key_fast(&t, &mut v));
            let nfkc = {
                let mut s = String::new();
                push_key_nfkc(&t, &mut s);
                s
            };
            let expected = if joins { "ab x" } else { "a b x" };
            assert_eq!(std::str::from_utf8(&v).unwrap(), expected, "{t:?}");
            if c != '…' {
                // NFKC spells the ellipsis as three full stops: the same separator
                assert_eq!(nfkc, expected, "{t:?}");
            }
        }
    }

    #[test]
    fn key_bytes_is_the_key() {
        let mut v = Vec::new();
        for t in [
            "Hello, World!",
            "“Hello,”  she   said —",
            "ﬁne Ⅻ",
            "",
            "--",
            "Москва",
        ] {
            key_bytes(t, &mut v);
            assert_eq!(v, key(t).as_bytes(), "{t:?}");
        }
    }

    #[test]
    fn hash_is_stable() {
        // xxh3 is a fixed algorithm: this value must never change between versions.
        assert_eq!(line_key_hash("Hello world"), xxh3_64(b"hello world"));
        assert_ne!(line_key_hash("--"), 0);
    }
}
