//! The headline: the page title's parts ("Headline | Site"), the line that
//! repeats the title lower down, and the best headline-shaped line above
//! the article when no title line names it.

use foldhash::{HashMap, HashSet, HashSetExt};

use super::lexicon::{self, FoldedLines};
use super::line::LineFeatures;
use super::{BlockKind, is_good};
use crate::enrich::Span;
use crate::enrich::document::Document;

/// A title line's separators between the headline and the site name.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " › ", " // ", " • ", " : ",
];
/// The marks of a title's separators, as they stand next to its parts.
const TITLE_MARKS: &str = "|-–—:·«»›/•";
/// How far before the article the headline is looked for, in lines.
const HEADLINE_WINDOW: usize = 40;
/// Longest headline, in characters.
const HEADLINE_MAX_CHARS: usize = 250;

/// What the headline rules read of the page title, built once a page: the
/// region's start and the headline search both ask for it.
pub(super) struct PageTitle<'a> {
    /// The words of line 0's headline parts ([`lead_words`]).
    lead: Option<HashSet<&'a str>>,
    parts: TitleParts,
}

impl<'a> PageTitle<'a> {
    pub(super) fn new(folded: &'a FoldedLines, feats: &[LineFeatures]) -> Self {
        PageTitle {
            lead: lead_words(folded, feats),
            parts: TitleParts::default(),
        }
    }
}

/// The folded headline parts of the page's title lines ("Headline | Site"),
/// each with the first line that says it: the first line's parts, and the
/// parts of three words or more of other lines with separators. The lines
/// are read once, as far down as asked: the region's start asks for the
/// parts above the region, the headline for those above the article.
#[derive(Default)]
struct TitleParts {
    /// Lines read so far.
    read: usize,
    first_line: HashMap<String, usize>,
}

impl TitleParts {
    /// Reads the title lines before line `end` that are not read yet.
    fn read_to(&mut self, doc: &Document<'_>, end: usize) {
        for j in self.read..end.min(doc.lines().len()) {
            let line = doc.line_text(j);
            if !has_title_separator(line) {
                continue;
            }
            let parts = title_parts(line);
            // A title has two or three parts; more is a menu ("A | B | C | D").
            if (2..=3).contains(&parts.len()) {
                for p in parts
                    .iter()
                    .filter(|p| j == 0 || p.split_whitespace().count() >= 3)
                {
                    self.first_line.entry(lexicon::fold(p).0).or_insert(j);
                }
            }
        }
        self.read = self.read.max(end);
    }

    /// Whether a title line before line `end` has the part `folded`.
    fn has_before(&self, folded: &str, end: usize) -> bool {
        self.first_line.get(folded).is_some_and(|&j| j < end)
    }

    /// The parts of the title lines before line `end`.
    fn before(&self, end: usize) -> impl Iterator<Item = &str> + Clone {
        self.first_line
            .iter()
            .filter(move |&(_, &j)| j < end)
            .map(|(p, _)| p.as_str())
    }
}

/// Lines between a repeat of the page title below the region and the start
/// of the article under it, at most.
const TITLE_TO_ARTICLE: usize = 8;
/// Least prose, in bytes, under a repeat of the page title for the article
/// to start there.
const PROSE_UNDER_TITLE: usize = 300;

/// When a line repeats the page title, the article follows it: the region
/// returned starts after that line. Inside the region, the region began
/// with teasers or a header; below it, the region is a teaser list above
/// the article (portal pages set "latest headlines" before the story), so
/// the best run of prose right under the repeat replaces it, unless the
/// title is already repeated above the region (the article is anchored
/// there and the later repeat is a "most read" entry). Above the region
/// with the page's end chrome between, the repeat heads a short post the
/// sidebar's prose outweighed ([`article_above_end`]).
pub(super) fn after_title_match(
    doc: &Document<'_>,
    folded: &FoldedLines,
    (a, b): (usize, usize),
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    values: &[f32],
    title: &mut PageTitle<'_>,
) -> (usize, usize) {
    // The page's own title (line 0): its headline parts, or the whole line
    // when it names no site.
    let own: HashSet<String> = match feats.first() {
        Some(_) if has_title_separator(doc.line_text(0)) => {
            let parts = title_parts(doc.line_text(0));
            if (2..=3).contains(&parts.len()) {
                parts
                    .iter()
                    .filter(|p| p.split_whitespace().count() >= 3)
                    .map(|p| lexicon::fold(p).0)
                    .collect()
            } else {
                HashSet::new()
            }
        }
        Some(f) if f.words >= 4 => std::iter::once(folded.line(0).to_owned()).collect(),
        _ => HashSet::new(),
    };
    title.parts.read_to(doc, a);
    let lead = title.lead.as_ref();
    // The first line below the title that says it again: a later repeat is
    // a "most read" entry or a comment form's heading.
    let first_own = (1..feats.len()).find(|&i| own.contains(folded.line(i)));
    let repeat_shaped = |i: usize| kinds[i].is_none() && !feats[i].terminal && feats[i].words >= 3;
    let repeats_title = |i: usize| repeat_shaped(i) && title.parts.has_before(folded.line(i), a);
    let repeats_own = |i: usize| repeat_shaped(i) && own.contains(folded.line(i));
    if let Some(h) = (a..=b).find(|&i| repeats_title(i) || (Some(i) == first_own && repeats_own(i)))
    {
        // A repeat under two thirds of the region's prose or more closes the
        // article (the column's name over the author's note, a recipe card's
        // title), not the heading the article starts under. Prose said again
        // elsewhere on the page (a teaser list's summaries) is no article.
        let under = prose_between(feats, h + 1, b);
        let once_above: usize = (a..h)
            .filter(|&i| feats[i].repeats <= 1 && is_good(&feats[i]))
            .map(|i| feats[i].length)
            .sum();
        let closing = once_above >= 2 * under && once_above >= PROSE_UNDER_TITLE;
        // The title said just above a region that opens with prose of its
        // own heads the article there: the repeat inside is a figure's alt
        // text or the story's teaser in a ticker under it, not the heading
        // the article starts under.
        let anchored = once_above >= PROSE_UNDER_TITLE
            && (a.saturating_sub(TITLE_TO_ARTICLE).max(1)..a)
                .any(|i| repeats_title(i) || repeats_own(i));
        return if h > a && under >= PROSE_UNDER_TITLE && !closing && !anchored {
            (h + 1, b)
        } else {
            (a, b)
        };
    }
    if let Some(h) = dated_rewording(folded, (a, b), feats, kinds, lead) {
        if prose_between(feats, h + 1, b) >= PROSE_UNDER_TITLE {
            return (h + 1, b);
        }
    }
    if let Some(run) = dated_heading_above(folded, (a, b), feats, kinds, values, lead) {
        return run;
    }
    if let Some(run) = article_above_end(folded, (a, b), feats, values, lead, |i| {
        repeats_title(i) || repeats_own(i)
    }) {
        return run;
    }
    // Below the region only the page's own title counts; said again above
    // the region, whatever the line's kind, it anchors the article there.
    let Some(h) = first_own.filter(|&h| h > b && repeats_own(h)) else {
        return (a, b);
    };
    match run_under(feats, values, h, values.len()) {
        Some((run, prose)) if prose >= PROSE_UNDER_TITLE => run,
        _ => (a, b),
    }
}

/// Least prose, in bytes, of a short article above the page's end chrome.
const PROSE_ABOVE_END: usize = 80;
/// Share of the title's words below which a region under the page's end
/// chrome talks of something else.
const REGION_TOPIC_MAX: f32 = 0.6;

/// The article between the title's repeat and the page's end chrome (a
/// comment form, a footer note, a "Related" header) when the region lies
/// below that chrome: a short post under its heading weighs less than an
/// author's bio, a licence note or a cookie dialog in the sidebar under
/// it, yet nothing of a page below its comment form is the article.
fn article_above_end(
    folded: &FoldedLines,
    (a, b): (usize, usize),
    feats: &[LineFeatures],
    values: &[f32],
    title_words: Option<&HashSet<&str>>,
    says_title: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let title_words = title_words?;
    let topic = |from: usize, to: usize| topic_share(folded, feats, (from, to), title_words);
    // The first repeat with prose under it heads the article: one higher
    // up names the site over its menu.
    for h in (1..a).filter(|&i| says_title(i)) {
        let end = (h + 1..a).find(|&i| {
            matches!(
                feats[i].strong,
                Some(BlockKind::Comments | BlockKind::Footer | BlockKind::Related)
            )
        })?;
        let Some(((s, e), prose)) = run_under(feats, values, h, end) else {
            continue;
        };
        if prose >= PROSE_ABOVE_END {
            let below = topic(a, b);
            return (below < REGION_TOPIC_MAX && topic(s, e) > below).then_some((s, e));
        }
    }
    None
}

