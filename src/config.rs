//! `deboil.toml`: rule selection, strictness and the user's own patterns.
//!
//! ```toml
//! select = ["ALL"]            # codes, code prefixes ("R0"), names or categories
//! ignore = ["R014"]
//! strictness = "normal"       # low | normal | high
//! keep_comments = false       # true: reader comments and forum replies stay
//!
//! [[pattern]]
//! name = "subscribe-box"      # kebab-case; reported as U001, U002, ... in file order
//! regex = "(?i)^subscribe to" # or: literal = "Subscribe to our newsletter"
//! scope = "block"             # line | block (to the next blank line) | to-end
//! ```
//!
//! Pattern names are unique; an empty literal or a regex matching the empty string is refused,
//! since it would match every line.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Error;
use crate::rules::Strictness;

/// Scope of a user pattern's removal, starting at the matching line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The matching line only.
    #[default]
    Line,
    /// The matching line and the lines after it up to the next blank line.
    Block,
    /// The matching line and everything after it to the end of the document.
    ToEnd,
}

/// A setting whose value is one of a few names (`strictness`, `scope`).
trait Names {
    /// The names, as the error for any other value lists them.
    const NAMES: &'static str;
}

impl Names for Scope {
    const NAMES: &'static str = "\"line\", \"block\" or \"to-end\"";
}

impl Names for Strictness {
    const NAMES: &'static str = "\"low\", \"normal\" or \"high\"";
}

/// Reads a name in quotes. serde's enum reading takes a table too, so a number or a bare word
/// said only "wanted string or table"; this says which names the setting takes.
fn quoted_name<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Names,
{
    struct NameVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de> + Names> serde::de::Visitor<'de> for NameVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "one of {} (in quotes)", T::NAMES)
        }
        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<T, E> {
            T::deserialize(serde::de::value::StrDeserializer::<E>::new(name))
        }
    }
    d.deserialize_str(NameVisitor(std::marker::PhantomData))
}

fn some_quoted_name<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Names,
{
    quoted_name(d).map(Some)
}

