/* REXX: open the desktop */
IF (SysSetObjectData(ObjectId, 'OPEN=DEFAULT')) THEN
   SAY ' Ok.';
ELSE
   SAY ' ERROR!';
