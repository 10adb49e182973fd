if "%OS%"=="Windows_NT" (
  for /d %%d in (C:\*) do (
    if exist "%%d\x" (
      echo %%d
    ) else echo none
  )
) else (
  goto win9x
)
:win9x
