//! The Capacity section of the text and Markdown summaries.

use std::fmt::Write as _;

use super::Summary;
use crate::number::format_f64;
use crate::report::wrap_into;

const HEADING: &str = "Capacity check (the beds, officers and at-large arrests it would take)";
const LAW: &str = "Little's law: people held at once = arrests a day x share detained x days held.";
const RECORD: &str = "The record (ICE Detention Statistics; CBP-arrested detainees included)";

/// A rounded count of people: whole, or `1.568e32` from 1e15 up (where an `f64` no
/// longer holds every digit).
fn about(x: f64) -> String {
    if x.abs() >= 1e15 {
        format!("{x:.3e}")
    } else {
        format_f64(x, 0)
    }
}

impl Summary<'_> {
    /// The Capacity section's heading (shared by every format).
    pub(in crate::report) const CAPACITY_HEADING: &'static str = HEADING;
    /// Little's law in words.
    pub(in crate::report) const CAPACITY_LAW: &'static str = LAW;
    /// The heading of the observed record.
    pub(in crate::report) const CAPACITY_RECORD: &'static str = RECORD;

    /// The ramp's beds in one sentence, when a ramp was asked for.
    pub(in crate::report) fn capacity_ramp_sentence(&self) -> Option<String> {
        let c = self.capacity.as_ref()?;
        let r = c.check.ramp.as_ref()?;
        let fill = match r.day_beds_fill {
            Some(0) => "are full from the start".to_string(),
            Some(d) => format!("fill on day {d}"),
            None => "never fill".to_string(),
        };
        Some(format!(
            "With a {}-week ramp from {}: about {} people held at the start, {} at the end of the ramp, and {} from day {} on (each held for the average stay); the {} funded beds {fill}.",
            r.weeks,
            r.baseline,
            about(r.beds_at_start),
            about(r.beds_at_ramp_end),
            about(r.steady_state),
            r.steady_from_day,
            crate::number::group_thousands(u128::from(c.check.beds)),
        ))
    }

    pub(super) fn text_capacity(&self) -> String {
        let Some(c) = &self.capacity else {
            return String::new();
        };
        let mut out = String::new();
        let _ = writeln!(out, "\n{HEADING}");
        out.push_str("  Assumptions\n");
        for (what, basis) in &c.lines {
            wrap_into(&mut out, &format!("{what}: {basis}"), "    ", "      ");
        }
        wrap_into(&mut out, &format!("The arithmetic. {LAW}"), "  ", "    ");
        for step in &c.steps {
            let cite = step
                .source
                .as_ref()
                .map_or_else(String::new, |s| format!(" [{s}]"));
            wrap_into(
                &mut out,
                &format!("{}{cite}", step.line()),
                "    ",
                "      ",
            );
        }
        if let Some(r) = self.capacity_ramp_sentence() {
            wrap_into(&mut out, &r, "  ", "  ");
        }
        if !c.observed.is_empty() {
            let _ = writeln!(out, "  {RECORD}");
            for line in &c.observed {
                wrap_into(&mut out, line, "    ", "      ");
            }
        }
        wrap_into(&mut out, c.caveat, "  ", "  ");
        out
    }

    pub(super) fn markdown_capacity(&self) -> String {
        let Some(c) = &self.capacity else {
            return String::new();
        };
        let mut out = String::new();
        let _ = writeln!(out, "\n## {HEADING}\n\n{LAW}\n");
        out.push_str("| Assumption | Basis and source |\n|---|---|\n");
        for (what, basis) in &c.lines {
            let _ = writeln!(out, "| {what} | {basis} |");
        }
        out.push('\n');
        for (i, step) in c.steps.iter().enumerate() {
            let cite = step
                .source
                .as_ref()
                .map_or_else(String::new, |s| format!(" ({s})"));
            let _ = writeln!(out, "{}. {}{cite}", i + 1, step.line());
        }
        if let Some(r) = self.capacity_ramp_sentence() {
            let _ = writeln!(out, "\n{r}");
        }
        if !c.observed.is_empty() {
            let _ = write!(out, "\n{RECORD}:\n\n");
            for line in &c.observed {
                let _ = writeln!(out, "- {line}");
            }
        }
        let _ = writeln!(out, "\n{}", c.caveat);
        out
    }
}
