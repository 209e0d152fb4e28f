//! The document model every stage shares: an input record, the documents split from it, their
//! lines, and the removals rules report against them.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use serde_json::{Map, Value};

/// One unit read from the input: a whole text dump, or one JSONL record's text field.
#[derive(Debug, Clone)]
pub struct Record {
    /// The record's own id (JSONL `id` field) or the input path for a text dump.
    pub id: String,
    /// The input path (`-` for stdin).
    pub source: String,
    /// 1-based line of the record in its source (JSONL); 1 for a text dump.
    pub source_line: usize,
    /// Position of the record in the whole input, used for the total keep-first order.
    pub seq: u64,
    /// Fields carried through from a JSONL record (everything but the text field), shared by
    /// the articles split out of it.
    pub fields: Arc<Map<String, Value>>,
    /// The normalised text, lines joined by `\n`.
    pub text: String,
    /// Byte offsets in `text`, ascending, of the spaces that stand for a narrow gap in the input
    /// (two or three spaces: see [`crate::input::normalize`]).
    pub narrow_gaps: Vec<usize>,
    /// Bytes of the raw record before decoding and normalisation.
    pub raw_bytes: usize,
    /// Invalid UTF-8 sequences replaced while decoding.
    pub repaired_utf8: usize,
    /// Read from a JSONL source (one record per line), not a whole text dump.
    pub jsonl: bool,
}

/// The normalised-key hashes and key word counts of the non-blank lines of a record's text, in
/// order (see [`crate::dedup::key::line_key`]): computed ahead, by pass 1 of learned
/// boilerplate, so that pass 2 keys each line once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineKeys {
    pub keys: Vec<u64>,
    pub words: Vec<u32>,
}

impl LineKeys {
    /// The keys of `text`'s non-blank lines.
    pub fn of(text: &str) -> LineKeys {
        // room for every line up front (blank ones included): growing by doubling copied both
        // vectors several times per document
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        let mut k = LineKeys {
            keys: Vec::with_capacity(lines),
            words: Vec::with_capacity(lines),
        };
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
        for end in ends {
            let line = &text[start..end];
            start = end + 1;
            if line.is_empty() {
                continue;
            }
            let (key, words) = crate::dedup::key::line_key(line);
            k.keys.push(key);
            k.words.push(words);
        }
        k
    }

    /// The `(key, words)` pairs in line order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.keys.iter().copied().zip(self.words.iter().copied())
    }
}

/// Shape facts about one line, computed once and shared by every rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineInfo {
    /// Words (whitespace-separated tokens).
    pub words: u32,
    /// Characters (Unicode scalar values).
    pub chars: u32,
    /// xxh3 of the line's normalised key (see [`crate::dedup::key`]); 0 for a blank line.
    pub key: u64,
    /// Words of the normalised key (what dedup counts).
    pub key_words: u32,
}

impl LineInfo {
    pub fn is_blank(&self) -> bool {
        self.chars == 0
    }
}

/// One article: a run of consecutive lines of a record.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub source: String,
    pub source_line: usize,
    pub seq: u64,
    /// Index of this article among those split out of the record, from 0.
    pub part: usize,
    /// How many articles the record was split into.
    pub parts: usize,
    pub fields: Arc<Map<String, Value>>,
    /// The document's lines joined by `\n` (no trailing newline).
    pub text: String,
    /// Byte range of each line in `text`.
    pub lines: Vec<Range<usize>>,
    pub info: Vec<LineInfo>,
    /// 1-based line number, within the record's text, of `lines[0]`.
    pub first_line: usize,
    /// Byte offset of `text` within the record's normalised text.
    pub byte_offset: usize,
    /// Per line, the rules' shared cue words it holds (`rules::shape::line_cues`), found by one
    /// scan of the document on first use.
    pub(crate) cues: std::sync::OnceLock<Vec<u128>>,
    /// Per line, the byte range within it of its core (`rules::shape::line_core`), found for
    /// every line on first use: several rules read the cores of the same lines.
    pub(crate) cores: std::sync::OnceLock<Vec<Range<usize>>>,
    /// Per line, the date R021 reads in it (`rules::dateline::line_datelines`), parsed once:
    /// R021 and the timelines it leaves alone both read them.
    pub(crate) datelines: std::sync::OnceLock<Vec<Option<String>>>,
    /// The document's timelines (`rules::dateline::timelines`), found once: R021 and C001 both
    /// ask.
    pub(crate) timelines: std::sync::OnceLock<Vec<Range<usize>>>,
    /// The user literals' hits (`rules::user_pattern::LiteralSet::hits`): which set found
    /// them, and (literal, line) pairs in order, found by one scan of the document on first use.
    pub(crate) literal_hits: std::sync::OnceLock<(usize, Vec<(u32, u32)>)>,
    /// Byte offsets in `text`, ascending, of the spaces that stand for a wide gap in the input
    /// (table cells or page columns side by side; see [`crate::input::normalize`]).
    pub column_gaps: Vec<usize>,
    /// Byte offsets in `text`, ascending, of the spaces that stand for a narrow gap in the
    /// input (two or three spaces: a menu's entries an extractor joined, see
    /// [`crate::input::normalize`]). Only the rules read them: the output writes a space.
    pub narrow_gaps: Vec<usize>,
}

