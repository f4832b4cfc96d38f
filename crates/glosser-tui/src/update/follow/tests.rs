use std::time::Duration;

use crate::action::Action;
use crate::update::tests::Fixture;
use crate::update::{Event, update_now};
use glosser_core::store;

fn poll(f: &mut Fixture) {
    f.now += Duration::from_secs(3);
    update_now(&mut f.app, Event::Tick(f.now), f.now);
}

fn label_sentence_at(f: &mut Fixture, needle: &str, label: u8) {
    let at = f.at(needle);
    f.set_cursor(at);
    f.act(&[Action::SelectSentence, Action::Label(label)]);
}

fn quotes(f: &Fixture) -> Vec<(usize, String)> {
    f.app
        .session()
        .expect("open")
        .file
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.quote.clone()))
        .collect()
}

#[test]
fn a_changed_article_is_reloaded_and_new_labels_land_on_the_new_text() {
    let mut f = Fixture::article();
    poll(&mut f);
    label_sentence_at(&mut f, "Second", 1);
    f.wait_for_save();
    let new_text = format!("Breaking news. {}", super::super::tests::ARTICLE);
    std::fs::write(f.dir.path().join("a.txt"), &new_text).expect("write");
    poll(&mut f);
    let doc = f.app.document().expect("document");
    assert_eq!(doc.text(), new_text, "the new text is shown");
    let second = f.at("Second");
    assert_eq!(quotes(&f)[0].0, second, "the span moved with its text");
    assert!(
        !f.app.session().expect("open").history.can_undo(),
        "old offsets cannot be undone onto the new text"
    );
    label_sentence_at(&mut f, "Next paragraph", 2);
    f.wait_for_save();
    let file = store::load(&f.dir.path().join("a.txt.tester.ron")).expect("saved");
    let doc = glosser_core::text::Document::from_text(new_text);
    assert_eq!(file.text_sha256, doc.sha256());
    assert_eq!(file.spans.len(), 2);
    for span in file.spans.spans() {
        assert_eq!(doc.slice(span.start, span.end), span.quote, "{span:?}");
    }
}

#[test]
fn unsaved_edits_are_saved_onto_the_new_text_before_the_reload() {
    let mut f = Fixture::article();
    poll(&mut f);
    label_sentence_at(&mut f, "First", 3);
    assert!(f.app.session().expect("open").is_dirty());
    let new =
        glosser_core::text::Document::from_text(format!("Intro. {}", super::super::tests::ARTICLE));
    std::fs::write(f.dir.path().join("a.txt"), new.text()).expect("write");
    // Meanwhile an outside import writes a span on the new words, for the new text.
    let path = f.dir.path().join("a.txt.tester.ron");
    let mut imported = store::AnnotationFile::new("a.txt", "tester", new.sha256());
    imported
        .spans
        .insert_unchecked(glosser_core::span::Span::new(&new, 0..6, "claim"));
    glosser_core::save::save_merged(
        &path,
        &imported,
        None,
        &new,
        &glosser_core::old_texts::Lookup::default(),
    )
    .expect("import");
    poll(&mut f);
    let on_disk = store::load(&path).expect("saved first");
    assert_eq!(
        on_disk.text_sha256,
        new.sha256(),
        "saved onto the text on disk, never merged onto the old one"
    );
    assert!(on_disk.orphans.is_empty(), "{:?}", on_disk.orphans);
    let saved: Vec<(usize, &str)> = on_disk
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.quote.as_str()))
        .collect();
    assert_eq!(saved, [(0, "Intro."), (7, "First claim here.")]);
    assert_eq!(
        quotes(&f),
        [
            (0, "Intro.".to_owned()),
            (7, "First claim here.".to_owned())
        ]
    );
}

#[test]
fn a_debounced_save_before_the_poll_notices_a_text_change_goes_onto_the_new_text() {
    let mut f = Fixture::article();
    poll(&mut f);
    label_sentence_at(&mut f, "First", 3);
    let new =
        glosser_core::text::Document::from_text(format!("Intro. {}", super::super::tests::ARTICLE));
    std::fs::write(f.dir.path().join("a.txt"), new.text()).expect("write");
    // The save is due before the next poll (every 2 s) would see the change.
    f.wait_for_save();
    let on_disk = store::load(&f.dir.path().join("a.txt.tester.ron")).expect("saved");
    assert_eq!(on_disk.text_sha256, new.sha256());
    assert_eq!(quotes(&f), [(7, "First claim here.".to_owned())]);
    assert_eq!(on_disk.spans.spans()[0].start, 7);
}

