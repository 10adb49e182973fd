echoes hi
gotoend
setx a b
remark.exe
ifx
call/?
echo/
echo:colon
echo[bracket
