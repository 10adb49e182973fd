//! The site manifest (`[[site]]` tables in smslint.toml) and its checks.

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Diagnostic;
use crate::rules;
use crate::source::{Source, Span};
use crate::versions::version::{self, Clicore, Significance};

/// One `[[site]]` table. Spans point into the smslint.toml bytes, so findings can label the
/// exact value.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteEntry {
    /// Site code, e.g. `A01`.
    pub code: Spanned<String>,
    /// The Clicore/base version the site's logon points supply (checked as a finding, not a
    /// config error, when it does not parse).
    pub clicore: Spanned<String>,
    /// Domain controllers acting as the site's logon points.
    #[serde(default)]
    pub logon_points: Option<Spanned<Vec<Spanned<String>>>>,
}

/// The span of a TOML string value without its quotes, when the bytes there are a plain
/// (escape-free) string whose content is exactly `value`; else the whole value span.
pub fn inner_span(toml: &Source, span: Span, value: &str) -> Span {
    let bytes = toml.slice(span);
    for q in [&b"\"\"\""[..], b"'''", b"\"", b"'"] {
        if bytes.len() >= 2 * q.len() && bytes.starts_with(q) && bytes.ends_with(q) {
            let inner = Span::new(span.start() + q.len(), span.end() - q.len());
            if toml.slice(inner) == value.as_bytes() {
                return inner;
            }
        }
    }
    span
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

/// The key of a site code: site codes compare case-insensitively.
pub fn site_key(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// A manifest read for lookups: the first definition of each site code, with its parsed
/// Clicore (`None` when it does not parse or is not a Clicore version).
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    sites: HashMap<String, ManifestSite>,
}

/// One site of a [`Manifest`].
#[derive(Clone, Debug)]
pub struct ManifestSite {
    pub code: String,
    pub clicore: Option<Clicore>,
}

impl Manifest {
    pub fn new(sites: &[SiteEntry]) -> Self {
        let mut map: HashMap<String, ManifestSite> = HashMap::default();
        for s in sites {
            let parsed = Clicore::parse(s.clicore.get_ref())
                .ok()
                .filter(|v| v.not_clicore().is_none());
            map.entry(site_key(s.code.get_ref()))
                .or_insert(ManifestSite {
                    code: s.code.get_ref().clone(),
                    clicore: parsed,
                });
        }
        Manifest { sites: map }
    }

    pub fn get(&self, code: &str) -> Option<&ManifestSite> {
        self.sites.get(&site_key(code))
    }

    pub fn len(&self) -> usize {
        self.sites.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sites.is_empty()
    }
}

/// Check the manifest of one smslint.toml (`toml` is that file's bytes). Findings carry byte
/// spans into `toml`: SMS301 (a `clicore` that does not parse), SMS307 (a `clicore` that is not
/// a Clicore version), SMS303 (sites of different releases sharing a logon point) and SMS306
/// (a site code defined twice). Findings come in manifest order.
pub fn check_manifest(toml: &Source, sites: &[SiteEntry], policy: Significance) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut parsed: Vec<Option<Clicore>> = Vec::with_capacity(sites.len());
    let mut first_def: HashMap<String, usize> = HashMap::default();

    for (i, site) in sites.iter().enumerate() {
        let code = site.code.get_ref();
        // SMS306: the second (and later) definition of a code.
        let key = site_key(code);
        if let Some(&first) = first_def.get(&key) {
            let first_code = &sites[first].code;
            out.push(
                rules::sms306_duplicate_site::RULE
                    .diag(
                        inner_span(toml, span_of(&site.code), code),
                        format!(
                            "site `{code}` is defined twice; smslint uses the first definition, \
                             so this one's clicore and logon points are ignored when clients \
                             are audited"
                        ),
                    )
                    .with_label("second definition of this site code")
                    .with_related(
                        inner_span(toml, span_of(first_code), first_code.get_ref()),
                        "first defined here",
                    )
                    .with_help(format!(
                        "merge the two [[site]] tables for `{code}` into one, or correct the code"
                    )),
            );
        } else {
            first_def.insert(key, i);
        }

        // SMS310: a code that cannot be a site folder or is not 3 upper-case characters.
        if let Some(why) = site_code_problem(code) {
            out.push(
                rules::sms310_site_code_invalid::RULE
                    .diag(
                        inner_span(toml, span_of(&site.code), code),
                        format!("site code `{}` {why}", shorten(code)),
                    )
                    .with_label("invalid site code")
                    .with_help(
                        "use three upper-case letters or digits that are no device name, e.g. \
                         `C01`; a site code cannot be changed later, so the site is reinstalled",
                    ),
            );
        }

        // SMS301 / SMS307: the clicore value.
        let value = site.clicore.get_ref();
        let vspan = inner_span(toml, span_of(&site.clicore), value);
        match Clicore::parse(value) {
            Err(e) => {
                let label = format!("not a version: {}", e.short());
                out.push(
                    rules::sms301_invalid_version::RULE
                        .diag(
                            vspan,
                            format!(
                                "site `{code}`: clicore `{}` is not a version ({e}); clients of \
                                 this site cannot be compared with it, so behind/ahead clients \
                                 go unreported",
                                shorten(value)
                            ),
                        )
                        .with_label(label)
                        .with_help(
                            "write the Clicore version of the site's logon points as four \
                             numbers, e.g. clicore = \"2.00.1493.4009\" (SMS 2.0 SP4)",
                        ),
                );
                parsed.push(None);
            }
            Ok(v) => {
                if let Some(nc) = v.not_clicore() {
                    out.push(
                        rules::sms307_not_clicore_version::RULE
                            .diag(
                                vspan,
                                format!(
                                    "site `{code}`: clicore `{value}` is not an SMS 2.0 Clicore \
                                     version: {}; clients of this site are not compared with it",
                                    nc.explain()
                                ),
                            )
                            .with_label("not a Clicore version")
                            .with_help(
                                "use the base (Clicore) version from the CAP's Compver.ini, e.g. \
                                 2.00.1493.4009 for SP4",
                            ),
                    );
                    parsed.push(None);
                } else {
                    if v.release_name().is_none() || v.is_sp3_rc9() {
                        out.push(unknown_release(code, value, vspan, &v));
                    }
                    parsed.push(Some(v));
                }
            }
        }
    }

    // SMS303: per logon point, the sites sharing it (first definitions only, in order).
    let mut by_point: Vec<(String, Vec<(usize, Span)>)> = Vec::new();
    let mut point_index: HashMap<String, usize> = HashMap::default();
    for (i, site) in sites.iter().enumerate() {
        if first_def.get(&site_key(site.code.get_ref())) != Some(&i) {
            continue;
        }
        let Some(points) = &site.logon_points else {
            continue;
        };
        for p in points.get_ref() {
            let key = p.get_ref().trim().to_ascii_uppercase();
            if key.is_empty() {
                continue;
            }
            let idx = *point_index.entry(key.clone()).or_insert_with(|| {
                by_point.push((key, Vec::new()));
                by_point.len() - 1
            });
            let list = &mut by_point[idx].1;
            if !list.iter().any(|(s, _)| *s == i) {
                list.push((i, inner_span(toml, span_of(p), p.get_ref())));
            }
        }
    }
    let mut sms303: Vec<(Span, Diagnostic)> = Vec::new();
    for (_, members) in &by_point {
        let valid: Vec<(usize, Span, Clicore)> = members
            .iter()
            .filter_map(|&(i, sp)| parsed[i].map(|v| (i, sp, v)))
            .collect();
        let Some(&(newest_i, newest_span, newest)) = valid.iter().max_by_key(|(_, _, v)| *v) else {
            continue;
        };
        for &(i, span, v) in &valid {
            if v == newest {
                continue;
            }
            let code = sites[i].code.get_ref();
            let newer_code = sites[newest_i].code.get_ref();
            let point_name = toml.display(span);
            let d = if v < newest && version::significant(&v, &newest, policy) {
                // SMS303: a significantly older release.
                let consequence = if newest.refuses_significant_upgrades() {
                    format!(
                        "from SP2 on, new clients logging on at {point_name} are assigned only to \
                         the latest site `{newer_code}`, never to `{code}` (Q262677)"
                    )
                } else {
                    format!(
                        "the pre-SP2 logon point pushes `{newer_code}`'s newer base components to \
                         `{code}`'s clients, whose optional components then fail out of sync \
                         (Q236596)"
                    )
                };
                rules::sms303_mixed_release_logon_point::RULE
                    .diag(
                        span,
                        format!(
                            "site `{code}` ({}, {v}) shares logon point {point_name} with newer site \
                             `{newer_code}` ({}, {newest}): {consequence}",
                            version::release_label(&v),
                            version::release_label(&newest),
                        ),
                    )
                    .with_label(format!("`{code}` is older than `{newer_code}` here"))
                    .with_related(newest_span, format!("`{newer_code}` ({newest}) shares it"))
                    .with_help(format!(
                        "upgrade `{code}` to the release of `{newer_code}`, or stop sharing \
                         {point_name}: remove it from one site's logon_points (upgrade sites that \
                         share logon points together, Q238780)"
                    ))
            } else if v.release() == newest.release() {
                // SMS309: the same release (service pack), another revision. Releases are
                // SMS303's, under the configured policy; only the rest is compared here.
                let what = if v.icp_digit() != newest.icp_digit() {
                    let icp = |c: &Clicore| match c.icp_digit() {
                        Some(d) => format!("ICP build (hundreds digit {d})"),
                        None => "no ICP".to_string(),
                    };
                    format!(
                        "International Client Pack differs: {} vs {}",
                        icp(&v),
                        icp(&newest)
                    )
                } else {
                    format!("hotfix {} vs {}", v.hotfix(), newest.hotfix())
                };
                rules::sms309_logon_point_revision_mismatch::RULE
                    .diag(
                        span,
                        format!(
                            "site `{code}` ({v}) shares logon point {point_name} with `{newer_code}` \
                             ({newest}), same release but another revision ({what}): clients check \
                             the client programs' CRCs against their site's copy and fail with \
                             \"Client Service is not authorized to run this application! (5)\" \
                             (Q246331, Q269615)"
                        ),
                    )
                    .with_label(format!("`{code}` is at another revision here"))
                    .with_related(newest_span, format!("`{newer_code}` ({newest}) shares it"))
                    .with_help(format!(
                        "apply the same hotfixes and International Client Pack to `{code}` and \
                         `{newer_code}`, or stop sharing {point_name}"
                    ))
            } else {
                continue;
            };
            sms303.push((span, d));
        }
    }
    sms303.sort_by_key(|(s, _)| *s);
    out.extend(sms303.into_iter().map(|(_, d)| d));
    out
}

