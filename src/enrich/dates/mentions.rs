//! Dates and times mentioned anywhere in the page: page clocks, published
//! and updated stamps, dates in the story, relative forms ("3 hours ago",
//! "yesterday", "Monday", "last week").

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use super::UsOrder;
use super::grammar::{DateParts, Grammar, Match, TimeMatch, TimeParts};
use super::lexicon::{Cue, LEXICON, Lexicon, Unit};
use super::tokens::{Kind, Token};
use crate::enrich::Span;

/// What a found expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    /// A calendar date, with an optional clock time.
    Absolute(DateParts, Option<TimeParts>),
    /// A clock time alone.
    Time(TimeParts),
    /// A point relative to the reference time.
    Relative(Relative),
}

/// A relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relative {
    /// `n` units before the reference.
    Ago(i64, Unit),
    /// Today plus `n` days (−1 yesterday, +1 tomorrow).
    Days(i64),
    /// The most recent such weekday (1 = Monday), on or before the reference date.
    Weekday(u32),
    /// The week, month or year before the reference.
    Last(Unit),
}

/// One expression found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// Where it is.
    pub(crate) span: Span,
    /// What it says.
    pub(crate) value: Value,
    /// A published/updated cue just before it.
    pub(crate) cue: Option<Cue>,
    /// Whether that cue opens the line ("Published: …"), as page stamps do.
    pub(crate) cue_leads_line: bool,
}

/// Connectors between a date and its time: ", 14:05", "at 2 p.m.", "um 10:42";
/// `lower` is the token lowercased.
fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "," | "at"
            | "um"
            | "à"
            | "a"
            | "las"
            | "la"
            | "alle"
            | "ore"
            | "às"
            | "om"
            | "o"
            | "godz"
            | "в"
            | "о"
            | "|"
            | "-"
            | "–"
            | "—"
            | "/"
            | "·"
            | "•"
            | "kl"
            | "hrs"
            | "h"
    )
}

/// How many tokens may separate a published/updated cue from its date.
const CUE_REACH: usize = 8;

