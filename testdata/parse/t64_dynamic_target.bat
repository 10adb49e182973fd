goto %choice%
:a
:b
