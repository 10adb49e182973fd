//! Logon-point files: a copy of a logon point's SMSLOGON share, named by a `[[logon_point]]`
//! table of smslint.toml, checked against the `[[site]]` manifest (SMS501–SMS505).
//!
//! The share is read as the bootstrap reads it (Q263345, Q313209, Q264976, Q235726): the
//! `[FILE SOURCE]` section of `Config\Copylog.tcf`, the `Sites\<code>` folders, the
//! `Sitescfg\<code>_cfg.lcf` files and `Sitescfg\Senior.lst`. File and folder names compare
//! case-insensitively (an NTFS share); INI text tolerates a UTF-8 BOM, CR LF or LF, blank lines,
//! `;` comments, spaces around `=` and a trailing Ctrl-Z. Findings point at the line of
//! Copylog.tcf or Senior.lst they are about, or at the logon point's `name` in smslint.toml
//! (folders, an absent Copylog.tcf).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules;
use crate::source::{Source, Span};
use crate::versions::sites::{inner_span, site_key, SiteEntry};
use crate::versions::version::{self, Clicore, Significance};

/// One `[[logon_point]]` table: a logon point of the manifest and where a copy of its SMSLOGON
/// share is.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogonPointEntry {
    /// The domain controller, as the sites' `logon_points` name it (any case).
    pub name: Spanned<String>,
    /// The copy of its SMSLOGON share, relative to the smslint.toml's directory.
    pub smslogon: Spanned<String>,
}

/// The findings in one file of a logon point's share.
#[derive(Clone, Debug)]
pub struct FileFindings {
    /// The file (the smslint.toml's directory joined with `smslogon` and the on-disk names).
    pub path: PathBuf,
    pub source: Arc<Source>,
    pub diags: Vec<Diagnostic>,
}

/// Everything the logon points of one smslint.toml gave.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Findings on the smslint.toml itself (folders, an absent Copylog.tcf).
    pub manifest: Vec<Diagnostic>,
    /// Findings in Copylog.tcf and Senior.lst files.
    pub files: Vec<FileFindings>,
    /// Copies that cannot be read (a tool failure, each line naming the path).
    pub errors: Vec<String>,
}

/// A site taking part on one logon point.
#[derive(Clone, Debug)]
struct Member {
    /// The code as the manifest spells it.
    code: String,
    clicore: Option<Clicore>,
}

/// The manifest seen from logon points: per logon point (upper case), its sites; and every
/// site code defined at all.
struct View {
    by_point: BTreeMap<String, Vec<Member>>,
    defined: BTreeSet<String>,
}

impl View {
    fn new(sites: &[SiteEntry]) -> View {
        let mut by_point: BTreeMap<String, Vec<Member>> = BTreeMap::new();
        let mut defined = BTreeSet::new();
        for s in sites {
            let key = site_key(s.code.get_ref());
            if !defined.insert(key.clone()) {
                continue; // the first definition counts (SMS306 reports the others)
            }
            let clicore = Clicore::parse(s.clicore.get_ref())
                .ok()
                .filter(|v| v.not_clicore().is_none());
            let Some(points) = &s.logon_points else {
                continue;
            };
            for p in points.get_ref() {
                let pk = p.get_ref().trim().to_ascii_uppercase();
                if pk.is_empty() {
                    continue;
                }
                let list = by_point.entry(pk).or_default();
                if !list.iter().any(|m| site_key(&m.code) == key) {
                    list.push(Member {
                        code: s.code.get_ref().trim().to_string(),
                        clicore,
                    });
                }
            }
        }
        View { by_point, defined }
    }
}

/// What a site code found in a logon point's files is, for that logon point.
enum Standing<'a> {
    /// A site listing this logon point.
    Member(&'a Member),
    /// A manifest site that does not list this logon point.
    Elsewhere,
    /// No manifest site has this code.
    Unknown,
}

