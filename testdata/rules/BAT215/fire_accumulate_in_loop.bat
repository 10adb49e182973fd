@echo off
rem A list built in a FOR loop with %list%: every pass starts from the value before the
rem loop, so only the last file is kept. The same for a value set and shown in the body.
set list=
for %%f in ("%~dp0*.reg") do set list=%list% "%%~nxf"
echo Importing %list%
for /f "tokens=2 delims==" %%a in ('wmic os get caption /value') do (
    set osname=%%a
    echo Detected %osname%
)
