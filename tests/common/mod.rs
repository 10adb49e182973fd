//! Helpers the CLI test suites share: run the built `smslint` in a directory, scratch trees.

#![allow(dead_code)] // each suite uses a part

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

pub fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(p, bytes).expect("write");
}

pub fn smslint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("smslint").expect("binary");
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env("TERM", "dumb");
    c
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(dir: &Path, args: &[&str]) -> Out {
    run_stdin(dir, args, b"")
}

pub fn run_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Out {
    let o = smslint(dir)
        .args(args)
        .write_stdin(stdin.to_vec())
        .output()
        .expect("run smslint");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

pub fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let t = tempfile::tempdir().expect("tempdir");
    for (rel, bytes) in files {
        write(t.path(), rel, bytes);
    }
    t
}
