REM TMP is this script's own scratch variable, cleared after SMS has run
call %0\..\smsls
set TMP=
