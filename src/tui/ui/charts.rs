//! The line charts: the observed pace against the scenario and the quotas, and the
//! ramp-up's cumulative arrests. Every line is named in a legend under the chart with a
//! sample of its marker (so `NO_COLOR` still tells them apart); the scenario is drawn
//! last; axes say their units; the y-axis fits the data that matters, and a line above
//! it is named with an arrow instead of flattening the rest.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Widget};

use super::Screen;
use crate::data::Confidence;
use crate::model::Basis;
use crate::number::format_f64;

/// The character a marker draws, for the legend's sample.
const fn sample(m: Marker) -> &'static str {
    match m {
        Marker::Dot => "•",
        Marker::Block => "█",
        Marker::Bar => "▄",
        Marker::HalfBlock => "▀",
        _ => "⣿",
    }
}

/// One line of a chart: its points, marker, style and name.
struct Series {
    points: Vec<(f64, f64)>,
    marker: Marker,
    style: Style,
    name: String,
    /// A label written at the line's right end (a level's value), if any.
    end: Option<String>,
}

/// Draw `series` (in order: the last on top) in a bordered chart titled `title`, with
/// a legend under it naming each line and each line left off above the y-axis.
#[expect(clippy::too_many_arguments, reason = "one chart's parts")]
fn chart(
    screen: &Screen<'_>,
    title: &str,
    series: &[Series],
    above: &[String],
    x_axis: (f64, [String; 2], &str),
    y_axis: (f64, &str),
    area: Rect,
    buf: &mut Buffer,
) {
    let t = screen.theme;
    let block = Block::bordered().title(Span::styled(
        crate::text::clip(title, usize::from(area.width.saturating_sub(2))).into_owned(),
        t.title(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let legend = legend_lines(series, above, t, usize::from(inner.width));
    let rows = u16::try_from(legend.len())
        .unwrap_or(u16::MAX)
        .min(inner.height / 2);
    let [plot, key] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(rows)]).areas(inner);
    let datasets: Vec<Dataset> = series
        .iter()
        .map(|line| {
            Dataset::default()
                .marker(line.marker)
                .graph_type(GraphType::Line)
                .style(line.style)
                .data(&line.points)
        })
        .collect();
    let (x_end, [first, last], x_unit) = x_axis;
    let (top, y_unit) = y_axis;
    let y_labels: Vec<Line> = [0.0, top / 2.0, top]
        .iter()
        .map(|v| Line::raw(format_f64(*v, 0)))
        .collect();
    let y_label_w = y_labels.iter().map(Line::width).max().unwrap_or(0);
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .title(Span::styled(x_unit.to_string(), t.hint()))
                .bounds([0.0, x_end])
                .labels([Line::raw(first), Line::raw(last)]),
        )
        .y_axis(
            Axis::default()
                .title(Span::styled(y_unit.to_string(), t.hint()))
                .bounds([0.0, top])
                .labels(y_labels),
        )
        .legend_position(None)
        .render(plot, buf);
    // Labels at the right end of level lines, on the row the chart draws them.
    let graph_h = plot.height.saturating_sub(2);
    for line in series {
        if let (Some(label), Some(&(_, level))) = (&line.end, line.points.last())
            && graph_h > 0
            && level <= top
        {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a row in 0..graph_h from a ratio in 0..=1"
            )]
            let row = ((1.0 - level / top) * f64::from(graph_h - 1)).round() as u16;
            let w = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
            let x = plot.right().saturating_sub(w);
            if x > plot.x + u16::try_from(y_label_w).unwrap_or(0) + 1 {
                buf.set_string(x, plot.y + row, label, line.style);
            }
        }
    }
    Paragraph::new(legend).render(key, buf);
}

