//! `smslint.toml`: discovery, parsing (with labelled errors) and merging with flags.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::sites::SiteEntry;
use crate::source::Source;
use crate::version::Significance;

/// The keys of smslint.toml. Unknown keys are errors.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub extend_select: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub targets: Option<Vec<String>>,
    #[serde(default, rename = "upgrade_window")]
    pub upgrade_window: Option<bool>,
    #[serde(default, rename = "logon_scripts")]
    pub logon_scripts: Vec<String>,
    #[serde(default, rename = "ras_guards")]
    pub ras_guards: Vec<String>,
    #[serde(default)]
    pub significance: Option<Significance>,
    #[serde(default)]
    pub site: Vec<SiteEntry>,
}

/// A parsed smslint.toml with its bytes (for labelled findings and errors).
#[derive(Clone, Debug)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub source: Arc<Source>,
    pub config: Config,
}

/// Read and parse one smslint.toml. A parse error or an unknown key is a tool failure with a
/// miette label pointing into the TOML.
pub fn load(path: &Path) -> miette::Result<LoadedConfig> {
    let bytes =
        std::fs::read(path).map_err(|e| miette::miette!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let config: Config = toml::from_str(&text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        miette::miette!(
            labels = vec![miette::LabeledSpan::at(span, e.message().to_string())],
            "invalid configuration in {}",
            path.display()
        )
        .with_source_code(miette::NamedSource::new(
            path.display().to_string(),
            text.clone(),
        ))
    })?;
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
