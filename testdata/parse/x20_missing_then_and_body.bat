if exist x
for %%a in (1) do
if
for
if "a"
