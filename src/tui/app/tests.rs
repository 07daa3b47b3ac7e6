//! The basics: moving, adjusting, typing, undo, presets, offices, overlays.

use super::*;
use crate::number::{Amount, Fixed3};
use crate::tui::keys::Action;

fn app() -> App {
    App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    )
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(a.clone());
    }
}

fn type_number(app: &mut App, text: &str) {
    app.update(Action::StartEdit);
    for c in text.chars() {
        app.update(Action::EditChar(c));
    }
    app.update(Action::ConfirmEdit);
}

#[test]
fn starts_at_25_by_75() {
    let a = app();
    assert_eq!(a.derived.outcome.daily_total, Amount::whole(1875));
    assert_eq!(a.selected(), Field::Offices);
    assert_eq!(a.presets[a.preset.unwrap()].id, "wapo-per-office");
}

#[test]
fn moving_and_adjusting_fields() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::Increase]);
    assert_eq!(a.selected(), Field::PerOffice);
    assert_eq!(a.scenario.per_office, Fixed3::whole(76));
    assert_eq!(a.derived.outcome.daily_total, Amount::whole(1900));
    run(&mut a, &[Action::DecreaseLarge, Action::DecreaseLarge]);
    assert_eq!(a.scenario.per_office, Fixed3::whole(56));
    run(&mut a, &[Action::Up, Action::Decrease]);
    assert_eq!(a.scenario.offices, 24);
    run(&mut a, &[Action::Last, Action::IncreaseLarge]);
    assert_eq!(a.selected(), Field::Days);
    assert_eq!(a.scenario.days, 366, "days saturate at 366");
    run(
        &mut a,
        &[Action::Up, Action::DecreaseLarge, Action::Decrease],
    );
    assert_eq!(a.scenario.attainment, Fixed3::whole(70));
    run(&mut a, &[Action::Up, Action::Up, Action::Up, Action::Up]);
    assert_eq!(a.selected(), Field::Offices, "stops at the top");
}

#[test]
fn values_saturate_at_zero() {
    let mut a = app();
    for _ in 0..10 {
        a.update(Action::DecreaseLarge);
    }
    assert_eq!(a.scenario.offices, 0);
    assert_eq!(a.derived.outcome.daily_total, Amount::ZERO);
}

#[test]
fn typing_a_number_and_refusing_a_bad_one() {
    let mut a = app();
    a.update(Action::Down);
    type_number(&mut a, "62.5");
    assert_eq!(a.scenario.per_office, Fixed3::from_thousandths(62_500));
    assert_eq!(
        a.derived.outcome.daily_total,
        Amount::from_units(156_250_000_000)
    );
    type_number(&mut a, "1.2.3");
    assert_eq!(a.scenario.per_office, Fixed3::from_thousandths(62_500));
    assert_eq!(
        a.message.as_ref().unwrap().text,
        "per-office target '1.2.3' is not a number; expected a number from 0 to \
             1,000,000,000,000 a day, with at most 3 decimals; kept 62.5"
    );
    assert!(a.message.as_ref().unwrap().is_error);
    type_number(&mut a, "");
    assert_eq!(
        a.message.as_ref().unwrap().text,
        "per-office target is empty; expected a number from 0 to 1,000,000,000,000 a day, \
             with at most 3 decimals; kept 62.5"
    );
    a.update(Action::Last);
    type_number(&mut a, "400");
    assert_eq!(a.scenario.days, 365);
    assert_eq!(
        a.message.as_ref().unwrap().text,
        "days '400' is out of range; expected a whole number of days from 1 to 366; kept 365"
    );
}

#[test]
fn backspace_and_cancel() {
    let mut a = app();
    run(
        &mut a,
        &[
            Action::StartEdit,
            Action::EditChar('3'),
            Action::EditChar('0'),
            Action::EditChar('9'),
            Action::EditBackspace,
        ],
    );
    assert_eq!(a.edit.as_ref().unwrap().buffer, "30");
    assert_eq!(a.context(), Context::TypingNumber);
    a.update(Action::CancelEdit);
    assert_eq!(a.edit, None);
    assert_eq!(a.scenario.offices, 25);
    type_number(&mut a, "30");
    assert_eq!(a.scenario.offices, 30);
}

#[test]
fn undo_redo_and_reset() {
    let mut a = app();
    run(&mut a, &[Action::Increase, Action::Increase]);
    assert_eq!(a.scenario.offices, 27);
    a.update(Action::Undo);
    assert_eq!(a.scenario.offices, 26);
    assert_eq!(a.derived.outcome.daily_total, Amount::whole(26 * 75));
    a.update(Action::Undo);
    assert_eq!(a.scenario.offices, 25);
    a.update(Action::Undo);
    assert_eq!(a.message.as_ref().unwrap().text, "Nothing to undo");
    a.update(Action::Redo);
    assert_eq!(a.scenario.offices, 26);
    a.update(Action::Increase);
    a.update(Action::Redo);
    assert_eq!(a.message.as_ref().unwrap().text, "Nothing to redo");
    a.update(Action::Reset);
    assert_eq!(a.scenario, Scenario::default());
    a.update(Action::Undo);
    assert_eq!(a.scenario.offices, 27);
}

