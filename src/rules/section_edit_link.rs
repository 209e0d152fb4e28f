//! R027: a wiki's section edit link glued to the heading it follows (`History[edit]`).

use super::shape::Lazy;
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A wiki's section edit link glued to a heading: MediaWiki prints `[edit]` (or `[edit
    /// source]`) after every section heading, and a scraper that keeps link text glues it on:
    /// `History[edit]`, `Geography [ edit ]`, `See also[edit source]`,
    /// `Geschichte[Bearbeiten | Quelltext bearbeiten]`, `Histoire[modifier | modifier le
    /// code]`, `Historia[editar]`, `Storia[modifica | modifica wikitesto]`,
    /// `Geschiedenis[bewerken | brontekst bewerken]`, `Historia[edytuj | edytuj kod]`. Only the
    /// bracketed link is cut; the heading stays. A line that is the link alone goes whole.
    ///
    /// The line must end with the link and hold at most twelve words before it (a heading,
    /// not a sentence that happens to end in a bracketed word).
    pub struct SectionEditLink => ("R027", "section-edit-link", Category::Marker);
}

/// The edit link at the end of a line, with the spaces before it.
static EDIT_LINK: Lazy = Lazy::new(
    r"(?i)\s*\[\s*(?:edit(?:\s+source)?|bearbeiten(?:\s*\|\s*quelltext\s+bearbeiten)?|quelltext\s+bearbeiten|modifier(?:\s*\|\s*modifier\s+le\s+code)?|modifier\s+le\s+code|editar(?:\s*\|\s*editar\s+(?:código-fonte|código))?|modifica(?:\s*\|\s*modifica\s+wikitesto)?|bewerken(?:\s*\|\s*brontekst\s+bewerken)?|edytuj(?:\s*\|\s*edytuj\s+kod)?|редактировать(?:\s*\|\s*править\s+код)?|править(?:\s*\|\s*править\s+код|\s+код)?)\s*\]\s*$",
);

/// Most words before the link.
const HEADING_MAX_WORDS: usize = 12;

/// The byte where the edit link that ends `line` starts, when it ends in one after a heading
/// (or alone).
pub fn edit_link_start(line: &str) -> Option<usize> {
    if !line.trim_end().ends_with(']') {
        return None;
    }
    let start = EDIT_LINK.span(line)?.start;
    let words = line[..start].split_whitespace().count();
    (words <= HEADING_MAX_WORDS).then_some(start)
}

impl Rule for SectionEditLink {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            let line = doc.line(i);
            let Some(start) = edit_link_start(line) else {
                continue;
            };
            let removal = if line[..start].trim().is_empty() {
                Removal::line(&Self::META, i)
            } else {
                Removal::within(&Self::META, i, start..line.len())
            };
            out.push(removal.with_note("section edit link"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(line: &str) -> Option<&str> {
        edit_link_start(line).map(|at| &line[..at])
    }

    #[test]
    fn the_link_is_cut_and_the_heading_stays() {
        for (line, kept) in [
            ("History[edit]", "History"),
            ("Geography [ edit ]", "Geography"),
            ("See also[edit source]", "See also"),
            ("Early life and career[Edit]", "Early life and career"),
            (
                "Geschichte[Bearbeiten | Quelltext bearbeiten]",
                "Geschichte",
            ),
            ("Histoire[modifier | modifier le code]", "Histoire"),
            ("Historia[editar]", "Historia"),
            ("História[editar | editar código-fonte]", "História"),
            ("Storia[modifica | modifica wikitesto]", "Storia"),
            (
                "Geschiedenis[bewerken | brontekst bewerken]",
                "Geschiedenis",
            ),
            ("Historia[edytuj | edytuj kod]", "Historia"),
            ("История[править | править код]", "История"),
            ("[edit]", ""),
        ] {
            assert_eq!(heading(line), Some(kept), "{line}");
        }
    }

    #[test]
    fn other_brackets_and_sentences_stay() {
        for line in [
            "History",
            "The city was founded in 1200.[3]",
            "Press the button marked [edit] to change your profile.",
            "Click here [edit mode]",
            "Notes [editorial]",
            "Users of the old version of the site complained that there was no way at all to fix a typo once a post was out [edit]",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
    }

    #[test]
    fn a_heading_in_a_document_loses_its_link_only() {
        let doc = Document::from_text(
            "River\n\nThe river flows through the valley and into the sea.\nHistory[edit]\nIt was named long ago.\n[edit]".into(),
            1,
            0,
        );
        let mut out = Vec::new();
        SectionEditLink.check(&doc, &mut out);
        let cuts: Vec<(usize, Option<std::ops::Range<usize>>)> = out
            .iter()
            .map(|r| (r.lines.start, r.within.clone()))
            .collect();
        assert_eq!(cuts, [(3, Some(7..13)), (5, None)]);
    }
}
