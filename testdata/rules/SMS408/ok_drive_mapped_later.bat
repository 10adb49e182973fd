REM P: is mapped only after PATH is set: a local drive then
path %PATH%;P:\BIN
net use p: \\fs1\apps
call %0\..\smsls
