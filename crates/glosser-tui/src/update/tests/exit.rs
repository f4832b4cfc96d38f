//! Ways out and outside changes, driven through `update`: a teammate's file reloaded while idle
//! is re-anchored first; when neither the file nor the recovery folder can be written, `q`
//! does not quit and `Ctrl-q` asks before leaving the edits behind.

use super::super::tests::{ARTICLE, Fixture, app_for, write_outside};
use super::super::*;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::Document;

#[test]
fn an_idle_reload_of_a_file_for_the_old_text_is_reanchored_first() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    // The article gains a lead sentence, and the TUI reopens it (re-anchoring our span).
    let new_text = format!("A new lead. {ARTICLE}");
    std::fs::write(f.dir.path().join("a.txt"), &new_text).unwrap();
    let Fixture { dir, app, now } = f;
    drop(app);
    let mut f = Fixture {
        app: app_for(dir.path()),
        dir,
        now,
    };
    let new_doc = Document::from_text(new_text.clone());
    // A teammate (on the old text) writes the file with two spans at the old offsets.
    write_outside(&f, &[(0, 17, "claim"), (18, 24, "quote")]);
    f.wait_for_save();
    let session = f.app.session().unwrap();
    assert!(f.app.message.as_ref().unwrap().0.contains("reloaded"));
    assert_eq!(session.file.text_sha256, new_doc.sha256());
    for span in session.file.spans.spans() {
        assert!(span.check_text(&new_doc).is_ok(), "{span:?}");
    }
    // The next edit saves them under the new hash, in their new places.
    f.act(&[Action::ToggleDone]);
    f.wait_for_save();
    let saved = store::load(&f.dir.path().join("a.txt.tester.ron")).unwrap();
    assert_eq!(saved.text_sha256, new_doc.sha256());
    let quotes: Vec<&str> = saved
        .spans
        .spans()
        .iter()
        .map(|s| s.quote.as_str())
        .collect();
    assert_eq!(quotes, ["First claim here.", "Second"]);
    for span in saved.spans.spans() {
        assert!(span.check_text(&new_doc).is_ok(), "{span:?}");
    }
}

#[test]
fn duplicate_spans_with_different_notes_keep_both_notes_on_save() {
    let f = Fixture::article();
    let doc = Document::from_text(ARTICLE);
    let mut one = Span::new(&doc, 0..17, "claim");
    one.note = Some("ours".into());
    let mut two = one.clone();
    two.note = Some("theirs".into());
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: AnnotationSet::default(),
        ..Default::default()
    };
    // Written by hand, as a resolved git conflict leaves it: the same span twice.
    let mut text = store::to_ron(&file);
    let line = |n: &str| {
        format!(
            "        (start: 0, end: 17, label: \"claim\", quote: \"First claim here.\", note: \"{n}\"),\n"
        )
    };
    text = text.replace(
        "    spans: [],\n",
        &format!("    spans: [\n{}{}    ],\n", line("ours"), line("theirs")),
    );
    std::fs::write(f.dir.path().join("a.txt.tester.ron"), text).unwrap();
    let Fixture { dir, app, now } = f;
    drop(app);
    let mut f = Fixture {
        app: app_for(dir.path()),
        dir,
        now,
    };
    f.act(&[Action::ToggleDone]);
    f.wait_for_save();
    let text = std::fs::read_to_string(f.dir.path().join("a.txt.tester.ron")).unwrap();
    assert!(text.contains("status: Done"), "{text}");
    assert_eq!(text.matches("label: \"claim\"").count(), 1, "{text}");
    assert!(text.contains("note: \"ours | theirs\""), "{text}");
    let _ = (one, two);
}

#[test]
fn when_nothing_can_be_written_q_stays_and_ctrl_q_asks_first() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    let blocker = f.dir.path().join("a.txt.tester.ron");
    std::fs::create_dir_all(blocker.join("in-the-way")).unwrap();
    // The recovery folder cannot be created either: a file stands where it should be.
    let not_a_dir = f.dir.path().join("recovery-blocked");
    std::fs::write(&not_a_dir, "").unwrap();
    f.app.recovery_dir = not_a_dir.join("recovery");
    f.wait_for_save();
    f.act(&[Action::Quit]);
    assert!(!f.app.quit.is_leaving());
    f.act(&[Action::Quit]);
    assert!(
        !f.app.quit.is_leaving(),
        "no file, no recovery: a plain q does not quit"
    );
    let message = f.app.message.clone().unwrap().0;
    assert!(
        message.contains("recovery folder cannot be written"),
        "{message}"
    );
    f.act(&[Action::ForceQuit]);
    assert!(f.app.quit.is_leaving(), "Ctrl-q after the warning leaves");
}

#[test]
fn the_second_q_writes_a_recovery_file_that_parses_and_keeps_orphans() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    let blocker = f.dir.path().join("a.txt.tester.ron");
    std::fs::create_dir_all(blocker.join("in-the-way")).unwrap();
    f.app.recovery_dir = f.dir.path().join("recovery");
    f.wait_for_save();
    f.act(&[Action::Quit, Action::Quit]);
    assert!(f.app.quit.is_leaving());
    let written = &f.app.recovered;
    assert_eq!(written.len(), 1);
    let text = std::fs::read_to_string(&written[0]).unwrap();
    let file = store::parse_unnamed(&text, &written[0]).unwrap();
    assert_eq!(file.spans.len(), 1);
}

