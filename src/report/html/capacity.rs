//! The page's Capacity section: the assumptions with their sources and labels, the
//! arithmetic step by step, the observed record, the caveat and the capacity chart, in
//! the summary's own sentences (never re-worded), every string escaped.

use std::fmt::Write as _;

use super::{Summary, label};
use crate::chart::{self, Size, escape};
use crate::data::Confidence;

impl Summary<'_> {
    pub(super) fn html_capacity(&self, out: &mut String) {
        let Some(c) = &self.capacity else {
            return;
        };
        let _ = writeln!(
            out,
            "<section id=\"capacity\">\n<h2>{}</h2>\n<p>{}</p>",
            escape(Self::CAPACITY_HEADING),
            escape(Self::CAPACITY_LAW)
        );
        out.push_str(
            "<h3>Assumptions</h3>\n<div class=\"scroll\"><table>\n\
             <tr><th>Assumption</th><th>Label</th><th>Basis and source</th></tr>\n",
        );
        let a = &c.check.assumptions;
        let cited: [(Option<Confidence>, Option<&str>); 5] = [
            (a.stay_days.confidence, a.stay_days.source_id.as_deref()),
            (
                a.detained_share.confidence,
                a.detained_share.source_id.as_deref(),
            ),
            (a.beds.confidence, a.beds.source_id.as_deref()),
            (a.officers.confidence, a.officers.source_id.as_deref()),
            (
                a.at_large_share.confidence,
                a.at_large_share.source_id.as_deref(),
            ),
        ];
        for (i, (what, basis)) in c.lines.iter().enumerate() {
            let (badge, source) = cited.get(i).copied().unwrap_or((None, None));
            let badge = badge.map_or_else(String::new, label);
            let source = source.map_or_else(String::new, |id| {
                format!(" <a href=\"#src-{0}\">[{0}]</a>", escape(id))
            });
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{badge}</td><td>{}{source}</td></tr>",
                escape(what),
                escape(basis)
            );
        }
        out.push_str("</table></div>\n");
        out.push_str("<figure>\n");
        let svg = chart::capacity(&c.check, self.data, Size::default());
        // The years chart above already defines the patterns; ids are unique in a page.
        if out.contains(chart::PATTERN_DEFS) {
            out.push_str(&svg.replacen(chart::PATTERN_DEFS, "", 1));
        } else {
            out.push_str(&svg);
        }
        out.push_str(
            "<figcaption>People held at once: ICE&#39;s observed average daily population solid, \
             the funded beds dotted, the beds the scenario needs cross-hatched.</figcaption>\n</figure>\n",
        );
        out.push_str("<h3>The arithmetic</h3>\n<ol>\n");
        for step in &c.steps {
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
        out.push_str("</ol>\n");
        if let Some(r) = self.capacity_ramp_sentence() {
            let _ = writeln!(out, "<p>{}</p>", escape(&r));
        }
        if !c.observed.is_empty() {
            let _ = writeln!(
                out,
                "<h3>{} {}</h3>\n<ul>",
                escape(Self::CAPACITY_RECORD),
                label(Confidence::Official)
            );
            for line in &c.observed {
                let _ = writeln!(out, "<li>{}</li>", escape(line));
            }
            out.push_str("</ul>\n");
        }
        let _ = writeln!(
            out,
            "<p class=\"muted\">{}</p>\n</section>",
            escape(c.caveat)
        );
    }
}
