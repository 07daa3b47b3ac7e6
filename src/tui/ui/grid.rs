//! The Grid tab: per-office target x office count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::Screen;

impl Screen<'_> {
    // ---- Grid tab -----------------------------------------------------------------

    pub(super) fn grid_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let g = &app.derived().grid;
        let title = format!(
            " Annual totals: per-office target (rows) x offices (columns), {}% met, {} days ",
            app.scenario().attainment,
            app.scenario().days
        );
        let title = crate::text::clip(&title, usize::from(area.width.saturating_sub(2)));
        let block = Block::bordered().title(Span::styled(title.into_owned(), t.title()));
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
            .grid_cell()
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
                if (r, c) == app.grid_cell() {
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
            .get(app.grid_cell().0)
            .and_then(|r| r.get(app.grid_cell().1))
        {
            let above = cell.standing().words();
            lines.push(Line::raw(format!(
                "Selected: {} offices x {} a day = {} a year, {above}",
                g.cols[app.grid_cell().1],
                g.rows[app.grid_cell().0],
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
        self.fitted(&lines, inner, buf);
    }
}
