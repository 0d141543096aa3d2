//! IPTC Media Topics: which of the 17 top-level subjects (and, where the
//! text is clear, which second-level subjects) an article is about.
//!
//! A weighted lexicon, no trained model: the words of the taxonomy's own
//! labels (13 languages) and English definitions, each credited to the
//! top-level topic it sits under in proportion to how specific it is to that
//! topic, plus hand-written keyword lists per topic in the languages copydesk
//! reads (`data/iptc/keywords.txt`). The headline, body paragraphs, the
//! page's own tags and the organisations it names (some carry a topic in the
//! gazetteer) add their words' weights; repeated words count sub-linearly,
//! and only a topic's strongest terms add up. A word read inside a listed
//! two-word phrase, or as a later part of a capitalised name in running
//! text ("Georgia Tech", "Gordon Brown"), counts for less on its own, and a
//! listed phrase all but silences what its words would say for topics the
//! phrase does not ("prix" in "grand prix", "series" in "World Series"). A
//! bracketed stock ticker ("(INTC.O)") counts for the economy. A page
//! whose story holds no topical word (a results table) is read from its top.
//! Names of companies, clubs and studios (`data/iptc/names.txt`) say who a
//! story is about: in a story about results, shares and deals they count
//! mostly for the economy, elsewhere for their industry's topic.
//! Written all lowercase in running text such a name is the common noun
//! ("pirates", "jazz"). On a German page a capitalised noun is no name: it
//! is read by the stems written for German (`aktie* @de`), not by the
//! other stems, mostly English ("gang*", "union*").
//! The taxonomy is IPTC's (CC BY 4.0, see `NOTICE`).

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use super::Span;
use super::document::Document;
use super::language::ArticleLanguage;
use super::structure::Structure;
use super::tags::lexicon::{self, entries};
use super::tags::{SpanWords, Tag, TagKind};
use super::text::{WordSlots, words};

/// One topic an article is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// The IPTC code ("medtop:11000000").
    pub code: String,
    /// The English label ("politics").
    pub label: String,
    /// The parent topic's code; `None` for a top-level topic.
    pub parent_code: Option<String>,
    /// Score from 0 to 1: the topic's share of the article's topical
    /// evidence, damped when there is little evidence at all.
    pub score: f32,
}

const TAXONOMY: &str = include_str!("../../data/iptc/mediatopics.tsv");
const KEYWORDS: &str = include_str!("../../data/iptc/keywords.txt");
const NAMES: &str = include_str!("../../data/iptc/names.txt");
/// The gazetteer's cities: a club named after its city ("Southampton") is
/// the city as often as the club.
const CITIES: &str = include_str!("../../data/gazetteer/cities.tsv");
const POLICY: &str = include_str!("../../data/iptc/policy.txt");

/// Weight of a taxonomy label word by the level of the concept it labels
/// (index = level − 1; deeper levels are many and specific).
const LABEL_LEVEL_WEIGHT: [f32; 6] = [3.0, 2.0, 1.0, 0.7, 0.5, 0.5];
/// Weight of a word of a concept's English definition.
const DEFINITION_WEIGHT: f32 = 0.3;
/// What a taxonomy-derived term is worth next to a hand-written weight of 1.
const TAXONOMY_SCALE: f32 = 0.6;
/// A taxonomy word must give at least this share of its mass to one topic.
const TAXONOMY_MIN_SHARE: f32 = 0.6;
/// Terms per concept that count towards its evidence (the strongest ones).
const TOP_TERMS: usize = 8;
/// Weight of headline words relative to body words.
const HEADLINE_WEIGHT: f32 = 2.0;
/// What a common word counts for when it is part of a capitalised name.
const NAME_PART_WEIGHT: f32 = 0.6;
/// At most this many words the body uses inside names are remembered for
/// reading the headline.
const MAX_NAME_WORDS: usize = 64;
/// What a word counts for on its own when it is part of a listed phrase.
/// A light discount: the phrase already says what the pair is about, but
/// its words mostly point the same way ("search engine", "chief
/// executive"), and halving them cost more stories than it saved (dev-set
/// top-1 sweep 0.3–1.0: AG 0.853 at 0.3–0.5, 0.855 at 0.7–1.0; BBC 0.952,
/// 0.953 from 0.8; Reuters flat at 0.966).
const PHRASE_PART_WEIGHT: f32 = 0.85;
/// What a word counts for, inside a listed phrase, towards the topics the
/// phrase gives nothing: the phrase fixes the word's sense ("prix" in
/// "grand prix" is no price, "series" in "world series" no television
/// series, "motors" in "general motors" no motor racing).
const OFF_SENSE_WEIGHT: f32 = 0.25;
/// The weight from which a phrase fixes its words' sense: the hand-written
/// phrases' "typical of the topic" (see `data/iptc/keywords.txt`).
const SENSE_PHRASE_WEIGHT: f32 = 1.5;
/// The evidence other terms must give a topic before a club named after
/// its city counts for it: one listed keyword (weight 1), not the taxonomy
/// definitions' faint words.
const CITY_CLUB_MIN_OTHER: f32 = 1.0;
/// The languages that capitalise their nouns: a capitalised word inside a
/// sentence of such a page is no sign of a name, and is read by the stems
/// written for its language ("Aktienkurse" by "aktie* @de"); stems written
/// for every language, mostly English ("gang*", "union*", "probe*"), do not
/// read it.
const NOUN_CAPITALISING_LANGUAGES: &[&str] = &["de"];
/// Weight of the page's explicit tags.
const EXPLICIT_TAG_WEIGHT: f32 = 2.0;
/// Weight of a listed organisation's or person's topic, per mention (capped).
const ORG_TOPIC_WEIGHT: f32 = 1.5;
/// Body paragraphs past this many count half.
const LEAD_PARAGRAPHS: usize = 6;
/// Only this many bytes of body are read (the lead decides the topic).
const MAX_BODY_BYTES: usize = 20_000;
/// When the headline and body hold no topical word, this many of the
/// page's first lines ...
const FALLBACK_LINES: usize = 12;
/// ... up to this many bytes, are read ...
const FALLBACK_BYTES: usize = 1_500;
/// ... with this weight.
const FALLBACK_WEIGHT: f32 = 0.5;
/// A top-level topic is reported when its share reaches this (the best one
/// always is).
const MIN_TOP_SHARE: f32 = 0.08;
/// Total evidence at which the score is damped by 1 − 1/e.
const EVIDENCE_SCALE: f32 = 4.0;
/// A second-level topic needs this much evidence ...
const MIN_CHILD_EVIDENCE: f32 = 3.0;
/// ... and this share of its parent's children's evidence.
const MIN_CHILD_SHARE: f32 = 0.4;
/// Second-level topics are reported only under a top-level topic scoring
/// at least this.
const MIN_PARENT_SCORE: f32 = 0.25;
/// Per-topic multipliers on the evidence: 17 numbers fitted (coordinate
/// search, each kept within 0.5–1.5; crime and technology refitted after the
/// name-part and agency changes) on the development evaluation's top-1
/// accuracy. The topics news covers most (economy, technology, sport, arts,
/// politics) have broad lists; narrower topics need clearer evidence to come
/// first.
const TOPIC_BIAS: &[(&str, f32)] = &[
    ("medtop:01000000", 1.1),
    ("medtop:02000000", 0.55),
    ("medtop:03000000", 0.6),
    ("medtop:04000000", 1.2),
    ("medtop:05000000", 0.6),
    ("medtop:06000000", 0.6),
    ("medtop:07000000", 0.6),
    ("medtop:08000000", 0.6),
    ("medtop:09000000", 0.6),
    ("medtop:10000000", 0.6),
    ("medtop:11000000", 0.9),
    ("medtop:12000000", 0.6),
    ("medtop:13000000", 1.5),
    ("medtop:14000000", 0.6),
    ("medtop:15000000", 1.35),
    ("medtop:16000000", 0.6),
    ("medtop:17000000", 0.6),
];

/// The second-level topics whose evidence says a story is about companies
/// and markets ("business information", "market and exchange"): results,
/// shares, deals, bosses.
const CORPORATE_TOPICS: &[&str] = &["medtop:20000170", "medtop:20000385"];
/// The topic that a named company's, club's or studio's business news is.
const ECONOMY: &str = "medtop:04000000";
/// Corporate evidence from which the names of `data/iptc/names.txt` (and
/// the organisations the gazetteer files under the same topics) count
/// mostly for the economy: a chipmaker's profit or a football club's
/// takeover is business news.
const CORPORATE_MIN: f32 = 10.0;
/// The share of such a name's weight that stays with its own topic then.
const NAME_INDUSTRY_SHARE: f32 = 0.3;
/// The second-level topics whose evidence says a story is about elections,
/// parties and campaigns.
const ELECTORAL_TOPICS: &[&str] = &["medtop:20000574", "medtop:20000649"];
/// The topic that taxes, budgets and the economy are in such a story.
const POLITICS: &str = "medtop:11000000";
/// Electoral evidence from which the words of `data/iptc/policy.txt` count
/// partly for politics: a budget a party campaigns on is government policy
/// (where the taxonomy files taxation and the government budget).
const ELECTORAL_MIN: f32 = 6.0;
/// The share of a policy word's economy weight that goes to politics then.
const POLICY_POLITICS_SHARE: f32 = 0.5;

/// Evidence from the shape of the text rather than its words: a match
/// score ("3-1", "24-17"), a sum of money ("$5", "€2bn"), a percentage.
const PATTERN_TERMS: &[(&str, &str, f32)] = &[
    ("<score>", "medtop:15000000", 2.0),
    ("<money>", "medtop:04000000", 1.5),
    ("<percent>", "medtop:04000000", 1.0),
    ("<ticker>", "medtop:04000000", 2.0),
];

/// The exchange suffixes of Reuters Instrument Codes that stories quote
/// most: New York, Nasdaq, American, London, Toronto, Tokyo, Paris,
/// Frankfurt/Xetra, Amsterdam, Milan, Madrid, Brussels, Zurich, Stockholm,
/// Copenhagen, Oslo, Helsinki, Hong Kong, Shanghai, Shenzhen, Seoul,
/// Taiwan, Singapore, Sydney, Bombay, National India, Kuala Lumpur.
const RIC_EXCHANGES: &[&[u8]] = &[
    b"N", b"O", b"OQ", b"A", b"L", b"TO", b"T", b"PA", b"F", b"DE", b"AS", b"MI", b"MC", b"BR",
    b"S", b"VX", b"ST", b"CO", b"OL", b"HE", b"HK", b"SS", b"SZ", b"KS", b"TW", b"SI", b"AX",
    b"BO", b"NS", b"KL",
];

/// Whether `b` can open a pattern [`Evidence::read_words`] counts: `%`, a
/// ticker's bracket (`(`, `<`, `[`, `&`), `$`, and the lead bytes of `€`
/// (E2) and of `£` and `¥` (C2).
#[inline]
fn is_pattern_byte(b: u8) -> bool {
    matches!(b, b'$' | b'%' | b'&' | b'(' | b'<' | b'[' | 0xc2 | 0xe2)
}

