//! Verse and quotations: a poem's stanzas, a song's verses and chorus, and the attribution line
//! under a quotation (`— Author`). Their lines are short, as a menu's are, but they are written
//! in words: a stanza's lines run on into each other (a comma at a line's end, a lowercase line
//! opening), end sentences, or stand under a song's section label (`[Chorus]`,
//! `[Couplet 1]`), where a menu's entries are one or two title-case nouns. Such a block weighs
//! what its words weigh as one paragraph, and an attribution goes or stays with its quotation.
//!
//! Both passes read only the per-line features, except inside a run of short lines (a stanza's
//! cues) and on a short line that opens with a dash (an attribution).

use super::features::{ends_a_sentence_mark, Features, CLAUSE_ENDS, COLONS};
use super::{chrome_shaped, weight, Class, PageLanguages, Params, Verdict, NAME_LIST_CAP_SHARE};
use crate::doc::Document;

/// Most words of a stanza's line.
const VERSE_LINE_WORDS: u32 = 12;

/// Fewest lines of a stanza with no section label above it ...
const STANZA_LINES: usize = 4;

/// ... and of one under a section label.
const LABELLED_STANZA_LINES: usize = 2;

/// Fewest words per line of a stanza, on average (a menu's entries have one or two).
const STANZA_MEAN_WORDS: u32 = 3;

/// Fewest line ends a sentence runs on across (a comma at the end, a lowercase opening below)
/// that make a block of short lines a stanza by themselves (one does when every other line
/// ends with a mark: see [`runs_on_as_verse`]).
const STANZA_RUN_ONS: usize = 2;

/// Most lines compared with each other for a shared opening word (a stanza is short; a longer
/// block is compared by its first lines).
const OPENING_LINES: usize = 32;

/// Longest section label, in bytes (`[Pre-Chorus 2: Name Surname]`).
const SECTION_LABEL_BYTES: usize = 48;

/// The words a song's section label opens with (lowercase): verse, chorus, bridge, ... in
/// English, French, German, Spanish, Italian, Portuguese, Dutch, Swedish, Finnish, Polish,
/// Turkish and Russian.
const SECTION_LABEL_WORDS: [&str; 40] = [
    "verse",
    "chorus",
    "pre-chorus",
    "prechorus",
    "post-chorus",
    "bridge",
    "refrain",
    "hook",
    "intro",
    "outro",
    "interlude",
    "couplet",
    "pont",
    "strophe",
    "refrän",
    "vers",
    "estribillo",
    "coro",
    "verso",
    "estrofa",
    "puente",
    "strofa",
    "ritornello",
    "ponte",
    "refrão",
    "refrao",
    "couplet",
    "strofe",
    "brug",
    "refrein",
    "omkväde",
    "kertosäe",
    "säkeistö",
    "zwrotka",
    "refren",
    "nakarat",
    "kıta",
    "куплет",
    "припев",
    "бридж",
];

/// Whether `line` is a song's section label: a word of [`SECTION_LABEL_WORDS`], perhaps
/// numbered or marked as repeated (`Verse 2`, `Chorus x2`), perhaps in brackets or parentheses,
/// perhaps naming the singer after a colon (`[Verse 1: Name]`), or ending in a colon
/// (`Refrain:`).
pub(super) fn section_label(line: &str) -> bool {
    let t = line.trim();
    if t.len() > SECTION_LABEL_BYTES {
        return false;
    }
    let inner = t
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .or_else(|| t.strip_prefix('(').and_then(|x| x.strip_suffix(')')))
        .unwrap_or(t);
    let inner = inner.split(':').next().unwrap_or("");
    let mut words = inner.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let mut lower = [0u8; 24];
    let label = if first.is_ascii() {
        let Some(buf) = lower.get_mut(..first.len()) else {
            return false;
        };
        buf.copy_from_slice(first.as_bytes());
        buf.make_ascii_lowercase();
        std::str::from_utf8(buf).unwrap_or("")
    } else {
        ""
    };
    let known = if first.is_ascii() {
        SECTION_LABEL_WORDS.contains(&label)
    } else {
        SECTION_LABEL_WORDS.contains(&first.to_lowercase().as_str())
    };
    // what may follow the word: a number (arabic or roman) or a repeat mark
    let count = |w: &str| {
        let w = w.trim_matches(|c| c == '(' || c == ')');
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, 'x' | 'X' | '×' | 'i' | 'I' | 'v' | 'V'))
    };
    known && words.all(count)
}

/// A line a stanza may hold: a few words, no chrome shape (separators, links), no bullet, no
/// digits, no code, no comment header or clock, not a line a rule removes.
fn verse_line(v: &Verdict, ruled: bool) -> bool {
    let f = &v.features;
    v.class != Class::Blank
        && !ruled
        && f.words <= VERSE_LINE_WORDS
        && f.digits == 0
        && f.links == 0
        && !f.bullet
        && !f.code
        && !f.comment_marker
        && !f.clock
        && !chrome_shaped(f)
}

