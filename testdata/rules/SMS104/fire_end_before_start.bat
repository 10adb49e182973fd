rem microsoft systems management server (end)
call %0\..\smsls
rem microsoft systems management server (start)
