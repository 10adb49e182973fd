echo.
echo(
(echo(hello)
for %%i in (1) do (echo(%%i))
