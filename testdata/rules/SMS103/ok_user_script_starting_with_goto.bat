goto MAP
:MAP
net use h: \\FS1\home\%USERNAME%
