//! R017: author boxes below an article ("About the author" and the short bio under it).

use super::shape::{line_core, Lazy};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// An author box below the article: a heading such as "About the author", "Über den Autor",
    /// "Über die Autorin", "À propos de l'auteur", "Sobre el autor", "Sobre la firma", "Acerca del autor",
    /// "Informazioni sull'autore", with the author's name and short bio under it (or after a
    /// colon on the same line).
    ///
    /// Blogs and magazines print the same bio under every article; it is about the site's
    /// writer, not part of the article. The box goes with at most three non-blank lines under
    /// the heading, and only while they stay short (a hundred words in all): a bio, not an
    /// article.
    ///
    /// Only a heading that follows most of the document (at least 60% of its words come
    /// before it) starts a box, so an author line above an article never takes the article's
    /// first paragraphs with it.
    ///
    /// Example: `About the author` / `Jane Doe` / `Jane writes about harbours and boats.` at
    /// the end of a post: all three removed.
    ///
    /// A box without a heading goes too: the author's name alone on a line (two or three
    /// capitalised words, perhaps after a bullet or after `About`, `Über`, `Sobre`,
    /// `À propos de`, `Acerca de`) and right below it a bio of at most a hundred
    /// words that opens with that name, or its first word, and a verb such as `is`, `ist`, `es`,
    /// `est`, `è`, `jest`, `writes`, `joined` (`Jane Doe` / `Jane is a reporter covering
    /// housing.`), below 60% of the document's words like a headed box. A page with more than
    /// two such pairs is a list of people (contributors, speakers), and they all stay.
    ///
    /// A press release's boilerplate about the company goes the same way: `About Northwind
    /// Energy` / `Northwind Energy Inc. is ...` (a legal form, `Inc.`, `GmbH`, `S.A.`, may stand
    /// between the name and the verb), and under `About`, `Über`, `Sobre`, `À propos de` or
    /// `Acerca de` a one-word name too (`Sobre Iberaguas` / `Iberaguas es ...`) when a media
    /// contact, `###` or the forward-looking statements follow within four lines.
    ///
    /// Known false positives: an article that ends with a section about its subject's author
    /// titled "About the author" loses that section's first lines; an article that ends with a
    /// person's name as a subheading over a paragraph about them loses both.
    pub struct AuthorBox => ("R017", "author-box", Category::Chrome);
}

/// An author-box heading, alone or followed by a colon and the bio (`rest`).
static HEADING: Lazy = Lazy::new(
    r"(?ix)^(?:
        about\s+the\s+authors? | über\s+(?:den\s+autor|die\s+autorin|die\s+autoren|mich)
      | zum\s+autor | zur\s+autorin | à\s+propos\s+de\s+l['’]auteur | sobre\s+(?:el\s+autor|la\s+autora|los\s+autores|la\s+firma|o\s+autor|a\s+autora)
      | acerca\s+del\s+autor | informazioni\s+sull['’]autore | sull['’]autore | over\s+de\s+(?:auteur|schrijver)
      | o\s+autorze | o\s+autorce
    )(?:\s*:\s*(?P<rest>\S.*))?$",
);

/// The first two letters (lowercase) of [`HEADING`]'s ASCII-spelled openings.
const HEADING_STARTS: [&[u8; 2]; 8] = [b"ab", b"ac", b"zu", b"so", b"in", b"su", b"ov", b"o "];

/// Whether [`HEADING`] may match `s`: its first two characters begin one of the headings (ASCII
/// case ignored) or one is not ASCII (`über`, `à propos`, and what `(?i)` folds to ASCII). A
/// cheap necessary condition.
fn may_be_heading(s: &str) -> bool {
    let head = s.as_bytes().get(..2).unwrap_or(s.as_bytes());
    !head.is_ascii()
        || HEADING_STARTS
            .iter()
            .any(|h| head.eq_ignore_ascii_case(&h[..head.len()]))
}

/// Whether `text` (its [`core`](super::shape::core)) is an author box's heading (`About the
/// author`, `Über den Autor`, `Sobre el autor`), perhaps with the bio after a colon.
pub(crate) fn is_author_heading(text: &str) -> bool {
    let core = super::shape::core(text);
    may_be_heading(core) && HEADING.is_match(core)
}

/// Most lines a box takes under its heading.
const MAX_BIO_LINES: usize = 3;

/// Most words a box's bio may hold.
const MAX_BIO_WORDS: u32 = 100;

/// Share of the document's words that must come before the heading.
const MIN_SHARE_BEFORE: f32 = 0.6;

/// Fewest words of a bio under a name line (a headless box).
const MIN_BIO_WORDS: u32 = 6;

