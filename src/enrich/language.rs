//! Language of the article and of its blocks.
//!
//! Two detectors, each where it is strong: whatlang (trigrams, fast) on long
//! text, where it is all but always right, and lingua (1- to 5-gram models)
//! on short text and to split languages whatlang confuses or does not know
//! (da/nb/nn, hr/bs/sr, id/ms, the Cyrillic languages, ...). The article's
//! language is read from a sample of its prose lines. The check for lines in
//! another language reads a prefix of every line of 30 chars or more, so it is
//! linear; a line in the article's script whose function words are the
//! article language's, or that holds no lowercase word (names, dates,
//! credits), is settled without a detector, and only the rest (headlines,
//! quotes, lines in another script) go to the detectors, which cost ~50 µs a
//! line whatever its length. A line whose function words the article
//! sample's check has counted already is not read again.
//!
//! Lines are judged against the article: a line becomes a segment in another
//! language only when lingua is confident of that language and all but rules
//! out the article's. That is what makes a Russian quote in an English article
//! a segment, and an English menu line on a German page not one.
//!
//! whatlang is built from `vendor/whatlang` (0.18.0 with internal changes
//! listed in its `PATCHED.md`): it scores the text's trigrams through an
//! inverted index of its language profiles instead of looking up every
//! profile's 300 trigrams, which made it the largest part of this stage. Its
//! answers are upstream's bit for bit; the test
//! `whatlang_answers_are_upstreams` pins some of them.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use lingua::{Language as Lingua, LanguageDetector, LanguageDetectorBuilder};
use whatlang::{Lang, Script};

use super::Span;
use super::document::Document;
use super::text::{SlotMap, char_at, is_alnum, is_alpha, is_upper, push_lowercase};

/// A sample at least this long (in chars) is detected by whatlang first.
const LONG_TEXT_CHARS: usize = 500;
/// How much of a long text is sampled, in bytes.
const SAMPLE_BYTES: usize = 3000;
/// How much of a long sample whatlang reads first: its answer stands when it
/// is certain and the function words of the rest of the sample agree (see
/// [`detect_long`]); whatlang costs ~150 instructions a byte. On the
/// evaluation texts this changed no language, only the confidence of 5 of
/// 35,476 (to 1.0), where a shorter sample alone (2,000 bytes) lost three
/// articles. A head of 500 bytes reads each of those texts as 1,000 did
/// (language, confidence, alternatives, segments); 400 moves a confidence.
const HEAD_BYTES: usize = 500;
/// How much of a sample lingua reads when it refines or checks an answer.
const LINGUA_BYTES: usize = 400;
/// How much of a short text lingua reads.
const SHORT_TEXT_BYTES: usize = 1200;
/// whatlang's confidence below which lingua decides a long text.
const WHATLANG_MIN_CONFIDENCE: f64 = 0.5;
/// A line must be this long (chars) to be a segment in another language.
const SEGMENT_MIN_CHARS: usize = 30;
/// A line is in the article's language by its function words when at least
/// this many of its words are the language's stopwords ...
const STOPWORDS_MIN_HITS: u16 = 1;
/// ... and they are at least this share of its words, in percent.
const STOPWORDS_MIN_PERCENT: u32 = 8;
/// lingua's confidence a line needs in a language other than the article's.
const SEGMENT_MIN_CONFIDENCE: f64 = 0.9;
/// The article language's confidence on a line must stay below this.
const SEGMENT_MAX_ARTICLE_CONFIDENCE: f64 = 0.05;
/// A hint loses only to a language this confident ...
const HINT_OVERRIDE_CONFIDENCE: f64 = 0.9;
/// ... when the hinted language itself scores below this.
const HINT_MIN_CONFIDENCE: f64 = 0.02;
/// Alternatives reported, and the least confidence to be one.
const MAX_ALTERNATIVES: usize = 4;
const MIN_ALTERNATIVE_CONFIDENCE: f64 = 0.01;

/// The language of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// BCP-47 primary language subtag ("en", "pt", "zh").
    pub code: &'static str,
    /// ISO 15924 script code ("Latn", "Cyrl"), empty when the text has none.
    pub script: &'static str,
    /// Confidence from 0 to 1.
    pub confidence: f32,
    /// Whether the detection is reliable enough to act on.
    pub reliable: bool,
    /// Other likely languages with their confidence, most likely first.
    pub alternatives: Vec<(&'static str, f32)>,
}

/// A run of lines written in another language than the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Where the run is.
    pub span: Span,
    /// Its language.
    pub detection: Detection,
}

/// The language of an article and of its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLanguage {
    /// The article's language.
    pub article: Detection,
    /// Runs of lines in another language, in text order.
    pub segments: Vec<Segment>,
}

/// Detects the language of the whole document and of its lines. `hint` is
/// the caller's BCP-47 hint, if any. `None` when the text holds no letters
/// and there is no usable hint.
pub fn detect_article(doc: &Document<'_>, hint: Option<&str>) -> Option<ArticleLanguage> {
    let hint = hint.and_then(known_code);
    let (sample, mut pieces) = article_sample(doc);
    let article = detect_sample(&sample, &mut pieces, hint)?;
    let segments = segments(doc, &article, &pieces);
    Some(ArticleLanguage { article, segments })
}

/// Detects the language of one short or long text, leaning on `hint` (a BCP-47
/// code) unless the text strongly contradicts it.
pub fn detect_text(text: &str, hint: Option<&str>) -> Option<Detection> {
    let hint = hint.and_then(known_code);
    let sample = prefix(text, SAMPLE_BYTES);
    detect_sample(sample, &mut [Piece::of_text(sample)], hint)
}

/// Forces the detectors' one-time set-up (not the lazily loaded models).
pub fn warm_up() {
    LazyLock::force(&ALL);
    LazyLock::force(&GROUPS);
    LazyLock::force(&LINGUA_CODES);
    LazyLock::force(&MARKERS);
    LazyLock::force(&PRIORS);
    LazyLock::force(&STOPWORDS);
}

