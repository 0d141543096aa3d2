//! The article text as attribution reads it: paragraphs of tokens, quotations
//! (paired marks of every style, across paragraphs) and sentences that never
//! break inside a quotation.

use std::borrow::Cow;

use super::lexicon::{Lexicon, Tag};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word (letters, digits, inner apostrophes, hyphens and dots).
    Word,
    /// Punctuation.
    Punct,
    /// An opening quotation mark.
    Open,
    /// A closing quotation mark.
    Close,
}

/// Families of quotation marks: a quotation closes with a mark of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// “ ” „ " `` ''
    Double,
    /// ‘ ’ ‚
    Single,
    /// « »
    Guillemet,
    /// ‹ ›
    SingleGuillemet,
    /// 「 」 『 』
    Corner,
}

/// One token with absolute byte offsets.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    /// First byte.
    pub(crate) start: usize,
    /// One past the last byte.
    pub(crate) end: usize,
    /// What it is.
    pub(crate) kind: Kind,
    /// Lowercased text: a slice of the article where it is already in lower
    /// case (most words, every punctuation mark), so only capitalised words
    /// own a String.
    pub(crate) lower: Cow<'a, str>,
    /// Whether it starts with an uppercase letter.
    pub(crate) upper: bool,
    /// A word's tags in the lexicon ([`Lexicon::tags_of`] of `lower`), read
    /// once here rather than at each of the many questions asked of the
    /// word; 0 for any other token.
    pub(crate) tags: u64,
    /// The family of a quotation mark.
    pub(crate) family: Option<Family>,
    /// The quotation this token is inside of (marks included), as an index
    /// into [`Text::quotes`].
    pub(crate) quote: Option<usize>,
}

impl Tok<'_> {
    /// Whether the token is the punctuation `c`.
    pub(crate) fn is(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.lower == c
    }

    /// Whether the token is a comma-like clause boundary (comma, dash).
    pub(crate) fn is_comma_like(&self) -> bool {
        self.kind == Kind::Punct && matches!(&*self.lower, "," | "—" | "–" | "--" | "-")
    }

    /// Whether the token is a word.
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// A quotation: from its opening mark to its closing mark (or the end of the
/// paragraph where it was left open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    /// Byte offset of the opening mark.
    pub(crate) start: usize,
    /// Byte offset one past the closing mark.
    pub(crate) end: usize,
    /// (paragraph, token) of the opening mark.
    pub(crate) open: (usize, usize),
    /// (paragraph, token) of the closing mark, or of the last token when unclosed.
    pub(crate) close: (usize, usize),
}

/// One paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Para<'a> {
    /// The tokens.
    pub(crate) toks: Vec<Tok<'a>>,
    /// Sentences as token ranges.
    pub(crate) sents: Vec<(usize, usize)>,
    /// Whether the paragraph is written in title case (a headline or
    /// heading), where capitalised words can still be cue words.
    pub(crate) title: bool,
}

/// The tokenised article text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Text<'a> {
    /// The paragraphs in order.
    pub(crate) paras: Vec<Para<'a>>,
    /// The quotations in order.
    pub(crate) quotes: Vec<Quote>,
}

/// The longest paragraph read, in bytes: longer runs are cut (linear cost,
/// bounded look-around).
const MAX_PARA: usize = 20_000;

/// The most tokens in one sentence: longer runs (tables, lists without
/// full stops) are cut.
const MAX_SENTENCE: usize = 300;

impl<'a> Text<'a> {
    /// Tokenises the paragraphs `ranges` (byte ranges of `text`).
    /// `lowercase`, when given, is `text` lowercased in step with it
    /// ([`Document::lowercase`](crate::enrich::Document::lowercase)): the
    /// words' lowercase are slices of it, not lowercased one by one.
    pub(crate) fn new(
        text: &'a str,
        lowercase: Option<&'a str>,
        ranges: &[(usize, usize)],
        lex: &Lexicon,
    ) -> Text<'a> {
        let mut paras: Vec<Para<'a>> = ranges
            .iter()
            .map(|&(start, end)| {
                let mut end = end.min(start + MAX_PARA);
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                Para {
                    toks: tokenize(text, lowercase, start, end, lex),
                    title: is_title_case(&text[start..end]),
                    sents: Vec::new(),
                }
            })
            .collect();
        let quotes = pair_quotes(&mut paras);
        for para in &mut paras {
            para.sents = sentences(&para.toks, lex);
        }
        Text { paras, quotes }
    }
}

