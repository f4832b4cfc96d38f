//! Files the TUI must not write: read-only annotation files.

use std::os::unix::fs::PermissionsExt as _;
use std::time::{Duration, Instant};

use super::super::*;
use crate::keymap::Keymap;
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::store::{self, AnnotationFile};

#[test]
fn a_read_only_annotation_file_opens_read_only_and_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let text = "First claim here. Second sentence.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let doc = glosser_core::text::Document::from_text(text);
    let path = dir.path().join("a.txt.tester.ron");
    store::save(&path, &AnnotationFile::new("a.txt", "tester", doc.sha256())).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut app = App::with_parts(
        Corpus::scan(dir.path()).unwrap(),
        LabelSet::default(),
        "tester".into(),
        Keymap::default(),
    );
    let mut now = Instant::now();
    update_now(&mut app, Event::Resize(120, 40), now);
    let why = app.session().unwrap().read_only.clone().unwrap();
    assert!(why.contains("a.txt.tester.ron"), "{why}");
    assert!(why.contains("write permission"), "{why}");
    for a in [
        Action::SelectSentence,
        Action::Label(1),
        Action::ToggleDone,
        Action::Save,
    ] {
        update_now(&mut app, Event::Action(a), now);
    }
    now += Duration::from_secs(2);
    update_now(&mut app, Event::Tick(now), now);
    update_now(&mut app, Event::Action(Action::Quit), now);
    assert!(app.session().unwrap().file.spans.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert!(
        !dir.path().join(".a.txt.tester.ron.lock").exists(),
        "no lock for a file we do not edit"
    );
}
