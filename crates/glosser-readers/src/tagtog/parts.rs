//! The parts of a plain text document as tagtog numbers them: `s1v1`, the whole text
//! (`verbatim`), and `s1p1`, `s1p2`, … its paragraphs (`formatted`: runs of non-blank lines,
//! trimmed).

/// A plain text and its paragraphs, as code point ranges.
pub(super) struct Parts<'a> {
    text: &'a str,
    chars: usize,
    paragraphs: Vec<(usize, usize)>,
}

impl<'a> Parts<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let mut paragraphs = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let length = line.chars().count();
            let leading = line.chars().take_while(|c| c.is_whitespace()).count();
            if leading == length {
                if let Some(paragraph) = open.take() {
                    paragraphs.push(paragraph);
                }
            } else {
                let trailing = line.chars().rev().take_while(|c| c.is_whitespace()).count();
                let end = at + length - trailing;
                open = Some(open.map_or((at + leading, end), |(start, _)| (start, end)));
            }
            at += length;
        }
        paragraphs.extend(open);
        Self {
            text,
            chars: at,
            paragraphs,
        }
    }

    /// Where a part starts in the text (code points) and its text.
    pub(super) fn get(&self, part: &str) -> Option<(usize, &'a str)> {
        let (start, end) = if part == "s1v1" {
            (0, self.chars)
        } else {
            let number: usize = part.strip_prefix("s1p")?.parse().ok()?;
            *self.paragraphs.get(number.checked_sub(1)?)?
        };
        let begin = self
            .text
            .char_indices()
            .nth(start)
            .map_or(self.text.len(), |(byte, _)| byte);
        let finish = self
            .text
            .char_indices()
            .nth(end)
            .map_or(self.text.len(), |(byte, _)| byte);
        Some((start, &self.text[begin..finish]))
    }
}

#[cfg(test)]
mod tests;
