#!/usr/bin/env python3
"""Compares the crate's tokens with `spacy.blank("en")(text)`: start and end offsets (Python str
indices), `whitespace_` and NORM, on the given text files (whole, and each line alone), every
tokenizer exception in context, and N seeded random/hostile texts.

    tokens_check.py TOKENIZER_BINARY N_RANDOM FILE...

Prints `tokens: N passed, M failed` (one line per text) and exits 1 on any difference.
"""
import json
import random
import subprocess
import sys
import unicodedata

import spacy

WORDS = """the a and of to in is was said that for on with as by at from his her they it
Trump Putin Uber Biden Xi China Washington NASA Dr Mr Mrs Ms St Jr Inc Ltd Co vs etc
President minister claimed quoted opinion unverified report sources police election""".split()
ABBREVIATIONS = """U.S. U.K. U.N. Mr. Mrs. Dr. Jan. Feb. e.g. i.e. a.m. p.m. St. Inc. Ltd. Co.
vs. etc. No. Gov. Sen. Rep. Gen. Lt. Mt. Ph.D. U.S.A. N.Y. D.C. Calif. Mass. Wash.""".split()
CONTRACTIONS = """don't can't won't I'm you're he's she's it's we're they're I've we'd y'all
ain't 'cause o'clock Trump's Trump’s Uber’s don’t can’t isn't wasn't shouldn't I'll let's
DON'T Can't gonna gotta wanna cannot""".split()
EMOTICONS = """:) :-) :( :-( ;) ;-) :D :P :p :/ <3 </3 ^_^ (-_-) (._.) =) :'( :-| :] :o)
xD XD o.O O.o -_- ¯\\(ツ)/¯ (ಠ_ಠ) (╯°□°）╯︵┻━┻ :3 =D 8) :-P""".split()
NUMBERS = """1 42 3.14 1,000 1,000,000.50 -5 +1 10km 5°C 98.6°F 50% $5 $5.99 €10 £3 ¥100
US$5 C$10 1990s 2nd 3rd 21st 12:30 1/2 3-4 10x 5kg 100mph 1e10 0.5 .5 ½ ² 10-year-old
555-1234 +44 (0)20 #1 No.1 v2.0 3.5.1 1st.""".split()
URLS = """https://example.com http://www.bbc.co.uk/news/world-123?x=1&y=2#frag www.google.com
example.org/path ftp://files.example.net/a.txt https://de.wikipedia.org/wiki/Köln
http://192.168.0.1:8080/x http://8.8.8.8 mailto:someone@example.com
https://t.co/AbC123 bit.ly/xyz https://example.com/path(with)parens github.com/a/b.""".split()
EMAILS = """someone@example.com first.last@news.co.uk a+b@c.io @handle @Real_Donald #hashtag
#MeToo user@localhost x@y.z""".split()
PUNCT = list("""!?.,;:…-–—―/\\|()[]{}<>«»‹›„“”‘’‚'"`´*&%$#@^~_+=§¶·•°""") + [
    "...", "..", "--", "---", "——", "?!", "!!", "?!?", "''", "``", ",,", "'s", "’s", "'S",
    "n't", "’ll", "(", ")", "[", "]", "¿", "¡", "。", "、", "！", "？", "「", "」", "『", "』",
    "（", "）", "：", "；", "，", "《", "》", "〈", "〉", "【", "】"]
EMOJI = ["😀", "👍", "👍🏽", "👩🏽‍🚒", "👨‍👩‍👧‍👦", "🇺🇸", "🇬🇧", "🏳️‍🌈", "❤️", "☺", "✈️", "🤷‍♀️",
         "1️⃣", "#️⃣", "🧑🏿‍🤝‍🧑🏻", "🙂", "🔥", "💯", "™", "©", "®", "♥", "★", "☆", "→", "⇒"]
SCRIPTS = ["北京官员说", "我们赢了", "中华人民共和国", "東京都", "ひらがなカタカナ", "日本語の文章です",
           "한국어 문장", "서울", "Привет", "мир", "Ελληνικά", "λόγος", "ΣΊΣΥΦΟΣ", "עברית",
           "שָׁלוֹם", "العربية", "مرحبا", "हिन्दी", "नमस्ते", "ภาษาไทย", "ສະບາຍດີ", "ქართული",
           "Հայերեն", "ትግርኛ", "ᏣᎳᎩ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𝟙𝟚𝟛", "ﬁﬂ", "İstanbul", "straße", "ǅemal",
           "é", "é", "ñ", "ñ", "Å", "ø", "Ω", "ǈ", "ß", "ẞ", "ﬀ"]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u20dd", "\u0489", "\u093f", "\u0e31", "\u05b0", "\u064b"]
ODD = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u2060", "\u180e",
       "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\x0b", "\x0c", "\x00", "\x07", "\x7f", "\ufffd",
       "\U0001F3FB", "\ufe0f", "\u2028", "\u2029", "\u2066", "\ue000", "\U0010FFFD"]
SEPARATORS = [" "] * 12 + ["", "", "  ", "   ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\xa0",
                          "\u3000", " \n", "\n ", "\u2009", "\u202f", "\u2003", "\r", " \xa0 ",
                          "\x0c", "\u2028", "\x85", " \t "]


