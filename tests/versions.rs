//! The Clicore version model: KB vectors, the traps of sms-domain §2.2–2.4, parse errors,
//! the site manifest checks, the inventory audit core, and property tests.

use proptest::prelude::*;
use smslint::diagnostic::{Diagnostic, Finding};
use smslint::source::Source;
use smslint::versions::inventory::{self, AuditError, OsSupport};
use smslint::versions::sites::{self, Manifest, SiteEntry};
use smslint::versions::version::{
    compare, describe, significant, Clicore, Field, ParseErrorKind, Relation, Significance,
    Spelling,
};

fn v(s: &str) -> Clicore {
    match Clicore::parse(s) {
        Ok(v) => v,
        Err(e) => panic!("{s} should parse: {e}"),
    }
}

fn rel(a: &str, b: &str) -> Relation {
    compare(&v(a), &v(b), Significance::Release).0
}

// ---- KB vectors (Q262677) -------------------------------------------------------------

#[test]
fn q262677_example_1_is_significant() {
    assert_eq!(
        rel("2.00.1380.0000", "2.00.1999.2000"),
        Relation::Significant
    );
    assert!(significant(
        &v("2.00.1380.0000"),
        &v("2.00.1999.2000"),
        Significance::Release
    ));
    // Also under the build policy: the builds differ.
    assert!(significant(
        &v("2.00.1380.0000"),
        &v("2.00.1999.2000"),
        Significance::Build
    ));
}

#[test]
fn q262677_example_2_is_a_hotfix() {
    assert_eq!(rel("2.00.1999.2000", "2.00.1999.2001"), Relation::Hotfix);
    assert!(!significant(
        &v("2.00.1999.2000"),
        &v("2.00.1999.2001"),
        Significance::Release
    ));
}

// ---- §2.4 test vectors ----------------------------------------------------------------

#[test]
fn sp1_to_sp2_is_significant() {
    assert_eq!(
        rel("2.00.1380.1000", "2.00.1493.2009"),
        Relation::Significant
    );
}

#[test]
fn same_build_different_sp_digit_is_significant_under_release_only() {
    assert_eq!(
        rel("2.00.1493.2009", "2.00.1493.3004"),
        Relation::Significant
    );
    // The unsafe build policy misses it: SP2, SP3 and SP4 share build 1493.
    let (r, _) = compare(
        &v("2.00.1493.2009"),
        &v("2.00.1493.3004"),
        Significance::Build,
    );
    assert_eq!(r, Relation::Hotfix);
}

#[test]
fn icp_variant_of_one_sp_is_not_significant() {
    // English 3242 vs ICP1 3442 of the same SP3 fix (Q316021).
    assert_eq!(rel("2.00.1493.3242", "2.00.1493.3442"), Relation::Hotfix);
    assert_eq!(v("2.0.1493.3442").icp_digit(), Some(4));
    assert_eq!(v("2.0.1493.3642").icp_digit(), Some(6));
    assert_eq!(v("2.0.1493.3242").icp_digit(), None);
    assert_eq!(v("2.0.1493.3442").hotfix(), 42);
    assert_eq!(v("2.0.1493.3242").hotfix(), 242);
    assert_eq!(v("2.0.1380.1405").icp_digit(), Some(4));
    assert_eq!(v("2.00.1380.1802").icp_digit(), Some(8));
}

#[test]
fn file_version_and_compver_spellings_are_equal() {
    assert_eq!(rel("2.0.1493.4009", "2.00.1493.4009"), Relation::Equal);
    assert_eq!(v("2.000.1380.1000"), v("2.00.1380.1000"));
    let (_, s) = Clicore::parse_spelled(b"2.0.1493.4009").unwrap();
    assert_eq!(s, Spelling::FileVersion);
    let (_, s) = Clicore::parse_spelled(b"2.00.1493.4009").unwrap();
    assert_eq!(s, Spelling::Compver);
    let (_, s) = Clicore::parse_spelled(b"2.000.1380.1000").unwrap();
    assert_eq!(s, Spelling::NonCanonical);
}

