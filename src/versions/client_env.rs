//! The inventory checks of a client's environment and identity (issue 10): the optional
//! columns `temp`, `path`, `smsid` and `ts`, and the dial-up rows the KB names.
//!
//! Each check reads one row's fields and returns findings with the column they are about; the
//! audit places them. Duplicate SMS IDs need memory across rows: [`SmsIdIndex`] keeps one
//! 64-bit hash and one line number per distinct ID (about 16 bytes in a hash table, so 1M
//! rows stay near 40 MB), never the rows.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::diagnostic::Diagnostic;
use crate::rules;
use crate::source::Span;
use crate::versions::version::{self, Clicore};

/// The optional columns read here, by index.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EnvColumns {
    pub temp: Option<usize>,
    pub path: Option<usize>,
    pub smsid: Option<usize>,
    pub ts: Option<usize>,
}

/// The index of the column named `name` in a header row (any case, surrounding spaces and a
/// BOM ignored).
pub fn header_index(headers: &csv::ByteRecord, name: &str) -> Option<usize> {
    headers.iter().position(|h| {
        let h = String::from_utf8_lossy(h);
        h.trim()
            .trim_start_matches('\u{feff}')
            .eq_ignore_ascii_case(name)
    })
}

impl EnvColumns {
    /// Find the columns by header name ([`header_index`]).
    pub fn find(headers: &csv::ByteRecord) -> EnvColumns {
        let find = |name: &str| header_index(headers, name);
        EnvColumns {
            temp: find("temp"),
            path: find("path"),
            smsid: find("smsid"),
            ts: find("ts"),
        }
    }
}

/// Which column a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Temp,
    Path,
    SmsId,
    Ts,
    Os,
    Link,
    Clicore,
}

/// The row fields the checks read (trimmed, except `temp_raw`/`path_raw`, which keep the
/// spaces a quoted or unquoted field carries).
pub struct Row<'a> {
    pub client: &'a str,
    pub os: &'a [u8],
    pub link: &'a [u8],
    pub clicore: &'a [u8],
    pub temp_raw: Option<&'a [u8]>,
    pub path_raw: Option<&'a [u8]>,
    pub ts: Option<&'a [u8]>,
    /// The client's site version, when the site is known and has one.
    pub site_code: Option<&'a str>,
    pub site_version: Option<Clicore>,
}

fn text(b: &[u8]) -> String {
    crate::versions::sites::shorten(&String::from_utf8_lossy(&b[..b.len().min(256)]))
}

fn lower_prefix(b: &[u8], n: usize) -> String {
    String::from_utf8_lossy(&b[..b.len().min(n)]).to_ascii_lowercase()
}

