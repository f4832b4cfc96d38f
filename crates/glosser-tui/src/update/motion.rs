//! Cursor motions in the article and the document list, and the list filter.

use super::super::action::Action;
use super::super::app::{App, Mode};
use super::super::layout::Areas;
use glosser_core::text::bounds;

/// Rows of the article pane (for paging).
fn page_rows(app: &App) -> usize {
    Areas::of(app)
        .map_or(10, |a| usize::from(a.article_text().height))
        .max(2)
        - 1
}

/// Applies a motion or selection action to the open article.
pub fn article(app: &mut App, action: Action) {
    let page = page_rows(app);
    let Some(index) = app.open else { return };
    let wrap = &app.wrap;
    let labels = &app.labels;
    let Some(session) = app.sessions.get_mut(&index) else {
        return;
    };
    let Ok(doc) = &session.doc else { return };
    let cursor = session.cursor;
    let extend = matches!(
        action,
        Action::ExtendLeft | Action::ExtendRight | Action::ExtendUp | Action::ExtendDown
    );
    if extend && session.anchor.is_none() {
        session.anchor = Some(cursor);
    }
    let vertical = |rows: isize, goal: &mut Option<u16>| {
        let row = wrap.row_of(cursor);
        let column = *goal.get_or_insert_with(|| wrap.column_of(doc, cursor));
        let target = row.saturating_add_signed(rows).min(wrap.row_count() - 1);
        if target == row {
            return if rows < 0 { 0 } else { doc.char_len() };
        }
        wrap.offset_at(doc, target, column)
    };
    let mut keep_goal = false;
    let new_cursor = match action {
        Action::MoveLeft | Action::ExtendLeft => doc.prev_grapheme(cursor),
        Action::MoveRight | Action::ExtendRight => doc.next_grapheme(cursor),
        Action::MoveUp | Action::ExtendUp => {
            keep_goal = true;
            vertical(-1, &mut session.goal_column)
        }
        Action::MoveDown | Action::ExtendDown => {
            keep_goal = true;
            vertical(1, &mut session.goal_column)
        }
        Action::PageUp => {
            keep_goal = true;
            session.top_row = session.top_row.saturating_sub(page);
            vertical(-page.cast_signed(), &mut session.goal_column)
        }
        Action::PageDown => {
            keep_goal = true;
            session.top_row += page;
            vertical(page.cast_signed(), &mut session.goal_column)
        }
        Action::HalfPageUp => {
            keep_goal = true;
            session.top_row = session.top_row.saturating_sub(page / 2);
            vertical(-(page / 2).max(1).cast_signed(), &mut session.goal_column)
        }
        Action::HalfPageDown => {
            keep_goal = true;
            session.top_row += page / 2;
            vertical((page / 2).max(1).cast_signed(), &mut session.goal_column)
        }
        Action::LineStart | Action::LineEnd => {
            let range = wrap.row_range(wrap.row_of(cursor));
            let row = doc.slice(range.start, range.end);
            let lead = row.chars().take_while(|c| c.is_whitespace()).count();
            let body = row.trim_end().chars().count();
            if action == Action::LineStart {
                range.start + lead.min(body)
            } else {
                doc.prev_grapheme(range.start + body.max(1))
                    .max(range.start)
            }
        }
        Action::NextBigWord => bounds::next_big_word_start(doc, cursor),
        Action::PrevBigWord => bounds::prev_big_word_start(doc, cursor),
        Action::NextWord => bounds::next_word_start(doc, cursor),
        Action::PrevWord => bounds::prev_word_start(doc, cursor),
        Action::WordEnd => bounds::word_end(doc, cursor),
        Action::NameEnd => bounds::name_end(doc, cursor),
        Action::SwapSelectionEnds => match session.anchor {
            Some(anchor) => {
                session.anchor = Some(cursor);
                anchor
            }
            None => cursor,
        },
        Action::NextSentence => bounds::next_sentence_start(doc, cursor),
        Action::PrevSentence => bounds::prev_sentence_start(doc, cursor),
        Action::NextParagraph => bounds::next_paragraph_start(doc, cursor),
        Action::PrevParagraph => bounds::prev_paragraph_start(doc, cursor),
        Action::Start => 0,
        Action::End => doc.char_len(),
        Action::NextSpan | Action::PrevSpan => {
            match super::spans::step(session, labels, action == Action::NextSpan)
                .and_then(|i| session.file.spans.get(i))
            {
                Some(span) => {
                    session.picked = Some(span.owned_key());
                    span.start
                }
                None => cursor,
            }
        }
        Action::StartSelection => {
            session.anchor = if session.anchor.is_some() {
                None
            } else {
                Some(cursor)
            };
            cursor
        }
        Action::SelectToPunctuation | Action::SelectFromPunctuation => {
            let again = session.anchor.is_some();
            session.anchor.get_or_insert(cursor);
            super::text_objects::to_punctuation(
                doc,
                cursor,
                again,
                action == Action::SelectToPunctuation,
            )
        }
        Action::SelectSentence
        | Action::SelectParagraph
        | Action::SelectQuotation
        | Action::SelectQuotationInside => {
            let range = match action {
                Action::SelectSentence => bounds::sentence_at(doc, cursor),
                Action::SelectParagraph => bounds::paragraph_at(doc, cursor),
                Action::SelectQuotationInside => bounds::quotation_inside_at_or_after(doc, cursor),
                _ => bounds::quotation_at_or_after(doc, cursor),
            };
            match range {
                Some(r) if !r.is_empty() => {
                    session.anchor = Some(r.start);
                    doc.prev_grapheme(r.end).max(r.start)
                }
                _ => {
                    let what = match action {
                        Action::SelectSentence => "no sentence here",
                        Action::SelectParagraph => "no paragraph here (blank line)",
                        _ => "no quotation around the cursor or after it in the paragraph",
                    };
                    app.message = Some((what.to_owned(), super::super::app::Tone::Info));
                    cursor
                }
            }
        }
        _ => cursor,
    };
    let new_cursor = doc.grapheme_floor(new_cursor.min(doc.char_len()));
    if new_cursor != cursor && !matches!(action, Action::NextSpan | Action::PrevSpan) {
        session.picked = None;
    }
    session.cursor = new_cursor;
    if !keep_goal {
        session.goal_column = None;
    }
}