/// Scans the tokens of one line; `us_order`, the page's order when there is
/// one, may read "03/04/2020" as month/day. `lowercase` is `text`
/// lowercased in step with it, when the document has it
/// ([`Grammar::from_token`]).
pub(crate) fn scan<'a>(
    text: &'a str,
    lowercase: Option<&str>,
    tokens: &'a [Token],
    us_order: Option<&'a UsOrder<'a>>,
) -> Vec<Found> {
    // Most lines of a page open no rule: they are passed over on their
    // tokens alone, before the grammar lowercases every token of the line.
    let Some(first) = first_opener(text, tokens, &LEXICON) else {
        return Vec::new();
    };
    let mut g = Grammar::from_token(text, lowercase, tokens, first);
    g.us_order = us_order;
    let lex = g.lex;
    let mut out = Vec::new();
    // Token ranges of the found expressions and of the cues, for pairing.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut cues: Vec<(Cue, usize, usize)> = Vec::new();
    let mut pending_cue: Option<(Cue, usize)> = None;
    // The tokens before the first opener are passed over by the loop below.
    let mut i = first;
    while i < tokens.len() {
        // Every rule below starts at a number or at a word that opens a
        // month, weekday or cue form: any other token is passed over with
        // one lookup instead of every rule's.
        let opens = match tokens[i].kind {
            Kind::Num => true,
            Kind::Word => lex.opens(g.lower(i)),
            Kind::Punct => false,
        };
        if !opens {
            i += 1;
            continue;
        }
        // Cue phrases, longest first.
        if tokens[i].kind == Kind::Word
            && let Some((cue, end)) = cue_at(&g, i, lex.max_cue_words)
        {
            match cue {
                Cue::Published | Cue::Updated => {
                    cues.push((cue, i, end));
                    pending_cue = Some((cue, end));
                    i = end;
                    continue;
                }
                Cue::Today
                | Cue::Yesterday
                | Cue::Tomorrow
                | Cue::LastWeek
                | Cue::LastMonth
                | Cue::LastYear => {
                    let relative = match cue {
                        Cue::Yesterday => Relative::Days(-1),
                        Cue::Tomorrow => Relative::Days(1),
                        Cue::LastWeek => Relative::Last(Unit::Week),
                        Cue::LastMonth => Relative::Last(Unit::Month),
                        Cue::LastYear => Relative::Last(Unit::Year),
                        _ => Relative::Days(0),
                    };
                    push(
                        &mut out,
                        &mut ranges,
                        found(
                            &g,
                            i,
                            end,
                            Value::Relative(relative),
                            take_cue(&mut pending_cue, i),
                        ),
                    );
                    i = end;
                    continue;
                }
                Cue::AgoBefore => {
                    if let Some((n, unit, after)) = amount(&g, end) {
                        push(
                            &mut out,
                            &mut ranges,
                            found(
                                &g,
                                i,
                                after,
                                Value::Relative(Relative::Ago(n, unit)),
                                take_cue(&mut pending_cue, i),
                            ),
                        );
                        i = after;
                        continue;
                    }
                }
                _ => {}
            }
        }
        // "3 hours ago"
        if tokens[i].kind == Kind::Num
            && let Some((n, unit, after)) = amount(&g, i)
            && let Some((Cue::Ago, end)) = cue_at(&g, after, 1)
        {
            push(
                &mut out,
                &mut ranges,
                found(
                    &g,
                    i,
                    end,
                    Value::Relative(Relative::Ago(n, unit)),
                    take_cue(&mut pending_cue, i),
                ),
            );
            i = end;
            continue;
        }
        if let Some((m, value)) = absolute(&g, i) {
            push(
                &mut out,
                &mut ranges,
                found(
                    &g,
                    m.first,
                    m.end,
                    value,
                    take_cue(&mut pending_cue, m.first),
                ),
            );
            i = m.end;
            continue;
        }
        // A weekday on its own: "on Monday".
        if let Some((day, _)) = g.weekday(i, false)
            && g.t(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
        {
            push(
                &mut out,
                &mut ranges,
                found(
                    &g,
                    i,
                    i + 1,
                    Value::Relative(Relative::Weekday(day)),
                    take_cue(&mut pending_cue, i),
                ),
            );
            i += 1;
            continue;
        }
        i += 1;
    }
    // Cues before their date at a distance the scan did not bridge, then
    // cues after it ("am 04.02.2020 … veröffentlicht") that no later date claims.
    let mut claimed = vec![false; cues.len()];
    for (n, f) in out.iter_mut().enumerate() {
        let (first, _) = ranges[n];
        let prev_end = if n > 0 { ranges[n - 1].1 } else { 0 };
        if let Some(c) = cues
            .iter()
            .rposition(|c| c.2 <= first && c.2 >= prev_end && first - c.2 <= CUE_REACH)
        {
            claimed[c] = true;
            if f.cue.is_none() {
                f.cue = Some(cues[c].0);
            }
        }
    }
    for (n, f) in out.iter_mut().enumerate() {
        if f.cue.is_some() {
            continue;
        }
        let end = ranges[n].1;
        let next_first = ranges.get(n + 1).map_or(usize::MAX, |r| r.0);
        if let Some(c) = cues
            .iter()
            .enumerate()
            .find(|(k, c)| !claimed[*k] && c.1 >= end && c.1 < next_first && c.1 - end <= CUE_REACH)
        {
            f.cue = Some(c.1.0);
        }
    }
    for (n, f) in out.iter_mut().enumerate() {
        let first = ranges[n].0;
        f.cue_leads_line = f.cue.is_some()
            && cues
                .iter()
                .any(|c| c.1 <= 2 && c.2 <= first && first - c.2 <= CUE_REACH);
    }
    out
}

/// The first token a rule of [`scan`] may start at: a number, or a word
/// whose lowercase opens a month, weekday or cue form — the test the scan
/// makes of each token, made here without the grammar's lowercase of the
/// whole line (a word already in lower case is looked up as it is).
fn first_opener(text: &str, tokens: &[Token], lex: &Lexicon) -> Option<usize> {
    let mut lower = String::new();
    tokens.iter().position(|t| match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => lex.opens_as_written(t.text(text), &mut lower),
    })
}

