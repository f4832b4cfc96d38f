//! Unit tests of the Parquet rows (checks/ reads the files with pyarrow, DuckDB and datasets).

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use proptest::prelude::*;

use super::{
    HfParquetError, HfRow, HfSpan, hf_row, huggingface_metadata, iob2_tag_names, write_hf_parquet,
    write_hf_parquet_file,
};
use crate::spans::{LabelledSpan, SpanProblem};
use crate::tokenizer::Tokenizer;

fn labels() -> Vec<String> {
    vec!["claim".into(), "quote".into()]
}

#[test]
fn tag_names_are_o_then_b_and_i_per_label() {
    assert_eq!(
        iob2_tag_names(&labels()),
        ["O", "B-claim", "I-claim", "B-quote", "I-quote"]
    );
}

#[test]
fn metadata_names_the_class_labels() {
    let metadata: serde_json::Value =
        serde_json::from_str(&huggingface_metadata(&iob2_tag_names(&labels()))).expect("json");
    let tags = &metadata["info"]["features"]["ner_tags"];
    assert_eq!(tags["_type"], "Sequence");
    assert_eq!(tags["feature"]["_type"], "ClassLabel");
    assert_eq!(tags["feature"]["names"][1], "B-claim");
}

#[test]
fn rows_tag_the_longest_spans_and_skip_whitespace_tokens() {
    let tokenizer = Tokenizer::english().expect("rules");
    let text = "Putin said “we won”.\nCritics";
    let spans = [
        LabelledSpan::new(0, 20, "claim"),
        LabelledSpan::new(11, 19, "quote"),
        LabelledSpan::new(21, 24, "claim"), // ends inside "Critics"
        LabelledSpan::new(21, 28, "opinion"), // not a label of the list
    ];
    let (row, report) =
        hf_row(tokenizer, "a#0", "a.txt", text, &spans, &labels()).expect("tokenizes");
    assert_eq!(
        row.tokens,
        ["Putin", "said", "“", "we", "won", "”", ".", "Critics"]
    );
    assert_eq!(row.ner_tags, [1, 2, 2, 2, 2, 2, 2, 0]);
    assert_eq!(row.token_starts[7], 21);
    assert_eq!(row.spans.len(), 2);
    assert_eq!(row.spans[1].text, "“we won”");
    let problems: Vec<_> = report.unaligned.iter().map(|i| i.problem.clone()).collect();
    assert!(matches!(problems[0], SpanProblem::EndInsideToken { .. }));
    assert_eq!(problems[1], SpanProblem::UnknownLabel);
    assert_eq!(report.left_out_of_tags[0].index, 1);
}

#[test]
fn inconsistent_rows_are_refused() {
    let row = HfRow {
        tokens: vec!["a".into()],
        ..HfRow::default()
    };
    let error = write_hf_parquet(Vec::new(), &[row], &["O".into()]).expect_err("lengths");
    assert!(matches!(error, HfParquetError::Lengths { .. }), "{error}");
    let row = HfRow {
        tokens: vec!["a".into()],
        ner_tags: vec![3],
        token_starts: vec![0],
        token_ends: vec![1],
        ..HfRow::default()
    };
    let error = write_hf_parquet(Vec::new(), &[row], &["O".into()]).expect_err("tag");
    assert!(error.to_string().contains("only 1 tag names"), "{error}");
}

fn read_back(bytes: Vec<u8>) -> (Vec<Vec<(String, Field)>>, Option<String>) {
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).expect("a parquet file");
    let metadata = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == "huggingface"))
        .and_then(|k| k.value.clone());
    let rows = reader
        .get_row_iter(None)
        .expect("rows")
        .map(|r| {
            r.expect("a row")
                .get_column_iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .collect();
    (rows, metadata)
}

fn list_len(field: &Field) -> usize {
    match field {
        Field::ListInternal(list) => list.elements().len(),
        _ => usize::MAX,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]
    /// Every row comes back with its strings and the length of each list, empty lists too.
    #[test]
    fn rows_round_trip(rows in proptest::collection::vec(
        ("[a-z“ ]{0,6}", proptest::collection::vec(("[a-z]{1,3}", 0i64..5), 0..4),
         proptest::collection::vec((0i64..9, "[a-z]{0,3}"), 0..3)),
        1..6,
    )) {
        let rows: Vec<HfRow> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (text, tokens, spans))| {
                let n = i64::try_from(tokens.len()).expect("a few tokens");
                HfRow {
                id: format!("doc#{i}"),
                document: "doc".into(),
                text,
                token_starts: (0..n).collect(),
                token_ends: (1..=n).collect(),
                ner_tags: tokens.iter().map(|t| t.1).collect(),
                tokens: tokens.into_iter().map(|t| t.0).collect(),
                spans: spans
                    .into_iter()
                    .map(|(start, label)| HfSpan { start, end: start + 1, text: label.clone(), label })
                    .collect(),
            }})
            .collect();
        let mut bytes = Vec::new();
        write_hf_parquet(&mut bytes, &rows, &iob2_tag_names(&labels())).expect("writes");
        let (back, metadata) = read_back(bytes);
        prop_assert_eq!(back.len(), rows.len());
        prop_assert!(metadata.is_some_and(|m| m.contains("ClassLabel")));
        for (got, want) in back.iter().zip(&rows) {
            prop_assert_eq!(&got[0].1, &Field::Str(want.id.clone()));
            prop_assert_eq!(&got[2].1, &Field::Str(want.text.clone()));
            prop_assert_eq!(list_len(&got[3].1), want.tokens.len());
            prop_assert_eq!(list_len(&got[4].1), want.ner_tags.len());
            prop_assert_eq!(list_len(&got[7].1), want.spans.len());
        }
    }
}

#[test]
fn writes_a_file() {
    let dir = std::env::temp_dir().join(format!("glosser-spacy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("rows.parquet");
    write_hf_parquet_file(&path, &[HfRow::default()], &["O".into()]).expect("writes");
    let bytes = std::fs::read(&path).expect("reads");
    assert_eq!(&bytes[..4], b"PAR1");
    std::fs::remove_dir_all(&dir).expect("cleans up");
}
