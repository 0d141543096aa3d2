//! People, organisations and places named in the article body.
//!
//! Runs of capitalised words (with inner "of", "de", "von" …) are cut into
//! names: gazetteer forms first (longest match, so "New York" beats "York"),
//! then titles ("President", "Minister", "Mr") that announce a person, then
//! what is left is classified by its own words — an organisation suffix or
//! prefix ("… Corp", "Ministry of …"), an acronym, a given name, a title
//! before it, a speech verb after it. Mentions merge to one canonical name:
//! gazetteer aliases to their entry, a surname to the full name met in the
//! same article, an acronym in brackets to the name before it.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use super::lexicon::{self, EntityKind, FIRST_NAMES, GAZETTEER, ORG_WORDS, TITLES};
use super::{SpanWords, Tag, TagKind};
use crate::enrich::Span;
use crate::enrich::text::words;
use crate::enrich::text::{is_lower, is_own_lowercase, is_upper, push_lowercase, with_lowercase};

/// Inner words that join the capitalised parts of one name.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "van", "von", "der",
    "den", "al", "bin", "ibn", "&",
];
/// Capitalised words that are never a name by themselves.
const ACRONYM_STOP: &[&str] = &[
    "GMT", "UTC", "CET", "EST", "EDT", "PST", "BST", "AM", "PM", "TV", "OK", "CEO", "CFO", "COO",
    "PR", "ID", "PDF", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "NEW", "THE",
    "AND", "FOR", "NOT", "SMS", "FAQ", "URL", "USD", "EUR", "GBP", "JPY", "RUB", "UAH", "CHF",
    "CNY", "GDP", "VAT", "Q1", "Q2", "Q3", "Q4", "H1", "H2",
];
/// Speech verbs after a name that make it a person's ("Halyna Moroz said").
const SPEECH_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "explained",
    "warned",
    "sagte",
    "sagt",
    "erklärte",
    "dijo",
    "afirmó",
    "declaró",
    "disse",
    "afirmou",
    "ha detto",
    "dichiarato",
    "a déclaré",
    "a dit",
    "explique",
    "заявил",
    "заявила",
    "сказал",
    "сказала",
    "отметил",
    "отметила",
    "заявив",
    "заявила",
    "сказав",
    "сказала",
    "зазначив",
];
/// Entities reported at most.
const MAX_ENTITIES: usize = 25;
/// Mention weight decays with the paragraph index by this much per paragraph.
const POSITION_DECAY: f32 = 0.12;

/// Gazetteer forms as token sequences (joined by a space) → entity index.
static FORM_TOKENS: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    GAZETTEER
        .forms
        .iter()
        .map(|(form, &i)| {
            let key = words(form)
                .into_iter()
                .map(|(_, w)| w)
                .collect::<Vec<_>>()
                .join(" ");
            (key, i)
        })
        .filter(|(k, _)| !k.is_empty())
        .collect()
});

/// The same forms in upper case, for names in all-caps datelines and
/// headlines ("SEVILLA", "EUROPA PRESS"); only forms of 4 letters or more.
static UPPER_FORM_TOKENS: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    for (key, &i) in FORM_TOKENS.iter() {
        if key.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            out.entry(key.to_uppercase()).or_insert(i);
        }
    }
    out
});

/// The gazetteer entity of a LOCATION written as `form` (as in text, or in
/// capitals as in a dateline).
pub(crate) fn place_entity(form: &str) -> Option<usize> {
    let key = words(form)
        .into_iter()
        .map(|(_, w)| w)
        .collect::<Vec<_>>()
        .join(" ");
    FORM_TOKENS
        .get(&key)
        .or_else(|| UPPER_FORM_TOKENS.get(&key))
        .copied()
        .filter(|&i| GAZETTEER.entities[i].kind == EntityKind::Location)
}

/// Builds the token indexes now.
pub(crate) fn warm_up() {
    LazyLock::force(&FORM_TOKENS);
    LazyLock::force(&UPPER_FORM_TOKENS);
}

/// One mention of a name.
#[derive(Debug, Clone)]
struct Mention {
    kind: Option<EntityKind>,
    /// Gazetteer entity, if the form is listed.
    entity: Option<usize>,
    /// The name as written (tokens joined by single spaces).
    name: String,
    span: Span,
    weight: f32,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(is_upper)
}