/// Every finding of the row's environment columns and dial-up state, with its column.
pub fn check_row(row: &Row<'_>) -> Vec<(Diagnostic, Column)> {
    let mut out = Vec::new();
    let span = Span::empty(0);
    let client = row.client;

    // TEMP (Q216419, Q224197, Q220858, Q268586, Q288883).
    if let Some(raw) = row.temp_raw {
        let v = raw.trim_ascii();
        if v.is_empty() {
            out.push((
                rules::sms410_temp_invalid::RULE
                    .diag(
                        span,
                        format!(
                            "client {client} has no TEMP: SMS client setup fails (Cliex32.dll \
                             error 126, Q224197), and a 16-bit Windows client upgraded from SMS \
                             1.2 loses its System.ini (Q216419)"
                        ),
                    )
                    .with_label("TEMP unset")
                    .with_help(
                        "set TEMP (and TMP) on the client to an existing 8.3 folder, e.g. C:\\TEMP",
                    ),
                Column::Temp,
            ));
        } else if v.contains(&b'%') {
            out.push((
                rules::sms410_temp_invalid::RULE
                    .diag(
                        span,
                        format!(
                            "client {client} has TEMP `{}`, an unexpanded variable: the value \
                             names no folder and `clicore.exe /S` exits with code 1 (Q220858)",
                            text(v)
                        ),
                    )
                    .with_label("unexpanded TEMP")
                    .with_help("store TEMP as REG_EXPAND_SZ, or as the expanded path"),
                Column::Temp,
            ));
        } else if raw.trim_ascii_start().ends_with(b" ") || raw.trim_ascii_start().ends_with(b"\t")
        {
            out.push((
                rules::sms406_temp_path_space::RULE
                    .diag(
                        span,
                        format!(
                            "client {client} has TEMP `{}` ending with a space: SMSBOOT1 writes \
                             a broken SMSBOOT1.INI and installation stops with \"No server \
                             path specified\" (Q288883)",
                            text(v)
                        ),
                    )
                    .with_label("trailing space in TEMP")
                    .with_help("remove the space after the TEMP value (AUTOEXEC.BAT `Set Temp=` line or the system environment)"),
                Column::Temp,
            ));
        } else if v.contains(&b' ') {
            out.push((
                rules::sms406_temp_path_space::RULE
                    .diag(
                        span,
                        format!(
                            "client {client} has TEMP `{}` with a space: the SLOWNET section of \
                             the SMS logon script fails and the client is not installed \
                             (Q268586)",
                            text(v)
                        ),
                    )
                    .with_label("space in TEMP")
                    .with_help("set TEMP to a path without spaces (an 8.3 name)"),
                Column::Temp,
            ));
        }
    }

    // PATH (Q244410, Q239590; Q238144).
    if let Some(raw) = row.path_raw {
        let v = raw.trim_ascii();
        let unc = v
            .split(|&b| b == b';')
            .map(|e| e.trim_ascii())
            .map(|e| e.strip_prefix(b"\"").unwrap_or(e))
            .find(|e| e.starts_with(b"\\\\") && e.len() > 2 && e[2] != b'?' && e[2] != b'.');
        if let Some(e) = unc {
            out.push((
                rules::sms408_network_drive_in_path::RULE
                    .diag(
                        span,
                        format!(
                            "client {client} has the share `{}` in PATH: SMS client components \
                             search PATH with the local SMSCliToknAcct& account and lock it out \
                             on the server (Q244410, Q239590)",
                            text(e)
                        ),
                    )
                    .with_label("network share in PATH")
                    .with_help("take network locations out of the client's PATH"),
                Column::Path,
            ));
        } else if !v.is_empty()
            && (raw.trim_ascii_start().ends_with(b" ") || raw.trim_ascii_start().ends_with(b"\t"))
        {
            out.push((
                rules::sms406_temp_path_space::RULE
                    .diag(
                        span,
                        format!(
                            "client {client} has a PATH ending with a space: SMS 2.0 client \
                             installation before SP2 appends `;C:\\Windows\\system\\wbem` after \
                             it and the PATH becomes invalid (Q238144)"
                        ),
                    )
                    .with_label("trailing space in PATH")
                    .with_help("remove the space at the end of the client's PATH line"),
                Column::Path,
            ));
        }
    }

    // Terminal Services (Q308705, Q302579, Q309437).
    let os_lower = lower_prefix(row.os, 128);
    let ts_flag = row.ts.is_some_and(|t| {
        let t = t.trim_ascii();
        ["true", "yes", "y", "1"]
            .iter()
            .any(|w| t.eq_ignore_ascii_case(w.as_bytes()))
    });
    let ts_os = os_lower.contains("terminal server");
    if ts_flag || ts_os {
        out.push((
            rules::sms416_terminal_services_client::RULE
                .diag(
                    span,
                    format!(
                        "client {client} runs Terminal Services{}: logon-script installation \
                         hangs after Boot32wn starts, inside a Terminal Services session it \
                         quits silently, and on NT 4.0 TSE the components stay Repair Pending \
                         (Q308705, Q302579, Q309437)",
                        if ts_os {
                            format!(" (`{}`)", text(row.os))
                        } else {
                            String::new()
                        }
                    ),
                )
                .with_label("Terminal Services client")
                .with_help(
                    "install this client with SMSMan at the console or by remote client \
                     installation (after `change user /install`), not from the logon script",
                ),
            if ts_os { Column::Os } else { Column::Ts },
        ));
    }

    // Dial-up clients.
    let ras = row.link.trim_ascii().eq_ignore_ascii_case(b"ras");
    if ras {
        let os = os_lower
            .strip_prefix("microsoft ")
            .unwrap_or(&os_lower)
            .trim_start()
            .to_string();
        let w2k_xp = os.starts_with("windows 2000") || os.starts_with("windows xp");
        if w2k_xp && row.clicore.trim_ascii().is_empty() {
            out.push((
                rules::sms206_ras_client_not_installed::RULE
                    .diag(
                        span,
                        format!(
                            "dial-up client {client} (`{}`) has no SMS client yet: the Windows \
                             2000/XP dial-up adapter's 255.255.255.255 mask makes its subnet its \
                             own address, site assignment fails and installation hangs after \
                             Slownet (Q235797)",
                            text(row.os)
                        ),
                    )
                    .with_label("dial-up client not installed")
                    .with_help(
                        "install the client while the computer is on the LAN, then turn on \
                         travelling mode (`clitravl /TRAVEL=ON`)",
                    ),
                Column::Link,
            ));
        }
        if os.starts_with("windows nt 3.51") {
            out.push((
                rules::sms208_ras_nt351_client::RULE
                    .diag(
                        span,
                        format!(
                            "dial-up client {client} runs `{}`: SMS 2.0 does not support \
                             Windows NT 3.51 over RAS; the logon script must keep SMS from it \
                             with CheckRAS (Q224388)",
                            text(row.os)
                        ),
                    )
                    .with_label("NT 3.51 over RAS")
                    .with_help(
                        "guard the logon script with CheckRAS (`if errorlevel 1 goto SKIPSMS`), \
                         and manage the client only while it is on the LAN",
                    ),
                Column::Os,
            ));
        }
        let win9x = os.starts_with("windows 95") || os.starts_with("windows 98");
        if let (true, Some(sv)) = (win9x, row.site_version) {
            if sv.sp_digit() < 2 || sv.is_q240921_anomaly() {
                out.push((
                    rules::sms207_ras_timezone_recopy::RULE
                        .diag(
                            span,
                            format!(
                                "dial-up Windows 9x client {client} at site `{}` ({}, {sv}): a \
                                 time-zone change makes the client copy Clicore.exe (about \
                                 3 MB), Slwnt32 and Smsboot1 again over the dial-up link \
                                 (Q251164)",
                                row.site_code.unwrap_or(""),
                                version::release_label(&sv)
                            ),
                        )
                        .with_label("pre-SP2 site, dial-up Windows 9x client")
                        .with_help(
                            "upgrade the site to SP2 or later, or keep SMS logon scripts from \
                             dial-up clients (CheckRAS guard, Q185346)",
                        ),
                    Column::Link,
                ));
            }
        }
    }
    out
}

