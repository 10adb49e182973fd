//! SMS407 sms-local-dir-long-name.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::assignments;
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "SMS407",
    name: "sms-local-dir-long-name",
    severity: Severity::Warning,
    summary: "SMS_LOCAL_DIR is set to a path that is not an 8.3 name",
    what: "Reports `set SMS_LOCAL_DIR=…` whose value has a literal path component that is not \
           an MS-DOS 8.3 name (more than 8 characters before the dot or 3 after it, a space, or \
           a second dot). Components made of variables (`%windir%`) are not judged.",
    why: "SMS_LOCAL_DIR tells the SMS 2.0 bootstrap where the client tree goes. SMSBOOT1.EXE \
          is a 16-bit MS-DOS program and only handles 8.3 names: with a long name the client \
          installation fails (Q226894).",
    example: "set SMS_LOCAL_DIR=C:\\Program Files\\SMS\r\n%0\\..\\SMSBOOT1.EXE /s\r\n",
    fix: "set SMS_LOCAL_DIR=C:\\SMSCLI\r\n%0\\..\\SMSBOOT1.EXE /s\r\n",
    sources: &["Q226894", "Q216881"],
    check: Some(check),
    opt_in: None,
};

fn is_8dot3(component: &[u8]) -> bool {
    if component.is_empty() || component.contains(&b' ') {
        return component.is_empty();
    }
    let mut parts = component.split(|&b| b == b'.');
    let name = parts.next().unwrap_or_default();
    let ext = parts.next().unwrap_or_default();
    parts.next().is_none() && !name.is_empty() && name.len() <= 8 && ext.len() <= 3
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.mentions(b"sms_local_dir") {
        return;
    }
    for (_, value) in assignments(ctx, &[b"sms_local_dir"]) {
        let v: Vec<u8> = ctx
            .source
            .slice(value)
            .iter()
            .copied()
            .filter(|&b| b != b'"')
            .collect();
        let v = match v.iter().rposition(|&b| b != b' ') {
            Some(i) => &v[..=i],
            None => continue,
        };
        let path = if v.len() >= 2 && v[1] == b':' {
            &v[2..]
        } else {
            v
        };
        let bad = path
            .split(|&b| b == b'\\' || b == b'/')
            .find(|c| !c.contains(&b'%') && !is_8dot3(c));
        let Some(bad) = bad else {
            continue;
        };
        out.push(
            RULE.diag(
                value,
                format!(
                    "SMS_LOCAL_DIR is not an 8.3 path (`{}`): SMSBOOT1, a 16-bit MS-DOS program, \
                     cannot use it and the SMS client installation fails (Q226894)",
                    String::from_utf8_lossy(bad)
                ),
            )
            .with_label("long file name in SMS_LOCAL_DIR")
            .with_help("use a short path such as C:\\SMSCLI, or the 8.3 alias (C:\\PROGRA~1\\…)"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_8dot3;

    #[test]
    fn short_names() {
        assert!(is_8dot3(b"WINDOWS"));
        assert!(is_8dot3(b"PROGRA~1"));
        assert!(is_8dot3(b"SMS.CLI"));
        assert!(!is_8dot3(b"Program Files"));
        assert!(!is_8dot3(b"SMSCLIENT"));
        assert!(!is_8dot3(b"a.b.c"));
        assert!(!is_8dot3(b"x.text"));
    }
}
