>log.txt (
  echo a
  echo b
)
(echo x) 2>nul >>out.txt
