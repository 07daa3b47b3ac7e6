//! Semantic styles. Call sites ask for `theme.selected()`, never for a colour, so the
//! monochrome theme (for `NO_COLOR`, `--color never` and projectors) is complete.
//!
//! Meaning is never carried by colour alone: selection is reversed and bold with a `>`
//! marker, bars differ by fill character, states are also written as words. The
//! monochrome theme sets modifiers only: with ratatui 0.30 and crossterm 0.29 a cell
//! with both a colour and a modifier loses the modifier under `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

use crate::data::Confidence;

/// The styles of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used at all.
    pub color: bool,
}

impl Theme {
    /// Colours (on the terminal's own background).
    pub const COLOR: Self = Self { color: true };
    /// Modifiers only.
    pub const MONO: Self = Self { color: false };

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Panel titles and the active tab.
    #[must_use]
    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected field or row: reversed and bold in both themes.
    #[must_use]
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A number being typed.
    #[must_use]
    pub fn editing(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    /// Labels.
    #[must_use]
    pub fn label(self) -> Style {
        Style::new()
    }

    /// Key figures (totals).
    #[must_use]
    pub fn figure(self) -> Style {
        if self.color {
            self.fg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Secondary text (notes, hints): the terminal's own foreground, italic in
    /// colour, so it stays legible on a projector on any background (never dark grey).
    #[must_use]
    pub fn hint(self) -> Style {
        if self.color {
            Style::new().add_modifier(Modifier::ITALIC)
        } else {
            Style::new()
        }
    }

    /// A refusal or error message.
    #[must_use]
    pub fn error(self) -> Style {
        if self.color {
            self.fg(Color::Red)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// Keys in the footer and help.
    #[must_use]
    pub fn key(self) -> Style {
        if self.color {
            self.fg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// An office that does not count at the current office count.
    #[must_use]
    pub fn dropped(self) -> Style {
        Style::new().add_modifier(Modifier::CROSSED_OUT)
    }

    /// An office whose target differs from the uniform one.
    #[must_use]
    pub fn changed(self) -> Style {
        if self.color {
            self.fg(Color::Magenta)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// A history bar of a given confidence.
    #[must_use]
    pub fn bar(self, c: Confidence) -> Style {
        match c {
            // Light blue: dark blue on black is lost on a projector.
            Confidence::Official => self.fg(Color::LightBlue),
            Confidence::Derived => self.fg(Color::Yellow),
            Confidence::Reported => self.fg(Color::Magenta),
        }
    }

    /// A part of an observed series drawn beside it (the at-large arrests a day): by
    /// colour, and by its marker's shape without colour.
    #[must_use]
    pub fn part_line(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// The scenario's bar.
    #[must_use]
    pub fn scenario_bar(self) -> Style {
        if self.color {
            self.fg(Color::Green)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}

/// The fill character of a bar: meaning by shape as well as colour.
#[must_use]
pub const fn bar_char(c: Option<Confidence>) -> char {
    match c {
        Some(Confidence::Official) => '█',
        Some(Confidence::Derived) => '▒',
        Some(Confidence::Reported) => '░',
        None => '▓',
    }
}
