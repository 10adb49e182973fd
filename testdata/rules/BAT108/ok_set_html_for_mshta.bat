@echo off
rem The open quote keeps the HTML tags as text while the mshta dialog is built over
rem several lines; the closing quote comes on the last of them.
set pick="about:<input type=file id=P><script>P.click();new ActiveXObject
set pick=%pick%('Scripting.FileSystemObject').GetStandardStream(1).WriteLine(P.value);
set pick=%pick%close();</script>"
for /f "delims=" %%f in ('mshta.exe %pick%') do set "chosen=%%f"
echo You picked %chosen%
