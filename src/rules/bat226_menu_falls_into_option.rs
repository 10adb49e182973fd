//! BAT226 menu-falls-into-option: a `set /p` menu whose `if … goto` ladder has no final
//! jump, followed by the label of one of its options: every other answer runs that option.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{is_delim, snippet, OnePerFile};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{CmpOp, JumpTarget, SetKind, StmtId, StmtKind, Word};

pub static RULE: Rule = Rule {
    code: "BAT226",
    name: "menu-falls-into-option",
    severity: Severity::Warning,
    summary: "A `set /p` menu's `if … goto` tests end without a jump, right above one option's \
              label: a typo or Enter runs that option",
    what: "Reports a prompt (`set /p NAME=…`) in top-level code that runs, followed by two or \
           more tests of its answer, each `if [/i] \"%NAME%\"==\"value\" goto label` (or `equ`, \
           or a range test such as `geq 10`; quoted or not, no ELSE; `echo` lines may stand \
           between the prompt and the first test), and then, with nothing but comments \
           between, the label of one of those options. Range tests from both sides (`lss 5` \
           and `geq 5`) may cover every answer and are not reported. Not reported: when the variable was given that option's \
           value as a default before the prompt, or when the option's code up to its next \
           jump (or the end of the file) only shows text, waits or ends the script (a quit \
           option as the fallback) or asks a new question whose answer the next line tests \
           (a submenu: `set /p` or `choice`, then `if`), or when the option's label names the end of the script \
           (`:end`, `:exit`, `:quit`, `:end_script`: the script's closing section, clean-up \
           included, as the fallback).",
    why: "An answer that matches none of the tests (a typo, an option number not offered, or \
          just Enter, which leaves the variable as it was) goes on to the next line, and the \
          next line is an option's label: the option runs without being chosen. In a menu of \
          maintenance tasks that may be a disk wipe, a re-image or a firewall change.",
    example: ":menu\nset /p C=Choice (1-3): \nif \"%C%\"==\"1\" goto wipe\nif \"%C%\"==\"2\" \
              goto disk\nif \"%C%\"==\"3\" goto :eof\n:wipe\ndel /f /s /q \"%TEMP%\\*\"\ngoto \
              menu\n:disk\ndir C:\\\ngoto menu\n",
    fix: ":menu\nset /p C=Choice (1-3): \nif \"%C%\"==\"1\" goto wipe\nif \"%C%\"==\"2\" goto \
          disk\nif \"%C%\"==\"3\" goto :eof\necho Unknown choice \"%C%\".\ngoto menu\n:wipe\ndel \
          /f /s /q \"%TEMP%\\*\"\ngoto menu\n:disk\ndir C:\\\ngoto menu\n",
    sources: &[
        "cmd-semantics §2 (a GOTO that is not taken goes on with the next line; a label line \
         is passed over like a comment)",
        "held-out sets 37, 39, 40, 48, 50 and 56 (menus that ran their first option for any \
         other answer)",
    ],
    check: Some(check),
    opt_in: None,
};

/// One test of a menu's answer that jumps.
struct Step {
    /// The label key it jumps to (lower case; empty for `goto :eof`).
    target: Vec<u8>,
    /// The value compared with (quotes removed, lower case).
    value: Vec<u8>,
    /// The answer is quoted or bracketed: an empty answer compares instead of breaking the
    /// IF (BAT219's case).
    guarded: bool,
    /// The comparison.
    op: CmpOp,
}

