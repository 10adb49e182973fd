@echo off
rem Idioms that want the value from before the block:
rem a ladder that maps a value (each test means the original value),
if defined edition (
    if /i "%edition%"=="0" set edition=Home
    if /i "%edition%"=="1" set edition=Pro
)
for %%e in (Starter HomeBasic) do (
    if /i %%e equ %sku% set "comp=Core" & set "sku=Core"
    if /i %%eN equ %sku% set "comp=CoreN" & set "sku=CoreN"
)
rem the swap,
if defined a (set a=%b%& set b=%a%)
rem the endlocal tunnel,
setlocal
set result=done
(endlocal & set "result=%result%" & echo %result%)
rem a constant appended in a loop (each pass appends the same text),
for %%f in (one.dll two.dll) do if not exist "%%f" set fixes=%fixes% https://example.invalid/repair
rem a value added to in a loop over one quoted string (one pass),
for /f "tokens=1,2 delims=:" %%a in ("%TIME%") do set "stamp=%stamp%%%a%%b"
rem a FOR whose list reads the variable its body sets,
for /f "skip=2 tokens=2*" %%a in ('reg query %key% /v Active') do set "key=%key%\%%b"
rem and a counter used as a slot index before the increment shows.
if %listc% geq %ac% (set /a list+=1& set "ldr%list%=%ldr%"& set "ldr=")
rem a FOR whose body jumps back to a label before it (each pass is read afresh),
set n=0
:next
for /f "skip=%n% delims=" %%f in ('dir /b *.log') do (
    set item%n%=%%f
    set /a n+=1
    goto next
)
rem and `usebackq` with one single-quoted string (one pass, the test means the old value).
for /f "usebackq tokens=*" %%a in ('%arg%') do (
    if %%~a equ %arg% set quoted=0
    set arg=%%~a
)
