//! `smslint version V [V...]`: explain one Clicore version or compare the first with the
//! others, over the version model of `versions::version`.

use std::cmp::Ordering;

use serde::Serialize;
use smslint::versions::version::*;
use smslint::Exit;

use super::cli::VersionArgs;

/// `smslint version`.
pub fn run(args: &VersionArgs) -> miette::Result<Exit> {
    let out = cmd::render(args);
    print!("{}", out.text);
    Ok(out.exit)
}

/// The `smslint version` command's output, built without printing (for tests).
mod cmd {
    use super::super::cli::VersionFormat;
    use super::*;

    /// Output and exit status of `smslint version`.
    pub struct Output {
        pub text: String,
        pub exit: Exit,
    }

    #[derive(Serialize)]
    struct JsonVersion {
        input: String,
        valid: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<JsonError>,
        #[serde(skip_serializing_if = "Option::is_none")]
        canonical: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        spelling: Option<Spelling>,
        #[serde(skip_serializing_if = "Option::is_none")]
        fields: Option<[u16; 4]>,
        #[serde(skip_serializing_if = "Option::is_none")]
        release: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        release_name: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        service_pack: Option<u16>,
        #[serde(skip_serializing_if = "Option::is_none")]
        icp: Option<u16>,
        #[serde(skip_serializing_if = "Option::is_none")]
        hotfix: Option<u16>,
        #[serde(skip_serializing_if = "Option::is_none")]
        not_clicore: Option<NotClicore>,
        /// The Q240921 Compver anomaly (`2.00.1380.20xx`).
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        anomaly: bool,
        notes: Vec<String>,
    }

    #[derive(Serialize)]
    struct JsonError {
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<Field>,
        /// 0-based byte offset.
        offset: usize,
    }

    #[derive(Serialize)]
    struct JsonComparison {
        a: String,
        b: String,
        /// `equal`, `hotfix`, `significant` or `not-comparable`.
        relation: &'static str,
        /// `a` or `b`: which is numerically newer (absent when equal).
        #[serde(skip_serializing_if = "Option::is_none")]
        newer: Option<&'static str>,
        significant: bool,
        explanation: String,
    }

    #[derive(Serialize)]
    struct JsonOut {
        significance: &'static str,
        versions: Vec<JsonVersion>,
        comparisons: Vec<JsonComparison>,
    }

