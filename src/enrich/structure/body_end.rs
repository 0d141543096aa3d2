//! The end of the article and the boxes set into it: a list that the
//! article's last lines introduce ("The programme:", "Aus dem Inhalt:")
//! belongs to it, though its short items read like the link lists that close
//! a page; an author's box and a list of dated teasers do not, though they
//! read like its prose.

use std::sync::LazyLock;

use foldhash::{HashMap, HashSet};

use super::lexicon::{FoldedLines, fold};
use super::line::LineFeatures;
use super::{BlockKind, full_paragraph, is_good};
use crate::enrich::document::Document;

/// Most lines of a closing list taken into the article (a listicle of 25
/// items with a shop link under each).
const LIST_MAX_ITEMS: usize = 50;
/// Longest line that introduces a list, in words.
pub(super) const INTRO_MAX_WORDS: usize = 25;
/// Longest list item, in words.
const ITEM_MAX_WORDS: usize = 60;
/// Most words of a box's header over a list ("Mehr zum Thema:").
const BOX_HEADER_WORDS: usize = 4;
/// Fewest items of a list.
const LIST_MIN_ITEMS: usize = 2;
/// Most of an item's letters and digits covered by boilerplate phrases.
const ITEM_MAX_COVERAGE: f32 = 0.5;

/// Takes into the article the list its last lines introduce: the last body
/// line, or the line right under it, ends with a colon and the lines under
/// it are items (no chrome the lexicons know, said once on the page, set
/// no further apart than paragraphs). The introducing line can stand higher
/// up, in the body or right under a body line, when all the lines from it
/// to the last body line are items and none a full paragraph: the longer
/// items read as prose and stayed in the body, the short ones between them
/// did not. A list of links under a box header carries the header's kind
/// ("Related:", "Tags:") and stays out.
pub(super) fn adopt_closing_list(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
) {
    let n = body.len();
    let Some(last) = body.iter().rposition(|&b| b) else {
        return;
    };
    let lines = doc.lines();
    let item = |j: usize| {
        let f = &feats[j];
        kinds[j].is_none()
            && f.repeats <= 1
            && (1..=ITEM_MAX_WORDS).contains(&f.words)
            && mostly_text(f)
            && lines[j].blank_lines_before <= 1
    };
    // A box's header is a few words the lexicons know ("Related:",
    // "Tags:"); a sentence that names a video or a shop in passing
    // introduces the article's own list.
    let intro_line = |i: usize| {
        let f = &feats[i];
        kinds[i].is_none()
            && f.colon_end
            && f.words <= INTRO_MAX_WORDS
            && f.repeats <= 1
            && (f.scan.kind.is_none() || f.words > BOX_HEADER_WORDS && mostly_text(f))
    };
    // The list runs on under the article's last line, or, introduced
    // higher up, ends with it: what follows that list is the page's.
    let (intro, reach) = if feats[last].colon_end {
        (last, n)
    } else if last + 1 < n && intro_line(last + 1) {
        (last + 1, n)
    } else {
        // A full paragraph among them is the article going on under a
        // list set inside it, with whatever the region took after it.
        let lo = last.saturating_sub(LIST_MAX_ITEMS);
        let above = (lo..=last)
            .rev()
            .take_while(|&j| item(j) && !full_paragraph(&feats[j]))
            .find(|&j| j < last && (body[j] || j > 0 && body[j - 1]) && intro_line(j));
        let Some(i) = above else {
            return;
        };
        (i, last + 1)
    };
    let mut end = intro;
    for j in intro + 1..reach.min(intro + 1 + LIST_MAX_ITEMS) {
        if !item(j) {
            break;
        }
        end = j;
    }
    if end >= intro + LIST_MIN_ITEMS {
        for flag in &mut body[intro..=end] {
            *flag = true;
        }
    }
}

/// Whether boilerplate phrases cover less than [`ITEM_MAX_COVERAGE`] of a
/// line's letters and digits. Quantities are an item's matter ("200 g
/// sugar"): phrases only.
fn mostly_text(f: &LineFeatures) -> bool {
    (f.scan.covered as f32) < ITEM_MAX_COVERAGE * f.alnum as f32
}

/// Lines under the article's last line searched for a recipe card's
/// ingredients header, at most.
const RECIPE_REACH: usize = 40;
/// Most lines of a recipe card's ingredient list, and of its steps.
const RECIPE_PART_LINES: usize = 40;
/// Longest header of a recipe card, in words.
const RECIPE_HEADER_WORDS: usize = 4;
/// Fewest ingredients of a recipe card.
const RECIPE_MIN_ITEMS: usize = 2;

/// The part of a recipe card a header opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecipePart {
    /// What goes in ("Ingredients", "Zutaten").
    Ingredients,
    /// How it is made ("Method", "Zubereitung").
    Steps,
}

/// The headers of a recipe card (`data/structure/recipe_headers.txt`),
/// folded.
static RECIPE_HEADERS: LazyLock<HashMap<String, RecipePart>> = LazyLock::new(|| {
    let data = include_str!("../../../data/structure/recipe_headers.txt");
    let mut headers = HashMap::default();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let part = match line.split_once('\t') {
            Some(("ingredients", h)) => (RecipePart::Ingredients, h),
            Some(("steps", h)) => (RecipePart::Steps, h),
            _ => continue,
        };
        headers.insert(fold(part.1.trim()).0, part.0);
    }
    headers
});

/// The part of a recipe card that line `i` heads, if it is a header.
fn recipe_header(folded: &FoldedLines, feats: &[LineFeatures], i: usize) -> Option<RecipePart> {
    if feats[i].words > RECIPE_HEADER_WORDS {
        return None;
    }
    let key = folded.line(i).trim_end_matches([':', '：', ' ']);
    RECIPE_HEADERS.get(key).copied()
}

/// Whether line `i` can be a recipe card's: no chrome the lexicons know (a
/// quantity alone reads as a counter, a "1 – 2 tbsp" as a gallery's
/// caption).
fn card_line(feats: &[LineFeatures], kinds: &[Option<BlockKind>], i: usize) -> bool {
    matches!(
        kinds[i],
        None | Some(BlockKind::Caption | BlockKind::Counter | BlockKind::Timestamp)
    ) && !feats[i].markup
}

/// A recipe card read down from its ingredients header.
struct Card {
    /// The lines of the card: the header, the items, the steps header and
    /// the steps.
    lines: Vec<usize>,
    /// How many ingredients it lists.
    items: usize,
    /// Whether a steps header follows the ingredients.
    steps_header: bool,
    /// How many steps it gives.
    steps: usize,
    /// Whether the walk down the card reached the line it was to stop at.
    reached: bool,
}

/// Reads the recipe card whose ingredients header is line `header`: the
/// items under it (card lines only, [`RECIPE_PART_LINES`] at most), the
/// steps header ("Method", "Zubereitung") and the steps, up to the first
/// chrome the lexicons know or a short line that ends no sentence with no
/// sentence under it, or up to line `until`, which the card does not take.
/// `None` when chrome stands among the ingredients.
fn read_card(
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    header: usize,
    until: usize,
) -> Option<Card> {
    let n = feats.len();
    let mut card = Card {
        lines: vec![header],
        items: 0,
        steps_header: false,
        steps: 0,
        reached: false,
    };
    let mut next = header + 1;
    for i in header + 1..n.min(header + 1 + RECIPE_PART_LINES) {
        next = i + 1;
        if i == until {
            card.reached = true;
            return Some(card);
        }
        if feats[i].alnum == 0 {
            continue;
        }
        if recipe_header(folded, feats, i) == Some(RecipePart::Steps) {
            card.steps_header = true;
            card.lines.push(i);
            break;
        }
        if !card_line(feats, kinds, i) {
            return None;
        }
        card.lines.push(i);
        card.items += 1;
    }
    if !card.steps_header {
        return Some(card);
    }
    let next_text = |i: usize| (i + 1..n).find(|&k| feats[k].alnum > 0);
    for i in next..n.min(next + RECIPE_PART_LINES) {
        let f = &feats[i];
        if i == until {
            card.reached = true;
            break;
        }
        if f.alnum == 0 {
            continue;
        }
        if !card_line(feats, kinds, i) {
            break;
        }
        // A step's subheading ("For the glaze") has a sentence under it; the
        // box under the card ("Nutrition facts" / "Per serving") has not.
        if !f.terminal
            && !next_text(i).is_some_and(|k| card_line(feats, kinds, k) && feats[k].terminal)
        {
            break;
        }
        card.lines.push(i);
        card.steps += 1;
    }
    Some(card)
}

/// Takes into the article the recipe card set under a cooking post: an
/// ingredients header ("Ingredients", "Zutaten") within [`RECIPE_REACH`]
/// lines under the article's last line, the list under it, the steps
/// header and the steps ([`read_card`]). A card's items are short lines
/// like a link list's, and its facts (servings, times) and print buttons
/// stand between the post and the card, so the article region stops above
/// it; a comment thread before the header means the card is not the
/// post's.
pub(super) fn adopt_recipe_card(
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
) {
    let n = body.len();
    let Some(last) = body.iter().rposition(|&b| b) else {
        return;
    };
    let header = (last + 1..n.min(last + 1 + RECIPE_REACH))
        .take_while(|&i| kinds[i] != Some(BlockKind::Comments))
        .find(|&i| recipe_header(folded, feats, i) == Some(RecipePart::Ingredients));
    let Some(card) = header.and_then(|h| read_card(folded, feats, kinds, h, n)) else {
        return;
    };
    if card.items >= RECIPE_MIN_ITEMS && card.steps_header && card.steps > 0 {
        for i in card.lines {
            body[i] = true;
        }
    }
}

/// Most lines of a recipe's facts over its ingredients header (servings,
/// times, difficulty).
const RECIPE_FACT_LINES: usize = 12;
/// Longest line of a recipe's facts, in words.
const RECIPE_FACT_WORDS: usize = 12;

