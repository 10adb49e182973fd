//! The NETLOGON tree fixtures (issue 9): every `testdata/trees/**/smslint.toml` marks a share
//! (the config makes its directory the project root). Each share is checked the way a user in
//! that directory checks it, `smslint check .`, or, when the share has a `named.txt`, the way
//! pre-commit does, naming only the files listed there (the rest of the share is still read
//! for the call graph). The findings of the tree rules (concise and full) and the resolved
//! graph (`smslint dump --calls .`) are snapshotted. Adding a share needs no new Rust.

use std::path::Path;

/// The rules whose findings depend on the tree.
const TREE_RULES: &[&str] = &[
    "BAT106", "BAT302", "BAT303", "BAT304", "BAT305", "SMS101", "SMS105", "SMS106", "SMS201",
    "SMS202", "SMS203",
];

mod common;

fn smslint(dir: &Path, args: &[String]) -> String {
    let out = common::smslint(dir)
        .args(args)
        .output()
        .expect("run smslint");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}: smslint {args:?} failed: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn check_share(toml: &Path) {
    let dir = toml.parent().expect("share directory");
    let named: Vec<String> = match std::fs::read_to_string(dir.join("named.txt")) {
        Ok(text) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        Err(_) => vec![".".to_string()],
    };
    let mut base: Vec<String> = vec!["check".into(), "--exit-zero".into()];
    for code in TREE_RULES {
        base.push("--select".into());
        base.push((*code).into());
    }
    let run = |format: &str| {
        let mut args = base.clone();
        args.push("--format".into());
        args.push(format.into());
        args.extend(named.iter().cloned());
        smslint(dir, &args)
    };
    let concise = run("concise");
    // A directory past the engine's hold limit re-reads and re-analyses its files to lint
    // them: the findings must not change (0 holds only the first file of each directory).
    let mut args = base.clone();
    args.extend(["--format".to_string(), "concise".to_string()]);
    args.extend(named.iter().cloned());
    let out = common::smslint(dir)
        .env("SMSLINT_HOLD_BYTES", "0")
        .args(&args)
        .output()
        .expect("run smslint");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        concise,
        "{}: findings change when the directory's analyses are not held",
        dir.display()
    );
    let full = run("full");
    let calls = smslint(dir, &["dump".into(), "--calls".into(), ".".into()]);
    let name = dir
        .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/trees"))
        .unwrap_or(dir)
        .to_string_lossy()
        .replace(['/', '\\'], "__");
    let snap = format!(
        "--- named: {}\n--- concise\n{concise}--- full\n{full}--- dump --calls .\n{calls}",
        named.join(" ")
    );
    insta::with_settings!({
        snapshot_suffix => name,
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("tree", snap);
    });
}

#[test]
fn tree_fixtures() {
    insta::glob!("../testdata/trees", "**/smslint.toml", |path| {
        check_share(path);
    });
}

/// The bundled NETLOGON sample as `cargo run -- check testdata/sample-netlogon` shows it: the
/// users' calls of SMSLS.BAT resolve into the tree, so the RAS exposure is reported once in
/// SMSLS.BAT, naming an unguarded caller, and not again at every caller.
#[test]
fn sample_netlogon() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = smslint(
        root,
        &[
            "check".into(),
            "--exit-zero".into(),
            "--format".into(),
            "concise".into(),
            "testdata/sample-netlogon".into(),
        ],
    );
    insta::with_settings!({
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("sample_netlogon", out);
    });
}
