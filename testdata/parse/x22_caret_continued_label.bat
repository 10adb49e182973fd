:lbl ^
continued
: ^
  more
echo after
