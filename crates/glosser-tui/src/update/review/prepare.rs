//! Opening a review: review mode turned on, and each document's review built the first time
//! it is opened (agreed spans accepted, disagreements listed).

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
            glosser_core::review::ready::changed_since_adjudication(e, &annotators, &app.annotator)
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
    let (agreed, mut items) = adjudicate::plan_linked(&sides, &links, &annotators);
    let Some((held, rejected, gold_links, adjudicated)) = app.session().map(|s| {
        (
            s.file.spans.spans().to_vec(),
            s.file.rejected.clone(),
            s.file.links.clone(),
            s.file.status == glosser_core::store::Status::Done,
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
    let changed = adjudicated && (!items.is_empty() || !already.is_empty());
    let open = items.len();
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
    if session.read_only.is_none() && (!already.is_empty() || new_links > 0) {
        let count = already.len();
        let old = session.file.links.clone();
        let mut edit: Vec<Change> = already.into_iter().map(Change::Add).collect();
        if new_links > 0 {
            edit.push(Change::Links {
                old,
                new: with_links,
            });
        }
        commit(app, edit, now);
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
    if changed && open > 0 {
        said.push(format!(
            "changed since adjudication: {} open again",
            super::super::counted(open, "item", "items")
        ));
    } else if changed {
        said.push("changed since adjudication: the annotators now agree on more".to_owned());
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
