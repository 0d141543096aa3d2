//! The date lexicons — month and weekday names, cue words, agencies, time
//! zones and the dateline gazetteer — parsed once from the data files.

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

use super::tokens::{Kind, tokenize};
use crate::enrich::text::{SlotMap, is_own_lowercase, push_lowercase};

/// `(code, months.txt, weekdays.txt, date_words.txt)` of one language.
macro_rules! lang_files {
    ($code:literal) => {
        (
            $code,
            include_str!(concat!("../../../data/", $code, "/months.txt")),
            include_str!(concat!("../../../data/", $code, "/weekdays.txt")),
            include_str!(concat!("../../../data/", $code, "/date_words.txt")),
        )
    };
}

/// The languages with month, weekday and cue-word files under `data/<lang>/`.
const LANGS: [(&str, &str, &str, &str); 12] = [
    lang_files!("en"),
    lang_files!("ru"),
    lang_files!("de"),
    lang_files!("fr"),
    lang_files!("es"),
    lang_files!("it"),
    lang_files!("pt"),
    lang_files!("nl"),
    lang_files!("pl"),
    lang_files!("uk"),
    lang_files!("ar"),
    lang_files!("zh"),
];

const AGENCIES: &str = include_str!("../../../data/agencies.txt");
const TIMEZONES: &str = include_str!("../../../data/timezones.txt");
const GAZETTEER: &str = include_str!("../../../data/gazetteer.txt");
const DATELINE_LABELS: &str = include_str!("../../../data/dateline_labels.txt");

/// A month form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthForm {
    /// 1–12.
    pub(crate) month: u32,
    /// A short non-English abbreviation ("ago", "set", "out"): only trusted
    /// after a day number ("5 ago") or inside a dateline.
    pub(crate) weak: bool,
}

/// What a cue word or phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    /// "Published", "Veröffentlicht am".
    Published,
    /// "Updated", "Stand".
    Updated,
    /// "today".
    Today,
    /// "yesterday".
    Yesterday,
    /// "tomorrow".
    Tomorrow,
    /// "ago" after the amount ("3 hours ago").
    Ago,
    /// "vor", "il y a", "hace" before the amount.
    AgoBefore,
    /// A unit of time for "N units ago".
    Unit(Unit),
    /// "last week".
    LastWeek,
    /// "last month".
    LastMonth,
    /// "last year".
    LastYear,
}

/// A unit of relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    /// A city.
    City,
    /// A country.
    Country,
    /// A state, province or nation inside a country.
    Region,
}

/// One gazetteer hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// What the place is.
    pub(crate) kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code.
    pub(crate) country: String,
    /// The spelling of the matched form as the data file writes it.
    pub(crate) spelling: String,
}

/// Every lexicon, compiled once.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Month forms by lowercase key (words joined by one space).
    pub(crate) months: HashMap<String, MonthForm>,
    /// Weekday (1 = Monday) by lowercase form.
    pub(crate) weekdays: HashMap<String, u32>,
    /// Cue phrases by lowercase key (words joined by one space).
    pub(crate) cues: HashMap<String, Cue>,
    /// The most words in a cue phrase.
    pub(crate) max_cue_words: usize,
    /// Every word-prefix of a cue key: the cue it completes, and whether a
    /// longer cue continues it — so a scan stops at the first word that
    /// starts no cue rather than trying every phrase length.
    pub(crate) cue_steps: HashMap<String, (Option<Cue>, bool)>,
    /// Normalised agency names by lowercase form.
    pub(crate) agencies: HashMap<String, String>,
    /// UTC offsets in minutes by zone abbreviation, as written.
    pub(crate) zones: HashMap<String, i32>,
    /// Gazetteer entries by lowercase form; cities first.
    pub(crate) places: HashMap<String, Vec<Place>>,
    /// Lowercase labels that are never a dateline place.
    pub(crate) labels: Vec<String>,
    /// The first word of every month, weekday and cue key: no expression
    /// starts at a word outside this set. Most words of a text are ruled
    /// out by their slot, without hashing or lowercasing them.
    pub(crate) openers: SlotMap<()>,
}

impl Lexicon {
    /// Whether the lowercase `word` is the first word of a month, weekday
    /// or cue form: [`Lexicon::openers`] holds it.
    pub(crate) fn opens(&self, word: &str) -> bool {
        self.openers.contains(word)
    }

    /// [`Lexicon::opens`] of `word` as written, lowercased into `scratch`
    /// when it holds a capital. An ASCII word lowercases byte for byte, so
    /// it is looked up through the ASCII lowercase map without a copy.
    pub(crate) fn opens_as_written(&self, word: &str, scratch: &mut String) -> bool {
        if word.is_ascii() {
            return self
                .openers
                .get(word.as_bytes(), |b| b.to_ascii_lowercase())
                .is_some();
        }
        if is_own_lowercase(word) {
            self.opens(word)
        } else {
            scratch.clear();
            push_lowercase(scratch, word);
            self.opens(scratch)
        }
    }
}

