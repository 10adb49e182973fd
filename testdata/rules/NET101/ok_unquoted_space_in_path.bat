@echo off
set drv=L:
net use %drv% \\FILES\shared /user:%user% %pass%
net use f: \\FILES\Path to folder /user:%USERDOMAIN%\%USERNAME% /persistent:no
net use z: \\FILES\dept\Jane Doe	/user:%USERDOMAIN%\%USERNAME% /persistent:no