/// The step of an IF that tests the answer `name` (lower case) and jumps.
fn ladder_step(ctx: &Ctx<'_>, id: StmtId, name: &[u8]) -> Option<Step> {
    let script = ctx.script;
    let src = ctx.source;
    let (i, lhs, op, rhs) = crate::rules::bat_util::plain_compare(script, id)?;
    // An equality, or a range test of a numbered menu (`if %c% geq 10 goto quit`): either
    // leaves the other answers to the next line. NEQ is the fallback itself.
    if !matches!(
        op,
        CmpOp::EqEq | CmpOp::Equ | CmpOp::Lss | CmpOp::Leq | CmpOp::Gtr | CmpOp::Geq
    ) {
        return None;
    }
    // The operand is the answer alone: `%C%`, `"%C%"`, `[%C%]` (also `%C:~0,1%`).
    let is_answer = |w: &Word| {
        let b = src.slice(w.span);
        let lead = usize::from(matches!(b.first(), Some(b'"' | b'[')));
        let trail = usize::from(b.len() > lead && matches!(b.last(), Some(b'"' | b']')));
        let inner = Span::new(w.span.start() + lead, w.span.end() - trail);
        let atoms = script.expansions_in(inner);
        atoms.len() == 1
            && atoms[0].span == inner
            && crate::rules::bat_util::expansion_name(src, &atoms[0])
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
    };
    let (answer, value) = if is_answer(lhs) && !rhs.dynamic {
        (lhs, rhs)
    } else if is_answer(rhs) && !lhs.dynamic {
        (rhs, lhs)
    } else {
        return None;
    };
    let guarded = matches!(src.slice(answer.span).first(), Some(b'"' | b'['));
    let then = script.stmt(i.then?);
    if then.connector != crate::syntax::ast::Connector::None {
        return None;
    }
    let StmtKind::Goto(g) = &then.kind else {
        return None;
    };
    // `goto :eof` (a quit option) is a test of the ladder that no label answers.
    let key: &[u8] = match &g.target {
        JumpTarget::Label { key, .. } => key,
        JumpTarget::Eof => b"",
        _ => return None,
    };
    let v: Vec<u8> = src
        .slice(value.span)
        .iter()
        .filter(|&&c| c != b'"')
        .map(u8::to_ascii_lowercase)
        .collect();
    Some(Step {
        target: key.to_ascii_lowercase(),
        value: v,
        guarded,
        op,
    })
}

/// Does the code after the label at `top[at]` (up to its next jump, exit or label) do more
/// than show text, wait, or end the script?
fn option_does_work(ctx: &Ctx<'_>, top: &[StmtId], at: usize) -> bool {
    let rest = &top[(at + 1).min(top.len())..];
    for (k, &id) in rest.iter().enumerate().take(64) {
        if matches!(
            ctx.script.stmt(id).kind,
            StmtKind::Goto(_) | StmtKind::Exit(_) | StmtKind::Label(_)
        ) {
            return false;
        }
        // A new question at the console (`set /p`, `choice`) whose answer the next line
        // tests: the code fallen into is a menu of its own, which only shows its text and
        // asks before anything runs. (A prompt for a file name, then work, is the option.)
        if asks_at_console(ctx, id)
            && rest
                .get(k + 1)
                .is_some_and(|&n| matches!(ctx.script.stmt(n).kind, StmtKind::If(_)))
        {
            return false;
        }
        // More than a message, a screen command, a local scope or a CALL of a routine that
        // only shows text (`call :say "Wrong user"`): the option's work.
        if !(matches!(ctx.script.stmt(id).kind, StmtKind::Setlocal(_))
            || crate::rules::bat_util::message_or_screen(ctx, id)
            || calls_display_routine(ctx, id))
        {
            return true;
        }
    }
    // The end of the file ends the script; past 64 statements of text, assume work.
    rest.len() > 64
}

/// `call :label` of a subroutine that only shows text or waits before it returns (`:say` /
/// `echo %~1` / `exit /b`).
fn calls_display_routine(ctx: &Ctx<'_>, id: StmtId) -> bool {
    use crate::flow::EdgeKind;
    if !matches!(&ctx.script.stmt(id).kind, StmtKind::Call(c)
        if matches!(c.target, crate::syntax::ast::CallTarget::Label { .. }))
    {
        return false;
    }
    let mut at = ctx.flow.successor_stmt(id, EdgeKind::Call);
    for _ in 0..16 {
        let Some(s) = at else {
            return false;
        };
        match &ctx.script.stmt(s).kind {
            StmtKind::Goto(g) if matches!(g.target, crate::syntax::ast::JumpTarget::Eof) => {
                return true
            }
            StmtKind::Exit(e) if e.b.is_some() => return true,
            StmtKind::Label(_) => {}
            _ if crate::rules::bat_util::message_or_screen(ctx, s) => {}
            _ => return false,
        }
        at = ctx.flow.successor_stmt(s, EdgeKind::Next);
    }
    false
}

/// `set /p x=Prompt` (not read from a file with `<`) or a `choice` command.
fn asks_at_console(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let stmt = ctx.script.stmt(id);
    match &stmt.kind {
        StmtKind::Set(s) => {
            s.kind == crate::syntax::ast::SetKind::Prompt
                && !stmt
                    .redirects()
                    .iter()
                    .any(|r| r.op == crate::syntax::ast::RedirectOp::In)
        }
        StmtKind::Simple(c) => {
            let mut buf = Vec::new();
            crate::syntax::names::program_stem_into(ctx.source.slice(c.name.span), &mut buf)
                == Some(b"choice".as_slice())
        }
        _ => false,
    }
}

