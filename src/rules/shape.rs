//! Small helpers rules share: whole-line phrase matching on short lines, and a lazily compiled
//! regex. Rules are about shapes of lines, so these keep each rule file about its pattern.

use regex::Regex;

use crate::doc::Document;

/// A regex compiled once, on first use.
pub struct Lazy(std::sync::OnceLock<Regex>, &'static str);

impl Lazy {
    pub const fn new(pattern: &'static str) -> Lazy {
        Lazy(std::sync::OnceLock::new(), pattern)
    }

    pub fn get(&self) -> &Regex {
        self.0
            .get_or_init(|| Regex::new(self.1).expect("built-in rule regex compiles"))
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.get().is_match(s)
    }
}

/// The line with trailing punctuation that widgets add (`:`, `…`, `...`, `»`, `›`, `>`, `|`)
/// and surrounding bullets trimmed.
pub fn core(line: &str) -> &str {
    line.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '…' | '.' | '»' | '›' | '>' | '|' | '•' | '·' | '-' | '–' | '—' | '*'
            )
    })
}

/// Whether line `i` is non-blank, has at most `max_words` words, and its core matches `re`.
pub fn short_line_matches(doc: &Document, i: usize, max_words: u32, re: &Lazy) -> bool {
    let info = doc.info(i);
    !info.is_blank() && info.words <= max_words && re.is_match(core(doc.line(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_trims_widget_punctuation() {
        assert_eq!(core("• Related Articles:"), "Related Articles");
        assert_eq!(core("No comments yet..."), "No comments yet");
        assert_eq!(core("»"), "");
    }
}
