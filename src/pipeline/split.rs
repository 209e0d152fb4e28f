//! Splitting a record into articles. A dump may hold several articles one after the other; the
//! scraper separates them by runs of blank lines. A run of two or more blank lines is a boundary
//! when the text on both sides looks like an article (enough prose) and the text after it opens
//! as an article does, with a headline; so a trailing call to action, a lone footer after a gap
//! or the next paragraph of a page that puts two blank lines between its paragraphs stays with
//! the article before it.

use crate::chars::{is_han_or_kana, is_unspaced_southeast_asian, SOUTHEAST_ASIAN_CHARS_PER_WORD};
use crate::doc::{Document, LineKeys, Record};
use crate::pipeline::apply::is_headline_shaped;

/// A segment is an article when it holds at least this many words in prose lines...
const MIN_ARTICLE_WORDS: usize = 40;
/// ...where a prose line has at least this many words.
const MIN_PROSE_LINE_WORDS: usize = 8;

/// Splits a record into documents (at least one, unless the record's text is empty).
pub fn split(record: &Record) -> Vec<Document> {
    split_keyed(record, None)
}

/// [`split`] with the keys of the record's non-blank lines computed ahead (see [`LineKeys`]).
fn split_keyed(record: &Record, keys: Option<&LineKeys>) -> Vec<Document> {
    let (spans, parts) = layout(&record.text);
    let mut keys = keys.into_iter().flat_map(LineKeys::iter);
    spans
        .into_iter()
        .map(|sp| {
            let text = record.text.get(sp.bytes.clone()).unwrap_or_default();
            let fields = record.fields.clone();
            document(record, sp, parts, text.to_string(), fields, &mut keys)
        })
        .collect()
}

/// [`split`] of a record the caller gives up: a record that stays one document (the common
/// case) moves its text and fields into it instead of copying them.
pub fn split_owned(record: Record) -> Vec<Document> {
    split_owned_keyed(record, None)
}

/// [`split_owned`] with the keys of the record's non-blank lines computed ahead (pass 1 of
/// learned boilerplate keyed them already); without them, each line is keyed here.
pub fn split_owned_keyed(mut record: Record, keys: Option<&LineKeys>) -> Vec<Document> {
    let (spans, parts) = layout(&record.text);
    if let [sp] = spans.as_slice() {
        if sp.bytes == (0..record.text.len()) {
            let text = std::mem::take(&mut record.text);
            let fields = std::mem::take(&mut record.fields);
            let mut keys = keys.into_iter().flat_map(LineKeys::iter);
            return vec![document(
                &record,
                sp.clone(),
                parts,
                text,
                fields,
                &mut keys,
            )];
        }
    }
    split_keyed(&record, keys)
}

