//! `glosser import`: runs the core's import engine (`ops::import`) with a record counter and
//! says on stderr what became of every record.
//!
//! Exit codes: 0 every record imported and nothing left out; 1 some records rejected or some
//! things not kept (both listed on stderr); 2 usage or I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use glosser_core::formats::Offsets;
use glosser_core::formats::parse::{self, ImportFormat, Options};
use glosser_core::formats::schema::{self, Schema};
use glosser_core::labels::add::Added;
use glosser_core::ops::import::{Counts, Event, Line, Request, import};
use glosser_core::store;

/// Arguments of `glosser import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// File to import (a directory for brat and tagtog; a file or a directory of files for
    /// xmi, uima-json, webanno and gate).
    pub file: PathBuf,
    /// jsonl, doccano, label-studio, label-studio-min, prodigy, brat, uima-json, xmi, webanno,
    /// conll, hf, gate, tagtog, argilla, spacy-v2, or auto (told by the content).
    #[arg(long, default_value = "auto")]
    pub format: String,
    /// Corpus folder to import into (created if missing).
    #[arg(long)]
    pub corpus: PathBuf,
    /// Annotator to write as (default: the annotator each record names).
    #[arg(long)]
    pub annotator: Option<String>,
    /// doccano offsets: utf16 (doccano's default), codepoint, or grapheme (grapheme-mode projects).
    #[arg(long)]
    pub offsets: Option<String>,
    /// doccano: the project's label list (Labels → Export, `[{"id":1,"text":"PER"},…]`) to name
    /// numeric label ids.
    #[arg(long)]
    pub label_ids: Option<PathBuf>,
    /// Write the labels and link types the file declares or uses into the corpus's glosser.ron
    /// (existing ones are never changed; what is added is said).
    #[arg(long)]
    pub add_labels: bool,
    /// With --add-labels: a file declaring the labels (brat annotation.conf, a Label Studio
    /// labelling config, doccano's label list, a tagtog legend, a Hugging Face dataset_info.json).
    #[arg(long, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// conll, hf: the tag scheme (iob1, iob2, biluo, bioes, io); detected (and said) by default.
    #[arg(long)]
    pub scheme: Option<String>,
    /// conll: the column of the tags, counted from 0 (default: the last).
    #[arg(long, value_name = "N")]
    pub tag_column: Option<usize>,
    /// hf: the names of integer tags: a dataset_info.json (its ClassLabel) or a JSON list.
    #[arg(long, value_name = "FILE")]
    pub label_names: Option<PathBuf>,
    /// xmi: the TypeSystem.xml of the files (default: one beside each file).
    #[arg(long, value_name = "FILE")]
    pub typesystem: Option<PathBuf>,
    /// Only spans of these layers (UIMA types by full or short name, GATE sets, tag columns),
    /// comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub layers: Vec<String>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format: Option<ImportFormat> = match args.format.as_str() {
        "auto" => None,
        name => Some(name.parse().map_err(anyhow::Error::msg)?),
    };
    if let Some(name) = &args.annotator
        && !store::is_valid_annotator(name)
    {
        bail!("--annotator {name:?} is not a valid annotator name (a-z, 0-9, '_', '-', up to 32)");
    }
    let mut options = Options {
        offsets: args
            .offsets
            .as_deref()
            .map(glosser_core::ops::export::parse_offsets)
            .transpose()?,
        tag_column: args.tag_column,
        typesystem: args.typesystem.clone(),
        layers: args.layers.clone(),
        ..Options::default()
    };
    if let Some(scheme) = &args.scheme {
        options.scheme = Some(glosser_readers_scheme(scheme)?);
    }
    let mut declared = Schema::default();
    if let Some(path) = &args.label_ids {
        let json = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the label list", path.display()))?;
        options.label_ids = parse::doccano::label_ids(&json)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        for name in options.label_ids.values() {
            declared.add_label(name);
        }
    }
    if let Some(path) = &args.label_names {
        options.label_names =
            parse::hf_label_names(path).map_err(|e| anyhow::anyhow!("{}", e.0))?;
    }
    if let Some(path) = &args.schema {
        declared.merge(schema::read_file(path).map_err(|e| anyhow::anyhow!("{}", e.0))?);
    }
    if args.schema.is_some() && !args.add_labels {
        bail!("--schema says which labels --add-labels adds: give --add-labels too");
    }
    if options.offsets.is_some_and(|o| o != Offsets::Utf16)
        && format.is_some_and(|f| f != ImportFormat::Doccano)
    {
        bail!("--offsets applies to doccano only; the other formats say their own unit");
    }
    let request = Request {
        file: &args.file,
        format,
        corpus: &args.corpus,
        annotator: args.annotator.as_deref(),
        options,
        add_labels: args.add_labels,
        schema: declared,
    };
    let progress = progress_bar();
    let mut told: Vec<String> = Vec::new();
    let summary = import(&request, &mut |event| match event {
        Event::Warning(w) => eprintln_safe!("glosser: warning: {w}"),
        Event::Notice(n) => progress.suspend(|| eprintln_safe!("glosser: {n}")),
        Event::Added(added) => progress.suspend(|| {
            for line in added_lines(&added, &args.corpus) {
                if !told.contains(&line) {
                    eprintln_safe!("glosser: {line}");
                    told.push(line);
                }
            }
        }),
        Event::Chunk { records, lines } => {
            progress.inc(records as u64);
            progress.suspend(|| {
                for line in lines {
                    match line {
                        Line::Reanchored(l) | Line::Notice(l) => eprintln_safe!("glosser: {l}"),
                        Line::Rejected(e) => eprintln_safe!("glosser: rejected {e}"),
                    }
                }
            });
        }
    })?;
    progress.finish_and_clear();
    let (imported, rejected, spans) = (summary.imported, summary.rejected, summary.spans);
    eprintln_safe!(
        "glosser: imported {imported} record{} ({}) into {}{}",
        if imported == 1 { "" } else { "s" },
        counted(spans.written, "span", "spans"),
        args.corpus.display(),
        if rejected > 0 {
            format!("; rejected {rejected} (listed above)")
        } else {
            String::new()
        }
    );
    for line in span_lines(spans) {
        eprintln_safe!("glosser: {line}");
    }
    for renamed in &summary.renamed {
        eprintln_safe!("glosser: {renamed}");
    }
    if let Some(hint) = &summary.hint {
        eprintln_safe!("glosser: {hint}");
    }
    for line in summary.report.lines() {
        eprintln_safe!("glosser: not kept: {line}");
    }
    Ok(
        if rejected > 0 || !summary.report.is_empty() || spans.missing > 0 {
            ExitCode::from(super::EXIT_PROBLEMS)
        } else {
            ExitCode::SUCCESS
        },
    )
}

