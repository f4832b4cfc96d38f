//! `prodigy`: text, tokens (`text`, `start`, `end`, `id`, `ws`) and spans with `token_start`
//! and inclusive `token_end`. Tokens follow spaCy's rule — `ws` only for a single trailing
//! U+0020; any other whitespace is a token of its own — so the text rebuilt from the tokens is
//! the text, and they are split at span edges, so every span keeps its exact characters.
//! Links between exported spans are `relations`, as Prodigy's `rel.manual` writes them: `head`
//! and `child` are the last tokens of the `head_span` (the link's source) and the `child_span`
//! (its target), `label` the link type. Keys are written in alphabetical order (fields declared
//! so).

use serde::Serialize;

use super::ExportDoc;
use super::tokens::Tokenized;

#[derive(Serialize)]
struct Record<'a> {
    answer: &'static str,
    meta: Meta<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelationOut<'a>>,
    spans: Vec<SpanOut<'a>>,
    text: &'a str,
    tokens: Vec<TokenOut<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    annotator: &'a str,
    document: &'a str,
    status: &'static str,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    end: usize,
    id: String,
    label: &'a str,
    start: usize,
    token_end: usize,
    token_start: usize,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    child: usize,
    child_span: EndOut<'a>,
    head: usize,
    head_span: EndOut<'a>,
    label: &'a str,
}

/// A relation's end, as Prodigy repeats it.
#[derive(Serialize, Clone)]
struct EndOut<'a> {
    end: usize,
    label: &'a str,
    start: usize,
    token_end: usize,
    token_start: usize,
}

#[derive(Serialize)]
struct TokenOut<'a> {
    end: usize,
    id: usize,
    start: usize,
    text: &'a str,
    ws: bool,
}

/// The record as one line of JSON (without the newline).
pub fn line(d: &ExportDoc, tokens: &Tokenized) -> String {
    let (all, index) = tokens.with_whitespace(d.doc);
    let spans: Vec<(usize, SpanOut)> = d
        .spans
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            // Tokens are cut at span edges, so both edges are token edges; the word tokens are
            // the fallback should one not be.
            let exact = (
                all.binary_search_by_key(&s.start, |t| t.start).ok(),
                all.binary_search_by_key(&s.end, |t| t.end).ok(),
            );
            let (first, last) = if let (Some(first), Some(last)) = exact {
                (first, last)
            } else {
                let range = tokens.token_range(s.start, s.end)?;
                (index[range.start], index[range.end - 1])
            };
            Some((
                k,
                SpanOut {
                    end: all[last].end,
                    id: super::span_id(d.id, d.annotator, s),
                    label: &s.label,
                    start: all[first].start,
                    token_end: last,
                    token_start: first,
                },
            ))
        })
        .collect();
    let end_of = |at: &crate::store::LinkEnd| {
        let k = d.spans.iter().position(|s| at.matches(s))?;
        let (_, s) = spans.iter().find(|(i, _)| *i == k)?;
        Some(EndOut {
            end: s.end,
            label: s.label,
            start: s.start,
            token_end: s.token_end,
            token_start: s.token_start,
        })
    };
    let relations = d
        .links
        .iter()
        .filter_map(|link| {
            let (head, child) = (end_of(&link.from)?, end_of(&link.to)?);
            Some(RelationOut {
                child: child.token_end,
                child_span: child,
                head: head.token_end,
                head_span: head,
                label: &link.kind,
            })
        })
        .collect();
    let record = Record {
        answer: "accept",
        meta: Meta {
            annotator: d.annotator,
            document: d.id,
            status: d.status.as_str(),
        },
        relations,
        spans: spans.into_iter().map(|(_, s)| s).collect(),
        text: d.doc.text(),
        tokens: all
            .iter()
            .enumerate()
            .map(|(i, t)| TokenOut {
                end: t.end,
                id: i,
                start: t.start,
                text: t.text,
                ws: t.ws,
            })
            .collect(),
    };
    serde_json::to_string(&record).unwrap_or_default()
}
