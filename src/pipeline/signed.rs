//! What `deboil dedup sigs` signed, carried by `decide` to `apply`. A decisions file ends with
//! one closing line, `{"signed": {...}}`, that lists every input `sigs` read with how many
//! documents it signed there and a digest of their places and texts, and the settings they
//! were signed with. `decide` builds it while it checks that its signature lines form one run
//! (one scope, one near setting, one rule fingerprint, no document twice); `apply` checks its
//! input against it, so a document `sigs` never saw (an extra shard, a grown file, a record
//! that a reading flag kept or dropped), an input left out, or other dedup settings stop the
//! run, where before they left repeats in the output without a word.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::dedup::{DedupMode, DocSigs};
use crate::doc::Document;
use crate::error::Error;

/// The reading flags that decide which documents an input yields and what their text and ids
/// are: `sigs` and `apply` must be given the same ones.
pub const READING_FLAGS: &str = "--input-format, --text-field, --id-field, --max-record-bytes";

/// The dedup scope of a step, written as the flags that give it (`--dedup corpus`,
/// `--dedup corpus --no-boilerplate`): all three steps must run with the same.
pub fn scope_flags(mode: DedupMode, boilerplate: bool) -> String {
    let mode = match mode {
        DedupMode::None => "none",
        DedupMode::Doc => "doc",
        DedupMode::Corpus => "corpus",
    };
    let mut flags = format!("--dedup {mode}");
    if !boilerplate {
        flags.push_str(" --no-boilerplate");
    }
    flags
}

/// The closing line's content: what one `sigs` run (or several, one per shard) signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signed {
    /// Documents signed, in all.
    pub documents: u64,
    /// The scope the signatures were made and decided with ([`scope_flags`]).
    pub scope: String,
    /// Whether they carry near-duplicate signatures (no `--no-near`).
    pub near: bool,
    /// The rule settings they were made with (see [`DocSigs::rules_hash`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_hash: Option<u64>,
    /// Every input, in the order they were signed.
    pub sources: Vec<SignedSource>,
    /// What `decide` wrote: its decision lines and a digest over them and this line (see
    /// [`DecisionsDigest`]), so that `apply` refuses a decisions file edited since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Decided>,
}

/// The count and digest of a decisions file's lines, in its closing line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    pub lines: u64,
    pub digest: u64,
}

/// The digest of a decisions file: xxh3 over each decision line (with its newline) in order,
/// then over the closing line's content without its `decided` field. `decide` computes it while
/// writing, `apply` while reading. Over a signature run's lines alone, it is the digest of its
/// [`SigsEnd`] (`sigs` writing, `decide` reading).
#[derive(Default)]
pub struct DecisionsDigest {
    hasher: xxhash_rust::xxh3::Xxh3,
    lines: u64,
}

impl DecisionsDigest {
    pub fn line(&mut self, line: &[u8]) {
        self.hasher.update(line);
        self.hasher.update(b"\n");
        self.lines += 1;
    }

    /// The count and digest of the lines alone: a signature run's [`SigsEnd`].
    pub fn lines_only(self) -> SigsEnd {
        SigsEnd {
            documents: self.lines,
            digest: self.hasher.digest(),
        }
    }

    /// The digest, over the lines and `signed` (its `decided` field left out).
    pub fn finish(mut self, signed: &Signed) -> Decided {
        let mut bare = signed.clone();
        bare.decided = None;
        self.hasher
            .update(&serde_json::to_vec(&bare).unwrap_or_default());
        Decided {
            lines: self.lines,
            digest: self.hasher.digest(),
        }
    }
}

/// What one `sigs` run wrote, in the closing line of its output
/// (`{"sigs_end": {"documents": N, "digest": D}}`): how many signature lines come before it
/// since the run began, and [`DecisionsDigest`] over them. `decide` refuses a run without it or
/// whose lines do not fit it, so a signature file cut short at a line end (a partial copy from
/// another machine), or with lines dropped, added or edited, stops `decide` there, naming the
/// file, where it would otherwise stop `apply` with a message blaming the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigsEnd {
    pub documents: u64,
    pub digest: u64,
}

