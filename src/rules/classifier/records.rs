//! Repeated records: a listing's entries printed as blocks of the same fields, one block per
//! entry: a job board's ads (title / `Job type: Full time | Pay: $12/hour` / the ad's first
//! sentences), a race calendar's events (name / `Distance: 172 km` / `Course: ...` /
//! `Winner: ...`), a catalogue's items under `Cast:` and `Price:`. Taken line by line, a
//! block's field rows are chrome-shaped (a label, a few words, numbers) and its title is a
//! short line, so the core search cuts such a page into its prose lines and drops the rest.
//! Taken as a whole, a run of at least [`MIN_RECORDS`] blocks of one length, each with a field
//! row under the same label at the same place, at least half of them carrying a line of prose,
//! is the page's own data: where such a run touches the article core, it joins it.
//!
//! What is no record: a teaser list (headline, date, teaser, `Read more`) has no field label
//! of its own, and a field row that holds a date or a clock time (`Posted by: Ann | 3 May
//! 2024`, `Last update: 7:07 PM`) anchors none, nor does a line a rule removes, a comment
//! marker or a line of the comment thread. A slot that holds the same text in every record
//! (`Read more`, `View full description`) is a button, not data: it is left to the other
//! decisions.

use super::{chrome_shaped, holds_date, Class, Verdict};
use crate::doc::Document;
use crate::rules::dates::DATE_LABEL;

/// Fewest records of a run.
pub(super) const MIN_RECORDS: usize = 3;

/// Fewest and most non-blank lines of one record (a title, a field row and a line of prose;
/// two lines that take turns are as often a column beside the article, interleaved with it
/// line by line, as a listing).
const MIN_RECORD_LINES: usize = 3;
const MAX_RECORD_LINES: usize = 8;

/// Fewest field labels the records of a run share (a teaser list's `Source: Harbour Weekly`
/// under each headline is one: a listing's records hold data under two labels or more, `Job
/// type: ... | Pay: ...`, `Distance: ...` and `Winner: ...`).
const MIN_FIELDS: usize = 2;

/// Most words of the value of a field row that anchors a record (`Job type: Full time | Pay:
/// $12/hour`).
const FIELD_VALUE_WORDS: usize = 16;

/// Most words of a field label (`Job type`, `Date of birth`), ...
const FIELD_LABEL_WORDS: usize = 3;

/// ... and most bytes.
const FIELD_LABEL_BYTES: usize = 40;

/// The full-width colon of Chinese and Japanese (`地点：北京`).
const WIDE_COLON: &str = "：";

/// Bullets a field row may open with.
const ROW_BULLETS: [&str; 8] = ["* ", "• ", "- ", "– ", "· ", "» ", "+ ", "o "];

/// A run of records: the document's lines it spans, and those of its data (every line but
/// the slots that hold the same text in every record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RecordRun {
    pub span: std::ops::Range<usize>,
    pub data: Vec<usize>,
}

/// The key of the field label `line` opens with, or `None` (see [`field`]).
pub(super) fn field_key(line: &str) -> Option<u64> {
    field(line).map(|(key, _)| key)
}

/// The key of the field label `line` opens with and the value after it, or `None`: `Label:
/// value`, perhaps after a bullet and a number (`1998 Winner: ...`), the label of 1 to
/// [`FIELD_LABEL_WORDS`] words opening with a capital (or a letter of a script without case)
/// and made of letters, digits and a few joining marks, a space after an ASCII colon (no clock
/// time, no `http://`) and a value holding a letter or a digit. The key is a hash of the
/// label's letters, lowercase, so that `1997 Winner:` and `1998 Winner:` share it.
fn field(line: &str) -> Option<(u64, &str)> {
    // most lines hold no colon near their start: out before any other work
    let reach = FIELD_LABEL_BYTES + 24;
    if !line.as_bytes()[..line.len().min(reach)]
        .iter()
        .any(|&b| b == b':' || b == WIDE_COLON.as_bytes()[0])
    {
        return None;
    }
    let mut body = line.trim_start();
    for b in ROW_BULLETS {
        if let Some(rest) = body.strip_prefix(b) {
            body = rest.trim_start();
            break;
        }
    }
    let body = body
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    // the colon within reach of a label's bytes (a scan of the line's head only: most lines
    // hold no label)
    let head = &body.as_bytes()[..body.len().min(FIELD_LABEL_BYTES + WIDE_COLON.len())];
    let ascii = head.iter().position(|&b| b == b':');
    let wide = head
        .windows(WIDE_COLON.len())
        .position(|w| w == WIDE_COLON.as_bytes());
    let at = match (ascii, wide) {
        (Some(a), Some(w)) => a.min(w),
        (a, w) => a.or(w)?,
    };
    let colon = if body.as_bytes()[at] == b':' {
        ':'
    } else {
        '：'
    };
    let label = &body[..at];
    let value = &body[at + colon.len_utf8()..];
    if colon == ':' && !value.starts_with(char::is_whitespace) {
        return None;
    }
    if !value.chars().any(char::is_alphanumeric) || label.len() > FIELD_LABEL_BYTES {
        return None;
    }
    if !(1..=FIELD_LABEL_WORDS).contains(&label.split_whitespace().count()) {
        return None;
    }
    let first = label.chars().next()?;
    let joining = |c: char| matches!(c, '-' | '/' | '&' | '\'' | '’' | '.' | '#');
    if !first.is_alphabetic()
        || first.is_lowercase()
        || !label
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || joining(c))
    {
        return None;
    }
    Some((label_hash(label), value))
}

