//! Turning the annotations of a TSV body into a document: offsets to code points, labels from
//! each layer's label feature, relation and chain ends resolved, and the schema.

use std::collections::{BTreeMap, HashMap};

use super::super::escape::unescape_text;
use super::super::header::{ColumnKind, Header, TsvLayerKind};
use super::{Body, PendingRelation};
use crate::Imported;
use crate::model::{Document, Relation, Skipped, Span};
use crate::offsets::{OffsetEncoding, OffsetMap};
use crate::schema::{
    ANNOTATOR_FEATURE, Layer, LayerKind, NOTE_FEATURE, Schema, built_in_label_feature,
};

/// The feature that holds a layer's label: the built-in one, else `value`, else `label`, else
/// the first.
fn label_feature(header: &Header, layer: usize) -> Option<String> {
    let tsv_layer = &header.layers[layer];
    if tsv_layer.kind == TsvLayerKind::Chain {
        return Some("referenceType".into());
    }
    let features = header.features(layer);
    let has = |name: &str| features.contains(&name);
    built_in_label_feature(&tsv_layer.name)
        .filter(|name| has(name))
        .or_else(|| ["value", "label"].into_iter().find(|name| has(name)))
        .or_else(|| {
            features
                .iter()
                .find(|name| ![NOTE_FEATURE, ANNOTATOR_FEATURE].contains(name))
                .copied()
        })
        .map(str::to_owned)
}

fn short(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

pub(super) fn assemble(header: &Header, body: &Body) -> Imported {
    let map = OffsetMap::new(&body.text, OffsetEncoding::Utf16);
    let labels: Vec<Option<String>> = (0..header.layers.len())
        .map(|layer| label_feature(header, layer))
        .collect();
    let mut document = Document::new(body.text.clone());
    document.skipped.clone_from(&body.skipped);
    check_tokens(body, &map, &mut document);
    let mut span_of: HashMap<usize, usize> = HashMap::new();
    for (index, annotation) in body.annotations.iter().enumerate() {
        let layer = &header.layers[annotation.layer];
        let name = format!("{}:{}", short(&layer.name), annotation.id);
        let range = map
            .to_code_point(annotation.begin)
            .map_err(|problem| format!("its begin {} {problem}", annotation.begin))
            .and_then(|start| {
                let end = map
                    .to_code_point(annotation.end)
                    .map_err(|problem| format!("its end {} {problem}", annotation.end))?;
                Ok((start, end))
            });
        let (start, end) = match range {
            Ok(range) if range.0 <= range.1 => range,
            Ok(_) => {
                document.skipped.push(Skipped::new(
                    format!("span {name}"),
                    "its begin is after its end",
                ));
                continue;
            }
            Err(reason) => {
                document
                    .skipped
                    .push(Skipped::new(format!("span {name}"), reason));
                continue;
            }
        };
        let mut features = annotation.values.clone();
        let label = labels[annotation.layer]
            .as_ref()
            .and_then(|feature| features.remove(feature))
            .unwrap_or_default();
        let note = features.remove(NOTE_FEATURE);
        let annotator = features.remove(ANNOTATOR_FEATURE);
        if let Some(annotator) = &annotator {
            document.note_annotator(annotator);
        }
        features.remove("referenceRelation");
        span_of.insert(index, document.spans.len());
        document.spans.push(Span {
            id: name,
            start,
            end,
            layer: layer.name.clone(),
            label,
            note,
            annotator,
            features,
        });
    }
    for pending in &body.relations {
        relation(header, body, pending, &labels, &span_of, &mut document);
    }
    chains(header, body, &span_of, &mut document);
    for (layer, count) in &body.slot_values {
        document.skipped.push(Skipped::new(
            format!(
                "{count} slot feature values of {}",
                header.layers[*layer].name
            ),
            "links from a span to other spans (slot features) are not kept",
        ));
    }
    let schema = schema(header, &labels, &document);
    Imported { document, schema }
}

fn check_tokens(body: &Body, map: &OffsetMap, document: &mut Document) {
    let units: Vec<u16> = body.text.encode_utf16().collect();
    let mismatches: Vec<usize> = body
        .token_rows
        .iter()
        .filter(|(_, unit, token)| {
            let unit = &body.units[*unit];
            let rebuilt = units
                .get(unit.begin..unit.end)
                .map(String::from_utf16_lossy)
                .unwrap_or_default();
            rebuilt != *token && rebuilt != unescape_text(token)
        })
        .map(|(line, _, _)| *line)
        .collect();
    if let Some(first) = mismatches.first() {
        document.skipped.push(Skipped::new(
            format!("{} token rows (first on line {first})", mismatches.len()),
            format!(
                "their token text differs from the rebuilt text at their offsets (text of {} UTF-16 units); the offsets were trusted",
                map.len_units()
            ),
        ));
    }
}

fn relation(
    header: &Header,
    body: &Body,
    pending: &PendingRelation,
    labels: &[Option<String>],
    span_of: &HashMap<usize, usize>,
    document: &mut Document,
) {
    let layer = &header.layers[pending.layer];
    let what = format!("relation of {} on line {}", layer.name, pending.line);
    let attach = header.columns.iter().find_map(|column| match &column.kind {
        ColumnKind::RelationSource { attach } if column.layer == pending.layer => Some(attach),
        _ => None,
    });
    let Some((source, from_id, to_id)) = &pending.source else {
        document
            .skipped
            .push(Skipped::new(what, "it names no source token"));
        return;
    };
    let Some(attach_layer) = attach.and_then(|attach| {
        header
            .layers
            .iter()
            .position(|candidate| &candidate.name == attach && candidate.kind == TsvLayerKind::Span)
    }) else {
        document.skipped.push(Skipped::new(
            what,
            format!("it attaches to {attach:?}, which is not a span layer of the file"),
        ));
        return;
    };
    let end = |id: &Option<u32>, unit: Option<usize>| -> Option<usize> {
        let annotation = match id {
            Some(id) => body.disambiguated.get(id).copied(),
            None => body.units[unit?]
                .annotations
                .get(&attach_layer)?
                .first()
                .copied(),
        }?;
        span_of.get(&annotation).copied()
    };
    let from = end(from_id, body.unit_index.get(source).copied());
    let to = end(to_id, Some(pending.unit));
    let (Some(from), Some(to)) = (from, to) else {
        document.skipped.push(Skipped::new(
            what,
            format!(
                "no {} span was read at one of its ends ({source} → {})",
                header.layers[attach_layer].name, body.units[pending.unit].id
            ),
        ));
        return;
    };
    let mut features = pending.values.clone();
    let label = labels[pending.layer]
        .as_ref()
        .and_then(|feature| features.remove(feature))
        .unwrap_or_default();
    document.relations.push(Relation {
        id: format!("{}:{}", short(&layer.name), body.units[pending.unit].id),
        layer: layer.name.clone(),
        label,
        from,
        to,
        features,
    });
}

fn chains(header: &Header, body: &Body, span_of: &HashMap<usize, usize>, document: &mut Document) {
    for (chain, links) in &body.chains {
        let elements: Vec<usize> = links.values().copied().collect();
        for pair in elements.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let (Some(&from_span), Some(&to_span)) = (span_of.get(&from), span_of.get(&to)) else {
                document.skipped.push(Skipped::new(
                    format!("a link of chain {chain}"),
                    "one of its elements was not read",
                ));
                continue;
            };
            let annotation = &body.annotations[from];
            document.relations.push(Relation {
                id: format!("chain {chain}:{}", document.relations.len()),
                layer: header.layers[annotation.layer].name.clone(),
                label: annotation
                    .values
                    .get("referenceRelation")
                    .cloned()
                    .unwrap_or_default(),
                from: from_span,
                to: to_span,
                features: BTreeMap::new(),
            });
        }
    }
}

