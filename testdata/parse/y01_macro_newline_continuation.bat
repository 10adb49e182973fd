@echo off
rem a linefeed variable, then a continuation macro built from it
(set NL=^
%=nothing here=%
)
set ^"\n=^^^%NL%%NL%^%NL%%NL%^^"
set ^"$greet=for %%# in (1 2) do if %%#==2 (%\n%
  for /F "tokens=1" %%w in ("!args!") do ( %\n%
    echo Good morning %%~w %\n%
  ) %\n%
) else set args= "
%$greet% Ada
rem a name the file sets to a value ending in a caret continues too
set ^"cont=^^"
echo first half %cont%
second half
rem a trailing %var% that is not a continuation macro does not
echo plain %PATH%
echo next
