//! The LP relaxation of the set partition (`min Σ c_t x_t`, every unit covered exactly once,
//! `x ≥ 0`), solved by the revised primal simplex with a dense basis inverse.
//!
//! The singleton tuples form a feasible starting basis (the identity), so there is no phase 1.
//! Pricing is Dantzig's rule over blocks of columns (partial pricing), switching to Bland's rule (which cannot cycle) after a run of
//! degenerate pivots, until a pivot makes progress. The basis inverse is rebuilt from scratch
//! every [`REFACTOR_EVERY`] pivots or so. Floating-point error can only make the result less useful,
//! never wrong: callers check an integral solution for being a partition and repair the duals
//! into exactly feasible prices before using them as bounds.

use super::bound::Tuples;

/// Pivots between two rebuilds of the basis inverse (at least; the number of units when more,
/// since a rebuild costs units³).
const REFACTOR_EVERY: usize = 100;
const DEGENERATE_RUN: usize = 30;
const OPTIMALITY: f64 = 1e-10;
const PIVOT: f64 = 1e-9;
/// Columns priced per partial-pricing block (at least; an eighth of all when more).
const PRICING_BLOCK: usize = 256;

/// Outcome of the LP: duals (one per unit) and, when every variable is 0 or 1, the chosen tuples.
#[derive(Debug, Clone)]
pub(crate) struct LpSolution {
    pub duals: Vec<f64>,
    pub integral: Option<Vec<usize>>,
    pub optimal: bool,
}

/// Solves the relaxation; `singletons[u]` is the tuple made of unit `u` alone.
pub(crate) fn solve(
    units: usize,
    tuples: &Tuples<'_>,
    singletons: &[usize],
    max_pivots: usize,
) -> LpSolution {
    let m = units;
    let mut basis: Vec<usize> = singletons.to_vec();
    let mut in_basis = vec![false; tuples.costs.len()];
    for &t in &basis {
        in_basis[t] = true;
    }
    let mut inverse = identity(m);
    let mut values = vec![1.0; m];
    let mut duals = vec![0.0; m];
    let mut column = vec![0.0; m];
    let mut degenerate = 0;
    let mut optimal = false;
    let columns = tuples.costs.len();
    let mut cursor = 0;
    let refactor_every = REFACTOR_EVERY.max(m);
    for pivot in 0..max_pivots {
        if pivot > 0
            && pivot % refactor_every == 0
            && let Some(fresh) = invert(m, &basis, tuples)
        {
            inverse = fresh;
            values = (0..m)
                .map(|i| inverse[i * m..(i + 1) * m].iter().sum())
                .collect();
        }
        if pivot % refactor_every == 0 {
            for (u, dual) in duals.iter_mut().enumerate() {
                *dual = (0..m)
                    .map(|i| tuples.costs[basis[i]] * inverse[i * m + u])
                    .sum();
            }
        }
        let bland = degenerate >= DEGENERATE_RUN;
        let entering = if bland {
            (0..columns).find_map(|t| {
                let reduced = reduced_cost(t, tuples, &duals, &in_basis);
                (reduced < -OPTIMALITY).then_some((t, reduced))
            })
        } else {
            partial_pricing(tuples, &duals, &in_basis, &mut cursor)
        };
        let Some((entering, entering_reduced)) = entering else {
            optimal = true;
            break;
        };
        for (i, c) in column.iter_mut().enumerate() {
            *c = tuples.members[entering]
                .iter()
                .map(|&u| inverse[i * m + u])
                .sum();
        }
        let mut leaving: Option<(usize, f64)> = None;
        for i in 0..m {
            if column[i] > PIVOT {
                let ratio = values[i].max(0.0) / column[i];
                let better = match leaving {
                    None => true,
                    Some((r, best)) => {
                        ratio < best - 1e-12
                            || (ratio <= best + 1e-12
                                && if bland {
                                    basis[i] < basis[r]
                                } else {
                                    column[i] > column[r]
                                })
                    }
                };
                if better {
                    leaving = Some((i, ratio));
                }
            }
        }
        let Some((row, step)) = leaving else {
            break;
        };
        degenerate = if step <= 1e-12 { degenerate + 1 } else { 0 };
        for i in 0..m {
            values[i] -= step * column[i];
        }
        values[row] = step;
        let pivot_value = column[row];
        for k in 0..m {
            inverse[row * m + k] /= pivot_value;
        }
        // y ← y + d_q · (new row r of B⁻¹): the entering column's reduced cost becomes 0.
        for (u, dual) in duals.iter_mut().enumerate() {
            *dual += entering_reduced * inverse[row * m + u];
        }
        for i in 0..m {
            let factor = column[i];
            if i != row && factor != 0.0 {
                for k in 0..m {
                    inverse[i * m + k] -= factor * inverse[row * m + k];
                }
            }
        }
        in_basis[basis[row]] = false;
        in_basis[entering] = true;
        basis[row] = entering;
    }
    let integral = values
        .iter()
        .all(|&v| v.abs() < 1e-7 || (v - 1.0).abs() < 1e-7)
        .then(|| {
            basis
                .iter()
                .zip(&values)
                .filter(|&(_, &v)| v > 0.5)
                .map(|(&t, _)| t)
                .collect()
        });
    LpSolution {
        duals,
        integral,
        optimal,
    }
}

