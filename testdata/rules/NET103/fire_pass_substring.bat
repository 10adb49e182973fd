@echo off
setlocal enabledelayedexpansion
set db_pass=Tables42
if not "%1"=="" (
  osql -U sa -P !db_pass! -Q "exec sp_inventory"
)
