//! Small helpers rules share: whole-line phrase matching on short lines, a lazily compiled
//! regex, and lazily built word automata for cheap prefilters. Rules are about shapes of lines, so these keep each rule file about its pattern.

use regex::Regex;

use crate::doc::Document;

/// Clones of each [`Lazy`] regex, used by threads in turn: a regex keeps its search caches in a
/// pool whose fast path serves one thread (its first user); every other thread takes a lock
/// per search. A clone has a pool of its own, so the workers of a small pool each get theirs.
const CLONES: usize = 4;

/// The slot of the current thread among [`CLONES`], given in the order threads first ask.
fn thread_slot() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    thread_local! {
        static SLOT: usize = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    SLOT.with(|s| *s) % CLONES
}

/// A regex compiled once, on first use (see [`CLONES`] for why it is held several times).
pub struct Lazy(std::sync::OnceLock<[Regex; CLONES]>, &'static str);

impl Lazy {
    pub const fn new(pattern: &'static str) -> Lazy {
        Lazy(std::sync::OnceLock::new(), pattern)
    }

    pub fn get(&self) -> &Regex {
        let all = self.0.get_or_init(|| {
            let re = Regex::new(self.1).expect("built-in rule regex compiles");
            std::array::from_fn(|_| re.clone())
        });
        &all[thread_slot()]
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.get().is_match(s)
    }
}

/// One automaton for a built-in word list, ignoring ASCII case.
fn ascii_caseless_automaton(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("built-in word list compiles")
}

/// Words (all lowercase) found anywhere in a line by one automaton that ignores ASCII case,
/// built once, on first use: a cheap necessary condition to test before a rule's regex.
pub struct LazyWords(
    std::sync::OnceLock<aho_corasick::AhoCorasick>,
    &'static [&'static str],
);

impl LazyWords {
    pub const fn new(words: &'static [&'static str]) -> LazyWords {
        LazyWords(std::sync::OnceLock::new(), words)
    }

    fn get(&self) -> &aho_corasick::AhoCorasick {
        self.0.get_or_init(|| ascii_caseless_automaton(self.1))
    }

    /// Whether `s` holds one of the words, ignoring ASCII case only.
    pub fn is_match(&self, s: &str) -> bool {
        self.get().is_match(s)
    }

    /// Whether the lowercased `line` holds one of the words. A line whose lowercase differs
    /// from it only in ASCII letters (every ASCII line) is searched as it is, with no lowercase
    /// copy; others are lowercased first.
    pub fn in_lowercased(&self, line: &str) -> bool {
        if line.is_ascii() || lowercase_changes_only_ascii(line) {
            self.is_match(line)
        } else {
            self.is_match(&line.to_lowercase())
        }
    }
}

/// Words (all lowercase, at most 64) found in a line by one automaton that ignores ASCII case,
/// reported as a bit set: bit `k` when word `k` occurs in the lowercased line (what
/// [`LazyWords::in_lowercased`] of a one-word list says, for every word from one pass). Lets a
/// rule with several regexes run only those whose necessary words are present.
pub struct LazyWordSet(
    std::sync::OnceLock<aho_corasick::AhoCorasick>,
    &'static [&'static str],
);

impl LazyWordSet {
    pub const fn new(words: &'static [&'static str]) -> LazyWordSet {
        LazyWordSet(std::sync::OnceLock::new(), words)
    }

    fn get(&self) -> &aho_corasick::AhoCorasick {
        self.0.get_or_init(|| {
            assert!(self.1.len() <= 64);
            ascii_caseless_automaton(self.1)
        })
    }

    /// The words of the set that the lowercased `line` holds (bit `k`: word `k`).
    pub fn in_lowercased(&self, line: &str) -> u64 {
        let lowered;
        let hay = if line.is_ascii() || lowercase_changes_only_ascii(line) {
            line
        } else {
            lowered = line.to_lowercase();
            &lowered
        };
        self.get()
            .find_overlapping_iter(hay)
            .fold(0, |bits, m| bits | 1 << m.pattern().as_usize())
    }
}

/// Whether `line.to_lowercase()` changes only ASCII letters: every other character is its own
/// lowercase (punctuation, CJK, kana and Hangul are told at once by range).
fn lowercase_changes_only_ascii(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(n) = bytes[i..].iter().position(|&b| b >= 0x80) {
        let Some(c) = line[i + n..].chars().next() else {
            return true;
        };
        i += n + c.len_utf8();
        if matches!(c as u32, 0x2000..=0x20FF | 0x3000..=0x9FFF | 0xAC00..=0xD7A3) {
            continue;
        }
        let mut lower = c.to_lowercase();
        if lower.next() != Some(c) || lower.next().is_some() {
            return false;
        }
    }
    true
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
    fn words_match_the_lowercased_line() {
        static WORDS: LazyWords = LazyWords::new(&["cookie", "©"]);
        for l in [
            "COOKIE Settings",
            "İ cookıe",
            "\u{212A}",
            "",
            "plain",
            "© 2024",
            "Cookié",
            "COOKIÉ",
            "Σ cookie",
            "ΣΟΦΙΑ cookies ΑΣ",
            "Ⅻ COOKIE ⅻ Ⓒookie",
            "“Cookie” — 東京 한국 cookie",
            "Ǆ ǅ cookie",
        ] {
            let lower = l.to_lowercase();
            let expected = lower.contains("cookie") || lower.contains('©');
            assert_eq!(WORDS.in_lowercased(l), expected, "{l:?}");
        }
        assert!(WORDS.is_match("a COOKIE"));
    }

    #[test]
    fn word_set_bits_are_the_words_of_the_lowercased_line() {
        static WORDS: &[&str] = &["app", "apple", "sign", "us", "©", "réservés"];
        static SET: LazyWordSet = LazyWordSet::new(WORDS);
        for l in [
            "",
            "An APPLE a day",
            "Sign up",
            "İ cookıe",
            "\u{212A}APP US",
            "Über APPs",
            "plain text",
            "© Tous droits RÉSERVÉS",
            "ſign",
        ] {
            let lower = l.to_lowercase();
            let expected = WORDS
                .iter()
                .enumerate()
                .filter(|(_, w)| lower.contains(*w))
                .fold(0u64, |b, (k, _)| b | 1 << k);
            assert_eq!(SET.in_lowercased(l), expected, "{l:?}");
        }
    }

    #[test]
    fn core_trims_widget_punctuation() {
        assert_eq!(core("• Related Articles:"), "Related Articles");
        assert_eq!(core("No comments yet..."), "No comments yet");
        assert_eq!(core("»"), "");
    }
}
