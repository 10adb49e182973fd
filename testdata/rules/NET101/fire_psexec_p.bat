@echo off
psexec -accepteula \\%COMPUTERNAME% -u CORP\deploy -p D3ploy! -h "%0\..\patch.exe" /quiet
