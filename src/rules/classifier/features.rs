//! Per-line features of the block classifier: lengths, stopword hits per language, capitalised
//! words, digits and symbols, separator tokens, URL/e-mail/handle shapes, list bullets and the
//! line's final punctuation. One pass over the line's characters; the only buffer is the caller's
//! reusable lowercase scratch string.

use super::stopwords::{stopwords, WordTable, LANGS, LANG_BITS};
use crate::chars::{is_han_or_kana, is_unspaced_southeast_asian};

/// Shape facts of one line, as the classifier sees them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Whitespace-separated tokens (bullet marker excluded).
    pub words: u32,
    /// Tokens holding at least one letter.
    pub alpha_words: u32,
    /// Characters (bullet marker excluded).
    pub chars: u32,
    /// Letters.
    pub letters: u32,
    /// Digits.
    pub digits: u32,
    /// Characters that are neither letters, digits nor whitespace.
    pub symbols: u32,
    /// Alphabetic tokens starting with an uppercase letter.
    pub cap_words: u32,
    /// Stopword hits per language (index as in [`LANGS`]).
    pub stop: [u16; LANGS.len()],
    /// Tokens that are separators (`|`, `»`, `>`, `·`, `/`, `•`, `-`, ...) or hold a `|`.
    pub separators: u32,
    /// Tokens shaped like a URL, an e-mail address, a domain or a `@handle`.
    pub links: u32,
    /// The line opens with a list bullet (`*`, `•`, `-`, `–`, `·`, `»`, `>`).
    pub bullet: bool,
    /// Ends with `.`, `!`, `?` or `…`, or the like of another script (see [`FULL_STOPS`] and
    /// [`QUESTION_AND_EXCLAMATION_MARKS`]; closing quotes and brackets skipped); a long line of
    /// Thai or Lao, which write no sentence marks, ends a sentence too.
    pub terminal: bool,
    /// Ends with a colon: ASCII, full-width or Ethiopic (see [`COLONS`]).
    pub colon: bool,
    /// Holds a `©` sign (a line of at most 40 words: a footer, not prose quoting one).
    pub copyright: bool,
    /// Shaped like the header or footer of a reader comment: a reply or permalink label, a
    /// `Name says:` line, a comment-section heading, or a short line with a clock time.
    pub comment_marker: bool,
    /// A comment header or footer proper (not just a clock time): a reply or permalink label (a
    /// line of up to four words holding one: `Reply`, `Leave a Reply`, `More | Reply Login`),
    /// `Name says:`, a comment-section heading. The article's prose never runs across one.
    pub thread_marker: bool,
    /// A short line holding a clock time (a dateline or a comment header).
    pub clock: bool,
    /// A line of code or a command (see [`code_shaped`]).
    pub code: bool,
    /// A counted heading of a comment section naming the article (`27 comments to ...`,
    /// `3 thoughts on “...”`, `2 Kommentare zu „...“`): it opens a thread on its own.
    pub thread_heading: bool,
    /// A menu whose entries an extractor joined with narrow gaps (`Home  Episodes  About`):
    /// not read from the line's text (where each gap is one space) but set by the classifier
    /// from the document's narrow gaps, each of them then counted in `separators` (see
    /// `spaced_menu` in the classifier).
    pub spaced_menu: bool,
}

impl Features {
    /// Stopword share of the words for language `lang`.
    #[inline]
    pub fn stop_density(&self, lang: usize) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stop
                .get(lang)
                .map_or(0.0, |&n| n as f32 / self.words as f32)
        }
    }

    /// Share of alphabetic words that are capitalised.
    #[inline]
    pub fn cap_share(&self) -> f32 {
        if self.alpha_words == 0 {
            0.0
        } else {
            self.cap_words as f32 / self.alpha_words as f32
        }
    }

    /// Share of non-space characters that are digits or symbols.
    #[inline]
    pub fn nonletter_share(&self) -> f32 {
        let total = self.letters + self.digits + self.symbols;
        if total == 0 {
            1.0
        } else {
            (self.digits + self.symbols) as f32 / total as f32
        }
    }
}

fn is_separator_token(t: &str) -> bool {
    matches!(
        t,
        "|" | "»"
            | "«"
            | ">"
            | "<"
            | "·"
            | "/"
            | "•"
            | "-"
            | "–"
            | "—"
            | "::"
            | "›"
            | "‹"
            | "→"
            | "||"
            | ">>"
            | "<<"
            | "*"
            | "+"
            | "~"
            | "#"
            | "¦"
            | "◦"
            | "▪"
            | "■"
            | "►"
            | "▸"
    ) || t.contains('|')
}

fn is_link_token(t: &str) -> bool {
    // every shape below holds a '.', an '@' or "://": most words have none of them
    if !t.bytes().any(|b| matches!(b, b'.' | b'@' | b':')) {
        return false;
    }
    let t = t.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | ',' | '"'));
    if t.len() < 4 {
        return false;
    }
    if (t.contains(':') && t.contains("://")) || t.starts_with("www.") {
        return true;
    }
    if let Some(rest) = t.strip_prefix('@') {
        return !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    }
    if let Some(at) = t.find('@') {
        return t[at..].contains('.');
    }
    // bare domains: letters, a dot, a common top-level suffix
    let t = t.trim_end_matches(['.', '/']);
    if !t.contains('.') {
        // every suffix below starts with a dot (a word ending a sentence stops here)
        return false;
    }
    for tld in [
        ".com", ".org", ".net", ".de", ".co.uk", ".fr", ".es", ".it", ".nl", ".io", ".gov",
    ] {
        if t.len() > tld.len() + 1 && t.ends_with(tld) && !t.contains(' ') {
            return t[..t.len() - tld.len()]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        }
    }
    false
}

/// A token holding `marks` of `.`, `@`, `:` that [`is_link_token`] turns down at once: a word
/// with a full stop at its end and no other mark (`year.`), unless it is `www.`.
fn ends_a_sentence(t: &str, marks: u32) -> bool {
    // is_link_token of `X.` where X holds none of `.@:`: no `://`, no `@`, and once trailing
    // dots and slashes are trimmed no dot is left; only `starts_with("www.")` could hold
    marks == 1 && t.strip_suffix('.').is_some_and(|x| !x.ends_with("www"))
}

/// Reply and permalink labels of comment widgets, lowercased (Latin-script languages, and
/// Russian, Greek, Arabic, Hebrew, Turkish, Japanese, Chinese, Korean; at most
/// [`WordTable::MAX_BYTES`] bytes each, as every list of the word table).
const REPLY_WORDS: [&str; 21] = [
    "ответить",
    "απάντηση",
    "رد",
    "השב",
    "הגב",
    "yanıtla",
    "返信",
    "回复",
    "답글",
    "reply",
    "antworten",
    "responder",
    "répondre",
    "rispondi",
    "reageren",
    "beantwoorden",
    "responde",
    "permalink",
    "trackback",
    "svara",
    "odpowiedz",
];

/// Headings of comment sections (`38 comments`, `Kommentare`, `تعليقات`, `コメント`),
/// lowercased (the longer Cyrillic ones, `Комментарии`, are R011's).
const COMMENT_WORDS: [&str; 31] = [
    "σχόλια",
    "تعليقات",
    "תגובות",
    "コメント",
    "评论",
    "댓글",
    "komentarze",
    "komentari",
    "komentáře",
    "komentáre",
    "kommentarer",
    "kommentit",
    "comentarii",
    "yorumlar",
    "hozzászólások",
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "comentario",
    "comentarios",
    "commentaire",
    "commentaires",
    "commento",
    "commenti",
    "comentário",
    "comentários",
    "reactie",
    "reacties",
    "responses",
    "replies",
];

/// Nouns of a counted comment heading (`27 comments to ...`, `3 thoughts on ...`), lowercased.
const COUNTED_NOUNS: [&str; 24] = [
    "comment",
    "comments",
    "response",
    "responses",
    "reply",
    "replies",
    "thought",
    "thoughts",
    "kommentar",
    "kommentare",
    "antwort",
    "antworten",
    "gedanken",
    "commentaire",
    "commentaires",
    "réponse",
    "réponses",
    "comentario",
    "comentarios",
    "respuesta",
    "respuestas",
    "commento",
    "commenti",
    "risposte",
];

