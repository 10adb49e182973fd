REM local folders and expansions only
net use p: \\fs1\apps
set PATH=%PATH%;C:\TOOLS;%0\..
call %0\..\smsls
