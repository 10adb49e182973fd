//! SMS 2.0 Clicore versions, beside the script pipeline: the version model (`version`), the
//! site manifest checks (`sites`) and the streamed fleet-inventory audit (`inventory`).
//! They share `Diagnostic` and the rule registry's metadata with the scripts, nothing else.

pub mod inventory;
pub mod sites;
pub mod version;