/// Least lines between the page's dated heading and the region for the
/// region to lie far below it.
const FAR_BELOW_HEADING: usize = 12;
/// Lines of the article's start read for the title's words, at most.
const TOPIC_LINES: usize = 12;

/// The article under the page's heading when the region lies far below it:
/// a line above the region that says the title (most of its words, few
/// others) with a byline or a date within [`HEADING_TO_DATE`] lines under
/// it, and a run of prose starting within [`TITLE_TO_ARTICLE`] lines under
/// that, whose opening says more of the title's words than the region's
/// does. A legal notice, a cookie dialog or a comment thread can outweigh
/// a short article, but it does not talk about what the title says.
fn dated_heading_above(
    folded: &FoldedLines,
    (a, b): (usize, usize),
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    values: &[f32],
    title_words: Option<&HashSet<&str>>,
) -> Option<(usize, usize)> {
    if a <= FAR_BELOW_HEADING {
        return None;
    }
    let title_words = title_words?;
    let h = (1..a - FAR_BELOW_HEADING).find(|&h| {
        let f = &feats[h];
        heading_shaped(f, kinds[h])
            && !f.terminal
            && (h + 1..=h + HEADING_TO_DATE)
                .any(|k| matches!(kinds[k], Some(BlockKind::Byline | BlockKind::Timestamp)))
            && {
                let (line_share, title_share) = title_shares(folded.line(h), title_words);
                line_share >= HEADING_LINE_SHARE && title_share >= REWORDED_TITLE_SHARE
            }
    })?;
    let ((s, e), prose) = run_under(feats, values, h, a)?;
    if prose < PROSE_UNDER_TITLE {
        return None;
    }
    let topic = |from: usize, to: usize| topic_share(folded, feats, (from, to), title_words);
    (topic(s, e) > topic(a, b)).then_some((s, e))
}

/// The bytes of prose in lines `from..=to` (cut at the page's last line).
fn prose_between(feats: &[LineFeatures], from: usize, to: usize) -> usize {
    (from..=to.min(feats.len() - 1))
        .filter(|&i| is_good(&feats[i]))
        .map(|i| feats[i].length)
        .sum()
}

/// The best run of lines `h + 1..end` under a title's repeat at `h`, when it
/// opens within [`TITLE_TO_ARTICLE`] lines of it, and its bytes of prose.
fn run_under(
    feats: &[LineFeatures],
    values: &[f32],
    h: usize,
    end: usize,
) -> Option<((usize, usize), usize)> {
    let (s, e) = super::best_region(&values[h + 1..end])?;
    let (s, e) = (h + 1 + s, h + 1 + e);
    (s <= h + TITLE_TO_ARTICLE).then(|| ((s, e), prose_between(feats, s, e)))
}

/// The share of the title's words said in the first prose lines of a run.
fn topic_share(
    folded: &FoldedLines,
    feats: &[LineFeatures],
    (from, to): (usize, usize),
    title_words: &HashSet<&str>,
) -> f32 {
    let mut said: HashSet<&str> = HashSet::new();
    for i in (from..=to)
        .filter(|&i| is_good(&feats[i]))
        .take(TOPIC_LINES)
    {
        said.extend(words_of(folded.line(i)).filter(|w| title_words.contains(w)));
    }
    said.len() as f32 / title_words.len() as f32
}

/// Words of a page's heading line.
const HEADING_WORDS: std::ops::RangeInclusive<usize> = 3..=25;

/// Whether a line of kind `kind` has the shape of a page's heading: no
/// kind of its own, [`HEADING_WORDS`] words within a headline's length,
/// and no dateline. The callers judge terminal punctuation each their way.
fn heading_shaped(f: &LineFeatures, kind: Option<BlockKind>) -> bool {
    kind.is_none()
        && HEADING_WORDS.contains(&f.words)
        && f.length <= HEADLINE_MAX_CHARS
        && !f.dateline
}

/// Least share of a dated heading's words that are the page title's.
const HEADING_LINE_SHARE: f32 = 0.5;

/// The words of the page title's headline parts (line 0 without its last
/// part, the site's name, when it has several), if line 0 is a title of
/// three words or more.
fn lead_words<'a>(folded: &'a FoldedLines, feats: &[LineFeatures]) -> Option<HashSet<&'a str>> {
    let f0 = feats.first()?;
    if f0.length > HEADLINE_MAX_CHARS || f0.words < 3 {
        return None;
    }
    let parts = title_parts(folded.line(0));
    let lead = if parts.len() >= 2 {
        &parts[..parts.len() - 1]
    } else {
        &parts[..]
    };
    let words: HashSet<&str> = lead.iter().flat_map(|p| words_of(p)).collect();
    (words.len() >= 3).then_some(words)
}

/// Whether a folded line rewords the page title: it says most of the
/// title's words, and they are a good part of its own.
fn rewords_title(folded: &str, title_words: &HashSet<&str>) -> bool {
    let (line_share, title_share) = title_shares(folded, title_words);
    line_share >= REWORDED_LINE_SHARE && title_share >= REWORDED_TITLE_SHARE
}

/// Score a headline candidate gains for rewording the page title.
const REWORDED_BONUS: f32 = 2.0;
/// Score a headline candidate of [`HEADING_WORDS`] words gains for standing
/// right over the byline or the date line. It outweighs a few lines of
/// chrome between the heading and the article (a video rail, share buttons,
/// a reading-time badge): those cost 0.4 each, and a nearer teaser or video
/// caption must not win over the heading the byline sits under.
const BYLINE_UNDER_BONUS: f32 = 3.5;
/// Lines under a heading searched for its byline or date line.
const HEADING_TO_DATE: usize = 3;
/// Least share of the page title's words a heading inside the region says.
const REWORDED_TITLE_SHARE: f32 = 0.6;
/// Least share of a heading's words that are the page title's.
const REWORDED_LINE_SHARE: f32 = 0.3;

/// The page's heading inside the region (a, b], reworded from the title
/// (line 0): a headline-shaped line that says most of the title's words,
/// with a byline or a date within [`HEADING_TO_DATE`] lines under it. A
/// region that took in a sidebar or a form above the article holds the
/// article's heading with its date line; a teaser of another story says
/// other words. The best match wins, the first of equals: a "most read"
/// entry repeats the heading further down. None when a line over the
/// region says the title as well.
fn dated_rewording(
    folded: &FoldedLines,
    (a, b): (usize, usize),
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    title_words: Option<&HashSet<&str>>,
) -> Option<usize> {
    let title_words = title_words?;
    let mut best: Option<(f32, usize)> = None;
    for h in a + 1..=b.min(feats.len() - 1) {
        let f = &feats[h];
        let shaped = heading_shaped(f, kinds[h]) && !(f.terminal && is_good(f));
        if !shaped {
            continue;
        }
        let dated = (h + 1..=(h + HEADING_TO_DATE).min(b)).any(|k| {
            matches!(kinds[k], Some(BlockKind::Byline | BlockKind::Timestamp))
                || feats[k].clock && !is_good(&feats[k])
        });
        if !dated {
            continue;
        }
        let (line_share, title_share) = title_shares(folded.line(h), title_words);
        if line_share >= REWORDED_LINE_SHARE
            && title_share >= REWORDED_TITLE_SHARE
            && best.is_none_or(|(s, _)| line_share + title_share > s)
        {
            best = Some((line_share + title_share, h));
        }
    }
    let (score, h) = best?;
    // A line above the region that says the title as well is the heading:
    // the article starts at the region, and the line inside it heads a
    // video or a box.
    let said_above = (a.saturating_sub(HEADLINE_WINDOW).max(1)..a).any(|i| {
        HEADING_WORDS.contains(&feats[i].words) && {
            let (l, t) = title_shares(folded.line(i), title_words);
            l + t >= score
        }
    });
    (!said_above).then_some(h)
}

/// Whether `line` holds a title separator: a line without one has one part.
fn has_title_separator(line: &str) -> bool {
    title_separators(line) != 0
}

