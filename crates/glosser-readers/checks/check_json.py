"""The JSON readers against the tools' own Python packages: files written by Hugging Face
`datasets`, gatenlp, label-studio-converter, Argilla 2 and spaCy are read by this crate and
every span must come back at the offsets the tool meant."""

import json
import os
import subprocess
import uuid

from common import LABELS, ROOT, TOKENS, path, place_tokens, random_sentences, random_token_spans, rust, seeded, utf16, write_json


def random_text(rng):
    text, _ = place_tokens(rng, random_sentences(rng) or [["Ada"]])
    return text or "Ada"


def char_spans(rng, text, count, labels=("claim", "quote")):
    spans = []
    for _ in range(count):
        start = rng.randint(0, len(text) - 1)
        spans.append((start, rng.randint(start + 1, len(text)), rng.choice(labels)))
    return spans


def joined_starts(tokens):
    starts, at = [], 0
    for token in tokens:
        starts.append(at)
        at += len(token) + 1
    return starts


def check_hf_classlabel(results):
    from datasets import ClassLabel, Dataset, Features, Sequence, Value

    rng = seeded("hf")
    names = ["O"] + [f"{prefix}-{label}" for label in LABELS for prefix in "BI"]
    rows, expected = [], []
    for _ in range(200):
        tokens = [rng.choice(TOKENS) for _ in range(rng.randint(1, 12))]
        tags = ["O"] * len(tokens)
        spans = random_token_spans(rng, len(tokens))
        for start, end, label in spans:
            tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
        rows.append((tokens, tags))
        expected.append(spans)
    features = Features({"id": Value("string"), "tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))})
    dataset = Dataset.from_dict({"id": [str(i) for i in range(len(rows))], "tokens": [t for t, _ in rows],
                                 "ner_tags": [[names.index(x) for x in tags] for _, tags in rows]}, features=features)
    file = path("hf-classlabel.jsonl")
    dataset.to_json(file, force_ascii=False)
    labels = write_json("hf-names.json", dataset.features["ner_tags"].feature.names)
    corpus = rust("read", "hf", file, "--labels", labels)
    problems = []
    for number, (doc, (tokens, _), spans) in enumerate(zip(corpus["documents"], rows, expected)):
        starts = joined_starts(tokens)
        want = sorted((starts[a], starts[b - 1] + len(tokens[b - 1]), label) for a, b, label in spans)
        got = sorted((s["start"], s["end"], s["label"]) for s in doc["spans"])
        if doc["text"] != " ".join(tokens) or got != want or doc["id"] != str(number):
            problems.append(f"row {number}: {got} != {want}")
    if len(corpus["documents"]) != len(rows):
        problems.append(f"{len(corpus['documents'])} documents for {len(rows)} rows")
    results.report("datasets ClassLabel rows (Dataset.to_json) → hf reader", problems,
                   f"{len(rows)} rows, {sum(map(len, expected))} entities")
    detected = rust("detect", file)
    results.report("sniffer names datasets' JSON Lines", [] if detected == "hf" else [detected], "hf")


def check_hf_offsets(results):
    from datasets import load_dataset

    rng = seeded("hf-offsets")
    rows, expected = [], []
    for number in range(80):
        sentences = random_sentences(rng) or [["Ada"]]
        text, ranges = place_tokens(rng, sentences)
        want = []
        for s, (sentence, sentence_ranges) in enumerate(zip(sentences, ranges)):
            tags = ["O"] * len(sentence)
            for start, end, label in random_token_spans(rng, len(sentence)):
                tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
                want.append((sentence_ranges[start][0], sentence_ranges[end - 1][1], label))
            rows.append({"document": f"doc{number}", "ner_tags": tags, "sentence": s, "status": "Done",
                         "token_ends": [e for _, e in sentence_ranges], "token_starts": [b for b, _ in sentence_ranges],
                         "tokens": sentence})
        expected.append((text, sorted(want), ranges, sentences))
    file = write_json("hf-offsets.jsonl", rows, lines=True)
    loaded = load_dataset("json", data_files=file, split="train")
    problems = []
    if [r["tokens"] for r in loaded] != [r["tokens"] for r in rows]:
        problems.append("datasets.load_dataset reads other tokens")
    corpus = rust("read", "hf", file)
    for doc, (text, want, ranges, sentences) in zip(corpus["documents"], expected):
        got = sorted((s["start"], s["end"], s["label"]) for s in doc["spans"])
        if got != want:
            problems.append(f"{doc['id']}: {got} != {want}")
        for sentence, sentence_ranges in zip(sentences, ranges):
            for token, (start, end) in zip(sentence, sentence_ranges):
                if doc["text"][start:end] != token:
                    problems.append(f"{doc['id']}: token {token!r} is not at {start}..{end}")
    if len(corpus["documents"]) != len(expected):
        problems.append(f"{len(corpus['documents'])} documents, expected {len(expected)}")
    results.report("glosser-style rows with token offsets (loaded by datasets too) → hf reader", problems,
                   f"{len(rows)} rows, {len(expected)} documents, {sum(len(e[1]) for e in expected)} entities at exact offsets")


def check_gate(results):
    from gatenlp import Document

    rng = seeded("gate")
    problems, count, gatenlp_wrong_java_offsets = [], 0, 0
    for number in range(60):
        text = random_text(rng)
        doc = Document(text)
        doc.annset("Empty")
        want = []
        for set_name in ("", "Set2"):
            annotations = doc.annset(set_name)
            for _ in range(rng.randint(0, 5)):
                start = rng.randint(0, len(text))
                end = rng.randint(start, len(text))
                kind = rng.choice(LABELS)
                features = {"str": "é😀", "n": rng.randint(0, 9), "lst": [1, "a"]}
                annotations.add(start, end, kind, features)
                want.append((set_name, kind, start, end, features["n"]))
        want.sort()
        count += len(want)
        for offset_type in ("p", "j"):
            file = path(f"gate-{number}-{offset_type}.bdocjs")
            doc.save(file, fmt="bdocjs", offset_type=offset_type)
            wanted = want
            if offset_type == "j":
                # gatenlp 1.0.8 writes the Java offset of the end of a text that ends outside the
                # BMP one unit short; the reader must report those annotations, not misread them.
                with open(file, encoding="utf-8") as handle:
                    saved = json.load(handle)
                wrong = set()
                for set_name, annotation_set in saved["annotation_sets"].items():
                    for saved_annotation in annotation_set["annotations"]:
                        original = doc.annset(set_name).get(saved_annotation["id"])
                        if (saved_annotation["start"], saved_annotation["end"]) != (utf16(text, original.start), utf16(text, original.end)):
                            wrong.add((set_name, original.type, original.start, original.end, original.features["n"]))
                gatenlp_wrong_java_offsets += len(wrong)
                wanted = [w for w in want if w not in wrong]
            corpus = rust("read", "gate", file)
            spans = corpus["documents"][0]["spans"]
            got = sorted((s["layer"], s["label"], s["start"], s["end"], int(s["features"]["n"])) for s in spans)
            if got != wanted:
                problems.append(f"doc {number} ({offset_type}): {got} != {wanted}")
            reported = sum(1 for _, reason in corpus["documents"][0]["skipped"] if "surrogate pair" in reason)
            if reported != len(want) - len(wanted):
                problems.append(f"doc {number} ({offset_type}): {reported} reported, {len(want) - len(wanted)} wrong in the file")
            if any(s["features"]["str"] != "é😀" or json.loads(s["features"]["lst"]) != [1, "a"] for s in spans):
                problems.append(f"doc {number} ({offset_type}): features differ")
            if corpus["documents"][0]["text"] != text:
                problems.append(f"doc {number} ({offset_type}): text differs")
            if not corpus["skipped"][-1][1].startswith("every set with annotations was read"):
                problems.append(f"doc {number}: sets not reported")
    results.report("gatenlp Document.save(bdocjs, offset_type p and j) → gate reader", problems,
                   f"60 documents × 2 offset types, {count} annotations (zero-length, emoji, ZWJ, CJK, combining marks); "
                   f"{gatenlp_wrong_java_offsets} Java offsets gatenlp wrote wrong (text ending outside the BMP) reported, not read")


def check_label_studio_min(results):
    from label_studio_converter import Converter

    rng = seeded("label-studio")
    config = """<View><Labels name="label" toName="text"><Label value="claim"/><Label value="quote"/></Labels>
<Text name="text" value="$text"/><Choices name="stance" toName="text"><Choice value="critical"/></Choices></View>"""
    tasks, expected, ambiguous, in_utf16_count = [], {}, 0, 0
    for number in range(80):
        text = random_text(rng)
        annotations = []
        for k in range(rng.randint(0, 2)):
            annotation_id = number * 10 + k
            in_utf16 = rng.random() < 0.4
            result, want = [], []
            for r, (start, end, label) in enumerate(char_spans(rng, text, rng.randint(0, 4))):
                at = (utf16(text, start), utf16(text, end)) if in_utf16 else (start, end)
                if in_utf16 and at != (start, end) and text[at[0]:at[1]] == text[start:end]:
                    ambiguous += 1  # the text matches at both readings: not decidable by the text
                    continue
                in_utf16_count += at != (start, end)
                result.append({"id": f"r{annotation_id}-{r}", "from_name": "label", "to_name": "text", "type": "labels",
                               "value": {"start": at[0], "end": at[1], "text": text[start:end], "labels": [label]}})
                want.append((start, end, label))
            choice = rng.random() < 0.3
            if choice:
                result.append({"id": f"c{annotation_id}", "from_name": "stance", "to_name": "text", "type": "choices",
                               "value": {"choices": ["critical"]}})
            annotator = rng.choice([1, 2])
            annotations.append({"id": annotation_id, "completed_by": annotator, "result": result, "was_cancelled": False,
                                "created_at": f"2024-01-{k + 1:02d}T00:00:00Z", "updated_at": None, "lead_time": 1.0})
            expected[annotation_id] = (sorted(want), choice, f"ls-{annotator}")
        tasks.append({"id": number, "data": {"text": text}, "annotations": annotations})
    source = write_json("label-studio-tasks.json", tasks)
    out = path("label-studio-min")
    Converter(config=config, project_dir=out).convert_to_json_min(source, out, is_dir=False)
    file = os.path.join(out, "result.json")
    with open(file, encoding="utf-8") as handle:
        records = json.load(handle)
    corpus = rust("read", "label-studio-min", file)
    problems = []
    for record, doc in zip(records, corpus["documents"]):
        want, _, annotator = expected.get(record.get("annotation_id"), ([], False, None))
        got = sorted((s["start"], s["end"], s["label"]) for s in doc["spans"])
        if got != want or any(s["layer"] != "label" or s["annotator"] != annotator for s in doc["spans"]):
            problems.append(f"annotation {record.get('annotation_id')}: {got} != {want}")
    read_as_utf16 = sum(1 for doc in corpus["documents"] for _, reason in doc["skipped"] if "UTF-16" in reason)
    if read_as_utf16 != in_utf16_count:
        problems.append(f"{read_as_utf16} regions reported as UTF-16, {in_utf16_count} written so")
    choices = sum(1 for want in expected.values() if want[1])
    reported = [r for w, r in corpus["skipped"] if w == "key stance"]
    if choices and not (reported and reported[0].startswith(f"not read: not a list of text regions with start and end ({choices} records")):
        problems.append(f"the choices were not reported: {corpus['skipped']}")
    if len(records) != len(corpus["documents"]):
        problems.append("record count differs")
    results.report("label-studio-converter convert_to_json_min → label-studio-min reader", problems,
                   f"{len(records)} records, {sum(len(w[0]) for w in expected.values())} regions ({in_utf16_count} in UTF-16, each reported), "
                   f"{choices} choices reported; {ambiguous} regions left out as undecidable between units")
    detected = rust("detect", file)
    results.report("sniffer names JSON-MIN", [] if detected == "label-studio-min" else [detected], "label-studio-min")


def check_argilla_v2(results):
    import argilla as rg
    from argilla.records._io._generic import GenericIO
    from argilla.records._io._json import JsonIO

    rng = seeded("argilla")
    records, expected = [], []
    for number in range(80):
        text = random_text(rng)
        responses, want = [], []
        for k in range(rng.randint(0, 2)):
            user = uuid.UUID(int=k + 1)
            value = [{"start": s, "end": e, "label": label} for s, e, label in char_spans(rng, text, rng.randint(1, 3))]
            responses.append(rg.Response("spans", value, user_id=user))
            want += [("spans", v["start"], v["end"], v["label"], str(user), None) for v in value]
            if rng.random() < 0.3:
                responses.append(rg.Response("sentiment", "negative", user_id=user))
        suggestions = []
        if rng.random() < 0.5:
            value = [{"start": s, "end": e, "label": label} for s, e, label in char_spans(rng, text, rng.randint(1, 3))]
            scores = [round(rng.random(), 2) for _ in value]
            suggestions.append(rg.Suggestion("spans", value, score=scores, agent="model-1"))
            want += [("spans.suggestion", v["start"], v["end"], v["label"], "model-1", str(score)) for v, score in zip(value, scores)]
        records.append(rg.Record(id=f"r{number}", fields={"text": text}, responses=responses or None, suggestions=suggestions or None))
        expected.append(sorted(want, key=str))
    nested = path("argilla-v2-records.json")
    if os.path.exists(nested):
        os.remove(nested)
    JsonIO.to_json(records, nested)
    flat = write_json("argilla-v2-flat.json", json.loads(json.dumps(GenericIO.to_list(records, flatten=True), default=str)))
    for label, file in (("JsonIO.to_json", nested), ("to_list(flatten=True)", flat)):
        corpus = rust("read", "argilla", file)
        problems = []
        for number, (doc, want) in enumerate(zip(corpus["documents"], expected)):
            got = sorted(((s["layer"], s["start"], s["end"], s["label"], s["annotator"], s["features"].get("score")) for s in doc["spans"]), key=str)
            if got != want or doc["id"] != f"r{number}":
                problems.append(f"record {number}: {got} != {want}")
        results.report(f"argilla 2 {label} → argilla reader", problems,
                       f"{len(records)} records, {sum(map(len, expected))} spans (responses of several users, scored suggestions)")


def check_argilla_v1(results):
    python = os.path.join(ROOT, "target", "venv-argilla1", "bin", "python")
    if not os.path.exists(python):
        print("skip argilla 1.x: no target/venv-argilla1 (run.sh makes it unless GLOSSER_READERS_ARGILLA_V1=0)")
        return
    script = os.path.join(ROOT, "checks", "argilla_v1.py")
    subprocess.run([python, script, path("argilla-v1")], check=True, capture_output=True)
    with open(path("argilla-v1-expected.json"), encoding="utf-8") as handle:
        expected = json.load(handle)
    for label, file in (("record.dict()", path("argilla-v1-records.json")), ("to_datasets().to_json()", path("argilla-v1-datasets.jsonl"))):
        corpus = rust("read", "argilla", file)
        problems = []
        for number, (doc, want) in enumerate(zip(corpus["documents"], expected)):
            got = sorted([[s["layer"], s["start"], s["end"], s["label"], s["annotator"]] for s in doc["spans"]], key=str)
            if got != sorted(want, key=str):
                problems.append(f"record {number}: {got} != {want}")
        results.report(f"argilla 1.29 {label} → argilla reader", problems, f"{len(expected)} records, {sum(map(len, expected))} entities")


def check_spacy_v2(results):
    import spacy
    from spacy.tokens import Doc, Span
    from spacy.training import docs_to_json

    rng = seeded("spacy-v2")
    vocab = spacy.blank("xx").vocab
    files, problems, entities = [], [], 0
    documents = []
    for number in range(40):
        docs = []
        for _ in range(rng.randint(1, 3)):
            words = [rng.choice(TOKENS + ["\n"]) for _ in range(rng.randint(1, 14))]
            spaces = [rng.random() < 0.7 and w != "\n" for w in words]
            sent_starts = [True] + [rng.random() < 0.2 for _ in words[1:]]
            doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
            ents, at = [], 0
            while at < len(doc):
                end = at + rng.randint(1, 3)
                if rng.random() < 0.3 and end <= len(doc) and all(t.text.strip() for t in doc[at:end]):
                    ents.append(Span(doc, at, end, label=rng.choice(LABELS)))
                    at = end
                else:
                    at += 1
            doc.ents = ents
            docs.append(doc)
            entities += len(ents)
        documents.append(docs)
        files.append(docs_to_json(docs, doc_id=number))
    file = write_json("spacy-v2.json", files)
    corpus = rust("read", "spacy-v2", file)
    paragraphs = [doc for docs in documents for doc in docs]
    for number, (found, doc) in enumerate(zip(corpus["documents"], paragraphs)):
        want = sorted((e.start_char, e.end_char, e.label_) for e in doc.ents)
        got = sorted((s["start"], s["end"], s["label"]) for s in found["spans"])
        if found["text"] != doc.text or got != want:
            problems.append(f"paragraph {number}: {got} != {want}")
    if len(corpus["documents"]) != len(paragraphs):
        problems.append("paragraph count differs")
    results.report("spaCy docs_to_json → spacy-v2 reader", problems,
                   f"{len(paragraphs)} paragraphs, {entities} entities, text equal to Doc.text")


def run(results):
    check_hf_classlabel(results)
    check_hf_offsets(results)
    check_gate(results)
    check_label_studio_min(results)
    check_argilla_v2(results)
    check_argilla_v1(results)
    check_spacy_v2(results)
