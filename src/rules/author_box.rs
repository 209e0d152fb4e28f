//! R017: author boxes below an article ("About the author" and the short bio under it).

use super::shape::{core, Lazy};
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
    /// Known false positives: an article that ends with a section about its subject's author
    /// titled "About the author" loses that section's first lines.
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

/// Most lines a box takes under its heading.
const MAX_BIO_LINES: usize = 3;

/// Most words a box's bio may hold.
const MAX_BIO_WORDS: u32 = 100;

/// Share of the document's words that must come before the heading.
const MIN_SHARE_BEFORE: f32 = 0.6;

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
                let c = core(doc.line(i));
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
    fn a_long_text_under_the_heading_is_not_a_bio() {
        let line = BODY.replace('\n', " ");
        let long = format!("{line} {line}");
        let t = format!("{BODY}\n{BODY}\n{BODY}\n{BODY}\nAbout the author\n{long}\n");
        assert_eq!(removed(&t), vec![8..9]);
    }

    #[test]
    fn a_heading_above_the_article_stays() {
        let t = format!("About the author\nJane Doe\n{BODY}\n");
        assert!(removed(&t).is_empty());
        let t = format!("{BODY}\nShe spoke about the author of the plan at length.\n");
        assert!(removed(&t).is_empty());
    }
}
