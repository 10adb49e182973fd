REM Q216419: TEMP cleared before client setup
set TEMP=
call %0\..\smsls
