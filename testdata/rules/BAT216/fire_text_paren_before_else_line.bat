@echo off
rem The `)` of the message closes the IF's block, so the `) else (` line below is read
rem as a lone `)` line: ignored, and the "missing" message runs on every client.
if exist "%ProgramFiles%\Agent\agent.exe" (
    echo Agent installed (version check skipped)
) else (
    echo Agent missing, installing
    msiexec /i "\\deploy\agent.msi" /qn
)
