//! BAT202 duplicate-label: a label defined again.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Resolution;
use crate::rules::bat_util::{jump_target, snippet, static_label};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Connector, StmtKind};
use crate::syntax::labels::{key, LabelDef, Profile};

pub static RULE: Rule = Rule {
    code: "BAT202",
    name: "duplicate-label",
    severity: Severity::Warning,
    summary: "A label is defined more than once",
    what: "Reports every definition of a label after the first one with the same name (compared \
           as cmd.exe compares them: case-insensitive, the first 127 characters) when a static \
           `goto`/`call :` to that name is hijacked: a copy of the label lies in the jump's own \
           straight-line code (between the unconditional GOTOs/EXITs around it), but cmd.exe's \
           search lands on another copy, wrapping around to the top or running forward past \
           the jump's own exit. Says which definition each jump reaches. Names no static jump \
           uses (`:_`, `:-----` separators, `: comment` lines, `:name:` payload markers) and \
           copies each reached from its own section (a local `:help` or `:END` below every \
           jump) are not reported.",
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
    opt_in: Some(
        "On 2,030 real scripts 1 of its 3 findings was a real bug: a jump that lands on a later copy of its label on purpose (a menu choice going on to the next section of the same name) cannot be told from a hijacked retry loop by the script alone.",
    ),
};

/// A static jump to a duplicated name: (its line, the line of the copy it reaches, the line of
/// the copy in its own section that it should have reached, if hijacked).
type Reach = (usize, usize, Option<usize>);

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let defs = &ctx.labels.defs;
    let mut groups: HashMap<Vec<u8>, Vec<usize>> = HashMap::default();
    // Only labels written as labels: a `#:name` line found by cmd.exe's lenient search is
    // a command line that happens to look like one to it (`LabelDef::prefixed`).
    for (i, d) in defs.iter().enumerate().filter(|(_, d)| !d.prefixed) {
        groups
            .entry(key(&d.folded, Profile::Nt))
            .or_default()
            .push(i);
    }
    if groups.values().all(|g| g.len() < 2) {
        return;
    }
    // Lines of the unconditional jumps and exits at top level: the borders of straight-line
    // segments.
    let mut borders: Vec<usize> = ctx
        .script
        .top
        .iter()
        .filter(|&&t| {
            let s = ctx.script.stmt(t);
            matches!(s.kind, StmtKind::Goto(_) | StmtKind::Exit(_))
                && matches!(s.connector, Connector::None | Connector::Amp)
        })
        .map(|&t| ctx.source.line_of(ctx.script.stmt(t).span.start()))
        .collect();
    borders.sort_unstable();
    // The straight-line segment around a line: (after the previous border, up to and
    // including the next one).
    let segment = |line: usize| {
        let i = borders.partition_point(|&b| b < line);
        let lo = if i == 0 { 0 } else { borders[i - 1] };
        let hi = borders.get(i).copied().unwrap_or(usize::MAX);
        (lo, hi)
    };
    // Every static jump whose name belongs to a duplicated label: (jump line, reached def
    // line, hijacked from this def line).
    let mut reaches: HashMap<Vec<u8>, Vec<Reach>> = HashMap::default();
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let Some((name, k)) = jump_target(stmt).and_then(static_label) else {
            continue;
        };
        let gk = key(k, Profile::Nt);
        let Some(group) = groups.get(&gk).filter(|g| g.len() >= 2) else {
            continue;
        };
        let line = ctx.source.line_of(name.start());
        if let Some(Resolution::Label { def, .. }) = ctx.flow.resolution(id) {
            if let Some(d) = defs.get(*def) {
                // The jump's own copy: one in its straight-line segment. A jump that lands
                // elsewhere although such a copy exists is hijacked (it wraps to the top or
                // runs forward past its own exit to a later copy).
                // A copy above the jump belongs to another section when another label
                // starts one between them (a local `:help` of the previous function that
                // falls through into this one). A `call :x` never means a loop: only GOTOs.
                let (lo, hi) = segment(line);
                let inside = |g: usize| {
                    let l = defs[g].line;
                    l > lo && l <= hi && !(l < line && section_between(defs, g, line))
                };
                let is_goto = matches!(stmt.kind, StmtKind::Goto(_));
                // Only the nearest copy above the jump can be its own: a copy below it in the
                // segment would be what the forward search finds.
                let hijacked = if !is_goto || inside(*def) {
                    None
                } else {
                    let i = group.partition_point(|&g| defs[g].line < line);
                    i.checked_sub(1)
                        .map(|i| group[i])
                        .filter(|&g| inside(g))
                        .map(|g| defs[g].line)
                };
                reaches
                    .entry(gk)
                    .or_default()
                    .push((line, d.line, hijacked));
            }
        }
    }
    let mut dup_groups: Vec<(&Vec<u8>, &Vec<usize>)> = groups
        .iter()
        .filter(|(gk, g)| {
            g.len() >= 2
                && reaches
                    .get(*gk)
                    .is_some_and(|j| j.iter().any(|r| r.2.is_some()))
        })
        .collect();
    dup_groups.sort_by_key(|(_, g)| g[0]);
    for (gk, group) in dup_groups {
        let first = &defs[group[0]];
        let jumps = reaches.get(gk).map(Vec::as_slice).unwrap_or(&[]);
        let mut reaching: HashMap<usize, usize> = HashMap::default();
        for &(_, to, _) in jumps {
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
            let mut parts: Vec<String> = jumps
                .iter()
                .take(8)
                .map(|&(from, to, hijacked)| {
                    let reached = if to == def.line {
                        format!("the jump on line {from} reaches this one")
                    } else {
                        format!("the jump on line {from} reaches line {to}")
                    };
                    match hijacked {
                        Some(own) => {
                            format!("{reached}, not the copy on line {own} in its own section")
                        }
                        None => reached,
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
            out.push(
                RULE.diag(def.name, message)
                    .with_label("defined again here")
                    .with_related(first.name, "first defined here")
                    .with_help("rename one of the labels (and the jumps meant for it) so every name is defined once"),
            );
        }
    }
}

/// Another label (of a different name) is defined after `defs[from]` and before `line`: a
/// new section starts between them. Looks at no more than 64 following definitions.
fn section_between(defs: &[LabelDef], from: usize, line: usize) -> bool {
    let Some(d) = defs.get(from) else {
        return false;
    };
    let own = key(&d.folded, Profile::Nt);
    defs.iter()
        .skip(from + 1)
        .take(64)
        .take_while(|e| e.line < line)
        .any(|e| key(&e.folded, Profile::Nt) != own)
}