#[test]
fn presets_cycle_and_keep_attainment() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::Down, Action::Decrease]);
    assert_eq!(a.scenario.attainment, Fixed3::whole(95));
    // The start matches preset 3 (wapo-per-office); p moves on from there.
    a.update(Action::NextPreset);
    assert_eq!(a.presets[a.preset.unwrap()].id, "independent-25x75");
    a.update(Action::NextPreset);
    a.update(Action::NextPreset);
    assert_eq!(a.presets[a.preset.unwrap()].id, "axios-3000");
    assert_eq!(a.scenario.per_office, Fixed3::whole(120));
    assert_eq!(a.scenario.attainment, Fixed3::whole(95));
    assert_eq!(a.derived.outcome.daily_total, Amount::whole(2850));
    assert_eq!(
        a.message.as_ref().unwrap().text,
        "Preset 6/6: 3,000 a day (Axios, 2025-05-28)"
    );
    a.update(Action::NextPreset);
    assert_eq!(a.presets[a.preset.unwrap()].id, "wapo-national-low");
    a.update(Action::PrevPreset);
    assert_eq!(a.presets[a.preset.unwrap()].id, "axios-3000");
    a.update(Action::Up);
    a.update(Action::Up);
    a.update(Action::Increase);
    assert_eq!(a.preset, None, "a changed office count no longer matches");
}

#[test]
fn offices_tab_edits_rows_below_and_above_25() {
    let mut a = app();
    a.update(Action::NextTab);
    assert_eq!(a.tab, Tab::Offices);
    assert_eq!(a.fields().len(), 27);
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.selected(), Field::Office(0));
    a.update(Action::IncreaseLarge);
    assert_eq!(a.scenario.overrides.get("ATL"), Some(&Fixed3::whole(85)));
    assert_eq!(a.derived.outcome.daily_total, Amount::whole(1885));
    assert_eq!(a.preset, None);
    a.update(Action::ClearOverride);
    assert!(a.scenario.overrides.is_empty());
    assert!(a.preset.is_some());
    // Lower the count: the last offices drop out.
    run(
        &mut a,
        &[Action::Last, Action::IncreaseLarge, Action::First],
    );
    assert_eq!(a.scenario.overrides.get("WAS"), Some(&Fixed3::whole(85)));
    assert_eq!(a.derived.outcome.daily_total, Amount::whole(1885));
    type_number(&mut a, "20");
    assert_eq!(
        a.derived.outcome.daily_total,
        Amount::whole(1500),
        "WAS no longer counts"
    );
    type_number(&mut a, "30");
    assert_eq!(a.derived.outcome.daily_total, Amount::whole(29 * 75 + 85));
    // Typing an office target equal to the uniform one clears the override.
    a.update(Action::Last);
    type_number(&mut a, "75");
    assert!(a.scenario.overrides.is_empty());
    a.update(Action::PrevTab);
    assert_eq!(a.tab, Tab::Scenario);
}

#[test]
fn overlays_open_and_close() {
    let mut a = app();
    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay, Some(Overlay::Help));
    assert_eq!(a.context(), Context::Help);
    a.update(Action::Down);
    a.update(Action::Down);
    a.update(Action::Up);
    assert_eq!(a.overlay_scroll, 1);
    assert_eq!(a.rows[0], 0, "scrolling does not move the selection");
    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay, None);
    a.update(Action::ToggleSources);
    assert_eq!(a.overlay, Some(Overlay::Sources));
    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay, None);
    a.update(Action::Quit);
    assert!(a.quit);
}

#[test]
fn huge_values_typed_in_stay_finite() {
    let mut a = app();
    type_number(&mut a, "4294967295");
    a.update(Action::Down);
    type_number(&mut a, "1000000000000");
    assert_eq!(
        a.derived.outcome.daily_total,
        Amount::from_units(4_294_967_295 * 1_000_000_000_000 * crate::number::AMOUNT_SCALE)
    );
    type_number(&mut a, "1000000000001");
    assert_eq!(
        a.message.as_ref().unwrap().text,
        "per-office target '1000000000001' is too large; expected a number from 0 to \
             1,000,000,000,000 a day, with at most 3 decimals; kept 1,000,000,000,000"
    );
    a.update(Action::Up);
    type_number(&mut a, "4294967296");
    assert_eq!(a.scenario.offices, u32::MAX);
}
