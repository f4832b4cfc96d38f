//! Texts for token formats: rebuilt from the tokens (single spaces within a sentence, a line
//! break between sentences) or found again in a text the file gives, token by token.

/// A token's place in a text, in code points.
pub type TokenRange = (usize, usize);

/// The text of sentences of tokens joined with single spaces, the sentences with line breaks,
/// and where each token is.
pub fn join<T: AsRef<[S]>, S: AsRef<str>>(sentences: &[T]) -> (String, Vec<Vec<TokenRange>>) {
    let mut text = String::new();
    let mut at = 0;
    let mut ranges = Vec::with_capacity(sentences.len());
    for (number, sentence) in sentences.iter().enumerate() {
        if number > 0 {
            text.push('\n');
            at += 1;
        }
        let mut sentence_ranges = Vec::with_capacity(sentence.as_ref().len());
        for (index, token) in sentence.as_ref().iter().enumerate() {
            if index > 0 {
                text.push(' ');
                at += 1;
            }
            let token = token.as_ref();
            let length = token.chars().count();
            text.push_str(token);
            sentence_ranges.push((at, at + length));
            at += length;
        }
        ranges.push(sentence_ranges);
    }
    (text, ranges)
}

/// Where each token is in `text`, searching from code point `from`: each token must come next,
/// after nothing but whitespace. `None` when one is not there.
pub fn align<S: AsRef<str>>(text: &str, from: usize, tokens: &[S]) -> Option<Vec<TokenRange>> {
    let chars: Vec<char> = text.chars().collect();
    let mut at = from;
    let mut ranges = Vec::with_capacity(tokens.len());
    for token in tokens {
        let token: Vec<char> = token.as_ref().chars().collect();
        if token.is_empty() {
            return None;
        }
        loop {
            if chars.get(at..at + token.len()) == Some(token.as_slice()) {
                break;
            }
            if chars.get(at).is_some_and(|c| c.is_whitespace()) {
                at += 1;
            } else {
                return None;
            }
        }
        ranges.push((at, at + token.len()));
        at += token.len();
    }
    Some(ranges)
}

#[cfg(test)]
mod tests;
