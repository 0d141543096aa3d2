//! `copydesk eval DIR`: measures the enrichers on the labelled task files of the
//! evaluation folder (`language.jsonl`, `structure.jsonl`, `dateline.jsonl`,
//! `attribution.jsonl`, `topics.jsonl`; schema in that folder's README) and
//! prints one table per task, one row per dataset and a pooled `all` row.
//!
//! Every item goes through the same code path as the gRPC service (an
//! [`EnrichFn`]), with its `reference_time`, code-point offsets (the unit of
//! the gold offsets) and only the features its task measures. An item whose
//! enrichment fails is a miss, counted in the `errors` column; the run goes on.
//!
//! The metrics are design.md §5. Where it leaves room, the choice is written on
//! the score's field: see [`LanguageScores`], [`StructureScores`],
//! [`DatelineScores`], [`AttributionScores`] and [`TopicScores`]. Only labelled
//! fields are scored: a gold field absent from the record's `quality` is
//! skipped, and one listed there with value `null` or `[]` is a labelled "none".
//!
//! The data is read at run time and never copied into the repository.

mod attribution;
mod dateline;
mod language;
mod metrics;
mod record;
mod structure;
mod table;
mod topics;

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

pub use attribution::AttributionScores;
pub use dateline::DatelineScores;
pub use language::LanguageScores;
pub use structure::StructureScores;
pub use topics::TopicScores;

use crate::pb::{EnrichArticleRequest, Enrichment, Feature};
use record::Record;

/// Something that enriches one request in-process (the CLI passes the same code
/// path the gRPC service uses).
pub type EnrichFn<'a> =
    dyn Fn(EnrichArticleRequest) -> Result<Enrichment, tonic::Status> + Sync + 'a;

/// One evaluation task, read from `<name>.jsonl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Task {
    /// Language identification (`language.jsonl`).
    Language,
    /// Headline, lede, body and boilerplate (`structure.jsonl`).
    Structure,
    /// Datelines (`dateline.jsonl`).
    Dateline,
    /// Source attribution (`attribution.jsonl`).
    Attribution,
    /// IPTC topics and entities (`topics.jsonl`).
    Topics,
}

impl Task {
    /// Every task, in the order they run and print.
    pub const ALL: [Self; 5] = [
        Self::Language,
        Self::Structure,
        Self::Dateline,
        Self::Attribution,
        Self::Topics,
    ];

    /// The task's name: the first part of its metric keys and its file stem.
    pub fn name(self) -> &'static str {
        match self {
            Self::Language => "language",
            Self::Structure => "structure",
            Self::Dateline => "dateline",
            Self::Attribution => "attribution",
            Self::Topics => "topics",
        }
    }

    /// The task file's name: `<name>.jsonl`.
    pub fn file_name(self) -> String {
        format!("{}.jsonl", self.name())
    }
}

impl fmt::Display for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Task {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|task| task.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| Error::UnknownTask(name.to_owned()))
    }
}

/// How to run an evaluation. The default runs every task, on every record,
/// with one thread per core.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The tasks to run; `None` runs all of them.
    pub tasks: Option<Vec<Task>>,
    /// Read at most this many records of each task file (a quick run).
    pub limit: Option<usize>,
    /// Worker threads; 0 means one per available core.
    pub threads: usize,
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A task file or the folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A line of a task file is not a valid record.
    #[error("{}:{line}: bad record: {source}", path.display())]
    Json {
        /// The task file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
    /// The report could not be written.
    #[error("writing the report: {0}")]
    Write(#[source] io::Error),
    /// A task name that is none of language, structure, dateline, attribution
    /// and topics.
    #[error("unknown task {0:?} (expected language, structure, dateline, attribution or topics)")]
    UnknownTask(String),
}

/// A metric's value and the number of units it was measured over (pages,
/// items, snippets, attributions… as its definition says).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// The value: from 0 to 1 for a metric; for the `.n` and `.errors`
    /// entries, the count.
    pub value: f64,
    /// How many units it was measured over: at least 1 for a metric; for the
    /// `.n` and `.errors` entries, the count itself.
    pub n: usize,
}

