//! A `.spacy` file (spaCy 3's `DocBin`) written from text and labelled char spans: spaCy's own
//! tokens, every span that falls on token edges in `doc.spans[key]`, a non-overlapping subset in
//! `doc.ents`, each Doc's `user_data` (string keys and values) when asked for, and every span
//! left out reported with the reason. Documents are encoded on their own ([`DocBin::encode`],
//! from any thread) and pushed in order ([`DocBin::push`]).

mod encode;

use std::collections::BTreeSet;
use std::path::Path;

use crate::spans::{LabelledSpan, PlacedSpan, SpanIssue, align, non_overlapping};
use crate::tokenizer::{TokenizeError, Tokenizer};

/// What can go wrong while building or writing a DocBin.
#[derive(Debug, thiserror::Error)]
pub enum DocBinError {
    #[error(transparent)]
    Tokenize(#[from] TokenizeError),
    #[error(
        "the tokenizer's rule file has no id for spaCy attribute {0}; regenerate it with checks/dump_english.py"
    )]
    MissingAttribute(&'static str),
    #[error(
        "document {document} is too long for a DocBin ({what} {value} does not fit spaCy's 32-bit field)"
    )]
    TooLong {
        document: usize,
        what: &'static str,
        value: usize,
    },
    #[error("could not encode the DocBin: {0}")]
    Encode(String),
    #[error("could not write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// Which spans go to `doc.ents` (what spaCy's `ner` learns from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ents {
    /// Leave `doc.ents` unset: every token's entity tag is missing, as in a Doc nobody
    /// annotated for `ner` (for a spancat-only corpus).
    Unset,
    /// The longest spans that do not overlap (ties: earlier start, then earlier in the input;
    /// glosser's `--overlaps longest`); every other token is tagged outside (`O`).
    Longest,
}

/// Options of a [`DocBin`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocBinOptions {
    /// The `doc.spans` key for all placed spans (spancat's `spans_key`, `"sc"` by default).
    pub spans_key: String,
    pub ents: Ents,
    /// Write each Doc's `user_data` (spaCy's `DocBin(store_user_data=True)`); a Doc given none
    /// gets an empty one, as in spaCy.
    pub store_user_data: bool,
}

impl Default for DocBinOptions {
    fn default() -> Self {
        Self {
            spans_key: "sc".to_owned(),
            ents: Ents::Longest,
            store_user_data: false,
        }
    }
}

/// A Doc's `user_data`: string keys and values, in the order given (`doc.user_data` after
/// `DocBin().from_disk(…).get_docs(…)`).
pub type UserData = [(String, String)];

/// What [`DocBin::add`] did with one document's spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocReport {
    /// spaCy tokens of the document (whitespace tokens included).
    pub tokens: usize,
    /// Spans in `doc.spans[key]`, by input order.
    pub spans: Vec<PlacedSpan>,
    /// Spans in `doc.ents`, by start (empty with [`Ents::Unset`]).
    pub ents: Vec<PlacedSpan>,
    /// Spans not placed at all: not on token edges, empty, out of the text, unlabelled.
    pub unaligned: Vec<SpanIssue>,
    /// Placed spans left out of `doc.ents` (overlap, whitespace edge).
    pub left_out_of_ents: Vec<SpanIssue>,
}

/// One document's share of the DocBin, ready to [`DocBin::push`].
#[derive(Debug, Clone)]
pub struct EncodedDoc {
    /// Attribute values, token after token, [`DocBin::attrs`] of each.
    pub(crate) rows: Vec<u64>,
    pub(crate) spaces: Vec<bool>,
    /// `doc.spans.to_bytes()`.
    pub(crate) span_groups: Vec<u8>,
    /// `srsly.msgpack_dumps(doc.user_data)`.
    pub(crate) user_data: Vec<u8>,
    /// The strings the Doc adds to the DocBin's string table.
    strings: BTreeSet<String>,
}

