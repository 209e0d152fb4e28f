//! R021: a line that is only a date or time stamp; its date moves to the `date` field.

use super::dates::{parse_date_prefix, DATE_LABEL};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Field, Removal};

crate::declare_rule! {
    /// A dateline: a line that holds only a date, perhaps with a time, a label and separators
    /// (`15:19 02.08.2023 •`, `2023-08-01`, `August 2, 2023 at 3:19 pm`, `Published: 2 Aug
    /// 2023`, `Veröffentlicht am 2. August 2023`, `Publié le 2 août 2023`, `Publicado el 2 de
    /// agosto de 2023`). The line leaves the text and its date goes to the document's `date`
    /// field, as ISO 8601 (`2023-08-02T15:19`); the first dateline of a document wins.
    ///
    /// Only short lines (at most twelve words) where nothing but separators, a weekday or a
    /// time zone follows the date are matched, so a sentence starting with a date stays.
    pub struct Dateline => ("R021", "dateline", Category::Byline);
}

/// What may follow the date on a dateline: separators, a time zone, "Uhr".
fn is_trailer(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty()
        || rest
            .chars()
            .all(|c| matches!(c, '•' | '·' | '|' | '-' | '–' | '—' | ',' | '/' | ' '))
        || matches!(
            rest.trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
            "uhr" | "utc" | "gmt" | "cet" | "cest" | "est" | "edt" | "pst" | "pdt" | "bst" | "msk"
        )
}

/// Parses a whole line as a dateline.
pub fn parse_dateline(line: &str) -> Option<String> {
    if !super::dates::may_hold_date(line) {
        return None;
    }
    let body = line.trim_start_matches(['•', '·', '|', '-', ' ']);
    let label_len = DATE_LABEL.get().find(body).map_or(0, |m| m.end());
    let rest = &body[label_len..];
    let found = parse_date_prefix(rest)?;
    is_trailer(&rest[found.len..]).then_some(found.iso)
}

impl Rule for Dateline {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            if doc.info(i).words > 12 {
                continue;
            }
            if let Some(iso) = parse_dateline(doc.line(i)) {
                out.push(Removal::line(&Self::META, i).moved_to(Field::Date, iso));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_parse() {
        assert_eq!(
            parse_dateline("15:19 02.08.2023 •").as_deref(),
            Some("2023-08-02T15:19")
        );
        assert_eq!(
            parse_dateline("Published: 2 Aug 2023").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(
            parse_dateline("Veröffentlicht am 2. August 2023").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(
            parse_dateline("Publié le 2 août 2023").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(
            parse_dateline("Publicado el 2 de agosto de 2023").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(
            parse_dateline("Tuesday, August 1, 2023").as_deref(),
            Some("2023-08-01")
        );
        assert_eq!(
            parse_dateline("2023-08-01 12:00 UTC").as_deref(),
            Some("2023-08-01T12:00")
        );
    }

    #[test]
    fn sentences_with_dates_stay() {
        assert_eq!(parse_dateline("2 August 2023 was a hot day."), None);
        assert_eq!(parse_dateline("On 2 August 2023"), None);
    }

    #[test]
    fn moves_the_date() {
        let doc = Document::from_text("Title\n\n15:19 02.08.2023 •\n\nBody.".into(), 1, 0);
        let mut out = Vec::new();
        Dateline.check(&doc, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].moved_to,
            Some((Field::Date, "2023-08-02T15:19".into()))
        );
    }

    #[test]
    fn impossible_dates_are_no_datelines() {
        assert_eq!(parse_dateline("31.02.2023"), None);
        assert_eq!(parse_dateline("Published: Feb 30, 2023"), None);
        assert_eq!(
            parse_dateline("Published: Feb 28, 2023").as_deref(),
            Some("2023-02-28")
        );
    }
}
