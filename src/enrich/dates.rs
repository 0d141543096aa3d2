//! Dates: the wire or staff dateline that opens the story, and every date
//! and time on the page — clocks, published and updated stamps, dates in
//! the story and relative forms — each with its role and ISO 8601 value.
//!
//! One mechanism for all languages: a tokenizer and a date grammar over
//! per-language lexicons (`data/<lang>/months.txt`, `weekdays.txt`,
//! `date_words.txt`) plus `data/agencies.txt`, `data/timezones.txt`,
//! `data/gazetteer.txt` and `data/dateline_labels.txt`.

mod dateline;
mod grammar;
mod lexicon;
mod mentions;
#[cfg(test)]
mod tests;
mod tokens;

use chrono::{DateTime, NaiveDate, Utc};

use super::Span;
use super::document::Document;
use super::structure::{BlockKind, Structure};
use grammar::DateParts;
use lexicon::Cue;
use mentions::Value;

/// A date that may lack its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// The year; 0 when neither written nor inferable.
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

/// The dateline of a story ("MOSCOW, Oct 3 (Reuters) -").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline with its closing dash (or dot, for "— РИА Новости.").
    pub span: Span,
    /// The place as written ("ROCHESTER" in "ROCHESTER, N.Y., Feb 26 -");
    /// empty for a bare "(Reuters) -".
    pub place: String,
    /// The place in normal case ("Rochester", "New York", "Москва").
    pub place_name: String,
    /// ISO 3166-1 alpha-2 code of the place's country, when known.
    pub country_code: Option<String>,
    /// The agency named, normalised ("Reuters", "AP", "RIA Novosti").
    pub agency: Option<String>,
    /// The date of the dateline, the year inferred when not written.
    pub date: Option<PartialDate>,
}

/// What a date is to the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateRole {
    /// A page clock or timestamp outside the story.
    PageTimestamp,
    /// The publication time.
    Published,
    /// The time the article was updated.
    Updated,
    /// The date of the dateline.
    Dateline,
    /// A date in the story.
    Event,
}

/// A date or time found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The words the date came from.
    pub span: Span,
    /// What the date is to the article.
    pub role: DateRole,
    /// ISO 8601 at the precision found ("2019-10-17",
    /// "2019-10-17T10:42:00+03:00", "--10-17" without a year); `None` when
    /// a relative form could not be resolved.
    pub normalized: Option<String>,
}

/// The dateline and dates of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dates {
    /// The dateline, when the story has one.
    pub dateline: Option<Dateline>,
    /// Every date found, in text order.
    pub mentions: Vec<DateMention>,
}

/// Builds the lexicons now rather than on the first request.
pub fn warm_up() {
    std::sync::LazyLock::force(&lexicon::LEXICON);
}

/// How many paragraphs after the headline are searched for a dateline when
/// the structure's lede has none.
const DATELINE_BLOCKS: usize = 6;

