use glosser_models::test_server::{Reply, TestServer};

use super::*;

const ONE: &str = "Officials said the talks were “positive.” Critics argue the deal is doomed.\n";
const TWO: &str = "Nothing happened on Tuesday.\n";

fn options(base_url: String) -> Options {
    Options {
        base_url,
        model: "fixture-model".to_owned(),
        api_key_env: None,
        prompt: None,
        concurrency: 2,
        retries: 0,
        timeout: Duration::from_secs(10),
    }
}

fn docs() -> Vec<(String, Document)> {
    vec![
        ("one.txt".to_owned(), Document::from_text(ONE)),
        ("two.txt".to_owned(), Document::from_text(TWO)),
    ]
}

fn ask(llm: &Llm, docs: &[(String, Document)]) -> Result<BTreeMap<String, Answer>, ClientError> {
    let docs: Vec<(String, &Document)> = docs.iter().map(|(id, d)| (id.clone(), d)).collect();
    llm.ask(&docs, &|| {})
}

const ANSWER: &str = r#"{"spans": [
  {"label": "quote", "quote": "“positive.”", "score": 0.9},
  {"label": "opinion", "quote": "Critics argue the deal is doomed."},
  {"label": "claim", "quote": "Officials said the talks went well."},
  {"label": "rumour", "quote": "Critics"}
]}"#;

#[test]
fn answers_are_placed_exactly_and_bad_items_dropped_by_name() {
    let server = TestServer::start().unwrap();
    server.on("Critics argue", vec![Reply::answer(ANSWER)]);
    server.on(
        "Nothing happened",
        vec![Reply::answer("I cannot help with that.")],
    );
    let dir = tempfile::tempdir().unwrap();
    let llm = Llm::new(
        &options(server.base_url()),
        &LabelSet::default(),
        Some("Quote exactly."),
        dir.path(),
    )
    .unwrap();
    let answers = ask(&llm, &docs()).unwrap();
    let one = answers["one.txt"].as_ref().unwrap();
    let kept: Vec<(usize, usize, &str, f64)> = one
        .kept
        .iter()
        .map(|p| (p.start, p.end, p.label.as_str(), p.score))
        .collect();
    assert_eq!(kept, [(30, 41, "quote", 0.9), (42, 75, "opinion", 1.0)]);
    assert_eq!(one.dropped.len(), 2, "{:?}", one.dropped);
    assert!(
        one.dropped[0].starts_with("item 3 (claim"),
        "{:?}",
        one.dropped
    );
    assert!(
        one.dropped[0].contains("does not occur verbatim"),
        "{:?}",
        one.dropped
    );
    assert!(one.dropped[1].contains("rumour"), "{:?}", one.dropped);
    // An answer with no JSON in it fails that document only.
    let two = answers["two.txt"].as_ref().unwrap_err();
    assert!(two.0.contains("JSON"), "{two}");
}

#[test]
fn a_second_run_is_answered_from_the_cache_in_the_corpus() {
    let server = TestServer::start().unwrap();
    server.otherwise(Reply::answer(r#"{"spans": []}"#));
    let dir = tempfile::tempdir().unwrap();
    let llm = Llm::new(
        &options(server.base_url()),
        &LabelSet::default(),
        None,
        dir.path(),
    )
    .unwrap();
    ask(&llm, &docs()).unwrap();
    assert_eq!(server.request_count(), 2);
    let again = Llm::new(
        &options(server.base_url()),
        &LabelSet::default(),
        None,
        dir.path(),
    )
    .unwrap();
    let answers = ask(&again, &docs()).unwrap();
    assert_eq!(server.request_count(), 2, "nothing asked again");
    assert!(answers.values().all(Result::is_ok));
    assert!(cache_dir(dir.path()).is_dir());
    assert!(cache_dir(dir.path()).starts_with(dir.path().join(".glosser-suggest")));
}

#[test]
fn a_server_that_is_down_fails_the_run_saying_what_to_start() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let llm = Llm::new(
        &options(format!("http://127.0.0.1:{port}/v1")),
        &LabelSet::default(),
        None,
        dir.path(),
    )
    .unwrap();
    let err = ask(&llm, &docs()).unwrap_err();
    assert!(matches!(err, ClientError::Unreachable { .. }), "{err}");
    assert!(
        err.to_string().contains("cannot reach the model server"),
        "{err}"
    );
}

#[test]
fn a_missing_model_fails_the_run() {
    let server = TestServer::start().unwrap();
    server.otherwise(Reply::model_not_found("fixture-model"));
    let dir = tempfile::tempdir().unwrap();
    let one_at_a_time = Options {
        concurrency: 1,
        ..options(server.base_url())
    };
    let llm = Llm::new(&one_at_a_time, &LabelSet::default(), None, dir.path()).unwrap();
    let err = ask(&llm, &docs()).unwrap_err();
    assert!(matches!(err, ClientError::ModelNotFound { .. }), "{err}");
    assert_eq!(server.request_count(), 1, "nothing sent after the first");
}

#[test]
fn a_prompt_file_replaces_the_template_and_changes_the_hash() {
    let dir = tempfile::tempdir().unwrap();
    let built_in = Llm::new(
        &options("http://127.0.0.1:9/v1".into()),
        &LabelSet::default(),
        None,
        dir.path(),
    )
    .unwrap();
    let path = dir.path().join("prompt.txt");
    std::fs::write(&path, "Label {{label_names}} in:\n{{text}}\n").unwrap();
    let mut with_file = options("http://127.0.0.1:9/v1".into());
    with_file.prompt = Some(path.clone());
    let custom = Llm::new(&with_file, &LabelSet::default(), None, dir.path()).unwrap();
    assert_ne!(built_in.prompt_hash(), custom.prompt_hash());
    std::fs::write(&path, "Label {{nonsense}} in {{text}}\n").unwrap();
    let Err(err) = Llm::new(&with_file, &LabelSet::default(), None, dir.path()) else {
        panic!("an unknown placeholder is refused");
    };
    assert!(
        err.to_string().contains("prompt.txt") && err.to_string().contains("nonsense"),
        "{err}"
    );
}

#[test]
fn the_guidelines_are_part_of_the_prompt_hash() {
    let dir = tempfile::tempdir().unwrap();
    let make = |g: Option<&str>| {
        Llm::new(
            &options("http://127.0.0.1:9/v1".into()),
            &LabelSet::default(),
            g,
            dir.path(),
        )
        .unwrap()
        .prompt_hash()
        .to_owned()
    };
    assert_ne!(make(None), make(Some("Quote exactly.")));
    assert_eq!(make(Some("Quote exactly.")), make(Some("Quote exactly.")));
}

#[test]
fn the_prompt_says_which_labels_cover_sentences() {
    let labels = prompt_labels(&LabelSet::default());
    let kinds: Vec<(&str, LabelKind)> = labels.iter().map(|l| (l.name.as_str(), l.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("claim", LabelKind::Sentence),
            ("quote", LabelKind::Phrase),
            ("opinion", LabelKind::Sentence),
            ("unverified", LabelKind::Sentence),
            ("source", LabelKind::Phrase)
        ]
    );
    assert!(labels.iter().all(|l| !l.description.is_empty()));
}
