@echo off
call :main
goto :eof
:main
echo scheduling
goto :eof
<?xml version="1.0"?>
<Task>
  <Interval>PT15M</Interval>
</Task>
