//! A new document opens without waiting for its hash, and its file still gets the right one:
//! stamped by the first edit, or by a `Tick` once the hash is ready.

use super::super::tests::Fixture;
use super::super::*;

#[test]
fn the_first_edit_stamps_the_hash_of_a_new_file() {
    let mut f = Fixture::article();
    let session = f.app.session().unwrap();
    assert!(!session.on_disk);
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    let session = f.app.session().unwrap();
    let doc = session.doc.as_ref().unwrap();
    assert_eq!(session.file.text_sha256, doc.sha256());
    let spans = session.file.spans.clone();
    save_open(&mut f.app);
    let session = f.app.session().unwrap();
    let path = f.dir.path().join(session.file.document.clone());
    let on_disk =
        glosser_core::store::load(&glosser_core::store::annotation_path(&path, "tester")).unwrap();
    assert_eq!(
        on_disk.text_sha256,
        glosser_core::text::sha256_hex(&std::fs::read(&path).unwrap())
    );
    assert_eq!(
        on_disk.spans, spans,
        "saved as labelled, nothing re-anchored"
    );
}

#[test]
fn a_tick_stamps_a_ready_hash() {
    let mut f = Fixture::article();
    let hash = f.app.document().unwrap().sha256().to_owned();
    let now = f.now;
    f.send(Event::Tick(now));
    assert_eq!(f.app.session().unwrap().file.text_sha256, hash);
    assert!(f.app.session().unwrap().file.is_blank());
}