#[test]
fn a_deleted_article_is_closed_and_its_file_never_recreated() {
    let mut f = Fixture::article();
    f.app.recovery_dir = f.dir.path().join("recovery");
    poll(&mut f);
    label_sentence_at(&mut f, "First", 1);
    std::fs::remove_file(f.dir.path().join("a.txt")).expect("rm");
    poll(&mut f);
    f.wait_for_save();
    assert_eq!(f.app.corpus.documents.len(), 1);
    assert_eq!(f.app.open, Some(0));
    assert_eq!(f.app.corpus.documents[0].id, "b.txt");
    assert!(
        !f.dir.path().join("a.txt.tester.ron").exists(),
        "no file for a deleted article"
    );
    let kept: Vec<_> = std::fs::read_dir(f.dir.path().join("recovery"))
        .expect("recovery")
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "the unsaved edit is kept in the recovery folder"
    );
    let message = f
        .app
        .message
        .as_ref()
        .map(|(m, _)| m.clone())
        .unwrap_or_default();
    assert!(message.contains("a.txt was deleted"), "{message}");
}

#[test]
fn a_renamed_article_is_followed_and_new_edits_go_beside_it() {
    let mut f = Fixture::article();
    poll(&mut f);
    label_sentence_at(&mut f, "First", 1);
    f.wait_for_save();
    let dir = f.dir.path().to_owned();
    std::fs::create_dir(dir.join("sub")).expect("mkdir");
    std::fs::rename(dir.join("a.txt"), dir.join("sub/c.txt")).expect("mv");
    // As a pull of a teammate's `glosser mv` brings it: the file beside, `document` fixed.
    let mut moved = store::load(&dir.join("a.txt.tester.ron")).expect("load");
    "c.txt".clone_into(&mut moved.document);
    store::save(&dir.join("sub/c.txt.tester.ron"), &moved).expect("save");
    std::fs::remove_file(dir.join("a.txt.tester.ron")).expect("rm");
    poll(&mut f);
    let open = f.app.open.expect("open");
    assert_eq!(f.app.corpus.documents[open].id, "sub/c.txt");
    assert_eq!(quotes(&f), [(0, "First claim here.".to_owned())]);
    label_sentence_at(&mut f, "Second", 2);
    f.wait_for_save();
    assert!(
        !dir.join("a.txt.tester.ron").exists(),
        "the old name is not recreated"
    );
    let file = store::load(&dir.join("sub/c.txt.tester.ron")).expect("saved beside");
    assert_eq!(file.document, "c.txt");
    assert_eq!(file.spans.len(), 2);
}

#[test]
fn new_articles_join_the_list_without_losing_the_open_one() {
    let mut f = Fixture::article();
    poll(&mut f);
    f.app.open_document(1);
    let open_id = f.app.corpus.documents[f.app.open.expect("open")].id.clone();
    std::fs::write(f.dir.path().join("a0.txt"), "New one.").expect("write");
    poll(&mut f);
    assert_eq!(f.app.corpus.documents.len(), 3);
    assert_eq!(f.app.visible_docs.len(), 3);
    assert_eq!(f.app.doc_info.len(), 3);
    assert_eq!(
        f.app.corpus.documents[f.app.open.expect("open")].id,
        open_id
    );
}

#[test]
fn an_edit_key_right_after_a_text_change_reloads_first_and_changes_nothing() {
    let mut f = Fixture::article();
    label_sentence_at(&mut f, "First", 1);
    f.wait_for_save();
    let new_text = format!("Lead. {}", super::super::tests::ARTICLE);
    std::fs::write(f.dir.path().join("a.txt"), &new_text).expect("write");
    // No poll yet: the very next edit key notices.
    let at = f.at("Second");
    f.set_cursor(at);
    f.act(&[Action::SelectSentence, Action::Label(2)]);
    assert_eq!(f.app.document().expect("doc").text(), new_text);
    assert_eq!(
        quotes(&f),
        [(6, "First claim here.".to_owned())],
        "the key changed nothing"
    );
    let message = f
        .app
        .message
        .as_ref()
        .map(|(m, _)| m.clone())
        .unwrap_or_default();
    assert!(
        message.contains("nothing was changed by that key"),
        "{message}"
    );
    label_sentence_at(&mut f, "Second", 2);
    f.wait_for_save();
    let file = store::load(&f.dir.path().join("a.txt.tester.ron")).expect("saved");
    let doc = glosser_core::text::Document::from_text(new_text);
    assert_eq!(file.text_sha256, doc.sha256());
    for span in file.spans.spans() {
        assert_eq!(doc.slice(span.start, span.end), span.quote);
    }
    assert_eq!(file.spans.len(), 2);
}

#[test]
fn an_app_listed_whole_follows_from_that_listing_and_still_sees_new_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/a.txt"), "Alpha.").expect("write");
    let mut app =
        crate::app::App::new_scoped(dir.path(), Some("alice"), &|_| true).expect("open the corpus");
    // The folders come from the listing itself: the first poll has nothing to list again.
    assert!(app.follow.last_poll.is_some());
    assert!(app.follow.dirs.contains_key(&dir.path().join("sub")));
    assert_eq!(app.corpus.documents.len(), 1);
    std::fs::write(dir.path().join("sub/b.txt"), "Beta.").expect("write");
    let later = std::time::Instant::now() + Duration::from_secs(3);
    update_now(&mut app, Event::Tick(later), later);
    let ids: Vec<&str> = app.corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["sub/a.txt", "sub/b.txt"]);
}