/// The language of `sample`, made of `pieces` (see [`rest_counts`]).
fn detect_sample(
    sample: &str,
    pieces: &mut [Piece],
    hint: Option<&'static str>,
) -> Option<Detection> {
    let long = if sample.chars().count() >= LONG_TEXT_CHARS {
        detect_long(sample, pieces)
    } else {
        None
    };
    // whatlang's answer carries the script it found first: the same as
    // `detect_script` gives, without a second pass over the sample.
    let script = match &long {
        Some(info) => iso15924(info.script()),
        None => whatlang::detect_script(sample).map_or("", iso15924),
    };
    if let Some(info) = long {
        let code = whatlang_code(info.lang());
        if info.confidence() >= WHATLANG_MIN_CONFIDENCE {
            let refined = refine_group(code)
                .filter(|_| !(info.is_reliable() && cyrillic_letters_settle(code, sample)))
                .map(|group| {
                    let mut scores = scored(group, prefix(sample, LINGUA_BYTES));
                    apply_markers(&mut scores, prefix(sample, LINGUA_BYTES));
                    scores
                })
                .filter(|scores| !scores.is_empty());
            let (code, confidence, alternatives) = match refined {
                Some(scores) => (scores[0].0, scores[0].1, alternatives(&scores)),
                None => (code, info.confidence(), Vec::new()),
            };
            // Long text: only a reliable contrary reading overrides the hint.
            let code = hint
                .filter(|h| *h != code && !info.is_reliable())
                .unwrap_or(code);
            return Some(Detection {
                code,
                script: script_for(code, script),
                confidence: confidence as f32,
                reliable: info.is_reliable(),
                alternatives,
            });
        }
    }
    let mut scores = scored(&ALL, prefix(sample, SHORT_TEXT_BYTES));
    apply_priors(&mut scores);
    apply_markers(&mut scores, prefix(sample, SHORT_TEXT_BYTES));
    let Some(&(top, top_confidence)) = scores.first() else {
        // No letters at all: only the hint can say.
        return hint.map(|code| Detection {
            code,
            script,
            confidence: 0.0,
            reliable: false,
            alternatives: Vec::new(),
        });
    };
    let chosen = match hint {
        Some(h) if h != top => {
            let hinted = scores
                .iter()
                .find(|(c, _)| *c == h)
                .map_or(0.0, |(_, v)| *v);
            let contradicted =
                top_confidence >= HINT_OVERRIDE_CONFIDENCE && hinted < HINT_MIN_CONFIDENCE;
            if contradicted || !scores.iter().any(|(c, _)| *c == h) {
                (top, top_confidence)
            } else {
                (h, hinted)
            }
        }
        _ => (top, top_confidence),
    };
    let alternatives = scores
        .iter()
        .filter(|(c, _)| *c != chosen.0)
        .take(MAX_ALTERNATIVES)
        .filter(|(_, v)| *v >= MIN_ALTERNATIVE_CONFIDENCE)
        .map(|&(c, v)| (c, v as f32))
        .collect();
    Some(Detection {
        code: chosen.0,
        script: script_for(chosen.0, script),
        confidence: chosen.1 as f32,
        reliable: chosen.1 >= 0.5,
        alternatives,
    })
}

/// whatlang's reading of a long sample. Its head is read first, and that
/// answer stands when whatlang is certain of it and the function words of
/// the rest of the sample say the same language: a page that opens with a
/// notice in another language, or a language without a stopword list, is
/// read whole, as before. `pieces` are the sample's (see [`rest_counts`]).
fn detect_long(sample: &str, pieces: &mut [Piece]) -> Option<whatlang::Info> {
    let head = prefix(sample, HEAD_BYTES);
    if head.len() < sample.len()
        && let Some(info) = whatlang::detect(head)
        && info.confidence() >= 1.0
        && let Some(bit) = STOPWORD_LANGUAGES
            .iter()
            .position(|(code, _)| *code == whatlang_code(info.lang()))
        && rest_counts(sample, pieces, head.len()).agree(bit)
    {
        return Some(info);
    }
    whatlang::detect(sample)
}

/// The lines most likely to be prose, in text order, up to [`SAMPLE_BYTES`]:
/// menus and counters say little about a page's language. Falls back to every
/// line when the page has too little prose. Returns the sample and its
/// pieces, one a line, in line order.
fn article_sample(doc: &Document<'_>) -> (String, Vec<Piece>) {
    let mut sample = String::new();
    let mut pieces = Vec::new();
    let prose = (0..doc.lines().len())
        .map(|i| (i, doc.line_text(i)))
        .filter(|(_, line)| line.split_whitespace().nth(5).is_some());
    fill(&mut sample, &mut pieces, prose);
    if sample.chars().count() < LONG_TEXT_CHARS {
        sample.clear();
        pieces.clear();
        fill(
            &mut sample,
            &mut pieces,
            (0..doc.lines().len()).map(|i| (i, doc.line_text(i))),
        );
    }
    (sample, pieces)
}

fn fill<'a>(
    sample: &mut String,
    pieces: &mut Vec<Piece>,
    lines: impl Iterator<Item = (usize, &'a str)>,
) {
    for (index, line) in lines {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        if !sample.is_empty() {
            sample.push('\n');
        }
        let part = prefix(line, SAMPLE_BYTES - sample.len());
        let start = sample.len();
        sample.push_str(part);
        pieces.push(Piece {
            line: index,
            range: start..sample.len(),
            whole: part.len() >= prefix(line, LINGUA_BYTES).len(),
            counts: None,
        });
    }
}

/// A line of a sample, joined to the next by a newline.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    /// The line's index in the document.
    line: usize,
    /// Where it is in the sample.
    range: std::ops::Range<usize>,
    /// Whether it holds all that the segment check reads of its line (the
    /// line's first [`LINGUA_BYTES`]): only then can the line take counts
    /// read from the piece.
    whole: bool,
    /// The function-word counts of what the segment check reads of its
    /// line, when it is whole and [`rest_counts`] has read it from its start.
    counts: Option<StopwordCounts>,
}

impl Piece {
    /// A text that is no line of a document, as one piece.
    fn of_text(text: &str) -> Piece {
        Piece {
            line: 0,
            range: 0..text.len(),
            whole: false,
            counts: None,
        }
    }
}

