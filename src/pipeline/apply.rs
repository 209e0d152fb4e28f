//! The one step that edits text: resolves the removals rules and dedup reported on a document
//! (overlaps credited to the first reporter), picks the title, and renders the cleaned document
//! with its report entry. Everything else in deboil only looks.

use std::borrow::Cow;
use std::ops::Range;

use crate::doc::{Document, Field, Removal};
use crate::report::{DocReport, RemovalEntry, TitleEntry};
use crate::rules::classifier::features::{amount_of_priced_token, is_currency_mark};

/// A cleaned document, ready to write.
#[derive(Debug, Clone)]
pub struct CleanDoc {
    pub id: String,
    pub source: String,
    pub part: usize,
    pub parts: usize,
    pub title: Option<String>,
    pub date: Option<String>,
    /// Body text: kept lines, single blank lines between paragraphs, no final newline.
    pub text: String,
    pub fields: std::sync::Arc<serde_json::Map<String, serde_json::Value>>,
    /// The input document's text (for `--diff`).
    pub input_text: String,
    /// The input line (of the dump, or of the JSONL record's text) the document starts on: 1,
    /// or later for an article split from further down (for `--diff`'s hunk headers).
    pub first_line: usize,
    /// Per line of [`CleanDoc::render_text`], the index of the input document's line it comes
    /// from (a kept line, a cut line's rest, a blank line kept as layout), or `None` for the
    /// blank line added after a title: `--diff` builds its hunks from this, so they show
    /// exactly the removed lines. Filled only with [`Keeping::input`].
    pub layout: Vec<Option<usize>>,
    pub report: DocReport,
}

impl CleanDoc {
    /// The document's id in the output: the record's id, with `#<part>` when the record was
    /// split into several articles (`X#0`, `X#1`), so that every output document has its own.
    pub fn output_id(&self) -> String {
        if self.parts > 1 {
            format!("{}#{}", self.id, self.part)
        } else {
            self.id.clone()
        }
    }

    /// Whether the document has any content left to write.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.title.is_none()
    }

    /// The text-format rendering: title, blank line, body, final newline.
    pub fn render_text(&self) -> String {
        let mut s = String::with_capacity(self.text.len() + 64);
        if let Some(t) = &self.title {
            s.push_str(t);
            s.push('\n');
            if !self.text.is_empty() {
                s.push('\n');
            }
        }
        if !self.text.is_empty() {
            s.push_str(&self.text);
            s.push('\n');
        }
        s
    }
}

/// Longest removed text quoted in the report.
pub const REPORT_TEXT_CHARS: usize = 200;

/// Whether a line can serve as the document's title. A byline (`By Anna Reed`, `Von Anna
/// Reed`, `Par Claire Dubois`, `Por Ana Ruiz`) cannot: when the headline went, the byline is
/// the first line left, and it is the article's, not its name.
pub fn is_headline_shaped(line: &str, words: u32) -> bool {
    (1..=20).contains(&words)
        && line.len() <= 200
        && !line.ends_with(['.', ',', ':'])
        && (!line.ends_with(';') || is_greek_question(line))
        && line.chars().any(char::is_alphabetic)
        && !is_byline(line, words)
        && !is_label_and_number(line)
        && !is_label_and_date(line)
}

/// Whether `line`, the first kept line under which prose follows, names a part of its page
/// rather than the page: a section label ([`is_section_label`]), a quantity
/// ([`is_quantity_line`]), a price ([`is_price_line`]), or the first of two rows that open with
/// a count (`5 Musik Englisch Erdkunde` over `6 Erdkunde Sport`, `4 tuorli` over `1 uovo`:
/// a table's or a list's, cut from their heading). `next` is the kept line under it.
fn names_a_part_of_the_page(line: &str, next: &str) -> bool {
    is_section_label(line)
        || is_quantity_line(line)
        || is_price_line(line)
        || opens_with_a_count(line) && opens_with_a_count(next)
}

/// Section labels of product, recipe, job and event pages, lowercase: the page's parts, which
/// a page's headline stands above (`Product description`, `Ingredienti`, `Dein Profil`).
const SECTION_LABELS: [&str; 58] = [
    "description",
    "product description",
    "product details",
    "specifications",
    "technical specifications",
    "key features",
    "ingredients",
    "directions",
    "instructions",
    "customer reviews",
    "your tasks",
    "your responsibilities",
    "your profile",
    "requirements",
    "we offer",
    "what we offer",
    "beschreibung",
    "produktbeschreibung",
    "produktdetails",
    "technische daten",
    "zutaten",
    "zubereitung",
    "deine aufgaben",
    "ihre aufgaben",
    "dein profil",
    "ihr profil",
    "wir bieten",
    "das bieten wir",
    "description du produit",
    "caractéristiques",
    "ingrédients",
    "vos missions",
    "votre profil",
    "descripción",
    "descripción del producto",
    "características",
    "ingredientes",
    "preparación",
    "elaboración",
    "requisitos",
    "descrizione",
    "descrizione prodotto",
    "caratteristiche",
    "ingredienti",
    "preparazione",
    "procedimento",
    "beschrijving",
    "productbeschrijving",
    "omschrijving",
    "specificaties",
    "ingrediënten",
    "bereiding",
    "opis",
    "opis produktu",
    "specyfikacja",
    "składniki",
    "przygotowanie",
    "descrição",
];

/// `Product description`, `Zutaten`: one of the [`SECTION_LABELS`], alone on its line.
fn is_section_label(line: &str) -> bool {
    line.len() <= 40
        && line.split_whitespace().count() <= 3
        && SECTION_LABELS.contains(&line.to_lowercase().as_str())
}

/// Units a quantity opens with, lowercase (`500 g`, `2 EL`, `1 cup`).
const QUANTITY_UNITS: [&str; 34] = [
    "g",
    "gr",
    "kg",
    "mg",
    "ml",
    "cl",
    "dl",
    "l",
    "oz",
    "lb",
    "lbs",
    "tbsp",
    "tsp",
    "tbs",
    "cup",
    "cups",
    "el",
    "tl",
    "stück",
    "prise",
    "cs",
    "cc",
    "cda",
    "cdas",
    "cdta",
    "cucchiai",
    "cucchiaio",
    "cucchiaini",
    "cucchiaino",
    "łyżki",
    "łyżka",
    "łyżeczki",
    "szklanka",
    "szklanki",
];

