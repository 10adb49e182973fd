@echo off
if not exist build.cfg (
  echo No build.cfg here.
  setlocal
:confirm
  echo c^) continue
  echo q^) quit
  set /p reply=?
  if /i "%reply%"=="c" (
    goto confirm_end
  ) else if /i "%reply%"=="q" (
    exit /b 1
  )
  goto confirm
:confirm_end
  endlocal
)
echo building
