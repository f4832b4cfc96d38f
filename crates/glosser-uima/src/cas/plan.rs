//! Laying a [`Document`] out as feature structures for the XMI and JSON writers: ids, offsets
//! in the file's unit, feature names from the schema, and the type system that declares them.

use super::{DOCUMENT_META_DATA, INITIAL_VIEW};
use crate::error::Error;
use crate::model::Document;
use crate::offsets::{OffsetEncoding, OffsetMap};
use crate::schema::{DEPENDENT, GOVERNOR, Layer, LayerKind, Schema};
use crate::typesystem::{ANNOTATION, FeatureDescription, STRING, TypeDescription, TypeSystem};

pub(crate) const SOFA_ID: u64 = 1;

/// One annotation to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Planned {
    pub id: u64,
    pub type_name: String,
    pub begin: usize,
    pub end: usize,
    pub strings: Vec<(String, String)>,
    pub refs: Vec<(String, u64)>,
}

/// A document ready to serialize.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub text: String,
    pub view: &'static str,
    pub annotations: Vec<Planned>,
    pub types: TypeSystem,
}

pub(crate) fn plan(
    document: &Document,
    schema: &Schema,
    encoding: OffsetEncoding,
) -> Result<Plan, Error> {
    let schema = schema.clone().covering(document);
    schema.validate()?;
    let map = OffsetMap::new(&document.text, encoding);
    let mut annotations = Vec::new();
    let mut next_id = SOFA_ID + 1;
    let metadata = &document.metadata;
    let meta_fields = [
        ("documentTitle", &metadata.document_title),
        ("documentId", &metadata.document_id),
        ("documentUri", &metadata.document_uri),
    ];
    let with_metadata = meta_fields.iter().any(|(_, value)| value.is_some());
    if with_metadata {
        annotations.push(Planned {
            id: next_id,
            type_name: DOCUMENT_META_DATA.to_owned(),
            begin: 0,
            end: map.len_units(),
            strings: meta_fields
                .iter()
                .filter_map(|(name, value)| Some(((*name).to_owned(), (*value).clone()?)))
                .chain(std::iter::once((
                    "language".to_owned(),
                    "x-unspecified".to_owned(),
                )))
                .collect(),
            refs: Vec::new(),
        });
        next_id += 1;
    }
    let mut span_ids = Vec::with_capacity(document.spans.len());
    let mut span_units = Vec::with_capacity(document.spans.len());
    for (index, span) in document.spans.iter().enumerate() {
        let layer = layer_of(&schema, &span.layer)?;
        if !matches!(layer.kind, LayerKind::Span) {
            return Err(Error::LayerKind {
                layer: span.layer.clone(),
                actual: layer.kind.name(),
                used: "span",
            });
        }
        let out_of_text = || Error::SpanOutOfText {
            index,
            start: span.start,
            end: span.end,
            length: map.len_code_points(),
        };
        let begin = map.to_unit(span.start).ok_or_else(out_of_text)?;
        let end = map.to_unit(span.end).ok_or_else(out_of_text)?;
        if begin > end {
            return Err(out_of_text());
        }
        let mut strings = Vec::new();
        push_label(&mut strings, layer.label_feature.as_ref(), &span.label);
        push_string(
            &mut strings,
            layer.note_feature.as_ref(),
            span.note.as_ref(),
        );
        push_string(
            &mut strings,
            layer.annotator_feature.as_ref(),
            span.annotator.as_ref(),
        );
        strings.extend(span.features.iter().map(|(k, v)| (k.clone(), v.clone())));
        if is_built_in(&span.layer) && !strings.is_empty() {
            return Err(Error::BuiltInType(span.layer.clone()));
        }
        span_ids.push(next_id);
        span_units.push((begin, end));
        annotations.push(Planned {
            id: next_id,
            type_name: span.layer.clone(),
            begin,
            end,
            strings,
            refs: Vec::new(),
        });
        next_id += 1;
    }
    for (index, relation) in document.relations.iter().enumerate() {
        let layer = layer_of(&schema, &relation.layer)?;
        let LayerKind::Relation { attach } = &layer.kind else {
            return Err(Error::LayerKind {
                layer: relation.layer.clone(),
                actual: layer.kind.name(),
                used: "relation",
            });
        };
        for end in [relation.from, relation.to] {
            let Some(span) = document.spans.get(end) else {
                return Err(Error::RelationEnd {
                    index,
                    span: end,
                    count: document.spans.len(),
                });
            };
            if let Some(attach) = attach
                && &span.layer != attach
            {
                return Err(Error::AttachLayer {
                    index,
                    layer: relation.layer.clone(),
                    found: span.layer.clone(),
                    attach: attach.clone(),
                });
            }
        }
        let mut strings = Vec::new();
        push_label(&mut strings, layer.label_feature.as_ref(), &relation.label);
        strings.extend(
            relation
                .features
                .iter()
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        let (begin, end) = span_units[relation.to];
        annotations.push(Planned {
            id: next_id,
            type_name: relation.layer.clone(),
            begin,
            end,
            strings,
            refs: vec![
                (GOVERNOR.to_owned(), span_ids[relation.from]),
                (DEPENDENT.to_owned(), span_ids[relation.to]),
            ],
        });
        next_id += 1;
    }
    Ok(Plan {
        text: document.text.clone(),
        view: INITIAL_VIEW,
        annotations,
        types: type_system(&schema, with_metadata)?,
    })
}

/// UIMA's own types, which a type system must not declare again.
fn is_built_in(layer: &str) -> bool {
    layer.starts_with("uima.")
}

fn layer_of<'a>(schema: &'a Schema, name: &str) -> Result<&'a Layer, Error> {
    let layer = schema
        .layer(name)
        .ok_or_else(|| Error::InvalidName(name.to_owned()))?;
    if layer.kind == LayerKind::Chain {
        return Err(Error::ChainLayer(name.to_owned()));
    }
    Ok(layer)
}

