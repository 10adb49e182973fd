if exist x (
  echo "(not a paren)"
)
