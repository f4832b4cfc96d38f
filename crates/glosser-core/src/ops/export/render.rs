//! One document of `glosser export`: load, check, select, and render it in the chosen format,
//! with what a token format did to its spans (dropped, layered, trimmed at whitespace edges,
//! not aligned to spaCy's tokens, tokens split, sentences joined).

use std::collections::BTreeMap;

use serde_json::json;

use crate::corpus::DocumentEntry;
use crate::formats::edges::{Trimmed, trim};
use crate::formats::overlaps::{self, Policy, Tagged};
use crate::formats::{self, ExportDoc, Format, Offsets, tokens};
use crate::labels::LabelSet;
use crate::span::Span;
use crate::store::Status;

/// What every document's export needs to know.
pub struct Options<'a> {
    pub format: Format,
    pub annotator: &'a str,
    pub labels: &'a LabelSet,
    /// Only these labels (all when empty).
    pub only: &'a [String],
    pub done_only: bool,
    pub offsets: Offsets,
    pub overlaps: Policy,
    pub conll: formats::conll::Style,
    /// The DocBin whose tokenizer and options encode each document (spacy).
    pub spacy: Option<&'a glosser_spacy::docbin::DocBin<'static>>,
}

/// One document, ready to write (or why not).
pub enum Outcome {
    Skipped(String),
    NotDone,
    Ready(Box<Ready>),
}

/// A rendered document and what happened to its spans.
pub struct Ready {
    pub id: String,
    pub status: Status,
    pub text_sha256: String,
    pub rendered: Rendered,
    /// Spans written, per label.
    pub counts: BTreeMap<String, usize>,
    /// Spans a token format dropped (or, under `--overlaps error`, found overlapping), with why.
    pub displaced: Vec<(Span, String)>,
    /// Spans written to a later tag layer (`--overlaps layers`).
    pub layered: usize,
    /// Tag layers the document needs (1 unless `--overlaps layers` found overlaps).
    pub depth: usize,
    /// Tokens split at a span edge; sentence breaks left out inside a span.
    pub split_tokens: usize,
    pub joined_sentences: usize,
    /// Sentences written (conll, hf).
    pub sentences: usize,
    /// Links between exported spans that the format cannot hold (SPEC §10).
    pub links_dropped: usize,
    /// Orphaned spans (their text is no longer in the article) that the format cannot hold:
    /// every format but jsonl, which keeps them at their last offsets.
    pub orphans_left: Vec<Span>,
    /// Spans written without their whitespace edges (conll, hf, spacy).
    pub trimmed: Vec<Trimmed>,
    /// spacy: spans left out because spaCy's tokens cannot hold them, with why.
    pub unaligned: Vec<(Span, String)>,
    /// spacy with ner: spans in `doc.spans["sc"]` left out of `doc.ents`, with why.
    pub ents_left_out: Vec<(Span, String)>,
    /// spacy: the length in spaCy tokens of each span written (the suggester sizes).
    pub span_tokens: Vec<usize>,
}

/// A document's output.
pub enum Rendered {
    Text(String),
    Brat {
        txt: String,
        ann: String,
    },
    /// hf, rendered once the deepest layer of the export is known.
    Tagged(Tagged),
    /// conll, likewise, in its layout.
    Conll(Tagged, formats::conll::Style),
    /// A file of its own per document (`uima-json`, `xmi`): its path in the output directory,
    /// its body, and the type system the export's directory needs (xmi).
    File {
        path: String,
        body: String,
        typesystem: Option<String>,
    },
    /// spacy: one Doc of the DocBin.
    Spacy(Box<glosser_spacy::docbin::EncodedDoc>),
}

impl Rendered {
    /// The text to write for a stream format, given the export's tag depth.
    pub fn text(&self, depth: usize) -> String {
        match self {
            Rendered::Text(text) => text.clone(),
            Rendered::Brat { .. } | Rendered::File { .. } | Rendered::Spacy(_) => String::new(),
            Rendered::Conll(t, style) => formats::conll::document(t, depth, *style),
            Rendered::Tagged(t) => formats::hf::lines(t, depth),
        }
    }
}

