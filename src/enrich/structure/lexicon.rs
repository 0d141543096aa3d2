//! The structure analyzer's word lists, compiled once: boilerplate phrases
//! with the kind of line they mark (`data/<lang>/boilerplate.txt`), stopwords
//! (`data/<lang>/stopwords.txt`) and the month, weekday and date words the
//! dates stage keeps (`data/<lang>/{months,weekdays,date_words}.txt`).
//!
//! Every language's phrases go into one Aho-Corasick automaton: pages mix
//! languages (English menus on German pages), and one scan per line finds
//! them all. Matching is case-insensitive on a lowercased copy of the line
//! with whitespace runs folded, and a match must sit on word boundaries — or
//! on a boundary flattening glued away ("standardsDiscussion", "2024Economy").

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::BlockKind;
use crate::enrich::document::is_space;
use crate::enrich::text::{SlotMap, is_alnum, is_lower, is_upper};

/// What a lexicon phrase says about the line it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The line is of this kind.
    Kind(BlockKind),
    /// A byline cue ("By", "Von", "Par", "Автор:").
    BylineCue,
    /// A marker after which the article text starts ("FULL TEXT").
    BodyStart,
    /// A month, weekday or date word: a date line when digits come with it.
    Date,
    /// A role or outlet word that ends the names of a byline ("Staff",
    /// "Correspondent", "Redakteur").
    AuthorTitle,
    /// The header of an author's box ("About the author", "Autoreninfo"):
    /// the paragraph under it is the author's, not the article's.
    AuthorBox,
    /// The word that heads an author's box before the name ("About Ana
    /// Ruiz", "Über Marlene") when it opens a line.
    About,
    /// A greeting that signs off a post ("Liebe Grüße", "Best wishes")
    /// when it opens a line.
    SignOff,
}

/// How a phrase marks a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The phrase counts towards the share of the line covered by lexicon
    /// phrases.
    Phrase,
    /// The phrase marks the whole line when it opens it (or is glued to
    /// the text before it).
    Prefix,
    /// The phrase marks the whole line when it ends it ("Ana on May 3,
    /// 2019 at 4:47 pm said:").
    Suffix,
    /// The phrase marks the whole line when a few words at most follow it
    /// after a longer text ("… Photograph: Getty Images").
    Tail,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    role: Role,
    mode: Mode,
}

/// One language's data files.
struct Source {
    lang: &'static str,
    boilerplate: &'static str,
    stopwords: &'static str,
    months: &'static str,
    weekdays: &'static str,
    date_words: &'static str,
}

macro_rules! source {
    ($lang:literal) => {
        Source {
            lang: $lang,
            boilerplate: include_str!(concat!("../../../data/", $lang, "/boilerplate.txt")),
            stopwords: include_str!(concat!("../../../data/", $lang, "/stopwords.txt")),
            months: include_str!(concat!("../../../data/", $lang, "/months.txt")),
            weekdays: include_str!(concat!("../../../data/", $lang, "/weekdays.txt")),
            date_words: include_str!(concat!("../../../data/", $lang, "/date_words.txt")),
        }
    };
}

const SOURCES: &[Source] = &[
    source!("en"),
    source!("ru"),
    source!("de"),
    source!("fr"),
    source!("es"),
    source!("it"),
    source!("pt"),
    source!("nl"),
    source!("pl"),
    source!("uk"),
    source!("ar"),
    source!("zh"),
];

// A language's stopwords carry its bit in a `u16`.
const _: () = assert!(SOURCES.len() <= 16);