impl Document {
    /// Builds a document from lines `first..first + n` of a record's text.
    pub fn from_text(text: String, first_line: usize, byte_offset: usize) -> Document {
        Document::from_text_keyed(text, first_line, byte_offset, &mut std::iter::empty())
    }

    /// [`Document::from_text`] taking the key of each non-blank line, in order, from `keys`
    /// (computed ahead, see [`LineKeys`]); lines past the end of `keys` are keyed here.
    pub fn from_text_keyed(
        text: String,
        first_line: usize,
        byte_offset: usize,
        keys: &mut dyn Iterator<Item = (u64, u32)>,
    ) -> Document {
        // normalisation marked each wide gap with a tab: it becomes a space, remembered
        let mut column_gaps = Vec::new();
        let text = if memchr::memchr(b'\t', text.as_bytes()).is_some() {
            column_gaps.extend(memchr::memchr_iter(b'\t', text.as_bytes()));
            text.replace('\t', " ")
        } else {
            text
        };
        let mut lines = Vec::new();
        let mut start = 0;
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            lines.push(start..i);
            start = i + 1;
        }
        lines.push(start..text.len());
        if text.is_empty() {
            lines.clear();
        }
        let info = lines
            .iter()
            .map(|r| {
                let line = &text[r.clone()];
                if line.is_empty() {
                    return LineInfo::default();
                }
                match keys.next() {
                    Some(key) => line_info_keyed(line, key),
                    None => line_info(line),
                }
            })
            .collect();
        Document {
            id: String::new(),
            source: String::new(),
            source_line: 1,
            seq: 0,
            part: 0,
            parts: 1,
            fields: Arc::default(),
            text,
            lines,
            info,
            first_line,
            byte_offset,
            cues: std::sync::OnceLock::new(),
            cores: std::sync::OnceLock::new(),
            datelines: std::sync::OnceLock::new(),
            timelines: std::sync::OnceLock::new(),
            literal_hits: std::sync::OnceLock::new(),
            column_gaps,
            narrow_gaps: Vec::new(),
        }
    }

    /// Offsets within line `i` of its column gaps (see [`Document::column_gaps`]).
    pub fn column_gaps_in(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        offsets_in(&self.column_gaps, self.lines[i].clone())
    }

    /// Offsets within line `i` of its narrow gaps (see [`Document::narrow_gaps`]).
    pub fn narrow_gaps_in(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        offsets_in(&self.narrow_gaps, self.lines[i].clone())
    }

    /// Line `i` as it comes out of deboil: each of its column gaps written as a tab, as
    /// normalisation marked it, so that a table's cells stay apart in the output (and a second
    /// cleaning of the output sees the same gaps).
    pub fn line_with_gaps(&self, i: usize) -> Cow<'_, str> {
        let line = self.line(i);
        let mut gaps = self.column_gaps_in(i).peekable();
        if gaps.peek().is_none() {
            return Cow::Borrowed(line);
        }
        Cow::Owned(with_gaps_as_tabs(line, gaps))
    }

    /// The document's text with its column gaps written as tabs (see
    /// [`Document::line_with_gaps`]): the text as normalisation left it.
    pub fn text_with_gaps(&self) -> String {
        with_gaps_as_tabs(&self.text, self.column_gaps.iter().copied())
    }

    pub fn n_lines(&self) -> usize {
        self.lines.len()
    }

    pub fn line(&self, i: usize) -> &str {
        &self.text[self.lines[i].clone()]
    }

    pub fn info(&self, i: usize) -> LineInfo {
        self.info[i]
    }

    pub fn is_blank(&self, i: usize) -> bool {
        self.info[i].is_blank()
    }

    /// Input line number (1-based, within the record's text) of line `i`.
    pub fn input_line(&self, i: usize) -> usize {
        self.first_line + i
    }

    /// Byte span, in the record's normalised text, of lines `r`.
    pub fn byte_span(&self, r: &Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.lines.get(r.start).map_or(self.text.len(), |l| l.start);
            return self.byte_offset + at..self.byte_offset + at;
        }
        self.byte_offset + self.lines[r.start].start..self.byte_offset + self.lines[r.end - 1].end
    }

    /// Indices of the non-blank lines, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.n_lines()).filter(|&i| !self.is_blank(i))
    }
}