/// A signature run's closing line.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigsClosingLine {
    pub sigs_end: SigsEnd,
}

/// One input of a [`Signed`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignedSource {
    /// As `sigs` showed it (the `source` of its documents).
    pub source: String,
    pub documents: u64,
    /// [`fold`] over its documents, in order.
    pub digest: u64,
}

/// A decisions file's closing line.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosingLine {
    pub signed: Signed,
}

/// Adds one document (its record line, part and text hash) to an input's digest.
pub fn fold(digest: u64, source_line: usize, part: usize, text_hash: u64) -> u64 {
    let mut bytes = [0u8; 24];
    bytes[..8].copy_from_slice(&(source_line as u64).to_le_bytes());
    bytes[8..16].copy_from_slice(&(part as u64).to_le_bytes());
    bytes[16..].copy_from_slice(&text_hash.to_le_bytes());
    xxhash_rust::xxh3::xxh3_64_with_seed(&bytes, digest)
}

/// `decide`'s side: takes the signature lines in the order decided and refuses a set that is
/// not one run of `sigs` over distinct inputs.
#[derive(Debug)]
pub struct SignedBuilder {
    signed: Signed,
    index: HashMap<String, usize>,
    /// The last document added: its input's index, record line and part.
    last: Option<(usize, usize, usize)>,
    /// Where the first signature line came from (`file:line`), for settings that differ.
    first_at: String,
    /// The near-duplicate flags `decide` was given (see [`SignedBuilder::with_near_flags`]).
    near_flags: Vec<String>,
}

impl SignedBuilder {
    /// A builder for `decide` running with `scope` ([`scope_flags`]).
    pub fn new(scope: String) -> Self {
        SignedBuilder {
            signed: Signed {
                documents: 0,
                scope,
                near: true,
                rules_hash: None,
                decided: None,
                sources: Vec::new(),
            },
            index: HashMap::new(),
            last: None,
            first_at: String::new(),
            near_flags: Vec::new(),
        }
    }

    /// Refuses signatures made with `--no-near` when `decide` was given `flags`
    /// (`--near-threshold`, `--prefer`): they would have no effect on them.
    pub fn with_near_flags(mut self, flags: &[&str]) -> Self {
        self.near_flags = flags.iter().map(|f| f.to_string()).collect();
        self
    }

    /// Adds the signature line `s`, read at `at()` (`file:line`, composed only when needed).
    pub fn add(&mut self, s: &DocSigs, at: &dyn Fn() -> String) -> Result<(), Error> {
        let refuse = |why: String| Err(Error::Usage(format!("{}: {why}", at())));
        let scope = s
            .scope
            .as_deref()
            .unwrap_or("(none recorded: an older deboil)");
        if scope != self.signed.scope {
            return refuse(format!(
                "signed with `{scope}`, but `decide` runs with `{}`: give `sigs`, `decide` and \
                 `apply` the same --dedup and --no-boilerplate flags",
                self.signed.scope
            ));
        }
        if self.signed.documents == 0 {
            if !s.near && !self.near_flags.is_empty() {
                return refuse(format!(
                    "signed with --no-near, so {} {} no effect: leave {} out, or sign again \
                     without --no-near",
                    self.near_flags.join(" and "),
                    if self.near_flags.len() == 1 {
                        "has"
                    } else {
                        "have"
                    },
                    if self.near_flags.len() == 1 {
                        "it"
                    } else {
                        "them"
                    },
                ));
            }
            self.signed.near = s.near;
            self.signed.rules_hash = s.rules_hash;
            self.first_at = at();
        } else if s.near != self.signed.near {
            let with = |near: bool| if near { "without" } else { "with" };
            return refuse(format!(
                "signed {} --no-near, but {} was signed {} it: sign every shard with the same \
                 flags",
                with(s.near),
                self.first_at,
                with(self.signed.near)
            ));
        } else if s.rules_hash != self.signed.rules_hash {
            return refuse(format!(
                "signed after other rule settings than {} (the rules selected, --strictness, \
                 the patterns of deboil.toml): sign every shard with the same rule flags and \
                 configuration",
                self.first_at
            ));
        }
        let (source, line, part) = (s.source.as_str(), s.source_line, s.part);
        let i = match (self.last, self.index.get(source)) {
            (Some((last_i, last_line, last_part)), Some(&i)) if i == last_i => {
                if (line, part) <= (last_line, last_part) {
                    return refuse(format!(
                        "{source}:{line} part {part} comes after {source}:{last_line} part \
                         {last_part}: the same input signed twice, or signature lines out of \
                         order; give each shard's signatures once, in input order"
                    ));
                }
                i
            }
            (_, Some(_)) => {
                return refuse(format!(
                    "{source} was signed before, in an earlier signature file or line: the \
                     same input signed twice; give each shard's signatures once, in input order"
                ))
            }
            (_, None) => {
                self.index
                    .insert(source.to_string(), self.signed.sources.len());
                self.signed.sources.push(SignedSource {
                    source: source.to_string(),
                    documents: 0,
                    digest: 0,
                });
                self.signed.sources.len() - 1
            }
        };
        let entry = &mut self.signed.sources[i];
        entry.documents += 1;
        entry.digest = fold(entry.digest, line, part, s.text_hash.unwrap_or(0));
        self.signed.documents += 1;
        self.last = Some((i, line, part));
        Ok(())
    }

