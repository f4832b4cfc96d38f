//! Creating, extending and finding the annotations of TSV units, and collecting relations.

use std::collections::BTreeMap;

use super::super::escape::{split_suffix, unescape_value};
use super::super::header::ColumnKind;
use super::{Annotation, Body, PendingRelation, tsv_error};
use crate::error::Error;

impl Body {
    pub(super) fn relation_cell(
        &mut self,
        unit: usize,
        layer: usize,
        kind: &ColumnKind,
        stack: usize,
        value: &str,
        line: usize,
    ) -> Result<(), Error> {
        let key = (unit, layer, stack);
        let relation = *self.relation_at.entry(key).or_insert_with(|| {
            self.relations.push(PendingRelation {
                layer,
                unit,
                values: BTreeMap::new(),
                source: None,
                line,
            });
            self.relations.len() - 1
        });
        match kind {
            ColumnKind::Feature(feature) => {
                set_value(&mut self.relations[relation].values, feature, value);
            }
            ColumnKind::RelationSource { .. } => {
                let (source, suffix) = split_suffix(value);
                let ids = match suffix {
                    None => (None, None),
                    Some(ids) => {
                        let (from, to) = ids
                            .split_once('_')
                            .and_then(|(a, b)| {
                                Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?))
                            })
                            .ok_or_else(|| {
                                tsv_error(
                                    line,
                                    format!("{value:?} has a malformed [source_target] id"),
                                )
                            })?;
                        ((from > 0).then_some(from), (to > 0).then_some(to))
                    }
                };
                self.relations[relation].source = Some((source.to_owned(), ids.0, ids.1));
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn on_unit(&self, unit: usize, layer: usize, stack: usize) -> Option<usize> {
        self.units[unit]
            .annotations
            .get(&layer)?
            .get(stack)
            .copied()
    }

    pub(super) fn create(&mut self, unit: usize, layer: usize, id: String) -> usize {
        let index = self.annotations.len();
        self.annotations.push(Annotation {
            layer,
            id,
            begin: self.units[unit].begin,
            end: self.units[unit].end,
            values: BTreeMap::new(),
        });
        self.units[unit]
            .annotations
            .entry(layer)
            .or_default()
            .push(index);
        index
    }

    /// Adds a unit to a multi-unit annotation.
    pub(super) fn extend(&mut self, annotation: usize, unit: usize) -> usize {
        let (begin, end) = (self.units[unit].begin, self.units[unit].end);
        let target = &mut self.annotations[annotation];
        target.begin = target.begin.min(begin);
        target.end = target.end.max(end);
        let layer = target.layer;
        let on_unit = self.units[unit].annotations.entry(layer).or_default();
        if !on_unit.contains(&annotation) {
            on_unit.push(annotation);
        }
        annotation
    }
}

/// Stores a value; `*` means the feature has no value.
pub(super) fn set_value(values: &mut BTreeMap<String, String>, feature: &str, raw: &str) {
    if raw != "*" {
        values.insert(feature.to_owned(), unescape_value(raw));
    }
}
