@echo off
set /p PASSWORD=Password:
net use X: \\FILES\tools %PASSWORD% /user:CORP\%USERNAME%
set ADMINPWD=%1
psexec -u CORP\adm -p %ADMINPWD% \\pc01 ipconfig
set UNUSED_PASSWORD=Spring2001
set PWD=C:\tools
cd %PWD%
set PASSWORD_FILE=C:\secure\pw.txt
type %PASSWORD_FILE%
set BYPASS=yes
if "%BYPASS%"=="yes" goto :eof
