@echo off
if exist c:\keepit12.txt (goto end) else (call %0\..\smsls) echo done
:end
