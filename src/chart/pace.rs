//! The observed 2025 weekly pace (arrests a day in each week) against the scenario's
//! daily total and the reported daily quotas.

use std::fmt::Write as _;

use super::frame::{
    self, DERIVED, EndLabel, INK, Layout, Plot, SCENARIO, fill, fl, fu, source_names,
};
use super::svg::{Anchor, Svg};
use super::{ChartError, Input, Size};
use crate::data::{Confidence, Source, WeeklyCount};
use crate::model::{Basis, format_multiple};
use crate::number::{format_f64, group_thousands};

/// A labelled level on the right: its value, label, colour and dash.
struct Level {
    value: f64,
    label: String,
    colour: &'static str,
    dash: Option<&'static str>,
}

pub(super) fn pace(input: &Input<'_>, size: Size) -> Result<String, ChartError> {
    let weeks = &input.data.weekly;
    if weeks.is_empty() {
        return Err(ChartError::NoWeeks);
    }
    let o = input.outcome;
    let sources: Vec<&Source> = input.data.sources.iter().collect();
    let l = Layout::new(size);
    let daily = o.daily_total.display(2);
    let paces: Vec<f64> = weeks
        .iter()
        .map(|w| fu(w.arrests) / f64::from(w.days_covered.max(1)))
        .collect();
    let title = "Arrests a day, week by week in 2025, against the scenario";
    let mut subtitle = format!(
        "Scenario: {} = {daily} arrests a day.",
        input.scenario.formula()
    );
    if let Some(p) = &o.observed {
        let _ = write!(
            subtitle,
            " Observed: {} a day on average over {} days (the scenario is {} that); peak {} a day, week of {}.",
            format_f64(p.average_per_day, 1),
            p.days,
            format_multiple(p.multiple_of_average),
            format_f64(p.peak_per_day, 1),
            p.peak_week
        );
    }
    let confidence = weeks[0].confidence;
    let desc = format!(
        "Bar chart of {} weeks from {} to {}. {subtitle}",
        weeks.len(),
        weeks[0].week_start,
        weeks[weeks.len() - 1].week_start
    );
    let mut svg = Svg::new(size.width, size.height, title, &desc);
    svg.raw(frame::DEFS);
    let y = frame::header(&mut svg, &l, title, &subtitle);
    let week_label = format!("arrests a day in the week ({})", confidence.label());
    let top = frame::legend(
        &mut svg,
        &l,
        y + l.px(4.0),
        &[(fill(confidence), &week_label)],
    );

    let (levels, quota_sources) = levels(input);
    let foot = foot(weeks, &quota_sources, &sources);
    let bottom = l.height - frame::foot_height(&l, &foot) - l.px(62.0);
    let max = levels
        .iter()
        .map(|v| v.value)
        .chain(paces.iter().copied())
        .fold(0.0, f64::max);
    let (axis_max, step) = frame::axis(max, 1.08);
    let plot = Plot {
        left: l.px(100.0),
        top: top + l.px(10.0),
        right: l.width - l.px(360.0),
        bottom,
        max: axis_max,
    };
    frame::value_axis(&mut svg, &l, &plot, step, "Arrests a day");

    draw_weeks(&mut svg, &l, &plot, weeks, &paces);
    draw_levels(&mut svg, &l, &plot, &levels);
    svg.text(
        f64::midpoint(plot.left, plot.right),
        plot.bottom + l.px(50.0),
        Anchor::Middle,
        l.px(15.0),
        false,
        INK,
        "Week (starting Sunday), 2025; the label is the month the week starts in",
    );
    frame::sources_foot(&mut svg, &l, &foot);
    Ok(svg.finish())
}

/// Horizontal lines across the plot, each labelled in the right margin.
fn draw_levels(svg: &mut Svg, l: &Layout, plot: &Plot, levels: &[Level]) {
    let mut labels = Vec::new();
    for v in levels {
        let y = plot.y(v.value);
        let width = if v.colour == SCENARIO { 3.0 } else { 1.6 };
        svg.line(plot.left, y, plot.right, y, v.colour, width, v.dash);
        labels.push(EndLabel {
            y,
            text: &v.label,
            colour: v.colour,
            dash: v.dash,
        });
    }
    frame::end_labels(svg, l, plot, &labels);
}

fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

