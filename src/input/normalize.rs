//! Decoding bytes to text and normalising it: NFC; zero-width spaces and control characters
//! removed (the zero-width joiner and non-joiner stay: they spell words in Persian and Indic
//! scripts and join emoji; a soft hyphen inside a word stays: it is the text's own hyphenation,
//! which keys and word features read through; one that breaks no word goes); whitespace runs,
//! tabs and no-break spaces collapsed to one space; lines trimmed; CRLF and lone CR turned into
//! LF. Nothing else of the text is rewritten: what comes out of deboil is the input's own lines,
//! so normalised, minus removals.
//!
//! One mark survives: a wide gap between two words (a tab, or [`GAP_RUN`] or more whitespace
//! characters), where a scraper laid out table cells or page columns side by side on one line,
//! collapses to a tab instead of a space. [`crate::doc::Document`] turns each such tab into a
//! space for the rules and remembers where it was (a column gap); a kept line is written with
//! its tabs again ([`crate::doc::Document::line_with_gaps`]), so a table's cells stay apart.
//!
//! A narrow gap (two or three whitespace characters, no tab: [`NARROW_GAP_RUNS`]) collapses to
//! a space like any other run, so the text as written is the same; but where it was is told
//! to the caller that asks ([`normalize_marking_narrow_gaps`]): a menu whose links an extractor
//! joined with a few spaces (`Home  Episodes  About`) reads as its entries, not as one headline
//! (see [`crate::doc::Document::narrow_gaps_in`]).

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Decodes `bytes` (see [`super::decode::decode`]: BOMs, UTF-16, lossy UTF-8) and normalises the
/// text. Returns the text and the number of invalid sequences replaced.
pub fn decode_and_normalize(bytes: &[u8]) -> (String, usize) {
    let (text, repaired) = super::decode::decode(bytes);
    (normalize(&text), repaired)
}

/// Normalises text: see the module documentation. Lines that are already clean ASCII (the
/// common case) are copied as they are; NFC is applied per line, only where a line needs it.
pub fn normalize(text: &str) -> String {
    normalize_marking_narrow_gaps(text).0
}

/// [`normalize`], with the byte offsets in the result, ascending, of the spaces that stand for
/// a narrow gap in `text` (see the module documentation).
pub fn normalize_marking_narrow_gaps(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut narrow = Vec::new();
    normalize_into(text, &mut out, &mut narrow);
    (out, narrow)
}

/// Appends [`normalize`] of `text` to `out`, then drops every line break at the end of `out`
/// (so `out` may hold a normal text's first lines, each with its `\n`: see
/// [`normalize_owned`]), and the offsets in `out` of its narrow gaps to `narrow`.
fn normalize_into(text: &str, out: &mut String, narrow: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    // lines end at \n, \r\n or a lone \r
    let mut start = 0;
    loop {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let piece = &text[start..end];
        if is_clean(piece) {
            out.push_str(piece);
        } else if !has_other_line_break(piece) {
            // one line (most unclean lines: a double space, a no-break space), as the split
            // below would yield it, without decoding every character for the split
            push_normal_line(piece, out, narrow);
        } else {
            // the other line breaks (form feed, vertical tab, NEL, the Unicode line and
            // paragraph separators) end a line too
            for (k, sub) in piece.split(is_other_line_break).enumerate() {
                if k > 0 {
                    out.push('\n');
                }
                push_normal_line(sub, out, narrow);
            }
        }
        if end == bytes.len() {
            break;
        }
        out.push('\n');
        let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
        start = end + 1 + usize::from(crlf);
    }
    // a final newline does not make an extra empty line
    while out.ends_with('\n') {
        out.pop();
    }
}

/// Appends `line` (holding no line break) normalised: stripped and collapsed first, then
/// composed, since removing a control character can bring a combining mark next to a new base
/// character. The offsets of its narrow gaps go to `narrow`.
fn push_normal_line(line: &str, out: &mut String, narrow: &mut Vec<usize>) {
    let at = out.len();
    let marked = push_line(line, out);
    let pushed = &out[at..];
    // a clean line (most lines once their spaces are collapsed) is NFC already: its
    // non-ASCII characters are all ones NFC leaves alone (see `is_plain_char`)
    if !pushed.is_ascii() && !is_clean(pushed) && is_nfc_quick(pushed.chars()) != IsNormalized::Yes
    {
        let nfc: String = pushed.nfc().collect();
        out.truncate(at);
        out.push_str(&nfc);
    }
    if marked {
        // composed first (NFC moves no character across a mark, a starter like a space):
        // each mark becomes the space it stands for, its offset remembered
        let from = narrow.len();
        narrow
            .extend(memchr::memchr_iter(NARROW_MARK as u8, &out.as_bytes()[at..]).map(|k| at + k));
        for &k in &narrow[from..] {
            out.replace_range(k..k + 1, " ");
        }
    }
}

