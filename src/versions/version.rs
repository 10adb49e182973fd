//! Clicore versions: a hand-written parser, release/hotfix/ICP decoding, significance.
//!
//! An SMS 2.0 version is `major.minor.build.revision`, written `2.00.BBBB.RRRR` in Compver.ini
//! and the KB, and `2.0.BBBB.RRRR` as a Win32 file version (Q213410, Q266130). All four fields
//! compare numerically, so zero padding is ignored. The revision encodes the service pack in
//! its thousands digit, an International Client Pack build in its hundreds digit (4–9) and a
//! hotfix in the rest (Q213410). "Significant" is the Q262677 notion: a different *release*
//! (major, minor, build, revision / 1000); hotfixes of one release never are.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Which differences between two Clicore versions are "significant" (Boot32wn refuses to
/// upgrade across them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Significance {
    /// Compare (major, minor, build, revision / 1000): service packs count. The default.
    #[default]
    Release,
    /// Compare (major, minor, build) only. Unsafe: SP2, SP3 and SP4 share build 1493.
    Build,
}

impl Significance {
    pub fn as_str(self) -> &'static str {
        match self {
            Significance::Release => "release",
            Significance::Build => "build",
        }
    }
}

/// The largest value one field holds: Win32 file versions keep each field in 16 bits.
pub const FIELD_MAX: u32 = u16::MAX as u32;

/// One of the four fields of a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Major,
    Minor,
    Build,
    Revision,
}

impl Field {
    const ALL: [Field; 4] = [Field::Major, Field::Minor, Field::Build, Field::Revision];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Major => "major",
            Field::Minor => "minor",
            Field::Build => "build",
            Field::Revision => "revision",
        }
    }

    /// 1-based position in the version string.
    pub fn number(self) -> usize {
        match self {
            Field::Major => 1,
            Field::Minor => 2,
            Field::Build => 3,
            Field::Revision => 4,
        }
    }
}

/// Why a string is not a version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The whole string is empty.
    Empty,
    /// A field has no digits (`2..1380.1000`, a trailing dot).
    EmptyField(Field),
    /// A byte that is neither a digit nor a dot.
    InvalidByte { field: Field, byte: u8, ch: char },
    /// Fewer than four fields.
    MissingFields { found: usize },
    /// A fifth field.
    TooManyFields,
    /// A field above [`FIELD_MAX`].
    Overflow(Field),
}

/// A precise parse error: what is wrong and the byte offset (0-based) where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// Byte offset of the offending byte or field in the input.
    pub offset: usize,
    /// Length in bytes of the offending part (0 for "missing at the end").
    pub len: usize,
}

impl ParseError {
    /// The field the error is in, if any.
    pub fn field(&self) -> Option<Field> {
        match self.kind {
            ParseErrorKind::EmptyField(f)
            | ParseErrorKind::InvalidByte { field: f, .. }
            | ParseErrorKind::Overflow(f) => Some(f),
            _ => None,
        }
    }
}

