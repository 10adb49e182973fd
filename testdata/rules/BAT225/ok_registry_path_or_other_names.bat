@echo off
rem setx of other variables, of a PATH read from the registry, in the registry-reading
rem mode, and a session-only change with SET, are not reported.
setx JAVA_HOME "C:\Java\jdk8"
for /f "skip=2 tokens=2,*" %%a in ('reg query HKCU\Environment /v Path 2^>nul') do set "USERPATH=%%b"
setx PATH "%USERPATH%;C:\Tools\bin"
setx MYPATH /k "HKLM\System\CurrentControlSet\Control\Session Manager\Environment\Path"
set PATH=%PATH%;C:\Tools\bin
setx LASTPATH "%PATHEXT%"
rem setx PATH "%PATH%;C:\old" in a comment
