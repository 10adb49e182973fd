@echo off
for /f "usebackq delims=" %%f in ("%~dp0list.txt") do echo %%f
exit/b
c:\data\reports\january.xlsx
c:\data\reports\february.xlsx
c:\data\reports\march.xlsx
