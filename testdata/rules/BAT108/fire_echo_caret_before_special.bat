@echo off
echo "Copying files ^& folders... >> %TEMP%\copy.log
xcopy C:\data D:\data /e /y
