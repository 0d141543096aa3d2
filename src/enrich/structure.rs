//! Structure: which line is the headline, which paragraph the lede, which
//! paragraphs are the article, and what every other line is.
//!
//! Contract for later stages: [`Structure::lines`] has exactly one label per
//! line of the [`Document`], in the same order, so a stage asks
//! `structure.lines[i].kind` for line `i` and never re-splits the text.

mod body_end;
mod byline;
mod headline;
mod lexicon;
mod line;

use foldhash::{HashMap, HashMapExt};

use super::Span;
use super::document::Document;
use super::language::ArticleLanguage;
use headline::{PageTitle, after_title_match, find_headline};
use line::LineFeatures;

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
        self.lede
            .iter()
            .copied()
            .chain(self.body_paragraphs.iter().copied())
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

/// Compiles the lexicons and patterns so that the first request does not pay
/// for it.
pub fn warm_up() {
    let _ = lexicon::get();
    let _ = line::opens_with_dateline("WASHINGTON (AP) — warm-up");
}

/// Lines of the first block that can be a headline block, at most.
const HEAD_BLOCK_LINES: usize = 3;
/// Lines of the region above a headline found inside it that are dropped,
/// at most.
const HEADLINE_INSIDE: usize = 3;

/// Analyses the structure of `doc`.
pub fn analyze(doc: &Document<'_>, language: Option<&ArticleLanguage>) -> Structure {
    let n = doc.lines().len();
    if n == 0 {
        return Structure::default();
    }
    let lexicon = lexicon::get();
    let lang = language.map(|l| l.article.code);
    let stopwords = lexicon.stopword_list(lang);
    let text = doc.text();
    let folded = lexicon::FoldedLines::new((0..n).map(|i| doc.line_text(i)));
    let mut feats: Vec<LineFeatures> = (0..n)
        .map(|i| {
            let (line, map) = (folded.line(i), folded.map(i));
            let words = doc.words(i);
            let range = doc.lines()[i].range();
            let lowercase = || doc.lowercase().and_then(|l| l.get(range.clone()));
            line::features_folded(
                doc.line_text(i),
                line,
                map,
                words,
                lexicon,
                stopwords,
                &lowercase,
            )
        })
        .collect();
    mark_repeats(doc, &folded, &mut feats);
    mark_wrapped(doc, &mut feats);
    for (i, f) in feats.iter_mut().enumerate() {
        f.indented = is_indented(text, doc.lines()[i].start);
        f.strong = strong_kind(f);
    }
    mark_archive_toolbar(&folded, &mut feats);
    let bylines: Vec<Option<byline::Byline>> = (0..n)
        .map(|i| {
            // A prefix marker opening the line makes it chrome ("Related: By
            // …"); one later in it is the chrome after a byline ("… by Kay
            // 24 Comments").
            if feats[i].scan.has_cue
                && feats[i].words <= 24
                && feats[i].scan.prefix.is_none_or(|(_, at)| at > 0)
            {
                byline::parse(doc.line_text(i), lexicon)
            } else {
                None
            }
        })
        .collect();

    let head_block = head_block_lines(doc, &feats);
    let values: Vec<f32> = (0..n)
        .map(|i| {
            if i < head_block || bylines[i].as_ref().is_some_and(|b| b.span.start == 0) {
                -30.0
            } else {
                value(&feats[i])
            }
        })
        .collect();
    let region = best_region(&values);
    let mut structure = Structure::default();
    let mut kinds: Vec<Option<BlockKind>> = feats.iter().map(|f| f.strong).collect();
    mark_captions(doc, &feats, &mut kinds);
    for (i, b) in bylines.iter().enumerate() {
        let cue_only = feats[i].words <= 2
            && feats[i]
                .scan
                .byline_cue
                .is_some_and(|end| doc.line_text(i)[end..].trim().is_empty());
        let overridable = matches!(
            kinds[i],
            None | Some(BlockKind::Credit | BlockKind::Timestamp | BlockKind::Social)
        );
        let placed = b
            .as_ref()
            .is_some_and(|b| byline::placed_byline(doc, &feats, i, b));
        if (placed || cue_only) && overridable {
            kinds[i] = Some(BlockKind::Byline);
        }
    }

    let mut body: Vec<bool> = vec![false; n];
    let mut title = PageTitle::new(&folded, &feats);
    if let Some((mut a, b)) = region {
        a = extend_start(doc, a, head_block, &feats, &kinds);
        let b = cut_end(a, b, &feats);
        let (moved, b) =
            match after_title_match(doc, &folded, (a, b), &feats, &kinds, &values, &mut title) {
                // The article lies under the title's repeat below the region,
                // or under the page's dated heading far above it.
                (start, end) if start > b || end < a => (start, cut_end(start, end, &feats)),
                region => region,
            };
        a = moved;
        let b = take_closing_lines(b, &feats, &kinds);
        a = adjust_start(a, b, &feats, &kinds);
        for i in a..=b {
            body[i] = kinds[i].is_none() && keep_in_body(&feats[i]);
        }
        // Trim non-body edges.
        let first = (a..=b).find(|&i| body[i]);
        if let Some(first) = first {
            // Headline: before the article.
            let headline =
                find_headline(doc, &folded, &feats, &kinds, first, head_block, &mut title);
            if let Some((line_index, span)) = headline {
                structure.headline = Some(span);
                kinds[line_index] = Some(BlockKind::Headline);
                body[line_index] = false;
                // A headline just inside the region's start: what the region
                // took above it is a caption or a teaser, not the article.
                if line_index > first
                    && line_index <= first + HEADLINE_INSIDE
                    && (first..line_index).all(|i| feats[i].words <= 30)
                {
                    for flag in &mut body[first..line_index] {
                        *flag = false;
                    }
                    // The lede is prose: not the byline or label under
                    // the headline.
                    let mut next = line_index + 1;
                    while next < b
                        && body[next]
                        && !is_good(&feats[next])
                        && !feats[next].terminal
                        && feats[next].words <= 6
                        && (next + 1..=(next + 3).min(b)).any(|i| body[i] && is_good(&feats[i]))
                    {
                        body[next] = false;
                        next += 1;
                    }
                }
                if let Some((i, name)) = find_section(doc, &feats, &kinds, line_index) {
                    structure.section = Some(name);
                    if kinds[i].is_none() || kinds[i] == Some(BlockKind::Navigation) {
                        kinds[i] = Some(BlockKind::Section);
                    }
                }
            }
            if let Some(h) = kinds.iter().position(|k| *k == Some(BlockKind::Headline)) {
                drop_standfirst(doc, &feats, &mut kinds, &mut body, h);
            }
            let first = (a..=b).find(|&i| body[i]).unwrap_or(first);
            let headline_at = kinds.iter().position(|k| *k == Some(BlockKind::Headline));
            let found = byline::find_byline(&byline::Page {
                doc,
                folded: &folded,
                feats: &feats,
                kinds: &kinds,
                bylines: &bylines,
                body: &body,
                first,
                last: b,
                headline: headline_at,
            });
            if let Some((i, span, names)) = found {
                structure.byline = Some(span);
                structure.authors = names;
                kinds[i] = Some(BlockKind::Byline);
            }
            // A clean document (no chrome outside the article): blocks are
            // paragraphs even where a line of them was left out.
            let clean = first <= head_block + 3
                && b + 3 >= n
                && (head_block..n).all(|i| kinds[i].is_none() || i >= n.saturating_sub(2));
            if clean {
                let lines = doc.lines();
                let mut has_body = vec![false; doc.blocks().len()];
                for i in head_block..n {
                    has_body[lines[i].block] |= body[i];
                }
                for i in head_block..n {
                    if has_body[lines[i].block] && kinds[i].is_none() && i >= first {
                        body[i] = true;
                    }
                }
                adopt_opening_sentence(doc, &feats, &kinds, &mut body, head_block);
            }
            if !clean {
                drop_short_runs(doc, &feats, &kinds, &mut body);
                drop_after_list_headers(&feats, &kinds, &mut body);
                body_end::drop_author_boxes(doc, &feats, &mut body);
                body_end::drop_dated_teasers(doc, &feats, &mut body);
                body_end::drop_box_text(&feats, &kinds, &mut body);
                body_end::drop_box_blocks(doc, &feats, &kinds, &mut body);
                body_end::drop_author_cards(&folded, &feats, &structure.authors, &mut body);
                trim_bio(doc, &folded, &feats, first, &structure.authors, &mut body);
                trim_tail(first, &feats, &mut body);
                body_end::adopt_closing_list(doc, &feats, &kinds, &mut body);
                body_end::adopt_recipe_card(&folded, &feats, &kinds, &mut body);
                if let Some(h) = headline_at {
                    body_end::adopt_recipe_card_above(&folded, &feats, &kinds, h, &mut body);
                }
                body_end::adopt_sign_off(doc, &feats, &kinds, &mut body);
                body_end::drop_tail_scraps(&feats, &kinds, &mut body);
                drop_tail_intro(first, &feats, &mut body);
                if let Some(h) = headline_at {
                    adopt_prose_above(h, &feats, &kinds, &mut body);
                }
                drop_captioned_lede(&feats, &mut kinds, &mut body);
            }
            let paragraphs = paragraphs(doc, &feats, &body, clean);
            let mut iter = paragraphs.into_iter();
            structure.lede = iter.next();
            structure.body_paragraphs = iter.collect();
        }
    } else if let Some((line_index, span)) =
        find_headline(doc, &folded, &feats, &kinds, n, head_block, &mut title)
    {
        structure.headline = Some(span);
        kinds[line_index] = Some(BlockKind::Headline);
    }

    // Labels for every line.
    let lede_lines = structure.lede.map_or(0..0, |l| l.start..l.end);
    let headline_line = kinds.iter().position(|k| *k == Some(BlockKind::Headline));
    let first_body = body.iter().position(|&b| b).unwrap_or(n);
    let last_body = body.iter().rposition(|&b| b).unwrap_or(0);
    structure.lines = doc
        .lines()
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let f = &feats[i];
            let (kind, confidence) = if body[i] {
                let kind = if lede_lines.contains(&l.start) {
                    BlockKind::Lede
                } else {
                    BlockKind::Body
                };
                (kind, 0.8)
            } else if let Some(kind) = kinds[i] {
                (kind, 0.8)
            } else if f.dateline && f.words <= 6 {
                (BlockKind::Dateline, 0.6)
            } else if headline_line.is_some_and(|h| i > h) && i < first_body {
                if f.words >= 6 {
                    (BlockKind::Deck, 0.5)
                } else {
                    (BlockKind::Caption, 0.4)
                }
            } else if i > last_body && first_body < n {
                if f.terminal && f.words > 12 {
                    (BlockKind::Comments, 0.4)
                } else {
                    (BlockKind::Related, 0.4)
                }
            } else if f.words <= 4 {
                (BlockKind::Navigation, 0.5)
            } else {
                (BlockKind::Boilerplate, 0.4)
            };
            LineLabel {
                kind,
                span: Span::new(l.start, l.end),
                confidence,
            }
        })
        .collect();
    structure
}

