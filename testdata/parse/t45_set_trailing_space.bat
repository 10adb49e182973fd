set name=Bob 
if "%name%"=="Bob" echo match