/// The separators in `line`, as a mask of bits numbered as in
/// [`TITLE_SEPARATORS`].
fn title_separators(line: &str) -> u16 {
    const _: () = assert!(TITLE_SEPARATORS.len() <= u16::BITS as usize);
    // Every separator opens with a space: test only from the spaces.
    let mut mask = 0;
    for (at, _) in line.match_indices(' ') {
        for (k, sep) in TITLE_SEPARATORS.iter().enumerate() {
            if line[at..].starts_with(sep) {
                mask |= 1 << k;
            }
        }
    }
    mask
}

/// The headline parts of a page title line ("Headline | Site").
fn title_parts(line: &str) -> Vec<&str> {
    // Split only by the separators the line holds: a split by any other
    // finds nothing in its parts, and each builds a substring searcher.
    let present = title_separators(line);
    let mut parts = vec![line];
    for (k, sep) in TITLE_SEPARATORS.iter().enumerate() {
        if present & (1 << k) != 0 {
            parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
        }
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Fewest times the page says a one-word title part for it to be the
/// site's name rather than the page's heading.
const SITE_NAME_REPEATS: usize = 3;

/// Most lines of a clean story's region over a repeat of the title that
/// make it the headline ([`pick_headline`]).
const TRAIL_OVER_HEADING: usize = 3;

/// Finds the headline before line `first` (the article's first line):
/// returns its line index and span. A fuller form of the headline said
/// right under it is the headline ([`fuller_repeat`]), and so is the line
/// under a breadcrumb trail that ends with it ([`heading_under_trail`]).
pub(super) fn find_headline(
    doc: &Document<'_>,
    folded_lines: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    first: usize,
    head_block: usize,
    title: &mut PageTitle<'_>,
) -> Option<(usize, Span)> {
    let (mut i, mut span) =
        pick_headline(doc, folded_lines, feats, kinds, first, head_block, title)?;
    // The headline moved to another line: that line whole.
    let whole_line = |k: usize| {
        let line = &doc.lines()[k];
        (
            k,
            trim_headline(doc.text(), line.start, line.end, false, false),
        )
    };
    if let Some(k) = title_pair_pick(doc, folded_lines, feats, kinds, i) {
        (i, span) = whole_line(k);
    }
    if let Some(k) = fuller_repeat(doc, folded_lines, feats, kinds, i, span) {
        (i, span) = whole_line(k);
    }
    if let Some(k) = heading_under_trail(doc, folded_lines, feats, kinds, i, first) {
        (i, span) = whole_line(k);
    }
    if let Some(start) = kicker_over(doc, folded_lines, i, span) {
        span = Span::new(start, span.end);
    }
    Some((i, span))
}

/// What opens a breadcrumb trail set one crumb a line: the home page's
/// link or a "you are here" label (folded, without a closing colon).
const TRAIL_OPENERS: &[&str] = &[
    "home",
    "homepage",
    "start",
    "startseite",
    "inicio",
    "portada",
    "accueil",
    "you are here",
    "sie sind hier",
    "aktuelle seite",
    "vous êtes ici",
    "usted está en",
];
/// Most words of a crumb in a trail set one crumb a line.
const CRUMB_WORDS: usize = 5;
/// Lines under a trail searched for the page's heading.
const TRAIL_TO_HEADING: usize = 3;

/// The page's heading under a breadcrumb trail set one crumb a line
/// ("Home" / "Living" / "Greener living"), when the pick `i` says the
/// trail's last crumb (the crumb itself, or the menu's link to the page
/// above it): the last crumb names the page in the menu's words, and the
/// heading follows the trail, past a photo credit, in the article's own.
/// A trail is a block of two lines or more, each of a few words, opened by
/// one of [`TRAIL_OPENERS`]; a pick set right over it is the heading, and
/// a label under it ("Donate:") is none. None for any other pick.
fn heading_under_trail(
    doc: &Document<'_>,
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    i: usize,
    first: usize,
) -> Option<usize> {
    let lines = doc.lines();
    let said = folded.line(i);
    let end = first.min(feats.len());
    let trail = doc.blocks()[lines[i].block..]
        .iter()
        .take_while(|b| b.first_line < end)
        .find(|b| {
            let opener = folded.line(b.first_line).trim_end_matches([':', ' ']);
            b.end_line - b.first_line >= 2
                && folded.line(b.end_line - 1) == said
                && TRAIL_OPENERS.contains(&opener)
                && (b.first_line..b.end_line).all(|k| feats[k].words <= CRUMB_WORDS)
        })?;
    // A heading set right over the trail is the page's own.
    if i < trail.first_line && trail.first_line - i <= TRAIL_TO_HEADING {
        return None;
    }
    let heading = (trail.end_line..(trail.end_line + TRAIL_TO_HEADING).min(feats.len()))
        .find(|&k| kinds[k].is_none())
        .filter(|&k| k <= first)?;
    let f = &feats[heading];
    (f.words >= 1
        && f.words <= 25
        && !f.terminal
        && !f.colon_end
        && f.length <= HEADLINE_MAX_CHARS
        && !f.dateline
        && folded.line(heading) != said)
        .then_some(heading)
}

/// Where the headline starts when the line over it (line `i`) is the
/// title's kicker with its colon ("Kicker:" over "Headline", for "Kicker:
/// Headline | Site"): the colon leaves the kicker open, so the page's
/// heading runs on over both lines, where a kicker set apart without one
/// is a label of its own. The kicker has at most [`GLUED_KICKER_WORDS`]
/// words. None for any other line.
fn kicker_over(doc: &Document<'_>, folded: &FoldedLines, i: usize, span: Span) -> Option<usize> {
    let k = i.checked_sub(1).filter(|&k| k > 0)?;
    let kicker = folded.line(k).strip_suffix(':')?.trim_end();
    if !(1..=GLUED_KICKER_WORDS).contains(&words_of(kicker).count()) {
        return None;
    }
    let head = lexicon::fold(span.text(doc.text()).trim()).0;
    let title = folded.line(0);
    // The title says the kicker, its colon and the headline in a row
    // ("kicker: headline", "kicker : headline"), each whole.
    let said = title.match_indices(kicker).any(|(at, _)| {
        let open = title[..at].chars().next_back();
        let after = title[at + kicker.len()..].trim_start_matches(' ');
        let Some(rest) = after.strip_prefix(':') else {
            return false;
        };
        let Some(tail) = rest.trim_start_matches(' ').strip_prefix(head.as_str()) else {
            return false;
        };
        open.is_none_or(|c| !c.is_alphanumeric()) && !tail.starts_with(char::is_alphanumeric)
    });
    said.then(|| doc.lines()[k].start)
}

/// The other line of a pair that says the page title's first two parts
/// on consecutive lines ("Kicker - Headline - Site", "Headline - Deck -
/// Site"), when the pick `i` is one of them: the lower line when the first
/// part is a kicker of at most [`KICKER_WORDS`] words set above the
/// headline, else the upper line, the headline over its deck. A pick that
/// says the second part over a line that says the first yields to that
/// line. None when the pick is the right one or no such pair exists.
fn title_pair_pick(
    doc: &Document<'_>,
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    i: usize,
) -> Option<usize> {
    let n = feats.len();
    if i == 0 || n < 3 || feats[0].length > HEADLINE_MAX_CHARS {
        return None;
    }
    let parts: Vec<String> = title_parts(doc.line_text(0))
        .iter()
        .map(|p| lexicon::fold(p).0)
        .collect();
    if parts.len() < 2 || parts[0] == parts[1] {
        return None;
    }
    let line = folded.line(i);
    // The title names the heading first, whatever the page sets over it:
    // its second part said right over its first is the heading's overline
    // (a long kicker, a deck set on top) or the site's logo. A first part
    // said again elsewhere or of a word or two is the site's name
    // ("Site | Headline").
    if line == parts[1]
        && i + 1 < n
        && folded.line(i + 1) == parts[0]
        && kinds[i + 1].is_none()
        && feats[i + 1].words >= 3
        && feats[i + 1].repeats <= 1
    {
        return Some(i + 1);
    }
    let (upper, lower) = if line == parts[0] && i + 1 < n && folded.line(i + 1) == parts[1] {
        (i, i + 1)
    } else if line == parts[1] && i >= 2 && folded.line(i - 1) == parts[0] {
        (i - 1, i)
    } else {
        return None;
    };
    // The site's name closes the title: a two-part title's second part is
    // no headline.
    if parts.len() < 3 || [upper, lower].iter().any(|&k| kinds[k].is_some() && k != i) {
        return None;
    }
    let kicker = words_of(&parts[0]).count() <= KICKER_WORDS;
    let pick = if kicker { lower } else { upper };
    (pick != i && feats[pick].words >= 2).then_some(pick)
}

/// Lines under the headline searched for its fuller form.
const FULLER_REACH: usize = 3;
/// Separators between a headline and the words a fuller form adds.
const FULLER_SEPARATORS: &[&str] = &[" - ", " – ", " — ", ": ", " | ", " · "];

/// The line under the headline `i` (within [`FULLER_REACH`] lines, past
/// date and byline lines) that says the headline whole and goes on after a
/// separator ("Old Mills, Part 3" / "Old Mills, Part 3 – The Lower Weir"):
/// the page's heading, where the title line above it was cut short. A
/// sentence (a lede opening with the headline's words) is no heading.
fn fuller_repeat(
    doc: &Document<'_>,
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    i: usize,
    span: Span,
) -> Option<usize> {
    let head = span.text(doc.text()).trim();
    if head.split_whitespace().count() < 3 {
        return None;
    }
    let head = lexicon::fold(head).0;
    let end = (i + 1 + FULLER_REACH).min(feats.len());
    for k in i + 1..end {
        let f = &feats[k];
        let line = folded.line(k);
        let fuller = kinds[k].is_none()
            && !f.terminal
            && f.words <= 25
            && f.length <= HEADLINE_MAX_CHARS
            && line.strip_prefix(head.as_str()).is_some_and(|rest| {
                FULLER_SEPARATORS.iter().any(|sep| {
                    rest.strip_prefix(sep)
                        .is_some_and(|more| words_of(more).count() >= 2)
                })
            });
        if fuller {
            return Some(k);
        }
        // Only the headline's date and byline lines stand between them.
        if !matches!(
            kinds[k],
            Some(BlockKind::Timestamp | BlockKind::Byline | BlockKind::Section)
        ) {
            return None;
        }
    }
    None
}

/// The headline before line `first` by the page title's repeats and the
/// shape of the lines above the article.
fn pick_headline(
    doc: &Document<'_>,
    folded_lines: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    first: usize,
    head_block: usize,
    page_title: &mut PageTitle<'_>,
) -> Option<(usize, Span)> {
    let text = doc.text();
    // Page titles: lines before the article with separators ("Headline |
    // Site"); a later line equal to one of their parts is the headline.
    let title = doc.line_text(0);
    let folded_title = folded_lines.line(0);
    // A clean story (nothing but a headline block before the article, no
    // chrome above it): its first line is the headline, unless the next line
    // of its head block repeats it without the site's name. A repeat a few
    // lines inside the region is the heading too when the region's lines
    // over it are no sentences: a trail or a label opened the region above
    // the page's heading.
    let clean_top = head_block > 0
        && (0..first.min(feats.len())).all(|i| kinds[i].is_none())
        && first <= head_block + 6;
    if let Some((i, from, cut)) =
        title_anchor(doc, folded_lines, feats, kinds, first).filter(|&(i, _, _)| {
            !clean_top
                || i <= first
                || i <= first + TRAIL_OVER_HEADING && (first..i).all(|k| !feats[k].terminal)
        })
    {
        if let Some(k) = dated_heading_under(
            folded_lines,
            feats,
            kinds,
            i,
            first,
            page_title.lead.as_ref(),
        ) {
            let line = &doc.lines()[k];
            return Some((k, trim_headline(text, line.start, line.end, false, false)));
        }
        let line = &doc.lines()[i];
        let end = cut.map_or(line.end, |c| line.start + c);
        return Some((i, trim_headline(text, line.start + from, end, false, false)));
    }
    if clean_top {
        return Some((
            0,
            trim_headline(text, doc.lines()[0].start, doc.lines()[0].end, false, true),
        ));
    }
    page_title.parts.read_to(doc, first);
    let folded_parts = &page_title.parts;
    // The title's first part is the headline; later parts are mostly the
    // site's name ("Headline | Site").
    let first_part = title_parts(title).first().map(|p| lexicon::fold(p).0);
    let lo = first.saturating_sub(HEADLINE_WINDOW);
    let lead = page_title.lead.as_ref();
    let mut best: Option<(f32, usize, bool, Option<usize>)> = None;
    let mut content_between = 0usize;
    // The article's first line is a candidate when it does not read like a
    // sentence and more article follows.
    // A short question alone in its paragraph is a heading too ("How high
    // are the rates?") when the article goes on under it.
    let question = first + 1 < feats.len()
        && feats[first].words <= QUESTION_WORDS
        && doc.line_text(first).ends_with(['?', '？'])
        && doc.lines().get(first + 1).is_some_and(|next| {
            next.block != doc.lines()[first].block && is_good(&feats[first + 1])
        });
    let top = if first + 1 < feats.len()
        && (!feats[first].terminal || question)
        && feats[first].words <= 25
    {
        first + 1
    } else {
        first
    };
    for i in (lo..top).rev() {
        let f = &feats[i];
        let candidate =
            kinds[i].is_none() && f.words >= 1 && f.length <= HEADLINE_MAX_CHARS && !f.dateline;
        if candidate {
            let mut folded = folded_lines.line(i);
            let mut score = 0.0f32;
            // A title part of one word that the page says again and again
            // is the site's name (its logo, menu and footer), no heading.
            let site_name = f.words <= 1 && f.repeats >= SITE_NAME_REPEATS;
            let mut titled = i > 0
                && !site_name
                && (folded_parts.has_before(folded, first)
                    || (folded.len() >= 12 && f.words >= 3 && folded_title.starts_with(folded)));
            // A breadcrumb glued before the headline ("Home News Headline"):
            // the line ends with a title part.
            let mut cut = None;
            if i > 0 && !titled && f.words >= 4 {
                // The longest title part the line ends with (a set has no
                // order: taking the first found made the answer vary by run).
                let suffix = folded_parts
                    .before(first)
                    .filter(|p| {
                        p.len() >= 15
                            && p.split(' ').count() >= 3
                            && folded.len() > p.len()
                            && folded.ends_with(p)
                            && folded.as_bytes()[folded.len() - p.len() - 1] == b' '
                    })
                    .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| b.cmp(a)));
                if let Some(p) = suffix {
                    let k = glued_start(folded, folded.len() - p.len(), folded_parts.before(first));
                    if k > 0 {
                        cut = folded_lines.map(i).get(k).map(|&m| m as usize);
                    }
                    folded = p;
                    titled = true;
                }
            }
            if titled {
                let lead =
                    first_part.as_deref() == Some(folded) || folded_title.starts_with(folded);
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
            // The page's heading reworded from its title: most of the
            // title's words, few others.
            let reworded =
                i > 0 && !titled && f.words >= 3 && lead.is_some_and(|w| rewords_title(folded, w));
            if reworded {
                score += REWORDED_BONUS;
            }
            if f.repeats >= 2 {
                score += 0.5;
            }
            // The headline sits right over the byline or the date line.
            if (i + 1..(i + 3).min(first))
                .any(|k| matches!(kinds[k], Some(BlockKind::Byline | BlockKind::Timestamp)))
            {
                // A label or a name over the date line ("Weather", the
                // author's name) is no heading: only a line of a heading's
                // words takes the full bonus.
                score += if HEADING_WORDS.contains(&f.words) {
                    BYLINE_UNDER_BONUS
                } else {
                    1.0
                };
            }
            if best.is_none_or(|(s, _, _, _)| score > s) {
                // A line that says the title is no deck under another.
                best = Some((score, i, titled || reworded, cut));
            }
            content_between += 1;
        }
    }
    let Some((_, mut i, titled, cut)) = best.filter(|&(score, _, _, _)| score >= -1.0) else {
        return title_word_over(doc, folded_lines, feats, kinds, first)
            .or_else(|| title_part_said(doc, folded_lines, feats, kinds, first));
    };
    let chosen = i;
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
                    // A headline may ask or exclaim; it does not end in a
                    // full stop as a deck does.
                    let asks = doc.line_text(k).ends_with(['?', '!', '？', '！']);
                    if (!f.terminal || asks)
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

/// The heading of a page that names one thing ("Impressum", a place, a
/// topic) when no line reads as a headline: the one word of the line right
/// over the article, when the page title says that word too. A one-word
/// line is otherwise a menu's entry; the title and the article's place
/// make it the page's own heading.
fn title_word_over(
    doc: &Document<'_>,
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    first: usize,
) -> Option<(usize, Span)> {
    let k = (1..first.min(feats.len()))
        .rev()
        .find(|&k| feats[k].words > 0)?;
    let word = folded.line(k);
    let named = kinds[k].is_none()
        && feats[k].words == 1
        && !feats[k].dateline
        && words_of(folded.line(0)).any(|w| w == word);
    let line = &doc.lines()[k];
    named.then(|| {
        (
            k,
            trim_headline(doc.text(), line.start, line.end, false, false),
        )
    })
}

/// The page title's headline part (line 0 without the site's name after its
/// separator) as a line of the page says it alone, when no line reads as a
/// headline: a page that names one thing (a wiki's entry, a gallery) heads
/// it with what its title says, among menus that outscore it. The line
/// nearest above the article is the heading; with none above, the first
/// below. A line of a kind of its own (a footer's link) is no heading, and
/// a first line that names no site after its headline is no title (a
/// menu's first entry).
fn title_part_said(
    doc: &Document<'_>,
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    first: usize,
) -> Option<(usize, Span)> {
    let n = feats.len();
    if feats.first()?.length > HEADLINE_MAX_CHARS {
        return None;
    }
    let title = &doc.lines()[0];
    let part = trim_headline(doc.text(), title.start, title.end, true, false);
    if !has_title_separator(doc.line_text(0)) || part.end >= title.end {
        return None;
    }
    let part = lexicon::fold(part.text(doc.text())).0;
    if part.is_empty() {
        return None;
    }
    let says = |k: &usize| kinds[*k].is_none() && folded.line(*k) == part;
    let k = (1..first.min(n))
        .rev()
        .find(says)
        .or_else(|| (first.max(1)..n).find(says))?;
    let line = &doc.lines()[k];
    Some((
        k,
        trim_headline(doc.text(), line.start, line.end, false, false),
    ))
}

/// Where the headline starts in a folded line that ends with a title part
/// at byte `k`: a breadcrumb is glued before it with a space ("home news
/// headline"), while a separator before the part makes the line a title
/// of its own ("kicker - headline", "series - episode - headline"), said
/// whole from the first of its parts that is no title part. The parts
/// before the separator that are title parts too go with it; a breadcrumb
/// glued before them stays out. Returns 0 for the whole line.
fn glued_start<'p>(
    folded: &str,
    mut k: usize,
    parts: impl Iterator<Item = &'p str> + Clone,
) -> usize {
    loop {
        let before = folded[..k].trim_end();
        let Some(rest) = before.strip_suffix(|c: char| TITLE_MARKS.contains(c)) else {
            return k;
        };
        let rest = rest.trim_end();
        let earlier = parts
            .clone()
            .filter(|q| {
                rest.ends_with(q)
                    && (rest.len() == q.len() || rest.as_bytes()[rest.len() - q.len() - 1] == b' ')
            })
            .map(|q| rest.len() - q.len())
            .min();
        match earlier {
            Some(j) if j > 0 => k = j,
            _ => return 0,
        }
    }
}

/// Most words of a title's repeat that may name a section or the site
/// rather than the article ("News", "Blog").
const SHORT_ANCHOR_WORDS: usize = 2;
/// Least share of the page title's words said by a dated heading that
/// outranks a repeat of the title below the article's start.
const BELOW_TITLE_SHARE: f32 = 0.4;
/// Most lines between a dated heading and the article under it.
const DATED_HEADING_TO_ARTICLE: usize = 6;

/// The article's own heading where a title's repeat is weak evidence: a
/// repeat of a word or two above the article (a section's or the site's
/// name: "News - Site"), one below the article's start (a breadcrumb or a
/// teaser under the article), or a longer one above the article with no
/// byline or date line in the two lines under it while a line nearer the
/// article has one ("Headline" / "Kicker" / "Headline reworded" / "16
/// March 2021"): the repeat is the page's share bar or header, the dated
/// line the article's own heading. The heading is a headline-shaped line
/// right next to its byline or date line (or under a kicker under its date
/// line), within [`DATED_HEADING_TO_ARTICLE`] lines above the article (and
/// below the repeat). The nearest to the article wins.
fn dated_heading_under(
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    anchor: usize,
    first: usize,
    title_words: Option<&HashSet<&str>>,
) -> Option<usize> {
    // A date with the comment count ("6 May 2024 | 3 comments") reads as a
    // counter.
    let dated = |j: usize| {
        matches!(kinds[j], Some(BlockKind::Byline | BlockKind::Timestamp))
            || kinds[j] == Some(BlockKind::Counter) && feats[j].scan.date_covered > 0
    };
    let below = anchor > first + 3;
    // A short repeat over its byline is the heading ("Unbefriedigt" / "by
    // Ana"); a section's name has none.
    let signed =
        (anchor + 1..(anchor + 3).min(feats.len())).any(|j| kinds[j] == Some(BlockKind::Byline));
    let short = !below && feats[anchor].words <= SHORT_ANCHOR_WORDS && first > anchor && !signed;
    let undated = !below && !short && first > anchor + 2 && !(anchor + 1..anchor + 3).any(dated);
    if !below && !short && !undated {
        return None;
    }
    // Below the article's start, the repeat may be right and the region
    // wrong (it began with comments or a form): the heading must say the
    // title then; so must a heading under a repeat of the title whole.
    let title_words = if short { None } else { Some(title_words?) };
    let says_title = |k: usize| {
        title_words.is_none_or(|w| {
            let (line_share, title_share) = title_shares(folded.line(k), w);
            line_share >= REWORDED_LINE_SHARE && title_share >= BELOW_TITLE_SHARE
        })
    };
    let lo = first
        .saturating_sub(DATED_HEADING_TO_ARTICLE)
        .max(if below { 1 } else { anchor + 1 });
    // A kicker of a few words may stand between the date and the heading
    // ("04.05.20 14:50" / "Harbour" / "Heading").
    let kicker = |j: usize| {
        kinds[j].is_none_or(|k| k == BlockKind::Caption)
            && feats[j].words <= KICKER_WORDS
            && !feats[j].terminal
    };
    (lo..first).rev().find(|&k| {
        let f = &feats[k];
        heading_shaped(f, kinds[k])
            && !f.terminal
            && (dated(k - 1)
                || k >= 2 && kicker(k - 1) && dated(k - 2)
                || (k + 1..first.min(k + 3)).any(dated))
            && says_title(k)
    })
}

/// Most words of a question that opens the article region and is taken
/// for its heading.
const QUESTION_WORDS: usize = 15;

/// Score a title's repeat gains for a byline or date line right under it.
const ANCHOR_OVER_BYLINE: f32 = 0.5;
/// Score a title's repeat loses for being a long sentence.
const ANCHOR_SENTENCE: f32 = 1.0;

/// Most lines searched for a repeat of the page title.
const ANCHOR_LINES: usize = 2000;

/// The line that repeats the page's title (line 0, "Headline | Site") on a
/// page: the whole title, its headline part, or the title with more glued
/// after it. Flatteners put the HTML title first and the page's own heading
/// lower down; that heading is the headline. Candidates score by how much of
/// the title they cover and how near before the article they sit: the site's
/// name is a part of the title too, but sits in the logo right under it.
/// Returns the line, where the heading starts in it (after a kicker glued
/// before it), and, for a line that runs on past the title, where the
/// title ends in it.
fn title_anchor(
    doc: &Document<'_>,
    folded_lines: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    first: usize,
) -> Option<(usize, usize, Option<usize>)> {
    let n = feats.len();
    if n < 3 || feats[0].length > HEADLINE_MAX_CHARS || feats[0].words < 2 {
        return None;
    }
    let title = doc.line_text(0);
    // A title with nothing after its separator ("Headline |", where the
    // site's name is missing) is the headline with a stray mark.
    let folded_title = folded_lines
        .line(0)
        .trim_end_matches(['|', '-', '–', '—', ':', '·', '•'])
        .trim_end();
    let parts: Vec<String> = title_parts(title)
        .iter()
        .map(|p| lexicon::fold(p.trim_matches(|c: char| "»«›‹".contains(c)).trim()).0)
        .collect();
    // A kicker set before the headline in the title ("Kicker: Headline |
    // Site") is a separate element on the page: the line that equals the
    // part without it is the heading.
    let tails: Vec<Option<&str>> = parts.iter().map(|p| kicker_tail(p)).collect();
    let part_words: Vec<usize> = parts.iter().map(|p| words_of(p).count()).collect();
    let title_len = folded_title.chars().count().max(1) as f32;
    // The title's words without the site's name (its last part).
    let lead = if parts.len() >= 2 {
        &parts[..parts.len() - 1]
    } else {
        &parts[..]
    };
    let title_words: HashSet<&str> = lead.iter().flat_map(|p| words_of(p)).collect();
    let mut best: Option<(f32, usize, usize, Option<usize>)> = None;
    for i in 1..n.min(ANCHOR_LINES) {
        let f = &feats[i];
        if f.length > HEADLINE_MAX_CHARS
            || f.words == 0
            || matches!(kinds[i], Some(BlockKind::Timestamp | BlockKind::Credit))
        {
            continue;
        }
        let folded = folded_lines.line(i);
        let mut cut = None;
        let mut from = 0;
        let mut glued = false;
        let mut extended_lead = false;
        let mut close_rewording = false;
        let mut whole_lead = false;
        let mut after_colon = false;
        let tail_part = tails.iter().position(|t| *t == Some(folded));
        // The parts lost their guillemets with the separators; a heading
        // quoted whole ("«…»") keeps them.
        let bare = folded.trim_matches(|c: char| "»«›‹".contains(c)).trim();
        let exact_part = parts
            .iter()
            .position(|p| *p == folded || *p == bare)
            .or(tail_part);
        // The title's headline part with its author after it ("Plum Cake
        // by anna | Site"): the page's heading leaves the author to the
        // byline.
        let authored = parts.len() >= 2 && parts[0].strip_prefix(folded).is_some_and(author_tail);
        let mut score = if folded == folded_title {
            7.0
        } else if feats[0].words >= 4
            && folded.len() > folded_title.len()
            && folded.starts_with(folded_title)
            && folded.as_bytes()[folded_title.len()] == b' '
        {
            // The heading with its deck or a label glued after it.
            cut = folded_lines
                .map(i)
                .get(folded_title.len())
                .map(|&m| m as usize);
            5.0
        } else if let Some(pos) = (folded.len() <= folded_title.len())
            .then(|| folded_title.find(folded))
            .flatten()
        {
            let before = folded_title[..pos].chars().next_back();
            let after = folded_title[pos + folded.len()..].chars().next();
            let bounded = before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric());
            if !bounded || (f.words < 2 && exact_part.is_none() && !authored) {
                continue;
            }
            // The heading without its author says the title's headline
            // part whole.
            let said = if authored { &parts[0] } else { folded };
            let mut s = 2.0 + 3.0 * said.chars().count() as f32 / title_len;
            if exact_part.is_some() || authored {
                s += 1.0;
            }
            // The headline opens the title, or follows its kicker's colon
            // ("Kicker: Headline (site)") when the kicker is a line of its
            // own on the page.
            let colon_before = folded_title[..pos].trim_end().ends_with(':');
            if pos == 0 || colon_before {
                s += 1.0;
            }
            // The rest of a title after the colon that closes a site's or a
            // desk's name ("Example Football Association (EFA): Headline"):
            // the title's headline part, where the page's region may have
            // missed the article.
            after_colon = colon_before && after.is_none() && f.words >= 3;
            // Everything before the site's name of a title of three parts
            // or more ("Kicker - Headline - Site"): the heading with its
            // kicker, said whole.
            whole_lead = pos == 0
                && parts.len() >= 3
                && parts.last().is_some_and(|site| {
                    folded_title[folded.len()..]
                        .trim_start_matches(|c: char| c == ' ' || TITLE_MARKS.contains(c))
                        == site.as_str()
                });
            s
        } else if let Some(at) =
            glued_kicker_start(folded, &parts).or_else(|| glued_part_start(folded, &parts))
        {
            // The title's headline after its kicker, with the page's kicker
            // glued before it, or the title's next part after one of its
            // parts glued before it: the heading starts after them. Before
            // the test for a heading that says more than the first part:
            // the glued line says that part first too.
            from = folded_lines.map(i).get(at).map_or(0, |&m| m as usize);
            glued = true;
            4.0 + 3.0 * folded[at..].chars().count() as f32 / title_len
        } else if let Some(part) = parts
            .first()
            .filter(|_| parts.len() >= 2 && extends_part(folded, &parts[0], f))
        {
            // The page's heading says more than the title's headline part
            // ("How to Repot an Orchid" → "… Without Losing a Single Root").
            extended_lead = true;
            2.5 + 3.0 * part.chars().count() as f32 / title_len
        } else if let Some(overlap) = (parts.len() >= 2
            && (4..=30).contains(&f.words)
            // Too few of the title's words (repeats counted) to share
            // enough of them: skip the costlier tests.
            && words_of(folded).filter(|w| title_words.contains(w)).count() as f32
                >= FUZZY_TITLE * title_words.len() as f32
            // A line holding the title's part whole is that part with a
            // breadcrumb or a label glued on: the headline search cuts it.
            && !lead.iter().any(|p| folded.contains(p.as_str())))
        .then(|| word_overlap(folded, &title_words))
        .filter(|&o| o >= FUZZY_TITLE)
        {
            // The heading reworded from the title ("&" for "und", a kicker
            // dropped, a typo fixed): most words shared both ways. Nearly
            // all of them: the page's own heading, wherever it sits.
            close_rewording = overlap >= CLOSE_REWORDING;
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
        // So is a line that equals a part without its kicker, wherever the
        // part sits ("Site | Kicker: Headline"): the site's name has no
        // kicker.
        // The title's headline part shortened by a word or two ("… Apfel
        // Rezept | Site" → "… Apfel") is the heading too.
        let lead_prefix = parts.len() >= 2
            && f.words >= 3
            && parts[0].starts_with(folded)
            && parts[0][folded.len()..].starts_with(' ')
            && 3 * folded.len() >= 2 * parts[0].len();
        // A short first part is the headline, not the site's name, when
        // no later part says much more ("Muffin Basics : Muffin Recipes");
        // right under the title it is the logo all the same.
        let short_lead = exact_part == Some(0)
            && i > 3
            && part_words[0] >= 2
            && parts.len() >= 2
            && parts[1..]
                .iter()
                .all(|p| words_of(p).count() <= part_words[0] + 1);
        // So is the part without a label of a few words before it
        // ("Rezept: Apfelkuchen mit Zimt", "Receita de Bolo de Milho"): the
        // page sets the label apart or leaves it out.
        let lead_suffix = parts.len() >= 2
            && f.words >= 3
            && parts[0].len() > folded.len()
            && parts[0].ends_with(folded)
            && parts[0][..parts[0].len() - folded.len()].ends_with(' ')
            && 3 * folded.len() >= 2 * parts[0].len();
        let lead_part = extended_lead
            || glued
            || authored
            || lead_prefix
            || lead_suffix
            || whole_lead
            || close_rewording
            || after_colon
            || short_lead
            || (exact_part == Some(0) || tail_part.is_some()) && parts.len() >= 2 && f.words >= 3;
        // A subheading or a recipe card inside the article may say more or
        // less of the title too.
        if (extended_lead || lead_prefix) && i > first {
            score -= 1.5;
        }
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
        // The heading sits over its byline or date line; the lede that
        // restates the title is a long sentence.
        if (i + 1..(i + 4).min(n))
            .any(|k| matches!(kinds[k], Some(BlockKind::Byline | BlockKind::Timestamp)))
        {
            score += ANCHOR_OVER_BYLINE;
        }
        if is_good(f) && f.terminal && f.words > 15 {
            score -= ANCHOR_SENTENCE;
        }
        if best.is_none_or(|(s, _, _, _)| score > s) {
            best = Some((score, i, from, cut));
        }
    }
    best.filter(|(s, _, _, _)| *s >= 3.0)
        .map(|(_, i, from, cut)| (i, from, cut))
}

/// Most words of a title's kicker whose words the page glues before its
/// heading.
const GLUED_KICKER_WORDS: usize = 5;

/// Where the heading starts in a folded line that ends with a title part's
/// headline after its kicker ("kicker: headline | site") and holds a few
/// words before it with no mark between ("kicker headline", "after kicker
/// headline"): the page sets its kicker apart from the heading, and the
/// flattened text joins the two on one line. The words before are as many
/// as the kicker's, one more at most. None for any other line.
fn glued_kicker_start(folded: &str, parts: &[String]) -> Option<usize> {
    parts.iter().find_map(|part| {
        let (kicker, tail) = part.split_once(": ")?;
        let tail = tail.trim();
        let before = folded.strip_suffix(tail)?;
        let glued = before.strip_suffix(' ')?;
        let kicker_words = words_of(kicker).count();
        let glued_words = words_of(glued).count();
        let ok = (1..=GLUED_KICKER_WORDS).contains(&kicker_words)
            && words_of(tail).count() >= 3
            && (1..=kicker_words + 1).contains(&glued_words)
            && !glued.ends_with(|c: char| TITLE_MARKS.contains(c));
        ok.then_some(before.len())
    })
}

/// Where the heading starts in a folded line that says one of the title's
/// parts, a space and then the title's next part, whole or with more words
/// after it ("kicker headline …" for "Kicker - Headline | Site"): the page
/// sets the part before as a label of its own over the heading, and the
/// flattened text joins the two on one line. The next part is no site's
/// name (the title's last part) and has two words or more. None for any
/// other line.
fn glued_part_start(folded: &str, parts: &[String]) -> Option<usize> {
    let heads = parts.len().checked_sub(1)?;
    parts[..heads].windows(2).find_map(|pair| {
        let rest = folded.strip_prefix(pair[0].as_str())?.strip_prefix(' ')?;
        let after = rest.strip_prefix(pair[1].as_str())?;
        let bounded = after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric());
        (bounded && words_of(&pair[1]).count() >= 2).then(|| folded.len() - rest.len())
    })
}

