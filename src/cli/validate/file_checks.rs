//! The checks of one annotation file against its document and labels, and `--fix`, which
//! re-anchors through the one save path.

use std::path::Path;

use super::{Kind, Problem, Report};
use crate::labels::LabelSet;
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

/// Checks one file; with `fix`, re-anchors it to a changed text (or spans that no longer match)
/// and writes it through [`crate::save::save_merged`].
pub fn check_file(
    loaded: &Loaded<'_>,
    doc: &Document,
    labels: &LabelSet,
    fix: bool,
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
    let restamped = crate::reanchor::restamp(&mut fixed, doc);
    let needs_fix =
        restamped.text_changed || restamped.reanchored() > 0 || !restamped.orphaned.is_empty();
    if needs_fix && fix {
        match crate::save::save_merged(path, &fixed, Some(file), doc) {
            Ok(saved) => {
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
    } else if needs_fix && !restamped.text_changed {
        // Same text, spans that do not match it: say exactly what is wrong with each.
        report
            .problems
            .extend(file.spans.problems(doc, labels).into_iter().map(|(_, e)| {
                problem(
                    path,
                    Kind::Span,
                    format!("{e} (validate --fix re-anchors it by its quote)"),
                )
            }));
        for orphan in &file.orphans {
            report.problems.push(orphan_problem(path, orphan));
        }
        return;
    } else if needs_fix {
        report.problems.push(problem(
            path,
            Kind::TextChanged,
            format!(
                "the document's text changed since this file was saved (text_sha256 differs): {} spans still in place, {}; run glosser validate --fix",
                restamped.unchanged,
                restamped.summary()
            ),
        ));
    }
    for span in &restamped.ambiguous {
        report.problems.push(problem(
            path,
            Kind::Ambiguous,
            format!(
                "span {}..{} {} {:?} occurs more than once in the changed text; it {} placed at the nearest occurrence — check it",
                span.start,
                span.end,
                span.label,
                span.quote,
                if fix { "was" } else { "would be" }
            ),
        ));
    }
    for orphan in &fixed.orphans {
        report.problems.push(orphan_problem(path, orphan));
    }
    check_spans_and_links(path, &fixed, doc, labels, report);
}

fn orphan_problem(path: &Path, orphan: &crate::span::Span) -> Problem {
    problem(
        path,
        Kind::Orphaned,
        format!(
            "orphaned span {}..{} {} {:?}: its text is no longer in the document; place it again in the TUI (o) or drop it (O)",
            orphan.start, orphan.end, orphan.label, orphan.quote
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
pub fn link_type_problem(labels: &LabelSet, link: &crate::store::Link) -> Option<String> {
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