/// The words of `line`: its whitespace-separated words, where a word of a script written
/// without spaces counts as many words as its characters make: each Chinese or Japanese
/// character a word (so a Chinese paragraph reaches [`MIN_ARTICLE_WORDS`] as an English one of
/// similar length does), Thai, Lao, Khmer and Myanmar [`SOUTHEAST_ASIAN_CHARS_PER_WORD`]
/// characters (their vowel and tone marks among them) a word. `line.split_whitespace().count()` for a line of other
/// scripts, counted on bytes for ASCII lines.
fn word_count(line: &str) -> usize {
    if !line.is_ascii() {
        return line
            .split_whitespace()
            .map(|w| {
                let (mut cjk, mut southeast) = (0, 0);
                for c in w.chars() {
                    cjk += usize::from(is_han_or_kana(c));
                    southeast += usize::from(is_unspaced_southeast_asian(c));
                }
                (cjk + southeast / SOUTHEAST_ASIAN_CHARS_PER_WORD).max(1)
            })
            .sum();
    }
    let mut words = 0;
    let mut in_word = false;
    for &b in line.as_bytes() {
        // the ASCII characters `char::is_whitespace` accepts
        let space = matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// One article of a record: its first line (0-based) and its byte range in the record's text.
#[derive(Debug, Clone)]
struct Span {
    part: usize,
    first: usize,
    bytes: std::ops::Range<usize>,
}

fn document(
    record: &Record,
    sp: Span,
    parts: usize,
    text: String,
    fields: std::sync::Arc<serde_json::Map<String, serde_json::Value>>,
    keys: &mut dyn Iterator<Item = (u64, u32)>,
) -> Document {
    let mut doc = Document::from_text_keyed(text, sp.first + 1, sp.bytes.start, keys);
    // the record's narrow gaps that fall in the document, counted from its start
    let from = record.narrow_gaps.partition_point(|&g| g < sp.bytes.start);
    doc.narrow_gaps = record.narrow_gaps[from..]
        .iter()
        .take_while(|&&g| g < sp.bytes.end)
        .map(|&g| g - sp.bytes.start)
        .collect();
    doc.id = record.id.clone();
    doc.source = record.source.clone();
    doc.source_line = record.source_line;
    doc.seq = record.seq;
    doc.part = sp.part;
    doc.parts = parts;
    doc.fields = fields;
    doc
}

/// The articles of `text` and how many parts it is split into (empty text: none).
fn layout(text: &str) -> (Vec<Span>, usize) {
    // line start offsets
    let mut starts = vec![0usize];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    let n = starts.len();
    let line = |i: usize| -> &str {
        let end = if i + 1 < n {
            starts[i + 1] - 1
        } else {
            text.len()
        };
        &text[starts[i]..end]
    };
    // candidate boundaries: the first line after a run of >= 2 blank lines
    let mut segments: Vec<(usize, usize)> = Vec::new(); // [start, end) line ranges
    let mut seg_start = 0;
    let mut blank_run = 0;
    for i in 0..n {
        if line(i).is_empty() {
            blank_run += 1;
        } else {
            if blank_run >= 2 && i > seg_start + blank_run {
                segments.push((seg_start, i));
                seg_start = i;
            }
            blank_run = 0;
        }
    }
    segments.push((seg_start, n));
    // merge segments that are not article-like into the one before (or after, for the first);
    // a single segment (no gap of two blank lines, most records) is the whole text as it is, and
    // its lines' words are not counted
    if segments.len() == 1 {
        return (spans_of(segments, text, &starts), 1);
    }
    let prose_words = |(a, b): (usize, usize)| -> usize {
        (a..b)
            .map(|i| word_count(line(i)))
            .filter(|&w| w >= MIN_PROSE_LINE_WORDS)
            .sum()
    };
    // (segments are contiguous, so a merged segment's prose words are the sum of its parts':
    // each segment is counted once)
    // an article opens with its headline: a segment that opens with a sentence (the next
    // paragraph of a page spaced by two blank lines, a cookie notice) carries on the one before
    let opens_with_headline = |(a, b): (usize, usize)| -> bool {
        (a..b)
            .map(line)
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| {
                let l = l.trim();
                is_headline_shaped(l, l.split_whitespace().count() as u32)
                    && !l.ends_with(['。', '，', '；', '：'])
            })
    };
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut last_words = 0;
    for seg in segments {
        let words = prose_words(seg);
        let is_article = words >= MIN_ARTICLE_WORDS && opens_with_headline(seg);
        match merged.last_mut() {
            Some(last) if !is_article || last_words < MIN_ARTICLE_WORDS => {
                last.1 = seg.1;
                last_words += words;
            }
            _ => {
                merged.push(seg);
                last_words = words;
            }
        }
    }
    let parts = merged.len();
    (spans_of(merged, text, &starts), parts)
}

/// The articles of `text` from its merged segments ([start, end) line ranges), given the lines'
/// start offsets: trailing blank lines trimmed, none for an empty text.
fn spans_of(merged: Vec<(usize, usize)>, text: &str, starts: &[usize]) -> Vec<Span> {
    let n = starts.len();
    let line = |i: usize| -> &str {
        let end = if i + 1 < n {
            starts[i + 1] - 1
        } else {
            text.len()
        };
        &text[starts[i]..end]
    };
    merged
        .into_iter()
        .enumerate()
        .filter_map(|(part, (a, b))| {
            // trim trailing blank lines of the segment (they belong to the gap)
            let mut b = b;
            while b > a + 1 && line(b - 1).is_empty() {
                b -= 1;
            }
            let start = starts[a];
            let end = if b < n { starts[b] - 1 } else { text.len() };
            if text.is_empty() {
                return None;
            }
            Some(Span {
                part,
                first: a,
                bytes: start..end,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> Record {
        Record {
            id: "x".into(),
            source: "x".into(),
            source_line: 1,
            seq: 0,
            fields: Default::default(),
            text: text.into(),
            narrow_gaps: Vec::new(),
            raw_bytes: text.len(),
            repaired_utf8: 0,
            jsonl: false,
        }
    }

    fn prose(tag: &str) -> String {
        (0..5)
            .map(|i| format!("{tag} sentence number {i} has quite a few words in it, really."))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn word_count_is_split_whitespace() {
        for l in [
            "",
            " ",
            "a",
            " a  b\tc\u{b}d\u{c}e ",
            "x\u{a0}y z",
            "\u{3000}",
            "é a\u{85}b ü\u{2009}c’d",
            "aé b",
        ] {
            assert_eq!(word_count(l), l.split_whitespace().count(), "{l:?}");
        }
    }

    #[test]
    fn owned_split_is_split() {
        for text in [
            String::new(),
            "one line".to_string(),
            format!("Head A\n\n{}\n\n\n\nHead B\n\n{}", prose("a"), prose("b")),
            format!("{}\n\n\n", prose("a")),
        ] {
            let a = split(&record(&text));
            let b = split_owned(record(&text));
            assert_eq!(a.len(), b.len());
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(
                    (&x.text, x.first_line, x.byte_offset, x.part, x.parts),
                    (&y.text, y.first_line, y.byte_offset, y.part, y.parts)
                );
                assert_eq!(x.info, y.info);
            }
        }
    }

    #[test]
    fn keys_computed_ahead_give_the_same_documents() {
        for text in [
            "one line".to_string(),
            format!("Head A\n\n{}\n\n\n\nHead B\n\n{}", prose("a"), prose("b")),
            format!("\n\n{}\n\n\n", prose("a")),
        ] {
            let keys = LineKeys::of(&text);
            let a = split(&record(&text));
            let b = split_owned_keyed(record(&text), Some(&keys));
            assert_eq!(a.len(), b.len());
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(x.info, y.info);
            }
        }
    }

    #[test]
    fn two_articles_split_at_double_gap() {
        let text = format!("Head A\n\n{}\n\n\n\nHead B\n\n{}", prose("a"), prose("b"));
        let docs = split(&record(&text));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].line(0), "Head A");
        assert_eq!(docs[1].line(0), "Head B");
        assert_eq!(docs[1].part, 1);
        assert_eq!(docs[1].parts, 2);
        assert!(!docs[0].line(docs[0].n_lines() - 1).is_empty());
        // line numbers and offsets point into the record
        let b = &docs[1];
        assert_eq!(&text[b.byte_offset..b.byte_offset + 6], "Head B");
        assert_eq!(text.lines().nth(b.first_line - 1), Some("Head B"));
    }

    #[test]
    fn short_tail_stays_with_article() {
        let text = format!("{}\n\n\nread more on our channel", prose("a"));
        let docs = split(&record(&text));
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].line(docs[0].n_lines() - 1),
            "read more on our channel"
        );
    }

    #[test]
    fn single_gap_does_not_split() {
        let text = format!("{}\n\n{}", prose("a"), prose("b"));
        assert_eq!(split(&record(&text)).len(), 1);
    }

    #[test]
    fn words_of_scripts_without_spaces_are_counted_by_characters() {
        assert_eq!(word_count("市图书馆重新开放。"), 8);
        assert_eq!(word_count("ห้องสมุดเปิดแล้ว"), 5);
        assert_eq!(word_count("Tokyo 東京 ok"), 4);
    }

    #[test]
    fn chinese_articles_split_at_double_gap() {
        let para = "市图书馆在关闭八个月后于周三上午重新开放，工作人员已经修复了儿童阅览区。";
        let text = format!("图书馆重新开放\n{para}\n{para}\n\n\n渡船恢复运行\n{para}\n{para}");
        let docs = split(&record(&text));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].line(0), "渡船恢复运行");
    }

    #[test]
    fn a_part_opening_with_a_sentence_carries_on_the_one_before() {
        // a page that puts two blank lines between its paragraphs
        let text = format!("Head A\n\n\n{}\n\n\n{}", prose("a"), prose("b"));
        assert_eq!(split(&record(&text)).len(), 1);
        // a footer of sentences and links after a gap
        let footer = "We use cookies to give you the best experience on our website and to show you relevant ads, as our policy explains in full.\nAbout us | Contact | Advertise | Privacy policy | Terms of use | Careers";
        let text = format!("Head A\n\n{}\n\n\n{footer}", prose("a"));
        assert_eq!(split(&record(&text)).len(), 1);
    }

    #[test]
    fn empty_record_yields_nothing() {
        assert!(split(&record("")).is_empty());
    }
}