    pub fn finish(self) -> Signed {
        self.signed
    }
}

/// `apply`'s side: counts the documents of its input by source and compares them, input by
/// input, with what was signed.
#[derive(Debug)]
pub struct SignedCheck<'a> {
    signed: &'a Signed,
    index: HashMap<&'a str, usize>,
    /// Per signed input: documents seen and their digest.
    seen: Vec<(u64, u64)>,
    /// The signed input of the last document counted.
    last: Option<usize>,
    /// The decisions file, for messages.
    file: String,
}

impl<'a> SignedCheck<'a> {
    pub fn new(signed: &'a Signed, file: String) -> Self {
        SignedCheck {
            index: signed
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.source.as_str(), i))
                .collect(),
            seen: vec![(0, 0); signed.sources.len()],
            last: None,
            signed,
            file,
        }
    }

    /// Refuses settings of `apply` other than those the decisions were made with: its
    /// `--dedup` scope (it takes no `--no-boilerplate`: learned boilerplate is decided) and its
    /// rule settings.
    pub fn settings(&self, mode: DedupMode, rules_hash: u64) -> Result<(), String> {
        let file = &self.file;
        let ours = scope_flags(mode, true);
        let decided: Vec<&str> = self.signed.scope.split(' ').take(2).collect();
        if decided.join(" ") != ours {
            return Err(format!(
                "{file}: decided with `{}`, but `apply` runs with `{ours}`: give `sigs`, \
                 `decide` and `apply` the same --dedup flag",
                self.signed.scope
            ));
        }
        if self.signed.rules_hash.is_some_and(|h| h != rules_hash) {
            return Err(format!(
                "{file}: decided after other rule settings than this run's (the rules selected, \
                 --strictness, the patterns of deboil.toml): its decisions address other \
                 paragraphs; give `apply` the rule flags and configuration `sigs` had"
            ));
        }
        Ok(())
    }

    /// Counts `doc` and returns the xxh3 of its text; a document of an input `sigs` did not
    /// read, or of an input that `sigs` read before the last one counted, is refused.
    pub fn doc(&mut self, doc: &Document) -> Result<u64, String> {
        let Some(&i) = self.index.get(doc.source.as_str()) else {
            return Err(self.not_signed(&doc.source));
        };
        if let Some(last) = self.last.filter(|&last| i < last) {
            return Err(format!(
                "{}: {} comes after {}, but `sigs` signed it before: give `apply` the inputs in \
                 the order `sigs` read them, and `decide` the signature files in that order too",
                self.file, doc.source, self.signed.sources[last].source
            ));
        }
        self.last = Some(i);
        let text = xxhash_rust::xxh3::xxh3_64(doc.text.as_bytes());
        let (n, digest) = &mut self.seen[i];
        *n += 1;
        *digest = fold(*digest, doc.source_line, doc.part, text);
        Ok(text)
    }

    fn not_signed(&self, source: &str) -> String {
        let name = |s: &str| {
            std::path::Path::new(s)
                .file_name()
                .map(|n| n.to_os_string())
        };
        let like: Vec<&str> = self
            .signed
            .sources
            .iter()
            .map(|s| s.source.as_str())
            .filter(|s| name(s) == name(source))
            .collect();
        let hint = match like.first() {
            Some(s) => {
                format!(" (`sigs` read {s}: name the inputs as `sigs` did, from the same folder)")
            }
            None => String::new(),
        };
        format!(
            "{}: {source} is not among the {} inputs `sigs` signed{hint}: its documents have \
             no signatures and would keep their repeats; give `apply` the inputs `sigs` read",
            self.file,
            self.signed.sources.len()
        )
    }

    /// After the last document: every signed input was read whole, as it was signed.
    pub fn finish(&self) -> Result<(), String> {
        for (s, &(n, digest)) in self.signed.sources.iter().zip(&self.seen) {
            let why = if n == 0 {
                format!(
                    "{} was signed ({} documents) but is not in this run's input",
                    s.source, s.documents
                )
            } else if n != s.documents {
                format!(
                    "{}: `sigs` signed {} documents, this run read {n}: the input changed since, \
                     or a reading flag ({READING_FLAGS}) differs",
                    s.source, s.documents
                )
            } else if digest != s.digest {
                format!(
                    "{}: the same number of documents as `sigs` signed, but not the same ones or \
                     not the same text: the input changed since `sigs` read it, or a reading \
                     flag ({READING_FLAGS}) differs",
                    s.source
                )
            } else {
                continue;
            };
            return Err(format!(
                "{}: {why}; give `apply` the inputs `sigs` read, with its reading flags, or run \
                 `sigs` and `decide` again",
                self.file
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(source: &str, line: usize, part: usize, text: u64) -> DocSigs {
        DocSigs {
            id: format!("{source}:{line}"),
            source: source.into(),
            source_line: line,
            part,
            seq: 0,
            group: 0,
            paras: vec![],
            all_keys: vec![],
            text_hash: Some(text),
            rules_hash: Some(7),
            scope: Some(scope_flags(DedupMode::Corpus, true)),
            near: true,
            headed: false,
        }
    }

    fn doc(source: &str, line: usize, part: usize, text: &str) -> Document {
        let mut d = Document::from_text(text.into(), 1, 0);
        d.part = part;
        d.source = source.into();
        d.source_line = line;
        d
    }

    fn h(text: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    }

    fn built(sigs: &[DocSigs]) -> Result<Signed, Error> {
        let mut b = SignedBuilder::new(scope_flags(DedupMode::Corpus, true));
        for (i, s) in sigs.iter().enumerate() {
            b.add(s, &|| format!("s.jsonl:{}", i + 1))?;
        }
        Ok(b.finish())
    }

    fn usage(e: Error) -> String {
        match e {
            Error::Usage(m) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_input_signed_passes_and_any_other_is_named() {
        let signed = built(&[
            sig("a", 1, 0, h("x")),
            sig("a", 1, 1, h("y")),
            sig("b", 2, 0, h("z")),
        ])
        .unwrap();
        assert_eq!(signed.documents, 3);
        assert_eq!(signed.sources.len(), 2);
        let check = |docs: &[Document]| -> Result<(), String> {
            let mut c = SignedCheck::new(&signed, "d.jsonl".into());
            for d in docs {
                c.doc(d)?;
            }
            c.finish()
        };
        let (a0, a1, b) = (
            doc("a", 1, 0, "x"),
            doc("a", 1, 1, "y"),
            doc("b", 2, 0, "z"),
        );
        check(&[a0.clone(), a1.clone(), b.clone()]).unwrap();
        // the inputs in another order than signed, whatever their decisions
        let e = check(&[b.clone(), a0.clone(), a1.clone()]).unwrap_err();
        assert!(
            e.contains("a comes after b, but `sigs` signed it before"),
            "{e}"
        );
        // an input `sigs` did not read, with a hint when only the spelling differs
        let e = check(&[a0.clone(), doc("./b", 2, 0, "z")]).unwrap_err();
        assert!(
            e.contains("./b is not among the 2 inputs `sigs` signed"),
            "{e}"
        );
        assert!(e.contains("`sigs` read b: name the inputs"), "{e}");
        // a document more, one fewer, one edited, an input left out
        let e = check(&[a0.clone(), a1.clone(), doc("a", 9, 0, "new"), b.clone()]).unwrap_err();
        assert!(
            e.contains("a: `sigs` signed 2 documents, this run read 3"),
            "{e}"
        );
        let e = check(&[a0.clone(), b.clone()]).unwrap_err();
        assert!(e.contains("this run read 1"), "{e}");
        let e = check(&[a0.clone(), doc("a", 1, 1, "edited"), b.clone()]).unwrap_err();
        assert!(e.contains("a: the same number of documents"), "{e}");
        let e = check(&[a0, a1]).unwrap_err();
        assert!(
            e.contains("b was signed (1 documents) but is not in this run's input"),
            "{e}"
        );
    }

    #[test]
    fn decide_refuses_signatures_that_are_not_one_run() {
        // the same input twice (a copied signature file), lines out of order
        let twice = [sig("a", 1, 0, 1), sig("b", 1, 0, 2), sig("a", 1, 0, 1)];
        let e = usage(built(&twice).unwrap_err());
        assert!(e.starts_with("s.jsonl:3: a was signed before"), "{e}");
        let back = [sig("a", 2, 0, 1), sig("a", 1, 0, 2)];
        let e = usage(built(&back).unwrap_err());
        assert!(e.contains("a:1 part 0 comes after a:2 part 0"), "{e}");
        // mixed settings
        let mut no_near = sig("b", 1, 0, 2);
        no_near.near = false;
        let e = usage(built(&[sig("a", 1, 0, 1), no_near]).unwrap_err());
        assert!(
            e.contains("s.jsonl:2: signed with --no-near, but s.jsonl:1"),
            "{e}"
        );
        let mut other_rules = sig("b", 1, 0, 2);
        other_rules.rules_hash = Some(8);
        let e = usage(built(&[sig("a", 1, 0, 1), other_rules]).unwrap_err());
        assert!(e.contains("other rule settings than s.jsonl:1"), "{e}");
        let mut other_scope = sig("a", 1, 0, 1);
        other_scope.scope = Some(scope_flags(DedupMode::None, true));
        let e = usage(built(&[other_scope]).unwrap_err());
        assert!(
            e.contains("signed with `--dedup none`, but `decide` runs with `--dedup corpus`"),
            "{e}"
        );
    }

    #[test]
    fn apply_refuses_other_settings() {
        let signed = built(&[sig("a", 1, 0, 1)]).unwrap();
        let c = SignedCheck::new(&signed, "d.jsonl".into());
        c.settings(DedupMode::Corpus, 7).unwrap();
        let e = c.settings(DedupMode::Doc, 7).unwrap_err();
        assert!(e.contains("decided with `--dedup corpus`, but `apply` runs with `--dedup doc`"));
        assert!(c.settings(DedupMode::Corpus, 8).is_err());
        // `apply` has no --no-boilerplate: decisions made without learned boilerplate fit it
        let mut b = SignedBuilder::new(scope_flags(DedupMode::Corpus, false));
        let mut s = sig("a", 1, 0, 1);
        s.scope = Some(scope_flags(DedupMode::Corpus, false));
        b.add(&s, &|| "s.jsonl:1".into()).unwrap();
        let signed = b.finish();
        let c = SignedCheck::new(&signed, "d.jsonl".into());
        c.settings(DedupMode::Corpus, 7).unwrap();
        assert!(c.settings(DedupMode::None, 7).is_err());
        assert_eq!(
            scope_flags(DedupMode::Corpus, false),
            "--dedup corpus --no-boilerplate"
        );
    }
}
