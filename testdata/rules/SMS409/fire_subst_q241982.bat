REM Q241982: MAP ROOT emulation with SUBST on a network drive
net use g: \\fs1\users
subst h: g:\%USERNAME%
call %0\..\smsls
