//! Bylines without a cue in a post's meta lines: dates, then the author
//! ("3. Mai 2023 Ana Ruiz Kultur"), a name among dates and counts, or a
//! personal site's copyright owner.

use super::Byline;
use super::shape::{CommaWord, comma_words, handle_token, name_token};
use super::words::{PARTICLES, is_given_name, is_role_word, is_stop_word, is_title_word};
use crate::enrich::Span;
use crate::enrich::structure::lexicon::Lexicon;

/// A name after the dates that open a line, whatever follows it ("3. Mai
/// 2023 3. Mai 2023 Ana Ruiz Kultur, Reisen", "5 Min. 3. Mai 2023 Ana Ruiz
/// 1 Kommentar"): a known given name, maybe more given names or particles,
/// and one surname.
pub(super) fn dated_name(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    let mut dates = 0usize;
    let mut start = None;
    let mut end = 0usize;
    let mut words = 0usize;
    for CommaWord {
        start: at,
        comma,
        text: token,
        ..
    } in comma_words(line)
    {
        if token.is_empty() {
            continue;
        }
        let plain = token.trim_end_matches('.');
        let date = token.chars().any(|c| c.is_numeric())
            || (lexicon.is_date_word(plain) && !is_given_name(plain))
            || token.chars().all(|c| !c.is_alphanumeric())
            || plain.eq_ignore_ascii_case("min")
            || plain.eq_ignore_ascii_case("uhr")
            // "um", "at", "às" before a clock time.
            || (start.is_none()
                && plain.chars().count() <= 3
                && plain.chars().all(char::is_lowercase));
        if start.is_none() {
            if date {
                dates += 1;
                continue;
            }
            if dates == 0 || !is_given_name(token) {
                return None;
            }
            start = Some(at);
            end = at + token.len();
            words = 1;
            continue;
        }
        let particle = PARTICLES.contains(&token);
        let surname = name_token(token)
            && token.chars().next().is_some_and(char::is_uppercase)
            && !date
            && !is_stop_word(token)
            && !is_role_word(token, lexicon);
        if !(particle || surname) || words >= 4 {
            break;
        }
        words += 1;
        end = at + token.len();
        // A surname that is no given name ends the name.
        if comma || (surname && !is_given_name(token)) {
            break;
        }
    }
    let start = start?;
    let name = &line[start..end];
    let last = name.split_whitespace().next_back()?;
    if words < 2 || PARTICLES.contains(&last) || last.chars().count() < 2 {
        return None;
    }
    Some(Byline {
        span: Span::new(start, end),
        names: vec![name.to_owned()],
    })
}

/// What a token of a post's meta line is to [`meta_name`].
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Meta {
    /// A date, a clock or a count: holds a digit, or is a month or weekday.
    Date,
    /// A separator ("|", "·", "—") or a short lowercase word ("um", "at").
    Sep,
    /// Any other word.
    Word,
}

/// Whether a token is a handle rather than a word: lowercase ("anaruiz"),
/// or with an underscore or a capital inside ("ana_r", "AnaR"); capitals
/// only ("ÖBFV") are an acronym.
pub(super) fn handle_shaped(token: &str) -> bool {
    handle_token(token)
        && !token.chars().any(|c| c.is_numeric())
        && (token.contains('_')
            || (token.chars().count() >= 3 && token.chars().all(|c| !c.is_uppercase()))
            || (token.chars().skip(1).any(char::is_uppercase)
                && token.chars().any(char::is_lowercase)))
}

