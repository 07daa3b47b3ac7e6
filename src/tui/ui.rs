//! Drawing. Everything here reads the [`App`]; nothing computes or changes a figure.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
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
        self.tabs(top, buf);
        match self.app.tab {
            Tab::Scenario => self.scenario_tab(body, buf),
            Tab::Offices => self.offices_tab(body, buf),
        }
        self.status(status, buf);
        self.source_line(source, buf);
        self.footer(footer, buf);
        match self.app.overlay {
            Some(Overlay::Help) => self.help(area, buf),
            Some(Overlay::Sources) => self.sources(area, buf),
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
        let mut spans = vec![
            Span::styled(" arrest-scenarios ", t.title()),
            Span::raw(" "),
        ];
        for (i, tab) in Tab::ALL.iter().enumerate() {
            let text = format!(" {} {} ", i + 1, tab.title());
            if *tab == self.app.tab {
                spans.push(Span::styled(format!("[{}]", text.trim()), t.selected()));
            } else {
                spans.push(Span::styled(format!(" {} ", text.trim()), t.label()));
            }
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled("Tab: switch  ?: help", t.hint()));
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
        let weeks = &app.data.weekly;
        let Some((first, last)) = weeks.first().zip(weeks.last()) else {
            return;
        };
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let pace: Vec<(f64, f64)> = weeks
            .iter()
            .enumerate()
            .map(|(i, w)| (i as f64, w.arrests as f64 / f64::from(w.days_covered)))
            .collect();
        #[expect(clippy::cast_precision_loss, reason = "chart coordinates")]
        let end = (weeks.len() - 1) as f64;
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
                .name("2025 weekly pace (DDP, derived)")
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
                " Observed 2025 arrests per day, by week, against the scenario ",
                t.title(),
            )))
            .x_axis(
                Axis::default()
                    .bounds([0.0, end])
                    .labels([first.week_start.to_string(), last.week_start.to_string()]),
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
        let formula = if s.overrides.is_empty() {
            format!(
                "{} offices x {}",
                group_thousands(u128::from(s.offices)),
                s.per_office
            )
        } else {
            format!(
                "sum of {} office targets",
                group_thousands(u128::from(s.offices))
            )
        };
        let att = if s.attainment == crate::number::Fixed3::whole(100) {
            String::new()
        } else {
            format!(" x {}%", s.attainment)
        };
        lines.push(Line::styled(
            format!("= {formula}{att}; x {} days", s.days),
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
            let words = match r.highest_exceeded {
                Some(_) if r.position == 1 => "above every official year".to_string(),
                Some(y) => format!("highest year exceeded: FY{y}"),
                None => "below every official year".to_string(),
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
        header.push(Line::raw(match active.cmp(&listed) {
            std::cmp::Ordering::Less => {
                let out: Vec<&str> = app.data.offices[active..]
                    .iter()
                    .map(|o| o.code.as_str())
                    .collect();
                format!(
                    "{active} of {listed} offices count; not counted: {}",
                    out.join(", ")
                )
            }
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
        for (i, office) in app.data.offices.iter().enumerate() {
            rows.push(self.office_line(i, office, i < active, w));
        }
        let extras = active.saturating_sub(listed);
        let shown_extras = extras.min(3);
        for k in 0..shown_extras {
            rows.push(Line::styled(
                format!(
                    "  {:<4} {:<22} {:>10} a day  hypothetical",
                    "+",
                    format!("Extra office {}", listed + k + 1),
                    s.per_office
                ),
                t.hint(),
            ));
        }
        if extras > shown_extras {
            rows.push(Line::styled(
                format!(
                    "  ... and {} more hypothetical offices at {} a day",
                    group_thousands((extras - shown_extras) as u128),
                    s.per_office
                ),
                t.hint(),
            ));
        }
        let visible = list_area.height as usize;
        let selected = app.offices_row.min(rows.len().saturating_sub(1));
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
        counts: bool,
        width: usize,
    ) -> Line<'static> {
        let t = self.theme;
        let field = Field::Office(i);
        let selected = self.app.selected() == field;
        let editing = self.app.edit.as_ref().filter(|e| e.field == field);
        let changed = self.app.scenario.overrides.contains_key(&office.code);
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
        let popup = centered(area, 72, 40);
        Clear.render(popup, buf);
        let block = Block::bordered().title(Span::styled(
            " Keys (Up/Down scroll, Esc closes) ",
            t.title(),
        ));
        let mut lines = Vec::new();
        for (mode, title) in [
            (Mode::Normal, "Browsing and adjusting"),
            (Mode::Editing, "Typing a number (after Enter)"),
            (Mode::Overlay, "In this overlay"),
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
