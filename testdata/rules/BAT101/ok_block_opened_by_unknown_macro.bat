@echo off
rem %WRAP% is set by the caller; if it opens a block, the caller closes it
%WRAP% (
  echo inside
