REM Q199114: parameters are recognised only in capitals
clitravl.exe /travel=on /Prompt=OFF
