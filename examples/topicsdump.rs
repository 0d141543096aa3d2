//! Development aid (not shipped): prints, for each item of an evaluation
//! `topics.jsonl`, its id, dataset, gold IPTC codes and labels, the raw
//! evidence per top-level topic (before the per-topic biases, which this is
//! for fitting) and the entity tags, tab-separated.
//! Usage: cargo run --release --example topicsdump -- PATH/topics.jsonl > out.tsv
use std::io::BufRead;

use copydesk::enrich::{Document, language, structure, tags, topics};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: topicsdump PATH/topics.jsonl")?;
    let f = std::fs::File::open(path)?;
    for line in std::io::BufReader::new(f).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = v["text"].as_str().unwrap_or("");
        let doc = Document::new(text);
        let lang = language::detect_article(&doc, None);
        let s = structure::analyze(&doc, lang.as_ref());
        let t = tags::extract(&doc, &s, lang.as_ref());
        let ev = topics::top_level_evidence(&doc, &s, lang.as_ref(), &t);
        let gold: Vec<&str> = v["gold"]["iptc"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let labels: Vec<&str> = v["gold"]["labels"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let names: Vec<String> = t
            .iter()
            .filter(|t| {
                matches!(
                    t.kind,
                    tags::TagKind::Person | tags::TagKind::Organization | tags::TagKind::Location
                )
            })
            .map(|t| format!("{:?}:{}", t.kind, t.name))
            .collect();
        let ev: Vec<String> = ev
            .iter()
            .map(|(c, x)| format!("{}={:.3}", &c[7..9], x))
            .collect();
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            v["id"].as_str().unwrap_or(""),
            v["dataset"].as_str().unwrap_or(""),
            gold.join(","),
            labels.join(","),
            ev.join(" "),
            names.join("|")
        );
    }
    Ok(())
}
