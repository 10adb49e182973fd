@ECHO OFF
PROMPT $P$G
IF "%CONFIG%"=="GAMES" GOTO games
GOTO end
:games
CD \GAMES
GAMEMENU.BAT
GOTO end
:end
CD \
