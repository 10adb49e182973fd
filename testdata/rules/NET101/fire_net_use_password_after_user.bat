@echo off
if exist Q:\nul net use Q: /delete /y >nul
net use Q: "\\APPSRV\quality data" /user:CORP\qa_reader "Rain drops 7"
