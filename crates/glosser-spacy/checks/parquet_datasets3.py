#!/usr/bin/env python3
"""Reads the Parquet file of parquet_check.py with an older `datasets` (3.6, in its own venv):
the rows equal pyarrow's and `ner_tags` is a `Sequence(ClassLabel)` with exactly the tag names.

    parquet_datasets3.py ROWS.parquet TAG,TAG,…

Prints `parquet-datasets3: N passed, M failed`.
"""
import sys

import datasets
import pyarrow.parquet as pq

path, names = sys.argv[1], sys.argv[2].split(",")
loaded = datasets.load_dataset("parquet", data_files=path, split="train", cache_dir=path + ".hf3-cache")
feature = getattr(loaded.features["ner_tags"], "feature", None)
checks = {
    "ClassLabel": isinstance(feature, datasets.ClassLabel),
    "names": getattr(feature, "names", None) == names,
    "rows": loaded.to_list() == pq.read_table(path).to_pylist(),
}
for name, ok in checks.items():
    if not ok:
        print(f"FAIL datasets {datasets.__version__}: {name}")
passed = sum(checks.values())
print(f"parquet-datasets3: datasets {datasets.__version__}, {len(loaded)} rows")
print(f"parquet-datasets3: {passed} passed, {len(checks) - passed} failed")
sys.exit(0 if passed == len(checks) else 1)