/// The compiled lexicons.
pub(crate) struct Lexicon {
    automaton: AhoCorasick,
    entries: Vec<Vec<Entry>>,
    /// Every stopword with a bit for each language of [`SOURCES`] whose
    /// list holds it: what [`Lexicon::stopword_list`] reads.
    stopword_bits: SlotMap<u16>,
    roles: HashSet<String>,
    date_words: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// Each language's stopwords as a set, and all of them: what
/// [`Lexicon::stopwords`] hands the tests.
#[cfg(test)]
#[allow(clippy::type_complexity)]
static STOPWORD_SETS: LazyLock<(HashMap<&'static str, HashSet<String>>, HashSet<String>)> =
    LazyLock::new(|| {
        let sets: HashMap<&'static str, HashSet<String>> = SOURCES
            .iter()
            .map(|source| {
                let words = data_lines(source.stopwords)
                    .map(|w| w.trim().to_lowercase())
                    .collect();
                (source.lang, words)
            })
            .collect();
        let all = sets.values().flatten().cloned().collect();
        (sets, all)
    });

/// The lexicons, compiled on first use.
pub(crate) fn get() -> &'static Lexicon {
    &LEXICON
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse_kind(name: &str) -> Option<Role> {
    use BlockKind as K;
    Some(match name {
        "navigation" => Role::Kind(K::Navigation),
        "social" => Role::Kind(K::Social),
        "counter" => Role::Kind(K::Counter),
        "related" => Role::Kind(K::Related),
        "tags" => Role::Kind(K::Tags),
        "comments" => Role::Kind(K::Comments),
        "advertisement" => Role::Kind(K::Advertisement),
        "banner" => Role::Kind(K::Banner),
        "footer" => Role::Kind(K::Footer),
        "boilerplate" => Role::Kind(K::Boilerplate),
        "caption" => Role::Kind(K::Caption),
        "credit" => Role::Kind(K::Credit),
        "timestamp" => Role::Kind(K::Timestamp),
        "deck" => Role::Kind(K::Deck),
        "byline" => Role::BylineCue,
        "body_start" => Role::BodyStart,
        "date" => Role::Date,
        "role" => Role::AuthorTitle,
        "author_box" => Role::AuthorBox,
        "about" => Role::About,
        "signoff" => Role::SignOff,
        _ => return None,
    })
}

/// Lowercases `text` for matching, folding whitespace runs into one space,
/// typographic apostrophes into `'` and dashes into `-`. Returns the folded
/// text and, for each of its bytes plus one past the end, the byte offset in
/// `text` of the character it came from.
pub(crate) fn fold(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    fold_with(text, &mut out, &mut map);
    (out, map)
}

thread_local! {
    /// The buffers [`with_folded`] folds into: one String and map per
    /// thread instead of two allocations per folded word.
    static FOLD_BUF: std::cell::RefCell<(String, Vec<usize>)> =
        const { std::cell::RefCell::new((String::new(), Vec::new())) };
}

/// The longest fold (in bytes) whose buffers a thread keeps for the next call
/// (~0.6 MB with the offset map): far above any paragraph, so only a
/// pathological line drops them.
const MAX_KEPT_FOLD: usize = 1 << 16;

/// Calls `f` with [`fold`]`(text)`, folded into a reused per-thread buffer
/// (a fresh one when `f` itself folds).
fn with_folded<R>(text: &str, f: impl FnOnce(&str, &[usize]) -> R) -> R {
    FOLD_BUF.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            let (out, map) = &mut *buf;
            out.clear();
            map.clear();
            fold_with(text, out, map);
            let answer = f(out, map);
            // A one-line megabyte page would otherwise pin ~9 bytes a byte
            // of it in every worker thread for good.
            if map.capacity() > MAX_KEPT_FOLD {
                *out = String::new();
                *map = Vec::new();
            }
            answer
        }
        Err(_) => {
            let (out, map) = fold(text);
            f(&out, &map)
        }
    })
}

/// Where the map of a folding goes: one entry for each folded byte (and one
/// past the end), the byte offset in the text it came from.
trait FoldMap {
    /// One folded byte came from `at`.
    fn mark(&mut self, at: usize);
    /// The folded bytes of `run` came from themselves, byte for byte.
    fn mark_run(&mut self, run: std::ops::Range<usize>);
}

impl FoldMap for Vec<usize> {
    fn mark(&mut self, at: usize) {
        self.push(at);
    }
    fn mark_run(&mut self, run: std::ops::Range<usize>) {
        self.extend(run);
    }
}

/// Lines are far shorter than 4 GiB: the offsets fit in u32.
impl FoldMap for Vec<u32> {
    fn mark(&mut self, at: usize) {
        self.push(u32::try_from(at).unwrap_or(u32::MAX));
    }
    fn mark_run(&mut self, run: std::ops::Range<usize>) {
        // Extending by a range sizes the vector once, where a push per byte
        // checks its capacity each time; a range of u32 is written without a
        // conversion per byte.
        match (u32::try_from(run.start), u32::try_from(run.end)) {
            (Ok(start), Ok(end)) => self.extend(start..end),
            _ => self.extend(run.map(|k| u32::try_from(k).unwrap_or(u32::MAX))),
        }
    }
}

/// The mark a char folds to before lowercasing: typographic apostrophes
/// become "'", and typographic dashes "-" (a page's heading sets "–" where
/// its title has "-").
fn fold_mark(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
        '\u{2010}'..='\u{2014}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// The folding of [`fold`], appended to `out`; `map` is told, for each byte
/// pushed and once more at the end, the byte offset in `text` it came from.
fn fold_with(text: &str, out: &mut String, map: &mut impl FoldMap) {
    let mut last_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of printable ASCII folds to itself lowercased, byte for byte:
        // copy it whole instead of char by char. Spaces and control chars
        // take the general path below.
        // A single space between them folds to itself too, so a line of
        // plain ASCII prose is one run, not one per word.
        let mut run = i;
        while let Some(&b) = bytes.get(run) {
            let copied = (b'!'..=b'~').contains(&b)
                || (b == b' '
                    && if run > i {
                        bytes[run - 1] != b' '
                    } else {
                        !last_space
                    });
            if !copied {
                break;
            }
            run += 1;
        }
        if run > i {
            let from = out.len();
            out.push_str(&text[i..run]);
            out[from..].make_ascii_lowercase();
            map.mark_run(i..run);
            last_space = bytes[run - 1] == b' ';
            i = run;
            continue;
        }
        // A run of two-byte chars that fold to themselves (lowercase
        // Latin-1 and basic Cyrillic letters: most of a Cyrillic line) is
        // copied whole too; both bytes of a char map to its start. NBSP,
        // NEL and the C1 controls (U+0080–U+00A0) take the general path.
        let mut run = i;
        while let (Some(&lead), Some(&next)) = (bytes.get(run), bytes.get(run + 1)) {
            if !(0xc2..=0xdf).contains(&lead) {
                break;
            }
            let code = u32::from(lead & 0x1f) << 6 | u32::from(next & 0x3f);
            if !matches!(code, 0xa1..=0xbf | 0xd7 | 0xdf..=0xff | 0x430..=0x45f) {
                break;
            }
            run += 2;
        }
        if run > i {
            out.push_str(&text[i..run]);
            for at in (i..run).step_by(2) {
                map.mark(at);
                map.mark(at);
            }
            last_space = false;
            i = run;
            continue;
        }
        let Some(c) = crate::enrich::text::char_at(text, i) else {
            break;
        };
        let at = i;
        i += c.len_utf8();
        if is_space(c) {
            if !last_space {
                out.push(' ');
                map.mark(at);
            }
            last_space = true;
            continue;
        }
        last_space = false;
        let c = fold_mark(c);
        if let Some(lc) = crate::enrich::text::simple_lowercase(c) {
            out.push(lc);
            for _ in 0..lc.len_utf8() {
                map.mark(at);
            }
            continue;
        }
        for lc in c.to_lowercase() {
            let before = out.len();
            out.push(lc);
            for _ in before..out.len() {
                map.mark(at);
            }
        }
    }
    map.mark(text.len());
}