/// Takes into the article the recipe card set between the headline and the
/// article's first line: a recipe page opens with the card's facts
/// ("Serves 4", "Prep time" / "20 min"), its ingredients and often its
/// steps, all short lines, and the article region begins at the first
/// sentence of the steps or at the notes under the card. The card is taken
/// from the facts over its ingredients header (short card lines up from
/// it, short of the headline) down to the article's first line, when the
/// walk down the card ([`read_card`]) reaches that line. A whole card
/// (ingredients, steps header, steps) that stops above the article, with a
/// comment thread or form between them, is the article itself: what the
/// region found under the comments is a comment or the page's footer, and
/// leaves the body.
pub(super) fn adopt_recipe_card_above(
    folded: &FoldedLines,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    headline: usize,
    body: &mut [bool],
) {
    let Some(first) = body.iter().position(|&b| b) else {
        return;
    };
    if first <= headline {
        return;
    }
    let header = (headline + 1..first.min(headline + 1 + RECIPE_REACH))
        .find(|&i| recipe_header(folded, feats, i) == Some(RecipePart::Ingredients));
    let Some(header) = header else {
        return;
    };
    let Some(card) = read_card(folded, feats, kinds, header, first) else {
        return;
    };
    let whole = card.steps_header && card.steps > 0;
    if card.items < RECIPE_MIN_ITEMS || !(card.reached || whole) {
        return;
    }
    let end = card.lines.last().copied().unwrap_or(header);
    if !card.reached {
        let thread = (end + 1..first).any(|i| kinds[i] == Some(BlockKind::Comments));
        if !thread {
            return;
        }
        body.fill(false);
    }
    let fact = |i: usize| {
        let f = &feats[i];
        card_line(feats, kinds, i) && f.words <= RECIPE_FACT_WORDS && f.repeats <= 1
    };
    // A date among the facts is the page's stamp ("30 min · 10.10.2006"),
    // which the dates stage reads outside the article.
    let facts = (headline + 1..header)
        .rev()
        .take(RECIPE_FACT_LINES)
        .take_while(|&i| feats[i].alnum == 0 || fact(i))
        .filter(|&i| feats[i].alnum > 0 && !numeric_date_or_time(folded.line(i)));
    for i in facts.chain(card.lines) {
        body[i] = true;
    }
}

/// Fewest letters of the banner phrase that makes a line next to a banner
/// the banner's own text.
const BOX_TEXT_PHRASE: usize = 8;
/// Fewest letters of the comment-form phrase that makes a line next to a
/// comment-form line the form's own text: a form's notice is a clause
/// ("comments are moderated"), where one word ("Discussion") can be
/// the story's.
const FORM_TEXT_PHRASE: usize = 16;

/// Drops the text of a newsletter, paywall or consent box set inside the
/// article: a body line with a banner phrase ("ohne dein Einverständnis",
/// "delivered to your inbox") right above or under a line of that kind
/// ("Subscribe to our newsletter", "Datenschutzeinstellungen verwalten").
/// Alone, such a phrase can be the story's matter; next to the box's
/// header it is the box. So is a short line between two lines of the box.
/// A comment form's notice is the same: a body line with a comment-form
/// clause ("comments are moderated") right above or under a line of
/// the form ("Post a comment").
pub(super) fn drop_box_text(
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
) {
    let n = body.len();
    let banner = |j: usize| kinds[j] == Some(BlockKind::Banner);
    let form = |j: usize| kinds[j] == Some(BlockKind::Comments);
    for i in 0..n {
        let f = &feats[i];
        let phrase = f.scan.kind == Some(BlockKind::Banner) && f.scan.longest >= BOX_TEXT_PHRASE;
        let notice = f.scan.kind == Some(BlockKind::Comments) && f.scan.longest >= FORM_TEXT_PHRASE;
        if body[i] && notice && (i > 0 && form(i - 1) || i + 1 < n && form(i + 1)) {
            body[i] = false;
        }
        let (above, below) = (i > 0 && banner(i - 1), i + 1 < n && banner(i + 1));
        // A line between two of the box's lines is its text, whatever it
        // says ("Become a member of" / "… and get offers!" / "Sign up").
        let inside = above && below && !is_good(f);
        if body[i] && (phrase && (above || below) || inside) {
            body[i] = false;
        }
    }
}

/// Most lines of a block that is a box's text rather than the article's.
const BOX_BLOCK_LINES: usize = 4;
/// Longest line of a box's pitch, in words.
const BOX_PITCH_WORDS: usize = 35;
/// Fewest words of a pitch: fewer make a button ("S'abonner").
const BOX_PITCH_MIN_WORDS: usize = 4;
/// Fewest prose lines of the article outside a box's block.
const BOX_PROSE_OUTSIDE: usize = 3;

/// Drops the body lines of a short block that holds a box's call to act: a
/// newsletter, donation or comment box ("Like our magazine? We chose not to
/// put up a paywall …" / "… so we need your help." / "Support us with a
/// small donation."). A box's text shares a block with its pitch, while
/// the article's paragraphs stand apart; so a block of a few lines with a
/// banner line or a short pitch in it is the box, when the article has
/// prose outside it.
pub(super) fn drop_box_blocks(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
) {
    // A pitch opens with its question or names its box in a long phrase;
    // a button ("Subscribe") sits in any block, and a quote ("'No
    // subscription needed,' the agency wrote") is the story's matter.
    let pitch = |i: usize| {
        let f = &feats[i];
        let opens = kinds[i] == Some(BlockKind::Banner)
            && f.scan.prefix.is_some_and(|(k, _)| k == BlockKind::Banner);
        let names = f.words <= BOX_PITCH_WORDS
            && f.scan.longest >= BOX_TEXT_PHRASE
            && matches!(f.scan.kind, Some(BlockKind::Banner | BlockKind::Comments));
        (opens || names)
            && f.words >= BOX_PITCH_MIN_WORDS
            && !f.wrapped
            && !doc.line_text(i).contains(['"', '„', '“', '”', '«', '»'])
    };
    let prose = body
        .iter()
        .zip(feats)
        .filter(|&(&b, f)| b && is_good(f))
        .count();
    for block in doc.blocks() {
        let lines = block.first_line..block.end_line;
        if lines.len() < 2 || lines.len() > BOX_BLOCK_LINES {
            continue;
        }
        if !lines.clone().any(|i| body[i]) || !lines.clone().any(pitch) {
            continue;
        }
        let inside = lines
            .clone()
            .filter(|&i| body[i] && is_good(&feats[i]))
            .count();
        if prose - inside < BOX_PROSE_OUTSIDE {
            continue;
        }
        for i in lines {
            body[i] = false;
        }
    }
}

/// Lines under the article looked at for its closing greeting, at most.
const SIGN_OFF_REACH: usize = 3;
/// Longest greeting line that signs off a post, in words.
const SIGN_OFF_WORDS: usize = 8;
/// Fewest and most words of a closing line that ends with a smiley.
const SMILEY_CLOSE_WORDS: std::ops::RangeInclusive<usize> = 4..=35;

/// Whether a line closes a blog post: a greeting opening it ("Liebe
/// Grüße", "Best wishes") or a smiley ending a sentence-long line.
pub(super) fn closes_post(f: &LineFeatures) -> bool {
    (f.scan.sign_off && f.words <= SIGN_OFF_WORDS)
        || (f.emoticon_end && SMILEY_CLOSE_WORDS.contains(&f.words))
}

/// Takes into the article the lines that close a blog post right under
/// its last body line, which the region leaves out because they are short
/// and end no sentence: a closing line ("Bis bald, ihr Lieben <3"), a
/// greeting and the name signed under it ("Liebe Grüße" / "Anna"). The
/// name is taken under a closing line the region took too ("Habt eine
/// gute Woche <3" / "x Anna"), and may come with the blogger's kiss
/// ("x", "xo", "xoxo").
pub(super) fn adopt_sign_off(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
) {
    let n = body.len();
    let Some(last) = body.iter().rposition(|&b| b) else {
        return;
    };
    let mut closed = closes_post(&feats[last]);
    for j in last + 1..n.min(last + 1 + SIGN_OFF_REACH) {
        let f = &feats[j];
        if kinds[j].is_some() || f.repeats > 1 {
            return;
        }
        let kisses = doc
            .line_text(j)
            .split_whitespace()
            .filter(|w| is_kiss(w))
            .count();
        let signature = closed
            && f.words <= 3
            && f.lower_words == kisses
            && kisses < f.words
            && f.digits == 0
            && !f.terminal;
        if closes_post(f) {
            closed = true;
        } else if !signature {
            return;
        }
        body[j] = true;
        if signature {
            return;
        }
    }
}

/// Whether a word is the kiss a blogger signs with before the name ("x
/// Anna", "xoxo Kim"): x and o letters only, an x among them.
fn is_kiss(word: &str) -> bool {
    word.contains('x') && word.chars().all(|c| c == 'x' || c == 'o')
}

/// Fewest dated stamps in a row that make a teaser list.
const TEASER_STAMPS: usize = 3;
/// Longest date line that stamps a teaser alone, in words ("19.11.2019",
/// "Nov 18, 2019").
const BARE_DATE_WORDS: usize = 4;
/// Most lines from one teaser's stamp to the next one's.
const TEASER_ITEM_LINES: usize = 5;
/// Fewest letters of a teaser's stamp besides its date: the name of an
/// author or an outlet.
const STAMP_NAME_LETTERS: usize = 6;
/// Longest teaser stamp, in words.
const TEASER_STAMP_WORDS: usize = 16;
/// Fewest prose lines of the article above a teaser list.
const TEASER_PROSE_BEFORE: usize = 3;

/// A teaser's stamp: a short line that gives a date or a clock time with
/// a name ("Ana Ruiz • Nov 18", "Jan Berg, Berlin 19.10.2019, 21:59"),
/// opening with the name or the date, and no chrome the lexicons know.
fn teaser_stamp(text: &str, f: &LineFeatures) -> bool {
    let letters = f.alnum.saturating_sub(f.digits + f.scan.date_covered);
    let shaped = !f.terminal
        && f.words <= TEASER_STAMP_WORDS
        && letters >= STAMP_NAME_LETTERS
        && f.strong.is_none()
        && f.scan.kind.is_none()
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    shaped && ((f.scan.date_covered >= 3 && f.digits >= 1) || numeric_date_or_time(text))
}

