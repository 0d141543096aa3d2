//! The topics task: IPTC top-level topics of `Enrichment.topics` against the
//! silver codes and the datasets' own labels, plus an approximate entity
//! recall on Reuters index codes from `Enrichment.tags`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::metrics::Mean;
use super::record::Record;
use super::{Column, Columns, Evaluation, Score, Task};
use crate::pb::{Enrichment, Feature, Tag, TagKind};

/// Topic scores of one dataset. "Top-level" topics are those with an empty
/// `parent_code`, ranked by score (ties keep the response order).
#[derive(Debug, Clone, PartialEq)]
pub struct TopicScores {
    /// Share of items with gold IPTC codes whose best top-level topic is one of
    /// them (`top1`).
    pub top1: Option<Score>,
    /// Share of gold IPTC codes found among the three best top-level topics,
    /// micro over codes (`recall_at3`). Other predicted codes are not errors:
    /// the gold codes are a lower bound.
    pub recall_at3: Option<Score>,
    /// Macro F1 of the best top-level topic as a single-label prediction, over
    /// the codes present in the dataset's gold, on items with gold codes
    /// (`macro_f1`).
    pub macro_f1: Option<Score>,
    /// Accuracy on the dataset's own labels through the README mapping
    /// (BBC, AG News; not Reuters) (`label_accuracy`). AG "World" maps to no
    /// code: it counts as right when the best top-level topic exists and is
    /// none of the Sports / Business / Sci/Tech codes.
    pub label_accuracy: Option<Score>,
    /// Approximate recall of Reuters `places` codes among LOCATION tags
    /// (`places_recall_approx`); see [`TopicScores::people_recall`].
    pub places_recall: Option<Score>,
    /// Approximate recall of Reuters `people` codes among PERSON tags
    /// (`people_recall_approx`): a tag name, lowercased with whitespace runs
    /// as `-`, matches a code equal to it or to its last `-` part(s).
    pub people_recall: Option<Score>,
    /// Approximate recall of Reuters `orgs` codes among ORGANIZATION tags
    /// (`orgs_recall_approx`).
    pub orgs_recall: Option<Score>,
}

impl Columns for TopicScores {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("top1", "top1", self.top1),
            Column::new("recall_at3", "recall@3", self.recall_at3),
            Column::new("macro_f1", "macro_f1", self.macro_f1),
            Column::new("label_accuracy", "label_acc", self.label_accuracy),
            Column::new("places_recall_approx", "places~", self.places_recall),
            Column::new("people_recall_approx", "people~", self.people_recall),
            Column::new("orgs_recall_approx", "orgs~", self.orgs_recall),
        ]
    }
}

/// `gold = {"labels", "iptc", "places"?, "people"?, "orgs"?}`.
#[derive(Debug, Deserialize)]
pub(crate) struct Gold {
    #[serde(default)]
    labels: Option<Vec<String>>,
    #[serde(default)]
    iptc: Option<Vec<String>>,
    #[serde(default)]
    places: Option<Vec<String>>,
    #[serde(default)]
    people: Option<Vec<String>>,
    #[serde(default)]
    orgs: Option<Vec<String>>,
}

/// One item's results; `None` where unlabelled or not applicable.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Outcome {
    /// Gold codes (non-empty) and the best predicted top-level code.
    codes: Option<(Vec<String>, Option<String>)>,
    /// (gold codes among the top 3, gold codes).
    recall_at3: Option<(usize, usize)>,
    label: Option<bool>,
    places: Option<(usize, usize)>,
    people: Option<(usize, usize)>,
    orgs: Option<(usize, usize)>,
}

/// Per-code confusion counts.
#[derive(Debug, Default, Clone, Copy)]
struct Confusion {
    tp: usize,
    fp: usize,
    fn_: usize,
    in_gold: bool,
}

/// Running counts of one dataset.
#[derive(Default)]
pub(crate) struct Acc {
    top1: Mean,
    recall_at3: Mean,
    codes: BTreeMap<String, Confusion>,
    coded_items: usize,
    label: Mean,
    places: Mean,
    people: Mean,
    orgs: Mean,
}

