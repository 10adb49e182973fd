//! The data-driven rule harness: every `testdata/rules/<CODE>/*.bat|*.cmd` is checked with only
//! `<CODE>` selected (plus the folder's optional `smslint.toml`), and the `concise` and `full`
//! (no colour, no links) output is snapshotted. `fire_*` fixtures must give at least one
//! finding of `<CODE>`, `ok_*` fixtures none.

use std::path::Path;
use std::sync::Arc;

use smslint::engine::config::{self, Overrides, ResolvedSettings};
use smslint::engine::lint_source;
use smslint::report::Format;
use smslint::report::{render, RenderOptions};
use smslint::source::Source;

fn check_fixture(path: &Path) {
    let dir = path.parent().expect("fixture in a folder");
    let code = dir
        .file_name()
        .and_then(|n| n.to_str())
        .expect("folder named by code")
        .to_string();
    assert!(
        smslint::rules::find(&code).is_some_and(|r| r.code == code),
        "testdata/rules/{code}: no rule has this code"
    );
    let file = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let toml = dir.join("smslint.toml");
    let cfg = if toml.is_file() {
        Some(config::load(&toml).unwrap_or_else(|e| panic!("{}: {e:?}", toml.display())))
    } else {
        None
    };
    let settings = ResolvedSettings::for_file(cfg.as_ref(), &Overrides::only(&[&code]), path);
    let bytes = std::fs::read(path).expect("fixture readable");
    let shown = format!("testdata/rules/{code}/{file}");
    let report = lint_source(&shown, Arc::new(Source::new(bytes)), &settings);

    let fired = report
        .findings
        .iter()
        .filter(|f| f.diag.code == code)
        .count();
    let others: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.diag.code != code)
        .map(|f| f.diag.code)
        .collect();
    assert!(
        others.is_empty(),
        "{shown}: findings of other codes: {others:?}"
    );
    if file.starts_with("fire_") {
        assert!(
            fired > 0,
            "{shown}: a fire_ fixture must give a {code} finding"
        );
    } else if file.starts_with("ok_") {
        assert_eq!(
            fired, 0,
            "{shown}: an ok_ fixture must give no {code} finding"
        );
    } else {
        panic!("{shown}: fixture names start with fire_ or ok_");
    }

    let reports = [report];
    let concise = render(&reports, &RenderOptions::plain(Format::Concise));
    let full = render(&reports, &RenderOptions::plain(Format::Full));
    let snap = format!("--- concise\n{concise}--- full\n{full}");
    insta::with_settings!({
        snapshot_suffix => format!("{code}__{file}"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("rule", snap);
    });
}

#[test]
fn rule_fixtures() {
    insta::glob!("../testdata/rules", "*/*.{bat,cmd,BAT,CMD}", |path| {
        check_fixture(path);
    });
}