/// The function-word counts of `sample[from..]`, read piece by piece (a
/// newline splits words as the end of a text does, so the counts add up):
/// the counts of what the segment check reads of a whole piece's line are
/// kept with it, and the segment check takes them for its line instead of
/// reading the line again.
fn rest_counts(sample: &str, pieces: &mut [Piece], from: usize) -> StopwordCounts {
    let mut total = StopwordCounts::default();
    let mut lowered = String::new();
    for piece in pieces.iter_mut().filter(|p| p.range.end > from) {
        let start = piece.range.start.max(from);
        let Some(text) = sample.get(start..piece.range.end) else {
            continue;
        };
        let keep = piece.whole && start == piece.range.start;
        let checked = prefix(text, LINGUA_BYTES);
        if !keep || checked.len() == text.len() {
            let counts = StopwordCounts::of(text, &mut lowered);
            if keep {
                piece.counts = Some(counts);
            }
            total.add(&counts);
            continue;
        }
        // A line longer than the segment check reads is read in two at the
        // start of the word that the check's end may cut, so that both
        // halves end between words and add up: only that word is read twice.
        let cut = checked
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_alnum(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let (Some(words), Some(rest), Some(cut_word)) =
            (text.get(..cut), text.get(cut..), checked.get(cut..))
        else {
            total.add(&StopwordCounts::of(text, &mut lowered));
            continue;
        };
        let mut counts = StopwordCounts::of(words, &mut lowered);
        total.add(&counts);
        total.add(&StopwordCounts::of(rest, &mut lowered));
        counts.add(&StopwordCounts::of(cut_word, &mut lowered));
        piece.counts = Some(counts);
    }
    total
}

/// Letters only Russian writes within the Cyrillic group (ы, э: not in
/// Bulgarian, Macedonian, Serbian or Ukrainian).
const RUSSIAN_ONLY: [char; 2] = ['\u{44b}', '\u{44d}'];
/// Letters only Ukrainian writes within the Cyrillic group (ї, є, ґ).
const UKRAINIAN_ONLY: [char; 3] = ['\u{457}', '\u{454}', '\u{491}'];
/// Letters of the other Cyrillic languages of the group that neither Russian
/// nor Ukrainian writes: ў (Belarusian), ђ ј љ њ ћ џ (Serbian), ѓ ѕ ќ
/// (Macedonian), ә ғ қ ң ө ұ ү һ (Kazakh, Mongolian).
const NEITHER: [char; 18] = [
    '\u{45e}', '\u{452}', '\u{458}', '\u{459}', '\u{45a}', '\u{45b}', '\u{45f}', '\u{453}',
    '\u{455}', '\u{45c}', '\u{4d9}', '\u{493}', '\u{49b}', '\u{4a3}', '\u{4e9}', '\u{4b1}',
    '\u{4af}', '\u{4bb}',
];

/// Whether the letters of `sample` alone settle whatlang's Russian or
/// Ukrainian against the rest of the Cyrillic group, so that lingua's group
/// refinement (~3 M instructions on 400 bytes) can be skipped: the sample
/// writes a letter only that language has and no letter it lacks. Mixed or
/// unusual samples go to lingua as before.
fn cyrillic_letters_settle(code: &str, sample: &str) -> bool {
    let (own, foreign): (&[char], &[char]) = match code {
        "ru" => (&RUSSIAN_ONLY, &UKRAINIAN_ONLY),
        "uk" => (&UKRAINIAN_ONLY, &RUSSIAN_ONLY),
        _ => return false,
    };
    let mut seen_own = false;
    for c in sample.chars().map(cyrillic_lowercase) {
        if foreign.contains(&c) || NEITHER.contains(&c) {
            return false;
        }
        // Ukrainian і is Belarusian and Kazakh too, but not Russian.
        if code == "ru" && c == '\u{456}' {
            return false;
        }
        // ё and ъ are Russian and Belarusian, never Ukrainian.
        if code == "uk" && matches!(c, '\u{451}' | '\u{44a}') {
            return false;
        }
        seen_own |= own.contains(&c);
    }
    seen_own
}

/// The lowercase of a Cyrillic letter (U+0400–U+04FF), any other char as is:
/// enough for [`cyrillic_letters_settle`], without Unicode tables.
fn cyrillic_lowercase(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x400..=0x40f => code + 0x50,
        0x410..=0x42f => code + 0x20,
        0x460..=0x4ff => code | 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Runs of lines whose language is confidently another than the article's.
/// `pieces` are the article sample's, with the function-word counts of the
/// lines it has read.
fn segments(doc: &Document<'_>, article: &Detection, pieces: &[Piece]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut last_line = usize::MAX;
    let native = native_stopwords(article);
    let mut lowered = String::new();
    for (index, line) in doc.lines().iter().enumerate() {
        let text = doc.line_text(index);
        if !has_chars(text, SEGMENT_MIN_CHARS) {
            continue;
        }
        if let Some((bit, script)) = native
            && line_script(prefix(text, LINGUA_BYTES)) == Some(script)
            && (read_counts(pieces, index)
                .unwrap_or_else(|| StopwordCounts::of(prefix(text, LINGUA_BYTES), &mut lowered))
                .agree(bit)
                || !has_lowercase_word(prefix(text, LINGUA_BYTES)))
        {
            continue;
        }
        if !looks_foreign(text, article) {
            continue;
        }
        let scores = scored(&ALL, prefix(text, LINGUA_BYTES));
        let Some(&(top, confidence)) = scores.first() else {
            continue;
        };
        let article_confidence = scores
            .iter()
            .find(|(c, _)| *c == article.code)
            .map_or(0.0, |s| s.1);
        if top == article.code
            || confidence < SEGMENT_MIN_CONFIDENCE
            || article_confidence >= SEGMENT_MAX_ARTICLE_CONFIDENCE
        {
            continue;
        }
        match out.last_mut() {
            Some(seg) if last_line + 1 == index && seg.detection.code == top => {
                seg.span.end = line.end;
            }
            _ => out.push(Segment {
                span: Span::new(line.start, line.end),
                detection: Detection {
                    code: top,
                    script: script_for(top, whatlang::detect_script(text).map_or("", iso15924)),
                    confidence: confidence as f32,
                    reliable: true,
                    alternatives: Vec::new(),
                },
            }),
        }
        last_line = index;
    }
    out
}

/// The function-word counts of line `index` when the sample has read all of
/// it (pieces are in line order).
fn read_counts(pieces: &[Piece], index: usize) -> Option<StopwordCounts> {
    let at = pieces.binary_search_by_key(&index, |p| p.line).ok()?;
    pieces.get(at)?.counts
}

/// Whether `text` holds at least `min` chars, counting no further than that.
fn has_chars(text: &str, min: usize) -> bool {
    text.len() >= min * 4 || text.chars().nth(min - 1).is_some()
}

/// Whether `text` holds a word that starts with a lowercase (or caseless)
/// letter. A line without one is a name, a date, a credit or a title-case or
/// shouted line: too little prose to call it another language.
fn has_lowercase_word(text: &str) -> bool {
    text.split(|c: char| !is_alnum(c)).any(|w| {
        w.chars()
            .next()
            .is_some_and(|c| is_alpha(c) && !is_upper(c))
    })
}

/// Calls `f` with each run of alphanumeric chars of `text` ([`is_alnum`]),
/// as `text.split(|c| !is_alnum(c))` gives them without the empty ones, and
/// whether the run is all ASCII: a byte loop over ASCII, which the split
/// decoded char by char (most of the cost of the stopword test). The flag
/// comes from the loop that found the run, so the caller does not scan the
/// word again to learn it.
#[inline]
fn for_each_alnum_word<'a>(text: &'a str, mut f: impl FnMut(&'a str, bool)) {
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            match char_at(text, i) {
                Some(c) if is_alnum(c) => {}
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            }
        }
        let from = i;
        let mut ascii = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                match char_at(text, i) {
                    Some(c) if is_alnum(c) => {
                        ascii = false;
                        i += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        if let Some(word) = text.get(from..i) {
            f(word, ascii);
        }
    }
}

/// Languages with a stopword list, in the bit order of [`STOPWORDS`], with the
/// script they are written in. Chinese is left out: it is not written with
/// spaces between words.
const STOPWORD_LANGUAGES: [(&str, &str); 11] = [
    ("ar", "Arab"),
    ("de", "Latn"),
    ("en", "Latn"),
    ("es", "Latn"),
    ("fr", "Latn"),
    ("it", "Latn"),
    ("nl", "Latn"),
    ("pl", "Latn"),
    ("pt", "Latn"),
    ("ru", "Cyrl"),
    ("uk", "Cyrl"),
];

/// Every stopword of [`STOPWORD_LANGUAGES`] (`data/<lang>/stopwords.txt`),
/// with a bit set for each language whose list holds it. Filed by slot: most
/// words are no stopword, and a word's slot rules it out before it is
/// compared, with no lowercase copy of an ASCII word and no hashing.
static STOPWORDS: LazyLock<SlotMap<u16>> = LazyLock::new(|| SlotMap::new(stopword_bits()));

/// Every stopword of [`STOPWORD_LANGUAGES`] and its languages' bits.
fn stopword_bits() -> HashMap<&'static str, u16> {
    let lists: [&str; STOPWORD_LANGUAGES.len()] = [
        include_str!("../../data/ar/stopwords.txt"),
        include_str!("../../data/de/stopwords.txt"),
        include_str!("../../data/en/stopwords.txt"),
        include_str!("../../data/es/stopwords.txt"),
        include_str!("../../data/fr/stopwords.txt"),
        include_str!("../../data/it/stopwords.txt"),
        include_str!("../../data/nl/stopwords.txt"),
        include_str!("../../data/pl/stopwords.txt"),
        include_str!("../../data/pt/stopwords.txt"),
        include_str!("../../data/ru/stopwords.txt"),
        include_str!("../../data/uk/stopwords.txt"),
    ];
    let mut words: HashMap<&'static str, u16> = HashMap::new();
    for (bit, list) in lists.iter().enumerate() {
        for word in list.lines().map(str::trim) {
            if !word.is_empty() && !word.starts_with('#') {
                *words.entry(word).or_default() |= 1 << bit;
            }
        }
    }
    words
}

/// The article language's bit in [`STOPWORDS`] and its script, when it has a
/// stopword list.
fn native_stopwords(article: &Detection) -> Option<(usize, &'static str)> {
    STOPWORD_LANGUAGES
        .iter()
        .position(|(code, _)| *code == article.code)
        .map(|bit| (bit, STOPWORD_LANGUAGES[bit].1))
}

/// The script of most of the letters of `text`: ASCII text is Latin without
/// looking further.
fn line_script(text: &str) -> Option<&'static str> {
    if text.is_ascii() {
        return text
            .bytes()
            .any(|b| b.is_ascii_alphabetic())
            .then_some("Latn");
    }
    latin_or_cyrillic(text).unwrap_or_else(|| whatlang::detect_script(text).map(iso15924))
}

