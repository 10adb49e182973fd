setlocal enableextensions enabledelayedexpansion
set a=1
endlocal & set b=%a%
