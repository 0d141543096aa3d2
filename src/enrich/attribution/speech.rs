//! Finding attributions in the tokenised article: a cue word from the
//! language's lexicon, the subject phrase it attributes to, and the content —
//! a quotation, the clause that follows the cue, or the words before it.
//!
//! One mechanism for every language; the lexicon says which words are cues
//! and which small words surround them.

use super::AttributionKind;
use super::lexicon::{self, CUE_START, Lexicon, Tag};
use super::speakers::strip_possessive;
use super::text::{Kind, Text, Tok};
use crate::enrich::Span;

/// A noun phrase of tokens in one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Np {
    /// The paragraph.
    pub(crate) para: usize,
    /// First token.
    pub(crate) start: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// An appositive describing it ("…, a spokesman for X, said").
    pub(crate) apposition: Option<(usize, usize)>,
    /// What a relative pronoun refers to ("Trump, who said").
    pub(crate) antecedent: Option<(usize, usize)>,
}

impl Np {
    /// A bare noun phrase over tokens `start..end` of paragraph `para`,
    /// with no apposition or antecedent.
    pub(crate) fn plain(para: usize, start: usize, end: usize) -> Self {
        Np {
            para,
            start,
            end,
            apposition: None,
            antecedent: None,
        }
    }
}

/// An attribution as found, before its source is resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// How the content is attributed.
    pub(crate) kind: AttributionKind,
    /// The source phrase.
    pub(crate) np: Option<Np>,
    /// The cue words.
    pub(crate) cue: Span,
    /// The content.
    pub(crate) content: Span,
    /// The outlet it was said through.
    pub(crate) outlet: Option<&'static str>,
    /// Confidence.
    pub(crate) confidence: f32,
    /// Whether attributions inside its content are reported by it alone
    /// (see [`drop_nested`]); a poll's finding leaves the answers it quotes.
    pub(crate) nests: bool,
}

/// The most tokens between a sentence's subject and the "to" of an
/// infinitive cue that takes it ("Trump would do better to say").
const MAX_TO_GAP: usize = 6;

/// The longest subject phrase read backwards from a cue, in words.
const MAX_NP: usize = 8;

/// The longest phrase read forwards after an inverted cue, in words: it must
/// still end at a comma or the sentence end, and descriptions with a middle
/// initial run longer ("said the former aide to President John W. Doe").
const MAX_NP_AFTER: usize = 12;

/// The most attributions read from one article (bounds the cost of pages
/// that are not articles).
const MAX_FOUND: usize = 5_000;

struct Sentence<'t> {
    toks: &'t [Tok<'t>],
    lex: &'t Lexicon,
    para: usize,
    /// First token.
    a: usize,
    /// One past the last token.
    b: usize,
    /// One past the last token that is not sentence-final punctuation.
    b_eff: usize,
    /// Whether the paragraph is in title case ("Senator Says …").
    title: bool,
    /// Whether the sentence is its paragraph's only one (a headline, a deck,
    /// a heading, or a one-sentence paragraph).
    lone: bool,
}

