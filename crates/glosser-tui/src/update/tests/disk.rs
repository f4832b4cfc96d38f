//! The open document and its files on disk: broken and unreadable files, failed saves,
//! outside changes, a second glosser, recovery, re-anchoring and orphans.

use super::*;

#[test]
fn broken_annotation_file_opens_read_only_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let broken = dir.path().join("a.txt.tester.ron");
    std::fs::write(&broken, "(glosser: 1, oops").unwrap();
    let mut app = app_for(dir.path());
    let now = Instant::now();
    for a in [
        Action::SelectSentence,
        Action::Label(1),
        Action::ToggleDone,
        Action::Save,
        Action::Quit,
    ] {
        update_now(&mut app, Event::Action(a), now);
    }
    assert!(app.session().unwrap().file.spans.is_empty());
    let why = app.session().unwrap().read_only.clone().unwrap();
    assert!(why.contains("a.txt.tester.ron:1:"), "{why}");
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "(glosser: 1, oops"
    );
    assert!(app.quit.is_leaving());
}

#[test]
fn unreadable_document_is_shown_not_fatal() {
    let mut f = Fixture::new(&[("bad.txt", "x"), ("good.txt", "Fine text.")]);
    std::fs::write(f.dir.path().join("bad.txt"), b"caf\xe9").unwrap();
    f.app = app_for(f.dir.path());
    assert!(f.app.session().unwrap().doc.is_err());
    f.act(&[
        Action::SelectSentence,
        Action::Label(1),
        Action::MoveRight,
        Action::End,
    ]);
    assert!(
        f.app
            .session()
            .unwrap()
            .read_only
            .as_ref()
            .unwrap()
            .contains("not valid UTF-8")
    );
    f.act(&[
        Action::PrevPane,
        Action::MoveDown,
        Action::Confirm,
        Action::SelectSentence,
        Action::Label(1),
    ]);
    assert_eq!(f.spans().len(), 1);
}

#[test]
fn save_failure_keeps_edits_retries_and_asks_before_quitting() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    // A non-empty directory where the file should go makes every save fail, even for root.
    let blocker = f.dir.path().join("a.txt.tester.ron");
    std::fs::create_dir_all(blocker.join("in-the-way")).unwrap();
    f.wait_for_save();
    assert!(f.app.session().unwrap().is_dirty(), "edits kept in memory");
    let (message, tone) = f.app.message.clone().unwrap();
    assert_eq!(tone, Tone::Error);
    assert!(
        message.contains("a.txt.tester.ron") && message.contains("retried"),
        "{message}"
    );
    f.act(&[Action::Quit]);
    assert!(
        !f.app.quit.is_leaving(),
        "the first q refuses to lose edits"
    );
    assert!(f.app.message.as_ref().unwrap().0.contains("q again"));
    std::fs::remove_dir_all(&blocker).unwrap();
    f.wait_for_save();
    assert!(!f.app.session().unwrap().is_dirty(), "the retry saved");
    assert!(f.ron("a.txt").unwrap().contains("\"claim\""));
    f.act(&[Action::Quit]);
    assert!(f.app.quit.is_leaving());
}

/// Someone else's version of a.txt's file: `spans` by label over ARTICLE.

#[test]
fn outside_changes_are_merged_on_save() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    // A teammate (or git pull) adds a span and keeps ours.
    write_outside(&f, &[(0, 17, "claim"), (18, 24, "quote")]);
    f.act(&[
        Action::NextSentence,
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(3),
    ]);
    f.wait_for_save();
    let ron = f.ron("a.txt").unwrap();
    assert!(ron.contains("label: \"claim\""), "{ron}");
    assert!(
        ron.contains("label: \"quote\""),
        "the outside span survives: {ron}"
    );
    assert!(
        ron.contains("label: \"opinion\""),
        "our new span survives: {ron}"
    );
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("outside glosser")
    );
}

#[test]
fn an_idle_session_reloads_outside_changes() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    write_outside(
        &f,
        &[(0, 17, "claim"), (18, 24, "quote"), (25, 30, "opinion")],
    );
    f.wait_for_save();
    assert_eq!(f.spans().len(), 3, "the view shows the outside spans");
    assert!(f.app.message.as_ref().unwrap().0.contains("reloaded"));
}

#[test]
fn a_file_broken_outside_is_never_overwritten() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    let path = f.dir.path().join("a.txt.tester.ron");
    std::fs::write(&path, "(half a file").unwrap();
    f.act(&[
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(2),
    ]);
    f.wait_for_save();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(half a file");
    assert!(
        f.app.session().unwrap().is_dirty(),
        "our edits wait in memory"
    );
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("not overwritten")
    );
}

