//! Benchmarks of the enrichment pipeline on the fixture articles, whole and
//! repeated to ~5 KB and ~50 KB, reported as throughput in bytes.
//!
//! `cargo bench --bench pipeline`

use copydesk::enrich::{Article, Budget, Document, Features, Pipeline, language};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| {
                    let name = p.file_stem()?.to_string_lossy().into_owned();
                    Some((name, std::fs::read_to_string(&p).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn sized(text: &str, target: usize) -> String {
    let mut out = String::with_capacity(target + text.len());
    while out.len() < target {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
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

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::new();
    let articles = fixtures();
    let Some((_, english)) = articles.iter().find(|(name, _)| name.starts_with("en-")) else {
        return;
    };
    let mut group = c.benchmark_group("pipeline");
    for (label, text) in [
        ("1k", english.chars().take(1000).collect::<String>()),
        ("5k", sized(english, 5_000)),
        ("50k", sized(english, 50_000)),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("all_features", label), &text, |b, text| {
            let article = article(text);
            b.iter(|| pipeline.enrich(&article, Features::ALL, &Budget::default()));
        });
        group.bench_with_input(BenchmarkId::new("document", label), &text, |b, text| {
            b.iter(|| Document::new(text).lines().len());
        });
        group.bench_with_input(BenchmarkId::new("language", label), &text, |b, text| {
            let doc = Document::new(text);
            b.iter(|| language::detect_article(&doc, None));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("fixtures");
    for (name, text) in &articles {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            let article = article(text);
            b.iter(|| pipeline.enrich(&article, Features::ALL, &Budget::default()));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
