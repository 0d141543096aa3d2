//! The domain: pure, synchronous enrichment of raw article text.
//!
//! Data flows one way — document → language → structure → dates →
//! attribution → tags/topics — and each stage reads the earlier stages'
//! results; none re-splits the text. Offsets are byte offsets into the
//! caller's text; the transport converts them to the unit the caller asked
//! for. Nothing here knows gRPC.

pub mod attribution;
pub mod dates;
pub mod document;
pub mod language;
pub mod structure;
pub mod tags;
#[cfg(test)]
pub(crate) mod test_files;
pub(crate) mod text;
pub mod topics;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use thiserror::Error;

pub use document::Document;

/// A half-open byte range `[start, end)` of the input text, always on char
/// boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// The text of the span in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The enrichments a caller can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Language of the article and its parts.
    pub language: bool,
    /// Headline, lede, body, byline and block kinds.
    pub structure: bool,
    /// Dateline and dates.
    pub dates: bool,
    /// Quotes, speakers, outlets and credits.
    pub attribution: bool,
    /// Tags and topics.
    pub tags: bool,
}

impl Features {
    /// Every feature.
    pub const ALL: Features = Features {
        language: true,
        structure: true,
        dates: true,
        attribution: true,
        tags: true,
    };

    /// No feature; add them with struct update syntax.
    pub const NONE: Features = Features {
        language: false,
        structure: false,
        dates: false,
        attribution: false,
        tags: false,
    };
}

/// One article to enrich, borrowed from the caller.
#[derive(Debug, Clone)]
pub struct Article<'a> {
    /// The raw text.
    pub text: &'a str,
    /// The caller's BCP-47 language hint.
    pub language_hint: Option<&'a str>,
    /// When the article reached the pipeline: resolves years and relative dates.
    pub reference_time: Option<DateTime<Utc>>,
    /// The URL the text came from.
    pub source_url: Option<&'a str>,
}

/// Everything found in one article; a field is empty when its feature was not
/// requested or nothing was found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Enrichment {
    /// Language of the article and its parts.
    pub language: Option<language::ArticleLanguage>,
    /// Headline, lede, body, byline and the kind of every line.
    pub structure: Option<structure::Structure>,
    /// The dateline and the dates on the page.
    pub dates: Option<dates::Dates>,
    /// Who said or wrote what, in content order.
    pub attributions: Vec<attribution::Attribution>,
    /// Photo, video and wire credits, in text order.
    pub credits: Vec<attribution::Credit>,
    /// Explicit tags, then entities and key phrases of the body.
    pub tags: Vec<tags::Tag>,
    /// IPTC Media Topics, top-level topics best first, each followed by its
    /// confident second-level topics.
    pub topics: Vec<topics::Topic>,
}

/// What one enrichment may spend: the caller's deadline, and a flag the
/// transport raises when the caller goes away. Checked between stages.
#[derive(Debug, Clone, Default)]
pub struct Budget {
    deadline: Option<Instant>,
    cancelled: Option<Arc<AtomicBool>>,
    observer: Option<StageObserver>,
}

/// Told how long each stage of an enrichment took (the server's per-stage
/// metrics), so this module needs no metrics library.
#[derive(Clone)]
pub struct StageObserver(Arc<dyn Fn(&'static str, Duration) + Send + Sync>);

impl std::fmt::Debug for StageObserver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StageObserver")
    }
}

/// Runs the budget's checks and times the stage each check opens: a stage
/// ends where the next check (or the enrichment) does.
struct StageTimer<'a> {
    budget: &'a Budget,
    running: Option<(&'static str, Instant)>,
}

impl StageTimer<'_> {
    fn check(&mut self, stage: &'static str) -> Result<(), Error> {
        let Some(observer) = &self.budget.observer else {
            return self.budget.check(stage);
        };
        let now = Instant::now();
        if let Some((previous, started)) = self.running.take() {
            (observer.0)(previous, now.saturating_duration_since(started));
        }
        self.budget.check(stage)?;
        self.running = Some((stage, now));
        Ok(())
    }
}

