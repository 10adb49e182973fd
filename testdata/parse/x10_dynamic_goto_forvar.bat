for %%i in (a b) do goto %%i
goto !next!
goto lbl_%1
:a
:b
