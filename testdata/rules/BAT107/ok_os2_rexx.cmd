/* REXX */
IF ((NewValue < LowerLimit) | (NewValue > UpperLimit)) THEN
   SAY 'out of range';
