@echo off
rem Hand over to the site's own post-install script when there is one; the lines below
rem run only when it is missing.
if exist postinst.bat postinst.bat
echo postinst.bat is missing: using the defaults
copy defaults\*.* C:\APP