fn standing<'a>(view: &View, members: &'a [Member], code: &str) -> Standing<'a> {
    let key = site_key(code);
    if let Some(m) = members.iter().find(|m| site_key(&m.code) == key) {
        Standing::Member(m)
    } else if view.defined.contains(&key) {
        Standing::Elsewhere
    } else {
        Standing::Unknown
    }
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

/// The entry of `dir` whose name equals `name` in any case (the first in name order).
fn child_ci(dir: &Path, name: &str, want_dir: bool) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().eq_ignore_ascii_case(name))
        .map(|e| e.path())
        .filter(|p| p.is_dir() == want_dir)
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The names in `dir` (sorted), with whether each is a directory.
fn list(dir: &Path) -> Vec<(String, bool)> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, bool)> = rd
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Check every `[[logon_point]]` of one smslint.toml (`toml` its bytes, `dir` its directory).
pub fn check(
    toml: &Source,
    dir: &Path,
    points: &[LogonPointEntry],
    sites: &[SiteEntry],
    policy: Significance,
) -> Report {
    let view = View::new(sites);
    let mut report = Report::default();
    let mut seen = BTreeSet::new();
    for lp in points {
        let name = lp.name.get_ref().trim().to_string();
        let name_span = inner_span(toml, span_of(&lp.name), lp.name.get_ref());
        let share_span = inner_span(toml, span_of(&lp.smslogon), lp.smslogon.get_ref());
        if !seen.insert(name.to_ascii_uppercase()) {
            continue;
        }
        let root = dir.join(lp.smslogon.get_ref());
        if !root.is_dir() {
            report.errors.push(format!(
                "{}: the SMSLOGON copy of logon point {name} is not a directory",
                root.display()
            ));
            continue;
        }
        let empty = Vec::new();
        let members = view
            .by_point
            .get(&name.to_ascii_uppercase())
            .unwrap_or(&empty);
        let ctx = PointCtx {
            name: &name,
            name_span,
            share_span,
            view: &view,
            members,
            policy,
        };
        check_copylog(&ctx, &root, &mut report);
        check_folders(&ctx, &root, &mut report.manifest);
        check_senior(&ctx, &root, &mut report);
    }
    report
}

struct PointCtx<'a> {
    name: &'a str,
    name_span: Span,
    share_span: Span,
    view: &'a View,
    members: &'a [Member],
    policy: Significance,
}

impl PointCtx<'_> {
    fn member_list(&self) -> String {
        if self.members.is_empty() {
            "no site lists it".to_string()
        } else {
            let codes: Vec<&str> = self.members.iter().map(|m| m.code.as_str()).collect();
            format!("its sites are {}", codes.join(", "))
        }
    }

    /// The newest site on this logon point (by Clicore), if any has a version.
    fn newest(&self) -> Option<(&Member, Clicore)> {
        self.members
            .iter()
            .filter_map(|m| m.clicore.map(|v| (m, v)))
            .max_by_key(|(_, v)| *v)
    }
}

// ---------------------------------------------------------------------------------------------
// INI reading
// ---------------------------------------------------------------------------------------------

/// One line of an INI file, by byte spans into its source.
#[derive(Clone, Copy, Debug)]
enum IniLine {
    Section {
        line: Span,
        name: Span,
    },
    Entry {
        line: Span,
        key: Span,
        value: Span,
    },
    /// Neither a section header, an entry, a comment nor blank.
    Bad {
        line: Span,
    },
}

fn trim_span(bytes: &[u8], mut s: Span) -> Span {
    while s.start() < s.end() && matches!(bytes[s.start()], b' ' | b'\t') {
        s.set_start(s.start() + 1);
    }
    while s.end() > s.start() && matches!(bytes[s.end() - 1], b' ' | b'\t' | b'\r') {
        s.set_end(s.end() - 1);
    }
    s
}

