@echo off
rem The copy helper ends the whole run on failure; after its CALL only `popd`
rem and the jump to the end are left, which that exit loses nothing of.
pushd "%~dp0"
call :checked_copy app.exe out\app.exe
popd
goto :end

:checked_copy
copy %1 %2
if errorlevel 1 (
    popd
    exit 1
)
exit /b

:end