fn schema(header: &Header, labels: &[Option<String>], document: &Document) -> Schema {
    let mut schema = Schema::default();
    for (index, tsv_layer) in header.layers.iter().enumerate() {
        let kind = match tsv_layer.kind {
            TsvLayerKind::Span => LayerKind::Span,
            TsvLayerKind::Chain => LayerKind::Chain,
            TsvLayerKind::Relation => LayerKind::Relation {
                attach: header.columns.iter().find_map(|column| match &column.kind {
                    ColumnKind::RelationSource { attach } if column.layer == index => {
                        Some(attach.clone())
                    }
                    _ => None,
                }),
            },
        };
        let features = header.features(index);
        let mut layer = Layer::span(&tsv_layer.name);
        layer.kind = kind;
        layer.label_feature.clone_from(&labels[index]);
        layer.note_feature = features
            .contains(&NOTE_FEATURE)
            .then(|| NOTE_FEATURE.to_owned());
        layer.annotator_feature = features
            .contains(&ANNOTATOR_FEATURE)
            .then(|| ANNOTATOR_FEATURE.to_owned());
        layer.features = features
            .iter()
            .filter(|name| {
                Some(**name) != labels[index].as_deref()
                    && ![NOTE_FEATURE, ANNOTATOR_FEATURE].contains(*name)
            })
            .map(|name| (*name).to_owned())
            .collect();
        schema.add(layer);
    }
    schema.covering(document)
}
