@echo off
rem a percent sign that should have been doubled
vssadmin resize shadowstorage /for=c: /on=c: /maxsize=7% >> "%LOGFILE%" 2>&1
