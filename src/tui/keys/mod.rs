//! Keys to actions: one table ([`BINDINGS`]) that the handler, the footer and the help
//! overlay all read, so what the screen says a key does is what it does.
//!
//! A binding belongs to one or more [`Context`]s, worked out from the state (the tab,
//! the overlay, typing, presenting) by [`super::App::context`]: the Grid's arrows are
//! the Grid's, and the footer of each context lists that context's keys.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::Tab;

mod action;
mod table;

pub use action::{Action, Loaded};
pub use table::BINDINGS;

/// Where the user is, as far as keys are concerned: worked out from the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Browsing and adjusting on a tab.
    Browse(Tab),
    /// Presentation mode.
    Presenting,
    /// Presentation mode with the screen blanked.
    Blank,
    /// Typing a number.
    TypingNumber,
    /// Typing a scenario's name.
    TypingName,
    /// The help overlay.
    Help,
    /// The sources overlay.
    Sources,
    /// The saved scenarios overlay.
    Saved,
    /// The side-by-side comparison overlay.
    Compare,
}

impl Context {
    /// Every context, for tests and the help overlay.
    pub const ALL: [Self; 16] = [
        Self::Browse(Tab::Scenario),
        Self::Browse(Tab::Offices),
        Self::Browse(Tab::Explain),
        Self::Browse(Tab::Goal),
        Self::Browse(Tab::Grid),
        Self::Browse(Tab::Ramp),
        Self::Browse(Tab::Observed),
        Self::Browse(Tab::Capacity),
        Self::Presenting,
        Self::Blank,
        Self::TypingNumber,
        Self::TypingName,
        Self::Help,
        Self::Sources,
        Self::Saved,
        Self::Compare,
    ];

    /// The context's name, as the help overlay titles it.
    #[must_use]
    pub fn title(self) -> String {
        match self {
            Self::Browse(t) => format!("On the {} tab", t.title()),
            Self::Presenting => "In presentation mode (P or F5)".to_string(),
            Self::Blank => "With the screen blanked (b or .)".to_string(),
            Self::TypingNumber => "Typing a number (after Enter)".to_string(),
            Self::TypingName => "Typing a name (after w)".to_string(),
            Self::Help => "In this help".to_string(),
            Self::Sources => "In the sources list (i)".to_string(),
            Self::Saved => "In the saved scenarios (L)".to_string(),
            Self::Compare => "In the comparison (c in the saved scenarios)".to_string(),
        }
    }

    /// Whether this is an overlay's context.
    #[must_use]
    pub fn is_overlay(self) -> bool {
        matches!(
            self,
            Self::Help | Self::Sources | Self::Saved | Self::Compare
        )
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// On every tab.
    Tabs,
    /// On every tab but the ones listed.
    TabsBut(&'static [Tab]),
    /// On every tab and in presentation mode.
    TabsAndPresenting,
    /// On every tab but the ones listed, and in presentation mode.
    TabsButAndPresenting(&'static [Tab]),
    /// In exactly these contexts.
    Only(&'static [Context]),
    /// Everywhere.
    Anywhere,
}

impl When {
    /// Whether a binding with this `When` applies in `c`.
    #[must_use]
    pub fn applies(self, c: Context) -> bool {
        match (self, c) {
            (Self::Anywhere, _)
            | (Self::Tabs | Self::TabsAndPresenting, Context::Browse(_))
            | (Self::TabsAndPresenting | Self::TabsButAndPresenting(_), Context::Presenting) => {
                true
            }
            (Self::TabsBut(but) | Self::TabsButAndPresenting(but), Context::Browse(t)) => {
                !but.contains(&t)
            }
            (Self::Only(list), c) => list.contains(&c),
            _ => false,
        }
    }
}

/// What a binding matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// One key with exactly these modifiers (Shift is ignored for characters).
    Key(KeyCode, KeyModifiers),
    /// A digit or a decimal point.
    NumberChar,
    /// A tab's number, 1 to 8.
    TabDigit,
    /// Any printable character.
    AnyChar,
}

/// How early a binding comes in the footer: a narrow footer shows the first ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// What this context is for (the Grid's move and load, typing's accept).
    Here,
    /// What a teacher needs in class: present, explain, save, export.
    Teacher,
    /// The rest.
    Other,
}

/// One row of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub when: When,
    /// The keys.
    pub patterns: &'static [Pattern],
    /// The action (for [`Pattern::NumberChar`], `EditChar` with the typed character).
    pub action: Action,
    /// The keys as shown to the user.
    pub keys: &'static str,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A short label for the footer (`None`: help overlay only).
    pub footer: Option<&'static str>,
    /// Its place in the footer.
    pub rank: Rank,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn key(code: KeyCode, mods: KeyModifiers) -> Pattern {
    Pattern::Key(code, mods)
}

const fn ch(c: char) -> Pattern {
    Pattern::Key(KeyCode::Char(c), NONE)
}

const fn bind(
    when: When,
    patterns: &'static [Pattern],
    action: Action,
    keys: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        when,
        patterns,
        action,
        keys,
        help,
        footer: None,
        rank: Rank::Other,
    }
}

impl Binding {
    const fn footer(mut self, label: &'static str, rank: Rank) -> Self {
        self.footer = Some(label);
        self.rank = rank;
        self
    }
}

/// The action for a key event in context `c`, if any. Release events (sent by Windows
/// consoles) never act, so no key applies twice.
#[must_use]
pub fn action_for(event: KeyEvent, c: Context) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Terminals differ on whether a shifted character carries SHIFT: ignore it there.
    let held = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    BINDINGS.iter().filter(|b| b.when.applies(c)).find_map(|b| {
        b.patterns.iter().find_map(|p| match *p {
            Pattern::Key(code, want) if code == event.code && want == held => {
                Some(b.action.clone())
            }
            Pattern::NumberChar => match event.code {
                KeyCode::Char(ch) if (ch.is_ascii_digit() || ch == '.') && held.is_empty() => {
                    Some(Action::EditChar(ch))
                }
                _ => None,
            },
            Pattern::TabDigit => match event.code {
                KeyCode::Char(ch @ '1'..='8') if held.is_empty() => {
                    u8::try_from(ch.to_digit(10)? - 1).ok().map(Action::GoTab)
                }
                _ => None,
            },
            Pattern::AnyChar => match event.code {
                KeyCode::Char(ch) if !ch.is_control() && held.is_empty() => {
                    Some(Action::EditChar(ch))
                }
                _ => None,
            },
            Pattern::Key(..) => None,
        })
    })
}

/// The bindings that apply in `c`, in table order.
pub fn bindings(c: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.when.applies(c))
}

/// The footer's entries for `c`: (keys, label, action), what the context is for first,
/// then a teacher's keys, then the rest; help and quit last, so a footer that cannot
/// show everything keeps them (see [`super::ui`]).
#[must_use]
pub fn footer(c: Context) -> Vec<(&'static str, &'static str, Action)> {
    let mut entries: Vec<&Binding> = bindings(c).filter(|b| b.footer.is_some()).collect();
    entries.sort_by_key(|b| b.rank);
    entries
        .into_iter()
        .filter_map(|b| b.footer.map(|f| (b.keys, f, b.action.clone())))
        .collect()
}

#[cfg(test)]
mod tests;
