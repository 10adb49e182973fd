call %0\..\smsls
call %0\..\deinstal.bat
