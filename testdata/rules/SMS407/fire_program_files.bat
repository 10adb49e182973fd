set SMS_LOCAL_DIR=C:\Program Files\SMS
%0\..\SMSBOOT1.EXE /s
