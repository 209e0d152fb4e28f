//! Whole records repeated (D004): a record whose articles' normalised text is that of an
//! earlier record of the corpus loses every line, short ones included, pointing at the first
//! copy that was written. A first copy that comes out empty (its lines all removed as repeats
//! of a third record, or as chrome) is not one to point at: its copies go through paragraph
//! dedup like it did, and their removals name what was kept. Records are compared by an xxh3-128 hash, in input order (the corpus stage's serial
//! thread), so the first copy is kept at any thread count. Memory: per distinct record its
//! hash, id and record line (about 40 bytes plus the id), inputs stored once per run of
//! records from them.

use rustc_hash::FxHashMap;

use crate::doc::{Document, KeptRef, Removal};
use crate::rules::stage_codes::DuplicateRecord;

/// The records seen so far, by text hash: each first copy's id, input and record line.
#[derive(Debug, Default)]
pub struct RecordCopies {
    seen: FxHashMap<u128, u32>,
    originals: Vec<(Box<str>, u32, u32)>,
    sources: Vec<Box<str>>,
}

impl RecordCopies {
    /// Marks the record `id` (read from `source` at `source_line`, split into `docs`) when it
    /// repeats an earlier one that was written: each document's removals become one D004
    /// removal of all its lines, pointing at the same part of the first copy. A record whose
    /// `removals` take every line is not remembered as a copy to keep. Records must come in
    /// input order.
    pub fn mark(
        &mut self,
        id: &str,
        source: &str,
        source_line: usize,
        docs: &[Document],
        removals: &mut [Vec<Removal>],
    ) {
        if docs.is_empty() {
            return;
        }
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for d in docs {
            h.update(&(d.text.len() as u64).to_le_bytes());
            h.update(d.text.as_bytes());
        }
        let next = self.originals.len() as u32;
        let digest = h.digest128();
        let Some(&at) = self.seen.get(&digest) else {
            // a record that comes out empty is no kept copy to point at
            if docs
                .iter()
                .zip(removals.iter())
                .all(|(d, rm)| all_removed(d, rm))
            {
                return;
            }
            self.seen.insert(digest, next);
            if self.sources.last().map(|s| &**s) != Some(source) {
                self.sources.push(source.into());
            }
            let source = (self.sources.len() - 1) as u32;
            self.originals.push((id.into(), source, source_line as u32));
            return;
        };
        let (kept_id, kept_source, kept_line) = &self.originals[at as usize];
        for (d, rm) in docs.iter().zip(removals.iter_mut()) {
            rm.clear();
            let mut r = Removal::lines(&DuplicateRecord::META, 0..d.n_lines());
            r.note = Some(format!("the whole record repeats record {kept_id:?}"));
            r.kept = Some(Box::new(KeptRef {
                id: kept_id.to_string(),
                source: self.sources[*kept_source as usize].to_string(),
                record_line: *kept_line as usize,
                part: d.part,
                // the kept part's first paragraph: the same text, so the same line as here
                para: 0,
                line: d.input_line((0..d.n_lines()).find(|&i| !d.is_blank(i)).unwrap_or(0)),
                similarity: 1.0,
                diff: String::new(),
            }));
            rm.push(r);
        }
    }
}

/// Whether `removals` take every non-blank line of `doc` whole.
fn all_removed(doc: &Document, removals: &[Removal]) -> bool {
    let gone = crate::doc::lines_removed(doc.n_lines(), removals);
    (0..doc.n_lines()).all(|i| gone[i] || doc.is_blank(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(text: &str) -> Vec<Document> {
        vec![Document::from_text(text.to_string(), 1, 0)]
    }

    #[test]
    fn a_repeated_record_loses_every_line_to_its_first_copy() {
        let mut c = RecordCopies::default();
        // blank lines first: the kept line is the first paragraph's, not a blank one
        let text = "\n\nTitle\n\nA body line.\nBy Staff";
        let (a, b, other) = (docs(text), docs(text), docs("Title\n\nAnother body."));
        let mut ra = vec![vec![]];
        c.mark("a", "in.jsonl", 1, &a, &mut ra);
        assert!(ra[0].is_empty());
        let mut rb = vec![vec![Removal::line(&DuplicateRecord::META, 0)]];
        c.mark("b", "in.jsonl", 2, &b, &mut rb);
        assert_eq!(rb[0].len(), 1);
        let r = &rb[0][0];
        assert_eq!((r.code, r.lines.clone()), ("D004", 0..b[0].n_lines()));
        let kept = r.kept.as_ref().unwrap();
        assert_eq!((kept.id.as_str(), kept.record_line), ("a", 1));
        assert_eq!((kept.para, kept.line), (0, 3));
        let mut ro = vec![vec![]];
        c.mark("c", "in.jsonl", 3, &other, &mut ro);
        assert!(ro[0].is_empty());
    }

    /// A first copy that comes out empty is not pointed at: its copy keeps the removals that
    /// name what was kept, and a later copy of a written record is still D004.
    #[test]
    fn a_copy_of_a_record_that_came_out_empty_is_left_to_paragraph_dedup() {
        let mut c = RecordCopies::default();
        let text = "Title\n\nA body line.";
        let (b, b2) = (docs(text), docs(text));
        let all = |d: &[Document]| {
            vec![vec![Removal::lines(
                &crate::rules::stage_codes::ExactDuplicate::META,
                0..d[0].n_lines(),
            )]]
        };
        let mut rb = all(&b);
        c.mark("b", "in.jsonl", 2, &b, &mut rb);
        let mut rb2 = all(&b2);
        c.mark("b2", "in.jsonl", 3, &b2, &mut rb2);
        assert_eq!(rb2[0][0].code, "D001", "not replaced by D004");
        // once a copy is written, the next one points at it
        let mut r3 = vec![vec![]];
        c.mark("b3", "in.jsonl", 4, &docs(text), &mut r3);
        assert!(r3[0].is_empty());
        let mut r4 = vec![vec![]];
        c.mark("b4", "in.jsonl", 5, &docs(text), &mut r4);
        assert_eq!(r4[0][0].code, "D004");
        assert_eq!(r4[0][0].kept.as_ref().unwrap().id, "b3");
    }

    #[test]
    fn articles_are_compared_with_their_boundaries() {
        let mut c = RecordCopies::default();
        let one = vec![Document::from_text("ab".into(), 1, 0)];
        let two = vec![
            Document::from_text("a".into(), 1, 0),
            Document::from_text("b".into(), 2, 1),
        ];
        let mut r1 = vec![vec![]];
        c.mark("x", "s", 1, &one, &mut r1);
        let mut r2 = vec![vec![], vec![]];
        c.mark("y", "s", 2, &two, &mut r2);
        assert!(r2.iter().all(Vec::is_empty));
    }
}
