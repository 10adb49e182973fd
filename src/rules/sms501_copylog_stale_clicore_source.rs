//! SMS501 copylog-stale-clicore-source: Copylog.tcf attributes CLICORE.EXE to the wrong site.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS501",
    name: "copylog-stale-clicore-source",
    severity: Severity::Error,
    summary: "Copylog.tcf attributes X86.BIN\\CLICORE.EXE to a site that does not use the logon point, or not to its newest site",
    what: "For each `[[logon_point]]` of smslint.toml, reads `Config\\Copylog.tcf` in its \
           SMSLOGON copy and reports the `[FILE SOURCE]` line `X86.BIN\\CLICORE.EXE=<code>` (any \
           case) when `<code>` is not a `[[site]]` listing this logon point in `logon_points`, \
           or is one whose `clicore` is of a significantly older release than another site on \
           the logon point. The finding is on the site code of that line.",
    why: "Boot32wn takes the Clicore configuration and CRC values of the site Copylog.tcf names. \
          When that site no longer participates on the logon point, the bootstrap looks for \
          SITES\\<code>\\Cli_inst.cfg, does not find it and cannot continue: no new client in \
          the domain installs (Q263345). An older site that rewrote the line (an SP1 site \
          without Q249077) gives SP1 clients the SP2 Clicore: a mixed installation state \
          (Q264630, Q261931).",
    example: "# smslint.toml\n[[site]]\ncode = \"BBB\"\nclicore = \"2.00.1493.4009\"\n\
              logon_points = [\"DC01\"]\n\n[[logon_point]]\nname = \"DC01\"\n\
              smslogon = \"dc01/smslogon\"\n\n# dc01/smslogon/Config/Copylog.tcf\n\
              [FILE SOURCE]\nX86.BIN\\CLICORE.EXE=AAA\n",
    fix: "# dc01/smslogon/Config/Copylog.tcf\n[FILE SOURCE]\nX86.BIN\\CLICORE.EXE=BBB\n",
    sources: &[
        "Q263345 (client installation prevented if the logon point has changed)",
        "Q264630 (Copylog.tcf shows the wrong site: mixed installation state)",
        "Q261931 (prerequisite hotfixes before SP2)",
    ],
    check: None,
    opt_in: None,
};
