goto end
echo skipped
:end
echo reached
