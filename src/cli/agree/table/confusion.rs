//! Confusion tables in the `glosser agree --confusion` output: one per pair, then everyone
//! against gold when gold is compared.

use std::io::Write;

use super::Report;
use glosser_core::review::confusion::{Confusion, MISSING};

pub fn print_all(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for table in &report.confusion {
        print(
            out,
            table,
            &format!("{} (rows) × {} (columns)", table.a, table.b),
        )?;
    }
    if let Some(gold) = report.confusion_against_gold() {
        print(
            out,
            &gold,
            "gold (rows) × everyone compared with it (columns)",
        )?;
    }
    Ok(())
}

fn print(out: &mut impl Write, c: &Confusion, title: &str) -> std::io::Result<()> {
    writeln!(out, "\nconfusion: {title}, units matched by γ's alignment")?;
    let names: Vec<&str> = c
        .labels
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(MISSING))
        .collect();
    let width = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    write!(out, "{:<width$}", "")?;
    for name in &names {
        write!(out, " {name:>width$}")?;
    }
    writeln!(out)?;
    let m = c.labels.len();
    for (i, row) in c.cells.iter().enumerate() {
        write!(out, "{:<width$}", names[i])?;
        for (j, n) in row.iter().enumerate() {
            let text = if i == m && j == m {
                "·".to_owned()
            } else if i == j && c.boundary_only[i] > 0 {
                format!("{n} ({}b)", c.boundary_only[i])
            } else {
                n.to_string()
            };
            write!(out, " {text:>width$}")?;
        }
        writeln!(out)?;
    }
    let s = c.summary();
    writeln!(
        out,
        "matched: {} exact, {} boundaries only (the \"(Nb)\" on the diagonal); {} another label; {} missing",
        s.exact, s.boundary_only, s.label, s.missing
    )?;
    if c.apart > 0 {
        writeln!(
            out,
            "  {} pairs γ aligned without overlapping are counted missing on both sides",
            c.apart
        )?;
    }
    if c.approximate > 0 {
        writeln!(
            out,
            "  ! {} documents' alignments hit the search limit: their matches may not be the best",
            c.approximate
        )?;
    }
    Ok(())
}
