//! The Ramp tab: a linear ramp-up and the cumulative chart.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::Screen;
use crate::data::Confidence;
use crate::number::format_f64;
use crate::tui::app::Field;

impl Screen<'_> {
    // ---- Ramp tab -----------------------------------------------------------------

    pub(super) fn ramp_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let r = &app.derived().ramp;
        let left_width = (area.width * 2 / 5).max(34).min(area.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(area);
        let block = Block::bordered().title(Span::styled(" Ramp-up ", t.title()));
        let inner = block.inner(left);
        block.render(left, buf);
        let w = inner.width as usize;
        let mut lines = vec![
            self.field_line(Field::RampWeeks, "Ramp-up weeks", "", w),
            self.field_line(Field::Offices, "Offices", "", w),
            self.field_line(Field::PerOffice, "Per-office target", " a day", w),
            self.field_line(Field::Attainment, "Attainment", " met", w),
            self.field_line(Field::Days, "Days per year", "", w),
            Line::raw(""),
            Line::raw(format!("From {}", r.baseline_label)),
            Line::raw(format!(
                "to {} a day over {} weeks, linearly.",
                app.outcome().daily_total.display(2),
                r.weeks
            )),
            Line::raw(""),
        ];
        lines.push(Line::from(vec![
            Span::raw("With the ramp: "),
            Span::styled(
                format!("about {}", format_f64(r.total_with_ramp, 0)),
                t.figure(),
            ),
        ]));
        lines.push(Line::from(vec![
            Span::raw("Flat from day 1: "),
            Span::styled(format_f64(r.total_flat, 0), t.figure()),
        ]));
        lines.push(Line::raw(format!(
            "Difference: about {} fewer",
            format_f64(r.shortfall(), 0)
        )));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);

        self.ramp_chart(right, buf);
    }

    /// Cumulative arrests by day: the ramp, the flat pace and past years' paces.
    pub(super) fn ramp_chart(&self, right: Rect, buf: &mut Buffer) {
        use ratatui::symbols::Marker;
        use ratatui::widgets::{Axis, Chart, Dataset, GraphType};
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
        let flat = [(0.0, 0.0), (days, r.total_flat)];
        let o = &app.outcome();
        let past: Vec<(String, [(f64, f64); 2])> = [o.latest_official, o.highest_official]
            .iter()
            .flatten()
            .filter_map(|i| o.comparisons.get(*i))
            .map(|c| {
                (
                    format!(
                        "FY{} pace ({}/day)",
                        c.fiscal_year,
                        format_f64(c.daily_average, 1)
                    ),
                    [(0.0, 0.0), (days, c.daily_average * days)],
                )
            })
            .collect();
        let top = r
            .total_flat
            .max(past.iter().map(|p| p.1[1].1).fold(0.0, f64::max))
            .max(1.0);
        let mut datasets = vec![
            Dataset::default()
                .name("with the ramp")
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(t.scenario_bar())
                .data(&ramp),
            Dataset::default()
                .name("flat from day 1")
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(t.figure())
                .data(&flat),
        ];
        for (name, line) in &past {
            datasets.push(
                Dataset::default()
                    .name(name.clone())
                    .marker(Marker::Dot)
                    .graph_type(GraphType::Line)
                    .style(t.bar(Confidence::Official))
                    .data(line),
            );
        }
        Chart::new(datasets)
            .block(Block::bordered().title(Span::styled(
                " Cumulative arrests by day of the year ",
                t.title(),
            )))
            .x_axis(
                Axis::default()
                    .bounds([0.0, days])
                    .labels(["day 0".to_string(), format!("day {}", app.scenario().days)]),
            )
            .y_axis(
                Axis::default()
                    .bounds([0.0, top])
                    .labels([Line::raw("0"), Line::raw(format_f64(top, 0))]),
            )
            .legend_position(Some(ratatui::widgets::LegendPosition::TopLeft))
            .hidden_legend_constraints((Constraint::Percentage(70), Constraint::Percentage(60)))
            .render(right, buf);
    }
}