#[test]
fn compver_anomaly_is_named_not_called_sp2() {
    let a = v("2.00.1380.2004");
    assert!(a.is_q240921_anomaly());
    assert!(!a.refuses_significant_upgrades());
    assert_eq!(a.release_name(), None);
    let d = describe(&a);
    assert!(d.notes.iter().any(|n| n.contains("Q240921")), "{d:?}");
    assert!(
        d.notes.iter().any(|n| n.contains("2.00.1380.1072")),
        "{d:?}"
    );
    // Its release is SP1 (issue 10): after the Compver reset Q244410 prescribes, a client at
    // 2004 and a site at 1072 differ by a hotfix only, so SMS304 stays silent.
    assert_eq!(a.release().to_string(), "2.00.1380.1");
    assert_eq!(rel("2.00.1380.1072", "2.00.1380.2004"), Relation::Hotfix);
    assert_eq!(
        rel("2.00.1493.2009", "2.00.1380.2004"),
        Relation::Significant
    );
}

#[test]
fn known_releases_are_named() {
    assert_eq!(v("2.00.1239.0000").release_name(), Some("RTM"));
    assert_eq!(v("2.00.1380.1000").release_name(), Some("SP1"));
    assert_eq!(v("2.00.1380.1123").release_name(), Some("SP1"));
    assert_eq!(v("2.00.1493.2009").release_name(), Some("SP2"));
    assert_eq!(v("2.00.1493.3004").release_name(), Some("SP3"));
    assert_eq!(v("2.00.1493.4009").release_name(), Some("SP4"));
    // The KB's own examples are not real releases.
    assert_eq!(v("2.00.1999.2000").release_name(), None);
    assert_eq!(v("2.00.1380.0000").release_name(), None);
    let d = describe(&v("2.00.1999.2000"));
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("unknown build/SP combination")),
        "{d:?}"
    );
}

#[test]
fn revision_decodes_sp_icp_hotfix() {
    let x = v("2.0.1380.1123");
    assert_eq!((x.sp_digit(), x.icp_digit(), x.hotfix()), (1, None, 123));
    let x = v("2.00.1493.4102");
    assert_eq!((x.sp_digit(), x.icp_digit(), x.hotfix()), (4, None, 102));
    let x = v("2.0.1493.3642");
    assert_eq!((x.sp_digit(), x.icp_digit(), x.hotfix()), (3, Some(6), 42));
    assert_eq!(v("2.00.1380.1").release().to_string(), "2.00.1380.0");
}

#[test]
fn non_clicore_values_are_recognised() {
    use smslint::versions::version::NotClicore;
    assert_eq!(v("2.50.2726.0018").not_clicore(), Some(NotClicore::Sms2003));
    assert_eq!(
        v("2.00.0000.0000").not_clicore(),
        Some(NotClicore::NoCompver)
    );
    assert_eq!(
        v("2.0.91.7").not_clicore(),
        Some(NotClicore::CcmcoreNumbering)
    );
    assert_eq!(
        v("2.0.92.1").not_clicore(),
        Some(NotClicore::CcmcoreNumbering)
    );
    assert_eq!(
        v("2.0.1250.3").not_clicore(),
        Some(NotClicore::PreinstNumbering)
    );
    assert_eq!(v("1.2.786.0").not_clicore(), Some(NotClicore::NotSms20));
    assert_eq!(v("2.00.1493.4009").not_clicore(), None);
}

#[test]
fn short_release_form_is_noted() {
    let (x, s) = Clicore::parse_spelled(b"2.00.1380.1").unwrap();
    let notes = smslint::versions::version::spelling_notes(b"2.00.1380.1", &x, s);
    assert!(
        notes.iter().any(|n| n.contains("short release form")),
        "{notes:?}"
    );
    // A four-digit revision is not ambiguous.
    let (x, s) = Clicore::parse_spelled(b"2.00.1380.0001").unwrap();
    assert!(smslint::versions::version::spelling_notes(b"2.00.1380.0001", &x, s).is_empty());
}

