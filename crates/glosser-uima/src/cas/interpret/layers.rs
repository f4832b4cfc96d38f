//! The schema of what an interpreted CAS held: its layers, their label features and the span
//! layer each relation layer attaches to.

use super::{ANCHORS, Fs, Interpreter, KNOWN_REFERENCES, Kind, LayerFeatures, Role};
use crate::schema::built_in_label_feature;
use crate::schema::{
    ANNOTATOR_FEATURE, DEPENDENT, GOVERNOR, Layer, LayerKind, NOTE_FEATURE, Schema,
};
use crate::typesystem::ANNOTATION;
use crate::typesystem::FeatureRange;

impl Interpreter<'_> {
    /// The label, note and annotator features of a type, decided once per type.
    pub(super) fn layer_features(&mut self, fs: &Fs, role: Role) -> &LayerFeatures {
        if !self.features.contains_key(&fs.type_name) {
            let candidates = self.string_features(&fs.type_name);
            let has = |name: &str| candidates.iter().any(|candidate| candidate == name);
            let label = if role == Role::Chain {
                Some("referenceType".to_owned())
            } else if let Some(built_in) = built_in_label_feature(&fs.type_name) {
                Some(built_in.to_owned())
            } else if has("value") {
                Some("value".to_owned())
            } else if has("label") {
                Some("label".to_owned())
            } else {
                candidates
                    .iter()
                    .find(|name| {
                        ![NOTE_FEATURE, ANNOTATOR_FEATURE, "referenceRelation"]
                            .contains(&name.as_str())
                    })
                    .cloned()
            };
            let found = LayerFeatures {
                label,
                note: has(NOTE_FEATURE).then(|| NOTE_FEATURE.to_owned()),
                annotator: has(ANNOTATOR_FEATURE).then(|| ANNOTATOR_FEATURE.to_owned()),
            };
            self.features.insert(fs.type_name.clone(), found);
        }
        &self.features[&fs.type_name]
    }

    /// The string-valued features of a type: declared ones when the type system knows the
    /// type, else those its annotations carry, in first-seen order.
    pub(super) fn string_features(&self, type_name: &str) -> Vec<String> {
        if let Some(ts) = self.types
            && ts.get(type_name).is_some()
        {
            return ts
                .features(type_name)
                .into_iter()
                .filter(|feature| ts.range(type_name, &feature.name) == Some(FeatureRange::String))
                .map(|feature| feature.name.clone())
                .filter(|name| !ANCHORS.contains(&name.as_str()))
                .collect();
        }
        let mut names: Vec<String> = Vec::new();
        for fs in self
            .cas
            .structures
            .iter()
            .filter(|fs| fs.type_name == type_name)
        {
            for (name, value) in &fs.features {
                if ANCHORS.contains(&name.as_str()) || names.contains(name) {
                    continue;
                }
                if matches!(self.kind(fs, name, value), Kind::Text(_) | Kind::Empty)
                    && !KNOWN_REFERENCES.contains(&name.as_str())
                {
                    names.push(name.clone());
                }
            }
        }
        names
    }

    pub(super) fn schema(&self) -> Schema {
        let mut schema = Schema::default();
        let mut add = |name: &str, kind: LayerKind, features: Option<&LayerFeatures>| {
            if schema.layer(name).is_some() {
                return;
            }
            let mut layer = Layer::span(name);
            layer.kind = kind;
            layer.label_feature = features.and_then(|found| found.label.clone());
            layer.note_feature = features.and_then(|found| found.note.clone());
            layer.annotator_feature = features.and_then(|found| found.annotator.clone());
            schema.add(layer);
        };
        for span in &self.document.spans {
            let kind = if self
                .document
                .relations
                .iter()
                .any(|relation| relation.layer == span.layer)
            {
                LayerKind::Chain
            } else {
                LayerKind::Span
            };
            add(&span.layer, kind, self.features.get(&span.layer));
        }
        for relation in &self.document.relations {
            let attach = self.attach(&relation.layer);
            add(
                &relation.layer,
                LayerKind::Relation { attach },
                self.features.get(&relation.layer),
            );
        }
        if let Some(ts) = self.types {
            for ty in ts.types.iter().filter(|ty| {
                ty.name.starts_with("webanno.custom.") && ts.is_a(&ty.name, ANNOTATION)
            }) {
                let features = ts.features(&ty.name);
                let has = |name: &str| features.iter().any(|feature| feature.name == name);
                let kind = if has(GOVERNOR) && has(DEPENDENT) {
                    LayerKind::Relation {
                        attach: self.attach(&ty.name),
                    }
                } else {
                    LayerKind::Span
                };
                let label = self
                    .string_features(&ty.name)
                    .into_iter()
                    .find(|name| ![NOTE_FEATURE, ANNOTATOR_FEATURE].contains(&name.as_str()));
                if schema.layer(&ty.name).is_none() {
                    let mut layer = Layer::span(&ty.name);
                    layer.kind = kind;
                    layer.label_feature = label;
                    schema.add(layer);
                }
            }
        }
        let schema = schema.covering(&self.document);
        let mut schema = schema;
        for layer in &mut schema.layers {
            layer.features.retain(|name| {
                Some(name) != layer.label_feature.as_ref() && name != "referenceRelation"
            });
        }
        schema
    }

    /// The span layer a relation layer's Governor points at, by type system or by use.
    fn attach(&self, layer: &str) -> Option<String> {
        if let Some(ts) = self.types
            && let Some(governor) = ts
                .features(layer)
                .into_iter()
                .find(|feature| feature.name == GOVERNOR)
            && governor.range != ANNOTATION
        {
            return Some(governor.range.clone());
        }
        let mut ends = self
            .document
            .relations
            .iter()
            .filter(|relation| relation.layer == layer)
            .flat_map(|relation| [relation.from, relation.to])
            .filter_map(|index| self.document.spans.get(index))
            .map(|span| span.layer.as_str());
        let first = ends.next()?;
        ends.all(|end| end == first).then(|| first.to_owned())
    }
}