/// whatlang's `detect_script` of a text written in Latin and basic Cyrillic
/// letters only (with ASCII, Latin-1 and general punctuation: quotes and
/// dashes), counted here without its 25 script tests a char (~3,000
/// instructions a line); `None` for any other text, and for a tie, whose
/// winner whatlang's sort decides. whatlang counts ASCII letters and
/// U+0080–U+024F as Latin (its `is_latin`), U+0400–U+0484 and U+0487–U+052F as
/// Cyrillic, and no script holds the other ASCII chars or U+2000–U+206F.
fn latin_or_cyrillic(text: &str) -> Option<Option<&'static str>> {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for c in text.chars() {
        match u32::from(c) {
            0..=0x7f => latin += usize::from(c.is_ascii_alphabetic()),
            0x80..=0x24f => latin += 1,
            0x400..=0x484 | 0x487..=0x52f => cyrillic += 1,
            0x2000..=0x206f => {}
            _ => return None,
        }
    }
    match latin.cmp(&cyrillic) {
        std::cmp::Ordering::Greater => Some(Some("Latn")),
        std::cmp::Ordering::Less => Some(Some("Cyrl")),
        std::cmp::Ordering::Equal if latin == 0 => Some(None),
        std::cmp::Ordering::Equal => None,
    }
}

/// How many words of a text are stopwords of each language of
/// [`STOPWORD_LANGUAGES`], and how many words it has. The counts of texts
/// split between words add up to the counts of the whole.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct StopwordCounts {
    hits: [u16; STOPWORD_LANGUAGES.len()],
    words: u16,
}

impl StopwordCounts {
    /// The counts of `text`. `lowered` is scratch space, reused across
    /// texts.
    fn of(text: &str, lowered: &mut String) -> StopwordCounts {
        let mut hits = [0u16; STOPWORD_LANGUAGES.len()];
        let mut words = 0u16;
        let stopwords = &*STOPWORDS;
        for_each_alnum_word(text, |word, ascii| {
            words = words.saturating_add(1);
            // An ASCII word is compared by its lowercase bytes in place.
            let found = if ascii {
                stopwords.get(word.as_bytes(), |b| b.to_ascii_lowercase())
            } else {
                let key = if word.chars().any(is_upper) {
                    // (No stopword list holds a Greek word, so the final-sigma
                    // rule of `push_lowercase` cannot change a lookup.)
                    lowered.clear();
                    push_lowercase(lowered, word);
                    lowered.as_str()
                } else {
                    word
                };
                stopwords.get(key.as_bytes(), |b| b)
            };
            if let Some(&mask) = found {
                // Most stopwords are one or two languages': visit the set bits.
                let mut rest = mask;
                while rest != 0 {
                    if let Some(hit) = hits.get_mut(rest.trailing_zeros() as usize) {
                        *hit += 1;
                    }
                    rest &= rest - 1;
                }
            }
        });
        StopwordCounts { hits, words }
    }

    /// Adds the counts of a text that follows this one after a word's end.
    fn add(&mut self, other: &StopwordCounts) {
        for (hit, more) in self.hits.iter_mut().zip(other.hits) {
            *hit = hit.saturating_add(more);
        }
        self.words = self.words.saturating_add(other.words);
    }

    /// Whether the function words say the text is in the language of `bit`:
    /// enough of its words are that language's stopwords, and no other listed
    /// language claims more of them. Mixed-language lines, headlines and menus
    /// (few function words) fail and go to the detectors.
    fn agree(&self, bit: usize) -> bool {
        let native = self.hits[bit];
        native >= STOPWORDS_MIN_HITS
            && u32::from(native) * 100 >= u32::from(self.words) * STOPWORDS_MIN_PERCENT
            && self.hits.iter().all(|&h| h <= native)
    }
}

/// A cheap first look: another script, or whatlang reading another language
/// outside the article language's group of close languages.
fn looks_foreign(text: &str, article: &Detection) -> bool {
    let Some(info) = whatlang::detect(prefix(text, LINGUA_BYTES)) else {
        return false;
    };
    let script = iso15924(info.script());
    if !article.script.is_empty() && script != script_for(article.code, article.script) {
        return script != "Zyyy";
    }
    let code = whatlang_code(info.lang());
    code != article.code && info.is_reliable() && !same_group(code, article.code)
}

fn same_group(a: &str, b: &str) -> bool {
    GROUPS
        .iter()
        .any(|(codes, _)| codes.contains(&a) && codes.contains(&b))
}

/// Confidence values of `detector` on `text`, as (code, confidence), sorted.
fn scored(detector: &LanguageDetector, text: &str) -> Vec<(&'static str, f64)> {
    detector
        .compute_language_confidence_values(text)
        .into_iter()
        .filter(|(_, v)| *v > 0.0)
        .map(|(l, v)| (lingua_code(l), v))
        .collect()
}

fn alternatives(scores: &[(&'static str, f64)]) -> Vec<(&'static str, f32)> {
    scores
        .iter()
        .skip(1)
        .take(MAX_ALTERNATIVES)
        .filter(|(_, v)| *v >= MIN_ALTERNATIVE_CONFIDENCE)
        .map(|&(c, v)| (c, v as f32))
        .collect()
}

/// Weights on lingua's confidence for languages it under-predicts against a
/// close partner on short text (`data/language/priors.txt`).
static PRIORS: LazyLock<HashMap<&'static str, f64>> = LazyLock::new(|| {
    include_str!("../../data/language/priors.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (code, weight) = l.split_once('\t')?;
            Some((code.trim(), weight.trim().parse().ok()?))
        })
        .collect()
});

