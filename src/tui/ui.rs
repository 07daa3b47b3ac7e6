//! Drawing. Everything here reads the [`App`]; nothing computes or changes a figure.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Field, Overlay, Tab};
use super::keys::{self, BINDINGS, Mode};
use super::theme::{Theme, bar_char};
use crate::data::{Confidence, QuotaKind};
use crate::model::format_multiple;
use crate::number::{format_f64, group_thousands};

/// Smallest terminal the layout is drawn in.
pub const MIN_WIDTH: u16 = 60;
/// Smallest terminal height the layout is drawn in.
pub const MIN_HEIGHT: u16 = 18;

/// The whole screen: the app's state drawn in a theme.
pub struct Screen<'a> {
    /// The state.
    pub app: &'a App,
    /// The styles.
    pub theme: Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            self.too_small(area, buf);
            return;
        }
        let [top, body, status, source, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        if self.app.presenting {
            let [main, last] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
            self.presentation(main, buf);
            self.status(last, buf);
        } else {
            self.tabs(top, buf);
            match self.app.tab {
                Tab::Scenario => self.scenario_tab(body, buf),
                Tab::Offices => self.offices_tab(body, buf),
                Tab::Explain => self.explain_tab(body, buf),
                Tab::Goal => self.goal_tab(body, buf),
                Tab::Grid => self.grid_tab(body, buf),
                Tab::Ramp => self.ramp_tab(body, buf),
                Tab::Observed => self.observed_tab(body, buf),
            }
            self.status(status, buf);
            self.source_line(source, buf);
            self.footer(footer, buf);
        }
        match self.app.overlay {
            Some(Overlay::Help) => self.help(area, buf),
            Some(Overlay::Sources) => self.sources(area, buf),
            Some(Overlay::Saved) => self.saved(area, buf),
            Some(Overlay::Compare) => self.compare(area, buf),
            None => {}
        }
    }
}

