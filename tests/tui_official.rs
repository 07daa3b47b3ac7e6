//! ICE's latest official figures on the screen: the Results panel's latest-pace
//! comparison and the reported counter-statement under the quotas, and the book-ins
//! caveat first in the sources overlay (snapshots at 80x24 and 120x40, colour and mono).

use arrest_scenarios::data::{BOOK_INS_CAVEAT, BOOK_INS_NAME, Dataset};
use arrest_scenarios::model::Scenario;
use arrest_scenarios::tui::app::Overlay;
use arrest_scenarios::tui::overlay::rows;
use arrest_scenarios::tui::{Action, App, Theme};

mod common;
use common::{draw, screen_text};

fn app() -> App {
    App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    )
}

#[test]
fn results_panel_compares_with_the_latest_official_pace() {
    let a = app();
    let text = screen_text(&a, 120, 40);
    assert!(text.contains("│1,875 a day is 757.9 more than the latest     │"));
    assert!(text.contains("│official pace of 1,117.1 a day (1.68x)        │"));
    assert!(text.contains("│ICE-arrest initial book-ins into detention,   │"));
    assert!(text.contains("│Oct 2025-Mar 2026: 203,314 in 182 days =      │"));
}

#[test]
fn counter_statement_follows_the_quotas_in_the_results_panel() {
    let mut a = app();
    // Scroll the Results panel down to the end of the quota lines.
    for _ in 0..3 {
        a.update(Action::PageDown);
    }
    let text = screen_text(&a, 120, 40);
    assert!(
        text.contains("Reported counter-statement: in August 2025 the"),
        "{text}"
    );
}

#[test]
fn sources_overlay_starts_with_the_book_ins_caveat() {
    let a = app();
    let r = rows(&a, Overlay::Sources, 200);
    assert_eq!(r[0].key, "Book-ins");
    let joined: String = r
        .iter()
        .take_while(|row| !row.key.starts_with('['))
        .map(|row| row.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(joined, format!("{BOOK_INS_NAME}: {BOOK_INS_CAVEAT}"));
}

#[test]
fn sources_overlay_snapshots() {
    let mut a = app();
    a.update(Action::ToggleSources);
    for (w, h) in [(80, 24), (120, 40)] {
        for (theme, name) in [(Theme::COLOR, "color"), (Theme::MONO, "mono")] {
            let t = draw(&a, theme, w, h);
            insta::assert_snapshot!(format!("sources_{w}x{h}_{name}"), t.backend());
        }
    }
}

#[test]
fn the_observed_tab_shows_ices_monthly_book_ins_from_fy2019_as_their_own_measure() {
    let mut a = app();
    a.update(Action::GoTab(6));
    a.update(Action::TogglePacePeriod);
    assert!(a.pace_is_official());
    let screen = screen_text(&a, 200, 60);
    assert!(
        screen.contains(
            " ICE-arrest book-ins into detention a day, by month (official; not arrests), against the scenario "
        ),
        "{screen}"
    );
    assert!(
        screen.contains("2018-10"),
        "the series starts with FY2019's first month"
    );
    assert!(
        screen.contains("2026-04"),
        "and ends with the data-through month"
    );
    assert!(screen.contains(&format!(
        "{BOOK_INS_NAME} a day, by month, FY2019 on (official; not arrests)"
    )));
    assert!(
        !screen.contains("Observed arrests a day"),
        "never called arrests"
    );
    // Once more: back to the bundled weekly arrests.
    a.update(Action::TogglePacePeriod);
    assert!(!a.pace_is_official());
    assert!(screen_text(&a, 200, 60).contains("Observed arrests a day, by week"));
}