/// The results of one task: a row per dataset, in dataset-name order, then a
/// [`POOLED_ROW`] over all of them when there is more than one.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskReport<S> {
    /// One row per dataset.
    pub datasets: Vec<DatasetRow<S>>,
    /// Records read.
    pub items: usize,
    /// Records whose enrichment failed.
    pub errors: usize,
    /// Wall-clock time of the task (reading, enriching and scoring).
    pub elapsed: Duration,
    /// The first failure, `<item id>: <status>`, for the note under the table.
    pub first_error: Option<String>,
}

/// One dataset's row of a task table: its counts and the task's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetRow<S> {
    /// The dataset.
    pub dataset: String,
    /// Records read.
    pub items: usize,
    /// Records whose enrichment failed (scored as misses).
    pub errors: usize,
    /// The task's metrics over this dataset.
    pub scores: S,
}

/// The numbers of an evaluation run; a task is `None` when it was not selected
/// or its file is missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Language identification.
    pub language: Option<TaskReport<LanguageScores>>,
    /// Structure.
    pub structure: Option<TaskReport<StructureScores>>,
    /// Datelines.
    pub dateline: Option<TaskReport<DatelineScores>>,
    /// Attribution.
    pub attribution: Option<TaskReport<AttributionScores>>,
    /// Topics.
    pub topics: Option<TaskReport<TopicScores>>,
}

impl Report {
    /// The value of a metric by its key, `<task>.<dataset>.<metric>`: e.g.
    /// `language.lingua-testdata.sentence.accuracy`,
    /// `structure.zyte-article-extraction-benchmark.body_f1`,
    /// `dateline.reuters-21578.exact_span`, `attribution.polnear.content_f1`,
    /// `topics.bbc-news-5class.top1`. `<task>.<dataset>.n` and
    /// `<task>.<dataset>.errors` are the item and error counts. `None` when
    /// the key is unknown or the metric had nothing to measure.
    pub fn metric(&self, key: &str) -> Option<f64> {
        self.score(key).map(|s| s.value)
    }

    /// The value and count of a metric by its key (see [`Report::metric`]).
    pub fn score(&self, key: &str) -> Option<Score> {
        self.entries()
            .into_iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, s)| s)
    }

    /// Every metric key of this run, in table order, including the metrics
    /// that had nothing to measure (their [`Report::metric`] is `None`).
    pub fn keys(&self) -> Vec<String> {
        self.entries().into_iter().map(|(key, _)| key).collect()
    }

    /// Records read over all tasks.
    pub fn items(&self) -> usize {
        self.totals().0
    }

    /// Wall-clock time over all tasks.
    pub fn elapsed(&self) -> Duration {
        self.totals().1
    }

    fn totals(&self) -> (usize, Duration) {
        [
            self.language.as_ref().map(TaskReport::size),
            self.structure.as_ref().map(TaskReport::size),
            self.dateline.as_ref().map(TaskReport::size),
            self.attribution.as_ref().map(TaskReport::size),
            self.topics.as_ref().map(TaskReport::size),
        ]
        .into_iter()
        .flatten()
        .fold((0, Duration::ZERO), |(items, elapsed), (i, e)| {
            (items + i, elapsed + e)
        })
    }

    fn entries(&self) -> Vec<(String, Option<Score>)> {
        let mut entries = Vec::new();
        push_entries(&mut entries, Task::Language, self.language.as_ref());
        push_entries(&mut entries, Task::Structure, self.structure.as_ref());
        push_entries(&mut entries, Task::Dateline, self.dateline.as_ref());
        push_entries(&mut entries, Task::Attribution, self.attribution.as_ref());
        push_entries(&mut entries, Task::Topics, self.topics.as_ref());
        entries
    }
}

impl<S> TaskReport<S> {
    /// Records read and wall-clock time.
    fn size(&self) -> (usize, Duration) {
        (self.items, self.elapsed)
    }
}

