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

/// Which end of its phrases [`end_words`] reads.
#[derive(Clone, Copy)]
pub enum End {
    First,
    Last,
}

/// Most distinct words [`end_words`] gathers.
const END_WORDS_MAX: usize = 256;

/// The words a match of one of `phrases` may open with ([`End::First`]: the first word of every
/// alternative of the first slot, and of the next slot's while the slots before are optional)
/// or close with ([`End::Last`]: the last word of every alternative of the last slot, and so
/// on back), each once, in the order the phrases give them; and how many there are.
const fn all_end_words(
    phrases: &[&'static str],
    end: End,
) -> ([&'static str; END_WORDS_MAX], usize) {
    let mut words = [""; END_WORDS_MAX];
    let mut n = 0;
    let mut p = 0;
    while p < phrases.len() {
        let bytes = phrases[p].as_bytes();
        // the slot `from..to`, then the next one towards the other end while it is optional
        let (mut from, mut to) = match end {
            End::First => (0, position(bytes, 0, bytes.len(), b' ')),
            End::Last => match position_before(bytes, bytes.len(), b' ') {
                Some(at) => (at + 1, bytes.len()),
                None => (0, bytes.len()),
            },
        };
        loop {
            let optional = from < to && bytes[from] == b'?';
            let mut a = if optional { from + 1 } else { from };
            while a <= to {
                let b = position(bytes, a, to, b'|');
                // the alternative `a..b`: its first word ends at the first `+`, its last word
                // starts after the last
                let (w0, w1) = match end {
                    End::First => (a, position(bytes, a, b, b'+')),
                    End::Last => match position_before_in(bytes, a, b, b'+') {
                        Some(at) => (at + 1, b),
                        None => (a, b),
                    },
                };
                assert!(w0 < w1, "an empty word in a phrase");
                let word = substr(phrases[p], w0, w1);
                let mut seen = false;
                let mut k = 0;
                while k < n {
                    seen = seen || same(words[k], word);
                    k += 1;
                }
                if !seen {
                    assert!(n < END_WORDS_MAX, "more end words than END_WORDS_MAX");
                    words[n] = word;
                    n += 1;
                }
                a = b + 1;
            }
            if !optional {
                break;
            }
            match end {
                End::First => {
                    if to >= bytes.len() {
                        break;
                    }
                    from = to + 1;
                    to = position(bytes, from, bytes.len(), b' ');
                }
                End::Last => {
                    if from == 0 {
                        break;
                    }
                    to = from - 1;
                    from = match position_before(bytes, to, b' ') {
                        Some(at) => at + 1,
                        None => 0,
                    };
                }
            }
        }
        p += 1;
    }
    (words, n)
}

/// How many words [`end_words`] gives.
pub const fn end_word_count(phrases: &[&'static str], end: End) -> usize {
    all_end_words(phrases, end).1
}

/// The words a match of one of `phrases` may open or close with (see [`End`]), each once,
/// lowercase as the phrases are: for a cheap necessary condition on a line's first or last
/// word, tried before the phrases, that needs no list kept by hand. `N` is
/// [`end_word_count`].
pub const fn end_words<const N: usize>(phrases: &[&'static str], end: End) -> [&'static str; N] {
    let (all, n) = all_end_words(phrases, end);
    assert!(n == N, "N must be end_word_count");
    let mut words = [""; N];
    let mut k = 0;
    while k < N {
        words[k] = all[k];
        k += 1;
    }
    words
}

/// The first index of byte `b` in `bytes[from..to]`, or `to`.
const fn position(bytes: &[u8], from: usize, to: usize, b: u8) -> usize {
    let mut at = from;
    while at < to && bytes[at] != b {
        at += 1;
    }
    at
}

/// The last index of byte `b` in `bytes[..to]`.
const fn position_before(bytes: &[u8], to: usize, b: u8) -> Option<usize> {
    position_before_in(bytes, 0, to, b)
}

/// The last index of byte `b` in `bytes[from..to]`.
const fn position_before_in(bytes: &[u8], from: usize, to: usize, b: u8) -> Option<usize> {
    let mut at = to;
    while at > from {
        at -= 1;
        if bytes[at] == b {
            return Some(at);
        }
    }
    None
}

/// `s[from..to]`, in a const fn (`from` and `to` lie at ASCII bytes or the ends).
const fn substr(s: &'static str, from: usize, to: usize) -> &'static str {
    let (head, _) = s.as_bytes().split_at(to);
    let (_, part) = head.split_at(from);
    match std::str::from_utf8(part) {
        Ok(part) => part,
        Err(_) => panic!("a phrase splits at ASCII bytes"),
    }
}

/// Whether `a` and `b` are the same, in a const fn.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Test support: every wording of `phrase`, its words apart by a space, or by an apostrophe
/// where `+` joins them (`s'abonner`).
#[cfg(test)]
pub fn wordings(phrase: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for slot in phrase.split(' ') {
        let (optional, alternatives) = match slot.strip_prefix('?') {
            Some(alternatives) => (true, alternatives),
            None => (false, slot),
        };
        let mut next = Vec::new();
        for o in &out {
            if optional {
                next.push(o.clone());
            }
            for a in alternatives.split('|') {
                for joined in [a.replace('+', " "), a.replace('+', "'")] {
                    let w = if o.is_empty() {
                        joined
                    } else {
                        format!("{o} {joined}")
                    };
                    if !next.contains(&w) {
                        next.push(w);
                    }
                }
            }
        }
        out = next;
    }
    out
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
    fn every_wording_is_the_phrase() {
        let p = "s+abonner|abonnez-vous ?au|à+notre ?flux rss|atom";
        let all = wordings(p);
        assert!(all.contains(&"s'abonner au flux rss".to_string()));
        assert!(all.contains(&"abonnez-vous à notre atom".to_string()));
        assert!(all.contains(&"s abonner rss".to_string()));
        for w in &all {
            assert!(is_phrase(w, &[p]), "{w:?}");
        }
    }

    #[test]
    fn end_words_are_the_first_and_last_words_of_the_phrases() {
        const PHRASES: &[&str] = &[
            "s+abonner|abonnez-vous ?au|à+notre ?flux rss|atom",
            "?please subscribe|follow",
            "online|direkt bewerben|bewirb+dich ?jetzt",
            "follow ?us",
        ];
        const FIRST: [&str; end_word_count(PHRASES, End::First)] = end_words(PHRASES, End::First);
        const LAST: [&str; end_word_count(PHRASES, End::Last)] = end_words(PHRASES, End::Last);
        assert_eq!(
            FIRST,
            [
                "s",
                "abonnez-vous",
                "please",
                "subscribe",
                "follow",
                "online",
                "direkt"
            ]
        );
        assert_eq!(
            LAST,
            [
                "rss",
                "atom",
                "subscribe",
                "follow",
                "jetzt",
                "bewerben",
                "dich",
                "us"
            ]
        );
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