/// Whether a line is written in title case ("Senator Says Vote Will Go
/// Ahead"): four in five of its words of four letters or more capitalised,
/// and three such words or more.
///
/// One pass over the line (ASCII bytes without decoding): a word's letters
/// run from its first letter to its last, and only their count and first
/// char are needed, so nothing is trimmed or counted twice. The pass stops
/// once the answer can only be no: every paragraph of an article is asked,
/// and in running text the lowercase words soon outnumber all the
/// capitalised ones the rest of the line has room for.
pub(crate) fn is_title_case(line: &str) -> bool {
    let (mut long, mut capitalised) = (0usize, 0usize);
    // Of the current word: its first letter, the chars from that letter on,
    // and that count at its last letter so far.
    let mut first: Option<char> = None;
    let (mut since_first, mut to_last) = (0usize, 0usize);
    // Ends the current word, `rest` bytes before the line's end; true when
    // the line can no longer be title case. Each capitalised long word still
    // to come raises `5 * capitalised - 4 * long` by one, and needs five bytes
    // of the rest (four letters and a space; the last one four), so at most
    // `(rest + 1) / 5` of them can make up the shortfall.
    let mut end_word = |first: &mut Option<char>, to_last: usize, rest: usize| {
        if let Some(c) = first.take()
            && to_last >= 4
        {
            long += 1;
            if c.is_uppercase() {
                capitalised += 1;
            } else {
                return 4 * long > 5 * capitalised + (rest + 1) / 5;
            }
        }
        false
    };
    let bytes = line.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            // ASCII, most of a page: whitespace as `char::is_whitespace`
            // has it, letters as `is_alpha`, no char built.
            if matches!(b, b' ' | b'\t'..=b'\r') {
                if end_word(&mut first, to_last, bytes.len() - i) {
                    return false;
                }
                continue;
            }
            if first.is_some() {
                since_first += 1;
            }
            if b.is_ascii_alphabetic() {
                if first.is_none() {
                    first = Some(char::from(b));
                    since_first = 1;
                }
                to_last = since_first;
            }
            continue;
        }
        let Some(c) = crate::enrich::text::char_at(line, i) else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            if end_word(&mut first, to_last, bytes.len() - i) {
                return false;
            }
            continue;
        }
        if first.is_some() {
            since_first += 1;
        }
        if crate::enrich::text::is_alpha(c) {
            if first.is_none() {
                first = Some(c);
                since_first = 1;
            }
            to_last = since_first;
        }
    }
    end_word(&mut first, to_last, 0);
    long >= 3 && capitalised * 5 >= long * 4
}

fn is_open_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c))
}

fn is_close_context(next: Option<char>) -> bool {
    next.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–-…".contains(c))
}

/// The char at byte `i` of `s` (a char boundary), `None` at the end, as
/// [`crate::enrich::text::char_at`] reads it.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    crate::enrich::text::char_at(s, i)
}

/// The char that ends at byte `i` of `s` (a char boundary), `None` at the
/// start.
#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).map(|k| s.as_bytes()[k]) {
        Some(b) if b < 0x80 => Some(char::from(b)),
        Some(_) => s[..i].chars().next_back(),
        None => None,
    }
}