/// Prepositions after the noun of a counted comment heading, lowercased.
const COUNTED_PREPOSITIONS: [&str; 13] = [
    "to", "on", "for", "about", "zu", "auf", "sur", "à", "en", "a", "sobre", "su", "op",
];

/// A feed link (`RSS 2.0 Comments`, `Comments feed`, `Atom`): names the comments, opens nothing.
fn feed_link(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["rss", "atom", "feed", "feeds"]
            .iter()
            .any(|f| w.eq_ignore_ascii_case(f))
    })
}

/// A reporter's line that someone would not comment (`WeWork declined to comment.`, `She
/// refused to comment.`): a sentence whose last words are a refusal and `to comment`, not a
/// comment section's line (`Log in to comment`, `Comments are closed.`).
fn declined_to_comment(line: &str) -> bool {
    let mut words = line.trim_end_matches(['.', '!']).rsplit(' ');
    let (Some(noun), Some(to), Some(verb)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    line.ends_with('.')
        && noun.eq_ignore_ascii_case("comment")
        && to.eq_ignore_ascii_case("to")
        && ["declined", "declines", "refused", "refuses", "unavailable"]
            .iter()
            .any(|v| verb.eq_ignore_ascii_case(v))
}

/// A line of two or more words ending in a question mark (`Comment payer ?`, French `how`;
/// `Any comments?`) asks something: a question of a text (an FAQ's, an interview's), not a
/// comment section's heading or label, which names the comments and asks nothing. `end` is the
/// line with its closing quotes and brackets trimmed.
fn asks_in_words(end: &str, alpha_words: u32) -> bool {
    alpha_words >= 2 && end.ends_with(['?', '？', '؟'])
}

/// `27 comments to <title>`, `One response to <title>`, `3 Gedanken zu „<title>“`: a number
/// (or one), a comment noun, a preposition and something after it, not ending like a sentence.
fn counted_comment_heading(line: &str) -> bool {
    // the number opens the line: a digit, or the first letter of a number word (most lines
    // fail here, before the tokens are cut)
    if !matches!(
        line.as_bytes().first(),
        Some(b'0'..=b'9' | b'o' | b'O' | b'e' | b'E' | b'u' | b'U')
    ) {
        return false;
    }
    let mut toks = line.split_whitespace();
    let (Some(n), Some(noun), Some(prep), Some(_)) =
        (toks.next(), toks.next(), toks.next(), toks.next())
    else {
        return false;
    };
    let number = n.bytes().all(|b| b.is_ascii_digit())
        || ["one", "ein", "eine", "un", "une", "uno", "una"]
            .iter()
            .any(|w| n.eq_ignore_ascii_case(w));
    if !number || line.trim_end().ends_with(['.', '!']) {
        // a sentence that starts so ("3 replies to the council were sent.") is no heading
        return false;
    }
    let (noun, prep) = (noun.to_lowercase(), prep.to_lowercase());
    COUNTED_NOUNS.contains(&noun.as_str()) && COUNTED_PREPOSITIONS.contains(&prep.as_str())
}

/// Verbs that introduce a quoted comment (`Name says:`), lowercased.
const SAYS_WORDS: [&str; 16] = [
    "says",
    "said",
    "wrote",
    "writes",
    "sagt",
    "schreibt",
    "schrieb",
    "dice",
    "dijo",
    "escribió",
    "écrit",
    "dit",
    "scrive",
    "escreveu",
    "diz",
    "zegt",
];

/// [`word_table`] bits above the stopword languages ([`LANG_BITS`]): the word is in
/// [`REPLY_WORDS`], [`COMMENT_WORDS`], [`SAYS_WORDS`].
const REPLY: u32 = 1 << 24;
const COMMENT: u32 = 1 << 25;
const SAYS: u32 = 1 << 26;

/// What a lowercased word is to the classifier, from one lookup in this table: the stopword
/// languages whose lists hold it ([`LANG_BITS`]) and the comment-widget lists that hold it
/// ([`REPLY`], [`COMMENT`], [`SAYS`]).
fn word_table() -> &'static WordTable {
    static T: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let flagged = [
            (&REPLY_WORDS[..], REPLY),
            (&COMMENT_WORDS[..], COMMENT),
            (&SAYS_WORDS[..], SAYS),
        ];
        let flags = flagged
            .into_iter()
            .flat_map(|(list, f)| list.iter().map(move |w| (*w, f)));
        WordTable::new(stopwords().chain(flags))
    })
}

/// A clock time such as `9:41`, `21:05` or `@04:20AM`.
fn is_clock(t: &str) -> bool {
    let t = t.trim_start_matches(['@', '(', '[']);
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && b.get(digits) == Some(&b':')
        && b.len() >= digits + 3
        && b[digits + 1].is_ascii_digit()
        && b[digits + 2].is_ascii_digit()
}

/// Fewest lowercase words of three letters or more after a clock time that make a sentence,
/// not a header's tail (`p.m.`, `Uhr`, `Anonymous said...`).
const SENTENCE_AFTER_CLOCK_WORDS: u32 = 2;

/// Most tokens of a line of code or a command.
const CODE_MAX_WORDS: u32 = 20;

/// A line of code or a command (`pip freeze > requirements.txt`, `cd ~/projects`,
/// `def main():`, an indented `print("hello")`, `CMD flask run app:app`): a code comment
/// (`# connect`, `// retry`; not a Markdown heading), or a line that opens with a lowercase ASCII letter, `$` or an
/// uppercase keyword (`FROM`, `RUN`), or is indented by four spaces or a tab, where a token
/// other than a link carries a
/// programming mark: `=`, a bracket, `;`, `_`, `~`, `$`, `\`, an `--option`, or, past the
/// line's first word, `<` or `>` inside it or a dot, colon or slash between letters or digits
/// (`requirements.txt`, `app:app`, `bin/activate`). A lowercase share bar (`share | tweet`)
/// has no such token. A shell command's marks count too: `&&` or `||` between commands, a short
/// flag past the first word (`-y`, `-la`; see [`short_flag`]), a `sudo` opener. A line of
/// nothing but brackets (`{`, `});`, `]`) is a code block's opening or closing line.
fn code_shaped(line: &str) -> bool {
    let indented = line.starts_with("    ") || line.starts_with('\t');
    let body = line.trim();
    // the byte test first: it fails at a line's first letter, where the bracket search reads
    // the whole line
    if body.bytes().all(|b| b"{}[]();,".contains(&b)) && body.contains(['{', '}', '[', ']']) {
        return true;
    }
    let comment = body.strip_prefix("# ").or_else(|| body.strip_prefix("// "));
    if comment.is_some_and(|c| c.starts_with(|c: char| c.is_ascii_lowercase())) {
        // a code comment; a hashtag (`#travel`) has no space after its mark, a Markdown
        // heading (`# Introduction`) opens in uppercase
        return true;
    }
    // a command or a keyword and its lowercase argument: `FROM python:3.11`, `CMD flask run
    // app:app` (an acronym opening a menu, `NSG Events/Actions`, has a capitalised word next)
    let mut first_two = body.split(' ');
    let keyword = first_two
        .next()
        .is_some_and(|w| (2..=10).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
        && first_two
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase() || c == '/'));
    if !indented && !keyword && !body.starts_with(|c: char| c.is_ascii_lowercase() || c == '$') {
        return false;
    }
    body.split_whitespace().enumerate().any(|(k, t)| {
        let b = t.as_bytes();
        let strong = b.iter().any(|c| {
            matches!(
                c,
                b'=' | b'(' | b')' | b'{' | b'}' | b'[' | b']' | b';' | b'_' | b'~' | b'$' | b'\\'
            )
        }) || t.starts_with("--") && t.len() > 2
            || t == "&&"
            || t == "||"
            || k > 0 && short_flag(t)
            || k == 0 && t == "sudo" && body.contains(' ');
        // a file name or a path is an argument, not the line's first word (a lone
        // `site.com-Newsletter` is a site's label)
        let weak = k > 0
            && (b.len() > 1 && b[1..b.len() - 1].iter().any(|c| matches!(c, b'<' | b'>'))
                || b.windows(3).any(|w| {
                    w[0].is_ascii_alphanumeric()
                        && matches!(w[1], b'.' | b':' | b'/')
                        && w[2].is_ascii_alphanumeric()
                }));
        (strong || weak) && !is_link_token(t)
    })
}

