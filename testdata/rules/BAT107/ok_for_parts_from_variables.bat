@echo off
set sites=(north,south,east)
for %%# in %sites% do (
  echo %%#
)
set root=D:\profiles
for /r %root% %%f in (*.tmp) do (
  del "%%f"
)
set recurse=/R
for %recurse% %%g in (*.log) do (
  echo %%g
)
