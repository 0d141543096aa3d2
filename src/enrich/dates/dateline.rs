//! Wire and staff datelines at the start of a paragraph: "MOSCOW, Oct 3
//! (Reuters) -", "WASHINGTON (AP) —", "(ANSA) - ROMA, 17 OTT -",
//! "МОСКВА, 3 окт — РИА Новости.", "ЕКАТЕРИНБУРГ, 14 марта. /ТАСС/.",
//! "MADRID, 5 mar (EFE).-", "新华社北京10月3日电", "LONDON — ".

use super::grammar::{DateParts, Grammar, Match};
use super::lexicon::{Lexicon, PlaceKind};
use super::tokens::{Kind, Token, is_cjk, tokenize};
use crate::enrich::Span;

/// A dateline as read, before its year is inferred.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parsed {
    /// The dateline with its closing dash.
    pub(crate) span: Span,
    /// The place as written (empty for a bare "(Reuters) -").
    pub(crate) place: String,
    /// The place in normal case.
    pub(crate) place_name: String,
    /// ISO 3166-1 alpha-2 code, when known.
    pub(crate) country_code: Option<String>,
    /// The normalised agency.
    pub(crate) agency: Option<String>,
    /// The date as written and its span.
    pub(crate) date: Option<(DateParts, Span)>,
    /// Whether it names an agency or a date; a bare "PLACE —" is weaker
    /// evidence.
    pub(crate) strong: bool,
}

/// The most bytes of a line a dateline is looked for in.
const WINDOW: usize = 300;
/// The most words of a place or of a qualifier.
const MAX_PLACE_WORDS: usize = 6;

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "―" | "‒" | "_" | "−")
}

/// Reads a dateline at the start of `text[start..end]`, a line whose
/// paragraph goes on to `para_end`; `lowercase` is `text` lowercased in step
/// with it, when the document has it ([`Grammar::from_token`]).
pub(crate) fn parse(
    text: &str,
    lowercase: Option<&str>,
    start: usize,
    end: usize,
    para_end: usize,
) -> Option<Parsed> {
    let mut stop = end.min(start + WINDOW);
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    if !may_hold_dateline(&text.as_bytes()[start..stop]) {
        return None;
    }
    let tokens = tokenize(text, start, stop);
    let g = Grammar::from_token(text, lowercase, &tokens, 0);
    let parsed = parse_tokens(&g).or_else(|| xinhua(&g))?;
    // The story must go on after the dateline.
    let rest_end = para_end.max(parsed.span.end);
    let mut rest_stop = rest_end.min(parsed.span.end + 200);
    while !text.is_char_boundary(rest_stop) {
        rest_stop -= 1;
    }
    let rest = &text[parsed.span.end..rest_stop];
    let words = rest.split_whitespace().take(4).count();
    let cjk = rest.chars().filter(|&c| is_cjk(c)).take(8).count();
    if words < 2 && cjk < 6 {
        return None;
    }
    Some(parsed)
}

/// Whether `window` has a byte every dateline needs: each form but the
/// Xinhua one closes with a dash (ASCII, or U+2012–U+2015 and U+2212, whose
/// UTF-8 starts with 0xE2) or puts its agency between slashes ("/ТАСС/"),
/// and the Xinhua form opens with ideographs (UTF-8 from 0xE3 on). Most
/// lines a dateline is looked for on have none and are not tokenized.
fn may_hold_dateline(window: &[u8]) -> bool {
    window
        .iter()
        .any(|&b| matches!(b, b'-' | b'_' | b'/') || b >= 0xe2)
}

/// The agency named by tokens `[from, to)`.
fn agency_between(g: &Grammar<'_>, from: usize, to: usize) -> Option<String> {
    if from >= to || to > g.tokens.len() {
        return None;
    }
    let inner = &g.text[g.tokens[from].start..g.tokens[to - 1].end];
    g.lex.agency(inner).map(str::to_owned)
}

/// An agency in parentheses at `i`: the agency and the index after ")".
fn paren_agency(g: &Grammar<'_>, i: usize) -> Option<(String, usize)> {
    if !g.is(i, "(") {
        return None;
    }
    let close = (i + 1..(i + 10).min(g.tokens.len())).find(|&k| g.is(k, ")"))?;
    if close == i + 1 {
        return None;
    }
    let known = agency_between(g, i + 1, close);
    let agency = match known {
        Some(a) => a,
        None => {
            // An agency we do not know, written like one: "(IANS)", "(BNA)".
            let inner = &g.text[g.tokens.get(i + 1)?.start..g.tokens[close - 1].end];
            let letters: Vec<char> = inner.chars().filter(|c| c.is_alphabetic()).collect();
            if close - i - 1 > 2
                || letters.len() < 2
                || letters.len() > 6
                || !letters.iter().all(|c| c.is_uppercase())
            {
                return None;
            }
            inner.to_owned()
        }
    };
    Some((agency, close + 1))
}