/// The author in a post's meta line at the headline, among dates,
/// separators and counts ("26 Mai 2008 | ana_r | Kommentare 34", "Ana Ruiz
/// 22. Februar 2020", "Die Zeitung 02/10/2020 Ana Ruiz", "28. Januar 2015
/// anaruiz Schreibe einen Kommentar"). The line holds a date; the name is
/// a run of words between dates and separators: a known given name and a
/// surname, a known given name alone, or a handle.
pub(super) fn meta_name(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    const MAX_META_TOKENS: usize = 16;
    // A photo credit ("© Ana Ruiz, 31.05.2013") names the photographer.
    if line.contains('©') {
        return None;
    }
    let stopwords = lexicon.stopword_list(None);
    let mut tokens: [(usize, &str, Meta, bool); MAX_META_TOKENS] =
        [(0, "", Meta::Sep, false); MAX_META_TOKENS];
    let mut n = 0usize;
    let mut dated = false;
    // A handle needs a date in figures: a word for a day opening a
    // sentence ("Heute lernen wir …", "Today learn …") makes no meta line.
    let mut in_figures = false;
    for token in line.split_whitespace() {
        if n == MAX_META_TOKENS {
            return None;
        }
        let at = token.as_ptr() as usize - line.as_ptr() as usize;
        let comma = token.ends_with([',', ';']);
        let plain = token.trim_end_matches([',', ';', ':']);
        let bare = plain.trim_end_matches('.');
        // A date is a month's name, a year or digits with a date's
        // punctuation; a bare count ("2 reviews", "6,90 euros") is none.
        let kind = if plain.chars().any(|c| c.is_numeric()) {
            let digits = plain.chars().filter(|c| c.is_ascii_digit()).count();
            dated |= digits == plain.len() && digits == 4
                || plain.contains(['.', '/', '-']) && digits >= 4;
            in_figures = true;
            Meta::Date
        } else if lexicon.is_date_word(bare) && !is_given_name(bare) {
            dated |= bare.chars().count() >= 3;
            Meta::Date
        } else if plain.chars().all(|c| !c.is_alphanumeric())
            || (plain.chars().count() <= 3 && plain.chars().all(char::is_lowercase))
        {
            Meta::Sep
        } else {
            Meta::Word
        };
        tokens[n] = (at, plain, kind, comma);
        n += 1;
    }
    if !dated {
        return None;
    }
    let tokens = &tokens[..n];
    let mut i = 0usize;
    while i < n {
        if tokens[i].2 != Meta::Word {
            i += 1;
            continue;
        }
        // A run of words: up to a date, a separator or a comma.
        let mut j = i;
        while j < n && tokens[j].2 == Meta::Word {
            j += 1;
            if tokens[j - 1].3 {
                break;
            }
        }
        let run = &tokens[i..j];
        let before = i.checked_sub(1).map(|k| tokens[k].2);
        let after = tokens.get(j).map(|t| t.2);
        let next_to_date = matches!(before, Some(Meta::Date | Meta::Sep))
            || matches!(after, Some(Meta::Date | Meta::Sep));
        let word_ok = |t: &str| {
            !is_stop_word(t)
                && !is_role_word(t, lexicon)
                && !is_title_word(t)
                && !stopwords.contains_lowercase(t)
        };
        let (first_at, first, ..) = run[0];
        // Capitals are a dateline's place or an outlet, not a name.
        let mixed = |t: &str| {
            t.chars().any(char::is_lowercase) || t.trim_end_matches('.').chars().count() == 1
        };
        let name_end = if is_given_name(first) && word_ok(first) && mixed(first) {
            // Given names, then one surname.
            let mut end = 1usize;
            while end < run.len() && end < 4 {
                let t = run[end].1;
                let capitalised = t.chars().next().is_some_and(char::is_uppercase);
                if !(name_token(t) && capitalised && mixed(t) && word_ok(t)) {
                    break;
                }
                end += 1;
                // An initial ("H.") or another given name: the surname
                // is still to come.
                let initial = t.trim_end_matches('.').chars().count() == 1;
                if !is_given_name(t) && !initial {
                    break;
                }
            }
            // A given name alone is a name only as the whole run.
            (end >= 2 || run.len() == 1).then_some(end)
        } else if in_figures
            && handle_shaped(first)
            && word_ok(first)
            && !lexicon.is_date_word(first)
        {
            // A handle is the whole run, or comes after a date and before
            // a comment prompt ("anaruiz Schreibe einen Kommentar").
            (run.len() == 1
                || (before == Some(Meta::Date) && run[1..].iter().any(|t| is_stop_word(t.1))))
            .then_some(1)
        } else if run.len() == 1
            && before == Some(Meta::Date)
            && after == Some(Meta::Date)
            && tokens.get(j + 1).is_some_and(|t| is_stop_word(t.1))
            && first.chars().next().is_some_and(char::is_uppercase)
            && name_token(first)
            && word_ok(first)
            && !lexicon.is_date_word(first)
        {
            // A pen name between the date and the comment count ("3. Mai
            // 2023 Kaylo 1 Kommentar").
            Some(1)
        } else {
            None
        };
        if let Some(end) = name_end.filter(|_| next_to_date) {
            let (last_at, last, ..) = run[end - 1];
            let last_end = last_at + last.len();
            return Some(Byline {
                span: Span::new(first_at, last_end),
                names: vec![line[first_at..last_end].to_owned()],
            });
        }
        i = j;
    }
    None
}

