//! BAT303 win9x-label-collision: labels that differ but share their first 8 characters.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Resolution;
use crate::rules::bat_util::{jump_target, snippet, static_label};
use crate::rules::{Ctx, Rule};
use crate::syntax::labels::{key, Profile};

pub static RULE: Rule = Rule {
    code: "BAT303",
    name: "win9x-label-collision",
    severity: Severity::Warning,
    summary: "Two different labels are the same label on Windows 9x (first 8 characters equal)",
    what: "Only when `win9x` is among the targets. Reports a label whose name differs from an \
           earlier label's under cmd.exe's rule (127 characters) but is equal to it in the first \
           8 characters, which is all COMMAND.COM compares. Reported at the later label, with \
           the jumps whose destination changes on Windows 9x. (Labels equal under cmd.exe's rule \
           are duplicates: BAT202.)",
    why: "MS-DOS and Windows 9x COMMAND.COM use only the first eight characters of a label. \
          `:SLOWNETUSER` and `:SLOWNETTEMP` are both `:SLOWNETU`/`:SLOWNETT`, but `:RUN_NT_2` \
          and `:RUN_NT_20` or `:CLEANUP_A` and `:CLEANUP_B` are the same label `CLEANUP_` \
          there: GOTO CLEANUP_B on a Windows 9x client lands on `:CLEANUP_A`, and the script \
          runs the wrong branch without any error.",
    example: "goto install_new\n:install_old\necho old\ngoto end\n:install_new\necho new\n:end\n",
    fix: "goto newinst\n:oldinst\necho old\ngoto end\n:newinst\necho new\n:end\n",
    sources: &[
        "Q63071 (KB63071, \"Only First 8 Characters in a Batch Label Recognized\")",
        "cmd-semantics §1.8, §1.16 (gopher-label lists Windows 95/98/ME; SO-labellen for cmd.exe's 127)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.settings.targets.win9x {
        return;
    }
    let defs = &ctx.labels.defs;
    let mut groups: HashMap<Vec<u8>, Vec<usize>> = HashMap::new();
    for (i, d) in defs.iter().enumerate() {
        groups
            .entry(key(&d.folded, Profile::Win9x))
            .or_default()
            .push(i);
    }
    let mut reported: Vec<(usize, usize)> = Vec::new(); // (later def, earlier def)
    for group in groups.values() {
        if group.len() < 2 {
            continue;
        }
        let first = group[0];
        let first_nt = key(&defs[first].folded, Profile::Nt);
        let mut seen_nt: Vec<Vec<u8>> = vec![first_nt.clone()];
        for &i in &group[1..] {
            let nt = key(&defs[i].folded, Profile::Nt);
            if seen_nt.contains(&nt) {
                continue; // a plain duplicate (BAT202) or already reported
            }
            seen_nt.push(nt);
            reported.push((i, first));
        }
    }
    reported.sort();
    if reported.is_empty() {
        return;
    }
    // Static jumps to the reported names, by cmd.exe key: (jump line, Windows 9x
    // destination line). GOTO's search under COMMAND.COM's 8-character rule: the next
    // definition after the jump's line, else the first one (groups are in line order).
    let wanted: std::collections::HashSet<Vec<u8>> = reported
        .iter()
        .map(|&(i, _)| key(&defs[i].folded, Profile::Nt))
        .collect();
    let mut jumps: HashMap<Vec<u8>, Vec<(usize, Option<usize>)>> = HashMap::new();
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let Some((span, k)) = jump_target(stmt).and_then(static_label) else {
            continue;
        };
        let nt = key(k, Profile::Nt);
        if !wanted.contains(&nt)
            || !matches!(ctx.flow.resolution(id), Some(Resolution::Label { .. }))
        {
            continue;
        }
        let line = ctx.source.line_of(span.start);
        let to = groups.get(&key(k, Profile::Win9x)).and_then(|g| {
            let after = g.partition_point(|&d| defs[d].line <= line);
            g.get(after).or(g.first()).map(|&d| defs[d].line)
        });
        jumps.entry(nt).or_default().push((line, to));
    }
    for (i, first) in reported {
        let def = &defs[i];
        let other = &defs[first];
        let name = snippet(ctx.source, def.name, 60, false);
        let other_name = snippet(ctx.source, other.name, 60, false);
        let short = String::from_utf8_lossy(&key(&def.folded, Profile::Win9x)).to_uppercase();
        // Jumps meant for this label (cmd.exe) that land elsewhere on Windows 9x.
        let want_nt = key(&def.folded, Profile::Nt);
        let moved: Vec<String> = jumps
            .get(&want_nt)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&(line, to)| match to {
                Some(t) if t != def.line => Some(format!("line {line} lands on line {t}")),
                _ => None,
            })
            .take(8)
            .collect();
        let tail = if moved.is_empty() {
            String::from("a jump to either lands on whichever comes first in GOTO's search")
        } else {
            format!("the jump on {}", moved.join(", "))
        };
        out.push(
            RULE.diag(
                def.name,
                format!(
                    "`:{name}` and `:{other_name}` (line {}) are the same label `{short}` on \
                     Windows 9x, where COMMAND.COM compares only the first 8 characters: {tail}",
                    other.line
                ),
            )
            .with_label("same first 8 characters as an earlier label")
            .with_related(other.name, "collides with this label on Windows 9x")
            .with_help("rename the labels so they differ within their first 8 characters"),
        );
    }
}
