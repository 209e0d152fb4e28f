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

/// A compiled user pattern.
pub struct UserPattern {
    meta: RuleMeta,
    matcher: Matcher,
    scope: Scope,
}

enum Matcher {
    Literal(String),
    Regex(Regex),
}

impl UserPattern {
    /// Compiles pattern number `index` (0-based; its code is `U{index+1:03}`) of the
    /// configuration file `file` (named in its default description). Metadata strings are
    /// leaked once per pattern so removals can carry `&'static str` like built-in rules.
    pub fn new(index: usize, spec: &PatternSpec, file: &str) -> Result<UserPattern, String> {
        let matcher = match (&spec.literal, &spec.regex) {
            (Some(l), None) => Matcher::Literal(literal_key(l)),
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
            Matcher::Literal(key) => {
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

    fn is_match(&self, line: &str) -> bool {
        match &self.matcher {
            // literals match case-insensitively anywhere in the line
            Matcher::Literal(l) => line.to_lowercase().contains(l.as_str()),
            Matcher::Regex(r) => r.is_match(line),
        }
    }
}

impl Rule for UserPattern {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let n = doc.n_lines();
        let mut i = 0;
        while i < n {
            if doc.is_blank(i) || !self.is_match(doc.line(i)) {
                i += 1;
                continue;
            }
            let end = match self.scope {
                Scope::Line => i + 1,
                Scope::Block => (i + 1..n).find(|&k| doc.is_blank(k)).unwrap_or(n),
                Scope::ToEnd => n,
            };
            out.push(Removal::lines(&self.meta, i..end));
            i = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(spec: &str, text: &str) -> Vec<std::ops::Range<usize>> {
        let c = crate::config::Config::parse(spec).unwrap();
        let p = UserPattern::new(0, &c.patterns[0], "deboil.toml").unwrap();
        let doc = Document::from_text(text.into(), 1, 0);
        let mut out = Vec::new();
        p.check(&doc, &mut out);
        out.into_iter().map(|r| r.lines).collect()
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
            UserPattern::new(0, &c.patterns[0], "deboil.toml").unwrap().meta.doc
        };
        assert!(explained("Read  More").contains(r#""Read  More" (read as "read more")"#));
        assert!(explained("Read More").contains(r#""Read More" anywhere"#));
        // TOML's own escape for a zero-width space
        let toml = "[[pattern]]\nname = \"p\"\nliteral = \"\\u200b\"\n";
        let err = crate::config::Config::parse(toml).unwrap_err();
        assert!(err.contains("could never match"), "{err}");
    }
}
