//! The layering of `src/`, checked from the source text: every `crate::…` path (and every
//! `smslint::…` path of the binary) names a module, and a module may only name modules of a
//! lower layer. So a new upward import (`use crate::commands` in the engine, `crate::rules` in
//! `sms`, …) fails here, and so does a cycle. `docs/ARCHITECTURE.md` draws the same table.
//!
//! `super::` paths are not read: they stay inside a module's own folder. A new top-level module
//! must be given a layer in [`LAYERS`] before this test passes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may name modules of a strictly lower layer; modules of one
/// layer sit beside each other and do not name each other.
const LAYERS: &[&[&str]] = &[
    &["source", "Exit", "progress"],
    &["diagnostic", "syntax"],
    &["flow"],
    &["sms"],
    // The NETLOGON tree: call resolution, roles and entry states, read by the rules.
    &["tree"],
    &["rules", "edit"],
    &["versions", "report"],
    &["engine"],
    // The binary: `main.rs` and `src/commands/`, the only code that sees clap.
    &["commands"],
];

/// Names the library root re-exports, and the module that owns each.
const ROOT_REEXPORTS: &[(&str, &str)] = &[
    ("Diagnostic", "diagnostic"),
    ("Finding", "diagnostic"),
    ("Severity", "diagnostic"),
    ("Settings", "engine"),
    ("lint", "engine"),
    ("analyse", "engine"),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level module a file of `src/` belongs to.
fn module_of(rel: &Path) -> String {
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let first = parts.next().unwrap_or_default();
    match first.as_str() {
        "main.rs" | "commands" => "commands".to_string(),
        "lib.rs" => "lib".to_string(),
        f => f.trim_end_matches(".rs").to_string(),
    }
}

/// The text without `//` comments that are not doc comments (those name no dependency).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") && !t.starts_with("///") && !t.starts_with("//!") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of each path after `prefix` (`crate::` or `smslint::`), groups included:
/// `crate::{a::X, b}` names `a` and `b`.
fn named_roots(text: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(prefix) {
        let at = from + i;
        from = at + prefix.len();
        // `foo_crate::x` or `mycrate::x` is not `crate::x`.
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let rest = &text[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item = String::new();
            let mut items = Vec::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => items.push(std::mem::take(&mut item)),
                    _ => {}
                }
                item.push(c);
            }
            items.push(item);
            for it in items {
                let it = it.trim_start_matches(',').trim();
                let seg: String = it
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !seg.is_empty() && seg != "self" {
                    out.push(seg);
                }
            }
        } else {
            let seg: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !seg.is_empty() {
                out.push(seg);
            }
        }
    }
    out
}

/// The modules a file of `module` names, as owning modules.
fn dependencies(module: &str, text: &str) -> BTreeSet<String> {
    let code = code_of(text);
    let mut names = named_roots(&code, "crate::");
    if module == "commands" {
        // In the binary, `crate::` is the binary itself; the library is `smslint::`.
        names.retain(|n| n != "commands");
        names.extend(named_roots(&code, "smslint::"));
    }
    names
        .into_iter()
        .map(|n| {
            ROOT_REEXPORTS
                .iter()
                .find(|(name, _)| *name == n)
                .map(|(_, owner)| owner.to_string())
                .unwrap_or(n)
        })
        .filter(|n| n != module)
        .collect()
}

/// Every layering fault of a set of files (path relative to `src/`, text).
fn faults(files: &[(PathBuf, String)]) -> Vec<String> {
    let mut faults = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in files {
        let module = module_of(rel);
        let deps = dependencies(&module, text);
        if module == "lib" {
            for d in &deps {
                if d == "commands" || d == "cli" || layer_of(d).is_none() {
                    faults.push(format!(
                        "src/lib.rs names `{d}`, which is not a library module"
                    ));
                }
            }
            continue;
        }
        let Some(own) = layer_of(&module) else {
            faults.push(format!(
                "src/{}: module `{module}` has no layer in tests/layers.rs",
                rel.display()
            ));
            continue;
        };
        for d in deps {
            match layer_of(&d) {
                None => faults.push(format!(
                    "src/{} names `crate::{d}`, which is no module with a layer",
                    rel.display()
                )),
                Some(l) if l >= own => faults.push(format!(
                    "src/{} ({module}, layer {own}) names `{d}` (layer {l}): an upward or \
                     sideways import",
                    rel.display()
                )),
                Some(_) => {}
            }
            graph.entry(module.clone()).or_default().insert(d);
        }
        // Only the command layer sees clap; below it, an enum may derive `clap::ValueEnum`.
        if module != "commands" {
            let code = code_of(text);
            let other = code.match_indices("clap::").any(|(i, _)| {
                !code[i..].starts_with("clap::ValueEnum")
                    || !code[..i]
                        .rsplit('\n')
                        .next()
                        .unwrap_or("")
                        .contains("derive(")
            });
            if other || code.contains("use clap") {
                faults.push(format!(
                    "src/{} uses clap beyond `#[derive(clap::ValueEnum)]`",
                    rel.display()
                ));
            }
        }
    }
    faults.extend(cycles(&graph));
    faults
}

