@echo off
rem A menu that draws its options with arrows: each arrow writes the line into a file
rem named after the next word, and the user sees an empty menu.
echo  1 -> Map the team drives
echo  2 --> Install the printers
echo  3 => Quit
set /p pick=Choice: 
echo Step done. ==> Log written. >> "%TEMP%\setup.log"
