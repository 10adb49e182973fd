//! The site manifest (`[[site]]` tables in smslint.toml) and its checks.

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Diagnostic;
use crate::source::Source;
use crate::version::Significance;

/// One `[[site]]` table. Spans point into the smslint.toml bytes, so findings can label the
/// exact value.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteEntry {
    /// Site code, e.g. `A01`.
    pub code: Spanned<String>,
    /// The Clicore/base version the site's logon points supply (checked as a finding, not a
    /// config error, when it does not parse).
    pub clicore: Spanned<String>,
    /// Domain controllers acting as the site's logon points.
    #[serde(default)]
    pub logon_points: Option<Spanned<Vec<Spanned<String>>>>,
}

/// Check the manifest of one smslint.toml (`toml` is that file's bytes). Findings carry byte
/// spans into `toml`.
pub fn check_manifest(
    _toml: &Source,
    _sites: &[SiteEntry],
    _policy: Significance,
) -> Vec<Diagnostic> {
    Vec::new()
}