/// A closing dash at `i` ("-", "--", "—", ".-"): the index after it.
fn closer(g: &Grammar<'_>, i: usize) -> Option<usize> {
    let mut j = i;
    if g.is(j, ".") && is_dash(g.t(j + 1)) && g.glued(j + 1) {
        j += 1;
    }
    if !is_dash(g.t(j)) || g.kind(j) != Some(Kind::Punct) {
        return None;
    }
    j += 1;
    while is_dash(g.t(j)) && g.glued(j) && g.kind(j) == Some(Kind::Punct) {
        j += 1;
    }
    // The story follows after a space (or a line end), or glued after a
    // long dash ("WASHINGTON—The").
    match g.tokens.get(j) {
        None => Some(j),
        Some(t) if t.space_before => Some(j),
        Some(_) if g.t(j - 1) != "-" => Some(j),
        // A hyphen spaced on its left is a dash: "March 31 -Qtr ends".
        Some(_) if g.tokens[i].space_before => Some(j),
        Some(_) => None,
    }
}

/// Words of a place or qualifier from `i`: the index after them, the end
/// byte of the last word (a trailing "." of an abbreviation excluded unless
/// `keep_dot`), and the number of words. Stops at punctuation other than a
/// glued "." and before a date.
fn words(g: &Grammar<'_>, i: usize, keep_dot: bool) -> Option<(usize, usize, usize)> {
    let mut j = i;
    let mut count = 0;
    let mut last_end = 0;
    while let Some(t) = g.tokens.get(j) {
        match t.kind {
            Kind::Word => {
                if count > 0 && g.date(j, true).is_some() {
                    break;
                }
                if count > 0 && g.t(j).chars().all(is_cjk) {
                    break;
                }
                count += 1;
                last_end = t.end;
                j += 1;
                // "Frankfurt/Main", "Halle/Saale"
                if g.is(j, "/") && g.glued(j) && g.kind(j + 1) == Some(Kind::Word) && g.glued(j + 1)
                {
                    last_end = g.tokens[j + 1].end;
                    j += 2;
                    continue;
                }
                // "ST." "N.Y." "Mass."
                if g.is(j, ".") && g.glued(j) {
                    if keep_dot {
                        last_end = g.tokens[j].end;
                    }
                    j += 1;
                    // A dot followed by a glued letter is inside the word: "N.Y".
                    if g.kind(j) == Some(Kind::Word) && g.glued(j) {
                        last_end = g.tokens[j].end;
                        continue;
                    }
                }
            }
            _ => break,
        }
        if count > MAX_PLACE_WORDS {
            return None;
        }
    }
    (count > 0).then_some((j, last_end, count))
}

fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| c.is_alphabetic())
}

fn is_caps(s: &str) -> bool {
    letters(s).count() >= 2
        && letters(s).all(|c| !c.is_lowercase())
        && letters(s).any(|c| c.is_uppercase())
}

