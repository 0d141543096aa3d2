//! Bylines: a cue ("By", "Von", "Par", "Автор:", "责任编辑：") and the names
//! after it, without dates, roles, outlets or reading times; "A and B",
//! "A, B & C", "A und B" become several names. A lead-in before the cue
//! ("Ein Artikel von", "A column by") belongs to the byline; chrome after
//! the names ("Follow", "Kategorien:") ends them (`data/structure/
//! byline_words.txt`). Without a cue, a line of names only ("Ana Ruiz",
//! "Ana Ruiz, 03.11.2023", "Ana Ruiz, Bo Li y Carl Dahl") is a byline when
//! its names open with known given names (`data/structure/given_names*.txt`,
//! `data/gazetteer/first_names.txt`).
//!
//! [`find_byline`] picks the page's byline among them: a cue line near the
//! article (one right under the headline first), a bare cue with its names
//! stacked on the lines under it ("By" / "Ana Ruiz" / "and" / "Bo Li"), a
//! name line, a blog's meta line ("3. Mai 2023 Ana Ruiz Kultur"), or a name
//! with an unknown given name where bylines stand; co-authors on the lines
//! under it ("& Bo Li, Director …") join it.

use foldhash::{HashSet, HashSetExt};
use std::sync::LazyLock;

use super::BlockKind;
use super::lexicon::Lexicon;
use super::line::LineFeatures;
use crate::enrich::Span;
use crate::enrich::document::Document;

/// Lines longer than this (in words) are not bylines.
const MAX_WORDS: usize = 24;
/// Names have at most this many words.
const MAX_NAME_WORDS: usize = 5;

/// A cue byline scoring below this (far from the article's start, or
/// names of one word) yields to a name line at the headline.
pub(crate) const FAR_CUE_SCORE: f32 = 2.4;

/// A line of the article region this short (in words) may be a name line.
pub(crate) const BODY_NAME_WORDS: usize = 6;

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

/// The byline word lists of `data/structure/byline_words.txt`: lead-in words
/// before a cue and chrome words after the names, folded.
struct Words {
    lead: HashSet<String>,
    stop: HashSet<String>,
    title: HashSet<String>,
    role: HashSet<String>,
    /// Headings of an author's box ("about the author"), folded.
    about: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words {
        lead: HashSet::new(),
        stop: HashSet::new(),
        title: HashSet::new(),
        role: HashSet::new(),
        about: Vec::new(),
    };
    for line in include_str!("../../../data/structure/byline_words.txt").lines() {
        let Some((kind, word)) = line.split_once('\t') else {
            continue;
        };
        let word = word.trim().to_lowercase();
        match kind.trim() {
            "lead" => words.lead.insert(word),
            "stop" => words.stop.insert(word),
            "title" => words.title.insert(word),
            "role" => words.role.insert(word),
            "about" => {
                words.about.push(word);
                true
            }
            _ => false,
        };
    }
    words
});

/// Whether `token` (any case) is in `set`, without allocating for the
/// common lowercase ASCII token.
fn in_folded(set: &HashSet<String>, token: &str) -> bool {
    if token.chars().all(|c| !c.is_uppercase()) {
        set.contains(token)
    } else {
        set.contains(&token.to_lowercase())
    }
}

/// A chrome word printed after the names ("Follow", "Kategorien").
fn is_stop_word(token: &str) -> bool {
    in_folded(&WORDS.stop, token.trim_end_matches([':', '.']))
}

/// A role or post that ends the names ("Staff Writer", "Director").
fn is_role_word(token: &str, lexicon: &Lexicon) -> bool {
    lexicon.is_role(token) || in_folded(&WORDS.role, token.trim_end_matches([',', '.']))
}

/// A title before a name that is no part of it ("Rechtsanwalt", or a
/// compound ending in one: "FOCUS-Online-Experte").
fn is_title_word(token: &str) -> bool {
    in_folded(&WORDS.title, token)
        || token
            .rsplit_once('-')
            .is_some_and(|(_, tail)| in_folded(&WORDS.title, tail))
}

