rem Clean updel /q %TEMP%\*.tmp
:: see <http://example.com/kb?id=12>
echo done