    struct Parsed<'a> {
        input: &'a str,
        /// The version, or for CCIM's short release form ([`short_release_form`]) the release
        /// it stands for.
        result: Result<(Clicore, Spelling), ParseError>,
        /// Written in CCIM's short release form: a release, not a version.
        short: bool,
    }

    /// Explain what a pair means for Boot32wn, from `a`'s side (a client at `a` logging on to a
    /// logon point supplying `b`).
    pub fn explain_pair(a: &Clicore, b: &Clicore, policy: Significance) -> String {
        let (rel, order) = compare(a, b, policy);
        match rel {
            Relation::Equal => {
                "equal: the same version (zero padding ignored); Boot32wn has nothing to copy"
                    .to_string()
            }
            Relation::Hotfix => {
                let mut s = format!(
                    "hotfix difference: the same release ({}); a logon point may run either \
                     Clicore against the other (Q262677)",
                    release_label(a)
                );
                if policy == Significance::Build && a.sp_digit() != b.sp_digit() {
                    s.push_str(&format!(
                        ". Warning: the service-pack digits differ ({} vs {}); only the unsafe \
                         `build` policy calls this insignificant, Boot32wn does not",
                        a.sp_digit(),
                        b.sp_digit()
                    ));
                }
                s
            }
            Relation::Significant => {
                let (older, newer) = if order == Ordering::Less {
                    (a, b)
                } else {
                    (b, a)
                };
                let what = if newer.refuses_significant_upgrades() {
                    format!(
                        "a client at {older} logging on to an SP2+ logon point supplying \
                         {newer}: {BOOT32WN_REFUSES}"
                    )
                } else {
                    format!(
                        "a client at {older} logging on to a logon point supplying {newer}: that \
                         logon point's Boot32wn is older than SP2 and pushes its Clicore to the \
                         client at logon (Q236596)"
                    )
                };
                format!(
                    "significant: different releases ({} vs {}); {what}",
                    release_label(a),
                    release_label(b)
                )
            }
        }
    }

    pub fn render(args: &VersionArgs) -> Output {
        let policy = args.significance;
        let parsed: Vec<Parsed<'_>> = args
            .versions
            .iter()
            .map(|s| match short_release_form(s.as_bytes()) {
                Some(r) => Parsed {
                    input: s,
                    result: Ok((r, Spelling::NonCanonical)),
                    short: true,
                },
                None => Parsed {
                    input: s,
                    result: Clicore::parse_spelled(s.as_bytes()),
                    short: false,
                },
            })
            .collect();
        let any_invalid = parsed.iter().any(|p| p.result.is_err());
        let mut any_significant = false;
        let mut comparisons = Vec::new();
        if let Some(Ok((first, _))) = parsed.first().map(|p| &p.result) {
            for p in parsed.iter().skip(1) {
                if let Ok((other, _)) = &p.result {
                    if let Some(nc) = first.not_clicore().or(other.not_clicore()) {
                        let which = if first.not_clicore().is_some() {
                            parsed[0].input
                        } else {
                            p.input
                        };
                        comparisons.push(JsonComparison {
                            a: parsed[0].input.to_string(),
                            b: p.input.to_string(),
                            relation: "not-comparable",
                            newer: None,
                            significant: false,
                            explanation: format!(
                                "not comparable: {which} is not an SMS 2.0 Clicore version ({})",
                                nc.explain()
                            ),
                        });
                        continue;
                    }
                    let (rel, order) = compare(first, other, policy);
                    if rel == Relation::Significant {
                        any_significant = true;
                    }
                    comparisons.push(JsonComparison {
                        a: parsed[0].input.to_string(),
                        b: p.input.to_string(),
                        relation: rel.as_str(),
                        newer: match order {
                            Ordering::Less => Some("b"),
                            Ordering::Greater => Some("a"),
                            Ordering::Equal => None,
                        },
                        significant: rel == Relation::Significant,
                        explanation: {
                            // A short release form is named as written, not as the
                            // stand-in version it was read as.
                            let mut e = explain_pair(first, other, policy);
                            for (q, v) in [(&parsed[0], first), (p, other)] {
                                if q.short {
                                    e = e.replace(&v.to_string(), q.input);
                                }
                            }
                            e
                        },
                    });
                }
            }
        }
        let exit = if any_invalid {
            Exit::Failure
        } else if any_significant {
            Exit::Findings
        } else {
            Exit::Clean
        };
        let versions: Vec<JsonVersion> = parsed.iter().map(json_version).collect();
        let text = match args.format {
            VersionFormat::Json => {
                let out = JsonOut {
                    significance: policy.as_str(),
                    versions,
                    comparisons,
                };
                let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
                s.push('\n');
                s
            }
            VersionFormat::Text => text_output(&versions, &comparisons, policy),
        };
        Output { text, exit }
    }

    fn json_version(p: &Parsed<'_>) -> JsonVersion {
        match &p.result {
            Err(e) => JsonVersion {
                input: p.input.to_string(),
                valid: false,
                error: Some(JsonError {
                    message: e.to_string(),
                    field: e.field(),
                    offset: e.offset,
                }),
                canonical: None,
                spelling: None,
                fields: None,
                release: None,
                release_name: None,
                service_pack: None,
                icp: None,
                hotfix: None,
                not_clicore: None,
                anomaly: false,
                notes: Vec::new(),
            },
            Ok((v, _)) if p.short => {
                let d = describe(v);
                let mut notes = vec![format!(
                    "CCIM's short release form (Q264630): release {} of build {}, read as a \
                     release (any hotfix of it), not as hotfix {} of SP0",
                    release_label(v),
                    v.build,
                    v.sp_digit()
                )];
                notes.extend(d.notes);
                JsonVersion {
                    input: p.input.to_string(),
                    valid: true,
                    error: None,
                    canonical: None,
                    spelling: None,
                    fields: None,
                    release: Some(v.release().to_string()),
                    release_name: d.release_name,
                    service_pack: Some(d.sp),
                    icp: None,
                    hotfix: None,
                    not_clicore: None,
                    anomaly: false,
                    notes,
                }
            }
            Ok((v, spelling)) => {
                let d = describe(v);
                let mut notes = spelling_notes(p.input.as_bytes(), v, *spelling);
                notes.extend(d.notes);
                JsonVersion {
                    input: p.input.to_string(),
                    valid: true,
                    error: None,
                    canonical: Some(v.to_string()),
                    spelling: Some(*spelling),
                    fields: Some([v.major, v.minor, v.build, v.revision]),
                    release: Some(v.release().to_string()),
                    release_name: d.release_name,
                    service_pack: Some(d.sp),
                    icp: d.icp,
                    hotfix: Some(d.hotfix),
                    not_clicore: v.not_clicore(),
                    anomaly: v.is_q240921_anomaly(),
                    notes,
                }
            }
        }
    }

    fn text_output(
        versions: &[JsonVersion],
        comparisons: &[JsonComparison],
        policy: Significance,
    ) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        for v in versions {
            let _ = writeln!(s, "{}", v.input);
            if let Some(e) = &v.error {
                let _ = writeln!(s, "  error:     {}", e.message);
                let _ = writeln!(s, "             {}", v.input.escape_debug());
                let _ = writeln!(s, "{}", caret_line(&v.input, e.offset));
                continue;
            }
            if let Some(c) = &v.canonical {
                if c != &v.input {
                    let _ = writeln!(s, "  canonical: {c}");
                }
            }
            let release = match (v.release_name, &v.not_clicore) {
                (_, Some(_)) => "not a Clicore version".to_string(),
                (Some(n), None) => format!("SMS 2.0 {n}"),
                (None, None) if v.anomaly => {
                    "SMS 2.0 SP1 (Q240921 Compver anomaly, not SP2)".to_string()
                }
                (None, None) => "unknown build/SP combination".to_string(),
            };
            if v.not_clicore.is_some() {
                let _ = writeln!(s, "  release:   {release}");
            } else {
                let _ = writeln!(
                    s,
                    "  release:   {release} (CCIM release notation {})",
                    v.release.as_deref().unwrap_or("")
                );
            }
            if v.not_clicore.is_none() {
                let sp = v.service_pack.unwrap_or(0);
                let icp = match v.icp {
                    Some(d) => format!(", International Client Pack build (hundreds digit {d})"),
                    None => String::new(),
                };
                let hotfix = match v.hotfix {
                    None => "a release: no hotfix given".to_string(),
                    Some(0) => "no hotfix".to_string(),
                    Some(n) => format!("hotfix {n}"),
                };
                let _ = writeln!(
                    s,
                    "  revision:  service pack digit {sp}{icp}, {hotfix} (Q213410)"
                );
            }
            for n in &v.notes {
                let _ = writeln!(s, "  note:      {n}");
            }
        }
        if !comparisons.is_empty() {
            let _ = writeln!(s);
            let _ = writeln!(s, "significance policy: {}", policy.as_str());
            if policy == Significance::Build {
                let _ = writeln!(
                    s,
                    "  (unsafe: SP2, SP3 and SP4 share build 1493, so `build` misses them)"
                );
            }
            for c in comparisons {
                let _ = writeln!(s, "{} vs {}: {}", c.a, c.b, c.explanation);
            }
        }
        s
    }

    fn caret_line(input: &str, offset: usize) -> String {
        // One column per (escaped) char of the input up to the offset.
        let prefix = input.get(..offset.min(input.len())).unwrap_or(input);
        let width = prefix.escape_debug().count();
        format!("             {}^", " ".repeat(width))
    }
}
