GOTO :END
:end
