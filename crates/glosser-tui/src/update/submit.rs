//! `Enter` in a prompt: a search (forwards or backwards), the list's filter or a search of the
//! corpus's texts, a span's note, or a command line.

use std::time::Instant;

use super::super::app::{App, Focus, Mode, Prompt, PromptKind, Tone};
use super::super::jobs::Job;
use super::super::undo::Change;
use super::edit::commit;

/// Enter in a prompt; a job to run when the prompt asks for one (a corpus search).
pub(crate) fn submit_prompt(app: &mut App, now: Instant) -> Option<Job> {
    let Mode::Prompt(prompt) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return None;
    };
    match prompt.kind {
        PromptKind::Filter => {
            app.focus = Focus::List;
            let shown = app.visible_docs.len();
            app.say(
                super::counted(shown, "document matches", "documents match"),
                Tone::Info,
            );
        }
        PromptKind::CorpusSearch => return super::search::corpus_start(app, &prompt.text),
        PromptKind::Search => super::search::start(app, &prompt.text, false),
        PromptKind::SearchBack => super::search::start(app, &prompt.text, true),
        PromptKind::Command => return super::command::run(app, &prompt.text, now),
        PromptKind::Note { ref key } => {
            let key = key.clone();
            note(app, key, prompt, now);
        }
    }
    None
}

/// Saves the note typed for the span with `key`.
fn note(app: &mut App, key: (usize, usize, String), prompt: Prompt, now: Instant) {
    let Some(session) = app.session() else { return };
    let Some(old) = session
        .file
        .spans
        .position((key.0, key.1, &key.2))
        .and_then(|i| session.file.spans.get(i))
        .map(|s| s.note.clone())
    else {
        // The span went while the note was typed (the file or the article changed outside
        // glosser): keep the text in the prompt rather than lose it.
        let label = key.2.clone();
        app.mode = Mode::Prompt(Prompt {
            kind: PromptKind::Note { key },
            text: prompt.text,
            cursor: prompt.cursor,
        });
        return app.say(
            format!(
                "the {label} span this note is for is no longer in the file (changed outside glosser): the note is not saved; copy it, then Esc and a on the span"
            ),
            Tone::Error,
        );
    };
    let new = Some(prompt.text.trim().to_owned()).filter(|t| !t.is_empty());
    if new != old {
        commit(app, vec![Change::Note { key, old, new }], now);
        app.say("note saved", Tone::Info);
    }
}