/// A command's short flag: a hyphen and one to three lowercase ASCII letters (`-y`, `-g`,
/// `-la`), not a dash between words or a negative number.
fn short_flag(t: &str) -> bool {
    t.strip_prefix('-')
        .is_some_and(|f| (1..=3).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A year of a date: `1998`, `2021,` (four digits from 1900 to 2099, trailing punctuation
/// aside).
pub(super) fn is_year(t: &str) -> bool {
    let b = t.trim_end_matches([',', '.', ')', ';']).as_bytes();
    b.len() == 4
        && b.iter().all(u8::is_ascii_digit)
        && (b.starts_with(b"19") || b.starts_with(b"20"))
}

/// U+00AD, the text's own hyphenation point inside a word: features read through it.
const SOFT_HYPHEN: char = '\u{AD}';

/// What one byte pass over an ASCII token finds (see [`Tokens::next_scanned`]).
#[derive(Debug, Default, PartialEq)]
struct AsciiScan {
    letters: u32,
    digits: u32,
    /// How many `.`, `@` and `:` it holds (every link and clock shape needs one).
    marks: u32,
    /// Holds a `|`.
    pipe: bool,
    /// How many apostrophes it holds (the lowercase form keeps them, with letters and digits).
    apostrophes: u32,
}

impl AsciiScan {
    /// Bits of one count in [`TOKEN_COUNTS`]' sums.
    const FIELD_BITS: u32 = 12;

    /// The counts of `tok`, an ASCII token, from the sum of its bytes' [`TOKEN_COUNTS`].
    fn of(tok: &str, counts: u64) -> AsciiScan {
        let field = |k: u32| {
            if tok.len() < 1 << Self::FIELD_BITS {
                (counts >> (Self::FIELD_BITS * k) & ((1 << Self::FIELD_BITS) - 1)) as u32
            } else {
                // a field may have overflowed into the next: count again, one field at a time
                let bit = 1 << (Self::FIELD_BITS * k);
                tok.bytes()
                    .filter(|&b| TOKEN_COUNTS[usize::from(b)] & bit != 0)
                    .count() as u32
            }
        };
        AsciiScan {
            letters: field(0),
            digits: field(1),
            marks: field(2),
            pipe: field(3) > 0,
            apostrophes: field(4),
        }
    }
}

/// [`ASCII_CLASS`] bits of an ASCII byte.
const ALPHA: u8 = 1;
const DIGIT: u8 = 4;
const SYMBOL: u8 = 8;
const MARK: u8 = 16;
const PIPE: u8 = 32;
/// The apostrophe, which the lowercase form keeps beside letters and digits.
const APOSTROPHE: u8 = 64;
/// Whitespace (`char::is_whitespace`): ends a token.
const SPACE: u8 = 128;

/// [`TOKEN_COUNTS`] of a byte that ends an ASCII run: an ASCII space ends the token, any
/// other (a byte of a non-ASCII character) is looked at whole.
const RUN_END: u64 = 1 << 62;
const ASCII_SPACE_ENTRY: u64 = RUN_END | 1 << 63;

/// What each byte adds to a token's counts in [`Tokens::next_scanned`], one
/// [`AsciiScan::FIELD_BITS`]-bit field each: letters (field 0), digits (1), the marks `.`, `@`,
/// `:` (2), pipes (3), apostrophes (4); an ASCII space and a non-ASCII byte end the run instead
/// ([`RUN_END`]). A token longer than a field can count is counted again on its own.
static TOKEN_COUNTS: [u64; 256] = {
    let mut t = [RUN_END; 256];
    let mut b = 0;
    while b < 128 {
        let c = ASCII_CLASS[b];
        let k = AsciiScan::FIELD_BITS;
        t[b] = if c & SPACE != 0 {
            ASCII_SPACE_ENTRY
        } else {
            (c & ALPHA) as u64
                | (((c & DIGIT) >> 2) as u64) << k
                | (((c & MARK) >> 4) as u64) << (2 * k)
                | (((c & PIPE) >> 5) as u64) << (3 * k)
                | (((c & APOSTROPHE) >> 6) as u64) << (4 * k)
        };
        b += 1;
    }
    t
};

/// What each ASCII byte is to [`Tokens::next_scanned`]: letters, digits, whitespace, and the
/// other characters (symbols), of which `.`, `@`, `:` are marks, `|` a pipe and `'` the
/// apostrophe.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if is_ascii_space(c) {
            SPACE
        } else if c.is_ascii_alphabetic() {
            ALPHA
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            match c {
                b'\'' => SYMBOL | APOSTROPHE,
                b'.' | b'@' | b':' => SYMBOL | MARK,
                b'|' => SYMBOL | PIPE,
                _ => SYMBOL,
            }
        };
        b += 1;
    }
    t
};

/// `w` without the apostrophes at either end (`str::trim_matches('\'')` on bytes).
fn trim_apostrophes(w: &[u8]) -> &[u8] {
    let start = w.iter().position(|&b| b != b'\'').unwrap_or(w.len());
    let end = w.iter().rposition(|&b| b != b'\'').map_or(start, |e| e + 1);
    &w[start..end]
}

/// The lowercase form of an ASCII token (letters, digits and apostrophes, as the general
/// character loop of [`extract`] builds it), into a `String`.
fn push_ascii_lower(tok: &str, lower: &mut String) {
    for b in tok.bytes() {
        if b.is_ascii_alphanumeric() || b == b'\'' {
            lower.push(char::from(b.to_ascii_lowercase()));
        }
    }
}

/// The [`word_table`] value of an ASCII token with letters and no apostrophe: its lowercase
/// form is its letters and digits, looked up without a copy when the token is nothing else
/// (most words) and from a stack copy when it holds symbols (`word,`, `(see`).
#[inline]
fn ascii_word_facts(table: &WordTable, tok: &str, scan: &AsciiScan) -> u32 {
    let kept = (scan.letters + scan.digits) as usize;
    if kept > WordTable::MAX_BYTES {
        // longer than every listed word
        0
    } else if kept == tok.len() {
        table.get_ascii_alphanumeric_lowered(tok.as_bytes())
    } else {
        let mut form = [0u8; WordTable::MAX_BYTES];
        let mut n = 0;
        for b in tok.bytes().filter(u8::is_ascii_alphanumeric) {
            if let Some(slot) = form.get_mut(n) {
                *slot = b | 0x20;
            }
            n += 1;
        }
        table.get(form.get(..n).unwrap_or_default())
    }
}

/// The stopword languages of a word whose lowercase form `low` may hold an apostrophe: those of
/// its form without the apostrophes around it, else of its elided article (`l'homme`,
/// `dell'anno`, `d'un`); `langs` are those of `low` itself.
fn langs_through_apostrophes(table: &WordTable, low: &[u8], langs: u32) -> u32 {
    let mut mask = langs;
    let trimmed = trim_apostrophes(low);
    if trimmed.len() != low.len() {
        mask = table.get(trimmed) & LANG_BITS;
    }
    if mask == 0 {
        if let Some(p) = low.iter().position(|&b| b == b'\'') {
            mask = table.get(&low[..=p]) & LANG_BITS;
        }
    }
    mask
}

