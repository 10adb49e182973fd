if /i "%a%"=="yes" (echo y) else (echo n)
if "%a%"=="yes" echo y else echo n
if "%a%"=="yes" (
  echo y
)
else (
  echo n
)
