@echo off
for /d %%x in ("%SystemDrive%\Users\*") do (
del /f /q "%%x\AppData\Local\Temp\*" 2>nul
:: disabled: breaks the browser cache
::del /f /s /q "%%x\AppData\Local\Cache\*" 2>nul
del /f /q "%%x\Recent\*" 2>nul
)
