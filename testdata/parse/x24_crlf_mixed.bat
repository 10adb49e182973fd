echo crlf
echo lf
echo lonecr
