(
  echo a &:: c1
  echo b
)
