//! Structure: which line is the headline, which paragraph the lede, which
//! paragraphs are the article, and what every other line is.
//!
//! Contract for later stages: [`Structure::lines`] has exactly one label per
//! line of the [`Document`], in the same order, so a stage asks
//! `structure.lines[i].kind` for line `i` and never re-splits the text.

mod byline;
mod lexicon;
mod line;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::Span;
use super::document::Document;
use super::language::ArticleLanguage;
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

/// A title line's separators between the headline and the site name.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " › ", " // ", " • ", " : ",
];
/// How far before the article the headline is looked for, in lines.
const HEADLINE_WINDOW: usize = 40;
/// How far around the article a byline is looked for, in lines.
const BYLINE_WINDOW: usize = 30;
/// Lines of the first block that can be a headline block, at most.
const HEAD_BLOCK_LINES: usize = 3;
/// Lines of the region above a headline found inside it that are dropped,
/// at most.
const HEADLINE_INSIDE: usize = 3;
/// Longest headline, in characters.
const HEADLINE_MAX_CHARS: usize = 250;

/// Analyses the structure of `doc`.
pub fn analyze(doc: &Document<'_>, language: Option<&ArticleLanguage>) -> Structure {
    let n = doc.lines().len();
    if n == 0 {
        return Structure::default();
    }
    let lexicon = lexicon::get();
    let lang = language.map(|l| l.article.code);
    let stopwords = lexicon.stopwords(lang);
    let text = doc.text();
    let mut feats: Vec<LineFeatures> = (0..n)
        .map(|i| line::features(doc.line_text(i), lexicon, stopwords))
        .collect();
    mark_repeats(doc, &mut feats);
    mark_wrapped(doc, &mut feats);
    for (i, f) in feats.iter_mut().enumerate() {
        f.indented = is_indented(text, doc.lines()[i].start);
        f.strong = strong_kind(f);
    }
    let bylines: Vec<Option<byline::Byline>> = (0..n)
        .map(|i| {
            // A prefix marker opening the line makes it chrome ("Related: By
            // …"); one later in it is the chrome after a byline ("… by Kay
            // 24 Comments").
            if feats[i].words <= 24 && feats[i].scan.prefix.is_none_or(|(_, at)| at > 0) {
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
        let placed = b.as_ref().is_some_and(|b| placed_byline(doc, &feats, i, b));
        if (placed || cue_only) && overridable {
            kinds[i] = Some(BlockKind::Byline);
        }
    }

    let mut body: Vec<bool> = vec![false; n];
    if let Some((mut a, b)) = region {
        a = extend_start(doc, a, head_block, &feats, &kinds);
        let b = cut_end(a, b, &feats);
        a = after_title_match(doc, a, b, &feats, &kinds);
        a = adjust_start(a, b, &feats, &kinds);
        for i in a..=b {
            body[i] = kinds[i].is_none() && keep_in_body(&feats[i]);
        }
        // Trim non-body edges.
        let first = (a..=b).find(|&i| body[i]);
        if let Some(first) = first {
            // Headline: before the article.
            let headline = find_headline(doc, &feats, &kinds, first, head_block);
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
            let first = (a..=b).find(|&i| body[i]).unwrap_or(first);
            let headline_at = kinds.iter().position(|k| *k == Some(BlockKind::Headline));
            let found = find_byline(doc, &feats, &kinds, &bylines, &body, first, b, headline_at);
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
            }
            if !clean {
                drop_short_runs(doc, &feats, &kinds, &mut body);
                drop_after_list_headers(&feats, &kinds, &mut body);
                trim_bio(doc, first, &structure.authors, &mut body);
                trim_tail(first, &feats, &mut body);
                if let Some(h) = headline_at {
                    adopt_prose_above(h, &feats, &kinds, &mut body);
                }
            }
            let paragraphs = paragraphs(doc, &feats, &body, clean);
            let mut iter = paragraphs.into_iter();
            structure.lede = iter.next();
            structure.body_paragraphs = iter.collect();
        }
    } else if let Some((line_index, span)) = find_headline(doc, &feats, &kinds, n, head_block) {
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

/// Whether the byline found in line `i` opens it, or follows a short
/// lead-in with a date ("Posted on 21 July 2019 by …") in a short line.
fn placed_byline(doc: &Document<'_>, feats: &[LineFeatures], i: usize, b: &byline::Byline) -> bool {
    let lead = &doc.line_text(i)[..b.span.start];
    b.span.start == 0
        || (feats[i].words <= 16
            && !feats[i].terminal
            && lead.split_whitespace().count() <= 6
            && lead.chars().any(|c| c.is_numeric()))
}

/// The byline: the best line with a byline cue around the article (before
/// it, in its first lines or under it), preferring a cue that opens its
/// line, full names and nearness to the article's start — unless that line
/// is far and a line that is only names sits at the headline; else a line
/// of names around the headline and the article's start or at the
/// article's end; else the first line of the page labelled a byline.
/// Returns the line, the span and the names.
#[allow(clippy::too_many_arguments)]
fn find_byline(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    bylines: &[Option<byline::Byline>],
    body: &[bool],
    first: usize,
    last: usize,
    headline: Option<usize>,
) -> Option<(usize, Span, Vec<String>)> {
    let n = feats.len();
    let at = |i: usize, b: &byline::Byline| {
        let start = doc.lines()[i].start;
        (
            i,
            Span::new(start + b.span.start, start + b.span.end),
            b.names.clone(),
        )
    };
    let before = first.saturating_sub(BYLINE_WINDOW)..first;
    let inside = first..(first + 12).min(last + 1);
    let after = (last + 1)..(last + 1 + BYLINE_WINDOW).min(n);
    let mut best: Option<(f32, usize)> = None;
    for i in before.chain(inside).chain(after) {
        let Some(found) = &bylines[i] else {
            continue;
        };
        if body[i] {
            continue;
        }
        let placed = placed_byline(doc, feats, i, found);
        // A cue inside a line ("… die Messung von Treibhausgasen") is a
        // preposition more often than a byline, unless the line is a date.
        let kind_ok = match kinds[i] {
            Some(BlockKind::Timestamp) => true,
            None | Some(BlockKind::Byline) => placed,
            Some(
                BlockKind::Footer | BlockKind::Banner | BlockKind::Navigation | BlockKind::Headline,
            ) => false,
            Some(_) => placed,
        };
        if !kind_ok {
            continue;
        }
        let mut score = 0.0f32;
        if placed {
            score += 2.0;
        }
        if found
            .names
            .iter()
            .any(|n| n.split_whitespace().count() >= 2)
        {
            score += 1.0;
        }
        let distance = if i < first {
            first - i
        } else if i <= last {
            i - first + 5
        } else {
            i - last + 10
        };
        score -= 0.05 * distance as f32;
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    let lexicon = lexicon::get();
    // A short line of the region may still be taken for body here (it is
    // dropped later): a name line there is the byline ("Ana Ruiz" under
    // the lede, a signature under the article). An author's name repeats
    // on the page (byline, author box, "more by").
    let name_at = |i: usize| {
        if (body[i] && feats[i].words > byline::BODY_NAME_WORDS)
            || feats[i].repeats > 4
            || matches!(kinds[i], Some(BlockKind::Headline | BlockKind::Footer))
        {
            return None;
        }
        byline::name_line(doc.line_text(i), lexicon)
    };
    let top = headline.map_or(first, |h| h.min(first));
    if let Some((score, i)) = best {
        // A name on its own line at the headline beats a cue line far from
        // the article's start (another story's byline, a comment's).
        if score < byline::FAR_CUE_SCORE {
            let mut near = top.saturating_sub(2)..first;
            if let Some((j, found)) = near.find_map(|j| name_at(j).map(|f| (j, f))) {
                return Some(at(j, &found));
            }
        }
        return bylines[i].as_ref().map(|b| at(i, b));
    }
    // A name on its own line around the headline and the article's start,
    // or right under the article (the author's box, a signature).
    let lo = top.saturating_sub(3).max(first.saturating_sub(12));
    let hi = (headline.map_or(first, |h| h.max(first)) + 4).min(n);
    let below = last.saturating_sub(4).max(hi)..(last + 12).min(n);
    for i in (lo..hi).chain(below) {
        if let Some(found) = name_at(i) {
            return Some(at(i, &found));
        }
    }
    // A byline line anywhere on the page.
    (0..n).find_map(|i| {
        let found = bylines[i].as_ref()?;
        (kinds[i] == Some(BlockKind::Byline) && found.span.start == 0 && !body[i])
            .then(|| at(i, found))
    })
}

/// Counts, for every line, the lines of the page with the same folded text.
fn mark_repeats(doc: &Document<'_>, feats: &mut [LineFeatures]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let keys: Vec<String> = (0..feats.len())
        .map(|i| {
            let mut t = doc.line_text(i);
            if t.len() > 200 {
                let mut end = 200;
                while !t.is_char_boundary(end) {
                    end -= 1;
                }
                t = &t[..end];
            }
            lexicon::fold(t).0
        })
        .collect();
    for k in &keys {
        *counts.entry(k.clone()).or_default() += 1;
    }
    for (f, k) in feats.iter_mut().zip(&keys) {
        f.repeats = counts.get(k).copied().unwrap_or(1);
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

/// The kind of a line the lexicons or its shape make certain.
fn strong_kind(f: &LineFeatures) -> Option<BlockKind> {
    if let Some((kind, _)) = f.scan.prefix {
        if f.words <= 40 {
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
    if f.digits > 0
        && f.words <= 14
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
    // A long, specific phrase ("Your email address will not be published")
    // marks its line even when the line says more.
    if f.scan.longest >= 12 && f.words <= 30 && f.coverage() >= 0.3 {
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

/// Prose: long enough, and either full of stopwords or ending like a sentence.
fn is_good(f: &LineFeatures) -> bool {
    let len = f.length;
    (len >= 80 && (f.stop_ratio >= 0.18 || (f.terminal && f.stop_ratio >= 0.08)))
        || (len >= 150 && f.terminal)
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
    !(prompt || f.repeats > 1 && !f.terminal && f.words <= 6)
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
/// characters (a short article over a long teaser list).
fn cut_end(a: usize, b: usize, feats: &[LineFeatures]) -> usize {
    let good = |i: usize| {
        if is_good(&feats[i]) {
            feats[i].length
        } else {
            0
        }
    };
    let total: usize = (a..=b).map(good).sum();
    let mut before = 0usize;
    for i in a..=b {
        let f = &feats[i];
        let marker = match f.strong {
            Some(BlockKind::Comments | BlockKind::Footer | BlockKind::Banner | BlockKind::Tags) => {
                true
            }
            Some(BlockKind::Related) => f.scan.prefix.is_none(),
            // A bare byline cue ("Author", "Written by") heads the author's
            // box under the article.
            _ => f.words <= 2 && f.scan.byline_cue.is_some_and(|end| end + 1 >= f.length),
        };
        // A commenter's line ("Ana on May 3 said:") ends the article however
        // long the thread below it is.
        let thread = f.strong == Some(BlockKind::Comments) && f.scan.prefix.is_some();
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

/// The folded headline parts of the page's title lines ("Headline | Site")
/// before line `end`: the first line's parts, and the parts of three words or
/// more of other lines with separators.
fn title_set(doc: &Document<'_>, end: usize) -> HashSet<String> {
    let mut set = HashSet::new();
    for j in 0..end.min(doc.lines().len()) {
        let parts = title_parts(doc.line_text(j));
        // A title has two or three parts; more is a menu ("A | B | C | D").
        if (2..=3).contains(&parts.len()) {
            set.extend(
                parts
                    .iter()
                    .filter(|p| j == 0 || p.split_whitespace().count() >= 3)
                    .map(|p| lexicon::fold(p).0),
            );
        }
    }
    set
}

/// When a line of the region repeats the page title, the region began with
/// teasers or a header: the article starts after that line.
fn after_title_match(
    doc: &Document<'_>,
    a: usize,
    b: usize,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
) -> usize {
    let titles = title_set(doc, a);
    if titles.is_empty() {
        return a;
    }
    let hit = (a..b).find(|&i| {
        kinds[i].is_none()
            && !feats[i].terminal
            && feats[i].words >= 3
            && titles.contains(&lexicon::fold(doc.line_text(i)).0)
    });
    match hit {
        Some(h) if h > a => {
            let after: usize = (h + 1..=b)
                .filter(|&i| is_good(&feats[i]))
                .map(|i| feats[i].length)
                .sum();
            if after >= 300 { h + 1 } else { a }
        }
        _ => a,
    }
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

/// The headline parts of a page title line ("Headline | Site").
fn title_parts(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for sep in TITLE_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Finds the headline before line `first` (the article's first line):
/// returns its line index and span.
fn find_headline(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    first: usize,
    head_block: usize,
) -> Option<(usize, Span)> {
    let text = doc.text();
    // Page titles: lines before the article with separators ("Headline |
    // Site"); a later line equal to one of their parts is the headline.
    let title = doc.line_text(0);
    let folded_title = lexicon::fold(title).0;
    // A clean story (nothing but a headline block before the article, no
    // chrome above it): its first line is the headline, unless the next line
    // of its head block repeats it without the site's name.
    let clean_top = head_block > 0
        && (0..first.min(feats.len())).all(|i| kinds[i].is_none())
        && first <= head_block + 6;
    if let Some((i, cut)) =
        title_anchor(doc, feats, kinds, first).filter(|&(i, _)| !clean_top || i <= first)
    {
        let line = &doc.lines()[i];
        let end = cut.map_or(line.end, |c| line.start + c);
        return Some((i, trim_headline(text, line.start, end, false, false)));
    }
    if clean_top {
        return Some((
            0,
            trim_headline(text, doc.lines()[0].start, doc.lines()[0].end, false, true),
        ));
    }
    let folded_parts = title_set(doc, first);
    let lo = first.saturating_sub(HEADLINE_WINDOW);
    let mut best: Option<(f32, usize, bool, Option<usize>)> = None;
    let mut content_between = 0usize;
    // The article's first line is a candidate when it does not read like a
    // sentence and more article follows.
    let top = if first + 1 < feats.len() && !feats[first].terminal && feats[first].words <= 25 {
        first + 1
    } else {
        first
    };
    for i in (lo..top).rev() {
        let f = &feats[i];
        let candidate =
            kinds[i].is_none() && f.words >= 1 && f.length <= HEADLINE_MAX_CHARS && !f.dateline;
        if candidate {
            let (mut folded, map) = lexicon::fold(doc.line_text(i));
            let mut score = 0.0f32;
            let mut titled = i > 0
                && (folded_parts.contains(&folded)
                    || (folded.len() >= 12 && f.words >= 3 && folded_title.starts_with(&folded)));
            // A breadcrumb glued before the headline ("Home News Headline"):
            // the line ends with a title part.
            let mut cut = None;
            if i > 0 && !titled && f.words >= 4 {
                // The longest title part the line ends with (a set has no
                // order: taking the first found made the answer vary by run).
                let suffix = folded_parts
                    .iter()
                    .filter(|p| {
                        p.len() >= 15
                            && p.split(' ').count() >= 3
                            && folded.len() > p.len()
                            && folded.ends_with(p.as_str())
                            && folded.as_bytes()[folded.len() - p.len() - 1] == b' '
                    })
                    .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| b.cmp(a)));
                if let Some(p) = suffix {
                    let k = folded.len() - p.len();
                    cut = map.get(k).copied();
                    folded = p.clone();
                    titled = true;
                }
            }
            if titled {
                // The title's first part is the headline; later parts are
                // mostly the site's name ("Headline | Site").
                let first_part = title_parts(title).first().map(|p| lexicon::fold(p).0);
                let lead = first_part.as_deref() == Some(folded.as_str())
                    || folded_title.starts_with(&folded);
                score += if lead { 5.0 } else { 2.0 };
            }
            if i == 0 && head_block > 0 {
                // The first line of a clean story is its headline; on a page
                // it is at best the page title.
                score += if first <= head_block + 3 {
                    3.0
                } else if title_parts(doc.line_text(0)).len() == 2 {
                    1.0
                } else {
                    -1.0
                };
            }
            if i < head_block && i > 0 {
                score += 1.0;
            }
            score -= 0.4 * content_between as f32;
            score += match f.words {
                _ if titled && f.words <= 3 => 0.0,
                0..=1 => -4.0,
                2 => -2.0,
                3 => 0.0,
                4..=25 => 1.0,
                _ => -1.0,
            };
            if is_good(f) && f.terminal && f.words > 15 {
                score -= 2.0;
            }
            if f.repeats >= 2 {
                score += 0.5;
            }
            if best.is_none_or(|(s, _, _, _)| score > s) {
                best = Some((score, i, titled, cut));
            }
            content_between += 1;
        }
    }
    let (score, mut i, titled, cut) = best?;
    let chosen = i;
    if score < -1.0 {
        return None;
    }
    // A headline comes before its deck: prefer an earlier headline-shaped
    // line separated from the pick only by bylines, dates and credits.
    if feats[i].words >= 8 && !titled {
        let mut k = i;
        while k > lo {
            k -= 1;
            match kinds[k] {
                Some(BlockKind::Byline | BlockKind::Timestamp | BlockKind::Credit) => continue,
                None => {
                    let f = &feats[k];
                    if !f.terminal
                        && (4..=25).contains(&f.words)
                        && f.length <= HEADLINE_MAX_CHARS
                        && !f.dateline
                    {
                        i = k;
                    }
                }
                Some(_) => {}
            }
            break;
        }
    }
    let line = &doc.lines()[i];
    let story = i == 0 && title_parts(title).len() == 1;
    let start = match cut {
        Some(offset) if i == chosen => line.start + offset,
        _ => line.start,
    };
    Some((i, trim_headline(text, start, line.end, i == 0, story)))
}

/// Most lines searched for a repeat of the page title.
const ANCHOR_LINES: usize = 2000;

/// The line that repeats the page's title (line 0, "Headline | Site") on a
/// page: the whole title, its headline part, or the title with more glued
/// after it. Flatteners put the HTML title first and the page's own heading
/// lower down; that heading is the headline. Candidates score by how much of
/// the title they cover and how near before the article they sit: the site's
/// name is a part of the title too, but sits in the logo right under it.
/// Returns the line and, for a line that runs on past the title, where the
/// title ends in it.
fn title_anchor(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    first: usize,
) -> Option<(usize, Option<usize>)> {
    let n = feats.len();
    if n < 3 || feats[0].length > HEADLINE_MAX_CHARS || feats[0].words < 2 {
        return None;
    }
    let title = doc.line_text(0);
    let folded_title = lexicon::fold(title).0;
    let parts: Vec<String> = title_parts(title)
        .iter()
        .map(|p| lexicon::fold(p.trim_matches(|c: char| "»«›‹".contains(c)).trim()).0)
        .collect();
    let title_len = folded_title.chars().count().max(1) as f32;
    // The title's words without the site's name (its last part).
    let lead = if parts.len() >= 2 {
        &parts[..parts.len() - 1]
    } else {
        &parts[..]
    };
    let title_words: HashSet<&str> = lead.iter().flat_map(|p| words_of(p)).collect();
    let mut best: Option<(f32, usize, Option<usize>)> = None;
    for i in 1..n.min(ANCHOR_LINES) {
        let f = &feats[i];
        if f.length > HEADLINE_MAX_CHARS
            || f.words == 0
            || matches!(kinds[i], Some(BlockKind::Timestamp | BlockKind::Credit))
        {
            continue;
        }
        let line = doc.line_text(i);
        let (folded, map) = lexicon::fold(line);
        let mut cut = None;
        let exact_part = parts.iter().position(|p| *p == folded);
        let mut score = if folded == folded_title {
            7.0
        } else if feats[0].words >= 4
            && folded.len() > folded_title.len()
            && folded.starts_with(&folded_title)
            && folded.as_bytes()[folded_title.len()] == b' '
        {
            // The heading with its deck or a label glued after it.
            cut = map.get(folded_title.len()).copied();
            5.0
        } else if let Some(pos) = folded_title.find(folded.as_str()) {
            let before = folded_title[..pos].chars().next_back();
            let after = folded_title[pos + folded.len()..].chars().next();
            let bounded = before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric());
            if !bounded || (f.words < 2 && exact_part.is_none()) {
                continue;
            }
            let mut s = 2.0 + 3.0 * folded.chars().count() as f32 / title_len;
            if exact_part.is_some() {
                s += 1.0;
            }
            if pos == 0 {
                s += 1.0;
            }
            s
        } else if let Some(overlap) = (parts.len() >= 2
            && (4..=30).contains(&f.words)
            // A line holding the title's part whole is that part with a
            // breadcrumb or a label glued on: the headline search cuts it.
            && !lead.iter().any(|p| folded.contains(p.as_str())))
        .then(|| word_overlap(&folded, &title_words))
        .filter(|&o| o >= FUZZY_TITLE)
        {
            // The heading reworded from the title ("&" for "und", a kicker
            // dropped, a typo fixed): most words shared both ways.
            2.0 + 2.5 * overlap
        } else {
            continue;
        };
        if f.words <= 1 {
            score -= 1.0;
        }
        // The title's first part of a few words, when the title names a site
        // after it, is the page's own heading wherever it sits: the site's
        // name comes last, and the region may have missed the article.
        let lead_part = exact_part == Some(0) && parts.len() >= 2 && f.words >= 3;
        // The line right under the title is the site's logo, unless the
        // article starts there.
        if i <= 3 && first > i + 5 && !lead_part {
            score -= 1.5;
        }
        // The heading sits just above the article; far before it or after it
        // are teasers, footers and "most read" lists.
        let distance = if i <= first + 3 {
            first.saturating_sub(i)
        } else {
            30
        };
        let cap = if lead_part { 1.0 } else { 3.0 };
        score -= (0.1 * distance as f32).min(cap);
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, i, cut));
        }
    }
    best.filter(|(s, _, _)| *s >= 3.0)
        .map(|(_, i, cut)| (i, cut))
}

/// Least share of words a line and the page title must share both ways to
/// be the title reworded.
const FUZZY_TITLE: f32 = 0.7;

/// The words of a folded line.
fn words_of(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The smaller of the shares of the line's words in `title` and of the
/// title's words in the line (distinct words).
fn word_overlap(folded: &str, title: &HashSet<&str>) -> f32 {
    if title.len() < 3 {
        return 0.0;
    }
    // Distinct words without a set: a line has at most a few dozen words,
    // and this runs for many lines of a page.
    let (mut distinct, mut shared) = (0usize, 0usize);
    for (k, w) in words_of(folded).enumerate() {
        if words_of(folded).take(k).any(|v| v == w) {
            continue;
        }
        distinct += 1;
        if title.contains(w) {
            shared += 1;
        }
    }
    if distinct < 3 {
        return 0.0;
    }
    let shared = shared as f32;
    (shared / distinct as f32).min(shared / title.len() as f32)
}

/// The headline part of a line: without the site name of a title line
/// (`is_title`) and a trailing ";"; without a closing "." too on the first
/// line of a clean story (`story`), where exports append one.
fn trim_headline(
    text: &str,
    mut start: usize,
    mut end: usize,
    is_title: bool,
    story: bool,
) -> Span {
    if is_title {
        let raw = &text[start..end];
        if let Some(pos) = raw.find(" | ") {
            end = start + pos;
        } else if let Some((pos, sep)) = [" - ", " – ", " — "]
            .iter()
            .filter_map(|sep| raw.rfind(sep).map(|p| (p, *sep)))
            .max_by_key(|(p, _)| *p)
        {
            if raw[pos + sep.len()..].split_whitespace().count() <= 4 {
                end = start + pos;
            }
        }
    }
    start += breadcrumb_len(&text[start..end]);
    let raw = &text[start..end];
    let trimmed = raw.trim_end_matches(|c: char| c == ';' || crate::enrich::document::is_space(c));
    let trimmed = match trimmed.strip_suffix('.') {
        Some(t) if story && !t.ends_with('.') => t,
        _ => trimmed,
    };
    end = start + trimmed.len();
    let lead = raw.len() - raw.trim_start().len();
    start += lead;
    Span::new(start, end.max(start))
}

/// Separators of a breadcrumb trail ("Home → News → Headline").
const BREADCRUMB_SEPARATORS: &[&str] = &[" → ", " » ", " › ", " > ", " / ", " >> "];

/// The length of a breadcrumb trail glued before a headline ("Home » Baby »
/// Headline"): the bytes up to the last separator, when the same separator
/// comes at least twice, every crumb before it is short and the last part
/// reads like a headline (three words or more). Else 0.
fn breadcrumb_len(line: &str) -> usize {
    for sep in BREADCRUMB_SEPARATORS {
        let Some(last) = line.rfind(sep) else {
            continue;
        };
        let head = &line[..last];
        let crumbs = head.split(sep).count();
        let short = head.split(sep).all(|c| c.split_whitespace().count() <= 5);
        let tail = &line[last + sep.len()..];
        if crumbs >= 2 && short && tail.split_whitespace().count() >= 3 {
            return last + sep.len();
        }
    }
    0
}

/// Lines in a row that are no prose, more than this many: a list of links.
const SHORT_RUN: usize = 2;

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
        let intro = run.start > 0 && doc.line_text(run.start - 1).trim_end().ends_with(':');
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
        intro || marked * 2 > run.len() || labelled * 2 > run.len()
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
                && f.digits * 5 < f.alnum)
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
                && feats[k].words <= 3
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
        let header = kinds[i] == Some(BlockKind::Related) && f.words <= 6 && f.coverage() >= 0.5;
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

/// Drops the author's box that closes the article region: its last lines
/// when they name an author of the byline ("Ana Ruiz is a reporter …").
fn trim_bio(doc: &Document<'_>, first: usize, authors: &[String], body: &mut [bool]) {
    let names: Vec<&str> = authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| a.split_whitespace().count() >= 2)
        .collect();
    if names.is_empty() {
        return;
    }
    // At most the last two lines: a name line and the bio.
    for _ in 0..2 {
        let Some(last) = body.iter().rposition(|&b| b) else {
            return;
        };
        let line = doc.line_text(last);
        if last <= first || !names.iter().any(|n| line.starts_with(n)) {
            return;
        }
        body[last] = false;
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
        if (is_good(f) || f.terminal || f.wrapped) && !pitch {
            return;
        }
        body[last] = false;
        match body[..last].iter().rposition(|&b| b) {
            Some(prev) => last = prev,
            None => return,
        }
    }
}

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
            return;
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
            && (!feats[i].indented || feats[i - 1].indented);
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

#[cfg(test)]
mod tests;
