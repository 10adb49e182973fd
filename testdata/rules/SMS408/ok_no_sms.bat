REM no SMS program here, and not a logon script
set PATH=%PATH%;\\tools01\bin
