//! Benchmarks of the enrichment pipeline, whole and stage by stage, on the
//! pages of `bench/corpus/` (news pages with their chrome, in five languages)
//! at ~1 KB, ~5 KB, ~50 KB and ~1 MB, against a memchr pass over the same
//! bytes as the physical floor. Ends with a summary table (articles/s, MB/s,
//! times the memchr pass) read back from criterion's estimates.
//!
//! ```sh
//! cargo bench --bench pipeline                 # everything, about 3 minutes
//! cargo bench --bench pipeline -- 'pipeline/'  # the whole pipeline only
//! ```
//!
//! `bench/README.md` records the figures and the machine they came from.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use copydesk::enrich::{
    Article, Budget, Document, Features, Pipeline, attribution, dates, language, structure, tags,
    topics,
};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};

/// The brief: the "1k" case.
const BRIEF: &str = include_str!("../bench/corpus/en-brief-ferry.txt");
/// The full English page: the "5k" case, and the source of the live blog.
const PAGE: &str = include_str!("../bench/corpus/en-harbour-strike.txt");
/// Full pages in other languages and scripts.
const PAGES: [(&str, &str); 5] = [
    ("en", PAGE),
    (
        "de",
        include_str!("../bench/corpus/de-stadtwerke-fernwaerme.txt"),
    ),
    (
        "ru",
        include_str!("../bench/corpus/ru-aeroport-terminal.txt"),
    ),
    ("es", include_str!("../bench/corpus/es-sequia-embalses.txt")),
    (
        "fr",
        include_str!("../bench/corpus/fr-tramway-extension.txt"),
    ),
];

/// A live blog of about `target` bytes made from `page`: the page's chrome
/// around timestamped entries, each one of its prose paragraphs, so that the
/// text grows the way long pages do (more article, the same chrome).
fn live_blog(page: &str, target: usize) -> String {
    let blocks: Vec<&str> = page.split("\n\n").collect();
    let is_prose = |b: &&str| b.len() >= 200 && !b.contains('\n');
    let first = blocks.iter().position(is_prose).unwrap_or(0);
    let last = blocks.iter().rposition(is_prose).unwrap_or(0);
    let paragraphs = &blocks[first..=last];
    let mut out = blocks[..first].join("\n\n");
    let footer = blocks[last + 1..].join("\n\n");
    let mut minute = 0usize;
    while out.len() + footer.len() < target {
        let paragraph = paragraphs[minute % paragraphs.len()];
        out.push_str(&format!(
            "\n\n{:02}:{:02} GMT\n\n{paragraph}",
            7 + minute / 60 % 16,
            minute % 60
        ));
        minute += 1;
    }
    out.push_str("\n\n");
    out.push_str(&footer);
    out
}

/// The sized inputs: label and text.
fn sized() -> Vec<(&'static str, String)> {
    vec![
        ("1k", BRIEF.to_owned()),
        ("5k", PAGE.to_owned()),
        ("50k", live_blog(PAGE, 50_000)),
        ("1m", live_blog(PAGE, 1_000_000)),
    ]
}

/// An article with no hints: the pipeline's worst case.
fn article(text: &str) -> Article<'_> {
    Article {
        text,
        language_hint: None,
        reference_time: None,
        source_url: None,
    }
}

