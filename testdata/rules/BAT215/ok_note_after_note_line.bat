@echo off
(
  set "tooldir=%~dp0tools\"
  :: The tools folder sits beside this script.
  :# It is read below as "%tooldir%", once the block has run.
  echo ready
)
echo %tooldir%
