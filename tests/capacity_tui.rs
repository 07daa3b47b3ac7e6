//! The Capacity tab and the capacity steps on the Explain tab, rendered into a test
//! backend: snapshots at 80x24, 120x40 and in monochrome, and the keys that change it.

#![cfg(feature = "tui")]

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::Scenario;
use arrest_scenarios::tui::app::{Field, Tab};
use arrest_scenarios::tui::keys::{Context, action_for};
use arrest_scenarios::tui::{Action, App, Theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

mod common;
use common::{draw, text_of as text};

fn app() -> App {
    App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    )
}

fn with(actions: &[Action]) -> App {
    let mut a = app();
    for action in actions {
        a.update(action.clone());
    }
    a
}

/// The Capacity tab: key 8.
const TAB: Action = Action::GoTab(7);

fn typed(a: &mut App, text: &str) {
    a.update(Action::StartEdit);
    for c in text.chars() {
        a.update(Action::EditChar(c));
    }
    a.update(Action::ConfirmEdit);
}

#[test]
fn capacity_tab_80x24() {
    insta::assert_snapshot!(draw(&with(&[TAB]), Theme::COLOR, 80, 24).backend());
}

#[test]
fn capacity_tab_120x40() {
    insta::assert_snapshot!(draw(&with(&[TAB]), Theme::COLOR, 120, 40).backend());
}

#[test]
fn capacity_tab_monochrome() {
    let t = draw(&with(&[TAB]), Theme::MONO, 80, 24);
    for cell in t.backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    insta::assert_snapshot!(t.backend());
}

#[test]
fn key_8_opens_the_tab_and_every_line_of_the_chart_is_labelled() {
    let eight = KeyEvent::new(KeyCode::Char('8'), KeyModifiers::NONE);
    assert_eq!(action_for(eight, Context::Browse(Tab::Scenario)), Some(TAB));
    let a = with(&[TAB]);
    assert_eq!(a.tab(), Tab::Capacity);
    let screen = text(&draw(&a, Theme::COLOR, 120, 40));
    for label in [
        "█ needed ~81,850 (scenario)",
        "• funded 41,500 (reported)",
        "⣿ held, monthly (official)",
        "Oct 2018",
        "Apr 2026",
        "[8 Capacity]",
        "Beds needed ~81,849.6",
        "= 1.97x funded, ~40,350 short",
        "Beds sustain ~950.68 a day",
        "= ~38.027 per office (t sets)",
        "12-week ramp: beds fill on day 57",
    ] {
        assert!(screen.contains(label), "{label} not on screen:\n{screen}");
    }
}

#[test]
fn the_assumptions_step_type_and_swap() {
    let mut a = with(&[TAB]);
    // The stay, up a day: 1,875 x 44.6531 = 83,724.5625.
    a.update(Action::Increase);
    assert_eq!(
        a.derived().capacity.beds_needed.unwrap().value.plain(),
        "83724.5625"
    );
    // Typed: the example.
    typed(&mut a, "40");
    a.update(Action::Down);
    typed(&mut a, "50");
    a.update(Action::Down);
    typed(&mut a, "30000");
    a.update(Action::Down);
    typed(&mut a, "5000");
    a.update(Action::Down);
    typed(&mut a, "40");
    let c = &a.derived().capacity;
    assert_eq!(c.beds_needed.unwrap().value.plain(), "37500");
    assert_eq!(c.sustainable_daily.unwrap().value.plain(), "1500");
    assert_eq!(
        c.arrests_per_officer_per_day.unwrap().value.plain(),
        "0.375"
    );
    assert_eq!(c.at_large_daily.unwrap().value.plain(), "750");
    assert!(a.capacity_settings().beds == Some(30_000));
    // A bad value is refused with the validator's sentence, and nothing changes.
    a.update(Action::First);
    typed(&mut a, "0");
    let m = a.message().unwrap();
    assert!(m.is_error);
    assert_eq!(
        m.text,
        "average stay '0' is not above 0; expected a number of days above 0 and at most 3,650, with at most 4 decimals; kept 40 days"
    );
    // `a` swaps the detained share for FY2024's ratio, and back to the default.
    a.update(Action::Down);
    a.update(Action::CapacityAlternative);
    assert_eq!(a.value_text(Field::DetainedShare), "~79.886%");
    assert_eq!(
        a.derived()
            .capacity
            .assumptions
            .detained_share
            .source_id
            .as_deref(),
        Some("ice-detention-fy2024")
    );
    a.update(Action::CapacityAlternative);
    assert_eq!(a.value_text(Field::DetainedShare), "100%");
    // And the officers for January 2026's 22,000.
    a.update(Action::Down);
    a.update(Action::Down);
    a.update(Action::CapacityAlternative);
    assert_eq!(a.derived().capacity.officers, 22_000);
    // Steps stop at the bounds.
    a.update(Action::First);
    for _ in 0..400 {
        a.update(Action::IncreaseLarge);
    }
    assert_eq!(a.value_text(Field::StayDays), "3,650 days");
}

#[test]
fn goal_seek_both_ways_on_the_tab() {
    let mut a = with(&[TAB]);
    // t: the per-office target the 41,500 beds sustain (~38.027 a day with 25 offices).
    a.update(Action::ApplyCapacityTarget);
    assert_eq!(a.scenario().per_office.to_string(), "38.027");
    let held = a.derived().capacity.beds_needed.unwrap().value.to_f64();
    assert!((held - 41_500.0).abs() < 1.0, "{held}");
    // B: the beds the scenario needs, rounded up.
    a.update(Action::Undo);
    a.update(Action::ApplyCapacityBeds);
    assert_eq!(a.derived().capacity.beds, 81_850);
    assert_eq!(
        a.message().unwrap().text,
        "Funded beds set to 81,850: what 1,875 a day needs (rounded up)"
    );
    // Outside the tab the keys do nothing.
    let t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE);
    assert_eq!(action_for(t, Context::Browse(Tab::Scenario)), None);
}

#[test]
fn the_explain_tab_walks_through_the_capacity_steps() {
    let mut a = app();
    let base = a.derived().explanation.len();
    // Step past the scenario's arithmetic into the capacity check.
    for _ in 0..=base {
        a.update(Action::RevealNext);
    }
    let screen = text(&draw(&a, Theme::COLOR, 80, 24));
    assert!(screen.contains("The capacity check (tab 8):"), "{screen}");
    assert!(screen.contains("held = ?"), "{screen}");
    insta::assert_snapshot!(draw(&a, Theme::COLOR, 80, 24).backend());
    a.update(Action::RevealNext);
    let screen = text(&draw(&a, Theme::COLOR, 80, 24));
    assert!(screen.contains("= ~81,849.6 people held"), "{screen}");
    // Past the last capacity step everything shows again.
    for _ in 0..a.derived().capacity_steps.len() {
        a.update(Action::RevealNext);
    }
    assert_eq!(a.reveal(), None);
}

#[test]
fn the_tab_renders_at_every_size() {
    let mut huge = with(&[TAB]);
    huge.update(Action::GoTab(0));
    typed(&mut huge, "4294967295");
    huge.update(Action::Down);
    typed(&mut huge, "1000000000000");
    huge.update(TAB);
    let mut zero = with(&[TAB, Action::Down]);
    typed(&mut zero, "0");
    for a in [with(&[TAB]), huge, zero] {
        for theme in [Theme::COLOR, Theme::MONO] {
            for (w, h) in [
                (0, 0),
                (1, 1),
                (20, 5),
                (60, 18),
                (80, 24),
                (120, 40),
                (200, 60),
            ] {
                draw(&a, theme, w, h);
            }
        }
    }
}
