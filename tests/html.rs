//! The printable HTML page: its structure (an insta snapshot of the tag outline), that
//! it is self-contained, its figures, the offices it names, and escaping.

mod common;
use common::app;

use std::fmt::Write as _;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::{self, Scenario};
use arrest_scenarios::number::Fixed3;
use arrest_scenarios::report::{Format, Summary};

fn page(s: &Scenario, ramp: Option<u32>) -> String {
    let data = Dataset::bundled().unwrap();
    let presets = model::presets(&data);
    let outcome = model::evaluate(s, &data);
    let summary = Summary::new(s, &outcome, &data, &presets);
    // As `summary` does: the capacity check with the sourced defaults.
    let defaults = arrest_scenarios::capacity::Defaults::of(&data);
    let check = arrest_scenarios::capacity::check(
        s,
        &outcome,
        &data,
        &defaults,
        defaults.resolve(&arrest_scenarios::capacity::Settings::default()),
        ramp,
    );
    match ramp {
        Some(w) => summary.with_ramp(w),
        None => summary,
    }
    .with_capacity(check, &defaults, &data)
    .render(Format::Html)
    .unwrap()
}

/// The page's outline: one line per element (indented by nesting), with its id, class
/// and link; headings and table headers with their text; the chart and the styles as
/// one line each.
fn outline(html: &str) -> String {
    const VOID: [&str; 4] = ["meta", "br", "hr", "img"];
    let mut out = String::new();
    let mut depth = 0usize;
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        let end = rest.find('>').expect("a tag ends");
        let tag = &rest[1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert!(depth > 0, "</{name}> closes nothing");
            depth -= 1;
            rest = &rest[end + 1..];
            continue;
        }
        let name = tag.split([' ', '\n']).next().unwrap();
        let attr = |key: &str| {
            let pat = format!("{key}=\"");
            tag.find(&pat).map(|i| {
                let v = &tag[i + pat.len()..];
                format!(" {key}={}", &v[..v.find('"').unwrap()])
            })
        };
        let mut line = format!("{}{name}", "  ".repeat(depth));
        for key in ["id", "class", "href"] {
            line.push_str(&attr(key).unwrap_or_default());
        }
        if name.starts_with('!') {
            out.push_str(&line);
            out.push('\n');
            rest = &rest[end + 1..];
            continue;
        }
        if name == "svg" || name == "style" {
            let close = format!("</{name}>");
            let stop = rest.find(&close).expect("closed");
            let body = &rest[..stop];
            if name == "svg" {
                let labels = body.matches("<text ").count();
                let bars = body.matches("</title></rect>").count();
                let _ = write!(line, " ({labels} text labels, {bars} bars)");
            }
            out.push_str(&line);
            out.push('\n');
            rest = &rest[stop + close.len()..];
            continue;
        }
        if ["h1", "h2", "h3", "th", "title"].contains(&name) {
            let text = &rest[end + 1..];
            let text = &text[..text.find("</").unwrap()];
            let _ = write!(line, ": {text}");
        }
        out.push_str(&line);
        out.push('\n');
        if !VOID.contains(&name) {
            depth += 1;
        }
        rest = &rest[end + 1..];
    }
    assert_eq!(depth, 0, "every element is closed");
    out
}

#[test]
fn the_page_outline() {
    insta::assert_snapshot!(
        "html_outline_25x75",
        outline(&page(&Scenario::default(), None))
    );
}

#[test]
fn the_page_is_self_contained() {
    let html = page(&Scenario::default(), Some(12));
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    );
    assert_eq!(
        html.matches("<svg ").count(),
        2,
        "two inline charts: the years and the capacity"
    );
    // The patterns are defined once (ids are unique in a page).
    assert_eq!(html.matches("<pattern id=\"fill-scenario\"").count(), 1);
    assert_eq!(html.matches("<style>").count(), 1);
    for banned in [
        "<script", " src=", "<link", "@import", "url(http", "<iframe", "<img",
    ] {
        assert!(!html.contains(banned), "{banned}");
    }
    // Links go to the sources on the web or within the page, nowhere else.
    for (i, _) in html.match_indices("href=\"") {
        let target = &html[i + 6..];
        assert!(
            target.starts_with("https://")
                || target.starts_with("http://")
                || target.starts_with('#'),
            "{}",
            &target[..40.min(target.len())]
        );
    }
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(html.contains("@media print {"));
    assert!(html.contains("figure svg { display: block; width: 100%; height: auto;"));
}

