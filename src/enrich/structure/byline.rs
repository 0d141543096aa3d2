//! Bylines: a cue ("By", "Von", "Par", "Автор:", "责任编辑：") and the names
//! after it, without dates, roles, outlets or reading times; "A and B",
//! "A, B & C", "A und B" become several names.

use std::collections::HashSet;
use std::sync::LazyLock;

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
        let next_is_name = part[offset..]
            .split(|c: char| c.is_whitespace() || c == ',')
            .find(|t| !t.is_empty())
            .is_some_and(|t| {
                name_token(t)
                    && !lexicon.is_date_word(t)
                    && t.chars().next().is_some_and(char::is_uppercase)
            });
        // "Jan", "Mai", "H" are months and hours, and names before a name
        // ("Jan Lukas Strozyk", "Mrs H Pyke").
        let in_name = next_is_name
            && !comma
            && token.chars().next().is_some_and(char::is_uppercase)
            && name_token(token);
        if !current.is_empty() && !lexicon.byline_cues(token).is_empty() {
            // "Von Ana Ruiz Vom 3. Mai": a date's lead-in ends the names.
            break;
        }
        if lexicon.is_date_word(token) && !in_name {
            break;
        }
        // A particle inside a name ("Jose de la Cruz") is no role word.
        let particle = PARTICLES.contains(&token) && !current.is_empty();
        if lexicon.is_role(token) && !particle {
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

/// Given names, to tell a name line ("Ana Ruiz") from a menu item.
static GIVEN_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/gazetteer/first_names.txt")
        .lines()
        .chain(include_str!("../../../data/structure/given_names.txt").lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `token` is a known given name.
pub(crate) fn is_given_name(token: &str) -> bool {
    GIVEN_NAMES.contains(token)
}

/// A line that is only a name, maybe with a date or a role around it
/// ("Ana Ruiz", "Ana Ruiz 12.03.2024, 10:15", "3. Mai 2024 - Ana Ruiz",
/// "Ana Ruiz Autorin"): the name, as a byline without a cue. A name has two
/// to four words, capitalised (particles and initials allowed), and the line
/// holds no other word.
pub(crate) fn name_line(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    if line.split_whitespace().count() > 12 {
        return None;
    }
    let mut start = None;
    let mut end = 0usize;
    let mut words = 0usize;
    let mut done = false;
    let mut offset = 0usize;
    for raw in line.split_inclusive(char::is_whitespace) {
        let token_start = offset;
        offset += raw.len();
        let token = raw.trim().trim_end_matches(',');
        if token.is_empty() {
            continue;
        }
        let particle = start.is_some() && !done && PARTICLES.contains(&token);
        let filler = !particle
            && (token.chars().all(|c| !c.is_alphabetic())
                || (lexicon.is_date_word(token) && !is_given_name(token))
                || lexicon.is_role(token)
                || token.eq_ignore_ascii_case("uhr")
                || token.eq_ignore_ascii_case("am")
                || token.eq_ignore_ascii_case("pm"));
        let capitalised = token.chars().next().is_some_and(char::is_uppercase);
        let is_name = name_token(token) && (capitalised || (start.is_some() && !done));
        if is_name && !filler && !done {
            if start.is_none() {
                start = Some(token_start);
            }
            words += 1;
            end = token_start + token.len();
            if raw.trim().ends_with(',') {
                done = true;
            }
        } else if filler {
            if start.is_some() {
                done = true;
            }
        } else {
            return None;
        }
    }
    let start = start?;
    if !(2..=4).contains(&words) {
        return None;
    }
    let given = line[start..].split_whitespace().next()?;
    if !is_given_name(given.trim_end_matches(',')) {
        return None;
    }
    let name = line[start..end].trim_end_matches('.');
    let last = name.split_whitespace().next_back()?;
    // The last word of a name is a surname, not a particle or an initial.
    if PARTICLES.contains(&last) || last.chars().count() < 2 {
        return None;
    }
    Some(Byline {
        span: Span::new(start, start + name.len()),
        names: vec![name.to_owned()],
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
        assert_eq!(
            names("Von Jana Wendt, Jan Ole Brandt und Eva Kron, NDR"),
            ["Jana Wendt", "Jan Ole Brandt", "Eva Kron", "NDR"]
        );
        assert_eq!(names("Por José de la Fuente"), ["José de la Fuente"]);
        assert_eq!(names("By Ana Ruiz Jan 8, 2020"), ["Ana Ruiz"]);
        assert_eq!(names("Von Jana Wendt Vom 3. Februar 2022"), ["Jana Wendt"]);
    }

    #[test]
    fn name_lines_with_dates_and_roles() {
        let lex = lexicon::get();
        let name = |l: &str| name_line(l, lex).map(|b| b.names).unwrap_or_default();
        assert_eq!(name("Halyna Moroz"), ["Halyna Moroz"]);
        assert_eq!(name("Jana Wendt 12.03.2024, 10:15 Uhr"), ["Jana Wendt"]);
        assert_eq!(name("3. Mai 2024 - Jana Wendt"), ["Jana Wendt"]);
        assert_eq!(name("Élodie Marchand, 4 mars 2024"), ["Élodie Marchand"]);
        assert_eq!(name("Marco van der Berg"), ["Marco van der Berg"]);
        assert!(name("Weather").is_empty());
        assert!(name("Neue Rechte").is_empty());
        assert!(name("Read the full story here").is_empty());
        assert!(name("Sport Politik Kultur Wirtschaft Wissen").is_empty());
    }
}