/// Most words a page's heading adds to the title's headline part.
const EXTENSION_WORDS: usize = 15;

/// Words that set an author's name after a headline in a page title, in
/// the languages of the byline cues ("Plum Cake by anna", "Pflaumenkuchen
/// von anna", "Tarte aux prunes par anna").
const AUTHOR_TAIL_CUES: &[&str] = &["by", "von", "par", "por", "door", "av", "od"];
/// Most words of an author's name after a headline in a page title.
const AUTHOR_TAIL_WORDS: usize = 2;

/// Whether the folded rest of a title part after a headline is its author:
/// a cue of [`AUTHOR_TAIL_CUES`] and a name of one or two words.
fn author_tail(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    let cue = words.next().is_some_and(|w| AUTHOR_TAIL_CUES.contains(&w));
    rest.starts_with(' ') && cue && (1..=AUTHOR_TAIL_WORDS).contains(&words.count())
}

/// Whether the folded line is the title's headline part `part` (three words
/// or more) with a few more words after it, not a sentence: the page's
/// heading in full where the title shortened it.
fn extends_part(folded: &str, part: &str, f: &LineFeatures) -> bool {
    let Some(rest) = folded.strip_prefix(part) else {
        return false;
    };
    let extra = rest.split_whitespace().count();
    part.split_whitespace().count() >= 3
        && rest.starts_with(|c: char| !c.is_alphanumeric())
        && (1..=EXTENSION_WORDS).contains(&extra)
        && f.words <= 25
        && !rest.trim_end().ends_with('.')
}