/// Splits `text[start..end]` into tokens.
///
/// A byte loop: runs of ASCII letters and digits, most of any page, are
/// taken a byte at a time without decoding; other chars are decoded where
/// they are read, with no per-paragraph char buffer.
fn tokenize<'a>(
    text: &'a str,
    lowercase: Option<&'a str>,
    start: usize,
    end: usize,
    lex: &Lexicon,
) -> Vec<Tok<'a>> {
    let slice = &text[start..end];
    let lower_slice = lowercase.map(|l| &l[start..end]);
    let bytes = slice.as_bytes();
    let mut toks = Vec::with_capacity(bytes.len() / 5 + 1);
    let at = |k: usize| char_at(slice, k);
    let mut i = 0;
    while let Some(c) = at(i) {
        let width = c.len_utf8();
        if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{00ad}') {
            i += width;
            continue;
        }
        if crate::enrich::text::is_alnum(c) {
            let s = i;
            // The char before `i`, for the comma between digits.
            let mut last = c;
            i += width;
            loop {
                match bytes.get(i) {
                    Some(&b) if b.is_ascii_alphanumeric() => {
                        last = char::from(b);
                        i += 1;
                        continue;
                    }
                    None => break,
                    Some(_) => {}
                }
                let Some(c) = at(i) else { break };
                let width = c.len_utf8();
                let joins = (matches!(c, '\'' | '’' | '-' | '.' | '&' | '‐')
                    && at(i + width).is_some_and(crate::enrich::text::is_alnum))
                    // "the nurses' union": a plain apostrophe after a plural
                    // is its possessive (alone, it is never a quotation mark).
                    || (c == '\''
                        && matches!(last, 's' | 'S')
                        && at(i + 1).is_none_or(char::is_whitespace))
                    // "18,000", "3,5": a comma between digits is part of the
                    // number; "24/7", "3/4": a slash between digits names one
                    // thing, and a source phrase goes on over it ("a 24/7
                    // courier").
                    || (matches!(c, ',' | '/')
                        && last.is_ascii_digit()
                        && at(i + 1).is_some_and(|n| n.is_ascii_digit()));
                if crate::enrich::text::is_alnum(c) || joins || c == '\u{00ad}' {
                    last = c;
                    i += width;
                } else {
                    break;
                }
            }
            // The word is a slice of the text, and its lowercase a slice of
            // the document's lowercase, or of the text when the word is
            // already in lower case.
            let word = &slice[s..i];
            let mut lower = match lower_slice {
                Some(l) => Cow::Borrowed(&l[s..i]),
                None if crate::enrich::text::is_own_lowercase(word) => Cow::Borrowed(word),
                None => {
                    let mut lower = String::with_capacity(word.len() + 1);
                    crate::enrich::text::push_lowercase(&mut lower, word);
                    Cow::Owned(lower)
                }
            };
            if bytes.get(i) == Some(&b'.') {
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                let initial = letters == 1
                    && word.chars().all(char::is_alphabetic)
                    && word.chars().all(char::is_uppercase);
                // "U.S." and "a.m." keep their full stop; "Example.com." ends a sentence.
                let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
                if initial || dotted || lex.is(&lower, Tag::Abbr) {
                    i += 1;
                    match &mut lower {
                        // The full stop follows the word in the text.
                        Cow::Borrowed(_) => {
                            lower = Cow::Borrowed(&lower_slice.unwrap_or(slice)[s..i])
                        }
                        Cow::Owned(owned) => owned.push('.'),
                    }
                }
            }
            let upper = word.chars().next().is_some_and(char::is_uppercase);
            toks.push(Tok {
                start: start + s,
                end: start + i,
                kind: Kind::Word,
                tags: lex.tags_of(&lower),
                lower,
                upper,
                family: None,
                quote: None,
            });
            continue;
        }
        let prev = char_before(slice, i);
        // `` and '' as quotation marks. Three apostrophes after a word close
        // an inner quotation and then the outer one ('Hey, he's one of us''').
        let triple_close = c == '\''
            && bytes.get(i + 1) == Some(&b'\'')
            && bytes.get(i + 2) == Some(&b'\'')
            && prev.is_some_and(|p| !p.is_whitespace());
        let doubled =
            (c == '`' || c == '\'') && bytes.get(i + 1) == Some(&(c as u8)) && !triple_close;
        // "said in ’08", "the ‘90s": the apostrophe of a two-digit year is no
        // quotation mark (paired, it would swallow sentences).
        let year_elision = matches!(c, '‘' | '’')
            && is_open_context(prev)
            && bytes
                .get(i + width..i + width + 2)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && !bytes.get(i + width + 2).is_some_and(u8::is_ascii_digit);
        let mark = match c {
            '“' | '”' | '"' | '„' => Some((Family::Double, c)),
            '`' | '\'' if doubled => Some((Family::Double, c)),
            '‘' | '’' | '‚' if !year_elision => Some((Family::Single, c)),
            '«' | '»' => Some((Family::Guillemet, c)),
            '‹' | '›' => Some((Family::SingleGuillemet, c)),
            '「' | '」' | '『' | '』' => Some((Family::Corner, c)),
            _ => None,
        };
        // A doubled mark is two ASCII bytes.
        let width = if doubled { 2 } else { width };
        let next = at(i + width);
        if let Some((family, c)) = mark {
            let open_ctx = is_open_context(prev)
                && next.is_some_and(|n| n.is_alphanumeric() || "¿¡([«„“‘\"'…".contains(n));
            // A mark right after an opening bracket opens ("(« Nous … »)").
            let close_ctx = prev.is_some_and(|p| !p.is_whitespace() && !"([{".contains(p))
                && is_close_context(next);
            let kind = if open_ctx && !close_ctx {
                Kind::Open
            } else if close_ctx && !open_ctx {
                Kind::Close
            } else {
                match c {
                    '“' | '„' | '‚' | '‘' | '「' | '『' | '`' => Kind::Open,
                    '«' | '‹' => Kind::Open,
                    _ => Kind::Close,
                }
            };
            toks.push(Tok {
                start: start + i,
                end: start + i + width,
                kind,
                lower: Cow::Borrowed(""),
                upper: false,
                tags: 0,
                family: Some(family),
                quote: None,
            });
            i += width;
            continue;
        }
        // Punctuation: runs of dots or hyphens are one token.
        let s = i;
        i += width;
        if matches!(c, '.' | '-') {
            while bytes.get(i) == Some(&(c as u8)) {
                i += 1;
            }
        }
        toks.push(Tok {
            start: start + s,
            end: start + i,
            kind: Kind::Punct,
            lower: Cow::Borrowed(&slice[s..i]),
            upper: false,
            tags: 0,
            family: None,
            quote: None,
        });
    }
    toks
}