pub fn prepare(entry: &DocumentEntry, task_id: usize, o: &Options) -> Outcome {
    let Some(annotation) = entry.annotation(o.annotator) else {
        return Outcome::NotDone;
    };
    let file = match annotation.load() {
        Ok(file) => file,
        Err(e) => return Outcome::Skipped(e.to_string()),
    };
    if o.done_only && file.status != Status::Done {
        return Outcome::NotDone;
    }
    let doc = match entry.load() {
        Ok(doc) => doc,
        Err(e) => return Outcome::Skipped(e.to_string()),
    };
    if file.text_sha256 != doc.sha256() {
        // Spans of a stale file may sit on the wrong occurrence: never export them unchecked.
        return Outcome::Skipped(format!(
            "{}: its article changed since it was saved; run glosser validate --fix to re-anchor it",
            annotation.path.display()
        ));
    }
    if let Some((_, problem)) = file.spans.problems(&doc, o.labels).first() {
        return Outcome::Skipped(format!(
            "{}: {problem} (run glosser validate)",
            annotation.path.display()
        ));
    }
    let status = file.status;
    let links = file.links;
    let rejected: Vec<Span> = file
        .rejected
        .into_iter()
        .filter(|s| o.only.is_empty() || o.only.contains(&s.label))
        .collect();
    let orphans: Vec<Span> = file
        .orphans
        .into_iter()
        .filter(|s| o.only.is_empty() || o.only.contains(&s.label))
        .collect();
    let spans: Vec<Span> = file
        .spans
        .into_spans()
        .into_iter()
        .filter(|s| o.only.is_empty() || o.only.contains(&s.label))
        .collect();
    let d = ExportDoc {
        id: &entry.id,
        annotator: o.annotator,
        doc: &doc,
        spans: &spans,
        status,
        orphans: &orphans,
        links: &links,
        rejected: &rejected,
    };
    let mut ready = Ready {
        id: entry.id.clone(),
        status,
        text_sha256: doc.sha256().to_owned(),
        rendered: Rendered::Text(String::new()),
        counts: BTreeMap::new(),
        displaced: Vec::new(),
        layered: 0,
        depth: 1,
        split_tokens: 0,
        joined_sentences: 0,
        sentences: 0,
        links_dropped: 0,
        orphans_left: Vec::new(),
        trimmed: Vec::new(),
        unaligned: Vec::new(),
        ents_left_out: Vec::new(),
        span_tokens: Vec::new(),
    };
    if o.format != Format::Jsonl {
        ready.orphans_left.clone_from(&orphans);
    }
    if !o.format.holds_links() {
        let exported = |end: &crate::store::LinkEnd| spans.iter().any(|s| end.matches(s));
        ready.links_dropped = links
            .iter()
            .filter(|l| exported(&l.from) && exported(&l.to))
            .count();
    }
    ready.rendered = match render(&d, task_id, o, &mut ready) {
        Ok(rendered) => rendered,
        Err(why) => return Outcome::Skipped(why),
    };
    Outcome::Ready(Box::new(ready))
}

