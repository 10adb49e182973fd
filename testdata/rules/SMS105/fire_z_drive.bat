z:\snboot.exe %0 /s
call Z:\SMSLS.BAT
