//! The Scenario tab: parameters, results and the history of fiscal years.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Screen;
use crate::data::Confidence;
use crate::model::format_multiple;
use crate::number::{format_f64, group_thousands};
use crate::tui::theme::bar_char;

impl Screen<'_> {
    // ---- Scenario tab -------------------------------------------------------------

    pub(super) fn scenario_tab(&self, area: Rect, buf: &mut Buffer) {
        let left_width = if area.width >= 120 {
            area.width * 2 / 5
        } else {
            area.width * 53 / 100
        };
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(area);
        let [params, results] =
            Layout::vertical([Constraint::Length(8), Constraint::Fill(1)]).areas(left);
        self.parameters(params, buf);
        self.results(results, buf);
        // Tall screens also show the observed 2025 weekly pace under the history.
        let history_rows = u16::try_from(self.app.outcome().comparisons.len()).unwrap_or(u16::MAX);
        let pace_row = u16::from(self.app.outcome().latest_official_pace.is_some());
        let history_h = history_rows.saturating_add(4 + pace_row);
        if self.app.outcome().observed.is_some() && right.height >= history_h + 14 {
            let [top, bottom] =
                Layout::vertical([Constraint::Length(history_h), Constraint::Fill(1)]).areas(right);
            self.history(top, buf);
            self.weekly(bottom, buf);
        } else {
            self.history(right, buf);
        }
    }

    pub(super) fn results(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let o = &app.outcome();
        let s = &app.scenario();
        let block = Block::bordered().title(Span::styled(" Results ", t.title()));
        let daily = o.daily_total.display(2);
        let annual = o.annual_total.display(2);
        let width = daily.len().max(annual.len());
        let mut lines = vec![
            Line::from(vec![
                Span::raw("Daily total  "),
                Span::styled(format!("{daily:>width$}"), t.figure()),
                Span::raw(" a day"),
            ]),
            Line::from(vec![
                Span::raw("Annual total "),
                Span::styled(format!("{annual:>width$}"), t.figure()),
                Span::raw(" a year"),
            ]),
        ];
        let formula = s.formula();
        lines.push(Line::styled(
            format!("= {formula}; x {} days", s.days),
            t.hint(),
        ));
        let mut checks = o.quota_checks.iter().filter_map(|c| {
            app.data().quota(&c.quota_id).map(|q| {
                Line::from(vec![
                    Span::styled("Quota: ", t.title()),
                    Span::raw(
                        crate::text::escape_controls(&format!("{} ({})", c.sentence(q), q.outlet))
                            .into_owned(),
                    ),
                ])
            })
        });
        lines.extend(checks.next());
        for (label, index) in [
            ("latest", o.latest_official),
            ("highest", o.highest_official),
        ] {
            if let Some(c) = index.and_then(|i| o.comparisons.get(i)) {
                lines.push(Line::from(vec![
                    Span::raw("= "),
                    Span::styled(format_multiple(c.multiple), t.figure()),
                    Span::raw(format!(" FY{} ({label} year)", c.fiscal_year)),
                ]));
            }
        }
        if let Some(p) = &o.latest_official_pace {
            lines.push(Line::raw(p.comparison_sentence(o.daily_total)));
            lines.push(Line::styled(p.pace_sentence(), t.hint()));
        }
        if let Some(r) = &o.rank {
            let words = r.standing().words();
            lines.push(Line::raw(format!(
                "Rank {} of {}: {words}",
                r.position, r.of
            )));
        }
        if let Some(p) = &o.observed {
            lines.push(Line::raw(format!(
                "2025 observed: {}/day avg ({}), peak week {}/day ({})",
                format_f64(p.average_per_day, 1),
                format_multiple(p.multiple_of_average),
                format_f64(p.peak_per_day, 1),
                format_multiple(p.multiple_of_peak)
            )));
        }
        lines.extend(checks);
        if !o.quota_checks.is_empty()
            && let Some(c) = app.data().quota_counter_statement()
        {
            lines.push(Line::styled(c.sentence(), t.hint()));
        }
        for (r, c) in app.data().reference.iter().zip(&o.references) {
            lines.push(Line::styled(
                format!(
                    "vs {} ({}, {}): {}",
                    crate::text::escape_controls(&r.label),
                    group_thousands(u128::from(r.value)),
                    r.confidence.label(),
                    format_multiple(c.multiple)
                ),
                t.hint(),
            ));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let scroll = Some(app.scroll(crate::tui::app::Tab::Scenario));
        Paragraph::new(super::fit(&lines, inner, scroll, t.hint())).render(inner, buf);
    }

    pub(super) fn history(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let o = &self.app.outcome();
        let title = if area.width >= 60 {
            " Arrests per fiscal year, and the scenario's annual total "
        } else {
            " Arrests a year "
        };
        let block = Block::bordered().title(Span::styled(title, t.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width < 10 || inner.height < 2 {
            return;
        }
        let wide = inner.width >= 70;
        let scenario_value = o.annual_total.display(0);
        let mut rows: Vec<(String, f64, String, Option<Confidence>, String)> = o
            .comparisons
            .iter()
            .map(|c| {
                (
                    format!("FY{}", c.fiscal_year),
                    crate::number::Amount::whole(c.arrests).to_f64(),
                    group_thousands(u128::from(c.arrests)),
                    Some(c.confidence),
                    format_multiple(c.multiple),
                )
            })
            .collect();
        rows.push((
            "Scenario".into(),
            o.annual_total.to_f64(),
            scenario_value,
            None,
            String::new(),
        ));
        let max = rows.iter().map(|r| r.1).fold(0.0_f64, f64::max);
        let value_w = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
        let tail_w = if wide { 9 + 1 + 9 } else { 0 };
        let bar_w = (inner.width as usize).saturating_sub(8 + 1 + 1 + value_w + tail_w);
        // Legend (and the official pace's reference line) go on the last lines; rows fill
        // the rest (the scenario row always shows).
        let pace_line = self.pace_reference(inner);
        let footer = 1 + usize::from(pace_line.is_some());
        let room = (inner.height as usize).saturating_sub(footer).max(1);
        let skip = rows.len().saturating_sub(room);
        let mut lines: Vec<Line> = Vec::new();
        for (i, (label, value, shown, conf, multiple)) in rows.iter().enumerate() {
            if i < skip {
                continue;
            }
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss,
                reason = "a bar length in cells, from a ratio in 0..=1"
            )]
            let len = if max > 0.0 {
                ((value / max) * bar_w as f64).round() as usize
            } else {
                0
            };
            let style = conf.map_or_else(|| t.scenario_bar(), |c| t.bar(c));
            let label_style = if conf.is_none() { t.title() } else { t.label() };
            let mut spans = vec![
                Span::styled(format!("{label:<8} "), label_style),
                Span::styled(bar_char(*conf).to_string().repeat(len), style),
                Span::raw(" ".repeat(bar_w - len + 1)),
                Span::styled(format!("{shown:>value_w$}"), label_style),
            ];
            if wide {
                let word = conf.map_or("scenario", Confidence::label);
                spans.push(Span::styled(format!(" {word:<9}"), t.hint()));
                spans.push(Span::raw(format!("{multiple:>9}")));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::styled(
            format!(
                "{} official  {} derived  {} reported",
                bar_char(Some(Confidence::Official)),
                bar_char(Some(Confidence::Derived)),
                bar_char(Some(Confidence::Reported)),
            ),
            t.hint(),
        ));
        lines.extend(pace_line);
        if skip > 0 {
            lines.insert(
                0,
                Line::styled(format!("({skip} earlier years not shown)"), t.hint()),
            );
            lines.remove(1);
        }
        Paragraph::new(lines).render(inner, buf);
    }

    /// The official pace's reference line under the arrest years (book-ins are their
    /// own measure: a labelled line, never a year bar), cut with `…` to `inner`'s width.
    fn pace_reference(&self, inner: Rect) -> Option<Line<'static>> {
        let t = self.theme;
        self.app
            .outcome()
            .latest_official_pace
            .as_ref()
            .filter(|_| inner.height >= 3)
            .map(|p| {
                super::overlays::clip_line(
                    Line::from(vec![
                        Span::styled("◆ ", t.title()),
                        Span::styled(p.reference_label(), t.hint()),
                    ]),
                    inner.width as usize,
                )
            })
    }
}
