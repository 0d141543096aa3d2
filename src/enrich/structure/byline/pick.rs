//! Picking the page's byline among the candidates, by where they stand
//! (under the headline, around the article's start, under the article),
//! and the co-authors on the lines under it.

use super::about::about_author;
use super::cue::{bare_names, names_after, source_name, stacked_names};
use super::meta::{copyright_name, dated_name, meta_name};
use super::shape::{avatar_line, desk_line, join_line, name_line, name_shaped, unknown_name_line};
use super::words::{WEAK_CUES, is_given_name, is_join};
use super::{Byline, Page};
use crate::enrich::Span;
use crate::enrich::document::Document;
use crate::enrich::structure::BlockKind;
use crate::enrich::structure::lexicon::{self, Lexicon};
use crate::enrich::structure::line::LineFeatures;

/// A cue byline scoring below this (far from the article's start, or
/// names of one word) yields to a name line at the headline.
pub(crate) const FAR_CUE_SCORE: f32 = 2.4;

/// A line of the article region this short (in words) may be a name line.
pub(crate) const BODY_NAME_WORDS: usize = 6;

/// How far around the article a byline is looked for, in lines.
pub(super) const BYLINE_WINDOW: usize = 30;

/// Whether the byline found in line `i` opens it, or follows a short
/// lead-in with a date ("Posted on 21 July 2019 by …", "Posted on 3 May
/// 2022 3 May 2022 Author …": published and updated) in a short line.
pub(crate) fn placed_byline(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    i: usize,
    b: &Byline,
) -> bool {
    let lead = &doc.line_text(i)[..b.span.start];
    if b.span.start == 0 {
        return true;
    }
    let lexicon = lexicon::get();
    let (mut words, mut dates) = (0usize, 0usize);
    for w in lead.split_whitespace() {
        words += 1;
        if w.chars().any(|c| c.is_numeric()) || lexicon.is_date_word(w.trim_end_matches(',')) {
            dates += 1;
        }
    }
    // A longer lead-in is dates only: two dates or more make it long, other
    // words ("6 Bilder Mond und Sterne von …") make it a headline.
    // A cue that is also a preposition follows the date itself ("am 3. Mai
    // 2020 von Ana Ruiz", not "will keine Bilder von sich sehen").
    let weak = lead
        .split_whitespace()
        .rfind(|w| w.chars().any(char::is_alphanumeric))
        .is_some_and(|w| !w.chars().any(|c| c.is_numeric()))
        && doc.line_text(i)[b.span.start..]
            .split_whitespace()
            .next()
            .is_some_and(|cue| {
                WEAK_CUES
                    .iter()
                    .any(|c| cue.trim_end_matches(':').eq_ignore_ascii_case(c))
            });
    feats[i].words <= 16
        && !feats[i].terminal
        && !weak
        && lead.chars().any(|c| c.is_numeric())
        && (words <= 6 || (words <= 10 && dates * 2 >= words))
}

/// A byline candidate: its line, its span in the text, its names.
pub(super) type Found = (usize, Span, Vec<String>);

/// The co-authors under a byline: a line that opens with a join ("& Bo Li,
/// Director …", "and Bo Li"), a join on its own line and a name under it,
/// or — under a byline that is names only — another line of names ("Ana
/// Ruiz" / "BL" / "Bo Li").
pub(super) fn co_authors(
    page: &Page<'_, '_>,
    found: &mut Found,
    names_only: bool,
    lexicon: &Lexicon,
) {
    let Page {
        doc,
        feats,
        kinds,
        body,
        first,
        ..
    } = *page;
    // Below the article, a column of names is a list of tags.
    let names_only = names_only && found.0 < first;
    let lines = doc.lines();
    // The line the byline ends on (a stacked byline ends under its cue).
    let end = found.1.end;
    let mut j = lines.partition_point(|l| l.start < end).max(found.0 + 1);
    let limit = (j + 4).min(lines.len());
    while j < limit {
        // A short line may still be taken for body here (it is dropped
        // later), as in the search for name lines.
        let prose = body[j] && feats[j].words > BODY_NAME_WORDS;
        if prose || matches!(kinds[j], Some(BlockKind::Headline | BlockKind::Footer)) {
            return;
        }
        let t = doc.line_text(j);
        let first = t.split_whitespace().next().unwrap_or("");
        let add = if join_line(t) {
            j += 1;
            if j >= limit || (body[j] && feats[j].words > BODY_NAME_WORDS) {
                return;
            }
            bare_names(doc.line_text(j), lexicon)
        } else if first.len() < t.len() && (is_join(first) || first == "&") {
            names_after(t, 0, first.len(), lexicon).filter(|b| b.names.len() <= 3)
        } else if names_only && avatar_line(t) {
            j += 1;
            continue;
        } else if names_only && !(j + 1 < lines.len() && name_shaped(doc.line_text(j + 1))) {
            name_line(t, lexicon)
        } else {
            None
        };
        let Some(add) = add else {
            return;
        };
        let start = lines[j].start;
        found.1 = Span::new(found.1.start, start + add.span.end);
        for name in add.names {
            if !found.2.contains(&name) {
                found.2.push(name);
            }
        }
        j += 1;
    }
}

