//! `smslint.toml`: discovery, parsing (with labelled errors) and merging with flags.
//!
//! Values are validated while they are deserialised (rule selectors, globs, targets), so a bad
//! value is reported by the TOML parser with the span of the offending value: the error is a
//! miette report with a label pointing into the file.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobBuilder, GlobMatcher};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::rules::{LintSettings, Rule, Targets, RULES};
use crate::source::Source;
use crate::tree::Decider;
use crate::versions::sites::SiteEntry;
use crate::versions::version::Significance;

/// The keys of smslint.toml. Unknown keys are errors.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub exclude: Vec<GlobPattern>,
    #[serde(default)]
    pub select: Option<Vec<Selector>>,
    #[serde(default)]
    pub ignore: Vec<Selector>,
    #[serde(default)]
    pub extend_select: Vec<Selector>,
    #[serde(default)]
    pub severity: BTreeMap<Selector, Severity>,
    /// Glob → codes, in file order.
    #[serde(default, deserialize_with = "per_file_ignores")]
    pub per_file_ignores: Vec<(GlobPattern, Vec<Selector>)>,
    /// `"auto"` (the default: the tree decides per file) or a list (`["nt", "win9x"]`: every
    /// `.bat` must run on both).
    #[serde(default)]
    pub targets: Option<Spanned<TargetsValue>>,
    /// Glob → targets, in file order: per-file answers that beat the tree's.
    #[serde(default, deserialize_with = "per_file_targets")]
    pub per_file_targets: Vec<(GlobPattern, Vec<TargetName>)>,
    /// The checked tree is a full copy of the NETLOGON share: SMS106 also reports missing
    /// programs and SMS helpers, not only missing batch files.
    #[serde(default, rename = "netlogon_complete")]
    pub netlogon_complete: Option<bool>,
    #[serde(default, rename = "upgrade_window")]
    pub upgrade_window: Option<bool>,
    #[serde(default, rename = "logon_scripts")]
    pub logon_scripts: Vec<GlobPattern>,
    #[serde(default, rename = "ras_guards")]
    pub ras_guards: Vec<String>,
    #[serde(default)]
    pub significance: Option<Significance>,
    #[serde(default)]
    pub site: Vec<SiteEntry>,
    /// Logon points whose SMSLOGON share is copied next to this file (`[[logon_point]]`).
    #[serde(default, rename = "logon_point")]
    pub logon_point: Vec<crate::versions::logon_point::LogonPointEntry>,
    /// The baseline file (`check --baseline`), relative to this file's directory.
    #[serde(default)]
    pub baseline: Option<PathBuf>,
    /// The rules page findings link to (a site's own mirror of docs/rules.md); `#code` is
    /// appended.
    #[serde(default)]
    pub docs_url: Option<String>,
}

/// `per-file-ignores` as a list of (glob, selectors), each glob validated with its span.
fn per_file_ignores<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<(GlobPattern, Vec<Selector>)>, D::Error> {
    glob_table(d, "a table of glob = [codes]", |_| Ok(()))
}

/// `per-file-targets` as a list of (glob, targets).
fn per_file_targets<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<(GlobPattern, Vec<TargetName>)>, D::Error> {
    glob_table(
        d,
        "a table of glob = [\"nt\", \"win9x\"]",
        |v: &Vec<TargetName>| {
            if v.is_empty() {
                Err("a per-file target list must name at least one of \"nt\", \"win9x\"")
            } else {
                Ok(())
            }
        },
    )
}

/// A TOML table of glob = value, in file order, each glob and value validated as read.
fn glob_table<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
    expecting: &'static str,
    check: fn(&T) -> Result<(), &'static str>,
) -> Result<Vec<(GlobPattern, T)>, D::Error> {
    struct V<T> {
        expecting: &'static str,
        check: fn(&T) -> Result<(), &'static str>,
    }
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
        type Value = Vec<(GlobPattern, T)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(k) = map.next_key::<GlobPattern>()? {
                let v = map.next_value::<T>()?;
                (self.check)(&v).map_err(serde::de::Error::custom)?;
                out.push((k, v));
            }
            Ok(out)
        }
    }
    d.deserialize_map(V { expecting, check })
}

