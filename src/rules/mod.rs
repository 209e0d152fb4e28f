//! The rule system: the `Rule` trait, rule metadata, the `declare_rule!` macro that turns a rule's
//! doc comment into its documentation, and the registry every command is generated from.
//!
//! Rules only look: each reports [`Removal`]s on a [`Document`] and never edits text. The
//! pipeline's apply step resolves overlaps and makes the edits, so the report lists exactly what
//! changed. Rules never import the pipeline or the CLI.

use crate::doc::{Document, Removal};

/// What kind of debris a rule targets; shown by `deboil rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Text printed twice by the scraper.
    Repeat,
    /// Stray UI labels and markers.
    Marker,
    /// Site chrome: related links, comment widgets, calls to action, footers.
    Chrome,
    /// Bylines, timestamps and datelines glued into the text.
    Byline,
    /// Lines judged by the statistical block classifier.
    Classifier,
    /// Paragraphs repeated across the corpus.
    Dedup,
    /// Patterns from the user's `deboil.toml`.
    User,
}

impl Category {
    /// Every category, in the order of the enum.
    pub const ALL: [Category; 7] = [
        Category::Repeat,
        Category::Marker,
        Category::Chrome,
        Category::Byline,
        Category::Classifier,
        Category::Dedup,
        Category::User,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Repeat => "repeat",
            Category::Marker => "marker",
            Category::Chrome => "chrome",
            Category::Byline => "byline",
            Category::Classifier => "classifier",
            Category::Dedup => "dedup",
            Category::User => "user",
        }
    }
}

/// A rule's identity and documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Stable code, e.g. `R001`.
    pub code: &'static str,
    /// Kebab-case name stating the pattern, e.g. `repeated-adjacent-line`.
    pub name: &'static str,
    pub category: Category,
    /// The rule's doc comment: what it removes, why, an example, known false positives.
    pub doc: &'static str,
}

impl RuleMeta {
    /// The documentation's first sentence, for `deboil rules` and the README's table: its first
    /// paragraph up to the first full stop that ends a sentence ([`sentence_end`]: not one inside
    /// `backticks` or "quotes"). A first paragraph that ends in a colon introduces a list: the
    /// summary is the paragraph followed by the list's bold labels (`- **label**: ...`), or, with
    /// no labels, the paragraph with a full stop for its colon.
    pub fn summary(&self) -> String {
        let lines: Vec<&str> = self.doc.lines().map(str::trim).collect();
        let start = lines
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(lines.len());
        let end = lines[start..]
            .iter()
            .position(|l| l.is_empty())
            .map_or(lines.len(), |n| start + n);
        let para = lines[start..end].join(" ");
        if let Some(i) = sentence_end(&para) {
            return para[..=i].to_string();
        }
        let Some(lead) = para.strip_suffix(':') else {
            return para;
        };
        // the labels of the list in the next paragraph
        let labels: Vec<&str> = lines[end..]
            .iter()
            .skip_while(|l| l.is_empty())
            .take_while(|l| !l.is_empty())
            .filter_map(|l| {
                l.strip_prefix("- **")?
                    .split_once("**")
                    .map(|(label, _)| label)
            })
            .collect();
        if labels.is_empty() {
            format!("{lead}.")
        } else {
            format!("{lead}: {}.", labels.join(", "))
        }
    }
}

/// The byte index of the full stop that ends the first sentence of `text`, if one does before
/// its end: a `.` outside `backticks`, "straight" and “curly” quotes, after a lowercase letter
/// or a closing bracket or quote, followed by a space and a capital letter or an opening
/// backtick or quote. So an example (`Striking workers outside the gates. Photograph: ...`)
/// does not end the sentence that shows it.
fn sentence_end(text: &str) -> Option<usize> {
    let (mut code, mut straight, mut curly) = (false, false, 0usize);
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        match c {
            '`' => code = !code,
            _ if code => {}
            '"' => straight = !straight,
            '“' => curly += 1,
            '”' => curly = curly.saturating_sub(1),
            '.' if !straight && curly == 0 => {
                let after_word = prev.is_lowercase() || matches!(prev, ')' | '"' | '”' | '`');
                let mut next = text[i + 1..].chars();
                let starts_sentence = next.next() == Some(' ')
                    && next
                        .next()
                        .is_some_and(|n| n.is_uppercase() || matches!(n, '`' | '"' | '“'));
                if after_word && starts_sentence {
                    return Some(i);
                }
            }
            _ => {}
        }
        prev = c;
    }
    None
}

