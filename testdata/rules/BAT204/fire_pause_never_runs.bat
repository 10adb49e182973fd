set arg=%1
second.bat %arg%
pause
