//! `smslint rules` and `smslint rule CODE`: the registry's text (`rules::docs`).

use serde::Serialize;
use smslint::rules::docs::{rule_text, rules_table};
use smslint::rules::{docs_url, RULES};
use smslint::Exit;

use super::cli::{RuleArgs, RulesArgs};

#[derive(Serialize)]
struct RuleJson<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    summary: &'a str,
    what: &'a str,
    why: &'a str,
    example: &'a str,
    fix: &'a str,
    sources: &'a [&'a str],
    url: String,
    /// Runs without being selected.
    default: bool,
    /// Why the rule is opt-in, when it is.
    opt_in: Option<&'a str>,
}

/// `smslint rules`.
pub fn run_rules(args: &RulesArgs) -> miette::Result<Exit> {
    if args.json {
        let items: Vec<RuleJson<'_>> = RULES
            .iter()
            .map(|r| RuleJson {
                code: r.code,
                name: r.name,
                severity: r.severity.as_str(),
                summary: r.summary,
                what: r.what,
                why: r.why,
                example: r.example,
                fix: r.fix,
                sources: r.sources,
                url: docs_url(r.code),
                default: r.on_by_default(),
                opt_in: r.opt_in,
            })
            .collect();
        let s = serde_json::to_string_pretty(&items)
            .map_err(|e| miette::miette!("cannot write JSON: {e}"))?;
        println!("{s}");
    } else {
        print!("{}", rules_table());
    }
    Ok(Exit::Clean)
}

/// `smslint rule CODE`.
pub fn run_rule(args: &RuleArgs) -> miette::Result<Exit> {
    match smslint::rules::find(args.rule.trim()) {
        Some(r) => {
            print!("{}", rule_text(r));
            Ok(Exit::Clean)
        }
        None => Err(miette::miette!(
            help = "`smslint rules` lists every rule",
            "no rule is called `{}`",
            args.rule
        )),
    }
}
