REM Microsoft Systems Management Server <start>
REM SMS Build 1493
call %0\..\smsls
REM Microsoft Systems Management Server <end>