/// A hash of the letters of `label`, lowercase (FNV-1a).
fn label_hash(label: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in label
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
    {
        h = (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Calls `f` with the key of each field label of `line`: the one it opens with (see
/// [`field`]) and each further one inside it, a capitalised word of letters with a colon
/// after a space, before a value (`Job type: Full time | Pay: $12/hour`).
fn for_field_labels(line: &str, mut f: impl FnMut(u64)) {
    if let Some((key, _)) = field(line) {
        f(key);
    }
    let mut words = line.split_whitespace().skip(1).peekable();
    while let Some(word) = words.next() {
        let Some(label) = word.strip_suffix([':', '：']) else {
            continue;
        };
        if words.peek().is_some()
            && label.chars().count() >= 2
            && label.starts_with(char::is_uppercase)
            && label.chars().all(char::is_alphabetic)
        {
            f(label_hash(label));
        }
    }
}

/// `line` opens with a date's label (`Posted on:`, `Veröffentlicht am:`, `Date:`; see
/// [`DATE_LABEL`]), perhaps after a bullet: a teaser's or a post's meta row, not a record's
/// datum, whatever follows.
fn dated_label(line: &str) -> bool {
    let mut body = line.trim_start();
    for b in ROW_BULLETS {
        if let Some(rest) = body.strip_prefix(b) {
            body = rest.trim_start();
            break;
        }
    }
    DATE_LABEL.prefix_len(body).is_some_and(|n| n > 0)
}

/// The runs of records of `doc` (see the module's documentation), in no particular order;
/// they may overlap (each field label of a record anchors its own run). `ruled[i]`: a rule
/// removes line `i`; `in_thread[i]`: line `i` is in the comment thread.
pub(super) fn record_runs(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    in_thread: &[bool],
) -> Vec<RecordRun> {
    let nb: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].class != Class::Blank)
        .collect();
    let keys: Vec<Option<u64>> = nb.iter().map(|&i| field_key(doc.line(i))).collect();
    let thread = |i: usize| in_thread.get(i).copied().unwrap_or(false);
    // a field row that anchors a record: a datum (a value of a few words, no sentence: a
    // speaker's turn in an interview is none), no date or time in it and no date's label (a
    // teaser's `Posted on: Site Name`), nothing a rule removes, no comment's marker
    let anchor = |k: usize| {
        let i = nb[k];
        let f = &out[i].features;
        let datum = field(doc.line(i))
            .is_some_and(|(_, value)| value.split_whitespace().count() <= FIELD_VALUE_WORDS);
        datum
            && !dated_label(doc.line(i))
            && !f.terminal
            && !ruled.get(i).copied().unwrap_or(false)
            && !thread(i)
            && !f.comment_marker
            && !f.clock
            && !holds_date(doc.line(i))
    };
    // the labels of at least MIN_RECORDS rows, then their rows that anchor a record (the
    // costlier tests run on those rows only)
    let mut keyed: Vec<(u64, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(k, key)| key.map(|key| (key, k)))
        .collect();
    if keyed.len() < MIN_RECORDS {
        return Vec::new();
    }
    keyed.sort_unstable();
    let shape = Shape {
        doc,
        out,
        nb: &nb,
        keys: &keys,
        ruled,
        in_thread,
    };
    let mut runs = Vec::new();
    for same in keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|same| same.len() >= MIN_RECORDS)
    {
        let at: Vec<usize> = same
            .iter()
            .map(|&(_, k)| k)
            .filter(|&k| anchor(k))
            .collect();
        // chains of anchors at one distance from each other
        let mut s = 0;
        while s + MIN_RECORDS <= at.len() {
            let period = at[s + 1] - at[s];
            let mut e = s + 1;
            while e + 1 < at.len() && at[e + 1] - at[e] == period {
                e += 1;
            }
            if (MIN_RECORD_LINES..=MAX_RECORD_LINES).contains(&period) && e + 1 - s >= MIN_RECORDS {
                runs.extend(shape.run(&at[s..=e], period));
            }
            s = e;
        }
    }
    runs
}

/// What a run's records are read from: the non-blank lines (`nb`, document lines) and their
/// field keys, by non-blank index.
struct Shape<'a> {
    doc: &'a Document,
    out: &'a [Verdict],
    nb: &'a [usize],
    keys: &'a [Option<u64>],
    ruled: &'a [bool],
    in_thread: &'a [bool],
}