fn push(out: &mut Vec<Found>, ranges: &mut Vec<(usize, usize)>, f: (Found, usize, usize)) {
    out.push(f.0);
    ranges.push((f.1, f.2));
}

fn found(
    g: &Grammar<'_>,
    first: usize,
    end: usize,
    value: Value,
    cue: Option<Cue>,
) -> (Found, usize, usize) {
    (
        Found {
            span: Span::new(g.tokens[first].start, g.tokens[end - 1].end),
            value,
            cue,
            cue_leads_line: false,
        },
        first,
        end,
    )
}

/// The pending cue when it ends at most a few tokens before `i`.
fn take_cue(pending: &mut Option<(Cue, usize)>, i: usize) -> Option<Cue> {
    let cue = pending.take()?;
    (i >= cue.1 && i - cue.1 <= 3).then_some(cue.0)
}

/// The longest cue phrase starting at token `i`.
fn cue_at(g: &Grammar<'_>, i: usize, max_words: usize) -> Option<(Cue, usize)> {
    let mut best = None;
    let mut j = i;
    while j - i < max_words.max(1) {
        let Some(t) = g.tokens.get(j) else { break };
        if t.kind == Kind::Punct {
            // Skip an apostrophe-less gap only inside a phrase: stop here.
            break;
        }
        j += 1;
        // No cue starts with these words: no longer phrase can match.
        let Some(&(cue, longer)) = g.lex.cue_steps.get(g.lower_run(i, j)) else {
            break;
        };
        if let Some(cue) = cue {
            best = Some((cue, j));
        }
        if !longer {
            break;
        }
    }
    best
}

/// "3 hours", "одну минуту" is not supported: a number then a unit word.
fn amount(g: &Grammar<'_>, i: usize) -> Option<(i64, Unit, usize)> {
    let n = g.num(i, 1, 3)?;
    let (cue, end) = cue_at(g, i + 1, 2)?;
    match cue {
        Cue::Unit(unit) => Some((i64::from(n), unit, end)),
        _ => None,
    }
}

/// A date (with its time) or a time (with its date) at `i`.
fn absolute(g: &Grammar<'_>, i: usize) -> Option<(Match<()>, Value)> {
    // Time first: "10:42 GMT +317 October 2019", "14:05, 12 March 2020".
    if let Some((t, carry)) = g.time(i) {
        if let Some((day, month_at)) = carry
            && let Some(d) = g.month_after_day(day, month_at)
        {
            let m = Match {
                first: i,
                end: d.end,
                value: (),
            };
            return Some((m, Value::Absolute(d.value, Some(t.value))));
        }
        let mut j = t.end;
        let mut hops = 0;
        while hops < 2 && g.tokens.get(j).is_some_and(|_| is_connector(g.lower(j))) {
            j += 1;
            hops += 1;
        }
        if let Some(d) = g.date(j, false).filter(|d| d.value.day.is_some()) {
            let m = Match {
                first: i,
                end: d.end,
                value: (),
            };
            return Some((m, Value::Absolute(d.value, Some(t.value))));
        }
        let m = Match {
            first: i,
            end: t.end,
            value: (),
        };
        return Some((m, Value::Time(t.value)));
    }
    let d = g.date(i, false)?;
    if d.value.day.is_some() {
        // A time after the date: "12 March 2020, 14:05", "2019-10-17T10:42:00Z".
        let mut j = d.end;
        if g.t(j) == "T" && g.glued(j) {
            j += 1;
        } else {
            let mut hops = 0;
            while hops < 3 && g.tokens.get(j).is_some_and(|_| is_connector(g.lower(j))) {
                j += 1;
                hops += 1;
            }
        }
        if let Some((t, _)) = g.time(j).or_else(|| iso_time(g, j)) {
            let m = Match {
                first: d.first,
                end: t.end,
                value: (),
            };
            return Some((m, Value::Absolute(d.value, Some(t.value))));
        }
    }
    let m = Match {
        first: d.first,
        end: d.end,
        value: (),
    };
    Some((m, Value::Absolute(d.value, None)))
}