/// Finds the dateline and the dates of `doc`. `reference_time` (when the
/// article reached the pipeline) resolves relative dates and, when the
/// page shows no date of its own, the year of a yearless dateline.
pub fn extract(
    doc: &Document<'_>,
    structure: &Structure,
    reference_time: Option<DateTime<Utc>>,
) -> Dates {
    let text = doc.text();
    let dateline = find_dateline(doc, structure);
    let us_order = UsOrder::of_page(text);
    let mut found: Vec<(usize, mentions::Found)> = Vec::new();
    let mut line_tokens = Vec::new();
    let lowercase = doc.lowercase();
    for (index, line) in doc.lines().iter().enumerate() {
        tokens::tokenize_into(text, line.start, line.end, &mut line_tokens);
        for f in mentions::scan(text, lowercase, &line_tokens, Some(&us_order)) {
            if dateline
                .as_ref()
                .is_some_and(|d| f.span.start < d.span.end && d.span.start < f.span.end)
            {
                continue;
            }
            found.push((index, f));
        }
    }
    // Roles.
    let mut mentions: Vec<(DateMention, Value)> = Vec::with_capacity(found.len());
    for (index, f) in found {
        let kind = structure.lines.get(index).map(|l| l.kind);
        let in_body = kind.is_some_and(BlockKind::is_article_text);
        let line = &doc.lines()[index];
        let covers_line = (f.span.end - f.span.start) * 2 >= line.end - line.start;
        // In the story, "published"/"updated" only mark the page's stamp when
        // they open the line; "the report, published on …" is an event.
        let cue = f.cue.filter(|_| !in_body || f.cue_leads_line);
        let role = match cue {
            Some(Cue::Published) => DateRole::Published,
            Some(Cue::Updated) => DateRole::Updated,
            _ if in_body => DateRole::Event,
            _ if kind == Some(BlockKind::Timestamp) || covers_line => DateRole::PageTimestamp,
            _ => DateRole::Event,
        };
        // Outside the story, "Today", "Monday" or "last week" alone are menu
        // items and headings, not dates, unless a cue introduces them.
        if !in_body
            && cue.is_none()
            && matches!(
                f.value,
                Value::Relative(
                    mentions::Relative::Weekday(_)
                        | mentions::Relative::Days(_)
                        | mentions::Relative::Last(_)
                )
            )
        {
            continue;
        }
        // In the story a bare "3:16" is as likely a verse or a ratio as a
        // clock: a time alone needs two hour digits or a suffix ("3:16 p.m.").
        if in_body
            && let Value::Time(t) = f.value
            && t.offset.is_none()
            && f.span.text(text).len() <= 4
        {
            continue;
        }
        mentions.push((
            DateMention {
                span: f.span,
                role,
                normalized: None,
            },
            f.value,
        ));
    }
    // Yearless dates take their year from the page's own cued stamp, else
    // from the request's reference time, else from the page's first timestamp.
    let noon = |d: NaiveDate| d.and_hms_opt(12, 0, 0).map(|t| t.and_utc());
    let cued = page_date(&mentions, &[DateRole::Published, DateRole::Updated]).and_then(noon);
    promote_published(doc, structure, dateline.is_some(), &mut mentions);
    let printed =
        page_date(&mentions, &[DateRole::Published, DateRole::PageTimestamp]).and_then(noon);
    let anchor: Option<DateTime<Utc>> = cued.or(reference_time).or(printed);
    for (m, value) in &mut mentions {
        m.normalized = match value {
            Value::Relative(_) => mentions::normalize(value, reference_time),
            _ => mentions::normalize(value, anchor),
        };
    }
    let mut out: Vec<DateMention> = mentions.into_iter().map(|(m, _)| m).collect();
    let dateline = dateline.map(|p| {
        let date = p
            .date
            .map(|(d, _)| partial(d, anchor.map(|a| a.date_naive())));
        if let Some((d, span)) = p.date {
            let value = Value::Absolute(d, None);
            out.push(DateMention {
                span,
                role: DateRole::Dateline,
                normalized: mentions::normalize(&value, anchor),
            });
        }
        Dateline {
            span: p.span,
            place: p.place,
            place_name: p.place_name,
            country_code: p.country_code,
            agency: p.agency,
            date,
        }
    });
    out.sort_by_key(|m| (m.span.start, m.span.end));
    Dates {
        dateline,
        mentions: out,
    }
}

/// Whether a page reads "03/04/2020" as month/day: whether it reads as
/// English ([`is_english`]). Only a numeric date with slashes asks, and few
/// pages print one: the page's words are read on the first ask, once, not
/// before every page's scan (up to 3,000 words: a sixth of the stage's cost
/// when it was read for every page).
pub(crate) struct UsOrder<'a> {
    page: &'a str,
    answer: std::cell::OnceCell<bool>,
}

impl<'a> UsOrder<'a> {
    /// The order of `page`'s numeric dates, not yet read.
    pub(crate) fn of_page(page: &'a str) -> Self {
        UsOrder {
            page,
            answer: std::cell::OnceCell::new(),
        }
    }

