//! R016: tag and category lists ("Tags: politics, elections", "Schlagwörter:" and the terms below).

use super::shape::Lazy;
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A tag or category list: a label such as "Tags:", "Tagged with", "Filed under:",
    /// "Schlagwörter:", "Stichwörter:", "Themen:", "Étiquettes :", "Mots-clés :", "Etiquetas:",
    /// "Argomenti:", "Tópicos:", "Onderwerpen:", "Tagi:", "Archivado en:",
    /// "Temas:", "Palabras clave:", "Categories:" and the terms it lists, on the same line
    /// (`Tags: Politics, Elections, Berlin`) or on the short lines right below it.
    ///
    /// Blogs and news sites print an article's tags under it as links; a scraper keeps their
    /// text, a run of keywords that reads as neither prose nor heading.
    ///
    /// The label must end the line or be followed by a colon. On the label's line, what follows
    /// the colon must be a list: items of at most four words each, split by commas, semicolons,
    /// `|`, `·`, `•`, `#` or `/`, none ending like a sentence. Below a label alone, the list is the
    /// run of non-blank lines of at most eight words each that do not end like a sentence (at
    /// most twelve lines, the first blank line ends it). The words "Tag", "Topics", "Themen",
    /// "Temas", "Categories" and "Kategorien" count as a label only with a colon (alone, they may be an
    /// article's subheading); such a label alone with its list between a sentence right above it
    /// and a sentence of eight words or more right below the list (`Themen:` / `Haushalt 2027` /
    /// ... / `Bürger können vorab Fragen stellen.`) is the article's own agenda and stays.
    ///
    /// Example: `Etiquetas:` / `autos bendición capuchinos` below an article: both removed.
    ///
    /// Known false positives: an article's own list introduced by one of these labels with a
    /// colon ("Categories: A, B, C" in a text about taxonomies) is removed.
    pub struct TagList => ("R016", "tag-list", Category::Chrome);
}

/// A label, with an optional colon and the rest of the line after it (`list`).
static LABEL: Lazy = Lazy::new(
    r"(?ix)^[\s*•·\-]*(?:
        (?P<plain>tags | tagged(?:\s+(?:with|in|as))? | filed\s+under | schlagw[öo]rte?r? | stichw[öo]rte?r?
          | étiquettes? | mots[\s-]cl[ée]s | etiquetas? | palabras\s+clave | parole\s+chiave | trefwoorden
          | archivado\s+en | arquivado\s+em | tagi | tagów | słowa\s+kluczowe)
      | (?P<colon>tag | topics? | themen | temas? | categories | category | kategorien? | catégories? | categor[ií]as?
          | argomenti | tópicos | onderwerpen | categorie(?:ën)? | kategorie | kategoria)
    )\s*(?P<sep>:)?\s*(?P<list>.*)$",
);

/// The ASCII spellings of [`LABEL`]'s labels, lowercase (those with a non-ASCII letter start
/// like one of these, or have a non-ASCII letter among their first four).
const LABEL_STARTS: [&str; 18] = [
    "tag",
    "filed",
    "schlagw",
    "stichw",
    "mots",
    "etiqueta",
    "palabras",
    "parole",
    "trefwoorden",
    "topic",
    "themen",
    "tema",
    "categor",
    "kategor",
    "argomenti",
    "onderwerpen",
    "archivado",
    "arquivado",
];

/// The first bytes of [`LABEL_STARTS`], lowercased.
static LABEL_FIRSTS: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < LABEL_STARTS.len() {
        let l = LABEL_STARTS[k].as_bytes();
        assert!(!l.is_empty());
        t[l[0].to_ascii_lowercase() as usize] = true;
        k += 1;
    }
    t
};

/// Whether [`LABEL`] may match `line`: past the leading whitespace and bullets, its first four
/// characters (lowercased) begin a label, or hold a non-ASCII character (which `(?i)` may fold
/// to an ASCII letter, as `K` to `k`). A cheap necessary condition.
fn may_be_label(line: &str) -> bool {
    let rest =
        line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '•' | '·' | '-'));
    let head = rest.as_bytes().get(..4).unwrap_or(rest.as_bytes());
    if !head.is_ascii() {
        return true;
    }
    // the first letter first: most lines open with none of the labels' first letters, and
    // a non-empty head matches a (non-empty) label only where their first letters agree
    if head
        .first()
        .is_some_and(|&b| !LABEL_FIRSTS[usize::from(b.to_ascii_lowercase())])
    {
        return false;
    }
    LABEL_STARTS.iter().any(|l| {
        let n = head.len().min(l.len());
        head[..n].eq_ignore_ascii_case(&l.as_bytes()[..n])
    })
}