/// The value of `targets`: `"auto"` or a list of interpreters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetsValue {
    Auto,
    List(Vec<TargetName>),
}

impl<'de> Deserialize<'de> for TargetsValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Word(String),
            List(Vec<TargetName>),
        }
        match Raw::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "`targets` is \"auto\" or a list of \"nt\" and \"win9x\", e.g. [\"nt\", \"win9x\"]",
            )
        })? {
            Raw::Word(w) if w.eq_ignore_ascii_case("auto") => Ok(TargetsValue::Auto),
            Raw::Word(w) => Err(serde::de::Error::custom(format!(
                "`targets = \"{w}\"`: the only word is \"auto\"; otherwise give a list, e.g. [\"nt\", \"win9x\"]"
            ))),
            Raw::List(l) => Ok(TargetsValue::List(l)),
        }
    }
}

fn targets_of(names: &[TargetName]) -> Targets {
    Targets {
        nt: names.contains(&TargetName::Nt),
        win9x: names.contains(&TargetName::Win9x),
    }
}

/// A client interpreter named in `targets`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetName {
    Nt,
    Win9x,
}

/// A rule selector: a full code (`BAT201`), a prefix (`SMS2`, `BAT`) or `ALL`. Validated
/// against the registry when read: it must select at least one rule.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Selector(String);

impl Selector {
    /// Parse a selector (any case). `Err` explains why it selects nothing.
    pub fn parse(text: &str) -> Result<Selector, String> {
        let t = text.trim().to_ascii_uppercase();
        if t.is_empty() {
            return Err("empty rule selector".into());
        }
        if t == "ALL" {
            return Ok(Selector(t));
        }
        if !t.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!(
                "`{text}` is not a rule code or prefix (letters and digits, e.g. BAT201 or SMS2)"
            ));
        }
        if RULES.iter().any(|r| r.code.starts_with(t.as_str())) {
            Ok(Selector(t))
        } else {
            Err(format!(
                "`{text}` matches no rule (see `smslint rules` for the codes)"
            ))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Does this selector pick `code`?
    pub fn matches(&self, code: &str) -> bool {
        self.0 == "ALL" || code.starts_with(self.0.as_str())
    }
    /// How specific the selector is (longer prefixes win, for selection and severity).
    fn specificity(&self) -> usize {
        if self.0 == "ALL" {
            0
        } else {
            self.0.len()
        }
    }
}

impl<'de> Deserialize<'de> for Selector {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Selector::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl std::fmt::Display for Selector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A glob from smslint.toml (`exclude`, `per-file-ignores`, `logon_scripts`), compiled when
/// read. It matches paths relative to the directory of the smslint.toml, case-insensitively;
/// a glob without `/` matches a file (or directory) name in any directory.
#[derive(Clone, Debug)]
pub struct GlobPattern {
    text: String,
    matcher: GlobMatcher,
    /// The glob has no `/`: match single names.
    name_only: bool,
}

impl PartialEq for GlobPattern {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}
impl Eq for GlobPattern {}
impl PartialOrd for GlobPattern {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for GlobPattern {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl GlobPattern {
    pub fn new(text: &str) -> Result<GlobPattern, String> {
        let mut norm = text.trim().replace('\\', "/");
        while let Some(rest) = norm.strip_prefix("./") {
            norm = rest.to_string();
        }
        let norm = norm.trim_start_matches('/').to_string();
        let norm = norm.trim_end_matches('/').to_string();
        if norm.is_empty() {
            return Err(format!("`{text}` is an empty glob"));
        }
        let name_only = !norm.contains('/');
        let glob: Glob = GlobBuilder::new(&norm)
            .case_insensitive(true)
            .literal_separator(true)
            .backslash_escape(false)
            .build()
            .map_err(|e| format!("invalid glob `{text}`: {}", e.kind()))?;
        Ok(GlobPattern {
            text: text.to_string(),
            matcher: glob.compile_matcher(),
            name_only,
        })
    }
    pub fn as_str(&self) -> &str {
        &self.text
    }
    /// Does the glob match `rel` (components of a path relative to the config directory) or
    /// one of its ancestors?
    pub fn matches(&self, rel: &[String]) -> bool {
        if self.name_only {
            rel.iter().any(|c| self.matcher.is_match(c))
        } else {
            (1..=rel.len()).any(|n| self.matcher.is_match(rel[..n].join("/")))
        }
    }
}

impl<'de> Deserialize<'de> for GlobPattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        GlobPattern::new(&s).map_err(serde::de::Error::custom)
    }
}

/// A parsed smslint.toml with its bytes (for labelled findings and errors).
#[derive(Clone, Debug)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub source: Arc<Source>,
    pub config: Config,
}

