#!/usr/bin/env python3
"""Turn `glosser export --format spacy` output into a spaCy DocBin (.spacy) for `spacy train`.

    glosser export CORPUS --format spacy -o train.jsonl
    python assets/spacy_docbin.py train.jsonl train.spacy [--lang en] [--key sc]

Each record's spans go to doc.spans[KEY] (default "sc", what spaCy's spancat reads), aligned with
Doc.char_span(..., alignment_mode="expand") so a span edge inside a token takes the whole token.
Overlapping spans are fine in a span group. Needs only `pip install spacy` (no model).
"""
import argparse
import json
import sys

import spacy
from spacy.tokens import DocBin


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="JSONL from `glosser export --format spacy`")
    parser.add_argument("output", help="the .spacy file to write")
    parser.add_argument("--lang", default="xx", help="spaCy language code for the tokenizer (default: xx)")
    parser.add_argument("--key", default="sc", help="span group key (default: sc)")
    args = parser.parse_args()

    nlp = spacy.blank(args.lang)
    docbin = DocBin(store_user_data=True)
    records = spans_total = 0
    with open(args.input, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            doc = nlp.make_doc(record["text"])
            group = []
            for start, end, label in record["spans"][args.key if args.key in record["spans"] else "sc"]:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is None:
                    print(f"{args.input}:{number}: span {start}..{end} {label} does not map to tokens",
                          file=sys.stderr)
                    return 1
                group.append(span)
            doc.spans[args.key] = group
            doc.user_data["glosser"] = record.get("meta", {})
            docbin.add(doc)
            records += 1
            spans_total += len(group)
    docbin.to_disk(args.output)
    print(f"wrote {records} docs with {spans_total} spans to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