/// A date alone on its line and no time of day ("10.11.2021", "Nov 18,
/// 2019"): a teaser list stamps each item with the day it ran, over its
/// headline or under its summary, while a live blog stamps its entries
/// with the clock ("3:50 p.m.", "18.11. 10:15 Uhr"), and those stay in the
/// article.
fn bare_date(text: &str, f: &LineFeatures) -> bool {
    f.strong == Some(BlockKind::Timestamp)
        && f.words <= BARE_DATE_WORDS
        && !text.contains(':')
        && (f.scan.date_covered >= 3 || numeric_date_or_time(text))
}

/// Whether `text` holds a numeric date ("19.10.2019", "5/3/20") or a clock
/// time ("21:59"); not a ratio or a score ("8.5/10").
fn numeric_date_or_time(text: &str) -> bool {
    let b = text.as_bytes();
    // The length of the run of ASCII digits at `i`.
    let digits = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < b.len() {
        let d = digits(i);
        if d == 0 {
            i += 1;
            continue;
        }
        let after = i + d;
        let before_ok = i == 0 || !matches!(b[i - 1], b'.' | b'/' | b':');
        if before_ok && d <= 2 && after < b.len() {
            let sep = b[after];
            let d2 = digits(after + 1);
            if sep == b':' && d2 == 2 {
                return true;
            }
            if matches!(sep, b'.' | b'/') && (1..=2).contains(&d2) {
                let next = after + 1 + d2;
                if next < b.len() && b[next] == sep && matches!(digits(next + 1), 2 | 4) {
                    return true;
                }
            }
        }
        i = after;
    }
    false
}

/// Drops a list of teasers the article region ran into: at least
/// [`TEASER_STAMPS`] dated stamps a few lines apart, each with its teaser's
/// headline and summary around it ("Headline" / "Summary." / "Ana Ruiz,
/// 18.10.2019", or a [`bare_date`]: "10.11.2021" / "Headline" /
/// "Summary."). An article dates itself once; a list of other articles
/// dates every item. The list must come after a good part of the
/// article's prose (a third of the prose below it at least), where teaser
/// lists sit; a live blog's time stamps run through the whole article.
pub(super) fn drop_dated_teasers(doc: &Document<'_>, feats: &[LineFeatures], body: &mut [bool]) {
    let n = body.len();
    let (Some(first), Some(last)) = (body.iter().position(|&b| b), body.iter().rposition(|&b| b))
    else {
        return;
    };
    let headline_shaped =
        |j: usize| !feats[j].terminal && (3..=20).contains(&feats[j].words) && !feats[j].wrapped;
    // A name on its own line ("Ana Ruiz", "Sen. Jo Park"): no lowercase
    // word, no figure, no sentence.
    let name_line = |j: usize| {
        let f = &feats[j];
        (2..=4).contains(&f.words)
            && f.lower_words == 0
            && f.digits == 0
            && !f.terminal
            && !f.colon_end
            && f.scan.kind.is_none()
    };
    // The first line of the stamp ending at line `i`: the line itself, the
    // name right above a date line ("Ana Ruiz" / "Tuesday November 19,
    // 2019"), or a date alone.
    let stamp_top = |i: usize| {
        let (text, f) = (doc.line_text(i), &feats[i]);
        if teaser_stamp(text, f) || bare_date(text, f) {
            return Some(i);
        }
        let date_line = f.strong == Some(BlockKind::Timestamp) && f.words <= TEASER_STAMP_WORDS;
        (date_line && i > first && name_line(i - 1)).then(|| i - 1)
    };
    // Stamps as (first line, last line).
    let mut chain: Vec<(usize, usize)> = Vec::new();
    let mut found: Option<(usize, usize)> = None;
    for i in first + 1..n {
        let Some(top) = stamp_top(i) else {
            continue;
        };
        match chain.last() {
            Some(&(_, prev)) if (2..=TEASER_ITEM_LINES).contains(&(i - prev)) => {
                chain.push((top, i));
            }
            _ => {
                if chain.len() >= TEASER_STAMPS {
                    break;
                }
                chain.clear();
                if i > last {
                    break;
                }
                chain.push((top, i));
            }
        }
        if chain.len() >= TEASER_STAMPS {
            found = Some((chain[0].0, i));
        }
    }
    let Some((stamp, end)) = found else {
        return;
    };
    // The first teaser starts at its headline: right above the stamp, or
    // above the summary over the stamp; or at the stamp itself when stamps
    // open their items ("Nov 18" / "Headline" / "Summary."), as the last
    // one shows with its item under it: the lines over the first stamp are
    // then the article's.
    let opens_item = end + 2 < n && headline_shaped(end + 1) && is_good(&feats[end + 2]);
    let start = if opens_item {
        stamp
    } else if stamp >= first + 2 && is_good(&feats[stamp - 1]) && headline_shaped(stamp - 2) {
        stamp - 2
    } else if stamp > first && headline_shaped(stamp - 1) {
        stamp - 1
    } else {
        stamp
    };
    let prose = |range: std::ops::RangeInclusive<usize>| {
        range.filter(|&j| body[j] && is_good(&feats[j])).count()
    };
    let before = if start > first {
        prose(first..=start - 1)
    } else {
        0
    };
    if before < TEASER_PROSE_BEFORE || before * 3 < prose(start..=last.max(start)) {
        return;
    }
    // Under the last stamp, a summary or two of the last teaser; more
    // prose is the article going on under the list.
    let to = if prose(end + 1..=last.max(end + 1)) <= 1 {
        n - 1
    } else {
        end
    };
    for flag in &mut body[start..=to] {
        *flag = false;
    }
}

/// Lines under an author's box header dropped with it, at most.
const AUTHOR_BOX_REACH: usize = 6;
/// Most prose lines of the article under an "About <name>" header: the
/// box's bio and one more.
const ABOUT_PROSE_AFTER: usize = 2;

/// Whether line `i` heads an author's box with the author's name: a word
/// that opens such a box ("About", "Über", "À propos de") and one to three
/// capitalised words, nothing else ("About Ana Ruiz", "Über Marlene").
fn about_header(doc: &Document<'_>, i: usize, f: &LineFeatures) -> bool {
    let Some(end) = f.scan.about_end else {
        return false;
    };
    let rest = doc.line_text(i).get(end..).unwrap_or("");
    let names = rest.split_whitespace().count();
    !f.terminal
        && !f.colon_end
        && (1..=3).contains(&names)
        && rest
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Drops the author's boxes the article region took in: a box header
/// ("About the author", "Autoreninfo", "Sobre el autor") with the bio
/// under it and the short contact lines after the bio, wherever the box
/// sits; and an "About <name>" header near the article's end with all
/// that follows it. A bio is prose like the article's, so only its header
/// tells it apart.
pub(super) fn drop_author_boxes(doc: &Document<'_>, feats: &[LineFeatures], body: &mut [bool]) {
    let n = body.len();
    let (Some(first), Some(last)) = (body.iter().position(|&b| b), body.iter().rposition(|&b| b))
    else {
        return;
    };
    let prose = |body: &[bool], range: std::ops::Range<usize>| {
        range.filter(|&j| body[j] && is_good(&feats[j])).count()
    };
    let mut i = first;
    while i <= last {
        let f = &feats[i];
        let boxed = f.scan.author_box && f.words <= 6 && f.marker_coverage() >= 0.5;
        if boxed && i + 1 < n {
            body[i] = false;
            let mut j = i + 1;
            let mut bio_seen = false;
            while j < n && j <= i + AUTHOR_BOX_REACH {
                let good = is_good(&feats[j]);
                if good && bio_seen {
                    break;
                }
                bio_seen |= good;
                body[j] = false;
                j += 1;
            }
            i = j;
            continue;
        }
        if about_header(doc, i, f)
            && prose(body, first..i) >= 3
            && prose(body, i + 1..n) <= ABOUT_PROSE_AFTER
        {
            for flag in &mut body[i..] {
                *flag = false;
            }
            return;
        }
        i += 1;
    }
}

/// The words of an author's bio (`data/structure/bio_words.txt`): the verbs
/// that follow the name and the newsroom's job nouns, lowercase.
struct BioWords {
    copulas: HashSet<&'static str>,
    jobs: HashSet<&'static str>,
}

static BIO_WORDS: LazyLock<BioWords> = LazyLock::new(|| {
    let mut words = BioWords {
        copulas: HashSet::default(),
        jobs: HashSet::default(),
    };
    let data = include_str!("../../../data/structure/bio_words.txt");
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        match line.split_once('\t') {
            Some(("copula", w)) => words.copulas.insert(w.trim()),
            Some(("job", w)) => words.jobs.insert(w.trim()),
            _ => false,
        };
    }
    words
});

/// Most words of the name that opens a bio.
const BIO_NAME_WORDS: usize = 3;
/// Words after the verb searched for a job noun, at most.
const BIO_JOB_REACH: usize = 8;

/// Whether `text` opens like an author's bio set under the article with no
/// header: a name of two or three capitalised words, a verb right after it,
/// and a newsroom's job within a few words ("Ana Ruiz is a senior writer
/// for the Courier …", "Jan Berg ist Redakteur im Ressort Wirtschaft.").
/// A story's own sentence about a reporter names the reporter after a
/// comma ("Ana Ruiz, a reporter who …") or further in.
pub(super) fn bio_opening(text: &str) -> bool {
    let words = &*BIO_WORDS;
    let mut tokens = text.split_whitespace();
    let mut name = 0;
    let mut verb = None;
    for token in tokens.by_ref().take(BIO_NAME_WORDS + 1) {
        let capitalised = token.chars().next().is_some_and(char::is_uppercase)
            && token
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.');
        if capitalised && name < BIO_NAME_WORDS {
            name += 1;
        } else {
            verb = Some(token);
            break;
        }
    }
    let is_copula = verb.is_some_and(|v| words.copulas.contains(v.to_lowercase().as_str()));
    name >= 2
        && is_copula
        && tokens.take(BIO_JOB_REACH).any(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            words.jobs.contains(t.to_lowercase().as_str())
        })
}