#[test]
fn pre_sp2_versions_do_not_refuse() {
    assert!(!v("2.00.1239.0000").refuses_significant_upgrades());
    assert!(!v("2.00.1380.1000").refuses_significant_upgrades());
    assert!(v("2.00.1493.2009").refuses_significant_upgrades());
    assert!(v("2.00.1999.2000").refuses_significant_upgrades());
}

// ---- parse errors ------------------------------------------------------------------------

fn err(s: &[u8]) -> smslint::versions::version::ParseError {
    match Clicore::parse_bytes(s) {
        Ok(v) => panic!("{} should not parse, got {v}", String::from_utf8_lossy(s)),
        Err(e) => e,
    }
}

#[test]
fn letter_in_build() {
    let e = err(b"2.00.13B0.1000");
    assert_eq!(e.offset, 7);
    assert_eq!(e.field(), Some(Field::Build));
    assert!(matches!(
        e.kind,
        ParseErrorKind::InvalidByte { byte: b'B', .. }
    ));
    assert_eq!(
        e.to_string(),
        "byte 8 ('B') in field 3 (build) is not a digit"
    );
}

#[test]
fn missing_fields() {
    let e = err(b"2.00.1380");
    assert_eq!(e.kind, ParseErrorKind::MissingFields { found: 3 });
    assert_eq!(e.offset, 9);
    let e = err(b"2");
    assert_eq!(e.kind, ParseErrorKind::MissingFields { found: 1 });
}

#[test]
fn empty_fields_and_empty_string() {
    assert_eq!(err(b"").kind, ParseErrorKind::Empty);
    let e = err(b"2..1380.1000");
    assert_eq!(e.kind, ParseErrorKind::EmptyField(Field::Minor));
    assert_eq!(e.offset, 2);
    let e = err(b"2.00.1380.");
    assert_eq!(e.kind, ParseErrorKind::EmptyField(Field::Revision));
    assert_eq!(e.offset, 10);
    let e = err(b".00.1380.1000");
    assert_eq!(e.kind, ParseErrorKind::EmptyField(Field::Major));
    assert_eq!(err(b".").kind, ParseErrorKind::EmptyField(Field::Major));
}

#[test]
fn too_many_fields() {
    let e = err(b"2.00.1380.1000.5");
    assert_eq!(e.kind, ParseErrorKind::TooManyFields);
    assert_eq!(e.offset, 14);
}

#[test]
fn overflow() {
    let e = err(b"2.00.65536.1000");
    assert_eq!(e.kind, ParseErrorKind::Overflow(Field::Build));
    assert_eq!(e.offset, 5);
    assert_eq!(e.len, 5);
    let e = err(b"2.00.1380.99999999999999999999999");
    assert_eq!(e.kind, ParseErrorKind::Overflow(Field::Revision));
    assert!(Clicore::parse("65535.65535.65535.65535").is_ok());
}

#[test]
fn spaces_signs_and_non_ascii_are_rejected() {
    assert!(matches!(
        err(b" 2.00.1380.1000").kind,
        ParseErrorKind::InvalidByte { byte: b' ', .. }
    ));
    assert!(matches!(
        err(b"2.00.1380.1000 ").kind,
        ParseErrorKind::InvalidByte {
            field: Field::Revision,
            ..
        }
    ));
    assert!(matches!(
        err(b"+2.00.1380.1000").kind,
        ParseErrorKind::InvalidByte { .. }
    ));
    let e = err("2.00.1380.１000".as_bytes());
    assert_eq!(e.offset, 10);
    assert!(e.to_string().contains('１'), "{e}");
    let e = err(b"2.00.13\xff0.1000");
    assert!(e.to_string().contains("0xFF"), "{e}");
}

// ---- the site manifest -----------------------------------------------------------------

#[derive(serde::Deserialize)]
struct Doc {
    #[serde(default)]
    site: Vec<SiteEntry>,
}

fn manifest(toml_text: &str, policy: Significance) -> (Source, Vec<Diagnostic>) {
    let doc: Doc = toml::from_str(toml_text).expect("valid toml");
    let src = Source::new(toml_text.as_bytes().to_vec());
    let d = sites::check_manifest(&src, &doc.site, policy);
    (src, d)
}

