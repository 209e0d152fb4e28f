//! User patterns from `deboil.toml` as rules: a literal or a regex, matched per line, removing
//! the line, its block (to the next blank line) or everything to the end of the document.

use regex::Regex;

use super::{Category, Rule, RuleMeta};
use crate::config::{PatternSpec, Scope};
use crate::doc::{Document, Removal};

/// A literal as lines are matched against it: normalised as reading normalises every line
/// (so `Read  more` with two spaces, or with a no-break space, still matches `Read more`; a wide
/// gap is a space), then lowercased. Whitespace at either end stays one space, as it would be
/// inside a line: ` ad ` finds the word `ad` between two others, not the letters of `read` (a
/// line's own ends have no space: a regex with `\b` finds a word there too). Empty when the
/// literal holds nothing reading keeps.
pub fn literal_key(literal: &str) -> String {
    let core = crate::input::normalize::normalize(literal)
        .replace('\t', " ")
        .to_lowercase();
    if core.is_empty() {
        return core;
    }
    let edge = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let mut key = String::with_capacity(core.len() + 2);
    if edge(literal.chars().next()) {
        key.push(' ');
    }
    key.push_str(&core);
    if edge(literal.chars().next_back()) {
        key.push(' ');
    }
    key
}

/// Why regex `hir` can never match a line as reading leaves it, if it cannot: it needs a
/// character reading never leaves in a line (a tab, a no-break or other special space, a line
/// break, a zero-width or control character) or two spaces in a row (`\s\s`, `  `), where
/// every alternative it has needs one. Lines hold single plain spaces: write ` ` or `\s`.
pub fn never_in_a_line(hir: &regex_syntax::hir::Hir) -> Option<String> {
    use regex_syntax::hir::{Class, HirKind};
    let impossible = |c: char| {
        (c.is_whitespace() && c != ' ')
            || c.is_control()
            || crate::input::normalize::is_zero_width(c)
    };
    // whether `h` matches only whitespace, one character of it
    let one_space = |h: &regex_syntax::hir::Hir| match h.kind() {
        HirKind::Literal(l) => l.0.as_ref() == b" ",
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(char::is_whitespace)),
        HirKind::Class(Class::Bytes(c)) => c
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii_whitespace())),
        _ => false,
    };
    match hir.kind() {
        HirKind::Literal(l) => {
            let text = String::from_utf8_lossy(&l.0);
            if let Some(c) = text.chars().find(|&c| impossible(c)) {
                return Some(format!("it needs {c:?}"));
            }
            text.contains("  ")
                .then(|| "it needs two spaces in a row".to_string())
        }
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(impossible))
            .then(|| format!("it needs one of {:?}", c.ranges()[0].start())),
        HirKind::Repetition(r) if r.min >= 2 && one_space(&r.sub) => {
            Some("it needs two spaces in a row".into())
        }
        HirKind::Repetition(r) if r.min >= 1 => never_in_a_line(&r.sub),
        HirKind::Capture(c) => never_in_a_line(&c.sub),
        HirKind::Concat(parts) => parts.iter().find_map(never_in_a_line).or_else(|| {
            parts
                .windows(2)
                .any(|w| one_space(&w[0]) && one_space(&w[1]))
                .then(|| "it needs two spaces in a row".to_string())
        }),
        HirKind::Alternation(alts) => {
            let why: Vec<String> = alts.iter().filter_map(never_in_a_line).collect();
            (why.len() == alts.len()).then(|| why.join(", or "))
        }
        _ => None,
    }
}

/// A compiled user pattern.
pub struct UserPattern {
    meta: RuleMeta,
    matcher: Matcher,
    scope: Scope,
}

enum Matcher {
    /// Its key ([`literal_key`]), and when built with the configuration's other literals
    /// ([`UserPattern::all`]), the set that finds them all and its number there.
    Literal(String, Option<(std::sync::Arc<LiteralSet>, u32)>),
    Regex(Regex),
}

/// Every literal of a configuration in one automaton: a document's lines are scanned once for
/// all of them (on the first literal pattern's check), not once per pattern, so a file of two
/// thousand literals costs about what one does.
pub struct LiteralSet {
    automaton: aho_corasick::AhoCorasick,
}