/// The person a copyright line names ("© 2012-2020 Ana Ruiz. All rights
/// reserved", "(c) Ana Ruiz • Impressum", "Copyright © by Ana Ruiz", "© Mein
/// Blog by Ana"): a personal site's owner, who wrote its posts. The name
/// follows the mark, its years and a cue, or a cue a few words after the
/// mark; it opens with a known given name. A company ("© 2024 Example Media
/// GmbH") is no name.
pub(super) fn copyright_name(line: &str) -> Option<Byline> {
    const MARKS: &[&str] = &["©", "(c)", "(C)", "Copyright", "copyright"];
    let (mark_at, mark) = MARKS
        .iter()
        .filter_map(|m| line.find(m).map(|at| (at, m.len())))
        .min_by_key(|&(at, _)| at)?;
    let rest = &line[mark_at + mark..];
    let base = mark_at + mark;
    let mut skipped = 0usize;
    let mut after_cue = false;
    let mut start = None;
    let mut end = 0usize;
    let mut words = 0usize;
    for token in rest.split_whitespace() {
        let at = base + (token.as_ptr() as usize - rest.as_ptr() as usize);
        let plain = token.trim_end_matches([',', '.', ';', ':', '|']);
        if start.is_none() {
            let cue = ["by", "von", "par", "por", "di", "door", "de"]
                .iter()
                .any(|c| plain.eq_ignore_ascii_case(c));
            if cue {
                after_cue = true;
                continue;
            }
            let filler = plain.is_empty()
                || MARKS.contains(&plain)
                || plain.chars().all(|c| !c.is_alphabetic());
            if filler {
                continue;
            }
            if !is_given_name(plain) || !plain.chars().any(char::is_lowercase) {
                // A site's name before "by": look for the cue a few words on.
                skipped += 1;
                if skipped > 3 || after_cue {
                    return None;
                }
                continue;
            }
            if skipped > 0 && !after_cue {
                return None;
            }
            start = Some(at);
            end = at + plain.len();
            words = 1;
            if plain.len() < token.len() {
                break;
            }
            continue;
        }
        let capitalised = plain.chars().next().is_some_and(char::is_uppercase)
            && (plain.chars().any(char::is_lowercase) || plain.chars().count() == 1);
        if !capitalised || !name_token(plain) || is_stop_word(plain) || words >= 4 {
            break;
        }
        words += 1;
        end = at + plain.len();
        // "Ana Ruiz. All rights reserved": the stop ends the name.
        if plain.len() < token.len() && plain.chars().count() > 1 {
            break;
        }
    }
    let start = start?;
    // A given name alone stands only after a cue ("© Mein Blog by Ana").
    (words >= 2 || after_cue).then(|| Byline {
        span: Span::new(start, end),
        names: vec![line[start..end].to_owned()],
    })
}
