//! One whitespace-free (or whitespace-only) run: spaCy's `_split_affixes` and `_attach_tokens` —
//! prefixes and suffixes peeled off until none is left or an exception remains, then the rest
//! kept whole (exception, URL) or cut at its infixes.

use std::collections::HashMap;
use std::ops::Range;

use super::rules::{Pattern, Rules};
use super::{Piece, TokenizeError};

/// Runs already split in the current text, with piece offsets relative to the run.
#[derive(Default)]
struct ChunkCache<'t> {
    runs: HashMap<&'t str, Vec<Piece>>,
}

fn search<'t>(
    which: &'static str,
    pattern: &Pattern,
    text: &'t str,
    from: usize,
) -> Result<Option<fancy_regex::Match<'t>>, TokenizeError> {
    // An exact match starts where the prefilter finds one, or later: start there.
    let from = match &pattern.prefilter {
        Some(prefilter) => match prefilter.find_at(text, from) {
            Some(candidate) => candidate.start(),
            None => return Ok(None),
        },
        None => from,
    };
    pattern
        .regex
        .find_from_pos(text, from)
        .map_err(|e| TokenizeError::Regex {
            which,
            chunk: text.to_owned(),
            reason: format!("{e} in {:.60}…", pattern.python),
        })
}

impl Rules {
    /// spaCy's `find_prefix`: the byte length of the prefix to split off, 0 if none.
    pub(crate) fn find_prefix(&self, string: &str) -> Result<usize, TokenizeError> {
        let Some(pattern) = &self.prefix else {
            return Ok(0);
        };
        Ok(search("prefix", pattern, string, 0)?.map_or(0, |m| m.end() - m.start()))
    }

    /// spaCy's `find_suffix`, in chars: Python's `$` also matches before a final `\n`, so the
    /// match need not end the string, and spaCy then cuts that many chars off the end anyway.
    pub(crate) fn find_suffix_chars(&self, string: &str) -> Result<usize, TokenizeError> {
        let Some(pattern) = &self.suffix else {
            return Ok(0);
        };
        Ok(search("suffix", pattern, string, 0)?.map_or(0, |m| m.as_str().chars().count()))
    }

    /// spaCy's `find_infix`: Python's `finditer` over the string (no pattern matches the empty
    /// string; the rule loader refuses one that could).
    pub(crate) fn find_infixes(&self, string: &str) -> Result<Vec<Range<usize>>, TokenizeError> {
        let mut found = Vec::new();
        let Some(pattern) = &self.infix else {
            return Ok(found);
        };
        let mut from = 0;
        while from < string.len() {
            let Some(m) = search("infix", pattern, string, from)? else {
                break;
            };
            found.push(m.start()..m.end());
            from = if m.end() > m.start() {
                m.end()
            } else {
                m.end() + string[m.end()..].chars().next().map_or(1, char::len_utf8)
            };
        }
        Ok(found)
    }

    /// spaCy's `url_match` (Python `re.match`: anchored at the start).
    fn url_match(&self, string: &str) -> Result<bool, TokenizeError> {
        let Some(pattern) = &self.url_match else {
            return Ok(false);
        };
        Ok(search("url_match", pattern, string, 0)?.is_some_and(|m| m.start() == 0))
    }

    /// spaCy's `_tokenize_affixes`: whitespace and non-whitespace runs, a single space after a
    /// run dropped into the previous token's `space_after`.
    pub(crate) fn tokenize_affixes(
        &self,
        text: &str,
        with_special_cases: bool,
    ) -> Result<Vec<Piece>, TokenizeError> {
        let mut pieces = Vec::new();
        let Some(first) = text.chars().next() else {
            return Ok(pieces);
        };
        let mut in_space = self.is_space(first);
        let mut start = 0;
        let mut cache = ChunkCache::default();
        for (i, c) in text.char_indices() {
            if self.is_space(c) != in_space {
                if start < i {
                    self.chunk(text, start, i, with_special_cases, &mut pieces, &mut cache)?;
                }
                if c == ' ' {
                    if let Some(last) = pieces.last_mut() {
                        last.space_after = true;
                    }
                    start = i + 1;
                } else {
                    start = i;
                }
                in_space = !in_space;
            }
        }
        if start < text.len() {
            self.chunk(
                text,
                start,
                text.len(),
                with_special_cases,
                &mut pieces,
                &mut cache,
            )?;
            if let Some(last) = pieces.last_mut() {
                last.space_after = text.ends_with(' ') && !in_space;
            }
        }
        Ok(pieces)
    }

