for /f %%a in ('echo (x)') do echo %%a
for /f %%a in ('echo ^(x^)') do echo %%a
