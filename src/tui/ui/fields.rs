//! Fields the user selects and types into, and the parameters panel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Screen;
use crate::tui::app::Field;

impl Screen<'_> {
    pub(super) fn field_line(
        &self,
        field: Field,
        label: &str,
        unit: &str,
        width: usize,
    ) -> Line<'static> {
        let t = self.theme;
        let selected = self.app.selected() == field;
        let editing = self.app.edit().filter(|e| e.field == field);
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

    pub(super) fn parameters(&self, area: Rect, buf: &mut Buffer) {
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
        lines.extend(
            self.preset_lines()
                .into_iter()
                .map(|l| super::overlays::clip_line(l, w)),
        );
        Paragraph::new(lines).render(inner, buf);
    }

    /// The active preset in two lines: what it sets, and who reported it.
    pub(super) fn preset_lines(&self) -> [Line<'static>; 2] {
        let t = self.theme;
        let app = self.app;
        match app.preset() {
            Some(i) => {
                let p = &app.presets()[i];
                let source = app
                    .data()
                    .quota(&p.quota_id)
                    .and_then(|q| app.data().source(&q.source_id))
                    .map_or_else(String::new, |s| {
                        crate::text::escape_controls(&s.short).into_owned()
                    });
                [
                    Line::styled(
                        format!(
                            "Preset {}/{}: {}",
                            i + 1,
                            app.presets().len(),
                            crate::text::escape_controls(&p.what)
                        ),
                        t.hint(),
                    ),
                    Line::styled(format!("  reported by {source}"), t.hint()),
                ]
            }
            None if !app.scenario().overrides.is_empty() => [
                Line::styled(
                    format!(
                        "Preset: none ({} office targets changed)",
                        app.scenario().overrides.len()
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
}
