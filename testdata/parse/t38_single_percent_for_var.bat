for %f in (*.txt) do echo %f
