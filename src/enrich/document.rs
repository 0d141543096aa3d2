//! The one pass over the input that every enricher shares: line ends
//! normalised, the text split into lines and blank-line-separated blocks once.
//!
//! Offsets are byte offsets into the caller's text, which is never copied or
//! rewritten: a line's range excludes its line terminator and surrounding
//! whitespace, so `&text[line.start..line.end]` is the visible line.

use std::ops::Range;
use std::sync::OnceLock;

/// One non-empty line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the first non-whitespace character.
    pub start: usize,
    /// Byte offset one past the last non-whitespace character.
    pub end: usize,
    /// Index of the block (paragraph) the line belongs to.
    pub block: usize,
    /// Number of blank lines between this line and the previous non-empty one.
    pub blank_lines_before: usize,
}

impl Line {
    /// The line's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A run of non-empty lines with no blank line between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Index of the block's first line in [`Document::lines`].
    pub first_line: usize,
    /// One past the index of the block's last line.
    pub end_line: usize,
    /// Byte offset where the block starts (its first line's start).
    pub start: usize,
    /// Byte offset where the block ends (its last line's end).
    pub end: usize,
}

/// The input text split into lines and blocks.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: &'a str,
    lines: Vec<Line>,
    blocks: Vec<Block>,
    /// Every line's words, split once on first use ([`Document::words`]).
    words: OnceLock<LineWords<'a>>,
}

/// The words of every line, one vector for the document: line `i`'s are
/// `words[ends[i - 1]..ends[i]]` (from 0 for the first line).
#[derive(Debug, Clone, Default)]
struct LineWords<'a> {
    words: Vec<(usize, &'a str)>,
    ends: Vec<usize>,
}

impl<'a> Document<'a> {
    /// Splits `text` into lines and blocks. Line terminators are `\n`, `\r\n`,
    /// a lone `\r`, VT, FF, NEL (U+0085), and U+2028/U+2029. A line holding
    /// only whitespace (including NBSP and zero-width spaces) is blank.
    /// Linear in the length of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut lines = Vec::new();
        let mut blocks: Vec<Block> = Vec::new();
        let mut blank_run = 0usize;
        let mut line_start = 0usize;
        let mut chars = text.char_indices().peekable();
        let mut push_line = |raw: Range<usize>, lines: &mut Vec<Line>, blank_run: &mut usize| {
            let slice = &text[raw.clone()];
            let trimmed_start = slice.len() - slice.trim_start_matches(is_space).len();
            let trimmed = slice.trim_matches(is_space);
            if trimmed.is_empty() {
                *blank_run += 1;
                return;
            }
            let start = raw.start + trimmed_start;
            let end = start + trimmed.len();
            let new_block = lines.is_empty() || *blank_run > 0;
            if new_block {
                blocks.push(Block {
                    first_line: lines.len(),
                    end_line: lines.len() + 1,
                    start,
                    end,
                });
            } else if let Some(block) = blocks.last_mut() {
                block.end_line = lines.len() + 1;
                block.end = end;
            }
            lines.push(Line {
                start,
                end,
                block: blocks.len() - 1,
                blank_lines_before: *blank_run,
            });
            *blank_run = 0;
        };
        while let Some((i, c)) = chars.next() {
            let terminator_len = match c {
                '\r' => {
                    if let Some(&(_, '\n')) = chars.peek() {
                        chars.next();
                        2
                    } else {
                        1
                    }
                }
                '\n' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => c.len_utf8(),
                _ => continue,
            };
            push_line(line_start..i, &mut lines, &mut blank_run);
            line_start = i + terminator_len;
        }
        push_line(line_start..text.len(), &mut lines, &mut blank_run);
        Document {
            text,
            lines,
            blocks,
            words: OnceLock::new(),
        }
    }

    /// The input text, unchanged.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The non-empty lines, in order.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The blocks (runs of lines without a blank line between them), in order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The text of line `index`, trimmed.
    pub fn line_text(&self, index: usize) -> &'a str {
        let line = &self.lines[index];
        &self.text[line.start..line.end]
    }

    /// The words of line `index` as (byte offset in the line, word): runs of
    /// letters and digits, joined over an inner apostrophe, hyphen,
    /// ampersand or dot ("don't", "anti-Daesh", "AT&T"). Every line is split
    /// on the first call and the split is kept, so the stages that read
    /// words share one pass over the text.
    pub fn words(&self, index: usize) -> &[(usize, &'a str)] {
        let all = self.line_words();
        let from = index.checked_sub(1).map_or(0, |i| all.ends[i]);
        &all.words[from..all.ends[index]]
    }

    /// How many words all lines hold together, as [`Document::words`]
    /// splits them: the size a buffer of the words of disjoint spans of
    /// the document needs, so that it is allocated once and never grown.
    pub fn word_count(&self) -> usize {
        self.line_words().words.len()
    }

    /// The split of every line, made on the first call.
    fn line_words(&self) -> &LineWords<'a> {
        self.words.get_or_init(|| {
            let mut all = LineWords {
                words: Vec::with_capacity(self.text.len() / 6),
                ends: Vec::with_capacity(self.lines.len()),
            };
            for i in 0..self.lines.len() {
                crate::enrich::text::words_into(self.line_text(i), &mut all.words);
                all.ends.push(all.words.len());
            }
            all
        })
    }

    /// The lines of block `index`.
    pub fn block_lines(&self, index: usize) -> &[Line] {
        let block = &self.blocks[index];
        &self.lines[block.first_line..block.end_line]
    }
}