impl ParseError {
    /// A few words for a label: what is wrong, without the offsets.
    pub fn short(&self) -> String {
        match &self.kind {
            ParseErrorKind::Empty => "empty version".to_string(),
            ParseErrorKind::EmptyField(f) => format!("field {} is empty", f.number()),
            ParseErrorKind::InvalidByte { byte, ch, .. } => {
                if ch.is_control() || *ch == char::REPLACEMENT_CHARACTER {
                    format!("0x{byte:02X} is not a digit")
                } else {
                    format!("'{ch}' is not a digit")
                }
            }
            ParseErrorKind::MissingFields { found } => format!("{found} of 4 fields"),
            ParseErrorKind::TooManyFields => "more than 4 fields".to_string(),
            ParseErrorKind::Overflow(f) => format!("field {} is above {FIELD_MAX}", f.number()),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.offset + 1;
        match &self.kind {
            ParseErrorKind::Empty => {
                write!(f, "empty version: expected major.minor.build.revision")
            }
            ParseErrorKind::EmptyField(field) => write!(
                f,
                "field {} ({}) is empty at byte {at}: every field needs at least one digit",
                field.number(),
                field.as_str()
            ),
            ParseErrorKind::InvalidByte { field, byte, ch } => {
                if ch.is_control() || *ch == char::REPLACEMENT_CHARACTER {
                    write!(
                        f,
                        "byte {at} (0x{byte:02X}) in field {} ({}) is not a digit",
                        field.number(),
                        field.as_str()
                    )
                } else {
                    write!(
                        f,
                        "byte {at} ('{ch}') in field {} ({}) is not a digit",
                        field.number(),
                        field.as_str()
                    )
                }
            }
            ParseErrorKind::MissingFields { found } => write!(
                f,
                "only {found} field{} (ends at byte {at}): a Clicore version has exactly four, \
                 major.minor.build.revision",
                if *found == 1 { "" } else { "s" }
            ),
            ParseErrorKind::TooManyFields => write!(
                f,
                "a fifth field starts at byte {at}: a Clicore version has exactly four, \
                 major.minor.build.revision"
            ),
            ParseErrorKind::Overflow(field) => write!(
                f,
                "field {} ({}) at byte {at} is larger than {FIELD_MAX}, the largest value a \
                 file-version field holds",
                field.number(),
                field.as_str()
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// How the fields were written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spelling {
    /// `2.00.1493.4009`: minor two digits, build and revision four (Compver.ini, the KB).
    Compver,
    /// `2.0.1493.4009`: no padding at all (Win32 file version).
    FileVersion,
    /// Anything else that parses, e.g. `2.000.1380.1000` (a typo in Q267258).
    NonCanonical,
}

/// A parsed Clicore (or other SMS) version. Equality and order are numeric on all four fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Clicore {
    pub major: u16,
    pub minor: u16,
    pub build: u16,
    pub revision: u16,
}

/// A release: the version with the hotfix/ICP part of the revision dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Release {
    pub major: u16,
    pub minor: u16,
    pub build: u16,
    /// The thousands digit of the revision: the service pack.
    pub sp: u16,
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // CCIM's own notation (Q264630): `2.00.1380.1` = SP1 on build 1380.
        write!(
            f,
            "{}.{:02}.{:04}.{}",
            self.major, self.minor, self.build, self.sp
        )
    }
}

/// The known SMS 2.0 releases (Q266130, Q268803): name, build, service-pack digit.
pub const KNOWN_RELEASES: &[(&str, u16, u16)] = &[
    ("RTM", 1239, 0),
    ("SP1", 1380, 1),
    ("SP2", 1493, 2),
    ("SP3", 1493, 3),
    ("SP4", 1493, 4),
];

impl Clicore {
    pub const fn new(major: u16, minor: u16, build: u16, revision: u16) -> Self {
        Clicore {
            major,
            minor,
            build,
            revision,
        }
    }

    /// Parse `major.minor.build.revision`: exactly four fields of ASCII digits, no sign, no
    /// spaces; zero padding ignored.
    pub fn parse(s: &str) -> Result<Clicore, ParseError> {
        Self::parse_bytes(s.as_bytes())
    }

    /// [`Clicore::parse`] over bytes (inventory fields need not be UTF-8).
    pub fn parse_bytes(s: &[u8]) -> Result<Clicore, ParseError> {
        Self::parse_spelled(s).map(|(v, _)| v)
    }