#[test]
fn manifest_invalid_version_at_the_value() {
    let t = "[[site]]\ncode = \"A01\"\nclicore = \"2.00.13B0.1000\"\n";
    let (src, d) = manifest(t, Significance::Release);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "SMS301");
    assert_eq!(src.slice(d[0].span), b"2.00.13B0.1000");
    assert_eq!(Finding::locate(d[0].clone(), &src).line, 3);
    assert!(d[0].message.contains("'B'"), "{}", d[0].message);
}

#[test]
fn manifest_duplicate_site_at_second_code() {
    let t = "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1380.1000\"\n\n[[site]]\ncode = \"a01\"\nclicore = \"2.00.1493.2009\"\n";
    let (src, d) = manifest(t, Significance::Release);
    // The lower-case code is also SMS310 (Q271885).
    let codes: Vec<_> = d.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["SMS306", "SMS310"], "{d:?}");
    assert_eq!(src.slice(d[0].span), b"a01");
    assert_eq!(Finding::locate(d[0].clone(), &src).line, 6);
    assert_eq!(src.slice(d[0].related[0].0), b"A01");
}

#[test]
fn manifest_mixed_release_logon_point_once_per_older_site_and_point() {
    let t = r#"[[site]]
code = "A01"
clicore = "2.00.1380.1000"
logon_points = ["DC01", "DC02"]

[[site]]
code = "B01"
clicore = "2.00.1493.2009"
logon_points = ["dc01", "DC02", "DC03"]

[[site]]
code = "C01"
clicore = "2.00.1493.2163"
logon_points = ["DC03"]
"#;
    let (src, d) = manifest(t, Significance::Release);
    let codes: Vec<_> = d.iter().map(|d| d.code).collect();
    // B01 and C01 share DC03 at one release but two hotfixes: SMS309 (issue 10), not SMS303.
    assert_eq!(codes, ["SMS303", "SMS303", "SMS309"], "{d:?}");
    let d: Vec<_> = d.into_iter().filter(|d| d.code == "SMS303").collect();
    assert_eq!(src.slice(d[0].span), b"DC01");
    assert_eq!(src.slice(d[1].span), b"DC02");
    for x in &d {
        assert_eq!(Finding::locate(x.clone(), &src).line, 4);
        assert!(x.message.contains("Q262677"), "{}", x.message);
        assert!(x.message.contains("`A01`"), "{}", x.message);
    }
    // B01 and C01 share DC03 with a hotfix difference only: no finding.
}

#[test]
fn manifest_pre_sp2_shared_point_mentions_the_push() {
    let t = r#"[[site]]
code = "R01"
clicore = "2.00.1239.0000"
logon_points = ["DC01"]
[[site]]
code = "S01"
clicore = "2.00.1380.1000"
logon_points = ["DC01"]
"#;
    let (_, d) = manifest(t, Significance::Release);
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("Q236596"), "{}", d[0].message);
}

#[test]
fn manifest_build_policy_misses_sp_digit() {
    let t = r#"[[site]]
code = "A01"
clicore = "2.00.1493.2009"
logon_points = ["DC01"]
[[site]]
code = "B01"
clicore = "2.00.1493.4009"
logon_points = ["DC01"]
"#;
    assert_eq!(manifest(t, Significance::Release).1.len(), 1);
    assert_eq!(manifest(t, Significance::Build).1.len(), 0);
}

#[test]
fn manifest_non_clicore_value() {
    let t = "[[site]]\ncode = \"A01\"\nclicore = \"2.50.2726.0018\"\n";
    let (_, d) = manifest(t, Significance::Release);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "SMS307");
}

// ---- the audit core ------------------------------------------------------------------------

const SITES: &str = r#"[[site]]
code = "A01"
clicore = "2.00.1380.1000"
[[site]]
code = "B01"
clicore = "2.00.1493.2009"
[[site]]
code = "C01"
clicore = "2.00.1493.3004"
"#;

fn audit(csv: &[u8]) -> Result<(Vec<Finding>, inventory::AuditSummary), AuditError> {
    let doc: Doc = toml::from_str(SITES).unwrap();
    let m = Manifest::new(&doc.site);
    let mut out = Vec::new();
    let s = inventory::audit_reader(csv, &m, Significance::Release, &mut |f| out.push(f))?;
    Ok((out, s))
}

