@echo off
set APP=portal
ren "%APP%.war.bck" "%APP%.war"
echo "[INFO] Renamed %APP%.war.bck -> %APP%.war