/// A unit that finds one class of debris in a document.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    /// Appends the removals this rule finds in `doc` to `out`.
    fn check(&self, doc: &Document, out: &mut Vec<Removal>);
}

/// Declares a rule type whose doc comment becomes its `RuleMeta::doc`.
///
/// ```ignore
/// declare_rule! {
///     /// Removes ...
///     pub struct RepeatedAdjacentLine => ("R001", "repeated-adjacent-line", Category::Repeat);
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $vis:vis struct $ty:ident => ($code:literal, $name:literal, $cat:expr);) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $ty;
        impl $ty {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $name,
                category: $cat,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}

/// Metadata of rules that are not `Rule` units (reported by other stages) but still have a code,
/// so that `rules`/`explain` and `--select`/`--ignore` cover them.
pub mod stage_codes;
pub mod user_pattern;

mod dates;
mod shape;
#[cfg(test)]
mod testing;
mod word_phrase;

// One line per rule. Keep codes unique; `tests::registry_is_consistent` checks it.
pub mod alt_text_leftover;
pub mod author_box;
pub mod boilerplate_line;
pub mod call_to_action;
pub mod column_cell;
pub mod comment_widget;
pub mod cookie_or_copyright_line;
pub mod credited_caption;
pub mod date_prefix;
pub mod dateline;
pub mod form_text;
pub mod glued_byline_time;
pub mod post_meta_footer;
pub mod promo_block;
pub mod reader_appeal;
pub mod related_content_section;
pub mod repeated_adjacent_line;
pub mod repeated_block;
pub mod running_header;
pub mod section_edit_link;
pub mod site_notice_line;
pub mod tag_list;
pub mod ui_label_line;

/// The statistical block classifier behind C001 (features, stopwords, core search).
pub mod classifier;

/// How aggressive the statistical parts are (`--strictness`): `low` keeps more, `high` removes more.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Strictness {
    Low,
    #[default]
    Normal,
    High,
}

/// Settings rules are built with.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    pub strictness: Strictness,
    /// `--keep-comments`: C001 leaves a reader-comment thread's text in place.
    pub keep_comments: bool,
    /// Whether anything reads the removals' notes (a report, a listing): without a reader, the
    /// classifier skips composing one note per removed line.
    pub notes_read: bool,
}

impl Default for RuleSettings {
    fn default() -> Self {
        RuleSettings {
            strictness: Strictness::default(),
            keep_comments: false,
            notes_read: true,
        }
    }
}

/// Every built-in rule, in the order they run.
pub fn registry_with(settings: &RuleSettings) -> Vec<Box<dyn Rule>> {
    // Wider patterns first: a section claims the lines it spans, a block its copy, so the report
    // credits each removed line to the most telling rule (the apply step: first reporter wins).
    vec![
        Box::new(related_content_section::RelatedContentSection),
        Box::new(promo_block::PromoBlock),
        Box::new(repeated_block::RepeatedBlock),
        Box::new(repeated_adjacent_line::RepeatedAdjacentLine),
        Box::new(running_header::RunningHeader),
        Box::new(ui_label_line::UiLabelLine),
        Box::new(section_edit_link::SectionEditLink),
        Box::new(comment_widget::CommentWidget),
        Box::new(tag_list::TagList),
        Box::new(author_box::AuthorBox),
        Box::new(post_meta_footer::PostMetaFooter),
        Box::new(call_to_action::CallToAction),
        Box::new(reader_appeal::ReaderAppeal),
        Box::new(form_text::FormText),
        Box::new(alt_text_leftover::AltTextLeftover),
        Box::new(credited_caption::CreditedCaptionRule::new(
            settings.strictness,
        )),
        Box::new(cookie_or_copyright_line::CookieOrCopyrightLine),
        Box::new(site_notice_line::SiteNoticeLine),
        Box::new(glued_byline_time::GluedBylineTime),
        Box::new(dateline::Dateline),
        Box::new(date_prefix::DatePrefix),
        Box::new(column_cell::ColumnCellRule::new(settings.strictness)),
        // the statistical classifier last: specific rules are credited first
        Box::new(
            boilerplate_line::BoilerplateLineRule::new(settings.strictness)
                .keeping_comments(settings.keep_comments)
                .with_notes(settings.notes_read),
        ),
    ]
}

