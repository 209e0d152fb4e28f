//! `deboil rules` and `deboil explain`: generated from the rule registry, never written by hand.

use crate::rules::{self, RuleMeta};

/// One line per rule: code, name, category, summary.
pub fn rules_text() -> String {
    let mut s = String::new();
    for m in rules::all_meta() {
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

/// The registry as JSON lines of `{code, name, category, summary, doc}`.
pub fn rules_json() -> String {
    let v: Vec<serde_json::Value> = rules::all_meta()
        .iter()
        .map(|m| {
            serde_json::json!({"code": m.code, "name": m.name, "category": m.category.as_str(),
                "summary": m.summary(), "doc": clean_doc(m)})
        })
        .collect();
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// A Markdown table (for the README).
pub fn rules_markdown() -> String {
    let mut s =
        String::from("| code | name | category | what it removes |\n| --- | --- | --- | --- |\n");
    for m in rules::all_meta() {
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

/// The built-in rules' codes, comma-separated (for the unknown-code error).
pub fn known_codes() -> String {
    rules::all_meta()
        .iter()
        .map(|m| m.code)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `deboil explain CODE`.
pub fn explain(code: &str) -> Option<String> {
    let m = rules::find(code)?;
    Some(format!(
        "{} ({}), category {}\n\n{}\n",
        m.code,
        m.name,
        m.category.as_str(),
        clean_doc(&m)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_known_and_unknown() {
        let e = explain("R001").unwrap();
        assert!(e.starts_with("R001 (repeated-adjacent-line)"));
        assert!(e.contains("back to back"));
        assert_eq!(explain("repeated-adjacent-line"), Some(e));
        assert!(explain("Z999").is_none());
    }

    #[test]
    fn listings_name_every_rule() {
        let t = rules_text();
        let md = rules_markdown();
        for m in rules::all_meta() {
            assert!(t.contains(m.code) && md.contains(m.name));
        }
    }
}