fn is_acronym(w: &str) -> bool {
    // One pass that gives up at the first char too many or not a capital,
    // digit or "&": most capitalised words fail by their second char.
    let (mut chars, mut letters) = (0usize, 0usize);
    for c in w.chars() {
        chars += 1;
        if chars > 5 || !(is_upper(c) || c.is_ascii_digit() || c == '&') {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    chars >= 2 && letters >= 2 && !ACRONYM_STOP.contains(&w)
}

/// A line that is mostly upper case (a wire headline, a table) has no usable
/// capitalisation.
///
/// Read sixteen ASCII bytes at a time, and only until the answer is known:
/// the rest of the line holds at most as many chars as bytes, so once the
/// lower case leads by that many the upper case cannot catch up (a line of
/// prose is settled a little past its middle).
fn mostly_upper(text: &str) -> bool {
    const BLOCK: usize = 16;
    let bytes = text.as_bytes();
    let (mut upper, mut lower) = (0usize, 0usize);
    let mut i = 0usize;
    while i < bytes.len() {
        if lower >= upper + (bytes.len() - i) {
            return false;
        }
        if let Some(block) = bytes[i..].first_chunk::<BLOCK>()
            && block.is_ascii()
        {
            // A block of known length, counted with no branch a byte: the
            // compiler vectorises it.
            upper += block.iter().filter(|b| b.is_ascii_uppercase()).count();
            lower += block.iter().filter(|b| b.is_ascii_lowercase()).count();
            i += BLOCK;
            continue;
        }
        // The tail, or a block with other chars: its ASCII bytes read as
        // bytes, the other chars decoded, to the block's end (or the end of
        // the char that crosses it).
        let end = (i + BLOCK).min(bytes.len());
        while i < end {
            let b = bytes[i];
            if b < 0x80 {
                upper += usize::from(b.is_ascii_uppercase());
                lower += usize::from(b.is_ascii_lowercase());
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if is_upper(c) {
                upper += 1;
            } else if is_lower(c) {
                lower += 1;
            }
        }
    }
    upper > lower
}

/// The article's entities from `lines` (body line spans, in order, with the
/// paragraph index each belongs to), whose words are `words`. `lowercase`,
/// when given, is `text` lowercased in step with it
/// ([`Document::lowercase`](crate::enrich::Document::lowercase)): the
/// words' lowercase are slices of it.
pub(crate) fn extract(
    text: &str,
    lowercase: Option<&str>,
    lines: &[(Span, usize)],
    words: &SpanWords<'_>,
    lang: &str,
) -> Vec<Tag> {
    let stop = lexicon::stopwords(lang);
    let english = lexicon::stopwords("en");
    // Words the article also writes in lower case are common words when they
    // open a sentence capitalised.
    // Most are written in lower case already: those are borrowed, not copied.
    // Sized once, to the words' count: grown from empty it was rehashed word
    // by word eight times or so.
    let mut lower_words: HashSet<Cow<'_, str>> = HashSet::with_capacity(words.word_count());
    let mut lower = String::new();
    for (i, &(span, _)) in lines.iter().enumerate() {
        let lower_line = lowercase.map(|l| span.text(l));
        for &(at, w) in words.get(i) {
            if is_cap(w) {
                continue;
            }
            if let Some(l) = lower_line {
                lower_words.insert(Cow::Borrowed(&l[at..at + w.len()]));
                continue;
            }
            // A word that is its own lowercase (most words of a page in
            // any script) is borrowed: no lowercase copy, no String.
            if w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                || is_own_lowercase(w)
            {
                lower_words.insert(Cow::Borrowed(w));
                continue;
            }
            lower.clear();
            push_lowercase(&mut lower, w);
            if !lower_words.contains(lower.as_str()) {
                lower_words.insert(Cow::Owned(lower.clone()));
            }
        }
    }
    let mut mentions = Vec::new();
    let key = RefCell::new(String::new());
    for (i, &(span, paragraph)) in lines.iter().enumerate() {
        let line = span.text(text);
        if mostly_upper(line) {
            continue;
        }
        let weight = 1.0 / (1.0 + POSITION_DECAY * paragraph as f32)
            + if paragraph == 0 { 0.5 } else { 0.0 };
        let ctx = LineCtx {
            line,
            lower_line: lowercase.map(|l| span.text(l)),
            words: words.get(i),
            base: span.start,
            stop,
            english,
            lower_words: &lower_words,
            weight,
            key: &key,
        };
        ctx.scan(&mut mentions);
    }
    merge(text, mentions)
}

struct LineCtx<'a> {
    line: &'a str,
    /// The line lowercased in step with it, when the document has it.
    lower_line: Option<&'a str>,
    /// The line's words (offsets in `line`).
    words: &'a [(usize, &'a str)],
    base: usize,
    stop: &'a HashSet<&'static str>,
    english: &'a HashSet<&'static str>,
    lower_words: &'a HashSet<Cow<'a, str>>,
    weight: f32,
    /// Scratch space for lookup keys, reused across the line's runs.
    key: &'a RefCell<String>,
}

