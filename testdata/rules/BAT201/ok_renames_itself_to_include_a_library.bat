@echo off
rem The include trick: the script swaps names with Library.bat while the block runs, and
rem cmd.exe reads each label search from the file now at its path (Library.bat's labels).
set  "openLib=(ren "%~nx0" temp.bat & ren "Library.bat" "%~nx0""
set "closeLib=ren "%~nx0" "Library.bat" & ren temp.bat "%~nx0")"
(2>nul %openLib% && ( call :revision ) || ( ren temp.bat "%~nx0" & echo Library.bat required & exit /b 1))
	call :StdLib 144 89
	call :macros
%closeLib% && ( cls & goto :setup)
:setup
echo ready
