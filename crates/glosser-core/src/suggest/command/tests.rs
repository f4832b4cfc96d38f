use super::*;

fn docs() -> Vec<(String, Document)> {
    vec![
        ("a.txt".to_owned(), Document::from_text("Alpha beta.")),
        ("b.txt".to_owned(), Document::from_text("Gamma delta.")),
    ]
}

fn ask(script: &str) -> Result<BTreeMap<String, Answer>, CommandError> {
    let owned = docs();
    let docs: Vec<(String, &Document)> = owned.iter().map(|(id, d)| (id.clone(), d)).collect();
    run(script, &docs, &LabelSet::default(), Duration::from_secs(5))
}

#[test]
fn answers_may_come_in_any_order_and_default_score_is_one() {
    let answers = ask(
        r#"cat > /dev/null; echo '{"document":"b.txt","spans":[]}'; echo '{"document":"a.txt","spans":[{"start":0,"end":5,"label":"claim"}]}'"#,
    )
    .unwrap();
    let a = &answers["a.txt"].as_ref().unwrap().kept;
    assert_eq!((a[0].start, a[0].end, a[0].score), (0, 5, 1.0));
    assert!(answers["b.txt"].as_ref().unwrap().kept.is_empty());
}

#[test]
fn the_command_reads_the_documents_as_jsonl() {
    // Echo each request's text length back as a span over the whole text.
    let script = r#"python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print(json.dumps({"document": r["document"], "spans": [{"start": 0, "end": len(r["text"]), "label": "claim", "score": 0.5}]}), flush=True)
'"#;
    let answers = ask(script).unwrap();
    assert_eq!(answers["b.txt"].as_ref().unwrap().kept[0].end, 12);
}

#[test]
fn an_answer_for_a_document_not_asked_about_fails_the_run() {
    let err = ask(r#"cat > /dev/null; echo '{"document":"zzz.txt","spans":[]}'"#).unwrap_err();
    assert!(err.to_string().contains("zzz.txt"), "{err}");
}

#[test]
fn a_bad_span_is_dropped_and_named_the_others_kept() {
    let answers = ask(
        r#"cat > /dev/null; echo '{"document":"a.txt","spans":[{"start":0,"end":5,"label":"claim","score":7},{"start":6,"end":10,"label":"quote"},{"start":0,"end":99,"label":"claim"},{"start":0,"end":5,"label":"nope"}]}'; echo '{"document":"b.txt","spans":[]}'"#,
    )
    .unwrap();
    let a = answers["a.txt"].as_ref().unwrap();
    assert_eq!(
        a.kept.iter().map(|p| (p.start, p.end)).collect::<Vec<_>>(),
        [(6, 10)]
    );
    assert_eq!(
        a.dropped,
        [
            "span 1: 0..5 (claim): \"score\" must be a number in 0..1",
            "span 3: 0..99 (claim): offsets out of range (the text has 11 code points)",
            "span 4: 0..5: unknown label \"nope\"",
        ]
    );
    assert!(answers["b.txt"].is_ok());
}

#[test]
fn an_answer_without_a_spans_list_fails_the_document() {
    let answers = ask(
        r#"cat > /dev/null; echo '{"document":"a.txt"}'; echo '{"document":"b.txt","spans":[]}'"#,
    )
    .unwrap();
    assert!(
        answers["a.txt"]
            .as_ref()
            .unwrap_err()
            .0
            .contains("no \"spans\" list")
    );
}

#[test]
fn ending_without_answering_names_the_document() {
    let err = ask(r#"cat > /dev/null; echo '{"document":"a.txt","spans":[]}'"#).unwrap_err();
    assert!(
        err.to_string().contains("without answering for b.txt"),
        "{err}"
    );
}
