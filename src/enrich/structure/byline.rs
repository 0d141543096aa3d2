//! Bylines: a cue ("By", "Von", "Par", "Автор:", "责任编辑：") and the names
//! after it, without dates, roles, outlets or reading times; "A and B",
//! "A, B & C", "A und B" become several names.

use super::lexicon::Lexicon;
use crate::enrich::Span;

/// Lines longer than this (in words) are not bylines.
const MAX_WORDS: usize = 24;
/// Names have at most this many words.
const MAX_NAME_WORDS: usize = 5;

/// A byline found in a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Byline {
    /// From the cue to the end of the last name, relative to the line.
    pub span: Span,
    /// The names.
    pub names: Vec<String>,
}

/// Joins between names, folded (lowercase).
const JOINS: &[&str] = &[
    "and", "und", "y", "et", "e", "i", "en", "и", "і", "та", "و", "&", "och", "og", "ve", "a",
    "oraz", "和", "与",
];

/// Name particles that stay lowercase inside a name.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du", "dos", "das",
    "do", "bin", "ibn", "al", "ter", "zu", "y",
];

fn is_join(token: &str) -> bool {
    let t = token.to_lowercase();
    JOINS.contains(&t.as_str())
}

/// A token that can be part of a name.
fn name_token(token: &str) -> bool {
    let Some(first) = token.chars().next() else {
        return false;
    };
    if token.chars().any(|c| c.is_numeric()) {
        return false;
    }
    if first.is_uppercase() {
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

/// A lowercase handle ("uriebe", "herr_rein") standing alone as a name.
fn handle_token(token: &str) -> bool {
    let n = token.chars().count();
    (2..=30).contains(&n)
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && token.chars().any(char::is_alphabetic)
        && !token.ends_with('.')
}

/// Characters that end the names part of a byline.
fn is_stop_char(c: char) -> bool {
    matches!(
        c,
        '|' | '·'
            | '•'
            | '–'
            | '—'
            | '('
            | ')'
            | '['
            | '/'
            | '\t'
            | '@'
            | ':'
            | ';'
            | '«'
            | '»'
            | '"'
            | '“'
            | '”'
    ) || c.is_numeric()
}

/// Finds a byline in `line`: the first cue word followed by at least one name.
pub(crate) fn parse(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    if line.split_whitespace().count() > MAX_WORDS {
        return None;
    }
    for (cue_start, cue_end) in lexicon.byline_cues(line) {
        if let Some(byline) = names_after(line, cue_start, cue_end, lexicon) {
            return Some(byline);
        }
    }
    None
}

fn names_after(line: &str, cue_start: usize, cue_end: usize, lexicon: &Lexicon) -> Option<Byline> {
    let rest = &line[cue_end..];
    // The names run to the first stop character or " - ".
    let mut stop = rest.len();
    for (i, c) in rest.char_indices() {
        if is_stop_char(c)
            || (c == '-' && rest[i + 1..].starts_with(' ') && rest[..i].ends_with(' '))
        {
            stop = i;
            break;
        }
    }
    let part = &rest[..stop];
    let base = cue_end;
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut last_end = base;
    let mut name_end = base;
    let mut handle_only = true;
    let mut offset = 0usize;
    for raw in part.split_inclusive(|c: char| c.is_whitespace() || c == ',') {
        let token_start = offset;
        offset += raw.len();
        let comma = raw.trim_end().ends_with(',');
        let token = raw.trim_matches(|c: char| c.is_whitespace() || c == ',');
        if token.is_empty() {
            if comma && !current.is_empty() {
                names.push(current.join(" "));
                current.clear();
            }
            continue;
        }
        if !current.is_empty() && is_join(token) {
            names.push(current.join(" "));
            current.clear();
            continue;
        }
        if lexicon.is_date_word(token) {
            break;
        }
        if lexicon.is_role(token) {
            // "Jane Doe, Staff Writer": the role ends the byline.
            break;
        }

        let ok =
            name_token(token) || (current.is_empty() && names.is_empty() && handle_token(token));
        if !ok || current.len() >= MAX_NAME_WORDS {
            // A word that is neither a name, a date nor a role: prose, not
            // a byline ("Di Maio ha detto", "By the end of the year").
            return None;
        }
        if name_token(token) && token.chars().next().is_some_and(char::is_uppercase) {
            handle_only = false;
        }
        current.push(token);
        last_end = base
            + token_start
            + raw
                .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
                .len();
        name_end = last_end;
        if comma {
            names.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        names.push(current.join(" "));
    }
    names.retain(|n| !PARTICLES.contains(&n.as_str()));
    if names.is_empty() {
        return None;
    }
    // A lone lowercase word after the cue is a handle only when nothing else
    // follows it in the line but stop characters.
    if handle_only {
        let after = line[name_end..].trim();
        let before = &line[..cue_start];
        let opens = before.chars().all(|c| !c.is_alphanumeric());
        if names.len() != 1
            || !(after.is_empty() || after.starts_with(is_stop_char))
            || !(opens || before.chars().any(char::is_numeric))
        {
            return None;
        }
    }
    Some(Byline {
        span: Span::new(cue_start, name_end.max(last_end)),
        names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::structure::lexicon;

    fn names(line: &str) -> Vec<String> {
        parse(line, lexicon::get())
            .map(|b| b.names)
            .unwrap_or_default()
    }

    #[test]
    fn names_are_split_and_stripped() {
        assert_eq!(
            names("By Halyna Moroz and Peter Ashdown"),
            ["Halyna Moroz", "Peter Ashdown"]
        );
        assert_eq!(
            names("Von Jana Wendtland und Mehmet Aksoy"),
            ["Jana Wendtland", "Mehmet Aksoy"]
        );
        assert_eq!(
            names("Par Élodie Marchand et Yann Le Goff"),
            ["Élodie Marchand", "Yann Le Goff"]
        );
        assert_eq!(
            names("By Ana Ruiz, Bo Li & Carl Dahl"),
            ["Ana Ruiz", "Bo Li", "Carl Dahl"]
        );
        assert_eq!(names("By Ana Ruiz | 5 Minute Read"), ["Ana Ruiz"]);
        assert_eq!(
            names("By Amelie Nishizawa Feb 8, 2020 5 min read"),
            ["Amelie Nishizawa"]
        );
        assert_eq!(
            names("Posted on 21. Juli 2019 by Realiberry"),
            ["Realiberry"]
        );
        assert_eq!(
            names("By Margaret Oyelaran and Tomas Riedel, Associated Press"),
            ["Margaret Oyelaran", "Tomas Riedel"]
        );
        assert_eq!(names("Автор: Тарас Кметик"), ["Тарас Кметик"]);
        assert!(names("By the end of the year, prices rose").is_empty());
        assert!(names("Stand by me").is_empty());
    }
}
