REM the KB wrapper: maps 1 (success) to 0
clitravl.exe /TRAVEL=ON
if errorlevel 1 exit 0
