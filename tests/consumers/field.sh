#!/usr/bin/env bash
# Issue 27's consumer checks (called by run.sh): exports of a corpus with links and notes in
# uima-json, xmi and conll, and round trips of the tools' own files from tests/fixtures/wild.
# Usage: field.sh VENV GLOSSER CORPUS OUT.
set -euo pipefail
venv=$1 bin=$2 corpus=$3 out=$4
wild=tests/fixtures/wild
rm -rf "$out"
mkdir -p "$out"

# `glosser import` that may report what it did not keep (exit 1) but must not fail (exit 2).
import_into() {
  local name=$1 input=$2
  shift 2
  local rc=0
  "$bin" import "$input" --corpus "$out/$name" "$@" 2>"$out/$name.import.err" || rc=$?
  if [[ $rc -gt 1 ]]; then
    cat "$out/$name.import.err" >&2
    exit 1
  fi
}
# `glosser export` of the corpus NAME as FORMAT into OUT/FILE (its stderr in OUT/FILE.err).
export_as() {
  local name=$1 format=$2 file=$3
  shift 3
  "$bin" export "$out/$name" --format "$format" -o "$out/$file" "$@" 2>"$out/$file.err"
}

# The fixture corpus (BOM, CRLF, emoji, CJK) plus brat's tutorial documents (links, a note).
cp -r "$corpus" "$out/links"
import_into links "$wild/brat/news" --format brat --annotator ann --add-labels
for format in jsonl uima-json xmi conll; do
  export_as links "$format" "links.$format" --annotator ann
done
export_as links conll links.conll2 --annotator ann --conll-columns 2

# Their file → glosser → their format.
import_into xmi "$wild/uima/relation_test.xmi" --annotator ann --add-labels
import_into cas "$wild/uima/emoji.json" --annotator ann --add-labels
import_into tsv "$wild/uima/example2.tsv" --annotator ann --add-labels --layers NamedEntity
import_into conll "$wild/conll/inception-conll2002.txt" --annotator ann --add-labels
import_into hf "$wild/hf/transformers-conll-sample.json" --annotator ann --add-labels
import_into min "$wild/label-studio/json_min-ner.json" --add-labels
for name in xmi cas tsv conll hf; do
  export_as "$name" jsonl "$name.jsonl" --annotator ann
done
export_as xmi xmi xmi.xmi --annotator ann
export_as cas uima-json cas.uima-json --annotator ann
export_as tsv xmi tsv.xmi --annotator ann
export_as conll conll conll.conll --annotator ann --conll-columns 2
export_as hf hf hf.hf --annotator ann
for annotator in ls-7 maria-k; do
  export_as min jsonl "min.$annotator.jsonl" --annotator "$annotator"
  export_as min label-studio "min.$annotator.label-studio" --annotator "$annotator"
done
# Formats glosser reads but does not write: imported here, checked against the tools' own
# readers by field_tools_check.py (run.sh runs it in glosser-readers' venv, which has them).
import_into gate "$wild/gate/tests-testdoc1.bdocjs" --annotator ann --add-labels
import_into tagtog "$wild/tagtog" --annotator ann --add-labels
import_into argilla "$wild/argilla/v2-records.json" --annotator ann --add-labels
import_into spacy-v2 "$wild/spacy-v2/training-data.json" --annotator ann --add-labels
for name in gate tagtog argilla spacy-v2; do
  export_as "$name" jsonl "$name.jsonl" --annotator ann
done
"$venv/bin/python" tests/consumers/field_check.py "$out" "$wild"
