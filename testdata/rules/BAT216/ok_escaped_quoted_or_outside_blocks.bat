@echo off
if exist save.txt (
    echo A saved game was found. Load it? ^(Y/N^)
    echo "Keep it? (y/n)"
    echo Copyright ^(C^) 2013
    set /p load=
)
echo done (all files)
if exist old.txt echo found (old)
