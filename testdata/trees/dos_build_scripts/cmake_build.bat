@echo off
REM Licensed under the GPL; see <https://www.gnu.org/licenses/> for the text.
start cmd /k "cmake -G Ninja .. && ninja"