/// Whether `word` is a count or an amount: digits, perhaps with a decimal mark, a fraction's
/// slash or a range's dash (`2`, `1,5`, `1/2`, `2-3`), or a fraction sign (`½`).
fn is_amount(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-'))
        || matches!(word, "½" | "¼" | "¾" | "⅓" | "⅔")
}

/// `320 g di spaghetti`, `2 EL Olivenöl`, `500g flour`: an amount and a unit open the line, an
/// ingredient's or a spec's, not a headline.
fn is_quantity_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    let unit = |w: &str| QUANTITY_UNITS.contains(&w.to_lowercase().as_str());
    if is_amount(first) {
        return words.next().is_some_and(unit);
    }
    // the unit glued to the amount (`500g`)
    let digits = first.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
    digits > 0 && unit(&first[digits..])
}

/// Words that put a price after them (`ab`, `vanaf`, `from`): `Tickets vanaf € 39,50`.
const PRICE_WORDS: [&str; 14] = [
    "from", "only", "price", "ab", "nur", "preis", "vanaf", "prijs", "dès", "prix", "desde",
    "precio", "da", "od",
];

/// Most words of a line that [`is_price_line`] takes.
const PRICE_LINE_MAX_WORDS: usize = 5;

/// `$89.99`, `Tickets vanaf € 39,50`, `ab 19 EUR`: a short line ending in a price (an amount
/// with a currency's mark before or after it, apart or glued: see [`is_currency_mark`] and
/// [`amount_of_priced_token`]), which is the line alone, or has cents, or follows a word that
/// puts a price after it ([`PRICE_WORDS`]).
/// `Bitcoin tops $100,000` is a headline.
fn is_price_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > PRICE_LINE_MAX_WORDS {
        return false;
    }
    let n = words.len();
    // the amount, and how many words the price takes
    let (amount, taken) = if n >= 2 && is_currency_mark(words[n - 1]) {
        (words[n - 2], 2)
    } else if n >= 2 && is_currency_mark(words[n - 2]) {
        (words[n - 1], 2)
    } else if let Some(a) = amount_of_priced_token(words[n - 1]) {
        (a, 1)
    } else {
        return false;
    };
    let amount = amount
        .strip_suffix(",-")
        .or_else(|| amount.strip_suffix(".-"))
        .unwrap_or(amount);
    if !amount.starts_with(|c: char| c.is_ascii_digit())
        || !amount
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\''))
    {
        return false;
    }
    let cents = amount
        .rfind(['.', ','])
        .is_some_and(|k| amount.len() - k == 3);
    let rest = &words[..n - taken];
    rest.is_empty()
        || cents
        || rest
            .last()
            .is_some_and(|w| PRICE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Most digits of the count [`opens_with_a_count`] takes: a row's or an item's number, not a
/// year (`2024 Olympic medal table` may head a table of ranks).
const COUNT_MAX_DIGITS: usize = 3;

/// `5 Musik ...`, `4 tuorli`: the line opens with a bare count (no `.` or `)` after it, as
/// an ordered list writes its numbers) and a word.
fn opens_with_a_count(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    (1..=COUNT_MAX_DIGITS).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && words.next().is_some()
}

/// The last word of a label that stamps a document with a date ([`is_label_and_date`]).
const DATE_STAMP_WORDS: [&str; 12] = [
    "date",
    "dated",
    "revised",
    "revision",
    "updated",
    "modified",
    "amended",
    "effective",
    "valid",
    "version",
    "stand",
    "datum",
];

/// `Effective date: March 1, 2024`, `Last revised: 2 May 2024`: a label that names a date and
/// the date, a document's stamp (a policy's, a notice's), not its title. `Four short links: 6
/// November 2012` names no date and may be a headline.
fn is_label_and_date(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, value)| {
        label
            .split_whitespace()
            .last()
            .is_some_and(|w| DATE_STAMP_WORDS.contains(&w.to_lowercase().as_str()))
            && crate::rules::dateline::parse_dateline(value.trim()).is_some()
    })
}

/// Whether `line`, ending in `;`, is a Greek question: Greek writes its question mark `;`
/// (U+037E, which normalisation turns into the semicolon), so a line of Greek letters ending
/// in it asks, as `?` does elsewhere (`Τι αλλάζει στα εισιτήρια του μετρό;`).
fn is_greek_question(line: &str) -> bool {
    let greek = |c: char| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}');
    let letters = line.chars().filter(|c| c.is_alphabetic());
    let (mut all, mut greek_letters) = (0usize, 0usize);
    for c in letters {
        all += 1;
        greek_letters += usize::from(greek(c));
    }
    line.ends_with(';') && greek_letters * 2 > all
}

/// A title is followed, within this many kept lines, by a line of prose ...
const TITLE_PROSE_REACH: usize = 4;
/// ... of at least this many words, or characters.
pub const TITLE_PROSE_WORDS: usize = 10;
const TITLE_PROSE_CHARS: usize = 50;
/// A shorter line is prose when it ends a sentence and has at least this many words ...
const TITLE_SENTENCE_WORDS: usize = 5;
/// ... or, ending in a full-width mark (`。`, `！`, `？`), at least this many characters.
const TITLE_CJK_SENTENCE_CHARS: usize = 15;

/// Fewest words of the line that carries on a sentence in [`carries_on_a_sentence`].
const CARRIED_ON_WORDS: usize = 3;

/// Whether `next`, the line right under `line` (no blank line between), carries on the
/// sentence `line` opens: `line` ends without a sentence's mark (`!`, `?`) and `next` has at
/// least [`CARRIED_ON_WORDS`] words, the first a word of lowercase letters only (`The library
/// reopened on Wednesday, eight months` / `after a burst water main ...`). Such a line is the
/// first line of a hard-wrapped paragraph, not a headline. A byline under a headline (`by Anna
/// Reed`), a brand written in lowercase before a capital (`iPhone`), an abbreviation (`ca. 8
/// Min.`) or a web address (`del.icio.us`) carries on no sentence.
fn carries_on_a_sentence(line: &str, next: &str) -> bool {
    let mut words = next.split_whitespace();
    let first_word = words.next().unwrap_or("");
    !line.trim_end().ends_with(['!', '?', '！', '？'])
        && words.count() + 1 >= CARRIED_ON_WORDS
        && first_word.chars().all(char::is_lowercase)
        && !BYLINE_WORDS.contains(&first_word)
}

