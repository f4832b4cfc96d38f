//! The command line (`:`): `:w` saves, `:q` quits (saving), `:wq` and `:x` too, `:e DOC` opens
//! a document by its name (or a unique part of it), `:label NAME` labels the selection (or the
//! picked span) with any label, `:help` shows the keys, `:stats A,B` compares the annotators
//! named (suggesters and gold included when named), `:N` puts the cursor at char offset N.

use std::time::Instant;

use super::super::app::{App, Mode, Tone};

/// What the command line knows, for the message an unknown command gets.
const KNOWN: &str = ":w · :q · :e DOC · :label NAME · :help · :stats A,B · :N (offset)";

/// Runs one command line.
pub(super) fn run(app: &mut App, line: &str, now: Instant) -> Option<super::super::jobs::Job> {
    let line = line.trim();
    let (command, argument) = line
        .split_once(char::is_whitespace)
        .map_or((line, ""), |(c, a)| (c, a.trim()));
    match command {
        "" => {}
        "w" | "write" => super::save::save_now(app),
        "q" | "quit" | "wq" | "x" => {
            super::save::save_now(app);
            super::save::quit(app, now);
        }
        "e" | "edit" | "open" => open(app, argument, now),
        "label" | "l" => label(app, argument, now),
        "help" | "h" => app.mode = Mode::Help { top: 0 },
        "stats" | "agree" => return Some(super::stats_job(app, Some(argument))),
        offset if offset.parse::<usize>().is_ok() => go_to(app, offset),
        other => app.say(
            format!("unknown command :{other} — commands: {KNOWN}"),
            Tone::Warning,
        ),
    }
    None
}

/// `:e DOC`: the document whose name is DOC, or the only one whose name holds it.
fn open(app: &mut App, name: &str, now: Instant) {
    if name.is_empty() {
        return app.say(
            ":e needs a document: :e 003 opens the one named 003…",
            Tone::Info,
        );
    }
    let documents = &app.corpus.documents;
    let exact = documents.iter().position(|d| d.id == name);
    let needle = name.to_lowercase();
    let matching: Vec<usize> = documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.id.to_lowercase().contains(&needle))
        .map(|(i, _)| i)
        .collect();
    let index = match (exact, matching.as_slice()) {
        (Some(i), _) => i,
        (None, [i]) => *i,
        (None, []) => return app.say(format!("no document named like {name}"), Tone::Warning),
        (None, many) => {
            let names: Vec<&str> = many
                .iter()
                .take(3)
                .map(|&i| documents[i].id.as_str())
                .collect();
            let more = if many.len() > 3 { ", …" } else { "" };
            return app.say(
                format!(
                    "{} documents match {name}: {}{more}",
                    many.len(),
                    names.join(", ")
                ),
                Tone::Warning,
            );
        }
    };
    if !app.visible_docs.contains(&index) {
        super::motion::apply_filter(app, "");
        app.corpus_search = None;
    }
    super::switch_document(app, index, now);
    let id = app.corpus.documents[index].id.clone();
    app.say(format!("opened {id}"), Tone::Info);
}

/// `:label NAME`: the selection (or the picked span) labelled NAME.
fn label(app: &mut App, name: &str, now: Instant) {
    if app.labels.get(name).is_none() {
        let names: Vec<&str> = app
            .labels
            .labels()
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        return app.say(
            format!("no label {name:?}: the labels are {}", names.join(", ")),
            Tone::Warning,
        );
    }
    if !super::count::labels_here(app) {
        return app.say(
            "select text first (s, \", t, v…) or pick a span (] [), then :label NAME",
            Tone::Warning,
        );
    }
    super::edit::label_named(app, name, now);
}

/// `:N`: the cursor to char offset N (the offset the status line shows).
fn go_to(app: &mut App, offset: &str) {
    let Ok(offset) = offset.parse::<usize>() else {
        return;
    };
    let Some(session) = app.session_mut() else {
        return;
    };
    let Ok(doc) = &session.doc else { return };
    session.cursor = doc.grapheme_floor(offset.min(doc.char_len()));
    session.anchor = None;
    session.picked = None;
}
