@echo off
set "filter=%*"
rem a caret before a %…% edit escapes the first byte of its value: the edit stays whole
if not ^%filter:~0,1%==^# (
  echo filtered by %filter%
)