/// The scenario's daily total, the observed average and each reported daily quota,
/// with the quotas' source ids.
fn levels<'a>(input: &Input<'a>) -> (Vec<Level>, Vec<&'a str>) {
    let o = input.outcome;
    let daily = o.daily_total.display(2);
    let mut levels = Vec::new();
    if let Some(p) = &o.observed {
        levels.push(Level {
            value: p.average_per_day,
            label: format!("2025 average {} a day", format_f64(p.average_per_day, 1)),
            colour: DERIVED,
            dash: Some("2 4"),
        });
    }
    let mut quota_sources = Vec::new();
    for c in o.quota_checks.iter().filter(|c| c.basis == Basis::PerDay) {
        let Some(q) = input.data.quota(&c.quota_id) else {
            continue;
        };
        quota_sources.push(q.source_id.as_str());
        let (high, low) = if c.low == c.high {
            ("reported", "")
        } else {
            ("reported, high", "reported, low")
        };
        levels.push(Level {
            value: c.high.to_f64(),
            label: format!("{} a day ({high}, {})", c.high.display(2), q.outlet),
            colour: INK,
            dash: Some("7 5"),
        });
        if c.low != c.high {
            levels.push(Level {
                value: c.low.to_f64(),
                label: format!("{} a day ({low}, {})", c.low.display(2), q.outlet),
                colour: INK,
                dash: Some("7 5"),
            });
        }
    }

    // Last, so that it is drawn over a quota at the same level.
    levels.push(Level {
        value: o.daily_total.to_f64(),
        label: format!("Scenario {daily} a day"),
        colour: SCENARIO,
        dash: None,
    });
    (levels, quota_sources)
}

/// The source line: the series' and the quotas' sources, partial weeks, the label.
fn foot(weeks: &[WeeklyCount], quota_sources: &[&str], sources: &[&Source]) -> String {
    let confidence = weeks.first().map_or(Confidence::Derived, |w| w.confidence);
    let mut foot = format!(
        "Sources: {}. Each bar is a week's arrest records divided by the days it covers.",
        source_names(
            weeks
                .iter()
                .map(|w| w.source_id.as_str())
                .chain(quota_sources.iter().copied()),
            sources
        )
    );
    let partial: Vec<String> = weeks
        .iter()
        .filter(|w| w.days_covered < 7)
        .map(|w| format!("{} ({} days)", w.week_start, w.days_covered))
        .collect();
    if !partial.is_empty() {
        let _ = write!(foot, " Partial weeks: {}.", partial.join(", "));
    }
    if confidence != Confidence::Official {
        foot.push_str(" These counts are derived from records, not official figures.");
    }
    foot
}

/// A bar per week, the peak's and the last week's values, a label at each month.
fn draw_weeks(svg: &mut Svg, l: &Layout, plot: &Plot, weeks: &[WeeklyCount], paces: &[f64]) {
    let slot = plot.width() / fl(weeks.len());
    let peak = paces
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(i, _)| i);
    let x_size = l.px(12.0);
    let mut last_month = None;
    for (i, (w, p)) in weeks.iter().zip(paces).enumerate() {
        let x = plot.left + slot * fl(i);
        let y = plot.y(*p);
        let tip = format!(
            "Week of {}: {} arrests over {} days = {} a day",
            w.week_start,
            group_thousands(u128::from(w.arrests)),
            w.days_covered,
            format_f64(*p, 1)
        );
        svg.bar(
            x + slot * 0.1,
            y,
            slot * 0.8,
            plot.bottom - y,
            fill(w.confidence),
            INK,
            &tip,
        );
        if i == peak || i + 1 == weeks.len() {
            let text = format_f64(*p, 1);
            let size = frame::fit(&text, slot * 2.4, l.px(13.0));
            svg.text(
                x + slot / 2.0,
                y - l.px(5.0),
                Anchor::Middle,
                size,
                true,
                INK,
                &text,
            );
        }
        let month = (w.week_start.year(), w.week_start.month());
        // A month is labelled at the first week starting in it; the series' first week
        // only when most of the month is still ahead (Dec 29 is left to January).
        let first_in_month = w.week_start.day() <= 7 || (i == 0 && w.week_start.day() <= 21);
        if last_month != Some(month) && first_in_month {
            let name = month_name(month.1);
            let text = if last_month.is_none() || month.1 == 1 {
                format!("{name} {}", month.0)
            } else {
                name.to_string()
            };
            last_month = Some(month);
            svg.line(x, plot.bottom, x, plot.bottom + l.px(6.0), INK, 1.0, None);
            svg.text(
                x,
                plot.bottom + x_size * 1.6,
                Anchor::Start,
                x_size,
                false,
                INK,
                &text,
            );
        }
    }
}
