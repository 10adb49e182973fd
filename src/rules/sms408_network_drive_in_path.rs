//! SMS408 network-drive-in-path: PATH holds a UNC path or a drive the script maps.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms::env::{self, NetworkEntry};

pub static RULE: Rule = Rule {
    code: "SMS408",
    name: "network-drive-in-path",
    severity: Severity::Warning,
    summary: "PATH is given a \\\\server\\share path or a drive this script maps with NET USE",
    what: "In a logon script, or a script that runs an SMS client program, reports each entry \
           of `path …` / `set PATH=…` that is a literal `\\\\server\\share` path, or that is on \
           a drive letter the script mapped with `net use X: \\\\server\\share` earlier in the \
           file. Entries made of expansions (`%PATH%`, `%0\\..`) are not read.",
    why: "SMS 2.0 client components (Smsapm32, hardware inventory, the NAL's LoadLibrary) \
          search PATH under the local SMSCliToknAcct& account; every network entry makes them \
          connect to the share with that account, which locks it out across the domain and \
          adds network traffic (Q244410, Q239590, Q226368; fixed for CSNW only in SP2).",
    example: "net use p: \\\\fs1\\apps\r\npath %PATH%;P:\\BIN\r\ncall %0\\..\\smsls\r\n",
    fix: "net use p: \\\\fs1\\apps\r\nREM run P:\\BIN tools by full path instead\r\n\
          call %0\\..\\smsls\r\n",
    sources: &[
        "Q244410 (Smsapm32 uses SMSCliToknAcct& to search mapped drives)",
        "Q239590 (account lockouts from network drives in PATH)",
        "Q226368 (NAL LoadLibrary over PATH)",
    ],
    check: Some(check),
    opt_in: None,
};

/// The script is one the SMS client environment depends on: a logon script, or one that runs
/// an SMS client program.
pub fn sms_script(ctx: &Ctx<'_>) -> bool {
    ctx.settings.logon_script || ctx.sms().invocations.iter().any(|i| i.is_client_program())
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !sms_script(ctx) {
        return;
    }
    let drives = ctx.mapped_drives();
    for setting in env::path_settings(ctx.script, ctx.source) {
        let mapped = env::mapped_before(drives, setting.value.start());
        for entry in env::path_entries(ctx.source, setting.value) {
            let Some(kind) = env::network_entry(ctx.source.slice(entry), &mapped) else {
                continue;
            };
            let shown = ctx.source.display(entry);
            let (what, label) = match kind {
                NetworkEntry::Unc => (
                    format!("PATH holds the share `{shown}`"),
                    "network share in PATH".to_string(),
                ),
                NetworkEntry::MappedDrive(l) => (
                    format!(
                        "PATH holds `{shown}`, on drive {}: which this script maps to a share",
                        l as char
                    ),
                    format!("drive {}: is a network drive", l as char),
                ),
            };
            let mut d = RULE
                .diag(
                    entry,
                    format!(
                        "{what}: SMS client components search PATH with the local \
                         SMSCliToknAcct& account and lock it out on the server (Q244410, \
                         Q239590)"
                    ),
                )
                .with_label(label)
                .with_help(
                    "keep network locations out of PATH: run those tools by full path, or copy \
                     them to a local folder",
                );
            if let NetworkEntry::MappedDrive(l) = kind {
                if let Some(m) = drives
                    .iter()
                    .rev()
                    .find(|m| m.letter == l && m.span.start() < entry.start())
                {
                    d = d.with_related(m.span, "mapped to a share here");
                }
            }
            out.push(d);
        }
    }
}