/// A line that tells nothing of verse at a stanza's edge: every word capitalised and no
/// function word (a poem's title, a menu's entry, `Highway Lights`).
fn unworded(f: &Features, langs: &PageLanguages) -> bool {
    f.cap_words >= f.alpha_words && langs.density(f) == 0.0
}

/// `joined` with the words, letters and stopword hits of `f` added (a block of lines judged as
/// one paragraph).
pub(super) fn add_line(joined: &mut Features, f: &Features) {
    joined.words += f.words;
    joined.alpha_words += f.alpha_words;
    joined.chars += f.chars + 1;
    joined.letters += f.letters;
    joined.digits += f.digits;
    joined.symbols += f.symbols;
    joined.cap_words += f.cap_words;
    for (t, s) in joined.stop.iter_mut().zip(f.stop.iter()) {
        *t = t.saturating_add(*s);
    }
}

/// Stanzas: each run of short lines (no blank line between, see [`verse_line`]) splits at its
/// section labels, each part (the label heading it) is judged by [`judge_stanza`].
pub(super) fn join_stanzas(
    doc: &Document,
    out: &mut [Verdict],
    ruled: &[bool],
    langs: &PageLanguages,
    p: &Params,
) {
    let n = out.len();
    let is_ruled = |i: usize| ruled.get(i).copied().unwrap_or(false);
    // a numbered label (`[Verse 2]`) has a digit, which a verse line has not
    let short = |v: &Verdict| v.class != Class::Blank && v.features.words <= 5;
    let mut i = 0;
    while i < n {
        let start = i;
        // lines of three words or more: a menu's runs of one- or two-word entries have none
        let mut worded = 0;
        while i < n
            && (verse_line(&out[i], is_ruled(i))
                || short(&out[i])
                    && !is_ruled(i)
                    && out[i].features.digits > 0
                    && section_label(doc.line(i)))
        {
            worded += usize::from(out[i].features.words >= STANZA_MEAN_WORDS);
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        if i - start <= LABELLED_STANZA_LINES || worded < LABELLED_STANZA_LINES {
            continue;
        }
        let labels: Vec<usize> = (start..i)
            .filter(|&k| short(&out[k]) && section_label(doc.line(k)))
            .collect();
        // the part above the first label, then each label's part
        let first = labels.first().copied().unwrap_or(i);
        if start < first {
            judge_stanza(doc, out, langs, p, None, start, first);
        }
        for (j, &l) in labels.iter().enumerate() {
            let end = labels.get(j + 1).copied().unwrap_or(i);
            if l + 1 < end {
                judge_stanza(doc, out, langs, p, Some(l), l + 1, end);
            }
        }
    }
}

/// Whether lines `body..end` (no blank line between, each a [`verse_line`]) are a stanza, a
/// poem's or a song's, under the section label `head` if any; if so, its lines weigh what the
/// block weighs as one paragraph (a good line's weight when its words are a good line's
/// function words, a near-good line's otherwise), each (the label too) its share by words. A
/// line already good keeps its own weight.
fn judge_stanza(
    doc: &Document,
    out: &mut [Verdict],
    langs: &PageLanguages,
    p: &Params,
    head: Option<usize>,
    mut body: usize,
    mut end: usize,
) {
    // a title or a menu's entry at the edges is no verse
    if head.is_none() {
        while body < end && unworded(&out[body].features, langs) {
            body += 1;
        }
    }
    while end > body && unworded(&out[end - 1].features, langs) {
        end -= 1;
    }
    let lines = end.saturating_sub(body);
    let fewest = if head.is_some() {
        LABELLED_STANZA_LINES
    } else {
        STANZA_LINES
    };
    if lines < fewest {
        return;
    }
    let mut joined = Features::default();
    for v in &out[body..end] {
        add_line(&mut joined, &v.features);
    }
    if joined.words < STANZA_MEAN_WORDS * lines as u32 || joined.cap_share() >= NAME_LIST_CAP_SHARE
    {
        return;
    }
    let density = langs.density(&joined);
    let verse = head.is_some() || density >= p.near_density && runs_on_as_verse(doc, body, end);
    if !verse {
        return;
    }
    let class = if density >= p.near_density {
        Class::Good
    } else {
        Class::NearGood
    };
    // the label's words count in the stanza's weight, so that the label opens the stanza's
    // run in the core search
    let from = head.unwrap_or(body);
    let label_words = head.map_or(0, |h| out[h].features.words);
    joined.words += label_words;
    let total = weight(class, &joined, p);
    for v in &mut out[from..end] {
        if v.class != Class::Good {
            v.class = class;
            v.score = total * v.features.words as f32 / joined.words.max(1) as f32;
        }
    }
}

/// Whether a sentence runs on across the end of line `k` (of a block of lines with no blank
/// line between): it ends with a comma or a semicolon, or line `k + 1` opens with a lowercase
/// letter (after an opening quotation mark or an inverted question or exclamation mark; a line
/// opening with a symbol, `♥ den Meister`, is a list's item).
fn runs_on(doc: &Document, k: usize) -> bool {
    if doc.line(k).trim_end().ends_with(CLAUSE_ENDS) {
        return true;
    }
    let next = doc
        .line(k + 1)
        .trim_start()
        .trim_start_matches(['"', '“', '„', '«', '‘', '\'', '¿', '¡']);
    let mut words = next.split_whitespace();
    let opens_lowercase = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    // a word of one lowercase letter (`a dog barks`) runs on when the next word is lowercase
    // too: a symbol that is a letter (`ⓘ Details`) or a bullet (`o Item`) does not
    match words.next() {
        Some(w) if w.chars().nth(1).is_none() => {
            opens_lowercase(w) && words.next().is_some_and(opens_lowercase)
        }
        Some(w) => opens_lowercase(w),
        None => false,
    }
}

/// Whether the lines `body..end` (at least two) read as verse by their line ends alone: at
/// least [`STANZA_RUN_ONS`] of them run a sentence on into the next line ([`runs_on`]), or one
/// does and every other ends with a mark (`¿Qué es poesía?, dices mientras clavas` / `en mi
/// pupila tu pupila azul.` / ...); and they are no list whose items open alike (`o use of
/// gestures` / `o fluency`, `SOLD!` / `SOLD!`): no first word opens more than half the lines.
fn runs_on_as_verse(doc: &Document, body: usize, end: usize) -> bool {
    let run_ons = (body..end - 1).filter(|&k| runs_on(doc, k)).count();
    let marked = |k: usize| {
        let line = doc.line(k).trim_end();
        ends_a_sentence_mark(line) || line.ends_with(COLONS) || k + 1 < end && runs_on(doc, k)
    };
    if !(run_ons >= STANZA_RUN_ONS || run_ons >= 1 && (body..end).all(marked)) {
        return false;
    }
    let first_word = |k: usize| doc.line(k).split_whitespace().next().unwrap_or("");
    let lines = (end - body).min(OPENING_LINES);
    !(body..body + lines).any(|a| {
        let w = first_word(a);
        let alike = (body..body + lines).filter(|&b| first_word(b) == w).count();
        2 * alike > lines
    })
}

/// Most words of an attribution line (`— Ernest Hemingway, A Farewell to Arms`).
const ATTRIBUTION_WORDS: u32 = 10;

/// Closing quotation marks a quotation's line ends with (a full stop may follow).
const CLOSING_QUOTES: [char; 9] = ['"', '”', '“', '»', '«', '’', '」', '』', '›'];

/// Whether `line` attributes a quotation: a dash (em, en, horizontal bar, hyphen or tilde) and
/// a few words, not ending a sentence.
fn attribution(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t
        .strip_prefix(['—', '–', '―', '-', '~'])
        .and_then(|r| r.strip_prefix(' '))
    else {
        return false;
    };
    let rest = rest.trim();
    rest.chars().next().is_some_and(char::is_alphabetic) && !rest.ends_with(['.', '!', '?'])
}

/// Whether `line` ends a quotation: a closing quotation mark, perhaps followed by a full stop.
fn ends_a_quotation(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['.', ','])
        .ends_with(CLOSING_QUOTES)
}

