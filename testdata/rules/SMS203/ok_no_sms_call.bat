if exist %windir%\system32\rasapi32.dll echo Dial-Up Networking is installed.
