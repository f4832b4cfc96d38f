//! Reading the TSV body: rebuilding the text from `#Text=` lines and token offsets as INCEpTION
//! does, and collecting the annotations of every token and sub-token row.

use std::collections::{BTreeMap, HashMap};

use super::escape::{split_chain, split_suffix, split_unescaped, unescape_java, unescape_text};
use super::header::{ColumnKind, Header, TsvLayerKind, parse};
use crate::Imported;
use crate::error::Error;
use crate::model::Skipped;

mod annotate;
mod assemble;

use annotate::set_value;

/// A token or sub-token row.
pub(super) struct Unit {
    pub id: String,
    pub begin: usize,
    pub end: usize,
    /// The annotations on this unit per layer, in stacking order.
    pub annotations: HashMap<usize, Vec<usize>>,
}

/// A span or chain element being built, offsets in UTF-16 units.
pub(super) struct Annotation {
    pub layer: usize,
    pub id: String,
    pub begin: usize,
    pub end: usize,
    pub values: BTreeMap<String, String>,
}

/// A relation read from a row; its ends are resolved once every span exists.
pub(super) struct PendingRelation {
    pub layer: usize,
    pub unit: usize,
    pub values: BTreeMap<String, String>,
    pub source: Option<(String, Option<u32>, Option<u32>)>,
    pub line: usize,
}

#[derive(Default)]
pub(super) struct Body {
    pub text: String,
    pub units: Vec<Unit>,
    pub unit_index: HashMap<String, usize>,
    pub annotations: Vec<Annotation>,
    pub relations: Vec<PendingRelation>,
    relation_at: HashMap<(usize, usize, usize), usize>,
    pub disambiguated: HashMap<u32, usize>,
    pub chains: BTreeMap<u32, BTreeMap<u32, usize>>,
    pub skipped: Vec<Skipped>,
    /// Token rows whose text differs from the rebuilt text: (line, row text, rebuilt text).
    pub token_rows: Vec<(usize, usize, String)>,
    pub slot_values: BTreeMap<usize, usize>,
}

