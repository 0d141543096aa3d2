//! Attribution: who said or wrote what (quotations, reported speech,
//! "according to", statements and documents), through which outlet, and who
//! took the pictures (credits).
//!
//! Attributions are read from the article only — the lines the structure
//! labels headline, deck, lede or body, never boilerplate — with one mechanism for
//! every language: the cue words and the small words around them are data
//! (`data/<lang>/cues.txt`). Credits are read from every line of the page.

mod credits;
mod lexicon;
mod speakers;
mod speech;
mod text;

use super::Span;
use super::document::Document;
use super::language::ArticleLanguage;
use super::structure::{BlockKind, Structure};

/// How content is attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttributionKind {
    /// A quotation in quote marks.
    DirectQuote,
    /// Quoted words standing on their own inside reported speech.
    PartialQuote,
    /// Reported speech ("X said that …").
    IndirectSpeech,
    /// "according to X".
    AccordingTo,
    /// A statement, report or other document.
    PublishedStatement,
}

/// What kind of source something is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceType {
    /// A person.
    Person,
    /// An organisation, government or body.
    Organization,
    /// A news outlet or agency.
    Outlet,
    /// A report, statement or other document.
    Document,
    /// An unnamed source ("two people familiar with the matter").
    Unnamed,
}

/// The source of attributed content.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The fullest name the article gives the source ("Brett McGurk").
    pub name: String,
    /// How the article describes the source ("US special envoy").
    pub description: String,
    /// What kind of source it is.
    pub kind: SourceType,
    /// The mention at this attribution ("McGurk", "he").
    pub mention: Option<Span>,
}

/// Who said or wrote what.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// How the content is attributed.
    pub kind: AttributionKind,
    /// Who said or wrote it.
    pub source: Option<Source>,
    /// The attributing words ("said", "according to").
    pub cue: Option<Span>,
    /// What was said or written.
    pub content: Span,
    /// The medium it was said through, normalised ("Reuters", "CNN").
    pub outlet: Option<String>,
    /// Confidence, from 0 to 1.
    pub confidence: f32,
}

/// What a credit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CreditKind {
    /// A photo or image.
    Photo,
    /// A video.
    Video,
    /// A wire agency credit for the text.
    Wire,
    /// A graphic or illustration.
    Graphic,
}

/// A photo, video, graphic or wire credit.
#[derive(Debug, Clone, PartialEq)]
pub struct Credit {
    /// What is credited.
    pub kind: CreditKind,
    /// The agency, normalised when known ("AFP", "Getty Images").
    pub agency: Option<String>,
    /// The author, name-cased ("Brendan Smialowski").
    pub author: Option<String>,
    /// The year in the credit.
    pub year: Option<i32>,
    /// The credit as written.
    pub span: Span,
}

/// Builds the lexicons and patterns now rather than on the first article.
pub fn warm_up() {
    lexicon::warm_up();
    credits::warm_up();
}

/// The article's paragraphs as byte ranges: the headline and deck lines on
/// their own (headlines attribute too: "Senator says …"), then runs of
/// article-text lines of one block, a line break ending a paragraph when the
/// line before ends a sentence or is a title-case heading (hard-wrapped text
/// stays one paragraph).
fn paragraphs(doc: &Document<'_>, structure: &Structure) -> Vec<(usize, usize)> {
    let text = doc.text();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut prev: Option<usize> = None;
    for (i, line) in doc.lines().iter().enumerate() {
        let kind = structure.lines.get(i).map(|l| l.kind);
        if matches!(kind, Some(BlockKind::Headline | BlockKind::Deck)) {
            out.push((line.start, line.end));
            prev = None;
            continue;
        }
        if !kind.is_some_and(BlockKind::is_article_text) {
            prev = None;
            continue;
        }
        let joins = prev.is_some_and(|p| {
            let before = &doc.lines()[p];
            let before_text = &text[before.start..before.end];
            before.block == line.block
                && p + 1 == i
                && !before_text.ends_with(['.', '!', '?', ':', '"', '”', '»', '“', '…', ')'])
                && !text::is_title_case(before_text)
        });
        match out.last_mut() {
            Some(last) if joins => last.1 = line.end,
            _ => out.push((line.start, line.end)),
        }
        prev = Some(i);
    }
    out
}

