if exist x (
  echo Some(more)Potatoes
)
