goto x
:x
echo ok
