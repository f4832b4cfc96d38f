//! The checks of one annotation file against its document and labels, and `--fix`, which
//! re-anchors through the one save path.

use std::path::Path;

use super::{Kind, Problem, Report};
use crate::labels::LabelSet;
use crate::old_texts::Lookup;
use crate::span::Span;
use crate::store::{AnnotationFile, JoinedDuplicates};
use crate::text::Document;

/// An annotation file as read, with what reading it had to settle.
pub struct Loaded<'a> {
    pub path: &'a Path,
    pub file: &'a AnnotationFile,
    pub joined: &'a JoinedDuplicates,
}

fn problem(path: &Path, kind: Kind, message: String) -> Problem {
    Problem {
        file: path.to_owned(),
        kind,
        position: None,
        message,
    }
}

/// Checks one file; with `fix`, re-anchors it to a changed text (or spans whose offsets no
/// longer hold their quote) and writes it through [`crate::save::save_merged`]. Orphaned and
/// ambiguous spans are listed every time, until a person places, confirms or drops them.
pub(crate) fn check_file(
    loaded: &Loaded<'_>,
    doc: &Document,
    labels: &LabelSet,
    fix: bool,
    texts: &Lookup,
    report: &mut Report,
) {
    let Loaded { path, file, joined } = *loaded;
    for (start, end, label) in joined {
        report.problems.push(problem(
            path,
            Kind::Duplicate,
            format!(
                "span {start}..{end} {label} is in the file more than once with different notes; they were joined into one note (the next save writes it once)"
            ),
        ));
    }
    let mut fixed = file.clone();
    let restamped = crate::reanchor::restamp(&mut fixed, doc, texts);
    if restamped.changed() && fix {
        match crate::save::save_merged(path, &fixed, Some(file), doc, texts) {
            Ok(saved) => {
                let restamped = &restamped.clone().then(saved.restamp);
                report.fixed.extend(
                    restamped
                        .lines()
                        .into_iter()
                        .map(|line| format!("{}: {line}", path.display())),
                );
                report
                    .fixed
                    .push(format!("{}: {}", path.display(), restamped.summary()));
                fixed = saved.file;
            }
            Err(e) => {
                // The problem line names the file already.
                let message = e.to_string();
                let prefix = format!("{}: ", path.display());
                let message = message.strip_prefix(&prefix).unwrap_or(&message);
                report
                    .problems
                    .push(problem(path, Kind::Parse, message.to_owned()));
                return;
            }
        }
    } else if restamped.changed() && !restamped.text_changed {
        // Same text, spans whose offsets do not hold their quotes: say what is wrong with
        // each, and what --fix would do with it.
        for (_, e) in file.spans.problems(doc, labels) {
            let start_end = span_of(&e);
            let would = restamped
                .outcomes
                .iter()
                .find(|o| (o.before.start, o.before.end) == start_end)
                .map_or_else(String::new, |o| {
                    format!("; validate --fix: {}", fate_line(o))
                });
            report
                .problems
                .push(problem(path, Kind::Span, format!("{e}{would}")));
        }
        unsettled(path, file, &restamped, doc, report);
        check_links(path, file, labels, report);
        return;
    } else if restamped.changed() {
        report.problems.push(problem(
            path,
            Kind::TextChanged,
            format!(
                "the document's text changed since this file was saved (text_sha256 differs): {} in place, {}; run glosser validate --fix",
                restamped.unchanged,
                restamped.summary()
            ),
        ));
        unsettled(path, &fixed, &restamped, doc, report);
        check_spans_and_links(path, &fixed, doc, labels, report);
        return;
    }
    unsettled(
        path,
        &fixed,
        &crate::reanchor::Restamped::default(),
        doc,
        report,
    );
    check_spans_and_links(path, &fixed, doc, labels, report);
}

/// The start and end a span problem is about.
fn span_of(e: &crate::span::SpanError) -> (usize, usize) {
    use crate::span::SpanError as E;
    match e {
        E::Empty { start, end }
        | E::OutOfRange { start, end, .. }
        | E::SplitsGrapheme { start, end, .. }
        | E::QuoteMismatch { start, end, .. }
        | E::UnknownLabel { start, end, .. } => (*start, *end),
    }
}

