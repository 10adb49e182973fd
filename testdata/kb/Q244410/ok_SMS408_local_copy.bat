REM tools copied locally instead
net use p: \\apps01\tools
xcopy /d /y P:\BIN\*.* C:\TOOLS\ > nul
path %PATH%;C:\TOOLS
call %0\..\smsls
