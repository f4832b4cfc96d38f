//! Editing the one-line prompt (note, search, filter): a cursor, Home/End, Left/Right, Ctrl-U,
//! Ctrl-W, Delete, and pasted text made one clean line; `Tab` in the search and list prompts.

use crate::app::{App, Mode, Prompt, PromptKind};

/// A prompt editing key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptEdit {
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Ctrl-U: delete from the start of the line to the cursor.
    ClearToStart,
    /// Ctrl-W: delete the word before the cursor (and the spaces after it).
    DeleteWord,
    Home,
    End,
    Left,
    Right,
}

/// Byte index of char `n` in `s` (its length when `n` is past the end).
fn byte_at(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Char offsets where grapheme clusters start, and the end.
fn boundaries(s: &str) -> impl Iterator<Item = usize> + '_ {
    use unicode_segmentation::UnicodeSegmentation as _;
    s.graphemes(true)
        .scan(0, |at, g| {
            let start = *at;
            *at += g.chars().count();
            Some(start)
        })
        .chain(std::iter::once(s.chars().count()))
}

/// Inserts `text` at the cursor and moves the cursor after it.
pub fn insert(prompt: &mut Prompt, text: &str) {
    let len = prompt.text.chars().count();
    prompt.cursor = prompt.cursor.min(len);
    let at = byte_at(&prompt.text, prompt.cursor);
    prompt.text.insert_str(at, text);
    prompt.cursor += text.chars().count();
}

/// Applies one editing key.
pub fn edit(prompt: &mut Prompt, edit: PromptEdit) {
    let len = prompt.text.chars().count();
    let cursor = prompt.cursor.min(len);
    let remove = |prompt: &mut Prompt, from: usize, to: usize| {
        let (a, b) = (byte_at(&prompt.text, from), byte_at(&prompt.text, to));
        prompt.text.replace_range(a..b, "");
        prompt.cursor = from;
    };
    // Moves and deletes step over whole grapheme clusters (`é` as e + accent is one step).
    let before = boundaries(&prompt.text)
        .take_while(|&b| b < cursor)
        .last()
        .unwrap_or(0);
    let after = boundaries(&prompt.text)
        .find(|&b| b > cursor)
        .unwrap_or(len);
    match edit {
        PromptEdit::Backspace if cursor > 0 => remove(prompt, before, cursor),
        PromptEdit::Delete if cursor < len => remove(prompt, cursor, after),
        PromptEdit::ClearToStart => remove(prompt, 0, cursor),
        PromptEdit::DeleteWord => {
            let chars: Vec<char> = prompt.text.chars().take(cursor).collect();
            let mut start = cursor;
            while start > 0 && chars[start - 1].is_whitespace() {
                start -= 1;
            }
            while start > 0 && !chars[start - 1].is_whitespace() {
                start -= 1;
            }
            remove(prompt, start, cursor);
        }
        PromptEdit::Home => prompt.cursor = 0,
        PromptEdit::End => prompt.cursor = len,
        PromptEdit::Left => prompt.cursor = before,
        PromptEdit::Right => prompt.cursor = after,
        PromptEdit::Backspace | PromptEdit::Delete => prompt.cursor = cursor,
    }
}

/// Pasted text as one prompt line: each line break (`\r\n`, `\n`, `\r`) and tab becomes a
/// space, every other control character and bidi control is dropped.
pub(crate) fn clean_paste(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if glosser_core::fsio::is_unsafe_char(c) => None,
            c => Some(c),
        })
        .collect()
}

/// A key pressed while a prompt is open, as a prompt event: Enter, Esc (or Ctrl-C) cancel,
/// editing keys, and characters typed. Other Ctrl combinations do nothing (Ctrl-U never types a
/// `u`).
pub(crate) fn prompt_key(key: crossterm::event::KeyEvent) -> Option<super::Event> {
    use super::Event;
    use crossterm::event::{KeyCode, KeyModifiers};
    let ctrl =
        key.modifiers.contains(KeyModifiers::CONTROL) && !key.modifiers.contains(KeyModifiers::ALT);
    let edit = |e| Some(Event::PromptEdit(e));
    match key.code {
        KeyCode::Enter => Some(Event::PromptSubmit),
        KeyCode::Tab => Some(Event::PromptTab),
        KeyCode::Esc => Some(Event::PromptCancel),
        KeyCode::Backspace if ctrl => edit(PromptEdit::DeleteWord),
        KeyCode::Backspace => Some(Event::PromptBackspace),
        KeyCode::Delete => edit(PromptEdit::Delete),
        KeyCode::Home => edit(PromptEdit::Home),
        KeyCode::End => edit(PromptEdit::End),
        KeyCode::Left => edit(PromptEdit::Left),
        KeyCode::Right => edit(PromptEdit::Right),
        KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
            'c' => Some(Event::PromptCancel),
            'u' => edit(PromptEdit::ClearToStart),
            'w' | 'h' => edit(if c.eq_ignore_ascii_case(&'h') {
                PromptEdit::Backspace
            } else {
                PromptEdit::DeleteWord
            }),
            'a' => edit(PromptEdit::Home),
            'e' => edit(PromptEdit::End),
            _ => None,
        },
        KeyCode::Char(c) => Some(Event::PromptChar(c)),
        _ => None,
    }
}

/// `Tab` in a prompt: whole words on or off in a search; name filter or corpus search in the
/// list.
pub(super) fn tab(app: &mut App) {
    let Mode::Prompt(prompt) = &mut app.mode else {
        return;
    };
    match prompt.kind {
        PromptKind::Search | PromptKind::SearchBack => {
            app.search.whole_word = !app.search.whole_word;
        }
        PromptKind::Filter => {
            prompt.kind = PromptKind::CorpusSearch;
            super::motion::apply_filter(app, "");
        }
        PromptKind::CorpusSearch => prompt.kind = PromptKind::Filter,
        PromptKind::Note { .. } | PromptKind::Command => {}
    }
}
