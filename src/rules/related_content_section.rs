//! R010: a "Related Articles" / "Read next" section with the teasers under it.

use super::shape::{short_line_matches, Lazy};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A related-content section: a heading such as "Related Articles", "More stories",
    /// "Read next", "You may also like", "Lesen Sie auch", "Mehr zum Thema", "À lire aussi",
    /// "Sur le même sujet", "Noticias relacionadas", "Te puede interesar", and everything it
    /// carries: teaser headlines, source and time lines, and whole teaser articles.
    ///
    /// Only a line that *is* the heading (at most eight words, the phrase alone, perhaps with a
    /// colon) starts a section; "read more" inside a sentence does not. Extent: the section runs
    /// to the end of the document when it follows the article, the usual layout: when the words
    /// after the heading are no more than those before it, or when at least 150 words of article
    /// precede it and a teaser headline (a line under 15 words) comes right under it (teasers
    /// may carry whole articles, longer than the article itself), unless three prose lines in a
    /// row (15+ words each) show the article resuming after an inline list: the section then
    /// stops before them. Otherwise (a sidebar near the
    /// top), it covers the heading and the short teaser lines right under it, stopping at the
    /// first line of prose.
    ///
    /// Example: `Related Articles` followed by three teasers (headline twice, `Al Jazeera`,
    /// `time7 hours ago`, `• Al Jazeera`, headline, teaser paragraph): all removed.
    ///
    /// Known false positives: an article that continues with a long part after a line reading
    /// exactly "Read more" loses that part when the part is shorter than what came before.
    pub struct RelatedContentSection => ("R010", "related-content-section", Category::Chrome);
}

static HEADING: Lazy = Lazy::new(
    r"(?ix)^(?:
        related(?:\s+(?:articles?|stories|posts|news|content|coverage|reading|links|topics|videos))?
      | more\s+(?:stories|articles|news|videos|headlines|to\s+read|like\s+this|on\s+this(?:\s+(?:topic|story))?|from\s+.{2,40})
      | read\s+(?:next|also)(?:\s+(?:stories|articles))? | more\s+to\s+read | see\s+also | also\s+read | don'?t\s+miss
      | you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)
      | recommended(?:\s+(?:for\s+you|stories|articles|reading|videos))? | recommendations
      | most\s+(?:read|popular|viewed|shared|commented)(?:\s+(?:stories|articles))? | trending(?:\s+(?:now|stories|articles))?
      | popular(?:\s+(?:now|stories|articles|posts))? | top\s+stories | latest(?:\s+(?:news|stories|articles|posts))
      | editor'?s?\s+picks? | further\s+reading | in\s+other\s+news | what\s+to\s+read\s+next | up\s+next
      | lesen\s+sie\s+(?:auch|mehr) | auch\s+interessant | mehr\s+zum\s+thema | mehr\s+(?:aus|zu|von|artikel|nachrichten)(?:\s+.{2,40})?
      | das\s+könnte\s+sie\s+(?:auch\s+)?interessieren | weitere\s+(?:artikel|beiträge|nachrichten|themen)
      | verwandte\s+(?:artikel|themen|beiträge) | ähnliche\s+(?:artikel|beiträge) | meistgelesen | meist\s+gelesen
      | (?:à|a)\s+lire\s+aussi | lire\s+aussi | sur\s+le\s+même\s+sujet | articles?\s+(?:similaires|liés|connexes)
      | vous\s+(?:aimerez|pourriez\s+aimer)\s+aussi | les\s+plus\s+lus | à\s+découvrir | (?:plus|encore)\s+d'articles
      | te\s+puede\s+interesar | también\s+te\s+puede\s+interesar | noticias\s+relacionadas | m[aá]s\s+noticias
      | lo\s+m[aá]s\s+le[ií]do | art[ií]culos\s+relacionados | te\s+recomendamos | relacionad[oa]s
    )$",
);

/// Words before the heading that make it follow an article (so the section runs to the end
/// when teasers follow it, however long they are).
const ARTICLE_WORDS: u32 = 150;