/// Why a site code is invalid (SMS310), or `None`: a reserved device name (Q182420,
/// Q279868), or not exactly three upper-case ASCII letters or digits (Q271885, Q235726).
pub fn site_code_problem(code: &str) -> Option<String> {
    let c = code.trim();
    let upper = c.to_ascii_uppercase();
    let reserved = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (upper.len() == 4
            && (upper.starts_with("COM") || upper.starts_with("LPT"))
            && matches!(upper.as_bytes()[3], b'1'..=b'9'));
    if reserved {
        return Some(format!(
            "is a reserved device name: no `Sites\\{upper}` folder can be created on the logon \
             points, so they fail (Q182420, Q279868)"
        ));
    }
    if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Some(
            "is not three letters or digits: SMS site codes are three characters (Q235726)"
                .to_string(),
        );
    }
    if c.bytes().any(|b| b.is_ascii_lowercase()) {
        return Some(format!(
            "is not upper case: every status message of the site goes to the retry queue \
             (Q271885), and the Logon Server Manager compares `{upper}` case-sensitively \
             (Q235726)"
        ));
    }
    None
}

fn unknown_release(code: &str, value: &str, span: Span, v: &Clicore) -> Diagnostic {
    let rule = &rules::sms308_unknown_release::RULE;
    if v.is_pre_rtm() {
        rule.diag(
            span,
            format!(
                "site `{code}`: clicore `{value}` is an SMS 2.0 beta build (before RTM 1239): its \
                 clients' Remote Control agent does not upgrade to the released version \
                 (Q215129)"
            ),
        )
        .with_label("pre-RTM (beta) build")
        .with_help(
            "upgrade the site to a released SMS 2.0 (SP4: 2.00.1493.4009) and write its base \
             version here",
        )
    } else if v.is_sp3_rc9() {
        rule.diag(
            span,
            format!(
                "site `{code}`: clicore `{value}` is SMS 2.0 SP3 RC9, a pre-release build: client \
                 agent settings do not propagate to its clients (Q289000)"
            ),
        )
        .with_label("SP3 pre-release (RC9)")
        .with_help(
            "apply the Q289000 hotfix (Clicore 2.0.1493.3010) or the released SP3, and write \
             that version here",
        )
    } else if v.is_q240921_anomaly() {
        rule.diag(
            span,
            format!(
                "site `{code}`: clicore `{value}` is the Q240921 Compver anomaly: an SP1 base \
                 Compver raised into the 2000 range, compared as if it were SP2 (Q244410, \
                 Q246527)"
            ),
        )
        .with_label("SP1, not SP2")
        .with_help(
            "once all clients are updated, reset the base Compver to 2.00.1380.1072 and write \
             that here",
        )
    } else {
        rule.diag(
            span,
            format!(
                "site `{code}`: clicore `{value}` is no known SMS 2.0 release (build {} with \
                 service-pack digit {}); its clients are compared with a version no release had",
                v.build,
                v.sp_digit()
            ),
        )
        .with_label("unknown build/SP combination")
        .with_help(
            "write the base version from the site's CAP Compver.ini: RTM 2.00.1239.0000, SP1 \
             2.00.1380.1000, SP2 2.00.1493.2009, SP3 2.00.1493.3004, SP4 2.00.1493.4009",
        )
    }
}

/// A value shortened for a message (very long inventory fields must not be copied whole).
pub fn shorten(s: &str) -> String {
    const MAX: usize = 64;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}
