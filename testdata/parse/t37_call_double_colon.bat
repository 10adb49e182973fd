call ::sub
goto :eof
:sub
