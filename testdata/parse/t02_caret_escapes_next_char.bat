echo a ^
&echo b
