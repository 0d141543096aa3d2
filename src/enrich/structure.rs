//! Structure: which line is the headline, which paragraph the lede, which
//! paragraphs are the article, and what every other line is.
//!
//! Contract for later stages: [`Structure::lines`] has exactly one label per
//! line of the [`Document`], in the same order, so a stage asks
//! `structure.lines[i].kind` for line `i` and never re-splits the text.

use super::Span;
use super::document::Document;
use super::language::ArticleLanguage;

/// What a line of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The article's headline.
    Headline,
    /// A deck or sub-headline.
    Deck,
    /// The first paragraph of the body.
    Lede,
    /// A paragraph of the body.
    Body,
    /// The byline.
    Byline,
    /// A dateline on its own line.
    Dateline,
    /// A page clock or timestamp.
    Timestamp,
    /// The page's section name.
    Section,
    /// A photo or video caption.
    Caption,
    /// A photo, video or agency credit.
    Credit,
    /// Navigation and menus.
    Navigation,
    /// Social and share prompts.
    Social,
    /// View, share or comment counters.
    Counter,
    /// Related headlines, "Read more".
    Related,
    /// A tag line.
    Tags,
    /// Comment widgets and threads.
    Comments,
    /// Advertisements.
    Advertisement,
    /// Newsletter, cookie and consent banners.
    Banner,
    /// Copyright lines and footers.
    Footer,
    /// Any other boilerplate.
    Boilerplate,
}

impl BlockKind {
    /// Whether lines of this kind belong to the article text (lede or body).
    pub fn is_article_text(self) -> bool {
        matches!(self, BlockKind::Lede | BlockKind::Body)
    }
}

/// The label of one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineLabel {
    /// What the line is.
    pub kind: BlockKind,
    /// The line.
    pub span: Span,
    /// Confidence in `kind`, from 0 to 1.
    pub confidence: f32,
}

/// The structure of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// The headline.
    pub headline: Option<Span>,
    /// The first paragraph of the body (with its dateline).
    pub lede: Option<Span>,
    /// The body paragraphs after the lede.
    pub body_paragraphs: Vec<Span>,
    /// The byline as written.
    pub byline: Option<Span>,
    /// The names in the byline.
    pub authors: Vec<String>,
    /// The section name.
    pub section: Option<String>,
    /// One label per line of the document, in line order.
    pub lines: Vec<LineLabel>,
}

impl Structure {
    /// The lede and body paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = Span> + '_ {
        self.lede.iter().copied().chain(self.body_paragraphs.iter().copied())
    }

    /// The lede and body paragraphs joined by a blank line.
    pub fn body_text(&self, text: &str) -> String {
        let mut out = String::new();
        for span in self.paragraphs() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(span.text(text));
        }
        out
    }
}

/// Analyses the structure of `doc`.
pub fn analyze(doc: &Document<'_>, _language: Option<&ArticleLanguage>) -> Structure {
    // Baseline: the first block's first line is the headline, every other
    // block a paragraph, the first of them the lede.
    let mut structure = Structure::default();
    let mut labels = Vec::with_capacity(doc.lines().len());
    for (block_index, block) in doc.blocks().iter().enumerate() {
        for (offset, line) in doc.block_lines(block_index).iter().enumerate() {
            let kind = if block_index == 0 && offset == 0 {
                BlockKind::Headline
            } else if structure.lede.is_none() || structure.lede.is_some_and(|l| l.start == block.start) {
                BlockKind::Lede
            } else {
                BlockKind::Body
            };
            if kind == BlockKind::Headline {
                structure.headline = Some(Span::new(line.start, line.end));
            } else if structure.lede.is_none() {
                structure.lede = Some(Span::new(line.start, block.end));
            }
            labels.push(LineLabel {
                kind,
                span: Span::new(line.start, line.end),
                confidence: 0.5,
            });
        }
        if block_index > 0 && structure.lede.is_some_and(|l| l.start != block.start) {
            structure.body_paragraphs.push(Span::new(block.start, block.end));
        }
    }
    structure.lines = labels;
    structure
}
