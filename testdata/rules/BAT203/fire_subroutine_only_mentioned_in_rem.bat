@echo off
rem call :mapold
goto :eof
:mapold
net use p: \\oldsrv\public
goto :eof
