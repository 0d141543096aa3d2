//! Bylines: a cue ("By", "Von", "Par", "Автор:", "责任编辑：") and the names
//! after it, without dates, roles, outlets or reading times; "A and B",
//! "A, B & C", "A und B" become several names. A lead-in before the cue
//! ("Ein Artikel von", "A column by") belongs to the byline; chrome after
//! the names ("Follow", "Kategorien:") ends them (`data/structure/
//! byline_words.txt`). Without a cue, a line of names only ("Ana Ruiz",
//! "Ana Ruiz, 03.11.2023", "Ana Ruiz, Bo Li y Carl Dahl") is a byline when
//! its names open with known given names (`data/structure/given_names*.txt`,
//! `data/gazetteer/first_names.txt`).
//!
//! [`find_byline`] picks the page's byline among them: a cue line near the
//! article (one right under the headline first), a bare cue with its names
//! stacked on the lines under it ("By" / "Ana Ruiz" / "and" / "Bo Li"), a
//! name line, a blog's meta line ("3. Mai 2023 Ana Ruiz Kultur"), or a name
//! with an unknown given name where bylines stand; co-authors on the lines
//! under it ("& Bo Li, Director …") join it.

mod about;
mod cue;
mod meta;
mod pick;
mod shape;
#[cfg(test)]
mod tests;
mod words;

use super::BlockKind;
use super::lexicon::FoldedLines;
use super::line::LineFeatures;
use crate::enrich::Span;
use crate::enrich::document::Document;

pub(crate) use cue::parse;
pub(crate) use pick::{find_byline, placed_byline};

/// A byline found in a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Byline {
    /// From the cue to the end of the last name, relative to the line.
    pub span: Span,
    /// The names.
    pub names: Vec<String>,
}

/// What the byline search reads of a page, as the structure stage left it.
pub(crate) struct Page<'a, 'd> {
    /// The page's lines.
    pub doc: &'a Document<'d>,
    /// The lines folded once for matching.
    pub folded: &'a FoldedLines,
    /// Per line: its features.
    pub feats: &'a [LineFeatures],
    /// Per line: the kind found so far.
    pub kinds: &'a [Option<BlockKind>],
    /// Per line: the cue byline it holds ([`parse`]).
    pub bylines: &'a [Option<Byline>],
    /// Per line: whether it is article text.
    pub body: &'a [bool],
    /// The article's first line.
    pub first: usize,
    /// The article region's last line.
    pub last: usize,
    /// The headline's line.
    pub headline: Option<usize>,
}
