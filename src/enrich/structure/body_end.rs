//! The end of the article: a list that the article's last lines introduce
//! ("The programme:", "Aus dem Inhalt:") belongs to it, though its short
//! items read like the link lists that close a page.

use super::BlockKind;
use super::line::LineFeatures;
use crate::enrich::document::Document;

/// Most lines of a closing list taken into the article.
const LIST_MAX_ITEMS: usize = 30;
/// Longest line that introduces a list, in words.
const INTRO_MAX_WORDS: usize = 25;
/// Longest list item, in words.
const ITEM_MAX_WORDS: usize = 60;
/// Fewest items of a list.
const LIST_MIN_ITEMS: usize = 2;
/// Most of an item's letters and digits covered by boilerplate phrases.
const ITEM_MAX_COVERAGE: f32 = 0.5;

/// Takes into the article the list its last lines introduce: the last body
/// line, or the line right under it, ends with a colon and the lines under
/// it are items (no chrome the lexicons know, said once on the page, set
/// no further apart than paragraphs). A list of links under a box header
/// carries the header's kind ("Related:", "Tags:") and stays out.
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
    let intro = if feats[last].colon_end {
        last
    } else {
        let i = last + 1;
        let intro_line = i < n
            && kinds[i].is_none()
            && feats[i].colon_end
            && feats[i].words <= INTRO_MAX_WORDS
            && feats[i].repeats <= 1
            && feats[i].scan.kind.is_none();
        if !intro_line {
            return;
        }
        i
    };
    let lines = doc.lines();
    let mut end = intro;
    for j in intro + 1..n.min(intro + 1 + LIST_MAX_ITEMS) {
        let f = &feats[j];
        let item = kinds[j].is_none()
            && f.repeats <= 1
            && (1..=ITEM_MAX_WORDS).contains(&f.words)
            // Quantities are an item's matter ("200 g sugar"): phrases only.
            && (f.scan.covered as f32) < ITEM_MAX_COVERAGE * f.alnum as f32
            && lines[j].blank_lines_before <= 1;
        if !item {
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
