//! Who a source phrase is: its name (later mentions — "McGurk", "he", "the
//! expert" — resolved to the fullest name the article gave that speaker), its
//! description and its type.

use super::lexicon::{self, Lexicon, Tag};
use super::speech::Np;
use super::text::{Text, Tok};
use super::{Source, SourceType};
use crate::enrich::Span;

/// The most full names collected from one article.
const MAX_NAMES: usize = 5_000;

/// A person's full name as the article first writes it.
#[derive(Debug, Clone)]
struct Name {
    /// Byte offset of the mention.
    at: usize,
    /// Whether the run opens a sentence (its first word may not be a name).
    initial: bool,
    /// The name's words.
    words: Vec<String>,
}

/// Resolves the sources of one article, in text order.
pub(crate) struct Speakers<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    names: Vec<Name>,
    /// The last person named as a source, for pronouns.
    last_person: Option<String>,
    /// The last source of any kind, for "the expert".
    last_described: Vec<(String, String)>,
}

/// `word` without a possessive ending ("Trump’s" → "Trump").
pub(super) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix("s'").map(|_| &word[..word.len() - 1]))
        .unwrap_or(word)
}

/// The tags of words that are no part of a name, capitalised or not:
/// titles, stopwords, determiners and pronouns.
pub(super) const NOT_NAME_TAGS: &[Tag] = &[
    Tag::Title,
    Tag::Stop,
    Tag::Det,
    Tag::Pron,
    Tag::PronM,
    Tag::PronF,
];

/// Whether `word` (the lowercase of token `t`, or that without its
/// possessive ending) carries `tag`: the bit the tokenizer read for the
/// word ([`Tok::tags`]), looked up again only for a stripped word or a
/// mark.
fn has(lex: &Lexicon, t: &Tok, word: &str, tag: Tag) -> bool {
    if t.is_word() && word.len() == t.lower.len() {
        t.tags & tag.bit() != 0
    } else {
        lex.is(word, tag)
    }
}

fn is_name_word(t: &Tok) -> bool {
    const NOT_NAME: u64 = Tag::mask(NOT_NAME_TAGS);
    t.is_word() && t.upper && t.quote.is_none() && t.tags & NOT_NAME == 0
}

impl<'a> Speakers<'a> {
    /// Collects the article's full names (runs of two to four capitalised
    /// words that are not titles).
    pub(crate) fn new(text: &'a str, tokens: &Text, lex: &'a Lexicon) -> Self {
        let mut names = Vec::new();
        for para in &tokens.paras {
            let toks = &para.toks;
            let mut i = 0;
            while i < toks.len() {
                if !is_name_word(&toks[i]) {
                    i += 1;
                    continue;
                }
                let mut e = i;
                while e < toks.len() && is_name_word(&toks[e]) && e - i < 4 {
                    e += 1;
                }
                // Sentence-initial words are capitalised anyway: such runs
                // are used only when no other run gives the name.
                let initial = para.sents.iter().any(|&(a, _)| a == i);
                let from = i;
                if e - from >= 2 && names.len() < MAX_NAMES {
                    names.push(Name {
                        initial,
                        at: toks[from].start,
                        words: toks[from..e]
                            .iter()
                            .map(|t| strip_possessive(&text[t.start..t.end]).to_owned())
                            .collect(),
                    });
                }
                i = e.max(i + 1);
            }
        }
        Speakers {
            text,
            lex,
            names,
            last_person: None,
            last_described: Vec::new(),
        }
    }

    /// The full name ending with `last` mentioned most recently before `at`.
    fn full_name(&self, last: &str, at: usize) -> Option<String> {
        self.names
            .iter()
            .filter(|n| n.at <= at && n.words.last().is_some_and(|w| w == last))
            .max_by_key(|n| (!n.initial, n.at, n.words.len()))
            .or_else(|| {
                self.names
                    .iter()
                    .find(|n| n.words.last().is_some_and(|w| w == last))
            })
            .map(|n| n.words.join(" "))
    }

