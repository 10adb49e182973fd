//! SMS406 temp-path-space.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::assignments;
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "SMS406",
    name: "temp-path-space",
    severity: Severity::Warning,
    summary: "TEMP or TMP gets a value with a space or a trailing space before SMS runs, or an AUTOEXEC.BAT PATH line ends in a space",
    what: "In a script that runs an SMS client program, or in a client's AUTOEXEC.BAT (a file \
           named `autoexec.bat` or ending so, any case: it runs before every logon script), \
           reports `set TEMP=…` and `set TMP=…` whose value contains a space, including an \
           invisible trailing space (`set TEMP=C:\\Temp `). In AUTOEXEC.BAT it also reports a \
           `PATH …` / `set PATH=…` line that ends in a space or tab. `smslint audit` reports \
           the same for the inventory's optional `temp` and `path` columns.",
    why: "The SMS 2.0 logon script copies Slownet to %TEMP% and SMSBOOT1 writes \
          %TEMP%\\SMSBOOT1.INI. With a space in TEMP the SLOWNET section of SMSLS.BAT fails \
          (Q268586); with a trailing space SMSBOOT1 writes \"C:\\Temp \\Smsboot1.ini\" and \
          the installation stops with \"No server path specified\" (Q288883, where the line is \
          in AUTOEXEC.BAT). The client is never installed. Client installation before SP2 \
          appends `;C:\\Windows\\system\\wbem` to every PATH line of AUTOEXEC.BAT; after a \
          trailing space the PATH becomes invalid (Q238144).",
    example: "set TEMP=C:\\Temp \r\ncall %0\\..\\smsls\r\n",
    fix: "set TEMP=C:\\Temp\r\ncall %0\\..\\smsls\r\n",
    sources: &[
        "Q268586 (a space in TEMP: the client does not install)",
        "Q288883 (extra space after Set Temp in AUTOEXEC.BAT: No server path specified)",
        "Q238144 (client installation corrupts a PATH line ending in a space)",
    ],
    check: Some(check),
    opt_in: None,
};

/// The file is a client's AUTOEXEC.BAT (or a copy named `*autoexec.bat`).
fn is_autoexec(ctx: &Ctx<'_>) -> bool {
    ctx.path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|n| n.ends_with("autoexec.bat"))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let autoexec = is_autoexec(ctx);
    let runs_sms = ctx.sms().invocations.iter().any(|i| i.is_client_program());
    if !runs_sms && !autoexec {
        return;
    }
    if autoexec {
        path_trailing_space(ctx, out);
    }
    for (name, value) in assignments(ctx, &[b"temp", b"tmp"]) {
        let v = ctx.source.slice(value);
        if !v.contains(&b' ') {
            continue;
        }
        let trailing = v.last() == Some(&b' ');
        let var = ctx.source.display(name).to_ascii_uppercase();
        let message = if trailing {
            format!(
                "{var} ends with a space: SMSBOOT1 writes a broken %TEMP%\\SMSBOOT1.INI and \
                 client installation stops with \"No server path specified\" (Q288883)"
            )
        } else {
            format!(
                "{var} contains a space: the SLOWNET section of the SMS logon script fails and \
                 the client is not installed (Q268586)"
            )
        };
        out.push(
            RULE.diag(value, message)
                .with_label(if trailing { "trailing space" } else { "space in the path" })
                .with_help(format!("set {var} to a path without spaces (an 8.3 name), with nothing after it on the line")),
        );
    }
}

/// AUTOEXEC.BAT: a PATH line ending in a space or tab (Q238144).
fn path_trailing_space(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for setting in crate::sms::env::path_settings(ctx.script, ctx.source) {
        let line = ctx
            .source
            .line_span(ctx.source.line_of(setting.value.start()));
        let bytes = ctx.source.slice(line);
        let content = bytes.trim_ascii_end();
        if content.len() == bytes.len() || content.is_empty() {
            continue;
        }
        let blank = crate::source::Span::new(line.start() + content.len(), line.end());
        if !ctx
            .source
            .slice(blank)
            .iter()
            .all(|&b| b == b' ' || b == b'\t')
        {
            continue; // only a CR or other control bytes after the text
        }
        out.push(
            RULE.diag(
                blank,
                "the PATH line ends with a space: SMS 2.0 client installation before SP2 \
                 appends `;C:\\Windows\\system\\wbem` to it, and the PATH becomes invalid \
                 (Q238144)",
            )
            .with_label("trailing space")
            .with_help("remove the spaces at the end of the PATH line"),
        );
    }
}