/// More name-and-bio pairs than this make a list of people, not an author box.
const MAX_NAMED_BIOS: usize = 2;

/// Verbs that follow the name at the start of a bio, lowercase.
const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "writes",
    "works",
    "covers",
    "joined",
    "teaches",
    "leads",
    "lives",
    "studied",
    "ist",
    "war",
    "hat",
    "schreibt",
    "arbeitet",
    "lehrt",
    "leitet",
    "lebt",
    "studierte",
    "es",
    "est",
    "è",
    "é",
    "jest",
];

/// Words that head an author box with the name after them (`About Jane Doe`).
const ABOUT_WORDS: &[&str] = &["About ", "Über ", "Sobre ", "À propos de ", "Acerca de "];

/// The words of a name alone on a line: two or three capitalised words of letters (and `.`,
/// `-`, apostrophes), perhaps after a bullet or after a word of [`ABOUT_WORDS`]; after one of
/// those, a single word too when `press_contact_below` says so (a press release's `About
/// Iberaguas` over its boilerplate, with the media contact below).
fn name_line(line: &str, press_contact_below: impl FnOnce() -> bool) -> Option<Vec<&str>> {
    let line = line.trim();
    let line = line
        .strip_prefix(['*', '•', '-'])
        .map_or(line, str::trim_start);
    let about = ABOUT_WORDS.iter().find_map(|a| line.strip_prefix(a));
    let line = about.unwrap_or(line);
    let words: Vec<&str> = line.split_whitespace().collect();
    let name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let one_word_name = || about.is_some() && press_contact_below();
    ((2..=3).contains(&words.len()) || words.len() == 1 && one_word_name())
        .then_some(words)
        .filter(|words| words.iter().all(name_word))
}

/// A company's legal form, which a press release's boilerplate puts between the company's
/// name and its verb (`Northwind Energy Inc. is ...`).
const LEGAL_FORMS: &[&str] = &[
    "Inc.", "Inc", "Ltd.", "Ltd", "plc", "PLC", "Corp.", "LLC", "GmbH", "AG", "SE", "S.A.", "SA",
    "S.L.", "N.V.", "B.V.", "S.p.A.", "SpA",
];

/// A press release's media contact or end mark (`Media Contact:`, `###`, `Contacto de prensa`,
/// `Pressekontakt`, `Forward-Looking Statements`).
static PRESS_CONTACT: Lazy = Lazy::new(
    r"(?ix)^(?:\#{3}|(?:media|press)\s+(?:contacts?|inquiries|enquiries)|contacto?s?\s+(?:de|para)\s+(?:prensa|medios)
      | presse?kontakt|kontakt\s+für\s+medien|contact\s+(?:presse|médias)|contatto\s+stampa|contatti\s+stampa|ufficio\s+stampa
      | forward-looking\s+statements?|safe\s+harbou?r\s+statement)\s*:?$",
);

/// Lines below a bio searched for a press release's [`PRESS_CONTACT`].
const PRESS_CONTACT_REACH: usize = 4;

/// Most words of a line that may be a [`PRESS_CONTACT`].
const PRESS_CONTACT_MAX_WORDS: u32 = 4;

/// Whether one of the [`PRESS_CONTACT_REACH`] non-blank lines after line `bio` is a press
/// release's media contact or end mark.
fn press_contact_below(doc: &Document, bio: usize) -> bool {
    (bio + 1..doc.n_lines())
        .filter(|&k| !doc.is_blank(k))
        .take(PRESS_CONTACT_REACH)
        .any(|k| {
            doc.info(k).words <= PRESS_CONTACT_MAX_WORDS
                && PRESS_CONTACT.is_match(doc.line(k).trim())
        })
}

/// `bio` opens with `name` (all of it, or its first word) and a verb of [`BIO_VERBS`].
fn opens_with_name(bio: &str, name: &[&str]) -> bool {
    let mut words: Vec<&str> = bio.split_whitespace().take(name.len() + 2).collect();
    // a company's legal form after its name: `Northwind Energy Inc. is`
    if let Some(k) =
        (1..=name.len()).find(|&k| words.get(k).is_some_and(|w| LEGAL_FORMS.contains(w)))
    {
        words.remove(k);
    }
    let verb_at = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| BIO_VERBS.contains(&w.to_lowercase().as_str()))
    };
    words.len() > name.len() && words[..name.len()] == *name && verb_at(name.len())
        || words.first() == name.first() && verb_at(1)
}