impl Screen<'_> {
    fn too_small(&self, area: Rect, buf: &mut Buffer) {
        let text = format!(
            "terminal too small: need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}",
            area.width, area.height
        );
        Paragraph::new(text)
            .style(self.theme.error())
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }

    fn tabs(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let tabs_width: usize = Tab::ALL.iter().map(|t| t.title().len() + 4).sum();
        let title = " arrest-scenarios ";
        let mut spans = Vec::new();
        let mut used = 0;
        if tabs_width + title.len() < area.width as usize {
            spans.push(Span::styled(title, t.title()));
            spans.push(Span::raw(" "));
            used = title.len() + 1;
        }
        for (i, tab) in Tab::ALL.iter().enumerate() {
            let text = format!("{} {}", i + 1, tab.title());
            used += text.len() + 2;
            if *tab == self.app.tab {
                spans.push(Span::styled(format!("[{text}]"), t.selected()));
            } else {
                spans.push(Span::styled(format!(" {text} "), t.label()));
            }
        }
        let hint = "  Tab: switch  ?: help";
        if used + hint.len() <= area.width as usize {
            spans.push(Span::styled(hint, t.hint()));
        }
        Line::from(spans).render(area, buf);
    }

    // ---- Scenario tab -------------------------------------------------------------

    fn scenario_tab(&self, area: Rect, buf: &mut Buffer) {
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
        let history_rows = u16::try_from(self.app.outcome.comparisons.len()).unwrap_or(u16::MAX);
        let history_h = history_rows.saturating_add(4);
        if self.app.outcome.observed.is_some() && right.height >= history_h + 14 {
            let [top, bottom] =
                Layout::vertical([Constraint::Length(history_h), Constraint::Fill(1)]).areas(right);
            self.history(top, buf);
            self.weekly(bottom, buf);
        } else {
            self.history(right, buf);
        }
    }

    /// The observed 2025 weekly pace against the scenario's daily total and the
    /// reported daily quotas.
    fn weekly(&self, area: Rect, buf: &mut Buffer) {
        use ratatui::symbols::Marker;
        use ratatui::widgets::{Axis, Chart, Dataset, GraphType};
        let t = self.theme;
        let app = self.app;
        let weeks = &app.pace.1;
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
        let daily = app.outcome.daily_total.to_f64();
        let scenario = [(0.0, daily), (end, daily)];
        let quota_levels: Vec<f64> = app
            .outcome
            .quota_checks
            .iter()
            .filter(|c| c.basis == crate::model::Basis::PerDay)
            .flat_map(|c| [c.low.to_f64(), c.high.to_f64()])
            .collect();
        let quota_lines: Vec<[(f64, f64); 2]> =
            quota_levels.iter().map(|&y| [(0.0, y), (end, y)]).collect();
        let top = pace
            .iter()
            .map(|p| p.1)
            .chain([daily])
            .chain(quota_levels.iter().copied())
            .fold(0.0_f64, f64::max)
            * 1.1;
        let top = if top > 0.0 { top } else { 1.0 };
        let mut datasets = vec![
            Dataset::default()
                .name(app.pace.0.clone())
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(t.bar(Confidence::Derived))
                .data(&pace),
            Dataset::default()
                .name(format!(
                    "scenario {}/day",
                    app.outcome.daily_total.display(0)
                ))
                .marker(Marker::HalfBlock)
                .graph_type(GraphType::Line)
                .style(t.scenario_bar())
                .data(&scenario),
        ];
        for (i, line) in quota_lines.iter().enumerate() {
            let d = Dataset::default()
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(t.hint())
                .data(line);
            datasets.push(if i == 0 {
                d.name("reported quotas (per day)")
            } else {
                d
            });
        }
        let y_labels: Vec<Line> = [0.0, top / 2.0, top]
            .iter()
            .map(|v| Line::raw(format_f64(*v, 0)))
            .collect();
        Chart::new(datasets)
            .block(Block::bordered().title(Span::styled(
                if app.pace_period == crate::records::Period::Month && app.records.is_some() {
                    " Observed arrests per day, by month, against the scenario "
                } else {
                    " Observed arrests per day, by week, against the scenario "
                },
                t.title(),
            )))
            .x_axis(
                Axis::default()
                    .bounds([0.0, end])
                    .labels([first.0.clone(), last.0.clone()]),
            )
            .y_axis(Axis::default().bounds([0.0, top]).labels(y_labels))
            .legend_position(Some(ratatui::widgets::LegendPosition::TopLeft))
            .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)))
            .render(area, buf);
    }

    fn field_line(&self, field: Field, label: &str, unit: &str, width: usize) -> Line<'static> {
        let t = self.theme;
        let selected = self.app.selected() == field;
        let editing = self.app.edit.as_ref().filter(|e| e.field == field);
        let marker = if selected { "> " } else { "  " };
        let value = match editing {
            Some(e) => format!("{}_", e.buffer),
            None => self.app.value_text(field),
        };
        let label_text = format!("{marker}{label:<18}");
        let row_style = if selected { t.selected() } else { t.label() };
        let value_style = if editing.is_some() {
            t.editing()
        } else if selected {
            t.selected()
        } else {
            t.figure()
        };
        let unit_text = if editing.is_some() { " typing" } else { unit };
        let used = label_text.chars().count() + value.chars().count() + unit_text.chars().count();
        let pad = " ".repeat(width.saturating_sub(used));
        Line::from(vec![
            Span::styled(label_text, row_style),
            Span::styled(value, value_style),
            Span::styled(format!("{unit_text}{pad}"), row_style),
        ])
    }

    fn parameters(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let block = Block::bordered().title(Span::styled(" Parameters ", t.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        let w = inner.width as usize;
        let mut lines = vec![
            self.field_line(Field::Offices, "Offices", "", w),
            self.field_line(Field::PerOffice, "Per-office target", " a day", w),
            self.field_line(Field::Attainment, "Attainment", " met", w),
            self.field_line(Field::Days, "Days per year", "", w),
        ];
        lines.extend(self.preset_lines());
        Paragraph::new(lines).render(inner, buf);
    }

    /// The active preset in two lines: what it sets, and who reported it.
    fn preset_lines(&self) -> [Line<'static>; 2] {
        let t = self.theme;
        let app = self.app;
        match app.preset {
            Some(i) => {
                let p = &app.presets[i];
                let source = app
                    .data
                    .quota(&p.quota_id)
                    .and_then(|q| app.data.source(&q.source_id))
                    .map_or_else(String::new, |s| s.short.clone());
                [
                    Line::styled(
                        format!("Preset {}/{}: {}", i + 1, app.presets.len(), p.what),
                        t.hint(),
                    ),
                    Line::styled(format!("  reported by {source}"), t.hint()),
                ]
            }
            None if !app.scenario.overrides.is_empty() => [
                Line::styled(
                    format!(
                        "Preset: none ({} office targets changed)",
                        app.scenario.overrides.len()
                    ),
                    t.hint(),
                ),
                Line::raw(""),
            ],
            None => [
                Line::styled("Preset: none (p loads one)", t.hint()),
                Line::raw(""),
            ],
        }
    }

    fn results(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let o = &app.outcome;
        let s = &app.scenario;
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
            app.data.quota(&c.quota_id).map(|q| {
                Line::from(vec![
                    Span::styled("Quota: ", t.title()),
                    Span::raw(format!("{} ({})", c.sentence(q), q.outlet)),
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
        if let Some(r) = &o.rank {
            let words = match r.standing() {
                crate::model::Standing::AboveAll(_) => "above every official year".to_string(),
                crate::model::Standing::Above(y) => format!("highest year exceeded: FY{y}"),
                crate::model::Standing::BelowAll => "below every official year".to_string(),
            };
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
        for (r, c) in app.data.reference.iter().zip(&o.references) {
            lines.push(Line::styled(
                format!(
                    "vs {} ({}, {}): {}",
                    r.label,
                    group_thousands(u128::from(r.value)),
                    r.confidence.label(),
                    format_multiple(c.multiple)
                ),
                t.hint(),
            ));
        }
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }

    fn history(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let o = &self.app.outcome;
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
        // Legend goes on the last line; rows fill the rest (the scenario row always shows).
        let room = (inner.height as usize).saturating_sub(1).max(1);
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
        if skip > 0 {
            lines.insert(
                0,
                Line::styled(format!("({skip} earlier years not shown)"), t.hint()),
            );
            lines.remove(1);
        }
        Paragraph::new(lines).render(inner, buf);
    }

    // ---- Offices tab --------------------------------------------------------------

    fn offices_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let s = &app.scenario;
        let o = &app.outcome;
        let block = Block::bordered().title(Span::styled(
            " Field offices: each office's daily target ",
            t.title(),
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let listed = app.data.offices.len();
        let active = usize::try_from(s.offices).unwrap_or(usize::MAX);
        let mut header = vec![Line::from(vec![
            Span::raw("Daily total "),
            Span::styled(o.daily_total.display(2), t.figure()),
            Span::raw("   Annual total "),
            Span::styled(o.annual_total.display(2), t.figure()),
        ])];
        let out: Vec<&str> = app
            .office_lines
            .iter()
            .filter(|l| !l.active)
            .filter_map(|l| l.code.as_deref())
            .collect();
        header.push(Line::raw(match active.cmp(&listed) {
            std::cmp::Ordering::Less => format!(
                "{active} of {listed} offices count; not counted: {}",
                out.join(", ")
            ),
            std::cmp::Ordering::Greater => format!(
                "All {listed} offices count, plus {} hypothetical offices at {} a day",
                group_thousands(u128::from(s.offices) - listed as u128),
                s.per_office
            ),
            std::cmp::Ordering::Equal => format!("All {listed} offices count"),
        }));
        let header_h = u16::try_from(header.len()).unwrap_or(0);
        let [head_area, list_area] =
            Layout::vertical([Constraint::Length(header_h), Constraint::Fill(1)]).areas(inner);
        Paragraph::new(header).render(head_area, buf);

        let w = list_area.width as usize;
        let mut rows: Vec<Line> = vec![
            self.field_line(Field::Offices, "Number of offices", "", w),
            self.field_line(Field::PerOffice, "Uniform target", " a day", w),
        ];
        for (i, (line, office)) in app.office_lines.iter().zip(&app.data.offices).enumerate() {
            rows.push(self.office_line(i, office, line, w));
        }
        let extra_lines = &app.office_lines[app.data.offices.len().min(app.office_lines.len())..];
        for line in extra_lines {
            rows.push(Line::styled(
                format!(
                    "  {:<4} {:<22} {:>10} a day  hypothetical",
                    "+", line.name, line.target
                ),
                t.hint(),
            ));
        }
        let extras = active.saturating_sub(listed);
        if extras > extra_lines.len() {
            rows.push(Line::styled(
                format!(
                    "  ... and {} more hypothetical offices at {} a day",
                    group_thousands((extras - extra_lines.len()) as u128),
                    s.per_office
                ),
                t.hint(),
            ));
        }
        let visible = list_area.height as usize;
        let selected = app.rows[Tab::Offices.index()].min(rows.len().saturating_sub(1));
        let offset = if visible == 0 || selected < visible {
            0
        } else {
            selected + 1 - visible
        };
        let lines: Vec<Line> = rows.into_iter().skip(offset).take(visible).collect();
        Paragraph::new(lines).render(list_area, buf);
    }

    fn office_line(
        &self,
        i: usize,
        office: &crate::data::FieldOffice,
        line: &crate::model::OfficeLine,
        width: usize,
    ) -> Line<'static> {
        let t = self.theme;
        let field = Field::Office(i);
        let selected = self.app.selected() == field;
        let editing = self.app.edit.as_ref().filter(|e| e.field == field);
        let (counts, changed) = (line.active, line.overridden);
        let value = match editing {
            Some(e) => format!("{}_", e.buffer),
            None => self.app.value_text(field),
        };
        let state = match (counts, changed) {
            (false, _) => "not counted",
            (true, true) => "changed",
            (true, false) => "",
        };
        let hq = format!("{}, {}", office.hq_city, office.hq_state);
        let marker = if selected { ">" } else { " " };
        let text = format!(
            "{marker} {:<4} {:<15} {:<22} {value:>10} a day  {state}",
            office.code,
            truncate(&office.name, 15),
            truncate(&hq, 22),
        );
        let pad = " ".repeat(width.saturating_sub(text.chars().count()));
        let mut style = if selected { t.selected() } else { t.label() };
        if !counts {
            style = style.patch(t.dropped());
        } else if changed && !selected {
            style = style.patch(t.changed());
        }
        if editing.is_some() {
            style = style.patch(t.editing());
        }
        Line::styled(format!("{text}{pad}"), style)
    }

    // ---- Explain tab --------------------------------------------------------------

    fn explain_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let left_width = (area.width * 2 / 5).max(34).min(area.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(area);
        let [params, milestones] =
            Layout::vertical([Constraint::Length(8), Constraint::Fill(1)]).areas(left);
        self.parameters(params, buf);
        let mut lines = Vec::new();
        let shown = app.reveal.unwrap_or(app.explanation.len());
        for (i, step) in app.explanation.iter().enumerate() {
            if i > shown {
                break;
            }
            let answer = if i < shown || app.reveal.is_none() {
                Span::styled(step.answer.clone(), t.figure())
            } else {
                Span::styled("?", t.editing())
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{}. ", i + 1), t.key()),
                Span::raw(format!("{} = ", step.question)),
                answer,
            ]));
            if let Some(src) = &step.source {
                lines.push(Line::styled(format!("   source: {src}"), t.hint()));
            }
        }
        let title = match app.reveal {
            None => " The arithmetic (n: step through it, predicting each result) ".to_string(),
            Some(k) => format!(
                " The arithmetic: step {} of {} (n: reveal) ",
                (k + 1).min(app.explanation.len()),
                app.explanation.len()
            ),
        };
        Paragraph::new(lines)
            .block(Block::bordered().title(Span::styled(title, t.title())))
            .wrap(Wrap { trim: false })
            .render(right, buf);
        let mut ms = Vec::new();
        for m in &app.milestones {
            let style = if m.within_year { t.label() } else { t.hint() };
            ms.push(Line::styled(m.sentence(), style));
        }
        Paragraph::new(ms)
            .block(Block::bordered().title(Span::styled(
                " Milestones at this pace (day 1 = first day) ",
                t.title(),
            )))
            .wrap(Wrap { trim: true })
            .render(milestones, buf);
    }

    // ---- Goal tab -----------------------------------------------------------------

    fn goal_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let left_width = (area.width / 2).max(36).min(area.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(area);
        let block = Block::bordered().title(Span::styled(" Goal seek ", t.title()));
        let inner = block.inner(left);
        block.render(left, buf);
        let w = inner.width as usize;
        let lines = vec![
            self.field_line(Field::GoalKind, "Aim at", "", w),
            self.field_line(Field::GoalValue, "Goal", "", w),
            Line::raw(""),
            self.field_line(Field::Offices, "Offices", "", w),
            self.field_line(Field::PerOffice, "Per-office target", " a day", w),
            self.field_line(Field::Attainment, "Attainment", " met", w),
            self.field_line(Field::Days, "Days per year", "", w),
            Line::raw(""),
            Line::styled("Left/Right: change; Enter: type", t.hint()),
        ];
        Paragraph::new(lines).render(inner, buf);
        let mut out = Vec::new();
        match &app.goal_result {
            Some(r) => {
                out.push(Line::from(vec![
                    Span::raw("To reach "),
                    Span::styled(r.goal.clone(), t.figure()),
                ]));
                out.push(Line::raw(format!(
                    "({} a day over {} days, at {}% met)",
                    r.daily_needed.display(2),
                    app.scenario.days,
                    app.scenario.attainment
                )));
                out.push(Line::raw(""));
                match r.per_office_needed {
                    Some((v, exact)) => out.push(Line::from(vec![
                        Span::raw(format!(
                            "with {} offices, each needs ",
                            group_thousands(u128::from(app.scenario.offices))
                        )),
                        Span::styled(
                            format!("{}{v} a day", if exact { "" } else { "~" }),
                            t.figure(),
                        ),
                        Span::styled("   a: apply", t.key()),
                    ])),
                    None => out.push(Line::raw(
                        "no per-office target reaches it with 0 offices or 0% met",
                    )),
                }
                match r.offices_needed {
                    Some(n) => out.push(Line::from(vec![
                        Span::raw(format!(
                            "at {} a day each, it takes ",
                            app.scenario.per_office
                        )),
                        Span::styled(format!("{} offices", group_thousands(n)), t.figure()),
                        Span::styled("   c: apply", t.key()),
                    ])),
                    None => out.push(Line::raw("no office count reaches it at 0 a day or 0% met")),
                }
                out.push(Line::styled(
                    "(office counts are rounded up so the goal is met)",
                    t.hint(),
                ));
            }
            None => out.push(Line::styled("That fiscal year is not loaded.", t.error())),
        }
        Paragraph::new(out)
            .block(Block::bordered().title(Span::styled(" What it takes ", t.title())))
            .wrap(Wrap { trim: true })
            .render(right, buf);
    }

    // ---- Grid tab -----------------------------------------------------------------

    fn grid_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let g = &app.grid;
        let block = Block::bordered().title(Span::styled(
            format!(
                " Annual totals: per-office target (rows) x offices (columns), {}% met, {} days ",
                app.scenario.attainment, app.scenario.days
            ),
            t.title(),
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let cell_text = crate::analysis::Cell::label;
        let cw = g
            .cells
            .iter()
            .flatten()
            .map(|c| cell_text(c).chars().count())
            .max()
            .unwrap_or(8)
            .max(6)
            + 1;
        let label_w = 8;
        let fit = ((inner.width as usize).saturating_sub(label_w) / (cw + 1)).max(1);
        // Show the columns around the selected one that fit.
        let first = app
            .grid_cell
            .1
            .saturating_sub(fit / 2)
            .min(g.cols.len().saturating_sub(fit));
        let cols: Vec<usize> = (first..g.cols.len()).take(fit).collect();
        let mut lines = vec![Line::from(
            std::iter::once(Span::styled(format!("{:>label_w$}", "offices"), t.hint()))
                .chain(
                    cols.iter()
                        .map(|&c| Span::styled(format!(" {:>cw$}", g.cols[c]), t.title())),
                )
                .collect::<Vec<_>>(),
        )];
        for (r, row) in g.cells.iter().enumerate() {
            let mut spans = vec![Span::styled(
                format!("{:>label_w$}", g.rows[r].to_string()),
                t.title(),
            )];
            for &c in &cols {
                let cell = &row[c];
                let mut style = if cell.presets.is_empty() {
                    t.label()
                } else {
                    t.changed().add_modifier(ratatui::style::Modifier::BOLD)
                };
                if (r, c) == app.grid_cell {
                    style = t.selected();
                }
                spans.push(Span::raw(" "));
                spans.push(Span::styled(format!("{:>cw$}", cell_text(cell)), style));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        if let Some(cell) = g
            .cells
            .get(app.grid_cell.0)
            .and_then(|r| r.get(app.grid_cell.1))
        {
            let above = match cell.standing() {
                crate::model::Standing::AboveAll(y) => {
                    format!("above every official year (the highest, FY{y})")
                }
                crate::model::Standing::Above(y) => {
                    format!("above FY{y}, the highest official year it exceeds")
                }
                crate::model::Standing::BelowAll => "below every official year".to_string(),
            };
            lines.push(Line::raw(format!(
                "Selected: {} offices x {} a day = {} a year, {above}",
                g.cols[app.grid_cell.1],
                g.rows[app.grid_cell.0],
                cell.annual.display(2)
            )));
            if !cell.presets.is_empty() {
                lines.push(Line::raw(format!(
                    "Reported quota: {}",
                    cell.presets.join(", ")
                )));
            }
        }
        lines.push(Line::styled(
            ">YY: above FY20YY (the highest official year exceeded); *: above every official year; q: a reported quota. Arrows move, Enter loads the cell.",
            t.hint(),
        ));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }

    // ---- Ramp tab -----------------------------------------------------------------

    fn ramp_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let r = &app.ramp;
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
                app.outcome.daily_total.display(2),
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
    fn ramp_chart(&self, right: Rect, buf: &mut Buffer) {
        use ratatui::symbols::Marker;
        use ratatui::widgets::{Axis, Chart, Dataset, GraphType};
        let t = self.theme;
        let app = self.app;
        let r = &app.ramp;
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let ramp: Vec<(f64, f64)> = r
            .cumulative
            .iter()
            .enumerate()
            .map(|(d, v)| ((d + 1) as f64, *v))
            .collect();
        let days = f64::from(app.scenario.days);
        let flat = [(0.0, 0.0), (days, r.total_flat)];
        let o = &app.outcome;
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
                    .labels(["day 0".to_string(), format!("day {}", app.scenario.days)]),
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

    // ---- Observed tab -------------------------------------------------------------

    #[expect(clippy::too_many_lines, reason = "three panels of one tab")]
    fn observed_tab(&self, area: Rect, buf: &mut Buffer) {
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
        match &app.records_status {
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
                if let Some(agg) = &app.records {
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
        for row in &app.fiscal_rows {
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
        if app.stretch.is_empty() {
            rows.push(Line::styled(
                "Per-office paces need a records file with an office column (--records FILE).",
                t.hint(),
            ));
        }
        for s in &app.stretch {
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

    // ---- Presentation -------------------------------------------------------------

    fn presentation(&self, area: Rect, buf: &mut Buffer) {
        use tui_big_text::{BigText, PixelSize};
        let t = self.theme;
        let app = self.app;
        let o = &app.outcome;
        let daily = o.daily_total.display(0);
        let annual = o.annual_total.display(0);
        let widest =
            u16::try_from(daily.chars().count().max(annual.chars().count())).unwrap_or(u16::MAX);
        // The largest glyphs that fit both numbers: 8x8, 8x4 or 4x4 cells a character.
        let (size, glyph_w, glyph_h) = if widest * 8 <= area.width && area.height >= 2 * 8 + 6 {
            (PixelSize::Full, 8, 8)
        } else if widest * 8 <= area.width && area.height >= 2 * 4 + 6 {
            (PixelSize::HalfHeight, 8, 4)
        } else {
            (PixelSize::Quadrant, 4, 4)
        };
        let _ = glyph_w;
        let [strip, _, d_big, d_label, a_big, a_label, sentence] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(glyph_h),
            Constraint::Length(1),
            Constraint::Length(glyph_h),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        // The parameters in one line, the selected one reversed, so keys still make sense.
        let mut spans = Vec::new();
        for (field, unit) in [
            (Field::Offices, " offices"),
            (Field::PerOffice, " a day each"),
            (Field::Attainment, " met"),
            (Field::Days, " days"),
        ] {
            let text = format!("{}{unit}", app.value_text(field));
            let style = if app.selected() == field {
                t.selected()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw("   "));
        }
        Line::from(spans).render(strip, buf);
        let big = |text: String| {
            BigText::builder()
                .pixel_size(size)
                .style(Style::new().add_modifier(Modifier::BOLD))
                .lines(vec![Line::raw(text)])
                .build()
        };
        big(daily).render(d_big, buf);
        Line::styled("arrests a day", Style::new().add_modifier(Modifier::BOLD))
            .render(d_label, buf);
        big(annual).render(a_big, buf);
        Line::styled(
            format!("arrests a year ({} days)", app.scenario.days),
            Style::new().add_modifier(Modifier::BOLD),
        )
        .render(a_label, buf);
        let words = o
            .latest_official
            .and_then(|i| o.comparisons.get(i))
            .map(|c| {
                format!(
                    "{} times FY{}'s {} arrests ({}).",
                    format_multiple(c.multiple).trim_end_matches('x'),
                    c.fiscal_year,
                    group_thousands(u128::from(c.arrests)),
                    app.data
                        .source(&c.source_id)
                        .map_or("", |s| s.short.as_str())
                )
            })
            .unwrap_or_default();
        Paragraph::new(vec![
            Line::styled(words, Style::new().add_modifier(Modifier::BOLD)),
            Line::raw("P: leave presentation   Up/Down: choose   Left/Right: change"),
        ])
        .wrap(Wrap { trim: true })
        .render(sentence, buf);
    }

    // ---- Saved scenarios ----------------------------------------------------------

    fn saved(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let popup = centered(area, 90, 24);
        Clear.render(popup, buf);
        let dir = app
            .scenario_dir
            .as_ref()
            .map_or_else(String::new, |d| d.display().to_string());
        let block = Block::bordered().title(Span::styled(
            format!(" Saved scenarios in {dir} "),
            t.title(),
        ));
        let mut lines = Vec::new();
        if app.saved.is_empty() {
            lines.push(Line::raw(
                "No saved scenarios yet: press w on the main screen to save one.",
            ));
        }
        for (i, e) in app.saved.iter().enumerate() {
            let mark = if app.marked.contains(&i) {
                "[x]"
            } else {
                "[ ]"
            };
            let text = match &e.scenario {
                Ok((name, s)) => format!(
                    "{mark} {name}: {} offices x {} a day, {}% met, {} days",
                    group_thousands(u128::from(s.offices)),
                    s.per_office,
                    s.attainment,
                    s.days
                ),
                Err(err) => format!("{mark} cannot be used: {err}"),
            };
            let style = if i == app.saved_row {
                t.selected()
            } else if e.scenario.is_err() {
                t.error()
            } else {
                t.label()
            };
            lines.push(Line::styled(text, style));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Enter: load   Space: mark   c: compare marked (or selected) with the current   Esc: close",
            t.hint(),
        ));
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .render(popup, buf);
    }

    fn compare(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let popup = centered(area, area.width, area.height);
        Clear.render(popup, buf);
        let text = self.app.comparison.as_ref().map_or_else(String::new, |c| {
            c.render(crate::report::Format::Text)
                .unwrap_or_else(|e| e.to_string())
        });
        Paragraph::new(text)
            .block(Block::bordered().title(Span::styled(
                " Scenarios side by side (Esc closes; Up/Down scroll) ",
                t.title(),
            )))
            .scroll((self.app.overlay_scroll, 0))
            .render(popup, buf);
    }

    // ---- Bottom lines -------------------------------------------------------------

    fn status(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let line = if let Some(m) = &self.app.message {
            if m.is_error {
                Line::from(vec![
                    Span::styled("Refused: ", t.error()),
                    Span::styled(m.text.clone(), t.error()),
                ])
            } else {
                Line::raw(m.text.clone())
            }
        } else if let Some(e) = &self.app.edit {
            Line::from(vec![
                Span::raw(format!("Typing {}: ", e.field.label())),
                Span::styled(format!("{}_", e.buffer), t.editing()),
                Span::styled("  (Enter accepts, Esc cancels)", t.hint()),
            ])
        } else {
            Line::raw("")
        };
        line.render(area, buf);
    }

    fn source_line(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let mut ids: Vec<&str> = app
            .outcome
            .comparisons
            .iter()
            .map(|c| c.source_id.as_str())
            .collect();
        if let Some(i) = app.preset
            && let Some(q) = app.data.quota(&app.presets[i].quota_id)
        {
            ids.push(&q.source_id);
        }
        ids.extend(
            app.data
                .quotas
                .iter()
                .filter(|q| q.kind == QuotaKind::Arrests)
                .map(|q| q.source_id.as_str()),
        );
        if let Some(p) = &app.outcome.observed {
            ids.push(&p.source_id);
        }
        let mut shorts: Vec<&str> = Vec::new();
        for id in ids {
            if let Some(s) = app.data.source(id)
                && !shorts.contains(&s.short.as_str())
            {
                shorts.push(&s.short);
            }
        }
        let text = format!("Sources: {}", shorts.join("; "));
        let hint = "  (i: all)";
        let width = area.width as usize;
        let shown = if text.chars().count() + hint.len() <= width {
            format!("{text}{hint}")
        } else {
            let keep = width.saturating_sub(hint.len() + 3);
            format!("{}...{hint}", truncate(&text, keep))
        };
        Line::styled(shown, t.hint()).render(area, buf);
    }

    /// As many footer entries as fit, in the key table's priority order.
    fn footer(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let mut spans = Vec::new();
        let mut used = 0;
        for (keys, label) in keys::footer(self.app.mode()) {
            let label = format!(" {label}  ");
            let len = keys.chars().count() + label.chars().count();
            if used + len > area.width as usize + 2 {
                break;
            }
            used += len;
            spans.push(Span::styled(keys, t.key()));
            spans.push(Span::raw(label));
        }
        Line::from(spans).render(area, buf);
    }

    // ---- Overlays -----------------------------------------------------------------

    fn help(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let popup = centered(area, 100, area.height.saturating_sub(2));
        Clear.render(popup, buf);
        let block = Block::bordered().title(Span::styled(
            " Keys (Up/Down scroll, Esc closes) ",
            t.title(),
        ));
        let mut lines = Vec::new();
        for (mode, title) in [
            (Mode::Normal, "Browsing and adjusting"),
            (Mode::Editing, "Typing a number (after Enter)"),
            (Mode::Naming, "Typing a name (after w)"),
            (
                Mode::Overlay,
                "In an overlay (help, sources, saved scenarios)",
            ),
        ] {
            lines.push(Line::styled(title, t.title()));
            for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<17}", b.keys), t.key()),
                    Span::raw(b.help),
                ]));
            }
        }
        lines.push(Line::styled(
            "Steps: offices 1 (large 5), targets 1 (10), attainment 5% (25%), days 1 (30)",
            t.hint(),
        ));
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((self.app.overlay_scroll, 0))
            .render(popup, buf);
    }

    fn sources(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let popup = centered(area, 100, 60);
        Clear.render(popup, buf);
        let block = Block::bordered().title(Span::styled(
            " Sources (Esc closes; full list: arrest-scenarios sources) ",
            t.title(),
        ));
        let mut text = Text::default();
        for s in &self.app.data.sources {
            let when = if s.date.is_empty() {
                "undated"
            } else {
                &s.date
            };
            text.push_line(Line::from(vec![
                Span::styled(format!("[{}] ", s.id), t.key()),
                Span::raw(format!("{}, {when}: {}", s.publisher, s.title)),
            ]));
            if !s.url.is_empty() {
                text.push_line(Line::styled(format!("    {}", s.url), t.hint()));
            }
        }
        Paragraph::new(text)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((self.app.overlay_scroll, 0))
            .render(popup, buf);
    }
}

/// A rectangle of at most `w` x `h`, centred in `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// At most `n` characters of `s`.
fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
