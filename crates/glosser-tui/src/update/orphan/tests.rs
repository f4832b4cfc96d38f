use super::*;
use glosser_core::store::{AnnotationFile, Link, LinkEnd};
use glosser_core::text::Document;

#[test]
fn a_span_labelled_on_a_linked_orphans_offsets_moves_the_orphan_and_its_link_off_them() {
    let doc = Document::from_text("Rutte agreed. Tail of text.");
    let rutte = Span::new(&doc, 0..5, "quote");
    let mut orphan = Span::new(&doc, 14..18, "source");
    orphan.quote = "Gone".into();
    orphan.orphan = true;
    let mut file = AnnotationFile::new("a.txt", "alice", doc.sha256());
    file.spans = glosser_core::span::AnnotationSet::from_spans(vec![rutte.clone()]);
    file.orphans = vec![orphan.clone()];
    file.links = vec![Link {
        kind: "speaker".into(),
        from: LinkEnd::of(&rutte),
        to: LinkEnd::of(&orphan),
    }];
    let new = Span::new(&doc, 14..18, "source");
    let changes = off_new_keys(&file, &[Change::Add(new.clone())]);
    let moved = changes
        .iter()
        .find_map(|c| match c {
            Change::Orphan(s) => Some(s.clone()),
            _ => None,
        })
        .expect("the orphan moves");
    assert_ne!(moved.key(), new.key());
    let links = changes
        .iter()
        .find_map(|c| match c {
            Change::Links { new, .. } => Some(new.clone()),
            _ => None,
        })
        .expect("its link follows");
    assert!(links[0].to.matches(&moved));
    assert!(off_new_keys(&file, &[Change::Add(Span::new(&doc, 0..4, "claim"))]).is_empty());
}