/// Most words of a kicker before the headline in a title ("Klimaschutz:
/// …").
const KICKER_WORDS: usize = 3;

/// The headline of a folded title part without the kicker before its colon
/// ("brexit: talks resume in brussels" → "talks resume in brussels"): a
/// kicker of at most [`KICKER_WORDS`] words before a headline of three or
/// more.
fn kicker_tail(part: &str) -> Option<&str> {
    let (kicker, tail) = part.split_once(": ")?;
    let tail = tail.trim();
    let kicker_words = kicker.split_whitespace().count();
    ((1..=KICKER_WORDS).contains(&kicker_words) && tail.split_whitespace().count() >= 3)
        .then_some(tail)
}

/// Least share of words a line and the page title share both ways for the
/// line to be the page's own heading reworded by a word or so.
const CLOSE_REWORDING: f32 = 0.85;

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
pub(super) fn word_overlap(folded: &str, title: &HashSet<&str>) -> f32 {
    if title.len() < 3 {
        return 0.0;
    }
    let (line, title) = title_shares(folded, title);
    line.min(title)
}

/// The share of the line's distinct words that are in `title`, and the
/// share of the title's words that are in the line (0 for a line of fewer
/// than three distinct words).
fn title_shares(folded: &str, title: &HashSet<&str>) -> (f32, f32) {
    if title.is_empty() {
        return (0.0, 0.0);
    }
    // Distinct words: by comparing with the earlier words for a line of a
    // few dozen words (this runs for many lines of a page), through a set
    // for a longer one, so that a long paragraph costs linear time.
    const PAIRWISE_MAX_WORDS: usize = 64;
    let words: Vec<&str> = words_of(folded).collect();
    let (mut distinct, mut shared) = (0usize, 0usize);
    let mut seen: HashSet<&str> = HashSet::new();
    for (k, &w) in words.iter().enumerate() {
        let repeat = if words.len() <= PAIRWISE_MAX_WORDS {
            words[..k].contains(&w)
        } else {
            !seen.insert(w)
        };
        if repeat {
            continue;
        }
        distinct += 1;
        if title.contains(w) {
            shared += 1;
        }
    }
    if distinct < 3 {
        return (0.0, 0.0);
    }
    let shared = shared as f32;
    (shared / distinct as f32, shared / title.len() as f32)
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
    start += date_prefix_len(&text[start..end]);
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

/// The length of a date in figures and a dash or bar set before a
/// headline ("23.01.2024 - Headline", "2024-01-23 | Headline"): a listing's
/// stamp, not the headline's words. Else 0. The headline after it has
/// three words or more.
pub(super) fn date_prefix_len(line: &str) -> usize {
    let Some((date, rest)) = line.split_once(' ') else {
        return 0;
    };
    let digits = date.chars().filter(char::is_ascii_digit).count();
    let marks = date
        .chars()
        .filter(|c| matches!(c, '.' | '/' | '-'))
        .count();
    let figures = date
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-'));
    if !figures || digits < 4 || marks < 2 {
        return 0;
    }
    let Some(headline) = ["- ", "– ", "— ", "| "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
    else {
        return 0;
    };
    if headline.split_whitespace().count() < 3 {
        return 0;
    }
    line.len() - headline.len()
}

/// Separators of a breadcrumb trail ("Home → News → Headline").
const BREADCRUMB_SEPARATORS: &[&str] = &[" → ", " » ", " › ", " > ", " / ", " >> "];

/// The length of a breadcrumb trail glued before a headline ("Home » Baby »
/// Headline"): the bytes up to the last separator, when the same separator
/// comes at least twice, every crumb before it is short and the last part
/// reads like a headline (three words or more). Else 0.
pub(super) fn breadcrumb_len(line: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::language;
    use crate::enrich::structure::analyze;

    fn folded(line: &str) -> String {
        lexicon::fold(line).0
    }

    fn feats(line: &str) -> LineFeatures {
        let lex = lexicon::get();
        super::super::line::features(line, lex, lex.stopwords(Some("en")))
    }

    #[test]
    fn a_heading_that_says_more_than_the_title_part_extends_it() {
        let line = "How to Care for Roses to Get the Most Blooms";
        let part = folded("How to Care for Roses");
        assert!(extends_part(&folded(line), &part, &feats(line)));
        // A glued word is no boundary, a sentence is a deck, and a part of
        // two words may be a site's name.
        let glued = "How to Care for Roseships and Hips";
        assert!(!extends_part(&folded(glued), &part, &feats(glued)));
        let deck = "How to Care for Roses: water them twice a week.";
        assert!(!extends_part(&folded(deck), &part, &feats(deck)));
        assert!(!extends_part(
            &folded(line),
            &folded("How to"),
            &feats(line)
        ));
    }

    #[test]
    fn a_title_is_split_by_the_separators_it_holds_in_their_order() {
        // Overlapping separators: " - " splits before " : ", " :: " before " : ".
        let line = "Kicker : - Headline :: Part - Site";
        let bit = |sep| {
            TITLE_SEPARATORS
                .iter()
                .position(|s| *s == sep)
                .map_or(0, |k| 1 << k)
        };
        assert_eq!(
            title_separators(line),
            bit(" - ") | bit(" : ") | bit(" :: ")
        );
        assert_eq!(title_parts(line), ["Kicker :", "Headline", "Part", "Site"]);
        assert_eq!(title_separators("Headline-Site"), 0);
        assert_eq!(title_parts(" Headline-Site "), ["Headline-Site"]);
    }

    #[test]
    fn a_date_in_figures_before_a_headline_is_left_out() {
        let line = "23.01.2024 - Biathletin jubelt beim Saisonfinale";
        assert_eq!(
            &line[date_prefix_len(line)..],
            "Biathletin jubelt beim Saisonfinale"
        );
        let line = "2024-01-23 | Council approves the new budget";
        assert_eq!(
            &line[date_prefix_len(line)..],
            "Council approves the new budget"
        );
        // A figure that is no date, a date with no separator after it, or
        // too short a headline after it stays.
        for line in [
            "2024 - The year in pictures",
            "23.01.2024 Biathletin jubelt beim Finale",
            "12/05/2023 - Vencedores",
            "3-2 - Home side wins the derby",
        ] {
            assert_eq!(date_prefix_len(line), 0, "{line}");
        }
    }

    #[test]
    fn a_title_part_after_a_separator_keeps_what_the_line_sets_before_it() {
        let parts: HashSet<String> = ["episode 12", "the long way home", "home"]
            .iter()
            .map(|p| folded(p))
            .collect();
        let start = |line: &str, part: &str| {
            let line = folded(line);
            let k = line.len() - folded(part).len();
            let at = glued_start(&line, k, parts.iter().map(String::as_str));
            line[at..].to_owned()
        };
        // A breadcrumb glued with a space stays out.
        assert_eq!(
            start("Home News The long way home", "The long way home"),
            "the long way home"
        );
        // The line's own kicker before a separator stays in.
        assert_eq!(
            start("Night walks – The long way home", "The long way home"),
            "night walks - the long way home"
        );
        // Title parts before the separator go with the headline; the
        // crumb glued before them does not.
        assert_eq!(
            start(
                "Podcast Episode 12 - The long way home",
                "The long way home"
            ),
            "episode 12 - the long way home"
        );
    }

    #[test]
    fn glued_kicker_start_skips_the_kicker_words_before_the_title_s_headline() {
        let parts = ["ferries: council votes to reopen the line".to_owned()];
        let line = "island ferries council votes to reopen the line";
        assert_eq!(
            glued_kicker_start(line, &parts).map(|at| &line[at..]),
            Some("council votes to reopen the line")
        );
        // A mark between the two makes a title line of its own; more words
        // than the kicker's and one are no kicker; the headline alone or a
        // line ending otherwise has none.
        for line in [
            "ferries - council votes to reopen the line",
            "the mayor said the council votes to reopen the line",
            "council votes to reopen the line",
            "island ferries council votes to reopen",
        ] {
            assert_eq!(glued_kicker_start(line, &parts), None, "{line}");
        }
    }

    #[test]
    fn glued_part_start_skips_the_title_part_glued_before_the_next() {
        let parts = ["town hall", "budget vote set", "riverside courier"].map(str::to_owned);
        let line = "town hall budget vote set for thursday";
        assert_eq!(
            glued_part_start(line, &parts).map(|at| &line[at..]),
            Some("budget vote set for thursday")
        );
        // A mark between the two makes a title line of its own; the site's
        // name after a part is no heading; a part that runs on into a word
        // ("settlement") is not said whole.
        let two = ["town hall", "riverside courier"].map(str::to_owned);
        for (line, parts) in [
            ("town hall - budget vote set for thursday", &parts[..]),
            ("town hall riverside courier", &two[..]),
            ("town hall budget vote settlement", &parts[..]),
            ("budget vote set for thursday", &parts[..]),
        ] {
            assert_eq!(glued_part_start(line, parts), None, "{line}");
        }
    }

    #[test]
    fn kicker_tail_takes_the_headline_after_a_short_kicker() {
        assert_eq!(
            kicker_tail("brexit: talks resume in brussels"),
            Some("talks resume in brussels")
        );
        assert_eq!(kicker_tail("brexit: talks resume"), None);
        assert_eq!(kicker_tail("one two three four: talks resume now"), None);
    }

    #[test]
    fn a_page_with_no_article_still_gets_a_headline_search() {
        // No region: the headline search runs up to the page's end, where a
        // question is the last line.
        for text in [
            "Home\nNews\nWhy?",
            "Menu\nWhat happened to the old harbour bridge?",
        ] {
            let doc = Document::new(text);
            let s = analyze(&doc, None);
            // Whatever it picks is one of the page's lines, whole.
            assert!(
                s.headline
                    .is_none_or(|h| text.lines().any(|l| l == h.text(text)))
            );
        }
    }

    #[test]
    fn title_parts_read_in_steps_answer_as_read_at_once() {
        let text = "Ferry fares rise again | Coast Times\nHome | Travel\n\
                    Ferry fares rise again for islanders | Coast Times\nA | B | C | D\n\
                    The timetable for winter - Coast Times\nFares rise by a tenth from May.";
        fn sorted(parts: &TitleParts, end: usize) -> Vec<&str> {
            let mut parts: Vec<&str> = parts.before(end).collect();
            parts.sort_unstable();
            parts
        }
        let doc = Document::new(text);
        let part = folded("Ferry fares rise again for islanders");
        let (mut steps, mut whole) = (TitleParts::default(), TitleParts::default());
        whole.read_to(&doc, 6);
        // The region's start asks for fewer lines than the headline, or more.
        for end in [5, 2, 4, 6] {
            steps.read_to(&doc, end);
            for to in 0..=end {
                assert_eq!(
                    sorted(&steps, to),
                    sorted(&whole, to),
                    "to {end}, before {to}"
                );
            }
        }
        assert_eq!(sorted(&whole, 1), ["coast times", "ferry fares rise again"]);
        // A part counts from the line that first says it.
        assert!(!whole.has_before(&part, 2) && whole.has_before(&part, 3));
        assert!(whole.has_before("coast times", 1));
        // A short part of a later line and a menu's parts are no title parts.
        assert!(!whole.has_before("travel", 6) && !whole.has_before("a", 6));
    }

    #[test]
    fn a_rewording_says_most_of_the_title_and_little_else() {
        let title = folded("Rail strike: commuters wait again for trains | Daily Post");
        let words: HashSet<&str> = title_parts(&title)[..1]
            .iter()
            .flat_map(|p| words_of(p))
            .collect();
        let heading = folded("Commuters wait again on Monday for their trains");
        assert!(rewords_title(&heading, &words));
        // A teaser on the same topic shares a word or two.
        let teaser = folded("Strike talks resume in the capital on Monday");
        assert!(!rewords_title(&teaser, &words));
        // Said in passing in a long sentence: the title's words are a small
        // share of the line's.
        let sentence = folded(
            "Commuters who wait for trains again and again told us about delays, \
             cancelled connections, crowded platforms, missed shifts and long walks home",
        );
        assert!(!rewords_title(&sentence, &words));
    }

    #[test]
    fn an_author_after_the_title_part_is_a_cue_and_a_short_name() {
        assert!(author_tail(" by kitchenowl"));
        assert!(author_tail(" von anna berg"));
        assert!(author_tail(" par cuisinette"));
        // A headline that goes on after "by" is no author.
        assert!(!author_tail(" by the sea at night"));
        assert!(!author_tail(" with apples"));
        assert!(!author_tail(" by"));
        assert!(!author_tail("by anna"));
    }

    /// `tests/cases/structure/headline_<lang>.txt`: `<headline><TAB><lede or
    /// -><TAB><page>`, the page's lines split at a literal `\n`.
    #[test]
    fn headline_case_files() {
        let (langs, cases) = crate::enrich::test_files::cases("structure", "headline_");
        let mut failures = Vec::new();
        for case in &cases {
            let (at, fields) = (&case.at, &case.fields);
            assert_eq!(fields.len(), 3, "{at}: three fields");
            {
                let page = fields[2].replace("\\n", "\n");
                let doc = Document::new(&page);
                let lang = language::detect_article(&doc, None);
                let s = analyze(&doc, lang.as_ref());
                let headline = s.headline.map(|h| h.text(&page));
                let lede = s.lede.map(|l| l.text(&page));
                if headline != Some(fields[0].as_str())
                    || (fields[1] != "-" && lede != Some(fields[1].as_str()))
                {
                    failures.push(format!("{at}: headline {headline:?}, lede {lede:?}"));
                }
            }
        }
        let count = cases.len();
        assert!(langs >= 4 && count >= 10, "{langs} files, {count} cases");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