/// Whether `line` holds one of the [`is_other_line_break`] characters, told by their UTF-8
/// bytes.
fn has_other_line_break(line: &str) -> bool {
    let b = line.as_bytes();
    // vectorised searches: the controls, then the lead bytes of U+0085 (C2 85) and of
    // U+2028, U+2029 (E2 80 A8, E2 80 A9), each checked where found
    memchr::memchr3(0x0B, 0x0C, 0x1C, b).is_some()
        || memchr::memchr2(0x1D, 0x1E, b).is_some()
        || memchr::memchr2_iter(0xC2, 0xE2, b).any(|i| {
            if b[i] == 0xC2 {
                b.get(i + 1) == Some(&0x85)
            } else {
                b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9))
            }
        })
}

/// [`normalize`] of an owned text: the text itself, not a copy, when it is already normal
/// (the common case for text a scraper wrote as JSON, whose line breaks are `\n` escapes).
pub fn normalize_owned(text: String) -> String {
    normalize_owned_marking_narrow_gaps(text).0
}

/// [`normalize_owned`] with the offsets of the narrow gaps, as [`normalize_marking_narrow_gaps`]
/// gives them.
pub fn normalize_owned_marking_narrow_gaps(mut text: String) -> (String, Vec<usize>) {
    // [`normalize`] copies clean lines as they are and each line on its own: the clean lines
    // before the first line it changes stay where they are (most records: all of them, and
    // a final line break to drop), and only the rest is normalised after them
    let clean = clean_prefix(&text);
    if clean == text.len() {
        let end = text.trim_end_matches('\n').len();
        text.truncate(end);
        return (text, Vec::new());
    }
    let rest = text[clean..].to_string();
    text.truncate(clean);
    let mut narrow = Vec::new();
    normalize_into(&rest, &mut text, &mut narrow);
    (text, narrow)
}

/// The length of `text`'s longest run of opening lines that are [`is_clean`], each with the
/// `\n` after it; `text.len()` when every line is (a clean line holds no `\r`).
fn clean_prefix(text: &str) -> usize {
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        if !is_clean(&text[start..end]) {
            return start;
        }
        start = end + 1;
    }
    if is_clean(&text[start..]) {
        text.len()
    } else {
        start
    }
}

/// [`normalize`] leaves `text` as it is: no carriage return (so lines end at `\n` only), no
/// final line break, and every line clean (see [`is_clean`]).
#[cfg(test)]
fn is_normal(text: &str) -> bool {
    !text.ends_with('\n')
        && memchr::memchr(b'\r', text.as_bytes()).is_none()
        && text.split('\n').all(is_clean)
}

/// Nothing to do: printable characters with single inner ASCII spaces and no leading or
/// trailing space, where every non-ASCII character is one that needs no stripping, collapsing
/// or composition (see [`is_plain_char`]).
fn is_clean(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // every byte printable ASCII or part of a non-ASCII character, and no two spaces in a row
    // (loops the compiler vectorises)
    let (printable, high) = bytes.iter().fold((true, false), |(ok, high), &b| {
        (ok & (b >= 0x20) & (b != 0x7F), high | (b >= 0x80))
    });
    let double = bytes
        .iter()
        .zip(bytes.get(1..).unwrap_or_default())
        .fold(false, |d, (&a, &b)| d | ((a == b' ') & (b == b' ')));
    if !printable || double {
        return false;
    }
    if !high {
        return true;
    }
    // each non-ASCII character must be one that needs nothing
    let mut i = 0;
    while let Some(n) = bytes[i..].iter().position(|&b| b >= 0x80) {
        let at = i + n;
        // general punctuation (U+2010..U+2027, U+2030..U+203F: quotes, dashes, ellipsis) by
        // its bytes
        if bytes[at] == 0xE2
            && bytes.get(at + 1) == Some(&0x80)
            && matches!(bytes.get(at + 2), Some(0x90..=0xA7 | 0xB0..=0xBF))
        {
            i = at + 3;
            continue;
        }
        let c = line[at..].chars().next().unwrap_or('\0');
        if !is_plain_char(c) {
            return false;
        }
        i = at + c.len_utf8();
    }
    true
}

