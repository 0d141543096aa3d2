//! The page's own tag lines: "Tags: a, b, c", "Schlagwörter: …", "Теги:…",
//! the label glued to the previous word by flattening ("photosTags: …"), or
//! alone on a line before a run of short tag lines.

use foldhash::{HashSet, HashSetExt};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::lexicon::entries;
use super::{Tag, TagKind};
use crate::enrich::Span;
use crate::enrich::document::{Document, is_space};
use crate::enrich::structure::{BlockKind, Structure};

/// The longest tag, in chars, and the most words one has.
const MAX_TAG_CHARS: usize = 60;
const MAX_TAG_WORDS: usize = 7;
/// The most tags one tag line (or run of tag lines) gives.
const MAX_TAGS: usize = 30;
/// A line of a run of tag lines has at most this many words ...
const MAX_RUN_LINE_WORDS: usize = 6;
/// ... and a line at least this long after it makes it a heading, not a tag.
const HEADING_NEXT_WORDS: usize = 6;

/// The tag-line labels of every language, longest first.
static LABELS: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let mut labels: Vec<&'static str> = entries(include_str!("../../../data/tag_labels.txt"))
        .filter_map(|l| l.split_once('\t').map(|(_, label)| label.trim()))
        .filter(|l| !l.is_empty())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    labels.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&labels)
        .unwrap_or_else(|e| panic!("tag labels do not compile: {e}"));
    (ac, labels)
});

/// Builds the label automaton now.
pub(crate) fn warm_up() {
    LazyLock::force(&LABELS);
}

/// Where a tag list starts on a line, if the line is a tag line: `Some(Some(offset))`
/// for "Label: list" (offset of the list in the line), `Some(None)` for a
/// label alone on its line.
fn label_on_line(line: &str) -> Option<Option<usize>> {
    if line.as_bytes().contains(&b':') || line.contains('：') {
        label_anywhere(line)
    } else {
        label_alone(line)
    }
}

/// [`label_on_line`] of a line without a colon: only a label alone on it,
/// at its start, makes it a tag line. Searches the line's first bytes only
/// (as many as the longest label has), not the whole line.
fn label_alone(line: &str) -> Option<Option<usize>> {
    let (ac, labels) = &*LABELS;
    let mut end = line.len().min(labels.first().map_or(0, |l| l.len()));
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let m = ac.find(&line[..end])?;
    if m.start() != 0 {
        return None;
    }
    let rest = &line[m.end()..];
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    rest.trim_start_matches(is_space).is_empty().then_some(None)
}

/// [`label_on_line`] by every label match on the line.
fn label_anywhere(line: &str) -> Option<Option<usize>> {
    let (ac, _) = &*LABELS;
    for m in ac.find_iter(line) {
        let before = &line[..m.start()];
        let first = line[m.start()..].chars().next()?;
        // At the line start, or glued to a lowercase word by flattening
        // ("photosTags:"), with the label capitalised as a heading is.
        let glued = before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c == ')' || c.is_ascii_digit())
            && first.is_uppercase();
        if !(before.is_empty() || glued) {
            continue;
        }
        let rest = &line[m.end()..];
        // The label must end the word: "Tags:" but not "Tagesschau".
        if rest.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let after_space = rest.trim_start_matches(is_space);
        if let Some(list) = after_space
            .strip_prefix(':')
            .or_else(|| after_space.strip_prefix('：'))
        {
            let list_trimmed = list.trim_start_matches(is_space);
            let offset = line.len() - list_trimmed.len();
            return Some(if list_trimmed.is_empty() {
                None
            } else {
                Some(offset)
            });
        }
        if after_space.is_empty() && before.is_empty() {
            return Some(None);
        }
    }
    None
}

