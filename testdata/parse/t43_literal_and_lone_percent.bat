echo 100%%
echo 50% off
