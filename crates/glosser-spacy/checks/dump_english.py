#!/usr/bin/env python3
"""Dumps the rules of spaCy's English tokenizer (`spacy.blank("en")`) to the data file the Rust
crate embeds: assets/spacy_en_tokenizer.json.

    ../../target/consumers-venv/bin/python checks/dump_english.py assets/spacy_en_tokenizer.json

What it writes:
- `whitespace`: the code point ranges where Python's `str.isspace()` is true (spaCy splits the
  text into whitespace and non-whitespace runs with it);
- `prefix`, `suffix`, `infix`, `url_match`: each spaCy pattern as spaCy has it (`python`) and the
  same pattern in fancy-regex syntax (`rust`), translated from Python's own parse tree
  (`re._parser`): every character class becomes explicit code point ranges, computed with
  Python's `re` (so `\\w`, `\\d`, `\\S` mean what they mean in Python), `^` becomes `\\A` and `$`
  becomes `(?=\\n?\\z)` (Python's `$` also matches before a final newline); `prefilter` is the
  same pattern without look-around, for the `regex` crate: it matches wherever the exact one
  does (and more), so a word it rejects skips the slower backtracking search;
- `exceptions`: the special cases in the order spaCy loads them (sorted), each a list of
  `[orth, norm-or-null]`;
- `lexeme_norms`: the NORM lookups of the English vocab (`BASE_NORMS`: `“` → `"`), used before
  `str.lower()` for tokens that no exception gives a NORM;
- `lowercase`: every char that Python's `str.lower()` changes, and what to (the vocab's NORM is
  `str.lower()`; Rust's `to_lowercase` follows a newer Unicode version than this Python);
- `symbols`: spaCy's reserved strings and their ids (`StringStore.add` returns these instead of
  a hash).
The file is data: the crate never runs Python.
"""
import json
import re
import re._constants as C
import re._parser as P
import sys
import unicodedata

import spacy
import spacy.lang.lex_attrs
from spacy.symbols import IDS as SYMBOLS

MAX = 0x10FFFF
SURROGATES = (0xD800, 0xDFFF)


def ranges_of(test):
    """Inclusive code point ranges (surrogates left out) where test(chr(cp)) is true."""
    out, start = [], None
    for cp in range(MAX + 2):
        inside = cp <= MAX and not (SURROGATES[0] <= cp <= SURROGATES[1]) and test(chr(cp))
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            out.append((start, cp - 1))
            start = None
    return out


def category_ranges():
    found = {}
    for name, pattern in ((C.CATEGORY_DIGIT, r"\d"), (C.CATEGORY_WORD, r"\w"), (C.CATEGORY_SPACE, r"\s")):
        matcher = re.compile(pattern).fullmatch
        found[name] = ranges_of(lambda ch: matcher(ch) is not None)
    found[C.CATEGORY_NOT_DIGIT] = complement(found[C.CATEGORY_DIGIT])
    found[C.CATEGORY_NOT_WORD] = complement(found[C.CATEGORY_WORD])
    found[C.CATEGORY_NOT_SPACE] = complement(found[C.CATEGORY_SPACE])
    return found


def normalise(ranges):
    out = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    result = []
    for a, b in out:  # a Rust char is never a surrogate
        if a < SURROGATES[0] and b > SURROGATES[1]:
            result += [(a, SURROGATES[0] - 1), (SURROGATES[1] + 1, b)]
        elif SURROGATES[0] <= a and b <= SURROGATES[1]:
            continue
        elif SURROGATES[0] <= a <= SURROGATES[1]:
            result.append((SURROGATES[1] + 1, b))
        elif SURROGATES[0] <= b <= SURROGATES[1]:
            result.append((a, SURROGATES[0] - 1))
        else:
            result.append((a, b))
    return result


def complement(ranges):
    out, at = [], 0
    for a, b in normalise(ranges):
        if a > at:
            out.append((at, a - 1))
        at = b + 1
    if at <= MAX:
        out.append((at, MAX))
    return normalise(out)


def char(cp):
    c = chr(cp)
    return c if c.isascii() and c.isalnum() else f"\\x{{{cp:X}}}"


def char_class(ranges):
    body = "".join(char(a) if a == b else f"{char(a)}-{char(b)}" for a, b in ranges)
    return f"[{body}]"


