use super::*;
use crate::formats::hf::tag_names;
use crate::formats::overlaps::{Policy, layer};
use crate::formats::tokens::tokenize;
use crate::labels::LabelSet;
use crate::span::Span;
use crate::text::Document;

fn tagged(policy: Policy) -> Tagged {
    let doc = Document::from_text("Putin’s envoy said “we won”. Critics doubt it.");
    let spans = vec![
        Span::new(&doc, 0..28, "claim"),
        Span::new(&doc, 19..27, "quote"),
    ];
    let tokens = tokenize(&doc, &spans);
    let layers = layer(&tokens, &spans, &LabelSet::default(), policy);
    Tagged::new("a.txt", "Done", &tokens, &layers)
}

#[test]
fn columns_and_features_name_every_tag_layer_in_order() {
    let names: Vec<String> = columns(2).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "document",
            "sentence",
            "status",
            "tokens",
            "token_starts",
            "token_ends",
            "ner_tags",
            "ner_tags_2"
        ]
    );
    let tags = tag_names(&LabelSet::default(), &["quote".to_owned()]);
    assert_eq!(tags, ["O", "B-quote", "I-quote"]);
    let json: serde_json::Value = serde_json::from_str(&features_json(&tags, 2)).unwrap();
    let features = &json["info"]["features"];
    assert_eq!(features["ner_tags_2"]["feature"]["names"][2], "I-quote");
    assert_eq!(features["sentence"]["dtype"], "int64");
    assert_eq!(features["tokens"]["feature"]["dtype"], "string");
    // Keys in column order (datasets builds its columns in the order of the features).
    let text = features_json(&tags, 1);
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(at("document") < at("sentence") && at("token_ends") < at("ner_tags"));
}

#[test]
fn rows_hold_tag_ids_and_count_their_arrow_bytes() {
    let t = tagged(Policy::Layers);
    let tags = tag_names(&LabelSet::default(), &[]);
    let ids: HashMap<String, i64> = tags.iter().cloned().zip(0..).collect();
    let mut rows = Rows::new(2);
    assert!(rows.is_empty());
    rows.push(&t, &ids);
    assert_eq!(rows.len(), 2, "two sentences");
    let values = rows.values();
    assert_eq!(values.len(), 8);
    let ColumnValues::Int64Lists(first) = &values[6] else {
        panic!("ner_tags")
    };
    assert_eq!(first[0][0], ids["B-claim"]);
    assert_eq!(first[1], vec![0; 4], "Critics doubt it .");
    let ColumnValues::Int64Lists(second) = &values[7] else {
        panic!("ner_tags_2")
    };
    assert_eq!(second[0][3], ids["B-quote"], "“ starts the quote");
    // 2 rows: document 4+5, sentence 8, status 4+4, 4 per token offset and list, 8 per int.
    let tokens: Vec<usize> = t.sentences.iter().map(std::ops::Range::len).collect();
    let text: usize = t.words.iter().map(|w| w.0.len()).sum();
    let per_row = 9 + 8 + 8 + 4 + 2 * 4 + 2 * 4;
    let expected = 2 * per_row + tokens.iter().map(|n| 4 * n + 4 * 8 * n).sum::<usize>() + text;
    assert_eq!(arrow_bytes(&t, 2), expected as u64);
    assert!(arrow_bytes(&t, 1) < arrow_bytes(&t, 2));
}
