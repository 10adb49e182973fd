@echo off
rem A personal toolkit run as `tool build`, `tool deploy`: each word of the %1 dispatch has a
rem one-line alias script on the PATH that runs `tool <word> %*`. `call build` runs that
rem alias, which starts this script again at :build.
if /i "%1"=="build" goto build
if /i "%1"=="deploy" goto deploy
goto :eof
:deploy
call build release
xcopy /y out\*.* \\server\apps\
goto :eof
:build
msbuild app.sln /p:Configuration=%2
goto :eof
