if "%SMS_LOCAL_DIR%"=="" set SMS_LOCAL_DIR=%SystemDrive%\SMSClient
