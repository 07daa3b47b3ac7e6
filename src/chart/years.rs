//! The bar chart of every fiscal year's arrests, with the scenario's annual total as the
//! last bar.

use std::fmt::Write as _;

use super::Size;
use super::frame::{
    self, INK, Layout, Plot, SCENARIO, SCENARIO_FILL, fill, fit, fl, fu, source_names,
};
use super::svg::{Anchor, Svg};
use crate::data::{Confidence, Source};
use crate::model::{Outcome, Scenario, format_multiple};
use crate::number::group_thousands;

pub(super) fn years(
    scenario: &Scenario,
    outcome: &Outcome,
    sources: &[&Source],
    size: Size,
) -> String {
    let l = Layout::new(size);
    let title = "Arrests a year: every fiscal year against the scenario";
    let subtitle = subtitle(scenario, outcome);
    let desc = format!(
        "Bar chart. {subtitle} Years: {}.",
        outcome
            .comparisons
            .iter()
            .map(|c| format!(
                "FY{} {} ({})",
                c.fiscal_year,
                group_thousands(u128::from(c.arrests)),
                c.confidence.label()
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut svg = Svg::new(size.width, size.height, title, &desc);
    svg.raw(frame::DEFS);
    let y = frame::header(&mut svg, &l, title, &subtitle);
    let has = |c: Confidence| outcome.comparisons.iter().any(|y| y.confidence == c);
    let mut items: Vec<(&str, &str)> = Vec::new();
    for (c, label) in [
        (Confidence::Official, "official (agency's figure)"),
        (Confidence::Derived, "derived (from records)"),
        (Confidence::Reported, "reported (press, secondary)"),
    ] {
        if has(c) {
            items.push((fill(c), label));
        }
    }
    items.push((SCENARIO_FILL, "scenario"));
    let top = frame::legend(&mut svg, &l, y + l.px(4.0), &items);

    let foot = foot_text(outcome, sources);
    let bottom = l.height - frame::foot_height(&l, &foot) - l.px(62.0);
    let scenario_value = outcome.annual_total.to_f64();
    let max = outcome
        .comparisons
        .iter()
        .map(|c| fu(c.arrests))
        .fold(scenario_value, f64::max);
    let (axis_max, step) = frame::axis(max, 1.1);
    let plot = Plot {
        left: l.px(120.0),
        top: top + l.px(10.0),
        right: l.width - l.px(30.0),
        bottom,
        max: axis_max,
    };
    frame::value_axis(&mut svg, &l, &plot, step, "Arrests a year");

    draw_bars(&mut svg, &l, &plot, &bars(scenario, outcome));
    svg.text(
        f64::midpoint(plot.left, plot.right),
        plot.bottom + l.px(56.0),
        Anchor::Middle,
        l.px(15.0),
        false,
        INK,
        "Fiscal year (October 1 to September 30): ICE ERO administrative arrests",
    );
    frame::sources_foot(&mut svg, &l, &foot);
    svg.finish()
}

/// `Sources: ...` naming every plotted year's source, and the years that are not official.
fn foot_text(outcome: &Outcome, sources: &[&Source]) -> String {
    let names = source_names(
        outcome.comparisons.iter().map(|c| c.source_id.as_str()),
        sources,
    );
    let unofficial: Vec<String> = outcome
        .comparisons
        .iter()
        .filter(|c| c.confidence != Confidence::Official)
        .map(|c| format!("FY{} {}", c.fiscal_year, c.confidence.label()))
        .collect();
    let mut text = format!("Sources: {names}.");
    if !unofficial.is_empty() {
        let _ = write!(text, " Not official: {}.", unofficial.join(", "));
    }
    let gaps: Vec<String> = outcome
        .comparisons
        .windows(2)
        .flat_map(|w| (w[0].fiscal_year + 1..w[1].fiscal_year).map(|y| format!("FY{y}")))
        .collect();
    if !gaps.is_empty() {
        let _ = write!(text, " No figure loaded for {}.", gaps.join(", "));
    }
    text.push_str(" Scenario: arithmetic on the inputs, made by arrest-scenarios.");
    text
}

/// The scenario's totals and its multiples of the latest and highest official years.
fn subtitle(scenario: &Scenario, outcome: &Outcome) -> String {
    let daily = outcome.daily_total.display(2);
    let annual = outcome.annual_total.display(2);
    let mut subtitle = format!(
        "Scenario: {} = {daily} arrests a day; x {} days = {annual} a year",
        scenario.formula(),
        scenario.days
    );
    let pick = |i: Option<usize>| i.and_then(|i| outcome.comparisons.get(i));
    if let Some(c) = pick(outcome.latest_official) {
        let _ = write!(
            subtitle,
            ", {} FY{} (latest official year)",
            format_multiple(c.multiple),
            c.fiscal_year
        );
    }
    if let Some(c) = pick(outcome.highest_official)
        && Some(c.fiscal_year) != pick(outcome.latest_official).map(|l| l.fiscal_year)
    {
        let _ = write!(
            subtitle,
            " and {} FY{} (highest)",
            format_multiple(c.multiple),
            c.fiscal_year
        );
    }
    subtitle.push('.');
    subtitle
}

/// One bar: its axis label and confidence word, value, value label, fill and tooltip.
pub(super) struct Bar {
    pub name: String,
    pub label: String,
    pub value: f64,
    pub text: String,
    pub fill: &'static str,
    pub tip: String,
    pub scenario: bool,
}

/// A bar per fiscal year, then the scenario's.
fn bars(scenario: &Scenario, outcome: &Outcome) -> Vec<Bar> {
    let daily = outcome.daily_total.display(2);
    let annual = outcome.annual_total.display(2);
    outcome
        .comparisons
        .iter()
        .map(|c| {
            let arrests = group_thousands(u128::from(c.arrests));
            Bar {
                name: format!("FY{}", c.fiscal_year),
                label: c.confidence.label().to_string(),
                value: fu(c.arrests),
                tip: format!(
                    "FY{}: {arrests} arrests ({}, {})",
                    c.fiscal_year,
                    c.confidence.label(),
                    c.source_id
                ),
                text: arrests,
                fill: fill(c.confidence),
                scenario: false,
            }
        })
        .chain(std::iter::once(Bar {
            name: "Scenario".to_string(),
            label: format!("{} days", scenario.days),
            value: outcome.annual_total.to_f64(),
            tip: format!(
                "Scenario: {annual} arrests a year ({daily} a day x {} days)",
                scenario.days
            ),
            text: annual,
            fill: SCENARIO_FILL,
            scenario: true,
        }))
        .collect()
}

/// The bars in equal slots, each with its value above and its year below.
pub(super) fn draw_bars(svg: &mut Svg, l: &Layout, plot: &Plot, bars: &[Bar]) {
    let slot = plot.width() / fl(bars.len());
    let bar_w = slot * 0.72;
    let x_size = fit("FY2024", slot * 0.95, l.px(13.0));
    for (i, b) in bars.iter().enumerate() {
        let x = plot.left + slot * fl(i) + (slot - bar_w) / 2.0;
        let y = plot.y(b.value);
        if b.scenario {
            let divider = plot.left + slot * fl(i);
            svg.line(
                divider,
                plot.top,
                divider,
                plot.bottom,
                INK,
                1.0,
                Some("4 4"),
            );
        }
        svg.bar(x, y, bar_w, plot.bottom - y, b.fill, INK, &b.tip);
        let cx = x + bar_w / 2.0;
        let size = fit(&b.text, slot * 0.98, l.px(14.0));
        let colour = if b.scenario { SCENARIO } else { INK };
        svg.text(
            cx,
            y - l.px(6.0),
            Anchor::Middle,
            size,
            b.scenario,
            colour,
            &b.text,
        );
        let below = plot.bottom + x_size * 1.4;
        svg.text(cx, below, Anchor::Middle, x_size, b.scenario, INK, &b.name);
        let small = x_size * 0.85;
        svg.text(
            cx,
            below + small * 1.3,
            Anchor::Middle,
            small,
            false,
            "#555555",
            &b.label,
        );
    }
}
