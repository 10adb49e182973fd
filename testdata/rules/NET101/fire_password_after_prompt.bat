@echo off
rem The prompt comes first, the literal last: the account ends with the literal.
net user kiosk * /add
net user kiosk Kiosk2024