/// Headless author boxes: (name line, bio line) pairs below [`MIN_SHARE_BEFORE`] of the
/// document's words; none when there are more than [`MAX_NAMED_BIOS`].
fn named_bios(doc: &Document) -> Vec<(usize, usize)> {
    let n = doc.n_lines();
    let total: u32 = (0..n).map(|i| doc.info(i).words).sum();
    let mut before: u32 = 0;
    let mut above: Option<usize> = None;
    let mut pairs = Vec::new();
    for i in 0..n {
        if doc.is_blank(i) {
            continue;
        }
        let words = doc.info(i).words;
        if let Some(j) = above {
            if (MIN_BIO_WORDS..=MAX_BIO_WORDS).contains(&words)
                && before as f32 >= MIN_SHARE_BEFORE * total as f32
                // two or three words of a name, perhaps after a bullet or `À propos de`
                && (2..=6).contains(&doc.info(j).words)
                && name_line(doc.line(j), || press_contact_below(doc, i))
                    .is_some_and(|name| opens_with_name(doc.line(i), &name))
            {
                pairs.push((j, i));
                if pairs.len() > MAX_NAMED_BIOS {
                    return Vec::new();
                }
            }
        }
        above = Some(i);
        before += words;
    }
    pairs
}

/// The first copy above line `name` of the pair (`name`, `bio`): a line with `name`'s key whose
/// next non-blank line has `bio`'s key. A site that shows its author box above the article
/// shows the same box below it.
fn copy_above(doc: &Document, name: usize, bio: usize) -> Option<(usize, usize)> {
    let (name_key, bio_key) = (doc.info(name).key, doc.info(bio).key);
    (0..name).find_map(|a| {
        if doc.is_blank(a) || doc.info(a).key != name_key {
            return None;
        }
        let b = (a + 1..name).find(|&k| !doc.is_blank(k))?;
        (doc.info(b).key == bio_key).then_some((a, b))
    })
}

