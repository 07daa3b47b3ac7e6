//! What every chart shares: the header, the legend, the fill patterns, the value axis,
//! the source line, and labels kept from overlapping.

use super::Size;
use super::svg::{Anchor, Svg};
use crate::data::{Confidence, Source};
use crate::number::group_thousands;

/// The scenario's colour (lines and the cross-hatch).
pub(super) const SCENARIO: &str = "#a51c1c";
/// The official figures' colour (a solid fill).
pub(super) const OFFICIAL: &str = "#1f4e79";
/// The derived figures' colour (a hatch).
pub(super) const DERIVED: &str = "#b35900";
/// Text and axes.
pub(super) const INK: &str = "#222222";
/// Grid lines.
pub(super) const GRID: &str = "#d0d0d0";

/// The fill of a bar: a colour for official figures, a pattern for the others.
pub(super) const fn fill(c: Confidence) -> &'static str {
    match c {
        Confidence::Official => OFFICIAL,
        Confidence::Derived => "url(#fill-derived)",
        Confidence::Reported => "url(#fill-reported)",
    }
}

/// The scenario's fill.
pub(super) const SCENARIO_FILL: &str = "url(#fill-scenario)";

/// The patterns: hatched (derived), dotted (reported), cross-hatched (scenario).
pub(super) const DEFS: &str = concat!(
    "<defs>\n",
    "<pattern id=\"fill-derived\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">",
    "<rect width=\"8\" height=\"8\" fill=\"#fbe3cc\"/><rect width=\"3\" height=\"8\" fill=\"#b35900\"/></pattern>\n",
    "<pattern id=\"fill-reported\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">",
    "<rect width=\"7\" height=\"7\" fill=\"#ebe4f4\"/><circle cx=\"3.5\" cy=\"3.5\" r=\"1.7\" fill=\"#5b3a8c\"/></pattern>\n",
    "<pattern id=\"fill-scenario\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">",
    "<rect width=\"8\" height=\"8\" fill=\"#f7d4d4\"/><path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#a51c1c\" stroke-width=\"1.8\"/></pattern>\n",
    "</defs>\n"
);

/// `n` as a float, for geometry only (labels use the exact figures).
#[expect(
    clippy::cast_precision_loss,
    reason = "chart geometry; the labels print exact figures"
)]
pub(super) const fn fu(n: u64) -> f64 {
    n as f64
}

/// `n` as a float, for geometry only.
#[expect(clippy::cast_precision_loss, reason = "counts of bars and ticks")]
pub(super) const fn fl(n: usize) -> f64 {
    n as f64
}

/// The approximate width of `s` at font `size` (sans-serif digits and letters).
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    fl(s.chars().count()) * size * 0.6
}

/// The largest font size, at most `max`, at which `s` fits in `width`.
pub(super) fn fit(s: &str, width: f64, max: f64) -> f64 {
    let w = text_width(s, 1.0);
    if w <= 0.0 { max } else { (width / w).min(max) }
}

/// Sizes that scale with the chart (1.0 at 1280 x 720).
#[derive(Debug, Clone, Copy)]
pub(super) struct Layout {
    pub width: f64,
    pub height: f64,
    pub k: f64,
}

impl Layout {
    pub(super) fn new(size: Size) -> Self {
        let width = f64::from(size.width);
        let height = f64::from(size.height);
        let k = (width / 1280.0).min(height / 720.0).max(0.25);
        Self { width, height, k }
    }

    /// `v` pixels at 1280 x 720, scaled.
    pub(super) fn px(&self, v: f64) -> f64 {
        v * self.k
    }
}

/// The plotting area.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plot {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    /// The value at the top of the axis.
    pub max: f64,
}

impl Plot {
    pub(super) fn width(&self) -> f64 {
        self.right - self.left
    }

    /// The y coordinate of `v`.
    pub(super) fn y(&self, v: f64) -> f64 {
        let v = if v.is_finite() {
            v.clamp(0.0, self.max)
        } else {
            0.0
        };
        self.bottom - (self.bottom - self.top) * v / self.max
    }
}