    /// One run; a run seen before in this text is split the same way again (spaCy caches runs
    /// too: the split depends on the run's text alone).
    fn chunk<'t>(
        &self,
        text: &'t str,
        start: usize,
        end: usize,
        with_special_cases: bool,
        pieces: &mut Vec<Piece>,
        cache: &mut ChunkCache<'t>,
    ) -> Result<(), TokenizeError> {
        let chunk = &text[start..end];
        if let Some(cached) = cache.runs.get(chunk) {
            pieces.extend(cached.iter().map(|p| Piece {
                start: p.start + start,
                end: p.end + start,
                ..p.clone()
            }));
            return Ok(());
        }
        let first = pieces.len();
        if !(with_special_cases && self.push_exception(chunk, start, pieces)) {
            self.split_chunk(chunk, start, with_special_cases, pieces)?;
        }
        let relative = pieces[first..]
            .iter()
            .map(|p| Piece {
                start: p.start - start,
                end: p.end - start,
                ..p.clone()
            })
            .collect();
        cache.runs.insert(chunk, relative);
        Ok(())
    }

    /// Pushes the pieces of the exception `string` (at byte `at`), if it is one.
    pub(crate) fn push_exception(&self, string: &str, at: usize, pieces: &mut Vec<Piece>) -> bool {
        let Some(&index) = self.exception_index.get(string) else {
            return false;
        };
        let Some((_, exception)) = self.exceptions.get(index) else {
            return false;
        };
        let mut offset = at;
        for (piece_index, piece) in exception.iter().enumerate() {
            pieces.push(Piece {
                start: offset,
                end: offset + piece.orth.len(),
                space_after: false,
                exception: Some((index, piece_index)),
            });
            offset += piece.orth.len();
        }
        true
    }

    fn is_exception(&self, string: &str) -> bool {
        self.exception_index.contains_key(string)
    }

    /// `_tokenize` of one run that is not itself an exception: `chunk` starts at byte `at`.
    pub(crate) fn split_chunk(
        &self,
        chunk: &str,
        at: usize,
        with_special_cases: bool,
        pieces: &mut Vec<Piece>,
    ) -> Result<(), TokenizeError> {
        let mut prefixes: Vec<Range<usize>> = Vec::new();
        let mut suffixes: Vec<Range<usize>> = Vec::new();
        let (mut lo, mut hi) = (0, chunk.len());
        let mut last_size = 0;
        while lo < hi && hi - lo != last_size {
            let string = &chunk[lo..hi];
            if with_special_cases && self.is_exception(string) {
                break;
            }
            last_size = hi - lo;
            let pre_len = self.find_prefix(string)?;
            if pre_len != 0 {
                let minus_pre = &string[pre_len..];
                if !minus_pre.is_empty() && with_special_cases && self.is_exception(minus_pre) {
                    prefixes.push(lo..lo + pre_len);
                    lo += pre_len;
                    break;
                }
            }
            let suf_chars = self.find_suffix_chars(&string[pre_len..])?;
            let suf_len = match suf_chars {
                0 => 0,
                n => string
                    .char_indices()
                    .rev()
                    .nth(n - 1)
                    .map_or(string.len(), |(i, _)| string.len() - i),
            };
            if suf_len != 0 {
                let minus_suf = &string[..string.len() - suf_len];
                if !minus_suf.is_empty() && with_special_cases && self.is_exception(minus_suf) {
                    suffixes.push(hi - suf_len..hi);
                    hi -= suf_len;
                    break;
                }
            }
            let string_chars = string.chars().count();
            let pre_chars = string[..pre_len].chars().count();
            if pre_len != 0 && suf_len != 0 && pre_chars + suf_chars <= string_chars {
                prefixes.push(lo..lo + pre_len);
                suffixes.push(hi - suf_len..hi);
                lo += pre_len;
                hi -= suf_len;
            } else if pre_len != 0 {
                prefixes.push(lo..lo + pre_len);
                lo += pre_len;
            } else if suf_len != 0 {
                suffixes.push(hi - suf_len..hi);
                hi -= suf_len;
            }
        }
        let piece = |range: Range<usize>| Piece {
            start: at + range.start,
            end: at + range.end,
            space_after: false,
            exception: None,
        };
        pieces.extend(prefixes.into_iter().map(piece));
        if lo < hi {
            let string = &chunk[lo..hi];
            let exception = with_special_cases && self.push_exception(string, at + lo, pieces);
            if exception {
                // The pieces are in.
            } else if self.url_match(string)? {
                pieces.push(piece(lo..hi));
            } else {
                let mut start = 0;
                for infix in self.find_infixes(string)? {
                    if infix.start == 0 {
                        continue;
                    }
                    if infix.start != start {
                        pieces.push(piece(lo + start..lo + infix.start));
                    }
                    if infix.start != infix.end {
                        pieces.push(piece(lo + infix.start..lo + infix.end));
                    }
                    start = infix.end;
                }
                if start < string.len() {
                    pieces.push(piece(lo + start..hi));
                }
            }
        }
        pieces.extend(suffixes.into_iter().rev().map(piece));
        Ok(())
    }
}
