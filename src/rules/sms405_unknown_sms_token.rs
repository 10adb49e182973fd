//! SMS405 unknown-sms-token.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::sms;

pub static RULE: Rule = Rule {
    code: "SMS405",
    name: "unknown-sms-token",
    severity: Severity::Info,
    summary: "A program name that is not an SMS program but looks like one (`snbatch`, `snsboot`, `smsboot`)",
    what: "Reports a program whose name is one edit away from an SMS client program (SNBOOT, \
           SMSBOOT1, SLWNT32, BOOT32WN, SMSMAN …) in a script that also runs SMS client \
           programs, and the names no SMS release ships that circulate in notes and KB text \
           (`snbatch`, `snsboot`) anywhere.",
    why: "A misspelt bootstrap is not found: the client is never discovered or installed from \
          this script, and nothing says so at logon. `Snsboot` is a misspelling of SNBOOT.EXE \
          in Q310614; `snbatch` is in no SMS release. The SMS 2.0 bootstrap programs in \
          NETLOGON are SNBOOT, SMSBOOT1 and SLWNT16/32/32A (Q285206).",
    example: "%0\\..\\SNSBOOT.EXE %0 /s\r\n",
    fix: "%0\\..\\SNBOOT.EXE %0 /s\r\n",
    sources: &["Q285206", "Q310614", "sms-domain.md §1.3"],
    check: Some(check),
    opt_in: None,
};

const NEVER_SHIPPED: &[&str] = &["snbatch", "snsboot"];

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let invs = &ctx.sms().invocations;
    let has_sms = invs.iter().any(|i| i.is_client_program());
    for inv in invs {
        if inv.is_client_program() || inv.name.as_bytes().len() < 5 {
            continue;
        }
        let never = inv.name.is_one_of(NEVER_SHIPPED);
        if !never && !has_sms {
            continue;
        }
        // Outside NEVER_SHIPPED only a distance of exactly 1 counts (0 would be a client
        // program): a linear one-edit test instead of the full distance.
        let closest = if never {
            sms::CLIENT_PROGRAMS
                .iter()
                .filter(|p| p.len() >= 5)
                .map(|p| (sms::edit_distance(&inv.name, p), *p))
                .min()
        } else {
            let name = inv.name.as_bytes();
            let mine = letters(name);
            sms::CLIENT_PROGRAMS
                .iter()
                .zip(PROGRAM_LETTERS)
                .filter(|&(p, theirs)| {
                    p.len() >= 5
                        && p.len().abs_diff(name.len()) <= 1
                        && at_most_two_bits(mine ^ theirs)
                        && one_edit_apart(name, p.as_bytes())
                })
                .map(|(p, _)| p)
                .min()
                .map(|p| (1, *p))
        };
        let suggestion = match closest {
            Some((1, p)) if has_sms => p,
            Some((d, p)) if NEVER_SHIPPED.contains(&inv.name.as_str()) && d <= 3 => p,
            _ if NEVER_SHIPPED.contains(&inv.name.as_str()) => "snboot",
            _ => continue,
        };
        let name = ctx.source.display(inv.word.span);
        out.push(
            RULE.diag(
                inv.word.span,
                format!(
                    "`{name}` is not an SMS program; the nearest is {}: the command fails with \
                     \"not recognized\" and the client is not discovered or installed from this \
                     script (Q285206)",
                    suggestion.to_ascii_uppercase()
                ),
            )
            .with_label("unknown SMS-like program")
            .with_help(format!("did you mean `{suggestion}`?")),
        );
    }
}

/// The set of a name's bytes, each byte in bit `b % 64`. One insertion, deletion or
/// substitution adds or removes at most one bit, so two names whose sets differ in more than
/// two bits are not [`one_edit_apart`]: a cheap test that turns most names away first.
const fn letters(name: &[u8]) -> u64 {
    let mut m = 0u64;
    let mut i = 0;
    while i < name.len() {
        m |= 1 << (name[i] % 64);
        i += 1;
    }
    m
}

/// `x` has at most two bits set (`count_ones` is a long bit-twiddling sequence on CPUs
/// without POPCNT, which the default x86-64 target does not assume).
const fn at_most_two_bits(x: u64) -> bool {
    let rest = x & x.wrapping_sub(1); // without its lowest bit
    rest & rest.wrapping_sub(1) == 0
}

/// [`letters`] of each of [`sms::CLIENT_PROGRAMS`], in its order.
const PROGRAM_LETTERS: [u64; sms::CLIENT_PROGRAMS.len()] = {
    let mut t = [0u64; sms::CLIENT_PROGRAMS.len()];
    let mut i = 0;
    while i < t.len() {
        t[i] = letters(sms::CLIENT_PROGRAMS[i].as_bytes());
        i += 1;
    }
    t
};

/// `a` and `b` differ by exactly one insertion, deletion or substitution.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        prefix < short.len() && short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::{at_most_two_bits, letters, one_edit_apart, PROGRAM_LETTERS};
    use crate::sms::CLIENT_PROGRAMS;

    #[test]
    fn one_edit_apart_agrees_with_the_edit_distance() {
        let names = [
            "snboot", "snsboot", "smsboot1", "smsboot", "smsls", "smsl", "xmsls", "boot32wn",
            "boot16wn", "abc", "",
        ];
        for a in names {
            for b in names {
                assert_eq!(
                    one_edit_apart(a.as_bytes(), b.as_bytes()),
                    crate::sms::edit_distance(a, b) == 1,
                    "{a} vs {b}"
                );
            }
        }
    }

    /// The byte-set test never turns away a name one edit from a client program: every
    /// program against each of its one-edit variants (every deletion, and every insertion
    /// and substitution of a letter, digit or `_`), and the table is the programs' sets.
    #[test]
    fn the_byte_sets_keep_every_name_one_edit_away() {
        let alphabet: Vec<u8> = (b'a'..=b'z')
            .chain(b'0'..=b'9')
            .chain([b'_', b'.'])
            .collect();
        for (p, &theirs) in CLIENT_PROGRAMS.iter().zip(PROGRAM_LETTERS.iter()) {
            assert_eq!(theirs, letters(p.as_bytes()), "{p}");
            let p = p.as_bytes();
            let mut variants: Vec<Vec<u8>> = Vec::new();
            for i in 0..=p.len() {
                if i < p.len() {
                    variants.push([&p[..i], &p[i + 1..]].concat());
                }
                for &c in &alphabet {
                    variants.push([&p[..i], &[c], &p[i..]].concat());
                    if i < p.len() {
                        variants.push([&p[..i], &[c], &p[i + 1..]].concat());
                    }
                }
            }
            for v in variants {
                if one_edit_apart(&v, p) {
                    assert!(at_most_two_bits(letters(&v) ^ theirs), "{v:?}");
                }
            }
        }
        // And it does turn names away: `ipconfig` is far from every program.
        let far = letters(b"ipconfig");
        assert!(PROGRAM_LETTERS.iter().all(|&t| !at_most_two_bits(far ^ t)));
    }

    #[test]
    fn at_most_two_bits_counts_the_bits() {
        // Every word of up to three bits set among 64, and some with more.
        let mut words = vec![0u64, u64::MAX, u64::MAX << 1, 0b111 << 61];
        for a in 0..64 {
            for b in a..64 {
                for c in b..64 {
                    words.push((1u64 << a) | (1 << b) | (1 << c));
                }
            }
        }
        for x in words {
            assert_eq!(at_most_two_bits(x), x.count_ones() <= 2, "{x:#b}");
        }
    }
}
