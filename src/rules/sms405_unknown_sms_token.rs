//! SMS405 unknown-sms-token.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms;

pub static RULE: Rule = Rule {
    code: "SMS405",
    name: "unknown-sms-token",
    severity: Severity::Info,
    summary: "A program name that is not an SMS program but looks like one (`snbatch`, `snsboot`, `smsboot`)",
    what: "Reports a program whose name is one edit away from an SMS client program (SNBOOT, \
           SMSBOOT1, SLWNT32, BOOT32WN, SMSMAN …) in a script that also runs SMS client \
           programs, and the names no SMS release ships that circulate in notes and KB text \
           (`snbatch`, `snsboot`) anywhere.",
    why: "A misspelt bootstrap is not found: the client is never discovered or installed from \
          this script, and nothing says so at logon. `Snsboot` is a misspelling of SNBOOT.EXE \
          in Q310614; `snbatch` is in no SMS release. The SMS 2.0 bootstrap programs in \
          NETLOGON are SNBOOT, SMSBOOT1 and SLWNT16/32/32A (Q285206).",
    example: "%0\\..\\SNSBOOT.EXE %0 /s\r\n",
    fix: "%0\\..\\SNBOOT.EXE %0 /s\r\n",
    sources: &["Q285206", "Q310614", "sms-domain.md §1.3"],
    check: Some(check),
};

const NEVER_SHIPPED: &[&str] = &["snbatch", "snsboot"];

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let invs = sms::invocations(ctx.script, ctx.source);
    let has_sms = invs.iter().any(|i| i.is_client_program());
    for inv in &invs {
        if inv.is_client_program() || inv.name.len() < 5 {
            continue;
        }
        let closest = sms::CLIENT_PROGRAMS
            .iter()
            .filter(|p| p.len() >= 5)
            .map(|p| (sms::edit_distance(&inv.name, p), *p))
            .min();
        let suggestion = match closest {
            Some((1, p)) if has_sms => p,
            Some((d, p)) if NEVER_SHIPPED.contains(&inv.name.as_str()) && d <= 3 => p,
            _ if NEVER_SHIPPED.contains(&inv.name.as_str()) => "snboot",
            _ => continue,
        };
        let name = ctx.source.display(inv.word.span);
        out.push(
            RULE.diag(
                inv.word.span,
                format!(
                    "`{name}` is not an SMS program; the nearest is {}: the command fails with \
                     \"not recognized\" and the client is not discovered or installed from this \
                     script (Q285206)",
                    suggestion.to_ascii_uppercase()
                ),
            )
            .with_label("unknown SMS-like program")
            .with_help(format!("did you mean `{suggestion}`?")),
        );
    }
}
