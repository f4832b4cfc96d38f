#!/usr/bin/env bash
# Exports the fixture corpus in every format and loads the results in their real consumers
# (spaCy — including one epoch of spancat and ner training with glosser's config.cfg —, seqeval,
# Hugging Face datasets and huggingface_hub (the README.md card), pyarrow and DuckDB (Parquet),
# label-studio-converter, dkpro-cassis, plain Python slicing). Creates target/consumers-venv once
# and reuses it.
# GLOSSER_CONSUMERS_DATASETS=0 skips Hugging Face datasets (it pulls pyarrow: about 35 s and
# 300 MB on first install).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/consumers-venv
packages=("spacy>=3.8,<3.9" seqeval)
probe="import spacy, seqeval"
# glosser-spacy's checks and the Parquet export: DuckDB reads the Parquet, msgpack the DocBins.
packages+=(duckdb msgpack)
probe+=", duckdb, msgpack"
if [[ ${GLOSSER_CONSUMERS_DATASETS:-1} != 0 ]]; then
  packages+=(datasets)
  probe+=", datasets"
fi
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "$probe" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${packages[@]}"
fi
if ! "$venv/bin/python" -c "import cassis" 2>/dev/null; then
  # dkpro-cassis: the Python UIMA CAS INCEpTION documents, for the uima-json and xmi exports.
  "$venv/bin/pip" install --quiet --disable-pip-version-check "dkpro-cassis>=0.10"
fi
if ! "$venv/bin/python" -c "import label_studio_converter" 2>/dev/null; then
  # Optional: check.py falls back to Label Studio's documented import rules without it.
  "$venv/bin/pip" install --quiet --disable-pip-version-check label-studio-converter ||
    echo "label-studio-converter did not install; checking Label Studio's rules only" >&2
fi
cargo build --quiet --bin glosser
bin=target/debug/glosser
corpus=tests/fixtures/formats/corpus
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for format in jsonl spacy prodigy doccano label-studio conll hf csv w3c; do
  "$bin" export "$corpus" --format "$format" --annotator ann -o "$out/export.$format" 2>"$out/stderr.$format"
done
"$bin" export "$corpus" --format hf --annotator ann --overlaps layers -o "$out/export.hf-layers" 2>"$out/stderr.hf-layers"
"$bin" export "$corpus" --format hf --annotator ann --split train=.5,dev=.25,test=.25 --license cc-by-4.0 --language en -o "$out/hf-split" 2>/dev/null
"$bin" export "$corpus" --format hf --parquet --annotator ann --split train=.5,dev=.25,test=.25 -o "$out/hf-parquet" 2>/dev/null
"$bin" export "$corpus" --format spacy --spacy-pipeline spancat,ner --annotator ann --split train=.75,dev=.25 -o "$out/spacy-split" 2>/dev/null
"$bin" export "$corpus" --format brat --annotator ann -o "$out/brat"
# Spans inside what spaCy's English tokenizer takes as one token (a Han run up to "Uber’s"):
# imported into a scratch corpus; the spacy export names each one and leaves it out.
mkdir "$out/edges"
printf '%s\n' '{"document":"edges.txt","annotator":"ann","text":"北京官员说“我们赢了”。Uber’s drivers agree.\n","spans":[{"start":0,"end":2,"label":"claim","text":"北京"},{"start":2,"end":4,"label":"quote","text":"官员"},{"start":6,"end":8,"label":"quote","text":"我们"},{"start":12,"end":16,"label":"claim","text":"Uber"}]}' >"$out/edges.jsonl"
"$bin" import "$out/edges.jsonl" --format jsonl --corpus "$out/edges" 2>/dev/null
"$bin" export "$out/edges" --format spacy --annotator ann -o "$out/export.edges" 2>"$out/stderr.edges"
"$venv/bin/python" tests/consumers/check.py "$out" "$corpus"

# The field (issue 27): the UIMA exports loaded by dkpro-cassis (every span, note and link), the
# CoNLL export read by spaCy's converter, and the tools' own files round-tripped (their file →
# glosser → their format, read by their reader). field_check.py says what each step checks.
bash tests/consumers/field.sh "$venv" "$bin" "$corpus" "$out/field"
# The format crates' own checks against the tools' Python packages (venvs under each crate's
# target/): dkpro-cassis for glosser-uima; spaCy, seqeval, datasets, gatenlp,
# label-studio-converter and Argilla for glosser-readers (GLOSSER_READERS_ARGILLA_V1=0 skips the
# Argilla 1.29 venv).
bash crates/glosser-uima/checks/run.sh
bash crates/glosser-readers/checks/run.sh
crates/glosser-readers/target/venv/bin/python tests/consumers/field_tools_check.py "$out/field" tests/fixtures/wild

# Suggestions (SPEC §9): the shipped spaCy example over the --command protocol on a copy of the
# seeds writes a file per document that validates, and the pattern matcher finds exactly the
# spans of spaCy's own EntityRuler on the seeds and the fixture texts.
seeds="$out/seeds-copy"
cp -r seeds "$seeds"
"$bin" suggest "$seeds" --command "$venv/bin/python examples/suggest_spacy.py"
written=$(find "$seeds" -name '*.txt.suggest.ron' | wc -l)
documents=$(find "$seeds" -name '*.txt' | wc -l)
if [[ $written -ne $documents ]]; then
  echo "suggest --command wrote $written files for $documents documents" >&2
  exit 1
fi
"$bin" validate "$seeds"
patterns_corpus="$out/patterns-corpus"
mkdir "$patterns_corpus"
cp seeds/*.txt "$corpus"/*.txt "$patterns_corpus"/
"$bin" suggest "$patterns_corpus" --patterns tests/consumers/patterns.jsonl --as patterns
"$bin" export "$patterns_corpus" --format jsonl --annotator patterns -o "$out/patterns.jsonl"
"$venv/bin/python" tests/consumers/suggest_check.py tests/consumers/patterns.jsonl "$patterns_corpus" "$out/patterns.jsonl"
echo "suggest: spaCy example and EntityRuler comparison passed"

# glosser-spacy against spaCy 3.8, pyarrow, DuckDB and datasets (tokens, DocBin bytes, config and
# one training epoch, Parquet rows): about 45 s once its release examples are built.
bash crates/glosser-spacy/checks/run.sh

# γ (docs/review.md, "How the numbers are checked"): glosser-gamma against pygamma-agreement
# 0.5.9 and irrCAC (its checks/run.sh: venvs target/checks-gamma and target/checks-ac1, kept while
# their pinned requirements are unchanged), then `glosser agree`'s own γ end to end on random
# team corpora (gamma_check.py). GLOSSER_CONSUMERS_GAMMA=0 skips both (clean clone: about 6 min
# on 2 cores with the venvs and a release build; 1.5-2 min once target/ has them).
if [[ ${GLOSSER_CONSUMERS_GAMMA:-1} != 0 ]]; then
  bash crates/glosser-gamma/checks/run.sh --corpora 8
  target/checks-gamma/bin/python tests/consumers/gamma_check.py "$bin" --corpora 4
fi

# glosser-models (issue 29) against Python references: placement on 5,001 random cases, the
# official openai SDK against the test server and the cache layout, the sentence learner
# against scikit-learn on the same folds. Its own venv, target/models-checks-venv (first run:
# 55 s to install scikit-learn, numpy, openai and regex, 349 MB; then about 1.5 min a run).
bash crates/glosser-models/checks/run.sh