/// Whether the text before a cue is a lead-in that belongs to the byline
/// ("Ein Artikel von", "Text und Fotos von", "Une chronique de"): at most
/// three words, all of them lead words.
fn is_lead_in(before: &str) -> bool {
    let mut count = 0usize;
    for word in before.split_whitespace() {
        count += 1;
        if count > 3 || !in_folded(&WORDS.lead, word.trim_end_matches(':')) {
            return false;
        }
    }
    count > 0
}

/// Cues that are also common prepositions.
const WEAK_CUES: &[&str] = &["von", "vom", "durch", "di", "de", "da", "par"];

/// Short lowercase words that end the names when they follow them: a
/// category, place or date comes next ("von Ana Ruiz in Allgemeines", "Par
/// Ana Ruiz le 7 mai", "by kay on August 3, 2019").
const NAME_ENDS: &[&str] = &[
    "in", "im", "on", "at", "am", "um", "le", "à", "dans", "en", "el", "il", "em", "no", "na",
    "op", "w", "в", "às", "alle",
];

/// A capital letter, or a letter of a script without case (Arabic, Chinese),
/// where any word can open a name.
fn capital(c: char) -> bool {
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}

/// A token that can be part of a name.
fn name_token(token: &str) -> bool {
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

fn names_after(line: &str, cue_start: usize, cue_end: usize, lexicon: &Lexicon) -> Option<Byline> {
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
        // A particle before a surname ("Walter von Aachen", "Yann Le Goff")
        // is part of the name; before a date it ends it ("Par Ana Ruiz le 7").
        let particle = PARTICLES.contains(&token) && !current.is_empty();
        // "Jose de la Cruz": particles chain before the surname.
        if particle && !next_is_name && !next.is_some_and(|t| PARTICLES.contains(&t)) {
            break;
        }
        // "Jan", "Mai", "H" are months and hours, and names before a name
        // ("Jan Lukas Strozyk", "Mrs H Pyke").
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
            && lexicon.stopwords(None).contains(token);
        let ok = (name_token(token) && !caseless_stopword)
            || (current.is_empty()
                && names.is_empty()
                && handle_token(token)
                && !is_stop_word(token));
        // A handle ("uriebe") stands alone: a lowercase word before a name
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
    // a desk, or the cue opens the line ("von Creeny · 3. Mai") or a date
    // leads in ("18:18 von Creeny" signs a post).
    let weak_cue = WEAK_CUES.iter().any(|c| {
        line[cue_start..cue_end]
            .trim_end_matches(':')
            .eq_ignore_ascii_case(c)
    });
    if weak_cue
        && cue_start > 0
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

/// Given names, to tell a name line ("Ana Ruiz") from a menu item.
static GIVEN_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/gazetteer/first_names.txt")
        .lines()
        .chain(include_str!("../../../data/structure/given_names.txt").lines())
        .chain(include_str!("../../../data/structure/given_names_moby.txt").lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `token` is a known given name, as written, in capitals
/// ("SVEN") or as the first part of a double name ("Jean-Pierre").
pub(crate) fn is_given_name(token: &str) -> bool {
    if GIVEN_NAMES.contains(token) {
        return true;
    }
    let first = token.split('-').next().unwrap_or(token);
    if first.len() < token.len() && GIVEN_NAMES.contains(first) {
        return true;
    }
    let mut chars = first.chars();
    if first.chars().count() >= 2 && first.chars().all(|c| !c.is_lowercase()) {
        let titled: String = chars
            .next()
            .into_iter()
            .chain(chars.flat_map(char::to_lowercase))
            .collect();
        return GIVEN_NAMES.contains(titled.as_str());
    }
    false
}

/// A separator token between the parts of a name line ("|", "–", "•").
fn is_separator(token: &str) -> bool {
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
fn name_line_with(line: &str, lexicon: &Lexicon, given_known: bool) -> Option<Byline> {
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
        if done && dated && is_separator(token) {
            // What follows the name, a date and a separator is the page's.
            break;
        }
        let particle = start.is_some() && !done && PARTICLES.contains(&token);
        let date_like = token.chars().any(char::is_numeric)
            || (lexicon.is_date_word(token) && !is_given_name(token));
        let filler = !particle
            && (token.chars().all(|c| !c.is_alphabetic())
                || (lexicon.is_date_word(token) && !is_given_name(token))
                || is_role_word(token, lexicon)
                || is_stop_word(token)
                || token.eq_ignore_ascii_case("uhr")
                || token.eq_ignore_ascii_case("am")
                || token.eq_ignore_ascii_case("pm"));
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
    // "Rodolfo Daer." closes a caption; "Juan Muñoz C." is an initial.
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
struct CommaWord<'a> {
    /// Byte offset of the word's piece (the word may be empty: a lone comma).
    start: usize,
    /// Byte offset just past the word and the separators after it.
    next: usize,
    /// Whether a comma follows the word.
    comma: bool,
    /// The word, without white space or commas.
    text: &'a str,
}

/// The words of `text` split at white space and commas, with offsets; both
/// byline readers walk names this way.
fn comma_words(text: &str) -> impl Iterator<Item = CommaWord<'_>> {
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
fn several_names(line: &str) -> Option<Byline> {
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

/// How far around the article a byline is looked for, in lines.
const BYLINE_WINDOW: usize = 30;

/// Whether the byline found in line `i` opens it, or follows a short
/// lead-in with a date ("Posted on 21 July 2019 by …", "Posted on 3 May
/// 2022 3 May 2022 Author …": published and updated) in a short line.
pub(super) fn placed_byline(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    i: usize,
    b: &Byline,
) -> bool {
    let lead = &doc.line_text(i)[..b.span.start];
    if b.span.start == 0 {
        return true;
    }
    let lexicon = super::lexicon::get();
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

/// A name of two or three words whose given name is not in the lists
/// ("Iñaki Larrañaga" between the headline and the article): every word
/// capitalised, none of them all capitals, a stopword or a chrome word.
fn unknown_name_line(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    let b = name_line_with(line, lexicon, false)?;
    let [name] = b.names.as_slice() else {
        return None;
    };
    // The name opens its line: no title or desk word left out before it.
    if b.span.start > 0 {
        return None;
    }
    let stopwords = lexicon.stopwords(None);
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
            || stopwords.contains(&plain.to_lowercase())
            || is_stop_word(plain)
        {
            return None;
        }
    }
    (2..=3).contains(&words).then_some(b)
}

/// A name after the dates that open a line, whatever follows it ("3. Mai
/// 2023 3. Mai 2023 Ana Ruiz Kultur, Reisen", "5 Min. 3. Mai 2023 Ana Ruiz
/// 1 Kommentar"): a known given name, maybe more given names or particles,
/// and one surname.
fn dated_name(line: &str, lexicon: &Lexicon) -> Option<Byline> {
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
enum Meta {
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
fn handle_shaped(token: &str) -> bool {
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
fn meta_name(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    const MAX_META_TOKENS: usize = 16;
    // A photo credit ("© Ana Ruiz, 31.05.2013") names the photographer.
    if line.contains('©') {
        return None;
    }
    let stopwords = lexicon.stopwords(None);
    let mut tokens: [(usize, &str, Meta, bool); MAX_META_TOKENS] =
        [(0, "", Meta::Sep, false); MAX_META_TOKENS];
    let mut n = 0usize;
    let mut dated = false;
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
                && !stopwords.contains(&t.to_lowercase())
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
        } else if handle_shaped(first) && word_ok(first) && !lexicon.is_date_word(first) {
            // A handle is the whole run, or comes after a date and before
            // a comment prompt ("anaruiz Schreibe einen Kommentar").
            (run.len() == 1
                || (before == Some(Meta::Date) && run[1..].iter().any(|t| is_stop_word(t.1))))
            .then_some(1)
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
fn copyright_name(line: &str) -> Option<Byline> {
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

/// The author an author's box names: its heading ("About the author",
/// "Über die Autorin", "Об авторе") and the name after it on the same line
/// ("About the author - Ana Ruiz") or on one of the two lines under it.
fn about_author(doc: &Document<'_>, i: usize, lexicon: &Lexicon) -> Option<(usize, Byline)> {
    let text = doc.line_text(i);
    if text.split_whitespace().count() > 8 {
        return None;
    }
    let folded = text.to_lowercase();
    let heading = WORDS
        .about
        .iter()
        .find(|a| folded.starts_with(a.as_str()))?;
    // Folding keeps the length of the headings' letters, except a few
    // that no heading holds; a boundary that is no char boundary is none.
    let rest_at = heading.len();
    let rest = text.get(rest_at..)?;
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let trimmed = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !trimmed.is_empty() {
        let offset = rest_at + (rest.len() - trimmed.len());
        let b = name_line(trimmed, lexicon).or_else(|| bare_names(trimmed, lexicon))?;
        return Some((
            i,
            Byline {
                span: Span::new(offset + b.span.start, offset + b.span.end),
                names: b.names,
            },
        ));
    }
    (i + 1..(i + 3).min(doc.lines().len())).find_map(|j| {
        let t = doc.line_text(j);
        name_line(t, lexicon)
            .or_else(|| bare_names(t, lexicon).filter(|b| b.names.len() == 1))
            .map(|b| (j, b))
    })
}

/// A byline candidate: its line, its span in the text, its names.
type Found = (usize, Span, Vec<String>);

/// The names of a line that holds nothing else ("Ana Ruiz", "Ana Ruiz and
/// Bo Li", "kay"), read as if a cue stood before it: the line under a bare
/// cue ("By" on a line of its own).
fn bare_names(line: &str, lexicon: &Lexicon) -> Option<Byline> {
    let b = names_after(line, 0, 0, lexicon)?;
    let rest = line[b.span.end..].trim();
    (rest.is_empty() || rest.starts_with(is_stop_char)).then_some(b)
}

/// A join standing alone on a line ("and", "&", ",") between stacked names.
fn join_line(line: &str) -> bool {
    let t = line.trim();
    t == "," || (!t.contains(char::is_whitespace) && is_join(t))
}

/// A bare cue line ("By", "Autor:") whose names stand on the lines under
/// it, maybe joined by a line of their own ("By" / "Ana Ruiz" / "and" /
/// "Bo Li"): the span from the cue to the last name, and the names.
fn stacked_names(
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

/// Whether a line is a chrome line between stacked names: an avatar's
/// initials ("AR") or a lone separator.
fn avatar_line(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 3 && t.chars().all(|c| c.is_uppercase() || !c.is_alphanumeric())
}

/// A short line of capitalised words ("Frente Amplio", "Ana Ruiz"): the
/// next item of a column of names or tags.
fn name_shaped(line: &str) -> bool {
    let mut words = 0usize;
    for w in line.split_whitespace() {
        words += 1;
        if words > 4 || !w.chars().next().is_some_and(capital) {
            return false;
        }
    }
    words > 0
}

/// The co-authors under a byline: a line that opens with a join ("& Bo Li,
/// Director …", "and Bo Li"), a join on its own line and a name under it,
/// or — under a byline that is names only — another line of names ("Ana
/// Ruiz" / "BL" / "Bo Li").
#[allow(clippy::too_many_arguments)]
fn co_authors(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    body: &[bool],
    found: &mut Found,
    names_only: bool,
    first: usize,
    lexicon: &Lexicon,
) {
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
#[allow(clippy::too_many_arguments)]
pub(super) fn find_byline(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    bylines: &[Option<Byline>],
    body: &[bool],
    first: usize,
    last: usize,
    headline: Option<usize>,
) -> Option<Found> {
    let lexicon = super::lexicon::get();
    let (mut found, names_only) = best_byline(
        doc, feats, kinds, bylines, body, first, last, headline, lexicon,
    )?;
    co_authors(
        doc, feats, kinds, body, &mut found, names_only, first, lexicon,
    );
    Some(found)
}

/// [`find_byline`] without co-authors; says whether the byline is names
/// only (no cue, or a bare cue over stacked names).
#[allow(clippy::too_many_arguments)]
fn best_byline(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    bylines: &[Option<Byline>],
    body: &[bool],
    first: usize,
    last: usize,
    headline: Option<usize>,
    lexicon: &Lexicon,
) -> Option<(Found, bool)> {
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
    let mut best: Option<(f32, Found, bool)> = None;
    for i in before.chain(inside).chain(after) {
        if body[i] {
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
        if (body[i] && feats[i].words > BODY_NAME_WORDS)
            || feats[i].repeats > 4
            || matches!(kinds[i], Some(BlockKind::Headline | BlockKind::Footer))
        {
            return None;
        }
        name_line(doc.line_text(i), lexicon)
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
    // A name on its own line around the headline and the article's start,
    // or right under the article (the author's box, a signature).
    let lo = top.saturating_sub(3).max(first.saturating_sub(12));
    let hi = (headline.map_or(first, |h| h.max(first)) + 4).min(n);
    let below = last.saturating_sub(4).max(hi)..(last + 12).min(n);
    for i in (lo..hi).chain(below) {
        if let Some(b) = name_at(i) {
            // A name above the headline is a photo's credit as often as a
            // byline: a meta line under the headline comes first.
            if let Some(meta) = headline
                .filter(|&h| i < h)
                .and_then(meta_at)
                .filter(|m| headline.is_some_and(|h| m.0.0 > h))
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
    // An author's box under the article.
    let about = (last + 1..n).find_map(|i| about_author(doc, i, lexicon));
    if let Some((j, b)) = about {
        return Some((at(j, &b), true));
    }
    // A byline line anywhere on the page.
    let anywhere = (0..n).find_map(|i| {
        let b = bylines[i].as_ref()?;
        (kinds[i] == Some(BlockKind::Byline) && !body[i] && placed_byline(doc, feats, i, b))
            .then(|| (at(i, b), false))
    });
    if anywhere.is_some() {
        return anywhere;
    }
    // Between the headline and the article, a line that is a name of an
    // unknown given name, free of the lexicons' phrases, where bylines
    // stand: under the headline, by a date, a clock or a share line, or
    // with a date of its own ("Iñaki Larrañaga" / "7 MAR 2021 - 09:15").
    let unknown = headline.filter(|&h| h < first).and_then(|h| {
        unknown_name_at(doc, feats, kinds, first, h, lexicon).map(|(i, b)| (at(i, &b), true))
    });
    if unknown.is_some() {
        return unknown;
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
fn unknown_name_at(
    doc: &Document<'_>,
    feats: &[LineFeatures],
    kinds: &[Option<BlockKind>],
    first: usize,
    h: usize,
    lexicon: &Lexicon,
) -> Option<(usize, Byline)> {
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
    fn a_lead_in_belongs_to_the_byline() {
        let lex = lexicon::get();
        let line = "Ein Artikel von Ulrike Sommerfeld | 27.01.2022";
        let b = parse(line, lex).expect("a byline");
        assert_eq!(
            &line[b.span.start..b.span.end],
            "Ein Artikel von Ulrike Sommerfeld"
        );
        // Prose before the cue is not a lead-in.
        let line = "Die Rückkehr von Ulrike Sommerfeld";
        assert!(parse(line, lex).is_none_or(|b| b.span.start > 0));
    }

    /// `tests/cases/structure/byline_<lang>.txt`: `<form><TAB><line><TAB><names>`,
    /// form `cue` (parse), `name` (name_line), `dated` (dated_name: a blog's
    /// meta line under the headline), `meta` (meta_name: a post's meta line
    /// of dates, separators and counts), `copyright` (copyright_name),
    /// `about` (about_author on the first of the lines, split at a literal
    /// `\n`) or `page` (a whole page, lines
    /// split at a literal `\n`, read by the structure stage), names
    /// "; "-separated or "-".
    #[test]
    fn byline_case_files() {
        let lex = lexicon::get();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/structure");
        let mut failures = Vec::new();
        let mut count = 0usize;
        let mut langs = 0usize;
        for entry in std::fs::read_dir(&dir).expect("case directory") {
            let path = entry.expect("case file").path();
            let file = path
                .file_name()
                .and_then(|f| f.to_str())
                .unwrap_or("")
                .to_owned();
            if !file.starts_with("byline_") || !file.ends_with(".txt") {
                continue;
            }
            langs += 1;
            let text = std::fs::read_to_string(&path).expect("readable case file");
            for (n, line) in text.lines().enumerate() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let fields: Vec<&str> = line.split('\t').collect();
                assert_eq!(fields.len(), 3, "{file}:{}: three fields", n + 1);
                let got = match fields[0] {
                    "cue" => parse(fields[1], lex).map(|b| b.names).unwrap_or_default(),
                    "name" => name_line(fields[1], lex)
                        .map(|b| b.names)
                        .unwrap_or_default(),
                    "dated" => dated_name(fields[1], lex)
                        .map(|b| b.names)
                        .unwrap_or_default(),
                    "meta" => meta_name(fields[1], lex)
                        .map(|b| b.names)
                        .unwrap_or_default(),
                    "copyright" => copyright_name(fields[1])
                        .map(|b| b.names)
                        .unwrap_or_default(),
                    "about" => {
                        let text = fields[1].replace("\\n", "\n");
                        about_author(&Document::new(&text), 0, lex)
                            .map(|(_, b)| b.names)
                            .unwrap_or_default()
                    }
                    "page" => {
                        let text = fields[1].replace("\\n", "\n");
                        super::super::analyze(&Document::new(&text), None).authors
                    }
                    other => panic!("{file}:{}: unknown form {other}", n + 1),
                };
                let want: Vec<String> = if fields[2] == "-" {
                    Vec::new()
                } else {
                    fields[2].split("; ").map(str::to_owned).collect()
                };
                count += 1;
                if got != want {
                    failures.push(format!(
                        "{file}:{}: {:?} -> {got:?}, want {want:?}",
                        n + 1,
                        fields[1]
                    ));
                }
            }
        }
        assert!(langs >= 8 && count >= 50, "{langs} files, {count} cases");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn co_authors_join_the_byline() {
        let lex = lexicon::get();
        let text = "Dana Whitlock, Staff Attorney\n& Peter Ashdown, Research Director\nJune 3, 2023\nand\nBo Li";
        let doc = Document::new(text);
        let n = doc.lines().len();
        let feats: Vec<LineFeatures> = (0..n)
            .map(|i| super::super::line::features(doc.line_text(i), lex, lex.stopwords(None)))
            .collect();
        let (kinds, body) = (vec![None; n], vec![false; n]);
        let mut found = (0, Span::new(0, 13), vec!["Dana Whitlock".to_owned()]);
        co_authors(&doc, &feats, &kinds, &body, &mut found, true, n, lex);
        // The date line ends the authors: "Bo Li" under it is not one.
        assert_eq!(found.2, ["Dana Whitlock", "Peter Ashdown"]);
        assert_eq!(
            &text[found.1.start..found.1.end],
            "Dana Whitlock, Staff Attorney\n& Peter Ashdown"
        );
        // Under a byline with a cue, a line of names is no co-author.
        let text = "By Dana Whitlock\nPeter Ashdown";
        let doc = Document::new(text);
        let feats: Vec<LineFeatures> = (0..2)
            .map(|i| super::super::line::features(doc.line_text(i), lex, lex.stopwords(None)))
            .collect();
        let mut found = (0, Span::new(0, 16), vec!["Dana Whitlock".to_owned()]);
        co_authors(
            &doc,
            &feats,
            &[None, None],
            &[false, false],
            &mut found,
            false,
            2,
            lex,
        );
        assert_eq!(found.2, ["Dana Whitlock"]);
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