/// Finds the attributions in the article text and the credits on the page.
pub fn extract(
    doc: &Document<'_>,
    structure: &Structure,
    language: Option<&ArticleLanguage>,
) -> (Vec<Attribution>, Vec<Credit>) {
    let code = language.map_or("en", |l| l.article.code);
    let lex = lexicon::for_language(code);
    let ranges = paragraphs(doc, structure);
    let tokens = text::Text::new(doc.text(), doc.lowercase(), &ranges, lex);
    let mut found = speech::find(&tokens, lex);
    speech::merge_quote_paragraphs(&tokens, &mut found);
    speech::drop_nested(&tokens, &mut found);
    speech::drop_twins(&mut found);
    let mut speakers = speakers::Speakers::new(doc.text(), &tokens, lex);
    let mut attributions: Vec<Attribution> = found
        .into_iter()
        .map(|f| {
            let source = f.np.as_ref().and_then(|np| speakers.resolve(&tokens, np));
            let kind = match (&source, f.kind) {
                (Some(s), AttributionKind::IndirectSpeech) if s.kind == SourceType::Document => {
                    AttributionKind::PublishedStatement
                }
                // Reported speech that quotes some of the words: "called it “a disgrace”".
                (_, AttributionKind::IndirectSpeech)
                    if f.content
                        .text(doc.text())
                        .contains(['“', '„', '«', '"', '‹', '「']) =>
                {
                    AttributionKind::PartialQuote
                }
                (_, k) => k,
            };
            Attribution {
                kind,
                source,
                cue: Some(f.cue),
                content: f.content,
                outlet: f.outlet.map(str::to_owned),
                confidence: f.confidence,
            }
        })
        .collect();
    attributions.sort_by_key(|a| (a.content.start, a.content.end));
    (attributions, credits::find(doc, structure))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::structure::{BlockKind, LineLabel};

    /// Labels line 0 a headline, lines starting with "Photo" a credit, lines
    /// starting with "Share" social, every other line body.
    fn structure(doc: &Document<'_>) -> Structure {
        let lines = doc
            .lines()
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let text = &doc.text()[l.start..l.end];
                let kind = if i == 0 {
                    BlockKind::Headline
                } else if text.starts_with("Photo") {
                    BlockKind::Credit
                } else if text.starts_with("Share") {
                    BlockKind::Social
                } else {
                    BlockKind::Body
                };
                LineLabel {
                    kind,
                    span: Span::new(l.start, l.end),
                    confidence: 1.0,
                }
            })
            .collect();
        Structure {
            lines,
            ..Structure::default()
        }
    }

    fn run(text: &str) -> (Vec<Attribution>, Vec<Credit>) {
        let doc = Document::new(text);
        extract(&doc, &structure(&doc), None)
    }

    /// The cue of every attribution found in `text`, as text.
    fn cue_texts(text: &str) -> Vec<&str> {
        let (a, _) = run(text);
        a.iter()
            .filter_map(|a| a.cue)
            .map(|c| c.text(text))
            .collect()
    }

    #[test]
    fn reads_the_headline_and_article_text_only_and_credits_everywhere() {
        let text = "Mayor says pool stays shut\n\nPhoto: Reuters/Jane Roe\n\n\
                    Share this: “Click here,” the site said.\n\n\
                    “The pool stays shut until June,” the mayor said.";
        let (attributions, credits) = run(text);
        let contents: Vec<&str> = attributions.iter().map(|a| a.content.text(text)).collect();
        // The headline attributes too; the share prompt is boilerplate.
        assert_eq!(
            contents,
            ["pool stays shut", "“The pool stays shut until June,”"]
        );
        assert_eq!(attributions[1].kind, AttributionKind::DirectQuote);
        assert_eq!(credits.len(), 1);
        assert_eq!(credits[0].agency.as_deref(), Some("Reuters"));
        assert_eq!(credits[0].author.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn kinds_and_source_types() {
        let text = "Headline\n\nAccording to the ministry, 40 schools were closed.\n\n\
                    A report from the agency found that emissions rose.\n\n\
                    Officials said the roads were icy.";
        let (a, _) = run(text);
        let kinds: Vec<_> = a.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [
                AttributionKind::AccordingTo,
                AttributionKind::PublishedStatement,
                AttributionKind::IndirectSpeech
            ]
        );
        let types: Vec<_> = a
            .iter()
            .filter_map(|a| a.source.as_ref().map(|s| s.kind))
            .collect();
        assert_eq!(
            types,
            [
                SourceType::Organization,
                SourceType::Document,
                SourceType::Unnamed
            ]
        );
    }

    #[test]
    fn roles_are_people_and_institutions_organisations_in_any_case() {
        // One language a page: the lexicon follows the article's language.
        for (sentence, name, kind) in [
            (
                "The mayor said the pool would reopen after the summer.",
                "The mayor",
                SourceType::Person,
            ),
            (
                "Die Ministerin sagte, das Bad bleibe bis zum Sommer geschlossen.",
                "Die Ministerin",
                SourceType::Person,
            ),
            (
                "Das Ministerium teilte mit, das Bad bleibe bis zum Sommer geschlossen.",
                "Das Ministerium",
                SourceType::Organization,
            ),
            (
                "La ministra dijo que la piscina seguirá cerrada hasta el verano.",
                "La ministra",
                SourceType::Person,
            ),
            // A role word makes a person of a phrase that names an
            // organisation; one capitalised noun after an article is none.
            (
                "Campaign spokesman Tom Reyes said the bus tour would end in Ohio.",
                "Tom Reyes",
                SourceType::Person,
            ),
            (
                "Le syndicat SNPL a annoncé que la grève des pilotes continuerait lundi.",
                "Le syndicat SNPL",
                SourceType::Organization,
            ),
            (
                "Die Reederei teilte mit, die Fähren führen ab Montag wieder nach Plan.",
                "Die Reederei",
                SourceType::Organization,
            ),
        ] {
            let text = format!("Headline\n\n{sentence}");
            let doc = Document::new(&text);
            let language = crate::enrich::language::detect_article(&doc, None);
            let (a, _) = extract(&doc, &structure(&doc), language.as_ref());
            let sources: Vec<_> = a
                .iter()
                .filter_map(|a| a.source.as_ref().map(|s| (s.name.as_str(), s.kind)))
                .collect();
            assert_eq!(sources, [(name, kind)], "{sentence}");
        }
    }

    #[test]
    fn unnamed_sources_keep_their_whole_phrase() {
        let text = "Headline\n\nPeople close to the talks said a deal was near.\n\n\
                    Two people briefed on the plan told Reuters the bank would cut 300 jobs.\n\n\
                    A spokeswoman for the nurses' union said the strike would go ahead.\n\n\
                    Officials in Bavaria said the roads were icy.";
        let (a, _) = run(text);
        let sources: Vec<_> = a
            .iter()
            .filter_map(|a| a.source.as_ref().map(|s| (s.name.as_str(), s.kind)))
            .collect();
        assert_eq!(
            sources,
            [
                ("People close to the talks", SourceType::Unnamed),
                ("Two people briefed on the plan", SourceType::Unnamed),
                ("A spokeswoman for the nurses' union", SourceType::Unnamed),
                ("Officials in Bavaria", SourceType::Unnamed),
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_stay_one_paragraph_and_quotes_run_over_paragraphs() {
        let text = "Headline\n\nThe minister said the talks\nwould resume on Monday.\n\n\
                    “We are close,” she added. “Very close.\n\n“But not there yet.”";
        let (a, _) = run(text);
        let contents: Vec<&str> = a.iter().map(|a| a.content.text(text)).collect();
        assert_eq!(
            contents,
            [
                "the talks\nwould resume on Monday",
                "“We are close,” she added. “Very close.\n\n“But not there yet.”"
            ]
        );
        // "she" resolves to nobody named: the mention stands.
        assert_eq!(a[1].source.as_ref().map(|s| s.name.as_str()), Some("she"));
    }

    #[test]
    fn a_quotation_paragraph_after_an_attributed_quotation_goes_on_with_it() {
        let text = "Headline\n\n“The pool stays shut,” the mayor said.\n\n\
                    “We need the money first.”\n\nThe council meets in May.";
        let (a, _) = run(text);
        let contents: Vec<&str> = a.iter().map(|a| a.content.text(text)).collect();
        assert_eq!(
            contents,
            ["“The pool stays shut,” the mayor said.\n\n“We need the money first.”"]
        );
        // Not when the attribution sentence goes on with words of its own.
        let text = "Headline\n\n“The pool stays shut,” the mayor said, and left. \
                    The council agreed.\n\n“We need the money first.”";
        let (a, _) = run(text);
        assert_eq!(
            a.first().map(|a| a.content.text(text)),
            Some("“The pool stays shut,”")
        );
    }

    #[test]
    fn pronouns_resolve_to_the_last_person_named() {
        let text = "Headline\n\nAnalyst Vladimir Filippov said prices would rise.\n\n\
                    He added that the rouble would weaken. Filippov also said rates were high.";
        let (a, _) = run(text);
        let names: Vec<&str> = a
            .iter()
            .filter_map(|a| a.source.as_ref())
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Vladimir Filippov",
                "Vladimir Filippov",
                "Vladimir Filippov"
            ]
        );
        assert_eq!(
            a[0].source.as_ref().map(|s| s.description.as_str()),
            Some("Analyst")
        );
    }

    #[test]
    fn reported_speech_is_reported_once_by_its_outermost_attribution() {
        let cues_and_contents = |text: &str| -> Vec<(String, String)> {
            run(text)
                .0
                .iter()
                .map(|a| {
                    let cue = a.cue.map_or("", |c| c.text(text)).to_owned();
                    (cue, a.content.text(text).to_owned())
                })
                .collect()
        };
        // "hoped" and "would resume" are inside what the minister said.
        assert_eq!(
            cues_and_contents("Headline\n\nThe minister said he hoped the talks would resume."),
            [("said".into(), "he hoped the talks would resume".into())]
        );
        // Each holds the other's cue: the later cue wins.
        assert_eq!(
            cues_and_contents("Headline\n\nAbout 30 people would show up to each event, he said."),
            [(
                "said".into(),
                "About 30 people would show up to each event".into()
            )]
        );
        // A cue between the parts of a split quotation is not inside it.
        let split = cues_and_contents(
            "Headline\n\n“We won,” said Ana Ruiz, who said the count was fair. “It is over.”",
        );
        assert_eq!(split.len(), 2, "{split:?}");
        assert_eq!(split[1], ("said".into(), "the count was fair".into()));
    }

    #[test]
    fn interview_labels_are_no_speakers_and_polls_leave_the_answers_they_quote() {
        let text = "Headline\n\nQ: Senator, will you run? Voters want an answer.\n\n\
                    In a Gallup poll released Monday, most voters said the plan was fair.";
        let cues = cue_texts(text);
        assert!(!cues.contains(&":"), "{cues:?}");
        // The poll's finding and the answer it reports both stand.
        assert!(cues.contains(&"In") && cues.contains(&"said"), "{cues:?}");
    }

    #[test]
    fn outlets_before_the_speaker_or_in_a_fronted_phrase() {
        for (text, code, speaker, outlet) in [
            (
                "Headline\n\nIn an interview with the BBC, Transport Secretary Alan Hurst said the state would stay out.",
                "en",
                "Alan Hurst",
                "BBC",
            ),
            (
                "Überschrift\n\nIm Interview mit dem ZDF sagte Verkehrsminister Alfred Horst, die Regierung werde nicht eingreifen.",
                "de",
                "Verkehrsminister Alfred Horst",
                "ZDF",
            ),
            (
                "Titre\n\n« Nous ne reprendrons pas le travail », a déclaré à l’AFP Karine Dolle.",
                "fr",
                "Karine Dolle",
                "AFP",
            ),
            (
                "Заголовок\n\n«Мы не вернёмся к работе», — заявила РИА Новости представитель профсоюза Карина Долина.",
                "ru",
                "Карина Долина",
                "RIA Novosti",
            ),
        ] {
            let doc = Document::new(text);
            let language = crate::enrich::language::detect_article(&doc, Some(code));
            let (a, _) = extract(&doc, &structure(&doc), language.as_ref());
            let got: Vec<_> = a
                .iter()
                .map(|a| {
                    (
                        a.source.as_ref().map(|s| s.name.as_str()),
                        a.outlet.as_deref(),
                    )
                })
                .collect();
            assert_eq!(got, [(Some(speaker), Some(outlet))], "{text}");
        }
    }

    #[test]
    fn anonymity_formulas_attribute_nothing() {
        let text = "Headline\n\nA spokeswoman for the port, who asked not to be named, \
                    said the backlog would take weeks.";
        let cues = cue_texts(text);
        assert_eq!(cues, ["said"]);
    }

    #[test]
    fn arbitrary_text_gives_spans_in_bounds() {
        for text in [
            "",
            "“",
            "\"\"\"",
            "Headline\n\n« » „ “ ‚ ‘ ’ 「 」 ‹ ›, said",
            "Headline\n\nsaid said said, according to",
            "Заголовок\n\n— сказал он. — «",
        ] {
            let (a, c) = run(text);
            for a in &a {
                assert!(
                    text.is_char_boundary(a.content.start) && text.is_char_boundary(a.content.end)
                );
                assert!(a.content.start <= a.content.end && a.content.end <= text.len());
            }
            for c in &c {
                assert!(c.span.end <= text.len());
            }
        }
    }
}
