mod fixtures;

use super::*;

#[test]
fn names_and_readers() {
    assert_eq!(Format::GateBdocjs.name(), "gate");
    assert!(Format::SpacyV2.read_here());
    assert!(!Format::Doccano.read_here());
    assert_eq!(Format::GlosserJsonl.name(), "jsonl");
}

#[test]
fn text_formats() {
    assert_eq!(
        detect(b"#FORMAT=WebAnno TSV 3.3\n", ""),
        Some(Format::WebAnnoTsv)
    );
    assert_eq!(
        detect(
            b"<?xml version=\"1.0\"?><xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\"/>",
            ""
        ),
        Some(Format::UimaXmi)
    );
    assert_eq!(detect(b"<html></html>", ""), None);
    assert_eq!(
        detect(b"T1\tPerson 0 3\tAda\n", "a.ann"),
        Some(Format::Brat)
    );
    assert_eq!(detect(b"", "a.ann"), Some(Format::Brat));
    assert_eq!(detect(b"", ""), None);
    assert_eq!(
        detect(b"\xEF\xBB\xBFAda B-PER\nsaid O\n", ""),
        Some(Format::Conll)
    );
    assert_eq!(
        detect(b"{\"text\": 1", "x.bdocjs"),
        Some(Format::GateBdocjs)
    );
    assert_eq!(detect(b"{\"text\": 1", ""), None);
}