/// A non-ASCII character that `push_line` keeps as it is (not a control, zero-width or
/// whitespace character) and that NFC leaves alone in any context (quick check "yes", not a
/// combining mark, never composed with a following character): Latin-1 and Latin Extended
/// letters and signs below the combining marks (U+00A1..U+02FF, soft hyphen excluded), Cyrillic,
/// general punctuation without its spaces and format characters, letterlike symbols (not the
/// three that NFC replaces), kana (not the voicing marks), CJK ideographs, Hangul syllables, the
/// replacement character. Anything else takes the general path.
fn is_plain_char(c: char) -> bool {
    matches!(c as u32,
        0xA1..=0xAC | 0xAE..=0x2FF | 0x400..=0x482 | 0x48A..=0x4FF | 0x2010..=0x2027
        | 0x2030..=0x205E | 0x2100..=0x2125 | 0x2127..=0x2129 | 0x212C..=0x214F
        | 0x3041..=0x3096 | 0x30A1..=0x30FA | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xFFFD)
}

/// Line breaks besides LF, CRLF and CR (Unicode's mandatory breaks, UAX #14 classes BK and NL):
/// form feed (a page break), vertical tab, the information separators that end records and
/// groups in old dumps (U+001C..U+001E), NEL, and the line and paragraph separators. Each ends a
/// line, so the words on either side do not run together.
pub(crate) fn is_other_line_break(c: char) -> bool {
    matches!(
        c,
        '\u{B}' | '\u{C}' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whitespace characters in a row that make a wide gap (a column gap) rather than a space.
pub const GAP_RUN: u32 = 4;

/// Whitespace runs that make a narrow gap (no tab among them): more than a space, less than a
/// column gap. See the module documentation.
pub const NARROW_GAP_RUNS: std::ops::Range<u32> = 2..GAP_RUN;

/// What [`push_line`] writes for a narrow gap, for [`push_normal_line`] to turn into a space
/// and remember: a control character, which normalisation leaves in no text.
const NARROW_MARK: char = '\u{1F}';

/// Invisible characters dropped from the text: zero-width space, word joiner, a BOM inside the
/// text. Not U+200C/U+200D, which change how a word is written, and not the soft hyphen
/// (U+00AD), which marks where the text's own words may break: it is part of the text, and
/// keys ([`crate::dedup::key`]) and the classifier's word features read through it.
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// U+00AD, the soft hyphen: kept where it breaks a word, dropped where it stands alone.
const SOFT_HYPHEN: char = '\u{AD}';

/// Whether a soft hyphen stands inside a word: a character of the word was written just before
/// it (`written` and no whitespace `pending` since) and `rest`, the line after it, goes on with
/// one. A soft hyphen between spaces (`regulated \u{AD} banks`) or at a line's edge breaks no
/// word: it is an invisible stray, and it goes.
fn inside_a_word(pending: u32, written: bool, rest: &str) -> bool {
    // the next character that will be written: soft hyphens, zero-width and control
    // characters in between are skipped as they would be (`x\u{AD}\u{AD} y` keeps neither)
    written
        && pending == 0
        && rest
            .chars()
            .find(|&n| n != SOFT_HYPHEN && !is_zero_width(n) && !(n.is_control() && n != '\t'))
            .is_some_and(|n| !n.is_whitespace())
}

/// Appends `line` without zero-width and control characters, its whitespace runs collapsed to
/// one space (a wide gap, see the module documentation, to one tab) and trimmed. Runs of
/// printable ASCII are copied whole; other characters one by one. A narrow gap is written as
/// [`NARROW_MARK`]; returns whether one was.
fn push_line(line: &str, out: &mut String) -> bool {
    let start = out.len();
    // the whitespace run before the next word: its length, and whether it held a tab
    let mut pending: u32 = 0;
    let mut tab = false;
    let mut marked = false;
    let mut separator = |pending: u32, tab: bool| {
        if tab || pending >= GAP_RUN {
            '\t'
        } else if NARROW_GAP_RUNS.contains(&pending) {
            marked = true;
            NARROW_MARK
        } else {
            ' '
        }
    };
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_graphic() {
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_graphic())
                .map_or(bytes.len(), |n| i + n);
            if pending > 0 && out.len() > start {
                out.push(separator(pending, tab));
            }
            pending = 0;
            tab = false;
            out.push_str(&line[i..run]);
            i = run;
            continue;
        }
        // a run of spaces (scrapers pad lines and table cells with dozens): counted eight
        // bytes at a time, as the byte loop below would count them one by one
        if b == b' ' {
            let mut j = i + 1;
            while let Some(chunk) = bytes.get(j..j + 8) {
                if chunk != b"        " {
                    break;
                }
                j += 8;
            }
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            pending = pending.saturating_add(u32::try_from(j - i).unwrap_or(u32::MAX));
            i = j;
            continue;
        }
        // the other ASCII bytes: tab separates words, the controls go (what the general path
        // below does with them, without decoding a character)
        if b < 0x80 {
            if b == b' ' || b == b'\t' {
                pending += 1;
                tab |= b == b'\t';
            }
            i += 1;
            continue;
        }
        let c = line[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if is_zero_width(c) || (c.is_control() && c != '\t') {
            continue;
        }
        if c == SOFT_HYPHEN && !inside_a_word(pending, out.len() > start, &line[i..]) {
            continue;
        }
        if c.is_whitespace() {
            pending += 1;
            continue;
        }
        if pending > 0 && out.len() > start {
            out.push(separator(pending, tab));
        }
        pending = 0;
        tab = false;
        out.push(c);
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_line_breaks_are_told_by_their_bytes() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let line = format!("a{c}b");
            assert_eq!(
                has_other_line_break(&line),
                line.contains(is_other_line_break),
                "{c:?}"
            );
        }
    }

    /// An owned text comes back as it is only where [`normalize`] would not change it (a
    /// text it leaves alone may still take the copying path: a tab), and otherwise as
    /// [`normalize`] makes it; plain texts take the fast path.
    #[test]
    fn owned_text_is_kept_when_already_normal() {
        for text in [
            "",
            "one line",
            "two\nlines",
            "blank\n\nbetween",
            "curly \u{2019}quote\u{2019} \u{2013} dash",
            "trailing\n",
            "crlf\r\nline",
            "lone\rcr",
            "double  space",
            " leading",
            "tab\there",
            "soft\u{ad}hyphen",
            "page\u{c}break",
            "e\u{301}",
            "line\u{2028}separator",
            "\n",
            "a\n\n",
            "a\n\u{1}",
            "a\n\u{1}\n\n",
            "clean\nthen  double\nclean\n",
            "clean\ncrlf\r\nline\n",
            "clean\r",
            "clean\n\r\n\n",
            "ok\ne\u{301}\n",
            "ok\n\u{c}\n",
            "ok\n  \n",
            "ok\nlast \n",
        ] {
            let want = normalize(text);
            assert!(!is_normal(text) || want == text, "{text:?}");
            assert_eq!(normalize_owned(text.to_string()), want, "{text:?}");
        }
        for plain in [
            "",
            "one line",
            "two\nlines",
            "blank\n\nbetween",
            "curly \u{2019}q\u{2019}",
        ] {
            assert!(is_normal(plain), "{plain:?}");
        }
    }

    #[test]
    fn line_endings_and_spaces() {
        assert_eq!(normalize("a\r\nb\rc\n"), "a\nb\nc");
        assert_eq!(normalize("  x \u{00A0} y\t\n"), "x y");
        assert_eq!(normalize("a\u{200B}b\u{0}c"), "abc");
    }

    #[test]
    fn soft_hyphens_are_the_texts_own_and_stay() {
        // on the fast path (a clean line) and the general one (a double space)
        assert_eq!(normalize("be\u{AD}ste\u{AD}hen"), "be\u{AD}ste\u{AD}hen");
        assert_eq!(
            normalize("be\u{AD}ste\u{AD}hen  x"),
            "be\u{AD}ste\u{AD}hen x"
        );
        // one that breaks no word is a stray and goes
        assert_eq!(normalize("regulated \u{AD} banks"), "regulated banks");
        assert_eq!(normalize("\u{AD}edge\u{AD}"), "edge");
        assert_eq!(normalize("word\u{AD} next"), "word next");
        // a run of them before a space is no word's (found by the decode fuzz target: the
        // first of two was kept, and a second pass dropped it)
        assert_eq!(normalize("x\u{AD}\u{AD} y"), "x y");
        assert_eq!(normalize("x\u{AD}\u{0}\u{AD}y"), "x\u{AD}\u{AD}y");
        let fuzzed = "\u{FFFD}\u{AD}\u{FFFD}\u{AD}\u{AD} \u{0}\u{FFFD}";
        assert_eq!(normalize(&normalize(fuzzed)), normalize(fuzzed));
    }

    #[test]
    fn wide_gaps_are_marked_with_a_tab() {
        assert_eq!(
            normalize("Europe      Press sceptical"),
            "Europe\tPress sceptical"
        );
        assert_eq!(normalize("a\tb   c    d"), "a\tb c\td");
        assert_eq!(normalize("\t  lead and trail \t  \n"), "lead and trail");
        assert_eq!(normalize("x \u{00A0}\u{2003} y"), "x\ty");
    }

    #[test]
    fn narrow_gaps_are_spaces_whose_offsets_are_told() {
        // the text is what normalize writes; the narrow gaps' spaces are told apart
        let marked = |t: &str| {
            let (text, narrow) = normalize_marking_narrow_gaps(t);
            assert_eq!(text, normalize(t), "{t:?}");
            assert!(narrow.iter().all(|&k| text.as_bytes()[k] == b' '), "{t:?}");
            assert_eq!(
                normalize_owned_marking_narrow_gaps(t.to_string()),
                (text.clone(), narrow.clone())
            );
            (text, narrow)
        };
        assert_eq!(
            marked("Home  Episodes   About  Contact"),
            ("Home Episodes About Contact".to_string(), vec![4, 13, 19])
        );
        // one space, a wide gap, a tab, the line's edges: none
        assert_eq!(marked("  a b    c\td  ").1, Vec::<usize>::new());
        // no-break spaces count; offsets are the text's, across lines and after NFC
        let (text, narrow) = marked("clean line\ne\u{301}\u{A0} caf\u{E9}  bar\r\nx  y");
        assert_eq!(text, "clean line\n\u{E9} caf\u{E9} bar\nx y");
        assert_eq!(narrow, vec![13, 19, 25]);
        // a stray control character of the input is no mark
        assert_eq!(marked("a\u{1F}b  c"), ("ab c".to_string(), vec![2]));
    }

    #[test]
    fn joiners_stay() {
        // Persian "I want" with its non-joiner, a family emoji, Devanagari with a joiner
        for word in ["می\u{200C}خواهم", "👨\u{200D}👩\u{200D}👧", "क्\u{200D}ष"]
        {
            assert_eq!(normalize(word), word);
            assert_eq!(normalize(&format!(" {word}\u{200B} ")), word);
        }
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(normalize("e\u{0301}"), "\u{00E9}");
        // a control character between base and mark goes first, then they compose
        assert_eq!(normalize("e\u{0}\u{0301}"), "\u{00E9}");
    }

    #[test]
    fn plain_fast_path_matches_general_path() {
        for line in [
            "Algeria’s army — “quoted” café naïve Москва 北京 ½ ©",
            "a\u{00A0}b",
            "x\u{2009}y",
            "e\u{0301}",
            "\u{0419}\u{0306}",
            "soft\u{00AD}hyphen stays",
            "a\u{200E}b",
        ] {
            let mut general = String::new();
            push_line(line, &mut general);
            let general: String = general.nfc().collect();
            assert_eq!(normalize(line), general, "{line:?}");
        }
        assert!(is_clean("Algeria’s army — “quoted” café"));
        // the earlier character loop
        let reference = |line: &str| {
            let b = line.as_bytes();
            if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
                return false;
            }
            let mut prev_space = false;
            for c in line.chars() {
                match c {
                    ' ' if prev_space => return false,
                    ' ' => prev_space = true,
                    '\u{21}'..='\u{7E}' => prev_space = false,
                    c if !c.is_ascii() && is_plain_char(c) => prev_space = false,
                    _ => return false,
                }
            }
            true
        };
        for c in ('\u{0}'..='\u{3000}').chain(['\u{FEFF}', '\u{FFFD}', '\u{1F600}']) {
            for line in [
                format!("{c}"),
                format!("a{c}b"),
                format!("a {c} b"),
                format!("a{c}{c}  b"),
                format!("x’{c}“y”"),
            ] {
                assert_eq!(is_clean(&line), reference(&line), "{line:?}");
            }
        }
        assert!(!is_clean("a\u{00A0}b"));
        assert!(!is_clean("e\u{0301}"));
    }

    #[test]
    fn line_breaks_are_the_split_on_lf_then_cr() {
        // the earlier definition: split on \n, drop one \r before it, split the rest on \r
        let reference = |text: &str| {
            let mut out = String::new();
            let mut first = true;
            for raw in text.split('\n') {
                let raw = raw.strip_suffix('\r').unwrap_or(raw);
                for piece in raw.split('\r').flat_map(|p| p.split(is_other_line_break)) {
                    if !first {
                        out.push('\n');
                    }
                    first = false;
                    let mut line = String::new();
                    push_line(piece, &mut line);
                    // a narrow gap's mark is a space in the text
                    out.extend(line.nfc().map(|c| if c == NARROW_MARK { ' ' } else { c }));
                }
            }
            while out.ends_with('\n') {
                out.pop();
            }
            out
        };
        for t in [
            "",
            "\r",
            "\n",
            "a\r\r\nb",
            "a\r\n\r\nb\r",
            "\r\na\n\rb\r\n",
            " x\t\u{b}y\u{c} \u{7f}z\u{a0}\u{200B}w  \n\u{2028}q\u{3000}",
            "e\u{0}\u{0301} ok  ok",
        ] {
            assert_eq!(normalize(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn page_and_unicode_breaks_end_lines() {
        assert_eq!(
            normalize("ends here.\u{c}The next page"),
            "ends here.\nThe next page"
        );
        assert_eq!(normalize("a\u{b}TT\u{b}b"), "a\nTT\nb");
        assert_eq!(
            normalize("a\u{85}b\u{2028}c\u{2029}d\u{1e}e"),
            "a\nb\nc\nd\ne"
        );
        // a document separator line of deboil's own text output is a blank line
        assert_eq!(normalize("one\n\u{c}\ntwo"), "one\n\n\ntwo");
    }

    #[test]
    fn lossy_utf8_counted() {
        let (t, n) = decode_and_normalize(b"ok \xff here");
        assert_eq!(n, 1);
        assert!(t.starts_with("ok"));
    }

    #[test]
    fn push_line_ascii_bytes_as_the_character_loop() {
        // the earlier loop: every byte that is not ASCII-graphic decoded as a character
        let reference = |line: &str| {
            let mut out = String::new();
            let mut pending = 0;
            let mut tab = false;
            for c in line.chars() {
                if is_zero_width(c) || (c.is_control() && c != '\t') {
                    continue;
                }
                if c.is_whitespace() {
                    pending += 1;
                    tab |= c == '\t';
                    continue;
                }
                if pending > 0 && !out.is_empty() {
                    out.push(if tab || pending >= GAP_RUN {
                        '\t'
                    } else if NARROW_GAP_RUNS.contains(&pending) {
                        NARROW_MARK
                    } else {
                        ' '
                    });
                }
                pending = 0;
                tab = false;
                out.push(c);
            }
            out
        };
        for b in 0u8..0x80 {
            let c = char::from(b);
            for line in [
                format!("{c}"),
                format!("a{c}b"),
                format!(" {c} x{c}{c}y "),
                format!("{c}\u{00A0}é{c}\u{200B}{c}z\t"),
                format!("\u{3000}{c}  q{c}\u{2028}"),
                format!(
                    "{c}{}x{}{c}{} y{c}{}",
                    " ".repeat(17),
                    " ".repeat(8),
                    " ".repeat(3),
                    " ".repeat(40)
                ),
            ] {
                let mut got = String::new();
                push_line(&line, &mut got);
                assert_eq!(got, reference(&line), "{line:?}");
                // appending after existing text starts at the line's own first character
                let mut got = String::from("pre");
                push_line(&line, &mut got);
                assert_eq!(got, format!("pre{}", reference(&line)), "{line:?}");
            }
        }
    }
}
