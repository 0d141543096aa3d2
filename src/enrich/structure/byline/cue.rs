//! Cue lines: a cue ("By", "Von", "Автор:") and the names after it, on the
//! same line or stacked on the lines under a bare cue.

use super::Byline;
use super::shape::{CommaWord, capital, comma_words, handle_token, join_line, name_token};
use super::words::{
    NAME_ENDS, PARTICLES, WEAK_CUES, is_desk_word, is_given_name, is_join, is_lead_in,
    is_role_word, is_source_label, is_stop_word, is_title_word,
};
use crate::enrich::Span;
use crate::enrich::document::Document;
use crate::enrich::structure::lexicon::Lexicon;
use crate::enrich::structure::line::LineFeatures;

/// Lines longer than this (in words) are not bylines.
pub(super) const MAX_WORDS: usize = 24;

/// Names have at most this many words.
pub(super) const MAX_NAME_WORDS: usize = 5;

/// Characters that end the names part of a byline.
pub(super) fn is_stop_char(c: char) -> bool {
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
        if let Some(mut byline) = names_after(line, cue_start, cue_end, lexicon) {
            // "Ein Artikel von Ana Ruiz": the lead-in is part of the byline,
            // which then opens its line.
            if cue_start > 0 && is_lead_in(&line[..cue_start]) {
                byline.span.start = 0;
            }
            return Some(byline);
        }
    }
    None
}