fn codes_lines(f: &[Finding]) -> Vec<(&'static str, usize)> {
    f.iter().map(|f| (f.diag.code, f.line)).collect()
}

#[test]
fn audit_table_of_findings() {
    let csv = b"client,site,clicore,os,link\n\
WS1,B01,2.00.1493.2009,Windows NT 4.0,lan\n\
WS2,B01,2.00.1493.2163,Windows 98,lan\n\
WS3,B01,2.00.1380.1000,Windows 2000,ras\n\
WS4,A01,2.00.1493.2009,Windows 95,lan\n\
WS5,Z99,2.00.1493.2009,,\n\
WS6,B01,2.00.13B0.1000,,\n\
WS7,B01,2.00.1493.2009,Windows XP Professional,lan\n\
WS8,C01,2.00.1493.3004,Windows XP Professional,lan\n\
WS9,A01,2.00.1380.1000,Windows Me,lan\n\
WS10,C01,2.00.1493.3004,OS/2 Warp 4,lan\n\
WS11,C01,2.00.1493.3004,Microsoft Windows XP Home Edition,lan\n\
WS12,C01,2.0.91.7,BeOS,lan\n";
    let (f, s) = audit(csv).unwrap();
    assert_eq!(
        codes_lines(&f),
        vec![
            ("SMS302", 4),
            ("SMS204", 4),
            ("SMS304", 5),
            ("SMS305", 6),
            ("SMS301", 7),
            ("SMS402", 8),
            ("SMS402", 10),
            ("SMS402", 11),
            ("SMS402", 12),
            ("SMS307", 13),
        ]
    );
    assert!(
        f[0].diag.message.contains("Q262677"),
        "{}",
        f[0].diag.message
    );
    assert!(f[0].diag.message.contains("CCIM"), "{}", f[0].diag.message);
    assert_eq!(s.rows, 12);
    let b = s.sites["B01"];
    assert_eq!(
        (b.clients, b.on_release, b.behind, b.ahead, b.unsupported),
        (5, 3, 1, 0, 1)
    );
    assert_eq!(s.unknown_site.clients, 1);
}

#[test]
fn audit_behind_at_pre_sp2_site_says_push() {
    let csv = b"client,site,clicore\nOLD,A01,2.00.1239.0000\n";
    let (f, _) = audit(csv).unwrap();
    assert_eq!(codes_lines(&f), vec![("SMS302", 2)]);
    assert!(
        f[0].diag.message.contains("Q236596"),
        "{}",
        f[0].diag.message
    );
}

#[test]
fn audit_hotfix_difference_is_not_a_finding() {
    let csv = b"client,site,clicore\nX,B01,2.0.1493.2163\nY,b01,2.00.1493.2000\n";
    let (f, s) = audit(csv).unwrap();
    assert!(f.is_empty(), "{f:?}");
    assert_eq!(s.sites["B01"].on_release, 2);
}

#[test]
fn audit_any_column_order_and_extra_columns() {
    let csv = b"os,extra,clicore,link,site,client\nWindows 98,zz,2.00.1380.1000,RAS,B01,LAP\n";
    let (f, _) = audit(csv).unwrap();
    assert_eq!(codes_lines(&f), vec![("SMS302", 2), ("SMS204", 2)]);
    assert!(f[0].diag.message.contains("LAP"));
}

#[test]
fn audit_missing_column_names_it() {
    let e = audit(b"client,site,version\nX,B01,2.00.1493.2009\n").unwrap_err();
    assert!(matches!(e, AuditError::MissingColumn("clicore")));
    assert!(e.to_string().contains("`clicore`"));
    let e = audit(b"site,clicore\n").unwrap_err();
    assert!(matches!(e, AuditError::MissingColumn("client")));
    assert!(matches!(audit(b"").unwrap_err(), AuditError::NoHeader));
}

