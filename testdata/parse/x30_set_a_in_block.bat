for %%i in (1 2) do (
  set /a count+=1
  set "v=%%i)"
)
