goto latestch
:latestchanges
echo two
:latestch
echo three
