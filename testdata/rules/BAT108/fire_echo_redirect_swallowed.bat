@echo off
rem The open quote turns the redirection into text: nothing is written to the log.
echo "Backup finished at %time% >> %~dp0backup.log
