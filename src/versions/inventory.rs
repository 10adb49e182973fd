//! The fleet inventory audit (`smslint audit --inventory FILE.csv`), streamed. The command
//! (`commands/audit.rs`) finds the manifest, applies the settings and writes the report.
//!
//! The inventory is read record by record with the `csv` crate over a byte reader; no row is
//! kept after it is checked. Findings are handed to a sink as they are found, so line-oriented
//! formats (`concise`, `csv`, `github`) are written while the file is read and memory does not
//! grow with the row count; the other formats collect the findings (not the rows) first.
//! Findings carry the row's physical line (the header is line 1), found by [`LineTracker`]
//! because the csv crate's own line count does not skip blank lines or CR LF pairs the way a
//! physical line count does. When the record holds no `"`, its fields are its bytes verbatim
//! and a finding's span and columns cover the exact field (the clicore, site or os value,
//! surrounding spaces excluded); otherwise it points at the record's first byte.

use std::collections::{BTreeMap, VecDeque};
use std::io::Read;

use crate::diagnostic::{Diagnostic, Finding};
use crate::progress::Progress;
use crate::rules;
use crate::source::Span;
use crate::versions::sites::{shorten, Manifest};
use crate::versions::version::{self, Clicore, Significance, BOOT32WN_REFUSES};

/// Counts per site for the summary table of the `full` format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SiteStats {
    /// Rows naming the site.
    pub clients: u64,
    /// Clients of the same release as the site (hotfix differences included).
    pub on_release: u64,
    /// Clients significantly behind the site (SMS302).
    pub behind: u64,
    /// Clients significantly ahead of the site (SMS304).
    pub ahead: u64,
    /// Clients on an OS the site does not support (SMS402).
    pub unsupported: u64,
}

/// What an audit found besides the findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditSummary {
    /// Data rows read (blank lines not counted).
    pub rows: u64,
    /// Per manifest site, keyed by the site code as the manifest spells it.
    pub sites: BTreeMap<String, SiteStats>,
    /// Rows naming a site the manifest does not have (one bucket, so memory stays bounded).
    pub unknown_site: SiteStats,
}

/// Why an inventory cannot be audited (a tool failure, exit 2).
#[derive(Debug)]
pub enum AuditError {
    /// A required column is not in the header row.
    MissingColumn(&'static str),
    /// The file has no header row.
    NoHeader,
    Io(std::io::Error),
    Csv(csv::Error),
}

impl std::fmt::Display for AuditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuditError::MissingColumn(c) => write!(
                f,
                "the inventory has no `{c}` column: the header row must name the columns \
                 client, site and clicore (optional: os, link)"
            ),
            AuditError::NoHeader => write!(
                f,
                "the inventory is empty: expected a header row naming the columns client, site \
                 and clicore"
            ),
            AuditError::Io(e) => write!(f, "cannot read the inventory: {e}"),
            AuditError::Csv(e) => write!(f, "cannot read the inventory: {e}"),
        }
    }
}

impl std::error::Error for AuditError {}

/// Where a record starts in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowStart {
    /// Byte offset of the record's first byte.
    pub offset: u64,
    /// Its 1-based physical line (lines end at LF).
    pub line: u64,
    /// Byte offset of that physical line's first byte.
    pub line_start: u64,
    /// The record's first line holds a `"`. A record without one is on one line and its fields
    /// are its bytes verbatim, so their columns are known exactly.
    pub quoted: bool,
}

/// A reader wrapper that remembers where lines with content start, so a record's physical
/// line can be found from the byte offset where the csv reader began reading it. Memory is
/// bounded by the csv reader's read-ahead plus one record.
pub struct LineTracker<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// 1-based line of the next byte.
    line: u64,
    /// Offset of the first byte of the current physical line.
    line_start: u64,
    /// The previous byte was CR or LF (true at the start).
    after_break: bool,
    /// Bytes that are not CR/LF and follow CR, LF or the file start.
    starts: VecDeque<RowStart>,
}

