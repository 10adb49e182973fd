@echo off
echo Usage: show TEXT
echo Characters like "^&<|>!%% in TEXT may cause unexpected results.
exit /b
