//! The key table: what each key does in each context, and that no context binds a key
//! twice.

use super::*;
use crossterm::event::KeyEventState;

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

fn on(c: Context, code: KeyCode) -> Option<Action> {
    action_for(press(code, NONE), c)
}

const SCENARIO: Context = Context::Browse(Tab::Scenario);

#[test]
fn the_main_keys_map_as_written() {
    let k = |code| on(SCENARIO, code);
    assert_eq!(k(KeyCode::Up), Some(Action::Up));
    assert_eq!(k(KeyCode::Char('k')), Some(Action::Up));
    assert_eq!(k(KeyCode::Down), Some(Action::Down));
    assert_eq!(k(KeyCode::Char('j')), Some(Action::Down));
    assert_eq!(k(KeyCode::Tab), Some(Action::NextTab));
    assert_eq!(
        action_for(press(KeyCode::BackTab, SHIFT), SCENARIO),
        Some(Action::PrevTab)
    );
    assert_eq!(k(KeyCode::Right), Some(Action::Increase));
    assert_eq!(k(KeyCode::Char('+')), Some(Action::Increase));
    assert_eq!(k(KeyCode::Left), Some(Action::Decrease));
    assert_eq!(k(KeyCode::Char('-')), Some(Action::Decrease));
    assert_eq!(
        action_for(press(KeyCode::Right, SHIFT), SCENARIO),
        Some(Action::IncreaseLarge)
    );
    assert_eq!(
        action_for(press(KeyCode::Left, SHIFT), SCENARIO),
        Some(Action::DecreaseLarge)
    );
    assert_eq!(k(KeyCode::Enter), Some(Action::StartEdit));
    assert_eq!(k(KeyCode::Char('p')), Some(Action::NextPreset));
    assert_eq!(k(KeyCode::Char('u')), Some(Action::Undo));
    assert_eq!(
        action_for(press(KeyCode::Char('r'), CTRL), SCENARIO),
        Some(Action::Redo)
    );
    assert_eq!(k(KeyCode::Char('r')), Some(Action::Reset));
    assert_eq!(k(KeyCode::Char('?')), Some(Action::ToggleHelp));
    assert_eq!(k(KeyCode::Char('q')), Some(Action::Quit));
    assert_eq!(k(KeyCode::F(5)), Some(Action::TogglePresentation));
    assert_eq!(k(KeyCode::Char('z')), None);
}

#[test]
fn esc_never_quits_anywhere() {
    for c in Context::ALL {
        let esc = on(c, KeyCode::Esc);
        assert_ne!(esc, Some(Action::Quit), "Esc quits in {c:?}");
        assert!(esc.is_some(), "Esc is unbound in {c:?}");
    }
    assert_eq!(on(SCENARIO, KeyCode::Esc), Some(Action::Back));
    assert_eq!(
        on(Context::Presenting, KeyCode::Esc),
        Some(Action::TogglePresentation)
    );
    assert_eq!(on(Context::Blank, KeyCode::Esc), Some(Action::ToggleBlank));
    assert_eq!(on(Context::Help, KeyCode::Esc), Some(Action::CloseOverlay));
    assert_eq!(
        on(Context::TypingNumber, KeyCode::Esc),
        Some(Action::CancelEdit)
    );
}

#[test]
fn ctrl_c_quits_everywhere_and_q_wherever_nothing_is_typed_or_open() {
    for c in Context::ALL {
        assert_eq!(
            action_for(press(KeyCode::Char('c'), CTRL), c),
            Some(Action::Quit),
            "{c:?}"
        );
        let q = on(c, KeyCode::Char('q'));
        match c {
            Context::TypingNumber => assert_eq!(q, None),
            Context::TypingName => assert_eq!(q, Some(Action::EditChar('q'))),
            c if c.is_overlay() => assert_eq!(q, Some(Action::CloseOverlay)),
            _ => assert_eq!(q, Some(Action::Quit), "{c:?}"),
        }
    }
}

#[test]
fn a_clicker_steps_on_explain_and_in_presentation_and_changes_no_value_elsewhere() {
    for c in [Context::Browse(Tab::Explain), Context::Presenting] {
        assert_eq!(on(c, KeyCode::PageDown), Some(Action::RevealNext));
        assert_eq!(on(c, KeyCode::Char(' ')), Some(Action::RevealNext));
        assert_eq!(on(c, KeyCode::PageUp), Some(Action::RevealPrev));
    }
    let values = [
        Action::Increase,
        Action::Decrease,
        Action::IncreaseLarge,
        Action::DecreaseLarge,
    ];
    for c in Context::ALL {
        for code in [KeyCode::PageUp, KeyCode::PageDown] {
            let a = on(c, code);
            assert!(
                a.as_ref().is_none_or(|a| !values.contains(a)),
                "{code:?} changes a value in {c:?}"
            );
        }
    }
    for c in [Context::Presenting, Context::Blank] {
        assert_eq!(on(c, KeyCode::Char('b')), Some(Action::ToggleBlank));
        assert_eq!(on(c, KeyCode::Char('.')), Some(Action::ToggleBlank));
    }
    assert_eq!(on(SCENARIO, KeyCode::Char('b')), None);
}

