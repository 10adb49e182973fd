goto :eof
:eof
echo never via goto :eof
