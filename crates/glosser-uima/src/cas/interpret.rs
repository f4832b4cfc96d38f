//! Turning the feature structures of a CAS into a [`Document`]: which annotations are spans,
//! relations or chain links, which feature is the label, and what is left out and why.

use std::collections::{BTreeMap, HashMap};

use super::{Cas, DOCUMENT_META_DATA, Fs, SOFA, Value};
use crate::Imported;
use crate::error::Error;
use crate::model::{Document, Relation, Skipped, Span};
use crate::offsets::OffsetMap;
use crate::schema::{DEPENDENT, GOVERNOR};
use crate::typesystem::{FeatureRange, TypeSystem};

mod layers;

/// Types that segment or describe the document rather than annotate it.
const STRUCTURAL: &[&str] = &[
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token",
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence",
    "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.TagsetDescription",
    "uima.tcas.DocumentAnnotation",
    DOCUMENT_META_DATA,
];

/// Features that hold references even where no type system says so.
const KNOWN_REFERENCES: &[&str] = &[GOVERNOR, DEPENDENT, "next", "first", "target"];

/// Features every annotation has.
const ANCHORS: &[&str] = &["begin", "end", "sofa"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Span,
    Relation,
    Chain,
    Structural,
}

/// A feature value as glosser can use it.
enum Kind {
    Text(String),
    Refs,
    Strings,
    Empty,
}

struct LayerFeatures {
    label: Option<String>,
    note: Option<String>,
    annotator: Option<String>,
}

struct Interpreter<'a> {
    cas: &'a Cas,
    types: Option<&'a TypeSystem>,
    index: HashMap<u64, &'a Fs>,
    sofa: u64,
    map: OffsetMap,
    document: Document,
    /// Counts of things not kept, by (what, reason).
    tally: BTreeMap<(String, String), usize>,
    /// Structure rather than annotation (tokens, sentences), counted to be said.
    noted: BTreeMap<(String, String), usize>,
    features: HashMap<String, LayerFeatures>,
    span_of: HashMap<u64, usize>,
}

pub(crate) fn interpret(cas: &Cas, types: Option<&TypeSystem>) -> Result<Imported, Error> {
    let sofa = cas.initial_sofa().ok_or(Error::NoText)?;
    let text = sofa
        .get("sofaString")
        .and_then(Value::as_text)
        .ok_or(Error::NoText)?;
    let mut reader = Interpreter {
        cas,
        types,
        index: cas.index(),
        sofa: sofa.id,
        map: OffsetMap::new(&text, cas.encoding),
        document: Document::new(text),
        tally: BTreeMap::new(),
        noted: BTreeMap::new(),
        features: HashMap::new(),
        span_of: HashMap::new(),
    };
    reader.run();
    Ok(reader.finish())
}

impl<'a> Interpreter<'a> {
    fn run(&mut self) {
        let annotations: Vec<&'a Fs> = self
            .cas
            .structures
            .iter()
            .filter(|fs| fs.get("begin").is_some() && fs.get("end").is_some())
            .collect();
        let mut ours = Vec::new();
        for fs in annotations {
            match fs.get("sofa").and_then(Value::as_refs).as_deref() {
                Some([sofa]) if *sofa == self.sofa => ours.push(fs),
                _ => self.count(
                    format!("annotations of {} in another view", fs.type_name),
                    "only the _InitialView is read",
                ),
            }
        }
        for fs in &ours {
            let role = self.role(fs);
            match role {
                Role::Structural => self.structural(fs),
                Role::Span | Role::Chain => self.span(fs, role),
                Role::Relation => {}
            }
        }
        for fs in &ours {
            match self.role(fs) {
                Role::Relation => self.relation(fs),
                Role::Chain => self.chain_link(fs),
                Role::Span | Role::Structural => {}
            }
        }
    }

    fn has_feature(&self, fs: &Fs, name: &str) -> bool {
        fs.get(name).is_some()
            || self
                .types
                .is_some_and(|ts| ts.range(&fs.type_name, name).is_some())
    }