#[test]
fn the_grid_and_the_goal_have_their_own_keys() {
    let grid = Context::Browse(Tab::Grid);
    assert_eq!(on(grid, KeyCode::Up), Some(Action::Up));
    assert_eq!(on(grid, KeyCode::Right), Some(Action::Increase));
    assert_eq!(on(grid, KeyCode::Enter), Some(Action::StartEdit));
    assert_eq!(
        action_for(press(KeyCode::Right, SHIFT), grid),
        None,
        "no large step in the grid"
    );
    let goal = Context::Browse(Tab::Goal);
    assert_eq!(on(goal, KeyCode::Char('a')), Some(Action::ApplyGoalTarget));
    assert_eq!(on(SCENARIO, KeyCode::Char('a')), None);
    let grid_footer: Vec<&str> = footer(grid).iter().map(|e| e.1).collect();
    assert_eq!(&grid_footer[..2], ["move", "load cell"]);
    let goal_footer: Vec<&str> = footer(goal).iter().map(|e| e.1).collect();
    assert_eq!(&goal_footer[..2], ["apply target", "apply offices"]);
}

#[test]
fn typing_keys() {
    let edit = |code| on(Context::TypingNumber, code);
    assert_eq!(edit(KeyCode::Char('7')), Some(Action::EditChar('7')));
    assert_eq!(edit(KeyCode::Char('.')), Some(Action::EditChar('.')));
    assert_eq!(edit(KeyCode::Char('a')), None);
    assert_eq!(edit(KeyCode::Backspace), Some(Action::EditBackspace));
    assert_eq!(edit(KeyCode::Enter), Some(Action::ConfirmEdit));
    assert_eq!(
        on(Context::TypingName, KeyCode::Char('P')),
        Some(Action::EditChar('P')),
        "a name takes letters, never commands"
    );
}

#[test]
fn release_events_never_act_but_repeats_do() {
    let mut e = KeyEvent::new_with_kind_and_state(
        KeyCode::Right,
        NONE,
        KeyEventKind::Release,
        KeyEventState::NONE,
    );
    assert_eq!(action_for(e, SCENARIO), None);
    e.kind = KeyEventKind::Repeat;
    assert_eq!(action_for(e, SCENARIO), Some(Action::Increase));
}

#[test]
fn shifted_characters_match_with_or_without_the_shift_flag() {
    assert_eq!(
        action_for(press(KeyCode::Char('?'), SHIFT), SCENARIO),
        Some(Action::ToggleHelp)
    );
    assert_eq!(
        action_for(press(KeyCode::Char('P'), SHIFT), SCENARIO),
        Some(Action::TogglePresentation)
    );
}

/// Every context: some keys, none bound twice, a way to quit, a footer with an entry.
#[test]
fn the_key_table_covers_every_context_with_each_key_once() {
    for c in Context::ALL {
        let mut seen: Vec<Pattern> = Vec::new();
        for b in bindings(c) {
            for p in b.patterns {
                assert!(!seen.contains(p), "{p:?} bound twice in {c:?}");
                seen.push(*p);
            }
        }
        assert!(seen.len() >= 3, "{c:?} has almost no keys");
        assert!(!footer(c).is_empty(), "{c:?} has no footer");
        // A binding's keys text names each key it lists for the help.
        for b in bindings(c) {
            assert!(!b.keys.is_empty() && !b.help.is_empty());
        }
    }
    // Every binding applies somewhere.
    for b in BINDINGS {
        assert!(
            Context::ALL.iter().any(|c| b.when.applies(*c)),
            "{} applies nowhere",
            b.keys
        );
    }
}

#[test]
fn the_footer_puts_the_context_first_then_a_teachers_keys() {
    let f: Vec<&str> = footer(SCENARIO).iter().map(|e| e.0).collect();
    assert_eq!(&f[..4], ["P/F5", "e", "w", "X"]);
    let explain: Vec<&str> = footer(Context::Browse(Tab::Explain))
        .iter()
        .map(|e| e.1)
        .collect();
    assert_eq!(&explain[..2], ["next step", "back"]);
    assert_eq!(
        footer(Context::TypingNumber)
            .iter()
            .map(|e| (e.0, e.1))
            .collect::<Vec<_>>(),
        [
            ("0-9 .", "digits"),
            ("Backspace", "delete"),
            ("Enter", "accept"),
            ("Esc", "cancel")
        ]
    );
}
