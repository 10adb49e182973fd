REM Q124361: the SETLS form passes /r through -pa:
%0\..\x86.bin\setls32 -m:E -i -p:%SMS_BIN%\CLI_NT.EXE -pa:/r
