//! The fleet inventory audit (`smslint audit --inventory FILE.csv`), streamed.

/// `smslint audit`.
pub fn run_audit(_args: &crate::cli::AuditArgs) -> miette::Result<crate::Exit> {
    Err(miette::miette!("`smslint audit` is not implemented yet"))
}