/// The first index from `from` on whose byte [`is_pattern_byte`], passing
/// over 64 bytes at a time while they hold none: the test of a whole block
/// compiles to vector compares (a block of 16 was unrolled byte by byte,
/// no cheaper than the plain match over every byte of the body, ~0.017 M
/// instructions an article), and most blocks of prose hold none of them.
fn next_pattern_byte(bytes: &[u8], mut from: usize) -> Option<usize> {
    const BLOCK: usize = 64;
    while let Some(block) = bytes.get(from..from + BLOCK) {
        if block.iter().fold(false, |any, &b| any | is_pattern_byte(b)) {
            break;
        }
        from += BLOCK;
    }
    let rest = bytes.get(from..)?;
    rest.iter()
        .position(|&b| is_pattern_byte(b))
        .map(|k| from + k)
}

/// Whether `bytes[at..]` opens with a bracketed stock ticker in the
/// Reuters Instrument Code form: "(INTC.O)", "<IBM.N>", "(BP.L:",
/// "(RY.TO)" — one to five capitals, a dot, an exchange suffix of
/// [`RIC_EXCHANGES`], then a closing bracket or a colon. An ampersand
/// stands for a bracket on either side: pages flattened from HTML keep the
/// "&" of an escaped "&lt;" and "&gt;" ("&IBM.N&", "&<IBM.N&>").
/// Stories quoting such codes are about listed companies and their shares.
fn is_ticker_at(bytes: &[u8], at: usize) -> bool {
    if !matches!(bytes.get(at), Some(b'(' | b'<' | b'[' | b'&')) {
        return false;
    }
    let upper_run = |from: usize, max: usize| {
        bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take(max + 1)
            .take_while(|b| b.is_ascii_uppercase())
            .count()
    };
    let symbol = upper_run(at + 1, 5);
    if !(1..=5).contains(&symbol) || bytes.get(at + 1 + symbol) != Some(&b'.') {
        return false;
    }
    let exchange = upper_run(at + 2 + symbol, 2);
    let from = at + 2 + symbol;
    (1..=2).contains(&exchange)
        && bytes
            .get(from..from + exchange)
            .is_some_and(|code| RIC_EXCHANGES.contains(&code))
        && matches!(
            bytes.get(at + 2 + symbol + exchange),
            Some(b')' | b'>' | b']' | b':' | b'&')
        )
}

/// Whether `word` reads as a match score: two numbers of 1–3 digits
/// joined by a hyphen or dash.
fn is_score(word: &str) -> bool {
    let Some((a, b)) = word.split_once(['-', '–']) else {
        return false;
    };
    let ok = |x: &str| (1..=3).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    ok(a) && ok(b)
}

/// One concept of the taxonomy.
#[derive(Debug)]
struct Concept {
    code: &'static str,
    label: &'static str,
    /// Index of the top-level ancestor (itself for a top-level concept).
    top: usize,
    /// Index of the second-level ancestor, `None` for top-level concepts.
    second: Option<usize>,
    level: usize,
}

/// The compiled classifier.
#[derive(Debug)]
struct Model {
    concepts: Vec<Concept>,
    /// Indices of the top-level concepts.
    tops: Vec<usize>,
    /// Per concept, the bit of its top-level concept's position in `tops`.
    top_bit: Vec<u32>,
    /// Bias per concept index.
    bias: HashMap<usize, f32>,
    /// Exact terms (one word, or two words joined by a space) → (concept, weight).
    exact: HashMap<String, Vec<(usize, f32)>>,
    /// Word prefixes → (concept, weight).
    prefix: HashMap<String, Vec<(usize, f32)>>,
    /// The first four chars of every key of `prefix` that has four or more:
    /// a word that starts otherwise matches no prefix of four chars or more,
    /// which spares the reader a lookup per char of most words.
    prefix_starts: foldhash::HashSet<String>,
    /// The first words of the two-word keys of `exact`: a token outside it
    /// starts no listed phrase, and the reader builds no key to look up.
    bigram_starts: WordSlots,
    /// Concept index by code.
    by_code: HashMap<&'static str, usize>,
    /// The one-word terms of the hand-written lexicon (normalised).
    hand_words: foldhash::HashSet<String>,
    /// The exact keys of `data/iptc/names.txt`.
    names: foldhash::HashSet<String>,
    /// The names that are also a city's (a club named after its city): they
    /// count only for a topic other terms of the story speak for.
    city_names: foldhash::HashSet<String>,
    /// The top-level topics `data/iptc/names.txt` lists names under: the
    /// industries whose business news is economy news.
    industries: Vec<usize>,
    /// The economy topic's index.
    economy: Option<usize>,
    /// Indices of [`CORPORATE_TOPICS`].
    corporate: Vec<usize>,
    /// The politics topic's index.
    politics: Option<usize>,
    /// Indices of [`ELECTORAL_TOPICS`].
    electoral: Vec<usize>,
    /// The words of `data/iptc/policy.txt` (normalised), and its prefixes.
    policy: foldhash::HashSet<String>,
    policy_prefixes: foldhash::HashSet<String>,
    /// Per one-word name of `data/iptc/names.txt`, what the word says as a
    /// common noun ("jazz", "pirates", "magic" written lowercase in running
    /// text): the weights other lists give it, under a key of its own ("jazz~")
    /// so that the name and the noun are counted apart. Empty when only the
    /// name is listed: then the word is read by its stem like any other.
    common_senses: HashMap<String, (String, Vec<(usize, f32)>)>,
    /// The stems of `data/iptc/keywords.txt` written for some languages
    /// only ("aktie* @de,sv"): language codes by stem. A stem not here
    /// applies to every language.
    stem_languages: HashMap<String, Vec<&'static str>>,
    /// Words listed whole that a stem of some languages only starts
    /// ("wahl", "wahl* @de"): their entry with that stem's weights, per
    /// language, used in place of `exact`'s on pages of that language.
    exact_languages: HashMap<String, LanguageEntries>,
    /// The languages some stem is written for (`stem_languages`' values).
    tag_languages: Vec<&'static str>,
}

/// What [`Evidence::sum`] moves between topics.
#[derive(Debug, Clone, Copy, Default)]
struct Shift {
    /// The names' industry weight goes mostly to the economy.
    names: bool,
    /// The policy words' economy weight goes partly to politics.
    policy: bool,
}

/// The entries of one word listed whole for the languages whose stems
/// give it more than the common stems do: (language, entry).
type LanguageEntries = Vec<(&'static str, Vec<(usize, f32)>)>;

static MODEL: LazyLock<Model> = LazyLock::new(build);

/// Builds the classifier now rather than on the first request.
pub fn warm_up() {
    LazyLock::force(&MODEL);
}

/// Whether `lower` (a lowercase word) is a word of the topic lexicon: a
/// common noun or verb of news prose, not a name.
pub(crate) fn is_lexicon_word(lower: &str) -> bool {
    let model = &*MODEL;
    if model.hand_words.contains(lower) {
        return true;
    }
    if !lower
        .bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        // Lowercase ASCII normalises by the plural strip alone: no String,
        // and no second lookup of the same word.
        return strips_plural(lower) && model.hand_words.contains(&lower[..lower.len() - 1]);
    }
    model.hand_words.contains(normalize(lower).as_str())
}

/// A word as the lexicon stores it: lowercase, with a light English plural
/// strip so that "elections" finds "election" (but not where the plural is
/// a word of its own: "goods" is not "good", nor "commons" "common").
fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(&mut out, word);
    out
}

/// Appends [`normalize`]`(word)` to `out`: the words of a text share one
/// buffer instead of a String each.
fn normalize_into(out: &mut String, word: &str) {
    let from = out.len();
    crate::enrich::text::push_lowercase(out, word);
    normalize_lowercase(out, from, word);
}

/// [`normalize_into`] once `out[from..]` holds the lowercase of `word`.
fn normalize_lowercase(out: &mut String, from: usize, word: &str) {
    // The lowercase of an ASCII word is ASCII: no ’ to look for. Nor is it
    // in a word without its lead byte (0xE2, of U+2000 to U+2FFF), which a
    // byte search finds in the time the char search takes to set up.
    if !word.is_ascii() && out.as_bytes()[from..].contains(&0xE2) && out[from..].contains('’') {
        let replaced = out[from..].replace('’', "'");
        out.truncate(from);
        out.push_str(&replaced);
    }
    if strips_plural(&out[from..]) {
        out.pop();
    }
}

/// Whether [`normalize`] drops the final "s" of `lower` (a lowercase word).
fn strips_plural(lower: &str) -> bool {
    // ASCII, so its length in bytes is its length in chars.
    lower.ends_with('s')
        && lower.is_ascii()
        && lower.len() > 4
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !matches!(
            lower,
            "series" | "species" | "goods" | "commons" | "arms" | "news" | "means"
        )
}

fn all_stopwords() -> impl Fn(&str) -> bool {
    let sets: Vec<_> = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk"]
        .into_iter()
        .map(lexicon::stopwords)
        .collect();
    move |w: &str| sets.iter().any(|s| s.contains(w))
}

