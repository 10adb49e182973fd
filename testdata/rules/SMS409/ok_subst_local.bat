net use g: \\fs1\users
subst h: c:\data
call %0\..\smsls
