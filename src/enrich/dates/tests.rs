//! Tests of the dates stage.

use super::*;
use crate::enrich::structure;

fn run(text: &str) -> Dates {
    let doc = Document::new(text);
    let s = structure::analyze(&doc, None);
    extract(&doc, &s, None)
}

#[test]
fn debug_reuters() {
    let text = std::fs::read_to_string("/tmp/t3.txt").unwrap_or_default();
    let doc = Document::new(&text);
    let s = structure::analyze(&doc, None);
    eprintln!("cands {:?}", candidates(&doc, &s));
    for i in candidates(&doc, &s) {
        let line = &doc.lines()[i];
        eprintln!(
            "{i} {:?} {:?}",
            doc.line_text(i),
            dateline::parse(&text, line.start, line.end, doc.blocks()[line.block].end)
        );
    }
    eprintln!("{:?}", run(&text).dateline);
}
