//! INCEpTION's formats through `glosser-uima`: UIMA CAS XMI (with the `TypeSystem.xml` given or
//! found beside the file), UIMA CAS JSON and WebAnno TSV 3.x. The input is one file or a
//! directory of them (every `.xmi`, `.json` or `.tsv` under it). The layers and tagsets a file
//! declares are what `--add-labels` adds.

use std::path::{Path, PathBuf};

use glosser_uima::{Imported, LayerKind, TypeSystem};

use super::format::{ImportFormat, files_under, has_suffix};
use super::{NeutralInput, Options, ReadError};
use crate::formats::schema::Schema;

/// Reads every file of the format under `input` (or `input` itself).
pub(crate) fn read(
    format: ImportFormat,
    input: &Path,
    options: &Options,
) -> Result<Vec<NeutralInput>, ReadError> {
    let suffix = match format {
        ImportFormat::Xmi => ".xmi",
        ImportFormat::UimaJson => ".json",
        _ => ".tsv",
    };
    let (root, files) = if input.is_dir() {
        let files: Vec<PathBuf> = files_under(input)
            .into_iter()
            .filter(|f| has_suffix(f, suffix))
            .collect();
        if files.is_empty() {
            return Err(ReadError::Shape(format!(
                "{}: no {suffix} files in this directory to import as {format}",
                input.display()
            )));
        }
        (input.to_path_buf(), files)
    } else {
        let root = input.parent().unwrap_or(Path::new("")).to_path_buf();
        (root, vec![input.to_path_buf()])
    };
    let mut inputs = Vec::new();
    for file in files {
        let origin = super::relative(&root, &file);
        let stem = origin
            .rsplit_once('.')
            .map_or(origin.as_str(), |(stem, _)| stem)
            .to_owned();
        let read = read_file(format, &file, options);
        inputs.push(match read {
            Ok(imported) => NeutralInput {
                schema: schema_of(&imported),
                documents: vec![imported.document],
                ..NeutralInput::new(origin, stem)
            },
            Err(why) => NeutralInput {
                failed: Some(why),
                ..NeutralInput::new(origin, stem)
            },
        });
    }
    Ok(inputs)
}

fn read_file(format: ImportFormat, file: &Path, options: &Options) -> Result<Imported, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read: {e}"))?;
    let read = match format {
        ImportFormat::Xmi => {
            let typesystem = typesystem(file, options)?;
            glosser_uima::xmi::read(&text, typesystem.as_ref())
        }
        ImportFormat::UimaJson => glosser_uima::jsoncas::read(&text),
        _ => glosser_uima::tsv::read(&text),
    };
    read.map_err(|e| e.to_string())
}

/// The type system of an XMI file: `--typesystem`, else a `TypeSystem.xml` (any case) beside it.
fn typesystem(file: &Path, options: &Options) -> Result<Option<TypeSystem>, String> {
    let path = options.typesystem.clone().or_else(|| {
        let dir = file.parent()?;
        std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case("typesystem.xml"))
            })
    });
    let Some(path) = path else {
        return Ok(None);
    };
    let xml = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read the type system {}: {e}", path.display()))?;
    TypeSystem::from_xml(&xml)
        .map(Some)
        .map_err(|e| format!("the type system {}: {e}", path.display()))
}

/// The labels a file's span layers hold (their tagsets) and its relation layers as link types
/// between the labels of the spans they connect.
fn schema_of(imported: &Imported) -> Schema {
    let mut schema = Schema::default();
    for layer in &imported.schema.layers {
        if layer.kind == LayerKind::Span {
            for label in &layer.tagset {
                schema.add_label(label);
            }
        }
    }
    let document = &imported.document;
    for relation in &document.relations {
        let label = |i: usize| {
            document.spans.get(i).map(|s| {
                if s.label.is_empty() {
                    super::neutral::short_name(&s.layer).to_owned()
                } else {
                    s.label.clone()
                }
            })
        };
        let (Some(from), Some(to)) = (label(relation.from), label(relation.to)) else {
            continue;
        };
        let kind = if relation.label.is_empty() {
            super::neutral::short_name(&relation.layer).to_owned()
        } else {
            relation.label.clone()
        };
        schema.add_link(&kind, &[from], &[to]);
    }
    schema
}
