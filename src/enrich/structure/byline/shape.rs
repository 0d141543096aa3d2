//! The shape of a name: which tokens can be part of one, and lines that
//! hold only names ("Ana Ruiz", "Ana Ruiz, 03.11.2023", "Ana Ruiz, Bo Li y
//! Carl Dahl").

use super::Byline;
use super::meta::dated_name;
use super::words::{
    PARTICLES, is_desk_word, is_given_name, is_join, is_role_word, is_stop_word, is_title_word,
};
use crate::enrich::Span;
use crate::enrich::structure::lexicon::Lexicon;

/// A capital letter, or a letter of a script without case (Arabic, Chinese),
/// where any word can open a name.
pub(super) fn capital(c: char) -> bool {
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}

/// A token that can be part of a name.
pub(super) fn name_token(token: &str) -> bool {
    let Some(first) = token.chars().next() else {
        return false;
    };
    if token.chars().any(|c| c.is_numeric()) {
        return false;
    }
    if capital(first) {
        // "Phys.org", "Example.com": an outlet's domain, not a name.
        if let Some(dot) = token.find('.') {
            if token[dot + 1..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            {
                return false;
            }
        }
        return token
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '_'));
    }
    PARTICLES.contains(&token)
}

/// A lowercase handle ("mkolar", "frau_lind") standing alone as a name.
pub(super) fn handle_token(token: &str) -> bool {
    let n = token.chars().count();
    (2..=30).contains(&n)
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && token.chars().any(char::is_alphabetic)
        && !token.ends_with('.')
}

/// A separator token between the parts of a name line ("|", "–", "•").
pub(super) fn is_separator(token: &str) -> bool {
    !token.is_empty()
        && token
            .chars()
            .all(|c| matches!(c, '|' | '–' | '—' | '-' | '•' | '·' | '/' | '⋅' | '»' | '«'))
}

/// A line that is only a name, maybe with a date or a role around it
/// ("Ana Ruiz", "Ana Ruiz 12.03.2024, 10:15", "3. Mai 2024 - Ana Ruiz",
/// "Ana Ruiz Autorin"): the name, as a byline without a cue. A name has two
/// to four words, capitalised (particles and initials allowed), and the line
/// holds no other word, except after a date that follows the name and a
/// separator ("Ana Ruiz – 14.09.2022 – Kolumne, Kultur": the categories).
/// Several names joined by commas or "and" make a name line too ("Ana
/// Ruiz, Bo Li y Carl Dahl").
pub(crate) fn name_line(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    name_line_with(line, lexicon, true)
}

