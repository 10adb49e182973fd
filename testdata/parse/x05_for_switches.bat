for /r C:\temp %%f in (*.log) do del "%%f"
for /l %%n in (1,1,5) do echo %%n
for /f "usebackq tokens=1,2 delims=," %%a in ("file list.txt") do echo %%a %%b
for /d %%d in (*) do echo %%~nxd
