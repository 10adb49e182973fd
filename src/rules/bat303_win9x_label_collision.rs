//! BAT303 win9x-label-collision: labels that differ but share their first 8 characters.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::{label_node, Resolution};
use crate::rules::bat302_win9x_incompatible::dos_reason;
use crate::rules::bat_util::{def_key as key_of, snippet, static_label};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::StmtKind;
use crate::syntax::labels::{key, Profile};

pub static RULE: Rule = Rule {
    code: "BAT303",
    name: "win9x-label-collision",
    severity: Severity::Warning,
    summary: "A `goto` lands on another label on Windows 9x, where only the first 8 characters of a label count",
    what: "Only in files Windows 9x clients run (see BAT302), or that have a DOS 8.3 file name and use no cmd.exe-only \
           syntax at all and no NT-only command or variable (`title`, `pushd`, `reg`, \
           `%COMPUTERNAME%`, …) and no program of today's toolchains (`python`, `git`, \
           `node`, …) and no document started by its file association (`todo.pl`, \
           `setup.vbs`) and no folder only 64-bit Windows has (`Program Files (x86)`, \
           `SysWOW64`, or a later Windows has: `\\AppData\\`, `\\WindowsApps\\`) and no long folder or file name in a path from a drive letter (`D:\\batch_files\\…`), so COMMAND.COM runs them as written (DOS build and test \
           scripts; not those written for FreeDOS, whose FreeCOM compares labels in full: \
           `set /e`, the installer's `vecho`/`vframe`/… tools), and only for `goto`s Windows \
           9x reaches, unless the label Windows 9x lands on falls straight into the right one \
           (only labels and comments between them). Resolves each static `goto label` as COMMAND.COM does, from the top of the \
           file to the first label whose first 8 characters match (case-insensitive), and \
           reports the `goto` when that label is not the one cmd.exe jumps to, saying where \
           Windows 9x lands and whether the script loops there. `call :label` is no jump on \
           Windows 9x (BAT302 reports it); labels no `goto` names are not reported. (Labels \
           equal under cmd.exe's rule are duplicates: BAT202.)",
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
    // Whether this file runs under COMMAND.COM is decided at the first candidate.
    let mut dos: Option<Option<&'static str>> = None;
    let defs = &ctx.labels.defs;
    // Labels of at most 8 characters are read alike by both shells: no jump can move.
    if defs.len() < 2 || ctx.labels.win9x_is_nt() {
        return;
    }
    // COMMAND.COM's GOTO: the first definition from the top with the same 8-character key.
    let mut first_9x: HashMap<&[u8], usize> = HashMap::default();
    let mut collides = false;
    // COMMAND.COM finds no `#:name` label (`LabelDef::prefixed`).
    for (i, d) in defs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.found_by(Profile::Win9x))
    {
        let first = *first_9x.entry(key_of(d, Profile::Win9x)).or_insert(i);
        collides |= first != i && key_of(&defs[first], Profile::Nt) != key_of(d, Profile::Nt);
    }
    // No two different labels share their first 8 characters: no jump can move.
    if !collides {
        return;
    }
    // The Windows 9x view (which costs more than the tests before it) is built at the first
    // `goto` whose label moves.
    let mut view = None;
    let mut loops_checked = 0usize;
    // The walk of the last loop check, by its start: jumps that land on the same label
    // share it.
    let mut last_walk: Option<(crate::flow::Node, Vec<bool>)> = None;
    let mut cut: Option<rustc_hash::FxHashSet<_>> = None;
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        let StmtKind::Goto(g) = &stmt.kind else {
            continue;
        };
        let Some((span, k)) = static_label(&g.target) else {
            continue;
        };
        let Some(Resolution::Label { def: nt_def, .. }) = ctx.flow.resolution(id) else {
            continue;
        };
        let Some(&def9) = first_9x.get(key(k, Profile::Win9x).as_slice()) else {
            continue;
        };
        let (nt, w9) = (&defs[*nt_def], &defs[def9]);
        // Same name under cmd.exe's rule: a duplicate label (BAT202), not a collision.
        if def9 == *nt_def || key(&w9.folded, Profile::Nt) == key(&nt.folded, Profile::Nt) {
            continue;
        }
        // `:INST_DRV_C` right above `:INST_DRV_D` (only labels and comments between): landing
        // on the first runs the same lines.
        if falls_into(ctx.source, w9.line, nt.line) {
            continue;
        }
        // The COMMAND.COM probe of MSYS's `msys.bat`: `goto _WindowsNT` right above
        // `:_Windows`. On Windows 9x the jump lands on the next line, which is where the
        // script goes on purpose (a section that restarts COMMAND.COM with a larger
        // environment), and on NT it skips that section.
        if falls_into(ctx.source, ctx.source.line_of(stmt.span.start()), w9.line)
            && k.len() > w9.folded.len()
            && k[..w9.folded.len()].eq_ignore_ascii_case(&w9.folded)
        {
            continue;
        }
        let view = *view.get_or_insert_with(|| ctx.win9x());
        if !view.runs(id) {
            continue;
        }
        let reason = *dos.get_or_insert_with(|| dos_reason(ctx));
        let Some(reason) = reason else {
            return;
        };
        let line = ctx.source.line_of(span.start());
        // Does the script come back to this `goto` from where Windows 9x lands?
        let loops = w9.line <= line && loops_checked < MAX_LOOP_CHECKS && {
            loops_checked += 1;
            let start = label_node(ctx.source, ctx.script, w9.line);
            if !matches!(&last_walk, Some((s, _)) if *s == start) {
                let cut = cut.get_or_insert_with(|| view.guards.iter().copied().collect());
                let seen = ctx
                    .flow
                    .reach_from(start, |from, e| !cut.contains(&(from, e.kind)));
                last_walk = Some((start, seen));
            }
            let seen = last_walk
                .as_ref()
                .map_or(&[][..], |(_, seen)| seen.as_slice());
            seen.get(id.index()).copied().unwrap_or(false)
        };
        let name = snippet(ctx.source, span, 60, false);
        let w9_name = snippet(ctx.source, w9.name, 60, false);
        let short = String::from_utf8_lossy(&key(&w9.folded, Profile::Win9x)).to_uppercase();
        let tail = if loops {
            format!(
                "; from there the script can come back to this `goto` on line {line}, and \
                 unless something on the way changes its course (a `shift`, a variable) it \
                 loops forever"
            )
        } else {
            "; the script runs the wrong section without any error".to_string()
        };
        out.push(
            RULE.diag(
                span,
                format!(
                    "on Windows 9x `goto {name}` lands on `:{w9_name}` (line {}), the first \
                     label from the top whose first 8 characters are `{short}`, not on \
                     `:{name}` (line {}) as on Windows NT{tail}{reason}",
                    w9.line, nt.line
                ),
            )
            .with_label("COMMAND.COM compares only the first 8 characters")
            .with_related(w9.name, "Windows 9x lands here")
            .with_related(nt.name, "cmd.exe lands here")
            .with_help(
                "rename the labels so they differ within their first 8 characters (or make \
                 this label the first of them in the file)",
            ),
        );
    }
}

/// Every line after `from` up to `to` (1-based lines, `from` above `to`) is empty, a label or
/// a comment: control falls from the one label to the other.
fn falls_into(src: &crate::source::Source, from: usize, to: usize) -> bool {
    from < to
        && to - from <= 16
        && (from + 1..to).all(|l| {
            let text = src.slice(src.line_span(l));
            let t = text.trim_ascii_start();
            let t = t.strip_prefix(b"@").unwrap_or(t);
            t.trim_ascii().is_empty()
                || t.starts_with(b":")
                || (t.len() >= 3
                    && t[..3].eq_ignore_ascii_case(b"rem")
                    && t.get(3)
                        .map_or(true, |&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')))
        })
}

/// Loop checks per file (each is one walk over the graph), so a file with many colliding
/// jumps stays linear.
const MAX_LOOP_CHECKS: usize = 8;
