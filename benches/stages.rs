//! Instruction-count driver for callgrind (`bench/profile.sh`): runs the
//! pipeline over the pages of `bench/corpus/` once to load the models, then
//! each stage `N` times in its own non-inlined function, so that
//! `valgrind --tool=callgrind --toggle-collect='stages::run_*'` counts the
//! stages and nothing else. Instruction counts do not depend on the load of a
//! shared machine, unlike wall-clock time: compare versions with them.
//!
//! ```sh
//! bench/profile.sh        # per-stage millions of instructions per article
//! ```

use std::hint::black_box;

use copydesk::enrich::{
    Article, Budget, Document, Features, Pipeline, attribution, dates, language, structure, tags,
    topics,
};

/// The pages, as `benches/pipeline.rs` reads them.
const PAGES: [&str; 6] = [
    include_str!("../bench/corpus/de-stadtwerke-fernwaerme.txt"),
    include_str!("../bench/corpus/en-brief-ferry.txt"),
    include_str!("../bench/corpus/en-harbour-strike.txt"),
    include_str!("../bench/corpus/es-sequia-embalses.txt"),
    include_str!("../bench/corpus/fr-tramway-extension.txt"),
    include_str!("../bench/corpus/ru-aeroport-terminal.txt"),
];

#[inline(never)]
fn run_language(doc: &Document<'_>) -> Option<language::ArticleLanguage> {
    language::detect_article(doc, None)
}

#[inline(never)]
fn run_structure(
    doc: &Document<'_>,
    lang: Option<&language::ArticleLanguage>,
) -> structure::Structure {
    structure::analyze(doc, lang)
}

#[inline(never)]
fn run_dates(doc: &Document<'_>, s: &structure::Structure) -> dates::Dates {
    dates::extract(doc, s, None)
}

#[inline(never)]
fn run_attribution(
    doc: &Document<'_>,
    s: &structure::Structure,
    lang: Option<&language::ArticleLanguage>,
) -> usize {
    attribution::extract(doc, s, lang).0.len()
}

#[inline(never)]
fn run_tags(
    doc: &Document<'_>,
    s: &structure::Structure,
    lang: Option<&language::ArticleLanguage>,
) -> (Vec<tags::Tag>, tags::Body) {
    // The pipeline finds the body once for both stages: counted here.
    let body = tags::body(doc, s);
    (tags::extract_from_body(doc, s, lang, &body), body)
}

#[inline(never)]
fn run_topics(
    doc: &Document<'_>,
    s: &structure::Structure,
    lang: Option<&language::ArticleLanguage>,
    found: &[tags::Tag],
    body: &tags::Body,
) -> usize {
    topics::classify_with_body(doc, s, lang, found, body).len()
}

fn main() {
    // cargo bench passes `--bench`; the one other argument is the count.
    let rounds: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let pipeline = Pipeline::new();
    // Load the lingua models the pages need (lazily, on first use) outside
    // the counted functions.
    for text in PAGES {
        let article = Article {
            text,
            language_hint: None,
            reference_time: None,
            source_url: None,
        };
        black_box(pipeline.enrich(&article, Features::ALL, &Budget::default())).ok();
    }
    let mut sink = 0usize;
    for _ in 0..rounds {
        for text in PAGES {
            let doc = Document::new(text);
            let lang = run_language(&doc);
            let s = run_structure(&doc, lang.as_ref());
            sink += run_dates(&doc, &s).mentions.len();
            sink += run_attribution(&doc, &s, lang.as_ref());
            let (found, body) = run_tags(&doc, &s, lang.as_ref());
            sink += run_topics(&doc, &s, lang.as_ref(), &found, &body);
        }
    }
    println!("{} articles × {rounds} rounds ({sink})", PAGES.len());
}
