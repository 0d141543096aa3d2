//! The word lists tags and topics share, parsed once from `data/`: stopwords
//! per language and the gazetteers of places, organisations and people.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::LazyLock;

use crate::enrich::text::WordSlots;

/// Stopword files, by language code: the shared function-word list and the
/// news words that tags and topics also skip.
const STOPWORDS: &[(&str, &str, &str)] = &[
    (
        "en",
        include_str!("../../../data/en/stopwords.txt"),
        include_str!("../../../data/en/news_words.txt"),
    ),
    (
        "de",
        include_str!("../../../data/de/stopwords.txt"),
        include_str!("../../../data/de/news_words.txt"),
    ),
    (
        "fr",
        include_str!("../../../data/fr/stopwords.txt"),
        include_str!("../../../data/fr/news_words.txt"),
    ),
    (
        "es",
        include_str!("../../../data/es/stopwords.txt"),
        include_str!("../../../data/es/news_words.txt"),
    ),
    (
        "it",
        include_str!("../../../data/it/stopwords.txt"),
        include_str!("../../../data/it/news_words.txt"),
    ),
    (
        "pt",
        include_str!("../../../data/pt/stopwords.txt"),
        include_str!("../../../data/pt/news_words.txt"),
    ),
    (
        "nl",
        include_str!("../../../data/nl/stopwords.txt"),
        include_str!("../../../data/nl/news_words.txt"),
    ),
    (
        "pl",
        include_str!("../../../data/pl/stopwords.txt"),
        include_str!("../../../data/pl/news_words.txt"),
    ),
    (
        "ru",
        include_str!("../../../data/ru/stopwords.txt"),
        include_str!("../../../data/ru/news_words.txt"),
    ),
    (
        "uk",
        include_str!("../../../data/uk/stopwords.txt"),
        include_str!("../../../data/uk/news_words.txt"),
    ),
];

/// The entries of a data file: trimmed lines, without blanks and `#` comments.
pub(crate) fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

static STOPWORD_SETS: LazyLock<HashMap<&'static str, HashSet<&'static str>>> =
    LazyLock::new(|| {
        STOPWORDS
            .iter()
            .map(|&(lang, stop, news)| {
                (
                    lang,
                    entries(stop).chain(entries(news)).map(str::trim).collect(),
                )
            })
            .collect()
    });

/// The stopwords of `lang` (lowercase), English when the language has no list.
pub(crate) fn stopwords(lang: &str) -> &'static HashSet<&'static str> {
    static EMPTY: LazyLock<HashSet<&'static str>> = LazyLock::new(HashSet::new);
    STOPWORD_SETS
        .get(lang)
        .or_else(|| STOPWORD_SETS.get("en"))
        .unwrap_or(&EMPTY)
}

/// The slots of every word of every stopword list: a word whose slot is
/// clear is no stopword of any language, known without hashing it.
pub(crate) fn stopword_slots() -> &'static WordSlots {
    static SLOTS: LazyLock<WordSlots> =
        LazyLock::new(|| WordSlots::new(STOPWORD_SETS.values().flatten().copied()));
    &SLOTS
}

/// Whether `lang` has its own stopword list.
pub(crate) fn has_stopwords(lang: &str) -> bool {
    STOPWORD_SETS.contains_key(lang)
}

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum EntityKind {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A country, city, region or other place.
    Location,
}

/// One entity of a gazetteer.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// The canonical name.
    pub(crate) name: &'static str,
    /// What it is.
    pub(crate) kind: EntityKind,
    /// ISO 3166-1 alpha-2 code of a place's country.
    pub(crate) country: Option<&'static str>,
    /// The IPTC top-level topic an organisation's or a person's news usually has.
    pub(crate) topic: Option<&'static str>,
}

/// All gazetteers, with every written form mapped to its entity.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// The entities.
    pub(crate) entities: Vec<Entity>,
    /// Written form (as in text, case-sensitive) → entity index.
    pub(crate) forms: HashMap<&'static str, usize>,
    /// The most words any form has.
    pub(crate) max_words: usize,
}

const COUNTRIES: &str = include_str!("../../../data/gazetteer/countries.tsv");
const CITIES: &str = include_str!("../../../data/gazetteer/cities.tsv");
const ORGS: &str = include_str!("../../../data/gazetteer/orgs.tsv");
/// The dates stage's dateline gazetteer (cities and first-level regions
/// with their country), read here too so that a place is known the same
/// way wherever it is written.
const DATELINE_PLACES: &str = include_str!("../../../data/gazetteer.txt");

/// The `city` and `region` lines of [`DATELINE_PLACES`] as
/// (country code, canonical name, other forms).
fn dateline_places() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    entries(DATELINE_PLACES).filter_map(|line| {
        let mut cols = line.splitn(4, '|');
        let kind = cols.next()?;
        let code = cols.next()?.trim();
        let name = cols.next()?.trim();
        (matches!(kind, "city" | "region") && !code.is_empty() && !name.is_empty())
            .then(|| (code, name, cols.next().unwrap_or("")))
    })
}

/// Whether a form of a dateline gazetteer place can be read in running
/// text: abbreviations ("Calif.", "NY") read as other words there.
fn is_running_text_form(form: &str) -> bool {
    form.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !form.ends_with('.')
}

