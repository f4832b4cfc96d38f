//! The TSV header: the format line and the layer declarations that define the columns.

use crate::error::Error;

/// What one annotation column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    /// A primitive feature of a span or relation layer.
    Feature(String),
    /// A span layer without features: `*` marks an annotation.
    Placeholder,
    /// A slot feature's roles (`ROLE_…`) and the column of its targets.
    SlotRole,
    SlotTarget,
    /// A relation's source unit (`BT_…`), naming the span layer both ends belong to.
    RelationSource {
        attach: String,
    },
    /// A chain element's `referenceType`, and its `referenceRelation->chain-link`.
    ChainType,
    ChainLink,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TsvLayerKind {
    Span,
    Relation,
    Chain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TsvLayer {
    pub name: String,
    pub kind: TsvLayerKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub layer: usize,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// The minor version of `WebAnno TSV 3.x`.
    pub minor: u32,
    pub layers: Vec<TsvLayer>,
    pub columns: Vec<Column>,
}

impl Header {
    /// The primitive features of a layer, in column order.
    pub(crate) fn features(&self, layer: usize) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|column| column.layer == layer)
            .filter_map(|column| match &column.kind {
                ColumnKind::Feature(name) => Some(name.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// Reads the format line and the layer lines; returns the header and the number of lines used.
pub(crate) fn parse(lines: &[&str]) -> Result<(Header, usize), Error> {
    let first = lines.first().copied().unwrap_or_default();
    let version = first
        .strip_prefix("#FORMAT=WebAnno TSV ")
        .ok_or_else(|| Error::Tsv {
            line: 1,
            message: format!(
                "expected `#FORMAT=WebAnno TSV 3.x`, found {first:?}; only WebAnno TSV 3 is read"
            ),
        })?;
    let minor = version
        .trim()
        .strip_prefix("3.")
        .and_then(|minor| minor.parse().ok())
        .ok_or_else(|| Error::Tsv {
            line: 1,
            message: format!(
                "WebAnno TSV {version} is not supported; export as WebAnno TSV 3.x or UIMA CAS XMI"
            ),
        })?;
    let mut header = Header {
        minor,
        layers: Vec::new(),
        columns: Vec::new(),
    };
    let mut used = 1;
    for (index, line) in lines.iter().enumerate().skip(1) {
        let kind = if let Some(rest) = line.strip_prefix("#T_SP=") {
            Some((TsvLayerKind::Span, rest))
        } else if let Some(rest) = line.strip_prefix("#T_RL=") {
            Some((TsvLayerKind::Relation, rest))
        } else {
            line.strip_prefix("#T_CH=")
                .map(|rest| (TsvLayerKind::Chain, rest))
        };
        let Some((kind, rest)) = kind else { break };
        used = index + 1;
        let mut fields = rest.split('|');
        let name = fields.next().unwrap_or_default().to_owned();
        if name.is_empty() {
            return Err(Error::Tsv {
                line: index + 1,
                message: "a layer declaration has no type name".into(),
            });
        }
        let layer = header.layers.len();
        header.layers.push(TsvLayer { name, kind });
        let mut declared = 0;
        let mut after_role = false;
        for field in fields {
            let column = if after_role {
                after_role = false;
                ColumnKind::SlotTarget
            } else if kind == TsvLayerKind::Span && field.starts_with("ROLE_") {
                after_role = true;
                ColumnKind::SlotRole
            } else if kind == TsvLayerKind::Relation
                && let Some(attach) = field.strip_prefix("BT_")
            {
                ColumnKind::RelationSource {
                    attach: attach.to_owned(),
                }
            } else if kind == TsvLayerKind::Chain && field == "referenceType" {
                ColumnKind::ChainType
            } else if kind == TsvLayerKind::Chain && field == "referenceRelation" {
                ColumnKind::ChainLink
            } else if field.is_empty() {
                continue;
            } else {
                ColumnKind::Feature(field.to_owned())
            };
            header.columns.push(Column {
                layer,
                kind: column,
            });
            declared += 1;
        }
        if declared == 0 {
            header.columns.push(Column {
                layer,
                kind: ColumnKind::Placeholder,
            });
        }
    }
    Ok((header, used))
}

#[cfg(test)]
mod tests;
