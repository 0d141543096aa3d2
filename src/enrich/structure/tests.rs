//! Tests of the structure analyzer: the fixture pages' expect files and the
//! per-language boilerplate case files (`tests/cases/structure/<lang>.txt`).

use std::fs;
use std::path::Path;

use foldhash::HashSet;
use serde_json::Value;

use super::headline::{breadcrumb_len, word_overlap};
use super::line::first_digit;
use super::*;
use crate::enrich::language;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn analyze_text(text: &str) -> Structure {
    let doc = Document::new(text);
    let lang = language::detect_article(&doc, None);
    analyze(&doc, lang.as_ref())
}

/// The kind of the first labelled line of `text` that opens with `start`.
fn kind_of_line_opening(s: &Structure, text: &str, start: &str) -> Option<BlockKind> {
    s.lines
        .iter()
        .find(|l| l.span.text(text).starts_with(start))
        .map(|l| l.kind)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn fixture_pages_match_their_expect_files() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in crate::enrich::test_files::fixture_articles() {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expect: Value = serde_json::from_str(
            &fs::read_to_string(path.with_extension("expect.json"))
                .unwrap_or_else(|e| panic!("{name}: {e}")),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let s = analyze_text(&text);
        assert_eq!(
            s.lines.len(),
            Document::new(&text).lines().len(),
            "{name}: one label a line"
        );
        let headline = s.headline.map(|h| h.text(&text).to_owned());
        let want = expect["headline"].as_str().map(str::to_owned);
        if headline.as_deref().map(norm) != want.as_deref().map(norm) {
            failures.push(format!("{name}: headline {headline:?}, want {want:?}"));
        }
        let lede = s.lede.map(|l| norm(l.text(&text))).unwrap_or_default();
        let lede_start = norm(expect["lede_starts_with"].as_str().unwrap_or_default());
        if !lede.starts_with(&lede_start) {
            failures.push(format!(
                "{name}: lede {:?}",
                lede.chars().take(80).collect::<String>()
            ));
        }
        let mut authors = s.authors.clone();
        let mut want_authors = strings(&expect["authors"]);
        authors.sort();
        want_authors.sort();
        if authors != want_authors {
            failures.push(format!(
                "{name}: authors {authors:?}, want {want_authors:?}"
            ));
        }
        let body = norm(&s.body_text(&text));
        let extracted = format!("{}\n{body}", headline.unwrap_or_default());
        for line in strings(&expect["boilerplate_lines"]) {
            if extracted.contains(&norm(&line)) {
                failures.push(format!("{name}: boilerplate in output: {line:?}"));
            }
        }
        for phrase in strings(&expect["body_must_include"]) {
            if !body.contains(&norm(&phrase)) {
                failures.push(format!("{name}: body lacks {phrase:?}"));
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 14, "fixture pages");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn kind_name(name: &str) -> Option<BlockKind> {
    use BlockKind as K;
    Some(match name {
        "navigation" => K::Navigation,
        "social" => K::Social,
        "counter" => K::Counter,
        "related" => K::Related,
        "tags" => K::Tags,
        "comments" => K::Comments,
        "advertisement" => K::Advertisement,
        "banner" => K::Banner,
        "footer" => K::Footer,
        "boilerplate" => K::Boilerplate,
        "credit" => K::Credit,
        "caption" => K::Caption,
        "timestamp" => K::Timestamp,
        "byline" => K::Byline,
        _ => return None,
    })
}

/// `tests/cases/structure/<lang>.txt`: `<kind><TAB><line>`, where kind is a
/// boilerplate kind the line must get, or `text` for a line that must not
/// be boilerplate.
#[test]
fn boilerplate_case_files() {
    let lexicon = lexicon::get();
    let mut failures = Vec::new();
    let mut langs = 0;
    for lang in [
        "en", "ru", "de", "fr", "es", "it", "pt", "nl", "pl", "uk", "ar", "zh",
    ] {
        let path = root().join(format!("tests/cases/structure/{lang}.txt"));
        let data = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        langs += 1;
        for (n, case) in data.lines().enumerate() {
            if case.trim().is_empty() || case.starts_with('#') {
                continue;
            }
            let Some((kind, line)) = case.split_once('\t') else {
                panic!("{lang}.txt:{}: no tab", n + 1);
            };
            let f = line::features(line, lexicon, lexicon.stopwords(Some(lang)));
            let mut got = strong_kind(&f);
            if got.is_none() && byline::parse(line, lexicon).is_some_and(|b| b.span.start == 0) {
                got = Some(BlockKind::Byline);
            }
            let ok = match kind {
                "text" => got.is_none(),
                name => got == kind_name(name),
            };
            if !ok {
                failures.push(format!(
                    "{lang}.txt:{}: {line:?} is {got:?}, want {kind}",
                    n + 1
                ));
            }
        }
    }
    assert_eq!(langs, 12);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clean_wire_story_with_hard_wrapped_paragraphs() {
    let text = "PORT AUTHORITY SETS NEW FEES\n\nHALIFAX, March 3 - The port authority said it would raise\nberth fees by four pct from July, citing higher dredging costs.\n    The authority said the increase was its first in six years.\n";
    let s = analyze_text(text);
    assert_eq!(
        s.headline.map(|h| h.text(text)),
        Some("PORT AUTHORITY SETS NEW FEES")
    );
    assert_eq!(
        s.lede.map(|l| l.text(text)),
        Some(
            "HALIFAX, March 3 - The port authority said it would raise\nberth fees by four pct from July, citing higher dredging costs."
        )
    );
    assert_eq!(s.body_paragraphs.len(), 1);
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n",
        "x",
        "©",
        "1\n2\n3",
        "By\nBy",
        &"word ".repeat(5000),
    ] {
        let s = analyze_text(text);
        assert_eq!(s.lines.len(), Document::new(text).lines().len());
        for span in s.paragraphs().chain(s.headline) {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}

#[test]
fn sections_of_the_fixture_pages() {
    // All but two fixture pages get their section (two print it nowhere
    // near the headline: "Andalucía" in a menu, "Урал" above the menus).
    let mut right = 0;
    let mut total = 0;
    for path in crate::enrich::test_files::fixture_articles() {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let expect: Value = serde_json::from_str(
            &fs::read_to_string(path.with_extension("expect.json"))
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        total += 1;
        if analyze_text(&text).section.as_deref() == expect["section"].as_str() {
            right += 1;
        }
    }
    assert!(right + 2 >= total, "{right} of {total} sections");
}

#[test]
fn headline_after_a_glued_breadcrumb_matches_the_title() {
    let text = "Ferry fares rise again on the harbour line | Harbour Times\nHome\nNews\nSport\nWeather\nHome News Ferry fares rise again on the harbour line\n\nThe harbour ferry company said on Monday that single fares would rise by ten percent from June, the second increase this year.\n\nCommuters' groups said the rise would push more people back into their cars, and asked the city council to step in before the summer timetable starts.\n";
    let s = analyze_text(text);
    assert_eq!(
        s.headline.map(|h| h.text(text)),
        Some("Ferry fares rise again on the harbour line")
    );
    assert!(
        s.lede
            .is_some_and(|l| l.text(text).starts_with("The harbour ferry company"))
    );
}

/// An invented blog page whose article region runs into a share prompt, a
/// newsletter prompt, the author's box and a tag list.
const PAGE_WITH_AUTHOR_BOX: &str = "Home\nNews\nSport\n\nCouncil approves new cycle lanes for the harbour road\n\nBy Maren Holt\n\nThe city council voted on Tuesday to build protected cycle lanes along the harbour road, ending a dispute that has run for almost three years between shop owners and residents.\n\nThe plan, which will cost about four million euros, removes one lane of parking on each side of the road and adds new crossings near the ferry terminal and the market hall.\n\nGet the Harbour Weekly newsletter\n\nShop owners had argued that the loss of parking would drive customers away, but a survey by the council found that most visitors to the harbour arrive on foot or by bus.\n\nWork on the first section is due to start in the spring, and the whole route should be open before the end of next year, the council said in a statement.\n\nShare this story\n\nAuthor\n\nMaren Holt\n\nMaren Holt is a city reporter who has covered local politics and transport for the paper since she joined it from a regional radio station.\n\ncycling\ntransport\ncouncil\n\n© 2024 Harbour Weekly\n";

#[test]
fn short_closing_sentences_end_the_article_but_a_thread_does_not() {
    let story = "Ferry crews vote to strike over rosters\n\n\
        HAMBURG (Reuters) - Ferry crews on the Elbe voted on Monday to strike from next week, \
        their union said, after talks over new shift rosters failed for the second time.\n\n\
        The operator said it had offered two extra rest days a month and called the vote \
        regrettable, adding that it would keep a reduced timetable running on the main lines.\n\n\
        \"The rosters leave people exhausted and the company knows it,\" a union official said.\n\n";
    // English, German and Spanish closings, each under a credit or at the end.
    for (closing, after) in [
        (
            "\"We will keep talking. We have to.\"",
            "\n\nReporting by Ana Roe; Editing by Tom Hill",
        ),
        ("„Wir reden weiter. Wir müssen.“", ""),
        (
            "Nadie sabe cuánto durará la huelga.\nTampoco la empresa.",
            "\n\nTags: ferries, strikes",
        ),
    ] {
        let text = format!("{story}{closing}{after}");
        let s = analyze_text(&text);
        let body: Vec<&str> = s.paragraphs().map(|p| p.text(&text)).collect();
        let last = body.last().copied().unwrap_or_default();
        assert!(closing.ends_with(last), "{closing:?} left out: {body:?}");
    }
    // Three short lines and more under them are a thread, not the article.
    let thread = format!(
        "{story}Great piece, thanks.\nI agree with the union.\nThey should sell the ferries.\nReply to this."
    );
    let s = analyze_text(&thread);
    let body: Vec<&str> = s.paragraphs().map(|p| p.text(&thread)).collect();
    assert!(body.iter().all(|p| !p.contains("Great piece")), "{body:?}");
}

#[test]
fn trailing_prompts_and_author_box_stay_out_of_the_body() {
    let text = PAGE_WITH_AUTHOR_BOX;
    let s = analyze_text(text);
    let kept: Vec<&str> = s.paragraphs().map(|p| p.text(text)).collect();
    let joined = kept.join("\n");
    assert!(joined.starts_with("The city council voted"), "{joined}");
    assert!(joined.contains("Shop owners had argued"), "{joined}");
    assert!(
        joined.ends_with("the council said in a statement."),
        "{joined}"
    );
    for chrome in [
        "newsletter",
        "Share this story",
        "is a city reporter",
        "cycling",
    ] {
        assert!(!joined.contains(chrome), "{chrome:?} kept: {joined}");
    }
}

#[test]
fn trim_tail_keeps_sentences_and_drops_short_fragments() {
    let lexicon = lexicon::get();
    let stop = lexicon.stopwords(Some("en"));
    let lines = [
        "The harbour road will get protected cycle lanes from next spring, the council said on Tuesday after a long debate.",
        "Work starts in March.",
        "transport",
        "Archive · RSS · Imprint",
    ];
    let feats: Vec<LineFeatures> = lines
        .iter()
        .map(|l| line::features(l, lexicon, stop))
        .collect();
    let mut body = vec![true; lines.len()];
    trim_tail(0, &feats, &mut body);
    assert_eq!(body, [true, true, false, false]);
}

#[test]
fn trim_bio_drops_the_author_box_and_what_follows() {
    let para = "The council said on Tuesday that work on the bridge would start in March and last until the end of next year, with one lane open at all times.";
    let cases: [(&str, &[&str], [bool; 7]); 4] = [
        // A byline name in another case opens the box; the contact line
        // under it goes too.
        (
            "Maren Holt is a city reporter for the paper and has covered the council since 2015.\nWrite to Maren Holt",
            &["MAREN HOLT"],
            [true, true, true, true, false, false, false],
        ),
        // A name line right above a bio that opens with it, no byline.
        (
            "Jan Berg\nJan Berg ist Redakteur im Ressort Wirtschaft und schreibt über Verkehr.",
            &[],
            [true, true, true, true, false, false, false],
        ),
        // Another name: the article stays whole.
        (
            "Ana Ruiz is a city reporter for the paper.\nShare this article",
            &["Maren Holt"],
            [true; 7],
        ),
        // A name line over a sentence that does not open with it stays.
        (
            "Jan Berg\nDie Stadt will die Brücke im Herbst wieder öffnen.",
            &[],
            [true; 7],
        ),
    ];
    for (tail, authors, want) in cases {
        let text = format!("{para}\n{para}\n{para}\n{para}\n{tail}\n");
        let doc = Document::new(&text);
        let lexicon = lexicon::get();
        let folded = lexicon::FoldedLines::new((0..doc.lines().len()).map(|i| doc.line_text(i)));
        let feats: Vec<LineFeatures> = (0..doc.lines().len())
            .map(|i| line::features(doc.line_text(i), lexicon, lexicon.stopwords(None)))
            .collect();
        let n = doc.lines().len();
        let mut body = vec![true; n];
        let authors: Vec<String> = authors.iter().map(|a| (*a).to_owned()).collect();
        trim_bio(&doc, &folded, &feats, 0, &authors, &mut body);
        assert_eq!(body, want[..n], "{tail}");
    }
}

/// Line features of `lines` with their strong kind set, as `analyze` sees
/// them before choosing the article region.
fn strong_features(lines: &[&str], stop: &HashSet<String>) -> Vec<LineFeatures> {
    let lexicon = lexicon::get();
    lines
        .iter()
        .map(|l| {
            let mut f = line::features(l, lexicon, stop);
            f.strong = strong_kind(&f);
            f
        })
        .collect()
}

#[test]
fn a_related_header_cuts_a_short_article_above_a_long_teaser_list() {
    let lexicon = lexicon::get();
    let stop = lexicon.stopwords(Some("en"));
    let prose = "The council said on Tuesday that the work on the harbour road would start in the spring, and that the whole route should be open to cyclists and walkers before the end of the next year.";
    let teaser = "A new ferry timetable will add two late crossings on the weekend, and the operator says that the fares for children and for students will stay the same as they were in the summer.";
    let mut lines = vec![prose; 4];
    lines.push("Related stories");
    lines.extend([teaser; 7]);
    let feats = strong_features(&lines, stop);
    assert_eq!(cut_end(0, lines.len() - 1, &feats), 3);
    // With only two paragraphs above it, the header is not trusted.
    assert_eq!(cut_end(2, lines.len() - 1, &feats), lines.len() - 1);
}

#[test]
fn headline_repeats_the_page_title_under_the_site_logo() {
    // The HTML title first, the site's name as a logo line, a menu, then
    // the page's own heading above the article.
    let text = "Neue Fähre für die Elbinsel | Hafenblatt\nHafenblatt\nStartseite\nPolitik\nKultur\nSport\nWetter\nKontakt\nSuche\nNeue Fähre für die Elbinsel\nDie Hafenfähre zur Elbinsel fährt vom kommenden Montag an mit einem neuen Schiff, das doppelt so viele Fahrräder mitnehmen kann wie das alte.\nDer Senat hatte das Schiff im vergangenen Jahr bestellt, nachdem Pendler sich über volle Fähren im Berufsverkehr beschwert hatten.\nImpressum\nDatenschutz\n";
    let s = analyze_text(text);
    assert_eq!(
        s.headline.map(|h| h.text(text)),
        Some("Neue Fähre für die Elbinsel")
    );
    assert!(
        s.lede
            .is_some_and(|l| l.text(text).starts_with("Die Hafenfähre"))
    );
}

#[test]
fn headline_glued_to_its_deck_is_cut_at_the_title() {
    let text = "Le tramway de Nantes prolongé jusqu'à Rezé\nAccueil\nActualités\nSports\nMétéo\nLe tramway de Nantes prolongé jusqu'à Rezé Les travaux commencent en mars\nLa métropole a voté jeudi le prolongement de la ligne 3 du tramway jusqu'au centre de Rezé, un chantier de deux ans qui coûtera près de 90 millions d'euros.\nLes commerçants du quartier demandent des aides pendant la durée des travaux, qui fermeront la rue principale pendant six mois.\n";
    let s = analyze_text(text);
    assert_eq!(
        s.headline.map(|h| h.text(text)),
        Some("Le tramway de Nantes prolongé jusqu'à Rezé")
    );
}

#[test]
fn a_name_line_without_a_cue_is_the_byline() {
    let text = "Accueil\nPolitique\nÉconomie\nCulture\n\nLa région double les trains du soir vers Lyon\nÉlodie Marchand\n12 mars 2024\n\nLa région a annoncé mardi qu'elle doublerait dès septembre le nombre de trains du soir entre Saint-Étienne et Lyon, une demande ancienne des usagers.\n\nLes nouveaux horaires seront publiés en juin, après une consultation des associations d'usagers et des communes desservies par la ligne.\n";
    let s = analyze_text(text);
    assert_eq!(s.authors, ["Élodie Marchand"]);
    assert_eq!(
        s.headline.map(|h| h.text(text)),
        Some("La région double les trains du soir vers Lyon")
    );
}

#[test]
fn a_preposition_mid_line_is_no_byline() {
    let text = "Startseite\nPolitik\nWirtschaft\n\nStadt plant neue Radwege\nDie Zählung von Radfahrern beginnt im Mai\n\nDie Stadt will bis zum Ende des kommenden Jahres zwölf Kilometer neue Radwege bauen, wie der Bürgermeister am Dienstag im Rathaus mitteilte.\n\nDie Kosten von rund vier Millionen Euro trägt zum größten Teil das Land, der Rest kommt aus dem Haushalt der Stadt.\n";
    let s = analyze_text(text);
    assert!(s.authors.is_empty(), "{:?}", s.authors);
}

#[test]
fn teaser_runs_leave_the_body_and_introduced_lists_stay() {
    let text = "Portada\nNacional\nDeportes\nCultura\nOpinión\n\nSevilla abre la nueva línea de metro\n\nLa nueva línea de metro de Sevilla abrió el lunes con doce estaciones entre el centro y el aeropuerto, tras cuatro años de obras y varios retrasos.\n\nLas tarifas serán las mismas que en el resto de la red:\n- Billete sencillo 1,35 euros\n- Bono de diez viajes 9 euros\n- Abono mensual 40 euros\n\nEl ayuntamiento espera que la línea transporte a unos veinte mil viajeros al día durante el primer año de servicio.\n\nEl Betis ficha a un delantero argentino\nLa Feria de Abril bate su récord de visitantes\nCortes de tráfico en Triana este fin de semana\nNuevo horario de la biblioteca municipal\n\nLos vecinos de Triana podrán votar en mayo los proyectos del presupuesto participativo, que este año reparte dos millones de euros entre los barrios.\n\n© 2024 Diario del Sur\n";
    let s = analyze_text(text);
    let body = s.body_text(text);
    assert!(body.contains("Bono de diez viajes"), "{body}");
    assert!(body.contains("veinte mil viajeros"), "{body}");
    for teaser in ["El Betis ficha", "La Feria de Abril", "Nuevo horario"] {
        assert!(!body.contains(teaser), "{teaser:?} kept: {body}");
    }
}

#[test]
fn a_run_of_label_value_items_stays_and_a_teaser_list_goes() {
    // An outfit's credits as "label: value" lines between two paragraphs
    // are the article's; the headline list below it is not.
    let text = "Accueil\nMode\nBeauté\n\nMon manteau préféré de l'hiver\n\nCet hiver, j'ai enfin trouvé le manteau que je cherchais depuis des années, chaud, léger et assez long pour les matins de vent sur le quai de la gare.\nManteau: Zara\nPull: Mango\nBottines: Minelli\nJe le porte presque tous les jours avec un jean droit et un gros pull, et il tient encore très bien après trois mois de pluie et de neige.\n\nLes tendances du printemps\nNos adresses pour chiner à Lyon\nLe guide des soldes d'hiver\nQuatre idées de week-end en Bretagne\n";
    let s = analyze_text(text);
    let body = s.body_text(text);
    assert!(body.contains("Bottines: Minelli"), "{body}");
    assert!(body.contains("trois mois de pluie"), "{body}");
    assert!(!body.contains("Nos adresses pour chiner"), "{body}");
}

#[test]
fn a_german_spec_list_of_labels_stays_in_the_body() {
    let text = "Startseite\nReisen\nFerienhaus\n\nFerienhaus am Kanal mit Pool\n\nDas Haus liegt direkt am Kanal und bietet Platz für bis zu sechs Gäste, die sich über einen großen Garten und einen beheizten Pool freuen können.\nMiete: 900 Euro pro Woche\nEndreinigung: 80 Euro\nKaution: 300 Euro\nStrom: nach Verbrauch\nDie Schlüsselübergabe erfolgt am Anreisetag ab 16 Uhr durch die Verwalterin, die im Nachbarort wohnt und bei Fragen jederzeit erreichbar ist.\n";
    let s = analyze_text(text);
    let body = s.body_text(text);
    assert!(body.contains("Kaution: 300 Euro"), "{body}");
}

#[test]
fn breadcrumb_trails_are_cut_before_the_headline() {
    let line = "Home → Notizie → Il treno delle sette torna in orario";
    assert_eq!(
        &line[breadcrumb_len(line)..],
        "Il treno delle sette torna in orario"
    );
    let line = "Start » Reisen » Nordsee » Die Fähre nach Helgoland fährt wieder";
    assert_eq!(
        &line[breadcrumb_len(line)..],
        "Die Fähre nach Helgoland fährt wieder"
    );
    // One separator is a headline's own slash; a short last crumb is a
    // section, not a headline.
    assert_eq!(
        breadcrumb_len("Berlin / Hamburg: Züge fallen am Montag aus"),
        0
    );
    assert_eq!(breadcrumb_len("Home » News » Sport"), 0);
}

#[test]
fn word_overlap_is_the_smaller_share_both_ways() {
    let title: HashSet<&str> = ["minions", "mit", "schablonen", "malen"]
        .into_iter()
        .collect();
    assert!(word_overlap("minions mit schablonen malen", &title) > 0.99);
    assert!(word_overlap("minions mit schablonen malen und vieles mehr dazu", &title) < 0.7);
    assert_eq!(word_overlap("minions", &title), 0.0);
    // Repeats count once, in a short line and in a long one alike (the
    // long one is counted through a set): 8 distinct words, 4 of the title.
    let short = "minions mit schablonen malen und vieles mehr dazu minions mit";
    let long = [short; 12].join(" ");
    assert!(long.split(' ').count() > 100);
    assert_eq!(word_overlap(short, &title), 0.5);
    assert_eq!(word_overlap(&long, &title), 0.5);
}

/// An invented German page: the title's headline part is repeated under the
/// logo, far above an article the region starts late in (after a long menu).
#[test]
fn the_titles_first_part_is_the_headline_far_from_the_article() {
    let mut text = String::from(
        "Die Möglichkeit, einfach zu warten | Gartenblog Sommerwind\nGartenblog Sommerwind\nDie Möglichkeit, einfach zu warten\n",
    );
    for item in [
        "Start",
        "Beete",
        "Obst",
        "Gemüse",
        "Rasen",
        "Werkzeug",
        "Kompost",
        "Balkon",
        "Teich",
        "Bäume",
        "Sträucher",
        "Kräuter",
        "Rosen",
        "Stauden",
        "Kübel",
        "Archiv",
        "Über uns",
        "Kontakt",
    ] {
        text.push_str(item);
        text.push('\n');
    }
    text.push_str("\nIm Frühjahr drängt alles zum Tun, doch wer den Boden zu früh bearbeitet, schadet ihm mehr, als er ihm nützt, und die Regenwürmer danken es niemandem.\n\nBesser ist es, ein paar Wochen zu warten, bis der Boden abgetrocknet ist und sich krümelig anfühlt, und erst dann mit der Grabegabel vorsichtig zu lockern.\n");
    let s = analyze_text(&text);
    assert_eq!(
        s.headline.map(|h| h.text(&text)),
        Some("Die Möglichkeit, einfach zu warten")
    );
    assert!(
        s.lede
            .is_some_and(|l| l.text(&text).starts_with("Im Frühjahr"))
    );
}

/// An invented Spanish page whose heading rewords its title ("y" for "&").
#[test]
fn a_heading_that_rewords_the_title_is_the_headline() {
    let text = "Pan de masa madre con nueces & pasas - Recetas de Lucía\nInicio\nRecetas\nPanes\nPostres\nContacto\nCómo hacer pan de masa madre con nueces y pasas\nPublicado el 3 de marzo\n\nEl pan de masa madre necesita tiempo, pero muy poco trabajo: la masa fermenta sola durante la noche y por la mañana solo hay que darle forma y hornearla.\n\nLas nueces y las pasas se añaden en el último pliegue, para que no rompan la red de gluten que se ha formado durante las primeras horas de fermentación.\n";
    let s = analyze_text(text);
    assert_eq!(
        s.headline.map(|h| h.text(text)),
        Some("Cómo hacer pan de masa madre con nueces y pasas")
    );
}

/// Invented tutorials in two languages with a run of short lines, each a
/// block of its own, between paragraphs: a subheading, then sentences
/// ending with a colon, each over the code it introduces. The run is the
/// article's, not a link list.
#[test]
fn sentences_introducing_code_stay_in_the_body() {
    let cases = [
        (
            "Five mistakes with Python imports | Code Notes\nHome\nTutorials\nAbout\n\nFive mistakes with Python imports\n\nImports look simple, but a few habits that work in small scripts break as soon as a project grows to more than a handful of modules.\n\nThe first mistake is to name a module after one in the standard library, which hides the real module from every file in the project.\n\nMistake two: import cycles\n\nSuppose the helper lives in util.py and looks like this:\n\nimport main def path(): return main.ROOT\n\nNow the other file, main.py, imports it like this:\n\nimport util ROOT = util.path()\n\nPython stops with an error, because each module needs the other one to be loaded before it can finish loading itself.\n\nThe fix is to move the shared value into a third module that both files import, so that neither of them depends on the other.\n\nShare on Facebook\nShare on Twitter\n\nPrivacy policy\nContact\nImprint\n",
            [
                "Suppose the helper lives in util.py and looks like this:",
                "Now the other file, main.py, imports it like this:",
            ],
        ),
        (
            "Fünf Fehler beim Importieren | Code-Notizen\nStartseite\nAnleitungen\nÜber uns\n\nFünf Fehler beim Importieren\n\nImporte sehen einfach aus, aber einige Gewohnheiten, die in kleinen Skripten funktionieren, brechen, sobald ein Projekt auf mehr als eine Handvoll Module wächst.\n\nDer erste Fehler ist, ein Modul nach einem aus der Standardbibliothek zu benennen, was das echte Modul vor jeder Datei des Projekts versteckt.\n\nFehler zwei: zyklische Importe\n\nAngenommen, in der Datei util.py steht diese Hilfsfunktion:\n\nimport main def path(): return main.ROOT\n\nUnd dann importiert man sie in einer anderen Datei namens main.py:\n\nimport util ROOT = util.path()\n\nPython bricht mit einem Fehler ab, weil jedes Modul das andere braucht, bevor es selbst fertig geladen werden kann.\n\nDie Lösung ist, den gemeinsamen Wert in ein drittes Modul zu verschieben, das beide Dateien importieren, sodass keine mehr von der anderen abhängt.\n\nAuf Facebook teilen\nAuf Twitter teilen\n\nImpressum\nDatenschutz\nKontakt\n",
            [
                "Angenommen, in der Datei util.py steht diese Hilfsfunktion:",
                "Und dann importiert man sie in einer anderen Datei namens main.py:",
            ],
        ),
    ];
    for (text, intros) in cases {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        for intro in intros {
            assert!(body.contains(intro), "{intro}: {body}");
        }
    }
}

/// An invented German article with a teaser (kicker over a headline) set
/// between its paragraphs, and a subheading under a photo credit.
#[test]
fn a_kicker_and_headline_teaser_leaves_the_body() {
    let text = "Bahn plant dichteren Takt im Fernverkehr\n\nDie Bahn will ihre Fernzüge zwischen den großen Städten künftig jede halbe Stunde fahren lassen, wie ein Sprecher am Montag in Berlin sagte.\n\nNeues Konzept\nRegionalzüge sollen bald im Stundentakt fahren\n\nFür die Fahrgäste bedeutet der neue Takt kürzere Wartezeiten beim Umsteigen, allerdings müssen dafür mehrere Strecken ausgebaut werden, was Jahre dauern dürfte.\n\nFoto: Jana Berg\nKritik der Verbände\n\nDie Fahrgastverbände begrüßten den Plan grundsätzlich, forderten aber, dass zuerst die Pünktlichkeit der bestehenden Verbindungen verbessert werden müsse.\n";
    let s = analyze_text(text);
    let body = norm(&s.body_text(text));
    assert!(!body.contains("Neues Konzept"), "{body}");
    assert!(!body.contains("Regionalzüge sollen bald"), "{body}");
    assert!(body.contains("Kritik der Verbände"), "{body}");
    assert!(body.contains("Die Fahrgastverbände begrüßten"), "{body}");
}

/// Invented English and French articles with a teaser whose kicker has
/// four words ("Life on the islands" over a headline) between paragraphs.
#[test]
fn a_four_word_kicker_over_a_headline_leaves_the_body() {
    for (text, kicker, teaser, after) in [
        (
            "Home\nNews\nLocal\n\nCouncil backs longer opening hours at the library\n\nThe town council voted on Tuesday to keep the central library open until nine in the evening on weekdays, after a petition signed by more than two thousand residents.\n\nLife on the islands\nNight ferry crossings to be cut from June\n\nThe longer hours will cost about forty thousand pounds a year, which the council says it will find by closing two meeting rooms that are rarely used.\n\nPrivacy policy\nContact us\n",
            "Life on the islands",
            "Night ferry crossings",
            "The longer hours will cost",
        ),
        (
            "Accueil\nActualités\nRégion\n\nLa mairie prolonge les horaires de la médiathèque\n\nLe conseil municipal a voté mardi l'ouverture de la médiathèque centrale jusqu'à vingt et une heures en semaine, après une pétition signée par plus de deux mille habitants.\n\nVie dans les îles\nLes traversées de nuit supprimées dès le mois de juin\n\nCes horaires élargis coûteront environ quarante mille euros par an, que la mairie compte trouver en fermant deux salles de réunion peu utilisées.\n\nMentions légales\nContact\n",
            "Vie dans les îles",
            "Les traversées de nuit",
            "Ces horaires élargis",
        ),
    ] {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        assert!(!body.contains(kicker), "{body}");
        assert!(!body.contains(teaser), "{body}");
        assert!(body.contains(after), "{body}");
    }
}

/// A "Most read" box set inside an article: teaser headlines under the
/// header, then the article's paragraphs again. The article does not end at
/// the header; a box of summaries alone still ends it (test above).
#[test]
fn a_teaser_box_inside_the_article_does_not_end_it() {
    let lexicon = lexicon::get();
    let stop = lexicon.stopwords(Some("en"));
    let lines = [
        "The council said on Tuesday that the work on the harbour road would start in the spring, and that the whole route should be open to cyclists and walkers before the end of the next year.",
        "Residents who live along the road have asked for a new crossing near the school, and the council says that it is now looking at where such a crossing could be built.",
        "The cost of the first stage is put at four million pounds, most of it from a regional fund that was set up to improve the links between the towns on the coast.",
        "Work on the second stage, which will take the path past the old fish market, is not expected to start until the first stage has been finished and checked.",
        "Most Read",
        "Ferry fares to rise in April",
        "Lifeboat crew called out twice",
        "New bakery opens on the quay",
        "A spokesman for the harbour board said that the board had been told about the plans in the autumn and that it would keep the slipway open while the work goes on.",
        "The council will hold two public meetings about the road next month, one in the town hall and one in the library, where people can see the plans and ask questions.",
    ];
    let feats = strong_features(&lines, stop);
    assert_eq!(feats[4].strong, Some(BlockKind::Related));
    assert_eq!(cut_end(0, lines.len() - 1, &feats), lines.len() - 1);
    // Without the paragraphs under the box, the header ends the article.
    assert_eq!(cut_end(0, 7, &feats), 3);
}

/// A German library report with a photo's copyright line between its
/// paragraphs: the article goes on under it; a copyright line with no
/// paragraphs under it ends the article (and a year-bearing one over a
/// single paragraph: the test below).
#[test]
fn a_copyright_credit_inside_the_article_does_not_end_it() {
    let lexicon = lexicon::get();
    let stop = lexicon.stopwords(Some("de"));
    let lines = [
        "Nach zwei Jahren Umbau öffnet die Stadtbibliothek am Montag wieder, mit einem neuen Lesesaal im Dachgeschoss und deutlich längeren Öffnungszeiten am Wochenende.",
        "Im Erdgeschoss gibt es jetzt eine Werkstatt mit Druckern und Nähmaschinen, die Schulklassen und Vereine nach einer kurzen Einweisung kostenlos nutzen dürfen.",
        "Die Kinderabteilung ist in den früheren Innenhof gezogen, der ein Glasdach bekommen hat und auch im Winter hell und warm bleibt, wie die Leiterin erklärte.",
        "© Foto: Anna Weber",
        "Bezahlt wurde der Umbau zum größten Teil vom Land, den Rest hat die Stadt aus ihrem Haushalt und aus Spenden mehrerer Stiftungen zusammengebracht.",
        "Zur Eröffnung lesen am Samstag drei Autorinnen aus der Region, und am Sonntag führen Mitarbeiter alle zwei Stunden durch das umgebaute Haus.",
    ];
    let feats = strong_features(&lines, stop);
    assert_eq!(feats[3].strong, Some(BlockKind::Footer));
    assert_eq!(cut_end(0, lines.len() - 1, &feats), lines.len() - 1);
    assert_eq!(cut_end(0, 3, &feats), 2);
}

/// A photo's credit over the article's closing paragraph, the region's last
/// line ("©iStock" / paragraph): the article goes on under it. The page's
/// copyright line, which names its year, still ends the article over a
/// paragraph.
#[test]
fn a_photo_credit_over_the_closing_paragraph_does_not_end_the_article() {
    let lexicon = lexicon::get();
    let stop = lexicon.stopwords(Some("de"));
    let mut lines = vec![
        "Nach zwei Jahren Umbau öffnet die Stadtbibliothek am Montag wieder, mit einem neuen Lesesaal im Dachgeschoss und deutlich längeren Öffnungszeiten am Wochenende.",
        "Im Erdgeschoss gibt es jetzt eine Werkstatt mit Druckern und Nähmaschinen, die Schulklassen und Vereine nach einer kurzen Einweisung kostenlos nutzen dürfen.",
        "Die Kinderabteilung ist in den früheren Innenhof gezogen, der ein Glasdach bekommen hat und auch im Winter hell und warm bleibt, wie die Leiterin erklärte.",
        "© Foto: Anna Weber",
        "Bezahlt wurde der Umbau zum größten Teil vom Land, den Rest hat die Stadt aus ihrem Haushalt und aus Spenden mehrerer Stiftungen zusammengebracht 🙂",
    ];
    let feats = strong_features(&lines, stop);
    assert_eq!(feats[3].strong, Some(BlockKind::Footer));
    assert_eq!(cut_end(0, 4, &feats), 4);
    lines[3] = "© 2024 Stadtanzeiger";
    let feats = strong_features(&lines, stop);
    assert_eq!(feats[3].strong, Some(BlockKind::Footer));
    assert_eq!(cut_end(0, 4, &feats), 2);
}

/// Invented pages in three languages: a caption set under its photo's
/// credit in one block ("© Name" / caption) is the figure's, not the
/// article's; the paragraphs around it stay in the body.
#[test]
fn a_line_under_a_photo_credit_in_its_block_is_a_caption() {
    let cases = [
        (
            "Vultures back in the valley | Alpine Post\nHome\nNature\n\nVultures back in the valley\n\nThe two young vultures released in the spring have been seen together over the eastern ridge for the first time, the park's rangers said on Friday.\n\n© Tom Berger\nOne of the young vultures over the ridge.\n\nThe birds carry small transmitters that send their position every hour, and both have covered more than a thousand kilometres since they left the cliffs.\n\nThe rangers said the birds had found enough food in the valley over the winter and that they were in good health.\n\nTwo more young birds are to be released in June from the same cliffs, if the weather allows it.\n",
            "One of the young vultures",
            "The rangers said",
        ),
        (
            "Geier zurück im Tal | Alpenpost\nStartseite\nNatur\n\nGeier zurück im Tal\n\nDie beiden im Frühjahr ausgewilderten Junggeier sind zum ersten Mal gemeinsam über dem östlichen Grat gesehen worden, teilten die Ranger des Parks am Freitag mit.\n\n© Tom Berger\nEiner der Junggeier über dem Grat.\n\nDie Vögel tragen kleine Sender, die jede Stunde ihre Position melden, und beide haben seit dem Verlassen der Felsen mehr als tausend Kilometer zurückgelegt.\n\nDie Ranger sagten, die Vögel hätten im Winter genug Nahrung im Tal gefunden und seien bei guter Gesundheit.\n\nZwei weitere Jungvögel sollen im Juni an denselben Felsen ausgewildert werden, wenn das Wetter es zulässt.\n",
            "Einer der Junggeier",
            "Die Ranger sagten",
        ),
        (
            "Los buitres vuelven al valle | Diario Alpino\nInicio\nNaturaleza\n\nLos buitres vuelven al valle\n\nLos dos buitres jóvenes liberados en primavera han sido vistos juntos por primera vez sobre la cresta oriental, informaron el viernes los guardas del parque.\n\n© Tomás Berga\nUno de los buitres jóvenes sobre la cresta.\n\nLas aves llevan pequeños transmisores que envían su posición cada hora, y ambas han recorrido más de mil kilómetros desde que dejaron los acantilados.\n\nLos guardas dijeron que las aves habían encontrado suficiente comida en el valle durante el invierno y que estaban sanas.\n\nOtros dos ejemplares jóvenes serán liberados en junio desde los mismos acantilados, si el tiempo lo permite.\n",
            "Uno de los buitres",
            "Los guardas dijeron",
        ),
    ];
    for (text, caption, paragraph) in cases {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        assert!(!body.contains(caption), "{caption}: {body}");
        assert!(body.contains(paragraph), "{paragraph}: {body}");
        let label = kind_of_line_opening(&s, text, caption);
        assert_eq!(label, Some(BlockKind::Caption), "{caption}");
    }
}

/// Invented pages in two languages: a caption set under a credit of names
/// around a slash ("Kari Berg/imagebank.example.se") in one block is the
/// figure's, not the article's; the paragraphs around it stay.
#[test]
fn a_line_under_a_slash_credit_in_its_block_is_a_caption() {
    let cases = [
        (
            "Road trip through the north | Travel Weekly\nHome\nTravel\n\nRoad trip through the north\n\nThe coastal road north of the capital winds past fishing villages, pine forests and dozens of small lakes, and most of it is open all year.\n\nCamping is allowed on most open land for a night or two, as long as campers keep their distance from houses and leave no trace behind.\n\nKari Berg/imagebank.example.se\nA lake by the road at dusk.\n\nFuel stations are far apart in the forests, so drivers should fill up whenever they can and carry water and warm clothes.\n\nThe ferries to the islands run every hour in summer and need no booking for cars.\n",
            "A lake by the road",
            "Fuel stations are far apart",
        ),
        (
            "Mit dem Van durch den Norden | Reisemagazin\nStartseite\nReisen\n\nMit dem Van durch den Norden\n\nDie Küstenstraße nördlich der Hauptstadt führt an Fischerdörfern, Kiefernwäldern und Dutzenden kleiner Seen vorbei und ist fast das ganze Jahr befahrbar.\n\nCampen ist auf den meisten freien Flächen für ein oder zwei Nächte erlaubt, solange man Abstand zu Häusern hält und keine Spuren hinterlässt.\n\nKari Berg/imagebank.example.se\nEin See an der Straße in der Abenddämmerung.\n\nTankstellen liegen in den Wäldern weit auseinander, deshalb sollte man jede Gelegenheit zum Tanken nutzen und Wasser und warme Kleidung dabeihaben.\n\nDie Fähren zu den Inseln fahren im Sommer stündlich und brauchen für Autos keine Buchung.\n",
            "Ein See an der Straße",
            "Tankstellen liegen in den Wäldern",
        ),
    ];
    for (text, caption, paragraph) in cases {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        assert!(!body.contains(caption), "{caption}: {body}");
        assert!(body.contains(paragraph), "{paragraph}: {body}");
        let label = kind_of_line_opening(&s, text, caption);
        assert_eq!(label, Some(BlockKind::Caption), "{caption}");
    }
}

/// Invented pages in two languages: in a gallery's block, where photo
/// credits close one caption after another, a caption longer than a
/// credit's usual one is still a caption; the paragraphs around stay.
#[test]
fn a_long_caption_in_a_gallerys_block_is_a_caption() {
    let cases = [
        (
            "Old orchards return to the hills | Nature Weekly\nHome\nNature\n\nOld orchards return to the hills\n\nThe open chestnut groves of the southern valleys have become rare over the last century, as farmers stopped grazing their herds under the trees and the forest closed in.\n\nChestnut groves like this one were grazed by goats and cattle for centuries, which kept the ground open and let grass, herbs and flowers grow between the old trees, and many butterflies and beetles depend on that open, sunny ground today.\nPhoto © Jan Berg\nThe stag beetle lives in the dead wood of old chestnut trees.\nPhoto © Eva Kron\n\nThe new plan pays farmers to clear young trees and bring their herds back under the old chestnuts for a few weeks each summer.\n\nThe first groves will be cleared this autumn, and the rangers will count the butterflies there every year.\n",
            "Chestnut groves like this one",
            "The new plan pays farmers",
        ),
        (
            "Alte Kastanienhaine kehren zurück | Naturmagazin\nStartseite\nNatur\n\nAlte Kastanienhaine kehren zurück\n\nDie offenen Kastanienhaine der südlichen Täler sind im letzten Jahrhundert selten geworden, weil die Bauern ihre Herden nicht mehr unter den Bäumen weiden ließen und der Wald zuwuchs.\n\nKastanienhaine wie dieser wurden jahrhundertelang von Ziegen und Rindern beweidet, was den Boden offen hielt und Gras, Kräuter und Blumen zwischen den alten Bäumen wachsen ließ, und viele Falter und Käfer sind bis heute auf diesen offenen, sonnigen Boden angewiesen.\nFoto © Jan Berg\nDer Hirschkäfer lebt im Totholz alter Kastanien.\nFoto © Eva Kron\n\nDer neue Plan bezahlt Bauern dafür, junge Bäume zu roden und ihre Herden jeden Sommer für einige Wochen unter die alten Kastanien zurückzubringen.\n\nDie ersten Haine werden im Herbst gerodet, und die Ranger zählen dort jedes Jahr die Falter.\n",
            "Kastanienhaine wie dieser",
            "Der neue Plan bezahlt Bauern",
        ),
    ];
    for (text, caption, paragraph) in cases {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        assert!(!body.contains(caption), "{caption}: {body}");
        assert!(body.contains(paragraph), "{paragraph}: {body}");
    }
}

/// An invented Italian article with an "I più letti" box inside it: the
/// teasers leave the body, the paragraphs under the box stay.
#[test]
fn the_article_goes_on_under_an_italian_most_read_box() {
    let text = "Porto, lavori sulla strada del molo da marzo\n\nIl comune ha annunciato martedì che i lavori sulla strada del molo cominceranno a marzo e che il percorso sarà aperto a pedoni e ciclisti entro la fine del prossimo anno.\n\nI residenti chiedono da tempo un nuovo attraversamento vicino alla scuola, e la giunta ha detto che sta valutando dove sia possibile costruirlo.\n\nIl costo del primo lotto è di quattro milioni di euro, in gran parte coperti da un fondo regionale creato per migliorare i collegamenti tra i paesi della costa.\n\nIl secondo lotto, che porterà il percorso fino al vecchio mercato del pesce, non partirà prima che il primo sia stato concluso e collaudato.\n\nI più letti\nAumentano le tariffe dei traghetti\nDoppia uscita per la motovedetta\nApre un nuovo forno sul lungomare\n\nUn portavoce dell'autorità portuale ha detto che l'ente era stato informato dei progetti in autunno e che lo scivolo resterà aperto durante i lavori.\n\nIl comune terrà due assemblee pubbliche sulla strada il mese prossimo, una in municipio e una nella biblioteca, dove i cittadini potranno vedere i progetti e fare domande.\n";
    let s = analyze_text(text);
    let body = norm(&s.body_text(text));
    assert!(
        body.contains("Un portavoce dell'autorità portuale"),
        "{body}"
    );
    assert!(body.contains("due assemblee pubbliche"), "{body}");
    assert!(!body.contains("Aumentano le tariffe"), "{body}");
    assert!(!body.contains("Apre un nuovo forno"), "{body}");
}

/// An invented French article with a "related" box set inside it: the
/// teasers under the header leave the body, the article after them stays.
#[test]
fn teasers_under_a_related_header_leave_the_body() {
    let text = "Grève des contrôleurs : trafic perturbé vendredi\n\nLa SNCF prévoit un train sur deux sur les lignes régionales vendredi, en raison d'un mouvement de grève des contrôleurs qui réclament une hausse de leurs primes.\n\nSur le même thème\nLe prix des billets de TER augmente en janvier\nLes abonnés paieront quatre euros de plus.\nQuatre nouvelles rames livrées à la région\n\nLes syndicats ont appelé à un nouveau rassemblement devant le siège de la direction régionale lundi matin, si aucune proposition n'est faite d'ici là.\n";
    let s = analyze_text(text);
    let body = norm(&s.body_text(text));
    assert!(!body.contains("Le prix des billets"), "{body}");
    assert!(!body.contains("Les abonnés paieront"), "{body}");
    assert!(!body.contains("Quatre nouvelles rames"), "{body}");
    assert!(body.contains("Les syndicats ont appelé"), "{body}");
}

/// Invented English and German articles closed by a "more on <topic>"
/// box: the header names the topic after its preposition, and the teasers
/// under it (headlines, a date, a one-line summary) leave the body.
#[test]
fn a_more_on_topic_header_closes_the_article() {
    let pages = [
        (
            "Council approves new ferry pier for the old harbour\n\nThe city council voted on Tuesday to build a new ferry pier at the old harbour, ending two years of debate over where the boats from the islands should dock.\n\nThe pier will cost about 14 million and should open in the spring of next year, the harbour master told reporters after the vote.\n\nMore on Harbour Works\nDredging starts at the east quay\n12 March\nCrews begin clearing silt from the channel next week, the port authority says.\nFish market to move in summer\n",
            [
                "The pier will cost",
                "Dredging starts",
                "Crews begin clearing",
            ],
        ),
        (
            "Stadtrat beschließt neuen Fähranleger am alten Hafen\n\nDer Stadtrat hat am Dienstag beschlossen, am alten Hafen einen neuen Fähranleger zu bauen, und damit einen zweijährigen Streit über den Liegeplatz der Inselfähren beendet.\n\nDer Anleger soll rund 14 Millionen Euro kosten und im Frühjahr des kommenden Jahres fertig sein, sagte der Hafenmeister nach der Abstimmung.\n\nMehr zu Hafen und Fähren\nBaggerarbeiten am Ostkai beginnen\n12. März\nDie Arbeiter räumen ab nächster Woche den Schlick aus der Fahrrinne, teilt die Hafenbehörde mit.\nFischmarkt zieht im Sommer um\n",
            [
                "Der Anleger soll",
                "Baggerarbeiten am Ostkai",
                "Die Arbeiter räumen",
            ],
        ),
    ];
    for (text, [kept, teaser, summary]) in pages {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        assert!(body.contains(kept), "{body}");
        assert!(!body.contains(teaser), "{body}");
        assert!(!body.contains(summary), "{body}");
    }
}

/// Invented English and German columns whose last line announces what
/// follows ("… you will find them here:") over a related box: with nothing
/// of the article under it, the line leaves the body with the box.
#[test]
fn a_closing_line_announcing_a_box_leaves_the_body() {
    for (text, kept, intro) in [
        (
            "Home\nNews\nSport\nOpinion\n\nWhy the night ferry still matters\n\nThe night ferry is slow, it is loud, and it is often late, yet for the people of the outer islands it remains the only way to reach the hospital on the mainland before morning.\n\nWhen the operator proposed to cut it last winter, two hundred residents crossed the water to protest in front of the town hall, and the plan was quietly dropped.\n\nIf you enjoyed this column, you will find what the rest of our writers think about the islands here:\n\nRelated stories\nBus timetable changes in May\nHarbour cafe reopens\n\nPrivacy policy\nContact us\n",
            "the plan was quietly dropped.",
            "If you enjoyed this column",
        ),
        (
            "Startseite\nPolitik\nSport\nMeinung\n\nWarum die Nachtfähre noch gebraucht wird\n\nDie Nachtfähre ist langsam, sie ist laut und oft verspätet, doch für die Menschen auf den äußeren Inseln bleibt sie der einzige Weg, vor dem Morgen das Krankenhaus auf dem Festland zu erreichen.\n\nAls der Betreiber sie im vergangenen Winter streichen wollte, fuhren zweihundert Bewohner übers Wasser und protestierten vor dem Rathaus, und der Plan wurde still begraben.\n\nWenn Ihnen diese Kolumne gefallen hat, finden Sie hier, was unsere anderen Autoren über das Leben auf den Inseln denken:\n\nÄhnliche Artikel\nNeuer Busfahrplan ab Mai\nHafencafé öffnet wieder\n\nDatenschutz\nKontakt\n",
            "der Plan wurde still begraben.",
            "Wenn Ihnen diese Kolumne gefallen hat",
        ),
    ] {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        assert!(body.contains(kept), "{body}");
        assert!(!body.contains(intro), "{body}");
    }
}

/// An invented Spanish article closing with a newsletter pitch; a long
/// closing paragraph that asks readers to comment stays.
#[test]
fn a_closing_pitch_leaves_the_body_and_a_long_close_stays() {
    let article = "Sevilla abre la nueva línea de metro en primavera\n\nLa Junta de Andalucía confirmó este martes que la línea 3 del metro de Sevilla abrirá en primavera, con doce estaciones entre el norte de la ciudad y el centro.\n\nLas obras, que comenzaron hace cuatro años, acumularon varios retrasos por el hallazgo de restos arqueológicos en el tramo central del trazado.\n\n";
    let text = format!(
        "{article}Suscríbete a nuestro boletín y recibe cada mañana las noticias de Sevilla en tu correo.\n"
    );
    let s = analyze_text(&text);
    let body = norm(&s.body_text(&text));
    assert!(!body.contains("Suscríbete"), "{body}");
    assert!(body.contains("Las obras, que comenzaron"), "{body}");
    let close = "Hemos recorrido el trazado completo, hablado con vecinos, comerciantes y técnicos, y revisado los plazos de cada tramo; si vives cerca de alguna de las nuevas estaciones y quieres contarnos cómo te afectan las obras, déjanos tu comentario y lo leeremos con atención.";
    let text = format!("{article}{close}\n");
    let s = analyze_text(&text);
    assert!(norm(&s.body_text(&text)).contains("déjanos tu comentario"));
}

/// An invented English page whose article region starts at a photo caption
/// above the headline.
#[test]
fn a_caption_above_the_headline_is_not_the_lede() {
    let text = "Probe finds water vapour above the ice moon | Orbit Daily\nHome\nSpace\nEarth\nAbout\n\nAn artist's view of the probe above the ice. (Orbit Agency/Jane Lake)\nSPACE\nProbe finds water vapour above the ice moon\nTOM REED, ORBIT DAILY\n\nA team of planetary scientists has confirmed traces of water vapour above the surface of the ice moon, using a telescope on a mountain in Hawaii over two years.\n\nThe finding makes the moon one of the best places to look for life beyond Earth, the team said in a paper published on Monday.\n";
    let s = analyze_text(text);
    assert_eq!(
        s.headline.map(|h| h.text(text)),
        Some("Probe finds water vapour above the ice moon")
    );
    let lede = s.lede.map(|l| l.text(text)).unwrap_or_default();
    assert!(lede.starts_with("A team of planetary scientists"), "{lede}");
}

/// Invented pages whose article region starts below image links and a
/// related link: the paragraphs between the byline and the region are the
/// article's opening, in English and German.
#[test]
fn paragraphs_between_the_byline_and_the_region_join_the_article() {
    let en = "Ferry operator orders two electric boats | Harbour Weekly\nHome\nNews\nSport\nContact\n\nFerry operator orders two electric boats\nMarch 4, 2024 by Maren Holt\nShare on Facebook Share on Twitter Email Subscribe To Our Newsletter\nby harbour_desk\nThe ferry operator said on Monday it had ordered two battery-powered boats for the island route, the first of their kind on this part of the coast.\nEach boat will carry up to three hundred passengers and forty cars, and will charge at the quay in the twenty minutes it takes to load and unload them.\nimages.example.org/ferry-one.jpg\nimages.example.org/ferry-two.jpg\nexample.org/2023/electric-ferries-in-the-north/\nThe operator expects the new boats to cut its fuel bill by about a third, and said the savings would help keep fares at their present level for at least five years.\nexample.org/ferry-specs/\nHARBOUR DESK — March 4, 2024, 10:15 am The order follows a two-year trial with a smaller hybrid boat on the short crossing to the lighthouse island, which the operator says ran with almost no breakdowns.\nThe shipyard in the south will build both hulls, while the batteries come from a supplier that already equips several ferries on the lakes further inland.\nCrews will start training on the first boat next winter, and the operator hopes to put it into service before the summer timetable begins.\nIslanders welcomed the news, though some asked whether the quay on their side would need to be rebuilt to carry the charging equipment.\n37 views\nTags ferry, boats, electric\nPost navigation\nRecent Posts\nHarbour café reopens after the storm\nNew lighthouse keeper starts in May\n";
    let de = "Stadtwerke bestellen zwei Elektrobusse | Hafenblatt\nStartseite\nLokales\nSport\nKontakt\n\nStadtwerke bestellen zwei Elektrobusse\nVeröffentlicht am 4. März 2024 von Maren Holt\nAuf Facebook teilen Auf Twitter teilen E-Mail Newsletter abonnieren\nvon hafen_redaktion\nDie Stadtwerke haben am Montag zwei Elektrobusse für die Linie zum Hafen bestellt, die ersten ihrer Art in der ganzen Region an der Küste.\nJeder Bus bietet Platz für achtzig Fahrgäste und soll an der Endhaltestelle in den zwanzig Minuten Pause wieder aufgeladen werden können.\nbilder.example.org/bus-eins.jpg\nbilder.example.org/bus-zwei.jpg\nexample.org/2023/elektrobusse-im-norden/\nDie Stadtwerke erwarten, dass die neuen Busse die Kosten für Diesel um etwa ein Drittel senken, und wollen die Fahrpreise deshalb mindestens fünf Jahre lang stabil halten.\nexample.org/bus-daten/\nHAFENBLATT — 4. März 2024, 10:15 Uhr Die Bestellung folgt auf einen zweijährigen Versuch mit einem kleineren Hybridbus auf der kurzen Strecke zum Leuchtturm, der fast ohne Ausfälle lief.\nDie Karosserien werden im Süden gebaut, während die Batterien von einem Hersteller kommen, der schon mehrere Verkehrsbetriebe im Binnenland beliefert.\nDie Fahrer beginnen im nächsten Winter mit der Schulung, und die Stadtwerke hoffen, den ersten Bus vor dem Sommerfahrplan einzusetzen.\nAnwohner begrüßten die Nachricht, auch wenn einige fragten, ob die Haltestelle für die Ladestation umgebaut werden muss.\n37 Aufrufe\nSchlagwörter Bus, Hafen, Elektro\nBeitragsnavigation\nNeueste Beiträge\nHafencafé öffnet nach dem Sturm wieder\nNeuer Leuchtturmwärter beginnt im Mai\n";
    for (text, opening, second, third) in [
        (
            en,
            "The ferry operator said",
            "Each boat will carry",
            "The operator expects",
        ),
        (
            de,
            "Die Stadtwerke haben",
            "Jeder Bus bietet",
            "Die Stadtwerke erwarten",
        ),
    ] {
        let s = analyze_text(text);
        let lede = s.lede.map(|l| l.text(text)).unwrap_or_default();
        assert!(lede.starts_with(opening), "{lede}");
        let joined: Vec<&str> = s.paragraphs().map(|p| p.text(text)).collect();
        let joined = joined.join("\n");
        for kept in [second, third] {
            assert!(joined.contains(kept), "{kept:?} lost: {joined}");
        }
        assert!(!joined.contains("example.org"), "{joined}");
    }
}

/// An invented French page: a standfirst between the headline and the
/// byline stays out of the article; the lede follows the byline.
#[test]
fn a_standfirst_above_the_byline_stays_out_of_the_article() {
    let text = "Le port commande deux bateaux électriques | Le Quotidien du Port\nAccueil\nActualités\nSport\n\nLe port commande deux bateaux électriques\nLes deux navires, attendus pour l'été prochain, remplaceront les vieux bacs diesel qui assurent la traversée vers l'île depuis plus de trente ans.\nPar Marie Leroux\nPartager sur Facebook\nLa compagnie qui exploite la traversée a annoncé lundi la commande de deux bateaux à batteries, une première pour cette partie de la côte atlantique.\nChaque bateau pourra transporter trois cents passagers et quarante voitures, et se rechargera au quai pendant les vingt minutes de l'embarquement.\nLa compagnie espère réduire d'un tiers sa facture de carburant et promet de maintenir les tarifs actuels pendant au moins cinq ans.\n";
    let s = analyze_text(text);
    let lede = s.lede.map(|l| l.text(text)).unwrap_or_default();
    assert!(lede.starts_with("La compagnie qui exploite"), "{lede}");
    let joined: Vec<&str> = s.paragraphs().map(|p| p.text(text)).collect();
    assert!(
        !joined.join("\n").contains("Les deux navires"),
        "{joined:?}"
    );
}

/// An invented archive record: the abstract above the "FULL TEXT" marker
/// stays out of the article, and the lede is the full text's first paragraph.
#[test]
fn an_abstract_above_the_full_text_marker_stays_out() {
    let text = "Harbour tolls rise for the first time in a decade;\nShippers warn of higher prices on the islands.\nABSTRACT.\nThe port authority will raise its tolls by eight percent next year, the first increase since the new quay opened, and shippers say island shops will pay the bill.\nFULL TEXT.\nThe port authority said on Tuesday that tolls for cargo ships would rise by eight percent from January, ending ten years of stable charges at the harbour.\nShipping companies said the increase would be passed on to shops on the islands, where most goods arrive by sea and prices are already higher than on the mainland.\nThe authority said the money would pay for dredging the channel, which has grown too shallow for the largest ferries at low tide.\n";
    let s = analyze_text(text);
    let lede = s.lede.map(|l| l.text(text)).unwrap_or_default();
    assert!(
        lede.starts_with("The port authority said on Tuesday"),
        "{lede}"
    );
    let joined: Vec<&str> = s.paragraphs().map(|p| p.text(text)).collect();
    assert!(
        !joined.join("\n").contains("will raise its tolls"),
        "{joined:?}"
    );
}

/// Invented pages in three languages: a line set right on top of a short
/// photo credit in its block is a caption, not the lede or the body.
#[test]
fn a_line_over_a_photo_credit_is_a_caption() {
    let cases = [
        (
            "Ferry line gets two electric boats | Harbour Times\nHome\nNews\n\nFerry line gets two electric boats\n\nThe new ferry moored at the north quay on its first test run.\nPhoto: Jane Doe\n\nThe company that runs the crossing said on Monday it had ordered two battery-powered boats, the first on this part of the coast.\n\nEach boat will carry three hundred passengers and forty cars and will charge at the quay while it loads, the company said.\n\nIt hopes to cut its fuel bill by a third and says fares will not rise for at least five years.\n",
            "The new ferry moored",
        ),
        (
            "Fährlinie bekommt zwei E-Boote | Hafenblatt\nStartseite\nNachrichten\n\nFährlinie bekommt zwei E-Boote\n\nDie neue Fähre am Nordkai bei ihrer ersten Probefahrt am Montagmorgen.\nFoto: Jana Wendt\n\nDie Reederei hat am Montag zwei Boote mit Batterieantrieb bestellt, die ersten an diesem Teil der Küste, wie sie in Hamburg mitteilte.\n\nJedes Boot soll dreihundert Fahrgäste und vierzig Autos befördern und während des Beladens am Kai laden, sagte ein Sprecher.\n\nDie Reederei will so ein Drittel ihrer Treibstoffkosten sparen und die Preise mindestens fünf Jahre lang halten.\n",
            "Die neue Fähre am Nordkai",
        ),
        (
            "Deux bateaux électriques pour le bac | Le Quotidien du Port\nAccueil\nActualités\n\nDeux bateaux électriques pour le bac\n\nLe nouveau bac amarré au quai nord lors de son premier essai.\nPhoto : Marie Leroux\n\nLa compagnie qui exploite la traversée a annoncé lundi la commande de deux bateaux à batteries, une première sur cette partie de la côte.\n\nChaque bateau pourra transporter trois cents passagers et quarante voitures, et se rechargera au quai pendant l'embarquement.\n\nLa compagnie espère réduire d'un tiers sa facture de carburant et promet de maintenir les tarifs pendant cinq ans.\n",
            "Le nouveau bac amarré",
        ),
    ];
    for (text, caption) in cases {
        let s = analyze_text(text);
        let body: Vec<&str> = s.paragraphs().map(|p| p.text(text)).collect();
        assert!(!body.join("\n").contains(caption), "{caption}: {body:?}");
        let label = kind_of_line_opening(&s, text, caption);
        assert_eq!(label, Some(BlockKind::Caption), "{caption}");
        assert!(s.lede.is_some(), "{caption}");
    }
}

/// Invented pages in two languages: a caption over a credit's bare label,
/// each part of the figure a block of its own ("Foto:" / "Jan Berg"), is
/// the figure's, not the article's; the subheading over it stays in the
/// body.
#[test]
fn a_caption_over_a_bare_credit_label_is_a_caption() {
    let cases = [
        (
            "Ferry line gets two electric boats | Harbour Times\nHome\nNews\n\nFerry line gets two electric boats\n\nThe company that runs the crossing said on Monday it had ordered two battery-powered boats, the first on this part of the coast.\n\nEach boat will carry three hundred passengers and forty cars and will charge at the quay while it loads, the company said.\n\nCheaper crossings ahead\n\nThe new ferry and its crew at the north quay.\n\nPhoto:\n\nSEAPIX\n\nThe company hopes to cut its fuel bill by a third and says fares will not rise for at least five years.\n\nThe first boat is due in the spring, the second before the summer season.\n",
            "The new ferry and its crew",
            "Cheaper crossings ahead",
        ),
        (
            "Fährlinie bekommt zwei E-Boote | Hafenblatt\nStartseite\nNachrichten\n\nFährlinie bekommt zwei E-Boote\n\nDie Reederei hat am Montag zwei Boote mit Batterieantrieb bestellt, die ersten an diesem Teil der Küste, wie sie in Hamburg mitteilte.\n\nJedes Boot soll dreihundert Fahrgäste und vierzig Autos befördern und während des Beladens am Kai laden, sagte ein Sprecher.\n\nGünstigere Überfahrten\n\nDie neue Fähre und ihre Besatzung am Nordkai.\n\nFoto:\n\nNORDBILD\n\nDie Reederei will so ein Drittel ihrer Treibstoffkosten sparen und die Preise mindestens fünf Jahre lang halten.\n\nDas erste Boot soll im Frühjahr kommen, das zweite vor der Sommersaison.\n",
            "Die neue Fähre und ihre Besatzung",
            "Günstigere Überfahrten",
        ),
    ];
    for (text, caption, subheading) in cases {
        let s = analyze_text(text);
        let body: Vec<&str> = s.paragraphs().map(|p| p.text(text)).collect();
        let joined = body.join("\n");
        assert!(!joined.contains(caption), "{caption}: {body:?}");
        assert!(joined.contains(subheading), "{subheading}: {body:?}");
        let label = kind_of_line_opening(&s, text, caption);
        assert_eq!(label, Some(BlockKind::Caption), "{caption}");
    }
}

/// Invented pages: the line under the headline is a standfirst when a byline
/// or a date line comes between it and the article, whether it ends in a
/// full stop or not.
#[test]
fn a_standfirst_over_a_date_line_is_a_deck() {
    let cases = [
        (
            "Ferry line gets two electric boats | Harbour Times\nHome\nNews\nSport\n\nFerry line gets two electric boats\nThe boats will replace the old diesel ferries that have served the island for thirty years\nNovember 20, 2019 Jane Doe\nShare on Facebook\nThe company that runs the crossing said on Monday it had ordered two battery-powered boats, the first on this part of the coast.\nEach boat will carry three hundred passengers and forty cars and will charge at the quay while it loads, the company said.\nIt hopes to cut its fuel bill by a third and says fares will not rise for at least five years.\n",
            "The boats will replace",
            "The company that runs",
        ),
        (
            "El puerto compra dos barcos eléctricos | Diario del Puerto\nInicio\nNoticias\nDeportes\n\nEl puerto compra dos barcos eléctricos\nLos barcos sustituirán a los viejos transbordadores diésel que cubren la ruta desde hace treinta años.\nPor Ana Ruiz\n12 de marzo de 2021\nLa naviera que opera la travesía anunció el lunes la compra de dos barcos con baterías, los primeros en esta parte de la costa.\nCada barco podrá llevar trescientos pasajeros y cuarenta coches, y se cargará en el muelle durante el embarque, según la empresa.\nLa naviera espera reducir en un tercio su gasto en combustible y promete mantener las tarifas durante cinco años.\n",
            "Los barcos sustituirán",
            "La naviera que opera",
        ),
    ];
    for (text, deck, lede_start) in cases {
        let s = analyze_text(text);
        let lede = s.lede.map(|l| l.text(text)).unwrap_or_default();
        assert!(lede.starts_with(lede_start), "{lede}");
        let body: Vec<&str> = s.paragraphs().map(|p| p.text(text)).collect();
        assert!(!body.join("\n").contains(deck), "{body:?}");
    }
}

/// Invented page: the heading sets an en dash where the title line has a
/// hyphen; it is still the title repeated, so the whole heading is the
/// headline (not the part after the dash).
#[test]
fn a_heading_with_another_dash_than_the_title_is_the_headline() {
    let text = "Fährlinie bekommt zwei E-Boote - Reederei spart Treibstoff - Hafenblatt\nStartseite\nNachrichten\nSport\n\nReederei spart Treibstoff\nFährlinie bekommt zwei E-Boote – Reederei spart Treibstoff\n\nDie Reederei hat am Montag zwei Boote mit Batterieantrieb bestellt, die ersten an diesem Teil der Küste, wie sie in Hamburg mitteilte.\n\nJedes Boot soll dreihundert Fahrgäste und vierzig Autos befördern und während des Beladens am Kai laden, sagte ein Sprecher.\n";
    let s = analyze_text(text);
    let headline = s.headline.map(|h| h.text(text)).unwrap_or_default();
    assert_eq!(
        headline,
        "Fährlinie bekommt zwei E-Boote – Reederei spart Treibstoff"
    );
}

const EN_PARAS: [&str; 5] = [
    "The city council voted on Tuesday to reopen the old ferry line between the harbour and the island, ending a closure that has lasted more than three years.",
    "Officials said the first boats would run in early May, with a timetable that matches the morning trains so that commuters can change without a long wait.",
    "Residents of the island had campaigned for the service since the last operator went bankrupt, and many of them attended the meeting to hear the vote.",
    "The council will now ask for bids from operators and expects to sign a contract before the end of the winter, the mayor told reporters after the session.",
    "A study commissioned by the port found that the line could carry about two thousand passengers a day once the new pier on the island side is finished.",
];

const DE_PARAS: [&str; 5] = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Fährlinie zwischen dem Hafen und der Insel wieder in Betrieb zu nehmen, nachdem sie mehr als drei Jahre stillgelegt war.",
    "Die ersten Schiffe sollen Anfang Mai fahren, und der Fahrplan wird so abgestimmt, dass Pendler ohne lange Wartezeit in die Züge am Morgen umsteigen können.",
    "Die Bewohner der Insel hatten sich seit der Pleite des letzten Betreibers für die Verbindung eingesetzt, und viele von ihnen verfolgten die Sitzung im Rathaus.",
    "Der Rat will nun Angebote von Betreibern einholen und rechnet damit, noch vor dem Ende des Winters einen Vertrag zu unterschreiben, sagte der Bürgermeister.",
    "Eine Studie im Auftrag des Hafens kommt zu dem Schluss, dass die Linie etwa zweitausend Fahrgäste am Tag befördern könnte, sobald der neue Anleger fertig ist.",
];

/// A page: `top` lines, a blank line, the paragraphs, a blank line, the
/// `bottom` lines.
/// The title line, a short menu and the headline above the island-ferry
/// test articles.
const ISLAND_TOP: [&str; 7] = [
    "Island ferry returns | Harbour Courier",
    "",
    "Home",
    "News",
    "Sport",
    "",
    "Island ferry returns",
];

fn page(top: &[&str], paras: &[&str], bottom: &[&str]) -> String {
    format!(
        "{}\n\n{}\n\n{}\n",
        top.join("\n"),
        paras.join("\n\n"),
        bottom.join("\n")
    )
}

/// Twenty menu lines between a heading and its article: far enough that the
/// heading's distance alone would not make it the headline.
const MENU: [&str; 20] = [
    "Politics", "Business", "Culture", "Science", "Travel", "Opinion", "Video", "Podcasts",
    "Climate", "Health", "Money", "Cars", "Food", "Homes", "Jobs", "Events", "Puzzles", "Archive",
    "Weather", "Letters",
];

fn kicker_page(title: &str, heading: &str, paras: &[&str]) -> String {
    let mut top = vec![title, "", heading, ""];
    top.extend(MENU);
    page(&top, paras, &["Privacy policy", "Terms of use"])
}

/// The headline `analyze` picks on a kicker page.
fn kicker_headline(title: &str, heading: &str, paras: &[&str]) -> Option<String> {
    let page = kicker_page(title, heading, paras);
    analyze_text(&page)
        .headline
        .map(|h| h.text(&page).to_owned())
}

#[test]
fn heading_without_the_title_kicker_is_the_headline() {
    assert_eq!(
        kicker_headline(
            "Ferries: Council votes to reopen the island ferry line | Harbour Courier",
            "Council votes to reopen the island ferry line",
            &EN_PARAS
        )
        .as_deref(),
        Some("Council votes to reopen the island ferry line")
    );
    assert_eq!(
        kicker_headline(
            "Nahverkehr: Stadtrat beschließt neue Fährlinie zur Insel - Hafenbote",
            "Stadtrat beschließt neue Fährlinie zur Insel",
            &DE_PARAS
        )
        .as_deref(),
        Some("Stadtrat beschließt neue Fährlinie zur Insel")
    );
}

#[test]
fn heading_with_the_kicker_keeps_it() {
    assert_eq!(
        kicker_headline(
            "Ferries: Council votes to reopen the island ferry line | Harbour Courier",
            "Ferries: Council votes to reopen the island ferry line",
            &EN_PARAS
        )
        .as_deref(),
        Some("Ferries: Council votes to reopen the island ferry line")
    );
}

#[test]
fn heading_with_the_kicker_glued_on_starts_after_it() {
    // The page sets its kicker apart from the heading; flattened, the two
    // share a line with no mark between, and the page may word the kicker
    // a little differently from the title.
    assert_eq!(
        kicker_headline(
            "Ferries: Council votes to reopen the island ferry line | Harbour Courier",
            "Island ferries Council votes to reopen the island ferry line",
            &EN_PARAS
        )
        .as_deref(),
        Some("Council votes to reopen the island ferry line")
    );
    assert_eq!(
        kicker_headline(
            "Nahverkehr im Norden: Stadtrat beschließt neue Fährlinie zur Insel - Hafenbote",
            "Nahverkehr im Norden Stadtrat beschließt neue Fährlinie zur Insel",
            &DE_PARAS
        )
        .as_deref(),
        Some("Stadtrat beschließt neue Fährlinie zur Insel")
    );
}

#[test]
fn a_kicker_line_that_ends_with_its_colon_opens_the_headline() {
    // The colon leaves the kicker open: the page's heading runs on over
    // both lines. Without one, the kicker is a label of its own.
    let headline = |title: &str, heading: &str, paras: &[&str]| {
        kicker_headline(title, heading, paras).map(|h| norm(&h))
    };
    let en_title = "Ferries: Council votes to reopen the island ferry line | Harbour Courier";
    assert_eq!(
        headline(
            en_title,
            "Ferries:\nCouncil votes to reopen the island ferry line",
            &EN_PARAS
        )
        .as_deref(),
        Some("Ferries: Council votes to reopen the island ferry line")
    );
    assert_eq!(
        headline(
            "Nahverkehr: Stadtrat beschließt neue Fährlinie zur Insel - Hafenbote",
            "Nahverkehr:\nStadtrat beschließt neue Fährlinie zur Insel",
            &DE_PARAS
        )
        .as_deref(),
        Some("Nahverkehr: Stadtrat beschließt neue Fährlinie zur Insel")
    );
    assert_eq!(
        headline(
            en_title,
            "Ferries\nCouncil votes to reopen the island ferry line",
            &EN_PARAS
        )
        .as_deref(),
        Some("Council votes to reopen the island ferry line")
    );
    // A label with a colon that the title does not say stays out.
    assert_eq!(
        headline(
            en_title,
            "Search for:\nCouncil votes to reopen the island ferry line",
            &EN_PARAS
        )
        .as_deref(),
        Some("Council votes to reopen the island ferry line")
    );
}

#[test]
fn a_trail_over_the_title_repeat_of_a_clean_story_is_no_headline() {
    // The region of a page with no chrome opens with a trail line over the
    // heading that repeats the title without the site's name: the heading
    // is the headline, not the title line with the site's name.
    let de_title = "Neue Fährlinie, längere Saison und günstigere Tickets – Verkehrsverein stellt das Programm für den Sommer vor";
    let de = format!(
        "{de_title} - Verkehrsverein Nordküste e. V.\n\nSie sind hier: » Start » Aktuelles » Meldungen aus dem Verein » {de_title}\n\n{de_title}\n\nHafenstadt, 3. März 2024\n\n{}\n",
        DE_PARAS.join("\n\n")
    );
    let en_title = "New island ferry, longer season and cheaper tickets – visitors association presents its summer programme";
    let en = format!(
        "{en_title} - Northern Coast Visitors Association\n\nYou are here: » Home » News » Notices from the association » {en_title}\n\n{en_title}\n\n{}\n",
        EN_PARAS.join("\n\n")
    );
    for (page, title) in [(de, de_title), (en, en_title)] {
        let s = analyze_text(&page);
        assert_eq!(s.headline.map(|h| h.text(&page)), Some(title));
    }
}

fn list_page(paras: &[&str], intro: &str, items: &[&str]) -> String {
    let mut tail: Vec<&str> = vec![intro];
    tail.extend(items);
    let mut bottom = vec![tail.join("\n")];
    bottom.push(String::new());
    bottom.push("Privacy policy\nTerms of use\nContact".to_owned());
    let bottom: Vec<&str> = bottom.iter().map(String::as_str).collect();
    page(&ISLAND_TOP, paras, &bottom)
}

#[test]
fn a_list_the_article_introduces_at_its_end_is_the_article_s() {
    let en = list_page(
        &EN_PARAS[..4],
        "What the plan includes:",
        &[
            "Boats every half hour at rush hour",
            "A new pier on the island side",
            "Bicycles carried free of charge",
        ],
    );
    let body = analyze_text(&en).body_text(&en);
    assert!(body.contains("What the plan includes:"), "{body}");
    assert!(body.contains("Bicycles carried free of charge"), "{body}");
    assert!(!body.contains("Privacy policy"), "{body}");
    let de = list_page(
        &DE_PARAS[..4],
        "Das sieht der Plan vor:",
        &[
            "Fähren alle dreißig Minuten im Berufsverkehr",
            "Ein neuer Anleger auf der Insel",
            "Fahrräder fahren kostenlos mit",
        ],
    );
    let body = analyze_text(&de).body_text(&de);
    assert!(body.contains("Fahrräder fahren kostenlos mit"), "{body}");
    assert!(!body.contains("Privacy policy"), "{body}");
}

#[test]
fn a_box_of_links_under_the_article_stays_out() {
    let en = list_page(
        &EN_PARAS[..4],
        "Read more:",
        &[
            "Harbour dredging to start next week",
            "New bus lines for the old town",
            "Mayor opens the winter market",
        ],
    );
    let body = analyze_text(&en).body_text(&en);
    assert!(!body.contains("Harbour dredging"), "{body}");
    let de = list_page(
        &DE_PARAS[..4],
        "Lesen Sie auch:",
        &[
            "Baggerarbeiten im Hafen beginnen",
            "Neue Buslinien für die Altstadt",
            "Bürgermeister eröffnet den Wintermarkt",
        ],
    );
    let body = analyze_text(&de).body_text(&de);
    assert!(!body.contains("Baggerarbeiten"), "{body}");
}

fn captioned_page(caption: &str, credit: Option<&str>, paras: &[&str]) -> String {
    let mut top = ISLAND_TOP.to_vec();
    top.extend(["", caption, ""]);
    if let Some(c) = credit {
        top.extend([c, ""]);
    }
    top.push("Share");
    page(&top, paras, &["Privacy policy", "Terms of use"])
}

/// The lede of [`captioned_page`]'s page.
fn captioned_lede(caption: &str, credit: Option<&str>, paras: &[&str]) -> Option<String> {
    let page = captioned_page(caption, credit, paras);
    analyze_text(&page).lede.map(|l| l.text(&page).to_owned())
}

#[test]
fn a_caption_over_its_credit_is_not_the_lede() {
    let caption = "Passengers wait for the first boat of the morning at the harbour pier, where the ferry to the island will dock again from May.";
    assert_eq!(
        captioned_lede(caption, Some("Photo: Jane Doe"), &EN_PARAS).as_deref(),
        Some(EN_PARAS[0])
    );
    let fr_caption = "Des passagers attendent le premier bateau du matin sur la jetée du port, où le bac vers l'île accostera de nouveau dès le mois de mai.";
    let fr_paras = [
        "Le conseil municipal a voté mardi la réouverture de l'ancienne ligne de bac entre le port et l'île, fermée depuis plus de trois ans faute d'exploitant.",
        "Les premiers bateaux doivent circuler au début du mois de mai, avec des horaires calés sur les trains du matin pour que les navetteurs puissent changer sans attendre.",
        "Les habitants de l'île réclamaient ce service depuis la faillite du dernier exploitant, et beaucoup d'entre eux ont assisté à la séance pour entendre le vote.",
        "Le conseil va maintenant lancer un appel d'offres et compte signer un contrat avant la fin de l'hiver, a déclaré le maire aux journalistes après la séance.",
    ];
    assert_eq!(
        captioned_lede(fr_caption, Some("Photo : Jeanne Martin"), &fr_paras).as_deref(),
        Some(fr_paras[0])
    );
}

/// A teaser link between arrow chevrons between the article's paragraphs
/// leaves the body, and the paragraph under the last one stays in it.
#[test]
fn a_teaser_between_chevrons_inside_the_article_leaves_it() {
    for (paras, links) in [
        (
            EN_PARAS,
            [
                ">> Harbour café reopens after the storm <<",
                ">> New lighthouse keeper starts in May <<",
            ],
        ),
        (
            DE_PARAS,
            [
                ">> Hafencafé öffnet nach dem Sturm wieder <<",
                ">>> Neuer Leuchtturmwärter beginnt im Mai <<<",
            ],
        ),
    ] {
        let lines = [
            paras[0], paras[1], links[0], paras[2], paras[3], links[1], paras[4],
        ];
        let text = page(&ISLAND_TOP, &lines, &["Privacy policy", "Terms of use"]);
        let body = analyze_text(&text).body_text(&text);
        for link in links {
            assert!(!body.contains(link), "{body}");
        }
        assert!(body.contains(paras[4]), "{body}");
    }
}

/// A news ticker's row of headlines ("+++ A +++ B +++") over the page's
/// heading and date line is a teaser box, not the article's opening: the
/// heading under it stays the headline and the row leaves the body.
#[test]
fn a_news_ticker_over_the_heading_is_no_article() {
    for (paras, top) in [
        (
            EN_PARAS,
            [
                "Harbour Courier - The island's daily paper",
                "",
                "Home",
                "News",
                "",
                "Ticker",
                "+++ Lighthouse keeper retires after forty years +++ Storm warning for the weekend +++ Market moves to the pier +++",
                "Home / News",
                "14 March 2024 | Local",
                "",
                "Island ferry line returns in May",
            ],
        ),
        (
            DE_PARAS,
            [
                "Hafenkurier - Die Tageszeitung der Insel",
                "",
                "Start",
                "Nachrichten",
                "",
                "Ticker",
                "+++ Leuchtturmwärter geht nach vierzig Jahren in Rente +++ Sturmwarnung für das Wochenende +++ Markt zieht an den Pier +++",
                "Start / Nachrichten",
                "14. März 2024 | Lokales",
                "",
                "Fährlinie zur Insel fährt ab Mai wieder",
            ],
        ),
    ] {
        let text = page(&top, &paras, &["Privacy policy", "Terms of use"]);
        let s = analyze_text(&text);
        assert_eq!(s.headline.map(|h| h.text(&text)), top.last().copied());
        assert!(
            !s.body_text(&text).contains("+++"),
            "{}",
            s.body_text(&text)
        );
    }
}

/// A caption whose credit closes it with an agency's archive mark ("… Jan
/// Berg/Harbour Press files") is no lede either.
#[test]
fn a_caption_closed_by_an_archive_credit_is_not_the_lede() {
    let caption = "Passengers wait for the first boat of the morning at the harbour pier. Jan Berg/Harbour Press files";
    assert_eq!(
        captioned_lede(caption, None, &EN_PARAS).as_deref(),
        Some(EN_PARAS[0])
    );
    let es_caption = "Pasajeros esperan el primer barco de la mañana en el muelle del puerto. Marta Ruiz/Agencia Costa file";
    let es_paras = [
        "El ayuntamiento aprobó el martes la reapertura de la antigua línea de transbordador entre el puerto y la isla, cerrada desde hace más de tres años.",
        "Los primeros barcos empezarán a circular a principios de mayo, con horarios ajustados a los trenes de la mañana para que nadie tenga que esperar.",
        "Los vecinos de la isla pedían este servicio desde la quiebra del último operador, y muchos de ellos asistieron al pleno para escuchar la votación.",
        "El ayuntamiento abrirá ahora un concurso y espera firmar un contrato antes del final del invierno, dijo el alcalde a los periodistas tras el pleno.",
    ];
    assert_eq!(
        captioned_lede(es_caption, None, &es_paras).as_deref(),
        Some(es_paras[0])
    );
}

#[test]
fn a_first_paragraph_without_a_credit_under_it_stays_the_lede() {
    let caption = "Passengers wait for the first boat of the morning at the harbour pier, where the ferry to the island will dock again from May.";
    assert_eq!(
        captioned_lede(caption, None, &EN_PARAS).as_deref(),
        Some(caption)
    );
}

fn thread_page(paras: &[&str], stamps: [&str; 4], comments: [&str; 4]) -> String {
    let names = ["jdoe42", "harbourfan", "mk_2000", "islander"];
    let mut bottom = Vec::new();
    for k in 0..4 {
        bottom.extend([names[k], comments[k], stamps[k]]);
    }
    bottom.extend(["Privacy policy", "Terms of use"]);
    page(&ISLAND_TOP, paras, &bottom)
}

#[test]
fn stamps_under_each_comment_end_the_article() {
    let en = thread_page(
        &EN_PARAS,
        [
            "Liked by 12 readers",
            "Liked by 7 readers",
            "Liked by 3 readers",
            "Liked by 2 readers",
        ],
        [
            "I think the ferry should run at night too, because many people work late shifts at the port and have no other way home.",
            "Finally some good news for the island, although the council should have acted much sooner than it did in the end.",
            "The new pier will cost far more than they say, and the boats will be late every day just like the last time around.",
            "My grandmother still remembers the old boats, and she says the crossing was the best part of every summer on the island.",
        ],
    );
    let body = analyze_text(&en).body_text(&en);
    assert!(body.contains(EN_PARAS[4]), "{body}");
    assert!(!body.contains("Liked by"), "{body}");
    assert!(!body.contains("late shifts"), "{body}");
    let de = thread_page(
        &DE_PARAS,
        [
            "Bewertung: 12 Stimmen",
            "Bewertung: 7 Stimmen",
            "Bewertung: 3 Stimmen",
            "Bewertung: 2 Stimmen",
        ],
        [
            "Die Fähre sollte auch nachts fahren, weil viele Leute im Hafen Spätschicht haben und sonst nicht nach Hause kommen.",
            "Endlich gute Nachrichten für die Insel, auch wenn der Rat viel früher hätte handeln müssen, als er es am Ende getan hat.",
            "Der neue Anleger wird viel mehr kosten als behauptet, und die Schiffe werden jeden Tag Verspätung haben wie beim letzten Mal.",
            "Meine Großmutter erinnert sich noch an die alten Schiffe, und sie sagt, die Überfahrt sei das Schönste an jedem Sommer gewesen.",
        ],
    );
    let body = analyze_text(&de).body_text(&de);
    assert!(body.contains(DE_PARAS[4]), "{body}");
    assert!(!body.contains("Bewertung:"), "{body}");
}

#[test]
fn rows_of_figures_inside_the_article_are_no_stamps() {
    let rows = "Week 1 sales: 120 tickets\nWeek 2 sales: 98 tickets\nWeek 3 sales: 143 tickets";
    let paras = [
        EN_PARAS[0],
        EN_PARAS[1],
        EN_PARAS[2],
        EN_PARAS[3],
        rows,
        EN_PARAS[4],
    ];
    let en = page(&ISLAND_TOP, &paras, &["Privacy policy", "Terms of use"]);
    let body = analyze_text(&en).body_text(&en);
    assert!(body.contains(EN_PARAS[4]), "{body}");
}

/// A page whose article is followed by a box header alone on its line and
/// teasers: headlines with their author's stamp, then a headline with a
/// one-sentence summary.
fn teaser_box_page(header: &str) -> String {
    let teasers = [
        "Bridge repairs to close the eastern approach for a month",
        "Ana Ruiz • Nov 18",
        "Night buses return to the island after a two-year pause",
        "Tom Berg • Nov 17",
        "Drivers heading into the old town will have to take the ring road from Monday while crews replace the worn joints of the bridge.",
        "Fishing fleet counts its best season in a decade",
        "Skippers landed more cod and haddock than in any year since the new quotas were agreed, the harbour office said in its annual report.",
    ];
    let bottom = format!(
        "{header}\n{}\n\nPrivacy policy\nTerms of use",
        teasers.join("\n")
    );
    page(&ISLAND_TOP, &EN_PARAS[..4], &[&bottom])
}

#[test]
fn a_bare_box_header_under_the_article_ends_it() {
    for header in ["Related", "Related links:"] {
        let text = teaser_box_page(header);
        let body = analyze_text(&text).body_text(&text);
        assert!(body.contains("before the end of the winter"), "{body}");
        assert!(!body.contains("Skippers landed"), "{header}: {body}");
        assert!(!body.contains("Drivers heading"), "{header}: {body}");
    }
}

#[test]
fn a_teaser_label_or_a_link_box_inside_the_article_does_not_end_it() {
    let mut paras: Vec<&str> = EN_PARAS[..4].to_vec();
    paras.push("Read more: Harbour dredging to start next week");
    paras.push("Related Links\nHarbour authority website");
    paras.push(EN_PARAS[4]);
    let text = page(&ISLAND_TOP, &paras, &["Privacy policy\nTerms of use"]);
    let body = analyze_text(&text).body_text(&text);
    assert!(body.contains("two thousand passengers a day"), "{body}");
}

/// A columnist's page: the column's name (the title's first part) comes
/// again under the whole column, over the author's note. The article does
/// not start under that repeat: most of the region's prose lies above it.
fn column_page(title: &str, heading: &str, paras: &[&str], repeat: &str, bio: &[&str]) -> String {
    let mut bottom = vec![repeat, ""];
    bottom.extend_from_slice(bio);
    bottom.extend(["", "Privacy policy", "Terms of use"]);
    page(
        &[title, "", "Home", "Columns", "Archive", "", heading],
        paras,
        &bottom,
    )
}

#[test]
fn the_column_name_repeated_under_the_column_does_not_start_the_article() {
    let en = column_page(
        "Night Walks column – Why the old bridge still waits | Harbour Courier",
        "Why the old bridge still waits",
        &EN_PARAS,
        "Night Walks column",
        &[
            "Mara Lind, born in the harbour district, has written about the streets, squares and bridges of the city for this paper since she left the university in Lund.",
            "",
            "Her column appears every second Sunday, and readers who want to suggest a walk for her can write to her through the letters page of the weekend edition.",
        ],
    );
    let de = column_page(
        "Kolumne Nachtgang – Warum die alte Brücke noch wartet - Hafenbote",
        "Warum die alte Brücke noch wartet",
        &DE_PARAS,
        "Kolumne Nachtgang",
        &[
            "Mara Lind, im Hafenviertel geboren, schreibt für diese Zeitung über die Straßen, Plätze und Brücken der Stadt, seit sie die Universität in Lund verlassen hat.",
            "",
            "Ihre Kolumne erscheint jeden zweiten Sonntag, und wer ihr einen Spaziergang vorschlagen möchte, schreibt ihr über die Leserbriefseite der Wochenendausgabe.",
        ],
    );
    let es = column_page(
        "Columna Paseos nocturnos – Por qué el viejo puente sigue esperando | Diario del Puerto",
        "Por qué el viejo puente sigue esperando",
        &[
            "El ayuntamiento aprobó el martes reabrir el viejo puente de hierro entre el puerto y el barrio de pescadores, cerrado desde hace más de tres años por obras.",
            "Los técnicos municipales calculan que los primeros peatones podrán cruzarlo en mayo, cuando termine la pintura de las barandillas y se revise el alumbrado.",
            "Los vecinos del barrio habían reclamado la apertura desde que se suspendieron los trabajos, y muchos de ellos acudieron al pleno para escuchar la votación.",
            "La concejala de obras explicó que el coste final será algo mayor del previsto, porque hubo que sustituir dos vigas que el óxido había dejado inservibles.",
            "Un estudio encargado por el puerto estima que el puente servirá a unas dos mil personas al día cuando se abra también la nueva parada de autobús del muelle.",
        ],
        "Columna Paseos nocturnos",
        &[
            "Mara Lind, nacida en el barrio del puerto, escribe en este diario sobre las calles, las plazas y los puentes de la ciudad desde que terminó sus estudios en Lund.",
            "",
            "Su columna se publica cada dos domingos, y quien quiera proponerle un paseo puede escribirle a través de la sección de cartas de la edición del fin de semana.",
        ],
    );
    for (page, lede) in [
        (en, "The city council voted"),
        (de, "Der Stadtrat hat"),
        (es, "El ayuntamiento aprobó"),
    ] {
        let s = analyze_text(&page);
        assert!(
            s.lede.is_some_and(|l| l.text(&page).starts_with(lede)),
            "{:?}",
            s.lede.map(|l| l.text(&page))
        );
    }
}

/// The title said again inside a story that its heading already opens (a
/// figure's alt text, or the story's entry in a news ticker under it): the
/// article starts under the heading, not under the repeat.
#[test]
fn a_title_repeat_inside_a_story_under_its_heading_does_not_move_the_start() {
    let de_top = [
        "Inselfähre fährt wieder | Hafenbote",
        "",
        "Start",
        "Lokales",
        "Sport",
        "",
        "Inselfähre fährt wieder",
    ];
    for (top, paras, repeat, more, lede) in [
        (
            &ISLAND_TOP,
            &EN_PARAS,
            "Island ferry returns",
            "Shop owners on the quay expect the boats to bring back the weekend visitors who stopped coming when the service closed, and two of them plan to open again in spring.",
            "The city council voted",
        ),
        (
            &de_top,
            &DE_PARAS,
            "Inselfähre fährt wieder",
            "Die Ladenbesitzer am Kai hoffen, dass die Schiffe die Wochenendgäste zurückbringen, die seit der Stilllegung ausgeblieben sind, und zwei von ihnen wollen im Frühjahr wieder öffnen.",
            "Der Stadtrat hat",
        ),
    ] {
        let mut lines: Vec<&str> = paras[..4].to_vec();
        lines.extend([repeat, paras[4], more]);
        let text = page(top, &lines, &["Privacy policy", "Terms of use"]);
        let s = analyze_text(&text);
        assert!(
            s.lede.is_some_and(|l| l.text(&text).starts_with(lede)),
            "{:?}",
            s.lede.map(|l| l.text(&text))
        );
    }
}

#[test]
fn lines_group_by_shape_with_each_run_of_digits_as_one() {
    let mut buf = Vec::new();
    let mut shape = |s: &str| shape_hash(s, &mut buf);
    // Together: the same words around other figures, runs of any length.
    for (a, b) in [
        ("posted 3 hours ago", "posted 17 hours ago"),
        ("vor 2 Stunden aktualisiert", "vor 45 Stunden aktualisiert"),
        (
            "il y a 5 min · 12 commentaires",
            "il y a 59 min · 3 commentaires",
        ),
        ("第1页 共20页", "第12页 共7页"),
        ("12.03.2024 – 08:15", "1.1.1999 – 23:59"),
        ("1234", "7"),
        ("Seite 12 von 345 – weitere", "Seite 3 von 9 – weitere"),
        ("Kommentare lesen (128)", "Kommentare lesen (4)"),
    ] {
        assert_eq!(shape(a), shape(b), "{a:?} and {b:?}");
    }
    // Apart: other words, or figures where the other line has none or more.
    for (a, b) in [
        ("posted 3 hours ago", "posted 3 days ago"),
        ("vor 2 Stunden", "vor 2 Minuten"),
        ("page 1", "page"),
        ("1 2", "12"),
        ("3 de 10", "3 de 10 de 4"),
        ("12 ", "12"),
        ("0", "o"),
        ("Kommentare lesen (12)", "Kommentare lesen (1a2)"),
        ("Kommentare lesen (12)", "Kommentare lesen ()"),
    ] {
        assert_ne!(shape(a), shape(b), "{a:?} and {b:?}");
    }
    assert_ne!(shape(""), 0);
    // The word-wise search finds the first digit wherever it falls.
    for text in [
        "",
        "9",
        "abcdefg9",
        "abcdefgh9",
        "é/:;9 and 0",
        "ab€cdefghijklmn:7",
        "no figures",
    ] {
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let want = bytes[from..].iter().position(u8::is_ascii_digit);
            assert_eq!(first_digit(&bytes[from..]), want, "{text:?} from {from}");
        }
    }
}

/// An invented page whose article closes with an embedded post: the post's
/// text, then its signature, then `after` (a writer's name, a photo credit,
/// a note, or the page's teaser box).
fn embedded_post_page(paras: [&str; 3], post: &str, signature: &str, after: &str) -> String {
    format!(
        "Home\nNews\nSport\n\nFerry service returns to the harbour\n\n{}\n\n{}\n\n{}\n\n{post}\n{signature}\n\n{after}\nPrivacy policy\nContact us\n",
        paras[0], paras[1], paras[2]
    )
}

#[test]
fn an_embedded_post_closing_the_article_keeps_its_signature() {
    let english = [
        "The harbour ferry returned to service on Monday morning after three weeks in the shipyard, where workers replaced both engines and repainted the hull.",
        "The operator said the first crossings ran on time and that the summer timetable, with a sailing every half hour, would start at the beginning of June.",
        "Commuters who had taken the long bus route around the bay while the ferry was away welcomed its return, and the operator thanked them on social media.",
    ];
    let german = [
        "Die Hafenfähre ist am Montagmorgen nach drei Wochen in der Werft wieder in Betrieb gegangen, nachdem Arbeiter beide Motoren ersetzt und den Rumpf neu gestrichen hatten.",
        "Der Betreiber teilte mit, dass die ersten Überfahrten pünktlich gewesen seien und der Sommerfahrplan mit einer Abfahrt jede halbe Stunde Anfang Juni beginne.",
        "Pendler, die während der Werftzeit den langen Busweg um die Bucht nehmen mussten, begrüßten die Rückkehr, und der Betreiber bedankte sich in den sozialen Medien.",
    ];
    for (paras, post, signature, after) in [
        // A name, a photo credit and a note under the post.
        (
            english,
            "Thank you for your patience, everyone: the boat is back, and so are the early crossings. See you on board!",
            "— Harbour Ferries (@harbourferries) June 3, 2024",
            "Jane Roe\nPhoto: Harbour Post\n*Some names have been changed",
        ),
        // The page's teaser box under the post.
        (
            german,
            "Danke für eure Geduld: Das Schiff ist zurück, und die frühen Überfahrten sind es auch. Wir sehen uns an Bord!",
            "— Hafenfähre Nord (@hafenfaehre_nord) 3. Juni 2024",
            "Mehr zum Thema\nNeue Buslinie ab Juli\nWerft sucht Auszubildende\nSommerfest am Kai",
        ),
    ] {
        let text = embedded_post_page(paras, post, signature, after);
        let s = analyze_text(&text);
        let body = norm(&s.body_text(&text));
        assert!(body.contains(post), "{body}");
        assert!(body.ends_with(signature), "{body}");
    }
}

/// Invented pages: the heading stands over its byline and date line, then a
/// video rail (a clip's title, its buttons) and a teaser sit between them
/// and the article. The heading the byline sits under is the headline, not
/// the teaser nearer the article.
#[test]
fn the_heading_over_the_byline_beats_a_nearer_teaser() {
    let pages = [
        (
            "Round-the-clock crossings approved | Coastline Daily\nHome\nNews\nSport\nWeather\nCouncil votes to keep harbour ferries running through the night\nBy Maria Lowell, Coastline Daily\nUpdated 09:15 GMT, 4 May 2024\nJust watched\nHow the night crossing works in ninety seconds\nReplay\nMore videos\nSkippers explain the new timetable on the quay\nInside the engine room of the oldest ferry\nCommuters weigh longer bus routes after the bridge closure\n\nThe city council voted on Thursday to run the harbour ferries around the clock from June, ending a decade in which the last boat left the pier shortly before midnight.\n\nThe night service will cost about two million a year, which the council plans to cover with a small rise in parking charges near the waterfront.\n\nCommuters who work late shifts at the hospital and the port had asked for the change for years, the transport committee said.\n",
            "Council votes to keep harbour ferries running through the night",
        ),
        (
            "Nachtbus im Landkreis | Kreisbote\nStartseite\nLokales\nSport\nWetter\nKreistag beschließt Nachtbusse für alle Gemeinden ab Herbst\nVon Jonas Hartmann\n12.03.2024, 18:40 Uhr\nVideo\nSo fährt der neue Nachtbus durch das Tal\nAbspielen\nWeitere Videos\nFahrer erklären den neuen Fahrplan am Bahnhof\nPendler sorgen sich um längere Wege nach der Brückensperrung\n\nDer Kreistag hat am Dienstag beschlossen, dass ab Herbst in allen Gemeinden des Landkreises nachts Busse fahren, auch an Werktagen und nicht nur am Wochenende.\n\nDie Kosten von rund einer Million Euro im Jahr sollen sich der Landkreis und die Gemeinden teilen, wie der Landrat nach der Sitzung sagte.\n\nVor allem Schichtarbeiter und junge Leute ohne Auto hatten seit Jahren auf eine Verbindung nach Mitternacht gedrängt.\n",
            "Kreistag beschließt Nachtbusse für alle Gemeinden ab Herbst",
        ),
    ];
    for (text, headline) in pages {
        let s = analyze_text(text);
        assert_eq!(s.headline.map(|h| h.text(text)), Some(headline));
    }
}

/// A blog page: the title, a menu, the heading that repeats the title over
/// its date, a short post, the page's end chrome (share buttons, a related
/// header, a comment form), then a sidebar with longer prose.
fn short_post_page(
    title: &str,
    heading: &str,
    date: &str,
    post: &str,
    chrome: &[&str],
    sidebar: &[&str],
) -> String {
    let mut text = format!("{title}\nStart\nArchiv\nKontakt\n{heading}\n{date}\n\n{post}\n\n");
    for line in chrome.iter().chain(sidebar) {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Invented German and English blog pages whose short post under the title's
/// repeat weighs less than the author's bio and a licence note in the
/// sidebar under the comment form: the post is the article.
#[test]
fn a_short_post_above_the_comment_form_beats_the_sidebar_prose() {
    let german = short_post_page(
        "Der Apfelbaum im Hinterhof | Gartennotizen",
        "Der Apfelbaum im Hinterhof",
        "Veröffentlicht am 4. Oktober 2021 von Jonas Weber",
        "Unser alter Apfelbaum im Hinterhof hat in diesem Herbst so viele Äpfel getragen wie seit Jahren nicht, und die Nachbarn haben beim Pflücken geholfen.",
        &[
            "Teilen mit:",
            "Facebook",
            "Twitter",
            "Weitere Beiträge zu diesem Thema",
            "Schreibe einen Kommentar",
        ],
        &[
            "Über mich",
            "Ich schreibe hier seit vielen Jahren über alles, was in unserem kleinen Garten am Stadtrand wächst, blüht und manchmal auch eingeht, und freue mich über jede Frage, die mich per E-Mail erreicht, auch wenn die Antwort manchmal ein paar Tage dauert.",
            "Die Texte und Bilder dieser Seite dürfen für nicht kommerzielle Zwecke unter Nennung der Quelle weiterverwendet werden, sofern sie nicht verändert werden; für alle anderen Zwecke fragen Sie bitte vorher an.",
        ],
    );
    let english = short_post_page(
        "Night swim at the old quarry | Lakeside Notes",
        "Night swim at the old quarry",
        "Posted on 12 August 2022 by Ruth Keller",
        "We finally went for the night swim at the old quarry that we had planned all summer, and the water was warmer than the air by the time the moon came up.",
        &[
            "Share this:",
            "Facebook",
            "Twitter",
            "Related posts",
            "Leave a Reply",
        ],
        &[
            "About me",
            "I have been writing this little journal for many years about walks, swims and small trips around the valley where I live, and I answer every letter that reaches me by email, even when it takes me a few days to find the time for it.",
            "All texts and photographs on this site may be shared for non-commercial purposes as long as the source is named and nothing is changed; for any other use please write to me first and ask.",
        ],
    );
    for (text, opening) in [
        (&german, "Unser alter Apfelbaum"),
        (&english, "We finally went"),
    ] {
        let s = analyze_text(text);
        assert!(
            s.lede.is_some_and(|l| l.text(text).starts_with(opening)),
            "lede: {:?}",
            s.lede.map(|l| l.text(text))
        );
        assert!(s.body_paragraphs.is_empty());
    }
}

/// An invented English article with a "Related" box under its first
/// paragraph: the paragraphs under the box go on about what the title says,
/// so they are the article, not sidebar prose under the page's end.
#[test]
fn an_article_that_goes_on_under_a_related_box_keeps_its_paragraphs() {
    let text = short_post_page(
        "Harbour ferries will run through the night | Coastline Daily",
        "Harbour ferries will run through the night",
        "Posted on 4 May 2024 by Maria Lowell",
        "The harbour ferries will run through the night from June, the council decided on Thursday.",
        &[
            "Related posts",
            "Coast road bus lanes open",
            "Island pier delayed again",
            "Tram fares rise in July",
        ],
        &[
            "The night ferries will leave the harbour every forty minutes between midnight and five, and the council expects late-shift workers from the hospital and the port to use them most.",
            "Running the harbour ferries through the night will cost about two million a year, which the council plans to cover with a small rise in parking charges near the waterfront.",
        ],
    );
    let s = analyze_text(&text);
    let body: Vec<&str> = s.body_paragraphs.iter().map(|p| p.text(&text)).collect();
    assert!(
        body.iter()
            .any(|p| p.starts_with("Running the harbour ferries")),
        "body: {body:?}"
    );
}

/// Invented English and German stories closed by a comment section's house
/// rules and by a newsletter box that opens with its "stay informed" call:
/// the rules and the pitch leave the body, the article stays.
#[test]
fn house_rules_and_a_stay_informed_box_close_the_article() {
    for (text, kept, dropped) in [
        (
            "Home\nNews\nSport\n\nFerry crew rescues two kayakers off the point\n\nThe crew of the evening ferry pulled two kayakers from the water off the lighthouse point on Sunday, after a passenger saw their boat capsize in the swell.\n\nBoth were taken to the harbour clinic and released the same night, the ferry company said, adding that the crew had trained for such a rescue only a week before.\n\nThe coastguard urged paddlers to check the forecast and to carry a radio when they go beyond the breakwater, where the current can turn within minutes.\n\nHOUSE RULES\n\nWe welcome comments from our readers on the stories of the day and may print some of them in the weekend paper.\n\nPlease note that an editor reads every comment before it appears.\n\nPlease keep to the topic and write in plain sentences, not in capitals.\n\nPrivacy policy\nContact us\n",
            "carry a radio when they go beyond the breakwater",
            [
                "We welcome comments",
                "comments are moderated",
                "keep to the topic",
            ],
        ),
        (
            "Startseite\nPolitik\nSport\n\nFähre rettet zwei Kajakfahrer vor der Landspitze\n\nDie Besatzung der Abendfähre hat am Sonntag zwei Kajakfahrer vor der Landspitze aus dem Wasser gezogen, nachdem ein Fahrgast ihr Boot in der Dünung kentern sah.\n\nBeide wurden in die Hafenklinik gebracht und noch am selben Abend entlassen, teilte die Reederei mit; die Besatzung habe eine solche Rettung erst eine Woche zuvor geübt.\n\nDie Küstenwache rät Paddlern, vor der Fahrt den Wetterbericht zu lesen und hinter der Mole ein Funkgerät mitzuführen, weil die Strömung dort binnen Minuten drehen kann.\n\nUnser Newsletter\nWir informieren Sie regelmäßig über neue Geschichten aus dem Hafen und über die Arbeit unserer Redaktion.\n\nE-Mail-Adresse\nAnmelden\n\nImpressum\nDatenschutz\n",
            "ein Funkgerät mitzuführen",
            [
                "Wir informieren Sie regelmäßig",
                "Arbeit unserer Redaktion",
                "Anmelden",
            ],
        ),
    ] {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        assert!(body.contains(kept), "{body}");
        for line in dropped {
            assert!(!body.contains(line), "{line}: {body}");
        }
    }
}

/// An invented German post saved by a web archive: the archive's toolbar
/// sets its capture panel over the page, with the collection described in
/// sentences. The panel is chrome; the post's heading and text are the
/// article.
#[test]
fn a_web_archive_capture_panel_is_not_the_article() {
    let text = "Hafenblog\n\nsuccess\nfail\nMar APR May\n12\n2014 2015 2016\n3 captures\n12 Apr 2015 - 9 May 2016\nAbout this capture\nCOLLECTED BY\nOrganization: City Library Web Team\nThis collection holds pages of local news sites and blogs that the library saved every month, so that readers can still find them after the sites have closed or moved.\nCollection: Local Blogs\nThe pages were gathered by a crawler that followed the links between the blogs and saved each page together with its images and style sheets.\nTIMESTAMPS\nThe Wayback Machine - https://web.archive.org/web/20150412000000/http://hafenblog.example/faehre\n\nStartseite\nArchiv\nKontakt\n\nWarum die Nachtfähre wieder fährt\n\nSeit Montag fährt die Nachtfähre wieder zwischen der Altstadt und den Inseln, nachdem die Reederei im Winter den Betrieb wegen fehlender Besatzung eingestellt hatte.\n\nDie Gemeinde hat zugesagt, den Betrieb bis zum Herbst zu bezahlen; danach soll ein neuer Vertrag mit der Reederei den Fahrplan für die nächsten fünf Jahre sichern.\n\nImpressum\nDatenschutz\n";
    let s = analyze_text(text);
    assert_eq!(
        s.headline.map(|h| h.text(text)),
        Some("Warum die Nachtfähre wieder fährt")
    );
    let body = norm(&s.body_text(text));
    assert!(body.contains("Seit Montag fährt die Nachtfähre"), "{body}");
    assert!(!body.contains("This collection holds pages"), "{body}");
    assert!(!body.contains("The pages were gathered"), "{body}");
}

/// Invented German and English blog posts signed with the blogger's kiss
/// and name under the closing line ("x Anna", "xoxo Kim"): the signature
/// ends the post and joins it; the blog's links under it do not.
#[test]
fn a_blogger_s_kiss_and_name_sign_the_post() {
    for (text, signature, link) in [
        (
            "Startseite\nÜber mich\nKontakt\n\nMein Wochenende am Meer\n\nAm Samstag sind wir früh losgefahren, und schon um neun Uhr standen wir mit einem Kaffee am Hafen und haben den Fischern beim Ausladen zugesehen.\n\nAm Nachmittag haben wir die alte Fähre zur Insel genommen, sind einmal um den Leuchtturm gelaufen und haben am Strand Muscheln für das Regal im Flur gesammelt.\n\nIch wünsche euch eine gute Woche <3\n\nx Anna\n\nVorheriger Beitrag\nNächster Beitrag\n",
            "x Anna",
            "Vorheriger Beitrag",
        ),
        (
            "Home\nAbout me\nContact\n\nMy weekend by the sea\n\nOn Saturday we left early, and by nine we were standing on the harbour wall with a coffee, watching the fishermen unload the night's catch.\n\nIn the afternoon we took the old ferry to the island, walked once around the lighthouse and collected shells on the beach for the shelf in the hall.\n\nHave a lovely Sunday, everyone :)\n\nxoxo Kim\n\nPrevious post\nNext post\n",
            "xoxo Kim",
            "Previous post",
        ),
    ] {
        let s = analyze_text(text);
        let body = norm(&s.body_text(text));
        assert!(body.ends_with(signature), "{body}");
        assert!(!body.contains(link), "{body}");
    }
}