/// A token of a line: offset in the line, the word, and whether it opens a
/// sentence.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    at: usize,
    w: &'a str,
    initial: bool,
}

impl Tok<'_> {
    fn end(&self) -> usize {
        self.at + self.w.len()
    }
}

impl<'a> LineCtx<'a> {
    /// Calls `f` with the lowercase of `t`: a slice of the line's lowercase
    /// when there is one.
    fn with_lower<R>(&self, t: &Tok<'_>, f: impl FnOnce(&str) -> R) -> R {
        match self.lower_line {
            Some(l) => f(&l[t.at..t.end()]),
            None => with_lowercase(t.w, f),
        }
    }

    /// Appends the lowercase of `t` to `out`.
    fn push_lower(&self, out: &mut String, t: &Tok<'_>) {
        match self.lower_line {
            Some(l) => out.push_str(&l[t.at..t.end()]),
            None => push_lowercase(out, t.w),
        }
    }

    fn scan(&self, out: &mut Vec<Mention>) {
        let mut toks: Vec<Tok<'a>> = Vec::with_capacity(self.words.len());
        let mut prev_end = 0usize;
        for &(at, w) in self.words {
            let gap = &self.line[prev_end..at];
            // Most words follow one space, which opens no sentence: the
            // gap is searched for the eleven marks only when it is not.
            let initial = toks.is_empty()
                || (gap != " "
                    && gap.contains(['.', '!', '?', ':', '"', '“', '«', '„', '—', '-', '(']));
            toks.push(Tok { at, w, initial });
            prev_end = at + w.len();
        }
        let mut i = 0usize;
        while i < toks.len() {
            if !is_cap(toks[i].w) {
                i += 1;
                continue;
            }
            // A capitalised run: only whitespace between its words.
            let mut j = i + 1;
            while j < toks.len() {
                let gap = &self.line[toks[j - 1].end()..toks[j].at];
                if !gap.chars().all(char::is_whitespace) {
                    break;
                }
                if is_cap(toks[j].w) {
                    j += 1;
                } else if CONNECTORS.contains(&toks[j].w)
                    && j + 1 < toks.len()
                    && is_cap(toks[j + 1].w)
                    && self.line[toks[j].end()..toks[j + 1].at]
                        .chars()
                        .all(char::is_whitespace)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let title_before = self.title_before(&toks, i);
            self.segment(&toks[i..j], title_before, out);
            i = j;
        }
    }

    /// Whether a title (one or two lowercase words) ends right before token `i`.
    fn title_before(&self, toks: &[Tok<'_>], i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if self.with_lower(&toks[i - 1], |one| TITLES.contains(one)) {
            return true;
        }
        if i < 2 {
            return false;
        }
        let mut key = self.key.borrow_mut();
        key.clear();
        self.push_lower(&mut key, &toks[i - 2]);
        key.push(' ');
        self.push_lower(&mut key, &toks[i - 1]);
        TITLES.contains(key.as_str())
    }

    /// The gazetteer entry matching most tokens at the start of `run`.
    fn gazetteer_at(&self, run: &[Tok<'_>]) -> Option<(usize, usize)> {
        let max = GAZETTEER.max_words.min(run.len());
        // The key of the first `max` tokens; that of the first `n` is a
        // prefix of it.
        let mut key = self.key.borrow_mut();
        key.clear();
        for (k, t) in run[..max].iter().enumerate() {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(t.w);
        }
        (1..=max).rev().find_map(|n| {
            let end = run[..n].iter().map(|t| t.w.len()).sum::<usize>() + n - 1;
            let key = &key[..end];
            FORM_TOKENS.get(key).map(|&e| (e, n)).or_else(|| {
                let upper = key.chars().all(|c| !c.is_lowercase());
                upper
                    .then(|| UPPER_FORM_TOKENS.get(key))
                    .flatten()
                    .map(|&e| (e, n))
            })
        })
    }

    fn title_at(&self, run: &[Tok<'_>]) -> usize {
        if run.len() >= 2 {
            let mut key = self.key.borrow_mut();
            key.clear();
            self.push_lower(&mut key, &run[0]);
            key.push(' ');
            self.push_lower(&mut key, &run[1]);
            if TITLES.contains(key.as_str()) {
                return 2;
            }
        }
        usize::from(self.with_lower(&run[0], |w| TITLES.contains(w)))
    }

    /// Cuts a capitalised run into names.
    fn segment(&self, run: &[Tok<'_>], mut title: bool, out: &mut Vec<Mention>) {
        let mut pending: Vec<Tok<'_>> = Vec::new();
        let mut k = 0usize;
        while k < run.len() {
            if let Some((entity, n)) = self.gazetteer_at(&run[k..]) {
                let e = &GAZETTEER.entities[entity];
                let suffix_follows = run
                    .get(k + n)
                    .is_some_and(|t| ORG_WORDS.suffixes.contains(t.w) && t.w != "United");
                let pending_is_name =
                    !pending.is_empty() && (pending.len() != 1 || !self.is_common(&pending[0]));
                if e.kind == EntityKind::Location && (pending_is_name || suffix_follows) {
                    // "Michael Jordan", "Japan Airlines": part of a longer name.
                    pending.extend_from_slice(&run[k..k + n]);
                    k += n;
                    continue;
                }
                self.flush(&pending, title, out);
                pending.clear();
                title = false;
                let (first, last) = (run[k], run[k + n - 1]);
                out.push(Mention {
                    kind: Some(e.kind),
                    entity: Some(entity),
                    name: e.name.to_owned(),
                    span: Span::new(self.base + first.at, self.base + last.end()),
                    weight: self.weight,
                });
                k += n;
                continue;
            }
            let t = self.title_at(&run[k..]);
            if t > 0 {
                self.flush(&pending, title, out);
                pending.clear();
                title = true;
                k += t;
                continue;
            }
            pending.push(run[k]);
            k += 1;
        }
        self.flush(&pending, title, out);
    }

    fn is_common(&self, t: &Tok<'_>) -> bool {
        self.with_lower(t, |lower| {
            self.stop.contains(lower)
                // An English page's own list is the English one: not asked twice.
                || (!std::ptr::eq(self.stop, self.english) && self.english.contains(lower))
                || (t.initial
                    && !FIRST_NAMES.contains(t.w)
                    && (self.lower_words.contains(lower)
                        || crate::enrich::topics::is_lexicon_word(lower)))
        })
    }

    /// Classifies what is left of a run between gazetteer names and titles.
    fn flush(&self, pending: &[Tok<'_>], title: bool, out: &mut Vec<Mention>) {
        let mut toks = pending;
        while let Some(first) = toks.first() {
            // "Shares of Acme Corp": a sentence's first word joined by "of".
            let joined_head = first.initial
                && !ORG_WORDS.prefixes.contains(first.w)
                && toks.get(1).is_some_and(|t| CONNECTORS.contains(&t.w));
            if self.is_common(first) || CONNECTORS.contains(&first.w) || joined_head {
                toks = &toks[1..];
            } else {
                break;
            }
        }
        while let Some(last) = toks.last() {
            if CONNECTORS.contains(&last.w) || self.with_lower(last, |w| self.stop.contains(w)) {
                toks = &toks[..toks.len() - 1];
            } else {
                break;
            }
        }
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return;
        };
        let n = toks.len();
        let caps = toks.iter().filter(|t| is_cap(t.w)).count();
        let speech_after = speech_follows(&self.line[last.end()..]);
        // "Ministry of Transport" by its first word; "Acme Corp" by its last,
        // but not across a connector ("Angaben der Gewerkschaft": German
        // capitalises the nouns of a phrase).
        let has_connector = toks.iter().any(|t| CONNECTORS.contains(&t.w));
        let org_words = n >= 2
            && (ORG_WORDS.prefixes.contains(first.w)
                || (ORG_WORDS.suffixes.contains(last.w) && !has_connector));
        let titled = (title || speech_after)
            && (1..=4).contains(&n)
            && caps == n
            && toks.iter().all(|t| !is_acronym(t.w));
        let given_name = (2..=4).contains(&n)
            && caps == n
            && FIRST_NAMES.contains(first.w)
            && !is_acronym(last.w);
        let kind = if org_words || (n == 1 && is_acronym(first.w)) {
            Some(EntityKind::Organization)
        } else if titled || given_name {
            Some(EntityKind::Person)
        } else if n == 1 && !first.initial {
            // Resolved later against the article's full names; else dropped.
            None
        } else {
            self.split_unclassified(toks, out);
            return;
        };
        let name = toks.iter().map(|t| t.w).collect::<Vec<_>>().join(" ");
        if name.chars().count() < 2 {
            return;
        }
        out.push(Mention {
            kind,
            entity: None,
            name,
            span: Span::new(self.base + first.at, self.base + last.end()),
            weight: self.weight,
        });
    }
}

impl LineCtx<'_> {
    /// A run no rule classifies as a whole (German capitalises every noun:
    /// "Gewerkschaft GDL", "Lokführer Rüdiger Albrecht"): its acronyms are
    /// organisations, and a given name inside starts a person's name.
    fn split_unclassified(&self, toks: &[Tok<'_>], out: &mut Vec<Mention>) {
        if toks.len() < 2 {
            return;
        }
        let person_from = (1..toks.len())
            .find(|&p| FIRST_NAMES.contains(toks[p].w) && (2..=3).contains(&(toks.len() - p)));
        let head = person_from.map_or(toks, |p| &toks[..p]);
        for t in head.iter().filter(|t| is_acronym(t.w)) {
            out.push(Mention {
                kind: Some(EntityKind::Organization),
                entity: None,
                name: t.w.to_owned(),
                span: Span::new(self.base + t.at, self.base + t.end()),
                weight: self.weight,
            });
        }
        if let Some(p) = person_from {
            let (first, last) = (toks[p], toks[toks.len() - 1]);
            out.push(Mention {
                kind: Some(EntityKind::Person),
                entity: None,
                name: toks[p..].iter().map(|t| t.w).collect::<Vec<_>>().join(" "),
                span: Span::new(self.base + first.at, self.base + last.end()),
                weight: self.weight,
            });
        }
    }
}

/// Whether `rest` (the line after a name) starts with a speech verb.
fn speech_follows(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ', '\u{a0}']);
    // The lowercase of the head starts with the lowercase of its first char
    // (capital sigma's either form is no verb's first letter): most names
    // are followed by a word no verb starts like, and are not lowercased.
    let Some(first) = rest.chars().next().and_then(|c| c.to_lowercase().next()) else {
        return false;
    };
    // Verbs are told apart by their first byte before any longer compare
    // (a call of memcmp each): most share none with the word after a name.
    let mut buf = [0u8; 4];
    let first = first.encode_utf8(&mut buf).as_bytes();
    let opens = |v: &[u8], with: &[u8]| v.first() == with.first() && v.starts_with(with);
    if !SPEECH_AFTER.iter().any(|v| opens(v.as_bytes(), first)) {
        return false;
    }
    let mut end = rest.len().min(24);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    with_lowercase(&rest[..end], |head| {
        SPEECH_AFTER.iter().any(|v| {
            opens(head.as_bytes(), v.as_bytes())
                && !head[v.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
    })
}

/// The largest char boundary of `s` at or before `i`.
fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One merged entity.
struct Merged {
    name: String,
    kind: EntityKind,
    country: Option<String>,
    first: Span,
    count: u32,
    score: f32,
}

/// Merges mentions into entities and scores them.
fn merge(text: &str, mentions: Vec<Mention>) -> Vec<Tag> {
    // Full person names by their last word, for surnames met alone.
    let mut surnames: HashMap<String, String> = HashMap::new();
    for m in &mentions {
        if m.kind == Some(EntityKind::Person) {
            let parts: Vec<&str> = m.name.split(' ').collect();
            if parts.len() >= 2
                && let Some(last) = parts.last()
            {
                surnames
                    .entry((*last).to_owned())
                    .or_insert_with(|| m.name.clone());
            }
        }
    }
    // Acronyms written in brackets after a name: "Black Sea Shipping Council (BSSC)".
    let mut acronyms: HashMap<String, (String, EntityKind)> = HashMap::new();
    for m in &mentions {
        let Some(kind) = m.kind else { continue };
        let rest = text.get(m.span.end..).unwrap_or("");
        let rest = &rest[..floor(rest, 12)];
        if let Some(inner) = rest.strip_prefix(" (").and_then(|r| r.split(')').next())
            && is_acronym(inner)
            && m.name.split(' ').count() >= 2
        {
            acronyms.insert(inner.to_owned(), (m.name.clone(), kind));
        }
    }
    let mut merged: Vec<Merged> = Vec::new();
    let mut index: HashMap<(String, EntityKind), usize> = HashMap::new();
    for m in mentions {
        let (name, kind, country) = if let Some(e) = m.entity.map(|i| &GAZETTEER.entities[i]) {
            (e.name.to_owned(), e.kind, e.country.map(str::to_owned))
        } else if let Some((full, kind)) = acronyms.get(&m.name) {
            (full.clone(), *kind, None)
        } else if let Some(full) = (m.name.split(' ').count() == 1)
            .then(|| surnames.get(&m.name))
            .flatten()
        {
            (full.clone(), EntityKind::Person, None)
        } else if let Some(kind) = m.kind {
            (m.name.clone(), kind, None)
        } else {
            continue;
        };
        let key = (name.clone(), kind);
        let i = *index.entry(key).or_insert_with(|| {
            merged.push(Merged {
                name,
                kind,
                country,
                first: m.span,
                count: 0,
                score: 0.0,
            });
            merged.len() - 1
        });
        merged[i].count += 1;
        merged[i].score += m.weight;
    }
    // A one-word person or organisation that is the last word of a longer
    // one of the same kind is that one ("Calafat" → "Dorin Calafat").
    let total: f32 = merged.iter().map(|m| m.score).sum();
    let mut tags: Vec<Tag> = merged
        .into_iter()
        .map(|m| Tag {
            name: m.name,
            kind: match m.kind {
                EntityKind::Person => TagKind::Person,
                EntityKind::Organization => TagKind::Organization,
                EntityKind::Location => TagKind::Location,
            },
            salience: if total > 0.0 { m.score / total } else { 0.0 },
            mention_count: m.count,
            first_mention: Some(m.first),
            country_code: m.country,
        })
        .collect();
    tags.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then(a.first_mention.cmp(&b.first_mention))
    });
    tags.truncate(MAX_ENTITIES);
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<(String, TagKind, u32)> {
        let lines: Vec<(Span, usize)> = vec![(Span::new(0, text.len()), 0)];
        let words = SpanWords::of_text(text, lines.iter().map(|&(s, _)| s));
        let found = extract(text, None, &lines, &words, "en");
        // The words' lowercase sliced from the document's find the same.
        let doc = crate::enrich::Document::new(text);
        if let Some(lowercase) = doc.lowercase() {
            let sliced = extract(text, Some(lowercase), &lines, &words, "en");
            assert_eq!(sliced, found, "{text:?}");
        }
        found
            .into_iter()
            .map(|t| (t.name, t.kind, t.mention_count))
            .collect()
    }

    fn has(list: &[(String, TagKind, u32)], name: &str, kind: TagKind) -> bool {
        list.iter().any(|(n, k, _)| n == name && *k == kind)
    }

    #[test]
    fn acronyms_by_their_definition() {
        let definition = |w: &str| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            (2..=5).contains(&w.chars().count())
                && letters >= 2
                && w.chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
                && !ACRONYM_STOP.contains(&w)
        };
        let alphabet = ['A', 'b', '7', '&', 'Ж', 'é', 'É'];
        crate::enrich::text::for_every_string(&alphabet, 0..=6, |w| {
            assert_eq!(is_acronym(w), definition(w), "{w:?}");
        });
        for w in ["NATO", "GMT", "AT&T", "Q1", "BSSC", "UNESCO"] {
            assert_eq!(is_acronym(w), definition(w), "{w}");
        }
    }

    /// Blocks of ASCII and the early answer change no answer: every short
    /// string of cased, caseless and non-ASCII chars, after ASCII prose and
    /// capitals of every length around a block's.
    #[test]
    fn mostly_upper_by_its_definition() {
        let definition = |text: &str| {
            let upper = text.chars().filter(|&c| is_upper(c)).count();
            let lower = text
                .chars()
                .filter(|&c| !is_upper(c) && is_lower(c))
                .count();
            upper > lower
        };
        let alphabet = ['a', 'B', ' ', 'É', 'ж', 'Ж', '1'];
        let heads = ["the port reopened on monday, ", "NATO AND THE EU SAID "];
        let mut seen = [0usize; 2];
        for n in 0..=36 {
            for head in heads {
                let head: String = head.chars().cycle().take(n).collect();
                crate::enrich::text::for_every_string(&alphabet, 0..=4, |tail| {
                    for text in [format!("{head}{tail}"), format!("{tail}{head}")] {
                        let found = mostly_upper(&text);
                        assert_eq!(found, definition(&text), "{text:?}");
                        seen[usize::from(found)] += 1;
                    }
                });
            }
        }
        assert!(seen[0] > 0 && seen[1] > 0, "{seen:?}");
    }

    /// The first-letter test before lowercasing changes no answer.
    #[test]
    fn speech_after_a_name_by_its_definition() {
        let definition = |rest: &str| {
            let rest = rest.trim_start_matches([',', ' ', '\u{a0}']);
            let end = floor(rest, 24);
            let head = rest[..end].to_lowercase();
            SPEECH_AFTER.iter().any(|v| {
                head.strip_prefix(v)
                    .is_some_and(|after| !after.chars().next().is_some_and(char::is_alphanumeric))
            })
        };
        for rest in [
            "",
            ", ",
            " said on Monday",
            ", SAID the minister",
            " Said",
            " saidx",
            " says.",
            " told reporters",
            " of the city",
            " and others",
            " ha detto che",
            " a déclaré",
            " a dit",
            " ЗАЯВИЛ журналистам",
            " заявила,",
            " Сказав",
            " зазначив",
            " Σ said",
            " İs said",
            "\u{a0}explained why",
            " erklärte am Montag",
            " dijo que",
            " sai",
            " sagten",
            " a décl",
            " с ними",
            " сказ",
            " заявилась",
            " ha",
        ] {
            assert_eq!(speech_follows(rest), definition(rest), "{rest:?}");
        }
    }

    #[test]
    fn aliases_merge_to_one_place() {
        let e = entities(
            "The US said on Monday that U.S. troops would stay. The United States has 500 there.",
        );
        let us: Vec<_> = e.iter().filter(|(n, _, _)| n == "United States").collect();
        assert_eq!(us.len(), 1, "{e:?}");
        assert_eq!(us[0].2, 3);
    }

    #[test]
    fn surname_merges_with_gazetteer_person() {
        let e = entities(
            "Russian President Vladimir Putin met officials. Putin said the talks went well.",
        );
        assert!(
            e.iter()
                .any(|(n, k, c)| n == "Vladimir Putin" && *k == TagKind::Person && *c == 2),
            "{e:?}"
        );
        assert!(has(&e, "Russia", TagKind::Location), "{e:?}");
    }

    #[test]
    fn unknown_names_by_context() {
        let e = entities(
            "Ukraine signed a deal with Navrom Delta Logistics, said chief executive Dorin Calafat. \
             Later Calafat added that the Black Sea Shipping Council (BSSC) agreed, and the BSSC was pleased.",
        );
        assert!(
            has(&e, "Navrom Delta Logistics", TagKind::Organization),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|(n, k, c)| n == "Dorin Calafat" && *k == TagKind::Person && *c == 2),
            "{e:?}"
        );
        assert!(
            // The full name, the acronym in brackets and the acronym alone.
            e.iter().any(|(n, k, c)| n == "Black Sea Shipping Council"
                && *k == TagKind::Organization
                && *c == 3),
            "{e:?}"
        );
        assert!(has(&e, "Ukraine", TagKind::Location), "{e:?}");
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let e = entities(
            "However the plan failed. Shipping brokers were cautious and shipping costs rose.",
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn a_place_inside_a_longer_name_is_not_a_place() {
        let e = entities(
            "The match was won by Michael Jordan in Chicago, and Japan Airlines flew the team.",
        );
        assert!(has(&e, "Michael Jordan", TagKind::Person), "{e:?}");
        assert!(!has(&e, "Jordan", TagKind::Location), "{e:?}");
        assert!(has(&e, "Japan Airlines", TagKind::Organization), "{e:?}");
        assert!(e.iter().any(|(n, _, _)| n == "Chicago"));
    }
}
