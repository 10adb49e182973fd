REM SMS 1.2 kept the client in C:\MS\SMS\BIN
