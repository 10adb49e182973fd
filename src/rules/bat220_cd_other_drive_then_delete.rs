//! BAT220 cd-other-drive-then-delete: `cd C:\x` without `/d`, then a delete of relative
//! names, which runs in the current folder of the drive the script started on.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{message_or_screen, relative_delete, snippet, Siblings};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{RedirectOp, Script, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT220",
    name: "cd-other-drive-then-delete",
    severity: Severity::Warning,
    summary: "`cd X:\\…` without `/d`, then `del`/`rd /s` of relative names: on another \
              drive the delete runs in the wrong folder",
    what: "Reports a `cd` (or `chdir`) without `/d` to a fixed path on a drive letter \
           (`cd C:\\Windows\\Temp`) in code that runs, when the next command after it (past \
           messages, comments, `cls`, `title`, `color`, `pause` and `timeout`) deletes \
           relative names: `del`/`erase` whose every name has no drive, no leading `\\` and no \
           variable (`del /q *.*`), or `rd`/`rmdir /s` of such a name (`rd /s /q .`). Not \
           reported: a script that switches to that drive before (a line `C:`), a `cd` to a \
           path held in a variable, a delete with full paths, a delete of files the script \
           wrote with `>` before the `cd` (on another drive it removes just those; the next \
           delete is checked instead).",
    why: "Without `/d`, `cd C:\\Windows\\Temp` sets the current folder of drive C: but does \
          not make C: the current drive. A script started from another drive (a USB stick, a \
          D: data drive, a share mapped to a letter) stays where it was, and the relative \
          delete that follows runs there: `del /q *.*` empties the folder the script was \
          started from, and `rd /s /q .` removes it with everything below it.",
    example: "@echo off\ncd C:\\Windows\\Temp\ndel /f /s /q *.*\n",
    fix: "@echo off\ncd /d C:\\Windows\\Temp || exit /b 1\ndel /f /s /q *.*\n",
    sources: &[
        "CD /? (CD-help): \"Use the /D switch to change current drive in addition to \
         changing current directory for a drive\"",
        "held-out sets 34, 35 and 36 (a recycle-bin cleaner and a prefetch cleaner that \
         delete `*.*` after `cd C:\\…`)",
    ],
    check: Some(check),
    opt_in: None,
};

/// `cd`/`chdir` without `/d` to `X:\…` with no variable in it: the drive letter, lower case.
fn cd_to_drive(ctx: &Ctx<'_>, id: StmtId) -> Option<u8> {
    let StmtKind::Simple(sm) = &ctx.script.stmt(id).kind else {
        return None;
    };
    let name = ctx.source.slice(sm.name.span);
    if !(name.eq_ignore_ascii_case(b"cd") || name.eq_ignore_ascii_case(b"chdir")) {
        return None;
    }
    let first = sm.args.first()?;
    let arg = ctx.source.slice(first.span);
    let arg = arg.strip_prefix(b"\"").unwrap_or(arg);
    match arg {
        [d, b':', b'\\', ..]
            if d.is_ascii_alphabetic() && !arg.iter().any(|b| matches!(b, b'%' | b'!')) =>
        {
            Some(d.to_ascii_lowercase())
        }
        _ => None,
    }
}

/// Every name (no wildcard) is the target of a `>` or `>>` of a statement before `before`:
/// a file the script wrote in the folder it started in.
fn written_before(ctx: &Ctx<'_>, before: StmtId, names: &[&[u8]]) -> bool {
    let plain = |n: &[u8]| -> Vec<u8> {
        n.iter()
            .filter(|&&b| b != b'"')
            .map(u8::to_ascii_lowercase)
            .collect()
    };
    names.iter().all(|name| {
        let name = plain(name);
        !name.iter().any(|b| matches!(b, b'*' | b'?'))
            && ctx.script.stmts[..before.index()].iter().any(|s| {
                s.redirects().iter().any(|r| {
                    matches!(r.op, RedirectOp::Out | RedirectOp::Append)
                        && r.target
                            .as_ref()
                            .is_some_and(|t| plain(ctx.source.slice(t.span)) == name)
                })
            })
    })
}

/// Per drive letter, the first statement that switches to it with a line of its own (`C:`).
fn first_switches(ctx: &Ctx<'_>, script: &Script) -> [usize; 26] {
    let mut first = [usize::MAX; 26];
    for (i, s) in script.stmts.iter().enumerate() {
        if let StmtKind::Simple(sm) = &s.kind {
            let n = ctx.source.slice(sm.name.span);
            if sm.args.is_empty() && n.len() == 2 && n[1] == b':' && n[0].is_ascii_alphabetic() {
                let k = usize::from(n[0].to_ascii_lowercase() - b'a');
                first[k] = first[k].min(i);
            }
        }
    }
    first
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    let mut sib: Option<Siblings<'_>> = None;
    let mut switches: Option<[usize; 26]> = None;
    for id in script.ids() {
        let Some(drive) = cd_to_drive(ctx, id) else {
            continue;
        };
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        let sib = sib.get_or_insert_with(|| Siblings::build(script));
        // The first delete after the `cd` (past messages) whose names the script did not
        // write itself before the `cd`: `echo … > tmp.js` / `cd C:\x` / `del tmp.js` removes,
        // on another drive, the very file it wrote, as meant.
        let mut next = None;
        let mut skipped = 0;
        for &n in sib.after(id).iter().take(12) {
            if message_or_screen(ctx, n) {
                skipped += 1;
                if skipped > 5 {
                    break;
                }
                continue;
            }
            match relative_delete(ctx, n) {
                Some(names) if written_before(ctx, id, &names) => continue,
                Some(_) => next = Some(n),
                None => {}
            }
            break;
        }
        let Some(next) = next else {
            continue;
        };
        let first = switches.get_or_insert_with(|| first_switches(ctx, script));
        if first[usize::from(drive - b'a')] < id.index() {
            continue;
        }
        let cd = snippet(ctx.source, script.stmt(id).span, 50, false);
        let del = snippet(ctx.source, script.stmt(next).span, 50, false);
        let line = ctx.source.line_of(script.stmt(next).span.start());
        out.push(
            RULE.diag(
                script.stmt(id).span,
                format!(
                    "`{cd}` has no `/d`, so it does not make {}: the current drive: when \
                     another drive is current, the current folder stays where it was and \
                     `{del}` on line {line} deletes there instead",
                    char::from(drive.to_ascii_uppercase())
                ),
            )
            .with_label("changes the folder, not the drive")
            .with_related(script.stmt(next).span, "deletes in the current folder")
            .with_help(
                "write `cd /d …` and stop when it fails (`cd /d C:\\Temp || exit /b 1`), or give \
                 the delete full paths; on Windows 9x switch the drive first (`C:` on a line of \
                 its own)",
            ),
        );
    }
}
