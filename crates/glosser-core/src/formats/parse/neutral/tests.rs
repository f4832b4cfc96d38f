use std::collections::BTreeMap;

use glosser_interchange::{Document, Relation, Skipped, Span};

use super::*;

fn span(start: usize, end: usize, layer: &str, label: &str, annotator: Option<&str>) -> Span {
    Span {
        id: format!("{start}-{end}"),
        start,
        end,
        layer: layer.to_owned(),
        label: label.to_owned(),
        annotator: annotator.map(str::to_owned),
        ..Span::default()
    }
}

fn naming(count: usize, layers: &[String]) -> Naming<'_> {
    Naming {
        origin: "in.xmi",
        stem: "in",
        count,
        layers,
    }
}

fn run(document: Document, index: usize, naming: &Naming) -> (Parsed, Vec<String>) {
    let mut parsed = Parsed::default();
    let mut assumed = Assumptions::default();
    records(document, index, naming, &mut parsed, &mut assumed);
    (parsed, assumed.lines())
}

#[test]
fn spans_become_records_per_annotator_with_labels_notes_and_links() {
    let mut document = Document::new("Ada said hello to Bo.");
    document.spans = vec![
        span(0, 3, "webanno.custom.Source", "", Some("alice@example.org")),
        Span {
            note: Some("greeting".to_owned()),
            ..span(
                4,
                14,
                "webanno.custom.Quote",
                "quote",
                Some("alice@example.org"),
            )
        },
        span(18, 20, "webanno.custom.Source", "PER", Some("bob")),
    ];
    document.relations = vec![
        Relation {
            id: "7".to_owned(),
            layer: "webanno.custom.Speaker".to_owned(),
            from: 1,
            to: 0,
            ..Relation::default()
        },
        Relation {
            id: "8".to_owned(),
            layer: "webanno.custom.Speaker".to_owned(),
            label: "addressee".to_owned(),
            from: 1,
            to: 2,
            ..Relation::default()
        },
    ];
    document.metadata.document_title = Some("news/a.txt".to_owned());
    let (parsed, _) = run(document, 0, &naming(1, &[]));
    let records: Vec<&Record> = parsed.records.iter().flatten().collect();
    assert_eq!(records.len(), 2);
    let alice = records
        .iter()
        .find(|r| r.annotator.as_deref() == Some("alice"))
        .unwrap();
    assert_eq!(alice.document, "news/a.txt");
    assert_eq!(alice.unit, Unit::Codepoint);
    assert_eq!(alice.annotator_source.as_deref(), Some("alice@example.org"));
    let spans: Vec<(usize, usize, &str, Option<&str>)> = alice
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str(), s.note.as_deref()))
        .collect();
    assert_eq!(
        spans,
        [(0, 3, "Source", None), (4, 14, "quote", Some("greeting"))]
    );
    assert_eq!(alice.links.len(), 1);
    assert_eq!(
        (
            alice.links[0].kind.as_str(),
            alice.links[0].from,
            alice.links[0].to
        ),
        ("Speaker", 1, 0)
    );
    let bob = records
        .iter()
        .find(|r| r.annotator.as_deref() == Some("bob"))
        .unwrap();
    assert_eq!(bob.spans[0].label, "PER");
    // The link between two annotators' spans is reported, not dropped silently.
    let relations = parsed.report.tally(Kind::Relations).unwrap();
    assert_eq!(relations.count, 1);
    assert!(
        relations.first[0].contains("two annotators"),
        "{relations:?}"
    );
}

#[test]
fn empty_spans_features_and_losses_are_reported_and_assumptions_said() {
    let mut document = Document::new("Ada left.");
    let mut features = BTreeMap::new();
    features.insert("confidence".to_owned(), "0.9".to_owned());
    document.spans = vec![
        span(2, 2, "", "ZERO", None),
        Span {
            features,
            ..span(0, 3, "", "PER", None)
        },
    ];
    document.skipped = vec![
        Skipped::new("key status", "not read"),
        Skipped::noted("the text", "rebuilt from the tokens"),
    ];
    let (parsed, notes) = run(document, 0, &naming(1, &[]));
    assert_eq!(parsed.report.count(Kind::EmptySpans), 1);
    assert_eq!(parsed.report.count(Kind::Features), 1);
    assert_eq!(
        parsed.report.tally(Kind::Features).unwrap().first,
        ["in.xmi 0-3: confidence"]
    );
    assert_eq!(
        parsed.report.tally(Kind::NotRead).unwrap().first,
        ["in.xmi: key status: not read"]
    );
    assert_eq!(notes, ["in.xmi: the text: rebuilt from the tokens"]);
    let record = parsed.records[0].as_ref().unwrap();
    assert_eq!(record.spans.len(), 1);
    assert_eq!(record.annotator, None);
    assert_eq!(record.document, "in.txt");
}

#[test]
fn documents_without_ids_are_named_after_the_file_and_layers_chosen() {
    let mut document = Document::new("Ada left Paris.");
    document.spans = vec![
        span(
            0,
            3,
            "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity",
            "PER",
            None,
        ),
        span(
            0,
            3,
            "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS",
            "NNP",
            None,
        ),
        span(
            9,
            14,
            "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity",
            "LOC",
            None,
        ),
    ];
    document.relations = vec![Relation {
        layer: "x.Dep".to_owned(),
        from: 1,
        to: 2,
        ..Relation::default()
    }];
    let layers = vec!["NamedEntity".to_owned()];
    let (parsed, notes) = run(document.clone(), 2, &naming(3, &layers));
    let record = parsed.records[0].as_ref().unwrap();
    assert_eq!(record.document, "in-3.txt");
    assert_eq!(record.origin, "in.xmi document 3");
    let labels: Vec<&str> = record.spans.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["PER", "LOC"]);
    assert_eq!(
        notes,
        [
            "in.xmi document 3: annotations of other layers: 1 span and 1 relation left out (--layers)"
        ]
    );
    // A relation whose end was left out with its layer is left out with it, and said so.
    assert_eq!(parsed.report.count(Kind::Relations), 0);
    document.metadata.document_id = Some("1163testb SOCCER".to_owned());
    let (parsed, _) = run(document, 0, &naming(1, &[]));
    assert_eq!(
        parsed.records[0].as_ref().unwrap().document,
        "1163testb SOCCER.txt"
    );
}

#[test]
fn a_document_with_no_spans_is_one_record_without_an_annotator() {
    let (parsed, _) = run(Document::new("Nothing here."), 0, &naming(1, &[]));
    assert_eq!(parsed.records.len(), 1);
    let record = parsed.records[0].as_ref().unwrap();
    assert!(record.spans.is_empty() && !record.document_only);
}

#[test]
fn notes_of_many_documents_are_said_once_with_their_counts_summed() {
    let mut assumed = Assumptions::default();
    assumed.add("a.xmi", "5 Token annotations", "not annotations");
    assumed.add("b.xmi", "7 Token annotations", "not annotations");
    assumed.add("b.xmi", "the text", "rebuilt");
    assumed.add("c.xmi", "the text", "rebuilt");
    assumed.add("d.xmi", "the text", "rebuilt");
    assert_eq!(
        assumed.lines(),
        [
            "a.xmi: 12 Token annotations: not annotations (and 1 other document)",
            "b.xmi: the text: rebuilt (and 2 other documents)",
        ]
    );
    assert_eq!(short_name("webanno.custom.Claim"), "Claim");
    assert_eq!(short_name(""), "span");
}
