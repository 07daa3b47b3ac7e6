//! The Explain tab: the arithmetic step by step, and milestones.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::Screen;

impl Screen<'_> {
    // ---- Explain tab --------------------------------------------------------------

    pub(super) fn explain_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let left_width = (area.width * 2 / 5).max(34).min(area.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(area);
        let [params, milestones] =
            Layout::vertical([Constraint::Length(8), Constraint::Fill(1)]).areas(left);
        self.parameters(params, buf);
        let mut lines = Vec::new();
        let shown = app.reveal().unwrap_or(app.derived().explanation.len());
        for (i, step) in app.derived().explanation.iter().enumerate() {
            if i > shown {
                break;
            }
            let answer = if i < shown || app.reveal().is_none() {
                Span::styled(step.answer.clone(), t.figure())
            } else {
                Span::styled("?", t.editing())
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{}. ", i + 1), t.key()),
                Span::raw(format!(
                    "{} = ",
                    crate::text::escape_controls(&step.question)
                )),
                answer,
            ]));
            if let Some(src) = &step.source {
                lines.push(Line::styled(format!("   source: {src}"), t.hint()));
            }
        }
        let title = match app.reveal() {
            None => " The arithmetic (n: step through it, predicting each result) ".to_string(),
            Some(k) => format!(
                " The arithmetic: step {} of {} (n: reveal) ",
                (k + 1).min(app.derived().explanation.len()),
                app.derived().explanation.len()
            ),
        };
        self.panel(&title, &lines, right, buf);
        let mut ms = Vec::new();
        for m in &app.derived().milestones {
            let style = if m.within_year { t.label() } else { t.hint() };
            ms.push(Line::styled(
                crate::text::escape_controls(&m.sentence()).into_owned(),
                style,
            ));
        }
        self.panel(
            " Milestones at this pace (day 1 = first day) ",
            &ms,
            milestones,
            buf,
        );
    }
}
