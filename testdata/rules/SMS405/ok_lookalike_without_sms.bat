REM No SMS program here: a name close to one is someone else's tool.
c:\tools\smsman2.exe