    /// Whether the page reads numeric dates month first.
    pub(crate) fn month_first(&self) -> bool {
        *self.answer.get_or_init(|| is_english(self.page))
    }
}

/// Whether the page reads as English (the commonest English words make up
/// a good share of its first words): numeric dates are then month/day.
///
/// A byte loop over the words [`str::split_whitespace`] gives: a visible
/// ASCII byte, and any byte but the leads of the few non-ASCII whitespace
/// chars (U+0085 and U+00A0 after 0xC2, U+1680 after 0xE1, U+2000–U+205F
/// after 0xE2, U+3000 after 0xE3), is inside a word without decoding it, and
/// only a word of two to four bytes is compared with the list.
fn is_english(text: &str) -> bool {
    const MAX_WORDS: usize = 3000;
    // The width of the whitespace char at byte `i`, if it is one.
    let space_at = |i: usize| -> Option<usize> {
        match *text.as_bytes().get(i)? {
            b'\t'..=b'\r' | b' ' => Some(1),
            0xc2 | 0xe1..=0xe3 => text[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map(char::len_utf8),
            _ => None,
        }
    };
    let bytes = text.as_bytes();
    let (mut words, mut hits) = (0usize, 0usize);
    let mut i = 0usize;
    while i < bytes.len() && words < MAX_WORDS {
        if let Some(width) = space_at(i) {
            i += width;
            continue;
        }
        // A visible ASCII byte (0x21–0x7E) is inside the word at one test;
        // past the lead byte of a char that is no whitespace, its
        // continuation bytes (never a lead) are stepped over one by one.
        let from = i;
        while i < bytes.len() && (bytes[i].wrapping_sub(0x21) < 0x5e || space_at(i).is_none()) {
            i += 1;
        }
        words += 1;
        if (2..=4).contains(&(i - from))
            && matches!(
                &bytes[from..i],
                b"the"
                    | b"The"
                    | b"and"
                    | b"of"
                    | b"to"
                    | b"is"
                    | b"in"
                    | b"that"
                    | b"for"
                    | b"with"
            )
        {
            hits += 1;
        }
    }
    words > 0 && hits * 12 >= words
}

/// How far into a line of the story a date may start and still be the
/// page's date rather than an event.
const OPENING_CHARS: usize = 20;

/// How many lines above the headline the page's own date is looked for.
const HEADER_ABOVE: usize = 3;

/// How many lines after the headline the page's own date is looked for.
const HEADER_LINES: usize = 12;

/// With no cued publication date, the page's own date stands for it: the
/// first full date in the lines around the headline (where pages print it,
/// under the headline or in the byline), else one in the byline's line or
/// under it, else the first full date printed before the story's first
/// paragraph ends, else the page's first full timestamp outside the story,
/// else its first full date outside the story. A cued stamp without a full
/// date ("Published 2:33 PM") yields to such a date when there is one.
fn promote_published(
    doc: &Document<'_>,
    structure: &Structure,
    has_dateline: bool,
    mentions: &mut [(DateMention, Value)],
) {
    let full = is_full_date;
    if mentions
        .iter()
        .any(|(m, v)| m.role == DateRole::Published && full(v))
    {
        return;
    }
    // A cued stamp with no full date ("Published 2:33 PM", "Veröffentlicht
    // 14 Feb") gives way to a full date of the page, when there is one.
    let partial_published = mentions.iter().any(|(m, _)| m.role == DateRole::Published);
    if partial_published
        && !mentions
            .iter()
            .any(|(m, v)| full(v) && m.role != DateRole::Dateline)
    {
        return;
    }
    let demoted: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].0.role == DateRole::Published)
        .collect();
    for &i in &demoted {
        mentions[i].0.role = DateRole::PageTimestamp;
    }
    if !promote_full_date(doc, structure, has_dateline, mentions) {
        for i in demoted {
            mentions[i].0.role = DateRole::Published;
        }
    }
}

