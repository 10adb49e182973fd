if "%~1"=="" goto usage
if [%1]==[] goto usage
if not "%2"=="" shift
:usage
