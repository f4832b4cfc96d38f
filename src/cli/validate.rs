//! `glosser validate`: prints the core's validation report (`ops::validate`); exit 1 when it
//! found problems.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use glosser_core::ops::validate::{Report, Scope, check_scoped, scope};
use glosser_core::store;

/// Arguments of `glosser validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Write re-anchored offsets and the new text hash (orphans stay orphans).
    #[arg(long)]
    pub fix: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Check only this annotator's files (for a pre-commit hook).
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<String>,
    /// Check only the files staged in git (`git diff --cached`); a staged article brings in
    /// every annotation file of it.
    #[arg(long)]
    pub staged: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if let Some(name) = &args.annotator
        && !store::is_valid_annotator(name)
    {
        eprintln_safe!(
            "glosser: {name:?} is not a valid annotator name ([a-z0-9][a-z0-9_-]{{0,31}})"
        );
        return Ok(ExitCode::from(super::EXIT_ERROR));
    }
    // The hook checks for whoever commits: other annotators' orphaned and ambiguous spans
    // (made by this commit's text edit, or earlier) are theirs to settle.
    let owner = if args.staged {
        Some(glosser_core::config::current_annotator()?.0)
    } else {
        None
    };
    let scope = Scope {
        annotator: args.annotator.clone(),
        paths: if args.staged {
            Some(scope::staged_paths(&args.corpus)?)
        } else {
            None
        },
        owner,
    };
    let report = check_scoped(&args.corpus, args.fix, &scope)?;
    for line in &report.fixed {
        eprintln_safe!("glosser: fixed {line}");
    }
    for warning in glosser_core::ops::git_setup::check(&args.corpus) {
        eprintln_safe!("glosser: warning: {warning}");
    }
    if args.json {
        super::print_json(&report_json(&args.corpus, &report))?;
    } else {
        print_human(&mut super::safe_stdout(), &args.corpus, &report)?;
    }
    Ok(if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_PROBLEMS)
    })
}

fn print_human(out: &mut impl std::io::Write, root: &Path, report: &Report) -> std::io::Result<()> {
    for problem in &report.problems {
        writeln!(out, "{problem}")?;
    }
    for left in &report.left_to_owners {
        writeln!(out, "left to its annotator: {left}")?;
    }
    let files = plural(report.files_checked, "annotation file");
    let docs = plural(report.documents, "document");
    let left = if report.left_to_owners.is_empty() {
        String::new()
    } else {
        format!(
            " ({} left to {} to settle)",
            plural(report.left_to_owners.len(), "span"),
            owners(report)
        )
    };
    if report.problems.is_empty() {
        writeln!(
            out,
            "{}: {docs}, {files}: no problems{left}",
            root.display()
        )?;
    } else {
        writeln!(
            out,
            "{}: {docs}, {files}: {}{left}",
            root.display(),
            plural(report.problems.len(), "problem")
        )?;
    }
    Ok(())
}

/// The annotators whose files hold the spans left to them, by name.
fn owners(report: &Report) -> String {
    let names: std::collections::BTreeSet<String> = report
        .left_to_owners
        .iter()
        .filter_map(|p| {
            let name = p.file.file_name()?.to_str()?.strip_suffix(".ron")?;
            name.rsplit_once('.')
                .map(|(_, annotator)| annotator.to_owned())
        })
        .collect();
    names.into_iter().collect::<Vec<_>>().join(", ")
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn report_json(root: &Path, report: &Report) -> serde_json::Value {
    let as_json = |p: &glosser_core::ops::validate::Problem| {
        json!({
            "file": p.file.display().to_string(),
            "kind": p.kind.as_str(),
            "line": p.position.map(|(l, _)| l),
            "col": p.position.map(|(_, c)| c),
            "message": p.message,
        })
    };
    let problems: Vec<serde_json::Value> = report.problems.iter().map(as_json).collect();
    let left: Vec<serde_json::Value> = report.left_to_owners.iter().map(as_json).collect();
    json!({
        "corpus": root.display().to_string(),
        "documents": report.documents,
        "files_checked": report.files_checked,
        "ok": report.problems.is_empty(),
        "problems": problems,
        "fixed": report.fixed,
        "left_to_owners": left,
    })
}
