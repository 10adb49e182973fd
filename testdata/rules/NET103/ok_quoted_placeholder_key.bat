@echo off
rem A hotspot helper whose key is the quoted word "password": a note to change it, shown on
rem the menu on purpose. No credential is written here.
set hotspotKey="password"
echo Key: %hotspotKey%
netsh wlan set hostednetwork mode=allow ssid=Lab key=%hotspotKey%