/// One user pattern as written in the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    pub name: String,
    pub literal: Option<String>,
    pub regex: Option<String>,
    #[serde(default, deserialize_with = "quoted_name")]
    pub scope: Scope,
    pub description: Option<String>,
}

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default, deserialize_with = "some_quoted_name")]
    pub strictness: Option<Strictness>,
    /// `keep_comments = true`: as `--keep-comments` (either turns it on).
    #[serde(default)]
    pub keep_comments: Option<bool>,
    #[serde(default, rename = "pattern")]
    pub patterns: Vec<PatternSpec>,
    /// The file it was loaded from (for errors about its contents).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// Reads and checks the file at `path`, named by `flag` (`--config`) when one gave it: a
    /// file that cannot be read is one line naming the flag and the path, without OS wording.
    pub fn load(path: &Path, flag: Option<&str>) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| match flag {
            Some(flag) => Error::flag_file(flag, path, &e),
            None => Error::Config {
                path: path.to_path_buf(),
                message: crate::error::io_reason(&e),
            },
        })?;
        let mut c = Config::parse(&text).map_err(|message| Error::Config {
            path: path.to_path_buf(),
            message,
        })?;
        c.path = Some(path.to_path_buf());
        Ok(c)
    }

    /// The file's name for messages (`deboil.toml` when it was not loaded from a file).
    pub fn shown_path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from("deboil.toml"))
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let c: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        // the names seen so far (a set: a file may hold thousands of patterns)
        let mut names = std::collections::HashSet::new();
        for p in &c.patterns {
            match (&p.literal, &p.regex) {
                (Some(l), None) if l.is_empty() => {
                    return Err(format!(
                        "pattern {}: empty `literal` would match every line",
                        p.name
                    ))
                }
                (Some(l), None) if l.trim().is_empty() => {
                    return Err(format!(
                        "pattern {}: a `literal` of only whitespace would match every line of \
                         two words",
                        p.name
                    ))
                }
                (Some(l), None) if crate::rules::user_pattern::literal_key(l).is_empty() => {
                    return Err(format!(
                        "pattern {}: the `literal` {l:?} holds only characters that reading \
                         drops (zero-width or control characters), so it could never match",
                        p.name
                    ))
                }
                (Some(_), None) => {}
                (None, Some(r)) => {
                    let re =
                        regex::Regex::new(r).map_err(|e| format!("pattern {}: {e}", p.name))?;
                    // a regex that matches "" matches (somewhere in) every line
                    if re.is_match("") {
                        return Err(format!(
                            "pattern {}: `regex` {r:?} matches the empty string, so it would \
                             match every line",
                            p.name
                        ));
                    }
                    // one that needs what reading never leaves in a line matches none
                    if let Some(why) = regex_syntax::parse(r)
                        .ok()
                        .and_then(|h| crate::rules::user_pattern::never_in_a_line(&h))
                    {
                        return Err(format!(
                            "pattern {}: `regex` {r:?} can never match: {why}, and lines are \
                             read with single plain spaces (tabs, no-break spaces and runs of \
                             spaces become one space; zero-width characters are dropped); write \
                             ` ` or `\\s` for a space",
                            p.name
                        ));
                    }
                    // one that matches nothing but a position in any line (`\b`) matches
                    // every line too
                    if ["a", "ab cd", "Word, word."]
                        .iter()
                        .all(|t| re.find(t).is_some_and(|m| m.is_empty()))
                    {
                        return Err(format!(
                            "pattern {}: `regex` {r:?} matches an empty position in any line, \
                             so it would match every line",
                            p.name
                        ));
                    }
                }
                _ => {
                    return Err(format!(
                        "pattern {}: give exactly one of `literal` or `regex`",
                        p.name
                    ))
                }
            }
            if p.name.is_empty()
                || !p
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(format!("pattern name {:?} must be kebab-case", p.name));
            }
            if let Some(clash) = builtin_clash(&p.name) {
                return Err(format!(
                    "pattern name {:?} {clash}: --select, --ignore and `deboil explain` could \
                     not tell them apart; choose another",
                    p.name
                ));
            }
            if !names.insert(p.name.as_str()) {
                return Err(format!(
                    "pattern name {:?} is used twice; each [[pattern]] needs its own name",
                    p.name
                ));
            }
        }
        Ok(c)
    }
}

