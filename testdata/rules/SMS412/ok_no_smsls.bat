@echo off
net time \\dc1 /set /yes
net use h: /home
