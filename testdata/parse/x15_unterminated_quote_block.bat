if 1==1 (
  echo "open & echo b)
)