/// Re-weights and re-normalises `scores` by [`PRIORS`], most likely first.
fn apply_priors(scores: &mut [(&'static str, f64)]) {
    if !scores.iter().any(|(c, _)| PRIORS.contains_key(c)) {
        return;
    }
    for (code, value) in scores.iter_mut() {
        *value *= PRIORS.get(code).copied().unwrap_or(1.0);
    }
    let total: f64 = scores.iter().map(|(_, v)| v).sum();
    if total > 0.0 {
        scores.iter_mut().for_each(|(_, v)| *v /= total);
    }
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
}

/// Marker words of close-language pairs (`data/language/markers.txt`):
/// `(pair, words of the first language, words of the second)`.
struct MarkerPair {
    a: &'static str,
    b: &'static str,
    words: HashMap<&'static str, (bool, bool)>,
}

static MARKERS: LazyLock<Vec<MarkerPair>> = LazyLock::new(|| {
    let data = include_str!("../../data/language/markers.txt");
    let mut pairs: Vec<MarkerPair> = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split('\t');
        match (fields.next(), fields.next(), fields.next()) {
            (Some("pair"), Some(a), Some(b)) => pairs.push(MarkerPair {
                a,
                b,
                words: HashMap::new(),
            }),
            (Some(lang), Some(word), None) => {
                if let Some(pair) = pairs.last_mut() {
                    let entry = pair.words.entry(word).or_insert((false, false));
                    entry.0 |= lang == pair.a;
                    entry.1 |= lang == pair.b;
                }
            }
            _ => {}
        }
    }
    for pair in &mut pairs {
        pair.words.retain(|_, (a, b)| *a != *b);
    }
    pairs
});

/// Settles lingua's top answer against its close partner language by marker
/// words: when the text holds more markers of the partner than of the top
/// language, the partner moves to the top. Short texts of close languages
/// (Malay/Indonesian, Bosnian/Croatian, Bokmål/Nynorsk) differ mostly in a
/// few such words, which n-gram models weigh too little.
fn apply_markers(scores: &mut Vec<(&'static str, f64)>, text: &str) {
    let Some(&(top, _)) = scores.first() else {
        return;
    };
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(is_alnum(c) || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let bigrams: Vec<String> = words
        .windows(2)
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect();
    for pair in MARKERS.iter().filter(|p| p.a == top || p.b == top) {
        let partner = if pair.a == top { pair.b } else { pair.a };
        let partner_index = scores.iter().position(|(c, _)| *c == partner);
        let (mut a, mut b) = (0usize, 0usize);
        for word in words
            .iter()
            .copied()
            .chain(bigrams.iter().map(String::as_str))
        {
            if let Some(&(in_a, in_b)) = pair.words.get(word) {
                a += usize::from(in_a);
                b += usize::from(in_b);
            }
        }
        let (top_count, partner_count) = if pair.a == top { (a, b) } else { (b, a) };
        if partner_count > top_count {
            // The partner takes the top place and the top's confidence; a
            // partner lingua gave no chance at all is let in the same way.
            let top_conf = scores[0].1;
            match partner_index {
                Some(i) => {
                    let partner_conf = scores[i].1;
                    scores[0] = (partner, top_conf);
                    scores[i] = (top, partner_conf);
                }
                None => {
                    scores[0] = (partner, top_conf);
                    scores.insert(1, (top, 0.0));
                }
            }
            return;
        }
    }
}

/// The longest prefix of `text` of at most `max` bytes ending on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Every lingua language, its detector built once; models load on first use
/// and are shared by all detectors.
static ALL: LazyLock<LanguageDetector> =
    LazyLock::new(|| LanguageDetectorBuilder::from_all_languages().build());

/// Groups of close languages that whatlang confuses or does not know (Bosnian,
/// Malay, Nynorsk, Kazakh, ...): when whatlang answers one of them, lingua,
/// restricted to the group, decides.
static GROUPS: LazyLock<Vec<(Vec<&'static str>, LanguageDetector)>> = LazyLock::new(|| {
    use Lingua::*;
    let groups: [&[Lingua]; 5] = [
        &[Danish, Bokmal, Nynorsk, Swedish],
        &[Croatian, Bosnian, Serbian, Slovene],
        &[Indonesian, Malay, Tagalog],
        &[
            Russian, Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian, Kazakh, Mongolian,
        ],
        &[
            Zulu, Xhosa, Shona, Tswana, Sotho, Tsonga, Swahili, Ganda, Yoruba, Somali,
        ],
    ];
    groups
        .iter()
        .map(|langs| {
            let codes = langs.iter().map(|l| lingua_code(*l)).collect();
            (
                codes,
                LanguageDetectorBuilder::from_languages(langs).build(),
            )
        })
        .collect()
});

fn refine_group(code: &str) -> Option<&'static LanguageDetector> {
    GROUPS
        .iter()
        .find(|(codes, _)| codes.contains(&code))
        .map(|(_, detector)| detector)
}

/// ISO 639-1 codes of lingua's languages, kept in a static so that results
/// can hand out `&'static str`.
static LINGUA_CODES: LazyLock<HashMap<Lingua, String>> = LazyLock::new(|| {
    Lingua::all()
        .into_iter()
        .map(|l| (l, l.iso_code_639_1().to_string()))
        .collect()
});

fn lingua_code(language: Lingua) -> &'static str {
    LINGUA_CODES.get(&language).map_or("und", String::as_str)
}

/// The caller's hint as a known primary subtag ("pt-BR" → "pt"), if known.
fn known_code(hint: &str) -> Option<&'static str> {
    let primary = hint.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    let primary = if primary == "no" {
        "nb".to_owned()
    } else {
        primary
    };
    LINGUA_CODES
        .values()
        .map(String::as_str)
        .chain(WHATLANG_ONLY.iter().copied())
        .find(|c| *c == primary)
}

/// Languages whatlang knows and lingua does not.
const WHATLANG_ONLY: [&str; 15] = [
    "am", "ak", "jv", "kn", "km", "ml", "my", "ne", "or", "si", "tk", "uz", "yi", "ur", "vi",
];

/// whatlang's language as a BCP-47 primary subtag.
fn whatlang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

/// ISO 15924 code of a whatlang script.
fn iso15924(script: Script) -> &'static str {
    match script {
        Script::Arabic => "Arab",
        Script::Armenian => "Armn",
        Script::Bengali => "Beng",
        Script::Cyrillic => "Cyrl",
        Script::Devanagari => "Deva",
        Script::Ethiopic => "Ethi",
        Script::Georgian => "Geor",
        Script::Greek => "Grek",
        Script::Gujarati => "Gujr",
        Script::Gurmukhi => "Guru",
        Script::Hangul => "Hang",
        Script::Hebrew => "Hebr",
        Script::Hiragana | Script::Katakana => "Jpan",
        Script::Kannada => "Knda",
        Script::Khmer => "Khmr",
        Script::Latin => "Latn",
        Script::Malayalam => "Mlym",
        Script::Mandarin => "Hani",
        Script::Myanmar => "Mymr",
        Script::Oriya => "Orya",
        Script::Sinhala => "Sinh",
        Script::Tamil => "Taml",
        Script::Telugu => "Telu",
        Script::Thai => "Thai",
    }
}

