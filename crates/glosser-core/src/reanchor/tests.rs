use super::*;
use crate::old_texts::NoOldTexts;
use crate::span::AnnotationSet;
use crate::store::AnnotationFile;
use crate::text::Document;

#[test]
fn the_report_says_how_each_span_moved_one_line_each_and_counts_last() {
    let old =
        Document::from_text("A first sentence that is long enough. Critics doubt it. The end.");
    let mut file = AnnotationFile::new("a.txt", "alice", old.sha256());
    file.spans = AnnotationSet::from_spans(vec![
        Span::new(&old, 38..55, "opinion"),
        Span::new(&old, 56..64, "claim"),
    ]);
    restamp(&mut file, &old, &NoOldTexts);
    let new =
        Document::from_text("Lead. A first sentence that is long enough. Critics doubt it. Fin.");
    let r = restamp(&mut file, &new, &old);
    let lines = r.lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("re-anchored opinion 38..55 \"Critics doubt it.\" → 44..61 (diff)")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.starts_with("orphaned claim 56..64 \"The end.\": its own words were edited")), "{lines:?}");
    assert_eq!(r.summary(), "1 span re-anchored (1 by diff), 1 orphaned");
    assert_eq!(
        r.follow(&crate::store::LinkEnd(38, 55, "opinion".into())).0,
        44
    );
}

#[test]
fn long_quotes_are_cut_in_lines() {
    let long = "x".repeat(100);
    let shown = shown(&long);
    assert!(shown.chars().count() < 70 && shown.contains('…'), "{shown}");
}

mod hostile;
mod restamp;