/// The lexicon, built on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// Lines of a data file without comments and blank lines.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lookup key of a phrase: its word and number tokens, lowercased,
/// joined by one space — the same key the scanners build from the text.
pub(crate) fn key(phrase: &str) -> String {
    let tokens = tokenize(phrase, 0, phrase.len());
    let mut out = String::new();
    for t in tokens.iter().filter(|t| t.kind != Kind::Punct) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&phrase[t.start..t.end].to_lowercase());
    }
    out
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lex = Lexicon::default();
        for (code, months, weekdays, words) in LANGS {
            for line in entries(months) {
                let mut parts = line.split('|');
                let Some(Ok(month)) = parts.next().map(|n| n.trim().parse::<u32>()) else {
                    continue;
                };
                for form in parts {
                    let k = key(form);
                    if k.is_empty() {
                        continue;
                    }
                    let weak = code != "en" && k.chars().count() <= 3;
                    let entry = lex.months.entry(k).or_insert(MonthForm { month, weak });
                    // English and full forms win over weak abbreviations.
                    if entry.weak && !weak {
                        *entry = MonthForm { month, weak };
                    }
                }
            }
            for line in entries(weekdays) {
                let mut parts = line.split('|');
                let Some(Ok(day)) = parts.next().map(|n| n.trim().parse::<u32>()) else {
                    continue;
                };
                for form in parts {
                    lex.weekdays.entry(key(form)).or_insert(day);
                }
            }
            for line in entries(words) {
                let mut parts = line.split('|');
                let Some(cue) = parts.next().and_then(cue_of) else {
                    continue;
                };
                for form in parts {
                    let k = key(form);
                    if k.is_empty() {
                        continue;
                    }
                    lex.max_cue_words = lex.max_cue_words.max(k.split(' ').count());
                    lex.cues.entry(k).or_insert(cue);
                }
            }
        }
        for (k, &cue) in &lex.cues {
            let mut words = k.split(' ').peekable();
            let mut end = 0;
            while let Some(w) = words.next() {
                end += w.len();
                let step = lex.cue_steps.entry(k[..end].to_owned()).or_default();
                if words.peek().is_some() {
                    step.1 = true;
                    end += 1;
                } else {
                    step.0 = Some(cue);
                }
            }
        }
        let first = |k: &String| k.split(' ').next().unwrap_or_default().to_owned();
        let openers: HashSet<String> = (lex.months.keys().map(first))
            .chain(lex.weekdays.keys().map(first))
            .chain(lex.cues.keys().map(first))
            .collect();
        lex.openers = SlotMap::new(openers.into_iter().map(|word| (word, ())));
        for line in entries(AGENCIES) {
            let mut parts = line.split('|');
            let Some(name) = parts.next() else { continue };
            for form in parts {
                lex.agencies
                    .insert(form.trim().to_lowercase(), name.trim().to_owned());
            }
        }
        for line in entries(TIMEZONES) {
            if let Some((zone, offset)) = line.split_once('|')
                && let Ok(offset) = offset.trim().parse::<i32>()
            {
                lex.zones.insert(zone.trim().to_owned(), offset);
            }
        }
        for line in entries(GAZETTEER) {
            let mut parts = line.split('|');
            let kind = match parts.next() {
                Some("city") => PlaceKind::City,
                Some("country") => PlaceKind::Country,
                Some("region") => PlaceKind::Region,
                _ => continue,
            };
            let Some(country) = parts.next() else {
                continue;
            };
            for form in parts {
                let form = form.trim();
                if form.is_empty() {
                    continue;
                }
                let places = lex.places.entry(form.to_lowercase()).or_default();
                if !places
                    .iter()
                    .any(|p| p.kind == kind && p.country == country)
                {
                    places.push(Place {
                        kind,
                        country: country.to_owned(),
                        spelling: form.to_owned(),
                    });
                }
            }
        }
        lex.labels = entries(DATELINE_LABELS).map(str::to_lowercase).collect();
        lex
    }

    /// The gazetteer entries of `name` (any case), cities first.
    pub(crate) fn place(&self, name: &str) -> &[Place] {
        self.places
            .get(&name.trim().to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// The normalised agency for a marker's text ("dpa/lno" → "dpa").
    pub(crate) fn agency(&self, marker: &str) -> Option<&str> {
        let marker = marker.trim().trim_end_matches('.').trim();
        let lower = marker.to_lowercase();
        if let Some(name) = self.agencies.get(&lower) {
            return Some(name);
        }
        // A regional desk or a joint credit: "dpa/lno", "AFP/Reuters", "dpa-AFX".
        let first = lower.split(['/', ',']).next().unwrap_or("").trim();
        if let Some(name) = self.agencies.get(first) {
            return Some(name);
        }
        // A named service of an agency: "Reuters Breakingviews", "AFP Sport".
        let word = first.split_whitespace().next().unwrap_or("");
        self.agencies
            .get(word)
            .filter(|_| word.len() > 2)
            .map(String::as_str)
    }
}

fn cue_of(name: &str) -> Option<Cue> {
    Some(match name.trim() {
        "published" => Cue::Published,
        "updated" => Cue::Updated,
        "today" => Cue::Today,
        "yesterday" => Cue::Yesterday,
        "tomorrow" => Cue::Tomorrow,
        "ago" => Cue::Ago,
        "ago_before" => Cue::AgoBefore,
        "minute" => Cue::Unit(Unit::Minute),
        "hour" => Cue::Unit(Unit::Hour),
        "day" => Cue::Unit(Unit::Day),
        "week" => Cue::Unit(Unit::Week),
        "month" => Cue::Unit(Unit::Month),
        "year" => Cue::Unit(Unit::Year),
        "last_week" => Cue::LastWeek,
        "last_month" => Cue::LastMonth,
        "last_year" => Cue::LastYear,
        _ => return None,
    })
}
