%0\..\x86.bin\setls32 -m:E -i -p:%SMS_BIN%\CLI_NT.EXE