impl LiteralSet {
    fn new(keys: &[&str]) -> Result<LiteralSet, String> {
        // the keys are lowercase; ASCII lines are scanned as they are, other lines lowercased
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(keys)
            .map_err(|e| format!("the literals do not compile together: {e}"))?;
        Ok(LiteralSet { automaton })
    }

    /// The lines of `doc` that hold literal `k`, in order. Every literal's lines are found by
    /// the first call on a document and kept with it.
    fn lines_of(self: &std::sync::Arc<Self>, doc: &Document, k: u32) -> Vec<usize> {
        let me = std::sync::Arc::as_ptr(self) as usize;
        let (found_by, hits) = doc.literal_hits.get_or_init(|| (me, self.scan(doc)));
        let of = |hits: &[(u32, u32)]| {
            let from = hits.partition_point(|&(p, _)| p < k);
            let to = hits.partition_point(|&(p, _)| p <= k);
            hits[from..to]
                .iter()
                .map(|&(_, line)| line as usize)
                .collect()
        };
        if *found_by == me {
            of(hits)
        } else {
            // another configuration's set scanned this document first (never in a run, which
            // has one set): scan it again for this one
            of(&self.scan(doc))
        }
    }

    fn scan(&self, doc: &Document) -> Vec<(u32, u32)> {
        let mut hits = Vec::new();
        let mut lower;
        for i in 0..doc.n_lines() {
            if doc.is_blank(i) {
                continue;
            }
            let line = doc.line(i);
            let hay = if line.is_ascii() {
                line
            } else {
                // as a literal alone lowercases (a final sigma too)
                lower = line.to_lowercase();
                lower.as_str()
            };
            for m in self.automaton.find_overlapping_iter(hay) {
                hits.push((m.pattern().as_u32(), i as u32));
            }
        }
        // a literal found twice on one line is one hit
        hits.sort_unstable();
        hits.dedup();
        hits
    }
}

impl UserPattern {
    /// Compiles pattern number `index` (0-based; its code is `U{index+1:03}`) of the
    /// configuration file `file` (named in its default description). Metadata strings are
    /// leaked once per pattern so removals can carry `&'static str` like built-in rules.
    pub fn new(index: usize, spec: &PatternSpec, file: &str) -> Result<UserPattern, String> {
        let matcher = match (&spec.literal, &spec.regex) {
            (Some(l), None) => Matcher::Literal(literal_key(l), None),
            (None, Some(r)) => Matcher::Regex(Regex::new(r).map_err(|e| e.to_string())?),
            _ => {
                return Err(format!(
                    "pattern {}: give exactly one of `literal` or `regex`",
                    spec.name
                ))
            }
        };
        let code: &'static str = Box::leak(format!("U{:03}", index + 1).into_boxed_str());
        let name: &'static str = Box::leak(spec.name.clone().into_boxed_str());
        let what = match &matcher {
            Matcher::Literal(key, _) => {
                let written = spec.literal.as_deref().unwrap_or_default();
                // what reading makes of it, where that is more than its case
                let read = if *key == written.to_lowercase() {
                    String::new()
                } else {
                    format!(" (read as {key:?})")
                };
                format!("the literal {written:?}{read} anywhere in a line, in any case")
            }
            Matcher::Regex(r) => format!("the regex {:?} in a line", r.as_str()),
        };
        let removes = match spec.scope {
            Scope::Line => "the matching line",
            Scope::Block => "the matching line and the lines after it to the next blank line",
            Scope::ToEnd => "the matching line and everything after it",
        };
        let description = spec
            .description
            .clone()
            .unwrap_or_else(|| format!("User pattern `{}` from {file}.", spec.name));
        let doc: &'static str = Box::leak(
            format!("{description}\n\nMatches {what}; removes {removes}.").into_boxed_str(),
        );
        Ok(UserPattern {
            meta: RuleMeta {
                code,
                name,
                category: Category::User,
                doc,
            },
            matcher,
            scope: spec.scope,
        })
    }

    /// Patterns `specs` (all of a configuration file, numbered from U001), their literals
    /// found together ([`LiteralSet`]). An error names the pattern's number (0-based).
    pub fn all(specs: &[PatternSpec], file: &str) -> Result<Vec<UserPattern>, (usize, String)> {
        let mut patterns = specs
            .iter()
            .enumerate()
            .map(|(i, spec)| UserPattern::new(i, spec, file).map_err(|e| (i, e)))
            .collect::<Result<Vec<_>, _>>()?;
        let keys: Vec<&str> = patterns
            .iter()
            .filter_map(|p| match &p.matcher {
                Matcher::Literal(key, _) => Some(key.as_str()),
                Matcher::Regex(_) => None,
            })
            .collect();
        if keys.is_empty() {
            return Ok(patterns);
        }
        let set = std::sync::Arc::new(LiteralSet::new(&keys).map_err(|e| (0, e))?);
        let mut n = 0;
        for p in &mut patterns {
            if let Matcher::Literal(_, shared) = &mut p.matcher {
                *shared = Some((set.clone(), n));
                n += 1;
            }
        }
        Ok(patterns)
    }

    /// The lines of `doc` this pattern matches, in order.
    fn matching_lines<'d>(&'d self, doc: &'d Document) -> Box<dyn Iterator<Item = usize> + 'd> {
        let lines = (0..doc.n_lines()).filter(|&i| !doc.is_blank(i));
        match &self.matcher {
            Matcher::Literal(_, Some((set, k))) => Box::new(set.lines_of(doc, *k).into_iter()),
            // literals match case-insensitively anywhere in the line
            Matcher::Literal(key, None) => {
                Box::new(lines.filter(|&i| doc.line(i).to_lowercase().contains(key.as_str())))
            }
            Matcher::Regex(r) => Box::new(lines.filter(|&i| r.is_match(doc.line(i)))),
        }
    }
}

