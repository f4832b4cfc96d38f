//! The human table of `glosser status`: one row per document, one column per annotator (gold
//! last), then what needs a person and a line per annotator.

use std::fmt::Write as _;
use std::io::Write;

use glosser_core::ops::status::{Cell, Overview, status_name};
use glosser_core::store::GOLD;

fn short(cell: &Cell) -> String {
    let status = match status_name(cell) {
        "Todo" => "todo",
        "InProgress" => "prog",
        "Done" => "done",
        "broken" => "BROKEN",
        _ => "new",
    };
    let mut text = if cell.status.is_some_and(|s| s.is_some()) {
        format!("{status} {}", cell.spans)
    } else {
        status.to_owned()
    };
    if !cell.problems.is_empty() {
        text.push_str(" !");
    }
    text
}

fn pad(out: &mut impl Write, text: &str, width: usize) -> std::io::Result<()> {
    let len = text.chars().count();
    write!(out, "{text}{:1$}  ", "", width.saturating_sub(len))
}

/// Writes the spans `you` have to settle (first: someone's text edit left them for you), the
/// table, what changed since adjudication, the problems and the per-annotator summary.
pub fn print(out: &mut impl Write, overview: &Overview, you: Option<&str>) -> std::io::Result<()> {
    if let Some(you) = you {
        let yours = super::yours_to_settle(overview, you);
        if !yours.is_empty() {
            writeln!(
                out,
                "yours to settle ({you}): orphaned or ambiguous spans, after a text edit — place (o) or drop (O) them in the TUI:"
            )?;
            for (document, spans) in &yours {
                writeln!(
                    out,
                    "  {document}: {spans} span{}",
                    if *spans == 1 { "" } else { "s" }
                )?;
            }
            writeln!(out)?;
        }
    }
    let mut columns: Vec<&String> = overview.annotators.iter().filter(|a| *a != GOLD).collect();
    columns.extend(overview.annotators.iter().filter(|a| *a == GOLD));
    let rows: Vec<(String, Vec<String>, String)> = overview
        .rows
        .iter()
        .map(|row| {
            let cells = columns
                .iter()
                .map(|name| {
                    row.annotators
                        .get(*name)
                        .map_or_else(|| "-".to_owned(), short)
                })
                .collect();
            let mut extra = row.assigned.join(",");
            if overview.overlap > 0 && row.assigned.len() < overview.overlap {
                let _ = write!(extra, " (needs {} annotators)", overview.overlap);
            }
            if row.changed_since_gold {
                extra.push_str(" [Δ changed since gold]");
            }
            if let Some(why) = &row.unreadable {
                let _ = write!(extra, " [cannot be annotated: {why}]");
            }
            (row.document.clone(), cells, extra)
        })
        .collect();
    let first = rows
        .iter()
        .map(|r| r.0.chars().count())
        .chain(["document".len()])
        .max()
        .unwrap_or(8);
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, name)| {
            rows.iter()
                .map(|r| r.1[i].chars().count())
                .chain([name.chars().count()])
                .max()
                .unwrap_or(4)
        })
        .collect();
    pad(out, "document", first)?;
    for (name, width) in columns.iter().zip(&widths) {
        pad(out, name, *width)?;
    }
    writeln!(out, "assigned")?;
    for (document, cells, extra) in &rows {
        pad(out, document, first)?;
        for (cell, width) in cells.iter().zip(&widths) {
            pad(out, cell, *width)?;
        }
        writeln!(out, "{}", extra.trim_start())?;
    }
    let changed: Vec<_> = overview
        .rows
        .iter()
        .filter_map(|r| Some((&r.document, r.since_gold.as_ref()?)))
        .collect();
    if !changed.is_empty() {
        writeln!(
            out,
            "\nchanged since adjudication (Δ; shown until the reviewer decides again in glosser review):"
        )?;
        for (document, since) in changed {
            writeln!(out, "  {document}: {}", since.describe())?;
        }
    }
    let mut any = false;
    for row in &overview.rows {
        for (name, cell) in &row.annotators {
            for problem in &cell.problems {
                if !any {
                    writeln!(out, "\nneeds a person (!):")?;
                    any = true;
                }
                writeln!(out, "  {} {name}: {problem}", row.document)?;
            }
        }
    }
    writeln!(out)?;
    for name in &columns {
        let cells: Vec<&Cell> = overview
            .rows
            .iter()
            .filter_map(|r| r.annotators.get(*name))
            .collect();
        let count = |s: &str| cells.iter().filter(|c| status_name(c) == s).count();
        let assigned = overview
            .rows
            .iter()
            .filter(|r| r.assigned.iter().any(|a| a == *name))
            .count();
        writeln!(
            out,
            "{name}: {assigned} assigned, {} done, {} in progress, {} to do, {} not started{}",
            count("Done"),
            count("InProgress"),
            count("Todo"),
            count("missing"),
            match count("broken") {
                0 => String::new(),
                n => format!(", {n} broken"),
            }
        )?;
    }
    Ok(())
}