/// One document in the chosen format; fills in what happened to its spans. A document the
/// format cannot hold at all is skipped, with why.
fn render(
    d: &ExportDoc,
    task_id: usize,
    o: &Options,
    ready: &mut Ready,
) -> Result<Rendered, String> {
    let line = |v: serde_json::Value| format!("{v}\n");
    let status = d.status.as_str();
    let count = |ready: &mut Ready, spans: &mut dyn Iterator<Item = &Span>| {
        for s in spans {
            *ready.counts.entry(s.label.clone()).or_default() += 1;
        }
    };
    // Token formats count what they write (spacy: the spans placed on spaCy's tokens).
    if !o.format.needs_flat_spans() && o.format != Format::Spacy {
        count(ready, &mut d.spans.iter());
    }
    let text = match o.format {
        Format::Jsonl => formats::jsonl::line(d) + "\n",
        Format::Spacy => {
            let Some(bin) = o.spacy else {
                return Err(format!("{}: no DocBin to write spaCy's Docs into", d.id));
            };
            let encoded = formats::spacy::encode(bin, d).map_err(|e| e.to_string())?;
            for (span, tokens) in &encoded.placed {
                *ready.counts.entry(span.label.clone()).or_default() += 1;
                ready.span_tokens.push(*tokens);
            }
            ready.unaligned = encoded.unaligned;
            ready.ents_left_out = encoded.left_out_of_ents;
            ready.trimmed = encoded.trimmed;
            return Ok(Rendered::Spacy(Box::new(encoded.doc)));
        }
        Format::Prodigy => {
            let tokenized = tokens::tokenize(d.doc, d.spans);
            ready.split_tokens = tokenized.split_tokens;
            formats::prodigy::line(d, &tokenized) + "\n"
        }
        Format::Doccano => {
            let mut v = formats::doccano::record(d, o.offsets);
            v["status"] = json!(status);
            line(v)
        }
        Format::W3c => line(formats::w3c::record(d)),
        Format::Csv => formats::csv::rows(d),
        Format::LabelStudio => {
            let mut v = formats::label_studio::task(d, task_id);
            v["data"]["status"] = json!(status);
            v.to_string()
        }
        Format::Conll | Format::Hf => {
            let tokenized = tokens::tokenize(d.doc, d.spans);
            let layers = overlaps::layer(&tokenized, d.spans, o.labels, o.overlaps);
            for (i, l) in layers.layers.iter().enumerate() {
                if i == 0 || o.overlaps == Policy::Layers {
                    count(ready, &mut l.iter().map(|(_, s)| *s));
                    ready.trimmed.extend(
                        l.iter()
                            .filter_map(|(_, s)| trim(d.doc, s, char::is_whitespace)),
                    );
                }
            }
            ready
                .trimmed
                .sort_by(|a, b| a.span.key().cmp(&b.span.key()));
            let layered = o.overlaps == Policy::Layers;
            ready.displaced = layers
                .displaced
                .iter()
                .filter(|x| !layered || x.by.is_none())
                .map(|x| (x.span.clone(), x.reason()))
                .collect();
            ready.layered = layers.layers.iter().skip(1).map(Vec::len).sum();
            ready.depth = layers.layers.len();
            ready.split_tokens = tokenized.split_tokens;
            ready.joined_sentences = tokenized.joined_in_spans;
            ready.sentences = tokenized.sentences.len();
            let tagged = Tagged::new(d.id, status, &tokenized, &layers);
            return Ok(if o.format == Format::Conll {
                Rendered::Conll(tagged, o.conll)
            } else {
                Rendered::Tagged(tagged)
            });
        }
        Format::Brat => {
            return Ok(Rendered::Brat {
                txt: d.doc.text().to_owned(),
                ann: formats::brat::ann(d),
            });
        }
        Format::UimaJson => {
            return Ok(Rendered::File {
                path: format!("{}.json", d.id),
                body: formats::uima::json(d).map_err(|why| cannot(d, o.format, &why))?,
                typesystem: None,
            });
        }
        Format::Xmi => {
            let (xmi, typesystem) =
                formats::uima::xmi(d).map_err(|why| cannot(d, o.format, &why))?;
            return Ok(Rendered::File {
                path: format!("{}.xmi", d.id),
                body: xmi,
                typesystem: Some(typesystem),
            });
        }
    };
    Ok(Rendered::Text(text))
}

/// Why a document cannot be written in a format, naming both.
fn cannot(d: &ExportDoc, format: Format, why: &str) -> String {
    format!("{}: cannot be written as {format}: {why}", d.id)
}