/// Most lines of a block of short lines that [`broken_sentence`] joins.
const BROKEN_SENTENCE_LINES: usize = 4;

/// The block of short lines `lines[0]` opens, joined: the lines right under it (no blank line
/// between, up to [`BROKEN_SENTENCE_LINES`] lines), when a sentence runs on across one of their
/// line ends (a comma or a semicolon ends a line, or the next line opens in lowercase: `The
/// boats lie still in the frozen bay,` / `their ropes grown stiff with frost;`). A poem's
/// stanza or a hard-wrapped paragraph under a title is prose to the title; a menu's entries
/// run on into none another. `None` when no sentence runs on.
fn broken_sentence(lines: &[(usize, Cow<'_, str>)]) -> Option<String> {
    let next_line = |k: usize| lines[k].0 == lines[k - 1].0 + 1;
    let count = 1
        + (1..lines.len().min(BROKEN_SENTENCE_LINES))
            .take_while(|&k| next_line(k))
            .count();
    let runs_on = (1..count).any(|k| {
        lines[k - 1]
            .1
            .trim_end()
            .ends_with(crate::rules::classifier::features::CLAUSE_ENDS)
            || lines[k]
                .1
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_lowercase)
    });
    runs_on.then(|| {
        let parts: Vec<&str> = lines[..count].iter().map(|(_, t)| t.as_ref()).collect();
        parts.join(" ")
    })
}

/// `Posts: 87`, `Rating: 4.5`: a label and its number, a widget's line, not a title (a year,
/// as in `Titanic: 1912`, may end a title).
fn is_label_and_number(line: &str) -> bool {
    line.rsplit_once(':').is_some_and(|(label, value)| {
        let value = value.trim();
        let year = value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit());
        !label.trim().is_empty()
            && !value.is_empty()
            && !year
            && value
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | ' '))
    })
}

/// The words a byline opens with.
const BYLINE_WORDS: [&str; 16] = [
    "By", "BY", "by", "Von", "VON", "von", "Par", "PAR", "par", "Por", "POR", "por", "Door",
    "door", "Di", "di",
];

/// `By Anna Reed`: a byline word, then two to five words of names (capitalised, or a joining
/// word: `Anna Reed and Jo Bauer`, `Ana de la Cruz`). `By the Numbers` is a headline.
pub fn is_byline(line: &str, words: u32) -> bool {
    const JOINING: [&str; 14] = [
        "and", "und", "et", "y", "e", "&", "van", "von", "de", "der", "da", "del", "la", "le",
    ];
    let mut w = line.split_whitespace();
    let first = w.next().unwrap_or("");
    (3..=6).contains(&words)
        && BYLINE_WORDS.contains(&first)
        && w.all(|x| x.starts_with(char::is_uppercase) || JOINING.contains(&x))
}

/// What [`apply_with`] copies beyond the cleaned text and the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keeping {
    /// `CleanDoc::input_text`: a copy of the whole document (only `--diff` reads it).
    pub input: bool,
    /// Each report entry's quoted text, note and kept copy (a report or a `--dry-run` listing
    /// reads them; writing the output alone needs only the counts).
    pub entry_details: bool,
}

impl Keeping {
    /// Everything: the input text and every entry's details.
    pub const ALL: Keeping = Keeping {
        input: true,
        entry_details: true,
    };
}

/// Applies `removals` (in reporting order: earlier reporters win overlaps) to `doc`.
pub fn apply(doc: &Document, removals: &[Removal]) -> CleanDoc {
    apply_with(doc, removals, Keeping::ALL)
}

