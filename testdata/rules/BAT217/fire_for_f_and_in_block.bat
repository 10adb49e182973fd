@echo off
for /F "tokens=2 delims==" %I IN ('wmic os get caption /value') do set OSNAME=%I
if exist h:\ (
  for /d %d in (h:\old*) do rd /s /q "%d"
)
