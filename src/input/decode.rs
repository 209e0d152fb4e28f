//! Bytes to UTF-8 text: byte-order marks (UTF-8 dropped, UTF-16 and UTF-32 LE/BE decoded by
//! hand), invalid UTF-8 repaired and counted (a line in Windows-1252 decoded as such, other
//! invalid sequences replaced by U+FFFD), and the sniff of a file's first bytes ([`sniff`]: text,
//! UTF-16 without a byte-order mark, or binary).
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

/// What the first bytes of a file say it holds (see [`sniff`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniff {
    /// Text: UTF-8, or the encoding its byte-order mark names; stray NUL bytes allowed.
    Text,
    /// UTF-16 without a byte-order mark: [`Bom::Utf16Le`] or [`Bom::Utf16Be`].
    Utf16WithoutBom(Bom),
    /// Not text.
    Binary,
}

/// Bytes that text does not hold (file(1)'s list): NUL, the C0 controls but BEL, backspace,
/// tab, line feed, vertical tab, form feed, carriage return, escape and the information
/// separators 0x1C-0x1E (which reading takes for line breaks), and DEL.
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x06 | 0x0E..=0x1A | 0x1F | 0x7F)
}

/// Whether `n` bytes that text does not hold, among `len`, make data binary: more than one,
/// and more than one in a hundred. Random or compressed data has about one in ten, executables
/// and images far more, text none; a text file with a stray NUL byte or two stays text.
fn too_many(n: usize, len: usize) -> bool {
    n > 1 && n * 100 > len
}

/// What the first [`SNIFF_BYTES`] of `head` say the file holds. Without a NUL byte there (the
/// common case, one vectorised search), or with a UTF-16 or UTF-32 byte-order mark, it is
/// text. With NULs, it is binary when bytes text does not hold are [`too_many`], unless it
/// reads as UTF-16 without a byte-order mark ([`utf16_without_bom`]); a text file with a few
/// stray NULs is text (reading drops them).
pub fn sniff(head: &[u8]) -> Sniff {
    if bom(head).is_wide() {
        return Sniff::Text;
    }
    let head = &head[..head.len().min(SNIFF_BYTES)];
    if memchr::memchr(0, head).is_none() {
        return Sniff::Text;
    }
    let odd = head.iter().filter(|&&b| is_binary_byte(b)).count();
    if !too_many(odd, head.len()) {
        return Sniff::Text;
    }
    match utf16_without_bom(head) {
        Some(enc) => Sniff::Utf16WithoutBom(enc),
        None => Sniff::Binary,
    }
}

/// Whether the start of a file looks binary (see [`sniff`]).
pub fn looks_binary(head: &[u8]) -> bool {
    sniff(head) == Sniff::Binary
}

/// The encoding of text whose code units are wider than a byte: the UTF-16 or UTF-32 its
/// byte-order mark names, or UTF-16 without one ([`sniff`]).
pub fn wide_encoding(head: &[u8]) -> Option<Bom> {
    match (bom(head), sniff(head)) {
        (b, _) if b.is_wide() => Some(b),
        (_, Sniff::Utf16WithoutBom(enc)) => Some(enc),
        _ => None,
    }
}

/// Whether `head` (holding NUL bytes) is UTF-16 without a byte-order mark, and which: its NUL
/// bytes stand on one side of the code units (the high byte of ASCII and Latin-1 characters,
/// spaces and line breaks: odd offsets in little-endian, even ones in big-endian), at least one
/// unit in four holds one (mostly Latin text; UTF-8 text with stray NULs has far fewer), at most
/// one in eight of them stands on the other side, and the units read as text: no unpaired
/// surrogate (but one cut at the end of `head`) and control characters not [`too_many`].
/// Arrays of small numbers read as control characters; random data has NULs on both sides.
fn utf16_without_bom(head: &[u8]) -> Option<Bom> {
    let head = &head[..head.len() & !1];
    let units = head.len() / 2;
    let (even, odd) = head.chunks_exact(2).fold((0, 0), |(e, o), u| {
        (e + usize::from(u[0] == 0), o + usize::from(u[1] == 0))
    });
    let (enc, near, far) = if odd >= even {
        (Bom::Utf16Le, odd, even)
    } else {
        (Bom::Utf16Be, even, odd)
    };
    let unit: fn([u8; 2]) -> u16 = if enc == Bom::Utf16Le {
        u16::from_le_bytes
    } else {
        u16::from_be_bytes
    };
    if near * 4 < units || far * 8 > near {
        return None;
    }
    let mut controls = 0;
    let mut chars = 0;
    let decoded = char::decode_utf16(head.chunks_exact(2).map(|u| unit([u[0], u[1]])));
    let mut decoded = decoded.peekable();
    while let Some(c) = decoded.next() {
        match c {
            Ok(c) => {
                chars += 1;
                controls += usize::from(u8::try_from(c).is_ok_and(is_binary_byte));
            }
            // a surrogate pair cut by the end of the head
            Err(e)
                if decoded.peek().is_none()
                    && (0xD800..0xDC00).contains(&e.unpaired_surrogate()) => {}
            Err(_) => return None,
        }
    }
    (!too_many(controls, chars)).then_some(enc)
}