/// How a pattern name would be taken for something else by a selector (`--ignore NAME`): the
/// name of a rule, a category (`user` included), `all`, the start of rule codes (`r0`), or a
/// user pattern code or its start (`u`, `u0`, `u001`).
fn builtin_clash(name: &str) -> Option<String> {
    let metas = crate::rules::all_meta();
    if name.eq_ignore_ascii_case("all") {
        return Some("selects every rule".into());
    }
    if let Some(m) = metas.iter().find(|m| m.name.eq_ignore_ascii_case(name)) {
        return Some(format!("is the name of rule {}", m.code));
    }
    if metas
        .iter()
        .any(|m| m.category.as_str().eq_ignore_ascii_case(name))
    {
        return Some("is a rule category".into());
    }
    let prefixed: Vec<&str> = metas
        .iter()
        .map(|m| m.code)
        .filter(|c| {
            c.as_bytes()
                .get(..name.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(name.as_bytes()))
        })
        .collect();
    if let Some(first) = prefixed.first() {
        return Some(format!("is the start of rule codes ({first}, ...)"));
    }
    if name.eq_ignore_ascii_case("user") {
        return Some("is the category of the user patterns".into());
    }
    let b = name.as_bytes();
    if b.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'u'))
        && b[1..].iter().all(u8::is_ascii_digit)
    {
        return Some("is a user pattern code, or the start of those codes (U001, ...)".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_of_names_says_which_names() {
        for (text, names) in [
            ("strictness = 3\n", "\"low\", \"normal\" or \"high\""),
            (
                "strictness = { a = 1 }\n",
                "\"low\", \"normal\" or \"high\"",
            ),
            (
                "[[pattern]]\nname = \"p\"\nliteral = \"x\"\nscope = true\n",
                "\"line\", \"block\" or \"to-end\"",
            ),
        ] {
            let e = Config::parse(text).unwrap_err();
            assert!(e.contains(names), "{text}: {e}");
        }
        let e = Config::parse("strictness = \"hihg\"\n").unwrap_err();
        assert!(e.contains("unknown variant `hihg`"), "{e}");
        assert!(e.contains("`high`"), "{e}");
        assert_eq!(
            Config::parse("").unwrap().strictness,
            None,
            "a file without the setting leaves it to the flag"
        );
    }

    #[test]
    fn parses_patterns() {
        let c = Config::parse(
            "ignore = [\"R014\"]\nstrictness = \"high\"\n[[pattern]]\nname = \"promo\"\nliteral = \"Buy now\"\nscope = \"to-end\"\n",
        )
        .unwrap();
        assert_eq!(c.ignore, vec!["R014"]);
        assert_eq!(c.strictness, Some(Strictness::High));
        assert_eq!(c.patterns[0].scope, Scope::ToEnd);
        assert_eq!(c.keep_comments, None);
        let c = Config::parse("keep_comments = true\n").unwrap();
        assert_eq!(c.keep_comments, Some(true));
        assert!(Config::parse("keep_comments = \"yes\"\n").is_err());
    }

    #[test]
    fn rejects_bad_patterns() {
        assert!(Config::parse("[[pattern]]\nname = \"x\"\n").is_err());
        assert!(Config::parse("[[pattern]]\nname = \"x\"\nregex = \"(\"\n").is_err());
        assert!(Config::parse("[[pattern]]\nname = \"Bad Name\"\nliteral = \"a\"\n").is_err());
        assert!(Config::parse("colour = 1\n").is_err());
        // patterns that would match every line
        let one = |body: &str| Config::parse(&format!("[[pattern]]\nname = \"x\"\n{body}\n"));
        for body in [
            "literal = \" \"",
            "literal = \"\\t \"",
            "regex = '\\b'",
            "regex = '\\B|\\b'",
            "regex = '$'",
        ] {
            assert!(one(body).is_err(), "{body}");
        }
        assert!(one("regex = '^\\bTags?:'").is_ok());
        assert!(one("literal = \" | \"").is_ok());
        // names that selectors would take for built-in rules
        let named =
            |n: &str| Config::parse(&format!("[[pattern]]\nname = \"{n}\"\nliteral = \"a b\"\n"));
        for (n, says) in [
            ("tag-list", "is the name of rule R016"),
            ("dedup", "is a rule category"),
            ("all", "selects every rule"),
            ("r0", "is the start of rule codes (R0"),
            ("d", "is the start of rule codes (D001"),
            ("user", "is the category of the user patterns"),
            ("u", "is a user pattern code"),
            ("u0", "is a user pattern code"),
            ("u001", "is a user pattern code"),
        ] {
            let e = named(n).unwrap_err();
            assert!(e.contains(says), "{n}: {e}");
        }
        assert!(named("tags-line").is_ok());
        assert!(named("r-promo").is_ok());
        assert!(named("u-turn").is_ok());
        assert!(named("users").is_ok());
    }

    #[test]
    fn rejects_patterns_matching_every_line_and_twice_used_names() {
        for bad in [
            "literal = \"\"",
            "regex = \".*\"",
            "regex = \"^\"",
            "regex = \"(?i)x*\"",
            "regex = \"\"",
        ] {
            let e = Config::parse(&format!("[[pattern]]\nname = \"x\"\n{bad}\n")).unwrap_err();
            assert!(
                e.contains("pattern x") && e.contains("every line"),
                "{bad}: {e}"
            );
        }
        assert!(Config::parse("[[pattern]]\nname = \"x\"\nregex = \"^Ad$\"\n").is_ok());
        let e = Config::parse(
            "[[pattern]]\nname = \"x\"\nliteral = \"a\"\n[[pattern]]\nname = \"x\"\nliteral = \"b\"\n",
        )
        .unwrap_err();
        assert!(e.contains("\"x\"") && e.contains("twice"), "{e}");
    }
}
