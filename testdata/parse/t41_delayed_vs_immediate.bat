setlocal EnableDelayedExpansion
set x=1
(
  set x=2
  echo %x% !x!
)
