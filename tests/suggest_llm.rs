#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser suggest --llm` against the canned chat-completions server of `glosser-models` (a
//! real HTTP server on 127.0.0.1 speaking the OpenAI protocol): exact placement with dropped
//! items named and counted, the cache in the corpus (a re-run and a teammate's run need no
//! server), the state file's model and prompt hash, retries, timeouts, bounded concurrency, and a
//! clear error when the server is down.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use glosser_models::test_server::{Reply, TestServer};

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const ONE: &str = "Officials said the talks were “positive.” Critics argue the deal is doomed.\n";
const TWO: &str = "Nothing happened on Tuesday.\n";

const ANSWER_ONE: &str = r#"{"spans": [
  {"label": "quote", "quote": "“positive.”", "score": 0.9},
  {"label": "opinion", "quote": "Critics argue the deal is doomed.", "score": 0.7},
  {"label": "claim", "quote": "Officials said the talks went well."}
]}"#;

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.txt"), ONE).unwrap();
    std::fs::write(dir.path().join("two.txt"), TWO).unwrap();
    dir
}

fn server() -> TestServer {
    let server = TestServer::start().unwrap();
    server.on("Critics argue", vec![Reply::answer(ANSWER_ONE)]);
    server.otherwise(Reply::answer(r#"{"spans": []}"#));
    server
}

fn llm(dir: &Path, url: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "suggest",
        dir.to_str().unwrap(),
        "--llm",
        "fixture-model",
        "--base-url",
        url,
        "--as",
        "llm",
    ];
    args.extend_from_slice(extra);
    glosser(&args)
}

fn read(dir: &Path, name: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(name)).ok()
}

/// A base URL where nothing listens.
fn nobody() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("http://127.0.0.1:{port}/v1")
}

#[test]
fn answers_are_placed_exactly_and_a_bad_item_is_dropped_and_counted() {
    let dir = corpus();
    let server = server();
    let out = llm(dir.path(), &server.base_url(), &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("one.txt: dropped item 3 (claim \"Officials said the talks went well.\"): the quote does not occur verbatim"),
        "{err}"
    );
    assert!(
        err.contains("suggest as llm: 2 documents written, 0 unchanged, 0 failed, 1 span dropped"),
        "{err}"
    );
    let one = read(dir.path(), "one.txt.llm.ron").unwrap();
    assert!(
        one.contains("(start: 30, end: 41, label: \"quote\", quote: \"“positive.”\", score: 0.9"),
        "{one}"
    );
    assert!(
        one.contains(
            "label: \"opinion\", quote: \"Critics argue the deal is doomed.\", score: 0.7"
        ),
        "{one}"
    );
    assert!(
        read(dir.path(), "two.txt.llm.ron")
            .unwrap()
            .contains("spans: [],")
    );
    let validate = glosser(&["validate", dir.path().to_str().unwrap()]);
    assert!(validate.status.success(), "{}", stderr(&validate));
}

