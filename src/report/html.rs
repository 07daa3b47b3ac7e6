//! The printable handout: one self-contained HTML page (inline CSS, the years chart as
//! inline SVG, no scripts, nothing fetched) that prints on one to three pages and scales
//! down on a phone. Every string from the data or the arguments is escaped.

mod capacity;

use std::fmt::Write as _;

use super::Summary;
use crate::chart::{self, Size, escape};
use crate::data::Confidence;
use crate::model::format_multiple;
use crate::number::{format_f64, group_thousands};

/// The page's styles: screen, phone and print.
const CSS: &str = "\
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --rule: #c8c8c8; --accent: #a51c1c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.45 'DejaVu Sans', Verdana, Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 1.4rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .15rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p, ul, ol { margin: .35rem 0; }
li { margin: .15rem 0; }
.lede { font-size: 1.05rem; margin: 0; }
.muted, figcaption, footer { color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; gap: .75rem 2.5rem; margin: 1rem 0 .5rem; }
.total .figure { display: block; font-size: 2.4rem; font-weight: bold; line-height: 1.1; color: var(--accent); }
.total .how { display: block; color: var(--muted); }
table { border-collapse: collapse; font-size: .9rem; }
th, td { padding: .2rem .55rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
td:first-child { white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
figure { margin: .5rem 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
.label { display: inline-block; font-size: .75rem; padding: 0 .35rem; border: 1px solid var(--ink); border-radius: .2rem; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.label.official { background: #1f4e79; color: #fff; }
.label.derived { background: repeating-linear-gradient(45deg, #fbe3cc 0 3px, #fff 3px 6px); }
.label.reported { border-style: dotted; }
.sources li { overflow-wrap: anywhere; }
.print-only { display: none; }
a { color: #0b4f9c; }
footer { margin-top: 1rem; font-size: .8rem; border-top: 1px solid var(--rule); padding-top: .4rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  main { padding: 1rem .75rem; }
  h1 { font-size: 1.3rem; }
  .total .figure { font-size: 1.9rem; }
  table { font-size: .8rem; }
}
@page { size: auto; margin: 6mm 8mm; }
@media print {
  html, body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 7.5pt; line-height: 1.18; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { font-size: 10pt; margin: 4pt 0 2pt; break-after: avoid; page-break-after: avoid; }
  h3 { font-size: 9.5pt; margin-top: 5pt; }
  .totals { margin: 4pt 0; }
  .total .figure { font-size: 19pt; }
  table { font-size: 7.2pt; }
  th, td { padding: 0.5pt 4pt; }
  figure, .totals, tr, li { break-inside: avoid; page-break-inside: avoid; }
  figure svg { max-height: 66mm; }
  #capacity figure { float: right; width: 44%; margin: 2pt 0 2pt 8pt; }
  #capacity figure svg { max-height: 62mm; }
  #capacity table, #capacity ol, #capacity ul { font-size: 7pt; }
  #capacity > p.muted { clear: both; }
  #arithmetic ol { columns: 2; column-gap: 14pt; }
  #context ul, #years ul { columns: 2; column-gap: 14pt; }
  #milestones ul { columns: 3; column-gap: 12pt; font-size: 8pt; }
  .sources ol { font-size: 6.3pt; line-height: 1.15; padding-left: 1.8em; }
  .sources li { margin: 0; }
  .sources .note, figcaption { display: none; }
  .print-only { display: inline; }
  footer { font-size: 7pt; margin-top: 4pt; padding-top: 2pt; }
  .gaps { font-size: 8pt; }
  .label { font-size: 6.4pt; padding: 0 2pt; line-height: 1.15; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .sources a[href]::after { content: ' <' attr(href) '>'; font-size: 6pt; color: var(--muted); }
}
";

/// The citation labels of the figures that cite `source_id`, in a fixed order.
fn labels_of(s: &Summary<'_>, source_id: &str) -> Vec<Confidence> {
    let d = s.data;
    let cited: Vec<Confidence> = d
        .annual
        .iter()
        .filter(|a| a.source_id == source_id)
        .map(|a| a.confidence)
        .chain(
            d.quotas
                .iter()
                .filter(|q| q.source_id == source_id)
                .map(|q| q.confidence),
        )
        .chain(
            d.reference
                .iter()
                .filter(|r| r.source_id == source_id)
                .map(|r| r.confidence),
        )
        .chain(
            d.weekly
                .iter()
                .filter(|w| w.source_id == source_id)
                .map(|w| w.confidence),
        )
        .chain(
            d.detention
                .figures()
                .iter()
                .filter(|f| f.source_id == source_id)
                .map(|f| f.confidence),
        )
        .chain(
            s.quota_counter_statement
                .filter(|c| c.source_id == source_id)
                .map(|c| c.confidence),
        )
        .chain(s.capacity.iter().flat_map(|c| {
            let a = &c.check.assumptions;
            [
                (a.stay_days.source_id.as_deref(), a.stay_days.confidence),
                (
                    a.detained_share.source_id.as_deref(),
                    a.detained_share.confidence,
                ),
                (a.beds.source_id.as_deref(), a.beds.confidence),
                (a.officers.source_id.as_deref(), a.officers.confidence),
                (
                    a.at_large_share.source_id.as_deref(),
                    a.at_large_share.confidence,
                ),
            ]
            .into_iter()
            .filter(|(id, _)| *id == Some(source_id))
            .filter_map(|(_, c)| c)
        }))
        .collect();
    [
        Confidence::Official,
        Confidence::Derived,
        Confidence::Reported,
    ]
    .into_iter()
    .filter(|c| cited.contains(c))
    .collect()
}

fn label(c: Confidence) -> String {
    format!("<span class=\"label {0}\">{0}</span>", c.label())
}

/// Whether `url` is an http(s) address.
fn is_web(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A link only for http(s) addresses; anything else (`javascript:`) stays plain text.
fn link(url: &str, text: &str) -> String {
    if is_web(url) {
        format!("<a href=\"{}\">{}</a>", escape(url.trim()), escape(text))
    } else {
        escape(text).into_owned()
    }
}

impl Summary<'_> {
    /// The whole page.
    pub(super) fn html(&self) -> String {
        let mut out = String::with_capacity(64 * 1024);
        let inputs = self.inputs_line();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>Arrest-quota scenario: {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n",
            escape(self.name.as_deref().unwrap_or(&inputs))
        );
        self.html_head(&mut out, &inputs);
        self.html_parameters(&mut out);
        self.html_years(&mut out);
        self.html_arithmetic(&mut out);
        self.html_quotas(&mut out);
        self.html_context(&mut out);
        self.html_capacity(&mut out);
        self.html_sources(&mut out);
        let from_disk: Vec<String> = self
            .data_files
            .iter()
            .filter_map(|(f, o)| match o {
                crate::data::Origin::Bundled => None,
                crate::data::Origin::Path(p) => Some(format!("{f} from {p}")),
            })
            .collect();
        let files = if from_disk.is_empty() {
            "the bundled data files".to_string()
        } else {
            format!("{} (the others bundled)", from_disk.join(", "))
        };
        let _ = write!(
            out,
            "<footer>Made by arrest-scenarios {} (<code>summary --format html</code>) from {}. \
             No scripts; nothing fetched. The figures are arithmetic on the inputs and the sourced \
             data; the tool takes no position on them.</footer>\n</main>\n</body>\n</html>\n",
            env!("CARGO_PKG_VERSION"),
            escape(&files)
        );
        out
    }

    fn html_head(&self, out: &mut String, inputs: &str) {
        let o = self.outcome;
        let _ = writeln!(
            out,
            "<header>\n<h1>Arrest-quota scenario{}</h1>\n<p class=\"lede\">{}</p>",
            self.name
                .as_ref()
                .map_or_else(String::new, |n| format!(": {}", escape(n))),
            escape(inputs)
        );
        if !self.presets.is_empty() {
            let names: Vec<String> = self
                .presets
                .iter()
                .map(|p| format!("{} ({})", p.id, p.label))
                .collect();
            let _ = writeln!(
                out,
                "<p class=\"muted\">Same as preset: {}</p>",
                escape(&names.join("; "))
            );
        }
        let daily = o.daily_total.display(2);
        let _ = writeln!(
            out,
            "</header>\n<section class=\"totals\" aria-label=\"Totals\">\n\
             <div class=\"total\"><span class=\"figure\">{}</span> arrests a day\
             <span class=\"how\">{}</span></div>\n\
             <div class=\"total\"><span class=\"figure\">{}</span> arrests a year\
             <span class=\"how\">{} a day x {} days</span></div>\n</section>",
            escape(&daily),
            escape(&self.scenario.formula()),
            escape(&o.annual_total.display(2)),
            escape(&daily),
            self.scenario.days
        );
        let lines: Vec<String> = self
            .latest_gaps()
            .into_iter()
            .chain(self.latest_pace_line())
            .collect();
        if !lines.is_empty() {
            out.push_str("<ul class=\"gaps\">\n");
            for line in lines {
                let _ = writeln!(out, "<li>{}</li>", escape(&line));
            }
            out.push_str("</ul>\n");
        }
    }

    fn html_parameters(&self, out: &mut String) {
        let s = self.scenario;
        let _ = writeln!(
            out,
            "<section id=\"parameters\">\n<h2>Parameters</h2>\n<div class=\"scroll\"><table class=\"params\">\n\
             <tr><th>Field offices counted</th><th>Per-office target</th><th>Attainment</th>\
             <th>Days a year with arrests</th></tr>\n\
             <tr><td>{}</td><td>{} arrests a day</td><td>{}% of the target met</td><td>{}</td></tr>\n\
             </table></div>",
            group_thousands(u128::from(s.offices)),
            escape(&s.per_office.to_string()),
            escape(&s.attainment.to_string()),
            s.days
        );
        let lines = s.office_lines(&self.data.offices, 0);
        let changed: Vec<String> = lines
            .iter()
            .filter(|l| l.overridden)
            .map(|l| {
                format!(
                    "{} {}: {} a day{}",
                    l.code.as_deref().unwrap_or_default(),
                    l.name,
                    l.target,
                    if l.active { "" } else { " (not counted)" }
                )
            })
            .collect();
        let named = |l: &&crate::model::OfficeLine| {
            format!("{} {}", l.code.as_deref().unwrap_or_default(), l.name)
        };
        let is_excluded =
            |l: &crate::model::OfficeLine| l.code.as_ref().is_some_and(|c| s.excluded.contains(c));
        let excluded: Vec<String> = lines
            .iter()
            .filter(|l| !l.active && is_excluded(l))
            .map(|l| named(&l))
            .collect();
        let beyond: Vec<String> = lines
            .iter()
            .filter(|l| !l.active && !is_excluded(l))
            .map(|l| named(&l))
            .collect();
        if changed.is_empty() {
            out.push_str("<p>Changed office targets: none; every counted office has the uniform target.</p>\n");
        } else {
            let _ = writeln!(
                out,
                "<p>Changed office targets ({}): {}.</p>",
                changed.len(),
                escape(&changed.join("; "))
            );
        }
        let listed = self.data.offices.len();
        if excluded.is_empty() && beyond.is_empty() {
            let _ = writeln!(
                out,
                "<p>Left out: none; all {listed} field offices in the data count.</p>"
            );
        }
        if !excluded.is_empty() {
            let _ = writeln!(
                out,
                "<p>Left out by choice ({} of {listed} field offices): {}.</p>",
                excluded.len(),
                escape(&excluded.join(", "))
            );
        }
        if !beyond.is_empty() {
            let _ = writeln!(
                out,
                "<p>Left out ({} of {listed} field offices, beyond the office count, from the bottom of the list): {}.</p>",
                beyond.len(),
                escape(&beyond.join(", "))
            );
        }
        let taking = s.participants(&self.data.offices).count();
        let extra = u128::from(s.offices).saturating_sub(taking as u128);
        if extra > 0 {
            let _ = writeln!(
                out,
                "<p>Hypothetical offices beyond the {taking} named ones that count: {}, each at the uniform target.</p>",
                group_thousands(extra)
            );
        }
        out.push_str("</section>\n");
    }

    fn html_years(&self, out: &mut String) {
        let o = self.outcome;
        out.push_str("<section id=\"years\">\n<h2>Against every fiscal year</h2>\n<figure>\n");
        out.push_str(&chart::years(
            self.scenario,
            o,
            &self.sources,
            Size::default(),
        ));
        out.push_str(
            "<figcaption>ICE ERO administrative arrests per fiscal year: official years solid, \
             derived hatched, reported dotted; the scenario cross-hatched.</figcaption>\n</figure>\n",
        );
        out.push_str(
            "<div class=\"scroll\"><table>\n<tr><th>Fiscal year</th><th class=\"n\">Arrests</th>\
             <th class=\"n\">Days</th><th class=\"n\">Per day</th><th class=\"n\">Scenario / year</th>\
             <th>Label</th><th>Source</th></tr>\n",
        );
        for c in &o.comparisons {
            let _ = writeln!(
                out,
                "<tr><td>FY{}{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td>{}</td><td><a href=\"#src-{}\">{}</a></td></tr>",
                c.fiscal_year,
                if c.note.is_empty() { "" } else { " *" },
                group_thousands(u128::from(c.arrests)),
                c.days,
                format_f64(c.daily_average, 1),
                format_multiple(c.multiple),
                label(c.confidence),
                escape(&c.source_id),
                escape(&c.source_id)
            );
        }
        out.push_str("</table></div>\n");
        if let Some(r) = &o.rank {
            let above = escape(&r.standing().words()).into_owned();
            let _ = writeln!(
                out,
                "<p>{} a year ranks {} of {} among the official years and the scenario ({above}).</p>",
                escape(&o.annual_total.display(2)),
                r.position,
                r.of
            );
        }
        let notes: Vec<_> = o
            .comparisons
            .iter()
            .filter(|c| !c.note.is_empty())
            .collect();
        if !notes.is_empty() {
            out.push_str("<ul class=\"muted\">\n");
            for c in notes {
                let _ = writeln!(out, "<li>* FY{}: {}</li>", c.fiscal_year, escape(&c.note));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }

    fn html_arithmetic(&self, out: &mut String) {
        out.push_str("<section id=\"arithmetic\">\n<h2>The arithmetic, step by step</h2>\n<ol>\n");
        for step in &self.explanation {
            let cite = step.source.as_ref().map_or_else(String::new, |s| {
                format!(" <span class=\"muted\">[{}]</span>", escape(s))
            });
            let _ = writeln!(
                out,
                "<li>{} = <strong>{}</strong>{cite}</li>",
                escape(&step.question),
                escape(&step.answer)
            );
        }
        out.push_str("</ol>\n</section>\n");
    }

    fn html_quotas(&self, out: &mut String) {
        out.push_str(
            "<section id=\"quotas\">\n<h2>Against the reported arrest quotas</h2>\n<ul>\n",
        );
        for q in &self.quota_sentences {
            let reconcile = q
                .reconcile
                .as_ref()
                .map_or_else(String::new, |r| format!(" To meet it: {}.", escape(r)));
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> ({}) {}: {}.{reconcile}</li>",
                escape(&q.target),
                escape(&q.reported_by),
                label(Confidence::Reported),
                escape(&q.check)
            );
        }
        out.push_str("</ul>\n");
        if let Some(c) = self.quota_counter_statement {
            let _ = writeln!(
                out,
                "<p class=\"counter\">{} {}</p>",
                label(c.confidence),
                escape(&c.sentence())
            );
        }
        if !self.removal_targets.is_empty() {
            out.push_str(
                "<h3>Removal targets (removals are not arrests; not compared)</h3>\n<ul>\n",
            );
            for q in &self.removal_targets {
                let _ = writeln!(
                    out,
                    "<li>{} ({}, {}) {}</li>",
                    escape(&q.describe()),
                    escape(&q.outlet),
                    escape(&q.date),
                    label(q.confidence)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }

    fn html_context(&self, out: &mut String) {
        let o = self.outcome;
        let daily = o.daily_total.display(2);
        let annual = o.annual_total.display(2);
        let official = self.official_lines();
        if !official.is_empty() {
            let _ = writeln!(
                out,
                "<section id=\"official\">\n<h2>ICE&#39;s latest official figures {}</h2>\n\
                 <p class=\"muted\">Book-ins, not arrests: shown beside the arrest years, never ranked with them.</p>\n<ul>",
                label(Confidence::Official)
            );
            for line in &official {
                let _ = writeln!(out, "<li>{}</li>", escape(line));
            }
            out.push_str("</ul>\n");
            self.html_monthly(out);
            out.push_str("</section>\n");
        }
        if let Some(p) = &o.observed {
            let _ = writeln!(
                out,
                "<section id=\"observed\">\n<h2>Against the observed 2025 pace {}</h2>\n\
                 <p>{} arrests over {} days (weeks of {} to {}): {} a day on average; {} a day is {} that.</p>\n\
                 <p>Peak: the week of {} at {} a day; {} a day is {} that.</p>\n\
                 <p class=\"muted\">{}</p>\n</section>",
                label(Confidence::Derived),
                group_thousands(u128::from(p.arrests)),
                p.days,
                p.first_week,
                p.last_week,
                format_f64(p.average_per_day, 1),
                escape(&daily),
                format_multiple(p.multiple_of_average),
                p.peak_week,
                format_f64(p.peak_per_day, 1),
                escape(&daily),
                format_multiple(p.multiple_of_peak),
                escape(super::summary::official::WEEKLY_LABEL)
            );
        }
        if !self.reference.is_empty() {
            out.push_str("<section id=\"context\">\n<h2>Context figures</h2>\n<ul>\n");
            for (r, c) in self.reference.iter().zip(&o.references) {
                let _ = writeln!(
                    out,
                    "<li>{}: {} {} ({}) {}; {} a year is {} that.</li>",
                    escape(&r.label),
                    group_thousands(u128::from(r.value)),
                    escape(&r.unit),
                    escape(&r.as_of),
                    label(r.confidence),
                    escape(&annual),
                    format_multiple(c.multiple)
                );
            }
            out.push_str("</ul>\n</section>\n");
        }
        if !self.milestones.is_empty() {
            out.push_str(
                "<section id=\"milestones\">\n<h2>Milestones <span class=\"muted\">(at the scenario's \
                 daily pace, from day 1)</span></h2>\n<ul>\n",
            );
            for m in &self.milestones {
                let _ = writeln!(out, "<li>{}</li>", escape(&m.sentence()));
            }
            out.push_str("</ul>\n</section>\n");
        }
        if let Some(r) = &self.ramp {
            let _ = writeln!(
                out,
                "<section id=\"ramp\">\n<h2>Ramp-up</h2>\n<p>{}</p>\n</section>",
                escape(&r.sentence(self.scenario.days))
            );
        }
    }

    /// With `--monthly`: ICE-arrest book-ins a day, month by month.
    fn html_monthly(&self, out: &mut String) {
        let Some(months) = &self.monthly else {
            return;
        };
        let _ = writeln!(
            out,
            "<h3>{} a day, by month</h3>\n<div class=\"scroll\"><table>\n<tr><th>Month</th>\
             <th class=\"n\">Book-ins</th><th class=\"n\">Days</th><th class=\"n\">Per day</th>\
             <th>Source</th></tr>",
            escape(crate::data::BOOK_INS_NAME)
        );
        for m in months {
            let _ = writeln!(
                out,
                "<tr><td>{}{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td><a href=\"#src-{}\">{}</a></td></tr>",
                m.month.strftime("%Y-%m"),
                if m.full { "" } else { " (partial)" },
                group_thousands(u128::from(m.book_ins)),
                m.days,
                format_f64(m.per_day, 1),
                escape(&m.source_id),
                escape(&m.source_id)
            );
        }
        out.push_str("</table></div>\n");
    }

    fn html_sources(&self, out: &mut String) {
        out.push_str(
            "<section id=\"sources\" class=\"sources\">\n<h2>Sources \
             <span class=\"print-only muted\">(each one's notes: on screen, or \
             <code>arrest-scenarios sources</code>)</span></h2>\n<ol>\n",
        );
        for s in &self.sources {
            let labels: Vec<String> = labels_of(self, &s.id).into_iter().map(label).collect();
            let date = if s.date.is_empty() {
                String::new()
            } else {
                format!(", {}", escape(&s.date))
            };
            let no_link = if is_web(&s.url) {
                ""
            } else {
                " <span class=\"muted\">(no link known)</span>"
            };
            let note = if s.note.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"muted note\">{}</span>", escape(&s.note))
            };
            let _ = writeln!(
                out,
                "<li id=\"src-{}\">{} {}: {}{date}{no_link}. <span class=\"muted\">[{}]</span>{note}</li>",
                escape(&s.id),
                labels.join(" "),
                escape(&s.publisher),
                link(&s.url, &s.title),
                escape(&s.id)
            );
        }
        out.push_str("</ol>\n</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            link("https://ice.gov/a?b=1&c=2", "ICE <report>"),
            "<a href=\"https://ice.gov/a?b=1&amp;c=2\">ICE &lt;report&gt;</a>"
        );
        assert_eq!(link("javascript:alert(1)", "x"), "x");
        assert_eq!(link(" JavaScript:alert(1)", "x"), "x");
        assert_eq!(link("", "Pew"), "Pew");
    }
}
