use super::*;
use crate::span::Span;
use crate::text::Document;

const TEXT: &str = "One. Two. Three.\n";

fn file(who: &str, spans: &[(usize, usize, &str)]) -> AnnotationFile {
    let doc = Document::from_text(TEXT);
    let mut f = AnnotationFile::new("a.txt", who, doc.sha256());
    for &(start, end, label) in spans {
        f.spans.insert_unchecked(Span::new(&doc, start..end, label));
    }
    f
}

#[test]
fn an_arm_counts_labels_and_agreement_with_gold() {
    let gold = file("gold", &[(0, 4, "claim"), (5, 9, "opinion")]);
    let mut arm = Arm::default();
    arm.add(
        &file("alice", &[(0, 4, "claim"), (10, 16, "claim")]),
        Some(&gold),
    );
    arm.add(&file("alice", &[]), None);
    assert_eq!(arm.documents, 2);
    assert_eq!(arm.gold_documents, 1);
    assert_eq!(arm.per_document("claim"), Some(1.0));
    assert_eq!(arm.per_document("opinion"), Some(0.0));
    assert_eq!(
        arm.gold["claim"],
        VsGold {
            gold: 1,
            suggested: 2,
            correct: 1
        }
    );
    assert_eq!(
        arm.gold["opinion"],
        VsGold {
            gold: 1,
            suggested: 0,
            correct: 0
        }
    );
    assert_eq!(
        arm.gold_overall(),
        VsGold {
            gold: 2,
            suggested: 2,
            correct: 1
        }
    );
    assert_eq!(Arm::default().per_document("claim"), None);
}

#[test]
fn gold_on_another_text_is_not_compared() {
    let mut gold = file("gold", &[(0, 4, "claim")]);
    gold.text_sha256 = "0".repeat(64);
    let mut arm = Arm::default();
    arm.add(&file("alice", &[(0, 4, "claim")]), Some(&gold));
    assert_eq!(arm.gold_documents, 0);
    assert!(arm.gold.is_empty());
}