fn starts_upper(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

fn parse_tokens(g: &Grammar<'_>) -> Option<Parsed> {
    let first = g.tokens.first()?;
    // "(ANSA) - ROMA, 17 OTT -" or a bare "(Reuters) -".
    if let Some((a, after)) = paren_agency(g, 0) {
        let dash_end = closer(g, after)?;
        if let Some(mut inner) = place_dateline(g, dash_end, None) {
            inner.span.start = first.start;
            if inner.agency.is_none() {
                inner.agency = Some(a);
            }
            return Some(inner);
        }
        return Some(Parsed {
            span: Span::new(first.start, g.tokens[dash_end - 1].end),
            place: String::new(),
            place_name: String::new(),
            country_code: None,
            agency: Some(a),
            date: None,
            strong: true,
        });
    }
    place_dateline(g, 0, None)
}

/// `PLACE[, qualifier…][,] [date] [(AGENCY)] —` from token `i`.
fn place_dateline(g: &Grammar<'_>, i: usize, agency: Option<String>) -> Option<Parsed> {
    let mut agency = agency;
    let (mut j, place_end, place_words) = words(g, i, false)?;
    let place_start = g.tokens[i].start;
    let place = &g.text[place_start..place_end];
    let mut qualifiers: Vec<&str> = Vec::new();
    let mut date: Option<Match<DateParts>> = None;
    for _ in 0..4 {
        if date.is_some() {
            break;
        }
        let mut k = j;
        let comma = g.is(k, ",");
        if comma {
            k += 1;
        }
        if let Some(d) = g.date(k, true).filter(|d| d.value.day.is_some()) {
            date = Some(d);
            j = d.end;
            break;
        }
        if !comma {
            break;
        }
        let Some((after, end, count)) = words(g, k, true) else {
            break;
        };
        if count > 4 {
            return None;
        }
        qualifiers.push(&g.text[g.tokens[k].start..end]);
        j = after;
    }
    if g.is(j, ",") {
        j += 1;
    }
    // TASS: "3 октября. /ТАСС/."
    if g.is(j, ".") && g.is(j + 1, "/") {
        j += 1;
    }
    let mut end_byte = None;
    if let Some((a, after)) = paren_agency(g, j) {
        agency = Some(a);
        j = after;
        // "(EFE).-"
    } else if g.is(j, "/") {
        let close = (j + 1..(j + 6).min(g.tokens.len())).find(|&k| g.is(k, "/"))?;
        agency = Some(agency_between(g, j + 1, close)?);
        j = close + 1;
        if g.is(j, ".") {
            end_byte = Some(g.tokens[j].end);
            j += 1;
        }
    }
    let end = match end_byte {
        Some(e) => e,
        None => {
            let after = closer(g, j)?;
            let mut e = g.tokens[after - 1].end;
            // RIA Novosti, Ukrinform: "— РИА Новости."
            if agency.is_none()
                && let Some(dot) = (after..(after + 5).min(g.tokens.len())).find(|&k| g.is(k, "."))
                && let Some(a) = agency_between(g, after, dot)
                && g.tokens.get(dot + 1).is_none_or(|t| t.space_before)
            {
                agency = Some(a);
                e = g.tokens[dot].end;
            }
            e
        }
    };
    // Validation.
    let lex = g.lex;
    let place_lower = place.to_lowercase();
    if lex.labels.contains(&place_lower) {
        return None;
    }
    let place_tokens: Vec<&str> = place.split_whitespace().collect();
    let strong = date.is_some() || agency.is_some();
    if strong {
        let all_lower = place_tokens
            .iter()
            .all(|w| letters(w).all(|c| !c.is_uppercase()));
        let cased = place_tokens
            .iter()
            .all(|w| starts_upper(w) || is_particle(w));
        let caseless = letters(place).all(|c| !c.is_lowercase() && !c.is_uppercase());
        if !(cased && starts_upper(place_tokens.first()?)
            || caseless
            || (all_lower && date.is_some()))
        {
            return None;
        }
    } else {
        // A staff dateline: "LONDON — ", "ST. LOUIS —", "Berlin – " (known places only).
        let spaced = g.tokens.get(j).is_some_and(|t| t.space_before)
            || matches!(g.t(j), "—" | "–")
            || (g.t(j) == "-" && g.t(j + 1) == "-");
        let known = lex.place(place).iter().any(|p| p.kind != PlaceKind::Region);
        let caps_ok = is_caps(place);
        let title_ok = known
            && place_tokens
                .iter()
                .all(|w| starts_upper(w) || is_particle(w));
        // An unknown one-word place with no qualifier is more likely a
        // company or an acronym ("BMW — Europe's…") unless it is long.
        let short = letters(place).count() <= 2
            || (!known && qualifiers.is_empty() && place_words == 1 && letters(place).count() < 4);
        if !spaced || !(caps_ok || title_ok) || place_words > 4 || short {
            return None;
        }
        if qualifiers.len() > 1 {
            return None;
        }
        for q in &qualifiers {
            let known_q = !lex.place(q).is_empty();
            if !(known_q || (q.ends_with('.') && q.len() <= 8)) {
                return None;
            }
        }
        // The story starts with a capital, a digit or a quote.
        let next = g.text[end..].trim_start_matches(crate::enrich::document::is_space);
        let c = next.chars().next()?;
        if !(c.is_uppercase() || c.is_ascii_digit() || "\"“'‘«„".contains(c)) {
            return None;
        }
    }
    let country_code = country(lex, place, &qualifiers);
    Some(Parsed {
        span: Span::new(g.tokens[i].start.min(place_start), end),
        place: place.to_owned(),
        place_name: normalise_place(lex, place),
        country_code,
        agency,
        date: date.map(|d| {
            let s = g.tokens[d.first].start;
            let e = g.tokens[d.end - 1].end;
            (d.value, Span::new(s, e))
        }),
        strong,
    })
}

/// Xinhua's Chinese dateline: "新华社北京10月3日电".
fn xinhua(g: &Grammar<'_>) -> Option<Parsed> {
    let tokens: &[Token] = g.tokens;
    // The agency: the longest run of leading ideographs that names one.
    let mut agency = None;
    let mut i = 0;
    for n in (2..=4).rev() {
        if n <= tokens.len()
            && tokens[..n]
                .iter()
                .all(|t| t.text(g.text).chars().all(is_cjk))
        {
            let s = &g.text[tokens[0].start..tokens[n - 1].end];
            if let Some(a) = g.lex.agency(s) {
                agency = Some(a.to_owned());
                i = n;
                break;
            }
        }
    }
    let agency = agency?;
    let place_first = i;
    while i < tokens.len()
        && tokens[i].kind == Kind::Word
        && g.t(i).chars().all(is_cjk)
        && i - place_first < 8
    {
        i += 1;
    }
    if i == place_first {
        return None;
    }
    let d = g.date(i, true)?;
    if !g.is(d.end, "电") {
        return None;
    }
    let place = g.text[tokens[place_first].start..tokens[i - 1].end].to_owned();
    let end = tokens[d.end].end;
    let date_span = Span::new(tokens[d.first].start, tokens[d.end - 1].end);
    Some(Parsed {
        span: Span::new(tokens[0].start, end),
        place_name: normalise_place(g.lex, &place),
        country_code: country(g.lex, &place, &[]),
        place,
        agency: Some(agency),
        date: Some((d.value, date_span)),
        strong: true,
    })
}

/// Words kept lowercase inside a place name ("Rio de Janeiro").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "la"
            | "le"
            | "les"
            | "el"
            | "es"
            | "of"
            | "on"
            | "am"
            | "an"
            | "upon"
            | "y"
            | "di"
            | "sur"
            | "en"
            | "im"
            | "bei"
            | "aan"
            | "op"
            | "na"
            | "nad"
            | "pod"
    )
}