impl Rule for UserPattern {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let n = doc.n_lines();
        // the end of the last removal: a match inside it is part of it
        let mut done = 0;
        for i in self.matching_lines(doc) {
            if i < done {
                continue;
            }
            let end = match self.scope {
                Scope::Line => i + 1,
                Scope::Block => (i + 1..n).find(|&k| doc.is_blank(k)).unwrap_or(n),
                Scope::ToEnd => n,
            };
            out.push(Removal::lines(&self.meta, i..end));
            done = end;
            if done == n {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The removals of the file's first pattern on `text`, the same alone and built with the
    /// file's other patterns (its literal found by the shared set).
    fn run(spec: &str, text: &str) -> Vec<std::ops::Range<usize>> {
        let c = crate::config::Config::parse(spec).unwrap();
        let removals = |p: &UserPattern| {
            let doc = Document::from_text(text.into(), 1, 0);
            let mut out = Vec::new();
            p.check(&doc, &mut out);
            out.into_iter().map(|r| r.lines).collect::<Vec<_>>()
        };
        let alone = removals(&UserPattern::new(0, &c.patterns[0], "deboil.toml").unwrap());
        let together = removals(&UserPattern::all(&c.patterns, "deboil.toml").unwrap()[0]);
        assert_eq!(alone, together, "{spec}");
        alone
    }

    #[test]
    fn regexes_that_no_line_can_match_are_named() {
        let why = |re: &str| never_in_a_line(&regex_syntax::parse(re).unwrap());
        for (re, said) in [
            ("^Share\tTweet", "it needs '\\t'"),
            ("^Read\u{a0}more", "it needs '\\u{a0}'"),
            (r"^Read\s\smore", "two spaces in a row"),
            (r"^Read  more", "two spaces in a row"),
            (r"Read\s{2,}more", "two spaces in a row"),
            (r"(a\tb|c\u{200b}d)", "it needs"),
            (r"^x[\t\n]y", "it needs one of"),
        ] {
            let w = why(re);
            assert!(
                w.as_deref().is_some_and(|w| w.contains(said)),
                "{re}: {w:?}"
            );
        }
        for re in [
            r"^Read\s+more",
            "^Read more",
            r"a\tb|c",
            r"x\s?y",
            r"(?i)share\s*tweet",
            r"\s",
        ] {
            assert_eq!(why(re), None, "{re}");
        }
    }

    /// Literals found together by one automaton match as each alone does: overlapping ones,
    /// one inside another, several on one line, non-ASCII lines in any case.
    #[test]
    fn literals_found_together_match_as_alone() {
        let literals = ["read more", "more", "ad ", "straße", "ÉTÉ", "é", "zz never"];
        let toml: String = literals
            .iter()
            .enumerate()
            .map(|(i, l)| format!("[[pattern]]\nname = \"p{i}\"\nliteral = \"{l}\"\n"))
            .collect();
        let c = crate::config::Config::parse(&toml).unwrap();
        let together = UserPattern::all(&c.patterns, "deboil.toml").unwrap();
        let text = "READ MORE here\nno match\n\nEin Tag an der STRASSE\nDie Straße im Été\n\
                    bad more\né";
        let doc = Document::from_text(text.into(), 1, 0);
        for (i, p) in together.iter().enumerate() {
            let alone = UserPattern::new(i, &c.patterns[i], "deboil.toml").unwrap();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            alone.check(&doc, &mut a);
            p.check(&doc, &mut b);
            let lines = |v: Vec<Removal>| v.into_iter().map(|r| r.lines).collect::<Vec<_>>();
            let (a, b) = (lines(a), lines(b));
            assert_eq!(a, b, "{}", literals[i]);
            // the lines each literal is found on
            let expected: &[usize] = match i {
                0 => &[0],
                1 => &[0, 5],
                2 => &[0, 5],
                3 | 4 => &[4],
                5 => &[4, 6],
                _ => &[],
            };
            let found: Vec<usize> = a.iter().map(|r| r.start).collect();
            assert_eq!(found, expected, "{}", literals[i]);
        }
    }

    #[test]
    fn scopes() {
        let text = "a\nBuy now x\nb\n\nc\nd";
        let lit = "[[pattern]]\nname = \"p\"\nliteral = \"buy NOW\"\n";
        assert_eq!(run(lit, text), vec![1..2]);
        assert_eq!(run(&format!("{lit}scope = \"block\"\n"), text), vec![1..3]);
        assert_eq!(run(&format!("{lit}scope = \"to-end\"\n"), text), vec![1..6]);
        assert_eq!(
            run("[[pattern]]\nname = \"p\"\nregex = \"^c$\"\n", text),
            vec![4..5]
        );
    }

    /// A literal is normalised as lines are: two spaces or a no-break space in it still match
    /// the single space reading leaves; one of only dropped characters is refused.
    #[test]
    fn literals_are_normalised_like_lines() {
        let text = "a\nRead more here\nb";
        for literal in ["Read  more", "read\u{a0}more", "Read\tmore"] {
            let toml = format!("[[pattern]]\nname = \"p\"\nliteral = \"{literal}\"\n");
            assert_eq!(run(&toml, text), vec![1..2], "{literal:?}");
        }
        // spaces at a literal's ends are part of it: a word, not the letters of other words
        let text = "Headline\nread aloud\nan ad here\nad at the start\nbad news";
        let toml = "[[pattern]]\nname = \"p\"\nliteral = \" AD \"\n";
        assert_eq!(run(toml, text), vec![2..3]);
        let toml = "[[pattern]]\nname = \"p\"\nliteral = \"ad\\u00a0\"\n";
        assert_eq!(run(toml, text), vec![1..2, 2..3, 3..4, 4..5]);
        assert_eq!(literal_key("\tRead  more\u{a0}"), " read more ");
        assert_eq!(literal_key("ad"), "ad");
        // `explain` shows the literal as read where reading changed more than its case
        let explained = |literal: &str| {
            let toml = format!("[[pattern]]\nname = \"p\"\nliteral = \"{literal}\"\n");
            let c = crate::config::Config::parse(&toml).unwrap();
            UserPattern::new(0, &c.patterns[0], "deboil.toml")
                .unwrap()
                .meta
                .doc
        };
        assert!(explained("Read  More").contains(r#""Read  More" (read as "read more")"#));
        assert!(explained("Read More").contains(r#""Read More" anywhere"#));
        // TOML's own escape for a zero-width space
        let toml = "[[pattern]]\nname = \"p\"\nliteral = \"\\u200b\"\n";
        let err = crate::config::Config::parse(toml).unwrap_err();
        assert!(err.contains("could never match"), "{err}");
    }
}
