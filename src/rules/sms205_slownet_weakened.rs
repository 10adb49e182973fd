//! SMS205 slownet-weakened.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms;

pub static RULE: Rule = Rule {
    code: "SMS205",
    name: "slownet-weakened",
    severity: Severity::Warning,
    summary: "SLOWNET/SLWNT*/SNBOOT is given a slow-link threshold below the 40,000 bit/s default, or 0 outside a RAS test",
    what: "Reports a numeric threshold argument of SLOWNET, SLWNT16, SLWNT32, SLWNT32A or \
           SNBOOT (`%0\\..\\SNBOOT.exe 1000`) that is below 40000, and a SLOWNET/SLWNT* \
           threshold of 0 whose result is not tested by the next statement (`if [not] \
           errorlevel …`). Threshold 0 followed by that test is the Q224388 RAS test, which \
           the SMS2xx rules read as a RAS check.",
    why: "The SMS 2.0 logon script runs Slownet to skip client installation on links slower \
          than its threshold, 40 kbit/s by default (Q224388). A lower threshold makes clients \
          on fast modems, ISDN and compressed dial-up links install the client (about 14 MB, \
          Q202338) over them. Threshold 0 is the RAS-detection form (\"if RAS is detected, the \
          return code is 0\", Q224388): without an errorlevel test right after it, no link is \
          ever slow and every client installs.",
    example: "%SMS_LOCAL_DIR%\\MS\\SMS\\CORE\\BIN\\Slownet.exe %0 9600\r\nif errorlevel 1 goto END\r\n",
    fix: "%SMS_LOCAL_DIR%\\MS\\SMS\\CORE\\BIN\\Slownet.exe %0\r\nif errorlevel 1 goto END\r\n",
    sources: &["Q224388", "Q202338"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // The statement sequences, at the first threshold 0.
    let mut seq = None;
    for inv in &ctx.sms().invocations {
        // SNBOOT (the server-side bootstrap) takes the threshold too (Q224388's
        // `%0\..\SNBOOT.exe 1000`); its threshold-0 form is no RAS test.
        let snboot = inv.name == "snboot";
        if !snboot && !inv.name.is_one_of(sms::SLOWNET_PROGRAMS) {
            continue;
        }
        for w in inv.args(ctx.script) {
            let text = ctx.source.slice(w.span);
            if text.is_empty() || !text.iter().all(u8::is_ascii_digit) || text.len() > 9 {
                continue;
            }
            let n: u64 = std::str::from_utf8(text)
                .ok()
                .and_then(|t| t.parse().ok())
                .unwrap_or(u64::MAX);
            if n >= 40_000 {
                continue;
            }
            if n == 0 && !snboot {
                let seq = seq.get_or_insert_with(|| sms::sequence_next(ctx.script));
                let tested = sms::next_sibling(ctx.script, seq, inv.stmt)
                    .is_some_and(|s| sms::errorlevel_test(ctx.script.stmt(s)).is_some());
                if tested {
                    continue;
                }
                out.push(
                    RULE.diag(
                        w.span,
                        "slow-link threshold 0 with no errorlevel test after it: no link counts \
                         as slow, so clients on dial-up and other slow links install the SMS \
                         client over them (Q224388)",
                    )
                    .with_label("threshold 0: RAS detection form, result unused")
                    .with_help("drop the threshold (default 40,000 bit/s), or test the result: `if errorlevel 1 goto END`"),
                );
            } else {
                out.push(
                    RULE.diag(
                        w.span,
                        format!(
                            "slow-link threshold {n} bit/s is below the 40,000 bit/s default: \
                             clients on links between {n} and 40,000 bit/s (fast modems, ISDN) \
                             install the SMS client (about 14 MB) over them (Q224388, Q202338)"
                        ),
                    )
                    .with_label("lowered slow-link threshold")
                    .with_help("drop the argument to use the default threshold, or raise it to 40000 or more"),
                );
            }
        }
    }
}