/// Lines under an author's name that make the author's card, at most.
const AUTHOR_CARD_REACH: usize = 4;
/// Longest line of an author's card under the name, in words.
const AUTHOR_CARD_WORDS: usize = 15;

/// Drops the author's cards the article region took in: a body line that
/// is a name of the byline and nothing else ("Ana Ruiz"), with the short
/// lines under it (the role, the outlet: "Reporter for the business desk."
/// / "Harbour Courier"), up to the next full paragraph. A page sets such a
/// card between the lede and the rest of the story, or under it; the
/// story names its author in a sentence, never on a line of its own.
pub(super) fn drop_author_cards(
    folded: &FoldedLines,
    feats: &[LineFeatures],
    authors: &[String],
    body: &mut [bool],
) {
    let names: Vec<String> = authors
        .iter()
        .map(|a| fold(a.trim()).0)
        .filter(|a| a.split(' ').count() >= 2)
        .collect();
    if names.is_empty() {
        return;
    }
    let n = body.len();
    for i in 0..n {
        if !body[i] || !names.iter().any(|name| folded.line(i) == name) {
            continue;
        }
        let end = (i + 1..n.min(i + 1 + AUTHOR_CARD_REACH))
            .find(|&j| full_paragraph(&feats[j]) || feats[j].words > AUTHOR_CARD_WORDS)
            .unwrap_or(n.min(i + 1 + AUTHOR_CARD_REACH));
        // A name with nothing of a card under it is a subheading the
        // byline parser took for a name, or the story's last line.
        if end == i + 1 {
            continue;
        }
        for flag in &mut body[i..end] {
            *flag = false;
        }
    }
}

/// Fewest lines outside the article between its text and a scrap under it.
const SCRAP_GAP: usize = 2;
/// Longest scrap, in characters.
const SCRAP_MAX_LENGTH: usize = 600;
/// How many times the length of a scrap the article above it has, at least.
const SCRAP_ARTICLE_RATIO: usize = 3;
/// Most scraps taken off one page.
const SCRAP_MAX: usize = 4;
/// Most words of a short line between two parts of the article (a
/// subheading, a label: "Moderation: Ana Ruiz").
const SCRAP_LABEL_WORDS: usize = 4;

/// The first line of the run of body lines that ends at line `end`.
fn run_start(body: &[bool], end: usize) -> usize {
    body[..end].iter().rposition(|&b| !b).map_or(0, |i| i + 1)
}

/// Whether a line between two runs of body lines sets the lower run off
/// from the article: a line with a kind, or one too long for a subheading.
/// A related link ("Read more: …", a small "Related links" box) does not:
/// the region keeps the article across such a box on purpose
/// (`structure::link_box`), and the article may go on under it; nor does
/// an embedded post (a social line), which articles quote between their
/// paragraphs.
fn sets_off(kind: Option<BlockKind>, f: &LineFeatures) -> bool {
    match kind {
        Some(BlockKind::Related | BlockKind::Social) => false,
        Some(_) => true,
        None => f.words > SCRAP_LABEL_WORDS,
    }
}

