//! The capacity arithmetic in words, step by step (for the reports and the Explain tab),
//! and the assumptions as lines with their sources.

use super::{Assumption, Capacity, Defaults, StayDays};
use crate::analysis::Step;
use crate::data::Dataset;
use crate::number::{Amount, Fixed3, format_f64, group_thousands};

/// What the check does not say.
pub const CAVEAT: &str = "The check assumes a steady state (Little's law: the same pace for longer than a stay). It leaves out transfers and releases, and the CBP detainees who share the same beds.";

fn pct(value: Fixed3, exact: bool) -> String {
    if exact {
        format!("{value}%")
    } else {
        format!("~{value}%")
    }
}

/// A multiple: `1.97`, or `1.57e32` from a million up (as the model's multiples).
fn times(m: f64) -> String {
    crate::model::format_multiple(Some(m))
        .trim_end_matches('x')
        .to_string()
}

/// A pace in arrests a day: two decimals, or four below one a day.
fn pace(f: super::Figure) -> String {
    f.display(if f.value < Amount::whole(1) { 4 } else { 2 })
}

fn short(data: &Dataset, id: Option<&str>) -> Option<String> {
    id.and_then(|id| data.source(id)).map(|s| s.short.clone())
}

/// The capacity arithmetic, one step per result.
#[must_use]
pub fn steps(c: &Capacity, data: &Dataset) -> Vec<Step> {
    let a = &c.assumptions;
    let daily = c.daily_total.display(2);
    let share = pct(a.detained_share.value, a.detained_share.exact);
    let beds = group_thousands(u128::from(c.beds));
    let mut out = Vec::new();
    let needed = c
        .beds_needed
        .map_or_else(|| "too many to count".to_string(), |n| n.display(1));
    out.push(Step {
        question: format!(
            "{daily} arrests a day x {share} detained x {} days held",
            c.stay_days
        ),
        answer: format!("{needed} people held at once"),
        source: short(data, a.stay_days.source_id.as_deref()),
    });
    if let (Some(n), Some(m), Some(gap)) = (c.beds_needed, c.beds_multiple, c.beds_short) {
        let answer = if gap.value.units() > 0 {
            format!(
                "{}x the funded beds ({} beds short)",
                times(m),
                gap.display(1)
            )
        } else {
            format!("{}x the funded beds: they suffice", times(m))
        };
        out.push(Step {
            question: format!("{} / {beds} funded beds", n.display(1)),
            answer,
            source: short(data, a.beds.source_id.as_deref()),
        });
    }
    out.push(Step {
        question: format!("{beds} beds / ({share} detained x {} days)", c.stay_days),
        answer: c.sustainable_daily.map_or_else(
            || "any number of arrests a day (no one is detained)".to_string(),
            |s| format!("{} arrests a day sustained", pace(s)),
        ),
        source: None,
    });
    if let (Some(s), Some((t, exact))) = (c.sustainable_daily, c.sustainable_per_office) {
        let attained = if c.attainment == Fixed3::whole(100) {
            String::new()
        } else {
            format!(" at {}% attainment", c.attainment)
        };
        out.push(Step {
            question: format!(
                "{} a day / {} offices{attained}",
                pace(s),
                group_thousands(u128::from(c.offices))
            ),
            answer: format!(
                "a target of {}{t} per office a day",
                if exact { "" } else { "~" }
            ),
            source: None,
        });
    }
    if let (Some(n), Some(p), Some(m)) = (c.beds_needed, &c.observed.peak, c.peak_multiple) {
        out.push(Step {
            question: format!(
                "{} / {} (the {} peak month)",
                n.display(1),
                super::amount(p.average_daily_population).display(1),
                month_name(p.month)
            ),
            answer: format!("{}x the highest monthly average in the workbooks", times(m)),
            source: short(data, Some(&p.source_id)),
        });
    }
    out.extend(pace_steps(c, data));
    out
}

/// `January 2026`.
fn month_name(d: jiff::civil::Date) -> String {
    d.strftime("%B %Y").to_string()
}

/// The observed record, one line a fiscal year, then the peak month.
#[must_use]
pub fn observed_lines(c: &Capacity, data: &Dataset) -> Vec<String> {
    let days = |d: Option<crate::data::Decimal4>| {
        d.map_or_else(|| "n/a".to_string(), |d| format!("{d} days"))
    };
    let mut out: Vec<String> = c
        .observed
        .years
        .iter()
        .map(|y| {
            let cite = short(data, Some(&y.source_id)).unwrap_or_else(|| y.source_id.clone());
            format!(
                "FY{} (to {}): {} held on an average day; average stay {} for ICE-arrested detainees, {} for everyone ({}) [{cite}]",
                y.fiscal_year,
                y.data_through,
                y.average_daily_population
                    .map_or_else(|| "n/a".to_string(), |a| super::amount(a).display(0)),
                days(y.ice_stay),
                days(y.all_stay),
                y.confidence.label(),
            )
        })
        .collect();
    if let Some(p) = &c.observed.peak {
        let cite = short(data, Some(&p.source_id)).unwrap_or_else(|| p.source_id.clone());
        out.push(format!(
            "Peak month: {}, {} held on an average day ({}) [{cite}]",
            month_name(p.month),
            super::amount(p.average_daily_population).display(4),
            p.confidence.label()
        ));
    }
    out
}

