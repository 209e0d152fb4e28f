//! The normalised key of a paragraph, and its xxh3 hash: what "the same paragraph" means.
//!
//! The key is case folded, Unicode-normalised (compatibility forms folded, so ligatures and
//! full-width forms match), quote and dash styles unified, punctuation dropped, and whitespace
//! collapsed: `“Hello,”  she said —` and `"hello" she said -` share a key.

use std::cell::RefCell;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
use xxhash_rust::xxh3::xxh3_64;

thread_local! {
    static KEY_BUF: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Appends the normalised key of `text` to `out`: lowercase alphanumeric words separated by
/// single spaces. ASCII text takes a byte-level path; other text is NFKC-normalised only when it
/// is not already in NFKC form.
pub fn push_key(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    if text.is_ascii() {
        for &b in text.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if pending_space && out.len() > start {
                    out.push(' ');
                }
                pending_space = false;
                out.push(b.to_ascii_lowercase() as char);
            } else if b != b'\'' && b != b'`' {
                pending_space = true;
            }
        }
        return;
    }
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if !is_apostrophe(c) {
            // whitespace and punctuation both separate words; apostrophes join them
            pending_space = true;
        }
    };
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        for c in text.chars() {
            push(c, out);
        }
    } else {
        for c in text.nfkc() {
            push(c, out);
        }
    }
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
    KEY_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        push_key(text, &mut b);
        let h = if b.is_empty() {
            // punctuation-only lines compare by their raw text
            xxh3_64(text.as_bytes())
        } else {
            xxh3_64(b.as_bytes())
        };
        h.max(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_fold_together() {
        assert_eq!(key("“Hello,”  she   said —"), "hello she said");
        assert_eq!(key("\"hello\" she said -"), "hello she said");
        assert_eq!(key("Algeria’s army"), key("Algeria's ARMY"));
        assert_eq!(key("ﬁne"), "fine");
        assert_eq!(key("Ünïcode  ÉTÉ!"), "ünïcode été");
        assert_eq!(key("it's"), key("its"));
    }

    #[test]
    fn hash_is_stable() {
        // xxh3 is a fixed algorithm: this value must never change between versions.
        assert_eq!(line_key_hash("Hello world"), xxh3_64(b"hello world"));
        assert_ne!(line_key_hash("--"), 0);
    }
}
