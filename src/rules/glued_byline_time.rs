//! R020: a source name glued to a relative time ("Al Jazeera2 days ago") and bullet-source lines.

use super::shape::{Lazy, LazyWords};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// Byline and timestamp debris: a relative time alone or glued to a source name or a label
    /// (`Al Jazeera2 days ago`, `timean hour ago`, `Reuters 3 hours ago`, `Updated 5 minutes
    /// ago`, `vor 2 Stunden`, `il y a 3 jours`, `hace 2 horas`), and a bullet followed by a short
    /// source name alone on a line (`• Al Jazeera`).
    ///
    /// Scrapers flatten a teaser's source and time widgets into one line with no space between
    /// them. Whole lines only: the relative time must end the line and what precedes it must be
    /// at most five words with no sentence punctuation, so "He left two days ago." stays.
    ///
    /// Example: `Al Jazeera2 days ago` under a headline: removed.
    pub struct GluedBylineTime => ("R020", "glued-byline-time", Category::Byline);
}

pub(super) static RELATIVE_TIME: Lazy = Lazy::new(
    r"(?ix)^[\p{L}\p{N}\s&'’.-]{0,40}?
      (?:
        (?:\d+|an?|one)\s*(?:sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)\s+ago
      | just\s+now
      | vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)
      | il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)
      | hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)
      )$",
);

pub(super) static BULLET_SOURCE: Lazy = Lazy::new(r"^[•·▪‣◦]\s*\p{Lu}[\p{L}\p{N}&'’. -]{0,40}$");

/// Cheap necessary condition for [`RELATIVE_TIME`]: each of its phrases holds one of these
/// words (no letter outside ASCII case-folds to one of their letters).
fn may_be_relative_time(line: &str) -> bool {
    static WORDS: LazyWords = LazyWords::new(&["ago", "now", "vor", "il", "hace"]);
    WORDS.is_match(line)
}

/// Whether the non-blank line before or after `i` is also a bullet item: then `i` is one item
/// of a list (`• Jobs`, `• Schools`), not a source line standing alone.
fn in_bullet_list(doc: &Document, i: usize) -> bool {
    let is_bullet = |k: usize| doc.line(k).starts_with(['•', '·', '▪', '‣', '◦']);
    let prev = (0..i).rev().find(|&k| !doc.is_blank(k));
    let next = (i + 1..doc.n_lines()).find(|&k| !doc.is_blank(k));
    prev.is_some_and(is_bullet) || next.is_some_and(is_bullet)
}

impl Rule for GluedBylineTime {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            let info = doc.info(i);
            let line = doc.line(i);
            if info.words <= 8 && may_be_relative_time(line) && RELATIVE_TIME.is_match(line) {
                out.push(Removal::line(&Self::META, i).with_note("relative time"));
            } else if info.words <= 6
                && line.starts_with(['•', '·', '▪', '‣', '◦'])
                && BULLET_SOURCE.is_match(line)
                && !in_bullet_list(doc, i)
            {
                out.push(Removal::line(&Self::META, i).with_note("bullet source line"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_time_words_are_found_in_any_case() {
        for l in [
            "2 days AGO",
            "Just Now",
            "vor 2 Stunden",
            "IL y a",
            "Hace 2 horas",
        ] {
            assert!(may_be_relative_time(l), "{l:?}");
        }
        for l in ["", "a g o", "Reuters", "ąǵó"] {
            assert!(!may_be_relative_time(l), "{l:?}");
        }
    }

    #[test]
    fn bullet_list_items_stay() {
        assert!(removed(
            "Schools taking part:\n• North Valley Schools\n• Lake District Schools\n• Hill Academy"
        )
        .is_empty());
        assert_eq!(
            removed("A headline\n\n• News Agency\n\nA headline"),
            vec![2]
        );
    }

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&GluedBylineTime, text)
    }

    #[test]
    fn debris_goes() {
        let t = "Al Jazeera2 days ago\ntimean hour ago\ntime7 hours ago\n• Al Jazeera\nvor 2 Stunden\nil y a 3 jours\nhace 2 horas\nReuters 5 minutes ago";
        assert_eq!(removed(t), (0..8).collect::<Vec<_>>());
    }

    #[test]
    fn sentences_stay() {
        assert!(removed("He left two days ago.\nThe fire started 3 hours ago, officials said\n• The first point of a list, which is a sentence.").is_empty());
    }
}