/// A label (lower case) that names the end of the script: `end`, `exit`, `quit` and their
/// everyday equivalents, alone or followed by `_`, `-`, `.` or a digit (`:end_script`,
/// `:exit1`).
fn ends_the_script(label: &[u8]) -> bool {
    const ENDS: &[&[u8]] = &[
        b"end", b"exit", b"quit", b"ende", b"fin", b"done", b"bye", b"finish", b"beenden",
    ];
    ENDS.iter().any(|e| {
        label.starts_with(e)
            && match label.get(e.len()) {
                None => true,
                Some(c) => matches!(c, b'_' | b'-' | b'.') || c.is_ascii_digit(),
            }
    })
}

/// The one ASCII letter of a value (`y`), if that is all it is.
fn single_letter(value: &[u8]) -> Option<u8> {
    match value {
        [c] if c.is_ascii_alphabetic() => Some(*c),
        _ => None,
    }
}

/// The prompt shows `v` as the default choice: its capital next to a `/` whose other side is
/// a small letter (`Y/n`, `[y/N]` marks `n`).
fn marked_default(prompt: &[u8], v: u8) -> bool {
    let cap = v.to_ascii_uppercase();
    prompt.windows(3).any(|w| {
        (w[0] == cap && w[1] == b'/' && w[2].is_ascii_lowercase())
            || (w[0].is_ascii_lowercase() && w[1] == b'/' && w[2] == cap)
    })
}

