//! Hashed sentence features: lowercased word unigrams and bigrams and character 3–5-grams,
//! each group scaled to the same weight, the whole vector of unit length.

use unicode_segmentation::UnicodeSegmentation;

/// A sparse feature vector: (bucket, value) sorted by bucket, buckets unique.
pub type Features = Vec<(u32, f32)>;

/// FNV-1a, 64 bits: stable across runs, platforms and Rust versions (unlike `DefaultHasher`).
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The features of `text` in `2^bits` buckets (signed hashing: a bucket shared by two
/// features adds +1 for one and −1 for the other half the time, so collisions cancel out).
pub fn featurize(text: &str, bits: u32) -> Features {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.unicode_words().collect();
    let mut word_feats: Vec<(u32, f32)> = Vec::with_capacity(words.len() * 2 + 2);
    for w in &words {
        word_feats.push(bucket(&[b"w", w.as_bytes()], bits));
    }
    let padded: Vec<&str> = std::iter::once("<s>")
        .chain(words.iter().copied())
        .chain(std::iter::once("</s>"))
        .collect();
    for pair in padded.windows(2) {
        word_feats.push(bucket(
            &[b"b", pair[0].as_bytes(), pair[1].as_bytes()],
            bits,
        ));
    }
    let squeezed: Vec<char> = std::iter::once(' ')
        .chain(
            lower
                .split_whitespace()
                .flat_map(|w| w.chars().chain(std::iter::once(' '))),
        )
        .collect();
    let mut char_feats: Vec<(u32, f32)> = Vec::with_capacity(squeezed.len() * 3);
    let mut buf = String::new();
    for n in 3..=5 {
        for gram in squeezed.windows(n) {
            buf.clear();
            buf.extend(gram);
            char_feats.push(bucket(&[b"c", buf.as_bytes()], bits));
        }
    }
    let mut all = normalized(word_feats);
    all.extend(normalized(char_feats));
    let mut merged = merge(all);
    let norm = merged.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, v) in &mut merged {
            *v /= norm;
        }
    }
    merged
}

fn bucket(parts: &[&[u8]], bits: u32) -> (u32, f32) {
    let h = fnv1a(parts);
    let index = (h & ((1u64 << bits) - 1)) as u32;
    let sign = if h >> 63 == 1 { -1.0 } else { 1.0 };
    (index, sign)
}

/// Sums values per bucket and scales the group to unit length.
fn normalized(feats: Vec<(u32, f32)>) -> Features {
    let mut merged = merge(feats);
    let norm = merged.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, v) in &mut merged {
            *v /= norm;
        }
    }
    merged
}

fn merge(mut feats: Vec<(u32, f32)>) -> Features {
    feats.sort_unstable_by_key(|&(i, _)| i);
    let mut out: Features = Vec::with_capacity(feats.len());
    for (i, v) in feats {
        match out.last_mut() {
            Some((last, sum)) if *last == i => *sum += v,
            _ => out.push((i, v)),
        }
    }
    out.retain(|&(_, v)| v != 0.0);
    out
}

#[cfg(test)]
mod tests;
