@echo off
rem `net user` written for `net use`: a drive letter and a share, no account and no
rem password (the line fails with "The user name could not be found").
net use * /delete /y
net use M: \\nas01\marketing
net user N: \\nas01\finance
net use P: \\nas01\public
