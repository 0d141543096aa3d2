//! Request → domain and domain → response. Validation collects every problem
//! of a request at once; conversion back turns byte spans into the caller's
//! offset unit and fills each span's text.

use chrono::DateTime;
use tonic::Status;

use super::error::{InvalidRequest, Reason};
use super::offsets::{OffsetMapper, Unit};
use crate::enrich::{
    self, Budget, Features, Pipeline, attribution, dates, language, structure, tags, topics,
};
use crate::pb;

/// Request limits, from the server configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest `article.text` accepted, in bytes.
    pub max_text_bytes: usize,
    /// The most requests in one batch.
    pub max_batch_size: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_text_bytes: 2 * 1024 * 1024,
            max_batch_size: 64,
        }
    }
}

/// A validated request, borrowing from the message.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The caller's article id.
    pub id: &'a str,
    /// The article in domain terms.
    pub article: enrich::Article<'a>,
    /// The features asked for.
    pub features: Features,
    /// The offset unit of the response.
    pub unit: Unit,
}

/// Validates one request; `prefix` is the field path of the request in its
/// message (`""` for EnrichArticle, `"requests[3]."` in a batch). Every problem
/// is added to `invalid`; `None` when there was any.
pub fn validate<'a>(
    req: &'a pb::EnrichArticleRequest,
    limits: &Limits,
    prefix: &str,
    invalid: &mut InvalidRequest,
) -> Option<Request<'a>> {
    let before = invalid.violations.len();
    let unit = match pb::TextEncoding::try_from(req.text_encoding) {
        Ok(pb::TextEncoding::Unspecified | pb::TextEncoding::Utf8) => Unit::Utf8,
        Ok(pb::TextEncoding::Utf16) => Unit::Utf16,
        Ok(pb::TextEncoding::Utf32) => Unit::CodePoints,
        Err(_) => {
            invalid.add(
                Reason::UnknownEnumValue,
                format!("{prefix}text_encoding"),
                format!(
                    "unknown text encoding {}; use TEXT_ENCODING_UTF8, _UTF16 or _UTF32",
                    req.text_encoding
                ),
            );
            Unit::Utf8
        }
    };
    let features = features(&req.features, prefix, invalid);
    let Some(article) = req.article.as_ref() else {
        invalid.add(
            Reason::MissingArticle,
            format!("{prefix}article"),
            "an article with its text is required",
        );
        return None;
    };
    if article.text.trim().is_empty() {
        invalid.add(
            Reason::EmptyText,
            format!("{prefix}article.text"),
            "must hold the article's text; it is empty or only whitespace",
        );
    } else if article.text.len() > limits.max_text_bytes {
        invalid.add(
            Reason::TextTooLarge,
            format!("{prefix}article.text"),
            format!(
                "is {} bytes, over this server's limit of {} bytes; split the text or raise --max-text-bytes",
                article.text.len(),
                limits.max_text_bytes
            ),
        );
    }
    let language_hint = Some(article.language_code.trim()).filter(|c| !c.is_empty());
    if let Some(code) = language_hint
        && !is_bcp47(code)
    {
        invalid.add(
            Reason::MalformedField,
            format!("{prefix}article.language_code"),
            format!("{code:?} is not a BCP-47 language tag such as \"en\" or \"pt-BR\""),
        );
    }
    let reference_time = match &article.reference_time {
        None => None,
        Some(ts) => {
            let time = u32::try_from(ts.nanos)
                .ok()
                .and_then(|nanos| DateTime::from_timestamp(ts.seconds, nanos));
            if time.is_none() {
                invalid.add(
                    Reason::MalformedField,
                    format!("{prefix}article.reference_time"),
                    "is not a valid timestamp (nanos must be 0..=999999999, seconds within years 1..9999)",
                );
            }
            time
        }
    };
    if invalid.violations.len() > before {
        return None;
    }
    Some(Request {
        id: &article.id,
        article: enrich::Article {
            text: &article.text,
            language_hint,
            reference_time,
            source_url: Some(article.source_url.as_str()).filter(|u| !u.is_empty()),
        },
        features,
        unit,
    })
}