    /// Resolves the source phrase `np` of `tokens`.
    pub(crate) fn resolve(&mut self, tokens: &Text, np: &Np) -> Option<Source> {
        let toks = &tokens.paras.get(np.para)?.toks;
        let words = toks.get(np.start..np.end)?;
        let first = words.first()?;
        let last = words.last()?;
        let mention = Span::new(first.start, last.end);
        let mention_text = &self.text[mention.start..mention.end];
        let lex = self.lex;
        let apposition = np
            .apposition
            .and_then(|(s, e)| {
                Some(Span::new(
                    toks.get(s)?.start,
                    toks.get(e.checked_sub(1)?)?.end,
                ))
            })
            .map(|s| self.text[s.start..s.end].to_owned());

        // Pronouns.
        if words.len() == 1 {
            let w = first.lower.as_ref();
            if has(lex, first, w, Tag::PronM) || has(lex, first, w, Tag::PronF) {
                let name = self
                    .last_person
                    .clone()
                    .unwrap_or_else(|| mention_text.to_owned());
                return Some(self.source(name, String::new(), SourceType::Person, mention));
            }
            if has(lex, first, w, Tag::Pron) {
                return Some(self.known_by_mention(SourceType::Unnamed, mention));
            }
            if has(lex, first, w, Tag::Rel) {
                if let Some((s, e)) = np.antecedent {
                    let sub = Np::plain(np.para, s, e);
                    if let Some(mut src) = self.resolve(tokens, &sub) {
                        src.mention = Some(mention);
                        return Some(src);
                    }
                }
                return Some(self.known_by_mention(SourceType::Unnamed, mention));
            }
        }

        // The trailing run of name words is the name; what precedes it describes.
        let mut ns = words.len();
        while ns > 0 && is_name_word(&words[ns - 1]) {
            ns -= 1;
        }
        // The head noun: the last word before a linking preposition ("a report
        // from the agency"), or an unnamed source's head before it ("two
        // people familiar with the matter", "people briefed on the talks").
        let head_tok = words
            .iter()
            .position(|t| has(lex, t, &t.lower, Tag::Link) || has(lex, t, &t.lower, Tag::Adj))
            .filter(|&i| i > 0)
            .map_or(last, |i| {
                words[..i]
                    .iter()
                    .rev()
                    .take(2)
                    .find(|t| has(lex, t, strip_possessive(&t.lower), Tag::Unnamed))
                    .unwrap_or(&words[i - 1])
            });
        let head = strip_possessive(&head_tok.lower);
        let joined_lower: String = words
            .iter()
            .map(|t| t.lower.as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        let outlet = lexicon::outlet_of_lower(&joined_lower).or_else(|| {
            let name: Vec<&str> = words[ns..].iter().map(|t| t.lower.as_ref()).collect();
            (!name.is_empty())
                .then(|| lexicon::outlet_of_lower(&name.join(" ")))
                .flatten()
        });
        let describe = |from: usize, to: usize| -> String {
            let mut d = if from < to {
                self.text[words[from].start..words[to - 1].end].to_owned()
            } else {
                String::new()
            };
            if let Some(a) = &apposition {
                if !d.is_empty() {
                    d.push_str(", ");
                }
                d.push_str(a);
            }
            d
        };
        if let Some(o) = outlet {
            return Some(self.source(o.to_owned(), describe(0, ns), SourceType::Outlet, mention));
        }
        if has(lex, head_tok, head, Tag::Unnamed) && ns + 1 >= words.len() {
            return Some(self.known_by_mention(SourceType::Unnamed, mention));
        }
        if has(lex, head_tok, head, Tag::Doc) {
            return Some(self.known_by_mention(SourceType::Document, mention));
        }
        // "Campaign spokesman Tom Reyes": a role word makes the phrase a
        // person, whatever organisation it names.
        let org = words
            .iter()
            .any(|t| has(lex, t, strip_possessive(&t.lower), Tag::Org))
            && !words
                .iter()
                .any(|t| has(lex, t, strip_possessive(&t.lower), Tag::Title));
        // "die Reederei", "the Pentagon": one capitalised word after a
        // determiner is a noun or an institution, not a person's name.
        let det_noun = ns + 1 == words.len()
            && ns > 0
            && has(lex, &words[ns - 1], &words[ns - 1].lower, Tag::Det);
        // A capital that names something: not the article opening a
        // sentence ("The mayor"), not a role word German capitalises as
        // every noun ("Die Ministerin").
        let capitalised = words.iter().enumerate().any(|(i, t)| {
            t.upper
                && !(i == 0 && has(lex, t, &t.lower, Tag::Det))
                && !has(lex, t, &t.lower, Tag::Title)
        });
        if ns < words.len() && !org && !det_noun {
            let name_words: Vec<&str> = words[ns..]
                .iter()
                .map(|t| strip_possessive(&self.text[t.start..t.end]))
                .collect();
            let mut name = name_words.join(" ");
            if name_words.len() == 1
                && let Some(full) = self.full_name(name_words[0], first.start)
            {
                name = full;
            }
            let description = describe(0, ns);
            self.last_person = Some(name.clone());
            if !description.is_empty() {
                self.last_described
                    .push((description.to_lowercase(), name.clone()));
            }
            return Some(self.source(name, description, SourceType::Person, mention));
        }
        if org || capitalised {
            return Some(self.source(
                mention_text.to_owned(),
                describe(0, 0),
                SourceType::Organization,
                mention,
            ));
        }
        if has(lex, head_tok, head, Tag::Unnamed) {
            return Some(self.known_by_mention(SourceType::Unnamed, mention));
        }
        // "the expert": the last speaker described with that word.
        if let Some((_, name)) = self
            .last_described
            .iter()
            .rev()
            .find(|(d, _)| d.split_whitespace().any(|w| w == head))
        {
            let name = name.clone();
            return Some(self.source(name, mention_text.to_owned(), SourceType::Person, mention));
        }
        // "the mayor", "die Ministerin": a person known by a role.
        if has(lex, head_tok, head, Tag::Title) {
            return Some(self.known_by_mention(SourceType::Person, mention));
        }
        Some(self.known_by_mention(SourceType::Unnamed, mention))
    }

    /// A source whose name is its mention as written, with no description
    /// ("officials", "the report", "the mayor").
    fn known_by_mention(&self, kind: SourceType, mention: Span) -> Source {
        let name = self.text[mention.start..mention.end].to_owned();
        self.source(name, String::new(), kind, mention)
    }

    fn source(&self, name: String, description: String, kind: SourceType, mention: Span) -> Source {
        Source {
            name,
            description,
            kind,
            mention: Some(mention),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::attribution::lexicon::for_language;

    /// A token's tag bit, or the lookup of its word without a possessive
    /// ending, answers as asking the lexicon of that word does: for words
    /// in the lists and out of them, with and without a possessive ending,
    /// and for marks.
    #[test]
    fn a_tokens_tags_answer_as_the_lexicon_does() {
        let tags = [
            Tag::Pron,
            Tag::PronM,
            Tag::PronF,
            Tag::Rel,
            Tag::Link,
            Tag::Adj,
            Tag::Unnamed,
            Tag::Doc,
            Tag::Org,
            Tag::Title,
            Tag::Det,
        ];
        for (code, text) in [
            (
                "en",
                "The officials' report and the mayor's aide, who spoke to them, said he and \
                 she agreed with the ministry's analysts.",
            ),
            (
                "de",
                "Der Sprecher des Ministeriums sagte, die Ministerin habe den Bericht der \
                 Behörde gelesen, den er und sie kennen.",
            ),
            (
                "fr",
                "Selon le porte-parole du ministère, les experts ont dit qu'il viendrait avec \
                 elle.",
            ),
        ] {
            let lex = for_language(code);
            let tokens = Text::new(text, None, &[(0, text.len())], lex);
            let mut tagged = 0;
            for t in tokens.paras.iter().flat_map(|p| &p.toks) {
                for word in [&*t.lower, strip_possessive(&t.lower)] {
                    for &tag in &tags {
                        let expected = lex.is(word, tag);
                        assert_eq!(has(lex, t, word, tag), expected, "{code} {word:?} {tag:?}");
                        tagged += usize::from(expected);
                    }
                }
            }
            assert!(tagged > 0, "{code}");
        }
    }

    /// The outlet of a run of words' lowercase, joined, is the outlet of the
    /// run as written: every run of one to three words of sentences in three
    /// languages, with outlets in capitals, in other scripts and after "the".
    #[test]
    fn an_outlet_of_the_tokens_lowercase_is_the_outlet_as_written() {
        for (code, text) in [
            (
                "en",
                "In a statement to The Associated Press, the minister called the Reuters \
                 figures too low.",
            ),
            (
                "ru",
                "Как сообщил РИА Новости представитель ведомства, переговоры продолжатся \
                 в четверг.",
            ),
            (
                "es",
                "El portavoz dijo a la Agencia EFE que la reunión con REUTERS se aplazó.",
            ),
        ] {
            let lex = for_language(code);
            let tokens = Text::new(text, None, &[(0, text.len())], lex);
            let words: Vec<&Tok> = tokens
                .paras
                .iter()
                .flat_map(|p| &p.toks)
                .filter(|t| t.is_word())
                .collect();
            let mut known = 0;
            for i in 0..words.len() {
                for run in (i + 1..=(i + 3).min(words.len())).map(|j| &words[i..j]) {
                    let lower: Vec<&str> = run.iter().map(|t| t.lower.as_ref()).collect();
                    let written: Vec<&str> = run.iter().map(|t| &text[t.start..t.end]).collect();
                    let expected = lexicon::outlet(&written.join(" "));
                    assert_eq!(
                        lexicon::outlet_of_lower(&lower.join(" ")),
                        expected,
                        "{code} {written:?}"
                    );
                    known += usize::from(expected.is_some());
                }
            }
            assert!(known > 0, "{code}");
        }
    }
}
