if 1==1 (
  echo %PATH%
)