/// The time part of an ISO timestamp after "T": "10:42:00", "10:42:00.5+03:00".
fn iso_time(g: &Grammar<'_>, i: usize) -> Option<TimeMatch> {
    if !(i > 0 && g.t(i - 1) == "T") {
        return None;
    }
    g.time(i)
}

/// The ISO 8601 form of a value: a date at the precision found, a time with
/// its offset when one was written. `reference` resolves relative forms
/// and yearless dates; without it they stay unresolved (`None`, or
/// "--MM-DD" for a yearless date).
pub(crate) fn normalize(value: &Value, reference: Option<DateTime<Utc>>) -> Option<String> {
    match *value {
        Value::Absolute(d, t) => {
            let month = d.month?;
            let year = match d.year {
                Some(y) => Some(y),
                None => match (d.day, reference) {
                    (Some(day), Some(r)) => nearest_year(month, day, r.date_naive()),
                    _ => None,
                },
            };
            let Some(year) = year else {
                return d.day.map(|day| format!("--{month:02}-{day:02}"));
            };
            let Some(day) = d.day else {
                return Some(format!("{year:04}-{month:02}"));
            };
            let mut s = format!("{year:04}-{month:02}-{day:02}");
            if let Some(t) = t {
                s.push('T');
                s.push_str(&time_string(&t));
            }
            Some(s)
        }
        Value::Time(t) => Some(time_string(&t)),
        Value::Relative(r) => {
            let reference = reference?;
            let today = reference.date_naive();
            Some(match r {
                Relative::Days(n) => (today + Duration::days(n)).format("%Y-%m-%d").to_string(),
                Relative::Weekday(w) => {
                    let target = i64::from(w) - 1;
                    let now = i64::from(today.weekday().num_days_from_monday());
                    let back = (now - target).rem_euclid(7);
                    (today - Duration::days(back))
                        .format("%Y-%m-%d")
                        .to_string()
                }
                Relative::Ago(n, unit) => match unit {
                    Unit::Minute => (reference - Duration::minutes(n))
                        .format("%Y-%m-%dT%H:%M:00+00:00")
                        .to_string(),
                    Unit::Hour => (reference - Duration::hours(n))
                        .format("%Y-%m-%dT%H:00:00+00:00")
                        .to_string(),
                    Unit::Day => (today - Duration::days(n)).format("%Y-%m-%d").to_string(),
                    Unit::Week => iso_week(today - Duration::weeks(n)),
                    Unit::Month => months_back(today, n),
                    Unit::Year => format!("{:04}", i64::from(today.year()) - n),
                },
                Relative::Last(unit) => match unit {
                    Unit::Week => iso_week(today - Duration::weeks(1)),
                    Unit::Month => months_back(today, 1),
                    _ => format!("{:04}", today.year() - 1),
                },
            })
        }
    }
}

fn iso_week(day: NaiveDate) -> String {
    let w = day.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn months_back(today: NaiveDate, n: i64) -> String {
    let total = i64::from(today.year()) * 12 + i64::from(today.month0()) - n;
    format!(
        "{:04}-{:02}",
        total.div_euclid(12),
        total.rem_euclid(12) + 1
    )
}

fn time_string(t: &TimeParts) -> String {
    let mut s = format!("{:02}:{:02}:{:02}", t.hour, t.minute, t.second.unwrap_or(0));
    if let Some(off) = t.offset {
        let sign = if off < 0 { '-' } else { '+' };
        let a = off.abs();
        s.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
    }
    s
}

/// The year that puts (`month`, `day`) nearest to `reference` (a story filed
/// on 31 December and read on 1 January keeps its year).
pub(crate) fn nearest_year(month: u32, day: u32, reference: NaiveDate) -> Option<i32> {
    let y = reference.year();
    (y - 1..=y + 1)
        .filter_map(|year| {
            NaiveDate::from_ymd_opt(year, month, day)
                .map(|d| (year, (d - reference).num_days().abs()))
        })
        .min_by_key(|&(_, distance)| distance)
        .map(|(year, _)| year)
}
