set /a r=7 %% 3
set /a "m=5 & 3"
set /a n=5 & 3
