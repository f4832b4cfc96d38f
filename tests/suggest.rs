#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser suggest` run as a user would: each suggester, re-runs that touch only what changed,
//! the `--command` protocol's failure cases, and suggesters left out of `agree` unless named.

use std::path::Path;
use std::process::{Command, Output};

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const ONE: &str = "Vladimir Putin said “no deal” on Monday, according to Reuters.\n";
const TWO: &str = "Officials met Vladimir Putin. He called it “positive,” they said.\n";

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.txt"), ONE).unwrap();
    std::fs::write(dir.path().join("two.txt"), TWO).unwrap();
    dir
}

fn read(dir: &Path, name: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(name)).ok()
}

fn run(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["suggest", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    glosser(&args)
}

#[test]
fn patterns_are_written_with_scores_and_a_rerun_touches_nothing() {
    let dir = corpus();
    let patterns = dir.path().join("patterns.jsonl");
    std::fs::write(
        &patterns,
        "{\"label\":\"quote\",\"pattern\":\"Vladimir Putin\"}\n{\"label\":\"claim\",\"pattern\":[{\"LOWER\":\"according\"},{\"LOWER\":\"to\"},{\"IS_TITLE\":true,\"OP\":\"+\"}]}\n",
    )
    .unwrap();
    let p = patterns.to_str().unwrap();
    let out = run(dir.path(), &["--patterns", p]);
    assert!(out.status.success(), "{}", stderr(&out));
    let one = read(dir.path(), "one.txt.suggest.ron").unwrap();
    assert!(
        one.contains("(start: 0, end: 14, label: \"quote\", quote: \"Vladimir Putin\", score: 1.0"),
        "{one}"
    );
    assert!(
        one.contains("quote: \"according to Reuters\", score: 1.0"),
        "{one}"
    );
    let two = read(dir.path(), "two.txt.suggest.ron").unwrap();
    assert!(
        two.contains("(start: 14, end: 28, label: \"quote\""),
        "{two}"
    );
    let check = glosser(&["validate", dir.path().to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    let modified = std::fs::metadata(dir.path().join("one.txt.suggest.ron"))
        .unwrap()
        .modified()
        .unwrap();
    let again = run(dir.path(), &["--patterns", p]);
    assert!(
        stderr(&again).contains("0 documents written, 2 unchanged"),
        "{}",
        stderr(&again)
    );
    let forced = run(dir.path(), &["--patterns", p, "--force"]);
    assert!(
        stderr(&forced).contains("0 documents written, 2 unchanged"),
        "--force reruns, same spans: {}",
        stderr(&forced)
    );
    let after = std::fs::metadata(dir.path().join("one.txt.suggest.ron"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(
        modified, after,
        "an unchanged document's file is not rewritten"
    );

    // The article changes: only that document is suggested again.
    std::fs::write(
        dir.path().join("two.txt"),
        TWO.replace("Officials", "Envoys"),
    )
    .unwrap();
    let third = run(dir.path(), &["--patterns", p]);
    assert!(
        stderr(&third).contains("1 documents written, 1 unchanged"),
        "{}",
        stderr(&third)
    );
    assert!(
        read(dir.path(), "two.txt.suggest.ron")
            .unwrap()
            .contains("start: 11, end: 25")
    );
}

#[test]
fn an_unknown_pattern_attribute_names_the_line() {
    let dir = corpus();
    let patterns = dir.path().join("p.jsonl");
    std::fs::write(&patterns, "{\"label\":\"quote\",\"pattern\":\"x\"}\n{\"label\":\"claim\",\"pattern\":[{\"POS\":\"NOUN\"}]}\n").unwrap();
    let out = run(dir.path(), &["--patterns", patterns.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("p.jsonl:2: token 1: unknown attribute \"POS\""),
        "{}",
        stderr(&out)
    );
    assert!(read(dir.path(), "one.txt.suggest.ron").is_none());
}

#[test]
fn builtin_quotes_and_learn() {
    let dir = corpus();
    let out = run(dir.path(), &["--builtin", "quotes", "--as", "quotes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        read(dir.path(), "one.txt.quotes.ron")
            .unwrap()
            .contains("quote: \"“no deal”\"")
    );
    assert!(
        read(dir.path(), "two.txt.quotes.ron")
            .unwrap()
            .contains("quote: \"“positive,”\"")
    );

    // alice labels "Vladimir Putin" twice as quote... no: once quote, and "Reuters" as claim.
    std::fs::write(
        dir.path().join("one.txt.alice.ron"),
        "(glosser: 1, document: \"one.txt\", annotator: \"alice\", text_sha256: \"0000000000000000000000000000000000000000000000000000000000000000\", status: Done, spans: [(start: 0, end: 14, label: \"unverified\", quote: \"Vladimir Putin\")])\n",
    )
    .unwrap();
    let out = run(dir.path(), &["--learn", "alice"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let two = read(dir.path(), "two.txt.suggest.ron").unwrap();
    assert!(
        two.contains(
            "(start: 14, end: 28, label: \"unverified\", quote: \"Vladimir Putin\", score: 1.0"
        ),
        "{two}"
    );
    let one = read(dir.path(), "one.txt.suggest.ron").unwrap();
    assert!(
        one.contains("spans: [],"),
        "a document's own spans are not suggested back to it: {one}"
    );

    // Suggesters are nobody's annotations unless named.
    let agree = glosser(&["agree", dir.path().to_str().unwrap(), "--json"]);
    assert_eq!(
        agree.status.code(),
        Some(2),
        "alice alone: {}",
        stderr(&agree)
    );
    assert!(
        stderr(&agree).contains("suggesters are left out"),
        "{}",
        stderr(&agree)
    );
    let named = glosser(&[
        "agree",
        dir.path().to_str().unwrap(),
        "--annotators",
        "alice,suggest",
        "--json",
    ]);
    assert!(named.status.success(), "{}", stderr(&named));

    // An analyst's files are never overwritten by suggestions.
    let refused = run(dir.path(), &["--builtin", "quotes", "--as", "alice"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("not a suggester's"),
        "{}",
        stderr(&refused)
    );
}

/// Runs `--command` with a small shell script answering for each document.
fn command_case(script: &str, extra: &[&str]) -> (tempfile::TempDir, Output) {
    let dir = corpus();
    let path = dir.path().join("model.sh");
    std::fs::write(&path, script).unwrap();
    let cmd = format!("sh {}", path.display());
    let mut args = vec!["--command", cmd.as_str()];
    args.extend_from_slice(extra);
    let out = run(dir.path(), &args);
    (dir, out)
}

const GOOD_ONE: &str =
    r#"{"document":"one.txt","spans":[{"start":0,"end":14,"label":"quote","score":0.9}]}"#;
const GOOD_TWO: &str = r#"{"document":"two.txt","spans":[]}"#;

#[test]
fn a_command_answers_over_jsonl() {
    let script = format!("cat > /dev/null\necho '{GOOD_ONE}'\necho '{GOOD_TWO}'\n");
    let (dir, out) = command_case(&script, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let one = read(dir.path(), "one.txt.suggest.ron").unwrap();
    assert!(
        one.contains("quote: \"Vladimir Putin\", score: 0.9"),
        "{one}"
    );
    assert!(
        read(dir.path(), "two.txt.suggest.ron")
            .unwrap()
            .contains("spans: [],")
    );
}

/// A failing answer for two.txt: one.txt is written, two.txt is not, exit 1, the error names it.
fn per_document_failure(bad: &str, expect: &str) {
    let script = format!("cat > /dev/null\necho '{GOOD_ONE}'\necho '{bad}'\n");
    let (dir, out) = command_case(&script, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("two.txt") && err.contains(expect), "{err}");
    assert!(read(dir.path(), "one.txt.suggest.ron").is_some());
    assert!(
        read(dir.path(), "two.txt.suggest.ron").is_none(),
        "nothing written for it"
    );
}

/// An answer for two.txt with one good span and one `bad` one: the good one is written, the bad
/// one dropped and named (with `expect`), counted in the summary, exit 1.
fn per_span_drop(bad: &str, expect: &str) {
    let answer = format!(
        r#"{{"document":"two.txt","spans":[{bad},{{"start":14,"end":28,"label":"quote","score":0.5}}]}}"#
    );
    let script = format!("cat > /dev/null\necho '{GOOD_ONE}'\necho '{answer}'\n");
    let (dir, out) = command_case(&script, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("glosser: two.txt: dropped span 1: ") && err.contains(expect),
        "{err}"
    );
    assert!(
        err.contains("2 documents written, 0 unchanged, 0 failed, 1 span dropped"),
        "{err}"
    );
    let two = read(dir.path(), "two.txt.suggest.ron").unwrap();
    assert!(
        two.contains("quote: \"Vladimir Putin\", score: 0.5"),
        "the document's other span is written: {two}"
    );
    assert_eq!(two.matches("score:").count(), 1, "{two}");
}

#[test]
fn bad_json_fails_that_document() {
    per_document_failure(r#"{"document":"two.txt","spans":[{"start":1,}"#, "not JSON");
}

#[test]
fn an_answer_without_spans_fails_that_document() {
    per_document_failure(r#"{"document":"two.txt"}"#, "no \"spans\" list");
}

#[test]
fn out_of_range_offsets_drop_only_that_span() {
    per_span_drop(r#"{"start":60,"end":90,"label":"claim"}"#, "out of range");
}

#[test]
fn an_unknown_label_drops_only_that_span() {
    per_span_drop(
        r#"{"start":0,"end":9,"label":"person"}"#,
        "unknown label \"person\"",
    );
}

#[test]
fn a_score_outside_0_1_drops_only_that_span() {
    per_span_drop(
        r#"{"start":0,"end":9,"label":"claim","score":-1}"#,
        "\"score\" must be a number in 0..1",
    );
}

#[test]
fn splitting_a_character_drops_only_that_span() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.txt"), "Cafe\u{301} noir\n").unwrap();
    let path = dir.path().join("model.sh");
    std::fs::write(&path, "cat > /dev/null\necho '{\"document\":\"e.txt\",\"spans\":[{\"start\":0,\"end\":4,\"label\":\"claim\"},{\"start\":6,\"end\":10,\"label\":\"claim\"}]}'\n").unwrap();
    let cmd = format!("sh {}", path.display());
    let out = run(dir.path(), &["--command", &cmd]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("e.txt: dropped span 1: 0..4 (claim): offsets split a character"),
        "{}",
        stderr(&out)
    );
    let e = read(dir.path(), "e.txt.suggest.ron").unwrap();
    assert!(e.contains("quote: \"noir\""), "{e}");
}

#[test]
fn a_non_zero_exit_writes_nothing_and_touches_no_file() {
    let good = format!("cat > /dev/null\necho '{GOOD_ONE}'\necho '{GOOD_TWO}'\n");
    let (dir, first) = command_case(&good, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let before = read(dir.path(), "one.txt.suggest.ron").unwrap();
    let path = dir.path().join("model2.sh");
    let other = GOOD_ONE.replace("0.9", "0.2");
    std::fs::write(&path, format!("cat > /dev/null\necho '{other}'\nexit 3\n")).unwrap();
    let cmd = format!("sh {}", path.display());
    let out = run(dir.path(), &["--command", &cmd]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("exit status: 3") && err.contains("two.txt"),
        "{err}"
    );
    assert_eq!(
        read(dir.path(), "one.txt.suggest.ron").unwrap(),
        before,
        "no existing file is touched"
    );
}

#[test]
fn a_hang_times_out_naming_the_document() {
    let script = format!("echo '{GOOD_ONE}'\nsleep 30\n");
    let started = std::time::Instant::now();
    let (dir, out) = command_case(&script, &["--timeout", "1"]);
    assert!(
        started.elapsed().as_secs() < 20,
        "the hung command was stopped"
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("two.txt") && err.contains("timeout"), "{err}");
    assert!(
        read(dir.path(), "one.txt.suggest.ron").is_none(),
        "nothing is written at all"
    );
}

#[test]
fn force_asks_a_changed_model_again() {
    let dir = corpus();
    let answers = dir.path().join("answers.jsonl");
    std::fs::write(&answers, format!("{GOOD_ONE}\n{GOOD_TWO}\n")).unwrap();
    let cmd = format!("cat > /dev/null; cat {}", answers.display());
    assert!(run(dir.path(), &["--command", &cmd]).status.success());
    std::fs::write(
        &answers,
        format!("{}\n{GOOD_TWO}\n", GOOD_ONE.replace("0.9", "0.2")),
    )
    .unwrap();
    let same = run(dir.path(), &["--command", &cmd]);
    assert!(
        stderr(&same).contains("0 documents written, 2 unchanged"),
        "{}",
        stderr(&same)
    );
    assert!(
        read(dir.path(), "one.txt.suggest.ron")
            .unwrap()
            .contains("score: 0.9")
    );
    let forced = run(dir.path(), &["--command", &cmd, "--force"]);
    assert!(
        stderr(&forced).contains("1 documents written, 1 unchanged"),
        "{}",
        stderr(&forced)
    );
    assert!(
        read(dir.path(), "one.txt.suggest.ron")
            .unwrap()
            .contains("score: 0.2")
    );
}
