if "%OS%"=="Windows_NT" goto NT
%0\..\SMSBOOT1.EXE /s
goto END
:NT
%0\..\SNSBOOT.EXE %0 /s
:END