/// [`apply`], copying only what `keeping` asks for: without `input`, `CleanDoc::input_text` is
/// empty; without `entry_details`, each report entry's `text` is empty and its `note` and
/// `kept` are `None` (its rule, lines, bytes, counts and moved value are always there).
pub fn apply_with(doc: &Document, removals: &[Removal], keeping: Keeping) -> CleanDoc {
    let n = doc.n_lines();
    let taken = Taken::of(doc, removals);
    let (owner, cuts) = (&taken.owner, &taken.cuts);
    let kept_line = |i: usize| -> Option<Cow<'_, str>> {
        if owner[i].is_some() {
            return None;
        }
        if cuts[i].is_empty() {
            // a kept line keeps its column gaps: a table's cells stay apart
            return Some(doc.line_with_gaps(i));
        }
        Some(Cow::Owned(cut_line(doc.line(i), &cuts[i])))
    };

    // report entries: maximal runs of lines owned by the same removal, then partial cuts. A run
    // starts on a non-blank line: blank lines are layout, so a removal left with only blank
    // lines once overlaps are resolved (a `to-end` pattern's section cut up by other rules'
    // removals) gets no entry, and one never starts on its leading blank lines
    // about one entry per removal: room for them up front (growing by doubling copied the
    // entries several times per document)
    let mut entries: Vec<RemovalEntry> = Vec::with_capacity(removals.len());
    let mut i = 0;
    // a line taken whole after cuts were made in it has entries of its own (below)
    let whole = |j: usize| cuts[j].is_empty();
    while i < n {
        if let Some(ri) = owner[i].filter(|_| !doc.is_blank(i) && whole(i)) {
            let mut j = i + 1;
            while j < n
                && ((owner[j] == Some(ri) && whole(j))
                    || (doc.is_blank(j) && run_continues(doc, owner, j, ri)))
            {
                j += 1;
            }
            // do not end a run on blank lines
            let mut end = j;
            while end > i + 1 && doc.is_blank(end - 1) {
                end -= 1;
            }
            entries.push(entry(doc, &removals[ri], i..end, None, keeping));
            i = j;
        } else {
            i += 1;
        }
    }
    for (li, c) in cuts.iter().enumerate() {
        if let (Some(ri), false) = (owner[li], c.is_empty()) {
            // the rest of a cut line, taken whole after the cuts: the line counts once
            for (k, piece) in taken.rest(doc, li).into_iter().enumerate() {
                let mut e = entry(doc, &removals[ri], li..li + 1, Some(piece), keeping);
                e.removed_lines = usize::from(k == 0);
                entries.push(e);
            }
        }
        for (w, ri) in c {
            entries.push(entry(
                doc,
                &removals[*ri],
                li..li + 1,
                Some(w.clone()),
                keeping,
            ));
        }
    }
    entries.sort_by_key(|e| (e.lines[0], e.bytes[0]));

    // body lines, with blank-line layout
    // (line index, text); room for every line up front: growing it by doubling copied the
    // vector several times per document
    let mut body: Vec<(usize, Cow<'_, str>)> = Vec::with_capacity(n);
    // the first date moved out is the document's date; a later one (an update stamp, a
    // comment's time) is only removed, and its entry says so rather than claim a move
    let mut date: Option<String> = None;
    for e in entries.iter_mut() {
        let Some((Field::Date, v)) = &e.moved_to_value else {
            continue;
        };
        match &date {
            None => date = Some(v.clone()),
            Some(first) => {
                if keeping.entry_details && e.note.is_none() {
                    e.note = Some(format!(
                        "a later date ({v}); the document's date is the first, {first}"
                    ));
                }
                e.moved_to_value = None;
            }
        }
    }
    for i in 0..n {
        if doc.is_blank(i) {
            continue;
        }
        if let Some(t) = kept_line(i) {
            if !t.is_empty() {
                body.push((i, t));
            }
        }
    }
    // title: the first kept line, when headline-shaped and prose follows soon (a headline
    // heads text; the first of a run of short lines, an ingredient or a spec, heads nothing)
    let mut title = None;
    let mut title_li = None;
    let is_prose = |t: &str| {
        let words = t.split_whitespace().count();
        // by characters too: Chinese and Japanese write no spaces between words
        words >= TITLE_PROSE_WORDS
            || t.chars().count() >= TITLE_PROSE_CHARS
            || words >= TITLE_SENTENCE_WORDS && t.trim_end().ends_with(['.', '!', '?', '。'])
            // a sentence of a script written without spaces, by its characters
            || t.trim_end().ends_with(['。', '！', '？'])
                && t.chars().count() >= TITLE_CJK_SENTENCE_CHARS
    };
    if body.len() >= 2 {
        let (li, t) = &body[0];
        let words = t.split_whitespace().count() as u32;
        // (a sentence broken over short lines, a poem's or a hard-wrapped one, read whole)
        let prose_follows = || {
            (1..body.len().min(1 + TITLE_PROSE_REACH)).any(|k| {
                is_prose(&body[k].1) || broken_sentence(&body[k..]).is_some_and(|t| is_prose(&t))
            })
        };
        let runs_on = body
            .get(1)
            .is_some_and(|(next_li, next)| *next_li == *li + 1 && carries_on_a_sentence(t, next));
        let names_a_part = || names_a_part_of_the_page(t, body.get(1).map_or("", |(_, n)| n));
        if is_headline_shaped(t, words) && !runs_on && prose_follows() && !names_a_part() {
            title = Some(TitleEntry {
                line: doc.input_line(*li),
                text: t.to_string(),
            });
            title_li = Some(*li);
            body.remove(0);
        }
    }
    let mut text = String::with_capacity(doc.text.len());
    let mut prev: Option<usize> = None;
    for (li, t) in &body {
        if let Some(p) = prev {
            text.push('\n');
            if (p + 1..*li).any(|k| doc.is_blank(k)) {
                text.push('\n');
            }
        }
        text.push_str(t);
        prev = Some(*li);
    }

    // where each output line comes from, for `--diff`: the title, the blank line after it (an
    // input blank line when one stands between the title and the body, else an added line),
    // the body lines, and between them the first of the blank lines the body keeps as one
    let mut layout = Vec::new();
    if keeping.input {
        let blank_between = |p: usize, q: usize| (p + 1..q).find(|&k| doc.is_blank(k));
        if let Some(t) = title_li {
            layout.push(Some(t));
            if let Some((first, _)) = body.first() {
                layout.push(blank_between(t, *first));
            }
        }
        let mut prev: Option<usize> = None;
        for (li, _) in &body {
            if let Some(k) = prev.and_then(|p| blank_between(p, *li)) {
                layout.push(Some(k));
            }
            layout.push(Some(*li));
            prev = Some(*li);
        }
    }

    let lines_in = doc.paragraphs().count();
    let lines_out = body.len() + usize::from(title.is_some());
    let report = DocReport {
        id: doc.id.clone(),
        source: doc.source.clone(),
        record_line: doc.source_line,
        part: doc.part,
        status: String::new(),
        lines_in,
        lines_out,
        bytes_in: doc.text.len(),
        // the document as written, but for its final newline (as `bytes_in` counts the input):
        // the title, the blank line after it, the body
        bytes_out: match (&title, text.is_empty()) {
            (Some(t), false) => t.text.len() + 2 + text.len(),
            (Some(t), true) => t.text.len(),
            (None, _) => text.len(),
        },
        title: title.clone(),
        date: date.clone(),
        removals: entries,
    };
    CleanDoc {
        id: doc.id.clone(),
        source: doc.source.clone(),
        part: doc.part,
        parts: doc.parts,
        title: title.map(|t| t.text),
        date,
        text,
        fields: doc.fields.clone(),
        input_text: if keeping.input {
            doc.text_with_gaps()
        } else {
            String::new()
        },
        first_line: doc.first_line,
        layout,
        report,
    }
}

/// How a document's removals take its lines: one step resolves them for [`apply_with`] and
/// for what reaches dedup ([`kept_lines`]), so both see the same text (but for the output's
/// column gaps, tabs there and spaces here).
struct Taken {
    /// `owner[i]`: the removal credited with removing line `i` whole.
    owner: Vec<Option<usize>>,
    /// The partial removals of each line (byte range, removal index): of a line that stays,
    /// or of a line taken whole by a removal reported after them (see [`Taken::rest`]).
    cuts: Vec<Vec<(Range<usize>, usize)>>,
}

