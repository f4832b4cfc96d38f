//! The rest of the field through `glosser-readers`: CoNLL / IOB, Hugging Face token rows, Label
//! Studio JSON-MIN, GATE `bdocjs`, tagtog, Argilla and spaCy v2 JSON. tagtog is a directory of
//! `NAME.ann.json` files, each beside its plain text `NAME.txt`, with `annotations-legend.json`
//! (when there is one) naming the classes; GATE is a `.bdocjs` file or a directory of them; the
//! others are one file.

use std::path::Path;

use glosser_readers::{
    Corpus, Error, argilla, conll, gate, hf, label_studio_min, spacy_v2, tagtog,
};

use super::format::{ImportFormat, files_under, has_suffix};
use super::{NeutralInput, Options, ReadError};
use crate::formats::schema::Schema;

/// Reads the input as one of `glosser-readers`' formats.
pub(crate) fn read(
    format: ImportFormat,
    input: &Path,
    options: &Options,
) -> Result<Vec<NeutralInput>, ReadError> {
    if format == ImportFormat::Tagtog {
        return tagtog_dir(input);
    }
    if input.is_dir() {
        let files: Vec<_> = files_under(input)
            .into_iter()
            .filter(|f| has_suffix(f, ".bdocjs") || has_suffix(f, ".json"))
            .collect();
        return Ok(files
            .iter()
            .map(|file| one(format, input, file, options))
            .collect());
    }
    let root = input.parent().unwrap_or(Path::new(""));
    Ok(vec![one(format, root, input, options)])
}

fn one(format: ImportFormat, root: &Path, file: &Path, options: &Options) -> NeutralInput {
    let (origin, stem) = names(root, file);
    let read = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read: {e}"))
        .and_then(|text| read_text(format, &text, options).map_err(|e| e.to_string()));
    corpus_input(origin, stem, read)
}

/// One file already read (its BOM dropped).
pub(crate) fn from_text(
    format: ImportFormat,
    file: &Path,
    text: &str,
    options: &Options,
) -> NeutralInput {
    let (origin, stem) = names(file.parent().unwrap_or(Path::new("")), file);
    let read = read_text(format, text, options).map_err(|e| e.to_string());
    corpus_input(origin, stem, read)
}

/// A file's name in messages, and its name without its extension.
fn names(root: &Path, file: &Path) -> (String, String) {
    let origin = super::relative(root, file);
    let stem = origin
        .rsplit_once('.')
        .map_or(origin.as_str(), |(stem, _)| stem)
        .to_owned();
    (origin, stem)
}

fn read_text(format: ImportFormat, text: &str, options: &Options) -> Result<Corpus, Error> {
    match format {
        ImportFormat::Conll => conll::read(
            text,
            &conll::ReadOptions {
                scheme: options.scheme,
                tag_column: options.tag_column,
            },
        ),
        ImportFormat::Hf => hf::read(
            text,
            &hf::ReadOptions {
                label_names: (!options.label_names.is_empty()).then(|| options.label_names.clone()),
                scheme: options.scheme,
                ..hf::ReadOptions::default()
            },
        ),
        ImportFormat::LabelStudioMin => {
            label_studio_min::read(text, &label_studio_min::ReadOptions::default())
        }
        ImportFormat::Gate => gate::read(text, &gate::ReadOptions::default()),
        ImportFormat::Argilla => argilla::read(text, &argilla::ReadOptions::default()),
        _ => spacy_v2::read(text),
    }
}

fn corpus_input(origin: String, stem: String, read: Result<Corpus, String>) -> NeutralInput {
    match read {
        Ok(corpus) => {
            let mut schema = Schema::default();
            for label in &corpus.labels {
                schema.add_label(label);
            }
            NeutralInput {
                documents: corpus.documents,
                skipped: corpus.skipped,
                schema,
                ..NeutralInput::new(origin, stem)
            }
        }
        Err(why) => NeutralInput {
            failed: Some(why),
            ..NeutralInput::new(origin, stem)
        },
    }
}

/// Every `NAME.ann.json` under `dir` with its `NAME.txt`, classes named by the directory's
/// `annotations-legend.json` when it has one.
fn tagtog_dir(dir: &Path) -> Result<Vec<NeutralInput>, ReadError> {
    if !dir.is_dir() {
        return Err(ReadError::Shape(format!(
            "{}: tagtog import reads a directory of NAME.ann.json files beside their NAME.txt texts",
            dir.display()
        )));
    }
    let files = files_under(dir);
    let legend = match files.iter().find(|f| {
        f.file_name()
            .is_some_and(|n| n == "annotations-legend.json")
    }) {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| ReadError::Io {
                path: path.display().to_string(),
                source,
            })?;
            Some(
                tagtog::parse_legend(&text)
                    .map_err(|e| ReadError::Shape(format!("{}: {e}", path.display())))?,
            )
        }
        None => None,
    };
    Ok(files
        .iter()
        .filter(|f| has_suffix(f, ".ann.json"))
        .map(|ann| {
            let origin = super::relative(dir, ann);
            let stem = origin.trim_end_matches(".ann.json").to_owned();
            let name = ann
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = name.trim_end_matches(".ann.json");
            // `NAME.ann.json` beside `NAME.txt`, or `NAME.txt.ann.json` beside `NAME.txt`.
            let text_path = if crate::store::is_document_name(name) {
                ann.with_file_name(name)
            } else {
                ann.with_file_name(format!("{name}.txt"))
            };
            let document_id = if crate::store::is_document_name(&stem) {
                stem.clone()
            } else {
                format!("{stem}.txt")
            };
            let read = std::fs::read_to_string(ann)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(|json| {
                    let text = std::fs::read_to_string(&text_path).map_err(|e| {
                        format!("cannot read its text {}: {e}", text_path.display())
                    })?;
                    tagtog::read(&json, &text, legend.as_ref()).map_err(|e| e.to_string())
                });
            let mut input = corpus_input(origin, stem, read);
            // tagtog names no document: the text file's name is the document's.
            for document in &mut input.documents {
                document
                    .metadata
                    .document_id
                    .get_or_insert_with(|| document_id.clone());
            }
            input
        })
        .collect())
}
