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
            store_user_data: false,
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

#[test]
fn encoded_documents_pushed_in_order_give_the_same_bytes_as_add() {
    let texts = [
        (
            "Trump’s envoy said “we won”.",
            vec![LabelledSpan::new(0, 27, "claim")],
        ),
        (
            "北京官员说。Uber’s drivers agree.",
            vec![LabelledSpan::new(6, 10, "x")],
        ),
        ("", vec![]),
    ];
    let mut added = bin(Ents::Longest);
    for (text, spans) in &texts {
        added.add(text, spans).expect("adds");
    }
    let mut pushed = bin(Ents::Longest);
    let encoded: Vec<_> = texts
        .iter()
        .map(|(text, spans)| pushed.encode(text, spans, &[]).expect("encodes"))
        .collect();
    assert!(pushed.is_empty(), "encode adds nothing");
    assert_eq!(encoded[0].0.tokens(), 9);
    for (doc, _) in encoded {
        pushed.push(doc);
    }
    assert_eq!(pushed.len(), 3);
    assert_eq!(
        pushed.to_bytes().expect("encodes"),
        added.to_bytes().expect("encodes")
    );
}

fn inflate(bytes: &[u8]) -> Vec<u8> {
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(bytes), &mut raw)
        .expect("inflates");
    raw
}

#[test]
fn user_data_is_a_tenth_key_with_one_msgpack_map_per_doc() {
    let tokenizer = Tokenizer::english().expect("embedded rules load");
    let options = DocBinOptions {
        store_user_data: true,
        ..DocBinOptions::default()
    };
    let mut bin = DocBin::new(tokenizer, options).expect("attributes known");
    let data = [("document".to_owned(), "a.txt".to_owned())];
    bin.add_with_user_data("Hi.", &[], &data).expect("adds");
    bin.add("Yo.", &[])
        .expect("a Doc without user data gets an empty map");
    let raw = inflate(&bin.to_bytes().expect("encodes"));
    assert_eq!(raw[0], 0x8a, "a fixmap of 10 entries");
    let tail = b"\xa9user_data\x92\xc4\x10\x81\xa8document\xa5a.txt\xc4\x01\x80";
    assert!(raw.ends_with(tail), "{:x?}", &raw[raw.len() - 30..]);
    // Without store_user_data, user data given is not written.
    let mut plain = bin_with_default_options();
    plain.add_with_user_data("Hi.", &[], &data).expect("adds");
    assert_eq!(inflate(&plain.to_bytes().expect("encodes"))[0], 0x89);
}

fn bin_with_default_options() -> DocBin<'static> {
    DocBin::new(
        Tokenizer::english().expect("embedded rules load"),
        DocBinOptions::default(),
    )
    .expect("attributes known")
}