/// The script to report for `code`: Japanese mixes kana and kanji ("Jpan")
/// whatever whatlang saw first; otherwise the script seen.
fn script_for(code: &str, seen: &'static str) -> &'static str {
    match code {
        "ja" => "Jpan",
        "ko" => "Kore",
        _ => seen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> &'static str {
        detect_text(text, None).map_or("none", |d| d.code)
    }

    #[test]
    fn detects_sentences_in_many_scripts() {
        assert_eq!(
            code("The minister said the talks would resume next week in Geneva."),
            "en"
        );
        assert_eq!(
            code("Министр заявил, что переговоры возобновятся на следующей неделе."),
            "ru"
        );
        assert_eq!(
            code("Міністр заявив, що переговори відновляться наступного тижня."),
            "uk"
        );
        assert_eq!(
            code("Der Minister sagte, die Gespräche würden nächste Woche fortgesetzt."),
            "de"
        );
        assert_eq!(
            code("وقال الوزير إن المحادثات ستستأنف الأسبوع المقبل في جنيف."),
            "ar"
        );
        assert_eq!(code("部长说，会谈将于下周在日内瓦恢复。"), "zh");
        assert_eq!(
            code("O ministro disse que as negociações serão retomadas na próxima semana."),
            "pt"
        );
    }

    #[test]
    fn reports_script_confidence_and_alternatives() {
        let d = detect_text(
            "El ministro dijo que las conversaciones se reanudarán la próxima semana.",
            None,
        )
        .expect("a detection");
        assert_eq!((d.code, d.script), ("es", "Latn"));
        assert!(d.confidence > 0.5 && d.reliable);
        assert!(
            d.alternatives
                .iter()
                .all(|(c, v)| *c != "es" && *v <= d.confidence)
        );
    }

    #[test]
    fn a_hint_decides_an_ambiguous_short_text_but_not_a_clear_one() {
        // "Hotel Central" reads as many languages; the hint settles it.
        assert_eq!(
            detect_text("Hotel Central", Some("de-AT")).map(|d| d.code),
            Some("de")
        );
        let long = "Президент подписал указ о назначении нового министра обороны страны.";
        assert_eq!(detect_text(long, Some("en")).map(|d| d.code), Some("ru"));
    }

    #[test]
    fn marker_words_settle_close_language_pairs() {
        assert_eq!(
            code("Eg veit ikkje kva dei skal gjere med skulen no."),
            "nn"
        );
        assert_eq!(code("Jeg vet ikke hva de skal gjøre med skolen nå."), "nb");
        assert_eq!(
            code("Više od hiljadu ljudi je tokom sedmice posjetilo univerzitet u Sarajevu."),
            "bs"
        );
        assert_eq!(
            code("Više od tisuću ljudi je tijekom tjedna posjetilo sveučilište u Zagrebu."),
            "hr"
        );
        assert_eq!(
            code("Kerajaan negeri akan membina sekolah baharu kerana ramai pelajar."),
            "ms"
        );
    }

    #[test]
    fn text_without_letters_has_no_language_unless_hinted() {
        assert_eq!(detect_text("12:45 — 39437 ++", None), None);
        assert_eq!(detect_text("12:45", Some("fr")).map(|d| d.code), Some("fr"));
        assert_eq!(detect_text("", Some("xx-unknown")), None);
    }

    #[test]
    fn a_russian_quote_in_an_english_article_is_a_segment() {
        let text = "Envoy says talks will resume\n\n\
            WASHINGTON (AP) — The special envoy said on Monday that the talks with the coalition partners \
            would resume next week, and that all sides had agreed on the agenda for the meeting in Geneva.\n\n\
            «Мы готовы продолжить переговоры в любое время, если партнёры проявят добрую волю», — сказал он.\n\n\
            He added that the schedule had not been finalised and that more details would follow soon.";
        let doc = Document::new(text);
        let lang = detect_article(&doc, None).expect("a language");
        assert_eq!(lang.article.code, "en");
        assert_eq!(lang.segments.len(), 1, "{:?}", lang.segments);
        let seg = &lang.segments[0];
        assert_eq!(seg.detection.code, "ru");
        assert_eq!(seg.detection.script, "Cyrl");
        assert!(text[seg.span.start..seg.span.end].starts_with("«Мы готовы"));
    }

    #[test]
    fn function_words_settle_lines_in_the_article_language() {
        let en = native_stopwords(
            &detect_text(
                "The minister said the talks would resume next week in Geneva.",
                None,
            )
            .expect("a detection"),
        )
        .expect("English has stopwords");
        assert_eq!(en.1, "Latn");
        let mut scratch = String::new();
        let line = "The Council said on Tuesday that the plan would be put to a vote";
        assert!(StopwordCounts::of(line, &mut scratch).agree(en.0));
        let german =
            "Die Regierung will das Gesetz noch in diesem Jahr durch den Bundestag bringen";
        assert!(!StopwordCounts::of(german, &mut scratch).agree(en.0));
        // A headline with no function word at all is left to the detectors.
        assert!(
            !StopwordCounts::of(
                "Dockworkers Strike Vote Angers Port Operators",
                &mut scratch
            )
            .agree(en.0)
        );
    }

    #[test]
    fn letters_settle_russian_and_ukrainian_only_when_unambiguous() {
        let ru = "Мы готовы продолжить переговоры в любое время, сказал он.";
        let uk = "Ми готові продовжити переговори, якщо партнери виявлять добру волю та єдність.";
        assert!(cyrillic_letters_settle("ru", ru));
        assert!(cyrillic_letters_settle("uk", uk));
        // Ukrainian letters in a "Russian" sample, Russian ones in a
        // "Ukrainian" one, and Bulgarian (no ы or э) go to lingua.
        assert!(!cyrillic_letters_settle("ru", &format!("{ru} {uk}")));
        assert!(!cyrillic_letters_settle("uk", &format!("{uk} {ru}")));
        assert!(!cyrillic_letters_settle(
            "ru",
            "Министърът каза, че преговорите ще продължат."
        ));
        // Kazakh writes ы and э, but also letters Russian lacks.
        assert!(!cyrillic_letters_settle(
            "ru",
            "Мен қазақ тілінде сөйлеймін, бұл өте қызық."
        ));
        assert!(!cyrillic_letters_settle("bg", ru));
        assert_eq!(cyrillic_lowercase('Ї'), 'ї');
        assert_eq!(cyrillic_lowercase('Ы'), 'ы');
        assert_eq!(cyrillic_lowercase('Ә'), 'ә');
        assert_eq!(cyrillic_lowercase('Q'), 'Q');
    }

    /// The Latin/Cyrillic count gives whatlang's script wherever it answers.
    #[test]
    fn line_script_is_whatlangs() {
        for text in [
            "Der Bürgermeister sagte: „Die Straße bleibt gesperrt“ — bis März.",
            "Мэр заявил: «Улица останется закрытой» — до марта.",
            "«Газпром» и Siemens подписали договор ×2",
            "Київ, Україна — Ґрунт і їжак",
            "ab вг",
            "…—“”",
            "Ελλάδα και Europe",
            "東京 Tokyo",
            "Ђорђе Đorđe ǅ ȸ",
        ] {
            let expected = whatlang::detect_script(text).map(iso15924);
            if let Some(fast) = latin_or_cyrillic(text) {
                assert_eq!(fast, expected, "{text}");
            }
            assert_eq!(line_script(text), expected, "{text}");
        }
    }

    /// The byte loop splits words as the char split it replaces.
    #[test]
    fn alnum_words_split_as_the_char_split() {
        for text in [
            "",
            "  ",
            "The port, reopened: on 3 March (2016)!",
            "Порт открылся — во вторник…",
            "naïve café Straße ÆØÅ l'été don't",
            "東京都 天気 مرحبا 123abc",
            "end",
            "x\u{a0}y\u{2009}z",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !is_alnum(c))
                .filter(|w| !w.is_empty())
                .collect();
            let mut got = Vec::new();
            for_each_alnum_word(text, |w, ascii| {
                assert_eq!(ascii, w.is_ascii(), "{w}");
                got.push(w);
            });
            assert_eq!(got, expected, "{text}");
        }
    }

    /// The stopword map finds every stopword with its languages, written in
    /// lower case or (ASCII) in capitals, and no other word.
    #[test]
    fn the_stopword_map_finds_every_stopword_and_no_other_word() {
        for (word, bits) in stopword_bits() {
            assert_eq!(STOPWORDS.get(word.as_bytes(), |b| b), Some(&bits), "{word}");
            if word.is_ascii() {
                let upper = word.to_ascii_uppercase();
                assert_eq!(
                    STOPWORDS.get(upper.as_bytes(), |b| b.to_ascii_lowercase()),
                    Some(&bits),
                    "{upper}"
                );
            }
        }
        let others = [
            "harbour",
            "strike",
            "ferry",
            "tramway",
            "extension",
            "embalses",
            "terminal",
            "government",
            "minister",
            "reporters",
            "thursday",
            "council",
            "pipeline",
        ];
        for word in others {
            assert_eq!(STOPWORDS.get(word.as_bytes(), |b| b), None, "{word}");
        }
    }

    /// Settling on the head of a long sample keeps whatlang's answer when the
    /// sample's function words agree, and reads the whole sample when they
    /// do not (an English notice before a German article).
    #[test]
    fn a_certain_head_settles_only_with_the_samples_function_words() {
        let english = "The council said on Thursday that the new ferry would run \
            every hour from the harbour, and that the fares would stay the same for \
            the rest of the year. ";
        let german = "Der Stadtrat hat am Donnerstag beschlossen, dass die neue Linie \
            ab dem Frühjahr jede Stunde vom Hafen fahren wird, und die Preise bleiben \
            für den Rest des Jahres gleich. ";
        let sample = english.repeat(6);
        let settled = detect_long(&sample, &mut [Piece::of_text(&sample)]).map(|i| i.lang());
        assert_eq!(settled, Some(Lang::Eng));
        // The head is English, the sample mostly German: read whole.
        let mixed = format!("{}{}", english.repeat(6), german.repeat(12));
        assert_eq!(
            detect_long(
                prefix(&mixed, SAMPLE_BYTES),
                &mut [Piece::of_text(prefix(&mixed, SAMPLE_BYTES))]
            )
            .map(|i| i.lang()),
            whatlang::detect(prefix(&mixed, SAMPLE_BYTES)).map(|i| i.lang())
        );
        let head = prefix(&mixed, HEAD_BYTES).len();
        assert!(
            !StopwordCounts::of(&prefix(&mixed, SAMPLE_BYTES)[head..], &mut String::new()).agree(2)
        );
    }

    /// Pages in several languages and scripts: a menu line, a headline, short
    /// paragraphs around a quote in another language and a paragraph longer
    /// than the segment check reads, repeated past the sample's end.
    fn sample_pages() -> Vec<String> {
        let pages: [&[&str]; 5] = [
            &[
                "Home | News | Sport | Weather",
                "Water board asks valley farmers to irrigate at night",
                "The regional water board said on Monday that the reservoir above the old \
                 mill was at its lowest level since records began.",
                "«Мы не можем ждать до осени, вода нужна нам сейчас», — сказал один из фермеров.",
                "Farmers in the valley have been asked to water their fields only after \
                 dark, and the board will review the rule at the end of the month.",
                "A spokeswoman for the board said the pumping station had been running at \
                 full capacity for weeks, that two of its four pumps were due for repair \
                 and that the contractor had promised to send engineers before the weekend; \
                 she added that the board would publish the readings of every gauge on its \
                 website each morning, so that residents could see for themselves how much \
                 water was left in the basin and how quickly it was falling.",
            ],
            &[
                "Главная | Новости | Спорт",
                "Мост через реку откроют к концу года",
                "Городская администрация сообщила в понедельник, что ремонт моста через \
                 реку будет завершён до конца года.",
                "The bridge will stay closed to heavy trucks until the inspection is over, \
                 the company said.",
                "По словам главы района, движение по мосту откроют в две полосы уже в \
                 ноябре, а пешеходную часть — только весной.",
                "Подрядчик уже заменил часть опор и настил, но работы задержались из-за \
                 дождей, которые шли почти весь сентябрь, и из-за того, что металл для \
                 перил привезли позже, чем было обещано; в администрации говорят, что \
                 штрафы подрядчику пока не грозят, если он уложится в новый срок.",
            ],
            &[
                "Startseite | Politik | Sport",
                "Stadtbibliothek verlängert ihre Öffnungszeiten",
                "Die Stadtbibliothek wird ab dem kommenden Monat auch am Samstag bis zum \
                 Abend geöffnet sein, wie die Leiterin am Dienstag mitteilte.",
                "El alcalde dijo que la biblioteca es uno de los lugares más visitados de \
                 la ciudad.",
                "Für die längeren Öffnungszeiten hat der Stadtrat zwei zusätzliche Stellen \
                 bewilligt, die noch in diesem Jahr besetzt werden sollen.",
                "Die Leiterin sagte, dass viele Studenten und Familien sich seit Jahren \
                 längere Zeiten gewünscht hätten, weil sie unter der Woche kaum Zeit für \
                 einen Besuch fänden; außerdem solle der Lesesaal im Erdgeschoss renoviert \
                 werden, damit dort auch Veranstaltungen für Kinder und Lesungen mit \
                 Autoren aus der Region stattfinden können, sobald die Arbeiten beendet sind.",
            ],
            &[
                "Inicio | Deportes | Cultura",
                "El ayuntamiento amplía el horario de los autobuses nocturnos",
                "El ayuntamiento anunció el jueves que los autobuses nocturnos circularán \
                 hasta las tres de la madrugada durante todo el verano.",
                "Die Busse fahren dann die ganze Nacht durch die Innenstadt.",
                "Según la concejala de movilidad, la medida se tomó después de que los \
                 vecinos de los barrios del sur pidieran más servicios por la noche.",
                "La empresa de transporte contratará a doce conductores más para cubrir los \
                 nuevos turnos, y el coste de la ampliación se pagará con el presupuesto que \
                 sobró del año pasado; la concejala añadió que, si el número de viajeros es \
                 el esperado, el horario se mantendrá también en invierno y se estudiará \
                 una línea nueva hacia el hospital.",
            ],
            &[
                "الرئيسية | أخبار | رياضة",
                "البلدية تفتتح حديقة جديدة في وسط المدينة",
                "أعلنت البلدية يوم الأحد أن الحديقة الجديدة في وسط المدينة ستفتح أبوابها \
                 للزوار في بداية الشهر المقبل.",
                "The park will open every day from seven in the morning until midnight.",
                "وقال رئيس البلدية إن الحديقة تضم ملعبا للأطفال ومسارا للدراجات، وإن \
                 الدخول إليها سيكون مجانيا طوال العام.",
                "وأضاف أن أعمال البناء استغرقت أكثر من عامين بسبب نقل خطوط المياه \
                 والكهرباء التي كانت تمر تحت الأرض، وأن البلدية زرعت أكثر من ألف شجرة \
                 في الحديقة وحولها، كما سيتم تركيب مقاعد جديدة ومصابيح تعمل بالطاقة \
                 الشمسية في الأسابيع القادمة.",
            ],
        ];
        pages
            .iter()
            .map(|lines| vec![lines.join("\n"); 5].join("\n"))
            .collect()
    }

    /// The counts of the rest of a sample, read piece by piece, are those of
    /// the rest read whole, wherever the head ends (in a line, at its end,
    /// on the newline); and the counts a piece keeps for its line are those
    /// the segment check would read: never of a line cut before the check's
    /// end or of more than its prefix, and of the prefix of a line longer
    /// than that too. Detection and segments are those of the sample read
    /// without pieces.
    #[test]
    fn counts_kept_from_the_sample_are_the_segment_checks() {
        let mut scratch = String::new();
        let (mut segmented, mut kept_long) = (0, 0);
        for page in sample_pages() {
            let doc = Document::new(&page);
            let (sample, pieces) = article_sample(&doc);
            assert!(sample.len() >= SAMPLE_BYTES, "{page}");
            assert!(pieces.iter().any(|p| !p.whole), "{page}");
            let mut froms: Vec<usize> = sample.char_indices().map(|(i, _)| i).step_by(7).collect();
            for piece in &pieces {
                froms.extend([piece.range.start, piece.range.end]);
                froms.extend(
                    sample
                        .get(piece.range.start + 1..)
                        .map(|_| piece.range.start + 1),
                );
            }
            froms.push(prefix(&sample, HEAD_BYTES).len());
            let mut kept = 0;
            for from in froms.into_iter().filter(|&i| sample.is_char_boundary(i)) {
                let mut read = pieces.clone();
                assert_eq!(
                    rest_counts(&sample, &mut read, from),
                    StopwordCounts::of(&sample[from..], &mut scratch),
                    "{from} {page}"
                );
                for piece in &read {
                    if let Some(counts) = piece.counts {
                        kept += 1;
                        kept_long += usize::from(doc.line_text(piece.line).len() > LINGUA_BYTES);
                        let line = prefix(doc.line_text(piece.line), LINGUA_BYTES);
                        assert_eq!(counts, StopwordCounts::of(line, &mut scratch), "{line}");
                    }
                }
            }
            assert!(kept > 0, "{page}");
            let mut read = pieces.clone();
            let article = detect_sample(&sample, &mut read, None).expect("a language");
            assert!(read.iter().any(|p| p.counts.is_some()), "{page}");
            assert_eq!(
                Some(&article),
                detect_sample(&sample, &mut [Piece::of_text(&sample)], None).as_ref()
            );
            let found = segments(&doc, &article, &read);
            assert_eq!(found, segments(&doc, &article, &[]), "{page}");
            segmented += usize::from(!found.is_empty());
        }
        assert!(segmented > 0 && kept_long > 0);
    }

    /// A short article (a sample under 1,000 bytes) is settled on its head
    /// too: whatlang reads its first [`HEAD_BYTES`], the function words of
    /// the lines after it confirm the reading, and the segment check takes
    /// those lines' counts. The answer is whatlang's on the whole sample.
    #[test]
    fn a_short_article_settles_on_its_head() {
        let page = [
            "News | Local | Weather",
            "Night ferry to the islands returns for the summer",
            "The night ferry to the outer islands will run again from the first week \
             of June, the operator said on Wednesday.",
            "It will leave the harbour at eleven in the evening and reach the last \
             island a little after two in the morning.",
            "The service was stopped last year because there were not enough crew \
             members to work the late shift.",
            "Tickets can be bought on board or at the kiosk by the pier, and the price \
             has not changed since the spring.",
            "The operator said it would add a second boat in August if the first one \
             was full on most nights.",
            "Islanders have asked for the late crossing for years, as the last day \
             boat leaves before most shops in town close.",
            "A return fare for a car and two adults will cost the same as on the \
             morning boat.",
        ]
        .join("\n");
        let doc = Document::new(&page);
        let (sample, mut pieces) = article_sample(&doc);
        assert!(sample.chars().count() >= LONG_TEXT_CHARS, "{sample}");
        assert!(sample.len() < 1000, "{sample}");
        let settled = detect_long(&sample, &mut pieces).expect("a language");
        let whole = whatlang::detect(&sample).expect("a language");
        assert_eq!(
            (settled.lang(), settled.confidence()),
            (whole.lang(), whole.confidence())
        );
        assert!(pieces.iter().any(|p| p.counts.is_some()), "{pieces:?}");
    }

    /// whatlang's answers as the crates.io release of 0.18.0 gives them (lang,
    /// script, confidence bits): the vendored copy's changes must not move
    /// any of them. Confidences below 1 exercise the distance arithmetic.
    #[test]
    fn whatlang_answers_are_upstreams() {
        let cases: [(&str, Lang, Script, u64); 8] = [
            (
                "The harbour authority said on Tuesday that the strike by dockworkers would \
                 delay shipments for at least a week, as talks with the unions stalled over pay \
                 and shift patterns.",
                Lang::Eng,
                Script::Latin,
                0x3ff0000000000000,
            ),
            (
                "Аэропорт откроет новый терминал в следующем году, сообщила пресс-служба. \
                 Строительство обошлось дороже, чем планировалось, из-за роста цен на материалы.",
                Lang::Rus,
                Script::Cyrillic,
                0x3fdecf6af8291fae,
            ),
            (
                "Share on Facebook",
                Lang::Eng,
                Script::Latin,
                0x3fcfdfa1133690f4,
            ),
            (
                "Hotel Central",
                Lang::Cat,
                Script::Latin,
                0x3f96033747ac852b,
            ),
            (
                "Follow us on Twitter for live updates from the stadium",
                Lang::Eng,
                Script::Latin,
                0x3febef4c62240fa1,
            ),
            (
                "La línia de tramvia s'allargarà fins al port l'any vinent, segons ha explicat \
                 l'ajuntament aquest dimarts.",
                Lang::Cat,
                Script::Latin,
                0x3ff0000000000000,
            ),
            (
                "Жыве Беларусь! Мы хочам жыць у свабоднай краіне, сказаў ён.",
                Lang::Bel,
                Script::Cyrillic,
                0x3ff0000000000000,
            ),
            (
                "ΟΔΥΣΣΕΥΣ και η Πηνελόπη",
                Lang::Ell,
                Script::Greek,
                0x3ff0000000000000,
            ),
        ];
        for (text, lang, script, bits) in cases {
            let info = whatlang::detect(text).expect("a detection");
            assert_eq!(
                (info.lang(), info.script(), info.confidence().to_bits()),
                (lang, script, bits),
                "{text}"
            );
        }
    }

    #[test]
    fn lines_without_a_lowercase_word_are_not_prose() {
        assert!(!has_lowercase_word(
            "Photograph: Karen Whitlow/Northern Ledger"
        ));
        assert!(!has_lowercase_word("Wednesday, 12 March 2025 | 08:14 GMT"));
        assert!(has_lowercase_word("Die Regierung will das Gesetz bringen"));
        // Caseless scripts count as lowercase.
        assert!(has_lowercase_word("وقال الوزير إن المحادثات ستستأنف"));
        assert_eq!(line_script("Plain ASCII line"), Some("Latn"));
        assert_eq!(line_script("12:45 — 2025"), None);
        assert_eq!(line_script("Министр заявил"), Some("Cyrl"));
    }

    #[test]
    fn a_german_paragraph_in_an_english_article_is_a_segment() {
        let text = "Talks on the border crossing resume\n\n\
            BERLIN (Reuters) - The two governments said on Monday that the talks on the new border \
            crossing would resume next week, and that both sides had agreed on the agenda for the meeting.\n\n\
            Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien \
            beschlossen, das den Ausbau von Wind- und Solaranlagen beschleunigen soll.\n\n\
            The minister added that the schedule had not been finalised and that more details would follow.\n\n\
            Officials from both countries have been working on the plans for the crossing since the spring, \
            when traffic at the old bridge reached its highest level in a decade and queues stretched for miles.";
        let lang = detect_article(&Document::new(text), None).expect("a language");
        assert_eq!(lang.article.code, "en");
        assert_eq!(lang.segments.len(), 1, "{:?}", lang.segments);
        assert_eq!(lang.segments[0].detection.code, "de");
        assert!(text[lang.segments[0].span.start..].starts_with("Die Bundesregierung"));
    }

    #[test]
    fn menu_lines_do_not_become_segments() {
        let text = "Startseite\nPolitik\nWirtschaft\nSport\nNewsletter\nLive Ticker\n\n\
            Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien \
            beschlossen, das den Ausbau von Wind- und Solaranlagen beschleunigen soll.\n\
            Share on Facebook\nFollow us on Twitter";
        let lang = detect_article(&Document::new(text), None).expect("a language");
        assert_eq!(lang.article.code, "de");
        assert!(lang.segments.is_empty(), "{:?}", lang.segments);
    }
}
