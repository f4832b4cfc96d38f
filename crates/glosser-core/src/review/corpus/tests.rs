use super::*;
use crate::span::Span;
use crate::store::{AnnotationFile, Status};
use crate::text::Document;

/// Seeds in two folders, three annotators and gold with spans in different places, a label
/// outside the label set met late, one broken file and one unfinished file.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut names: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for (i, name) in names.iter().enumerate() {
        let folder = dir.path().join(format!("f{}", i % 2));
        std::fs::create_dir_all(&folder).unwrap();
        let text = std::fs::read_to_string(seeds.join(name)).unwrap();
        std::fs::write(folder.join(name), &text).unwrap();
        let doc = Document::from_text(text);
        for (k, who) in ["alice", "bob", "carol", "gold"].iter().enumerate() {
            let mut file = AnnotationFile::new(name.clone(), *who, doc.sha256());
            file.status = if (i + k) % 3 == 0 {
                Status::InProgress
            } else {
                Status::Done
            };
            for j in 0..6 {
                let start = 20 * j + 3 * k + i;
                let label = ["claim", "quote", "opinion", "rumour"][(j + i * k) % 4];
                if i == 0 && label == "rumour" {
                    continue;
                }
                let span = Span::new(&doc, start..start + 10 + k, label);
                file.spans.insert_unchecked(span);
            }
            crate::store::save(&folder.join(format!("{name}.{who}.ron")), &file).unwrap();
        }
    }
    std::fs::write(dir.path().join("f1/broken.txt"), "text").unwrap();
    std::fs::write(dir.path().join("f1/broken.txt.alice.ron"), "(oops").unwrap();
    std::fs::write(dir.path().join("f1/broken.txt.bob.ron"), "()").unwrap();
    dir
}

#[test]
fn streamed_figures_are_the_listed_ones() {
    let dir = corpus();
    let listed = Corpus::scan(dir.path()).unwrap();
    let labels = LabelSet::default();
    for annotators in [vec!["alice", "bob", "carol"], vec!["gold", "alice", "bob"]] {
        let annotators: Vec<String> = annotators.into_iter().map(String::from).collect();
        for done_only in [false, true] {
            let mut warned_a = Vec::new();
            let a = compute_filtered(&listed, &labels, &annotators, true, done_only, &mut |w| {
                warned_a.push(w);
            });
            let mut warned_b = Vec::new();
            let b = compute_streamed(
                dir.path(),
                &labels,
                &annotators,
                true,
                done_only,
                &mut |w| warned_b.push(w),
            )
            .unwrap();
            assert_eq!(
                super::json::to_json(&b, true),
                super::json::to_json(&a, true)
            );
            assert_eq!(warned_b, warned_a);
            assert!(
                a.documents > 0 && a.excluded == 1,
                "{} {}",
                a.documents,
                a.excluded
            );
        }
    }
}