#[test]
fn audit_bom_crlf_blank_lines_and_quotes_keep_physical_lines() {
    let csv = b"\xEF\xBB\xBFclient,site,clicore\r\n\r\n\
\"WS, one\",B01,2.00.1380.1000\r\n\
\r\n\r\n\
\"multi\r\nline\",B01,\"2.00.1380.1000\"\r\n\
   \r\n\
,,\r\n\
last,Z99,2.00.1493.2009";
    let (f, s) = audit(csv).unwrap();
    assert_eq!(
        codes_lines(&f),
        vec![("SMS302", 3), ("SMS302", 6), ("SMS305", 10)]
    );
    assert!(f[0].diag.message.contains("WS, one"));
    assert_eq!(s.rows, 3);
}

#[test]
fn audit_lf_only_and_lone_fields() {
    let csv = b"client,site,clicore\nA,B01\n\nB,B01,2.00.1493.2009,extra,fields\n";
    let (f, _) = audit(csv).unwrap();
    // A short row has an empty clicore.
    assert_eq!(codes_lines(&f), vec![("SMS301", 2)]);
}

#[test]
fn audit_big_row_is_read_and_not_copied_into_messages() {
    let mut csv = b"client,site,clicore,notes\n".to_vec();
    csv.extend_from_slice(b"BIG,B01,2.00.1380.1000,");
    csv.extend(std::iter::repeat(b'x').take(10 * 1024 * 1024));
    csv.extend_from_slice(b"\nNEXT,B01,2.00.1380.1000\n");
    let (f, _) = audit(&csv).unwrap();
    assert_eq!(codes_lines(&f), vec![("SMS302", 2), ("SMS302", 3)]);
    // A 10 MB client name is shortened in the message.
    let mut csv = b"client,site,clicore\n".to_vec();
    csv.extend(std::iter::repeat(b'c').take(10 * 1024 * 1024));
    csv.extend_from_slice(b",Z99,2.00.1493.2009\n");
    let (f, _) = audit(&csv).unwrap();
    assert_eq!(f.len(), 1);
    assert!(f[0].diag.message.len() < 400, "{}", f[0].diag.message.len());
}

#[test]
fn audit_non_utf8_fields() {
    let csv = b"client,site,clicore\nPC\xe9,B01,2.00.13\xb00.1000\n";
    let (f, _) = audit(csv).unwrap();
    assert_eq!(codes_lines(&f), vec![("SMS301", 2)]);
}

#[test]
fn os_classification() {
    assert_eq!(inventory::classify_os("Windows 95"), OsSupport::Supported);
    assert_eq!(
        inventory::classify_os("windows nt 3.51"),
        OsSupport::Supported
    );
    assert!(matches!(
        inventory::classify_os("MS-DOS 6.22"),
        OsSupport::Never(_)
    ));
    assert!(matches!(inventory::classify_os("DOS"), OsSupport::Never(_)));
    assert!(matches!(
        inventory::classify_os("Macintosh"),
        OsSupport::Never(_)
    ));
    assert!(matches!(
        inventory::classify_os("os/2 warp"),
        OsSupport::Never(_)
    ));
    assert!(matches!(
        inventory::classify_os("Windows XP 64-Bit Edition"),
        OsSupport::Never(_)
    ));
    assert!(matches!(
        inventory::classify_os("Windows XP Embedded"),
        OsSupport::Never(_)
    ));
    assert!(matches!(
        inventory::classify_os("Windows Me"),
        OsSupport::NeedsSp(2, _)
    ));
    assert!(matches!(
        inventory::classify_os("Microsoft Windows XP Professional"),
        OsSupport::NeedsSp(3, _)
    ));
    assert!(matches!(
        inventory::classify_os("Windows XP"),
        OsSupport::NeedsSp(3, _)
    ));
    assert_eq!(inventory::classify_os("Solaris"), OsSupport::Unrecognised);
}

// ---- property tests --------------------------------------------------------------------

fn any_version() -> impl Strategy<Value = Clicore> {
    (any::<u16>(), any::<u16>(), any::<u16>(), any::<u16>())
        .prop_map(|(a, b, c, d)| Clicore::new(a, b, c, d))
}