/// A round step (1, 2 or 5 x 10^k) that cuts `0..=max` into at most `ticks` parts.
pub(super) fn nice_step(max: f64, ticks: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let raw = max / ticks;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// The axis top and its step for data up to `max`, with room for value labels.
pub(super) fn axis(max: f64, headroom: f64) -> (f64, f64) {
    let top = if max.is_finite() && max > 0.0 {
        max * headroom
    } else {
        10.0
    };
    let step = nice_step(top, 7.0);
    ((top / step).ceil() * step, step)
}

/// A tick value in words: `700,000`, or `1.5` for fractional steps.
pub(super) fn tick_label(v: f64) -> String {
    if v.fract() == 0.0 && v < 1e30 {
        // Whole, non-negative and far below u128::MAX: the conversion is exact.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "checked whole and in range above"
        )]
        let whole = v.max(0.0) as u128;
        group_thousands(whole)
    } else {
        crate::number::format_f64(v, 1)
    }
}

/// The title and, wrapped under it, the subtitle; returns the y below them.
pub(super) fn header(svg: &mut Svg, l: &Layout, title: &str, subtitle: &str) -> f64 {
    let margin = l.px(40.0);
    let size = fit(title, l.width - 2.0 * margin, l.px(28.0));
    svg.text(margin, l.px(46.0), Anchor::Start, size, true, INK, title);
    let sub = l.px(17.0);
    let mut y = l.px(46.0) + sub * 1.6;
    for line in wrap(subtitle, l.width - 2.0 * margin, sub) {
        svg.text(margin, y, Anchor::Start, sub, false, "#444444", &line);
        y += sub * 1.3;
    }
    y
}

/// One legend row of swatches and labels, starting at `y`; returns the y below it.
pub(super) fn legend(svg: &mut Svg, l: &Layout, y: f64, items: &[(&str, &str)]) -> f64 {
    let sw = l.px(18.0);
    let size = l.px(15.0);
    let mut x = l.px(40.0);
    for (fill, label) in items {
        svg.rect(x, y, sw, sw, fill, Some(INK));
        svg.text(
            x + sw + l.px(6.0),
            y + sw * 0.8,
            Anchor::Start,
            size,
            false,
            INK,
            label,
        );
        x += sw + l.px(20.0) + text_width(label, size);
    }
    y + sw + l.px(12.0)
}

/// A legend swatch for a line: a short stroke.
pub(super) fn line_key(svg: &mut Svg, x: f64, y: f64, w: f64, stroke: &str, dash: Option<&str>) {
    svg.line(x, y, x + w, y, stroke, 3.0, dash);
}

/// A label in the right margin for a line ending at height `y`.
pub(super) struct EndLabel<'a> {
    pub y: f64,
    pub text: &'a str,
    pub colour: &'static str,
    pub dash: Option<&'static str>,
}

