//! R022: a date glued to the start of the first paragraph (` date 2023-08-01 Text...`).

use super::dates::{parse_date_prefix, DATE_LABEL};
use super::shape::Lazy;
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Field, Removal};

crate::declare_rule! {
    /// A date prefix glued to a paragraph: a date label (`date`, `Published`, `Updated:`,
    /// `Veröffentlicht am`, `Publié le`, `Publicado el`) and a date at the start of one of the
    /// document's first three paragraphs, followed by the article's text (`date 2023-08-01
    /// Russia's defense minister said...`). Only the prefix is cut, with a following separator
    /// (`—`, `|`, `:`, `•`); the rest of the paragraph stays. The date goes to the `date` field.
    ///
    /// The label is required for a bare date (a paragraph may well start "2023-08-01 was..."),
    /// except for a date followed by a dash or bar separator (`2 Aug 2023 — Text`). The rest
    /// must hold at least five words.
    pub struct DatePrefix => ("R022", "date-prefix", Category::Byline);
}

static SEPARATOR: Lazy = Lazy::new(r"^\s*[—–|:•·-]\s*");
static LABELLED: Lazy = Lazy::new(
    r"(?i)^(?:date|dated|published|posted|updated|last\s+updated|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|publicado|actualizado|fecha)\b",
);

/// The byte length of a date prefix of `line` and its ISO date.
pub fn date_prefix(line: &str) -> Option<(usize, String)> {
    let labelled = LABELLED.is_match(line);
    let label_len = DATE_LABEL.prefix_len(line).unwrap_or(0);
    let found = parse_date_prefix(&line[label_len..])?;
    let mut end = label_len + found.len;
    let sep = SEPARATOR.find(&line[end..]).map(|m| m.end());
    if !labelled && sep.is_none() {
        return None;
    }
    end += sep.unwrap_or(0);
    // swallow the space after the prefix
    end += line[end..].len() - line[end..].trim_start().len();
    let rest_words = line[end..].split_whitespace().count();
    (rest_words >= 5).then_some((end, found.iso))
}

impl Rule for DatePrefix {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs().take(3) {
            if let Some((len, iso)) = date_prefix(doc.line(i)) {
                out.push(
                    Removal::within(&Self::META, i, 0..len)
                        .with_note(format!("date prefix of {iso}"))
                        .moved_to(Field::Date, iso),
                );
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        let l = "date 2023-08-01 Russia's defense minister said on Tuesday that talks went well.";
        let (len, iso) = date_prefix(l).unwrap();
        assert_eq!(
            &l[len..],
            "Russia's defense minister said on Tuesday that talks went well."
        );
        assert_eq!(iso, "2023-08-01");
        let l = "Published 2 Aug 2023 — The council met on Monday to vote.";
        assert_eq!(
            &l[date_prefix(l).unwrap().0..],
            "The council met on Monday to vote."
        );
        let l = "2 Aug 2023 | The council met on Monday to vote.";
        assert_eq!(
            &l[date_prefix(l).unwrap().0..],
            "The council met on Monday to vote."
        );
    }

    #[test]
    fn bare_dates_in_sentences_stay() {
        assert!(date_prefix("2023-08-01 was the hottest day ever recorded in the city.").is_none());
        assert!(date_prefix("date 2023-08-01 short").is_none());
    }
}
