:: see <http://example.com/kb?id=12>
rem the old server\\srv01\share
echo done
