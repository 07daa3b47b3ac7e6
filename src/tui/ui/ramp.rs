//! The Ramp tab: a linear ramp-up and the cumulative chart.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::Screen;
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
        self.fitted(&lines, inner, buf);

        self.ramp_chart(right, buf);
    }
}
