@echo off
echo    __  __ _  _ "  ___
echo   (  \/  ) \/ ) " / ^_^ \ backup tool
echo    )    ( )  (   ( (_) )
pause
