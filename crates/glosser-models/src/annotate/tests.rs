//! Annotator tests against the canned server: exact placement, per-item rejections, the cache.

use std::time::Duration;

use super::*;
use crate::client::{ClientConfig, Parameters, StructuredOutput};
use crate::placement::RejectReason;
use crate::prompt::PromptTemplate;
use crate::test_server::{Reply, TestServer};
use crate::types::default_labels;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const ARTICLE: &str = "Officials said the talks were “positive.” Critics said the talks were “positive” only for Moscow. Café owners cheered.";

fn setup(server: &TestServer) -> Result<(ChatClient, SpanPrompt)> {
    let mut config = ClientConfig::new(server.base_url(), "fixture-model");
    config.backoff_initial = Duration::from_millis(1);
    config.max_retries = 1;
    let client = ChatClient::new(config)?;
    let prompt = SpanPrompt::new(
        &PromptTemplate::default(),
        &default_labels(),
        Some("Quote exactly."),
        "fixture-model",
        &Parameters::default(),
        StructuredOutput::Auto,
    )?;
    Ok((client, prompt))
}

const ANSWER: &str = r#"```json
{"spans": [
  {"label": "quote", "quote": "the talks were “positive", "occurrence": 2},
  {"label": "quote", "quote": "“positive.”", "context": "the talks were"},
  {"label": "opinion", "quote": "Café owners cheered."},
  {"label": "claim", "quote": "Officials said the talks went well."},
  {"label": "rumour", "quote": "Moscow"},
  {"label": "claim"}
]}
```"#;

#[test]
fn answers_are_placed_exactly_and_bad_items_reported_one_by_one() -> Result {
    let server = TestServer::start()?;
    server.on("Café owners cheered", vec![Reply::answer(ANSWER)]);
    let (client, prompt) = setup(&server)?;
    let annotator = Annotator::new(&client, &prompt, None, Normalization::exact())?;
    let outcomes = annotator.annotate(&[Document::new("a.txt", ARTICLE)], |_, _| {});
    let annotated = outcomes[0].result.clone()?;
    let spans: Vec<(usize, usize, &str)> = annotated
        .placement
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str()))
        .collect();
    assert_eq!(
        spans,
        vec![(55, 79, "quote"), (30, 41, "quote"), (98, 118, "opinion")]
    );
    let reasons: Vec<(usize, &RejectReason)> = annotated
        .placement
        .rejected
        .iter()
        .map(|r| (r.index, &r.reason))
        .collect();
    assert_eq!(reasons.len(), 3);
    assert_eq!(
        reasons[0],
        (
            3,
            &RejectReason::QuoteNotFound {
                differs_only_in_form: false
            }
        )
    );
    assert!(matches!(reasons[1], (4, RejectReason::UnknownLabel { .. })));
    assert!(matches!(reasons[2], (5, RejectReason::Malformed { .. })));
    assert!(!annotated.from_cache);
    Ok(())
}

#[test]
fn a_cache_hit_sends_no_request_and_gives_the_same_spans() -> Result {
    let server = TestServer::start()?;
    server.on("Café owners cheered", vec![Reply::answer(ANSWER)]);
    let dir = tempfile::tempdir()?;
    let cache = ResponseCache::new(dir.path());
    let (client, prompt) = setup(&server)?;
    let annotator = Annotator::new(&client, &prompt, Some(&cache), Normalization::exact())?;
    let docs = [Document::new("a.txt", ARTICLE)];
    let first = annotator.annotate(&docs, |_, _| {});
    assert_eq!(server.request_count(), 1);
    let second = annotator.annotate(&docs, |_, _| {});
    assert_eq!(server.request_count(), 1);
    let (first, second) = (first[0].result.clone()?, second[0].result.clone()?);
    assert!(second.from_cache);
    assert_eq!(first.placement, second.placement);
    let entry = cache.get(&annotator.key(ARTICLE))?.ok_or("no entry")?;
    assert_eq!(
        (entry.model.as_str(), entry.prompt_hash.as_str()),
        ("fixture-model", prompt.hash())
    );
    assert_eq!(entry.answer, ANSWER);
    assert_eq!(entry.answered_by.as_deref(), Some("fixture-model"));
    Ok(())
}

#[test]
fn an_answer_without_spans_is_an_error_and_is_not_cached() -> Result {
    let server = TestServer::start()?;
    server.otherwise(Reply::answer("Sorry, I can't annotate news."));
    let dir = tempfile::tempdir()?;
    let cache = ResponseCache::new(dir.path());
    let (client, prompt) = setup(&server)?;
    let annotator = Annotator::new(&client, &prompt, Some(&cache), Normalization::exact())?;
    let docs = [Document::new("a.txt", "Text.")];
    for round in 1..=2 {
        let outcome = annotator.annotate(&docs, |_, _| {});
        assert!(matches!(
            outcome[0].result,
            Err(AnnotateError::Answer(AnswerError::NoJson { .. }))
        ));
        assert_eq!(server.request_count(), round);
    }
    Ok(())
}

#[test]
fn each_document_gets_its_own_outcome_in_order() -> Result {
    let server = TestServer::start()?;
    server.on(
        "Alpha text.",
        vec![Reply::slow(
            Duration::from_millis(100),
            Reply::answer(r#"{"spans":[{"label":"claim","quote":"Alpha text."}]}"#),
        )],
    );
    server.on("Beta text.", vec![Reply::error(400, "bad request")]);
    let (client, prompt) = setup(&server)?;
    let annotator = Annotator::new(&client, &prompt, None, Normalization::exact())?;
    let seen = std::sync::Mutex::new(Vec::new());
    let outcomes = annotator.annotate(
        &[
            Document::new("1", "Alpha text."),
            Document::new("2", "Beta text."),
        ],
        |i, _| {
            if let Ok(mut s) = seen.lock() {
                s.push(i);
            }
        },
    );
    assert_eq!(outcomes[0].document_id, "1");
    assert_eq!(
        outcomes[0]
            .result
            .as_ref()
            .map(|a| a.placement.spans.len())
            .ok(),
        Some(1)
    );
    assert!(matches!(
        outcomes[1].result,
        Err(AnnotateError::Client(ClientError::Http { status: 400, .. }))
    ));
    let mut seen = seen.into_inner().unwrap_or_default();
    seen.sort_unstable();
    assert_eq!(seen, vec![0, 1]);
    Ok(())
}

#[test]
fn the_prompt_and_the_client_must_name_the_same_model() -> Result {
    let server = TestServer::start()?;
    let (client, _) = setup(&server)?;
    let other = SpanPrompt::new(
        &PromptTemplate::default(),
        &default_labels(),
        None,
        "another-model",
        &Parameters::default(),
        StructuredOutput::Auto,
    )?;
    assert!(matches!(
        Annotator::new(&client, &other, None, Normalization::exact()),
        Err(AnnotateError::ModelMismatch { .. })
    ));
    Ok(())
}