fn build() -> Model {
    let mut concepts: Vec<Concept> = Vec::new();
    let mut by_code: HashMap<&'static str, usize> = HashMap::new();
    let mut parents: Vec<&'static str> = Vec::new();
    let mut texts: Vec<(Vec<&'static str>, &'static str)> = Vec::new();
    for line in entries(TAXONOMY) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        if cols.len() < 6 {
            continue;
        }
        let level = cols[2].parse::<usize>().unwrap_or(6).clamp(1, 6);
        by_code.insert(cols[0], concepts.len());
        concepts.push(Concept {
            code: cols[0],
            label: cols[3],
            top: 0,
            second: None,
            level,
        });
        parents.push(cols[1]);
        let mut labels = vec![cols[3]];
        for pair in cols[4].split('|') {
            if let Some((lang, label)) = pair.split_once('=')
                && !matches!(lang, "ar" | "zh-Hans")
            {
                labels.push(label);
            }
        }
        texts.push((labels, cols[5]));
    }
    // Ancestors: follow parents up to the top (the file lists parents first,
    // but do not rely on it; cap the walk).
    let mut ancestors = Vec::with_capacity(concepts.len());
    for i in 0..concepts.len() {
        let mut chain = vec![i];
        let mut current = i;
        for _ in 0..8 {
            match by_code.get(parents[current]) {
                Some(&p) if !parents[current].is_empty() => {
                    chain.push(p);
                    current = p;
                }
                _ => break,
            }
        }
        let top = chain[chain.len() - 1];
        ancestors.push((top, (chain.len() >= 2).then(|| chain[chain.len() - 2])));
    }
    for (concept, (top, second)) in concepts.iter_mut().zip(ancestors) {
        concept.top = top;
        concept.second = second;
    }
    let tops: Vec<usize> = (0..concepts.len())
        .filter(|&i| concepts[i].level == 1)
        .collect();
    let top_bit: Vec<u32> = concepts
        .iter()
        .map(|c| {
            tops.iter()
                .position(|&t| t == c.top)
                .map_or(0, |p| 1u32 << (p % 32))
        })
        .collect();
    let is_stop = all_stopwords();

    // Taxonomy words: mass per (term, top) and per (term, second).
    // Ordered by concept, so that float sums over them (and the model built
    // from them) come out the same in every process.
    let mut top_mass: HashMap<String, BTreeMap<usize, f32>> = HashMap::new();
    let mut second_mass: HashMap<String, BTreeMap<usize, f32>> = HashMap::new();
    for (i, (labels, definition)) in texts.iter().enumerate() {
        let c = &concepts[i];
        let w = LABEL_LEVEL_WEIGHT[c.level - 1];
        let mut credit = |term: String, w: f32| {
            *top_mass
                .entry(term.clone())
                .or_default()
                .entry(c.top)
                .or_default() += w;
            if let Some(s) = c.second {
                *second_mass.entry(term).or_default().entry(s).or_default() += w;
            }
        };
        for label in labels {
            let toks: Vec<String> = words(label)
                .into_iter()
                .map(|(_, w)| normalize(w))
                .filter(|w| w.chars().count() >= 3 && !is_stop(w))
                .collect();
            for t in &toks {
                credit(t.clone(), w);
            }
            for pair in toks.windows(2) {
                credit(format!("{} {}", pair[0], pair[1]), w);
            }
        }
        for (_, word) in words(definition) {
            let t = normalize(word);
            if t.chars().count() >= 4 && !is_stop(&t) {
                credit(t, DEFINITION_WEIGHT);
            }
        }
    }
    let mut exact: HashMap<String, Vec<(usize, f32)>> = HashMap::new();
    for mass in [&top_mass, &second_mass] {
        for (term, by) in mass {
            let total: f32 = by.values().sum();
            for (&concept, &m) in by {
                let share = m / total;
                if share >= TAXONOMY_MIN_SHARE {
                    // Saturating in the mass: a word on many labels of one
                    // topic is worth more, but not unboundedly.
                    let weight = TAXONOMY_SCALE * share * (1.0 + m).ln().min(2.5);
                    exact
                        .entry(term.clone())
                        .or_default()
                        .push((concept, weight));
                }
            }
        }
    }

    // Hand-written keywords, then the names (read alike, but remembered).
    let mut prefix: HashMap<String, Vec<(usize, f32)>> = HashMap::new();
    let mut hand_words = <foldhash::HashSet<String> as foldhash::HashSetExt>::new();
    let mut names = <foldhash::HashSet<String> as foldhash::HashSetExt>::new();
    let mut industries: Vec<usize> = Vec::new();
    let mut common_senses: HashMap<String, (String, Vec<(usize, f32)>)> = HashMap::new();
    let mut stem_languages: HashMap<String, Vec<&'static str>> = HashMap::new();
    // The top-level topics (bits of `top_bit`) each exact key was written
    // down for.
    let mut hand_tops: HashMap<String, u32> = HashMap::new();
    for (file, is_names) in [(KEYWORDS, false), (NAMES, true)] {
        let mut section: Option<usize> = None;
        for line in entries(file) {
            let line = line.trim();
            if let Some(code) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = by_code.get(code).copied();
                if is_names
                    && let Some(s) = section
                    && !industries.contains(&concepts[s].top)
                {
                    industries.push(concepts[s].top);
                }
                continue;
            }
            let (Some(concept), Some((weight, term))) = (section, line.split_once(' ')) else {
                continue;
            };
            let Ok(weight) = weight.parse::<f32>() else {
                continue;
            };
            // "stem* @de,sv": the languages the stem is written for.
            let (term, languages) = match term.trim().rsplit_once(" @") {
                Some((term, languages)) if !is_names => (term.trim(), Some(languages)),
                _ => (term.trim(), None),
            };
            // A "*" on a phrase of several words ("interest rate*") asks for
            // its plural: the reader's normalisation already gives that.
            let term = match term.strip_suffix('*') {
                Some(stem) if stem.contains(' ') => stem,
                _ => term,
            };
            if let Some(stem) = term.strip_suffix('*') {
                if let Some(languages) = languages {
                    stem_languages
                        .entry(stem.to_lowercase())
                        .or_default()
                        .extend(languages.split(',').map(str::trim));
                }
                let list = prefix.entry(stem.to_lowercase()).or_default();
                set_hand_weight(list, concept, concepts[concept].top, weight);
            } else {
                let key = term
                    .split_whitespace()
                    .map(normalize)
                    .collect::<Vec<_>>()
                    .join(" ");
                if !key.contains(' ') {
                    hand_words.insert(key.clone());
                }
                if is_names {
                    names.insert(key.clone());
                }
                if !is_names {
                    *hand_tops.entry(key.clone()).or_default() |= top_bit[concept];
                }
                if is_names && !key.contains(' ') && !common_senses.contains_key(&key) {
                    let before = exact.get(&key).cloned().unwrap_or_default();
                    common_senses.insert(key.clone(), (format!("{key}~"), before));
                }
                let list = exact.entry(key).or_default();
                set_hand_weight(list, concept, concepts[concept].top, weight);
            }
        }
    }
    // Patterns of the text that are evidence like words.
    for (key, code, weight) in PATTERN_TERMS {
        if let Some(&concept) = by_code.get(code) {
            exact
                .entry((*key).to_owned())
                .or_default()
                .push((concept, *weight));
        }
    }
    // A word the lexicon lists exactly also gets the weights of its longest
    // listed prefix, once per concept (the larger weight wins), so that the
    // reader need look no further than the exact entry. A keyword written
    // down whole keeps to the topics it was written for when the prefix is
    // shorter than it: "striker" is listed for sport, and is no "strike*" of
    // labour (a name, "rockets", is a homonym and keeps "rocket*").
    // A stem written for some languages only ("wahl* @de") gives its weights
    // to the words listed whole ("wahl", from the taxonomy's German label)
    // on pages of those languages only: the reader takes the exact entry
    // first and looks no further, so without a variant of its own the
    // German stem would be silent on every word some list holds whole.
    let mut tag_languages: Vec<&'static str> = stem_languages.values().flatten().copied().collect();
    tag_languages.sort_unstable();
    tag_languages.dedup();
    let mut exact_languages: HashMap<String, LanguageEntries> = HashMap::new();
    let keys: Vec<String> = exact.keys().filter(|k| !k.contains(' ')).cloned().collect();
    for key in keys {
        let own = hand_tops
            .get(&key)
            .copied()
            .filter(|_| !prefix.contains_key(&key));
        let inherit = |list: &mut Vec<(usize, f32)>, stem_hits: &[(usize, f32)]| {
            for &(concept, w) in stem_hits {
                if own.is_some_and(|mask| mask & top_bit[concept] == 0) {
                    continue;
                }
                match list.iter_mut().find(|(c, _)| *c == concept) {
                    Some(entry) => entry.1 = entry.1.max(w),
                    None => list.push((concept, w)),
                }
            }
        };
        let Some(base) = exact.get(&key).cloned() else {
            continue;
        };
        let common = longest_prefix(&prefix, &key, &stem_languages, "");
        for &lang in &tag_languages {
            let Some((end, stem_hits)) = longest_prefix(&prefix, &key, &stem_languages, lang)
            else {
                continue;
            };
            if common.is_some_and(|(common_end, _)| common_end == end) {
                continue;
            }
            let mut list = base.clone();
            inherit(&mut list, stem_hits);
            exact_languages
                .entry(key.clone())
                .or_default()
                .push((lang, list));
        }
        if let Some((_, stem_hits)) = common
            && let Some(list) = exact.get_mut(&key)
        {
            inherit(list, stem_hits);
        }
    }
    let bias = TOPIC_BIAS
        .iter()
        .filter_map(|&(code, b)| by_code.get(code).map(|&i| (i, b)))
        .collect();
    let economy = by_code.get(ECONOMY).copied();
    let corporate = CORPORATE_TOPICS
        .iter()
        .filter_map(|code| by_code.get(code).copied())
        .collect();
    let politics = by_code.get(POLITICS).copied();
    let electoral = ELECTORAL_TOPICS
        .iter()
        .filter_map(|code| by_code.get(code).copied())
        .collect();
    let mut policy = <foldhash::HashSet<String> as foldhash::HashSetExt>::new();
    let mut policy_prefixes = <foldhash::HashSet<String> as foldhash::HashSetExt>::new();
    for line in entries(POLICY) {
        let term = line.trim();
        match term.strip_suffix('*') {
            Some(stem) => policy_prefixes.insert(stem.to_lowercase()),
            None => policy.insert(
                term.split_whitespace()
                    .map(normalize)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        };
    }
    let prefix_starts = prefix
        .keys()
        .filter_map(|key| first_chars(key, 4))
        .map(str::to_owned)
        .collect();
    let city_names = entries(CITIES)
        .filter_map(|line| line.split('\t').next())
        .map(|city| {
            city.split_whitespace()
                .map(normalize)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|city| names.contains(city))
        .collect();
    let bigram_starts = WordSlots::new(
        exact
            .keys()
            .filter_map(|k| k.split_once(' ').map(|(first, _)| first)),
    );
    Model {
        concepts,
        tops,
        top_bit,
        bias,
        exact,
        prefix,
        prefix_starts,
        bigram_starts,
        by_code,
        hand_words,
        names,
        city_names,
        industries,
        economy,
        corporate,
        politics,
        electoral,
        policy,
        policy_prefixes,
        common_senses,
        stem_languages,
        exact_languages,
        tag_languages,
    }
}

/// The first `n` chars of `word`, `None` when it has fewer.
fn first_chars(word: &str, n: usize) -> Option<&str> {
    match word.char_indices().nth(n) {
        Some((end, _)) => Some(&word[..end]),
        None => (word.chars().count() == n).then_some(word),
    }
}

/// The longest prefix of `word` in `prefix` that applies on a page of
/// language `lang` (a stem of `tagged` applies only to the languages listed
/// for it): its end in bytes and its entry.
fn longest_prefix<'m>(
    prefix: &'m HashMap<String, Vec<(usize, f32)>>,
    word: &str,
    tagged: &HashMap<String, Vec<&'static str>>,
    lang: &str,
) -> Option<(usize, &'m Vec<(usize, f32)>)> {
    prefix_ends(word, word.chars().count())
        .filter(|&end| stem_applies(tagged, &word[..end], lang, true))
        .find_map(|end| prefix.get(&word[..end]).map(|hits| (end, hits)))
}

/// The ends in bytes of the prefixes of `word` (of `chars` chars) that can
/// be a stem of the lexicon, longest first: the whole word, then its first
/// 27 chars down to its first 4. The model's build and its reader share it,
/// so that a word inherits at build time the stem the reader would find.
fn prefix_ends(word: &str, chars: usize) -> impl Iterator<Item = usize> + '_ {
    let mut k = chars;
    let inner = word.char_indices().rev().filter_map(move |(at, _)| {
        k -= 1;
        (4..28).contains(&k).then_some(at)
    });
    std::iter::once(word.len()).chain(inner)
}

/// Whether the stem `key` applies on a page of language `lang`: a stem
/// `tagged` for some languages applies on their pages only, any other
/// stem as `untagged` says.
fn stem_applies(
    tagged: &HashMap<String, Vec<&'static str>>,
    key: &str,
    lang: &str,
    untagged: bool,
) -> bool {
    match tagged.get(key) {
        Some(languages) => languages.contains(&lang),
        None => untagged,
    }
}

/// Whether word `i` of `words` (over `text`) is capitalised, not all
/// capitals, and follows a capitalised word of the same sentence.
fn continues_name(text: &str, words: &[(usize, &str)], i: usize) -> bool {
    let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let Some(&(start, word)) = words.get(i) else {
        return false;
    };
    if i == 0
        || !upper(word)
        || word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    let (prev_start, prev) = words[i - 1];
    let between = text.get(prev_start + prev.len()..start).unwrap_or(".");
    upper(prev)
        && between.len() <= 3
        && !between.contains(['.', '!', '?', ':', ';', '"', '(', ')', '\n', '—', '–'])
}

/// Whether word `i` of `words` (over `text`) is capitalised and follows
/// another word of the same sentence.
fn capitalised_mid_sentence(text: &str, words: &[(usize, &str)], i: usize) -> bool {
    let Some(&(start, word)) = words.get(i) else {
        return false;
    };
    if i == 0 || !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let (prev_start, prev) = words[i - 1];
    let between = text.get(prev_start + prev.len()..start).unwrap_or(".");
    !between.contains(['.', '!', '?', ':', ';', '"', '\n', '|', '•'])
}

