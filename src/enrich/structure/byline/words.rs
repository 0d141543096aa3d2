//! The words around a byline's names (`data/structure/byline_words.txt`),
//! name particles, joins between names and the given-name lists.

use foldhash::{HashSet, HashSetExt};
use std::sync::LazyLock;

use crate::enrich::structure::lexicon::{self, Lexicon};

/// Joins between names, folded (lowercase).
pub(super) const JOINS: &[&str] = &[
    "and", "und", "y", "et", "e", "i", "en", "и", "і", "та", "و", "&", "och", "og", "ve", "a",
    "oraz", "和", "与",
];

/// Name particles that stay lowercase inside a name.
pub(super) const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du", "dos", "das",
    "do", "bin", "ibn", "al", "ter", "zu", "y",
];

pub(super) fn is_join(token: &str) -> bool {
    crate::enrich::text::with_lowercase(token, |t| JOINS.contains(&t))
}

/// The byline word lists of `data/structure/byline_words.txt`: lead-in words
/// before a cue and chrome words after the names, folded.
pub(super) struct Words {
    lead: HashSet<String>,
    stop: HashSet<String>,
    title: HashSet<String>,
    role: HashSet<String>,
    /// A newsroom's desk signing a story ("Redaktion", "Newsroom").
    desk: HashSet<String>,
    /// Labels of a source credit ("Quelle", "Source").
    source: HashSet<String>,
    /// Headings of an author's box ("about the author"), folded.
    pub(super) about: Vec<String>,
}

pub(super) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words {
        lead: HashSet::new(),
        stop: HashSet::new(),
        title: HashSet::new(),
        role: HashSet::new(),
        desk: HashSet::new(),
        source: HashSet::new(),
        about: Vec::new(),
    };
    for line in include_str!("../../../../data/structure/byline_words.txt").lines() {
        let Some((kind, word)) = line.split_once('\t') else {
            continue;
        };
        let word = word.trim().to_lowercase();
        match kind.trim() {
            "lead" => words.lead.insert(word),
            "stop" => words.stop.insert(word),
            "title" => words.title.insert(word),
            "role" => words.role.insert(word),
            "desk" => words.desk.insert(word),
            "source" => words.source.insert(word),
            "about" => {
                // Matched against the page's folded lines.
                words.about.push(lexicon::fold(&word).0);
                true
            }
            _ => false,
        };
    }
    words
});

/// Whether `token` (any case) is in `set`, without allocating for the
/// common lowercase ASCII token.
pub(super) fn in_folded(set: &HashSet<String>, token: &str) -> bool {
    if token.chars().all(|c| !c.is_uppercase()) {
        set.contains(token)
    } else {
        crate::enrich::text::with_lowercase(token, |lower| set.contains(lower))
    }
}

/// A desk signing a story ("Redaktion", "Newsroom", "Редакция").
pub(super) fn is_desk_word(token: &str) -> bool {
    in_folded(&WORDS.desk, token)
}

/// The label of a source credit ("Quelle", "Source", "Fuente").
pub(super) fn is_source_label(token: &str) -> bool {
    in_folded(&WORDS.source, token)
}

/// A chrome word printed after the names ("Follow", "Kategorien").
pub(super) fn is_stop_word(token: &str) -> bool {
    in_folded(&WORDS.stop, token.trim_end_matches([':', '.']))
}

/// A role or post that ends the names ("Staff Writer", "Director").
pub(super) fn is_role_word(token: &str, lexicon: &Lexicon) -> bool {
    lexicon.is_role(token) || in_folded(&WORDS.role, token.trim_end_matches([',', '.']))
}

/// A title before a name that is no part of it ("Rechtsanwalt", or a
/// compound ending in one: "FOCUS-Online-Experte").
pub(super) fn is_title_word(token: &str) -> bool {
    in_folded(&WORDS.title, token)
        || token
            .rsplit_once('-')
            .is_some_and(|(_, tail)| in_folded(&WORDS.title, tail))
}

/// Whether the text before a cue is a lead-in that belongs to the byline
/// ("Ein Artikel von", "Text und Fotos von", "Une chronique de"): at most
/// three words, all of them lead words.
pub(super) fn is_lead_in(before: &str) -> bool {
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
pub(super) const WEAK_CUES: &[&str] = &["von", "vom", "durch", "di", "de", "da", "par"];

/// Short lowercase words that end the names when they follow them: a
/// category, place or date comes next ("von Ana Ruiz in Allgemeines", "Par
/// Ana Ruiz le 7 mai", "by kay on August 3, 2019").
pub(super) const NAME_ENDS: &[&str] = &[
    "in", "im", "on", "at", "am", "um", "le", "à", "dans", "en", "el", "il", "em", "no", "na",
    "op", "w", "в", "às", "alle",
];

/// Given names, to tell a name line ("Ana Ruiz") from a menu item.
pub(super) static GIVEN_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../data/gazetteer/first_names.txt")
        .lines()
        .chain(include_str!("../../../../data/structure/given_names.txt").lines())
        .chain(include_str!("../../../../data/structure/given_names_moby.txt").lines())
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
