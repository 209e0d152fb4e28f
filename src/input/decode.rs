//! Bytes to UTF-8 text: byte-order marks (UTF-8 dropped, UTF-16 and UTF-32 LE/BE decoded by
//! hand), invalid UTF-8 repaired and counted (a line in Windows-1252 decoded as such, other
//! invalid sequences replaced by U+FFFD), and the binary-file sniff (NUL bytes near the start).
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

/// UTF-8 decoding that repairs what is not UTF-8, with a count of the invalid sequences
/// repaired. Line by line: a line that reads as Windows-1252 (see [`reads_as_windows_1252`]: a
/// Latin-1 or Windows file's `biblioth\xE8que`, `\x93quoted\x94`) is decoded as such, so its
/// accented letters and quotes survive; in any other line each invalid sequence becomes U+FFFD.
pub fn decode_utf8(bytes: &[u8]) -> (Cow<'_, str>, usize) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), 0),
        Err(_) => {
            let mut n = 0;
            let mut out = String::with_capacity(bytes.len() + 16);
            for line in bytes.split_inclusive(|&b| b == b'\n') {
                match std::str::from_utf8(line) {
                    Ok(s) => out.push_str(s),
                    Err(_) => n += repair_line(line, &mut out),
                }
            }
            (Cow::Owned(out), n)
        }
    }
}

/// Appends `line` (not UTF-8) to `out`, decoded as Windows-1252 when it reads so, else with each
/// invalid sequence replaced by U+FFFD; returns the number of invalid sequences (not counting
/// U+FFFD characters already in the input).
fn repair_line(line: &[u8], out: &mut String) -> usize {
    let invalid = line
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count();
    if reads_as_windows_1252(line) {
        out.extend(line.iter().map(|&b| windows_1252(b).unwrap_or('\u{FFFD}')));
    } else {
        for chunk in line.utf8_chunks() {
            out.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                out.push('\u{FFFD}');
            }
        }
    }
    invalid
}

/// The character Windows-1252 gives byte `b` (ASCII and Latin-1 as they are, and the
/// typographic characters of 0x80-0x9F: `€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž
/// Ÿ`); `None` for the five bytes it leaves undefined.
fn windows_1252(b: u8) -> Option<char> {
    const C1: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0',
        '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => Some(C1[usize::from(b - 0x80)]).filter(|&c| c != '\0'),
        _ => Some(char::from(b)),
    }
}

/// Whether a line that is not UTF-8 is text in Windows-1252 (or Latin-1, its subset): it holds
/// no multi-byte UTF-8 character (a line mixing both is UTF-8 with stray bytes), every byte
/// above 0x7F is defined there, and every run of two or more such bytes touches a letter or
/// digit (`\xE0` alone is the French `à`, `\xC3\xA9` would be UTF-8; `\xFF\xFE` between
/// spaces is debris, not a word).
fn reads_as_windows_1252(line: &[u8]) -> bool {
    if line
        .utf8_chunks()
        .any(|c| c.valid().bytes().any(|b| !b.is_ascii()))
    {
        return false;
    }
    let mut i = 0;
    while i < line.len() {
        if line[i].is_ascii() {
            i += 1;
            continue;
        }
        let start = i;
        while i < line.len() && !line[i].is_ascii() {
            if windows_1252(line[i]).is_none() {
                return false;
            }
            i += 1;
        }
        let touches = |j: Option<&u8>| j.is_some_and(|b| b.is_ascii_alphanumeric());
        let before = start.checked_sub(1).and_then(|j| line.get(j));
        if i - start >= 2 && !touches(before) && !touches(line.get(i)) {
            return false;
        }
    }
    true
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
    fn windows_1252_lines_decoded_as_such() {
        let (t, n) =
            decode(b"La biblioth\xe8que ouvre \xe0 9 h\n\x93Quoted\x94 \x96 caf\xe9\n\xfcber\n");
        assert_eq!(t, "La bibliothèque ouvre à 9 h\n“Quoted” – café\nüber\n");
        assert_eq!(n, 7);
        // each line on its own: a UTF-8 line beside a Windows-1252 one
        let (t, _) = decode(b"na\xc3\xafve\nna\xefve\n");
        assert_eq!(t, "naïve\nnaïve\n");
    }

    #[test]
    fn debris_and_mixed_lines_replaced() {
        // a run of high bytes between spaces, a byte Windows-1252 leaves undefined, a line
        // that also holds UTF-8
        let (t, n) = decode(b"day \xff\xfe to\nx\x81y\ncaf\xc3\xa9 \xe9\n");
        assert_eq!(t, "day \u{FFFD}\u{FFFD} to\nx\u{FFFD}y\ncafé \u{FFFD}\n");
        assert_eq!(n, 4);
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