#[test]
fn the_page_carries_the_figures_and_the_arithmetic() {
    let html = page(&Scenario::default(), Some(12));
    for part in [
        "<span class=\"figure\">1,875</span> arrests a day<span class=\"how\">25 offices x 75</span>",
        "<span class=\"figure\">684,375</span> arrests a year<span class=\"how\">1,875 a day x 365 days</span>",
        "<tr><td>FY2024 *</td><td class=\"n\">113,431</td><td class=\"n\">366</td><td class=\"n\">309.9</td><td class=\"n\">6.03x</td><td><span class=\"label official\">official</span></td><td><a href=\"#src-ice-fy2024-annual-report\">ice-fy2024-annual-report</a></td></tr>",
        "<li>FY2024: 113,431 arrests over 366 days = <strong>309.9 a day</strong> <span class=\"muted\">[ICE FY2024 report]</span></li>",
        "<li>1,875 - 1,500 (the top of the reported 1,200-1,500 a day) = <strong>375 above</strong> <span class=\"muted\">[Washington Post 2025-01-26]</span></li>",
        "<li><strong>1,200-1,500 arrests a day</strong> (The Washington Post, 2025-01-26) <span class=\"label reported\">reported</span>: 1,875 a day is 375 above the reported 1,200-1,500. To meet it: 48-60 per office with 25 offices, or 16-20 offices at 75 a day.</li>",
        "<li>FY2024&#39;s whole-year total (113,431) on day 61</li>",
        "<h2>Ramp-up</h2>",
        "<p>Changed office targets: none; every counted office has the uniform target.</p>",
        "<p>Left out: none; all 25 field offices in the data count.</p>",
        "<li id=\"src-ice-fy2024-annual-report\"><span class=\"label official\">official</span> <span class=\"label derived\">derived</span> U.S. Immigration and Customs Enforcement: <a href=\"https://ice.gov/news/releases/",
        "<li id=\"src-ddp-weekly-2026-02-03\"><span class=\"label derived\">derived</span> deportationdata/ice repository, branch cpang (not a DDP publication): <a href=",
        "<li>1,875 a day is 757.9 more than the latest official pace of 1,117.1 a day (1.68x): ICE-arrest initial book-ins into detention, Oct 2025-Mar 2026: 203,314 in 182 days = 1,117.1 a day (official).</li>",
        "<li>FY2025 (Oct 1 2024 - Sep 20 2025, 355 days; official): 222,832 ICE-arrest initial book-ins into detention; 319,980 removals.</li>",
        "<p class=\"counter\"><span class=\"label reported\">reported</span> Reported counter-statement: in August 2025 the Justice Department told the Ninth Circuit that &quot;neither ICE leadership nor its field offices have been directed to meet any numerical quota or target for arrests&quot; (The New Republic, 2025-08-04, reported).</p>",
    ] {
        assert!(html.contains(part), "missing: {part}");
    }
}

#[test]
fn the_page_carries_the_capacity_check_in_the_summary_s_words() {
    let html = page(&Scenario::default(), Some(12));
    let section = &html[html
        .find("<section id=\"capacity\">")
        .expect("a capacity section")..];
    let section = &section[..section.find("</section>").unwrap()];
    for part in [
        "<h2>Capacity check (the beds, officers and at-large arrests it would take)</h2>",
        "<p>Little&#39;s law: people held at once = arrests a day x share detained x days held.</p>",
        "<li>1,875 arrests a day x 100% detained x 43.6531 days held = <strong>~81,849.6 people held at once</strong>",
        "<li>~81,849.6 / 41,500 funded beds = <strong>1.97x the funded beds (~40,349.6 beds short)</strong>",
        "<tr><td>Funded beds 41,500</td><td><span class=\"label reported\">reported</span></td><td>",
        "<h3>The record (ICE Detention Statistics; CBP-arrested detainees included) <span class=\"label official\">official</span></h3>",
        "held on an average day",
        "<p>With a 12-week ramp from ",
        "<p class=\"muted\">The check assumes a steady state (Little&#39;s law: the same pace for longer than a stay).",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"",
        "<text",
        ">~81,849.6</text>",
        ">41,500</text>",
    ] {
        assert!(section.contains(part), "missing: {part}\n{section}");
    }
    // Every assumption's source is linked to its entry in the list of sources.
    let defaults = arrest_scenarios::capacity::Defaults::of(&Dataset::bundled().unwrap());
    let beds_id = defaults.assumptions.beds.source_id.clone().unwrap();
    assert!(section.contains(&format!("<a href=\"#src-{beds_id}\">[{beds_id}]</a>")));
    assert!(html.contains(&format!("<li id=\"src-{beds_id}\">")));
}