fn push_entries<S: Columns>(
    entries: &mut Vec<(String, Option<Score>)>,
    task: Task,
    report: Option<&TaskReport<S>>,
) {
    let Some(report) = report else {
        return;
    };
    for row in &report.datasets {
        let prefix = format!("{task}.{}", row.dataset);
        let count = |n: usize| Some(Score { value: n as f64, n });
        entries.push((format!("{prefix}.n"), count(row.items)));
        entries.push((format!("{prefix}.errors"), count(row.errors)));
        for column in row.scores.columns() {
            entries.push((format!("{prefix}.{}", column.key), column.score));
        }
    }
}

/// One metric column of a task table.
pub(crate) struct Column {
    /// The metric key after `<task>.<dataset>.`.
    key: &'static str,
    /// The table header.
    header: &'static str,
    /// The value, `None` when there was nothing to measure.
    score: Option<Score>,
}

impl Column {
    /// A column.
    pub(crate) fn new(key: &'static str, header: &'static str, score: Option<Score>) -> Self {
        Self { key, header, score }
    }
}

/// A task's scores over one dataset, as table columns.
pub(crate) trait Columns {
    /// The metric columns, always the same list for a task.
    fn columns(&self) -> Vec<Column>;
}

/// One task: its gold schema, what it asks for, and how it scores.
pub(crate) trait Evaluation {
    /// The task.
    const TASK: Task;
    /// The features each request asks for.
    const FEATURES: &'static [Feature];
    /// One line on how the columns are computed, printed under the title.
    const LEGEND: &'static str;
    /// The task's `gold` object.
    type Gold: DeserializeOwned;
    /// What one item contributes (small: no text; cloned once for the
    /// pooled row).
    type Outcome: Send + Clone;
    /// Per-dataset running sums.
    type Acc: Default;
    /// Per-dataset results.
    type Scores: Columns;

    /// Scores one item; a failed enrichment arrives as an empty one.
    fn score(record: &Record<Self::Gold>, enrichment: &Enrichment) -> Self::Outcome;
    /// Adds an item's outcome to its dataset's sums.
    fn add(acc: &mut Self::Acc, outcome: Self::Outcome);
    /// The dataset's scores.
    fn finish(acc: Self::Acc) -> Self::Scores;
}