/// What a term's weighted count in the text is worth: linear up to one
/// occurrence, logarithmic after.
fn term_frequency(count: f32) -> f32 {
    if count >= 1.0 {
        1.0 + count.ln()
    } else {
        count
    }
}

/// A term as the reader met it: (matched as a prefix, the lexicon key).
type TermKey<'m> = (bool, &'m str);
/// A term's (concept, weight) pairs and its weighted count in the text.
type TermHits<'m> = (&'m [(usize, f32)], f32);

/// The bits (see `Model::top_bit`) of the top-level topics `hits` give
/// weight to.
fn top_mask(model: &Model, hits: &[(usize, f32)]) -> u32 {
    hits.iter().fold(0, |mask, &(c, _)| {
        mask | model.top_bit.get(c).copied().unwrap_or(0)
    })
}

/// The top-level topics a phrase says clearly, as [`top_mask`]: the
/// weights from [`SENSE_PHRASE_WEIGHT`] up. The taxonomy's label word pairs
/// ("wireless technology" under the economy's industries) are weaker, and
/// too broad to fix a word's sense.
fn sense_mask(model: &Model, hits: &[(usize, f32)]) -> u32 {
    hits.iter()
        .filter(|&&(_, w)| w >= SENSE_PHRASE_WEIGHT)
        .fold(0, |mask, &(c, _)| {
            mask | model.top_bit.get(c).copied().unwrap_or(0)
        })
}

/// A passage for [`Evidence::read_words`]: its text, its words as [`words`]
/// splits it (offsets into `text`), and its lowercase in step with it when
/// the document has one ([`Document::lowercase`]).
struct Passage<'a> {
    text: &'a str,
    words: &'a [(usize, &'a str)],
    lowercase: Option<&'a str>,
}

/// Accumulates evidence per concept: term → (concept weights, weighted count).
#[derive(Default)]
struct Evidence<'m> {
    terms: HashMap<TermKey<'m>, TermHits<'m>>,
    /// What to take off a term's count for the top-level topics outside a
    /// mask: the phrases its occurrences stood in gave those nothing.
    /// Usually empty.
    off_sense: Vec<(TermKey<'m>, u32, f32)>,
    direct: HashMap<usize, f32>,
    /// Words (normalised) the running text used as later parts of
    /// capitalised names ("Rockets" in "the Houston Rockets", "Tech" in
    /// "Georgia Tech"): a title-case headline cannot show that they are
    /// names, the body can.
    name_words: Vec<String>,
    /// The page's language code ("" when unknown): which stems of
    /// `Model::stem_languages` apply.
    lang: &'static str,
}

