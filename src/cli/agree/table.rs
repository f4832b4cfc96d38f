//! The `glosser agree` table: a block per pair (gold pairs titled as accuracy), the mean of the
//! inter-annotator pairs, and how the overall figures pool.

use std::io::Write;

use super::{Block, POOLING, Report, inter_annotator};
use glosser_core::review::agree::mean_of;
use glosser_core::review::corpus::PairKind;
use glosser_core::review::diagnostics::{PairWarnings, Warning};

mod confusion;
mod gamma;

/// The tags of a row's warnings, for the column after the figures.
fn tags(warnings: &[Warning]) -> String {
    let mut tags: Vec<&str> = warnings.iter().map(|w| w.kind.tag()).collect();
    tags.dedup();
    if tags.is_empty() {
        String::new()
    } else {
        format!("  ! {}", tags.join(", "))
    }
}

/// The warnings of a block, one line each, under its rows.
fn explain(out: &mut impl Write, warnings: &PairWarnings) -> std::io::Result<()> {
    for (label, w) in warnings.all() {
        writeln!(out, "  ! {}: {}", label.unwrap_or("overall"), w.message)?;
    }
    Ok(())
}

fn count(shown: bool, n: u64) -> String {
    if shown {
        n.to_string()
    } else {
        "—".to_owned()
    }
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

pub fn print_table(out: &mut impl Write, report: &Report, per_doc: bool) -> std::io::Result<()> {
    writeln!(
        out,
        "agreement over {} {} ({} with a single annotator skipped{})",
        report.documents,
        if report.documents == 1 {
            "document"
        } else {
            "documents"
        },
        report.single,
        if report.excluded > 0 {
            format!(", {} left out: see above", report.excluded)
        } else {
            String::new()
        }
    )?;
    let mut blocks: Vec<(Block, bool)> = report
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let title = match report.kind(i) {
                PairKind::Accuracy => format!("{} against {} (accuracy)", p.b, p.a),
                PairKind::Suggester => format!("{} × {} (suggester)", p.a, p.b),
                PairKind::Agreement => format!("{} × {}", p.a, p.b),
            };
            ((title, p.labels.as_slice(), p.overall), true)
        })
        .collect();
    let inter = inter_annotator(report);
    let mean = inter.as_ref().map(|pairs| (pairs.len(), mean_of(pairs)));
    if let Some((n, (labels, overall))) = &mean {
        let title = format!("mean of the {n} annotator pairs (gold left out)");
        blocks.push(((title, labels.as_slice(), *overall), false));
    }
    for (index, ((title, labels, overall), counts)) in blocks.into_iter().enumerate() {
        writeln!(out, "\n{title}")?;
        writeln!(
            out,
            "{:<14} {:>7} {:>8} {:>9} {:>10} {:>7} {:>7}",
            "label", "kappa", "alpha_u", "f1_strict", "f1_overlap", "a_spans", "b_spans"
        )?;
        let warnings = report.warnings.get(index).filter(|_| counts);
        for (name, f) in labels
            .iter()
            .chain(std::iter::once(&("overall".to_owned(), overall)))
        {
            let row_warnings = warnings.map_or(&[][..], |w| {
                if name == "overall" {
                    w.overall.as_slice()
                } else {
                    w.of_label(name)
                }
            });
            writeln!(
                out,
                "{:<14} {:>7} {:>8} {:>9} {:>10} {:>7} {:>7}{}",
                name,
                cell(f.kappa),
                cell(f.alpha_u),
                cell(f.f1_strict),
                cell(f.f1_overlap),
                count(counts, f.a_spans),
                count(counts, f.b_spans),
                tags(row_warnings)
            )?;
        }
        // Links (SPEC §10): strict F1, each annotator's count; only for a pair's own block.
        if let Some(links) = report.relations.get(index).filter(|_| counts)
            && links.a + links.b > 0
        {
            writeln!(
                out,
                "{:<14} {:>7} {:>8} {:>9} {:>10} {:>7} {:>7}",
                "links",
                "",
                "",
                cell(links.f1()),
                "",
                links.a,
                links.b
            )?;
        }
        if let Some(w) = warnings {
            explain(out, w)?;
        }
    }
    writeln!(out, "\noverall:")?;
    for (figure, how) in POOLING {
        if figure != "mean" || mean.is_some() {
            writeln!(out, "  {figure}: {how}")?;
        }
    }
    if let Some(g) = &report.gamma {
        gamma::print(out, g)?;
    }
    confusion::print_all(out, report)?;
    if per_doc {
        let with_gamma = report.gamma.is_some();
        writeln!(out, "\nper document, lowest kappa first")?;
        writeln!(
            out,
            "{:<40} {:<20} {:>7} {:>8} {:>9} {:>10}{}",
            "document",
            "pair",
            "kappa",
            "alpha_u",
            "f1_strict",
            "f1_overlap",
            if with_gamma { "   gamma" } else { "" }
        )?;
        for (k, (id, row)) in report.per_doc.iter().enumerate() {
            let gamma = report
                .per_doc_gamma
                .get(k)
                .copied()
                .flatten()
                .map(|g| g.gamma);
            for (a, b, f) in row {
                writeln!(
                    out,
                    "{:<40} {:<20} {:>7} {:>8} {:>9} {:>10}{}",
                    id,
                    format!("{a} × {b}"),
                    cell(f.kappa),
                    cell(f.alpha_u),
                    cell(f.f1_strict),
                    cell(f.f1_overlap),
                    if with_gamma {
                        format!(" {:>7}", cell(gamma))
                    } else {
                        String::new()
                    }
                )?;
            }
        }
    }
    Ok(())
}
