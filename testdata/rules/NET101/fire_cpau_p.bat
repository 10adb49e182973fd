@echo off
call %0\..\cpau.exe -u CORP\installer -p Inst4ll -ex "msiexec /i %0\..\agent.msi /qn" -lwp
