//! Overlays: help, sources, saved scenarios and the side-by-side comparison.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::{Screen, centered};
use crate::number::group_thousands;
use crate::tui::keys::{BINDINGS, Mode};

impl Screen<'_> {
    // ---- Saved scenarios ----------------------------------------------------------

    pub(super) fn saved(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let popup = centered(area, 90, 24);
        Clear.render(popup, buf);
        let dir = app
            .scenario_dir()
            .map_or_else(String::new, |d| d.display().to_string());
        let block = Block::bordered().title(Span::styled(
            format!(" Saved scenarios in {dir} "),
            t.title(),
        ));
        let mut lines = Vec::new();
        if app.saved().is_empty() {
            lines.push(Line::raw(
                "No saved scenarios yet: press w on the main screen to save one.",
            ));
        }
        for (i, e) in app.saved().iter().enumerate() {
            let mark = if app.is_marked(i) { "[x]" } else { "[ ]" };
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
            let style = if i == app.saved_row() {
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

    pub(super) fn compare(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let popup = centered(area, area.width, area.height);
        Clear.render(popup, buf);
        let text = self
            .app
            .comparison()
            .map_or_else(String::new, |c| c.render(crate::report::Format::Text));
        Paragraph::new(text)
            .block(Block::bordered().title(Span::styled(
                " Scenarios side by side (Esc closes; Up/Down scroll) ",
                t.title(),
            )))
            .scroll((self.app.overlay_scroll(), 0))
            .render(popup, buf);
    }

    // ---- Overlays -----------------------------------------------------------------

    pub(super) fn help(&self, area: Rect, buf: &mut Buffer) {
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
            .scroll((self.app.overlay_scroll(), 0))
            .render(popup, buf);
    }

    pub(super) fn sources(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let popup = centered(area, 100, 60);
        Clear.render(popup, buf);
        let block = Block::bordered().title(Span::styled(
            " Sources (Esc closes; full list: arrest-scenarios sources) ",
            t.title(),
        ));
        let mut text = Text::default();
        for s in &self.app.data().sources {
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
            .scroll((self.app.overlay_scroll(), 0))
            .render(popup, buf);
    }
}
