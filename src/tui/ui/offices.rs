//! The Offices tab: every field office with its own target.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, Paragraph, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
    Table, TableState, Widget,
};

use super::Screen;
use crate::number::group_thousands;
use crate::tui::app::{Field, Tab};

impl Screen<'_> {
    // ---- Offices tab --------------------------------------------------------------

    pub(super) fn offices_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let s = &app.scenario();
        let o = &app.outcome();
        let block = Block::bordered().title(Span::styled(
            " Field offices: each office's daily target ",
            t.title(),
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let listed = app.data().offices.len();
        let active = usize::try_from(s.offices).unwrap_or(usize::MAX);
        let mut header = vec![Line::from(vec![
            Span::raw("Daily total "),
            Span::styled(o.daily_total.display(2), t.figure()),
            Span::raw("   Annual total "),
            Span::styled(o.annual_total.display(2), t.figure()),
        ])];
        let out: Vec<&str> = app
            .derived()
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
        for (i, (line, office)) in app
            .derived()
            .office_lines
            .iter()
            .zip(&app.data().offices)
            .enumerate()
        {
            rows.push(self.office_line(i, office, line, w));
        }
        let extra_lines = &app.derived().office_lines[app
            .data()
            .offices
            .len()
            .min(app.derived().office_lines.len())..];
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
        let selected = app.row(Tab::Offices);
        self.office_list(rows, selected, list_area, buf);
    }

    /// The office rows as a table that keeps the selection in view, with a scrollbar
    /// and a count when the list does not fit.
    fn office_list(
        &self,
        rows: Vec<Line<'static>>,
        selected: usize,
        list_area: Rect,
        buf: &mut Buffer,
    ) {
        let t = self.theme;
        // A table that keeps the selection in view, with a scrollbar and a count
        // when the list does not fit.
        let n = rows.len();
        let selected = selected.min(n.saturating_sub(1));
        let fits = n <= usize::from(list_area.height);
        let [table_area, count_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(u16::from(!fits))])
                .areas(list_area);
        let page = usize::from(table_area.height);
        let table = Table::new(
            rows.into_iter().map(|l| Row::new([Cell::from(l)])),
            [Constraint::Fill(1)],
        );
        let mut state = TableState::default().with_selected(Some(selected));
        StatefulWidget::render(table, table_area, buf, &mut state);
        if !fits {
            let first = state.offset();
            Line::styled(
                format!(
                    "rows {}-{} of {n} (Up/Down, PgUp/PgDn)",
                    first + 1,
                    (first + page).min(n)
                ),
                t.hint(),
            )
            .render(count_area, buf);
            let mut bar = ScrollbarState::new(n.saturating_sub(page)).position(first);
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(table_area, buf, &mut bar);
        }
    }

    pub(super) fn office_line(
        &self,
        i: usize,
        office: &crate::data::FieldOffice,
        line: &crate::model::OfficeLine,
        width: usize,
    ) -> Line<'static> {
        let t = self.theme;
        let field = Field::Office(i);
        let selected = self.app.selected() == field;
        let editing = self.app.edit().filter(|e| e.field == field);
        let (counts, changed) = (line.active, line.overridden);
        let value = match editing {
            Some(e) => format!("{}_", e.buffer),
            None => self.app.value_text(field),
        };
        let left_out = self.app.scenario().excluded.contains(&office.code);
        let state = match (counts, changed) {
            (false, _) if left_out => "left out (Space)",
            (false, _) => "not counted",
            (true, true) => "changed",
            (true, false) => "",
        };
        let hq = crate::text::escape_controls(&format!("{}, {}", office.hq_city, office.hq_state))
            .into_owned();
        let marker = if selected { ">" } else { " " };
        let text = format!(
            "{marker} {:<4} {:<15} {:<22} {value:>10} a day  {state}",
            office.code,
            crate::text::clip(&crate::text::escape_controls(&office.name), 15),
            crate::text::clip(&hq, 22),
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
}
