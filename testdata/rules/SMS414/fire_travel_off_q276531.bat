REM Q276531: travelling mode off re-enables automatic assignment
clitravl.exe /TRAVEL=OFF
