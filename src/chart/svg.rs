//! A small SVG writer: elements appended to a string, every outside string escaped.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `s` made safe inside XML or HTML text and attribute values: control characters shown
/// as visible escapes (XML 1.0 forbids most of them even escaped), then `&`, `<`, `>`,
/// `"` and `'` replaced by entities.
#[must_use]
pub fn escape(s: &str) -> Cow<'_, str> {
    let visible = crate::text::escape_controls(s);
    if !visible.contains(['&', '<', '>', '"', '\'']) {
        return visible;
    }
    let mut out = String::with_capacity(visible.len() + 16);
    for c in visible.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A coordinate with at most one decimal (`12`, `12.5`).
pub(crate) fn n(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.1}");
    let s = if s == "-0.0" { "0.0".to_string() } else { s };
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// Text alignment at the anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    const fn name(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Middle => "middle",
            Self::End => "end",
        }
    }
}

/// An SVG document being written.
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    /// Open a `width` x `height` document with an accessible title and description.
    pub(crate) fn new(width: u32, height: u32, title: &str, desc: &str) -> Self {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" \
             font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n\
             <title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}</desc>\n",
            escape(title),
            escape(desc)
        );
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
        );
        Self { out }
    }

    /// Append markup written by this module (never outside text).
    pub(crate) fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// A rectangle filled with `fill` (a colour or `url(#id)`), outlined when `stroke` is set.
    pub(crate) fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &str,
        stroke: Option<&str>,
    ) {
        let stroke = stroke.map_or_else(String::new, |s| {
            format!(" stroke=\"{s}\" stroke-width=\"1\"")
        });
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"{stroke}/>",
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0))
        );
    }

    /// A bar with a tooltip (`<title>`) naming its figure.
    #[expect(
        clippy::too_many_arguments,
        reason = "geometry, fill and tooltip of one bar"
    )]
    pub(crate) fn bar(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &str,
        stroke: &str,
        tip: &str,
    ) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" \
             stroke-width=\"1\"><title>{}</title></rect>",
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0)),
            escape(tip)
        );
    }

    /// A straight line; `dash` is an SVG dash array such as `6 4`.
    #[expect(clippy::too_many_arguments, reason = "two points and a stroke")]
    pub(crate) fn line(
        &mut self,
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &str,
        width: f64,
        dash: Option<&str>,
    ) {
        let dash = dash.map_or_else(String::new, |d| format!(" stroke-dasharray=\"{d}\""));
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"{dash}/>",
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            n(width)
        );
    }

    /// A polyline through `points`.
    pub(crate) fn polyline(
        &mut self,
        points: &[(f64, f64)],
        stroke: &str,
        width: f64,
        dash: Option<&str>,
    ) {
        let mut pts = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            if i > 0 {
                pts.push(' ');
            }
            let _ = write!(pts, "{},{}", n(*x), n(*y));
        }
        let dash = dash.map_or_else(String::new, |d| format!(" stroke-dasharray=\"{d}\""));
        let _ = writeln!(
            self.out,
            "<polyline points=\"{pts}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{}\"{dash}/>",
            n(width)
        );
    }

    /// Text at (`x`, `y`), the baseline; `bold` for emphasis.
    #[expect(
        clippy::too_many_arguments,
        reason = "position, alignment, size, weight, colour, text"
    )]
    pub(crate) fn text(
        &mut self,
        x: f64,
        y: f64,
        anchor: Anchor,
        size: f64,
        bold: bool,
        fill: &str,
        content: &str,
    ) {
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\"{weight} fill=\"{fill}\">{}</text>",
            n(x),
            n(y),
            anchor.name(),
            n(size),
            escape(content)
        );
    }

    /// Text turned 90 degrees anticlockwise about (`x`, `y`) (a y-axis title).
    pub(crate) fn vertical_text(&mut self, x: f64, y: f64, size: f64, content: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"#222222\" \
             transform=\"rotate(-90 {} {})\">{}</text>",
            n(x),
            n(y),
            n(size),
            n(x),
            n(y),
            escape(content)
        );
    }

    /// Close the document.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_text_is_escaped_for_xml() {
        assert_eq!(escape("FY2024"), "FY2024");
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("bell\x07<"), "bell\\x07&lt;");
    }

    #[test]
    fn coordinates_keep_one_decimal() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.25), "12.2");
        assert_eq!(n(-0.04), "0");
        assert_eq!(n(f64::NAN), "0");
    }
}
