set TEMP=C:\My Temp
net use h: \\FS1\home