    fn role(&self, fs: &Fs) -> Role {
        let structural = STRUCTURAL.contains(&fs.type_name.as_str())
            || self
                .types
                .is_some_and(|ts| ts.is_a(&fs.type_name, "uima.tcas.DocumentAnnotation"));
        if structural {
            Role::Structural
        } else if self.has_feature(fs, GOVERNOR) && self.has_feature(fs, DEPENDENT) {
            Role::Relation
        } else if self.has_feature(fs, "next") && self.has_feature(fs, "referenceType") {
            Role::Chain
        } else {
            Role::Span
        }
    }

    fn kind(&self, fs: &Fs, name: &str, value: &Value) -> Kind {
        match value {
            Value::Str(text) | Value::Number(text) => Kind::Text(text.clone()),
            Value::Bool(value) => Kind::Text(value.to_string()),
            Value::Ref(_) | Value::Refs(_) => Kind::Refs,
            Value::Strings(_) => Kind::Strings,
            Value::Null => Kind::Empty,
            Value::Raw(text) => {
                let declared = self.types.and_then(|ts| ts.range(&fs.type_name, name));
                let refs = value.as_refs();
                let is_reference = match declared {
                    Some(FeatureRange::Reference) => true,
                    Some(_) => false,
                    None => {
                        KNOWN_REFERENCES.contains(&name)
                            || refs.as_ref().is_some_and(|ids| {
                                ids.iter().all(|id| {
                                    self.index.get(id).is_some_and(|target| {
                                        target.get("begin").is_none() && target.type_name != SOFA
                                    })
                                })
                            })
                    }
                };
                match (is_reference, refs) {
                    (true, Some(_)) => Kind::Refs,
                    _ => Kind::Text(text.clone()),
                }
            }
        }
    }

    fn structural(&mut self, fs: &Fs) {
        if fs.type_name == DOCUMENT_META_DATA {
            let text = |name: &str| fs.get(name).and_then(Value::as_text);
            let metadata = &mut self.document.metadata;
            metadata.document_id = metadata.document_id.take().or_else(|| text("documentId"));
            metadata.document_title = metadata
                .document_title
                .take()
                .or_else(|| text("documentTitle"));
            metadata.document_uri = metadata.document_uri.take().or_else(|| text("documentUri"));
        } else if !fs.type_name.starts_with("uima.tcas.") {
            *self
                .noted
                .entry((
                    format!("{} annotations", short(&fs.type_name)),
                    "segmentation and tagset descriptions are not annotations; not kept".to_owned(),
                ))
                .or_insert(0) += 1;
        }
    }

    /// Begin and end in code points, or the reason they cannot be.
    fn range(&self, fs: &Fs) -> Result<(usize, usize), String> {
        let unit = |name: &str| fs.get(name).and_then(Value::as_offset);
        let (Some(begin), Some(end)) = (unit("begin"), unit("end")) else {
            return Err("its begin or end is not a number".into());
        };
        let start = self
            .map
            .to_code_point(begin)
            .map_err(|problem| format!("its begin {begin} {problem}"))?;
        let stop = self
            .map
            .to_code_point(end)
            .map_err(|problem| format!("its end {end} {problem}"))?;
        if start > stop {
            return Err(format!("its begin {begin} is after its end {end}"));
        }
        Ok((start, stop))
    }

    fn span(&mut self, fs: &Fs, role: Role) {
        let (start, end) = match self.range(fs) {
            Ok(range) => range,
            Err(reason) => {
                self.document.skipped.push(Skipped::new(
                    format!("annotation {} of {}", fs.id, fs.type_name),
                    reason,
                ));
                return;
            }
        };
        let mut span = Span {
            id: fs.id.to_string(),
            start,
            end,
            layer: fs.type_name.clone(),
            ..Span::default()
        };
        let (label, note, annotator) = {
            let found = self.layer_features(fs, role);
            (
                found.label.clone(),
                found.note.clone(),
                found.annotator.clone(),
            )
        };
        for (name, value) in &fs.features {
            if ANCHORS.contains(&name.as_str()) || (role == Role::Chain && name == "next") {
                continue;
            }
            match self.kind(fs, name, value) {
                Kind::Text(text) if Some(name) == label.as_ref() => span.label = text,
                Kind::Text(text) if Some(name) == note.as_ref() => span.note = Some(text),
                Kind::Text(text) if Some(name) == annotator.as_ref() => {
                    span.annotator = Some(text);
                }
                Kind::Text(text) => {
                    span.features.insert(name.clone(), text);
                }
                Kind::Refs => self.count(
                    format!("values of feature {name} on {}", fs.type_name),
                    "links from a span to other feature structures (slot features, token links) are not kept",
                ),
                Kind::Strings => self.count(
                    format!("values of feature {name} on {}", fs.type_name),
                    "multi-valued string features are not kept",
                ),
                Kind::Empty => {}
            }
        }
        if let Some(name) = &span.annotator {
            let name = name.clone();
            self.document.note_annotator(&name);
        }
        self.span_of.insert(fs.id, self.document.spans.len());
        self.document.spans.push(span);
    }

