:Schssel
goto Schssel
