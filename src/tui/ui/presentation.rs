//! Presentation mode: big numbers for a projector.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Screen;
use crate::model::format_multiple;
use crate::number::group_thousands;
use crate::tui::app::Field;

impl Screen<'_> {
    // ---- Presentation -------------------------------------------------------------

    pub(super) fn presentation(&self, area: Rect, buf: &mut Buffer) {
        use tui_big_text::{BigText, PixelSize};
        let t = self.theme;
        let app = self.app;
        let o = &app.outcome();
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
            format!("arrests a year ({} days)", app.scenario().days),
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
                    app.data()
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
}
