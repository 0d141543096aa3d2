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
    /// The text lowercased once on first use ([`Document::lowercase`]).
    lowercase: OnceLock<Option<String>>,
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
            lowercase: OnceLock::new(),
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

    /// The text lowercased char by char, byte for byte in step with it: the
    /// lowercase of `text[a..b]` (as [`str::to_lowercase`] gives it) is
    /// `lowercase[a..b]`, so the stages that look words up in lower case
    /// slice it instead of lowercasing each word again. Made on the first
    /// call. `None` when that cannot hold: a char whose lowercase is longer
    /// or shorter than itself ("İ", the Kelvin sign), or a capital sigma,
    /// whose lowercase depends on the word around it; the stages then
    /// lowercase their words themselves.
    pub fn lowercase(&self) -> Option<&str> {
        self.lowercase
            .get_or_init(|| lowercase_in_step(self.text))
            .as_deref()
    }

    /// The lines of block `index`.
    pub fn block_lines(&self, index: usize) -> &[Line] {
        let block = &self.blocks[index];
        &self.lines[block.first_line..block.end_line]
    }
}

/// [`Document::lowercase`] of `text`.
fn lowercase_in_step(text: &str) -> Option<String> {
    // ASCII, most of most pages, is lowercased in one pass over the copy;
    // then the other chars are read, and the few whose lowercase differs
    // (capitals outside ASCII) are written over in place.
    let mut out = text.to_owned();
    out.make_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i..i + 8).is_some_and(<[u8]>::is_ascii) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            continue;
        }
        // A two-byte char that is its own lowercase (NBSP, lowercase
        // Latin-1 and basic Cyrillic letters: most of a Cyrillic page) is
        // passed over undecoded.
        if (0xc2..=0xdf).contains(&b)
            && let Some(&next) = bytes.get(i + 1)
            && matches!(
                u32::from(b & 0x1f) << 6 | u32::from(next & 0x3f),
                0x80..=0xbf | 0xd7 | 0xdf..=0xff | 0x430..=0x45f
            )
        {
            i += 2;
            continue;
        }
        let c = crate::enrich::text::char_at(text, i)?;
        let width = c.len_utf8();
        let lower = match crate::enrich::text::simple_lowercase(c) {
            Some(lower) => lower,
            None if c == '\u{3a3}' => return None,
            None => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(lower), None) => lower,
                    _ => return None,
                }
            }
        };
        if lower != c {
            if lower.len_utf8() != width {
                return None;
            }
            out.replace_range(i..i + width, lower.encode_utf8(&mut [0; 4]));
        }
        i += width;
    }
    Some(out)
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

    /// The lowercase of every slice of the text between two chars, as
    /// `str::to_lowercase` gives it.
    fn assert_in_step(text: &str) {
        let doc = Document::new(text);
        let lowercase = doc.lowercase().expect(text);
        assert_eq!(lowercase.len(), text.len(), "{text:?}");
        let cuts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (k, &a) in cuts.iter().enumerate() {
            for &b in &cuts[k..] {
                assert_eq!(&lowercase[a..b], text[a..b].to_lowercase(), "{text:?}");
            }
        }
    }

    #[test]
    fn the_lowercase_is_in_step_with_the_text() {
        for text in [
            "Harbour STRIKE: Dock Workers Walk Out at 06:00 (Updated)",
            "ÉTÉ À Paris, l’Œuvre DE Zoë — Ça va?",
            "Die STADTWERKE Erhöhen die Preise für Fernwärme ÄÖÜ",
            "ПРИВЕТ мир, Ёлка и Ѐ Џ: «Аэропорт»",
            "Ωμέγα ΆΛΦΑ 東京 😀 ﬁ \u{a0}\u{85}µªº×÷ÿ",
            "",
        ] {
            assert_in_step(text);
        }
        // Every string of up to three chars from either end of the
        // two-byte ranges passed over undecoded, and their neighbours.
        let alphabet = [
            'A', 'z', ' ', '\u{7f}', '\u{80}', '\u{bf}', 'À', 'Þ', '×', 'ß', 'ÿ', 'Ā', 'ā', 'Ѐ',
            'Џ', 'А', 'Я', 'а', 'я', 'ѐ', 'џ', 'Ѡ', 'ѡ', 'Ω', '語',
        ];
        crate::enrich::text::for_every_string(&alphabet, 1..=3, assert_in_step);
        // And runs longer than the eight ASCII bytes read at once.
        assert_in_step("ABCDEFGHIJKLMNOPQ Ж ABCDEFGh");
    }

    #[test]
    fn no_lowercase_where_it_would_leave_step() {
        // "İ" lowercases to two chars, the Kelvin sign and "ẞ" to shorter
        // ones, and a capital sigma by the word around it.
        for text in [
            "Visit İstanbul",
            "300 \u{212a} cold",
            "GROẞE",
            "ΟΔΟΣ Athens",
        ] {
            assert_eq!(Document::new(text).lowercase(), None, "{text:?}");
        }
    }

    #[test]
    fn empty_and_blank_inputs_have_no_lines() {
        assert!(Document::new("").lines().is_empty());
        assert!(Document::new(" \n\r\n\t").blocks().is_empty());
    }
}