/// Every line of a page folded once (as [`fold`] does), in one buffer, with
/// the map from folded bytes back to the line's bytes: the lexicon scan, the
/// repeat count and the headline search all read it instead of folding a
/// line again.
#[derive(Debug, Default)]
pub(crate) struct FoldedLines {
    text: String,
    map: Vec<u32>,
    /// Per line: where its folded text starts in `text` and its map in `map`.
    starts: Vec<(usize, usize)>,
}

impl FoldedLines {
    /// Folds `lines` in order.
    pub(crate) fn new<'a>(lines: impl ExactSizeIterator<Item = &'a str> + Clone) -> FoldedLines {
        // A folding is about as long as its text: the buffers are sized
        // once, not grown (and copied) by doubling.
        let bytes: usize = lines.clone().map(str::len).sum();
        let mut folded = FoldedLines {
            text: String::with_capacity(bytes),
            map: Vec::with_capacity(bytes + lines.len()),
            starts: Vec::with_capacity(lines.len() + 1),
        };
        for line in lines {
            folded.starts.push((folded.text.len(), folded.map.len()));
            fold_with(line, &mut folded.text, &mut folded.map);
        }
        folded.starts.push((folded.text.len(), folded.map.len()));
        folded
    }

    /// The folded text of line `i`.
    pub(crate) fn line(&self, i: usize) -> &str {
        &self.text[self.starts[i].0..self.starts[i + 1].0]
    }

    /// For each byte of line `i`'s folded text, plus one past its end, the
    /// byte offset in the line of the character it came from.
    pub(crate) fn map(&self, i: usize) -> &[u32] {
        &self.map[self.starts[i].1..self.starts[i + 1].1]
    }

    /// The folded text of line `i` up to (not including) what comes from its
    /// bytes at `end` and after: the folding of `line[..end]`.
    pub(crate) fn prefix(&self, i: usize, end: usize) -> &str {
        let map = self.map(i);
        let folded = self.line(i);
        let k = map[..folded.len()].partition_point(|&m| (m as usize) < end);
        &folded[..k]
    }
}

/// The stopwords of some languages: the words of a [`SlotMap`] that carry
/// one of their bits. A line's words are looked up one by one, most of them
/// no stopword: a word's slot rules it out with two loads, and a capitalised
/// ASCII word is compared in lower case byte by byte, with no lowercase copy
/// and no hashing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stopwords<'a> {
    words: &'a SlotMap<u16>,
    bits: u16,
}

impl<'a> Stopwords<'a> {
    /// The words of `words` that carry one of `bits`.
    pub(crate) fn new(words: &'a SlotMap<u16>, bits: u16) -> Self {
        Stopwords { words, bits }
    }

