@echo off
set retries=0
:again
net use P: \\PRN01\queues
if not errorlevel 1 goto mapped
set /a retries+=1
if retries==3 goto failed
goto again
:mapped
echo mapped
goto :eof
:failed
echo could not map P:
