(
  :: ok here
  echo fine
)