/// The legend: one entry per line of the chart (a sample of its marker and its name),
/// then the lines left off above the chart, packed into rows of `width`.
fn legend_lines(
    series: &[Series],
    above: &[String],
    theme: crate::tui::Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut entries: Vec<Vec<Span<'static>>> = series
        .iter()
        .map(|line| {
            vec![
                Span::styled(format!("{} ", sample(line.marker)), line.style),
                Span::styled(line.name.clone(), theme.label()),
            ]
        })
        .collect();
    entries.dedup_by(|a, b| {
        a.iter()
            .map(|x| &x.content)
            .eq(b.iter().map(|x| &x.content))
    });
    entries.extend(
        above
            .iter()
            .map(|a| vec![Span::styled(format!("↑ {a}"), theme.hint())]),
    );
    let mut legend: Vec<Line> = Vec::new();
    let mut row: Vec<Span> = Vec::new();
    let mut used = 0;
    for e in entries {
        let w: usize = e.iter().map(|x| x.content.chars().count()).sum();
        if used > 0 && used + 3 + w > width {
            legend.push(Line::from(std::mem::take(&mut row)));
            used = 0;
        }
        if used > 0 {
            row.push(Span::raw("   "));
            used += 3;
        }
        used += w;
        row.extend(e);
    }
    if !row.is_empty() {
        legend.push(Line::from(row));
    }
    legend
        .into_iter()
        .map(|l| super::overlays::clip_line(l, width))
        .collect()
}

