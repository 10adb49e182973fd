//! BAT102 utf8-bom: the file starts with a UTF-8 byte order mark.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::Span;

pub static RULE: Rule = Rule {
    code: "BAT102",
    name: "utf8-bom",
    severity: Severity::Error,
    summary: "The file starts with a UTF-8 byte order mark",
    what: "Reports a file whose first three bytes are EF BB BF (a UTF-8 BOM, as written by \
           Notepad's \"UTF-8\" and many editors). Reported on line 1.",
    why: "cmd.exe reads batch files in the console's OEM code page and does not skip a BOM: \
          the three bytes become part of the first command. `<BOM>@echo off` is run as the \
          command `∩╗┐@echo`, which fails with \"'∩╗┐@echo' is not recognized as an internal or \
          external command\", and ECHO stays on for the whole script, so every command is \
          shown in the user's logon window. A BOM before a `:label` on line 1 means that label \
          does not exist. COMMAND.COM on Windows 9x behaves the same way.",
    example: "<EF BB BF>@echo off\ncall %0\\..\\smsls\n",
    fix: "@echo off\ncall %0\\..\\smsls\n\n(save the file as ANSI/OEM text, \"UTF-8 without BOM\" only if it is pure ASCII)",
    sources: &[
        "cmd-semantics §1.1 (BuildXL-376, msbuild-4271: \"cmd.exe emits an error when trying to execute a file that starts with a BOM\")",
        "cmd-semantics T57",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.source.facts().utf8_bom {
        return;
    }
    out.push(
        RULE.diag(
            Span::new(0, 3),
            "the file starts with a UTF-8 BOM: cmd.exe runs it as part of the first command \
             (\"'∩╗┐@echo' is not recognized as an internal or external command\") and `@echo off` \
             never takes effect",
        )
        .with_label("UTF-8 byte order mark (EF BB BF)")
        .with_help("save the file without a BOM (ANSI / OEM code page text)")
        .about_whole_file(),
    );
}