impl Sentence<'_> {
    fn is(&self, i: usize, tag: Tag) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.is_word() && t.tags & tag.bit() != 0)
    }

    fn is_aux(&self, i: usize) -> bool {
        self.is(i, Tag::Aux)
            || self
                .toks
                .get(i)
                .is_some_and(|t| t.is_word() && !t.upper && self.lex.aux_suffix(&t.lower))
    }

    fn is_pronoun(&self, i: usize) -> bool {
        self.is(i, Tag::Pron) || self.is(i, Tag::PronM) || self.is(i, Tag::PronF)
    }

    /// The cue starting at token `i`, if any: (one past its last token, tag).
    fn cue_at(&self, i: usize) -> Option<(usize, Tag)> {
        let t = &self.toks[i];
        // Most words start no cue: their tag set says so.
        if !t.is_word() || t.quote.is_some() || t.tags & CUE_START == 0 {
            return None;
        }
        // Up to four words on the stack: this is asked at every word.
        let mut words = [""; 4];
        let mut n = 0;
        for t in self.toks[i..self.b.min(i + 4)]
            .iter()
            .take_while(|t| t.is_word())
        {
            words[n] = t.lower.as_ref();
            n += 1;
        }
        let (len, tag) = self.lex.cue_at(&words[..n])?;
        if tag == Tag::NotCue {
            return None;
        }
        // A capitalised cue word mid-sentence is a name ("Read"); one after a
        // determiner is a noun ("the show"); a progressive form after a
        // degree adverb is an adjective ("the most pressing concern").
        let degree = i > self.a && self.is(i - 1, Tag::Degree) && self.lex.prog_suffix(&t.lower);
        if self.name_cased(i) || (i > self.a && self.is(i - 1, Tag::Det)) || degree {
            return None;
        }
        if tag == Tag::PrepPoll {
            self.poll_head(i + len)?;
        }
        Some((i + len, tag))
    }

    /// The poll word that heads the phrase starting at `i` ("the latest
    /// CNN/ORC poll"), looked for over a few words and the slashes and
    /// hyphens of pollster names, never past a clause boundary.
    fn poll_head(&self, i: usize) -> Option<usize> {
        const MAX_POLL_NP: usize = 10;
        (i..self.b_eff.min(i + MAX_POLL_NP))
            .take_while(|&x| {
                let t = &self.toks[x];
                let word = t.is_word()
                    && !self.is(x, Tag::Stop)
                    && !self.is(x, Tag::Adj)
                    && !self.is(x, Tag::Comp)
                    && !self.is(x, Tag::Conj)
                    && !self.is_cue_word(x);
                t.quote.is_none() && (word || t.is("/") || t.is("-") || t.is("&"))
            })
            .find(|&x| self.is(x, Tag::Poll))
    }

    /// Whether word `i` is capitalised where a sentence does not start: a
    /// name or title, not a cue ("Read said"). A colon opens a clause that
    /// may be capitalised ("…: According to the polls, …").
    fn name_cased(&self, i: usize) -> bool {
        self.toks[i].upper && i != self.a && !self.title && !(i > 0 && self.toks[i - 1].is(":"))
    }

    fn is_cue_word(&self, i: usize) -> bool {
        // A poll preposition ("in") is a cue only before a poll phrase. A
        // capitalised word mid-sentence is a name or title, as in
        // [`Self::cue_at`] ("Read said", "Public Advocate Ann Roe said").
        self.toks.get(i).is_some_and(|t| {
            t.is_word()
                && !self.name_cased(i)
                && self
                    .lex
                    .cue_at(&[t.lower.as_ref()])
                    .is_some_and(|(_, tag)| tag != Tag::PrepPoll)
        })
    }

    /// Words read backwards from `k` (exclusive) that make a subject phrase.
    fn words_back(&self, k: usize) -> Option<(usize, usize)> {
        let mut s = k;
        let mut n = 0;
        while s > self.a && n < MAX_NP {
            let i = s - 1;
            let t = &self.toks[i];
            // A parenthesis inside the phrase: "Rep. Zoe Lofgren (D-Calif.)".
            if t.is(")") && n == 0 {
                let open = (i.saturating_sub(24).max(self.a)..i)
                    .rev()
                    .find(|&x| self.toks[x].is("("));
                if let Some(o) = open {
                    s = o;
                    continue;
                }
            }
            if !t.is_word() || t.quote.is_some() {
                break;
            }
            if self.is_pronoun(i) || self.is(i, Tag::Rel) {
                if n == 0 {
                    s = i;
                } else if self.is(i, Tag::Rel) && i > self.a && self.toks[i - 1].is_word() {
                    // "Voters in Iowa who watched the debate said": the
                    // subject is the relative clause's antecedent with it.
                    if let Some((head, _)) = self.words_back(i) {
                        s = head;
                    }
                }
                break;
            }
            // "two people familiar with the matter", "a statement from the
            // ministry"; "people briefed on the plan", "officials in Ohio":
            // after an unnamed source's head, an adjunct preposition stays in
            // the phrase too.
            let link = (self.is(i, Tag::Link) || self.after_unnamed_head(i))
                && n > 0
                && n <= 4
                && i > self.a
                && self.toks[i - 1].is_word();
            let pair =
                n > 0 && self.role_pair(i) && (i - 1 == self.a || !self.toks[i - 2].is_word());
            if !link
                && !pair
                && (self.is(i, Tag::Stop) || self.is(i, Tag::Comp) || self.is_cue_word(i))
            {
                break;
            }
            // "On Monday the minister said": a time word before the
            // phrase's determiner is no part of it.
            if n > 0 && self.is(i, Tag::Time) && self.is(i + 1, Tag::Det) {
                break;
            }
            s = i;
            n += 1;
        }
        // A phrase made only of adjunct words ("on Monday") is no subject.
        (s < k).then_some((s, k))
    }

    /// Whether the words before the cue at `k` are one fronted adverbial and
    /// nothing else: a time phrase ("Gestern", "Am Montag") or a preposition
    /// with one noun ("Nach dem Sturm", "Im Interview"). Nothing in it can be
    /// the cue's subject.
    fn fronted_adverbial(&self, k: usize) -> bool {
        if k <= self.a || k - self.a > 3 {
            return false;
        }
        let words = &self.toks[self.a..k];
        if !words.iter().all(|t| t.is_word() && t.quote.is_none()) {
            return false;
        }
        if (self.a..k).all(|i| self.is(i, Tag::Time)) {
            return true;
        }
        let preposition = self.is(self.a, Tag::Adj) && !self.is(self.a, Tag::Det);
        match k - self.a {
            2 => preposition,
            3 => preposition && self.is(self.a + 1, Tag::Det),
            _ => false,
        }
    }

    /// Whether the words before the cue at `k` are one prepositional
    /// phrase of four to seven words ("Im Interview mit dem ZDF"): no
    /// comma, quotation or cue word inside.
    fn fronted_phrase(&self, k: usize) -> bool {
        const MAX_FRONTED: usize = 7;
        if k < self.a + 4 || k - self.a > MAX_FRONTED {
            return false;
        }
        self.is(self.a, Tag::Adj)
            && !self.is(self.a, Tag::Det)
            && !self.is(self.a, Tag::Time)
            && (self.a..k).all(|x| {
                let t = &self.toks[x];
                t.is_word() && t.quote.is_none() && !self.is_cue_word(x)
            })
    }

    /// Whether token `i` is an adjunct preposition ("on", "in") within two
    /// words after the head of an unnamed source ("people briefed on",
    /// "officials in").
    fn after_unnamed_head(&self, i: usize) -> bool {
        self.is(i, Tag::Adj)
            && (i.saturating_sub(2).max(self.a)..i).any(|x| self.is(x, Tag::Unnamed))
    }

    /// The subject phrase that ends right before token `k`.
    fn subject_before(&self, k: usize) -> Option<Np> {
        if k <= self.a {
            return None;
        }
        let j = k - 1;
        let t = &self.toks[j];
        let np = |start, end| Np::plain(self.para, start, end);
        // "Jane Roe — a former aide to the mayor — said": a pair of dashes
        // sets off an apposition after a named subject.
        if (t.is("—") || t.is("―") || t.is("–") || t.is("--")) && t.quote.is_none() {
            const MAX_DASH_APPOSITION: usize = 25;
            let low = (self.a + 1).max(j.saturating_sub(MAX_DASH_APPOSITION));
            let open = (low..j).rev().find(|&x| self.toks[x].lower == t.lower)?;
            let inside = &self.toks[open + 1..j];
            if inside.is_empty()
                || !inside
                    .iter()
                    .all(|x| x.quote.is_none() && (x.is_word() || x.is(",")))
            {
                return None;
            }
            let (s, e) = self.words_back(open)?;
            return self.toks[s..e].iter().any(|x| x.upper).then_some(Np {
                apposition: Some((open + 1, j)),
                ..np(s, e)
            });
        }
        if t.is(",") && t.quote.is_none() {
            // "Barnes, speaking at a town hall in Dayton, Ohio, warned": the
            // name that opens the sentence, then a comma, is the subject of
            // a cue that ends the run of commas.
            if let Some(subj) = self.sentence_subject(j)
                && subj.start == self.a
                && subj.end + 1 < j
                && j - subj.end <= 30
                && self.toks[subj.end].is(",")
                && self.toks[subj.start..subj.end].iter().any(|t| t.upper)
                && !self.toks[subj.end..j].iter().any(|t| t.quote.is_some())
            {
                return Some(Np {
                    apposition: Some((subj.end + 1, j)),
                    ..subj
                });
            }
            // "Okafor, who chaired the inquiry in May, reiterated": a
            // relative clause between commas; its antecedent is the subject.
            // A passive main verb ("…, was charged") keeps its old reading.
            if !self.is(j + 1, Tag::Be)
                && let Some(r) = self.relative_clause_before(j)
                && let Some((s, e)) = self.words_back(r - 1)
                && !self.is(s, Tag::Rel)
            {
                return Some(np(s, e));
            }
            // "Peter Cook, Carter's press secretary, said".
            let mut m = j;
            while m > self.a && j - m < 25 {
                m -= 1;
                let x = &self.toks[m];
                if x.is(",") {
                    break;
                }
                // "Ann Roe, R-Tex., said": the full stop of an abbreviation
                // the tokenizer left apart.
                let stop = x.is(".") && m > self.a && self.toks[m - 1].is_word();
                if !x.is_word() && !x.is("(") && !x.is(")") && !stop || x.quote.is_some() {
                    return None;
                }
            }
            // "Earlier this week, Todd pressed X, insisting": a clause, not an
            // apposition, when a cue word is inside.
            if !self.toks[m].is(",")
                || m + 1 >= j
                || (m + 1..j)
                    .any(|x| self.is_cue_word(x) && !(m + 1..x).any(|y| self.is(y, Tag::Rel)))
            {
                return None;
            }
            let (s, e) = self.words_back(m)?;
            // "On Sunday, the mayor hit back, writing": an opening adverbial
            // phrase; an opening conjunction is none ("And Jo Roe, a
            // delegate, said").
            if s > self.a
                && self.is(s - 1, Tag::Stop)
                && !self.is(s - 1, Tag::Conj)
                && (s - 1 == self.a || self.toks[s - 2].is_comma_like())
            {
                return None;
            }
            let named = |from: usize, to: usize| self.toks[from..to].iter().any(|t| t.upper);
            if named(s, e) {
                return Some(Np {
                    apposition: Some((m + 1, j)),
                    ..np(s, e)
                });
            }
            // "su presidente, Rafael Cordero, ha advertido": the name is the apposition.
            if named(m + 1, j) && self.toks[m + 1..j].iter().all(Tok::is_word) {
                return Some(Np {
                    apposition: Some((s, e)),
                    ..np(m + 1, j)
                });
            }
            return None;
        }
        let (s, e) = self.words_back(k)?;
        let mut out = np(s, e);
        if self.is(s, Tag::Rel) && s > self.a && self.toks[s - 1].is(",") {
            out.antecedent = self.words_back(s - 1);
        }
        Some(out)
    }

    /// A noun phrase that starts at `i` (after an inverted cue or "according to").
    fn np_after(&self, i: usize) -> Option<(usize, usize)> {
        self.np_after_with(i, true)
    }

    /// [`Self::np_after`], where `cue_words_end` says whether a cue word ends
    /// the phrase: after "according to" it does not ("according to reports
    /// in the press", "according to club reports").
    fn np_after_with(&self, i: usize, cue_words_end: bool) -> Option<(usize, usize)> {
        // "aseguró el lunes la ministra", "a assuré lundi le ministre": a
        // time phrase between the cue and the phrase is no part of it.
        let mut t = i;
        while t < self.b_eff
            && t - i < 3
            && (self.is(t, Tag::Time) || (self.is(t, Tag::Det) && self.is(t + 1, Tag::Time)))
        {
            t += 1;
        }
        let i = if t > i && t < self.b_eff && (self.is(t, Tag::Det) || self.toks[t].upper) {
            t
        } else {
            i
        };
        // "sagte er der Zeitung": a pronoun is the whole phrase.
        if i < self.b_eff && self.is_pronoun(i) && self.toks[i].quote.is_none() {
            return Some((i, i + 1));
        }
        let mut e = i;
        while e < self.b_eff && e - i < MAX_NP_AFTER {
            let t = &self.toks[e];
            if !t.is_word()
                || t.quote.is_some()
                || self.is(e, Tag::Comp)
                || (cue_words_end && self.is_cue_word(e))
            {
                break;
            }
            // "dijo la ministra el lunes", "disse à Lusa o vereador": a
            // determiner after the head noun opens another phrase when a
            // time word follows it or a preposition opened this one.
            if e > i
                && self.is(e, Tag::Det)
                && !self.is(e, Tag::Link)
                && !self.is(e - 1, Tag::Det)
                && !self.is(e - 1, Tag::Link)
                && !self.is(e - 1, Tag::Adj)
                && (self.is(e + 1, Tag::Time) || self.is(i, Tag::Adj))
            {
                break;
            }
            if e > i && self.is(e, Tag::Adj) && !self.is(e, Tag::Link) {
                break;
            }
            // "sagte Sprecherin Karin Doll der Zeitung": after a name (two
            // capitalised words), a determiner opens the addressee.
            if e >= i + 2
                && self.is(e, Tag::Det)
                && self.toks[e - 1].upper
                && self.toks[e - 2].upper
                && !self.is(e - 2, Tag::Det)
            {
                break;
            }
            if e > i && self.is(e, Tag::Stop) && !self.is(e, Tag::Link) && !self.role_pair(e) {
                break;
            }
            e += 1;
        }
        (e > i).then_some((i, e))
    }

    /// The subject that opens the sentence, before `limit`: a pronoun or a
    /// run of capitalised words (after an opening conjunction).
    fn sentence_subject(&self, limit: usize) -> Option<Np> {
        let mut i = self.a;
        // "At a rally in Iowa, Sanders …": skip an opening phrase.
        if self.is(i, Tag::Stop) || self.is(i, Tag::Adj) {
            if let Some(c) = (i..limit.min(i + 12)).find(|&x| self.toks[x].is(",")) {
                i = c + 1;
            }
        }
        // "On Tuesday Ann Roe …", "Still, Ann Roe …", "Now Ann Roe …": a
        // preposition with a time phrase and no comma, or an opening adverb,
        // is no part of the subject. When no subject follows ("Just over a
        // quarter, …, say"), the capitalised opening word stays the phrase,
        // as the frames need one.
        let past = self.past_opening_word(i, limit);
        if past > i
            && let Some(np) = self.subject_at(past, limit)
        {
            return Some(np);
        }
        self.subject_at(i, limit)
    }

    /// The token after an opening preposition with a time phrase ("On
    /// Tuesday") or an opening adverb and its comma ("Still,") at `i`, or `i`.
    fn past_opening_word(&self, i: usize, limit: usize) -> usize {
        if i != self.a || self.is(i, Tag::Conj) || self.is_pronoun(i) {
            return i;
        }
        if self.is_aux(i) {
            let next = if i + 1 < limit && self.toks[i + 1].is(",") {
                i + 2
            } else {
                i + 1
            };
            // "Even before Roe spoke …", "Now, with the vote over, …": an
            // opening clause or phrase follows, not the subject.
            return if self.opens_phrase(next) { i } else { next };
        }
        if self.is(i, Tag::Stop) || self.is(i, Tag::Adj) {
            let time = (i + 1..limit)
                .find(|&x| !self.is(x, Tag::Time))
                .unwrap_or(limit);
            if time > i + 1 {
                return time;
            }
        }
        i
    }

    /// Whether word `i` opens a phrase or clause ("before", "with", "if").
    fn opens_phrase(&self, i: usize) -> bool {
        [Tag::Stop, Tag::Adj, Tag::Sub, Tag::Conj]
            .iter()
            .any(|&tag| self.is(i, tag))
    }

    /// The subject phrase that starts at `i`, before `limit`: a pronoun or a
    /// run of capitalised words (after a conjunction), or a short
    /// common-noun phrase after a determiner.
    fn subject_at(&self, mut i: usize, limit: usize) -> Option<Np> {
        while i < limit && (self.is(i, Tag::Conj) || self.toks[i].is(",")) {
            i += 1;
        }
        let start = i;
        if self.is_pronoun(i) {
            i += 1;
        } else {
            // "The Court of Appeals …": a determiner opens the phrase.
            if i < limit && self.is(i, Tag::Det) {
                i += 1;
            }
            let named = i;
            while i < limit
                && self.toks[i].is_word()
                && (self.toks[i].upper || self.is(i, Tag::Title))
            {
                i += 1;
            }
            // "The company cut jobs and said": a short common-noun phrase.
            if i == named && i > start {
                while i < limit
                    && i - named < 3
                    && self.toks[i].is_word()
                    && self.toks[i].quote.is_none()
                    && !self.is(i, Tag::Stop)
                    && !self.is_aux(i)
                    && !self.is_cue_word(i)
                {
                    i += 1;
                }
                if i == named {
                    i = start;
                }
            }
        }
        (i > start).then_some(Np::plain(self.para, start, i))
    }

    /// The subject of the main clause that follows an opening participle
    /// clause starting before `i`: the phrase after the clause's comma, when
    /// a word (its verb) follows it.
    fn main_subject_after(&self, i: usize) -> Option<Np> {
        let c = self.clause_end(i);
        if c >= self.b_eff || !self.toks[c].is(",") {
            return None;
        }
        let n = c + 1;
        let t = self.toks.get(n)?;
        if self.is_pronoun(n) {
            return Some(Np::plain(self.para, n, n + 1));
        }
        if !(t.upper || self.is(n, Tag::Det)) || self.is(n, Tag::Stop) || self.is(n, Tag::Adj) {
            return None;
        }
        let (ns, ne) = self.np_after(n)?;
        (ne < self.b_eff && self.toks[ne].is_word() && self.toks[ne].quote.is_none())
            .then(|| Np::plain(self.para, ns, ne))
    }

    /// The relative pronoun that opens a clause ending at the comma `j`
    /// ("Okafor, who chaired the inquiry in May, said"), when a comma right
    /// before it sets the clause off and no other comma sits inside it.
    fn relative_clause_before(&self, j: usize) -> Option<usize> {
        const MAX_CLAUSE: usize = 40;
        let low = self.a.max(j.saturating_sub(MAX_CLAUSE));
        for i in (low + 1..j).rev() {
            let t = &self.toks[i];
            if t.quote.is_none() && (t.is(",") || t.is(";") || t.is(".")) {
                return None;
            }
            if self.is(i, Tag::Rel) && t.quote.is_none() {
                let before = &self.toks[i - 1];
                return (before.is(",") && before.quote.is_none() && i - 1 > self.a).then_some(i);
            }
        }
        None
    }

    /// The start of a time phrase that ends right before token `k` ("last
    /// week", "on Tuesday", "in 2001", "at the time"), or `k` when there is
    /// none. The phrase ends with a time word or a number, opens with a
    /// preposition, determiner or time word, and leaves a word before it for
    /// the subject.
    fn time_phrase_start(&self, k: usize) -> usize {
        const MAX_TIME: usize = 4;
        let timeish = |i: usize| {
            let t = &self.toks[i];
            t.is_word()
                && t.quote.is_none()
                && (self.is(i, Tag::Time)
                    // A year ("in 2001"), not a count ("4 in 10 say").
                    || (t.lower.len() == 4 && t.lower.bytes().all(|b| b.is_ascii_digit())))
        };
        if k <= self.a + 1 || !timeish(k - 1) {
            return k;
        }
        let mut s = k - 1;
        while s > self.a + 1
            && k - s < MAX_TIME
            && (timeish(s - 1) || self.is(s - 1, Tag::Adj) || self.is(s - 1, Tag::Det))
        {
            s -= 1;
        }
        // A bare year is no time phrase: it needs a word that marks it.
        if s + 1 == k && !self.is(s, Tag::Time) {
            return k;
        }
        // The word before must be able to end a subject.
        let before = &self.toks[s - 1];
        if !(before.is_word() || before.is(",") || before.is(")")) || before.quote.is_some() {
            return k;
        }
        s
    }

    /// Whether token `k` follows a comma or dash, also one inside a closing
    /// quotation (‘defended “city values,” saying …’).
    fn follows_comma(&self, k: usize) -> bool {
        k > self.a
            && (self.toks[k - 1].is_comma_like()
                || (k > self.a + 1
                    && self.toks[k - 1].kind == Kind::Close
                    && self.toks[k - 2].is(",")))
    }

    fn is_boundary(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_comma_like() || t.kind == Kind::Close
    }

    /// The end of the clause that starts at `i`: the next comma or semicolon
    /// outside quotations, or the end of the sentence.
    fn clause_end(&self, i: usize) -> usize {
        (i..self.b_eff)
            .find(|&x| {
                let t = &self.toks[x];
                t.quote.is_none() && (t.is(",") || t.is(";"))
            })
            .unwrap_or(self.b_eff)
    }

    /// Where content that starts at `r` ends: the end of the sentence, or
    /// before a semicolon, a comma that opens another attribution ("…,
    /// adding that", "…, but X said"), or "according to".
    fn content_end(&self, r: usize) -> usize {
        // "While X said that …, Y …": the content ends with the first clause.
        let sub_intro = self.is(self.a, Tag::Sub);
        let mut x = r;
        while x < self.b_eff {
            let t = &self.toks[x];
            // A comma inside a closing quotation ends the clause too:
            // "defended the “open city,” saying …".
            if t.kind == Kind::Close
                && x > r
                && self.toks[x - 1].is(",")
                && self.cue_at_checked(x + 1).is_some()
            {
                return x + 1;
            }
            if t.quote.is_none() {
                if t.is(";") || (sub_intro && t.is(",")) {
                    return x;
                }
                // "… and calls her …", "… when a doctor reported …".
                if x > r
                    && self.is(x, Tag::Conj)
                    && self.cue_in_clause_after(x)
                    && !self.shared_subject_verb(r, x)
                    && !self.second_that_clause(x)
                {
                    return x;
                }
                if t.is(",") || t.is("—") || t.is("–") {
                    let n = x + 1;
                    if self.cue_at_checked(n).is_some() {
                        return x;
                    }
                    // "…the winner, and it is clear that …": a coordinated
                    // clause is the writer's unless it goes on reporting
                    // ("…, and that …").
                    if x > r
                        && t.is(",")
                        && self.is(n, Tag::Conj)
                        && !self.is(n, Tag::Sub)
                        && !self.is(n + 1, Tag::Comp)
                        // "…, but “…”": a quotation after the conjunction
                        // is still the speaker's.
                        && !self.toks.get(n + 1).is_some_and(|t| t.kind == Kind::Open)
                        && !self.closes_list(r, x)
                    {
                        return x;
                    }
                    if self.is(n, Tag::Stop)
                        && (n + 1..self.b_eff.min(n + 7)).any(|y| self.cue_at_checked(y).is_some())
                    {
                        return x;
                    }
                }
            }
            x += 1;
        }
        self.b_eff
    }

    /// Whether the comma at `x`, in content that starts at `r`, is the serial
    /// comma of a list ("Oslo, Bergen, and Tromsø will …"): a comma comes
    /// before it, after the content's first word, with one to three words
    /// between the two. The conjunction after it joins the list's last item,
    /// not a clause of the writer's; a pronoun or a past form after the
    /// conjunction opens a clause ("sorry, Ann, but you …", "…, really, and
    /// were …"), and those commas set off a word, not a list.
    fn closes_list(&self, r: usize, x: usize) -> bool {
        let v = x + 2;
        if self.is_pronoun(v)
            || self
                .toks
                .get(v)
                .is_some_and(|t| t.is_word() && !t.upper && self.lex.past_suffix(&t.lower))
        {
            return false;
        }
        let mut words = 0;
        let mut y = x;
        while y > r + 1 {
            y -= 1;
            let t = &self.toks[y];
            if t.quote.is_none() && t.is(",") {
                return words > 0 && self.toks[y - 1].is_word();
            }
            if !t.is_word() || words == MAX_LIST_ITEM_WORDS {
                return false;
            }
            words += 1;
        }
        false
    }

    /// Whether a cue opens a new report within a few words after the
    /// conjunction at `x`, before any comma ("… and calls her …"): a cue
    /// past a comma is the comma's to judge ("described it as a gift,
    /// adding …"), and a stance verb after a subordinator ("… because the
    /// keeper feared …") gives a reason inside what was said.
    fn cue_in_clause_after(&self, x: usize) -> bool {
        let sub = self.is(x, Tag::Sub);
        (x + 1..self.b_eff.min(x + 6))
            .take_while(|&y| !self.toks[y].is_comma_like())
            .any(|y| match self.cue_at_checked(y) {
                Some((_, Tag::Pre)) => !sub,
                Some(_) => true,
                None => false,
            })
    }

    /// Whether the conjunction at `x` goes on with a second verb of the
    /// reported clause that starts at `r` ("said the dam had held and hoped
    /// for drier weeks"): the clause has its own subject (a complementiser
    /// or a pronoun opens it), and a verb of mind follows the conjunction
    /// with no subject of its own, so that verb shares the reported subject
    /// and is part of what was said. A verb of speech there ("… and called
    /// the strike damaging") is the main subject's second report.
    fn shared_subject_verb(&self, r: usize, x: usize) -> bool {
        let clause = self.is(r, Tag::Comp) || self.is_pronoun(r);
        let v = if self.is_aux(x + 1) { x + 2 } else { x + 1 };
        clause && self.is(v, Tag::Mind) && self.cue_at_checked(v).is_some()
    }

    /// Whether the conjunction at `x` opens a second reported clause with a
    /// complementiser of its own ("said the pier was safe and that she
    /// expected …", "sagte, dass … und dass sie …"): "that" after "and"
    /// hangs on the cue before it, so a cue inside the clause is part of
    /// what was said, not the writer's next report.
    fn second_that_clause(&self, x: usize) -> bool {
        !self.is(x, Tag::Sub) && self.is(x + 1, Tag::Comp) && self.toks[x + 1].quote.is_none()
    }

    /// Whether the conjunction at `x` joins two lowercase role words before
    /// a name ("lobbyist and strategist Ann Roe"): one description, not
    /// two clauses.
    fn role_pair(&self, x: usize) -> bool {
        let role = |y: usize| {
            self.toks.get(y).is_some_and(|t| {
                t.is_word() && !t.upper && t.quote.is_none() && !self.is(y, Tag::Stop)
            }) && !self.is(y, Tag::Det)
                && !self.is(y, Tag::Conj)
                && !self.is_pronoun(y)
                && !self.is_cue_word(y)
        };
        x > self.a
            && self.is(x, Tag::Conj)
            && !self.is(x, Tag::Sub)
            && role(x - 1)
            && role(x + 1)
            && (x + 2..self.b_eff.min(x + 4)).any(|y| self.toks[y].is_word() && self.toks[y].upper)
    }

    /// Where the object of a stance verb that starts at `r` ends ("criticised
    /// bankers, builders and landlords for …"): like [`Self::content_end`],
    /// but a comma outside quotations ends it unless a list or a short aside
    /// goes on after it ("anger, and even a little fear, about …"), a
    /// conjunction ends it before a second verb of the subject's
    /// ([`Self::second_verb`]), and so does a subordinate clause with a
    /// subject of its own ([`Self::adverbial_clause`]). A time phrase that
    /// closes a noun object ("endorsed the mayor last week") says when the
    /// stance was taken, not what it was about: the object ends before it.
    fn object_end(&self, r: usize, progressive: bool) -> usize {
        let end = self.content_end(r);
        let mut x = r;
        while x < end {
            let t = &self.toks[x];
            if t.quote.is_none() && t.is(",") && !self.list_goes_on(x, end) {
                return x;
            }
            if x > r
                && (self.second_verb(x, progressive)
                    || self.adverbial_clause(x)
                    || self.occasion(r, x))
            {
                return if self.toks[x - 1].is(",") { x - 1 } else { x };
            }
            x += 1;
        }
        // "is expected to cut rates in March": an infinitive's time phrase
        // says when the reported act happens; it stays.
        if self.is(r, Tag::Inf) {
            return end;
        }
        let mut e = self.time_phrase_start(end);
        if e <= r || e == end {
            return end;
        }
        while e > r + 1 && self.toks[e - 1].is(",") {
            e -= 1;
        }
        e
    }

    /// Whether the subordinator at `x` opens a clause with a pronoun for its
    /// subject ("opposed the plan when she ran for mayor", "praised the
    /// firm as he left"): a clause of its own, the writer's account of when
    /// or why, not part of the object. A condition ("threatened to quit if
    /// she lost") is part of the stance: it stays.
    fn adverbial_clause(&self, x: usize) -> bool {
        self.toks[x].quote.is_none()
            && self.is(x, Tag::Sub)
            && !self.is(x, Tag::Cond)
            && self.is_pronoun(x + 1)
    }

    /// Whether the word at `x`, in an object that starts at `r`, opens a
    /// phrase of when or why ("endorsed the mayor after the debate",
    /// "praised the deal amid protests", "backed the bill because it …"):
    /// the writer's account of the occasion, not what the stance was about.
    /// An infinitive's ("vowed to fight on after the vote") says when the
    /// reported act happens; it stays, also when the marker closes the cue
    /// ("vowed to").
    fn occasion(&self, r: usize, x: usize) -> bool {
        let infinitive = self.is(r, Tag::Inf) || (r > self.a && self.is(r - 1, Tag::Inf));
        self.toks[x].quote.is_none() && self.is(x, Tag::Occasion) && !infinitive
    }

    /// Whether the conjunction at `x` opens a second verb phrase of the
    /// subject's ("blamed the mayor and voted against the plan", "praising
    /// the deal and urging …"): a past form after it, or a progressive form
    /// after a progressive cue. An object takes no verb of its own, so the
    /// verb is the writer's report of what the subject did next.
    fn second_verb(&self, x: usize, progressive: bool) -> bool {
        self.toks[x].quote.is_none()
            && self.is(x, Tag::Conj)
            && !self.is(x, Tag::Sub)
            && self.toks.get(x + 1).is_some_and(|n| {
                n.is_word()
                    && !n.upper
                    && n.quote.is_none()
                    && (self.lex.past_suffix(&n.lower)
                        || (progressive && self.lex.prog_suffix(&n.lower)))
            })
    }

    /// Whether the comma at `x` (before `end`) goes on with a list item, a
    /// short aside or examples: a coordinating conjunction with no cue after
    /// it, a few words with no cue that close with another comma or a
    /// conjunction ("his temper, his remarks about migrants, and …",
    /// "Ann Roe, the committee's chair, of …"), or a word that opens
    /// examples ("including").
    fn list_goes_on(&self, x: usize, end: usize) -> bool {
        let n = x + 1;
        if n >= end {
            return false;
        }
        // "…, although low" qualifies what was said; it is the writer's.
        if self.is(n, Tag::Sub) {
            return false;
        }
        // "cited several causes, including …": examples of the object are
        // part of it, unless a cue among them opens a report of its own.
        if self.is(n, Tag::Example) && !(n + 1..end).any(|y| self.cue_at_checked(y).is_some()) {
            return true;
        }
        if self.is(n, Tag::Conj) {
            return !(n + 1..end.min(n + 6)).any(|y| self.cue_at_checked(y).is_some());
        }
        let mut y = n;
        while y < end && y - n <= MAX_FORWARD_ITEM_WORDS {
            let t = &self.toks[y];
            if y > n && (t.is(",") || self.is(y, Tag::Conj)) {
                return true;
            }
            if !t.is_word() || self.cue_at_checked(y).is_some() {
                return false;
            }
            y += 1;
        }
        false
    }

    /// Whether `content` is one word that names nothing, a preposition,
    /// verb particle or adverb ("backed off", "mentioned above", "wanted
    /// to", "declined significantly", "sagte zu"): the word completes or
    /// modifies the cue, and nothing was reported. A quoted word ("called
    /// it “really”") is what was said.
    fn particle_only(&self, content: Span) -> bool {
        let mut words = self.toks[self.a..self.b]
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_word() && content.start <= t.start && t.end <= content.end);
        match (words.next(), words.next()) {
            (Some((x, t)), None) => {
                t.quote.is_none()
                    && (self.is(self.a + x, Tag::Particle)
                        || (!t.upper && self.lex.aux_suffix(&t.lower)))
            }
            _ => false,
        }
    }

    /// Whether tokens `cs..ce` are only a name: capitalised words, with
    /// determiners, linking prepositions and coordinators between them ("the
    /// Friends of the Harbour and Parks"), the full stops and hyphens of
    /// initials and compounds ("D.J. Quirk-Berg"), and no quotation.
    fn name_only(&self, cs: usize, ce: usize) -> bool {
        let small =
            |x: usize| self.is(x, Tag::Det) || self.is(x, Tag::Link) || self.is(x, Tag::Coord);
        (self.toks[cs].upper || self.is(cs, Tag::Det))
            && (cs..ce).all(|x| {
                let t = &self.toks[x];
                t.quote.is_none()
                    && if t.is_word() {
                        t.upper || small(x)
                    } else {
                        x > cs && (t.is(".") || t.is("-"))
                    }
            })
    }

    fn cue_at_checked(&self, i: usize) -> Option<(usize, Tag)> {
        (i < self.b).then(|| self.cue_at(i)).flatten()
    }

    fn span(&self, s: usize, e: usize) -> Span {
        Span::new(self.toks[s].start, self.toks[e - 1].end)
    }

    /// The outlet named by word `i` after an elided article joined to it
    /// ("a déclaré à l’AFP").
    fn elided_outlet(&self, i: usize) -> Option<&'static str> {
        let t = self.toks.get(i).filter(|t| t.is_word())?;
        ["l'", "l’", "d'", "d’"]
            .iter()
            .find_map(|p| t.lower.strip_prefix(p))
            .filter(|r| !r.is_empty())
            .and_then(lexicon::outlet_of_lower)
    }

    /// Where a phrase `ns..ne` goes on after the outlet that opens it
    /// ("l’AFP Karine Dolle", "Efe la portavoz", "РИА Новости представитель"),
    /// or `ns` when it opens with none or is only the outlet.
    fn after_outlet(&self, ns: usize, ne: usize) -> usize {
        if self.elided_outlet(ns).is_some() {
            return if ne > ns + 1 { ns + 1 } else { ns };
        }
        let mut e = ns;
        while e < ne && self.toks[e].upper {
            e += 1;
        }
        // The longest run of capitalised words that names an outlet.
        (ns + 1..=e)
            .rev()
            .find(|&x| {
                let name: Vec<&str> = self.toks[ns..x].iter().map(|t| t.lower.as_ref()).collect();
                lexicon::outlet_of_lower(&name.join(" ")).is_some()
            })
            .filter(|&x| x < ne)
            .unwrap_or(ns)
    }

    /// The canonical outlet named in tokens `from..to` ("told Reuters", "in an
    /// interview with CNN", "on Fox News").
    fn outlet_in(&self, from: usize, to: usize) -> Option<&'static str> {
        let mut i = from;
        while i < to.min(from + 14) {
            if self.toks[i].upper && self.toks[i].is_word() {
                let mut e = i;
                while e < to && self.toks[e].is_word() && self.toks[e].upper {
                    e += 1;
                }
                let name: Vec<&str> = self.toks[i..e].iter().map(|t| t.lower.as_ref()).collect();
                let joined = name.join(" ");
                let with_the = format!("the {joined}");
                if let Some(o) = lexicon::outlet_of_lower(&joined)
                    .or_else(|| lexicon::outlet_of_lower(&with_the))
                {
                    return Some(o);
                }
                i = e;
            } else {
                if let Some(o) = self.elided_outlet(i) {
                    return Some(o);
                }
                i += 1;
            }
        }
        None
    }
}

