//! SMS201 ras-unguarded.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "SMS201",
    name: "ras-unguarded",
    severity: Severity::Warning,
    summary: "An SMS client program can run without a RAS check before it",
    what: "Reports every reachable SMS client-program call site (SMSLS, SNBOOT, SMSBOOT1, \
           SLOWNET/SLWNT*, BOOT32WN, CLICORE, SMSMAN, RUNSMS, SMSRUN16/32, CLI_NT, CLI_DOS, \
           INVWIN32, INVDOS, SETLS* — run directly, through `call`, `start` or `command /c`) \
           that some path reaches without passing a RAS check: a path from the top of the script, \
           or through the scripts of the tree that call it (a called script starts in the \
           RAS states of its callers at their calls; a logon script, or a script nothing in \
           the tree calls, also starts in `unknown`). A call into another script of the tree \
           is not reported at the caller: the callee reports its own client programs once, \
           naming the unguarded path (`alice.bat:9 → SMSLS.BAT:29`). \
           A RAS check is `checkras` (or a program listed in `ras_guards`) followed by \
           `if errorlevel N …` / `if not errorlevel N …` with N ≥ 1; errorlevel ≥ N means the \
           client is on a RAS link. The state of every statement is the set of RAS states it \
           can be reached with (unknown, ras, lan); a call site whose set contains `unknown` \
           is reported. One finding per call site. The severity is error while an upgrade \
           window is open.",
    why: "A client that dials in runs the logon script over the RAS link. SMS then discovers, \
          installs or upgrades the client over that link: a first client install is about \
          14 MB (Q202338) and a service-pack upgrade 8 to 24 MB (Q237543). \"If you have \
          client computers connecting to the network using RAS, you should probably turn off \
          SMS logon scripts for them\" (Q237543). A guard reduces the exposure; it does not \
          remove it, because the client's maintenance cycle can still upgrade from the CAP \
          once connected (Q238780).",
    example: "net use h: \\\\fs1\\home\r\ncall %0\\..\\smsls\r\n",
    fix:
        "net use h: \\\\fs1\\home\r\n%0\\..\\checkras.exe > nul\r\nif errorlevel 1 goto SKIPSMS\r\n\
          call %0\\..\\smsls\r\n:SKIPSMS\r\n",
    sources: &["Q237543", "Q238780", "Q185346", "Q185344", "Q224388"],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let analysis = ctx.sms();
    let severity = ctx.ras_severity(&RULE);
    let facts = &ctx.settings.tree;
    for call in analysis.client_calls(ctx.flow) {
        if !call.state.has_unknown() {
            continue;
        }
        // A call into another script of the tree: that script starts in this call's state
        // and reports its own exposure, once, naming this call in the path.
        if facts.callee(call.inv.stmt).is_some() {
            continue;
        }
        let name = ctx.source.display(call.inv.word.span);
        let line = ctx.source.line_of(call.inv.word.span.start());
        let path = if facts.ras_chain.is_empty() {
            "on some path".to_string()
        } else {
            format!(
                "on the path {} → {}:{line}",
                crate::tree::describe_chain(&facts.ras_chain, facts.ras_chain_cut),
                ctx.path.display()
            )
        };
        let mut d = RULE
            .diag(
                call.inv.word.span,
                format!(
                    "`{name}` runs with no RAS check {path}: a client that dials in runs SMS \
                     client setup over the RAS link and downloads the client or the upgrade \
                     (8-24 MB) over it (Q237543, Q185346)"
                ),
            )
            .with_label(format!(
                "SMS client program reached in state {}",
                call.state.describe()
            ))
            .with_help(
                "run `%0\\..\\checkras.exe > nul` and `if errorlevel 1 goto SKIPSMS` before it, \
             with `:SKIPSMS` after the SMS calls",
            );
        for h in &facts.ras_chain {
            d = d.with_elsewhere(
                h.location(format!("`{}` runs with no RAS check before it", h.at.text)),
            );
        }
        d.severity = severity;
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{run_rules, LintSettings};
    use crate::source::Source;
    use std::path::Path;

    fn run(text: &[u8], window: bool) -> Vec<Diagnostic> {
        let settings = LintSettings {
            upgrade_window: window,
            ..LintSettings::default()
        };
        run_rules(
            Path::new("user.bat"),
            &Source::new(text.to_vec()),
            &settings,
            &[&RULE, &crate::rules::sms202_ras_guard_ineffective::RULE],
        )
    }

    #[test]
    fn severity_rises_in_the_upgrade_window() {
        let text = b"call %0\\..\\smsls\r\ncheckras\r\nif errorlevel 1 goto X\r\n:X\r\nsnboot\r\n";
        let out = run(text, false);
        let got: Vec<_> = out.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            got,
            [("SMS201", Severity::Warning), ("SMS202", Severity::Warning)]
        );
        let out = run(text, true);
        let got: Vec<_> = out.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            got,
            [("SMS201", Severity::Error), ("SMS202", Severity::Error)]
        );
    }

    #[test]
    fn one_finding_per_call_site() {
        let text = b"call smsls\r\ncall smsls\r\nstart snboot\r\nnet use\r\n";
        let out = run(text, false);
        assert_eq!(out.len(), 3);
        assert!(out.iter().all(|d| d.code == "SMS201"));
    }
}
