set "x=a"b"c
set "y=ok" & echo next