impl Shape<'_> {
    /// How many field labels the records of non-blank lines `start..end` (each `period` long)
    /// share: labels that at least two of them hold, at a line's start or inside it.
    fn fields(&self, start: usize, end: usize, period: usize, constant: &[bool]) -> usize {
        // (label, record it was last seen in, records seen in)
        let mut seen: Vec<(u64, usize, usize)> = Vec::new();
        for k in (start..end).filter(|&k| !constant[(k - start) % period]) {
            let record = (k - start) / period;
            for_field_labels(self.doc.line(self.nb[k]), |key| {
                match seen.iter_mut().find(|(label, ..)| *label == key) {
                    Some((_, last, n)) if *last != record => {
                        *last = record;
                        *n += 1;
                    }
                    Some(_) => {}
                    None => seen.push((key, record, 1)),
                }
            });
        }
        seen.iter().filter(|&&(_, _, n)| n >= 2).count()
    }

    /// Non-blank lines `a` and `b` hold the same text (not a line of marks alone).
    fn same_text(&self, a: usize, b: usize) -> bool {
        let (a, b) = (self.doc.info(self.nb[a]), self.doc.info(self.nb[b]));
        a.key_words > 0 && a.key == b.key
    }

    /// Non-blank line `x` fills the slot that `y` fills in one record and `z` in the next: the
    /// same text where `y` and `z` hold the same (a button), else the same field label or none;
    /// and it is no line a rule removes, of the comment thread or chrome-shaped (a menu's entry
    /// next to a run's first title).
    fn fills(&self, x: Option<usize>, y: usize, z: usize) -> bool {
        let Some(x) = x.filter(|&x| x < self.nb.len()) else {
            return false;
        };
        let i = self.nb[x];
        if self.in_thread.get(i).copied().unwrap_or(false)
            || self.ruled.get(i).copied().unwrap_or(false)
            || chrome_shaped(&self.out[i].features)
        {
            return false;
        }
        if self.same_text(y, z) {
            self.same_text(x, y)
        } else {
            self.keys[x] == self.keys[y]
        }
    }

    /// The run of records anchored at non-blank lines `at` (at least [`MIN_RECORDS`], each
    /// `period` after the one before), or `None` when it is no run: its records take the lines
    /// above the first anchor and below the last that fill the slots the records between hold
    /// there; at least half of them carry a line of prose outside the slots of one text.
    fn run(&self, at: &[usize], period: usize) -> Option<RecordRun> {
        let &[first, second, third, ..] = at else {
            return None;
        };
        let &[.., third_last, second_last, last] = at else {
            return None;
        };
        let mut lead = 0;
        while lead + 1 < period
            && self.fills(
                first.checked_sub(lead + 1),
                second - lead - 1,
                third - lead - 1,
            )
        {
            lead += 1;
        }
        let mut trail = 0;
        while lead + trail + 1 < period
            && self.fills(
                Some(last + trail + 1),
                second_last + trail + 1,
                third_last + trail + 1,
            )
        {
            trail += 1;
        }
        let start = first - lead;
        let end = last + trail + 1;
        if (start..end).any(|k| self.in_thread.get(self.nb[k]).copied().unwrap_or(false)) {
            return None;
        }
        // a slot of one text in every record that has it
        let constant: Vec<bool> = (0..period)
            .map(|slot| {
                let mut lines = (start + slot..end).step_by(period);
                lines.next().is_some_and(|one| {
                    let mut rest = lines.peekable();
                    rest.peek().is_some() && rest.all(|k| self.same_text(one, k))
                })
            })
            .collect();
        let prose = |k: usize| matches!(self.out[self.nb[k]].class, Class::Good | Class::NearGood);
        let records = at.len();
        let with_prose = (0..records)
            .filter(|r| {
                let from = start + r * period;
                (from..(from + period).min(end))
                    .any(|k| !constant[(k - start) % period] && prose(k))
            })
            .count();
        if 2 * with_prose < records || self.fields(start, end, period, &constant) < MIN_FIELDS {
            return None;
        }
        let data = (start..end)
            .filter(|&k| !constant[(k - start) % period])
            .map(|k| self.nb[k])
            .collect();
        Some(RecordRun {
            span: self.nb[start]..self.nb[end - 1] + 1,
            data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::classifier::{classify, Params};
    use crate::rules::Strictness;

    /// The lines of `text` the classifier keeps.
    fn kept(text: &str) -> Vec<String> {
        let doc = Document::from_text(text.to_string(), 1, 0);
        let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
        (0..doc.n_lines())
            .filter(|&i| !doc.is_blank(i) && v[i].remove.is_none())
            .map(|i| doc.line(i).to_string())
            .collect()
    }

    const BOARD: &str = "Jobs | Post a job | Sign in\n\nResults 1 - 4 of 4\n\
        Harbour Pilot\n\
        Job type: Full time | Pay: $31.00/hour    Bay Port Authority    ME - Bath\n\
        The port authority needs a licensed pilot to bring cargo ships safely up the river to the quays in all weathers...\n\
        Night Baker\n\
        Job type: Part time | Pay: $17.50/hour    Crust & Crumb    ME - Bath\n\
        Our bakery is looking for someone who likes early mornings to bake the bread and rolls for the shop and the cafes...\n\
        Ferry Deckhand\n\
        Job type: Seasonal | Pay: $16.00/hour    Island Lines    ME - Rockland\n\
        Help the crew moor the ferry, guide the cars on board and keep the decks clean on the crossings to the islands...\n\
        Net Mender\n\
        Job type: Full time | Pay: $19.00/hour    Coastal Gear Co    ME - Bath\n\
        Repair the fishing nets of the local fleet in our workshop by the harbour; we will teach you the knots you need...\n\
        \nAbout us | Privacy | Terms\n";

    #[test]
    fn a_job_board_s_ads_stay_whole_with_their_titles_and_field_rows() {
        let kept = kept(BOARD);
        for line in [
            "Harbour Pilot",
            "Night Baker",
            "Ferry Deckhand",
            "Net Mender",
        ] {
            assert!(kept.iter().any(|k| k == line), "{line} lost: {kept:?}");
        }
        assert_eq!(
            kept.iter().filter(|k| k.starts_with("Job type:")).count(),
            4
        );
        assert!(!kept.iter().any(|k| k.contains("Privacy")));
    }

    #[test]
    fn records_need_two_shared_labels_a_datum_and_no_date_label() {
        // one label per record (a teaser list's source), a date's label
        for (from, to) in [(" | Pay: ", " at "), ("Job type: ", "Posted on: ")] {
            let text = BOARD.replace(from, to);
            let doc = Document::from_text(text, 1, 0);
            let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
            let n = doc.n_lines();
            let runs = record_runs(&doc, &v, &vec![false; n], &vec![false; n]);
            assert!(runs.is_empty(), "{from} -> {to}: {runs:?}");
        }
        let doc = Document::from_text(BOARD.to_string(), 1, 0);
        let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
        let n = doc.n_lines();
        let runs = record_runs(&doc, &v, &vec![false; n], &vec![false; n]);
        assert!(!runs.is_empty());
        // a comment thread's lines are no record's
        assert!(record_runs(&doc, &v, &vec![false; n], &vec![true; n]).is_empty());
    }

    #[test]
    fn field_labels_are_a_few_capitalised_words_before_a_colon_and_a_value() {
        let key = |line: &str| field_key(line).is_some();
        assert!(key("Distance: 172 km"));
        assert!(key("Job type: Full time | Pay: $12.00/hour"));
        assert!(key("* Price: 12 EUR"));
        assert!(key("1998 Winner: Jan Novak"));
        assert!(key("Ort： Berlin"));
        // a clock time, a link, no value, a sentence before the colon, a lowercase label
        assert!(!key("Doors open 19:30 sharp"));
        assert!(!key("Source:http://example.org"));
        assert!(!key("Tags: |"));
        assert!(!key("Here are the results of the day: a draw"));
        assert!(!key("note: bring water"));
        assert!(!key("$ 12: price"));
        // the year a label opens with is no part of its key
        assert_eq!(field_key("1998 Winner: A"), field_key("1997 Winner: B"));
        assert_ne!(field_key("Distance: 3 km"), field_key("Course: flat"));
    }
}