/// The byline: the best line with a byline cue around the article (before
/// it, in its first lines or under it), preferring a cue that opens its
/// line, one right under the headline, full names and nearness to the
/// article's start — unless that line is far and a line that is only names
/// sits at the headline; else a line of names around the headline and the
/// article's start or at the article's end; else the first line of the
/// page that opens with a byline. Co-authors on the lines under it join
/// it. Returns the line, the span and the names.
pub(crate) fn find_byline(page: &Page<'_, '_>) -> Option<Found> {
    let lexicon = lexicon::get();
    let (mut found, names_only) = best_byline(page, lexicon)?;
    co_authors(page, &mut found, names_only, lexicon);
    if let [name] = found.2.as_mut_slice() {
        if let Some(full) = full_name(page, name, lexicon) {
            *name = full;
        }
    }
    Some(found)
}

/// The full name of an author the byline gives by the given name alone
/// ("By Ana"): the page's title line ending in it ("Post title — Ana Ruiz")
/// or a line that is only that name ("Ana Ruiz", the author's box).
fn full_name(page: &Page<'_, '_>, given: &str, lexicon: &Lexicon) -> Option<String> {
    if given.contains(' ') || !is_given_name(given) {
        return None;
    }
    let doc = page.doc;
    let fits = |b: Byline| {
        let [name] = b.names.as_slice() else {
            return None;
        };
        let rest = name.strip_prefix(given)?.strip_prefix(' ')?;
        (rest.split_whitespace().count() <= 2).then(|| name.clone())
    };
    let title = (!doc.lines().is_empty())
        .then(|| doc.line_text(0))
        .and_then(|t| {
            [" — ", " – ", " | ", " - "]
                .iter()
                .filter_map(|s| t.rfind(s).map(|at| &t[at + s.len()..]))
                .min_by_key(|tail| tail.len())
        })
        .and_then(|tail| name_line(tail.trim(), lexicon))
        .and_then(fits);
    title.or_else(|| {
        (0..doc.lines().len())
            .filter(|&i| page.feats[i].words <= 4)
            .find_map(|i| name_line(doc.line_text(i), lexicon).and_then(fits))
    })
}

