//! SMS 2.0 Clicore versions, beside the script pipeline: the version model (`version`), the
//! site manifest checks (`sites`), the SMSLOGON copies of its logon points (`logon_point`)
//! and the streamed fleet-inventory audit (`inventory`, with the client-environment columns
//! of `client_env`).
//! They share `Diagnostic` and the rule registry's metadata with the scripts, nothing else.

pub mod client_env;
pub mod inventory;
pub mod logon_point;
pub mod sites;
pub mod version;
