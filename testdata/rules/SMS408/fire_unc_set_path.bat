REM Q239590: a share on PATH locks out SMSCliToknAcct&
set PATH=%PATH%;\\tools01\bin
call %0\..\smsls
