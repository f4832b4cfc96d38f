#!/usr/bin/env python3
"""Turn `glosser export --format spacy` output into a spaCy DocBin (.spacy) for `spacy train`.

    glosser export CORPUS --format spacy -o train.jsonl
    python assets/spacy_docbin.py train.jsonl train.spacy [--lang en] [--key sc] [--ents]

Each Doc is built from glosser's own tokens (`Doc(nlp.vocab, words=..., spaces=...)`, in the
record's `words` and `spaces`): glosser splits tokens at every span edge, so every span is
exactly a run of tokens and keeps its exact characters. A span that cannot be placed on the
tokens is an error (the script names it and exits 1); a span is never moved to other characters.

Spans go to doc.spans[KEY] (default "sc", what spaCy's spancat reads); overlaps are fine there.
--ents also fills doc.ents (what spaCy's ner reads), which cannot hold overlapping spans: the
longest span is kept (ties: earlier start, then the record's order) and every span left out of
doc.ents is printed on stderr, with a count. Needs only `pip install spacy` (no model).
"""
import argparse
import json
import sys

import spacy
from spacy.tokens import Doc, DocBin


def build(nlp, record):
    """The Doc of one record: from glosser's tokens, or (older exports) spaCy's tokenizer."""
    if "words" in record:
        return Doc(nlp.vocab, words=record["words"], spaces=record["spaces"])
    return nlp.make_doc(record["text"])


def flat(spans):
    """The longest spans that do not overlap (ties: earlier start), and the rest."""
    order = sorted(range(len(spans)), key=lambda i: (-(spans[i].end - spans[i].start), spans[i].start, i))
    taken, kept, left = set(), [], []
    for i in order:
        tokens = set(range(spans[i].start, spans[i].end))
        if tokens & taken:
            left.append(spans[i])
        else:
            taken |= tokens
            kept.append(spans[i])
    return sorted(kept, key=lambda s: s.start), sorted(left, key=lambda s: (s.start_char, s.end_char))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="JSONL from `glosser export --format spacy`")
    parser.add_argument("output", help="the .spacy file to write")
    parser.add_argument("--lang", default="xx", help="spaCy language code for the vocab (default: xx)")
    parser.add_argument("--key", default="sc", help="span group key (default: sc)")
    parser.add_argument("--ents", action="store_true",
                        help="also set doc.ents for ner, leaving out overlapping spans (reported)")
    args = parser.parse_args()

    nlp = spacy.blank(args.lang)
    docbin = DocBin(store_user_data=True)
    records = spans_total = ents_total = left_total = 0
    with open(args.input, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            where = f"{args.input}:{number}"
            doc = build(nlp, record)
            if doc.text != record["text"]:
                print(f"{where}: the tokens do not rebuild the text; re-export with this glosser",
                      file=sys.stderr)
                return 1
            group = []
            for start, end, label in record["spans"].get(args.key, record["spans"].get("sc", [])):
                span = doc.char_span(start, end, label=label, alignment_mode="strict")
                if span is None:
                    print(f"{where}: span {start}..{end} {label} {record['text'][start:end]!r} "
                          f"does not start and end on token edges; it is not moved, the export stops",
                          file=sys.stderr)
                    return 1
                group.append(span)
            doc.spans[args.key] = group
            if args.ents:
                kept, left = flat(group)
                doc.ents = kept
                ents_total += len(kept)
                left_total += len(left)
                document = record.get("meta", {}).get("document", where)
                for span in left:
                    print(f"left out of doc.ents (overlaps a longer span): {document} "
                          f"{span.start_char}..{span.end_char} {span.label_} {span.text!r}", file=sys.stderr)
            doc.user_data["glosser"] = record.get("meta", {})
            docbin.add(doc)
            records += 1
            spans_total += len(group)
    docbin.to_disk(args.output)
    print(f"wrote {records} docs with {spans_total} spans in doc.spans[{args.key!r}] to {args.output}")
    if args.ents:
        print(f"doc.ents: {ents_total} spans; {left_total} overlapping spans left out (listed on stderr)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
