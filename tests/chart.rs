//! SVG charts: snapshots of each kind, well-formed XML, exact labels, the `chart`
//! command's errors and its atomic `--out`.

mod common;
use common::app;

use arrest_scenarios::chart::{self, ChartError, Input, Kind, Size};
use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::{self, Scenario};
use quick_xml::Reader;
use quick_xml::events::Event;

fn render(kind: Kind, s: &Scenario, size: Size) -> Result<String, ChartError> {
    let data = Dataset::bundled().unwrap();
    let outcome = model::evaluate(s, &data);
    let input = Input {
        scenario: s,
        outcome: &outcome,
        data: &data,
        ramp_weeks: 12,
    };
    chart::render(kind, &input, size)
}

/// Every element of `svg`, checked for matching end tags; the text of every `<text>`.
fn parse(svg: &str) -> Vec<String> {
    let mut reader = Reader::from_str(svg);
    let mut texts = Vec::new();
    let mut in_text = false;
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                depth += 1;
                in_text = e.name().as_ref() == "text";
                if in_text {
                    texts.push(String::new());
                }
            }
            Ok(Event::End(_)) => {
                depth -= 1;
                in_text = false;
            }
            Ok(Event::Text(t)) if in_text => {
                if let Some(last) = texts.last_mut() {
                    last.push_str(&t.into_inner());
                }
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let name = r.into_inner().into_owned();
                let c = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "#39" => "'",
                    other => panic!("unexpected entity {other}"),
                };
                if let Some(last) = texts.last_mut() {
                    last.push_str(c);
                }
            }
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    texts
}

#[test]
fn the_years_chart_snapshot() {
    let svg = render(Kind::Years, &Scenario::default(), Size::default()).unwrap();
    insta::assert_snapshot!("years_25x75", svg);
}

#[test]
fn the_pace_chart_snapshot() {
    let svg = render(Kind::Pace, &Scenario::default(), Size::default()).unwrap();
    insta::assert_snapshot!("pace_25x75", svg);
}

#[test]
fn the_ramp_chart_snapshot() {
    let svg = render(Kind::Ramp, &Scenario::default(), Size::default()).unwrap();
    insta::assert_snapshot!("ramp_25x75", svg);
}

#[test]
fn every_chart_is_well_formed_xml_at_every_size() {
    let scenarios = [
        Scenario::default(),
        Scenario {
            offices: 0,
            ..Scenario::default()
        },
        Scenario {
            offices: 4_000_000_000,
            per_office: arrest_scenarios::model::MAX_PER_OFFICE,
            ..Scenario::default()
        },
    ];
    let sizes = [
        Size::default(),
        Size {
            width: 320,
            height: 320,
        },
        Size {
            width: 8000,
            height: 400,
        },
    ];
    for s in &scenarios {
        for size in sizes {
            for kind in [Kind::Years, Kind::Pace, Kind::Ramp, Kind::Capacity] {
                let svg = render(kind, s, size).unwrap();
                assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
                assert!(svg.contains(&format!("viewBox=\"0 0 {} {}\"", size.width, size.height)));
                assert!(
                    !svg.contains("NaN") && !svg.contains("inf"),
                    "{kind:?} {size:?}"
                );
                parse(&svg);
            }
        }
    }
}

#[test]
fn the_years_chart_labels_every_year_and_the_scenario_exactly() {
    let svg = render(Kind::Years, &Scenario::default(), Size::default()).unwrap();
    let texts = parse(&svg);
    let data = Dataset::bundled().unwrap();
    for a in &data.annual {
        assert!(
            texts.contains(&format!("FY{}", a.fiscal_year)),
            "FY{}",
            a.fiscal_year
        );
    }
    for label in [
        "113,431", "290,622", "233,042", "297,898", "684,375", "Scenario",
    ] {
        assert!(texts.iter().any(|t| t == label), "{label}");
    }
    assert!(texts.contains(&"Arrests a year".to_string()));
    assert!(texts.contains(&"official (agency's figure)".to_string()));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Sources: Pew 2018; DHS OHSS Yearbook 2021;"))
    );
    // Official bars are solid; the derived year is hatched and the reported one dotted.
    assert!(svg.contains("fill=\"url(#fill-derived)\" stroke=\"#222222\" stroke-width=\"1\"><title>FY2025: 233,042 arrests (derived, ddp-weekly-2026-02-03)</title>"));
    assert!(svg.contains("fill=\"url(#fill-reported)\" stroke=\"#222222\" stroke-width=\"1\"><title>FY2009: 297,898 arrests (reported, pew-2018-02)</title>"));
}

