@echo off
call :sub
goto :eof
rem map drive 0 for the accounting share, see the wiki page
rem map drive 1 for the accounting share, see the wiki page
rem map drive 2 for the accounting share, see the wiki page
rem map drive 3 for the accounting share, see the wiki page
rem map drive 4 for the accounting share, see the wiki page
rem map drive 5 for the accounting share, see the wiki page
rem map drive 6 for the accounting share, see the wiki page
rem map drive 7 for the accounting share, see the wiki page
rem map drive 8 for the accounting share, see the wiki page
rem map drive 9 for the accounting share, see the wiki page
rem map drive 10 for the accounting share, see the wiki page
rem map drive 11 for the accounting share, see the wiki page
rem map drive 12 for the accounting share, see the wiki page
rem map drive 13 for the accounting share, see the wiki page
:sub
echo sub
