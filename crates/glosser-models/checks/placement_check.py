"""Placement against an independent Python reference (str indices are code points, like glosser).

Generates random texts and proposals (fixed seed), runs them through the Rust example
`place_cases`, and compares every span and every rejection kind with `reference_place` below,
written from the crate README's rules, not from the Rust code. Graphemes come from the `regex`
module's \\X (UAX #29 extended grapheme clusters)."""

import json
import random
import subprocess
import sys

import regex

QUOTES = {c: '"' for c in "“”„‟«»〝〞＂"} | {c: "'" for c in "‘’‚‛‹›＇`´"}
DASHES = set("‐‑‒–—―−﹘﹣－")


def normalize(text, how):
    """(normalised chars, origin (start, end) per normalised char)."""
    chars, origin, i = [], [], 0
    while i < len(text):
        c = text[i]
        if how.get("collapse_whitespace") and c.isspace():
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            chars.append(" ")
            origin.append((i, j))
            i = j
            continue
        if how.get("fold_quotes") and c in QUOTES:
            c = QUOTES[c]
        if how.get("fold_dashes") and c in DASHES:
            c = "-"
        for out in (c.lower() if how.get("ignore_case") else c):
            chars.append(out)
            origin.append((i, i + 1))
        i += 1
    return "".join(chars), origin


LENIENT = {"collapse_whitespace": True, "fold_quotes": True, "fold_dashes": True, "ignore_case": True}


def boundaries(text):
    out = {0, len(text)}
    pos = 0
    for m in regex.finditer(r"\X", text):
        out.add(m.start())
        pos = m.end()
    out.add(pos)
    return out


def occurrences(hay, needle):
    found, at = [], hay.find(needle)
    while at != -1:
        found.append(at)
        at = hay.find(needle, at + len(needle))
    return found


def reference_place(text, labels, proposals, how):
    norm, origin = normalize(text, how)
    bounds = boundaries(text)
    spans, rejected, seen = [], [], set()

    def preceded_by(start, context):
        before = normalize(text[:start], LENIENT)[0].rstrip()
        return before.endswith(normalize(context, LENIENT)[0].strip())

    for p in proposals:
        def reject(kind):
            rejected.append({"index": p["index"], "kind": kind})

        if p["label"] not in labels:
            reject("unknown_label"); continue
        score = p.get("score")
        if score is not None and not 0 <= score <= 1:
            reject("score_out_of_range"); continue
        quote = normalize(p["quote"], how)[0]
        if not quote.strip():
            reject("empty_quote"); continue
        hits = occurrences(norm, quote)
        if not hits:
            reject("quote_not_found"); continue
        occ, ctx = p.get("occurrence"), p.get("context")
        if ctx is not None and not ctx.strip():
            ctx = None
        if occ == 0:
            reject("occurrence_zero"); continue
        if occ is not None and occ > len(hits):
            reject("no_such_occurrence"); continue
        if occ is not None:
            hit = hits[occ - 1]
            if ctx is not None and not preceded_by(origin[hit][0], ctx):
                reject("context_disagrees"); continue
        elif ctx is not None:
            matching = [h for h in hits if preceded_by(origin[h][0], ctx)]
            if not matching:
                reject("context_not_found"); continue
            if len(matching) > 1:
                reject("context_ambiguous"); continue
            hit = matching[0]
        else:
            if len(hits) > 1:
                reject("ambiguous"); continue
            hit = hits[0]
        end = hit + len(quote)
        if (hit > 0 and origin[hit - 1] == origin[hit]) or (end < len(origin) and origin[end - 1] == origin[end]):
            reject("splits_character"); continue
        start, stop = origin[hit][0], origin[end - 1][1]
        if start not in bounds or stop not in bounds:
            reject("splits_grapheme"); continue
        key = (start, stop, p["label"])
        if key in seen:
            reject("duplicate"); continue
        seen.add(key)
        spans.append({"start": start, "end": stop, "label": p["label"], "score": 1.0 if score is None else score})
    return {"spans": spans, "rejected": rejected}


PIECES = ["a", "b", "ab", " ", "  ", "\n", "\t", "é", "e\u0301", "👨‍👩‍👧", "🇫🇷", "北京", "“", "”", "\"", "’",
          "'", "—", "-", ".", "İ", "I", "i", "Said", "said", "Putin", "putin"]
FLAGS = ["collapse_whitespace", "fold_quotes", "fold_dashes", "ignore_case"]


def random_case(rng):
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
    how = {f: rng.random() < 0.3 for f in FLAGS}
    proposals = []
    for index in range(rng.randint(1, 6)):
        if rng.random() < 0.7 and text:
            a = rng.randrange(len(text)); b = rng.randint(a + 1, min(len(text), a + 12))
            quote = text[a:b]
            if rng.random() < 0.3:
                quote = quote.upper() if rng.random() < 0.5 else quote.replace("“", '"')
        else:
            quote = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 3)))
        p = {"index": index, "label": rng.choice(["claim", "quote", "claim", "nope"]), "quote": quote}
        r = rng.random()
        if r < 0.4:
            p["occurrence"] = rng.randint(0, 3)
        if 0.3 < r < 0.7:
            a = rng.randrange(len(text) + 1)
            p["context"] = text[max(0, a - rng.randint(0, 6)):a]
        if rng.random() < 0.1:
            p["score"] = rng.choice([0.5, 1.5, -0.1, 1.0])
        proposals.append(p)
    return {"text": text, "labels": ["claim", "quote"], "proposals": proposals, "normalization": how}


def main():
    binary = sys.argv[1]
    rng = random.Random(29)
    cases = [random_case(rng) for _ in range(5000)]
    fixed = [
        {"text": "The minister 👨‍👩‍👧 said “we won” 🇫🇷 today.\nCritics doubt it.\nCafé owners said “we won” too.",
         "labels": ["quote", "claim"], "normalization": {},
         "proposals": [{"index": 0, "label": "quote", "quote": "“we won”", "context": "owners said"},
                       {"index": 1, "label": "quote", "quote": "“we won”"},
                       {"index": 2, "label": "quote", "quote": "👨", "occurrence": 1}]},
    ]
    cases = fixed + cases
    run = subprocess.run([binary], input="".join(json.dumps(c) + "\n" for c in cases),
                         capture_output=True, text=True, check=True)
    got = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(got) == len(cases), (len(got), len(cases))
    mismatches, spans, rejections = 0, 0, 0
    for case, rust in zip(cases, got):
        want = reference_place(case["text"], case["labels"], case["proposals"], case["normalization"])
        spans += len(want["spans"]); rejections += len(want["rejected"])
        if rust != want:
            mismatches += 1
            if mismatches <= 5:
                print("MISMATCH", json.dumps(case, ensure_ascii=False), "\n rust:", rust, "\n python:", want)
    print(f"placement: {len(cases)} cases, {spans} spans and {rejections} rejections in the reference, "
          f"{mismatches} mismatches")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