def random_char(rng):
    while True:
        cp = rng.choice([rng.randrange(0x20, 0x250), rng.randrange(0x250, 0x3000),
                         rng.randrange(0x3000, 0xD800), rng.randrange(0xE000, 0x10000),
                         rng.randrange(0x10000, 0x30000)])
        ch = chr(cp)
        if unicodedata.category(ch) != "Cs":
            return ch


def piece(rng):
    kind = rng.random()
    if kind < 0.22:
        word = rng.choice(WORDS)
        return word.upper() if rng.random() < 0.1 else word
    if kind < 0.30:
        return rng.choice(ABBREVIATIONS)
    if kind < 0.38:
        return rng.choice(CONTRACTIONS)
    if kind < 0.43:
        return rng.choice(EMOTICONS)
    if kind < 0.50:
        return rng.choice(NUMBERS)
    if kind < 0.55:
        return rng.choice(URLS)
    if kind < 0.58:
        return rng.choice(EMAILS)
    if kind < 0.70:
        return rng.choice(PUNCT)
    if kind < 0.75:
        return rng.choice(EMOJI)
    if kind < 0.82:
        return rng.choice(SCRIPTS)
    if kind < 0.85:
        return rng.choice(WORDS) + rng.choice(COMBINING)
    if kind < 0.88:
        return rng.choice(ODD)
    if kind < 0.93:
        return "".join(random_char(rng) for _ in range(rng.randrange(1, 4)))
    # Glued pieces: affixes around exceptions, quotes around words.
    return "".join(rng.choice([rng.choice(PUNCT), rng.choice(CONTRACTIONS), rng.choice(ABBREVIATIONS),
                               rng.choice(EMOTICONS), rng.choice(WORDS), rng.choice(NUMBERS)])
                   for _ in range(rng.randrange(2, 5)))


DENSE = list("'\".,:;!?()[]-–—/\\@#%$°’‘“”`´snSNtTdDmMlLrRvVeEaAuUxX0123456789<>^_=*+&~|… \n\xa0\t") + [
    "n't", "'s", "’s", "U.S.", "Mr.", "e.g.", ":)", ":(", "<3", "...", "'ll", "'re", "'d", "'ve", "'m",
    "--", "http://", "www.", ".com", "km", "°C", "a.m.", "ca.", "'cause", "y'all", "o.O", "^_^", "\r\n"]


def dense_text(rng):
    """Short strings from a small alphabet of affix, exception and URL characters."""
    return "".join(rng.choice(DENSE) for _ in range(rng.randrange(1, 25)))


def random_text(rng):
    if rng.random() < 0.25:
        return dense_text(rng)
    parts = []
    for _ in range(rng.randrange(1, 40)):
        parts.append(piece(rng))
        parts.append(rng.choice(SEPARATORS))
    if rng.random() < 0.3:
        parts.pop()
    if rng.random() < 0.2:
        parts.insert(0, rng.choice(SEPARATORS))
    return "".join(parts)


def main():
    binary, n_random, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    texts = []
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            whole = f.read()
        texts.append((path, whole))
        texts += [(f"{path} line {n}", line) for n, line in enumerate(whole.split("\n"), 1) if line.strip()]
    n_lines = len(texts) - len(files)
    rng = random.Random(20240529)
    texts += [(f"random #{i}", random_text(rng)) for i in range(n_random)]
    texts += [(f"edge #{i}", t) for i, t in enumerate([
        "", " ", "  ", "\n", " a", "a ", "a  ", " \n ", "\r\n", "hello:)", "(don't)", "\"U.S.\"",
        "U.S.)", "(U.S.", ":)))", "<3<3", "'s", "''", "Mr.Smith", "e.g.,", "a.m.)", "...",
        "http://example.com.", "(https://example.com)", "x@y.z.", "1,000km.", "5°C.", "U.S.A.'s",
        "\"Don't!\"", "can't?", "Trump’s", "北京官员说“我们赢了”。Uber’s drivers agree.\n"])]
    # Every exception in the contexts that send it through the affix loop and the special-case
    # matcher.
    nlp = spacy.blank("en")
    texts += [(f"exception {x!r}", f"({x}) {x}. “{x}” {x}{x} -{x}- {x}'s {x}:) \"{x}\"\n{x}")
              for x in sorted(nlp.tokenizer.rules)]
    payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, (_, t) in enumerate(texts))
    result = subprocess.run([binary], input=payload, capture_output=True, text=True, check=True)
    rust = {r["id"]: r["tokens"] for r in (json.loads(line) for line in result.stdout.split("\n") if line.strip())}
    passed = failed = 0
    for i, (name, text) in enumerate(texts):
        doc = nlp(text)
        want = [[t.idx, t.idx + len(t.text), t.whitespace_ == " ", t.norm_] for t in doc]
        got = rust[i]
        if got == want:
            passed += 1
            continue
        failed += 1
        if failed <= 15:
            first = next(k for k in range(max(len(got), len(want)))
                         if k >= len(got) or k >= len(want) or got[k] != want[k])
            show = lambda toks: [(text[a:b], ws, n) for a, b, ws, n in toks[max(0, first - 2):first + 4]]
            print(f"FAIL {name}: text {text[:200]!r}\n  spaCy {show(want)}\n  Rust  {show(got)}")
    total = passed + failed
    print(f"texts: {len(files)} files and their {n_lines} lines, {n_random} random, {len(nlp.tokenizer.rules)} exceptions in context, match rate {passed}/{total} = {100 * passed / total:.2f}%")
    print(f"tokens: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
