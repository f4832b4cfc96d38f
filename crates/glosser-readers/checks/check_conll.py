"""The CoNLL writer, read back by spaCy's converter (function and CLI), by the CoNLL-2003
loader's line logic into a Hugging Face `datasets` ClassLabel column, by seqeval (lenient and
strict, in the scheme written), and by this crate's reader."""

import os
import subprocess
import sys

from common import path, place_tokens, random_sentences, random_token_spans, rust, seeded, write_json

SEQEVAL_SCHEMES = {"IOB1": "IOB1", "IOB2": "IOB2", "BILUO": "BILOU", "BIOES": "IOBES"}


def make_documents(rng, count):
    """Documents for write-conll, and what every reader must find: per document the sentences
    of tokens and the entities (sentence, first token, end token, label)."""
    documents, expected, unfit = [], [], 0
    for number in range(count):
        sentences = random_sentences(rng)
        text, ranges = place_tokens(rng, sentences)
        spans, entities = [], []
        for s, sentence_ranges in enumerate(ranges):
            for start, end, label in random_token_spans(rng, len(sentence_ranges)):
                spans.append([sentence_ranges[start][0], sentence_ranges[end - 1][1], label])
                entities.append((s, start, end, label))
        # Spans the writer must report rather than write: one starting inside a token, one
        # overlapping a written span.
        multi = [(s, a) for s, a, b, _ in entities if b - a >= 2]
        if multi and rng.random() < 0.5:
            s, a = rng.choice(multi)
            spans.append([ranges[s][a][0], ranges[s][a][1], "OVERLAP"])
            unfit += 1
        long_tokens = [r for sr in ranges for r in sr if r[1] - r[0] > 1]
        if long_tokens and rng.random() < 0.3:
            start, end = rng.choice(long_tokens)
            spans.append([start + 1, end, "INSIDE"])
            unfit += 1
        rng.shuffle(spans)
        documents.append({"id": f"doc{number}", "text": text, "spans": spans,
                          "sentences": [[list(r) for r in sr] for sr in ranges]})
        expected.append({"sentences": sentences, "entities": sorted(entities)})
    return documents, expected, unfit


