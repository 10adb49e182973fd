assoc | find ".pl=Perl" > NUL
if errorlevel 1 call perl.bat
if errorlevel 0 goto runperl

:runperl
appsonly.pl
