call %0\..\smsls
