:: XP-only helper
@echo off
if not "%OS%"=="Windows_NT" (
  echo This needs Windows NT
  exit /b 1
)
setlocal
for %%f in ("%USERPROFILE%\Recent\*.lnk") do del "%%f"
endlocal
