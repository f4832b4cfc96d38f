use super::*;
use crate::corpus::Corpus;

fn touch(root: &Path, rel: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, "()").unwrap();
}

#[test]
fn chunks_are_the_scan_in_order_and_strays_are_handed_out() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..150 {
        touch(dir.path(), &format!("f{}/d{i}.txt", i % 3));
        if i % 2 == 0 {
            touch(dir.path(), &format!("f{}/d{i}.txt.alice.ron", i % 3));
        }
    }
    touch(dir.path(), "gone.txt.bob.ron");
    let mut sizes = Vec::new();
    let mut ids = Vec::new();
    let mut strays = Vec::new();
    for_each_chunk(
        dir.path(),
        |chunk| {
            sizes.push(chunk.len());
            ids.extend(chunk.iter().map(|d| d.id.clone()));
            Ok::<(), CorpusError>(())
        },
        |s| strays.push(s.document_id),
    )
    .unwrap();
    assert_eq!(sizes, [64, 64, 22]);
    let scanned = Corpus::scan(dir.path()).unwrap();
    let expected: Vec<String> = scanned.documents.iter().map(|d| d.id.clone()).collect();
    assert_eq!(ids, expected);
    assert_eq!(strays, ["gone.txt"]);

    let census = Census::take(dir.path()).unwrap();
    assert_eq!(census.documents, 150);
    assert_eq!(census.files.get("alice"), Some(&75));
    assert_eq!(census.strays.get("bob"), Some(&1));
    assert_eq!(census.annotators(), scanned.annotators());
}

#[test]
fn an_empty_corpus_calls_nothing_and_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut chunks, mut strays) = (0, 0);
    let count = |_: &[DocumentEntry]| -> Result<(), CorpusError> {
        chunks += 1;
        Ok(())
    };
    for_each_chunk(dir.path(), count, |_| strays += 1).unwrap();
    assert_eq!((chunks, strays), (0, 0));
    touch(dir.path(), "a.txt");
    let nothing = |_: &[DocumentEntry]| Ok::<(), CorpusError>(());
    assert!(for_each_chunk(&dir.path().join("a.txt"), nothing, |_| {}).is_err());
    assert!(Census::take(&dir.path().join("a.txt")).is_err());
}
