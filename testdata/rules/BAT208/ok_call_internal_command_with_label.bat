@echo off
set name=PATH
call set "value=%%%name%%%"
echo %value%
goto :eof

:set
echo %*
goto :eof
