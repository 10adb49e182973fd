set
set PATH
set /p answer=Continue? 
set "a="
set a =b
set x=a>nul
