@echo off
rem the /R root is a path built from a variable; an outer FOR variable may be one too
for /R %OUT_DIR%\doc %%v in (*.txt) do (
  echo %%~nxv
)
for %%d in (src lib) do for /r %%d %%f in (*.obj) do del "%%f"
