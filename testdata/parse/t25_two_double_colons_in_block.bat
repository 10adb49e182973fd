for %%D in (hi) do (
  echo before
  :: c1
  :: c2
  echo after
)
