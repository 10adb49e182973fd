@echo off
rem Examples for the help desk; the passwords are fillers, not credentials.
if "%1"=="" goto usage
net user %1 /domain
exit /b
:usage
echo Usage: showuser NAME
net user helpdesk blah /add
net use Q: \\files\share password /user:CORP\someone
net use R: \\files\share xxxxxx /user:CORP\someone
