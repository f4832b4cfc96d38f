//! `--split train=.8,dev=.1,test=.1 [--seed N]`: documents are split (never their sentences),
//! deterministically for a seed: each document is ranked by SHA-256 of the seed and its id, and
//! the ranked list is cut into parts of the asked sizes (largest remainders get the odd
//! documents). Also the file name of each part.

use crate::ops::error::refuse;

use crate::formats::Format;

/// The parts asked for, in order: name and share.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub parts: Vec<(String, f64)>,
    pub seed: u64,
}

/// Parses `NAME=SHARE,…`; shares are positive and add up to 1.
pub fn parse(text: &str, seed: u64) -> crate::ops::Result<Split> {
    let mut parts: Vec<(String, f64)> = Vec::new();
    for item in text.split(',') {
        let Some((name, share)) = item.split_once('=') else {
            refuse!("--split {text:?}: write NAME=SHARE,… such as train=.8,dev=.1,test=.1");
        };
        let name = name.trim();
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            refuse!("--split: {name:?} is not a part name (letters, digits, _ and -)");
        }
        if name == "dataset" || parts.iter().any(|(n, _)| n == name) {
            refuse!("--split: the part name {name:?} is taken");
        }
        let share: f64 = match share.trim().parse() {
            Ok(v) if v > 0.0 && v <= 1.0 => v,
            _ => refuse!("--split: {name}={share} is not a share between 0 and 1"),
        };
        parts.push((name.to_owned(), share));
    }
    let total: f64 = parts.iter().map(|(_, s)| s).sum();
    if (total - 1.0).abs() > 1e-6 {
        refuse!("--split {text:?}: the shares add up to {total}, not 1");
    }
    Ok(Split { parts, seed })
}

impl Split {
    /// The part of each document (by index into `ids`).
    pub fn assign(&self, ids: &[&str]) -> Vec<usize> {
        let n = ids.len();
        let mut sizes: Vec<usize> = self
            .parts
            .iter()
            .map(|(_, s)| (s * n as f64).floor() as usize)
            .collect();
        let mut order: Vec<usize> = (0..self.parts.len()).collect();
        order.sort_by(|&a, &b| {
            let frac = |i: usize| self.parts[i].1 * n as f64 - sizes[i] as f64;
            frac(b).total_cmp(&frac(a)).then(a.cmp(&b))
        });
        let mut left = n - sizes.iter().sum::<usize>().min(n);
        for i in order {
            if left == 0 {
                break;
            }
            sizes[i] += 1;
            left -= 1;
        }
        let mut ranked: Vec<(String, usize)> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (rank(self.seed, id), i))
            .collect();
        ranked.sort();
        let mut out = vec![0; n];
        let mut at = 0;
        for (part, size) in sizes.iter().enumerate() {
            for (_, i) in ranked.iter().skip(at).take(*size) {
                out[*i] = part;
            }
            at += size;
        }
        out
    }
}

fn rank(seed: u64, id: &str) -> String {
    crate::text::sha256_hex(format!("{seed}\0{id}").as_bytes())
}

/// The file of one part in the output directory (`parquet`: hf rows as Parquet).
pub fn file_name(part: &str, format: Format, parquet: bool) -> String {
    let ext = match format {
        Format::Hf if parquet => "parquet",
        Format::Conll => "conll",
        Format::Csv => "csv",
        Format::LabelStudio => "json",
        Format::Spacy => "spacy",
        _ => "jsonl",
    };
    format!("{part}.{ext}")
}

/// Refuses part names that are not Hugging Face split names (`datasets` takes `\w+`, so no
/// `-`), for the hf card.
pub fn check_hf_names(split: &Split) -> crate::ops::Result<()> {
    if let Some((name, _)) = split.parts.iter().find(|(n, _)| n.contains('-')) {
        refuse!(
            "--split: {name:?} cannot name a Hugging Face split (datasets takes letters, digits and _); rename the part, e.g. {:?}",
            name.replace('-', "_")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests;
