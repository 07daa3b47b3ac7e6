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
        // The scenario's steps, then the capacity check's: one walk, predict then reveal.
        let d = app.derived();
        let base = d.explanation.len();
        let total = app.explain_len();
        let shown = app.reveal().unwrap_or(total);
        // Stepping into the capacity steps shows them on their own, so they fit.
        let first = if app.reveal().is_some_and(|k| k >= base) {
            base
        } else {
            0
        };
        for (i, step) in d.explanation.iter().chain(&d.capacity_steps).enumerate() {
            if i > shown {
                break;
            }
            if i < first {
                continue;
            }
            if i == base {
                lines.push(Line::styled("The capacity check (tab 8):", t.title()));
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
                " The arithmetic: step {} of {total} (n: reveal) ",
                (k + 1).min(total),
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