/// The top-level topic codes of a response, best first (stable on ties).
pub(crate) fn ranked_top_level(enrichment: &Enrichment) -> Vec<&str> {
    let mut top: Vec<(&str, f32)> = enrichment
        .topics
        .iter()
        .filter(|t| t.parent_code.trim().is_empty() && !t.code.trim().is_empty())
        .map(|t| (t.code.trim(), t.score))
        .collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut codes: Vec<&str> = Vec::with_capacity(top.len());
    for (code, _) in top {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The README's label → IPTC mapping of a dataset, `None` for datasets
/// without label accuracy (Reuters: every topic maps to economy).
fn label_codes(dataset: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match dataset {
        "bbc-news-5class" => Some(&[
            ("business", "medtop:04000000"),
            ("entertainment", "medtop:01000000"),
            ("politics", "medtop:11000000"),
            ("sport", "medtop:15000000"),
            ("tech", "medtop:13000000"),
        ]),
        "ag-news-test" => Some(&[
            ("Sports", "medtop:15000000"),
            ("Business", "medtop:04000000"),
            ("Sci/Tech", "medtop:13000000"),
        ]),
        _ => None,
    }
}

/// Whether the best top-level code names one of the gold labels of `dataset`.
pub(crate) fn label_correct(dataset: &str, labels: &[String], best: Option<&str>) -> Option<bool> {
    let mapping = label_codes(dataset)?;
    let predicted = best.map(|code| {
        mapping
            .iter()
            .find(|(_, c)| *c == code)
            .map_or("World", |(label, _)| *label)
    });
    let predicted = match predicted {
        // Outside AG News, an unmapped code names no label.
        Some("World") if dataset != "ag-news-test" => return Some(false),
        Some(label) => label,
        None => return Some(false),
    };
    Some(labels.iter().any(|l| l == predicted))
}

/// A tag name as a Reuters index code: lowercased, whitespace runs as `-`.
fn as_code(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// Reuters-21578 `places` codes whose name is not the country's English
/// name as a tag writes it, with the ISO 3166-1 alpha-2 codes they denote
/// (historical states: the code of the state, or of its successor the
/// gazetteer uses). Written by hand from general knowledge of the corpus's
/// place index. A LOCATION tag also matches a place code when its country
/// code is one of these: a story indexed `usa` is found by a "Chicago" tag
/// with country code US, as the indexers read the dateline.
const REUTERS_PLACES: &[(&str, &[&str])] = &[
    ("usa", &["US"]),
    ("uk", &["GB"]),
    ("ussr", &["SU", "RU"]),
    ("west-germany", &["DE"]),
    ("east-germany", &["DD", "DE"]),
    ("uae", &["AE"]),
    ("south-korea", &["KR"]),
    ("north-korea", &["KP"]),
    ("hong-kong", &["HK"]),
    ("taiwan", &["TW"]),
    ("china", &["CN"]),
    ("japan", &["JP"]),
    ("canada", &["CA"]),
    ("france", &["FR"]),
    ("italy", &["IT"]),
    ("spain", &["ES"]),
    ("portugal", &["PT"]),
    ("netherlands", &["NL"]),
    ("belgium", &["BE"]),
    ("luxembourg", &["LU"]),
    ("switzerland", &["CH"]),
    ("austria", &["AT"]),
    ("sweden", &["SE"]),
    ("norway", &["NO"]),
    ("denmark", &["DK"]),
    ("finland", &["FI"]),
    ("iceland", &["IS"]),
    ("ireland", &["IE"]),
    ("greece", &["GR"]),
    ("turkey", &["TR"]),
    ("cyprus", &["CY"]),
    ("malta", &["MT"]),
    ("yugoslavia", &["YU", "RS"]),
    ("poland", &["PL"]),
    ("czechoslovakia", &["CS", "CZ"]),
    ("hungary", &["HU"]),
    ("romania", &["RO"]),
    ("bulgaria", &["BG"]),
    ("australia", &["AU"]),
    ("new-zealand", &["NZ"]),
    ("papua-new-guinea", &["PG"]),
    ("fiji", &["FJ"]),
    ("india", &["IN"]),
    ("pakistan", &["PK"]),
    ("bangladesh", &["BD"]),
    ("sri-lanka", &["LK"]),
    ("nepal", &["NP"]),
    ("bhutan", &["BT"]),
    ("burma", &["MM"]),
    ("thailand", &["TH"]),
    ("malaysia", &["MY"]),
    ("singapore", &["SG"]),
    ("indonesia", &["ID"]),
    ("philippines", &["PH"]),
    ("vietnam", &["VN"]),
    ("kampuchea", &["KH"]),
    ("laos", &["LA"]),
    ("brazil", &["BR"]),
    ("argentina", &["AR"]),
    ("chile", &["CL"]),
    ("peru", &["PE"]),
    ("bolivia", &["BO"]),
    ("ecuador", &["EC"]),
    ("colombia", &["CO"]),
    ("venezuela", &["VE"]),
    ("uruguay", &["UY"]),
    ("paraguay", &["PY"]),
    ("mexico", &["MX"]),
    ("cuba", &["CU"]),
    ("jamaica", &["JM"]),
    ("dominican-republic", &["DO"]),
    ("trinidad-tobago", &["TT"]),
    ("panama", &["PA"]),
    ("costa-rica", &["CR"]),
    ("nicaragua", &["NI"]),
    ("honduras", &["HN"]),
    ("guatemala", &["GT"]),
    ("el-salvador", &["SV"]),
    ("bermuda", &["BM"]),
    ("bahamas", &["BS"]),
    ("saudi-arabia", &["SA"]),
    ("kuwait", &["KW"]),
    ("qatar", &["QA"]),
    ("bahrain", &["BH"]),
    ("oman", &["OM"]),
    ("iran", &["IR"]),
    ("iraq", &["IQ"]),
    ("israel", &["IL"]),
    ("jordan", &["JO"]),
    ("syria", &["SY"]),
    ("lebanon", &["LB"]),
    ("egypt", &["EG"]),
    ("libya", &["LY"]),
    ("tunisia", &["TN"]),
    ("algeria", &["DZ"]),
    ("morocco", &["MA"]),
    ("sudan", &["SD"]),
    ("ethiopia", &["ET"]),
    ("kenya", &["KE"]),
    ("tanzania", &["TZ"]),
    ("uganda", &["UG"]),
    ("zambia", &["ZM"]),
    ("zimbabwe", &["ZW"]),
    ("botswana", &["BW"]),
    ("south-africa", &["ZA"]),
    ("nigeria", &["NG"]),
    ("ghana", &["GH"]),
    ("ivory-coast", &["CI"]),
    ("zaire", &["ZR", "CD"]),
    ("mauritania", &["MR"]),
    ("senegal", &["SN"]),
    ("yemen-arab-republic", &["YE"]),
    ("yemen-demo-republic", &["YE"]),
];

/// Reuters-21578 `orgs` codes with the names a tag may give the
/// organisation (the code alone is tried too). Written by hand from
/// general knowledge of the organisations the index names.
const REUTERS_ORGS: &[(&str, &[&str])] = &[
    (
        "ec",
        &[
            "European Community",
            "European Economic Community",
            "European Union",
        ],
    ),
    ("worldbank", &["World Bank"]),
    ("imf", &["International Monetary Fund"]),
    ("gatt", &["General Agreement on Tariffs and Trade"]),
    ("un", &["United Nations"]),
    ("fao", &["Food and Agriculture Organization"]),
    ("iea", &["International Energy Agency"]),
    (
        "oecd",
        &["Organisation for Economic Co-operation and Development"],
    ),
    (
        "opec",
        &["Organization of the Petroleum Exporting Countries"],
    ),
    (
        "oapec",
        &["Organization of Arab Petroleum Exporting Countries"],
    ),
    ("ico-coffee", &["International Coffee Organization"]),
    ("icco", &["International Cocoa Organization"]),
    ("itc", &["International Tin Council"]),
    ("iwc-wheat", &["International Wheat Council"]),
    ("imco", &["International Maritime Organization"]),
    ("adb-asia", &["Asian Development Bank"]),
    ("adb-africa", &["African Development Bank"]),
    ("aibd", &["Arab International Bank for Development"]),
];

/// (gold codes found, gold codes) among the tags of `kind`: a code matches a
/// tag whose code form equals it or ends with `-` + it ("paul-volcker" for
/// `volcker`); a place code also matches a LOCATION tag whose country code
/// it denotes ([`REUTERS_PLACES`]), an organisation code a tag with one of
/// its names ([`REUTERS_ORGS`]).
pub(crate) fn entity_recall(tags: &[Tag], kind: TagKind, gold: &[String]) -> (usize, usize) {
    let of_kind: Vec<&Tag> = tags.iter().filter(|t| t.kind == i32::from(kind)).collect();
    let names: Vec<String> = of_kind.iter().map(|t| as_code(&t.name)).collect();
    let found =
        gold.iter()
            .filter(|code| {
                let code = code.trim().to_lowercase();
                if names
                    .iter()
                    .any(|name| *name == code || name.ends_with(&format!("-{code}")))
                {
                    return true;
                }
                match kind {
                    TagKind::Location => REUTERS_PLACES
                        .iter()
                        .find(|(c, _)| *c == code)
                        .is_some_and(|(_, iso)| {
                            of_kind.iter().any(|t| iso.contains(&t.country_code.trim()))
                        }),
                    TagKind::Organization => REUTERS_ORGS
                        .iter()
                        .find(|(c, _)| *c == code)
                        .is_some_and(|(_, full)| full.iter().any(|n| names.contains(&as_code(n)))),
                    _ => false,
                }
            })
            .count();
    (found, gold.len())
}

/// The topics task.
pub(crate) struct Eval;

impl Evaluation for Eval {
    const TASK: Task = Task::Topics;
    const FEATURES: &'static [Feature] = &[Feature::Tags];
    const LEGEND: &'static str = "top-level topics ranked by score; top1 and macro_f1 (best topic \
         as single label, over gold codes) on items with gold codes; recall@3 micro over gold \
         codes; label_acc via the README mapping (AG World = best topic outside the 3 mapped); \
         places~/people~/orgs~ approximate (tag names as index codes; places also by country code, orgs by full name)";
    type Gold = Gold;
    type Outcome = Outcome;
    type Acc = Acc;
    type Scores = TopicScores;

    fn score(record: &Record<Gold>, enrichment: &Enrichment) -> Outcome {
        let gold = &record.gold;
        let ranked = ranked_top_level(enrichment);
        let best = ranked.first().copied();
        let iptc = record
            .list("iptc", &gold.iptc)
            .filter(|codes| !codes.is_empty());
        let recall = |kind, name, codes: &Option<Vec<String>>| {
            record
                .list(name, codes)
                .map(|codes| entity_recall(&enrichment.tags, kind, codes))
        };
        Outcome {
            codes: iptc.map(|codes| (codes.to_vec(), best.map(str::to_owned))),
            recall_at3: iptc.map(|codes| {
                let top3 = &ranked[..ranked.len().min(3)];
                (
                    codes.iter().filter(|c| top3.contains(&c.as_str())).count(),
                    codes.len(),
                )
            }),
            label: record
                .list("labels", &gold.labels)
                .filter(|labels| !labels.is_empty())
                .and_then(|labels| label_correct(&record.dataset, labels, best)),
            places: recall(TagKind::Location, "places", &gold.places),
            people: recall(TagKind::Person, "people", &gold.people),
            orgs: recall(TagKind::Organization, "orgs", &gold.orgs),
        }
    }

    fn add(acc: &mut Acc, o: Outcome) {
        if let Some((gold, best)) = o.codes {
            acc.coded_items += 1;
            acc.top1
                .hit(best.as_ref().is_some_and(|b| gold.contains(b)));
            for code in &gold {
                let c = acc.codes.entry(code.clone()).or_default();
                c.in_gold = true;
                if best.as_ref() == Some(code) {
                    c.tp += 1;
                } else {
                    c.fn_ += 1;
                }
            }
            if let Some(best) = best.filter(|b| !gold.contains(b)) {
                acc.codes.entry(best).or_default().fp += 1;
            }
        }
        if let Some((found, total)) = o.recall_at3 {
            acc.recall_at3.hits(found, total);
        }
        acc.label.hit_opt(o.label);
        for (mean, counts) in [
            (&mut acc.places, o.places),
            (&mut acc.people, o.people),
            (&mut acc.orgs, o.orgs),
        ] {
            if let Some((found, total)) = counts {
                mean.hits(found, total);
            }
        }
    }

    fn finish(acc: Acc) -> TopicScores {
        let mut macro_f1 = Mean::default();
        for c in acc.codes.values().filter(|c| c.in_gold) {
            let denominator = 2 * c.tp + c.fp + c.fn_;
            macro_f1.add(if denominator == 0 {
                0.0
            } else {
                2.0 * c.tp as f64 / denominator as f64
            });
        }
        TopicScores {
            top1: acc.top1.score(),
            recall_at3: acc.recall_at3.score(),
            macro_f1: macro_f1.score().map(|s| Score {
                value: s.value,
                n: acc.coded_items,
            }),
            label_accuracy: acc.label.score(),
            places_recall: acc.places.score(),
            people_recall: acc.people.score(),
            orgs_recall: acc.orgs.score(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pb::Topic;

    fn topic(code: &str, parent: &str, score: f32) -> Topic {
        Topic {
            code: code.to_owned(),
            parent_code: parent.to_owned(),
            score,
            ..Topic::default()
        }
    }

    fn enrichment(topics: Vec<Topic>) -> Enrichment {
        Enrichment {
            topics,
            ..Enrichment::default()
        }
    }

    fn labels(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn ranking_keeps_top_level_codes_best_first() {
        let e = enrichment(vec![
            topic("medtop:20000001", "medtop:04000000", 0.99),
            topic("medtop:15000000", "", 0.4),
            topic("medtop:04000000", "", 0.8),
            topic("medtop:04000000", "", 0.3),
        ]);
        assert_eq!(ranked_top_level(&e), ["medtop:04000000", "medtop:15000000"]);
        assert!(ranked_top_level(&Enrichment::default()).is_empty());
    }

    #[test]
    fn labels_map_through_the_readme_table() {
        let bbc = "bbc-news-5class";
        assert_eq!(
            label_correct(bbc, &labels(&["sport"]), Some("medtop:15000000")),
            Some(true)
        );
        assert_eq!(
            label_correct(bbc, &labels(&["sport"]), Some("medtop:16000000")),
            Some(false)
        );
        assert_eq!(label_correct(bbc, &labels(&["sport"]), None), Some(false));
        let ag = "ag-news-test";
        assert_eq!(
            label_correct(ag, &labels(&["World"]), Some("medtop:11000000")),
            Some(true)
        );
        assert_eq!(
            label_correct(ag, &labels(&["World"]), Some("medtop:04000000")),
            Some(false)
        );
        assert_eq!(label_correct(ag, &labels(&["World"]), None), Some(false));
        assert_eq!(
            label_correct(ag, &labels(&["Sci/Tech"]), Some("medtop:13000000")),
            Some(true)
        );
        assert_eq!(
            label_correct("reuters-21578", &labels(&["earn"]), Some("medtop:04000000")),
            None
        );
    }

    #[test]
    fn macro_f1_over_gold_codes_with_single_label_predictions() {
        let mut acc = Acc::default();
        let item = |gold: &str, best: Option<&str>| Outcome {
            codes: Some((labels(&[gold]), best.map(str::to_owned))),
            ..Outcome::default()
        };
        // Code A: tp 1, fn 1; code B: tp 1, fp 1; code C (never gold): ignored.
        Eval::add(&mut acc, item("A", Some("A")));
        Eval::add(&mut acc, item("A", Some("B")));
        Eval::add(&mut acc, item("B", Some("B")));
        Eval::add(&mut acc, item("B", Some("C")));
        let scores = Eval::finish(acc);
        // F1 = 2tp / (2tp + fp + fn): A = 2/3, B = 2/4.
        let expected = (2.0 / 3.0 + 0.5) / 2.0;
        assert!(
            scores
                .macro_f1
                .is_some_and(|s| (s.value - expected).abs() < 1e-9 && s.n == 4)
        );
        assert_eq!(scores.top1.map(|s| s.value), Some(0.5));
    }

    fn record(gold: &str, quality: &str) -> Record<Gold> {
        let json = format!(
            r#"{{"id": "t:1", "dataset": "ag-news-test", "text": "x", "gold": {gold}, "quality": {quality}}}"#
        );
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("test record: {e}"))
    }

    #[test]
    fn empty_gold_codes_are_not_scored_for_topics() {
        let r = record(
            r#"{"labels": ["World"], "iptc": []}"#,
            r#"{"labels": "gold", "iptc": "silver"}"#,
        );
        let o = Eval::score(&r, &enrichment(vec![topic("medtop:16000000", "", 0.9)]));
        assert_eq!(
            o,
            Outcome {
                label: Some(true),
                ..Outcome::default()
            }
        );
    }

    #[test]
    fn recall_at_three_counts_gold_codes() {
        let r = record(
            r#"{"labels": ["Business"], "iptc": ["medtop:04000000"]}"#,
            r#"{"labels": "gold", "iptc": "silver"}"#,
        );
        let e = enrichment(vec![
            topic("medtop:11000000", "", 0.9),
            topic("medtop:16000000", "", 0.8),
            topic("medtop:04000000", "", 0.7),
            topic("medtop:15000000", "", 0.6),
        ]);
        let o = Eval::score(&r, &e);
        assert_eq!(o.recall_at3, Some((1, 1)));
        assert_eq!(o.label, Some(false));
    }

    #[test]
    fn entity_codes_match_tag_names_approximately() {
        let tag = |name: &str, kind: TagKind| Tag {
            name: name.to_owned(),
            kind: kind.into(),
            ..Tag::default()
        };
        let tags = [
            tag("Paul  Volcker", TagKind::Person),
            tag("West Germany", TagKind::Location),
            tag("Brazil", TagKind::Organization),
        ];
        assert_eq!(
            entity_recall(&tags, TagKind::Person, &labels(&["volcker", "baker"])),
            (1, 2)
        );
        assert_eq!(
            entity_recall(
                &tags,
                TagKind::Location,
                &labels(&["west-germany", "brazil"])
            ),
            (1, 2)
        );
        assert_eq!(entity_recall(&tags, TagKind::Location, &[]), (0, 0));
    }

    #[test]
    fn place_codes_match_country_codes_and_org_codes_their_names() {
        let tag = |name: &str, kind: TagKind, cc: &str| Tag {
            name: name.to_owned(),
            kind: kind.into(),
            country_code: cc.to_owned(),
            ..Tag::default()
        };
        let tags = [
            tag("Chicago", TagKind::Location, "US"),
            tag("Bonn", TagKind::Location, "DE"),
            tag("European Community", TagKind::Organization, ""),
        ];
        assert_eq!(
            entity_recall(
                &tags,
                TagKind::Location,
                &labels(&["usa", "west-germany", "uk"])
            ),
            (2, 3)
        );
        assert_eq!(
            entity_recall(&tags, TagKind::Organization, &labels(&["ec", "imf"])),
            (1, 2)
        );
        // A country code does not stand in for an organisation.
        assert_eq!(
            entity_recall(&tags, TagKind::Organization, &labels(&["usa"])),
            (0, 1)
        );
    }
}
