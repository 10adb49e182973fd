//! Clicore versions: a hand-written parser, release/hotfix/ICP decoding, significance.

/// `smslint version`.
pub fn run(_args: &crate::cli::VersionArgs) -> miette::Result<crate::Exit> {
    Err(miette::miette!("`smslint version` is not implemented yet"))
}