/// Moves the cursor of the document list.
pub fn list(app: &mut App, action: Action) {
    let count = app.visible_docs.len();
    if count == 0 {
        return;
    }
    let page = Areas::of(app)
        .map_or(10, |a| usize::from(a.list.height.saturating_sub(3)))
        .max(1);
    let last = count - 1;
    app.list_cursor = match action {
        Action::MoveUp | Action::PrevSpan => app.list_cursor.saturating_sub(1),
        Action::MoveDown | Action::NextSpan => (app.list_cursor + 1).min(last),
        Action::PageUp => app.list_cursor.saturating_sub(page),
        Action::PageDown => (app.list_cursor + page).min(last),
        Action::Start => 0,
        Action::End => {
            if app.listing.is_listing() {
                app.say(
                    format!("still listing: this is the last of {count} documents so far"),
                    super::super::app::Tone::Info,
                );
            }
            last
        }
        _ => {
            // Other keys act on the article even from the list.
            article(app, action);
            return;
        }
    };
}

/// Shows only the documents whose id contains `filter` (case-insensitive).
pub(crate) fn apply_filter(app: &mut App, filter: &str) {
    let needle = filter.to_lowercase();
    filter.clone_into(&mut app.filter);
    app.visible_docs = app
        .corpus
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| super::super::listing::passes(&needle, &d.id))
        .map(|(i, _)| i)
        .collect();
    // While (and after) listing on a thread, the corpus is in natural order and the list puts
    // the assigned documents first; a rescan orders the corpus itself, and this keeps it.
    let (listing, corpus, annotator) = (&app.listing, &app.corpus, &app.annotator);
    app.visible_docs
        .sort_by_key(|&i| !listing.is_assigned(annotator, &corpus.documents[i].id));
    app.list_cursor = app
        .open
        .and_then(|o| app.visible_docs.iter().position(|&d| d == o))
        .unwrap_or(0);
    if !matches!(app.mode, Mode::Prompt(_)) {
        app.list_top = 0;
    }
}
