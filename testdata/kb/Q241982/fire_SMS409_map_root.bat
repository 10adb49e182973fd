net use g: \\files01\users
subst h: g:\%USERNAME%
call %0\..\smsls