impl EncodedDoc {
    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.spaces.len()
    }
}

/// spaCy's default DocBin attributes (`DOCBIN_ALL_ATTRS`).
const ATTRIBUTES: [&str; 13] = [
    "ORTH",
    "NORM",
    "TAG",
    "HEAD",
    "DEP",
    "ENT_IOB",
    "ENT_TYPE",
    "ENT_KB_ID",
    "ENT_ID",
    "LEMMA",
    "MORPH",
    "POS",
    "SENT_START",
];

/// spaCy's `ENT_IOB` values.
const IOB_IN: u64 = 1;
const IOB_OUT: u64 = 2;
const IOB_BEGIN: u64 = 3;

/// A DocBin being filled; [`DocBin::to_bytes`] gives the `.spacy` file's bytes.
#[derive(Debug)]
pub struct DocBin<'t> {
    tokenizer: &'t Tokenizer,
    options: DocBinOptions,
    /// Attribute ids: ORTH first, the others sorted, as `DocBin.__init__` orders them.
    attrs: Vec<u64>,
    columns: Columns,
    docs: Vec<EncodedDoc>,
    strings: BTreeSet<String>,
}

#[derive(Debug, Clone, Copy)]
struct Columns {
    norm: usize,
    ent_iob: usize,
    ent_type: usize,
    sent_start: usize,
}