/// Pairs quotation marks across `paras`, marks every token inside a
/// quotation, and returns the quotations. A quotation left open at the end of
/// a paragraph continues when the next paragraph opens with a mark of the
/// same family (the convention for quotes over several paragraphs); otherwise
/// it ends with its paragraph.
fn pair_quotes(paras: &mut [Para<'_>]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut p = 0;
    let mut t = 0;
    while p < paras.len() {
        if t >= paras[p].toks.len() {
            p += 1;
            t = 0;
            continue;
        }
        let tok = &paras[p].toks[t];
        let (Kind::Open, Some(family)) = (tok.kind, tok.family) else {
            t += 1;
            continue;
        };
        // Find the close.
        let open = (p, t);
        let mut cp = p;
        let mut ct = t + 1;
        let close = loop {
            if ct >= paras[cp].toks.len() {
                let continues = paras
                    .get(cp + 1)
                    .and_then(|next| next.toks.first())
                    .is_some_and(|f| f.kind == Kind::Open && f.family == Some(family))
                    && cp + 1 - p < 20;
                if continues {
                    cp += 1;
                    ct = 1;
                    continue;
                }
                break (cp, paras[cp].toks.len().saturating_sub(1));
            }
            let x = &paras[cp].toks[ct];
            if x.kind == Kind::Close && x.family == Some(family) {
                break (cp, ct);
            }
            // A same-family opener right after a sentence end in the same
            // paragraph means the previous quote was never closed.
            ct += 1;
        };
        let index = quotes.len();
        let start = paras[open.0].toks[open.1].start;
        let end = paras[close.0].toks.get(close.1).map_or(start, |x| x.end);
        for (pi, para) in paras.iter_mut().enumerate().take(close.0 + 1).skip(open.0) {
            let from = if pi == open.0 { open.1 } else { 0 };
            let to = if pi == close.0 {
                close.1 + 1
            } else {
                para.toks.len()
            };
            let to = to.min(para.toks.len());
            for tok in &mut para.toks[from..to] {
                tok.quote = Some(index);
            }
        }
        quotes.push(Quote {
            start,
            end,
            open,
            close,
        });
        p = close.0;
        t = close.1 + 1;
    }
    quotes
}

/// Splits a paragraph's tokens into sentences: after `.`, `!`, `?` or `…`
/// (and the closing marks and brackets that follow), outside quotations,
/// before a capitalised word, a digit or an opening mark.
fn sentences(toks: &[Tok<'_>], lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        // Bounded sentences keep every later look-around linear.
        if i - start >= MAX_SENTENCE {
            out.push((start, i));
            start = i;
        }
        let t = &toks[i];
        let ends = t.kind == Kind::Punct && matches!(&*t.lower, "." | "!" | "?" | "…" | "...");
        // "… after 7 p.m. He says …", "… in the U.S. They …": a dotted
        // abbreviation keeps its full stop, which still ends the sentence
        // when a capitalised pronoun, determiner or conjunction follows.
        if !ends
            && t.is_word()
            && t.quote.is_none()
            && t.lower.ends_with('.')
            && t.lower.matches('.').count() >= 2
            && toks.get(i + 1).is_some_and(|n| {
                (n.kind == Kind::Open && toks.get(i + 2).is_some_and(|w| w.is_word() && w.upper))
                    || (n.is_word()
                        && n.upper
                        && n.quote.is_none()
                        && [Tag::Pron, Tag::PronM, Tag::PronF, Tag::Det, Tag::Conj]
                            .iter()
                            .any(|&tag| lex.is(&n.lower, tag)))
            })
        {
            out.push((start, i + 1));
            start = i + 1;
            i += 1;
            continue;
        }
        if !ends {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && (toks[j].kind == Kind::Close || toks[j].is(")")) {
            j += 1;
        }
        let outside = j == toks.len()
            || toks[j].quote.is_none()
            || toks[j].quote != toks[j - 1].quote
            || toks[j - 1].quote.is_none();
        let next_ok = toks.get(j).is_none_or(|n| {
            n.kind == Kind::Open
                || n.upper
                || n.lower.starts_with(|c: char| c.is_ascii_digit())
                || n.is("—")
                || n.is("―")
                // "… the crowd booed. (“No fisticuffs,” one activist said.)"
                || (n.is("(")
                    && toks
                        .get(j + 1)
                        .is_some_and(|x| x.kind == Kind::Open || x.upper))
        });
        // "“Can we win?” Mr. Manafort asked.": a quotation that opens its
        // sentence and ends with its own mark is followed by its
        // attribution; one opened mid-sentence ("said the probe is
        // “ongoing.” He said …") ends the sentence with it.
        let attribution_follows = j > i + 1
            && toks[j - 1].kind == Kind::Close
            && (j..toks.len().min(j + 5))
                .take_while(|&x| toks[x].is_word())
                .any(|x| {
                    lex.cue_at(&[&*toks[x].lower])
                        .is_some_and(|(_, t)| matches!(t, Tag::Say | Tag::Tell))
                })
            && toks[j - 1].quote.is_some_and(|q| {
                toks[start..j]
                    .iter()
                    .position(|t| t.quote == Some(q))
                    .is_some_and(|o| toks[start..start + o].iter().all(|t| !t.is_word()))
            });
        if outside
            && next_ok
            && !attribution_follows
            && (toks[i].quote.is_none() || j > i + 1 || j == toks.len())
        {
            out.push((start, j));
            start = j;
        }
        i = j;
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::for_language;
    use super::*;

    fn text(s: &str) -> Text<'_> {
        let ranges: Vec<(usize, usize)> = s
            .split("\n\n")
            .scan(0, |pos, p| {
                let r = (*pos, *pos + p.len());
                *pos += p.len() + 2;
                Some(r)
            })
            .collect();
        Text::new(s, None, &ranges, for_language("en"))
    }

    /// The tokenizer as first written (a char buffer per paragraph, looked
    /// up by char index), kept as the reference the byte loop must reproduce.
    fn reference_tokenize<'a>(
        text: &'a str,
        start: usize,
        end: usize,
        lex: &Lexicon,
        chars: &mut Vec<(usize, char)>,
    ) -> Vec<Tok<'a>> {
        let slice = &text[start..end];
        chars.clear();
        chars.extend(slice.char_indices());
        let chars = &*chars;
        let mut toks = Vec::new();
        let mut i = 0;
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let off = |k: usize| start + chars.get(k).map_or(slice.len(), |&(o, _)| o);
        while i < chars.len() {
            let c = chars[i].1;
            if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{00ad}') {
                i += 1;
                continue;
            }
            if crate::enrich::text::is_alnum(c) {
                let s = i;
                i += 1;
                while let Some(c) = at(i) {
                    let joins = (matches!(c, '\'' | '’' | '-' | '.' | '&' | '‐')
                        && at(i + 1).is_some_and(crate::enrich::text::is_alnum))
                        || (c == '\''
                            && at(i - 1).is_some_and(|p| matches!(p, 's' | 'S'))
                            && at(i + 1).is_none_or(char::is_whitespace))
                        // "18,000", "3,5": a comma between digits is part of the number.
                        || (c == ','
                            && at(i - 1).is_some_and(|p| p.is_ascii_digit())
                            && at(i + 1).is_some_and(|n| n.is_ascii_digit()));
                    if crate::enrich::text::is_alnum(c) || joins || c == '\u{00ad}' {
                        i += 1;
                    } else {
                        break;
                    }
                }
                // The word is a slice of the text, and so is its lowercase when
                // the word is already in lower case.
                let word = &text[off(s)..off(i)];
                let mut lower = if crate::enrich::text::is_own_lowercase(word) {
                    Cow::Borrowed(word)
                } else {
                    let mut lower = String::with_capacity(word.len() + 1);
                    crate::enrich::text::push_lowercase(&mut lower, word);
                    Cow::Owned(lower)
                };
                if at(i) == Some('.') {
                    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                    let initial = letters == 1
                        && word.chars().all(char::is_alphabetic)
                        && word.chars().all(char::is_uppercase);
                    // "U.S." and "a.m." keep their full stop; "Example.com." ends a sentence.
                    let dotted =
                        word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
                    if initial || dotted || lex.is(&lower, Tag::Abbr) {
                        i += 1;
                        match &mut lower {
                            // The full stop follows the word in the text.
                            Cow::Borrowed(_) => lower = Cow::Borrowed(&text[off(s)..off(i)]),
                            Cow::Owned(owned) => owned.push('.'),
                        }
                    }
                }
                let upper = word.chars().next().is_some_and(char::is_uppercase);
                toks.push(Tok {
                    start: off(s),
                    end: off(i),
                    kind: Kind::Word,
                    tags: lex.tags_of(&lower),
                    lower,
                    upper,
                    family: None,
                    quote: None,
                });
                continue;
            }
            let prev = i.checked_sub(1).and_then(at);
            // `` and '' as quotation marks.
            let triple_close = c == '\''
                && at(i + 1) == Some('\'')
                && at(i + 2) == Some('\'')
                && prev.is_some_and(|p| !p.is_whitespace());
            let doubled = (c == '`' || c == '\'') && at(i + 1) == Some(c) && !triple_close;
            let year_elision = matches!(c, '‘' | '’')
                && is_open_context(prev)
                && at(i + 1).is_some_and(|d| d.is_ascii_digit())
                && at(i + 2).is_some_and(|d| d.is_ascii_digit())
                && !at(i + 3).is_some_and(|d| d.is_ascii_digit());
            let mark = match c {
                '“' | '”' | '"' | '„' => Some((Family::Double, c)),
                '`' | '\'' if doubled => Some((Family::Double, c)),
                '‘' | '’' | '‚' if !year_elision => Some((Family::Single, c)),
                '«' | '»' => Some((Family::Guillemet, c)),
                '‹' | '›' => Some((Family::SingleGuillemet, c)),
                '「' | '」' | '『' | '』' => Some((Family::Corner, c)),
                _ => None,
            };
            let width = if doubled { 2 } else { 1 };
            let next = at(i + width);
            if let Some((family, c)) = mark {
                let open_ctx = is_open_context(prev)
                    && next.is_some_and(|n| n.is_alphanumeric() || "¿¡([«„“‘\"'…".contains(n));
                let close_ctx = prev.is_some_and(|p| !p.is_whitespace() && !"([{".contains(p))
                    && is_close_context(next);
                let kind = if open_ctx && !close_ctx {
                    Kind::Open
                } else if close_ctx && !open_ctx {
                    Kind::Close
                } else {
                    match c {
                        '“' | '„' | '‚' | '‘' | '「' | '『' | '`' => Kind::Open,
                        '«' | '‹' => Kind::Open,
                        _ => Kind::Close,
                    }
                };
                toks.push(Tok {
                    start: off(i),
                    end: off(i + width),
                    kind,
                    lower: Cow::Borrowed(""),
                    upper: false,
                    tags: 0,
                    family: Some(family),
                    quote: None,
                });
                i += width;
                continue;
            }
            // Punctuation: runs of dots or hyphens are one token.
            let s = i;
            i += 1;
            if matches!(c, '.' | '-') {
                while at(i) == Some(c) {
                    i += 1;
                }
            }
            toks.push(Tok {
                start: off(s),
                end: off(i),
                kind: Kind::Punct,
                lower: Cow::Borrowed(&text[off(s)..off(i)]),
                upper: false,
                tags: 0,
                family: None,
                quote: None,
            });
        }
        toks
    }

    /// What the pipeline reads of a token, and whether its lowercase is
    /// borrowed from the text.
    type Key = (usize, usize, Kind, String, bool, bool, u64, Option<Family>);

    fn keys(toks: &[Tok<'_>]) -> Vec<Key> {
        toks.iter()
            .map(|t| {
                let borrowed = matches!(t.lower, Cow::Borrowed(_));
                (
                    t.start,
                    t.end,
                    t.kind,
                    t.lower.to_string(),
                    borrowed,
                    t.upper,
                    t.tags,
                    t.family,
                )
            })
            .collect()
    }

    fn same_as_reference(
        text: &str,
        from: usize,
        to: usize,
        lex: &Lexicon,
        chars: &mut Vec<(usize, char)>,
    ) {
        let own = keys(&tokenize(text, None, from, to, lex));
        assert_eq!(
            own,
            keys(&reference_tokenize(text, from, to, lex, chars)),
            "{text:?} {from}..{to}"
        );
        // Sliced from the document's lowercase, every lowercase is borrowed
        // and the same as the word's own.
        let doc = crate::enrich::Document::new(text);
        if let Some(lowercase) = doc.lowercase() {
            let all_borrowed = |keys: Vec<Key>| -> Vec<Key> {
                keys.into_iter()
                    .map(|mut k| {
                        k.4 = true;
                        k
                    })
                    .collect()
            };
            assert_eq!(
                keys(&tokenize(text, Some(lowercase), from, to, lex)),
                all_borrowed(own),
                "{text:?} {from}..{to}"
            );
        }
    }

    #[test]
    fn byte_loop_tokenizes_like_the_reference() {
        let mut chars = Vec::new();
        for lang in ["en", "fr", "de", "es", "ru"] {
            let lex = for_language(lang);
            for text in [
                "Mr. Trump’s aide said the U.S. would act at 9 a.m. on Example.com... It’s done -- really?",
                "“We’re not going,” said Dr. J. Smith, 54, of AT&T. ``Fine,'' he said. 'No' 18,000 3,5 1,a",
                "« Nous n’irons pas », a déclaré M. Dupont à l’AFP. ‹ Non › — c’est‐à‐dire…",
                "„Wir gehen nicht“, sagte Frau Dr. Müller. »Nein«, sagte er. ‚Ja‘ z.B. usw.",
                "«Мы не пойдём», — заявил г. Иванов. ΣΟΦΙΑ Σοφίας είπε «όχι».",
                "「行かない」と彼は言った。『はい』 新华社北京10月3日电 ١٧ أكتوبر ٢٠١٩ قال",
                "soft\u{ad}hyphen zero\u{200b}width \u{feff}bom co\u{ad}\u{ad}op ‐x x‐ 'a' ''b'' `` ``",
                "¿Vamos? —dijo el Sr. García—. ¡No! (“Sí”) [«no»] {‘x’} /“y”/ :\"z\"",
            ] {
                same_as_reference(text, 0, text.len(), lex, &mut chars);
            }
        }
        // Every mix of these chars up to length 4, from two start offsets to
        // two end offsets: letters of either case, digits, joiners, quotation
        // marks of several families, spaces and invisible chars, ASCII or not.
        let lex = for_language("en");
        let alphabet = [
            'a', 'Z', '7', '.', ',', '\'', '`', '’', '-', '‐', '&', '"', '“', '«', '»', '(', ' ',
            '\u{a0}', '\u{ad}', '\u{200b}', 'É', 'ж', '語', 'Σ',
        ];
        crate::enrich::text::for_every_string(&alphabet, 1..=4, |text| {
            let inner = text.char_indices().nth(1).map_or(0, |(i, _)| i);
            let last = text.char_indices().last().map_or(0, |(i, _)| i);
            for from in [0, inner] {
                for to in [text.len(), last.max(from)] {
                    same_as_reference(text, from, to, lex, &mut chars);
                }
            }
        });
        // Longer strings over the chars the word loop looks around.
        let alphabet = ['a', '1', '.', ',', '\'', '’', '-', ' ', 'é'];
        crate::enrich::text::for_every_string(&alphabet, 5..=6, |text| {
            same_as_reference(text, 0, text.len(), lex, &mut chars);
        });
    }

    #[test]
    fn abbreviations_and_apostrophes_stay_in_words() {
        let t = text("Mr. Trump’s aide said the U.S. would act. It’s done.");
        let words: Vec<&str> = t.paras[0].toks.iter().map(|t| &*t.lower).collect();
        assert_eq!(&words[..4], ["mr.", "trump’s", "aide", "said"]);
        assert!(words.contains(&"u.s."));
        assert_eq!(t.paras[0].sents.len(), 2);
    }

    #[test]
    fn quotes_pair_by_family_and_run_over_paragraphs() {
        let s = "“One. Two,” she said. “Three.\n\n“Four.”\n\nAfter.";
        let t = text(s);
        assert_eq!(t.quotes.len(), 2);
        assert_eq!(&s[t.quotes[0].start..t.quotes[0].end], "“One. Two,”");
        assert_eq!(&s[t.quotes[1].start..t.quotes[1].end], "“Three.\n\n“Four.”");
        // The sentence does not break inside the first quotation.
        assert_eq!(t.paras[0].sents.len(), 2);
    }

    #[test]
    fn two_digit_years_are_no_quotation_marks() {
        let s = "She said in ‘08 that the plan, drafted in ’06, failed. ‘It did.’";
        let t = text(s);
        assert_eq!(t.quotes.len(), 1);
        assert_eq!(&s[t.quotes[0].start..t.quotes[0].end], "‘It did.’");
    }

    /// The one-pass title-case test answers as its definition does: of the
    /// words (split at whitespace) with four letters or more once trimmed of
    /// non-letters, four in five capitalised, and three such words or more.
    #[test]
    fn one_pass_title_case_matches_its_definition() {
        let definition = |line: &str| {
            let (mut long, mut capitalised) = (0, 0);
            for word in line.split_whitespace() {
                let letters = word.trim_matches(|c: char| !crate::enrich::text::is_alpha(c));
                if letters.chars().count() < 4 {
                    continue;
                }
                long += 1;
                if letters.chars().next().is_some_and(char::is_uppercase) {
                    capitalised += 1;
                }
            }
            long >= 3 && capitalised * 5 >= long * 4
        };
        let alphabet = ['A', 'b', ' ', '-', '1', 'É', 'ж', '\u{a0}', '\u{b}', '"'];
        crate::enrich::text::for_every_string(&alphabet, 1..=5, |line| {
            assert_eq!(is_title_case(line), definition(line), "{line:?}");
        });
        for line in [
            "Mayor Says Pool Will Stay Shut Until June",
            "“Mayor” Says: Pool—Will Stay Shut (Until June)",
            "Мэр Говорит, Бассейн Будет Закрыт До Июня",
            "Der Bürgermeister sagt, das Bad bleibt geschlossen",
            "Abcd Efgh\u{3000}Ijkl mnop Qrst",
            "Ab1cd Ef-gh 'Ijkl' Mnop",
            // A lowercase word first, then just enough capitalised ones (or
            // one too few) to make it up: the pass must not stop early.
            "abcd Efgh Ijkl Mnop Qrst",
            "abcd Efgh Ijkl Mnop Qrs",
            "über Ärzte Östlich Übrig Ökonom",
            "the mayor says the pool will stay shut until the end of June",
        ] {
            assert_eq!(is_title_case(line), definition(line), "{line:?}");
        }
    }

    #[test]
    fn title_case_lines_and_sentence_ends_after_domains_and_mid_sentence_quotes() {
        assert!(is_title_case("Mayor Says Pool Will Stay Shut Until June"));
        assert!(!is_title_case("The mayor says the pool will stay shut"));
        assert!(!is_title_case("Short Line"));
        let t = text("It ran on Example.com. Then it spread.");
        assert_eq!(t.paras[0].sents.len(), 2);
        let t = text("He said the probe is “ongoing.” He said more.");
        assert_eq!(t.paras[0].sents.len(), 2);
        let t = text("“Can we win?” Mr. Manafort asked.");
        assert_eq!(t.paras[0].sents.len(), 1);
    }

    #[test]
    fn straight_and_guillemet_marks_take_their_side_from_context() {
        for s in [
            "He said \"no way\" today.",
            "Il a dit « non » hier.",
            "Er sagte »nein« gestern.",
            "Sie sagte „nein“ gestern.",
        ] {
            let t = text(s);
            assert_eq!(t.quotes.len(), 1, "{s}");
            let q = &t.quotes[0];
            assert!(s[q.start..q.end].contains("n"), "{s}");
        }
    }
}
