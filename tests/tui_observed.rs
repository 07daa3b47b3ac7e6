//! The Observed tab with a records file: the days its daily averages are taken over
//! (the whole file, the last 12 weeks, the last full month, on `a`), named on screen;
//! the offices' paces and the at-large share over those days; the at-large pace by
//! week or month on the chart. Counted against a fixture whose answers are known.

mod common;

use std::fmt::Write as _;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::Scenario;
use arrest_scenarios::records::{Days, Window, day_number};
use arrest_scenarios::tui::app::Tab;
use arrest_scenarios::tui::keys::{Context, action_for};
use arrest_scenarios::tui::{Action, App, Theme};
use common::{draw, screen_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// 2025-03-01 to 2025-06-10 (102 days). Dallas: 2 at-large arrests ("Located") on each
/// day of May (62). Houston: 1 custodial arrest on each day of March (31) and one on
/// 2025-06-10 (the file's last day).
fn fixture() -> String {
    let mut csv = String::from("apprehension_date,apprehension_aor,apprehension_method\n");
    for day in 1..=31 {
        let _ = writeln!(
            csv,
            "2025-03-{day:02},Houston Area of Responsibility,CAP Local Incarceration"
        );
        for _ in 0..2 {
            let _ = writeln!(
                csv,
                "2025-05-{day:02},Dallas Area of Responsibility,Located"
            );
        }
    }
    csv.push_str("2025-06-10,Houston Area of Responsibility,CAP Local Incarceration\n");
    csv
}

/// What the screen's loader hands the App for `csv`, read as `--records FILE` reads it.
fn loaded(csv: &str) -> Action {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("arrests.csv");
    std::fs::write(&path, csv).unwrap();
    let rx = arrest_scenarios::tui::spawn_loader(
        vec![path],
        arrest_scenarios::records::Options::default(),
        Dataset::bundled().unwrap().offices,
    );
    rx.iter()
        .find(|a| matches!(a, Action::RecordsLoaded(_)))
        .expect("a result")
}

fn observed(records: Option<&str>) -> App {
    let mut a = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    if let Some(csv) = records {
        a.update(loaded(csv));
    }
    a.update(Action::GoTab(6));
    a
}

fn day(y: i32, m: u32, d: u32) -> i32 {
    day_number(y, m, d).unwrap()
}

/// Each office's observed arrests a day.
fn paces(a: &App) -> Vec<(String, f64)> {
    a.derived()
        .stretch
        .iter()
        .map(|s| (s.label.clone(), s.observed))
        .collect()
}

#[test]
fn a_cycles_the_averaged_days_and_every_office_follows() {
    let mut a = observed(Some(&fixture()));
    assert_eq!(
        a.derived().observed_days,
        Some((
            Window::Whole,
            Days {
                first: day(2025, 3, 1),
                last: day(2025, 6, 10)
            }
        ))
    );
    assert_eq!(
        paces(&a),
        [
            ("DAL".to_string(), 62.0 / 102.0),
            ("HOU".to_string(), 32.0 / 102.0)
        ]
    );

    // `a` is the key, on the Observed tab.
    let key = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(
        action_for(key, Context::Browse(Tab::Observed)),
        Some(Action::CycleAverage)
    );

    a.update(Action::CycleAverage);
    assert_eq!(a.average(), Window::LastWeeks(12));
    // 84 days ending on 2025-06-10: from 2025-03-19 (13 of Houston's March days).
    assert_eq!(
        a.message().unwrap().text,
        "Averaged over the last 12 weeks: 2025-03-19 to 2025-06-10, 84 days"
    );
    assert_eq!(
        paces(&a),
        [
            ("DAL".to_string(), 62.0 / 84.0),
            ("HOU".to_string(), 14.0 / 84.0)
        ]
    );

    a.update(Action::CycleAverage);
    assert_eq!(a.average(), Window::LastFullMonth);
    assert_eq!(
        a.message().unwrap().text,
        "Averaged over the last full month: 2025-05-01 to 2025-05-31, 31 days"
    );
    assert_eq!(
        paces(&a),
        [("DAL".to_string(), 2.0), ("HOU".to_string(), 0.0)]
    );
    // The stretch follows: 75 a day against 2 observed; nothing observed, no factor.
    let dal = &a.derived().stretch[0];
    assert_eq!(dal.factor, Some(37.5));
    assert_eq!(a.derived().stretch[1].factor, None);

    a.update(Action::CycleAverage);
    assert_eq!(a.average(), Window::Whole);
}

#[test]
fn the_screen_names_the_days_it_averages_at_every_width() {
    let mut a = observed(Some(&fixture()));
    let wide = screen_text(&a, 200, 60);
    assert!(
        wide.contains(
            "Averaged over the whole file: 2025-03-01 to 2025-06-10, 102 days (a: change)"
        ),
        "{wide}"
    );
    let small = screen_text(&a, 80, 24);
    assert!(
        small.contains("│whole file, 102 days to 2025-06-10"),
        "{small}"
    );
    // The footer offers the key where it works.
    assert!(small.contains("a average"), "{small}");
    a.update(Action::CycleAverage);
    let small = screen_text(&a, 80, 24);
    assert!(
        small.contains("│last 12 weeks, 84 days to 2025-06-10"),
        "{small}"
    );
    // The office table's rows are the new averages (DAL 62/84 = 0.738).
    assert!(
        small
            .lines()
            .any(|l| l.contains("│DAL ") && l.contains(" 0.7 ") && l.contains(" 101.6x ")),
        "{small}"
    );
    a.update(Action::CycleAverage);
    let mid = screen_text(&a, 120, 40);
    assert!(
        mid.contains("Averaged over the last full month: 2025-05-01 to 2025-05-31, 31 days"),
        "{mid}"
    );
}

#[test]
fn the_at_large_share_over_the_averaged_days_sits_beside_fy2024s() {
    let mut a = observed(Some(&fixture()));
    let lines = |a: &App| a.derived().at_large.clone();
    // 62 at-large of 94 in the file; 62 of 76 in the last 12 weeks; 62 of 62 in May.
    assert_eq!(
        lines(&a)[1],
        "Over the whole file (2025-03-01 to 2025-06-10, 102 days): 66.0% at large (62 of 94)"
    );
    a.update(Action::CycleAverage);
    assert_eq!(
        lines(&a)[1],
        "Over the last 12 weeks (2025-03-19 to 2025-06-10, 84 days): 81.6% at large (62 of 76)"
    );
    a.update(Action::CycleAverage);
    assert_eq!(
        lines(&a)[1],
        "Over the last full month (2025-05-01 to 2025-05-31, 31 days): 100.0% at large (62 of 62)"
    );
    assert!(lines(&a)[2].starts_with("FY2024: 29.3% at large (33,243 of 113,431 arrests"));
}

#[test]
fn the_chart_draws_the_at_large_pace_by_week_and_by_month() {
    let mut a = observed(Some(&fixture()));
    // Weeks start on Sunday: the week of 2025-05-04 has 7 May days, 14 at large.
    let week = a
        .pace_at_large()
        .iter()
        .find(|(w, _)| w == "2025-05-04")
        .cloned();
    assert_eq!(week, Some(("2025-05-04".to_string(), 2.0)));
    assert_eq!(a.pace_at_large().len(), a.pace().1.len());
    let screen = screen_text(&a, 120, 40);
    assert!(
        screen.contains("▄ of them at large (DDP's rule, derived)"),
        "{screen}"
    );
    a.update(Action::TogglePacePeriod);
    assert_eq!(
        a.pace_at_large(),
        [
            ("2025-03".to_string(), 0.0),
            ("2025-05".to_string(), 2.0),
            ("2025-06".to_string(), 0.0)
        ]
    );
    // ICE's monthly book-ins have no at-large split: the line goes.
    a.update(Action::TogglePacePeriod);
    assert!(a.pace_at_large().is_empty());
    assert!(!screen_text(&a, 120, 40).contains("of them at large"));
    // A file without a method column has no at-large line either.
    let plain = observed(Some(
        "apprehension_date,apprehension_aor\n2025-01-01,Dallas Area of Responsibility\n",
    ));
    assert!(plain.pace_at_large().is_empty());
}

#[test]
fn a_window_the_file_cannot_give_is_passed_over_and_says_why() {
    // Ten days of March: no 12 weeks, no full month.
    let mut csv = String::from("apprehension_date,apprehension_aor\n");
    for d in 1..=10 {
        let _ = writeln!(csv, "2025-03-{d:02},Dallas Area of Responsibility");
    }
    let mut a = observed(Some(&csv));
    a.update(Action::CycleAverage);
    assert_eq!(a.average(), Window::Whole);
    assert_eq!(
        a.message().unwrap().text,
        "Averaged over the whole file: 2025-03-01 to 2025-03-10, 10 days; \
         not the last 12 weeks: the file covers 10 days, fewer than 84 days (last 12 weeks); \
         not the last full month: the file covers no calendar month in full \
         (2025-03-01 to 2025-03-10, 10 days)"
    );
    // The status line ends in a mark where the message does not fit.
    let small = screen_text(&a, 80, 24);
    let status = small.lines().nth(21).unwrap();
    assert!(status.ends_with('…'), "{status}");
}

#[test]
fn a_choice_made_before_the_file_is_read_is_kept_or_falls_back_with_a_note() {
    let mut a = observed(None);
    a.update(Action::CycleAverage);
    assert_eq!(
        a.message().unwrap().text,
        "A records file's daily averages will be taken over the last 12 weeks (--records FILE)"
    );
    a.update(loaded(&fixture()));
    assert_eq!(a.average(), Window::LastWeeks(12));
    assert_eq!(paces(&a)[0], ("DAL".to_string(), 62.0 / 84.0));

    let mut b = observed(None);
    b.update(Action::CycleAverage);
    b.update(Action::CycleAverage);
    assert_eq!(b.average(), Window::LastFullMonth);
    b.update(loaded(
        "apprehension_date,apprehension_aor\n2025-03-05,Dallas Area of Responsibility\n",
    ));
    assert_eq!(b.average(), Window::Whole);
    assert_eq!(
        b.message().unwrap().text,
        "Read 1 arrest records: see the Observed tab (7); averaged over the whole file, \
         not the last full month: the file covers no calendar month in full \
         (2025-03-05 to 2025-03-05, 1 day)"
    );
}

#[test]
fn the_observed_tab_with_a_file_at_two_sizes_in_both_themes() {
    let mut a = observed(Some(&fixture()));
    for window in ["whole", "last_12_weeks", "last_full_month"] {
        for (w, h) in [(80, 24), (120, 40)] {
            for (theme, tname) in [(Theme::COLOR, "color"), (Theme::MONO, "mono")] {
                let t = draw(&a, theme, w, h);
                insta::assert_snapshot!(format!("observed_{window}_{w}x{h}_{tname}"), t.backend());
            }
        }
        a.update(Action::CycleAverage);
    }
}
