xcopy %0\..\cli_nt.hlp c:\temp /f