/// [`find_byline`] without co-authors; says whether the byline is names
/// only (no cue, or a bare cue over stacked names).
pub(super) fn best_byline(page: &Page<'_, '_>, lexicon: &Lexicon) -> Option<(Found, bool)> {
    let Page {
        doc,
        feats,
        kinds,
        bylines,
        body,
        first,
        last,
        headline,
        ..
    } = *page;
    let n = feats.len();
    let at = |i: usize, b: &Byline| {
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
    // Under a box header after the article ("More on this", "Tags") names
    // are the box's topics, not the article's authors.
    let last_body = body.iter().rposition(|&b| b).unwrap_or(first);
    let boxed = (last_body + 1..(last + 1 + BYLINE_WINDOW).min(n))
        .find(|&i| matches!(kinds[i], Some(BlockKind::Related | BlockKind::Tags)))
        .unwrap_or(n);
    let mut best: Option<(f32, Found, bool)> = None;
    for i in before.chain(inside).chain(after) {
        if body[i] || i > boxed {
            continue;
        }
        let (found, placed, stacked) = match &bylines[i] {
            Some(b) => (at(i, b), placed_byline(doc, feats, i, b), false),
            None => match stacked_names(doc, feats, i, lexicon) {
                Some((span, names)) => ((i, span, names), true, true),
                None => continue,
            },
        };
        // A cue inside a line ("… die Zählung von Radfahrern") is a
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
        if found.2.iter().any(|n| n.split_whitespace().count() >= 2) {
            score += 1.0;
        }
        // Right under the headline is where a byline stands.
        if placed && headline.is_some_and(|h| i > h && i <= h + 2) {
            score += 1.5;
        }
        let distance = if i < first {
            first - i
        } else if i <= last {
            i - first + 5
        } else {
            i - last + 10
        };
        score -= 0.05 * distance as f32;
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, found, stacked));
        }
    }
    // A short line of the region may still be taken for body here (it is
    // dropped later): a name line there is the byline ("Ana Ruiz" under
    // the lede, a signature under the article). An author's name repeats
    // on the page (byline, author box, "more by").
    let name_at = |i: usize| {
        // A longer one with a date may be a name line with its date
        // ("23.06.2016 um 16:14 Uhr - Ana Ruiz - 91 Kommentare"), not a
        // wire story's dateline ("HONG KONG, April 2 - The company said").
        let long = body[i] && feats[i].words > BODY_NAME_WORDS;
        if i > boxed
            || (long && (feats[i].digits == 0 || feats[i].dateline))
            || feats[i].repeats > 4
            || matches!(kinds[i], Some(BlockKind::Headline | BlockKind::Footer))
        {
            return None;
        }
        name_line(doc.line_text(i), lexicon)
            .filter(|b| !long || b.names.iter().all(|n| n.chars().any(char::is_lowercase)))
    };
    // A post's meta line at the headline: the line above it or the two
    // under it, short and without a sentence's end.
    let meta_at = |h: usize| {
        (h.saturating_sub(1)..(h + 3).min(n)).find_map(|i| {
            // A wrapped line of the article ("WASHINGTON, March 3 - The
            // ministry said") is no meta line.
            if i == h
                || body[i]
                || feats[i].terminal
                || matches!(kinds[i], Some(BlockKind::Headline | BlockKind::Footer))
            {
                return None;
            }
            meta_name(doc.line_text(i), lexicon).map(|b| (at(i, &b), false))
        })
    };
    let top = headline.map_or(first, |h| h.min(first));
    if let Some((score, found, stacked)) = best {
        // A name on its own line at the headline beats a cue line far from
        // the article's start (another story's byline, a comment's).
        if score < FAR_CUE_SCORE {
            let mut near = top.saturating_sub(2)..first;
            if let Some((j, b)) = near.find_map(|j| name_at(j).map(|f| (j, f))) {
                return Some((at(j, &b), true));
            }
            if let Some(meta) = headline.and_then(meta_at) {
                return Some(meta);
            }
        }
        return Some((found, stacked));
    }
    // An author's box under the article names the author more surely than
    // a name or a post's meta line without a cue.
    let about = (last + 1..n).find_map(|i| about_author(doc, page.folded, i, lexicon));
    if let Some((j, b)) = about {
        return Some((at(j, &b), true));
    }
    // A name on its own line around the headline and the article's start,
    // or right under the article (a signature).
    let lo = top.saturating_sub(3).max(first.saturating_sub(12));
    let hi = (headline.map_or(first, |h| h.max(first)) + 4).min(n);
    // A headline far above the article (a standfirst, share and profile
    // links between them) still has its byline right under it.
    let under = headline.map_or(0..0, |h| (h + 1)..(h + 4).min(lo));
    let below = last.saturating_sub(4).max(hi)..(last + 12).min(n);
    for i in under.chain(lo..hi).chain(below) {
        if let Some(b) = name_at(i) {
            // A name above the headline is a photo's credit as often as a
            // byline, and one further down the article's subheading: a meta
            // line under the headline and above the name comes first.
            if let Some(meta) = headline
                .and_then(meta_at)
                .filter(|m| headline.is_some_and(|h| m.0.0 > h && (i < h || m.0.0 < i)))
            {
                return Some(meta);
            }
            return Some((at(i, &b), true));
        }
    }
    // A blog's meta line under the headline: dates, then the author, then
    // categories or a comment count.
    if let Some(h) = headline {
        for i in h + 1..(h + 4).min(first).min(n) {
            if body[i] && feats[i].words > 24 {
                break;
            }
            if let Some(b) = dated_name(doc.line_text(i), lexicon) {
                return Some((at(i, &b), false));
            }
        }
        if let Some(meta) = meta_at(h) {
            return Some(meta);
        }
    }
    // A byline line anywhere on the page.
    let anywhere = (0..n).find_map(|i| {
        let b = bylines[i].as_ref()?;
        // "03/11/2021 by Lena 8 Comments" was taken for a counter.
        (matches!(kinds[i], Some(BlockKind::Byline | BlockKind::Counter))
            && !body[i]
            && placed_byline(doc, feats, i, b))
        .then(|| (at(i, b), false))
    });
    if anywhere.is_some() {
        return anywhere;
    }
    // Between the headline and the article, a line that is a name of an
    // unknown given name, free of the lexicons' phrases, where bylines
    // stand: under the headline, by a date, a clock or a share line, or
    // with a date of its own ("Iñaki Larrañaga" / "7 MAR 2021 - 09:15").
    let unknown = headline
        .filter(|&h| h < first)
        .and_then(|h| unknown_name_at(page, h, lexicon).map(|(i, b)| (at(i, &b), true)));
    if unknown.is_some() {
        return unknown;
    }
    // A desk signing under the headline, by a date ("Redaktion" / "am 3.
    // Mai 2022 um 21:17").
    let dated = |j: usize| {
        j < n
            && (kinds[j] == Some(BlockKind::Timestamp)
                || feats[j].clock
                || (feats[j].digits > 0 && feats[j].words <= 8 && !feats[j].terminal))
    };
    let desk = headline.and_then(|h| {
        (h + 1..(h + 4).min(n)).find_map(|i| {
            if !(dated(i - 1) || dated(i + 1)) || kinds[i] == Some(BlockKind::Footer) {
                return None;
            }
            desk_line(doc.line_text(i)).map(|b| (at(i, &b), false))
        })
    });
    if desk.is_some() {
        return desk;
    }
    // A source credit closing the article ("Quelle: dpa").
    let source = (last.saturating_sub(2).max(first)..(last + 6).min(n)).find_map(|i| {
        if feats[i].words > 8 || matches!(kinds[i], Some(BlockKind::Headline | BlockKind::Footer)) {
            return None;
        }
        source_name(doc.line_text(i)).map(|b| (at(i, &b), false))
    });
    if source.is_some() {
        return source;
    }
    // Last, the owner a personal site's copyright line names, under the
    // article.
    ((last + 1)..n).rev().find_map(|i| {
        if body[i] || feats[i].words > 16 {
            return None;
        }
        copyright_name(doc.line_text(i)).map(|b| (at(i, &b), false))
    })
}

/// [`best_byline`]'s last resort: between the headline `h` and the
/// article, a line that is a name of an unknown given name.
pub(super) fn unknown_name_at(
    page: &Page<'_, '_>,
    h: usize,
    lexicon: &Lexicon,
) -> Option<(usize, Byline)> {
    let Page {
        doc,
        feats,
        kinds,
        first,
        ..
    } = *page;
    let by_date = |j: usize| {
        matches!(
            kinds[j],
            Some(BlockKind::Timestamp | BlockKind::Social | BlockKind::Byline)
        ) || feats[j].clock
    };
    (h + 1..first.min(h + 12)).find_map(|i| {
        let f = &feats[i];
        let placed = i == h + 1 || by_date(i - 1) || by_date(i + 1) || f.digits > 0;
        if kinds[i].is_some() || f.scan.covered > 0 || f.repeats > 4 || f.terminal || !placed {
            return None;
        }
        unknown_name_line(doc.line_text(i), lexicon).map(|b| (i, b))
    })
}
