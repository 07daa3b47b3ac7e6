//! Files: saving, listing, loading and comparing saved scenarios, and exports.

use crate::report::{self, Format, Summary};
use crate::saved;

use super::{App, Overlay, SavedEntry};

impl App {
    pub(super) fn open_saved(&mut self) {
        let Some(dir) = self.scenario_dir.clone() else {
            self.fail("no folder of saved scenarios: set ARREST_SCENARIOS_DIR");
            return;
        };
        self.saved = saved::list(&dir, &self.data.offices)
            .into_iter()
            .map(|r| match r {
                Ok(s) => SavedEntry {
                    scenario: Ok((s.name, s.scenario)),
                },
                Err(e) => SavedEntry {
                    scenario: Err(e.to_string()),
                },
            })
            .collect();
        self.saved_row = 0;
        self.marked.clear();
        self.overlay_scroll = 0;
        self.overlay = Some(Overlay::Saved);
    }

    pub(super) fn choose_saved(&mut self) {
        if self.overlay != Some(Overlay::Saved) {
            return;
        }
        match self.saved.get(self.saved_row).map(|e| e.scenario.clone()) {
            Some(Ok((name, s))) => {
                self.overlay = None;
                self.change(s);
                self.note(format!("Loaded '{name}'"));
            }
            Some(Err(e)) => self.fail(format!("cannot load: {e}")),
            None => {}
        }
    }

    pub(super) fn compare_saved(&mut self) {
        if self.overlay != Some(Overlay::Saved) {
            return;
        }
        let picked: Vec<usize> = if self.marked.is_empty() {
            vec![self.saved_row]
        } else {
            self.marked.clone()
        };
        let mut items = vec![("current".to_string(), self.scenario.clone())];
        items.extend(
            picked
                .iter()
                .filter_map(|i| self.saved.get(*i))
                .filter_map(|e| e.scenario.clone().ok())
                // A name from a file is shown escaped and cut to a sane width, so a
                // 65,536-character name cannot overflow a column's padding.
                .map(|(name, s)| (crate::text::echo(&name), s)),
        );
        if items.len() < 2 {
            self.fail("nothing usable to compare: mark saved scenarios with Space");
            return;
        }
        self.comparison = Some(report::compare(&items, &self.data));
        self.overlay_scroll = 0;
        self.overlay = Some(Overlay::Compare);
    }

    /// Write the scenario as Markdown, CSV, JSON and the printable HTML page into the
    /// export folder.
    pub(super) fn export(&mut self) {
        let stamp = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%SZ")
            .to_string();
        let summary = Summary::new(
            &self.scenario,
            &self.derived.outcome,
            &self.data,
            &self.presets,
        )
        .with_ramp(self.ramp_weeks);
        // Two exports in the same second get -2, -3, ...: never a failure, never an
        // overwrite.
        let formats = [
            ("md", Format::Markdown),
            ("csv", Format::Csv),
            ("json", Format::Json),
            ("html", Format::Html),
        ];
        let mut texts = Vec::new();
        for (ext, format) in formats {
            match summary.render(format) {
                Ok(text) => texts.push((ext, text)),
                Err(e) => {
                    self.fail(format!("export stopped: {e}"));
                    return;
                }
            }
        }
        // Named after the scenario: the preset it equals, else "custom".
        let what = crate::model::matching_presets(&self.scenario, &self.presets)
            .first()
            .and_then(|p| crate::saved::file_name(&p.id).ok())
            .map_or_else(
                || "custom".to_string(),
                |f| f.trim_end_matches(".toml").to_string(),
            );
        let base = (1..1000)
            .map(|n| {
                let name = if n == 1 {
                    format!("arrest-scenario-{what}-{stamp}")
                } else {
                    format!("arrest-scenario-{what}-{stamp}-{n}")
                };
                self.export_dir.join(name)
            })
            .find(|b| texts.iter().all(|(ext, _)| !b.with_extension(ext).exists()))
            .unwrap_or_else(|| {
                self.export_dir
                    .join(format!("arrest-scenario-{what}-{stamp}"))
            });
        let mut written = Vec::new();
        for (ext, text) in &texts {
            if let Err(e) = saved::write_new(&base.with_extension(ext), text.as_bytes()) {
                self.fail(format!("export stopped: {e}"));
                return;
            }
            written.push(*ext);
        }
        self.note(format!(
            "Exported {}.{{{}}}",
            base.display(),
            written.join(",")
        ));
    }

    pub(super) fn save_as(&mut self, name: &str) {
        let Some(dir) = self.scenario_dir.clone() else {
            self.fail("no folder to save in: set ARREST_SCENARIOS_DIR");
            return;
        };
        match saved::save_new(&dir, name, &self.scenario) {
            Ok(path) => self.note(format!("Saved '{name}' as {}", path.display())),
            Err(e) => self.fail(format!("not saved: {e}")),
        }
    }
}

/// The file name of a path, for short labels.
pub(super) fn short_path(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}
