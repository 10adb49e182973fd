call :sub one
call sub
call :missing
goto :eof
:sub
echo %0 %1