def conll2003_sentences(file, tag_index):
    """The CoNLL-2003 loaders' reading (Hugging Face's `conll2003` script among them): a
    -DOCSTART- line or an empty line ends a sentence; columns split at single spaces."""
    sentences, tokens, tags = [], [], []
    with open(file, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("-DOCSTART-") or line == "" or line == "\n":
                if tokens:
                    sentences.append((tokens, tags))
                    tokens, tags = [], []
            else:
                columns = line.split(" ")
                tokens.append(columns[0])
                tags.append(columns[tag_index].rstrip())
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def check_spacy(results, file, expected, label):
    import spacy
    from spacy.tokens import DocBin
    from spacy.training.converters import conll_ner_to_docs

    with open(file, encoding="utf-8") as handle:
        docs = list(conll_ner_to_docs(handle.read(), no_print=True))
    out = path("spacy-convert")
    os.makedirs(out, exist_ok=True)
    subprocess.run([sys.executable, "-m", "spacy", "convert", "-c", "ner", file, out],
                   check=True, capture_output=True)
    name = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    cli_docs = list(DocBin().from_disk(f"{out}/{name}.spacy").get_docs(spacy.blank("xx").vocab))
    wanted = [e for e in expected if any(e["sentences"])]
    for source, found in (("conll_ner_to_docs", docs), ("spacy convert -c ner", cli_docs)):
        problems = []
        if len(found) != len(wanted):
            problems.append(f"{len(found)} docs, expected {len(wanted)}")
        for number, (doc, want) in enumerate(zip(found, wanted)):
            words = [t for s in want["sentences"] for t in s]
            if [t.text for t in doc] != words:
                problems.append(f"doc {number}: words differ")
                continue
            offsets, at = [], 0
            for sentence in want["sentences"]:
                offsets.append(at)
                at += len(sentence)
            ents = sorted((offsets[s] + a, offsets[s] + b, l) for s, a, b, l in want["entities"])
            got = [(e.start, e.end, e.label_) for e in doc.ents]
            if got != ents:
                problems.append(f"doc {number}: {got} != {ents}")
            starts = sorted(offsets[s] for s in range(len(want["sentences"])) if want["sentences"][s])
            if [t.i for t in doc if t.is_sent_start] != starts:
                problems.append(f"doc {number}: sentence starts differ")
        entities = sum(len(e["entities"]) for e in wanted)
        results.report(f"conll writer → spaCy {source} ({label})", problems,
                       f"{len(found)} documents, {entities} entities")
    check_docs_to_json(results, docs, label)


def check_docs_to_json(results, docs, label):
    """spaCy's own Docs from the converter, written by docs_to_json (tokens with `space`, no
    `raw`: the converter's Docs have unknown spaces) and read by this crate's spaCy v2 reader."""
    from spacy.training import docs_to_json

    file = write_json(f"spacy-v2-from-conll-{label.replace(' ', '').replace(',', '-')}.json",
                      [docs_to_json([doc], doc_id=n) for n, doc in enumerate(docs)])
    corpus = rust("read", "spacy-v2", file)
    problems = []
    for number, (found, doc) in enumerate(zip(corpus["documents"], docs)):
        want = sorted((e.start_char, e.end_char, e.label_) for e in doc.ents)
        got = sorted((s["start"], s["end"], s["label"]) for s in found["spans"])
        if found["text"] != doc.text or got != want:
            problems.append(f"doc {number}: {got} != {want}")
    results.report(f"spaCy's Docs from the written file → docs_to_json → spacy-v2 reader ({label})", problems,
                   f"{len(docs)} documents, text equal to Doc.text")


def check_loader_seqeval_datasets(results, file, expected, label, tag_index, scheme):
    from datasets import ClassLabel, Dataset, Features, Sequence, Value
    from seqeval.metrics.sequence_labeling import get_entities
    import seqeval.scheme as schemes

    sentences = conll2003_sentences(file, tag_index)
    wanted = [(sentence, [e for e in doc["entities"] if e[0] == s])
              for doc in expected for s, sentence in enumerate(doc["sentences"]) if sentence]
    problems = []
    if len(sentences) != len(wanted):
        problems.append(f"{len(sentences)} sentences, expected {len(wanted)}")
    names = sorted({tag for _, tags in sentences for tag in tags}, key=lambda t: (t != "O", t))
    features = Features({"tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))})
    dataset = Dataset.from_dict({"tokens": [t for t, _ in sentences],
                                 "ner_tags": [[names.index(x) for x in tags] for _, tags in sentences]},
                                features=features)
    class_label = dataset.features["ner_tags"].feature
    strict = getattr(schemes, SEQEVAL_SCHEMES[scheme])
    for number, ((tokens, tags), row, (want_tokens, want_entities)) in enumerate(zip(sentences, dataset, wanted)):
        if tokens != want_tokens or row["tokens"] != want_tokens:
            problems.append(f"sentence {number}: tokens differ")
        back = [class_label.int2str(i) for i in row["ner_tags"]]
        if back != tags:
            problems.append(f"sentence {number}: ClassLabel changed the tags")
        want = sorted((a, b, l) for _, a, b, l in want_entities)
        got_strict = sorted((e.start, e.end, e.tag) for e in schemes.Entities([back], strict).entities[0])
        if got_strict != want:
            problems.append(f"sentence {number}: seqeval strict {SEQEVAL_SCHEMES[scheme]} {got_strict} != {want}")
        if scheme in ("IOB1", "IOB2"):
            got = sorted((a, b + 1, l) for l, a, b in get_entities(back))
            if got != want:
                problems.append(f"sentence {number}: seqeval get_entities {got} != {want}")
    entities = sum(len(w[1]) for w in wanted)
    results.report(f"conll writer → CoNLL-2003 loader lines + datasets ClassLabel + seqeval ({label})",
                   problems, f"{len(sentences)} sentences, {entities} entities")


def check_rust_reader(results, file, expected, label, scheme):
    corpus = rust("read", "conll", file)
    wanted = [e for e in expected if any(e["sentences"])]
    problems = []
    if len(corpus["documents"]) != len(wanted):
        problems.append(f"{len(corpus['documents'])} documents, expected {len(wanted)}")
    for number, (doc, want) in enumerate(zip(corpus["documents"], wanted)):
        sentences = [s for s in want["sentences"]]
        text = "\n".join(" ".join(s) for s in sentences)
        if doc["text"] != text:
            problems.append(f"doc {number}: text differs")
            continue
        starts, at = [], 0
        for sentence in sentences:
            starts.append([])
            for token in sentence:
                starts[-1].append(at)
                at += len(token) + 1
        ents = sorted((starts[s][a], starts[s][b - 1] + len(sentences[s][b - 1]), l) for s, a, b, l in want["entities"])
        got = sorted((s["start"], s["end"], s["label"]) for s in doc["spans"])
        if got != ents:
            problems.append(f"doc {number}: {got} != {ents}")
    if corpus["skipped"][0][1] != f"read as {scheme} (detected from the tags)":
        problems.append(f"scheme: {corpus['skipped'][0]}")
    results.report(f"conll writer → this crate's reader ({label})", problems, f"{len(corpus['documents'])} documents")


def run(results):
    rng = seeded("conll")
    documents, expected, unfit = make_documents(rng, 150)
    source = write_json("conll-documents.json", documents)
    for scheme in ("IOB2", "IOB1", "BILUO", "BIOES"):
        for columns in ("four", "two"):
            label = f"{scheme}, {columns} columns"
            file = path(f"written-{scheme}-{columns}.conll")
            args = ["write-conll", source, file, "--scheme", scheme] + (["--two"] if columns == "two" else [])
            report = rust(*args)
            reasons = [r for _, r in report["skipped"]]
            empty = sum(1 for e in expected if not any(e["sentences"]))
            fit_problems = []
            if sum("not written" in r for r in reasons) != unfit:
                fit_problems.append(f"{sum('not written' in r for r in reasons)} spans reported, {unfit} unfit")
            if sum("no tokens" in r for r in reasons) != empty:
                fit_problems.append("documents without tokens not all reported")
            results.report(f"conll writer reports what it cannot write ({label})", fit_problems,
                           f"{unfit} unfit spans and {empty} token-less documents reported")
            if scheme in ("IOB2", "IOB1"):
                check_spacy(results, file, expected, label)
            check_loader_seqeval_datasets(results, file, expected, label, 3 if columns == "four" else 1, scheme)
            check_rust_reader(results, file, expected, label, scheme)
            detected = rust("detect", file)
            results.report(f"sniffer names the written file ({label})", [] if detected == "conll" else [detected], "conll")
