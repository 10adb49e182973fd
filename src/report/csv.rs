//! `--format csv`: one row per finding, the same columns as `json` (header row first, also
//! when there is no finding).

use crate::diagnostic::FileReport;

pub fn render(reports: &[FileReport], docs: &str) -> String {
    let mut out = Vec::new();
    let opts = super::RenderOptions {
        docs: docs.to_string(),
        ..super::RenderOptions::plain(super::Format::Csv)
    };
    let _ = super::stream::write_all(reports, &opts, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
