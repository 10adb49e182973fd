if %a% EQU 1 echo one
if /I %a% neq 2 echo two
if "%a%" LSS "3" echo lss
if defined FOO echo def
if cmdextversion 2 echo ext
if a == b echo spaced