/// What `--add-labels` did, one line each.
fn added_lines(added: &Added, corpus: &std::path::Path) -> Vec<String> {
    let config = corpus.join("glosser.ron");
    let mut lines = Vec::new();
    if !added.labels.is_empty() {
        lines.push(format!(
            "added {} to {}: {}",
            counted(added.labels.len(), "label", "labels"),
            config.display(),
            added.labels.join(", ")
        ));
    }
    if !added.links.is_empty() {
        lines.push(format!(
            "added {} to {}: {}",
            counted(added.links.len(), "link type", "link types"),
            config.display(),
            added.links.join(", ")
        ));
    }
    lines.extend(
        added
            .not_added
            .iter()
            .map(|why| format!("not added: {why}")),
    );
    lines
}

/// A `--scheme` name.
fn glosser_readers_scheme(name: &str) -> anyhow::Result<glosser_core::formats::parse::Scheme> {
    glosser_core::formats::parse::Scheme::from_name(name)
        .ok_or_else(|| anyhow::anyhow!("--scheme {name:?}: use iob1, iob2, biluo, bioes or io"))
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the summary's span count leaves out, one line each: the spans read but not written.
fn span_lines(spans: Counts) -> Vec<String> {
    let mut lines = Vec::new();
    if spans.already > 0 {
        lines.push(if spans.already == 1 {
            "1 span was already in its annotation file, not added again".to_owned()
        } else {
            format!(
                "{} spans were already in their annotation files, not added again",
                spans.already
            )
        });
    }
    if spans.twice > 0 {
        lines.push(format!(
            "{} given twice in this import, written once (notes joined)",
            counted(spans.twice, "span", "spans")
        ));
    }
    if spans.missing > 0 {
        lines.push(format!(
            "{} not kept: not in the annotation file as written — check it with glosser validate",
            counted(spans.missing, "span", "spans")
        ));
    }
    lines
}

/// A record counter on a terminal; hidden otherwise.
fn progress_bar() -> indicatif::ProgressBar {
    use std::io::IsTerminal as _;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::no_length();
    if let Ok(style) = indicatif::ProgressStyle::with_template("{pos} records {per_sec}") {
        bar.set_style(style);
    }
    bar
}