/// Most words of a short opening sentence taken into a clean story.
const OPENING_SENTENCE_WORDS: usize = 12;

/// Takes into a clean story (nothing but its headline block above the
/// article) the short sentence set alone in a paragraph right under the
/// headline block ("He's back." / "It was a long night in the capital."):
/// the writer's opening line, which scores below zero alone and so falls
/// outside the best region. A label ("ABSTRACT.", "Letters.") has no word
/// in lower case, and a caption or a credit has its kind.
fn adopt_opening_sentence(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
    head_block: usize,
) {
    let Some(first) = body.iter().position(|&b| b) else {
        return;
    };
    let lines = doc.lines();
    if first == 0 || first - 1 != head_block {
        return;
    }
    let p = first - 1;
    let f = &feats[p];
    let alone =
        lines[p].block != lines[first].block && (p == 0 || lines[p - 1].block != lines[p].block);
    let opening = alone
        && kinds[p].is_none()
        && f.terminal
        && (2..=OPENING_SENTENCE_WORDS).contains(&f.words)
        && f.lower_words >= 1
        && !f.dateline
        && !f.caption
        && !f.markup
        && f.repeats <= 1
        && doc
            .line_text(p)
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase());
    if opening {
        body[p] = true;
    }
}

/// Lines under a photo's credit in which the article must go on.
const AFTER_CREDIT_REACH: usize = 3;

/// Takes out of the body a photo's caption that the article opens with: a
/// first body line right over a credit line ("Image: Jane Doe"), set a
/// blank line apart (a caption in the same block is found earlier), when a
/// full paragraph follows within [`AFTER_CREDIT_REACH`] lines of the
/// credit.
fn drop_captioned_lede(feats: &[LineFeatures], kinds: &mut [Option<BlockKind>], body: &mut [bool]) {
    let n = body.len();
    let Some(first) = body.iter().position(|&b| b) else {
        return;
    };
    let f = &feats[first];
    let captioned = first + 2 < n
        && !body[first + 1]
        && kinds[first + 1] == Some(BlockKind::Credit)
        && feats[first + 1].words <= CREDIT_MAX_WORDS
        && f.words <= OVER_CREDIT_MAX_WORDS
        && !f.dateline
        && !f.wrapped
        && (first + 2..n.min(first + 2 + AFTER_CREDIT_REACH))
            .any(|i| body[i] && full_paragraph(&feats[i]));
    if captioned {
        body[first] = false;
        kinds[first] = Some(BlockKind::Caption);
    }
}

/// Longest photo credit under a caption, in words.
const CREDIT_MAX_WORDS: usize = 6;
/// Longest line taken for a caption for the credit under it, in words: a
/// longer one is the article's paragraph over its source line.
const OVER_CREDIT_MAX_WORDS: usize = 35;
/// Longest caption, in words.
const CAPTION_MAX_WORDS: usize = 60;
/// Fewest photo credits in one block that make it a gallery's: captions
/// and their credits in turn.
const GALLERY_CREDITS: usize = 2;

/// Most words of a credit's bare label ("Photo:", "Foto de:").
const CREDIT_LABEL_WORDS: usize = 2;

/// Labels the photo captions: a line shaped like one (a gallery counter
/// opening it, a bracketed credit closing it), or a line set right on top of
/// a credit line in the same block ("Ducks on the river at dawn." /
/// "Photo: Jane Doe") or right under one, closing the block ("© Jan Berg" /
/// "A lammergeier in flight."). A figure's credit sits by its caption, while an
/// article's paragraph is a block of its own. A credit's bare label whose
/// name stands on the line under it ("Foto:" / "Jan Berg") is the figure's
/// even a blank line apart: flattening set each of its parts in a block of
/// its own, and an article's paragraph is never closed by a lone label. In
/// a gallery's block, where credits close one caption after another, a
/// caption may run longer than one over a lone credit.
fn mark_captions(doc: &Document<'_>, feats: &[LineFeatures], kinds: &mut [Option<BlockKind>]) {
    let lines = doc.lines();
    let is_credit = |i: usize, kinds: &[Option<BlockKind>]| {
        kinds[i] == Some(BlockKind::Credit) && feats[i].words <= CREDIT_MAX_WORDS
    };
    // Photo credits in each block: two or more make it a gallery's.
    let mut credits = vec![0usize; doc.blocks().len()];
    for i in (0..feats.len()).filter(|&i| is_credit(i, kinds)) {
        credits[lines[i].block] += 1;
    }
    for i in 0..feats.len() {
        let f = &feats[i];
        if kinds[i].is_some() || f.wrapped || f.dateline || f.words > CAPTION_MAX_WORDS {
            continue;
        }
        // A photo credit is a few words ("Photo: Getty Images"); a longer
        // source line closes the article ("Source: … - news for …"). In a
        // gallery's block, where credits close one caption after another,
        // a longer caption is still one.
        let most = if credits[lines[i].block] >= GALLERY_CREDITS {
            CAPTION_MAX_WORDS
        } else {
            OVER_CREDIT_MAX_WORDS
        };
        let credit = i + 1 < feats.len() && f.words <= most && is_credit(i + 1, kinds);
        let label = credit
            && lines[i + 1].block != lines[i].block
            && feats[i + 1].colon_end
            && feats[i + 1].words <= CREDIT_LABEL_WORDS;
        let over_credit = credit && (lines[i + 1].block == lines[i].block || label);
        if f.caption || over_credit || under_photo_credit(doc, feats, kinds, i) {
            kinds[i] = Some(BlockKind::Caption);
        }
        // The name under a bare label is the credit's own.
        if label
            && i + 2 < feats.len()
            && kinds[i + 2].is_none()
            && feats[i + 2].words <= CREDIT_MAX_WORDS
        {
            kinds[i + 2] = Some(BlockKind::Credit);
        }
    }
}