/// Finds every attribution in `text`.
pub(crate) fn find(text: &Text, lex: &Lexicon) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // Quotations already used as content.
    let mut used_quotes = vec![false; text.quotes.len()];
    for (p, para) in text.paras.iter().enumerate() {
        signed_quotes(text, p, &mut used_quotes, &mut out);
        for (si, &(a, b)) in para.sents.iter().enumerate() {
            if out.len() >= MAX_FOUND {
                return out;
            }
            let a = if si == 0 {
                after_dateline(&para.toks, a, b)
            } else {
                a
            };
            // A sentence in brackets is read without them.
            let bracketed = b > a + 2 && para.toks[a].is("(") && para.toks[b - 1].is(")");
            let a = if bracketed { a + 1 } else { a };
            let mut b_eff = b;
            while b_eff > a {
                let t = &para.toks[b_eff - 1];
                if t.kind == Kind::Punct
                    && (matches!(
                        t.lower.as_ref(),
                        "." | "," | ";" | ":" | "!" | "?" | "…" | "..."
                    ) || (bracketed && b_eff == b && t.is(")")))
                {
                    b_eff -= 1;
                } else {
                    break;
                }
            }
            let s = Sentence {
                toks: &para.toks,
                lex,
                para: p,
                a,
                b,
                b_eff,
                title: para.title,
                lone: para.sents.len() == 1,
            };
            let mut last_np: Option<Np> = None;
            let first_here = out.len();
            let mut i = a;
            while i < b {
                if let Some(f) = dash_interrupted(&s, i, text) {
                    i = s.toks[i..b]
                        .iter()
                        .position(|t| t.start >= f.content.end)
                        .map_or(b, |x| i + x);
                    last_np = f.np;
                    out.push(f);
                    continue;
                }
                if let Some(f) = content_noun(&s, i) {
                    out.push(f);
                    i += 1;
                    continue;
                }
                let Some((c1, tag)) = s.cue_at(i) else {
                    i += 1;
                    continue;
                };
                let found = frame(&s, i, c1, tag, last_np, text, &mut used_quotes, si)
                    .filter(|f| !s.particle_only(f.content));
                if let Some(f) = found {
                    // "The firm said it had offered a rise and called …": a
                    // cue inside what an earlier one reports is no subject
                    // for the cues after it.
                    let reported = out[first_here..].iter().any(|o| {
                        o.np.is_some()
                            && o.content.start <= f.cue.start
                            && f.cue.end <= o.content.end
                    });
                    if f.np.is_some() && !reported {
                        last_np = f.np;
                    }
                    out.push(f);
                }
                i = c1;
            }
            colon_quotes(&s, text, &mut used_quotes, &mut out);
        }
    }
    out
}

/// Most words of a list item inside reported content ("Oslo, Bergen, and
/// Tromsø"), read back from a serial comma ([`Sentence::closes_list`]):
/// read back, nothing but the word count tells an item from a clause.
const MAX_LIST_ITEM_WORDS: usize = 3;