/// What re-anchoring would do with a span, for a person.
fn fate_line(outcome: &crate::reanchor::Outcome) -> String {
    let line = crate::reanchor::Restamped {
        outcomes: vec![outcome.clone()],
        ..Default::default()
    }
    .lines()
    .join("");
    format!("would be {line}")
}

/// Lists the orphaned and ambiguous spans of `file` (every validate, until a person settles
/// them): those `restamped` just made so with why (it would do so, without --fix), the others
/// as they are.
fn unsettled(
    path: &Path,
    file: &AnnotationFile,
    restamped: &crate::reanchor::Restamped,
    doc: &Document,
    report: &mut Report,
) {
    for span in &file.orphans {
        match restamped.outcomes.iter().find(|o| &o.after == span) {
            Some(outcome) => {
                let kind = if span.ambiguous {
                    Kind::Ambiguous
                } else {
                    Kind::Orphaned
                };
                report
                    .problems
                    .push(problem(path, kind, fate_line(outcome)));
            }
            None => report.problems.push(unsettled_problem(path, span, doc)),
        }
    }
}

/// An orphan or ambiguous span, with what to do about it.
fn unsettled_problem(path: &Path, span: &Span, doc: &Document) -> Problem {
    let what = format!(
        "{} {}..{} {}",
        span.label,
        span.start,
        span.end,
        crate::reanchor::shown(&span.quote)
    );
    if span.ambiguous {
        return problem(
            path,
            Kind::Ambiguous,
            format!(
                "ambiguous {what}: glosser could not be sure this is its place; confirm it in the TUI (o) or drop it (O)"
            ),
        );
    }
    let offer = crate::reanchor::offer(span, doc).map_or_else(String::new, |r| {
        format!(
            "; best place now {}..{} {}",
            r.start,
            r.end,
            crate::reanchor::shown(doc.slice(r.start, r.end))
        )
    });
    problem(
        path,
        Kind::Orphaned,
        format!(
            "orphaned {what}: its text is no longer in the document{offer}; place it in the TUI (o) or drop it (O)"
        ),
    )
}

/// Labels, link ends and conflict notes of a file already on `doc`'s text.
fn check_spans_and_links(
    path: &Path,
    file: &AnnotationFile,
    doc: &Document,
    labels: &LabelSet,
    report: &mut Report,
) {
    for (_, error) in file.spans.problems(doc, labels) {
        report
            .problems
            .push(problem(path, Kind::Span, error.to_string()));
    }
    check_links(path, file, labels, report);
}

/// Conflict notes, link ends and link types of a file.
fn check_links(path: &Path, file: &AnnotationFile, labels: &LabelSet, report: &mut Report) {
    for span in file.all_spans() {
        if let Some(note) = &span.note
            && note.starts_with(crate::merge3::CONFLICT_MARK)
        {
            report.problems.push(problem(
                path,
                Kind::Conflict,
                format!(
                    "span {}..{} {} carries an unresolved {note:?}; settle it and edit the note",
                    span.start, span.end, span.label
                ),
            ));
        }
    }
    for link in &file.links {
        for end in [&link.from, &link.to] {
            if !file.all_spans().any(|s| end.matches(s)) {
                report.problems.push(problem(
                    path,
                    Kind::Link,
                    format!(
                        "link {} points at span {}..{} {}, which is not in the file",
                        link.kind, end.0, end.1, end.2
                    ),
                ));
            }
        }
        if let Some(why) = link_type_problem(labels, link) {
            report.problems.push(problem(path, Kind::Link, why));
        }
    }
}

/// Why the label set does not allow this link, if it does not: an unknown type, or labels its
/// type does not go from or to.
pub(crate) fn link_type_problem(labels: &LabelSet, link: &crate::store::Link) -> Option<String> {
    let (from, to) = (&link.from, &link.to);
    let Some(kind) = labels.link_type(&link.kind) else {
        return Some(format!(
            "link type {:?} ({}..{} {} → {}..{} {}) is not in the label set's links",
            link.kind, from.0, from.1, from.2, to.0, to.1, to.2
        ));
    };
    (!kind.allows(&from.2, &to.2)).then(|| {
        format!(
            "link {} goes from {} to {} ({}..{} → {}..{}); the label set allows it from [{}] to [{}]",
            link.kind,
            from.2,
            to.2,
            from.0,
            from.1,
            to.0,
            to.1,
            kind.from.join(", "),
            kind.to.join(", ")
        )
    })
}
