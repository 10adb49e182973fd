//! Fuzz the whole check of one file: any bytes through every rule (`--select ALL`, as a
//! Windows 9x and NT logon script in an upgrade window) must not panic, and every finding
//! must point inside the file. The `json` report of the findings must read back as JSON with
//! each finding's text unchanged (the report escapes strings by hand).
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
    let json = smslint::report::json::render(std::slice::from_ref(&report), "d");
    let items: Vec<serde_json::Value> = serde_json::from_str(&json).expect("the json report reads");
    assert_eq!(items.len(), report.findings.len());
    for (item, f) in items.iter().zip(&report.findings) {
        assert_eq!(item["message"].as_str(), Some(&*f.diag.message));
        assert_eq!(item["help"].as_str(), Some(&*f.diag.help));
        assert_eq!(item["path"].as_str(), Some(report.path.as_str()));
        assert_eq!(item["line"].as_u64(), Some(f.line as u64));
    }
});