impl Drop for StageTimer<'_> {
    fn drop(&mut self) {
        if let (Some(observer), Some((stage, started))) = (&self.budget.observer, self.running) {
            (observer.0)(stage, started.elapsed());
        }
    }
}

impl Budget {
    /// A budget ending at `deadline` (none: no limit).
    pub fn new(deadline: Option<Instant>) -> Self {
        Budget {
            deadline,
            cancelled: None,
            observer: None,
        }
    }

    /// The same budget, also telling `observer` each stage's name and
    /// duration as the stage ends.
    pub fn with_stage_observer(
        mut self,
        observer: impl Fn(&'static str, Duration) + Send + Sync + 'static,
    ) -> Self {
        self.observer = Some(StageObserver(Arc::new(observer)));
        self
    }

    /// The same budget, also ended when `flag` is raised.
    pub fn with_cancellation(mut self, flag: Arc<AtomicBool>) -> Self {
        self.cancelled = Some(flag);
        self
    }

    /// `Err` when the work should stop before `stage`.
    pub fn check(&self, stage: &'static str) -> Result<(), Error> {
        if self
            .cancelled
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed))
        {
            return Err(Error::Cancelled { stage });
        }
        match self.deadline {
            Some(d) if Instant::now() >= d => Err(Error::DeadlineExceeded { stage }),
            _ => Ok(()),
        }
    }
}

/// Why an enrichment stopped.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum Error {
    /// The caller's deadline passed before the pipeline finished.
    #[error("deadline exceeded before the {stage} stage")]
    DeadlineExceeded {
        /// The stage that was about to run.
        stage: &'static str,
    },
    /// The caller went away.
    #[error("cancelled by the caller before the {stage} stage")]
    Cancelled {
        /// The stage that was about to run.
        stage: &'static str,
    },
}

/// The enrichment pipeline. Cheap to share: all lexicons and automata are
/// built once, at start-up, by [`Pipeline::new`].
#[derive(Debug, Default)]
pub struct Pipeline {
    _private: (),
}

impl Pipeline {
    /// Builds the pipeline and everything its stages share.
    pub fn new() -> Self {
        language::warm_up();
        structure::warm_up();
        attribution::warm_up();
        dates::warm_up();
        tags::warm_up();
        topics::warm_up();
        Pipeline { _private: () }
    }

    /// Enriches `article` with the requested `features`, checking `budget`
    /// (deadline, cancellation) between stages.
    pub fn enrich(
        &self,
        article: &Article<'_>,
        features: Features,
        budget: &Budget,
    ) -> Result<Enrichment, Error> {
        let mut timer = StageTimer {
            budget,
            running: None,
        };
        let mut check = |stage: &'static str| timer.check(stage);
        let mut out = Enrichment::default();
        check("document")?;
        let doc = Document::new(article.text);
        check("language")?;
        let language = language::detect_article(&doc, article.language_hint);
        // Later stages read the structure: run it when any of them is asked.
        let needs_structure =
            features.structure || features.dates || features.attribution || features.tags;
        let structure = if needs_structure {
            check("structure")?;
            Some(structure::analyze(&doc, language.as_ref()))
        } else {
            None
        };
        if features.dates
            && let Some(structure) = structure.as_ref()
        {
            check("dates")?;
            out.dates = Some(dates::extract(&doc, structure, article.reference_time));
        }
        if features.attribution
            && let Some(structure) = structure.as_ref()
        {
            check("attribution")?;
            let (attributions, credits) = attribution::extract(&doc, structure, language.as_ref());
            out.attributions = attributions;
            out.credits = credits;
        }
        if features.tags
            && let Some(structure) = structure.as_ref()
        {
            check("tags")?;
            // Both stages read the same body lines: found once.
            let body = tags::body(&doc, structure);
            out.tags = tags::extract_from_body(&doc, structure, language.as_ref(), &body);
            check("topics")?;
            out.topics =
                topics::classify_with_body(&doc, structure, language.as_ref(), &out.tags, &body);
        }
        if features.language {
            out.language = language;
        }
        if features.structure {
            out.structure = structure;
        }
        Ok(out)
    }
}
