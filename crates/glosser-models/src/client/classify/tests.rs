use super::*;

#[test]
fn endpoints_are_built_from_the_base_url() {
    assert_eq!(
        endpoint_of("http://127.0.0.1:11434/v1/"),
        Ok("http://127.0.0.1:11434/v1/chat/completions".into())
    );
    assert_eq!(
        endpoint_of("https://h/v1/chat/completions"),
        Ok("https://h/v1/chat/completions".into())
    );
    for bad in ["localhost:11434", "ftp://h/v1", "http:///v1"] {
        assert!(
            matches!(endpoint_of(bad), Err(ClientError::InvalidBaseUrl { .. })),
            "{bad}"
        );
    }
}

#[test]
fn schema_refusals_are_recognised() {
    assert!(refuses_schema(
        400,
        r#"{"error":"unknown field response_format"}"#
    ));
    assert!(refuses_schema(422, "json_schema not supported"));
    assert!(!refuses_schema(500, "response_format"));
    assert!(!refuses_schema(400, "prompt too long"));
}

#[test]
fn statuses_map_to_errors_that_say_what_to_do() {
    let config = ClientConfig::ollama("qwen3:8b");
    let url = "http://127.0.0.1:11434/v1/chat/completions";
    let missing = status_error(
        &config,
        url,
        404,
        r#"{"error":"model \"qwen3:8b\" not found, try pulling it first"}"#,
        1,
    );
    assert!(
        missing.to_string().contains("`ollama pull qwen3:8b`"),
        "{missing}"
    );
    let vllm = status_error(
        &config,
        url,
        400,
        r#"{"message":"The model `x` does not exist."}"#,
        1,
    );
    assert!(matches!(vllm, ClientError::ModelNotFound { .. }));
    assert!(matches!(
        status_error(&config, url, 404, "404 page not found", 1),
        ClientError::EndpointNotFound { .. }
    ));
    assert!(matches!(
        status_error(&config, url, 403, "{}", 1),
        ClientError::Unauthorized { status: 403, .. }
    ));
    assert!(matches!(
        status_error(&config, url, 500, "oops", 4),
        ClientError::Http {
            status: 500,
            attempts: 4,
            ..
        }
    ));
}

#[test]
fn io_failures_worth_retrying_are_told_apart() {
    let refused = ureq::Error::Io(io::Error::from(io::ErrorKind::ConnectionRefused));
    assert_eq!(
        connection_failure(&refused),
        Some("connection refused".into())
    );
    let denied = ureq::Error::Io(io::Error::from(io::ErrorKind::PermissionDenied));
    assert_eq!(connection_failure(&denied), None);
}