#[test]
fn every_source_is_listed_and_every_known_address_is_a_link() {
    let data = Dataset::bundled().unwrap();
    let html = page(&Scenario::default(), None);
    let sources = html.split("<section id=\"sources\"").nth(1).unwrap();
    let cited: Vec<&str> = data
        .annual
        .iter()
        .map(|a| a.source_id.as_str())
        .chain(data.quotas.iter().map(|q| q.source_id.as_str()))
        .chain(data.reference.iter().map(|r| r.source_id.as_str()))
        .collect();
    for s in data
        .sources
        .iter()
        .filter(|s| cited.contains(&s.id.as_str()))
    {
        let item = sources
            .split(&format!("<li id=\"src-{}\">", s.id))
            .nth(1)
            .unwrap_or_else(|| panic!("{} is not listed", s.id));
        let item = &item[..item.find("</li>").unwrap()];
        if s.url.is_empty() {
            assert!(item.contains("(no link known)"), "{}", s.id);
        } else {
            assert!(
                item.contains(&format!("<a href=\"{}\">", s.url.replace('&', "&amp;"))),
                "{}",
                s.id
            );
        }
        assert!(
            item.contains("<span class=\"label "),
            "{} has no label",
            s.id
        );
    }
}

#[test]
fn the_page_names_changed_and_left_out_offices() {
    let mut s = Scenario {
        offices: 20,
        ..Scenario::default()
    };
    s.overrides.insert("BAL".into(), Fixed3::whole(85));
    let html = page(&s, None);
    assert!(html.contains("<p>Changed office targets (1): BAL Baltimore: 85 a day.</p>"));
    assert!(html.contains(
        "<p>Left out (5 of 25 field offices, beyond the office count, from the bottom of the list): SLC Salt Lake City, SNA San Antonio, SND San Diego, SPM St. Paul, WAS Washington.</p>"
    ), "{}", &html[html.find("Left out").unwrap()..][..300]);
    let many = page(
        &Scenario {
            offices: 30,
            ..Scenario::default()
        },
        None,
    );
    assert!(many.contains(
        "<p>Hypothetical offices beyond the 25 named ones that count: 5, each at the uniform target.</p>"
    ));
    let mut chosen = Scenario {
        offices: 24,
        ..Scenario::default()
    };
    chosen.excluded.insert("DAL".into());
    let chosen = page(&chosen, None);
    assert!(chosen.contains("<p>Left out by choice (1 of 25 field offices): DAL Dallas.</p>"));
    assert!(!chosen.contains("beyond the office count"));
}

#[test]
fn outside_text_on_the_page_is_escaped() {
    let sources = common::bundled("sources.csv")
        .replace(
            "Stephen Miller demands ICE arrest 3000 people a day",
            "<script>alert(1)</script> \"Miller\" & co",
        )
        .replace(
            "https://www.axios.com/2025/05/28/immigration-ice-deportations-stephen-miller",
            "\"https://example.org/?a=1&b=\"\"x\"\"<\"",
        );
    let dir = common::data_dir(&[("sources.csv", sources.as_bytes())]);
    let out = app()
        .args(["summary", "--format", "html", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(out).unwrap();
    assert!(!html.contains("<script"));
    assert!(html.contains(
        "Axios: <a href=\"https://example.org/?a=1&amp;b=&quot;x&quot;&lt;\">&lt;script&gt;alert(1)&lt;/script&gt; &quot;Miller&quot; &amp; co</a>, 2025-05-28."
    ), "{}", &html[html.find("Axios: ").unwrap()..][..200]);
    assert!(html.contains(&format!(
        "from sources.csv from {}",
        dir.path().join("sources.csv").display()
    )));
}

#[test]
fn summary_format_html_from_the_binary_and_html_refused_elsewhere() {
    let out = app()
        .args(["summary", "--format", "html"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(out).unwrap();
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("684,375") && html.contains("113,431"));
    for cmd in ["grid", "compare", "records"] {
        let mut args = vec![cmd, "--format", "html"];
        if cmd == "compare" {
            args.extend(["a.toml", "b.toml"]);
        }
        if cmd == "records" {
            args.push("x.csv");
        }
        app().args(&args).assert().code(2).stdout("").stderr(format!(
            "error: --format html is only for summary; {cmd} takes text, csv, json or markdown\n"
        ));
    }
}

#[test]
fn a_saved_scenario_titles_the_page_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("axios.toml");
    std::fs::write(
        &path,
        "name = \"Axios <at> 60% & more\"\noffices = 25\nper_office = \"120\"\nattainment = \"60\"\n",
    )
    .unwrap();
    let out = app()
        .args(["summary", "--format", "html", "--scenario"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(out).unwrap();
    assert!(html.contains("<title>Arrest-quota scenario: Axios &lt;at&gt; 60% &amp; more</title>"));
    assert!(html.contains("<h1>Arrest-quota scenario: Axios &lt;at&gt; 60% &amp; more</h1>"));
    assert!(html.contains("<span class=\"figure\">1,800</span> arrests a day"));
}
