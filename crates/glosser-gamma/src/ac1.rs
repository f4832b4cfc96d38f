//! Gwet's AC1 for nominal ratings by several raters, with missing ratings (Gwet 2014, as in
//! the irrCAC package's `CAC.gwet()` with identity weights).
//!
//! For items `i` with `r_i` ratings of which `r_ik` are category k (items without ratings
//! dropped, n items left, q categories):
//! - agreement `p_a` = mean over items with `r_i ≥ 2` of `Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1))`;
//! - chance `p_e = Σ_k π_k (1 − π_k) / (q − 1)` with `π_k` = mean over items of `r_ik / r_i`;
//! - `AC1 = (p_a − p_e) / (1 − p_e)`, with Gwet's linearised standard error (infinite population).

use serde::{Deserialize, Serialize};

use crate::error::Ac1Error;

/// AC1 and the figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ac1 {
    pub ac1: f64,
    pub percent_agreement: f64,
    pub chance_agreement: f64,
    /// `None` with fewer than two items or a single category.
    pub standard_error: Option<f64>,
    /// Items with at least one rating.
    pub items: usize,
    /// Items with at least two ratings (those that count for agreement).
    pub pairable_items: usize,
    pub categories: usize,
}

/// AC1 of `ratings`: one row per item, one entry per rater, `None` for a missing rating.
///
/// `categories` lists every possible category (AC1's chance agreement depends on how many there
/// are, used or not); `None` takes the categories that occur. With a single category, AC1 is 1
/// (every pair agrees), as irrCAC gives.
pub fn gwet_ac1<C: AsRef<str>>(
    ratings: &[Vec<Option<C>>],
    categories: Option<&[C]>,
) -> Result<Ac1, Ac1Error> {
    let mut names: Vec<&str> = match categories {
        Some(list) => {
            let mut sorted: Vec<&str> = list.iter().map(AsRef::as_ref).collect();
            sorted.sort_unstable();
            if let Some([twice, _]) = sorted.windows(2).find(|w| w[0] == w[1]) {
                return Err(Ac1Error::DuplicateCategory {
                    category: (*twice).to_owned(),
                });
            }
            sorted
        }
        None => ratings
            .iter()
            .flatten()
            .flatten()
            .map(AsRef::as_ref)
            .collect(),
    };
    names.sort_unstable();
    names.dedup();
    let q = names.len();
    let mut counts: Vec<Vec<f64>> = Vec::new();
    for (item, row) in ratings.iter().enumerate() {
        let mut row_counts = vec![0.0; q];
        for rating in row.iter().flatten() {
            let rating = rating.as_ref();
            let k = names
                .binary_search(&rating)
                .map_err(|_| Ac1Error::UnknownCategory {
                    item,
                    category: rating.to_owned(),
                })?;
            row_counts[k] += 1.0;
        }
        if row_counts.iter().any(|&c| c > 0.0) {
            counts.push(row_counts);
        }
    }
    let n = counts.len();
    let totals: Vec<f64> = counts.iter().map(|row| row.iter().sum()).collect();
    let pairable = totals.iter().filter(|&&r| r >= 2.0).count();
    if pairable == 0 {
        return Err(Ac1Error::NoPairableItem);
    }
    let agreement_of = |row: &[f64], r: f64| {
        if r < 2.0 {
            0.0
        } else {
            row.iter().map(|c| c * (c - 1.0)).sum::<f64>() / (r * (r - 1.0))
        }
    };
    let item_agreement: Vec<f64> = counts
        .iter()
        .zip(&totals)
        .map(|(row, &r)| agreement_of(row, r))
        .collect();
    let pa = item_agreement.iter().sum::<f64>() / pairable as f64;
    let mut pi = vec![0.0; q];
    for (row, &r) in counts.iter().zip(&totals) {
        for (p, c) in pi.iter_mut().zip(row) {
            *p += c / r / n as f64;
        }
    }
    if q < 2 {
        return Ok(Ac1 {
            ac1: 1.0,
            percent_agreement: pa,
            chance_agreement: 1.0,
            standard_error: None,
            items: n,
            pairable_items: pairable,
            categories: q,
        });
    }
    let spread = 1.0 / (q as f64 - 1.0);
    let pe = spread * pi.iter().map(|p| p * (1.0 - p)).sum::<f64>();
    let ac1 = (pa - pe) / (1.0 - pe);
    let standard_error = (n >= 2).then(|| {
        let scale = n as f64 / pairable as f64;
        let squares: f64 = counts
            .iter()
            .zip(&totals)
            .zip(&item_agreement)
            .map(|((row, &r), &pa_i)| {
                let pe_share = if r >= 2.0 { pe } else { 0.0 };
                let ac1_i = scale * (pa_i - pe_share) / (1.0 - pe);
                let pe_i =
                    spread * row.iter().zip(&pi).map(|(c, p)| c * (1.0 - p)).sum::<f64>() / r;
                let corrected = ac1_i - 2.0 * (1.0 - ac1) * (pe_i - pe) / (1.0 - pe);
                (corrected - ac1).powi(2)
            })
            .sum();
        (squares / (n as f64 * (n as f64 - 1.0))).sqrt()
    });
    Ok(Ac1 {
        ac1,
        percent_agreement: pa,
        chance_agreement: pe,
        standard_error,
        items: n,
        pairable_items: pairable,
        categories: q,
    })
}

#[cfg(test)]
mod tests;