impl<R: Read> LineTracker<R> {
    pub fn new(inner: R) -> Self {
        LineTracker {
            inner,
            offset: 0,
            line: 1,
            line_start: 0,
            after_break: true,
            starts: VecDeque::new(),
        }
    }

    /// The physical line of a record the csv reader started reading at byte `from`: the line
    /// of the first content byte at or after `from` (the reader skips blank lines and the LF of
    /// a CR LF pair before a record).
    pub fn line_of_record(&mut self, from: u64) -> u64 {
        self.record_at(from).line
    }

    /// Where the record the csv reader started reading at byte `from` begins.
    pub fn record_at(&mut self, from: u64) -> RowStart {
        while let Some(st) = self.starts.front() {
            if st.offset < from {
                self.starts.pop_front();
            } else {
                break;
            }
        }
        self.starts.front().copied().unwrap_or(RowStart {
            offset: from,
            line: self.line,
            line_start: self.line_start,
            quoted: true,
        })
    }
}

impl<R: Read> Read for LineTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            match b {
                b'\n' => {
                    self.line += 1;
                    self.line_start = self.offset + 1;
                    self.after_break = true;
                }
                b'\r' => self.after_break = true,
                _ => {
                    if self.after_break {
                        self.starts.push_back(RowStart {
                            offset: self.offset,
                            line: self.line,
                            line_start: self.line_start,
                            quoted: false,
                        });
                    }
                    self.after_break = false;
                    if b == b'"' {
                        if let Some(last) = self.starts.back_mut() {
                            last.quoted = true;
                        }
                    }
                }
            }
            self.offset += 1;
        }
        Ok(n)
    }
}

/// Columns of the inventory, by index.
struct Columns {
    client: usize,
    site: usize,
    clicore: usize,
    os: Option<usize>,
    link: Option<usize>,
    /// `temp`, `path`, `smsid`, `ts` (issue 10).
    env: crate::versions::client_env::EnvColumns,
}

fn find_columns(headers: &csv::ByteRecord) -> Result<Columns, AuditError> {
    let find = |name: &str| crate::versions::client_env::header_index(headers, name);
    Ok(Columns {
        client: find("client").ok_or(AuditError::MissingColumn("client"))?,
        site: find("site").ok_or(AuditError::MissingColumn("site"))?,
        clicore: find("clicore").ok_or(AuditError::MissingColumn("clicore"))?,
        os: find("os"),
        link: find("link"),
        env: crate::versions::client_env::EnvColumns::find(headers),
    })
}

fn field(rec: &csv::ByteRecord, i: usize) -> &[u8] {
    rec.get(i).unwrap_or(b"").trim_ascii()
}

/// A field for a message: lossy UTF-8, control characters (a CR LF inside a quoted field)
/// shown as spaces, shortened.
fn text(b: &[u8]) -> String {
    let mut s = String::new();
    let mut in_control = false;
    for c in String::from_utf8_lossy(&b[..b.len().min(1024)]).chars() {
        if c.is_control() {
            if !in_control {
                s.push(' ');
            }
            in_control = true;
        } else {
            s.push(c);
            in_control = false;
        }
    }
    let mut t = shorten(&s);
    if b.len() > 1024 && !t.ends_with('…') {
        t.push('…');
    }
    t
}

