//! Keys to actions: one table ([`BINDINGS`]) that the handler, the footer and the help
//! overlay all read, so what the screen says a key does is what it does.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Everything the user (or a background load) can ask for. [`super::App::update`] is
/// the only place that acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the application.
    Quit,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Open or close the sources overlay.
    ToggleSources,
    /// Next tab.
    NextTab,
    /// Previous tab.
    PrevTab,
    /// Select the field or row above.
    Up,
    /// Select the field or row below.
    Down,
    /// Select the first field or row.
    First,
    /// Select the last field or row.
    Last,
    /// Raise the selected value by a step.
    Increase,
    /// Lower the selected value by a step.
    Decrease,
    /// Raise the selected value by a large step.
    IncreaseLarge,
    /// Lower the selected value by a large step.
    DecreaseLarge,
    /// Start typing a number into the selected field.
    StartEdit,
    /// A character typed while editing.
    EditChar(char),
    /// Delete the last typed character.
    EditBackspace,
    /// Accept the typed number.
    ConfirmEdit,
    /// Drop the typed number.
    CancelEdit,
    /// Set the selected office back to the uniform target.
    ClearOverride,
    /// Load the next preset from quotas.csv.
    NextPreset,
    /// Load the previous preset.
    PrevPreset,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Back to the starting scenario.
    Reset,
    /// Go to a tab by its number (0-based).
    GoTab(u8),
    /// Show the arithmetic.
    ShowExplain,
    /// Reveal the next step of the arithmetic (predict, then reveal).
    RevealNext,
    /// Show goal seeking.
    ShowGoal,
    /// Show the sensitivity grid.
    ShowGrid,
    /// Presentation mode on or off.
    TogglePresentation,
    /// Apply the goal's per-office target.
    ApplyGoalTarget,
    /// Apply the goal's office count.
    ApplyGoalOffices,
    /// Save the scenario under a name.
    Save,
    /// List the saved scenarios.
    OpenSaved,
    /// Load the selected saved scenario.
    Choose,
    /// Mark or unmark the selected saved scenario for comparison.
    Mark,
    /// Compare the marked saved scenarios with the current one.
    Compare,
    /// Export the scenario as Markdown, CSV and JSON.
    Export,
    /// Show a records file's pace by month instead of by week, or back.
    TogglePacePeriod,
    /// A records file is being read: bytes (or rows) done, and the total if known.
    RecordsProgress(u64, u64),
    /// A records file has been read (or failed).
    RecordsLoaded(Loaded),
}

/// The result of reading a records file, shared cheaply (compared by identity).
#[derive(Debug, Clone)]
pub struct Loaded(pub std::sync::Arc<Result<crate::records::Aggregate, String>>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Loaded {}

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing and adjusting.
    Normal,
    /// Typing a number.
    Editing,
    /// Typing a name.
    Naming,
    /// An overlay (help or sources) is open.
    Overlay,
}

/// What a binding matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// One key with exactly these modifiers (Shift is ignored for characters).
    Key(KeyCode, KeyModifiers),
    /// A digit or a decimal point.
    NumberChar,
    /// A tab's number, 1 to 7.
    TabDigit,
    /// Any printable character.
    AnyChar,
}

/// One row of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub modes: &'static [Mode],
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
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const NORMAL: &[Mode] = &[Mode::Normal];
const EDITING: &[Mode] = &[Mode::Editing];
const OVERLAY: &[Mode] = &[Mode::Overlay];
const NAMING: &[Mode] = &[Mode::Naming];
const TYPING: &[Mode] = &[Mode::Editing, Mode::Naming];
const ANY: &[Mode] = &[Mode::Normal, Mode::Editing, Mode::Naming, Mode::Overlay];

const fn key(code: KeyCode, mods: KeyModifiers) -> Pattern {
    Pattern::Key(code, mods)
}

const fn ch(c: char) -> Pattern {
    Pattern::Key(KeyCode::Char(c), NONE)
}

