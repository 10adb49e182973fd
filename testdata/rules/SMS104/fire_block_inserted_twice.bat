REM Microsoft Systems Management Server (start)
REM SMS Build 692
call %0\..\smsls
REM Microsoft Systems Management Server (end)
net use h: \\FS1\home\%USERNAME%
REM Microsoft Systems Management Server (start)
REM SMS Build 692
call %0\..\smsls
REM Microsoft Systems Management Server (end)
