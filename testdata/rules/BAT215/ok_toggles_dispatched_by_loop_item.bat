@echo off
rem Each number typed toggles one option: the branch for that number reads the option, then
rem sets it. Only the same number typed twice would read the value from before the loop.
set "map_home=on"
set "map_public=off"
set /p picks=Options to switch (1 = home drive, 2 = public drive): 
for %%n in (%picks%) do (
    if "%%n"=="1" (
        if "%map_home%"=="on" (set "map_home=off") else (set "map_home=on")
    ) else if "%%n"=="2" (
        if "%map_public%"=="on" (set "map_public=off") else (set "map_public=on")
    )
)
echo home drive %map_home%, public drive %map_public%
