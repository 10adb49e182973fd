@echo off
net use P: \\fs01\public /user:admin Passwort /persistent:no
net use Q: \\fs01\dane /user:admin "Hasło_Lokalne"
net use R: \\fs01\data /user:admin Mot_de_passe_local
net use G: \\fs01\pub guest /user:guest
