//! The baseline: findings a share already had when smslint was adopted, recorded so that
//! `check --baseline FILE` reports only new ones.
//!
//! The file records, per file and rule, a count and the fingerprint of each finding (see
//! [`crate::diagnostic::Fingerprint`]: a hash of the flagged line's own text, without its
//! indentation, and which occurrence of that text it is). Lines inserted or moved above a
//! finding leave its fingerprint alone; editing the flagged line changes it, so the finding is
//! reported again. Paths are relative to the directory of the baseline file, with `/`.
//!
//! The format is JSON written for diffs: sorted by path and code, one entry per line.
//!
//! ```json
//! {
//!   "smslint-baseline": 1,
//!   "entries": [
//!     {"path": "logon/a.bat", "code": "BAT201", "count": 1, "fingerprints": ["4f0c…:0"]}
//!   ]
//! }
//! ```
//!
//! Matching is a hash lookup per finding, so a baseline of any size costs what its entries
//! cost to read: nothing is compared pairwise.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{FileReport, Fingerprint};

/// The format version written in `"smslint-baseline"`.
pub const VERSION: u32 = 1;

/// The recorded findings of one file and rule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Sorted, each fingerprint once (occurrence numbers keep equal lines apart).
    pub fingerprints: Vec<Fingerprint>,
}

/// A loaded (or freshly built) baseline: path → code → entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    pub entries: BTreeMap<String, BTreeMap<String, Entry>>,
}

#[derive(Serialize, Deserialize)]
struct FileEntry {
    path: String,
    code: String,
    count: usize,
    fingerprints: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    #[serde(rename = "smslint-baseline")]
    version: u32,
    entries: Vec<FileEntry>,
}

/// Recorded findings that were not found again: fixed (or their line was edited).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    pub path: String,
    pub code: String,
    /// How many recorded findings of this file and rule were not found.
    pub count: usize,
}

/// What applying a baseline did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Findings hidden because the baseline records them.
    pub suppressed: usize,
    /// Recorded findings of the checked files (and of files that no longer exist) that were
    /// not found, by path and code.
    pub fixed: Vec<Fixed>,
}

impl Outcome {
    /// The number of fixed findings.
    pub fn fixed_count(&self) -> usize {
        self.fixed.iter().map(|f| f.count).sum()
    }
}

/// How report paths map to baseline keys: relative to the baseline file's directory.
#[derive(Clone, Debug)]
pub struct Keys {
    /// The directory of the baseline file (absolute).
    dir: PathBuf,
    /// The directory report paths are relative to (absolute).
    cwd: PathBuf,
}

impl Keys {
    /// Keys for a baseline file at `file`, with report paths relative to `cwd`.
    pub fn new(file: &Path, cwd: &Path) -> Keys {
        let abs = super::config::absolute(&cwd.join(file));
        let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        Keys {
            dir,
            cwd: super::config::absolute(cwd),
        }
    }

    /// The key of a report path (as shown in reports; `-` for unnamed stdin stays `-`).
    pub fn key(&self, report_path: &str) -> String {
        if report_path == "-" {
            return "-".to_string();
        }
        let abs = super::config::absolute(&self.cwd.join(report_path));
        super::relative_to(&abs, &self.dir).replace('\\', "/")
    }

    /// Does the file of a baseline key still exist?
    fn exists(&self, key: &str) -> bool {
        key != "-" && self.dir.join(key).is_file()
    }
}

