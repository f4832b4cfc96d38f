//! The layers a file declares or uses, their features and the labels seen on them: what an
//! INCEpTION project needs to hold the annotations, and how a writer spells them.

use std::collections::BTreeSet;

use crate::error::Error;
use crate::model::Document;

/// DKPro Core's named entity layer, built into INCEpTION (label feature `value`).
pub const NAMED_ENTITY: &str = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";
/// The feature a writer stores [`crate::Span::note`] in unless the layer says otherwise.
pub const NOTE_FEATURE: &str = "note";
/// The feature a writer stores [`crate::Span::annotator`] in unless the layer says otherwise.
pub const ANNOTATOR_FEATURE: &str = "annotator";
/// INCEpTION's relation end features.
pub const GOVERNOR: &str = "Governor";
pub const DEPENDENT: &str = "Dependent";

/// The label features of DKPro Core layers INCEpTION has built in.
const BUILT_IN_LABELS: &[(&str, &str)] = &[
    (NAMED_ENTITY, "value"),
    (
        "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS",
        "PosValue",
    ),
    (
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Lemma",
        "value",
    ),
    (
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Stem",
        "value",
    ),
    (
        "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency",
        "DependencyType",
    ),
    (
        "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.chunk.Chunk",
        "chunkValue",
    ),
    (
        "de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink",
        "referenceType",
    ),
];

/// The label feature INCEpTION uses on a built-in layer.
pub fn built_in_label_feature(layer: &str) -> Option<&'static str> {
    BUILT_IN_LABELS
        .iter()
        .find(|(name, _)| *name == layer)
        .map(|(_, feature)| *feature)
}

/// What kind of annotations a layer holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayerKind {
    Span,
    /// Relations between spans; `attach` is the span layer both ends belong to, when known.
    Relation {
        attach: Option<String>,
    },
    /// Coreference-style chains: spans linked one after the other (read only).
    Chain,
}

impl LayerKind {
    pub fn name(&self) -> &'static str {
        match self {
            LayerKind::Span => "span",
            LayerKind::Relation { .. } => "relation",
            LayerKind::Chain => "chain",
        }
    }
}

/// One layer: a UIMA type and the features that carry glosser's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    /// The UIMA type name, e.g. `webanno.custom.Claim`.
    pub name: String,
    pub kind: LayerKind,
    /// The string feature that holds the label (`value` on NamedEntity).
    pub label_feature: Option<String>,
    pub note_feature: Option<String>,
    pub annotator_feature: Option<String>,
    /// Other string features the layer has (or a document used).
    pub features: Vec<String>,
    /// Labels seen (readers) or allowed (writers); INCEpTION's tagset for the label feature.
    pub tagset: BTreeSet<String>,
}

impl Layer {
    /// A span layer with a label feature: `value` on built-in layers that have no other name
    /// for it, else the built-in name.
    pub fn span(name: impl Into<String>) -> Self {
        let name = name.into();
        let label = built_in_label_feature(&name).unwrap_or("value").to_owned();
        Self {
            name,
            kind: LayerKind::Span,
            label_feature: Some(label),
            note_feature: None,
            annotator_feature: None,
            features: Vec::new(),
            tagset: BTreeSet::new(),
        }
    }

    /// A relation layer between spans of `attach` (INCEpTION's `Governor`/`Dependent`).
    pub fn relation(name: impl Into<String>, attach: Option<String>) -> Self {
        Self {
            kind: LayerKind::Relation { attach },
            ..Self::span(name)
        }
    }

    /// The same layer with another label feature.
    #[must_use]
    pub fn with_label_feature(mut self, feature: impl Into<String>) -> Self {
        self.label_feature = Some(feature.into());
        self
    }

    /// The last part of the type name (`Claim` for `webanno.custom.Claim`).
    pub fn short_name(&self) -> &str {
        self.name.rsplit('.').next().unwrap_or(&self.name)
    }

    /// Every feature the layer writes, label first.
    pub fn all_features(&self) -> Vec<&str> {
        let mut all: Vec<&str> = Vec::new();
        for feature in [
            &self.label_feature,
            &self.note_feature,
            &self.annotator_feature,
        ]
        .into_iter()
        .flatten()
        {
            if !all.contains(&feature.as_str()) {
                all.push(feature);
            }
        }
        for feature in &self.features {
            if !all.contains(&feature.as_str()) {
                all.push(feature);
            }
        }
        all
    }
}