fn reduced_cost(tuple: usize, tuples: &Tuples<'_>, duals: &[f64], in_basis: &[bool]) -> f64 {
    if in_basis[tuple] {
        return 0.0;
    }
    tuples.costs[tuple] - tuples.members[tuple].iter().map(|&u| duals[u]).sum::<f64>()
}

/// Dantzig's rule over one block of columns at a time, starting where the last search stopped;
/// `None` once a full round finds no negative reduced cost (the basis is optimal).
fn partial_pricing(
    tuples: &Tuples<'_>,
    duals: &[f64],
    in_basis: &[bool],
    cursor: &mut usize,
) -> Option<(usize, f64)> {
    let columns = tuples.costs.len();
    let block = PRICING_BLOCK.max(columns / 8).min(columns);
    let mut scanned = 0;
    while scanned < columns {
        let mut best: Option<(usize, f64)> = None;
        for offset in 0..block.min(columns - scanned) {
            let t = (*cursor + offset) % columns;
            let reduced = reduced_cost(t, tuples, duals, in_basis);
            if reduced < best.map_or(-OPTIMALITY, |b| b.1) {
                best = Some((t, reduced));
            }
        }
        let step = block.min(columns - scanned);
        *cursor = (*cursor + step) % columns;
        scanned += step;
        if best.is_some() {
            return best;
        }
    }
    None
}

fn identity(m: usize) -> Vec<f64> {
    let mut matrix = vec![0.0; m * m];
    for i in 0..m {
        matrix[i * m + i] = 1.0;
    }
    matrix
}

/// Inverse of the basis matrix (columns = the basis tuples' unit indicators), by Gauss-Jordan
/// with partial pivoting; `None` if it is numerically singular.
fn invert(m: usize, basis: &[usize], tuples: &Tuples<'_>) -> Option<Vec<f64>> {
    let mut matrix = vec![0.0_f64; m * m];
    for (column, &t) in basis.iter().enumerate() {
        for &u in &tuples.members[t] {
            matrix[u * m + column] = 1.0;
        }
    }
    let mut inverse = identity(m);
    for col in 0..m {
        let pivot_row = (col..m).max_by(|&a, &b| {
            matrix[a * m + col]
                .abs()
                .total_cmp(&matrix[b * m + col].abs())
        })?;
        if matrix[pivot_row * m + col].abs() < 1e-12 {
            return None;
        }
        if pivot_row != col {
            for k in 0..m {
                matrix.swap(pivot_row * m + k, col * m + k);
                inverse.swap(pivot_row * m + k, col * m + k);
            }
        }
        let p = matrix[col * m + col];
        for k in 0..m {
            matrix[col * m + k] /= p;
            inverse[col * m + k] /= p;
        }
        for i in 0..m {
            let factor = matrix[i * m + col];
            if i != col && factor != 0.0 {
                for k in 0..m {
                    matrix[i * m + k] -= factor * matrix[col * m + k];
                    inverse[i * m + k] -= factor * inverse[col * m + k];
                }
            }
        }
    }
    // Rows of `inverse` are indexed by basis position, columns by unit: B⁻¹ maps unit space to
    // basis positions, as the pivots above keep it.
    Some(inverse)
}

#[cfg(test)]
mod tests;
