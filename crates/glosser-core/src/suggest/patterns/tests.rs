use super::*;

fn found(patterns: &str, text: &str) -> Vec<(String, String)> {
    let set = PatternSet::parse(patterns, "p.jsonl", &LabelSet::default()).unwrap();
    let doc = Document::from_text(text);
    set.suggest(&doc)
        .into_iter()
        .map(|p| (doc.slice(p.start, p.end).to_owned(), p.label))
        .collect()
}

fn texts(patterns: &str, text: &str) -> Vec<String> {
    found(patterns, text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn phrase_patterns_match_whole_tokens_only() {
    let p = r#"{"label":"quote","pattern":"Putin"}"#;
    assert_eq!(
        texts(p, "Putin, Putinism and Putin’s aide"),
        ["Putin", "Putin"]
    );
}

#[test]
fn operators_follow_spacy() {
    let plus = r#"{"label":"claim","pattern":[{"IS_TITLE":true,"OP":"+"}]}"#;
    assert_eq!(texts(plus, "met Vladimir Putin today"), ["Vladimir Putin"]);
    let opt = r#"{"label":"claim","pattern":[{"LOWER":"the"},{"LOWER":"big","OP":"?"},{"LOWER":"deal"}]}"#;
    assert_eq!(
        texts(opt, "the deal, the big deal"),
        ["the deal", "the big deal"]
    );
    let star =
        r#"{"label":"claim","pattern":[{"ORTH":"("},{"IS_PUNCT":false,"OP":"*"},{"ORTH":")"}]}"#;
    assert_eq!(texts(star, "a () b (c d) e"), ["()", "(c d)"]);
    let not = r#"{"label":"claim","pattern":[{"LOWER":"not"},{"IS_PUNCT":true,"OP":"!"}]}"#;
    assert_eq!(texts(not, "not bad, not."), ["not bad"]);
}

#[test]
fn attributes_and_predicates() {
    let digit =
        r#"{"label":"claim","pattern":[{"IS_DIGIT":true},{"LOWER":{"IN":["people","percent"]}}]}"#;
    assert_eq!(
        texts(digit, "5 People and 10 percent, x people"),
        ["5 People", "10 percent"]
    );
    let regex = r#"{"label":"claim","pattern":[{"TEXT":{"REGEX":"^[A-Z]{2,}$"}}]}"#;
    assert_eq!(texts(regex, "NATO and EU, not Nato"), ["NATO", "EU"]);
    let bare = r#"{"label":"claim","pattern":[{"REGEX":"ing$"},{"LENGTH":{">=":3}}]}"#;
    assert_eq!(texts(bare, "according to sing along"), ["sing along"]);
    let not_in = r#"{"label":"claim","pattern":[{"lower":"the"},{"ORTH":{"NOT_IN":["end"]}}]}"#;
    assert_eq!(texts(not_in, "the end, the start"), ["the start"]);
}

#[test]
fn overlaps_are_resolved_as_the_entity_ruler_does() {
    let p = "{\"label\":\"quote\",\"pattern\":\"Vladimir Putin\"}\n{\"label\":\"claim\",\"pattern\":\"Putin said\"}\n";
    // Both are two tokens: the earlier one wins, the overlapping one is dropped.
    assert_eq!(
        found(p, "Vladimir Putin said"),
        [("Vladimir Putin".to_owned(), "quote".to_owned())]
    );
}

#[test]
fn errors_name_the_line() {
    let labels = LabelSet::default();
    let cases = [
        (
            r#"{"label":"person","pattern":"x"}"#,
            "p.jsonl:2: label \"person\" is not in the label set",
        ),
        (
            r#"{"label":"claim","pattern":[{"POS":"NOUN"}]}"#,
            "p.jsonl:2: token 1: unknown attribute \"POS\"",
        ),
        (
            r#"{"label":"claim","pattern":[{"LOWER":"a","OP":"{2}"}]}"#,
            "p.jsonl:2: token 1: OP \"{2}\"",
        ),
        (
            r#"{"label":"claim","pattern":[{"TEXT":{"REGEX":"("}}]}"#,
            "p.jsonl:2: token 1: bad REGEX",
        ),
        (
            r#"{"label":"claim","pattern":"x","kind":"y"}"#,
            "p.jsonl:2: unknown key \"kind\"",
        ),
        ("{not json", "p.jsonl:2: not JSON"),
    ];
    for (line, expected) in cases {
        let source = format!("{{\"label\":\"claim\",\"pattern\":\"ok\"}}\n{line}\n");
        let err = PatternSet::parse(&source, "p.jsonl", &labels)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(expected), "{err}");
    }
}
