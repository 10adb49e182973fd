@echo off
rem Values from before the line on purpose: a saved value handed on after the
rem variable is cleared, and an old value put back after a call.
set "next=:done"
if defined next (
  set "next="
  call %next%
)
set decformat=lxml
set decformat=xml& call :convert & set decformat=%decformat%
set /p drive=Drive letter: || set drive=%drive%
set "ball=()"
rem The environment emptied, one variable kept by assigning it its own value.
(
  for /f "delims==" %%v in ('set') do set "%%v="
  set "ball=%ball%"
  echo %ball%
)
goto :eof
:convert
echo %decformat%
goto :eof
:done
echo done