/// Arrests per officer, and at-large arrests, against the past years.
fn pace_steps(c: &Capacity, data: &Dataset) -> Vec<Step> {
    let a = &c.assumptions;
    let daily = c.daily_total.display(2);
    let mut out = Vec::new();
    out.push(Step {
        question: format!(
            "{daily} arrests a day / {} officers",
            group_thousands(u128::from(c.officers))
        ),
        answer: c.arrests_per_officer_per_day.map_or_else(
            || "n/a".to_string(),
            |p| format!("{} arrests per officer a day", p.display(4)),
        ),
        source: short(data, a.officers.source_id.as_deref()),
    });
    if let Some(y) = &c.latest_year_per_officer {
        out.push(Step {
            question: format!(
                "FY{}: {} arrests a day / about {} officers",
                y.fiscal_year,
                format_f64(y.per_day, 1),
                group_thousands(u128::from(y.officers.unwrap_or_default()))
            ),
            answer: format!(
                "{} arrests per officer a day",
                format_f64(y.per_officer.unwrap_or_default(), 3)
            ),
            source: short(data, Some(&y.source_id)),
        });
    }
    let at_large = pct(a.at_large_share.value, a.at_large_share.exact);
    let at_large_daily = c
        .at_large_daily
        .map_or_else(|| "n/a".to_string(), |p| p.display(2));
    out.push(Step {
        question: format!("{daily} arrests a day x {at_large} at large"),
        answer: format!("{at_large_daily} at-large arrests a day"),
        source: short(data, a.at_large_share.source_id.as_deref()),
    });
    if let Some(y) = &c.at_large_fy2024 {
        out.push(Step {
            question: format!(
                "FY{}: {} at-large arrests / {} days",
                y.fiscal_year,
                group_thousands(u128::from(y.count)),
                y.days
            ),
            answer: format!("{} at-large arrests a day", format_f64(y.per_day, 1)),
            source: short(data, Some(&y.source_id)),
        });
        let multiple = c
            .at_large_daily
            .map(|p| p.value.to_f64() / y.per_day)
            .filter(|m| m.is_finite());
        if let Some(m) = multiple {
            out.push(Step {
                question: format!("{at_large_daily} / {}", format_f64(y.per_day, 1)),
                answer: format!("{} times FY{}'s at-large pace", times(m), y.fiscal_year),
                source: None,
            });
        }
    }
    out
}

fn line<T>(name: &str, flag: &str, shown: &str, a: &Assumption<T>) -> (String, String) {
    (
        format!("{name} {shown}"),
        format!("{} ({}; change with {flag})", a.basis, a.label()),
    )
}

/// Each assumption as (name and value, basis with label and flag), then the offered
/// alternatives.
#[must_use]
pub fn assumption_lines(c: &Capacity, defaults: &Defaults) -> Vec<(String, String)> {
    let a = &c.assumptions;
    let stay: &Assumption<StayDays> = &a.stay_days;
    let mut out = vec![
        line(
            "Average stay",
            "--stay-days",
            &format!("{} days", stay.value),
            stay,
        ),
        line(
            "Detained share",
            "--detained-share",
            &pct(a.detained_share.value, a.detained_share.exact),
            &a.detained_share,
        ),
        line(
            "Funded beds",
            "--beds",
            &group_thousands(u128::from(a.beds.value)),
            &a.beds,
        ),
        line(
            "Officers",
            "--officers",
            &group_thousands(u128::from(a.officers.value)),
            &a.officers,
        ),
        line(
            "At-large share",
            "--at-large-share",
            &pct(a.at_large_share.value, a.at_large_share.exact),
            &a.at_large_share,
        ),
    ];
    let alt = &defaults.detained_share_fy2024;
    if a.detained_share.value != alt.value {
        out.push((
            format!("Or detained share {}", pct(alt.value, alt.exact)),
            format!("{} ({})", alt.basis, alt.label()),
        ));
    }
    let alt = &defaults.officers_2026;
    if a.officers.value != alt.value {
        out.push((
            format!("Or officers {}", group_thousands(u128::from(alt.value))),
            format!("{} ({})", alt.basis, alt.label()),
        ));
    }
    out
}
