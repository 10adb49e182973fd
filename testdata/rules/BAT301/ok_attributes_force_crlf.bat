@echo off
goto cleanup
echo step 0 of the nightly copy job, nothing to see here
echo step 1 of the nightly copy job, nothing to see here
echo step 2 of the nightly copy job, nothing to see here
echo step 3 of the nightly copy job, nothing to see here
echo step 4 of the nightly copy job, nothing to see here
echo step 5 of the nightly copy job, nothing to see here
echo step 6 of the nightly copy job, nothing to see here
echo step 7 of the nightly copy job, nothing to see here
echo step 8 of the nightly copy job, nothing to see here
echo step 9 of the nightly copy job, nothing to see here
echo step 10 of the nightly copy job, nothing to see here
echo step 11 of the nightly copy job, nothing to see here
echo step 12 of the nightly copy job, nothing to see here
echo step 13 of the nightly copy job, nothing to see here
echo step 14 of the nightly copy job, nothing to see here
echo step 15 of the nightly copy job, nothing to see here
echo step 16 of the nightly copy job, nothing to see here
echo step 17 of the nightly copy job, nothing to see here
echo step 18 of the nightly copy job, nothing to see here
echo step 19 of the nightly copy job, nothing to see here
:cleanup
del %TEMP%\job.tmp