    /// Whether `word`, as written, is a stopword.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word, |b| b)
    }

    /// Whether the lowercase of `word` is a stopword.
    pub(crate) fn contains_lowercase(&self, word: &str) -> bool {
        if word.is_ascii() {
            self.contains_ascii_lowercase(word)
        } else {
            crate::enrich::text::with_lowercase(word, |lower| self.contains(lower))
        }
    }

    /// Whether the lowercase of `word` is a stopword, `word` being ASCII
    /// (whose lowercase is its ASCII lowercase, byte for byte).
    pub(crate) fn contains_ascii_lowercase(&self, word: &str) -> bool {
        self.get(word, |b| b.to_ascii_lowercase())
    }

    fn get(&self, word: &str, map: impl Fn(u8) -> u8 + Copy) -> bool {
        self.words
            .get(word.as_bytes(), map)
            .is_some_and(|&bits| bits & self.bits != 0)
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut add = |phrase: &str,
                       entry: Entry,
                       patterns: &mut Vec<String>,
                       entries: &mut Vec<Vec<Entry>>| {
            let (folded, _) = fold(phrase.trim());
            if folded.is_empty() {
                return;
            }
            if let Some(&index) = seen.get(&folded) {
                let list: &mut Vec<Entry> = &mut entries[index];
                if !list
                    .iter()
                    .any(|e| e.role == entry.role && e.mode == entry.mode)
                {
                    list.push(entry);
                }
                return;
            }
            seen.insert(folded.clone(), patterns.len());
            patterns.push(folded);
            entries.push(vec![entry]);
        };
        let mut stopword_bits: HashMap<String, u16> = HashMap::new();
        let mut roles = HashSet::new();
        let mut date_words = HashSet::new();
        for (bit, source) in SOURCES.iter().enumerate() {
            for line in data_lines(source.boilerplate) {
                let mut fields = line.split('\t');
                let (Some(kind), Some(phrase)) = (fields.next(), fields.next()) else {
                    continue;
                };
                let Some(role) = parse_kind(kind.trim()) else {
                    continue;
                };
                if role == Role::AuthorTitle {
                    roles.insert(fold(phrase.trim()).0);
                    continue;
                }
                let mode = match fields.next().map(str::trim) {
                    Some("start") => Mode::Prefix,
                    Some("end") => Mode::Suffix,
                    Some("tail") => Mode::Tail,
                    _ => Mode::Phrase,
                };
                add(phrase, Entry { role, mode }, &mut patterns, &mut entries);
            }
            // Date words: every form after the key or number of each line.
            for text in [source.months, source.weekdays, source.date_words] {
                for line in data_lines(text) {
                    for form in line.split('|').skip(1) {
                        let folded = fold(form.trim()).0;
                        if !folded.contains(' ') {
                            date_words.insert(folded);
                        }
                        let entry = Entry {
                            role: Role::Date,
                            mode: Mode::Phrase,
                        };
                        add(form, entry, &mut patterns, &mut entries);
                    }
                }
            }
            for word in data_lines(source.stopwords) {
                *stopword_bits.entry(word.trim().to_lowercase()).or_default() |= 1 << bit;
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // Anchored searches find the shorter phrases at a match's start.
            .start_kind(aho_corasick::StartKind::Both)
            // Every line of a page is scanned, and a scan spends its steps in
            // the states near the root, where a word's first letters lead: a
            // state with a full row of transitions answers in one load, where
            // a sparse one searches its list. Six levels of full rows take
            // 3.8 MB against 1.2 MB for the default three, and the scan some
            // 15,000 fewer instructions an article (`bench/profile.sh`);
            // deeper rows gain nothing more.
            .dense_depth(6)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("boilerplate automaton from the bundled data: {e}"));
        Lexicon {
            automaton,
            entries,
            stopword_bits: SlotMap::new(stopword_bits),
            roles,
            date_words,
        }
    }

    /// Whether `token` is a role or outlet word of bylines.
    pub(crate) fn is_role(&self, token: &str) -> bool {
        with_folded(token, |folded, _| {
            // Short role words ("in", "le", "am") are lowercase in a byline; a
            // capitalised one is part of a name ("Yann Le Goff").
            if folded.chars().count() <= 3 && token.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
            self.roles.contains(folded)
        })
    }

    /// Whether `token` is a month, weekday or date word.
    pub(crate) fn is_date_word(&self, token: &str) -> bool {
        with_folded(token.trim_end_matches('.'), |folded, _| {
            self.date_words.contains(folded)
        })
    }

    /// The byline cues in `line` (on word boundaries), as byte ranges.
    pub(crate) fn byline_cues(&self, line: &str) -> Vec<(usize, usize)> {
        with_folded(line, |folded, map| {
            self.automaton
                .find_iter(folded)
                .filter(|m| {
                    self.entries[m.pattern().as_usize()]
                        .iter()
                        .any(|e| e.role == Role::BylineCue)
                })
                .map(|m| (map[m.start()], map[m.end()]))
                .filter(|&(start, end)| on_boundaries(line, start, end))
                .collect()
        })
    }

    /// The stopwords of `lang`, or of every language when it has none, as a
    /// set: the tests' oracle for [`Lexicon::stopword_list`], which the
    /// stages read.
    #[cfg(test)]
    pub(crate) fn stopwords(&self, lang: Option<&str>) -> &'static HashSet<String> {
        let (sets, all) = &*STOPWORD_SETS;
        lang.and_then(|l| sets.get(l)).unwrap_or(all)
    }

    /// The stopwords of `lang` (`data/<lang>/stopwords.txt`, lowercased), or
    /// of every language when it has none, read without hashing.
    pub(crate) fn stopword_list(&self, lang: Option<&str>) -> Stopwords<'_> {
        let bits = lang
            .and_then(|l| SOURCES.iter().position(|s| s.lang == l))
            .map_or(u16::MAX, |bit| 1 << bit);
        Stopwords::new(&self.stopword_bits, bits)
    }

    /// Finds the lexicon phrases in `line`.
    #[cfg(test)]
    pub(crate) fn scan(&self, line: &str) -> Scan {
        let folded = FoldedLines::new(std::iter::once(line));
        self.scan_folded(line, folded.line(0), folded.map(0))
    }

    /// Finds the lexicon phrases in `line`, given its folding and the map
    /// back (see [`FoldedLines`]).
    pub(crate) fn scan_folded(&self, line: &str, folded: &str, map: &[u32]) -> Scan {
        let mut scan = Scan::default();
        let mut best_len = 0usize;
        let mut at = 0;
        while let Some(m) = self
            .automaton
            .find(aho_corasick::Input::new(folded).span(at..folded.len()))
        {
            // The longest phrase at a place can say nothing of this line (a
            // start-of-line marker in mid-line, a longer phrase running into
            // the next word): then the longest shorter one that starts at the
            // same place speaks instead ("Weitere Beiträge" inside "Ostsee
            // Weitere Beiträge zu Reisen"), and when none does, the phrases
            // that start inside it are looked for.
            let mut current = Some(m);
            at = m.start() + folded[m.start()..].chars().next().map_or(1, char::len_utf8);
            // A match that starts inside a word says nothing, nor does any
            // shorter one from the same place (most matches are short month
            // or weekday forms inside longer words).
            if !starts_word(line, map[m.start()] as usize) {
                current = None;
            }
            let mut said = false;
            while let Some(m) = current {
                if self.apply(line, map, m, &mut scan, &mut best_len) {
                    at = m.end();
                    said = true;
                    break;
                }
                current = self.shorter_at(folded, m);
            }
            if !said {
                // Matches that start inside the rest of the word would say
                // nothing either: search on from the next place a phrase can
                // start instead of finding each of them. Only ASCII letters
                // and digits are skipped (each folds to one byte): two of them
                // in a row leave a word open unless a capital follows a lower
                // case letter or a digit.
                let bytes = line.as_bytes();
                while let Some(&from) = map.get(at) {
                    let s = from as usize;
                    let inside = s > 0
                        && bytes
                            .get(s)
                            .is_some_and(|&f| !ascii_word_start(f, bytes[s - 1]));
                    if !inside {
                        break;
                    }
                    at += 1;
                }
            }
        }
        scan
    }

    /// The longest phrase that starts where `m` does and ends before it.
    fn shorter_at(&self, folded: &str, m: aho_corasick::Match) -> Option<aho_corasick::Match> {
        if m.end() <= m.start() + 1 {
            return None;
        }
        let input = aho_corasick::Input::new(folded)
            .span(m.start()..m.end() - 1)
            .anchored(aho_corasick::Anchored::Yes);
        self.automaton.find(input)
    }

    /// Adds what the phrase matched at `m` says of `line` to `scan`; false
    /// when it says nothing here (off word boundaries, or a marker out of
    /// its place in the line).
    fn apply(
        &self,
        line: &str,
        map: &[u32],
        m: aho_corasick::Match,
        scan: &mut Scan,
        best_len: &mut usize,
    ) -> bool {
        let (start, end) = (map[m.start()] as usize, map[m.end()] as usize);
        if !on_boundaries(line, start, end) {
            return false;
        }
        let matched = &line[start..end];
        let alnum = matched.chars().filter(|&c| is_alnum(c)).count();
        let opens = line[..start].chars().all(|c| !is_alnum(c));
        let glued = !opens
            && line[..start]
                .chars()
                .next_back()
                .is_some_and(|p| is_lower(p) || p.is_ascii_digit())
            && matched.chars().next().is_some_and(is_upper);
        let mut said = false;
        for &entry in &self.entries[m.pattern().as_usize()] {
            said |= match entry.role {
                Role::Date => {
                    scan.date_covered += alnum;
                    true
                }
                Role::BodyStart => {
                    scan.covered += alnum;
                    scan.body_start = true;
                    true
                }
                Role::AuthorTitle => true,
                Role::AuthorBox => {
                    scan.author_box = true;
                    true
                }
                Role::SignOff => {
                    scan.sign_off |= opens;
                    true
                }
                Role::About => {
                    if opens && scan.about_end.is_none() {
                        scan.about_end = Some(end);
                    }
                    true
                }
                Role::BylineCue => {
                    scan.has_cue = true;
                    if opens || glued {
                        scan.byline_cue.get_or_insert(end);
                    }
                    true
                }
                Role::Kind(kind) => match entry.mode {
                    Mode::Prefix => {
                        if (opens || glued) && scan.prefix.is_none() {
                            scan.prefix = Some((kind, start));
                            scan.prefix_covered = alnum;
                        }
                        opens || glued
                    }
                    Mode::Tail => {
                        let after = line[end..].split_whitespace().count();
                        let before = line[..start].split_whitespace().count();
                        let placed = after <= 8 && before >= 3;
                        if placed && scan.prefix.is_none() {
                            scan.prefix = Some((kind, start));
                        }
                        placed
                    }
                    Mode::Suffix => {
                        let words = line.split_whitespace().count();
                        let commenter =
                            words <= 12 && (words <= 3 || line.chars().any(|c| c.is_ascii_digit()));
                        let placed = commenter && line[end..].chars().all(|c| !is_alnum(c));
                        if placed && scan.prefix.is_none() {
                            scan.prefix = Some((kind, start));
                        }
                        placed
                    }
                    Mode::Phrase => {
                        scan.covered += alnum;
                        if opens && kind == BlockKind::Related {
                            scan.covered += site_tail(matched, &line[end..]);
                        }
                        if alnum > *best_len {
                            *best_len = alnum;
                            scan.kind = Some(kind);
                            scan.longest = alnum;
                        }
                        true
                    }
                },
            };
        }
        said
    }
}

