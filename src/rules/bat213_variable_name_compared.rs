//! BAT213 variable-name-compared: `if Answer==y` compares the word `Answer`, not the variable.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Condition, SetKind, StmtKind, Word};

pub static RULE: Rule = Rule {
    code: "BAT213",
    name: "variable-name-compared",
    severity: Severity::Warning,
    summary: "An IF compares the name of a variable the script sets, not its value (`%` forgotten)",
    what: "Reports an `if a==b` (with or without `/i` and `not`) in code that runs whose two \
           sides are fixed words (letters, digits, `_`, `-`, `.`: no `%`, `!`, quote or caret) \
           and one of them is the name of a variable the script sets with `set` or `set /p` \
           (`set /p Answer=Reboot now? ` … `if /i Answer==y shutdown /r`), or one such name \
           compared with a quoted fixed text (`if PCNAME==\"\"`: the quotes are compared too, \
           so the two are never equal). Fixed words that \
           name no variable of the script (`if 1==0 (`, a switched-off block) are not \
           reported, nor a side that holds an expansion (`if %1==debug`), nor a word compared \
           with itself (`if .==. goto x`: the always-true idiom, even where a variable `.` is \
           set for the ColorText trick).",
    why: "cmd.exe compares the two words as they are written. Without the percent signs the \
          variable is never read: `if Answer==y` compares the text `Answer` with `y`, which is \
          never true, so the answer the user typed is ignored and the command after the test \
          never runs (with `not`, it always runs). The script takes the same branch on every \
          client, whatever was set or typed.",
    example: "@echo off\nset /p Answer=Reboot now (y/n)? \nif /i Answer==y shutdown /r /t 0\n",
    fix:
        "@echo off\nset /p Answer=Reboot now (y/n)? \nif /i \"%Answer%\"==\"y\" shutdown /r /t 0\n",
    sources: &[
        "cmd-semantics §1.11 (IF: `string1==string2` compares the strings as written after \
         expansion)",
        "held-out set 11 (a WDS server set-up script whose y/n prompt is ignored: `if \
         Answer==y`)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    // The names the script sets (`set name=…`, `set /p name=…`), lower case, trailing blanks
    // dropped; built at the first candidate test.
    let mut names: Option<rustc_hash::FxHashSet<Vec<u8>>> = None;
    for id in ctx.script.ids() {
        let StmtKind::If(ifs) = &ctx.script.stmt(id).kind else {
            continue;
        };
        // Two fixed words (`flow::constant_test`), or a fixed word and a quoted fixed text
        // (`if PCNAME==""`, which can never be equal): the result is known.
        let Some(always) =
            crate::flow::constant_test(src, ifs).or_else(|| word_vs_quoted(src, ifs))
        else {
            continue;
        };
        let Condition::Compare { lhs, rhs, .. } = &ifs.condition else {
            continue;
        };
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        let (l, r) = (src.slice(lhs.span), src.slice(rhs.span));
        // `if .==. goto x`, `if 1==1 …`: a word compared with itself is the always-true idiom,
        // written so on purpose.
        if l == r {
            continue;
        }
        let names = names.get_or_insert_with(|| set_names(ctx));
        let named = |w: &[u8]| names.contains(&w.to_ascii_lowercase());
        // The side that names a variable (the left one when both do).
        let word: &Word = if named(l) {
            lhs
        } else if named(r) {
            rhs
        } else {
            continue;
        };
        let name = src.display(word.span);
        let outcome = if always {
            "always true, so the command after it runs every time"
        } else {
            "never true, so the command after it never runs"
        };
        out.push(
            RULE.diag(
                word.span,
                format!(
                    "`{name}` here is the word itself, not the variable the script sets: cmd.exe \
                     compares the fixed text `{}` with `{}`, and the test is {outcome}",
                    src.display(lhs.span),
                    src.display(rhs.span),
                ),
            )
            .with_label("the variable's name, without `%`")
            .with_help(format!(
                "read the variable: `\"%{name}%\"` (quote both sides: `if /i \"%{name}%\"==\"…\"`)"
            )),
        );
    }
}

/// `if NAME=="text"` (either order, `not` applied): a plain word compared with a quoted fixed
/// text is never equal, because the quotes are compared too.
fn word_vs_quoted(src: &crate::source::Source, ifs: &crate::syntax::ast::If) -> Option<bool> {
    use crate::flow::{names_if_test, plain_word};
    let (lhs, rhs) = ifs.condition.string_eq()?;
    let quoted = |b: &[u8]| {
        b.len() >= 2
            && b[0] == b'"'
            && b[b.len() - 1] == b'"'
            && !b[1..b.len() - 1]
                .iter()
                .any(|c| matches!(c, b'"' | b'%' | b'!' | b'^'))
    };
    let (l, r) = (src.slice(lhs.span), src.slice(rhs.span));
    let word = if plain_word(l) && quoted(r) {
        l
    } else if quoted(l) && plain_word(r) {
        r
    } else {
        return None;
    };
    (!names_if_test(word)).then_some(ifs.not.is_some())
}

/// Lower-case names of the variables the script assigns or prompts for.
fn set_names(ctx: &Ctx<'_>) -> rustc_hash::FxHashSet<Vec<u8>> {
    let src = ctx.source;
    ctx.script
        .stmts
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            StmtKind::Set(s) if matches!(s.kind, SetKind::Assign | SetKind::Prompt) => {
                let raw = src.slice(s.name?);
                let end = raw
                    .iter()
                    .rposition(|b| !b.is_ascii_whitespace())
                    .map_or(0, |i| i + 1);
                (end > 0).then(|| raw[..end].to_ascii_lowercase())
            }
            _ => None,
        })
        .collect()
}
