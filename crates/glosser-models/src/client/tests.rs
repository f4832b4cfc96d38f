//! Client tests against the canned server: retries, timeouts, errors, concurrency.

use std::net::TcpListener;
use std::time::Duration;

use super::*;
use crate::test_server::{Reply, TestServer};

fn server() -> Result<TestServer> {
    Ok(TestServer::start()?)
}

fn config(server: &TestServer) -> ClientConfig {
    let mut c = ClientConfig::new(server.base_url(), "test-model");
    c.backoff_initial = Duration::from_millis(5);
    c.backoff_max = Duration::from_millis(20);
    c.request_timeout = Duration::from_secs(5);
    c
}

fn ask(text: &str) -> ChatRequest {
    ChatRequest {
        messages: vec![Message::system("annotate"), Message::user(text)],
        parameters: Parameters::default(),
        schema: Some(serde_json::json!({"type": "object"})),
    }
}

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

#[test]
fn a_completion_comes_back_with_what_was_sent() -> Result {
    let server = server()?;
    server.on("article one", vec![Reply::answer(r#"{"spans": [1]}"#)]);
    let mut c = config(&server);
    c.api_key_env = Some("CARGO_PKG_NAME".into());
    let client = ChatClient::new(c)?;
    let done = client.complete(&ask("article one"))?;
    assert_eq!(done.content, r#"{"spans": [1]}"#);
    assert_eq!(
        (done.attempts, done.model.as_deref()),
        (1, Some("test-model"))
    );
    assert_eq!(server.base_url(), format!("http://{}/v1", server.addr()));
    let sent = &server.requests()[0];
    assert_eq!(sent.path, "/v1/chat/completions");
    assert_eq!(sent.header("authorization"), Some("Bearer glosser-models"));
    let body = sent.json();
    assert_eq!(body["model"], "test-model");
    assert_eq!(body["messages"][1]["content"], "article one");
    assert_eq!(body["response_format"]["type"], "json_schema");
    Ok(())
}

#[test]
fn transient_failures_are_retried_until_an_answer() -> Result {
    let server = server()?;
    server.on(
        "flaky",
        vec![
            Reply::error(500, "boom"),
            Reply::Error {
                status: 429,
                message: "busy".into(),
                retry_after: Some(0),
            },
            Reply::Close,
            Reply::answer("ok"),
        ],
    );
    let client = ChatClient::new(config(&server))?;
    let done = client.complete(&ask("flaky"))?;
    assert_eq!((done.content.as_str(), done.attempts), ("ok", 4));
    assert_eq!(server.request_count(), 4);
    Ok(())
}

#[test]
fn retries_stop_at_the_limit_and_say_how_many() -> Result {
    let server = server()?;
    server.otherwise(Reply::error(503, "Loading model"));
    let mut c = config(&server);
    c.max_retries = 2;
    let client = ChatClient::new(c)?;
    let err = client.complete(&ask("x")).err();
    assert_eq!(
        err,
        Some(ClientError::Http {
            url: client.endpoint().to_owned(),
            status: 503,
            message: "Loading model".into(),
            attempts: 3,
        })
    );
    assert_eq!(server.request_count(), 3);
    Ok(())
}

#[test]
fn a_bad_request_is_not_retried() -> Result {
    let server = server()?;
    server.otherwise(Reply::error(400, "prompt is too long"));
    let client = ChatClient::new(config(&server))?;
    assert!(matches!(
        client.complete(&ask("x")),
        Err(ClientError::Http {
            status: 400,
            attempts: 1,
            ..
        })
    ));
    assert_eq!(server.request_count(), 1);
    Ok(())
}

#[test]
fn a_slow_server_times_out() -> Result {
    let server = server()?;
    server.otherwise(Reply::slow(Duration::from_secs(3), Reply::answer("late")));
    let mut c = config(&server);
    c.request_timeout = Duration::from_millis(300);
    let client = ChatClient::new(c)?;
    let started = std::time::Instant::now();
    let err = client.complete(&ask("x")).err();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        err,
        Some(ClientError::Timeout {
            url: client.endpoint().to_owned(),
            after: Duration::from_millis(300)
        })
    );
    assert_eq!(server.request_count(), 1);
    Ok(())
}

#[test]
fn a_server_that_is_down_is_named_with_what_to_start() -> Result {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let mut c = ClientConfig::new(format!("http://127.0.0.1:{port}/v1"), "m");
    c.max_retries = 1;
    c.backoff_initial = Duration::from_millis(1);
    let client = ChatClient::new(c)?;
    let Err(err) = client.complete(&ask("x")) else {
        return Err("a closed port answered".into());
    };
    assert_eq!(
        err.to_string(),
        format!(
            "cannot reach the model server at http://127.0.0.1:{port}/v1/chat/completions \
             (connection refused; 2 attempt(s)): is the model server running? Start it, or \
             check the host and port of the base URL"
        )
    );
    Ok(())
}

#[test]
fn a_missing_model_a_wrong_path_and_a_refused_key_are_told_apart() -> Result {
    let server = server()?;
    server.on("model?", vec![Reply::model_not_found("qwen3:8b")]);
    server.on(
        "path?",
        vec![Reply::Body {
            status: 404,
            body: "404 page not found".into(),
        }],
    );
    server.on("key?", vec![Reply::error(401, "invalid api key")]);
    let client = ChatClient::new(config(&server))?;
    let url = client.endpoint().to_owned();
    assert_eq!(
        client.complete(&ask("model?")).err(),
        Some(ClientError::ModelNotFound {
            url: url.clone(),
            model: "test-model".into(),
            message: "model \"qwen3:8b\" not found, try pulling it first".into(),
            hint: format!("check the name against GET {}/models", server.base_url()),
        })
    );
    assert!(matches!(
        client.complete(&ask("path?")),
        Err(ClientError::EndpointNotFound { .. })
    ));
    assert!(matches!(
        client.complete(&ask("key?")),
        Err(ClientError::Unauthorized { status: 401, .. })
    ));
    assert_eq!(server.request_count(), 3);
    Ok(())
}

#[test]
fn garbage_and_truncated_answers_are_errors() -> Result {
    let server = server()?;
    server.on(
        "html",
        vec![Reply::Body {
            status: 200,
            body: "<html>hello</html>".into(),
        }],
    );
    server.on(
        "bytes",
        vec![Reply::Raw(b"SSH-2.0-OpenSSH_9.6\r\n".to_vec())],
    );
    server.on("long", vec![Reply::Truncated("{\"spans\": [".into())]);
    let mut c = config(&server);
    c.max_retries = 0;
    let client = ChatClient::new(c)?;
    assert!(matches!(
        client.complete(&ask("html")),
        Err(ClientError::MalformedResponse { why, .. }) if why.starts_with("the body is not JSON")
    ));
    assert!(matches!(
        client.complete(&ask("bytes")),
        Err(ClientError::Transport { .. })
    ));
    assert_eq!(
        client.complete(&ask("long")).err(),
        Some(ClientError::Truncated {
            max_tokens: Some(4096)
        })
    );
    Ok(())
}

#[test]
fn a_server_refusing_the_schema_is_asked_again_without_it() -> Result {
    let server = server()?;
    server.on_body(
        "response_format",
        vec![Reply::error(400, "unknown field: response_format")],
    );
    server.otherwise(Reply::answer("{}"));
    let client = ChatClient::new(config(&server))?;
    assert_eq!(client.complete(&ask("a"))?.attempts, 1);
    assert!(client.schema_refused());
    client.complete(&ask("b"))?;
    let formats: Vec<bool> = server
        .requests()
        .iter()
        .map(|r| r.json().get("response_format").is_some())
        .collect();
    assert_eq!(formats, vec![true, false, false]);
    Ok(())
}

#[test]
fn no_more_than_the_concurrency_limit_is_in_flight() -> Result {
    for limit in [1, 3] {
        let server = server()?;
        server.otherwise(Reply::slow(Duration::from_millis(250), Reply::answer("ok")));
        let mut c = config(&server);
        c.concurrency = limit;
        let client = ChatClient::new(c)?;
        let requests: Vec<ChatRequest> = (0..7).map(|i| ask(&format!("doc {i}"))).collect();
        let done = AtomicUsize::new(0);
        let results = client.complete_all(&requests, |_, _| {
            done.fetch_add(1, Ordering::SeqCst);
        });
        assert_eq!(done.load(Ordering::SeqCst), 7);
        assert!(results.iter().all(std::result::Result::is_ok));
        assert_eq!(server.max_in_flight(), limit, "limit {limit}");
    }
    Ok(())
}

#[test]
fn results_come_back_in_request_order() -> Result {
    let server = server()?;
    server.on(
        "first",
        vec![Reply::slow(Duration::from_millis(150), Reply::answer("1"))],
    );
    server.on("second", vec![Reply::answer("2")]);
    let client = ChatClient::new(config(&server))?;
    let results = client.complete_all(&[ask("first"), ask("second")], |_, _| {});
    let contents: Vec<String> = results
        .into_iter()
        .map(|r| r.map(|c| c.content))
        .collect::<std::result::Result<_, _>>()?;
    assert_eq!(contents, vec!["1", "2"]);
    Ok(())
}

#[test]
fn after_the_server_is_found_down_nothing_more_is_sent() -> Result {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let mut c = ClientConfig::new(format!("http://127.0.0.1:{port}/v1"), "m");
    c.max_retries = 0;
    c.concurrency = 1;
    let client = ChatClient::new(c)?;
    let results = client.complete_all(&[ask("a"), ask("b"), ask("c")], |_, _| {});
    assert!(matches!(results[0], Err(ClientError::Unreachable { .. })));
    assert!(
        matches!(&results[1], Err(ClientError::NotSent { because }) if because.starts_with("cannot reach"))
    );
    assert!(matches!(results[2], Err(ClientError::NotSent { .. })));
    Ok(())
}

#[test]
fn a_missing_key_variable_is_named() {
    let mut config = ClientConfig::ollama("m");
    config.api_key_env = Some("GLOSSER_MODELS_TEST_SURELY_UNSET".into());
    assert_eq!(
        ChatClient::new(config).err(),
        Some(ClientError::MissingApiKey {
            var: "GLOSSER_MODELS_TEST_SURELY_UNSET".into()
        })
    );
}
