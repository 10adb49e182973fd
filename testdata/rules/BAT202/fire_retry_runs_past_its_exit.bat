@echo off
:wait
ping -n 1 logonsrv >nul || goto wait
echo server answers
goto :eof
:wait
echo never meant to run
