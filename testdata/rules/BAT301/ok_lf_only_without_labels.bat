@echo off
echo no jumps here
goto :eof
