for %%i in (C:\TEMP) do set TEMP=%%i
call %0\..\smsls