/// Shape facts of one line of normalised text (single spaces between words, no control
/// characters): words are counted by spaces, characters by UTF-8 lead bytes.
pub fn line_info(line: &str) -> LineInfo {
    if line.is_empty() {
        return LineInfo::default();
    }
    line_info_keyed(line, crate::dedup::key::line_key(line))
}

/// [`line_info`] of a non-blank line whose key (hash and word count) is known.
fn line_info_keyed(line: &str, (key, key_words): (u64, u32)) -> LineInfo {
    // the spaces (for the words) and the bytes that open a character (not UTF-8 continuation
    // bytes), in one pass the compiler vectorises: most lines are too short for a search
    // function's call to pay
    let (spaces, chars) = line.as_bytes().iter().fold((0u32, 0u32), |(s, c), &b| {
        (
            s.wrapping_add(u32::from(b == b' ')),
            c.wrapping_add(u32::from((b as i8) >= -0x40)),
        )
    });
    LineInfo {
        words: spaces.wrapping_add(1),
        chars,
        key,
        key_words,
    }
}

/// Where a removed copy's kept original lives.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptRef {
    pub id: String,
    /// The input the kept copy was read from, as the report shows sources.
    pub source: String,
    /// 1-based line of the kept copy's record in `source` (1 for a text dump).
    pub record_line: usize,
    pub part: usize,
    /// Index of the kept paragraph among its document's non-blank lines, from 0.
    pub para: usize,
    /// Input line number of the kept paragraph.
    pub line: usize,
    /// Word-level similarity of the two copies, 1.0 for an exact repeat.
    pub similarity: f64,
    /// Unified word diff from the kept copy to the removed one (empty for an exact repeat).
    pub diff: String,
}

/// A field a removal moves its text into instead of dropping it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title,
    Date,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Date => "date",
        }
    }
}

/// What a rule reports: lines (or part of one line) to take out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// Rule code (`R001`) and name (`repeated-adjacent-line`).
    pub code: &'static str,
    pub name: &'static str,
    /// Document line indices removed.
    pub lines: Range<usize>,
    /// When set, only this byte range of the single line `lines.start` is removed.
    pub within: Option<Range<usize>>,
    /// Free-form reason (a matched phrase, the classifier's features, ...).
    pub note: Option<String>,
    /// For a duplicate: the copy that was kept.
    pub kept: Option<Box<KeptRef>>,
    /// When set, the removed text is moved into this field with this value.
    pub moved_to: Option<(Field, String)>,
}

/// Which of a document's `n` lines `removals` take whole (a cut within a line takes none).
pub fn lines_removed<'a>(n: usize, removals: impl IntoIterator<Item = &'a Removal>) -> Vec<bool> {
    let mut gone = vec![false; n];
    for r in removals.into_iter().filter(|r| r.within.is_none()) {
        for g in gone.iter_mut().take(r.lines.end).skip(r.lines.start) {
            *g = true;
        }
    }
    gone
}

impl Removal {
    pub fn lines(meta: &crate::rules::RuleMeta, lines: Range<usize>) -> Removal {
        Removal {
            code: meta.code,
            name: meta.name,
            lines,
            within: None,
            note: None,
            kept: None,
            moved_to: None,
        }
    }