impl LoadedConfig {
    /// The directory globs are relative to (absolute).
    pub fn dir(&self) -> PathBuf {
        let abs = absolute(&self.path);
        abs.parent().map(Path::to_path_buf).unwrap_or_default()
    }
}

fn toml_error(
    path: &Path,
    text: &str,
    span: std::ops::Range<usize>,
    msg: String,
) -> miette::Report {
    miette::miette!(
        labels = vec![miette::LabeledSpan::at(span, msg)],
        "invalid configuration in {}",
        path.display()
    )
    .with_source_code(miette::NamedSource::new(
        path.display().to_string(),
        text.to_string(),
    ))
}

/// Read and parse one smslint.toml. A parse error, an unknown key or a bad value is a tool
/// failure with a miette label pointing into the TOML.
pub fn load(path: &Path) -> miette::Result<LoadedConfig> {
    let bytes =
        std::fs::read(path).map_err(|e| miette::miette!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let config: Config = toml::from_str(&text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        toml_error(path, &text, span, e.message().to_string())
    })?;
    if let Some(t) = &config.targets {
        if matches!(t.get_ref(), TargetsValue::List(l) if l.is_empty()) {
            return Err(toml_error(
                path,
                &text,
                t.span(),
                "`targets` must name at least one of \"nt\", \"win9x\"".into(),
            ));
        }
    }
    Ok(LoadedConfig {
        path: path.to_path_buf(),
        source: Arc::new(Source::new(bytes)),
        config,
    })
}

/// The nearest smslint.toml in `dir` or its ancestors.
pub fn find_upwards(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join("smslint.toml"))
        .find(|p| p.is_file())
}

/// The current directory, read once: smslint never changes it, and a run makes paths
/// absolute several times per file (a `getcwd` each).
fn current_dir() -> Option<&'static Path> {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().ok()).as_deref()
}

/// `path` made absolute against the current directory, `.` and `..` resolved lexically
/// (symlinks are not resolved).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        current_dir()
            .map(|c| c.join(path))
            .unwrap_or_else(|| path.to_path_buf())
    };
    if is_clean(&joined) {
        return joined;
    }
    normalized(&joined)
}

