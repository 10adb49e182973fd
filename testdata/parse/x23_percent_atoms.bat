echo %* %~f1 %~$PATH:1 %%%% %%~nxi %var:~0,2% %var:a=b% %
