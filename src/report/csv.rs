//! `--format csv`: one row per finding, the same columns as `json` (header row first, also
//! when there is no finding).

use crate::diagnostic::FileReport;

use super::json::{JsonFinding, FIELDS};

pub fn render(reports: &[FileReport], docs: &str) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let _ = w.write_record(FIELDS);
    for (r, f) in super::all(reports) {
        let _ = w.serialize(JsonFinding::new(r, f, docs));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}