/// Decodes `bytes` to text: a UTF-8 BOM is dropped, a UTF-16 BOM selects UTF-16 (unpaired
/// surrogates and an odd final byte become U+FFFD), anything else is UTF-8 with invalid
/// sequences replaced by U+FFFD. Returns the text and the number of replacements.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, usize) {
    let enc = bom(bytes);
    let mark = match enc {
        Bom::None => 0,
        Bom::Utf8 => 3,
        Bom::Utf16Le | Bom::Utf16Be => 2,
        Bom::Utf32Le | Bom::Utf32Be => 4,
    };
    decode_as(&bytes[mark..], enc)
}

/// Decodes `bytes`, which hold no byte-order mark, as the encoding `enc` names (UTF-8 for
/// [`Bom::None`]): what [`decode`] does after the mark, and how UTF-16 without a mark
/// ([`sniff`]) is read.
pub fn decode_as(bytes: &[u8], enc: Bom) -> (Cow<'_, str>, usize) {
    match enc {
        Bom::Utf16Le => decode_utf16(bytes, u16::from_le_bytes),
        Bom::Utf16Be => decode_utf16(bytes, u16::from_be_bytes),
        Bom::Utf32Le => decode_utf32(bytes, u32::from_le_bytes),
        Bom::Utf32Be => decode_utf32(bytes, u32::from_be_bytes),
        Bom::Utf8 | Bom::None => decode_utf8(bytes),
    }
}

/// [`decode`], or UTF-16 without a byte-order mark where [`sniff`] found it (`sniffed`).
pub fn decode_sniffed(bytes: &[u8], sniffed: Sniff) -> (Cow<'_, str>, usize) {
    match sniffed {
        Sniff::Utf16WithoutBom(enc) => decode_as(bytes, enc),
        _ => decode(bytes),
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

    /// Bytes of a simple generator: data with no structure, as compressed data is.
    fn noise(n: usize) -> Vec<u8> {
        let mut x: u32 = 0x2545_F491;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn stray_nul_bytes_leave_text_text_and_many_make_it_binary() {
        // one stray NUL, or two in a longer text: text
        assert_eq!(sniff(b"Hello\0 world\n"), Sniff::Text);
        let mut text = b"A line of plain text that goes on for a while.\n".repeat(10);
        text[100] = 0;
        text[300] = 0;
        assert_eq!(sniff(&text), Sniff::Text);
        // NULs and control bytes past one in a hundred: binary
        for (i, b) in text.iter_mut().enumerate() {
            if i % 50 == 7 {
                *b = 0x01;
            }
        }
        assert_eq!(sniff(&text), Sniff::Binary);
        // compressed or random data, and an array of small numbers
        assert_eq!(sniff(&noise(SNIFF_BYTES)), Sniff::Binary);
        let numbers: Vec<u8> = (0u16..2000).flat_map(|n| (n % 40).to_le_bytes()).collect();
        assert_eq!(sniff(&numbers), Sniff::Binary);
        // only the sniffed prefix counts
        let mut late = vec![b'a'; SNIFF_BYTES];
        late.extend([0; 64]);
        assert_eq!(sniff(&late), Sniff::Text);
    }

    #[test]
    fn utf16_without_a_bom_is_told_by_its_nul_bytes() {
        let text = "Hello world, a line of text.\nA second line: caf\u{e9}, na\u{ef}ve.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(sniff(&le), Sniff::Utf16WithoutBom(Bom::Utf16Le));
        assert_eq!(sniff(&be), Sniff::Utf16WithoutBom(Bom::Utf16Be));
        assert_eq!(wide_encoding(&le), Some(Bom::Utf16Le));
        assert_eq!(decode_sniffed(&le, sniff(&le)), (Cow::Borrowed(text), 0));
        assert_eq!(decode_sniffed(&be, sniff(&be)).0, text);
        // a surrogate pair cut by the end of the sniffed prefix does not matter
        let emoji: Vec<u8> = "ab \u{1F600}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            sniff(&emoji[..emoji.len() - 2]),
            Sniff::Utf16WithoutBom(Bom::Utf16Le)
        );
        // UTF-32 without a mark has NULs on both sides of its 16-bit halves: binary
        let utf32: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert_eq!(sniff(&utf32), Sniff::Binary);
        // a mark decides before any sniffing
        let marked: Vec<u8> = [0xFF, 0xFE].into_iter().chain(le.iter().copied()).collect();
        assert_eq!(sniff(&marked), Sniff::Text);
        assert_eq!(wide_encoding(&marked), Some(Bom::Utf16Le));
        assert_eq!(wide_encoding(b"plain"), None);
    }
}
