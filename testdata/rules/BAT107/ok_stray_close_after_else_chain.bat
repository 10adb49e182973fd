@echo off
if "%SITE%"=="A" (
  set srv=alpha
) else if "%SITE%"=="B" (
    set srv=beta
  )
)
echo %srv%