/// The layers of a document or a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schema {
    pub layers: Vec<Layer>,
}

impl Schema {
    pub fn layer(&self, name: &str) -> Option<&Layer> {
        self.layers.iter().find(|layer| layer.name == name)
    }

    pub fn layer_mut(&mut self, name: &str) -> Option<&mut Layer> {
        self.layers.iter_mut().find(|layer| layer.name == name)
    }

    /// Adds a layer, replacing one of the same name.
    pub fn add(&mut self, layer: Layer) {
        match self.layer_mut(&layer.name) {
            Some(existing) => *existing = layer,
            None => self.layers.push(layer),
        }
    }

    /// Adds a span layer with the given label feature.
    pub fn add_span_layer(&mut self, name: &str, label_feature: &str) {
        self.add(Layer::span(name).with_label_feature(label_feature));
    }

    /// Adds a relation layer between spans of `attach`, with the given label feature.
    pub fn add_relation_layer(&mut self, name: &str, label_feature: &str, attach: &str) {
        self.add(Layer::relation(name, Some(attach.to_owned())).with_label_feature(label_feature));
    }

    /// The layers a document uses, with default feature names: `value` for labels on custom
    /// layers, `note` and `annotator` when any span has one, a relation layer attached to the
    /// span layer of its ends when all its relations agree. Layers already in `self` are kept
    /// as they are (their tagsets grow).
    #[must_use]
    pub fn covering(mut self, document: &Document) -> Self {
        let mut added: Vec<String> = Vec::new();
        for span in &document.spans {
            if self.layer(&span.layer).is_none() {
                self.add(Layer::span(&span.layer));
            }
            if let Some(layer) = self.layer_mut(&span.layer) {
                grow(layer, &span.label, &span.features);
                if span.note.is_some() && layer.note_feature.is_none() {
                    layer.note_feature = Some(NOTE_FEATURE.to_owned());
                }
                if span.annotator.is_some() && layer.annotator_feature.is_none() {
                    layer.annotator_feature = Some(ANNOTATOR_FEATURE.to_owned());
                }
            }
        }
        for relation in &document.relations {
            let ends: Vec<&str> = [relation.from, relation.to]
                .iter()
                .filter_map(|&index| document.spans.get(index))
                .map(|span| span.layer.as_str())
                .collect();
            if self.layer(&relation.layer).is_none() {
                let attach = match ends.as_slice() {
                    [from, to] if from == to => Some((*from).to_owned()),
                    _ => None,
                };
                self.add(Layer::relation(&relation.layer, attach));
                added.push(relation.layer.clone());
            }
            if let Some(layer) = self.layer_mut(&relation.layer) {
                if let LayerKind::Relation { attach } = &mut layer.kind
                    && added.contains(&relation.layer)
                    && attach
                        .as_deref()
                        .is_some_and(|name| ends.iter().any(|end| end != &name))
                {
                    *attach = None;
                }
                grow(layer, &relation.label, &relation.features);
            }
        }
        self
    }

    /// Checks every name is one UIMA and INCEpTION accept.
    pub fn validate(&self) -> Result<(), Error> {
        for layer in &self.layers {
            if !is_type_name(&layer.name) {
                return Err(Error::InvalidName(layer.name.clone()));
            }
            for feature in layer.all_features() {
                if !is_feature_name(feature) || RESERVED_FEATURES.contains(&feature) {
                    return Err(Error::InvalidName(feature.to_owned()));
                }
            }
        }
        Ok(())
    }
}

fn grow(layer: &mut Layer, label: &str, features: &std::collections::BTreeMap<String, String>) {
    if !label.is_empty() {
        layer.tagset.insert(label.to_owned());
        if layer.label_feature.is_none() {
            layer.label_feature = Some("value".to_owned());
        }
    }
    for name in features.keys() {
        if !layer.all_features().contains(&name.as_str()) {
            layer.features.push(name.clone());
        }
    }
}

/// Feature names a layer cannot use: UIMA's own annotation features and INCEpTION's relation
/// ends.
const RESERVED_FEATURES: &[&str] = &["begin", "end", "sofa", GOVERNOR, DEPENDENT];

fn is_feature_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
}

/// A dotted name whose parts are identifiers, as UIMA type names are.
pub(crate) fn is_type_name(name: &str) -> bool {
    !name.is_empty() && name.split('.').all(is_feature_name)
}

#[cfg(test)]
mod tests;