/// Labels in the right margin, moved apart so they never overlap, each joined to its
/// line by a short leader and keyed by a stroke of its line; the scenario's in bold.
pub(super) fn end_labels(svg: &mut Svg, l: &Layout, plot: &Plot, labels: &[EndLabel<'_>]) {
    let size = l.px(13.0);
    let mut ys: Vec<(f64, usize)> = labels.iter().enumerate().map(|(i, e)| (e.y, i)).collect();
    spread(&mut ys, size * 1.3, plot.top, plot.bottom);
    let x = plot.right + l.px(8.0);
    for (y, i) in &ys {
        let e = &labels[*i];
        svg.line(plot.right, e.y, x + l.px(4.0), *y, e.colour, 1.0, None);
        line_key(svg, x + l.px(6.0), *y, l.px(18.0), e.colour, e.dash);
        let fitted = fit(e.text, l.width - x - l.px(34.0), size);
        let bold = e.colour == SCENARIO;
        svg.text(
            x + l.px(28.0),
            y + fitted * 0.35,
            Anchor::Start,
            fitted,
            bold,
            e.colour,
            e.text,
        );
    }
}

/// Grid lines and tick labels of the value axis, with its title turned on the left.
pub(super) fn value_axis(svg: &mut Svg, l: &Layout, p: &Plot, step: f64, title: &str) {
    let size = l.px(13.0);
    let mut v = 0.0;
    while v <= p.max + step / 2.0 {
        let y = p.y(v);
        svg.line(p.left, y, p.right, y, GRID, 1.0, None);
        svg.text(
            p.left - l.px(8.0),
            y + size * 0.35,
            Anchor::End,
            size,
            false,
            INK,
            &tick_label(v),
        );
        v += step;
    }
    svg.line(p.left, p.top, p.left, p.bottom, INK, 1.0, None);
    svg.line(p.left, p.bottom, p.right, p.bottom, INK, 1.5, None);
    svg.vertical_text(
        l.px(22.0),
        f64::midpoint(p.top, p.bottom),
        l.px(15.0),
        title,
    );
}

/// The source lines at the foot, wrapped; `lines_for` tells how much room they need.
pub(super) fn sources_foot(svg: &mut Svg, l: &Layout, text: &str) {
    let size = l.px(13.0);
    let lines = wrap(text, l.width - l.px(80.0), size);
    let mut y = l.height - l.px(14.0) - size * 1.3 * fl(lines.len().saturating_sub(1));
    for line in lines {
        svg.text(l.px(40.0), y, Anchor::Start, size, false, "#444444", &line);
        y += size * 1.3;
    }
}

/// The height the source lines take.
pub(super) fn foot_height(l: &Layout, text: &str) -> f64 {
    let size = l.px(13.0);
    fl(wrap(text, l.width - l.px(80.0), size).len()) * size * 1.3 + l.px(14.0)
}

/// `text` in lines no wider than `width` at font `size` (words are never split).
pub(super) fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let per_line = (width / (size * 0.6)).floor().max(10.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a positive, floored character count"
    )]
    let cols = per_line as usize;
    let opts = textwrap::Options::new(cols)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::wrap(text, opts)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// The short names of the sources with these ids, in first-seen order, each once.
pub(super) fn source_names<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    sources: &[&Source],
) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let name = sources.iter().find(|s| s.id == id).map_or_else(
            || id.to_string(),
            |s| {
                if s.short.is_empty() {
                    format!("{} {}", s.publisher, s.date).trim().to_string()
                } else {
                    s.short.clone()
                }
            },
        );
        names.push(name);
    }
    names.join("; ")
}

/// Move the label positions `ys` (sorted top to bottom on return) apart to at least
/// `gap`, keeping them within `lo..=hi` where they fit.
pub(super) fn spread(ys: &mut [(f64, usize)], gap: f64, lo: f64, hi: f64) {
    ys.sort_by(|a, b| a.0.total_cmp(&b.0));
    for i in 1..ys.len() {
        if ys[i].0 < ys[i - 1].0 + gap {
            ys[i].0 = ys[i - 1].0 + gap;
        }
    }
    if let Some(last) = ys.last().map(|y| y.0)
        && last > hi
    {
        let shift = last - hi;
        for y in ys.iter_mut() {
            y.0 -= shift;
        }
        for i in (0..ys.len().saturating_sub(1)).rev() {
            if ys[i].0 > ys[i + 1].0 - gap {
                ys[i].0 = ys[i + 1].0 - gap;
            }
        }
    }
    for y in ys.iter_mut() {
        y.0 = y.0.max(lo);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert!((nice_step(700_000.0, 7.0) - 100_000.0).abs() < 1e-9);
        assert!((nice_step(3300.0, 7.0) - 500.0).abs() < 1e-9);
        assert!((nice_step(0.0, 7.0) - 1.0).abs() < 1e-9);
        let (top, step) = axis(684_375.0, 1.1);
        assert_eq!((top, step), (800_000.0, 200_000.0));
    }

    #[test]
    fn tick_labels_group_thousands() {
        assert_eq!(tick_label(700_000.0), "700,000");
        assert_eq!(tick_label(0.0), "0");
        assert_eq!(tick_label(2.5), "2.5");
    }

    #[test]
    fn labels_are_spread_apart() {
        let mut ys = vec![(100.0, 0), (102.0, 1), (300.0, 2)];
        spread(&mut ys, 16.0, 0.0, 400.0);
        assert_eq!(ys, [(100.0, 0), (116.0, 1), (300.0, 2)]);
        let mut ys = vec![(395.0, 0), (398.0, 1)];
        spread(&mut ys, 16.0, 0.0, 400.0);
        assert_eq!(ys, [(384.0, 0), (400.0, 1)]);
    }
}