/// Teaser lines under a sidebar heading are shorter than this (words).
const TEASER_MAX_WORDS: u32 = 15;

/// Consecutive prose lines (blank lines between allowed) that mean the article goes on.
const PROSE_RUN: usize = 3;
/// Words that make a line prose rather than a teaser headline or a byline.
const PROSE_WORDS: u32 = 15;

/// The first line of a run of `PROSE_RUN` prose lines at or after `from`: where an inline
/// "Related:" list ends and the article resumes. Teaser blocks alternate short and long lines,
/// so they never hold such a run.
fn prose_run_start(doc: &Document, from: usize) -> Option<usize> {
    let mut run_start = None;
    let mut run = 0;
    for k in from..doc.n_lines() {
        if doc.is_blank(k) {
            continue;
        }
        if doc.info(k).words >= PROSE_WORDS {
            run_start.get_or_insert(k);
            run += 1;
            if run >= PROSE_RUN {
                let s = run_start?;
                // the section ends at the last non-blank line before the run
                return (from..s).rev().find(|&j| !doc.is_blank(j)).map(|j| j + 1);
            }
        } else {
            run = 0;
            run_start = None;
        }
    }
    None
}

impl Rule for RelatedContentSection {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let n = doc.n_lines();
        let total: u32 = doc.info.iter().map(|i| i.words).sum();
        let mut before: u32 = 0;
        let mut i = 0;
        while i < n {
            if short_line_matches(doc, i, 8, &HEADING) {
                let after = total - before - doc.info(i).words;
                let next_is_teaser = (i + 1..n)
                    .find(|&k| !doc.is_blank(k))
                    .is_some_and(|k| doc.info(k).words < TEASER_MAX_WORDS);
                let end = if after <= before || (before >= ARTICLE_WORDS && next_is_teaser) {
                    prose_run_start(doc, i + 1).unwrap_or(n)
                } else {
                    let mut e = i + 1;
                    while e < n && (doc.is_blank(e) || doc.info(e).words < TEASER_MAX_WORDS) {
                        e += 1;
                    }
                    // do not take the blank lines before the prose that ends the section
                    while e > i + 1 && doc.is_blank(e - 1) {
                        e -= 1;
                    }
                    e
                };
                out.push(
                    Removal::lines(&Self::META, i..end)
                        .with_note(format!("section heading {:?}", doc.line(i))),
                );
                before += (i..end).map(|k| doc.info(k).words).sum::<u32>();
                i = end;
                continue;
            }
            before += doc.info(i).words;
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<std::ops::Range<usize>> {
        let doc = Document::from_text(text.to_string(), 1, 0);
        let mut out = Vec::new();
        RelatedContentSection.check(&doc, &mut out);
        out.into_iter().map(|r| r.lines).collect()
    }

    const BODY: &str = "The council met on Monday and agreed a new plan for the harbour, which will be dredged next spring at a cost shared by the port and the city.\nWork will start in March and last until the summer, the mayor said.";

    #[test]
    fn section_after_the_article_runs_to_the_end() {
        let t = format!("{BODY}\n\nRelated Articles\n\nTeaser headline one\nSource\n\nA long teaser paragraph with many words that looks like an article body but is only a teaser.");
        assert_eq!(removed(&t), vec![3..9]);
    }

    #[test]
    fn inline_list_ends_where_the_article_resumes() {
        let t = format!(
            "{BODY}\n{BODY}\nRelated:\n* First link title\n* Second link title\n{BODY}\n{BODY}"
        );
        assert_eq!(removed(&t), vec![4..7]);
    }

    #[test]
    fn sidebar_near_the_top_takes_only_teasers() {
        let t = format!("Lesen Sie auch:\nErster Teaser\nZweiter Teaser\n{BODY}\n{BODY}");
        assert_eq!(removed(&t), vec![0..3]);
    }

    #[test]
    fn phrase_inside_a_sentence_stays() {
        let t =
            format!("{BODY}\nRead more about the plan on the council's website, the mayor said.");
        assert!(removed(&t).is_empty());
    }
}
