set TEMP=C:\Temp 
call %0\..\smsls