/// The module cycles of the import graph (each reported once, from its smallest module).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for start in graph.keys() {
        // Depth-first search for a path back to `start` through larger modules only.
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if next == start {
                    out.push(format!("module cycle: {} -> {start}", path.join(" -> ")));
                } else if next > start && seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    out
}

fn source_files() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path.strip_prefix(&root).unwrap().to_path_buf(), text));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_import_points_down() {
    let files = source_files();
    assert!(files.len() > 50, "src/ not found");
    let faults = faults(&files);
    assert!(faults.is_empty(), "layering faults:\n{}", faults.join("\n"));
}

#[test]
fn the_folders_are_the_layers() {
    let files = source_files();
    let modules: BTreeSet<String> = files.iter().map(|(p, _)| module_of(p)).collect();
    for m in [
        "commands", "engine", "report", "rules", "sms", "syntax", "versions", "edit",
    ] {
        assert!(modules.contains(m), "no src/{m}/");
    }
    for gone in ["cli", "config", "version", "sites", "inventory"] {
        assert!(
            !modules.contains(gone),
            "src/{gone}.rs is back at the top level"
        );
    }
}

fn one(path: &str, text: &str) -> Vec<String> {
    faults(&[(PathBuf::from(path), text.to_string())])
}

#[test]
fn an_upward_import_is_a_fault() {
    assert!(!one("engine/mod.rs", "use crate::commands::cli::CheckArgs;\n").is_empty());
    assert!(!one("engine/mod.rs", "use crate::cli::Format;\n").is_empty());
    assert!(!one("sms/mod.rs", "use crate::rules::LintSettings;\n").is_empty());
    assert!(!one("sms/ras.rs", "fn f(c: &crate::rules::Ctx<'_>) {}\n").is_empty());
    assert!(!one(
        "syntax/dump.rs",
        "use crate::{source::Span, rules::RULES};\n"
    )
    .is_empty());
    assert!(!one(
        "edit/mod.rs",
        "let c = crate::engine::ConfigCache::new(None);\n"
    )
    .is_empty());
    assert!(!one("report/mod.rs", "use crate::versions::version::Clicore;\n").is_empty());
    assert!(!one("flow.rs", "use crate::lint;\n").is_empty());
    assert!(!one("source.rs", "use crate::Diagnostic;\n").is_empty());
    assert!(!one("newthing.rs", "use crate::source::Span;\n").is_empty());
    assert!(!one("report/mod.rs", "use clap::Args;\n").is_empty());
    assert!(!one("engine/mod.rs", "#[derive(clap::Args)]\nstruct A;\n").is_empty());
}

#[test]
fn a_downward_import_is_not() {
    assert!(one(
        "sms/mod.rs",
        "use crate::{flow::Flow, syntax::ast::{Script, StmtId}};\n"
    )
    .is_empty());
    assert!(one(
        "engine/mod.rs",
        "use crate::rules::{self, Ctx};\nuse crate::Exit;\n"
    )
    .is_empty());
    assert!(one(
        "commands/check.rs",
        "use smslint::engine::CheckOptions;\nuse crate::commands::cli;\n"
    )
    .is_empty());
    assert!(one(
        "report/mod.rs",
        "#[derive(clap::ValueEnum, Clone)]\npub enum Format { A }\n"
    )
    .is_empty());
    // Comments name nothing.
    assert!(one("sms/mod.rs", "// not crate::rules::Ctx any more\n").is_empty());
}

#[test]
fn a_cycle_is_a_fault() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("edit".into()).or_default().insert("engine".into());
    g.entry("engine".into()).or_default().insert("edit".into());
    assert_eq!(cycles(&g), ["module cycle: edit -> engine -> edit"]);
    g.remove("engine");
    assert!(cycles(&g).is_empty());
}