impl<'t> DocBin<'t> {
    pub fn new(tokenizer: &'t Tokenizer, options: DocBinOptions) -> Result<Self, DocBinError> {
        let mut ids = Vec::with_capacity(ATTRIBUTES.len());
        for name in ATTRIBUTES {
            let id = tokenizer
                .symbol(name)
                .ok_or(DocBinError::MissingAttribute(name))?;
            ids.push((id, name));
        }
        ids.sort_unstable();
        let orth = ids
            .iter()
            .position(|&(_, name)| name == "ORTH")
            .ok_or(DocBinError::MissingAttribute("ORTH"))?;
        let orth = ids.remove(orth);
        ids.insert(0, orth);
        let column = |wanted: &'static str| {
            ids.iter()
                .position(|&(_, name)| name == wanted)
                .ok_or(DocBinError::MissingAttribute(wanted))
        };
        let columns = Columns {
            norm: column("NORM")?,
            ent_iob: column("ENT_IOB")?,
            ent_type: column("ENT_TYPE")?,
            sent_start: column("SENT_START")?,
        };
        Ok(Self {
            tokenizer,
            options,
            attrs: ids.into_iter().map(|(id, _)| id).collect(),
            columns,
            docs: Vec::new(),
            strings: BTreeSet::new(),
        })
    }

    /// The attribute ids of the token table, in column order.
    pub fn attrs(&self) -> &[u64] {
        &self.attrs
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The id spaCy's `StringStore.add` gives a string: 0 for "", a reserved symbol's id, else
    /// its hash.
    pub fn string_id(&self, string: &str) -> u64 {
        if string.is_empty() {
            return 0;
        }
        self.tokenizer
            .symbol(string)
            .unwrap_or_else(|| crate::hash::hash_string(string))
    }

    /// Tokenizes `text` as `nlp.make_doc(text)` does, places `spans` and adds the Doc.
    pub fn add(&mut self, text: &str, spans: &[LabelledSpan]) -> Result<DocReport, DocBinError> {
        self.add_with_user_data(text, spans, &[])
    }

    /// [`Self::add`] with the Doc's `user_data` (written when the options ask for it).
    pub fn add_with_user_data(
        &mut self,
        text: &str,
        spans: &[LabelledSpan],
        user_data: &UserData,
    ) -> Result<DocReport, DocBinError> {
        let (doc, report) = self.encode(text, spans, user_data)?;
        self.push(doc);
        Ok(report)
    }

    /// Appends a Doc made by [`Self::encode`] (of a DocBin with the same options).
    pub fn push(&mut self, doc: EncodedDoc) {
        let EncodedDoc {
            rows,
            spaces,
            span_groups,
            user_data,
            strings,
        } = doc;
        self.strings.extend(strings);
        self.docs.push(EncodedDoc {
            rows,
            spaces,
            span_groups,
            user_data,
            strings: BTreeSet::new(),
        });
    }

    /// One Doc, as [`Self::add_with_user_data`] would add it, without adding it: documents can
    /// be encoded in parallel and pushed in order.
    pub fn encode(
        &self,
        text: &str,
        spans: &[LabelledSpan],
        user_data: &UserData,
    ) -> Result<(EncodedDoc, DocReport), DocBinError> {
        let document = self.docs.len();
        let too_long = |what, value| DocBinError::TooLong {
            document,
            what,
            value,
        };
        let tokens = self.tokenizer.tokenize(text)?;
        if i32::try_from(tokens.len()).is_err() {
            return Err(too_long("token count", tokens.len()));
        }
        let (placed, unaligned) = align(text, &tokens, spans);
        let (ents, left_out_of_ents) = match self.options.ents {
            Ents::Unset => (Vec::new(), Vec::new()),
            Ents::Longest => {
                non_overlapping(text, &tokens, &placed, |c| self.tokenizer.is_whitespace(c))
            }
        };
        let width = self.attrs.len();
        let mut rows = vec![0u64; tokens.len() * width];
        let mut strings = BTreeSet::new();
        for (token, row) in tokens.iter().zip(rows.chunks_exact_mut(width)) {
            let orth = token.text(text);
            let norm = self.tokenizer.norm(text, token);
            row[0] = self.string_id(orth);
            row[self.columns.norm] = self.string_id(&norm);
            row[self.columns.sent_start] = u64::from(token.sent_start);
            if self.options.ents == Ents::Longest {
                row[self.columns.ent_iob] = IOB_OUT;
            }
            strings.insert(orth.to_owned());
            strings.insert(norm.into_owned());
        }
        if !tokens.is_empty() {
            strings.insert(String::new());
        }
        for ent in &ents {
            let label = self.string_id(&ent.span.label);
            for t in ent.tokens.clone() {
                let iob = if t == ent.tokens.start {
                    IOB_BEGIN
                } else {
                    IOB_IN
                };
                rows[t * width + self.columns.ent_iob] = iob;
                rows[t * width + self.columns.ent_type] = label;
            }
        }
        for span in &placed {
            strings.insert(span.span.label.clone());
            if span.span.end > i32::MAX as usize {
                return Err(too_long("char offset", span.span.end));
            }
        }
        let span_groups = encode::span_groups(self, document, &self.options.spans_key, &placed)?;
        let user_data = if self.options.store_user_data {
            encode::user_data(user_data)?
        } else {
            Vec::new()
        };
        let doc = EncodedDoc {
            rows,
            spaces: tokens.iter().map(|t| t.space_after).collect(),
            span_groups,
            user_data,
            strings,
        };
        let report = DocReport {
            tokens: tokens.len(),
            spans: placed,
            ents,
            unaligned,
            left_out_of_ents,
        };
        Ok((doc, report))
    }

    /// The `.spacy` file: zlib-compressed msgpack, as `DocBin.to_bytes()` writes it.
    pub fn to_bytes(&self) -> Result<Vec<u8>, DocBinError> {
        encode::docbin(
            &self.attrs,
            &self.docs,
            &self.strings,
            self.options.store_user_data,
        )
    }

    /// Writes [`Self::to_bytes`] to `path`.
    pub fn write(&self, path: &Path) -> Result<(), DocBinError> {
        let bytes = self.to_bytes()?;
        std::fs::write(path, bytes).map_err(|source| DocBinError::Write {
            path: path.display().to_string(),
            source,
        })
    }
}

#[cfg(test)]
mod tests;
