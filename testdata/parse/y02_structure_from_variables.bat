@echo off
set letters=(a,b,c)
for %%L in %letters% do (
  echo %%L
)
set base=C:\logs
for /r %base% %%f in (*.log) do echo %%f
set sw=/D
for %sw% %%d in (*) do echo %%d
for %%# in !dynamic! do echo %%#
set "_probe=if exist "%TEMP%\ready.flg""
%_probe% (
  echo ready
) else (
  echo waiting
)
%UNKNOWN_WRAPPER% (
  echo wrapped
)
for /F %%^^ in ("x") do echo escaped variable