/// The meaningful lines of an INI file: a UTF-8 BOM skipped, CR LF or LF, blank lines and `;`
/// comments dropped, reading stopped at a Ctrl-Z.
fn ini_lines(src: &Source) -> Vec<IniLine> {
    let bytes = src.bytes();
    let end = bytes.iter().position(|&b| b == 0x1A).unwrap_or(bytes.len());
    let mut pos = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut out = Vec::new();
    while pos < end {
        let nl = bytes[pos..end]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(end, |i| pos + i);
        let line = trim_span(bytes, Span::new(pos, nl));
        pos = nl + 1;
        let text = &bytes[line.range()];
        if text.is_empty() || text[0] == b';' {
            continue;
        }
        if text[0] == b'[' {
            if let Some(close) = text.iter().position(|&b| b == b']') {
                let name = trim_span(bytes, Span::new(line.start() + 1, line.start() + close));
                out.push(IniLine::Section { line, name });
                continue;
            }
            out.push(IniLine::Bad { line });
            continue;
        }
        match text.iter().position(|&b| b == b'=') {
            Some(eq) => {
                let key = trim_span(bytes, Span::new(line.start(), line.start() + eq));
                let value = trim_span(bytes, Span::new(line.start() + eq + 1, line.end()));
                if key.is_empty() || value.is_empty() {
                    out.push(IniLine::Bad { line });
                } else {
                    out.push(IniLine::Entry { line, key, value });
                }
            }
            None => out.push(IniLine::Bad { line }),
        }
    }
    out
}

/// A key of `[FILE SOURCE]` for comparison: ASCII upper case, `/` read as `\`.
fn norm_key(b: &[u8]) -> String {
    b.iter()
        .map(|&c| {
            if c == b'/' {
                '\\'
            } else {
                c.to_ascii_uppercase() as char
            }
        })
        .collect()
}

/// The bootstrap entries Boot32wn looks up in `[FILE SOURCE]` (Q264976).
const BOOTSTRAP_32: &[&str] = &[
    r"X86.BIN\SMSBOOT1.EXE",
    r"X86.BIN\BOOT32WN.EXE",
    r"X86.BIN\CLICORE.EXE",
    r"X86.BIN\SLWNT32.EXE",
];
/// The 16-bit bootstrap entries, needed once the logon point serves 16-bit clients (any 16-bit
/// client file is listed).
const BOOTSTRAP_16: &[&str] = &[r"X86.BIN\BOOT16WN.EXE", r"X86.BIN\CLICOR16.EXE"];
const FILES_16: &[&str] = &[
    r"X86.BIN\BOOT16WN.EXE",
    r"X86.BIN\CLICOR16.EXE",
    r"X86.BIN\BOOTDWN.EXE",
    r"X86.BIN\SLWNT16.EXE",
    r"X86.BIN\00000409\SMSMAN16.EXE",
    r"X86.BIN\00000409\MANBOOT.EXE",
];
const CLICORE_KEY: &str = r"X86.BIN\CLICORE.EXE";

/// The site code of a `SITES\<code>\…` key: its span.
fn sites_key_code(bytes: &[u8], key: Span) -> Option<Span> {
    let k = &bytes[key.range()];
    if k.len() < 6
        || !k[..6].eq_ignore_ascii_case(b"SITES\\") && !k[..6].eq_ignore_ascii_case(b"SITES/")
    {
        return None;
    }
    let rest = &k[6..];
    let len = rest.iter().position(|&b| b == b'\\' || b == b'/')?;
    (len > 0).then(|| Span::new(key.start() + 6, key.start() + 6 + len))
}

