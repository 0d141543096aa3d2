//! `copydesk eval DIR`: measure accuracy on the labelled task files in `DIR`,
//! enriching in-process through the same code path as the service.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Parser;
use copydesk::enrich::{Budget, Pipeline};
use copydesk::eval::{self, Options, Task};
use copydesk::grpc::{Limits, enrich_request};

/// Options of `copydesk eval`.
#[derive(Debug, Parser)]
pub(crate) struct Args {
    /// The evaluation folder (task files such as `structure.jsonl`).
    dir: PathBuf,
    /// Run only these tasks (language, structure, dateline, attribution,
    /// topics); repeat or separate with commas.
    #[arg(long = "task", value_delimiter = ',')]
    tasks: Vec<Task>,
    /// Read at most this many records of each task file.
    #[arg(long)]
    limit: Option<usize>,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Fail unless metric KEY is at least MIN, as `KEY=MIN` (e.g.
    /// `language.lingua-testdata.sentence.accuracy=0.97`); repeatable.
    #[arg(long = "floor", value_parser = parse_bound)]
    floors: Vec<(String, f64)>,
    /// Fail unless metric KEY is at most MAX, as `KEY=MAX` (for error rates
    /// such as `dateline.bbc-news-5class.false_positive_rate=0.005`); repeatable.
    #[arg(long = "ceiling", value_parser = parse_bound)]
    ceilings: Vec<(String, f64)>,
    /// Print every metric key with its value after the tables.
    #[arg(long)]
    keys: bool,
}

fn parse_bound(s: &str) -> Result<(String, f64), String> {
    let (key, min) = s.split_once('=').ok_or("expected KEY=VALUE")?;
    let min: f64 = min.parse().map_err(|e| format!("{min:?}: {e}"))?;
    Ok((key.trim().to_owned(), min))
}

pub(crate) fn run(args: Args) -> anyhow::Result<()> {
    let pipeline = Pipeline::new();
    let limits = Limits {
        max_text_bytes: usize::MAX,
        ..Limits::default()
    };
    let enrich = |req| enrich_request(&pipeline, &limits, &req, &Budget::default());
    let options = Options {
        tasks: (!args.tasks.is_empty()).then_some(args.tasks),
        limit: args.limit,
        threads: args.threads,
    };
    let mut out = std::io::stdout().lock();
    let report = eval::run(&args.dir, &enrich, &options, &mut out)
        .with_context(|| format!("evaluating {}", args.dir.display()))?;
    if args.keys {
        use std::io::Write;
        for key in report.keys() {
            if let Some(value) = report.metric(&key) {
                writeln!(out, "{key} = {value:.4}")?;
            }
        }
    }
    let mut failed = Vec::new();
    for (key, min) in &args.floors {
        match report.metric(key) {
            Some(value) if value >= *min => {}
            Some(value) => failed.push(format!("{key} = {value:.4}, below its floor {min}")),
            None => failed.push(format!("{key}: no such metric in this run")),
        }
    }
    for (key, max) in &args.ceilings {
        match report.metric(key) {
            Some(value) if value <= *max => {}
            Some(value) => failed.push(format!("{key} = {value:.4}, above its ceiling {max}")),
            None => failed.push(format!("{key}: no such metric in this run")),
        }
    }
    if !failed.is_empty() {
        bail!("accuracy bounds not met:\n  {}", failed.join("\n  "));
    }
    if !args.floors.is_empty() || !args.ceilings.is_empty() {
        println!(
            "accuracy bounds: all {} met",
            args.floors.len() + args.ceilings.len()
        );
    }
    Ok(())
}