    pub fn line(meta: &crate::rules::RuleMeta, i: usize) -> Removal {
        Removal::lines(meta, i..i + 1)
    }

    pub fn within(meta: &crate::rules::RuleMeta, line: usize, bytes: Range<usize>) -> Removal {
        Removal {
            within: Some(bytes),
            ..Removal::line(meta, line)
        }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Removal {
        self.note = Some(note.into());
        self
    }

    pub fn moved_to(mut self, field: Field, value: impl Into<String>) -> Removal {
        self.moved_to = Some((field, value.into()));
        self
    }

    pub fn with_kept(mut self, kept: KeptRef) -> Removal {
        self.kept = Some(Box::new(kept));
        self
    }
}

/// The offsets of `offsets` (ascending, in a document's text) that fall in `line`, counted from
/// its start.
fn offsets_in(offsets: &[usize], line: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let from = offsets.partition_point(|&g| g < line.start);
    offsets[from..]
        .iter()
        .take_while(move |&&g| g < line.end)
        .map(move |&g| g - line.start)
}

/// `text` with the space at each of `gaps` (byte offsets normalisation marked as column gaps)
/// written back as a tab: one byte for one, so offsets into `text` still hold.
fn with_gaps_as_tabs(text: &str, gaps: impl Iterator<Item = usize>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for g in gaps {
        if let Some(b) = bytes.get_mut(g).filter(|b| **b == b' ') {
            *b = b'\t';
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_gaps_are_spaces_in_the_text_and_tabs_in_the_output() {
        // normalisation marked the wide gaps with tabs
        let d = Document::from_text(
            "Model\tPrice\nRoadster 3\t212 km\tgood\nno gap".into(),
            1,
            0,
        );
        assert_eq!(d.line(1), "Roadster 3 212 km good");
        assert_eq!(d.column_gaps_in(1).collect::<Vec<_>>(), vec![10, 17]);
        assert_eq!(d.line_with_gaps(1), "Roadster 3\t212 km\tgood");
        assert!(matches!(d.line_with_gaps(2), Cow::Borrowed("no gap")));
        assert_eq!(
            d.text_with_gaps(),
            "Model\tPrice\nRoadster 3\t212 km\tgood\nno gap"
        );
    }

    #[test]
    fn lines_and_spans() {
        let d = Document::from_text("a b\n\nc".to_string(), 3, 10);
        assert_eq!(d.n_lines(), 3);
        assert_eq!(d.line(0), "a b");
        assert!(d.is_blank(1));
        assert_eq!(d.info(0).words, 2);
        assert_eq!(d.input_line(2), 5);
        assert_eq!(d.byte_span(&(0..3)), 10..16);
        assert_eq!(d.paragraphs().collect::<Vec<_>>(), vec![0, 2]);
    }

    #[test]
    fn keys_computed_ahead_are_the_keys() {
        let text = "One line, here.\n\n“Two” — lines\nﬁne Ⅻ";
        let keys = LineKeys::of(text);
        assert_eq!(keys.keys.len(), 3);
        let a = Document::from_text(text.to_string(), 1, 0);
        let b = Document::from_text_keyed(text.to_string(), 1, 0, &mut keys.iter());
        assert_eq!(a.info, b.info);
        // past the end of the keys, lines are keyed as usual
        let c = Document::from_text_keyed(text.to_string(), 1, 0, &mut keys.iter().take(1));
        assert_eq!(a.info, c.info);
    }

    #[test]
    fn line_info_counts_spaces_and_characters() {
        for line in [
            "a",
            "a b  c ",
            "“Two” — lines, ﬁne Ⅻ and 東京タワー",
            "москва город 한국어 and a line longer than the thirty-two bytes read at a time",
        ] {
            let info = line_info(line);
            assert_eq!(
                info.words as usize,
                line.matches(' ').count() + 1,
                "{line:?}"
            );
            assert_eq!(info.chars as usize, line.chars().count(), "{line:?}");
        }
    }

    #[test]
    fn empty_text_has_no_lines() {
        let d = Document::from_text(String::new(), 1, 0);
        assert_eq!(d.n_lines(), 0);
    }
}