/// [`name_line`], with or without a known given name opening the name.
pub(super) fn name_line_with(line: &str, lexicon: &Lexicon, given_known: bool) -> Option<Byline> {
    if line.split_whitespace().count() > 12 {
        return None;
    }
    let mut start = None;
    let mut end = 0usize;
    let mut words = 0usize;
    let mut done = false;
    let mut dated = false;
    // The name closed with a comma and a role follows ("Ana Ruiz, Staff
    // Attorney, Example Foundation"): the rest is the author's post.
    let mut comma_closed = false;
    let mut post = false;
    // A date opens the line, before the name.
    let mut dated_before = false;
    let mut offset = 0usize;
    for raw in line.split_inclusive(char::is_whitespace) {
        let token_start = offset;
        offset += raw.len();
        let token = raw.trim().trim_end_matches(',');
        if token.is_empty() {
            continue;
        }
        if is_stop_word(token) {
            // "Foto: Ana Ruiz" is a credit; "Ana Ruiz Follow", "Ana Ruiz
            // Zuletzt geändert am …": the page's chrome follows the name.
            start?;
            break;
        }
        if words >= 2 && !done && is_join(token) {
            return several_names(line);
        }
        if start.is_some() && dated && is_separator(token) {
            // What follows the name, a date and a separator is the page's
            // ("Ana Ruiz – 14.09.2022 – Kolumne", "14.09.2022 - Ana Ruiz - 91
            // Ergänzungen").
            break;
        }
        // An initial inside a name ("Ana H. Ruiz"), not an hour's "H".
        let initial = start.is_some()
            && !done
            && token.trim_end_matches('.').chars().count() == 1
            && token.chars().next().is_some_and(char::is_uppercase);
        let particle = start.is_some() && !done && (PARTICLES.contains(&token) || initial);
        let date_like = token.chars().any(char::is_numeric)
            || (lexicon.is_date_word(token) && !is_given_name(token));
        let filler = !particle
            // "14h10", "3rd": a clock or a date with letters in it.
            && (token.chars().all(|c| !c.is_alphabetic())
                || token.chars().any(char::is_numeric)
                || (lexicon.is_date_word(token) && !is_given_name(token))
                || is_role_word(token, lexicon)
                || is_stop_word(token)
                || token.eq_ignore_ascii_case("uhr")
                || token.eq_ignore_ascii_case("am")
                || token.eq_ignore_ascii_case("pm")
                // "um", "at", "à" before a clock time.
                || (start.is_none()
                    && dated
                    && token.chars().count() <= 3
                    && token.chars().all(char::is_lowercase)));
        let capitalised = token.chars().next().is_some_and(capital);
        let is_name = name_token(token) && (capitalised || (start.is_some() && !done));
        if post {
            continue;
        }
        if start.is_none() && words == 0 && is_title_word(token) {
            // "Experte Ana Ruiz": the title is no part of the name.
            continue;
        }
        if is_name && !filler && !done {
            if start.is_none() {
                start = Some(token_start);
                dated_before = dated;
            }
            words += 1;
            end = token_start + token.len();
            if raw.trim().ends_with(',') {
                done = true;
                comma_closed = true;
            }
        } else if comma_closed && !dated && is_role_word(token, lexicon) {
            post = true;
        } else if filler {
            // A date before the name counts too ("23.06.2016 - Ana Ruiz -
            // 91 Kommentare").
            dated |= date_like;
            if start.is_some() {
                done = true;
            }
        } else if start.is_none() && (is_join(token) || token == "&") {
            return None;
        } else {
            return several_names(line);
        }
    }
    let start = start?;
    if !(2..=4).contains(&words) {
        return None;
    }
    let given = line[start..].split_whitespace().next()?;
    if given_known && !is_given_name(given.trim_end_matches(',')) {
        return None;
    }
    // "3. Mai 2023 Ana Ruiz Kultur": after a date, the name is given names
    // and one surname; a category may follow.
    if given_known && dated_before {
        return dated_name(line, lexicon);
    }
    let name = line[start..end].trim_end_matches('.');
    let last = name.split_whitespace().next_back()?;
    // "Ramiro Ocampo." closes a caption; "Juan Muñoz C." is an initial.
    if end == line.trim_end().len() && line[..end].ends_with('.') && last.chars().count() > 1 {
        return None;
    }
    // The last word of a name is a surname, not a particle or an initial.
    if PARTICLES.contains(&last) || last.chars().count() < 2 {
        return None;
    }
    Some(Byline {
        span: Span::new(start, start + name.len()),
        names: vec![name.to_owned()],
    })
}

/// A word of a byline, split at white space and commas.
pub(super) struct CommaWord<'a> {
    /// Byte offset of the word's piece (the word may be empty: a lone comma).
    pub(super) start: usize,
    /// Byte offset just past the word and the separators after it.
    pub(super) next: usize,
    /// Whether a comma follows the word.
    pub(super) comma: bool,
    /// The word, without white space or commas.
    pub(super) text: &'a str,
}

/// The words of `text` split at white space and commas, with offsets; both
/// byline readers walk names this way.
pub(super) fn comma_words(text: &str) -> impl Iterator<Item = CommaWord<'_>> {
    let mut offset = 0usize;
    text.split_inclusive(|c: char| c.is_whitespace() || c == ',')
        .map(move |raw| {
            let start = offset;
            offset += raw.len();
            CommaWord {
                start,
                next: offset,
                comma: raw.trim_end().ends_with(','),
                text: raw.trim_matches(|c: char| c.is_whitespace() || c == ','),
            }
        })
}

