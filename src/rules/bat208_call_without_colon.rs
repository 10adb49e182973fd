//! BAT208 call-without-colon: `call name` where `:name` is a label of the script.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{
    cd_targets, def_key, entered_subdirs, first_arg_stages, sibling_exists, snippet,
};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{CallTarget, StmtKind};
use crate::syntax::labels::{key, Profile};

pub static RULE: Rule = Rule {
    code: "BAT208",
    name: "call-without-colon",
    severity: Severity::Warning,
    summary: "`call name` runs a program called `name`, not the subroutine `:name`",
    what: "Reports `call name` (no colon, no path, no extension, no quotes or variables) when the \
           script defines a label `:name` and `name` is not one of cmd.exe's own commands \
           (`call set …` runs SET), unless a file `name.bat`, `name.cmd`, `name.exe` or \
           `name.com` sits beside the script (or in a folder below it that the script enters with \
           `cd`/`pushd` or puts on the PATH before, or a folder of that name the script changes into: `cd GAME` … \
           `call GAME`) or the script names `name.bat`, `name.cmd` or \
           `name.exe` itself (then the external call is what the author meant), or `name` is \
           a word the script's own `%1` dispatch takes (`if \"%1\"==\"app\" goto app`: `call \
           app` runs the script again through its alias on the PATH), or the label \
           line reads as a comment (`: Build the client`: a colon, a blank, then a sentence), \
           or the CALL sits in the section the label opens (`:ZIPA` then `call zipa`: as a \
           subroutine call it would call itself for ever, so the label heads the section that \
           runs the script of that name).",
    why: "Only `call :name` calls a subroutine. Without the colon, CALL looks for a program or \
          batch file called `name` on the PATH and in the current directory: usually cmd.exe \
          prints \"'name' is not recognized as an internal or external command\" and the \
          subroutine never runs; if a file of that name exists, that file runs instead.",
    example: "call cleanup\ngoto :eof\n:cleanup\nnet use z: /delete\ngoto :eof\n",
    fix: "call :cleanup\ngoto :eof\n:cleanup\nnet use z: /delete\ngoto :eof\n",
    sources: &[
        "CALL /? (CALL-help): `CALL :label arguments`",
        "cmd-semantics §1.10 (cmd-call-graph: a target without `:` is an external call)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    if ctx.labels.defs.is_empty() {
        return;
    }
    // The first definition of every label name (cmd.exe's rule), built at the first
    // candidate.
    let mut first_def: Option<HashMap<&[u8], usize>> = None;
    // The program files the text names, gathered at the first candidate.
    let mut named: Option<rustc_hash::FxHashSet<Vec<u8>>> = None;
    // The words the script compares `%1` with, gathered at the first candidate.
    let mut stages: Option<rustc_hash::FxHashSet<Vec<u8>>> = None;
    // The folders below the script's that it enters, gathered at the first candidate.
    let mut entered: Option<Vec<String>> = None;
    // The last folder name of each `cd`/`pushd` target, gathered at the first candidate.
    let mut folders: Option<Vec<Vec<u8>>> = None;
    for stmt in &ctx.script.stmts {
        let StmtKind::Call(c) = &stmt.kind else {
            continue;
        };
        let CallTarget::External { program, .. } = &c.target else {
            continue;
        };
        if program.quoted || program.dynamic {
            continue;
        }
        let name = src.slice(program.span);
        if name.is_empty()
            || name
                .iter()
                .any(|&b| matches!(b, b'\\' | b'/' | b':' | b'.' | b'%' | b'^' | b'!'))
        {
            continue;
        }
        // `call set "x=%%y%%"`: CALL runs cmd.exe's own commands too (a second expansion).
        if std::str::from_utf8(name)
            .is_ok_and(|n| crate::tree::calls::is_internal(&n.to_ascii_lowercase()))
        {
            continue;
        }
        let first_def = first_def.get_or_insert_with(|| {
            let mut m = HashMap::default();
            for (i, d) in ctx.labels.defs.iter().enumerate() {
                m.entry(def_key(d, Profile::Nt)).or_insert(i);
            }
            m
        });
        let Some((i, def)) = first_def
            .get(key(name, Profile::Nt).as_slice())
            .and_then(|&i| ctx.labels.defs.get(i).map(|d| (i, d)))
        else {
            continue;
        };
        // `:ZIPA` then `call zipa` in the section it opens: as a subroutine call it would
        // call itself for ever, so the label is a heading for the sibling script it runs.
        let line = src.line_of(stmt.span.start());
        if def.line < line && ctx.labels.defs.partition_point(|d| d.line <= line) == i + 1 {
            continue;
        }
        // `: Build the client`: a colon, a blank and a sentence is a comment in the `:`
        // style, which cmd.exe happens to read as a label; no subroutine is meant.
        if reads_as_comment(src.bytes(), def.name) {
            continue;
        }
        // `name.bat` / `name.exe` … beside the script: the external call is what runs, and
        // is meant (a toolkit of small scripts on the PATH).
        // The same in a folder below the script's that it enters or puts on the PATH first
        // (`cd /d %~dp0` / `if exist bin (cd bin)` / `call slot check`: `bin\slot.bat`).
        let exts = ["bat", "cmd", "exe", "com"];
        let entered = entered.get_or_insert_with(|| entered_subdirs(ctx));
        let entered: Vec<&str> = entered.iter().map(String::as_str).collect();
        if sibling_exists(ctx, name, &exts, &entered) {
            continue;
        }
        // `cd GAME` … `call GAME`: the program of the folder the script changed into (a
        // DOS-style game menu), wherever that folder is.
        let folders = folders.get_or_insert_with(|| {
            cd_targets(ctx)
                .map(|t| {
                    let t: Vec<u8> = t.iter().copied().filter(|&b| b != b'"').collect();
                    let t = t.strip_suffix(b"\\").unwrap_or(&t);
                    crate::syntax::names::file_name(t).to_ascii_lowercase()
                })
                .collect::<Vec<_>>()
        });
        if folders.iter().any(|f| f.eq_ignore_ascii_case(name)) {
            continue;
        }
        // The script names the program file itself (`set "_CONDABAT=…\condabin\conda.bat"`):
        // it knows the program exists, and calls it.
        let named = named.get_or_insert_with(|| program_files_named(src.bytes()));
        if named.contains(&name.to_ascii_lowercase()) {
            continue;
        }
        // A word the script's own `%1` dispatch takes (`if "%1"=="app" goto app`): `call
        // app` runs the command through its alias or wrapper on the PATH, which starts this
        // script again at that section.
        let stages = stages.get_or_insert_with(|| first_arg_stages(ctx));
        if stages.contains(&name.to_ascii_lowercase()) {
            continue;
        }
        let shown = snippet(src, program.span, 60, false);
        out.push(
            RULE.diag(
                program.span,
                format!(
                    "`call {shown}` looks for a program or batch file named `{shown}`, not the \
                     subroutine `:{shown}` on line {}: cmd.exe prints \"'{shown}' is not \
                     recognized as an internal or external command\" and the subroutine never runs",
                    def.line
                ),
            )
            .with_label("missing `:`")
            .with_related(def.name, "the subroutine")
            .with_help(format!("write `call :{shown}`")),
        );
    }
}