/// Runs every task file found in `dir` and writes one table per task and
/// dataset to `out`, then a timing line. Missing task files are skipped with a
/// note; failed enrichments are misses, counted in the `errors` column.
pub fn run(
    dir: &Path,
    enrich: &EnrichFn<'_>,
    options: &Options,
    out: &mut dyn Write,
) -> Result<Report, Error> {
    let metadata = fs::metadata(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    if !metadata.is_dir() {
        return Err(Error::Io {
            path: dir.to_owned(),
            source: io::Error::new(io::ErrorKind::NotADirectory, "not a directory"),
        });
    }
    let threads = match options.threads {
        0 => thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let limit = options
        .limit
        .map(|n| format!(", at most {n} records per file"))
        .unwrap_or_default();
    writeln!(
        out,
        "copydesk eval {}: {threads} threads{limit}",
        dir.display()
    )
    .map_err(Error::Write)?;
    writeln!(
        out,
        "cells: the value, with its count in parentheses when that is not the row's n; '-': nothing to measure"
    )
    .map_err(Error::Write)?;

    let mut report = Report::default();
    for task in Task::ALL {
        if options
            .tasks
            .as_ref()
            .is_some_and(|tasks| !tasks.contains(&task))
        {
            continue;
        }
        match task {
            Task::Language => {
                report.language = run_task::<language::Eval>(dir, enrich, options, threads, out)?
            }
            Task::Structure => {
                report.structure = run_task::<structure::Eval>(dir, enrich, options, threads, out)?
            }
            Task::Dateline => {
                report.dateline = run_task::<dateline::Eval>(dir, enrich, options, threads, out)?
            }
            Task::Attribution => {
                report.attribution =
                    run_task::<attribution::Eval>(dir, enrich, options, threads, out)?;
            }
            Task::Topics => {
                report.topics = run_task::<topics::Eval>(dir, enrich, options, threads, out)?
            }
        }
    }
    let (items, elapsed) = report.totals();
    writeln!(out, "\ntotal: {}", timing(items, elapsed)).map_err(Error::Write)?;
    Ok(report)
}

/// "N items in S s (R items/s)".
fn timing(items: usize, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        items as f64 / seconds
    } else {
        0.0
    };
    format!("{items} items in {seconds:.1} s ({rate:.0} items/s)")
}

/// The name of the row that pools every dataset of a task (its keys read
/// `<task>.all.<metric>`).
pub const POOLED_ROW: &str = "all";

/// The scored records in file order, and the first failure's description.
type Outcomes<O> = (Vec<Scored<O>>, Option<String>);

/// One scored record, in file order.
struct Scored<O> {
    index: usize,
    dataset: String,
    failed: bool,
    outcome: O,
}

/// Reads, runs and prints one task; `None` when its file is missing.
fn run_task<E: Evaluation>(
    dir: &Path,
    enrich: &EnrichFn<'_>,
    options: &Options,
    threads: usize,
    out: &mut dyn Write,
) -> Result<Option<TaskReport<E::Scores>>, Error> {
    let path = dir.join(E::TASK.file_name());
    let started = Instant::now();
    let content = match fs::read_to_string(&path) {
        Ok(content) => content,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            writeln!(
                out,
                "\n{}: skipped, no {} in {}",
                E::TASK,
                E::TASK.file_name(),
                dir.display()
            )
            .map_err(Error::Write)?;
            return Ok(None);
        }
        Err(source) => return Err(Error::Io { path, source }),
    };
    let lines: Vec<(usize, &str)> = content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .take(options.limit.unwrap_or(usize::MAX))
        .collect();

    let (scored, first_error) =
        score_lines::<E>(&path, &lines, enrich, threads.clamp(1, lines.len().max(1)))?;

    let mut datasets: Vec<(String, usize, usize, E::Acc)> = Vec::new();
    let mut pooled = E::Acc::default();
    let mut errors = 0;
    for item in scored {
        errors += usize::from(item.failed);
        E::add(&mut pooled, item.outcome.clone());
        let position = match datasets.iter().position(|(name, ..)| *name == item.dataset) {
            Some(position) => position,
            None => {
                datasets.push((item.dataset, 0, 0, E::Acc::default()));
                datasets.len() - 1
            }
        };
        if let Some((_, items, failed, acc)) = datasets.get_mut(position) {
            *items += 1;
            *failed += usize::from(item.failed);
            E::add(acc, item.outcome);
        }
    }
    datasets.sort_by(|a, b| a.0.cmp(&b.0));
    // Some targets are set over every dataset at once ("lede exact match
    // overall"): a last row pools the items of all of them.
    if datasets.len() > 1 {
        let items = datasets.iter().map(|(_, items, ..)| items).sum();
        datasets.push((POOLED_ROW.to_owned(), items, errors, pooled));
    }
    let report = TaskReport {
        datasets: datasets
            .into_iter()
            .map(|(dataset, items, errors, acc)| DatasetRow {
                dataset,
                items,
                errors,
                scores: E::finish(acc),
            })
            .collect(),
        items: lines.len(),
        errors,
        elapsed: started.elapsed(),
        first_error,
    };
    print_task(out, E::TASK, E::LEGEND, &report).map_err(Error::Write)?;
    Ok(Some(report))
}

