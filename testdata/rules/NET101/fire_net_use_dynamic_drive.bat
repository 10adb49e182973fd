@echo off
set drv=L:
net use %drv% \\FILES\shared Gu3st /user:CORP\guest