#[test]
fn the_pace_chart_marks_the_scenario_and_the_quotas() {
    let texts = parse(&render(Kind::Pace, &Scenario::default(), Size::default()).unwrap());
    for label in [
        "Scenario 1,875 a day",
        "1,500 a day (reported, high, The Washington Post)",
        "1,200 a day (reported, low, The Washington Post)",
        "3,000 a day (reported, Axios)",
        "2025 average 778.2 a day",
        "1,245.7",
        "Jan 2025",
        "Arrests a day",
    ] {
        assert!(texts.iter().any(|t| t == label), "{label}: {texts:?}");
    }
}

#[test]
fn the_ramp_chart_labels_each_line_with_its_total() {
    let texts = parse(&render(Kind::Ramp, &Scenario::default(), Size::default()).unwrap());
    for label in [
        "Cumulative arrests over 365 days with a 12-week ramp-up",
        "Full pace from day 1: 684,375",
        "FY2024's pace (309.9 a day): about 113,121",
        "FY2012's pace (794.0 a day): about 289,828",
    ] {
        assert!(texts.iter().any(|t| t == label), "{label}: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.starts_with("With the ramp: about ")));
}

#[test]
fn the_capacity_chart_labels_the_beds_needed_funded_and_observed_exactly() {
    let svg = render(Kind::Capacity, &Scenario::default(), Size::default()).unwrap();
    let texts = parse(&svg);
    for label in [
        "~81,849.6",
        "Needed",
        "41,500",
        "Funded",
        "reported",
        "37,721.8033",
        "FY2024",
        "48,404.4817",
        "FY2025",
        "71,929.4839",
        "Jan 2026",
        "peak, official",
        "People held at once (beds)",
        "reported: funded beds",
        "scenario: beds needed",
    ] {
        assert!(texts.iter().any(|t| t == label), "{label}: {texts:?}");
    }
    assert!(
        texts.iter().any(|t| t.starts_with(
            "1,875 arrests a day x 100% detained x 43.6531 days held = ~81,849.6 people held at once"
        )),
        "{texts:?}"
    );
}

#[test]
fn chart_kind_capacity_takes_the_capacity_flags() {
    let out = app()
        .args([
            "chart",
            "--kind",
            "capacity",
            "--beds",
            "100000",
            "--stay-days",
            "40",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let texts = parse(&String::from_utf8(out).unwrap());
    assert!(texts.iter().any(|t| t == "100,000"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "75,000"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "set by the user"), "{texts:?}");
    app()
        .args(["chart", "--kind", "capacity", "--beds", "-1"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn the_capacity_chart_snapshot() {
    let svg = render(Kind::Capacity, &Scenario::default(), Size::default()).unwrap();
    insta::assert_snapshot!("capacity_25x75", svg);
}

#[test]
fn chart_writes_svg_with_the_fiscal_years_and_the_scenario() {
    let out = app()
        .args(["chart", "--format", "svg"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let svg = String::from_utf8(out).unwrap();
    let texts = parse(&svg);
    assert!(texts.iter().any(|t| t == "FY2024"));
    assert!(texts.iter().any(|t| t == "684,375"));
    assert!(svg.contains("width=\"1280\" height=\"720\""));
}

#[test]
fn chart_out_replaces_the_file_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("years.svg");
    std::fs::write(&path, "old").unwrap();
    app()
        .args(["chart", "--out"])
        .arg(&path)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["years.svg"]);
}

#[test]
fn chart_out_into_a_missing_folder_fails_with_exit_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("years.svg");
    let assert = app().args(["chart", "--out"]).arg(&path).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.starts_with(&format!("error: cannot write {}: ", path.display())),
        "{err}"
    );
    assert!(!dir.path().join("no-such-folder").exists());
}

#[test]
fn chart_refuses_bad_sizes_and_bad_scenarios_with_exit_2() {
    app()
        .args(["chart", "--width", "100"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "invalid value '100' for '--width <PX>': 100 is not in 320..=8000",
        ));
    app()
        .args(["chart", "--office", "XXX=5"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "error: 'XXX' is not a field office code in field_offices.csv (known: ATL, ",
        ));
}

#[test]
fn outside_text_in_a_chart_is_escaped() {
    let sources = common::bundled("sources.csv").replace(
        "ICE FY2024 report",
        "ICE <script>alert(1)</script> & \"co\"",
    );
    let dir = common::data_dir(&[("sources.csv", sources.as_bytes())]);
    let out = app()
        .args(["chart", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let svg = String::from_utf8(out).unwrap();
    assert!(!svg.contains("<script"));
    assert!(svg.contains("ICE &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"));
    parse(&svg);
}