/// Parses, enriches and scores `lines` on `threads` scoped threads. Returns the
/// outcomes in file order and the first failure's description.
fn score_lines<E: Evaluation>(
    path: &Path,
    lines: &[(usize, &str)],
    enrich: &EnrichFn<'_>,
    threads: usize,
) -> Result<Outcomes<E::Outcome>, Error> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    type Part<O> = Result<(Vec<Scored<O>>, Option<(usize, String)>), Error>;
    let work = || -> Part<E::Outcome> {
        let mut scored = Vec::new();
        let mut first_error: Option<(usize, String)> = None;
        while !stop.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(&(line_index, line)) = lines.get(index) else {
                break;
            };
            let record: Record<E::Gold> = serde_json::from_str(line).map_err(|source| {
                stop.store(true, Ordering::Relaxed);
                Error::Json {
                    path: path.to_owned(),
                    line: line_index + 1,
                    source,
                }
            })?;
            let request = record.request(E::FEATURES);
            let result = panic::catch_unwind(AssertUnwindSafe(|| enrich(request)));
            let (enrichment, error) = match result {
                Ok(Ok(enrichment)) => (enrichment, None),
                Ok(Err(status)) => (
                    Enrichment::default(),
                    Some(format!("{:?}: {}", status.code(), status.message())),
                ),
                Err(_) => (Enrichment::default(), Some("panicked".to_owned())),
            };
            if let Some(error) = &error {
                if first_error.as_ref().is_none_or(|(i, _)| index < *i) {
                    first_error = Some((index, format!("{}: {error}", record.id)));
                }
            }
            scored.push(Scored {
                index,
                failed: error.is_some(),
                outcome: E::score(&record, &enrichment),
                dataset: record.dataset,
            });
        }
        Ok((scored, first_error))
    };
    let parts: Vec<Part<E::Outcome>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| panic::resume_unwind(panic))
            })
            .collect()
    });

    let mut scored = Vec::with_capacity(lines.len());
    let mut first_error: Option<(usize, String)> = None;
    let mut bad_record: Option<Error> = None;
    for part in parts {
        match part {
            Ok((part, error)) => {
                scored.extend(part);
                if let Some((index, error)) = error {
                    if first_error.as_ref().is_none_or(|(i, _)| index < *i) {
                        first_error = Some((index, error));
                    }
                }
            }
            Err(error) => {
                let earlier = match (&bad_record, &error) {
                    (Some(Error::Json { line: old, .. }), Error::Json { line: new, .. }) => {
                        new < old
                    }
                    (None, _) => true,
                    _ => false,
                };
                if earlier {
                    bad_record = Some(error);
                }
            }
        }
    }
    if let Some(error) = bad_record {
        return Err(error);
    }
    scored.sort_by_key(|s| s.index);
    Ok((scored, first_error.map(|(_, e)| e)))
}

/// Prints a task's title, legend, table and notes.
fn print_task<S: Columns>(
    out: &mut dyn Write,
    task: Task,
    legend: &str,
    report: &TaskReport<S>,
) -> io::Result<()> {
    writeln!(
        out,
        "\n{task} ({}): {}, {} errors",
        task.file_name(),
        timing(report.items, report.elapsed),
        report.errors
    )?;
    writeln!(out, "  {legend}")?;
    let Some(first) = report.datasets.first() else {
        writeln!(out, "  (no records)")?;
        return Ok(());
    };
    let mut header = vec!["dataset".to_owned(), "n".to_owned(), "errors".to_owned()];
    header.extend(first.scores.columns().iter().map(|c| c.header.to_owned()));
    let rows: Vec<Vec<String>> = report
        .datasets
        .iter()
        .map(|row| {
            let mut cells = vec![
                row.dataset.clone(),
                row.items.to_string(),
                row.errors.to_string(),
            ];
            cells.extend(
                row.scores
                    .columns()
                    .iter()
                    .map(|c| cell(c.score, row.items)),
            );
            cells
        })
        .collect();
    table::write(out, &header, &rows)?;
    if let Some(error) = &report.first_error {
        writeln!(out, "  first error: {error}")?;
    }
    Ok(())
}

/// "0.873", or "0.873 (442)" when measured over another count than the row's.
fn cell(score: Option<Score>, items: usize) -> String {
    match score {
        None => "-".to_owned(),
        Some(Score { value, n }) if n == items => format!("{value:.3}"),
        Some(Score { value, n }) => format!("{value:.3} ({n})"),
    }
}

#[cfg(test)]
mod tests;
