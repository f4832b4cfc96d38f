//! Unit tests of the DocBin writer (its bytes are compared with spaCy's in checks/).

use super::{DocBin, DocBinOptions, Ents};
use crate::spans::{LabelledSpan, SpanProblem};
use crate::tokenizer::Tokenizer;

fn bin(ents: Ents) -> DocBin<'static> {
    let tokenizer = Tokenizer::english().expect("embedded rules load");
    DocBin::new(
        tokenizer,
        DocBinOptions {
            spans_key: "sc".into(),
            ents,
        },
    )
    .expect("attributes known")
}

#[test]
fn attributes_are_orth_then_sorted_ids() {
    // spaCy 3.8: DocBin().attrs
    assert_eq!(
        bin(Ents::Longest).attrs(),
        [65, 67, 73, 74, 75, 76, 77, 78, 79, 80, 452, 453, 454]
    );
}

#[test]
fn string_ids_use_symbols_before_hashes() {
    let bin = bin(Ents::Unset);
    assert_eq!(bin.string_id(""), 0);
    assert_eq!(bin.string_id("PERSON"), 380);
    assert_eq!(bin.string_id("X"), 101);
    assert_eq!(bin.string_id("claim"), 4_563_812_988_814_619_444);
}

#[test]
fn add_reports_what_went_where() {
    let mut bin = bin(Ents::Longest);
    let text = "Trump’s envoy said “we won”.";
    let spans = [
        LabelledSpan::new(0, 4, "person"),
        LabelledSpan::new(0, 27, "claim"),
        LabelledSpan::new(19, 27, "quote"),
    ];
    let report = bin.add(text, &spans).expect("adds");
    assert_eq!(report.tokens, 9);
    assert_eq!(report.spans.len(), 2);
    assert_eq!(report.ents.len(), 1);
    assert!(matches!(
        report.unaligned[0].problem,
        SpanProblem::EndInsideToken { .. }
    ));
    assert!(matches!(
        report.left_out_of_ents[0].problem,
        SpanProblem::OverlapsKeptSpan { .. }
    ));
    assert_eq!(bin.len(), 1);
}

#[test]
fn bytes_are_zlib_of_a_nine_key_map() {
    let mut bin = bin(Ents::Unset);
    bin.add("Hello world.", &[LabelledSpan::new(6, 11, "thing")])
        .expect("adds");
    let bytes = bin.to_bytes().expect("encodes");
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&bytes[..]), &mut raw)
        .expect("inflates");
    assert_eq!(raw[0], 0x89, "a fixmap of 9 entries");
    assert_eq!(&raw[1..9], b"\xa7version");
}

#[test]
fn writes_the_file_and_counts_documents() {
    let mut bin = bin(Ents::Longest);
    assert!(bin.is_empty());
    bin.add("", &[]).expect("an empty document is fine");
    bin.add("A b.", &[LabelledSpan::new(0, 1, "x")])
        .expect("adds");
    assert_eq!(bin.len(), 2);
    let path = std::env::temp_dir().join(format!("glosser-spacy-{}.spacy", std::process::id()));
    bin.write(&path).expect("writes");
    assert_eq!(
        std::fs::read(&path).expect("reads"),
        bin.to_bytes().expect("encodes")
    );
    std::fs::remove_file(&path).expect("cleans up");
    let error = bin
        .write(std::path::Path::new("/nonexistent-dir/x.spacy"))
        .expect_err("no such directory");
    assert!(
        error.to_string().contains("/nonexistent-dir/x.spacy"),
        "{error}"
    );
}
