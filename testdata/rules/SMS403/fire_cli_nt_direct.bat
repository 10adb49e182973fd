c:\ms\sms\bin\CLI_NT.EXE /F
