//! The bytes of a DocBin: the msgpack layout of spaCy's `DocBin.to_bytes` (and of
//! `SpanGroups.to_bytes` / `SpanGroup.to_bytes` for each Doc's spans), zlib-compressed. Maps and
//! lists are written in the order spaCy writes them, so the msgpack is byte-identical.

use std::collections::BTreeSet;
use std::io::Write;

use rmp::encode;

use super::{DocBin, DocBinError, EncodedDoc, UserData};
use crate::spans::PlacedSpan;

fn failed(e: impl std::fmt::Display) -> DocBinError {
    DocBinError::Encode(e.to_string())
}

fn str_entry(out: &mut Vec<u8>, key: &str) -> Result<(), DocBinError> {
    encode::write_str(out, key).map_err(failed)
}

fn i32_field(document: usize, value: usize, what: &'static str) -> Result<i32, DocBinError> {
    i32::try_from(value).map_err(|_| DocBinError::TooLong {
        document,
        what,
        value,
    })
}

/// `doc.spans.to_bytes()` for a Doc whose only group is `key` holding `spans`: a map from the
/// group's bytes to the keys that hold it.
pub(crate) fn span_groups(
    bin: &DocBin<'_>,
    document: usize,
    key: &str,
    spans: &[PlacedSpan],
) -> Result<Vec<u8>, DocBinError> {
    let mut group = Vec::new();
    encode::write_map_len(&mut group, 3).map_err(failed)?;
    str_entry(&mut group, "name")?;
    str_entry(&mut group, key)?;
    str_entry(&mut group, "attrs")?;
    encode::write_map_len(&mut group, 0).map_err(failed)?;
    str_entry(&mut group, "spans")?;
    encode::write_array_len(&mut group, spans.len() as u32).map_err(failed)?;
    for placed in spans {
        // struct.pack(">QQQllll", id, kb_id, label, start, end, start_char, end_char)
        let mut packed = Vec::with_capacity(40);
        packed.extend_from_slice(&0u64.to_be_bytes());
        packed.extend_from_slice(&0u64.to_be_bytes());
        packed.extend_from_slice(&bin.string_id(&placed.span.label).to_be_bytes());
        for (value, what) in [
            (placed.tokens.start, "token index"),
            (placed.tokens.end, "token index"),
            (placed.span.start, "char offset"),
            (placed.span.end, "char offset"),
        ] {
            packed.extend_from_slice(&i32_field(document, value, what)?.to_be_bytes());
        }
        encode::write_bin(&mut group, &packed).map_err(failed)?;
    }
    let mut groups = Vec::new();
    encode::write_map_len(&mut groups, 1).map_err(failed)?;
    encode::write_bin(&mut groups, &group).map_err(failed)?;
    encode::write_array_len(&mut groups, 1).map_err(failed)?;
    str_entry(&mut groups, key)?;
    Ok(groups)
}

/// `srsly.msgpack_dumps(doc.user_data)` for string keys and values: a map in the given order.
pub(crate) fn user_data(entries: &UserData) -> Result<Vec<u8>, DocBinError> {
    let mut out = Vec::new();
    encode::write_map_len(&mut out, entries.len() as u32).map_err(failed)?;
    for (key, value) in entries {
        str_entry(&mut out, key)?;
        str_entry(&mut out, value)?;
    }
    Ok(out)
}

/// The whole file: msgpack of `DocBin.to_bytes`'s message, zlib-compressed.
pub(crate) fn docbin(
    attrs: &[u64],
    docs: &[EncodedDoc],
    strings: &BTreeSet<String>,
    store_user_data: bool,
) -> Result<Vec<u8>, DocBinError> {
    let mut msg = Vec::new();
    let out = &mut msg;
    encode::write_map_len(out, if store_user_data { 10 } else { 9 }).map_err(failed)?;
    str_entry(out, "version")?;
    str_entry(out, "0.1")?;
    str_entry(out, "attrs")?;
    encode::write_array_len(out, attrs.len() as u32).map_err(failed)?;
    for &attr in attrs {
        encode::write_uint(out, attr).map_err(failed)?;
    }
    let mut tokens = Vec::new();
    let mut spaces = Vec::new();
    let mut lengths = Vec::new();
    for (document, doc) in docs.iter().enumerate() {
        for value in &doc.rows {
            tokens.extend_from_slice(&value.to_le_bytes());
        }
        spaces.extend(doc.spaces.iter().map(|&s| u8::from(s)));
        lengths.extend_from_slice(&i32_field(document, doc.tokens(), "token count")?.to_le_bytes());
    }
    for (key, bytes) in [
        ("tokens", &tokens),
        ("spaces", &spaces),
        ("lengths", &lengths),
    ] {
        str_entry(out, key)?;
        encode::write_bin(out, bytes).map_err(failed)?;
    }
    str_entry(out, "strings")?;
    encode::write_array_len(out, strings.len() as u32).map_err(failed)?;
    for string in strings {
        str_entry(out, string)?;
    }
    str_entry(out, "cats")?;
    encode::write_array_len(out, docs.len() as u32).map_err(failed)?;
    for _ in docs {
        encode::write_map_len(out, 0).map_err(failed)?;
    }
    str_entry(out, "flags")?;
    encode::write_array_len(out, docs.len() as u32).map_err(failed)?;
    for _ in docs {
        encode::write_map_len(out, 1).map_err(failed)?;
        str_entry(out, "has_unknown_spaces")?;
        encode::write_bool(out, false).map_err(failed)?;
    }
    str_entry(out, "span_groups")?;
    encode::write_array_len(out, docs.len() as u32).map_err(failed)?;
    for doc in docs {
        encode::write_bin(out, &doc.span_groups).map_err(failed)?;
    }
    if store_user_data {
        str_entry(out, "user_data")?;
        encode::write_array_len(out, docs.len() as u32).map_err(failed)?;
        for doc in docs {
            encode::write_bin(out, &doc.user_data).map_err(failed)?;
        }
    }
    let mut compressor = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    compressor.write_all(&msg).map_err(failed)?;
    compressor.finish().map_err(failed)
}
