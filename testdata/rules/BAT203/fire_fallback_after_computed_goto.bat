@echo off
goto os_%OSVER%
goto os_done
:os_WinNT
net use h: /home
:os_done
