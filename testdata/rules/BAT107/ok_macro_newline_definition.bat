@echo off
rem one SET command spread over several lines by the %\n% macro
(set LF=^
%=empty=%
)
set ^"\n=^^^%LF%%LF%^%LF%%LF%^^"
set ^"$sum=for %%# in (1 2) do if %%#==2 (%\n%
  set /a total=0 %\n%
  for %%n in (!args!) do ( %\n%
    set /a total+=%%n %\n%
  ) %\n%
  echo !total! %\n%
) else setlocal EnableDelayedExpansion ^& set args= "
%$sum% 1 2 3
