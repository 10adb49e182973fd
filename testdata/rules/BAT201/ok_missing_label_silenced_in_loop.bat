@echo off
for %%d in (h i) do (
  goto :not_defined >nul 2>&1 || echo the context ends, the block goes on
)