/// The key table, in the order the help overlay lists it.
pub const BINDINGS: &[Binding] = &[
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::Up, NONE), ch('k')],
        action: Action::Up,
        keys: "Up/k",
        help: "select the field or row above",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::Down, NONE), ch('j')],
        action: Action::Down,
        keys: "Down/j",
        help: "select the field or row below",
        footer: Some("move"),
    },
    Binding {
        modes: OVERLAY,
        patterns: &[key(KeyCode::Up, NONE), ch('k')],
        action: Action::Up,
        keys: "Up/k",
        help: "scroll up",
        footer: None,
    },
    Binding {
        modes: OVERLAY,
        patterns: &[key(KeyCode::Down, NONE), ch('j')],
        action: Action::Down,
        keys: "Down/j",
        help: "scroll down",
        footer: Some("scroll"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::Home, NONE)],
        action: Action::First,
        keys: "Home",
        help: "select the first field or row",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::End, NONE)],
        action: Action::Last,
        keys: "End",
        help: "select the last field or row",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::Right, NONE), ch('+'), ch('='), ch('l')],
        action: Action::Increase,
        keys: "Right/+",
        help: "raise the selected value by a step",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::Left, NONE), ch('-'), ch('h')],
        action: Action::Decrease,
        keys: "Left/-",
        help: "lower the selected value by a step",
        footer: Some("adjust"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[
            key(KeyCode::PageUp, NONE),
            key(KeyCode::Right, SHIFT),
            key(KeyCode::Up, SHIFT),
        ],
        action: Action::IncreaseLarge,
        keys: "PgUp/Shift-Right",
        help: "raise the selected value by a large step",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[
            key(KeyCode::PageDown, NONE),
            key(KeyCode::Left, SHIFT),
            key(KeyCode::Down, SHIFT),
        ],
        action: Action::DecreaseLarge,
        keys: "PgDn/Shift-Left",
        help: "lower the selected value by a large step",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::Enter, NONE)],
        action: Action::StartEdit,
        keys: "Enter",
        help: "type a number into the selected field",
        footer: Some("type"),
    },
    Binding {
        modes: EDITING,
        patterns: &[Pattern::NumberChar],
        action: Action::EditChar('0'),
        keys: "0-9 .",
        help: "type digits and a decimal point",
        footer: Some("digits"),
    },
    Binding {
        modes: TYPING,
        patterns: &[key(KeyCode::Backspace, NONE)],
        action: Action::EditBackspace,
        keys: "Backspace",
        help: "delete the last character",
        footer: Some("delete"),
    },
    Binding {
        modes: TYPING,
        patterns: &[key(KeyCode::Enter, NONE)],
        action: Action::ConfirmEdit,
        keys: "Enter",
        help: "accept what was typed (an invalid number is refused)",
        footer: Some("accept"),
    },
    Binding {
        modes: TYPING,
        patterns: &[key(KeyCode::Esc, NONE)],
        action: Action::CancelEdit,
        keys: "Esc",
        help: "cancel typing, keep the old value",
        footer: Some("cancel"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::Tab, NONE)],
        action: Action::NextTab,
        keys: "Tab",
        help: "next tab (Scenario, Offices, Explain, Goal, Grid, Ramp, Observed)",
        footer: Some("tab"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::BackTab, SHIFT), key(KeyCode::BackTab, NONE)],
        action: Action::PrevTab,
        keys: "Shift-Tab",
        help: "previous tab",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('p')],
        action: Action::NextPreset,
        keys: "p",
        help: "next preset from quotas.csv",
        footer: Some("preset"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('o')],
        action: Action::PrevPreset,
        keys: "o",
        help: "previous preset",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('x'), key(KeyCode::Delete, NONE)],
        action: Action::ClearOverride,
        keys: "x/Del",
        help: "set the selected office back to the uniform target",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('u')],
        action: Action::Undo,
        keys: "u",
        help: "undo",
        footer: Some("undo"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[key(KeyCode::Char('r'), CTRL)],
        action: Action::Redo,
        keys: "Ctrl-R",
        help: "redo",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('r')],
        action: Action::Reset,
        keys: "r",
        help: "reset to the starting scenario",
        footer: Some("reset"),
    },
    Binding {
        modes: NAMING,
        patterns: &[Pattern::AnyChar],
        action: Action::EditChar('a'),
        keys: "letters",
        help: "type the scenario's name",
        footer: Some("name"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[Pattern::TabDigit],
        action: Action::GoTab(0),
        keys: "1-7",
        help: "go to a tab by its number",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('e')],
        action: Action::ShowExplain,
        keys: "e",
        help: "explain the arithmetic, step by step",
        footer: Some("explain"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('n')],
        action: Action::RevealNext,
        keys: "n",
        help: "reveal the next step of the arithmetic (predict, then reveal)",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('P')],
        action: Action::TogglePresentation,
        keys: "P",
        help: "presentation mode: big numbers for a projector (P again to leave)",
        footer: Some("present"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('g')],
        action: Action::ShowGoal,
        keys: "g",
        help: "goal seek: what reaches a daily, annual or fiscal-year total",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('a')],
        action: Action::ApplyGoalTarget,
        keys: "a",
        help: "on the Goal tab: apply the per-office target it needs",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('c')],
        action: Action::ApplyGoalOffices,
        keys: "c",
        help: "on the Goal tab: apply the office count it needs",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('s')],
        action: Action::ShowGrid,
        keys: "s",
        help: "sensitivity grid (arrows move, Enter loads the cell)",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('w')],
        action: Action::Save,
        keys: "w",
        help: "save the scenario under a name",
        footer: Some("save"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('L')],
        action: Action::OpenSaved,
        keys: "L",
        help: "saved scenarios: load one, or compare several",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('X')],
        action: Action::Export,
        keys: "X",
        help: "export the scenario as Markdown, CSV and JSON (the path is shown)",
        footer: None,
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('m')],
        action: Action::TogglePacePeriod,
        keys: "m",
        help: "observed pace by week or by month (with --records FILE)",
        footer: None,
    },
    Binding {
        modes: OVERLAY,
        patterns: &[key(KeyCode::Enter, NONE)],
        action: Action::Choose,
        keys: "Enter",
        help: "saved scenarios: load the selected one",
        footer: None,
    },
    Binding {
        modes: OVERLAY,
        patterns: &[ch(' ')],
        action: Action::Mark,
        keys: "Space",
        help: "saved scenarios: mark or unmark for comparison",
        footer: None,
    },
    Binding {
        modes: OVERLAY,
        patterns: &[ch('c')],
        action: Action::Compare,
        keys: "c",
        help: "saved scenarios: compare the marked ones with the current scenario",
        footer: None,
    },
    Binding {
        modes: &[Mode::Normal, Mode::Overlay],
        patterns: &[ch('i')],
        action: Action::ToggleSources,
        keys: "i",
        help: "show or hide every source, with links",
        footer: Some("sources"),
    },
    Binding {
        modes: &[Mode::Normal, Mode::Overlay],
        patterns: &[ch('?'), key(KeyCode::F(1), NONE)],
        action: Action::ToggleHelp,
        keys: "?/F1",
        help: "show or hide this help",
        footer: Some("help"),
    },
    Binding {
        modes: &[Mode::Overlay],
        patterns: &[key(KeyCode::Esc, NONE), ch('q')],
        action: Action::ToggleHelp,
        keys: "Esc/q",
        help: "close the overlay",
        footer: Some("close"),
    },
    Binding {
        modes: NORMAL,
        patterns: &[ch('q'), key(KeyCode::Esc, NONE)],
        action: Action::Quit,
        keys: "q/Esc",
        help: "quit",
        footer: Some("quit"),
    },
    Binding {
        modes: ANY,
        patterns: &[key(KeyCode::Char('c'), CTRL)],
        action: Action::Quit,
        keys: "Ctrl-C",
        help: "quit, from anywhere",
        footer: None,
    },
];