    fn end_span(&self, fs: &Fs, feature: &str) -> Result<usize, String> {
        let target = fs
            .get(feature)
            .and_then(Value::as_refs)
            .and_then(|ids| ids.first().copied())
            .ok_or_else(|| format!("it has no {feature}"))?;
        self.span_of.get(&target).copied().ok_or_else(|| {
            let what = self.index.get(&target).map_or("nothing".to_owned(), |end| {
                format!("a {}", short(&end.type_name))
            });
            format!("its {feature} {target} is {what}, not a span that was read")
        })
    }

    fn relation(&mut self, fs: &Fs) {
        let ends = self
            .end_span(fs, GOVERNOR)
            .and_then(|from| Ok((from, self.end_span(fs, DEPENDENT)?)));
        let (from, to) = match ends {
            Ok(ends) => ends,
            Err(reason) => {
                self.document.skipped.push(Skipped::new(
                    format!("relation {} of {}", fs.id, fs.type_name),
                    reason,
                ));
                return;
            }
        };
        let label = self.layer_features(fs, Role::Relation).label.clone();
        let mut relation = Relation {
            id: fs.id.to_string(),
            layer: fs.type_name.clone(),
            from,
            to,
            ..Relation::default()
        };
        for (name, value) in &fs.features {
            if ANCHORS.contains(&name.as_str()) || name == GOVERNOR || name == DEPENDENT {
                continue;
            }
            match self.kind(fs, name, value) {
                Kind::Text(text) if Some(name) == label.as_ref() => relation.label = text,
                Kind::Text(text) => {
                    relation.features.insert(name.clone(), text);
                }
                Kind::Refs | Kind::Strings => self.count(
                    format!("values of feature {name} on {}", fs.type_name),
                    "only the label and string features of relations are kept",
                ),
                Kind::Empty => {}
            }
        }
        self.document.relations.push(relation);
    }

    fn chain_link(&mut self, fs: &Fs) {
        let Some(next) = fs
            .get("next")
            .filter(|value| **value != Value::Null)
            .and_then(Value::as_refs)
            .and_then(|ids| ids.first().copied())
        else {
            return;
        };
        let (Some(&from), Some(&to)) = (self.span_of.get(&fs.id), self.span_of.get(&next)) else {
            self.document.skipped.push(Skipped::new(
                format!("chain link {} of {}", fs.id, fs.type_name),
                format!("its next link {next} was not read"),
            ));
            return;
        };
        let label = fs
            .get("referenceRelation")
            .and_then(Value::as_text)
            .unwrap_or_default();
        let features = &mut self.document.spans[from].features;
        features.remove("referenceRelation");
        self.document.relations.push(Relation {
            id: format!("{}->{next}", fs.id),
            layer: fs.type_name.clone(),
            label,
            from,
            to,
            features: BTreeMap::new(),
        });
    }

    fn count(&mut self, what: String, reason: &str) {
        *self.tally.entry((what, reason.to_owned())).or_insert(0) += 1;
    }

    fn finish(mut self) -> Imported {
        for ((what, reason), count) in std::mem::take(&mut self.tally) {
            self.document
                .skipped
                .push(Skipped::new(format!("{count} {what}"), reason));
        }
        for ((what, reason), count) in std::mem::take(&mut self.noted) {
            self.document
                .skipped
                .push(Skipped::noted(format!("{count} {what}"), reason));
        }
        let schema = self.schema();
        Imported {
            document: self.document,
            schema,
        }
    }
}

fn short(type_name: &str) -> &str {
    type_name.rsplit('.').next().unwrap_or(type_name)
}
