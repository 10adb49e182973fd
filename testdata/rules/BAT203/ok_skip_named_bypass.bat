@echo off
GOTO SkipOldHelp
echo old usage text
net use
:SkipOldHelp
echo main
