myprog.exe
if errorlevel 1 goto fail
if not errorlevel 1 goto ok
:fail
:ok