/// The ASCII characters `char::is_whitespace` accepts.
#[inline]
const fn is_ascii_space(b: u8) -> bool {
    // \t \n \v \f \r are 9..=13
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// The whitespace-separated tokens of a line, as `str::split_whitespace` cuts them, with ASCII
/// bytes classified without decoding.
struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens { text, at: 0 }
    }

    /// Length in bytes of the whitespace character at `i`, or 0 when it is none.
    #[inline]
    fn space_at(&self, i: usize) -> usize {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            return usize::from(is_ascii_space(b));
        }
        match self.text.get(i..).and_then(|t| t.chars().next()) {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        }
    }

    /// Moves past the spaces at the cursor; the start of the next token, or `None` at the end.
    #[inline]
    fn skip_spaces(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        loop {
            if i >= bytes.len() {
                self.at = i;
                return None;
            }
            match self.space_at(i) {
                0 => return Some(i),
                n => i += n,
            }
        }
    }

    /// The next token, and when it is ASCII the sum of its bytes' [`TOKEN_COUNTS`] (read with
    /// [`AsciiScan::of`]): one table load and one add per byte.
    #[inline]
    fn next_scanned(&mut self) -> Option<(&'a str, Option<u64>)> {
        let bytes = self.text.as_bytes();
        let start = self.skip_spaces()?;
        let mut i = start;
        let mut counts = 0u64;
        let mut ascii = true;
        // where the search for the next token starts: past an ASCII space that ends this one
        let mut next = None;
        while let Some(&b) = bytes.get(i) {
            let v = TOKEN_COUNTS[usize::from(b)];
            if v < RUN_END {
                counts += v;
                i += 1;
                continue;
            }
            if v == ASCII_SPACE_ENTRY {
                next = Some(i + 1);
                break;
            }
            // a non-ASCII character: whitespace ends the token, anything else is skipped whole
            if self.space_at(i) != 0 {
                break;
            }
            ascii = false;
            i += 1;
            while i < bytes.len() && (bytes[i] as i8) < -0x40 {
                i += 1;
            }
        }
        self.at = next.unwrap_or(i);
        let tok = self.text.get(start..i)?;
        Some((tok, ascii.then_some(counts)))
    }

    #[cfg(test)]
    fn next_token(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.skip_spaces()?;
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                i += 1;
                continue;
            }
            // skip a non-whitespace character whole
            if self.space_at(i) != 0 {
                break;
            }
            i += 1;
            while i < bytes.len() && (bytes[i] as i8) < -0x40 {
                i += 1;
            }
        }
        self.at = i;
        self.text.get(start..i)
    }
}

/// Full stops: ASCII `.`, the ideographic `。` and full-width `．`, the Devanagari danda `।` and
/// double danda `॥`, the Urdu `۔`, the Armenian `։`, the Ethiopic `።`, the Myanmar `။` and the
/// Khmer `។` and `៕`. (Thai and Lao write none: a space ends their sentences.)
pub const FULL_STOPS: [char; 11] = ['.', '。', '．', '।', '॥', '۔', '։', '።', '။', '។', '៕'];

/// Question and exclamation marks: ASCII, full-width and the Arabic `؟`.
pub const QUESTION_AND_EXCLAMATION_MARKS: [char; 5] = ['!', '?', '！', '？', '؟'];

/// Colons: ASCII `:`, full-width `：` and the Ethiopic preface colon `፥`.
pub const COLONS: [char; 3] = [':', '：', '፥'];

/// Commas and semicolons (what a clause ends with): ASCII and full-width, the ideographic
/// comma `、`, the Arabic `،` and `؛`, the Ethiopic `፣` and `፤`.
pub const CLAUSE_ENDS: [char; 9] = [',', ';', '，', '；', '、', '،', '؛', '፣', '፤'];

/// Currency signs an amount is written with (`$40`, `€ 12,99`, `12.50£`): the dollar's, the
/// euro's, the pound's, the yen's, the rupee's, the rouble's, the won's, the lira's, the
/// hryvnia's, the shekel's, the dong's, the peso's and the baht's.
pub const CURRENCY_SIGNS: [char; 13] = [
    '$', '€', '£', '¥', '₹', '₽', '₩', '₺', '₴', '₪', '₫', '₱', '฿',
];

/// Currency names and codes written beside an amount (`1000 Euro`, `USD 40`, `R$ 25`),
/// lowercase.
pub const CURRENCY_WORDS: [&str; 22] = [
    "us$", "r$", "euro", "euros", "eur", "dollar", "dollars", "usd", "gbp", "chf", "jpy", "inr",
    "rs.", "zł", "pln", "sek", "nok", "dkk", "kč", "czk", "rub", "yen",
];

/// Longest of [`CURRENCY_WORDS`], in bytes.
const CURRENCY_WORD_MAX_LEN: usize = 7;

/// Whether `t` is a currency's mark: a sign of [`CURRENCY_SIGNS`] alone or a name or code of
/// [`CURRENCY_WORDS`] in any case (`$`, `EUR`, `Euro`), a comma or semicolon after it allowed.
pub fn is_currency_mark(t: &str) -> bool {
    let t = t.trim_end_matches([',', ';']);
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => CURRENCY_SIGNS.contains(&c),
        _ => {
            t.len() <= CURRENCY_WORD_MAX_LEN && CURRENCY_WORDS.contains(&t.to_lowercase().as_str())
        }
    }
}

/// The amount of a token written with its currency's mark ([`is_currency_mark`]) glued before
/// or after it (`$89.99`, `US$5`, `19EUR`, `12,50€`, `49,-€`): the token less its mark, the part
/// from its first digit, or up to the first character after it that is none of an amount's
/// (a digit, `.`, `,`, `'`, `-`). None without such a mark.
pub fn amount_of_priced_token(t: &str) -> Option<&str> {
    let start = t.find(|c: char| c.is_ascii_digit())?;
    if start > 0 {
        return is_currency_mark(&t[..start]).then_some(&t[start..]);
    }
    let end = t.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '-')))?;
    is_currency_mark(&t[end..]).then_some(&t[..end])
}

/// Whether `line` (trimmed at its end) ends a sentence: a full stop, a question or exclamation
/// mark or an ellipsis of any script in [`FULL_STOPS`] and [`QUESTION_AND_EXCLAMATION_MARKS`].
pub fn ends_a_sentence_mark(line: &str) -> bool {
    line.ends_with(|c: char| {
        c == '…' || FULL_STOPS.contains(&c) || QUESTION_AND_EXCLAMATION_MARKS.contains(&c)
    })
}

/// Longer lines with a `©` are prose that mentions one, not a copyright footer.
const COPYRIGHT_MAX_WORDS: u32 = 40;

/// The signs of [`is_unspaced_southeast_asian`] blocks that are punctuation or currency (`ฯ` and `ๆ`
/// are letters): the Thai baht and marks `๏ ๚ ๛`, Myanmar `၊ ။ ၌ ၍ ၎ ၏`, Khmer `។ ៕ ៖ ៗ ៘ ៙
/// ៚ ៛`. Every other non-digit of those blocks is a letter or a mark on one (a vowel sign, a
/// tone mark), and counts as a letter.
fn is_unspaced_punctuation(c: char) -> bool {
    matches!(c as u32, 0x0E3F | 0x0E4F | 0x0E5A | 0x0E5B | 0x104A..=0x104F | 0x17D4..=0x17DB)
}

/// Thai and Lao, which write no sentence marks: a space ends a sentence, and a line's end ends
/// its last one.
fn is_thai_or_lao(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF)
}

/// Fewest words of a line of Thai or Lao that reads as a sentence (as if it ended in a full
/// stop): twice a short line's, longer than a headline or a list item.
const UNMARKED_SENTENCE_WORDS: u32 = 16;

/// Letters (and their marks) of a word of Thai, Lao, Myanmar or Khmer, about: a token of `n`
/// such letters holds `n / UNSPACED_WORD_LETTERS` words (one at least).
const UNSPACED_WORD_LETTERS: u32 = 4;

/// Words of a page's previous / next links (`« Previous Next »`, `« Article précédent Article
/// suivant »`), which a line all in one pair of guillemets may hold instead of a quotation.
const POST_NAVIGATION_WORDS: [&str; 14] = [
    "previous",
    "prev",
    "next",
    "older",
    "newer",
    "précédent",
    "précédente",
    "suivant",
    "suivante",
    "vorheriger",
    "nächster",
    "zurück",
    "anterior",
    "siguiente",
];

