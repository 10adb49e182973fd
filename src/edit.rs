//! Byte-exact edits: the upgrade gate (`smslint gate`, `check --fix`), written atomically.

/// `smslint gate`.
pub fn run_gate(_args: &crate::cli::GateArgs) -> miette::Result<crate::Exit> {
    Err(miette::miette!("`smslint gate` is not implemented yet"))
}
