@echo off
rem Clear the chat client caches before the user signs in.
cd /d "%APPDATA%\ChatClient\Cache"
echo Clearing cache...
del /s /q *
cd /d "%LOCALAPPDATA%\ChatClient\GPUCache"
rd /s /q .
pushd \\fs01\drop\%COMPUTERNAME%
del /q *.*
popd
