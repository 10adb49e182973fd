goto ::x
::x
