echo off
rem LF-only copy edited on a Unix box
goto :end
%0\..\SNBOOT.EXE %0 /s
:end