/// Longest caption under its photo's credit, in words: a longer line is the
/// article's paragraph set under the credit.
const UNDER_CREDIT_MAX_WORDS: usize = 25;

/// Whether line `i` is a caption set under its photo's credit in one block
/// ("© Jan Berg" / "A lammergeier in flight.", "Kari Berg/imagebank.example.se"
/// / "Moose by the road at dusk."), closing that block: a short
/// sentence, no dateline, right under a short credit or copyright mark (a
/// subheading under a credit ends no sentence: "Foto: Jan Berg" / "Kritik
/// der Verbände"). The page's copyright line names its year; a photo's
/// credit names a person or an agency.
fn under_photo_credit(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    i: usize,
) -> bool {
    let lines = doc.lines();
    let f = &feats[i];
    i > 0
        && lines[i - 1].block == lines[i].block
        && lines.get(i + 1).is_none_or(|l| l.block != lines[i].block)
        && f.words <= UNDER_CREDIT_MAX_WORDS
        && f.terminal
        && !f.dateline
        && !f.wrapped
        && {
            let credit = &feats[i - 1];
            credit.words <= CREDIT_MAX_WORDS
                && credit.digits == 0
                && match kinds[i - 1] {
                    Some(BlockKind::Credit) => true,
                    Some(BlockKind::Footer) => doc.line_text(i - 1).contains('©'),
                    None => credit.slash_credit,
                    _ => false,
                }
        }
}

/// Longest line start, in bytes, compared when counting repeats.
const REPEAT_KEY_BYTES: usize = 200;

/// Counts, for every line, the lines of the page with the same folded text
/// (their first [`REPEAT_KEY_BYTES`]).
fn mark_repeats(doc: &Document<'_>, folded: &lexicon::FoldedLines, feats: &mut [LineFeatures]) {
    let keys: Vec<&str> = (0..feats.len())
        .map(|i| {
            let t = doc.line_text(i);
            if t.len() > REPEAT_KEY_BYTES {
                let mut end = REPEAT_KEY_BYTES;
                while !t.is_char_boundary(end) {
                    end -= 1;
                }
                folded.prefix(i, end)
            } else {
                folded.line(i)
            }
        })
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(keys.len());
    for k in &keys {
        *counts.entry(k).or_default() += 1;
    }
    for (f, k) in feats.iter_mut().zip(&keys) {
        f.repeats = counts.get(k).copied().unwrap_or(1);
    }
    // The same line with other figures: a hash of the folded text with each
    // run of digits read as one digit, for the lines that hold digits.
    let mut shape = Vec::new();
    let shapes: Vec<u64> = keys
        .iter()
        .zip(feats.iter())
        .map(|(k, f)| {
            if f.digits > 0 {
                shape_hash(k, &mut shape)
            } else {
                0
            }
        })
        .collect();
    let mut shape_counts: HashMap<u64, usize> = HashMap::with_capacity(keys.len());
    for &h in shapes.iter().filter(|&&h| h != 0) {
        *shape_counts.entry(h).or_default() += 1;
    }
    for (f, h) in feats.iter_mut().zip(&shapes) {
        f.shape_repeats = if *h == 0 {
            0
        } else {
            shape_counts.get(h).copied().unwrap_or(1)
        };
    }
}