    /// Parse and say how the fields were spelled.
    pub fn parse_spelled(s: &[u8]) -> Result<(Clicore, Spelling), ParseError> {
        if s.is_empty() {
            return Err(ParseError {
                kind: ParseErrorKind::Empty,
                offset: 0,
                len: 0,
            });
        }
        let mut values = [0u16; 4];
        let mut widths = [0usize; 4];
        let mut field_idx = 0usize;
        let mut start = 0usize;
        let mut value: u32 = 0;
        let mut overflow_at: Option<usize> = None;
        for (i, &b) in s.iter().enumerate() {
            let field = Field::ALL[field_idx];
            match b {
                b'0'..=b'9' => {
                    if overflow_at.is_none() {
                        value = value * 10 + u32::from(b - b'0');
                        if value > FIELD_MAX {
                            overflow_at = Some(start);
                        }
                    }
                }
                b'.' => {
                    if i == start {
                        return Err(ParseError {
                            kind: ParseErrorKind::EmptyField(field),
                            offset: i,
                            len: 0,
                        });
                    }
                    if let Some(at) = overflow_at {
                        return Err(ParseError {
                            kind: ParseErrorKind::Overflow(field),
                            offset: at,
                            len: i - at,
                        });
                    }
                    if field_idx == 3 {
                        return Err(ParseError {
                            kind: ParseErrorKind::TooManyFields,
                            offset: i,
                            len: s.len() - i,
                        });
                    }
                    values[field_idx] = value as u16;
                    widths[field_idx] = i - start;
                    field_idx += 1;
                    start = i + 1;
                    value = 0;
                }
                _ => {
                    return Err(ParseError {
                        kind: ParseErrorKind::InvalidByte {
                            field,
                            byte: b,
                            ch: char_at(s, i),
                        },
                        offset: i,
                        len: char_len(s, i),
                    });
                }
            }
        }
        let field = Field::ALL[field_idx];
        if start == s.len() {
            return Err(if field_idx == 0 {
                ParseError {
                    kind: ParseErrorKind::Empty,
                    offset: 0,
                    len: 0,
                }
            } else {
                ParseError {
                    kind: ParseErrorKind::EmptyField(field),
                    offset: s.len(),
                    len: 0,
                }
            });
        }
        if let Some(at) = overflow_at {
            return Err(ParseError {
                kind: ParseErrorKind::Overflow(field),
                offset: at,
                len: s.len() - at,
            });
        }
        if field_idx < 3 {
            return Err(ParseError {
                kind: ParseErrorKind::MissingFields {
                    found: field_idx + 1,
                },
                offset: s.len(),
                len: 0,
            });
        }
        values[3] = value as u16;
        widths[3] = s.len() - start;
        let v = Clicore::new(values[0], values[1], values[2], values[3]);
        let spelling = spelling_of(&v, &widths);
        Ok((v, spelling))
    }

    /// The release: (major, minor, build, revision / 1000), except that the Q240921 Compver
    /// anomaly (`2.00.1380.20xx`) is SP1, the release it really is (Q244410, Q246527).
    pub fn release(&self) -> Release {
        Release {
            major: self.major,
            minor: self.minor,
            build: self.build,
            sp: if self.is_q240921_anomaly() {
                1
            } else {
                self.revision / 1000
            },
        }
    }

    /// The service-pack digit: the thousands digit of the revision.
    pub fn sp_digit(&self) -> u16 {
        self.revision / 1000
    }

    /// The International Client Pack digit (hundreds digit 4–9), if this is an ICP build.
    pub fn icp_digit(&self) -> Option<u16> {
        let h = (self.revision / 100) % 10;
        (h >= 4).then_some(h)
    }

    /// The hotfix number: the last three digits, or the last two in an ICP build.
    pub fn hotfix(&self) -> u16 {
        if self.icp_digit().is_some() {
            self.revision % 100
        } else {
            self.revision % 1000
        }
    }

    /// An SMS 2.0 version (2.0.x.y).
    pub fn is_sms20(&self) -> bool {
        self.major == 2 && self.minor == 0
    }

    /// The name of a known SMS 2.0 release (`RTM`, `SP1` … `SP4`), or `None` for an unknown
    /// build/SP combination.
    pub fn release_name(&self) -> Option<&'static str> {
        if !self.is_sms20() {
            return None;
        }
        KNOWN_RELEASES
            .iter()
            .find(|(_, b, sp)| *b == self.build && *sp == self.sp_digit())
            .map(|(name, _, _)| *name)
    }

    /// The Q240921 Compver anomaly: SP1 base Compver raised into the 2000 range
    /// (`2.00.1380.20xx`), which a digit-only decoder misreads as SP2 (Q244410, Q246527).
    pub fn is_q240921_anomaly(&self) -> bool {
        self.is_sms20() && self.build == 1380 && self.sp_digit() == 2
    }

    /// An SMS 2.0 build before RTM (1239), e.g. the beta release candidate 0, build 1196,
    /// whose Remote Control agent does not upgrade to RTM (Q215129).
    pub fn is_pre_rtm(&self) -> bool {
        self.is_sms20() && self.build < 1239 && self.not_clicore().is_none()
    }

    /// SMS 2.0 SP3 RC9, `2.00.1493.3009`: a pre-release whose client agent settings do not
    /// propagate; the Q289000 hotfix brings Clicore to 2.0.1493.3010.
    pub fn is_sp3_rc9(&self) -> bool {
        self.is_sms20() && self.build == 1493 && self.revision == 3009
    }

