call %0\..\smsls
%0\..\x86.bin\setls16 -m:E -i -p:%SMS_BIN%\CLI_DOS.EXE -pa:/r
