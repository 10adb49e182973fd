@echo off
call build
goto :eof
: build
echo building
goto :eof
