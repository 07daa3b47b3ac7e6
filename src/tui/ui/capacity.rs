//! The Capacity tab: the check's five assumptions as fields, its results and goal seek
//! both ways, and a chart of the beds needed against the funded beds and the people
//! held each month.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::Screen;
use crate::data::Confidence;
use crate::model::format_multiple;
use crate::number::{format_f64, group_thousands};
use crate::tui::app::Field;

/// The five assumptions, as listed on the tab.
const FIELDS: [(Field, &str); 5] = [
    (Field::StayDays, "Average stay"),
    (Field::DetainedShare, "Detained share"),
    (Field::Beds, "Funded beds"),
    (Field::Officers, "Officers"),
    (Field::AtLargeShare, "At-large share"),
];

impl Screen<'_> {
    pub(super) fn capacity_tab(&self, area: Rect, buf: &mut Buffer) {
        let left_width = (area.width * 2 / 5).max(36).min(area.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(area);
        let [fields, results] =
            Layout::vertical([Constraint::Length(9), Constraint::Fill(1)]).areas(left);
        self.capacity_fields(fields, buf);
        self.capacity_results(results, buf);
        self.capacity_chart(right, buf);
    }

    /// The assumptions, and where the selected one comes from.
    fn capacity_fields(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let block = Block::bordered().title(Span::styled(" Capacity assumptions ", t.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        let w = inner.width as usize;
        let a = &app.derived().capacity.assumptions;
        let mut lines: Vec<Line> = FIELDS
            .iter()
            .map(|(f, label)| self.field_line(*f, label, "", w))
            .collect();
        let (basis, label) = match app.selected() {
            Field::StayDays => (&a.stay_days.basis, a.stay_days.label()),
            Field::DetainedShare => (&a.detained_share.basis, a.detained_share.label()),
            Field::Beds => (&a.beds.basis, a.beds.label()),
            Field::Officers => (&a.officers.basis, a.officers.label()),
            _ => (&a.at_large_share.basis, a.at_large_share.label()),
        };
        lines.push(Line::styled(format!("{label}: {basis}"), t.hint()));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }

    /// The results: beds, the pace they sustain, officers, at large, the record; each
    /// line fits the narrowest panel (34 columns).
    fn capacity_results(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let c = &app.derived().capacity;
        let fig = |s: String| Span::styled(s, t.figure());
        let mut lines = vec![Line::from(vec![
            Span::raw("Beds needed "),
            fig(c
                .beds_needed
                .map_or_else(|| "too many".into(), |b| b.display(1))),
        ])];
        if let Some(m) = c.beds_multiple {
            let short = c.beds_short.filter(|s| s.value.units() > 0).map_or_else(
                || ": enough".to_string(),
                |s| format!(", {} short", s.display(0)),
            );
            lines.push(Line::raw(format!(
                "= {} funded{short}",
                format_multiple(Some(m))
            )));
        }
        lines.push(Line::from(vec![
            Span::raw("Beds sustain "),
            fig(c
                .sustainable_daily
                .map_or_else(|| "any number".into(), |s| s.display(2))),
            Span::raw(" a day"),
        ]));
        if let Some((target, exact)) = c.sustainable_per_office {
            lines.push(Line::raw(format!(
                "= {}{target} per office (t sets)",
                if exact { "" } else { "~" }
            )));
        }
        if let Some(p) = c.arrests_per_officer_per_day {
            let past = c
                .latest_year_per_officer
                .as_ref()
                .map_or_else(String::new, |y| {
                    format!(
                        "; FY{} {}",
                        y.fiscal_year % 100,
                        format_f64(y.per_officer.unwrap_or_default(), 3)
                    )
                });
            lines.push(Line::raw(format!("Per officer {}/day{past}", p.display(4))));
        }
        if let Some(p) = c.at_large_daily {
            let past = c.at_large_fy2024.as_ref().map_or_else(String::new, |y| {
                format!("; FY{} {}", y.fiscal_year % 100, format_f64(y.per_day, 1))
            });
            lines.push(Line::raw(format!("At large {}/day{past}", p.display(2))));
        }
        if let (Some(p), Some(m)) = (&c.observed.peak, c.peak_multiple) {
            lines.push(Line::raw(format!(
                "= {} the {} peak",
                format_multiple(Some(m)),
                p.month.strftime("%b %Y")
            )));
        }
        if let Some(r) = &c.ramp {
            let fill = match r.day_beds_fill {
                Some(0) => "full at the start".to_string(),
                Some(d) => format!("fill on day {d}"),
                None => "never fill".to_string(),
            };
            lines.push(Line::raw(format!("{}-week ramp: beds {fill}", r.weeks)));
        }
        lines.push(Line::styled(crate::capacity::CAVEAT, t.hint()));
        Paragraph::new(lines)
            .block(Block::bordered().title(Span::styled(" What it would take ", t.title())))
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }

    /// People held each month (observed) against the funded beds and the beds needed.
    fn capacity_chart(&self, area: Rect, buf: &mut Buffer) {
        use ratatui::symbols::Marker;
        use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition};
        let t = self.theme;
        let c = &self.app.derived().capacity;
        let months = &c.observed.monthly;
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let held: Vec<(f64, f64)> = months
            .iter()
            .enumerate()
            .map(|(i, (_, v))| (i as f64, v.to_f64()))
            .collect();
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let last = months.len().saturating_sub(1).max(1) as f64;
        let beds = amount_f64(c.beds);
        let needed = c.beds_needed.map_or(0.0, |n| n.value.to_f64());
        let funded = [(0.0, beds), (last, beds)];
        let need = [(0.0, needed), (last, needed)];
        let peak = held.iter().map(|p| p.1).fold(0.0, f64::max);
        let top = (peak.max(beds).max(needed) * 1.1).max(1.0);
        let needed_name = format!(
            "█ needed {} (scenario)",
            c.beds_needed.map_or_else(|| "?".into(), |n| n.display(0))
        );
        let funded_name = format!(
            "• funded {} (reported)",
            group_thousands(u128::from(c.beds))
        );
        let datasets = vec![
            Dataset::default()
                .name(needed_name)
                .marker(Marker::Block)
                .graph_type(GraphType::Line)
                .style(t.scenario_bar())
                .data(&need),
            Dataset::default()
                .name(funded_name)
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(t.figure())
                .data(&funded),
            Dataset::default()
                .name("⣿ held, monthly (official)")
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(t.bar(Confidence::Official))
                .data(&held),
        ];
        let month = |i: usize| {
            months
                .get(i)
                .map_or_else(String::new, |(m, _)| m.strftime("%b %Y").to_string())
        };
        Chart::new(datasets)
            .block(
                Block::bordered()
                    .title(Span::styled(" People held by month, and beds ", t.title())),
            )
            .x_axis(
                Axis::default()
                    .bounds([0.0, last])
                    .labels([month(0), month(months.len().saturating_sub(1))]),
            )
            .y_axis(
                Axis::default()
                    .bounds([0.0, top])
                    .labels([Line::raw("0"), Line::raw(big(top))]),
            )
            .legend_position(Some(LegendPosition::BottomRight))
            .hidden_legend_constraints((Constraint::Percentage(90), Constraint::Percentage(70)))
            .render(area, buf);
    }
}

#[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
fn amount_f64(n: u64) -> f64 {
    n as f64
}

/// An axis label: whole numbers, or e-notation from 1e9 up.
fn big(x: f64) -> String {
    if x >= 1e9 {
        format!("{x:.1e}")
    } else {
        format_f64(x, 0)
    }
}
