"""Checks glosser-readers against the reference implementations (run by checks/run.sh)."""

import os

os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")

import check_conll
import check_json
from common import main_guard, rust


def check_fixtures(results):
    """The sniffer on the committed fixtures, run through the binary as callers would."""
    import glob

    from common import ROOT

    expected = {"conll": "conll", "hf": "hf", "gate": "gate", "spacy_v2": "spacy-v2", "argilla": "argilla"}
    problems, count = [], 0
    for folder, name in expected.items():
        for file in sorted(glob.glob(os.path.join(ROOT, "fixtures", folder, "*"))):
            if file.endswith("dataset_infos.json"):
                continue  # a dataset description, not rows
            count += 1
            found = rust("detect", file)
            if found != name:
                problems.append(f"{file}: {found}")
    results.report("sniffer on the fixtures", problems, f"{count} files")


def run(results):
    check_fixtures(results)
    check_conll.run(results)
    check_json.run(results)


if __name__ == "__main__":
    main_guard(run)
