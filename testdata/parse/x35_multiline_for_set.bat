for %%f in (
  a.txt
  "b c.txt"
) do type %%f
