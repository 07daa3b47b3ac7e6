//! Overlays: help, sources, saved scenarios and the side-by-side comparison. The text
//! overlays draw the rows of [`crate::tui::overlay`], so scrolling stops at their end;
//! the saved list is a [`Table`] that scrolls to its selection.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, Clear, Paragraph, Row as TableRow, Scrollbar, ScrollbarOrientation,
    ScrollbarState, StatefulWidget, Table, TableState, Widget,
};

use super::Screen;
use crate::number::group_thousands;
use crate::text::{clip, echo};
use crate::tui::app::Overlay;
use crate::tui::overlay::{self, KEY_WIDTH, RowKind};

impl Screen<'_> {
    /// A text overlay: its rows from the shared list, scrolled, with a scrollbar and
    /// "lines a-b of n" on the border when it does not fit.
    pub(super) fn text_overlay(&self, kind: Overlay, title: &str, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let popup = overlay::popup(kind, area);
        Clear.render(popup, buf);
        let inner_w = popup.width.saturating_sub(2);
        let rows = overlay::rows(self.app, kind, inner_w);
        let page = usize::from(popup.height.saturating_sub(2));
        let scroll = usize::from(self.app.overlay_scroll()).min(rows.len().saturating_sub(page));
        let width = usize::from(inner_w);
        let lines: Vec<Line> = rows
            .iter()
            .skip(scroll)
            .take(page)
            .map(|r| {
                let line = match r.kind {
                    RowKind::Title => Line::styled(r.text.clone(), t.title()),
                    RowKind::Entry if kind == Overlay::Help => Line::from(vec![
                        Span::styled(format!("  {:<KEY_WIDTH$} ", r.key), t.key()),
                        Span::raw(r.text.clone()),
                    ]),
                    RowKind::Entry => Line::from(vec![
                        Span::styled(format!("{} ", r.key), t.key()),
                        Span::raw(r.text.clone()),
                    ]),
                    RowKind::Text if kind == Overlay::Help => {
                        Line::raw(format!("  {:<KEY_WIDTH$} {}", "", r.text))
                    }
                    RowKind::Text => Line::raw(r.text.clone()),
                    RowKind::Note => Line::styled(r.text.clone(), t.hint()),
                };
                clip_line(line, width)
            })
            .collect();
        let title = clip(title, usize::from(inner_w));
        let mut block = Block::bordered().title(Span::styled(title.into_owned(), t.title()));
        if rows.len() > page {
            block = block.title_bottom(Span::styled(
                format!(
                    " lines {}-{} of {} ",
                    scroll + 1,
                    (scroll + page).min(rows.len()),
                    rows.len()
                ),
                t.hint(),
            ));
        }
        Paragraph::new(lines).block(block).render(popup, buf);
        if rows.len() > page {
            let mut state = ScrollbarState::new(rows.len().saturating_sub(page)).position(scroll);
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(
                popup.inner(Margin::new(0, 1)),
                buf,
                &mut state,
            );
        }
    }

    pub(super) fn help(&self, area: Rect, buf: &mut Buffer) {
        self.text_overlay(
            Overlay::Help,
            " Keys (Up/Down, PgUp/PgDn, Home/End scroll; Esc closes) ",
            area,
            buf,
        );
    }

    pub(super) fn sources(&self, area: Rect, buf: &mut Buffer) {
        self.text_overlay(
            Overlay::Sources,
            " Sources (Esc closes; full list: arrest-scenarios sources) ",
            area,
            buf,
        );
    }

    pub(super) fn compare(&self, area: Rect, buf: &mut Buffer) {
        self.text_overlay(
            Overlay::Compare,
            " Scenarios side by side (Esc closes; Up/Down scroll) ",
            area,
            buf,
        );
    }

    /// The saved scenarios as a table that keeps its selection in view.
    pub(super) fn saved(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let popup = overlay::popup(Overlay::Saved, area);
        Clear.render(popup, buf);
        let dir = app
            .scenario_dir()
            .map_or_else(String::new, |d| echo(&d.display().to_string()));
        let title = clip(
            &format!(" Saved scenarios in {dir} "),
            usize::from(popup.width.saturating_sub(2)),
        )
        .into_owned();
        let n = app.saved().len();
        let mut block = Block::bordered()
            .title(Span::styled(title, t.title()))
            .title_bottom(Span::styled(
                " Enter load  Space mark  c compare  Esc close ",
                t.hint(),
            ));
        let inner = block.inner(popup);
        if app.saved().is_empty() {
            Paragraph::new("No saved scenarios yet: press w on the main screen to save one.")
                .block(block)
                .render(popup, buf);
            return;
        }
        let page = usize::from(inner.height);
        if n > page {
            block = block.title_top(
                Line::styled(format!(" {} of {n} ", app.saved_row() + 1), t.hint()).right_aligned(),
            );
        }
        let width = usize::from(inner.width.saturating_sub(5));
        let rows = app.saved().iter().enumerate().map(|(i, e)| {
            let mark = if app.is_marked(i) { "[x]" } else { "[ ]" };
            let text = match &e.scenario {
                Ok((name, s)) => format!(
                    "{}: {} offices x {} a day, {}% met, {} days",
                    echo(name),
                    group_thousands(u128::from(s.offices)),
                    s.per_office,
                    s.attainment,
                    s.days
                ),
                Err(err) => format!("cannot be used: {}", echo(err)),
            };
            let style = if e.scenario.is_err() {
                t.error()
            } else {
                t.label()
            };
            TableRow::new(vec![
                Cell::from(mark),
                Cell::from(clip(&text, width).into_owned()),
            ])
            .style(style)
        });
        let table = Table::new(rows, [Constraint::Length(3), Constraint::Fill(1)])
            .block(block)
            .row_highlight_style(t.selected())
            .highlight_symbol(">");
        let mut state = TableState::default().with_selected(Some(app.saved_row()));
        StatefulWidget::render(table, popup, buf, &mut state);
        if n > page {
            let mut bar = ScrollbarState::new(n).position(app.saved_row());
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(
                popup.inner(Margin::new(0, 1)),
                buf,
                &mut bar,
            );
        }
    }
}

/// A line cut to `width` cells, ending in `…` when it was cut.
pub(super) fn clip_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut out = Vec::new();
    let mut room = width.saturating_sub(1);
    for span in line.spans {
        let n = span.content.chars().count();
        if n <= room {
            room -= n;
            out.push(span);
        } else {
            let kept: String = span.content.chars().take(room).collect();
            out.push(Span::styled(kept, span.style));
            break;
        }
    }
    out.push(Span::raw("…"));
    Line::from(out)
}
