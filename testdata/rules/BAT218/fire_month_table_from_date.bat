@echo off
rem Days of the current month for the rotation of the backups.
set mon=%date:~3,2%
set days=30
if %mon%=="01" set days=31
if %mon%=="02" set days=28
if %mon%=="03" set days=31
echo keeping %days% days