/// The menu calls the option the default: the prompt says "default", or a line of the menu
/// above the prompt (up to its label) starts with the option's value and says "default"
/// (`echo 1. Clean up (default)`).
fn names_default(ctx: &Ctx<'_>, top: &[StmtId], prompt: usize, value: &[u8]) -> bool {
    let src = ctx.source;
    let says_default = |t: &[u8]| t.windows(7).any(|w| w.eq_ignore_ascii_case(b"default"));
    if let StmtKind::Set(set) = &ctx.script.stmt(top[prompt]).kind {
        if set.value.is_some_and(|v| says_default(src.slice(v))) {
            return true;
        }
    }
    for &id in top[..prompt].iter().rev().take(32) {
        match &ctx.script.stmt(id).kind {
            StmtKind::Label(_) | StmtKind::Goto(_) => break,
            StmtKind::Echo(e) => {
                let t = src.slice(e.text);
                let lead = t
                    .iter()
                    .position(|c| !matches!(c, b' ' | b'\t' | b'[' | b'(' | b'{' | b'<'))
                    .unwrap_or(t.len());
                let t = &t[lead..];
                if t.len() >= value.len()
                    && t[..value.len()].eq_ignore_ascii_case(value)
                    && says_default(t)
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// A file's `set name=value` statements by name (lower case): where each starts, and its
/// value, in source order.
type ByName = rustc_hash::FxHashMap<Vec<u8>, Vec<(usize, Span)>>;

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    let src = ctx.source;
    let top = &script.top;
    let mut once = OnePerFile::new(out);
    let mut by_name: Option<ByName> = None;
    for (k, &id) in top.iter().enumerate() {
        let StmtKind::Set(set) = &script.stmt(id).kind else {
            continue;
        };
        if set.kind != SetKind::Prompt {
            continue;
        }
        let Some(name_span) = set.name else { continue };
        let name = src.slice(name_span).trim_ascii_end().to_ascii_lowercase();
        if name.is_empty()
            || script
                .stmt(id)
                .redirects()
                .iter()
                .any(|r| r.target.is_some())
        {
            continue;
        }
        // The tests that follow the prompt, comments between them skipped.
        let mut steps: Vec<Step> = Vec::new();
        let mut last_if = id;
        let mut j = k + 1;
        while let Some(&next) = top.get(j) {
            match &script.stmt(next).kind {
                StmtKind::Comment(_) => {}
                // A separator shown after the answer (`echo -----`), before the tests.
                StmtKind::Echo(_)
                    if steps.is_empty() && script.stmt(next).redirects().is_empty() => {}
                StmtKind::If(_) => match ladder_step(ctx, next, &name) {
                    Some(step) => {
                        steps.push(step);
                        last_if = next;
                    }
                    None => break,
                },
                _ => break,
            }
            j += 1;
        }
        // Range tests from both sides (`lss 5` and `geq 5`) may leave no answer over.
        let below = steps
            .iter()
            .any(|s| matches!(s.op, CmpOp::Lss | CmpOp::Leq));
        let above = steps
            .iter()
            .any(|s| matches!(s.op, CmpOp::Gtr | CmpOp::Geq));
        if steps.len() < 2 || (below && above) {
            continue;
        }
        let Some(&landing) = top.get(j) else { continue };
        let StmtKind::Label(l) = &script.stmt(landing).kind else {
            continue;
        };
        let key = src.slice(l.name).to_ascii_lowercase();
        let Some(value) = steps.iter().find(|s| s.target == key).map(|s| &s.value) else {
            continue;
        };
        // `Y/n`: the capital marks the answer Enter picks, on purpose.
        if let Some(v) = single_letter(value) {
            // The question is the prompt, or the echo just above it.
            let above = k
                .checked_sub(1)
                .and_then(|p| match &script.stmt(top[p]).kind {
                    StmtKind::Echo(e) => Some(e.text),
                    _ => None,
                });
            if [set.value, above]
                .into_iter()
                .flatten()
                .any(|t| marked_default(src.slice(t), v))
            {
                continue;
            }
        }
        // A default given before the prompt: Enter picks that option on purpose.
        // The assignments by name, built once per file (a look-up per prompt, not a scan).
        let by_name = by_name.get_or_insert_with(|| {
            let mut m: ByName = Default::default();
            for &(n, v) in ctx.assignments() {
                m.entry(src.slice(n).trim_ascii_end().to_ascii_lowercase())
                    .or_default()
                    .push((n.start(), v));
            }
            m
        });
        let preset = by_name.get(&name).and_then(|list| {
            let before = list.partition_point(|&(at, _)| at < name_span.start());
            before.checked_sub(1).map(|i| list[i].1)
        });
        if let Some(v) = preset {
            let v: Vec<u8> = src
                .slice(v)
                .iter()
                .filter(|&&c| c != b'"')
                .map(u8::to_ascii_lowercase)
                .collect();
            // IF skips delimiters around an operand: `set c==1` (a typo for `set c=1`)
            // gives `if =1==1`, read as `1==1`.
            let start = v.iter().position(|&c| !is_delim(c)).unwrap_or(v.len());
            let end = v
                .iter()
                .rposition(|&c| !is_delim(c))
                .map_or(start, |e| e + 1);
            if v[start..end.max(start)] == **value {
                continue;
            }
        }
        // The script's closing section (`:end`, `:exit`, `:quit`): every other answer ends
        // the script there on purpose, with whatever clean-up it does.
        if ends_the_script(&key) {
            continue;
        }
        if names_default(ctx, top, k, value) || !option_does_work(ctx, top, j) || !ctx.runs(id) {
            continue;
        }
        let label = String::from_utf8_lossy(src.slice(l.name)).into_owned();
        // One finding per file (a game or a toolbox repeats the same menu shape many
        // times): the other menus are related places.
        if once.absorb(
            out,
            script.stmt(last_if).span,
            format!("falls through into `:{label}` too"),
        ) {
            continue;
        }
        let shown = snippet(src, name_span, 30, false);
        let tests = script.stmt(last_if).span;
        let how = if steps.iter().all(|s| s.guarded) {
            "a typo, or Enter"
        } else {
            "a typo, or an option not offered"
        };
        out.push(
            RULE.diag(
                Span::new(tests.start(), tests.end()),
                format!(
                    "no jump after the last test of `{shown}`: an answer none of the tests \
                     matches ({how}) goes on into `:{label}`, and that option runs \
                     without being chosen"
                ),
            )
            .with_label(format!("no test matched: falls through into `:{label}`"))
            .with_related(
                script.stmt(landing).span,
                "the option that runs for any other answer",
            )
            .with_help(format!(
                "after the last test, show an error and jump back to the prompt (`echo Unknown \
                 choice.` and `goto` the menu's label), so `:{label}` runs only when chosen"
            )),
        );
    }
    once.finish(out, |n| {
        if n == 1 {
            "one more menu of the file does so".to_string()
        } else {
            format!("{n} more menus of the file do so")
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_labels_are_the_names_of_an_ending_with_a_separator_suffix() {
        for l in [
            "end",
            "exit",
            "quit",
            "ende",
            "fin",
            "end_script",
            "exit1",
            "quit-now",
            "end.x",
        ] {
            assert!(ends_the_script(l.as_bytes()), "{l}");
        }
        for l in [
            "endpoint", "endless", "exitcode", "final", "finder", "quitar", "", "wipe",
        ] {
            assert!(!ends_the_script(l.as_bytes()), "{l}");
        }
    }
}
