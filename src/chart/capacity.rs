//! The capacity check as a bar chart: ICE's observed average daily population (the
//! latest fiscal years and the peak month, official), the funded beds (reported) and the
//! beds the scenario needs (Little's law), every bar labelled with its value and
//! confidence.

use super::Size;
use super::frame::{self, INK, Layout, Plot, SCENARIO_FILL, fill, source_names};
use super::svg::{Anchor, Svg};
use super::years::{Bar, draw_bars};
use crate::capacity::{CAVEAT, Capacity, amount};
use crate::data::{Confidence, Dataset, Source};
use crate::number::group_thousands;

/// The title.
const TITLE: &str = "Detention beds: the scenario's need against the funded beds and the record";

pub(super) fn capacity(check: &Capacity, data: &Dataset, size: Size) -> String {
    let sources: Vec<&Source> = data.sources.iter().collect();
    let l = Layout::new(size);
    let steps = crate::capacity::steps(check, data);
    let subtitle = steps
        .iter()
        .take(2)
        .map(crate::analysis::Step::line)
        .collect::<Vec<_>>()
        .join("; ");
    let bars = bars(check);
    let desc = format!(
        "Bar chart. {subtitle}. Bars: {}.",
        bars.iter()
            .map(|b| format!("{} {} ({})", b.name, b.text, b.label))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut svg = Svg::new(size.width, size.height, TITLE, &desc);
    svg.raw(frame::DEFS);
    let y = frame::header(&mut svg, &l, TITLE, &subtitle);
    let beds_confidence = check.assumptions.beds.confidence;
    let mut items: Vec<(&str, String)> = Vec::new();
    if !check.observed.years.is_empty() || check.observed.peak.is_some() {
        items.push((
            fill(Confidence::Official),
            "official: held on an average day (ICE)".to_string(),
        ));
    }
    items.push((
        beds_confidence.map_or(fill(Confidence::Reported), fill),
        format!(
            "{}: funded beds",
            beds_confidence.map_or("set by the user", Confidence::label)
        ),
    ));
    items.push((SCENARIO_FILL, "scenario: beds needed".to_string()));
    let items: Vec<(&str, &str)> = items.iter().map(|(f, t)| (*f, t.as_str())).collect();
    let top = frame::legend(&mut svg, &l, y + l.px(4.0), &items);

    let foot = foot_text(check, &sources);
    let bottom = l.height - frame::foot_height(&l, &foot) - l.px(62.0);
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let (axis_max, step) = frame::axis(max, 1.1);
    let plot = Plot {
        left: l.px(120.0),
        top: top + l.px(10.0),
        right: l.width - l.px(30.0),
        bottom,
        max: axis_max,
    };
    frame::value_axis(&mut svg, &l, &plot, step, "People held at once (beds)");
    draw_bars(&mut svg, &l, &plot, &bars);
    svg.text(
        f64::midpoint(plot.left, plot.right),
        plot.bottom + l.px(56.0),
        Anchor::Middle,
        l.px(15.0),
        false,
        INK,
        "Observed average daily population by fiscal year and peak month; funded beds; the scenario's need",
    );
    frame::sources_foot(&mut svg, &l, &foot);
    svg.finish()
}

/// The observed years, the peak month, the funded beds, then the beds needed.
fn bars(c: &Capacity) -> Vec<Bar> {
    let mut out: Vec<Bar> = Vec::new();
    for y in &c.observed.years {
        let Some(adp) = y.average_daily_population else {
            continue;
        };
        let value = amount(adp);
        let text = value.display(4);
        out.push(Bar {
            name: format!("FY{}", y.fiscal_year),
            label: y.confidence.label().to_string(),
            value: value.to_f64(),
            tip: format!(
                "FY{} (to {}): {text} held on an average day ({}, {})",
                y.fiscal_year,
                y.data_through,
                y.confidence.label(),
                y.source_id
            ),
            text,
            fill: fill(y.confidence),
            scenario: false,
        });
    }
    if let Some(p) = &c.observed.peak {
        let value = amount(p.average_daily_population);
        let text = value.display(4);
        let month = p.month.strftime("%b %Y").to_string();
        out.push(Bar {
            name: month.clone(),
            label: format!("peak, {}", p.confidence.label()),
            value: value.to_f64(),
            tip: format!(
                "Peak month {month}: {text} held on an average day ({}, {})",
                p.confidence.label(),
                p.source_id
            ),
            text,
            fill: fill(p.confidence),
            scenario: false,
        });
    }
    let beds = &c.assumptions.beds;
    let text = group_thousands(u128::from(c.beds));
    out.push(Bar {
        name: "Funded".to_string(),
        label: beds
            .confidence
            .map_or("set by the user", Confidence::label)
            .to_string(),
        value: frame::fu(c.beds),
        tip: format!("Funded beds: {text} ({})", beds.label()),
        text,
        fill: beds.confidence.map_or(fill(Confidence::Reported), fill),
        scenario: false,
    });
    if let Some(n) = c.beds_needed {
        let text = n.display(1);
        out.push(Bar {
            name: "Needed".to_string(),
            label: "scenario".to_string(),
            value: n.value.to_f64(),
            tip: format!(
                "Beds needed: {text} ({} arrests a day x {}% detained x {} days held)",
                c.daily_total.display(2),
                c.detained_share,
                c.stay_days
            ),
            text,
            fill: SCENARIO_FILL,
            scenario: true,
        });
    }
    out
}

/// `Sources: ...` for the record and the assumptions, then the check's caveat.
fn foot_text(c: &Capacity, sources: &[&Source]) -> String {
    let record = c
        .observed
        .years
        .iter()
        .map(|y| y.source_id.as_str())
        .chain(c.observed.peak.iter().map(|p| p.source_id.as_str()));
    let a = &c.assumptions;
    let drawn = [
        a.stay_days.source_id.as_deref(),
        a.detained_share.source_id.as_deref(),
        a.beds.source_id.as_deref(),
    ];
    let names = source_names(record.chain(drawn.into_iter().flatten()), sources);
    let names = if names.is_empty() {
        String::new()
    } else {
        format!("Sources: {names}. ")
    };
    format!(
        "{names}Beds needed: Little's law on the scenario's arrests a day, made by arrest-scenarios. The record includes CBP-arrested detainees. {CAVEAT}"
    )
}