/// A hash of `text` with every run of ASCII digits read as one `0`; never 0.
/// The folded text is copied run by run into `shape`, a buffer the caller
/// reuses, and hashed in one call: fed a byte at a time, the hasher ran its
/// mixing step on every byte of every line with a figure.
fn shape_hash(text: &str, shape: &mut Vec<u8>) -> u64 {
    use std::hash::BuildHasher;
    shape.clear();
    let mut rest = text.as_bytes();
    while let Some(start) = line::first_digit(rest) {
        shape.extend_from_slice(&rest[..start]);
        shape.push(b'0');
        let run = rest[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        rest = &rest[start + run..];
    }
    shape.extend_from_slice(rest);
    foldhash::fast::FixedState::with_seed(0x5eed)
        .hash_one(&shape[..])
        .max(1)
}

/// The labels that open and close the capture panel a web archive's
/// toolbar sets over an archived page ("About this capture" … "COLLECTED
/// BY" / "Organization: …" / the collection's description … "TIMESTAMPS"),
/// folded. The Wayback Machine writes them in English whatever the page's
/// language.
const ARCHIVE_PANEL: (&str, &str) = ("about this capture", "timestamps");
/// Most lines of an archive's capture panel.
const ARCHIVE_PANEL_LINES: usize = 30;
/// The line a web archive sets under its panel, naming itself and the
/// capture's address ("The Wayback Machine - https://web.archive.org/…"),
/// folded.
const ARCHIVE_BANNER: &str = "the wayback machine - ";

/// Marks as boilerplate the capture panel of a web archive's toolbar over
/// an archived page, from its opening label to its closing one, and the
/// archive's banner line under it: the panel describes the archive's
/// collection in sentences that read like an article's lede.
fn mark_archive_toolbar(folded: &lexicon::FoldedLines, feats: &mut [LineFeatures]) {
    let n = feats.len();
    let (open, close) = ARCHIVE_PANEL;
    let Some(start) = (0..n).find(|&i| folded.line(i).trim() == open) else {
        return;
    };
    let Some(mut end) =
        (start + 1..n.min(start + ARCHIVE_PANEL_LINES)).find(|&i| folded.line(i).trim() == close)
    else {
        return;
    };
    if end + 1 < n && folded.line(end + 1).starts_with(ARCHIVE_BANNER) {
        end += 1;
    }
    for f in &mut feats[start..=end] {
        f.strong = Some(BlockKind::Boilerplate);
    }
}

/// Marks the lines of hard-wrapped blocks (wire copy at a fixed width): at
/// least three lines, most of them 45 to 90 characters long and not ending a
/// sentence.
fn mark_wrapped(doc: &Document<'_>, feats: &mut [LineFeatures]) {
    for block in doc.blocks() {
        let lines = block.first_line..block.end_line;
        let count = lines.len();
        if count < 3 {
            continue;
        }
        let wrapped = lines
            .clone()
            .filter(|&i| (45..=90).contains(&feats[i].length) && !feats[i].terminal)
            .count();
        if wrapped * 2 >= count {
            for i in lines {
                feats[i].wrapped = true;
            }
        }
    }
}

/// Whether the raw line that `start` begins is indented (two spaces or a tab).
fn is_indented(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut width = 0;
    while i > 0 && width < 16 {
        match bytes[i - 1] {
            b' ' => width += 1,
            b'\t' => width += 4,
            b'\n' | b'\r' => return width >= 2,
            _ => return false,
        }
        i -= 1;
    }
    i == 0 && width >= 2
}

/// Fewest letters of a notice's phrase that mark a long paragraph: a
/// disclosure's or a moderation note's clause of three words ("we may
/// receive compensation", "Kommentare werden moderiert") is as sure a mark
/// as a longer one.
const NOTICE_PHRASE: usize = 24;
/// Longest paragraph a notice's phrase marks, in words.
const NOTICE_WORDS: usize = 80;

/// The kind of a line the lexicons or its shape make certain.
fn strong_kind(f: &LineFeatures) -> Option<BlockKind> {
    // A server's error print-out reads like prose to the other signals.
    if f.diagnostic {
        return Some(BlockKind::Boilerplate);
    }
    if let Some((kind, _)) = f.scan.prefix {
        // A link to another post opens with its label and goes on with that
        // post's title; a sentence opening with the same words ends with a
        // stop ("Следующая статья закона …").
        let sentence = kind == BlockKind::Navigation && f.terminal && f.words >= 6;
        // A cookie or consent notice explains its purposes and partners in
        // a paragraph of its own, longer than any label: left unmarked, it
        // reads as prose and can win the region from a short article.
        let most = if kind == BlockKind::Banner {
            NOTICE_WORDS
        } else {
            40
        };
        if f.words <= most && !sentence {
            return Some(kind);
        }
    }
    if f.scan.body_start && f.words <= 4 {
        return Some(BlockKind::Boilerplate);
    }
    if f.alnum == 0 {
        return Some(if f.length > 3 {
            BlockKind::Boilerplate
        } else {
            BlockKind::Navigation
        });
    }
    let date_cov = (f.scan.date_covered + f.scan.covered + f.digits) as f32 / f.alnum as f32;
    // A longer line is a date line only when dates fill nearly all of it
    // ("Tue 4 Feb 2020 09.12 GMT Last modified on Tue 4 Feb 2020 …").
    let words_max = if date_cov >= 0.85 { 20 } else { 14 };
    if f.digits > 0
        && f.words <= words_max
        && date_cov >= 0.7
        && !f.terminal
        && f.scan.date_covered + f.digits >= 4
    {
        if f.scan.kind.is_some() && f.scan.covered > f.scan.date_covered + f.digits {
            return f.scan.kind;
        }
        if f.scan.date_covered > 0 || f.clock {
            return Some(BlockKind::Timestamp);
        }
    }
    if f.dated_name && f.scan.kind.is_none_or(|k| k == BlockKind::Timestamp) {
        return Some(BlockKind::Timestamp);
    }
    // A long, specific phrase ("Your email address will not be published")
    // marks its line even when the line says more.
    if f.scan.longest >= 12 && f.words <= 30 && f.coverage() >= 0.3 {
        return f.scan.kind;
    }
    // A whole clause of a page's notice ("… not intended to diagnose, treat,
    // cure, or prevent any disease", "Kommentare werden vor der
    // Veröffentlichung geprüft") marks a paragraph of legal or comment
    // policy text however long: an article says it in its own words.
    if f.scan.longest >= NOTICE_PHRASE
        && f.words <= NOTICE_WORDS
        && matches!(
            f.scan.kind,
            Some(BlockKind::Footer | BlockKind::Comments | BlockKind::Banner)
        )
    {
        return f.scan.kind;
    }
    if f.words <= 14 && f.coverage() >= 0.75 {
        if let Some(kind) = f.scan.kind {
            return Some(kind);
        }
        if f.digits > 0 && f.digits * 2 >= f.alnum {
            return Some(BlockKind::Counter);
        }
    }
    // A teaser between arrow chevrons links to another story, also when it
    // sits between the article's paragraphs; a ticker's row of headlines
    // teases several, and a download list's row links to a file.
    if f.chevron_link || f.news_ticker || f.download_link {
        return Some(BlockKind::Related);
    }
    if f.range_counter {
        return Some(BlockKind::Counter);
    }
    None
}

/// How much a line adds to the article region: positive for prose, negative
/// for chrome.
fn value(f: &LineFeatures) -> f32 {
    if let Some(kind) = f.strong {
        return match kind {
            BlockKind::Comments | BlockKind::Footer | BlockKind::Related | BlockKind::Banner => {
                -60.0
            }
            _ => -25.0,
        };
    }
    let len = f.length as f32;
    if f.repeats > 1 && !f.terminal {
        return -20.0;
    }
    if is_item_stamp(f) {
        return -20.0;
    }
    if is_good(f) {
        len.min(1000.0)
    } else if len >= 40.0 && !f.terminal && f.words <= 20 && !f.wrapped {
        // Headline-shaped: a subheading inside the article, a related
        // headline at its edges.
        -6.0
    } else if len >= 40.0 && (f.stop_ratio >= 0.1 || f.terminal) {
        len * 0.2
    } else if f.terminal {
        -4.0
    } else {
        -12.0
    }
}

/// Fewest lines of one shape, figures aside, that make a list's item stamp.
const STAMP_REPEATS: usize = 3;
/// Least article text, in bytes of prose, above item stamps that end it.
const STAMP_CUT_BEFORE: usize = 600;
/// Lines above a stamp searched for the commenter's name, at most.
const STAMP_ITEM_REACH: usize = 4;
/// Fewest letters of an item stamp.
const STAMP_LETTERS: usize = 8;
/// Longest item stamp, in words.
const STAMP_WORDS: usize = 8;

/// A short line said under every item of a list with other figures
/// ("Liked by 14 readers", "posted 3 days ago in Forum", "12 comments"): a
/// comment thread's or a teaser list's, not the article's.
fn is_item_stamp(f: &LineFeatures) -> bool {
    let letters = f.alnum - f.digits.min(f.alnum);
    f.shape_repeats >= STAMP_REPEATS
        && f.repeats < f.shape_repeats
        && f.words <= STAMP_WORDS
        && !f.terminal
        // Words around the figure ("Liked by 14 readers"), not a figure with a
        // label ("Day 7", "90'", "Lap 14 65.25 s"): a row of the story's data.
        && letters >= STAMP_LETTERS
        && letters >= 2 * f.digits
}

/// Prose: long enough, and either full of stopwords or ending like a sentence.
fn is_good(f: &LineFeatures) -> bool {
    let len = f.length;
    (len >= 80 && (f.stop_ratio >= 0.18 || (f.terminal && f.stop_ratio >= 0.08)))
        || (len >= 150 && f.terminal)
}

/// Most short closing sentences taken after the region's end.
const CLOSING_LINES: usize = 2;

/// Extends the article's end `b` over one or two short sentences that close
/// it ("“We will keep talking. We have to.”", "It was not to be."): each
/// scores below zero on its own, so the best region ends above them, yet
/// nothing but the page's end or a labelled line (credit, tag line, footer)
/// follows them. A comment thread or teaser list goes on with more lines.
/// An embedded post's signature right under the region ends it too.
fn take_closing_lines(b: usize, feats: &[LineFeatures], kinds: &[Option<BlockKind>]) -> usize {
    // An embedded post's signature right under the region closes the post
    // the article quotes there, whatever follows it.
    if feats.get(b + 1).is_some_and(|f| f.post_signature) && kinds[b + 1].is_none() {
        return b + 1;
    }
    let sentence = |f: &LineFeatures| {
        f.terminal && f.words >= 3 && f.lower_words >= 2 && f.repeats <= 1 && !f.markup
    };
    let run = (b + 1..feats.len())
        .take_while(|&i| kinds[i].is_none() && sentence(&feats[i]))
        .take(CLOSING_LINES + 1)
        .count();
    let next = b + 1 + run;
    if run == 0 || run > CLOSING_LINES || next < feats.len() && kinds[next].is_none() {
        return b;
    }
    b + run
}

/// Whether a line inside the article region belongs to the body.
fn keep_in_body(f: &LineFeatures) -> bool {
    // A short line that is no sentence and names a prompt ("Get our
    // newsletter", "Share this story", "Leave a comment") is chrome set
    // inside the article.
    let prompt = !f.terminal
        && !f.wrapped
        && f.words <= 16
        && f.scan.longest >= 6
        && matches!(
            f.scan.kind,
            Some(
                BlockKind::Banner
                    | BlockKind::Social
                    | BlockKind::Comments
                    | BlockKind::Footer
                    | BlockKind::Advertisement
            )
        );
    !(prompt || f.markup || f.slash_credit || f.repeats > 1 && !f.terminal && f.words <= 6)
}

/// The highest-scoring run of lines (maximum subarray), if any scores above 0.
fn best_region(values: &[f32]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut start = 0usize;
    for (i, &v) in values.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += v;
        if sum > 0.0 && best.is_none_or(|(s, _, _)| sum > s) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, a, b)| (a, b))
}

