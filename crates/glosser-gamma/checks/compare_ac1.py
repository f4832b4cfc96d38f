"""Compare glosser-gamma's Gwet's AC1 (examples/ac1_json) with irrCAC 0.4.4 (CAC.gwet) on
Gwet's published 4 × 12 example and on random rating tables with missing ratings."""

import json
import warnings
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from irrCAC.raw import CAC

ROOT = Path(__file__).resolve().parent.parent
# The workspace's target folder (two levels above this crate), where run.sh builds the examples.
BINARY = ROOT.parent.parent / "target" / "release" / "examples" / "ac1_json"
TOLERANCE = 1e-9


def ours(items, categories=None):
    payload = dict(items=items)
    if categories is not None:
        payload["categories"] = categories
    out = subprocess.run([str(BINARY)], input=json.dumps(payload), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def theirs(items, categories=None):
    frame = pd.DataFrame([[np.nan if r is None else r for r in row] for row in items])
    cac = CAC(frame, categories=categories, digits=15)
    cac.gwet()
    return dict(ac1=float(cac.coefficient_value), pa=float(cac.pa), pe=float(cac.pe), se=float(cac.se))


def main():
    warnings.filterwarnings("ignore")
    rng = np.random.default_rng(7)
    tables = []
    gwet = [["1", "1", None, "1"], ["2", "2", "3", "2"], ["3", "3", "3", "3"], ["3", "3", "3", "3"],
            ["2", "2", "2", "2"], ["1", "2", "3", "4"], ["4", "4", "4", "4"], ["1", "1", "2", "1"],
            ["2", "2", "2", "2"], [None, "5", "5", "5"], [None, None, "1", "1"], [None, None, "3", None]]
    tables.append(("gwet-4x12", gwet, None))
    labels = ["claim", "quote", "opinion", "unverified"]
    for t in range(40):
        raters = int(rng.integers(2, 6))
        items = int(rng.integers(3, 60))
        skew = rng.dirichlet(np.ones(len(labels)))
        agree = float(rng.uniform(0.3, 0.95))
        missing = float(rng.uniform(0.0, 0.4))
        rows = []
        for _ in range(items):
            truth = str(rng.choice(labels, p=skew))
            row = []
            for _ in range(raters):
                if rng.random() < missing:
                    row.append(None)
                else:
                    row.append(truth if rng.random() < agree else str(rng.choice(labels)))
            rows.append(row)
        declared = labels if t % 3 == 0 else None
        if sum(1 for row in rows if sum(r is not None for r in row) >= 2) == 0:
            continue
        tables.append((f"random-{t}", rows, declared))
    worst = dict(ac1=0.0, pa=0.0, pe=0.0, se=0.0)
    failures = []
    for name, rows, declared in tables:
        a = ours(rows, declared)
        b = theirs(rows, declared)
        for key, ours_key in [("ac1", "ac1"), ("pa", "percent_agreement"), ("pe", "chance_agreement"),
                              ("se", "standard_error")]:
            diff = abs(a[ours_key] - b[key])
            worst[key] = max(worst[key], diff)
            if diff > TOLERANCE:
                failures.append(f"{name}: {key} ours {a[ours_key]} irrCAC {b[key]}")
    print(f"AC1: {len(tables)} tables (Gwet's example + random), max differences vs irrCAC: "
          + ", ".join(f"{k} {v:.2g}" for k, v in worst.items()))
    g = ours(gwet)
    print(f"Gwet's example: AC1 {g['ac1']:.5f} (published 0.77544), pa {g['percent_agreement']:.5f}, "
          f"pe {g['chance_agreement']:.5f}, se {g['standard_error']:.5f}")
    if failures:
        print("FAILURES:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("all AC1 comparisons within tolerance")


if __name__ == "__main__":
    main()
