@echo off
rem > stamp.
rem The empty file above marks the time; dir shows it.
dir stamp. | find "-"
del stamp.
