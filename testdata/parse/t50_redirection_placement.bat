>nul 2>&1 del x.tmp
del x.tmp >nul 2>&1
echo value1>out.txt
2>nul