/// How an OS value fares at a site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OsSupport {
    Supported,
    /// Never supported by SMS 2.0; the reason.
    Never(&'static str),
    /// Needs the site at this service pack or later; the reason.
    NeedsSp(u16, &'static str),
    Unrecognised,
}

/// Classify an inventory `os` value (case-insensitive prefix; a leading `Microsoft ` ignored).
pub fn classify_os(os: &str) -> OsSupport {
    let lower = os.trim().to_ascii_lowercase();
    let s = lower
        .strip_prefix("microsoft ")
        .unwrap_or(&lower)
        .trim_start();
    const NEVER: &[(&str, &str)] = &[
        (
            "windows xp home",
            "SMS 2.0 does not support Windows XP Home Edition; SP4 blocks it (Q310499)",
        ),
        (
            "windows xp embedded",
            "SMS 2.0 does not support Windows XP Embedded (Q310614)",
        ),
        (
            "windows xp 64",
            "SMS 2.0 does not support 64-bit Windows XP (Q310614)",
        ),
        (
            "ms-dos",
            "SMS 2.0 has no client for MS-DOS without Windows (upgrade white paper)",
        ),
        (
            "dos",
            "SMS 2.0 has no client for MS-DOS without Windows (upgrade white paper)",
        ),
        (
            "os/2",
            "SMS 2.0 has no client for OS/2 (upgrade white paper)",
        ),
        (
            "mac",
            "SMS 2.0 has no client for the Macintosh (upgrade white paper)",
        ),
    ];
    for (prefix, why) in NEVER {
        if s.starts_with(prefix) {
            return OsSupport::Never(why);
        }
    }
    if s.starts_with("windows me") {
        return OsSupport::NeedsSp(2, "Windows Me is supported from SMS 2.0 SP2 on (Q273804)");
    }
    if s.starts_with("windows xp") {
        return OsSupport::NeedsSp(
            3,
            "Windows XP Professional is supported from SMS 2.0 SP3 on (Q321372)",
        );
    }
    const SUPPORTED: &[&str] = &[
        "windows 3.1",
        "windows for workgroups",
        "windows 95",
        "windows 98",
        "windows nt",
        "windows 2000",
    ];
    if SUPPORTED.iter().any(|p| s.starts_with(p)) {
        OsSupport::Supported
    } else {
        OsSupport::Unrecognised
    }
}

/// An inventory whose header row has been read and checked: the audit can start.
pub struct Inventory<R: Read> {
    rdr: csv::Reader<LineTracker<R>>,
    cols: Columns,
    /// Counts the rows read.
    progress: Option<Progress>,
}

impl<R: Read> Inventory<R> {
    /// Read the header row. Fails when the file is empty or a required column is missing.
    pub fn open(reader: R) -> Result<Self, AuditError> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(64 * 1024)
            .from_reader(LineTracker::new(reader));
        let mut rec = csv::ByteRecord::new();
        if !rdr.read_byte_record(&mut rec).map_err(AuditError::Csv)? {
            return Err(AuditError::NoHeader);
        }
        let cols = find_columns(&rec)?;
        Ok(Inventory {
            rdr,
            cols,
            progress: None,
        })
    }

    /// Count every row read into `progress`.
    pub fn with_progress(mut self, progress: Progress) -> Self {
        self.progress = Some(progress);
        self
    }

    /// Check every row against `manifest`, handing each finding to `sink` as soon as it is
    /// found (rows in file order). No row is kept.
    pub fn audit(
        self,
        manifest: &Manifest,
        policy: Significance,
        sink: &mut dyn FnMut(Finding),
    ) -> Result<AuditSummary, AuditError> {
        let mut findings = self.findings(manifest, policy);
        for f in findings.by_ref() {
            sink(f?);
        }
        Ok(findings.summary)
    }

    /// The audit as an iterator: the findings of each row as it is read (rows in file order,
    /// no row kept); an `Err` (a malformed CSV record) ends it. [`Findings::summary`] holds the
    /// counts of the rows read so far.
    pub fn findings(self, manifest: &Manifest, policy: Significance) -> Findings<'_, R> {
        Findings {
            inv: self,
            manifest,
            policy,
            rec: csv::ByteRecord::new(),
            pending: VecDeque::new(),
            summary: AuditSummary::default(),
            smsids: crate::versions::client_env::SmsIdIndex::default(),
            done: false,
        }
    }
}

/// The findings of an inventory audit, row by row ([`Inventory::findings`]).
pub struct Findings<'m, R: Read> {
    inv: Inventory<R>,
    manifest: &'m Manifest,
    policy: Significance,
    rec: csv::ByteRecord,
    /// The findings of the last row read, not yet handed out.
    pending: VecDeque<Finding>,
    summary: AuditSummary,
    /// The SMS IDs seen so far (SMS415): one hash and one line per distinct ID.
    smsids: crate::versions::client_env::SmsIdIndex,
    done: bool,
}

impl<R: Read> Findings<'_, R> {
    /// The per-site counts of the rows read so far (all rows once the iterator is spent).
    pub fn summary(&self) -> &AuditSummary {
        &self.summary
    }
}

