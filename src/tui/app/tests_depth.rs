//! The classroom, analyst and records features of the app.

mod depth_tests {
    //! The classroom and analyst features: explanation, goal seek, grid, ramp,
    //! presentation, saving, loading, comparing and exporting.
    use super::super::*;
    use crate::number::{Amount, Fixed3};
    use crate::tui::keys::Action;

    fn app_in(dir: &std::path::Path) -> App {
        App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            Some(dir.join("scenarios")),
            dir.to_path_buf(),
        )
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::EditChar(c));
        }
        app.update(Action::ConfirmEdit);
    }

    #[test]
    fn stepping_through_the_arithmetic() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        assert_eq!(a.derived.explanation.len(), 8);
        a.update(Action::RevealNext);
        assert_eq!((a.tab, a.reveal), (Tab::Explain, Some(0)));
        // The scenario's 8 steps, then the capacity check's.
        let total = a.explain_len();
        assert_eq!(total, 8 + a.derived.capacity_steps.len());
        for k in 1..=total {
            a.update(Action::RevealNext);
            assert_eq!(a.reveal, Some(k));
        }
        a.update(Action::RevealNext);
        assert_eq!(a.reveal, None, "past the last step everything shows again");
        // The chain follows the parameters.
        a.update(Action::Down);
        a.update(Action::Increase);
        assert_eq!(
            a.derived.explanation[0].line(),
            "76 arrests per office per day x 25 offices = 1,900 arrests per day"
        );
    }

    #[test]
    fn goal_seek_and_apply() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::ShowGoal);
        let r = a.derived.goal_result.clone().unwrap();
        assert_eq!(r.per_office_needed, Some((Fixed3::whole(48), true)));
        assert_eq!(r.offices_needed, Some(16));
        a.update(Action::Down);
        a.update(Action::IncreaseLarge); // 1,700 a day
        assert_eq!(a.goal.daily, 1700);
        a.update(Action::ApplyGoalOffices);
        assert_eq!(a.scenario.offices, 23, "1,700 / 75 = 22.7, rounded up");
        a.update(Action::Up);
        a.update(Action::Increase); // an annual total
        assert_eq!(a.goal.kind, GoalKind::Annual);
        a.update(Action::Increase); // match a fiscal year
        a.update(Action::Down);
        a.update(Action::StartEdit);
        type_text(&mut a, "2012");
        assert_eq!(a.goal.year, 2012);
        a.update(Action::ApplyGoalTarget);
        // 290,622 / (23 x 365) = 34.618...
        assert_eq!(a.scenario.per_office, Fixed3::from_thousandths(34_618));
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Per-office target set to ~34.618 for FY2012's total, 290,622 arrests (official)"
        );
        a.update(Action::StartEdit);
        type_text(&mut a, "1999");
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Goal value: FY1999 is not loaded; kept FY2012"
        );
        a.update(Action::ShowExplain);
        a.update(Action::ApplyGoalTarget);
        assert!(a.message.as_ref().unwrap().is_error);
    }

    #[test]
    fn grid_moves_and_loads_a_cell() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::ShowGrid);
        let (r, c) = a.grid_cell;
        assert_eq!(
            (a.derived.grid.rows[r], a.derived.grid.cols[c]),
            (Fixed3::whole(75), 25)
        );
        a.update(Action::Up); // 72
        a.update(Action::Decrease); // 24 offices
        a.update(Action::StartEdit);
        assert_eq!(
            (a.scenario.per_office, a.scenario.offices),
            (Fixed3::whole(72), 24)
        );
        assert_eq!(a.derived.outcome.daily_total, Amount::whole(1728));
        let (r, c) = a.grid_cell;
        assert_eq!(
            (a.derived.grid.rows[r], a.derived.grid.cols[c]),
            (Fixed3::whole(72), 24)
        );
    }

    #[test]
    fn ramp_weeks_adjust() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::GoTab(5));
        assert_eq!(a.tab, Tab::Ramp);
        assert_eq!(a.selected(), Field::RampWeeks);
        let before = a.derived.ramp.total_with_ramp;
        a.update(Action::IncreaseLarge);
        assert_eq!(a.ramp_weeks, 16);
        assert!(a.derived.ramp.total_with_ramp < before);
        a.update(Action::StartEdit);
        type_text(&mut a, "0");
        assert!((a.derived.ramp.total_with_ramp - 684_375.0).abs() < 1e-6);
    }

    #[test]
    fn presentation_keeps_the_parameter_keys() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::GoTab(1));
        a.update(Action::TogglePresentation);
        assert!(a.presenting);
        assert_eq!(a.selected(), Field::Offices);
        a.update(Action::Down);
        a.update(Action::Increase);
        assert_eq!(a.scenario.per_office, Fixed3::whole(76));
        a.update(Action::TogglePresentation);
        assert!(!a.presenting);
        assert_eq!(a.tab, Tab::Offices);
    }

    #[test]
    fn save_load_and_compare() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::Save);
        assert_eq!(a.context(), Context::TypingName);
        type_text(&mut a, "January 25x75");
        let saved_path = dir.path().join("scenarios/january-25x75.toml");
        assert_eq!(
            a.message.as_ref().unwrap().text,
            format!("Saved 'January 25x75' as {}", saved_path.display())
        );
        // The same name again is refused, and the file is untouched.
        a.update(Action::Increase);
        a.update(Action::Save);
        type_text(&mut a, "January 25x75");
        assert!(a.message.as_ref().unwrap().text.starts_with("not saved: "));
        assert!(a.message.as_ref().unwrap().is_error);
        std::fs::write(dir.path().join("scenarios/zz-broken.toml"), "offices = [").unwrap();
        a.update(Action::OpenSaved);
        assert_eq!(a.overlay, Some(Overlay::Saved));
        assert_eq!(a.saved.len(), 2);
        assert!(a.saved[1].scenario.is_err());
        a.update(Action::Mark);
        a.update(Action::Compare);
        assert_eq!(a.overlay, Some(Overlay::Compare));
        let cmp = a.comparison.clone().unwrap();
        assert_eq!(cmp.names, ["current", "January 25x75"]);
        assert_eq!(cmp.rows[0].values, ["26", "25"]);
        assert_eq!(cmp.rows[0].differences[1].as_deref(), Some("-1"));
        a.update(Action::ToggleHelp); // Esc closes
        a.update(Action::OpenSaved);
        a.update(Action::Down);
        a.update(Action::Choose);
        assert!(
            a.message
                .as_ref()
                .unwrap()
                .text
                .starts_with("cannot load: ")
        );
        a.update(Action::Up);
        a.update(Action::Choose);
        assert_eq!(a.overlay, None);
        assert_eq!(a.scenario.offices, 25);
        assert_eq!(a.message.as_ref().unwrap().text, "Loaded 'January 25x75'");
    }

    #[test]
    fn without_a_folder_saving_is_refused() {
        let mut a = App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            None,
            std::env::temp_dir(),
        );
        a.update(Action::Save);
        assert_eq!(a.edit, None);
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "no folder to save in: set ARREST_SCENARIOS_DIR"
        );
    }

    #[test]
    fn export_writes_every_format_and_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::Export);
        let text = a.message.as_ref().unwrap().text.clone();
        assert!(
            text.starts_with(&format!(
                "Exported {}/arrest-scenario-wapo-per-office-",
                dir.path().display()
            )),
            "{text}"
        );
        assert!(text.ends_with(".{md,csv,json,html}"), "{text}");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("arrest-scenario-"))
            .collect();
        names.sort();
        assert_eq!(names.len(), 4);
        // Sorted: .csv, .html, .json, .md.
        let md = std::fs::read_to_string(dir.path().join(&names[3])).unwrap();
        assert!(md.starts_with("# Scenario: 25 offices x 75 arrests a day"));
        assert!(md.contains("## The arithmetic"));
        assert!(md.contains("## Ramp-up"));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join(&names[2])).unwrap())
                .unwrap();
        assert_eq!(json["annual_total"], 684_375);
        let html = std::fs::read_to_string(dir.path().join(&names[1])).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<span class=\"figure\">684,375</span> arrests a year"));
        assert!(html.contains("<h2>Ramp-up</h2>"));
    }
}

