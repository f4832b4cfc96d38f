//! Spans waiting for a person: orphans placed or dropped by hand, ambiguous spans shown at
//! their proposed place and confirmed.

use super::*;

#[test]
fn orphans_are_placed_or_dropped_by_hand_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let old = "Alpha one. The end. Omega two.\n";
    let old_doc = glosser_core::text::Document::from_text(old);
    let mut orphan_a = glosser_core::span::Span::new(&old_doc, 11..19, "claim");
    orphan_a.note = Some("keep me".into());
    let file = glosser_core::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: old_doc.sha256().into(),
        status: Status::InProgress,
        spans: glosser_core::span::AnnotationSet::from_spans(vec![
            orphan_a,
            glosser_core::span::Span::new(&old_doc, 20..30, "opinion"),
        ]),
        ..Default::default()
    };
    glosser_core::store::save(&dir.path().join("a.txt.tester.ron"), &file).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Alpha one. Finis. Zeta three.\n").unwrap();
    let mut app = app_for(dir.path());
    assert_eq!(app.session().unwrap().file.orphans.len(), 2);
    let now = Instant::now();
    let act = |app: &mut App, a: Action| update_now(app, Event::Action(a), now);
    act(&mut app, Action::PlaceOrphan);
    assert!(
        app.message.as_ref().unwrap().0.contains("select where"),
        "needs a selection first"
    );
    act(&mut app, Action::NextSentence);
    act(&mut app, Action::SelectSentence);
    act(&mut app, Action::PlaceOrphan);
    let session = app.session().unwrap();
    assert_eq!(session.file.orphans.len(), 1);
    let placed = session.file.spans.get(0).unwrap();
    assert_eq!(
        (
            placed.quote.as_str(),
            placed.label.as_str(),
            placed.note.as_deref()
        ),
        ("Finis.", "claim", Some("keep me"))
    );
    act(&mut app, Action::DropOrphan);
    assert!(app.session().unwrap().file.orphans.is_empty());
    act(&mut app, Action::Undo);
    assert_eq!(
        app.session().unwrap().file.orphans.len(),
        1,
        "undo brings the dropped orphan back"
    );
    act(&mut app, Action::Undo);
    assert_eq!(app.session().unwrap().file.orphans.len(), 2);
    assert!(app.session().unwrap().file.spans.is_empty());
    act(&mut app, Action::Redo);
    act(&mut app, Action::Redo);
    act(&mut app, Action::Save);
    let saved = glosser_core::store::load(&dir.path().join("a.txt.tester.ron")).unwrap();
    assert_eq!(
        saved.spans.len(),
        1,
        "placed span saved, dropped orphan gone"
    );
}

#[test]
fn an_ambiguous_span_is_shown_at_its_place_and_confirmed_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let old = "No. Yes. No.\n";
    let old_doc = glosser_core::text::Document::from_text(old);
    // A version 1 file (no saved context), for a text glosser kept nowhere.
    let mut second = glosser_core::span::Span::new(&old_doc, 9..12, "claim");
    second.note = Some("the second".into());
    let file = glosser_core::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: old_doc.sha256().into(),
        status: Status::InProgress,
        spans: glosser_core::span::AnnotationSet::from_spans(vec![second]),
        ..Default::default()
    };
    glosser_core::store::save(&dir.path().join("a.txt.tester.ron"), &file).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Lead. No. Yes. No.\n").unwrap();
    let mut app = app_for(dir.path());
    let session = app.session().unwrap();
    assert!(session.file.spans.is_empty());
    assert!(session.file.orphans[0].ambiguous);
    let screen = {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
        terminal
            .draw(|frame| crate::view::draw(frame, &app))
            .unwrap();
        terminal.backend().to_string()
    };
    assert!(screen.contains("? check claim No."), "{screen}");
    let now = Instant::now();
    let act = |app: &mut App, a: Action| update_now(app, Event::Action(a), now);
    // The first o shows the place glosser proposes; nothing is placed yet.
    act(&mut app, Action::PlaceOrphan);
    assert_eq!(app.session().unwrap().selection(), Some(6..9));
    assert!(app.message.as_ref().unwrap().0.contains("proposed here"));
    assert!(app.session().unwrap().file.spans.is_empty());
    // It is the other "No." that was labelled: select it and place it there.
    act(&mut app, Action::Cancel);
    let at = app.document().unwrap().char_len() - 4;
    app.session_mut().unwrap().cursor = at;
    act(&mut app, Action::SelectSentence);
    act(&mut app, Action::PlaceOrphan);
    let session = app.session().unwrap();
    assert!(session.file.orphans.is_empty());
    let placed = session.file.spans.get(0).unwrap();
    assert_eq!(
        (placed.start, placed.note.as_deref(), placed.ambiguous),
        (15, Some("the second"), false)
    );
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("ambiguous span confirmed")
    );
}

#[test]
fn documents_with_spans_of_yours_to_settle_are_named_at_start_and_marked_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Alpha one.\n").unwrap();
    // Someone else's text edit left b.txt's claim an orphan, orphaned in the tester's file.
    let old = glosser_core::text::Document::from_text("Bravo gone. Bravo stays.\n");
    let mut orphan = glosser_core::span::Span::new(&old, 0..11, "claim");
    orphan.orphan = true;
    let new = glosser_core::text::Document::from_text("Bravo stays.\n");
    std::fs::write(dir.path().join("b.txt"), new.text()).unwrap();
    let file = glosser_core::store::AnnotationFile {
        document: "b.txt".into(),
        annotator: "tester".into(),
        text_sha256: new.sha256().into(),
        status: Status::InProgress,
        orphans: vec![orphan],
        ..Default::default()
    };
    glosser_core::store::save(&dir.path().join("b.txt.tester.ron"), &file).unwrap();
    let mut app = app_for(dir.path());
    // The status scan the event loop starts (`lib.rs`), run here by hand.
    let (jobs, receiver) = crate::listing::status_worker();
    for (index, entry) in app.corpus.documents.iter().enumerate() {
        let path = entry.annotation("tester").map(|a| a.path.clone());
        jobs.send((index, path.unwrap_or_default())).unwrap();
    }
    app.info_updates = Some(receiver);
    let start = Instant::now();
    while app.to_settle.is_empty() && start.elapsed() < Duration::from_secs(5) {
        let now = Instant::now();
        update_now(&mut app, Event::Tick(now), now);
    }
    let (message, _) = app.message.clone().unwrap();
    assert!(
        message.contains("yours to settle") && message.contains("b.txt"),
        "{message}"
    );
    let screen = super::review_trust::screen_text(&app, 120, 30);
    let row = screen.lines().find(|l| l.contains("b.txt")).unwrap();
    assert!(row.trim_start_matches('│').starts_with('?'), "{screen}");
}