/// Splits a tag list (`list` starting at byte `base` of the text) into tags.
/// `None` when a piece is too long to be a tag: the line is prose.
fn split_list(list: &str, base: usize) -> Option<Vec<(String, Span)>> {
    let hashtags = list.contains('#');
    let is_sep =
        |c: char| matches!(c, ',' | ';' | '|' | '•' | '·' | '、' | '，') || (hashtags && c == '#');
    let mut out = Vec::new();
    let mut start = 0usize;
    let push = |piece_start: usize, piece_end: usize, out: &mut Vec<(String, Span)>| -> bool {
        let raw = &list[piece_start..piece_end];
        let lead = raw.len()
            - raw
                .trim_start_matches(|c: char| is_space(c) || c == '"')
                .len();
        let t = raw.trim_matches(|c: char| is_space(c) || matches!(c, '"' | '.'));
        if t.is_empty() {
            return true;
        }
        if t.chars().count() > MAX_TAG_CHARS || t.split_whitespace().count() > MAX_TAG_WORDS {
            return false;
        }
        let s = base + piece_start + lead;
        out.push((t.to_owned(), Span::new(s, s + t.len())));
        true
    };
    for (i, c) in list.char_indices() {
        if is_sep(c) {
            if !push(start, i, &mut out) {
                return None;
            }
            start = i + c.len_utf8();
        }
    }
    if !push(start, list.len(), &mut out) {
        return None;
    }
    Some(out)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The run of short lines after a label alone on line `label_line`.
fn tag_run(doc: &Document<'_>, structure: &Structure, label_line: usize) -> Vec<(String, Span)> {
    let lines = doc.lines();
    let mut out = Vec::new();
    let mut j = label_line + 1;
    while j < lines.len() && out.len() < MAX_TAGS {
        let line = &lines[j];
        let t = doc.line_text(j);
        let allowed_gap = if j == label_line + 1 { 1 } else { 0 };
        if line.blank_lines_before > allowed_gap
            || words(t) > MAX_RUN_LINE_WORDS
            || t.chars().count() > MAX_TAG_CHARS
            || t.ends_with(['.', '!', '?', ':'])
            || label_on_line(t).is_some()
        {
            break;
        }
        // Page furniture after the run ends it (short tag lines themselves
        // often pass for related links or navigation: those labels do not).
        let kind = structure.lines.get(j).map(|l| l.kind);
        if matches!(
            kind,
            Some(
                BlockKind::Comments
                    | BlockKind::Footer
                    | BlockKind::Banner
                    | BlockKind::Advertisement
                    | BlockKind::Social
                    | BlockKind::Counter
            )
        ) {
            break;
        }
        // A short line over a long one is a heading ("More news").
        if j + 1 < lines.len()
            && lines[j + 1].blank_lines_before == 0
            && words(doc.line_text(j + 1)) >= HEADING_NEXT_WORDS
        {
            break;
        }
        match split_list(t, line.start) {
            Some(tags) => out.extend(tags),
            None => break,
        }
        j += 1;
    }
    out
}

/// The page's explicit tags, in page order, each with its own span.
pub(crate) fn extract(doc: &Document<'_>, structure: &Structure) -> Vec<Tag> {
    let mut found: Vec<(String, Span)> = Vec::new();
    let mut consumed_until = 0usize;
    for (i, line) in doc.lines().iter().enumerate() {
        if i < consumed_until {
            continue;
        }
        let text = doc.line_text(i);
        let labelled = structure
            .lines
            .get(i)
            .is_some_and(|l| l.kind == BlockKind::Tags);
        match label_on_line(text) {
            Some(Some(offset)) => {
                if let Some(tags) = split_list(&text[offset..], line.start + offset) {
                    found.extend(tags);
                }
            }
            Some(None) => {
                let run = tag_run(doc, structure, i);
                consumed_until = i + 1 + run.len();
                found.extend(run);
            }
            None if labelled
                && (text.contains(',') || text.contains('|') || text.contains('#')) =>
            {
                if let Some(tags) = split_list(text, line.start) {
                    found.extend(tags);
                }
            }
            None => {}
        }
        if found.len() >= MAX_TAGS {
            break;
        }
    }
    let mut seen = HashSet::new();
    found
        .into_iter()
        .filter(|(name, _)| seen.insert(name.to_lowercase()))
        .take(MAX_TAGS)
        .map(|(name, span)| Tag {
            name,
            kind: TagKind::Explicit,
            salience: 1.0,
            mention_count: 1,
            first_mention: Some(span),
            country_code: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::structure;

    fn tags(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let s = structure::analyze(&doc, None);
        let tags = extract(&doc, &s);
        for t in &tags {
            let span = t.first_mention.unwrap_or(Span::new(0, 0));
            assert_eq!(span.text(text), t.name);
        }
        tags.into_iter().map(|t| t.name).collect()
    }

    #[test]
    fn label_forms() {
        assert_eq!(label_on_line("Tags: a, b"), Some(Some(6)));
        assert_eq!(label_on_line("Show all photosTags: a"), Some(Some(21)));
        assert_eq!(label_on_line("Mots-clés\u{a0}: SNCF"), Some(Some(14)));
        assert_eq!(label_on_line("Etiquetas:"), Some(None));
        assert_eq!(label_on_line("Tags"), Some(None));
        assert_eq!(label_on_line("Tagesschau: heute"), None);
        assert_eq!(label_on_line("He said the topics: were many"), None);
        // Without a colon the short search answers as the full one.
        for line in [
            "Tags",
            "Tags ",
            "Tags\u{a0}",
            "TAGS",
            "Tagesschau",
            "Etiquetas",
            "Mots-clés",
            "Themen",
            "Schlagwörter zum Artikel",
            "photosTags",
            "Read more Tags",
            "Теги",
            "Теги статьи",
            "",
            "Topics covered in this report are many",
            "Étiquettes",
            "标签",
        ] {
            assert_eq!(label_alone(line), label_anywhere(line), "{line:?}");
        }
        for label in &LABELS.1 {
            for line in [
                label.to_string(),
                format!("{label} "),
                format!("{label}x"),
                format!("{label}é"),
                format!("a{label}"),
                format!("photos{label}"),
                format!("{label} and more words"),
                label.to_uppercase(),
                label.to_lowercase(),
            ] {
                assert_eq!(label_alone(&line), label_anywhere(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn glued_and_spaced_lines() {
        assert_eq!(
            tags("Head\n\nBody text here.\nShow all photosTags: Ukraine, Romania"),
            ["Ukraine", "Romania"]
        );
        assert_eq!(
            tags("Head\n\nТеги:Свердловская область, Погода"),
            ["Свердловская область", "Погода"]
        );
    }

    #[test]
    fn label_alone_before_a_run_stops_at_a_heading() {
        let text = "Head\n\nBody.\n\nEtiquetas:\nMetro\nJunta de Andalucía\nMás noticias\nUn incendio obliga a desalojar un bloque de viviendas\n";
        assert_eq!(tags(text), ["Metro", "Junta de Andalucía"]);
    }

    #[test]
    fn prose_after_a_label_is_not_a_tag_list() {
        let text = "Head\n\nTopics: the minister spoke for an hour about the many plans the government has for the coming decade and beyond";
        assert!(tags(text).is_empty());
    }
}
