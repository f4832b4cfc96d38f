//! Tests of reading models' answers: fences, thinking, trailing text, bad items.

use super::*;

fn labels_and_quotes(parsed: &ParsedAnswer) -> Vec<(String, String)> {
    parsed
        .proposals
        .iter()
        .map(|p| (p.label.clone(), p.quote.clone()))
        .collect()
}

#[test]
fn a_plain_object_with_spans_is_read() -> Result<(), AnswerError> {
    let parsed = parse_answer(
        r#"{"spans": [{"label": "quote", "quote": "“we won”", "occurrence": 2, "context": "said"}]}"#,
    )?;
    assert_eq!(parsed.malformed, vec![]);
    let p = &parsed.proposals[0];
    assert_eq!(
        (p.occurrence, p.context.as_deref()),
        (Some(2), Some("said"))
    );
    Ok(())
}

#[test]
fn a_fenced_block_with_chatter_around_it_is_read() -> Result<(), AnswerError> {
    let answer = "Sure! Here are the spans:\n```json\n[{\"label\": \"claim\", \"quote\": \"A.\"}]\n```\nLet me know if you need more.";
    let parsed = parse_answer(answer)?;
    assert_eq!(
        labels_and_quotes(&parsed),
        vec![("claim".into(), "A.".into())]
    );
    Ok(())
}

#[test]
fn trailing_text_and_thinking_are_ignored() -> Result<(), AnswerError> {
    let answer = "<think>The user wants {spans}…</think>\n{\"spans\": [{\"label\": \"claim\", \"quote\": \"B.\"}]} I hope this helps {ok}";
    let parsed = parse_answer(answer)?;
    assert_eq!(
        labels_and_quotes(&parsed),
        vec![("claim".into(), "B.".into())]
    );
    Ok(())
}

#[test]
fn other_list_keys_and_text_for_quote_are_accepted() -> Result<(), AnswerError> {
    let parsed = parse_answer(
        r#"{"annotations": [{"label": "x", "text": "y", "occurrence": "3", "confidence": 0.5}]}"#,
    )?;
    let p = &parsed.proposals[0];
    assert_eq!(
        (p.quote.as_str(), p.occurrence, p.score),
        ("y", Some(3), Some(0.5))
    );
    Ok(())
}

#[test]
fn bad_items_are_rejected_one_by_one() -> Result<(), AnswerError> {
    let parsed = parse_answer(
        r#"{"spans": [
            {"label": "claim", "quote": "ok"},
            {"label": "claim"},
            "just a string",
            {"label": 3, "quote": "x"},
            {"label": "claim", "quote": "y", "occurrence": -1},
            {"label": "claim", "quote": "z", "score": "high"}
        ]}"#,
    )?;
    assert_eq!(parsed.proposals.len(), 1);
    let whys: Vec<String> = parsed
        .malformed
        .iter()
        .map(|r| r.reason.to_string())
        .collect();
    assert_eq!(
        whys,
        vec![
            "the answer item is not usable: `quote` is missing",
            "the answer item is not usable: a string instead of an object",
            "the answer item is not usable: `label` is a number instead of a string",
            "the answer item is not usable: `occurrence` is -1, not a whole number ≥ 1",
            "the answer item is not usable: `score` is a string instead of a number",
        ]
    );
    assert_eq!(
        parsed.malformed.iter().map(|r| r.index).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );
    Ok(())
}

#[test]
fn an_answer_without_json_says_how_it_starts() {
    let err = parse_answer("I cannot help with that.").err();
    assert_eq!(
        err,
        Some(AnswerError::NoJson {
            excerpt: "I cannot help with that.".into()
        })
    );
}

#[test]
fn json_of_the_wrong_shape_is_named() {
    let err = parse_answer(r#"{"claims": ["a"], "quotes": []}"#).err();
    assert_eq!(
        err,
        Some(AnswerError::WrongShape {
            found: "an object with keys claims, quotes".into()
        })
    );
}

#[test]
fn an_unclosed_fence_still_yields_its_json() -> Result<(), AnswerError> {
    let parsed = parse_answer("```json\n{\"spans\": []}\n")?;
    assert_eq!(parsed, ParsedAnswer::default());
    Ok(())
}
