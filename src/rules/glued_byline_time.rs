//! R020: a source name glued to a relative time ("Al Jazeera2 days ago") and bullet-source lines.

use super::shape::{may_hold_any, Lazy, LazyWords, RELATIVE_TIME_ANY};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// Byline and timestamp debris: a relative time alone or glued to a source name or a label
    /// (`Al Jazeera2 days ago`, `timean hour ago`, `Reuters 3 hours ago`, `Updated 5 minutes
    /// ago`, `vor 2 Stunden`, `il y a 3 jours`, `hace 2 horas`, `3 ore fa`, `há 2 horas`, `2 uur
    /// geleden`, `2 godziny temu`), and a bullet followed by a short
    /// source name alone on a line (`• Al Jazeera`).
    ///
    /// Scrapers flatten a teaser's source and time widgets into one line with no space between
    /// them. Whole lines only: the relative time must end the line and what precedes it must be
    /// at most five words with no sentence punctuation, so "He left two days ago." stays.
    ///
    /// Example: `Al Jazeera2 days ago` under a headline: removed.
    pub struct GluedBylineTime => ("R020", "glued-byline-time", Category::Byline);
}

/// The relative-time phrases, written once for [`RELATIVE_TIME`] and its bounded copy in the
/// tests.
macro_rules! relative_time_phrases {
    () => {
        r"
        (?:\d+|an?|one)\s*(?:sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)\s+ago
      | just\s+now
      | vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)
      | il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)
      | hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)
      | (?:\d+|un|una|un')\s*(?:secondi|minuti|minuto|ore|ora|giorni|giorno|settimane|settimana|mesi|mese|anni|anno)\s+fa
      | há\s+(?:\d+|uma?)\s+(?:segundos?|minutos?|horas?|dias?|semanas?|m[eê]s(?:es)?|anos?)
      | (?:\d+|een)\s+(?:seconden?|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar|jaren)\s+geleden
      | (?:\d+|jedną)\s+(?:sekund[ęy]?|minut[ęy]?|godzin[ęy]?|dni|dzień|tygodni(?:e)?|tydzień|miesi[ąę]c(?:e|y)?|lat|lata|rok)\s+temu
"
    };
}

/// A relative time ending the line. [`is_relative_time`] also wants what precedes it to be at
/// most 40 name characters ([`NAME_CHARS`]); that bound is checked in code, not written as
/// `[...]{0,40}` in the regex, whose compiling 40 copies of a Unicode class cost ~85M
/// instructions per process.
static RELATIVE_TIME: Lazy = Lazy::new(concat!(r"(?ix)(?:", relative_time_phrases!(), r")$"));

/// The characters a name before a relative time is made of.
static NAME_CHARS: Lazy = Lazy::new(r"(?i)^[\p{L}\p{N}\s&'’.-]*$");

/// Longest name before a relative time or after a bullet, in characters.
const MAX_NAME_CHARS: usize = 40;

/// Whether the whole line is at most [`MAX_NAME_CHARS`] name characters and a relative time
/// (what `^[name chars]{0,40}?(?:relative time)$` says). Every string [`RELATIVE_TIME`] matches
/// is made of name characters, so the leftmost match leaves the shortest name: if that one is
/// too long or holds another character, so does every other split.
pub(super) fn is_relative_time(line: &str) -> bool {
    let Some(m) = RELATIVE_TIME.find(line) else {
        return false;
    };
    let name = &line[..m.start()];
    name.chars().nth(MAX_NAME_CHARS).is_none() && NAME_CHARS.is_match(name)
}

/// A bullet and a source name (`• Al Jazeera`); [`is_bullet_source`] bounds the name's length.
static BULLET_SOURCE: Lazy = Lazy::new(r"^[•·▪‣◦]\s*\p{Lu}([\p{L}\p{N}&'’. -]*)$");

/// Whether the line is a bullet, an upper-case letter and at most [`MAX_NAME_CHARS`] more name
/// characters (what `^[•·▪‣◦]\s*\p{Lu}[\p{L}\p{N}&'’. -]{0,40}$` says, without compiling 40
/// copies of the classes).
pub(super) fn is_bullet_source(line: &str) -> bool {
    BULLET_SOURCE
        .get()
        .captures(line)
        .is_some_and(|c| c[1].chars().nth(MAX_NAME_CHARS).is_none())
}