/// Whitespace as flattened pages have it: Unicode whitespace plus the
/// zero-width characters that `char::is_whitespace` does not count.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(doc: &Document<'a>) -> Vec<&'a str> {
        (0..doc.lines().len()).map(|i| doc.line_text(i)).collect()
    }

    #[test]
    fn splits_every_kind_of_line_end() {
        let doc = Document::new("a\r\nb\rc\nd\u{2028}e\u{85}f");
        assert_eq!(texts(&doc), ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(doc.blocks().len(), 1);
    }

    #[test]
    fn blank_lines_separate_blocks_and_whitespace_lines_are_blank() {
        let doc = Document::new(
            "  Title  \r\n\r\n \u{a0}\u{200b}\r\nFirst para\nstill first\n\n\nSecond",
        );
        assert_eq!(
            texts(&doc),
            ["Title", "First para", "still first", "Second"]
        );
        let blocks: Vec<_> = doc
            .blocks()
            .iter()
            .map(|b| &doc.text()[b.start..b.end])
            .collect();
        assert_eq!(blocks, ["Title", "First para\nstill first", "Second"]);
        assert_eq!(doc.lines()[1].blank_lines_before, 2);
        assert_eq!(doc.lines()[3].blank_lines_before, 2);
        assert_eq!(doc.block_lines(1).len(), 2);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "\u{feff}Заголовок\u{a0}\n\nТекст статьи.";
        let doc = Document::new(text);
        for line in doc.lines() {
            assert!(text.is_char_boundary(line.start) && text.is_char_boundary(line.end));
        }
        assert_eq!(texts(&doc), ["Заголовок", "Текст статьи."]);
    }

    #[test]
    fn words_are_split_per_line_with_line_offsets() {
        let doc = Document::new("  Don't go\n\nU.S. talks, 3-2\n\u{a0}\nend");
        assert_eq!(doc.words(0), [(0, "Don't"), (6, "go")]);
        assert_eq!(doc.words(1), [(0, "U.S"), (5, "talks"), (12, "3-2")]);
        assert_eq!(doc.words(2), [(0, "end")]);
        for i in 0..doc.lines().len() {
            assert_eq!(doc.words(i), crate::enrich::text::words(doc.line_text(i)));
        }
    }

    #[test]
    fn empty_and_blank_inputs_have_no_lines() {
        assert!(Document::new("").lines().is_empty());
        assert!(Document::new(" \n\r\n\t").blocks().is_empty());
    }
}
