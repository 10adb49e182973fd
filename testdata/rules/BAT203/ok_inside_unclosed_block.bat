@echo off
goto :eof
(
echo never closed