    /// Whether Boot32wn at a logon point supplying this version refuses significant upgrades
    /// (SP2 and later, Q262677). Earlier logon points push their Clicore (Q236596).
    pub fn refuses_significant_upgrades(&self) -> bool {
        self.is_sms20() && self.sp_digit() >= 2 && !self.is_q240921_anomaly()
    }

    /// A value that is not a Clicore/base version of SMS 2.0, with the reason; such values must
    /// not be compared with Clicore versions.
    pub fn not_clicore(&self) -> Option<NotClicore> {
        if self.major == 2 && self.minor == 50 {
            return Some(NotClicore::Sms2003);
        }
        if !self.is_sms20() {
            return Some(NotClicore::NotSms20);
        }
        if self.build == 0 && self.revision == 0 {
            return Some(NotClicore::NoCompver);
        }
        match self.build {
            91 | 92 => Some(NotClicore::CcmcoreNumbering),
            1250 | 1520 => Some(NotClicore::PreinstNumbering),
            _ => None,
        }
    }

    /// The Compver spelling, `2.00.1493.4009`.
    pub fn canonical(&self) -> String {
        self.to_string()
    }
}

/// Why a version that parses is still not a Clicore version to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotClicore {
    /// `2.50.*`: SMS 2003, out of scope.
    Sms2003,
    /// `2.00.0000.0000`: the default logged when a logon point has no COMPVER.INI (Q264630).
    NoCompver,
    /// `2.0.91.x` / `2.0.92.x`: Ccmcore.exe, Swdist32.exe, Apasetup.exe numbering.
    CcmcoreNumbering,
    /// `2.0.1250.x` / `2.00.1520.x`: Preinst.exe numbering.
    PreinstNumbering,
    /// Not 2.0 at all (e.g. 1.2, or a WBEM number).
    NotSms20,
}

impl NotClicore {
    pub fn explain(self) -> &'static str {
        match self {
            NotClicore::Sms2003 => {
                "2.50.* is SMS 2003 numbering (KB 832103): out of scope for SMS 2.0 Clicore checks"
            }
            NotClicore::NoCompver => {
                "2.00.0000.0000 is the default CCIM logs when a logon point has no COMPVER.INI \
                 (Q264630): it is not a real version"
            }
            NotClicore::CcmcoreNumbering => {
                "2.0.91.x / 2.0.92.x is the numbering of Ccmcore.exe, Swdist32.exe and \
                 Apasetup.exe (Q253151, Q316021), not of Clicore.exe"
            }
            NotClicore::PreinstNumbering => {
                "2.0.1250.x / 2.00.1520.x is the numbering of Preinst.exe (Q305693), not of \
                 Clicore.exe"
            }
            NotClicore::NotSms20 => {
                "not an SMS 2.0 version (SMS 2.0 Clicore versions start with 2.0)"
            }
        }
    }
}

impl fmt::Display for Clicore {
    /// The Compver spelling: `2.00.1493.4009`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `{}.{:02}.{:04}.{:04}` without the formatter's padding machinery (an audit writes
        // two versions per finding).
        fn put(out: &mut [u8; 24], len: &mut usize, n: u16, width: usize) {
            let mut digits = [b'0'; 5];
            let mut i = digits.len();
            let mut n = n;
            loop {
                i -= 1;
                digits[i] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            let start = i.min(digits.len() - width);
            for &d in &digits[start..] {
                out[*len] = d;
                *len += 1;
            }
        }
        let mut out = [0u8; 24];
        let mut len = 0;
        put(&mut out, &mut len, self.major, 1);
        for (n, width) in [(self.minor, 2), (self.build, 4), (self.revision, 4)] {
            out[len] = b'.';
            len += 1;
            put(&mut out, &mut len, n, width);
        }
        f.write_str(std::str::from_utf8(&out[..len]).map_err(|_| fmt::Error)?)
    }
}

