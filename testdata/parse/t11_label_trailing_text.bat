goto fin
:fin   
:fin2 this is ignored
