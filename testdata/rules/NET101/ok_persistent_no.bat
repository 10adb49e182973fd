@echo off
net use h: \\srv\home /persistent:no
net use x: \\srv\s /user:%USERNAME%
net use * /delete /y
net use lpt1: \\PRINTSRV\laser
net use \\srv\ipc$ "" /user:""
net use h: /home