/// Most words of a list item or an aside read forward from a comma in a
/// stance verb's object ([`Sentence::list_goes_on`]): read forward, the
/// comma or conjunction that must close it, with no cue before it, bounds
/// the item, so an item of a whole noun phrase ("his remarks about the
/// port strike") or an apposition ("a former harbour pilot") goes on.
const MAX_FORWARD_ITEM_WORDS: usize = 8;

/// The most modifiers between a possessor and its content noun ("his
/// repeated public warning that …").
const MAX_NOUN_MODIFIERS: usize = 2;

/// "Her claim that the count was rigged", "seine Forderung, dass …", "Ann
/// Roe’s plan to close the pool": a noun that heads reported content, owned
/// by a possessive determiner or a possessive name and followed by a
/// complementiser (after a comma, or after a linking preposition: "su
/// afirmación de que") or an infinitive marker, is a cue. The possessor is
/// the source, the clause from the marker on the content. Before an
/// infinitive the possessive phrase must open its clause: as the object of
/// a verb ("… rebuked Ann Roe’s plan to …") it is that verb's content.
/// Without a possessor the clause can still be reported content, of a
/// source the sentence leaves unnamed (`unowned_content_noun`).
fn content_noun(s: &Sentence<'_>, i: usize) -> Option<Found> {
    let toks = s.toks;
    if !s.is(i, Tag::Noun) || toks[i].quote.is_some() {
        return None;
    }
    let mut m = i + 1;
    if toks.get(m).is_some_and(|t| t.is(",")) {
        m += 1;
    }
    if s.is(m, Tag::Link) && s.is(m + 1, Tag::Comp) {
        m += 1;
    }
    let clause = s.is(m, Tag::Comp);
    if !(clause || s.is(m, Tag::Inf))
        || m + 1 >= s.b_eff
        || toks[m].quote.is_some()
        || !toks[m + 1].is_word()
    {
        return None;
    }
    let Some(np) = possessor(s, i) else {
        return if clause {
            unowned_content_noun(s, i, m)
        } else {
            None
        };
    };
    let opens = np.start == s.a || {
        let before = &toks[np.start - 1];
        before.is_comma_like() || before.is(";") || before.is(":")
    };
    if !clause && !opens {
        return None;
    }
    let ce = s.content_end(m);
    if ce <= m + 1 {
        return None;
    }
    Some(Found {
        kind: AttributionKind::IndirectSpeech,
        np: Some(np),
        cue: s.span(i, i + 1),
        content: s.span(m, ce),
        outlet: None,
        confidence: 0.5,
        nests: true,
    })
}

/// The possessor of the content noun at `i` ("her", "Ann Roe’s"), at most
/// `MAX_NOUN_MODIFIERS` words before it.
fn possessor(s: &Sentence<'_>, i: usize) -> Option<Np> {
    let toks = s.toks;
    let mut x = i;
    loop {
        if x == s.a || i - x > MAX_NOUN_MODIFIERS {
            return None;
        }
        x -= 1;
        let t = &toks[x];
        if !t.is_word() || t.quote.is_some() {
            return None;
        }
        if s.is(x, Tag::Poss) {
            return Some(Np::plain(s.para, x, x + 1));
        }
        // "Ann Roe’s", "the union’s": the phrase that ends with the
        // possessive; "it’s", "that’s" are no possessors.
        let stem = strip_possessive(&t.lower);
        if stem.len() < t.lower.len()
            && !s.lex.is_any(
                stem,
                &[Tag::Pron, Tag::PronM, Tag::PronF, Tag::Stop, Tag::Rel],
            )
        {
            let (start, end) = s.words_back(x + 1)?;
            return Some(Np::plain(s.para, start, end));
        }
        if (t.upper && !s.title) || s.is(x, Tag::Stop) || s.is(x, Tag::Det) || s.is_cue_word(x) {
            return None;
        }
    }
}

/// "The claim that the count was rigged", "despite warnings that prices
/// would rise": a content noun with no possessor, right before a
/// complementiser whose clause has a subject of its own (a pronoun, a
/// determiner or a name; "the claims that were made" is a relative clause),
/// reports that clause for a source the sentence does not name. The noun
/// phrase must follow a word of its sentence (a verb or a preposition: "denied
/// claims that …"): as the sentence's subject ("The claim that the count was
/// rigged spread online") the clause runs into the main verb, where no
/// boundary shows. A noun that is also a cue verb ("Ann Roe claims that …")
/// is left to the verb's frame.
fn unowned_content_noun(s: &Sentence<'_>, i: usize, m: usize) -> Option<Found> {
    let subject = s.is_pronoun(m + 1) || s.is(m + 1, Tag::Det) || s.name_cased(m + 1);
    let phrase = (i.saturating_sub(MAX_NOUN_MODIFIERS).max(s.a)..i)
        .find(|&x| s.is(x, Tag::Det))
        .unwrap_or(i);
    if m != i + 1 || !subject || phrase <= s.a || s.cue_at(i).is_some() {
        return None;
    }
    let ce = s.content_end(m);
    // The word that takes the phrase ("denied claims", "renewed accusations")
    // says what is done with the content: it is part of the cue, and the
    // subject before it, when the sentence opens with one, is the source.
    // After a stop word ("amid warnings", "despite claims") or a name the
    // sentence's subject is no holder of the content.
    let taker = phrase - 1;
    let taken = s.toks[taker].is_word() && !s.toks[taker].upper && !s.is(taker, Tag::Stop);
    let (cue_start, np) = if taken {
        (taker, s.sentence_subject(taker))
    } else {
        (i, None)
    };
    (ce > m + 1).then(|| Found {
        kind: AttributionKind::IndirectSpeech,
        np,
        cue: s.span(cue_start, i + 1),
        content: s.span(m, ce),
        outlet: None,
        confidence: 0.4,
        nests: true,
    })
}

/// The most words of a name that signs a quotation.
const MAX_SIGNATURE: usize = 4;

/// "“…” — Jane Roe, 34, Houston": a quotation that stands on its own and is
/// signed after a dash with a capitalised name (reader voices, epigraphs,
/// quotes of the day). The dash is the cue.
fn signed_quotes(text: &Text, p: usize, used: &mut [bool], out: &mut Vec<Found>) {
    let Some(para) = text.paras.get(p) else {
        return;
    };
    let toks = &para.toks;
    for x in 0..toks.len().saturating_sub(2) {
        let close = &toks[x];
        let Some(q) = close.quote.filter(|_| close.kind == Kind::Close) else {
            continue;
        };
        let dash = &toks[x + 1];
        if !(dash.is("—") || dash.is("―") || dash.is("–")) || used.get(q).copied().unwrap_or(true)
        {
            continue;
        }
        let Some(quote) = text.quotes.get(q) else {
            continue;
        };
        // The quotation opens the paragraph or follows a sentence or an
        // earlier quotation, so it is no phrase quoted inside the writer's own.
        if quote.open.0 == p && quote.open.1 > 0 && toks[quote.open.1 - 1].is_word() {
            continue;
        }
        let first = x + 2;
        let mut e = first;
        while e < toks.len() && e - first < MAX_SIGNATURE && toks[e].is_word() && toks[e].upper {
            e += 1;
        }
        let signed = e > first
            && toks
                .get(e)
                .is_none_or(|t| t.kind == Kind::Open || t.is(",") || t.is("(") || t.is("."));
        if !signed {
            continue;
        }
        used[q] = true;
        out.push(Found {
            kind: AttributionKind::DirectQuote,
            np: Some(Np::plain(p, first, e)),
            cue: Span::new(dash.start, dash.end),
            content: Span::new(quote.start, quote.end),
            outlet: None,
            confidence: 0.6,
            nests: true,
        });
    }
}

/// "Kerry: “By law, …”": a quotation introduced by a name and a colon, with
/// no cue word. The colon is the cue.
fn colon_quotes(s: &Sentence<'_>, text: &Text, used: &mut [bool], out: &mut Vec<Found>) {
    let toks = s.toks;
    for x in s.a + 1..s.b.saturating_sub(1) {
        if !toks[x].is(":") || toks[x].quote.is_some() {
            continue;
        }
        if colon_heading(s, x, out) {
            return;
        }
        let Some(q) = toks[x + 1].quote.filter(|_| toks[x + 1].kind == Kind::Open) else {
            continue;
        };
        if used.get(q).copied().unwrap_or(true) {
            continue;
        }
        let Some((ns, ne)) = s.words_back(x) else {
            continue;
        };
        if !(toks[ns..ne].iter().any(|t| t.upper) || s.is_pronoun(ns)) {
            continue;
        }
        let Some(quote) = text.quotes.get(q) else {
            continue;
        };
        used[q] = true;
        out.push(Found {
            kind: AttributionKind::DirectQuote,
            np: Some(Np::plain(s.para, ns, ne)),
            cue: Span::new(toks[x].start, toks[x].end),
            content: Span::new(quote.start, quote.end),
            outlet: None,
            confidence: 0.6,
            nests: true,
        });
    }
}

/// "Senator Jane Roe: Vote Will Go Ahead": a headline (a paragraph of one
/// sentence) that opens with a short capitalised name and a colon attributes
/// the rest of the line to that name, quoted or not. A paragraph of several
/// sentences that opens with a name of a few words and a colon is a
/// transcript turn ("PENCE: And that's why …"): the whole paragraph is the
/// speaker's.
fn colon_heading(s: &Sentence<'_>, x: usize, out: &mut Vec<Found>) -> bool {
    const MAX_TURN_NAME: usize = 3;
    let toks = s.toks;
    // "Correction: An earlier version …", "Editor's note: …": an editorial
    // label is the page speaking, not a person.
    if s.is(x - 1, Tag::Label) {
        return false;
    }
    let name = &toks[s.a..x];
    let named = !s.is(s.a, Tag::Det)
        && name
            .iter()
            .all(|t| t.is_word() && t.upper && t.quote.is_none());
    let heading = s.lone && x - s.a <= 5 && named;
    // A one-letter label ("Q:", "A:") marks an interview's turns, not a speaker.
    let turn = !s.lone
        && s.a == 0
        && x - s.a <= MAX_TURN_NAME
        && !(x == s.a + 1 && toks[s.a].lower.chars().count() == 1)
        && named
        && !(s.a..x).any(|i| s.is(i, Tag::Stop) || s.is(i, Tag::Adj) || s.is_cue_word(i));
    // "Clinton: 1,769": a tally, not words.
    let words = toks[x + 1..s.b_eff.max(x + 1)]
        .iter()
        .any(|t| t.is_word() && t.lower.chars().any(char::is_alphabetic));
    if !(heading || turn) || x + 1 >= s.b_eff || !words || roster(s, x + 1) {
        return false;
    }
    let end = if turn {
        let mut e = toks.len();
        while e > x + 1 && toks[e - 1].kind == Kind::Punct {
            e -= 1;
        }
        e.max(s.b_eff)
    } else {
        s.b_eff
    };
    let quoted = toks[x + 1].kind == Kind::Open;
    out.push(Found {
        kind: if quoted {
            AttributionKind::DirectQuote
        } else {
            AttributionKind::IndirectSpeech
        },
        np: Some(Np::plain(s.para, s.a, x)),
        cue: Span::new(toks[x].start, toks[x].end),
        content: s.span(x + 1, end),
        outlet: None,
        confidence: 0.5,
        nests: true,
    });
    true
}

/// Whether the cue at `c0..c1`, opening its sentence at `k`, is a bare verb
/// that sends the reader elsewhere, with no subject ("Read the rest here",
/// "See the full list below", "Ask the growers"): an imperative to the
/// reader, not a report. With an auxiliary before it the command is left
/// alone: "Don't ask that" is as likely a speaker's retort, a report.
fn reader_imperative(s: &Sentence<'_>, k: usize, c0: usize, c1: usize) -> bool {
    k == s.a && k == c0 && c1 == c0 + 1 && s.is(c0, Tag::Reader)
}

/// The fewest names of a roster ([`roster`]).
const MIN_ROSTER_NAMES: usize = 4;

/// The most words of one name in a roster.
const MAX_ROSTER_NAME_WORDS: usize = 4;

/// "Iowa: Ann Roe, Jan Berg, Tom Lee, …": a line that goes on after its
/// colon with only names between commas lists people; it says nothing.
fn roster(s: &Sentence<'_>, from: usize) -> bool {
    let mut names = 0;
    let mut start = from;
    for x in from..=s.b_eff {
        if x < s.b_eff && !s.toks[x].is(",") {
            continue;
        }
        let words = s.toks[start..x].iter().filter(|t| t.is_word()).count();
        if words == 0 || words > MAX_ROSTER_NAME_WORDS || !s.name_only(start, x) {
            return false;
        }
        names += 1;
        start = x + 1;
    }
    names >= MIN_ROSTER_NAMES
}

