//! An author's box under the article ("About the author" / "Ana Ruiz").

use super::Byline;
use super::cue::bare_names;
use super::shape::name_line;
use super::words::WORDS;
use crate::enrich::Span;
use crate::enrich::document::Document;
use crate::enrich::structure::lexicon::{FoldedLines, Lexicon};

/// The author an author's box names: its heading ("About the author",
/// "Über die Autorin", "Об авторе") and the name after it on the same line
/// ("About the author - Ana Ruiz") or on one of the two lines under it.
pub(super) fn about_author(
    doc: &Document<'_>,
    folded: &FoldedLines,
    i: usize,
    lexicon: &Lexicon,
) -> Option<(usize, Byline)> {
    let text = doc.line_text(i);
    if text.split_whitespace().count() > 8 {
        return None;
    }
    let line = folded.line(i);
    let heading = WORDS.about.iter().find(|a| line.starts_with(a.as_str()))?;
    // Where the heading ends in the line itself.
    let rest_at = *folded.map(i).get(heading.len())? as usize;
    let rest = text.get(rest_at..)?;
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let trimmed = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !trimmed.is_empty() {
        let offset = rest_at + (rest.len() - trimmed.len());
        let b = name_line(trimmed, lexicon).or_else(|| bare_names(trimmed, lexicon))?;
        return Some((
            i,
            Byline {
                span: Span::new(offset + b.span.start, offset + b.span.end),
                names: b.names,
            },
        ));
    }
    (i + 1..(i + 3).min(doc.lines().len())).find_map(|j| {
        let t = doc.line_text(j);
        name_line(t, lexicon)
            .or_else(|| bare_names(t, lexicon).filter(|b| b.names.len() == 1))
            .map(|b| (j, b))
    })
}