fn spelling_of(v: &Clicore, widths: &[usize; 4]) -> Spelling {
    let digits = |n: u16| n.to_string().len();
    let min = [
        digits(v.major),
        digits(v.minor),
        digits(v.build),
        digits(v.revision),
    ];
    if widths[0] == min[0]
        && widths[1] == min[1].max(2)
        && widths[2] == min[2].max(4)
        && widths[3] == min[3].max(4)
    {
        Spelling::Compver
    } else if *widths == min {
        Spelling::FileVersion
    } else {
        Spelling::NonCanonical
    }
}

fn char_at(s: &[u8], i: usize) -> char {
    let end = (i + 4).min(s.len());
    for e in (i + 1..=end).rev() {
        if let Ok(t) = std::str::from_utf8(&s[i..e]) {
            if let Some(c) = t.chars().next() {
                if c.len_utf8() == e - i {
                    return c;
                }
            }
        }
    }
    char::REPLACEMENT_CHARACTER
}

fn char_len(s: &[u8], i: usize) -> usize {
    let c = char_at(s, i);
    if c == char::REPLACEMENT_CHARACTER {
        1
    } else {
        c.len_utf8()
    }
}

/// How two versions relate under a significance policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Numerically equal (zero padding ignored).
    Equal,
    /// Same release under the policy; only the hotfix (or, under `build`, the revision) differs.
    Hotfix,
    /// A different release: Boot32wn on an SP2+ logon point will not upgrade across it.
    Significant,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Equal => "equal",
            Relation::Hotfix => "hotfix",
            Relation::Significant => "significant",
        }
    }
}

/// Whether `a` and `b` differ significantly under `policy`. Symmetric.
pub fn significant(a: &Clicore, b: &Clicore, policy: Significance) -> bool {
    match policy {
        Significance::Release => a.release() != b.release(),
        Significance::Build => (a.major, a.minor, a.build) != (b.major, b.minor, b.build),
    }
}

/// The relation of `a` to `b` and the numeric order of `a` against `b`.
pub fn compare(a: &Clicore, b: &Clicore, policy: Significance) -> (Relation, Ordering) {
    let order = a.cmp(b);
    let rel = if order == Ordering::Equal {
        Relation::Equal
    } else if significant(a, b, policy) {
        Relation::Significant
    } else {
        Relation::Hotfix
    };
    (rel, order)
}

/// Notes on how a string was written and what it may really be, beside its parse.
pub fn spelling_notes(input: &[u8], v: &Clicore, spelling: Spelling) -> Vec<String> {
    let mut notes = Vec::new();
    match spelling {
        Spelling::Compver => {}
        Spelling::FileVersion => {
            if v.to_string().as_bytes() != input && v.not_clicore().is_none() {
                notes.push(format!(
                    "Win32 file-version spelling; Compver.ini writes it {v} (the same version)"
                ));
            }
        }
        Spelling::NonCanonical => notes.push(format!(
            "non-canonical spelling (zero padding differs); numerically the same as {v}"
        )),
    }
    // CCIM's short release form: `2.00.1380.1` = release SP1 on build 1380 (Q264630).
    let rev_text = input.rsplit(|&b| b == b'.').next().unwrap_or(&[]);
    if v.is_sms20() && v.revision < 10 && rev_text.len() < 4 && v.not_clicore().is_none() {
        notes.push(format!(
            "a revision below 10 may be CCIM's short release form (Q264630): `{}.{:02}.{:04}.{}` \
             there means release SP{} of build {}, i.e. a full version {}.{:02}.{:04}.{}xxx, not \
             hotfix {} of SP0",
            v.major,
            v.minor,
            v.build,
            v.revision,
            v.revision,
            v.build,
            v.major,
            v.minor,
            v.build,
            v.revision,
            v.revision
        ));
    }
    notes
}

/// CCIM's short release form (Q264630: "CAP base release ... is 2.00.1380.1 (client release is
/// 2.00.1493.2)"): an SMS 2.0 version written with a two-digit minor (`2.00`) and a one-digit
/// revision, which is the service pack, not a hotfix. Returns the release as a version whose
/// revision is that digit times 1000 (`2.00.1380.1` → `2.00.1380.1000`).
pub fn short_release_form(input: &[u8]) -> Option<Clicore> {
    let fields: Vec<&[u8]> = input.split(|&b| b == b'.').collect();
    if fields.len() != 4 || fields[1].len() != 2 || fields[3].len() != 1 {
        return None;
    }
    let v = Clicore::parse_bytes(input).ok()?;
    if !v.is_sms20() || v.not_clicore().is_some() {
        return None;
    }
    Some(Clicore::new(v.major, v.minor, v.build, v.revision * 1000))
}

