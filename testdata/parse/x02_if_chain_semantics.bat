if exist x echo a & echo b
if exist x (echo a) & echo b
if 1==1 if 2==2 echo deep
