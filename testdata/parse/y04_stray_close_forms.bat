@echo off
if "%DAY%"=="Mon" (
  set n=1
) else if "%DAY%"=="Tue" (
    set n=2
  )
)
)   %= trailing comment =%
) else (
if not exist C:\out do (
  md C:\out
)
for %%a in (1 2) do (
  echo %%a
)   %= end of loop =%
