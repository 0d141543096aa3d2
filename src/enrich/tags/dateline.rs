//! The place of a wire dateline ("CINCINNATI, March 26 -", "PALATINE,
//! Ill., March 26 -", "TOKYO (Reuters) -") as a LOCATION tag: where the
//! story was filed is a place it is about, even when the body never names it
//! again or is a results table.
//!
//! Only the all-capitals dateline style is read (the wire convention); the
//! place is resolved through the gazetteers, else through its qualifier (a
//! US state, a Canadian province, a country), and is cut off the text the
//! entity reader sees, so that an unknown "COSTA MESA" does not come back as
//! two organisations.

use super::entities;
use super::lexicon::{GAZETTEER, QUALIFIERS};
use super::{Tag, TagKind};
use crate::enrich::Span;

/// The most bytes of a line a dateline is looked for in.
const WINDOW: usize = 120;
/// The most words of a dateline place.
const MAX_PLACE_WORDS: usize = 4;
/// Salience of the dateline place: as central as a place named a few times.
const SALIENCE: f32 = 0.3;

/// A dateline read at the start of a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Place {
    /// The place as a LOCATION tag, when it could be resolved.
    pub(crate) tag: Option<Tag>,
    /// Where the dateline (with its dash) ends: the story starts here.
    pub(crate) end: usize,
}

/// Reads a dateline at the start of `text[span]`.
pub(crate) fn read(text: &str, span: Span) -> Option<Place> {
    let line = span.text(text);
    let mut window = line.len().min(WINDOW);
    while !line.is_char_boundary(window) {
        window -= 1;
    }
    let head = &line[..window];
    // The dash that closes the dateline: " - ", " -- ", " — ", " – ".
    let (dash_at, dash_len) = head
        .match_indices(['-', '—', '–'])
        .find(|&(i, _)| i > 0 && head[..i].ends_with(' '))
        .map(|(i, d)| {
            let rest = &head[i..];
            let len = rest
                .char_indices()
                .find(|&(_, c)| !matches!(c, '-' | '—' | '–'))
                .map_or(rest.len(), |(k, _)| k);
            (i, len.max(d.len()))
        })?;
    let prefix = head[..dash_at].trim_end();
    // The agency in parentheses, if any, ends the place part.
    let place_part = prefix.split('(').next().unwrap_or(prefix).trim_end();
    let mut parts = place_part.split(',').map(str::trim);
    let place = parts.next().filter(|p| !p.is_empty())?;
    let words = place.split_whitespace().count();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = place
        .chars()
        .all(|c| !c.is_alphabetic() || c.is_uppercase())
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'));
    if !(1..=MAX_PLACE_WORDS).contains(&words) || letters < 3 || !all_caps {
        return None;
    }
    // What follows the place must read as a dateline: a date, a qualifier
    // or an agency, not the rest of an all-caps headline.
    let rest: Vec<&str> = parts.collect();
    let has_agency = prefix.contains('(');
    let qualifier = rest
        .first()
        .and_then(|q| QUALIFIERS.get(&q.to_lowercase()).copied());
    let has_date = rest
        .iter()
        .any(|p| p.chars().any(|c| c.is_ascii_digit()) && p.split_whitespace().count() <= 3);
    if !(has_agency || has_date || qualifier.is_some()) {
        return None;
    }
    let start = span.start + (place.as_ptr() as usize - line.as_ptr() as usize);
    let end = span.start + dash_at + dash_len;
    let known = entities::place_entity(place).map(|i| &GAZETTEER.entities[i]);
    let tag = match (known, qualifier) {
        // A qualifier naming another country wins over a namesake
        // ("PARIS, Texas").
        (Some(e), Some(q)) if e.country.is_some_and(|c| c != q) => Some((title_case(place), q)),
        (Some(e), _) => e.country.map(|c| (e.name.to_owned(), c)),
        (None, Some(q)) => Some((title_case(place), q)),
        (None, None) => None,
    }
    .map(|(name, country)| Tag {
        name,
        kind: TagKind::Location,
        salience: SALIENCE,
        mention_count: 1,
        first_mention: Some(Span::new(start, start + place.len())),
        country_code: Some(country.to_owned()),
    });
    Some(Place { tag, end })
}

/// "DES MOINES" → "Des Moines", "WINSTON-SALEM" → "Winston-Salem".
fn title_case(place: &str) -> String {
    let mut out = String::with_capacity(place.len());
    let mut start = true;
    for c in place.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic() && c != '\'';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(line: &str) -> Option<(String, String, &str)> {
        let p = read(line, Span::new(0, line.len()))?;
        let t = p.tag?;
        Some((t.name, t.country_code.unwrap_or_default(), &line[p.end..]))
    }

    #[test]
    fn wire_datelines_give_their_place() {
        assert_eq!(
            place("TOKYO, March 3 - The yen rose."),
            Some(("Tokyo".into(), "JP".into(), " The yen rose."))
        );
        assert_eq!(
            place("SPRINGFIELD, Ill., March 26 - The company said."),
            Some(("Springfield".into(), "US".into(), " The company said."))
        );
        assert_eq!(
            place("NEW YORK (Reuters) -- Stocks fell."),
            Some(("New York".into(), "US".into(), " Stocks fell."))
        );
    }

    #[test]
    fn prose_and_headlines_are_not_datelines() {
        assert_eq!(place("The company - a maker of chips - said."), None);
        assert!(read("STOCKS FALL - TRADERS WORRY", Span::new(0, 27)).is_none());
        assert_eq!(
            place("Tokyo, March 3 - lower case is not the wire style."),
            None
        );
    }
}