/// Whether `line` holds one of [`POST_NAVIGATION_WORDS`] as a word.
fn names_post_navigation(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let w = w.to_lowercase();
        POST_NAVIGATION_WORDS.contains(&w.as_str())
    })
}

/// Whether more than half of `line`'s words open with a capital: a title-case line, such as
/// two post titles glued between a previous link's `«` and a next link's `»`, not a quotation.
fn mostly_capitalised(line: &str) -> bool {
    let (mut words, mut capitals) = (0, 0);
    for w in line.split_whitespace() {
        let Some(c) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        words += 1;
        capitals += usize::from(c.is_uppercase());
    }
    2 * capitals > words
}

const BULLETS: [&str; 9] = ["* ", "• ", "- ", "– ", "· ", "» ", "> ", "▪ ", "◦ "];

/// Computes the features of `line`; `lower` is scratch space reused across calls.
pub fn extract(line: &str, lower: &mut String) -> Features {
    extract_with(line, lower, true)
}

/// [`extract`]; with `ascii_fast` false every token takes the general `char` loop (what the fast
/// path is tested against).
fn extract_with(line: &str, lower: &mut String, ascii_fast: bool) -> Features {
    let mut f = Features::default();
    let mut body = line.trim();
    for b in BULLETS {
        if let Some(rest) = body.strip_prefix(b) {
            f.bullet = true;
            body = rest.trim_start();
            break;
        }
    }
    if body == "*" || body == "•" || body == "-" {
        f.bullet = true;
        body = "";
    }
    if !f.bullet {
        // text browsers' second-level bullet: `o Item`; a lone lowercase `o` that opens a
        // capitalised line is no word (and would count as a stopword in seven languages)
        if let Some(rest) = body.strip_prefix("o ") {
            if rest.starts_with(char::is_uppercase) {
                f.bullet = true;
                body = rest.trim_start();
            }
        }
    }
    let mut clock = false;
    // lowercase words of three letters or more after the line's last clock time
    let mut lower_after_clock = 0u32;
    let mut year = false;
    let mut says = false;
    let mut reply = false;
    let mut comment_word = false;
    let mut cjk = 0u32;
    // words of Thai, Lao, Myanmar and Khmer beyond their tokens' one each
    let mut unspaced_words = 0u32;
    // letters of Thai and Lao, which write no sentence marks
    let mut unmarked_letters = 0u32;
    // a pair of guillemets that quotes inside the line (`le roman « Trois ponts » paraît`) is
    // no breadcrumb's `»`; a line that opens or ends with one, or holds a `|`, is a page's
    // `« Previous | Home | Next »`
    // both pairs are non-ASCII: an ASCII line (most lines) skips the four searches
    let ascii = body.is_ascii();
    // a line that is one quotation (`« Je voulais lui rendre ce temps »`, a headline quoting
    // someone) is a quote too: one pair, opening and closing the line, with no wide gap
    // between two links in it
    let quoted = |open: char, close: char| {
        !ascii
            && body.contains(open)
            && body.contains(close)
            && !body.contains('|')
            && (!body.starts_with([open, close]) && !body.trim_end().ends_with([open, close])
                || body.starts_with(open)
                    && body.trim_end().ends_with(close)
                    && body.matches([open, close]).count() == 2
                    && !body.contains("  ")
                    && !body.contains('\t')
                    && !names_post_navigation(body)
                    && !mostly_capitalised(body))
    };
    let guillemets = quoted('«', '»');
    let angles = quoted('‹', '›');
    let quote_mark =
        |t: &str| guillemets && matches!(t, "«" | "»") || angles && matches!(t, "‹" | "›");
    let table = word_table();
    let mut tokens = Tokens::new(body);
    while let Some((tok, counts)) = tokens.next_scanned() {
        f.words += 1;
        let letters_before = f.letters;
        let first_upper;
        let clock_token;
        // a word's (a token with a letter) facts in the word table and its stopword languages
        let word: Option<(u32, u32)>;
        if let Some(counts) = counts.filter(|_| ascii_fast) {
            // an ASCII token: the same facts as the general path below, from one byte pass
            let scan = AsciiScan::of(tok, counts);
            clock_token = scan.marks > 0 && is_clock(tok);
            year |= scan.digits == 4 && scan.letters == 0 && is_year(tok);
            // every separator token but those holding a `|` is made of symbols only
            if scan.pipe
                || (scan.letters == 0
                    && scan.digits == 0
                    && tok.len() <= 3
                    && is_separator_token(tok))
            {
                f.separators += 1;
            }
            if scan.marks > 0 && !ends_a_sentence(tok, scan.marks) && is_link_token(tok) {
                f.links += 1;
            }
            f.chars += tok.len() as u32;
            f.letters += scan.letters;
            f.digits += scan.digits;
            f.symbols += tok.len() as u32 - scan.letters - scan.digits;
            first_upper = scan.letters > 0
                && tok
                    .bytes()
                    .find(u8::is_ascii_alphabetic)
                    .is_some_and(|b| b.is_ascii_uppercase());
            word = if scan.letters == 0 {
                None
            } else if scan.apostrophes == 0 {
                // a word without an apostrophe (most words) is its own trimmed form and has
                // no elision
                let facts = ascii_word_facts(table, tok, &scan);
                Some((facts, facts & LANG_BITS))
            } else {
                lower.clear();
                push_ascii_lower(tok, lower);
                let low = lower.as_bytes();
                let facts = table.get(low);
                Some((
                    facts,
                    langs_through_apostrophes(table, low, facts & LANG_BITS),
                ))
            };
        } else {
            lower.clear();
            clock_token = is_clock(tok);
            year |= is_year(tok);
            if is_separator_token(tok) && !quote_mark(tok) {
                f.separators += 1;
            }
            if is_link_token(tok) {
                f.links += 1;
            }
            let mut first_alpha: Option<char> = None;
            let mut unspaced = 0u32;
            for c in tok.chars() {
                if c == SOFT_HYPHEN {
                    // the text's own hyphenation: no character of the word
                    continue;
                }
                f.chars += 1;
                if is_unspaced_southeast_asian(c) && !c.is_numeric() && !is_unspaced_punctuation(c)
                {
                    // a letter, or a vowel sign or tone mark on one
                    unspaced += 1;
                    unmarked_letters += u32::from(is_thai_or_lao(c));
                    f.letters += 1;
                    if first_alpha.is_none() {
                        first_alpha = Some(c);
                    }
                    lower.push(c);
                } else if crate::chars::is_alphabetic(c) {
                    f.letters += 1;
                    if !c.is_ascii() && is_han_or_kana(c) {
                        cjk += 1;
                    }
                    if first_alpha.is_none() {
                        first_alpha = Some(c);
                    }
                    if c.is_ascii() {
                        lower.push(c.to_ascii_lowercase());
                    } else {
                        lower.extend(c.to_lowercase());
                    }
                } else if c.is_numeric() {
                    f.digits += 1;
                    lower.push(c);
                } else {
                    f.symbols += 1;
                    if c == '©' {
                        f.copyright = true;
                    }
                    if c == '\'' || c == '’' {
                        lower.push('\'');
                    }
                }
            }
            unspaced_words += (unspaced / UNSPACED_WORD_LETTERS).saturating_sub(1);
            first_upper = first_alpha.is_some_and(char::is_uppercase);
            // the token's lowercase form (letters, digits, apostrophes), UTF-8
            let low = lower.as_bytes();
            word = first_alpha.map(|_| {
                let facts = table.get(low);
                (
                    facts,
                    langs_through_apostrophes(table, low, facts & LANG_BITS),
                )
            });
        };
        if clock_token {
            clock = true;
            lower_after_clock = 0;
        } else if clock && word.is_some() && !first_upper && f.letters - letters_before >= 3 {
            lower_after_clock += 1;
        }
        if let Some((facts, mut mask)) = word {
            reply |= facts & REPLY != 0;
            says = tok.ends_with(':') && facts & SAYS != 0;
            comment_word |= facts & COMMENT != 0;
            f.alpha_words += 1;
            if first_upper {
                f.cap_words += 1;
            }
            // one step per language that lists the word (most words: none, a stopword: a
            // few), not one per bit below its highest
            while mask != 0 {
                f.stop[mask.trailing_zeros() as usize] += 1;
                mask &= mask - 1;
            }
        }
    }
    // spaces between tokens count as characters too
    f.chars += f.words.saturating_sub(1);
    // Chinese and Japanese write no spaces between words: a word is about two characters;
    // Thai, Lao, Myanmar and Khmer space phrases, not words: a word is about four letters
    f.words += cjk / 2 + unspaced_words;
    let end = body.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '“' | '」' | '』' | '）'
        )
    });
    // a copyright sign marks a footer line, not a paragraph that quotes one
    f.copyright &= f.words <= COPYRIGHT_MAX_WORDS;
    f.terminal = ends_a_sentence_mark(end)
        // a long line in a script without sentence marks ends a sentence
        || 2 * unmarked_letters > f.letters && f.words >= UNMARKED_SENTENCE_WORDS;
    // a sentence that tells a time (`At 09:12 the database hit its limit.`) is prose: it ends
    // like one, most of its words are lowercase and it names no year, where a comment's header
    // or a byline is names, month names and a date (`Anna Maria Schmidt on 12 May 2021 at
    // 12:30`, `Submitted by admin on August 8, 2005 - 10:42pm.`); so is a sentence after the
    // time (`Update 8:05 AM ET: Added the Lisbon figures.`, `9:30 AM  Walks along the river.`):
    // a header ends at its time or with a name and a verb after it (`Updated at 4:10 p.m.`,
    // `At 3/2/2006 09:14:02 PM, Anonymous said...`)
    let told_time = f.terminal
        && !year
        && (f.alpha_words >= 4 && f.cap_words * 2 < f.alpha_words
            || lower_after_clock >= SENTENCE_AFTER_CLOCK_WORDS);
    f.clock = clock && f.words <= 15 && !told_time;
    f.thread_marker = (reply && f.words <= 4)
        || (says && f.words <= 8)
        || (comment_word
            && f.words <= 4
            && !feed_link(body)
            && !declined_to_comment(body)
            && !asks_in_words(end, f.alpha_words));
    f.thread_heading = f.words <= 30 && counted_comment_heading(body);
    f.thread_marker |= f.thread_heading;
    f.comment_marker = f.thread_marker || f.clock;
    f.code = !f.terminal && f.words <= CODE_MAX_WORDS && !f.comment_marker && code_shaped(line);
    f.colon = end.ends_with(COLONS);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fx(s: &str) -> Features {
        extract(s, &mut String::new())
    }

    #[test]
    fn soft_hyphens_are_no_characters_of_a_word() {
        let hyphenated = "Es be\u{AD}ste\u{AD}hen Un\u{AD}ter\u{AD}schiede zwi\u{AD}schen den Werk\u{AD}zeu\u{AD}gen.";
        let plain = "Es bestehen Unterschiede zwischen den Werkzeugen.";
        assert_eq!(fx(hyphenated), fx(plain));
        let de = LANGS.iter().position(|&l| l == "de").unwrap();
        assert!(fx(hyphenated).stop_density(de) > 0.3);
    }

    #[test]
    fn a_question_is_no_comment_marker() {
        // French `comment` (how) opens questions, with or without the space before the mark
        for question in ["Comment payer ?", "Comment payer\u{a0}?", "Comment payer?"] {
            assert!(!fx(question).comment_marker, "{question}");
            assert!(fx(question).terminal, "{question}");
        }
        for chrome in [
            "Comments",
            "Comment",
            "1 Comment",
            "Post comment",
            "Comments?",
        ] {
            assert!(fx(chrome).comment_marker, "{chrome}");
        }
    }

    #[test]
    fn a_refusal_to_comment_is_no_comment_marker() {
        for prose in ["WeWork declined to comment.", "She refused to comment."] {
            assert!(!fx(prose).thread_marker, "{prose}");
        }
        for chrome in [
            "Log in to comment.",
            "Comments are closed.",
            "Leave a comment",
        ] {
            assert!(fx(chrome).thread_marker, "{chrome}");
        }
    }

    #[test]
    fn prose_line() {
        let f = fx("The mayor said that the bridge would open in the spring of next year.");
        assert_eq!(f.words, 14);
        assert!(f.terminal);
        assert!(f.stop_density(0) > 0.3);
        assert_eq!(f.separators, 0);
        assert_eq!(f.links, 0);
    }

    fn f_para_terminal(line: &str) -> bool {
        fx(line).terminal
    }

    #[test]
    fn thai_lao_myanmar_and_khmer_words_are_counted_by_letters() {
        // a Thai paragraph of about 38 words in three space-separated phrases
        let thai = "กรุงเทพมหานครเปิดให้บริการเรือโดยสารไฟฟ้าสายใหม่ในคลองแสนแสบอย่างเป็นทางการเมื่อวันพุธ โดยเรือจะวิ่งระหว่างท่าประตูน้ำกับท่าวัดศรีบุญเรือง ระยะทางประมาณสิบแปดกิโลเมตร";
        let f = fx(thai);
        assert!((30..=45).contains(&f.words), "{}", f.words);
        // tone marks and vowel signs are letters, not symbols
        assert_eq!(f.symbols, 0);
        assert_eq!(f.letters + 2, f.chars);
        // a menu label is a word or two
        assert!(fx("เศรษฐกิจ").words <= 2);
        assert_eq!(fx("แชร์").words, 1);
        // Lao, Myanmar and Khmer the same way
        for line in [
            "ລັດຖະບານໄດ້ປະກາດແຜນການໃໝ່ເພື່ອຊ່ວຍເຫຼືອທຸລະກິດຂະໜາດນ້ອຍ",
            "အစိုးရသည်အသေးစားလုပ်ငန်းများကိုကူညီရန်အစီအစဉ်သစ်ကိုကြေညာခဲ့သည်",
            "រដ្ឋាភិបាលបានប្រកាសផែនការថ្មីដើម្បីជួយអាជីវកម្មខ្នាតតូច",
        ] {
            assert!(fx(line).words >= 8, "{line}: {}", fx(line).words);
        }
        // a Thai paragraph ends a sentence without a mark; a headline does not
        assert!(f_para_terminal(thai));
        assert!(!fx("เชียงใหม่เตรียมรับมือหมอกควันช่วงต้นปี").terminal);
        // their digits and punctuation are no letters
        let f = fx("๒๕๖๘ ฿");
        assert_eq!((f.letters, f.digits, f.symbols), (0, 4, 1));
    }

    #[test]
    fn sentences_end_in_the_full_stops_of_other_scripts() {
        for line in [
            "सरकार ने नई योजना की घोषणा की।",
            "यह योजना युवाओं के लिए है॥",
            "هل ستنجح الخطة الجديدة؟",
            "حکومت نے نئی اسکیم کا اعلان کیا۔",
            "Կառավարությունը նոր ծրագիր է հայտարարել։",
            "መንግሥት አዲስ ዕቅድ አስታውቋል።",
            "အစိုးရက အစီအစဉ်သစ် ကြေညာခဲ့သည်။",
            "រដ្ឋាភិបាលបានប្រកាសផែនការថ្មី។",
        ] {
            assert!(fx(line).terminal, "{line}");
        }
        assert!(!fx("योजना में शामिल हैं:").terminal);
    }

    #[test]
    fn full_width_colons_introduce_like_ascii_ones() {
        assert!(fx("专家指出，城市空中交通目前仍面临三大难题：").colon);
        assert!(fx("Experts name three problems:").colon);
        assert!(!fx("二是起降场地不足；").colon);
    }

    #[test]
    fn sentences_end_in_full_width_marks_and_closing_brackets_too() {
        for line in [
            "“以前上班要换两次公交，现在坐地铁二十分钟就到了吗？”",
            "市民纷纷表示欢迎！",
            "「新しい駅ができて本当に便利になりました。」",
            "(That is all there is to it.)",
        ] {
            assert!(fx(line).terminal, "{line}");
        }
        assert!(!fx("成都地铁30号线今日开通").terminal);
        assert!(!fx("「新商品」").terminal);
    }

    #[test]
    fn menu_line() {
        let f = fx("Home | News | Sport | Contact");
        assert_eq!(f.separators, 3);
        assert!(f.cap_share() > 0.99);
        assert!(!f.terminal);
    }

    #[test]
    fn bullets_links_and_elision() {
        let f = fx("* Follow @some_handle or write to desk@example.org");
        assert!(f.bullet);
        assert_eq!(f.links, 2);
        let f = fx("l'homme est dans la maison.");
        assert!(f.stop[2 + 1] >= 3);
        // Chinese prose has no spaces: its words are counted from its characters
        assert!(fx("钟声响起时，城市里的人们停下脚步，一起为英雄默哀。").words >= 10);
        assert!(fx("Copyright © 2020 Example").copyright);
        // a paragraph that carries a © somewhere is prose, not a footer
        let long = format!(
            "{} © 2004 Example Ltd.",
            "the sales letter goes on and on ".repeat(8)
        );
        assert!(!fx(&long).copyright);
        // a text browser's `o` bullet opens a capitalised item; a lowercase `o` is a word
        let f = fx("o Garage Door and Garage Door Opener Expert");
        assert!(f.bullet);
        assert_eq!(f.words, 7);
        let lang = |code: &str| LANGS.iter().position(|&l| l == code).unwrap();
        for code in ["es", "pt", "pl", "cs"] {
            assert_eq!(f.stop[lang(code)], 0, "{code}: {f:?}");
        }
        assert_eq!(f.stop[lang("en")], 1, "{f:?}");
        let f = fx("o menino chegou cedo");
        assert!(!f.bullet);
        assert_eq!(f.words, 4);
    }

    #[test]
    fn comment_markers() {
        assert!(fx("Reply").comment_marker);
        assert!(fx("Leave a Reply").thread_marker);
        assert!(fx("More | Reply Login").thread_marker);
        assert!(fx("12 Comments").thread_marker);
        assert!(!fx("RSS 2.0 Comments").thread_marker);
        assert!(!fx("Comments feed").thread_marker);
        assert!(!fx("They did not reply to our letters.").thread_marker);
        for l in [
            "27 comments to Free Speech, Context, and Visibility",
            "One response to “Harbour plan wins a prize”",
            "3 Gedanken zu „Der Hafen im Winter“",
            "12 commentaires sur « Le port »",
        ] {
            assert!(fx(l).thread_heading && fx(l).thread_marker, "{l}");
        }
        for l in [
            "27 comments",
            "3 replies to the council were sent in May.",
            "Two thoughts on the harbour came up at the meeting.",
        ] {
            assert!(!fx(l).thread_heading, "{l}");
        }
        // the first byte's test lets every counted number through
        for n in [
            "27", "1", "one", "One", "EIN", "eine", "Un", "une", "uno", "UNA",
        ] {
            for l in [
                format!("{n} comments to the harbour plan"),
                format!("{n} Kommentare zu „Der Hafen“"),
            ] {
                assert!(counted_comment_heading(&l), "{l}");
            }
        }
        assert!(fx("Jane Doe says:").comment_marker);
        assert!(fx("12 Kommentare").comment_marker);
        assert!(fx("March 3, 2021 at 9:41 pm").clock);
        assert!(fx("Comment by Anna Maria Schmidt on 12 May 2021 at 12:30.").clock);
        // a sentence that tells a time is no comment's clock
        assert!(!fx("At 09:20 our on-call engineer was paged.").clock);
        assert!(!fx("Um 09:20 wurde der Dienst wieder freigegeben.").comment_marker);
        assert!(fx("Submitted by admin on August 8, 2005 - 10:42pm.").clock);
        // nor is a sentence after the time: an update note, a schedule's entry
        assert!(!fx("Update June 4th, 9:15AM ET: Added the mayor's statement.").clock);
        assert!(!fx("Correction 14:02: An earlier version misnamed the bridge.").clock);
        assert!(!fx("8:30 AM  Leaves the harbour and walks to the market.").clock);
        // a header's time ends it, or a word or two after it do
        assert!(fx("Updated at 4:10 p.m.").clock);
        assert!(fx("Posted by Anna at 10:42 PM.").clock);
        assert!(fx("posted by Anna @ 10:42 PM 3 comments").clock);
        assert!(fx("At 3/2/2006 09:14:02 PM, Anonymous said...").clock);
        assert!(!fx("She says the plan will work.").comment_marker);
        assert!(!fx("Replying to critics, the minister defended the budget.").comment_marker);
    }

    #[test]
    fn code_lines_carry_a_programming_mark() {
        for l in [
            "pip install requests==2.31.0",
            "pip freeze > requirements.txt",
            "cd ~/projects/weather",
            "source .venv/bin/activate",
            "def main():",
            "    print(\"hello\")",
            "$ ls -la",
            "git commit --amend",
            "# connect the client",
            "CMD flask run exampleapp:app",
            "sudo apt-get update && sudo apt-get install nginx",
            "apt install -y build-essential",
            "npm install -g typescript",
            "make || echo failed",
            "sudo reboot",
            "{",
            "});",
            "  ]",
        ] {
            assert!(fx(l).code, "{l}");
        }
        for l in [
            "deactivate",
            "share | tweet | pin",
            "www.example.com",
            "Home > News > Sport",
            "the cat sat on the mat (quietly).",
            "email me at jane@example.com",
            "example.com-Newsletter",
            "#travel #food",
            "HOME NEWS SPORT",
            "NSG Events/Actions  News/Analysis",
            "IE 7 | Firefox 1.5.x",
            "well - known",
            "sudo",
            "Sudo Apt",
            "temperatures of -5 degrees",
            "(",
            "Rock & Roll",
        ] {
            assert!(!fx(l).code, "{l}");
        }
    }

    #[test]
    fn word_facts_are_the_lists() {
        let langs = |w: &str| super::super::stopwords::langs_of(w.as_bytes());
        let word_facts = |w: &[u8]| word_table().get(w);
        for (list, flag) in [
            (&REPLY_WORDS[..], REPLY),
            (&COMMENT_WORDS[..], COMMENT),
            (&SAYS_WORDS[..], SAYS),
        ] {
            for w in list {
                assert_ne!(word_facts(w.as_bytes()) & flag, 0, "{w:?}");
                assert_eq!(word_facts(w.as_bytes()) & LANG_BITS, langs(w), "{w:?}");
            }
        }
        for w in ["the", "und", "qué", "zebra", "l'", "replying", ""] {
            let flags = [&REPLY_WORDS[..], &COMMENT_WORDS[..], &SAYS_WORDS[..]]
                .iter()
                .zip([REPLY, COMMENT, SAYS])
                .filter(|(l, _)| l.contains(&w))
                .fold(0, |a, (_, f)| a | f);
            assert_eq!(word_facts(w.as_bytes()), langs(w) | flags, "{w:?}");
        }
    }

    #[test]
    fn link_shapes() {
        for t in [
            "example.com.",
            "(news.co.uk)",
            "https://x",
            "www.a",
            "@handle",
            "a@b.de",
        ] {
            assert!(is_link_token(t), "{t:?}");
        }
        for t in [
            "year.", "U.S.", "9:41", "a@b", "e.g.", "com", ".com", "x.comx",
        ] {
            assert!(!is_link_token(t), "{t:?}");
        }
    }

    #[test]
    fn trim_apostrophes_is_trim_matches() {
        for w in [
            "", "'", "''", "'a'", "a''", "''a", "l'homme", "'d'un'", "’x’",
        ] {
            assert_eq!(
                trim_apostrophes(w.as_bytes()),
                w.trim_matches('\'').as_bytes()
            );
        }
    }

    #[test]
    fn sentence_ends_are_no_links() {
        for t in [
            "year.", "(year.", "a/b.", "[x]y.", "\"www.", "www.", "(www.", "xwww.", "a.b.", "x:y.",
            "U.S.", "...", ".", "ab.c", "abc",
        ] {
            let marks = t
                .bytes()
                .filter(|b| matches!(b, b'.' | b'@' | b':'))
                .count() as u32;
            if ends_a_sentence(t, marks) {
                assert!(!is_link_token(t), "{t:?}");
            }
        }
        assert!(ends_a_sentence("year.", 1) && !ends_a_sentence("www.", 1));
    }

    /// Lines with every kind of space and a few scripts, for the tokenizer tests.
    const SPACING_CASES: [&str; 7] = [
        "",
        "a",
        "  a  b\tc\u{b}d\u{c}e\r\nf ",
        "x\u{a0}y\u{2009}z\u{3000}w",
        "héllo wörld — ok",
        "\u{1F600}\u{1F600} a",
        " \u{85}a\u{2028}b",
    ];

    #[test]
    fn scanned_tokens_are_split_whitespace() {
        // tokens longer than a count field holds (4095): counted again on their own
        let long = format!(
            "{}|{} {}",
            "Ab.".repeat(3_000),
            "9'".repeat(4_000),
            "x|".repeat(70_000)
        );
        for s in SPACING_CASES
            .into_iter()
            .chain(["O'Brien's Ab|c d.e@f:g \u{1}\u{7f}", &long])
        {
            let mut t = Tokens::new(s);
            let mut got = Vec::new();
            while let Some((tok, counts)) = t.next_scanned() {
                assert_eq!(counts.is_some(), tok.is_ascii(), "{tok:?}");
                if let Some(counts) = counts {
                    let scan = AsciiScan::of(tok, counts);
                    let b = tok.as_bytes();
                    let count = |f: fn(&u8) -> bool| b.iter().filter(|c| f(c)).count() as u32;
                    assert_eq!(scan.letters, count(u8::is_ascii_alphabetic));
                    assert_eq!(scan.digits, count(u8::is_ascii_digit));
                    assert_eq!(scan.marks, count(|c| matches!(c, b'.' | b'@' | b':')));
                    assert_eq!(scan.pipe, b.contains(&b'|'));
                    assert_eq!(scan.apostrophes, count(|&c| c == b'\''));
                }
                got.push(tok);
            }
            assert_eq!(got, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    /// A word of ASCII letters and digits is looked up lowercased without a copy, as a copy of
    /// its lowercase form is.
    #[test]
    fn alphanumeric_words_are_looked_up_lowercased() {
        let table = word_table();
        for w in [
            "The",
            "THE",
            "und",
            "Reply",
            "COMMENTS",
            "a",
            "A",
            "2021",
            "x9",
            "Kommentare",
            "Beantwoorden",
            "ABCDEFGHIJKLMNOP",
            "permalink",
            "Permalinks",
        ] {
            let lower = w.to_ascii_lowercase();
            assert_eq!(
                table.get_ascii_alphanumeric_lowered(w.as_bytes()),
                table.get(lower.as_bytes()),
                "{w}"
            );
        }
        assert_ne!(table.get_ascii_alphanumeric_lowered(b"The"), 0);
        assert_ne!(
            table.get_ascii_alphanumeric_lowered(b"Beantwoorden") & REPLY,
            0
        );
        assert_eq!(
            table.get_ascii_alphanumeric_lowered(b"ABCDEFGHIJKLMNOPQ"),
            0
        );
        assert_eq!(table.get_ascii_alphanumeric_lowered(b""), 0);
    }

    #[test]
    fn tokens_are_split_whitespace() {
        for s in SPACING_CASES {
            let mut t = Tokens::new(s);
            let mut got = Vec::new();
            while let Some(tok) = t.next_token() {
                got.push(tok);
            }
            assert_eq!(got, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn fast_path_matches_general_path() {
        let lines = [
            "The mayor said that the bridge would open in the spring of next year.",
            "Home | News | Sport | Contact",
            "* Follow @some_handle or write to desk@example.org",
            "l'homme est dans la maison.",
            "Copyright © 2020 Example",
            "Reply",
            "Jane Doe says:",
            "12 Kommentare",
            "March 3, 2021 at 9:41 pm",
            "@04:20AM (9:41) [21:05] x:yz",
            "Visit www.example.com or https://x.org/a?b=c, (news.co.uk).",
            "It's Ünïcode ÉTÉ d'un dell'anno l’homme ’quoted’",
            "Ελληνικά κείμενο Москва — “город” 東京 漢字",
            "a|b || >> << :: → ► ▪ ◦ ¦ # ~ + * - – — / · • » « › ‹",
            "Comments (38) | Responses | replies: 4 comentários",
            "ÀB ǅx ﬁne Ⅻ ²³ ١٢٣ ½",
            "says: wrote: Écrit: dit:",
            "\u{1F600} \u{1F600}x x\u{1F600}",
            "  tabs\tand\u{b}vt\u{c}ff \u{a0}nbsp ",
            "''''  '  ’’",
            "- • * » >",
            "O'Brien's 'quote' 123abc ABC123 a1b2",
            "Supercalifragilisticexpialidocious-Supercalifragilisticexpialidocious-More Words",
            "''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''the'' d'''un",
        ];
        for l in lines {
            assert_eq!(
                extract(l, &mut String::new()),
                extract_with(l, &mut String::new(), false),
                "{l:?}"
            );
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            " ",
            "*",
            "''''",
            "@",
            "a@",
            "http://",
            "…",
            "\u{1F600} \u{1F600}",
        ] {
            let _ = fx(s);
        }
    }

    #[test]
    fn guillemets_that_quote_are_no_separators() {
        for l in [
            "Le maire présente « La forêt des lanternes », un projet pour le quartier",
            "Le festival ‹ Trois ponts › ouvre ses portes samedi au port",
        ] {
            assert_eq!(fx(l).separators, 0, "{l}");
        }
        // a breadcrumb, a page's previous / next links and a line that is all quote: separators
        assert_eq!(fx("Accueil » Sport » Voile").separators, 2);
        assert_eq!(
            fx("« Billet précédent | Accueil | Billet suivant »").separators,
            4
        );
        assert_eq!(
            fx("« Le billet d'avant      Le billet d'après »").separators,
            2
        );
        // a headline that is one quotation
        assert_eq!(fx("« Je voulais lui rendre ce temps »").separators, 0);
        assert_eq!(fx("« Précédent » Accueil « Suivant »").separators, 4);
        assert_eq!(fx("« Previous Story Next Story »").separators, 2);
        assert_eq!(
            fx("« A Review of the Year Notes From the Harbour »").separators,
            2
        );
        assert_eq!(fx("«Wir haben keine Zeit mehr»").separators, 0);
        assert_eq!(fx("« Article précédent Article suivant »").separators, 2);
    }

    #[test]
    fn currency_marks_stand_apart_or_glued_to_an_amount() {
        for mark in [
            "$", "€", "₴", "EUR", "Euro", "euros,", "US$", "R$", "zł", "Kč", "Rs.",
        ] {
            assert!(is_currency_mark(mark), "{mark}");
        }
        for word in ["", "E", "Europe", "$$", "US", "dollar-cost"] {
            assert!(!is_currency_mark(word), "{word}");
        }
        assert_eq!(amount_of_priced_token("$89.99"), Some("89.99"));
        assert_eq!(amount_of_priced_token("US$5"), Some("5"));
        assert_eq!(amount_of_priced_token("19EUR"), Some("19"));
        assert_eq!(amount_of_priced_token("12,50€"), Some("12,50"));
        assert_eq!(amount_of_priced_token("49,-€"), Some("49,-"));
        for token in ["89.99", "€", "19kg", "x12$", "A$5"] {
            assert_eq!(amount_of_priced_token(token), None, "{token}");
        }
    }
}