class Translator:
    """Python regex parse tree → fancy-regex syntax. With `prefilter`, look-around is left out
    and `$` consumes its optional newline: a pattern without look-around (for the `regex`
    crate) that matches wherever the exact one does, and more — a quick "no" for most words."""

    def __init__(self, flags, prefilter=False):
        self.prefilter = prefilter
        if flags & ~re.UNICODE:
            raise SystemExit(f"pattern flags {flags} are not supported by the translation")
        self.categories = category_ranges()

    def sequence(self, subpattern):
        return "".join(self.node(op, av) for op, av in subpattern)

    def node(self, op, av):
        if op is C.LITERAL:
            return char(av)
        if op is C.NOT_LITERAL:
            return char_class(complement([(av, av)]))
        if op is C.ANY:
            return char_class(complement([(10, 10)]))
        if op is C.IN:
            return char_class(self.members(av))
        if op is C.BRANCH:
            return "(?:" + "|".join(self.sequence(branch) for branch in av[1]) + ")"
        if op is C.SUBPATTERN:
            group, add_flags, del_flags, inner = av
            if add_flags or del_flags:
                raise SystemExit("inline flags inside a pattern are not supported")
            return "(?:" + self.sequence(inner) + ")"
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, inner = av
            bound = f"{{{low},}}" if high is C.MAXREPEAT else f"{{{low},{high}}}"
            lazy = "?" if op is C.MIN_REPEAT else ""
            return "(?:" + self.sequence(inner) + ")" + bound + lazy
        if op in (C.ASSERT, C.ASSERT_NOT):
            if self.prefilter:
                return ""
            direction, inner = av
            kind = ("<" if direction < 0 else "") + ("=" if op is C.ASSERT else "!")
            return f"(?{kind}" + self.sequence(inner) + ")"
        if op is C.AT:
            if av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
                return r"\A"
            if av is C.AT_END:
                return r"(?:\n?\z)" if self.prefilter else r"(?=\n?\z)"
            if av is C.AT_END_STRING:
                return r"\z"
        raise SystemExit(f"regex construct {op} {av} is not supported by the translation")

    def members(self, items):
        ranges, negate = [], False
        for op, av in items:
            if op is C.NEGATE:
                negate = True
            elif op is C.LITERAL:
                ranges.append((av, av))
            elif op is C.RANGE:
                ranges.append(av)
            elif op is C.CATEGORY:
                ranges += self.categories[av]
            else:
                raise SystemExit(f"class member {op} is not supported by the translation")
        return complement(ranges) if negate else normalise(ranges)


def pattern(compiled):
    if compiled is None:
        return None
    regex = compiled.__self__
    tree = P.parse(regex.pattern, regex.flags)
    translated = Translator(regex.flags).sequence(tree)
    prefilter = Translator(regex.flags, prefilter=True).sequence(tree)
    min_width = tree.getwidth()[0]
    return {"python": regex.pattern, "rust": translated, "prefilter": prefilter, "min_width": min_width}


def main():
    out_path = sys.argv[1]
    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    if tokenizer.token_match is not None:
        raise SystemExit("English has a token_match now: teach the crate about it")
    orth, norm = spacy.attrs.ORTH, spacy.attrs.NORM
    norm_getter = nlp.vocab.lex_attr_getters[norm]
    default_norm, norm_tables = norm_getter.args
    if default_norm is not spacy.lang.lex_attrs.lower:
        raise SystemExit("the English NORM getter is no longer str.lower plus lookups: update the crate")
    lexeme_norms = {}
    for table in reversed(norm_tables):
        lexeme_norms.update(table)
    exceptions = []
    for string, pieces in sorted(tokenizer.rules.items()):
        tokens = []
        for piece in pieces:
            extra = set(piece) - {orth, norm}
            if extra:
                raise SystemExit(f"exception {string!r} sets {extra}: only ORTH and NORM are supported")
            tokens.append([piece[orth], piece.get(norm)])
        exceptions.append([string, tokens])
    data = {
        "spacy_version": spacy.__version__,
        "python_version": sys.version.split()[0],
        "unicode_version": unicodedata.unidata_version,
        "faster_heuristics": tokenizer.faster_heuristics,
        "whitespace": ranges_of(str.isspace),
        "prefix": pattern(tokenizer.prefix_search),
        "suffix": pattern(tokenizer.suffix_search),
        "infix": pattern(tokenizer.infix_finditer),
        "url_match": pattern(tokenizer.url_match),
        "exceptions": exceptions,
        "lexeme_norms": sorted(lexeme_norms.items()),
        "lowercase": [[cp, chr(cp).lower()] for cp in range(MAX + 1)
                      if not SURROGATES[0] <= cp <= SURROGATES[1] and chr(cp).lower() != chr(cp)],
        "symbols": sorted(SYMBOLS.items(), key=lambda item: item[1]),
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