/// `path` rebuilt from its components, `.` dropped and `..` taking off the one before (lexically).
fn normalized(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` is absolute and rebuilding it from its components gives the same bytes: no `.`
/// or `..` component, no doubled or trailing separator (the paths of a walk below an
/// absolute root, nearly always).
fn is_clean(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let b = path.as_os_str().as_bytes();
        b.len() > 1
            && b[0] == b'/'
            && b[b.len() - 1] != b'/'
            && b[1..]
                .split(|&c| c == b'/')
                .all(|part| !part.is_empty() && part != b"." && part != b"..")
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Components of `path` relative to `base` (both absolute), or the components of the whole
/// path when it lies outside `base`.
pub fn relative_components(path: &Path, base: &Path) -> Vec<String> {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// Normalise a program name as SMS does: path, quotes and extension stripped, lower case.
pub fn normalize_program(name: &str) -> String {
    let unquoted: String = name.chars().filter(|&c| c != '"').collect();
    let base = unquoted
        .rsplit(['\\', '/', ':'])
        .next()
        .unwrap_or("")
        .trim();
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    stem.to_ascii_lowercase()
}

/// Settings given on the command line; they override the config.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--select` (replaces the config's `select`).
    pub select: Option<Vec<Selector>>,
    pub extend_select: Vec<Selector>,
    pub ignore: Vec<Selector>,
    /// `--target`.
    pub targets: Option<Targets>,
    /// `--upgrade-window` (only `true` overrides).
    pub upgrade_window: bool,
}

impl Overrides {
    /// Only these rules (for tests and the rule harness).
    pub fn only(codes: &[&str]) -> Overrides {
        Overrides {
            select: Some(
                codes
                    .iter()
                    .map(|c| Selector(c.to_ascii_uppercase()))
                    .collect(),
            ),
            ..Overrides::default()
        }
    }
}

/// Everything the engine needs to lint one file: the rule settings, the selected rules and
/// the severity overrides, resolved from the config in effect and the flags.
#[derive(Clone, Debug, Default)]
pub struct ResolvedSettings {
    pub lint: LintSettings,
    /// Codes of the selected rules, in registry order.
    pub selected: Vec<&'static str>,
    /// Severity overrides, most specific selector first.
    pub severity: Vec<(Selector, Severity)>,
    /// The smslint.toml in effect, if any.
    pub config_path: Option<PathBuf>,
    /// Targets fixed by the flag or the config, and which of them; `None`: the tree decides.
    pub explicit_targets: Option<(Targets, Decider)>,
    /// `netlogon_complete = true`.
    pub netlogon_complete: bool,
}

/// The selectors a selection was resolved from (see [`ResolvedSettings::for_file`]).
struct SelectionKey {
    base: Vec<Selector>,
    default_set: bool,
    extend: Vec<Selector>,
    ignore: Vec<Selector>,
}

thread_local! {
    static LAST_SELECTION: std::cell::RefCell<Option<(SelectionKey, Vec<&'static str>)>> =
        const { std::cell::RefCell::new(None) };
}

impl ResolvedSettings {
    /// Resolve the settings for the file at `path` (as given or discovered; it need not exist,
    /// e.g. `--stdin-filename`).
    pub fn for_file(config: Option<&LoadedConfig>, ov: &Overrides, path: &Path) -> Self {
        let abs = absolute(path);
        let default_cfg = Config::default();
        let cfg = config.map_or(&default_cfg, |l| &l.config);
        // The path's components below the config's folder, made only when a glob asks.
        let rel_cell = std::cell::OnceCell::new();
        let rel = || {
            rel_cell.get_or_init(|| match config {
                Some(l) => relative_components(&abs, &l.dir()),
                None => relative_components(&abs, Path::new("/")),
            })
        };
        let file_name = abs
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_cmd = Path::new(&file_name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("cmd"));

        // Selection, as ruff does it: the most specific selector that matches a code decides
        // between (select, or the default set) + extend-select and ignore (a tie goes to
        // ignore); per-file-ignores always drop. With no `select`, the default set is every
        // rule that is on by default; opt-in rules need a selector that names them.
        static ALL: std::sync::OnceLock<[Selector; 1]> = std::sync::OnceLock::new();
        let all = ALL.get_or_init(|| [Selector("ALL".into())]);
        let (base, default_set): (&[Selector], bool) = match (&ov.select, &cfg.select) {
            (Some(s), _) => (s, false),
            (None, Some(s)) => (s, false),
            (None, None) => (all, true),
        };
        let file_ignores: Vec<&Selector> = cfg
            .per_file_ignores
            .iter()
            .filter(|(glob, _)| glob.matches(rel()))
            .flat_map(|(_, sels)| sels.iter())
            .collect();
        let strongest = |sels: &mut dyn Iterator<Item = &Selector>, code: &str| {
            sels.filter(|s| s.matches(code))
                .map(Selector::specificity)
                .max()
        };
        let select = |file_ignores: &[&Selector]| -> Vec<&'static str> {
            RULES
                .iter()
                .filter(|r| {
                    let base = if default_set && !r.on_by_default() {
                        &[]
                    } else {
                        base
                    };
                    let picked = strongest(
                        &mut base
                            .iter()
                            .chain(cfg.extend_select.iter())
                            .chain(ov.extend_select.iter()),
                        r.code,
                    );
                    let dropped = strongest(&mut cfg.ignore.iter().chain(ov.ignore.iter()), r.code);
                    let kept = match (picked, dropped) {
                        (Some(p), Some(d)) => p > d,
                        (Some(_), None) => true,
                        (None, _) => false,
                    };
                    kept && !file_ignores.iter().any(|s| s.matches(r.code))
                })
                .map(|r: &&'static Rule| r.code)
                .collect()
        };
        // Without per-file ignores the selection is the same for every file of a config:
        // the last one is kept (per thread) with the selectors it came from.
        let selected = if file_ignores.is_empty() {
            let extend = || cfg.extend_select.iter().chain(ov.extend_select.iter());
            let ignore = || cfg.ignore.iter().chain(ov.ignore.iter());
            LAST_SELECTION.with(|last| {
                let mut last = last.borrow_mut();
                match &*last {
                    Some((k, sel))
                        if k.base == base
                            && k.default_set == default_set
                            && k.extend.iter().eq(extend())
                            && k.ignore.iter().eq(ignore()) =>
                    {
                        sel.clone()
                    }
                    _ => {
                        let sel = select(&[]);
                        let key = SelectionKey {
                            base: base.to_vec(),
                            default_set,
                            extend: extend().cloned().collect(),
                            ignore: ignore().cloned().collect(),
                        };
                        *last = Some((key, sel.clone()));
                        sel
                    }
                }
            })
        } else {
            select(&file_ignores)
        };

        let mut severity: Vec<(Selector, Severity)> =
            cfg.severity.iter().map(|(s, v)| (s.clone(), *v)).collect();
        severity.sort_by_key(|(s, _)| std::cmp::Reverse(s.specificity()));

        // Explicit answers, most specific first: the flag, `per-file-targets`, a `targets`
        // list. With none (`targets = "auto"`, the default) the tree decides per file; until
        // it has, the file is NT only. COMMAND.COM does not run .cmd files.
        let per_file = cfg
            .per_file_targets
            .iter()
            .find(|(glob, _)| glob.matches(rel()))
            .map(|(_, t)| targets_of(t));
        let explicit = match (
            ov.targets,
            per_file,
            cfg.targets.as_ref().map(|t| t.get_ref()),
        ) {
            (Some(t), _, _) => Some((t, Decider::Flag)),
            (None, Some(t), _) => Some((t, Decider::PerFileConfig)),
            (None, None, Some(TargetsValue::List(l))) => Some((targets_of(l), Decider::Config)),
            _ => None,
        };
        let targets = if is_cmd {
            Targets {
                nt: true,
                win9x: false,
            }
        } else {
            explicit.map(|(t, _)| t).unwrap_or(Targets {
                nt: true,
                win9x: false,
            })
        };

        let logon_script = file_name.eq_ignore_ascii_case("smsls.bat")
            || cfg.logon_scripts.iter().any(|g| g.matches(rel()));

        let mut ras_guards: Vec<String> = cfg
            .ras_guards
            .iter()
            .map(|g| normalize_program(g))
            .filter(|g| !g.is_empty())
            .collect();
        ras_guards.sort();
        ras_guards.dedup();

        ResolvedSettings {
            lint: LintSettings {
                targets,
                upgrade_window: ov.upgrade_window || cfg.upgrade_window.unwrap_or(false),
                logon_script,
                ras_guards,
                ..LintSettings::default()
            },
            selected,
            severity,
            config_path: config.map(|l| l.path.clone()),
            explicit_targets: explicit,
            netlogon_complete: cfg.netlogon_complete.unwrap_or(false),
        }
    }

    pub fn is_selected(&self, code: &str) -> bool {
        // Codes are nearly always the registry's own strings: addresses first, then text.
        self.selected.iter().any(|c| std::ptr::eq(*c, code)) || self.selected.contains(&code)
    }

    /// The severity of a finding of `code` whose rule default is `default`.
    pub fn severity_of(&self, code: &str, default: Severity) -> Severity {
        self.severity
            .iter()
            .find(|(s, _)| s.matches(code))
            .map(|(_, v)| *v)
            .unwrap_or(default)
    }

    /// Is a path (file or directory) excluded by the config's `exclude`?
    pub fn excluded(config: Option<&LoadedConfig>, path: &Path) -> bool {
        match config {
            Some(l) if !l.config.exclude.is_empty() => {
                let rel = relative_components(&absolute(path), &l.dir());
                l.config.exclude.iter().any(|g| g.matches(&rel))
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_paths_are_the_same_with_and_without_the_shortcut() {
        // The slow way: every path rebuilt from its components.
        let slow = |p: &str| normalized(Path::new(p));
        for p in [
            "/",
            "/a",
            "/a/b.bat",
            "/a//b",
            "/a/b/",
            "/a/./b",
            "/a/../b",
            "/a/b/..",
            "/a/b/.",
            "/.hidden/x",
            "/a/..b/c.",
            "//a",
            "/a/b c/d",
        ] {
            assert_eq!(absolute(Path::new(p)), slow(p), "{p}");
            if is_clean(Path::new(p)) {
                assert_eq!(absolute(Path::new(p)).as_os_str(), p, "{p}");
            }
        }
        assert!(is_clean(Path::new("/a/b.bat")) && !is_clean(Path::new("/a/./b")));
    }

    #[test]
    fn globs_match_relative_and_by_name() {
        let g = GlobPattern::new("*.BAT").unwrap();
        assert!(g.matches(&["sub".into(), "x.bat".into()]));
        let g = GlobPattern::new("legacy/*.bat").unwrap();
        assert!(g.matches(&["legacy".into(), "A.Bat".into()]));
        assert!(!g.matches(&["other".into(), "legacy".into(), "a.bat".into()]));
        let g = GlobPattern::new("vendor").unwrap();
        assert!(g.matches(&["a".into(), "vendor".into(), "x.cmd".into()]));
        let g = GlobPattern::new("./build/old/").unwrap();
        assert!(g.matches(&["build".into(), "old".into(), "x.bat".into()]));
        assert!(GlobPattern::new("a/[").is_err());
    }

    #[test]
    fn program_names_are_normalised() {
        assert_eq!(normalize_program(r#""\\srv\share\MyRas.EXE""#), "myras");
        assert_eq!(normalize_program("CheckRAS"), "checkras");
        assert_eq!(normalize_program("c:/tools/x.y.com"), "x.y");
    }

    #[test]
    fn the_most_specific_selector_wins_as_in_ruff() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("smslint.toml");
        std::fs::write(
            &path,
            "select = [\"BAT2\"]\nignore = [\"BAT\", \"BAT203\"]\nextend-select = [\"BAT201\"]\n",
        )
        .unwrap();
        let cfg = load(&path).unwrap();
        let s = ResolvedSettings::for_file(
            Some(&cfg),
            &Overrides::default(),
            &dir.path().join("a.bat"),
        );
        // BAT201: extend-select (6 chars) beats ignore BAT (3 chars).
        assert!(s.is_selected("BAT201"));
        // BAT202: select BAT2 (4) beats ignore BAT (3).
        assert!(s.is_selected("BAT202"));
        // BAT203: ignore BAT203 (6) beats select BAT2 (4).
        assert!(!s.is_selected("BAT203"));
        // BAT101: not selected at all.
        assert!(!s.is_selected("BAT101"));
    }

    #[test]
    fn opt_in_rules_run_only_when_a_selector_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.bat");
        let with = |toml: &str| {
            let path = dir.path().join("smslint.toml");
            std::fs::write(&path, toml).unwrap();
            ResolvedSettings::for_file(Some(&load(&path).unwrap()), &Overrides::default(), &file)
        };
        let none = ResolvedSettings::for_file(None, &Overrides::default(), &file);
        let all = with("select = [\"ALL\"]\n");
        for r in RULES {
            assert_eq!(none.is_selected(r.code), r.on_by_default(), "{}", r.code);
            assert!(all.is_selected(r.code), "{}", r.code);
            let own = with(&format!("extend-select = [\"{}\"]\n", r.code));
            assert!(own.is_selected(r.code), "{}", r.code);
        }
        assert!(
            RULES.iter().any(|r| !r.on_by_default()),
            "some rule is opt-in (else this test proves nothing)"
        );
    }

    #[test]
    fn selectors_are_validated() {
        assert!(Selector::parse("sml001").is_ok());
        assert!(Selector::parse("SML").is_ok());
        assert!(Selector::parse("all").is_ok());
        assert!(Selector::parse("XYZ999").is_err());
        assert!(Selector::parse("BAT-1").is_err());
    }
}