/// Ends the article at the first end marker (comments, footer, banner, a
/// "Related" header, a tag line, a bare byline cue) once more article text
/// comes before it than after it, or a third of it and at least 600
/// characters (a short article over a long teaser list). A "Most read" box
/// or a photo's copyright line with paragraphs under it is inside the
/// article, not its end.
fn cut_end(a: usize, b: usize, feats: &[LineFeatures]) -> usize {
    let good = |i: usize| {
        if is_good(&feats[i]) {
            feats[i].length
        } else {
            0
        }
    };
    let total: usize = (a..=b).map(good).sum();
    // Item stamps from each line to the region's end.
    let mut stamps_after = vec![0usize; b + 2 - a];
    for i in (a..=b).rev() {
        stamps_after[i - a] = stamps_after[i + 1 - a] + usize::from(is_item_stamp(&feats[i]));
    }
    let mut before = 0usize;
    for i in a..=b {
        let f = &feats[i];
        let marker = match f.strong {
            Some(BlockKind::Comments | BlockKind::Tags) => true,
            // A newsletter box or an embed's consent note set between the
            // article's paragraphs, with paragraphs right under it; the one
            // that closes the article has none.
            Some(BlockKind::Banner) => !paragraphs_follow(i, b, feats),
            // A short copyright line with paragraphs under it is a photo's
            // credit ("© Bild: Werk"), not the page's footer, even when a
            // subheading or the caption sits between them.
            Some(BlockKind::Footer) => {
                f.words > CREDIT_MAX_WORDS
                    || !(credit_over_paragraphs(i, b, feats)
                        || credit_over_last_paragraph(i, b, feats))
            }
            // A teaser box the article goes on under ("Most read", five
            // headlines, then paragraphs again) sits inside it; the one that
            // closes it has no full paragraphs below it. A marker opening a
            // line of its own is a teaser inside the article ("Read more:
            // …", ">> … <<"), and so is a download link ("Report (PDF,
            // 2 MB)"), unless the marker is all the line says
            // ("Related", "Related links:") and a headline without a stop
            // comes under it: then it heads the box of teasers that closes
            // the article.
            Some(BlockKind::Related) => {
                let closing_box = bare_header(f, before)
                    && !link_box(i, b, feats)
                    && i < b
                    && !feats[i + 1].terminal;
                let teaser = f.scan.prefix.is_some() || f.chevron_link || f.download_link;
                (!teaser || closing_box) && !prose_resumes(i, b, feats)
            }
            // A bare byline cue ("Author", "Written by") heads the author's
            // box under the article.
            _ => f.words <= 2 && f.scan.byline_cue.is_some_and(|end| end + 1 >= f.length),
        };
        // A commenter's line ("Ana on May 3 said:") ends the article however
        // long the thread below it is.
        let thread = f.strong == Some(BlockKind::Comments) && f.scan.prefix.is_some();
        // Stamps under the items of a list from here on ("Rating: 36
        // Votes" under each comment) under a whole article. A table's rows
        // come one under the other, and a record's fields among short
        // lines; the stamps of a thread stand each next to its comment.
        let stamp = i > a
            && is_item_stamp(f)
            && !is_item_stamp(&feats[i - 1])
            && !feats.get(i + 1).is_some_and(is_item_stamp)
            && (is_good(&feats[i - 1]) || feats.get(i + 1).is_some_and(is_good))
            && stamps_after[i - a] >= STAMP_REPEATS
            && before >= STAMP_CUT_BEFORE;
        if stamp {
            // The stamp closes its comment: the comment and the commenter's
            // name above it go too, when a name stands right over it.
            let lo = i.saturating_sub(STAMP_ITEM_REACH).max(a + 1);
            let name = (lo..i).rev().find(|&j| !is_good(&feats[j]));
            if let Some(j) = name.filter(|&j| feats[j].words <= 3 && !feats[j].terminal) {
                return j - 1;
            }
            return i - 1;
        }
        if (marker
            && before >= 200
            && (before > total - before || before >= 600 && before * 2 >= total - before)
            || thread && before >= 200)
            && i > a
        {
            // Leave out the thread's header too ("Comments", "10 Responses").
            let mut end = i - 1;
            while end > a && thread && !is_good(&feats[end]) && feats[end].words <= 6 {
                end -= 1;
            }
            return end;
        }
        before += good(i);
    }
    b
}

/// Whether two full paragraphs follow the line at `i` inside the region
/// ending at `b`, right under it or with one subheading between them (a
/// photo's credit sits where the article goes on: "© Agentur" / paragraph /
/// "Neue Vorwürfe" / paragraph).
fn credit_over_paragraphs(i: usize, b: usize, feats: &[LineFeatures]) -> bool {
    let full = |j: usize| j <= b && full_paragraph(&feats[j]);
    let heading = |j: usize| {
        j <= b && {
            let f = &feats[j];
            f.strong.is_none() && !f.terminal && (2..=12).contains(&f.words)
        }
    };
    full(i + 1) && (full(i + 2) || heading(i + 2) && full(i + 3))
}

/// Whether the short credit at `i` is a photo's over the article's closing
/// paragraph: the region ends with one paragraph of prose right under it
/// ("©iStock" / paragraph / "You may also like:"). The page's copyright
/// line names its year; a photo's credit names an agency or a person.
fn credit_over_last_paragraph(i: usize, b: usize, feats: &[LineFeatures]) -> bool {
    i + 1 == b && feats[i].digits == 0 && prose_paragraph(&feats[b])
}

/// Most words of a box header that is its marker and little else.
const BARE_HEADER_WORDS: usize = 4;

/// A box header that is its marker and little else ("Related", "Related
/// links:"), said once on the page, under a whole article: not a teaser's
/// label with a headline after it, nor the link repeated under every
/// teaser of a portal ("Mehr erfahren", "weiterlesen"), nor the box under
/// a short article whose end the region has yet to settle.
fn bare_header(f: &LineFeatures, before: usize) -> bool {
    f.words <= BARE_HEADER_WORDS
        && f.marker_coverage() >= 0.5
        && f.repeats <= 1
        && before >= STAMP_CUT_BEFORE
}

/// Most lines of a box of links set between the article's paragraphs.
const LINK_BOX_LINES: usize = 3;

/// Whether the header at `i` heads a box of a link or two set inside the
/// article ("Related Links" / "Agency website" / paragraph): a full
/// paragraph within [`LINK_BOX_LINES`] lines under it, inside the region
/// ending at `b`. A teaser list runs longer before any prose.
fn link_box(i: usize, b: usize, feats: &[LineFeatures]) -> bool {
    (i + 1..=b.min(i + LINK_BOX_LINES)).any(|j| full_paragraph(&feats[j]))
}

/// Lines under a box looked at for the article's paragraphs, at most.
const RESUME_REACH: usize = 6;

/// Whether two paragraphs of the article follow the box at `i` within
/// [`RESUME_REACH`] lines, inside the region ending at `b`, before any
/// other box.
fn paragraphs_follow(i: usize, b: usize, feats: &[LineFeatures]) -> bool {
    let mut paragraphs = 0;
    for f in &feats[i + 1..=b.min(i + RESUME_REACH)] {
        // Another box under it ("Keep reading", "Comments"): the page's
        // end, whatever prose its teasers hold. More lines of the banner
        // are its own pitch.
        if matches!(
            f.strong,
            Some(BlockKind::Related | BlockKind::Comments | BlockKind::Footer | BlockKind::Tags)
        ) {
            return false;
        }
        paragraphs += usize::from(f.strong.is_none() && full_paragraph(f));
    }
    paragraphs >= 2
}