#[test]
fn a_second_glosser_on_the_same_file_is_read_only_until_the_first_quits() {
    let first = Fixture::article();
    let mut second = app_for(first.dir.path());
    let why = second.session().unwrap().read_only.clone().unwrap();
    assert!(
        why.contains("another glosser") && why.contains(&std::process::id().to_string()),
        "{why}"
    );
    let now = Instant::now();
    update_now(&mut second, Event::Action(Action::SelectSentence), now);
    update_now(&mut second, Event::Action(Action::Label(1)), now);
    assert!(second.session().unwrap().file.spans.is_empty());
    // The first labels a sentence and quits: the second, still open, takes the lock at its
    // next tick and shows the first one's span.
    let mut first = first;
    first.act(&[Action::SelectSentence, Action::Label(2)]);
    first.act(&[Action::Quit]);
    assert!(first.app.quit.is_leaving());
    drop(first.app);
    let later = now + std::time::Duration::from_secs(1);
    update_now(&mut second, Event::Tick(later), later);
    let session = second.session().unwrap();
    assert!(session.read_only.is_none(), "{:?}", session.read_only);
    assert_eq!(session.file.spans.len(), 1, "the first one's span is shown");
    assert!(
        second.message.as_ref().unwrap().0.contains("yours to edit"),
        "{:?}",
        second.message
    );
    update_now(&mut second, Event::Action(Action::Label(1)), later);
    assert_eq!(
        second.session().unwrap().file.spans.spans()[0].label,
        "claim"
    );
    let third = app_for(first.dir.path());
    assert!(
        third.session().unwrap().read_only.is_some(),
        "the second holds the lock now"
    );
}

#[test]
fn quitting_twice_with_unsaved_edits_writes_a_recovery_file() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    std::fs::create_dir_all(f.dir.path().join("a.txt.tester.ron").join("in-the-way")).unwrap();
    f.act(&[Action::Quit]);
    assert!(!f.app.quit.is_leaving());
    assert!(
        f.app.message.as_ref().unwrap().0.contains("recovery")
            || f.app
                .message
                .as_ref()
                .unwrap()
                .0
                .contains(&glosser_core::save::recovery::dir().display().to_string())
    );
    f.act(&[Action::Quit]);
    assert!(f.app.quit.is_leaving());
    assert_eq!(f.app.recovered.len(), 1);
    let saved = std::fs::read_to_string(&f.app.recovered[0]).unwrap();
    assert!(saved.contains("label: \"claim\""), "{saved}");
    std::fs::remove_file(&f.app.recovered[0]).unwrap();
}

#[test]
fn a_changed_article_reanchors_spans_and_keeps_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let old =
        "First claim here, stated at some length. Second sentence goes on for a while. The end.\n";
    let old_doc = glosser_core::text::Document::from_text(old);
    let mut spans = vec![
        glosser_core::span::Span::new(&old_doc, 41..77, "opinion"),
        glosser_core::span::Span::new(&old_doc, 78..86, "claim"),
    ];
    assert_eq!(spans[0].quote, "Second sentence goes on for a while.");
    assert_eq!(spans[1].quote, "The end.");
    // As glosser saved it: with the text around each span.
    for span in &mut spans {
        span.set_context(&old_doc);
    }
    let file = glosser_core::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: old_doc.sha256().into(),
        status: Status::InProgress,
        spans: glosser_core::span::AnnotationSet::from_spans(spans),
        ..Default::default()
    };
    glosser_core::store::save(&dir.path().join("a.txt.tester.ron"), &file).unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Inserted lead. First claim here, stated at some length. Second sentence goes on for a while. Fin.\n",
    )
    .unwrap();
    let mut app = app_for(dir.path());
    let session = app.session().unwrap();
    assert_eq!(session.file.spans.len(), 1);
    assert_eq!(
        session.file.spans.get(0).unwrap().quote,
        "Second sentence goes on for a while."
    );
    assert_eq!(
        session.file.spans.get(0).unwrap().start,
        56,
        "moved with the text"
    );
    assert_eq!(session.file.orphans.len(), 1);
    assert_eq!(session.file.orphans[0].quote, "The end.");
    let message = &app.message.as_ref().unwrap().0;
    assert!(
        message.contains("1 span re-anchored (1 by context), 1 orphaned"),
        "{message}"
    );
    let terminal_text = {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|frame| crate::view::draw(frame, &app))
            .unwrap();
        terminal.backend().to_string()
    };
    assert!(
        terminal_text.contains("⚠ orphan claim The end."),
        "{terminal_text}"
    );
    let now = Instant::now();
    update_now(&mut app, Event::Action(Action::ToggleDone), now);
    update_now(&mut app, Event::Action(Action::Save), now);
    let saved = glosser_core::store::load(&dir.path().join("a.txt.tester.ron")).unwrap();
    assert_eq!(saved.spans.len(), 1, "only the placed span is a span");
    assert_eq!(
        saved.orphans.len(),
        1,
        "the orphan stays an orphan in the file"
    );
    assert!(saved.orphans[0].orphan);
    assert_eq!(saved.orphans[0].quote, "The end.");
    let new_doc = glosser_core::text::Document::load(&dir.path().join("a.txt")).unwrap();
    assert_eq!(saved.text_sha256, new_doc.sha256());
    for span in saved.spans.spans() {
        assert!(span.check_text(&new_doc).is_ok(), "{span:?}");
    }
    drop(app);
    // Reopened: still an orphan, never an ordinary span over unrelated text.
    let app = app_for(dir.path());
    let session = app.session().unwrap();
    assert_eq!(session.file.spans.len(), 1);
    assert_eq!(session.file.orphans.len(), 1);
}
