//! Wire-format tests: request bodies, answers and every server's error shape.

use serde_json::json;

use super::*;

fn request(schema: Option<Value>) -> ChatRequest {
    ChatRequest {
        messages: vec![Message::system("s"), Message::user("u")],
        parameters: Parameters::default(),
        schema,
    }
}

#[test]
fn the_body_carries_model_messages_parameters_and_schema() {
    let schema = json!({"type": "object"});
    let body = request_body(
        "llama3.2",
        &request(Some(schema.clone())),
        StructuredOutput::Auto,
        true,
    );
    assert_eq!(body["model"], "llama3.2");
    assert_eq!(body["stream"], false);
    assert_eq!(body["messages"][1], json!({"role": "user", "content": "u"}));
    assert_eq!(body["temperature"], 0.0);
    assert_eq!(body["seed"], 0);
    assert_eq!(body["max_tokens"], 4096);
    assert!(body.get("top_p").is_none());
    assert_eq!(body["response_format"]["type"], "json_schema");
    assert_eq!(body["response_format"]["json_schema"]["schema"], schema);
}

#[test]
fn structured_output_modes_shape_response_format() {
    let r = request(Some(json!({"type": "object"})));
    let format = |mode, with| {
        request_body("m", &r, mode, with)
            .get("response_format")
            .cloned()
    };
    assert_eq!(format(StructuredOutput::Off, true), None);
    assert_eq!(format(StructuredOutput::Auto, false), None);
    assert_eq!(
        format(StructuredOutput::JsonObject, true),
        Some(json!({"type": "json_object"}))
    );
    let no_schema = request(None);
    assert_eq!(
        request_body("m", &no_schema, StructuredOutput::JsonSchema, true)["response_format"],
        json!({"type": "json_object"})
    );
}

#[test]
fn an_answer_is_read_from_the_first_choice() {
    let body = r#"{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"llama3.2","system_fingerprint":"fp_ollama",
        "choices":[{"index":0,"message":{"role":"assistant","content":"{\"spans\":[]}"},"finish_reason":"stop"}],
        "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"#;
    assert_eq!(
        read_answer(body),
        Ok(Answer {
            content: "{\"spans\":[]}".into(),
            model: Some("llama3.2".into()),
            finish_reason: Some("stop".into()),
        })
    );
}

#[test]
fn bodies_that_are_not_answers_say_why() {
    assert!(read_answer("<html>").is_err_and(|e| e.starts_with("the body is not JSON")));
    assert_eq!(
        read_answer(r#"{"choices":[]}"#),
        Err("it has no `choices`".into())
    );
    assert_eq!(
        read_answer(r#"{"error":{"message":"boom"}}"#),
        Err("the body is an error: boom".into())
    );
    assert_eq!(
        read_answer(r#"{"choices":[{"message":{"content":7}}]}"#),
        Err("`choices[0].message.content` is not a string".into())
    );
    assert_eq!(
        read_answer(r#"{"choices":[{"message":{"content":null}}]}"#).map(|a| a.content),
        Ok(String::new())
    );
}

/// The error shape documented in Ollama's own docs (fixtures/ollama-api-errors.mdx).
#[test]
fn error_messages_are_read_in_every_servers_shape() -> Result<(), Box<dyn std::error::Error>> {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/ollama-api-errors.mdx"
    ))?;
    let start = doc.find("```json\n").ok_or("no json block")? + 8;
    let end = start + doc[start..].find("```").ok_or("unclosed block")?;
    assert_eq!(
        error_text(&doc[start..end]),
        "the model failed to generate a response"
    );
    let last_line = doc
        .lines()
        .rfind(|l| l.starts_with("{\"error\""))
        .ok_or("no error line")?;
    assert_eq!(
        error_text(last_line),
        "an error was encountered while running the model"
    );
    assert_eq!(
        error_text(
            r#"{"error":{"message":"model \"x\" not found, try pulling it first","type":"not_found_error","param":null,"code":null}}"#
        ),
        "model \"x\" not found, try pulling it first"
    );
    assert_eq!(
        error_text(
            r#"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}"#
        ),
        "The model `x` does not exist."
    );
    assert_eq!(
        error_text(r#"{"detail":[{"loc":["body"],"msg":"field required"}]}"#),
        "field required"
    );
    assert_eq!(error_text("  Bad Gateway \n"), "Bad Gateway");
    Ok(())
}

#[test]
fn message_constructors_set_the_role() -> Result<(), serde_json::Error> {
    assert_eq!(
        serde_json::to_value(Message::system("x"))?["role"],
        "system"
    );
    assert_eq!(Message::user("x").role, Role::User);
    Ok(())
}
