@echo off
if not exist "%LOGONDIR%\inventory.ini" goto NoInventory
echo collecting
goto :eof
:NoInventoryFile
echo inventory.ini is missing
