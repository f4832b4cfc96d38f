use super::*;
use crate::store::Status;
use crate::text::Document;

fn export_doc<'a>(doc: &'a Document, spans: &'a [Span]) -> ExportDoc<'a> {
    ExportDoc {
        id: "a.txt",
        annotator: "ann",
        doc,
        spans,
        status: Status::Done,
        orphans: &[],
        links: &[],
        rejected: &[],
    }
}

#[test]
fn spans_are_placed_on_spacys_tokens_trimmed_or_named() {
    let doc = Document::from_text("北京官员说。 Trump’s envoy said “Hello ” today.\n");
    let spans = vec![
        Span::new(&doc, 0..2, "claim"),     // inside the Han run 北京官员说。
        Span::new(&doc, 7..12, "quote"),    // Trump, before ’s: spaCy splits there
        Span::new(&doc, 7..40, "claim"),    // Trump’s … today
        Span::new(&doc, 26..33, "quote"),   // “Hello  with its trailing space
        Span::new(&doc, 32..33, "opinion"), // a lone space
    ];
    let pipeline = Pipeline::parse("spancat,ner").unwrap();
    let bin = docbin(pipeline).unwrap();
    let encoded = encode(&bin, &export_doc(&doc, &spans)).unwrap();
    let placed: Vec<(usize, usize, &str, usize)> = encoded
        .placed
        .iter()
        .map(|(s, n)| (s.start, s.end, s.label.as_str(), *n))
        .collect();
    assert_eq!(
        placed,
        [
            (7, 12, "quote", 1),
            (7, 40, "claim", 8),
            (26, 33, "quote", 2)
        ]
    );
    let unaligned: Vec<(usize, &str)> = encoded
        .unaligned
        .iter()
        .map(|(s, why)| (s.start, why.as_str()))
        .collect();
    assert_eq!(unaligned.len(), 2, "{unaligned:?}");
    assert!(
        unaligned[0]
            .1
            .starts_with("ends inside spaCy's token \"北京官员说"),
        "{unaligned:?}"
    );
    assert_eq!(
        unaligned[1],
        (32, "holds only whitespace, which is no spaCy token")
    );
    assert_eq!(encoded.trimmed.len(), 1);
    assert_eq!((encoded.trimmed[0].start, encoded.trimmed[0].end), (26, 32));
    assert_eq!(
        encoded.left_out_of_ents.len(),
        2,
        "both quotes overlap the claim"
    );
    assert!(
        encoded.left_out_of_ents[0]
            .1
            .contains("overlaps claim 7..40")
    );
    assert_eq!(
        encoded.doc.tokens(),
        12,
        "北京官员说 。 Trump ’s envoy said “ Hello ” today . \\n"
    );
}

#[test]
fn pipelines_parse_and_pick_the_ents() {
    assert_eq!(
        Pipeline::parse("spancat").unwrap(),
        Pipeline {
            spancat: true,
            ner: false
        }
    );
    assert_eq!(
        Pipeline::parse("ner, spancat").unwrap().components().len(),
        2
    );
    assert!(Pipeline::parse("textcat").is_err_and(|e| e.0.contains("textcat")));
    assert_eq!(
        Pipeline::parse("spancat").unwrap().options().ents,
        Ents::Unset
    );
    assert_eq!(
        Pipeline::parse("ner").unwrap().options().ents,
        Ents::Longest
    );
    assert!(Pipeline::parse("ner").unwrap().options().store_user_data);
}