/// The second sentence saved as a quote, with `text` typed in its note prompt.
fn typing_a_note(text: &str) -> Fixture {
    let mut f = Fixture::article();
    poll(&mut f);
    label_sentence_at(&mut f, "Second", 2);
    f.wait_for_save();
    f.act(&[Action::EditNote]);
    for c in text.chars() {
        f.send(Event::PromptChar(c));
    }
    f
}

#[test]
fn a_note_typed_while_the_article_is_reloaded_follows_its_span() {
    let mut f = typing_a_note("half");
    let new_text = format!("Breaking news. {}", super::super::tests::ARTICLE);
    std::fs::write(f.dir.path().join("a.txt"), &new_text).expect("write");
    poll(&mut f);
    for c in " typed".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    let second = f.at("Second");
    let notes: Vec<(usize, Option<String>)> = f
        .app
        .session()
        .expect("open")
        .file
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.note.clone()))
        .collect();
    assert_eq!(notes, [(second, Some("half typed".to_owned()))]);
    f.wait_for_save();
    let file = store::load(&f.dir.path().join("a.txt.tester.ron")).expect("saved");
    assert_eq!(file.spans.spans()[0].note.as_deref(), Some("half typed"));
}

#[test]
fn a_note_whose_span_is_gone_stays_in_the_prompt_and_says_so() {
    let mut f = typing_a_note("keep me");
    // The sentence is rewritten: the span cannot follow and becomes an orphan.
    let new_text = super::super::tests::ARTICLE.replace("Second “quoted words” 😀 end.", "Gone.");
    std::fs::write(f.dir.path().join("a.txt"), &new_text).expect("write");
    poll(&mut f);
    f.send(Event::PromptSubmit);
    match &f.app.mode {
        crate::app::Mode::Prompt(prompt) => assert_eq!(prompt.text, "keep me"),
        other => panic!("the prompt closed: {other:?}"),
    }
    let message = f.app.message.clone().expect("message").0;
    assert!(message.contains("the note is not saved"), "{message}");
}

const TWICE: &str = "The minister said no today. Other words come between the two of them. The minister said no today. End of it all.\n";

/// Char offset of the `nth` occurrence of `needle` in `text`.
fn nth_at(text: &str, needle: &str, nth: usize) -> usize {
    let b = text.match_indices(needle).nth(nth).expect("present").0;
    text[..b].chars().count()
}

#[test]
fn a_note_typed_on_the_second_of_two_equal_sentences_stays_on_the_second_through_a_reload() {
    let mut f = Fixture::new(&[("a.txt", TWICE)]);
    poll(&mut f);
    for nth in [0, 1] {
        f.set_cursor(nth_at(TWICE, "The minister said no today.", nth) + 4);
        f.act(&[Action::SelectSentence, Action::Label(1)]);
    }
    f.wait_for_save();
    f.act(&[Action::EditNote]);
    for c in "second one".chars() {
        f.send(Event::PromptChar(c));
    }
    // A teammate writes a long passage right before the second sentence: it is now nearer
    // the first one's old offset than its own.
    let passage = "A long new passage. ".repeat(10);
    let new_text = TWICE.replace(
        "them. The minister",
        &format!("them. {passage}The minister"),
    );
    std::fs::write(f.dir.path().join("a.txt"), &new_text).expect("write");
    poll(&mut f);
    f.send(Event::PromptSubmit);
    let want = nth_at(&new_text, "The minister said no today.", 1);
    let notes: Vec<(usize, Option<String>)> = f
        .app
        .session()
        .expect("open")
        .file
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.note.clone()))
        .collect();
    assert_eq!(notes, [(0, None), (want, Some("second one".to_owned()))]);
}

#[test]
fn suggestions_follow_the_article_when_it_is_reloaded() {
    let mut f = Fixture::article();
    let doc = glosser_core::text::Document::from_text(super::super::tests::ARTICLE);
    let mut suggestions =
        glosser_core::store::AnnotationFile::new("a.txt", "suggest", doc.sha256());
    let start = nth_at(super::super::tests::ARTICLE, "Next paragraph starts.", 0);
    suggestions
        .spans
        .insert_unchecked(glosser_core::span::Span::new(
            &doc,
            start..start + 22,
            "claim",
        ));
    let texts =
        glosser_core::old_texts::Lookup::in_corpus(f.dir.path(), &f.dir.path().join("a.txt"));
    glosser_core::save::save_merged(
        &f.dir.path().join("a.txt.suggest.ron"),
        &suggestions,
        None,
        &doc,
        &texts,
    )
    .expect("saved");
    f.app.show_suggestions("suggest");
    poll(&mut f);
    let new_text = format!("Breaking news. {}", super::super::tests::ARTICLE);
    std::fs::write(f.dir.path().join("a.txt"), &new_text).expect("write");
    poll(&mut f);
    f.act(&[Action::AcceptAllSuggestions]);
    let at = nth_at(&new_text, "Next paragraph starts.", 0);
    assert_eq!(quotes(&f), [(at, "Next paragraph starts.".to_owned())]);
}
