if exist "C:\x" ^
echo yes
