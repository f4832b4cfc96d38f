//! The γ block of the `glosser agree` table: the team's γ per label and overall, the split of its
//! best alignment, the settings it was computed with, and its warnings.

use std::io::Write;

use super::{cell, tags};
use glosser_core::review::gamma::Report;

pub fn print(out: &mut impl Write, g: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "\ngamma over {} ({} documents with spans by two of them or more)",
        g.annotators.join(", "),
        g.documents
    )?;
    let names = g
        .annotators
        .iter()
        .map(|a| format!(" {a:>7.7}"))
        .collect::<Vec<_>>()
        .concat();
    writeln!(
        out,
        "{:<14} {:>7} {:>7}{names}",
        "label", "gamma", "gamma_k"
    )?;
    for (label, f, warnings) in &g.labels {
        let counts = f
            .units
            .iter()
            .map(|(_, n)| format!(" {n:>7}"))
            .collect::<Vec<_>>()
            .concat();
        writeln!(
            out,
            "{label:<14} {:>7} {:>7}{counts}{}",
            cell(f.gamma),
            cell(f.gamma_k),
            tags(warnings)
        )?;
    }
    match &g.overall {
        Some(o) => writeln!(
            out,
            "{:<14} {:>7} {:>7}{}",
            "overall",
            cell(Some(o.gamma)),
            "",
            tags(&g.warnings)
        )?,
        None => writeln!(out, "{:<14} {:>7}{}", "overall", "—", tags(&g.warnings))?,
    }
    if let Some(o) = &g.overall {
        writeln!(
            out,
            "gamma_cat {} (agreement on labels among aligned units); disorder observed {:.4}, expected {:.4}{}",
            cell(Some(o.gamma_cat)),
            o.observed_disorder,
            o.expected_disorder,
            if o.exact { "" } else { "; approximate" }
        )?;
    }
    let s = g.split;
    writeln!(
        out,
        "aligned units: {} exact, {} boundaries only, {} other label, {} missing someone",
        s.exact, s.boundary, s.label, s.missing
    )?;
    writeln!(out, "{}", g.settings.line())?;
    for (label, _, warnings) in &g.labels {
        for w in warnings {
            writeln!(out, "  ! {label}: {}", w.message)?;
        }
    }
    for w in &g.warnings {
        writeln!(out, "  ! overall: {}", w.message)?;
    }
    Ok(())
}
