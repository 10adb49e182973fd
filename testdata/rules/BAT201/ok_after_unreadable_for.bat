rem Command notes: each command, then a tab and a REM note
set /p name=Your name?
for					REM loops over a list
goto				REM jumps to a label
call				REM runs another script