/// Dateline qualifiers ("Calif.", "N.Y.", "Ontario", "France"), lowercase,
/// with the ISO 3166-1 alpha-2 code of their country.
pub(crate) static QUALIFIERS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    for line in entries(DATELINE_PLACES) {
        let mut cols = line.split('|');
        let (Some(kind), Some(code)) = (cols.next(), cols.next()) else {
            continue;
        };
        let code = code.trim();
        if !matches!(kind, "region" | "country") || code.is_empty() {
            continue;
        }
        for form in cols.map(str::trim).filter(|f| !f.is_empty()) {
            out.entry(form.to_lowercase()).or_insert(code);
        }
    }
    out
});
const PEOPLE: &str = include_str!("../../../data/gazetteer/people.tsv");

/// The gazetteers, parsed once.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer {
        entities: Vec::new(),
        forms: HashMap::new(),
        max_words: 1,
    };
    let add = |g: &mut Gazetteer, entity: Entity, aliases: &'static str| {
        let index = g.entities.len();
        let name = entity.name;
        g.entities.push(entity);
        for form in std::iter::once(name).chain(aliases.split('|')) {
            let form = form.trim();
            if form.is_empty() {
                continue;
            }
            g.max_words = g.max_words.max(form.split_whitespace().count());
            // The first entry holding a form keeps it.
            g.forms.entry(form).or_insert(index);
        }
    };
    // Countries are `code, name, aliases`; cities `name, code, aliases`.
    let places = entries(COUNTRIES)
        .map(|line| (line, true))
        .chain(entries(CITIES).map(|line| (line, false)));
    for (line, code_first) in places {
        let mut cols = line.split('\t');
        let (Some(first), Some(second)) = (cols.next(), cols.next()) else {
            continue;
        };
        let (code, name) = if code_first {
            (first, second)
        } else {
            (second, first)
        };
        let entity = Entity {
            name: name.trim(),
            kind: EntityKind::Location,
            country: Some(code.trim()).filter(|c| !c.is_empty()),
            topic: None,
        };
        add(&mut g, entity, cols.next().unwrap_or(""));
    }
    // Cities and regions the dateline gazetteer adds; forms already known
    // keep their entity (the first entry holding a form keeps it).
    for (code, name, aliases) in dateline_places() {
        if g.forms.contains_key(name) {
            continue;
        }
        let index = g.entities.len();
        g.entities.push(Entity {
            name,
            kind: EntityKind::Location,
            country: Some(code),
            topic: None,
        });
        for form in std::iter::once(name).chain(aliases.split('|').map(str::trim)) {
            if form == name || is_running_text_form(form) {
                g.max_words = g.max_words.max(form.split_whitespace().count());
                g.forms.entry(form).or_insert(index);
            }
        }
    }
    for (list, kind) in [
        (ORGS, EntityKind::Organization),
        (PEOPLE, EntityKind::Person),
    ] {
        for line in entries(list) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next() else { continue };
            let aliases = cols.next().unwrap_or("");
            let topic = cols.next().map(str::trim).filter(|t| !t.is_empty());
            let entity = Entity {
                name: name.trim(),
                kind,
                country: None,
                topic,
            };
            add(&mut g, entity, aliases);
        }
    }
    g
});

/// Given names, as written.
pub(crate) static FIRST_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../../../data/gazetteer/first_names.txt"))
        .map(str::trim)
        .collect()
});

/// Words before a person's name, lowercase; each as its words.
pub(crate) static TITLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../../../data/gazetteer/titles.txt"))
        .map(str::trim)
        .collect()
});

/// Words that end (`suffix`) or start (`prefix`) an organisation's name.
pub(crate) struct OrgWords {
    /// Last words of organisation names.
    pub(crate) suffixes: HashSet<&'static str>,
    /// First words of organisation names.
    pub(crate) prefixes: HashSet<&'static str>,
}

/// The organisation name words, parsed once.
pub(crate) static ORG_WORDS: LazyLock<OrgWords> = LazyLock::new(|| {
    let mut words = OrgWords {
        suffixes: HashSet::new(),
        prefixes: HashSet::new(),
    };
    for line in entries(include_str!("../../../data/gazetteer/org_words.txt")) {
        match line.split_once('\t') {
            Some(("suffix", w)) => {
                words.suffixes.insert(w.trim());
            }
            Some(("prefix", w)) => {
                words.prefixes.insert(w.trim());
            }
            _ => {}
        }
    }
    words
});

/// Builds every list now rather than on the first request.
pub(crate) fn warm_up() {
    LazyLock::force(&STOPWORD_SETS);
    stopword_slots();
    LazyLock::force(&GAZETTEER);
    LazyLock::force(&QUALIFIERS);
    LazyLock::force(&FIRST_NAMES);
    LazyLock::force(&TITLES);
    LazyLock::force(&ORG_WORDS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_merges_aliases_to_one_entity() {
        let g = &*GAZETTEER;
        let us = ["US", "U.S.", "United States", "USA", "США"].map(|f| g.forms.get(f).copied());
        assert!(us[0].is_some());
        assert!(us.iter().all(|i| *i == us[0]), "{us:?}");
        let putin = g.forms.get("Putin").map(|&i| g.entities[i].name);
        assert_eq!(putin, Some("Vladimir Putin"));
        let kyiv = g
            .forms
            .get("Київ")
            .map(|&i| (g.entities[i].name, g.entities[i].country));
        assert_eq!(kyiv, Some(("Kyiv", Some("UA"))));
    }

    #[test]
    fn stopwords_fall_back_to_english() {
        assert!(stopwords("en").contains("the"));
        assert!(stopwords("de").contains("und"));
        assert!(stopwords("xx").contains("the"));
        assert!(!stopwords("de").contains("the"));
    }
}
