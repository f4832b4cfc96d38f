//! `glosser agree --per-doc --csv`: a row per document and pair, worst κ first (the table's
//! order), numbers unrounded, empty where undefined; γ is the document's team γ.

use std::io::Write;

use super::Report;

/// A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

pub fn print(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "document,a,b,kappa,ac1,alpha_u,f1_strict,f1_overlap,a_spans,b_spans,gamma"
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
                "{},{},{},{},{},{},{},{},{},{},{}",
                field(id),
                field(a),
                field(b),
                number(f.kappa),
                number(f.ac1),
                number(f.alpha_u),
                number(f.f1_strict),
                number(f.f1_overlap),
                f.a_spans,
                f.b_spans,
                number(gamma)
            )?;
        }
    }
    Ok(())
}