mod records_tests {
    //! Record-level data in the app: progress, the loaded aggregate, stretch factors.
    use super::super::*;
    use crate::number::Fixed3;
    use crate::tui::keys::Action;
    use crate::tui::keys::Loaded;
    use std::fmt::Write as _;

    fn loaded(text: &str) -> Action {
        let offices = Dataset::bundled().unwrap().offices;
        let agg = crate::records::read_csv(
            "fixture.csv",
            text.as_bytes(),
            &offices,
            &crate::records::Options::default(),
            &mut |_| {},
        )
        .map_err(|e| e.to_string());
        Action::RecordsLoaded(Loaded(std::sync::Arc::new(agg)))
    }

    #[test]
    fn progress_then_loaded_then_stretch_follows_the_targets() {
        let mut a = App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            None,
            std::env::temp_dir(),
        );
        assert_eq!(a.records_status, RecordsStatus::None);
        assert!(
            a.pace
                .0
                .starts_with("2025 weekly pace (DDP weekly counts 2026-02-03")
        );
        a.update(Action::RecordsProgress(50, 200));
        assert_eq!(a.records_status, RecordsStatus::Loading(50, 200));
        // Dallas: 30 arrests over the file's 3 days = 10 a day; Miami: 3 over 3 days = 1.
        let mut text = String::from("apprehension_date,apprehension_aor\n");
        for day in 1..=3 {
            for _ in 0..10 {
                let _ = writeln!(text, "2025-03-0{day},Dallas Area of Responsibility");
            }
            let _ = writeln!(text, "2025-03-0{day},Miami Area of Responsibility");
        }
        a.update(loaded(&text));
        assert_eq!(a.records_status, RecordsStatus::Loaded);
        assert_eq!(a.pace.0, "weekly pace in fixture.csv (derived)");
        // Mar 1 2025 was a Saturday: its week (from Feb 23) has 11 arrests on the one
        // day the file covers; the week from Mar 2 has 22 over two days.
        assert_eq!(
            a.pace.1,
            [
                ("2025-02-23".to_string(), 11.0),
                ("2025-03-02".to_string(), 11.0)
            ]
        );
        a.update(Action::TogglePacePeriod);
        assert_eq!(a.pace.0, "monthly pace in fixture.csv (derived)");
        assert_eq!(a.pace.1, [("2025-03".to_string(), 11.0)]);
        a.update(Action::TogglePacePeriod);
        // Then ICE's official monthly book-ins a day, from FY2019's first month.
        assert!(a.pace_is_official());
        assert_eq!(
            a.pace.0,
            "ICE-arrest initial book-ins into detention a day, by month, FY2019 on (official; not arrests)"
        );
        assert_eq!(a.pace.1.first().map(|p| p.0.as_str()), Some("2018-10"));
        // Oct 2025: 36,622 ICE-arrest book-ins over 31 days.
        let oct = a.pace.1.iter().find(|p| p.0 == "2025-10").unwrap().1;
        assert!((oct - 36_622.0 / 31.0).abs() < 1e-9, "{oct}");
        a.update(Action::TogglePacePeriod);
        assert!(!a.pace_is_official());
        assert_eq!(a.pace.0, "weekly pace in fixture.csv (derived)");
        let dal = a.derived.stretch.iter().find(|s| s.label == "DAL").unwrap();
        assert!((dal.observed - 10.0).abs() < 1e-9);
        assert_eq!(dal.target, Some(Fixed3::whole(75)));
        assert!((dal.factor.unwrap() - 7.5).abs() < 1e-9);
        // Lower Dallas's target: the stretch follows without rereading the file.
        a.update(Action::GoTab(1));
        for _ in 0..7 {
            a.update(Action::Down);
        }
        assert_eq!(a.selected(), Field::Office(5));
        a.update(Action::StartEdit);
        for c in "20".chars() {
            a.update(Action::EditChar(c));
        }
        a.update(Action::ConfirmEdit);
        let dal = a.derived.stretch.iter().find(|s| s.label == "DAL").unwrap();
        assert!((dal.factor.unwrap() - 2.0).abs() < 1e-9);
    }

    #[test]
    fn a_failed_read_is_reported() {
        let mut a = App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            None,
            std::env::temp_dir(),
        );
        a.update(loaded("no,dates,here\n1,2,3\n"));
        assert!(matches!(a.records_status, RecordsStatus::Failed(_)));
        assert!(
            a.message
                .as_ref()
                .unwrap()
                .text
                .starts_with("records not read: fixture.csv: no date column")
        );
        assert!(a.derived.stretch.is_empty());
    }
}