/// The label line is `:`, blanks, the name, then more words (`: Build the client`).
fn reads_as_comment(text: &[u8], name: crate::source::Span) -> bool {
    let before = &text[..name.start()];
    let gap = before
        .iter()
        .rev()
        .take_while(|&&b| matches!(b, b' ' | b'\t'))
        .count();
    let line_end =
        memchr::memchr2(b'\r', b'\n', &text[name.end()..]).map_or(text.len(), |i| name.end() + i);
    gap > 0
        && before.len() > gap
        && before[before.len() - gap - 1] == b':'
        && text[name.end()..line_end]
            .iter()
            .any(|b| b.is_ascii_alphanumeric())
}

/// The stems (lower case) of every `stem.bat`, `stem.cmd` or `stem.exe` the text names (`…\condabin\conda.bat` gives `conda`): one pass over the text.
fn program_files_named(text: &[u8]) -> rustc_hash::FxHashSet<Vec<u8>> {
    let mut out = rustc_hash::FxHashSet::default();
    for dot in memchr::memchr_iter(b'.', text) {
        let Some(ext) = text.get(dot + 1..dot + 4) else {
            continue;
        };
        // (Not `.com`: host names end in it.)
        let known = [b"bat", b"cmd", b"exe"]
            .iter()
            .any(|e| ext.eq_ignore_ascii_case(*e));
        if !known || text.get(dot + 4).is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let start = text[..dot]
            .iter()
            .rposition(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-')))
            .map_or(0, |p| p + 1);
        if start < dot {
            out.insert(text[start..dot].to_ascii_lowercase());
        }
    }
    out
}
