//! Cumulative arrests day by day with a linear ramp-up, against the scenario's full pace
//! from day one and the paces of the latest and highest official years.

use super::frame::{self, EndLabel, INK, Layout, OFFICIAL, Plot, SCENARIO, fl, source_names};
use super::svg::{Anchor, Svg};
use super::{Input, Size};
use crate::data::Source;
use crate::number::format_f64;
use crate::report::RampSummary;

/// A line from day 0 and its label at the end.
struct Curve {
    points: Vec<f64>,
    label: String,
    colour: &'static str,
    dash: Option<&'static str>,
    width: f64,
}

pub(super) fn ramp(input: &Input<'_>, size: Size) -> String {
    let scenario = input.scenario;
    let sources: Vec<&Source> = input.data.sources.iter().collect();
    let ramp = crate::analysis::ramp(scenario, input.outcome, input.ramp_weeks, None);
    let l = Layout::new(size);
    let days = usize::from(scenario.days);
    let title = format!(
        "Cumulative arrests over {} days with a {}-week ramp-up",
        scenario.days, input.ramp_weeks
    );
    let subtitle = RampSummary::of(&ramp).sentence(scenario.days);
    let desc = format!("Line chart. {subtitle}");
    let mut svg = Svg::new(size.width, size.height, &title, &desc);
    let below_header = frame::header(&mut svg, &l, &title, &subtitle);

    let (curves, cited) = curves(input, &ramp);
    let top = below_header + l.px(10.0);
    let foot = format!(
        "Sources: {}. The ramp rises in a straight line from the starting pace to the target over {} weeks, then holds; totals with the ramp are estimates (about), the full-pace total is exact.",
        source_names(cited.iter().copied(), &sources),
        input.ramp_weeks
    );
    let bottom = l.height - frame::foot_height(&l, &foot) - l.px(62.0);
    let max = curves
        .iter()
        .flat_map(|c| c.points.iter().copied())
        .fold(0.0, f64::max);
    let (axis_max, step) = frame::axis(max, 1.05);
    let plot = Plot {
        left: l.px(120.0),
        top,
        right: l.width - l.px(330.0),
        bottom,
        max: axis_max,
    };
    frame::value_axis(
        &mut svg,
        &l,
        &plot,
        step,
        "Arrests since day 1 (cumulative)",
    );
    let x_of = |d: usize| plot.left + plot.width() * fl(d) / fl(days.max(1));
    let day_step = frame::nice_step(fl(days), 8.0);
    let size_x = l.px(13.0);
    let mut tick = 0.0;
    while tick <= fl(days) {
        let x = plot.left + plot.width() * tick / fl(days.max(1));
        svg.line(x, plot.bottom, x, plot.bottom + l.px(6.0), INK, 1.0, None);
        let text = frame::tick_label(tick);
        svg.text(
            x,
            plot.bottom + size_x * 1.6,
            Anchor::Middle,
            size_x,
            false,
            INK,
            &text,
        );
        tick += day_step;
    }
    let mut ends = Vec::new();
    for curve in &curves {
        let pts: Vec<(f64, f64)> = curve
            .points
            .iter()
            .enumerate()
            .map(|(d, v)| (x_of(d), plot.y(*v)))
            .collect();
        svg.polyline(&pts, curve.colour, curve.width, curve.dash);
        ends.push(EndLabel {
            y: plot.y(curve.points.last().copied().unwrap_or(0.0)),
            text: &curve.label,
            colour: curve.colour,
            dash: curve.dash,
        });
    }
    frame::end_labels(&mut svg, &l, &plot, &ends);
    svg.text(
        f64::midpoint(plot.left, plot.right),
        plot.bottom + l.px(50.0),
        Anchor::Middle,
        l.px(15.0),
        false,
        INK,
        "Day of the scenario's year",
    );
    frame::sources_foot(&mut svg, &l, &foot);
    svg.finish()
}

/// The ramp, the full pace, and the latest and highest official years' paces, with the
/// source ids of those years.
fn curves<'a>(input: &Input<'a>, r: &crate::analysis::Ramp) -> (Vec<Curve>, Vec<&'a str>) {
    let (s, o) = (input.scenario, input.outcome);
    let days = usize::from(s.days);
    let annual = o.annual_total.display(2);
    let mut curves = vec![
        Curve {
            points: std::iter::once(0.0)
                .chain(r.cumulative.iter().copied())
                .collect(),
            label: format!("With the ramp: about {}", format_f64(r.total_with_ramp, 0)),
            colour: SCENARIO,
            dash: None,
            width: 3.5,
        },
        Curve {
            points: (0..=days).map(|d| o.daily_total.to_f64() * fl(d)).collect(),
            label: format!("Full pace from day 1: {annual}"),
            colour: SCENARIO,
            dash: Some("9 6"),
            width: 2.0,
        },
    ];
    let mut cited = Vec::new();
    let mut seen = Vec::new();
    for (i, dash) in [(o.latest_official, "2 4"), (o.highest_official, "10 4 2 4")] {
        let Some(c) = i.and_then(|i| o.comparisons.get(i)) else {
            continue;
        };
        if seen.contains(&c.fiscal_year) {
            continue;
        }
        seen.push(c.fiscal_year);
        cited.push(c.source_id.as_str());
        let end = c.daily_average * fl(days);
        curves.push(Curve {
            points: (0..=days).map(|d| c.daily_average * fl(d)).collect(),
            label: format!(
                "FY{}'s pace ({} a day): about {}",
                c.fiscal_year,
                format_f64(c.daily_average, 1),
                format_f64(end, 0)
            ),
            colour: OFFICIAL,
            dash: Some(dash),
            width: 2.0,
        });
    }
    (curves, cited)
}
