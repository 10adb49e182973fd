REM user logon script: maps the tools share and puts it on PATH
net use p: \\apps01\tools
path %PATH%;P:\BIN
call %0\..\smsls