/// The words of [`may_be_relative_time`].
pub(crate) const RELATIVE_TIME_WORDS: &[&str] = &[
    "ago", "now", "vor", "il", "hace", " fa", "há", "hÁ", "geleden", "temu",
];

/// Cheap necessary condition for [`is_relative_time`]: each of its phrases holds one of these
/// words (no letter outside ASCII case-folds to one of their letters).
fn may_be_relative_time(line: &str) -> bool {
    static WORDS: LazyWords = LazyWords::new(RELATIVE_TIME_WORDS);
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
            if info.words <= 8
                && may_hold_any(doc, i, RELATIVE_TIME_ANY)
                && may_be_relative_time(line)
                && is_relative_time(line)
            {
                out.push(Removal::line(&Self::META, i).with_note("relative time"));
            } else if info.words <= 6
                && line.starts_with(['•', '·', '▪', '‣', '◦'])
                && is_bullet_source(line)
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
            "5 giorni fa",
            "HÁ 2 DIAS",
            "1 uur geleden",
            "wczoraj, 3 dni temu",
        ] {
            assert!(may_be_relative_time(l), "{l:?}");
        }
        for l in ["", "a g o", "Reuters", "ąǵó"] {
            assert!(!may_be_relative_time(l), "{l:?}");
        }
    }

    /// The regexes [`is_relative_time`] and [`is_bullet_source`] stand for, with the 40-character
    /// bounds written in them.
    const RELATIVE_TIME_BOUNDED: &str = concat!(
        r"(?ix)^[\p{L}\p{N}\s&'’.-]{0,40}?(?:",
        relative_time_phrases!(),
        r")$"
    );
    const BULLET_SOURCE_BOUNDED: &str = r"^[•·▪‣◦]\s*\p{Lu}[\p{L}\p{N}&'’. -]{0,40}$";

    #[test]
    fn bounds_in_code_agree_with_bounded_regexes() {
        let relative = regex::Regex::new(RELATIVE_TIME_BOUNDED).unwrap();
        let bullet = regex::Regex::new(BULLET_SOURCE_BOUNDED).unwrap();
        let name = |n: usize| "abcdefghij".repeat(5)[..n].to_string();
        let mut lines: Vec<String> = vec![
            "".into(),
            "2 days ago".into(),
            "2 days ago\n".into(),
            "Al Jazeera2 days ago".into(),
            "timean hour ago".into(),
            "Reuters, 3 hours ago".into(),
            "He left two days ago.".into(),
            "an an an 2 days ago".into(),
            "ſtate 2 dayſ ago".into(),
            "Ąčę Ñandú 3 días ago hace 2 días".into(),
            "hace 2 días".into(),
            "Vor 2 STUNDEN".into(),
            "il y a 3 jours".into(),
            "Aggiornato un'ora fa".into(),
            "há 5 minutos".into(),
            "3 dagen geleden".into(),
            "Polska 5 godzin temu".into(),
            "News • 2 days ago".into(),
            "2 days ago 2 days ago".into(),
            "• Al Jazeera".into(),
            "•  Al Jazeera".into(),
            "• al Jazeera".into(),
            "•Ärzte Zeitung".into(),
            "• Al Jazeera!".into(),
            "x • Al Jazeera".into(),
        ];
        for n in [38, 39, 40, 41, 42] {
            lines.push(format!("{} 2 days ago", name(n)));
            lines.push(format!("{}2 days ago", name(n)));
            lines.push(format!("{}just now", name(n)));
            lines.push(format!("{}ä2 days ago", name(n)));
            lines.push(format!("• A{}", name(n)));
            lines.push(format!("• Ä{}", name(n)));
            lines.push(format!("• A{}é", name(n)));
            lines.push(format!("\u{2003}• A{}", name(n)));
        }
        for l in &lines {
            assert_eq!(is_relative_time(l), relative.is_match(l), "{l:?}");
            assert_eq!(is_bullet_source(l), bullet.is_match(l), "{l:?}");
        }
        assert!(is_relative_time(&format!("{} 2 days ago", name(39))));
        assert!(!is_relative_time(&format!("{} 2 days ago", name(40))));
        assert!(is_bullet_source(&format!("• A{}", name(40))));
        assert!(!is_bullet_source(&format!("• A{}", name(41))));
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