/// A plain-language decoding of the revision and release.
pub fn describe(v: &Clicore) -> Description {
    let mut notes = Vec::new();
    if let Some(nc) = v.not_clicore() {
        notes.push(nc.explain().to_string());
    }
    let release = if !v.is_sms20() {
        None
    } else if v.is_sp3_rc9() {
        Some("SP3 RC9 (pre-release)")
    } else {
        v.release_name()
    };
    if v.is_sms20() && v.not_clicore().is_none() {
        if v.is_pre_rtm() {
            notes.push(
                "an SMS 2.0 beta build (before RTM 1239): its Remote Control agent does not \
                 upgrade to RTM (Q215129)"
                    .to_string(),
            );
        }
        if v.is_sp3_rc9() {
            notes.push(
                "SMS 2.0 SP3 RC9, a pre-release build: client agent settings do not propagate; \
                 apply the Q289000 hotfix (Clicore 2.0.1493.3010) or the released SP3 (Q289000)"
                    .to_string(),
            );
        }
        if v.is_q240921_anomaly() {
            notes.push(
                "the Q240921 Compver anomaly: an early Q240921 hotfix raised the SP1 base Compver \
                 into the 2000 range; this is SP1, not SP2. Reset it to 2.00.1380.1072 once all \
                 clients are updated (Q244410, Q246527)"
                    .to_string(),
            );
        } else if release.is_none() {
            notes.push(format!(
                "unknown build/SP combination: build {} with service-pack digit {} is not a \
                 shipped SMS 2.0 release (RTM 1239, SP1 1380, SP2-SP4 1493)",
                v.build,
                v.sp_digit()
            ));
        }
        if v.revision >= 10_000 {
            notes.push(
                "the revision has more than four digits; the thousands digit read as the service \
                 pack is meaningless"
                    .to_string(),
            );
        }
    }
    Description {
        release_name: release,
        sp: v.sp_digit(),
        icp: v.icp_digit(),
        hotfix: v.hotfix(),
        notes,
    }
}

/// What [`describe`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Description {
    pub release_name: Option<&'static str>,
    pub sp: u16,
    pub icp: Option<u16>,
    pub hotfix: u16,
    pub notes: Vec<String>,
}

/// A human name for the release of `v`: `SP2`, or `build 1999 SP-digit 2` when unknown.
pub fn release_label(v: &Clicore) -> String {
    if v.is_q240921_anomaly() {
        return "SP1 (Q240921 anomaly)".to_string();
    }
    match v.release_name() {
        Some(n) => n.to_string(),
        None => format!("build {} SP digit {}", v.build, v.sp_digit()),
    }
}

/// The text `smslint version` and SMS302 use for what Boot32wn does on an SP2+ logon point.
pub const BOOT32WN_REFUSES: &str = "Boot32wn exits without copying the new Clicore; the client \
                                    is upgraded only by CCIM from a CAP (Q262677)";

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Clicore {
        match Clicore::parse(s) {
            Ok(v) => v,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    #[test]
    fn padding_is_ignored() {
        assert_eq!(v("2.0.1493.4009"), v("2.00.1493.4009"));
        assert_eq!(v("2.000.1380.1000"), v("2.00.1380.1000"));
    }

    #[test]
    fn errors_name_field_and_byte() {
        let e = Clicore::parse("2.00.13B0.1000").unwrap_err();
        assert_eq!(e.offset, 7);
        assert_eq!(e.field(), Some(Field::Build));
        assert!(e.to_string().contains("'B'"), "{e}");
    }

    #[test]
    fn display_is_the_padded_compver_spelling() {
        for n in [0u16, 1, 9, 10, 99, 100, 999, 1000, 1493, 9999, 10000, 65535] {
            for m in [0u16, 7, 42, 4009, 65535] {
                let c = Clicore {
                    major: m,
                    minor: n,
                    build: n,
                    revision: m,
                };
                let want = format!("{}.{:02}.{:04}.{:04}", m, n, n, m);
                assert_eq!(c.to_string(), want);
            }
        }
    }
}