/// A line of several full names and nothing else ("Ana Ruiz, Bo Li y Carl
/// Dahl", "Ana Ruiz & Bo Li"): every name two to four capitalised words,
/// most of them opening with a known given name.
pub(super) fn several_names(line: &str) -> Option<Byline> {
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut current: Option<(usize, usize, usize)> = None; // start, end, words
    let close = |current: &mut Option<(usize, usize, usize)>, names: &mut Vec<(usize, usize)>| {
        if let Some((s, e, w)) = current.take() {
            if !(2..=4).contains(&w) {
                return false;
            }
            names.push((s, e));
        }
        true
    };
    for CommaWord {
        start: token_start,
        comma,
        text: token,
        ..
    } in comma_words(line)
    {
        if token.is_empty() {
            if comma && !close(&mut current, &mut names) {
                return None;
            }
            continue;
        }
        if is_join(token) {
            if current.is_none() || !close(&mut current, &mut names) {
                return None;
            }
            continue;
        }
        let inside = current.is_some() && PARTICLES.contains(&token);
        let named = name_token(token) && token.chars().next().is_some_and(capital);
        if !inside && !named {
            return None;
        }
        let end = token_start + token.len();
        current = Some(match current {
            Some((s, _, w)) => (s, end, w + 1),
            None => (token_start, end, 1),
        });
        if comma && !close(&mut current, &mut names) {
            return None;
        }
    }
    if !close(&mut current, &mut names) || names.len() < 2 {
        return None;
    }
    let given = names
        .iter()
        .filter(|(s, e)| {
            line[*s..*e]
                .split_whitespace()
                .next()
                .is_some_and(is_given_name)
        })
        .count();
    if given * 2 < names.len() + 1 {
        return None;
    }
    let (first, _) = names[0];
    let (_, last) = names[names.len() - 1];
    Some(Byline {
        span: Span::new(first, last),
        names: names.iter().map(|(s, e)| line[*s..*e].to_owned()).collect(),
    })
}

/// A name of two or three words whose given name is not in the lists
/// ("Iñaki Larrañaga" between the headline and the article): every word
/// capitalised, none of them all capitals, a stopword or a chrome word.
pub(super) fn unknown_name_line(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    let b = name_line_with(line, lexicon, false)?;
    let [name] = b.names.as_slice() else {
        return None;
    };
    // The name opens its line: no title or desk word left out before it.
    if b.span.start > 0 {
        return None;
    }
    let stopwords = lexicon.stopword_list(None);
    let mut words = 0usize;
    for w in name.split_whitespace() {
        words += 1;
        let plain = w.trim_end_matches('.');
        if plain.chars().count() < 2
            || !plain
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            || !w.chars().next().is_some_and(char::is_uppercase)
            || !w.chars().any(char::is_lowercase)
            || stopwords.contains_lowercase(plain)
            || is_stop_word(plain)
        {
            return None;
        }
    }
    (2..=3).contains(&words).then_some(b)
}

/// A join standing alone on a line ("and", "&", ",") between stacked names.
pub(super) fn join_line(line: &str) -> bool {
    let t = line.trim();
    t == "," || (!t.contains(char::is_whitespace) && is_join(t))
}

/// Whether a line is a chrome line between stacked names: an avatar's
/// initials ("AR") or a lone separator.
pub(super) fn avatar_line(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 3 && t.chars().all(|c| c.is_uppercase() || !c.is_alphanumeric())
}

/// A short line of capitalised words ("Frente Amplio", "Ana Ruiz"): the
/// next item of a column of names or tags.
pub(super) fn name_shaped(line: &str) -> bool {
    let mut words = 0usize;
    for w in line.split_whitespace() {
        words += 1;
        if words > 4 || !w.chars().next().is_some_and(capital) {
            return false;
        }
    }
    words > 0
}

/// A line that is a desk signing the story, alone or with its outlet's name
/// ("Redaktion", "Example Redaktion", "Redaktion Example Schweiz",
/// "example.at Redaktion"): up to four words, a desk word first or last, the
/// others capitalised or a domain, none of them a given name.
pub(super) fn desk_line(line: &str) -> Option<Byline> {
    let line = line.trim();
    let mut words = 0usize;
    let mut desk_at = None;
    for (k, token) in line.split_whitespace().enumerate() {
        words += 1;
        if words > 4 {
            return None;
        }
        if desk_at.is_none() && is_desk_word(token) {
            desk_at = Some(k);
            continue;
        }
        let outlet = (name_token(token) && token.chars().next().is_some_and(char::is_uppercase))
            || (handle_token(token) && token.contains('.'));
        if !outlet || is_given_name(token) {
            return None;
        }
    }
    let desk_at = desk_at?;
    (desk_at == 0 || desk_at + 1 == words).then(|| Byline {
        span: Span::new(0, line.len()),
        names: vec![line.to_owned()],
    })
}
