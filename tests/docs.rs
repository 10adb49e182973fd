//! `docs/rules.md` is generated from the registry; this test fails when it is stale
//! (`SMSLINT_BLESS=1 cargo test --test docs` rewrites it). It also checks that every rule's
//! documentation is complete.

use std::collections::HashSet;

use smslint::rules::docs::render_markdown;
use smslint::rules::RULES;

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let want = render_markdown();
    if std::env::var_os("SMSLINT_BLESS").is_some() {
        std::fs::write(path, &want).expect("write docs/rules.md");
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run `SMSLINT_BLESS=1 cargo test --test docs` and commit it"
    );
}

#[test]
fn every_rule_is_fully_documented() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for r in RULES {
        let code_ok = r.code.len() == 6
            && r.code[..3].bytes().all(|b| b.is_ascii_uppercase())
            && r.code[3..].bytes().all(|b| b.is_ascii_digit());
        assert!(
            code_ok,
            "{}: codes are three capitals and three digits",
            r.code
        );
        assert!(codes.insert(r.code), "{}: duplicate code", r.code);
        assert!(
            names.insert(r.name),
            "{}: duplicate name {}",
            r.code,
            r.name
        );
        assert!(
            !r.name.is_empty()
                && r.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !r.name.starts_with('-')
                && !r.name.ends_with('-'),
            "{}: name `{}` is not kebab-case",
            r.code,
            r.name
        );
        for (field, text) in [
            ("summary", r.summary),
            ("what", r.what),
            ("why", r.why),
            ("example", r.example),
            ("fix", r.fix),
        ] {
            assert!(!text.trim().is_empty(), "{}: `{field}` is empty", r.code);
        }
        assert!(
            !r.summary.contains('\n'),
            "{}: the summary is one line",
            r.code
        );
        assert_ne!(r.example, r.fix, "{}: the fix equals the example", r.code);
        assert!(!r.sources.is_empty(), "{}: no sources", r.code);
        assert!(
            r.sources.iter().all(|s| !s.trim().is_empty()),
            "{}: an empty source",
            r.code
        );
    }
    let rendered = render_markdown();
    for r in RULES {
        assert!(
            rendered.contains(&format!("\n## {}\n", r.code)),
            "{}: docs/rules.md has no `## {}` heading for the #{} anchor",
            r.code,
            r.code,
            r.code.to_ascii_lowercase()
        );
    }
}

#[test]
fn registry_is_in_code_order() {
    let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted, "RULES must list rules in code order");
}
