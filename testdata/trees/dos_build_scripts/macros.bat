@echo off
rem A library of set /a macros, run by a caller that turns delayed expansion on.
set "shr=(x>>1)"
:_geometry
rem  PointPoint x1 y1 x2 y2        <rtn> !HIT! 0:false or 1:true
set "PointPoint=HIT=(((~(x2-x1)>>31)&1)&((~(x1-x2)>>31)&1))"
rem  PointCircle x1 y1 cx cy r     <rtn> !HIT! 0:false or 1:true
set "PointCircle=a=x1-cx,b=y1-cy,HIT=((~((r - a*a - b*b)-1)>>31)&1)"