fn read_source(path: &Path, errors: &mut Vec<String>) -> Option<Arc<Source>> {
    match crate::source::read_file(path) {
        Ok(b) => Some(Arc::new(Source::new(b))),
        Err(e) => {
            errors.push(format!("{}: cannot read: {e}", path.display()));
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// SMS501, SMS502, SMS503: Config\Copylog.tcf
// ---------------------------------------------------------------------------------------------

fn check_copylog(ctx: &PointCtx<'_>, root: &Path, report: &mut Report) {
    let name = ctx.name;
    let path = child_ci(root, "Config", true).and_then(|c| child_ci(&c, "Copylog.tcf", false));
    let Some(path) = path else {
        report.manifest.push(
            rules::sms503_copylog_incomplete::RULE
                .diag(
                    ctx.share_span,
                    format!(
                        "logon point {name} has no Config\\Copylog.tcf: Boot32wn finds no \
                         [FILE SOURCE] section and retries every 10 minutes, 7 times, at every \
                         logon; no client installs from it (Q264976)"
                    ),
                )
                .with_label("no Config\\Copylog.tcf in this copy")
                .with_help(
                    "restore Copylog.tcf from a healthy logon point of the same sites, or let \
                     the Logon Server Manager recreate the logon point",
                ),
        );
        return;
    };
    let Some(src) = read_source(&path, &mut report.errors) else {
        return;
    };
    let bytes = src.bytes();
    let lines = ini_lines(&src);
    let mut diags = Vec::new();
    let mut in_section = false;
    let mut header: Option<Span> = None;
    let mut keys: BTreeSet<String> = BTreeSet::new();
    let mut bad: Vec<Span> = Vec::new();
    for l in &lines {
        match *l {
            IniLine::Section { name: n, line } => {
                in_section = bytes[n.range()].eq_ignore_ascii_case(b"FILE SOURCE");
                if in_section && header.is_none() {
                    header = Some(line);
                }
            }
            IniLine::Bad { line } => {
                if in_section {
                    bad.push(line);
                }
            }
            IniLine::Entry { key, value, .. } => {
                if !in_section {
                    continue;
                }
                let nk = norm_key(&bytes[key.range()]);
                keys.insert(nk.clone());
                let code = String::from_utf8_lossy(&bytes[value.range()]).into_owned();
                if nk == CLICORE_KEY {
                    sms501(ctx, &code, value, &mut diags);
                } else {
                    sms502(ctx, bytes, key, value, &code, &mut diags);
                }
            }
        }
    }
    // SMS503.
    let rule = &rules::sms503_copylog_incomplete::RULE;
    match header {
        None => {
            let first = lines
                .first()
                .map(|l| match *l {
                    IniLine::Section { line, .. }
                    | IniLine::Entry { line, .. }
                    | IniLine::Bad { line } => line,
                })
                .unwrap_or(Span::empty(0));
            diags.push(
                rule.diag(
                    first,
                    format!(
                        "Copylog.tcf of logon point {name} has no [FILE SOURCE] section: \
                         Boot32wn logs \"Couldn't find line in the FILE SOURCE section\" and \
                         retries every 10 minutes, 7 times, at every logon (Q264976)"
                    ),
                )
                .with_label("no [FILE SOURCE] section in this file")
                .with_help(
                    "restore Copylog.tcf from a healthy logon point of the same sites, or let \
                     the Logon Server Manager rewrite it",
                ),
            );
        }
        Some(h) => {
            for line in &bad {
                diags.push(
                    rule.diag(
                        *line,
                        format!(
                            "a line of Copylog.tcf [FILE SOURCE] on logon point {name} is not \
                             `file=site`: the section is corrupt, and Boot32wn may not find the \
                             entries it needs (Q264976)"
                        ),
                    )
                    .with_label("not a `file=site` line")
                    .with_help("restore Copylog.tcf from a healthy logon point of the same sites"),
                );
            }
            let mut missing: Vec<&str> = BOOTSTRAP_32
                .iter()
                .copied()
                .filter(|k| !keys.contains(*k))
                .collect();
            if FILES_16.iter().any(|k| keys.contains(*k)) {
                missing.extend(BOOTSTRAP_16.iter().copied().filter(|k| !keys.contains(*k)));
            }
            if !missing.is_empty() {
                let list = missing.join(", ");
                diags.push(
                    rule.diag(
                        h,
                        format!(
                            "Copylog.tcf [FILE SOURCE] on logon point {name} lacks {list}: \
                             Boot32wn logs \"Couldn't find line in the FILE SOURCE section\" \
                             and retries every 10 minutes, 7 times, leaving the client slow for \
                             70 minutes at every logon (Q264976)"
                        ),
                    )
                    .with_label(format!("missing {list}"))
                    .with_help(
                        "restore Copylog.tcf from a healthy logon point of the same sites (every \
                         bootstrap file needs its `x86.bin\\name=<site>` line)",
                    ),
                );
            }
        }
    }
    if !diags.is_empty() {
        report.files.push(FileFindings {
            path,
            source: src,
            diags,
        });
    }
}

fn sms501(ctx: &PointCtx<'_>, code: &str, value: Span, out: &mut Vec<Diagnostic>) {
    let name = ctx.name;
    let rule = &rules::sms501_copylog_stale_clicore_source::RULE;
    const GONE: &str = "the bootstrap looks for that site's SITES\\<code>\\Cli_inst.cfg, cannot \
                        continue, and no new client in the domain installs (Q263345)";
    let (what, consequence) = match standing(ctx.view, ctx.members, code) {
        Standing::Unknown => (
            format!("names site `{code}`, which the manifest does not define"),
            GONE.to_string(),
        ),
        Standing::Elsewhere => (
            format!(
                "names site `{code}`, which does not list logon point {name} ({})",
                ctx.member_list()
            ),
            GONE.to_string(),
        ),
        Standing::Member(m) => match (m.clicore, ctx.newest()) {
            (Some(v), Some((newest, nv)))
                if v < nv && version::significant(&v, &nv, ctx.policy) =>
            {
                (
                    format!(
                        "names site `{code}` ({}, {v}), not the newest site on logon point \
                         {name}, `{}` ({}, {nv})",
                        version::release_label(&v),
                        newest.code,
                        version::release_label(&nv)
                    ),
                    "clients get the Clicore with the older site's configuration and CRC \
                     values and end in a mixed installation state, components in Repair \
                     Pending (Q264630, Q261931)"
                        .to_string(),
                )
            }
            _ => return,
        },
    };
    out.push(
        rule.diag(
            value,
            format!(
                "Copylog.tcf attributes X86.BIN\\CLICORE.EXE to the wrong site: it {what}; \
                 {consequence}"
            ),
        )
        .with_label("stale Clicore source")
        .with_help(match ctx.newest() {
            Some((m, _)) => format!(
                "let the newest site's Logon Server Manager rewrite Copylog.tcf \
                 (X86.BIN\\CLICORE.EXE={}), or correct the manifest",
                m.code
            ),
            None => "let a site that uses this logon point rewrite Copylog.tcf, or correct the \
                     manifest"
                .to_string(),
        }),
    );
}

fn sms502(
    ctx: &PointCtx<'_>,
    bytes: &[u8],
    key: Span,
    value: Span,
    value_code: &str,
    out: &mut Vec<Diagnostic>,
) {
    let name = ctx.name;
    let rule = &rules::sms502_copylog_removed_site::RULE;
    let describe = |code: &str| match standing(ctx.view, ctx.members, code) {
        Standing::Member(_) => None,
        Standing::Elsewhere => Some(format!(
            "site `{code}` does not list logon point {name} ({})",
            ctx.member_list()
        )),
        Standing::Unknown => Some(format!("site `{code}` is not in the manifest")),
    };
    let key_text = String::from_utf8_lossy(&bytes[key.range()]).into_owned();
    let (span, why, label) = if let Some(ks) = sites_key_code(bytes, key) {
        let kc = String::from_utf8_lossy(&bytes[ks.range()]).into_owned();
        match describe(&kc) {
            Some(w) => (ks, w, "site folder of a site not on this logon point"),
            None => match describe(value_code) {
                Some(w) => (
                    value,
                    w,
                    "file attributed to a site not on this logon point",
                ),
                None => return,
            },
        }
    } else {
        match describe(value_code) {
            Some(w) => (
                value,
                w,
                "file attributed to a site not on this logon point",
            ),
            None => return,
        }
    };
    out.push(
        rule.diag(
            span,
            format!(
                "Copylog.tcf entry `{}` points clients at a removed or foreign site: {why}; \
                 clients look to that site to install or upgrade (Q313209)",
                crate::versions::sites::shorten(&key_text)
            ),
        )
        .with_label(label)
        .with_help(
            "delete the SITES\\<code>\\ lines of removed sites and attribute shared files \
             (smsboot1, SMSMAN) to a site that uses this logon point (Q313209)",
        ),
    );
}

// ---------------------------------------------------------------------------------------------
// SMS504: Sites\<code> folders and Sitescfg\<code>_cfg.lcf files
// ---------------------------------------------------------------------------------------------

fn check_folders(ctx: &PointCtx<'_>, root: &Path, out: &mut Vec<Diagnostic>) {
    let name = ctx.name;
    let rule = &rules::sms504_site_folders_mismatch::RULE;
    let sites_dir = child_ci(root, "Sites", true);
    let cfg_dir = child_ci(root, "Sitescfg", true);
    let folders: Vec<String> = sites_dir
        .as_deref()
        .map(list)
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, d)| *d)
        .map(|(n, _)| n)
        .collect();
    let lcfs: Vec<(String, String)> = cfg_dir
        .as_deref()
        .map(list)
        .unwrap_or_default()
        .into_iter()
        .filter(|(n, d)| !*d && n.len() > 8 && n.to_ascii_lowercase().ends_with("_cfg.lcf"))
        .map(|(n, _)| (n[..n.len() - 8].to_string(), n))
        .collect();
    let member_keys: BTreeSet<String> = ctx.members.iter().map(|m| site_key(&m.code)).collect();

    // Orphans: folders and files of sites not on this logon point.
    let mut orphan = |shown: String, code: &str| {
        let mut d = rule
            .diag(
                ctx.name_span,
                format!(
                    "logon point {name} still has {shown} of site `{code}`, which does not use \
                     it ({}): clients try to install to that site (Q259816)",
                    ctx.member_list()
                ),
            )
            .with_label(format!("{shown}: site not on this logon point"))
            .with_help(format!(
                "delete {shown} from the logon point's SMSLOGON share once `{code}` no longer \
                 uses it, or add {name} to that site's logon_points"
            ));
        d.severity = Severity::Warning;
        out.push(d);
    };
    for f in &folders {
        if !member_keys.contains(&site_key(f)) {
            orphan(format!("Sites\\{f}"), f);
        }
    }
    for (code, file) in &lcfs {
        if !member_keys.contains(&site_key(code)) {
            orphan(format!("Sitescfg\\{file}"), code);
        }
    }
    // Missing: sites on this logon point without their folder or file.
    for m in ctx.members {
        let key = site_key(&m.code);
        let mut missing = Vec::new();
        if !folders.iter().any(|f| site_key(f) == key) {
            missing.push(format!("Sites\\{}", m.code));
        }
        if !lcfs.iter().any(|(c, _)| site_key(c) == key) {
            missing.push(format!("Sitescfg\\{}_cfg.lcf", m.code));
        }
        if missing.is_empty() {
            continue;
        }
        let list = missing.join(" and ");
        out.push(
            rule.diag(
                ctx.name_span,
                format!(
                    "logon point {name} lacks {list} of site `{}`, which lists it: clients of \
                     the site find no site configuration there and pre-SP2 clients deinstall \
                     themselves (Q242492)",
                    m.code
                ),
            )
            .with_label(format!("missing {list}"))
            .with_help(format!(
                "let `{}`'s Logon Server Manager recreate the logon point's files, or remove \
                 {name} from the site's logon_points if it no longer uses it",
                m.code
            )),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// SMS505: Sitescfg\Senior.lst
// ---------------------------------------------------------------------------------------------

fn check_senior(ctx: &PointCtx<'_>, root: &Path, report: &mut Report) {
    let name = ctx.name;
    let Some(path) =
        child_ci(root, "Sitescfg", true).and_then(|c| child_ci(&c, "Senior.lst", false))
    else {
        return;
    };
    let Some(src) = read_source(&path, &mut report.errors) else {
        return;
    };
    let bytes = src.bytes();
    let end = bytes.iter().position(|&b| b == 0x1A).unwrap_or(bytes.len());
    let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    // The first line with content.
    let mut pos = start;
    let mut line = Span::empty(start.min(end));
    while pos < end {
        let nl = bytes[pos..end]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(end, |i| pos + i);
        let l = trim_span(bytes, Span::new(pos, nl));
        pos = nl + 1;
        if !l.is_empty() {
            line = l;
            break;
        }
    }
    let text = &bytes[line.range()];
    let shown = String::from_utf8_lossy(text).into_owned();
    let rule = &rules::sms505_senior_lst_invalid::RULE;
    let well_formed = text.len() == 3
        && text
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let problem = if text.is_empty() {
        Some((
            "Senior.lst is empty: the Logon Server Manager finds no senior site code and \
             elects the default senior site (Q235726)"
                .to_string(),
            "no site code",
        ))
    } else if !well_formed {
        let upper_ok = text.len() == 3 && text.iter().all(u8::is_ascii_alphanumeric);
        Some((
            if upper_ok {
                format!(
                    "Senior.lst names `{}` in lower case: the Logon Server Manager compares \
                     site codes case-sensitively and ignores it (Q235726, Q271885)",
                    crate::versions::sites::shorten(&shown)
                )
            } else {
                format!(
                    "Senior.lst holds `{}`, not a three-character site code: the Logon Server \
                     Manager reads its first three characters as the senior site's code \
                     (Q235726)",
                    crate::versions::sites::shorten(&shown)
                )
            },
            "not an upper-case 3-character site code",
        ))
    } else {
        match standing(ctx.view, ctx.members, &shown) {
            Standing::Member(_) => None,
            Standing::Elsewhere => Some((
                format!(
                    "Senior.lst names site `{shown}`, which does not list logon point {name} \
                     ({}): the senior site must take part in logon discovery or installation \
                     on it (Q235726, Q263395)",
                    ctx.member_list()
                ),
                "senior site not on this logon point",
            )),
            Standing::Unknown => Some((
                format!(
                    "Senior.lst names site `{shown}`, which the manifest does not define: the \
                     senior site must take part in logon discovery or installation on logon \
                     point {name} (Q235726, Q263395)"
                ),
                "unknown site",
            )),
        }
    };
    let Some((message, label)) = problem else {
        return;
    };
    let help = match ctx.members.first() {
        Some(m) => format!(
            "write the upper-case code of a site that uses {name} (e.g. `{}`) as the file's \
             first line",
            site_key(&m.code)
        ),
        None => {
            format!("write the upper-case code of a site that uses {name} as the file's first line")
        }
    };
    report.files.push(FileFindings {
        path,
        source: src.clone(),
        diags: vec![rule.diag(line, message).with_label(label).with_help(help)],
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ini_lines_tolerate_bom_crlf_comments_and_ctrl_z() {
        let src = Source::new(
            b"\xEF\xBB\xBF; header\r\n\r\n[FILE SOURCE]\r\n  x86.bin\\a.exe = AAA \r\njunk\r\n\x1a[X]\r\n"
                .to_vec(),
        );
        let lines = ini_lines(&src);
        assert_eq!(lines.len(), 3);
        match lines[1] {
            IniLine::Entry { key, value, .. } => {
                assert_eq!(src.slice(key), b"x86.bin\\a.exe");
                assert_eq!(src.slice(value), b"AAA");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(lines[2], IniLine::Bad { .. }));
    }

    #[test]
    fn sites_keys_give_their_code() {
        let b = b"SITES\\REM\\caplist.ini";
        let s = sites_key_code(b, Span::new(0, b.len())).map(|s| &b[s.range()]);
        assert_eq!(s, Some(&b"REM"[..]));
        assert!(sites_key_code(b"x86.bin\\a", Span::new(0, 9)).is_none());
    }
}
