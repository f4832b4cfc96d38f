#!/usr/bin/env python3
"""A spaCy pipeline as a glosser suggester (SPEC §9, `glosser suggest --command`).

    glosser suggest CORPUS --command "python examples/suggest_spacy.py [--patterns FILE] [--model NAME]"

glosser writes one {"document", "text"} JSON line per document to stdin; this script answers each
with one {"document", "spans": [{"start", "end", "label", "score"}]} line on stdout, offsets in
code points (Python str indices, which is what spaCy's start_char/end_char are). It answers line by
line and flushes, so glosser's --timeout applies per document.

Without --model it uses a blank English pipeline with an EntityRuler (no model download): the
patterns of --patterns FILE (spaCy / Prodigy JSONL), else the small built-in set below. With
--model (e.g. en_core_web_sm) the model's entities are mapped onto glosser's labels by LABEL_MAP;
entities with other labels are left out.
"""
import argparse
import json
import sys

import spacy

# glosser's default labels: claim, quote, opinion, unverified.
BUILTIN_PATTERNS = [
    {"label": "quote", "pattern": [{"ORTH": "“"}, {"ORTH": {"NOT_IN": ["”", "\n"]}, "OP": "+"}, {"ORTH": "”"}]},
    {"label": "quote", "pattern": [{"ORTH": "«"}, {"ORTH": {"NOT_IN": ["»", "\n"]}, "OP": "+"}, {"ORTH": "»"}]},
    {"label": "claim", "pattern": [{"LOWER": "according"}, {"LOWER": "to"}, {"IS_TITLE": True, "OP": "+"}]},
    {"label": "claim", "pattern": [{"IS_DIGIT": True}, {"LOWER": {"IN": ["percent", "people", "troops", "hours", "days"]}}]},
    {"label": "unverified", "pattern": [{"LOWER": {"IN": ["reportedly", "allegedly", "purportedly"]}}]},
    {"label": "unverified", "pattern": [{"LOWER": {"IN": ["sources", "officials"]}}, {"LOWER": {"IN": ["said", "say", "told"]}}]},
    {"label": "opinion", "pattern": [{"LOWER": {"IN": ["should", "must"]}}, {"IS_ALPHA": True, "OP": "+"}]},
]
LABEL_MAP = {"PERSON": "quote", "ORG": "claim", "GPE": "claim", "CARDINAL": "claim", "PERCENT": "claim"}


def build(args):
    if args.model:
        return spacy.load(args.model), LABEL_MAP
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    if args.patterns:
        with open(args.patterns, encoding="utf-8") as f:
            ruler.add_patterns([json.loads(line) for line in f if line.strip()])
    else:
        ruler.add_patterns(BUILTIN_PATTERNS)
    return nlp, None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--patterns", help="spaCy/Prodigy pattern JSONL for a blank pipeline")
    parser.add_argument("--model", help="a spaCy model name instead of the blank pipeline")
    args = parser.parse_args()
    nlp, label_map = build(args)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        doc = nlp(request["text"])
        spans = []
        for ent in doc.ents:
            label = label_map.get(ent.label_) if label_map else ent.label_
            if label:
                spans.append({"start": ent.start_char, "end": ent.end_char, "label": label, "score": 1.0})
        print(json.dumps({"document": request["document"], "spans": spans}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