/// A paragraph of the article for sure: [`prose_paragraph`] ending a
/// sentence.
fn full_paragraph(f: &LineFeatures) -> bool {
    prose_paragraph(f) && f.terminal
}

/// Prose of at least 15 words, said once on the page, however it ends (a
/// closing paragraph may end with an emoji or a link).
fn prose_paragraph(f: &LineFeatures) -> bool {
    is_good(f) && f.words >= 15 && f.repeats <= 1
}

/// Whether the article resumes under the box header at `header`: short
/// teaser lines right under it, then two full paragraphs in a row within
/// [`LIST_HEADER_REACH`] lines, inside the region ending at `b`. A teaser
/// list puts a headline over each summary, never two paragraphs in a row;
/// a list of summaries alone starts with one under the header.
fn prose_resumes(header: usize, b: usize, feats: &[LineFeatures]) -> bool {
    let full = |i: usize| full_paragraph(&feats[i]);
    let end = (header + LIST_HEADER_REACH).min(b);
    header + 1 < end && !full(header + 1) && (header + 2..end).any(|i| full(i) && full(i + 1))
}

/// Moves the start of the article back over the lines the region left out
/// of its first paragraph: the start of a hard-wrapped paragraph, or a
/// dateline line a few lines up.
fn extend_start(
    doc: &Document<'_>,
    mut a: usize,
    head_block: usize,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
) -> usize {
    let lines = doc.lines();
    let lo = a.saturating_sub(6).max(head_block);
    if let Some(d) = (lo..a).find(|&i| feats[i].dateline && kinds[i].is_none()) {
        if (d..a).all(|i| {
            !matches!(
                kinds[i],
                Some(BlockKind::Navigation | BlockKind::Related | BlockKind::Comments)
            )
        }) {
            a = d;
        }
    }
    while a > head_block
        && lines[a - 1].block == lines[a].block
        && kinds[a - 1].is_none()
        && !feats[a - 1].terminal
        && !feats[a].indented
        && feats[a - 1].length >= 30
        && (feats[a - 1].dateline
            || doc
                .line_text(a)
                .chars()
                .next()
                .is_some_and(char::is_lowercase))
    {
        a -= 1;
    }
    a
}