/// Reads the attribution around the cue `c0..c1`.
#[allow(clippy::too_many_arguments)]
fn frame(
    s: &Sentence<'_>,
    c0: usize,
    c1: usize,
    tag: Tag,
    last_np: Option<Np>,
    text: &Text,
    used_quotes: &mut [bool],
    sentence_index: usize,
) -> Option<Found> {
    let toks = s.toks;
    let mut k = c0;
    while k > s.a && s.is_aux(k - 1) {
        k -= 1;
    }
    let cue = s.span(k, c1);
    // "Clinton on Tuesday said", "Priebus last week has announced": the
    // subject is before the time phrase and any auxiliary around it.
    let mut ks = k;
    while ks > s.a + 1 && toks[ks - 1].upper && s.is(ks - 1, Tag::Adj) {
        ks -= 1;
        if ks > s.a + 1 && !toks[ks - 1].upper && s.is(ks - 1, Tag::Adj) {
            ks -= 1;
        }
    }
    loop {
        let t = s.time_phrase_start(ks);
        let mut x = t;
        while x > s.a + 1 && s.is_aux(x - 1) {
            x -= 1;
        }
        if x == ks {
            break;
        }
        ks = x;
    }

    // "The economy seemed impervious to shocks": what seems so is the
    // subject with the rest of the clause; nobody is its source.
    if tag == Tag::Raise {
        // "The mayor appeared on local radio": followed by an adjunct preposition, the
        // verb says where someone was, not how something seemed; a time
        // phrase is no place ("schien am Montag bereit").
        if s.is(c1, Tag::Adj) && !s.is(c1, Tag::Link) && !s.is(c1 + 1, Tag::Time) {
            return None;
        }
        // "Правительство, кажется, готово …": a parenthetical takes the
        // sentence from its start.
        let parenthetical = k > s.a && toks[k - 1].is_comma_like();
        let start = s
            .subject_before(ks)
            .map(|n| n.start)
            .or(parenthetical.then_some(s.a))
            .unwrap_or(c1);
        let mut start = start;
        while start < c1 && toks[start].is_comma_like() {
            start += 1;
        }
        let ce = s.content_end(c1);
        if c1 >= ce || !toks[c1..ce].iter().any(Tok::is_word) {
            return None;
        }
        return Some(Found {
            kind: AttributionKind::IndirectSpeech,
            np: None,
            cue,
            content: s.span(start, ce),
            outlet: None,
            confidence: 0.4,
            nests: true,
        });
    }
    if tag == Tag::PrepPoll {
        return poll_frame(s, k, c1, cue);
    }
    if tag == Tag::Prep {
        if let Some(found) = possessive_prep(s, k, c1, cue) {
            return Some(found);
        }
        let (ns, ne) = s.np_after_with(c1, false)?;
        // "Laut einem Bericht des „Spiegel“ droht …", "Laut Polizei wurde
        // …": with no comma after it, the phrase of capitalised nouns, their
        // determiners and prepositions (and a quoted title) ends at the first
        // other word, where the content starts.
        let (ne, bare) = if s.clause_end(ne) >= s.b_eff && ne < s.b_eff {
            let mut e = ns;
            while e < s.b_eff {
                let t = &toks[e];
                if t.kind == Kind::Open
                    && let Some(q) = t.quote.and_then(|q| text.quotes.get(q))
                    && q.close.0 == s.para
                    && q.close.1 < s.b_eff
                    && q.close.1 <= e + 4
                {
                    e = q.close.1 + 1;
                    continue;
                }
                let phrase = t.is_word()
                    && t.quote.is_none()
                    && (t.upper || s.is(e, Tag::Det) || s.is(e, Tag::Link) || s.is(e, Tag::Adj));
                if !phrase {
                    break;
                }
                e += 1;
            }
            let named = toks[ns..e].iter().any(|t| t.upper);
            let rest = toks[e..s.b_eff].iter().filter(|t| t.is_word()).count();
            if named && e > ns && rest >= 2 && toks[e].is_word() && !toks[e].upper {
                (e, true)
            } else {
                (ne, false)
            }
        } else {
            (ne, false)
        };
        let np = Some(Np::plain(s.para, ns, ne));
        let outlet = s.outlet_in(ns, ne);
        // "According to X, content." or "Content, according to X."
        // "But according to X, …", "…: According to X, …": a conjunction
        // or a colon before the phrase still leaves it opening the clause.
        let lead = (s.a..k)
            .rev()
            .find(|&x| toks[x].quote.is_none() && (toks[x].is(":") || toks[x].is(";")))
            .map_or(s.a, |x| x + 1);
        let opening = toks[lead..k]
            .iter()
            .enumerate()
            .all(|(x, t)| !t.is_word() || s.is(lead + x, Tag::Conj));
        let (cs, ce) = if opening && bare {
            (ne, s.b_eff)
        } else if opening {
            let after = s.clause_end(ne);
            (after + 1, s.b_eff)
        } else {
            let mut e = k;
            while e > s.a && toks[e - 1].is_comma_like() {
                e -= 1;
            }
            // "Ticket sales, according to the organisers, have doubled": set off
            // by commas mid-sentence, the phrase interrupts content that
            // runs on to the end of the sentence.
            let after = s.clause_end(ne);
            let interrupts = e < k
                && after + 1 < s.b_eff
                && toks[after].is(",")
                && toks[after + 1..s.b_eff].iter().any(Tok::is_word);
            (s.a, if interrupts { s.b_eff } else { e })
        };
        if cs >= ce {
            return None;
        }
        return Some(Found {
            kind: AttributionKind::AccordingTo,
            np,
            cue,
            content: s.span(cs, ce),
            outlet,
            confidence: 0.7,
            nests: true,
        });
    }

    let speech = matches!(tag, Tag::Say | Tag::Tell);
    // Inverted: "…," said Clinton.
    // A participle never inverts: "…,” saying the city …".
    let inverted =
        (speech && k > s.a && s.is_boundary(k - 1) && !s.lex.prog_suffix(&toks[c0].lower))
            .then(|| s.np_after(c1))
            .flatten()
            // "…», a déclaré à l’AFP Karine Dolle", "— заявила РИА Новости
            // представитель …": the outlet, then the speaker.
            .map(|(ns, ne)| (s.after_outlet(ns, ne), ne))
            // "…”, disse à Lusa o vereador": the addressee, then the speaker.
            .and_then(|(ns, ne)| {
                if s.is(ns, Tag::Adj) && s.is(ne, Tag::Det) {
                    s.np_after(ne)
                } else {
                    Some((ns, ne))
                }
            })
            .filter(|&(ns, ne)| {
                let closes = ne >= s.b_eff
                || toks[ne].is_comma_like()
                || toks[ne].is("(")
                || s.is(ne, Tag::Adj)
                || s.is(ne, Tag::Rel)
                // "said the base chief known as Bob", "said one owner of a
                // shop that sells shoes": the phrase goes on with a modifier.
                || s.is(ne, Tag::Stop)
                || s.is(ne, Tag::Comp)
                // "dijo la ministra el lunes".
                || s.is(ne, Tag::Time)
                || (s.is(ne, Tag::Det) && s.is(ne + 1, Tag::Time))
                || toks[ne].is(";");
                let pronoun_alone = !s.is_pronoun(ns) || ne == ns + 1;
                let mut q = k - 1;
                while q > s.a && toks[q].is_comma_like() {
                    q -= 1;
                }
                let after_quote = toks[q].kind == Kind::Close;
                // "…, говорят аналитики.": a bare noun that ends the clause.
                let ends_clause = ne >= s.b_eff || toks[ne].is(";");
                // "…, said former harbour master Ines Valdés": a name a
                // word or two into the phrase.
                let named = toks[ns..ne].iter().take(3).any(|t| t.upper);
                (named || s.is_pronoun(ns) || s.is(ns, Tag::Det) || after_quote || ends_clause)
                    && closes
                    && pronoun_alone
            })
            // "Trump, a businessman, said": the subject is before the apposition.
            // "Moreau, head of the union, which called the strike, said":
            // so is a subject before a relative clause set off by commas.
            .filter(|_| {
                s.subject_before(ks).is_none_or(|n| {
                    n.apposition.is_none()
                        && !(ks > s.a + 1
                            && toks[ks - 1].is(",")
                            && s.relative_clause_before(ks - 1).is_some())
                })
            });
    // Verb second: "Am Montag sagte die Ministerin, dass …", "Nach dem Sturm
    // meldete der Versorger, …": after a fronted adverbial, the subject
    // follows the cue.
    // "Im Interview mit dem ZDF sagte Minister Alfred Horst, …": a longer
    // prepositional phrase, when a capitalised subject and a comma follow.
    let short_fronted = s.fronted_adverbial(k);
    let long_fronted = !short_fronted && s.fronted_phrase(k);
    let verb_second = (speech && inverted.is_none() && (short_fronted || long_fronted))
        .then(|| s.np_after(c1))
        .flatten()
        .filter(|&(ns, ne)| {
            let subject = if long_fronted {
                toks[ns].upper && !s.is(ns, Tag::Det)
            } else {
                s.is(ns, Tag::Det) || s.is_pronoun(ns)
            };
            subject && (ne >= s.b_eff || toks[ne].is_comma_like() || s.is(ne, Tag::Comp))
        });
    let (np, boundary, mut r) = match (inverted, verb_second) {
        (Some((ns, ne)), _) => (Some(Np::plain(s.para, ns, ne)), Some(k - 1), ne),
        (None, Some((ns, ne))) => (Some(Np::plain(s.para, ns, ne)), None, ne),
        (None, None) => {
            let np = s.subject_before(ks);
            let boundary = np
                .and_then(|n| n.start.checked_sub(1))
                .filter(|&x| x >= s.a)
                // "…, as the union said", "…, wie die Bahn mitteilte": the
                // comma before "as" ends what was said.
                .map(|x| {
                    let as_clause =
                        x > s.a && s.is(x, Tag::Sub) && s.is(x, Tag::Conj) && toks[x - 1].is(",");
                    if as_clause { x - 1 } else { x }
                });
            (np, boundary, c1)
        }
    };
    // Skip the addressee of "told": pronouns, names, "reporters".
    let after_cue = r;
    if tag == Tag::Tell {
        let comp = (r..s.b_eff.min(r + 8))
            .take_while(|&x| toks[x].is_word())
            .find(|&x| s.is(x, Tag::Comp));
        if let Some(c) = comp {
            r = c;
        } else {
            let mut x = r;
            while x < s.b_eff && x - r < 5 {
                let t = &toks[x];
                let object = t.is_word()
                    && t.quote.is_none()
                    && (t.upper
                        || s.is(x, Tag::Det)
                        || s.is(x, Tag::Adj)
                        || s.is_pronoun(x)
                        || x == r
                        // "told the court in his filing".
                        || (x > r && s.is(x - 1, Tag::Det)));
                // "told Reuters the engine had failed": a determiner after a
                // finished addressee opens the reported clause.
                let next_phrase =
                    x > r && s.is(x, Tag::Det) && !s.is(x - 1, Tag::Det) && !s.is(x - 1, Tag::Adj);
                if !object || next_phrase || s.is(x, Tag::Comp) {
                    break;
                }
                x += 1;
            }
            r = x;
        }
    }
    let clause_end = s.clause_end(r);
    let opens_content = (r..clause_end)
        .any(|x| s.is(x, Tag::Comp) || toks[x].kind == Kind::Open || toks[x].is(":"));
    let starts_adjunct = r >= s.b_eff || toks[r].is(",") || toks[r].is(";") || s.is(r, Tag::Adj);
    let left_is_quote = boundary
        .is_some_and(|x| toks[x].kind == Kind::Close || (x > 0 && toks[x - 1].kind == Kind::Close));
    let quote_follows =
        r + 1 < s.b && (toks[r].is(",") || toks[r].is(":")) && toks[r + 1].kind == Kind::Open;
    // "“…,” Mr. Roe said, “…”": the quotation resumes after its attribution
    // and closes in the paragraph (an unclosed mark would take the rest of
    // the article).
    let resumed_here = quote_follows
        && toks[s.a].kind == Kind::Open
        && toks[r].is(",")
        && toks[r + 1]
            .quote
            .and_then(|q| text.quotes.get(q))
            .is_some_and(|q| q.close.0 == s.para);
    // "After the parade passed, CNN reported six planes …": a subordinate
    // clause that opens the sentence is no content of the cue after it.
    let subordinate_opener = s.is(s.a, Tag::Sub)
        && r < s.b_eff
        && toks[r].is_word()
        && boundary.is_some_and(|x| !toks[s.a..x].iter().any(|t| t.is(",")));
    // "Friday on Radio Ost’s “Morning Desk,” the mayor said the ferry …": a
    // quoted title inside an opening adverbial is where it was said; the
    // clause after the cue is what.
    let fronted_title = left_is_quote
        && toks[s.a].kind != Kind::Open
        && (s.is(s.a, Tag::Adj) || s.is(s.a, Tag::Time))
        && r < s.b_eff
        && toks[r].is_word()
        && !starts_adjunct;
    // "Fares rose again, the board's accounts show.": a stance verb that
    // ends its sentence right after its subject reports the clause before,
    // as a speech verb does.
    let postposed = (speech || (tag == Tag::Pre && r >= s.b_eff))
        && !subordinate_opener
        && !fronted_title
        && boundary.is_some_and(|x| x > s.a && s.is_boundary(x))
        // "…," she wrote in a message titled "bravo!": a quotation that
        // ends right before the cue is its content, whatever follows.
        && (!opens_content || left_is_quote)
        && (!quote_follows || (left_is_quote && resumed_here))
        && (starts_adjunct || left_is_quote)
        && (left_is_quote
            || boundary.is_some_and(|x| toks[s.a..x].iter().filter(|t| t.is_word()).count() >= 3));
    // "In an interview with the BBC, the minister said": a fronted
    // prepositional phrase names the outlet too.
    let outlet = s.outlet_in(c1, clause_end.max(after_cue)).or_else(|| {
        let fronted = np
            .filter(|n| n.start > s.a + 1 && s.is(s.a, Tag::Adj) && toks[n.start - 1].is(","))
            .map(|n| n.start - 1);
        fronted
            .or(verb_second.map(|_| k))
            .and_then(|e| s.outlet_in(s.a, e))
    });

    if postposed {
        let x = boundary?;
        let mut ce = x;
        while ce > s.a && toks[ce].is_comma_like() {
            ce -= 1;
        }
        // ce is now the last content token (inclusive).
        let mut cs = s.a;
        // Content that starts inside an earlier attribution's clause starts
        // after that clause's comma.
        if let Some(q) = toks[s.a].quote.filter(|_| toks[s.a].kind == Kind::Open) {
            used_quotes[q] = true;
        }
        if ce < cs {
            return None;
        }
        let mut end = toks[ce].end;
        let mut direct = toks[cs].kind == Kind::Open;
        // "“…,” Ms. Roe said, adding of the mayor, “…”", "“…,” said Jane
        // Roe, who also said that …": a second speech cue after the source
        // heads its own attribution, so the quotations after it are not
        // this one's.
        let second_cue = (clause_end..s.b_eff).any(|x| {
            s.cue_at(x)
                .is_some_and(|(_, t)| matches!(t, Tag::Say | Tag::Tell))
        });
        // A quote split by its attribution: "…," she said, "…" — also past
        // an apposition: "…," said Jane Roe, an economist, "…".
        // "…," he said, but "…": past a conjunction too.
        let opens = |x: usize| toks.get(x).is_some_and(|t| t.kind == Kind::Open);
        let resumes = (clause_end..s.b_eff)
            .take_while(|&x| toks[x].quote.is_none())
            .find_map(|x| {
                if !toks[x].is(",") {
                    None
                } else if opens(x + 1) {
                    Some(x + 1)
                } else if s.is(x + 1, Tag::Conj) && opens(x + 2) {
                    Some(x + 2)
                } else {
                    None
                }
            })
            .filter(|_| direct && !second_cue);
        if let Some(q) = resumes.and_then(|x| toks[x].quote) {
            end = text.quotes[q].end;
            used_quotes[q] = true;
        } else if clause_end < s.b_eff && toks[clause_end].is(",") {
            let n = clause_end + 1;
            // "In the early 1990s, Ms. Roe said, when she was …": an opening
            // adverbial is no content; what follows the cue is.
            let adverbial = !direct
                && (s.is(cs, Tag::Adj) || s.is(cs, Tag::Stop))
                && toks[cs..=ce].iter().filter(|t| t.is_word()).count() <= 6
                && !toks[cs..=ce].iter().any(|t| t.quote.is_some());
            if adverbial && n < s.b_eff && s.cue_at_checked(n).is_none() {
                let e = s.content_end(n);
                if e > n {
                    return Some(Found {
                        kind: AttributionKind::IndirectSpeech,
                        np,
                        cue,
                        content: s.span(n, e),
                        outlet,
                        confidence: 0.6,
                        nests: true,
                    });
                }
            }
            // "…, said Jane Roe, an economist at the bank": after an
            // inverted source the comma opens its apposition, not content.
            // "…, he said, because …", "…, they said, and …": a conjunction
            // goes on with what was said, unless a cue after it opens a
            // report of its own ("…, he said, but she denied …").
            let own_report = s.is(n, Tag::Conj) && s.cue_in_clause_after(n);
            if n < s.b_eff
                && !direct
                && inverted.is_none()
                && !s.is(n, Tag::Rel)
                && !own_report
                && !s.is(n, Tag::Adj)
                && !s.lex.prog_suffix(&toks[n].lower)
                && s.cue_at_checked(n).is_none()
            {
                // "The emails were …, the Times said, including …": the
                // content resumes up to the end of that clause.
                end = toks[s.content_end(n).min(s.clause_end(n)) - 1].end;
            }
        }
        // "…in more ''because …,'' Mr. Roe said. ''But …''": a content that
        // ends with a quotation goes on with the quotations that follow.
        if !second_cue {
            end = extend_with_quotes(text, s.lex, s.para, sentence_index, end, used_quotes);
        }
        while cs < ce && toks[cs].is_comma_like() {
            cs += 1;
        }
        direct = direct && toks[ce].kind == Kind::Close;
        return Some(Found {
            kind: if direct {
                AttributionKind::DirectQuote
            } else {
                AttributionKind::IndirectSpeech
            },
            np,
            cue,
            content: Span::new(toks[cs].start, end),
            outlet,
            confidence: if direct { 0.9 } else { 0.7 },
            nests: true,
        });
    }

    // "“…?” a caller from the island asked.", "“…,” Ines Roe and Jan
    // Berg, both of the harbour board, said in a letter.": a quotation that
    // opens the sentence, then a speaker phrase the subject reading does not
    // take, then the cue with no content after it: the quotation is what was
    // said.
    if speech
        && inverted.is_none()
        && let Some(found) = quote_then_speaker(
            s,
            (k, c1),
            starts_adjunct || s.is(r, Tag::Sub),
            cue,
            text,
            used_quotes,
            sentence_index,
        )
    {
        return Some(found);
    }
    // "Said Tom Reyes, who coached the team, “…”", "But, said Varga,
    // “…”": a cue that opens the sentence, its speaker, then the quotation
    // that ends the sentence.
    if speech
        && toks[s.a..k]
            .iter()
            .enumerate()
            .all(|(x, t)| t.is(",") || s.is(s.a + x, Tag::Conj))
        && let Some(found) = fronted_cue_quote(s, c1, cue, text, used_quotes, sentence_index)
    {
        return Some(found);
    }
    // Preposed: "X said (that) content".
    let np = match np {
        Some(n) if inverted.is_none() => Some(n),
        _ if k > s.a && s.follows_comma(k) => last_np.or_else(|| s.sentence_subject(k - 1)),
        // "… soared in the polls by saying that …": a participle after a
        // preposition has the sentence's subject.
        _ if k > s.a + 1
            && s.is(k - 1, Tag::Stop)
            && !s.toks[k - 2].is_comma_like()
            && s.lex.prog_suffix(&toks[c0].lower) =>
        {
            s.sentence_subject(k - 1)
        }
        // "… and said": the subject of the sentence.
        _ if k > s.a && s.is(k - 1, Tag::Conj) => last_np.or_else(|| s.sentence_subject(k - 1)),
        // "… went on to say that …", "… used the rally to praise the plan":
        // an infinitive, of a speech or a stance verb, has the sentence's
        // subject.
        // "… urged Lindqvist to concede that …": a name or pronoun right before
        // "to" is the infinitive's subject.
        _ if k > s.a + 1 && s.is(k - 1, Tag::Inf) => {
            let object = &toks[k - 2];
            if object.is_word()
                && object.quote.is_none()
                && (object.upper || s.is_pronoun(k - 2))
                && k - 2 > s.a
            {
                // The name's capitalised words only, not the verb before it.
                let mut start = k - 2;
                while !s.is_pronoun(k - 2)
                    && start > s.a
                    && k - 1 - start < MAX_NP
                    && toks[start - 1].is_word()
                    && toks[start - 1].upper
                    && toks[start - 1].quote.is_none()
                {
                    start -= 1;
                }
                Some(Np::plain(s.para, start, k - 1))
            } else {
                // The sentence's subject, when it is near and no comma
                // stands between ("Indeed, members … to claim" is no subject).
                s.sentence_subject(k - 1).filter(|n| {
                    k - 1 - n.end <= MAX_TO_GAP
                        && !toks[n.end..k - 1].iter().any(|t| t.is_comma_like())
                        && !s.is(n.start, Tag::Stop)
                        && !s.is(n.start, Tag::Adj)
                        && !s.is(n.start, Tag::Sub)
                })
            }
        }
        // "a survey that shows …", "unions that had backed the plan": a
        // complementiser that can stand for a subject, right after a noun
        // and right before the cue, is a relative pronoun; its antecedent,
        // with it, is the subject, as a "who" clause's is in
        // [`Sentence::words_back`]. The antecedent opens at its last
        // determiner ("The council released a survey that shows": "a survey
        // that").
        _ if k > s.a + 1 && s.is(k - 1, Tag::RelComp) && toks[k - 1].quote.is_none() => {
            s.words_back(k - 1).map(|(start, end)| {
                let start = (start..end)
                    .rev()
                    .find(|&x| s.is(x, Tag::Det))
                    .unwrap_or(start);
                Np::plain(s.para, start, end + 1)
            })
        }
        _ => None,
    };
    // "It was revealed that …", "… is expected to": a passive cue needs no
    // source, and its grammatical subject is not one ("The bank is expected
    // to act"); a progressive form stays active ("is saying").
    let passive = (k..c0).any(|x| s.is(x, Tag::Be)) && !s.lex.prog_suffix(&toks[c0].lower);
    let np = if passive { None } else { np };
    // "the cuts favoured by the unions", "judges nominated by the governor":
    // a stance verb's past form right after a noun phrase, its agent next,
    // is a reduced passive: the phrase is what was favoured, the agent its
    // source. An agent in a progressive form is a manner ("responded by
    // saying …").
    if tag == Tag::Pre
        && !passive
        && k == c0
        && c1 == c0 + 1
        && s.lex.past_suffix(&toks[c0].lower)
        && s.is(r, Tag::Agent)
        && toks
            .get(r + 1)
            .is_some_and(|t| t.is_word() && t.quote.is_none() && !s.lex.prog_suffix(&t.lower))
        && let Some(n) = np.filter(|n| n.end == k && !s.is_pronoun(n.start))
        && let Some((ns, ne)) = s.np_after(r + 1)
    {
        // The phrase opens at its last determiner ("dropped the rise
        // favoured by …" favoured the rise), or after its last preposition or
        // conjunction ("made up of judges nominated by …").
        let start = (n.start..n.end)
            .rev()
            .find_map(|x| {
                if s.is(x, Tag::Link) || s.is(x, Tag::Adj) || s.is(x, Tag::Stop) {
                    Some(x + 1)
                } else if s.is(x, Tag::Det) {
                    Some(x)
                } else {
                    None
                }
            })
            .unwrap_or(n.start);
        if start < n.end {
            return Some(Found {
                kind: AttributionKind::IndirectSpeech,
                np: Some(Np::plain(s.para, ns, ne)),
                cue,
                content: s.span(start, n.end),
                outlet: s.outlet_in(ns, ne),
                confidence: 0.5,
                nests: true,
            });
        }
    }
    // "Having announced that …, the judge …", "Despite challenging …": a
    // cue that opens the sentence or follows a conjunction or preposition
    // has its source later or nowhere; its content still counts.
    let opener =
        k == s.a || (s.is(k - 1, Tag::Stop) && (k - 1 == s.a || toks[k - 2].is_comma_like()));
    if np.is_none() && !passive && !opener {
        return None;
    }
    let sourceless_opener = np.is_none() && opener;
    if sourceless_opener && reader_imperative(s, k, c0, c1) {
        return None;
    }
    // "was asked by a reporter whether …", "Asked by the host to …": the
    // agent of a passive or opening cue is its source; the content follows.
    let by_agent = np.is_none() && s.is(r, Tag::Agent);
    let np = match np {
        None if by_agent => match s.np_after(r + 1) {
            Some((ns, ne)) => {
                r = ne;
                Some(Np::plain(s.para, ns, ne))
            }
            None => None,
        },
        np => np,
    };
    // "The plan was criticised by the unions": with no complementiser,
    // infinitive, conjunction ("whether", "about") or quotation after its
    // agent, a passive cue reports its grammatical subject, back to the
    // clause's start. After the agent, "and" or an adjunct preposition goes
    // on with the clause ("was announced by the ministry on Tuesday", "was
    // criticised by the unions and the chamber", "… by the unions for …");
    // a subordinator opens what was asked ("asked by the host if …").
    let clause_goes_on =
        (s.is(r, Tag::Conj) || s.is(r, Tag::Link) || s.is(r, Tag::Adj)) && !s.is(r, Tag::Sub);
    if passive
        && by_agent
        && np.is_some()
        && !s.is(r, Tag::Comp)
        && !s.is(r, Tag::Inf)
        && (!s.is(r, Tag::Stop) || clause_goes_on)
        && toks
            .get(r)
            .is_none_or(|t| t.kind != Kind::Open && !t.is(":"))
    {
        let start = (s.a..k)
            .rev()
            .find(|&x| toks[x].is_comma_like() || toks[x].is(";") || toks[x].is(":"))
            .map_or(s.a, |x| x + 1);
        if toks[start..k].iter().any(Tok::is_word) {
            return Some(Found {
                kind: AttributionKind::IndirectSpeech,
                np,
                cue,
                content: s.span(start, k),
                outlet,
                confidence: 0.5,
                nests: true,
            });
        }
    }
    // "Noting that …, Tester said", "Lamenting their luck, Mexicans …": an
    // opening participle's subject is the main clause's.
    let np = match np {
        None if sourceless_opener && s.lex.prog_suffix(&toks[c0].lower) => s.main_subject_after(c1),
        np => np,
    };
    if tag != Tag::Tell {
        // "said Monday that …": start at the complementiser when it is near.
        // "said Thursday during a town hall in Buffalo, New York, that …".
        // English "to" is both an adjunct's preposition ("said to reporters
        // on Monday that …") and the infinitive marker, which after a stance
        // verb opens its content: the near reach holds there. So does a linking
        // preposition, which opens a stance verb's object ("is accused of a
        // fraud that cost …" is accused of the fraud, not of what it cost).
        let object_opens = tag == Tag::Pre && (s.is(r, Tag::Inf) || s.is(r, Tag::Link));
        let reach = if s.is(r, Tag::Adj) && !object_opens {
            25
        } else {
            6
        };
        if let Some(c) = (r..s.b_eff.min(r + reach))
            .take_while(|&x| {
                // "hopes to make a statement in a contest that …": the
                // complementiser is the cue's only across adjunct words.
                (toks[x].is_word() && (reach > 6 || !s.is(x, Tag::Stop) || s.is(x, Tag::Comp)))
                    || (reach > 6
                        && (toks[x].is(",") || matches!(toks[x].kind, Kind::Open | Kind::Close)))
            })
            .find(|&x| s.is(x, Tag::Comp) && toks[x].quote.is_none())
        {
            r = c;
        }
    }
    // "argues, for instance, that …", "said, however, that …": a short
    // aside between commas stands between the cue and its complementiser.
    if r + 2 < s.b_eff && toks[r].is(",") && toks[r].quote.is_none() {
        const MAX_ASIDE: usize = 4;
        if let Some(c) = (r + 2..s.b_eff.min(r + 2 + MAX_ASIDE))
            .take_while(|&x| toks[x].is(",") || toks[x - 1].is_word())
            .find(|&x| toks[x].is(","))
            .filter(|&c| s.is(c + 1, Tag::Comp) && toks[c + 1].quote.is_none())
        {
            r = c + 1;
        }
    }
    // "said:" / "said," followed by a quotation.
    let mut q_at = r;
    if q_at < s.b && (toks[q_at].is(":") || toks[q_at].is(",")) {
        q_at += 1;
    } else if speech {
        // "said Wednesday, “…”", "told the agency simply, “…”", "said about
        // the plan: “…”": a short adjunct between the cue and its quotation.
        const MAX_ADJUNCT: usize = 8;
        let c = s.clause_end(r);
        let at = if c < s.b_eff && c - r <= MAX_ADJUNCT {
            Some(c)
        } else {
            (r..s.b_eff.min(r + MAX_ADJUNCT)).find(|&x| toks[x].is(":"))
        };
        if let Some(c) = at.filter(|&c| {
            toks.get(c + 1).is_some_and(|t| t.kind == Kind::Open)
                && toks[r..c]
                    .iter()
                    .all(|t| t.quote.is_none() && (t.is_word() || t.is("(") || t.is(")")))
                && !(r..c).any(|x| s.is(x, Tag::Comp))
        }) {
            q_at = c + 1;
        }
    }
    if let Some(q) = toks
        .get(q_at)
        .filter(|t| t.kind == Kind::Open)
        .and_then(|t| t.quote)
    {
        let quote = &text.quotes[q];
        // The quotation is the content when it runs to the end of the sentence.
        let rest_words = (q_at..s.b_eff)
            .filter(|&x| toks[x].quote != Some(q) && toks[x].is_word())
            .count();
        if rest_words == 0 || quote.close.0 != s.para {
            return Some(Found {
                kind: AttributionKind::DirectQuote,
                np,
                cue,
                content: quoted_content(text, s, q, sentence_index, used_quotes),
                outlet,
                confidence: 0.9,
                nests: true,
            });
        }
    }
    // "X said:" closing a paragraph, the quotation in the next one.
    if r >= s.b_eff && s.b > s.b_eff && toks[s.b_eff].is(":") && s.b == toks.len() {
        let next = text.paras.get(s.para + 1)?;
        let q = next
            .toks
            .first()
            .filter(|t| t.kind == Kind::Open)
            .and_then(|t| t.quote)?;
        used_quotes[q] = true;
        let quote = &text.quotes[q];
        return Some(Found {
            kind: AttributionKind::DirectQuote,
            np,
            cue,
            content: Span::new(quote.start, quote.end),
            outlet,
            confidence: 0.8,
            nests: true,
        });
    }
    if r >= s.b_eff {
        return None;
    }
    let mut cs = r;
    while cs < s.b_eff && (toks[cs].is(",") || toks[cs].is(":")) {
        cs += 1;
    }
    // "sagte am Montag, die Schulen blieben offen": a short time or place
    // phrase set off by a comma after the cue says when or where; the
    // content follows it.
    const MAX_LEADING_ADJUNCT: usize = 4;
    if speech && ((s.is(cs, Tag::Adj) && !s.is(cs, Tag::Link)) || s.is(cs, Tag::Time)) {
        let comma = s.clause_end(cs);
        if comma < s.b_eff
            && comma - cs <= MAX_LEADING_ADJUNCT
            && toks[comma].is(",")
            && toks[cs..comma]
                .iter()
                .all(|t| t.is_word() && t.quote.is_none())
            && toks[comma + 1..s.b_eff]
                .iter()
                .filter(|t| t.is_word())
                .count()
                >= 3
        {
            cs = comma + 1;
        }
    }
    // "Asked whether …, the senator said no": an opening participle's
    // content ends with its clause.
    // "offered an olive branch, then …": what a stance verb takes without a
    // complementiser is its object, which ends with the clause.
    let object = tag == Tag::Pre && !s.is(cs, Tag::Comp) && toks[cs].kind != Kind::Open;
    let ce = if object {
        s.object_end(cs, s.lex.prog_suffix(&toks[c0].lower))
    } else if sourceless_opener {
        s.content_end(cs).min(s.clause_end(cs))
    } else {
        s.content_end(cs)
    };
    // "Groups that backed the bill said it would pass": a relative clause
    // inside the sentence's subject ends where the main verb, a cue, starts.
    let relative_subject =
        np.is_some_and(|n| n.start == s.a && n.end == k && s.is(k - 1, Tag::RelComp));
    let main_verb = relative_subject
        .then(|| (cs + 1..ce).find(|&x| s.cue_at(x).is_some()))
        .flatten();
    let ce = main_verb.map_or(ce, |mut x| {
        while x > cs + 1 && s.is_aux(x - 1) {
            x -= 1;
        }
        x
    });
    if cs >= ce || !toks[cs..ce].iter().any(Tok::is_word) {
        return None;
    }
    // "spoke in Lyon", "said on Monday": a short phrase of time or place
    // after the cue says when or where, not what.
    const MAX_ADJUNCT_ONLY: usize = 4;
    let adjunct_only = ((s.is(cs, Tag::Adj) && (!s.is(cs, Tag::Link) || s.is(cs, Tag::Whence)))
        || s.is(cs, Tag::Time))
        && toks[cs..ce].iter().filter(|t| t.is_word()).count() <= MAX_ADJUNCT_ONLY
        && toks[cs..ce].iter().all(|t| t.quote.is_none());
    if adjunct_only {
        return None;
    }
    // "the bill, opposed by the unions", "a fact first reported by the
    // paper": a participle's agent says who did it, and nothing after it is
    // what was said. A manner ("responded by saying …", "by firmly
    // refusing …"), a margin ("say by 55 to 41 that …") or a complementiser
    // or quotation still to come ("said by phone that …") goes on.
    let agent_only = s.is(cs, Tag::Agent)
        && toks[cs + 1..ce.min(cs + 3)].iter().all(|t| {
            t.is_word()
                && !t.lower.starts_with(|c: char| c.is_ascii_digit())
                && !s.lex.prog_suffix(&t.lower)
        })
        && !(cs..ce).any(|x| toks[x].quote.is_some() || s.is(x, Tag::Comp));
    if agent_only {
        return None;
    }
    // "a group called Citizens for Parks", "Roe called Ann Berg": a naming
    // verb whose object is only a name names a thing or phones someone; it
    // reports no label.
    if c1 == c0 + 1 && s.is(c0, Tag::Naming) && s.name_only(cs, ce) {
        return None;
    }
    // "yelled and held up a sign", "voters he called or met": right after
    // the cue, a pure coordinator joins a second verb or noun to the cue, so
    // what follows it is not what was said.
    if cs == r && s.is(cs, Tag::Coord) {
        return None;
    }
    let confidence = if tag == Tag::Pre { 0.5 } else { 0.7 };
    let mut content = s.span(cs, ce);
    // "He said he would run. “It is time.”": the quotations that follow
    // reported speech ending its sentence are the same speaker's.
    // A relative clause's cue ("…, who said …") leaves them to the main one.
    if speech && ce == s.b_eff && np.is_some_and(|n| !s.is(n.start, Tag::Rel)) {
        content.end = extend_with_quotes(
            text,
            s.lex,
            s.para,
            sentence_index,
            content.end,
            used_quotes,
        );
    }
    Some(Found {
        kind: AttributionKind::IndirectSpeech,
        np,
        cue,
        content,
        outlet,
        confidence,
        nests: true,
    })
}