impl Baseline {
    /// Parse a baseline file's text. `Err` says what is wrong.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let f: FileFormat =
            serde_json::from_str(text).map_err(|e| format!("not a smslint baseline: {e}"))?;
        if f.version != VERSION {
            return Err(format!(
                "baseline format {} is not supported (this smslint writes format {VERSION})",
                f.version
            ));
        }
        let mut b = Baseline::default();
        for e in f.entries {
            let entry = b
                .entries
                .entry(e.path)
                .or_default()
                .entry(e.code)
                .or_default();
            for f in e.fingerprints {
                let fp = Fingerprint::parse(&f)
                    .ok_or_else(|| format!("`{f}` is not a fingerprint (hash:occurrence)"))?;
                entry.fingerprints.push(fp);
            }
        }
        for codes in b.entries.values_mut() {
            for e in codes.values_mut() {
                e.fingerprints.sort_unstable();
                e.fingerprints.dedup();
            }
        }
        Ok(b)
    }

    /// Read a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        Baseline::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The baseline as its file text: sorted (paths and codes as strings, fingerprints by
    /// hash then occurrence), one entry per line, ending in a newline.
    pub fn render(&self) -> String {
        let mut out = format!("{{\n  \"smslint-baseline\": {VERSION},\n  \"entries\": [");
        let mut first = true;
        for (path, codes) in &self.entries {
            for (code, e) in codes {
                if e.fingerprints.is_empty() {
                    continue;
                }
                let line = FileEntry {
                    path: path.clone(),
                    code: code.clone(),
                    count: e.fingerprints.len(),
                    fingerprints: e.fingerprints.iter().map(Fingerprint::to_string).collect(),
                };
                out.push_str(if first { "\n    " } else { ",\n    " });
                first = false;
                out.push_str(&serde_json::to_string(&line).unwrap_or_default());
            }
        }
        out.push_str(if first { "]\n}\n" } else { "\n  ]\n}\n" });
        out
    }

    /// Write the baseline file: a new one as any file is created, an existing one through a
    /// temporary file and a rename (keeping its permissions).
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let text = self.render();
        let written = if path.exists() {
            crate::edit::write_atomic(path, text.as_bytes())
        } else {
            std::fs::write(path, text.as_bytes())
        };
        written.map_err(|e| format!("cannot write the baseline {}: {e}", path.display()))
    }

    /// The number of recorded findings.
    pub fn len(&self) -> usize {
        self.entries
            .values()
            .flat_map(|c| c.values())
            .map(|e| e.fingerprints.len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of files with recorded findings.
    pub fn files(&self) -> usize {
        self.entries
            .values()
            .filter(|c| c.values().any(|e| !e.fingerprints.is_empty()))
            .count()
    }

    /// Which findings of `reports` the baseline records (per report, per finding), and the
    /// recorded findings not found again. Recorded findings of the checked files that were
    /// not found, and those of files that no longer exist, are fixed; files not checked in
    /// this run (a pre-commit hook passes only the changed ones) are left alone.
    pub fn matching(&self, reports: &[FileReport], keys: &Keys) -> (Vec<Vec<bool>>, Outcome) {
        let mut outcome = Outcome::default();
        let mut recorded: Vec<Vec<bool>> = Vec::with_capacity(reports.len());
        let mut checked: HashSet<String> =
            HashSet::with_capacity_and_hasher(reports.len(), Default::default());
        for r in reports {
            let key = keys.key(&r.path);
            let codes = self.entries.get(&key);
            checked.insert(key.clone());
            let Some(codes) = codes else {
                recorded.push(vec![false; r.findings.len()]);
                continue;
            };
            // Fingerprints per code, each with a flag for "found again".
            let mut sets: HashMap<&str, HashMap<Fingerprint, bool>> = codes
                .iter()
                .map(|(c, e)| {
                    let set = e.fingerprints.iter().map(|&f| (f, false)).collect();
                    (c.as_str(), set)
                })
                .collect();
            let flags: Vec<bool> = r
                .findings
                .iter()
                .map(|f| {
                    let (Some(fp), Some(set)) = (f.fingerprint, sets.get_mut(f.diag.code)) else {
                        return false;
                    };
                    match set.get_mut(&fp) {
                        Some(seen) => {
                            *seen = true;
                            true
                        }
                        None => false,
                    }
                })
                .collect();
            outcome.suppressed += flags.iter().filter(|&&b| b).count();
            recorded.push(flags);
            for (code, set) in sets {
                let count = set.values().filter(|seen| !**seen).count();
                if count > 0 {
                    outcome.fixed.push(Fixed {
                        path: key.clone(),
                        code: code.to_string(),
                        count,
                    });
                }
            }
        }
        // Files recorded but gone from disk.
        for (path, codes) in &self.entries {
            if checked.contains(path) || keys.exists(path) {
                continue;
            }
            for (code, e) in codes {
                if !e.fingerprints.is_empty() {
                    outcome.fixed.push(Fixed {
                        path: path.clone(),
                        code: code.clone(),
                        count: e.fingerprints.len(),
                    });
                }
            }
        }
        outcome
            .fixed
            .sort_by(|a, b| (&a.path, &a.code).cmp(&(&b.path, &b.code)));
        (recorded, outcome)
    }

    /// Remove from `reports` every finding the baseline records; see [`Baseline::matching`].
    pub fn apply(&self, reports: &mut [FileReport], keys: &Keys) -> Outcome {
        let (recorded, outcome) = self.matching(reports, keys);
        for (r, flags) in reports.iter_mut().zip(recorded) {
            let mut flags = flags.into_iter();
            r.findings.retain(|_| !flags.next().unwrap_or(false));
        }
        outcome
    }

    /// The baseline after a run: the findings of the checked files replace what was recorded
    /// for them, files that no longer exist are dropped, and the entries of files not checked
    /// in this run are kept.
    pub fn updated(&self, reports: &[FileReport], keys: &Keys) -> Baseline {
        let mut next = Baseline::default();
        let mut checked: HashSet<String> =
            HashSet::with_capacity_and_hasher(reports.len(), Default::default());
        for r in reports {
            let key = keys.key(&r.path);
            checked.insert(key.clone());
            for f in &r.findings {
                if let Some(fp) = f.fingerprint {
                    next.entries
                        .entry(key.clone())
                        .or_default()
                        .entry(f.diag.code.to_string())
                        .or_default()
                        .fingerprints
                        .push(fp);
                }
            }
        }
        for (path, codes) in &self.entries {
            if !checked.contains(path) && keys.exists(path) {
                next.entries.insert(path.clone(), codes.clone());
            }
        }
        for codes in next.entries.values_mut() {
            for e in codes.values_mut() {
                e.fingerprints.sort_unstable();
                e.fingerprints.dedup();
            }
        }
        next.entries.retain(|_, c| {
            c.retain(|_, e| !e.fingerprints.is_empty());
            !c.is_empty()
        });
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_render_round_trip_is_stable_and_sorted() {
        let text = "{\"smslint-baseline\": 1, \"entries\": [\
            {\"path\": \"b.bat\", \"code\": \"BAT201\", \"count\": 1, \"fingerprints\": [\"00000000000000ff:0\"]},\
            {\"path\": \"a.bat\", \"code\": \"SMS101\", \"count\": 2, \"fingerprints\": [\"0000000000000002:0\", \"0000000000000001:0\"]}]}";
        let b = Baseline::parse(text).expect("parses");
        let out = b.render();
        assert_eq!(
            out,
            "{\n  \"smslint-baseline\": 1,\n  \"entries\": [\n    \
             {\"path\":\"a.bat\",\"code\":\"SMS101\",\"count\":2,\"fingerprints\":[\"0000000000000001:0\",\"0000000000000002:0\"]},\n    \
             {\"path\":\"b.bat\",\"code\":\"BAT201\",\"count\":1,\"fingerprints\":[\"00000000000000ff:0\"]}\n  ]\n}\n"
        );
        assert_eq!(Baseline::parse(&out).expect("re-parses"), b);
        assert_eq!(b.len(), 3);
        assert_eq!(b.files(), 2);
        assert_eq!(
            Baseline::default().render(),
            "{\n  \"smslint-baseline\": 1,\n  \"entries\": []\n}\n"
        );
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(Baseline::parse("[]").is_err());
        assert!(
            Baseline::parse("{\"smslint-baseline\": 9, \"entries\": []}")
                .unwrap_err()
                .contains("format 9")
        );
        assert!(Baseline::parse("{\"smslint-baseline\": 1, \"entries\": [], \"x\": 1}").is_err());
        let bad_fp = "{\"smslint-baseline\": 1, \"entries\": [{\"path\": \"a\", \"code\": \"BAT201\", \"count\": 1, \"fingerprints\": [\"12:0\"]}]}";
        assert!(Baseline::parse(bad_fp).unwrap_err().contains("`12:0`"));
    }

    #[test]
    fn keys_are_relative_to_the_baseline_directory() {
        let keys = Keys::new(
            Path::new("/srv/share/smslint-baseline.json"),
            Path::new("/srv"),
        );
        assert_eq!(keys.key("share/logon/a.bat"), "logon/a.bat");
        assert_eq!(keys.key("/srv/share/b.cmd"), "b.cmd");
        assert_eq!(keys.key("other/c.bat"), "../other/c.bat");
        assert_eq!(keys.key("-"), "-");
    }
}
