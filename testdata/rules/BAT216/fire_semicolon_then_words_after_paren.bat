@echo off
if exist a.txt (
  echo copy failed (exit 1); skipping.
  echo (c) 2010 Contoso Ltd
)