/// "По её словам, …", "по их мнению": a three-word "according to" cue
/// whose middle word, a possessive, is the source, as the cue without it
/// ("по словам") is in the lexicon. The content is the rest of the sentence,
/// or what comes before the cue when it closes the sentence.
fn possessive_prep(s: &Sentence<'_>, k: usize, c1: usize, cue: Span) -> Option<Found> {
    let toks = s.toks;
    if c1 != k + 3 {
        return None;
    }
    let (len, tag) = s
        .lex
        .cue_at(&[toks[k].lower.as_ref(), toks[k + 2].lower.as_ref()])?;
    if len != 2 || tag != Tag::Prep {
        return None;
    }
    let opening = toks[s.a..k]
        .iter()
        .enumerate()
        .all(|(x, t)| !t.is_word() || s.is(s.a + x, Tag::Conj));
    let (cs, ce) = if opening {
        let mut cs = c1;
        while cs < s.b_eff && toks[cs].is_comma_like() {
            cs += 1;
        }
        (cs, s.b_eff)
    } else {
        let mut e = k;
        while e > s.a && toks[e - 1].is_comma_like() {
            e -= 1;
        }
        (s.a, e)
    };
    if cs >= ce || !toks[cs..ce].iter().any(Tok::is_word) {
        return None;
    }
    Some(Found {
        kind: AttributionKind::AccordingTo,
        np: Some(Np::plain(s.para, k + 1, k + 2)),
        cue,
        content: s.span(cs, ce),
        outlet: None,
        confidence: 0.7,
        nests: true,
    })
}