/// A quotation's attribution line (`— Author`, right under a line that ends a quotation) is
/// the quotation's: it takes the quotation's class, and the two share the quotation's weight by
/// words, so that it neither breaks a collection of quotations apart nor stays without its
/// quotation. Only a line of a few words
/// that opens with a separator or a bullet is read.
pub(super) fn attach_attributions(doc: &Document, out: &mut [Verdict]) {
    for i in 1..out.len() {
        let f = out[i].features;
        if f.separators == 0 && !f.bullet
            || f.words == 0
            || f.words > ATTRIBUTION_WORDS
            || f.links > 0
            || f.digits > 0
        {
            continue;
        }
        let above = out[i - 1].class;
        // (under a list's item, a dashed line is the list's next item)
        if matches!(above, Class::Good | Class::NearGood)
            && !out[i - 1].features.bullet
            && attribution(doc.line(i))
            && ends_a_quotation(doc.line(i - 1))
        {
            // the two weigh what the quotation weighs, each its share by words
            let words = (out[i - 1].features.words + f.words) as f32;
            let total = out[i - 1].score;
            out[i - 1].score = total * out[i - 1].features.words as f32 / words;
            out[i].score = total * f.words as f32 / words;
            out[i].class = above;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::classify;
    use super::*;
    use crate::rules::Strictness;

    /// The lines of `text` that [`classify`] removes (normal strictness).
    fn removed(text: &str) -> Vec<String> {
        let doc = Document::from_text(text.to_string(), 1, 0);
        let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
        (0..doc.n_lines())
            .filter(|&i| v[i].remove.is_some())
            .map(|i| doc.line(i).to_string())
            .collect()
    }

    #[test]
    fn a_song_under_section_labels_stays_and_the_menu_above_it_goes() {
        let song = "Lyrics\nSingers\nCharts\nThe Paper Boats – Low Tide lyrics\n\
            [Verse 1]\nWe walked along the water\nThe lamps were coming on\n\
            You said the tide would turn for us\nAnd then the boat was gone\n\
            [Chorus]\nLow tide, low tide\nLeave a light for me\nLow tide, low tide\n\
            Bring me back from sea\n[Verse 2]\nThe harbour holds its breath now\n\
            The gulls are flying home\nI count the waves that bring you\nAnd leave me here alone\n";
        assert_eq!(removed(song), ["Lyrics", "Singers", "Charts"]);
    }

    #[test]
    fn a_stanza_of_capitalised_lines_is_one_paragraph() {
        // each line opens in capitals; commas and a semicolon run the sentences on
        let poem = "Abendlied am Fluss\nDer Nebel steigt am Ufer,\nDie Weiden stehen still;\n\
            Im Schilf ein letzter Vogel,\nDann schweigt auch er.\nDer Fährmann ruft herüber,\n\
            Die Glocke schlägt die Zeit,\nUnd über allen Dächern\nIst nun die Nacht nicht weit.\n";
        assert_eq!(removed(poem), Vec::<String>::new());
        let doc = Document::from_text(poem.to_string(), 1, 0);
        let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
        assert!((1..9).all(|i| v[i].class == Class::Good), "{v:#?}");
    }

    #[test]
    fn a_quotation_keeps_its_attribution() {
        let quotes = "Sayings about patience\n\"Slow rivers still reach the sea.\"\n\
            — Mara Lind\n\"A garden is a lesson in waiting for things that you cannot hurry.\"\n\
            — Tomas Berg\n\"Patience is a kind of courage.\"\n— Ilse Moor\n";
        assert_eq!(removed(quotes), Vec::<String>::new());
    }

    #[test]
    fn menus_and_headline_lists_are_no_stanzas() {
        let lede = "The old harbour ferry will carry passengers again from Saturday, the port \
            authority announced on Thursday, after a refit that took almost two years.\n\
            Crews replaced the engine, the deck and most of the wiring, and volunteers sanded \
            and painted the wooden benches by hand over the winter.\n";
        for block in [
            // a menu: one or two title-case words a line
            "Home\nNews\nSport\nWeather\nContact us\n",
            // teaser headlines: words, but no line runs on into the next
            "More from the coast\nCouncil approves the new harbour plan\n\
             Storm closes the coast road for a day\nLocal school wins the regional prize\n\
             Fishermen protest against the new quotas\n",
        ] {
            let text = format!("{lede}{block}");
            let doc = Document::from_text(text.clone(), 1, 0);
            let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
            // no line of the block is made a good line (none is one by itself)
            assert!(
                (2..doc.n_lines()).all(|i| v[i].class != Class::Good),
                "{text}"
            );
        }
    }

    #[test]
    fn section_labels_of_songs() {
        for line in [
            "[Verse 1]",
            "[Chorus]",
            "Chorus:",
            "[Pre-Chorus]",
            "(Refrain x2)",
            "[Couplet 2]",
            "Refrain",
            "[Verse 2: Ana Ruiz]",
            "[Estribillo]",
            "[Припев]",
            "Strophe III",
        ] {
            assert!(section_label(line), "{line}");
        }
        for line in [
            "Verses of the week",
            "[Advertisement]",
            "Chorus line tickets",
            "Intro to Rust",
            "",
            "[]",
        ] {
            assert!(!section_label(line), "{line}");
        }
    }

    #[test]
    fn attribution_lines() {
        assert!(attribution("— Ernest Hemingway"));
        assert!(attribution("– Jean de La Fontaine, Fables"));
        assert!(attribution("~ Anonymous"));
        assert!(!attribution("— 2024"));
        assert!(!attribution("—Hemingway"));
        assert!(!attribution("- Buy now!"));
        assert!(ends_a_quotation("\"Have courage and be kind.\""));
        assert!(ends_a_quotation(
            "« On a souvent besoin d'un plus petit que soi. »"
        ));
        assert!(ends_a_quotation("„Wer rastet, der rostet.“"));
        assert!(!ends_a_quotation("Home | Quotes"));
    }
}