/// Whether `text` is a tag or category list's label alone, with or without its colon (`Tags`,
/// `Filed under:`, `Schlagwörter`; a word such as `Topics` counts here without its colon too).
pub(crate) fn is_label(text: &str) -> bool {
    may_be_label(text)
        && LABEL
            .captures(text)
            .is_some_and(|c| c.name("list").is_none_or(|l| l.as_str().trim().is_empty()))
}

/// Separators between the terms of an inline list.
fn split_terms(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ';', '|', '·', '•', '#', '/'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// A term of a tag list: at most four words, not ending like a sentence.
fn term_shaped(t: &str) -> bool {
    t.split_whitespace().count() <= 4 && !t.ends_with(['.', '!', '?'])
}

/// A line below a label alone: at most eight words, not ending like a sentence.
fn list_line(doc: &Document, i: usize) -> bool {
    let info = doc.info(i);
    !info.is_blank() && info.words <= 8 && !doc.line(i).trim_end().ends_with(['.', '!', '?'])
}

/// Fewest words of a line of prose around an article's own list (see [`prose_line`]).
const PROSE_WORDS: u32 = 8;

/// Line `j` is a sentence of the article's prose: at least [`PROSE_WORDS`] words, ending like a
/// sentence.
fn prose_line(doc: &Document, j: usize) -> bool {
    j < doc.n_lines()
        && doc.info(j).words >= PROSE_WORDS
        && doc.line(j).trim_end().ends_with(['.', '!', '?', '…'])
}

/// The nearest non-blank line above line `i` is prose (see [`prose_line`]).
fn prose_above(doc: &Document, i: usize) -> bool {
    (0..i)
        .rev()
        .find(|&j| !doc.info(j).is_blank())
        .is_some_and(|j| prose_line(doc, j))
}

/// Most lines a list below a label spans.
const MAX_LIST_LINES: usize = 12;

impl Rule for TagList {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let n = doc.n_lines();
        let mut i = 0;
        while i < n {
            let info = doc.info(i);
            if info.is_blank() || info.words > 40 {
                i += 1;
                continue;
            }
            let line = doc.line(i);
            let Some(c) = may_be_label(line).then(|| LABEL.captures(line)).flatten() else {
                i += 1;
                continue;
            };
            let colon = c.name("sep").is_some();
            let list = c.name("list").map_or("", |m| m.as_str().trim());
            if c.name("colon").is_some() && !colon {
                i += 1;
                continue;
            }
            if !list.is_empty() {
                // an inline list: the label's line goes alone
                if colon && split_terms(list).all(term_shaped) {
                    out.push(Removal::line(&Self::META, i).with_note("tag list".to_string()));
                }
                i += 1;
                continue;
            }
            // a label alone: the short lines right below it are its terms
            let mut end = i + 1;
            while end < n && end - i <= MAX_LIST_LINES && list_line(doc, end) {
                end += 1;
            }
            // a word that may head the article's own list (`Themen:`, `Topics:`), with its
            // items between two lines of prose: an agenda, a summary, not the page's tags
            if c.name("colon").is_some()
                && end > i + 1
                && prose_line(doc, end)
                && prose_above(doc, i)
            {
                i = end;
                continue;
            }
            out.push(
                Removal::lines(&Self::META, i..end)
                    .with_note(format!("tag list label with {} term lines", end - i - 1)),
            );
            i = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::removed_ranges;

    #[test]
    fn the_first_letter_filter_drops_no_label() {
        let compared = |line: &str| {
            let rest = line.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '*' | '•' | '·' | '-')
            });
            let head = rest.as_bytes().get(..4).unwrap_or(rest.as_bytes());
            !head.is_ascii()
                || LABEL_STARTS.iter().any(|l| {
                    let n = head.len().min(l.len());
                    head[..n].eq_ignore_ascii_case(&l.as_bytes()[..n])
                })
        };
        let mut lines = vec![
            "",
            " ",
            "* ",
            "T",
            "t",
            "x",
            "Tags: a, b",
            "Filed under",
            "Kübel",
        ];
        lines.extend(LABEL_STARTS);
        let upper: Vec<String> = LABEL_STARTS.iter().map(|l| l.to_uppercase()).collect();
        lines.extend(upper.iter().map(String::as_str));
        for line in lines {
            assert_eq!(may_be_label(line), compared(line), "{line:?}");
        }
    }

    fn removed(text: &str) -> Vec<std::ops::Range<usize>> {
        removed_ranges(&TagList, text)
    }

    #[test]
    fn the_prefilter_passes_every_label() {
        let lines = [
            "Tags: a, b",
            "  * TAGGED WITH x",
            "• Filed under: x",
            "Schlagwörter: x",
            "Argomenti: x",
            "Tópicos: x",
            "Onderwerpen: x",
            "Tagi: x",
            "Archivado en: x",
            "stichworte",
            "Étiquettes : x",
            "mots-clés: x",
            "Etiquetas: x",
            "palabras clave: x",
            "parole chiave: x",
            "Trefwoorden: x",
            "Tag:x",
            "Topics: x",
            "Themen: x",
            "Temas: x",
            "Categories: x",
            "category: x",
            "Kategorien: x",
            "Catégories: x",
            "Categorías: x",
            "tag",
            "Tagline",
            "\u{212A}ategorie: x",
            "- · tags",
        ];
        for l in lines {
            assert!(LABEL.is_match(l), "{l:?}");
            assert!(may_be_label(l), "{l:?}");
        }
        for l in ["The harbour", "Politics", "", "   ", "* Home", "Ta"] {
            assert_eq!(
                may_be_label(l),
                LABEL.is_match(l) || l.trim().len() < 4,
                "{l:?}"
            );
        }
        assert!(!may_be_label("The harbour will reopen"));
    }

    #[test]
    fn inline_lists_go() {
        for l in [
            "Tags: Politics, Elections, Berlin",
            "Schlagwörter: Hafen | Stadtrat | Winter",
            "Themen: Kritik aus dem Netz",
            "Étiquettes : port, conseil municipal",
            "Etiquetas: #puerto #invierno",
            "Filed under: Local news / Harbour",
        ] {
            assert_eq!(removed(&format!("Text.\n{l}\n")), vec![1..2], "{l}");
        }
    }

    #[test]
    fn a_label_takes_the_short_lines_below_it() {
        let t = "The harbour will reopen in May.\nTags\nharbour\ncouncil winter storms\n\nThe next story starts here, and it is long enough to be prose.";
        assert_eq!(removed(t), vec![1..4]);
        let t = "Etiquetas:\nautos bendición capuchinos\nThe article goes on with a sentence.";
        assert_eq!(removed(t), vec![0..2]);
    }

    #[test]
    fn an_article_s_own_list_between_prose_lines_stays() {
        let lede = "The council met on Thursday evening for its last session before the summer.\n";
        let next = "Residents may put questions to the council before the session opens.\n";
        for label in ["Themen:", "Topics:", "Temas:"] {
            let t = format!(
                "{lede}{label}\nBudget 2027\nRepairs to the school\nA new cycle lane\n{next}"
            );
            assert!(removed(&t).is_empty(), "{t}");
            // with no prose right below (the page's tags under the article), the list goes
            let t = format!("{lede}{label}\nBudget 2027\nRepairs to the school\n\n{next}");
            assert_eq!(removed(&t), vec![1..4], "{t}");
            // nor with no prose right above
            let t = format!("Share this\n{label}\nBudget 2027\nRepairs to the school\n{next}");
            assert_eq!(removed(&t), vec![1..4], "{t}");
        }
        // a tag label proper goes between prose lines too
        let t = format!("{lede}Tags:\nBudget 2027\nRepairs to the school\n{next}");
        assert_eq!(removed(&t), vec![1..4], "{t}");
    }

    #[test]
    fn prose_and_subheadings_stay() {
        for t in [
            // a subheading of an article, no colon
            "Themen\nThe council will discuss the harbour, the budget and the schools.",
            "Topics\nThe harbour",
            "Tag\nDer erste Tag am Hafen",
            // a sentence after the colon, not a list
            "Tags: the council did not say when the works would start.",
            "Categories: there are three kinds of boats in the harbour, the mayor said.",
            // the word inside a sentence
            "The tags on the boats were checked by the harbour police on Monday.",
        ] {
            assert!(removed(t).is_empty(), "{t}");
        }
    }
}
