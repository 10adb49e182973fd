@echo off
rem The block after || runs only when the check fails: its exit stops the whole run on
rem purpose, like the one-line "find ... || exit".
call :precheck
echo scanning
goto :eof

:precheck
find /i "ready" status.txt >nul ||(
	echo This tool cannot run before the status file says ready.
	cd ..
	exit
	)
goto :eof
