@echo off
rem
rem   ===> Run with right click, "Run as administrator" (Vista/7/2008 only)
rem
subinacl /noverbose /subkeyreg HKEY_LOCAL_MACHINE\Software\Policies\Microsoft\Windows /grant="EBOX\Domain Admins"=f
