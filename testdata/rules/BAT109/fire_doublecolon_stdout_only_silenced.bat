@echo off
for /d %%x in ("%SystemDrive%\Users\*") do (
:: disabled: breaks the browser cache
::del /f /s /q "%%x\AppData\Local\Cache\*" >nul
del /f /q "%%x\Recent\*" 2>nul
)
