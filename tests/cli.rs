//! Integration tests through the real `deboil` binary: the command-line contract, determinism
//! across thread counts and batch sizes, the report's accounting, `check`'s failure mode, and
//! the seed dumps' acceptance criteria.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn deboil(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run deboil")
}

/// `deboil` with `args`, which must succeed (the failure shows the arguments and stderr).
fn deboil_ok(args: &[&str]) -> Output {
    let o = deboil(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// deboil started in the repository root with `args`, its stdin, stdout and stderr piped.
fn spawn_piped(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn deboil")
}

fn deboil_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = spawn_piped(args);
    // a run that stops early (a usage error) may exit before it reads its input
    match child.stdin.take().unwrap().write_all(input) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.unwrap(),
    }
    child.wait_with_output().unwrap()
}

/// A fresh, empty directory `<temp>/deboil-it-<pid>-<name>`, removed with its contents when
/// dropped, so that tests leave nothing behind, failing ones included.
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = PathBuf;

    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl AsRef<std::path::Path> for TempDir {
    fn as_ref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tmpdir(name: &str) -> TempDir {
    let d = std::env::temp_dir().join(format!("deboil-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    TempDir(d)
}

#[test]
fn tmpdir_is_removed_when_dropped() {
    let dir = tmpdir("guard");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/out.txt"), b"x").unwrap();
    let path = dir.to_path_buf();
    assert!(path.is_dir());
    drop(dir);
    assert!(!path.exists(), "{} left behind", path.display());
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn report_of(args: &[&str], name: &str) -> serde_json::Value {
    let dir = tmpdir(name);
    let rep = dir.join("report.json");
    let mut a: Vec<&str> = args.to_vec();
    let rep_s = rep.to_str().unwrap().to_string();
    a.extend(["--report", &rep_s, "--reproducible", "-q"]);
    let o = deboil(&a);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&std::fs::read(&rep).unwrap()).unwrap()
}

/// documents in = out + dropped + failed, and every non-blank input line is either written or
/// named by a full-line removal.
fn assert_accounted(report: &serde_json::Value) {
    let t = &report["totals"];
    let sum = |v: &serde_json::Value| {
        v.as_object()
            .unwrap()
            .values()
            .map(|x| x.as_u64().unwrap())
            .sum::<u64>()
    };
    let din = t["documents_in"].as_u64().unwrap();
    let dout = t["documents_out"].as_u64().unwrap();
    assert_eq!(
        din,
        dout + sum(&t["documents_dropped"]) + sum(&t["documents_failed"]),
        "{t}"
    );
    for d in report["documents"].as_array().unwrap() {
        let removed: u64 = d["removals"]
            .as_array()
            .unwrap()
            .iter()
            .map(line_count)
            .sum();
        let lines_in = d["lines_in"].as_u64().unwrap();
        let lines_out = d["lines_out"].as_u64().unwrap();
        assert_eq!(lines_in, lines_out + removed, "unaccounted lines in {d}");
    }
}

/// Non-blank lines a removal took out (0 for a cut within a line that stays).
fn line_count(r: &serde_json::Value) -> u64 {
    r["removed_lines"]
        .as_u64()
        .expect("removed_lines in every removal")
}

#[test]
fn output_is_identical_at_any_thread_count_and_batch_size() {
    for format in ["text", "jsonl"] {
        let base = deboil(&[
            "clean",
            "seeds",
            "fixtures",
            "--format",
            format,
            "-q",
            "--threads",
            "1",
        ]);
        assert!(base.status.success());
        assert!(!base.stdout.is_empty());
        for threads in ["2", "8"] {
            for batch in ["1", "100000000"] {
                let o = deboil(&[
                    "clean",
                    "seeds",
                    "fixtures",
                    "--format",
                    format,
                    "-q",
                    "--threads",
                    threads,
                    "--batch-bytes",
                    batch,
                ]);
                assert_eq!(
                    o.stdout, base.stdout,
                    "format {format}, threads {threads}, batch {batch}"
                );
            }
        }
    }
    let r1 = report_of(&["clean", "seeds", "--threads", "1"], "r1");
    let r8 = report_of(
        &["clean", "seeds", "--threads", "8", "--batch-bytes", "1"],
        "r8",
    );
    assert_eq!(r1, r8);
}

/// Every removal says why: a note, or for a duplicate the kept copy it matched.
fn assert_explained(report: &serde_json::Value) {
    for d in report["documents"].as_array().unwrap() {
        for r in d["removals"].as_array().unwrap() {
            let noted = r["note"].as_str().is_some_and(|n| !n.is_empty());
            assert!(noted || r["kept"].is_object(), "no reason given: {r}");
        }
    }
}

#[test]
fn accounting_holds_on_seeds_and_fixtures() {
    for (args, name) in [
        (["clean", "seeds"], "acc-seeds"),
        (["clean", "fixtures"], "acc-fixtures"),
    ] {
        let report = report_of(&args, name);
        assert_accounted(&report);
        assert_explained(&report);
    }
}

#[test]
fn check_fails_with_a_diff_when_an_expected_file_is_edited() {
    let dir = tmpdir("check");
    let case = dir.join("case");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(
        case.join("input.txt"),
        "A Headline Here\n\nFirst paragraph of the body.\n",
    )
    .unwrap();
    let d = dir.to_str().unwrap();
    let o = deboil(&["check", d, "--bless"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let o = deboil(&["check", d]);
    assert!(o.status.success(), "{}", stdout(&o));
    std::fs::write(
        case.join("expected.txt"),
        "A Headline Here\n\nA paragraph edited by hand.\n",
    )
    .unwrap();
    let o = deboil(&["check", d]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("FAIL    case"), "{out}");
    assert!(out.contains("-A paragraph edited by hand."), "{out}");
    assert!(out.contains("+First paragraph of the body."), "{out}");
    assert!(out.contains("@@"), "{out}");
}

/// A failing case's diff is cut after `--max-diff-lines` lines (default 200) with a line
/// saying how many more there are; `0` shows it all.
#[test]
fn check_cuts_a_long_diff_at_max_diff_lines() {
    let dir = tmpdir("check-cap");
    let case = dir.join("case");
    std::fs::create_dir_all(&case).unwrap();
    let body: String = (0..300)
        .map(|i| format!("Paragraph {i} says the harbour council voted {i} times on the budget.\n"))
        .collect();
    std::fs::write(case.join("input.txt"), format!("A Headline Here\n\n{body}")).unwrap();
    std::fs::write(case.join("args"), "--dedup none\n").unwrap();
    let d = dir.to_str().unwrap();
    deboil_ok(&["check", d, "--bless", "-q"]);
    let edited: String = (0..300).map(|i| format!("Edited line {i}.\n")).collect();
    std::fs::write(case.join("expected.txt"), &edited).unwrap();
    // the diff's lines between the FAIL line and the cut, and the cut line
    let run = |extra: &[&str]| {
        let o = deboil(&[&["check", d, "-q"], extra].concat());
        assert_eq!(o.status.code(), Some(1));
        let out = stdout(&o);
        let lines: Vec<String> = out.lines().map(String::from).collect();
        assert_eq!(lines[0], "FAIL    case", "{out}");
        let cut = lines.iter().position(|l| l.starts_with("... "));
        (
            // without a cut, the diff ends above the dry-run hint and the summary
            cut.map_or(lines.len() - 3, |c| c - 1),
            cut.map(|c| lines[c].clone()),
            out,
        )
    };
    let (all, cut, out) = run(&["--max-diff-lines", "0"]);
    assert_eq!(cut, None, "{out}");
    assert!(out.contains("-Edited line 299."), "{out}");
    assert!(all > 600, "{all} lines: {out}");
    let (shown, cut, out) = run(&[]);
    assert_eq!(shown, 200, "{out}");
    assert_eq!(
        cut.as_deref(),
        Some(
            format!(
                "... {} more lines (`--max-diff-lines 0` shows them all)",
                all - 200
            )
            .as_str()
        )
    );
    assert!(!out.contains("-Edited line 299."), "{out}");
    assert!(out.ends_with("1 case, 1 failed: case\n"), "{out}");
    let (shown, cut, _) = run(&["--max-diff-lines", "5"]);
    assert_eq!(shown, 5);
    assert_eq!(
        cut.as_deref(),
        Some(
            format!(
                "... {} more lines (`--max-diff-lines 0` shows them all)",
                all - 5
            )
            .as_str()
        )
    );
}

/// A `check` diff of a JSONL case names the record that changed in its hunk header, by file,
/// line and id, and shows the form feed between documents as `␌` (trial22 repro-08: only
/// `expected.txt`'s line numbers were given, and the separator was a raw form feed).
#[test]
fn check_diff_names_the_changed_record() {
    let dir = tmpdir("check-names");
    let case = dir.join("feed");
    std::fs::create_dir_all(&case).unwrap();
    let record = |i: usize, paras: usize| {
        let body: Vec<String> = (0..paras)
            .map(|p| {
                format!(
                    "Paragraph {p} of page {i} tells how the harbour council voted on the \
                     ferry budget in week {i}."
                )
            })
            .collect();
        serde_json::json!({"id": format!("page-{i:04}"), "text": format!("Headline {i}\n{}", body.join("\n\n"))})
            .to_string()
    };
    let input = |changed: Option<usize>| {
        (0..30)
            .map(|i| record(i, if Some(i) == changed { 1 } else { 2 }) + "\n")
            .collect::<String>()
    };
    std::fs::write(case.join("input.jsonl"), input(None)).unwrap();
    // the records' paragraphs are near repeats of each other: no dedup
    std::fs::write(case.join("args"), "--dedup none\n").unwrap();
    let d = dir.to_str().unwrap();
    deboil_ok(&["check", d, "--bless", "-q"]);
    std::fs::write(case.join("input.jsonl"), input(Some(21))).unwrap();
    let o = deboil(&["check", d, "-q"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let hunk = out.lines().find(|l| l.starts_with("@@ ")).unwrap();
    assert!(hunk.ends_with(" @@ input.jsonl:22 (id page-0021)"), "{out}");
    assert!(out.contains("-Paragraph 1 of page 21 "), "{out}");
    assert!(
        out.contains("\n \u{240c}\n") && !out.contains('\x0c'),
        "{out}"
    );
}

/// An unknown rule in a case's `args` names the `args` file, as the flags `check` refuses do
/// (trial22 repro-07).
#[test]
fn check_names_the_args_file_of_an_unknown_rule() {
    let dir = tmpdir("check-args-rule");
    let case = dir.join("with-args");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(
        case.join("input.txt"),
        "A Headline\n\nThe body of it, long enough.\n",
    )
    .unwrap();
    for args in ["--ignore R999\n", "--select nosuchrule\n"] {
        std::fs::write(case.join("args"), args).unwrap();
        let o = deboil(&["check", dir.to_str().unwrap(), "-q"]);
        assert_eq!(o.status.code(), Some(2));
        let out = stdout(&o);
        let args_file = case.join("args");
        let want = format!("ERROR   with-args: {}: --", args_file.display());
        assert!(out.starts_with(&want), "{out}");
        assert!(out.contains("unknown rule code or name"), "{out}");
    }
}

/// A case's expected files do not depend on how `check` is called: ids deboil makes for JSONL
/// records without one are relative to the case folder, as sources are.
#[test]
fn check_results_do_not_depend_on_the_path_spelling_or_the_cwd() {
    let dir = tmpdir("check-cwd");
    let case = dir.join("fixtures/news");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(
        case.join("input.jsonl"),
        "{\"text\":\"A Headline\\n\\nThe body of the first record, long enough to keep.\"}\n\
         {\"id\":\"own\",\"text\":\"Another Headline\\n\\nThe body of the second record stays too.\"}\n",
    )
    .unwrap();
    std::fs::write(case.join("args"), "--format jsonl\n").unwrap();
    let run = |cwd: &std::path::Path, arg: &str, bless: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_deboil"));
        c.current_dir(cwd).args(["check", arg]);
        if bless {
            c.arg("--bless");
        }
        c.output().unwrap()
    };
    let o = run(&dir, "fixtures", true);
    assert!(o.status.success(), "{}", stdout(&o));
    let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
    assert!(expected.contains("\"id\":\"input.jsonl:1\""), "{expected}");
    assert!(expected.contains("\"id\":\"own\""), "{expected}");
    let abs = dir.join("fixtures");
    for (cwd, arg) in [
        (dir.to_path_buf(), "./fixtures"),
        (dir.to_path_buf(), abs.to_str().unwrap()),
        (case.clone(), "."),
        (dir.join("fixtures"), "news"),
    ] {
        let o = run(&cwd, arg, false);
        assert!(
            o.status.success(),
            "{} from {}: {}",
            arg,
            cwd.display(),
            stdout(&o)
        );
    }
    // --config in args: the case's configuration is its deboil.toml
    std::fs::write(case.join("args"), "--format jsonl --config other.toml\n").unwrap();
    let o = run(&dir, "fixtures", false);
    let all = format!("{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr));
    assert_eq!(o.status.code(), Some(2), "{all}");
    assert!(
        all.contains("args: --config: a case's configuration is the deboil.toml"),
        "{all}"
    );
    // a flag clean does not know: the error names the args file, not check's own words
    std::fs::write(case.join("args"), "--colour\n").unwrap();
    let o = run(&dir, "fixtures", false);
    let all = format!("{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr));
    assert!(
        all.contains("args: unexpected argument '--colour'"),
        "{all}"
    );
    assert!(!all.contains("--no-config"), "{all}");
}

/// `check --bless` ends with what it blessed: the cases whose expected files it rewrote, and
/// how many were unchanged.
#[test]
fn check_bless_says_what_it_blessed() {
    let dir = tmpdir("check-bless");
    for case in ["a", "b", "c"] {
        let case = dir.join(case);
        std::fs::create_dir_all(&case).unwrap();
        std::fs::write(
            case.join("input.txt"),
            "A Headline Here\n\nThe body text.\n",
        )
        .unwrap();
    }
    let d = dir.to_str().unwrap();
    let o = deboil(&["check", d, "--bless"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("blessed a (expected.txt created, expected-report.json created)\n"),
        "{out}"
    );
    assert!(
        out.ends_with("\n3 cases, 0 failed; blessed 3 cases: a, b, c (0 unchanged)\n"),
        "{out}"
    );
    std::fs::write(dir.join("b/expected.txt"), "edited by hand\n").unwrap();
    let out = stdout(&deboil(&["check", d, "--bless"]));
    assert_eq!(
        out,
        "ok      a\nblessed b (expected.txt)\nok      c\n\
         3 cases, 0 failed; blessed 1 case: b (2 unchanged)\n"
    );
    let out = stdout(&deboil(&["check", d, "--bless"]));
    assert!(
        out.ends_with("\n3 cases, 0 failed; blessed 0 cases (3 unchanged)\n"),
        "{out}"
    );
    assert!(stdout(&deboil(&["check", d])).ends_with("\n3 cases, 0 failed\n"));
}

#[test]
fn rules_and_explain_come_from_the_registry() {
    let o = deboil(&["rules"]);
    assert!(o.status.success());
    let list = stdout(&o);
    let json = deboil(&["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rules = v.as_array().unwrap();
    assert!(rules.len() >= 4);
    for r in rules {
        let code = r["code"].as_str().unwrap();
        assert!(list.contains(code));
        let e = deboil(&["explain", code]);
        assert!(e.status.success());
        let doc = r["doc"].as_str().unwrap();
        assert!(
            stdout(&e).contains(doc.lines().next().unwrap()),
            "explain {code}"
        );
    }
    let bad = deboil(&["explain", "Z999"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Z999"));
}

/// A configuration file's patterns show in `rules` and `explain` beside the built-in rules, as
/// the codes a run reports them under; `--no-config` lists the built-in rules only.
#[test]
fn rules_and_explain_show_the_configuration_files_patterns() {
    let d = tmpdir("rules-config");
    std::fs::write(
        d.join("deboil.toml"),
        "[[pattern]]\nname = \"shop-footer\"\nliteral = \"Kiosk code 7\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_deboil"))
            .args(args)
            .current_dir(&*d)
            .output()
            .unwrap()
    };
    let o = run(&["rules"]);
    assert!(o.status.success());
    let list = stdout(&o);
    let last = list.lines().last().unwrap();
    assert!(
        last.starts_with("U001  shop-footer") && last.contains("user"),
        "{list}"
    );
    let o = run(&["explain", "U001"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("the literal \"Kiosk code 7\""));
    // what `clean` reports under the same code
    std::fs::write(
        d.join("page.txt"),
        "Body text that stays.\nkiosk CODE 7 b\n",
    )
    .unwrap();
    let o = run(&["clean", "page.txt", "--dry-run"]);
    assert!(stdout(&o).contains("U001 shop-footer"), "{}", stdout(&o));
    let o = run(&["rules", "--no-config"]);
    assert!(!stdout(&o).contains("U001"));
    let o = run(&["explain", "U001", "--no-config"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("no configuration file was read"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run(&["explain", "U002"]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("deboil.toml has 1 pattern"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run(&["rules", "--config", "missing.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--config missing.toml"));
    // a file clean would refuse is refused here too, and the known codes include its patterns
    std::fs::write(
        d.join("bad.toml"),
        "ignore = [\"U009\"]\n[[pattern]]\nname = \"shop-footer\"\nliteral = \"Kiosk code 7\"\n",
    )
    .unwrap();
    for cmd in [
        &["rules", "--config", "bad.toml"][..],
        &["explain", "R001", "--config", "bad.toml"],
    ] {
        let o = run(cmd);
        assert_eq!(o.status.code(), Some(2), "{cmd:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("bad.toml: `ignore`: unknown rule code or name: U009"),
            "{err}"
        );
        assert!(err.contains("R028, U001;"), "{err}");
    }
    // the default description names the file the patterns came from
    let o = run(&["explain", "U001", "--config", "deboil.toml"]);
    assert!(stdout(&o).contains("User pattern `shop-footer` from deboil.toml."));
}

/// `deboil rules` shows each rule's first sentence whole: a full stop inside an example in
/// backticks or quotes does not end it, and a first paragraph that introduces a list with a
/// colon is completed by the list's labels.
#[test]
fn rules_summaries_are_whole_sentences() {
    let o = deboil(&["rules"]);
    assert!(o.status.success());
    let list = stdout(&o);
    let line = |code: &str| {
        list.lines()
            .find(|l| l.starts_with(code))
            .unwrap_or_else(|| panic!("{code} missing:\n{list}"))
            .to_string()
    };
    for l in list.lines() {
        assert!(l.ends_with('.') || l.ends_with(".`"), "cut summary: {l}");
        assert_eq!(l.matches('`').count() % 2, 0, "cut inside backticks: {l}");
        assert_eq!(l.matches('"').count() % 2, 0, "cut inside quotes: {l}");
    }
    assert!(line("R018").ends_with("`A Ribeira do Porto. LUSA/JOSÉ COELHO`."));
    assert!(line("R019").ends_with("how to follow it."));
    assert!(line("R013").contains("\"Werbung. Dieser Beitrag enthält Werbung für ...\""));
    assert!(line("R023").contains("under every article: reuse notice, licence notice,"));
    assert!(line("R025").contains("speaks to the reader: ad-blocker ask, paywall prompt,"));
    assert!(line("R026").ends_with("validation message, comment-form notice."));
}

#[test]
fn help_shows_the_defaults_from_the_code_and_explain_points_to_rules() {
    let d = deboil::dedup::DedupOptions::default();
    let deciding = [
        format!("[default: {}]", d.threshold),
        format!("[default: {}]", d.boilerplate_min_docs),
        format!("[default: {}]", d.boilerplate_min_share),
        "refuses `longest`".to_string(),
    ];
    let strictness = ["[default: normal".to_string()];
    for (cmd, has, lacks) in [
        (&["clean"][..], vec![&deciding[..], &strictness[..]], vec![]),
        (&["dups"], vec![&deciding[..], &strictness[..]], vec![]),
        (
            &["dedup", "decide"],
            vec![&deciding[..]],
            vec![&strictness[..]],
        ),
        (
            &["dedup", "sigs"],
            vec![&strictness[..]],
            vec![&deciding[..]],
        ),
        (
            &["dedup", "apply"],
            vec![&strictness[..]],
            vec![&deciding[..]],
        ),
    ] {
        let mut args = cmd.to_vec();
        args.push("--help");
        let o = deboil(&args);
        assert!(o.status.success());
        let help = stdout(&o);
        for want in has.concat() {
            assert!(help.contains(&want), "{args:?} lacks {want:?}:\n{help}");
        }
        for not in lacks.concat() {
            assert!(!help.contains(&not), "{args:?} has {not:?}:\n{help}");
        }
        assert!(!help.contains("module docs"), "{help}");
    }
    let o = deboil(&["explain", "X999"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("X999") && err.contains("R001, ") && err.contains("`deboil rules`"),
        "{err}"
    );
}

#[test]
fn a_flag_a_command_does_not_use_is_a_usage_error() {
    for args in [
        &["dups", "seeds", "--format", "jsonl"][..],
        &["dups", "seeds", "--ignore", "D002"],
        &["dedup", "sigs", "seeds", "--prefer", "longest"],
        &["dedup", "decide", "sigs.jsonl", "--text-field", "body"],
        &[
            "dedup",
            "apply",
            "seeds",
            "--decisions",
            "d.jsonl",
            "--near-threshold",
            "0.9",
        ],
    ] {
        let o = deboil(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("unexpected argument") || err.contains("--rules"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_flag_other_flags_make_pointless_is_a_usage_error() {
    for (args, message) in [
        (
            &[
                "clean",
                "seeds",
                "--dedup",
                "none",
                "--near-threshold",
                "0.5",
            ][..],
            "--near-threshold has no effect with --dedup none",
        ),
        (
            &["clean", "seeds", "--no-near", "--near-threshold", "0.5"],
            "--near-threshold has no effect with --no-near",
        ),
        (
            &[
                "dups",
                "seeds",
                "--no-boilerplate",
                "--boilerplate-min-docs",
                "3",
            ],
            "--boilerplate-min-docs has no effect with --no-boilerplate",
        ),
        (
            &[
                "clean",
                "seeds",
                "--dedup",
                "none",
                "--boilerplate-min-share",
                "0.5",
            ],
            "--boilerplate-min-share has no effect with --dedup none",
        ),
    ] {
        let o = deboil(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    // the same flags where they take effect
    for args in [
        &[
            "clean",
            "seeds",
            "-q",
            "--dedup",
            "doc",
            "--near-threshold",
            "0.5",
        ][..],
        &[
            "clean",
            "seeds",
            "-q",
            "--no-near",
            "--boilerplate-min-docs",
            "3",
        ],
    ] {
        assert!(deboil(args).status.success(), "{args:?}");
    }
}

/// `dedup decide` learns from its signature files whether they carry near signatures: on
/// signatures made with `--no-near`, `--near-threshold` and `--prefer` would do nothing, so they
/// are refused as `clean --no-near --near-threshold` is (before: exit 0, the same decisions).
#[test]
fn decide_refuses_near_flags_on_signatures_made_without_near() {
    let dir = tmpdir("decide-no-near");
    let sigs = dir.join("s.jsonl").display().to_string();
    let dec = dir.join("d.jsonl").display().to_string();
    deboil_ok(&[
        "dedup",
        "sigs",
        "seeds",
        "--no-near",
        "--no-config",
        "-o",
        &sigs,
    ]);
    for (flags, said) in [
        (
            &["--near-threshold", "0.5"][..],
            "so --near-threshold has no effect",
        ),
        (&["--prefer", "longest"], "so --prefer has no effect"),
        (
            &["--prefer", "first", "--near-threshold", "0.9"],
            "so --near-threshold and --prefer have no effect",
        ),
    ] {
        let o = deboil(&[&["dedup", "decide", &sigs, "-o", &dec][..], flags].concat());
        assert_eq!(o.status.code(), Some(2), "{flags:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("{sigs}:1: signed with --no-near, {said}")),
            "{flags:?}: {err}"
        );
        assert!(!std::path::Path::new(&dec).exists(), "{flags:?}");
    }
    // without them, or on signatures with near ones, the same flags are taken
    deboil_ok(&["dedup", "decide", &sigs, "-o", &dec]);
    let near = dir.join("near.jsonl").display().to_string();
    deboil_ok(&["dedup", "sigs", "seeds", "--no-config", "-o", &near]);
    deboil_ok(&[
        "dedup",
        "decide",
        &near,
        "--near-threshold",
        "0.5",
        "-o",
        &dec,
    ]);
}

#[test]
fn command_line_select_overrides_the_config_ignore() {
    let dir = tmpdir("config-precedence");
    let toml = dir.join("deboil.toml");
    std::fs::write(&toml, "ignore = [\"R014\"]\n").unwrap();
    let toml_s = toml.to_str().unwrap();
    let input = "fixtures/rule-r014/input.txt";
    let r014 = |args: &[&str], name: &str| {
        let r = report_of(args, name);
        r["totals"]["rules"]["R014"]["removals"]
            .as_u64()
            .unwrap_or(0)
    };
    assert!(r014(&["clean", input, "--no-config"], "prec-0") > 0);
    assert_eq!(r014(&["clean", input, "--config", toml_s], "prec-1"), 0);
    // an explicit --select wins over the config's ignore for the rules it names...
    assert!(
        r014(
            &["clean", input, "--config", toml_s, "--select", "R014"],
            "prec-2"
        ) > 0
    );
    assert!(
        r014(
            &["clean", input, "--config", toml_s, "--select", "chrome"],
            "prec-3"
        ) > 0
    );
    // ...and --ignore on the command line still wins over both
    let args = [
        "clean", input, "--config", toml_s, "--select", "R014", "--ignore", "R014",
    ];
    assert_eq!(r014(&args, "prec-4"), 0);

    // an unknown code in the config names the file
    std::fs::write(&toml, "select = [\"R999\"]\n").unwrap();
    let o = deboil(&["clean", input, "--config", toml_s, "-q"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(toml_s) && err.contains("R999"), "{err}");
    // an unknown code on the command line does not blame the file
    std::fs::write(&toml, "ignore = [\"R014\"]\n").unwrap();
    let o = deboil(&["clean", input, "--config", toml_s, "--select", "R998", "-q"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("R998") && !err.contains(toml_s), "{err}");
}

/// `--select`/`--ignore` take codes in any case (as `explain` does), spaces around the commas,
/// and reject an empty value (which used to run every rule) as a usage error naming the flag.
#[test]
fn select_and_ignore_ignore_case_trim_spaces_and_reject_empty_values() {
    let input = "seeds/000_1129f5ca16d4c8c9.txt";
    let listing = |sel: &[&str]| {
        let mut a = vec!["clean", input, "--dry-run", "-q", "--no-config"];
        a.extend(sel);
        let o = deboil(&a);
        assert!(
            o.status.success(),
            "{sel:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        stdout(&o)
    };
    let r001 = listing(&["--select", "R001"]);
    assert!(r001.contains(": R001 repeated-adjacent-line ["), "{r001}");
    assert!(!r001.contains(": R003 "), "{r001}");
    assert_eq!(listing(&["--select", "r001"]), r001);
    assert_eq!(listing(&["--select", "Repeated-Adjacent-Line"]), r001);
    let both = listing(&["--select", "R001,R003"]);
    assert!(
        both.contains(": R001 ") && both.contains(": R003 "),
        "{both}"
    );
    assert_eq!(listing(&["--select", "R001, R003"]), both);
    assert_eq!(listing(&["--select", " r001 ,r003 "]), both);
    assert_eq!(
        listing(&["--select", "R001,R003", "--ignore", "r003"]),
        r001
    );
    for (flag, value) in [
        ("--select", ""),
        ("--select", "R001,"),
        ("--ignore", " "),
        ("--ignore", "R001,,R003"),
    ] {
        let o = deboil(&["clean", input, "--no-config", "-q", flag, value]);
        assert_eq!(o.status.code(), Some(2), "{flag} {value:?}");
        assert!(o.stdout.is_empty(), "{flag} {value:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("{flag}: empty rule code")),
            "{flag} {value:?}: {err}"
        );
    }
    let o = deboil(&["clean", input, "--no-config", "-q", "--select", "r999"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown rule code or name: r999"), "{err}");
}

/// Config files and pattern lists a new user gets wrong: a missing or directory `--config`, an
/// empty literal or a regex matching every line, a pattern name used twice; and a
/// `--boilerplate-min-docs` below 2. Each is one line on stderr and exit 2, nothing cleaned.
#[test]
fn bad_config_files_patterns_and_min_docs_are_clear_errors() {
    let dir = tmpdir("bad-config");
    let input = "fixtures/rule-r014/input.txt";
    let run = |args: &[&str]| {
        let o = deboil(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(!err.contains("os error"), "{args:?}: {err}");
        err
    };
    let nope = dir.join("nope.toml");
    let nope_s = nope.to_str().unwrap();
    let err = run(&["clean", input, "--config", nope_s, "-q"]);
    assert!(
        err.contains(&format!("--config {nope_s}: no such file")),
        "{err}"
    );
    let dir_s = dir.to_str().unwrap();
    let err = run(&["clean", input, "--config", dir_s, "-q"]);
    assert!(
        err.contains(&format!("--config {dir_s}: is a directory")),
        "{err}"
    );

    let toml = dir.join("e.toml");
    let toml_s = toml.to_str().unwrap();
    for pat in [
        "literal = \"\"",
        "regex = \".*\"",
        "regex = \"^\"\nscope = \"to-end\"",
    ] {
        std::fs::write(&toml, format!("[[pattern]]\nname = \"x\"\n{pat}\n")).unwrap();
        let err = run(&["clean", input, "--config", toml_s, "-q"]);
        assert!(
            err.contains(toml_s) && err.contains("pattern x") && err.contains("every line"),
            "{pat}: {err}"
        );
    }
    std::fs::write(
        &toml,
        "[[pattern]]\nname = \"x\"\nliteral = \"a\"\n[[pattern]]\nname = \"x\"\nliteral = \"b\"\n",
    )
    .unwrap();
    let err = run(&["clean", input, "--config", toml_s, "-q"]);
    assert!(
        err.contains(toml_s) && err.contains("\"x\" is used twice"),
        "{err}"
    );

    for n in ["0", "1"] {
        let err = run(&[
            "clean",
            input,
            "--no-config",
            "-q",
            "--boilerplate-min-docs",
            n,
        ]);
        assert!(
            err.contains("--boilerplate-min-docs must be at least 2"),
            "{err}"
        );
    }
    let o = deboil(&[
        "clean",
        input,
        "--no-config",
        "-q",
        "--boilerplate-min-docs",
        "2",
    ]);
    assert!(o.status.success());
}

#[test]
fn the_summary_names_the_configuration_file_a_run_used() {
    let d = tmpdir("config-named");
    std::fs::write(
        d.join("deboil.toml"),
        "ignore = [\"R003\"]\n[[pattern]]\nname = \"x\"\nliteral = \"Buy the print edition\"\n",
    )
    .unwrap();
    std::fs::write(
        d.join("a.txt"),
        "Title\n\nA body line that is long enough to stay.\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["clean", "a.txt"];
        args.extend_from_slice(extra);
        let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
            .args(&args)
            .current_dir(&*d)
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let err = run(&[]);
    assert!(
        err.contains("  config: deboil.toml (1 pattern, 0 selected, 1 ignored)"),
        "{err}"
    );
    assert!(!run(&["--no-config"]).contains("config:"));
}

#[test]
fn missing_input_is_an_error_naming_the_path() {
    let o = deboil(&["clean", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/file.txt"));
}

/// An input that is a symlink to itself exists as a link but names no file: `clean` and a
/// `check` case say it is a symlink loop, not that the path does not exist (trial22 repro-07 d).
#[cfg(unix)]
#[test]
fn a_symlink_loop_is_named_as_one_not_as_a_missing_path() {
    let dir = tmpdir("self-link");
    let link = dir.join("loop.txt");
    std::os::unix::fs::symlink("loop.txt", &link).unwrap();
    let o = deboil(&["clean", link.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "input path is a symlink loop (the link leads back to itself): {}",
            link.display()
        )),
        "{err}"
    );
    assert!(!err.contains("does not exist"), "{err}");
    // a check case whose input is such a link is the case's error (exit 2), named the same way
    let case = dir.join("fx").join("news");
    std::fs::create_dir_all(&case).unwrap();
    std::os::unix::fs::symlink("input.txt", case.join("input.txt")).unwrap();
    let o = deboil(&["check", dir.join("fx").to_str().unwrap(), "-q"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        format!(
            "ERROR   news: input path is a symlink loop (the link leads back to itself): {}\n\
             1 case, 1 failed: news (error)\n",
            case.join("input.txt").display()
        )
    );
}

#[test]
fn stdin_given_twice_is_a_usage_error() {
    for cmd in [&["clean", "-q"][..], &["dups"]] {
        let o = deboil_stdin(&[cmd, &["-", "seeds", "-"]].concat(), b"Some text.\n");
        assert_eq!(o.status.code(), Some(2), "{cmd:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("stdin (`-`) is given more than once"),
            "{cmd:?}: {err}"
        );
        assert!(o.stdout.is_empty(), "{cmd:?}");
    }
    // once is fine
    let o = deboil_stdin(&["clean", "-", "-q"], b"Some text.\n");
    assert_eq!(o.status.code(), Some(0));
}

/// Empty stdin is named as stdin, not as an empty file.
#[test]
fn empty_stdin_says_stdin() {
    for (args, input, said) in [
        (&["clean", "-"][..], &b""[..], "-: nothing came on stdin"),
        (&["clean", "-"], b" \n\n", "-: stdin held only whitespace"),
        (
            &["clean", "--input-format", "jsonl", "-"],
            b"\n",
            "-: no records: stdin was empty or held only blank lines",
        ),
    ] {
        let o = deboil_stdin(args, input);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(said), "{args:?}: {err}");
        assert!(!err.contains("file"), "{args:?}: {err}");
    }
}

#[test]
fn stdin_and_text_dir_output() {
    let o = deboil_stdin(
        &["clean", "-q"],
        b"Some Headline\n\nA body line that stays.\nA body line that stays.\n",
    );
    assert!(o.status.success());
    assert_eq!(stdout(&o), "Some Headline\n\nA body line that stays.\n");

    let dir = tmpdir("out");
    let o = deboil(&["clean", "seeds", "-o", dir.to_str().unwrap(), "-q"]);
    assert!(o.status.success());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // split dumps get numbered parts; no temporary files are left behind, only the manifest
    assert!(names.iter().any(|n| n.ends_with(".1.txt")), "{names:?}");
    names.retain(|n| n != ".deboil-manifest");
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".txt") && !n.starts_with('.')),
        "{names:?}"
    );
}

/// A rerun into the same `-o DIR` removes the files the previous run wrote and this one did not
/// (a document gone from the input), and never a file deboil did not write.
#[test]
fn rerun_into_the_same_dir_removes_stale_outputs_only() {
    let dir = tmpdir("rerun");
    let (input, out) = (dir.join("in"), dir.join("out"));
    std::fs::create_dir_all(&input).unwrap();
    std::fs::create_dir_all(out.join("sub")).unwrap();
    let body = "A body line that stays in the output of this small document.";
    for name in ["a.txt", "b.txt", "sub/c.txt"] {
        let p = input.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, format!("Title {name}\n\n{body} ({name})\n")).unwrap();
    }
    // the user's own files in the output folder
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    std::fs::write(out.join("sub/keep.txt"), "mine too").unwrap();
    let run = || {
        let o = deboil(&[
            "clean",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let listing = || {
        let mut v = Vec::new();
        let mut stack = vec![out.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    v.push(p.strip_prefix(&out).unwrap().display().to_string());
                }
            }
        }
        v.sort();
        v
    };
    // what the folder holds once a.txt is the only input left: its output, the manifest and
    // the user's files, untouched
    let settled = || {
        assert_eq!(
            listing(),
            [".deboil-manifest", "a.txt", "notes.txt", "sub/keep.txt"]
        );
        assert_eq!(
            std::fs::read_to_string(out.join("notes.txt")).unwrap(),
            "mine"
        );
    };
    run();
    let all = [
        ".deboil-manifest",
        "a.txt",
        "b.txt",
        "notes.txt",
        "sub/c.txt",
        "sub/keep.txt",
    ];
    assert_eq!(listing(), all);
    // b.txt and sub/c.txt leave the input: their outputs go, the user's files stay
    std::fs::remove_file(input.join("b.txt")).unwrap();
    std::fs::remove_file(input.join("sub/c.txt")).unwrap();
    run();
    settled();
    let manifest = std::fs::read_to_string(out.join(".deboil-manifest")).unwrap();
    let listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(listed, ["\"a.txt\""]);
    // cleaning the output folder again does not read the manifest or warn about it
    let o = deboil(&["clean", out.to_str().unwrap(), "--no-config"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains(".deboil-manifest"), "{err}");
    // a run interrupted after writing b.txt (input since removed) left it in its journal only:
    // the next run removes it too, and leaves a manifest and no journal
    std::fs::write(out.join("b.txt"), "written by an interrupted run").unwrap();
    std::fs::write(
        out.join(".deboil-manifest.partial"),
        "\"a.txt\"\n\"b.txt\"\n",
    )
    .unwrap();
    run();
    settled();
    // a file of the user's where a document's file would go is not overwritten: the run stops
    // (exit 2) naming it, and the next run, with the name free again, removes nothing of theirs
    std::fs::write(input.join("notes.txt"), format!("Notes\n\n{body}\n")).unwrap();
    let o = deboil(&[
        "clean",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("notes.txt is already there, and no earlier deboil run"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
    std::fs::remove_file(input.join("notes.txt")).unwrap();
    run();
    settled();
}

/// Signature and decision files written compressed are read back by the next step.
#[test]
fn compressed_signatures_and_decisions_are_read_back() {
    let dir = tmpdir("compressed-steps");
    let seeds = root().join("seeds");
    let s = seeds.to_str().unwrap();
    let (sigs, dec) = (dir.join("s.jsonl.zst"), dir.join("d.jsonl.gz"));
    for args in [
        vec![
            "dedup",
            "sigs",
            s,
            "-o",
            sigs.to_str().unwrap(),
            "--no-config",
        ],
        vec![
            "dedup",
            "decide",
            sigs.to_str().unwrap(),
            "-o",
            dec.to_str().unwrap(),
        ],
    ] {
        let o = deboil(&args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert_eq!(
        &std::fs::read(&sigs).unwrap()[..4],
        &[0x28, 0xb5, 0x2f, 0xfd]
    );
    let applied = deboil(&[
        "dedup",
        "apply",
        s,
        "--decisions",
        dec.to_str().unwrap(),
        "-q",
        "--no-config",
    ]);
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    let clean = deboil(&["clean", s, "-q", "--no-config"]);
    assert_eq!(applied.stdout, clean.stdout);
}

/// `apply --dedup` takes the scope `decide` had: a record repeated whole is dropped (D004)
/// only in corpus scope, as `clean` does.
#[test]
fn dedup_apply_takes_the_scope_decide_had() {
    let dir = tmpdir("apply-scope");
    let rec = "{\"id\":\"a\",\"text\":\"Title one\\n\\nThe first paragraph of a record that is repeated whole later on.\"}\n";
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    std::fs::write(&a, rec).unwrap();
    std::fs::write(&b, rec.replace("\"a\"", "\"b\"")).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let (sigs, dec) = (dir.join("s.jsonl"), dir.join("d.jsonl"));
    let (sigs, dec) = (sigs.to_str().unwrap(), dec.to_str().unwrap());
    for scope in ["none", "doc", "corpus"] {
        let run = |args: &[&str]| {
            let o = deboil(args);
            assert!(
                o.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            o.stdout
        };
        run(&[
            "dedup",
            "sigs",
            a,
            b,
            "--dedup",
            scope,
            "-o",
            sigs,
            "--no-config",
        ]);
        run(&["dedup", "decide", sigs, "--dedup", scope, "-o", dec]);
        let applied = run(&[
            "dedup",
            "apply",
            a,
            b,
            "--decisions",
            dec,
            "--dedup",
            scope,
            "--format",
            "jsonl",
            "-q",
            "--no-config",
        ]);
        let clean = run(&[
            "clean",
            a,
            b,
            "--dedup",
            scope,
            "--format",
            "jsonl",
            "-q",
            "--no-config",
        ]);
        assert_eq!(applied, clean, "{scope}");
        let records = String::from_utf8_lossy(&clean).lines().count();
        assert_eq!(records, if scope == "corpus" { 1 } else { 2 }, "{scope}");
    }
}

/// Writing into an input directory, a run leaves out the folders earlier runs wrote there too
/// (with a warning); writing elsewhere, or naming such a folder, reads it.
#[test]
fn earlier_output_folders_inside_the_input_are_not_read_again() {
    let dir = tmpdir("earlier-out");
    let nest = dir.join("nest");
    std::fs::create_dir_all(nest.join("sub")).unwrap();
    let body = "A body line that stays in the output of this small document.";
    for name in ["a.txt", "sub/b.txt"] {
        std::fs::write(
            nest.join(name),
            format!("Title {name}\n\n{body} ({name})\n"),
        )
        .unwrap();
    }
    let run = |args: &[&str]| {
        let o = deboil(args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    let n = nest.to_str().unwrap();
    let (c1, c2) = (nest.join("clean"), nest.join("clean2"));
    run(&["clean", n, "-o", c1.to_str().unwrap()]);
    let err = run(&["clean", n, "-o", c2.to_str().unwrap()]);
    assert!(
        err.contains("clean: not read: a folder an earlier `deboil clean -o` run wrote"),
        "{err}"
    );
    assert!(err.contains("2 documents in from 2 inputs"), "{err}");
    // an input folder with no manifest in it is no earlier output: refused as `-o`, and its
    // files are kept
    let sub = nest.join("sub");
    let o = deboil(&["clean", n, "-o", sub.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("holds input files (") && err.contains("and no .deboil-manifest"),
        "{err}"
    );
    assert!(sub.join("b.txt").is_file());
    // elsewhere: the earlier outputs are inputs like any file
    let away = dir.join("away");
    let err = run(&["clean", n, "-o", away.to_str().unwrap(), "--dedup", "doc"]);
    assert!(err.contains("6 documents in from 6 inputs"), "{err}");
}

/// A file named twice (or named and inside a named directory) is read once, with a
/// `named-twice` warning, by `clean` and by `dedup sigs`/`apply` alike, so apply still gives
/// clean's output; `decide` refuses a signature file given twice.
#[test]
fn a_file_named_twice_is_read_once() {
    let dir = tmpdir("named-twice");
    let a = dir.join("a.jsonl");
    std::fs::write(
        &a,
        "{\"id\":\"a\",\"text\":\"Title one\\n\\nThe first paragraph of a record named twice.\"}\n",
    )
    .unwrap();
    let (a, d) = (a.to_str().unwrap(), dir.to_str().unwrap());
    let (sigs, dec) = (dir.join("s.sig"), dir.join("d.dec"));
    let (sigs, dec) = (sigs.to_str().unwrap(), dec.to_str().unwrap());
    let run = |args: &[&str]| {
        let o = deboil(args);
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(o.status.success(), "{args:?}: {err}");
        (o.stdout, err)
    };
    let (clean, err) = run(&["clean", a, d, "--format", "jsonl", "--no-config"]);
    assert!(
        err.contains("a.jsonl: not read again: the same file as ")
            && err.contains("1 document in from 1 input"),
        "{err}"
    );
    run(&["dedup", "sigs", a, a, "-o", sigs, "--no-config"]);
    run(&["dedup", "decide", sigs, "-o", dec]);
    let (applied, _) = run(&[
        "dedup",
        "apply",
        a,
        a,
        "--decisions",
        dec,
        "--format",
        "jsonl",
        "-q",
        "--no-config",
    ]);
    assert_eq!(applied, clean);
    let twice = deboil(&["dedup", "decide", sigs, sigs, "-o", dec]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("the same signature file as"));
}

/// A JSONL output or a report written inside an input directory is left out of the next
/// run's walk (warning `own-output`), so the same command runs again and gives the same output.
#[test]
fn own_output_files_inside_the_input_are_not_read_again() {
    let dir = tmpdir("own-out");
    let nest = dir.join("nest");
    std::fs::create_dir_all(&nest).unwrap();
    let body = "A body line that stays in the output of this small document.";
    std::fs::write(nest.join("a.txt"), format!("Title\n\n{body}\n")).unwrap();
    let (out, rep) = (nest.join("all.jsonl"), nest.join("report.json"));
    let args = [
        "clean",
        nest.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        out.to_str().unwrap(),
        "--report",
        rep.to_str().unwrap(),
    ];
    let first = deboil(&args);
    assert!(first.status.success());
    let written = std::fs::read(&out).unwrap();
    let again = deboil(&args);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{err}");
    for (name, flag) in [("all.jsonl", "-o"), ("report.json", "--report")] {
        assert!(
            err.contains(&format!(
                "{name}: not read: this run writes its {flag} file here"
            )),
            "{err}"
        );
    }
    assert!(err.contains("1 document in from 1 input"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), written);
    // an input of the walk that is no earlier output is refused as a target, and kept
    let input = nest.join("b.jsonl");
    let record = "{\"id\":\"b\",\"text\":\"A record that must not be overwritten.\"}\n";
    std::fs::write(&input, record).unwrap();
    let other = nest.join("other.jsonl");
    for (flag, target, said) in [
        ("-o", &input, "holds no earlier deboil output"),
        ("--report", &input, "holds no earlier deboil report"),
        // a report over an earlier JSONL output is no report either
        ("--report", &out, "holds no earlier deboil report"),
    ] {
        let mut a = vec!["clean", nest.to_str().unwrap(), "--format", "jsonl"];
        if flag == "--report" {
            a.extend(["-o", other.to_str().unwrap()]);
        }
        a.extend([flag, target.to_str().unwrap()]);
        let o = deboil(&a);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{a:?}: {err}");
        assert!(err.contains(said), "{a:?}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&input).unwrap(), record);
    assert_eq!(std::fs::read(&out).unwrap(), written);
    assert!(!other.exists());
    // an earlier output with a record of input appended to it is an input too
    let mixed = [written.clone(), record.as_bytes().to_vec()].concat();
    std::fs::write(&out, &mixed).unwrap();
    std::fs::remove_file(&input).unwrap();
    let o = deboil(&args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("holds no earlier deboil output"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), mixed);
}

/// An input that fails this time keeps its earlier files in `-o DIR`, and only its own: an input
/// whose stem starts like its stem (`crawl.retry.jsonl` beside `crawl.jsonl`) keeps its names
/// and is written over in place (before: its files were kept for the failed input and its
/// documents written again as `~2` copies beside them, exit 0).
#[test]
fn a_failed_input_keeps_only_its_own_earlier_files() {
    let dir = tmpdir("failed-keeps-own");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let record = |id: &str| {
        format!("{{\"id\":\"{id}\",\"text\":\"Title {id}\\n\\nA body line of the document {id} that stays in the output.\"}}\n")
    };
    std::fs::write(input.join("crawl.jsonl"), record("a") + &record("b")).unwrap();
    std::fs::write(input.join("crawl.retry.jsonl"), record("c") + &record("d")).unwrap();
    let out = dir.join("out");
    let args = [
        "clean",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
        "--no-config",
    ];
    deboil_ok(&args);
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        names
    };
    let first = listing();
    assert_eq!(
        first,
        [
            "crawl.1.txt",
            "crawl.2.txt",
            "crawl.retry.1.txt",
            "crawl.retry.2.txt"
        ]
    );
    std::fs::write(input.join("crawl.jsonl"), record("a") + "{\"id\": broken\n").unwrap();
    let o = deboil(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(listing(), first);
}

/// Two runs into one `-o DIR` at once: the second is refused while the first holds the
/// directory's lock (here the test holds it), instead of removing the first run's fresh files
/// as stale. The temporary files a killed run left (its process ended) are removed by the next
/// run, under the directory and beside a JSONL target, and a live process's are left.
#[test]
fn one_run_at_a_time_per_output_dir_and_killed_runs_temps_are_removed() {
    let dir = tmpdir("dir-lock");
    let out = dir.join("out");
    std::fs::create_dir_all(out.join("sub")).unwrap();
    let seed = root().join("seeds");
    let args = [
        "clean",
        seed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
        "--no-config",
    ];
    let held = std::fs::File::open(&out).unwrap();
    held.try_lock().unwrap();
    let o = deboil(&args);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("another deboil run is writing into this directory"),
        "{err}"
    );
    assert!(!out.join(".deboil-manifest").exists());
    drop(held);

    // past the largest process id Linux gives, so surely ended
    let ended = 4_194_305;
    let dead = [
        out.join(format!(".a.txt.deboil-{ended}.tmp")),
        out.join(format!("sub/.b.txt.deboil-{ended}.tmp")),
        dir.join(format!(".o.jsonl.deboil-{ended}.tmp")),
    ];
    let live = dir.join(format!(".o.jsonl.deboil-{}.tmp", std::process::id()));
    for p in dead.iter().chain([&live]) {
        std::fs::write(p, "half").unwrap();
    }
    deboil_ok(&args);
    let jsonl = dir.join("o.jsonl");
    deboil_ok(&[
        "clean",
        seed.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        jsonl.to_str().unwrap(),
        "-q",
        "--no-config",
    ]);
    if std::path::Path::new("/proc/self").exists() {
        for p in &dead {
            assert!(!p.exists(), "{} left", p.display());
        }
    }
    assert!(live.exists());
    assert!(out.join(".deboil-manifest").exists() && jsonl.exists());
}

/// Dedup compares lines as the rules leave them: a paragraph beside a navigation cell that
/// R024 cuts is an exact repeat (D001, similarity 1, no diff) of the same paragraph elsewhere,
/// whichever copy carries the cell; before, the first case wrote the paragraph twice and the
/// second called it a near repeat with a diff naming the cut words. When the later copy carries
/// the cell, the report keeps R024's cut and D001 takes the rest of the line.
#[test]
fn dedup_compares_what_the_rules_leave() {
    let para =
        "The harbour authority confirmed on Thursday that the old ferry terminal will close \
                for repairs, and traders said the closure would hurt their business.";
    let cell = "Sport and Weather and Local Events Listings Today";
    let page = |title: &str, first: &str, line: &str| {
        format!(
            "{title}\n\n{first}\n\n{line}\n\nA closing line that is unique to the {title} page.\n"
        )
    };
    for cell_on_first in [true, false] {
        let dir = tmpdir(&format!("dedup-after-cuts-{cell_on_first}"));
        let with_cell = format!("{cell}\t{para}");
        let (a, b) = if cell_on_first {
            (with_cell.as_str(), para)
        } else {
            (para, with_cell.as_str())
        };
        std::fs::write(
            dir.join("a.txt"),
            page("Ferry", "An opening sentence about the ferry.", a),
        )
        .unwrap();
        std::fs::write(
            dir.join("b.txt"),
            page("Traders", "Another opening, about the town.", b),
        )
        .unwrap();
        let d = dir.display().to_string();
        let out = deboil_ok(&["clean", &d, "-q", "--no-config"]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(text.lines().filter(|l| *l == para).count(), 1, "{text}");
        assert!(!text.contains(cell), "{text}");
        let r = report_of(
            &["clean", &d, "--no-config"],
            &format!("dedup-cut-r-{cell_on_first}"),
        );
        assert_accounted(&r);
        let removals: Vec<&serde_json::Value> = r["documents"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["removals"].as_array().unwrap())
            .collect();
        let of = |code: &str| removals.iter().find(|x| x["rule"] == code).copied();
        let cut = of("R024").expect("R024 cuts the cell");
        assert_eq!(cut["text"], cell);
        let dup = of("D001").expect("the repeat is exact");
        assert_eq!(dup["text"], para, "{dup}");
        assert_eq!(dup["kept"]["similarity"], 1.0);
        assert_eq!(dup["kept"]["diff"], "");
        assert!(of("D002").is_none(), "{removals:?}");
    }
}

/// `dedup sigs -o` and `dups -o` inside an input directory: the next run leaves the file out as
/// its own earlier output (warning `own-output`) and writes the same, where before it refused
/// ("is an input of this run") a run that had worked once; a file holding anything else (another
/// command's output, records) is refused as a target and kept.
#[test]
fn sigs_and_dups_outputs_inside_the_input_are_not_read_again() {
    let dir = tmpdir("own-out-steps");
    let nest = dir.join("shard");
    std::fs::create_dir_all(&nest).unwrap();
    let para = "The same paragraph repeats here with enough words in it to count twice.";
    for (name, title) in [("a.txt", "Alpha"), ("b.txt", "Beta")] {
        std::fs::write(nest.join(name), format!("{title}\n\n{para}\n")).unwrap();
    }
    let shard = nest.to_str().unwrap();
    for (command, name) in [
        (&["dedup", "sigs", "--no-config"][..], "sigs.jsonl"),
        (&["dups"], "dups.jsonl"),
    ] {
        let out = nest.join(name);
        let args = [command, &[shard, "-o", out.to_str().unwrap()]].concat();
        deboil_ok(&args);
        let written = std::fs::read(&out).unwrap();
        assert!(!written.is_empty(), "{args:?}");
        let again = deboil(&args);
        let err = String::from_utf8_lossy(&again.stderr);
        assert!(again.status.success(), "{args:?}: {err}");
        assert!(
            err.contains(&format!(
                "{name}: not read: this run writes its -o file here"
            )),
            "{err}"
        );
        assert_eq!(std::fs::read(&out).unwrap(), written, "{args:?}");
    }
    // each command's file is no earlier output of the other, nor is a record
    let record = nest.join("c.jsonl");
    std::fs::write(&record, "{\"id\":\"c\",\"text\":\"A record to keep.\"}\n").unwrap();
    for (command, target, said) in [
        (
            &["dedup", "sigs", "--no-config"][..],
            "dups.jsonl",
            "holds no earlier deboil signatures",
        ),
        (
            &["dups"],
            "sigs.jsonl",
            "holds no earlier deboil duplicate groups",
        ),
        (
            &["dedup", "sigs"],
            "c.jsonl",
            "holds no earlier deboil signatures",
        ),
    ] {
        let out = nest.join(target);
        let before = std::fs::read(&out).unwrap();
        let args = [command, &[shard, "-o", out.to_str().unwrap()]].concat();
        let o = deboil(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(said), "{args:?}: {err}");
        assert_eq!(std::fs::read(&out).unwrap(), before, "{args:?}");
    }
}

/// JSONL output named `.gz`/`.zst` is compressed, and deboil reads it back as the records it
/// wrote; a report named `.gz` is gzip too.
#[test]
fn compressed_output_names_are_written_compressed() {
    let dir = tmpdir("compressed-out");
    let seeds = root().join("seeds");
    let plain = deboil(&["clean", seeds.to_str().unwrap(), "--format", "jsonl", "-q"]);
    assert!(plain.status.success());
    for name in ["out.jsonl.gz", "out.jsonl.zst"] {
        let out = dir.join(name);
        let report = dir.join(format!("{name}.report.json.gz"));
        let o = deboil(&[
            "clean",
            seeds.to_str().unwrap(),
            "--format",
            "jsonl",
            "-q",
            "-o",
            out.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let raw = std::fs::read(&out).unwrap();
        let magic: &[u8] = if name.ends_with(".gz") {
            &[0x1f, 0x8b]
        } else {
            &[0x28, 0xb5, 0x2f, 0xfd]
        };
        assert!(raw.starts_with(magic), "{name}");
        assert_eq!(&std::fs::read(&report).unwrap()[..2], &[0x1f, 0x8b]);
        let unpacked = if name.ends_with(".gz") {
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&raw[..]), &mut v)
                .unwrap();
            v
        } else {
            zstd::decode_all(&raw[..]).unwrap()
        };
        assert_eq!(unpacked, plain.stdout, "{name}");
        // and deboil reads its own output back: one document per record
        let back = deboil(&["clean", out.to_str().unwrap(), "--format", "jsonl", "-q"]);
        assert!(
            back.status.success(),
            "{}",
            String::from_utf8_lossy(&back.stderr)
        );
        assert_eq!(
            stdout(&back).lines().count(),
            stdout(&plain).lines().count()
        );
    }
}

#[test]
fn text_dir_output_names_never_collide_and_do_not_depend_on_threads() {
    let dir = tmpdir("collide");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    // a dump that splits into two articles, and a one-record JSONL file with the same stem
    std::fs::copy(
        root().join("seeds/000_1129f5ca16d4c8c9.txt"),
        input.join("same.txt"),
    )
    .unwrap();
    std::fs::write(
        input.join("same.jsonl"),
        "{\"text\":\"The JSONL Record\\n\\nA body line from the JSONL record.\"}\n",
    )
    .unwrap();
    let mut seen = Vec::new();
    for threads in ["1", "2"] {
        let out = dir.join(format!("out-{threads}"));
        let o = deboil(&[
            "clean",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--threads",
            threads,
            "-q",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let mut files: Vec<(String, String)> = std::fs::read_dir(&out)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name() != ".deboil-manifest")
            .map(|e| {
                let p = e.unwrap().path();
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        files.sort();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["same.jsonl.1.txt", "same.txt.0.txt", "same.txt.1.txt"],
            "threads {threads}"
        );
        assert!(files[0].1.contains("A body line from the JSONL record."));
        assert!(!files[1].1.contains("JSONL") && !files[2].1.contains("JSONL"));
        seen.push(files);
    }
    assert_eq!(seen[0], seen[1]);
}

#[test]
fn input_formats_by_case_insensitive_name_magic_bytes_sniffing_or_flag() {
    use std::io::Write;
    let jsonl =
        "{\"id\":\"r1\",\"text\":\"A Title Line\\n\\nThe body text of the record is here.\"}\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(jsonl.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let braced = "{Breaking} The Title\n\nA body line that stays in the output.\n";
    // stdin, read in one pass and spooled for two
    for extra in [&["--no-boilerplate"][..], &[]] {
        let args: Vec<&str> = ["clean", "--format", "jsonl", "-q"]
            .iter()
            .chain(extra)
            .copied()
            .collect();
        let o = deboil_stdin(&args, &gz);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert_eq!(
            (v["id"].as_str(), v["text"].as_str()),
            (Some("r1"), Some("The body text of the record is here."))
        );
        let o = deboil_stdin(&args, braced.as_bytes());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            stdout(&o).contains("A body line that stays in the output."),
            "{}",
            stdout(&o)
        );
    }

    let dir = tmpdir("formats");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("a.ndjson"), jsonl.replace("r1", "a")).unwrap();
    // (a different body: a copy of a record would go whole, D004)
    let b = jsonl
        .replace("r1", "b")
        .replace("body text", "other body text");
    std::fs::write(input.join("sub/b.JSONL"), b).unwrap();
    std::fs::write(input.join("c"), &gz).unwrap();
    std::fs::write(input.join("notes.md"), "not an input").unwrap();
    // named explicitly, a file without an extension is sniffed (and gunzipped by its magic)
    let o = deboil(&[
        "clean",
        input.join("c").to_str().unwrap(),
        "--format",
        "jsonl",
        "-q",
    ]);
    assert!(stdout(&o).contains("\"id\":\"r1\""), "{}", stdout(&o));
    // walking, input names are matched ignoring case; other files are reported, not read
    let rep = dir.join("r.json");
    let o = deboil(&[
        "clean",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "--report",
        rep.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a\"", "\"b\""]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("notes.md: not read") && err.contains("warning: unknown-extension: 2"),
        "{err}"
    );
    assert!(err.contains("from 2 inputs"), "{err}");
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&rep).unwrap()).unwrap();
    assert_eq!(r["totals"]["warnings"]["unknown-extension"], 2);
    assert_eq!(r["totals"]["inputs"], 2);

    // --input-format forces the reading, in every command that reads inputs
    let f = dir.join("records.txt");
    std::fs::write(&f, jsonl).unwrap();
    let f = f.to_str().unwrap();
    let o = deboil(&[
        "clean",
        f,
        "--input-format",
        "jsonl",
        "--format",
        "jsonl",
        "-q",
    ]);
    assert!(stdout(&o).contains("\"id\":\"r1\""), "{}", stdout(&o));
    let o = deboil(&[
        "clean",
        input.join("a.ndjson").to_str().unwrap(),
        "--input-format",
        "text",
        "-q",
    ]);
    assert!(stdout(&o).contains("{\"id\":\"a\""), "{}", stdout(&o));
    let (sigs, dec) = (dir.join("records.sigs"), dir.join("records.dec"));
    let (sigs, dec) = (sigs.to_str().unwrap(), dec.to_str().unwrap());
    for cmd in [
        &["dups"][..],
        &["dedup", "sigs", "-o", sigs],
        &["dedup", "decide", sigs, "-o", dec],
        &["dedup", "apply", "--decisions", dec, "-q"],
    ] {
        let mut args = cmd.to_vec();
        if cmd.get(1) != Some(&"decide") {
            args.extend([f, "--input-format", "jsonl"]);
        }
        let o = deboil(&args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn dry_run_and_diff_write_nothing_but_listings() {
    let o = deboil(&["clean", "seeds", "--dry-run", "-q"]);
    assert!(o.status.success());
    let s = stdout(&o);
    assert!(
        s.contains(": R001 repeated-adjacent-line [repeats line "),
        "{s}"
    );
    let o = deboil(&["clean", "seeds", "--diff", "-q"]);
    let s = stdout(&o);
    assert!(
        s.contains("(input)") && s.contains("(clean)") && s.contains("\n-"),
        "{s}"
    );
    let o = deboil(&["clean", "seeds", "--fail-on-removal", "-q", "--dry-run"]);
    assert_eq!(o.status.code(), Some(1));
    // even under -q, one line says why the exit code is 1
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("deboil: --fail-on-removal: "), "{err}");
    assert!(err.contains(" removals (R001, "), "{err}");
}

/// `--diff` counts the input side's lines as the report and `--dry-run` do: in a dump split
/// into articles, every line `--dry-run` lists as removed lies in a hunk of its file's diff.
#[test]
fn diff_hunks_count_the_input_lines_of_split_articles() {
    let lines_of = |args: &[&str]| stdout(&deboil(args));
    let dry = lines_of(&["clean", "seeds", "--dry-run", "-q", "--no-config"]);
    let diff = lines_of(&["clean", "seeds", "--diff", "-q", "--no-config"]);
    // hunks' input ranges per file: `--- seeds/x.txt#1 (input)` then `@@ -22,12 +1,5 @@`
    let mut hunks: Vec<(String, usize, usize)> = Vec::new();
    let mut file = String::new();
    for l in diff.lines() {
        if let Some(h) = l.strip_prefix("--- ") {
            file = h.split(['#', ' ']).next().unwrap().to_string();
        } else if let Some(h) = l.strip_prefix("@@ -") {
            let range = h.split(' ').next().unwrap();
            let (start, len) = range.split_once(',').unwrap_or((range, "1"));
            let (start, len): (usize, usize) = (start.parse().unwrap(), len.parse().unwrap());
            hunks.push((file.clone(), start, start + len));
        }
    }
    assert!(hunks.iter().any(|h| h.1 > 20), "{hunks:?}");
    let mut checked = 0;
    for l in dry.lines() {
        let mut parts = l.splitn(3, ':');
        let (f, n) = (parts.next().unwrap(), parts.next().unwrap());
        let n: usize = n.parse().unwrap();
        assert!(
            hunks
                .iter()
                .any(|(g, a, z)| g == f && (*a..*z).contains(&n)),
            "{f}:{n} lies in no hunk: {hunks:?}"
        );
        checked += 1;
    }
    assert!(checked > 10);
}

/// `--diff` shows exactly the removed lines as `-` (trial22 repro-05): a kept line is never
/// `-` then `+` again (the blank line added after a title used to pull the diff out of line),
/// the `-` lines are the lines the report's removals name, at the line numbers it gives (R001
/// removes the second copy, line 4, in the diff too), and each hunk's input side is the
/// input's own lines at the numbers its header gives.
#[test]
fn diff_hunks_show_exactly_the_removed_lines() {
    let dir = tmpdir("diff-exact");
    std::fs::write(
        dir.join("rain.txt"),
        "Rain Expected\nHeavy rain is expected across the region this weekend, forecasters said \
         on Thursday evening.\n\nFollow us on Twitter\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("harbour.txt"),
        "Harbour Reopens After Storm\nTT\nWorkers clear debris from the quay on Monday.\n\
         Workers clear debris from the quay on Monday.\n\nThe harbour reopened on Tuesday \
         after three days of closure, the port authority said in a statement.\n\nRelated \
         Articles\nStorm hits coast\nFerries cancelled\n",
    )
    .unwrap();
    let d = dir.to_str().unwrap();
    for (inputs, name) in [
        (vec![d], "diff-exact-tmp"),
        (vec!["seeds"], "diff-exact-seeds"),
    ] {
        let mut args = vec!["clean", "--no-config", "--diff"];
        args.extend(&inputs);
        let report = report_of(&args, name);
        let diff = stdout(&deboil_ok(&[&args[..], &["-q"]].concat()));
        // the report's removed lines, by file: every non-blank line of each removal's range
        let mut removed = std::collections::BTreeSet::new();
        let mut dumps = std::collections::BTreeMap::new();
        for doc in report["documents"].as_array().unwrap() {
            let source = doc["source"].as_str().unwrap().to_string();
            let text = std::fs::read_to_string(root().join(&source)).unwrap();
            let lines: Vec<String> = text.lines().map(str::to_string).collect();
            for r in doc["removals"].as_array().unwrap() {
                let (a, z) = (
                    r["lines"][0].as_u64().unwrap(),
                    r["lines"][1].as_u64().unwrap(),
                );
                for n in a..=z {
                    if !lines[n as usize - 1].trim().is_empty() {
                        removed.insert((source.clone(), n));
                    }
                }
            }
            dumps.insert(source, lines);
        }
        let mut minus = std::collections::BTreeSet::new();
        let (mut file, mut at) = (String::new(), 0);
        let mut run: Vec<(char, String)> = Vec::new();
        let check_run = |run: &mut Vec<(char, String)>| {
            for (_, t) in run.iter().filter(|(c, _)| *c == '-') {
                assert!(
                    !run.iter()
                        .any(|(c, u)| *c == '+' && u == t && !t.is_empty()),
                    "a kept line shows as changed: {t}\n{diff}"
                );
            }
            run.clear();
        };
        for l in diff.lines() {
            if let Some(h) = l.strip_prefix("--- ") {
                file = h.split(['#', ' ']).next().unwrap().to_string();
            } else if l.starts_with("+++ ") {
            } else if let Some(h) = l.strip_prefix("@@ -") {
                check_run(&mut run);
                let range = h.split(' ').next().unwrap();
                at = range.split(',').next().unwrap().parse().unwrap();
            } else if let Some(t) = l.strip_prefix('+') {
                run.push(('+', t.to_string()));
            } else {
                let (sign, t) = l.split_at(1);
                // the input as reading normalised it (whitespace runs, trailing spaces)
                let words = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(
                    words(&dumps[&file][at - 1]),
                    words(t),
                    "{file}:{at} in the diff:\n{diff}"
                );
                if sign == "-" {
                    if !t.is_empty() {
                        minus.insert((file.clone(), at as u64));
                    }
                    run.push(('-', t.to_string()));
                } else {
                    check_run(&mut run);
                }
                at += 1;
            }
        }
        check_run(&mut run);
        assert!(!removed.is_empty());
        assert_eq!(minus, removed, "{diff}");
    }
}

/// An article split from record `A` is `A#1`; a record whose own id is `A#1` then shares it,
/// and the run says so (`duplicate-id`), keeping both.
#[test]
fn a_split_articles_id_that_another_record_has_is_a_warning() {
    let dir = tmpdir("split-id-clash");
    let dump = std::fs::read_to_string(
        root().join("seeds").join(
            std::fs::read_dir(root().join("seeds"))
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .min()
                .unwrap(),
        ),
    )
    .unwrap();
    let body = "An unrelated record about the chess olympiad, where the home team came second.";
    let rec = |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string();
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        format!("{}\n{}\n", rec("A", &dump), rec("A#1", body)),
    )
    .unwrap();
    let o = deboil(&["clean", input.to_str().unwrap(), "--format", "jsonl"]);
    assert!(o.status.success());
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(
        ids,
        ["\"A#0\"", "\"A#1\"", "\"A#1\""],
        "the seed splits in two"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("in.jsonl:2: output id \"A#1\" is also an earlier document's"),
        "{err}"
    );
}

/// A JSONL record's `id` in the output: its own id (a number as its JSON text), and for a record
/// without one (no id field, or `null`) `<path>:<line>`, the line counted in the file as read
/// (blank lines included), as the README's "JSONL output" says.
#[test]
fn jsonl_ids_fall_back_to_path_and_line() {
    let dir = tmpdir("id-fallback");
    std::fs::write(
        dir.join("ids.jsonl"),
        "{\"id\":42,\"text\":\"One body paragraph that stays here.\"}\n\n\
         {\"id\":null,\"text\":\"Another body paragraph that stays too.\"}\n\
         {\"text\":\"A third body paragraph that stays too.\"}\n\
         {\"id\":\"own\",\"text\":\"A fourth body paragraph that stays too.\"}\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args([
            "clean",
            "ids.jsonl",
            "--format",
            "jsonl",
            "-q",
            "--no-config",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids, ["42", "ids.jsonl:3", "ids.jsonl:4", "own"]);
}

#[test]
fn outputs_that_would_overwrite_an_input_are_refused_and_inputs_stay() {
    let d = tmpdir("overwrite");
    let dumps = d.join("dumps");
    std::fs::create_dir_all(&dumps).unwrap();
    let dump = dumps.join("a.txt");
    let text = "Title\n\nA body line that stays here.\nLike this one.\nlogo\n";
    std::fs::write(&dump, text).unwrap();
    let jsonl = d.join("in.jsonl");
    std::fs::write(&jsonl, "{\"text\":\"one line\"}\n").unwrap();
    let p = |x: &std::path::Path| x.to_str().unwrap().to_string();
    let (dumps_s, jsonl_s, d_s) = (p(&dumps), p(&jsonl), p(&d));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["clean", &dumps_s, "-o", &dumps_s], "holds the input"),
        (vec!["clean", &dumps_s, "-o", &d_s], "holds the input"),
        (
            vec!["clean", &jsonl_s, "--format", "jsonl", "-o", &jsonl_s],
            "is an input",
        ),
        (vec!["clean", &jsonl_s, "--report", &jsonl_s], "is an input"),
        (
            vec!["dedup", "sigs", &jsonl_s, "-o", &jsonl_s],
            "is an input",
        ),
        // found by the walk, it holds records, no earlier groups
        (
            vec!["dups", &d_s, "-o", &jsonl_s],
            "holds no earlier deboil duplicate groups",
        ),
        (
            vec![
                "dedup",
                "apply",
                &dumps_s,
                "--decisions",
                &jsonl_s,
                "-o",
                &d_s,
            ],
            "holds the input",
        ),
        (
            vec![
                "dedup",
                "apply",
                &dumps_s,
                "--decisions",
                &jsonl_s,
                "--format",
                "jsonl",
                "-o",
                &jsonl_s,
            ],
            "is an input",
        ),
        (
            vec![
                "dedup",
                "apply",
                &dumps_s,
                "--decisions",
                &jsonl_s,
                "--report",
                &jsonl_s,
            ],
            "is an input",
        ),
    ];
    for (args, says) in cases {
        let o = deboil(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&dump).unwrap(), text);
    assert_eq!(
        std::fs::read_to_string(&jsonl).unwrap(),
        "{\"text\":\"one line\"}\n"
    );
    // an output directory inside the inputs' folder holds none of them
    let inner = dumps.join("clean");
    let report = p(&inner.join("report.json"));
    for _ in 0..2 {
        let o = deboil(&["clean", &dumps_s, "-o", &p(&inner), "--report", &report]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{err}");
        // the rerun's walk leaves out the first run's documents and report
        assert!(err.contains("1 document in from 1 input"), "{err}");
        assert!(inner.join("a.txt").is_file());
    }
}

#[test]
fn output_and_report_paths_are_checked_before_the_run() {
    let d = tmpdir("targets");
    let file = d.join("f");
    std::fs::write(&file, "x").unwrap();
    let p = |x: &std::path::Path| x.to_str().unwrap().to_string();
    let same = p(&d.join("same.json"));
    let under_file = p(&file.join("sub"));
    let no_folder = p(&d.join("nope/r.json"));
    let txt = p(&d.join("clean.txt"));
    let gz = p(&d.join("clean.jsonl.gz"));
    let out_dir = p(&d.join("out"));
    let report_as_doc = p(&d.join("out/001_57e4a07da3062c67.txt"));
    let report_as_manifest = p(&d.join("out/.deboil-manifest"));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "clean", "seeds", "--format", "jsonl", "-o", &same, "--report", &same,
            ],
            "also the output",
        ),
        (
            vec!["clean", "seeds", "-o", &under_file],
            "is a file, not a directory",
        ),
        (
            vec!["clean", "seeds", "--report", &no_folder],
            "does not exist",
        ),
        (vec!["clean", "seeds", "-o", &txt], "--format jsonl"),
        (
            vec!["clean", "seeds", "-o", &gz],
            "for one compressed file, use --format jsonl -o",
        ),
        (vec!["clean", "seeds", "--report", "-"], "give its path"),
        (
            vec!["clean", "seeds", "--dry-run", "-o", &same],
            "leave out -o",
        ),
        (
            vec!["clean", "seeds", "--diff", "-o", &same],
            "leave out -o",
        ),
        (
            vec!["clean", "seeds", "-o", &out_dir, "--report", &report_as_doc],
            "a name its documents or its manifest take",
        ),
        (
            vec![
                "clean",
                "seeds",
                "-o",
                &out_dir,
                "--report",
                &report_as_manifest,
            ],
            "a name its documents or its manifest take",
        ),
    ];
    for (args, says) in cases {
        let o = deboil(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert!(!d.join("nope").exists());
    assert!(!d.join("clean.txt").exists());
    assert!(!d.join("same.json").exists());
    // `-o -` is stdout
    let o = deboil(&["clean", "seeds", "-q", "--format", "jsonl", "-o", "-"]);
    assert!(o.status.success());
    assert_eq!(
        o.stdout,
        deboil(&["clean", "seeds", "-q", "--format", "jsonl"]).stdout
    );
    assert!(!root().join("-").exists());
}

#[test]
fn a_dry_run_says_its_documents_are_kept_not_written() {
    let d = tmpdir("dry-status");
    let r = d.join("r.json");
    let o = deboil(&[
        "clean",
        "seeds",
        "--dry-run",
        "--report",
        r.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(" kept as ") && err.contains("(nothing written)"),
        "{err}"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&r).unwrap()).unwrap();
    let statuses: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert!(!statuses.is_empty());
    assert!(statuses.iter().all(|s| *s == "kept"), "{statuses:?}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_once_even_when_the_corpus_stage_reads_twice() {
    let d = tmpdir("fifo");
    let fifo = d.join("dump.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let seeds: Vec<u8> = seeds::seed_files()
        .iter()
        .flat_map(|f| std::fs::read(f).unwrap())
        .collect();
    let expected = deboil_stdin(&["clean", "-q"], &seeds).stdout;
    let writer = {
        let (fifo, seeds) = (fifo.clone(), seeds.clone());
        std::thread::spawn(move || std::fs::write(fifo, seeds).unwrap())
    };
    let child = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(["clean", "-q", fifo.to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output().unwrap()));
    // a run that opened the pipe a second time would wait for a writer for ever: a guard
    // against a hang, not a speed limit
    let o = match rx.recv_timeout(std::time::Duration::from_secs(120)) {
        Ok(o) => o,
        Err(_) => {
            let _ = Command::new("kill").arg(pid.to_string()).status();
            panic!("deboil hangs on a named pipe");
        }
    };
    writer.join().unwrap();
    assert!(o.status.success());
    assert_eq!(o.stdout, expected);
}

/// `dedup decide` reads its signature files twice when it learns boilerplate; a named pipe
/// (or `<(zcat s.jsonl.gz)`) would read empty the second time and its documents would be
/// missing from the decisions at exit 0. It is refused, named, before anything is read.
#[test]
fn decide_refuses_a_signature_pipe_it_would_read_twice() {
    let d = tmpdir("decide-fifo");
    let fifo = d.join("sigs.jsonl");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = d.join("dec.jsonl");
    let o = deboil(&[
        "dedup",
        "decide",
        fifo.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(fifo.to_str().unwrap()) && err.contains("cannot read twice"),
        "{err}"
    );
    assert!(!out.exists());
}

/// `--dry-run` says why each line goes, in brackets between the rule and the text: the first
/// clause of the report's note (C001's class and weight, not its figures), and for a
/// duplicate where the kept copy is, named as the listing names lines (a JSONL record by its
/// file, line and id, a text dump by its path and line), with a near copy's similarity. A
/// removal with neither has no brackets.
#[test]
fn dry_run_gives_each_removals_reason_and_kept_copy() {
    let dir = tmpdir("dryrun-reasons");
    let para = "The county opened a new ferry landing at Millbrook on Thursday, replacing the \
                wooden pier that had served the crossing for more than forty years.";
    let near = para.replace("Thursday", "Friday");
    let lines = [
        serde_json::json!({"id": "first", "text": format!("Ferry landing opens\n{para}")})
            .to_string(),
        serde_json::json!({"id": "second", "text": format!("Other news\n{near}\nThe crossing takes twenty minutes in calm weather, the captain said.")})
            .to_string(),
    ];
    std::fs::write(dir.join("a.jsonl"), lines.join("\n") + "\n").unwrap();
    std::fs::write(
        dir.join("b.txt"),
        format!(
            "Island news\n{para}\nThe harbour master said the crossing takes twenty minutes.\n"
        ),
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args([
            "clean",
            "a.jsonl",
            "b.txt",
            "--dry-run",
            "-q",
            "--no-config",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = stdout(&o);
    assert!(
        s.contains(&format!(
            "a.jsonl:2 (id second) line 2: D002 near-duplicate-paragraph \
             [kept at a.jsonl:1 (id first) line 2, similarity 0.960]: {near}\n"
        )),
        "{s}"
    );
    assert!(
        s.contains(&format!(
            "b.txt:2: D001 exact-duplicate-paragraph [kept at a.jsonl:1 (id first) line 2]: {para}\n"
        )),
        "{s}"
    );
    // one line per removal, each reason in one pair of brackets before the text
    for l in s.lines() {
        let (_, rest) = l.split_once(": ").unwrap();
        let (head, _) = rest.split_once("]: ").unwrap_or((rest, ""));
        assert!(head.matches('[').count() <= 1, "{l}");
    }
    // a text dump's kept copy is named by its path and line
    let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args([
            "clean",
            "b.txt",
            "a.jsonl",
            "--dry-run",
            "-q",
            "--no-config",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    let s = stdout(&o);
    assert!(
        s.contains(
            "a.jsonl:1 (id first) line 2: D001 exact-duplicate-paragraph [kept at b.txt:2]: "
        ),
        "{s}"
    );
    // C001's reason is its note's first clause
    std::fs::write(
        dir.join("c.txt"),
        "Home\nNews\nSport\nWeather\nFerry Landing Opens at Millbrook\nThe county opened a new ferry \
         landing at Millbrook on Thursday, replacing the old wooden pier after forty years of \
         service to the island.\nThe landing has two berths and a covered waiting room with seats \
         for sixty passengers, and a ramp for wheelchairs and bicycles.\nThe ferry keeps its \
         timetable through the winter, with the first boat at half past six.\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args([
            "clean",
            "c.txt",
            "--dry-run",
            "-q",
            "--no-config",
            "--select",
            "C001",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    let s = stdout(&o);
    assert!(
        s.contains("c.txt:1: C001 boilerplate-line [outside the article core ("),
        "{s}"
    );
    assert!(s.lines().all(|l| !l.contains("stopwords")), "{s}");
}

#[test]
fn dry_run_names_a_jsonl_record_by_its_file_line_and_id() {
    let dir = tmpdir("dryrun-jsonl");
    let body = |n: usize| {
        let mut t: Vec<String> = (1..n)
            .map(|i| format!("Sentence number {i} of the record."))
            .collect();
        t.push(t[n - 2].clone()); // line n repeats line n - 1
        t.join("\n")
    };
    let lines = [
        serde_json::json!({"id": "doc0", "text": "A line."}).to_string(),
        serde_json::json!({"id": "doc1", "text": "One more line."}).to_string(),
        serde_json::json!({"id": "doc2", "text": body(25)}).to_string(),
        serde_json::json!({"id": "doc3", "text": "Another line."}).to_string(),
        serde_json::json!({"id": "doc4", "text": "A last line."}).to_string(),
    ];
    std::fs::create_dir_all(dir.join("j")).unwrap();
    std::fs::write(dir.join("j/a.jsonl"), lines.join("\n") + "\n").unwrap();
    std::fs::write(dir.join("j/b.txt"), body(7)).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(["clean", "j", "--dry-run", "-q", "--select", "R001"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = stdout(&o);
    assert!(
        s.contains(
            "j/a.jsonl:3 (id doc2) line 25: R001 repeated-adjacent-line [repeats line 24]: "
        ),
        "{s}"
    );
    assert!(
        s.contains("j/b.txt:7: R001 repeated-adjacent-line [repeats line 6]: "),
        "{s}"
    );
    assert_eq!(s.lines().count(), 2, "{s}");
    // `--diff` heads a record's diff the same way
    let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(["clean", "j", "--diff", "-q", "--select", "R001"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let s = stdout(&o);
    assert!(s.contains("--- j/a.jsonl:3 (id doc2) (input)\n"), "{s}");
    assert!(s.contains("--- j/b.txt (input)\n"), "{s}");
}

#[test]
fn jsonl_records_carry_fields_and_ids() {
    let dir = tmpdir("jsonl");
    let f = dir.join("in.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a1\",\"url\":\"https://example.org/x\",\"text\":\"A Title Line\\n\\nThe body text of the record is here.\\nThe body text of the record is here.\"}\n",
    )
    .unwrap();
    let o = deboil(&["clean", f.to_str().unwrap(), "--format", "jsonl", "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(v["id"], "a1");
    assert_eq!(v["part"], 0);
    assert_eq!(v["title"], "A Title Line");
    assert_eq!(v["text"], "The body text of the record is here.");
    assert_eq!(v["url"], "https://example.org/x");
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys[..3], ["id", "source", "part"]);
}

/// Input fields named like deboil's own keys are carried as `input_<name>`, not dropped: the
/// trial's `title`/`source`/`part`, a `text` beside `--text-field body`, an `id` beside
/// `--id-field doc_id`, a `date` when one was found in the text.
#[test]
fn jsonl_input_fields_named_like_output_keys_are_kept_as_input_fields() {
    let dir = tmpdir("jsonl-collide");
    let f = dir.join("col.jsonl");
    let body =
        "A paragraph article body long enough to be considered prose by the classifier here.";
    let recs = [
        serde_json::json!({"id": "x1", "text": format!("Headline\n\n{body}"), "title": "Orig Title", "source": "crawlerA", "part": "p9"}),
        serde_json::json!({"id": "x2", "text": format!("Headline\n\n2023-08-01\n\n{body}"), "date": "2001-01-01"}),
        serde_json::json!({"id": "x3", "text": format!("Another headline\n\n{body}"), "date": "2001-01-01"}),
    ];
    let lines: Vec<String> = recs.iter().map(|r| r.to_string()).collect();
    std::fs::write(&f, lines.join("\n") + "\n").unwrap();
    let run = |extra: &[&str], file: &std::path::Path| -> Vec<serde_json::Value> {
        let mut a = vec![
            "clean",
            file.to_str().unwrap(),
            "--format",
            "jsonl",
            "-q",
            "--no-config",
        ];
        a.extend(extra);
        let o = deboil(&a);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let docs = run(&[], &f);
    assert_eq!(docs[0]["id"], "x1");
    assert_eq!(docs[0]["title"], "Headline");
    assert_eq!(docs[0]["input_title"], "Orig Title");
    assert_eq!(docs[0]["input_source"], "crawlerA");
    assert_eq!(docs[0]["input_part"], "p9");
    assert_eq!(docs[0]["part"], 0);
    assert_eq!(docs[1]["date"], "2023-08-01");
    assert_eq!(docs[1]["input_date"], "2001-01-01");
    assert_eq!(docs[2]["date"], "2001-01-01");
    assert!(docs[2].get("input_date").is_none());

    let g = dir.join("body.jsonl");
    let rec = serde_json::json!({"doc_id": "d1", "id": "orig-id", "body": format!("Headline\n\n{body}"), "text": "orig text"});
    std::fs::write(&g, rec.to_string() + "\n").unwrap();
    let docs = run(&["--text-field", "body", "--id-field", "doc_id"], &g);
    assert_eq!(docs[0]["id"], "d1");
    assert_eq!(docs[0]["input_id"], "orig-id");
    assert_eq!(docs[0]["input_text"], "orig text");
    assert_eq!(docs[0]["text"], body);
}

/// An impossible calendar date (`31.02.2023`, `Feb 30, 2023`) is no date: it never becomes the
/// document's `date`; a real one on the same shape does.
#[test]
fn impossible_dates_never_become_the_date_field() {
    let dir = tmpdir("bad-dates");
    let f = dir.join("in.jsonl");
    let body = "The harbour board voted on Tuesday to approve the long awaited plan for the eastern quay and its new ferry terminal.";
    let rec = |id: &str, date: &str| {
        serde_json::json!({"id": id, "text": format!("Harbour plan approved\n\n{date}\n\n{body}")})
            .to_string()
    };
    let lines = [
        rec("a", "31.02.2023"),
        rec("b", "Published: Feb 30, 2023"),
        rec("c", "29.02.2024"),
    ];
    std::fs::write(&f, lines.join("\n") + "\n").unwrap();
    // the three records are copies of one another but for the date: no dedup, so that each
    // keeps its date line (D005 would drop the copies whose lines left are all short)
    let o = deboil(&[
        "clean",
        f.to_str().unwrap(),
        "--format",
        "jsonl",
        "-q",
        "--no-config",
        "--dedup",
        "none",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 3);
    for d in &docs[..2] {
        assert!(d.get("date").is_none(), "{d}");
    }
    assert_eq!(docs[2]["date"], "2024-02-29");
}

/// The seeds' acceptance criteria (issue 2's "Done when").
mod seeds {
    use super::*;

    fn docs() -> Vec<serde_json::Value> {
        let o = deboil(&["clean", "seeds", "--format", "jsonl", "-q"]);
        assert!(o.status.success());
        stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    pub(super) fn seed_files() -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    }

    fn key(s: &str) -> String {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn split_titles_and_no_doubles() {
        let docs = docs();
        for f in seed_files() {
            let id = format!("seeds/{}", f.file_name().unwrap().to_string_lossy());
            let mine: Vec<&serde_json::Value> =
                docs.iter().filter(|d| d["source"] == id.as_str()).collect();
            // the articles of a split dump have ids of their own
            let ids: Vec<&str> = mine.iter().map(|d| d["id"].as_str().unwrap()).collect();
            let want: Vec<String> = match mine.len() {
                1 => vec![id.clone()],
                n => (0..n).map(|p| format!("{id}#{p}")).collect(),
            };
            assert_eq!(ids, want);
            let raw = std::fs::read_to_string(&f).unwrap();
            // a dump with a run of blank lines between two long stretches holds two articles
            let expected_parts = if raw.contains("\n\n\n\n") { 2 } else { 1 };
            assert_eq!(mine.len(), expected_parts, "{id}");
            for d in &mine {
                let text = d["text"].as_str().unwrap();
                let title = d["title"].as_str().unwrap_or("");
                let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
                assert!(!lines.contains(&"TT"), "{id}: TT left");
                for w in lines.windows(2) {
                    assert_ne!(key(w[0]), key(w[1]), "{id}: line repeated back to back");
                }
                // no paragraph twice in a document, and the title not repeated in the body
                let mut seen = std::collections::HashSet::new();
                for l in &lines {
                    if l.split_whitespace().count() >= 4 {
                        assert!(seen.insert(key(l)), "{id}: {l:?} twice");
                    }
                }
                if !title.is_empty() {
                    assert!(
                        !seen.contains(&key(title)),
                        "{id}: title {title:?} repeated in the body"
                    );
                }
            }
        }
        // every article starting with a headline has it in `title`
        let with_title = docs.iter().filter(|d| d["title"].is_string()).count();
        assert!(
            with_title >= docs.len() - 1,
            "titles: {with_title} of {}",
            docs.len()
        );
    }

    #[test]
    fn chrome_is_gone_and_body_stays() {
        let docs = docs();
        let all: String = docs
            .iter()
            .map(|d| {
                format!(
                    "{}\n{}\n",
                    d["title"].as_str().unwrap_or(""),
                    d["text"].as_str().unwrap()
                )
            })
            .collect();
        let lower = all.to_lowercase();
        for gone in [
            "related articles",
            "no comments yet",
            "download the app",
            "try our ai features",
            "telegram-channel",
            "app-store",
            "orange background",
            "days ago",
            "hours ago",
            "an hour ago",
        ] {
            assert!(!lower.contains(gone), "{gone:?} left in the output");
        }
        for l in all.lines() {
            assert_ne!(l.trim(), "logo");
            assert_ne!(l.trim(), "Comments");
            assert!(!l.starts_with('•'), "{l:?}");
            assert!(!l.starts_with("date "), "date prefix left: {l:?}");
        }
        // every body paragraph (a line of 20+ words outside a related-content section) stays
        // verbatim; a caption loses only its closing photo credit (`(Name / AFP)`, R018)
        let mut credits_cut = std::collections::BTreeSet::new();
        for f in seed_files() {
            let raw = std::fs::read_to_string(&f).unwrap();
            let raw = raw.split("\nRelated Articles\n").next().unwrap();
            for line in raw.lines() {
                let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
                if l.split(' ').count() >= 20 && !l.starts_with("date ") {
                    if all.contains(&l) {
                        continue;
                    }
                    let caption = l
                        .strip_suffix(')')
                        .and_then(|l| l.rsplit_once(" ("))
                        .filter(|(_, credit)| {
                            credit.contains('/') || credit.chars().all(|c| c.is_ascii_uppercase())
                        })
                        .map(|(caption, _)| format!("{caption}\n"));
                    assert!(
                        caption.is_some_and(|c| all.contains(&c)),
                        "{}: body paragraph lost: {l:?}",
                        f.display()
                    );
                    credits_cut.insert(l);
                }
            }
        }
        // the seeds hold two credited captions (one shown twice, one in two dumps)
        assert!(credits_cut.len() <= 2, "photo credits cut: {credits_cut:?}");
        let dated: Vec<&serde_json::Value> =
            docs.iter().filter(|d| d["date"].is_string()).collect();
        assert!(dated.len() >= 2, "dates parsed: {}", dated.len());
    }
}

mod faults {
    use super::*;

    /// A folder holding `n` copies of the seed dumps (`c0/`, `c1/`, ...): more input than one
    /// folder, without naming the same file twice (which is read once).
    fn seed_copies(name: &str, n: usize) -> TempDir {
        let dir = tmpdir(name);
        for k in 0..n {
            let copy = dir.join(format!("c{k}"));
            std::fs::create_dir_all(&copy).unwrap();
            for e in std::fs::read_dir(root().join("seeds")).unwrap() {
                let e = e.unwrap();
                std::fs::copy(e.path(), copy.join(e.file_name())).unwrap();
            }
        }
        dir
    }

    #[test]
    fn full_disk_is_an_error_naming_stdout() {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
            .args(["clean", "seeds", "-q"])
            .current_dir(root())
            .stdout(f)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("No space left"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    /// deboil run with `args`, its stdout a pipe whose read end is closed before it writes.
    fn with_closed_stdout(args: &[&str]) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_deboil"))
            .args(args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        child.wait_with_output().unwrap()
    }

    #[test]
    fn closed_stdout_exits_quietly() {
        let copies = seed_copies("closed-stdout", 3);
        let o = with_closed_stdout(&["clean", copies.to_str().unwrap(), "-q"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            o.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    #[test]
    fn closed_stdout_still_writes_the_report() {
        let dir = tmpdir("closed-stdout-report");
        let rep = dir.join("r.json");
        let copies = seed_copies("closed-stdout-report-in", 2);
        for mode in [None, Some("--dry-run")] {
            let _ = std::fs::remove_file(&rep);
            let mut args = vec!["clean", copies.to_str().unwrap(), "-q", "--reproducible"];
            args.extend(["--report", rep.to_str().unwrap()]);
            args.extend(mode);
            let o = with_closed_stdout(&args);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(0), "{mode:?}: {err}");
            // the one line said: what came after the close was not delivered
            assert_eq!(err.lines().count(), 1, "{mode:?}: {err}");
            assert!(err.contains("the reader closed stdout"), "{mode:?}: {err}");
            let r: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&rep).expect("report written")).unwrap();
            // every input is accounted for: the run went on after the reader left
            let seeds = std::fs::read_dir(root().join("seeds")).unwrap().count() as u64;
            assert_eq!(r["totals"]["documents_in"], 2 * seeds, "{mode:?}");
            assert_accounted(&r);
        }
    }

    /// A reader that closes stdout (`| head`, `| grep -q`) does not turn a verdict into exit 0:
    /// `--fail-on-removal` still exits 1 (output, `--dry-run`, `--diff`), and a failing
    /// `check` still exits 1 (CI under `set -o pipefail` would otherwise pass).
    #[test]
    fn closed_stdout_keeps_the_verdict() {
        let copies = seed_copies("closed-stdout-verdict", 2);
        for mode in [None, Some("--dry-run"), Some("--diff")] {
            let mut args = vec!["clean", copies.to_str().unwrap(), "-q", "--fail-on-removal"];
            args.extend(mode);
            let o = with_closed_stdout(&args);
            assert_eq!(
                o.status.code(),
                Some(1),
                "{mode:?}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        let cases = tmpdir("closed-stdout-check");
        let case = cases.join("c");
        std::fs::create_dir_all(&case).unwrap();
        let mut seeds: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        seeds.sort();
        std::fs::copy(&seeds[0], case.join("input.txt")).unwrap();
        deboil_ok(&["check", cases.to_str().unwrap(), "--bless", "-q"]);
        std::fs::write(
            case.join("expected.txt"),
            "not what deboil writes\n".repeat(20_000),
        )
        .unwrap();
        let o = with_closed_stdout(&["check", cases.to_str().unwrap()]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    /// `--report /dev/stdout` (or `-o /dev/stdout`, `>(...)`) writes to the open descriptor
    /// where it stands: a log stdout appends to keeps its earlier lines (before, the report
    /// was renamed over it), and documents and report on one stdout are refused.
    #[test]
    fn a_descriptor_target_is_appended_to_in_place() {
        let dir = tmpdir("descriptor-target");
        let log = dir.join("pipeline.log");
        std::fs::write(&log, "an earlier step\n").unwrap();
        let out = dir.join("o.jsonl");
        let appending = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_deboil"))
            .args([
                "clean",
                "seeds",
                "-q",
                "--reproducible",
                "--format",
                "jsonl",
            ])
            .args(["-o", out.to_str().unwrap(), "--report", "/dev/stdout"])
            .current_dir(root())
            .stdout(appending)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = std::fs::read_to_string(&log).unwrap();
        let report = text
            .strip_prefix("an earlier step\n")
            .expect("earlier line kept");
        let r: serde_json::Value = serde_json::from_str(report).unwrap();
        assert_accounted(&r);
        assert!(std::fs::read_to_string(&out).unwrap().lines().count() >= 5);

        let o = deboil(&["clean", "seeds", "-q", "--report", "/dev/stdout"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("go to stdout too"));
    }

    #[test]
    fn unwritable_output_names_the_path() {
        let o = deboil(&[
            "clean",
            "seeds",
            "-q",
            "--format",
            "jsonl",
            "-o",
            "/proc/deboil-cannot/out.jsonl",
        ]);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("/proc/deboil-cannot"));
    }

    #[test]
    fn interrupt_leaves_no_partial_output() {
        let dir = tmpdir("sigint");
        let out = dir.join("out.jsonl");
        let mut child = Command::new(env!("CARGO_BIN_EXE_deboil"))
            .args([
                "clean",
                "-",
                "-q",
                "--format",
                "jsonl",
                "-o",
                out.to_str().unwrap(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // deboil is now waiting on stdin with its output file open under a temporary name
        let mut stdin = child.stdin.take().unwrap();
        use std::io::Write;
        stdin
            .write_all(b"Some Title\n\nSome text that is being written.\n")
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::fs::read_dir(&dir).unwrap().count() == 0 && std::time::Instant::now() < deadline
        {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "temporary file exists while running"
        );
        // stdin is being copied for the corpus stage's two passes (the copy is made just after
        // the output file is opened)
        let spool = std::env::temp_dir().join(format!("deboil-spool-{}-0-stdin", child.id()));
        while !spool.is_file() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(spool.is_file(), "{} while running", spool.display());
        let k = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(k.success());
        let o = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(o.status.code(), Some(130));
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            0,
            "no output file, no temporary file"
        );
        assert!(!spool.exists(), "{} left behind", spool.display());
    }
}

/// Properties over arbitrary input, through the library (the same code the binary runs).
mod properties {
    use deboil::pipeline::{clean_bytes, CleanOptions};
    use proptest::prelude::*;

    fn rules() -> Vec<Box<dyn deboil::rules::Rule>> {
        deboil::pipeline::active_rules(&CleanOptions::default()).unwrap()
    }

    /// Text made of dump-like lines: real-looking words, repeats, markers, blank runs.
    fn dumpish() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            Just(String::new()),
            Just("TT".to_string()),
            Just("Related Articles".to_string()),
            Just("Comments".to_string()),
            Just("A short headline here".to_string()),
            "[A-Za-z ,.'’é]{0,120}",
            "[a-z]{1,8}( [a-z]{1,8}){8,30}\\.",
        ];
        prop::collection::vec(line, 0..40).prop_map(|v| v.join("\n"))
    }

    /// The case the property found: a wide gap is a tab mark inside deboil, and a kept line
    /// comes out with it (a column gap, as a table's cells are written), not with a space.
    #[test]
    fn a_column_gap_comes_out_as_a_tab() {
        let docs = clean_bytes(b"'    a\n", &rules());
        let text: String = docs.iter().map(|d| d.render_text()).collect();
        assert_eq!(text.trim_end(), "'\ta");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
            let _ = clean_bytes(&bytes, &rules());
        }

        #[test]
        fn output_lines_come_from_the_input(text in dumpish()) {
            let (norm, _) = deboil::input::normalize::decode_and_normalize(text.as_bytes());
            // a column gap's tab is a mark for the rules: a kept line comes out with it, a line
            // a rule cut part of with a space for it
            let spaced = norm.replace('\t', " ");
            let input_lines: Vec<&str> = norm.lines().collect();
            let spaced_lines: Vec<&str> = spaced.lines().collect();
            for d in clean_bytes(text.as_bytes(), &rules()) {
                for l in d.render_text().lines().filter(|l| !l.is_empty()) {
                    let from = if l.contains('\t') { &input_lines } else { &spaced_lines };
                    prop_assert!(from.iter().any(|i| i.contains(l)), "{l:?} is not from the input");
                }
                // accounting: every non-blank input line of the document is written or removed
                let removed: usize = d.report.removals.iter().map(|r| r.removed_lines).sum();
                prop_assert_eq!(d.report.lines_in, d.report.lines_out + removed);
            }
        }
    }
}

#[test]
fn cleaning_is_idempotent_on_seeds_and_fixtures() {
    let once = tmpdir("idem-1");
    let twice = tmpdir("idem-2");
    // per document: corpus dedup would (rightly) drop the fixtures' copies of the seeds; each
    // input into its own folder (a second run into one folder removes the first run's files)
    for input in ["seeds", "fixtures"] {
        let o = deboil(&[
            "clean",
            input,
            "-o",
            once.join(input).to_str().unwrap(),
            "-q",
            "--dedup",
            "doc",
        ]);
        assert!(o.status.success());
    }
    let o = deboil(&[
        "clean",
        once.to_str().unwrap(),
        "-o",
        twice.to_str().unwrap(),
        "-q",
        "--dedup",
        "doc",
    ]);
    assert!(o.status.success());
    let mut n = 0;
    let mut stack = vec![once.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(&*once).unwrap();
            if rel.ends_with(".deboil-manifest") {
                continue;
            }
            let a = std::fs::read_to_string(&p).unwrap();
            let b = std::fs::read_to_string(twice.join(rel)).unwrap_or_default();
            assert_eq!(a, b, "cleaning {} again changed it", rel.display());
            n += 1;
        }
    }
    assert!(n > 10);
}

/// Inputs the fuzzers found (fuzz/regressions/): each must decode to normalised text and clean
/// without a panic, with every line accounted for.
#[test]
fn fuzz_regressions_stay_fixed() {
    let rules = deboil::pipeline::active_rules(&deboil::pipeline::CleanOptions::default()).unwrap();
    let dir = root().join("fuzz/regressions");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        let (text, _) = deboil::input::normalize::decode_and_normalize(&bytes);
        assert_eq!(deboil::input::normalize::normalize(&text), text);
        for d in deboil::pipeline::clean_bytes(&bytes, &rules) {
            let removed: usize = d.report.removals.iter().map(|r| r.removed_lines).sum();
            assert_eq!(d.report.lines_in, d.report.lines_out + removed);
        }
        n += 1;
    }
    assert!(n >= 1);
}

/// Hostile input through the real binary (issue 5); the single-file cases are fixtures
/// (`fixtures/hostile-*`), these need several files, links or flags.
mod hostile {
    use super::*;

    /// Two passes copy stdin to read it twice; a stream that never ends is copied only as far
    /// as the reading can use it: binary data fails on its head, a text dump one byte past
    /// `--max-record-bytes`. The stream is left open here: a run that copied it all would wait
    /// for its end forever (the test then fails after a minute, not on a speed target).
    #[test]
    fn an_endless_stdin_is_not_copied_past_what_can_be_read() {
        use std::io::Write;
        for (head, kind) in [
            (vec![0u8; 70_000], "binary file"),
            (b"y\n".repeat(35_000), "text dump larger than 1024 bytes"),
        ] {
            let mut child = spawn_piped(&["clean", "-q", "--max-record-bytes", "1k"]);
            let mut stdin = child.stdin.take().unwrap();
            let _ = stdin.write_all(&head);
            let _ = stdin.flush();
            let mut waited = 0;
            let status = loop {
                if let Some(s) = child.try_wait().unwrap() {
                    break s;
                }
                if waited >= 600 {
                    let _ = child.kill();
                    panic!("deboil still copies an open stdin after a minute ({kind})");
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
                waited += 1;
            };
            drop(stdin);
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(status.code(), Some(2), "{err}");
            assert!(err.contains(kind), "{err}");
        }
    }

    /// An endless compressed text stream (`yes | gzip | deboil`) stops at the size limit as an
    /// uncompressed one does: the copy for the second pass is decompressed alongside, so it
    /// is not copied past what the reading can use (before, it grew until the disk was full).
    #[test]
    fn an_endless_compressed_stdin_stops_at_the_size_limit() {
        use std::io::Write;
        let mut member = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        member.write_all(&b"y\n".repeat(500_000)).unwrap();
        let member = member.finish().unwrap();
        let mut child = spawn_piped(&["clean", "-q", "--max-record-bytes", "1M"]);
        let mut stdin = child.stdin.take().unwrap();
        // 1 MB of text a member, for at most a minute: far past the limit, then the pipe closes
        let writer = std::thread::spawn(move || {
            let started = std::time::Instant::now();
            while started.elapsed().as_secs() < 60 {
                if stdin.write_all(&member).is_err() {
                    return true;
                }
            }
            false
        });
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("text dump larger than 1048576 bytes"), "{err}");
        assert!(
            writer.join().unwrap(),
            "deboil read the stream for a minute"
        );
    }

    fn report(args: &[&str]) -> (Output, serde_json::Value) {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = tmpdir(&format!("hostile-{n}"));
        let rep = dir.join("r.json");
        let mut a = args.to_vec();
        let r = rep.to_str().unwrap().to_string();
        a.extend(["--report", &r, "-q"]);
        let o = deboil(&a);
        let v = serde_json::from_slice(&std::fs::read(&rep).unwrap_or_default())
            .unwrap_or(serde_json::Value::Null);
        (o, v)
    }

    #[test]
    fn strict_makes_bad_input_fatal_naming_file_and_line() {
        let o = deboil(&[
            "clean",
            "fixtures/hostile-bad-jsonl/input.jsonl",
            "--strict",
            "-q",
        ]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("fixtures/hostile-bad-jsonl/input.jsonl:2"),
            "{err}"
        );
        let o = deboil(&["clean", "fixtures/hostile-bad-jsonl/input.jsonl", "-q"]);
        assert_eq!(o.status.code(), Some(0));
    }

    /// `--strict` with output to stdout (trial23 repro-08): a failure the first pass met stops
    /// the run before any document is written, a bad line after 5,000 good records as well as
    /// a binary file after a good input. Before, 4,096 records went out first. A one-pass run
    /// (`--no-boilerplate`, `--dedup none|doc`) reads its inputs once first under `--strict`
    /// too, so it writes nothing either: not to stdout, not from stdin, not into `-o DIR`
    /// (before, 4,096 records or the first input's documents went out).
    #[test]
    fn strict_stops_before_writing_on_a_failure_pass_1_met() {
        let dir = tmpdir("strict-pass1");
        // 5,000 records of 40 words each drawn from 15, so that none repeats another
        let words = "council budget schools roads hospitals region critics rural towns taxes \
                     families river harbor museum orchestra";
        let words: Vec<&str> = words.split(' ').collect();
        let mut x: u64 = 7;
        let mut jsonl = String::new();
        for i in 0..5000 {
            let text: Vec<&str> = (0..40)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    words[(x >> 33) as usize % words.len()]
                })
                .collect();
            jsonl.push_str(&format!(
                "{{\"id\":\"d{i}\",\"text\":\"Story {i}. {}.\"}}\n",
                text.join(" ")
            ));
        }
        std::fs::write(
            dir.join("a.jsonl"),
            format!("{jsonl}this line is not JSON\n"),
        )
        .unwrap();
        std::fs::create_dir_all(dir.join("two")).unwrap();
        std::fs::write(dir.join("two/a.jsonl"), &jsonl).unwrap();
        std::fs::write(dir.join("two/b.txt"), b"\0\0\0binary\0").unwrap();
        let passes: [&[&str]; 4] = [
            &[],
            &["--no-boilerplate"],
            &["--dedup", "none"],
            &["--dedup", "doc"],
        ];
        for pass in passes {
            for (input, said) in [
                (dir.join("a.jsonl"), "a.jsonl:5001: expected a JSON object"),
                (dir.join("two"), "b.txt: binary file"),
            ] {
                let input = input.to_str().unwrap();
                let mut args = vec!["clean", "-q", "--strict", input, "--format", "jsonl"];
                args.extend(pass);
                let o = deboil(&args);
                assert_eq!(o.status.code(), Some(2), "{pass:?}");
                let err = String::from_utf8_lossy(&o.stderr);
                assert!(
                    err.contains(said) && err.contains("run stopped (--strict)"),
                    "{pass:?}: {err}"
                );
                assert_eq!(
                    o.stdout.len(),
                    0,
                    "{input} {pass:?}: {} bytes written",
                    o.stdout.len()
                );
                // into a directory: no document file, no journal
                let out = dir.join("out");
                let mut args = vec!["clean", "-q", "--strict", input, "-o"];
                args.push(out.to_str().unwrap());
                args.extend(pass);
                let o = deboil(&args);
                assert_eq!(o.status.code(), Some(2), "{pass:?}");
                let left: Vec<_> = std::fs::read_dir(&out)
                    .map(|d| d.map(|e| e.unwrap().file_name()).collect())
                    .unwrap_or_default();
                assert!(left.is_empty(), "{input} {pass:?}: {left:?}");
                let _ = std::fs::remove_dir_all(&out);
            }
            // from stdin, read once and copied for the two readings
            let mut args = vec!["clean", "-q", "--strict", "-", "--format", "jsonl"];
            args.extend(pass);
            let o = deboil_stdin(&args, &std::fs::read(dir.join("a.jsonl")).unwrap());
            assert_eq!(o.status.code(), Some(2), "{pass:?}");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains("-:5001: expected a JSON object"), "{err}");
            assert_eq!(o.stdout.len(), 0, "stdin {pass:?}");
        }
        // and a good input comes out whole, as without --strict
        let o = deboil(&[
            "clean",
            "-q",
            "--strict",
            "--no-boilerplate",
            dir.join("two/a.jsonl").to_str().unwrap(),
            "--format",
            "jsonl",
        ]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o).lines().count(), 5000);
        // without --strict the good records are written and the failure counted
        let o = deboil(&[
            "clean",
            "-q",
            dir.join("a.jsonl").to_str().unwrap(),
            "--format",
            "jsonl",
        ]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o).lines().count(), 5000);
    }

    /// A run whose every document failed or held nothing exits 2 saying how many failed; "the
    /// rest held nothing to keep" only where there is a rest (here an empty file), not where
    /// every input failed.
    #[test]
    fn nothing_written_names_a_rest_only_where_there_is_one() {
        let dir = tmpdir("nothing-written");
        let bad = dir.join("bad.jsonl");
        std::fs::write(&bad, "not json\n").unwrap();
        let empty = dir.join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let o = deboil(&["clean", "-q", bad.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("nothing written: 1 of 1 inputs and records failed (errors above)"),
            "{err}"
        );
        let o = deboil(&[
            "clean",
            "-q",
            empty.to_str().unwrap(),
            bad.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(
                "nothing written: 1 of 2 inputs and records failed, the rest held nothing to \
                 keep (errors above)"
            ),
            "{err}"
        );
    }

    /// An empty input is no failure of the data, under `--strict` too (trial23 repro-10): a
    /// crawl's empty shard is counted as `empty` and named, and the run goes on.
    #[test]
    fn strict_lets_an_empty_shard_through() {
        let dir = tmpdir("strict-empty");
        let shards = dir.join("shards");
        std::fs::create_dir_all(&shards).unwrap();
        std::fs::write(shards.join("part-0000.jsonl"), "").unwrap();
        std::fs::write(
            shards.join("part-0001.jsonl"),
            "{\"id\":\"a\",\"text\":\"The harbor museum opened a new wing for its orchestra \
             archive this spring.\"}\n",
        )
        .unwrap();
        let s = shards.to_str().unwrap();
        for extra in [&[][..], &["--no-boilerplate"][..]] {
            let mut args = vec!["clean", "--strict", s, "--format", "jsonl"];
            args.extend(extra);
            let (o, report) = report(&args);
            assert_eq!(o.status.code(), Some(0), "{extra:?}");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains("part-0000.jsonl: no records"), "{err}");
            assert_eq!(stdout(&o).lines().count(), 1);
            assert_eq!(report["totals"]["documents_failed"]["empty"], 1, "{report}");
        }
        for cmd in ["dups", "dedup sigs"] {
            let mut args: Vec<&str> = cmd.split(' ').collect();
            args.extend(["--strict", s]);
            let o = deboil(&args);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{cmd}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
    }

    #[test]
    fn strict_says_the_run_stopped_not_that_the_input_was_skipped() {
        let bin = "fixtures/hostile-binary/input.txt";
        for cmd in ["clean", "dups"] {
            let o = deboil(&[cmd, bin, "seeds", "--strict"]);
            assert_eq!(o.status.code(), Some(2));
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                err.contains(&format!(
                    "{bin}: binary file (NUL and control bytes are more than 1% of its first 8 KiB); run stopped (--strict)"
                )),
                "{cmd}: {err}"
            );
            assert!(!err.contains("skipped"), "{cmd}: {err}");
        }
        // without --strict the input is skipped and the run goes on
        let o = deboil(&["clean", bin, "seeds", "-q"]);
        assert_eq!(o.status.code(), Some(0));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!(
                "{bin}: binary file (NUL and control bytes are more than 1% of its first 8 KiB); skipped"
            )),
            "{err}"
        );
    }

    #[test]
    fn long_line_is_reported_and_the_run_goes_on() {
        let dir = tmpdir("longline");
        let f = dir.join("big.jsonl");
        let long = "word ".repeat(400_000); // 2 MB
        let body = format!(
            "{}\n{}\n{}\n",
            serde_json::json!({"id": "a", "text": "First Record\n\nA short body that stays in the output."}),
            serde_json::json!({"id": "b", "text": long}),
            serde_json::json!({"id": "c", "text": "Third Record\n\nAnother short body that stays in the output."}),
        );
        std::fs::write(&f, body).unwrap();
        let (o, r) = report(&[
            "clean",
            f.to_str().unwrap(),
            "--max-record-bytes",
            "1000000",
        ]);
        assert!(o.status.success());
        let out = stdout(&o);
        assert!(out.contains("First Record") && out.contains("Third Record"));
        assert!(String::from_utf8_lossy(&o.stderr).contains("big.jsonl:2"));
        assert_eq!(r["totals"]["documents_failed"]["line-too-long"], 1);
        assert_eq!(r["totals"]["documents_in"], 3);
        // the same line under the default limit is cleaned like any other
        let (o, r) = report(&["clean", f.to_str().unwrap()]);
        assert!(o.status.success());
        assert_eq!(r["totals"]["documents_in"], 3);
        assert!(r["totals"]["documents_failed"]
            .as_object()
            .unwrap()
            .is_empty());
    }

    #[test]
    fn symlink_loop_and_empty_directory_are_counted_not_fatal() {
        let dir = tmpdir("links");
        std::fs::create_dir_all(dir.join("a/empty")).unwrap();
        std::fs::write(
            dir.join("a/doc.txt"),
            "A Headline Here\n\nA body line that stays here.\n",
        )
        .unwrap();
        std::os::unix::fs::symlink(dir.join("a"), dir.join("a/loop")).unwrap();
        let (o, r) = report(&[
            "clean",
            dir.join("a").to_str().unwrap(),
            dir.join("a/empty").to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(stdout(&o).contains("A body line that stays here."));
        let failed = r["totals"]["documents_failed"].as_object().unwrap();
        // the empty directory is a warning: it holds no document
        assert_eq!(failed.get("no-inputs"), None, "{failed:?}");
        assert_eq!(r["totals"]["warnings"]["no-inputs"], 1, "{r}");
        assert_eq!(
            failed.get("symlink-loop").and_then(|v| v.as_u64()),
            Some(1),
            "{failed:?}"
        );
        let t = &r["totals"];
        assert_eq!(t["documents_out"], 1);
    }

    /// A damaged gzip (here its checksum, which gzip checks only at the end, so everything before
    /// came out first) is not used at all when `clean` reads twice; a one-pass run has written
    /// what came out before the fault and says it may be damaged; an archive cut short keeps
    /// what came before the cut either way.
    #[test]
    fn a_damaged_archive_is_not_used_and_a_cut_one_is() {
        let dir = tmpdir("damaged");
        let mut jsonl = String::new();
        for i in 0..400 {
            jsonl += &format!(
                "{{\"id\":\"r{i}\",\"text\":\"Record {i} holds a sentence long enough to stay.\"}}\n"
            );
        }
        let mut gz = Vec::new();
        {
            let mut e = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
            std::io::Write::write_all(&mut e, jsonl.as_bytes()).unwrap();
            e.finish().unwrap();
        }
        let mut damaged = gz.clone();
        let at = damaged.len() - 8;
        damaged[at] ^= 1;
        std::fs::write(dir.join("damaged.jsonl.gz"), &damaged).unwrap();
        std::fs::write(dir.join("cut.jsonl.gz"), &gz[..gz.len() / 2]).unwrap();
        let out = dir.join("out.jsonl");
        let rep = dir.join("r.json");
        let run = |extra: &[&str]| {
            let mut args = vec![
                "clean",
                dir.to_str().unwrap(),
                "--format",
                "jsonl",
                "-o",
                out.to_str().unwrap(),
                "--report",
                rep.to_str().unwrap(),
            ];
            args.extend(extra);
            let o = deboil_ok(&args);
            let written = std::fs::read_to_string(&out).unwrap();
            let sources: Vec<String> = written
                .lines()
                .map(|l| {
                    serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string()
                })
                .collect();
            let report: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&rep).unwrap()).unwrap();
            (
                String::from_utf8_lossy(&o.stderr).into_owned(),
                sources,
                report,
            )
        };
        let from =
            |sources: &[String], name: &str| sources.iter().filter(|s| s.contains(name)).count();

        let (stderr, sources, report) = run(&[]);
        let failed = &report["totals"]["documents_failed"];
        assert_eq!(failed["corrupt-archive"], 1, "{failed}");
        assert_eq!(failed["truncated-archive"], 1, "{failed}");
        assert_eq!(from(&sources, "damaged.jsonl.gz"), 0, "{stderr}");
        assert!(from(&sources, "cut.jsonl.gz") > 100, "{stderr}");
        assert!(stderr.contains("none of its records are used"), "{stderr}");
        assert_accounted(&report);

        let (stderr, sources, report) = run(&["--no-boilerplate", "--dedup", "none"]);
        let failed = &report["totals"]["documents_failed"];
        assert_eq!(failed["corrupt-archive"], 1, "{failed}");
        assert_eq!(from(&sources, "damaged.jsonl.gz"), 400, "{stderr}");
        assert!(stderr.contains("may be damaged"), "{stderr}");
        assert_accounted(&report);
    }

    /// Inputs that could not be used at all (a corrupt or fake archive, UTF-16 JSONL) fail the
    /// run like bad records do when nothing is written; an empty file alone is no error.
    #[test]
    fn nothing_written_from_unusable_inputs_exits_2_but_an_empty_file_does_not() {
        let dir = tmpdir("unusable");
        let mut gz = Vec::new();
        {
            let mut e = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
            std::io::Write::write_all(&mut e, "{\"text\":\"A line.\"}\n".repeat(2000).as_bytes())
                .unwrap();
            e.finish().unwrap();
        }
        let cases: [(&str, Vec<u8>, &str); 4] = [
            ("cut.jsonl.gz", gz[..20].to_vec(), "truncated-archive"),
            ("fake.gz", b"not gzip".to_vec(), "invalid-gzip"),
            (
                "u16.jsonl",
                "\u{feff}{\"text\":\"hi\"}\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect(),
                "unsupported-encoding",
            ),
            ("empty.gz", Vec::new(), "empty"),
        ];
        // an earlier run's output: a run that could use nothing leaves it as it was
        let out = dir.join("out.jsonl");
        std::fs::write(&out, "{\"id\":\"earlier\"}\n").unwrap();
        let out_dir = dir.join("out-dir");
        let good = dir.join("good.txt");
        std::fs::write(
            &good,
            "Title\n\nA body line long enough to stay in the output.\n",
        )
        .unwrap();
        let o = deboil(&[
            "clean",
            good.to_str().unwrap(),
            "-q",
            "-o",
            out_dir.to_str().unwrap(),
        ]);
        assert!(o.status.success());
        let listed = std::fs::read_to_string(out_dir.join(".deboil-manifest")).unwrap();
        for (name, bytes, kind) in cases {
            let f = dir.join(name);
            std::fs::write(&f, bytes).unwrap();
            if kind != "empty" {
                let o = deboil(&[
                    "clean",
                    f.to_str().unwrap(),
                    "-q",
                    "-o",
                    out_dir.to_str().unwrap(),
                ]);
                assert_eq!(o.status.code(), Some(2));
                assert!(out_dir.join("good.txt").is_file(), "{name}");
                assert_eq!(
                    std::fs::read_to_string(out_dir.join(".deboil-manifest")).unwrap(),
                    listed
                );
            }
            let (o, r) = report(&[
                "clean",
                f.to_str().unwrap(),
                "--format",
                "jsonl",
                "-o",
                out.to_str().unwrap(),
            ]);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(r["totals"]["documents_failed"][kind], 1, "{name}: {r}");
            if kind == "empty" {
                assert_eq!(o.status.code(), Some(0), "{name}: {err}");
            } else {
                assert_eq!(o.status.code(), Some(2), "{name}: {err}");
                assert!(
                    err.contains(
                        "nothing written: 1 of 1 inputs and records failed (errors above)"
                    ),
                    "{err}"
                );
                // no "rest" is named where every input failed
                assert!(!err.contains("the rest"), "{err}");
                assert!(
                    err.contains("the output of an earlier run is left as it was"),
                    "{err}"
                );
                assert_eq!(
                    std::fs::read_to_string(&out).unwrap(),
                    "{\"id\":\"earlier\"}\n",
                    "{name}"
                );
            }
        }
    }

    /// A text file with a stray NUL byte is read (the NUL dropped, a warning at its line);
    /// UTF-16 without a byte-order mark is decoded, with a warning naming it; a file of NUL
    /// and control bytes is still binary.
    #[test]
    fn a_stray_nul_is_dropped_and_utf16_without_a_bom_is_decoded() {
        let dir = tmpdir("nul-utf16");
        let body = "The council voted on Tuesday to build new lanes along the ring road.";
        let nul = dir.join("nul.txt");
        std::fs::write(&nul, format!("A Headline\n\n14 Ma\0y\n{body}\n")).unwrap();
        let wide = dir.join("wide.txt");
        let wide_body = "The library reopened on Wednesday morning after eight months of repairs.";
        let text = format!("Another Headline\r\n\r\n{wide_body}\r\n");
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        std::fs::write(&wide, le).unwrap();
        let bin = dir.join("bin.txt");
        std::fs::write(&bin, b"\0\x01\x02\x03data".repeat(50)).unwrap();
        let (o, r) = report(&[
            "clean",
            "--no-config",
            nul.to_str().unwrap(),
            wide.to_str().unwrap(),
            bin.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{err}");
        let out = stdout(&o);
        assert!(out.contains(body) && out.contains(wide_body), "{out}");
        assert!(!out.contains('\0'), "{out:?}");
        assert!(
            err.contains(&format!(
                "warning: {}:3: 1 NUL byte(s) dropped",
                nul.display()
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "warning: {}:1: read as UTF-16LE without a byte-order mark",
                wide.display()
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!("{}: binary file", bin.display())),
            "{err}"
        );
        assert_eq!(r["totals"]["warnings"]["nul-bytes"], 1);
        assert_eq!(r["totals"]["warnings"]["utf16-without-bom"], 1);
        assert_eq!(r["totals"]["documents_failed"]["binary"], 1);
        assert_eq!(r["totals"]["documents_out"], 2);
    }

    /// `--text-field` and `--id-field` take a dotted name for a nested field; the JSONL output
    /// has the cleaned text as `text` and carries the rest of the nested object.
    #[test]
    fn a_dotted_text_field_reads_nested_records() {
        let dir = tmpdir("nested-field");
        let f = dir.join("in.jsonl");
        std::fs::write(
            &f,
            "{\"doc\": {\"key\": \"k1\", \"body\": \"A body line that stays in the \
             output.\", \"lang\": \"en\"}, \"n\": 1}\n",
        )
        .unwrap();
        let o = deboil_ok(&[
            "clean",
            "--no-config",
            f.to_str().unwrap(),
            "--text-field",
            "doc.body",
            "--id-field",
            "doc.key",
            "--format",
            "jsonl",
            "-q",
        ]);
        let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert_eq!(v["id"], "k1");
        assert_eq!(v["text"], "A body line that stays in the output.");
        assert_eq!(v["doc"], serde_json::json!({"lang": "en"}));
        assert_eq!(v["n"], 1);
        // a path that is not there names what is
        let o = deboil(&["clean", f.to_str().unwrap(), "--text-field", "doc.html"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&format!(
                "{}:1: expected a JSON object with a \"doc.html\" string; the field \
                 \"doc.html\" is missing (\"doc\" holds fields: key, body, lang; see \
                 --text-field)",
                f.display()
            )),
            "{err}"
        );
    }

    /// A report an earlier run wrote into its input directory is not read by the next run
    /// over that directory (warning `deboil-report`), nor when named.
    #[test]
    fn a_report_in_an_input_directory_is_not_read_on_the_next_run() {
        let dir = tmpdir("report-in-input");
        let body = "A body line that stays in the output of this small document.";
        std::fs::write(dir.join("a.txt"), format!("Title\n\n{body}\n")).unwrap();
        let rep = dir.join("report.json");
        let first = deboil_ok(&[
            "clean",
            "--no-config",
            dir.to_str().unwrap(),
            "--report",
            rep.to_str().unwrap(),
        ]);
        for args in [
            vec!["clean", "--no-config", dir.to_str().unwrap()],
            vec![
                "clean",
                "--no-config",
                rep.to_str().unwrap(),
                dir.join("a.txt").to_str().unwrap(),
            ],
        ] {
            let again = deboil(&args);
            let err = String::from_utf8_lossy(&again.stderr);
            assert_eq!(again.status.code(), Some(0), "{err}");
            assert_eq!(again.stdout, first.stdout);
            assert!(
                err.contains(&format!(
                    "warning: {}: not read: a deboil report",
                    rep.display()
                )),
                "{err}"
            );
            assert!(err.contains("1 input"), "{err}");
        }
    }

    #[test]
    fn records_without_the_text_field_name_their_fields_and_exit_2() {
        let dir = tmpdir("notext");
        let f = dir.join("in.jsonl");
        std::fs::write(
            &f,
            "{\"doc_id\":\"a\",\"content\":\"A body line.\"}\n\
             {\"doc_id\":\"b\",\"content\":\"Another body line.\"}\n",
        )
        .unwrap();
        let (o, r) = report(&["clean", f.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&format!(
                "{}:2: expected a JSON object with a \"text\" string; the field \"text\" is \
                 missing (fields: doc_id, content; see --text-field)",
                f.display()
            )),
            "{err}"
        );
        assert!(err.contains("nothing written"), "{err}");
        // the report is still written
        assert_eq!(r["totals"]["documents_failed"]["missing-text-field"], 2);
        assert_eq!(r["totals"]["documents_out"], 0);
        // the right field: cleaned, exit 0
        let o = deboil(&[
            "clean",
            f.to_str().unwrap(),
            "--text-field",
            "content",
            "-q",
        ]);
        assert!(o.status.success());
        assert!(stdout(&o).contains("Another body line."));
        // one good record among bad ones: exit 0 as before
        let mixed = dir.join("mixed.jsonl");
        let mut body = std::fs::read_to_string(&f).unwrap();
        body.push_str("{\"text\":\"A Headline\\n\\nA body line that stays.\"}\n");
        std::fs::write(&mixed, body).unwrap();
        let o = deboil(&["clean", mixed.to_str().unwrap(), "-q"]);
        assert_eq!(o.status.code(), Some(0));
        // an input with no record at all (empty) keeps exit 0
        let empty = dir.join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let o = deboil(&["clean", empty.to_str().unwrap(), "-q"]);
        assert_eq!(o.status.code(), Some(0));
        // `dups` and `dedup sigs` too: every record failed is exit 2, and no signatures file
        let sigs = dir.join("s.jsonl");
        let o = deboil(&[
            "dedup",
            "sigs",
            f.to_str().unwrap(),
            "-o",
            sigs.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("nothing read: 2 of 2 inputs and records failed"),
            "{err}"
        );
        assert!(!sigs.exists());
        assert_eq!(
            deboil(&["dups", f.to_str().unwrap()]).status.code(),
            Some(2)
        );
        let o = deboil(&["dups", mixed.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(
            deboil(&["dups", empty.to_str().unwrap()]).status.code(),
            Some(0)
        );
    }

    #[test]
    fn a_tiny_fake_archive_is_invalid_not_truncated() {
        let dir = tmpdir("tinyfake");
        let gz = dir.join("x.gz");
        let zst = dir.join("x.zst");
        std::fs::write(&gz, "hello").unwrap();
        std::fs::write(&zst, "hi").unwrap();
        let (o, r) = report(&["clean", gz.to_str().unwrap(), zst.to_str().unwrap()]);
        // nothing could be used: nothing written, exit 2
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("{}: not a valid gzip stream", gz.display())),
            "{err}"
        );
        let failed = &r["totals"]["documents_failed"];
        assert_eq!(failed["invalid-gzip"], 1, "{failed}");
        assert_eq!(failed["invalid-zstd"], 1, "{failed}");
        assert!(failed.get("truncated-archive").is_none(), "{failed}");
        assert_accounted(&r);
    }

    #[test]
    fn invalid_utf8_in_jsonl_is_named_by_file_and_line() {
        let dir = tmpdir("bad8b");
        let f = dir.join("bad8b.jsonl");
        std::fs::write(
            &f,
            b"{\"text\":\"Good line one.\"}\n{\"text\":\"Bad \xff\xfe here.\"}\n{\"text\":\"Ok again.\"}\n",
        )
        .unwrap();
        let (o, r) = report(&["clean", f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0));
        let err = String::from_utf8_lossy(&o.stderr);
        let want = format!(
            "{}:2: 2 invalid UTF-8 sequence(s) repaired: a line that reads as Windows-1252 is decoded so, other bytes become U+FFFD",
            f.display()
        );
        assert!(err.contains(&format!("warning: {want}")), "{err}");
        let w = &r["warnings"][0];
        assert_eq!(w["kind"], "repaired-utf8", "{r}");
        assert_eq!(w["location"], format!("{}:2", f.display()), "{r}");
        assert_eq!(r["totals"]["repaired_utf8"], 2);
        assert_accounted(&r);
    }

    #[test]
    fn strict_makes_invalid_utf8_a_failure_at_its_line() {
        let dir = tmpdir("strictutf8");
        let j = dir.join("bad8b.jsonl");
        std::fs::write(
            &j,
            b"{\"text\":\"Good line one.\"}\n{\"text\":\"Bad \xff here.\"}\n",
        )
        .unwrap();
        let t = dir.join("bad.txt");
        std::fs::write(&t, b"A Headline\n\nA body \xfe line.\n").unwrap();
        for cmd in ["clean", "dups"] {
            for (f, line) in [(&j, 2), (&t, 3)] {
                let o = deboil(&[cmd, f.to_str().unwrap(), "--strict"]);
                let err = String::from_utf8_lossy(&o.stderr);
                assert_eq!(o.status.code(), Some(2), "{cmd}: {err}");
                assert!(
                    err.contains(&format!(
                        "{}:{line}: invalid UTF-8 (1 byte sequence(s)",
                        f.display()
                    )),
                    "{cmd}: {err}"
                );
                assert!(err.contains("run stopped (--strict)"), "{cmd}: {err}");
            }
        }
        // without --strict: repaired, a warning, exit 0
        let (o, r) = report(&["clean", j.to_str().unwrap(), t.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(r["totals"]["warnings"]["repaired-utf8"], 2);
        assert!(r["totals"]["documents_failed"]
            .as_object()
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_pretty_printed_json_file_is_one_clear_error() {
        let dir = tmpdir("pretty");
        let p = dir.join("p.json");
        let doc = serde_json::json!([{"text": "A Headline\n\nA body line."}, {"text": "b"}]);
        std::fs::write(&p, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        let (o, r) = report(&["clean", p.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        // one error for the file, at its first line; nothing written: exit 2 as for any
        // input whose every record fails
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&format!(
                "{}:1: a JSON document (an array) spread over several lines, not JSON Lines \
                 (one object per line); convert it with `jq -c '.[]'`",
                p.display()
            )),
            "{err}"
        );
        assert_eq!(err.matches("p.json:").count(), 1, "{err}");
        assert_eq!(r["totals"]["documents_in"], 1);
        assert_eq!(r["totals"]["documents_failed"]["not-jsonl"], 1);
        assert_eq!(r["failures"].as_array().unwrap().len(), 1, "{r}");
        assert_accounted(&r);
        // beside a good input the run goes on
        let (o, r) = report(&[
            "clean",
            p.to_str().unwrap(),
            "seeds/000_1129f5ca16d4c8c9.txt",
        ]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(r["totals"]["documents_failed"]["not-jsonl"], 1);
        assert_accounted(&r);
    }

    /// A JSONL file with old Mac line ends (lone CRs) is read record by record, as the same
    /// file with LF ends is (it used to be one glued line that failed whole): the same records
    /// out and the same totals, a bad record named at its own line, `--dry-run` counting the
    /// CR-ended lines, and stdin sniffed as JSONL by its first CR-ended line.
    #[test]
    fn jsonl_with_cr_line_ends_is_read_record_by_record() {
        let dir = tmpdir("mac-jsonl");
        let records = [
            r#"{"id":"one","text":"A Headline Here\n\nShare this article\n\nThe first record body line stays here, with enough words to be prose."}"#,
            r#"{"id":"two","text":"Second Headline\n\nThe second record body line stays here, with enough words too."}"#,
            r#"{"id": broken"#,
            r#"{"id":"four","text":"Fourth Headline\n\nThe fourth record body line stays here, with enough words too."}"#,
        ];
        let mut runs = Vec::new();
        for end in ["\n", "\r"] {
            let sub = dir.join(if end == "\r" { "cr" } else { "lf" });
            std::fs::create_dir_all(&sub).unwrap();
            let feed = sub.join("feed.jsonl");
            std::fs::write(&feed, records.map(|r| format!("{r}{end}")).concat()).unwrap();
            let (o, r) = report(&["clean", feed.to_str().unwrap(), "--format", "jsonl"]);
            let err = String::from_utf8_lossy(&o.stderr).into_owned();
            assert_eq!(o.status.code(), Some(0), "{err}");
            assert!(
                err.contains(&format!(
                    "{}:3: expected a JSON object with a \"text\" string",
                    feed.display()
                )),
                "{err}"
            );
            assert_eq!(r["totals"]["documents_in"], 4, "{r}");
            assert_eq!(r["totals"]["documents_failed"]["invalid-json"], 1, "{r}");
            assert_accounted(&r);
            let dry = deboil(&["clean", feed.to_str().unwrap(), "--dry-run", "-q"]);
            assert!(
                stdout(&dry).starts_with(&format!(
                    "{}:1 (id one) line 3: R003 ui-label-line [widget label \"Share this article\"]: Share this article\n",
                    feed.display()
                )),
                "{}",
                stdout(&dry)
            );
            let ids: Vec<String> = stdout(&o)
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
                .collect();
            assert_eq!(ids, ["\"one\"", "\"two\"", "\"four\""]);
            runs.push((stdout(&o).replace("/cr/", "/lf/"), r["totals"].clone()));
        }
        assert_eq!(runs[0], runs[1]);
        // stdin: sniffed as JSONL by its first line, which a CR ends
        let cr = records.map(|r| format!("{r}\r")).concat();
        let o = deboil_stdin(&["clean", "--format", "jsonl", "-q"], cr.as_bytes());
        assert_eq!(stdout(&o).lines().count(), 3, "{}", stdout(&o));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("-:3: expected a JSON object"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    #[test]
    fn an_empty_directory_is_a_warning_not_a_failed_document() {
        let dir = tmpdir("emptydir");
        let e = dir.join("e");
        std::fs::create_dir_all(&e).unwrap();
        let (o, r) = report(&["clean", e.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        // nothing at all to read: a run that found no input file fails, after the warning
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains("nothing to read: no input file found"),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "deboil: warning: {}: directory holds no input files",
                e.display()
            )),
            "{err}"
        );
        let t = &r["totals"];
        assert_eq!(t["documents_in"], 0, "{t}");
        assert_eq!(t["inputs"], 0, "{t}");
        assert!(t["documents_failed"].as_object().unwrap().is_empty(), "{t}");
        assert_eq!(t["warnings"]["no-inputs"], 1, "{t}");
        assert_eq!(r["warnings"][0]["location"], e.to_str().unwrap(), "{r}");
        assert_accounted(&r);
        // beside a document, the document is read and counted alone
        let (o, r) = report(&[
            "clean",
            e.to_str().unwrap(),
            "seeds/000_1129f5ca16d4c8c9.txt",
        ]);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(r["totals"]["documents_in"], 1);
        assert_eq!(r["totals"]["inputs"], 1);
        assert_accounted(&r);
    }

    #[test]
    fn accounting_holds_on_every_hostile_case() {
        for case in std::fs::read_dir(root().join("fixtures")).unwrap() {
            let case = case.unwrap().path();
            if !case
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("hostile-")
            {
                continue;
            }
            let input = std::fs::read_dir(&case)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| {
                    p.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .starts_with("input")
                })
                .unwrap();
            let (o, r) = report(&["clean", input.to_str().unwrap()]);
            let err = String::from_utf8_lossy(&o.stderr);
            // exit 2 only when nothing could be used, and then with the report written
            let nothing = r["totals"]["documents_out"] == 0
                && r["totals"]["documents_failed"]
                    .as_object()
                    .is_some_and(|f| f.keys().any(|k| k != "empty"));
            assert_eq!(
                o.status.code(),
                Some(if nothing { 2 } else { 0 }),
                "{}: {err}",
                case.display()
            );
            assert_accounted(&r);
        }
    }
}
#[test]
fn near_copy_in_the_same_document_has_its_diff_in_clean_and_dedup_apply() {
    let dir = tmpdir("same-doc-diff");
    let input = dir.join("page.txt");
    let para =
        "The quick brown fox jumps over the lazy dog near the river bank today and again tomorrow";
    std::fs::write(
        &input,
        format!("{para} morning.\n\nA different paragraph in between, about something else entirely.\n\n{para} evening.\n"),
    )
    .unwrap();
    let (input, sigs, dec) = (
        input.display().to_string(),
        dir.join("sigs.jsonl").display().to_string(),
        dir.join("dec.jsonl").display().to_string(),
    );
    let diff_of = |report: &serde_json::Value| {
        let removals = report["documents"][0]["removals"]
            .as_array()
            .unwrap()
            .clone();
        let near: Vec<_> = removals.iter().filter(|r| r["rule"] == "D002").collect();
        assert_eq!(near.len(), 1, "{removals:?}");
        near[0]["kept"]["diff"].as_str().unwrap().to_string()
    };
    let r = report_of(&["clean", &input, "--no-config"], "same-doc-diff-clean");
    assert!(
        diff_of(&r).ends_with("[-morning.-]{+evening.+}"),
        "{}",
        diff_of(&r)
    );
    assert!(deboil(&["dedup", "sigs", &input, "-o", &sigs])
        .status
        .success());
    assert!(deboil(&["dedup", "decide", &sigs, "-o", &dec])
        .status
        .success());
    let r2 = report_of(
        &["dedup", "apply", &input, "--decisions", &dec, "--no-config"],
        "same-doc-diff-apply",
    );
    assert_eq!(diff_of(&r2), diff_of(&r));
}

/// The articles of a split JSONL record get ids of their own (`X#0`, `X#1`), and a duplicate's
/// `kept` reference says which input and record line hold the kept copy, in `clean` and in
/// `dedup apply` alike.
#[test]
fn split_records_get_part_ids_and_kept_names_its_record() {
    let input = "fixtures/jsonl-split-ids/input.jsonl";
    let o = deboil(&["clean", input, "--no-config", "--format", "jsonl", "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ids: Vec<(String, u64)> = stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["part"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [("wire-1#0", 0), ("wire-1#1", 1), ("wire-2", 0)];
    assert_eq!(ids, want.map(|(i, p)| (i.to_string(), p)));

    let dir = tmpdir("kept-ref");
    let (sigs, dec) = (dir.join("sigs.jsonl"), dir.join("dec.jsonl"));
    let (sigs, dec) = (sigs.to_str().unwrap(), dec.to_str().unwrap());
    for args in [
        &["dedup", "sigs", input, "--no-config", "-o", sigs][..],
        &["dedup", "decide", sigs, "-o", dec],
    ] {
        let o = deboil(args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    for (args, name) in [
        (&["clean", input, "--no-config"][..], "kept-ref-clean"),
        (
            &["dedup", "apply", input, "--no-config", "--decisions", dec],
            "kept-ref-apply",
        ),
    ] {
        let r = report_of(args, name);
        let docs = r["documents"].as_array().unwrap();
        let wire2 = docs.iter().find(|d| d["id"] == "wire-2").unwrap();
        let kept = &wire2["removals"][0]["kept"];
        assert_eq!(
            kept,
            &serde_json::json!({
                "id": "wire-1", "source": input, "record_line": 1, "part": 1, "para": 2,
                "line": 11, "similarity": 1.0, "diff": "",
            }),
            "{name}"
        );
    }
}

#[test]
fn dedup_steps_sigs_decide_apply_match_clean() {
    let dir = tmpdir("dedup-steps");
    let mut cases: Vec<(String, Vec<String>)> = vec![("seeds".into(), vec!["seeds".into()])];
    for c in ["rule-d001", "rule-d002", "rule-d003"] {
        cases.push((c.into(), vec![format!("fixtures/{c}/input.jsonl")]));
    }
    for prefer in ["first", "longest"] {
        for (name, inputs) in &cases {
            let p = |f: &str| {
                dir.join(format!("{name}-{prefer}-{f}"))
                    .display()
                    .to_string()
            };
            let ins: Vec<&str> = inputs.iter().map(String::as_str).collect();
            // each step takes only the flags it uses: `--prefer` is for deciding, the rule
            // flags for the steps that run rules
            let with = |cmd: &[&str], rest: &[&str]| {
                let mut a: Vec<&str> = cmd.to_vec();
                a.extend(rest);
                match cmd[..2] {
                    ["dedup", "decide"] => a.extend(["--prefer", prefer]),
                    ["dedup", "sigs"] => a.push("--no-config"),
                    ["dedup", "apply"] => a.extend(["-q", "--no-config"]),
                    // clean keeps the first copy (it refuses --prefer longest); on these
                    // inputs the longest copy is the first one too
                    _ => a.extend(["-q", "--no-config"]),
                }
                let o = deboil(&a);
                assert!(
                    o.status.success(),
                    "{a:?}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
            };
            let clean = p("clean.jsonl");
            let (sigs, dec, applied) = (p("sigs.jsonl"), p("dec.jsonl"), p("apply.jsonl"));
            with(
                &[&["clean"][..], &ins].concat(),
                &["--format", "jsonl", "-o", &clean],
            );
            with(&[&["dedup", "sigs"][..], &ins].concat(), &["-o", &sigs]);
            with(&["dedup", "decide", &sigs], &["-o", &dec]);
            with(
                &[&["dedup", "apply"][..], &ins].concat(),
                &["--decisions", &dec, "--format", "jsonl", "-o", &applied],
            );
            let (a, b) = (
                std::fs::read(&clean).unwrap(),
                std::fs::read(&applied).unwrap(),
            );
            assert!(!a.is_empty(), "{name}");
            assert!(
                a == b,
                "{name} --prefer {prefer}: dedup apply differs from clean"
            );
            // one `sigs` run per input file (shards), decided together in input order
            let files = input_files(&ins);
            let mut shard_sigs = Vec::new();
            for (i, f) in files.iter().enumerate() {
                let s = p(&format!("sigs-{i}.jsonl"));
                with(&["dedup", "sigs", f], &["-o", &s]);
                shard_sigs.push(s);
            }
            let (dec2, applied2) = (p("dec-shards.jsonl"), p("apply-shards.jsonl"));
            let sig_args: Vec<&str> = shard_sigs.iter().map(String::as_str).collect();
            with(
                &[&["dedup", "decide"][..], &sig_args].concat(),
                &["-o", &dec2],
            );
            let file_args: Vec<&str> = files.iter().map(String::as_str).collect();
            with(
                &[&["dedup", "apply"][..], &file_args].concat(),
                &["--decisions", &dec2, "--format", "jsonl", "-o", &applied2],
            );
            assert!(
                std::fs::read(&applied2).unwrap() == a,
                "{name} --prefer {prefer}: dedup apply over per-file signatures differs from clean"
            );
            // the per-file signatures joined into one file (`cat`): each run's records are
            // numbered after the previous run's, as for separate files
            let joined = p("sigs-joined.jsonl");
            let all: Vec<u8> = shard_sigs
                .iter()
                .flat_map(|s| std::fs::read(s).unwrap())
                .collect();
            std::fs::write(&joined, all).unwrap();
            let (dec3, applied3) = (p("dec-joined.jsonl"), p("apply-joined.jsonl"));
            with(&["dedup", "decide", &joined], &["-o", &dec3]);
            with(
                &[&["dedup", "apply"][..], &file_args].concat(),
                &["--decisions", &dec3, "--format", "jsonl", "-o", &applied3],
            );
            assert!(
                std::fs::read(&applied3).unwrap() == a,
                "{name} --prefer {prefer}: dedup apply over joined signatures differs from clean"
            );
            if name.starts_with("rule-d") {
                let d = std::fs::read_to_string(&dec).unwrap();
                assert!(!d.trim().is_empty(), "{name}: no decisions");
            }
        }
    }
}

/// The closing line of a decisions file says what `sigs` signed: `apply` refuses an input that
/// was not signed, one that changed, other settings; `decide` refuses signatures that are not
/// one run. Before, each of these ran to exit 0 and left repeats in the output.
#[test]
fn dedup_steps_refuse_inputs_and_settings_that_do_not_fit() {
    let dir = tmpdir("dedup-fit");
    let p = |f: &str| dir.join(f).display().to_string();
    let files = input_files(&["seeds"]);
    let first = files[0].clone();
    let rest: Vec<String> = files[1..].to_vec();
    // a command line: its words, then the inputs (when given), then more words
    let line = |cmd: &[&str], inputs: &[String], more: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = cmd.iter().map(|w| w.to_string()).collect();
        a.extend(inputs.iter().cloned());
        a.extend(more.iter().map(|w| w.to_string()));
        if cmd.get(1) != Some(&"decide") {
            a.push("--no-config".into());
        }
        a
    };
    let run = |a: &[String]| deboil(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let fails_with = |a: Vec<String>, said: &str| {
        let o = run(&a);
        assert_eq!(o.status.code(), Some(2), "{a:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(said), "{a:?}: {err}");
    };
    let ok = |a: Vec<String>| {
        let o = run(&a);
        assert!(
            o.status.success(),
            "{a:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    let (sigs, dec) = (p("rest.sigs"), p("rest.dec"));
    ok(line(&["dedup", "sigs"], &rest, &["-o", &sigs]));
    ok(line(&["dedup", "decide", &sigs], &[], &["-o", &dec]));
    let apply = |inputs: &[String], dec: &str, more: &[&str]| {
        let mut a = line(&["dedup", "apply"], inputs, &["--decisions", dec, "-q"]);
        a.extend(more.iter().map(|w| w.to_string()));
        a
    };
    // an input that `sigs` did not read
    let with_first: Vec<String> = std::iter::once(first.clone()).chain(rest.clone()).collect();
    fails_with(
        apply(&with_first, &dec, &[]),
        &format!(
            "{first} is not among the {} inputs `sigs` signed",
            rest.len()
        ),
    );
    // an input left out
    fails_with(apply(&rest[..rest.len() - 1], &dec, &[]), "was signed (");
    // another dedup scope than `decide` had
    fails_with(
        apply(&rest, &dec, &["--dedup", "doc"]),
        "decided with `--dedup corpus`, but `apply` runs with `--dedup doc`",
    );
    // a decisions file cut short
    let text = std::fs::read_to_string(&dec).unwrap();
    let cut: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("{\"signed\""))
        .collect();
    let cut_dec = p("cut.dec");
    std::fs::write(&cut_dec, cut.join("\n")).unwrap();
    fails_with(apply(&rest, &cut_dec, &[]), "no closing `signed` line");
    let para = "The same paragraph repeats here with enough words in it to count.";
    let (a, b) = (p("a.txt"), p("b.txt"));
    std::fs::write(&a, format!("Alpha\n\n{para}\n")).unwrap();
    std::fs::write(&b, format!("Beta\n\n{para}\n")).unwrap();
    let ab = [a, b];
    let (ab_sigs, ab_dec) = (p("ab.sigs"), p("ab.dec"));
    ok(line(&["dedup", "sigs"], &ab, &["-o", &ab_sigs]));
    ok(line(&["dedup", "decide", &ab_sigs], &[], &["-o", &ab_dec]));
    ok(apply(&ab, &ab_dec, &[]));
    let decided = std::fs::read_to_string(&ab_dec).unwrap();
    // a decisions file edited by hand is refused whole: a decision pointed past its
    // document (it was dropped silently), at a blank line, the document's line taken out (its
    // repeats were kept), the closing line's counts changed
    let edited_said = "its decisions are not as `decide` wrote them";
    let edited = p("edited.dec");
    let first_line = decided.lines().next().unwrap();
    let others: Vec<&str> = decided.lines().skip(1).collect();
    let mut first: serde_json::Value = serde_json::from_str(first_line).unwrap();
    assert_eq!(first["decisions"][0]["line"], 2, "{decided}");
    for line in [100_000, 1] {
        first["decisions"][0]["line"] = line.into();
        let mut lines = vec![first.to_string()];
        lines.extend(others.iter().map(|l| l.to_string()));
        std::fs::write(&edited, lines.join("\n")).unwrap();
        fails_with(apply(&ab, &edited, &[]), edited_said);
    }
    std::fs::write(&edited, others.join("\n")).unwrap();
    fails_with(apply(&ab, &edited, &[]), edited_said);
    let recounted = decided.replace("\"documents\":2,", "\"documents\":3,");
    assert_ne!(recounted, decided);
    std::fs::write(&edited, recounted).unwrap();
    fails_with(apply(&ab, &edited, &[]), edited_said);
    // the file as written, blank lines aside, is taken
    std::fs::write(&edited, decided.replace('\n', "\n\n")).unwrap();
    ok(apply(&ab, &edited, &[]));
    // `decide` over one shard's signatures twice, or over signatures of another scope
    let copy = p("copy.sigs");
    std::fs::copy(&sigs, &copy).unwrap();
    let x = p("x.dec");
    fails_with(
        line(&["dedup", "decide", &sigs, &copy], &[], &["-o", &x]),
        "was signed before",
    );
    fails_with(
        line(
            &["dedup", "decide", &sigs],
            &[],
            &["--dedup", "doc", "-o", &x],
        ),
        "signed with `--dedup corpus`, but `decide` runs with `--dedup doc`",
    );
    // a signature file is taken only whole: cut at a line end (a partial copy), a line
    // dropped or edited, or with no closing line at all, `decide` refuses it, naming it
    let signatures = std::fs::read_to_string(&sigs).unwrap();
    let lines: Vec<&str> = signatures.lines().collect();
    assert!(lines.len() > 3, "{signatures}");
    assert!(
        lines.last().unwrap().starts_with("{\"sigs_end\":"),
        "{signatures}"
    );
    let unfit = p("unfit.sigs");
    let mut edited_line: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    edited_line["paras"] = serde_json::json!([]);
    let edited_line = edited_line.to_string();
    let variants: [(Vec<&str>, &str); 4] = [
        (
            lines[..lines.len() - 2].to_vec(),
            "end without the closing `sigs_end` line of their run",
        ),
        (
            [&lines[..1], &lines[2..]].concat(),
            "lines dropped or added",
        ),
        (
            [&lines[..1], &[edited_line.as_str()], &lines[2..]].concat(),
            "not as `sigs` wrote them",
        ),
        (Vec::new(), "no signatures and no closing `sigs_end` line"),
    ];
    for (kept, said) in variants {
        std::fs::write(&unfit, kept.join("\n")).unwrap();
        let o = run(&line(&["dedup", "decide", &unfit], &[], &["-o", &x]));
        assert_eq!(o.status.code(), Some(2), "{kept:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(unfit.as_str()) && err.contains(said),
            "{said}: {err}"
        );
    }
    // without learned boilerplate in both steps that take the flag, `apply` (which has no
    // such flag) fits, and writes what `clean --no-boilerplate` writes
    let (nb_sigs, nb_dec, nb_out, nb_clean) = (
        p("nb.sigs"),
        p("nb.dec"),
        p("nb.jsonl"),
        p("nb-clean.jsonl"),
    );
    ok(line(
        &["dedup", "sigs"],
        &rest,
        &["--no-boilerplate", "-o", &nb_sigs],
    ));
    ok(line(
        &["dedup", "decide", &nb_sigs],
        &[],
        &["--no-boilerplate", "-o", &nb_dec],
    ));
    ok(apply(&rest, &nb_dec, &["--format", "jsonl", "-o", &nb_out]));
    ok(line(
        &["clean"],
        &rest,
        &[
            "--no-boilerplate",
            "--format",
            "jsonl",
            "-q",
            "-o",
            &nb_clean,
        ],
    ));
    assert_eq!(
        std::fs::read(nb_out).unwrap(),
        std::fs::read(nb_clean).unwrap()
    );
}

/// The input files of `inputs` in the order `clean` reads them (directories walked sorted).
fn input_files(inputs: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    for i in inputs {
        let p = std::path::Path::new(i);
        if p.is_dir() {
            let mut names: Vec<String> = std::fs::read_dir(p)
                .unwrap()
                .map(|e| e.unwrap().path().display().to_string())
                .collect();
            names.sort();
            files.extend(names);
        } else {
            files.push(i.to_string());
        }
    }
    files
}

#[test]
fn dedup_apply_names_a_decisions_file_it_cannot_read() {
    let dir = tmpdir("decisions-missing");
    let missing = dir.join("missing.jsonl");
    let input = "fixtures/rule-r014/input.txt";
    for p in [missing.to_str().unwrap(), dir.to_str().unwrap()] {
        let o = deboil(&["dedup", "apply", input, "--decisions", p, "-q"]);
        assert_eq!(o.status.code(), Some(2), "{p}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&format!("--decisions {p}: ")), "{err}");
        assert!(!err.contains("os error"), "{err}");
    }
}

#[test]
fn dedup_apply_refuses_decisions_made_for_other_inputs() {
    let dir = tmpdir("dedup-mismatch");
    let run_in = |cwd: &std::path::Path, args: &[&str]| {
        let flags: &[&str] = match args[1] {
            "apply" => &["-q", "--no-config"],
            "sigs" => &["--no-config"],
            _ => &[],
        };
        Command::new(env!("CARGO_BIN_EXE_deboil"))
            .current_dir(cwd)
            .args(args)
            .args(flags)
            .output()
            .unwrap()
    };
    let para = "A paragraph long enough to be deduplicated, repeated in two records of one file.";
    let records = |a: &str, b: &str| {
        format!("{{\"id\":\"{a}\",\"text\":\"{para}\"}}\n{{\"id\":\"{b}\",\"text\":\"{para}\"}}\n")
    };
    std::fs::write(dir.join("a.jsonl"), records("x", "y")).unwrap();
    std::fs::write(dir.join("b.jsonl"), records("z", "w")).unwrap();
    for args in [
        ["dedup", "sigs", "a.jsonl", "-o", "sigs.jsonl"],
        ["dedup", "decide", "sigs.jsonl", "-o", "dec.jsonl"],
    ] {
        let o = run_in(&dir, &args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let dec = dir.join("dec.jsonl").display().to_string();
    assert!(std::fs::read_to_string(&dec)
        .unwrap()
        .contains("\"id\":\"y\""));
    // decisions made for a.jsonl, applied to b.jsonl: they address no document of the input
    let o = run_in(&dir, &["dedup", "apply", "b.jsonl", "--decisions", &dec]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("b.jsonl is not among the 1 inputs `sigs` signed"),
        "{err}"
    );
    // another a.jsonl, with other ids at the same places
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(dir.join("b.jsonl"), other.join("a.jsonl")).unwrap();
    let o = run_in(&other, &["dedup", "apply", "a.jsonl", "--decisions", &dec]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("were made for id \"y\", but the input's document there has id \"w\""),
        "{err}"
    );
    // the right inputs in another order than `sigs` read them: keep-first would turn around
    let other_para = "Another paragraph long enough to be deduplicated, in the second file twice.";
    std::fs::write(
        dir.join("c.jsonl"),
        format!(
            "{{\"id\":\"c1\",\"text\":\"{other_para}\"}}\n{{\"id\":\"c2\",\"text\":\"{other_para}\"}}\n"
        ),
    )
    .unwrap();
    for args in [
        ["dedup", "sigs", "a.jsonl", "c.jsonl", "-o", "sigs2.jsonl"],
        ["dedup", "decide", "sigs2.jsonl", "-o", "dec2.jsonl", ""],
    ] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        let o = run_in(&dir, &args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let dec2 = dir.join("dec2.jsonl").display().to_string();
    let o = run_in(
        &dir,
        &["dedup", "apply", "c.jsonl", "a.jsonl", "--decisions", &dec2],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("give `apply` the inputs in the order `sigs` read them"),
        "{err}"
    );
    let o = run_in(
        &dir,
        &["dedup", "apply", "a.jsonl", "c.jsonl", "--decisions", &dec2],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // the same input with its text edited since `sigs`: the decisions address other text now
    let edited = dir.join("edited");
    std::fs::create_dir_all(&edited).unwrap();
    let text = std::fs::read_to_string(dir.join("c.jsonl")).unwrap();
    let text = text.replacen("Another paragraph", "A changed paragraph", 2);
    std::fs::write(
        edited.join("a.jsonl"),
        std::fs::read(dir.join("a.jsonl")).unwrap(),
    )
    .unwrap();
    std::fs::write(edited.join("c.jsonl"), text).unwrap();
    let o = run_in(
        &edited,
        &["dedup", "apply", "a.jsonl", "c.jsonl", "--decisions", &dec2],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("the text of c.jsonl:2 part 0 (id \"c2\") changed since `sigs` read it"),
        "{err}"
    );
    // other rule settings than `sigs` had: other lines would be paragraphs; refused
    for other_rules in [
        &["--strictness", "high"][..],
        &["--keep-comments"],
        &["--ignore", "C001"],
        &["--select", "R0"],
    ] {
        let mut args = vec!["dedup", "apply", "a.jsonl", "c.jsonl", "--decisions", &dec2];
        args.extend(other_rules);
        let o = run_in(&dir, &args);
        assert_eq!(o.status.code(), Some(2), "{other_rules:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("decided after other rule settings than this run's"),
            "{other_rules:?}: {err}"
        );
    }
}

#[test]
fn dups_on_seeds_lists_only_the_doubled_lines() {
    // without --rules no rule runs and deboil.toml is not read
    let o = deboil(&["dups", "seeds"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let groups: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(groups.len() >= 5, "{groups:?}");
    let mut files = std::collections::BTreeSet::new();
    for g in &groups {
        let k = &g["kept"];
        files.insert(k["id"].as_str().unwrap().to_string());
        let copies = g["copies"].as_array().unwrap();
        assert!(!copies.is_empty());
        for c in copies {
            // a headline or caption printed again in its own article, word for word
            assert_eq!((&c["id"], &c["part"]), (&k["id"], &k["part"]), "{g}");
            assert!(c["para"].as_u64() > k["para"].as_u64(), "{g}");
            assert_eq!(c["similarity"].as_f64(), Some(1.0), "{g}");
        }
    }
    assert_eq!(files.len(), 3, "{files:?}");
    // the same run is deterministic at any thread count
    let o1 = deboil(&["dups", "seeds", "-j", "1"]);
    assert_eq!(o1.stdout, o.stdout);
    // with clean's rules, the rules remove those doubles and dedup merges nothing on the seeds
    let r = deboil(&["dups", "seeds", "--no-config", "--rules"]);
    assert!(r.status.success());
    assert_eq!(stdout(&r), "");
    // document level: the seeds hold no near-duplicate articles
    let d = deboil(&["dups", "seeds", "--level", "document"]);
    assert!(d.status.success());
    assert_eq!(stdout(&d), "");
}

/// `dups --rules` shows what `clean` merges: a dedup code the selectors leave out is not grouped.
#[test]
fn dups_and_dedup_sigs_report_input_warnings_as_clean_does() {
    let d = tmpdir("dups-warnings");
    let bad = d.join("bad.jsonl");
    std::fs::write(&bad, b"{\"text\":\"ok \xff here\"}\n").unwrap();
    let bad = bad.to_str().unwrap();
    for args in [vec!["dups", bad], vec!["dedup", "sigs", bad]] {
        let o = deboil(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{args:?}: {err}");
        assert!(
            err.contains(&format!(
                "deboil: warning: {bad}:1: 1 invalid UTF-8 sequence"
            )),
            "{args:?}: {err}"
        );
    }
}

/// Versions of one article from one source (a live blog's updates, re-scrapes of an updated
/// page) share every paragraph of the article, so learned boilerplate counts each in all of
/// them. A document whose recurring lines hold most of its words is such a version: its long
/// paragraphs are left to dedup, which keeps their first copy (new-user trial: five versions
/// lost the article from every copy).
#[test]
fn versions_of_one_article_keep_it_once() {
    let d = tmpdir("versions");
    let body = [
        "The harbour authority opened the new ferry terminal on Monday morning after almost three years of building work on the eastern pier of the old port.",
        "Travellers can now buy tickets at six machines in the main hall, and the waiting room has space for about four hundred people on busy summer weekends.",
        "Local shop owners said they hoped the terminal would bring more visitors into the old town, where several cafes had closed during the long construction period.",
        "The authority said that the second stage, a covered walkway between the terminal and the railway station, should be finished before the end of next year.",
    ];
    let jsonl = d.join("versions.jsonl");
    let records: String = (1..=6)
        .map(|v| {
            let text = format!(
                "Home | Ferries | Timetables | Contact\n\nUpdate {v}: the first ferry left the pier on time with about {} passengers on board this morning.\n\n{}",
                100 + v,
                body.join("\n\n")
            );
            let record = serde_json::json!({
                "id": format!("v{v}"),
                "url": format!("https://port.example/news/terminal?v={v}"),
                "text": text,
            });
            format!("{record}\n")
        })
        .collect();
    std::fs::write(&jsonl, records).unwrap();
    let r = d.join("r.json");
    let j = jsonl.to_str().unwrap();
    let o = deboil(&[
        "clean",
        "-q",
        "--format",
        "jsonl",
        j,
        "--report",
        r.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    // every paragraph of the article comes out once, in the first version
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "v1");
    for p in body {
        assert_eq!(out.matches(p).count(), 1, "{p}\n{out}");
        assert!(first["text"].as_str().unwrap().contains(p), "{first}");
    }
    // the later versions' copies of the paragraphs go as repeats of the first's
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&r).unwrap()).unwrap();
    let rules = &report["totals"]["rules"];
    assert_eq!(rules["D001"]["lines"], 5 * body.len(), "{rules}");
    // with fewer words of its own, a version is not mostly recurring: the same paragraphs in
    // records that each carry a long text of their own stay boilerplate
    let own = "This record also carries a long paragraph of its own about something else entirely, number";
    let mixed: String = (1..=6)
        .map(|v| {
            let text = format!(
                "{own} {v}, with more words {}.\n\n{}",
                ["to say here about the weather and the tides and the boats in the harbour"; 4]
                    .join(" and "),
                body[0]
            );
            let record = serde_json::json!({
                "id": format!("m{v}"),
                "url": format!("https://port.example/other/{v}"),
                "text": text,
            });
            format!("{record}\n")
        })
        .collect();
    let mixed_path = d.join("mixed.jsonl");
    std::fs::write(&mixed_path, mixed).unwrap();
    let o = deboil(&[
        "clean",
        "-q",
        "--format",
        "jsonl",
        mixed_path.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).matches(body[0]).count(), 0);
}

#[test]
fn an_article_present_many_times_is_kept_once_not_learned_as_boilerplate() {
    let d = tmpdir("copies");
    let copies = d.join("copies");
    std::fs::create_dir_all(&copies).unwrap();
    let seed = &seeds::seed_files()[1];
    for i in 0..6 {
        std::fs::copy(seed, copies.join(format!("copy{i}.txt"))).unwrap();
    }
    let alone = deboil(&["clean", "-q", seed.to_str().unwrap()]).stdout;
    assert!(!alone.is_empty());
    let (c, r) = (copies.to_str().unwrap(), d.join("r.json"));
    let o = deboil(&["clean", "-q", c, "--report", r.to_str().unwrap()]);
    assert!(o.status.success());
    // the first copy comes out as the dump alone does; the others go whole (D004)
    assert_eq!(o.stdout, alone);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&r).unwrap()).unwrap();
    let rules = &report["totals"]["rules"];
    assert!(rules.get("D003").is_none(), "{rules}");
    assert_eq!(rules["D004"]["removals"], 5, "{rules}");
    assert_eq!(report["totals"]["documents_out"], 1);
    assert_eq!(report["totals"]["documents_dropped"]["duplicate-record"], 5);
    assert_eq!(
        report["documents"][1]["status"],
        "dropped: duplicate-record"
    );
    let kept = &report["documents"][1]["removals"][0]["kept"];
    assert_eq!(kept["id"], report["documents"][0]["id"], "{kept}");
    // with D004 ignored, exact paragraph dedup (D001) takes the copies' lines instead
    let o = deboil(&[
        "clean",
        "-q",
        c,
        "--ignore",
        "D004",
        "--report",
        r.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&r).unwrap()).unwrap();
    let rules = &report["totals"]["rules"];
    assert!(rules.get("D004").is_none(), "{rules}");
    assert!(rules["D001"]["lines"].as_u64().unwrap() > 0, "{rules}");

    // five records sharing a paragraph (not copies of each other): boilerplate by default;
    // with D003 ignored, or learning off, the paragraph is merged into its first copy
    let shared = "A sentence shared by every record of this file, long enough to be prose.";
    let jsonl = d.join("shared.jsonl");
    let lines: String = (0..5)
        .map(|i| {
            format!(
                "{{\"id\":\"r{i}\",\"text\":\"Record {i} has its own first line.\\n{shared}\"}}\n"
            )
        })
        .collect();
    std::fs::write(&jsonl, lines).unwrap();
    let j = jsonl.to_str().unwrap();
    let kept = |extra: &[&str]| {
        let mut args = vec!["clean", "-q", "--format", "jsonl", j];
        args.extend_from_slice(extra);
        stdout(&deboil(&args)).matches(shared).count()
    };
    assert_eq!(kept(&[]), 0);
    assert_eq!(kept(&["--ignore", "D003"]), 1);
    assert_eq!(kept(&["--no-boilerplate"]), 1);
    // within each document only: nothing is learned across documents
    assert_eq!(kept(&["--dedup", "doc"]), 5);
}

#[test]
fn a_warning_on_every_record_is_shown_a_few_times_and_counted() {
    let d = tmpdir("flood");
    let jsonl = d.join("same-id.jsonl");
    let lines: String = (0..50)
        .map(|i| format!("{{\"id\":\"same\",\"text\":\"Record number {i} says something.\"}}\n"))
        .collect();
    std::fs::write(&jsonl, lines).unwrap();
    let r = d.join("r.json");
    let o = deboil(&[
        "clean",
        "-q",
        jsonl.to_str().unwrap(),
        "--report",
        r.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    let shown = err.lines().filter(|l| l.contains("seen before")).count();
    assert_eq!(shown, deboil::report::SHOWN_PER_KIND, "{err}");
    assert!(
        err.contains("more `duplicate-id` warnings are not shown"),
        "{err}"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&r).unwrap()).unwrap();
    assert_eq!(report["warnings"].as_array().unwrap().len(), 49);
    assert_eq!(report["totals"]["warnings"]["duplicate-id"], 49);
}

#[test]
fn dups_with_rules_honours_ignored_dedup_codes() {
    let groups = |input: &str, extra: &[&str]| -> Vec<serde_json::Value> {
        let mut args = vec!["dups", input, "--rules", "--no-config"];
        args.extend(extra);
        let o = deboil(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let near = "fixtures/rule-d002/input.jsonl";
    let exact = "fixtures/rule-d001/input.jsonl";
    let similarities = |gs: &[serde_json::Value]| -> Vec<f64> {
        gs.iter()
            .flat_map(|g| g["copies"].as_array().unwrap().clone())
            .map(|c| c["similarity"].as_f64().unwrap())
            .collect()
    };
    let all = similarities(&groups(near, &[]));
    assert!(all.iter().any(|&s| s < 1.0), "{all:?}");
    assert!(similarities(&groups(near, &["--ignore", "D002"]))
        .iter()
        .all(|&s| s == 1.0));
    assert!(!groups(exact, &[]).is_empty());
    assert!(groups(exact, &["--ignore", "D001"]).is_empty());
    assert_eq!(groups(exact, &["--ignore", "D002"]), groups(exact, &[]));
    assert!(groups(exact, &["--select", "R001"]).is_empty());
}

/// Issue 3's planted corpus, scored through the CLI: exact copies all removed, near copies at
/// least 98%, hard negatives all kept, other paragraphs at least 99.9% kept. The corpus is built at run
/// time from the dev set's gold bodies (outside the repository); without them the test says so
/// and passes vacuously.
#[test]
fn planted_duplicates_are_found_through_the_cli() {
    let gold = root().join("../shared/devset/gold");
    if !gold.is_dir() {
        eprintln!("planted corpus skipped: no dev set at {}", gold.display());
        return;
    }
    let dir = tmpdir("planted");
    let corpus = dir.join("planted.jsonl");
    let labels = dir.join("labels.jsonl");
    let g = Command::new("python3")
        .arg(root().join("bench/gen_planted.py"))
        .args([
            "--gold",
            gold.to_str().unwrap(),
            "--seeds",
            root().join("seeds").to_str().unwrap(),
        ])
        .args([
            "--out",
            corpus.to_str().unwrap(),
            "--labels",
            labels.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(g.status.success(), "{}", String::from_utf8_lossy(&g.stderr));
    let rep = dir.join("r.json");
    let o = deboil(&[
        "clean",
        corpus.to_str().unwrap(),
        "--select",
        "D",
        "--format",
        "jsonl",
        "-q",
        "--report",
        rep.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&rep).unwrap()).unwrap();
    // removed (id, input line) pairs
    let mut removed = std::collections::HashSet::new();
    for d in report["documents"].as_array().unwrap() {
        for r in d["removals"].as_array().unwrap() {
            let (a, b) = (
                r["lines"][0].as_u64().unwrap(),
                r["lines"][1].as_u64().unwrap(),
            );
            for l in a..=b {
                removed.insert((d["id"].as_str().unwrap().to_string(), l));
            }
        }
    }
    // (id, para) -> input line: paragraphs are the non-blank lines of the record's text
    let mut line_of = std::collections::HashMap::new();
    for l in std::fs::read_to_string(&corpus).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let id = v["id"].as_str().unwrap().to_string();
        let mut para = 0;
        for (i, t) in v["text"].as_str().unwrap().split('\n').enumerate() {
            if !t.trim().is_empty() {
                line_of.insert((id.clone(), para), i as u64 + 1);
                para += 1;
            }
        }
    }
    let mut counts: std::collections::BTreeMap<String, (u64, u64)> = Default::default();
    for l in std::fs::read_to_string(&labels).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let id = v["id"].as_str().unwrap().to_string();
        let line = line_of[&(id.clone(), v["para"].as_u64().unwrap())];
        let e = counts
            .entry(v["label"].as_str().unwrap().to_string())
            .or_default();
        e.0 += 1;
        e.1 += u64::from(removed.contains(&(id, line)));
    }
    let share = |k: &str| counts.get(k).map_or(0.0, |(n, r)| *r as f64 / *n as f64);
    eprintln!("planted: {counts:?}");
    assert_eq!(share("exact"), 1.0, "{counts:?}");
    assert!(share("near") >= 0.98, "{counts:?}");
    assert_eq!(share("hardneg"), 0.0, "{counts:?}");
    let (n, r) = ["base", "other"]
        .iter()
        .filter_map(|k| counts.get(*k))
        .fold((0, 0), |a, c| (a.0 + c.0, a.1 + c.1));
    assert!(1.0 - r as f64 / n as f64 >= 0.999, "{counts:?}");
}

/// Every `--flag` the README names is a flag of some deboil command (or of the other tools it
/// quotes: cargo, python scripts), so the README cannot promise a flag that does not exist.
#[test]
fn readme_names_only_flags_that_exist() {
    use clap::CommandFactory;
    fn longs(c: &clap::Command, out: &mut std::collections::BTreeSet<String>) {
        for a in c.get_arguments() {
            if let Some(l) = a.get_long() {
                out.insert(format!("--{l}"));
            }
        }
        for s in c.get_subcommands() {
            longs(s, out);
        }
    }
    let mut known = std::collections::BTreeSet::new();
    longs(&deboil::cli::Cli::command(), &mut known);
    known.extend(["--help", "--version"].map(String::from));
    // flags of other tools the README quotes (cargo, score.py, tools/*.py)
    let others = [
        "--bench",
        "--example",
        "--release",
        "--path",
        "--cmd",
        "--json",
        "--tool",
        "--devset",
        "--bin",
        "--sets",
        "--pages",
    ];
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut unknown = Vec::new();
    for (i, _) in readme.match_indices("--") {
        let rest = &readme[i + 2..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        // `--boilerplate-min-*` names a family
        if name.ends_with('-') && rest[name.len()..].starts_with('*') {
            assert!(known.iter().any(|k| k.starts_with(&format!("--{name}"))));
            continue;
        }
        let flag = format!("--{name}");
        if !known.contains(&flag) && !others.contains(&flag.as_str()) {
            unknown.push(flag);
        }
    }
    assert!(
        unknown.is_empty(),
        "README names flags deboil lacks: {unknown:?}"
    );
}

/// The README's usage block shows every flag of `clean` and `check` (by its short form if it has
/// one), the dedup flags of `clean` standing as `[DEDUP FLAGS]` for its "Dedup flags" paragraph,
/// which holds only dedup flags.
#[test]
fn readme_usage_shows_every_flag_of_clean_and_check() {
    use clap::CommandFactory;
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme
        .split("## Usage\n\n```\n")
        .nth(1)
        .and_then(|r| r.split("\n```").next())
        .expect("usage block");
    // the usage of one command: its line and the indented lines under it
    let usage = |cmd: &str| -> String {
        let mut lines = block.lines().skip_while(|l| !l.starts_with(cmd));
        let first = lines.next().unwrap_or_else(|| panic!("no usage of {cmd}"));
        std::iter::once(first)
            .chain(lines.take_while(|l| l.starts_with(' ')))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let dedup = readme
        .split("Dedup flags of `clean` (`DEDUP FLAGS`): ")
        .nth(1)
        .and_then(|r| r.split("\n\n").next())
        .expect("dedup flags paragraph");
    // `flag` named as a whole word (`--dedup` is not `--dedup-x`)
    let names = |text: &str, flag: &str| {
        text.match_indices(flag).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + flag.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
        })
    };
    let cli = deboil::cli::Cli::command();
    for (cmd, dedup_ok) in [("clean", true), ("check", false)] {
        let shown = usage(&format!("deboil {cmd} "));
        let sub = cli.find_subcommand(cmd).unwrap();
        for a in sub.get_arguments() {
            let short = a.get_short().map(|c| format!("-{c}"));
            let Some(long) = a.get_long().map(|l| format!("--{l}")) else {
                continue;
            };
            if long == "--help" || a.is_hide_set() {
                continue;
            }
            // a flag with a short form shows that (`-o OUT`, `-j|--threads N`)
            let in_usage = match &short {
                Some(short) => names(&shown, short),
                None => names(&shown, &long),
            };
            assert!(
                in_usage || (dedup_ok && names(dedup, &long)),
                "the README's usage of `{cmd}` lacks {}:\n{shown}",
                short.as_deref().unwrap_or(&long)
            );
        }
    }
    assert!(usage("deboil clean ").contains("[DEDUP FLAGS]"));
    for flag in ["--max-record-bytes", "--threads", "--strict"] {
        assert!(!names(dedup, flag), "{flag} is not a dedup flag");
    }
}

#[test]
fn readme_rules_table_is_the_registry() {
    let o = deboil(&["rules", "--format", "markdown"]);
    assert!(o.status.success());
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- rules:start -->\n")
        .expect("rules:start marker")
        + 21;
    let end = readme.find("<!-- rules:end -->").expect("rules:end marker");
    assert!(
        readme[start..end] == stdout(&o),
        "the README's rules table differs from `deboil rules --format markdown`: run `make readme`"
    );
}

#[test]
fn check_runs_one_case_given_its_directory_and_names_a_missing_one() {
    let o = deboil(&["check", "fixtures/rule-r003"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        stdout(&o).ends_with("ok      rule-r003\n1 case, 0 failed\n"),
        "{}",
        stdout(&o)
    );
    let o = deboil(&["check", "no-such-fixtures"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no-such-fixtures: no such directory"), "{err}");
}

/// A fixtures folder as a CI checkout has it: hidden and tool folders, editors' backups, an
/// `args` file with a comment and a further input of the case.
#[test]
fn check_skips_what_is_no_case_and_names_what_failed() {
    let dir = tmpdir("check-tree");
    let body = "A body line that stays in the output of this small case document.\n";
    let case = |name: &str, files: &[(&str, &str)]| {
        std::fs::create_dir_all(dir.join(name)).unwrap();
        for (f, text) in files {
            std::fs::write(dir.join(name).join(f), text).unwrap();
        }
    };
    case(".git/objects", &[("x", "")]);
    case("__pycache__", &[("m.pyc", "")]);
    case(
        "good",
        &[
            ("input.txt", body),
            ("input.txt~", "an editor's backup"),
            ("more.txt", body),
            ("args", "# the case's second input, beside it\nmore.txt\n"),
        ],
    );
    let d = dir.to_str().unwrap();
    let o = deboil(&["check", d, "--bless"]);
    assert!(
        o.status.success(),
        "{}{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    let out = stdout(&o);
    assert!(out.contains("skip    __pycache__: no input.*"), "{out}");
    assert!(!out.contains(".git"), "{out}");
    // the further input is read from the case folder, not the current directory
    let expected = std::fs::read_to_string(dir.join("good/expected.txt")).unwrap();
    assert_eq!(expected.matches("A body line").count(), 1, "{expected}");
    let report = std::fs::read_to_string(dir.join("good/expected-report.json")).unwrap();
    assert!(report.contains("\"inputs\": 2"), "{report}");
    // a case that fails and one that cannot run are named on the last line
    case(
        "bad",
        &[("input.txt", body), ("expected.txt", "something else\n")],
    );
    case("two", &[("input.txt", body), ("INPUT.md", body)]);
    case("stdin", &[("input.txt", body), ("args", "-\n")]);
    // a flag that writes no output would bless an empty expected file that never fails
    case("dry", &[("input.txt", body), ("args", "--dry-run\n")]);
    let o = deboil(&["check", d]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(
        out.contains("more than one input file (INPUT.md, input.txt)"),
        "{out}"
    );
    assert!(
        out.contains("-: a case reads its files, not stdin"),
        "{out}"
    );
    assert!(
        out.contains("--dry-run: `check` compares the cleaned output"),
        "{out}"
    );
    assert!(
        out.ends_with("5 cases, 4 failed: bad, dry (error), stdin (error), two (error)\n"),
        "{out}"
    );
}

#[test]
fn warnings_and_failures_show_in_input_order() {
    let dir = tmpdir("notice-order");
    let jsonl = dir.join("m.jsonl");
    // a duplicate id (warning) on line 2, then a line that is no JSON (failure) on line 3
    std::fs::write(
        &jsonl,
        "{\"id\":\"a\",\"text\":\"First record text here\"}\n\
         {\"id\":\"a\",\"text\":\"Second record, same id\"}\n\
         not json\n",
    )
    .unwrap();
    // then a file with a byte that is no UTF-8 (warning)
    let latin = dir.join("n.txt");
    std::fs::write(&latin, b"caf\xe9 on the corner\n").unwrap();
    let (j, l) = (jsonl.to_str().unwrap(), latin.to_str().unwrap());
    let sigs = dir.join("s.jsonl");
    let runs: [Vec<&str>; 2] = [
        vec!["clean", j, l, "--format", "jsonl", "-q", "--no-config"],
        vec![
            "dedup",
            "sigs",
            j,
            l,
            "-o",
            sigs.to_str().unwrap(),
            "--no-config",
        ],
    ];
    for args in runs {
        let o = deboil(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        let at = |what: &str| {
            err.find(what)
                .unwrap_or_else(|| panic!("{args:?}: no {what:?} in {err}"))
        };
        let (dup, bad, repaired) = (
            at("m.jsonl:2: id \"a\" seen before"),
            at("m.jsonl:3: expected a JSON object"),
            at("n.txt:1: 1 invalid UTF-8"),
        );
        assert!(dup < bad && bad < repaired, "{args:?}: {err}");
    }
}

/// A rerun into the same `-o DIR` keeps what earlier runs wrote for an input that failed this
/// time, in part (a record that is no JSON now) or whole (a file now binary): those documents
/// are not read, not gone. Once the input reads again, what it no longer holds goes.
#[test]
fn a_rerun_keeps_the_outputs_of_an_input_that_failed() {
    let dir = tmpdir("rerun-failed");
    let (input, out) = (dir.join("in"), dir.join("out"));
    std::fs::create_dir_all(&input).unwrap();
    let record = |i: usize| {
        format!("{{\"id\":\"r{i}\",\"text\":\"Record {i} has a sentence of its own words, number {i}.\"}}")
    };
    let (a, b) = (input.join("a.jsonl"), input.join("b.txt"));
    std::fs::write(
        &a,
        (1..=3).map(record).collect::<Vec<_>>().join("\n") + "\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Title\n\nA body line that stays in the output of this document.\n",
    )
    .unwrap();
    let run = || {
        deboil_ok(&[
            "clean",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ]);
    };
    let listing = || {
        let mut v: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    run();
    let all = [".deboil-manifest", "a.1.txt", "a.2.txt", "a.3.txt", "b.txt"];
    assert_eq!(listing(), all);
    // record 2 is broken and b.txt is binary now: nothing of theirs goes
    std::fs::write(
        &a,
        [record(1), "{not json".into(), record(3)].join("\n") + "\n",
    )
    .unwrap();
    std::fs::write(&b, b"Title\0\0\0 binary now\n").unwrap();
    run();
    assert_eq!(listing(), all);
    let manifest = std::fs::read_to_string(out.join(".deboil-manifest")).unwrap();
    for name in &all[1..] {
        assert!(manifest.contains(&format!("\"{name}\"")), "{manifest}");
    }
    // both read again, and record 3 is gone from a.jsonl: its document goes, the rest stays
    std::fs::write(&a, [record(1), record(2)].join("\n") + "\n").unwrap();
    std::fs::write(
        &b,
        "Title\n\nA body line that stays in the output of this document.\n",
    )
    .unwrap();
    run();
    assert_eq!(
        listing(),
        [".deboil-manifest", "a.1.txt", "a.2.txt", "b.txt"]
    );
    // two inputs with one name in two folders: when the first fails, its kept file is not
    // given to the second's document
    let (d1, d2, out2) = (dir.join("d1"), dir.join("d2"), dir.join("out2"));
    for (d, word) in [(&d1, "first"), (&d2, "second")] {
        std::fs::create_dir_all(d).unwrap();
        let text = format!("Title\n\nThe {word} input's body line stays in the output here.\n");
        std::fs::write(d.join("a.txt"), text).unwrap();
    }
    let run2 = || {
        deboil_ok(&[
            "clean",
            d1.to_str().unwrap(),
            d2.to_str().unwrap(),
            "-o",
            out2.to_str().unwrap(),
            "-q",
        ]);
    };
    run2();
    let first = std::fs::read_to_string(out2.join("a.txt.txt")).unwrap();
    assert!(first.contains("first input"), "{first}");
    std::fs::write(d1.join("a.txt"), b"Title\0\0 binary now\n").unwrap();
    run2();
    assert_eq!(
        std::fs::read_to_string(out2.join("a.txt.txt")).unwrap(),
        first
    );
}

/// With `-o DIR`, each written document's report entry names its file (`output`), and the
/// files named are exactly those in the folder; without `-o DIR` no entry has one.
#[test]
fn the_report_names_each_documents_output_file() {
    let dir = tmpdir("report-output");
    let (out, rep) = (dir.join("out"), dir.join("r.json"));
    let o = deboil(&[
        "clean",
        "seeds",
        "-o",
        out.to_str().unwrap(),
        "--report",
        rep.to_str().unwrap(),
        "-q",
        "--no-config",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&rep).unwrap()).unwrap();
    let mut named: Vec<String> = Vec::new();
    for d in report["documents"].as_array().unwrap() {
        let written = d["status"] == "written";
        assert_eq!(d.get("output").is_some(), written, "{d}");
        if let Some(f) = d["output"].as_str() {
            let text = std::fs::read_to_string(out.join(f)).unwrap();
            // the file holds this document: its title first, when it has one
            if let Some(t) = d["title"]["text"].as_str() {
                assert!(text.starts_with(t), "{f}: {t}");
            }
            named.push(f.to_string());
        }
    }
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    files.sort();
    named.sort();
    assert_eq!(named, files);
    assert!(named.len() >= 5, "{named:?}");
    // to stdout: no entry names a file
    let o = deboil(&[
        "clean",
        "seeds",
        "--report",
        rep.to_str().unwrap(),
        "-q",
        "--no-config",
    ]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&rep).unwrap();
    assert!(!text.contains("\"output\""), "{text}");
}

/// A JSONL stream on stdin whose first record was cut short by the scraper is still read as
/// JSONL: the broken record fails at its line, the others are cleaned (not the whole stream
/// as one text dump, exit 0, without a word).
#[test]
fn stdin_jsonl_with_a_cut_off_first_record_is_read_as_jsonl() {
    let input = b"{\"id\":\"r1\",\"text\":\"First record, cut short by the scraper\n\
        {\"id\":\"r2\",\"text\":\"The council approved the new budget on Tuesday after a long \
        debate about school funding.\"}\n\
        {\"id\":\"r3\",\"text\":\"Heavy rain closed the mountain pass for the second time this \
        week, and the police advised drivers to wait.\"}\n";
    let o = deboil_stdin(&["clean", "-q", "--no-config"], input);
    let out = stdout(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("-:1: expected a JSON object"), "{err}");
    assert!(!out.contains("{\"id\""), "{out}");
    assert!(
        out.contains("The council approved") && out.contains("Heavy rain"),
        "{out}"
    );
    // a stream that only opens like JSONL is read as text, with a warning saying so
    let o = deboil_stdin(
        &["clean", "-q", "--no-config"],
        b"{\"id\":\"r1\",\"text\":\"cut short\nA line of prose.\nAnother line of prose.\n",
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("-:1: ") && err.contains("--input-format jsonl"),
        "{err}"
    );
}

/// `check --bless` shows what each blessed case's run said, and says loudly when the output
/// it blessed is empty because every record failed (it still blesses it).
#[test]
fn check_bless_shows_what_the_run_said_and_an_all_failed_case() {
    let dir = tmpdir("check-bless-failed");
    let case = dir.join("case");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(case.join("args"), "--text-field body\n").unwrap();
    std::fs::write(
        case.join("input.jsonl"),
        "{\"id\":\"r1\",\"text\":\"Some words.\"}\n",
    )
    .unwrap();
    let o = deboil(&["check", dir.to_str().unwrap(), "--bless"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("WARNING: the blessed expected.txt is empty: every record failed"),
        "{out}"
    );
    assert!(out.contains("what the run said:\n  deboil: "), "{out}");
    assert!(
        out.contains("input.jsonl:1: expected a JSON object"),
        "{out}"
    );
    assert_eq!(std::fs::read(case.join("expected.txt")).unwrap(), b"");
}

/// Errors of a case that cannot run name what to fix: an input named in `args` that does not
/// exist names the `args` file, a case without `input.*` lists the files it holds, and a quoted
/// value in `args` gets a note that `args` takes no shell quoting.
#[test]
fn check_errors_name_the_args_file_the_files_found_and_quoting() {
    let dir = tmpdir("check-errors-named");
    let case = dir.join("case");
    std::fs::create_dir_all(&case).unwrap();
    let text = "The council approved the new budget on Tuesday after a long debate.\n";
    let d = dir.to_str().unwrap();
    let args = case.join("args");
    std::fs::write(case.join("input.txt"), text).unwrap();
    std::fs::write(&args, "second-page.txt\n").unwrap();
    let out = stdout(&deboil(&["check", d]));
    let want = format!("ERROR   case: {}: second-page.txt: ", args.display());
    assert!(out.starts_with(&want), "{out}");
    std::fs::write(&args, "--ignore \"C001\"\n").unwrap();
    let out = stdout(&deboil(&["check", d]));
    assert!(out.contains(&format!("{}: ", args.display())), "{out}");
    assert!(
        out.contains("args takes no shell quoting: \"C001\""),
        "{out}"
    );
    std::fs::remove_file(&args).unwrap();
    std::fs::rename(case.join("input.txt"), case.join("page.txt")).unwrap();
    std::fs::write(case.join("expected.txt"), text).unwrap();
    let o = deboil(&["check", d]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(
        out.contains("no input.* file; it holds expected.txt, page.txt"),
        "{out}"
    );
}

/// Text output with `-o` goes to a directory; `-o /dev/null` is refused as a device, not
/// called a file, and the message says how to discard the output.
#[test]
fn text_output_to_a_device_says_it_is_a_device() {
    let o = deboil(&["clean", "-q", "--no-config", "seeds", "-o", "/dev/null"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("-o /dev/null: is a device or a pipe"), "{err}");
    assert!(err.contains("`> /dev/null`"), "{err}");
    assert!(!err.contains("is a file"), "{err}");
}
