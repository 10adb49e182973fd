@echo off
for %%f in (*.log) do (
    set /p keep=Keep %%f (y/n)? 
    echo checked %%f
)
