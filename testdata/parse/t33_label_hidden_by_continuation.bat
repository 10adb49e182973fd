goto target
echo skip ^
:target
echo after
