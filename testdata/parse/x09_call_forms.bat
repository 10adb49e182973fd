call %0\..\smsls
call "%~dp0helper.bat" arg1 "arg 2"
call:sub
call
call :%target%
:sub