fn sms20_version() -> impl Strategy<Value = Clicore> {
    (
        prop::sample::select(vec![1239u16, 1380, 1493, 1999]),
        0u16..10_000,
    )
        .prop_map(|(b, r)| Clicore::new(2, 0, b, r))
}

proptest! {
    #[test]
    fn parse_display_is_identity_on_canonical_strings(x in any_version()) {
        let s = x.to_string();
        let (back, spelling) = Clicore::parse_spelled(s.as_bytes()).unwrap();
        prop_assert_eq!(back, x);
        prop_assert_eq!(spelling, Spelling::Compver);
        prop_assert_eq!(back.to_string(), s);
    }

    #[test]
    fn padding_never_changes_the_value(x in any_version(), pads in prop::array::uniform4(0usize..4)) {
        let s = format!(
            "{}{}.{}{}.{}{}.{}{}",
            "0".repeat(pads[0]), x.major, "0".repeat(pads[1]), x.minor,
            "0".repeat(pads[2]), x.build, "0".repeat(pads[3]), x.revision
        );
        prop_assert_eq!(Clicore::parse(&s).unwrap(), x);
    }

    #[test]
    fn significance_is_symmetric(a in sms20_version(), b in sms20_version()) {
        for p in [Significance::Release, Significance::Build] {
            prop_assert_eq!(significant(&a, &b, p), significant(&b, &a, p));
            prop_assert_eq!(compare(&a, &b, p).0, compare(&b, &a, p).0);
        }
    }

    #[test]
    fn equal_releases_are_never_significant(a in sms20_version(), hotfix in 0u16..1000) {
        let b = Clicore::new(a.major, a.minor, a.build, (a.revision / 1000) * 1000 + hotfix);
        prop_assert_eq!(a.release(), b.release());
        prop_assert!(!significant(&a, &b, Significance::Release));
        prop_assert!(!significant(&a, &b, Significance::Build));
        prop_assert_ne!(compare(&a, &b, Significance::Release).0, Relation::Significant);
    }

    #[test]
    fn build_policy_is_coarser_than_release(a in sms20_version(), b in sms20_version()) {
        if significant(&a, &b, Significance::Build) {
            prop_assert!(significant(&a, &b, Significance::Release));
        }
    }

    #[test]
    fn parser_never_panics_and_errors_point_inside(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
        match Clicore::parse_bytes(&bytes) {
            Ok(x) => prop_assert_eq!(Clicore::parse(&x.to_string()).unwrap(), x),
            Err(e) => prop_assert!(e.offset <= bytes.len()),
        }
    }

    #[test]
    fn audit_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = audit(&bytes);
    }
}

#[test]
fn audit_columns_and_spans_point_at_the_field() {
    let csv = b"client,site,clicore,os\n\
WS1,B01, 2.00.1380.1000 ,Windows 98\n\
WS2,Z99,2.00.1493.2009,\n\
WS3,C01,2.00.1493.3004,OS/2\n\
\"WS4\",B01,2.00.1380.1000,\n";
    let (f, _) = audit(csv).unwrap();
    let got: Vec<_> = f
        .iter()
        .map(|f| {
            (
                f.diag.code,
                f.line,
                f.column,
                f.end_column,
                String::from_utf8_lossy(&csv[f.diag.span.start()..f.diag.span.end()]).into_owned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            // Surrounding spaces are not part of the value.
            ("SMS302", 2, 10, 24, "2.00.1380.1000".to_string()),
            ("SMS305", 3, 5, 8, "Z99".to_string()),
            ("SMS402", 4, 24, 28, "OS/2".to_string()),
            // A record with quotes: its start, no field column.
            ("SMS302", 5, 1, 1, String::new()),
        ]
    );
}

#[test]
fn audit_cr_only_file_is_one_physical_line() {
    // Lines end at LF only (the project's source model); CR-only records share line 1.
    let csv = b"client,site,clicore\rA,B01,2.00.1380.1000\rB,Z99,2.00.1493.2009\r";
    let (f, _) = audit(csv).unwrap();
    let got: Vec<_> = f.iter().map(|f| (f.diag.code, f.line, f.column)).collect();
    assert_eq!(got, vec![("SMS302", 1, 27), ("SMS305", 1, 44)]);
}
