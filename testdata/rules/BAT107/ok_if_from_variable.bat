@echo off
set "_haveflag=if exist "%TEMP%\deploy.flg""
%_haveflag% (
  echo deployment pending
) else (
  echo nothing to do
)