/// The place in normal case: the gazetteer's spelling when known, else
/// each all-capitals word title-cased ("DES MOINES" → "Des Moines").
pub(crate) fn normalise_place(lex: &Lexicon, place: &str) -> String {
    if let Some(p) = lex.place(place).first() {
        return p.spelling.clone();
    }
    if !is_caps(place) {
        return place.to_owned();
    }
    let mut out = String::with_capacity(place.len());
    for (n, word) in place.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if n > 0 && is_particle(&lower) {
            out.push_str(&lower);
            continue;
        }
        // Capitalise the first letter and every letter after a hyphen, or
        // after "O'"/"D'".
        let mut cap = true;
        let mut prev: Option<char> = None;
        let mut run = 0usize;
        for c in lower.chars() {
            if c.is_alphabetic() {
                if cap {
                    out.extend(c.to_uppercase());
                    cap = false;
                } else {
                    out.push(c);
                }
                run += 1;
            } else {
                out.push(c);
                cap = c == '-' || (matches!(c, '\'' | '’') && run == 1 && prev.is_some());
                run = 0;
            }
            prev = Some(c);
        }
    }
    out
}

/// The country of a place: its qualifiers first ("ROCHESTER, N.Y." → US),
/// then the gazetteer (cities before countries).
fn country(lex: &Lexicon, place: &str, qualifiers: &[&str]) -> Option<String> {
    for q in qualifiers {
        if let Some(p) = lex.place(q).iter().find(|p| p.kind != PlaceKind::City) {
            return Some(p.country.clone());
        }
        if let Some(p) = lex
            .place(q.trim_end_matches('.'))
            .iter()
            .find(|p| p.kind != PlaceKind::City)
        {
            return Some(p.country.clone());
        }
    }
    let places = lex.place(place);
    places
        .iter()
        .find(|p| p.kind == PlaceKind::City)
        .or_else(|| places.iter().find(|p| p.kind == PlaceKind::Country))
        .or_else(|| places.first())
        .map(|p| p.country.clone())
}