fn features(values: &[i32], prefix: &str, invalid: &mut InvalidRequest) -> Features {
    if values.is_empty() {
        return Features::ALL;
    }
    let mut out = Features::NONE;
    for (i, &value) in values.iter().enumerate() {
        match pb::Feature::try_from(value) {
            Ok(pb::Feature::Language) => out.language = true,
            Ok(pb::Feature::Structure) => out.structure = true,
            Ok(pb::Feature::Dates) => out.dates = true,
            Ok(pb::Feature::Attribution) => out.attribution = true,
            Ok(pb::Feature::Tags) => out.tags = true,
            Ok(pb::Feature::Unspecified) | Err(_) => invalid.add(
                Reason::UnknownEnumValue,
                format!("{prefix}features[{i}]"),
                format!("unknown feature {value}; use FEATURE_LANGUAGE, _STRUCTURE, _DATES, _ATTRIBUTION or _TAGS"),
            ),
        }
    }
    out
}

/// A well-formed BCP-47 tag: a 2–3 letter primary subtag, then subtags of
/// 1–8 letters or digits.
fn is_bcp47(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Validates, enriches and converts one request, synchronously: the one code
/// path of the service's workers, `copydesk enrich` and `copydesk eval`.
pub fn enrich_request(
    pipeline: &Pipeline,
    limits: &Limits,
    req: &pb::EnrichArticleRequest,
    budget: &Budget,
) -> Result<pb::Enrichment, Status> {
    let mut invalid = InvalidRequest::default();
    let Some(request) = validate(req, limits, "", &mut invalid) else {
        return Err(invalid.into());
    };
    let enrichment = pipeline.enrich(&request.article, request.features, budget)?;
    Ok(to_pb(&request, &enrichment))
}

/// The domain enrichment as the API message.
pub fn to_pb(request: &Request<'_>, enrichment: &enrich::Enrichment) -> pb::Enrichment {
    let offsets = OffsetMapper::new(request.article.text, request.unit);
    pb::Enrichment {
        article_id: request.id.to_owned(),
        language: enrichment
            .language
            .as_ref()
            .map(|l| language_to_pb(l, &offsets)),
        structure: enrichment
            .structure
            .as_ref()
            .map(|s| structure_to_pb(s, request.article.text, &offsets)),
        attributions: enrichment
            .attributions
            .iter()
            .map(|a| attribution_to_pb(a, &offsets))
            .collect(),
        credits: enrichment
            .credits
            .iter()
            .map(|c| credit_to_pb(c, &offsets))
            .collect(),
        dateline: enrichment
            .dates
            .as_ref()
            .and_then(|d| d.dateline.as_ref())
            .map(|d| dateline_to_pb(d, &offsets)),
        dates: enrichment
            .dates
            .iter()
            .flat_map(|d| &d.mentions)
            .map(|m| date_mention_to_pb(m, &offsets))
            .collect(),
        tags: enrichment
            .tags
            .iter()
            .map(|t| tag_to_pb(t, &offsets))
            .collect(),
        topics: topics_to_pb(&enrichment.topics),
    }
}

fn tag_to_pb(t: &tags::Tag, offsets: &OffsetMapper<'_>) -> pb::Tag {
    let kind = match t.kind {
        tags::TagKind::Explicit => pb::TagKind::Explicit,
        tags::TagKind::Person => pb::TagKind::Person,
        tags::TagKind::Organization => pb::TagKind::Organization,
        tags::TagKind::Location => pb::TagKind::Location,
        tags::TagKind::KeyPhrase => pb::TagKind::KeyPhrase,
    };
    pb::Tag {
        name: t.name.clone(),
        kind: kind as i32,
        salience: t.salience,
        mention_count: i32::try_from(t.mention_count).unwrap_or(i32::MAX),
        first_mention: t.first_mention.map(|span| offsets.span(span)),
        country_code: t.country_code.clone().unwrap_or_default(),
    }
}

/// Topics, highest score first (a stable sort keeps a parent before its
/// children on ties).
fn topics_to_pb(list: &[topics::Topic]) -> Vec<pb::Topic> {
    let mut out: Vec<pb::Topic> = list
        .iter()
        .map(|t| pb::Topic {
            code: t.code.clone(),
            label: t.label.clone(),
            parent_code: t.parent_code.clone().unwrap_or_default(),
            score: t.score,
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

fn language_to_pb(lang: &language::ArticleLanguage, offsets: &OffsetMapper<'_>) -> pb::Language {
    let d = &lang.article;
    pb::Language {
        language_code: d.code.to_owned(),
        script: d.script.to_owned(),
        confidence: d.confidence,
        reliable: d.reliable,
        alternatives: d
            .alternatives
            .iter()
            .map(|&(code, confidence)| pb::LanguageCandidate {
                language_code: code.to_owned(),
                confidence,
            })
            .collect(),
        segments: lang
            .segments
            .iter()
            .map(|s| pb::LanguageSegment {
                span: Some(offsets.span(s.span)),
                language_code: s.detection.code.to_owned(),
                script: s.detection.script.to_owned(),
                confidence: s.detection.confidence,
            })
            .collect(),
    }
}

fn structure_to_pb(
    s: &structure::Structure,
    text: &str,
    offsets: &OffsetMapper<'_>,
) -> pb::Structure {
    pb::Structure {
        headline: s.headline.map(|span| offsets.span(span)),
        lede: s.lede.map(|span| offsets.span(span)),
        body_paragraphs: s
            .body_paragraphs
            .iter()
            .map(|&span| offsets.span(span))
            .collect(),
        body_text: s.body_text(text),
        byline: s.byline.map(|span| offsets.span(span)),
        authors: s.authors.clone(),
        section: s.section.clone().unwrap_or_default(),
        blocks: s
            .lines
            .iter()
            .map(|line| pb::Block {
                kind: block_kind_to_pb(line.kind) as i32,
                span: Some(offsets.span(line.span)),
                confidence: line.confidence,
            })
            .collect(),
    }
}

fn attribution_to_pb(a: &attribution::Attribution, offsets: &OffsetMapper<'_>) -> pb::Attribution {
    use attribution::{AttributionKind as K, SourceType as T};
    let kind = match a.kind {
        K::DirectQuote => pb::AttributionKind::DirectQuote,
        K::PartialQuote => pb::AttributionKind::PartialQuote,
        K::IndirectSpeech => pb::AttributionKind::IndirectSpeech,
        K::AccordingTo => pb::AttributionKind::AccordingTo,
        K::PublishedStatement => pb::AttributionKind::PublishedStatement,
    };
    pb::Attribution {
        kind: kind as i32,
        source: a.source.as_ref().map(|s| pb::Source {
            name: s.name.clone(),
            description: s.description.clone(),
            r#type: match s.kind {
                T::Person => pb::SourceType::Person,
                T::Organization => pb::SourceType::Organization,
                T::Outlet => pb::SourceType::Outlet,
                T::Document => pb::SourceType::Document,
                T::Unnamed => pb::SourceType::Unnamed,
            } as i32,
            mention: s.mention.map(|m| offsets.span(m)),
        }),
        cue: a.cue.map(|c| offsets.span(c)),
        content: Some(offsets.span(a.content)),
        outlet: a.outlet.clone().unwrap_or_default(),
        confidence: a.confidence,
    }
}

fn dateline_to_pb(d: &dates::Dateline, offsets: &OffsetMapper<'_>) -> pb::Dateline {
    pb::Dateline {
        span: Some(offsets.span(d.span)),
        place: d.place.clone(),
        place_name: d.place_name.clone(),
        country_code: d.country_code.clone().unwrap_or_default(),
        agency: d.agency.clone().unwrap_or_default(),
        date: d.date.map(|p| pb::google::r#type::Date {
            year: p.year,
            month: i32::try_from(p.month).unwrap_or(0),
            day: i32::try_from(p.day).unwrap_or(0),
        }),
    }
}

fn date_mention_to_pb(m: &dates::DateMention, offsets: &OffsetMapper<'_>) -> pb::DateMention {
    use dates::DateRole as R;
    pb::DateMention {
        span: Some(offsets.span(m.span)),
        role: match m.role {
            R::PageTimestamp => pb::DateRole::PageTimestamp,
            R::Published => pb::DateRole::Published,
            R::Updated => pb::DateRole::Updated,
            R::Dateline => pb::DateRole::Dateline,
            R::Event => pb::DateRole::Event,
        } as i32,
        normalized: m.normalized.clone().unwrap_or_default(),
    }
}

fn credit_to_pb(c: &attribution::Credit, offsets: &OffsetMapper<'_>) -> pb::Credit {
    use attribution::CreditKind as K;
    pb::Credit {
        kind: match c.kind {
            K::Photo => pb::CreditKind::Photo,
            K::Video => pb::CreditKind::Video,
            K::Wire => pb::CreditKind::Wire,
            K::Graphic => pb::CreditKind::Graphic,
        } as i32,
        agency: c.agency.clone().unwrap_or_default(),
        author: c.author.clone().unwrap_or_default(),
        year: c.year.unwrap_or(0),
        span: Some(offsets.span(c.span)),
    }
}

fn block_kind_to_pb(kind: structure::BlockKind) -> pb::BlockKind {
    use structure::BlockKind as K;
    match kind {
        K::Headline => pb::BlockKind::Headline,
        K::Deck => pb::BlockKind::Deck,
        K::Lede => pb::BlockKind::Lede,
        K::Body => pb::BlockKind::Body,
        K::Byline => pb::BlockKind::Byline,
        K::Dateline => pb::BlockKind::Dateline,
        K::Timestamp => pb::BlockKind::Timestamp,
        K::Section => pb::BlockKind::Section,
        K::Caption => pb::BlockKind::Caption,
        K::Credit => pb::BlockKind::Credit,
        K::Navigation => pb::BlockKind::Navigation,
        K::Social => pb::BlockKind::Social,
        K::Counter => pb::BlockKind::Counter,
        K::Related => pb::BlockKind::Related,
        K::Tags => pb::BlockKind::Tags,
        K::Comments => pb::BlockKind::Comments,
        K::Advertisement => pb::BlockKind::Advertisement,
        K::Banner => pb::BlockKind::Banner,
        K::Footer => pb::BlockKind::Footer,
        K::Boilerplate => pb::BlockKind::Boilerplate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(text: &str) -> pb::EnrichArticleRequest {
        pb::EnrichArticleRequest {
            article: Some(pb::Article {
                id: "a1".into(),
                text: text.into(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn collects_every_violation() {
        let mut req = request("   ");
        req.features = vec![1, 42];
        req.text_encoding = 9;
        if let Some(a) = req.article.as_mut() {
            a.language_code = "english please".into();
        }
        let mut invalid = InvalidRequest::default();
        assert!(validate(&req, &Limits::default(), "requests[2].", &mut invalid).is_none());
        let fields: Vec<_> = invalid.violations.iter().map(|v| v.1.as_str()).collect();
        assert_eq!(
            fields,
            [
                "requests[2].text_encoding",
                "requests[2].features[1]",
                "requests[2].article.text",
                "requests[2].article.language_code"
            ]
        );
    }

    #[test]
    fn rejects_text_over_the_cap_and_accepts_it_at_the_cap() {
        let limits = Limits {
            max_text_bytes: 10,
            max_batch_size: 1,
        };
        let mut invalid = InvalidRequest::default();
        assert!(validate(&request("0123456789"), &limits, "", &mut invalid).is_some());
        assert!(validate(&request("0123456789a"), &limits, "", &mut invalid).is_none());
        assert_eq!(invalid.violations[0].0, Reason::TextTooLarge);
    }

    #[test]
    fn bcp47_tags() {
        for ok in ["en", "pt-BR", "zh-Hans-CN", "gsw", "en_US"] {
            assert!(is_bcp47(ok), "{ok}");
        }
        for bad in ["e", "english", "en--US", "12", "en-toolongsubtag"] {
            assert!(!is_bcp47(bad), "{bad}");
        }
    }

    #[test]
    fn the_article_id_is_echoed_and_offsets_use_the_requested_unit() {
        let pipeline = Pipeline::new();
        let mut req = request(
            "Заголовок новости\n\nМинистр заявил, что переговоры возобновятся на следующей неделе в Женеве.",
        );
        req.text_encoding = pb::TextEncoding::Utf32 as i32;
        let out = enrich_request(&pipeline, &Limits::default(), &req, &Budget::default())
            .expect("enriched");
        assert_eq!(out.article_id, "a1");
        assert_eq!(out.language.map(|l| l.language_code), Some("ru".to_owned()));
    }
}