/// Reads a WebAnno TSV 3.x file.
pub fn read(tsv: &str) -> Result<Imported, Error> {
    let lines: Vec<&str> = tsv
        .strip_prefix('\u{feff}')
        .unwrap_or(tsv)
        .lines()
        .collect();
    let (header, used) = parse(&lines)?;
    let mut body = Body::default();
    body.read(&header, &lines, used)?;
    Ok(assemble::assemble(&header, &body))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Between,
    SentenceHeader,
    Token,
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

fn tsv_error(line: usize, message: impl Into<String>) -> Error {
    Error::Tsv {
        line,
        message: message.into(),
    }
}

impl Body {
    fn read(&mut self, header: &Header, lines: &[&str], start: usize) -> Result<(), Error> {
        let mut state = State::Between;
        let mut sentence = String::new();
        let mut text16 = 0usize;
        let mut gaps = (0usize, 0usize, 0usize);
        let mut current_token = None;
        for (index, line) in lines.iter().enumerate().skip(start) {
            let number = index + 1;
            if line.starts_with('#') && state != State::Token {
                state = State::SentenceHeader;
                if let Some(fragment) = line.strip_prefix("#Text=") {
                    sentence.push_str(&if header.minor <= 1 {
                        unescape_java(fragment)
                    } else {
                        unescape_text(fragment)
                    });
                    sentence.push('\n');
                }
                continue;
            }
            if line.is_empty() {
                state = State::Between;
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < header.columns.len() + 3 {
                return Err(tsv_error(
                    number,
                    format!(
                        "expected {} tab-separated fields, found {}",
                        header.columns.len() + 3,
                        fields.len()
                    ),
                ));
            }
            let (begin, end) = fields[1]
                .split_once('-')
                .and_then(|(b, e)| Some((b.parse::<usize>().ok()?, e.parse::<usize>().ok()?)))
                .ok_or_else(|| {
                    tsv_error(number, format!("{:?} is not an offset range", fields[1]))
                })?;
            if state == State::Between {
                return Err(tsv_error(
                    number,
                    "a token row without a #Text= line before it",
                ));
            }
            if state == State::SentenceHeader {
                if text16 > begin {
                    if text16 == begin + 1 && self.text.ends_with('\n') {
                        self.text.pop();
                        gaps.0 += 1;
                    } else {
                        return Err(tsv_error(
                            number,
                            format!(
                                "the sentence starts at {begin}, inside the text before it (which ends at {text16})"
                            ),
                        ));
                    }
                } else if text16 < begin {
                    self.text.extend(std::iter::repeat_n(' ', begin - text16));
                    gaps.2 += 1;
                } else if !self.text.is_empty() {
                    gaps.1 += 1;
                }
                text16 = begin + utf16_len(&sentence);
                self.text.push_str(&sentence);
                sentence.clear();
            }
            let is_subtoken = fields[0].contains('.');
            if !is_subtoken {
                self.token_rows
                    .push((number, self.units.len(), fields[2].to_owned()));
                current_token = Some(self.units.len());
            } else if current_token.is_none() {
                return Err(tsv_error(number, "a sub-token row before any token row"));
            }
            state = State::Token;
            let unit = self.units.len();
            self.unit_index.insert(fields[0].to_owned(), unit);
            self.units.push(Unit {
                id: fields[0].to_owned(),
                begin,
                end,
                annotations: HashMap::new(),
            });
            self.row(header, unit, &fields[3..], number)?;
        }
        if !sentence.is_empty() {
            self.skipped.push(Skipped::new(
                "the last #Text= lines",
                "no token rows follow them, so their offsets are unknown; not kept",
            ));
        }
        self.report_gaps(gaps);
        Ok(())
    }

    fn report_gaps(&mut self, (joined, one, padded): (usize, usize, usize)) {
        let mut parts = Vec::new();
        if one > 0 {
            parts.push(format!(
                "{one} one-character gaps were filled with a line break"
            ));
        }
        if padded > 0 {
            parts.push(format!("{padded} longer gaps with a line break and spaces"));
        }
        if joined > 0 {
            parts.push(format!("{joined} sentences with no gap were joined"));
        }
        if !self.text.is_empty() {
            parts.push("the text ends with the line break after the last sentence".into());
        }
        self.skipped.push(Skipped::noted(
            "the text between sentences",
            format!(
                "WebAnno TSV does not record it; rebuilt as INCEpTION does: {}",
                parts.join(", ")
            ),
        ));
    }

    /// Reads the annotation columns of one row; chain links first, so that the element type
    /// columns find their element.
    fn row(
        &mut self,
        header: &Header,
        unit: usize,
        cells: &[&str],
        line: usize,
    ) -> Result<(), Error> {
        let mut order: Vec<usize> = (0..header.columns.len()).collect();
        order.sort_by_key(|&index| header.columns[index].kind != ColumnKind::ChainLink);
        for index in order {
            let column = &header.columns[index];
            let cell = cells[index];
            if cell == "_" {
                continue;
            }
            for (stack, value) in split_unescaped(cell, '|').into_iter().enumerate() {
                self.cell(header, unit, column.layer, &column.kind, stack, value, line)?;
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn cell(
        &mut self,
        header: &Header,
        unit: usize,
        layer: usize,
        kind: &ColumnKind,
        stack: usize,
        value: &str,
        line: usize,
    ) -> Result<(), Error> {
        match (header.layers[layer].kind, kind) {
            (_, ColumnKind::SlotRole) => {
                *self.slot_values.entry(layer).or_insert(0) += 1;
            }
            (_, ColumnKind::SlotTarget) => {}
            (TsvLayerKind::Relation, _) => {
                self.relation_cell(unit, layer, kind, stack, value, line)?;
            }
            (TsvLayerKind::Chain, ColumnKind::ChainLink) => {
                let Some((relation, (chain, link))) = split_chain(value) else {
                    return Err(tsv_error(
                        line,
                        format!("{value:?} is not a chain link (`relation->chain-link`)"),
                    ));
                };
                let annotation = match self.on_unit(unit, layer, stack) {
                    Some(existing) => existing,
                    None => match self
                        .chains
                        .get(&chain)
                        .and_then(|links| links.get(&link))
                        .copied()
                    {
                        Some(existing) => self.extend(existing, unit),
                        None => self.create(
                            unit,
                            layer,
                            format!("{}[{chain}-{link}]", self.units[unit].id),
                        ),
                    },
                };
                self.chains
                    .entry(chain)
                    .or_default()
                    .insert(link, annotation);
                set_value(
                    &mut self.annotations[annotation].values,
                    "referenceRelation",
                    relation,
                );
            }
            (TsvLayerKind::Chain, _) => {
                let (label, _) = split_suffix(value);
                if let Some(annotation) = self.on_unit(unit, layer, stack) {
                    set_value(
                        &mut self.annotations[annotation].values,
                        "referenceType",
                        label,
                    );
                }
            }
            (TsvLayerKind::Span, _) => {
                let (label, suffix) = split_suffix(value);
                let id = suffix
                    .map(|id| {
                        id.parse::<u32>()
                            .map_err(|_| tsv_error(line, format!("{value:?} has a malformed [id]")))
                    })
                    .transpose()?;
                let annotation = match self.on_unit(unit, layer, stack) {
                    Some(existing) => existing,
                    None => {
                        if let Some(existing) =
                            id.and_then(|id| self.disambiguated.get(&id).copied())
                        {
                            self.extend(existing, unit)
                        } else {
                            let name = match id {
                                Some(id) => format!("{}[{id}]", self.units[unit].id),
                                None => self.units[unit].id.clone(),
                            };
                            self.create(unit, layer, name)
                        }
                    }
                };
                if let Some(id) = id {
                    self.disambiguated.insert(id, annotation);
                }
                if let ColumnKind::Feature(feature) = kind {
                    set_value(&mut self.annotations[annotation].values, feature, label);
                }
            }
        }
        Ok(())
    }
}
