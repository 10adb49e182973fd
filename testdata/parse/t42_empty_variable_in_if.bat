if %var%==yes echo y
