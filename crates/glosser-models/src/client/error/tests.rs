use super::*;

#[test]
fn hints_follow_the_default_ports() {
    assert!(start_hint("http://127.0.0.1:11434/v1/chat/completions").contains("ollama serve"));
    assert!(start_hint("http://localhost:8080/v1").contains("llama-server"));
    assert!(start_hint("http://gpu:8000/v1").contains("vllm serve"));
    assert!(start_hint("http://[::1]:1234/v1").contains("lms server start"));
    assert!(start_hint("https://example.org/v1").contains("check the host and port"));
    assert!(
        model_hint("http://h:11434/v1", "http://h:11434/v1", "qwen3").contains("ollama pull qwen3")
    );
    assert!(model_hint("http://h:9/v1", "http://h:9/v1", "x").contains("GET http://h:9/v1/models"));
    assert!(key_hint(Some("VLLM_KEY")).contains("VLLM_KEY"));
    assert!(key_hint(None).contains("api_key_env"));
}

#[test]
fn messages_name_the_url_and_the_remedy() {
    let e = ClientError::Unreachable {
        url: "http://127.0.0.1:11434/v1/chat/completions".into(),
        detail: "connection refused".into(),
        attempts: 4,
        hint: start_hint("http://127.0.0.1:11434/v1"),
    };
    assert_eq!(
        e.to_string(),
        "cannot reach the model server at http://127.0.0.1:11434/v1/chat/completions \
         (connection refused; 4 attempt(s)): is Ollama running? Start it with `ollama serve` \
         (or open the Ollama app)"
    );
    assert!(e.stops_the_batch());
    let t = ClientError::Timeout {
        url: "u".into(),
        after: Duration::from_millis(1500),
    };
    assert!(t.to_string().starts_with("no answer from u within 1.5 s"));
    assert!(!t.stops_the_batch());
}
