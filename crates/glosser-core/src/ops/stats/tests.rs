use super::*;

/// A corpus with subfolders, a broken file, an unreadable article and a stray.
pub(crate) fn mixed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for (i, name) in names.iter().enumerate() {
        let folder = root.join(format!("part{}", i % 2));
        std::fs::create_dir_all(&folder).unwrap();
        let text = std::fs::read_to_string(seeds.join(name)).unwrap();
        std::fs::write(folder.join(name), &text).unwrap();
        let doc = Document::from_text(text.clone());
        let mut file = AnnotationFile::new(name.clone(), "alice", doc.sha256());
        let end = text.chars().take(40).count();
        file.spans
            .insert_unchecked(crate::span::Span::new(&doc, 0..end, "claim"));
        file.status = if i % 2 == 0 {
            Status::Done
        } else {
            Status::InProgress
        };
        crate::store::save(&folder.join(format!("{name}.alice.ron")), &file).unwrap();
    }
    std::fs::write(root.join("part0/broken.txt"), "text").unwrap();
    std::fs::write(root.join("part0/broken.txt.bob.ron"), "(not ron").unwrap();
    std::fs::write(root.join("latin1.txt"), b"caf\xe9").unwrap();
    std::fs::write(root.join("gone.txt.carol.ron"), "()").unwrap();
    dir
}

#[test]
fn the_streamed_summary_is_the_listed_one() {
    let dir = mixed_corpus();
    let labels = LabelSet::default();
    let corpus = Corpus::scan(dir.path()).unwrap();
    for keep_list in [false, true] {
        let listed = gather_with(&corpus, &labels, keep_list);
        let streamed = gather_streamed(dir.path(), &labels, keep_list).unwrap();
        assert_eq!(streamed, listed);
        assert_eq!(streamed.documents, corpus.documents.len());
        assert_eq!(
            streamed.unannotatable.len(),
            1,
            "{:?}",
            streamed.unannotatable
        );
        assert_eq!(streamed.annotators["bob"].broken, 1);
    }
}
