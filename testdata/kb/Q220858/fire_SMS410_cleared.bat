set TEMP=
set TMP=
call %0\..\smsls
