if exist "%ProgramFiles(x86)%" (
  echo Found (x86^)
  echo "Program Files (x86)"
)