/// Most words of the name after a related header's preposition.
const SITE_NAME_WORDS: usize = 4;
/// Most letters of the preposition before it.
const SITE_PREPOSITION: usize = 5;

/// The letters and digits of what closes a related header after its
/// phrase when that is a short preposition and a capitalised name ("Most
/// read on Harbour Gazette", "Lo más visto de El Faro", "Meistgelesen bei
/// Tagesblick"), or the name alone when the phrase ends with its own
/// preposition ("More on Climate", "Mehr zu Klima und Energie"): the
/// site's, the section's or the topic's name says nothing of the line's
/// kind, and would otherwise thin the phrase's share of it. 0 when the rest
/// is anything else, a clause or a sentence.
fn site_tail(phrase: &str, rest: &str) -> usize {
    let short_lower = |w: &str| w.chars().count() <= SITE_PREPOSITION && w.chars().all(is_lower);
    let mut words = rest.split_whitespace().peekable();
    if words.next_if(|w| short_lower(w)).is_none() {
        let mut phrase_words = phrase.split_whitespace();
        let said =
            phrase_words.next_back().is_some_and(short_lower) && phrase_words.next().is_some();
        if !said {
            return 0;
        }
    }
    let named = words
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(is_upper));
    let rest_words = words.count();
    let stops = rest.trim_end().ends_with(['.', '!', '?', ':']);
    if !named || rest_words + 1 > SITE_NAME_WORDS || stops {
        return 0;
    }
    rest.chars().filter(|&c| is_alnum(c)).count()
}

