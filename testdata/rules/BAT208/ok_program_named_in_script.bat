@echo off
set "CONDA_BAT=%~dp0condabin\conda.bat"
set "PATH=%~dp0condabin;%PATH%"
call conda deactivate
goto :eof
:conda
echo wrapper kept for the old entry point
