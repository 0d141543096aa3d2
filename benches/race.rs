//! copydesk's side of the race with the Python peer stack (`bench/race.sh`):
//! enriches every article of the corpus in-process, on one thread, with every
//! feature on, and prints the CPU time per article. Process start, model
//! loading and a first warm-up pass are not counted.
//!
//! ```sh
//! cargo bench --bench race -- [--rounds N] [--jsonl FILE [--limit N] [--min-bytes N]
//!     [--max-bytes N]] [FILE.txt | DIR]...
//! ```
//!
//! With no file, reads `bench/corpus/`. A `.jsonl` file (one JSON object a
//! line with a `text` field, e.g. an evaluation set) is read at run time:
//! its first `--limit` texts of `--min-bytes..=--max-bytes` UTF-8 bytes
//! (`bench/race_peers.py` picks the same ones).

use std::path::{Path, PathBuf};
use std::time::Instant;

use copydesk::enrich::{Article, Budget, Features, Pipeline};

/// A flag's number, or `default` when it is missing or no number.
fn number(value: Option<String>, default: usize) -> usize {
    value.and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut jsonl: Option<PathBuf> = None;
    let mut limit = usize::MAX;
    let mut min_bytes = 0usize;
    let mut max_bytes = usize::MAX;
    let mut rounds = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = args.next().map(PathBuf::from),
            "--limit" => limit = number(args.next(), limit),
            "--min-bytes" => min_bytes = number(args.next(), min_bytes),
            "--max-bytes" => max_bytes = number(args.next(), max_bytes),
            "--rounds" => rounds = number(args.next(), rounds),
            // cargo bench passes `--bench`; other flags are not ours.
            a if a.starts_with("--") => {}
            a => files.push(PathBuf::from(a)),
        }
    }
    let mut texts = Vec::new();
    if files.is_empty() && jsonl.is_none() {
        files.push(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/bench/corpus"
        )));
    }
    for path in &files {
        read_txt(path, &mut texts)?;
    }
    if let Some(path) = &jsonl {
        let mut taken = 0;
        for line in std::fs::read_to_string(path)?.lines() {
            if taken >= limit {
                break;
            }
            let value: serde_json::Value = serde_json::from_str(line)?;
            if let Some(text) = value["text"].as_str()
                && !text.is_empty()
                && (min_bytes..=max_bytes).contains(&text.len())
            {
                texts.push(text.to_owned());
                taken += 1;
            }
        }
    }
    if texts.is_empty() {
        return Err("no articles".into());
    }
    let bytes: usize = texts.iter().map(String::len).sum();

    let started = Instant::now();
    let pipeline = Pipeline::new();
    let setup = started.elapsed();
    let enrich_all = || {
        for text in &texts {
            let article = Article {
                text,
                language_hint: None,
                reference_time: None,
                source_url: None,
            };
            let _ =
                std::hint::black_box(pipeline.enrich(&article, Features::ALL, &Budget::default()));
        }
    };
    // The first pass loads the language models the corpus needs.
    let first = Instant::now();
    enrich_all();
    let first = first.elapsed();

    let cpu0 = thread_cpu_ns();
    let wall = Instant::now();
    for _ in 0..rounds.max(1) {
        enrich_all();
    }
    let wall = wall.elapsed().as_secs_f64();
    let cpu = thread_cpu_ns().zip(cpu0).map(|(b, a)| (b - a) as f64 / 1e9);
    let n = (texts.len() * rounds.max(1)) as f64;
    let per_article_cpu = cpu.unwrap_or(wall) / n;
    println!(
        "copydesk: {} articles, {:.1} KB mean, {} rounds; set-up {:.0} ms, first pass {:.0} ms",
        texts.len(),
        bytes as f64 / texts.len() as f64 / 1e3,
        rounds.max(1),
        setup.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3
    );
    println!(
        "RESULT copydesk cpu_ms_per_article={:.4} wall_ms_per_article={:.4} articles={}",
        per_article_cpu * 1e3,
        wall / n * 1e3,
        texts.len()
    );
    Ok(())
}

fn read_txt(path: &Path, texts: &mut Vec<String>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        entries.sort();
        for entry in entries {
            texts.push(std::fs::read_to_string(entry)?);
        }
    } else {
        texts.push(std::fs::read_to_string(path)?);
    }
    Ok(())
}

/// CPU time of this thread in ns (Linux: `/proc/thread-self/schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
