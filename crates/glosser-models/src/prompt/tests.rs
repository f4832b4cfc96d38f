//! Prompt tests: filling, the hash, template files and their errors.

use super::*;
use crate::client::{Parameters, Role, StructuredOutput};
use crate::types::default_labels;

fn prompt(template: &PromptTemplate, guidelines: Option<&str>, model: &str) -> SpanPrompt {
    SpanPrompt::new(
        template,
        &default_labels(),
        guidelines,
        model,
        &Parameters::default(),
        StructuredOutput::Auto,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_default_template_fills_labels_guidelines_schema_and_text() {
    let p = prompt(&PromptTemplate::default(), None, "llama3.2");
    let messages = p.messages("Putin said “no”. {{labels}}");
    assert_eq!(messages[0].role, Role::System);
    assert!(
        messages[0]
            .content
            .starts_with("You are a careful annotator")
    );
    let user = &messages[1].content;
    assert!(user.contains("- claim (a whole sentence): An assertion of fact"));
    assert!(user.contains("- quote (a phrase): Words attributed"));
    assert!(user.contains("(none given)"));
    assert!(user.contains("\"enum\": [\n"));
    assert!(
        user.ends_with("<<<\nPutin said “no”. {{labels}}\n>>>"),
        "{user}"
    );
    assert_eq!(p.request("x").schema.as_ref(), Some(p.schema()));
    assert_eq!((p.labels().len(), p.model()), (5, "llama3.2"));
    assert_eq!(p.parameters(), &Parameters::default());
    assert_eq!(p.request("x").messages, p.messages("x"));
}

#[test]
fn the_hash_changes_with_everything_but_the_text() {
    let t = PromptTemplate::default();
    let base = prompt(&t, Some("Be strict."), "m");
    assert_eq!(base.hash(), prompt(&t, Some("Be strict."), "m").hash());
    assert_eq!(base.hash().len(), 64);
    assert_ne!(base.hash(), prompt(&t, Some("Be lenient."), "m").hash());
    assert_ne!(base.hash(), prompt(&t, Some("Be strict."), "m2").hash());
    let other = PromptTemplate::parse("Say {{label_names}}: {{text}}").unwrap_or_default();
    assert_ne!(base.hash(), prompt(&other, Some("Be strict."), "m").hash());
    let params = Parameters {
        temperature: Some(0.7),
        ..Parameters::default()
    };
    let warm = SpanPrompt::new(
        &t,
        &default_labels(),
        Some("Be strict."),
        "m",
        &params,
        StructuredOutput::Auto,
    );
    assert_ne!(Some(base.hash()), warm.as_ref().ok().map(SpanPrompt::hash));
    let mut fewer = default_labels();
    fewer.pop();
    let fewer = SpanPrompt::new(
        &t,
        &fewer,
        Some("Be strict."),
        "m",
        &Parameters::default(),
        StructuredOutput::Auto,
    );
    assert_ne!(Some(base.hash()), fewer.as_ref().ok().map(SpanPrompt::hash));
}

#[test]
fn a_template_file_may_be_the_user_part_alone_or_both_parts() -> Result<(), PromptError> {
    let user_only = PromptTemplate::parse("Labels: {{label_names}}\n{{text}}\n")?;
    assert_eq!(user_only.system, DEFAULT_SYSTEM);
    assert_eq!(user_only.user, "Labels: {{label_names}}\n{{text}}");
    let both = PromptTemplate::parse("### system\nBe terse.\n### user\n{{text}}")?;
    assert_eq!(
        (both.system.as_str(), both.user.as_str()),
        ("Be terse.", "{{text}}")
    );
    let p = prompt(&user_only, None, "m");
    assert_eq!(
        p.messages("T")[1].content,
        "Labels: claim, quote, opinion, unverified, source\nT"
    );
    Ok(())
}

#[test]
fn bad_templates_are_refused_with_the_reason() {
    assert_eq!(
        PromptTemplate::parse("{{labels}} {{article}}"),
        Err(PromptError::UnknownPlaceholder {
            name: "article".into(),
            known: "{{text}}, {{labels}}, {{label_names}}, {{guidelines}}, {{schema}}".into()
        })
    );
    assert_eq!(
        PromptTemplate::parse("### system\n{{text}}\n### user\nhi"),
        Err(PromptError::NoText)
    );
    assert!(PromptTemplate::parse("JSON like {{\"a\": 1}} is left alone: {{text}}").is_ok());
    let missing = PromptTemplate::from_file(std::path::Path::new("/nonexistent/prompt.txt"));
    assert!(matches!(missing, Err(PromptError::Unreadable { .. })));
}

#[test]
fn labels_must_be_given_once_each() {
    let t = PromptTemplate::default();
    let p = Parameters::default();
    assert_eq!(
        SpanPrompt::new(&t, &[], None, "m", &p, StructuredOutput::Auto).err(),
        Some(PromptError::NoLabels)
    );
    let mut twice = default_labels();
    twice.push(twice[0].clone());
    assert_eq!(
        SpanPrompt::new(&t, &twice, None, "m", &p, StructuredOutput::Auto).err(),
        Some(PromptError::DuplicateLabel {
            name: "claim".into()
        })
    );
}

#[test]
fn the_schema_lists_the_label_names() {
    let schema = answer_schema(&default_labels());
    assert_eq!(
        schema["properties"]["spans"]["items"]["properties"]["label"]["enum"][4],
        "source"
    );
    assert_eq!(schema["required"][0], "spans");
}

#[test]
fn rendering_is_one_pass() {
    let out = render("{{a}}{{b}}{{", &|n| (n == "a").then(|| "{{b}}".to_owned()));
    assert_eq!(out, "{{b}}{{b}}{{");
}
