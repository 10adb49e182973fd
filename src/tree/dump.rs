//! `smslint dump --calls PATH`: the resolved call graph of a tree, for users and tests.

use std::fmt::Write;

use super::calls::{CallKind, TargetSpec};
use super::{describe_chain, Decider, Resolved, Tree};

/// The call graph as text: one block per file (its role, its RAS entry state), one line per
/// call (where it is, how it starts the target, where the target resolves).
pub fn render(tree: &Tree) -> String {
    let mut out = String::new();
    let mut order: Vec<usize> = (0..tree.members.len()).collect();
    order.sort_by(|&a, &b| tree.members[a].display.cmp(&tree.members[b].display));
    let _ = writeln!(out, "# {} files", tree.members.len());
    for i in order {
        let m = &tree.members[i];
        let f = &tree.facts[i];
        let mut role = if f.win9x {
            "win9x".to_string()
        } else {
            "nt only".to_string()
        };
        let _ = write!(role, ", because {}", f.decided_by.describe());
        if f.decided_by == Decider::Reached && !f.win9x_chain.is_empty() {
            let _ = write!(
                role,
                " via {}",
                describe_chain(&f.win9x_chain, f.win9x_chain_cut)
            );
        }
        let _ = writeln!(out, "{}", m.display);
        if m.logon_script {
            let _ = writeln!(out, "  logon script");
        }
        let _ = writeln!(out, "  targets: {role}");
        let mut ras = format!("  ras entry: {}", f.ras_entry.describe());
        if f.ras_root {
            ras.push_str(if m.logon_script {
                " (a logon script: starts unknown)"
            } else {
                " (nothing in the tree calls it: starts unknown)"
            });
        }
        if !f.ras_chain.is_empty() {
            let _ = write!(
                ras,
                "; unguarded path {}",
                describe_chain(&f.ras_chain, f.ras_chain_cut)
            );
        }
        let _ = writeln!(out, "{ras}");
        if f.runs_setup {
            let _ = writeln!(out, "  runs SMS client setup");
        }
        for (c, r) in m.summary.calls.iter().zip(&tree.resolved[i]) {
            // A plain command is a transfer only when it names a batch file of the tree.
            if c.kind == CallKind::Transfer && !matches!(r, Resolved::File(_)) {
                let written = matches!(
                    &c.target,
                    TargetSpec::Relative { percent0: true, .. } | TargetSpec::Dynamic
                );
                if !written {
                    continue;
                }
            }
            let to = match r {
                Resolved::File(g) if *g == i => "this file".to_string(),
                Resolved::File(g) => tree.members[*g].display.clone(),
                Resolved::Program(p) => format!(
                    "program {}",
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                ),
                Resolved::Missing => "missing (no such file in the caller's directory)".into(),
                Resolved::Dynamic => "dynamic (computed at run time: not followed)".into(),
                Resolved::Elsewhere => "outside the tree (not followed)".into(),
            };
            let mut notes = Vec::new();
            if !c.reachable {
                notes.push("unreachable".to_string());
            } else {
                if f.win9x {
                    notes.push(if c.win9x { "9x path" } else { "NT path only" }.to_string());
                }
                if !c.ras.is_empty() {
                    notes.push(format!("ras {}", c.ras.describe()));
                }
            }
            let _ = writeln!(
                out,
                "  {}:{} {} {} -> {} [{}]",
                c.at.line,
                c.at.column,
                match (c.kind, r) {
                    (CallKind::Transfer, Resolved::File(_)) => "transfer",
                    (CallKind::Transfer, _) => "run",
                    (k, _) => k.describe(),
                },
                c.at.text,
                to,
                notes.join(", ")
            );
        }
    }
    out
}
