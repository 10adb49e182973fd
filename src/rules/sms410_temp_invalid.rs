//! SMS410 temp-invalid: TEMP/TMP cleared, or set to an unexpanded %SystemDrive%.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::assignments;
use crate::rules::{Ctx, Rule};
use crate::sms::env;

pub static RULE: Rule = Rule {
    code: "SMS410",
    name: "temp-invalid",
    severity: Severity::Error,
    summary: "TEMP or TMP is cleared before SMS runs, or set to an unexpanded %SystemDrive%",
    what: "Reports `set TEMP=` / `set TMP=` with nothing after `=` placed before an SMS client \
           program the script runs; `set TEMP=…%%…` (a doubled `%`, which leaves a literal \
           `%SystemDrive%` in the value) in a script that runs an SMS client program; and \
           `reg add …Environment /v TEMP|TMP /d …%%…` stored as REG_SZ (the default type), \
           which leaves the variable unexpanded for every program on the machine.",
    why: "Client setup needs a valid TEMP directory. With TEMP unset, upgrading a 16-bit \
          Windows SMS 1.2 client to 2.0 writes System.ini over itself and Windows no longer \
          starts (Q216419); SMSMan fails with \"Load of DLL CliEx32.dll failed ... 126\" \
          (Q224197). TEMP stored as REG_SZ `%SystemDrive%\\temp` is never expanded: \
          `clicore.exe /S` exits with code 1 and the base components are never installed \
          (Q220858).",
    example: "set TEMP=\r\ncall %0\\..\\smsls\r\n",
    fix: "set TEMP=%SystemDrive%\\TEMP\r\ncall %0\\..\\smsls\r\n",
    sources: &[
        "Q216419 (client installation requires a valid TEMP directory)",
        "Q224197 (Cliex32.dll error 126 running Smsman)",
        "Q220858 (CLICORE.EXE exit code 1: TEMP as an unexpanded REG_SZ)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let last_client = ctx
        .sms()
        .invocations
        .iter()
        .rev()
        .find(|i| i.is_client_program())
        .map(|i| i.word.span.start());
    if let Some(last_client) = last_client {
        for (name, value) in assignments(ctx, &[b"temp", b"tmp"]) {
            let var = ctx.source.display(name).to_ascii_uppercase();
            let v = ctx.source.slice(value);
            if v.trim_ascii().is_empty() {
                if value.start() > last_client {
                    continue; // cleared after every SMS program has run
                }
                out.push(
                    RULE.diag(
                        name,
                        format!(
                            "{var} is cleared before SMS client setup runs: with no valid TEMP, \
                             setup fails (Cliex32.dll error 126, Q224197) and a 16-bit Windows \
                             client upgraded from SMS 1.2 loses its System.ini (Q216419)"
                        ),
                    )
                    .with_label(format!("{var} set to nothing"))
                    .with_help(format!(
                        "leave {var} alone, or set it to an existing 8.3 folder, e.g. `set \
                         {var}=C:\\TEMP`"
                    )),
                );
            } else if env::literal_percent_name(v) {
                out.push(
                    RULE.diag(
                        value,
                        format!(
                            "{var} gets a literal `%` (`%%` in a batch file is one `%`): the \
                             variable holds an unexpanded name such as `%SystemDrive%\\temp`, \
                             not a folder, and client setup cannot use it (Q220858)"
                        ),
                    )
                    .with_label("unexpanded variable in TEMP")
                    .with_help(format!(
                        "write single `%` so the value is expanded now: `set \
                         {var}=%SystemDrive%\\TEMP`"
                    )),
                );
            }
        }
    }
    // A REG_SZ `%%name%%` under an Environment key: the text has both.
    if !ctx.mentions(b"environment") || memchr::memmem::find(ctx.source.bytes(), b"%%").is_none() {
        return;
    }
    for w in env::reg_temp_writes(ctx.script, ctx.source) {
        let data = ctx.source.slice(w.data);
        if !w.reg_sz || !env::literal_percent_name(data) {
            continue;
        }
        out.push(
            RULE.diag(
                w.data,
                "TEMP/TMP is stored in the registry as REG_SZ holding `%SystemDrive%`: REG_SZ is \
                 never expanded, so TEMP names no folder and `clicore.exe /S` exits with code 1 \
                 (Q220858)",
            )
            .with_label("unexpanded %SystemDrive% stored as REG_SZ")
            .with_help("store the value with `/t REG_EXPAND_SZ`, or write the expanded path"),
        );
    }
}
