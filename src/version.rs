//! Clicore versions: a hand-written parser, release/hotfix/ICP decoding, significance.

use serde::Deserialize;

/// Which differences between two Clicore versions are "significant" (Boot32wn refuses to
/// upgrade across them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Significance {
    /// Compare (major, minor, build, revision / 1000): service packs count. The default.
    #[default]
    Release,
    /// Compare (major, minor, build) only. Unsafe: SP2, SP3 and SP4 share build 1493.
    Build,
}

/// `smslint version`.
pub fn run(_args: &crate::cli::VersionArgs) -> miette::Result<crate::Exit> {
    Err(miette::miette!("`smslint version` is not implemented yet"))
}