#[test]
fn the_warning_of_an_armed_q_or_ctrl_q_outlives_the_save_retries() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    let blocker = f.dir.path().join("a.txt.tester.ron");
    std::fs::create_dir_all(blocker.join("in-the-way")).unwrap();
    f.app.recovery_dir = f.dir.path().join("recovery");
    f.wait_for_save();
    let retrying = f.app.message.clone().unwrap().0;
    assert!(retrying.contains("saving is retried"), "{retrying}");

    f.act(&[Action::ForceQuit]);
    assert!(!f.app.quit.is_leaving());
    for _ in 0..3 {
        f.wait_for_save();
        let message = f.app.message.clone().unwrap().0;
        assert!(
            message.contains("press Ctrl-q again to quit and LOSE these edits"),
            "{message}"
        );
    }
    // Any other key disarms it, and the retries speak again.
    f.act(&[Action::MoveDown]);
    f.wait_for_save();
    assert!(
        f.app
            .message
            .clone()
            .unwrap()
            .0
            .contains("saving is retried")
    );

    f.act(&[Action::Quit]);
    f.wait_for_save();
    let message = f.app.message.clone().unwrap().0;
    assert!(
        message.contains("press q again to quit with the edits written to"),
        "{message}"
    );
    f.act(&[Action::Quit]);
    assert!(f.app.quit.is_leaving());
    assert_eq!(f.app.recovered.len(), 1, "the second q wrote the edits");
}

#[test]
fn a_save_that_merges_a_conflicting_outside_change_says_what_was_kept_both_ways() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    f.act(&[Action::EditNote]);
    for c in "ours".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    // Meanwhile a teammate's copy of the file gives the same span another note.
    let path = f.dir.path().join("a.txt.tester.ron");
    let mut theirs = store::load(&path).unwrap();
    let doc = Document::from_text(ARTICLE);
    let mut span = Span::new(&doc, 0..17, "claim");
    span.note = Some("theirs, a longer note".into());
    theirs.spans = AnnotationSet::from_spans(vec![span]);
    store::save(&path, &theirs).unwrap();
    f.wait_for_save();
    let message = f.app.message.clone().unwrap().0;
    assert!(
        message.contains("changed both ways, both kept"),
        "{message}"
    );
    assert!(message.contains("note changed on both sides"), "{message}");
    let saved = store::load(&path).unwrap();
    assert!(
        saved.spans.spans()[0]
            .note
            .as_deref()
            .is_some_and(|n| n.starts_with("merge conflict:")),
        "{:?}",
        saved.spans.spans()
    );
}

/// The article gains a lead sentence on disk and, right after, an outside `glosser import`
/// writes a span on that lead into the file (stamped for the new text), before the TUI polls.
fn text_changed_and_a_span_imported_before_the_tui_notices(f: &Fixture) -> Document {
    let new_text = format!("Breaking: a new lead. {ARTICLE}");
    std::fs::write(f.dir.path().join("a.txt"), &new_text).unwrap();
    let new_doc = Document::from_text(new_text);
    let path = f.dir.path().join("a.txt.tester.ron");
    let mut imported = AnnotationFile::new("a.txt", "tester", new_doc.sha256());
    imported.status = Status::InProgress;
    imported
        .spans
        .insert_unchecked(Span::new(&new_doc, 0..21, "unverified"));
    glosser_core::save::save_merged(
        &path,
        &imported,
        None,
        &new_doc,
        &glosser_core::old_texts::Lookup::default(),
    )
    .unwrap();
    new_doc
}

/// What a quit left on disk: stamped for the new text, nothing orphaned, every span in place.
fn assert_saved_for_the_new_text(f: &Fixture, new_doc: &Document) {
    let saved = store::load(&f.dir.path().join("a.txt.tester.ron")).unwrap();
    assert_eq!(
        saved.text_sha256,
        new_doc.sha256(),
        "saved for the text on disk"
    );
    assert!(saved.orphans.is_empty(), "orphaned: {:?}", saved.orphans);
    let quotes: Vec<&str> = saved
        .spans
        .spans()
        .iter()
        .map(|s| s.quote.as_str())
        .collect();
    assert_eq!(quotes, ["Breaking: a new lead.", "First claim here."]);
    for span in saved.spans.spans() {
        assert!(span.check_text(new_doc).is_ok(), "{span:?}");
    }
}

#[test]
fn q_right_after_an_outside_text_change_and_import_saves_onto_the_new_text() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    let new_doc = text_changed_and_a_span_imported_before_the_tui_notices(&f);
    f.act(&[Action::Quit]);
    assert!(f.app.quit.is_leaving(), "{:?}", f.app.message);
    assert_saved_for_the_new_text(&f, &new_doc);
}

#[test]
fn every_other_way_out_right_after_an_outside_text_change_saves_onto_the_new_text() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    let new_doc = text_changed_and_a_span_imported_before_the_tui_notices(&f);
    // SIGTERM, SIGHUP, a closed terminal, a panic: `tui::finish` saves without a `q`.
    crate::finish(&mut f.app, Ok(Ok(()))).unwrap();
    assert_saved_for_the_new_text(&f, &new_doc);
}
