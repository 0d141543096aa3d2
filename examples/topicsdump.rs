//! Development aid (not shipped): prints, for each item of an evaluation
//! `topics.jsonl`, its id, dataset, gold IPTC codes and labels, the raw
//! evidence per top-level topic (before the per-topic biases, which this is
//! for fitting) and the entity tags, tab-separated; with `--explain`, a last
//! column lists the strongest terms read and what each added to which topic.
//! Usage: cargo run --release --example topicsdump -- PATH/topics.jsonl [--explain] > out.tsv
use std::io::BufRead;

use copydesk::enrich::{Document, language, structure, tags, topics};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: topicsdump PATH/topics.jsonl [--explain]")?;
    let explain = std::env::args().nth(2).is_some_and(|a| a == "--explain");
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
            .map(|t| match &t.country_code {
                Some(cc) => format!("{:?}:{}@{cc}", t.kind, t.name),
                None => format!("{:?}:{}", t.kind, t.name),
            })
            .collect();
        let ev: Vec<String> = ev
            .iter()
            .map(|(c, x)| format!("{}={:.3}", &c[7..9], x))
            .collect();
        let terms: Vec<String> = if explain {
            topics::explain(&doc, &s, lang.as_ref(), &t)
                .iter()
                .map(|(term, per)| {
                    let per: Vec<String> = per
                        .iter()
                        .map(|(c, w)| format!("{}:{:.2}", &c[7..9], w))
                        .collect();
                    format!("{term}[{}]", per.join(","))
                })
                .collect()
        } else {
            Vec::new()
        };
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            v["id"].as_str().unwrap_or(""),
            v["dataset"].as_str().unwrap_or(""),
            gold.join(","),
            labels.join(","),
            ev.join(" "),
            names.join("|"),
            terms.join(" ")
        );
    }
    Ok(())
}
