if 1==1 (
  set "P=%ProgramFiles(x86)%"
)