/// The speaker after a cue that opens its sentence and the quotation after
/// it (see [`frame`]): a capitalised name, up to a comma or colon before a
/// quotation that ends the sentence, with only words and commas between.
fn fronted_cue_quote(
    s: &Sentence<'_>,
    c1: usize,
    cue: Span,
    text: &Text,
    used_quotes: &mut [bool],
    sentence_index: usize,
) -> Option<Found> {
    const MAX_BETWEEN: usize = 25;
    let toks = s.toks;
    let (ns, ne) = s.np_after(c1)?;
    if !toks[ns].upper || s.is(ns, Tag::Det) {
        return None;
    }
    let open = (ne..s.b_eff.min(ne + MAX_BETWEEN))
        .take_while(|&x| toks[x].is_word() || toks[x].is(",") || toks[x].kind == Kind::Open)
        .find(|&x| toks[x].kind == Kind::Open)?;
    if open == ne || !(toks[open - 1].is(",") || toks[open - 1].is(":")) {
        return None;
    }
    let q = toks[open].quote?;
    let rest = (open..s.b_eff).any(|x| toks[x].quote != Some(q) && toks[x].is_word());
    if rest || used_quotes.get(q).copied().unwrap_or(true) {
        return None;
    }
    Some(Found {
        kind: AttributionKind::DirectQuote,
        np: Some(Np::plain(s.para, ns, ne)),
        cue,
        content: quoted_content(text, s, q, sentence_index, used_quotes),
        outlet: None,
        confidence: 0.8,
        nests: true,
    })
}

/// "In a CNN poll released Sunday, 8 percent said …" / "… led by 6 points in
/// the latest survey": the poll is the source of the rest of the sentence.
/// An opening poll phrase gives the clauses after it, past participle
/// clauses that still describe the poll ("…, conducted in May, …").
fn poll_frame(s: &Sentence<'_>, k: usize, c1: usize, cue: Span) -> Option<Found> {
    const MAX_POLL_CLAUSES: usize = 3;
    // "released Sunday", "conducted March 11-13": participle clauses are short.
    const MAX_POLL_CLAUSE_WORDS: usize = 5;
    let toks = s.toks;
    let head = s.poll_head(c1)?;
    let np = Some(Np::plain(s.para, c1, head + 1));
    let opening = !toks[s.a..k].iter().any(Tok::is_word) || (k == s.a + 1 && s.is(s.a, Tag::Conj));
    let (cs, ce) = if opening {
        // "In einer Umfrage sprachen sich …": no comma, the clause goes on.
        let first = s.clause_end(head + 1);
        let mut cs = if first >= s.b_eff {
            head + 1
        } else {
            first + 1
        };
        let mut n = if first >= s.b_eff {
            MAX_POLL_CLAUSES
        } else {
            0
        };
        // "…, conducted in May, Clinton led": a short clause that opens with
        // a lowercase word other than a determiner, pronoun or number still
        // describes the poll.
        while cs < s.b_eff
            && n < MAX_POLL_CLAUSES
            && s.clause_end(cs) < s.b_eff
            && s.clause_end(cs) - cs <= MAX_POLL_CLAUSE_WORDS
            && !s.is(cs, Tag::Det)
            && toks[cs].is_word()
            && !toks[cs].upper
            && !s.is_pronoun(cs)
            && !toks[cs].lower.chars().all(|c| c.is_ascii_digit())
        {
            cs = s.clause_end(cs) + 1;
            n += 1;
        }
        (cs, s.b_eff)
    } else if head + 1 >= s.b_eff || toks[head + 1].is_comma_like() {
        // "… has risen in the polls", "… is ahead in national polls": unnamed
        // polls in the plural say where someone stands; a named or single
        // poll ("… in a CNN poll", "in the latest survey") found it.
        if s.is(head, Tag::Polls) && !toks[c1..head].iter().any(|t| t.upper) {
            return None;
        }
        let mut e = k;
        while e > s.a && toks[e - 1].is_comma_like() {
            e -= 1;
        }
        (s.a, e)
    } else {
        return None;
    };
    if cs >= ce || !toks[cs..ce].iter().any(Tok::is_word) {
        return None;
    }
    Some(Found {
        kind: AttributionKind::AccordingTo,
        np,
        cue,
        content: s.span(cs, ce),
        outlet: None,
        confidence: 0.6,
        nests: false,
    })
}

/// The longest speaker phrase between an opening quotation and its cue, in
/// words ("a spokeswoman for the harbour board of the city of Tromsø").
const MAX_SPEAKER_WORDS: usize = 16;

/// A quotation that opens the sentence and closes before the cue at
/// `k..c1`, with only a speaker phrase between — words, commas and brackets,
/// no quotation and no other cue word — and `nothing_after` the cue, or with
/// the cue right after it and the speaker next: the quotation is the cue's
/// content, the phrase up to its first comma its source.
fn quote_then_speaker(
    s: &Sentence<'_>,
    (k, c1): (usize, usize),
    nothing_after: bool,
    cue: Span,
    text: &Text,
    used_quotes: &mut [bool],
    sentence_index: usize,
) -> Option<Found> {
    let toks = s.toks;
    let open = &toks[s.a];
    let q = open.quote.filter(|_| open.kind == Kind::Open)?;
    let quote = text.quotes.get(q)?;
    if quote.close.0 != s.para || quote.close.1 >= k {
        return None;
    }
    let mut ns = quote.close.1 + 1;
    while ns < k && toks[ns].is(",") {
        ns += 1;
    }
    let between = ns < k;
    let (ns, ne) = if !between {
        // "“…,” said a party member who backs the plan": the cue right
        // after the quotation, the speaker after it, to the first word no
        // name phrase holds.
        let ne = (c1..s.b_eff.min(c1 + MAX_SPEAKER_WORDS))
            .find(|&x| {
                let t = &toks[x];
                !t.is_word()
                    || t.quote.is_some()
                    || s.is(x, Tag::Rel)
                    || s.is(x, Tag::Comp)
                    || s.is_cue_word(x)
            })
            .unwrap_or(s.b_eff.min(c1 + MAX_SPEAKER_WORDS));
        (c1, ne)
    } else {
        if !nothing_after || !toks[ns].is_word() {
            return None;
        }
        // One pass, given up at the first token no speaker phrase holds.
        let mut words = 0;
        for (x, t) in toks[ns..k].iter().enumerate() {
            let x = ns + x;
            let plain = t.quote.is_none()
                && (t.is(",") || t.is("(") || t.is(")") || (t.is_word() && !s.is_cue_word(x)));
            words += usize::from(t.is_word());
            if !plain || words > MAX_SPEAKER_WORDS {
                return None;
            }
        }
        (ns, (ns..k).find(|&x| toks[x].is(",")).unwrap_or(k))
    };
    if ne <= ns {
        return None;
    }
    Some(Found {
        kind: AttributionKind::DirectQuote,
        np: Some(Np::plain(s.para, ns, ne)),
        cue,
        content: quoted_content(text, s, q, sentence_index, used_quotes),
        outlet: s.outlet_in(ns, if between { k } else { ne }),
        confidence: 0.8,
        nests: true,
    })
}

