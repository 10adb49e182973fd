//! `--statistics`: the number of findings per rule instead of the findings.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::FileReport;

use super::{Format, RenderOptions};

#[derive(Serialize)]
struct Count<'a> {
    code: &'a str,
    name: &'a str,
    count: usize,
}

pub fn render(reports: &[FileReport], opts: &RenderOptions) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, f) in super::all(reports) {
        *counts.entry(f.diag.code).or_default() += 1;
    }
    let mut rows: Vec<Count<'_>> = counts
        .into_iter()
        .map(|(code, count)| Count {
            code,
            name: super::rule_name(code),
            count,
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    if opts.format == Format::Json {
        let mut s = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
        s.push('\n');
        return s;
    }
    let width = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for r in &rows {
        out.push_str(&format!("{:>width$}  {}  {}\n", r.count, r.code, r.name));
    }
    out
}