impl Taken {
    fn of(doc: &Document, removals: &[Removal]) -> Taken {
        let n = doc.n_lines();
        let mut owner: Vec<Option<usize>> = vec![None; n];
        for (ri, r) in removals.iter().enumerate() {
            if r.within.is_some() {
                continue;
            }
            for o in owner
                .iter_mut()
                .take(r.lines.end.min(n))
                .skip(r.lines.start)
            {
                if o.is_none() {
                    *o = Some(ri);
                }
            }
        }
        // partial removals: non-overlapping, first reporter wins; on a line taken whole, only
        // those reported before the removal that takes it (a rule's cut, then dedup's removal
        // of what the rules left): that removal takes the rest of the line
        let mut cuts: Vec<Vec<(Range<usize>, usize)>> = vec![Vec::new(); n];
        for (ri, r) in removals.iter().enumerate() {
            if let Some(w) = &r.within {
                let li = r.lines.start;
                if li >= n || owner[li].is_some_and(|o| o < ri) {
                    continue;
                }
                let line = doc.line(li);
                if w.start >= w.end
                    || w.end > line.len()
                    || !line.is_char_boundary(w.start)
                    || !line.is_char_boundary(w.end)
                {
                    continue;
                }
                if cuts[li]
                    .iter()
                    .any(|(c, _)| c.start < w.end && w.start < c.end)
                {
                    continue;
                }
                cuts[li].push((w.clone(), ri));
            }
        }
        // a line emptied by its partial cuts is removed whole, credited to its first cut
        for i in 0..n {
            if let Some((_, ri)) = cuts[i].first() {
                if cut_line(doc.line(i), &cuts[i]).is_empty() {
                    owner[i] = Some(*ri);
                    cuts[i].clear();
                }
            }
        }
        Taken { owner, cuts }
    }

    /// The pieces of line `i` its cuts leave (byte ranges, without their edge spaces): what
    /// the removal that takes a cut line whole removes.
    fn rest(&self, doc: &Document, i: usize) -> Vec<Range<usize>> {
        let line = doc.line(i);
        let mut c: Vec<&Range<usize>> = self.cuts[i].iter().map(|(r, _)| r).collect();
        c.sort_by_key(|r| r.start);
        let mut pieces = Vec::new();
        let mut at = 0;
        let ends = c
            .iter()
            .map(|r| (r.start, r.end))
            .chain([(line.len(), line.len())]);
        for (start, end) in ends {
            let piece = &line[at..start];
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let from = at + (piece.len() - piece.trim_start().len());
                pieces.push(from..from + trimmed.len());
            }
            at = end;
        }
        pieces
    }
}

/// What `removals` (the rules') leave of each line of `doc`: `None` for a line they take whole
/// (or empty by their cuts), else the line as [`apply_with`] would write it. Dedup keys and
/// compares these texts, so a paragraph that repeats an earlier one once a rule cut a cell
/// beside it (R024) is its repeat, and a near repeat's diff shows the words that are written.
pub fn kept_lines<'d>(doc: &'d Document, removals: &[Removal]) -> Vec<Option<Cow<'d, str>>> {
    let n = doc.n_lines();
    if removals.iter().all(|r| r.within.is_none()) {
        let gone = crate::doc::lines_removed(n, removals);
        return (0..n)
            .map(|i| (!gone[i]).then(|| Cow::Borrowed(doc.line(i))))
            .collect();
    }
    let Taken { owner, cuts } = Taken::of(doc, removals);
    (0..n)
        .map(|i| match (&owner[i], cuts[i].is_empty()) {
            (Some(_), _) => None,
            (None, true) => Some(Cow::Borrowed(doc.line(i))),
            (None, false) => Some(Cow::Owned(cut_line(doc.line(i), &cuts[i]))),
        })
        .collect()
}

/// `line` without the byte ranges `cuts`, renormalised (spaces around a cut collapse).
fn cut_line(line: &str, cuts: &[(Range<usize>, usize)]) -> String {
    let mut c: Vec<&Range<usize>> = cuts.iter().map(|(r, _)| r).collect();
    c.sort_by_key(|r| r.start);
    let mut s = String::with_capacity(line.len());
    let mut at = 0;
    for r in c {
        s.push_str(&line[at..r.start]);
        s.push(' ');
        at = r.end;
    }
    s.push_str(&line[at..]);
    // adjacent cuts leave a run of spaces, which normalising would mark as a column gap
    crate::input::normalize::normalize(&s).replace('\t', " ")
}

/// Whether the blank line `j` sits inside a run of lines owned by removal `ri` (the next
/// non-blank line is owned by it too).
fn run_continues(doc: &Document, owner: &[Option<usize>], j: usize, ri: usize) -> bool {
    (j..owner.len())
        .find(|&k| !doc.is_blank(k))
        .is_some_and(|k| owner[k] == Some(ri))
}