impl<R: Read> Iterator for Findings<'_, R> {
    type Item = Result<Finding, AuditError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(f) = self.pending.pop_front() {
                return Some(Ok(f));
            }
            if self.done {
                return None;
            }
            let from = self.inv.rdr.position().byte();
            match self.inv.rdr.read_byte_record(&mut self.rec) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(AuditError::Csv(e)));
                }
            }
            let rec = &self.rec;
            if rec.iter().all(|f| f.trim_ascii().is_empty()) {
                continue; // a line of spaces or bare commas: nothing to check
            }
            let start = rec.position().map(|p| p.byte()).unwrap_or(from);
            let at = self.inv.rdr.get_mut().record_at(start);
            self.summary.rows += 1;
            if let Some(p) = &self.inv.progress {
                p.add(1);
            }
            let pending = &mut self.pending;
            check_row(
                rec,
                &self.inv.cols,
                self.manifest,
                self.policy,
                at,
                &mut self.summary,
                &mut self.smsids,
                &mut |f| pending.push_back(f),
            );
        }
    }
}

/// Audit an inventory read from `reader` against `manifest` ([`Inventory::open`] then
/// [`Inventory::audit`]).
pub fn audit_reader<R: Read>(
    reader: R,
    manifest: &Manifest,
    policy: Significance,
    sink: &mut dyn FnMut(Finding),
) -> Result<AuditSummary, AuditError> {
    Inventory::open(reader)?.audit(manifest, policy, sink)
}

/// The index of the field to point at, when its bytes are known exactly (no quotes in the
/// record, the field present).
fn column_index(at: &RowStart, rec: &csv::ByteRecord, field: Option<usize>) -> Option<usize> {
    field.filter(|&i| !at.quoted && i < rec.len())
}