/// Drops the scraps of page text the article region swallowed under the
/// article's end: short runs of body lines (a newsletter box's pitch, a
/// teaser's summary, a comment form's notice, the site's own blurb) set off
/// from the text above them by [`SCRAP_GAP`] lines or more that are no
/// article text, among them one that [`sets_off`] the scrap (a teaser's
/// headline, a newsletter box's header). They go from the last one up while
/// each is short and the article above it is much longer. Short unlabelled
/// lines alone (a subheading and a label over a paragraph) head a part of
/// the article itself, which stays; more than [`SCRAP_MAX`] scraps in a row are
/// the article's own list set between furniture (a recipe's steps under
/// their photos, numbered references), and stay.
pub(super) fn drop_tail_scraps(
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &mut [bool],
) {
    let Some(mut end) = body.iter().rposition(|&b| b) else {
        return;
    };
    let mut left: usize = (0..body.len())
        .filter(|&i| body[i])
        .map(|i| feats[i].length)
        .sum();
    let (mut cut, mut scraps) = (body.len(), 0);
    loop {
        let mut start = run_start(body, end);
        let Some(mut above) = body[..start].iter().rposition(|&b| b) else {
            break;
        };
        // A scrap's parts split by one line that sets nothing off (a
        // teaser's headline and its summary under a label: "… headline" /
        // "Islands" / "Summary.") are one scrap: each part alone lies a
        // line from the other, too near to count as set off from it.
        while above + 2 == start && !sets_off(kinds[above + 1], &feats[above + 1]) {
            start = run_start(body, above);
            match body[..start].iter().rposition(|&b| b) {
                Some(next) => above = next,
                None => break,
            }
        }
        if start <= above {
            break;
        }
        let gap = above + 1..start;
        let set_off = gap.len() >= SCRAP_GAP && gap.clone().any(|i| sets_off(kinds[i], &feats[i]));
        let length: usize = (start..=end)
            .filter(|&i| body[i])
            .map(|i| feats[i].length)
            .sum();
        left -= length;
        if !set_off || length > SCRAP_MAX_LENGTH || left < SCRAP_ARTICLE_RATIO * length {
            break;
        }
        (cut, scraps, end) = (start, scraps + 1, above);
    }
    if (1..=SCRAP_MAX).contains(&scraps) {
        for flag in &mut body[cut..] {
            *flag = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::language;

    /// The body text `analyze` gives for `text`, whitespace-normalised.
    fn body_of(text: &str) -> String {
        let doc = Document::new(text);
        let lang = language::detect_article(&doc, None);
        let s = super::super::analyze(&doc, lang.as_ref());
        s.body_text(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    const HARBOUR: [&str; 4] = [
        "The council said on Tuesday that the work on the harbour road would start in the spring, and that the whole route should be open to cyclists and walkers before the end of the next year.",
        "Residents who live along the road have asked for a new crossing near the school, and the council says that it is now looking at where such a crossing could be built.",
        "The cost of the first stage is put at four million pounds, most of it from a regional fund that was set up to improve the links between the towns on the coast.",
        "Work on the second stage, which will take the path past the old fish market, is not expected to start until the first stage has been finished and checked.",
    ];

    /// The article of [`HARBOUR`] in German.
    const HAFEN: [&str; 4] = [
        "Der Gemeinderat hat am Dienstag beschlossen, dass die Arbeiten an der Hafenstraße im Frühjahr beginnen und die ganze Strecke bis zum Ende des nächsten Jahres für Radfahrer und Fußgänger offen sein soll.",
        "Anwohner der Straße haben um einen neuen Übergang bei der Schule gebeten, und die Gemeinde prüft nun, wo ein solcher Übergang gebaut werden könnte.",
        "Die Kosten des ersten Abschnitts werden auf vier Millionen Euro geschätzt, die zum größten Teil aus einem regionalen Fonds für die Verbindungen zwischen den Orten an der Küste kommen.",
        "Mit dem zweiten Abschnitt, der am alten Fischmarkt vorbeiführt, soll erst begonnen werden, wenn der erste fertig und abgenommen ist.",
    ];

    /// A page with a menu over the headline (a page with no chrome is read
    /// as a clean wire story, whose every block is the article).
    fn page(paras: &[&str], tail: &[&str]) -> String {
        format!(
            "Home\nNews\nSport\nWeather\nContact\n\nHarbour road works to start in spring\n\n{}\n\n{}\n\nPrivacy policy\nTerms of use\n",
            paras.join("\n\n"),
            tail.join("\n")
        )
    }

    /// The page of [`page`] with `blocks` set between the article's second
    /// and third paragraphs.
    fn inset(blocks: &[&str]) -> String {
        let mut paras = vec![HARBOUR[0], HARBOUR[1]];
        paras.extend_from_slice(blocks);
        paras.extend([HARBOUR[2], HARBOUR[3]]);
        page(&paras, &[])
    }

    /// A recipe card under a cooking post (its facts and buttons between
    /// them) joins the article: the ingredients, the steps header and the
    /// steps, up to the box under the card; in English and in German.
    #[test]
    fn a_recipe_card_under_the_post_joins_the_article() {
        let post = [
            "Every autumn my neighbour leaves a crate of windfall apples at our door, and every autumn I end up baking the same simple cake with them, because it never fails and it keeps for days.",
            "The trick is to slice the apples thinly and to let the batter rest for ten minutes before it goes into the oven, so that the slices sink a little and stay juicy.",
            "It is best eaten warm with a spoon of cream, but a slice the next morning with a cup of coffee is just as good, if there is any left by then.",
        ];
        let card = [
            "Print",
            "Pin",
            "Servings",
            "8",
            "Prep time",
            "20 minutes",
            "",
            "Ingredients",
            "3 apples, thinly sliced",
            "200 g flour",
            "150 g sugar",
            "2 eggs",
            "Instructions",
            "Beat the eggs with the sugar until pale and fluffy.",
            "Fold in the flour and spread the batter in a buttered tin.",
            "Press the apple slices into the batter and bake for 40 minutes at 180 degrees.",
            "Nutrition facts",
            "Calories 310",
            "Fat 9 g",
        ];
        let text = format!(
            "Home\nRecipes\nBaking\nAbout\nContact\n\nA simple apple cake for windfall apples\n\n{}\n\n{}\n\nPrivacy policy\nTerms of use\n",
            post.join("\n\n"),
            card.join("\n")
        );
        let body = body_of(&text);
        for line in [
            post[2],
            "200 g flour",
            "Instructions",
            "bake for 40 minutes",
        ] {
            assert!(body.contains(line), "{line}: {body}");
        }
        for line in ["Prep time", "Nutrition facts", "Calories 310"] {
            assert!(!body.contains(line), "{line}: {body}");
        }

        let post = [
            "Wenn im Garten die Zucchini schneller wachsen, als wir sie essen können, kommt bei uns jede Woche diese Suppe auf den Tisch, und niemand beschwert sich darüber.",
            "Sie ist in einer halben Stunde fertig, lässt sich gut einfrieren und schmeckt mit einem Klecks Joghurt und etwas frischem Dill am allerbesten.",
            "Wer es würziger mag, gibt zum Schluss noch eine Prise Chili dazu oder röstet ein paar Kürbiskerne in der Pfanne an.",
        ];
        let card = [
            "Drucken",
            "Portionen",
            "4",
            "Zutaten",
            "2 Zucchini",
            "1 Zwiebel",
            "500 ml Gemüsebrühe",
            "Zubereitung",
            "Die Zwiebel würfeln und in etwas Öl glasig dünsten.",
            "Die Zucchini in Stücke schneiden, dazugeben und mit der Brühe aufgießen.",
            "Alles zwanzig Minuten köcheln lassen und fein pürieren.",
            "Das könnte dir auch gefallen",
            "Kürbissuppe mit Ingwer",
        ];
        let text = format!(
            "Startseite\nRezepte\nSuppen\nÜber mich\nKontakt\n\nSchnelle Zucchinisuppe\n\n{}\n\n{}\n\nImpressum\nDatenschutz\n",
            post.join("\n\n"),
            card.join("\n")
        );
        let body = body_of(&text);
        for line in ["500 ml Gemüsebrühe", "Zubereitung", "fein pürieren"] {
            assert!(body.contains(line), "{line}: {body}");
        }
        for line in ["Portionen", "Kürbissuppe mit Ingwer"] {
            assert!(!body.contains(line), "{line}: {body}");
        }
    }

    /// A recipe card between the headline and the first sentence of its
    /// steps joins the article: the facts over the ingredients (the print
    /// button stays out), the list and the short first step; in English.
    #[test]
    fn a_recipe_card_over_the_steps_joins_the_article() {
        let text = "Lemon drizzle traybake | The Home Bakery\nHome\nRecipes\nBaking\nAbout\nContact\n\n\
            Lemon drizzle traybake\n\nPrint\nServes 12\nPrep time\n20 min\nBaking time\n35 min\n\n\
            Ingredients\n225 g soft butter\n225 g caster sugar\n4 large eggs\n275 g self-raising flour\n2 unwaxed lemons\n\n\
            Method\nHeat the oven to 180 degrees.\n\
            Beat the butter and the sugar together in a large bowl until the mixture is pale and fluffy, then add the eggs one at a time, beating well after each one.\n\
            Fold in the flour and the grated zest of both lemons, spoon the batter into a lined tin, smooth the top and bake for about thirty-five minutes until it is golden.\n\
            While the cake is still warm, mix the juice of the lemons with a little sugar and spoon it over the top so that it soaks in and leaves a crisp, sweet crust behind.\n\n\
            Privacy policy\nTerms of use\n";
        let body = body_of(text);
        for line in [
            "Serves 12",
            "Ingredients",
            "225 g caster sugar",
            "Heat the oven to 180 degrees.",
        ] {
            assert!(body.contains(line), "{line}: {body}");
        }
        for line in ["Print", "Privacy policy"] {
            assert!(!body.contains(line), "{line}: {body}");
        }
    }

    /// A whole recipe card under the headline, with the comment thread
    /// under it: the card is the article, not a comment the region found
    /// below; in German.
    #[test]
    fn a_recipe_card_over_a_comment_thread_is_the_article() {
        let text = "Schnelle Zucchinisuppe | Gartenküche\nStartseite\nRezepte\nSuppen\nÜber mich\nKontakt\n\n\
            Schnelle Zucchinisuppe\n\nPortionen: 4\nZeit: 30 Minuten\n\n\
            Zutaten\n2 Zucchini\n1 Zwiebel\n500 ml Gemüsebrühe\n1 Becher Sahne\n\n\
            Zubereitung\nDie Zwiebel würfeln und in etwas Öl glasig dünsten.\n\
            Die Zucchini in Stücke schneiden, dazugeben und mit der Brühe aufgießen.\n\
            Alles zwanzig Minuten köcheln lassen und fein pürieren.\n\n\
            Kommentar verfassen\n3 Kommentare\nAnna sagt:\n12. März 2020 um 10:12\n\
            Ich habe die Suppe gestern gekocht und noch etwas Ingwer und eine Kartoffel dazugegeben, damit sie sämiger wird, und alle in der Familie waren begeistert davon.\n\
            Antworten\nJens sagt:\n14. März 2020 um 18:40\n\
            Bei uns gab es dazu frisches Brot vom Bäcker um die Ecke, und die Reste haben wir am nächsten Tag eingefroren, was wunderbar geklappt hat, danke für das Rezept!\n\
            Antworten\n\nImpressum\nDatenschutz\n";
        let body = body_of(text);
        for line in ["Portionen: 4", "500 ml Gemüsebrühe", "fein pürieren"] {
            assert!(body.contains(line), "{line}: {body}");
        }
        for line in ["frisches Brot", "Ingwer"] {
            assert!(!body.contains(line), "{line}: {body}");
        }
    }

    /// A newsletter or donation box whose text shares a block with its
    /// pitch leaves the body, in any language, wherever it sits.
    #[test]
    fn a_pitch_block_leaves_the_body() {
        for pitch in [
            "Our reporters cover the coast every day of the year, in every weather.\nWe have no paywall and never will, and that costs money every month.\nSupport our journalism with a small monthly donation and help us keep going.",
            "Unsere Reporter sind jeden Tag an der Küste unterwegs, bei jedem Wetter.\nEine Bezahlschranke gibt es bei uns nicht, und das soll so bleiben.\nUnterstützen Sie unsere Arbeit mit einem kleinen monatlichen Beitrag, danke.",
        ] {
            let text = inset(&[pitch]);
            let body = body_of(&text);
            assert!(body.contains("Work on the second stage"), "{body}");
            for line in pitch.lines() {
                assert!(!body.contains(&line[..30]), "{line}: {body}");
            }
        }
    }

    /// A comment form's notice next to the form's lines leaves the body, in
    /// English and in German; a sentence of the article that names a
    /// discussion, right over the form's header, stays.
    #[test]
    fn a_comment_form_notice_leaves_the_body() {
        let lex = super::super::lexicon::get();
        for (lang, lines) in [
            (
                "en",
                [
                    "The row over the harbour road goes on, and the discussion will continue at the next meeting in March.",
                    "Leave a comment",
                    "Please tick the box before you post: comments are moderated, and we keep your name only to run this page.",
                    "Post a comment",
                ],
            ),
            (
                "de",
                [
                    "Der Streit um die Hafenstraße geht weiter, die Diskussion wird bei der nächsten Sitzung im März fortgesetzt.",
                    "Kommentar schreiben",
                    "Bitte setzen Sie vor dem Absenden das Häkchen: Kommentare werden vor der Veröffentlichung geprüft, danke.",
                    "Kommentar abschicken",
                ],
            ),
        ] {
            let stopwords = lex.stopwords(Some(lang));
            let feats: Vec<LineFeatures> = lines
                .iter()
                .map(|l| super::super::line::features(l, lex, stopwords))
                .collect();
            let kinds: Vec<_> = feats.iter().map(super::super::strong_kind).collect();
            let mut body = vec![true; lines.len()];
            drop_box_text(&feats, &kinds, &mut body);
            assert!(body[0], "{lang}: {:?}", lines[0]);
            assert!(!body[2], "{lang}: {:?}", lines[2]);
        }
    }

    /// A question opening a paragraph under the article ("Enjoyed this
    /// article? …") makes it the box that ends the article.
    #[test]
    fn a_pitch_question_ends_the_article() {
        for pitch in [
            "Enjoyed this article? Get the best of our coverage in your inbox every Friday morning when you sign up.",
            "Lust auf mehr? Hol dir jeden Freitag die besten Geschichten der Woche direkt in dein Postfach.",
            "Vous avez aimé cet article ? Recevez chaque vendredi le meilleur de la semaine dans votre boîte.",
        ] {
            let text = page(
                &HARBOUR,
                &[
                    pitch,
                    "",
                    "Ferry fares to rise in April",
                    "New bakery opens on the quay",
                ],
            );
            let body = body_of(&text);
            assert!(body.contains("Work on the second stage"), "{body}");
            assert!(!body.contains(&pitch[20..40]), "{pitch}: {body}");
        }
    }

    /// A name among the topics under a box header after the article is
    /// no author.
    #[test]
    fn a_name_under_a_topics_header_is_no_byline() {
        let text = page(
            &HARBOUR,
            &[
                "More on this story",
                "Ferry fares to rise in April as fuel costs climb",
                "Lifeboat crew called out twice in one night",
                "New bakery opens on the quay after long delay",
                "Harbour",
                "Tom Hale",
                "Ferries",
                "",
            ],
        );
        let doc = Document::new(&text);
        let lang = language::detect_article(&doc, None);
        let s = super::super::analyze(&doc, lang.as_ref());
        assert!(s.body_text(&text).contains("Work on the second stage"));
        assert!(s.authors.is_empty(), "{:?}", s.authors);
    }

    /// A subscribe button in a paragraph's block, or a quote that names a
    /// subscription, leaves the paragraph in the body.
    #[test]
    fn a_button_or_a_quote_keeps_its_block() {
        let button = "Subscribe\nThe ferry company said the new timetable would add two sailings a day from May, with a late boat on Fridays and Saturdays in the summer.";
        let quote = "\"No subscription needed, no adverts, no fees,\" the ferry company wrote on its website when it launched the new live map of its boats.\nThe map shows every sailing in real time and warns of delays caused by the weather.";
        let text = inset(&[button, quote]);
        let body = body_of(&text);
        for kept in ["add two sailings", "live map of its boats", "in real time"] {
            assert!(body.contains(kept), "{kept}: {body}");
        }
    }

    /// A short copyright credit with a subheading under its paragraph does
    /// not end the article.
    #[test]
    fn a_photo_credit_over_a_subheading_does_not_end_the_article() {
        let text = page(
            &[
                HARBOUR[0],
                HARBOUR[1],
                "© Harbour Press",
                HARBOUR[2],
                "What comes next for the fish market",
                HARBOUR[3],
            ],
            &[],
        );
        let body = body_of(&text);
        assert!(body.contains("Work on the second stage"), "{body}");
    }

    /// PHP warnings printed over a page are not its article.
    #[test]
    fn php_diagnostics_are_not_the_article() {
        let warnings: Vec<String> = ["start_el", "end_el", "start_lvl", "end_lvl", "walk", "display"]
            .iter()
            .map(|f| format!("Warning: Declaration of Menu_Walker::{f}() should be compatible with the method of its parent class, as the theme expects, in /home/site/wp-content/themes/coast/functions.php on line 112"))
            .collect();
        let mut paras: Vec<&str> = warnings.iter().map(String::as_str).collect();
        paras.push("Harbour road works to start in spring");
        paras.extend(HARBOUR);
        let text = page(&paras, &[]);
        let body = body_of(&text);
        assert!(body.contains("Work on the second stage"), "{body}");
        assert!(!body.contains("Menu_Walker"), "{body}");
    }

    /// Tag lines a flattener kept leave the body; an embed's quote stays.
    #[test]
    fn markup_lines_leave_the_body() {
        let text = inset(&[
            "<div class=\"related-box\" data-id=\"4411\">",
            "[gallery ids=\"31,32,35\" columns=\"3\"]",
            "<post author=\"@coastwatch\">The ferry left on time this morning despite the strong winds along the coast.</post>",
        ]);
        let body = body_of(&text);
        assert!(body.contains("left on time this morning"), "{body}");
        assert!(!body.contains("related-box"), "{body}");
        assert!(!body.contains("gallery ids"), "{body}");
    }

    #[test]
    fn numeric_dates_and_times_but_not_scores() {
        for text in [
            "Jan Berg, Berlin 19.10.2019, 21:59",
            "Ana Ruiz 5/3/20",
            "21:59",
        ] {
            assert!(numeric_date_or_time(text), "{text}");
        }
        for text in [
            "Kanae's review 8.5/10",
            "Post views: 1.432",
            "Lap 14 65.25 s",
        ] {
            assert!(!numeric_date_or_time(text), "{text}");
        }
    }

    /// Teasers with a name and a date under each headline leave the body.
    #[test]
    fn dated_teasers_under_the_article_leave_the_body() {
        let text = page(
            &HARBOUR,
            &[
                "Ferry fares to rise in April as fuel costs climb",
                "Ana Ruiz • Nov 18",
                "Operators say the rise of a tenth is the first in three years and blame the price of diesel.",
                "",
                "Lifeboat crew called out twice in one night",
                "Tom Hale • Nov 17",
                "The volunteers brought two sailors ashore after their yacht lost its mast in the storm.",
                "",
                "New bakery opens on the quay after long delay",
                "Ana Ruiz • Nov 15",
                "The owners had waited a year for the building to be cleared of damp and old nets.",
            ],
        );
        let body = body_of(&text);
        assert!(body.contains("Work on the second stage"), "{body}");
        for teaser in [
            "Ferry fares",
            "Ana Ruiz",
            "Lifeboat crew",
            "The volunteers",
            "New bakery",
        ] {
            assert!(!body.contains(teaser), "{teaser}: {body}");
        }
    }

    /// A name line over a date line is one stamp ("Jan Berg" / "Dienstag,
    /// 19. November 2019").
    #[test]
    fn teasers_with_the_name_over_the_date_leave_the_body() {
        let paras = [
            "Nach zwei Jahren Umbau öffnet die Stadtbibliothek am Montag wieder, mit einem neuen Lesesaal im Dachgeschoss und deutlich längeren Öffnungszeiten am Wochenende.",
            "Im Erdgeschoss gibt es jetzt eine Werkstatt mit Druckern und Nähmaschinen, die Schulklassen und Vereine nach einer kurzen Einweisung kostenlos nutzen dürfen.",
            "Die Kinderabteilung ist in den früheren Innenhof gezogen, der ein Glasdach bekommen hat und auch im Winter hell und warm bleibt, wie die Leiterin erklärte.",
            "Bezahlt wurde der Umbau zum größten Teil vom Land, den Rest hat die Stadt aus ihrem Haushalt und aus Spenden mehrerer Stiftungen zusammengebracht.",
        ];
        let text = format!(
            "Stadtbibliothek öffnet wieder\n\n{}\n\n{}\n",
            paras.join("\n\n"),
            [
                "Neue Buslinie verbindet die Ortsteile im Norden der Stadt",
                "Jana Wendt",
                "Dienstag, 19. November 2019",
                "Ab Dezember fährt der Bus alle zwanzig Minuten und hält auch am neuen Gewerbegebiet.",
                "Hallenbad bleibt wegen Reparaturen bis zum Frühjahr geschlossen",
                "Mehmet Aksoy",
                "Montag, 18. November 2019",
                "Das Dach muss erneuert werden, weil Wasser in die Decke über dem Becken eingedrungen ist.",
                "Wochenmarkt zieht für den Winter auf den Platz am Rathaus um",
                "Eva Kron",
                "Montag, 18. November 2019",
                "Die Händler hoffen, dass die Kunden ihnen auch am neuen Ort treu bleiben werden.",
            ]
            .join("\n")
        );
        let body = body_of(&text);
        assert!(body.contains("Bezahlt wurde der Umbau"), "{body}");
        for teaser in [
            "Neue Buslinie",
            "Ab Dezember",
            "Hallenbad",
            "Wochenmarkt",
            "Eva Kron",
        ] {
            assert!(!body.contains(teaser), "{teaser}: {body}");
        }
    }

    /// Teasers that each open with their date alone, in English.
    const DATED_EN: [&str; 9] = [
        "Nov 18, 2019",
        "Ferry fares to rise in April as fuel costs climb",
        "Operators say the rise of a tenth is the first in three years and blame the price of diesel.",
        "Nov 17, 2019",
        "Lifeboat crew called out twice in one night",
        "The volunteers brought two sailors ashore after their yacht lost its mast in the storm.",
        "Nov 15, 2019",
        "New bakery opens on the quay after long delay",
        "The owners had waited a year for the building to be cleared of damp and old nets.",
    ];

    /// Teasers that each open with their date alone, in German.
    const DATED_DE: [&str; 9] = [
        "18.11.2019",
        "Fährpreise steigen im April wegen der Kosten für Treibstoff",
        "Die Reedereien sprechen von der ersten Erhöhung seit drei Jahren und verweisen auf den Dieselpreis.",
        "17.11.2019",
        "Seenotretter in einer Nacht zweimal im Einsatz",
        "Die Freiwilligen brachten zwei Segler an Land, deren Jacht im Sturm den Mast verloren hatte.",
        "15.11.2019",
        "Neue Bäckerei am Kai öffnet nach langer Verzögerung",
        "Die Besitzer hatten ein Jahr gewartet, bis das Gebäude von Feuchtigkeit und alten Netzen befreit war.",
    ];

    /// A date alone stamps a teaser ("Nov 18, 2019" / headline / summary,
    /// "18.11.2019" / headline / summary): the teasers leave the body, in
    /// English and in German.
    #[test]
    fn teasers_stamped_with_a_date_alone_leave_the_body() {
        for tail in [DATED_EN, DATED_DE] {
            let body = body_of(&page(&HARBOUR, &tail));
            assert!(body.contains("Work on the second stage"), "{body}");
            for teaser in [tail[1], tail[2], tail[5], tail[8]] {
                assert!(!body.contains(teaser), "{teaser}: {body}");
            }
        }
    }

    /// An article whose last paragraph sits under a subheading keeps both
    /// over teasers that each open with their date: the stamps open their
    /// items, so the lines over the first one are the article's; in English
    /// and in German.
    #[test]
    fn the_last_part_stays_over_teasers_opened_by_their_dates() {
        let english = [
            HARBOUR[0],
            HARBOUR[1],
            HARBOUR[2],
            "What happens next at the old fish market",
            HARBOUR[3],
        ];
        let german = [
            HAFEN[0],
            HAFEN[1],
            HAFEN[2],
            "Wie es am alten Fischmarkt weitergeht",
            HAFEN[3],
        ];
        for (paras, tail) in [(english, DATED_EN), (german, DATED_DE)] {
            let body = body_of(&page(&paras, &tail));
            assert!(body.contains(paras[3]), "{body}");
            assert!(body.contains(paras[4]), "{body}");
            assert!(!body.contains(tail[2]), "{body}");
        }
    }

    /// A live blog that stamps its entries with the clock alone, under an
    /// opening of several paragraphs, keeps them: a time of day is no
    /// teaser's date ("Nov 18, 10:15", "18.11. 10:15 Uhr"); in English and
    /// in German.
    #[test]
    fn entries_stamped_with_the_clock_alone_stay() {
        let english = [
            "The first ferry of the morning was cancelled after the harbour master closed the outer basin to all boats.",
            "Police have asked drivers to stay away from the coast road, where waves are washing over the sea wall.",
            "The council has opened the sports hall as a shelter for people whose homes have lost their power.",
        ];
        let german = [
            "Die erste Fähre des Morgens fiel aus, nachdem der Hafenmeister das äußere Becken für alle Boote gesperrt hatte.",
            "Die Polizei bittet Autofahrer, die Küstenstraße zu meiden, wo die Wellen über die Kaimauer schlagen.",
            "Die Gemeinde hat die Sporthalle als Unterkunft für alle geöffnet, deren Häuser keinen Strom mehr haben.",
        ];
        for (paras, entries, clock) in [
            (HARBOUR, english, "Nov 18, 10:{}5"),
            (HAFEN, german, "18.11. 10:{}5 Uhr"),
        ] {
            let mut tail = Vec::new();
            for (i, entry) in entries.iter().enumerate() {
                tail.push(clock.replace("{}", &(i + 1).to_string()));
                tail.push((*entry).to_owned());
            }
            let tail: Vec<&str> = tail.iter().map(String::as_str).collect();
            let body = body_of(&page(&paras, &tail));
            for entry in entries {
                assert!(body.contains(entry), "{entry}: {body}");
            }
        }
    }

    /// A live blog stamps every entry from the top: its entries stay.
    #[test]
    fn a_live_blog_keeps_its_stamped_entries() {
        let mut lines = vec![
            "Storm live: ferries cancelled along the coast".to_owned(),
            String::new(),
        ];
        let entries = [
            "The first ferry of the morning was cancelled after the harbour master closed the outer basin to all boats.",
            "Police have asked drivers to stay away from the coast road, where waves are washing over the sea wall.",
            "The council has opened the sports hall as a shelter for people whose homes have lost their power.",
            "Forecasters say the wind will ease in the afternoon, but the sea will stay rough until the evening.",
        ];
        for (i, entry) in entries.iter().enumerate() {
            lines.push(format!("Ana Ruiz 10:{}5", i + 1));
            lines.push(format!(
                "Update {}: the latest from our reporter at the harbour",
                i + 1
            ));
            lines.push((*entry).to_owned());
            lines.push(String::new());
        }
        let text = lines.join("\n");
        let body = body_of(&text);
        for entry in entries {
            assert!(body.contains(entry), "{entry}: {body}");
        }
    }

    /// An author's box inside the article: the header, the bio and the
    /// contact line leave the body; the article goes on under the box.
    #[test]
    fn an_author_box_inside_the_article_leaves_the_body() {
        let text = inset(&[
            "Autoreninfo",
            "Jana Wendt leitet das Ressort Wirtschaft. Sie studierte Geschichte in Leipzig und war viele Jahre Korrespondentin in Warschau.",
            "So erreichen Sie Jana Wendt:",
        ]);
        let body = body_of(&text);
        assert!(!body.contains("Autoreninfo"), "{body}");
        assert!(!body.contains("leitet das Ressort"), "{body}");
        assert!(!body.contains("So erreichen Sie"), "{body}");
        assert!(body.contains("The cost of the first stage"), "{body}");
        assert!(body.contains("Work on the second stage"), "{body}");
    }

    /// "About <name>" over a bio at the article's end closes it; the same
    /// shape with the article going on under it is a subheading.
    #[test]
    fn an_about_box_closes_the_article_and_a_subheading_stays() {
        let bio = "Hi, I am a baker and a food writer, and I have loved cakes for as long as I can remember, ever since my grandmother let me help her in the kitchen.";
        let text = page(&HARBOUR, &["About Lena", "", bio]);
        let body = body_of(&text);
        assert!(body.contains("Work on the second stage"), "{body}");
        assert!(!body.contains("I am a baker"), "{body}");

        let mut paras = vec![HARBOUR[0], HARBOUR[1], HARBOUR[2], "Über Bremen"];
        paras.extend([
            "In Bremen fahren die Fähren schon seit dem Sommer wieder nach dem alten Fahrplan, wie die Gesellschaft mitteilte.",
            "Die Stadt will den Anleger im nächsten Jahr erneuern und hat dafür bereits Mittel beim Land beantragt, hieß es.",
            "Auch die Haltestelle am Ufer soll barrierefrei werden, damit Rollstuhlfahrer ohne Hilfe an Bord kommen können.",
        ]);
        let text = page(&paras, &[]);
        let body = body_of(&text);
        assert!(body.contains("Die Stadt will den Anleger"), "{body}");
        assert!(body.contains("Auch die Haltestelle"), "{body}");
    }

    /// A box header given as a line marker ("Keep reading") heads the
    /// teasers under it; the article goes on under them.
    #[test]
    fn teasers_under_a_marker_header_leave_the_body() {
        let text = inset(&[
            "Keep reading\nFerry fares to rise in April as fuel costs climb\nOperators blame the price of diesel for the first rise in years.",
        ]);
        let body = body_of(&text);
        assert!(!body.contains("Ferry fares"), "{body}");
        assert!(!body.contains("Operators blame"), "{body}");
        assert!(body.contains("The cost of the first stage"), "{body}");
    }

    /// A blog post closes with a greeting and a signature, or with a
    /// smiley: they stay, the share row under them goes.
    #[test]
    fn a_blogger_s_closing_lines_stay_in_the_post() {
        let closed = page(
            &HARBOUR,
            &[
                "Bis nächste Woche und lasst es euch schmecken <3",
                "Liebe Grüße",
                "Anna",
                "Teilen",
                "Twittern",
                "Pinnen",
            ],
        );
        let body = body_of(&closed);
        assert!(body.contains("lasst es euch schmecken <3"), "{body}");
        assert!(body.contains("Liebe Grüße"), "{body}");
        assert!(!body.contains("Twittern"), "{body}");

        let bare = page(&HARBOUR, &["Lasst es euch schmecken", "Teilen", "Twittern"]);
        let body = body_of(&bare);
        assert!(!body.contains("Lasst es euch schmecken"), "{body}");
    }

    /// A sentence that names a video in passing and closes with a colon
    /// introduces the list the post ends with; the lexicons' word in it does
    /// not make it a box's header.
    #[test]
    fn a_closing_list_under_a_sentence_naming_a_video_stays() {
        let de = "Drei Ausflüge an die Küste | Reiseblog Möwe\n\nStart\nReisen\nÜber mich\n\nDrei Ausflüge an die Küste\n\n\
            Der Stadtrat hat am Dienstag beschlossen, die alte Fährlinie zwischen dem Hafen und der Insel wieder in Betrieb zu nehmen, nachdem sie mehr als drei Jahre stillgelegt war.\n\n\
            Die ersten Schiffe sollen Anfang Mai fahren, und der Fahrplan wird so abgestimmt, dass Pendler ohne lange Wartezeit in die Züge am Morgen umsteigen können.\n\n\
            Die Bewohner der Insel hatten sich seit der Pleite des letzten Betreibers für die Verbindung eingesetzt, und viele von ihnen verfolgten die Sitzung im Rathaus.\n\n\
            Und hier findet ihr die Orte aus dem Video:\nDer alte Leuchtturm\nMit dem Bus bis Haltestelle Hafenstraße\n\n\
            Das Fischcafé am Kai\nFünf Minuten vom Anleger\n\nDer Strand hinter den Dünen\nZehn Minuten zu Fuß vom Bahnhof\n\n\
            Ähnliche Beiträge\nEin Wochenende auf der Nachbarinsel\nDie schönsten Radwege im Norden\n\nImpressum\nDatenschutz\n";
        let en = "Three trips to the coast | Gull Travel Blog\n\nHome\nTravel\nAbout me\n\nThree trips to the coast\n\n\
            The city council voted on Tuesday to reopen the old ferry line between the harbour and the island, ending a closure that has lasted more than three years.\n\n\
            Officials said the first boats would run in early May, with a timetable that matches the morning trains so that commuters can change without a long wait.\n\n\
            Residents of the island had campaigned for the service since the last operator went bankrupt, and many of them attended the meeting to hear the vote.\n\n\
            And here are the places you saw in the video:\nThe old lighthouse\nTake the bus to the Harbour Street stop\n\n\
            The fish cafe on the quay\nFive minutes from the pier\n\nThe beach behind the dunes\nTen minutes on foot from the station\n\n\
            Related posts\nA weekend on the neighbouring island\nThe best cycle paths in the north\n\nImprint\nPrivacy policy\n";
        for (text, item, teaser) in [
            (
                de,
                "Zehn Minuten zu Fuß vom Bahnhof",
                "Wochenende auf der Nachbarinsel",
            ),
            (
                en,
                "Ten minutes on foot from the station",
                "weekend on the neighbouring island",
            ),
        ] {
            let body = body_of(text);
            assert!(body.contains(item), "{body}");
            assert!(!body.contains(teaser), "{body}");
        }
    }

    /// A list its introducing line opens under the article, whose longer
    /// items read as prose: the short items between them, and the line
    /// that introduces them, join the article with them; the teasers under
    /// the list's end do not.
    #[test]
    fn a_closing_list_with_prose_items_joins_the_article_whole() {
        let de = "Ein Tag am Wasser | Reiseblog Möwe\n\n\
            Start\nReisen\nÜber mich\n\n\
            Ein Tag am Wasser\n\n\
            Der Stadtrat hat am Dienstag beschlossen, die alte Fährlinie zwischen dem Hafen und der Insel wieder in Betrieb zu nehmen, nachdem sie mehr als drei Jahre stillgelegt war.\n\n\
            Die ersten Schiffe sollen Anfang Mai fahren, und der Fahrplan wird so abgestimmt, dass Pendler ohne lange Wartezeit in die Züge am Morgen umsteigen können.\n\n\
            Die Bewohner der Insel hatten sich seit der Pleite des letzten Betreibers für die Verbindung eingesetzt, und viele von ihnen verfolgten die Sitzung im Rathaus.\n\n\
            Meine liebsten Orte am Wasser im Norden:\n\n\
            Der alte Leuchtturm in Westermarsch\nDie Stege am Binnenhafen\nDer Strand hinter den Dünen von Nordby (mit Kaffee im Strandkorb oder Sonnenuntergang auf der Mole)\nDas Fischcafé am Kai\nDie Promenade zwischen Hafen und Leuchtturm (im Herbst ziehen dort die Zugvögel über die Salzwiesen)\n\n\
            Fotos: Jana Berg\n\n\
            Ähnliche Beiträge\nEin Wochenende auf der Nachbarinsel\nDie schönsten Radwege im Norden\n\n\
            Impressum\nDatenschutz\n";
        let fr = "Une journée au bord de l'eau | Blog Voyage Mouette\n\n\
            Accueil\nVoyages\nÀ propos\n\n\
            Une journée au bord de l'eau\n\n\
            Le conseil municipal a voté mardi la réouverture de l'ancienne ligne de ferry entre le port et l'île, fermée depuis plus de trois ans faute d'exploitant.\n\n\
            Les premiers bateaux devraient circuler début mai, avec des horaires calés sur les trains du matin pour que les habitants puissent changer sans longue attente.\n\n\
            Les habitants de l'île réclamaient la reprise du service depuis la faillite du dernier exploitant, et beaucoup d'entre eux ont assisté à la séance du conseil.\n\n\
            Mes endroits préférés au bord de l'eau dans le Nord :\n\n\
            Le vieux phare de Westmarais\nLes pontons du bassin intérieur\nLa plage derrière les dunes de Nordby (avec un café dans un transat ou le coucher de soleil depuis la jetée)\nLe café de poissons sur le quai\nLa promenade entre le port et le phare (en automne les oies survolent les prés salés)\n\n\
            Photos : Jana Berg\n\n\
            Articles similaires\nUn week-end sur l'île voisine\nLes plus belles pistes cyclables du Nord\n\n\
            Mentions légales\nConfidentialité\n";
        for (text, item, teaser) in [
            (
                de,
                "Der alte Leuchtturm in Westermarsch",
                "Wochenende auf der Nachbarinsel",
            ),
            (
                fr,
                "Le vieux phare de Westmarais",
                "Un week-end sur l'île voisine",
            ),
        ] {
            let body = body_of(text);
            assert!(body.contains(item), "{body}");
            assert!(!body.contains(teaser), "{body}");
        }
    }

    /// A run of short items opened by the line that introduces them ("Ihr
    /// Profil:") is the article's list, not a link list.
    #[test]
    fn a_list_opened_by_its_own_colon_line_stays() {
        let text = inset(&[
            "What you will need:\nA bicycle with working lights\nA helmet that fits well\nWarm gloves for the crossing",
        ]);
        let body = body_of(&text);
        assert!(body.contains("A helmet that fits well"), "{body}");
        assert!(body.contains("Warm gloves for the crossing"), "{body}");
    }

    /// A newsletter box set between the article's paragraphs: its header
    /// and its pitch leave the body, the paragraphs under it stay.
    #[test]
    fn a_newsletter_box_inside_the_article_does_not_end_it() {
        let text = inset(&[
            "Subscribe to our newsletter\nGet the day's local news delivered to your inbox every morning.",
        ]);
        let body = body_of(&text);
        assert!(!body.contains("Subscribe to our newsletter"), "{body}");
        assert!(!body.contains("delivered to your inbox"), "{body}");
        assert!(body.contains("The cost of the first stage"), "{body}");
        assert!(body.contains("Work on the second stage"), "{body}");
    }

    /// An author's card between the lede and the rest of the story: the
    /// byline's name alone on its line, the role and the outlet under it.
    #[test]
    fn an_author_card_inside_the_article_leaves_the_body() {
        let text = format!(
            "Home\nNews\nSport\nWeather\nContact\n\nHarbour road works to start in spring\n\nBy Ana Ruiz and Tom Berg\n\n{}\n\nAna Ruiz\nReporter on the city desk.\nHarbour Courier\n\n{}\n\n{}\n\n{}\n\nPrivacy policy\nTerms of use\n",
            HARBOUR[0], HARBOUR[1], HARBOUR[2], HARBOUR[3]
        );
        let body = body_of(&text);
        assert!(!body.contains("Reporter on the city desk"), "{body}");
        assert!(!body.contains("Ana Ruiz"), "{body}");
        assert!(body.contains("The cost of the first stage"), "{body}");
        assert!(body.contains("Residents who live along the road"), "{body}");
    }

    /// A bio opens with a name, a verb and a newsroom job, in several
    /// languages; a story's sentences about people do not.
    #[test]
    fn bio_openings() {
        for line in [
            "Ana Ruiz is a senior writer for the Harbour Courier, covering transport and the port.",
            "Jan Berg ist Redakteur im Ressort Wirtschaft und schreibt über Energie.",
            "Claire Dubois est journaliste indépendante et vit à Lyon.",
            "Marta Gil es periodista y colabora con varios diarios regionales.",
            "Piotr Nowak jest dziennikarzem i redaktorem działu sportowego.",
            "Ольга Петрова является корреспондентом газеты в Киеве.",
        ] {
            assert!(bio_opening(line), "{line}");
        }
        for line in [
            "Ana Ruiz, a reporter who covered the trial, said the verdict surprised her.",
            "The Council is expected to vote on the plan next week, a reporter was told.",
            "Mr Smith said the ferry would run again in May.",
        ] {
            assert!(!bio_opening(line), "{line}");
        }
    }

    /// A bio with no header and no byline to match closes the article and
    /// leaves the body.
    #[test]
    fn a_bio_without_a_header_leaves_the_body() {
        let text = page(
            &HARBOUR,
            &[
                "Ana Ruiz is a senior writer for the Harbour Courier, covering transport, the port and the islands. She joined the paper in 2015.",
            ],
        );
        let body = body_of(&text);
        assert!(!body.contains("senior writer"), "{body}");
        assert!(body.contains("Work on the second stage"), "{body}");
    }

    /// A teaser's summary under the article, set off by the teaser's kicker
    /// and headline, leaves the body; in English and in German.
    #[test]
    fn a_scrap_under_the_article_leaves_the_body() {
        for tail in [
            [
                "Coast",
                "Ferry timetable to change in May on the island routes",
                "The island ferry will leave half an hour earlier on weekdays from May, the operator said on Monday.",
            ],
            [
                "Region",
                "Neuer Fahrplan für die Fähren zu den Inseln ab Mai",
                "Die Fähre zu den Inseln fährt ab Mai an Werktagen eine halbe Stunde früher ab, teilte die Reederei mit.",
            ],
        ] {
            let text = page(&HARBOUR, &tail);
            let body = body_of(&text);
            assert!(!body.contains(tail[2]), "{body}");
            assert!(body.contains("Work on the second stage"), "{body}");
        }
    }

    /// A scrap whose headline and summary the teaser's section label splits
    /// ("… headline" / "Islands" / "Summary.", the label said in the menu
    /// too) is one scrap, set off from the article by the box header over
    /// it, and leaves the body; in English and in German.
    #[test]
    fn a_scrap_split_by_a_label_leaves_the_body() {
        for (menu, tail) in [
            (
                "Home\nIslands\nWeather",
                [
                    "Coast",
                    "More news from the islands and the coast",
                    "Ferry timetable to change in May, and what it means for you.",
                    "Islands",
                    "The island ferry will leave half an hour earlier on weekdays from May, the operator said on Monday.",
                ],
            ),
            (
                "Start\nInseln\nWetter",
                [
                    "Küste",
                    "Weitere Nachrichten von den Inseln und der Küste",
                    "Neuer Fahrplan für die Fähren ab Mai, und was er für Sie bedeutet.",
                    "Inseln",
                    "Die Fähre zu den Inseln fährt ab Mai an Werktagen eine halbe Stunde früher ab, teilte die Reederei mit.",
                ],
            ),
        ] {
            let text = format!(
                "{menu}\n\nHarbour road works to start in spring\n\n{}\n\n{}\n\nPrivacy policy\nTerms of use\n",
                HARBOUR.join("\n\n"),
                tail.join("\n")
            );
            let body = body_of(&text);
            assert!(!body.contains(tail[2]), "{body}");
            assert!(!body.contains(tail[4]), "{body}");
            assert!(body.contains("Work on the second stage"), "{body}");
        }
    }

    /// The line announcing a box under the article goes with the scrap the
    /// box left: it is the article's last line only once the scrap is gone.
    #[test]
    fn a_box_announced_over_a_scrap_leaves_the_body() {
        for (paras, intro, tail) in [
            (
                HARBOUR,
                "Our reporters also looked at these stories:",
                [
                    "Read more",
                    "Ferry timetable to change in May on the island routes",
                    "The island ferry will leave half an hour earlier on weekdays from May, the operator said on Monday.",
                ],
            ),
            (
                HAFEN,
                "Unsere Reporter haben auch diese Geschichten recherchiert:",
                [
                    "Mehr zum Thema",
                    "Neuer Fahrplan für die Fähren zu den Inseln ab Mai",
                    "Die Fähre zu den Inseln fährt ab Mai an Werktagen eine halbe Stunde früher ab, teilte die Reederei mit.",
                ],
            ),
        ] {
            let mut paras = paras.to_vec();
            paras.push(intro);
            let body = body_of(&page(&paras, &tail));
            assert!(!body.contains(intro), "{body}");
            assert!(body.contains(paras[3]), "{body}");
        }
    }

    /// A paragraph under a subheading and a label (short lines with no
    /// kind) stays in the article.
    #[test]
    fn parts_of_the_article_set_off_by_short_lines_stay() {
        let text = page(
            &HARBOUR,
            &[
                "Open evening",
                "Venue: Town Hall",
                "The council will answer questions about the works at an open evening in the town hall on the first Monday of March.",
            ],
        );
        let body = body_of(&text);
        assert!(body.contains("open evening in the town hall"), "{body}");
    }

    /// The article's last paragraph under an embedded post it quotes stays:
    /// an embed's lines do not set a scrap off.
    #[test]
    fn a_paragraph_under_an_embedded_post_stays() {
        let paras = [
            HARBOUR[0],
            HARBOUR[1],
            HARBOUR[2],
            "View this post on Instagram\nA post shared by Harbour Rowing Club (@harbourrowing)",
            HARBOUR[3],
        ];
        let body = body_of(&page(&paras, &[]));
        assert!(body.contains("Work on the second stage"), "{body}");
    }

    /// Steps of the article set each under its photo's number and button
    /// are more scraps than a page's box holds: they stay.
    #[test]
    fn a_row_of_steps_between_furniture_stays() {
        let steps = [
            "Lay the old paving slabs aside along the edge of the path first, so that the workers can reuse the good ones when the new surface goes down later in the week.",
            "Dig out the soft ground under the old slabs to a depth of about twenty centimetres, and keep the soil in a heap beside the path so that it can be taken away.",
            "Fill the trench with a layer of crushed stone and press it down firmly with a heavy roller, going over every part of it at least twice before the next layer.",
            "Spread a thin bed of sand on top of the stone and smooth it out with a long straight board, so that the new slabs will sit flat and will not rock underfoot.",
            "Set the new slabs on the sand one by one, tap each of them down with a rubber mallet, and brush fine sand into the joints between them when they are all laid.",
            "Water the finished path lightly so that the sand settles into the joints, and keep people off it for a day while it beds down before the path is opened again.",
        ];
        let mut paras = vec![HARBOUR[0], HARBOUR[1]];
        let numbered: Vec<String> = steps
            .iter()
            .enumerate()
            .map(|(i, step)| format!("{}.\nShow image\n{step}", i + 1))
            .collect();
        paras.extend(numbered.iter().map(String::as_str));
        let text = page(&paras, &[]);
        let body = body_of(&text);
        for step in steps {
            assert!(body.contains(step), "{body}");
        }
    }
}
