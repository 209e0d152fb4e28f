//! Bytes to UTF-8 text: byte-order marks (UTF-8 dropped, UTF-16 and UTF-32 LE/BE decoded by
//! hand), invalid
//! UTF-8 repaired lossily and counted, and the binary-file sniff (NUL bytes near the start).
//!
//! Kept apart from JSON parsing and from I/O so a batch of raw bytes can be decoded on any thread.

use std::borrow::Cow;

/// How many leading bytes the binary sniff looks at.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// The encoding announced by a byte-order mark, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bom {
    None,
    Utf8,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Bom {
    /// A UTF-16 or UTF-32 mark: text whose code units are wider than a byte (NUL bytes in it
    /// are halves of characters, and its lines cannot be cut at a `\n` byte).
    pub fn is_wide(self) -> bool {
        matches!(
            self,
            Bom::Utf16Le | Bom::Utf16Be | Bom::Utf32Le | Bom::Utf32Be
        )
    }
}

/// The byte-order mark at the start of `bytes`.
pub fn bom(bytes: &[u8]) -> Bom {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        Bom::Utf8
    } else if bytes.starts_with(b"\xFF\xFE\x00\x00") {
        Bom::Utf32Le
    } else if bytes.starts_with(b"\x00\x00\xFE\xFF") {
        Bom::Utf32Be
    } else if bytes.starts_with(b"\xFF\xFE") {
        Bom::Utf16Le
    } else if bytes.starts_with(b"\xFE\xFF") {
        Bom::Utf16Be
    } else {
        Bom::None
    }
}

/// Whether the start of a file looks binary: a NUL byte in its first [`SNIFF_BYTES`], unless a
/// UTF-16 or UTF-32 byte-order mark says the NULs are parts of wider code units.
pub fn looks_binary(head: &[u8]) -> bool {
    if bom(head).is_wide() {
        return false;
    }
    let head = &head[..head.len().min(SNIFF_BYTES)];
    memchr::memchr(0, head).is_some()
}

/// Decodes `bytes` to text: a UTF-8 BOM is dropped, a UTF-16 BOM selects UTF-16 (unpaired
/// surrogates and an odd final byte become U+FFFD), anything else is UTF-8 with invalid
/// sequences replaced by U+FFFD. Returns the text and the number of replacements.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, usize) {
    match bom(bytes) {
        Bom::Utf16Le => decode_utf16(&bytes[2..], u16::from_le_bytes),
        Bom::Utf16Be => decode_utf16(&bytes[2..], u16::from_be_bytes),
        Bom::Utf32Le => decode_utf32(&bytes[4..], u32::from_le_bytes),
        Bom::Utf32Be => decode_utf32(&bytes[4..], u32::from_be_bytes),
        Bom::Utf8 => decode_utf8(&bytes[3..]),
        Bom::None => decode_utf8(bytes),
    }
}

/// Lossy UTF-8 decoding with a count of the invalid sequences replaced.
pub fn decode_utf8(bytes: &[u8]) -> (Cow<'_, str>, usize) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), 0),
        Err(_) => {
            // count the replacements made, not U+FFFD characters already in the input
            let mut n = 0;
            let mut out = String::with_capacity(bytes.len() + 16);
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    out.push('\u{FFFD}');
                    n += 1;
                }
            }
            (Cow::Owned(out), n)
        }
    }
}

/// UTF-32 code units to text: a unit that is no character (a surrogate, above U+10FFFF) and
/// an incomplete final unit become U+FFFD, counted.
fn decode_utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> (Cow<'static, str>, usize) {
    let mut n = 0;
    let mut out = String::with_capacity(bytes.len() / 4 + 4);
    for c in bytes.chunks_exact(4) {
        match char::from_u32(unit([c[0], c[1], c[2], c[3]])) {
            Some(c) => out.push(c),
            None => {
                out.push('\u{FFFD}');
                n += 1;
            }
        }
    }
    if !bytes.len().is_multiple_of(4) {
        out.push('\u{FFFD}');
        n += 1;
    }
    (Cow::Owned(out), n)
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (Cow<'static, str>, usize) {
    let mut n = 0;
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2 + 4);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => out.push(c),
            Err(_) => {
                out.push('\u{FFFD}');
                n += 1;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        out.push('\u{FFFD}');
        n += 1;
    }
    (Cow::Owned(out), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").0, "hi");
    }

    #[test]
    fn utf16_le_and_be() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("h\u{e9}".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le), (Cow::Borrowed("h\u{e9}"), 0));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("h\u{e9}".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).0, "h\u{e9}");
        assert!(!looks_binary(&le));
    }

    #[test]
    fn utf32_le_and_be_before_utf16() {
        let text = "h\u{e9} \u{1F600}";
        let le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain(text.chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        assert_eq!(bom(&le), Bom::Utf32Le);
        assert_eq!(decode(&le), (Cow::Borrowed(text), 0));
        let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
            .into_iter()
            .chain(text.chars().flat_map(|c| (c as u32).to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).0, text);
        assert!(!looks_binary(&le) && !looks_binary(&be));
        // a surrogate and a cut final unit are repaired and counted
        let (t, n) = decode(&[0xFF, 0xFE, 0, 0, 0x00, 0xD8, 0, 0, b'a', 0, 0, 0, 7]);
        assert_eq!((t.as_ref(), n), ("\u{FFFD}a\u{FFFD}", 2));
    }

    #[test]
    fn utf16_lone_surrogate_and_odd_byte_repaired() {
        let (t, n) = decode(&[0xFF, 0xFE, 0x00, 0xD8, b'a', 0, 7]);
        assert_eq!(t, "\u{FFFD}a\u{FFFD}");
        assert_eq!(n, 2);
    }

    #[test]
    fn invalid_utf8_counted_not_existing_replacement_chars() {
        let (t, n) = decode("\u{FFFD} ok \u{FFFD}".as_bytes());
        assert_eq!(n, 0);
        assert!(t.contains("ok"));
        let (_, n) = decode(b"a\xff\xfeb\xc3");
        assert_eq!(n, 3);
    }

    #[test]
    fn binary_sniff() {
        assert!(looks_binary(b"\x7fELF\x02\x01\x01\0\0\0"));
        assert!(!looks_binary(b"plain text"));
        let mut late = vec![b'a'; SNIFF_BYTES];
        late.push(0);
        assert!(!looks_binary(&late));
    }
}