impl<'m> Evidence<'m> {
    fn add(&mut self, key: (bool, &'m str), hits: &'m [(usize, f32)], weight: f32) {
        self.terms.entry(key).or_insert((hits, 0.0)).1 += weight;
    }

    /// Adds one occurrence of a word read inside listed phrases (`weight`
    /// already discounted by [`PHRASE_PART_WEIGHT`]) whose top-level topics
    /// are `mask`: towards other topics it counts [`OFF_SENSE_WEIGHT`] of
    /// `full`.
    fn add_in_phrase(
        &mut self,
        model: &Model,
        key: TermKey<'m>,
        hits: &'m [(usize, f32)],
        weight: f32,
        full: f32,
        mask: u32,
    ) {
        self.add(key, hits, weight);
        if mask != 0 && top_mask(model, hits) & !mask != 0 {
            let off = (weight - full * OFF_SENSE_WEIGHT).max(0.0);
            match self
                .off_sense
                .iter_mut()
                .find(|(k, m, _)| *k == key && *m == mask)
            {
                Some(entry) => entry.2 += off,
                None => self.off_sense.push((key, mask, off)),
            }
        }
    }

    /// The count of term `key` towards concept `concept`: `count` less what
    /// its phrases took off for that concept's topic.
    fn count_for(&self, model: &Model, key: TermKey<'m>, count: f32, concept: usize) -> f32 {
        if self.off_sense.is_empty() {
            return count;
        }
        let bit = model.top_bit.get(concept).copied().unwrap_or(0);
        let off: f32 = self
            .off_sense
            .iter()
            .filter(|(k, m, _)| *k == key && m & bit == 0)
            .map(|e| e.2)
            .sum();
        (count - off).max(0.0)
    }

    /// Adds one occurrence of the pattern term `key`.
    fn pattern(&mut self, model: &'m Model, key: &str, weight: f32) {
        if let Some((key, hits)) = model.exact.get_key_value(key) {
            self.add((false, key), hits, weight);
        }
    }

    /// Reads the words of `text` with `weight`.
    /// With `names`, capitalisation inside the text marks names (and the
    /// words so marked are remembered); without, the words the running text
    /// already read as name parts count as such.
    fn read(
        &mut self,
        model: &'m Model,
        text: &str,
        weight: f32,
        names: bool,
        stop: &dyn Fn(&str) -> bool,
    ) {
        let passage = Passage {
            text,
            words: &words(text),
            lowercase: None,
        };
        self.read_words(model, passage, weight, names, stop);
    }

    /// [`Self::read`] given the passage's words already split: body spans
    /// take theirs from the document's one split, and their lowercase from
    /// the document's.
    fn read_words(
        &mut self,
        model: &'m Model,
        passage: Passage<'_>,
        weight: f32,
        names: bool,
        stop: &dyn Fn(&str) -> bool,
    ) {
        let Passage {
            text,
            words: raw,
            lowercase,
        } = passage;
        // Every `%`, and a currency sign (`$`, `€`, `£`, `¥`) right before a
        // digit, in text order: a byte scan (they are ASCII or known UTF-8
        // sequences) that passes over blocks holding none of their bytes.
        let bytes = text.as_bytes();
        let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        let mut next = 0;
        while let Some(i) = next_pattern_byte(bytes, next) {
            next = i + 1;
            let money = match bytes[i] {
                b'%' => {
                    self.pattern(model, "<percent>", weight);
                    continue;
                }
                b'(' | b'<' | b'[' | b'&' => {
                    if is_ticker_at(bytes, i) {
                        self.pattern(model, "<ticker>", weight);
                    }
                    continue;
                }
                b'$' => digit_at(i + 1),
                // € is E2 82 AC; £ and ¥ are C2 A3 and C2 A5.
                0xe2 => bytes.get(i + 1..i + 3) == Some(&[0x82, 0xac]) && digit_at(i + 3),
                0xc2 => matches!(bytes.get(i + 1), Some(0xa3 | 0xa5)) && digit_at(i + 2),
                _ => false,
            };
            if money {
                self.pattern(model, "<money>", weight);
            }
        }
        // The normalised words, in one buffer.
        let mut buf = String::with_capacity(text.len() + 8);
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
        for &(at, w) in raw {
            let from = buf.len();
            match lowercase {
                Some(lowercase) => {
                    buf.push_str(&lowercase[at..at + w.len()]);
                    normalize_lowercase(&mut buf, from, w);
                }
                None => normalize_into(&mut buf, w),
            }
            ranges.push((from, buf.len()));
        }
        let toks: Vec<&str> = ranges.iter().map(|&(a, b)| &buf[a..b]).collect();
        // Only a page in a language some stem is written for has entries of
        // its own: the others skip the lookup.
        let has_variants = model.tag_languages.contains(&self.lang);
        // Tokens before this index are part of a matched two-word term.
        let mut covered = 0usize;
        // The top-level topics of the phrase starting at the previous token.
        let mut previous_phrase = 0u32;
        let mut bigram = String::new();
        for (i, t) in toks.iter().enumerate() {
            // In running text a capitalised word that continues a capitalised
            // one is part of a name ("Georgia Tech", "Gordon Brown",
            // "Deutsche Bank Championship"): what it says as a common noun
            // is weak evidence. Title-case headlines say nothing either way.
            let name_part = if names {
                let part = continues_name(text, raw, i);
                if part
                    && self.name_words.len() < MAX_NAME_WORDS
                    && !self.name_words.iter().any(|w| w == t)
                {
                    self.name_words.push((*t).to_owned());
                }
                part
            } else {
                self.name_words.iter().any(|w| w == t)
            };
            let weight = if name_part {
                weight * NAME_PART_WEIGHT
            } else {
                weight
            };
            // The topics of the phrases this token is part of.
            let mut phrase = std::mem::take(&mut previous_phrase);
            if let Some(next) = toks.get(i + 1)
                && model.bigram_starts.may_hold(t.as_bytes(), |b| b)
            {
                bigram.clear();
                bigram.push_str(t);
                bigram.push(' ');
                bigram.push_str(next);
                if let Some((key, hits)) = model.exact.get_key_value(bigram.as_str()) {
                    self.add((false, key), hits, weight);
                    covered = i + 2;
                    previous_phrase = sense_mask(model, hits);
                    phrase |= previous_phrase;
                }
            }
            // The words of a listed phrase count for what the phrase says
            // ("stem cell" is not also "cell"), not again on their own.
            let full = weight;
            let (weight, phrase) = if i < covered {
                (weight * PHRASE_PART_WEIGHT, phrase)
            } else {
                (weight, 0)
            };
            if is_score(t) {
                self.pattern(model, "<score>", weight);
                continue;
            }
            if stop(t) {
                continue;
            }
            let chars = t.chars().count();
            if chars < 2 {
                continue;
            }
            // A listed name written all lowercase in running text is the
            // common noun ("the pirates seized a tanker", "a jazz club"):
            // what other lists say of the word, or its stem, not the team.
            // Only a listed word is asked whether it is a name.
            if let Some((key, hits)) = model.exact.get_key_value(*t) {
                let common = if names && !raw[i].1.chars().any(char::is_uppercase) {
                    model.common_senses.get(key)
                } else {
                    None
                };
                match common {
                    // Only the name is listed: read the word by its stem.
                    Some((_, senses)) if senses.is_empty() => {}
                    Some((alias, senses)) => {
                        self.add_in_phrase(
                            model,
                            (false, alias.as_str()),
                            senses,
                            weight,
                            full,
                            phrase,
                        );
                        continue;
                    }
                    None => {
                        let variants = if has_variants {
                            model.exact_languages.get(key)
                        } else {
                            None
                        };
                        let hits = match variants {
                            Some(variants) => variants
                                .iter()
                                .find(|(lang, _)| *lang == self.lang)
                                .map_or(hits.as_slice(), |(_, own)| own.as_slice()),
                            _ => hits.as_slice(),
                        };
                        self.add_in_phrase(model, (false, key), hits, weight, full, phrase);
                        continue;
                    }
                }
            }
            // A capitalised word inside a sentence of running text that the
            // lexicon does not list is a name ("Orbitz", "Directory
            // Assistance"): reading it by its stem would take the name for
            // the common word it starts with.
            let noun = names && capitalised_mid_sentence(text, raw, i);
            if noun && !NOUN_CAPITALISING_LANGUAGES.contains(&self.lang) {
                continue;
            }
            // The longest known prefix (see `prefix_ends`).
            // No prefix of four chars or more can match when the word's first
            // four do not start one; only the whole word, when shorter.
            if let Some(start) = first_chars(t, 4)
                && !model.prefix_starts.contains(start)
            {
                continue;
            }
            // In a language that capitalises nouns, a word capitalised
            // mid-sentence may still be a name: only the stems written for
            // that language read it.
            for end in prefix_ends(t, chars) {
                if let Some((key, hits)) = model.prefix.get_key_value(&t[..end])
                    && stem_applies(&model.stem_languages, key, self.lang, !noun)
                {
                    self.add_in_phrase(model, (true, key), hits, weight, full, phrase);
                    break;
                }
            }
        }
    }

    /// Evidence per concept: the sum of weight × (1 + ln count) over its
    /// strongest terms (a long tail of weak, generic words does not add up
    /// to a topic). In a story about companies and markets, the names of
    /// companies, clubs and studios count mostly for the economy; in one
    /// about elections and parties, taxes and budgets count partly for
    /// politics.
    fn totals(&self, model: &Model) -> HashMap<usize, f32> {
        let plain = self.sum(model, Shift::default());
        let level = |codes: &[usize]| codes.iter().filter_map(|c| plain.get(c)).sum::<f32>();
        let shift = Shift {
            names: model.economy.is_some() && level(&model.corporate) >= CORPORATE_MIN,
            policy: model.economy.is_some()
                && model.politics.is_some()
                && level(&model.electoral) >= ELECTORAL_MIN,
        };
        if shift.names || shift.policy {
            self.sum(model, shift)
        } else {
            plain
        }
    }

    /// [`Evidence::totals`] with the moves `shift` asks for.
    fn sum(&self, model: &Model, shift: Shift) -> HashMap<usize, f32> {
        let industry = |concept: usize| shift.names && model.industries.contains(&concept);
        let mut per: HashMap<usize, Vec<f32>> = HashMap::new();
        // What city-named clubs give each topic, kept apart until the end.
        let mut city_clubs: HashMap<usize, Vec<f32>> = HashMap::new();
        for (&(is_prefix, key), (hits, count)) in &self.terms {
            if *count <= 0.0 {
                continue;
            }
            let key_full = (is_prefix, key);
            if !is_prefix && model.city_names.contains(key) {
                for &(concept, w) in *hits {
                    let tf = term_frequency(self.count_for(model, key_full, *count, concept));
                    city_clubs.entry(concept).or_default().push(w * tf);
                }
                continue;
            }
            let name = shift.names && !is_prefix && model.names.contains(key);
            let policy = shift.policy
                && if is_prefix {
                    model.policy_prefixes.contains(key)
                } else {
                    model.policy.contains(key)
                };
            // What the term gives the economy and politics, with what the
            // moves add: one term, one value per topic.
            let (mut to_economy, mut to_politics) = (0.0, 0.0);
            for &(concept, w) in *hits {
                let tf = term_frequency(self.count_for(model, key_full, *count, concept));
                let mut w = w * tf;
                if name && industry(concept) {
                    to_economy += w * (1.0 - NAME_INDUSTRY_SHARE);
                    w *= NAME_INDUSTRY_SHARE;
                }
                if Some(concept) == model.economy {
                    to_economy += w;
                } else if Some(concept) == model.politics {
                    to_politics += w;
                } else {
                    per.entry(concept).or_default().push(w);
                }
            }
            if policy {
                to_politics += to_economy * POLICY_POLITICS_SHARE;
                to_economy *= 1.0 - POLICY_POLITICS_SHARE;
            }
            for (topic, v) in [(model.economy, to_economy), (model.politics, to_politics)] {
                if let Some(t) = topic
                    && v > 0.0
                {
                    per.entry(t).or_default().push(v);
                }
            }
        }
        let mut out: HashMap<usize, f32> = HashMap::new();
        for (&concept, &v) in &self.direct {
            match model.economy {
                Some(e) if industry(concept) => {
                    *out.entry(concept).or_default() += v * NAME_INDUSTRY_SHARE;
                    *out.entry(e).or_default() += v * (1.0 - NAME_INDUSTRY_SHARE);
                }
                _ => *out.entry(concept).or_default() += v,
            }
        }
        // "Southampton" counts for sport in a story that speaks of sport
        // otherwise, not in one about the city's docks.
        for (concept, values) in city_clubs {
            if let Some(others) = per
                .get_mut(&concept)
                .filter(|others| others.iter().sum::<f32>() >= CITY_CLUB_MIN_OTHER)
            {
                others.extend(values);
            }
        }
        for (concept, mut values) in per {
            values.sort_by(|a, b| b.total_cmp(a));
            *out.entry(concept).or_default() += values.iter().take(TOP_TERMS).sum::<f32>();
        }
        out
    }
}

/// Classifies the article into IPTC Media Topics: scored top-level topics
/// (best first), each followed by its confident second-level topics.
pub fn classify(
    doc: &Document<'_>,
    structure: &Structure,
    language: Option<&ArticleLanguage>,
    tags: &[Tag],
) -> Vec<Topic> {
    classify_with_body(
        doc,
        structure,
        language,
        tags,
        &super::tags::body(doc, structure),
    )
}

/// [`classify`] over `body`, the page's [`super::tags::body`] found
/// beforehand (the tags stage reads it too).
pub fn classify_with_body(
    doc: &Document<'_>,
    structure: &Structure,
    language: Option<&ArticleLanguage>,
    tags: &[Tag],
    body: &super::tags::Body,
) -> Vec<Topic> {
    let model = &*MODEL;
    let mut totals =
        read_article(model, doc, structure, language, tags, body.lines()).totals(model);
    for (concept, value) in totals.iter_mut() {
        if let Some(b) = model.bias.get(concept) {
            *value *= b;
        }
    }
    rank(model, &totals)
}

/// The evidence for each top-level topic before the per-topic biases, in
/// taxonomy order: what [`classify`] ranks, for diagnostics and for fitting
/// the biases.
pub fn top_level_evidence(
    doc: &Document<'_>,
    structure: &Structure,
    language: Option<&ArticleLanguage>,
    tags: &[Tag],
) -> Vec<(&'static str, f32)> {
    let model = &*MODEL;
    let body = super::tags::body(doc, structure);
    let totals = read_article(model, doc, structure, language, tags, body.lines()).totals(model);
    model
        .tops
        .iter()
        .map(|&t| {
            (
                model.concepts[t].code,
                totals.get(&t).copied().unwrap_or(0.0),
            )
        })
        .collect()
}

/// The terms read in an article with what each adds to each top-level
/// topic (before the per-topic biases, the cap on terms per topic and the
/// move of names to the economy in a corporate story), strongest first: a
/// diagnostic for reviewing the lexicon.
pub fn explain(
    doc: &Document<'_>,
    structure: &Structure,
    language: Option<&ArticleLanguage>,
    tags: &[Tag],
) -> Vec<(String, Vec<(&'static str, f32)>)> {
    let model = &*MODEL;
    let body = super::tags::body(doc, structure);
    let evidence = read_article(model, doc, structure, language, tags, body.lines());
    let mut out: Vec<(String, Vec<(&'static str, f32)>)> = evidence
        .terms
        .iter()
        .map(|(&(is_prefix, key), &(hits, count))| {
            let per: Vec<(&'static str, f32)> = hits
                .iter()
                .filter(|&&(c, _)| model.concepts[c].level == 1)
                .map(|&(c, w)| {
                    let tf = term_frequency(evidence.count_for(model, (is_prefix, key), count, c));
                    (model.concepts[c].code, w * tf)
                })
                .collect();
            let name = if is_prefix {
                format!("{key}*")
            } else {
                key.to_owned()
            };
            (name, per)
        })
        .filter(|(_, per)| !per.is_empty())
        .collect();
    for (&c, &w) in &evidence.direct {
        if model.concepts[c].level == 1 {
            out.push(("<entity>".to_owned(), vec![(model.concepts[c].code, w)]));
        }
    }
    let strength = |per: &[(&str, f32)]| per.iter().map(|p| p.1).fold(0.0, f32::max);
    out.sort_by(|a, b| strength(&b.1).total_cmp(&strength(&a.1)));
    out
}

/// Reads the headline, body (`body`: runs of body lines and their
/// paragraph index), explicit tags and named entities of an article.
fn read_article<'m>(
    model: &'m Model,
    doc: &Document<'_>,
    structure: &Structure,
    language: Option<&ArticleLanguage>,
    tags: &[Tag],
    body: &[(Span, usize)],
) -> Evidence<'m> {
    let text = doc.text();
    let lang = language.map_or("en", |l| l.article.code);
    let stops = lexicon::stopwords(lang);
    let english = lexicon::stopwords("en");
    // English pages (and languages without a list, which fall back to
    // English) would ask the same set twice for every word that is no
    // stopword.
    let other = (!std::ptr::eq(stops, english)).then_some(english);
    // Most words are in no list: their slot says so without hashing them.
    let slots = lexicon::stopword_slots();
    let stop = |w: &str| {
        slots.may_hold(w.as_bytes(), |b| b)
            && (stops.contains(w) || other.is_some_and(|e| e.contains(w)))
    };
    let mut evidence = Evidence {
        lang: language.map_or("", |l| l.article.code),
        ..Evidence::default()
    };
    let mut read_bytes = 0usize;
    let mut spans: Vec<(Span, f32)> = Vec::with_capacity(body.len());
    for &(span, paragraph) in body {
        if read_bytes >= MAX_BODY_BYTES {
            break;
        }
        let end = floor_boundary(
            text,
            span.start + (MAX_BODY_BYTES - read_bytes).min(span.end - span.start),
        );
        let weight = if paragraph < LEAD_PARAGRAPHS {
            1.0
        } else {
            0.5
        };
        spans.push((Span::new(span.start, end), weight));
        read_bytes += end - span.start;
    }
    // Whole body lines have their words in the document's split already.
    let span_words = SpanWords::of_document(doc, spans.iter().map(|&(s, _)| s));
    let lowercase = doc.lowercase();
    for (i, &(span, weight)) in spans.iter().enumerate() {
        let passage = Passage {
            text: span.text(text),
            words: span_words.get(i),
            lowercase: lowercase.map(|l| span.text(l)),
        };
        evidence.read_words(model, passage, weight, true, &stop);
    }
    // After the body, which tells which of the headline's words are names.
    if let Some(h) = structure.headline {
        evidence.read(model, h.text(text), HEADLINE_WEIGHT, false, &stop);
    }
    if evidence.terms.is_empty() {
        // Nothing topical in what the structure calls the story (a results
        // table has no prose, and its rows may be taken for chrome): the
        // top of the page, whatever its kind, is better than no topic.
        let mut budget = FALLBACK_BYTES;
        for line in doc.lines().iter().take(FALLBACK_LINES) {
            if budget == 0 {
                break;
            }
            let end = floor_boundary(text, line.start + (line.end - line.start).min(budget));
            evidence.read(model, &text[line.start..end], FALLBACK_WEIGHT, false, &stop);
            budget -= end - line.start;
        }
    }
    let mut org_weight: HashMap<usize, f32> = HashMap::new();
    for tag in tags {
        match tag.kind {
            TagKind::Explicit => evidence.read(model, &tag.name, EXPLICIT_TAG_WEIGHT, false, &stop),
            TagKind::Organization | TagKind::Person => {
                if let Some(topic) = lexicon::GAZETTEER
                    .forms
                    .get(tag.name.as_str())
                    .and_then(|&i| lexicon::GAZETTEER.entities[i].topic)
                    .and_then(|code| model.by_code.get(code))
                {
                    *org_weight.entry(*topic).or_default() +=
                        ORG_TOPIC_WEIGHT * (1.0 + (tag.mention_count.max(1) as f32).ln());
                }
            }
            _ => {}
        }
    }
    for (topic, w) in org_weight {
        *evidence.direct.entry(topic).or_default() += w.min(3.0 * ORG_TOPIC_WEIGHT);
    }
    evidence
}

/// Turns evidence per concept into reported topics.
fn rank(model: &Model, totals: &HashMap<usize, f32>) -> Vec<Topic> {
    let mut tops: Vec<(usize, f32)> = model
        .tops
        .iter()
        .map(|&t| (t, totals.get(&t).copied().unwrap_or(0.0)))
        .filter(|&(_, v)| v > 0.0)
        .collect();
    let sum: f32 = tops.iter().map(|t| t.1).sum();
    if sum <= 0.0 {
        return Vec::new();
    }
    tops.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let damping = 1.0 - (-sum / EVIDENCE_SCALE).exp();
    let mut out = Vec::new();
    for (rank, &(t, v)) in tops.iter().enumerate() {
        let share = v / sum;
        if rank > 0 && share < MIN_TOP_SHARE {
            break;
        }
        let score = (share * damping).clamp(0.0, 1.0);
        let concept = &model.concepts[t];
        out.push(Topic {
            code: concept.code.to_owned(),
            label: concept.label.to_owned(),
            parent_code: None,
            score,
        });
        if score < MIN_PARENT_SCORE {
            continue;
        }
        let mut children: Vec<(usize, f32)> = totals
            .iter()
            .filter(|&(&c, _)| model.concepts[c].level == 2 && model.concepts[c].top == t)
            .map(|(&c, &v)| (c, v))
            .collect();
        // A map has no order; summing in concept order keeps scores equal
        // from call to call.
        children.sort_unstable_by_key(|c| c.0);
        let child_sum: f32 = children.iter().map(|c| c.1).sum();
        let mut confident: Vec<(usize, f32)> = children
            .into_iter()
            .filter(|&(_, v)| v >= MIN_CHILD_EVIDENCE && v / child_sum >= MIN_CHILD_SHARE)
            .collect();
        confident.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (c, v) in confident {
            let child = &model.concepts[c];
            out.push(Topic {
                code: child.code.to_owned(),
                label: child.label.to_owned(),
                parent_code: Some(concept.code.to_owned()),
                score: (score * v / child_sum).clamp(0.0, 1.0),
            });
        }
    }
    out
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Gives `concept` a hand-written `weight` for one term: it replaces the
/// taxonomy's weight for that concept, and a second-level topic's term is
/// also evidence (at least as strong) for its parent `top`.
fn set_hand_weight(list: &mut Vec<(usize, f32)>, concept: usize, top: usize, weight: f32) {
    list.retain(|&(c, _)| c != concept);
    list.push((concept, weight));
    if top != concept {
        match list.iter_mut().find(|(c, _)| *c == top) {
            Some(entry) => entry.1 = entry.1.max(weight),
            None => list.push((top, weight)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::structure;

    fn classify_text(text: &str) -> Vec<Topic> {
        let doc = Document::new(text);
        let s = structure::analyze(&doc, None);
        classify(&doc, &s, None, &[])
    }

    fn best(text: &str) -> String {
        classify_text(text)
            .into_iter()
            .find(|t| t.parent_code.is_none())
            .map(|t| t.code)
            .unwrap_or_default()
    }

    #[test]
    fn every_keyword_entry_is_one_the_reader_can_match() {
        // The reader looks up single words and word pairs: a longer entry,
        // a malformed weight or a section naming no concept would be
        // silently dead, so reject them here.
        // Entries that normalise to one key in one section ("role" and
        // "roles") must agree on the weight: the later would silently win.
        let mut seen: std::collections::HashMap<(String, String), (f32, String)> =
            std::collections::HashMap::new();
        let mut clashes = Vec::new();
        let mut stem_lists: std::collections::HashMap<String, (String, String)> =
            std::collections::HashMap::new();
        for (file, is_names) in [(KEYWORDS, false), (NAMES, true)] {
            let mut section = "";
            let mut section_known = false;
            for line in entries(file) {
                let line = line.trim();
                if let Some(code) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    section_known = MODEL.concepts.iter().any(|c| c.code == code);
                    assert!(section_known, "keywords.txt: unknown section [{code}]");
                    // A name stands for its industry: a top-level topic.
                    assert!(
                        !is_names
                            || MODEL
                                .concepts
                                .iter()
                                .any(|c| c.code == code && c.level == 1),
                        "names.txt: [{code}] is not a top-level topic"
                    );
                    section = code;
                    continue;
                }
                assert!(
                    !is_names || !line.contains('*'),
                    "names.txt: {line:?}: a name is matched whole"
                );
                // A language list ("stem* @de,sv") is for stems only.
                let (line, languages) = match line.rsplit_once(" @") {
                    Some((entry, languages)) => (entry.trim(), Some(languages)),
                    None => (line, None),
                };
                // One stem is one key of the model, whatever its section: a
                // list on one of its lines holds for all of them, so each
                // must say it ("wahl*" of politics and of elections).
                if !is_names
                    && line.ends_with('*')
                    && let [_, stem] = line.split_whitespace().collect::<Vec<_>>()[..]
                {
                    let list = languages.map(str::trim).unwrap_or("").to_owned();
                    if let Some((first, earlier)) = stem_lists.get(stem)
                        && *earlier != list
                    {
                        clashes.push(format!("{first:?} vs {line:?}: language lists differ"));
                    }
                    stem_lists
                        .entry(stem.to_owned())
                        .or_insert((line.to_owned(), list));
                }
                if let Some(languages) = languages {
                    assert!(
                        !is_names && line.ends_with('*') && line.split_whitespace().count() == 2,
                        "{line:?}: only a stem of keywords.txt takes a language list"
                    );
                    assert!(
                        languages
                            .split(',')
                            .all(|l| (2..=3).contains(&l.trim().len())
                                && l.trim().bytes().all(|b| b.is_ascii_lowercase())),
                        "{line:?}: bad language list {languages:?}"
                    );
                }
                if let Some((w, term)) = line.split_once(' ')
                    && let Ok(w) = w.parse::<f32>()
                {
                    let key = match term.trim().strip_suffix('*') {
                        Some(stem) if !stem.contains(' ') => format!("{}*", stem.to_lowercase()),
                        Some(stem) => stem
                            .split_whitespace()
                            .map(normalize)
                            .collect::<Vec<_>>()
                            .join(" "),
                        None => term
                            .split_whitespace()
                            .map(normalize)
                            .collect::<Vec<_>>()
                            .join(" "),
                    };
                    match seen.get(&(section.to_owned(), key.clone())) {
                        Some((earlier, first)) if *earlier != w => {
                            clashes.push(format!("[{section}] {first:?} vs {line:?}"));
                        }
                        Some(_) => {}
                        None => {
                            seen.insert((section.to_owned(), key), (w, line.to_owned()));
                        }
                    }
                }
                assert!(
                    section_known,
                    "keywords.txt: entry before any section: {line:?}"
                );
                let (weight, term) = line.split_once(' ').unwrap_or((line, ""));
                assert!(
                    weight.parse::<f32>().is_ok(),
                    "keywords.txt: bad weight in {line:?}"
                );
                let words = term.split_whitespace().count();
                assert!(
                    (1..=2).contains(&words),
                    "keywords.txt: {line:?} has {words} words; the reader matches one or two"
                );
            }
        }
        assert!(
            clashes.is_empty(),
            "keywords.txt: entries that normalise alike disagree on the weight:\n{}",
            clashes.join("\n")
        );
    }

    #[test]
    fn a_name_is_listed_in_one_file_only() {
        // A name also listed as a keyword of its topic would keep that
        // weight in a business story.
        let mut keyword_keys = std::collections::HashSet::new();
        let mut section = "";
        for line in entries(KEYWORDS) {
            let line = line.trim();
            if let Some(code) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = code;
            } else if let Some((_, term)) = line.split_once(' ') {
                keyword_keys.insert((section, term.trim()));
            }
        }
        for line in entries(NAMES) {
            let line = line.trim();
            if let Some(code) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = code;
            } else if let Some((_, term)) = line.split_once(' ') {
                assert!(
                    !keyword_keys.contains(&(section, term.trim())),
                    "[{section}] {term} is in keywords.txt and names.txt"
                );
            }
        }
    }

    #[test]
    fn a_company_in_a_business_story_is_business_news() {
        // The names alone would take these stories to technology and sport.
        assert_eq!(
            best(
                "Arsenal, Chelsea and Everton shares rise\n\nShares in Arsenal, Chelsea, Liverpool, Everton, Tottenham and Newcastle rose on the stock market after profit and revenue beat forecasts, analysts and investors said."
            ),
            "medtop:04000000"
        );
        assert_eq!(
            best(
                "Intel, AMD and Dell shares rise\n\nShares of Intel, AMD, Dell and Nvidia rose on the stock market after quarterly profit and revenue beat forecasts; investors and analysts cheered, and IBM and Cisco gained too."
            ),
            "medtop:04000000"
        );
        // With no business said, the names keep their topic.
        assert_eq!(
            best(
                "Chelsea win\n\nChelsea beat Arsenal 2-0 in the league; the striker scored twice."
            ),
            "medtop:15000000"
        );
        assert_eq!(
            best(
                "New console\n\nSony and Nintendo showed new games consoles, and Microsoft a new Xbox."
            ),
            "medtop:13000000"
        );
    }

    #[test]
    fn every_policy_word_is_an_economy_word_the_reader_can_match() {
        // A policy word moves economy weight: one the lexicon does not give
        // the economy would be dead.
        let model = &*MODEL;
        let economy = model.economy;
        let mut dead = Vec::new();
        for line in entries(POLICY) {
            let term = line.trim();
            let words = term.split_whitespace().count();
            assert!((1..=2).contains(&words), "policy.txt: {term:?}");
            let hits = match term.strip_suffix('*') {
                Some(stem) => model.prefix.get(&stem.to_lowercase()),
                None => model.exact.get(
                    &term
                        .split_whitespace()
                        .map(normalize)
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
            };
            if !hits.is_some_and(|h| h.iter().any(|&(c, _)| Some(c) == economy)) {
                dead.push(term);
            }
        }
        assert!(
            dead.is_empty(),
            "policy.txt: these give the economy nothing: {dead:?}"
        );
    }

    #[test]
    fn taxes_in_an_election_campaign_are_politics() {
        assert_eq!(
            best(
                "Tax cuts and borrowing\n\nThe opposition party's election campaign pledged tax cuts, lower borrowing and a smaller budget deficit, while candidates told voters the economy, inflation and debt were the issues before polling day."
            ),
            "medtop:11000000"
        );
        // Without an election, the same words are the economy.
        assert_eq!(
            best(
                "Deficit narrows\n\nThe budget deficit narrowed as tax revenue rose and borrowing fell, the treasury said; inflation eased and the economy grew."
            ),
            "medtop:04000000"
        );
    }

    #[test]
    fn names_move_to_the_economy_only_in_a_corporate_story() {
        let model = &*MODEL;
        let none = |_: &str| false;
        let code = |c: &str| model.by_code.get(c).copied().unwrap_or(usize::MAX);
        let (tech, economy) = (code("medtop:13000000"), code(ECONOMY));
        let value = |m: &HashMap<usize, f32>, c: usize| m.get(&c).copied().unwrap_or(0.0);
        let names = "Google and Microsoft showed phones.";
        let mut evidence = Evidence::default();
        evidence.read(model, names, 1.0, true, &none);
        // Too little corporate evidence: the plain reading stands.
        let plain = evidence.sum(model, Shift::default());
        assert_eq!(evidence.totals(model), plain);
        let moved = evidence.sum(
            model,
            Shift {
                names: true,
                policy: false,
            },
        );
        assert!(value(&moved, tech) < value(&plain, tech));
        assert!(value(&moved, economy) > value(&plain, economy));
        evidence.read(
            model,
            "Shares rose after quarterly profit and revenue beat forecasts; investors, analysts and the chief executive cheered the takeover and the merger on the stock market.",
            1.0,
            true,
            &none,
        );
        let plain = evidence.sum(model, Shift::default());
        let corporate: f32 = model.corporate.iter().map(|&c| value(&plain, c)).sum();
        assert!(corporate >= CORPORATE_MIN, "{corporate}");
        assert_eq!(
            evidence.totals(model),
            evidence.sum(
                model,
                Shift {
                    names: true,
                    policy: false
                }
            )
        );
    }

    #[test]
    fn taxonomy_has_seventeen_top_level_topics() {
        assert_eq!(MODEL.tops.len(), 17);
        assert!(MODEL.concepts.len() > 1000);
    }

    #[test]
    fn every_top_level_topic_is_reachable() {
        let cases = [
            (
                "medtop:01000000",
                "Film festival\n\nThe actress won an award for the film, and the album topped the charts.",
            ),
            (
                "medtop:16000000",
                "Troops advance\n\nRebel fighters clashed with army troops after the ceasefire collapsed and airstrikes hit the town.",
            ),
            (
                "medtop:02000000",
                "Man charged\n\nPolice arrested the suspect and prosecutors told the court he would stand trial for murder.",
            ),
            (
                "medtop:03000000",
                "Quake hits coast\n\nAn earthquake and tsunami killed dozens; rescuers searched for survivors as the death toll rose.",
            ),
            (
                "medtop:04000000",
                "Shares rise\n\nThe company reported quarterly profit growth and its shares rose on the stock market.",
            ),
            (
                "medtop:05000000",
                "Exam reform\n\nTeachers said pupils and students at the school would sit new exams under the curriculum.",
            ),
            (
                "medtop:06000000",
                "Emissions target\n\nClimate change and carbon emissions threaten wildlife and endangered species, conservation groups said.",
            ),
            (
                "medtop:07000000",
                "Flu outbreak\n\nHospitals treated patients as doctors warned the virus and the disease could spread; a vaccine is due.",
            ),
            (
                "medtop:08000000",
                "Royal wedding\n\nThe prince and the princess celebrated their wedding anniversary with a birthday party.",
            ),
            (
                "medtop:09000000",
                "Strike called\n\nThe union said workers would strike over wages and job cuts; employees want a pay rise.",
            ),
            (
                "medtop:10000000",
                "Summer travel\n\nTourists booked holidays and hotels; the chef shared a recipe and wine tips for the cruise.",
            ),
            (
                "medtop:11000000",
                "Vote looms\n\nThe prime minister said parliament would hold an election; opposition parties began campaigning.",
            ),
            (
                "medtop:12000000",
                "Pope visit\n\nThe pope prayed in the church with bishops and priests; Muslim and Christian religious leaders attended.",
            ),
            (
                "medtop:13000000",
                "New phone\n\nThe software update lets users browse the internet on the mobile phone, and computer researchers praised it.",
            ),
            (
                "medtop:14000000",
                "Poverty report\n\nPoverty, homelessness and discrimination hit families and immigrants; welfare charities called for equality.",
            ),
            (
                "medtop:15000000",
                "Cup final\n\nThe striker scored two goals as the team won the league match; the coach praised the squad.",
            ),
            (
                "medtop:17000000",
                "Snow warning\n\nForecasters said heavy snow, rain and strong winds would bring freezing temperatures; the weather stays cold.",
            ),
        ];
        for (code, text) in cases {
            assert_eq!(best(text), code, "{text}");
        }
    }

    #[test]
    fn other_languages_use_the_same_lexicon() {
        assert_eq!(
            best(
                "Titel\n\nDie Mannschaft gewann das Spiel in der Bundesliga, der Trainer lobte die Spieler nach dem Tor."
            ),
            "medtop:15000000"
        );
        assert_eq!(
            best(
                "Заголовок\n\nПравительство и министр обсудили выборы в парламент, заявили депутаты партии."
            ),
            "medtop:11000000"
        );
    }

    #[test]
    fn scores_are_ordered_and_in_range() {
        let topics = classify_text(
            "Bank raises rates\n\nThe central bank raised interest rates to fight inflation as the economy grew; shares fell.",
        );
        let tops: Vec<&Topic> = topics.iter().filter(|t| t.parent_code.is_none()).collect();
        assert!(!tops.is_empty());
        assert!(tops.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(topics.iter().all(|t| (0.0..=1.0).contains(&t.score)));
        assert_eq!(tops[0].code, "medtop:04000000");
        assert!(
            topics
                .iter()
                .any(|t| t.parent_code.as_deref() == Some("medtop:04000000"))
        );
    }

    #[test]
    fn text_without_topical_words_gets_no_topic() {
        assert!(classify_text("Hello\n\nThe and of it was.").is_empty());
    }

    #[test]
    fn capitalised_continuations_are_name_parts() {
        let text = "Gordon Brown said the Web company and Georgia Tech agreed. Tech firms";
        let w = words(text);
        let flagged: Vec<&str> = (0..w.len())
            .filter(|&i| continues_name(text, &w, i))
            .map(|i| w[i].1)
            .collect();
        // "Tech" after the full stop opens a sentence: not a name part.
        assert_eq!(flagged, ["Brown", "Tech"]);
    }

    #[test]
    fn a_surname_is_not_a_team() {
        // "Brown" once read as the plural-stripped team "Browns".
        let topics = classify_text(
            "Budget row\n\nChancellor Gordon Brown told MPs the government would cut taxes before the election, and Brown said ministers agreed.",
        );
        assert_eq!(
            topics.first().map(|t| t.code.as_str()),
            Some("medtop:11000000")
        );
        assert!(
            !topics
                .iter()
                .any(|t| t.code == "medtop:15000000" && t.score > 0.2)
        );
    }

    #[test]
    fn second_level_words_count_for_their_parent() {
        let model = &*MODEL;
        // "nasdaq" is filed under "market and exchange" only.
        let hits = model.exact.get("nasdaq").cloned().unwrap_or_default();
        let code = |c: usize| model.concepts[c].code;
        assert!(
            hits.iter().any(|&(c, _)| code(c) == "medtop:20000385"),
            "{hits:?}"
        );
        assert!(
            hits.iter().any(|&(c, _)| code(c) == "medtop:04000000"),
            "{hits:?}"
        );
    }

    #[test]
    fn a_results_table_without_prose_still_gets_a_topic() {
        let doc = Document::new(
            "WIDGET HOLDINGS <WHX> SETS QUARTERLY\n\nDULUTH, Minn., March 3 -\n    Qtly div 12 cts vs 12 cts prior\n    Pay April 14\n    Record March 20\n",
        );
        // The structure may see no story at all in such a page.
        let s = Structure::default();
        let topics = classify(&doc, &s, None, &[]);
        assert_eq!(
            topics.first().map(|t| t.code.as_str()),
            Some("medtop:04000000")
        );
    }

    /// The weighted count the reader gave the exact lexicon term `key`.
    fn count_of(evidence: &Evidence<'_>, key: &str) -> f32 {
        evidence
            .terms
            .iter()
            .filter(|((prefix, k), _)| !prefix && *k == key)
            .map(|(_, &(_, count))| count)
            .sum()
    }

    #[test]
    fn a_word_inside_a_listed_phrase_counts_less_on_its_own() {
        // "search engine" is listed, and so is "search" alone: inside the
        // phrase the single word is discounted, outside it counts whole.
        let model = &*MODEL;
        let none = |_: &str| false;
        let mut phrase = Evidence::default();
        phrase.read(model, "a new search engine", 1.0, true, &none);
        assert!(count_of(&phrase, "search engine") > 0.0);
        let mut alone = Evidence::default();
        alone.read(model, "a new search tool", 1.0, true, &none);
        assert!((count_of(&alone, "search") - 1.0).abs() < 1e-4);
        assert!((count_of(&phrase, "search") - PHRASE_PART_WEIGHT).abs() < 1e-4);
        assert!(count_of(&phrase, "search") < 1.0);
    }

    #[test]
    fn headline_words_the_body_uses_in_names_are_name_parts() {
        let model = &*MODEL;
        let none = |_: &str| false;
        let mut named = Evidence::default();
        named.read(
            model,
            "Fans cheered the Toledo Rockets on Sunday.",
            1.0,
            true,
            &none,
        );
        assert!(named.name_words.iter().any(|w| w == "rocket"));
        named.read(model, "Rockets Win", 2.0, false, &none);
        let mut plain = Evidence::default();
        plain.read(model, "Rockets Win", 2.0, false, &none);
        assert!(count_of(&plain, "rocket") > 0.0);
        // Body 1 × 0.6 plus headline 2 × 0.6, against 2 for the headline alone.
        assert!((count_of(&named, "rocket") - 1.8).abs() < 1e-4);
        assert!((count_of(&plain, "rocket") - 2.0).abs() < 1e-4);
    }

    #[test]
    fn capitalised_unknown_words_are_not_read_by_their_stem() {
        let model = &*MODEL;
        let none = |_: &str| false;
        let prefixed = |e: &Evidence<'_>| e.terms.keys().any(|&(prefix, _)| prefix);
        let mut name = Evidence::default();
        name.read(
            model,
            "Shares of Orbitzly and Directorix rose.",
            1.0,
            true,
            &none,
        );
        assert!(
            !prefixed(&name),
            "{:?}",
            name.terms.keys().collect::<Vec<_>>()
        );
        let mut common = Evidence::default();
        common.read(model, "the craft was orbitzly spinning", 1.0, true, &none);
        assert!(prefixed(&common));
    }

    #[test]
    fn plurals_that_are_words_of_their_own_stay_whole() {
        assert_eq!(normalize("elections"), "election");
        // Appended to a shared buffer, each word as on its own.
        let mut buf = String::from("x");
        for word in ["Elections", "Don’t", "ΟΔΟΣ", "Straße", "news", "İstanbul"] {
            let from = buf.len();
            normalize_into(&mut buf, word);
            assert_eq!(&buf[from..], normalize(word), "{word}");
            let reference = word.to_lowercase().replace('’', "'");
            assert!(reference.starts_with(&buf[from..]), "{word}");
        }
        assert_eq!(normalize("goods"), "goods");
        assert_eq!(normalize("Commons"), "commons");
        assert_ne!(normalize("goods"), normalize("good"));
    }

    #[test]
    fn a_news_agency_credit_is_no_topic() {
        let tags = [Tag {
            name: "Reuters".to_owned(),
            kind: TagKind::Organization,
            salience: 1.0,
            mention_count: 1,
            first_mention: None,
            country_code: None,
        }];
        let doc = Document::new("Chips\n\nLONDON (Reuters) - The chip was faster.");
        let s = structure::analyze(&doc, None);
        let body = crate::enrich::tags::body(&doc, &s);
        let evidence = read_article(&MODEL, &doc, &s, None, &tags, body.lines());
        assert!(evidence.direct.is_empty(), "{:?}", evidence.direct);
    }

    #[test]
    fn lexicon_word_test_agrees_with_its_definition() {
        let model = &*MODEL;
        let definition = |lower: &str| {
            model.hand_words.contains(lower) || model.hand_words.contains(normalize(lower).as_str())
        };
        let mut words: Vec<String> = Vec::new();
        for w in model.hand_words.iter().take(3000) {
            words.push(w.to_string());
            words.push(format!("{w}s"));
            words.push(format!("{w}ss"));
        }
        words.extend(
            ["news", "goods", "series", "élections", "don’ts", "abcs", ""].map(String::from),
        );
        for w in &words {
            assert_eq!(is_lexicon_word(w), definition(w), "{w}");
        }
    }

    #[test]
    fn first_chars_counts_chars_not_bytes() {
        assert_eq!(first_chars("elections", 4), Some("elec"));
        assert_eq!(first_chars("élan", 4), Some("élan"));
        assert_eq!(first_chars("выборы", 4), Some("выбо"));
        assert_eq!(first_chars("tax", 4), None);
        assert_eq!(first_chars("", 4), None);
    }

    #[test]
    fn prefix_starts_hold_every_long_prefix() {
        let model = &*MODEL;
        for key in model.prefix.keys() {
            if let Some(start) = first_chars(key, 4) {
                assert!(model.prefix_starts.contains(start), "{key}");
            }
        }
    }

    #[test]
    fn pattern_bytes_are_found_as_a_byte_by_byte_scan_finds_them() {
        // Every pattern byte, the bytes next to them, and the other bytes of
        // "€", "£", "¥", "’" and a no-break space, twice, at every offset of
        // a 64-byte block and across block ends, in ASCII prose of 0 to 137
        // bytes.
        let inserts = [
            "$", "%", "&", "(", "<", "[", "#", "'", ")", ";", "=", "\\", "]", "€", "£", "¥", "’",
            "\u{a0}", "é", "ж",
        ];
        let prose = "In Oslo, shares rose after the results were out. The bank \
                     said on Tuesday that its lending grew and that costs fell again \
                     in the quarter.";
        for len in 0..=prose.len() {
            let base = &prose[..len];
            for insert in inserts {
                for at in 0..=len {
                    let text = format!("{}{insert}{}{insert}", &base[..at], &base[at..]);
                    let bytes = text.as_bytes();
                    let mut found = Vec::new();
                    let mut next = 0;
                    while let Some(i) = next_pattern_byte(bytes, next) {
                        found.push(i);
                        next = i + 1;
                    }
                    let expected: Vec<usize> = (0..bytes.len())
                        .filter(|&i| {
                            matches!(
                                bytes[i],
                                b'$' | b'%' | b'&' | b'(' | b'<' | b'[' | 0xc2 | 0xe2
                            )
                        })
                        .collect();
                    assert_eq!(found, expected, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn bracketed_exchange_tickers_are_read() {
        let at = |text: &str| {
            let bytes = text.as_bytes();
            (0..bytes.len()).any(|i| is_ticker_at(bytes, i))
        };
        for text in [
            "Acme (ACME.O) rose",
            "<IBM.N>",
            "Barclays (BARC.L: Quote)",
            "(RY.TO)",
        ] {
            assert!(at(text), "{text}");
        }
        // Abbreviations, credits and bare symbols are not tickers.
        for text in [
            "(U.S.)",
            "(CBS.MW) - the",
            "(ACME)",
            "(TOOLONG.O)",
            "(A.)",
            "ACME.O)",
            "(ACME.O",
        ] {
            assert!(!at(text), "{text}");
        }
    }

    #[test]
    fn ampersand_bracketed_tickers_are_read() {
        let at = |text: &str| {
            let bytes = text.as_bytes();
            (0..bytes.len()).any(|i| is_ticker_at(bytes, i))
        };
        for text in [
            "Acme Corp. &ACME.N& said",
            "Acme &<ACME.O&> rose",
            "(ACME.L&",
        ] {
            assert!(at(text), "{text}");
        }
        // An ampersand inside a name or an abbreviation opens no ticker.
        for text in [
            "AT&T.",
            "R&D.S said",
            "Marks & Spencer.",
            "&ACME& fell",
            "&ACME.N said",
        ] {
            assert!(!at(text), "{text}");
        }
    }

    #[test]
    fn body_words_lowercased_by_the_document_read_as_their_own() {
        let none = |_: &str| false;
        // What a reading found, in an order of its own.
        let found = |evidence: &Evidence<'_>| {
            let mut terms: Vec<_> = evidence
                .terms
                .iter()
                .map(|(&(prefix, key), &(_, count))| (prefix, key.to_owned(), count.to_bits()))
                .collect();
            terms.sort();
            let mut direct: Vec<_> = evidence
                .direct
                .iter()
                .map(|(&c, &w)| (c, w.to_bits()))
                .collect();
            direct.sort();
            (
                terms,
                direct,
                evidence.name_words.clone(),
                evidence.off_sense.len(),
            )
        };
        for (lang, text) in [
            (
                "en",
                "Elections Were Held. The Minister’s Budget cut Taxes on Goods and NEWS.",
            ),
            (
                "de",
                "Die Regierung Senkte die Steuern. Aktienkurse FIELEN am Freitag.",
            ),
            (
                "fr",
                "Élections: le Gouvernement a Présenté son Budget À l’Assemblée.",
            ),
            (
                "ru",
                "Выборы ПРОШЛИ. Правительство Снизило налоги, Сообщил Министр.",
            ),
        ] {
            let mut own = Evidence {
                lang,
                ..Evidence::default()
            };
            own.read(&MODEL, text, 1.0, true, &none);
            let doc = Document::new(text);
            assert!(doc.lowercase().is_some(), "{text}");
            let mut sliced = Evidence {
                lang,
                ..Evidence::default()
            };
            let passage = Passage {
                text,
                words: &words(text),
                lowercase: doc.lowercase(),
            };
            sliced.read_words(&MODEL, passage, 1.0, true, &none);
            assert_eq!(found(&sliced), found(&own), "{text}");
        }
    }

    /// The weighted count the reader gave the stem `key` ("aktie").
    fn stem_count(evidence: &Evidence<'_>, key: &str) -> f32 {
        evidence
            .terms
            .iter()
            .filter(|((prefix, k), _)| *prefix && *k == key)
            .map(|(_, &(_, count))| count)
            .sum()
    }

    #[test]
    fn german_nouns_are_read_by_german_stems_only() {
        let none = |_: &str| false;
        let read = |lang: &'static str, text: &str| {
            let mut evidence = Evidence {
                lang,
                ..Evidence::default()
            };
            evidence.read(&MODEL, text, 1.0, true, &none);
            evidence
        };
        let text = "Am Freitag fielen die Aktienkurse, und die Gangster der Bande flohen.";
        let german = read("de", text);
        assert!(stem_count(&german, "aktie") > 0.0);
        // "Gangster" is no "gang*" of English crime reports on a German page.
        assert_eq!(stem_count(&german, "gang"), 0.0);
        // On an English page a capitalised word inside a sentence is a name.
        assert_eq!(stem_count(&read("en", text), "aktie"), 0.0);
        // A stem written for German reads no other language's words.
        let dutch = read("nl", "de aktiekoersen daalden");
        assert_eq!(stem_count(&dutch, "aktie"), 0.0);
        assert!(stem_count(&read("sv", "aktiekursen föll"), "aktie") > 0.0);
    }

    #[test]
    fn a_word_listed_whole_takes_the_stem_of_its_page_language() {
        // "wahl" is listed whole (the taxonomy's German label of elections)
        // and starts "wahl* @de": on a German page it must carry the stem's
        // politics weight, or the stem is silent on the word itself (the
        // German campaign story of tests/cases/tags/de.txt then read as
        // economy).
        let none = |_: &str| false;
        let politics = MODEL.politics.unwrap_or(usize::MAX);
        let weight = |lang: &'static str| {
            let mut evidence = Evidence {
                lang,
                ..Evidence::default()
            };
            evidence.read(&MODEL, "Sie gewann die Wahl.", 1.0, true, &none);
            evidence
                .terms
                .get(&(false, "wahl"))
                .and_then(|(hits, _)| hits.iter().find(|(c, _)| *c == politics))
                .map_or(0.0, |&(_, w)| w)
        };
        assert!(
            weight("de") > weight("fr"),
            "{} vs {}",
            weight("de"),
            weight("fr")
        );
    }

    #[test]
    fn a_lowercase_team_name_is_the_common_noun() {
        let stop = |_: &str| false;
        let read = |text: &str| {
            let mut evidence = Evidence::default();
            evidence.read(&MODEL, text, 1.0, true, &stop);
            (count_of(&evidence, "pirate"), count_of(&evidence, "giant"))
        };
        // Lowercase in running text: the seafarers and the big companies.
        assert_eq!(
            read("Coastguards said pirates boarded a tanker, and oil giants paid more for cover."),
            (0.0, 0.0)
        );
        // Capitalised, they are the clubs.
        let (pirates, giants) = read("The Pirates beat the Giants on Sunday.");
        assert!(pirates > 0.0 && giants > 0.0, "{pirates} {giants}");
    }

    #[test]
    fn a_phrase_fixes_the_sense_of_its_words() {
        // "prix" is a price in the French labels; in "grand prix" it gives
        // the economy a quarter of an occurrence, sport keeps its share.
        let model = &*MODEL;
        let none = |_: &str| false;
        let code = |c: &str| model.by_code.get(c).copied().unwrap_or(usize::MAX);
        let (sport, economy) = (code("medtop:15000000"), code(ECONOMY));
        let value = |e: &Evidence<'_>, c: usize| e.sum(model, Shift::default()).get(&c).copied();
        let mut phrase = Evidence::default();
        phrase.read(model, "the grand prix", 1.0, true, &none);
        let mut alone = Evidence::default();
        alone.read(model, "the prix", 1.0, true, &none);
        assert!(count_of(&phrase, "grand prix") > 0.0);
        let prix = model
            .exact
            .get_key_value("prix")
            .map(|(k, _)| (false, k.as_str()));
        let prix = prix.unwrap_or((false, "prix"));
        let count = count_of(&phrase, "prix");
        assert!((count - PHRASE_PART_WEIGHT).abs() < 1e-4);
        assert!((phrase.count_for(model, prix, count, economy) - OFF_SENSE_WEIGHT).abs() < 1e-4);
        assert!((phrase.count_for(model, prix, count, sport) - count).abs() < 1e-4);
        assert!(value(&phrase, economy) < value(&alone, economy));
        assert!(value(&phrase, sport) > Some(0.0));
    }

    #[test]
    fn words_keep_inner_punctuation() {
        let w: Vec<&str> = words("U.S. AT&T's e-mail, ok.")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["U.S", "AT&T's", "e-mail", "ok"]);
    }

    #[test]
    fn a_stem_is_the_whole_word_or_a_prefix_of_4_to_27_chars() {
        let prefixes = |word: &str| -> Vec<String> {
            prefix_ends(word, word.chars().count())
                .map(|end| word[..end].to_owned())
                .collect()
        };
        assert_eq!(prefixes("wählen"), ["wählen", "wähle", "wähl"]);
        assert_eq!(prefixes("tax"), ["tax"]);
        let long = "x".repeat(30);
        let ends: Vec<usize> = prefix_ends(&long, 30).collect();
        assert_eq!(ends.first(), Some(&30));
        assert_eq!(ends[1..], (4..28).rev().collect::<Vec<_>>()[..]);
    }
}
