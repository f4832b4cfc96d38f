"""Shared pieces of the checks: the Rust binary, random texts, results."""

import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "checks")
# run.sh passes the example's path (in the workspace it is built under the workspace's target/).
BINARY = os.environ.get("READERS_CHECK_BIN") or os.path.join(ROOT, "target", "debug", "examples", "readers_check")

# Tokens that stress the writers and readers: emoji with ZWJ and flags, CJK, combining marks,
# curly quotes, a BOM character, tokens that look like tags or comments.
TOKENS = [
    "Putin’s", "envoy", "😀", "said", "“", "we", "won", "”", "today", ".", "Critics", "doubt",
    "it", "中文", "字", "e\u0301te\u0301", "👨‍👩‍👧", "🇺🇦", "#tag", "#", "=", "-X-", "O", "B-PER",
    "I", "-", "_", "'s", "U.S.", "naïve", "Ωmega", "x\u200dy", "\ufeffbom", "Ada", "Lovelace",
    "Kyiv", "Tsahkna", "Lavrov", "2024", "(", ")", "—", "ok",
]
GAPS = [" ", " ", " ", "  ", "\t", "\u00a0", "\u3000", " \r\n"]
LABELS = ["PER", "LOC", "ORG", "MISC", "claim", "quote", "WORK-OF-ART", "X"]


class Results:
    """Collects one line per check; any failure makes the run fail."""

    def __init__(self):
        self.failures = 0

    def report(self, name, problems, summary):
        if problems:
            self.failures += 1
            print(f"FAIL {name}: {summary}")
            for problem in problems[:10]:
                print(f"     {problem}")
            if len(problems) > 10:
                print(f"     … and {len(problems) - 10} more")
        else:
            print(f"ok   {name}: {summary}")


def rust(*args):
    """Runs the check binary and returns its stdout (parsed as JSON when it is JSON)."""
    done = subprocess.run([BINARY, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"readers_check {' '.join(args)} failed: {done.stderr}")
    out = done.stdout.strip()
    try:
        return json.loads(out)
    except json.JSONDecodeError:
        return out


def path(name):
    os.makedirs(WORK, exist_ok=True)
    return os.path.join(WORK, name)


def write_json(name, value, lines=False):
    target = path(name)
    with open(target, "w", encoding="utf-8") as out:
        if lines:
            for item in value:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        else:
            json.dump(value, out, ensure_ascii=False)
    return target


def random_sentences(rng, max_sentences=4, max_tokens=9):
    return [
        [rng.choice(TOKENS) for _ in range(rng.randint(1, max_tokens))]
        for _ in range(rng.randint(0, max_sentences))
    ]


def place_tokens(rng, sentences):
    """A text with the tokens separated by random whitespace; token ranges in code points."""
    text = rng.choice(["", " ", "\n"])
    ranges = []
    for number, sentence in enumerate(sentences):
        if number:
            text += rng.choice(["\n", "\n\n", " ", "\r\n"])
        sentence_ranges = []
        for index, token in enumerate(sentence):
            if index:
                text += rng.choice(GAPS)
            sentence_ranges.append((len(text), len(text) + len(token)))
            text += token
        ranges.append(sentence_ranges)
    return text, ranges


def random_token_spans(rng, length, density=0.35):
    """Non-overlapping runs of tokens `(start, end, label)` in one sentence."""
    spans, at = [], 0
    while at < length:
        if rng.random() < density:
            end = min(length, at + rng.randint(1, 3))
            spans.append((at, end, rng.choice(LABELS)))
            at = end
        else:
            at += 1
    return spans


def utf16(text, offset):
    """The UTF-16 offset of a code point offset."""
    return len(text[:offset].encode("utf-16-le")) // 2


def main_guard(run):
    results = Results()
    run(results)
    if results.failures:
        print(f"{results.failures} check(s) failed")
        sys.exit(1)
    print("all checks passed")


def seeded(name):
    return random.Random(f"glosser-readers:{name}")