/// Whether `line[start..end]` starts and ends on a word boundary, or on one
/// that flattening glued away.
fn on_boundaries(line: &str, start: usize, end: usize) -> bool {
    let matched = &line[start..end];
    let Some(last) = matched.chars().next_back() else {
        return false;
    };
    let before_ok = starts_word(line, start);
    let after_ok = match line[end..].chars().next() {
        None => true,
        Some(n) => {
            !is_alnum(last)
                || !is_alnum(n)
                || is_cjk(last)
                || (is_upper(n) && !is_upper(last))
                || (n.is_ascii_digit() && !last.is_ascii_digit())
        }
    };
    before_ok && after_ok
}

/// Whether a phrase at `line[start..]` starts on a word boundary, or on one
/// that flattening glued away: the first half of [`on_boundaries`].
#[inline]
fn starts_word(line: &str, start: usize) -> bool {
    let bytes = line.as_bytes();
    // Two ASCII chars (most of any page) answer without decoding.
    if let (Some(&f), Some(p)) = (bytes.get(start), start.checked_sub(1).map(|k| bytes[k])) {
        if f.is_ascii() && p.is_ascii() {
            return ascii_word_start(f, p);
        }
    }
    let Some(first) = line[start..].chars().next() else {
        return false;
    };
    match line[..start].chars().next_back() {
        None => true,
        Some(p) => {
            !is_alnum(first)
                || !is_alnum(p)
                || is_cjk(first)
                || (is_upper(first) && (is_lower(p) || p.is_ascii_digit()))
        }
    }
}

/// [`starts_word`] for a byte `f` after a byte `p`: true unless both are
/// ASCII letters or digits of one word (a capital after a lower case letter
/// or a digit starts a glued word). Any byte of a non-ASCII char counts as
/// no letter here.
#[inline]
fn ascii_word_start(f: u8, p: u8) -> bool {
    !f.is_ascii_alphanumeric()
        || !p.is_ascii_alphanumeric()
        || (f.is_ascii_uppercase() && (p.is_ascii_lowercase() || p.is_ascii_digit()))
}

