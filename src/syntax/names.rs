//! Program and file names as cmd.exe looks them up: the name part of a command word, its
//! extension. Shared by the flow (a batch file run without CALL) and the rules.

/// The program name of a word as cmd would look it up, for comparisons: quotes and carets
/// removed, any drive/directory (`%0\..\`, `C:\x\`) dropped, ASCII lower case. The extension
/// is kept.
pub fn program_file_name(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    program_file_name_into(bytes, &mut out);
    out
}

/// [`program_file_name`] into a buffer the caller reuses (cleared first).
pub fn program_file_name_into(bytes: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.extend(
        file_name(bytes)
            .iter()
            .filter(|&&b| b != b'"' && b != b'^')
            .map(u8::to_ascii_lowercase),
    );
    // A caret-escaped space ends the name as cmd.exe matches internal commands: `rem^ &…`
    // (the batch/VBScript hybrid's first line) runs REM, then what follows the `&`.
    while out.last().is_some_and(|&b| b == b' ' || b == b'\t') {
        out.pop();
    }
}

/// `program_file_name(bytes) == want` (`want` in lower case), without building the name.
#[inline]
pub fn program_file_name_is(bytes: &[u8], want: &[u8]) -> bool {
    // The name ends with the last byte of `want`, or a quote or caret after it: most command
    // names are told apart by their last byte alone.
    if let Some(&last) = want.last() {
        match bytes.last() {
            Some(&b) if b == b'"' || b == b'^' || b.to_ascii_lowercase() == last => {}
            _ => return false,
        }
    }
    let name = file_name(bytes);
    if !name.iter().any(|&b| b == b'"' || b == b'^') {
        return name.eq_ignore_ascii_case(want);
    }
    name.iter()
        .filter(|&&b| b != b'"' && b != b'^')
        .map(u8::to_ascii_lowercase)
        .eq(want.iter().copied())
}

/// Split a lower-cased file name into stem and extension (without the dot).
pub fn split_ext(name: &[u8]) -> (&[u8], Option<&[u8]>) {
    match name.iter().rposition(|&b| b == b'.') {
        Some(i) if i > 0 => (&name[..i], Some(&name[i + 1..])),
        _ => (name, None),
    }
}

/// The name part of `bytes` (after its last `\`, `/` or `:`) ends in `.ext` (`ext` in lower
/// case), quotes and carets dropped, any case: `x.bat`, `"%0\\..\\X.BAT"`.
pub fn program_ext_is(bytes: &[u8], ext: &[u8]) -> bool {
    let mut tail = file_name(bytes)
        .iter()
        .rev()
        .filter(|&&b| b != b'"' && b != b'^')
        .take(ext.len() + 1)
        .map(u8::to_ascii_lowercase);
    ext.iter().rev().all(|&e| tail.next() == Some(e)) && tail.next() == Some(b'.')
}

/// The bytes after the last `\`, `/` or `:` (quotes and carets are no separators: the name
/// starts after the last one either way).
pub fn file_name(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .rposition(|&b| b == b'\\' || b == b'/' || b == b':')
        .map_or(0, |i| i + 1);
    &bytes[start..]
}

/// The stem of the program a command word runs (lower case, into `buf`), when its name has no
/// extension or `.exe` / `.com`: `Reg.exe` and `reg` give `reg`, `x.bat` gives nothing.
pub fn program_stem_into<'b>(bytes: &[u8], buf: &'b mut Vec<u8>) -> Option<&'b [u8]> {
    program_file_name_into(bytes, buf);
    match split_ext(buf) {
        (stem, Some(b"exe" | b"com") | None) => Some(stem),
        (_, Some(_)) => None,
    }
}

/// Programs of today's toolchains that never ran on DOS or Windows 9x (Python from 2.6 on,
/// Node.js, Git for Windows, .NET Core, …): a script that runs one is not written for
/// COMMAND.COM, even when it uses no cmd.exe-only syntax.
pub const POST_9X_PROGRAMS: &[&[u8]] = &[
    b"python",
    b"python3",
    b"py",
    b"pip",
    b"pip3",
    b"node",
    b"npm",
    b"npx",
    b"yarn",
    b"pnpm",
    b"git",
    b"dotnet",
    b"docker",
    b"kubectl",
    b"choco",
    b"winget",
    b"wsl",
    b"cargo",
    b"rustup",
    b"go",
    b"ninja",
    b"code",
    b"gh",
    b"az",
    b"terraform",
];

/// Commands no DOS or Windows 9x client has: cmd.exe's own (`title`, `pushd`, …) and the NT
/// tools (`reg`, `sc`, `wmic`, …). A script that runs one is written for NT.
pub const NT_ONLY_COMMANDS: &[&[u8]] = &[
    b"cmd",
    b"title",
    b"pushd",
    b"popd",
    b"color",
    b"assoc",
    b"ftype",
    b"mklink",
    b"reg",
    b"sc",
    b"wmic",
    b"schtasks",
    b"icacls",
    b"cacls",
    b"xcacls",
    b"netsh",
    b"powershell",
    b"pwsh",
    b"taskkill",
    b"tasklist",
    b"whoami",
    b"robocopy",
    b"timeout",
    b"takeown",
    b"bcdedit",
    b"dism",
    b"runas",
    b"gpupdate",
    b"setx",
    b"findstr",
    b"where",
    b"forfiles",
    b"clip",
    b"certutil",
    b"bitsadmin",
    b"systeminfo",
    b"diskpart",
    b"fsutil",
    b"gpresult",
    b"wevtutil",
    b"vssadmin",
    b"pnputil",
    b"driverquery",
    b"w32tm",
    b"tzutil",
    // NT resource-kit and server tools of logon and admin scripts: ACLs, rights, groups,
    // printers, the domain and sessions.
    b"subinacl",
    b"setacl",
    b"ntrights",
    b"regini",
    b"ifmember",
    b"showgrps",
    b"con2prt",
    b"nltest",
    b"netdom",
    b"dsquery",
    b"dsget",
    b"dsadd",
    b"dsmod",
    b"secedit",
    b"auditpol",
    b"eventcreate",
    b"openfiles",
    b"cmdkey",
    b"klist",
    b"tscon",
    b"chgusr",
    b"logoff",
    b"shutdown",
    b"wusa",
    b"typeperf",
    b"sysocmgr",
    b"mountvol",
    b"cipher",
    // Terminal Services and the network tools of NT (Windows 9x had `winipcfg`, no
    // `nslookup` or `pathping`).
    b"tskill",
    b"qwinsta",
    b"rwinsta",
    b"tsdiscon",
    b"msg",
    b"chkntfs",
    b"compact",
    b"nslookup",
    b"pathping",
    b"getmac",
];
