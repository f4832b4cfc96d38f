//! A document's text from its rows: the `text` column, else the tokens at their offsets, else
//! the tokens joined; each way says what it assumed.

use super::Row;
use crate::model::Skipped;
use crate::offsets::TextIndex;
use crate::tokens::{TokenRange, align, join};

/// The text, each row's token ranges, and what was assumed or found wrong.
pub(super) fn assemble(rows: &[Row]) -> (String, Vec<Vec<TokenRange>>, Vec<Skipped>) {
    let mut notes = Vec::new();
    let given = rows.iter().find_map(|row| row.text.as_deref());
    if let Some(given) = given {
        if rows
            .iter()
            .any(|row| row.text.as_deref().is_some_and(|text| text != given))
        {
            notes.push(Skipped::new(
                "the text",
                "the rows of this document have different `text` values: the first is used",
            ));
        }
        match from_text(given, rows) {
            Ok((ranges, problems)) => {
                notes.extend(problems);
                return (given.to_owned(), ranges, notes);
            }
            Err(reason) => notes.push(Skipped::new("the text column", reason)),
        }
    } else if rows.iter().all(|row| row.offsets.is_some()) {
        match from_offsets(rows) {
            Ok((text, ranges, gaps)) => {
                if gaps > 0 {
                    notes.push(Skipped::noted(
                        "the text",
                        format!(
                            "{GAPS_FILLED}: {gaps} filled with spaces (the token offsets are kept)"
                        ),
                    ));
                }
                return (text, ranges, notes);
            }
            Err(reason) => notes.push(Skipped::new("the token offsets", reason)),
        }
    }
    let tokens: Vec<&[String]> = rows.iter().map(|row| row.tokens.as_slice()).collect();
    let (text, ranges) = join(&tokens);
    notes.push(Skipped::noted(
        "the text",
        "rebuilt from the tokens: joined with single spaces, rows with line breaks (the rows hold tokens, not the text)",
    ));
    (text, ranges, notes)
}

const GAPS_FILLED: &str = "the characters between tokens are not in the file";

/// Whether `assemble` filled the gaps between tokens at their offsets with spaces.
pub(super) fn gaps_filled(notes: &[Skipped]) -> bool {
    notes
        .iter()
        .any(|note| note.what == "the text" && note.reason.starts_with(GAPS_FILLED))
}

type FromText = (Vec<Vec<TokenRange>>, Vec<Skipped>);

/// The token ranges in a given text: the offsets when every row has them (tokens that differ
/// from the text at their offsets are reported), else the tokens found in order.
fn from_text(text: &str, rows: &[Row]) -> Result<FromText, String> {
    if rows.iter().all(|row| row.offsets.is_some()) {
        let index = TextIndex::new(text);
        let mut problems = Vec::new();
        let mut ranges = Vec::with_capacity(rows.len());
        for row in rows {
            let offsets = row.offsets.clone().unwrap_or_default();
            for (number, (&(start, end), token)) in offsets.iter().zip(&row.tokens).enumerate() {
                match index.slice(start, end) {
                    None => return Err(format!("{} token {} ({start}..{end}) is outside the text: the offsets are not used; the tokens are searched in the text instead", row.place, number + 1)),
                    Some(found) if found != token => problems.push(Skipped::new(
                        format!("{} token {}", row.place, number + 1),
                        format!("{token:?} is not the text at its offsets {start}..{end} ({found:?}): the offsets are kept"),
                    )),
                    Some(_) => {}
                }
            }
            ranges.push(offsets);
        }
        return Ok((ranges, problems));
    }
    let mut at = 0;
    let mut ranges = Vec::with_capacity(rows.len());
    for row in rows {
        let found = align(text, at, &row.tokens).ok_or_else(|| {
            format!("the tokens of {} are not found in order in the `text` column: the text is rebuilt from the tokens instead", row.place)
        })?;
        at = found.last().map_or(at, |&(_, end)| end);
        ranges.push(found);
    }
    Ok((ranges, Vec::new()))
}

/// A text with every token at its offsets and spaces between them, the ranges, and how many
/// characters were filled.
fn from_offsets(rows: &[Row]) -> Result<(String, Vec<Vec<TokenRange>>, usize), String> {
    let mut chars: Vec<char> = Vec::new();
    let mut filled = 0;
    let mut ranges = Vec::with_capacity(rows.len());
    for row in rows {
        let offsets = row.offsets.clone().unwrap_or_default();
        for (number, (&(start, end), token)) in offsets.iter().zip(&row.tokens).enumerate() {
            let length = token.chars().count();
            if start < chars.len() || end < start || end - start != length {
                return Err(format!(
                    "{} token {} ({token:?} at {start}..{end}) overlaps the token before it or does not fit its offsets: the text is rebuilt from the tokens instead",
                    row.place,
                    number + 1
                ));
            }
            filled += start - chars.len();
            chars.resize(start, ' ');
            chars.extend(token.chars());
        }
        ranges.push(offsets);
    }
    Ok((chars.into_iter().collect(), ranges, filled))
}
