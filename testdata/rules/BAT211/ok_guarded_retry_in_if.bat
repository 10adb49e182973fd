@echo off
setlocal EnableDelayedExpansion
if /i not "%CONFIRMED%"=="yes" (
  echo Type YES to continue
  :ask
  set /p ANSWER=Answer: 
  if not "!ANSWER!"=="YES" echo Please type YES&& goto ask
  echo confirmed
)
echo go on