/// Whether a value names a whole day: year, month and day all known.
fn is_full_date(v: &Value) -> bool {
    matches!(
        v,
        Value::Absolute(
            DateParts {
                year: Some(_),
                month: Some(_),
                day: Some(_)
            },
            _
        )
    )
}

/// Makes the page's own full date PUBLISHED (see [`promote_published`]);
/// whether one was found.
fn promote_full_date(
    doc: &Document<'_>,
    structure: &Structure,
    has_dateline: bool,
    mentions: &mut [(DateMention, Value)],
) -> bool {
    let full = is_full_date;
    let lines = doc.lines();
    let line_of = |pos: usize| lines.partition_point(|l| l.end < pos);
    let usable = |m: &DateMention, v: &Value| {
        full(v) && m.role != DateRole::Dateline && m.role != DateRole::Updated
    };
    if let Some(headline) = structure.headline.map(|h| line_of(h.start)) {
        let story = structure.lede.map_or(lines.len(), |l| line_of(l.start));
        let from = headline.saturating_sub(HEADER_ABOVE);
        let to = if story > headline {
            story.min(headline + HEADER_LINES)
        } else {
            headline + HEADER_LINES
        };
        if let Some(n) = mentions.iter().position(|(m, v)| {
            let l = line_of(m.span.start);
            l >= from && l < to && usable(m, v)
        }) {
            mentions[n].0.role = DateRole::Published;
            return true;
        }
    }
    // The byline's line, or the line under it ("Por Ana Ruiz 27 de agosto
    // 2019"), dates the story.
    if let Some(byline) = structure.byline {
        let at = line_of(byline.start);
        if let Some(n) = mentions.iter().position(|(m, v)| {
            let l = line_of(m.span.start);
            (l == at || l == at + 1) && usable(m, v)
        }) {
            mentions[n].0.role = DateRole::Published;
            return true;
        }
    }
    // In the story itself only a date that opens its line counts ("Berlin, 5.
    // November 2021 – …"); a date further on is an event.
    let opens_line = |m: &DateMention| {
        let i = line_of(m.span.start);
        let in_story = structure
            .lines
            .get(i)
            .is_some_and(|l| l.kind.is_article_text());
        !in_story
            || lines.get(i).is_some_and(|l| {
                l.start <= m.span.start
                    && doc.text()[l.start..m.span.start].chars().count() <= OPENING_CHARS
            })
    };
    // A date with a clock time above the headline zone is the site's clock,
    // not the article's date.
    let top = structure
        .headline
        .map_or(0, |h| line_of(h.start).saturating_sub(HEADER_ABOVE));
    let clock_above = |m: &DateMention, v: &Value| {
        matches!(v, Value::Absolute(_, Some(_))) && line_of(m.span.start) < top
    };
    if let Some(lede) = structure.lede
        && let Some(n) = mentions.iter().position(|(m, v)| {
            m.span.start < lede.end && usable(m, v) && opens_line(m) && !clock_above(m, v)
        })
    {
        mentions[n].0.role = DateRole::Published;
        return true;
    }
    // Else the page's first full timestamp outside the story.
    if let Some(n) = mentions
        .iter()
        .position(|(m, v)| m.role == DateRole::PageTimestamp && usable(m, v) && !clock_above(m, v))
    {
        mentions[n].0.role = DateRole::Published;
        return true;
    }
    // Else the page's first full date outside the story, even one printed
    // with a clock above the headline: with nothing else on the page, the
    // date the page shows is the best guess at its own — unless the story
    // has a dateline, which then dates it rather than the site's clock.
    let outside = |m: &DateMention| {
        !structure
            .lines
            .get(line_of(m.span.start))
            .is_some_and(|l| l.kind.is_article_text())
    };
    if let Some(n) = mentions
        .iter()
        .position(|(m, v)| usable(m, v) && outside(m) && !(has_dateline && clock_above(m, v)))
    {
        mentions[n].0.role = DateRole::Published;
        return true;
    }
    false
}

