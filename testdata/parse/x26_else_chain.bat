if 1==1 (echo a) else if 2==2 (echo b) else (echo c)
if 1==1 (
  echo a
) else (
  echo b
) & echo after
