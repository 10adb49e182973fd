net use g: \\fs1\users
subst /d g:
call %0\..\smsls
