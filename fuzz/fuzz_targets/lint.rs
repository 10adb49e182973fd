//! Fuzz the whole check of one file: any bytes through every rule (`--select ALL`, as a
//! Windows 9x and NT logon script in an upgrade window) must not panic, and every finding
//! must point inside the file.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use smslint::engine::config::{Overrides, ResolvedSettings};
use smslint::engine::lint_source;
use smslint::source::Source;

fuzz_target!(|data: &[u8]| {
    let mut ov = Overrides::only(&["ALL"]);
    ov.upgrade_window = true;
    let settings = ResolvedSettings::for_file(None, &ov, "netlogon/smsls.bat".as_ref());
    let report = lint_source("smsls.bat", Arc::new(Source::new(data.to_vec())), &settings);
    for f in &report.findings {
        assert!(f.line >= 1 && f.column >= 1);
        assert!((f.end_line, f.end_column) >= (f.line, f.column));
    }
});