#[test]
fn the_state_records_model_and_prompt_hash_and_the_cache_makes_reruns_free() {
    let dir = corpus();
    let server = server();
    let out = llm(dir.path(), &server.base_url(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(server.request_count(), 2);
    let state: serde_json::Value =
        serde_json::from_str(&read(dir.path(), ".glosser-suggest/llm.json").unwrap()).unwrap();
    let about = &state["suggester"];
    assert_eq!(about["kind"], "llm");
    assert_eq!(about["model"], "fixture-model");
    let hash = about["prompt_hash"].as_str().unwrap();
    assert_eq!(hash.len(), 64);
    assert_eq!(state["documents"]["one.txt"]["prompt_hash"], hash);
    assert_eq!(state["documents"]["one.txt"]["model"], "fixture-model");
    // The answers are in the corpus, one file per (model, prompt hash, text).
    let cached = dir.path().join(".glosser-suggest/cache");
    let files: Vec<_> = walk(&cached);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().all(|f| f.to_string_lossy().contains(hash)));
    // A re-run: nothing changed, nothing asked, and no server needed.
    drop(server);
    let again = llm(dir.path(), &nobody(), &[]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("0 documents written, 2 unchanged"),
        "{}",
        stderr(&again)
    );
    // --force suggests every document again, from the cache.
    let forced = llm(dir.path(), &nobody(), &["--force"]);
    assert_eq!(
        forced.status.code(),
        Some(1),
        "the dropped item is named again"
    );
    assert!(
        stderr(&forced).contains("0 documents written, 2 unchanged, 0 failed, 1 span dropped"),
        "{}",
        stderr(&forced)
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_teammate_with_the_corpus_gets_the_same_suggestions_without_a_server() {
    let dir = corpus();
    let server = server();
    let out = llm(dir.path(), &server.base_url(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // What a teammate pulls: the articles and the cache (here without the suggestions).
    let mate = tempfile::tempdir().unwrap();
    for name in ["one.txt", "two.txt"] {
        std::fs::copy(dir.path().join(name), mate.path().join(name)).unwrap();
    }
    copy_dir(
        &dir.path().join(".glosser-suggest/cache"),
        &mate.path().join(".glosser-suggest/cache"),
    );
    let theirs = llm(mate.path(), &nobody(), &[]);
    assert_eq!(theirs.status.code(), Some(1), "{}", stderr(&theirs));
    assert!(
        stderr(&theirs).contains("2 documents written"),
        "{}",
        stderr(&theirs)
    );
    for name in ["one.txt.llm.ron", "two.txt.llm.ron"] {
        assert_eq!(read(dir.path(), name), read(mate.path(), name), "{name}");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_server_that_is_down_is_one_clear_error_and_nothing_is_written() {
    let dir = corpus();
    let out = llm(dir.path(), &nobody(), &["--retries", "0"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(
        err.contains("cannot reach the model server at http://127.0.0.1:"),
        "{err}"
    );
    assert!(
        err.contains("is the model server running? Start it"),
        "says what to do: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(read(dir.path(), "one.txt.llm.ron").is_none());
    assert!(read(dir.path(), ".glosser-suggest/llm.json").is_none());
}

#[test]
fn a_missing_model_says_to_pull_it() {
    let dir = corpus();
    let server = TestServer::start().unwrap();
    server.otherwise(Reply::model_not_found("fixture-model"));
    let out = llm(dir.path(), &server.base_url(), &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no model \"fixture-model\""), "{err}");
    assert!(
        err.contains("check the name against GET http://127.0.0.1:"),
        "{err}"
    );
}

#[test]
fn a_500_is_retried_and_a_slow_answer_times_out_for_its_document_only() {
    let dir = corpus();
    let server = TestServer::start().unwrap();
    server.on(
        "Critics argue",
        vec![Reply::error(500, "busy"), Reply::answer(ANSWER_ONE)],
    );
    server.on(
        "Nothing happened",
        vec![Reply::slow(
            Duration::from_secs(5),
            Reply::answer(r#"{"spans": []}"#),
        )],
    );
    let out = llm(
        dir.path(),
        &server.base_url(),
        &["--timeout", "1", "--retries", "1"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        read(dir.path(), "one.txt.llm.ron")
            .unwrap()
            .contains("score: 0.9")
    );
    assert!(err.contains("two.txt: no answer from"), "{err}");
    assert!(err.contains("nothing written for it"), "{err}");
    assert!(read(dir.path(), "two.txt.llm.ron").is_none());
    assert!(
        err.contains("1 documents written, 0 unchanged, 1 failed"),
        "{err}"
    );
}

#[test]
fn no_more_requests_are_in_flight_than_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..6 {
        std::fs::write(
            dir.path().join(format!("d{i}.txt")),
            format!("Article number {i}.\n"),
        )
        .unwrap();
    }
    let server = TestServer::start().unwrap();
    server.otherwise(Reply::slow(
        Duration::from_millis(300),
        Reply::answer(r#"{"spans": []}"#),
    ));
    let out = llm(dir.path(), &server.base_url(), &["--concurrency", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(server.request_count(), 6);
    assert_eq!(server.max_in_flight(), 2);
}

#[test]
fn the_api_key_comes_from_the_named_variable_and_a_missing_one_is_refused() {
    let dir = corpus();
    let server = server();
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args([
            "suggest",
            dir.path().to_str().unwrap(),
            "--llm",
            "fixture-model",
            "--base-url",
        ])
        .arg(server.base_url())
        .args(["--api-key-env", "GLOSSER_TEST_KEY"])
        .env("GLOSSER_TEST_KEY", "sk-test-123")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let sent = server.requests();
    assert!(
        sent.iter().all(|r| r
            .headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("authorization") && v == "Bearer sk-test-123")),
        "{sent:?}"
    );
    let refused = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args([
            "suggest",
            dir.path().to_str().unwrap(),
            "--llm",
            "m",
            "--api-key-env",
            "GLOSSER_TEST_UNSET_KEY",
        ])
        .env_remove("GLOSSER_TEST_UNSET_KEY")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("GLOSSER_TEST_UNSET_KEY is not set"),
        "{}",
        stderr(&refused)
    );
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("git")
        .args(["-c", "user.email=t@example.org", "-c", "user.name=t"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    out
}

#[test]
fn the_cache_travels_through_git_to_a_clone_set_up_by_glosser() {
    let dir = corpus();
    git(dir.path(), &["init", "-q"]);
    let setup = glosser(&["git-setup", dir.path().to_str().unwrap()]);
    assert!(setup.status.success(), "{}", stderr(&setup));
    let server = server();
    let out = llm(dir.path(), &server.base_url(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "suggestions"]);
    let tracked = String::from_utf8(git(dir.path(), &["ls-files"]).stdout).unwrap();
    assert!(
        tracked.contains(".glosser-suggest/llm.json")
            && tracked.contains(".glosser-suggest/cache/"),
        "the state and the cache are committed, not ignored: {tracked}"
    );
    let mate = tempfile::tempdir().unwrap();
    let clone = mate.path().join("clone");
    git(
        mate.path(),
        &["clone", "-q", dir.path().to_str().unwrap(), "clone"],
    );
    // Asked again in the clone with no server: every answer comes from the cache.
    let theirs = llm(&clone, &nobody(), &["--force"]);
    assert!(
        stderr(&theirs).contains("0 documents written, 2 unchanged, 0 failed, 1 span dropped"),
        "{}",
        stderr(&theirs)
    );
    for name in ["one.txt.llm.ron", "two.txt.llm.ron"] {
        assert_eq!(read(dir.path(), name), read(&clone, name), "{name}");
    }
}