impl Screen<'_> {
    /// The observed pace against the scenario's daily total and the reported daily
    /// quotas. The y-axis fits the observed pace and the scenario; a quota (or a
    /// scenario) far above them is named with an arrow instead.
    pub(super) fn weekly(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let (label, weeks) = app.pace();
        let Some((first, last)) = weeks.first().zip(weeks.last()) else {
            Paragraph::new("No weekly series loaded.")
                .block(Block::bordered())
                .render(area, buf);
            return;
        };
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let pace: Vec<(f64, f64)> = weeks
            .iter()
            .enumerate()
            .map(|(i, (_, p))| (i as f64, *p))
            .collect();
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let end = (weeks.len().max(2) - 1) as f64;
        let daily = app.outcome().daily_total.to_f64();
        let observed_top = pace.iter().map(|p| p.1).fold(0.0_f64, f64::max);
        // The scenario shares the axis unless it would flatten the observed pace.
        let scenario_fits = observed_top <= 0.0 || daily <= observed_top * 4.0;
        let top = if scenario_fits {
            observed_top.max(daily)
        } else {
            observed_top
        } * 1.1;
        let top = if top > 0.0 { top } else { 1.0 };
        let mut quotas = self.daily_quota_levels();
        quotas.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (on, off): (Vec<_>, Vec<_>) = quotas.into_iter().partition(|q| q.0 <= top);
        let mut above: Vec<String> = off
            .iter()
            .map(|q| format!("quota {}/day, above the chart", q.1))
            .collect();
        let mut series = vec![Series {
            points: pace,
            marker: Marker::Braille,
            style: t.bar(Confidence::Derived),
            name: crate::text::escape_controls(label).into_owned(),
            end: None,
        }];
        series.extend(self.at_large_series());
        for (y, name) in &on {
            series.push(Series {
                points: vec![(0.0, *y), (end, *y)],
                marker: Marker::Dot,
                style: t.bar(Confidence::Reported),
                name: format!(
                    "reported quotas a day: {}",
                    on.iter()
                        .map(|q| q.1.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                end: Some(format!(" {} ", name.split(' ').next().unwrap_or(""))),
            });
        }
        let scenario_name = format!("scenario {}/day", app.outcome().daily_total.display(0));
        if scenario_fits {
            series.push(Series {
                points: vec![(0.0, daily), (end, daily)],
                marker: Marker::HalfBlock,
                style: t.scenario_bar(),
                name: scenario_name,
                end: None,
            });
        } else {
            above.insert(0, format!("{scenario_name}, above the chart"));
        }
        let by = if app.pace_period() == crate::records::Period::Month && app.records().is_some() {
            "month"
        } else {
            "week"
        };
        // ICE's monthly book-ins are their own measure: the chart says so in its title and
        // its unit, never "arrests".
        let (title, x_unit, y_unit) = if app.pace_is_official() {
            (
                " ICE-arrest book-ins into detention a day, by month (official; not arrests), against the scenario ".to_string(),
                "month".to_string(),
                "per day",
            )
        } else {
            (
                format!(" Observed arrests a day, by {by}, against the scenario "),
                format!("{by} starting"),
                "arrests/day",
            )
        };
        chart(
            self,
            &title,
            &series,
            &above,
            (end, [first.0.clone(), last.0.clone()], &x_unit),
            (top, y_unit),
            area,
            buf,
        );
    }

    /// A file read with DDP's at-large rule: its at-large arrests a day, period by
    /// period, drawn over its whole pace (the share by period, as a line).
    fn at_large_series(&self) -> Option<Series> {
        let at_large = self.app.pace_at_large();
        if at_large.is_empty() {
            return None;
        }
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let points = at_large
            .iter()
            .enumerate()
            .map(|(i, (_, p))| (i as f64, *p))
            .collect();
        Some(Series {
            points,
            marker: Marker::Bar,
            style: self.theme.part_line(),
            name: "of them at large (DDP's rule, derived)".to_string(),
            end: None,
        })
    }

    /// The reported daily quotas as levels: (arrests a day, "1,200 (The Washington
    /// Post)"), the low and high of a range each.
    fn daily_quota_levels(&self) -> Vec<(f64, String)> {
        let app = self.app;
        app.outcome()
            .quota_checks
            .iter()
            .filter(|c| c.basis == Basis::PerDay)
            .flat_map(|c| {
                let outlet = app.data().quota(&c.quota_id).map_or(String::new(), |q| {
                    crate::text::escape_controls(&q.outlet).into_owned()
                });
                let mut v = vec![(c.low.to_f64(), c.low.display(0), outlet.clone())];
                if c.high != c.low {
                    v.push((c.high.to_f64(), c.high.display(0), outlet));
                }
                v
            })
            .map(|(level, shown, outlet)| (level, format!("{shown} ({outlet})")))
            .collect()
    }

    /// Cumulative arrests by day: past years' paces, the flat pace, and the ramp last.
    pub(super) fn ramp_chart(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let r = &app.derived().ramp;
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let ramp: Vec<(f64, f64)> = r
            .cumulative
            .iter()
            .enumerate()
            .map(|(d, v)| ((d + 1) as f64, *v))
            .collect();
        let days = f64::from(app.scenario().days);
        let o = app.outcome();
        let mut series = Vec::new();
        for (i, marker) in [
            (o.highest_official, Marker::Bar),
            (o.latest_official, Marker::Dot),
        ] {
            if let Some(c) = i.and_then(|i| o.comparisons.get(i)) {
                series.push(Series {
                    points: vec![(0.0, 0.0), (days, c.daily_average * days)],
                    marker,
                    style: t.bar(Confidence::Official),
                    name: format!(
                        "FY{} pace ({}/day)",
                        c.fiscal_year,
                        format_f64(c.daily_average, 1)
                    ),
                    end: None,
                });
            }
        }
        // Two years can be the same one (the latest is the highest): name it once.
        series.dedup_by(|a, b| a.name == b.name);
        series.push(Series {
            points: vec![(0.0, 0.0), (days, r.total_flat)],
            marker: Marker::Braille,
            style: t.figure(),
            name: "flat from day 1".into(),
            end: None,
        });
        series.push(Series {
            points: ramp,
            marker: Marker::HalfBlock,
            style: t.scenario_bar(),
            name: format!("with the ramp ({} weeks)", r.weeks),
            end: None,
        });
        let top = series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1))
            .fold(0.0_f64, f64::max)
            .max(1.0);
        chart(
            self,
            " Cumulative arrests by day of the year ",
            &series,
            &[],
            (
                days,
                ["day 0".to_string(), format!("day {}", app.scenario().days)],
                "day of the year",
            ),
            (top, "arrests so far"),
            area,
            buf,
        );
    }
}
