//! The same article gets the same answer every time. Hash maps iterate in a
//! different order in every instance, so any result that depends on that
//! order (a tie broken by "first found", a float sum over a map) shows up
//! here as two calls that disagree.

use std::fs;
use std::path::Path;

use copydesk::enrich::{Article, Budget, Features, Pipeline};

#[test]
fn every_fixture_gets_the_same_enrichment_on_every_call() {
    let pipeline = Pipeline::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).expect("fixture folder") {
        let path = entry.expect("fixture entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("fixture text");
        let article = Article {
            text: &text,
            language_hint: None,
            reference_time: None,
            source_url: None,
        };
        let answers: Vec<String> = (0..6)
            .map(|_| {
                let enrichment = pipeline
                    .enrich(&article, Features::ALL, &Budget::default())
                    .expect("no deadline, no cancellation");
                format!("{enrichment:?}")
            })
            .collect();
        for (call, answer) in answers.iter().enumerate().skip(1) {
            assert!(
                answer == &answers[0],
                "{}: call {call} differs from the first",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(
        checked >= 10,
        "only {checked} fixtures found in {}",
        dir.display()
    );
}
