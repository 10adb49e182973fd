net use h: \\files01\users\%USERNAME%
call %0\..\smsls
