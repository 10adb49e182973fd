@echo off
rem 请把账号和密码改成你自己的
set username=student01
set password=你的密码
connector.exe -u %username% -p %password%