fn entry(
    doc: &Document,
    r: &Removal,
    lines: Range<usize>,
    within: Option<Range<usize>>,
    keeping: Keeping,
) -> RemovalEntry {
    let details = keeping.entry_details;
    let (bytes, text) = match &within {
        Some(w) => {
            let base = doc.byte_span(&lines).start;
            (
                base + w.start..base + w.end,
                doc.line(lines.start).get(w.clone()).unwrap_or_default(),
            )
        }
        None => {
            let span = doc.byte_span(&lines);
            let local = span.start - doc.byte_offset..span.end - doc.byte_offset;
            (span, doc.text.get(local).unwrap_or_default())
        }
    };
    RemovalEntry {
        code: r.code,
        name: r.name,
        lines: [
            doc.input_line(lines.start),
            doc.input_line(lines.end.max(lines.start + 1) - 1),
        ],
        bytes: [bytes.start, bytes.end],
        removed_lines: if within.is_some() {
            0
        } else {
            (lines.start..lines.end)
                .filter(|&i| !doc.is_blank(i))
                .count()
        },
        removed_bytes: bytes.end - bytes.start,
        text: if details {
            truncate(text, REPORT_TEXT_CHARS)
        } else {
            String::new()
        },
        note: if details { r.note.clone() } else { None },
        moved_to_value: r.moved_to.clone(),
        kept: if details {
            r.kept.as_deref().cloned()
        } else {
            None
        },
    }
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    // at most `max` bytes hold at most `max` characters (most removed lines are that short)
    if s.len() <= max {
        return s.to_string();
    }
    // the byte offset of character `max`: where the `max + 1`-th character starts (counted by
    // their first bytes, no decoding)
    let mut starts = 0;
    let at = s.bytes().position(|b| {
        let first = (b as i8) >= -0x40;
        starts += usize::from(first);
        first && starts > max
    });
    match at {
        Some(i) => {
            let mut t = String::with_capacity(i + '…'.len_utf8());
            t.push_str(&s[..i]);
            t.push('…');
            t
        }
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Category, RuleMeta};

    const A: RuleMeta = RuleMeta {
        code: "T001",
        name: "a",
        category: Category::Marker,
        doc: "",
    };
    const B: RuleMeta = RuleMeta {
        code: "T002",
        name: "b",
        category: Category::Chrome,
        doc: "",
    };

    fn doc(text: &str) -> Document {
        Document::from_text(text.to_string(), 1, 0)
    }

    #[test]
    fn kept_lines_keep_their_column_gaps_and_cut_lines_lose_them() {
        // a table's row keeps the tabs between its cells; a line R024-style cut renormalises
        let d = doc("Results\nRoadster 3\t212\t2,1\nVolta E2\t187\t2,4\nHome\tThe body line here ends the short test document.");
        let c = apply(&d, &[Removal::within(&A, 3, 0..5)]);
        assert_eq!(
            c.text,
            "Roadster 3\t212\t2,1\nVolta E2\t187\t2,4\nThe body line here ends the short test document."
        );
        assert_eq!(c.title.as_deref(), Some("Results"));
        // the input as `--diff` shows it has the same tabs, so a kept row is context
        assert!(c.input_text.contains("Roadster 3\t212\t2,1\n"));
        // what dedup reads is unchanged: gaps are spaces there
        let kept = kept_lines(&d, &[]);
        assert_eq!(kept[1].as_deref(), Some("Roadster 3 212 2,1"));
    }

    #[test]
    fn first_reporter_wins_overlaps() {
        let d = doc("Head\n\nx\ny\nz\nThe body line here ends the short test document.");
        let rm = vec![Removal::lines(&A, 3..4), Removal::lines(&B, 2..5)];
        let c = apply(&d, &rm);
        assert_eq!(c.title.as_deref(), Some("Head"));
        assert_eq!(c.text, "The body line here ends the short test document.");
        let codes: Vec<(&str, [usize; 2], usize)> = c
            .report
            .removals
            .iter()
            .map(|e| (e.code, e.lines, e.removed_lines))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("T002", [3, 3], 1),
                ("T001", [4, 4], 1),
                ("T002", [5, 5], 1)
            ]
        );
        // every non-blank input line is accounted for
        let removed: usize = c.report.removals.iter().map(|e| e.removed_lines).sum();
        assert_eq!(c.report.lines_in, c.report.lines_out + removed);
    }

    #[test]
    fn without_entry_details_only_the_quotes_go() {
        let d = doc("Head\n\nx\ny\nbody line here.");
        let rm = vec![Removal::lines(&A, 2..4).with_note("why")];
        let full = apply(&d, &rm);
        let lean = apply_with(
            &d,
            &rm,
            Keeping {
                input: false,
                entry_details: false,
            },
        );
        assert_eq!(lean.text, full.text);
        assert_eq!(lean.title, full.title);
        assert_eq!(lean.input_text, "");
        assert_eq!(full.input_text, d.text);
        let (f, l) = (&full.report.removals[0], &lean.report.removals[0]);
        assert_eq!((f.text.as_str(), f.note.as_deref()), ("x\ny", Some("why")));
        assert_eq!((l.text.as_str(), l.note.as_deref()), ("", None));
        assert_eq!(
            (l.code, l.lines, l.bytes, l.removed_lines, l.removed_bytes),
            (f.code, f.lines, f.bytes, f.removed_lines, f.removed_bytes)
        );
    }

    #[test]
    fn partial_cut_keeps_the_rest() {
        let d = doc("date 2023-08-01 The body starts here.\nMore.");
        let rm = vec![Removal::within(&A, 0, 0..16).moved_to(Field::Date, "2023-08-01")];
        let c = apply(&d, &rm);
        assert_eq!(c.text, "The body starts here.\nMore.");
        assert_eq!(c.date.as_deref(), Some("2023-08-01"));
        assert_eq!(c.report.removals[0].removed_lines, 0);
        assert_eq!(c.report.removals[0].text, "date 2023-08-01 ");
    }

    /// A line a rule cut first and a later removal (dedup's) takes whole: the cut keeps its
    /// entry, the later removal is credited with the rest, and the line counts once; a cut
    /// reported after the line was taken whole has no entry. What reaches dedup is the line as
    /// the cut leaves it.
    #[test]
    fn a_cut_line_taken_whole_later_keeps_its_cut() {
        let d = doc("Body one here.\nMenu Cell\tThe same sentence kept once.\nEnd of it.");
        let cell = Removal::within(&A, 1, 0..9);
        let cut_first = apply(&d, &[cell.clone(), Removal::line(&B, 1)]);
        assert_eq!(cut_first.text, "Body one here.\nEnd of it.");
        let entries: Vec<(&str, [usize; 2], usize, &str)> = cut_first
            .report
            .removals
            .iter()
            .map(|e| (e.code, e.bytes, e.removed_lines, e.text.as_str()))
            .collect();
        assert_eq!(
            entries,
            vec![
                ("T001", [15, 24], 0, "Menu Cell"),
                ("T002", [25, 53], 1, "The same sentence kept once."),
            ]
        );
        let cut_last = apply(&d, &[Removal::line(&B, 1), cell]);
        assert_eq!(cut_last.text, cut_first.text);
        let entries: Vec<(&str, usize)> = cut_last
            .report
            .removals
            .iter()
            .map(|e| (e.code, e.removed_lines))
            .collect();
        assert_eq!(entries, vec![("T002", 1)]);
        for c in [&cut_first, &cut_last] {
            let removed: usize = c.report.removals.iter().map(|e| e.removed_lines).sum();
            assert_eq!(c.report.lines_in, c.report.lines_out + removed);
        }
        // a cut in the middle leaves two pieces to the later removal
        let d = doc("Before the cell | Cell | after the cell.\nEnd.");
        let c = apply(&d, &[Removal::within(&A, 0, 16..23), Removal::line(&B, 0)]);
        let pieces: Vec<(&str, &str, usize)> = c
            .report
            .removals
            .iter()
            .map(|e| (e.code, e.text.as_str(), e.removed_lines))
            .collect();
        assert_eq!(
            pieces,
            vec![
                ("T002", "Before the cell", 1),
                ("T001", "| Cell ", 0),
                ("T002", "| after the cell.", 0)
            ]
        );
        // dedup sees the first document's line without its cell
        let first = doc("Menu Cell\tThe same sentence kept once.");
        let kept = kept_lines(&first, &[Removal::within(&A, 0, 0..9)]);
        assert_eq!(kept[0].as_deref(), Some("The same sentence kept once."));
    }

    #[test]
    fn only_the_first_date_moved_out_is_the_documents() {
        let d = doc("Title\n2023-08-01\nThe body.\nUpdated: 2023-08-05\nMore.");
        let rm = vec![
            Removal::line(&A, 3).moved_to(Field::Date, "2023-08-05"),
            Removal::line(&A, 1).moved_to(Field::Date, "2023-08-01"),
        ];
        let c = apply(&d, &rm);
        assert_eq!(c.date.as_deref(), Some("2023-08-01"));
        let r = &c.report.removals;
        assert_eq!(
            r[0].moved_to_value,
            Some((Field::Date, "2023-08-01".into()))
        );
        assert_eq!(r[1].moved_to_value, None);
        assert_eq!(
            r[1].note.as_deref(),
            Some("a later date (2023-08-05); the document's date is the first, 2023-08-01")
        );
    }

    #[test]
    fn cut_emptying_a_line_removes_it() {
        let d = doc("Stamp\nbody one.\nbody two.");
        let c = apply(&d, &[Removal::within(&A, 0, 0..5)]);
        assert_eq!(c.title, None);
        assert_eq!(c.report.removals[0].removed_lines, 1);
        assert_eq!(c.text, "body one.\nbody two.");
    }

    #[test]
    fn bad_spans_are_ignored_not_panicking() {
        let d = doc("é x\nY z, the body of it, ends here.");
        let c = apply(
            &d,
            &[
                Removal::within(&A, 0, 1..2),
                Removal::within(&A, 9, 0..1),
                Removal::lines(&B, 5..9),
            ],
        );
        assert_eq!(c.render_text(), "é x\n\nY z, the body of it, ends here.\n");
    }

    #[test]
    fn blank_layout_collapses() {
        let d = doc("a sentence.\n\n\nremoved\n\nb sentence.\nc sentence.");
        let c = apply(&d, &[Removal::line(&A, 3)]);
        assert_eq!(c.text, "a sentence.\n\nb sentence.\nc sentence.");
        assert_eq!(c.render_text(), "a sentence.\n\nb sentence.\nc sentence.\n");
    }

    #[test]
    fn title_needs_a_headline_and_a_body() {
        const BODY: &str = "The council met on Monday and voted for the plan.";
        assert_eq!(apply(&doc("Only a headline"), &[]).title, None);
        let sentence = format!("A full sentence.\n{BODY}");
        assert_eq!(apply(&doc(&sentence), &[]).title, None);
        let c = apply(&doc(&format!("Big News Today\n{BODY}")), &[]);
        assert_eq!(c.render_text(), format!("Big News Today\n\n{BODY}\n"));
        // a byline stays in the body: the headline it stood under went
        for byline in [
            "By Anna Reed",
            "Von Anna Reed und Jo Bauer",
            "Par Claire Dubois",
            "por Camila Rocha",
        ] {
            let c = apply(&doc(&format!("{byline}\n{BODY}")), &[]);
            assert_eq!(c.title, None, "{byline}");
        }
        assert!(apply(&doc(&format!("By the Numbers\n{BODY}")), &[])
            .title
            .is_some());
        assert!(
            apply(&doc(&format!("Bystanders Cheer the Crew\n{BODY}")), &[])
                .title
                .is_some()
        );
    }

    #[test]
    fn a_title_over_a_stanza_is_a_title() {
        // the stanza's sentence runs on over its short lines: prose under the title
        let poem = "Winter Ferry\nby Ada Morne\n\nThe ferry waits beside the quay,\n\
                    its engine cold and still;\nthe gulls are gone, the harbour grey,\n\
                    and snow lies on the hill.\n";
        assert_eq!(
            apply(&doc(poem), &[]).title.as_deref(),
            Some("Winter Ferry")
        );
        // a menu's entries run on into none another
        let menu = "Harbour News\nHome\nSport and leisure\nWeather maps\nContact the team\n";
        assert_eq!(apply(&doc(menu), &[]).title, None);
    }

    #[test]
    fn a_greek_question_is_a_headline() {
        assert!(is_headline_shaped("Τι αλλάζει στα εισιτήρια;", 4));
        assert!(is_greek_question("Πού πάμε;"));
        assert!(!is_headline_shaped("The ferry, the pier and the quay;", 7));
        assert!(!is_headline_shaped("Τι αλλάζει στα εισιτήρια.", 4));
        let c = apply(
            &doc("Τι αλλάζει στα εισιτήρια του μετρό;\n\nΑπό τη Δευτέρα η τιμή του απλού εισιτηρίου στο μετρό αυξάνεται στα δύο ευρώ."),
            &[],
        );
        assert_eq!(
            c.title.as_deref(),
            Some("Τι αλλάζει στα εισιτήρια του μετρό;")
        );
    }

    #[test]
    fn a_hard_wrapped_paragraphs_first_line_is_no_title() {
        let title = |t: &str| apply(&doc(t), &[]).title;
        let wrapped = "The harbour reopened on Monday morning, a week\nafter the storm broke the sea wall and flooded the quay.\n\nShips came back the same day.";
        assert_eq!(title(wrapped), None);
        let clause = "Today for the first time in ages\nthe whole family went out sailing together.\n\nThe children loved every minute of it and want to go out again next week.";
        assert_eq!(title(clause), None);
        // a blank line between: the headline and its body
        let headed = "The harbour reopens\n\nthe storm broke the sea wall last week and flooded the quay for days.";
        assert_eq!(title(headed).as_deref(), Some("The harbour reopens"));
        // a capital, a brand in lowercase, or a question's mark: a headline over its body
        for text in [
            "Harbour Reopens After Storm\nThe storm broke the sea wall last week and flooded the quay.",
            "New phone on sale\niPhone buyers queued from early morning outside the shops downtown.",
            "Who broke the wall?\nnobody knows yet, the harbour master said on Monday in a statement.",
            "Harbour Reopens After Storm\nby Anna Reed, Monday 3 March\nThe storm broke the sea wall last week and flooded the quay.",
            "Harbour Reopens After Storm\nca. 8 Min.\nThe storm broke the sea wall last week and flooded the quay.",
        ] {
            assert!(title(text).is_some(), "{text}");
        }
    }

    /// A document's date stamp (a label naming a date, and the date) is no title.
    #[test]
    fn a_label_and_a_date_is_no_title() {
        let title = |t: &str| apply(&doc(t), &[]).title;
        let body = "This policy explains which records the shop keeps about its customers.";
        for stamp in ["Effective date: March 1, 2024", "Last revised: 2 May 2024"] {
            assert_eq!(title(&format!("{stamp}\n{body}")), None, "{stamp}");
        }
        // a label and a year, or a headline ending in a date, may head a text
        assert!(title(&format!("Titanic: 1912\n{body}")).is_some());
        assert!(title(&format!("Five short notes: 6 November 2012\n{body}")).is_some());
        assert!(title(&format!("Privacy Policy\n{body}")).is_some());
    }

    /// A headline heads prose: the first of a run of short lines (a menu entry, an ingredient,
    /// a spec) heads nothing, nor does a widget's label and number.
    #[test]
    fn a_title_is_followed_by_prose() {
        let title = |t: &str| apply(&doc(t), &[]).title;
        assert_eq!(
            title("Salt and pepper\n200 g flour\n2 eggs\n1 onion\nButter"),
            None
        );
        assert_eq!(title("Columnists\nCity & Region\nToday\nSport Index"), None);
        // prose within four lines, by words, by characters (no spaces in Japanese), or a short
        // sentence
        assert!(title("Storm Hits Coast\nBy Jo Reed\nUpdated\nThe storm reached the coast late on Sunday night.").is_some());
        assert!(title("地震のニュース\n今日の午後、東北地方で大きな地震がありました。多くの人が近くの避難所に集まり、夜遅くまでテレビやラジオで新しい情報を待ちました。").is_some());
        assert!(title("Rain Expected\nHeavy rain is due on Sunday.").is_some());
        // a short Chinese or Japanese sentence is prose by its characters
        assert!(
            title("城市公园新增自行车道\n市园林局表示，新建的自行车道将于本月底正式开放。")
                .is_some()
        );
        assert!(title("新商品\n新しい生菓子を来週から本店で販売する。").is_some());
        assert_eq!(title("お知らせ\n営業時間。"), None);
        assert_eq!(
            title("Posts: 87\nThe harbour reopened on Monday after a week of storms and repairs."),
            None
        );
        assert_eq!(
            title(
                "Rating: 4.5\nThe harbour reopened on Monday after a week of storms and repairs."
            ),
            None
        );
        assert!(title(
            "Harbour: 1905\nThe harbour reopened on Monday after a week of storms and repairs."
        )
        .is_some());
        assert!(title(
            "Harbour Reopens\nThe harbour reopened on Monday after a week of storms and repairs."
        )
        .is_some());
    }

    /// A section label, a quantity, a price or a counted row names a part of the page, not
    /// the page: the first kept line when the page's headline went, it is no title.
    #[test]
    fn a_part_of_the_page_is_no_title() {
        let body = "The kettle boils a litre of water in three minutes and switches itself off.";
        let title =
            |first: &str, next: &str| apply(&doc(&format!("{first}\n{next}\n{body}")), &[]).title;
        for first in [
            "Product description",
            "Zutaten",
            "Dein Profil",
            "Ingredienti",
            "320 g di spaghetti",
            "2 EL Olivenöl",
            "500g flour",
            "½ cup sugar",
            "$89.99",
            "Tickets vanaf € 39,50",
            "ab 19 EUR",
            "Preis: 24,90 €",
            "Tickets from 40 Euro",
            "Nur 19,99 zł",
            "R$ 25,90",
            "US$12",
            "49,-€",
        ] {
            assert_eq!(title(first, "Short line"), None, "{first}");
        }
        // the first of two counted rows
        assert_eq!(title("5 Musik Englisch Erdkunde", "6 Erdkunde Sport"), None);
        assert_eq!(title("4 eggs", "1 onion"), None);
        // a headline with a number, a price or a label's word is a title
        for first in [
            "Bitcoin tops $100,000",
            "10 Tips for Better Coffee",
            "2024 Olympic medal table",
            "The Description of a Storm",
            "5 Things to Know",
            "Prices rise by 5 per cent",
        ] {
            assert_eq!(
                title(first, "1. Grind the beans").as_deref(),
                Some(first),
                "{first}"
            );
        }
    }

    #[test]
    fn truncate_keeps_max_chars() {
        // what it replaced: the first `max` characters, then an ellipsis
        let slow = |s: &str, max: usize| match s.char_indices().nth(max) {
            Some((i, _)) => format!("{}…", &s[..i]),
            None => s.to_string(),
        };
        let long = "ab“cd” é 東京 \u{1F600}x".repeat(20);
        for s in ["", "a", "abc", "“é”", &long, "\u{1F600}\u{1F600}\u{1F600}"] {
            for max in [0, 1, 2, 3, 5, 10, 199, 200, 201, 400] {
                assert_eq!(truncate(s, max), slow(s, max), "{s:?} {max}");
            }
        }
    }

    /// A removal left with only blank lines once earlier reporters took its other lines (a
    /// `to-end` section cut up by other rules) gets no report entry: blank lines are layout. One
    /// that starts on a blank line is reported from its first non-blank line.
    #[test]
    fn a_removal_of_only_blank_lines_is_not_reported() {
        let d = doc("Head\n\nThe body line here ends the short test document.\n\nx\ny\n\nz\n\nw");
        // B (from the blank line 4 to the end) loses y and z to the two removals of A: what it
        // has between them is the blank line 7 alone, and after z it starts on a blank line
        let rm = vec![
            Removal::lines(&A, 5..6),
            Removal::lines(&A, 7..8),
            Removal::lines(&B, 3..10),
        ];
        let c = apply(&d, &rm);
        let entries: Vec<(&str, [usize; 2], usize, &str)> = c
            .report
            .removals
            .iter()
            .map(|e| (e.code, e.lines, e.removed_lines, e.text.as_str()))
            .collect();
        assert_eq!(
            entries,
            vec![
                ("T002", [5, 5], 1, "x"),
                ("T001", [6, 6], 1, "y"),
                ("T001", [8, 8], 1, "z"),
                ("T002", [10, 10], 1, "w"),
            ]
        );
        let removed: usize = c.report.removals.iter().map(|e| e.removed_lines).sum();
        assert_eq!(c.report.lines_in, c.report.lines_out + removed);
    }
}
