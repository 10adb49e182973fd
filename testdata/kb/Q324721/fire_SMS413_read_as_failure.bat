clitravl.exe /TRAVEL=ON
if errorlevel 1 goto ERROR
goto END
:ERROR
echo Could not enable travelling mode
:END
