@echo off
rem the /R root is a path built from a variable
for /R %OUT_DIR%\doc %%v in (*.txt) do (
  echo %%~nxv
)