/// What the lexicons found in one line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Scan {
    /// Alphanumeric characters inside boilerplate phrases.
    pub covered: usize,
    /// The kind of the longest boilerplate phrase.
    pub kind: Option<BlockKind>,
    /// A prefix marker opening the line (or glued into it) and where it starts.
    pub prefix: Option<(BlockKind, usize)>,
    /// Where a byline cue opening the line ends.
    pub byline_cue: Option<usize>,
    /// Alphanumeric characters inside month, weekday and date words.
    pub date_covered: usize,
    /// Whether the line says the article text starts after it.
    pub body_start: bool,
    /// Alphanumeric characters of the longest boilerplate phrase.
    pub longest: usize,
    /// Alphanumeric characters of the prefix marker opening the line (0
    /// when none does): a line that is the marker alone is a box header
    /// ("Related", "Keep reading"), not a labelled teaser.
    pub prefix_covered: usize,
    /// Whether the line holds the header phrase of an author's box.
    pub author_box: bool,
    /// Where the word heading an author's box ends, when it opens the line
    /// ("About" in "About Ana Ruiz").
    pub about_end: Option<usize>,
    /// Whether a greeting that signs off a post opens the line.
    pub sign_off: bool,
    /// Whether a byline cue stands anywhere in the line on word boundaries
    /// (what [`Lexicon::byline_cues`] finds): without one, a byline parse
    /// of the line finds nothing, so it is skipped.
    pub has_cue: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_a_map_to_the_original() {
        let (folded, map) = fold("Ä\u{a0} \u{2019}B");
        assert_eq!(folded, "ä 'b");
        assert_eq!(fold("A – B — c").0, "a - b - c");
        assert_eq!(map.len(), folded.len() + 1);
        assert_eq!(map[folded.len()], "Ä\u{a0} \u{2019}B".len());
    }

    #[test]
    fn ascii_runs_fold_like_single_chars() {
        let text = "Von ANA\u{b}Ruiz,\t\u{200b} STRAẞE 12-B";
        let (folded, map) = fold(text);
        assert_eq!(folded, "von ana ruiz, straße 12-b");
        assert_eq!(map.len(), folded.len() + 1);
        // Each folded byte maps to the char it came from.
        for (k, &m) in map[..folded.len()].iter().enumerate() {
            assert!(text.is_char_boundary(m), "{k}");
        }
        assert_eq!(
            map[folded.find("12").unwrap_or(0)],
            text.find("12").unwrap_or(1)
        );
    }

    /// A page folded at once (offsets kept as u32, a copied run written as a
    /// range) holds what folding each line alone gives.
    /// A language's stopword list finds what its set finds of a word's
    /// lowercase, and no word of another language's list alone: every
    /// stopword of every list, as written, capitalised and in capitals, asked
    /// of every language and of all of them.
    #[test]
    fn stopword_lists_find_what_the_sets_find() {
        let lex = get();
        let langs = SOURCES
            .iter()
            .map(|s| Some(s.lang))
            .chain([None, Some("xx")]);
        for lang in langs {
            let (set, list) = (lex.stopwords(lang), lex.stopword_list(lang));
            let all = lex.stopwords(None);
            for word in all.iter().filter(|w| w.is_ascii()) {
                let mut capitalised = word.clone();
                capitalised[..1].make_ascii_uppercase();
                for form in [word.clone(), capitalised, word.to_ascii_uppercase()] {
                    let lower = form.to_lowercase();
                    assert_eq!(
                        list.contains_ascii_lowercase(&form),
                        set.contains(&lower),
                        "{lang:?} {form}"
                    );
                    assert_eq!(list.contains(&form), set.contains(&form), "{lang:?} {form}");
                }
            }
            for word in all {
                assert_eq!(list.contains(word), set.contains(word), "{lang:?} {word}");
                // Any word's lowercase, capitalised or in capitals, ASCII or not.
                let mut chars = word.chars();
                let capitalised: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(chars)
                    .collect();
                for form in [word.clone(), capitalised, word.to_uppercase()] {
                    assert_eq!(
                        list.contains_lowercase(&form),
                        set.contains(&form.to_lowercase()),
                        "{lang:?} {form}"
                    );
                }
            }
        }
        let en = lex.stopword_list(Some("en"));
        assert!(en.contains_ascii_lowercase("The") && !en.contains("The"));
        assert!(!en.contains("der") && lex.stopword_list(Some("de")).contains("der"));
        assert!(lex.stopword_list(None).contains("der"));
    }

    #[test]
    fn folded_lines_hold_each_lines_folding() {
        let lines = [
            "Von ANA Ruiz,  am Hafen",
            "",
            "МОСКВА, 3 окт — РИА Новости",
            "Ça coûte 12\u{a0}€ \u{2009} ÉTÉ ʼn",
            "東京 ΟΔΟΣ\u{200b}İstanbul",
        ];
        let folded = FoldedLines::new(lines.iter().copied());
        for (i, line) in lines.iter().enumerate() {
            let (text, map) = fold(line);
            assert_eq!(folded.line(i), text, "{line:?}");
            let wide: Vec<usize> = folded.map(i).iter().map(|&m| m as usize).collect();
            assert_eq!(wide, map, "{line:?}");
        }
    }

    /// [`fold`] spelled out char by char, with none of its shortcuts.
    fn fold_by_chars(text: &str) -> (String, Vec<usize>) {
        let (mut out, mut map) = (String::new(), Vec::new());
        let mut last_space = false;
        for (at, c) in text.char_indices() {
            if is_space(c) {
                if !last_space {
                    out.push(' ');
                    map.push(at);
                }
                last_space = true;
                continue;
            }
            last_space = false;
            for lc in fold_mark(c).to_lowercase() {
                let before = out.len();
                out.push(lc);
                map.extend(std::iter::repeat_n(at, out.len() - before));
            }
        }
        map.push(text.len());
        (out, map)
    }

    /// Every two-byte char, alone, in runs, beside ASCII and spaces, folds
    /// as the char-by-char folding does (the copied runs of lowercase
    /// Latin-1 and Cyrillic letters among them).
    #[test]
    fn two_byte_chars_fold_as_char_by_char() {
        for code in 0x80..0x800u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for text in [
                format!("{c}"),
                format!("A{c}{c}b"),
                format!("{c} {c}\u{a0}{c}ж{c}é"),
                format!("  {c}Ж{c}{c}{c} x"),
            ] {
                assert_eq!(fold(&text), fold_by_chars(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn single_spaces_fold_within_the_ascii_run() {
        // A space after a printable char is copied with the run; the second
        // of two spaces folds away, as a space after a space does.
        let (folded, map) = fold("Ab  cD e");
        assert_eq!(folded, "ab cd e");
        assert_eq!(map, [0, 1, 2, 4, 5, 6, 7, 8]);
        let (folded, map) = fold("a \u{a0} b");
        assert_eq!(folded, "a b");
        assert_eq!(map, [0, 1, 5, 6]);
    }

    #[test]
    fn ascii_word_starts_answer_as_chars_do() {
        let chars = ['a', 'Z', '7', ' ', '-', '\'', 'é', 'É', 'Ж', '中'];
        for p in chars {
            for f in chars {
                let line = format!("{p}{f}");
                let expected = !f.is_alphanumeric()
                    || !p.is_alphanumeric()
                    || is_cjk(f)
                    || (f.is_uppercase() && (p.is_lowercase() || p.is_ascii_digit()));
                assert_eq!(starts_word(&line, p.len_utf8()), expected, "{line:?}");
            }
        }
    }

    #[test]
    fn the_search_on_from_inside_a_word_stops_at_a_glued_phrase() {
        // "mar" (March) inside "summarized" starts no phrase, and the search
        // goes on from the next word start: the capital glued after it.
        let lex = get();
        let scan = lex.scan("Figures summarizedPrivacy Policy");
        assert_eq!(scan.covered, "PrivacyPolicy".len());
        assert_eq!(lex.scan("Figures summarized").covered, 0);
    }

    #[test]
    fn scan_knows_whether_a_byline_cue_is_anywhere() {
        let lex = get();
        for line in [
            "By Ana Ruiz",
            "Photo: Reuters | By Kay Lee",
            "Ein Artikel von Ana Ruiz",
            "Stand by me",
            "Shareholders met on Monday",
            "Texto: Ana Ruiz",
        ] {
            assert_eq!(
                lex.scan(line).has_cue,
                !lex.byline_cues(line).is_empty(),
                "{line}"
            );
        }
        assert!(lex.scan("By Ana Ruiz").has_cue);
    }

    #[test]
    fn phrases_match_on_boundaries_and_glued() {
        let lex = get();
        let scan = lex.scan("Community standardsDiscussion");
        assert_eq!(
            scan.covered,
            "Communitystandards".len() + "Discussion".len()
        );
        assert_eq!(lex.scan("Shareholders met").covered, 0);
        assert_eq!(
            lex.scan("Show all photosTags: Danube").prefix.map(|p| p.0),
            Some(BlockKind::Tags)
        );
        assert!(lex.scan("By Ana Ruiz").byline_cue.is_some());
        assert!(lex.scan("Stand by me").byline_cue.is_none());
    }

    #[test]
    fn a_site_name_after_a_related_header_counts_as_covered() {
        let lex = get();
        let whole = |line: &str| line.chars().filter(|&c| is_alnum(c)).count();
        for line in [
            "Most read on Harbour Gazette",
            "Lo más visto de El Faro Digital",
            "Meistgelesen bei Tagesblick",
            // The phrase's own preposition before the topic.
            "More on Harbour Works",
            "Mehr zu Hafen und Fähren",
            "Más sobre El Puerto",
        ] {
            let scan = lex.scan(line);
            assert_eq!(scan.kind, Some(BlockKind::Related), "{line}");
            assert_eq!(scan.covered, whole(line), "{line}");
        }
        // A clause or a sentence after the phrase is no site's name.
        let phrase = "Mostread".len();
        for line in [
            "Most read on Harbour Gazette this week was a story on ferries",
            "Most read on Harbour Gazette.",
            "Most read stories of the year",
        ] {
            assert_eq!(lex.scan(line).covered, phrase, "{line}");
        }
    }

    #[test]
    fn a_marker_out_of_place_leaves_the_shorter_phrase_at_its_start() {
        let lex = get();
        // "Weitere Beiträge zu" marks a line it opens; in mid-line the
        // shorter "Weitere Beiträge" still counts.
        let scan = lex.scan("Ostsee Weitere Beiträge zu Reisen nach Island");
        assert!(scan.prefix.is_none());
        assert_eq!(scan.covered, "WeitereBeiträge".chars().count());
        assert_eq!(scan.kind, Some(BlockKind::Related));
        // Opening the line, the marker marks it.
        let scan = lex.scan("Weitere Beiträge zu Reisen nach Island");
        assert_eq!(scan.prefix.map(|p| p.0), Some(BlockKind::Related));
        // A longer phrase running into the next word hides nothing that
        // starts inside it: "Zum Newsletter anmelden" fails on "anmeldenden",
        // "Newsletter" still counts.
        let scan = lex.scan("Alle zum Newsletter anmeldenden Leser erhalten ein Heft");
        assert_eq!(scan.kind, Some(BlockKind::Banner));
        assert!(scan.covered >= "Newsletter".len(), "{scan:?}");
    }

    #[test]
    fn every_language_has_stopwords() {
        let lex = get();
        for source in SOURCES {
            assert!(
                lex.stopwords(Some(source.lang)).len() >= 30,
                "{}",
                source.lang
            );
        }
    }
}
