REM Q244410: a drive mapped by this script is put on PATH
net use p: \\fs1\apps
path %PATH%;P:\BIN
call %0\..\smsls
