//! BAT202 duplicate-label: a label defined again.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Resolution;
use crate::rules::bat_util::{jump_target, snippet, static_label};
use crate::rules::{Ctx, Rule};
use crate::syntax::labels::{key, Profile};

pub static RULE: Rule = Rule {
    code: "BAT202",
    name: "duplicate-label",
    severity: Severity::Warning,
    summary: "A label is defined more than once",
    what: "Reports every definition of a label after the first one with the same name (compared \
           as cmd.exe compares them: case-insensitive, the first 127 characters), and says which \
           definition each `goto`/`call :` to that name reaches.",
    why: "GOTO searches for its label from the line after the jump to the end of the file, then \
          wraps around to the top. With two `:END` labels, a jump above the first one lands on \
          the first, a jump between them lands on the second, and a jump below both wraps to \
          the first: the same `GOTO END` goes to different places depending on where it is. \
          This usually happens when a block (for example the SMS start/end block) is pasted \
          into a script twice, and sends clients into code meant for another branch.",
    example: ":END\ncall %0\\..\\smsls\ngoto END\n:END\n",
    fix: ":START\ncall %0\\..\\smsls\ngoto END\n:END\n",
    sources: &[
        "cmd-semantics §1.9 (Wine-goto: search from the current position to the end, then from the top)",
        "cmd-semantics §1.8 (SO-labellen: 127 significant characters)",
        "cmd-semantics T18, T65",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let defs = &ctx.labels.defs;
    let mut groups: HashMap<Vec<u8>, Vec<usize>> = HashMap::new();
    for (i, d) in defs.iter().enumerate() {
        groups
            .entry(key(&d.folded, Profile::Nt))
            .or_default()
            .push(i);
    }
    if groups.values().all(|g| g.len() < 2) {
        return;
    }
    // Every static jump whose name belongs to a duplicated label: (jump line, reached def).
    let mut reaches: HashMap<Vec<u8>, Vec<(usize, usize)>> = HashMap::new();
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let Some((name, k)) = jump_target(stmt).and_then(static_label) else {
            continue;
        };
        let gk = key(k, Profile::Nt);
        if groups.get(&gk).map_or(true, |g| g.len() < 2) {
            continue;
        }
        let line = ctx.source.line_of(name.start);
        if let Some(Resolution::Label { def, .. }) = ctx.flow.resolution(id) {
            if let Some(d) = defs.get(*def) {
                reaches.entry(gk).or_default().push((line, d.line));
            }
        }
    }
    let mut dup_groups: Vec<(&Vec<u8>, &Vec<usize>)> =
        groups.iter().filter(|(_, g)| g.len() >= 2).collect();
    dup_groups.sort_by_key(|(_, g)| g[0]);
    for (gk, group) in dup_groups {
        let first = &defs[group[0]];
        let jumps = reaches.get(gk).map(Vec::as_slice).unwrap_or(&[]);
        let mut reaching: HashMap<usize, usize> = HashMap::new();
        for &(_, to) in jumps {
            *reaching.entry(to).or_default() += 1;
        }
        for (nth, &i) in group.iter().enumerate().skip(1) {
            let def = &defs[i];
            let shown = snippet(ctx.source, def.name, 60, false);
            let already = match nth {
                1 => format!("already on line {}", first.line),
                2 => format!(
                    "already on line {} and line {}",
                    first.line, defs[group[1]].line
                ),
                n => format!("already on line {} and {} other lines", first.line, n - 1),
            };
            let mut message = format!(
                "label `:{shown}` is defined again on line {} ({already})",
                def.line
            );
            if jumps.is_empty() {
                message.push_str("; no static jump uses this name");
            } else {
                let mut parts: Vec<String> = jumps
                    .iter()
                    .take(8)
                    .map(|&(from, to)| {
                        if to == def.line {
                            format!("the jump on line {from} reaches this one")
                        } else {
                            format!("the jump on line {from} reaches line {to}")
                        }
                    })
                    .collect();
                if jumps.len() > 8 {
                    parts.push(format!("{} more jumps", jumps.len() - 8));
                }
                let here = reaching.get(&def.line).copied().unwrap_or(0);
                message.push_str(&format!(
                    ": GOTO searches forward and wraps around, so {}",
                    parts.join(", ")
                ));
                if here == 0 {
                    message.push_str(" (no jump reaches this definition)");
                }
            }
            out.push(
                RULE.diag(def.name, message)
                    .with_label("defined again here")
                    .with_related(first.name, "first defined here")
                    .with_help("rename one of the labels (and the jumps meant for it) so every name is defined once"),
            );
        }
    }
}
