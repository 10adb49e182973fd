if 1==1 (
  echo a
  :: trailing
)