/// The SMS unique IDs seen so far: one 64-bit hash and the first line per distinct ID.
#[derive(Debug, Default)]
pub struct SmsIdIndex {
    first: HashMap<u64, u64>,
}

impl SmsIdIndex {
    /// Record `id` (trimmed, compared case-insensitively) seen at `line`; the line of its first
    /// occurrence when it was seen before. Empty IDs are not recorded.
    pub fn see(&mut self, id: &[u8], line: u64) -> Option<u64> {
        let id = id.trim_ascii();
        if id.is_empty() {
            return None;
        }
        // SipHash with fixed keys: deterministic across runs.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for b in id {
            b.to_ascii_uppercase().hash(&mut h);
        }
        let key = h.finish();
        match self.first.get(&key) {
            Some(&l) => Some(l),
            None => {
                self.first.insert(key, line);
                None
            }
        }
    }
}

/// SMS415 for a row whose SMS ID was first seen at `first_line`.
pub fn duplicate_smsid(client: &str, id: &[u8], first_line: u64) -> Diagnostic {
    rules::sms415_duplicate_smsid::RULE
        .diag(
            Span::empty(0),
            format!(
                "client {client} has SMS ID `{}`, already used by the client on line \
                 {first_line}: both report as one computer; inventory mixes, advertisements \
                 reach the wrong client and the site server works hard reconciling them \
                 (Q254735)",
                text(id.trim_ascii())
            ),
        )
        .with_label("duplicate SMS ID")
        .with_help(
            "give the client a new ID: delete SMS.INI/SMSCFG.INI and reinstall the client \
             (clone images only after removing them, Q254735)",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smsid_index_finds_repeats_case_insensitively() {
        let mut ix = SmsIdIndex::default();
        assert_eq!(ix.see(b"GUID:ABC", 2), None);
        assert_eq!(ix.see(b"GUID:DEF", 3), None);
        assert_eq!(ix.see(b" guid:abc ", 4), Some(2));
        assert_eq!(ix.see(b"", 5), None);
        assert_eq!(ix.see(b"", 6), None);
    }

    fn row<'a>(os: &'a [u8], link: &'a [u8], clicore: &'a [u8]) -> Row<'a> {
        Row {
            client: "X",
            os,
            link,
            clicore,
            temp_raw: None,
            path_raw: None,
            ts: None,
            site_code: None,
            site_version: None,
        }
    }

    #[test]
    fn dial_up_and_terminal_services() {
        let codes =
            |r: &Row<'_>| -> Vec<&str> { check_row(r).iter().map(|(d, _)| d.code).collect() };
        assert_eq!(
            codes(&row(b"Windows 2000 Professional", b"ras", b"")),
            ["SMS206"]
        );
        assert!(codes(&row(b"Windows 2000 Professional", b"lan", b"")).is_empty());
        assert_eq!(
            codes(&row(b"Windows NT 3.51", b"ras", b"2.00.1493.4009")),
            ["SMS208"]
        );
        assert!(codes(&row(b"Windows NT 3.51", b"lan", b"2.00.1493.4009")).is_empty());
        assert_eq!(
            codes(&row(
                b"Windows NT Server 4.0, Terminal Server Edition",
                b"lan",
                b"2.00.1493.4009"
            )),
            ["SMS416"]
        );
        let mut r = row(b"Windows 98", b"ras", b"2.00.1380.1000");
        r.site_version = Clicore::parse("2.00.1380.1000").ok();
        assert_eq!(codes(&r), ["SMS207"]);
        r.site_version = Clicore::parse("2.00.1493.2009").ok();
        assert!(codes(&r).is_empty());
    }

    #[test]
    fn temp_and_path_columns() {
        let codes = |temp: &[u8], path: &[u8]| -> Vec<&'static str> {
            let mut r = row(b"Windows NT 4.0", b"lan", b"2.00.1493.4009");
            r.temp_raw = Some(temp);
            r.path_raw = Some(path);
            check_row(&r).iter().map(|(d, _)| d.code).collect()
        };
        assert_eq!(codes(b"", b"C:\\WINNT"), ["SMS410"]);
        assert_eq!(codes(b"%SystemDrive%\\temp", b"C:\\WINNT"), ["SMS410"]);
        assert_eq!(codes(b"C:\\Temp ", b"C:\\WINNT"), ["SMS406"]);
        assert_eq!(codes(b"C:\\My Temp", b"C:\\WINNT"), ["SMS406"]);
        assert_eq!(codes(b"C:\\TEMP", b"C:\\WINNT;\\\\fs1\\tools"), ["SMS408"]);
        assert_eq!(codes(b"C:\\TEMP", b"C:\\WINNT "), ["SMS406"]);
        assert!(codes(b"C:\\TEMP", b"C:\\WINNT;C:\\BIN").is_empty());
    }
}
