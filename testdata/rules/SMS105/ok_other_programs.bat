net use h: \\FS1\home
c:\tools\choice.com /c:yn Continue
