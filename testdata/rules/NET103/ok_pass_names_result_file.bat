@echo off
set PASS=result_ok.log
set FAIL=result_bad.log
memtest.exe /quick > %PASS% 2> %FAIL%
if not exist %PASS% goto failed
echo memory test passed
goto :eof
:failed
echo memory test failed