/// The quotation `q` as the content of a direct quote, claimed in
/// `used_quotes`, with the sentences after it that are only a quotation
/// ([`extend_with_quotes`]).
fn quoted_content(
    text: &Text,
    s: &Sentence<'_>,
    q: usize,
    sentence_index: usize,
    used_quotes: &mut [bool],
) -> Span {
    used_quotes[q] = true;
    let quote = &text.quotes[q];
    let end = extend_with_quotes(text, s.lex, s.para, sentence_index, quote.end, used_quotes);
    Span::new(quote.start, end)
}

/// Extends direct-quote content that ends at `end` over the sentences of the
/// same paragraph that are only a quotation ("…," she said. "…").
fn extend_with_quotes(
    text: &Text,
    lex: &Lexicon,
    para: usize,
    sentence: usize,
    end: usize,
    used: &mut [bool],
) -> usize {
    let Some(p) = text.paras.get(para) else {
        return end;
    };
    let mut end = end;
    for &(a, b) in p.sents.iter().skip(sentence + 1) {
        // A dash may lead the next part ("— «…»").
        let a = if p.toks[a].is("—") && a + 1 < b {
            a + 1
        } else {
            a
        };
        let first = &p.toks[a];
        let Some(q) = first.quote.filter(|_| first.kind == Kind::Open) else {
            break;
        };
        let all_quoted = p.toks[a..b]
            .iter()
            .all(|t| t.quote == Some(q) || t.kind == Kind::Punct);
        // "“…,” she said. “… reasons.” Asked why, she …": a quotation that
        // ends with a full stop of its own ends a sentence, whatever the
        // splitter joined to it.
        let quote = &text.quotes[q];
        let closed_sentence = quote.close.0 == para
            && quote.close.1 > a + 1
            && quote.close.1 < b
            && p.toks[quote.close.1].kind == Kind::Close
            && matches!(&*p.toks[quote.close.1 - 1].lower, "." | "…" | "...");
        // "“…,” said Jo Roe. “… office” or to anyone else.": a sentence
        // that opens with a quotation, and whose words outside it hold no
        // cue of their own, goes on in the speaker's voice.
        let mut last = b;
        while last > a && p.toks[last - 1].kind == Kind::Punct {
            last -= 1;
        }
        let runs_on = !all_quoted
            && !closed_sentence
            && quote.close.0 == para
            && quote.close.1 < last
            && quote.close.1 >= a
            && 2 * (quote.close.1 + 1 - a) >= last - a
            && p.toks[quote.close.1 + 1..last].iter().all(|t| {
                t.quote.is_none()
                    && !(t.is_word() && lex.cue_at(&[t.lower.as_ref()]).is_some())
                    && !t.is(":")
            });
        if !(all_quoted || closed_sentence || runs_on) || quote.start < end {
            break;
        }
        end = if runs_on {
            p.toks[last - 1].end
        } else {
            quote.end
        };
        used[q] = true;
        if closed_sentence {
            break;
        }
    }
    end
}

/// Whether paragraph `p` is only quotations (and punctuation): its bounds.
fn quote_only(text: &Text, p: usize) -> Option<(usize, usize)> {
    let toks = &text.paras.get(p)?.toks;
    let first = toks.first()?;
    let last = toks.last()?;
    let only = first.kind == Kind::Open
        && toks
            .iter()
            .all(|t| t.quote.is_some() || t.kind == Kind::Punct);
    only.then_some((first.start, last.end))
}

/// Gives quotation-only paragraphs that no attribution covers to their
/// speaker: to the next paragraph's attribution when that one opens with its
/// own quotation ("…" / "…," she said), else to the attribution that ends
/// the paragraph before ("…," she said. / "…").
pub(crate) fn merge_quote_paragraphs(text: &Text, found: &mut [Found]) {
    let n = text.paras.len();
    let bounds: Vec<Option<(usize, usize)>> = text
        .paras
        .iter()
        .map(|p| Some((p.toks.first()?.start, p.toks.last()?.end)))
        .collect();
    // The paragraph holding byte `at` (the last one starting at or before it).
    let starts: Vec<usize> = bounds
        .iter()
        .map(|b| b.map_or(usize::MAX, |b| b.0))
        .collect();
    let para_of = |at: usize| -> usize {
        let mut lo = 0;
        let mut hi = n;
        while lo < hi {
            let mid = (lo + hi) / 2;
            if starts[mid] != usize::MAX && starts[mid] > at {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo.saturating_sub(1)
    };
    // Linear bookkeeping: which paragraphs some content covers, which
    // attributions start and end in each paragraph.
    let mut covered = vec![false; n];
    let mut by_start: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut by_end: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (fi, f) in found.iter().enumerate() {
        let (ps, pe) = (
            para_of(f.content.start),
            para_of(f.content.end.saturating_sub(1)),
        );
        for c in covered
            .iter_mut()
            .take(pe.min(n.saturating_sub(1)) + 1)
            .skip(ps)
        {
            *c = true;
        }
        if let Some(v) = by_start.get_mut(ps) {
            v.push(fi);
        }
        if let Some(v) = by_end.get_mut(pe) {
            v.push(fi);
        }
    }
    for p in 0..n {
        let Some((ps, pe)) = quote_only(text, p) else {
            continue;
        };
        if covered[p] {
            continue;
        }
        // Forward, over a run of quotation-only paragraphs.
        let mut q = p + 1;
        while q < n && !covered[q] && quote_only(text, q).is_some() {
            q += 1;
        }
        if let Some(Some((qs, _))) = bounds.get(q)
            && let Some(&fi) = by_start[q].iter().find(|&&fi| {
                found[fi].content.start == *qs && found[fi].kind == AttributionKind::DirectQuote
            })
        {
            found[fi].content.start = ps;
            for c in &mut covered[p..q] {
                *c = true;
            }
            continue;
        }
        // Backward: content that ends the previous paragraph.
        let Some(prev) = p.checked_sub(1) else {
            continue;
        };
        let (Some(toks), Some(Some((prev_start, prev_end)))) =
            (text.paras.get(prev).map(|x| &x.toks), bounds.get(prev))
        else {
            continue;
        };
        // "“…,” Roe said." closing the paragraph: its last sentence holds
        // the quotation and, after it, the attribution only.
        let last_sentence = text.paras[prev]
            .sents
            .last()
            .and_then(|&(a, _)| toks.get(a))
            .map_or(usize::MAX, |t| t.start);
        let attributed_last = |f: &Found| {
            f.cue.start >= f.content.end
                && last_sentence < f.content.end
                && toks
                    .iter()
                    .rev()
                    .find(|t| t.end <= f.content.end)
                    .is_some_and(|t| t.kind == Kind::Close)
                && toks
                    .iter()
                    .rev()
                    .take_while(|t| t.start >= f.content.end)
                    .all(|t| t.quote.is_none())
        };
        let ends_there = |f: &Found| {
            f.content.end <= *prev_end
                && f.content.end > *prev_start
                && (attributed_last(f)
                    || !toks
                        .iter()
                        .rev()
                        .take_while(|t| t.start >= f.content.end)
                        .any(Tok::is_word))
        };
        let best = by_end[prev]
            .iter()
            .copied()
            .filter(|&fi| ends_there(&found[fi]))
            .max_by_key(|&fi| found[fi].content.end);
        if let Some(fi) = best {
            found[fi].content.end = pe;
            covered[p] = true;
            by_end[p].push(fi);
        }
    }
}

/// The author's words inside a quotation, between dashes, as Russian and
/// Ukrainian write them: «Главный риск — не тоннели, а вагоны, — отметила
/// она. — Поставщик …». The content is the whole quotation.
fn dash_interrupted(s: &Sentence<'_>, i: usize, text: &Text) -> Option<Found> {
    let toks = s.toks;
    let q = toks[i].quote?;
    if i < s.a + 2 {
        return None;
    }
    let dashed = (toks[i - 1].is("—") || toks[i - 1].is("–"))
        && matches!(toks[i - 2].lower.as_ref(), "," | "!" | "?" | "…");
    // The French incise: « La situation est difficile, explique Marc Elin,
    // analyste. Chaque jour … »: a cue after a comma inside the quotation,
    // then a name.
    let incise = toks[i - 1].is(",") && toks[i - 1].quote == Some(q);
    if !(dashed || incise) {
        return None;
    }
    let words: Vec<&str> = toks[i..s.b.min(i + 4)]
        .iter()
        .take_while(|t| t.is_word())
        .map(|t| t.lower.as_ref())
        .collect();
    let (len, tag) = s.lex.cue_at(&words)?;
    if tag != Tag::Say {
        return None;
    }
    let c1 = i + len;
    if incise && !toks.get(c1).is_some_and(|t| t.upper || s.is(c1, Tag::Det)) {
        return None;
    }
    let mut e = c1;
    while e < s.b && toks[e].is_word() && e - c1 < MAX_NP {
        e += 1;
    }
    if e == c1 {
        return None;
    }
    let mut x = e;
    while x < s.b && (toks[x].is(".") || toks[x].is(",")) {
        x += 1;
    }
    let resumes = toks.get(x).is_some_and(|t| t.is("—") || t.is("–"))
        || toks.get(x).is_some_and(|t| t.kind == Kind::Close)
        // The incise ends at a comma or full stop, and the quotation goes on.
        || (incise
            && x > e
            && toks.get(x).is_some_and(|t| t.quote == Some(q) && t.kind != Kind::Close));
    if !resumes {
        return None;
    }
    let quote = text.quotes.get(q)?;
    Some(Found {
        kind: AttributionKind::DirectQuote,
        np: Some(Np::plain(s.para, c1, e)),
        cue: s.span(i, c1),
        content: Span::new(quote.start, quote.end),
        outlet: None,
        confidence: 0.9,
        nests: true,
    })
}

/// The first token after a dateline that opens a paragraph ("WASHINGTON (AP)
/// —"): a dash within the first tokens, after capitalised words and
/// parentheses only.
fn after_dateline(toks: &[Tok], a: usize, b: usize) -> usize {
    for x in a..b.min(a + 12) {
        let t = &toks[x];
        if (t.is("—") || t.is("–") || t.is("-") || t.is("--")) && x > a {
            // "WASHINGTON (AP) —": an agency in brackets before the dash.
            let agency = toks[a..x].iter().any(|w| w.is("("));
            return if agency { x + 1 } else { a };
        }
        let dateline_word = (t.is_word()
            && (t.upper || t.lower.chars().all(|c| c.is_ascii_digit())))
            || t.is("(")
            || t.is(")")
            || t.is(",")
            || t.is(".")
            || t.is("/");
        if !dateline_word {
            return a;
        }
    }
    a
}

/// How many attributions, in content order, are looked back over for one
/// whose content holds a cue (bounds the cost on pages of many quotes).
const NEST_WINDOW: usize = 16;

/// Whether byte `at` is inside a quotation of `text`.
fn in_quotation(text: &Text, at: usize) -> bool {
    let i = text.quotes.partition_point(|q| q.start <= at);
    i > 0 && text.quotes[i - 1].end > at
}

/// Drops attributions whose cue lies inside another attribution's content
/// ("The minister said [he hoped [it would rain]]"): reported speech is
/// reported once, by its outermost attribution, as news annotation schemes
/// count it. An outer attribution without a source does not hide one with a
/// source; when two hold each other's cue ("…would rise, he said"), the
/// later cue wins; a quotation split by its attribution hides only the cues
/// inside its quoted words.
pub(crate) fn drop_nested(text: &Text, found: &mut Vec<Found>) {
    let order = content_order(found);
    let inside = |s: Span, outer: Span| outer.start <= s.start && s.end <= outer.end;
    let mut nested = vec![false; found.len()];
    for (b, f) in found.iter().enumerate() {
        let upto = order.partition_point(|&i| found[i].content.start <= f.cue.start);
        nested[b] = order[upto.saturating_sub(NEST_WINDOW)..upto]
            .iter()
            .map(|&a| &found[a])
            .any(|o| {
                !std::ptr::eq(o, f)
                    && inside(f.cue, o.content)
                    && o.nests
                    && (o.np.is_some() || f.np.is_none())
                    && !(inside(o.cue, f.content) && o.cue.start < f.cue.start)
                    && (o.kind != AttributionKind::DirectQuote || in_quotation(text, f.cue.start))
            });
    }
    drop_marked(found, &nested);
}

/// The indices of `found` in the order of their contents (start, then end).
fn content_order(found: &[Found]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_unstable_by_key(|&i| (found[i].content.start, found[i].content.end));
    order
}

/// Removes from `found` the attributions `marked` for it, keeping the order.
fn drop_marked(found: &mut Vec<Found>, marked: &[bool]) {
    let mut i = 0;
    found.retain(|_| {
        let keep = !marked[i];
        i += 1;
        keep
    });
}

/// How much two contents must share to be one report: twice the shared bytes
/// over their summed lengths, in tenths (fitted on annotated news).
const TWIN_SHARE_TENTHS: usize = 7;

/// Keeps one attribution per reported content: two cues that frame the same
/// clause, or most of it ("said she believed that …", "repeated his claim
/// that …", "was asked whether he thought that …"), report it once, as news
/// annotation schemes count it. The more certain frame keeps it; of equally
/// certain ones, the first found.
pub(crate) fn drop_twins(found: &mut Vec<Found>) {
    let order = content_order(found);
    let mut twin = vec![false; found.len()];
    for (k, &a) in order.iter().enumerate() {
        let x = found[a].content;
        for &b in order[k + 1..].iter().take(NEST_WINDOW) {
            let y = found[b].content;
            if y.start >= x.end {
                break;
            }
            let shared = x.end.min(y.end) - y.start;
            let summed = (x.end - x.start) + (y.end - y.start);
            if 20 * shared >= TWIN_SHARE_TENTHS * summed {
                let a_wins = found[a]
                    .confidence
                    .total_cmp(&found[b].confidence)
                    .then(b.cmp(&a))
                    .is_gt();
                twin[if a_wins { b } else { a }] = true;
            }
        }
    }
    drop_marked(found, &twin);
}
