"""Checks glosser-uima's written CAS XMI and CAS JSON files with dkpro-cassis, the Python UIMA
implementation INCEpTION documents, then has cassis write them again for the Rust side to read.

For every document: cassis loads the XMI (with its TypeSystem.xml) and the JSON; the sofa string
must equal the expected text, and every span (type, begin/end in code points, label feature
value, note, covered text) and every relation (Governor/Dependent ranges, label) must be exactly
the expected ones — no more, no fewer.
"""

import json
import sys
from pathlib import Path

from cassis import load_cas_from_json, load_cas_from_xmi, load_typesystem


def found_in(cas, expected):
    """The spans and relations of the expected types as cassis sees them."""
    span_types = sorted({s["type"] for s in expected["spans"]})
    relation_types = sorted({r["type"] for r in expected["relations"]})
    features = {s["type"]: (s["feature"], s["note_feature"]) for s in expected["spans"]}
    spans = []
    for type_name in span_types:
        label, note = features[type_name]
        for a in cas.select(type_name):
            spans.append(
                [
                    type_name,
                    a.begin,
                    a.end,
                    a.get(label) if label else None,
                    a.get(note) if note else None,
                    a.get_covered_text(),
                ]
            )
    relations = []
    relation_features = {r["type"]: r["feature"] for r in expected["relations"]}
    for type_name in relation_types:
        label = relation_features[type_name]
        for r in cas.select(type_name):
            relations.append(
                [
                    type_name,
                    [r.Governor.type.name, r.Governor.begin, r.Governor.end],
                    [r.Dependent.type.name, r.Dependent.begin, r.Dependent.end],
                    r.get(label) if label else None,
                    r.get_covered_text() == r.Dependent.get_covered_text(),
                ]
            )
    return sorted(spans, key=repr), sorted(relations, key=repr)


def wanted(expected):
    text = expected["text"]
    spans = []
    for s in expected["spans"]:
        assert text[s["begin"] : s["end"]] == s["text"], "expectation file is inconsistent"
        spans.append([s["type"], s["begin"], s["end"], s["value"], s["note"], s["text"]])
    relations = [
        [r["type"], r["governor"], r["dependent"], r["value"], True] for r in expected["relations"]
    ]
    return sorted(spans, key=repr), sorted(relations, key=repr)


def main(root):
    root = Path(root)
    passed = failed = 0
    spans_seen = relations_seen = 0
    for expected_path in sorted((root / "expected").glob("*.json")):
        name = expected_path.stem
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        written = root / "written"
        with open(written / f"{name}.typesystem.xml", "rb") as f:
            typesystem = load_typesystem(f)
        with open(written / f"{name}.xmi", "rb") as f:
            from_xmi = load_cas_from_xmi(f, typesystem=typesystem)
        with open(written / f"{name}.json", "rb") as f:
            from_json = load_cas_from_json(f)
        want = wanted(expected)
        for how, cas in (("xmi", from_xmi), ("json", from_json)):
            problems = []
            if cas.sofa_string != expected["text"]:
                problems.append(f"text {cas.sofa_string!r} != {expected['text']!r}")
            got = found_in(cas, expected)
            if got[0] != want[0]:
                problems.append(f"spans {got[0]} != {want[0]}")
            if got[1] != want[1]:
                problems.append(f"relations {got[1]} != {want[1]}")
            if problems:
                failed += 1
                print(f"FAIL {name} ({how}):", *problems, sep="\n  ", file=sys.stderr)
            else:
                passed += 1
                spans_seen += len(got[0])
                relations_seen += len(got[1])
        out = root / "cassis"
        from_xmi.to_xmi(out / f"{name}.xmi")
        from_xmi.typesystem.to_xml(out / f"{name}.typesystem.xml")
        from_json.to_json(out / f"{name}.json")
    print(f"cassis read {spans_seen} spans and {relations_seen} relations")
    print(f"cassis check: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