impl Rule for AuthorBox {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let n = doc.n_lines();
        let total: u32 = (0..n).map(|i| doc.info(i).words).sum();
        let mut before: u32 = 0;
        for i in 0..n {
            let info = doc.info(i);
            let starts = !info.is_blank()
                && info.words <= MAX_BIO_WORDS + 6
                && before as f32 >= MIN_SHARE_BEFORE * total as f32;
            let caps = if starts {
                let c = line_core(doc, i);
                may_be_heading(c).then(|| HEADING.captures(c)).flatten()
            } else {
                None
            };
            let Some(caps) = caps else {
                before += info.words;
                continue;
            };
            if caps.name("rest").is_some() {
                out.push(Removal::line(&Self::META, i).with_note("author box".to_string()));
                return;
            }
            // the bio: the next few non-blank lines while they stay short
            let mut end = i + 1;
            let mut taken = 0;
            let mut words = 0;
            let mut k = i + 1;
            while k < n && taken < MAX_BIO_LINES {
                if doc.is_blank(k) {
                    k += 1;
                    continue;
                }
                if super::comment_widget::is_widget_line(doc, k) {
                    // the comment section below the box (`3 Comments`) is no bio
                    break;
                }
                words += doc.info(k).words;
                if words > MAX_BIO_WORDS {
                    break;
                }
                taken += 1;
                k += 1;
                end = k;
            }
            out.push(
                Removal::lines(&Self::META, i..end)
                    .with_note(format!("author box with {taken} bio lines")),
            );
            return;
        }
        for (name, bio) in named_bios(doc) {
            if let Some((a, b)) = copy_above(doc, name, bio) {
                out.push(Removal::lines(&Self::META, a..b + 1).with_note(
                    "author box: a copy of the name and bio that stand lower down".to_string(),
                ));
            }
            out.push(
                Removal::lines(&Self::META, name..bio + 1)
                    .with_note("author box: a name and the bio that opens with it".to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::removed_ranges;

    fn removed(text: &str) -> Vec<std::ops::Range<usize>> {
        removed_ranges(&AuthorBox, text)
    }

    const BODY: &str = "The city council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive, and the works will start next month.\nThe mayor said that the new wall will be higher than the old one and that the fishing boats will have more room in the inner basin.";

    #[test]
    fn a_press_release_s_boilerplate_about_the_company_goes() {
        let t = format!("{BODY}\nAbout Harbor Works\nHarbor Works Inc. is a builder of sea walls with offices in Maine and Nova Scotia.\nMedia Contact:\nAnna Lee\n");
        assert_eq!(removed(&t), vec![2..4]);
        let t = format!("{BODY}\nSobre Aguasur\nAguasur es la empresa de aguas de catorce municipios de la provincia.\n###\n");
        assert_eq!(removed(&t), vec![2..4]);
        // a one-word name with no press contact below is the article's own section
        let t = format!("{BODY}\nAbout Lisbon\nLisbon is the capital of Portugal and by far its largest city.\n");
        assert!(removed(&t).is_empty());
    }

    #[test]
    fn the_prefilter_passes_every_heading() {
        for h in [
            "About the author",
            "ABOUT THE AUTHORS: x",
            "Über den Autor",
            "über mich",
            "Zum Autor",
            "zur Autorin",
            "À propos de l’auteur",
            "Sobre el autor",
            "Acerca del autor",
            "Sobre la firma",
            "Sobre o autor",
            "Over de schrijver",
            "O autorze",
            "Informazioni sull'autore",
            "Sull’autore",
            "Over de auteur",
        ] {
            assert!(HEADING.is_match(h) && may_be_heading(h), "{h:?}");
        }
        for l in ["The end", "", "a", "Ab", "Name"] {
            assert_eq!(may_be_heading(l), !matches!(l, "The end" | "Name"), "{l:?}");
        }
    }

    #[test]
    fn a_box_below_the_article_goes_with_its_bio() {
        let t = format!("{BODY}\nAbout the author\nJane Doe\nJane writes about harbours and boats for the magazine.\n");
        assert_eq!(removed(&t), vec![2..5]);
        let t = format!("{BODY}\nÜber die Autorin: Anna schreibt über Häfen und Schiffe.\n");
        assert_eq!(removed(&t), vec![2..3]);
    }

    #[test]
    fn the_bio_ends_where_the_comments_start() {
        let t = format!("{BODY}\n{BODY}\nAbout the author\nTom Hill covers science for the paper.\n3 Comments\nMark: Fascinating stuff.\n");
        assert_eq!(removed(&t), vec![4..6]);
    }

    #[test]
    fn a_long_text_under_the_heading_is_not_a_bio() {
        let line = BODY.replace('\n', " ");
        let long = format!("{line} {line}");
        let t = format!("{BODY}\n{BODY}\n{BODY}\n{BODY}\nAbout the author\n{long}\n");
        assert_eq!(removed(&t), vec![8..9]);
    }

    #[test]
    fn a_name_and_the_bio_that_opens_with_it_go_below_the_article() {
        for bio in [
            "Jane Doe\nJane is a reporter covering harbours and boats for the magazine.",
            "* Jane Doe\n\nJane Doe writes about harbours and boats for the magazine.",
            "Anna Maria Berg\nAnna Maria Berg ist Redakteurin und schreibt über Häfen.",
            "About Jane Doe\nJane Doe is a reporter covering harbours and boats.",
        ] {
            let t = format!("{BODY}\n{BODY}\n{bio}\n");
            let lines = bio.lines().count();
            assert_eq!(removed(&t), vec![4..4 + lines], "{bio:?}");
        }
    }

    #[test]
    fn the_same_box_above_the_article_goes_with_the_one_below() {
        let bio = "* Jane Doe\n\nJane Doe writes about harbours and boats for the magazine.";
        let t = format!("{bio}\n{BODY}\n{BODY}\n{bio}\n");
        assert_eq!(removed(&t), vec![0..3, 7..10]);
        // another name's box above is no copy
        let other = "* John Roe\n\nJohn Roe writes about harbours and boats for the magazine.";
        let t = format!("{other}\n{BODY}\n{BODY}\n{bio}\n");
        assert_eq!(removed(&t), vec![7..10]);
    }

    #[test]
    fn a_name_over_other_text_or_a_list_of_people_stays() {
        for tail in [
            // the paragraph does not open with the name, or no verb follows it
            "Jane Doe\nThe harbour master said the wall would hold for fifty years.",
            "Jane Doe\nJane Doe, the harbour master, said the wall would hold.",
            // a sentence, not a name, above
            "Jane Doe said.\nJane is a reporter covering harbours and boats.",
            // above most of the document
            "",
        ] {
            let t = format!("{BODY}\n{tail}\n");
            assert!(removed(&t).is_empty(), "{tail:?}");
        }
        let t = format!("Jane Doe\nJane is a reporter covering harbours and boats.\n{BODY}\n");
        assert!(removed(&t).is_empty());
        // three speakers with their bios: a list of people
        let people = "Jane Doe\nJane is a reporter covering harbours and boats.\n\
                      John Roe\nJohn is an engineer who builds harbour walls.\n\
                      Mary Major\nMary is the mayor of the harbour town.\n";
        let t = format!("{BODY}\n{BODY}\n{BODY}\n{people}");
        assert!(removed(&t).is_empty());
    }

    #[test]
    fn a_heading_above_the_article_stays() {
        let t = format!("About the author\nJane Doe\n{BODY}\n");
        assert!(removed(&t).is_empty());
        let t = format!("{BODY}\nShe spoke about the author of the plan at length.\n");
        assert!(removed(&t).is_empty());
    }
}