/// Adds a feature value; an empty label means "no label" and is left out, while an empty note
/// or annotator is written as the empty string it is.
fn push_string(into: &mut Vec<(String, String)>, feature: Option<&String>, value: Option<&String>) {
    if let (Some(feature), Some(value)) = (feature, value) {
        into.push((feature.clone(), value.clone()));
    }
}

fn push_label(into: &mut Vec<(String, String)>, feature: Option<&String>, label: &str) {
    if !label.is_empty() {
        push_string(into, feature, Some(&label.to_owned()));
    }
}

/// The types a written file declares: one per layer, and DKPro's document metadata.
fn type_system(schema: &Schema, with_metadata: bool) -> Result<TypeSystem, Error> {
    let string = |name: &str| FeatureDescription {
        name: name.to_owned(),
        range: STRING.to_owned(),
        element_type: None,
    };
    let mut types = Vec::new();
    if with_metadata {
        types.push(TypeDescription {
            name: DOCUMENT_META_DATA.into(),
            supertype: "uima.tcas.DocumentAnnotation".into(),
            features: ["documentTitle", "documentId", "documentUri"]
                .into_iter()
                .map(string)
                .collect(),
        });
    }
    for layer in schema
        .layers
        .iter()
        .filter(|layer| !is_built_in(&layer.name))
    {
        let mut features: Vec<FeatureDescription> =
            layer.all_features().into_iter().map(string).collect();
        match &layer.kind {
            LayerKind::Span => {}
            LayerKind::Relation { attach } => {
                let range = attach.clone().unwrap_or_else(|| ANNOTATION.to_owned());
                for end in [DEPENDENT, GOVERNOR] {
                    features.push(FeatureDescription {
                        name: end.to_owned(),
                        range: range.clone(),
                        element_type: None,
                    });
                }
            }
            LayerKind::Chain => return Err(Error::ChainLayer(layer.name.clone())),
        }
        types.push(TypeDescription {
            name: layer.name.clone(),
            supertype: ANNOTATION.to_owned(),
            features,
        });
    }
    Ok(TypeSystem { types })
}

#[cfg(test)]
mod tests;
