net use h: \\fs1\users\%USERNAME%
call %0\..\smsls
