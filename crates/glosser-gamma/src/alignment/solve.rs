//! Exact choice of candidate tuples, component by component.
//!
//! Units that no candidate tuple links are independent, so the problem splits into the connected
//! components of "appears in a tuple with". Each component is solved by:
//! 1. the LP relaxation (`simplex`); an integral LP optimum is the best alignment, proven;
//! 2. otherwise the LP duals, repaired into feasible prices (`bound`), drive a beam search for an
//!    upper bound and then the exact A* search (`search`), which also drops every tuple whose
//!    reduced cost exceeds the gap between the bounds. When the search needs more than
//!    [`EARLY_BUDGET`] states, a wider beam over the remaining tuples tightens the upper bound
//!    first (widths ×16, ×256), and the last attempt gets the full state budget.
//!
//! Components larger than [`MAX_LP_UNITS`] get subgradient prices instead of the LP.

use super::bound::{self, Tuples};
use super::{search, simplex};

/// Above this many units, a component's dense LP basis (units² floats) is not built.
const MAX_LP_UNITS: usize = 2000;
const SUBGRADIENT_ITERATIONS: usize = 300;
/// Simplex pivots allowed per unit. Set partitions are very degenerate: most LPs end within a
/// few pivots per unit, a few need tens of thousands in all; a stopped LP still gives valid
/// (weaker) prices.
const MAX_PIVOTS_PER_UNIT: usize = 1000;
/// States an exact search may use before the upper bound is tightened by a wider beam.
const EARLY_BUDGET: usize = 100_000;
/// Factor by which the beam widens between attempts (two widenings at most).
const WIDEN: usize = 16;

/// Chosen tuples (indices into the input tuples) and how sure we are.
#[derive(Debug, Clone, Default)]
pub(crate) struct Solved {
    pub tuples: Vec<usize>,
    /// Σ over components of a proven lower bound, when some component hit the state limit.
    pub lower_bound: Option<f64>,
    pub states: usize,
    pub components: usize,
    pub by_lp: usize,
}

/// `members` are unit positions (0..units) ordered along the text; `singletons[u]` is the tuple of
/// unit `u` alone. `max_states` bounds the A* search of each component.
pub(crate) fn solve(
    units: usize,
    tuples: &Tuples<'_>,
    singletons: &[usize],
    beam_width: usize,
    max_states: usize,
) -> Solved {
    let components = components(units, tuples.members);
    let mut solved = Solved::default();
    let mut lower = 0.0;
    let mut any_approximate = false;
    let mut local_of = vec![usize::MAX; units];
    for (units_here, tuples_here) in components {
        solved.components += 1;
        for (local, &unit) in units_here.iter().enumerate() {
            local_of[unit] = local;
        }
        let members: Vec<Vec<usize>> = tuples_here
            .iter()
            .map(|&t| tuples.members[t].iter().map(|&u| local_of[u]).collect())
            .collect();
        let costs: Vec<f64> = tuples_here.iter().map(|&t| tuples.costs[t]).collect();
        let local = Tuples {
            members: &members,
            costs: &costs,
        };
        let local_singletons: Vec<usize> = {
            let mut by_global = vec![usize::MAX; units_here.len()];
            for (i, &t) in tuples_here.iter().enumerate() {
                if members[i].len() == 1 && singletons[tuples.members[t][0]] == t {
                    by_global[members[i][0]] = i;
                }
            }
            by_global
        };
        let part = solve_component(
            units_here.len(),
            &local,
            &local_singletons,
            beam_width,
            max_states,
        );
        solved.states += part.states;
        solved.by_lp += part.by_lp;
        solved
            .tuples
            .extend(part.tuples.iter().map(|&i| tuples_here[i]));
        match part.lower_bound {
            Some(bound) => {
                any_approximate = true;
                lower += bound;
            }
            None => lower += part.tuples.iter().map(|&i| costs[i]).sum::<f64>(),
        }
    }
    solved.lower_bound = any_approximate.then_some(lower);
    solved
}

fn solve_component(
    units: usize,
    tuples: &Tuples<'_>,
    singletons: &[usize],
    beam_width: usize,
    max_states: usize,
) -> Solved {
    if units == 1 {
        return Solved {
            tuples: vec![singletons[0]],
            ..Solved::default()
        };
    }
    let raw_prices = if units <= MAX_LP_UNITS {
        let lp = simplex::solve(
            units,
            tuples,
            singletons,
            MAX_PIVOTS_PER_UNIT * units + 1000,
        );
        if lp.optimal
            && let Some(chosen) = lp.integral
            && is_partition(units, tuples, &chosen)
        {
            return Solved {
                tuples: chosen,
                by_lp: 1,
                ..Solved::default()
            };
        }
        lp.duals
    } else {
        let shares = bound::min_shares(units, tuples);
        let first = search::Problem::new(units, tuples, shares, f64::INFINITY).beam(1);
        bound::prices(units, tuples, first.total, SUBGRADIENT_ITERATIONS)
    };
    let prices = bound::make_feasible(&raw_prices, tuples);
    let lower: f64 = prices.iter().sum();
    let full = search::Problem::new(units, tuples, prices.clone(), f64::INFINITY);
    let mut width = beam_width;
    let mut upper = full.beam(width);
    let mut states = upper.states;
    loop {
        let last_round = width >= beam_width.saturating_mul(WIDEN * WIDEN);
        let gap = upper.total - lower;
        let problem = search::Problem::new(
            units,
            tuples,
            prices.clone(),
            gap + 1e-9 * upper.total.max(1.0),
        );
        let budget = if last_round {
            max_states
        } else {
            max_states.min(EARLY_BUDGET)
        };
        let exact = problem.exact(upper.total, budget);
        states += exact.states;
        if exact.lower_bound.is_none() {
            return Solved {
                tuples: exact.tuples,
                states,
                ..Solved::default()
            };
        }
        if last_round {
            return Solved {
                tuples: upper.tuples,
                lower_bound: exact.lower_bound,
                states,
                ..Solved::default()
            };
        }
        // A wider beam over the tuples that can still matter tightens the upper bound, and the
        // next search drops more tuples and states.
        width = width.saturating_mul(WIDEN);
        let wider = problem.beam(width);
        states += wider.states;
        if wider.total < upper.total {
            upper = wider;
        }
    }
}

fn is_partition(units: usize, tuples: &Tuples<'_>, chosen: &[usize]) -> bool {
    let mut covered = vec![false; units];
    for &t in chosen {
        for &u in &tuples.members[t] {
            if std::mem::replace(&mut covered[u], true) {
                return false;
            }
        }
    }
    covered.into_iter().all(|c| c)
}

/// Union-find root of `x`, halving paths on the way.
fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Connected components: (units in ascending order, tuples), components in order of first unit.
fn components(units: usize, members: &[Vec<usize>]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut parent: Vec<usize> = (0..units).collect();
    for tuple in members {
        for pair in tuple.windows(2) {
            let (a, b) = (root(&mut parent, pair[0]), root(&mut parent, pair[1]));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut index_of_root = vec![usize::MAX; units];
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for unit in 0..units {
        let r = root(&mut parent, unit);
        if index_of_root[r] == usize::MAX {
            index_of_root[r] = out.len();
            out.push((Vec::new(), Vec::new()));
        }
        out[index_of_root[r]].0.push(unit);
    }
    for (t, tuple) in members.iter().enumerate() {
        if let Some(&first) = tuple.first() {
            let r = root(&mut parent, first);
            out[index_of_root[r]].1.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests;
