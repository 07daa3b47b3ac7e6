//! `goal` and `scenarios`: the commands whose text is put together here.

use std::fmt::Write as _;

use super::args::GoalArgs;
use crate::data::Dataset;
use crate::model;

pub(super) fn goal_text(
    args: &GoalArgs,
    data: &Dataset,
    presets: &[model::Preset],
) -> Result<String, String> {
    use crate::analysis::{Goal, goal_seek};
    let s = args
        .scenario
        .scenario(data, presets)
        .map_err(|e| e.to_string())?;
    let goal = match (args.daily, args.annual, args.match_fy) {
        (Some(n), _, _) => Goal::Daily(n),
        (_, Some(n), _) => Goal::Annual(n),
        (_, _, Some(y)) => Goal::MatchYear(y),
        _ => return Err("give --daily, --annual or --match-fy".into()),
    };
    let r = goal_seek(&s, data, goal).ok_or_else(|| {
        let years: Vec<String> = data
            .annual
            .iter()
            .map(|a| a.fiscal_year.to_string())
            .collect();
        format!(
            "FY{} is not in annual_arrests.csv (loaded: {})",
            args.match_fy.unwrap_or_default(),
            years.join(", ")
        )
    })?;
    let mut out = format!(
        "Goal: {} ({} a day over {} days)\nFrom: {} offices x {} a day, {}% met\n",
        r.goal,
        r.daily_needed.display(2),
        s.days,
        crate::number::group_thousands(u128::from(s.offices)),
        s.per_office,
        s.attainment
    );
    match r.per_office_needed {
        Some((t, exact)) => {
            let _ = writeln!(
                out,
                "Per-office target needed with {} offices: {}{t} a day",
                crate::number::group_thousands(u128::from(s.offices)),
                if exact { "" } else { "~" }
            );
        }
        None => {
            out.push_str("Per-office target needed: none reaches it with 0 offices or 0% met\n");
        }
    }
    match r.offices_needed {
        Some(n) => {
            let _ = writeln!(
                out,
                "Offices needed at {} a day each: {} (rounded up)",
                s.per_office,
                crate::number::group_thousands(n)
            );
        }
        None => out.push_str("Offices needed: none reaches it at 0 a day or 0% met\n"),
    }
    Ok(out)
}

/// `scenarios`: the saved scenarios, a bad file as its error.
///
/// # Errors
/// The folder exists but cannot be read (an I/O failure, exit 1).
pub(super) fn scenarios_text(data: &Dataset) -> Result<String, crate::saved::SavedError> {
    let Some(dir) = crate::saved::default_dir() else {
        return Ok("no configuration folder is known here; set ARREST_SCENARIOS_DIR\n".into());
    };
    let listed = crate::saved::list_dir(&dir, &data.offices)?;
    let shown = crate::text::escape_controls(&dir.display().to_string()).into_owned();
    if listed.is_empty() {
        return Ok(format!("no saved scenarios in {shown}\n"));
    }
    let mut out = format!("Saved scenarios in {shown}\n");
    for item in listed {
        match item {
            Ok(s) => {
                let o = model::evaluate(&s.scenario, data);
                let _ = writeln!(
                    out,
                    "  {}  {}: {} offices x {} a day = {} a day",
                    crate::text::echo(
                        &s.path
                            .file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                    ),
                    crate::text::echo(&s.name),
                    crate::number::group_thousands(u128::from(s.scenario.offices)),
                    s.scenario.per_office,
                    o.daily_total.display(2)
                );
            }
            Err(e) => {
                let _ = writeln!(
                    out,
                    "  cannot be used: {}",
                    crate::text::escape_controls(&e.to_string())
                );
            }
        }
    }
    Ok(out)
}
