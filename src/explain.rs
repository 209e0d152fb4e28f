//! `deboil rules` and `deboil explain`: generated from the rule registry and the configuration
//! file's user patterns, never written by hand.

use crate::config::Config;
use crate::error::Error;
use crate::rules::{self, RuleMeta};

/// Every code a run with `config` can report: the built-in rules and stage codes, then the
/// configuration file's user patterns (`U001`, ...) in file order.
pub fn metas_with(config: &Config) -> Result<Vec<RuleMeta>, Error> {
    let mut metas = rules::all_meta();
    let file = config.shown_path().display().to_string();
    for (i, spec) in config.patterns.iter().enumerate() {
        let pattern = rules::user_pattern::UserPattern::new(i, spec, &file).map_err(|message| {
            Error::Config {
                path: config.shown_path(),
                message,
            }
        })?;
        metas.push(*rules::Rule::meta(&pattern));
    }
    // as `clean` would refuse them
    rules::check_config_selectors(config, &metas)?;
    Ok(metas)
}

/// One line per rule: code, name, category, summary.
pub fn rules_text(metas: &[RuleMeta]) -> String {
    let mut s = String::new();
    for m in metas {
        s.push_str(&format!(
            "{}  {:<32} {:<10} {}\n",
            m.code,
            m.name,
            m.category.as_str(),
            m.summary()
        ));
    }
    s
}

/// The registry as a JSON array of `{code, name, category, summary, doc}`.
pub fn rules_json(metas: &[RuleMeta]) -> String {
    let v: Vec<serde_json::Value> = metas
        .iter()
        .map(|m| {
            serde_json::json!({"code": m.code, "name": m.name, "category": m.category.as_str(),
                "summary": m.summary(), "doc": clean_doc(m)})
        })
        .collect();
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// A Markdown table (for the README).
pub fn rules_markdown(metas: &[RuleMeta]) -> String {
    let mut s =
        String::from("| code | name | category | what it removes |\n| --- | --- | --- | --- |\n");
    for m in metas {
        s.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            m.code,
            m.name,
            m.category.as_str(),
            m.summary().replace('|', "\\|")
        ));
    }
    s
}

/// The rule's documentation with the doc comment's leading space removed.
pub fn clean_doc(m: &RuleMeta) -> String {
    m.doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// `deboil explain CODE`: the rule among `metas` whose code or name is `code` (any case).
pub fn explain(code: &str, metas: &[RuleMeta]) -> Option<String> {
    let m = rules::find(metas, code)?;
    Some(format!(
        "{} ({}), category {}\n\n{}\n",
        m.code,
        m.name,
        m.category.as_str(),
        clean_doc(m)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_known_and_unknown() {
        let metas = rules::all_meta();
        let e = explain("R001", &metas).unwrap();
        assert!(e.starts_with("R001 (repeated-adjacent-line)"));
        assert!(e.contains("back to back"));
        assert_eq!(explain("repeated-adjacent-line", &metas), Some(e));
        assert!(explain("Z999", &metas).is_none());
    }

    #[test]
    fn listings_name_every_rule() {
        let metas = rules::all_meta();
        let t = rules_text(&metas);
        let md = rules_markdown(&metas);
        for m in &metas {
            assert!(t.contains(m.code) && md.contains(m.name));
        }
    }

    /// A configuration file's patterns follow the built-in codes as U001, U002, ... and
    /// `explain` tells what each matches and removes.
    #[test]
    fn user_patterns_are_listed_and_explained() {
        let config = Config::parse(
            "[[pattern]]\nname = \"shop-footer\"\nliteral = \"Visit our shop\"\n\
             description = \"The shop's footer line.\"\n\
             [[pattern]]\nname = \"ad-block\"\nregex = \"^ADVERTISEMENT$\"\nscope = \"block\"\n",
        )
        .unwrap();
        let metas = metas_with(&config).unwrap();
        assert_eq!(metas.len(), rules::all_meta().len() + 2);
        let text = rules_text(&metas);
        let last: Vec<&str> = text.lines().rev().take(2).collect();
        assert!(last[1].starts_with("U001  shop-footer"), "{text}");
        assert!(last[1].contains("user") && last[1].contains("The shop's footer line."));
        assert!(last[0].starts_with("U002  ad-block"), "{text}");
        let e = explain("u001", &metas).unwrap();
        assert!(e.starts_with("U001 (shop-footer), category user"), "{e}");
        assert!(e.contains("the literal \"Visit our shop\""), "{e}");
        assert!(e.contains("removes the matching line"), "{e}");
        let e = explain("ad-block", &metas).unwrap();
        assert!(e.contains("User pattern `ad-block`"), "{e}");
        assert!(e.contains("the regex \"^ADVERTISEMENT$\""), "{e}");
        assert!(e.contains("to the next blank line"), "{e}");
        assert!(explain("U003", &metas).is_none());
    }
}