/// The action for a key event in `mode`, if any. Release events (sent by Windows
/// consoles) never act, so no key applies twice.
#[must_use]
pub fn action_for(event: KeyEvent, mode: Mode) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Terminals differ on whether a shifted character carries SHIFT: ignore it there.
    let held = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    BINDINGS
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .find_map(|b| {
            b.patterns.iter().find_map(|p| match *p {
                Pattern::Key(code, want) if code == event.code && want == held => {
                    Some(b.action.clone())
                }
                Pattern::NumberChar => match event.code {
                    KeyCode::Char(c) if (c.is_ascii_digit() || c == '.') && held.is_empty() => {
                        Some(Action::EditChar(c))
                    }
                    _ => None,
                },
                Pattern::TabDigit => match event.code {
                    KeyCode::Char(c @ '1'..='7') if held.is_empty() => {
                        u8::try_from(c.to_digit(10)? - 1).ok().map(Action::GoTab)
                    }
                    _ => None,
                },
                Pattern::AnyChar => match event.code {
                    KeyCode::Char(c) if !c.is_control() && held.is_empty() => {
                        Some(Action::EditChar(c))
                    }
                    _ => None,
                },
                Pattern::Key(..) => None,
            })
        })
}

/// The footer's entries for `mode`: (keys, label), help and quit first so that a
/// narrow footer still shows them.
#[must_use]
pub fn footer(mode: Mode) -> Vec<(&'static str, &'static str)> {
    let mut entries: Vec<(Action, &'static str, &'static str)> = BINDINGS
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .filter_map(|b| b.footer.map(|f| (b.action.clone(), b.keys, f)))
        .collect();
    entries.sort_by_key(|(a, _, _)| !matches!(a, Action::ToggleHelp | Action::Quit));
    entries.into_iter().map(|(_, k, f)| (k, f)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn normal(code: KeyCode) -> Option<Action> {
        action_for(press(code, NONE), Mode::Normal)
    }

    #[test]
    fn the_required_keys_map_as_written() {
        assert_eq!(normal(KeyCode::Up), Some(Action::Up));
        assert_eq!(normal(KeyCode::Char('k')), Some(Action::Up));
        assert_eq!(normal(KeyCode::Down), Some(Action::Down));
        assert_eq!(normal(KeyCode::Char('j')), Some(Action::Down));
        assert_eq!(normal(KeyCode::Tab), Some(Action::NextTab));
        assert_eq!(
            action_for(press(KeyCode::BackTab, SHIFT), Mode::Normal),
            Some(Action::PrevTab)
        );
        assert_eq!(normal(KeyCode::Right), Some(Action::Increase));
        assert_eq!(normal(KeyCode::Char('+')), Some(Action::Increase));
        assert_eq!(normal(KeyCode::Left), Some(Action::Decrease));
        assert_eq!(normal(KeyCode::Char('-')), Some(Action::Decrease));
        assert_eq!(normal(KeyCode::PageUp), Some(Action::IncreaseLarge));
        assert_eq!(normal(KeyCode::PageDown), Some(Action::DecreaseLarge));
        assert_eq!(
            action_for(press(KeyCode::Right, SHIFT), Mode::Normal),
            Some(Action::IncreaseLarge)
        );
        assert_eq!(normal(KeyCode::Enter), Some(Action::StartEdit));
        assert_eq!(normal(KeyCode::Char('p')), Some(Action::NextPreset));
        assert_eq!(normal(KeyCode::Char('u')), Some(Action::Undo));
        assert_eq!(
            action_for(press(KeyCode::Char('r'), CTRL), Mode::Normal),
            Some(Action::Redo)
        );
        assert_eq!(normal(KeyCode::Char('r')), Some(Action::Reset));
        assert_eq!(normal(KeyCode::Char('?')), Some(Action::ToggleHelp));
        assert_eq!(normal(KeyCode::Char('q')), Some(Action::Quit));
        assert_eq!(normal(KeyCode::Esc), Some(Action::Quit));
        assert_eq!(normal(KeyCode::Char('z')), None);
    }

    #[test]
    fn editing_keys() {
        let edit = |code| action_for(press(code, NONE), Mode::Editing);
        assert_eq!(edit(KeyCode::Char('7')), Some(Action::EditChar('7')));
        assert_eq!(edit(KeyCode::Char('.')), Some(Action::EditChar('.')));
        assert_eq!(edit(KeyCode::Char('a')), None);
        assert_eq!(
            edit(KeyCode::Char('q')),
            None,
            "q types nothing and does not quit"
        );
        assert_eq!(edit(KeyCode::Backspace), Some(Action::EditBackspace));
        assert_eq!(edit(KeyCode::Enter), Some(Action::ConfirmEdit));
        assert_eq!(edit(KeyCode::Esc), Some(Action::CancelEdit));
        assert_eq!(
            action_for(press(KeyCode::Char('c'), CTRL), Mode::Editing),
            Some(Action::Quit)
        );
    }

    #[test]
    fn overlays_close_on_esc_and_q_without_quitting() {
        let overlay = |code| action_for(press(code, NONE), Mode::Overlay);
        assert_eq!(overlay(KeyCode::Esc), Some(Action::ToggleHelp));
        assert_eq!(overlay(KeyCode::Char('q')), Some(Action::ToggleHelp));
        assert_eq!(overlay(KeyCode::Char('?')), Some(Action::ToggleHelp));
        assert_eq!(overlay(KeyCode::Up), Some(Action::Up));
        assert_eq!(overlay(KeyCode::Right), None);
    }

    #[test]
    fn release_events_never_act_but_repeats_do() {
        let mut e = KeyEvent::new_with_kind_and_state(
            KeyCode::Right,
            NONE,
            KeyEventKind::Release,
            KeyEventState::NONE,
        );
        assert_eq!(action_for(e, Mode::Normal), None);
        e.kind = KeyEventKind::Repeat;
        assert_eq!(action_for(e, Mode::Normal), Some(Action::Increase));
    }

    #[test]
    fn shifted_characters_match_with_or_without_the_shift_flag() {
        assert_eq!(
            action_for(press(KeyCode::Char('?'), SHIFT), Mode::Normal),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('P'), SHIFT), Mode::Normal),
            Some(Action::TogglePresentation)
        );
    }

    #[test]
    fn every_key_is_bound_once_per_mode() {
        for mode in [Mode::Normal, Mode::Editing, Mode::Overlay] {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
                for p in b.patterns {
                    assert!(!seen.contains(p), "{p:?} bound twice in {mode:?}");
                    seen.push(*p);
                }
            }
        }
    }

    #[test]
    fn the_footer_comes_from_the_table() {
        let f = footer(Mode::Normal);
        assert!(f.contains(&("Down/j", "move")));
        assert!(f.contains(&("?/F1", "help")));
        assert!(f.contains(&("q/Esc", "quit")));
        assert_eq!(&f[..2], [("?/F1", "help"), ("q/Esc", "quit")]);
        assert_eq!(
            footer(Mode::Editing),
            [
                ("0-9 .", "digits"),
                ("Backspace", "delete"),
                ("Enter", "accept"),
                ("Esc", "cancel")
            ]
        );
    }
}
