//! Word phrases matched by hand over a lowercased line's words: the one matcher for the fixed
//! phrase lists rules keep out of regexes (a regex costs a compile, as much as searching
//! thousands of lines, and every run pays for its size).
//!
//! A phrase is slots separated by spaces. A slot is alternatives separated by `|`; an
//! alternative is one word, or several joined by `+` (`press+room`); a slot opening with `?`
//! may be left out. `view ?this+email|this+newsletter in ?your browser` matches
//! "view in browser", "view this email in your browser" and "view this newsletter in browser".
//! The line's words are [`word_spans`]; words of a phrase may lie apart only by whitespace or
//! an apostrophe.

/// A word of a line: its byte range.
pub type WordSpan = std::ops::Range<usize>;

/// The words of `line`: runs of letters, digits and `_`, a hyphen between two of them joining
/// the run (`e-mail`).
pub fn word_spans(line: &str) -> Vec<WordSpan> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut spans: Vec<WordSpan> = Vec::new();
    let mut chars = line.char_indices().peekable();
    let mut open: Option<usize> = None;
    while let Some((at, c)) = chars.next() {
        if is_word(c) {
            open.get_or_insert(at);
        } else if let Some(start) = open {
            let joins = c == '-' && chars.peek().is_some_and(|&(_, n)| is_word(n));
            if !joins {
                spans.push(start..at);
                open = None;
            }
        }
    }
    if let Some(start) = open {
        spans.push(start..line.len());
    }
    spans
}

/// Whether `phrase` starts at word `k` of the lowercased `line` (its `words`); the index of
/// the word after it.
pub fn phrase_at(line: &str, words: &[WordSpan], k: usize, phrase: &str) -> Option<usize> {
    slots_at(line, words, k, k, phrase, &|_| true)
}

/// Whether the lowercased `line` holds one of `phrases` anywhere.
pub fn holds_phrase(line: &str, words: &[WordSpan], phrases: &[&str]) -> bool {
    (0..words.len()).any(|k| {
        phrases
            .iter()
            .any(|p| phrase_at(line, words, k, p).is_some())
    })
}

/// Whether the lowercased `line` is one of `phrases` and nothing else (no character before
/// its first word or after its last).
pub fn is_phrase(line: &str, phrases: &[&str]) -> bool {
    let words = word_spans(line);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    first.start == 0
        && last.end == line.len()
        && phrases
            .iter()
            .any(|p| slots_at(line, &words, 0, 0, p, &|end| end == words.len()).is_some())
}

/// The phrase's remaining `slots` from word `next` (the phrase began at word `first`): the
/// index of the word after the first match whose end `accept` takes. Every alternative is
/// tried, and an optional slot in and then left out.
fn slots_at(
    line: &str,
    words: &[WordSpan],
    first: usize,
    next: usize,
    slots: &str,
    accept: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    if slots.is_empty() {
        return accept(next).then_some(next);
    }
    let (slot, rest) = slots.split_once(' ').unwrap_or((slots, ""));
    let (optional, alternatives) = match slot.strip_prefix('?') {
        Some(alternatives) => (true, alternatives),
        None => (false, slot),
    };
    alternatives
        .split('|')
        .filter_map(|a| alternative_end(line, words, first, next, a))
        .find_map(|after| slots_at(line, words, first, after, rest, accept))
        .or_else(|| {
            optional
                .then(|| slots_at(line, words, first, next, rest, accept))
                .flatten()
        })
}

/// Where alternative `alternative` (words joined by `+`) ends when it starts at word `next`.
fn alternative_end(
    line: &str,
    words: &[WordSpan],
    first: usize,
    next: usize,
    alternative: &str,
) -> Option<usize> {
    let mut at = next;
    for word in alternative.split('+') {
        let span = words.get(at)?;
        let apart = at == first
            || line[words[at - 1].end..span.start]
                .chars()
                .all(|c| c.is_whitespace() || c == '\'' || c == '’');
        if !apart || &line[span.clone()] != word {
            return None;
        }
        at += 1;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(line: &str, phrase: &str) -> bool {
        holds_phrase(line, &word_spans(line), &[phrase])
    }

    #[test]
    fn words_join_at_inner_hyphens() {
        let line = "an e-mail - sent";
        let words: Vec<&str> = word_spans(line).into_iter().map(|w| &line[w]).collect();
        assert_eq!(words, ["an", "e-mail", "sent"]);
    }

    #[test]
    fn slots_alternatives_and_optional_words() {
        let p = "view ?this+email|this+newsletter in ?your browser";
        for line in [
            "view in browser",
            "please view this email in your browser.",
            "view this newsletter in browser",
            "view   this email in your browser",
        ] {
            assert!(holds(line, p), "{line:?}");
        }
        for line in [
            "view this in browser",
            "view email in browser",
            "view, in browser",
            "preview in browser",
        ] {
            assert!(!holds(line, p), "{line:?}");
        }
        assert!(holds(
            "cancellare l'iscrizione",
            "cancella|cancellare ?l iscrizione"
        ));
    }

    #[test]
    fn phrase_at_gives_the_word_after_the_match() {
        let line = "you received this email because";
        let words = word_spans(line);
        assert_eq!(phrase_at(line, &words, 1, "received this email"), Some(4));
        assert_eq!(phrase_at(line, &words, 0, "received this email"), None);
    }

    #[test]
    fn a_whole_line_phrase_takes_nothing_more() {
        let p = ["press|news release|releases", "newsroom|press+room"];
        assert!(is_phrase("press releases", &p));
        assert!(is_phrase("press room", &p));
        assert!(!is_phrase("press releases 2024", &p));
        assert!(!is_phrase("our press room", &p));
        assert!(!is_phrase("press room:", &p));
        assert!(!is_phrase("", &p));
        // An optional slot left out when taking it would stop short of the line's end.
        assert!(is_phrase("view online", &["view ?online online|later"]));
        assert!(is_phrase(
            "view online online",
            &["view ?online online|later"]
        ));
    }
}
