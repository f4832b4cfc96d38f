//! Opening a review: review mode turned on, and each document's review built the first time
//! it is opened (agreed spans accepted, disagreements listed). A document left with nothing to
//! decide is marked Done — adjudicated, its record written — in the same undoable step,
//! automatically; so is a Done document whose changes since adjudication left nothing open.

use std::time::Instant;

use super::super::super::app::{App, DocReview, Focus, Reviewing, Tone};
use super::super::super::undo::Change;
use super::super::edit::commit;
use super::agreement::document_agreement;

use glosser_core::review::adjudicate;
use glosser_core::span::Span;

/// Turns on review mode: the sidebar lists disagreements between `annotators`.
pub fn start(app: &mut App, annotators: Vec<String>, now: Instant) {
    let changed = app
        .corpus
        .documents
        .iter()
        .map(|e| {
            glosser_core::review::since::since_adjudication(e, &app.annotator, &annotators)
                .is_some_and(|s| !s.is_empty())
        })
        .collect();
    app.reviewing = Some(Reviewing {
        annotators,
        changed,
    });
    app.focus = Focus::Sidebar;
    app.finish_loading();
    prepare(app, now);
}

/// Builds the open document's review the first time it is opened, accepting agreed spans.
pub(crate) fn prepare(app: &mut App, now: Instant) {
    let Some(annotators) = app.review_annotators().cloned() else {
        return;
    };
    let Some(index) = app.open else { return };
    if app
        .session()
        .is_none_or(|s| s.review.is_some() || s.doc.is_err())
    {
        return;
    }
    let entry = &app.corpus.documents[index];
    let mut sides: Vec<Option<Vec<Span>>> = Vec::new();
    let mut links: Vec<Vec<glosser_core::store::Link>> = Vec::new();
    let mut problems = Vec::new();
    for name in &annotators {
        match entry
            .annotation(name)
            .map(glosser_core::corpus::AnnotationRef::load)
        {
            Some(Ok(file)) => {
                links.push(file.links);
                sides.push(Some(file.spans.into_spans()));
            }
            Some(Err(e)) => {
                problems.push(format!("{e} (left out of this review)"));
                sides.push(None);
                links.push(Vec::new());
            }
            None => {
                sides.push(None);
                links.push(Vec::new());
            }
        }
    }
    let since = glosser_core::review::since::since_adjudication(entry, &app.annotator, &annotators)
        .filter(|s| !s.is_empty());
    let (agreed, mut items) = adjudicate::plan_linked(&sides, &links, &annotators);
    let Some((held, rejected, gold_links)) = app.session().map(|s| {
        (
            s.file.spans.spans().to_vec(),
            s.file.rejected.clone(),
            s.file.links.clone(),
        )
    }) else {
        return;
    };
    let listed = items.len();
    items.retain(|item| {
        !adjudicate::settled_linked(item, &held, &rejected, &gold_links, &sides, &links)
    });
    let earlier = listed - items.len();
    // An agreed span gold once turned down stays turned down.
    let agreed: Vec<Span> = agreed
        .into_iter()
        .filter(|s| !rejected.iter().any(|r| r.key() == s.key()))
        .collect();
    let agreed_links = adjudicate::agreed_links(&sides, &links, &agreed);
    let (kappa, f1) = document_agreement(app, &sides, &annotators);
    let has_file: Vec<bool> = sides.iter().map(Option::is_some).collect();
    let absent: Vec<&str> = annotators
        .iter()
        .zip(&has_file)
        .filter(|(_, has)| !**has)
        .map(|(n, _)| n.as_str())
        .collect();
    let with_file = has_file.iter().filter(|h| **h).count();
    let record = super::gold::adjudication_record(app, &annotators);
    let absent_note = match absent.as_slice() {
        [] => None,
        _ if with_file == 0 => Some("no annotator has a file for this document".to_owned()),
        names => Some(format!(
            "{} {} no file for this document{}",
            names.join(", "),
            if names.len() == 1 { "has" } else { "have" },
            if with_file == 1 {
                ": nothing is agreed, decide each span"
            } else {
                ""
            }
        )),
    };
    let Some(session) = app.session_mut() else {
        return;
    };
    let already: Vec<Span> = agreed
        .iter()
        .filter(|&s| session.file.spans.position(s.key()).is_none())
        .cloned()
        .collect();
    let (with_links, new_links) = super::super::review_links::with_agreed(
        &session.file.links,
        agreed_links,
        &[&held, &agreed],
    );
    let changed = since.is_some();
    let open = items.len();
    // Nothing left to decide: adjudicated now (or again), in the step that accepts the agreed.
    let settle = if open == 0 && with_file > 0 && session.read_only.is_none() {
        let not_done = session.file.status != glosser_core::store::Status::Done;
        super::gold::mark_adjudicated(session, not_done || changed, record)
    } else {
        Vec::new()
    };
    session.review = Some(DocReview {
        decisions: vec![None; items.len()],
        items,
        current: 0,
        kappa,
        f1,
        has_file,
        links,
        scroll: 0,
        line: 0,
        marked: Vec::new(),
        earlier,
        changed,
    });
    if let Some(first) = session.review.as_ref().and_then(|r| r.items.first()) {
        session.cursor = first.range.start;
    }
    let mut said = Vec::new();
    if let Some(since) = &since {
        let what = since.describe();
        said.push(if open > 0 {
            format!(
                "changed since adjudication ({what}): {} open again",
                super::super::counted(open, "item", "items")
            )
        } else {
            format!("changed since adjudication ({what})")
        });
    }
    let marking = settle.iter().any(|c| matches!(c, Change::Status { .. }));
    let settled = !settle.is_empty();
    let count = already.len();
    if session.read_only.is_none() && (count > 0 || new_links > 0 || settled) {
        let old = session.file.links.clone();
        let mut edit: Vec<Change> = already.into_iter().map(Change::Add).collect();
        if new_links > 0 {
            edit.push(Change::Links {
                old,
                new: with_links,
            });
        }
        edit.extend(settle);
        commit(app, edit, now);
        if count > 0 || new_links > 0 {
            let what: Vec<String> = [
                (count, super::super::counted(count, "span", "spans")),
                (new_links, super::super::counted(new_links, "link", "links")),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, text)| text)
            .collect();
            said.push(format!(
                "accepted {} everyone agrees on (u to undo)",
                what.join(" and ")
            ));
        }
        if settled {
            said.push(if marking {
                "nothing left to decide: marked Done (u to undo)".to_owned()
            } else {
                "nothing left to decide: adjudicated again (u to undo)".to_owned()
            });
        }
    }
    if earlier > 0 {
        said.push(format!(
            "{} decided earlier (kept in gold)",
            super::super::counted(earlier, "item", "items")
        ));
    }
    said.extend(absent_note);
    said.extend(problems.iter().cloned());
    if !said.is_empty() {
        let tone = if problems.is_empty() && !changed {
            Tone::Info
        } else {
            Tone::Warning
        };
        app.say(said.join("; "), tone);
    }
}