pub(super) fn names_after(
    line: &str,
    cue_start: usize,
    cue_end: usize,
    lexicon: &Lexicon,
) -> Option<Byline> {
    // "Von: Ana Ruiz", "by: Ana Ruiz".
    let cue_end = if line[cue_end..].starts_with(':') {
        cue_end + 1
    } else {
        cue_end
    };
    let rest = &line[cue_end..];
    // The names run to the first stop character or " - ".
    let mut stop = rest.len();
    for (i, c) in rest.char_indices() {
        if is_stop_char(c)
            || (c == '-' && rest[i + 1..].starts_with(' ') && rest[..i].ends_with(' '))
        {
            stop = i;
            // "Por Ana Ruiz aruiz@example.com": the address's local part
            // is no name.
            if c == '@' && !rest[..i].ends_with(char::is_whitespace) {
                stop = rest[..i].rfind(char::is_whitespace).unwrap_or(0);
            }
            break;
        }
    }
    // "Autor Ana Ruiz: Wahl zum Buch des Jahres ist eine Ehre": a colon
    // after the names and a sentence after it make a headline.
    // A label before the colon ("Kategorien: Mode 6. Mai") is chrome.
    if rest[stop..].starts_with(':')
        && rest[stop + 1..].split_whitespace().nth(3).is_some()
        && !rest[stop + 1..].chars().any(char::is_numeric)
        && !rest[..stop]
            .split_whitespace()
            .next_back()
            .is_some_and(is_stop_word)
    {
        return None;
    }
    let part = &rest[..stop];
    let base = cue_end;
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut last_end = base;
    let mut name_end = base;
    let mut handle_only = true;
    // The names so far are role words only ("von Redaktion", "By Staff
    // Writer"): a desk signs the story.
    let mut role_only = false;
    let mut after_comma = false;
    // The name being read opened after a comma.
    let mut current_after_comma = false;
    // Where the names before the one being read end.
    let mut end_before_current = base;
    for CommaWord {
        start: token_start,
        next: offset,
        comma,
        text: token,
    } in comma_words(part)
    {
        if token.is_empty() {
            if comma && !current.is_empty() {
                names.push(current.join(" "));
                current.clear();
            }
            after_comma |= comma;
            continue;
        }
        let follows_comma = after_comma;
        after_comma = comma;
        if !current.is_empty() && is_join(token) {
            names.push(current.join(" "));
            current.clear();
            continue;
        }
        let next = part[offset..]
            .split(|c: char| c.is_whitespace() || c == ',')
            .find(|t| !t.is_empty());
        let next_is_name = next.is_some_and(|t| {
            name_token(t) && !lexicon.is_date_word(t) && t.chars().next().is_some_and(capital)
        });
        let started = !current.is_empty() || !names.is_empty();
        // A particle before a surname ("Karl von Lindholm", "Yann Le Goff")
        // is part of the name; before a date it ends it ("Par Ana Ruiz le 7").
        let particle = PARTICLES.contains(&token) && !current.is_empty();
        // "Marta de la Vega": particles chain before the surname.
        if particle && !next_is_name && !next.is_some_and(|t| PARTICLES.contains(&t)) {
            break;
        }
        // "Jan", "Mai", "H" are months and hours, and names before a name
        // ("Jan Malte Wiesner", "Mrs J Hollis").
        let in_name = next_is_name
            && !comma
            && token.chars().next().is_some_and(capital)
            && name_token(token);
        if !current.is_empty() && !particle && !lexicon.byline_cues(token).is_empty() {
            // "Von Ana Ruiz Vom 3. Mai": a date's lead-in ends the names.
            break;
        }
        if lexicon.is_date_word(token) && !in_name {
            break;
        }
        if started && !particle && (is_stop_word(token) || NAME_ENDS.contains(&token)) {
            break;
        }
        // "Autor: Rechtsanwalt Ana Ruiz": a title before the name.
        if current.is_empty() && next_is_name && is_title_word(token) {
            continue;
        }
        // "Online-Redaktion", "Sport-Redakteur": a compound ending in a role.
        let role = is_role_word(token, lexicon)
            || token
                .rsplit_once('-')
                .is_some_and(|(_, tail)| tail.chars().count() > 3 && lexicon.is_role(tail));
        // "Von Timo Staff am 3. Mai": after a lone given name, a role word
        // that no other role follows is the surname.
        let role = role
            && !(current.len() == 1
                && names.is_empty()
                && is_given_name(current[0])
                && token.chars().next().is_some_and(char::is_uppercase)
                && !next.is_some_and(|t| {
                    t.chars().next().is_some_and(char::is_uppercase) && is_role_word(t, lexicon)
                }));
        if role && !particle {
            if !started || role_only {
                // "von Redaktion", "By Staff Writer": the desk is the name.
                if token.chars().next().is_some_and(capital) {
                    role_only = true;
                    handle_only = false;
                    current.push(token);
                    last_end = base + token_start + token.len();
                    name_end = last_end;
                    continue;
                }
            }
            // "Von Example.at Redaktion": after an outlet's name (no given
            // name in it), the desk is part of the name.
            if names.is_empty()
                && !current_after_comma
                && is_desk_word(token)
                && current.first().is_some_and(|t| {
                    t.contains('.') || t.chars().next().is_some_and(char::is_uppercase)
                })
                && !current.iter().any(|t| is_given_name(t))
            {
                current.push(token);
                handle_only = false;
                last_end = base + token_start + token.len();
                name_end = last_end;
                break;
            }
            // "Jane Doe, Staff Writer": the role ends the byline; "Jane Doe,
            // Research Director": the words before it after a comma are
            // the post's.
            if current_after_comma && !current.first().is_some_and(|t| is_given_name(t)) {
                current.clear();
                name_end = end_before_current;
                last_end = end_before_current;
            }
            break;
        }
        if role_only {
            // "Von Redakteurin Ana Ruiz": the role was a title; "Por
            // Redacción Diario Sur": the desk's name goes on.
            if is_given_name(token) {
                current.clear();
            }
            role_only = false;
        }

        // In a script without case, a stopword ("في") is prose, not a name.
        let caseless_stopword = !token.chars().any(|c| c.is_uppercase() || c.is_lowercase())
            && lexicon.stopword_list(None).contains(token);
        let ok = (name_token(token) && !caseless_stopword)
            || (current.is_empty()
                && names.is_empty()
                && handle_token(token)
                && !is_stop_word(token));
        // A handle ("mkolar") stands alone: a lowercase word before a name
        // is prose ("Durch kulturelle Ausflüge").
        if current.len() == 1
            && current[0].chars().next().is_some_and(|c| c.is_lowercase())
            && !PARTICLES.contains(&current[0])
        {
            return None;
        }
        if !ok || current.len() >= MAX_NAME_WORDS {
            // After a comma, a word that is no name is the outlet's or the
            // page's ("by Ana Ruiz , Example.org").
            let outlet =
                token.contains('.') || token.chars().next().is_some_and(char::is_uppercase);
            if follows_comma && outlet && !names.is_empty() {
                break;
            }
            // A word that is neither a name, a date nor a role: prose, not
            // a byline ("Di Maio ha detto", "By the end of the year").
            return None;
        }
        if name_token(token) && token.chars().next().is_some_and(capital) {
            handle_only = false;
        }
        // "By Ana Ruiz." : a full stop after a surname is the sentence's.
        let token = match token.strip_suffix('.') {
            Some(t) if t.chars().count() >= 3 && t.chars().any(char::is_lowercase) => t,
            _ => token,
        };
        if current.is_empty() {
            current_after_comma = follows_comma;
            end_before_current = name_end;
        }
        current.push(token);
        last_end = base + token_start + token.len();
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
    // After a preposition that is also a cue ("von Nordkorea", "durch
    // Stich"), one capitalised word is a noun, unless it is a given name or
    // a desk, or the cue opens the line ("von Tamsin · 3. Mai") or a date
    // leads in ("18:18 von Tamsin" signs a post).
    let weak_cue = WEAK_CUES.iter().any(|c| {
        line[cue_start..cue_end]
            .trim_end_matches(':')
            .eq_ignore_ascii_case(c)
    });
    // "Vom Balkon aus betrachtet": "vom" holds an article ("von dem"), so a
    // noun follows it: a team or a handle signing a post ("vom
    // Redaktionsteam", "vom Gartenfreund"), or a phrase that goes on in
    // lowercase.
    if !role_only
        && line[cue_start..cue_end]
            .trim_end_matches(':')
            .eq_ignore_ascii_case("vom")
        && line[name_end..]
            .trim_start()
            .starts_with(char::is_lowercase)
    {
        return None;
    }
    // "Eingestellt von Kay", "Scritto da Kay": a lead-in makes the cue one.
    if weak_cue
        && cue_start > 0
        && !is_lead_in(&line[..cue_start])
        && !line[..cue_start]
            .split_whitespace()
            .any(|t| t.chars().any(char::is_numeric) && !t.chars().any(char::is_alphabetic))
        && !role_only
        && !handle_only
        && names.len() == 1
        && !names[0].contains(' ')
        && !is_given_name(&names[0])
    {
        return None;
    }
    // A lone lowercase word after the cue is a handle only when nothing else
    // follows it in the line but stop characters.
    if handle_only {
        let after = line[name_end..].trim();
        let before = &line[..cue_start];
        let opens = before.chars().all(|c| !c.is_alphanumeric());
        let after_word = after.split_whitespace().next().unwrap_or("");
        if names.len() != 1
            || !(after.is_empty()
                || after.starts_with(is_stop_char)
                || NAME_ENDS.contains(&after_word))
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

/// The names of a line that holds nothing else ("Ana Ruiz", "Ana Ruiz and
/// Bo Li", "kay"), read as if a cue stood before it: the line under a bare
/// cue ("By" on a line of its own).
pub(super) fn bare_names(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    let b = names_after(line, 0, 0, lexicon)?;
    let rest = line[b.span.end..].trim();
    (rest.is_empty() || rest.starts_with(is_stop_char)).then_some(b)
}

/// A bare cue line ("By", "Autor:") whose names stand on the lines under
/// it, maybe joined by a line of their own ("By" / "Ana Ruiz" / "and" /
/// "Bo Li"): the span from the cue to the last name, and the names.
pub(super) fn stacked_names(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    i: usize,
    lexicon: &Lexicon,
) -> Option<(Span, Vec<String>)> {
    let text = doc.line_text(i);
    let cue_end = feats[i].scan.byline_cue?;
    if feats[i].words > 2 || !text[cue_end..].trim().trim_matches(':').is_empty() {
        return None;
    }
    let lines = doc.lines();
    let mut names = Vec::new();
    let mut end = 0usize;
    let mut want_name = true;
    for (j, line) in lines.iter().enumerate().take(i + 8).skip(i + 1) {
        let t = doc.line_text(j);
        if want_name {
            let Some(b) = bare_names(t, lexicon) else {
                break;
            };
            names.extend(b.names);
            end = line.start + b.span.end;
            want_name = false;
        } else if join_line(t) {
            want_name = true;
        } else {
            break;
        }
    }
    (!names.is_empty()).then(|| (Span::new(lines[i].start, end), names))
}

/// The name a source credit gives ("Quelle: dpa", "Source: Example News",
/// "Fuente: EFE/ana_r"): a label, a colon and up to four words, each a
/// name's, an outlet's or a handle's, with no list or sentence in them.
pub(super) fn source_name(line: &str) -> Option<Byline> {
    let (label, rest) = line.split_once([':', '：'])?;
    if !is_source_label(label.trim()) {
        return None;
    }
    let name = rest.trim().trim_end_matches('.');
    let mut words = 0usize;
    for token in name.split_whitespace() {
        words += 1;
        // "MDR/ab", "dpa/lno": an outlet and its editor's initials.
        let ok = token.split('/').all(|part| {
            name_token(part) || (handle_token(part) && part.chars().any(char::is_alphabetic))
        });
        if words > 4 || !ok {
            return None;
        }
    }
    if words == 0 {
        return None;
    }
    let start = name.as_ptr() as usize - line.as_ptr() as usize;
    Some(Byline {
        span: Span::new(start, start + name.len()),
        names: vec![name.to_owned()],
    })
}