#[allow(clippy::too_many_arguments)]
fn check_row(
    rec: &csv::ByteRecord,
    cols: &Columns,
    manifest: &Manifest,
    policy: Significance,
    at: RowStart,
    summary: &mut AuditSummary,
    smsids: &mut crate::versions::client_env::SmsIdIndex,
    sink: &mut dyn FnMut(Finding),
) {
    use crate::versions::client_env::{self, Column};
    let client_raw = field(rec, cols.client);
    let client = if client_raw.is_empty() {
        "(unnamed client)".to_string()
    } else {
        text(client_raw)
    };
    let site_raw = field(rec, cols.site);
    let clicore_raw = field(rec, cols.clicore);
    let line = at.line as usize;
    let offset = at.offset as usize;
    let col0 = (at.offset - at.line_start) as usize + 1;
    let mut emit_at = |mut d: Diagnostic, column: Column| {
        // The field the finding is about; its exact bytes when the record has no quotes.
        let field_index = match column {
            Column::Clicore => Some(cols.clicore),
            Column::Os => cols.os,
            Column::Link => cols.link,
            Column::Temp => cols.env.temp,
            Column::Path => cols.env.path,
            Column::SmsId => cols.env.smsid,
            Column::Ts => cols.env.ts,
        };
        let field_index = match d.code {
            "SMS305" => Some(cols.site),
            _ => field_index,
        };
        let (mut column, mut end_column) = (col0, col0);
        if let Some(i) = column_index(&at, rec, field_index) {
            let before: usize = (0..i).map(|j| rec.get(j).map_or(0, <[u8]>::len) + 1).sum();
            let raw = rec.get(i).unwrap_or(b"");
            let lead = raw.len() - raw.trim_ascii_start().len();
            let len = raw.trim_ascii().len();
            let start = offset + before + lead;
            d.span = Span::new(start, start + len);
            column = col0 + before + lead;
            end_column = column + len;
        }
        sink(Finding {
            diag: d,
            line,
            column,
            end_line: line,
            end_column,
            fingerprint: None,
        })
    };
    let mut emit = |d: Diagnostic| {
        let column = if d.code == "SMS402" {
            Column::Os
        } else {
            Column::Clicore
        };
        emit_at(d, column)
    };
    let span = Span::empty(offset);

    // The client's version.
    let client_version = match Clicore::parse_bytes(clicore_raw) {
        Err(e) => {
            emit(
                rules::sms301_invalid_version::RULE
                    .diag(
                        span,
                        format!(
                            "client {client}: clicore `{}` is not a version ({e}); the client \
                             cannot be compared with its site's release",
                            text(clicore_raw)
                        ),
                    )
                    .with_label("not a version")
                    .with_help(
                        "export the Clicore version as four numbers, e.g. 2.00.1493.4009; \
                         check the inventory query for a truncated or mistyped value",
                    ),
            );
            None
        }
        Ok(v) => match v.not_clicore() {
            Some(nc) => {
                emit(
                    rules::sms307_not_clicore_version::RULE
                        .diag(
                            span,
                            format!(
                                "client {client}: clicore `{}` is not an SMS 2.0 Clicore \
                                 version: {}; it is not compared with its site",
                                text(clicore_raw),
                                nc.explain()
                            ),
                        )
                        .with_label("not a Clicore version")
                        .with_help(
                            "export the version of Clicore.exe (or the base entry of \
                             Compver.ini), not of another SMS binary",
                        ),
                );
                None
            }
            None => Some(v),
        },
    };

    // The site.
    let site = if site_raw.is_empty() {
        None
    } else {
        manifest.get(&String::from_utf8_lossy(site_raw))
    };
    let stats: &mut SiteStats = match site {
        None => {
            let named = text(site_raw);
            emit(
                rules::sms305_unknown_site::RULE
                    .diag(
                        span,
                        if site_raw.is_empty() {
                            format!(
                                "client {client} names no site: it cannot be checked against a \
                                 site's release"
                            )
                        } else {
                            format!(
                                "client {client} names site `{named}`, which the manifest does \
                                 not define: it cannot be checked against its site's release"
                            )
                        },
                    )
                    .with_label("unknown site")
                    .with_help(
                        "add a [[site]] table with this code and its clicore to smslint.toml, \
                         or correct the row's site",
                    ),
            );
            &mut summary.unknown_site
        }
        Some(s) => summary.sites.entry(s.code.clone()).or_default(),
    };
    stats.clients += 1;
    let site_version = site.and_then(|s| s.clicore);

    // Behind / ahead.
    if let (Some(v), Some(sv), Some(s)) = (client_version, site_version, site) {
        let (rel, order) = version::compare(&v, &sv, policy);
        if rel == version::Relation::Significant && order.is_lt() {
            stats.behind += 1;
            let what = if sv.refuses_significant_upgrades() {
                format!(
                    "the logon script will not upgrade it: at this SP2+ site {}",
                    BOOT32WN_REFUSES
                )
            } else {
                "the site's pre-SP2 logon point pushes the new Clicore at the next logon \
                 (Q236596)"
                    .to_string()
            };
            emit(
                rules::sms302_client_behind_release::RULE
                    .diag(
                        span,
                        format!(
                            "client {client} runs {} ({v}), significantly behind site `{}` ({}, \
                             {sv}): {what}",
                            version::release_label(&v),
                            s.code,
                            version::release_label(&sv)
                        ),
                    )
                    .with_label("client behind its site")
                    .with_help(
                        "let CCIM upgrade the client from a CAP (check it reaches one), or \
                         upgrade it with SMSMan/remote install on the LAN",
                    ),
            );
            let link = cols.link.map(|i| field(rec, i)).unwrap_or(b"");
            if link.eq_ignore_ascii_case(b"ras") {
                emit(
                    rules::sms204_ras_client_pending_upgrade::RULE
                        .diag(
                            span,
                            format!(
                                "RAS client {client} is significantly behind site `{}` ({v} vs \
                                 {sv}): its upgrade (8-24 MB, Q237543) will run over the \
                                 dial-up link",
                                s.code
                            ),
                        )
                        .with_label("RAS client pending upgrade")
                        .with_help(
                            "upgrade the client while it is on the LAN, and keep SMS logon \
                             scripts from RAS clients (CheckRAS guard, Q185346)",
                        ),
                );
            }
        } else if rel == version::Relation::Significant {
            stats.ahead += 1;
            emit(
                rules::sms304_client_ahead_of_site::RULE
                    .diag(
                        span,
                        format!(
                            "client {client} runs {} ({v}), ahead of site `{}` ({}, {sv}): a \
                             mixed installation state; its components stay in Repair Pending \
                             and CCIM finds no CAP with the uplevel version (Q264630)",
                            version::release_label(&v),
                            s.code,
                            version::release_label(&sv)
                        ),
                    )
                    .with_label("client ahead of its site")
                    .with_help(
                        "assign the client to a site of its release, or upgrade the site (with \
                         the SP2 prerequisite hotfixes, Q261931)",
                    ),
            );
        } else {
            stats.on_release += 1;
        }
    }

    // The OS.
    if let Some(i) = cols.os {
        let os_raw = field(rec, i);
        if !os_raw.is_empty() {
            // Prefixes are short: the first 64 bytes decide.
            let os = String::from_utf8_lossy(&os_raw[..os_raw.len().min(64)]);
            let problem = match classify_os(&os) {
                OsSupport::Never(why) => Some(why.to_string()),
                OsSupport::NeedsSp(sp, why) => match site_version {
                    Some(sv) if sv.sp_digit() < sp || sv.is_q240921_anomaly() => Some(format!(
                        "{why}, and site `{}` is at {} ({sv})",
                        site.map(|s| s.code.as_str()).unwrap_or(""),
                        version::release_label(&sv)
                    )),
                    _ => None,
                },
                OsSupport::Supported | OsSupport::Unrecognised => None,
            };
            if let Some(why) = problem {
                stats.unsupported += 1;
                emit(
                    rules::sms402_unsupported_client_os::RULE
                        .diag(
                            span,
                            format!(
                                "client {client} runs `{}`: {why}; the client installation \
                                 fails or the client is not managed",
                                text(os_raw)
                            ),
                        )
                        .with_label("unsupported OS")
                        .with_help(
                            "upgrade the site to the service pack the OS needs, upgrade the \
                             client's OS, or keep the client on a site that supports it",
                        ),
                );
            }
        }
    }

    // The client's environment, identity and dial-up state (issue 10).
    let raw = |i: Option<usize>| i.map(|i| rec.get(i).unwrap_or(b""));
    let env_row = client_env::Row {
        client: &client,
        os: cols.os.map(|i| field(rec, i)).unwrap_or(b""),
        link: cols.link.map(|i| field(rec, i)).unwrap_or(b""),
        clicore: clicore_raw,
        temp_raw: raw(cols.env.temp),
        path_raw: raw(cols.env.path),
        ts: raw(cols.env.ts),
        site_code: site.map(|s| s.code.as_str()),
        site_version,
    };
    for (mut d, column) in client_env::check_row(&env_row) {
        d.span = span;
        emit_at(d, column);
    }
    if let Some(i) = cols.env.smsid {
        let id = field(rec, i);
        if let Some(first) = smsids.see(id, at.line) {
            let mut d = client_env::duplicate_smsid(&client, id, first);
            d.span = span;
            emit_at(d, Column::SmsId);
        }
    }
}

/// The `full` format's summary table per site.
pub fn summary_table(summary: &AuditSummary) -> String {
    use std::fmt::Write;
    let mut rows: Vec<(String, SiteStats)> =
        summary.sites.iter().map(|(k, v)| (k.clone(), *v)).collect();
    if summary.unknown_site.clients > 0 {
        rows.push(("(unknown site)".to_string(), summary.unknown_site));
    }
    let w = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<w$}  {:>8}  {:>10}  {:>8}  {:>8}  {:>11}",
        "site", "clients", "on release", "behind", "ahead", "unsupported"
    );
    for (k, v) in &rows {
        let _ = writeln!(
            s,
            "{:<w$}  {:>8}  {:>10}  {:>8}  {:>8}  {:>11}",
            k, v.clients, v.on_release, v.behind, v.ahead, v.unsupported
        );
    }
    let _ = writeln!(s, "{} rows audited", summary.rows);
    s
}
