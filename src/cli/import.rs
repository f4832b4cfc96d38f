//! `glosser import`: other tools' annotations into a corpus (SPEC §6).
//!
//! Every record is checked before anything is written for it: a safe document name, the same
//! text as an existing document, span texts that match. A bad record is rejected with its line
//! (or task) number and leaves no trace. Exit codes: 0 all records imported, 1 some rejected,
//! 2 usage or I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;

use crate::corpus::Corpus;
use crate::formats::import::{self, Checked};
use crate::formats::{Format, parse};
use crate::labels::LabelSet;
use crate::span::AnnotationSet;
use crate::store::{self, AnnotationFile, Status, StoreError};

/// Arguments of `glosser import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// File to import (a directory of .txt + .ann pairs for brat).
    pub file: PathBuf,
    /// jsonl, doccano, label-studio, prodigy or brat.
    #[arg(long)]
    pub format: String,
    /// Corpus folder to import into (created if missing).
    #[arg(long)]
    pub corpus: PathBuf,
    /// Annotator to write as (default: the annotator named in each record).
    #[arg(long)]
    pub annotator: Option<String>,
    /// doccano offsets: utf16 (doccano's default) or codepoint.
    #[arg(long, default_value = "utf16")]
    pub offsets: String,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse().map_err(anyhow::Error::msg)?;
    if !format.importable() {
        bail!(
            "glosser cannot import {format}; it imports jsonl, doccano, label-studio, prodigy and brat"
        );
    }
    if let Some(name) = &args.annotator
        && !store::is_valid_annotator(name)
    {
        bail!("--annotator {name:?} is not a valid annotator name (a-z, 0-9, '_', '-', up to 32)");
    }
    let offsets = super::export::parse_offsets(&args.offsets)?;
    std::fs::create_dir_all(&args.corpus).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot create the corpus folder: {e}",
            args.corpus.display()
        )
    })?;
    Corpus::scan(&args.corpus)?;
    let (labels, warning) = LabelSet::for_corpus(&args.corpus);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let records = parse::read(format, &args.file, offsets).map_err(anyhow::Error::msg)?;
    let (mut imported, mut rejected, mut spans) = (0usize, 0usize, 0usize);
    let progress = super::export::progress_bar(records.len() as u64);
    for record in records {
        progress.inc(1);
        let outcome = record.and_then(|record| {
            let annotator = args
                .annotator
                .clone()
                .or_else(|| record.annotator.clone())
                .ok_or_else(|| {
                    format!(
                        "{}: no annotator in the record; give --annotator",
                        record.origin
                    )
                })?;
            if !store::is_valid_annotator(&annotator) {
                return Err(format!(
                    "{}: annotator {annotator:?} is not a valid name; give --annotator",
                    record.origin
                ));
            }
            let checked = import::check(&record, &args.corpus, &labels)
                .map_err(|e| format!("{}: {e}", record.origin))?;
            if checked.converted_utf16 && record.unit != import::Unit::Utf16 {
                eprintln_safe!(
                    "glosser: {}: offsets are UTF-16 code units; converted to code points",
                    record.origin
                );
            }
            let count = checked.spans.len();
            write(&checked, &annotator).map_err(|e| format!("{}: {e}", record.origin))?;
            Ok(count)
        });
        match outcome {
            Ok(count) => {
                imported += 1;
                spans += count;
            }
            Err(e) => {
                progress.suspend(|| eprintln_safe!("glosser: rejected {e}"));
                rejected += 1;
            }
        }
    }
    progress.finish_and_clear();
    eprintln_safe!(
        "glosser: imported {imported} record{} ({spans} spans) into {}{}",
        if imported == 1 { "" } else { "s" },
        args.corpus.display(),
        if rejected > 0 {
            format!("; rejected {rejected} (listed above)")
        } else {
            String::new()
        }
    );
    Ok(if rejected > 0 {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Creates the document if needed and merges the spans into the annotator's file (both sides'
/// spans survive).
fn write(checked: &Checked, annotator: &str) -> Result<(), String> {
    let ann_path = store::annotation_path(&checked.path, annotator);
    let existing = match store::load(&ann_path) {
        Ok(file) => Some(file),
        Err(StoreError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            None
        }
        Err(e) => return Err(format!("{e}; the existing file is left untouched")),
    };
    if checked.create {
        if let Some(parent) = checked.path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
        }
        store::write_atomic(&checked.path, checked.doc.text().as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", checked.path.display()))?;
    }
    let file_name = checked
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    // An existing file may be stale (its article changed since): bring it onto this text
    // before adding to it, so that no hash is stamped over spans that were not re-anchored.
    let mut file = existing.clone().unwrap_or_else(|| {
        let mut file = AnnotationFile::new(file_name, annotator, checked.doc.sha256());
        file.status = Status::InProgress;
        file
    });
    crate::reanchor::restamp(&mut file, &checked.doc);
    let mut spans = file.spans.into_spans();
    spans.extend(checked.spans.iter().cloned());
    file.spans = AnnotationSet::from_spans(spans);
    crate::save::save_merged(&ann_path, &file, existing.as_ref(), &checked.doc)
        .map(|_| ())
        .map_err(|e| e.to_string())
}