/// Every built-in rule with default settings.
pub fn registry() -> Vec<Box<dyn Rule>> {
    registry_with(&RuleSettings::default())
}

/// Metadata of every code deboil can report: rules first, then stage codes.
pub fn all_meta() -> Vec<RuleMeta> {
    let mut v: Vec<RuleMeta> = registry().iter().map(|r| *r.meta()).collect();
    v.extend(stage_codes::ALL.iter().copied());
    v.sort_by_key(|m| m.code);
    v
}

/// Looks up a code (`R001`) or a name (`repeated-adjacent-line`) among `metas`, ignoring
/// ASCII case.
pub fn find<'a>(metas: &'a [RuleMeta], code_or_name: &str) -> Option<&'a RuleMeta> {
    metas.iter().find(|m| {
        m.code.eq_ignore_ascii_case(code_or_name) || m.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// Checks the configuration file's `select` and `ignore` against the codes a run knows
/// (`known`: built-in rules, stage codes and the file's own patterns): an unknown or empty
/// entry is an error naming the file.
pub fn check_config_selectors(
    config: &crate::config::Config,
    known: &[RuleMeta],
) -> Result<(), crate::error::Error> {
    for (key, list) in [("select", &config.select), ("ignore", &config.ignore)] {
        let unknown = list.iter().find(|s| !is_known_selector(s, known));
        if let Some(s) = unknown {
            let message = if s.trim().is_empty() {
                format!("`{key}`: an empty rule code or name (\"{s}\")")
            } else {
                format!("`{key}`: {}", crate::error::Error::unknown_rule(s, known))
            };
            return Err(crate::error::Error::Config {
                path: config.shown_path(),
                message,
            });
        }
    }
    Ok(())
}

/// Whether selector `s` means something to a run that knows the rules `known`: `ALL`, a
/// category (also `user` when the configuration has no patterns, so one set of flags serves
/// every configuration), or a code, code prefix or name of a known rule.
pub fn is_known_selector(s: &str, known: &[RuleMeta]) -> bool {
    s.eq_ignore_ascii_case("ALL")
        || Category::ALL
            .iter()
            .any(|c| c.as_str().eq_ignore_ascii_case(s))
        || known.iter().any(|m| matches_selector(m, &[s.to_string()]))
}

/// Whether `meta` is chosen by a list of selectors: `ALL`, codes, code prefixes like `R0`, names
/// or categories, all ignoring ASCII case (`r001` is `R001`, as for `deboil explain`). A whole
/// code (a letter and three digits or more) chooses that code alone: `U100` is not a prefix of
/// `U1000`, which a file of a thousand patterns has. An empty selector chooses nothing (callers
/// reject it as a usage error).
pub fn matches_selector(meta: &RuleMeta, selectors: &[String]) -> bool {
    selectors.iter().any(|s| {
        let s = s.as_str();
        let whole_code = s.len() >= 4
            && s.as_bytes()[0].is_ascii_alphabetic()
            && s.as_bytes()[1..].iter().all(u8::is_ascii_digit);
        let code = if whole_code {
            meta.code.eq_ignore_ascii_case(s)
        } else {
            meta.code
                .as_bytes()
                .get(..s.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(s.as_bytes()))
        };
        !s.is_empty()
            && (s.eq_ignore_ascii_case("ALL")
                || code
                || meta.name.eq_ignore_ascii_case(s)
                || meta.category.as_str().eq_ignore_ascii_case(s))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_category_is_a_known_selector_even_with_no_rule_in_it() {
        let metas = all_meta();
        assert!(!metas.iter().any(|m| m.category == Category::User));
        for s in [
            "user",
            "USER",
            "chrome",
            "ALL",
            "R00",
            "r001",
            "boilerplate-line",
        ] {
            assert!(is_known_selector(s, &metas), "{s}");
        }
        for s in ["U001", "R999", "users", ""] {
            assert!(!is_known_selector(s, &metas), "{s}");
        }
    }

    #[test]
    fn registry_is_consistent() {
        let metas = all_meta();
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for m in &metas {
            assert!(codes.insert(m.code), "duplicate code {}", m.code);
            assert!(names.insert(m.name), "duplicate name {}", m.name);
            assert!(
                m.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{} is not kebab-case",
                m.name
            );
            assert!(m.doc.trim().len() > 40, "{} has no documentation", m.code);
            assert_eq!(m.code.len(), 4, "{} code shape", m.code);
        }
    }

    #[test]
    fn selectors_and_lookup_ignore_case() {
        let m = repeated_adjacent_line::RepeatedAdjacentLine::META;
        let sel = |s: &str| matches_selector(&m, &[s.to_string()]);
        for s in [
            "R001",
            "r001",
            "r0",
            "R",
            "all",
            "ALL",
            "repeated-adjacent-line",
            "Repeated-Adjacent-Line",
            "repeat",
            "REPEAT",
        ] {
            assert!(sel(s), "{s} should select R001");
        }
        for s in ["", "R002", "r1", "repeated", "chrome", "R0011"] {
            assert!(!sel(s), "{s:?} should not select R001");
        }
        // a whole code is that code alone: a thousandth user pattern is no U100
        let u1000 = RuleMeta {
            code: "U1000",
            name: "site-1000",
            category: Category::User,
            doc: "",
        };
        let sel = |s: &str| matches_selector(&u1000, &[s.to_string()]);
        for s in ["U1000", "u1000", "U10", "U1", "user"] {
            assert!(sel(s), "{s} should select U1000");
        }
        for s in ["U100", "U001", "U10000"] {
            assert!(!sel(s), "{s} should not select U1000");
        }
        assert_eq!(find(&all_meta(), "r001").map(|m| m.code), Some("R001"));
        assert_eq!(
            find(&all_meta(), "REPEATED-ADJACENT-LINE").map(|m| m.code),
            Some("R001")
        );
        assert_eq!(find(&all_meta(), ""), None);
    }

    #[test]
    fn every_rule_has_a_fixture() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for m in all_meta() {
            let dir = root.join(format!("rule-{}", m.code.to_ascii_lowercase()));
            assert!(
                dir.is_dir(),
                "rule {} ({}) has no fixture directory {}",
                m.code,
                m.name,
                dir.display()
            );
        }
    }

    #[test]
    fn a_sentence_does_not_end_inside_backticks_or_quotes() {
        fn end(t: &str) -> Option<&str> {
            sentence_end(t).map(|i| &t[..=i])
        }
        assert_eq!(end("One thing. Two things."), Some("One thing."));
        assert_eq!(end("Only one sentence."), None);
        assert_eq!(
            end("A caption, such as `The gates. Photo: X`. Then more."),
            Some("A caption, such as `The gates. Photo: X`.")
        );
        assert_eq!(
            end(r#"An ad ("Werbung. Dieser Beitrag", “Hier. Dort”). Next."#),
            Some(r#"An ad ("Werbung. Dieser Beitrag", “Hier. Dort”)."#)
        );
        assert_eq!(
            end("A footer, filed and followed. `This entry was posted. Bookmark it.`"),
            Some("A footer, filed and followed.")
        );
        // not after an abbreviation's capital or a number, nor before a lowercase word
        assert_eq!(
            end("Version 2. Next one. Last"),
            Some("Version 2. Next one.")
        );
        assert_eq!(end("Said A. Smith and so on. the end"), None);
    }

    #[test]
    fn a_summary_is_a_complete_sentence() {
        let meta = |doc: &'static str| RuleMeta {
            code: "X001",
            name: "x",
            category: Category::Chrome,
            doc,
        };
        let list = " A line the site prints:\n\n - **first kind**: \"A. B\";\n - **second kind**: more\n   text.\n\n Why.\n";
        assert_eq!(
            meta(list).summary(),
            "A line the site prints: first kind, second kind."
        );
        assert_eq!(
            meta(" A line the site prints:\n\n Some prose.\n").summary(),
            "A line the site prints."
        );
        assert_eq!(
            meta("\n A line\n over two. And more.\n\n Next.\n").summary(),
            "A line over two."
        );
        for m in all_meta() {
            let s = m.summary();
            let ok_end = s.ends_with('.') || s.ends_with(".`");
            assert!(ok_end, "{} summary does not end a sentence: {s}", m.code);
            for q in ['`', '"'] {
                let n = s.matches(q).count();
                assert!(n % 2 == 0, "{} summary cut inside {q}: {s}", m.code);
            }
        }
    }
}