/// The first full date of the first of `roles` that has one.
fn page_date(mentions: &[(DateMention, Value)], roles: &[DateRole]) -> Option<NaiveDate> {
    let full = |v: &Value| match v {
        Value::Absolute(
            DateParts {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            },
            _,
        ) => NaiveDate::from_ymd_opt(*y, *m, *d),
        _ => None,
    };
    for role in roles {
        if let Some(d) = mentions
            .iter()
            .filter(|(m, _)| m.role == *role)
            .find_map(|(_, v)| full(v))
        {
            return Some(d);
        }
    }
    None
}

fn partial(d: DateParts, anchor: Option<NaiveDate>) -> PartialDate {
    let month = d.month.unwrap_or(0);
    let day = d.day.unwrap_or(0);
    let year = d
        .year
        .or_else(|| anchor.and_then(|a| mentions::nearest_year(month, day, a)))
        .unwrap_or(0);
    PartialDate { year, month, day }
}

/// The lines a dateline may open, best first: the lede's first line, the
/// first article-text lines, then the first lines of the paragraphs after
/// the headline.
fn candidates(doc: &Document<'_>, structure: &Structure) -> Vec<usize> {
    let lines = doc.lines();
    let mut out: Vec<usize> = Vec::new();
    let push = |i: usize, out: &mut Vec<usize>| {
        if !out.contains(&i) {
            out.push(i);
        }
    };
    if let Some(lede) = structure.lede
        && let Some(i) = lines
            .iter()
            .position(|l| l.start <= lede.start && lede.start < l.end.max(l.start + 1))
    {
        push(i, &mut out);
    }
    for (i, _) in structure
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind.is_article_text() || l.kind == BlockKind::Dateline)
        .take(2)
    {
        push(i, &mut out);
    }
    let headline_block = structure
        .headline
        .and_then(|h| lines.iter().find(|l| l.start <= h.start && h.start < l.end))
        .map(|l| l.block);
    let first_block = headline_block.map_or(0, |b| b + 1);
    for block in doc.blocks().iter().skip(first_block).take(DATELINE_BLOCKS) {
        push(block.first_line, &mut out);
    }
    // The headline may be misread: the top of the page too.
    for block in doc.blocks().iter().take(DATELINE_BLOCKS) {
        push(block.first_line, &mut out);
    }
    out
}

fn find_dateline(doc: &Document<'_>, structure: &Structure) -> Option<dateline::Parsed> {
    let lines = doc.lines();
    // Every dateline the candidate lines open, in candidate order, with the
    // line it was read on.
    let mut found: Vec<(usize, dateline::Parsed)> = Vec::new();
    for i in candidates(doc, structure) {
        let Some(line) = lines.get(i) else { continue };
        let para_end = doc.blocks().get(line.block).map_or(line.end, |b| b.end);
        if let Some(p) =
            dateline::parse(doc.text(), doc.lowercase(), line.start, line.end, para_end)
        {
            found.push((i, p));
            continue;
        }
        // A byline glued above the dateline: "By Jane Doe, Associated Press" / "WASHINGTON (AP) —".
        let line_text = doc.line_text(i);
        if line_text.len() < 80
            && !line_text.ends_with(['.', '!', '?', ':', '"', '”'])
            && let Some(next) = lines.get(i + 1).filter(|n| n.block == line.block)
            && let Some(p) =
                dateline::parse(doc.text(), doc.lowercase(), next.start, next.end, para_end)
        {
            found.push((i + 1, p));
        }
    }
    // A dateline naming an agency or a date wins; a bare "PLACE —" only
    // counts off the page's first line and off the headline, where
    // all-capitals column names ("ECONOMIC SPOTLIGHT - …") sit.
    let headline = |i: usize| {
        i == 0
            || structure
                .lines
                .get(i)
                .is_some_and(|l| l.kind == BlockKind::Headline)
    };
    let strong = found.iter().position(|(_, p)| p.strong);
    let weak = found.iter().position(|(i, p)| !p.strong && !headline(*i));
    let pick = strong.or(weak)?;
    Some(found.swap_remove(pick).1)
}