/// The section: the nearest short label above the headline (a breadcrumb
/// or the menu item repeated above it), or a word glued to the end of a
/// date line ("…Mar 8, 2024Economy"). Returns its line and name.
fn find_section(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    headline: usize,
) -> Option<(usize, String)> {
    let lo = headline.saturating_sub(12);
    for i in (lo..headline).rev() {
        let f = &feats[i];
        let text = doc.line_text(i);
        match kinds[i] {
            None | Some(BlockKind::Navigation)
                if (1..=3).contains(&f.words)
                    && f.digits == 0
                    && !f.terminal
                    && f.length <= 30
                    && f.repeats >= 2 =>
            {
                return Some((i, text.to_owned()));
            }
            Some(BlockKind::Timestamp) => {
                // A capitalised word glued to the date: "2024Economy".
                let tail_start = text
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_alphabetic())
                    .last()
                    .map(|(p, _)| p);
                if let Some(p) = tail_start {
                    let tail = &text[p..];
                    let glued = text[..p]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_digit());
                    if glued
                        && tail.chars().next().is_some_and(char::is_uppercase)
                        && tail.chars().count() >= 3
                    {
                        return Some((i, tail.to_owned()));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Moves the start of the article past what the region picked up of the
/// header: a "FULL TEXT" marker, a deck or caption before a byline or date
/// line, anything before a dateline that opens the lede.
fn adjust_start(a: usize, b: usize, feats: &[LineFeatures], kinds: &[Option<BlockKind>]) -> usize {
    let mut start = a;
    if let Some(marker) = (a..=b)
        .rev()
        .find(|&i| feats[i].scan.body_start && feats[i].words <= 4)
    {
        if marker < b {
            start = marker + 1;
        }
    }
    let window = (start + 8).min(b);
    if let Some(d) = (start..=window).find(|&i| feats[i].dateline && kinds[i].is_none()) {
        return d;
    }
    let window = (start + 12).min(b);
    if let Some(last) = (start..=window).rev().find(|&i| {
        matches!(
            kinds[i],
            Some(BlockKind::Byline) | Some(BlockKind::Timestamp)
        )
    }) {
        let skipped_prose = (start..last).filter(|&i| is_good(&feats[i])).count();
        if last < b && skipped_prose <= 1 && (last + 1..=b).any(|i| is_good(&feats[i])) {
            start = last + 1;
        }
    }
    // The lede is prose: skip short lines (roles, captions, labels) when
    // prose follows within a few lines.
    while start < b
        && !is_good(&feats[start])
        && !feats[start].dateline
        && (feats[start].words <= 4 || !feats[start].terminal)
        && (start + 1..=(start + 3).min(b)).any(|i| is_good(&feats[i]))
    {
        start += 1;
    }
    // A caption or a standfirst above the lede: a credit-closed or gallery
    // line, or a long line that ends no sentence, when sentences follow.
    for _ in 0..3 {
        let f = &feats[start];
        let prose_after =
            (start + 1..=(start + 3).min(b)).any(|i| is_good(&feats[i]) && feats[i].terminal);
        if start < b && f.caption && !f.wrapped && prose_after {
            start += 1;
        } else {
            break;
        }
    }
    start
}

/// The number of lines at the top that form a headline block (the first
/// block, when it is short): never body.
fn head_block_lines(doc: &Document<'_>, feats: &[LineFeatures]) -> usize {
    let Some(block) = doc.blocks().first() else {
        return 0;
    };
    let lines = block.end_line - block.first_line;
    let short = (block.first_line..block.end_line).all(|i| feats[i].length <= 220);
    if lines <= HEAD_BLOCK_LINES && short && doc.blocks().len() > 1 {
        lines
    } else if feats[0].length <= 220 {
        1
    } else {
        0
    }
}

/// Lines in a row that are no prose, more than this many: a list of links.
const SHORT_RUN: usize = 2;

/// Fewest words of a sentence that introduces, with a colon, the lines under
/// it inside a run of short lines.
const INTRO_SENTENCE_WORDS: usize = 6;

/// Longest kicker over a teaser's headline, in words ("Life on the
/// islands"); a longer one over a headline is more often the article's own
/// subheading.
const KICKER_WORDS: usize = 4;

/// Drops the body lines of runs of short lines that end no sentence
/// (teaser lists, link lists, tag clouds, share rows): an article's
/// subheadings stand alone between paragraphs; chrome comes in runs.
fn drop_short_runs(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
) {
    let n = body.len();
    // A list the article introduces ("Ingredients:", "The plan:") or marks
    // item by item ("– …", "• …", "1. …") is the article's own.
    let listed = |run: &std::ops::Range<usize>| {
        // The introducing line can open the run itself when it is short
        // ("Ihr Profil:", "You will need:"), unless the lexicons know it as
        // a box's header ("Read more:", "Mehr zum Thema:").
        let intro = run.start > 0 && doc.line_text(run.start - 1).trim_end().ends_with(':')
            || run.len() > SHORT_RUN
                && kinds[run.start].is_none()
                && feats[run.start].colon_end
                && feats[run.start].scan.kind.is_none()
                && feats[run.start].scan.prefix.is_none();
        let marked = run
            .clone()
            .filter(|&j| {
                doc.line_text(j).chars().next().is_some_and(|c| {
                    matches!(c, '–' | '-' | '•' | '*' | '·' | '▪') || c.is_ascii_digit()
                })
            })
            .count();
        // "Label: value" items (a spec sheet, an outfit's credits) are the
        // article's data; a link list carries no labels.
        let labelled = run
            .clone()
            .filter(|&j| {
                let t = doc.line_text(j);
                kinds[j].is_none()
                    && feats[j].words <= 6
                    && t.find(": ").is_some_and(|at| at > 0 && at + 2 < t.len())
            })
            .count();
        // Sentences ending with a colon inside the run introduce the lines
        // under them ("Put these lines in settings.toml:" over code, "Then
        // start the server from a shell:" over more); a teaser list has one
        // header at most.
        let introductions = run.clone().filter(|&j| {
            let f = &feats[j];
            kinds[j].is_none()
                && f.colon_end
                && f.words >= INTRO_SENTENCE_WORDS
                && f.lower_words * 2 >= f.words
                && f.scan.kind.is_none()
                && f.scan.prefix.is_none()
        });
        intro || introductions.count() >= 2 || marked * 2 > run.len() || labelled * 2 > run.len()
    };
    // A line of wrapped copy goes on in the next line, often in lowercase;
    // every item of a teaser list starts anew.
    let goes_on = |i: usize| {
        i + 1 < n
            && doc.lines()[i + 1].block == doc.lines()[i].block
            && doc
                .line_text(i + 1)
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
    };
    let short = |i: usize| {
        let f = &feats[i];
        kinds[i].is_some_and(|k| k != BlockKind::Headline)
            || (!is_good(f)
                && !f.terminal
                && !goes_on(i)
                && !f.indented
                && f.words <= 12
                // Figures in a row are a table of the story's data.
                && f.digits * 5 < f.alnum
                // A blogger's closing line ends the post, not a list; an
                // embedded post's signature ends the quote above it.
                && !body_end::closes_post(f)
                && !f.post_signature)
    };
    let mut i = 0;
    while i < n {
        if !short(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && short(i) {
            i += 1;
        }
        let run = start..i;
        let texts = run.clone().filter(|&j| kinds[j].is_none()).count();
        // Two lines make a list only as a teaser: a kicker of a few words
        // over a headline ("Neues Konzept" / "Züge im Takt der S-Bahn"); an
        // article's subheading follows a caption or opens a numbered step.
        let teaser_pair = run.len() == 2 && {
            let (k, h) = (start, start + 1);
            let plain = |j: usize| {
                doc.line_text(j)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '«' || c == '„' || c == '"')
            };
            kinds[k].is_none()
                && kinds[h].is_none()
                && !feats[k].colon_end
                && !feats[h].colon_end
                && feats[k].words <= KICKER_WORDS
                && feats[h].words >= 3
                && plain(k)
                && plain(h)
        };
        if (run.len() > SHORT_RUN || teaser_pair) && texts >= 2 && !listed(&run) {
            for j in run {
                body[j] = false;
            }
        }
    }
}

/// Most lines between a standfirst and the article's first paragraph.
const STANDFIRST_GAP: usize = 8;
/// Longest standfirst, in words.
const STANDFIRST_WORDS: usize = 60;

/// Takes a standfirst out of the body: the first body line, right under the
/// headline and alone in its paragraph, when a byline or a date line comes
/// between it and the rest of the article. The lede follows the byline; a
/// deck sits above it, ending in a full stop or not.
fn drop_standfirst(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &mut [Option<BlockKind>],
    body: &mut [bool],
    headline: usize,
) {
    let n = body.len();
    let Some(first) = body.iter().position(|&b| b) else {
        return;
    };
    let f = &feats[first];
    if first <= headline
        || first > headline + 3
        || f.words > STANDFIRST_WORDS
        || f.dateline
        || f.wrapped
    {
        return;
    }
    let mut marked = false;
    let mut j = first + 1;
    // An author line the byline parser leaves alone ("Jane Roe @janeroe"):
    // it stands where the byline does, under the standfirst.
    let handle = j < n && body[j] && is_handle_line(doc.line_text(j));
    if handle {
        body[j] = false;
        kinds[j] = Some(BlockKind::Byline);
    }
    while j < n && j <= first + 1 + STANDFIRST_GAP && !body[j] {
        marked |= matches!(kinds[j], Some(BlockKind::Byline | BlockKind::Timestamp));
        j += 1;
    }
    let keep = !marked
        || j >= n
        || !body[j]
        || j == first + 1
        // The article goes on under the byline.
        || (j..n).filter(|&k| body[k] && is_good(&feats[k])).count() < 2;
    if keep {
        if handle {
            body[first + 1] = true;
            kinds[first + 1] = None;
        }
        return;
    }
    body[first] = false;
    kinds[first] = Some(BlockKind::Deck);
}

/// Most words of a name before a social handle on an author line.
const HANDLE_NAME_WORDS: usize = 3;

/// Whether a line is an author's name with a social handle and nothing
/// else ("Jane Roe @janeroe"): one to [`HANDLE_NAME_WORDS`] capitalised
/// words, then one "@handle".
fn is_handle_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(handle) = words.next_back() else {
        return false;
    };
    let handle_ok = handle.strip_prefix('@').is_some_and(|h| {
        h.len() >= 2
            && h.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    });
    let names: Vec<&str> = words.collect();
    handle_ok
        && (1..=HANDLE_NAME_WORDS).contains(&names.len())
        && names.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
        })
}

/// Lines after a list header that are looked at, at most.
const LIST_HEADER_REACH: usize = 10;

/// Drops the teasers under a header that stands alone inside the article
/// region ("Related stories", "Mehr zu diesem Thema", "Lo más leído"): the
/// lines after it up to the next full paragraph, which is where the article
/// goes on when the box sat inside it.
fn drop_after_list_headers(feats: &[LineFeatures], kinds: &[Option<BlockKind>], body: &mut [bool]) {
    let n = body.len();
    let mut i = 0;
    while i < n {
        let f = &feats[i];
        let header =
            kinds[i] == Some(BlockKind::Related) && f.words <= 6 && f.marker_coverage() >= 0.5;
        if !header {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && j <= i + LIST_HEADER_REACH {
            let g = &feats[j];
            if body[j] && is_good(g) && g.terminal && g.words >= 15 {
                break;
            }
            body[j] = false;
            j += 1;
        }
        i = j;
    }
}

/// Body lines at the article's end looked at for an author's box, at most.
const BIO_REACH: usize = 6;

/// Drops the author's box that closes the article region, and what follows
/// it: from the first of the last body lines that opens with an author's
/// name, either a name of the byline in any case ("Ana Ruiz is a reporter
/// …" under "BY ANA RUIZ"), the name on the line right above it ("Ana
/// Ruiz" / "Ana Ruiz ist Redakteurin …"), or, with no byline found, a
/// name, a verb and a newsroom job ([`body_end::bio_opening`]).
fn trim_bio(
    doc: &Document<'_>,
    folded: &lexicon::FoldedLines,
    feats: &[LineFeatures],
    first: usize,
    authors: &[String],
    body: &mut [bool],
) {
    let names: Vec<String> = authors
        .iter()
        .map(|a| lexicon::fold(a.trim()).0)
        .filter(|a| a.split(' ').count() >= 2)
        .collect();
    let opens_with = |line: &str, name: &str| {
        name.len() >= 5
            && line.len() >= name.len()
            && line.starts_with(name)
            && line[name.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    // The name on its own line above a bio that opens with it.
    let name_above = |j: usize| {
        let above = &feats[j - 1];
        (2..=3).contains(&above.words)
            && above.lower_words == 0
            && !above.terminal
            && folded.line(j).len() > folded.line(j - 1).len()
            && opens_with(folded.line(j), folded.line(j - 1))
    };
    // Or, on a page whose byline was not found, a line shaped like a bio
    // ("Ana Ruiz is a senior writer for …"); under a byline, a sentence
    // about someone else is the story's.
    let opens_bio = |j: usize| {
        names.iter().any(|n| opens_with(folded.line(j), n))
            || name_above(j)
            || authors.is_empty() && body_end::bio_opening(doc.line_text(j))
    };
    let cut = (first + 1..body.len())
        .rev()
        .filter(|&j| body[j])
        .take(BIO_REACH)
        .filter(|&j| opens_bio(j))
        .last();
    // The box closes an article: most of the article comes before it.
    let prose_before = |j: usize| {
        (first..j)
            .filter(|&i| body[i] && is_good(&feats[i]))
            .count()
    };
    let total = body.iter().filter(|&&b| b).count();
    let before = |j: usize| body[..j].iter().filter(|&&b| b).count();
    if let Some(j) = cut.filter(|&j| prose_before(j) >= 3 && before(j) * 2 >= total) {
        let j = if name_above(j) { j - 1 } else { j };
        for flag in &mut body[j..] {
            *flag = false;
        }
    }
}

/// Longest pitch closing an article, in words: a longer paragraph that
/// asks for comments is the article's own close.
const PITCH_WORDS: usize = 35;

/// Drops the short, non-sentence lines that end the article region after
/// its last prose line: share prompts, tag lists, footer links and related
/// headlines the region swallowed before the chrome below it.
fn trim_tail(first: usize, feats: &[LineFeatures], body: &mut [bool]) {
    let Some(mut last) = body.iter().rposition(|&b| b) else {
        return;
    };
    while last > first {
        let f = &feats[last];
        // A pitch closing the article ("Subscribe to our newsletter and never
        // miss …", "Tell us in the comments: …") reads like prose but names
        // a prompt.
        let pitch = !f.wrapped
            && f.words <= PITCH_WORDS
            && f.scan.longest >= 8
            // A platform's name or a copyright notice is often the story's
            // own matter; newsletter, subscription and comment prompts are
            // not.
            && matches!(
                f.scan.kind,
                Some(BlockKind::Banner | BlockKind::Comments | BlockKind::Advertisement)
            );
        // A blogger closes with a greeting or a smiley, and signs under it
        // ("Liebe Grüße" / "Anna"): the post's end, not chrome.
        let closing = body_end::closes_post;
        let signature = f.words <= 3
            && f.lower_words == 0
            && f.digits == 0
            && !f.terminal
            && last > first
            && body[last - 1]
            && closing(&feats[last - 1]);
        // A short line that announces what follows ("More columns on our
        // site:", "Watch the video:") with nothing of the article under it:
        // the box or the embed it introduces is gone, and a list the article
        // goes on with is taken back by `body_end::adopt_closing_list`.
        let intro = announces_box(f);
        // An embedded post the article closes with signs under its text
        // ("— Ana Ruiz (@anaruiz) May 3, 2024"): the quote's end.
        let post = f.post_signature;
        if (is_good(f) || f.terminal || f.wrapped || closing(f) || signature || post)
            && !pitch
            && !intro
        {
            return;
        }
        body[last] = false;
        match body[..last].iter().rposition(|&b| b) {
            Some(prev) => last = prev,
            None => return,
        }
    }
}

/// Whether a line announces a box or an embed under it ("More columns on our
/// site:", "Watch the video:"): short, and closed by a colon.
fn announces_box(f: &LineFeatures) -> bool {
    f.colon_end && !f.emoticon_end && f.words <= body_end::INTRO_MAX_WORDS
}

/// Drops the line announcing a box that `body_end::drop_tail_scraps` left as
/// the article's last: the paragraphs under the box kept it inside the text
/// when `trim_tail` ran, and the box it introduces is gone with them.
fn drop_tail_intro(first: usize, feats: &[LineFeatures], body: &mut [bool]) {
    if let Some(last) = body.iter().rposition(|&b| b) {
        if last > first && announces_box(&feats[last]) {
            body[last] = false;
        }
    }
}

/// Most lines between the headline and the region's first line for a single
/// sentence between them to join the article.
const PROSE_ABOVE_REACH: usize = 20;
/// Shortest line, in bytes, taken into the article from above its region.
const PROSE_ABOVE_MIN: usize = 80;

/// Takes into the article the sentences left between the headline and the
/// region's first line: paragraphs the region lost to captions, image links or
/// a byline placed after them ("headline, byline, paragraph, image URL,
/// paragraph"). A standfirst stays out: the line right on top of the region,
/// or one set above a byline or date line (the lede follows the byline); so
/// does anything above a newsletter or comment box (the region then began
/// below a page section, not inside the article).
fn adopt_prose_above(
    headline: usize,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
) {
    let Some(first) = body.iter().position(|&b| b) else {
        return;
    };
    if first <= headline + 1 {
        return;
    }
    // Walk up from the region: past a byline, date line or box, or a marker
    // opening the full text (an abstract stands above it), nothing above
    // joins.
    let mut adopted = 0usize;
    for i in (headline + 1..first).rev() {
        let f = &feats[i];
        if f.scan.body_start
            || matches!(
                kinds[i],
                Some(
                    BlockKind::Byline
                        | BlockKind::Timestamp
                        | BlockKind::Banner
                        | BlockKind::Comments
                        | BlockKind::Headline
                )
            )
        {
            break;
        }
        let prompt = f.scan.longest >= 8
            && matches!(
                f.scan.kind,
                Some(BlockKind::Banner | BlockKind::Comments | BlockKind::Advertisement)
            );
        // The line right on top of the region is a standfirst over the
        // lede, not a paragraph the region lost.
        if kinds[i].is_none()
            && i + 1 < first
            && !prompt
            && f.terminal
            && f.words >= 6
            && f.length >= PROSE_ABOVE_MIN
            && f.repeats <= 1
        {
            body[i] = true;
            adopted += 1;
        }
    }
    // Far under the headline, a lone sentence between them is a page's
    // prompt or a teaser ("Chat with us on Messenger."), not a paragraph the
    // region lost: keep paragraphs only.
    if first > headline + PROSE_ABOVE_REACH && adopted < 2 {
        for flag in &mut body[headline + 1..first] {
            *flag = false;
        }
    }
}

/// Groups body lines into paragraphs: a paragraph is a run of body lines in
/// one block, split at an indented line (hard-wrapped wire copy); in a block
/// that also holds other lines, a line ending a sentence ends a paragraph.
fn paragraphs(doc: &Document<'_>, feats: &[LineFeatures], body: &[bool], clean: bool) -> Vec<Span> {
    let lines = doc.lines();
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut mixed_block = vec![false; doc.blocks().len()];
    for (i, l) in lines.iter().enumerate() {
        if !body[i] && !clean {
            mixed_block[l.block] = true;
        }
    }
    for (i, l) in lines.iter().enumerate() {
        if !body[i] {
            if let Some(span) = current.take() {
                out.push(span);
            }
            continue;
        }
        let continues = i > 0
            && (body[i - 1] || clean)
            && lines[i - 1].block == l.block
            && (!mixed_block[l.block] || !feats[i - 1].terminal)
            && (!feats[i].indented || feats[i - 1].indented)
            && (clean || !line_break_paragraph(doc, feats, i));
        match current.as_mut() {
            Some(span) if continues => span.end = l.end,
            _ => {
                if let Some(span) = current.take() {
                    out.push(span);
                }
                current = Some(Span::new(l.start, l.end));
            }
        }
    }
    if let Some(span) = current {
        out.push(span);
    }
    out
}

/// Shortest line, in bytes, that ends its paragraph at a line break on a
/// page.
const LINE_PARAGRAPH_MIN: usize = 100;

/// Whether line `i` opens a paragraph of its own though it shares a block
/// with the line before: on a page (not a clean story), a flattener puts
/// paragraphs split by `<br>` or unstyled `<p>` on consecutive lines, so a
/// long line that is not hard-wrapped copy ends a paragraph when a capital
/// opens the next, even with no full stop at its end. (Lines that end a
/// sentence stay together: exported stories keep a paragraph's sentences
/// on lines of one block, and so do lines closed by a bracketed credit:
/// "… [Jane Doe, Outlet]".)
fn line_break_paragraph(doc: &Document<'_>, feats: &[LineFeatures], i: usize) -> bool {
    let (prev, f) = (&feats[i - 1], &feats[i]);
    prev.length >= LINE_PARAGRAPH_MIN
        && !prev.terminal
        && !doc.line_text(i - 1).ends_with([')', ']'])
        && !prev.wrapped
        && !f.wrapped
        && doc
            .line_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests;
