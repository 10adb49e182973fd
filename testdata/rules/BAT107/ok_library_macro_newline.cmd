@echo off
rem %\macroN% comes from the library that loads this file
set ^"$clamp=for %%# in (1 2) do if %%#==2 (%\macroN%
    set /a "v=args" %\macroN%
    if !v! GTR 99 ( %\macroN%
        set v=99 %\macroN%
    ) %\macroN%
) else set args="