fn bench(c: &mut Criterion, pipeline: &Pipeline) {
    for (label, text) in sized() {
        let big = text.len() > 100_000;
        let configure = |group: &mut criterion::BenchmarkGroup<'_, _>| {
            group.throughput(Throughput::Bytes(text.len() as u64));
            if big {
                group
                    .sampling_mode(SamplingMode::Flat)
                    .sample_size(10)
                    .warm_up_time(Duration::from_millis(500))
                    .measurement_time(Duration::from_secs(3));
            }
        };

        let mut group = c.benchmark_group("pipeline");
        configure(&mut group);
        group.bench_function(BenchmarkId::new("all", label), |b| {
            let article = article(&text);
            b.iter(|| pipeline.enrich(&article, Features::ALL, &Budget::default()));
        });
        group.finish();

        let mut group = c.benchmark_group("memchr");
        configure(&mut group);
        group.bench_function(BenchmarkId::new("newlines", label), |b| {
            b.iter(|| memchr::memchr_iter(b'\n', black_box(text.as_bytes())).count());
        });
        group.finish();

        // Each stage on the earlier stages' results, computed once outside
        // the timing.
        let doc = Document::new(&text);
        let lang = language::detect_article(&doc, None);
        let structure = structure::analyze(&doc, lang.as_ref());
        let found_tags = tags::extract(&doc, &structure, lang.as_ref());
        let mut group = c.benchmark_group("stage");
        configure(&mut group);
        group.bench_function(BenchmarkId::new("document", label), |b| {
            b.iter(|| Document::new(black_box(&text)).lines().len());
        });
        group.bench_function(BenchmarkId::new("language", label), |b| {
            b.iter(|| language::detect_article(&doc, None));
        });
        group.bench_function(BenchmarkId::new("structure", label), |b| {
            b.iter(|| structure::analyze(&doc, lang.as_ref()));
        });
        group.bench_function(BenchmarkId::new("dates", label), |b| {
            b.iter(|| dates::extract(&doc, &structure, None));
        });
        group.bench_function(BenchmarkId::new("attribution", label), |b| {
            b.iter(|| attribution::extract(&doc, &structure, lang.as_ref()));
        });
        group.bench_function(BenchmarkId::new("tags", label), |b| {
            b.iter(|| tags::extract(&doc, &structure, lang.as_ref()));
        });
        group.bench_function(BenchmarkId::new("topics", label), |b| {
            b.iter(|| topics::classify(&doc, &structure, lang.as_ref(), &found_tags));
        });
        group.finish();
    }

    let mut group = c.benchmark_group("languages");
    for (code, text) in PAGES {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::new("all", code), |b| {
            let article = article(text);
            b.iter(|| pipeline.enrich(&article, Features::ALL, &Budget::default()));
        });
    }
    group.finish();
}

/// Where criterion writes its results, as criterion itself finds it.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target/criterion"))
}

/// The mean time in ns of one benchmark, from its latest run.
fn mean_ns(id: &str) -> Option<f64> {
    let path = criterion_dir().join(id).join("new/estimates.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// Prints articles/s, MB/s and the ratio to the memchr pass for every
/// benchmark that has a result.
fn summary() {
    let stages = [
        "pipeline/all",
        "stage/document",
        "stage/language",
        "stage/structure",
        "stage/dates",
        "stage/attribution",
        "stage/tags",
        "stage/topics",
        "memchr/newlines",
    ];
    println!("\nsummary (mean of the latest run; one core)");
    println!(
        "{:<20} {:>6} {:>10} {:>12} {:>10} {:>10}",
        "benchmark", "size", "bytes", "time", "articles/s", "MB/s"
    );
    for (label, text) in sized() {
        let floor = mean_ns(&format!("memchr/newlines/{label}"));
        for stage in stages {
            let Some(ns) = mean_ns(&format!("{stage}/{label}")) else {
                continue;
            };
            let ratio = floor.map_or(String::new(), |f| format!("  {:>8.0}× memchr", ns / f));
            println!(
                "{stage:<20} {label:>6} {:>10} {:>9.1} µs {:>10.0} {:>10.1}{ratio}",
                text.len(),
                ns / 1e3,
                1e9 / ns,
                text.len() as f64 * 1e3 / ns,
            );
        }
    }
    for (code, text) in PAGES {
        if let Some(ns) = mean_ns(&format!("languages/all/{code}")) {
            println!(
                "{:<20} {:>6} {:>10} {:>9.1} µs {:>10.0} {:>10.1}",
                "languages/all",
                code,
                text.len(),
                ns / 1e3,
                1e9 / ns,
                text.len() as f64 * 1e3 / ns,
            );
        }
    }
}

fn main() {
    let pipeline = Pipeline::new();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    bench(&mut c, &pipeline);
    c.final_summary();
    summary();
}
