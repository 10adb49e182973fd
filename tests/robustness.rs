//! No input crashes the engine or a reporter: arbitrary bytes through `lint_source` and every
//! format, and findings with arbitrary (even out-of-range) spans through `full`.

use std::sync::Arc;

use proptest::prelude::*;
use smslint::diagnostic::{Diagnostic, Severity};
use smslint::engine::config::{Overrides, ResolvedSettings};
use smslint::engine::{finish, lint_source};
use smslint::report::Format;
use smslint::report::{render, RenderOptions};
use smslint::source::{Source, Span};

const FORMATS: [Format; 6] = [
    Format::Full,
    Format::Concise,
    Format::Json,
    Format::Sarif,
    Format::Github,
    Format::Csv,
];

fn pieces() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"REM smslint: disable=BAT201,SML001\r\n".to_vec()),
        Just(b":: smslint: disable-file=XYZ\n".to_vec()),
        Just(b"rem smslint: disable=".to_vec()),
        Just(b"(\r\n".to_vec()),
        Just(b")\r\n".to_vec()),
        Just(b"^\r\n".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\x00\x1a\xe9\xff".to_vec()),
        Just(b"goto x\n:x\n".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..20),
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_lint_and_render(bytes in pieces()) {
        let settings = ResolvedSettings::for_file(None, &Overrides::default(), "x.bat".as_ref());
        let report = lint_source("x.bat", Arc::new(Source::new(bytes)), &settings);
        for f in &report.findings {
            prop_assert!(f.line >= 1 && f.column >= 1);
            prop_assert!((f.end_line, f.end_column) >= (f.line, f.column));
        }
        let reports = [report];
        for format in FORMATS {
            let _ = render(&reports, &RenderOptions::plain(format));
        }
    }

    #[test]
    fn any_span_renders_in_full(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        spans in proptest::collection::vec((0usize..500, 0usize..500), 1..4),
    ) {
        let settings = ResolvedSettings::for_file(None, &Overrides::default(), "x.bat".as_ref());
        let mut d = Diagnostic::new("SML001", Severity::Warning, Span::new(spans[0].0, spans[0].1), "m")
            .with_label("l")
            .with_help("h");
        for (a, b) in &spans[1..] {
            d = d.with_related(Span::new(*a.min(b), *a.max(b)), "r");
        }
        let report = finish("x.bat", Some(Arc::new(Source::new(bytes))), vec![d], &settings);
        let out = render(&[report], &RenderOptions::plain(Format::Full));
        prop_assert!(out.contains("SML001"));
    }
}

#[test]
fn deep_nesting_and_long_lines() {
    let settings = ResolvedSettings::for_file(None, &Overrides::default(), "x.bat".as_ref());
    let mut bytes = b"@echo off\r\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'(', 10_000));
    bytes.extend(b"\r\nREM smslint: disable=NOPE1\r\n");
    bytes.extend(std::iter::repeat_n(b'x', 1024 * 1024));
    bytes.extend(b"\r\n");
    let report = lint_source("deep.bat", Arc::new(Source::new(bytes)), &settings);
    assert!(report.findings.iter().any(|f| f.diag.code == "SML001"));
    let reports = [report];
    for format in FORMATS {
        let _ = render(&reports, &RenderOptions::plain(format));
    }
}
