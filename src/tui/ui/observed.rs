//! The Observed tab: a records file's fiscal years, pace and offices; the weekly pace chart.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{Screen, truncate};
use crate::data::Confidence;
use crate::number::{format_f64, group_thousands};

impl Screen<'_> {
    pub(super) fn observed_tab(&self, area: Rect, buf: &mut Buffer) {
        use crate::tui::app::RecordsStatus;
        use ratatui::widgets::Gauge;
        let t = self.theme;
        let app = self.app;
        let left_width = (area.width * 2 / 5).max(34).min(area.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(area);
        let [chart, offices] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(right);
        self.weekly(chart, buf);
        let block = Block::bordered().title(Span::styled(" Fiscal years ", t.title()));
        let inner = block.inner(left);
        block.render(left, buf);
        let [status, table] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
        match &app.records_status() {
            RecordsStatus::Loading(done, total) => {
                #[expect(clippy::cast_precision_loss, reason = "a progress ratio")]
                let ratio = if *total > 0 {
                    (*done as f64 / *total as f64).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                Gauge::default()
                    .ratio(ratio)
                    .label(format!("reading records {:.0}%", ratio * 100.0))
                    .gauge_style(t.figure())
                    .render(
                        Rect {
                            height: 1,
                            ..status
                        },
                        buf,
                    );
            }
            RecordsStatus::Failed(e) => {
                Paragraph::new(format!("Records not read: {e}"))
                    .style(t.error())
                    .wrap(Wrap { trim: true })
                    .render(status, buf);
            }
            RecordsStatus::None => {
                Paragraph::new(
                    "No records file (--records FILE): the bundled 2025 weeks are shown.",
                )
                .style(t.hint())
                .wrap(Wrap { trim: true })
                .render(status, buf);
            }
            RecordsStatus::Loaded => {
                if let Some(agg) = &app.records() {
                    Paragraph::new(format!(
                        "{} records read, {} counted (derived from the file)",
                        group_thousands(u128::from(agg.stats.rows_read)),
                        group_thousands(u128::from(agg.stats.rows_counted))
                    ))
                    .style(t.hint())
                    .wrap(Wrap { trim: true })
                    .render(status, buf);
                }
            }
        }
        let mut lines = vec![Line::styled(
            format!("{:<7} {:>9}   {:>11}", "FY", "agency", "in the file"),
            t.title(),
        )];
        for row in &app.derived().fiscal_rows {
            let official = row
                .agency
                .map_or_else(String::new, |(arrests, confidence)| {
                    let tag = match confidence {
                        Confidence::Official => "  ",
                        Confidence::Derived => " d",
                        Confidence::Reported => " r",
                    };
                    format!("{:>9}{tag}", group_thousands(u128::from(arrests)))
                });
            let file = row.file.map_or_else(String::new, |(count, partial)| {
                format!(
                    "{}{}",
                    group_thousands(u128::from(count)),
                    if partial { "*" } else { " " }
                )
            });
            lines.push(Line::raw(format!(
                "FY{:<5} {official:>11} {file:>11}",
                row.year
            )));
        }
        lines.push(Line::styled(
            "agency: official figures (d: derived, r: reported); in the file: counted from its rows (derived); *: the file covers part of the year",
            t.hint(),
        ));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(table, buf);

        let mut rows = vec![Line::styled(
            format!(
                "{:<10} {:>9} {:>8} {:>8}",
                "office", "observed", "target", "stretch"
            ),
            t.title(),
        )];
        if app.derived().stretch.is_empty() {
            rows.push(Line::styled(
                "Per-office paces need a records file with an office column (--records FILE).",
                t.hint(),
            ));
        }
        for s in &app.derived().stretch {
            rows.push(Line::raw(format!(
                "{:<10} {:>9} {:>8} {:>8}",
                truncate(&s.label, 10),
                format_f64(s.observed, 1),
                s.target.map_or_else(|| "-".to_string(), |t| t.to_string()),
                s.factor
                    .map_or_else(|| "-".to_string(), |f| format!("{}x", format_f64(f, 1)))
            )));
        }
        Paragraph::new(rows)
            .block(Block::bordered().title(Span::styled(
                if offices.width >= 80 {
                    " Each office: observed a day vs its target (stretch = target met / observed) "
                } else {
                    " Offices: observed a day vs target "
                },
                t.title(),
            )))
            .render(offices, buf);
    }
}
