call :sub
goto eof
:sub
goto :eof
