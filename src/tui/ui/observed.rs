//! The Observed tab: a records file's fiscal years, pace and offices; the weekly pace chart.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::Screen;
use crate::data::Confidence;
use crate::number::{format_f64, group_thousands};
use crate::records::{Days, Window};

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
        // Room for the status sentence wrapped at this width (a narrow panel needs 3).
        let status_rows = if inner.width >= 50 { 2 } else { 3 };
        let [status, table] =
            Layout::vertical([Constraint::Length(status_rows), Constraint::Fill(1)]).areas(inner);
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
                let line = Line::styled(format!("Records not read: {e}"), t.error());
                self.fitted(&[line], status, buf);
            }
            RecordsStatus::None => {
                let line = Line::styled(
                    "No records file (--records FILE): the bundled 2025 weeks are shown.",
                    t.hint(),
                );
                self.fitted(&[line], status, buf);
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
        for line in &app.derived().at_large {
            lines.push(Line::styled(
                crate::text::escape_controls(line).into_owned(),
                t.hint(),
            ));
        }
        let scroll = app.scroll(crate::tui::app::Tab::Observed);
        Paragraph::new(super::fit(&lines, table, Some(scroll), t.hint())).render(table, buf);

        self.office_table(offices, scroll, buf);
    }

    /// Each office's observed pace against its target: a table that scrolls with
    /// PgUp/PgDn, with a scrollbar and "rows a-b of n" when it does not fit.
    fn office_table(&self, area: Rect, scroll: usize, buf: &mut Buffer) {
        use ratatui::widgets::{
            Cell, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Table,
            TableState,
        };
        let t = self.theme;
        let stretch = &self.app.derived().stretch;
        let width = usize::from(area.width.saturating_sub(2));
        let title = if area.width >= 100 {
            " Each office: observed a day vs its target (stretch = target met / observed) "
        } else {
            " Offices: observed a day vs target "
        };
        let title = crate::text::clip(title, width).into_owned();
        let mut block = Block::bordered().title(Span::styled(title, t.title()));
        let inner = block.inner(area);
        if stretch.is_empty() {
            let note = Line::styled(
                "Per-office paces need a records file with an office column (--records FILE).",
                t.hint(),
            );
            Paragraph::new(super::fit(&[note], inner, None, t.hint()))
                .block(block)
                .render(area, buf);
            return;
        }
        // The first row names the days averaged over; the table has the rest.
        let [caption, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        if let Some((window, days)) = self.app.derived().observed_days {
            Paragraph::new(Line::styled(averaged_over(window, days, width), t.hint()))
                .render(caption, buf);
        }
        let page = usize::from(body.height.saturating_sub(1));
        let offset = scroll.min(stretch.len().saturating_sub(page));
        if stretch.len() > page {
            block = block.title_bottom(Span::styled(
                format!(
                    " offices {}-{} of {} (PgUp/PgDn) ",
                    offset + 1,
                    (offset + page).min(stretch.len()),
                    stretch.len()
                ),
                t.hint(),
            ));
        }
        block.render(area, buf);
        let rows = stretch.iter().map(|s| {
            Row::new([
                Cell::from(
                    crate::text::clip(&crate::text::escape_controls(&s.label), 10).into_owned(),
                ),
                Cell::from(Line::raw(format_f64(s.observed, 1)).right_aligned()),
                Cell::from(
                    Line::raw(s.target.map_or_else(|| "-".to_string(), |t| t.to_string()))
                        .right_aligned(),
                ),
                Cell::from(
                    Line::raw(
                        s.factor
                            .map_or_else(|| "-".to_string(), |f| format!("{}x", format_f64(f, 1))),
                    )
                    .right_aligned(),
                ),
            ])
        });
        let table = Table::new(
            rows,
            [
                Constraint::Length(10),
                Constraint::Length(9),
                Constraint::Length(8),
                Constraint::Length(8),
            ],
        )
        .header(Row::new(["office", "observed", "target", "stretch"]).style(t.title()));
        let mut state = TableState::default().with_offset(offset);
        StatefulWidget::render(table, body, buf, &mut state);
        if stretch.len() > page {
            let mut bar = ScrollbarState::new(stretch.len().saturating_sub(page)).position(offset);
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(
                // The border's column, beside the table's rows (its header too).
                Rect {
                    x: area.x,
                    width: area.width,
                    ..body
                },
                buf,
                &mut bar,
            );
        }
    }
}

/// The days the observed averages are taken over, in the longest wording that fits
/// `width`: "Averaged over the last 12 weeks: 2025-05-16 to 2025-08-07, 84 days (a:
/// change)" down to "last 12 weeks, 84 days to 2025-08-07".
fn averaged_over(window: Window, days: Days, width: usize) -> String {
    let name = window.name();
    let bare = name.trim_start_matches("the ");
    let described = days.describe();
    let n = days.count();
    let candidates = [
        format!("Averaged over {name}: {described} (a: change)"),
        format!("Averaged over {name}: {described}"),
        format!("{bare}: {described}"),
        format!(
            "{bare}, {n} day{} to {}",
            if n == 1 { "" } else { "s" },
            crate::records::iso(days.last)
        ),
    ];
    let fits = |c: &&String| c.chars().count() <= width;
    let chosen = candidates
        .iter()
        .find(fits)
        .unwrap_or(&candidates[candidates.len() - 1]);
    crate::text::clip(chosen, width).into_owned()
}
